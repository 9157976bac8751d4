#!/usr/bin/env python3
"""Build ``src/dateline/serve/static/world.json``, the world outline of the web view's map.

Input: ``countries-110m.json`` of the npm package ``world-atlas`` (version 2.0.2: Natural Earth
4.1.0 Admin 0 countries at 1:110m as TopoJSON, ISC licence; Natural Earth is public domain; see
``src/dateline/serve/static/NOTICE.txt``). Fetch it with npm into a temporary folder, never into
the repo (no ``node_modules`` here)::

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_outline.py "$PWD/package/countries-110m.json"

(``npm install world-atlas@2.0.2`` in a temporary folder works as well: the file is then under
``node_modules/world-atlas/``.)

Output: ``{"source": ..., "countries": [{"id": "643", "iso3": "RUS", "name": "Russia", "rings":
[[lon, lat, lon, lat, ...], ...]}]}``: each country's rings (outer rings and holes alike; the map
fills them with the even-odd rule) as flat lists of longitude/latitude pairs in degrees, rounded
to 0.1 degree, repeated points dropped. ``id`` is the ISO 3166-1 numeric code ("" for the few
territories Natural Earth gives none), ``iso3`` its alpha-3 code (pycountry; Kosovo is ``XKX``
as in dateline's country table; "" where none is known).

Rings that cross the antimeridian are made continuous (longitudes past 180) and given once more
shifted by 360 degrees, so that a plain equirectangular map clipped to [-180, 180] draws both
halves without a stripe across the world; Antarctica's ring, which goes round the pole, is closed
along the bottom edge of the map instead.

Usage (from the repo root)::

    python scripts/build_world_outline.py TOPOJSON [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "dateline" / "serve" / "static" / "world.json"
SOURCE = "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)"
#: Territories that have no ISO numeric code in Natural Earth's data, by name.
ISO3_BY_NAME = {"Kosovo": "XKX"}

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs as lists of (lon, lat): delta-decoded and de-quantized."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arc indices (``~i``: arc ``i`` reversed), each shared point once."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def split_antimeridian(points: list[Point]) -> list[list[Point]]:
    """The ring as drawn on a map clipped to [-180, 180]: itself, or, where it crosses the
    antimeridian, its continuous form and that form shifted by 360 degrees (a ring round the
    pole, which crosses once, is closed along the map's bottom or top edge instead)."""
    jumps = [i for i in range(1, len(points)) if abs(points[i][0] - points[i - 1][0]) > 180]
    if not jumps:
        return [points]
    if len(jumps) % 2:  # round a pole: go along the edge of the map between the two sides
        i = jumps[0]
        (x0, y0), (x1, _) = points[i - 1], points[i]
        edge = -90.0 if y0 < 0 else 90.0
        return [[*points[:i], (x0, edge), (x1, edge), *points[i:]]]
    continuous: list[Point] = [points[0]]
    for x, y in points[1:]:
        previous = continuous[-1][0]
        while x - previous > 180:
            x -= 360
        while previous - x > 180:
            x += 360
        continuous.append((x, y))
    shift = -360.0 if max(x for x, _ in continuous) > 180 else 360.0
    return [continuous, [(x + shift, y) for x, y in continuous]]


def compact(points: list[Point]) -> list[float]:
    """Flat lon/lat list rounded to 0.1 degree, without repeated points."""
    flat: list[float] = []
    last: Point | None = None
    for x, y in points:
        point = (round(x, 1), round(y, 1))
        if point != last:
            flat.extend(point)
            last = point
    return flat


def iso3(numeric: str, name: str) -> str:
    import pycountry

    if not numeric:
        return ISO3_BY_NAME.get(name, "")
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else ""


def build(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(
            geometry["type"]
        )
        if not polygons:
            continue
        rings = []
        for polygon in polygons:
            for indices in polygon:
                for part in split_antimeridian(ring_points(indices, arcs)):
                    flat = compact(part)
                    if len(flat) >= 6:  # at least three points
                        rings.append(flat)
        numeric = str(geometry.get("id", ""))
        name = geometry.get("properties", {}).get("name", "")
        countries.append({"id": numeric, "iso3": iso3(numeric, name), "name": name, "rings": rings})
    return {"source": SOURCE, "countries": countries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json of the world-atlas package")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    world = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    text = json.dumps(world, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(world['countries'])} countries, {len(text):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
