"""PETRARCH/CAMEO verb dictionaries: read once (`parse_verbs`) for the importer, which turns the
blocks into our `verbs.tsv` patterns (`verb_rows`), and for the engine, which indexes the verbs by
their forms (`dateline.petrarch.dictionary`).

A verb block starts with ``--- DESCRIPTION [CODE] ---``; its lines are the synonym verbs
(``VERB {IRREGULAR FORMS} [OWN CODE]``; ``+ASK_FOR``/``WIRE_+TAP``: a multi-word verb, ``+``
on the verb) and patterns ``- WORDS * WORDS [CODE]``, which apply to every verb of the block.
``&NAME`` followed by ``+MEMBER`` lines defines a synset. In a pattern ``*`` is the verb, ``+``
the target, ``$`` the source, ``%`` a compound actor (both), ``^`` skips a noun phrase,
``(PREP ...)`` and ``{NOUN PHRASE}`` (PETRARCH 2) group words, ``_`` joins consecutive words.
A code ``[A:B]`` gives A to source -> target and B to target -> source; ``[---]`` is no event.

Mapping to our grammar (`dateline.coding.lexicon`):

* trigger = the verb's lemma, with ``:v`` (PETRARCH codes verbs only); a multi-word verb's
  other words are required words; a verb with a code gets a bare pattern of its own;
* every other word, before or after ``*``, is a required dependent (the parse, not the word
  order, decides; adjacency ``_`` is not checked); groups are flattened; ``^`` is dropped;
* ``+`` after a preposition becomes ``PREP TARGET``, elsewhere after the verb ``TARGET`` (the
  direct object); ``+`` before the verb is the subject of a passive, which our coder takes as
  target by itself; ``%`` is read as ``$`` before the verb and as ``+`` after it;
* a synset becomes one ``a|b|c`` slot for its one-word members; each multi-word member gives a
  pattern of its own (nested synsets are expanded);
* code A of ``[A:B]`` is kept (B is counted as dropped).

Skipped and counted: ``$`` after the verb (our grammar has no source slot), null codes (our
lexicon cannot block a match), codes only for target -> source, codes outside CAMEO, patterns
without exactly one ``*``, undefined synsets, more than 64 variants, duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..coding.lexicon import PREPOSITIONS
from ..ontology import Ontology
from .lemmas import lemma
from .reader import Tally, brackets, phrase_words

MAX_VARIANTS = 64
_GROUPING = re.compile(r"[(){}]")
_FORMS = re.compile(r"\{([^}]*)\}")


@dataclass(slots=True)
class Verb:
    """One verb of a synonym block: the verb word, the words before and after it (a multi-word
    verb), its irregular forms (``{...}``; verb words) and its own code, upper case as written."""

    word: str
    before: list[str]
    after: list[str]
    code: str | None
    irregular: list[str] = field(default_factory=list)

    @property
    def lemma(self) -> str:
        """The verb word's lemma (lower case), for our trigger."""
        return lemma(self.word.lower())

    @property
    def extra(self) -> list[str]:
        """The other words of a multi-word verb (lower case)."""
        return [w.lower() for w in (*self.before, *self.after) if w]


@dataclass(slots=True)
class VerbBlock:
    """A synonym block: default code, verbs, patterns (text, code), in file order."""

    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)


class Synset(list[str]):
    """A synset's member phrases as written, and whether PETRARCH adds each one's plural (not
    under a label written ``&NAME_``)."""

    def __init__(self) -> None:
        super().__init__()
        self.plurals: list[bool] = []


