"""PETRARCH dictionaries in memory, as the PETRARCH-compatible engine applies them.

Unlike the importer (which converts to our TSV formats and counts what they cannot say), this
module keeps every PETRARCH construct: actor entries with all their codes (``[ELR/GAL]`` is two
actors) and date restrictions, null-coded actors (they hold their words but give no actor),
agents with their side (``~GOV`` appended, ``NGO~`` prepended), verb synonym blocks with the
forms of each verb, multi-word verbs, patterns and synsets, and discard phrases.

Phrases are compared word by word on upper-case words; hyphens are words of their own and ``_``
joins words, so ``BARAD-DUR`` is ``BARAD - DUR`` as the tokenizer splits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .agents import regular_plural
from .importer import detect_kind
from .reader import MARKER, NULL_CODES, SUBSTITUTION, brackets, parse_period, read_lines, substitute

#: An event code PETRARCH dictionaries use: CAMEO ("042", "1711"), WEIS ("223") or a variant
#: with a letter ("174K"). Anything else ("+++", "xxy", "023?") makes the entry unusable.
EVENT_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")
_ACTOR_CODE = re.compile(r"^[A-Z0-9]{3,}$")
_FORMS = re.compile(r"\{([^}]*)\}")

Words = tuple[str, ...]


def split_words(text: str) -> list[str]:
    """Upper-case words of a phrase or token: ``_`` and spaces separate, ``-`` is a word."""
    out: list[str] = []
    for chunk in re.split(r"[\s_]+", text.strip().upper()):
        out.extend(p for p in re.split(r"(-)", chunk) if p)
    return out


@dataclass(slots=True)
class ActorEntry:
    """An actor: codes per period (first restriction holding wins) and a default."""

    periods: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    default: tuple[str, ...] | None = None

    def codes_on(self, day: date | None) -> tuple[str, ...]:
        """The codes that hold on ``day`` (the default when no date); () = null-coded."""
        if day is not None:
            ordinal = day.toordinal()
            for first, last, codes in self.periods:
                if first <= ordinal <= last:
                    return codes
        return self.default or ()


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent code and its side: appended to the actor code (``~GOV``) or put before it."""

    code: str
    prefix: bool = False


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
class Verb:
    """One verb of a synonym block: the verb word, words before/after it, its own code."""

    word: str
    before: list[str]
    after: list[str]
    code: str | None


@dataclass(slots=True)
class Block:
    """A verb synonym block: default code, verbs and patterns (text, code), in file order."""

    index: int
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Dictionaries:
    """Everything the engine reads, plus what was left out (reason -> count)."""

    actors: PhraseIndex = field(default_factory=PhraseIndex)
    agents: PhraseIndex = field(default_factory=PhraseIndex)
    blocks: list[Block] = field(default_factory=list)
    #: Verb form (upper case) -> (block index, verb index).
    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    synsets: dict[str, list[Words]] = field(default_factory=dict)
    discards: list[tuple[Words, bool]] = field(default_factory=list)  # (words, story-level)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        """Count an entry left out."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

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
        kind = "discards" if "discard" in path.name.lower() else detect_kind(lines)
        if kind == "actors":
            read_actors(lines, found)
        elif kind == "agents":
            read_agents(lines, found)
        elif kind == "verbs":
            read_verbs(lines, found)
        elif kind == "discards":
            read_discards(lines, found)
        else:
            found.skip("unsupported_file")
    return found


# --- actors ----------------------------------------------------------------------------------


def read_actors(lines: list[str], found: Dictionaries) -> None:
    """Actor entries: a phrase, ``+`` synonyms, ``[CODE]`` and ``[CODE restriction]`` blocks."""
    phrases: list[list[str]] = []
    entry: ActorEntry | None = None

    def flush() -> None:
        if entry is not None:
            for words in phrases:
                found.actors.add(words, entry)

    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        rest, blocks = brackets(stripped)
        if stripped.startswith("+"):
            if entry is None:
                found.skip("actor_synonym_without_entry")
                continue
            words = split_words(rest[1:])
            if words:
                phrases.append(words)
        elif not stripped.startswith("["):
            flush()
            words = split_words(rest)
            entry, phrases = ActorEntry(), [words] if words else []
        if entry is None:
            continue
        for block in blocks:
            _actor_block(entry, block, found)
    flush()


