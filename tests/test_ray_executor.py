"""The Ray executor (`dateline.ray_executor`): the store of a run on Ray actors equals the local
executor's, table for table; a rerun codes only the shards whose files are missing; an actor that
dies has its batch retried; a bad document, or one that raises, kills its actor or runs out of
time, is a failure of its own.

The tests that run Ray share one local Ray instance of 2 CPUs, started here and shut down at the
end; they skip, with the reason, when Ray is not installed. The others test the actors' class in
this process, with stand-in pipelines, and run everywhere.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, shared_path
from dateline.cli import app
from dateline.errors import ConfigError
from dateline.ingest import iter_documents
from dateline.pipeline import PipelineConfig
from dateline.ray_coder import (
    ShardCoder,
    TimeLimited,
    parquet_header,
    parquet_lines,
    parquet_path,
    write_parquet,
)
from dateline.records import ArticleRecord, RawDocument
from dateline.runs import run_into_store
from dateline.shards import make_shard, process_shard, shard_dir
from dateline.store import Store

HAS_RAY = importlib.util.find_spec("ray") is not None
requires_ray = pytest.mark.skipif(
    not HAS_RAY, reason="Ray is not installed: pip install 'dateline[ray]' (scripts/bootstrap.sh --dev does)"
)
TABLES = {"articles", "mentions", "events", "quotes", "places", "failures", "aliases"}
ACTORS = ["Russia", "Ukraine", "France", "Kenya", "Chile", "Peru", "Japan", "Egypt"]


def _story(n: int) -> str:
    a, b = ACTORS[n % len(ACTORS)], ACTORS[(n * 3 + 1) % len(ACTORS)]
    return (
        f"{a} accused {b} of violating the ceasefire on Monday. The foreign minister of {a} met "
        f"his counterpart from {b} in Geneva on Tuesday. Officials said {n + 2} people were hurt."
    )


def _corpus(root: Path, n: int) -> Path:
    """``n`` small news texts, one duplicate text under another name and one empty file (a failure)."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"story{i:02d}.txt").write_text(_story(i) + "\n", encoding="utf-8")
    (root / "story03b.txt").write_text(_story(3) + "\n", encoding="utf-8")
    (root / "story07-empty.txt").write_text("\n", encoding="utf-8")
    return root


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timestamp columns (as tests/test_shards.py compares)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store(db, read_only=True) as store:
        for (table,) in store.con.execute("SHOW TABLES").fetchall():
            columns = [
                row[0]
                for row in store.con.execute(f"DESCRIBE {table}").fetchall()
                if "TIMESTAMP" not in row[1]
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(store.con.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
    return out


def _assert_same_store(ray_db: Path, local_db: Path) -> dict[str, list[tuple[Any, ...]]]:
    ray_tables, local_tables = _tables(ray_db), _tables(local_db)
    assert set(local_tables) >= TABLES
    for table in sorted(local_tables):
        assert ray_tables[table] == local_tables[table], table
    assert set(ray_tables) == set(local_tables)
    return local_tables


class _Counts(logging.Handler):
    """The executor's account of each wave: shards coded, and shards found written."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.coded = self.found = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.coded += getattr(record, "coded", 0)
        self.found += getattr(record, "found", 0)


@pytest.fixture
def counts() -> Iterator[_Counts]:
    logger = logging.getLogger("dateline.ray_executor")
    handler, level = _Counts(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A local Ray instance of 2 CPUs for this module's tests (the executor uses it, and leaves
    it running: it did not start it)."""
    if not HAS_RAY:
        pytest.skip("Ray is not installed: pip install 'dateline[ray]'")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    yield ray
    ray.shutdown()


# --- on Ray -------------------------------------------------------------------------------------


@requires_ray
@pytest.mark.slow
def test_the_examples_give_the_local_store(cluster: Any, pipeline: Any, tmp_path: Path) -> None:
    """`dateline run --executor ray` over the bundled examples, 2 actors, 3 shards."""
    ray_db, local_db = tmp_path / "ray.duckdb", tmp_path / "local.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(EXAMPLES),
            "--db",
            str(ray_db),
            "--executor",
            "ray",
            "--workers",
            "2",
            "--shard-size",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1])["coded"] == 6
    run_into_store([EXAMPLES], local_db, pipeline=pipeline, shard_size=2)
    tables = _assert_same_store(ray_db, local_db)
    assert len(tables["articles"]) == 6 and tables["events"]
    assert cluster.is_initialized()  # not shut down by the executor: it did not start it
    assert not Path(f"{ray_db}.ray").exists() and not shard_dir(ray_db).exists()


