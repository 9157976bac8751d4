"""The pipeline: the stages of DESIGN.md wired together, plus the unit of work for executors.

``Pipeline.process`` never raises on bad input: the record comes back with ``error`` set, so one
broken page never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from . import __version__
from .actors import ActorDictionary, ActorResolver
from .cleaning import restore_offsets
from .coding.coder import EventCoder, deduplicate
from .coding.lexicon import Lexicon
from .coding.placement import ActorPlacement
from .coref import Coreference
from .dates import EventDater
from .errors import DatelineError, InternalError, StageNotFound, TextTooLong, UnsupportedLanguage
from .extract import Extractor
from .geo import Geocoder
from .language import LanguageIdentifier
from .nlp import NLP
from .quoting import QuoteFinder, addressee
from .records import ActorRef, Article, ArticleRecord, Event, InputFailure, Location, Place, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .petrarch.engine import PetrarchEngine


@dataclass(slots=True)
class PipelineConfig:
    """What a pipeline is built from (picklable, so worker processes can rebuild it)."""

    model: str | None = None
    batch_size: int = 16
    #: Directories with a user's dictionaries (``actors/*.tsv``, ``verbs.tsv``), read before ours.
    data_dirs: tuple[str, ...] = ()
    #: False: use only the user's dictionaries (e.g. PETRARCH's toy dictionaries), not ours.
    shipped_data: bool = True
    #: "dateline" (our coder) or "petrarch": the PETRARCH-compatible engine, which codes with the
    #: PETRARCH dictionaries (``*.txt``) in ``data_dirs`` (see `dateline.petrarch.engine`).
    coder: str = "dateline"
    #: Longest body text coded, in characters; a longer one is recorded as a failure (too long).
    max_chars: int = 2_000_000
    #: Texts longer than this are parsed in segments of at most this many characters.
    segment_chars: int = 100_000


class Pipeline:
    """Raw documents in, article records out."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.dictionary: ActorDictionary | None = None
        self.extractor = Extractor()
        self.language = LanguageIdentifier()
        self.nlp: NLP | None = None
        self.coder = EventCoder()
        self.placement = ActorPlacement()
        self.petrarch: PetrarchEngine | None = None
        self.quotes = QuoteFinder()
        self.dater = EventDater()
        self.geocoder: Geocoder | None = None

    def setup(self) -> Pipeline:
        """Load every heavy resource (model, dictionaries, gazetteer). Idempotent."""
        if self.nlp is not None:
            return self
        if self.config.coder not in ("dateline", "petrarch"):
            raise StageNotFound(f"no coder named {self.config.coder!r}; known: dateline, petrarch")
        self.dictionary = ActorDictionary.load(self.config.data_dirs, self.config.shipped_data)
        self.nlp = NLP(self.config.model, self.dictionary, segment_chars=self.config.segment_chars)
        self.nlp.setup()
        self.language.setup()
        if self.config.coder == "petrarch":  # PETRARCH's verb dictionaries replace our lexicon
            from .petrarch.engine import PetrarchEngine

            self.petrarch = PetrarchEngine.from_dirs(self.config.data_dirs)
            self.petrarch.setup()
        else:
            if self.config.data_dirs or not self.config.shipped_data:
                self.coder.lexicon = Lexicon.load(self.config.data_dirs, self.config.shipped_data)
            self.coder.setup()
        self.geocoder = Geocoder(self.dictionary)
        self.geocoder.setup()
        return self

    def process(self, doc: RawDocument | InputFailure) -> ArticleRecord:
        """One document to one record (with ``error`` set instead of raising on bad input)."""
        return next(iter(self.process_many([doc])))

    def process_many(self, docs: Iterable[RawDocument | InputFailure]) -> Iterator[ArticleRecord]:
        """Records for many documents, in input order, parsing in batches."""
        self.setup()
        batch: list[RawDocument | InputFailure] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.config.batch_size:
                yield from self._process_batch(batch)
                batch = []
        if batch:
            yield from self._process_batch(batch)

    def _process_batch(self, docs: list[RawDocument | InputFailure]) -> list[ArticleRecord]:
        assert self.nlp is not None
        prepared = [self._prepare(doc) for doc in docs]
        articles = [a for a in prepared if isinstance(a, Article)]
        parsed = iter(self._parse([a.text for a in articles]))
        records = []
        for item in prepared:
            if isinstance(item, ArticleRecord):
                records.append(item)
                continue
            doc = next(parsed)
            if isinstance(doc, Exception):
                records.append(_failed(item, InternalError(f"{item.id}: parsing failed: {doc!r}")))
                continue
            try:
                records.append(restore_offsets(self.analyse(item, doc), item))
            except Exception as exc:  # a bug on one article must not kill the batch
                records.append(_failed(item, InternalError(f"{item.id}: analysis failed: {exc!r}")))
        return records

    def _prepare(self, doc: RawDocument | InputFailure) -> Article | ArticleRecord:
        """The article to parse, or the failure record of an input that cannot be coded."""
        if isinstance(doc, InputFailure):
            return ArticleRecord(id=doc.id, text="", error=str(doc.error))
        try:
            article = self.extractor(doc)
        except DatelineError as exc:
            return ArticleRecord(id=doc.id, text="", url=doc.url, title=doc.title, error=str(exc))
        except Exception as exc:  # a page that breaks the extractor must not kill the batch
            error = InternalError(f"{doc.id}: extraction failed: {exc!r}")
            return ArticleRecord(id=doc.id, text="", url=doc.url, title=doc.title, error=str(error))
        identified = self.language(article.text)
        if not identified.supported:
            article.language = identified.language
            reason = f"{doc.id}: the article is in {identified.language!r} (p={identified.probability:.2f})"
            return _failed(article, UnsupportedLanguage(reason))
        if len(article.text) > self.config.max_chars:
            size = f"{len(article.text):,} characters, over the limit of {self.config.max_chars:,}"
            return _failed(article, TextTooLong(f"{doc.id}: the text has {size}"))
        return article

    def _parse(self, texts: list[str]) -> list[Doc | Exception]:
        """Parses of ``texts``, in batches; when a batch fails, each text alone, so one bad text
        costs only its own record."""
        assert self.nlp is not None
        try:
            return list(self.nlp.pipe(texts, batch_size=self.config.batch_size))
        except Exception:
            pass
        docs: list[Doc | Exception] = []
        for text in texts:
            try:
                docs.append(self.nlp.pipe([text])[0])
            except Exception as exc:
                docs.append(exc)
        return docs

    def analyse(self, article: Article, doc: Doc) -> ArticleRecord:
        """Actors, coreference, quotes, events, places and dates for one parsed article."""
        assert self.dictionary is not None and self.geocoder is not None
        resolver = ActorResolver(self.dictionary, day=article.published)
        coref = Coreference(doc, resolver)
        quotes = self.quotes(doc, coref.actor)
        for quote in quotes:
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
        if self.petrarch is not None:
            events = self.petrarch.code_doc(doc, article.id, article.published)
        else:
            events = self.coder.code_doc(doc, article.id, coref)
        places = self.geocoder(doc, article.dateline)
        dateline_place = self._dateline_place(article.dateline)
        for event in events:
            trigger = doc.char_span(event.start, event.end, alignment_mode="expand")
            if trigger is None:
                continue
            event.date, event.date_precision, _ = self.dater.date_for(trigger.root, article.published)
            event.location = _destination(event, places) or self.geocoder.locate(
                trigger.root, places, dateline_place
            )
        if self.petrarch is None:  # a PETRARCH dictionary's codings are the user's, as written
            home = dateline_place.country if dateline_place is not None else None
            events = self.placement(doc, events, places, home)
        return _article_record(article, events=deduplicate(events), quotes=quotes, places=places)

    def _dateline_place(self, dateline: str | None) -> Place | None:
        assert self.geocoder is not None
        if not dateline:
            return None
        place = self.geocoder.resolve(dateline.title())
        return replace(place, text=dateline) if place is not None else None

    def info(self) -> dict[str, Any]:
        """Version, model and dictionary sizes, for `dateline info`."""
        self.setup()
        assert self.nlp is not None and self.dictionary is not None
        patterns = len(self.coder.lexicon) if self.coder.lexicon is not None else None
        return {
            "version": __version__,
            **self.nlp.info(),
            "coder": self.config.coder,
            "dictionaries": {**self.dictionary.sizes(), "verb_patterns": patterns},
        }