def parse_verbs(lines: list[str], tally: Tally) -> tuple[list[VerbBlock], dict[str, Synset]]:
    """The verb blocks and synsets (name -> members) of a verb dictionary (lines already free of
    comments); what is left out is counted in ``tally``."""
    blocks: list[VerbBlock] = []
    synsets: dict[str, Synset] = {}
    block: VerbBlock | None = None
    synset: Synset | None = None
    plurals = True
    for line in lines:
        stripped = line.strip()
        if not stripped:
            synset = None
            continue
        if stripped.startswith("---"):
            synset = None
            _, codes = brackets(stripped)
            block = VerbBlock(_code(codes))
            blocks.append(block)
        elif stripped.startswith("~"):
            tally.skipped["transformation_rule"] += 1
        elif stripped.startswith("&"):
            label = stripped.split()[0][1:]
            plurals = not label.endswith("_")
            synset = synsets.setdefault(label.rstrip("_").upper(), Synset())
        elif stripped.startswith("+") and synset is not None:
            synset.append(stripped[1:].strip())
            synset.plurals.append(plurals)
        elif stripped.startswith("-"):
            synset = None
            text, codes = brackets(stripped[1:])
            if block is None or not codes:
                tally.skipped["pattern_without_block_or_code"] += 1
                continue
            block.patterns.append((text.strip(), codes[0].replace(" ", "")))
        else:
            synset = None
            if block is None:
                tally.skipped["verb_without_block"] += 1
                continue
            verb = _verb(stripped)
            if verb is None:
                tally.skipped["bad_verb_line"] += 1
                continue
            block.verbs.append(verb)
    return blocks, synsets


def _code(codes: list[str]) -> str | None:
    return codes[0].replace(" ", "") if codes else None


def _verb(line: str) -> Verb | None:
    forms = _FORMS.search(line)
    text, codes = brackets(_FORMS.sub(" ", line))
    words = [w.upper() for w in phrase_words(text)]
    if not words:
        return None
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    irregular: list[str] = []
    for written in forms.group(1).split() if forms is not None else ():
        parts = [w for w in written.upper().split("_") if w]
        irregular.append(next((w.lstrip("+") for w in parts if w.startswith("+")), parts[0] if parts else ""))
    return Verb(words[marked], words[:marked], words[marked + 1 :], _code(codes), irregular)


def event_code(text: str | None, ontology: Ontology, tally: Tally) -> str | None:
    """The CAMEO code of ``[A]`` or ``[A:B]`` (A; B counted as dropped), or None (counted)."""
    if text is None:
        tally.skipped["no_code"] += 1
        return None
    forward, sep, backward = text.replace(" ", "").partition(":")
    if not forward:
        tally.skipped["target_to_source_code_only"] += 1
        return None
    if forward == "---":
        tally.skipped["null_code"] += 1
        return None
    if forward not in ontology:
        tally.skipped["not_cameo_code"] += 1
        return None
    if sep and backward and backward != "---":
        tally.approximated["reverse_code_dropped"] += 1
    return forward


@dataclass(slots=True)
class Converted:
    """A pattern in our terms: word slots (per variant) and where the target is."""

    variants: list[list[str]]
    target: str | None  # None, "" (direct object) or a preposition


def convert_pattern(text: str, synsets: Mapping[str, list[str]], tally: Tally) -> Converted | None:
    """Our slots for one PETRARCH pattern (the part between ``-`` and the code), or None (counted)."""
    tokens = [t for t in re.split(r"[\s_]+", _GROUPING.sub(" ", text)) if t]
    if tokens.count("*") != 1:
        tally.skipped["not_one_verb_marker"] += 1
        return None
    star = tokens.index("*")
    pre, post = tokens[:star], tokens[star + 1 :]
    if "$" in post:
        tally.skipped["source_after_verb"] += 1
        return None
    if "%" in pre or "%" in post:
        tally.approximated["compound_actor"] += 1
    post = ["+" if t == "%" else t for t in post]
    if post.count("+") > 1:
        tally.skipped["several_targets"] += 1
        return None
    target: str | None = None
    if "+" in post:
        plus = post.index("+")
        k = plus - 1
        while k >= 0 and post[k] == "^":
            k -= 1
        previous = post[k].lower() if k >= 0 else ""
        if previous in PREPOSITIONS:
            target = previous
            post = [t for i, t in enumerate(post) if i != k]
        else:
            target = ""
    elif "+" in pre:
        tally.approximated["target_before_verb_as_passive_subject"] += 1
    words = [t for t in (*pre, *post) if t not in ("$", "%", "+", "^")]
    if any(t not in ("$", "%", "+", "^") for t in pre):
        tally.approximated["words_before_verb"] += 1
    variants: list[list[str]] = [[]]
    for token in words:
        if token.startswith("&"):
            options = _synset_options(token[1:], synsets, set())
            if options is None:
                tally.skipped["undefined_synset"] += 1
                return None
            variants = [v + o for v in variants for o in options]
            if len(variants) > MAX_VARIANTS:
                tally.skipped["too_many_variants"] += 1
                return None
        else:
            word = token.lower()
            variants = [[*v, word] for v in variants]
    return Converted(variants, target)


