"""A reaction to a thing someone made is aimed at its maker (`sides.author_of_the_object`):
named in the phrase or at an earlier mention in the story. Sentences written for the phenomenon."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import show
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the maker inside the phrase
        ("Ecuador rejected the decision by the Peruvian court on Monday.", "rejected", "PER"),
        # the maker at an earlier mention: the noun with its maker, or the verb of the act
        (
            "Norway's parliament adopted a budget on Friday. Opposition parties in Sweden condemned the budget.",
            "condemned",
            "NOR",
        ),
        ("Russia vetoed the draft on Tuesday. France criticised the veto on Wednesday.", "criticised", "RUS"),
    ],
)
def test_a_reaction_is_aimed_at_the_maker(
    text: str, trigger: str, target: str, code: Callable[..., ArticleRecord]
) -> None:
    events = [e for e in code(text).events if e.trigger == trigger]
    assert events and events[0].target is not None, show(code(text).events)
    assert (events[0].target.code or "").startswith(target), show(events)


def test_a_place_is_no_maker(code: Callable[..., ArticleRecord]) -> None:
    """ "Requests in Valletta" are made there, not by the city (its government may still be the
    target through other rules: a capital stands for its government)."""
    events = code("The embassy refused repeated requests in Valletta on Monday.").events
    steps = [s.rule for e in events for s in e.rules]
    assert "sides.author_of_the_object" not in steps, show(events)


def test_ones_own_thing_is_no_other_side(code: Callable[..., ArticleRecord]) -> None:
    events = code("Ghana announced a plan on Monday. Ghana withdrew the plan on Friday.").events
    assert all(not (e.source and e.target and e.source.code == e.target.code) for e in events), show(events)
