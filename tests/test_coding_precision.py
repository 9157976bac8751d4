"""Sentences that use conflict words for markets, nature and business are no events
(hand-written): force needs a known actor on one side, and nature is no actor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import summary
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow

Coder = Callable[..., ArticleRecord]
FORCEFUL = ("ASSAULT", "PROTEST", "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        "A sharp tightening of credit hit the copper market on Tuesday.",
        "The earthquake struck the coastal towns before dawn.",
        "Union leaders attacked the wage freeze as unfair.",
        "Heavy storms blocked the main roads into the capital.",
        "The retailer is locked in a takeover battle with a rival chain.",
    ],
)
def test_no_forceful_event_without_an_actor(code: Coder, text: str) -> None:
    events = code(text).events
    assert not [e for e in events if e.plover.event in FORCEFUL], [summary(e) for e in events]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Prisoners rioted at the central jail in Lusaka on Monday.", "14"),
        ("Doctors from two Swiss charities delivered medicine to Yemen.", "07"),
    ],
)
def test_unlisted_people_still_act(code: Coder, text: str, root: str) -> None:
    events = code(text).events
    assert any(e.root == root for e in events), [summary(e) for e in events]
