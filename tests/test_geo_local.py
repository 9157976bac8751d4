"""Places in local news: small towns, counties inside longer names, "a Winnemucca man", story
datelines in capitals, party-home labels and the states an article names steering its towns.

Fast tests use the gazetteer and the resolver alone; the ones marked slow parse hand-written
sentences with the pipeline (the `code` fixture of conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.actors import ActorDictionary
from dateline.geo import Geocoder, Mention
from dateline.geo.local import party_home
from dateline.records import ArticleRecord, Place
from dateline.words import default_words


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    geo = Geocoder(ActorDictionary.load())
    geo.setup()
    return geo


def mention(geo: Geocoder, name: str, start: int) -> Mention:
    assert geo.resolver is not None
    candidates, capital = geo.resolver.candidates(name)
    assert candidates, name
    return Mention(name, start, start + len(name), "place", candidates, capital_of=capital)


# --- the gazetteer and the resolver alone ------------------------------------------------------


def test_small_towns_below_the_city_cut_are_known(geocoder: Geocoder) -> None:
    place = geocoder.resolve("Winnemucca")  # about 8,000 people
    assert place is not None and place.country == "USA" and place.admin1 == "Nevada"
    place = geocoder.resolve("Bar Harbor")
    assert place is not None and place.admin1 == "Maine"


def test_the_bigger_namesake_wins_without_context(geocoder: Geocoder) -> None:
    place = geocoder.resolve("Jacksonville")
    assert place is not None and place.admin1 == "Florida"


def test_a_state_named_anywhere_steers_a_town_into_it(geocoder: Geocoder) -> None:
    assert geocoder.resolver is not None
    text = "Jacksonville ... North Carolina"
    town, state = mention(geocoder, "Jacksonville", 0), mention(geocoder, "North Carolina", 16)
    geocoder.resolver.resolve([town, state], text)
    assert town.choice is not None and town.choice.admin1 == "NC"
    # the same town named twice is no evidence for itself
    again = [mention(geocoder, "Jacksonville", 0), mention(geocoder, "Jacksonville", 20)]
    geocoder.resolver.resolve(again, "Jacksonville ... ... Jacksonville")
    assert all(m.choice is not None and m.choice.admin1 == "FL" for m in again)


def test_a_town_placed_in_a_state_steers_its_neighbours(geocoder: Geocoder) -> None:
    assert geocoder.resolver is not None
    alone = mention(geocoder, "Belgrade", 0)
    geocoder.resolver.resolve([alone], "Belgrade")
    assert alone.choice is not None and alone.choice.country == "SRB"
    near, town = mention(geocoder, "Bozeman", 0), mention(geocoder, "Belgrade", 12)
    geocoder.resolver.resolve([near, town], "Bozeman ... Belgrade")
    assert town.choice is not None and town.choice.country == "USA" and town.choice.admin1 == "MT"


def test_party_home_labels() -> None:
    words = default_words()
    assert party_home("D-Ames", words) == 2
    assert party_home("R-New Hampshire", words) == 2
    assert party_home("X-Men", words) == 0
    assert party_home("D-day", words) == 0
    assert party_home("Ames", words) == 0


# --- whole sentences through the pipeline ------------------------------------------------------


def places(record: ArticleRecord) -> dict[str, Place]:
    for p in record.places:
        assert record.text[p.start : p.end] == p.text
    return {p.text: p for p in record.places}


@pytest.mark.slow
def test_counties_inside_names_of_offices(code: Callable[..., ArticleRecord]) -> None:
    text = (
        "Deputies from the Elko County Sheriff's Office searched the hills on Tuesday. The "
        "Humboldt County Fair Board met the same night."
    )
    found = places(code(text))
    assert found["Elko County"].feature == "admin2" and found["Elko County"].admin1 == "Nevada"
    assert found["Humboldt County"].feature == "admin2"


@pytest.mark.slow
def test_towns_before_local_nouns(code: Callable[..., ArticleRecord]) -> None:
    text = (
        "A Winnemucca man was arrested on Friday after a chase through three counties in "
        "northern Nevada. Winnemucca police said he had been driving a stolen pickup."
    )
    found = places(code(text))
    assert "Winnemucca" in found and found["Winnemucca"].admin1 == "Nevada"


@pytest.mark.slow
def test_dateline_in_capitals_opens_the_story(code: Callable[..., ArticleRecord]) -> None:
    text = (
        "School board delays vote. WINNEMUCCA -- The school board put off a vote on the new "
        "budget until next month, members said Monday."
    )
    found = places(code(text))
    assert "WINNEMUCCA" in found and found["WINNEMUCCA"].admin1 == "Nevada"


@pytest.mark.slow
def test_party_home_after_a_lawmaker(code: Callable[..., ArticleRecord]) -> None:
    text = "The bill passed after Sen. Maria Lopez, D-Ames, dropped her objection on Thursday."
    found = places(code(text))
    assert "Ames" in found and found["Ames"].admin1 == "Iowa"


@pytest.mark.slow
def test_institution_words_are_not_towns(code: Callable[..., ArticleRecord]) -> None:
    text = "The Superior Court judge told the Police Department to release the records."
    found = places(code(text))
    assert "Superior" not in found and "Police" not in found


def test_a_big_city_dateline_does_not_make_a_world_city_a_small_town(geocoder: Geocoder) -> None:
    """A "NEW YORK" dateline on a story about the UN: its Geneva is Switzerland's."""
    assert geocoder.resolver is not None
    city, world = mention(geocoder, "New York", 0), mention(geocoder, "Geneva", 40)
    geocoder.resolver.resolve([city, world], "New York ... Geneva")
    assert world.choice is not None and world.choice.country == "CHE"
    town, state = mention(geocoder, "Geneva", 0), mention(geocoder, "N.Y.", 8)
    geocoder.resolver.resolve([town, state], "Geneva, N.Y.")
    assert town.choice is not None and town.choice.country == "USA"
