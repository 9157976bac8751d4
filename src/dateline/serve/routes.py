"""The API's endpoints: the store's summary, events, articles, quotes and the analyses.

Every endpoint is a GET, runs in the server's thread pool on a cursor of its own, and refuses a
parameter it does not take (`params.check_query`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import analyses
from ..event_filters import EventFilters
from . import queries
from .errors import ApiError, shown
from .formats import page_response
from .pages import Pager
from .params import (
    MAX_COUNT,
    MAX_ID,
    MAX_LIMIT,
    Cursor,
    FormatParam,
    Limit,
    check_query,
    event_filters,
    text,
)

router = APIRouter(prefix="/api", dependencies=[Depends(check_query)])
Filters = Annotated[EventFilters, Depends(event_filters)]


def _cursor(request: Request) -> Iterator[Any]:
    """A DuckDB cursor of the request's own (closed after it)."""
    cursor = request.app.state.reader.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Connection = Annotated[Any, Depends(_cursor)]


def _page(
    request: Request,
    arrow: Any,
    limit: int,
    format: str,
    kind: str,
    key: Callable[[dict[str, Any]], list[Any]],
    drop: tuple[str, ...] = (),
) -> Response:
    """A page of at most ``limit`` rows of ``arrow`` (which holds one more when a page follows)."""
    pager: Pager = request.app.state.pager
    next_cursor = None
    if arrow.num_rows > limit:
        arrow = arrow.slice(0, limit)
        next_cursor = pager.cursor(kind, key(arrow.slice(limit - 1, 1).to_pylist()[0]))
    if drop:
        arrow = arrow.drop_columns(list(drop))
    return page_response(arrow, next_cursor, format, kind)


@router.get("/meta", summary="The store: counts, dates and the most frequent actors")
def meta(request: Request, con: Connection) -> JSONResponse:
    """Counts of articles, events, mentions and quotes, the first and last event dates and the 50
    most frequent actor codes (with a name and their event count)."""
    state = request.app.state
    with state.meta_lock:  # the store is read-only while served: its summary is computed once
        if state.meta is None:
            state.meta = queries.meta(con)
    return JSONResponse(state.meta)


@router.get("/events", summary="Events, filtered, a page at a time")
def events(
    request: Request,
    filters: Filters,
    con: Connection,
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = "json",
) -> Response:
    """The filtered events by date, then id: ``{"items": [EVENT, ...], "next": cursor|null}``.

    Each event has its coding, counts, the article and mention that report it surest, and that
    mention's evidence sentence. Give ``next`` as ``cursor`` for the page after.
    """
    after = request.app.state.pager.key("events", cursor, (str, str))
    arrow = queries.events_page(con, filters, after, limit)
    return _page(request, arrow, limit, format, "events", queries.event_key)


@router.get("/events/{event_id}", summary="One event with its mentions")
def event(event_id: str, con: Connection) -> JSONResponse:
    """An event (as in /api/events) with ``mentions``: every article's report of it, with its
    sentence (index and text), trigger and offsets (the first 1,000, oldest first)."""
    checked = text(event_id, "event_id")
    found = queries.event(con, checked) if checked else None
    if found is None:
        raise ApiError(404, "not_found", f"no event {shown(event_id)}")
    return JSONResponse(found)


@router.get("/articles/{article_id:path}", summary="One article with its events, quotes and places")
def article(article_id: str, con: Connection) -> JSONResponse:
    """The article's text with its events (mentions: trigger and sides with their offsets, and the
    other articles that report each), quotes and places. Offsets are code-point indices into text."""
    checked = text(article_id, "article_id", MAX_ID)
    found = queries.article(con, checked) if checked else None
    if found is None:
        raise ApiError(404, "not_found", f"no article {shown(article_id)}")
    return JSONResponse(found)


@router.get("/quotes", summary="Quotes, filtered, a page at a time")
def quotes(
    request: Request,
    con: Connection,
    speaker: Annotated[
        str | None, Query(description="Speaker: actor code prefix, or text in their name (any case)")
    ] = None,
    q: Annotated[str | None, Query(description="Text in the quote (case-insensitive)")] = None,
    article_id: Annotated[str | None, Query(description="The quotes of this article")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = "json",
) -> Response:
    """The quotes by article and position: ``{"items": [QUOTE, ...], "next": cursor|null}``."""
    after = request.app.state.pager.key("quotes", cursor, (str, int, str))
    arrow = queries.quotes_page(
        con,
        text(speaker, "speaker"),
        text(q, "q"),
        text(article_id, "article_id", MAX_ID),
        after,
        limit,
    )
    return _page(request, arrow, limit, format, "quotes", queries.quote_key, drop=("_start",))


@router.get("/analyses/timeseries", summary="Events per day, week or month")
def timeseries(
    request: Request,
    filters: Filters,
    interval: Annotated[
        Literal["day", "week", "month"], Query(description="The period (a week starts on Monday)")
    ] = "week",
    measure: Annotated[str | None, Query(description="Ignored: every measure is given")] = None,
) -> JSONResponse:
    """Per period with an event (its first day): the filtered events' count, mean Goldstein score
    and counts per quad class. With ``dyad``, ``source``/``target`` or ``actor``: that dyad's or
    actor's series."""
    text(measure, "measure")
    table = analyses.timeseries(request.app.state.reader, filters, interval)
    return JSONResponse({"interval": interval, "items": table.to_pylist()})


@router.get("/analyses/edges", summary="The actor network")
def edges(
    request: Request,
    filters: Filters,
    min_count: Annotated[
        int, Query(ge=1, le=MAX_COUNT, description="Edges with at least this many events")
    ] = 1,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"The most edges, at most {MAX_LIMIT}")
    ] = 200,
) -> JSONResponse:
    """Source code -> target code edges of the filtered events (both sides coded), with their count
    and mean Goldstein score, most frequent first."""
    table = analyses.edges(request.app.state.reader, filters, min_count, limit)
    return JSONResponse({"items": table.to_pylist()})


@router.get("/analyses/geo", summary="Events by place or by country")
def geo(
    request: Request,
    filters: Filters,
    by: Annotated[Literal["place", "country"], Query(description="Group by place or by country")] = "place",
) -> JSONResponse:
    """The filtered events counted by location (events with coordinates: name, country, lat, lon)
    or by the location's country, with their mean Goldstein score, most frequent first."""
    table = analyses.geo(request.app.state.reader, filters, by)
    return JSONResponse({"items": table.to_pylist()})
