"""`dateline serve`'s HTTP API (the contract the web view reads), over a store built by hand."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.serve import create_app
from dateline.serve.app import STATIC
from test_analyses import A1, A2, build_store, sha256

EVENT_FIELDS = [
    "event_id",
    "date",
    "cameo",
    "root",
    "quad",
    "goldstein",
    "plover_event",
    "plover_mode",
    "source_code",
    "source_name",
    "source_country",
    "target_code",
    "target_name",
    "target_country",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "article_id",
    "mention_id",
    "trigger",
    "evidence",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "s.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def events(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    return get(client, f"/api/events?{query}")["items"]  # type: ignore[no-any-return]


def test_meta_counts_the_store_and_lists_its_actors(client: TestClient) -> None:
    meta = get(client, "/api/meta")
    assert {k: meta[k] for k in ("articles", "events", "mentions", "quotes")} == {
        "articles": 5,
        "events": 5,
        "mentions": 6,
        "quotes": 2,
    }
    assert (meta["first_date"], meta["last_date"]) == ("2024-03-04", "2024-05-03")
    assert meta["actors"][0] == {"code": "RUS", "name": "Russia", "count": 2}
    assert {a["code"] for a in meta["actors"]} == {"RUS", "UKR", "UKRGOV", "PAKGOV", "IND", "TUR", "SYR"}


def test_events_come_by_date_with_their_evidence(client: TestClient) -> None:
    items = events(client)
    assert all(list(item) == EVENT_FIELDS for item in items)
    assert [i["date"] for i in items] == [
        "2024-03-04",
        "2024-03-04",
        "2024-04-10",
        "2024-04-20",
        "2024-05-03",
    ]
    assert items[0]["event_id"] < items[1]["event_id"]
    strike = next(i for i in items if i["cameo"] == "190")
    assert (strike["num_mentions"], strike["num_articles"], strike["num_sources"]) == (2, 2, 2)
    assert (strike["article_id"], strike["mention_id"], strike["trigger"]) == ("a1", "m1", "attacked")
    assert strike["evidence"] == "Russia attacked Ukraine on Monday near Kyiv, officials said."
    assert (strike["location_name"], strike["location_lat"]) == ("Kyiv", 50.45)


def test_pages_follow_the_cursor_to_the_end(client: TestClient) -> None:
    seen: list[str] = []
    url = "/api/events?limit=2"
    while True:
        page = get(client, url)
        assert len(page["items"]) <= 2
        seen += [i["event_id"] for i in page["items"]]
        if page["next"] is None:
            break
        url = f"/api/events?limit=2&cursor={page['next']}"
    assert seen == [i["event_id"] for i in events(client)]
    assert get(client, "/api/events?limit=5")["next"] is None


def test_a_cursor_from_another_list_or_edited_is_refused(client: TestClient) -> None:
    cursor = get(client, "/api/events?limit=1")["next"]
    body, signature = cursor.split(".")
    for forged in (body + "." + signature[::-1], body[:-2] + "." + signature, "x", cursor + "x"):
        error = get(client, f"/api/events?cursor={forged}", 400)["error"]
        assert (error["code"], error["parameter"]) == ("bad_parameter", "cursor")
    assert get(client, f"/api/quotes?cursor={cursor}", 400)["error"]["parameter"] == "cursor"


@pytest.mark.parametrize(
    ("query", "cameos"),
    [
        ("actor=RUS", ["111", "190"]),
        ("actor=ukr", ["111", "190"]),
        ("source=RUS&target=UKR", ["190"]),
        ("dyad=IND,PAK", ["040"]),
        ("country=PAK", ["040", "141"]),
        ("cameo=19", ["190"]),
        ("root=04&root=07", ["040", "070"]),
        ("plover=ASSAULT&plover=AID", ["070", "190"]),
        ("quad=1&quad=2", ["040", "070"]),
        ("since=2024-04-10&until=2024-04-30", ["040", "070"]),
        ("bbox=70,30,80,40", ["040", "141"]),
        ("q=CONDEMNED", ["111"]),
        ("q=%27%20OR%201%3D1%20--", []),
        ("min_confidence=0.85", ["190"]),
        ("actor=&q=", ["040", "070", "111", "141", "190"]),
    ],
)
def test_events_filter(client: TestClient, query: str, cameos: list[str]) -> None:
    assert sorted(i["cameo"] for i in events(client, query)) == cameos


def test_events_as_ndjson_csv_and_parquet(client: TestClient) -> None:
    import pyarrow.parquet as pq

    response = client.get("/api/events?format=ndjson&limit=2")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [list(line) for line in lines] == [EVENT_FIELDS, EVENT_FIELDS]
    after = get(client, f"/api/events?limit=3&cursor={response.headers['x-next-cursor']}")["items"]
    assert [i["event_id"] for i in after] == [i["event_id"] for i in events(client)][2:]
    response = client.get("/api/events?format=csv&actor=RUS")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert list(table[0]) == EVENT_FIELDS and len(table) == 2 and "x-next-cursor" not in response.headers
    response = client.get("/api/events?format=parquet")
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    parquet = pq.read_table(io.BytesIO(response.content))
    assert parquet.column_names == EVENT_FIELDS and parquet.num_rows == 5


def test_an_event_lists_its_mentions(client: TestClient) -> None:
    strike = events(client, "cameo=190")[0]
    found = get(client, f"/api/events/{strike['event_id']}")
    assert {k: found[k] for k in EVENT_FIELDS} == strike
    mentions = found["mentions"]
    assert [(m["article_id"], m["mention_id"], m["published"]) for m in mentions] == [
        ("a1", "m1", "2024-03-04"),
        ("a2", "m1", "2024-03-05"),
    ]
    second = mentions[1]
    assert (second["title"], second["url"], second["trigger"]) == (
        "Russian forces attack again",
        "https://two.example/a2",
        "attacked",
    )
    assert A2[second["start"] : second["end"]] == "attacked" and second["sentence"] == 0
    assert second["evidence"].startswith("KYIV (Wire) - Russian forces again attacked Ukraine")
    assert get(client, "/api/events/0000000000000000", 404)["error"]["code"] == "not_found"


def test_an_article_has_its_events_quotes_and_places_with_offsets(client: TestClient) -> None:
    article = get(client, "/api/articles/a1")
    assert (article["id"], article["title"], article["text"]) == ("a1", "Russia strikes Ukraine", A1)
    first, second = article["events"]
    assert (first["mention_id"], first["trigger"], first["cameo"]) == ("m1", "attacked", "190")
    text = article["text"]
    assert text[first["start"] : first["end"]] == "attacked"
    assert text[first["source"]["start"] : first["source"]["end"]] == "Russia" == first["source"]["text"]
    start = A1.index("Ukraine")
    assert first["target"] == {
        "text": "Ukraine",
        "code": "UKR",
        "name": "Ukraine",
        "start": start,
        "end": start + 7,
    }
    assert first["others"] == [
        {"article_id": "a2", "title": "Russian forces attack again", "url": "https://two.example/a2"}
    ]
    assert second["others"] == [] and second["plover_event"] == "ACCUSE"
    (quote,) = article["quotes"]
    assert list(quote) == ["id", "speaker", "cue", "content", "start", "end", "direct"]
    assert text[quote["speaker"]["start"] : quote["speaker"]["end"]] == "officials"
    assert article["places"] == [
        {
            "text": "Kyiv",
            "start": A1.index("Kyiv"),
            "end": A1.index("Kyiv") + 4,
            "lat": 50.45,
            "lon": 30.52,
            "country": "UKR",
        }
    ]
    nested = get(client, "/api/articles/dir/a5.txt")  # an id with a slash (a file path)
    assert nested["events"][0]["target"] is None and nested["quotes"] == [] and nested["places"] == []
    assert get(client, "/api/articles/absent", 404)["error"]["code"] == "not_found"


def test_quotes_by_speaker_text_and_article(client: TestClient) -> None:
    items = get(client, "/api/quotes")["items"]
    assert [q["article_id"] for q in items] == ["a1", "a2"]
    assert list(items[1]) == [
        "article_id",
        "id",
        "speaker_text",
        "speaker_name",
        "speaker_code",
        "cue",
        "content",
        "direct",
        "title",
        "published",
    ]
    by = {
        query: [q["article_id"] for q in get(client, f"/api/quotes?{query}")["items"]]
        for query in (
            "speaker=UKR",
            "speaker=armed%20forces",
            "speaker=OFFICIALS",
            "q=overnight",
            "article_id=a1",
            "speaker=RUS",
        )
    }
    assert by == {
        "speaker=UKR": ["a2"],
        "speaker=armed%20forces": ["a2"],
        "speaker=OFFICIALS": ["a1"],
        "q=overnight": ["a2"],
        "article_id=a1": ["a1"],
        "speaker=RUS": [],
    }
    page = get(client, "/api/quotes?limit=1")
    rest = get(client, f"/api/quotes?limit=1&cursor={page['next']}")
    assert [q["article_id"] for q in page["items"] + rest["items"]] == ["a1", "a2"] and rest["next"] is None


def test_the_analyses(client: TestClient) -> None:
    series = get(client, "/api/analyses/timeseries?dyad=RUS,UKR&interval=day&measure=goldstein")
    assert series == {
        "interval": "day",
        "items": [
            {
                "period": "2024-03-04",
                "count": 2,
                "goldstein": -6.0,
                "quad1": 0,
                "quad2": 0,
                "quad3": 1,
                "quad4": 1,
            }
        ],
    }
    directed = get(client, "/api/analyses/timeseries?source=UKR&target=RUS")["items"]
    assert [(p["period"], p["count"]) for p in directed] == [("2024-03-04", 1)]
    weekly = get(client, "/api/analyses/timeseries")
    assert weekly["interval"] == "week" and sum(p["count"] for p in weekly["items"]) == 5
    edges = get(client, "/api/analyses/edges?min_count=1&limit=2")["items"]
    assert [(e["source"], e["target"]) for e in edges] == [("PAKGOV", "IND"), ("RUS", "UKR")]
    assert list(edges[0]) == ["source", "source_name", "target", "target_name", "count", "goldstein"]
    places = get(client, "/api/analyses/geo?country=PAK")["items"]
    assert [(p["name"], p["count"]) for p in places] == [("Islamabad", 1), ("Lahore", 1)]
    assert list(places[0]) == ["name", "country", "lat", "lon", "count", "goldstein"]
    countries = get(client, "/api/analyses/geo?by=country")["items"]
    assert countries == [
        {"country": "PAK", "count": 2, "goldstein": -2.75},
        {"country": "UKR", "count": 1, "goldstein": -10.0},
    ]


def test_errors_have_one_shape(client: TestClient) -> None:
    assert get(client, "/api/events?limit=1001", 400) == {
        "error": {
            "status": 400,
            "code": "bad_parameter",
            "message": "limit: at most 1000",
            "parameter": "limit",
        }
    }
    unknown = get(client, "/api/events?colour=red", 400)["error"]
    assert (unknown["code"], unknown["parameter"]) == ("unknown_parameter", "colour")
    assert get(client, "/api/meta?limit=1", 400)["error"]["code"] == "unknown_parameter"
    assert get(client, "/api/events?limit=1&limit=2", 400)["error"]["message"] == "limit: give it once"
    assert get(client, "/nowhere", 404)["error"]["code"] == "not_found"
    response = client.post("/api/events")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    assert get(client, "/api/analyses/geo?by=town", 400)["error"]["parameter"] == "by"


def test_the_docs_and_their_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "http://" not in page.text and "https://" not in page.text
    assert '"validatorUrl": null' in page.text
    for asset in ("/swagger/swagger-ui-bundle.js", "/swagger/swagger-ui.css"):
        assert client.get(asset).status_code == 200
    assert client.get("/redoc").status_code == 404
    schema = get(client, "/openapi.json")
    assert set(schema["paths"]) == {
        "/api/meta",
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/analyses/timeseries",
        "/api/analyses/edges",
        "/api/analyses/geo",
    }
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "bbox", "q", "limit", "cursor", "format"} <= names


def test_the_web_view_is_served(client: TestClient) -> None:
    if not (STATIC / "index.html").is_file():
        pytest.skip("the web view is not in this checkout")
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


def test_serving_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    before = sha256(db)
    with TestClient(create_app(db)) as test_client:
        events(test_client)
        get(test_client, "/api/analyses/edges")
    assert sha256(db) == before


def test_serve_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("error: [E020] no store at")


def test_dateline_serve_prints_its_url_and_answers(db: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 120)
        assert ready, "dateline serve printed nothing in 2 minutes"
        line = process.stdout.readline()
        prefix = f"dateline: serving {db} at "
        assert line.startswith(prefix + "http://127.0.0.1:"), line + (
            process.stderr.read() if process.poll() else ""
        )
        url = line[len(prefix) :].strip()
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "api/meta", timeout=5) as response:
                    meta = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert meta["events"] == 5
    finally:
        process.terminate()
        process.wait(timeout=20)
