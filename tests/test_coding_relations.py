"""How acts in one sentence relate (hand-written sentences): a noun an act is done to, an outcome
and the attack that caused it, joint acts of two countries' forces, conditional threats, the
modality of noun acts, and what a reporting verb does not change."""

from __future__ import annotations

import pytest

from conftest import Coder, show, summary, top
from dateline.records import Event

pytestmark = pytest.mark.slow


def country(event: Event, side: str) -> str | None:
    actor = event.source if side == "source" else event.target
    return actor.country if actor is not None else None


@pytest.mark.parametrize(
    ("text", "root"),
    [  # CAMEO 190 is force between armed sides; 180 is violence against the unarmed
        ("Houthi fighters attacked a Saudi army outpost near Jizan.", "19"),
        ("Rebels ambushed a military convoy near Goma on Friday.", "19"),
        ("Gunmen attacked a bus carrying pilgrims near Quetta.", "18"),
    ],
)
def test_attacks_on_armed_forces_are_military_force(code: Coder, text: str, root: str) -> None:
    assert top(code(text)).root == root, show(code(text).events)


def test_noun_an_attack_is_done_to_is_no_act(code: Coder) -> None:
    record = code("Insurgents launched an attack on a naval patrol off the coast of Yemen.")
    assert not any(e.root == "15" for e in record.events), show(record.events)
    record = code("Students staged a protest against the visit of the Chinese premier.")
    assert not any(e.root == "04" for e in record.events), show(record.events)


def test_by_phrase_after_the_target_names_the_attacker(code: Coder) -> None:
    record = code("The army condemned an attack on a border post by Islamic State fighters.")
    attack = next(e for e in record.events if e.trigger == "attack")
    assert attack.source is not None and "Islamic State" in attack.source.text, show(record.events)


def test_killed_in_an_attack_by_is_one_event(code: Coder) -> None:
    record = code("Three Afghan soldiers were killed in an attack on their base by Taliban fighters.")
    violent = [e for e in record.events if e.root in ("18", "19", "20")]
    assert len(violent) == 1, show(record.events)
    assert violent[0].source is not None and "Taliban" in violent[0].source.text
    assert violent[0].target is not None and violent[0].target.country == "AFG"


@pytest.mark.parametrize(
    "text",
    [
        "Chinese and Russian warships began naval drills in the Sea of Japan on Monday.",
        "Indian and American troops held exercises near the Himalayan border.",
    ],
)
def test_exercises_of_two_countries_forces_are_joint(code: Coder, text: str) -> None:
    event = top(code(text))
    assert event.cameo == "062" and event.target is not None, show(code(text).events)
    assert country(event, "source") != country(event, "target")


def test_exercises_of_one_country_are_a_show_of_force(code: Coder) -> None:
    assert top(code("Pakistani troops held exercises near the border on Tuesday.")).root == "15"
    record = code("The mayor ordered night patrols by police and National Guard troops in Minneapolis.")
    assert not any(e.cameo == "062" for e in record.events), show(record.events)


@pytest.mark.parametrize(
    ("text", "root", "hypothetical"),
    [  # a threat is the actor's own word; a maybe reported by others stays a maybe
        ("Russia said it could cut gas supplies to Ukraine if Kyiv refuses to pay its debts.", "13", False),
        (
            "The United States said it would impose sanctions on Iran unless Tehran halted enrichment.",
            "13",
            False,
        ),
        (
            "If talks fail, Ethiopia could attack Eritrea in the coming weeks, analysts in Addis Ababa said.",
            "18",
            True,
        ),
    ],
)
def test_conditional_hostile_act_is_a_threat_only_from_its_actor(
    code: Coder, text: str, root: str, hypothetical: bool
) -> None:
    event = top(code(text))
    assert (event.root, event.hypothetical) == (root, hypothetical), show(code(text).events)


def test_noun_act_takes_the_modality_of_its_light_verb(code: Coder) -> None:
    record = code("Turkey may launch air strikes on Kurdish militants in northern Iraq.")
    strikes = [e for e in record.events if e.root in ("18", "19")]
    assert strikes and all(e.hypothetical for e in strikes), show(record.events)
    record = code("Diplomats from Japan and Korea will hold talks in Seoul next week.")
    assert any(e.cameo == "036" for e in record.events), show(record.events)


def test_reporting_verb_does_not_make_the_report_hypothetical(code: Coder) -> None:
    event = top(
        code("Kenya and Uganda signed a border security pact in Nairobi, the state broadcaster reported.")
    )
    assert event.root == "05" and not event.hypothetical, f"{summary(event)} hyp={event.hypothetical}"
    record = code("The opposition denied reports that it was arming the rebels in the north.")
    assert all(e.hypothetical or e.negated for e in record.events if e.trigger == "arming"), show(
        record.events
    )


def test_act_an_ultimatum_demands_is_not_done(code: Coder) -> None:
    record = code("Turkey issued an ultimatum to Syria to expel the Kurdish rebel leader within a week.")
    assert top(record).root == "13", show(record.events)
    assert all(e.hypothetical for e in record.events if e.trigger == "expel"), show(record.events)


def test_measure_noun_shows_what_it_counts(code: Coder) -> None:
    record = code("Police detained hundreds of protesters in the capital on Saturday.")
    assert top(record).cameo == "173", show(record.events)
    record = code("Israel will allow thousands of Palestinian refugees to return home.")
    assert any(e.cameo[:3] in ("034", "083") for e in record.events), show(record.events)


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [  # returning things to a state yields them (084); travelling back is no act
        ("Germany returned a looted bronze mask to Nigeria on Tuesday.", "0842", "NGA"),
        ("A stolen painting was returned by French police to the Polish government.", "0842", "POL"),
        ("The minister returned to Cairo on Sunday after talks in Paris.", None, None),
        ("The coup returned the country to military rule.", None, None),
    ],
)
def test_returning_something_to_a_state(
    code: Coder, text: str, cameo: str | None, target: str | None
) -> None:
    events = [e for e in code(text).events if e.trigger.startswith("return")]
    if cameo is None:
        assert not events, show(events)
    else:
        assert [(e.cameo, country(e, "target")) for e in events] == [(cameo, target)], show(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [  # taking ground by fighting is combat (190); an occupation reported without it is 192
        ("Government troops recaptured the town of Kidal after heavy fighting with Tuareg rebels.", "190"),
        ("Chinese troops occupied a disputed island in the South China Sea on Monday.", "192"),
    ],
)
def test_territory_taken_by_fighting_is_combat(code: Coder, text: str, cameo: str) -> None:
    record = code(text)
    assert top(record).cameo == cameo, show(record.events)
