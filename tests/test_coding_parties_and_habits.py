"""Acts between parties and acts done on a day: a meeting, cooperation or aid has a party on the
other side, not a thing or a place; an act under an adverb of frequency is a habit, not an
event. Sentences written for the phenomena."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import show
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow

Code = Callable[..., ArticleRecord]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Latvia negotiated the tariff schedule in Brussels last week.", "negotiated"),
        ("The retired teacher worked with a cousin at the bakery.", "worked"),
    ],
)
def test_cooperation_with_a_thing_is_no_event(text: str, trigger: str, code: Code) -> None:
    events = code(text).events
    assert not [e for e in events if e.trigger == trigger], show(events)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Latvia negotiated with Estonia on the tariff schedule.", "negotiated", "EST"),
        ("The Malian army cooperated with Senegal on border patrols.", "cooperated", "SEN"),
    ],
)
def test_cooperation_with_a_party_stays(text: str, trigger: str, target: str, code: Code) -> None:
    events = [e for e in code(text).events if e.trigger == trigger]
    assert events and events[0].target is not None, show(events)
    assert (events[0].target.country or events[0].target.code) == target, show(events)


def test_a_party_no_dictionary_knows_stays(code: Code) -> None:
    events = code("Uruguay signed a cooperation agreement with Vextara Holdings on Monday.").events
    assert events, show(events)


@pytest.mark.parametrize(
    "text",
    [
        "Moldovan officials routinely criticise Tiraspol's customs posts.",
        "The two navies often hold drills near the Andaman Islands.",
        "Ghana's government usually rejects such reports.",
    ],
)
def test_a_habit_is_no_event(text: str, code: Code) -> None:
    events = code(text).events
    assert not [e for e in events if not e.hypothetical and not e.negated], show(events)


def test_an_act_done_again_is_an_event(code: Code) -> None:
    events = code("Moldova again criticised Russia's troops in Transnistria on Tuesday.").events
    assert [e for e in events if e.root == "11"], show(events)


def test_telling_people_from_things_leaves_the_model_unchanged(pipeline, code: Code) -> None:  # type: ignore[no-untyped-def]
    """The word vectors compared are copies: coding one text must not change how the next parses."""
    import hashlib

    import numpy

    table = pipeline.nlp.nlp.vocab.vectors.data
    before = hashlib.sha256(numpy.ascontiguousarray(table).tobytes()).hexdigest()
    code("Latvia negotiated the tariff schedule in Brussels. Peru gave grants to homeowners.")
    assert hashlib.sha256(numpy.ascontiguousarray(table).tobytes()).hexdigest() == before
