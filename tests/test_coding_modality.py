"""Modality rules of the coder (hand-written sentences): reported obligations, conditional
offers, announced sanctions, alleged acts, purpose clauses and adjective triggers."""

from __future__ import annotations

import pytest

from conftest import Coder, show, top

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [  # "must" demands (10); "should" and "needs to" appeal (02)
        ("Chile said on Monday that Peru must return the seized fishing boats.", "10", "CHL", "PER"),
        ("The Kenyan minister stressed that Uganda should reopen the border crossing.", "02", "KEN", "UGA"),
        ("Germany told Greek officials that Greece needs to cut its budget deficit.", "02", "DEU", "GRC"),
        ("Chile wants Argentina to withdraw its troops from the border.", "02", "CHL", "ARG"),
        ("Brazil sent a message to Asuncion that Paraguay must stop the smuggling.", "10", "BRA", "PRY"),
    ],
)
def test_reported_obligation_is_a_demand(code: Coder, text: str, root: str, source: str, target: str) -> None:
    events = code(text).events
    assert any(
        e.root == root and e.source and e.source.country == source and e.target and e.target.country == target
        for e in events
    ), show(events)


def test_obligation_to_refrain_is_a_demand_too(code: Coder) -> None:
    events = code("Chile said that Peru must not move troops to the border.").events
    assert any(e.root == "10" and e.target and e.target.country == "PER" for e in events), show(events)


def test_conditional_offer_stays_an_offer(code: Coder) -> None:
    record = code("Rebel leaders said they would meet the Kenyan mediator if he guaranteed their safety.")
    assert not any(e.root == "13" for e in record.events), show(record.events)
    assert any(e.root == "03" for e in record.events), show(record.events)


def test_conditional_attack_is_a_threat(code: Coder) -> None:
    record = code("Iran said it would attack Israel if its nuclear sites were bombed.")
    assert any(e.root == "13" for e in record.events), show(record.events)


def test_announced_sanction_is_the_sanction(code: Coder) -> None:
    record = code("Canada announced on Friday that it would suspend all military aid to Myanmar.")
    assert top(record).root == "16", show(record.events)


def test_alleged_act_is_hypothetical_and_the_denial_leads(code: Coder) -> None:
    record = code("Ghana denied charges by Togo that Accra is arming the rebels.")
    alleged = [e for e in record.events if e.root == "07" or e.trigger == "arming"]
    assert all(e.hypothetical for e in alleged), show(record.events)


def test_purpose_clause_shares_the_subject(code: Coder) -> None:
    record = code("France sent experts to Lebanon to investigate the explosion at the port.")
    probe = [e for e in record.events if e.root == "09"]
    assert probe and probe[0].source is not None and probe[0].source.country == "FRA", show(record.events)


def test_adjective_trigger_takes_the_clause_subject(code: Coder) -> None:
    record = code("The Syrian army is responsible for the killing of civilians in Aleppo.")
    assert any(e.source is not None and e.source.country == "SYR" for e in record.events), show(record.events)


def test_unless_makes_a_cooperative_act_a_threat(code: Coder) -> None:
    record = code("Kenya said it will withdraw its troops from Somalia unless the government pays them.")
    assert top(record).root == "13", show(record.events)


def test_plain_future_sanction_is_a_threat(code: Coder) -> None:
    """The codebook reads a future tense in the lead as not yet done: a threat to sanction."""
    record = code(
        "The United Nations will withdraw its inspectors from Iraq, the secretary-general announced."
    )
    assert top(record).root == "13", show(record.events)


def test_denied_act_is_hypothetical(code: Coder) -> None:
    record = code("Ghana denied that it had armed the rebels in Togo.")
    assert all(e.hypothetical for e in record.events if e.root in ("07", "08", "18", "19")), show(
        record.events
    )


def test_act_in_a_relative_clause_ranks_below_the_main_act(code: Coder) -> None:
    record = code(
        "Kenya agreed to reopen its border to the monitors, who watch a ceasefire between the two sides."
    )
    assert top(record).root == "03", show(record.events)


def test_committed_to_is_intent_but_committing_a_crime_is_the_crime(code: Coder) -> None:
    pledge = code("Ghana said Togo is committed to reopening the border crossing.")
    assert any(e.root == "03" for e in pledge.events), show(pledge.events)
    crime = code("Rebels committed atrocities against civilians in Kivu.")
    assert not any(e.root == "03" for e in crime.events), show(crime.events)


def test_act_named_by_a_noun_complement_is_not_done(code: Coder) -> None:
    record = code("Officials doubted Syria's readiness to withdraw its troops from Lebanon.")
    assert all(e.hypothetical for e in record.events if e.trigger == "withdraw"), show(record.events)


def test_preparing_to_attack_is_military_posture(code: Coder) -> None:
    """Readiness to use force is shown force (CAMEO 15), not a verbal threat (13)."""
    record = code("The Sudanese army prepared to attack rebel positions near Kadugli.")
    assert top(record).root == "15", show(record.events)


def test_warning_that_ones_own_side_will_act_is_a_threat(code: Coder) -> None:
    own = code("Kenya's interior minister warned that police will break up any further rallies.")
    assert any(e.root == "13" for e in own.events), show(own.events)
    other = code("Kenya's interior minister warned that Somalia will face famine next year.")
    assert not any(e.root == "13" for e in other.events), show(other.events)


def test_act_an_appeal_asks_for_is_not_done(code: Coder) -> None:
    record = code("The UN chief urged both sides to agree to an immediate ceasefire in Yemen.")
    assert top(record).root == "02", show(record.events)
    assert all(e.hypothetical for e in record.events if e.trigger == "agree"), show(record.events)
