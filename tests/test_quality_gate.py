"""The quality gate: dev-set scores must not fall below the floors in tests/quality/floors.json.

Skips with a reason when ../shared/gold is absent. Raising floors: scripts/update_floors.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality_sets import GATED, GOLD

pytestmark = pytest.mark.slow
FLOORS = json.loads((Path(__file__).parent / "quality" / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GATED))
def test_dev_scores_hold_their_floors(name: str, gold_run) -> None:  # type: ignore[no-untyped-def]
    if not (GOLD / f"{name}.jsonl").exists():
        pytest.skip(f"{GOLD / name}.jsonl is absent: the quality gate needs ../shared/gold beside the repo")
    floors = FLOORS["floors"].get(name)
    assert floors, f"no floors pinned for {name}: run scripts/update_floors.py"
    scores = {k: float(v) for k, v in gold_run(f"{name}.jsonl").scores.items()}
    epsilon = FLOORS["epsilon"]
    below = {m: (round(scores[m], 4), f) for m, f in floors.items() if scores[m] < f - epsilon}
    assert not below, f"{name}: scores below their floors (score, floor): {below}"


def test_every_gated_metric_has_a_floor() -> None:
    for name, metrics in GATED.items():
        assert set(metrics) <= set(FLOORS["floors"].get(name, {})), name
