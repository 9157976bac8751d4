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
        "Wildfires destroyed hundreds of homes in northern California.",
        "The Lakers beat the Celtics 112-104 in overtime on Sunday.",
        "Brazil crushed Argentina 3-0 in the World Cup qualifier.",
        "Fans invaded the pitch to celebrate the league title.",
        "The striker shot the ball past the goalkeeper in the 89th minute.",
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


@pytest.mark.parametrize(
    "text",
    [  # a game nearby does not make violence by officials or armed groups a sport
        "Police clashed with fans after the match in Istanbul.",
        "Rebels attacked a stadium during a league match in Mogadishu, killing ten people.",
    ],
)
def test_violence_around_a_game_is_still_violence(code: Coder, text: str) -> None:
    events = code(text).events
    assert [e for e in events if e.plover.event in FORCEFUL], [summary(e) for e in events]
