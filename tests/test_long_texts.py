"""Long texts: parsed in segments that join back into the text, coded as if parsed whole; past
the limit, a failure with its reason. `Pipeline.process` never raises on bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.nlp import segments
from dateline.records import RawDocument

STORY = (
    "Rebel fighters attacked an army post near Kidal on Tuesday, the defence ministry said.\n"
    "The government of Mali condemned the attack and sent reinforcements to the region.\n"
    "Algeria offered to mediate talks between the two sides, its foreign minister said.\n"
)


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=5, max_value=60))
def test_segments_join_back_and_respect_the_size(text: str, size: int) -> None:
    pieces = segments(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)


def test_segments_end_at_paragraphs_when_they_can() -> None:
    pieces = segments(STORY * 4, 300)
    assert all(piece.endswith("\n") for piece in pieces[:-1])


@pytest.mark.slow
def test_a_text_parsed_in_segments_is_coded_as_if_whole(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = STORY * 6
    doc = RawDocument(id="long", text=text, published="2024-03-13", verbatim=True)
    whole = pipeline.process(doc)
    saved = pipeline.nlp.segment_chars
    pipeline.nlp.segment_chars = 400
    try:
        split = pipeline.process(doc)
    finally:
        pipeline.nlp.segment_chars = saved
    assert split.error is None and whole.events
    assert [(e.start, e.cameo) for e in split.events] == [(e.start, e.cameo) for e in whole.events]


@pytest.mark.slow
def test_past_the_limit_a_text_is_a_failure_not_an_exception(pipeline) -> None:  # type: ignore[no-untyped-def]
    saved = pipeline.config.max_chars
    pipeline.config.max_chars = 1000
    try:
        record = pipeline.process(RawDocument(id="too-long", text=STORY * 20, verbatim=True))
    finally:
        pipeline.config.max_chars = saved
    assert record.error is not None and record.error.startswith("[E008]")
    assert record.id == "too-long" and record.events == []
