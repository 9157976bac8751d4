"""The dev sets the quality gate runs, and the metrics it pins (shared by the gate test and
scripts/update_floors.py)."""

from __future__ import annotations

from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"

#: gold file stem -> the metrics pinned by a floor
GATED: dict[str, tuple[str, ...]] = {
    "events.plover_gsr": ("plover_top_acc", "source_acc", "target_acc", "triple_acc"),
    "events.cameo_examples": ("cameo_top_acc",),
    "events.news_dev": ("plover_top_acc", "pentaclass_top_acc", "source_acc", "target_acc", "triple_acc"),
    "quotes.polnear_dev": ("headline", "recall"),
    "places.geovirus": ("headline",),
    "articles.aeb": ("f1",),
}


def task_of(name: str) -> str:
    """The evaluation task of a gold file stem ("events.news_dev" -> "events")."""
    return name.split(".")[0]


def measure(name: str, pipeline: object | None = None) -> dict[str, float]:
    """Scores of the pipeline on one dev set (the session pipeline when given)."""
    from dateline.evaluation import evaluate

    result = evaluate(task_of(name), GOLD / f"{name}.jsonl", pipeline=pipeline)  # type: ignore[arg-type]
    return {k: float(v) for k, v in result.scores.items()}
