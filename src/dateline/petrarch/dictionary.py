"""PETRARCH dictionaries in memory, as the PETRARCH-compatible engine applies them.

The files are read by the parsers the importer uses too (`dateline.petrarch.actors`, `.agents`,
`.verbs`); unlike the importer (which converts to our TSV formats and counts what they cannot
say), this module keeps every PETRARCH construct: actor entries with all their codes
(``[ELR/GAL]`` is two actors) and date restrictions, null-coded actors (they hold their words but
give no actor), agents with their side (``~GOV`` appended, ``NGO~`` prepended), verb synonym
blocks with the forms of each verb, multi-word verbs, patterns and synsets, and discard phrases.

Phrases are compared word by word on upper-case words; hyphens are words of their own and ``_``
joins words, so ``BARAD-DUR`` is ``BARAD - DUR`` as the tokenizer splits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .actors import ActorEntry, parse_actors
from .agents import AgentEntry, read_agents, regular_plural
from .importer import detect_kind
from .reader import Tally, read_lines
from .verbs import Synset, VerbBlock, parse_verbs

#: An event code PETRARCH dictionaries use: CAMEO ("042", "1711"), WEIS ("223") or a variant
#: with a letter ("174K"). Anything else ("+++", "xxy", "023?") makes the entry unusable.
EVENT_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")
#: The engine's names for what the parsers leave out (``left_out`` in the mechanics report).
_PREFIX = {"actors": "actor_", "agents": "agent_", "verbs": ""}
_RENAMED = {"no_code": "bad_code", "transformation_rule": "verb_transformation_rule"}

Words = tuple[str, ...]


def split_words(text: str) -> list[str]:
    """Upper-case words of a phrase or token: ``_`` and spaces separate, ``-`` is a word."""
    out: list[str] = []
    for chunk in re.split(r"[\s_]+", text.strip().upper()):
        out.extend(p for p in re.split(r"(-)", chunk) if p)
    return out


class PhraseIndex:
    """Phrases (tuples of words) -> payload, matched longest first at a position."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[Words, object]]] = {}
        self.size = 0

    def add(self, words: Sequence[str], payload: object) -> None:
        """Add a phrase (the first one added wins among duplicates)."""
        key = tuple(words)
        if not key:
            return
        bucket = self._by_first.setdefault(key[0], [])
        if any(w == key for w, _ in bucket):
            return
        bucket.append((key, payload))
        bucket.sort(key=lambda item: -len(item[0]))
        self.size += 1

    def longest(self, words: Sequence[str], start: int) -> tuple[int, object] | None:
        """(number of words, payload) of the longest phrase at ``words[start:]``, or None."""
        for key, payload in self._by_first.get(words[start], ()) if start < len(words) else ():
            if tuple(words[start : start + len(key)]) == key:
                return len(key), payload
        return None

    def __len__(self) -> int:
        return self.size


@dataclass(slots=True)
class Dictionaries:
    """Everything the engine reads, plus what was left out (reason -> count)."""

    actors: PhraseIndex = field(default_factory=PhraseIndex)
    agents: PhraseIndex = field(default_factory=PhraseIndex)
    blocks: list[VerbBlock] = field(default_factory=list)
    #: Verb form (upper case) -> (block index, verb index).
    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    synsets: dict[str, list[Words]] = field(default_factory=dict)
    discards: list[tuple[Words, bool]] = field(default_factory=list)  # (words, story-level)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, count: int = 1) -> None:
        """Count an entry left out."""
        self.skipped[reason] = self.skipped.get(reason, 0) + count

    def sizes(self) -> dict[str, int]:
        """How many actors, agents, verb blocks, verb forms, synsets and discards were read."""
        return {
            "actors": len(self.actors),
            "agents": len(self.agents),
            "verb_blocks": len(self.blocks),
            "verb_forms": len(self.forms),
            "synsets": len(self.synsets),
            "discards": len(self.discards),
        }


