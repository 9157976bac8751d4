"""The Ray executor's worker side: the class Ray Data runs in each actor, and its Parquet shards.

`ShardCoder` is a plain class (it needs pyarrow, not Ray): Ray Data's ``map_batches`` builds one
per actor, so its constructor loads the pipeline once per actor (`dateline.get_pipeline`), and
calls it with batches of rows, one row per shard: ``{"index", "key", "inputs"}`` (the inputs
pickled). For each row it runs `dateline.shards.process_shard`, the local executor's unit of work,
into a temporary JSONL file and keeps that file's lines, unchanged, as a Parquet file
``<directory>/<key>.parquet``: a ``record`` column holds each input's record (its JSONL line, the
JSON of `ArticleRecord.to_dict`), with ``position`` and ``id`` beside it for anyone reading the
file, and the JSONL header (shard key, input ids and digests) in the schema's metadata. The file is
written under a temporary name and renamed into place, so it is whole or absent; a shard whose file
is there already (a batch retried after its actor died, a rerun) is not coded again.

**Deaths and exceptions** are handled as the local executor's workers handle them
(`dateline.executor`), with files beside the Parquet files to remember them across the actor's
death: Ray restarts a dead actor and retries its batch; each attempt at a shard is counted in
``.KEY.attempts``; a shard tried more than `WORKER_RETRIES` times, or whose coding raised, is coded
one document at a time, each record kept in ``.KEY.N.part`` until the shard is written; a document
tried more than `WORKER_RETRIES` times becomes a `WorkerDied` failure, one that raises an
`InternalError` failure. So a document that kills every actor that codes it costs a few restarts,
not an endless loop of retries.

**The time limit.** Ray Data calls the class from a thread of the actor, not its main thread, and
``SIGALRM`` (the local executor's alarm) is delivered to the main thread only. So here a timer
thread raises `DocumentTimeout` in the coding thread (``PyThreadState_SetAsyncExc``), with the
same rule as the local executor: a batch of ``config.batch_size`` documents must finish within one
document's limit, else each is coded again alone under its own limit, and one that overruns it
becomes a `TimeLimit` failure. The exception is raised between Python bytecodes, like the signal's.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import pickle
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import DatelineError, WorkerDied
from .records import ArticleRecord, InputFailure, RawDocument
from .shards import (
    DocumentTimeout,
    failure_record,
    process_shard,
    raised,
    timed_out,
    write_atomically,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from .pipeline import Pipeline, PipelineConfig

Input = RawDocument | InputFailure

#: The schema metadata key of a Parquet shard's JSONL header.
HEADER_KEY = b"dateline.shard"
#: Times a shard, or one document of a split shard, is tried again after its actor died (as the
#: local executor's workers).
WORKER_RETRIES = 2


# --- Parquet shards ----------------------------------------------------------------------------


def parquet_path(directory: Path, key: str) -> Path:
    """The Parquet file of the shard named ``key``."""
    return directory / f"{key}.parquet"


def parquet_header(path: Path) -> dict[str, Any] | None:
    """The JSONL header kept in a Parquet shard's metadata; None when the file is absent or unreadable."""
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(path).metadata or {}
        header = json.loads(metadata[HEADER_KEY])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return header if isinstance(header, dict) else None


def header_matches(header: dict[str, Any] | None, inputs: Sequence[Input]) -> bool:
    """Whether a shard header names exactly ``inputs`` (ids and contents, in order)."""
    if header is None:
        return False
    named = [(i.get("id"), i.get("digest")) for i in header.get("inputs", []) if isinstance(i, dict)]
    return named == [(i.id, i.digest()) for i in inputs]


def write_parquet(path: Path, lines: list[str], inputs: Sequence[Input]) -> None:
    """Write a shard's JSONL ``lines`` (header first) as the Parquet file ``path``, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    header, records = lines[0], lines[1:]
    schema = pa.schema(
        [("position", pa.int32()), ("id", pa.string()), ("record", pa.string())],
        metadata={HEADER_KEY: header.encode("utf-8")},
    )
    table = pa.table(
        {"position": list(range(len(records))), "id": [i.id for i in inputs], "record": records},
        schema=schema,
    )
    write_atomically(path, lambda handle: pq.write_table(table, handle))


def parquet_lines(path: Path) -> list[str]:
    """A Parquet shard back as the lines of its JSONL shard file (header first)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    header = (table.schema.metadata or {})[HEADER_KEY].decode("utf-8")
    return [header, *cast("list[str]", table.column("record").to_pylist())]


# --- the actor's class -------------------------------------------------------------------------


