"""`dateline export` end to end on a store built from examples/: every format, the filters, and a
store left byte-identical."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dateline.cli import app
from dateline.exports import common, gdelt, icews

runner = CliRunner()
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "store.duckdb"
    result = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(db: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_every_format_leaves_the_store_byte_identical(db: Path, tmp_path: Path) -> None:
    before = digest(db)
    for fmt in ("jsonl", "csv", "gdelt", "gdelt-mentions", "plover", "icews"):
        assert export(db, "--format", fmt)
    export(db, "--format", "parquet", "--out", str(tmp_path / "events.parquet"))
    export(db, "--format", "csv", "--table", "places", "--country", "MLI")
    assert digest(db) == before


def test_gdelt_lines_have_61_columns_and_the_events(db: Path) -> None:
    events = export(db)
    lines = export(db, "--format", "gdelt")
    assert len(lines) == len(events) > 0
    rows = [dict(zip(gdelt.EVENT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert all(len(r["SQLDATE"]) == 8 and r["SQLDATE"].startswith("2024") for r in rows)
    assert {r["SOURCEURL"] for r in rows} >= {"https://example.org/wire/us-sanctions-venezuela"}
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    by_number = {str(common.event_number(json.loads(e)["event_id"])): json.loads(e) for e in events}
    for row in rows:  # each line is one deduplicated event, under its id, with its code and counts
        event = by_number[row["GLOBALEVENTID"]]
        assert row["EventCode"] == event["cameo"] and row["QuadClass"] == str(event["quad"])
        assert row["NumMentions"] == str(event["num_mentions"])
    assert any(r["Actor1Code"] == "IGOUNO" and r["Actor1Type1Code"] == "IGO" for r in rows)
    mentions = export(db, "--format", "gdelt-mentions")
    assert len(mentions) == len(export(db, "--table", "mentions"))
    assert all(len(m.split("\t")) == 16 for m in mentions)
    assert {m.split("\t")[0] for m in mentions} == {r["GLOBALEVENTID"] for r in rows}


def test_icews_and_plover(db: Path) -> None:
    lines = export(db, "--format", "icews")
    assert lines[0] == icews.header()
    assert all(len(line.split("\t")) == 20 for line in lines)
    records = [json.loads(line) for line in export(db, "--format", "plover")]
    assert len(records) == len(lines) - 1
    assert {"id", "event_type", "contexts", "attributes", "event_geolocation"} <= set(records[0])


def test_parquet_round_trips_with_the_jsonl_row_count(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for table in ("events", "mentions", "articles", "quotes", "places"):
        out = tmp_path / f"{table}.parquet"
        export(db, "--format", "parquet", "--table", table, "--out", str(out))
        jsonl = export(db, "--format", "jsonl", "--table", table)
        result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--table", table])
        csv_rows = list(csv.reader(io.StringIO(result.stdout)))  # article texts hold newlines
        assert pq.read_table(out).num_rows == len(jsonl) == len(csv_rows) - 1 > 0, table
        assert csv_rows[0] == pq.read_table(out).column_names


def test_out_writes_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(db, "--format", "gdelt", "--out", str(out)) == []
    assert out.read_text("utf-8").splitlines() == export(db, "--format", "gdelt")


def test_filters_narrow_the_events(db: Path) -> None:
    every = [json.loads(line) for line in export(db)]
    roots = [json.loads(line) for line in export(db, "--root", "19", "--root", "11")]
    assert roots and {e["root"] for e in roots} == {"19", "11"}
    assert len(roots) == sum(e["root"] in ("19", "11") for e in every)
    mali = [json.loads(line) for line in export(db, "--country", "mli")]
    assert mali and all(
        "MLI" in (e["source_country"], e["target_country"], e["location_country"]) for e in mali
    )
    day = export(db, "--format", "gdelt", "--since", "2024-03-05", "--until", "2024-03-05")
    assert day and {line.split("\t")[1] for line in day} == {"20240305"}
    assert export(db, "--since", "2030-01-01") == []
    places = export(db, "--format", "jsonl", "--table", "places", "--country", "KEN")
    assert places and all(json.loads(p)["country"] == "KEN" for p in places)
    articles = export(db, "--format", "jsonl", "--table", "articles", "--root", "19")
    assert [json.loads(a)["id"] for a in articles] == ["clashes.html"]


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "03/05/2024"],
        ["--root", "190"],
        ["--country", "Pakistan"],
        ["--format", "gdelt", "--table", "quotes"],
        ["--table", "users"],
        ["--format", "parquet"],
    ],
)
def test_bad_options_are_one_line_usage_errors(db: Path, args: list[str]) -> None:
    before = digest(db)
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [E012]") and result.stderr.count("\n") == 1
    assert result.stdout == "" and digest(db) == before
