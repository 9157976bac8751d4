"""The event filters of the HTTP API and the analyses: who (actor, dyad), what (CAMEO, PLOVER,
quad class), when (dates), where (country, bounding box), how sure, and text in the evidence.

`EventFilters.parse` checks every value and raises `ParameterError` (a `ConfigError` naming the
parameter); `event_where` turns the filters into SQL conditions with bound parameters only, over
`EVENT_FROM` (`event_from`): each event (``x``) with its article (``a``) and its surest mention
(``m``).

An event's *evidence* is the sentence that reports it: the store keeps no sentence offsets, so it
is the article text around the mention's span (its trigger, and its sides where they are within
`SIDE_REACH` characters of it) extended to the nearest sentence boundaries (a terminator followed
by white space, or a line break) within `EVIDENCE_WINDOW` characters on each side.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError
from .exports.query import Filters, _event_where
from .ontology import PLOVER_TYPES

#: The longest text value a filter takes.
MAX_TEXT = 200
#: Characters of article text looked at on each side of a mention for its sentence's boundaries.
EVIDENCE_WINDOW = 400
#: A side further than this from the trigger (in characters) is left out of the evidence's span.
SIDE_REACH = 200
#: Every event filter's name, as a keyword argument and as a query parameter.
FILTER_NAMES = (
    "actor",
    "source",
    "target",
    "dyad",
    "country",
    "cameo",
    "root",
    "plover",
    "quad",
    "since",
    "until",
    "bbox",
    "q",
    "min_confidence",
)
#: The filters that may be given more than once (their values are alternatives).
REPEATABLE = ("root", "plover", "quad")

#: Each event (x) with its article (a) and its surest mention (m): the rows `event_where` filters.
EVENT_FROM = (
    "events x JOIN articles a ON a.id = x.article_id "
    "JOIN mentions m ON m.article_id = x.article_id AND m.id = x.mention_id"
)

_ACTOR = re.compile(r"[A-Z]{3,15}")
_SPACE = "' ' || chr(9) || chr(10) || chr(13)"
_CLOSERS = '"\\x27)\\]”’»'


class ParameterError(ConfigError):
    """A filter or query parameter with a bad value; ``parameter`` names it."""

    def __init__(self, parameter: str, detail: str) -> None:
        self.parameter = parameter
        self.detail = detail
        super().__init__(f"{parameter}: {detail}")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.parameter, self.detail)


def evidence_sql(text: str = "a.text", mention: str = "m") -> str:
    """SQL for the evidence sentence of mention ``mention`` in the article text ``text``."""
    m, near = mention, SIDE_REACH
    # A side resolved from another sentence (by coreference) would stretch the span to a paragraph.
    lo = (
        f"least({m}.start, CASE WHEN {m}.source_start >= {m}.start - {near} THEN {m}.source_start END, "
        f"CASE WHEN {m}.target_start >= {m}.start - {near} THEN {m}.target_start END)"
    )
    hi = (
        f'greatest({m}."end", CASE WHEN {m}.source_end <= {m}."end" + {near} THEN {m}.source_end END, '
        f'CASE WHEN {m}.target_end <= {m}."end" + {near} THEN {m}.target_end END)'
    )
    window = EVIDENCE_WINDOW
    # String slices are 1-based and inclusive (code points, as Python counts offsets); each
    # subexpression is written once (each copy of one would be planned and computed again).
    window_start = f"greatest({lo} - {window}, 0)"
    before = f"{text}[{window_start} + 1:{lo}]"
    after = f"substr({text}, {hi} + 1, {window})"
    # The last boundary before the span; after it, the first terminator, else the line's end.
    last_break = f"regexp_extract({before}, '(?s)^.*(?:[.!?][{_CLOSERS}]*\\s+|\\n)')"
    to_stop = f"regexp_extract({after}, '(?m)^[^\\n]*?(?:[.!?][{_CLOSERS}]*(?:\\s|$)|$)')"
    start = f"{window_start} + length({last_break})"
    end = f"{hi} + length({to_stop})"
    return f"trim({text}[{start} + 1:{end}], {_SPACE})"


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Checked event filters; every one optional, all of them together (AND)."""

    #: Actor code prefix on either side.
    actor: str | None = None
    #: Actor code prefixes of the source and of the target (a directed dyad).
    source: str | None = None
    target: str | None = None
    #: Two actor code prefixes, in either direction.
    dyad: tuple[str, str] | None = None
    #: ISO alpha-3: either side's country or the event's location's.
    country: str | None = None
    #: CAMEO code prefix (2 to 4 digits).
    cameo: str | None = None
    roots: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    #: Inclusive ISO dates on the event's date (else its article's publication date).
    since: str | None = None
    until: str | None = None
    #: (min lon, min lat, max lon, max lat) of the event's location.
    bbox: tuple[float, float, float, float] | None = None
    #: Text in the evidence sentence (case-insensitive).
    q: str | None = None
    min_confidence: float | None = None

    @classmethod
    def parse(
        cls,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        dyad: str | Iterable[str] | None = None,
        country: str | None = None,
        cameo: str | None = None,
        root: str | Iterable[str] | None = None,
        plover: str | Iterable[str] | None = None,
        quad: int | str | Iterable[int | str] | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        bbox: str | Iterable[float | str] | None = None,
        q: str | None = None,
        min_confidence: float | str | None = None,
    ) -> EventFilters:
        """Check the values given (query strings or Python values; an empty string is no filter);
        raises `ParameterError` naming the first bad one."""
        since_day, until_day = _date(since, "since"), _date(until, "until")
        if since_day and until_day and since_day > until_day:
            raise ParameterError("until", f"{until_day} is before since {since_day}")
        return cls(
            actor=_actor(actor, "actor"),
            source=_actor(source, "source"),
            target=_actor(target, "target"),
            dyad=_dyad(dyad),
            country=_match(
                country, "country", r"[A-Z]{3}", "an ISO 3166 alpha-3 code (e.g. PAK)", upper=True
            ),
            cameo=_match(cameo, "cameo", r"[0-9]{2,4}", "a CAMEO code prefix, 2 to 4 digits (e.g. 19)"),
            roots=tuple(_root(v) for v in _values(root, "root", 20)),
            plover=tuple(_plover(v) for v in _values(plover, "plover", len(PLOVER_TYPES))),
            quads=tuple(_quad(v) for v in _values(quad, "quad", 4)),
            since=since_day,
            until=until_day,
            bbox=_bbox(bbox),
            q=_text(q, "q"),
            min_confidence=_confidence(min_confidence),
        )

    @classmethod
    def from_kwargs(cls, filters: Mapping[str, Any]) -> EventFilters:
        """`parse` of keyword arguments; an unknown name is a `ParameterError`."""
        for name in filters:
            if name not in FILTER_NAMES:
                raise ParameterError(name, f"unknown filter: use {', '.join(FILTER_NAMES)}")
        return cls.parse(**filters)


