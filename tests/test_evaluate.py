"""`dateline evaluate`: the scoring rules on hand-built gold, and agreement with the reference scorer."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from dateline.cli import app
from dateline.evaluation import (
    GoldFileError,
    UnknownTask,
    distance_km,
    evaluate,
    event_confusion,
    index_predictions,
    load_gold,
    load_predictions,
    pentaclass,
    score,
    score_articles,
    score_events,
    score_places,
    score_quotes,
    spans_overlap,
    word_overlap,
)
from dateline.evaluation.events import missed_events, top_event
from dateline.evaluation.runner import gold_documents
from dateline.records import ArticleRecord

# --- helpers to build article-record JSON by hand ------------------------------------------------


def event(
    plover: str | None = "ASSAULT",
    cameo: str = "190",
    source: dict[str, Any] | None = None,
    target: dict[str, Any] | None = None,
    confidence: float | None = 0.5,
    start: int = 0,
) -> dict[str, Any]:
    return {
        "trigger": "x",
        "cameo": cameo,
        "root": cameo[:2],
        "plover": {"event": plover, "mode": None, "context": []},
        "source": source,
        "target": target,
        "confidence": confidence,
        "start": start,
    }


def actor(
    text: str = "", code: str | None = None, country: str | None = None, name: str | None = None
) -> dict[str, Any]:
    return {"text": text, "code": code, "country": country, "name": name}


def preds(**records: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {rid: {"id": rid, **fields} for rid, fields in records.items()}


# --- shared matching rules ---------------------------------------------------------------------


def test_word_overlap_is_over_the_shorter_text_without_stopwords() -> None:
    assert word_overlap("the Foreign Ministry of Egypt", "Egypt's ministry") == 1.0
    assert word_overlap("rebel fighters", "government fighters") == 0.5
    assert word_overlap("rebel fighters in the north", "fighters police group") == pytest.approx(1 / 3)
    assert word_overlap("The", "the") == 0.0
    assert word_overlap(None, "Egypt") == 0.0


def test_spans_overlap_by_half_of_the_shorter_span() -> None:
    assert spans_overlap(0, 10, 5, 100)  # 5 shared of the shorter 10
    assert not spans_overlap(0, 10, 6, 100)  # 4 shared
    assert spans_overlap(10, 12, 0, 100)  # a short span inside a long one
    assert not spans_overlap(0, 10, 10, 20)  # touching is not overlapping


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        *[("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("16", 3)],
        *[("14", 4), ("15", 4), ("17", 4), ("20", 4), ("00", None), (None, None)],
    ],
)
def test_pentaclass_of_cameo_roots(root: str | None, expected: int | None) -> None:
    assert pentaclass(root) == expected


def test_distance_km() -> None:
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)  # Paris-London
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


# --- events ------------------------------------------------------------------------------------


def test_top_event_is_most_confident_then_earliest() -> None:
    low, high_late, high_early = (
        event(confidence=0.4, start=0),
        event(confidence=0.9, start=50),
        event(confidence=0.9, start=10),
    )
    assert top_event([low, high_late, high_early]) is high_early
    assert top_event([event(confidence=None, start=0), low]) is low  # no confidence counts as 0
    assert top_event([]) is None


def test_events_type_source_target_triple() -> None:
    gold = [
        {
            "id": "a",
            "events": [
                {
                    "plover": ["ASSAULT", "COERCE"],
                    "source": [{"text": "Rebels", "country": "SYR"}],
                    "target": [{"text": "Army", "country": "SYR"}],
                }
            ],
        },
        {"id": "b", "events": [{"plover": ["PROTEST"], "source": [{"text": "striking dock workers"}]}]},
        {"id": "c", "events": [{"plover": ["AID"]}]},
        {"id": "d", "events": []},  # not scored
    ]
    predictions = preds(
        # top event (0.9) is right in type and source (country from the code's prefix), wrong target
        a=dict(
            events=[
                event(
                    "ASSAULT",
                    source=actor("rebels", code="SYRREB"),
                    target=actor("Israel", country="ISR"),
                    confidence=0.9,
                ),
                event("COERCE", confidence=0.2),
            ]
        ),
        # type right; source found by words ("dock workers" is half of the shorter); no gold target
        b=dict(events=[event("PROTEST", "140", source=actor("Dock workers"))]),
        # no events at all
        c=dict(events=[]),
    )
    scores = score_events(gold, predictions)
    assert scores["records"] == 3
    assert scores["with_event"] == pytest.approx(2 / 3)
    assert scores["type_top_acc"] == pytest.approx(2 / 3)
    assert scores["plover_top_acc"] == pytest.approx(2 / 3)
    assert scores["source_acc"] == 1.0 and scores["source_records"] == 2
    assert scores["target_acc"] == 0.0 and scores["target_records"] == 1
    assert scores["triple_acc"] == 0.5  # a: wrong target; b: no gold target counts as right
    assert scores["headline"] == scores["triple_acc"]


def test_events_actor_text_matches_name_and_country_gold_ignores_text() -> None:
    gold = [
        {"id": "a", "events": [{"plover": ["CONSULT"], "source": [{"text": "Lavrov"}]}]},
        {"id": "b", "events": [{"plover": ["CONSULT"], "source": [{"text": "Japan", "country": "JPN"}]}]},
    ]
    predictions = preds(
        a=dict(events=[event("CONSULT", source=actor("he", name="Sergey Lavrov"))]),
        b=dict(events=[event("CONSULT", source=actor("Japan", country="CHN"))]),
    )
    scores = score_events(gold, predictions)
    assert scores["source_acc"] == 0.5  # a right by name; b wrong: gold has a country, text is not used


def test_events_cameo_and_pentaclass_gold() -> None:
    gold = [
        {"id": "a", "events": [{"cameo": "0332", "root": "03"}]},
        {"id": "b", "events": [{"cameo": "190", "root": "19"}]},
        {"id": "c", "events": [{"pentaclass": 4}]},
        {"id": "d", "events": [{"pentaclass": 3, "plover": ["PROTEST"]}]},  # primary kind: plover
    ]
    predictions = preds(
        a=dict(events=[event(cameo="0332")]),
        b=dict(events=[event(cameo="193")]),
        c=dict(events=[event(cameo="180")]),  # root 18 -> pentaclass 4
        d=dict(events=[event("DEMAND", cameo="100")]),  # pentaclass 3 right, PLOVER wrong
    )
    scores = score_events(gold, predictions)
    assert scores["cameo_top_acc"] == 1.0 and scores["cameo_records"] == 2
    assert scores["cameo_exact_acc"] == 0.25  # over all records, as the reference defines it
    assert scores["pentaclass_top_acc"] == 1.0 and scores["pentaclass_records"] == 2
    assert scores["plover_top_acc"] == 0.0
    assert scores["type_top_acc"] == 0.75
    assert scores["headline"] == 0.75  # no actors scored: the headline is type accuracy
    assert "triple_acc" not in scores


def test_events_type_any_and_false_alarms() -> None:
    gold = [
        {"id": "a", "events": [{"plover": ["AID"]}]},
        {"id": "n", "no_political_violence": True, "events": []},
    ]
    predictions = preds(
        a=dict(events=[event("CONSULT", confidence=0.8), event("AID", confidence=0.3)]),
        n=dict(events=[event("ASSAULT")]),
    )
    scores = score_events(gold, predictions)
    assert scores["type_top_acc"] == 0.0 and scores["type_any_acc"] == 1.0
    assert scores["nonpolitical_false_alarm_rate"] == 1.0


def test_event_confusion_and_missed_records() -> None:
    gold = [
        {"id": "a", "text": "A", "events": [{"plover": ["ASSAULT", "COERCE"], "cameo": "190", "root": "19"}]},
        {"id": "b", "text": "B", "events": [{"plover": ["AID"], "cameo": "070", "root": "07"}]},
        {"id": "c", "text": "C", "events": [{"plover": ["AID"], "cameo": "070", "root": "07"}]},
    ]
    predictions = preds(
        a=dict(events=[event("COERCE", cameo="171")]),
        b=dict(events=[event("AID", cameo="070")]),
        c=dict(events=[]),
    )
    confusion = event_confusion(gold, predictions)
    assert confusion["plover"] == {"AID": {"-": 1, "AID": 1}, "COERCE": {"COERCE": 1}}
    assert confusion["cameo_root"] == {"07": {"-": 1, "07": 1}, "19": {"17": 1}}
    # a is right: PLOVER (listed first) is the primary type, whatever the CAMEO root says
    (missed,) = missed_events(gold, predictions, limit=5)
    assert missed["id"] == "c" and missed["wrong"] == ["type"] and missed["events"] == []


def test_missed_events_lists_wrong_parts_and_our_top_events() -> None:
    gold = [
        {
            "id": "a",
            "text": "Rebels shelled the army.",
            "events": [
                {"plover": ["ASSAULT"], "source": [{"text": "rebels"}], "target": [{"text": "the army"}]}
            ],
        },
        {"id": "b", "text": "Talks.", "events": [{"plover": ["CONSULT"]}]},
    ]
    predictions = preds(
        a=dict(
            events=[
                event("ASSAULT", source=actor("Rebels"), target=actor("police"), confidence=0.7),
                event("COERCE", confidence=0.1),
            ]
        ),
        b=dict(events=[event("CONSULT")]),
    )
    (missed,) = missed_events(gold, predictions, limit=10)
    assert missed["id"] == "a" and missed["wrong"] == ["target"]
    assert [e["plover"] for e in missed["events"]] == ["ASSAULT", "COERCE"]
    assert missed_events(gold, predictions, limit=0) == []


# --- quotes ------------------------------------------------------------------------------------

QUOTE_TEXT = 'Smith said "we will win the vote" on Monday. Officials believe the deal is dead.'


def quote_gold() -> list[dict[str, Any]]:
    direct_start = QUOTE_TEXT.index("we will")
    indirect_start = QUOTE_TEXT.index("the deal")
    return [
        {
            "id": "q",
            "text": QUOTE_TEXT,
            "quotes": [
                {
                    "content": "we will win the vote",
                    "content_start": direct_start,
                    "content_end": direct_start + 20,
                    "speaker": "Smith",
                    "cue": "said",
                },
                {
                    "content": "the deal is dead",
                    "content_start": indirect_start,
                    "content_end": indirect_start + 16,
                    "speaker": "Officials",
                    "cue": "believe",
                },
                {
                    "content": "no offsets",
                    "content_start": None,
                    "content_end": None,
                    "speaker": None,
                    "cue": None,
                },
            ],
        }
    ]


def test_quotes_span_overlap_direct_and_speaker() -> None:
    start = QUOTE_TEXT.index("we will")
    predictions = preds(
        q=dict(
            quotes=[
                # overlaps the direct quote by more than half of it; speaker matched by name
                {
                    "start": start + 3,
                    "end": start + 40,
                    "content": "...",
                    "speaker": {"text": "he", "name": "John Smith"},
                    "direct": True,
                },
                {
                    "start": 0,
                    "end": 4,
                    "content": "Smit",
                    "speaker": None,
                    "direct": False,
                },  # matches nothing
            ]
        )
    )
    scores = score_quotes(quote_gold(), predictions)
    assert scores["gold_quotes"] == 2 and scores["gold_direct"] == 1
    assert scores["recall"] == 0.5 and scores["direct_recall"] == 1.0
    assert scores["precision"] == 0.5
    assert scores["speaker_acc"] == 1.0
    assert scores["headline"] == 1.0


def test_quotes_wrong_speaker_and_quote_without_offsets() -> None:
    predictions = preds(
        q=dict(
            quotes=[
                {
                    "start": None,
                    "end": None,
                    "content": "We will win the vote!",
                    "speaker": {"text": "Jones"},
                },
                {"start": None, "end": None, "content": "something else", "speaker": {"text": "Smith"}},
            ]
        )
    )
    scores = score_quotes(quote_gold(), predictions)
    assert scores["direct_recall"] == 1.0  # found by 70% of the words of the shorter content
    assert scores["speaker_acc"] == 0.0
    assert scores["headline"] == 0.0
    assert score_quotes(quote_gold(), {})["recall"] == 0.0


# --- places ------------------------------------------------------------------------------------


def test_places_161_km_and_gold_country() -> None:
    gold = [
        {
            "id": "p",
            "text": "Flooding in Alpha, Beta, Gamma and Delta.",
            "toponyms": [
                {"name": "Alpha", "start": 12, "end": 17, "lat": 0.0, "lon": 0.0},
                {"name": "Beta", "start": 19, "end": 23, "lat": 0.0, "lon": 0.0},
                {"name": "Gamma", "start": 25, "end": 30, "lat": 39.0, "lon": 35.0, "country_iso3": "TUR"},
                {"name": "Delta", "start": 35, "end": 40, "lat": 0.0, "lon": 0.0},
            ],
        }
    ]
    predictions = preds(
        p=dict(
            places=[
                {"text": "Alpha", "start": 12, "end": 17, "lat": 0.0, "lon": 1.4, "country": None},  # ~156 km
                {"text": "Beta", "start": 19, "end": 23, "lat": 0.0, "lon": 1.5, "country": None},  # ~167 km
                {
                    "text": "Gamma",
                    "start": 25,
                    "end": 30,
                    "lat": 41.0,
                    "lon": 29.0,
                    "country": "tur",
                },  # country
            ]
        )
    )
    scores = score_places(gold, predictions)
    assert scores["gold_toponyms"] == 4
    assert scores["recall"] == 0.75
    assert scores["acc161_of_found"] == pytest.approx(2 / 3)
    assert scores["headline"] == 0.5


# --- articles ----------------------------------------------------------------------------------


def test_articles_bag_of_words_averaged_over_pages() -> None:
    gold = [
        {"id": "a", "body": "The cat sat on the mat."},  # 6 words
        {"id": "b", "body": "Nothing extracted here."},
    ]
    predictions = preds(
        a=dict(text="the cat sat. Share on Facebook")
    )  # 6 words, 4 shared (the, cat, sat, on)
    scores = score_articles(gold, predictions)
    assert scores["pages"] == 2
    assert scores["precision"] == pytest.approx(4 / 6 / 2)
    assert scores["recall"] == pytest.approx(4 / 6 / 2)
    assert scores["headline"] == pytest.approx(4 / 6 / 2) == scores["f1"]


# --- runner ------------------------------------------------------------------------------------


def test_gold_files_and_tasks_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\nnot json\n')
    with pytest.raises(GoldFileError, match=r"bad\.jsonl:2"):
        load_gold(bad)
    with pytest.raises(GoldFileError):
        load_gold(tmp_path / "missing.jsonl")
    with pytest.raises(UnknownTask):
        score("salience", [], {})
    assert load_gold(_write(tmp_path, [{"id": 1}, {"id": 2}]), limit=1) == [{"id": 1}]


def _write(tmp_path: Path, rows: list[dict[str, Any]], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_article_gold_reads_gzip_pages_beside_the_gold_file(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.html.gz").write_bytes(gzip.compress("<p>Grüße</p>".encode()))
    gold = [{"id": "a", "html_file": "pages/p.html.gz", "body": "Grüße"}]
    (doc,) = gold_documents("articles", gold, tmp_path)
    assert doc.id == "a" and doc.html == "<p>Grüße</p>" and doc.text is None
    with pytest.raises(GoldFileError, match="no HTML page"):
        gold_documents("articles", [{"id": "b", "html_file": "pages/missing.html.gz"}], tmp_path)
    (doc,) = gold_documents("events", [{"id": 7, "text": "Hi.", "published": "2020-01-02"}], tmp_path)
    assert (doc.id, doc.text, doc.published) == ("7", "Hi.", "2020-01-02")


def test_index_predictions_takes_records_or_json() -> None:
    indexed = index_predictions([ArticleRecord(id="a", text="x"), {"id": 5, "text": "y"}])
    assert indexed["a"]["text"] == "x" and indexed["5"]["text"] == "y"


# --- end to end (real model) -------------------------------------------------------------------

SENTENCES = [
    {
        "id": "s1",
        "text": "Russian troops shelled the Ukrainian city of Kharkiv on Monday.",
        "published": "2022-03-07",
        "events": [
            {
                "plover": ["ASSAULT"],
                "source": [{"text": "Russian troops", "country": "RUS"}],
                "target": [{"text": "Kharkiv", "country": "UKR"}],
            }
        ],
    },
    {
        "id": "s2",
        "text": "The Pakistani foreign minister met Sergey Lavrov in Moscow.",
        "published": "2018-02-20",
        "events": [{"plover": ["CONSULT"], "source": [{"text": "Pakistani foreign minister"}]}],
    },
]


@pytest.mark.slow
def test_evaluate_api_and_cli(tmp_path: Path, pipeline: Any) -> None:
    gold_path = _write(tmp_path, SENTENCES)
    result = evaluate("events", gold_path, pipeline=pipeline)
    assert [r.id for r in result.predictions] == ["s1", "s2"]
    assert result.scores["records"] == 2 and 0.0 <= result.scores["headline"] <= 1.0
    assert result.failed == 0

    out = tmp_path / "pred.jsonl"
    cli = CliRunner().invoke(
        app,
        [
            "evaluate",
            "events",
            str(gold_path),
            "--format",
            "json",
            "--errors",
            "2",
            "--predictions",
            str(out),
        ],
    )
    assert cli.exit_code == 0, cli.output
    figures = json.loads(cli.stdout)
    assert figures["task"] == "events" and figures["headline"] == result.scores["headline"]
    assert set(figures["confusion"]) >= {"plover"} and isinstance(figures["errors"], list)
    assert set(load_predictions(out)) == {"s1", "s2"}

    table = CliRunner().invoke(app, ["evaluate", "events", str(gold_path)])
    assert table.exit_code == 0 and "headline" in table.stdout
    bad = CliRunner().invoke(app, ["evaluate", "stance", str(gold_path)])
    assert bad.exit_code == 2 and "E040" in bad.output


# --- agreement with the reference scorer (../shared/gold/score.py) --------------------------------


def reference_scores(
    task: str, gold: list[dict[str, Any]], pred_path: Path, tmp_path: Path
) -> dict[str, Any]:
    """Run the reference scorer in a subprocess (it is read, never imported or copied)."""
    scorer = shared_path("gold", "score.py")
    gold_path = _write(tmp_path, gold, name="gold-subset.jsonl")
    done = subprocess.run(
        [sys.executable, str(scorer), task, str(gold_path), str(pred_path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def assert_agree(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    shared = set(ours) & set(theirs)
    assert "headline" in shared and len(shared) >= 4, (sorted(ours), sorted(theirs))
    for key in sorted(shared):
        assert ours[key] == pytest.approx(theirs[key], abs=5e-4), key


AGREEMENT = [
    ("events", "events.plover_gsr.jsonl"),
    ("events", "events.news_dev.jsonl"),
    ("events", "events.cameo_examples.jsonl"),
    ("quotes", "quotes.polnear_dev.jsonl"),
    ("places", "places.geovirus.jsonl"),
    ("articles", "articles.aeb.jsonl"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("task", "name"), AGREEMENT, ids=[a[1] for a in AGREEMENT])
def test_agrees_with_reference_scorer(task: str, name: str, gold_run: Any, tmp_path: Path) -> None:
    """On the whole dev set, coded once for the session (the quality gate reads the same run)."""
    result = gold_run(name)
    assert result.task == task
    pred_path = tmp_path / "pred.jsonl"
    result.write_predictions(pred_path)
    ours = score(task, result.gold, load_predictions(pred_path))
    assert ours == result.scores  # scoring from the file = scoring the records in memory
    assert_agree(ours, reference_scores(task, result.gold, pred_path, tmp_path))


def _perturbed(task: str, gold: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Predictions made from the gold with random errors, ties and gaps (no model needed)."""
    out: list[dict[str, Any]] = []
    for record in gold:
        pred: dict[str, Any] = {"id": record["id"], "text": record.get("text", "")}
        if task == "events":
            pred["events"] = []
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                ge = (record.get("events") or [{}])[0]
                plover = rng.choice([*(ge.get("plover") or []), "AID", "ASSAULT", None])
                code = (
                    rng.choice([ge.get("cameo") or "", f"{rng.randint(1, 20):02d}{rng.randint(0, 9)}"])
                    or "010"
                )
                actors = [
                    *(ge.get("source") or []),
                    *(ge.get("target") or []),
                    {"text": "someone else", "country": "XYZ"},
                ]

                def pick(actors: list[dict[str, Any]] = actors) -> dict[str, Any] | None:
                    a = rng.choice([*actors, None])
                    return (
                        None
                        if a is None
                        else {
                            "text": rng.choice([a.get("text") or "", "he"]),
                            "code": (a.get("country") or "") + "GOV",
                            "name": None,
                        }
                    )

                pred["events"].append(
                    event(plover, code, pick(), pick(), rng.choice([0.5, 0.7, 0.7, None]), rng.randint(0, 3))
                )
        elif task == "quotes":
            pred["quotes"] = [
                {
                    "start": q["content_start"] + rng.randint(-30, 30),
                    "end": q["content_end"] + rng.randint(-30, 30),
                    "content": q["content"],
                    "speaker": rng.choice(
                        [
                            None,
                            {"text": q.get("speaker") or "", "name": None},
                            {"text": "he", "name": "Nobody"},
                        ]
                    ),
                }
                for q in record.get("quotes") or []
                if q.get("content_start") is not None and rng.random() < 0.7
            ]
        elif task == "places":
            pred["places"] = [
                {
                    "text": t["name"],
                    "start": t["start"] + rng.randint(-3, 3),
                    "end": t["end"] + rng.randint(-3, 3),
                    "lat": t["lat"] + rng.uniform(-2, 2),
                    "lon": t["lon"] + rng.uniform(-2, 2),
                    "country": None,
                }
                for t in record.get("toponyms") or []
                if rng.random() < 0.8
            ]
        else:
            words = (record.get("body") or "").split()
            pred["text"] = " ".join(w for w in words if rng.random() < 0.8) + " Share this article"
        if rng.random() < 0.9:
            out.append(pred)
    return out


@pytest.mark.parametrize(("task", "name"), sorted({(a[0], a[1]) for a in AGREEMENT}))
def test_agrees_with_reference_scorer_on_whole_gold_files(task: str, name: str, tmp_path: Path) -> None:
    """Whole gold files against randomly perturbed gold-derived predictions: every branch, fast."""
    gold = load_gold(shared_path("gold", name))
    predictions = _perturbed(task, gold, random.Random(name))
    pred_path = _write(tmp_path, predictions, name="pred.jsonl")
    assert_agree(
        score(task, gold, load_predictions(pred_path)), reference_scores(task, gold, pred_path, tmp_path)
    )
