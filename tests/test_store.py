"""The DuckDB store: schema from the records, stable ids, idempotent writes, dedup, round trips."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from dateline.records import (
    ActorRef,
    ArticleRecord,
    Event,
    Location,
    PatternRef,
    Place,
    Plover,
    Quote,
    RuleStep,
    Speaker,
)
from dateline.store import CHILD_COLUMNS, Store
from test_records import records


def _record(article_id: str = "a1", text: str = "Russia praised Pakistan.") -> ArticleRecord:
    event = Event(
        id="e" + article_id,
        sentence=0,
        start=7,
        end=14,
        trigger="praised",
        source=ActorRef("Russia", 0, 6, "RUS", "RUS", None, []),
        target=ActorRef("Pakistan", 15, 23, "PAK", "PAK", None, []),
        cameo="051",
        root="05",
        quad=1,
        goldstein=3.4,
        plover=Plover("SUPPORT", None, ["diplomatic"]),
        date="2018-02-20",
        date_precision="day",
        location=Location("Moscow", "RUS", 55.75, 37.62, 524901),
        confidence=0.8,
        rules=[RuleStep("sides.first_actor_after", 'the first actor after the trigger, "Pakistan" (PAK)')],
    )
    quote = Quote(Speaker("he", "Sergey Lavrov", "RUSGOV", 0, 2), "said", "We agree.", 3, 12, True)
    place = Place("Moscow", 0, 6, 55.75, 37.62, "RUS", 524901, "48", "city")
    return ArticleRecord(
        id=article_id,
        text=text,
        title="T",
        published="2018-02-21",
        events=[event],
        quotes=[quote],
        places=[place],
    )


def test_schema_is_derived_from_records() -> None:
    names = [n for n, _, _ in CHILD_COLUMNS["events"]]
    assert {"source_code", "target_country", "plover_event", "plover_context", "location_lat"} <= set(names)


def test_write_is_idempotent_and_dedups(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        first = store.write([_record()])
        assert first["articles"] == 1 and first["mentions"] == 1
        store.write([_record()])  # the same article again replaces, never duplicates
        assert store.counts() == {
            "articles": 1,
            "events": 1,
            "mentions": 1,
            "quotes": 1,
            "places": 1,
            "failures": 0,
        }
        dup = store.write([_record("a2")])  # same text under another id: a duplicate article
        assert dup["duplicates"] == 1
        assert store.counts()["articles"] == 1
        (event,) = list(store.iter_mentions())
    assert event["article_id"] == "a1"
    assert event["source"]["code"] == "RUS" and event["plover"]["context"] == ["diplomatic"]
    assert event["location"]["geonameid"] == 524901
    assert event["rules"] == [
        {"rule": "sides.first_actor_after", "reason": 'the first actor after the trigger, "Pakistan" (PAK)'}
    ]
    with Store(db) as store:  # reopening keeps the data and the ids
        assert store.stored_ids() == {"a1"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records())
def test_events_round_trip_through_the_store(tmp_path: Path, record: ArticleRecord) -> None:
    record.id = record.id.strip() or "x"
    with Store(tmp_path / f"rt-{abs(hash(record.id))}.duckdb") as store:
        store.con.execute(
            "DELETE FROM articles; DELETE FROM mentions; DELETE FROM events; DELETE FROM quotes; DELETE FROM places"
        )
        store.write([record])
        stored = list(store.iter_mentions())
    expected = sorted((e for e in record.to_dict()["events"]), key=lambda e: e["start"])
    got = sorted(
        ({k: v for k, v in e.items() if k != "article_id"} for e in stored), key=lambda e: e["start"]
    )
    assert [e["id"] for e in got] == [e["id"] for e in expected]
    for want, have in zip(expected, got, strict=True):
        for side in ("source", "target"):
            assert (want[side] or {}).get("code") == (have[side] or {}).get("code")
        assert want["plover"] == have["plover"]
        assert want["negated"] == have["negated"]
        assert want["rules"] == have["rules"]


def test_one_id_twice_in_a_batch_never_crashes(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        counts = store.write([_record("a1"), _record("a1", "Russia thanked Pakistan.")])
        assert counts["articles"] == 1 and counts["duplicates"] == 1
        assert store.stored_ids() == {"a1"}


def test_failures_go_to_their_table_with_reason_and_input_hash(tmp_path: Path) -> None:
    from dateline.errors import NotText
    from dateline.records import InputFailure, RawDocument

    bad = ArticleRecord(id="blob.txt", text="", error=str(NotText("blob.txt is binary data, not text")))
    french = RawDocument(id="fr.txt", text="Bonjour tout le monde.", origin="/crawl/fr.txt")
    refused = ArticleRecord(
        id="fr.txt", text="Bonjour tout le monde.", language="fr", error="[E007] fr.txt: ..."
    )
    with Store(tmp_path / "s.duckdb") as store:
        counts = store.write(
            [bad, refused, _record()],
            [InputFailure("blob.txt", NotText("x"), "/crawl/blob.txt"), french, RawDocument("a1", text="x")],
        )
        assert (counts["failures"], counts["articles"]) == (2, 1)
        rows = {row["id"]: row for row in store.failures()}
        ledger = store.ledger()
    assert rows["blob.txt"]["reason"] == "not text" and rows["blob.txt"]["code"] == "E005"
    assert rows["blob.txt"]["origin"] == "/crawl/blob.txt"
    assert rows["fr.txt"]["reason"] == "unsupported language" and rows["fr.txt"]["language"] == "fr"
    _, admission = ledger.admit(french)
    assert admission.value == "same"  # a rerun skips the refused input instead of coding it again


def test_a_store_of_version_0_1_is_upgraded(tmp_path: Path) -> None:
    """0.1 kept failures as article rows with ``error`` set; they move to the failures table."""
    import duckdb

    from dateline.store import flat_columns

    db = tmp_path / "old.duckdb"
    columns = [*flat_columns(ArticleRecord), ("content_hash", "VARCHAR", ())]
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE articles ({', '.join(f'{n} {t}' for n, t, _ in columns)}, PRIMARY KEY (id))")
    con.execute(
        "INSERT INTO articles (id, text, error) VALUES ('ok', 'Text.', NULL), ('bad', '', '[E004] empty')"
    )
    con.close()
    with Store(db) as store:
        assert store.stored_ids() == {"ok"}
        assert [(row["id"], row["code"]) for row in store.failures()] == [("bad", "E004")]
        store.write([_record("new")])
        assert store.stored_ids() == {"ok", "new"}


def test_a_store_without_the_newest_event_fields_gets_their_columns(tmp_path: Path) -> None:
    """Record fields added in a later version become columns of an existing store."""
    db = tmp_path / "older.duckdb"
    with Store(db) as store:
        store.con.execute('ALTER TABLE mentions DROP COLUMN "pattern_id"')
        store.con.execute('ALTER TABLE mentions DROP COLUMN "pattern_text"')
    with Store(db) as store:
        record = _record()
        record.events[0].pattern = PatternRef("p1", "051 praise:v TARGET")
        store.write([record])
        (event,) = list(store.iter_mentions())
    assert event["pattern"] == {"id": "p1", "text": "051 praise:v TARGET"}
