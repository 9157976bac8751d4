"""The web application: the JSON API under /api, the web view at / and /static, the API's docs at
/docs (Swagger UI, served from the package: nothing loads from another site) and /openapi.json.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..access import StoreReader
from ..errors import StoreError
from . import errors
from .errors import ApiError
from .pages import Pager
from .routes import router

HERE = Path(__file__).parent
#: The web view's files (index.html, scripts, styles, the world outline).
STATIC = HERE / "static"
#: Swagger UI's files from swagger-ui-dist (scripts/fetch_swagger_ui.sh).
SWAGGER = HERE / "swagger"
#: The tables a store must have to be served (a store written by this version of dateline).
TABLES = ("articles", "mentions", "events", "quotes", "places")

DESCRIPTION = """Read-only access to a dateline event store: events with their evidence, articles
with their events, quotes and places, and analyses (time series, the actor network, counts by
place). Every error is `{"error": {"status", "code", "message", "parameter"}}`."""


def open_reader(db: str | Path) -> StoreReader:
    """The store at ``db``, read-only; a missing or foreign store is a `StoreError`."""
    reader = StoreReader(db)
    cursor = reader.cursor()
    try:
        present = {row[0] for row in cursor.execute("SHOW TABLES").fetchall()}
    finally:
        cursor.close()
    missing = [t for t in TABLES if t not in present]
    if missing:
        reader.close()
        raise StoreError(
            f"{db} is not a dateline store of this version (no {', '.join(missing)} table)",
            hint="Write it with `dateline run PATH --db FILE` (a run on an older store brings it up to date)",
        )
    return reader


def create_app(db: str | Path) -> FastAPI:
    """The application serving the store at ``db`` (opened read-only now, closed at shutdown)."""
    reader = open_reader(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        title="dateline",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.reader = reader
    app.state.pager = Pager()
    app.state.meta = None
    app.state.meta_lock = threading.Lock()
    errors.install(app)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        page = STATIC / "index.html"
        if not page.is_file():
            raise ApiError(404, "not_found", "the web view is not installed (no static/index.html)")
        return FileResponse(page, media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url="/swagger/swagger-ui-bundle.js",
            swagger_css_url="/swagger/swagger-ui.css",
            swagger_favicon_url="/swagger/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # else it asks validator.swagger.io
        )

    for prefix, directory in (("/static", STATIC), ("/swagger", SWAGGER)):
        if directory.is_dir():  # else its paths are 404s (an install without the package data)
            app.mount(prefix, StaticFiles(directory=directory), name=prefix.strip("/"))
    return app
