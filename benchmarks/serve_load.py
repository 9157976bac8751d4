"""Load on `dateline serve`: a fixed number of requests at a fixed concurrency, then it stops.

usage: python benchmarks/serve_load.py --db FILE [--requests 2000] [--concurrency 8]
                                       [--timeout 300]

It starts ``dateline serve --db FILE --port 0`` in a subprocess (the server has its own process,
so the client threads do not share its interpreter), reads the URL it prints, and asks
``/api/meta`` (the store's counts and actors) and ``/api/analyses/edges`` (the most frequent
dyads) once to choose the requests. Then ``--concurrency`` threads, each with its own keep-alive
HTTP connection, send ``--requests`` GETs between them, taking turns through a fixed mix:

* ``/api/events``: the first page (100 events); by actor (the most frequent one); by country
  (that actor's first three letters); by CAMEO roots 18 and 19; free text in the evidence
  (``q=said``); a date range (the store's first month); the second page (a cursor from the first);
* ``/api/analyses/timeseries?dyad=A,B`` for each of the five most frequent dyads.

Half the requests go to each endpoint. It prints the store's article and event counts, the
requests per second over the whole run (wall clock), and per endpoint and per variant the count,
the errors (any status but 200) and the median (p50) and 99th-percentile (p99) latencies. The
server is stopped at the end, or after ``--timeout`` seconds, whichever comes first.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit


@dataclass
class Results:
    """Latencies (seconds) and error counts per variant, filled by the client threads."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, variant: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(variant, []).append(seconds)
            if not ok:
                self.errors[variant] = self.errors.get(variant, 0) + 1


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    """``dateline serve`` on a free loopback port, and its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if " at http://" not in line:
        process.kill()
        error = process.stderr.read() if process.stderr else ""
        raise SystemExit(f"the server did not start: {line}{error}")
    return process, line.rsplit(" at ", 1)[1].strip()


def get_json(connection: http.client.HTTPConnection, path: str) -> Any:
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
    return json.loads(body)


def request_mix(connection: http.client.HTTPConnection) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The store's summary and the (variant, path) pairs to send, alternating the two endpoints."""
    meta = get_json(connection, "/api/meta")
    actors = [a["code"] for a in meta["actors"]] or ["USA"]
    first = meta["first_date"] or "2000-01-01"
    cursor = get_json(connection, "/api/events?limit=100")["next"]
    events = [
        ("events first page", "/api/events"),
        (f"events actor={actors[0]}", f"/api/events?actor={actors[0]}"),
        (f"events country={actors[0][:3]}", f"/api/events?country={actors[0][:3]}"),
        ("events root=18,19", "/api/events?root=18&root=19"),
        ("events q=said", "/api/events?q=said"),
        ("events first month", f"/api/events?since={first}&until={first[:8]}28"),
    ]
    if cursor:
        events.append(("events second page", f"/api/events?limit=100&cursor={quote(cursor)}"))
    dyads: list[tuple[str, str]] = []
    for edge in get_json(connection, "/api/analyses/edges?limit=50")["items"]:
        pair = (edge["source"], edge["target"])
        if pair not in dyads and pair[::-1] not in dyads:  # a dyad's series has both directions
            dyads.append(pair)
    dyads = dyads[:5] or [(actors[0], actors[-1])]
    series = [(f"timeseries dyad={a},{b}", f"/api/analyses/timeseries?dyad={a},{b}") for a, b in dyads]
    mix: list[tuple[str, str]] = []
    for position in range(math.lcm(len(events), len(series))):  # each variant equally often
        mix += [events[position % len(events)], series[position % len(series)]]
    return meta, mix


def client(
    host: str, port: int, mix: list[tuple[str, str]], counter: list[int], total: int, results: Results
) -> None:
    """Send requests until ``total`` are taken (``counter`` is shared: the next request's number)."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        while True:
            with results.lock:
                number = counter[0]
                counter[0] += 1
            if number >= total:
                return
            variant, path = mix[number % len(mix)]
            began = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
                ok = False
            results.add(variant, time.perf_counter() - began, ok)
    finally:
        connection.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(results: Results, seconds: float, meta: dict[str, Any], concurrency: int) -> None:
    sent = sum(len(v) for v in results.latencies.values())
    print(f"store: {meta['articles']} articles, {meta['events']} events, {meta['mentions']} mentions")
    print(f"{sent} requests at concurrency {concurrency} in {seconds:.1f} s: {sent / seconds:.1f} requests/s")
    groups: dict[str, list[str]] = {}
    for variant in results.latencies:
        groups.setdefault(
            "/api/events" if variant.startswith("events") else "/api/analyses/timeseries", []
        ).append(variant)
    print(f"{'':40} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for endpoint, variants in groups.items():
        rows = [(endpoint, [t for v in variants for t in results.latencies[v]], variants)]
        rows += [(f"  {v}", results.latencies[v], [v]) for v in sorted(variants)]
        for name, times, names in rows:
            errors = sum(results.errors.get(v, 0) for v in names)
            p50, p99 = percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000
            print(f"{name[:40]:40} {len(times):6d} {errors:6d} {p50:8.1f} {p99:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, required=True, help="the store to serve")
    parser.add_argument("--requests", type=int, default=2000, help="requests in all (default 2000)")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads (default 8)")
    parser.add_argument("--timeout", type=float, default=300.0, help="stop after this many seconds")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no store at {args.db}")
    process, url = start_server(args.db)
    watchdog = threading.Timer(args.timeout, process.kill)  # bounded whatever happens to the clients
    watchdog.start()
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        meta, mix = request_mix(http.client.HTTPConnection(host, port, timeout=30))
        results, counter = Results(), [0]
        threads = [
            threading.Thread(
                target=client, args=(host, port, mix, counter, args.requests, results), daemon=True
            )
            for _ in range(args.concurrency)
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, args.timeout - (time.perf_counter() - began)))
        report(results, time.perf_counter() - began, meta, args.concurrency)
    finally:
        watchdog.cancel()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    main()
