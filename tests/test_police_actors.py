"""Police as actors (hand-written sentences): the words local news uses for police, and the bare
role words ("officers", "deputies") whose meaning depends on the story."""

from __future__ import annotations

import pytest

from conftest import Coder, show
from dateline.records import ArticleRecord, Event

pytestmark = pytest.mark.slow


def police_acts(record: ArticleRecord) -> list[Event]:
    """Assaults and coercion by a police actor."""
    return [
        e
        for e in record.events
        if e.plover.event in ("ASSAULT", "COERCE")
        and e.source is not None
        and "COP" in (e.source.sectors or [])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sheriff's deputies fatally shot a man who was armed with a knife, authorities said.",
        "An Ohio state trooper shot a driver after a high-speed chase on Interstate 71.",
        "Police said officers used a stun gun on the man during the arrest.",
        "Deputies tased the woman and took her into custody, the sheriff's office said.",
        "A suspect was shot dead by police in Chicago on Sunday.",
    ],
)
def test_police_force_has_a_police_source(code: Coder, text: str) -> None:
    record = code(text)
    assert police_acts(record), show(record.events)


def test_no_police_act_where_police_only_speak(code: Coder) -> None:
    record = code("Police said the man was killed when his car crashed into a tree.")
    assert not police_acts(record), show(record.events)


def test_bare_role_words_follow_the_story(code: Coder) -> None:
    police = code("Officers arrested three men after a brawl, Dallas police said.")
    assert police_acts(police), show(police.events)
    war = code("Egyptian officers brokered talks between rival armed groups in Benghazi.")
    assert all(e.source is None or "COP" not in e.source.sectors for e in war.events), show(war.events)
    duma = code("Russian Duma deputies voted to ratify the treaty with Belarus.")
    assert any(e.source is not None and e.source.code == "RUSLEG" for e in duma.events), show(duma.events)
    chief = code("Houthi fighters ambushed the deputy chief of a tribal militia.")
    assert all(e.target is None or "LEG" not in e.target.sectors for e in chief.events), show(chief.events)
