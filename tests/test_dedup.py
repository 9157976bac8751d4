"""Near-duplicate articles (`dateline.dedup`): a wire copy with another headline or a line more is
stored once, as a copy of the original with its id, url and similarity."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dateline import dedup, store
from dateline.store import Store
from test_dataset import _article

STORY = (
    "Ruritanian artillery shelled the border town of Zenda on Tuesday night, local officials said, "
    "killing four people and damaging a school and two bridges across the river. The mayor of Zenda "
    "told reporters that the shelling began shortly after midnight and lasted almost three hours. "
    "Freedonia's defence ministry said its forces had returned fire and called on the regional bloc "
    "to convene an emergency meeting. Ruritania did not comment on the reports. The two countries "
    "signed a ceasefire in March after months of clashes over the disputed valley, but monitors have "
    "recorded dozens of violations since then, most of them near Zenda and the mountain pass to its north."
)
COPY = "UPDATE 1-" + STORY + " (Reporting by the Zenda bureau; editing by the night desk)"
OTHER = (
    "Freedonia accused Ruritania of breaking the ceasefire after a night of artillery fire on Zenda, "
    "where residents sheltered in cellars. Aid groups asked both governments to let ambulances reach "
    "the wounded, and the regional bloc said its envoys would travel to the valley later this week."
)


def test_a_copy_is_near_and_another_story_is_not() -> None:
    original = dedup.signature(STORY)
    index = dedup.NearDuplicates()
    index.add("original", original)
    found = index.find(dedup.signature(COPY))
    assert found is not None and found[0] == "original" and found[1] >= dedup.THRESHOLD
    assert index.find(dedup.signature(OTHER)) is None
    assert dedup.signature(STORY) == original  # stable across calls (and processes: seeded)


def test_the_store_keeps_a_copy_once_and_counts_it(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write([_article("a", STORY, url="https://one.example/a")])
    store._INDEXES.clear()  # another process: the index is rebuilt from the stored signatures
    with Store(db) as s:
        counts = s.write(
            [
                _article("b", COPY, url="https://two.example/b"),
                _article("c", OTHER, url="https://three.example/c"),
            ]
        )
        assert counts["duplicates"] == 1 and counts["articles"] == 1
        assert s.counts()["articles"] == 2
        ((alias, original, url, similarity),) = s.con.execute(
            "SELECT id, article_id, url, similarity FROM aliases"
        ).fetchall()
        assert (alias, original, url) == ("b", "a", "https://two.example/b") and similarity >= 0.8
        (counted,) = s.con.execute("SELECT num_mentions, num_articles FROM events").fetchall()
        assert counted == (2, 3)  # the act told by a and c, and b's copy of a counts as an article


def test_a_store_without_signatures_gets_them(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write([_article("a", STORY)])
        s.con.execute("DELETE FROM signatures")
    store._INDEXES.clear()
    with Store(db) as s:
        assert s.write([replace(_article("b", COPY), url="https://x.example/b")])["duplicates"] == 1
        assert s.con.execute("SELECT count(*) FROM signatures").fetchone() == (1,)
