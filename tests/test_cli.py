"""The command line, end to end on the bundled examples (real model, real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dateline.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


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
    result = runner.invoke(app, ["code", str(EXAMPLES / "talks.txt")])
    assert result.exit_code == 0, result.output
    assert "CAMEO" in result.stdout
    result = runner.invoke(app, ["code", str(EXAMPLES / "talks.txt"), "--format", "json"])
    (record,) = json.loads(result.stdout)
    assert record["dateline"] == "NAIROBI"


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
    assert result.exit_code == 0
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
    event = json.loads(first.splitlines()[0])
    assert {"article_id", "id", "cameo", "source", "target", "plover", "goldstein"} <= set(event)


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