class ShardCoder:
    """What each actor of the pool runs: the pipeline, loaded once, coding one shard per row.

    An actor that dies is restarted by Ray and its batch retried. Each attempt at a shard is
    counted in a file beside its Parquet file (``.KEY.attempts``), so that a shard that has killed
    its actor more than ``retries`` times, or whose coding raised, is coded one document at a time,
    each document's record kept in a file of its own until the shard is written; a document that
    kills the actor more than ``retries`` times becomes a `WorkerDied` failure, one that raises a
    failure of its own, as in the local executor.
    """

    #: Times a shard, or one document of a split shard, is tried again after its actor died.
    retries = WORKER_RETRIES

    def __init__(self, config: PipelineConfig, directory: str, doc_timeout: float | None) -> None:
        from . import get_pipeline

        self.config = config
        self.directory = Path(directory)
        self.doc_timeout = doc_timeout
        self.pipeline = get_pipeline(config=config)

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Code the batch's shards (those not written yet); one row out per shard: its index and
        whether this call coded it."""
        import pyarrow as pa

        indexes, coded = [], []
        for row in batch.to_pylist():
            indexes.append(int(row["index"]))
            coded.append(self.code(str(row["key"]), pickle.loads(row["inputs"])))
        return pa.table({"index": pa.array(indexes, pa.int64()), "coded": pa.array(coded, pa.bool_())})

    def code(self, key: str, inputs: Sequence[Input]) -> bool:
        """Write the shard ``key`` of ``inputs`` unless its file is there; whether it was coded."""
        if header_matches(parquet_header(parquet_path(self.directory, key)), inputs):
            return False
        if _attempt(self.directory / f".{key}.attempts") <= self.retries + 1:
            limited = TimeLimited(self.pipeline, self.doc_timeout)
            try:
                self._write(key, inputs, limited, limited)
                return True
            except OSError:
                raise
            except Exception:
                pass  # a document raised: find which, each alone
        records, limits = [], []
        for index, item in enumerate(inputs):
            limited = TimeLimited(self.pipeline, self.doc_timeout)
            records.append(self._code_alone(key, index, item, limited))
            limits.append(limited)
        self._write(key, inputs, Replay(records), *limits)
        return True

    def _code_alone(self, key: str, index: int, item: Input, limited: TimeLimited) -> ArticleRecord:
        """The record of one input of a split shard, kept in a part file until the shard is written."""
        part = self.directory / f".{key}.{index}.part"
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return ArticleRecord.from_dict(json.loads(part.read_text(encoding="utf-8")))
        if _attempt(self.directory / f".{key}.{index}.attempts") > self.retries + 1:
            error: DatelineError = WorkerDied(
                f"{item.id}: the Ray actor coding this document died; it was retried {self.retries} times"
            )
            record = failure_record(item, error)
        else:
            try:
                record = next(iter(limited.process_many([item])))
            except OSError:
                raise
            except Exception as exc:
                record = failure_record(item, raised(item, exc))
        text = json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
        write_atomically(part, lambda handle: handle.write(text))
        return record

    def _write(self, key: str, inputs: Sequence[Input], coder: Any, *limits: TimeLimited) -> None:
        """Run `process_shard` with ``coder`` into a temporary JSONL file, keep its lines as the
        shard's Parquet file, and remove the shard's attempt and part files."""
        with tempfile.TemporaryDirectory(prefix="dateline-ray-") as temp:
            output = Path(temp) / f"{key}.jsonl"
            process_shard(inputs, output, self.config, None, cast("Pipeline", coder))
            # "\n" only: a record may hold U+2028 or U+0085, which str.splitlines() splits on
            lines = output.read_text(encoding="utf-8").rstrip("\n").split("\n")
        header = json.loads(lines[0])
        header["timed_out"] = sum(limited.timed_out for limited in limits)
        lines[0] = json.dumps(header, ensure_ascii=False)
        write_parquet(parquet_path(self.directory, key), lines, inputs)
        for path in self.directory.glob(f".{key}.*"):
            if path.suffix in (".attempts", ".part"):
                path.unlink(missing_ok=True)


class Replay:
    """A stand-in pipeline that gives back records coded already (for `process_shard` to write)."""

    def __init__(self, records: list[ArticleRecord]) -> None:
        self.records = records

    def process_many(self, docs: Iterable[Input]) -> Iterator[ArticleRecord]:
        """The records, in order (one per document)."""
        return iter(self.records)


def _attempt(path: Path) -> int:
    """Count one more attempt in the file ``path``; the attempts so far, this one included."""
    try:
        count = int(path.read_text(encoding="utf-8")) + 1
    except (OSError, ValueError):
        count = 1
    text = str(count).encode("utf-8")
    write_atomically(path, lambda handle: handle.write(text))
    return count


# --- the time limit in a thread ----------------------------------------------------------------


class TimeLimited:
    """A pipeline's ``process_many`` under a per-document time limit, in any thread."""

    def __init__(self, pipeline: Pipeline, limit: float | None) -> None:
        self.pipeline = pipeline
        self.config = pipeline.config
        self.limit = limit
        self.timed_out = 0

    def process_many(self, docs: Iterable[Input]) -> Iterator[ArticleRecord]:
        """Records for ``docs`` in order; a document over the limit becomes a `TimeLimit` failure."""
        docs = list(docs)
        limit = self.limit
        if not limit or limit <= 0:
            yield from self.pipeline.process_many(docs)
            return
        size = max(1, self.config.batch_size)
        for start in range(0, len(docs), size):
            batch = docs[start : start + size]
            try:
                with ThreadAlarm(limit):
                    records = list(self.pipeline.process_many(batch))
                yield from records
                continue
            except DocumentTimeout:
                pass  # the batch overran one document's limit: find which one, each alone
            for item in batch:
                try:
                    with ThreadAlarm(limit):
                        record = self.pipeline.process(item)
                except DocumentTimeout:
                    record = timed_out(item, limit)
                    self.timed_out += 1
                yield record


class ThreadAlarm:
    """Raise `DocumentTimeout` in the calling thread after ``seconds``, unless the block ends first."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.lock = threading.Lock()
        self.fired = False
        self.done = False
        self.thread = threading.get_ident()
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def __enter__(self) -> None:
        self.thread = threading.get_ident()
        self.timer.start()

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        with self.lock:
            self.done = True
            self.timer.cancel()
        if self.fired:
            _raise_in(self.thread, None)  # withdraw the exception if it has not been raised yet
            if exc_type is None:
                raise DocumentTimeout

    def _fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                _raise_in(self.thread, DocumentTimeout)


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Have ``exception`` raised in ``thread`` at its next bytecode (None: withdraw a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exception) if exception is not None else None
    )
