"""Disasters and accidents are not political violence (`filter.harm_without_perpetrator`).

Harm that nobody named did, told with a hazard or an accident and no weapon or attacker, gets no
ASSAULT, while an attack with an unnamed perpetrator keeps its event. Sentences written for the
phenomenon.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import show
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow

VIOLENCE = ("ASSAULT", "COERCE", "PROTEST")

DISASTERS = [
    "Floods hit northern Bangladesh on Sunday, killing at least 14 people.",
    "Three workers were hurt when a gas pipeline exploded near Kharkiv on Tuesday.",
    "A fire at a textile factory in Dhaka killed 11 workers on Monday.",
    "Twenty passengers were killed when their bus plunged into a gorge in Nepal.",
    # the accident is told in the sentence before the harm
    "A boiler exploded at a sugar mill in Cuba on Friday. Six people were injured.",
    "Heavy rains caused a landslide in the Colombian Andes, and eight villagers were killed.",
]

ATTACKS = [
    "A car bomb exploded outside a police station in Mogadishu, killing six people.",
    "Four soldiers were killed when their convoy struck a landmine in northern Mali.",
    "Rebels killed nine villagers near a collapsed bridge in eastern Congo.",
    "Gunmen set fire to a school in northern Nigeria and killed two guards.",
]


@pytest.mark.parametrize("text", DISASTERS)
def test_a_disaster_is_no_violence(text: str, code: Callable[..., ArticleRecord]) -> None:
    events = code(text).events
    assert not [e for e in events if e.plover.event in VIOLENCE], show(events)


@pytest.mark.parametrize("text", ATTACKS)
def test_an_attack_keeps_its_violence(text: str, code: Callable[..., ArticleRecord]) -> None:
    events = code(text).events
    assert [e for e in events if e.plover.event == "ASSAULT"], show(events)
