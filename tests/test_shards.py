"""Shards and the worker executor: atomic shard files, the per-document time limit, resuming from
shard files, and `kill -9` at any moment followed by a rerun giving the store of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.pipeline import PipelineConfig
from dateline.records import ArticleRecord, RawDocument
from dateline.runs import run_into_store
from dateline.shards import is_finished, make_shard, process_shard, read_shard, shard_dir
from dateline.store import Store

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
