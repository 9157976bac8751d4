"""The verb and noun pattern lexicon (``data/verbs.tsv``), the modality rules (``coding.toml``)
and the word classes the coder reads (`dateline.words`), each with a user's files over ours.

Pattern grammar, one pattern a line, words separated by spaces:

* the first word is the trigger lemma; ``:v`` or ``:n`` limits it to verbs or nouns
  (``visit:n to TARGET`` is "a visit to Russia", ``visit TARGET`` the verb);
* further words are lemmas that must be dependents of the trigger (or of its object), with
  ``a|b`` for alternatives (``hold talk|negotiation with TARGET``); ``CLAUSE`` requires a
  clausal complement ("protested that ...": ``protest:v CLAUSE``), whose subject becomes the
  target for appeals, demands, accusations, rejections and threats;
* ``OBJECT`` requires a direct object (a passive subject counts) without naming it
  (``return:v OBJECT to TARGET``: "returned the stolen statues to Egypt", not "returned to Cairo");
* ``TARGET`` marks where the target is: after a preposition it is that preposition's object
  (``fire on TARGET``), right after the trigger or its words it is the direct object;
  without ``TARGET`` the target is the direct object if there is one.

The more words a pattern needs, the more specific it is; the most specific match wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..records import PatternRef, stable_id
from ..resources import read_layered, read_layered_toml
from ..words import Words, default_words

PREPOSITIONS = frozenset(
    {
        "around",
        "along",
        "behind",
        "alongside",
        "inside",
        "with",
        "to",
        "on",
        "against",
        "at",
        "into",
        "in",
        "for",
        "from",
        "of",
        "over",
        "upon",
        "toward",
        "towards",
        "by",
        "between",
        "among",
        "onto",
        "across",
        "through",
        "about",
        "near",
    }
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry."""

    code: str
    trigger: str
    pos: str | None
    words: tuple[frozenset[str], ...]
    target_prep: str | None
    target_slot: bool
    text: str
    needs_object: bool = False

    @property
    def ref(self) -> PatternRef:
        """The pattern as events cite it: a stable id (from its code and text) and its text."""
        return PatternRef(stable_id("pattern", self.code, self.text, length=10), f"{self.code} {self.text}")

    @property
    def specificity(self) -> int:
        """How many words beyond the trigger the pattern requires."""
        return len(self.words) + (1 if self.target_prep else 0)


def parse_pattern(code: str, text: str) -> Pattern:
    """Parse one pattern line (see the module docstring)."""
    tokens = text.split()
    if not tokens or tokens[0] == "TARGET":
        raise DataFileError(f"verbs.tsv: pattern {text!r} for {code} has no trigger word")
    trigger, _, pos = tokens[0].partition(":")
    if pos not in ("", "v", "n"):
        raise DataFileError(f"verbs.tsv: bad part of speech {pos!r} in {text!r}")
    rest = tokens[1:]
    needs_object = "OBJECT" in rest
    rest = [w for w in rest if w != "OBJECT"]
    target_slot = "TARGET" in rest
    target_prep = None
    if target_slot:
        index = rest.index("TARGET")
        if index > 0 and rest[index - 1] in PREPOSITIONS:
            target_prep = rest[index - 1]
            rest = rest[: index - 1] + rest[index + 1 :]
        else:
            rest = rest[:index] + rest[index + 1 :]
    words = tuple(frozenset(w.lower().split("|")) for w in rest)
    return Pattern(code, trigger.lower(), pos or None, words, target_prep, target_slot, text, needs_object)


