"""Invariants of the shipped actor dictionary files (``data/actors/countries.tsv`` and
``data/actors/organisations.tsv``)."""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from dateline.resources import data_path, read_tsv, split_list

COUNTRY_COLUMNS = ["iso3", "name", "aliases", "adjectives", "capital", "metonyms"]
ORG_COLUMNS = ["code", "name", "aliases", "country", "sectors", "kind"]

# Codes outside ISO 3166-1 that the file adds on purpose.
EXTRA_COUNTRY_CODES = {"XKX"}  # Kosovo

# ISO 3166-1 entries that are not sovereign states (dependencies, territories, Antarctica).
DEPENDENT_TERRITORIES = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
    "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
    "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
    "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI", "VGB", "VIR",
    "WLF",
}  # fmt: skip

# Sovereign states with no adjective of their own: "Congolese" is listed under COD and
# "Dominican" under DOM, so that no adjective maps to two countries; the Holy See has none.
NO_OWN_ADJECTIVE = {"COG", "DMA", "VAT"}
# City-states whose capital is the state itself.
NO_SEPARATE_CAPITAL = {"SGP", "VAT"}

# Major countries that must be fully filled in, with the news name they must use.
MAJOR = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "CHN": "China",
    "FRA": "France", "DEU": "Germany", "IND": "India", "PAK": "Pakistan", "AFG": "Afghanistan",
    "IRN": "Iran", "IRQ": "Iraq", "SYR": "Syria", "ISR": "Israel", "PSE": "Palestine",
    "SAU": "Saudi Arabia", "ARE": "United Arab Emirates", "TUR": "Turkey", "EGY": "Egypt",
    "UKR": "Ukraine", "JPN": "Japan", "KOR": "South Korea", "PRK": "North Korea",
    "TWN": "Taiwan", "VNM": "Vietnam", "LAO": "Laos", "BOL": "Bolivia", "TZA": "Tanzania",
    "CZE": "Czech Republic", "CIV": "Ivory Coast", "NGA": "Nigeria", "ZAF": "South Africa",
    "BRA": "Brazil", "MEX": "Mexico", "YEM": "Yemen", "LBN": "Lebanon", "SDN": "Sudan",
    "MMR": "Myanmar", "VEN": "Venezuela", "QAT": "Qatar", "NLD": "Netherlands",
}  # fmt: skip

ALLOWED_INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"}
ALLOWED_KINDS = {"igo", "un", "ngo", "armed_group", "party", "company", "media", "government_body"}

# Strings that must never be surface forms: ordinary words or acronyms too ambiguous to match.
BANNED_SURFACE_FORMS = {"IS", "CAR", "PA", "CARE", "Amnesty", "Shell", "NRC", "CCTV", "IRA", "the"}

# Decisions the coder relies on: a surface form and the actor code it must resolve to.
EXPECTED_ORG_CODES = {
    "United Nations": "IGOUNO",
    "U.N.": "IGOUNO",
    "UNHCR": "IGOUNOREFHCR",
    "European Union": "IGOEUREEC",
    "EU": "IGOEUREEC",
    "NATO": "IGOWSTNAT",
    "Islamic State": "IMGMUSISI",
    "ISIS": "IMGMUSISI",
    "Daesh": "IMGMUSISI",
    "al-Qaeda": "IMGMUSALQ",
    "Taliban": "AFGREBTAL",
    "Hamas": "PSEREBHMS",
    "Hezbollah": "LBNREBHEZ",
    "Houthis": "YEMREBHTH",
    "Ansar Allah": "YEMREBHTH",
    "al-Shabaab": "SOMREBSHB",
    "Boko Haram": "NGAREBBKH",
    "PKK": "TURREBPKK",
    "Wagner Group": "RUSUAFWAG",
    "Rapid Support Forces": "SDNREBRSF",
    "Red Cross": "NGOHLHIRC",
    "Reuters": "GBRMEDRTR",
}


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read_tsv("actors/countries.tsv")


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return read_tsv("actors/organisations.tsv")


def _data_lines(relpath: str) -> list[str]:
    text = data_path(relpath).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _surface_forms(row: dict[str, str], *columns: str) -> list[str]:
    forms: list[str] = []
    for column in columns:
        forms.extend(split_list(row[column]))
    return forms


# ---------------------------------------------------------------- both files