def load(paths: Iterable[str | Path]) -> Dictionaries:
    """Read PETRARCH dictionary files (kind from the content; discards from the file name)."""
    found = Dictionaries()
    for raw in paths:
        path = Path(raw)
        lines = read_lines(path)
        tally = Tally("discards" if "discard" in path.name.lower() else detect_kind(lines))
        if tally.kind == "actors":
            _add_actors(parse_actors(lines, tally), found)
        elif tally.kind == "agents":
            _add_agents(read_agents(lines, tally), found)
        elif tally.kind == "verbs":
            _add_verbs(*parse_verbs(lines, tally), found)
        elif tally.kind == "discards":
            read_discards(lines, found)
        else:
            found.skip("unsupported_file")
        for reason, count in tally.skipped.items():
            found.skip(_PREFIX.get(tally.kind, "") + _RENAMED.get(reason, reason), count)
    return found


def _add_actors(entries: Iterable[ActorEntry], found: Dictionaries) -> None:
    """Index the phrases of actor entries (the first entry holding a phrase wins)."""
    for entry in entries:
        for words in entry.phrases:
            found.actors.add(split_words(" ".join(words)), entry)


def _add_agents(entries: Iterable[AgentEntry], found: Dictionaries) -> None:
    """Index the phrases of agent entries and their plurals."""
    for entry in entries:
        phrases = [split_words(" ".join(words)) for words in entry.phrases]
        if entry.plural is None:  # of the last word as the tokenizer splits it ("-" apart)
            phrases.append(split_words(regular_plural(" ".join(phrases[0]).lower())))
        else:
            phrases.append(split_words(" ".join(entry.plural)))
        for phrase in phrases:
            found.agents.add(phrase, entry.agent)


def _add_verbs(blocks: Iterable[VerbBlock], synsets: dict[str, Synset], found: Dictionaries) -> None:
    """Add verb blocks (each verb indexed by its forms) and synsets (with PETRARCH's plurals)."""
    for block in blocks:
        index = len(found.blocks)
        found.blocks.append(block)
        for number, verb in enumerate(block.verbs):
            for form in verb_forms(verb.word) | set(verb.irregular):
                if form:
                    found.forms.setdefault(form, []).append((index, number))
    for name, synset in synsets.items():
        members = found.synsets.setdefault(name, [])
        for member, plurals in zip(synset, synset.plurals, strict=True):
            words = tuple(split_words(member))
            if not words:
                continue
            members.append(words)
            plural = synset_plural(words[-1])
            if plurals and not member.endswith("_") and not words[-1].startswith("&") and plural != words[-1]:
                members.append((*words[:-1], plural))


def synset_plural(word: str) -> str:
    """PETRARCH's plural of a synset member's last word: -IES after a consonant and Y, -ES after
    SS, -S otherwise (a word already ending in S is left alone)."""
    if word.endswith("SS"):
        return word + "ES"
    if word.endswith("S"):
        return word
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def verb_forms(word: str) -> set[str]:
    """A verb word and its regular forms (-S, -ED, -ING, with the usual spelling rules)."""
    w = word.upper()
    forms = {w}
    if not w.isalpha():
        return forms
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        forms.add(w + "ES")
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        forms.add(w[:-1] + "IES")
    else:
        forms.add(w + "S")
    if w.endswith("E"):
        forms.update({w + "D", w[:-1] + "ING"})
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        forms.update({w[:-1] + "IED", w + "ING"})
    else:
        forms.update({w + "ED", w + "ING"})
        if len(w) > 2 and w[-1] not in "AEIOUWXY" and w[-2] in "AEIOU" and w[-3] not in "AEIOU":
            forms.update({w + w[-1] + "ED", w + w[-1] + "ING"})  # "admitted", "stopping"
    return forms


# --- discards --------------------------------------------------------------------------------


def read_discards(lines: list[str], found: Dictionaries) -> None:
    """Discard phrases: a sentence holding one is not coded (``+``: not the whole story)."""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        story = stripped.startswith("+")
        words = tuple(split_words(stripped.lstrip("+")))
        if words:
            found.discards.append((words, story))
