"""The built-in analyses (`dateline.analyses`) and the event filters they share with the HTTP API
(`dateline.event_filters`), over a store built by hand (no model is loaded)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.errors import ConfigError
from dateline.event_filters import EventFilters, ParameterError
from dateline.records import ActorRef, ArticleRecord, Event, Location, Place, Plover, Quote, Speaker
from dateline.store import Store

KYIV = Location("Kyiv", "UKR", 50.45, 30.52, 703448)
ISLAMABAD = Location("Islamabad", "PAK", 33.72, 73.06, 1176615)

A1 = (
    "Moscow, March 4. Russia attacked Ukraine on Monday near Kyiv, officials said. "
    "Ukraine condemned Russia for the strike! Talks were not planned."
)
A2 = (
    "KYIV (Wire) - Russian forces again attacked Ukraine overnight, the army said in a statement "
    "on Tuesday. Residents of the capital spent the night in shelters."
)
A3 = "Pakistan held talks with India in Islamabad on April 10. Both sides called the meeting useful."
A4 = "Turkey sent aid to Syria. The convoy crossed the border at dawn; no one was hurt."
A5 = "Protesters marched in Lahore on Friday.\nPolice watched from a distance."


def actor(
    text: str,
    phrase: str,
    code: str | None,
    country: str | None,
    name: str | None = None,
    at: str | None = None,
) -> ActorRef:
    """An actor at the first occurrence of ``phrase`` (or of ``at``, which starts with it) in ``text``."""
    start = text.index(at or phrase)
    return ActorRef(phrase, start, start + len(phrase), code, country, name or phrase)


def mention(
    text: str,
    trigger: str,
    source: ActorRef | None,
    target: ActorRef | None,
    *,
    id: str,
    cameo: str,
    quad: int,
    goldstein: float,
    plover: str | None,
    date: str | None = None,
    location: Location | None = None,
    confidence: float = 0.8,
) -> Event:
    """An event mention at the first occurrence of ``trigger`` in ``text``."""
    start = text.index(trigger)
    return Event(
        id=id,
        sentence=0,
        start=start,
        end=start + len(trigger),
        trigger=trigger,
        source=source,
        target=target,
        cameo=cameo,
        root=cameo[:2],
        quad=quad,
        goldstein=goldstein,
        plover=Plover(plover),
        date=date,
        date_precision="day" if date else None,
        location=location,
        confidence=confidence,
    )


def records() -> list[ArticleRecord]:
    """Five articles: a Russian strike on Ukraine reported twice (one event, two mentions), a
    Ukrainian accusation, talks between Pakistan and India, Turkish aid to Syria (undated: the
    article's date) and a protest with no coded side."""
    strike = {"cameo": "190", "quad": 4, "goldstein": -10.0, "plover": "ASSAULT", "location": KYIV}
    return [
        ArticleRecord(
            id="a1",
            text=A1,
            url="https://one.example/a1",
            title="Russia strikes Ukraine",
            published="2024-03-04",
            events=[
                mention(
                    A1,
                    "attacked",
                    actor(A1, "Russia", "RUS", "RUS", "Russia"),
                    actor(A1, "Ukraine", "UKR", "UKR", "Ukraine"),
                    id="m1",
                    date="2024-03-04",
                    confidence=0.9,
                    **strike,  # type: ignore[arg-type]
                ),
                mention(
                    A1,
                    "condemned",
                    actor(A1, "Ukraine", "UKRGOV", "UKR", "Ukraine", at="Ukraine condemned"),
                    actor(A1, "Russia", "RUS", "RUS", "Russia", at="Russia for"),
                    id="m2",
                    cameo="111",
                    quad=3,
                    goldstein=-2.0,
                    plover="ACCUSE",
                    date="2024-03-04",
                    confidence=0.7,
                ),
            ],
            quotes=[
                Quote(
                    Speaker("officials", None, None, A1.index("officials"), A1.index("officials") + 9),
                    "said",
                    "Russia attacked Ukraine on Monday near Kyiv",
                    A1.index("Russia attacked"),
                    A1.index(", officials"),
                    False,
                )
            ],
            places=[Place("Kyiv", A1.index("Kyiv"), A1.index("Kyiv") + 4, 50.45, 30.52, "UKR", 703448)],
        ),
        ArticleRecord(
            id="a2",
            text=A2,
            url="https://two.example/a2",
            title="Russian forces attack again",
            published="2024-03-05",
            events=[
                mention(
                    A2,
                    "attacked",
                    actor(A2, "Russian forces", "RUS", "RUS", "Russia"),
                    actor(A2, "Ukraine", "UKR", "UKR", "Ukraine"),
                    id="m1",
                    date="2024-03-04",
                    confidence=0.6,
                    **strike,  # type: ignore[arg-type]
                )
            ],
            quotes=[
                Quote(
                    Speaker(
                        "the army",
                        "Armed Forces of Ukraine",
                        "UKRMIL",
                        A2.index("the army"),
                        A2.index("the army") + 8,
                    ),
                    "said",
                    "Russian forces again attacked Ukraine overnight",
                    A2.index("Russian"),
                    A2.index(", the army"),
                    False,
                )
            ],
        ),
        ArticleRecord(
            id="a3",
            text=A3,
            url="https://three.example/a3",
            title="Pakistan and India talk",
            published="2024-04-10",
            events=[
                mention(
                    A3,
                    "talks",
                    actor(A3, "Pakistan", "PAKGOV", "PAK", "Pakistan"),
                    actor(A3, "India", "IND", "IND", "India"),
                    id="m1",
                    cameo="040",
                    quad=1,
                    goldstein=1.0,
                    plover="CONSULT",
                    date="2024-04-10",
                    location=ISLAMABAD,
                )
            ],
        ),
        ArticleRecord(
            id="a4",
            text=A4,
            title="Turkey sends aid",
            published="2024-04-20",
            events=[
                mention(
                    A4,
                    "sent aid",
                    actor(A4, "Turkey", "TUR", "TUR", "Turkey"),
                    actor(A4, "Syria", "SYR", "SYR", "Syria"),
                    id="m1",
                    cameo="070",
                    quad=2,
                    goldstein=7.0,
                    plover="AID",
                )
            ],
        ),
        ArticleRecord(
            id="dir/a5.txt",
            text=A5,
            title="Protest in Lahore",
            published="2024-05-03",
            events=[
                mention(
                    A5,
                    "marched",
                    ActorRef("Protesters", 0, 10, None, None, None),
                    None,
                    id="m1",
                    cameo="141",
                    quad=3,
                    goldstein=-6.5,
                    plover="PROTEST",
                    date="2024-05-03",
                    location=Location("Lahore", "PAK", 31.55, 74.34, 1172451),
                    confidence=0.5,
                )
            ],
        ),
    ]


def build_store(path: Path) -> Path:
    """The store of `records` at ``path``."""
    with Store(path) as store:
        counts = store.write(records())
    assert counts["articles"] == 5 and counts["duplicates"] == 0, counts
    return path


def sha256(path: Path) -> str:
    """The hash of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store for the module: every test here only reads it."""
    return build_store(tmp_path_factory.mktemp("analyses") / "s.duckdb")


def rows(table: Any) -> list[dict[str, Any]]:
    return table.to_pylist()  # type: ignore[no-any-return]


def test_a_dyad_counts_both_directions_unless_directed(db: Path) -> None:
    with dateline.open_store(db) as store:
        both = rows(store.dyad_timeseries("RUS", "UKR"))
        assert both == [
            {
                "period": "2024-03-04",
                "count": 2,
                "goldstein": -6.0,
                "quad1": 0,
                "quad2": 0,
                "quad3": 1,
                "quad4": 1,
            }
        ]
        directed = rows(store.dyad_timeseries("UKR", "RUS", directed=True))
        assert [(r["count"], r["quad3"]) for r in directed] == [(1, 1)]
        assert rows(store.dyad_timeseries("rus", "ukr", interval="day"))[0]["period"] == "2024-03-04"
        assert rows(store.dyad_timeseries("RUS", "UKR", interval="month"))[0]["period"] == "2024-03-01"
        assert rows(store.dyad_timeseries("RUS", "UKR", plover="ASSAULT"))[0]["count"] == 1


def test_goldstein_is_the_mean_per_period_of_an_actor_or_of_everything(db: Path) -> None:
    with dateline.open_store(db) as store:
        everything = rows(store.goldstein(interval="month"))
        assert [(r["period"], r["count"]) for r in everything] == [
            ("2024-03-01", 2),
            ("2024-04-01", 2),
            ("2024-05-01", 1),
        ]
        assert everything[1]["goldstein"] == 4.0 and (everything[1]["quad1"], everything[1]["quad2"]) == (
            1,
            1,
        )
        pakistan = rows(store.goldstein("PAK", interval="week"))
        assert [(r["period"], r["goldstein"]) for r in pakistan] == [("2024-04-08", 1.0)]
        undated = rows(store.goldstein("TUR"))  # no event date: the article's publication date
        assert [r["period"] for r in undated] == ["2024-04-15"]


def test_actor_edges_are_counted_most_frequent_first(db: Path) -> None:
    with dateline.open_store(db) as store:
        edges = rows(store.actor_edges())
        assert [(e["source"], e["target"], e["count"]) for e in edges] == [
            ("PAKGOV", "IND", 1),
            ("RUS", "UKR", 1),
            ("TUR", "SYR", 1),
            ("UKRGOV", "RUS", 1),
        ]
        assert edges[1]["source_name"] == "Russia" and edges[1]["goldstein"] == -10.0
        assert rows(store.actor_edges(min_count=2)) == []
        assert len(rows(store.actor_edges(limit=2))) == 2
        assert [e["source"] for e in rows(store.actor_edges(country="UKR"))] == ["RUS", "UKRGOV"]


def test_geo_counts_by_place_and_by_country(db: Path) -> None:
    with dateline.open_store(db) as store:
        places = rows(store.geo_counts())
        assert [(p["name"], p["country"], p["count"]) for p in places] == [
            ("Islamabad", "PAK", 1),
            ("Kyiv", "UKR", 1),
            ("Lahore", "PAK", 1),
        ]
        assert (places[1]["lat"], places[1]["lon"]) == (50.45, 30.52)
        countries = rows(store.geo_counts(by="country"))
        assert [(c["country"], c["count"], c["goldstein"]) for c in countries] == [
            ("PAK", 2, -2.75),
            ("UKR", 1, -10.0),
        ]
        assert rows(store.geo_counts(bbox="60,20,80,40")) == [p for p in places if p["country"] == "PAK"]


def test_analyses_come_as_pandas_or_polars(db: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    with dateline.open_store(db) as store:
        assert list(store.goldstein(to="pandas")["count"]) == [2, 1, 1, 1]
        assert store.actor_edges(to="polars").height == 4
        assert len(store.geo_counts(by="country", to="pandas")) == 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 5),
        ({"actor": "RUS"}, 2),
        ({"actor": "UKR"}, 2),
        ({"source": "UKR"}, 1),
        ({"target": "SYR"}, 1),
        ({"dyad": "IND,PAK"}, 1),
        ({"country": "pak"}, 2),
        ({"cameo": "19"}, 1),
        ({"cameo": "0"}, None),
        ({"root": ["04", "07"]}, 2),
        ({"plover": "protest"}, 1),
        ({"quad": [3, "4"]}, 3),
        ({"since": "2024-04-01"}, 3),
        ({"until": "2024-03-31"}, 2),
        ({"since": "2024-04-11", "until": "2024-04-30"}, 1),
        ({"bbox": (25, 45, 35, 55)}, 1),
        ({"q": "NEAR KYIV"}, 1),
        ({"q": "lahore"}, 1),
        ({"q": "' OR 1=1 --"}, 0),
        ({"min_confidence": 0.85}, 1),
        ({"min_confidence": "0"}, 5),
    ],
)
def test_each_filter_keeps_its_events(db: Path, filters: dict[str, Any], expected: int | None) -> None:
    with dateline.open_store(db) as store:
        if expected is None:
            with pytest.raises(ParameterError):
                store.goldstein(**filters)
            return
        assert sum(r["count"] for r in rows(store.goldstein(**filters))) == expected


