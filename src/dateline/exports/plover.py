"""PLOVER event records, one JSON object per line, in the shape POLECAT ships.

POLECAT (Harvard Dataverse, doi:10.7910/DVN/AJGVIT) is produced by the NGEC coder; the keys
follow NGEC's final event dictionaries (github.com/ahalterman/NGEC, ``NGEC/formatter.py``):
``id``, ``event_type``, ``event_mode`` (a list), ``contexts``, ``event_text``, ``date``,
``date_resolved``, ``date_raw``, ``pub_date``, ``story_id``, ``publisher``, ``headline``,
``attributes`` with ``ACTOR``/``RECIP``/``LOC`` lists (each actor: ``text``, ``wiki``,
``country``, ``country_name``, ``code_1``, ``code_2``, ``qa_start_char``, ``qa_end_char``) and
``event_geolocation`` (``{"reason", "geo"}``, ``geo`` with ``resolved_placename``,
``country_code3``, ``lat``, ``lon``, ``geonameid``, ``feature_code``, ``start_char``/``end_char``
where known). Deviations and additions:

- ``event_text`` is the evidence sentence when the row carries ``sentence_text``, else the
  trigger (the store keeps offsets, not sentences); ``date`` is the event's date (NGEC: the story
  date), ``date_resolved`` the same with the article's date as fallback, ``date_raw`` its
  precision (day, week, month, year).
- ``wiki`` is None (dateline links no Wikipedia pages); ``code_1``/``code_2`` are the first two
  sector codes (CAMEO role codes such as GOV, MIL, the PLOVER sector codes where they agree).
- ``event_type`` is None for the CAMEO 01x statements PLOVER does not code.
- Added: ``cameo``, ``goldstein``, ``quad``, ``confidence``, ``url``, ``num_mentions``,
  ``num_sources``, ``num_articles`` and ``version`` ("dateline").
"""

from __future__ import annotations

from typing import Any

from . import common
from .common import Row


def _actor(row: Row, side: str) -> list[dict[str, Any]]:
    if not (row.get(f"{side}_code") or row.get(f"{side}_text")):
        return []
    sectors = list(row.get(f"{side}_sectors") or [])
    country = row.get(f"{side}_country") or ""
    return [
        {
            "text": row.get(f"{side}_text") or row.get(f"{side}_name"),
            "name": common.actor_name(row, side),
            "wiki": None,
            "country": country,
            "country_name": common.country_name(country),
            "code_1": sectors[0] if sectors else "",
            "code_2": sectors[1] if len(sectors) > 1 else "",
            "actor_code": row.get(f"{side}_code"),
            "qa_start_char": row.get(f"{side}_start"),
            "qa_end_char": row.get(f"{side}_end"),
        }
    ]


def _geolocation(row: Row) -> dict[str, Any]:
    level = common.place_level(row)
    if level is None:
        return {"reason": "No location for the event", "geo": None}
    feature = {"country": "PCLI", "admin1": "ADM1", "city": "PPL"}[level]
    return {
        "reason": "The event's location as dateline resolved it",
        "geo": {
            "resolved_placename": row.get("location_name"),
            "country_code3": row.get("location_country"),
            "admin1_name": row.get("location_admin1") or "",
            "lat": row.get("location_lat"),
            "lon": row.get("location_lon"),
            "geonameid": None if row.get("location_geonameid") is None else str(row["location_geonameid"]),
            "feature_code": feature,
        },
    }


def record(row: Row) -> dict[str, Any]:
    """The POLECAT-shaped record of one event row."""
    event_date = row.get("date")
    resolved = common.iso_date(common.event_date(row)) or None
    location = row.get("location_name")
    return {
        "id": row["id"],
        "event_type": row.get("plover_event"),
        "event_mode": [row["plover_mode"]] if row.get("plover_mode") else [],
        "contexts": list(row.get("plover_context") or []),
        "event_text": row.get("sentence_text") or row.get("trigger"),
        "date": event_date,
        "date_resolved": resolved,
        "date_raw": row.get("date_precision")
        or ("<No date detected--using publication date>" if not event_date else None),
        "pub_date": row.get("published"),
        "story_id": row.get("article_id"),
        "publisher": common.domain(row.get("url")),
        "headline": row.get("title"),
        "attributes": {
            "ACTOR": _actor(row, "source"),
            "RECIP": _actor(row, "target"),
            "LOC": [{"text": location}] if location else [],
        },
        "event_geolocation": _geolocation(row),
        "cameo": row.get("cameo"),
        "goldstein": row.get("goldstein"),
        "quad": row.get("quad"),
        "confidence": row.get("confidence"),
        "url": row.get("url"),
        "num_mentions": int(row.get("num_mentions") or 1),
        "num_sources": int(row.get("num_sources") or 1),
        "num_articles": int(row.get("num_articles") or 1),
        "version": "dateline",
    }
