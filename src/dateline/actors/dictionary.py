"""The actor dictionary: countries, organisations, people with terms of office, role words.

Loaded from the reviewed TSV files in ``dateline/data/actors/``. Look-ups are by lowercased phrase.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from ..resources import read_layered, split_list
from ..words import Words, default_words
from .people import Office, PeopleIndex, choose
from .regions import RegionIndex

INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})
#: Shortest country word tried with spelling tolerance, and the least similarity (0-100).
MIN_FUZZY_COUNTRY = 7
COUNTRY_CUTOFF = 92.0


@dataclass(frozen=True, slots=True)
class Country:
    """A country: ISO3 code, English name and the words that point to it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    """An international body, armed group, NGO, party or outlet with its CAMEO code."""

    code: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sectors: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Role:
    """A role or sector word ("foreign minister", "rebels") and its CAMEO role code."""

    phrase: str
    role: str
    sectors: tuple[str, ...]


@dataclass(slots=True)
class ActorDictionary:
    """All actor look-up tables, keyed by lowercased phrase."""

    countries: dict[str, Country] = field(default_factory=dict)
    country_words: dict[str, tuple[Country, str]] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, Role] = field(default_factory=dict)
    acronyms: dict[str, Country | Organisation] = field(default_factory=dict)
    person_aliases: dict[str, str] = field(default_factory=dict)
    people_index: PeopleIndex = field(default_factory=PeopleIndex)
    regions: RegionIndex = field(default_factory=RegionIndex)
    _country_buckets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: The word classes of the same data directories, for the stages that resolve actors and
    #: speech with this dictionary (the resolver, coreference, quotes, places, dates).
    words: Words = field(default_factory=default_words)

    @classmethod
    def load(
        cls, data_dirs: Sequence[str | Path] = (), shipped: bool = True, words: Words | None = None
    ) -> ActorDictionary:
        """Read the actor files: those in ``data_dirs`` (a user's, winning) and the shipped ones.

        ``shipped=False`` uses only the user's files (e.g. PETRARCH's toy dictionaries). The word
        classes, unless given, are ours with a user's ``words/*.toml`` over them (see `dateline.words`).
        """
        if words is None:
            words = Words.load(data_dirs) if data_dirs else default_words()
        book = cls(words=words)

        def rows(name: str) -> list[dict[str, str]]:
            return read_layered(f"actors/{name}", data_dirs, shipped)

        for row in rows("countries.tsv"):
            country = Country(
                iso3=row["iso3"],
                name=row["name"],
                aliases=tuple(split_list(row.get("aliases", ""))),
                adjectives=tuple(split_list(row.get("adjectives", ""))),
                capitals=tuple(split_list(row.get("capital", ""))),
                metonyms=tuple(split_list(row.get("metonyms", ""))),
            )
            book.countries.setdefault(country.iso3, country)
            for kind, written in (
                ("metonym", country.metonyms),
                ("capital", country.capitals),
                ("adjective", country.adjectives),
                ("name", (country.name, *country.aliases)),
            ):
                for word in written:
                    if _is_acronym(word):
                        book.acronyms.setdefault(word, country)
                    else:
                        book.country_words.setdefault(word.lower(), (country, kind))
        for word in book.country_words:
            if len(word) >= MIN_FUZZY_COUNTRY - 1:
                book._country_buckets[word[0]].append(word)
        for row in rows("organisations.tsv"):
            org = Organisation(
                code=row["code"],
                name=row["name"],
                aliases=tuple(split_list(row.get("aliases", ""))),
                country=row.get("country", ""),
                sectors=tuple(split_list(row.get("sectors", ""))),
                kind=row.get("kind", ""),
            )
            for word in (org.name, *org.aliases):
                if _is_acronym(word):
                    book.acronyms.setdefault(word, org)
                else:
                    book.organisations.setdefault(word.lower(), org)
        for row in rows("people.tsv"):
            office = Office(
                name=row["name"],
                country=row["country"],
                role=row.get("role", ""),
                title=row.get("title", ""),
                start=row.get("start", "") or "0000",
                end=row.get("end") or None,
            )
            names = {row["name"], *split_list(row.get("aliases", ""))}
            for word in names:
                book.people[word.lower()].append(office)
                book.person_aliases.setdefault(word, office.name)
            book.people_index.add(office, names)
        book.people_index.freeze()
        for row in rows("roles.tsv"):
            role = Role(row["phrase"].lower(), row["role"], tuple(split_list(row.get("sectors", ""))))
            for word in (role.phrase, *split_list(row.get("plural", ""))):
                book.roles.setdefault(word.lower(), role)
        if shipped:
            book.regions = RegionIndex.load(
                rows("regions.tsv"), set(book.country_words), set(book.people_index.by_key)
            )
        return book

    def person(self, name: str, day: str | None = None) -> Office | None:
        """The office a person held on ``day`` (else their latest), or None if unknown.

        Names match as written or in normal form ("Omar El Bashir" = "Omar al-Bashir"). A name
        several people share gives their office only if they agree on country and role.
        """
        offices = self.people.get(name.lower())
        if offices:
            return choose(offices, day)
        return self.people_index.exact(name, day)

    def titled_person(self, name: str, role: str, day: str | None = None) -> Office | None:
        """The office of the person a title names: "President Mitterand" (role GOV) -> Mitterrand.

        Tolerates small misspellings of the surname; see `PeopleIndex.titled`.
        """
        return self.people_index.titled(name, role, day)

    def tolerant_person(self, name: str, day: str | None = None) -> Office | None:
        """The office of a person whose full name is spelt almost as a known one."""
        return self.people_index.tolerant(name, day)

    def tolerant_country(self, word: str) -> tuple[Country, str] | None:
        """A country name or adjective spelt almost right ("Phillippines", "Afganistan"), or None.

        Only words of `MIN_FUZZY_COUNTRY` letters or more, within `COUNTRY_CUTOFF`, whose best
        match is a single country.
        """
        key = word.lower()
        if len(key) < MIN_FUZZY_COUNTRY or not key[:1].isalpha():
            return None
        bucket = self._country_buckets.get(key[0], [])
        found = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=COUNTRY_CUTOFF, limit=3)
        countries = {self.country_words[match][0].iso3 for match, _, _ in found}
        if len(countries) != 1:
            return None
        return self.country_words[found[0][0]]

    def region(self, phrase: str) -> str | None:
        """The country (ISO3) of a province, region or regional people ("Darfur", "Chechen")."""
        return self.regions.country(phrase)

    def country(self, word: str) -> tuple[Country, str] | None:
        """(country, how the word names it: name, adjective, capital or metonym) or None.

        Acronyms ("US", "UAE") match only in capitals, so the pronoun "us" is no country.
        """
        found = self.acronyms.get(word)
        if isinstance(found, Country):
            return found, "name"
        return self.country_words.get(word.lower())

    def organisation(self, phrase: str) -> Organisation | None:
        """The organisation named by ``phrase`` (an alias; acronyms only in capitals), or None."""
        found = self.acronyms.get(phrase)
        if isinstance(found, Organisation):
            return found
        return self.organisations.get(phrase.lower())

    def role(self, phrase: str) -> Role | None:
        """The role named by ``phrase`` (singular or plural), or None."""
        return self.roles.get(phrase.lower())

    def all_organisations(self) -> list[Organisation]:
        """Every organisation once, in file order."""
        found = [*self.organisations.values(), *self.acronyms.values()]
        unique = {o.code: o for o in found if isinstance(o, Organisation)}
        return list(unique.values())

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns: organisations as ORG (armed groups as NORP-free ORG), people as PERSON."""
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for org in self.all_organisations():
            for alias in (org.name, *org.aliases):
                if len(alias) < 3 and not alias.isupper():
                    continue
                key = ("ORG", alias)
                if key not in seen:
                    seen.add(key)
                    patterns.append({"label": "ORG", "pattern": alias, "id": org.code})
        for alias, name in self.person_aliases.items():
            if " " in alias:  # bare surnames are left to the NER and coreference
                patterns.append({"label": "PERSON", "pattern": alias, "id": name})
        return patterns

    def describe(self, code: str) -> str | None:
        """A name for an actor code, from the tables: an organisation's name ("IGOUNO": "United
        Nations"), a country's ("PAK": "Pakistan"), or a country with the words of its role
        codes ("USAGOV": "United States government"); None for a code they do not explain."""
        code = code.strip().upper()
        for org in self.organisations.values():
            if org.code == code:
                return org.name
        country = self.countries.get(code[:3])
        if country is None:
            return None
        segments = [code[i : i + 3] for i in range(3, len(code), 3)]
        words = [self._role_word(segment) for segment in segments]
        if any(word is None for word in words):
            return None
        return " ".join([country.name, *(word for word in words if word)])

    def _role_word(self, code: str) -> str | None:
        """The first phrase the roles table lists for a role code ("GOV": "government")."""
        for role in self.roles.values():
            if role.role == code and not role.sectors:
                return role.phrase
        return None

    def sizes(self) -> dict[str, int]:
        """Entry counts, for `dateline info`."""
        return {
            "countries": len(self.countries),
            "organisations": len(self.all_organisations()),
            "people": len({o.name for offices in self.people.values() for o in offices}),
            "roles": len({r.phrase for r in self.roles.values()}),
        }


def _is_acronym(word: str) -> bool:
    """ "US", "U.S.", "UAE", "NATO": capitals that, lowercased, could be ordinary words."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in word
