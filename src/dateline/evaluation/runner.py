"""Run the pipeline over a gold file and score its output: the engine of ``dateline evaluate``.

Each gold record is fed as one article (events, quotes, places: its ``text``; articles: the gzip
HTML page ``html_file`` beside the gold file), the article records are collected in gold order, and
the task's scorer compares their JSON (``ArticleRecord.to_dict()``, what ``dateline code --format
jsonl`` prints) with the gold.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GoldFileError, UnknownTask
from ..records import ArticleRecord, RawDocument
from .articles import missed_articles, score_articles
from .events import event_confusion, missed_events, score_events
from .matching import Json
from .places import missed_places, score_places
from .quotes import missed_quotes, score_quotes

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Scores = dict[str, float | int]
Predictions = Mapping[str, Json]


@dataclass(frozen=True, slots=True)
class Task:
    """A gold task: its scorer and its lister of misses."""

    name: str
    score: Callable[[Sequence[Json], Predictions], Scores]
    missed: Callable[[Sequence[Json], Predictions, int], list[dict[str, Any]]]
    #: The key every gold record of this task has (the shapes of ../shared/gold/README.md).
    key: str


TASKS: dict[str, Task] = {
    "events": Task("events", score_events, missed_events, "events"),
    "quotes": Task("quotes", score_quotes, missed_quotes, "quotes"),
    "places": Task("places", score_places, missed_places, "toponyms"),
    "articles": Task("articles", score_articles, missed_articles, "body"),
}


def check_shape(task: Task, gold: Sequence[Json], path: Path) -> None:
    """Raise `GoldFileError` when ``gold`` is not of ``task``'s shape (e.g. an events file for quotes)."""
    wrong = next((row for row in gold if task.key not in row), None)
    if wrong is None:
        return
    other = next((t.name for t in TASKS.values() if t.key in wrong), None)
    looks = f"; it looks like a gold file of task {other!r}" if other else ""
    raise GoldFileError(
        f'{path}: record {wrong.get("id")!r} has no "{task.key}", so it is no {task.name} gold{looks}'
    )


def get_task(name: str) -> Task:
    """The task called ``name``; raises :class:`UnknownTask` for any other name."""
    if name not in TASKS:
        raise UnknownTask(f"unknown evaluation task {name!r}")
    return TASKS[name]


def _read_jsonl(path: Path, what: str) -> list[dict[str, Any]]:
    if not path.is_file():
        raise GoldFileError(f"no {what} file at {path}")
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "id" not in row:
                raise GoldFileError(f'{path}:{number}: not a JSON object with an "id"')
            rows.append(row)
    return rows


