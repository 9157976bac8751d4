"""Geoparsing against toponym gold (``places.*.jsonl``, e.g. GeoVirus).

A gold toponym is found by the first output place whose span overlaps it by half the shorter span;
it is right when that place lies within :data:`RIGHT_WITHIN_KM` of the gold point, or, for a gold
country (``country_iso3`` set), when the place's ``country`` is that country. Adjectival uses
("Turkish") are left out of the gold files themselves, so every gold toponym is scored; ``fcode``
is informative only. Headline = right / all gold toponyms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .matching import Json, distance_km, ratio, spans_overlap

#: The usual "accuracy at 161 km" (100 miles) threshold of geoparsing evaluations.
RIGHT_WITHIN_KM = 161.0


def find_place(predicted: Sequence[Json], start: int, end: int) -> Json | None:
    """The first output place whose span overlaps ``[start, end)`` by half, None when none does."""
    for place in predicted:
        p_start, p_end = place.get("start"), place.get("end")
        if p_start is not None and p_end is not None and spans_overlap(p_start, p_end, start, end):
            return place
    return None


def place_right(place: Json, toponym: Json) -> bool:
    """Whether a found place is right for a gold toponym (161 km, or the gold country's code)."""
    lat, lon = place.get("lat"), place.get("lon")
    near = (
        lat is not None
        and lon is not None
        and (distance_km(lat, lon, toponym["lat"], toponym["lon"]) <= RIGHT_WITHIN_KM)
    )
    gold_country = toponym.get("country_iso3")
    same_country = bool(gold_country) and str(place.get("country") or "").upper() == gold_country
    return near or same_country


@dataclass(frozen=True, slots=True)
class PlaceJudgement:
    """One gold toponym: the output place that found it (if any) and whether it is right."""

    record_id: str
    gold: Json
    place: Json | None
    right: bool


def judge_places(gold: Sequence[Json], predictions: Mapping[str, Json]) -> Iterator[PlaceJudgement]:
    """One judgement per gold toponym."""
    for record in gold:
        record_id = str(record["id"])
        predicted = list((predictions.get(record_id) or {}).get("places") or ())
        for toponym in record.get("toponyms") or ():
            place = find_place(predicted, toponym["start"], toponym["end"])
            yield PlaceJudgement(record_id, toponym, place, place is not None and place_right(place, toponym))


def score_places(gold: Sequence[Json], predictions: Mapping[str, Json]) -> dict[str, float | int]:
    """The places metrics of the gold README for ``predictions`` (article-record JSON by id)."""
    judged = list(judge_places(gold, predictions))
    found = sum(j.place is not None for j in judged)
    right = sum(j.right for j in judged)
    predicted = sum(len((predictions.get(str(r["id"])) or {}).get("places") or ()) for r in gold)
    return {
        "gold_toponyms": len(judged),
        "predicted_places": predicted,
        "recall": ratio(found, len(judged)),
        "acc161_of_found": ratio(right, found),
        "headline": ratio(right, len(judged)),
    }


def missed_places(gold: Sequence[Json], predictions: Mapping[str, Json], limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` gold toponyms that were not found or were placed wrong."""
    out: list[dict[str, Any]] = []
    for j in judge_places(gold, predictions):
        if len(out) >= limit:
            break
        if j.right:
            continue
        entry: dict[str, Any] = {
            "id": j.record_id,
            "name": j.gold.get("name"),
            "gold": [j.gold.get("lat"), j.gold.get("lon")],
            "wrong": "placed" if j.place else "not found",
        }
        if j.place is not None:
            entry["ours"] = {k: j.place.get(k) for k in ("text", "lat", "lon", "country")}
            if j.place.get("lat") is not None and j.place.get("lon") is not None:
                entry["km"] = round(
                    distance_km(j.place["lat"], j.place["lon"], j.gold["lat"], j.gold["lon"]), 1
                )
        out.append(entry)
    return out


__all__ = ["PlaceJudgement", "find_place", "judge_places", "missed_places", "place_right", "score_places"]