def event_from(filters: EventFilters) -> str:
    """`EVENT_FROM` without the joins no filter reads: the mention (read by ``q``) and the
    article (read by ``q``, ``since`` and ``until``)."""
    if filters.q:
        return EVENT_FROM
    if filters.since or filters.until:
        return EVENT_FROM.split(" JOIN mentions", 1)[0]
    return "events x"


def event_where(filters: EventFilters) -> tuple[list[str], list[Any]]:
    """SQL conditions (to AND together) and their bound parameters over `EVENT_FROM`'s rows."""
    exported = Filters(filters.since, filters.until, filters.country, filters.roots)
    where, params = _event_where(exported, "x")  # the dates, country and roots as the exports read them
    if filters.actor:
        where.append("(starts_with(x.source_code, ?) OR starts_with(x.target_code, ?))")
        params += [filters.actor, filters.actor]
    if filters.source:
        where.append("starts_with(x.source_code, ?)")
        params.append(filters.source)
    if filters.target:
        where.append("starts_with(x.target_code, ?)")
        params.append(filters.target)
    if filters.dyad:
        one, two = filters.dyad
        where.append(
            "((starts_with(x.source_code, ?) AND starts_with(x.target_code, ?)) OR "
            "(starts_with(x.source_code, ?) AND starts_with(x.target_code, ?)))"
        )
        params += [one, two, two, one]
    if filters.cameo:
        where.append("starts_with(x.cameo, ?)")
        params.append(filters.cameo)
    for column, values in (("plover_event", filters.plover), ("quad", filters.quads)):
        if values:
            where.append(f"x.{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    if filters.bbox:
        where.append("x.location_lon BETWEEN ? AND ? AND x.location_lat BETWEEN ? AND ?")
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        params += [min_lon, max_lon, min_lat, max_lat]
    if filters.q:
        # The article's text first: where it lacks the text, no sentence of it need be found.
        where.append(f"contains(lower(a.text), lower(?)) AND contains(lower({evidence_sql()}), lower(?))")
        params += [filters.q, filters.q]
    if filters.min_confidence is not None:
        where.append("x.confidence >= ?")
        params.append(filters.min_confidence)
    return where, params


def _text(value: object, name: str) -> str | None:
    """A text value stripped, None when empty; not text or too long is a `ParameterError`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParameterError(name, f"give text, not {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise ParameterError(name, f"at most {MAX_TEXT} characters")
    return value.strip() or None


def _match(value: object, name: str, pattern: str, what: str, upper: bool = False) -> str | None:
    text = _text(value, name)
    if text is None:
        return None
    if upper:
        text = text.upper()
    if not re.fullmatch(pattern, text):
        raise ParameterError(name, f"{_shown(text)} is not {what}")
    return text


def _shown(text: str) -> str:
    """A value for an error message, shortened."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _actor(value: object, name: str) -> str | None:
    text = _text(value, name)
    if text is None:
        return None
    code = text.upper()
    if not _ACTOR.fullmatch(code):
        raise ParameterError(
            name, f"{_shown(text)} is not a CAMEO actor code prefix, 3 to 15 letters (e.g. RUS)"
        )
    return code


def _dyad(value: str | Iterable[str] | None) -> tuple[str, str] | None:
    if value is None or isinstance(value, str):
        text = _text(value, "dyad")
        if text is None:
            return None
        parts: list[object] = list(text.split(","))
    else:
        parts = list(value)
    if len(parts) != 2:
        raise ParameterError("dyad", "give two actor codes, A,B (e.g. RUS,UKR)")
    one, two = (_actor(p, "dyad") for p in parts)
    if one is None or two is None:
        raise ParameterError("dyad", "give two actor codes, A,B (e.g. RUS,UKR)")
    return one, two


def _values(value: object, name: str, most: int) -> list[object]:
    """The values of a repeatable filter (one value or several; empty ones left out)."""
    if value is None:
        return []
    items = (
        [value] if isinstance(value, str | int | float) or not isinstance(value, Iterable) else list(value)
    )
    if len(items) > most:
        raise ParameterError(name, f"at most {most} values")
    return [v for v in items if not (isinstance(v, str) and not v.strip())]


def _root(value: object) -> str:
    given = f"{value:02d}" if isinstance(value, int) and not isinstance(value, bool) else value
    text = _match(given, "root", r"[0-9]{2}", "a CAMEO root")
    if text is None or not 1 <= int(text) <= 20:
        raise ParameterError("root", f"{_shown(str(value))} is not a CAMEO root: two digits, 01 to 20")
    return text


def _plover(value: object) -> str:
    text = _text(value, "plover")
    if text is None or text.upper() not in PLOVER_TYPES:
        raise ParameterError(
            "plover", f"{_shown(str(value))} is not a PLOVER type: one of {', '.join(PLOVER_TYPES)}"
        )
    return text.upper()


def _quad(value: object) -> int:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else _text(value, "quad")
    if text not in ("1", "2", "3", "4"):
        raise ParameterError("quad", f"{_shown(str(value))} is not a quad class: 1, 2, 3 or 4")
    return int(text)


def _date(value: object, name: str) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value, name)
    if text is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ParameterError(name, f"{_shown(text)} is not an ISO date, YYYY-MM-DD") from None


