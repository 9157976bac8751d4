"""Quote attribution against article-level gold (``quotes.*.jsonl``, e.g. PolNeAR).

A gold attribution is found by the first output quote whose ``[start, end)`` overlaps its content
span by at least half of the shorter span (an output quote without offsets: by 70% of the words of
the shorter content). It is direct when a quotation mark opens it (within two characters of its
start). The speaker is right when the output speaker's name and text share half the words of the
gold speaker. Headline = direct recall x speaker accuracy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .matching import Json, ratio, shares_half, spans_overlap, word_overlap

#: Characters that open a direct quotation.
QUOTE_MARKS = '"“”'
#: Word overlap that matches an output quote given without offsets to a gold content.
CONTENT_OVERLAP = 0.7


def is_direct(text: str, start: int) -> bool:
    """Whether a content span starting at ``start`` is opened by a quotation mark."""
    window = text[max(start - 2, 0) : start + 2]
    return any(mark in window for mark in QUOTE_MARKS)


def speaker_words(speaker: Any) -> str:
    """The words an output speaker is matched by: its name and its text."""
    if isinstance(speaker, Mapping):
        return " ".join(str(v) for v in (speaker.get("name"), speaker.get("text")) if v)
    return str(speaker) if speaker else ""


def find_quote(predicted: Sequence[Json], start: int, end: int, content: str | None) -> int | None:
    """Index of the first output quote that finds the gold content span, None when none does."""
    for index, quote in enumerate(predicted):
        q_start, q_end = quote.get("start"), quote.get("end")
        if q_start is None or q_end is None:
            if word_overlap(quote.get("content"), content) >= CONTENT_OVERLAP:
                return index
            continue
        if spans_overlap(q_start, q_end, start, end):
            return index
    return None


@dataclass(frozen=True, slots=True)
class QuoteJudgement:
    """One gold attribution: whether it was found, and whether its speaker is right."""

    record_id: str
    gold: Json
    direct: bool
    match: int | None
    found_quote: Json | None
    speaker_ok: bool | None

    @property
    def found(self) -> bool:
        return self.match is not None


def judge_quotes(gold: Sequence[Json], predictions: Mapping[str, Json]) -> Iterator[QuoteJudgement]:
    """One judgement per gold attribution that has a content span."""
    for record in gold:
        record_id = str(record["id"])
        predicted = list((predictions.get(record_id) or {}).get("quotes") or ())
        text = str(record.get("text") or "")
        for quote in record.get("quotes") or ():
            start = quote.get("content_start")
            if start is None:
                continue
            match = find_quote(predicted, start, quote["content_end"], quote.get("content"))
            found = predicted[match] if match is not None else None
            gold_speaker = quote.get("speaker_name") or quote.get("speaker")
            speaker_ok = None
            if found is not None and gold_speaker:
                speaker_ok = shares_half(gold_speaker, speaker_words(found.get("speaker") or {}))
            yield QuoteJudgement(record_id, quote, is_direct(text, start), match, found, speaker_ok)


def score_quotes(gold: Sequence[Json], predictions: Mapping[str, Json]) -> dict[str, float | int]:
    """The quote metrics of the gold README for ``predictions`` (article-record JSON by id)."""
    judged = list(judge_quotes(gold, predictions))
    predicted = sum(len((predictions.get(str(r["id"])) or {}).get("quotes") or ()) for r in gold)
    matched = len({(j.record_id, j.match) for j in judged if j.match is not None})
    direct = [j for j in judged if j.direct]
    speakers = [j.speaker_ok for j in judged if j.speaker_ok is not None]
    direct_recall = ratio(sum(j.found for j in direct), len(direct))
    speaker_acc = ratio(sum(speakers), len(speakers))
    return {
        "gold_quotes": len(judged),
        "gold_direct": len(direct),
        "predicted_quotes": predicted,
        "recall": ratio(sum(j.found for j in judged), len(judged)),
        "direct_recall": direct_recall,
        "precision": ratio(matched, predicted),
        "speaker_acc": speaker_acc,
        "speaker_records": len(speakers),
        "headline": direct_recall * speaker_acc,
    }


def missed_quotes(gold: Sequence[Json], predictions: Mapping[str, Json], limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` direct gold quotes that were not found or got the wrong speaker."""
    out: list[dict[str, Any]] = []
    for j in judge_quotes(gold, predictions):
        if len(out) >= limit:
            break
        if not j.direct or j.speaker_ok is True or (j.found and j.speaker_ok is None):
            continue
        ours = j.found_quote or {}
        out.append(
            {
                "id": j.record_id,
                "content": j.gold.get("content"),
                "speaker": j.gold.get("speaker_name") or j.gold.get("speaker"),
                "wrong": "speaker" if j.found else "not found",
                "our_speaker": speaker_words(ours.get("speaker")) or None,
            }
        )
    return out


__all__ = ["QuoteJudgement", "find_quote", "is_direct", "judge_quotes", "missed_quotes", "score_quotes"]
