"""Query parameters: the event filters, page sizes and formats, each documented (the OpenAPI
schema at /openapi.json) and checked; a parameter an endpoint does not take is a 400.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query, Request

from ..event_filters import MAX_TEXT, REPEATABLE, EventFilters
from .errors import ApiError, bad_parameter, shown

#: The most rows a page of events or quotes and a list of edges hold.
MAX_LIMIT = 1000
#: The longest article id taken (ids are file paths or the input's own ids, which may be long).
MAX_ID = 1000
#: The largest whole number a count parameter takes.
MAX_COUNT = 1_000_000_000

Format = Literal["json", "ndjson", "csv", "parquet"]
#: Per route (by id, holding the route so that its id stays its own), the query parameters it takes.
_ALLOWED: dict[int, tuple[Any, frozenset[str]]] = {}


async def check_query(request: Request) -> None:
    """Refuse a parameter the endpoint does not take, and a single-valued one given twice."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    cached = _ALLOWED.get(id(route))
    if cached is None:
        cached = _ALLOWED[id(route)] = (route, frozenset(_query_names(dependant)))
    allowed = cached[1]
    seen: set[str] = set()
    for name, _value in request.query_params.multi_items():
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise ApiError(
                400,
                "unknown_parameter",
                f"unknown parameter {shown(name)}: this endpoint takes {known}",
                name[:MAX_TEXT],
            )
        if name in seen and name not in REPEATABLE:
            raise bad_parameter(name, "give it once")
        seen.add(name)


def _query_names(dependant: Any) -> set[str]:
    """The query parameters of an endpoint and of the dependencies it has."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _doc(text: str, example: Any = None) -> Any:
    return Query(description=text, examples=[example] if example is not None else None)


async def event_filters(
    actor: Annotated[
        str | None, _doc("CAMEO actor code prefix (3 to 15 letters) on either side", "RUS")
    ] = None,
    source: Annotated[str | None, _doc("Actor code prefix of the source (who acts)", "RUSGOV")] = None,
    target: Annotated[str | None, _doc("Actor code prefix of the target (acted upon)", "UKR")] = None,
    dyad: Annotated[str | None, _doc("Two actor code prefixes A,B, in either direction", "RUS,UKR")] = None,
    country: Annotated[
        str | None, _doc("ISO 3166 alpha-3: either side's country or the event location's", "PAK")
    ] = None,
    cameo: Annotated[str | None, _doc("CAMEO event code prefix, 2 to 4 digits", "19")] = None,
    root: Annotated[list[str] | None, _doc("CAMEO root code, 01 to 20 (repeatable)")] = None,
    plover: Annotated[list[str] | None, _doc("PLOVER event type, e.g. ASSAULT (repeatable)")] = None,
    quad: Annotated[list[str] | None, _doc("CAMEO quad class, 1 to 4 (repeatable)")] = None,
    since: Annotated[
        str | None,
        _doc("Events on or after this ISO date (the event's date, else its article's)", "2024-01-01"),
    ] = None,
    until: Annotated[str | None, _doc("Events on or before this ISO date", "2024-12-31")] = None,
    bbox: Annotated[
        str | None, _doc("Event location within minlon,minlat,maxlon,maxlat", "20,40,45,55")
    ] = None,
    q: Annotated[str | None, _doc("Text in the event's evidence sentence (case-insensitive)")] = None,
    min_confidence: Annotated[str | None, _doc("Events coded with at least this confidence, 0 to 1")] = None,
) -> EventFilters:
    """The checked event filters of a request."""
    return EventFilters.parse(
        actor=actor,
        source=source,
        target=target,
        dyad=dyad,
        country=country,
        cameo=cameo,
        root=root,
        plover=plover,
        quad=quad,
        since=since,
        until=until,
        bbox=bbox,
        q=q,
        min_confidence=min_confidence,
    )


def text(value: str | None, name: str, most: int = MAX_TEXT) -> str | None:
    """A text parameter stripped (None when empty); longer than ``most`` is a 400."""
    if value is None:
        return None
    if len(value) > most:
        raise bad_parameter(name, f"at most {most} characters")
    return value.strip() or None


Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT} (a larger one is a 400)")
]
Cursor = Annotated[
    str | None, Query(description="Where the page starts: the `next` of the page before (opaque)")
]
FormatParam = Annotated[
    Format,
    Query(description="json (a page object), ndjson, csv or parquet (the next cursor in X-Next-Cursor)"),
]