@pytest.mark.parametrize(
    ("relpath", "columns"),
    [("actors/countries.tsv", COUNTRY_COLUMNS), ("actors/organisations.tsv", ORG_COLUMNS)],
)
def test_header_and_cell_shape(relpath: str, columns: list[str]) -> None:
    lines = _data_lines(relpath)
    assert lines[0].split("\t") == columns
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(columns), f"{relpath}: wrong number of cells in {line!r}"
        for cell in cells:
            assert cell == cell.strip(), f"{relpath}: stray whitespace in {cell!r}"
            if cell:
                items = cell.split("|")
                assert all(item and item == item.strip() for item in items), (
                    f"{relpath}: empty or padded item in {cell!r}"
                )
                assert len({i.casefold() for i in items}) == len(items), f"{relpath}: repeat in {cell!r}"


# ---------------------------------------------------------------- countries


def test_country_codes_unique_and_well_formed(countries: list[dict[str, str]]) -> None:
    codes = [row["iso3"] for row in countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)


def test_every_country_has_a_name(countries: list[dict[str, str]]) -> None:
    assert all(row["name"] for row in countries)


def test_countries_cover_iso_3166_exactly(countries: list[dict[str, str]]) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    codes = {row["iso3"] for row in countries}
    assert iso - codes == set(), "ISO 3166-1 codes missing from countries.tsv"
    assert codes - iso == EXTRA_COUNTRY_CODES


def test_dependent_territory_list_is_iso(countries: list[dict[str, str]]) -> None:
    codes = {row["iso3"] for row in countries}
    assert codes >= DEPENDENT_TERRITORIES
    sovereign = codes - DEPENDENT_TERRITORIES
    # 193 UN members, plus the Holy See, Palestine, Taiwan and Kosovo.
    assert len(sovereign) == 197


def test_sovereign_states_have_adjectives_and_capitals(countries: list[dict[str, str]]) -> None:
    for row in countries:
        if row["iso3"] in DEPENDENT_TERRITORIES:
            continue
        if row["iso3"] not in NO_OWN_ADJECTIVE:
            assert split_list(row["adjectives"]), f"{row['iso3']} has no adjective"
        if row["iso3"] not in NO_SEPARATE_CAPITAL:
            assert split_list(row["capital"]), f"{row['iso3']} has no capital"


def test_major_countries(countries: list[dict[str, str]]) -> None:
    by_code = {row["iso3"]: row for row in countries}
    for code, name in MAJOR.items():
        row = by_code[code]
        assert row["name"] == name
        assert split_list(row["adjectives"]), code
        assert split_list(row["capital"]), code


def test_country_spot_checks(countries: list[dict[str, str]]) -> None:
    by_code = {row["iso3"]: row for row in countries}
    assert {"U.S.", "US", "USA", "America"} <= set(split_list(by_code["USA"]["aliases"]))
    assert {"White House", "Pentagon"} <= set(split_list(by_code["USA"]["metonyms"]))
    assert split_list(by_code["USA"]["capital"]) == ["Washington"]
    assert "Kremlin" in split_list(by_code["RUS"]["metonyms"])
    assert "Russian Federation" in split_list(by_code["RUS"]["aliases"])
    assert "Burma" in split_list(by_code["MMR"]["aliases"])
    assert "Britain" in split_list(by_code["GBR"]["aliases"])
    assert "Jerusalem" in split_list(by_code["ISR"]["capital"])
    assert "Tel Aviv" not in split_list(by_code["ISR"]["capital"])
    assert by_code["XKX"]["name"] == "Kosovo"


def test_no_surface_form_repeated_within_a_row(
    countries: list[dict[str, str]], organisations: list[dict[str, str]]
) -> None:
    for row in countries:
        forms = _surface_forms(row, "name", "aliases", "adjectives", "capital", "metonyms")
        assert len({f.casefold() for f in forms}) == len(forms), row["iso3"]
    for row in organisations:
        forms = _surface_forms(row, "name", "aliases")
        assert len({f.casefold() for f in forms}) == len(forms), row["code"]


def test_no_surface_form_shared_by_two_countries(countries: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for form in _surface_forms(row, "name", "aliases", "adjectives", "capital", "metonyms"):
            owners[form.casefold()].add(row["iso3"])
    shared = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert shared == {}


# ---------------------------------------------------------------- organisations


def test_org_codes_unique_and_well_formed(organisations: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in organisations]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"[A-Z0-9]{3,15}", code), code
        assert code[:3].isalpha(), code