@requires_ray
@pytest.mark.slow
def test_forty_voa_stories_give_the_local_store(cluster: Any, pipeline: Any, tmp_path: Path) -> None:
    """The first 40 VOA stories, 5 shards over 2 actors. (Equal stores need each story's record
    not to depend on which stories its process coded before: the shards land on the actors in no
    fixed order.)"""
    corpus = shared_path("corpora", "voa.jsonl")
    lines = [line for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()][:40]
    voa = tmp_path / "voa40.jsonl"
    voa.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ray_db, local_db = tmp_path / "ray.duckdb", tmp_path / "local.duckdb"
    on_ray = run_into_store([voa], ray_db, workers=2, shard_size=8, executor="ray")
    local = run_into_store([voa], local_db, pipeline=pipeline, shard_size=8)
    assert on_ray.to_dict() == local.to_dict() and on_ray.inputs == 40
    tables = _assert_same_store(ray_db, local_db)
    assert len(tables["events"]) > 40


@requires_ray
@pytest.mark.slow
def test_a_rerun_codes_only_missing_shards_and_a_dead_actor_is_retried(
    cluster: Any, counts: _Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shards 2 and 4 of 6 written as Parquet by the actors' class before the run (one marked, to
    tell a loaded file from a coded one), and an actor that dies in the first shard it takes: the
    run codes the 4 other shards, loads the marked one, and ends with the local executor's store.
    (The small model: this test is about the files and the retries, and actors load it faster.)"""
    from dateline import ray_executor
    from dateline.ray_executor import ray_dir

    corpus = _corpus(tmp_path / "corpus", 10)
    db, local_db = tmp_path / "ray.duckdb", tmp_path / "local.duckdb"
    config = PipelineConfig(model="sm")
    inputs = list(iter_documents([corpus]))
    assert len(inputs) == 12
    shards = [make_shard(inputs[i : i + 2], config, shard_dir(db)) for i in range(0, 12, 2)]
    before = ShardCoder(config, str(ray_dir(db)), None)  # the actors' class, in this process
    for shard in (shards[1], shards[3]):
        assert before.code(shard.path.stem, shard.inputs)
    marked = parquet_path(ray_dir(db), shards[1].path.stem)
    lines = parquet_lines(marked)
    record = json.loads(lines[1])
    record["title"] = "coded before the crash"
    write_parquet(marked, [lines[0], json.dumps(record), *lines[2:]], shards[1].inputs)

    crashed = tmp_path / "crashed"

    class DiesOnce(ShardCoder):
        """Kills its actor in the first shard any actor takes (the marker file says it did)."""

        def code(self, key: str, inputs: Any) -> bool:
            if not crashed.exists():
                crashed.touch()
                os._exit(1)
            return super().code(key, inputs)

    monkeypatch.setattr(ray_executor, "ShardCoder", DiesOnce)
    summary = run_into_store([corpus], db, config, workers=2, shard_size=2, executor="ray")
    assert crashed.exists()  # an actor died, and its shard was coded all the same
    assert (counts.coded, counts.found) == (4, 2)
    assert summary.inputs == 12 and summary.failures == 1  # the empty file
    run_into_store([corpus], local_db, config, shard_size=2)
    ray_tables, local_tables = _tables(db), _tables(local_db)
    for table in sorted(TABLES - {"articles"}):
        assert ray_tables[table] == local_tables[table], table
    rows = {repr(row): row for row in ray_tables["articles"] + local_tables["articles"]}
    changed = {repr(r) for r in ray_tables["articles"]} ^ {repr(r) for r in local_tables["articles"]}
    assert len(changed) == 2 and len({rows[key][0] for key in changed}) == 1  # the marked article only
    assert any("coded before the crash" in row for row in ray_tables["articles"])
    assert [row[0] for row in ray_tables["failures"]] == ["story07-empty.txt"]
    assert not ray_dir(db).exists() and not shard_dir(db).exists()


# --- the actors' class, here ---------------------------------------------------------------------


class _Stand:
    """A stand-in pipeline: each document's record is its text; "raise" raises, "slow" loops."""

    def __init__(self) -> None:
        self.config = PipelineConfig(batch_size=2)

    def process_many(self, docs: Iterable[Any]) -> Iterator[ArticleRecord]:
        for doc in docs:
            if doc.text == "raise":
                raise RuntimeError("a bug")
            if doc.text == "slow":
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:  # Python bytecodes: the alarm can land
                    pass
            yield ArticleRecord(id=doc.id, text=doc.text or "", title=doc.title)

    def process(self, doc: Any) -> ArticleRecord:
        return next(iter(self.process_many([doc])))


