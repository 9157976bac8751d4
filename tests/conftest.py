"""Shared fixtures: one pipeline per session (the spaCy model loads once), paths to ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.records import ArticleRecord, Event

#: The ``code`` fixture's type: text (and optional ``published``, ``title``) -> article record.
Coder = Callable[..., ArticleRecord]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared evaluation data beside the repo")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The default pipeline (md model), set up once for the whole session."""
    from dateline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def code(pipeline) -> Callable[..., ArticleRecord]:  # type: ignore[no-untyped-def]
    """Code a hand-written text: ``code("Russia attacked Ukraine.", published="2022-02-24")``."""
    from dateline.records import RawDocument

    def run(text: str, published: str | None = "2024-03-13", title: str | None = None) -> ArticleRecord:
        record = pipeline.process(
            RawDocument(id="test", text=text, title=title or "Test", published=published)
        )
        assert record.error is None, record.error
        return record

    return run


@pytest.fixture(scope="session")
def gold_run(pipeline):  # type: ignore[no-untyped-def]
    """``gold_run("quotes.polnear_dev.jsonl")``: the session pipeline's evaluation of a whole gold
    file, coded once per test session however many tests read it (skips when ../shared is absent)."""
    from dateline.evaluation import evaluate

    done: dict[str, Any] = {}

    def run(name: str) -> Any:
        if name not in done:
            path = shared_path("gold", name)
            done[name] = evaluate(name.split(".")[0], path, pipeline=pipeline)
        return done[name]

    return run


def summary(event: Event) -> tuple[str | None, str, str | None]:
    """(source code, CAMEO code, target code) of an event."""
    return (
        event.source.code if event.source else None,
        event.cameo,
        event.target.code if event.target else None,
    )


def show(events: list[Event]) -> str:
    """Events in one line, for assertion messages."""
    return "; ".join(
        f"{summary(e)} {e.trigger}" + (" hyp" if e.hypothetical else "") + (" neg" if e.negated else "")
        for e in events
    )


def top(record: ArticleRecord) -> Event:
    """The record's top event, as the gold sets score it: highest confidence, then earliest."""
    assert record.events, "no event"
    return max(record.events, key=lambda e: (e.confidence, -e.start))