def _actor_block(entry: ActorEntry, block: str, found: Dictionaries) -> None:
    parts = block.split()
    if not parts:
        found.skip("actor_empty_code")
        return
    codes: list[str] = []
    for raw in parts[0].upper().split("/"):
        if raw in NULL_CODES:
            continue
        if not _ACTOR_CODE.match(raw):
            found.skip("actor_bad_code")
            return
        codes.append(raw)
    when = "".join(parts[1:])
    if not when:
        if entry.default is None:
            entry.default = tuple(codes)
        return
    period = parse_period(when)
    if period is None:
        found.skip("actor_bad_date_restriction")
        return
    entry.periods.append((*period, tuple(codes)))


# --- agents ----------------------------------------------------------------------------------


def read_agents(lines: list[str], found: Dictionaries) -> None:
    """Agents: ``PHRASE {PLURAL} [~CODE]`` or ``[CODE~]``, with ``!SET!`` substitutions."""
    sets: dict[str, list[str]] = {}
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        substitution = SUBSTITUTION.match(stripped)
        if substitution:
            members = [p.strip() for p in substitution.group(2).split(",") if p.strip()]
            sets[substitution.group(1).upper()] = members
            continue
        rest, blocks = brackets(stripped)
        code_text = blocks[0].replace(" ", "").upper() if blocks else ""
        prefix = code_text.endswith("~") and not code_text.startswith("~")
        code = code_text.strip("~")
        if "~" not in code_text or not _ACTOR_CODE.match(code):
            found.skip("agent_bad_code")
            continue
        agent = Agent(code, prefix)
        plural = _FORMS.search(rest)
        phrase = _FORMS.sub(" ", rest).strip()
        if MARKER.search(phrase):
            variants = substitute(phrase, sets)
            if variants is None:
                found.skip("agent_undefined_substitution")
            for variant in variants or ():
                found.agents.add(split_words(variant), agent)
            continue
        words = split_words(phrase)
        if not words:
            found.skip("agent_bad_line")
            continue
        found.agents.add(words, agent)
        if plural is None:
            found.agents.add(split_words(regular_plural(" ".join(words).lower())), agent)
        elif plural.group(1).strip():
            found.agents.add(split_words(plural.group(1)), agent)


# --- verbs -----------------------------------------------------------------------------------


def read_verbs(lines: list[str], found: Dictionaries) -> None:
    """Verb blocks (``--- NAME [CODE] ---``, verbs, ``- pattern [CODE]``) and ``&SYNSETS``."""
    block: Block | None = None
    synset: list[Words] | None = None
    plurals = True
    for line in lines:
        stripped = line.strip()
        if not stripped:
            synset = None
            continue
        if stripped.startswith("---"):
            synset = None
            _, codes = brackets(stripped)
            block = Block(len(found.blocks), codes[0].replace(" ", "") if codes else None)
            found.blocks.append(block)
        elif stripped.startswith("&"):
            label = stripped.split()[0][1:]
            plurals = not label.endswith("_")
            synset = found.synsets.setdefault(label.rstrip("_").upper(), [])
        elif stripped.startswith("+") and synset is not None:
            member = stripped[1:].strip()
            words = tuple(split_words(member))
            if words:
                synset.append(words)
                plural = synset_plural(words[-1])
                if (
                    plurals
                    and not member.endswith("_")
                    and not words[-1].startswith("&")
                    and plural != words[-1]
                ):
                    synset.append((*words[:-1], plural))
        elif stripped.startswith("~"):
            found.skip("verb_transformation_rule")
        elif stripped.startswith("-"):
            synset = None
            text, codes = brackets(stripped[1:])
            if block is None or not codes:
                found.skip("pattern_without_block_or_code")
                continue
            block.patterns.append((text.strip(), codes[0].replace(" ", "")))
        else:
            synset = None
            if block is None:
                found.skip("verb_without_block")
                continue
            _add_verb(block, stripped, found)


def _add_verb(block: Block, line: str, found: Dictionaries) -> None:
    forms = _FORMS.search(line)
    text, codes = brackets(_FORMS.sub(" ", line))
    words = [w for w in re.split(r"[\s_]+", text.strip().upper()) if w]
    if not words:
        found.skip("bad_verb_line")
        return
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    verb = Verb(
        words[marked], words[:marked], words[marked + 1 :], codes[0].replace(" ", "") if codes else None
    )
    block.verbs.append(verb)
    spellings = verb_forms(verb.word)
    if forms is not None:
        for irregular in forms.group(1).split():
            parts = [w for w in irregular.upper().split("_") if w]
            spellings.add(
                next((w.lstrip("+") for w in parts if w.startswith("+")), parts[0] if parts else "")
            )
    for form in spellings:
        if form:
            found.forms.setdefault(form, []).append((block.index, len(block.verbs) - 1))


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