def _number(value: object, name: str) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _text(value, name)
        if text is None:
            return None
        try:
            number = float(text)
        except ValueError:
            raise ParameterError(name, f"{_shown(text)} is not a number") from None
    if not math.isfinite(number):
        raise ParameterError(name, "give a finite number")
    return number


def _bbox(value: str | Iterable[float | str] | None) -> tuple[float, float, float, float] | None:
    if value is None or isinstance(value, str):
        text = _text(value, "bbox")
        if text is None:
            return None
        parts: list[object] = list(text.split(","))
    else:
        parts = list(value)
    shape = "minlon,minlat,maxlon,maxlat (e.g. 20,40,45,55)"
    if len(parts) != 4:
        raise ParameterError("bbox", f"give four numbers, {shape}")
    numbers = [_number(p, "bbox") for p in parts]
    if any(n is None for n in numbers):
        raise ParameterError("bbox", f"give four numbers, {shape}")
    min_lon, min_lat, max_lon, max_lat = (float(n) for n in numbers if n is not None)
    if not (-180 <= min_lon <= max_lon <= 180):
        raise ParameterError("bbox", f"longitudes from -180 to 180, min before max: {shape}")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise ParameterError("bbox", f"latitudes from -90 to 90, min before max: {shape}")
    return min_lon, min_lat, max_lon, max_lat


def _confidence(value: float | str | None) -> float | None:
    number = _number(value, "min_confidence")
    if number is not None and not 0 <= number <= 1:
        raise ParameterError("min_confidence", "give a number from 0 to 1")
    return number
