"""The quotes stage: direct quotes in any quotation-mark style and indirect speech, with speakers.

The rules live in the `dateline.quoting` package; this module is the registered stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .quoting import addressee, find_quotes
from .quoting.lexicon import SPEECH_VERBS, STATEMENT_NOUNS
from .records import ActorRef, Quote
from .registry import register

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ActorFinder = Callable[["Token"], ActorRef | None]

__all__ = ["SPEECH_VERBS", "STATEMENT_NOUNS", "QuoteFinder", "addressee"]


@register("quotes")
class QuoteFinder:
    """Finds quotes in a parsed document; ``find_actor`` resolves speakers (with coreference)."""

    name = "quotes"

    def setup(self) -> None:
        """Nothing to load."""

    def __call__(self, doc: Doc, find_actor: ActorFinder) -> list[Quote]:
        """All quotes of ``doc`` in text order."""
        return find_quotes(doc, find_actor)
