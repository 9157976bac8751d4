"""End-to-end tests of the web view of `dateline serve`: a store built from the bundled examples (and
from ../shared's VOA corpus when it is there), the server run as `dateline serve` in a subprocess, and
the page driven with Playwright in Debian's headless Chromium.

The clicks go both ways: timeline bar -> that period's events -> an event -> its mention -> the
article with the trigger highlighted at the API's offsets; and article -> event -> the same event in
another article. Every page is checked to ask nothing of any host but the server and to log no
console error. Screenshots go to test-output/screenshots/ (and the VOA dashboard to
docs/screenshot.png when it is missing or DATELINE_UPDATE_SCREENSHOT=1).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest

from conftest import EXAMPLES, ROOT, SHARED

STATIC = ROOT / "src" / "dateline" / "serve" / "static"

SCREENSHOTS = ROOT / "test-output" / "screenshots"
README_SCREENSHOT = ROOT / "docs" / "screenshot.png"
VOA = SHARED / "corpora" / "voa.jsonl"
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_MS = 20_000
#: The server's command line, before its options.
SERVE = [sys.executable, "-m", "dateline", "serve"]


# ---- fixtures: stores, servers, the browser -------------------------------------------------------


@dataclass
class Server:
    """A running `dateline serve` and what it serves."""

    url: str
    db: Path
    process: subprocess.Popen[bytes]

    def api(self, path: str, **params: Any) -> Any:
        query = f"?{urlencode(params, doseq=True)}" if params else ""
        with urllib.request.urlopen(f"{self.url}api/{path}{query}", timeout=30) as response:
            return json.load(response)

    def all_events(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": 1000}
        while True:
            page = self.api("events", **params)
            items.extend(page["items"])
            if not page["next"]:
                return items
            params["cursor"] = page["next"]


def _start_server(db: Path, log: Path) -> Server:
    """`dateline serve --port 0` in a subprocess; its URL read from the line it prints."""
    command = [*SERVE, "--db", str(db), "--host", "127.0.0.1", "--port", "0"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"serving .* at (http://\S+?/?)\s*$", log.read_text(errors="replace"), re.MULTILINE)
        if found:
            url = found.group(1) if found.group(1).endswith("/") else f"{found.group(1)}/"
            return Server(url=url, db=db, process=process)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"dateline serve did not start: {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): no browser to drive")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


def _serve(
    paths: list[Path], name: str, tmp_path_factory: pytest.TempPathFactory, pipeline: Any
) -> Iterator[Server]:
    from dateline.runs import run_into_store

    folder = tmp_path_factory.mktemp(name)
    db = folder / f"{name}.duckdb"
    summary = run_into_store(paths, db, pipeline=pipeline)
    assert summary.coded and not summary.failed, summary
    server = _start_server(db, folder / "serve.log")
    try:
        yield server
    finally:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture(scope="module")
def examples(browser: Any, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[Server]:
    """The server of a store coded from the bundled examples."""
    yield from _serve([EXAMPLES], "examples", tmp_path_factory, pipeline)


@pytest.fixture(scope="module")
def voa(browser: Any, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[Server]:
    """The server of a store coded from ../shared's 45 VOA stories (skips when ../shared is absent)."""
    if not VOA.exists():
        pytest.skip(f"{VOA} is absent: the VOA store is built from the shared corpora beside the repo")
    yield from _serve([VOA], "voa", tmp_path_factory, pipeline)


