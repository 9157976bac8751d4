"""Event dates: relative expressions resolved against the publication date, with a precision.

News dates events relative to the day it is published: "on Tuesday" in a Wednesday paper is the
day before; "last week", "earlier this month" name a week or a month. An event is never dated
after publication; with nothing said, it takes the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .registry import register

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}


@register("dates")
class EventDater:
    """Dates events from DATE entities in the trigger's clause."""

    name = "dates"

    def setup(self) -> None:
        """Nothing to load."""

    def date_for(self, trigger: Token, published: str | None) -> tuple[str | None, str | None, str]:
        """(ISO date, precision, source) for the event triggered by ``trigger``.

        Source is ``"text"`` when a date expression was resolved, ``"published"`` for the fallback.
        """
        base = _parse_iso(published)
        if base is None:
            return None, None, "none"
        for ent in _clause_dates(trigger):
            resolved = resolve(ent.text, base)
            if resolved is not None:
                return resolved[0].isoformat(), resolved[1], "text"
        return base.isoformat(), "day", "published"


def resolve(expression: str, base: date) -> tuple[date, str] | None:
    """Resolve a date expression against publication date ``base``: (date, precision) or None."""
    text = re.sub(r"[^\w\s]", " ", expression.lower()).split()
    words = set(text)
    if not text:
        return None
    if "yesterday" in words:
        return base - timedelta(days=1), "day"
    if words & {"today", "tonight"} or text == ["this", "morning"] or text == ["this", "evening"]:
        return base, "day"
    for index, name in enumerate(WEEKDAYS):
        if name in words:
            back = (base.weekday() - index) % 7
            if "last" in words and back == 0:
                back = 7
            return base - timedelta(days=back), "day"
    if "week" in words or "weeks" in words:
        if "last" in words or "past" in words or "previous" in words:
            return base - timedelta(days=7 + base.weekday()), "week"
        if "this" in words or "earlier" in words:
            return base - timedelta(days=base.weekday()), "week"
    if "month" in words:
        if "last" in words or "previous" in words:
            first = base.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month"
        if "this" in words or "earlier" in words:
            return base.replace(day=1), "month"
    if "year" in words and ("last" in words or "previous" in words):
        return date(base.year - 1, 1, 1), "year"
    return _absolute(text, base)


def _absolute(words: list[str], base: date) -> tuple[date, str] | None:
    month = next(
        (
            _MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3])
            for w in words
            if w[:3] in _MONTH_ABBR and (w in MONTHS or len(w) <= 4)
        ),
        None,
    )
    if month is None:
        return None
    numbers = [int(w) for w in words if w.isdigit()]
    year = next((n for n in numbers if 1900 <= n <= 2100), None)
    day = next((n for n in numbers if 1 <= n <= 31), None)
    guess_year = year or base.year
    try:
        found = date(guess_year, month, day or 1)
    except ValueError:
        return None
    if year is None and found > base:
        found = found.replace(year=base.year - 1)
    if found > base:
        return None
    return found, "day" if day else "month"


def _clause_dates(trigger: Token) -> list[Span]:
    """DATE entities attached to the trigger, its governing verb, or (for nouns) their clause."""
    doc = trigger.doc
    anchors = [trigger]
    node = trigger
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        anchors.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent.sent != trigger.sent:
            continue
        ancestors = {a.i for a in ent.root.ancestors}
        for anchor in anchors:
            direct = ent.root.head.i == anchor.i or (
                ent.root.head.head.i == anchor.i and ent.root.head.dep_ == "prep"
            )
            if direct or (anchor is trigger and anchor.i in ancestors and _shallow(ent.root, anchor)):
                found.append(ent)
                break
    return found


def _shallow(token: Token, anchor: Token) -> bool:
    depth, node = 0, token
    while node.i != anchor.i and depth < 6:
        if node.pos_ in ("VERB", "AUX") and node.i != anchor.i:
            return False
        node, depth = node.head, depth + 1
    return node.i == anchor.i


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
