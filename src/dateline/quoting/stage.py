"""The quotes stage: direct quotes in any quotation-mark style and indirect speech, with speakers.

The rules live in the other modules of this package; this one is their entry point (the pipeline
stage wrapping it is `dateline.stages.Quotes`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import ActorRef, Quote
from ..words import Words
from .finder import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ActorFinder = Callable[["Token"], ActorRef | None]

__all__ = ["QuoteFinder"]


class QuoteFinder:
    """Finds quotes in a parsed document; ``find_actor`` resolves speakers (with coreference)."""

    name = "quotes"

    def __init__(self, words: Words | None = None) -> None:
        #: The word classes (speech verbs and nouns, ...): the shipped ones unless given.
        self.words = words

    def setup(self) -> None:
        """Nothing to load."""

    def __call__(self, doc: Doc, find_actor: ActorFinder) -> list[Quote]:
        """All quotes of ``doc`` in text order."""
        return find_quotes(doc, find_actor, self.words)
