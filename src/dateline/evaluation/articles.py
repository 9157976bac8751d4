"""Article extraction against gold bodies (``articles.*.jsonl``, e.g. the article-extraction benchmark).

Each page's output ``text`` and gold ``body`` are bags of lower-cased ``\\w+`` words; precision,
recall and F1 of the bags are computed per page and averaged over pages (a page with no output
scores 0). Headline = mean F1.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .matching import Json, ratio

_WORD = re.compile(r"\w+")


def bag_of_words(text: str | None) -> Counter[str]:
    """The multiset of lower-cased word tokens of ``text``."""
    return Counter(_WORD.findall((text or "").lower()))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Bag-of-words precision, recall and F1 of one page."""

    record_id: str
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def page_score(record_id: str, gold_body: str | None, text: str | None) -> PageScore:
    """Score one page's extracted ``text`` against its ``gold_body``."""
    gold, ours = bag_of_words(gold_body), bag_of_words(text)
    shared = sum((gold & ours).values())
    return PageScore(record_id, ratio(shared, sum(ours.values())), ratio(shared, sum(gold.values())))


def judge_articles(gold: Sequence[Json], predictions: Mapping[str, Json]) -> Iterator[PageScore]:
    """One score per gold page."""
    for record in gold:
        record_id = str(record["id"])
        text = (predictions.get(record_id) or {}).get("text")
        yield page_score(record_id, record.get("body"), text)


def score_articles(gold: Sequence[Json], predictions: Mapping[str, Json]) -> dict[str, float | int]:
    """The extraction metrics of the gold README for ``predictions`` (article-record JSON by id)."""
    pages = list(judge_articles(gold, predictions))
    n = len(pages)
    f1 = sum(p.f1 for p in pages) / max(n, 1)
    return {
        "pages": n,
        "precision": sum(p.precision for p in pages) / max(n, 1),
        "recall": sum(p.recall for p in pages) / max(n, 1),
        "f1": f1,
        "headline": f1,
    }


def missed_articles(
    gold: Sequence[Json], predictions: Mapping[str, Json], limit: int
) -> list[dict[str, Any]]:
    """The ``limit`` pages with the lowest F1, worst first."""
    urls = {str(r["id"]): r.get("url") for r in gold}
    worst = sorted(judge_articles(gold, predictions), key=lambda p: p.f1)[:limit]
    return [
        {
            "id": p.record_id,
            "url": urls.get(p.record_id),
            "precision": round(p.precision, 3),
            "recall": round(p.recall, 3),
            "f1": round(p.f1, 3),
        }
        for p in worst
    ]


__all__ = ["PageScore", "bag_of_words", "judge_articles", "missed_articles", "page_score", "score_articles"]