def test_org_rows_complete(organisations: list[dict[str, str]]) -> None:
    for row in organisations:
        assert row["name"], row["code"]
        assert row["kind"] in ALLOWED_KINDS, row
        sectors = split_list(row["sectors"])
        assert sectors, row["code"]
        assert all(re.fullmatch(r"[A-Z]{3}", s) for s in sectors), row["code"]


def test_org_country_is_known(organisations: list[dict[str, str]], countries: list[dict[str, str]]) -> None:
    iso3 = {row["iso3"] for row in countries}
    for row in organisations:
        assert row["country"] in iso3 or row["country"] in ALLOWED_INTERNATIONAL, row
        assert row["code"].startswith(row["country"]), row


def test_org_kind_matches_code(organisations: list[dict[str, str]]) -> None:
    for row in organisations:
        if row["code"].startswith("IGOUNO"):
            assert row["kind"] == "un", row["code"]
        if row["kind"] in {"igo", "un"}:
            assert row["country"] == "IGO", row["code"]
        if row["kind"] == "company":
            assert row["country"] == "MNC", row["code"]
        if row["kind"] == "media":
            assert "MED" in split_list(row["sectors"]), row["code"]


def test_no_surface_form_shared_by_two_organisations(organisations: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in organisations:
        for form in _surface_forms(row, "name", "aliases"):
            owners[form.casefold()].add(row["code"])
    shared = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_org_names_do_not_clash_with_countries(
    organisations: list[dict[str, str]], countries: list[dict[str, str]]
) -> None:
    country_forms = {
        form.casefold()
        for row in countries
        for form in _surface_forms(row, "name", "aliases", "adjectives", "capital", "metonyms")
    }
    for row in organisations:
        for form in _surface_forms(row, "name", "aliases"):
            assert form.casefold() not in country_forms, (row["code"], form)


def test_no_banned_surface_forms(
    organisations: list[dict[str, str]], countries: list[dict[str, str]]
) -> None:
    forms = {f for row in organisations for f in _surface_forms(row, "name", "aliases")}
    forms |= {
        f
        for row in countries
        for f in _surface_forms(row, "name", "aliases", "adjectives", "capital", "metonyms")
    }
    assert forms & BANNED_SURFACE_FORMS == set()


def test_org_forms_have_no_leading_article(organisations: list[dict[str, str]]) -> None:
    for row in organisations:
        for form in _surface_forms(row, "name", "aliases"):
            assert not form.casefold().startswith("the "), (row["code"], form)


def test_expected_org_codes(organisations: list[dict[str, str]]) -> None:
    lookup = {form: row["code"] for row in organisations for form in _surface_forms(row, "name", "aliases")}
    for form, code in EXPECTED_ORG_CODES.items():
        assert lookup.get(form) == code, form


# ---------------------------------------------------------------- regions

REGION_COLUMNS = ["name", "aliases", "demonyms", "country", "use", "notes"]


@pytest.fixture(scope="module")
def regions() -> list[dict[str, str]]:
    return read_tsv("actors/regions.tsv")


def test_region_rows_well_formed(regions: list[dict[str, str]], countries: list[dict[str, str]]) -> None:
    lines = _data_lines("actors/regions.tsv")
    assert lines[0].split("\t") == REGION_COLUMNS
    iso3 = {row["iso3"] for row in countries}
    for row in regions:
        assert row["name"], row
        assert row["country"] == "-" or row["country"] in iso3, row
        assert row["use"] in {"any", "group"}, row


def test_region_forms_are_not_country_words_and_have_one_owner(
    regions: list[dict[str, str]], countries: list[dict[str, str]]
) -> None:
    country_forms = {
        form.casefold()
        for row in countries
        for form in _surface_forms(row, "name", "aliases", "adjectives", "capital", "metonyms")
    }
    owners: dict[str, set[str]] = defaultdict(set)
    for row in regions:
        for form in _surface_forms(row, "name", "aliases", "demonyms"):
            owners[form.casefold()].add(row["country"])
            if row["country"] != "-":
                assert form.casefold() not in country_forms, (row["name"], form)
    assert {form: codes for form, codes in owners.items() if len(codes) > 1} == {}


def test_region_spot_checks(regions: list[dict[str, str]]) -> None:
    by_form = {
        form: row["country"] for row in regions for form in _surface_forms(row, "name", "aliases", "demonyms")
    }
    assert by_form["Darfur"] == "SDN"
    assert by_form["Chechen"] == "RUS"
    assert by_form["Tibetan"] == "CHN"
    assert by_form["Punjab"] == "-"
