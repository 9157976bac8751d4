"""`dateline serve` against hostile requests: SQL in every parameter of every endpoint, huge
values and page sizes, malformed dates and boxes, unknown parameters and path traversal. Every
answer is a 4xx in the one error shape (or, for free text, a page that matches nothing), never a
5xx, never more rows than the cap, and the store's bytes stay as they were."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.event_filters import FILTER_NAMES
from dateline.serve import create_app
from test_analyses import build_store, sha256

#: Each list endpoint and the parameters it takes.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "/api/meta": (),
    "/api/events": (*FILTER_NAMES, "limit", "cursor", "format"),
    "/api/quotes": ("speaker", "q", "article_id", "limit", "cursor", "format"),
    "/api/analyses/timeseries": (*FILTER_NAMES, "interval", "measure"),
    "/api/analyses/edges": (*FILTER_NAMES, "min_count", "limit"),
    "/api/analyses/geo": (*FILTER_NAMES, "by"),
}
#: Parameters of free text: SQL in them is text to look for (found nowhere), not an error.
FREE_TEXT = {"q", "speaker", "article_id", "measure"}
#: Parameters whose value is ignored.
IGNORED = {"measure"}
SQL = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "RUS' UNION SELECT text, 1 FROM articles --",
    '") OR 1=1 --',
    "%' OR 1=1 --",
    "1) OR (1=1",
    "'; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "%",
    "_",
    "\x00",
    "$1",
    "?",
]
CAP = 1000
TRAVERSALS = [
    "/static/../../pyproject.toml",
    "/static/..%2f..%2fpyproject.toml",
    "/static/..%2F..%2F..%2F..%2Fpyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/../../../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/..\\..\\pyproject.toml",
    "/static/%5c..%5c..%5cpyproject.toml",
    "/static/index.html/../../../pyproject.toml",
    "/swagger/../../../pyproject.toml",
    "/swagger/..%2f..%2f..%2fpyproject.toml",
    "/swagger/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/swagger/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/swagger/../app.py",
    "/swagger/..%2fapp.py",
    "/api/../pyproject.toml",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("hostile") / "s.duckdb")


@pytest.fixture(scope="module")
def before(db: Path) -> str:
    return sha256(db)


@pytest.fixture(scope="module")
def client(db: Path, before: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


def check_error(response: Any, parameter: str | None = None) -> dict[str, Any]:
    """The response is a 4xx in the one error shape (naming ``parameter`` when given)."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    body = response.json()
    assert list(body) == ["error"], body
    error = body["error"]
    assert (
        set(error) <= {"status", "code", "message", "parameter"} and error["status"] == response.status_code
    )
    assert error["code"] in {"bad_parameter", "unknown_parameter", "not_found", "method_not_allowed"}
    assert len(error["message"]) < 1000
    if parameter is not None:
        assert error.get("parameter") == parameter, error
    return error  # type: ignore[no-any-return]


def check_page(response: Any, empty: bool) -> None:
    """The response is a page of at most `CAP` rows (of none when ``empty``)."""
    assert response.status_code == 200, (response.status_code, response.text[:300])
    items = response.json()["items"]
    assert len(items) <= CAP
    if empty:
        assert items == [], items


CASES = [(path, name, value) for path, names in ENDPOINTS.items() for name in names for value in SQL]


@pytest.mark.parametrize(
    ("path", "name", "value"), CASES, ids=[f"{p}-{n}-{i % len(SQL)}" for i, (p, n, _) in enumerate(CASES)]
)
def test_sql_in_a_parameter_is_refused_or_found_nowhere(
    client: TestClient, path: str, name: str, value: str
) -> None:
    response = client.get(path, params={name: value})
    if (name in FREE_TEXT and value != "\x00") or name in IGNORED:
        check_page(response, empty=name not in IGNORED)
    elif name in FREE_TEXT:
        assert response.status_code in (200, 400)
    else:
        check_error(response, name)


@pytest.mark.parametrize("path", [p for p, names in ENDPOINTS.items() if names])
def test_ten_thousand_characters_are_refused_in_every_parameter(client: TestClient, path: str) -> None:
    for name in ENDPOINTS[path]:
        check_error(client.get(path, params={name: "A" * 10_000}), name)
        check_error(client.get(path, params={name: "1" * 10_000}), name)


@pytest.mark.parametrize("path", ["/api/events", "/api/quotes", "/api/analyses/edges"])
@pytest.mark.parametrize("limit", [10**9, 10**30, 1001, 0, -1, "1e3", "1.5", "", " "])
def test_a_page_larger_than_the_cap_is_refused(client: TestClient, path: str, limit: object) -> None:
    check_error(client.get(path, params={"limit": str(limit)}), "limit")