@dataclass
class Visit:
    """A page on the server, with every request it made and every console error it logged."""

    server: Server
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def go(self, route: str = "#/") -> None:
        url = f"{self.server.url}{route}"
        if self.page.url == url:
            self.act(self.page.reload)
        else:
            self.act(lambda: self.page.goto(url))

    def act(self, action: Any) -> None:
        """Do something that changes the route, and wait until the new view has rendered."""
        self.page.evaluate("() => { if (document.body) document.body.dataset.state = 'waiting'; }")
        action()
        self.page.wait_for_selector("body[data-state=ready]", timeout=TIMEOUT_MS)

    def click(self, selector: str) -> None:
        self.act(lambda: self.page.locator(selector).first.click())

    def check_clean(self) -> None:
        """No request left the server and nothing went to the console as an error."""
        host = urlsplit(self.server.url).netloc
        assert any(urlsplit(u).netloc == host for u in self.requests), "no request was recorded"
        foreign = [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host
        ]
        assert not foreign, f"requests to other hosts: {foreign}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """``visit(server)``: a fresh page (its own context) on a server; checked clean at the end."""
    opened: list[tuple[Any, Visit]] = []

    def open_page(server: Server) -> Visit:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        seen = Visit(server, page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
        page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
        opened.append((context, seen))
        return seen

    yield open_page
    for context, seen in opened:
        context.close()
        seen.check_clean()


# ---- helpers ------------------------------------------------------------------------------------


def _trigger_offsets(v: Visit) -> dict[str, Any]:
    """The selected trigger element: its text, its data offsets and its code-point offset in the text."""
    result: dict[str, Any] = v.page.evaluate(
        """() => {
        const mark = document.querySelector('#article-text [data-role="trigger"].selected');
        if (!mark) return null;
        const range = document.createRange();
        range.setStart(document.querySelector('#article-text'), 0);
        range.setEndBefore(mark);
        const box = mark.getBoundingClientRect();
        return {text: mark.textContent, mention: mark.dataset.mention, start: Number(mark.dataset.start),
                end: Number(mark.dataset.end), before: Array.from(range.toString()).length,
                visible: box.top >= 0 && box.bottom <= window.innerHeight};
    }"""
    )
    assert result is not None, "no selected trigger in the article view"
    return result


def _check_selected_mention(v: Visit, article: dict[str, Any], mention_id: str) -> None:
    """The article view shows ``article`` with mention ``mention_id`` marked at the API's offsets."""
    (mention,) = [e for e in article["events"] if e["mention_id"] == mention_id]
    shown = _trigger_offsets(v)
    assert shown["mention"] == mention_id
    assert shown["text"] == mention["trigger"]
    assert (shown["start"], shown["end"]) == (mention["start"], mention["end"])
    assert shown["before"] == mention["start"], "the highlight is not at the trigger's code-point offset"
    assert "".join(list(article["text"])[mention["start"] : mention["end"]]) == mention["trigger"]
    assert shown["visible"], "the selected event is not scrolled into view"
    assert v.page.locator("#article-title").inner_text() == (article["title"] or article["id"])
    for role in ("source", "target"):
        side = mention[role]
        if side and side["start"] is not None:
            spans = v.page.locator(f'#article-text [data-role="{role}"][data-mention="{mention_id}"]')
            assert spans.count() >= 1
            assert "".join(spans.all_inner_texts()) == side["text"]


