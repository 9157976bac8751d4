"""The stage registry and the pipeline built from it: a list of named stages, each built complete
by ``from_config`` from the config and the resources they share."""

from __future__ import annotations

import dataclasses
import pickle
from typing import ClassVar, Self

import pytest

from dateline.errors import ConfigError, StageNotFound
from dateline.pipeline import DEFAULT_STAGES, Pipeline, PipelineConfig
from dateline.records import InputFailure, RawDocument
from dateline.registry import get_stage, stage_names
from dateline.stages import PARTS, ArticleState, SharedResources

ENGLISH = "Russia's foreign minister met his Pakistani counterpart in Moscow on Tuesday, officials said."
FRENCH = "Le président de la République a rencontré le Premier ministre à Paris hier soir pour discuter."


def test_the_default_pipelines_reproduce_each_coder() -> None:
    assert PipelineConfig().stage_names() == (
        "extract", "language", "length", "nlp",
        "actors", "quotes", "coding", "places", "locate", "dates", "placement", "complete",
    )  # fmt: skip
    petrarch = PipelineConfig(coder="petrarch").stage_names()
    assert (
        "petrarch" in petrarch
        and "coding" not in petrarch
        and "placement" not in petrarch
        and "complete" not in petrarch
    )
    assert PipelineConfig(coder="petrarch", stages=("extract",)).stage_names() == ("extract",)
    with pytest.raises(StageNotFound, match="no coder named 'tabari'; known: dateline, petrarch"):
        PipelineConfig(coder="tabari").stage_names()


def test_the_registry_lists_every_stage_and_every_stage_is_used() -> None:
    names = stage_names()
    assert set(names) == {name for stages in DEFAULT_STAGES.values() for name in stages}  # none dead
    for name in names:
        cls = get_stage(name)
        assert cls.name == name and callable(cls.from_config)
        assert cls.needs <= PARTS and cls.gives <= PARTS, name


def test_an_unknown_stage_names_the_known_ones_before_loading_anything() -> None:
    pipeline = Pipeline(PipelineConfig(stages=("extract", "nlp", "quotez")))
    with pytest.raises(
        StageNotFound, match="no stage named 'quotez'; known: actors, coding, complete, dates"
    ) as info:
        pipeline.setup()
    assert all(name in str(info.value) for name in stage_names())
    assert pipeline.shared.loaded() == [] and pipeline.nlp is None and pipeline.dictionary is None


def test_a_stage_before_what_it_needs_is_a_config_error() -> None:
    pipeline = Pipeline(PipelineConfig(stages=("extract", "quotes", "nlp", "actors")))
    with pytest.raises(
        ConfigError, match=r"'quotes' needs 'coref', 'doc' first .*'coref' is given by 'actors'"
    ):
        pipeline.setup()
    assert pipeline.shared.loaded() == []


def test_a_custom_pipeline_runs_only_its_stages() -> None:
    config = PipelineConfig(stages=("extract", "language", "length"), max_chars=200)
    pickle.loads(pickle.dumps(config))  # worker processes rebuild the pipeline from it
    pipeline = Pipeline(config)
    failure = InputFailure(id="bad", error=ConfigError("unreadable"))
    docs = [
        RawDocument(id="en", text=ENGLISH),
        RawDocument(id="fr", text=FRENCH),
        RawDocument(id="long", text=ENGLISH * 3),
        RawDocument(id="empty", text="  ", url="http://x"),
        failure,
    ]
    en, fr, long, empty, bad = pipeline.process_many(docs)
    assert en.error is None and en.text == ENGLISH and not en.events and not en.places
    assert fr.error is not None and "E007" in fr.error and fr.language == "fr" and fr.text
    assert long.error is not None and "E008" in long.error
    assert empty.error is not None and "E004" in empty.error and empty.url == "http://x"
    assert bad.error == str(failure.error)
    assert pipeline.shared.loaded() == []  # no stage asked for the model, dictionary or gazetteer
    assert pipeline.info()["stages"] == ["extract", "language", "length"]


@dataclasses.dataclass(slots=True)
class _Boom:
    """A stage that fails on articles that mention Moscow."""

    name: ClassVar[str] = "boom"
    needs: ClassVar[frozenset[str]] = frozenset({"article"})
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "booming"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        return cls()

    def __call__(self, state: ArticleState) -> None:
        if "Moscow" in state.article.text:
            raise RuntimeError("boom")


def test_a_stage_failing_on_one_article_costs_only_its_record(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline import registry

    monkeypatch.setitem(registry._STAGES, "boom", _Boom)
    pipeline = Pipeline(PipelineConfig(stages=("extract", "boom")))
    ok, failed = pipeline.process_many(
        [RawDocument(id="ok", text="A quiet day."), RawDocument(id="x", text=ENGLISH)]
    )
    assert ok.error is None
    assert failed.error is not None and "E009" in failed.error and "x: booming failed" in failed.error
    assert failed.text == ENGLISH  # the article is kept with the failure


def test_light_stages_are_built_complete() -> None:
    shared = SharedResources(PipelineConfig())
    for name in ("extract", "language", "length", "quotes", "dates", "placement", "complete"):
        stage = get_stage(name).from_config(PipelineConfig(), shared)
        assert all(getattr(stage, f.name) is not None for f in dataclasses.fields(stage)), name
    assert "nlp" not in shared.loaded() and "geocoder" not in shared.loaded()  # only what they use


@pytest.mark.slow
def test_every_stage_is_built_complete_on_one_set_of_resources(pipeline) -> None:  # type: ignore[no-untyped-def]
    shared = pipeline.shared
    config = PipelineConfig()
    stages = {name: get_stage(name).from_config(config, shared) for name in stage_names()}
    for name, stage in stages.items():
        assert all(getattr(stage, f.name) is not None for f in dataclasses.fields(stage)), name
    # loaded once for the whole pipeline: one dictionary, one model, one gazetteer
    assert stages["actors"].dictionary is shared.dictionary is stages["nlp"].nlp.dictionary
    assert stages["places"].geocoder is shared.geocoder is stages["locate"].geocoder
    assert stages["nlp"].nlp is shared.nlp is pipeline.nlp


@pytest.mark.slow
def test_a_pipeline_without_a_coder_finds_quotes_and_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    config = PipelineConfig(stages=("extract", "nlp", "actors", "quotes", "places"))
    ours = Pipeline(config, shared=pipeline.shared)
    text = 'MOSCOW - "We will not back down," Foreign Minister Sergey Lavrov told reporters in Moscow.'
    record = ours.process(RawDocument(id="q", text=text, published="2018-02-20"))
    assert record.error is None and not record.events
    assert record.quotes and record.places and record.dateline == "MOSCOW"
    assert ours.coder is None and ours.petrarch is None and ours.nlp is pipeline.nlp


@pytest.mark.slow
def test_analyse_runs_the_stages_after_the_parse(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.records import Article

    article = Article(id="a", text=ENGLISH, published="2018-02-20")
    record = pipeline.analyse(article, pipeline.nlp(ENGLISH))
    assert record.events and record.places
    assert [(e.cameo, e.start) for e in record.events] == [
        (e.cameo, e.start)
        for e in pipeline.process(RawDocument(id="a", text=ENGLISH, published="2018-02-20")).events
    ]
