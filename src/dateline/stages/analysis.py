"""The analysis stages, run on each parsed article: actors and coreference, quotes, events (our
coder or the PETRARCH-compatible engine), places, event locations and dates, actor placement."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Self

from ..actors import ActorDictionary, ActorResolver
from ..coding.coder import EventCoder
from ..coding.lexicon import Lexicon
from ..coding.placement import ActorPlacement
from ..coding.rules import RuleSettings
from ..coref import Coreference
from ..dates import EventDater
from ..geo import Geocoder
from ..petrarch.engine import PetrarchEngine
from ..quoting import QuoteFinder, addressee
from ..records import ActorRef, Event, Location, Place
from ..registry import register
from .base import ArticleState, SharedResources

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import PipelineConfig


@register("actors")
@dataclass(slots=True)
class Actors:
    """Resolves the article's actor mentions against the dictionary and links coreferences."""

    dictionary: ActorDictionary
    name: ClassVar[str] = "actors"
    needs: ClassVar[frozenset[str]] = frozenset({"article", "doc"})
    gives: ClassVar[frozenset[str]] = frozenset({"coref"})
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the shared actor dictionary."""
        return cls(shared.dictionary)

    def __call__(self, state: ArticleState) -> None:
        """Resolve as of the article's publication day (offices change hands)."""
        resolver = ActorResolver(self.dictionary, day=state.article.published)
        state.coref = Coreference(state.doc, resolver)


@register("quotes")
@dataclass(slots=True)
class Quotes:
    """Finds quotes and their speakers; a direct quote's speaker and addressee resolve the first
    and second person inside it."""

    finder: QuoteFinder
    name: ClassVar[str] = "quotes"
    needs: ClassVar[frozenset[str]] = frozenset({"doc", "coref"})
    gives: ClassVar[frozenset[str]] = frozenset({"quotes"})
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with its quote finder."""
        finder = QuoteFinder(shared.dictionary.words)
        finder.setup()
        return cls(finder)

    def __call__(self, state: ArticleState) -> None:
        """Find the quotes; tell the coreference of each direct quote with a coded speaker."""
        doc, coref = state.doc, state.coref
        state.quotes = self.finder(doc, coref.actor)
        for quote in state.quotes:
            if quote.direct and quote.speaker is not None and quote.speaker.code:
                speaker = ActorRef(
                    text=quote.speaker.text,
                    start=quote.speaker.start or 0,
                    end=quote.speaker.end or 0,
                    code=quote.speaker.code,
                    country=quote.speaker.code[:3],
                    name=quote.speaker.name,
                )
                coref.add_quote_frame(quote.start, quote.end, speaker, addressee(doc, quote, coref.actor))


@register("coding")
@dataclass(slots=True)
class Coding:
    """Codes events with our coder and lexicon (`dateline.coding`)."""

    coder: EventCoder
    name: ClassVar[str] = "coding"
    needs: ClassVar[frozenset[str]] = frozenset({"article", "doc", "coref"})
    gives: ClassVar[frozenset[str]] = frozenset({"events"})
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the lexicon and the rules' settings of ``config``'s data: the user's
        files first, then ours."""
        coder = EventCoder()
        if config.data_dirs or not config.shipped_data:
            coder.lexicon = Lexicon.load(config.data_dirs, config.shipped_data, words=shared.words)
            coder.settings = shared.rule_settings
        coder.setup()
        return cls(coder)

    def __call__(self, state: ArticleState) -> None:
        """Code the article's events."""
        state.events = self.coder.code_doc(state.doc, state.article.id, state.coref)


@register("petrarch")
@dataclass(slots=True)
class Petrarch:
    """Codes events with PETRARCH dictionaries and mechanics (`dateline.petrarch.engine`): the
    ``*.txt`` dictionaries of `PipelineConfig.data_dirs` replace our lexicon."""

    engine: PetrarchEngine
    name: ClassVar[str] = "petrarch"
    needs: ClassVar[frozenset[str]] = frozenset({"article", "doc"})
    gives: ClassVar[frozenset[str]] = frozenset({"events"})
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the dictionaries read and the patterns compiled."""
        engine = PetrarchEngine.from_dirs(config.data_dirs)
        engine.setup()
        return cls(engine)

    def __call__(self, state: ArticleState) -> None:
        """Code the article's events (its publication day picks date-restricted codes)."""
        article = state.article
        state.events = self.engine.code_doc(state.doc, article.id, article.published)


@register("places")
@dataclass(slots=True)
class Places:
    """Finds the article's toponyms and resolves them, and its dateline's place."""

    geocoder: Geocoder
    name: ClassVar[str] = "places"
    needs: ClassVar[frozenset[str]] = frozenset({"article", "doc"})
    gives: ClassVar[frozenset[str]] = frozenset({"places"})
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the shared gazetteer."""
        return cls(shared.geocoder)

    def __call__(self, state: ArticleState) -> None:
        """Fill in the places and the dateline's place."""
        dateline = state.article.dateline
        state.places = self.geocoder(state.doc, dateline)
        if dateline:
            place = self.geocoder.resolve(dateline.title())
            state.dateline_place = replace(place, text=dateline) if place is not None else None


