"""Shards: the unit of work of a run, and the local executor that runs them in worker processes.

`process_shard(inputs, output, config)` codes a few dozen inputs and writes their records as one
file, atomically: the file is written under a temporary name and `os.replace`d into place, so a
shard is done (its whole file is there) or absent, never half-written, whatever kills the process.
It is one plain function of picklable arguments, so that any executor can run it: this process
(one worker), a pool of worker processes (`run_shards`), or, later, a cluster.

**The shard file** is JSONL: a header line ``{"shard": KEY, "format": 1, "inputs": [{"id",
"digest", "origin"}, ...], "timed_out": N, "seconds": S}``, then one line per input, in input
order: its record's `ArticleRecord.to_dict()`. The inputs themselves (which `Store.write` needs
for their content hashes and origins) stay with the one writer, which sent them; the header names
them so that a file is checked against the inputs it is loaded for. Its name is the shard's
`shard_key`: a hash of the version, the config and the inputs' ids and digests, so that a rerun
finds the files of the shards finished before a crash and loads them instead of coding them again.

**The time limit** of one document is a ``SIGALRM`` timer (`signal.setitimer`) in the process that
codes it. Documents are parsed in batches of ``config.batch_size``; a batch must finish within one
document's limit (then every document in it did), else each of its documents is coded again alone
under its own limit, and a document that overruns it becomes a `TimeLimit` failure while the rest
of the shard goes on. The alarm's exception is raised between Python bytecodes: one long call
into C (the parse of one 100,000-character segment) finishes before it applies. Without a main
thread to take the signal (`process_shard` called from another thread), no limit applies.

**Workers** (`run_shards` with ``workers > 1``) are spawned processes (`dateline.executor`) that
load the pipeline once, ignore Ctrl-C (the parent's to handle), die with the parent (Linux's
``PR_SET_PDEATHSIG``: a ``kill -9`` of the run leaves no orphans coding on) and are replaced after
about ``recycle_after`` documents, since spaCy's memory grows on long runs. A worker that dies
(the OOM killer, a crash in a C extension, ``kill -9``) costs no more than the document it was
coding: its shard is run again, then one document per task, and a document that kills its worker
each time becomes a `WorkerDied` failure.

**Bad input never kills a batch**: a shard whose coding raises is coded again one document at a
time, and a document that raises becomes an `InternalError` failure (an ``OSError``, the machine's
rather than the document's, is raised).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import __version__
from .errors import DatelineError, InternalError, TimeLimit
from .records import ArticleRecord, InputFailure, RawDocument

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineConfig

Input = RawDocument | InputFailure

#: Inputs per shard: the most a crash can cost, and the unit handed to a worker.
SHARD_SIZE = 64
#: Documents a worker codes before it is replaced by a fresh process.
RECYCLE_AFTER = 1000
#: Seconds one document may take to code before it is recorded as a failure (None: no limit).
DOC_TIMEOUT: float | None = 300.0
#: The version of the shard file's layout (part of every shard's key).
SHARD_FORMAT = 1
#: Temporary shard files older than this (seconds) are left by a killed process: removed.
STALE_TEMP = 600.0


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What `process_shard` did: the file it wrote and what is in it."""

    path: Path
    key: str
    documents: int
    failures: int
    timed_out: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Shard:
    """A run's shard: its inputs, in input order, and the file its records go to."""

    inputs: tuple[Input, ...]
    path: Path


class DocumentTimeout(BaseException):
    """Raised by the alarm in a document's processing (a BaseException: no stage's catch-all
    ``except Exception`` takes it for a bug of that stage)."""


def shard_key(inputs: Sequence[Input], config: PipelineConfig) -> str:
    """A stable name for the shard of ``inputs`` coded with ``config``: the same inputs (ids and
    contents) and configuration give the same key in any process and run."""
    digest = hashlib.sha1(f"{__version__}\n{SHARD_FORMAT}\n{config!r}\n".encode())
    for item in inputs:
        digest.update(f"{item.id}\t{item.digest()}\n".encode())
    return digest.hexdigest()[:24]


def shard_dir(db: str | Path) -> Path:
    """The work directory of the shard files of runs into the store ``db``: ``<db>.shards``."""
    return Path(f"{db}.shards")


