"""Places: toponyms resolved to coordinates, countries and first-level regions.

Fast tests use the gazetteer alone; the ones marked slow parse hand-written sentences with the
pipeline, and one runs the first GeoVirus records (../shared/gold) through it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import pytest

from dateline.actors import ActorDictionary
from dateline.geo import Geocoder
from dateline.geo.gazetteer import key
from dateline.records import ArticleRecord, Place


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = (
        math.sin(r(lat2 - lat1) / 2) ** 2
        + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def near(place: Place | None, lat: float, lon: float, within: float = 161) -> bool:
    assert place is not None and place.lat is not None and place.lon is not None
    return km(place.lat, place.lon, lat, lon) <= within


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    geo = Geocoder(ActorDictionary.load())
    geo.setup()
    return geo


# --- the gazetteer alone ---------------------------------------------------------------------


def test_setup_is_quick_and_idempotent() -> None:
    geo = Geocoder(ActorDictionary.load())
    started = time.process_time()
    geo.setup()
    assert time.process_time() - started < 6  # about 1.5 s of CPU; generous for busy CI machines
    gazetteer = geo.gazetteer
    geo.setup()
    assert geo.gazetteer is gazetteer


def test_every_dictionary_country_has_a_point(geocoder: Geocoder) -> None:
    assert geocoder.gazetteer is not None
    missing = [iso3 for iso3 in geocoder.dictionary.countries if geocoder.gazetteer.country(iso3) is None]
    assert missing == [] or set(missing) <= {"XKX"}, missing
    for entry in geocoder.gazetteer.countries.values():
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


def test_countries_resolve_to_their_representative_point(geocoder: Geocoder) -> None:
    turkey = geocoder.resolve("Turkey")
    assert turkey is not None and turkey.country == "TUR" and turkey.feature == "country"
    assert near(turkey, 39, 35)
    assert near(geocoder.resolve("United States"), 39.8, -98.5)
    for form in ("the U.S.", "US", "U.S.", "America"):
        place = geocoder.resolve(form)
        assert place is not None and place.country == "USA", form
    for form in ("UK", "Britain", "the United Kingdom"):
        place = geocoder.resolve(form)
        assert place is not None and place.country == "GBR", form


def test_demonyms_and_metonyms_are_not_places(geocoder: Geocoder) -> None:
    for word in ("Turkish", "Kenyans", "American", "Kremlin", "White House"):
        assert geocoder.resolve(word) is None, word


def test_cities_regions_and_continents(geocoder: Geocoder) -> None:
    nairobi = geocoder.resolve("Nairobi")
    assert nairobi is not None and nairobi.country == "KEN" and nairobi.feature == "city"
    assert nairobi.geonameid is not None and near(nairobi, -1.28, 36.82, 20)
    queensland = geocoder.resolve("Queensland")
    assert queensland is not None and queensland.feature == "admin1" and queensland.country == "AUS"
    assert queensland.admin1 == "Queensland"
    ontario = geocoder.resolve("Ontario", {"CAN"})
    assert ontario is not None and ontario.country == "CAN" and ontario.feature == "admin1"
    africa = geocoder.resolve("Africa")
    assert africa is not None and africa.feature == "continent" and near(africa, 7.19, 21.09)
    middle_east = geocoder.resolve("the Middle East")
    assert middle_east is not None and middle_east.feature == "region"


def test_first_level_region_of_a_city(geocoder: Geocoder) -> None:
    houston = geocoder.resolve("Houston")
    assert houston is not None and houston.country == "USA" and houston.admin1 == "Texas"


def test_subdivision_names_with_their_generic_word(geocoder: Geocoder) -> None:
    for name in ("Bulacan Province", "Akita Prefecture", "Anhui Province"):
        place = geocoder.resolve(name)
        assert place is not None and place.feature in ("admin1", "admin2"), name
    nsw = geocoder.resolve("NSW")
    assert nsw is not None and nsw.country == "AUS"


def test_focus_countries_choose_among_same_named_places(geocoder: Geocoder) -> None:
    paris = geocoder.resolve("Paris")
    assert paris is not None and paris.country == "FRA"
    springfield = geocoder.resolve("Springfield", {"USA"})
    assert springfield is not None and springfield.country == "USA"
    perth = geocoder.resolve("Perth", {"GBR"})
    assert perth is not None and perth.country == "GBR"
    assert (geocoder.resolve("Perth") or Place("", 0, 0)).country == "AUS"


def test_lookup_keys_fold_accents_and_saints() -> None:
    assert key("São Paulo") == "sao paulo"
    assert key("St. Louis") == key("Saint Louis")
    assert key("Kenya's") == "kenya"
    assert key("Port-au-Prince") == "port au prince"


# --- whole sentences through the pipeline ----------------------------------------------------


def places(record: ArticleRecord) -> dict[str, Place]:
    for p in record.places:
        assert record.text[p.start : p.end] == p.text  # offsets point into the text
    return {p.text: p for p in record.places}


@pytest.mark.slow
def test_sentence_places_with_offsets(code: Callable[..., ArticleRecord]) -> None:
    record = code(
        "Health workers in Nairobi said on Monday that Kenya's cholera outbreak had spread to "
        "three provinces, and that cases had also been reported in Uganda and Tanzania."
    )
    found = places(record)
    assert found["Nairobi"].country == "KEN" and found["Nairobi"].feature == "city"
    assert found["Kenya"].country == "KEN" and found["Kenya"].feature == "country"  # not "Kenya's"
    assert found["Uganda"].country == "UGA" and found["Tanzania"].country == "TZA"


@pytest.mark.slow
def test_demonyms_in_text_are_not_places(code: Callable[..., ArticleRecord]) -> None:
    record = code("Kenyan and Ugandan officials met Turkish diplomats to discuss the border.")
    assert [p.text for p in record.places] == []


@pytest.mark.slow
def test_town_state_pairs_and_article_context(code: Callable[..., ArticleRecord]) -> None:
    found = places(code("A tornado damaged dozens of homes in Paris, Texas, on Sunday night."))
    assert found["Paris"].country == "USA" and found["Paris"].admin1 == "Texas"
    assert found["Texas"].feature == "admin1"
    text = (
        "Police in Dallas and Houston were searching for the suspect. Officers said the man had "
        "driven from Paris the night before."
    )
    found = places(code(text))
    assert found["Paris"].country == "USA"
    found = places(code("Leaders gathered in Paris for the climate summit."))
    assert found["Paris"].country == "FRA"


@pytest.mark.slow
def test_us_state_or_country_by_context(code: Callable[..., ArticleRecord]) -> None:
    found = places(code("Storms cut power to thousands of homes in Alabama, Georgia and South Carolina."))
    assert found["Georgia"].country == "USA" and found["Georgia"].feature == "admin1"
    found = places(code("Russia and Georgia fought a brief war in 2008 over the region."))
    assert found["Georgia"].country == "GEO"


@pytest.mark.slow
def test_continents_and_country_forms(code: Callable[..., ArticleRecord]) -> None:
    found = places(code("Exports from the U.S. to Europe and Asia fell, while the UK imported more."))
    assert found["U.S."].country == "USA"
    assert found["UK"].country == "GBR"
    assert found["Europe"].feature == "continent" and found["Asia"].feature == "continent"