def load_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold records of a JSONL file (the first ``limit`` of them when given)."""
    rows = _read_jsonl(Path(path), "gold")
    return rows[:limit] if limit is not None else rows


def load_predictions(path: str | Path) -> dict[str, Json]:
    """Article records from a JSONL file (``dateline code --format jsonl`` output), by id."""
    return {str(row["id"]): row for row in _read_jsonl(Path(path), "predictions")}


def index_predictions(records: Iterable[ArticleRecord | Json]) -> dict[str, Json]:
    """Article records (objects or their JSON) as JSON by id, the form every scorer reads."""
    out: dict[str, Json] = {}
    for record in records:
        data = record.to_dict() if isinstance(record, ArticleRecord) else record
        out[str(data["id"])] = data
    return out


def gold_documents(task: str, gold: Sequence[Json], gold_dir: Path) -> list[RawDocument]:
    """One input document per gold record: its text, or for articles its HTML page."""
    get_task(task)
    docs = []
    for record in gold:
        record_id = str(record["id"])
        if task != "articles":
            if not isinstance(record.get("text"), str):
                raise GoldFileError(f'gold record {record_id} has no "text"')
            docs.append(
                RawDocument(
                    id=record_id, text=record["text"], published=record.get("published"), verbatim=True
                )
            )
            continue
        page = gold_dir / str(record.get("html_file") or "")
        if not record.get("html_file") or not page.is_file():
            raise GoldFileError(f"gold record {record_id}: no HTML page at {page}")
        raw = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
        docs.append(RawDocument(id=record_id, html=raw.decode("utf-8", errors="replace")))
    return docs


def score(task: str, gold: Sequence[Json], predictions: Predictions) -> Scores:
    """The metrics of ``task`` for ``predictions`` (article-record JSON by id) against ``gold``."""
    return get_task(task).score(gold, predictions)


@dataclass(slots=True)
class EvaluationResult:
    """The outcome of one evaluation: figures, the records produced, and diagnostics."""

    task: str
    gold_path: Path
    gold: list[dict[str, Any]]
    predictions: list[ArticleRecord]
    scores: Scores
    #: Seconds spent coding the gold records (model loading excluded when in-process).
    seconds: float = 0.0
    model: str | None = None
    predicted: dict[str, Json] = field(default_factory=dict, repr=False)

    @property
    def failed(self) -> int:
        """How many records the pipeline returned with ``error`` set."""
        return sum(r.error is not None for r in self.predictions)

    @property
    def confusion(self) -> dict[str, dict[str, dict[str, int]]]:
        """Events only: confusion matrices of gold against top-event types (empty otherwise)."""
        return event_confusion(self.gold, self.predicted) if self.task == "events" else {}

    def errors(self, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` missed gold items, for reading what went wrong."""
        return get_task(self.task).missed(self.gold, self.predicted, limit) if limit > 0 else []

    def to_dict(self, errors: int = 0) -> dict[str, Any]:
        """The figures as one JSON object (what ``dateline evaluate --format json`` prints)."""
        out: dict[str, Any] = {
            "task": self.task,
            "gold": str(self.gold_path),
            "model": self.model,
            **{k: v for k, v in self.scores.items() if k != "headline"},
            "headline": self.scores["headline"],
            "failed_records": self.failed,
            "seconds": round(self.seconds, 2),
        }
        if self.task == "events":
            out["confusion"] = self.confusion
        if errors > 0:
            out["errors"] = self.errors(errors)
        return out

    def write_predictions(self, path: str | Path) -> None:
        """Write the article records as JSONL (the PRED file the reference scorer reads)."""
        with Path(path).open("w", encoding="utf-8") as out:
            for record in self.predictions:
                out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def _model_name(pipeline: Pipeline) -> str | None:
    if pipeline.nlp is None:
        return None
    info = pipeline.nlp.info()
    return f"{info['model_name']} {info['model_version']}"


def evaluate(
    task: str,
    gold_path: str | Path,
    *,
    model: str | None = None,
    workers: int = 1,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    on_record: Callable[[ArticleRecord], None] | None = None,
) -> EvaluationResult:
    """Run the pipeline over the gold records of ``task`` and score its output.

    ``pipeline``: an already set-up pipeline to reuse (its model wins over ``model``; ``workers``
    is then ignored). Otherwise one worker uses the process's cached pipeline for ``model`` and
    more workers use :func:`dateline.pipeline.process_documents`. ``on_record`` is called with each
    record as it comes (for progress bars).
    """
    from .. import get_pipeline
    from ..pipeline import PipelineConfig, process_documents

    path = Path(gold_path)
    gold = load_gold(path, limit)
    check_shape(get_task(task), gold, path)
    docs = gold_documents(task, gold, path.parent)
    if pipeline is not None or workers <= 1:
        pipeline = (pipeline or get_pipeline(model)).setup()
        model = _model_name(pipeline) or model
        started = time.perf_counter()  # after loading the model: ``seconds`` is coding time
        records_iter: Iterable[ArticleRecord] = pipeline.process_many(docs)
    else:
        started = time.perf_counter()  # includes the workers' start-up
        records_iter = process_documents(docs, PipelineConfig(model=model), workers=workers)
    records = []
    for record in records_iter:
        records.append(record)
        if on_record is not None:
            on_record(record)
    seconds = time.perf_counter() - started
    predicted = index_predictions(records)
    return EvaluationResult(
        task=task,
        gold_path=path,
        gold=gold,
        predictions=records,
        scores=score(task, gold, predictions=predicted),
        seconds=seconds,
        model=model,
        predicted=predicted,
    )


__all__ = [
    "TASKS",
    "EvaluationResult",
    "GoldFileError",
    "Task",
    "UnknownTask",
    "evaluate",
    "get_task",
    "gold_documents",
    "index_predictions",
    "load_gold",
    "load_predictions",
    "score",
]