def make_shard(inputs: Sequence[Input], config: PipelineConfig, directory: Path) -> Shard:
    """The shard of ``inputs``, its file in ``directory`` named by its `shard_key`."""
    return Shard(tuple(inputs), directory / f"{shard_key(inputs, config)}.jsonl")


def process_shard(
    inputs: Sequence[Input],
    output: Path,
    config: PipelineConfig,
    doc_timeout: float | None = DOC_TIMEOUT,
    pipeline: Pipeline | None = None,
) -> ShardResult:
    """Code ``inputs`` and write their records to ``output`` atomically (complete or absent).

    The pipeline is this process's for ``config`` (`dateline.get_pipeline`: the model loads once
    per process) unless ``pipeline`` is given. A document that takes longer than ``doc_timeout``
    seconds becomes a `TimeLimit` failure record; the others are coded as usual.
    """
    from . import get_pipeline

    started = time.monotonic()
    inputs = list(inputs)
    coder = pipeline if pipeline is not None else get_pipeline(config=config)
    records, timed_out = _code(coder, inputs, doc_timeout)
    return write_shard(output, inputs, records, timed_out, time.monotonic() - started)


def write_shard(
    output: Path, inputs: Sequence[Input], records: Sequence[ArticleRecord], timed_out: int, seconds: float
) -> ShardResult:
    """Write the shard file of ``inputs`` and their ``records`` (in input order) to ``output``
    atomically: the header naming the inputs, then one record per line."""
    seconds = round(seconds, 3)
    header = {
        "shard": output.stem,
        "format": SHARD_FORMAT,
        "inputs": [{"id": i.id, "digest": i.digest(), "origin": i.origin} for i in inputs],
        "timed_out": timed_out,
        "seconds": seconds,
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    lines.extend(json.dumps(record.to_dict(), ensure_ascii=False) for record in records)
    write_text_atomically(output, "\n".join(lines) + "\n")
    return ShardResult(
        path=output,
        key=output.stem,
        documents=len(records),
        failures=sum(1 for r in records if r.error),
        timed_out=timed_out,
        seconds=seconds,
    )


def failure_record(item: Input, error: DatelineError) -> ArticleRecord:
    """The record of an input given up on with ``error`` (nothing coded, its metadata kept)."""
    if isinstance(item, RawDocument):
        return ArticleRecord(id=item.id, text="", url=item.url, title=item.title, error=str(error))
    return ArticleRecord(id=item.id, text="", error=str(error))


def raised(item: Input, exc: Exception) -> DatelineError:
    """The failure of an input whose coding raised ``exc``: a bug, unless ``exc`` says otherwise."""
    if isinstance(exc, DatelineError):
        return exc
    return InternalError(f"{item.id}: coding it raised {type(exc).__name__}: {exc}")


def part_path(shard: Shard, index: int) -> Path:
    """Where the record of the shard's ``index``-th input goes when it is coded alone, until the
    shard's file is written (a temporary name: `remove_stale_temps` removes one a crash left)."""
    return shard.path.with_name(f".{shard.path.stem}.{index}.part.tmp")


def read_shard(shard: Shard) -> list[ArticleRecord] | None:
    """The records of a finished shard, or None when its file is absent or was written for other
    inputs (a different format, ids or contents)."""
    try:
        with shard.path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            if not _matches(header, shard):
                return None
            records = [ArticleRecord.from_dict(json.loads(line)) for line in handle if line.strip()]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return records if len(records) == len(shard.inputs) else None


def is_finished(shard: Shard) -> bool:
    """Whether the shard's file is there, written for its inputs (by its header alone)."""
    try:
        with shard.path.open(encoding="utf-8") as handle:
            return _matches(json.loads(handle.readline()), shard)
    except (OSError, ValueError):
        return False


def _matches(header: Any, shard: Shard) -> bool:
    if not isinstance(header, dict) or header.get("format") != SHARD_FORMAT:
        return False
    named = [(i.get("id"), i.get("digest")) for i in header.get("inputs", [])]
    return named == [(i.id, i.digest()) for i in shard.inputs]


def remove_stale_temps(directory: Path, older_than: float = STALE_TEMP) -> None:
    """Remove the temporary files a killed process left in ``directory`` (never whole shards)."""
    if not directory.is_dir():
        return
    now = time.time()
    for path in directory.glob(".*.tmp"):
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
        except OSError:
            pass


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write(handle)`` on a temporary file beside ``path``, then rename it into place: the
    file is whole or absent (a shard's JSONL, a Ray shard's Parquet, a part or attempt count)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with temp.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def write_text_atomically(path: Path, text: str) -> None:
    """`write_atomically` of ``text`` in UTF-8."""
    data = text.encode("utf-8")
    write_atomically(path, lambda handle: handle.write(data))


# --- the time limit ----------------------------------------------------------------------------


def _code(pipeline: Pipeline, inputs: list[Input], limit: float | None) -> tuple[list[ArticleRecord], int]:
    """The records of ``inputs`` in order (parsed in batches), and how many ran out of time."""
    if not limit or limit <= 0 or threading.current_thread() is not threading.main_thread():
        return list(pipeline.process_many(inputs)), 0
    records: list[ArticleRecord] = []
    overran = 0
    size = max(1, pipeline.config.batch_size)
    for start in range(0, len(inputs), size):
        batch = inputs[start : start + size]
        try:
            with _alarm(limit):
                records.extend(list(pipeline.process_many(batch)))
            continue
        except DocumentTimeout:
            pass  # the batch overran one document's limit: find which one, each alone
        for item in batch:
            try:
                with _alarm(limit):
                    record = pipeline.process(item)
            except DocumentTimeout:
                record = timed_out(item, limit)
                overran += 1
            records.append(record)
    return records, overran


class _alarm:
    """Raise `DocumentTimeout` in this (main) thread after ``seconds``; restores what was there."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.previous: Any = None

    def __enter__(self) -> None:
        self.previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous if self.previous is not None else signal.SIG_DFL)


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


def timed_out(item: Input, limit: float) -> ArticleRecord:
    """The failure record of an input that took longer than ``limit`` seconds."""
    error = TimeLimit(f"{item.id}: coding took longer than the limit of {limit:g} seconds")
    return failure_record(item, error)


# --- executors ---------------------------------------------------------------------------------


def run_shards(
    shards: Iterable[Shard],
    config: PipelineConfig,
    workers: int = 1,
    recycle_after: int = RECYCLE_AFTER,
    doc_timeout: float | None = DOC_TIMEOUT,
    pipeline: Pipeline | None = None,
    shard_size: int = SHARD_SIZE,
) -> Generator[Shard, None, None]:
    """Each shard of ``shards``, in order, once its file is written (by this call, or by an earlier
    run that was stopped before it loaded it: such a file is not coded again).

    ``workers`` 1 codes in this process (with ``pipeline`` if given); more run `process_shard` in
    spawned worker processes (`dateline.executor`), at most twice as many shards under way as
    workers, each worker replaced once it has coded ``recycle_after`` documents (rounded up to
    whole shards of ``shard_size``). Closing the generator stops the workers.
    """
    if workers > 1:
        from .executor import run_in_workers

        per_child = max(1, -(-recycle_after // max(1, shard_size)))  # whole shards per worker
        yield from run_in_workers(shards, config, workers, per_child * max(1, shard_size), doc_timeout)
        return
    for shard in shards:
        if not is_finished(shard):
            _code_here(shard, config, doc_timeout, pipeline)
        yield shard


def _code_here(shard: Shard, config: PipelineConfig, limit: float | None, pipeline: Pipeline | None) -> None:
    """Code a shard in this process; if that raises, code it again one document at a time, so that
    the exception costs only the record of the document that raised it."""
    from . import get_pipeline

    try:
        process_shard(shard.inputs, shard.path, config, limit, pipeline)
        return
    except OSError:
        raise
    except Exception:
        pass  # a document raised: find which, each alone
    started = time.monotonic()
    coder = pipeline if pipeline is not None else get_pipeline(config=config)
    records: list[ArticleRecord] = []
    timed_out = 0
    for item in shard.inputs:
        try:
            coded, late = _code(coder, [item], limit)
        except OSError:
            raise
        except Exception as exc:
            coded, late = [failure_record(item, raised(item, exc))], 0
        records.extend(coded)
        timed_out += late
    write_shard(shard.path, shard.inputs, records, timed_out, time.monotonic() - started)
