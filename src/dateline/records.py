"""The records passed between stages and written out: dataclasses with slots.

`ArticleRecord.to_dict()` is the public JSON contract of DESIGN.md; the store's schema is derived
from these classes. Extend them with optional fields; never rename or remove one.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

from .errors import DatelineError


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that depends only on `parts` (stable across runs and machines)."""
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=16)
    return digest.hexdigest()[:length]


@dataclass(slots=True)
class RawDocument:
    """One input as read, before extraction: either plain text or HTML."""

    id: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    origin: str | None = None
    #: When a crawler fetched the page (a WARC record's date): the article's date only where
    #: neither the caller nor the page gives one.
    fetched: str | None = None
    #: The text is an article body already (a JSONL record's "text"): its offsets are kept those
    #: of the caller's text (see `dateline.cleaning`); only scraped pages (.txt, stdin) are cleaned
    #: of page furniture.
    verbatim: bool = False

    def digest(self) -> str:
        """A hash of the input's content, to tell two different inputs under one id apart."""
        return stable_id("text", self.text or "", "html", self.html or "")


@dataclass(slots=True)
class InputFailure:
    """An input that could not be read into a document (bad JSON line, binary file, empty file)."""

    id: str
    error: DatelineError
    origin: str | None = None

    def digest(self) -> str:
        """A hash of the failure (what was read where, and why it failed), stable across runs."""
        return stable_id("failure", str(self.error))


@dataclass(slots=True)
class Article:
    """A cleaned article: body text plus the metadata recovered from the page."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str = "en"
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    #: The caller's own text when `text` is its cleaned copy (see `dateline.cleaning`): the
    #: record's offsets are mapped back into it through ``origins``.
    source_text: str | None = None
    origins: tuple[int, ...] | None = None


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears in the text and as resolved against the dictionary."""

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    name: str | None = None
    sectors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Plover:
    """PLOVER type, mode and context of a coded event."""

    event: str | None
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Location:
    """A resolved place: name, country and coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class PatternRef:
    """The lexicon entry that coded an event: a stable id and its text as written in verbs.tsv."""

    id: str
    text: str


@dataclass(slots=True)
class RuleStep:
    """A named coding rule that changed an event (its code, a side or its modality), and why."""

    rule: str
    reason: str


@dataclass(slots=True)
class Event:
    """A coded event with its evidence (sentence index, trigger offsets) and derived codes."""

    id: str
    sentence: int
    start: int
    end: int
    trigger: str
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: Plover
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    negated: bool = False
    hypothetical: bool = False
    #: The lexicon pattern that matched (None for events a rule derives from another one).
    pattern: PatternRef | None = None
    #: The named rules that changed the event after its pattern matched, in the order applied.
    rules: list[RuleStep] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to."""

    text: str
    name: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote:
    """A direct or indirect quotation with its speaker and cue."""

    speaker: Speaker | None
    cue: str | None
    content: str
    start: int
    end: int
    direct: bool


@dataclass(slots=True)
class Place:
    """A toponym in the text resolved to coordinates."""

    text: str
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonameid: int | None = None
    admin1: str | None = None
    feature: str | None = None


@dataclass(slots=True)
class ArticleRecord:
    """Everything dateline knows about one article: the public output record."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str = "en"
    captions: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-able record of DESIGN.md (the `error` key appears only on failures)."""
        out = dataclasses.asdict(self)
        if out["error"] is None:
            del out["error"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        """Rebuild a record from `to_dict()` output (round-trips exactly)."""
        return ArticleRecord(
            id=data["id"],
            text=data.get("text", ""),
            url=data.get("url"),
            title=data.get("title"),
            published=data.get("published"),
            dateline=data.get("dateline"),
            language=data.get("language", "en"),
            captions=list(data.get("captions") or []),
            events=[_event_from_dict(e) for e in data.get("events") or []],
            quotes=[_quote_from_dict(q) for q in data.get("quotes") or []],
            places=[Place(**p) for p in data.get("places") or []],
            error=data.get("error"),
        )


def _actor_from_dict(data: dict[str, Any] | None) -> ActorRef | None:
    return None if data is None else ActorRef(**{**data, "sectors": list(data.get("sectors") or [])})


def _event_from_dict(data: dict[str, Any]) -> Event:
    values = dict(data)
    values["source"] = _actor_from_dict(values.get("source"))
    values["target"] = _actor_from_dict(values.get("target"))
    plover = values.get("plover") or {"event": None}
    values["plover"] = Plover(plover.get("event"), plover.get("mode"), list(plover.get("context") or []))
    location = values.get("location")
    values["location"] = None if location is None else Location(**location)
    pattern = values.get("pattern")
    values["pattern"] = None if pattern is None else PatternRef(**pattern)
    values["rules"] = [RuleStep(**step) for step in values.get("rules") or []]
    return Event(**values)


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    values = dict(data)
    speaker = values.get("speaker")
    values["speaker"] = None if speaker is None else Speaker(**speaker)
    return Quote(**values)
