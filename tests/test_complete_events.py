"""A story's events each have the actor that did them: an act whose source no rule found is not
emitted in a story, kept in a short text (a headline, one sentence of a dataset), and kept
everywhere on request (``--incomplete``)."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.pipeline import Pipeline, PipelineConfig
from dateline.records import RawDocument

pytestmark = pytest.mark.slow

#: An expulsion whose expeller the text never names.
SENTENCE = "The Kenyan ambassador was expelled on Sunday."
STORY = (
    "The rainy season began early this year. Farmers counted their losses on Monday. "
    f"{SENTENCE} Prices of grain rose sharply. Traders expect a slow recovery."
)


def _events(pipeline: Any, text: str) -> list[tuple[str, str | None]]:
    record = pipeline.process(RawDocument(id="t", text=text))
    return [(e.cameo, e.source.text if e.source else None) for e in record.events]


def test_a_short_text_keeps_an_act_whose_actor_it_does_not_name(pipeline: Any) -> None:
    assert _events(pipeline, SENTENCE) == [("161", None)]


def test_a_story_emits_no_act_without_its_actor(pipeline: Any) -> None:
    assert _events(pipeline, STORY) == []


def test_a_story_keeps_acts_whose_actor_is_named(pipeline: Any) -> None:
    story = STORY.replace(SENTENCE, "Uganda expelled the Kenyan ambassador on Sunday.")
    assert _events(pipeline, story) == [("161", "Uganda")]


def test_incomplete_events_on_request(pipeline: Any, tmp_path: Any) -> None:
    keep = Pipeline(PipelineConfig(incomplete_events=True), shared=pipeline.shared)
    assert _events(keep, STORY) == [("161", None)]
    drop = Pipeline(PipelineConfig(incomplete_events=False), shared=pipeline.shared)
    assert _events(drop, SENTENCE) == []
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    kept = runner.invoke(app, ["code", str(path), "--format", "jsonl", "--incomplete"])
    assert '"cameo": "161"' not in default.stdout and '"cameo": "161"' in kept.stdout


def test_min_confidence_keeps_the_surer_events(pipeline: Any, tmp_path: Any) -> None:
    text = "Uganda expelled the Kenyan ambassador on Sunday. Protesters may march on the embassy."
    everything = pipeline.process(RawDocument(id="t", text=text)).events
    assert len({e.confidence for e in everything}) > 1
    cut = sorted(e.confidence for e in everything)[-1]
    sure = Pipeline(PipelineConfig(min_confidence=cut), shared=pipeline.shared)
    kept = sure.process(RawDocument(id="t", text=text)).events
    assert kept and all(e.confidence >= cut for e in kept) and len(kept) < len(everything)
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(path), "--format", "jsonl", "--min-confidence", "1.5"])
    assert result.exit_code == 2  # out of range: a usage error


def _story(sentence: str) -> str:
    return STORY.replace(SENTENCE, sentence)


def test_a_story_emits_no_act_done_to_no_one(pipeline: Any) -> None:
    """An attack needs a victim and talks a partner; a protest may have no target."""
    assert _events(pipeline, _story("Ugandan troops attacked at dawn on Sunday.")) == []
    assert _events(pipeline, _story("The Ugandan foreign minister held talks on Sunday.")) == []
    assert [c for c, _ in _events(pipeline, _story("Ugandan officials protested on Sunday."))] == ["140"]
    keep = Pipeline(PipelineConfig(incomplete_events=True), shared=pipeline.shared)
    assert [c for c, _ in _events(keep, _story("Ugandan troops attacked at dawn on Sunday."))] == ["190"]
    assert [c for c, _ in _events(pipeline, "Ugandan troops attacked at dawn on Sunday.")] == ["190"]


def _codes(pipeline: Any, sentence: str) -> list[tuple[str, str | None, str | None]]:
    record = pipeline.process(RawDocument(id="t", text=_story(sentence)))
    return [(e.cameo, e.trigger, e.target.code if e.target else None) for e in record.events]


def test_a_background_act_needs_both_its_actors(pipeline: Any) -> None:
    """A sentence's main act is kept; an act it mentions as cause, manner or background (a
    participle, a relative clause) only with a known actor on both sides."""
    background = "Uganda expelled the Kenyan ambassador, who had criticised the new tax law."
    assert [c for c, *_ in _codes(pipeline, background)] == ["161"]
    keep = Pipeline(PipelineConfig(incomplete_events=True), shared=pipeline.shared)
    everything = [e.cameo for e in keep.process(RawDocument(id="t", text=_story(background))).events]
    assert everything == ["161", "110"]
    named = "Uganda expelled the Kenyan ambassador, who had criticised Tanzania over the new tax law."
    assert [c for c, *_ in _codes(pipeline, named)] == ["161", "110"]


def test_the_verbs_of_the_main_clause_are_all_main_acts(pipeline: Any) -> None:
    """ "Criticised the ruling and urged Kenya to ...": both verbs tell what the actor did."""
    codes = _codes(pipeline, "Uganda criticised the court ruling and urged Kenya to release the prisoners.")
    assert {c[:2] for c, *_ in codes} >= {"11", "02"}, codes
