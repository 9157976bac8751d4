"""The export formats on hand-built rows: no model, no store."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dateline.errors import ConfigError
from dateline.exports import check, gdelt, icews, plover, tables
from dateline.exports.common import event_number, split_actor_code, timestamp
from dateline.exports.query import Filters, event_query, table_query


def row(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "article_id": "a1",
        "id": "e1",
        "sentence": 0,
        "start": 40,
        "end": 48,
        "trigger": "attacked",
        "source_text": "Pakistani troops",
        "source_start": 0,
        "source_end": 16,
        "source_code": "PAKMIL",
        "source_country": "PAK",
        "source_name": None,
        "source_sectors": ["MIL"],
        "target_text": "al-Shabaab",
        "target_start": 50,
        "target_end": 60,
        "target_code": "SOMREBSHB",
        "target_country": "SOM",
        "target_name": "al-Shabaab",
        "target_sectors": ["REB"],
        "cameo": "1951",
        "root": "19",
        "quad": 4,
        "goldstein": -10.0,
        "plover_event": "ASSAULT",
        "plover_mode": None,
        "plover_context": ["military"],
        "date": "2024-03-05",
        "date_precision": "day",
        "location_name": "Nairobi",
        "location_country": "KEN",
        "location_lat": -1.28333,
        "location_lon": 36.81667,
        "location_geonameid": 184745,
        "confidence": 0.75,
        "rules_rule": [],
        "url": "https://www.example.org/news/1",
        "published": "2024-03-06",
        "title": "Troops attack",
    }
    base.update(changes)
    return base


def cells(line: str) -> dict[str, str]:
    values = line.split("\t")
    assert len(values) == len(gdelt.EVENT_COLUMNS) == 61
    return dict(zip(gdelt.EVENT_COLUMNS, values, strict=True))


def test_gdelt_line_has_61_columns_in_codebook_order() -> None:
    out = cells(gdelt.event_line(row()))
    assert gdelt.EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert gdelt.EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert (
        gdelt.EVENT_COLUMNS.index("IsRootEvent") == 25 and gdelt.EVENT_COLUMNS.index("ActionGeo_Type") == 51
    )
    assert out["GLOBALEVENTID"] == str(event_number("e1")) and int(out["GLOBALEVENTID"]) < 2**63
    assert (out["SQLDATE"], out["MonthYear"], out["Year"]) == ("20240305", "202403", "2024")
    assert out["FractionDate"] == f"{2024 + (2 * 30 + 5) / 365:.4f}"
    assert (out["EventCode"], out["EventBaseCode"], out["EventRootCode"]) == ("1951", "195", "19")
    assert (out["QuadClass"], out["GoldsteinScale"]) == ("4", "-10")
    assert (out["NumMentions"], out["NumSources"], out["NumArticles"], out["AvgTone"]) == ("1", "1", "1", "")
    assert out["IsRootEvent"] == "1"
    assert out["SOURCEURL"] == "https://www.example.org/news/1"
    assert out["DATEADDED"] == "20240306000000"
    assert out["Actor1Geo_Type"] == "0" and out["Actor1Geo_FullName"] == ""


def test_gdelt_actor_codes_are_split_as_gdelt_does() -> None:
    out = cells(gdelt.event_line(row()))
    assert (out["Actor1Code"], out["Actor1CountryCode"], out["Actor1Type1Code"]) == ("PAKMIL", "PAK", "MIL")
    assert out["Actor1Name"] == "PAKISTANI TROOPS"
    assert out["Actor2CountryCode"] == "SOM" and out["Actor2KnownGroupCode"] == "SHB"
    assert out["Actor2Type1Code"] == "REB" and out["Actor2Name"] == "AL-SHABAAB"
    un = split_actor_code("IGOUNOGOVSEC")
    assert (un["country"], un["known_group"], un["type1"], un["type2"]) == ("", "UNO", "IGO", "GOV")
    assert split_actor_code("IMGMUSISI")["religion1"] == "MOS"
    assert split_actor_code(None)["country"] == ""


def test_gdelt_action_geo_uses_fips_and_geonames() -> None:
    out = cells(gdelt.event_line(row()))
    assert out["ActionGeo_Type"] == "4"  # a world city
    assert out["ActionGeo_CountryCode"] == "KE"  # FIPS 10-4, not ISO
    assert out["ActionGeo_ADM1Code"].startswith("KE")
    assert out["ActionGeo_FeatureID"] == "184745"
    assert out["ActionGeo_Lat"] == "-1.2833" and out["ActionGeo_FullName"].endswith("Kenya")
    us = cells(
        gdelt.event_line(row(location_name="Washington", location_country="USA", location_geonameid=4140963))
    )
    assert us["ActionGeo_Type"] == "3" and us["ActionGeo_ADM1Code"] == "USDC"
    country = cells(
        gdelt.event_line(row(location_name="Venezuela", location_country="VEN", location_geonameid=None))
    )
    assert (country["ActionGeo_Type"], country["ActionGeo_CountryCode"]) == ("1", "VE")
    state = cells(gdelt.event_line(row(location_feature="admin1", location_geonameid=None)))
    assert state["ActionGeo_Type"] == "5"
    nowhere = cells(gdelt.event_line(row(location_name=None, location_lat=None, location_lon=None)))
    assert nowhere["ActionGeo_Type"] == "0" and nowhere["ActionGeo_CountryCode"] == ""


def test_gdelt_takes_counts_and_dates_from_a_deduplicated_row() -> None:
    out = cells(
        gdelt.event_line(
            row(num_mentions=7, num_sources=3, num_articles=5, first_seen="2024-03-07T10:15:00", sentence=4)
        )
    )
    assert (out["NumMentions"], out["NumSources"], out["NumArticles"]) == ("7", "3", "5")
    assert out["DATEADDED"] == "20240307101500" and out["IsRootEvent"] == "0"
    month = cells(gdelt.event_line(row(date="2024-09", date_precision="month")))
    assert month["SQLDATE"] == "20240901"
    undated = cells(gdelt.event_line(row(date=None)))
    assert undated["SQLDATE"] == "20240306"  # the article's date


def test_gdelt_cells_hold_no_tabs_or_newlines() -> None:
    out = cells(gdelt.event_line(row(source_text="a\tb\nc", url=None)))
    assert out["Actor1Name"] == "A B C" and out["SOURCEURL"] == "a1"


def test_gdelt_mentions_have_the_codebook_columns() -> None:
    values = gdelt.mention_line(row(doc_len=900)).split("\t")
    assert len(values) == len(gdelt.MENTION_COLUMNS) == 16
    out = dict(zip(gdelt.MENTION_COLUMNS, values, strict=True))
    assert out["GLOBALEVENTID"] == str(event_number("e1"))
    assert out["MentionType"] == "1" and out["MentionSourceName"] == "example.org"
    assert out["MentionIdentifier"] == "https://www.example.org/news/1"
    assert (out["SentenceID"], out["Actor1CharOffset"], out["Actor2CharOffset"], out["ActionCharOffset"]) == (
        "1",
        "0",
        "50",
        "40",
    )
    assert out["Confidence"] == "75" and out["MentionDocLen"] == "900" and out["InRawText"] == "1"
    assert gdelt.mention_line(row(target_start=None)).split("\t")[8] == "-1"


def test_icews_header_and_20_columns() -> None:
    assert icews.header().split("\t")[0] == "Event ID" and len(icews.COLUMNS) == 20
    values = icews.line(row()).split("\t")
    assert len(values) == 20
    out = dict(zip(icews.COLUMNS, values, strict=True))
    assert out["Event Date"] == "2024-03-05" and out["CAMEO Code"] == "1951" and out["Intensity"] == "-10"
    assert out["Source Country"] == "Pakistan" and out["Target Name"] == "al-Shabaab"
    assert out["Source Sectors"] == "MIL" and out["Event Text"]
    assert out["Publisher"] == "example.org" and out["Sentence Number"] == "1"
    assert out["City"] == "Nairobi" and out["Country"] == "Kenya" and out["Latitude"] == "-1.2833"


def test_plover_record_has_polecat_keys() -> None:
    record = json.loads(tables.jsonl_line(plover.record(row(plover_mode="aerial"))))
    assert {
        "id",
        "event_type",
        "event_mode",
        "contexts",
        "event_text",
        "date",
        "pub_date",
        "story_id",
        "publisher",
        "headline",
        "attributes",
        "event_geolocation",
    } <= set(record)
    assert record["event_type"] == "ASSAULT" and record["event_mode"] == ["aerial"]
    assert record["contexts"] == ["military"]
    actor = record["attributes"]["ACTOR"][0]
    assert (actor["country"], actor["code_1"], actor["country_name"]) == ("PAK", "MIL", "Pakistan")
    assert record["attributes"]["RECIP"][0]["text"] == "al-Shabaab"
    geo = record["event_geolocation"]["geo"]
    assert (geo["country_code3"], geo["lat"], geo["geonameid"]) == ("KEN", -1.28333, "184745")
    bare = plover.record(row(target_code=None, target_text=None, location_name=None, location_lat=None))
    assert bare["attributes"]["RECIP"] == [] and bare["event_geolocation"]["geo"] is None


def test_csv_lines_join_lists_and_quote() -> None:
    lines = list(tables.csv_lines(["a", "b", "c"], [(["x", "y"], 'say "hi", ok', None)]))
    assert lines == ["a,b,c\n", 'x|y,"say ""hi"", ok",\n']


def test_timestamps() -> None:
    assert timestamp("2024-03-06") == "20240306000000"
    assert timestamp("2024-03-06T01:02:03+00:00") == "20240306010203"
    assert timestamp(None) == ""


@pytest.mark.parametrize(
    "kwargs",
    [
        {"since": "2024-13-01"},
        {"until": "yesterday"},
        {"since": "2024-01-01'; DROP TABLE events; --"},
        {"roots": ["1"]},
        {"roots": ["21"]},
        {"roots": ["19 OR 1=1"]},
        {"country": "PK"},
        {"country": "PAK' OR '1'='1"},
    ],
)
def test_bad_filter_values_are_config_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigError) as error:
        Filters.parse(**kwargs)
    assert str(error.value).startswith("[E012]") and "\n" not in str(error.value)


def test_filters_are_bound_parameters() -> None:
    filters = Filters.parse("2024-03-01", "2024-03-31", "pak", ["19", "04"])
    assert filters.country == "PAK" and filters.roots == ("19", "04")
    sql, params = event_query(filters)
    assert params == ["2024-03-01", "2024-03-31", "PAK", "19", "04"]
    assert "PAK" not in sql and "2024" not in sql
    sql, params = table_query("places", filters)
    assert params == ["2024-03-01", "2024-03-31", "PAK", "19", "04"] and "PAK" not in sql


@pytest.mark.parametrize(
    ("format", "table", "out"),
    [
        ("gdelt", "quotes", None),
        ("icews", "articles", None),
        ("parquet", "events", None),
        ("csv", "nope", None),
    ],
)
def test_format_and_table_mismatches_are_config_errors(format: str, table: str | None, out: Any) -> None:
    with pytest.raises(ConfigError):
        check(format, table, out)


def test_format_defaults() -> None:
    assert check("gdelt", None, None) == "events"
    assert check("gdelt-mentions", None, None) == "mentions"
    assert check("csv", "places", None) == "places"
    assert check("jsonl", None, None) == "events"
