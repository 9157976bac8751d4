"""Word senses and noun acts from context: a war of prices, an attack in words, the doer of
"a threat from X", the background after "amid". Sentences written for the phenomena."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import show
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow

Code = Callable[..., ArticleRecord]


@pytest.mark.parametrize(
    "text",
    [
        "A price war between Korean and Taiwanese chipmakers cut profits this year.",
        "The trade war between the two blocs dragged on through the summer.",
        "The family fought a long legal battle against the Peruvian ministry.",
    ],
)
def test_a_war_of_markets_or_courts_is_no_force(text: str, code: Code) -> None:
    events = code(text).events
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)


def test_a_war_between_states_is_force(code: Code) -> None:
    events = code("Eritrea waged a war against Ethiopia in 1998.").events
    assert [e for e in events if e.root == "19"], show(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan senator attacked the railway contract in a radio interview.",
        "Romania's prime minister attacked the opposition in a speech on Sunday.",
    ],
)
def test_an_attack_in_words_is_criticism(text: str, code: Code) -> None:
    events = code(text).events
    assert [e.cameo for e in events if e.trigger == "attacked"] == ["111"], show(events)


def test_an_armed_attack_stays_force(code: Code) -> None:
    events = code("Rebels attacked an army base in northern Chad on Sunday.").events
    assert [e for e in events if e.trigger == "attacked" and e.root in ("18", "19")], show(events)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("The threat from Belarus alarmed Lithuanian officials.", "threat", "BLR"),
        ("Officials in Fiji welcomed criticism from Australia of the logging deal.", "criticism", "AUS"),
    ],
)
def test_from_names_who_does_a_noun_act(text: str, trigger: str, source: str, code: Code) -> None:
    events = [e for e in code(text).events if e.trigger == trigger]
    assert events and events[0].source is not None, show(code(text).events)
    assert (events[0].source.code or "").startswith(source), show(events)


def test_from_a_place_one_leaves_is_no_doer(code: Code) -> None:
    events = code("The withdrawal of French troops from Mali ended on Monday.").events
    assert all(not (e.source and e.source.code == "MLI") for e in events), show(events)


def test_the_background_after_amid_is_no_event(code: Code) -> None:
    events = code("Amid growing pressure from Beijing, Tuvalu renewed its pact with Taipei on Monday.").events
    assert all(e.trigger != "pressure" for e in events), show(events)


def test_a_storm_and_what_it_moved_harm_no_one_on_purpose(code: Code) -> None:
    events = code("Falling branches injured nine people in Warsaw during a storm on Sunday.").events
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)


def test_violence_amid_which_an_act_happens_happens_too(code: Code) -> None:
    events = code("Two soldiers died amid clashes between Sudanese troops and rebels near Kadugli.").events
    assert [e for e in events if e.trigger == "clashes"], show(events)
