"""The command line, end to end on the bundled examples (real model, real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from dateline.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden" / "examples.jsonl"


def test_code_jsonl_keeps_input_order_and_ids() -> None:
    result = runner.invoke(app, ["code", str(EXAMPLES / "wire.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [
        json.loads(line)["id"] for line in (EXAMPLES / "wire.jsonl").read_text().splitlines() if line.strip()
    ]
    assert [r["id"] for r in records] == ids
    assert all(r["events"] for r in records)


def test_code_table_and_json() -> None:
    result = runner.invoke(app, ["code", str(EXAMPLES / "talks.txt"), "--format", "json"])
    (record,) = json.loads(result.stdout)
    assert record["dateline"] == "NAIROBI"
    assert result.stderr.startswith("dateline: 1 input, 1 coded, 0 failed")


def test_examples_table_is_readable_at_80_columns() -> None:
    """At 80 columns every event's full date, CAMEO code, actor codes and trigger are on screen."""
    result = runner.invoke(app, ["code", str(EXAMPLES)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(len(line) <= 80 for line in lines)
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    for record in records:
        for event in record["events"]:
            codes = [
                event[side]["code"] for side in ("source", "target") if event[side] and event[side]["code"]
            ]
            wanted = [event["date"], event["cameo"], *codes, event["trigger"]]
            assert any(all(w in line for w in wanted) for line in lines), (wanted, record["id"])


def test_bad_input_is_one_line_and_non_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [E001]") and result.stderr.count("\n") == 1


def test_bad_jsonl_line_is_recorded_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Police arrested ten protesters in Lagos on Monday."}\n{broken\n', "utf-8"
    )
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 1  # some input failed
    assert "1 failed (bad record: 1)" in result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == "ok" and "error" not in first
    assert second["error"].startswith("[E003]")


def test_run_export_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["stored"]["articles"] == 6
    first = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).stdout
    again = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db)])
    assert json.loads(again.stdout.strip().splitlines()[-1])["skipped_already_stored"] == 6
    second = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).stdout
    assert first == second and first.strip()
    event = json.loads(first.splitlines()[0])  # one deduplicated event, with its counts
    assert {"event_id", "cameo", "source_code", "target_code", "goldstein", "num_mentions"} <= set(event)
    mention = json.loads(
        runner.invoke(app, ["export", "--db", str(db), "--table", "mentions"]).stdout.split("\n")[0]
    )
    assert {"article_id", "id", "event_id", "cameo", "source", "target", "plover"} <= set(mention)


def test_info_reports_version_and_a_loadable_model() -> None:
    import spacy

    result = runner.invoke(app, ["info", "--format", "json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["version"]
    assert spacy.load(info["model"]).pipe_names
    assert info["dictionaries"]["countries"] >= 249


def test_code_with_the_petrarch_engine_and_user_dictionaries(tmp_path: Path) -> None:
    """`--coder petrarch --data DIR` codes with the PETRARCH dictionaries in DIR alone."""
    from test_petrarch_engine import ACTORS, AGENTS, VERBS

    for name, text in {"my.actors.txt": ACTORS, "my.agents.txt": AGENTS, "my.verbs.txt": VERBS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    source = tmp_path / "in.txt"
    source.write_text("Valoria restored diplomatic ties with Kestria on Monday.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["code", str(source), "--coder", "petrarch", "--data", str(tmp_path), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [("VAL", "KES", "064")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty: 1"), (b"  \n\t \n", "empty: 1"), (b"\x00\x01\x02" * 100, "not text: 1")],
)
def test_an_input_that_cannot_be_coded_exits_1_with_its_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert reason in result.stderr.splitlines()[-1]
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "in.txt" and record["error"]


def test_a_directory_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path)])
    assert result.exit_code == 2 and "no inputs" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--data", "/no/such/dir"],
        ["--coder", "petrarch"],
    ],
)
def test_mistakes_in_options_fail_loudly(args: list[str]) -> None:
    result = runner.invoke(app, ["code", str(EXAMPLES / "talks.txt"), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [E012]") and result.stderr.count("\n") == 1


def test_evaluate_refuses_a_gold_file_of_another_task(tmp_path: Path) -> None:
    gold = tmp_path / "events.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Troops shelled the town.", "events": []}) + "\n")
    result = runner.invoke(app, ["evaluate", "quotes", str(gold)])
    assert result.exit_code == 2
    assert "no quotes gold" in result.stderr and "'events'" in result.stderr


def test_version_option() -> None:
    from dateline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == __version__


def test_export_reads_while_a_writer_holds_the_store(tmp_path: Path) -> None:
    """Export opens the store read-only and waits for a writer (a run between batches) to let go."""
    import subprocess
    import sys
    import time

    db = tmp_path / "store.duckdb"
    assert runner.invoke(app, ["run", str(EXAMPLES / "talks.txt"), "--db", str(db)]).exit_code == 0
    hold = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
        "time.sleep(2); c.close()"
    )
    writer = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "held"
    started = time.monotonic()
    result = runner.invoke(app, ["export", "--db", str(db)])
    writer.wait()
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() and time.monotonic() - started > 0.5  # it waited for the writer


def test_export_of_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and result.stderr.startswith("error: [E020]")


def test_texts_piped_in_on_separate_runs_are_two_articles(tmp_path: Path) -> None:
    db = tmp_path / "piped.duckdb"
    for text in ("Police in Lima arrested a protest leader on Monday.", "Chile recalled its envoy to Peru."):
        result = runner.invoke(app, ["run", "-", "--db", str(db)], input=text)
        assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["run", "-", "--db", str(db)], input="Chile recalled its envoy to Peru.")
    assert json.loads(again.stdout.strip().splitlines()[-1])["skipped_already_stored"] == 1
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        ids = store.stored_ids()
    assert len(ids) == 2 and all(i.startswith("stdin:") for i in ids)


def test_progress_shows_on_a_terminal_and_records_still_go_to_the_file(tmp_path: Path) -> None:
    """With stderr a terminal (util-linux `script` provides one), the progress display is drawn on
    it, while the records redirected to a file all reach the file; in a pipe there is no display."""
    import shlex
    import shutil
    import subprocess
    import sys

    if shutil.which("script") is None:
        pytest.skip("util-linux `script` is needed to give the command a terminal")
    out, screen = tmp_path / "out.jsonl", tmp_path / "screen"
    command = (
        f"{shlex.quote(sys.executable)} -m dateline code {EXAMPLES / 'wire.jsonl'} --format jsonl > {out}"
    )
    subprocess.run(["script", "-qc", command, str(screen)], check=True, timeout=300, capture_output=True)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    drawn = screen.read_bytes().decode("utf-8", "replace")
    assert "loading the model" in drawn or "coding" in drawn
    assert '"id"' not in drawn  # no record leaked onto the terminal
    piped = subprocess.run(
        [sys.executable, "-m", "dateline", "code", str(EXAMPLES / "wire.jsonl"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert len(piped.stderr.splitlines()) == 1  # the summary alone: no progress in a pipe
    assert piped.stderr.startswith("dateline: 4 inputs, 4 coded, 0 failed")
