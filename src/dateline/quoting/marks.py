"""Quotation marks: where direct quotes begin and end in plain text, in every common style.

Works on characters only (no parse), paragraph by paragraph, because news style closes a quote
at the end of a paragraph only when the speaker has finished: a quote that runs on into the next
paragraph has no closing mark there, and the next paragraph opens with a fresh one.

Styles: curly double (“...”), straight double ("..."), doubled apostrophes (''...'', as in the
New York Times archive), German low-high („...“), guillemets («...», »...«, ‹...›), curly single
(‘...’) and straight single ('...'). Whether a mark opens or closes is read from its neighbours
(a space before and a letter after opens), the glyph only breaks ties, so a mistyped closing
mark at the start of a paragraph (”What ...”) still opens a quote. Single quotes inside double
quotes are quotes within the quote and are not reported separately; an apostrophe inside a word
(don't, Clinton’s) is never a mark.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DOUBLE_OPENING = frozenset("“„")
DOUBLE_CLOSING = frozenset("”")
DOUBLE_STRAIGHT = '"'
SINGLE_OPENING = frozenset("‘‚")
SINGLE_CLOSING = frozenset("’")
SINGLE_STRAIGHT = "'"
GUILLEMETS = {"«": "»", "»": "«", "‹": "›"}
#: Characters before an opening mark: start of text, space, brackets, dashes, slashes.
_OPEN_BEFORE = frozenset(" \t\n([{\u2014\u2013\u2015-/:\u00a0")
#: Characters after a closing mark: end of text, space, punctuation.
_CLOSE_AFTER = frozenset(" \t\n.,;:!?)]}\u2014\u2013\u2015-/…\u00a0")
#: The longest single-quoted span taken as a quote (longer ones are stray apostrophes).
MAX_SINGLE = 400
_PARAGRAPH = re.compile(r"[^\n]+")
_DOUBLE_MARK = re.compile("''|``|[\u201c\u201d\u201e\"]")
_SINGLE_MARK = re.compile("[\u2018\u2019\u201a']")
_GUILLEMET = re.compile("[\u00ab\u00bb\u2039]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted stretch of text.

    ``start``/``end`` delimit the content (without marks or surrounding spaces); ``open`` is the
    offset of the opening mark and ``close`` the offset just after the closing mark, or None when
    the paragraph ended first (the quote continues in the next paragraph).
    """

    start: int
    end: int
    open: int
    close: int | None
    single: bool = False

    @property
    def outer_end(self) -> int:
        """Where the quote ends, marks included."""
        return self.close if self.close is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line (news paragraphs are lines in scraped text)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quote of ``text`` in text order (outermost quotes only)."""
    spans: list[QuoteSpan] = []
    for start, end in paragraphs(text):
        outer = _double_spans(text, start, end)
        outer += _guillemet_spans(text, start, end, outer)
        spans.extend(outer)
        spans.extend(s for s in _single_spans(text, start, end) if not _inside(s, outer))
    spans.sort(key=lambda s: s.open)
    return [s for s in spans if s.end > s.start]


def _inside(span: QuoteSpan, outer: list[QuoteSpan]) -> bool:
    return any(o.open <= span.open < o.outer_end or span.open <= o.open < span.outer_end for o in outer)


def _before(text: str, i: int, floor: int) -> str:
    while i > floor and unicodedata.category(text[i - 1]) == "Cf":
        i -= 1  # invisible direction marks and joiners do not separate a mark from its word
    return text[i - 1] if i > floor else " "


def _after(text: str, i: int, ceiling: int) -> str:
    while i < ceiling and unicodedata.category(text[i]) == "Cf":
        i += 1
    return text[i] if i < ceiling else " "


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(offset, length, glyph) of each double mark in the paragraph; '' and `` count as one."""
    marks: list[tuple[int, int, str]] = []
    for match in _DOUBLE_MARK.finditer(text, start, end):
        mark = match.group()
        glyph = mark if len(mark) == 1 else ('"' if mark == "''" else "“")
        marks.append((match.start(), len(mark), glyph))
    return marks


def _role(text: str, offset: int, length: int, glyph: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for a mark, from its neighbours first and its glyph second."""
    left, right = _before(text, offset, start), _after(text, offset + length, end)
    opens = left in _OPEN_BEFORE or left in "“‘\"'«"
    closes = right in _CLOSE_AFTER or right in "”’\"'»"
    if opens and not right.isspace() and not (closes and not left.isspace() and left not in "([{"):
        return "open"
    if closes and not left.isspace():
        return "close"
    if glyph in DOUBLE_OPENING or glyph == "`":
        return "open"
    if glyph in DOUBLE_CLOSING:
        return "close"
    return "either"


def _double_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: tuple[int, int] | None = None  # (mark offset, mark length)
    for offset, length, glyph in _double_marks(text, start, end):
        role = _role(text, offset, length, glyph, start, end)
        if opened is None:
            if role in ("open", "either"):
                opened = (offset, length)
            continue
        if role == "open" and not text[opened[0] + opened[1] : offset].strip():
            opened = (offset, length)  # two opening marks in a row: the second one counts
            continue
        if role in ("close", "either") or glyph in DOUBLE_CLOSING:
            spans.append(_span(text, opened[0] + opened[1], offset, opened[0], offset + length))
            opened = None
    if opened is not None:
        spans.append(_span(text, opened[0] + opened[1], end, opened[0], None))
    return spans


def _guillemet_spans(text: str, start: int, end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    found = _GUILLEMET.search(text, start, end)
    if found is None:
        return spans
    i = found.start()
    while i < end:
        closing = GUILLEMETS.get(text[i])
        if closing is None or any(s.open <= i < s.outer_end for s in doubles):
            i += 1
            continue
        j = text.find(closing, i + 1, end)
        if j == -1:
            spans.append(_span(text, i + 1, end, i, None))
            break
        spans.append(_span(text, i + 1, j, i, j + 1))
        i = j + 1
    return spans


def _single_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Single-quoted spans; an apostrophe with letters on both sides is never a mark."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for match in _SINGLE_MARK.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        left, right = _before(text, i, start), _after(text, i + 1, end)
        if left.isalnum() and right.isalnum():
            continue  # don't, Clinton’s, O'Brien
        if (i + 1 < end and text[i + 1] == SINGLE_STRAIGHT) or left == SINGLE_STRAIGHT:
            continue  # '' is a double mark
        can_open = (left in _OPEN_BEFORE or left in '“"') and (right.isalnum() or right in "$…")
        can_close = not left.isspace() and (right in _CLOSE_AFTER or right in '”"')
        if ch in SINGLE_OPENING:
            can_close = False
        if opened is None:
            if can_open and not _elision(text, i, end):
                opened = i
            continue
        if can_close:
            if i - opened <= MAX_SINGLE:
                spans.append(_span(text, opened + 1, i, opened, i + 1, single=True))
            opened = None
        elif can_open and ch in SINGLE_OPENING:
            opened = i
    return spans


def _elision(text: str, i: int, end: int) -> bool:
    """’90s, 'em, ’til: an apostrophe that stands for left-out letters, not an opening quote."""
    word = re.match(r"[A-Za-z0-9]+", text[i + 1 : min(end, i + 8)])
    return word is not None and word.group().lower() in {"90s", "80s", "70s", "60s", "em", "til", "tis", "n"}


def _span(text: str, start: int, end: int, open_: int, close: int | None, single: bool = False) -> QuoteSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_, close, single)