def _screenshot(v: Visit, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    v.page.screenshot(path=str(path))
    _assert_not_blank(v, path)
    return path


def _assert_not_blank(v: Visit, path: Path) -> None:
    """Decode the PNG in a blank page of the same browser (no image library needed here) and check
    that it is not one flat colour: many colours, none covering nearly everything."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, f"{path}: not a PNG of a page"
    page = v.page.context.browser.new_page()
    try:
        stats = page.evaluate(
            """async (src) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            const canvas = document.createElement('canvas');
            [canvas.width, canvas.height] = [image.width, image.height];
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            const counts = new Map();
            for (let i = 0; i < pixels.length; i += 4) {
                const key = (pixels[i] >> 3) << 10 | (pixels[i + 1] >> 3) << 5 | (pixels[i + 2] >> 3);
                counts.set(key, (counts.get(key) || 0) + 1);
            }
            return {width: image.width, height: image.height, colours: counts.size,
                    top: Math.max(...counts.values()) / (pixels.length / 4)};
        }""",
            "data:image/png;base64," + base64.b64encode(data).decode("ascii"),
        )
    finally:
        page.close()
    assert (stats["width"], stats["height"]) == (VIEWPORT["width"], VIEWPORT["height"])
    assert stats["colours"] >= 40 and stats["top"] < 0.9, f"{path} looks blank: {stats}"


# ---- tests --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_timeline_bar_to_table_to_event_to_article(examples: Server, visit: Any) -> None:
    v = visit(examples)
    v.go()
    bars = v.page.locator("#timeline .bar[data-period]")
    assert bars.count() >= 1
    series = examples.api("analyses/timeseries", interval="day")["items"]
    busiest = max(series, key=lambda d: d["count"])
    since = until = busiest["period"]
    v.act(lambda: v.page.select_option("#interval", "day"))
    v.click(f'#timeline .bar[data-period="{since}"]')
    assert v.page.locator(f'#timeline .bar.selected[data-period="{since}"]').count() == 1
    rows = v.page.locator("#events-table tbody tr[data-event]")
    expected = examples.api("events", since=since, until=until, limit=1000)["items"]
    assert rows.count() == len(expected) == busiest["count"]
    assert [r.get_attribute("data-event") for r in rows.all()] == [e["event_id"] for e in expected]
    dates = [
        d.strip() for d in v.page.locator("#events-table tbody tr[data-event] td.date").all_inner_texts()
    ]
    assert all(since <= d <= until for d in dates), dates

    event_id = rows.first.get_attribute("data-event")
    v.click(f'#events-table tbody tr[data-event="{event_id}"]')
    assert v.page.locator("#event-view").is_visible() and not v.page.locator("#dashboard").is_visible()
    event = examples.api(f"events/{quote(event_id)}")
    links = v.page.locator("#event-view a.mention[data-article]")
    assert links.count() == len(event["mentions"]) >= 1
    mention = event["mentions"][0]
    v.click(f'#event-view a.mention[data-mention="{mention["mention_id"]}"]')
    assert v.page.locator("#article-view").is_visible()
    assert f"#/article/{quote(mention['article_id'])}?event={mention['mention_id']}" in v.page.url
    article = examples.api(f"articles/{quote(mention['article_id'])}")
    _check_selected_mention(v, article, mention["mention_id"])
    assert _trigger_offsets(v)["text"] == event["trigger"] == mention["trigger"]
    _screenshot(v, "examples-article")


@pytest.mark.slow
def test_every_event_and_quote_is_highlighted(examples: Server, visit: Any) -> None:
    article_id = examples.api("events", limit=1)["items"][0]["article_id"]
    article = examples.api(f"articles/{quote(article_id)}")
    v = visit(examples)
    v.go(f"#/article/{quote(article_id)}")
    text = v.page.locator("#article-text")
    assert text.inner_text().strip() == article["text"].strip()
    triggers = text.locator('[data-role="trigger"]')
    assert sorted(t.get_attribute("data-mention") for t in triggers.all()) == sorted(
        e["mention_id"] for e in article["events"]
    )
    assert text.locator('[data-role="quote"]').count() >= len(
        [q for q in article["quotes"] if q["end"] > q["start"]]
    )
    speakers = [q for q in article["quotes"] if q["speaker"] and q["speaker"]["start"] is not None]
    assert text.locator('[data-role="speaker"]').count() >= len(speakers)
    # choosing another event in the text selects it (and only it)
    other = article["events"][-1]
    v.page.locator(f'#article-text [data-role="trigger"][data-mention="{other["mention_id"]}"]').click()
    selected = text.locator('[data-role="trigger"].selected')
    assert selected.count() == 1 and selected.get_attribute("data-mention") == other["mention_id"]
    assert v.page.url.endswith(f"?event={other['mention_id']}")


@pytest.mark.slow
def test_article_to_event_to_other_article(voa: Server, visit: Any) -> None:
    """The reverse path, on the VOA store, where some events are reported by several articles."""
    shared = [e for e in voa.all_events() if e["num_articles"] > 1]
    assert shared, "no event of the VOA store is reported by two articles"
    event = voa.api(f"events/{quote(shared[0]['event_id'])}")
    first = event["mentions"][0]
    second = next(m for m in event["mentions"] if m["article_id"] != first["article_id"])
    v = visit(voa)
    v.go(f"#/article/{quote(first['article_id'])}?event={first['mention_id']}")
    _check_selected_mention(v, voa.api(f"articles/{quote(first['article_id'])}"), first["mention_id"])
    others = v.page.locator("#article-side a.other[data-article]")
    assert second["article_id"] in [o.get_attribute("data-article") for o in others.all()]
    _screenshot(v, "voa-article")

    v.click("#article-side a.open-event")
    assert v.page.locator("#event-view").is_visible()
    assert f"#/event/{event['event_id']}" in v.page.url
    v.click(f'#event-view a.mention[data-mention="{second["mention_id"]}"]')
    target = voa.api(f"articles/{quote(second['article_id'])}")
    _check_selected_mention(v, target, second["mention_id"])

    # and straight from the article's list of other articles, with the event's id in the route
    v.go(f"#/article/{quote(first['article_id'])}?event={first['mention_id']}")
    v.click(f'#article-side a.other[data-article="{second["article_id"]}"]')
    _check_selected_mention(v, target, second["mention_id"])


@pytest.mark.slow
def test_map_network_and_table_paging(examples: Server, visit: Any) -> None:
    v = visit(examples)
    v.go()
    assert v.page.locator("#map svg path.country").count() > 150  # the world outline
    places = examples.api("analyses/geo", by="place")["items"]
    assert places and v.page.locator("#map svg circle.dot").count() == len(places)
    edges = examples.api("analyses/edges", limit=60)["items"]
    actors = {e["source"] for e in edges} | {e["target"] for e in edges}
    assert edges and v.page.locator("#network g.node").count() == len(actors)
    assert v.page.locator("#network path.edge").count() >= 1
    _screenshot(v, "examples-dashboard")
    # a dot filters the table to its place; a node follows its actor
    at = int(v.page.locator("#map svg circle.dot").first.get_attribute("data-count"))
    v.click("#map svg circle.dot")
    assert v.page.locator("#table-filter .chip").count() == 1
    assert v.page.locator("#events-table tbody tr[data-event]").count() == min(at, 50)
    code = v.page.locator("#network g.node").first.get_attribute("data-actor")
    v.click(f'#network g.node[data-actor="{code}"]')
    assert v.page.locator("#actor").input_value() == code
    expected = examples.api("events", actor=code, limit=1000)["items"]
    assert v.page.locator("#events-table tbody tr[data-event]").count() == len(expected)


@pytest.mark.slow
def test_voa_dashboard(voa: Server, visit: Any) -> None:
    v = visit(voa)
    v.page.set_viewport_size(VIEWPORT)
    v.go()
    assert v.page.locator("#timeline .bar[data-period]").count() >= 5
    assert v.page.locator("#map svg circle.dot").count() >= 5
    assert v.page.locator("#network g.node").count() >= 10
    rows = v.page.locator("#events-table tbody tr[data-event]")
    shown = rows.count()
    assert shown >= 1 and v.page.locator("#more").is_visible()
    v.page.locator("#more").click()
    v.page.wait_for_function(
        f"document.querySelectorAll('#events-table tbody tr[data-event]').length > {shown}"
    )
    ids = [r.get_attribute("data-event") for r in rows.all()]
    assert len(ids) == len(set(ids)), "the next page repeats events"
    v.go()
    path = _screenshot(v, "voa-dashboard")
    if not README_SCREENSHOT.exists() or os.environ.get("DATELINE_UPDATE_SCREENSHOT") == "1":
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SCREENSHOT)


@pytest.mark.slow
def test_the_views_ask_only_the_server(examples: Server, visit: Any) -> None:
    """Dashboard, event, article and the API docs load nothing from any other host (no CDN, no web
    font) and log no console error (the visit fixture checks both for every test; here explicitly)."""
    first = examples.api("events", limit=1)["items"][0]
    v = visit(examples)
    for route in ("#/", f"#/event/{first['event_id']}", f"#/article/{quote(first['article_id'])}"):
        v.go(route)
    v.page.goto(f"{examples.url}docs")
    v.page.wait_for_selector(".swagger-ui .info", timeout=TIMEOUT_MS)
    with urllib.request.urlopen(f"{examples.url}static/NOTICE.txt", timeout=30) as notice:
        assert b"Natural Earth" in notice.read()  # the map's attribution is served with it
    v.check_clean()
    assert {urlsplit(u).path for u in v.requests} >= {"/", "/static/app.js", "/static/world.json", "/docs"}


@pytest.mark.slow
def test_filters_escape_and_errors(examples: Server, visit: Any) -> None:
    """Actor and date controls filter every chart; text from the URL stays text; a bad event id
    shows an error message rather than a broken page."""
    v = visit(examples)
    meta = examples.api("meta")
    code = meta["actors"][0]["code"]
    v.go()
    v.act(lambda: v.page.select_option("#actor", code))
    expected = examples.api("events", actor=code, limit=1000)["items"]
    assert v.page.locator("#events-table tbody tr[data-event]").count() == len(expected)
    assert f"actor={code}" in v.page.url
    v.go("#/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert v.page.locator("#q").input_value() == "<img src=x onerror=alert(1)>"
    assert v.page.locator("img").count() == 0
    v.go("#/event/no-such-event")
    v.errors[:] = [e for e in v.errors if "404" not in e]  # the browser logs the API's 404: expected
    assert v.page.locator("#status.error").count() == 1
    assert "no-such-event" in v.page.locator("#status").inner_text()


def test_world_outline_is_small_and_sound() -> None:
    """The shipped world outline: Natural Earth's 177 countries, small, coordinates in range (a ring
    that crosses the antimeridian is given twice, 360 degrees apart, each partly past 180),
    attributed in NOTICE.txt."""
    path = STATIC / "world.json"
    assert path.stat().st_size < 300_000
    world = json.loads(path.read_text(encoding="utf-8"))
    countries = world["countries"]
    assert len(countries) == 177
    assert {"RUS", "USA", "KEN", "FJI", "ATA"} <= {c["iso3"] for c in countries}
    for country in countries:
        assert country["rings"], country["name"]
        for ring in country["rings"]:
            assert len(ring) % 2 == 0 and len(ring) >= 6
            xs, ys = ring[0::2], ring[1::2]
            assert all(-90 <= y <= 90 for y in ys) and all(-540 <= x <= 540 for x in xs)
            assert any(-180 <= x <= 180 for x in xs), "a ring wholly off the map"
    assert "Natural Earth" in (STATIC / "NOTICE.txt").read_text(encoding="utf-8")
    assert not any(p.name == "node_modules" for p in STATIC.rglob("*"))


def test_static_files_use_no_outside_resource() -> None:
    """No CDN, web font or other host is named by the web view's files (links to an article's own
    URL are made at run time from the data)."""
    for path in STATIC.glob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")  # a name only
            assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE), path.name
            assert "@import" not in text and "innerHTML" not in text, path.name