def _synset_options(name: str, synsets: Mapping[str, list[str]], seen: set[str]) -> list[list[str]] | None:
    members = _members(name.rstrip("_").upper(), synsets, seen)
    if members is None:
        return None
    singles = [m[0] for m in members if len(m) == 1]
    options = [["|".join(dict.fromkeys(singles))]] if singles else []
    options.extend(m for m in members if len(m) > 1)
    return options


def _members(name: str, synsets: Mapping[str, list[str]], seen: set[str]) -> list[list[str]] | None:
    if name in seen or name not in synsets:
        return None
    out: list[list[str]] = []
    for member in synsets[name]:
        words: list[list[str]] = [[]]
        for word in phrase_words(member):
            if word.startswith("&"):
                nested = _members(word[1:].rstrip("_").upper(), synsets, seen | {name})
                if nested is None:
                    return None
                words = [w + n for w in words for n in nested]
            else:
                words = [[*w, word.lower()] for w in words]
        out.extend(w for w in words if w)
    return out


def verb_rows(
    blocks: list[VerbBlock], synsets: Mapping[str, list[str]], ontology: Ontology, tally: Tally
) -> list[dict[str, str]]:
    """``verbs.tsv`` rows (code, pattern) for the blocks, first of duplicate patterns kept."""
    rows: dict[str, str] = {}

    def add(code: str, text: str) -> None:
        if text in rows:
            tally.skipped["duplicate_pattern_row"] += 1
        else:
            rows[text] = code

    for block in blocks:
        verbs: list[tuple[str, list[str]]] = []
        for verb in block.verbs:
            if not verb.word.replace("-", "").isalpha():
                tally.skipped["bad_verb_line"] += 1  # our trigger is a lemma
                continue
            verbs.append((verb.lemma, verb.extra))
            own = verb.code or block.code
            if own is None or own == "---":
                tally.skipped["verb_alone_codes_no_event"] += 1  # as in PETRARCH: only its patterns code
                continue
            code = event_code(own, ontology, tally)
            if code is not None:
                add(code, " ".join([f"{verb.lemma}:v", *verb.extra]))
                tally.imported["verbs"] += 1
        for text, code_text in block.patterns:
            code = event_code(code_text, ontology, tally)
            if code is None:
                continue
            converted = convert_pattern(text, synsets, tally)
            if converted is None:
                continue
            tally.imported["patterns"] += 1
            for trigger, extra in verbs:
                for slots in converted.variants:
                    add(code, _pattern_text(trigger, extra, slots, converted.target))
    tally.imported["rows"] = len(rows)
    return [{"code": code, "pattern": text} for text, code in rows.items()]


def _pattern_text(trigger: str, extra: list[str], slots: list[str], target: str | None) -> str:
    words = [f"{trigger}:v"]
    if target == "":
        words.append("TARGET")
    words.extend(extra)
    words.extend(slots)
    if target:
        words.extend([target, "TARGET"])
    return " ".join(words)