def test_huge_counts_are_bounded(client: TestClient) -> None:
    check_page(client.get("/api/analyses/edges", params={"min_count": 10**9}), empty=True)
    check_error(client.get("/api/analyses/edges", params={"min_count": 10**9 + 1}), "min_count")
    check_error(client.get("/api/analyses/edges", params={"min_count": 10**30}), "min_count")


@pytest.mark.parametrize(
    "value",
    [
        "2024-02-30",
        "2024/01/01",
        "20240101",
        "2024-1-1",
        "-1",
        "9999-99-99",
        "2024-01-01T00:00",
        "today",
        "0000-01-01",
    ],
)
@pytest.mark.parametrize("name", ["since", "until"])
def test_malformed_dates_are_refused(client: TestClient, name: str, value: str) -> None:
    for path in ("/api/events", "/api/analyses/timeseries", "/api/analyses/geo"):
        check_error(client.get(path, params={name: value}), name)


@pytest.mark.parametrize(
    "value",
    [
        "1,2,3",
        "a,b,c,d",
        "1,2,3,4,5",
        ",,,",
        "200,0,210,1",
        "0,-100,1,1",
        "10,0,5,1",
        "0,10,1,5",
        "nan,0,1,1",
        "inf,0,1,1",
        "1e400,0,1,1",
        "0x10,0,1,1",
        "1;2;3;4",
    ],
)
def test_malformed_boxes_are_refused(client: TestClient, value: str) -> None:
    for path in ("/api/events", "/api/analyses/edges", "/api/analyses/geo"):
        check_error(client.get(path, params={"bbox": value}), "bbox")


@pytest.mark.parametrize("path", [*ENDPOINTS, "/api/events/0000000000000000", "/api/articles/a1"])
@pytest.mark.parametrize("name", ["colour", "' OR 1=1 --", "limit;DROP", "Actor", "x" * 10_000])
def test_unknown_parameters_are_refused(client: TestClient, path: str, name: str) -> None:
    error = check_error(client.get(path, params={name: "1"}))
    assert error["code"] == "unknown_parameter" and len(error["parameter"]) <= 200


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("root", "١٩"),
        ("cameo", "١٩"),
        ("quad", "٤"),
        ("since", "２０２４-01-01"),
        ("until", "2024-0١-01"),
        ("actor", "ＲＵＳ"),
        ("country", "ПАК"),
        ("limit", "１０"),
        ("format", "ｊｓｏｎ"),
    ],
)
def test_digits_and_letters_of_other_scripts_are_refused(client: TestClient, name: str, value: str) -> None:
    check_error(client.get("/api/events", params={name: value}), name)


def test_a_single_valued_parameter_given_twice_is_refused(client: TestClient) -> None:
    check_error(client.get("/api/events?actor=RUS&actor=UKR"), "actor")
    check_error(client.get("/api/events?format=json&format=csv"), "format")
    check_error(client.get("/api/events?" + "root=01&" * 21), "root")
    assert client.get("/api/events?root=01&root=19").status_code == 200


@pytest.mark.parametrize("value", [*SQL, "..", "../../etc/passwd", "%2e%2e", "x" * 10_000])
def test_hostile_ids_are_not_found_or_refused(client: TestClient, value: str) -> None:
    from urllib.parse import quote

    for path in ("/api/events/", "/api/articles/"):
        error = check_error(client.get(path + quote(value, safe="")))
        assert error["code"] in ("not_found", "bad_parameter")


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_leaves_the_served_directories(client: TestClient, path: str) -> None:
    response = client.get(path)
    check_error(response)
    assert "[project]" not in response.text and "root:" not in response.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_refused(client: TestClient, method: str) -> None:
    for path in ("/api/events", "/api/meta", "/api/articles/a1"):
        assert check_error(client.request(method, path))["code"] == "method_not_allowed"


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[tuple[str, int]]:
    """The app under uvicorn on a loopback port: raw requests reach it as sent (no client
    normalises their paths)."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    app = create_app(db)
    instance = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield "127.0.0.1", sock.getsockname()[1]
    finally:
        instance.should_exit = True
        thread.join(timeout=20)
        sock.close()


def raw_get(server: tuple[str, int], path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*server, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_raw_traversal_requests_reach_nothing_outside(server: tuple[str, int]) -> None:
    status, body = raw_get(server, "/swagger/swagger-ui.css")
    assert status == 200 and body.startswith(b".swagger-ui")
    for path in TRAVERSALS:
        status, body = raw_get(server, path)
        assert 400 <= status < 500, (path, status, body[:200])
        assert b"[project]" not in body and b"root:" not in body, path


def test_the_store_is_unchanged(db: Path, before: str, client: TestClient) -> None:
    assert client.get("/api/meta").status_code == 200
    assert sha256(db) == before