def test_the_evidence_is_the_sentence_of_the_mention(db: Path) -> None:
    from dateline.event_filters import evidence_sql

    with Store(db, read_only=True) as store:
        found = dict(
            store.con.execute(
                f"SELECT m.article_id || '/' || m.trigger, {evidence_sql()} FROM mentions m "
                "JOIN articles a ON a.id = m.article_id"
            ).fetchall()
        )
    assert found["a1/attacked"] == "Russia attacked Ukraine on Monday near Kyiv, officials said."
    assert found["a1/condemned"] == "Ukraine condemned Russia for the strike!"
    assert found["a2/attacked"].startswith("KYIV (Wire) - Russian forces") and found["a2/attacked"].endswith(
        "on Tuesday."
    )
    assert found["a4/sent aid"] == "Turkey sent aid to Syria."
    assert found["dir/a5.txt/marched"] == "Protesters marched in Lahore on Friday."  # a line break ends it


@pytest.mark.parametrize(
    ("values", "parameter"),
    [
        ({"actor": "RUS'; DROP TABLE events; --"}, "actor"),
        ({"actor": "R"}, "actor"),
        ({"source": "1=1"}, "source"),
        ({"dyad": "RUS"}, "dyad"),
        ({"dyad": "RUS,UKR,USA"}, "dyad"),
        ({"country": "PAKI"}, "country"),
        ({"cameo": "19a"}, "cameo"),
        ({"root": "21"}, "root"),
        ({"root": ["01"] * 21}, "root"),
        ({"plover": "BOMB"}, "plover"),
        ({"quad": 5}, "quad"),
        ({"since": "2024-02-30"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2024-05-01", "until": "2024-04-01"}, "until"),
        ({"bbox": "0,0,1"}, "bbox"),
        ({"bbox": "10,0,5,1"}, "bbox"),
        ({"bbox": "0,-91,1,1"}, "bbox"),
        ({"bbox": "nan,0,1,1"}, "bbox"),
        ({"q": "x" * 201}, "q"),
        ({"min_confidence": "1.5"}, "min_confidence"),
        ({"min_confidence": "inf"}, "min_confidence"),
    ],
)
def test_a_bad_filter_is_a_config_error_naming_it(values: dict[str, Any], parameter: str) -> None:
    with pytest.raises(ConfigError, match=f"^\\[E012\\] {parameter}: ") as caught:
        EventFilters.parse(**values)
    assert isinstance(caught.value, ParameterError) and caught.value.parameter == parameter


def test_filters_are_normalised_and_empty_ones_ignored() -> None:
    parsed = EventFilters.parse(
        actor=" rus ", dyad="rus,ukr", country="pak", plover=["assault"], quad="4", root=19, q="  ", bbox=" "
    )
    assert (parsed.actor, parsed.dyad, parsed.country, parsed.plover) == (
        "RUS",
        ("RUS", "UKR"),
        "PAK",
        ("ASSAULT",),
    )
    assert (parsed.quads, parsed.roots, parsed.q, parsed.bbox) == ((4,), ("19",), None, None)
    assert EventFilters.parse(since="", until=None) == EventFilters()
    assert EventFilters.parse(root=[4, "19"], quad=(1, 2), bbox=[-10, -5.5, 10, 5.5]) == EventFilters(
        roots=("04", "19"), quads=(1, 2), bbox=(-10.0, -5.5, 10.0, 5.5)
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.goldstein(colour="red"), "colour: unknown filter"),
        (lambda s: s.goldstein(interval="year"), "interval:"),
        (lambda s: s.geo_counts(by="city"), "by:"),
        (lambda s: s.actor_edges(min_count=0), "min_count:"),
        (lambda s: s.actor_edges(limit=0), "limit:"),
        (lambda s: s.dyad_timeseries("RUS", "UKR", dyad="A,B"), "dyad:"),
        (lambda s: s.dyad_timeseries("RUS", "", directed=True), "target:"),
        (lambda s: s.goldstein(to="excel"), "to:"),
    ],
)
def test_bad_arguments_are_config_errors_and_the_store_is_untouched(db: Path, call, message: str) -> None:  # type: ignore[no-untyped-def]
    before = sha256(db)
    with dateline.open_store(db) as store, pytest.raises(ConfigError, match=message):
        call(store)
    assert sha256(db) == before
