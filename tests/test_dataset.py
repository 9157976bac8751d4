"""The event dataset (`dateline.dataset`): mentions of one act across articles are one event with
its counts, computed incrementally as articles arrive, as GDELT's events and mentions tables are."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from dateline.records import ActorRef, ArticleRecord, Event, Location, Plover
from dateline.store import Store


def _article(
    article_id: str,
    text: str,
    date: str = "2021-06-01",
    url: str | None = None,
    cameo: str = "190",
    published: str = "2021-06-02",
) -> ArticleRecord:
    event = Event(
        id="m-" + article_id,
        sentence=0,
        start=0,
        end=8,
        trigger="shelled",
        source=ActorRef("Ruritania", 0, 9, "RUR", "RUR", None, []),
        target=ActorRef("Freedonia", 20, 29, "FRD", "FRD", None, []),
        cameo=cameo,
        root=cameo[:2],
        quad=4,
        goldstein=-10.0,
        plover=Plover("ASSAULT", None, ["military"]),
        date=date,
        date_precision="day",
        location=Location("Zenda", "FRD", 10.0, 20.0, 12345),
        confidence=0.9,
    )
    return ArticleRecord(id=article_id, text=text, url=url, published=published, events=[event])


def _events(store: Store) -> list[dict[str, Any]]:
    cursor = store.con.execute("SELECT * FROM events ORDER BY date")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_two_reports_of_one_act_are_one_event(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [
                _article("a", "Ruritania shelled Zenda, officials said.", url="https://one.example/a"),
                _article("b", "Zenda was shelled by Ruritania overnight.", url="https://www.two.example/b"),
                _article("c", "A second report on the shelling of Zenda.", url="https://one.example/c"),
            ]
        )
        (event,) = _events(store)
        assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)
        assert (event["first_seen"], event["date"]) == ("2021-06-02", "2021-06-01")
        linked = store.con.execute("SELECT DISTINCT event_id FROM mentions").fetchall()
        assert linked == [(event["event_id"],)]


def test_the_same_act_days_apart_or_of_another_code_is_another_event(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [
                _article("a", "First shelling.", date="2021-06-01"),
                _article("b", "Shelled again the next day.", date="2021-06-02"),  # chained: one event
                _article("c", "A week later, shelling.", date="2021-06-09"),
                _article("d", "An air strike on Zenda.", date="2021-06-01", cameo="195"),
            ]
        )
        counts = sorted((e["date"], e["cameo"], e["num_mentions"]) for e in _events(store))
        assert counts == [("2021-06-01", "190", 2), ("2021-06-01", "195", 1), ("2021-06-09", "190", 1)]


def test_a_later_run_adds_mentions_not_events(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write([_article("a", "Ruritania shelled Zenda.")])
        (before,) = _events(store)
    with Store(db) as store:  # another run, another day: a new report of the same act
        store.write([_article("b", "More on the shelling of Zenda.", published="2021-06-05")])
        (after,) = _events(store)
    assert after["event_id"] == before["event_id"]
    assert (after["num_mentions"], after["last_seen"]) == (2, "2021-06-05")


def test_a_copy_of_an_article_counts_as_an_article_not_a_mention(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_article("a", "Ruritania shelled Zenda.")])
        store.write([_article("a-copy", "Ruritania shelled Zenda.")])  # the same text: an alias
        (event,) = _events(store)
    assert (event["num_mentions"], event["num_articles"]) == (1, 2)


def test_rewriting_an_article_moves_its_mention(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_article("a", "Ruritania shelled Zenda.")])
        record = _article("a", "Ruritania shelled Zenda.")
        moved = replace(record, events=[replace(record.events[0], cameo="195", root="19")])
        store.write([moved])
        assert [e["cameo"] for e in _events(store)] == ["195"]


def test_a_store_from_before_the_events_table_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write([_article("a", "One."), _article("b", "Two.")])
        store.con.execute("DROP TABLE events")
        store.con.execute("ALTER TABLE mentions DROP COLUMN event_key")
        store.con.execute("ALTER TABLE mentions DROP COLUMN event_id")
        store.con.execute("ALTER TABLE mentions RENAME TO events")  # the per-article table of 0.2
    with Store(db) as store:
        (event,) = _events(store)
        assert event["num_mentions"] == 2
        assert store.counts()["mentions"] == 2


def test_mentions_with_no_coded_side_are_not_merged(tmp_path: Path) -> None:
    def uncoded(article_id: str) -> ArticleRecord:
        record = _article(article_id, f"Text {article_id}.")
        event = replace(
            record.events[0],
            source=ActorRef("the group", 0, 9, None, None, None, []),
            target=ActorRef("the officials", 10, 20, None, None, None, []),
        )
        return replace(record, events=[event])

    with Store(tmp_path / "s.duckdb") as store:
        store.write([uncoded("a"), uncoded("b")])
        assert [e["num_mentions"] for e in _events(store)] == [1, 1]
