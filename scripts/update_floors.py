"""Measure the dev-set scores and write them as the new quality floors (tests/quality/floors.json).

usage: python scripts/update_floors.py [--allow-lower --reason "why"] [--margin 0.005]

A floor only goes up unless --allow-lower is given with a reason, which is logged in the file.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from quality_sets import GATED, measure  # noqa: E402

FLOORS = ROOT / "tests" / "quality" / "floors.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow-lower", action="store_true")
    parser.add_argument("--reason", default="")
    parser.add_argument("--margin", type=float, default=0.005, help="kept below the measured score")
    args = parser.parse_args()
    if args.allow_lower and not args.reason:
        parser.error("--allow-lower needs --reason")
    old = (
        json.loads(FLOORS.read_text()) if FLOORS.exists() else {"epsilon": 0.01, "floors": {}, "lowered": []}
    )
    floors: dict[str, dict[str, float]] = old["floors"]
    lowered = []
    for name in GATED:
        scores = measure(name)
        for metric in GATED[name]:
            new = round(max(0.0, scores[metric] - args.margin), 3)
            previous = floors.get(name, {}).get(metric)
            if previous is not None and new < previous:
                if not args.allow_lower:
                    print(f"{name} {metric}: {scores[metric]:.3f} (floor {previous} kept: it only goes up)")
                    continue
                lowered.append(f"{name} {metric}: {previous} -> {new}")
            floors.setdefault(name, {})[metric] = (
                new if previous is None or args.allow_lower else max(new, previous)
            )
            print(f"{name} {metric}: {scores[metric]:.3f} -> floor {floors[name][metric]}")
    if lowered:
        old["lowered"].append(
            {"date": datetime.date.today().isoformat(), "reason": args.reason, "changes": lowered}
        )
    old["floors"] = floors
    FLOORS.write_text(json.dumps(old, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
