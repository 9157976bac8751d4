"""Throughput of `dateline run` (into a store, 1 and 2 workers) against bare spaCy parsing of the
same texts with the same model in the same process, then export times and file sizes.

usage: python benchmarks/run_throughput.py [CORPUS.jsonl] [--limit N] [--workers 1 2]
                                           [--model md|sm] [--batch-size B] [--shard-size S]
                                           [--recycle-after R] [--keep DIR]

The first N stories of the corpus (default ../shared/corpora/reuters21578.jsonl, first 5,000) are
written to a temporary JSONL (their id, title, published and text). Then:

* **baseline**: the spaCy pipeline the dateline pipeline parses with (its model and entity ruler,
  taken from a set-up pipeline: `dateline.get_pipeline`) is warmed with one ``nlp.pipe`` call over
  one batch, then ``nlp.pipe`` runs over the extracted texts of all N stories (what the parse stage
  parses) at the same batch size as the pipeline's (`PipelineConfig.batch_size`). Both sides are
  warm and use one batch size.
* **run**: for each worker count, `dateline.runs.run_into_store` codes the JSONL into a fresh
  DuckDB store, timed by the wall clock. With 1 worker the coding happens in this process, with the
  pipeline the baseline loaded (no model load in the timing); with more, the time includes
  spawning the workers and loading the model in each (the set-up time printed is about what each
  pays, once per worker and again after each recycle; the time to the first stored shard shows it).

It prints documents/s and words/s (words: whitespace tokens of the extracted texts) of each, the
ratio of each run's documents/s to the baseline's, the CPU seconds each used (user + system, this
process and its workers) with the baseline's CPU seconds over the run's ("CPU ratio": documents per
CPU second against the baseline's; unlike wall-clock rates it holds when other programs share the
cores), and peak resident memory: of this process
(``RUSAGE_SELF``: model, baseline and runs so far) and per worker (the largest ``VmHWM`` of this
process's children, polled from /proc during the run: the peak RSS of the biggest worker; "-" with
1 worker, which has none). ``RUSAGE_CHILDREN``'s ``ru_maxrss`` is printed too, but on Linux a
spawned child's maxrss starts at its parent's RSS at the fork, so it reports at least this
process's size, not the worker's. Then, for the last store: its file size and row counts, and the
time and file size of each export (gdelt, icews, plover, jsonl of events, parquet of events and of
mentions).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline import get_pipeline
from dateline.exports import Filters, export
from dateline.ingest import iter_documents
from dateline.pipeline import Pipeline, PipelineConfig
from dateline.records import ArticleRecord, RawDocument
from dateline.runs import run_into_store
from dateline.shards import RECYCLE_AFTER, SHARD_SIZE, shard_dir
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
FIELDS = ("id", "title", "published", "text")
#: (format, table) of each export timed.
EXPORTS = (
    ("gdelt", None),
    ("icews", None),
    ("plover", None),
    ("jsonl", "events"),
    ("parquet", "events"),
    ("parquet", "mentions"),
)
SUFFIXES = {"gdelt": "tsv", "icews": "tsv", "plover": "jsonl", "jsonl": "jsonl", "parquet": "parquet"}


def read_stories(corpus: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` stories of a JSONL corpus (0: all), with the fields a run reads."""
    stories: list[dict[str, Any]] = []
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            stories.append({key: record[key] for key in FIELDS if record.get(key) is not None})
            if limit and len(stories) >= limit:
                break
    return stories