@register("locate")
@dataclass(slots=True)
class Locate:
    """Places each event: where its clause says, else at the dateline."""

    geocoder: Geocoder
    name: ClassVar[str] = "locate"
    needs: ClassVar[frozenset[str]] = frozenset({"doc", "events", "places"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the shared gazetteer."""
        return cls(shared.geocoder)

    def __call__(self, state: ArticleState) -> None:
        """Set each event's location."""
        for event in state.events:
            trigger = state.doc.char_span(event.start, event.end, alignment_mode="expand")
            if trigger is None:
                continue
            event.location = _destination(event, state.places) or self.geocoder.locate(
                trigger.root, state.places, state.dateline_place
            )


@register("dates")
@dataclass(slots=True)
class Dates:
    """Dates each event from the date expressions of its clause, else the publication date."""

    dater: EventDater
    name: ClassVar[str] = "dates"
    needs: ClassVar[frozenset[str]] = frozenset({"article", "doc", "events"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with its dater."""
        dater = EventDater(shared.dictionary.words)
        dater.setup()
        return cls(dater)

    def __call__(self, state: ArticleState) -> None:
        """Set each event's date and its precision."""
        published = state.article.published
        for event in state.events:
            trigger = state.doc.char_span(event.start, event.end, alignment_mode="expand")
            if trigger is None:
                continue
            event.date, event.date_precision, _ = self.dater.date_for(trigger.root, published)


@register("placement")
@dataclass(slots=True)
class Placement:
    """Gives unplaced event sides the one country their sentence names (`dateline.coding.placement`).

    Not in the PETRARCH pipeline: a PETRARCH dictionary's codings are the user's, as written.
    """

    placement: ActorPlacement
    name: ClassVar[str] = "placement"
    needs: ClassVar[frozenset[str]] = frozenset({"doc", "events", "places"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with its placement rules (the roots they apply to from ``rules.toml``)."""
        placement = ActorPlacement(shared.rule_settings)
        placement.setup()
        return cls(placement)

    def __call__(self, state: ArticleState) -> None:
        """Place the events' unplaced sides; the dateline's country is the article's."""
        home = state.dateline_place.country if state.dateline_place is not None else None
        state.events = self.placement(state.doc, state.events, state.places, home)


#: Texts of fewer sentences are not stories: a headline, a post, one sentence of a dataset.
STORY_SENTENCES = 5


@register("complete")
@dataclass(slots=True)
class Complete:
    """Keeps the events of a story that are whole: an actor who did them and, for an act done to
    someone (all but the ``one_sided`` roots of ``rules.toml``: statements, appeals, protests ...),
    the side it was done to. In a story, an act whose sides neither the parse, coreference, titles
    nor placement found is background or a happening, and is not emitted. A short text (fewer
    than `STORY_SENTENCES` sentences) has no story to find them in, so its acts are kept.
    In a story, too, a sentence's acts other than its main ones are kept only with a known actor
    on both sides (`_attested`). `PipelineConfig.incomplete_events` True keeps them everywhere,
    False drops them everywhere.
    Events under `PipelineConfig.min_confidence` are not emitted either."""

    in_stories: bool
    in_short_texts: bool
    min_confidence: float
    settings: RuleSettings
    name: ClassVar[str] = "complete"
    needs: ClassVar[frozenset[str]] = frozenset({"doc", "events"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "analysis"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage for ``config``'s choice of incomplete events."""
        choice = config.incomplete_events
        return cls(choice is True, choice is not False, config.min_confidence, shared.rule_settings)

    def __call__(self, state: ArticleState) -> None:
        """Drop the events with no source, in a story (or as the config says)."""
        short = sum(1 for _ in state.doc.sents) < STORY_SENTENCES
        if not (self.in_short_texts if short else self.in_stories):
            state.events = [e for e in state.events if self._whole(e)]
            state.events = _attested(state.events, state.doc)
        if self.min_confidence > 0:
            state.events = [e for e in state.events if e.confidence >= self.min_confidence]

    def _whole(self, event: Event) -> bool:
        """Whether the event has its actor and, unless its act may be one-sided, its target."""
        return event.source is not None and (
            event.target is not None or self.settings.applies("one_sided", event.cameo)
        )


def _attested(events: list[Event], doc: Doc) -> list[Event]:
    """A sentence's main acts and the others it reports in full. A sentence tells its main act
    (its surest event that is neither hypothetical nor negated, and the verbs of its main clause:
    "criticised the veto and urged Moscow to reconsider") and mentions others as their cause,
    manner or background ("attacked the convoy, killing two", "the talks, which began in May");
    those are acts of their own only when it says plainly who did it to whom: a known actor on
    both sides."""
    main: dict[int, Event] = {}
    for event in events:
        if event.hypothetical or event.negated:
            continue
        best = main.get(event.sentence)
        if best is None or (event.confidence, -event.start) > (best.confidence, -best.start):
            main[event.sentence] = event
    return [e for e in events if e is main.get(e.sentence) or _in_full(e) or _main_clause(e, doc)]


def _in_full(event: Event) -> bool:
    """Whether both sides of the event are known actors."""
    return bool(event.source and event.source.code and event.target and event.target.code)


def _main_clause(event: Event, doc: Doc) -> bool:
    """Whether the event's trigger is the verb of its sentence's main clause (or one conjoined
    with it)."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT"


def _destination(event: Event, places: list[Place]) -> Location | None:
    """A visit happens where the visitor goes: "a visit to Russia" is located in Russia."""
    if event.cameo != "042" or event.target is None:
        return None
    target = event.target
    for place in places:
        if place.start >= target.start and place.end <= target.end:
            return Location(place.text, place.country, place.lat, place.lon, place.geonameid)
    return None
