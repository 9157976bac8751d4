"""Text normalisation before parsing: NFC, no invisible format characters, no control characters.

Scraped news carries characters a reader never sees but a parser does: zero-width spaces and
joiners inside names ("U\u200bSA"), direction marks around quotes, soft hyphens, a leading byte
order mark, control bytes from a broken conversion. With them spaCy splits or mislabels names and
actors go unresolved. `clean_text` removes format characters (Unicode category Cf) and C1 controls,
turns C0 control characters into spaces and line/paragraph separators into newlines, and composes
to NFC. It keeps,
for every character of the result, the offset it came from, so that a caller whose offsets must
refer to its own text (a JSONL record's "text") can map spans back with `CleanText.original`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Article, ArticleRecord

#: Anything with ``start``/``end`` offsets (an event, actor, quote, speaker or place).
_Spanned = Any

#: Control characters a text may keep: tab, newline, carriage return.
_KEPT_CONTROLS = "\t\n\r"
#: Every character of Unicode categories Cf, Zl, Zp and Cc (but the kept controls), as of Unicode
#: 15 (a test checks this class against `unicodedata`).
DIRTY = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


@dataclass(slots=True, frozen=True)
class CleanText:
    """A cleaned text and, when cleaning changed it, where each of its characters came from."""

    text: str
    #: ``origins[i]`` is the offset in the original text of character ``i``; one more entry
    #: holds the original's length. None when the text was already clean.
    origins: tuple[int, ...] | None = None

    def original(self, start: int, end: int, source: str) -> tuple[int, int]:
        """The offsets in ``source`` (the text that was cleaned) of the cleaned span ``[start, end)``."""
        if self.origins is None:
            return start, end
        last = len(self.origins) - 1
        begin = self.origins[min(max(start, 0), last)]
        finish = max(self.origins[min(max(end, start), last)], begin)
        while finish > begin and unicodedata.category(source[finish - 1]) == "Cf":
            finish -= 1  # a removed character after the span is not part of it
        return begin, finish


def clean_text(text: str) -> CleanText:
    """``text`` in NFC, without format characters or C1 controls, C0 controls as spaces, line
    separators as newlines."""
    if _is_clean(text):
        return CleanText(text)
    if not unicodedata.is_normalized("NFC", text):
        return _clean_slowly(text)
    out: list[str] = []
    origins: list[int] = []
    done = 0
    for match in DIRTY.finditer(text):
        index = match.start()
        out.append(text[done:index])
        origins.extend(range(done, index))
        replacement = _replacement(text[index])
        out.append(replacement)
        origins.extend([index] * len(replacement))
        done = index + 1
    out.append(text[done:])
    origins.extend(range(done, len(text) + 1))
    return CleanText("".join(out), tuple(origins))


def _replacement(char: str) -> str:
    """What a dirty character becomes: a newline (separators), a space (C0 controls, which
    separate what they stand between) or nothing (format characters, and C1 controls: these are
    left inside words by text decoded twice, "Fran\u00c3\u0083\u00c2\u00a7ois", and must not split them)."""
    category = unicodedata.category(char)
    if category in ("Zl", "Zp"):
        return "\n"
    return " " if category == "Cc" and char < "\x80" else ""


def _clean_slowly(text: str) -> CleanText:
    """Character by character, composing each base character with its combining marks."""
    out: list[str] = []
    origins: list[int] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        if DIRTY.match(text[index]):
            piece = _replacement(text[index])
            end = index + 1
        else:
            piece = unicodedata.normalize("NFC", DIRTY.sub("", text[index:end]))
        out.append(piece)
        origins.extend([index] * len(piece))
        index = end
    origins.append(len(text))
    return CleanText("".join(out), tuple(origins))


def _is_clean(text: str) -> bool:
    """Fast check (C speed): NFC and no character `str.isprintable` rejects but tab and newlines.

    Non-breaking and other unusual spaces fail it too; the slow path then keeps them as they are.
    """
    bare = text.replace("\n", "").replace("\t", "").replace("\r", "")
    return bare.isprintable() and unicodedata.is_normalized("NFC", text)


def restore_offsets(record: ArticleRecord, article: Article) -> ArticleRecord:
    """``record`` with its text and every offset put back into the caller's own text.

    Applies to an article whose text was cleaned for parsing but must be returned as given (a JSONL
    record's "text"); any other record comes back unchanged. A span's text is re-read from the
    caller's text where it was a plain slice of the cleaned one.
    """
    source, origins = article.source_text, article.origins
    if source is None or origins is None:
        return record
    cleaned = CleanText(record.text, origins)
    done: set[int] = set()  # one actor object may stand in several events: map it once

    def span(item: _Spanned) -> None:
        if id(item) in done:
            return
        done.add(id(item))
        start, end = item.start, item.end
        if start is None or end is None:
            return
        new_start, new_end = cleaned.original(start, end, source)
        text = getattr(item, "text", None)
        if text is not None and record.text[start:end] == text:
            item.text = source[new_start:new_end]
        item.start, item.end = new_start, new_end

    for event in record.events:
        span(event)
        event.trigger = source[event.start : event.end]
        for actor in (event.source, event.target):
            if actor is not None:
                span(actor)
    for quote in record.quotes:
        span(quote)
        quote.content = source[quote.start : quote.end].strip()
        if quote.speaker is not None:
            span(quote.speaker)
    for place in record.places:
        span(place)
    record.text = source
    return record
