"""Coreference rules on sentences we write: pronouns, bare surnames, role descriptions, plural
references and first/second person inside quotes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(code, text: str, published: str = "2018-02-21"):  # type: ignore[no-untyped-def]
    return code(text, published=published).events


def test_he_is_the_last_named_person(code) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        code, "Sergey Lavrov arrived in Ankara on Monday. He praised Turkey for its role in the talks."
    )
    praise = next(e for e in events if e.root == "05")
    assert (
        praise.source.code == "RUSGOV"
        and praise.source.name == "Sergey Lavrov"
        and praise.source.text == "He"
    )


def test_she_prefers_the_subject(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. "
        "She criticised Russia over the poisoning."
    )
    criticism = next(e for e in _events(code, text, "2018-03-20") if e.root == "11")
    assert criticism.source.code == "DEUGOV"


def test_bare_surname_is_the_full_name(code) -> None:  # type: ignore[no-untyped-def]
    text = "Analyst Farida Osman said the talks had failed. Osman accused Egypt of stalling."
    accusation = next(e for e in _events(code, text) if e.root == "11")
    assert accusation.source.name == "Farida Osman"


def test_role_description_is_the_named_person(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pakistan's Foreign Minister Khawaja Asif visited Moscow. "
        "The Pakistani foreign minister thanked Russia for its support."
    )
    thanks = next(e for e in _events(code, text) if e.trigger == "thanked")
    assert thanks.source.name == "Khawaja Asif" and thanks.source.code == "PAKGOV"


def test_ministry_is_not_the_minister(code) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan's Foreign Minister Khawaja Asif visited Moscow. The Pakistani foreign ministry praised Russia."
    praise = next(e for e in _events(code, text) if e.root == "05")
    assert praise.source.code == "PAKGOV" and praise.source.name is None


def test_the_two_sides_are_the_last_meeting(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Shinzo Abe in Tokyo. "
        "The two sides agreed to expand defence cooperation."
    )
    agreements = [e for e in _events(code, text, "2018-10-29") if e.root == "03"]
    assert any({e.source.country, e.target.country} == {"IND", "JPN"} for e in agreements)


def test_they_after_a_conjoined_pair(code) -> None:  # type: ignore[no-untyped-def]
    text = "Sudan and Egypt signed a border accord on Sunday. They also pledged to cooperate on water."
    events = _events(code, text)
    assert any(e.sentence == 1 and {e.source.country, e.target.country} == {"SDN", "EGY"} for e in events)


def test_we_and_your_inside_a_quote(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japanese Foreign Minister Taro Kono met Philippine officials in Manila. "
        '"We will provide assistance to rebuild your country," he told the Philippine delegation.'
    )
    aid = next(e for e in _events(code, text) if e.root == "03")
    assert aid.source.country == "JPN" and aid.target.country == "PHL"


def test_object_pronoun_is_not_its_clause_subject(code) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya recalled its ambassador from Somalia. Kenya accused it of interfering."
    accusation = next(e for e in _events(code, text) if e.root == "11")
    assert accusation.target.country == "SOM"
