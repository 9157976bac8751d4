"""Scoring dateline against human-annotated gold: events, quotes, places and article extraction.

The definitions are those of the gold README (``../shared/gold/README.md``): each task has a pure
scorer ``score_<task>(gold, predictions) -> dict`` over gold records and article-record JSON by id,
and :func:`evaluate` runs the pipeline over a gold file and scores its output.
"""

from __future__ import annotations

from .articles import score_articles
from .events import event_confusion, missed_events, score_events, top_event
from .matching import distance_km, pentaclass, shares_half, spans_overlap, word_overlap
from .places import score_places
from .quotes import score_quotes
from .runner import (
    TASKS,
    EvaluationResult,
    GoldFileError,
    UnknownTask,
    evaluate,
    gold_documents,
    index_predictions,
    load_gold,
    load_predictions,
    score,
)

__all__ = [
    "TASKS",
    "EvaluationResult",
    "GoldFileError",
    "UnknownTask",
    "distance_km",
    "evaluate",
    "event_confusion",
    "gold_documents",
    "index_predictions",
    "load_gold",
    "load_predictions",
    "missed_events",
    "pentaclass",
    "score",
    "score_articles",
    "score_events",
    "score_places",
    "score_quotes",
    "shares_half",
    "spans_overlap",
    "top_event",
    "word_overlap",
]
