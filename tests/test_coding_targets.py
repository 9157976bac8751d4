"""Where the coder finds the other side of an act (hand-written sentences).

When the trigger's object names no actor, the target is the first actor its complements name,
in text order: "agreed to send aid to Moldova", "rejected an offer from Minsk". A named side beats
a bare role word ("use force against Japan"), and the source's own principal ("on behalf of") or
the source itself is never the target.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import summary
from dateline.records import ArticleRecord

pytestmark = pytest.mark.slow

Coder = Callable[..., ArticleRecord]


def show(record: ArticleRecord) -> str:
    return "; ".join(f"{summary(e)} {e.trigger}" for e in record.events)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # the actor sits inside the complement of an open clause
        ("Chile agreed to send emergency supplies to Bolivia after the floods.", "03", "CHL", "BOL"),
        ("Ghana has agreed to build a new water plant in Togo.", "03", "GHA", "TGO"),
        # ... inside the object noun phrase
        ("Sweden rejected a fresh proposal from Finland on fishing quotas.", "12", "SWE", "FIN"),
        ("Peru demanded an apology by Ecuador for the border incident.", "10", "PER", "ECU"),
        ("Vietnam criticised recent Chinese moves in the disputed waters.", "11", "VNM", "CHN"),
        # a named country beats a bare role word met first
        ("Syria threatened to use military force against Jordan.", "13", "SYR", "JOR"),
    ],
)
def test_target_found_in_complement(code: Coder, text: str, root: str, source: str, target: str) -> None:
    record = code(text)
    top = max(record.events, key=lambda e: e.confidence, default=None)
    assert top is not None, text
    assert (top.root, top.source and top.source.country, top.target and top.target.country) == (
        root,
        source,
        target,
    ), show(record)


def test_on_behalf_of_is_not_the_target(code: Coder) -> None:
    record = code("The envoy accepted the invitation on behalf of the Kenyan government.")
    assert all(e.target is None or e.target.country != "KEN" for e in record.events), show(record)


def test_reflexive_object_has_no_other_side(code: Coder) -> None:
    record = code("Ukraine said it would defend itself against any attack by foreign troops.")
    assert all(e.target is None for e in record.events if e.root == "03"), show(record)


def test_acted_on_object_is_an_uncoded_target(code: Coder) -> None:
    """ "boycotted the referendum": the thing acted on is the target when no actor is named."""
    record = code("The main opposition party boycotted the referendum on Sunday.")
    boycott = next(e for e in record.events if e.root == "14")
    assert boycott.target is not None and boycott.target.text == "the referendum", show(record)
    assert boycott.target.code is None


def test_former_states_are_coded_as_their_successors(code: Coder) -> None:
    """Archives (1980s wire copy) name states that no longer exist; they are coded as their
    successors so that series run on (data/actors/countries.tsv)."""
    record = code("The Soviet Union expelled two Yugoslav diplomats on Tuesday.", published="1987-05-12")
    assert any(
        e.source and e.source.country == "RUS" and e.target and e.target.country == "SRB"
        for e in record.events
    ), show(record)


def test_measured_acts_take_the_verbs_subject(code: Coder) -> None:
    record = code("Peru held a second round of talks with Chile on Monday.")
    assert any(
        e.root == "04" and e.source and e.source.country == "PER" and e.target and e.target.country == "CHL"
        for e in record.events
    ), show(record)


@pytest.mark.parametrize(
    ("text", "target"),
    [  # forces a side moves are not the other side: where they go (or serve) is
        ("Germany is sending 600 soldiers to Lithuania to bolster NATO's eastern flank.", "LTU"),
        ("Norway will send 150 soldiers to the UN stabilisation force in Mali.", "MLI"),
        ("Italy pledged 500 troops to a multinational force in Lebanon.", "LBN"),
    ],
)
def test_moved_forces_are_not_the_target(code: Coder, text: str, target: str) -> None:
    record = code(text)
    assert any(e.target is not None and e.target.country == target for e in record.events), show(record)


def test_surrender_to_the_police_keeps_the_police_as_target(code: Coder) -> None:
    record = code("Fourteen Boko Haram fighters surrendered to the police in Maiduguri on Friday.")
    assert any(e.target is not None and "COP" in e.target.sectors for e in record.events), show(record)
