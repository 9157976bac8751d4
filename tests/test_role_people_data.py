"""Invariants of the actor dictionary's role words (roles.tsv) and people in office (people.tsv)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date

import pytest

from dateline.resources import read_tsv, split_list

# CAMEO role codes a row's primary role may take.
ROLE_CODES = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "INS",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "REF",
        "LAB",
        "AGR",
        "HLH",
        "REL",
        "ELI",
        "LEG",
        "NGO",
        "IGO",
        "UAF",
        "HRI",
        "SEP",
        "ENV",
        "DEV",
        "RAD",
        "MOD",
    ]
)
# Extra codes allowed in the sectors column: role codes plus CAMEO religion codes.
SECTOR_CODES = ROLE_CODES | {"MUS", "CHR", "CTH", "PRO", "JEW", "HIN", "BUD", "SIK"}
# Codes in the country column that are not ISO 3166 countries.
NON_ISO_COUNTRIES = frozenset({"UNO", "EUR", "NAT", "IGO", "IMG", "XKX"})

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE3 = re.compile(r"^[A-Z]{3}$")


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return read_tsv("actors/roles.tsv")


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    return read_tsv("actors/people.tsv")


def _valid_date(text: str) -> bool:
    if not ISO_DATE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _covers(row: dict[str, str], when: str) -> bool:
    """Whether the row's term includes the ISO date ``when`` (string comparison of ISO prefixes)."""
    return row["start"] <= when and (not row["end"] or when <= row["end"])


# --- roles.tsv ---------------------------------------------------------------------------------


def test_roles_has_expected_columns_and_size(roles: list[dict[str, str]]) -> None:
    assert len(roles) >= 150
    assert set(roles[0]) == {"phrase", "role", "sectors", "plural", "notes"}


def test_role_phrases_unique_lowercase_and_clean(roles: list[dict[str, str]]) -> None:
    seen: set[str] = set()
    for row in roles:
        phrase = row["phrase"]
        assert phrase, row
        assert phrase == phrase.lower(), phrase
        assert phrase == " ".join(phrase.split()), f"stray whitespace in {phrase!r}"
        assert phrase not in seen, f"duplicate phrase {phrase!r}"
        seen.add(phrase)


def test_role_codes_are_known(roles: list[dict[str, str]]) -> None:
    for row in roles:
        assert CODE3.match(row["role"]), row
        assert row["role"] in ROLE_CODES, row
        for code in split_list(row["sectors"]):
            assert code in SECTOR_CODES, row


def test_role_plurals_are_lowercase_and_do_not_clash(roles: list[dict[str, str]]) -> None:
    by_phrase = {row["phrase"]: row for row in roles}
    plural_owner: dict[str, str] = {}
    for row in roles:
        for plural in split_list(row["plural"]):
            assert plural == plural.lower(), row
            assert plural != row["phrase"], row
            assert plural not in plural_owner, f"{plural!r} is the plural of two phrases"
            plural_owner[plural] = row["phrase"]
            other = by_phrase.get(plural)
            assert other is None or other["role"] == row["role"], (row, other)


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("foreign minister", "GOV"),
        ("government", "GOV"),
        ("army", "MIL"),
        ("troops", "MIL"),
        ("police", "COP"),
        ("rebel", "REB"),
        ("gunman", "UAF"),
        ("militant", "UAF"),
        ("protester", "OPP"),
        ("parliament", "LEG"),
        ("court", "JUD"),
        ("journalist", "MED"),
        ("refugee", "REF"),
        ("civilian", "CVL"),
    ],
)
def test_core_role_words(roles: list[dict[str, str]], phrase: str, role: str) -> None:
    by_phrase = {row["phrase"]: row for row in roles}
    assert by_phrase[phrase]["role"] == role


def test_plural_only_words_have_no_plural(roles: list[dict[str, str]]) -> None:
    by_phrase = {row["phrase"]: row for row in roles}
    for phrase in ("troops", "police"):
        assert by_phrase[phrase]["plural"] == ""
    assert "officials" in split_list(by_phrase["official"]["plural"])
    assert "gunmen" in split_list(by_phrase["gunman"]["plural"])


# --- people.tsv --------------------------------------------------------------------------------


def test_people_has_expected_columns_and_size(people: list[dict[str, str]]) -> None:
    assert len(people) >= 400
    assert set(people[0]) == {"name", "aliases", "country", "role", "title", "start", "end"}


def test_people_rows_well_formed(people: list[dict[str, str]]) -> None:
    for row in people:
        assert row["name"], row
        assert row["title"], row
        assert CODE3.match(row["country"]), row
        if row["role"]:
            assert row["role"] in ROLE_CODES, row
        else:
            # Only officials of international bodies go without a role code.
            assert row["country"] in {"UNO", "EUR", "NAT", "IGO"}, row
        assert _valid_date(row["start"]), row
        if row["end"]:
            assert _valid_date(row["end"]), row
            assert row["end"] >= row["start"], row


def test_people_countries_are_iso_or_known_cameo_codes(people: list[dict[str, str]]) -> None:
    pycountry = pytest.importorskip("pycountry")
    for row in people:
        code = row["country"]
        if code in NON_ISO_COUNTRIES:
            continue
        assert pycountry.countries.get(alpha_3=code) is not None, row


def test_no_duplicate_rows(people: list[dict[str, str]]) -> None:
    keys = [(r["name"], r["country"], r["title"], r["start"]) for r in people]
    assert len(keys) == len(set(keys))