def _article_record(article: Article, **found: Any) -> ArticleRecord:
    """The record of ``article``: its text and metadata, and what was ``found`` in it."""
    return ArticleRecord(
        id=article.id,
        text=article.text,
        url=article.url,
        title=article.title,
        published=article.published,
        dateline=article.dateline,
        language=article.language,
        captions=article.captions,
        **found,
    )


def _failed(article: Article, error: DatelineError) -> ArticleRecord:
    """The failure record of an article that was read but not coded (its text and metadata kept)."""
    return restore_offsets(_article_record(article, error=str(error)), article)


def _destination(event: Event, places: list[Place]) -> Location | None:
    """A visit happens where the visitor goes: "a visit to Russia" is located in Russia."""
    if event.cameo != "042" or event.target is None:
        return None
    target = event.target
    for place in places:
        if place.start >= target.start and place.end <= target.end:
            return Location(place.text, place.country, place.lat, place.lon, place.geonameid)
    return None


# --- executors -------------------------------------------------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    _WORKER = Pipeline(config).setup()


def _work(doc: RawDocument | InputFailure) -> dict[str, Any]:
    assert _WORKER is not None
    return _WORKER.process(doc).to_dict()


def process_documents(
    docs: Iterable[RawDocument | InputFailure], config: PipelineConfig | None = None, workers: int = 1
) -> Iterator[ArticleRecord]:
    """Records for ``docs`` in input order, with ``workers`` processes (1 = in this process)."""
    config = config or PipelineConfig()
    if workers <= 1:
        yield from Pipeline(config).process_many(docs)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for data in pool.imap(_work, docs, chunksize=4):
            yield ArticleRecord.from_dict(data)
