"""The pipeline: the stages of DESIGN.md, named in `PipelineConfig.stages` and built from the
registry (`dateline.stages`), run in order on each article; plus the unit of work for executors.

``Pipeline.process`` never raises on bad input: the record comes back with ``error`` set, so one
broken page never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import __version__
from .actors import ActorDictionary
from .cleaning import restore_offsets
from .coding.coder import EventCoder, deduplicate
from .errors import ConfigError, DatelineError, InternalError, StageNotFound
from .nlp import NLP
from .records import Article, ArticleRecord, InputFailure, RawDocument
from .registry import get_stage, stage_names
from .stages import ArticleState, BatchStage, Coding, Parse, Petrarch, SharedResources, Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .petrarch.engine import PetrarchEngine

#: The document-level steps (extraction, the checks that refuse an article) and the batched parse.
DOCUMENT_STAGES = ("extract", "language", "length", "nlp")
#: The stages of each coder's default pipeline, in order: the document-level steps, then the
#: analysis of each parsed article. A PETRARCH dictionary's codings are the user's, as written:
#: the PETRARCH pipeline places no actors.
DEFAULT_STAGES: dict[str, tuple[str, ...]] = {
    "dateline": (
        *DOCUMENT_STAGES,
        *("actors", "quotes", "coding", "places", "locate", "dates", "placement", "complete"),
    ),
    "petrarch": (*DOCUMENT_STAGES, "actors", "quotes", "petrarch", "places", "locate", "dates"),
}


@dataclass(slots=True)
class PipelineConfig:
    """What a pipeline is built from (picklable, so worker processes can rebuild it)."""

    model: str | None = None
    batch_size: int = 16
    #: Directories with a user's dictionaries (``actors/*.tsv``, ``verbs.tsv``), word classes
    #: (``words/*.toml``, see `dateline.words`) and rules (``coding.toml``), read before ours.
    data_dirs: tuple[str, ...] = ()
    #: False: use only the user's dictionaries (e.g. PETRARCH's toy dictionaries), not ours (our
    #: word classes and rules stay: they are English, not dictionary entries).
    shipped_data: bool = True
    #: "dateline" (our coder) or "petrarch": the PETRARCH-compatible engine, which codes with the
    #: PETRARCH dictionaries (``*.txt``) in ``data_dirs`` (see `dateline.petrarch.engine`).
    coder: str = "dateline"
    #: Longest body text coded, in characters; a longer one is recorded as a failure (too long).
    max_chars: int = 2_000_000
    #: Texts longer than this are parsed in segments of at most this many characters.
    segment_chars: int = 100_000
    #: Events whose source (or, for an act done to someone, target) no rule could find: None keeps
    #: them in short texts only (a story's events are whole), True keeps them (``dateline code
    #: --incomplete``), False drops them everywhere.
    incomplete_events: bool | None = None
    #: Events under this confidence are not emitted (``dateline code --min-confidence``).
    min_confidence: float = 0.0
    #: The names of the stages to run, in order (see `dateline.registry.stage_names`); None: the
    #: default pipeline of ``coder`` (`DEFAULT_STAGES`).
    stages: tuple[str, ...] | None = None

    def stage_names(self) -> tuple[str, ...]:
        """The stages this config runs, in order; raises `StageNotFound` for an unknown coder."""
        if self.stages is not None:
            return self.stages
        if self.coder not in DEFAULT_STAGES:
            raise StageNotFound(f"no coder named {self.coder!r}; known: {', '.join(DEFAULT_STAGES)}")
        return DEFAULT_STAGES[self.coder]


class Pipeline:
    """Raw documents in, article records out: the stages of ``config`` run in order on each.

    ``shared``: the heavy resources (model, dictionaries, gazetteer) to use, by default loaded for
    ``config``; pipelines with the same model and dictionaries may share them.
    """

    def __init__(self, config: PipelineConfig | None = None, shared: SharedResources | None = None) -> None:
        self.config = config or PipelineConfig()
        self.shared = shared or SharedResources(self.config)
        self._stages: list[Stage] | None = None

    def setup(self) -> Pipeline:
        """Build every stage, loading what it needs (model, dictionaries, gazetteer). Idempotent."""
        self.stages()
        return self

    def stages(self) -> list[Stage]:
        """The pipeline's stages, built (once) from the config.

        Every name is looked up, and the order checked, before anything loads: an unknown name
        raises `StageNotFound`, a stage placed before the stage giving what it needs `ConfigError`.
        """
        if self._stages is None:
            classes = [get_stage(name) for name in self.config.stage_names()]
            _check_order(classes)
            self._stages = [cls.from_config(self.config, self.shared) for cls in classes]
        return self._stages

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
        items = [ArticleState(doc) if isinstance(doc, RawDocument) else doc for doc in docs]
        alive = [item for item in items if isinstance(item, ArticleState)]
        for stage in self.stages():
            alive = _run(stage, alive)
        return [_record(item) for item in items]

    def analyse(self, article: Article, doc: Doc) -> ArticleRecord:
        """The record of one parsed article: the stages after the parse run on it (raising on error)."""
        state = ArticleState.parsed(article, doc)
        stages = self.stages()
        parsed = [i for i, stage in enumerate(stages) if "doc" in stage.gives]
        for stage in stages[parsed[-1] + 1 if parsed else 0 :]:
            stage(state)
        return _found(article, state)

    @property
    def nlp(self) -> NLP | None:
        """The spaCy pipeline of the parse stage (None before `setup` or without one)."""
        return next((s.nlp for s in self._stages or () if isinstance(s, Parse)), None)

    @property
    def dictionary(self) -> ActorDictionary | None:
        """The actor dictionary (None before `setup`)."""
        return self.shared.dictionary if self._stages is not None else None

    @property
    def coder(self) -> EventCoder | None:
        """Our event coder (None before `setup`, or when the pipeline codes with another)."""
        return next((s.coder for s in self._stages or () if isinstance(s, Coding)), None)

    @property
    def petrarch(self) -> PetrarchEngine | None:
        """The PETRARCH-compatible engine (None before `setup`, or when the pipeline has none)."""
        return next((s.engine for s in self._stages or () if isinstance(s, Petrarch)), None)

    def info(self) -> dict[str, Any]:
        """Version, model, stages and dictionary sizes, for `dateline info`."""
        self.setup()
        coder, nlp = self.coder, self.nlp
        patterns = len(coder.lexicon) if coder is not None and coder.lexicon is not None else None
        return {
            "version": __version__,
            **(nlp.info() if nlp is not None else {}),
            "coder": self.config.coder,
            "stages": list(self.config.stage_names()),
            "registered_stages": stage_names(),
            "dictionaries": {**self.shared.dictionary.sizes(), "verb_patterns": patterns},
        }


_ORDER_HINT = "List each stage of PipelineConfig.stages after the stages that give what it needs"


def _check_order(classes: list[type[Stage]]) -> None:
    """Raise `ConfigError` when a stage needs a part of the state no stage before it gives."""
    given: set[str] = set()
    for cls in classes:
        missing = sorted(cls.needs - given)
        if missing:
            givers = {part: [n for n in stage_names() if part in get_stage(n).gives] for part in missing}
            fix = "; ".join(f"{part!r} is given by {' or '.join(map(repr, g))}" for part, g in givers.items())
            needs = ", ".join(map(repr, missing))
            raise ConfigError(f"the stage {cls.name!r} needs {needs} first ({fix})", _ORDER_HINT)
        given |= cls.gives


def _run(stage: Stage, states: list[ArticleState]) -> list[ArticleState]:
    """Run ``stage`` on ``states``; the states it did not fail."""
    if isinstance(stage, BatchStage) and len(states) > 1:
        try:
            stage.pipe(states)
            return states
        except Exception:
            pass  # one bad text fails its whole batch: run each alone, so it costs only its own record
    for state in states:
        try:
            stage(state)
        except DatelineError as exc:
            state.error = exc
        except Exception as exc:  # a bug on one article must not kill the batch
            state.error = InternalError(f"{state.id}: {stage.failure} failed: {exc!r}")
    return [state for state in states if state.error is None]


def _record(item: ArticleState | InputFailure) -> ArticleRecord:
    """The record of a document: what the stages found in it, or why it failed."""
    if isinstance(item, InputFailure):
        return ArticleRecord(id=item.id, text="", error=str(item.error))
    article = item.extracted()
    if article is None:
        raw = item.raw
        return ArticleRecord(id=raw.id, text="", url=raw.url, title=raw.title, error=str(item.error))
    if item.error is not None:
        return _failed(article, item.error)
    return restore_offsets(_found(article, item), article)


def _found(article: Article, state: ArticleState) -> ArticleRecord:
    """The record of ``article`` with what the stages found (its offsets still the parsed text's)."""
    events = deduplicate(state.events)
    return _article_record(article, events=events, quotes=state.quotes, places=state.places)


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


# --- executors -------------------------------------------------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    """A worker process's set-up: no Ctrl-C (the parent's to handle), the pipeline loaded once."""
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    _WORKER = Pipeline(config).setup()


def _work(docs: list[RawDocument | InputFailure]) -> list[dict[str, Any]]:
    """The records of a batch of documents (parsed together), as dicts."""
    assert _WORKER is not None
    return [record.to_dict() for record in _WORKER.process_many(docs)]


def _batches(
    docs: Iterable[RawDocument | InputFailure], size: int
) -> Iterator[list[RawDocument | InputFailure]]:
    batch: list[RawDocument | InputFailure] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_documents(
    docs: Iterable[RawDocument | InputFailure], config: PipelineConfig | None = None, workers: int = 1
) -> Iterator[ArticleRecord]:
    """Records for ``docs`` in input order, with ``workers`` processes (1 = in this process).

    Workers get the documents in batches of ``config.batch_size`` and parse each batch together.
    (`dateline run` goes through `dateline.shards` instead: files, resumable, time limits.)
    """
    config = config or PipelineConfig()
    if workers <= 1:
        yield from Pipeline(config).process_many(docs)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for batch in pool.imap(_work, _batches(docs, max(1, config.batch_size))):
            yield from (ArticleRecord.from_dict(data) for data in batch)
