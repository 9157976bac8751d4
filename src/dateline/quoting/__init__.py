"""Quotes and their speakers: the stage (`QuoteFinder`), the rules (`finder`), quotation-mark
styles (`marks`)."""

from __future__ import annotations

from .finder import addressee, find_quotes
from .marks import QuoteSpan, find_quote_spans
from .stage import QuoteFinder

__all__ = ["QuoteFinder", "QuoteSpan", "addressee", "find_quote_spans", "find_quotes"]
