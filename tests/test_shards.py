"""Shards and the worker executor: atomic shard files, the per-document time limit, resuming from
shard files, `kill -9` at any moment followed by a rerun giving the store of an uninterrupted run,
and runs that outlive their workers' deaths."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

import worker_deaths
from dateline.errors import StageNotFound, StoreError, WorkerDied
from dateline.pipeline import PipelineConfig
from dateline.records import ArticleRecord, RawDocument
from dateline.runs import run_into_store
from dateline.shards import is_finished, make_shard, process_shard, read_shard, run_shards, shard_dir
from dateline.store import Store

T = TypeVar("T")

ACTORS = ["Russia", "Ukraine", "France", "Kenya", "Chile", "Peru", "Japan", "Egypt", "Israel", "Iran"]
ACTS = [
    "{a} accused {b} of violating the ceasefire on Monday.",
    "The foreign minister of {a} met his counterpart from {b} in Geneva on Tuesday.",
    '"We will not accept these threats," the president of {a} said of {b} on Wednesday.',
    "{a} recalled its ambassador to {b} after the talks collapsed.",
    "Police in {a} arrested protesters who marched against {b}'s embassy on Friday.",
]


def _story(n: int) -> str:
    a, b = ACTORS[n % len(ACTORS)], ACTORS[(n * 3 + 1) % len(ACTORS)]
    acts = " ".join(ACTS[(n + k) % len(ACTS)].format(a=a, b=b) for k in range(2))
    return f"{acts} Officials said {n + 2} people were hurt in the clashes."


def _corpus(root: Path, n: int = 30) -> Path:
    """``n`` small news texts, one empty file (a failure) and one duplicate text under another name."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"story{i:02d}.txt").write_text(_story(i) + "\n", encoding="utf-8")
    (root / "story05b.txt").write_text(_story(5) + "\n", encoding="utf-8")
    (root / "story20-empty.txt").write_text("\n", encoding="utf-8")
    return root


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timestamp columns."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store(db, read_only=True) as store:
        tables = [r[0] for r in store.con.execute("SHOW TABLES").fetchall()]
        for table in tables:
            columns = [
                row[0]
                for row in store.con.execute(f"DESCRIBE {table}").fetchall()
                if "TIMESTAMP" not in row[1]
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            rows = store.con.execute(f"SELECT {names} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _docs(n: int) -> list[RawDocument]:
    return [RawDocument(id=f"d{i}", text=_story(i), title="T", published="2024-03-13") for i in range(n)]


# --- process_shard ------------------------------------------------------------------------------


@pytest.mark.slow
def test_process_shard_writes_one_complete_file_and_nothing_else(pipeline: Any, tmp_path: Path) -> None:
    docs = _docs(5)
    shard = make_shard(docs, pipeline.config, tmp_path / "work")
    result = process_shard(shard.inputs, shard.path, pipeline.config, pipeline=pipeline)
    assert [p.name for p in (tmp_path / "work").iterdir()] == [shard.path.name]  # no temporary left
    assert result.path == shard.path and result.documents == 5 and result.timed_out == 0
    assert is_finished(shard)
    records = read_shard(shard)
    assert records is not None
    assert [r.to_dict() for r in records] == [r.to_dict() for r in pipeline.process_many(docs)]
    header = json.loads(shard.path.read_text("utf-8").splitlines()[0])
    assert [i["id"] for i in header["inputs"]] == [d.id for d in docs]
    other = make_shard(_docs(4), pipeline.config, tmp_path / "work")  # other inputs: another file
    assert other.path != shard.path and not is_finished(other)


class _Broken:
    """A pipeline that fails after coding two documents (a bug, a full disk...)."""

    config = PipelineConfig()

    def process_many(self, docs: list[RawDocument]) -> Iterator[ArticleRecord]:
        for i, doc in enumerate(docs):
            if i == 2:
                raise RuntimeError("boom")
            yield ArticleRecord(id=doc.id, text=doc.text or "")


def test_an_exception_mid_shard_leaves_no_file(tmp_path: Path) -> None:
    shard = make_shard(_docs(5), PipelineConfig(), tmp_path / "work")
    with pytest.raises(RuntimeError, match="boom"):
        process_shard(shard.inputs, shard.path, PipelineConfig(), doc_timeout=None, pipeline=_Broken())  # type: ignore[arg-type]
    assert not shard.path.exists() and not is_finished(shard) and read_shard(shard) is None
    assert not (tmp_path / "work").exists() or not list((tmp_path / "work").iterdir())


class _RaisesOn:
    """A pipeline that raises ``error`` on the document ``d2``, in a batch or alone."""

    config = PipelineConfig()

    def __init__(self, error: Exception) -> None:
        self.error = error

    def process_many(self, docs: list[RawDocument]) -> Iterator[ArticleRecord]:
        for doc in docs:
            if doc.id == "d2":
                raise self.error
            yield ArticleRecord(id=doc.id, text=doc.text or "")


def test_a_document_that_raises_costs_only_its_record(tmp_path: Path) -> None:
    shard = make_shard(_docs(4), PipelineConfig(), tmp_path / "work")
    coder: Any = _RaisesOn(RuntimeError("boom"))
    assert list(run_shards([shard], PipelineConfig(), doc_timeout=None, pipeline=coder)) == [shard]
    records = read_shard(shard)
    assert records is not None and [r.id for r in records] == ["d0", "d1", "d2", "d3"]
    assert [r.error is None for r in records] == [True, True, False, True]
    assert (records[2].error or "").startswith("[E009] d2: coding it raised RuntimeError: boom")
    assert [p.name for p in (tmp_path / "work").iterdir()] == [shard.path.name]
    full = make_shard(_docs(3), PipelineConfig(), tmp_path / "full")  # the machine's fault: raised
    coder = _RaisesOn(OSError(28, "No space left on device"))
    with pytest.raises(OSError, match="No space"):
        list(run_shards([full], PipelineConfig(), doc_timeout=None, pipeline=coder))
    assert not is_finished(full)


@pytest.mark.slow
def test_workers_that_cannot_build_the_pipeline_end_the_run_with_its_error(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "news.jsonl", [_story(i) for i in range(4)])
    config = PipelineConfig(stages=("extract", "no_such_stage"))
    with pytest.raises(StageNotFound, match="no_such_stage"):
        _without_hanging(
            lambda: run_into_store([corpus], tmp_path / "s.duckdb", config, workers=2, shard_size=2)
        )
    assert not _workers()


@pytest.mark.slow
def test_documents_over_the_time_limit_fail_and_the_pipeline_goes_on(pipeline: Any, tmp_path: Path) -> None:
    """The limit, not the machine's speed, decides: under a limit no coding fits in (1 ms), every
    document is a time-limit failure in its place; under a roomy one, all are coded; and the
    pipeline works after the interruptions."""
    docs = _docs(3)
    tight = make_shard(docs, pipeline.config, tmp_path / "tight")
    result = process_shard(tight.inputs, tight.path, pipeline.config, doc_timeout=0.001, pipeline=pipeline)
    records = read_shard(tight)
    assert records is not None and [r.id for r in records] == [d.id for d in docs]
    assert result.timed_out == 3 and result.failures == 3
    assert all((r.error or "").startswith("[E013]") for r in records)
    roomy = make_shard(docs, pipeline.config, tmp_path / "roomy")
    result = process_shard(roomy.inputs, roomy.path, pipeline.config, doc_timeout=300, pipeline=pipeline)
    coded = read_shard(roomy)
    assert coded is not None and result.timed_out == 0 and all(r.events for r in coded)
    assert pipeline.process(docs[0]).to_dict() == coded[0].to_dict()


# --- runs ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_finished_shard_file_is_loaded_instead_of_coded_again(pipeline: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 8)
    db = tmp_path / "s.duckdb"
    files = sorted(p.name for p in corpus.iterdir())
    from dateline.ingest import iter_documents

    inputs = list(iter_documents([corpus]))
    assert [i.id for i in inputs] == files
    later = make_shard(inputs[4:8], pipeline.config, shard_dir(db))  # the second shard of 4
    process_shard(later.inputs, later.path, pipeline.config, pipeline=pipeline)
    lines = later.path.read_text("utf-8").splitlines()
    record = json.loads(lines[1])
    record["title"] = "coded before the crash"  # a mark: the run stores this file's records
    later.path.write_text("\n".join([lines[0], json.dumps(record), *lines[2:]]) + "\n", encoding="utf-8")
    summary = run_into_store([corpus], db, pipeline=pipeline, shard_size=4)
    assert summary.inputs == len(files)
    with Store(db, read_only=True) as store:
        titles = dict(store.con.execute("SELECT id, title FROM articles").fetchall())
    assert titles[record["id"]] == "coded before the crash"
    assert not shard_dir(db).exists()  # every shard file loaded and deleted


@pytest.mark.slow
def test_one_worker_and_two_workers_give_the_same_store(pipeline: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 12)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    first = run_into_store([corpus], one, pipeline=pipeline, shard_size=4)
    second = run_into_store([corpus], two, workers=2, shard_size=4, recycle_after=4)
    assert first.to_dict() | {"stored": None} == second.to_dict() | {"stored": None}
    assert first.failures == 1 and first.duplicates >= 1  # the empty file; story05b
    assert _tables(one) == _tables(two)
    assert not shard_dir(one).exists() and not shard_dir(two).exists()


def _articles(db: Path, wait: float = 0) -> int:
    if not db.exists():
        return 0
    try:
        with Store(db, read_only=True, wait=wait) as store:
            return store.counts()["articles"]
    except StoreError:  # the run is writing a shard
        return 0


def _wait_for_a_loaded_shard(db: Path, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    """Return once the run has loaded a shard into the store (and deleted its file)."""
    seen: set[str] = set()
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        now = {p.name for p in shard_dir(db).glob("*.jsonl")} if shard_dir(db).is_dir() else set()
        if seen - now:
            return
        seen |= now
        time.sleep(0.01)
    pytest.fail(f"the run ended before it could be killed: {proc.stderr.read() if proc.stderr else ''!r}")


def _survivors(session: int, wait: float = 10.0) -> str:
    """The processes left in the killed run's session (its workers), after ``wait`` seconds at most."""
    deadline = time.monotonic() + wait
    while True:
        found = subprocess.run(["ps", "-s", str(session), "-o", "pid=,args="], capture_output=True, text=True)
        if not found.stdout.strip() or time.monotonic() > deadline:
            return found.stdout.strip()
        time.sleep(0.2)


@pytest.mark.slow
def test_kill_9_and_a_rerun_give_the_store_of_an_uninterrupted_run(pipeline: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 30)
    killed, whole = tmp_path / "killed.duckdb", tmp_path / "whole.duckdb"
    command = [sys.executable, "-m", "dateline", "run", str(corpus), "--workers", "2", "--shard-size", "2"]
    proc = subprocess.Popen(
        [*command, "--db", str(killed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _wait_for_a_loaded_shard(killed, proc)
    os.kill(proc.pid, signal.SIGKILL)  # the run only: its workers must die with it
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not _survivors(proc.pid), "worker processes outlived the killed run"
    stored = _articles(killed, wait=30)
    assert 0 < stored < 30
    resumed = subprocess.run([*command, "--db", str(killed)], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 1, resumed.stderr  # the empty file fails
    assert json.loads(resumed.stdout.splitlines()[-1])["skipped_already_stored"] >= stored
    run_into_store([corpus], whole, pipeline=pipeline, shard_size=4)  # one worker, uninterrupted
    assert _tables(killed) == _tables(whole)
    assert len(_tables(whole)["articles"]) == 30  # 30 stories; the duplicate is an alias
    assert not shard_dir(killed).exists()


# --- dead workers -------------------------------------------------------------------------------


def _jsonl(path: Path, texts: list[str]) -> Path:
    """A JSONL file of made-up news texts, ids ``n00``, ``n01``..."""
    lines = [
        json.dumps({"id": f"n{i:02d}", "title": f"Story {i}", "published": "2024-03-13", "text": text})
        for i, text in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _workers() -> list[int]:
    """The pids of this process's worker processes (spawned children, not the resource tracker)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = next(line for line in status.read_text().splitlines() if line.startswith("PPid:"))
            cmdline = (status.parent / "cmdline").read_bytes()
        except (OSError, StopIteration):
            continue  # gone meanwhile
        if int(ppid.split()[1]) == os.getpid() and b"spawn_main" in cmdline:
            found.append(int(status.parent.name))
    return found


def _without_hanging(run: Callable[[], T], timeout: float = 600) -> T:
    """``run()``, in a thread: a failure (not a hung test) if it has not returned after ``timeout``."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = run()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        pytest.fail(f"the run hangs: not done after {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_nothing(pipeline: Any, tmp_path: Path) -> None:
    """kill -9 of a worker (as the OOM killer does) once a shard is stored: the run goes on, and
    gives the store of an uninterrupted run."""
    corpus = _jsonl(tmp_path / "news.jsonl", [_story(i) for i in range(12)])
    killed: list[int] = []

    def kill_a_worker(record: ArticleRecord) -> None:
        if not killed and (workers := _workers()):
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    first = run_into_store([corpus], one, pipeline=pipeline, shard_size=2)
    second = _without_hanging(
        lambda: run_into_store([corpus], two, workers=2, shard_size=2, on_record=kill_a_worker)
    )
    assert killed, "no worker to kill"
    assert first.to_dict() | {"stored": None} == second.to_dict() | {"stored": None}
    assert first.coded == 12 and first.failures == 0
    assert _tables(one) == _tables(two)
    assert not shard_dir(two).exists() and not _workers()


@pytest.mark.slow
def test_a_document_that_kills_its_worker_every_time_fails_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A document whose coding kills the worker each time (its shard retried, then coded one
    document per task) is a `WorkerDied` failure; the rest, its shard's other document included,
    are stored as an uninterrupted run stores them."""
    from dateline import registry

    texts = [_story(i) for i in range(8)]
    texts[5] = f"{worker_deaths.MARKER} {texts[5]}"  # shard n04, n05
    corpus = _jsonl(tmp_path / "news.jsonl", texts)
    config = PipelineConfig(stages=worker_deaths.stage_names("extract"))
    db = tmp_path / "killing.duckdb"
    summary = _without_hanging(lambda: run_into_store([corpus], db, config, workers=2, shard_size=2))
    assert summary.inputs == 8 and summary.coded == 7 and dict(summary.failed) == {"worker died": 1}
    with Store(db, read_only=True) as store:
        [failure] = store.failures()
    assert failure["id"] == "n05" and failure["code"] == WorkerDied.code, failure
    assert "killed by signal 9 (SIGKILL)" in failure["message"] and "retried 2 times" in failure["message"]
    assert not shard_dir(db).exists() and not _workers()
    # in this process the stage kills nothing: one worker codes n05 too
    monkeypatch.setitem(registry._STAGES, worker_deaths.NAME, worker_deaths.KillWorker)
    whole = tmp_path / "whole.duckdb"
    assert run_into_store([corpus], whole, config, shard_size=2).coded == 8
    stored = _tables(db)["articles"]
    assert stored == [row for row in _tables(whole)["articles"] if "n05" not in row]
