"""Whole runs over many inputs: code them, or code them into a store, and account for each one.

Every input has exactly one outcome: coded, failed (with its reason), skipped because the store
holds it already, or a duplicate of an article stored under another id. `Summary` counts them;
the CLI prints its one line and turns it into an exit status.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, InternalError, error_label
from .ingest import Admission, IdLedger, Input, admitted, check_paths, iter_documents
from .records import ArticleRecord
from .shards import (
    DOC_TIMEOUT,
    RECYCLE_AFTER,
    SHARD_SIZE,
    Shard,
    make_shard,
    read_shard,
    remove_stale_temps,
    run_shards,
    shard_dir,
)

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineConfig

#: Records written to the store per transaction (one shard's): the most a crash can cost.
WRITE_BATCH = SHARD_SIZE


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
    shard_size: int = SHARD_SIZE,
    recycle_after: int = RECYCLE_AFTER,
    doc_timeout: float | None = DOC_TIMEOUT,
    executor: str = "local",
    address: str | None = None,
) -> Summary:
    """Code ``paths`` into the store ``db``: resumable, idempotent, every failure recorded.

    Inputs the store holds already (same id, same content) are skipped; a new content under a
    stored id gets a suffixed id. The others are coded in shards (`dateline.shards`) of
    ``shard_size`` consecutive inputs, by ``workers`` processes (1: this one), each shard's records
    written to a file in ``<db>.shards/`` atomically; this process, the store's one writer, loads
    each shard's file in input order (one transaction) and then deletes it. A run stopped at any
    moment (even ``kill -9``) and run again ends with the store an uninterrupted run gives: stored
    inputs are skipped, finished shard files are loaded instead of coded again, and loading a
    shard twice replaces its rows. The store is opened only to write a shard, so that an export
    can read it between shards. On Ctrl-C `Stopped` is raised with the summary.

    ``executor`` "ray" codes the shards on Ray instead (`dateline.ray_executor`: ``workers``
    actors, on the cluster at ``address`` or a local instance); loading is the same.
    """
    from .pipeline import PipelineConfig
    from .store import Store

    if executor not in ("local", "ray"):
        raise ConfigError(f"no executor named {executor!r}; known: local, ray")
    if executor == "ray":
        from .ray_executor import require_ray

        require_ray()
    paths = list(paths)
    check_paths(paths)
    config = config or (pipeline.config if pipeline is not None else PipelineConfig())
    with Store(db) as store:
        ledger = store.ledger()
    summary = Summary()
    directory = shard_dir(db)
    remove_stale_temps(directory)
    windows = _windows(paths, ledger, summary, shard_size)
    shards = (make_shard(inputs, config, directory) for inputs in windows)
    if executor == "ray":
        from .ray_executor import ray_dir, run_ray_shards

        done = run_ray_shards(
            shards,
            config,
            workers,
            recycle_after,
            doc_timeout,
            shard_size,
            directory=ray_dir(db),
            address=address,
        )
    else:
        done = run_shards(shards, config, workers, recycle_after, doc_timeout, pipeline, shard_size)
    try:
        for shard in done:
            _load(shard, db, summary, on_record)
    except KeyboardInterrupt:
        done.close()  # stop the workers; finished shard files stay for the next run to load
        _count_stored(summary, db)
        raise Stopped(summary) from None
    _count_stored(summary, db)
    with contextlib.suppress(OSError):
        directory.rmdir()  # only when empty: files of other runs' shards stay
    return summary


def _windows(paths: list[str | Path], ledger: IdLedger, summary: Summary, size: int) -> Iterator[list[Input]]:
    """The inputs to code, in shards: the new inputs among each ``size`` consecutive ones.

    Shards are cut by position in the whole input, stored inputs included, so that a rerun after
    a crash cuts the inputs it still has to code as the first run did, and finds its shard files.
    """
    size = max(1, size)
    window: list[Input] = []
    current = 0
    for position, (item, admission) in enumerate(admitted(paths, ledger)):
        if position // size != current:
            if window:
                yield window
            window, current = [], position // size
        if admission is Admission.SAME:
            summary.skipped += 1
            continue
        summary.renamed += admission is Admission.RENAMED
        window.append(item)
    if window:
        yield window


def _load(
    shard: Shard, db: str | Path, summary: Summary, on_record: Callable[[ArticleRecord], None] | None
) -> None:
    """Write a finished shard's records into the store (one transaction), then delete its file."""
    from .store import Store

    records = read_shard(shard)
    if records is None:
        raise InternalError(f"the shard file {shard.path} cannot be read back")
    with Store(db) as writer:
        counts = writer.write(records, shard.inputs)
        summary.stored = writer.counts()
    summary.duplicates += counts["duplicates"]
    for record in records:
        summary.add(record)
        if on_record is not None:
            on_record(record)
    shard.path.unlink(missing_ok=True)


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
