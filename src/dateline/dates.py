"""Event dates: relative expressions resolved against the publication date, with a precision.

News dates events relative to the day it is published: "on Tuesday" in a Wednesday paper is the
day before; "last week", "earlier this month" name a week or a month. A clause that reports what
happened is never dated after publication. A clause the text places in the future ("will meet on
Friday", "plans to visit next month", "the upcoming summit") looks forward instead: "Friday" is
the coming Friday, "September" the coming September. The publication date may be known only to
the month or year ("2024-03", "2024"); expressions that need a finer anchor then fall back.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .nlp import sentence_entities
from .words import Words, default_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string."""
    return tuple(text.split())


WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = _words("january february march april may june july august september october november december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
#: Precisions a publication date can be known to, finest first.
UNITS = ("day", "month", "year")
#: Words of a date expression that point ahead of, or back from, publication.
FORWARD_WORDS = frozenset({"next", "coming", "upcoming", "tomorrow"})
BACKWARD_WORDS = frozenset({"yesterday", "last", "earlier", "ago", "past", "previous", "recent"})
_NEEDS_DAY = frozenset(
    {"yesterday", "today", "tonight", "tomorrow", "morning", "evening", "week", "weeks", "weekend", *WEEKDAYS}
)


class EventDater:
    """Dates events from DATE entities in the trigger's clause."""

    name = "dates"

    def __init__(self, words: Words | None = None) -> None:
        #: The word classes (``time.*``: planning words, forward modifiers), ours unless given.
        self.words = words if words is not None else default_words()

    def setup(self) -> None:
        """Nothing to load."""

    def date_for(self, trigger: Token, published: str | None) -> tuple[str | None, str | None, str]:
        """(ISO date, precision, source) for the event triggered by ``trigger``.

        Source is ``"text"`` when a date expression was resolved, ``"published"`` for the fallback
        (the first day of the publication period, at the precision ``published`` is known to).
        """
        parsed = _parse_iso(published)
        if parsed is None:
            return None, None, "none"
        base, known = parsed
        year = _year_modifier(trigger)
        if year is not None:  # "the 2014 abduction": the act's own year
            resolved = resolve(year.text, base, forward=False, known=known)
            if resolved is not None:
                return resolved[0].isoformat(), resolved[1], "text"
        for ent, anchor in _clause_dates(trigger):
            resolved = resolve(ent.text, base, forward=looks_forward(anchor, self.words), known=known)
            if resolved is not None:
                return resolved[0].isoformat(), resolved[1], "text"
        return base.isoformat(), known, "published"


def looks_forward(token: Token, words: Words | None = None) -> bool:
    """Whether the clause of ``token`` (a verb, or an event noun) places its act in the future
    (``words``: the word classes, ours by default)."""
    words = words if words is not None else default_words()
    if token.pos_ not in ("VERB", "AUX") and _forward_modifier(token, words):
        return True
    verb = _governing_verb(token)
    if verb is None:
        return False
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "will meet on Friday and sign a treaty": the first conjunct's auxiliary
    return _future_auxiliary(verb) or _planned_complement(verb, words) or _scheduled(verb)


def _governing_verb(token: Token) -> Token | None:
    """The token itself if a verb, else the nearest verb above it (within three steps)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _forward_modifier(noun: Token, words: Words) -> bool:
    """An event noun modified as still to come: "the upcoming talks", "a visit planned for May"."""
    forward = words["time.forward_modifiers"]
    return any(c.dep_ in ("amod", "acl") and c.lower_ in forward for c in noun.children)


def _future_auxiliary(verb: Token) -> bool:
    """The verb carries will/shall/'ll (also "won't"), or is the complement of "is going to"."""
    future = ("will", "shall", "'ll", "ll", "wo")
    if any(c.dep_ == "aux" and (c.lemma_.lower() in future or c.lower_ in future) for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ in ("going", "gon")
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def _planned_complement(verb: Token, words: Words) -> bool:
    """The verb is (under) a to-infinitive of planning or intention: "agreed to meet", "is to visit"."""
    node = verb
    for _ in range(3):
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
        if not infinitive or node.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or node.head.i == node.i:
            return False
        head = node.head
        if any(c.dep_ == "prt" for c in head.children):
            return False  # "set out to capture", "went on to win": not a plan
        planning = head.lemma_.lower() in words["time.planning_words"]
        if planning or (head.lemma_ == "be" and node.dep_ == "xcomp"):
            return True
        node = head
    return False


def _scheduled(verb: Token) -> bool:
    """A passive of scheduling: "the talks are scheduled for Friday", "are slated for May"."""
    return verb.lemma_.lower() in ("schedule", "slate") and any(c.dep_ == "auxpass" for c in verb.children)


def resolve(
    expression: str, base: date, forward: bool = False, known: str = "day"
) -> tuple[date, str] | None:
    """Resolve a date expression against publication date ``base``: (date, precision) or None.

    ``forward``: the clause looks ahead (see `looks_forward`); the expression's own words override
    it ("next month" looks ahead, "last week" back). ``known``: the precision of ``base``
    ("day", "month" or "year"); an expression needing a finer anchor gives None.
    """
    text = re.sub(r"[^\w\s]", " ", expression.lower()).split()
    words = set(text)
    if not text:
        return None
    if words & BACKWARD_WORDS:
        forward = False
    elif words & FORWARD_WORDS or ("later" in words and "this" in words):
        forward = True
    relative = None
    if _anchorable(words, known):
        if words & {"today", "tonight"} or text in (["this", "morning"], ["this", "evening"]):
            return base, "day"
        relative = _ahead(words, base) if forward else _behind(words, base)
    if relative is not None:
        return relative
    return _absolute(text, base, forward, known) or _year(text, base, forward)


def _year(words: list[str], base: date, forward: bool) -> tuple[date, str] | None:
    """A year alone ("in 2009", "the 2014 abduction"): that year, to the year. A past-looking
    clause cannot name a year after publication."""
    years = [int(w) for w in words if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100]
    if len(years) != 1 or (not forward and years[0] > base.year):
        return None
    return date(years[0], 1, 1), "year"


def _anchorable(words: set[str], known: str) -> bool:
    """Whether a publication date known to ``known`` (day, month, year) can anchor the expression.

    Weekdays, weeks, "yesterday" count from a day; "last month" from a month; "next year" from a year.
    """
    needed = "day" if words & _NEEDS_DAY else "month" if "month" in words else "year"
    return UNITS.index(known) <= UNITS.index(needed)


def _behind(words: set[str], base: date) -> tuple[date, str] | None:
    """Past-looking relative expressions: the latest such day, week, month or year up to ``base``."""
    if "yesterday" in words:
        return base - timedelta(days=1), "day"
    for index, name in enumerate(WEEKDAYS):
        if name in words:
            back = (base.weekday() - index) % 7
            if "last" in words and back == 0:
                back = 7
            return base - timedelta(days=back), "day"
    if "week" in words or "weeks" in words:
        if words & {"last", "past", "previous"}:
            return base - timedelta(days=7 + base.weekday()), "week"
        if words & {"this", "earlier"}:
            return base - timedelta(days=base.weekday()), "week"
    if "month" in words:
        if words & {"last", "previous"}:
            return (base.replace(day=1) - timedelta(days=1)).replace(day=1), "month"
        if words & {"this", "earlier"}:
            return base.replace(day=1), "month"
    if "year" in words and words & {"last", "previous"}:
        return date(base.year - 1, 1, 1), "year"
    return None


def _ahead(words: set[str], base: date) -> tuple[date, str] | None:
    """Forward-looking relative expressions: the next such day, or the week/month/year named."""
    if "tomorrow" in words:
        return base + timedelta(days=1), "day"
    coming = bool(words & {"next", "coming", "upcoming"})
    for index, name in enumerate(WEEKDAYS):
        if name in words:
            ahead = (index - base.weekday()) % 7
            if ahead == 0 and ("this" not in words or coming):
                ahead = 7
            return base + timedelta(days=ahead), "day"
    if "week" in words and (coming or "this" in words):
        return base - timedelta(days=base.weekday()) + timedelta(days=7 if coming else 0), "week"
    if "month" in words and (coming or "this" in words):
        first = base.replace(day=1)
        return (first + timedelta(days=32)).replace(day=1) if coming else first, "month"
    if "year" in words and (coming or "this" in words):
        return date(base.year + (1 if coming else 0), 1, 1), "year"
    return None


def _absolute(words: list[str], base: date, forward: bool, known: str) -> tuple[date, str] | None:
    """A month name, with an optional day and year: the year as written, else guessed from ``base``.

    Without a year, a past-looking clause takes the latest such month up to publication, a
    forward-looking one the first upcoming (the publication month counts as upcoming).
    """
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
    end = _period_end(base, known)
    if year is None:
        if known == "year":
            return None  # "in September" of a story known only to its year: which September?
        if forward:
            year = base.year if month >= base.month else base.year + 1
        else:
            year = base.year if (month, day or 1) <= (end.month, end.day) else base.year - 1
    found = _make_date(year, month, day or 1)
    if found is None or (not forward and found > end):
        return None
    return found, "day" if day else "month"


def _make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _period_end(base: date, known: str) -> date:
    """The last day of the publication period starting at ``base`` (known to ``known``)."""
    if known == "year":
        return date(base.year, 12, 31)
    if known == "month":
        return (base.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return base


def _year_modifier(trigger: Token) -> Token | None:
    """A year that modifies a noun act ("the 2014 abduction", "its 2019 offensive"), which the
    entity recogniser often takes for a number."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.children:
        if child.dep_ in ("nummod", "compound", "amod", "nmod") and child.i < trigger.i:
            text = child.text
            if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
                return child
    return None


def _clause_dates(trigger: Token) -> list[tuple[Span, Token]]:
    """DATE entities attached to the trigger, its governing verb, or (for nouns) their clause.

    Each comes with the token it hangs from (its anchor), nearest the trigger first: "said on
    Monday it will meet on Friday" dates "meet" by Friday.
    """
    anchors = [trigger]
    node = trigger
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        anchors.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    found: list[tuple[int, Span, Token]] = []
    for ent in sentence_entities(trigger.sent):
        if ent.label_ != "DATE":
            continue
        ancestors = {a.i for a in ent.root.ancestors}
        for rank, anchor in enumerate(anchors):
            direct = ent.root.head.i == anchor.i or (
                ent.root.head.head.i == anchor.i and ent.root.head.dep_ == "prep"
            )
            if direct or (anchor is trigger and anchor.i in ancestors and _shallow(ent.root, anchor)):
                found.append((rank, ent, anchor))
                break
    return [(ent, anchor) for _, ent, anchor in sorted(found, key=lambda f: f[0])]


def _shallow(token: Token, anchor: Token) -> bool:
    """Whether ``token`` hangs from ``anchor`` with no other verb between them (six steps at most)."""
    depth, node = 0, token
    while node.i != anchor.i and depth < 6:
        if node.pos_ in ("VERB", "AUX") and node.i != anchor.i:
            return False
        node, depth = node.head, depth + 1
    return node.i == anchor.i


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def _parse_iso(value: str | None) -> tuple[date, str] | None:
    """Publication date and its precision: "YYYY-MM-DD..." day, "YYYY-MM" month, "YYYY" year.

    A month or a year is represented by its first day; anything else unparseable gives None.
    """
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]), "day"
    except ValueError:
        pass
    match = _PARTIAL_DATE.fullmatch(value)
    if match is None:
        return None
    month = match.group(2)
    found = _make_date(int(match.group(1)), int(month) if month else 1, 1)
    return (found, "month" if month else "year") if found is not None else None
