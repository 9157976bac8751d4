"""`dateline serve`: a store over HTTP, read-only: a JSON API (/api), a web view (/) and the API's
docs (/docs, /openapi.json).

>>> from dateline.serve import create_app, serve             # doctest: +SKIP
>>> app = create_app("events.duckdb")  # an ASGI app, e.g. for a TestClient   # doctest: +SKIP
>>> serve("events.duckdb", port=8000)  # runs until interrupted               # doctest: +SKIP

The store is opened read-only for the server's lifetime (DuckDB lets no process write to it
meanwhile); each request reads through a cursor of its own.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from .app import create_app

__all__ = ["create_app", "serve", "url_of"]


def url_of(host: str, port: int) -> str:
    """The URL of a server listening on ``host``:``port``."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    on_ready: Callable[[str], None] | None = None,
    log_level: str = "warning",
) -> None:
    """Serve the store at ``db`` on ``host``:``port`` (0: a free port) until interrupted.

    ``on_ready`` gets the URL once the server listens (by default it is printed as
    ``dateline: serving DB at URL``). Raises `StoreError` for a missing store, before listening.
    """
    import uvicorn

    app = create_app(db)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # listening before the URL is told: a client that reads it can connect
        url = url_of(host, sock.getsockname()[1])
        if on_ready is None:
            print(f"dateline: serving {db} at {url}", flush=True)
        else:
            on_ready(url)
        config = uvicorn.Config(app, log_level=log_level, access_log=False, lifespan="on")
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        app.state.reader.close()  # closed at shutdown already, unless the server never started