def extracted_texts(pipeline: Pipeline, source: Path) -> list[str]:
    """The texts the parse stage parses: each document through the pipeline's extract stage."""
    extract = next(stage for stage in pipeline.stages() if stage.name == "extract")
    texts = []
    for doc in iter_documents([source]):
        if isinstance(doc, RawDocument):
            try:
                texts.append(extract.extractor(doc).text)  # type: ignore[attr-defined]
            except Exception:
                continue  # the run records it as a failure; the baseline has nothing to parse
    return texts


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its ended, waited-for children: unlike the
    wall clock, it does not grow when other programs share the cores."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def baseline(pipeline: Pipeline, texts: list[str], batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds for bare spaCy (the pipeline's model and ruler) to parse ``texts``,
    warmed first."""
    assert pipeline.nlp is not None and pipeline.nlp.nlp is not None
    language = pipeline.nlp.nlp
    for _ in language.pipe(texts[:batch_size], batch_size=batch_size):  # warm-up: one batch
        pass
    started, cpu = time.perf_counter(), cpu_seconds()
    tokens = 0
    for doc in language.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    seconds = time.perf_counter() - started
    assert tokens > 0 or not texts
    return seconds, cpu_seconds() - cpu


def peak_mib(who: int) -> float:
    """Peak resident memory (MiB) of this process or of its largest ended child (Linux: KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


class WorkerMemory:
    """The largest peak RSS (``VmHWM``, MiB) of this process's child processes while it runs,
    polled from /proc: each worker's own peak, since its exec (Linux only; 0 elsewhere).

    (``RUSAGE_CHILDREN``'s ``ru_maxrss`` is no good for spawned workers on Linux: a child's
    maxrss starts at the RSS of the parent it was forked from, so it reports the parent's size.)
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def largest(self) -> float:
        """The largest peak of one child seen (MiB)."""
        return max(self.peaks.values(), default=0.0)

    def _poll(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(self.interval):
            try:
                entries = os.listdir("/proc")
            except OSError:
                return
            for entry in entries:
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as handle:
                        status = dict(line.split(":", 1) for line in handle if ":" in line)
                except OSError:
                    continue
                if status.get("PPid", "").strip() != me or "VmHWM" not in status:
                    continue
                peak = int(status["VmHWM"].split()[0]) / 1024  # kB
                self.peaks[int(entry)] = max(peak, self.peaks.get(int(entry), 0.0))


def stamper(times: list[float]) -> Callable[[ArticleRecord], None]:
    """An ``on_record`` callback that notes when each record is stored."""

    def stamp(_record: ArticleRecord) -> None:
        times.append(time.perf_counter())

    return stamp


def fresh(path: Path) -> Path:
    """``path`` with no store (or shard files) left there by an earlier run."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(shard_dir(path), ignore_errors=True)
    return path


HEADER = (
    "side", "workers", "seconds", "docs/s", "words/s", "ratio", "CPU s", "CPU ratio", "parent MiB",
    "worker MiB",
)  # fmt: skip
WIDTHS = (16, 8, 9, 9, 10, 7, 9, 10, 12, 12)


def print_row(cells: tuple[str | float, ...]) -> None:
    """One line of the results table, printed (and flushed) as soon as its run ends."""
    line = ""
    for index, (cell, width) in enumerate(zip(cells, WIDTHS, strict=True)):
        text = f"{cell:.0f}" if index == 4 and isinstance(cell, float) else cell
        text = f"{text:.2f}" if isinstance(text, float) and index == 3 else text
        text = f"{text:.1f}" if isinstance(text, float) else str(text)
        line += f"{text:<{width}}" if index == 0 else f"{text:>{width}}"
    print(line, flush=True)


def time_exports(db: Path, directory: Path) -> list[tuple[str, int, float, int]]:
    """(name, rows, seconds, bytes) of each export of the store ``db``."""
    results = []
    with Store(db, read_only=True) as store:
        for format, table in EXPORTS:
            name = format if table is None else f"{format} ({table})"
            out = directory / f"export-{format}-{table or 'events'}.{SUFFIXES[format]}"
            out.unlink(missing_ok=True)
            started = time.perf_counter()
            rows = export(store, format, table, Filters(), out)
            results.append((name, rows, time.perf_counter() - started, out.stat().st_size))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=5000, help="first N stories only (0: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None, help="md or sm (default: the pipeline's)")
    parser.add_argument("--batch-size", type=int, default=None, help="default: PipelineConfig's")
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE)
    parser.add_argument("--recycle-after", type=int, default=RECYCLE_AFTER)
    parser.add_argument("--keep", default=None, help="keep the stores and exports in this directory")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"no corpus at {corpus}", file=sys.stderr)
        sys.exit(2)
    default = PipelineConfig(model=args.model)
    batch_size = args.batch_size or default.batch_size
    config = PipelineConfig(model=args.model, batch_size=batch_size)

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as temporary:
        directory = Path(args.keep) if args.keep else Path(temporary)
        directory.mkdir(parents=True, exist_ok=True)
        stories = read_stories(corpus, args.limit)
        source = directory / "stories.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(story, ensure_ascii=False) + "\n" for story in stories)

        started = time.perf_counter()
        pipeline = get_pipeline(config=config)  # the pipeline a 1-worker run in this process uses
        setup = time.perf_counter() - started
        texts = extracted_texts(pipeline, source)
        words = sum(len(text.split()) for text in texts)
        spacy_seconds, spacy_cpu = baseline(pipeline, texts, batch_size)
        spacy_rate = len(texts) / spacy_seconds

        info = pipeline.nlp.info() if pipeline.nlp is not None else {}
        print(f"corpus: {corpus} (first {len(stories)} stories, {len(texts)} texts, {words:,} words)")
        print(
            f"model: {info.get('model_name')} {info.get('model_version')}; batch size {batch_size}; "
            f"shard size {args.shard_size}; recycle after {args.recycle_after}"
        )
        print(f"pipeline set-up (model, dictionaries, gazetteer) in this process: {setup:.1f} s")
        print()
        print_row(HEADER)
        print_row(
            (
                "spaCy nlp.pipe",
                "-",
                spacy_seconds,
                spacy_rate,
                words / spacy_seconds,
                "1.000",
                spacy_cpu,
                "1.000",
                f"{peak_mib(resource.RUSAGE_SELF):.0f}",
                "-",
            )
        )
        summaries = []
        db = directory / "store.duckdb"
        for workers in args.workers:
            db = fresh(directory / f"store-w{workers}.duckdb")
            with WorkerMemory() as memory:
                stored: list[float] = []  # when each record was stored (shard by shard)
                started, cpu = time.perf_counter(), cpu_seconds()
                summary = run_into_store(
                    [source],
                    db,
                    config,
                    workers=workers,
                    on_record=stamper(stored),
                    shard_size=args.shard_size,
                    recycle_after=args.recycle_after,
                )
                seconds = time.perf_counter() - started
            cpu = cpu_seconds() - cpu  # workers' time counts once they have ended (the pool closed)
            rate = len(stories) / seconds
            child = f"{memory.largest:.0f}" if workers > 1 else "-"
            children = f"{peak_mib(resource.RUSAGE_CHILDREN):.0f}" if workers > 1 else "-"
            label = "run (in parent)" if workers <= 1 else "run"
            ratio = f"{rate / spacy_rate:.3f}"
            parent = f"{peak_mib(resource.RUSAGE_SELF):.0f}"
            cpu_ratio = f"{spacy_cpu / cpu:.3f}"  # docs per CPU second, against the baseline's
            row = (label, str(workers), seconds, rate, words / seconds, ratio, cpu, cpu_ratio, parent, child)
            print_row(row)
            first = stored[0] - started if stored else seconds
            summaries.append((workers, summary.line(), len(memory.peaks), children, first))

        for workers, line, processes, children, first in summaries:
            print(f"  workers={workers}: {line}; first shard stored after {first:.1f} s")
            if workers > 1:
                print(f"    {processes} child processes seen; RUSAGE_CHILDREN ru_maxrss {children} MiB")

        with Store(db, read_only=True) as store:
            counts = store.counts()
        print()
        print(
            f"store {db.name}: {db.stat().st_size / 2**20:.1f} MiB; articles {counts['articles']}, "
            f"mentions {counts['mentions']}, events {counts['events']}, failures {counts['failures']}"
        )
        print(f"{'export':<20}{'rows':>8}{'seconds':>9}{'KiB':>10}")
        for name, count, seconds, size in time_exports(db, directory):
            print(f"{name:<20}{count:>8}{seconds:>9.2f}{size / 1024:>10.1f}")


if __name__ == "__main__":
    main()
