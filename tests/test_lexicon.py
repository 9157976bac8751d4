"""The verb lexicon and modality rules: invariants of the shipped data files."""

from __future__ import annotations

import pytest

from dateline.coding.lexicon import Lexicon, parse_pattern
from dateline.errors import DataFileError
from dateline.ontology import default_ontology


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_every_pattern_code_is_a_cameo_code(lexicon: Lexicon) -> None:
    ontology = default_ontology()
    for patterns in lexicon.by_trigger.values():
        for pattern in patterns:
            assert pattern.code in ontology, pattern.text


def test_all_twenty_roots_are_covered(lexicon: Lexicon) -> None:
    roots = {p.code[:2] for patterns in lexicon.by_trigger.values() for p in patterns}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_no_default_statement_code(lexicon: Lexicon) -> None:
    assert "say" not in lexicon.by_trigger
    assert not any(p.code == "010" for patterns in lexicon.by_trigger.values() for p in patterns)


def test_no_duplicate_patterns(lexicon: Lexicon) -> None:
    seen: dict[str, str] = {}
    for patterns in lexicon.by_trigger.values():
        for pattern in patterns:
            assert pattern.text not in seen, (
                f"{pattern.text!r} is listed for {seen.get(pattern.text)} and {pattern.code}"
            )
            seen[pattern.text] = pattern.code


def test_intent_and_threat_maps_point_to_their_roots(lexicon: Lexicon) -> None:
    ontology = default_ontology()
    for done, intent in lexicon.intent_codes.items():
        assert intent in ontology and intent.startswith("03"), done
    for done, threat in lexicon.threat_codes.items():
        assert threat in ontology and threat.startswith("13"), done
    assert lexicon.intent_code("042") == "036"
    assert lexicon.intent_code("0732") == "0333"
    assert lexicon.intent_code("051") == "032"
    assert lexicon.threat_code("163") == "1312"
    assert lexicon.threat_code("051") is None


def test_pattern_grammar() -> None:
    p = parse_pattern("040", "hold talk|negotiation with TARGET")
    assert (p.trigger, p.pos, p.target_prep, p.target_slot) == ("hold", None, "with", True)
    assert p.words == (frozenset({"talk", "negotiation"}),)
    q = parse_pattern("042", "visit:n to TARGET")
    assert (q.trigger, q.pos, q.target_prep) == ("visit", "n", "to")
    r = parse_pattern("112", "accuse TARGET of")
    assert (r.target_prep, r.target_slot, r.words) == (None, True, (frozenset({"of"}),))
    o = parse_pattern("0842", "return:v OBJECT to TARGET")
    assert (o.needs_object, o.words, o.target_prep, o.specificity) == (True, (), "to", 1)
    assert not p.needs_object
    with pytest.raises(DataFileError):
        parse_pattern("040", "TARGET meet")
    with pytest.raises(DataFileError):
        parse_pattern("040", "meet:x")
