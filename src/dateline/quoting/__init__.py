"""Quotes and their speakers (see `finder` for the rules, `marks` for quotation-mark styles)."""

from __future__ import annotations

from .finder import addressee, find_quotes
from .marks import QuoteSpan, find_quote_spans

__all__ = ["QuoteSpan", "addressee", "find_quote_spans", "find_quotes"]
