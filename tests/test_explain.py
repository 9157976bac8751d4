"""`dateline explain`: the parse, how each actor was resolved, the patterns tried, and each
event with the lexicon pattern that coded it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dateline.cli import app
from dateline.explain import explain

pytestmark = pytest.mark.slow
SENTENCE = "Norway's foreign minister praised Kenya on Thursday for hosting the peace talks."


def test_every_event_names_its_pattern_and_the_pattern_shows_as_coded(pipeline: Any) -> None:
    result = explain(SENTENCE, published="2024-05-10", pipeline=pipeline)
    (event,) = [e for e in result.events if e.trigger == "praised"]
    assert event.pattern is not None and event.pattern.text.startswith(event.cameo)
    coded = [c for c in result.candidates if c.coded]
    assert [c.pattern.id for c in coded if c.word == "praised"] == [event.pattern.id]
    assert any(not c.matched for c in result.candidates)  # the patterns that did not fit are listed too
    minister = next(a for a in result.actors if a.text == "Norway's foreign minister")
    assert minister.code == "NORGOV" and "country NOR" in minister.how and "role GOV" in minister.how
    assert [t.text for t in result.tokens][:3] == ["Norway", "'s", "foreign"]


def test_a_pronoun_is_explained_by_its_coreference_link(pipeline: Any) -> None:
    text = "Kenya's president arrived in Oslo on Monday. He thanked Norway for its support."
    result = explain(text, published="2024-05-10", pipeline=pipeline)
    he = next(a for a in result.actors if a.text == "He")
    assert he.code == "KENGOV" and he.how.startswith("coreference")


def test_cli_text_and_json() -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["explain", SENTENCE, "--published", "2024-05-10"], env={"COLUMNS": "100"})
    assert table.exit_code == 0, table.output
    assert "patterns tried" in table.stdout and "pattern " in table.stdout and "NORGOV" in table.stdout
    data = json.loads(runner.invoke(app, ["explain", SENTENCE, "--format", "json"]).stdout)
    assert {"tokens", "actors", "candidates", "events"} <= set(data)
    assert all(e["pattern"]["id"] for e in data["events"])


def test_cli_event_of_a_file() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(EXAMPLES / "talks.txt"), "--event", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"]
    missing = runner.invoke(app, ["explain", str(EXAMPLES / "talks.txt"), "--event", "99"])
    assert missing.exit_code == 2 and "numbered from 0" in missing.stderr
