"""Placing unplaced event sides from the one country their sentence names (hand-built records)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.coding.placement import ActorPlacement
from dateline.records import ActorRef, Event, Location, Place, Plover


def parsed(text: str) -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def actor(text: str, doc: Doc, code: str | None = None, country: str | None = None) -> ActorRef:
    start = doc.text.index(text)
    return ActorRef(text=text, start=start, end=start + len(text), code=code, country=country)


def event(sentence: int, source: ActorRef | None, target: ActorRef | None, root: str = "11") -> Event:
    return Event(
        id="e",
        sentence=sentence,
        start=0,
        end=1,
        trigger="x",
        source=source,
        target=target,
        cameo=root + "0",
        root=root,
        quad=0,
        goldstein=0.0,
        plover=Plover(None, None, []),
    )


def test_unplaced_side_takes_the_only_country_of_its_sentence() -> None:
    doc = parsed("Judge Ana Ruiz charged 12 Chilean officials. Peru and Chile met.")
    placed = ActorPlacement()(
        doc,
        [
            event(
                0,
                actor("Judge Ana Ruiz", doc, code="JUD"),
                actor("12 Chilean officials", doc, "CHLGOV", "CHL"),
            )
        ],
        [],
    )
    assert placed[0].source is not None
    assert (placed[0].source.country, placed[0].source.code) == ("CHL", "CHLJUD")


def test_places_count_as_the_sentence_country() -> None:
    doc = parsed("Opposition leaders postponed the rally in Baku.")
    baku = Place(text="Baku", start=doc.text.index("Baku"), end=doc.text.index("Baku") + 4, country="AZE")
    placed = ActorPlacement()(doc, [event(0, actor("Opposition leaders", doc, code="OPP"), None)], [baku])
    assert placed[0].source is not None and placed[0].source.country == "AZE"


def test_two_countries_leave_the_side_unplaced() -> None:
    doc = parsed("The envoy met officials from Chile and Peru.")
    sides = [
        event(0, actor("The envoy", doc, code="GOV"), actor("Chile", doc, "CHL", "CHL")),
        event(0, actor("The envoy", doc, code="GOV"), actor("Peru", doc, "PER", "PER")),
    ]
    placed = ActorPlacement()(doc, sides, [])
    assert all(e.source is not None and e.source.country is None for e in placed)


def test_international_codes_do_not_place_anyone() -> None:
    doc = parsed("The activist sent a petition to the United Nations.")
    placed = ActorPlacement()(
        doc, [event(0, actor("The activist", doc), actor("the United Nations", doc, "IGOUNO", "IGO"))], []
    )
    assert placed[0].source is not None and placed[0].source.country is None


def test_unattributed_violence_is_coded_to_unidentified_attackers_where_it_happened() -> None:
    doc = parsed("A car bomb outside Mosul wounded four soldiers.")
    at = doc.text.index("Mosul")
    mosul = Place(text="Mosul", start=at, end=at + 5, country="IRQ")
    bombing = event(0, None, actor("four soldiers", doc, code="MIL"), root="19")
    bombing.location = Location(name="Mosul", country="IRQ")
    placed = ActorPlacement()(doc, [bombing], [mosul])
    source = placed[0].source
    assert source is not None and (source.code, source.text, source.start) == ("IRQUAF", "Mosul", at)
    assert placed[0].target is not None and placed[0].target.country == "IRQ"


def test_other_sentences_do_not_count() -> None:
    doc = parsed("The minister resigned. Chile protested to Peru.")
    placed = ActorPlacement()(
        doc,
        [
            event(0, actor("The minister", doc, code="GOV"), None),
            event(1, actor("Chile", doc, "CHL", "CHL"), actor("Peru", doc, "PER", "PER")),
        ],
        [],
    )
    assert placed[0].source is not None and placed[0].source.country is None


def test_sentence_naming_no_country_is_set_in_the_article_country() -> None:
    doc = parsed("The minister resigned. Chile protested.")
    events = [
        event(0, actor("The minister", doc, code="GOV"), None),
        event(1, actor("Chile", doc, "CHL", "CHL"), None),
    ]
    placed = ActorPlacement()(doc, events, [])
    assert placed[0].source is not None and placed[0].source.code == "CHLGOV"  # the only country named


def test_dateline_sets_the_article_country() -> None:
    doc = parsed("Police arrested 30 protesters. Peru and Chile met.")
    events = [event(0, actor("Police", doc, code="COP"), actor("30 protesters", doc, code="OPP"), root="17")]
    placed = ActorPlacement()(doc, events, [], home="BOL")
    assert placed[0].source is not None and placed[0].source.code == "BOLCOP"
    assert placed[0].target is not None and placed[0].target.code == "BOLOPP"
    assert ActorPlacement()(doc, events, [], home="IGO")[0].source == events[0].source  # no country
