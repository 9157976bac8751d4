"""Coder rules written from how news reports events (our own sentences): reported obligations,
refusals, uncoded targets, actors placed by an "in" phrase, NGOs, object pronouns."""

from __future__ import annotations

import pytest

from conftest import summary

pytestmark = pytest.mark.slow


def test_reported_must_is_the_reporters_demand(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Turkey said on Monday that Greece must withdraw its troops from the islands.")
    demands = [e for e in record.events if e.root == "10"]
    assert demands and demands[0].source.country == "TUR" and demands[0].target.country == "GRC"
    assert demands[0].cameo == "1056"
    withdrawal = [e for e in record.events if e.root == "08"]
    assert withdrawal and all(e.hypothetical for e in withdrawal)


def test_reported_should_is_an_appeal(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Japan said China should release the detained fishermen.")
    assert any(
        e.root == "02" and e.source.country == "JPN" and e.target.country == "CHN" for e in record.events
    )


def test_will_not_lift_is_a_refusal(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Britain will not lift its sanctions on Iran, the foreign secretary said.")
    assert any(e.root == "12" and e.source.country == "GBR" for e in record.events), record.events


def test_role_placed_by_in_phrase(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Security forces in Guinea arrested dozens of opposition supporters on Friday.")
    (event,) = [e for e in record.events if e.root == "17"]
    assert event.source.country == "GIN"


def test_human_rights_group_is_an_ngo(code) -> None:  # type: ignore[no-untyped-def]
    record = code("A human rights group accused the Ethiopian army of killing civilians in Tigray.")
    accusation = next(e for e in record.events if e.root == "11")
    assert accusation.source.country == "NGO" and accusation.target.country == "ETH"


def test_target_without_a_code_keeps_its_text(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Rebels captured three towns in the north of the country on Sunday.")
    capture = next(e for e in record.events if e.cameo.startswith("19"))
    assert capture.target is not None and capture.target.code is None
    assert "three towns" in capture.target.text


def test_object_pronoun_is_not_the_subject(code) -> None:  # type: ignore[no-untyped-def]
    record = code("Rwanda recalled its envoy from Belgium on Saturday and accused it of meddling.")
    accusation = next(e for e in record.events if e.root == "11")
    assert summary(accusation)[0] == "RWA" and accusation.target.country == "BEL"
