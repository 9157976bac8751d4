"""``dateline evaluate`` as a Python API: run the pipeline over a gold file and score it.

>>> from dateline.evaluate import evaluate
>>> result = evaluate("events", "../shared/gold/events.plover_gsr.jsonl", limit=20)  # doctest: +SKIP
>>> result.scores["headline"], len(result.predictions)  # doctest: +SKIP

The implementation lives in :mod:`dateline.evaluation` (one module per task); this module is the
stable entry point.
"""

from __future__ import annotations

from .evaluation import (
    TASKS,
    EvaluationResult,
    GoldFileError,
    UnknownTask,
    evaluate,
    event_confusion,
    index_predictions,
    load_gold,
    load_predictions,
    score,
    score_articles,
    score_events,
    score_places,
    score_quotes,
)

__all__ = [
    "TASKS",
    "EvaluationResult",
    "GoldFileError",
    "UnknownTask",
    "evaluate",
    "event_confusion",
    "index_predictions",
    "load_gold",
    "load_predictions",
    "score",
    "score_articles",
    "score_events",
    "score_places",
    "score_quotes",
]
