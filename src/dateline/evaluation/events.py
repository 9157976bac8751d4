"""Event coding against sentence-level gold (``events.*.jsonl``).

A record's *top* event is its most confident one (ties: earliest ``start``). Its type is right when
its PLOVER type is one of the gold types, its CAMEO root is the gold root, or its root's pentaclass
is the gold pentaclass; whichever of these the gold has first (plover, cameo, pentaclass) is the
record's type. Source (target) is right when the top event's actor country equals a gold actor's
country, or, for a gold actor with text only, when the actor's text or name shares half the words
of the shorter of the two. The triple is right when type, source and target are right.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .matching import Json, pentaclass, ratio, shares_half

#: The gold type kinds, in the order that picks a record's primary kind.
TYPE_KINDS = ("plover", "cameo", "pentaclass")
#: Label of "no prediction" in confusion matrices.
NONE_LABEL = "-"
#: PLOVER types that count as a false alarm on a record marked ``no_political_violence``.
VIOLENT_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})


# --- reading predicted events (article-record JSON) --------------------------------------------


def plover_type(event: Json) -> str | None:
    """The PLOVER type of a predicted event (a ``{"event": ...}`` object or a bare string)."""
    value = event.get("plover")
    label = value.get("event") if isinstance(value, Mapping) else value
    return str(label) if label else None


def cameo_root(event: Json) -> str | None:
    """The two-digit CAMEO root of a predicted event (its ``root``, else the code's first two digits)."""
    code = str(event.get("cameo") or "")
    root = event.get("root")
    if not code and not root:
        return None
    return str(root or code[:2])


def actor_fields(actor: Any) -> tuple[str | None, str, str]:
    """``(country, text, name)`` of a predicted actor; the country falls back to the code's prefix."""
    if isinstance(actor, list):
        actor = actor[0] if actor else {}
    if not actor:
        return None, "", ""
    country = actor.get("country") or str(actor.get("code") or "")[:3] or None
    return country, str(actor.get("text") or ""), str(actor.get("name") or "")


def rank_events(events: Iterable[Json]) -> list[Json]:
    """Events from most to least confident; ties go to the earliest ``start``."""
    return sorted(events, key=lambda e: (-(e.get("confidence") or 0), e.get("start") or 0))


def top_event(events: Iterable[Json]) -> Json | None:
    """The top event of a record (see :func:`rank_events`), None when there is none."""
    ranked = rank_events(events)
    return ranked[0] if ranked else None


# --- gold --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One acceptable source or target: a country code, or else a text to match by words."""

    text: str | None = None
    country: str | None = None

    @classmethod
    def from_json(cls, data: Json) -> GoldActor:
        return cls(text=data.get("text") or None, country=data.get("country") or None)

    def matches(self, actor: Any) -> bool:
        """Whether a predicted actor is this one (by country when gold has one, else by words)."""
        country, text, name = actor_fields(actor)
        if self.country:
            return bool(country) and str(country).upper() == self.country.upper()
        return bool(self.text) and (shares_half(self.text, text) or shares_half(self.text, name))


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """The first gold event of a record: its acceptable types and actors."""

    kinds: tuple[str, ...]
    plover: tuple[str, ...] = ()
    cameo: str | None = None
    root: str | None = None
    pentaclass: int | None = None
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()

    @classmethod
    def from_json(cls, data: Json) -> GoldEvent:
        cameo = data.get("cameo")
        return cls(
            kinds=tuple(k for k in TYPE_KINDS if k in data),
            plover=tuple(data.get("plover") or ()),
            cameo=str(cameo) if cameo is not None else None,
            root=data.get("root") or (str(cameo)[:2] if cameo else None),
            pentaclass=data.get("pentaclass"),
            sources=tuple(GoldActor.from_json(a) for a in data.get("source") or ()),
            targets=tuple(GoldActor.from_json(a) for a in data.get("target") or ()),
        )

    @property
    def kind(self) -> str | None:
        """The primary type kind: the first of plover, cameo, pentaclass that the gold has."""
        return self.kinds[0] if self.kinds else None

    def type_right(self, event: Json | None, kind: str | None = None) -> bool:
        """Whether a predicted event has the gold type of ``kind`` (default: the primary kind)."""
        kind = kind or self.kind
        if event is None:
            return False
        if kind == "plover":
            return plover_type(event) in self.plover
        if kind == "cameo":
            return cameo_root(event) == self.root
        if kind == "pentaclass":
            return pentaclass(cameo_root(event)) == self.pentaclass
        return False


def actor_right(gold: Sequence[GoldActor], actor: Any) -> bool | None:
    """Whether a predicted actor matches any gold actor; None when gold names none (not scored)."""
    if not gold:
        return None
    return any(g.matches(actor) for g in gold)


# --- judging and scoring -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventJudgement:
    """What was right and wrong about one gold record's top event."""

    id: str
    text: str
    gold: GoldEvent
    gold_json: Json
    events: tuple[Json, ...]
    top: Json | None
    type_ok: bool
    type_any_ok: bool
    kind_ok: Mapping[str, bool]
    source_ok: bool | None
    target_ok: bool | None

    @property
    def triple_ok(self) -> bool | None:
        """Type, source and target all right (a target gold leaves out counts as right)."""
        if self.source_ok is None:
            return None
        return self.type_ok and self.source_ok and self.target_ok is not False

    @property
    def cameo_exact(self) -> bool:
        """The top event's full CAMEO code equals the gold code."""
        return (
            self.top is not None
            and self.gold.cameo is not None
            and (str(self.top.get("cameo")) == self.gold.cameo)
        )

    @property
    def wrong(self) -> list[str]:
        """The parts that are wrong: any of ``type``, ``source``, ``target``."""
        parts = [] if self.type_ok else ["type"]
        parts += ["source"] if self.source_ok is False else []
        parts += ["target"] if self.target_ok is False else []
        return parts

    @property
    def missed(self) -> bool:
        """The record fails the headline: its triple, or its type where no actors are scored."""
        return not self.triple_ok if self.triple_ok is not None else not self.type_ok


def _events_of(predictions: Mapping[str, Json], record_id: str) -> tuple[Json, ...]:
    return tuple((predictions.get(record_id) or {}).get("events") or ())


def judge_events(gold: Iterable[Json], predictions: Mapping[str, Json]) -> Iterator[EventJudgement]:
    """One judgement per gold record with events (``no_political_violence`` records are skipped)."""
    for record in gold:
        if record.get("no_political_violence") or not record.get("events"):
            continue
        gold_event = GoldEvent.from_json(record["events"][0])
        record_id = str(record["id"])
        events = _events_of(predictions, record_id)
        top = top_event(events)
        yield EventJudgement(
            id=record_id,
            text=str(record.get("text") or ""),
            gold=gold_event,
            gold_json=record["events"][0],
            events=events,
            top=top,
            type_ok=gold_event.type_right(top),
            type_any_ok=any(gold_event.type_right(e) for e in events),
            kind_ok={kind: gold_event.type_right(top, kind) for kind in gold_event.kinds},
            source_ok=actor_right(gold_event.sources, top.get("source") if top else None),
            target_ok=actor_right(gold_event.targets, top.get("target") if top else None),
        )


def score_events(gold: Sequence[Json], predictions: Mapping[str, Json]) -> dict[str, float | int]:
    """The event metrics of the gold README for ``predictions`` (article-record JSON by id)."""
    judged = list(judge_events(gold, predictions))
    n = len(judged)
    scores: dict[str, float | int] = {
        "records": n,
        "with_event": ratio(sum(bool(j.events) for j in judged), n),
        "type_top_acc": ratio(sum(j.type_ok for j in judged), n),
        "type_any_acc": ratio(sum(j.type_any_ok for j in judged), n),
    }
    for kind in TYPE_KINDS:
        kind_judged = [j.kind_ok[kind] for j in judged if kind in j.kind_ok]
        if kind_judged:
            scores[f"{kind}_top_acc"] = ratio(sum(kind_judged), len(kind_judged))
            scores[f"{kind}_records"] = len(kind_judged)
    if any(j.gold.cameo is not None for j in judged):
        # Over all records, as the reference defines it (the same thing on CAMEO-only gold).
        scores["cameo_exact_acc"] = ratio(sum(j.cameo_exact for j in judged), n)
    for name, values in (
        ("source", [j.source_ok for j in judged]),
        ("target", [j.target_ok for j in judged]),
        ("triple", [j.triple_ok for j in judged]),
    ):
        scored = [v for v in values if v is not None]
        if scored:
            scores[f"{name}_acc"] = ratio(sum(scored), len(scored))
            scores[f"{name}_records"] = len(scored)
    negatives = [r for r in gold if r.get("no_political_violence")]
    if negatives:
        alarms = sum(
            any(plover_type(e) in VIOLENT_TYPES for e in _events_of(predictions, str(r["id"])))
            for r in negatives
        )
        scores["nonpolitical_false_alarm_rate"] = ratio(alarms, len(negatives))
    scores["headline"] = scores.get("triple_acc", scores["type_top_acc"])
    return scores


# --- diagnostics -------------------------------------------------------------------------------

Confusion = dict[str, dict[str, int]]


def _count(matrix: Confusion, gold_label: str, predicted_label: str) -> None:
    row = matrix.setdefault(gold_label, {})
    row[predicted_label] = row.get(predicted_label, 0) + 1


def event_confusion(gold: Sequence[Json], predictions: Mapping[str, Json]) -> dict[str, Confusion]:
    """Confusion matrices ``{gold label: {predicted top-event label: count}}``.

    ``plover``: a gold record's row is the predicted type when it is one of the acceptable gold
    types (so the diagonal counts right answers), else the first gold type. ``cameo_root`` and
    ``pentaclass``: gold root (pentaclass) against the top event's. ``-`` is no event.
    """
    matrices: dict[str, Confusion] = {"plover": {}, "cameo_root": {}, "pentaclass": {}}
    for j in judge_events(gold, predictions):
        top = j.top or {}
        if "plover" in j.gold.kinds and j.gold.plover:
            predicted = plover_type(top) or NONE_LABEL
            row = predicted if predicted in j.gold.plover else j.gold.plover[0]
            _count(matrices["plover"], row, predicted)
        if "cameo" in j.gold.kinds and j.gold.root:
            _count(matrices["cameo_root"], j.gold.root, cameo_root(top) or NONE_LABEL)
        if "pentaclass" in j.gold.kinds and j.gold.pentaclass is not None:
            predicted_class = pentaclass(cameo_root(top))
            _count(
                matrices["pentaclass"],
                str(j.gold.pentaclass),
                NONE_LABEL if predicted_class is None else str(predicted_class),
            )
    return {
        name: {row: dict(sorted(cols.items())) for row, cols in sorted(matrix.items())}
        for name, matrix in matrices.items()
        if matrix
    }


def _actor_label(actor: Any) -> str | None:
    if not actor:
        return None
    label = actor.get("name") or actor.get("text") or ""
    return f"{label} [{actor['code']}]" if actor.get("code") else str(label)


def describe_event(event: Json) -> dict[str, Any]:
    """A short summary of a predicted event for error listings."""
    return {
        "trigger": event.get("trigger"),
        "cameo": event.get("cameo"),
        "plover": plover_type(event),
        "source": _actor_label(event.get("source")),
        "target": _actor_label(event.get("target")),
        "confidence": event.get("confidence"),
    }


def missed_events(
    gold: Sequence[Json], predictions: Mapping[str, Json], limit: int, shown: int = 3
) -> list[dict[str, Any]]:
    """Up to ``limit`` records that fail the headline, in gold order, with our ``shown`` top events."""
    out: list[dict[str, Any]] = []
    for j in judge_events(gold, predictions):
        if len(out) >= limit:
            break
        if j.missed:
            out.append(
                {
                    "id": j.id,
                    "text": j.text,
                    "gold": dict(j.gold_json),
                    "wrong": j.wrong,
                    "events": [describe_event(e) for e in rank_events(j.events)[:shown]],
                }
            )
    return out


__all__ = [
    "EventJudgement",
    "GoldActor",
    "GoldEvent",
    "actor_fields",
    "actor_right",
    "cameo_root",
    "describe_event",
    "event_confusion",
    "judge_events",
    "missed_events",
    "plover_type",
    "rank_events",
    "score_events",
    "top_event",
]
