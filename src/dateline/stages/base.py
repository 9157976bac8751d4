"""What every stage is: the `Stage` protocol, the per-article `ArticleState` stages pass on, and
the `SharedResources` (model, dictionaries, gazetteer) several stages share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, Self, TypeVar, runtime_checkable

from ..actors import ActorDictionary
from ..coding.rules import RuleSettings, default_settings
from ..errors import DatelineError, InternalError
from ..geo import Geocoder
from ..nlp import NLP
from ..records import Article, Event, Place, Quote, RawDocument
from ..words import Words, default_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..coref import Coreference
    from ..pipeline import PipelineConfig

T = TypeVar("T")

#: What a stage may need or give: the parts of `ArticleState` that stages fill in.
PARTS = frozenset({"article", "doc", "coref", "quotes", "events", "places"})


class SharedResources:
    """The heavy resources stages share, built once per pipeline from its config; each loads on
    first use, so a pipeline that never needs one never pays for it."""

    __slots__ = ("_dictionary", "_geocoder", "_nlp", "_rule_settings", "_words", "config")

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self._words: Words | None = None
        self._rule_settings: RuleSettings | None = None
        self._dictionary: ActorDictionary | None = None
        self._nlp: NLP | None = None
        self._geocoder: Geocoder | None = None

    @property
    def words(self) -> Words:
        """The word classes the rules read: a user's files over ours."""
        if self._words is None:
            self._words = Words.load(self.config.data_dirs) if self.config.data_dirs else default_words()
        return self._words

    @property
    def rule_settings(self) -> RuleSettings:
        """The coder's rule settings (``rules.toml``): a user's files over ours."""
        if self._rule_settings is None:
            dirs = self.config.data_dirs
            self._rule_settings = RuleSettings.load(dirs) if dirs else default_settings()
        return self._rule_settings

    @property
    def dictionary(self) -> ActorDictionary:
        """The actor dictionary: it feeds the entity ruler, the actor resolver and the geocoder."""
        if self._dictionary is None:
            config = self.config
            self._dictionary = ActorDictionary.load(config.data_dirs, config.shipped_data, self.words)
        return self._dictionary

    @property
    def nlp(self) -> NLP:
        """The spaCy pipeline, its entity ruler fed by `dictionary`."""
        if self._nlp is None:
            nlp = NLP(self.config.model, self.dictionary, segment_chars=self.config.segment_chars)
            nlp.setup()
            self._nlp = nlp
        return self._nlp

    @property
    def geocoder(self) -> Geocoder:
        """The gazetteer and the toponym resolver."""
        if self._geocoder is None:
            geocoder = Geocoder(self.dictionary)
            geocoder.setup()
            self._geocoder = geocoder
        return self._geocoder

    def loaded(self) -> list[str]:
        """Names of the heavy resources loaded so far (the word classes are light)."""
        held = {"dictionary": self._dictionary, "nlp": self._nlp, "geocoder": self._geocoder}
        return [name for name, value in held.items() if value is not None]


@dataclass(slots=True)
class ArticleState:
    """One article on its way through the stages: each stage reads what the stages before it
    left here (its ``needs``) and adds its own findings (its ``gives``)."""

    raw: RawDocument
    _article: Article | None = None
    _doc: Doc | None = None
    _coref: Coreference | None = None
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    #: The place of the article's dateline ("ISLAMABAD"), given with ``places``.
    dateline_place: Place | None = None
    #: Why the article was given up on; the stages after the one that failed skip it.
    error: DatelineError | None = None

    @property
    def id(self) -> str:
        """The document's id."""
        return self.raw.id

    @property
    def article(self) -> Article:
        """The extracted article (given by ``extract``)."""
        return _given(self._article, "article", self.id)

    @article.setter
    def article(self, article: Article) -> None:
        self._article = article

    @property
    def doc(self) -> Doc:
        """The parse of the article's text (given by ``nlp``)."""
        return _given(self._doc, "doc", self.id)

    @doc.setter
    def doc(self, doc: Doc) -> None:
        self._doc = doc

    @property
    def coref(self) -> Coreference:
        """The article's actors and coreference links (given by ``actors``)."""
        return _given(self._coref, "coref", self.id)

    @coref.setter
    def coref(self, coref: Coreference) -> None:
        self._coref = coref

    @classmethod
    def parsed(cls, article: Article, doc: Doc) -> ArticleState:
        """The state of an article extracted and parsed already (by the caller)."""
        raw = RawDocument(id=article.id, text=article.text, title=article.title, url=article.url)
        return cls(raw, _article=article, _doc=doc)

    def extracted(self) -> Article | None:
        """The article, or None when extraction has not happened (or failed)."""
        return self._article


def _given(value: T | None, part: str, article_id: str) -> T:
    # Pipelines check the order of their stages when built, so this is a bug, not bad input.
    if value is None:
        raise InternalError(f"{article_id}: a stage read the {part!r} before any stage gave it")
    return value


class Stage(Protocol):
    """A named step of the pipeline, built complete by `from_config`, run on each article."""

    #: The name the stage is registered (and listed in `PipelineConfig.stages`) under.
    name: ClassVar[str]
    #: The parts of the state (`PARTS`) the stage reads: a stage before it must give them.
    needs: ClassVar[frozenset[str]]
    #: The parts of the state the stage fills in.
    gives: ClassVar[frozenset[str]]
    #: What an unexpected exception in the stage is reported as ("{failure} failed").
    failure: ClassVar[str]

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage, set up: its own resources loaded, the shared ones taken from ``shared``."""
        ...

    def __call__(self, state: ArticleState) -> None:
        """Read ``state``, add to it; raise a `DatelineError` to give the article up."""
        ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that is faster over many articles at once (the parse)."""

    def pipe(self, states: list[ArticleState]) -> None:
        """Run over all ``states``; on any failure, none of them may have been changed."""
        ...
