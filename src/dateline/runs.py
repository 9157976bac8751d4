"""Whole runs over many inputs: code them, or code them into a store, and account for each one.

Every input has exactly one outcome: coded, failed (with its reason), skipped because the store
holds it already, or a duplicate of an article stored under another id. `Summary` counts them;
the CLI prints its one line and turns it into an exit status.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import error_label
from .ingest import Admission, Input, admitted, check_paths, iter_documents
from .records import ArticleRecord

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineConfig

#: Records written to the store per transaction: the most a Ctrl-C or a crash can cost.
WRITE_BATCH = 64


@dataclass(slots=True)
class Summary:
    """What a run did with its inputs."""

    inputs: int = 0
    coded: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    events: int = 0
    skipped: int = 0
    duplicates: int = 0
    renamed: int = 0
    stored: dict[str, int] = field(default_factory=dict)

    def add(self, record: ArticleRecord) -> None:
        """Count one record's outcome."""
        self.inputs += 1
        if record.error:
            self.failed[error_label(record.error)] += 1
        else:
            self.coded += 1
            self.events += len(record.events)

    @property
    def failures(self) -> int:
        """How many inputs failed."""
        return sum(self.failed.values())

    def line(self) -> str:
        """The one-line account printed on stderr."""
        parts = [f"{self.inputs} input{'' if self.inputs == 1 else 's'}", f"{self.coded} coded"]
        failed = f"{self.failures} failed"
        if self.failed:
            failed += " (" + ", ".join(f"{reason}: {n}" for reason, n in self.failed.most_common()) + ")"
        parts.append(failed)
        if self.skipped:
            parts.append(f"{self.skipped} skipped (already stored)")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates of stored articles")
        if self.renamed:
            parts.append(f"{self.renamed} renamed (id taken by another input)")
        parts.append(f"{self.events} events")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON-able data."""
        return {
            "inputs": self.inputs,
            "coded": self.coded,
            "failed": self.failures,
            "failed_by_reason": dict(self.failed),
            "events": self.events,
            "skipped_already_stored": self.skipped,
            "duplicates": self.duplicates,
            "renamed": self.renamed,
            "stored": self.stored,
        }


class Stopped(KeyboardInterrupt):
    """A run interrupted by the user; what it had coded is stored and ``summary`` says how much."""

    def __init__(self, summary: Summary) -> None:
        super().__init__("stopped")
        self.summary = summary


def code_paths(
    paths: Iterable[str | Path],
    config: PipelineConfig | None = None,
    workers: int = 1,
    pipeline: Pipeline | None = None,
) -> Iterator[ArticleRecord]:
    """One record per input of ``paths``, in input order (failures carry ``error``).

    Raises `InputNotFound`/`UnsupportedInput` for a path that cannot be read, before any work.
    """
    paths = list(paths)
    check_paths(paths)
    yield from _process(iter_documents(paths), config, workers, pipeline)


def run_into_store(
    paths: Iterable[str | Path],
    db: str | Path,
    config: PipelineConfig | None = None,
    workers: int = 1,
    pipeline: Pipeline | None = None,
    on_record: Callable[[ArticleRecord], None] | None = None,
) -> Summary:
    """Code ``paths`` into the store ``db``: resumable, idempotent, every failure recorded.

    Inputs the store holds already (same id, same content) are skipped; a new content under a
    stored id gets a suffixed id. The store is opened only to write each batch, so that an export
    can read it between batches. On Ctrl-C the records coded so far are written and `Stopped` is
    raised with the summary.
    """
    from .store import Store

    paths = list(paths)
    check_paths(paths)
    with Store(db) as store:
        ledger = store.ledger()
    summary = Summary()
    sent: deque[Input] = deque()

    def wanted() -> Iterator[Input]:
        for item, admission in admitted(paths, ledger):
            if admission is Admission.SAME:
                summary.skipped += 1
                continue
            summary.renamed += admission is Admission.RENAMED
            sent.append(item)
            yield item

    records: list[ArticleRecord] = []
    inputs: list[Input] = []

    def flush() -> None:
        if records:
            with Store(db) as writer:
                counts = writer.write(records, inputs)
                summary.stored = writer.counts()
            summary.duplicates += counts["duplicates"]
            records.clear()
            inputs.clear()

    try:
        for record in _process(wanted(), config, workers, pipeline):
            records.append(record)
            inputs.append(sent.popleft())
            summary.add(record)
            if on_record is not None:
                on_record(record)
            if len(records) >= WRITE_BATCH:
                flush()
    except KeyboardInterrupt:
        flush()
        _count_stored(summary, db)
        raise Stopped(summary) from None
    flush()
    _count_stored(summary, db)
    return summary


def _count_stored(summary: Summary, db: str | Path) -> None:
    """Fill in the store's row counts when no batch was written (and so none were read)."""
    from .store import Store

    if not summary.stored:
        with Store(db, read_only=True) as reader:
            summary.stored = reader.counts()


def _process(
    docs: Iterable[Input], config: PipelineConfig | None, workers: int, pipeline: Pipeline | None
) -> Iterator[ArticleRecord]:
    from . import get_pipeline
    from .pipeline import process_documents

    if workers <= 1:  # the process's pipeline for this configuration: the model loads once
        yield from (pipeline or get_pipeline(config=config)).process_many(docs)
    else:
        yield from process_documents(docs, config, workers=workers)
