"""PETRARCH verb patterns, compiled and matched against a sentence's words.

A pattern ``- WORDS * WORDS [CODE]`` is matched around a verb: the words after ``*`` against the
words that follow the verb inside its phrase (the verb's subtree), left to right; the words before
``*`` against the words that precede the verb in the sentence, right to left. Between two
elements other words may come, unless ``_`` joins them (``IN_*``: "in" right before the verb;
``*_OUT``: "out" right after it; ``DEATH_TOTAL``: consecutive). Elements:

* a word matches that word exactly (PETRARCH works with complete words);
* ``&SYNSET`` matches any of its phrases (consecutive words; members may be synsets);
* ``+`` matches the next actor (the target), ``$`` the next actor (the source), ``%`` the next
  compound actor ("Gondor and Osgiliath": its members act on each other);
* ``^`` skips a noun phrase.

Patterns are tried longest first (number of elements), file order breaking ties; the first that
matches gives the code. ``(`` ``)`` ``{`` ``}`` (PETRARCH 2 groupings) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dictionary import EVENT_CODE, Dictionaries, split_words
from .phrases import Mention, SentenceView

MARKERS = {"+": "target", "$": "source", "%": "compound", "^": "skip"}
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: kind (word, synset, target, source, compound, skip), value, and
    whether it must be next to the element before it in scan order."""

    kind: str
    value: str
    tight: bool


@dataclass(slots=True)
class Pattern:
    """A compiled pattern: elements after the verb, elements before it (nearest first), code."""

    upper: list[Element]
    lower: list[Element]
    code: str
    order: tuple[int, int]
    text: str

    @property
    def size(self) -> int:
        """The number of elements (longer patterns are tried first)."""
        return len(self.upper) + len(self.lower)


@dataclass(slots=True)
class Binding:
    """What a match bound: mentions for ``+``, ``$``, ``%`` and the words used."""

    target: Mention | None = None
    source: Mention | None = None
    compound: Mention | None = None
    compound_after: bool = False
    words: list[int] = field(default_factory=list)


def valid_code(code: str | None) -> bool:
    """Whether ``[A]`` / ``[A:B]`` is a usable event code (A or B may be the null code ``---``)."""
    if not code:
        return False
    forward, _, backward = code.partition(":")
    return all(part == "---" or EVENT_CODE.match(part) for part in (forward, backward) if part) and bool(
        forward or backward
    )


def compile_pattern(text: str, code: str, order: tuple[int, int]) -> Pattern | None:
    """The compiled pattern, or None when it has not exactly one ``*``."""
    items: list[tuple[str, bool]] = []  # (token, joined to the next one)
    for chunk in re.sub(r"[(){}]", " ", text).split():
        parts = [p for p in chunk.split("_")]
        for index, part in enumerate(parts):
            if not part:
                continue
            joined = index < len(parts) - 1 and any(parts[index + 1 :])
            if part in ("*", "+", "$", "%", "^") or part.startswith("&"):
                items.append((part, joined))
                continue
            words = split_words(part)
            for k, word in enumerate(words):
                items.append((word, joined if k == len(words) - 1 else True))
    stars = [i for i, (token, _) in enumerate(items) if token == "*"]
    if len(stars) != 1:
        return None
    star = stars[0]

    def element(index: int, tight: bool) -> Element:
        token = items[index][0]
        if token in MARKERS:
            return Element(MARKERS[token], token, tight)
        if token.startswith("&"):
            return Element("synset", token[1:].rstrip("_").upper(), tight)
        return Element("word", token, tight)

    upper = [element(i, items[i - 1][1]) for i in range(star + 1, len(items))]
    lower = [element(i, items[i][1]) for i in range(star - 1, -1, -1)]
    return Pattern(upper, lower, code, order, text)


class Matcher:
    """Matches compiled patterns around a verb in one sentence."""

    def __init__(self, view: SentenceView, dicts: Dictionaries) -> None:
        self.view = view
        self.dicts = dicts
        self._members: dict[str, list[tuple[str, ...]]] = {}

    def match(self, pattern: Pattern, first: int, last: int, end: int) -> Binding | None:
        """Match around the verb's words [first, last]; the upper words stop before ``end``."""
        binding = Binding()
        if not self._seq(pattern.upper, 0, last, 1, end, binding):
            return None
        if not self._seq(pattern.lower, 0, first, -1, end, binding):
            return None
        return binding

    def members(self, name: str, depth: int = 0) -> list[tuple[str, ...]]:
        """The phrases of a synset, nested synsets expanded."""
        if name in self._members:
            return self._members[name]
        out: list[tuple[str, ...]] = []
        for member in self.dicts.synsets.get(name, []) if depth < MAX_DEPTH else []:
            variants: list[tuple[str, ...]] = [()]
            for word in member:
                if word.startswith("&"):
                    nested = self.members(word[1:].rstrip("_"), depth + 1)
                    variants = [v + n for v in variants for n in nested]
                else:
                    variants = [(*v, word) for v in variants]
            out.extend(v for v in variants if v)
        self._members[name] = out
        return out

    def _seq(self, elements: list[Element], k: int, pos: int, step: int, end: int, binding: Binding) -> bool:
        if k == len(elements):
            return True
        element = elements[k]
        limit = end if step > 0 else -1
        candidates = [pos + step] if element.tight else range(pos + step, limit, step)
        for q in candidates:
            if not (0 <= q < len(self.view.words)) or (step > 0 and q >= end):
                break
            for new_pos, bound in self._at(element, q, step, end):
                saved = (binding.target, binding.source, binding.compound, binding.compound_after)
                if bound is not None:
                    self._bind(binding, element.kind, bound, step)
                if self._seq(elements, k + 1, new_pos, step, end, binding):
                    binding.words.extend(range(min(q, new_pos), max(q, new_pos) + 1))
                    return True
                binding.target, binding.source, binding.compound, binding.compound_after = saved
        return False

    def _at(self, element: Element, q: int, step: int, end: int) -> list[tuple[int, Mention | None]]:
        """Ways ``element`` matches starting at word ``q``: (last word position, mention bound)."""
        words = self.view.words
        if element.kind == "word":
            return [(q, None)] if words[q] == element.value else []
        if element.kind == "synset":
            out: list[tuple[int, Mention | None]] = []
            for member in self.members(element.value):
                n = len(member)
                lo = q if step > 0 else q - n + 1
                limit = end if step > 0 else len(words)
                if lo >= 0 and lo + n <= limit and tuple(words[lo : lo + n]) == member:
                    out.append((lo + n - 1 if step > 0 else lo, None))
            return out
        if element.kind == "skip":
            chunk = self.view.chunk_at[q]
            if chunk is None:
                mention = self.view.mention_at[q]
                chunk = (mention.start, mention.end - 1) if mention is not None else None
            if chunk is None:
                return []
            return [(chunk[1] if step > 0 else chunk[0], None)]
        mention = self.view.mention_at[q]
        if mention is None or not mention.coded:
            return []
        if element.kind == "compound" and len(self.view.codes(self.view.doc[mention.tokens[0]])) < 2:
            return []
        return [(mention.end - 1 if step > 0 else mention.start, mention)]

    @staticmethod
    def _bind(binding: Binding, kind: str, mention: Mention, step: int) -> None:
        if kind == "target":
            binding.target = mention
        elif kind == "source":
            binding.source = mention
        elif kind == "compound":
            binding.compound, binding.compound_after = mention, step > 0