class _StandCoder(ShardCoder):
    """The actors' class with the stand-in pipeline, in this process."""

    def __init__(self, directory: Path, doc_timeout: float | None = None) -> None:
        self.config = PipelineConfig(batch_size=2)
        self.directory = directory
        self.doc_timeout = doc_timeout
        self.pipeline = _Stand()  # type: ignore[assignment]


def _docs(*texts: str) -> list[RawDocument]:
    return [RawDocument(id=f"d{i}", text=text, title="T") for i, text in enumerate(texts)]


def _records(directory: Path, key: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in parquet_lines(parquet_path(directory, key))[1:]]


def test_a_parquet_shard_holds_the_lines_of_the_jsonl_shard(tmp_path: Path) -> None:
    docs = _docs("one", "two\u2028lines\x85apart", "three")  # line separators str.splitlines() knows
    shard = make_shard(docs, PipelineConfig(), tmp_path / "jsonl")
    process_shard(docs, shard.path, PipelineConfig(), None, _Stand())  # type: ignore[arg-type]
    coder = _StandCoder(tmp_path / "ray")
    assert coder.code(shard.path.stem, docs) is True
    assert coder.code(shard.path.stem, docs) is False  # written: not coded again
    jsonl = shard.path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert len(jsonl) == 4
    parquet = parquet_lines(parquet_path(tmp_path / "ray", shard.path.stem))
    assert parquet[1:] == jsonl[1:]
    header = parquet_header(parquet_path(tmp_path / "ray", shard.path.stem))
    assert header is not None and header["inputs"] == json.loads(jsonl[0])["inputs"]
    assert [p.name for p in (tmp_path / "ray").iterdir()] == [f"{shard.path.stem}.parquet"]


def test_a_shard_whose_coding_raises_is_coded_one_document_at_a_time(tmp_path: Path) -> None:
    coder = _StandCoder(tmp_path)
    assert coder.code("k", _docs("one", "raise", "three"))
    records = _records(tmp_path, "k")
    assert [r["id"] for r in records] == ["d0", "d1", "d2"]
    assert "error" not in records[0] and records[2]["text"] == "three"
    assert records[1]["error"].startswith("[E009]") and "RuntimeError: a bug" in records[1]["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.parquet"]  # no attempt or part files


def test_a_document_that_kills_its_actor_each_time_becomes_a_failure(tmp_path: Path) -> None:
    """The files an actor leaves when it dies say so: a shard tried more than ``retries`` times is
    coded one document at a time, a document tried more than ``retries`` times fails."""
    coder = _StandCoder(tmp_path)
    tries = str(ShardCoder.retries + 1)
    (tmp_path / ".k.attempts").write_text(tries, encoding="utf-8")
    (tmp_path / ".k.1.attempts").write_text(tries, encoding="utf-8")
    (tmp_path / ".k.0.part").write_text(json.dumps({"id": "d0", "text": "from the part file"}), "utf-8")
    assert coder.code("k", _docs("one", "two", "three"))
    records = _records(tmp_path, "k")
    assert records[0]["text"] == "from the part file" and records[2]["text"] == "three"
    assert records[1]["error"].startswith("[E014]") and "died" in records[1]["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.parquet"]


def test_a_document_over_the_time_limit_fails_in_any_thread(tmp_path: Path) -> None:
    """Ray calls the actors' class from a thread, where no signal can interrupt it."""
    found: list[ArticleRecord] = []
    limited = TimeLimited(_Stand(), 0.5)  # type: ignore[arg-type]
    docs = _docs("one", "slow", "three")
    thread = threading.Thread(target=lambda: found.extend(limited.process_many(docs)))
    started = time.monotonic()
    thread.start()
    thread.join(60)
    assert time.monotonic() - started < 10
    assert [r.id for r in found] == ["d0", "d1", "d2"] and limited.timed_out == 1
    assert found[1].error is not None and found[1].error.startswith("[E013]")
    assert found[0].error is None and found[2].text == "three"


def test_without_ray_the_ray_executor_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "ray", None)  # import ray raises ImportError
    monkeypatch.setitem(__import__("sys").modules, "ray.data", None)
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["run", str(EXAMPLES), "--db", str(db), "--executor", "ray"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: [E012] the ray executor needs Ray: pip install 'dateline[ray]'"
    assert not db.exists()
    with pytest.raises(ConfigError, match="no executor named 'spark'"):
        run_into_store([EXAMPLES], db, executor="spark")
