"""Ray's overhead: `dateline run` with the local executor and with the Ray executor, on the same
stories, at the same worker counts, on this machine.

usage: python benchmarks/ray_overhead.py [CORPUS.jsonl] [--limit N] [--workers 1 2] [--model md|sm]
                                         [--shard-size S] [--order local ray]

The first N stories with a text (default: 2,000 of ../shared/corpora/reuters21578.jsonl) are
written to a temporary JSONL (id, title, published, text). For each worker count, then for each
executor, `dateline.runs.run_into_store` codes that file into a fresh DuckDB store, timed by the
wall clock from the call to its return, so each run pays what a `dateline run` pays: the local
executor loads the model in this process (1 worker: the first run only, later ones reuse it) or in
each spawned worker; the Ray executor starts a local Ray instance (``ray.init(num_cpus=workers)``),
whose actors each load the model, and shuts it down at the end.

For each run it prints (as soon as the run ends) documents/s and words/s (whitespace tokens of the
stories' texts), **CPU seconds** (user + system) of this process and of every process under it,
and documents and words per CPU second: unlike the wall clock, CPU time does not grow when other
programs share the cores, so the per-CPU-second rates are the figures to scale from (the per-core
throughput). Ray's workers and daemons are not children this process waits for (their CPU time
never reaches ``RUSAGE_CHILDREN`` before they are shut down), so the CPU time of the processes
under this one is polled from /proc every 0.2 s, each process's last reading kept: a
process that ends loses at most its last 0.2 s. "driver s" is this process's own share: with
Ray, or with local workers, the reading of the inputs and the store's one writer (loading,
deduplication); with 1 local worker, everything. It also prints the largest peak resident memory
(``VmHWM``) of one process under this one: a Ray actor, or a local worker (1 local worker: this
process's own peak). Then, per worker count, Ray's documents/s and documents per CPU second over
the local executor's: its overhead as a ratio.
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
from pathlib import Path
from typing import Any

from dateline.pipeline import PipelineConfig
from dateline.runs import run_into_store
from dateline.shards import SHARD_SIZE

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
FIELDS = ("id", "title", "published", "text")
TICKS = os.sysconf("SC_CLK_TCK")


def read_stories(corpus: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` stories of a JSONL corpus that have a text."""
    stories: list[dict[str, Any]] = []
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line) if line.strip() else {}
            if not (record.get("text") or "").strip():
                continue
            stories.append({key: record[key] for key in FIELDS if record.get(key) is not None})
            if len(stories) >= limit:
                break
    return stories


def own_cpu() -> float:
    """CPU seconds (user + system) of this process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _descendants() -> dict[int, tuple[float, float]]:
    """(CPU seconds, peak RSS MiB) of each process under this one, read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    under, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - under
        under |= frontier
    found: dict[int, tuple[float, float]] = {}
    for pid in under:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime, this process only
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
                status = dict(line.split(":", 1) for line in handle if ":" in line)
            peak = int(status.get("VmHWM", "0 kB").split()[0]) / 1024
        except (OSError, IndexError, ValueError):
            continue
        found[pid] = (cpu, peak)
    return found


class Processes:
    """CPU seconds and peak RSS of the processes under this one during a run, polled."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.before = {pid: cpu for pid, (cpu, _) in _descendants().items()}
        self.cpu: dict[int, float] = {}
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> Processes:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def seconds(self) -> float:
        """CPU seconds the processes under this one used since the start."""
        return sum(cpu - self.before.get(pid, 0.0) for pid, cpu in self.cpu.items())

    def _sample(self) -> None:
        for pid, (cpu, peak) in _descendants().items():
            self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))
            self.peak = max(self.peak, peak)

    def _poll(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()


def own_peak() -> float:
    """This process's peak RSS (MiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh(path: Path) -> Path:
    """``path`` with no store, shard files or Parquet shards left there by an earlier run."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    for work in (Path(f"{path}.shards"), Path(f"{path}.ray")):
        shutil.rmtree(work, ignore_errors=True)
    return path


HEADER = (
    "executor", "workers", "seconds", "docs/s", "words/s", "CPU s", "docs/CPU s", "words/CPU s", "driver s",
    "peak MiB",
)  # fmt: skip
WIDTHS = (10, 8, 9, 8, 9, 9, 11, 12, 10, 10)


def print_row(cells: tuple[Any, ...]) -> None:
    """One line of the table, printed and flushed as soon as its run ends."""
    texts = [f"{c:.2f}" if isinstance(c, float) else str(c) for c in cells]
    line = "".join(
        f"{t:<{w}}" if i == 0 else f"{t:>{w}}" for i, (t, w) in enumerate(zip(texts, WIDTHS, strict=True))
    )
    print(line, flush=True)


def run(
    executor: str, workers: int, source: Path, db: Path, config: PipelineConfig, shard_size: int, words: int
) -> dict[str, float]:
    """Code ``source`` into a fresh ``db`` with ``executor``; its measures, printed as a row."""
    fresh(db)
    cpu = own_cpu()
    started = time.perf_counter()
    with Processes() as processes:
        summary = run_into_store(
            [source], db, config, workers=workers, shard_size=shard_size, executor=executor
        )
    seconds = time.perf_counter() - started
    driver = own_cpu() - cpu
    cpu_seconds = driver + processes.seconds
    peak = processes.peak if executor == "ray" or workers > 1 else own_peak()
    docs = summary.inputs
    row = {
        "seconds": seconds,
        "docs_s": docs / seconds,
        "words_s": words / seconds,
        "cpu": cpu_seconds,
        "docs_cpu": docs / cpu_seconds,
        "words_cpu": words / cpu_seconds,
        "driver": driver,
        "peak": peak,
    }
    print_row(
        (
            executor,
            workers,
            round(seconds, 1),
            row["docs_s"],
            round(row["words_s"]),
            round(cpu_seconds, 1),
            row["docs_cpu"],
            round(row["words_cpu"]),
            round(driver, 1),
            round(peak),
        )
    )
    if summary.failures:
        print(f"  ({summary.failures} of {docs} failed: {dict(summary.failed)})", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=2000, help="first N stories with a text")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None, help="md or sm (default: md)")
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE)
    parser.add_argument("--order", nargs="+", default=["local", "ray"], choices=["local", "ray"])
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"no corpus at {corpus}", file=sys.stderr)
        sys.exit(2)
    config = PipelineConfig(model=args.model)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    with tempfile.TemporaryDirectory(prefix="dateline-ray-bench-") as temporary:
        directory = Path(temporary)
        stories = read_stories(corpus, args.limit)
        source = directory / "stories.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(story, ensure_ascii=False) + "\n" for story in stories)
        words = sum(len(story["text"].split()) for story in stories)
        print(
            f"{len(stories)} stories, {words} words ({corpus.name}); model {config.model or 'md'}, "
            f"shards of {args.shard_size}; {os.cpu_count()} CPUs on this machine",
            flush=True,
        )
        print_row(HEADER)
        results: dict[tuple[str, int], dict[str, float]] = {}
        for workers in args.workers:
            for executor in args.order:
                db = directory / f"{executor}-{workers}.duckdb"
                results[executor, workers] = run(
                    executor, workers, source, db, config, args.shard_size, words
                )
        for workers in args.workers:
            local, ray = results.get(("local", workers)), results.get(("ray", workers))
            if local and ray:
                print(
                    f"ray/local at {workers} worker{'s' if workers > 1 else ''}: "
                    f"docs/s {ray['docs_s'] / local['docs_s']:.2f}, "
                    f"docs per CPU s {ray['docs_cpu'] / local['docs_cpu']:.2f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
