"""The document-level stages: extraction, the checks that refuse an article before it is parsed
(language, length), and the batched parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Self

from ..errors import TextTooLong, UnsupportedLanguage
from ..extract import Extractor
from ..language import LanguageIdentifier
from ..nlp import NLP
from ..registry import register
from .base import ArticleState, SharedResources

if TYPE_CHECKING:
    from ..pipeline import PipelineConfig


@register("extract")
@dataclass(slots=True)
class Extract:
    """The article of a raw document: body text, title, dateline, captions, publication date."""

    extractor: Extractor
    name: ClassVar[str] = "extract"
    needs: ClassVar[frozenset[str]] = frozenset()
    gives: ClassVar[frozenset[str]] = frozenset({"article"})
    failure: ClassVar[str] = "extraction"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with its extractor."""
        extractor = Extractor(shared.words)
        extractor.setup()
        return cls(extractor)

    def __call__(self, state: ArticleState) -> None:
        """Extract the article (raises `EmptyArticle` or `NoArticle` when there is none)."""
        state.article = self.extractor(state.raw)


@register("language")
@dataclass(slots=True)
class Language:
    """Refuses articles in a language the pipeline does not code."""

    identifier: LanguageIdentifier
    name: ClassVar[str] = "language"
    needs: ClassVar[frozenset[str]] = frozenset({"article"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "language identification"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the language identifier's model loaded."""
        identifier = LanguageIdentifier()
        identifier.setup()
        return cls(identifier)

    def __call__(self, state: ArticleState) -> None:
        """Raise `UnsupportedLanguage` (naming the language) for an article not in English."""
        article = state.article
        identified = self.identifier(article.text)
        if not identified.supported:
            article.language = identified.language
            reason = f"the article is in {identified.language!r} (p={identified.probability:.2f})"
            raise UnsupportedLanguage(f"{state.id}: {reason}")


@register("length")
@dataclass(slots=True)
class Length:
    """Refuses articles longer than `PipelineConfig.max_chars`."""

    #: Read when each article comes, so a change to the pipeline's config takes effect at once.
    config: PipelineConfig
    name: ClassVar[str] = "length"
    needs: ClassVar[frozenset[str]] = frozenset({"article"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "length check"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the configured limit."""
        return cls(config)

    def __call__(self, state: ArticleState) -> None:
        """Raise `TextTooLong` for a text over the limit."""
        size, limit = len(state.article.text), self.config.max_chars
        if size > limit:
            detail = f"{size:,} characters, over the limit of {limit:,}"
            raise TextTooLong(f"{state.id}: the text has {detail}")


@register("nlp")
@dataclass(slots=True)
class Parse:
    """Parses the article text with spaCy (in batches of `PipelineConfig.batch_size`)."""

    nlp: NLP
    config: PipelineConfig
    name: ClassVar[str] = "nlp"
    needs: ClassVar[frozenset[str]] = frozenset({"article"})
    gives: ClassVar[frozenset[str]] = frozenset({"doc"})
    failure: ClassVar[str] = "parsing"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        """The stage with the shared spaCy pipeline."""
        return cls(shared.nlp, config)

    def __call__(self, state: ArticleState) -> None:
        """Parse one article."""
        state.doc = self.nlp.pipe([state.article.text])[0]

    def pipe(self, states: list[ArticleState]) -> None:
        """Parse many articles at once (faster than one by one)."""
        docs = self.nlp.pipe([s.article.text for s in states], batch_size=self.config.batch_size)
        for state, doc in zip(states, docs, strict=True):
            state.doc = doc