def test_alias_not_shared_between_people(people: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in people:
        owners[row["name"].casefold()].add(row["name"])
        for alias in split_list(row["aliases"]):
            owners[alias.casefold()].add(row["name"])
    clashes = {form: names for form, names in owners.items() if len(names) > 1}
    assert not clashes, clashes


def test_same_office_terms_do_not_overlap(people: list[dict[str, str]]) -> None:
    """One person's consecutive terms in the same office must not overlap."""
    terms: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in people:
        terms[(row["name"], row["country"], row["title"])].append((row["start"], row["end"]))
    for key, spans in terms.items():
        spans.sort()
        for (_, end), (next_start, _) in itertools.pairwise(spans):
            assert end and end <= next_start, (key, spans)


def _rows(people: list[dict[str, str]], name: str) -> list[dict[str, str]]:
    rows = [row for row in people if row["name"] == name]
    assert rows, f"{name} missing"
    return rows


def test_lavrov(people: list[dict[str, str]]) -> None:
    fm = [r for r in _rows(people, "Sergey Lavrov") if "Foreign" in r["title"]]
    assert len(fm) == 1
    row = fm[0]
    assert (row["country"], row["role"], row["start"], row["end"]) == ("RUS", "GOV", "2004-03-09", "")
    assert "Lavrov" in split_list(row["aliases"])


def test_khawaja_asif(people: list[dict[str, str]]) -> None:
    rows = _rows(people, "Khawaja Asif")
    fm = [r for r in rows if "Foreign" in r["title"] and _covers(r, "2018-02-21")]
    assert len(fm) == 1
    assert (fm[0]["country"], fm[0]["role"]) == ("PAK", "GOV")
    assert "Asif" in split_list(fm[0]["aliases"])
    assert fm[0]["start"] == "2017-08-04"
    assert fm[0]["end"] == "2018-04-26"
    defence = [r for r in rows if "Defence" in r["title"]]
    assert any(_covers(r, "2015-01-01") for r in defence)
    assert any(_covers(r, "2025-01-01") for r in defence)


@pytest.mark.parametrize(
    ("name", "country", "title", "when"),
    [
        ("Vladimir Putin", "RUS", "President", "2022-02-24"),
        ("Vladimir Putin", "RUS", "Prime Minister", "2010-01-01"),
        ("Barack Obama", "USA", "President", "2012-06-01"),
        ("Angela Merkel", "DEU", "Chancellor", "2015-09-01"),
        ("Narendra Modi", "IND", "Prime Minister", "2020-01-01"),
        ("Antonio Guterres", "UNO", "Secretary-General", "2020-01-01"),
    ],
)
def test_office_covers_date(
    people: list[dict[str, str]], name: str, country: str, title: str, when: str
) -> None:
    assert any(
        r["country"] == country and r["title"] == title and _covers(r, when) for r in _rows(people, name)
    )


def test_militant_leaders_use_armed_group_codes(people: list[dict[str, str]]) -> None:
    (baghdadi,) = _rows(people, "Abu Bakr al-Baghdadi")
    assert (baghdadi["country"], baghdadi["role"]) == ("IMG", "REB")
    (nasrallah,) = _rows(people, "Hassan Nasrallah")
    assert (nasrallah["country"], nasrallah["role"]) == ("LBN", "REB")


def test_common_surnames_are_not_bare_aliases(people: list[dict[str, str]]) -> None:
    common = set(
        [
            "khan",
            "kim",
            "lee",
            "singh",
            "ali",
            "wang",
            "li",
            "smith",
            "johnson",
            "lopez",
            "shah",
            "ahmed",
            "park",
            "rasmussen",
            "kabila",
            "hariri",
            "aoun",
            "salam",
            "aliyev",
            "clinton",
        ]
    )
    for row in people:
        for alias in split_list(row["aliases"]):
            assert alias.casefold() not in common, row


# Countries whose head of state or government news names often, in every period since 1980.
HEAD_COVERAGE = [
    "USA", "GBR", "FRA", "DEU", "ITA", "ESP", "RUS", "CHN", "JPN", "IND", "PAK", "IRN", "IRQ", "ISR",
    "EGY", "TUR", "SAU", "SYR", "NGA", "ZAF", "KEN", "ETH", "DZA", "ARG", "BRA", "MEX", "CHL",
    "PHL", "IDN", "KOR", "CAN", "AUS", "POL", "GRC", "ZWE", "AGO", "COD", "SDN",
]  # fmt: skip
HEAD_TITLES = re.compile(
    r"President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|General Secretary|"
    r"Head of State|Supreme Leader|Leader of the Revolution|Chairman|Taoiseach"
)


@pytest.mark.parametrize("when", ["1985-06-01", "1995-06-01", "2005-06-01", "2015-06-01", "2024-06-01"])
def test_heads_of_state_or_government_cover_the_period(people: list[dict[str, str]], when: str) -> None:
    covered = {
        row["country"]
        for row in people
        if row["role"] == "GOV" and HEAD_TITLES.search(row["title"]) and _covers(row, when)
    }
    assert set(HEAD_COVERAGE) - covered == set()


@pytest.mark.parametrize(
    ("name", "country", "when"),
    [
        ("Francois Mitterrand", "FRA", "1990-01-01"),
        ("Levy Mwanawasa", "ZMB", "2005-01-01"),
        ("Moody Awori", "KEN", "2005-01-01"),
        ("Jean-Bertrand Aristide", "HTI", "2002-01-01"),
        ("Juvenal Habyarimana", "RWA", "1990-01-01"),
        ("Jose Eduardo dos Santos", "AGO", "1995-01-01"),
        ("Askar Akayev", "KGZ", "2000-01-01"),
    ],
)
def test_leaders_since_1980(people: list[dict[str, str]], name: str, country: str, when: str) -> None:
    assert any(r["country"] == country and _covers(r, when) for r in _rows(people, name))
