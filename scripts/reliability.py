"""How often an event of each confidence is right: the reliability table of the README.

usage: python scripts/reliability.py [GOLD] (default ../shared/gold/events.voa_full_dev.jsonl)

Codes each story of a `full` gold file (every event listed) and, for the emitted events that
are neither hypothetical nor negated, prints per confidence bin how many there are and the share
that match a listed event strictly (type, source and target), with the matching of the gold
README's reference scorer (``score.py`` beside the gold file, imported, not copied).
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def main() -> int:
    default = ROOT.parent / "shared" / "gold" / "events.voa_full_dev.jsonl"
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not gold_path.exists():
        print(f"no gold file at {gold_path}: give the path of a `full` gold file", file=sys.stderr)
        return 2
    sys.path.insert(0, str(gold_path.parent))
    import score  # the reference scorer beside the gold data

    from dateline import get_pipeline
    from dateline.records import RawDocument

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [RawDocument(id=str(g["id"]), text=g["text"], published=g.get("published")) for g in gold]
    outcomes: list[tuple[float, bool]] = []
    for story, record in zip(gold, get_pipeline().process_many(docs), strict=True):
        events = [asdict(e) for e in record.events if not e.hypothetical and not e.negated]
        outcomes.extend(_strict_matches(story, events, score))
    print(f"{'confidence':<12}{'events':>8}{'right':>8}{'share':>8}")
    for low, high in itertools.pairwise(BINS):
        inside = [right for conf, right in outcomes if low <= conf < high or (high == 1.0 and conf == 1.0)]
        share = f"{sum(inside) / len(inside):.2f}" if inside else "-"
        print(f"{low:.1f}-{high:.1f}{'':<5}{len(inside):>8}{sum(inside):>8}{share:>8}")
    return 0


def _strict_matches(
    story: dict[str, Any], events: list[dict[str, Any]], score: Any
) -> list[tuple[float, bool]]:
    """(confidence, strictly right) per event, one-to-one, highest confidence first."""
    text = story["text"]
    listed = [(text.find(ge["sentence"]), ge) for ge in story.get("events") or []]
    used: set[int] = set()
    out: list[tuple[float, bool]] = []
    for event in sorted(events, key=lambda e: (-e["confidence"], e["start"])):
        right = False
        for i, (start, ge) in enumerate(listed):
            if i in used or start < 0 or not start <= event["start"] < start + len(ge["sentence"]):
                continue
            if score.event_type(event) not in ge["plover"]:
                continue
            if not score.actor_ok([ge["source"]] if ge.get("source") else [], event.get("source")):
                continue
            if ge.get("target") and not score.actor_ok([ge["target"]], event.get("target")):
                continue
            used.add(i)
            right = True
            break
        out.append((event["confidence"], right))
    return out


if __name__ == "__main__":
    sys.exit(main())