@dataclass(slots=True)
class Lexicon:
    """Patterns indexed by trigger lemma, plus the modality word lists."""

    by_trigger: dict[str, list[Pattern]]
    intent_verbs: frozenset[str]
    intent_auxiliaries: frozenset[str]
    threat_verbs: frozenset[str]
    negation_verbs: frozenset[str]
    modals: frozenset[str]
    hypothetical_markers: frozenset[str]
    intent_codes: dict[str, str]
    threat_codes: dict[str, str]
    non_targets: frozenset[str]
    non_actors: frozenset[str]
    posture_verbs: frozenset[str]
    posture_code: str
    joint_nouns: frozenset[str]
    sport_nouns: frozenset[str]
    combat_nouns: frozenset[str]
    seizure_codes: frozenset[str]
    combat_code: str
    joint_code: str
    refusal_verbs: frozenset[str]
    refusal_codes: dict[str, str]
    demand_modals: frozenset[str]
    appeal_modals: frozenset[str]
    demand_codes: dict[str, str]
    #: The word classes (speech verbs, allegation nouns, ...) the coder's rules read.
    words: Words = field(default_factory=default_words)

    @classmethod
    def load(
        cls, data_dirs: Sequence[str | Path] = (), shipped: bool = True, words: Words | None = None
    ) -> Lexicon:
        """Read ``verbs.tsv`` (a user's in ``data_dirs`` plus, unless not ``shipped``, ours),
        ``coding.toml`` (a user's merged over ours: tables key by key, a user's value wins; see
        `read_layered_toml`) and, unless given, the word classes (``words/*.toml``, likewise)."""
        by_trigger: dict[str, list[Pattern]] = defaultdict(list)
        for row in read_layered("verbs.tsv", data_dirs, shipped):
            pattern = parse_pattern(row["code"], row["pattern"])
            by_trigger[pattern.trigger].append(pattern)
        for patterns in by_trigger.values():
            patterns.sort(key=lambda p: -p.specificity)
        rules = read_layered_toml("coding.toml", data_dirs)
        if words is None:
            words = Words.load(data_dirs) if data_dirs else default_words()
        return cls(
            by_trigger=dict(by_trigger),
            intent_verbs=frozenset(rules["intent"]["verbs"]),
            intent_auxiliaries=frozenset(rules["intent"]["auxiliaries"]),
            threat_verbs=frozenset(rules["threat"]["verbs"]),
            negation_verbs=frozenset(rules["negation"]["verbs"]),
            modals=frozenset(rules["hypothetical"]["modals"]),
            hypothetical_markers=frozenset(rules["hypothetical"]["markers"]),
            intent_codes=dict(rules["intent"]["codes"]),
            threat_codes=dict(rules["threat"]["codes"]),
            non_targets=frozenset(rules["non_targets"]["words"]),
            non_actors=frozenset(rules["non_actors"]["words"]),
            posture_verbs=frozenset(rules["posture"]["verbs"]),
            posture_code=str(rules["posture"]["code"]),
            joint_nouns=frozenset(rules["joint"]["nouns"]),
            sport_nouns=frozenset(rules["sport"]["nouns"]),
            joint_code=str(rules["joint"]["code"]),
            combat_nouns=frozenset(rules["combat"]["nouns"]),
            seizure_codes=frozenset(rules["combat"]["seizure_codes"]),
            combat_code=str(rules["combat"]["code"]),
            refusal_verbs=frozenset(rules["refusal"]["verbs"]),
            refusal_codes=dict(rules["refusal"]["codes"]),
            demand_modals=frozenset(rules["demand"]["demand_modals"]),
            appeal_modals=frozenset(rules["demand"]["appeal_modals"]),
            demand_codes=dict(rules["demand"]["codes"]),
            words=words,
        )

    def patterns_for(self, lemma: str) -> list[Pattern]:
        """Patterns whose trigger is ``lemma``, most specific first."""
        return self.by_trigger.get(lemma, [])

    def intent_code(self, code: str) -> str:
        """The CAMEO intent code for a done-event code ("042" -> "036")."""
        return _longest_prefix(self.intent_codes, code) or code

    def threat_code(self, code: str) -> str | None:
        """The CAMEO threat code for a done-event code ("190" -> "138"), or None."""
        return _longest_prefix(self.threat_codes, code)

    def demand_code(self, code: str, appeal: bool = False) -> str:
        """The CAMEO demand (or, with ``appeal``, the parallel appeal) code for requiring an act."""
        demand = _longest_prefix(self.demand_codes, code) or "100"
        return "02" + demand[2:] if appeal else demand

    def refusal_code(self, code: str) -> str | None:
        """The CAMEO rejection code for refusing a cooperative act ("057" -> "127"), or None."""
        return _longest_prefix(self.refusal_codes, code)

    def __len__(self) -> int:
        return sum(len(p) for p in self.by_trigger.values())


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    for length in range(len(code), 0, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (loaded once per process)."""
    return Lexicon.load()
