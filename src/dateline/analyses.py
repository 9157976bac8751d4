"""Built-in analyses of a store's events: counts and mean Goldstein scores over time (of a dyad, of
an actor, of everything), the actor network's edges and counts by place or country.

>>> store = dateline.open_store("events.duckdb")                         # doctest: +SKIP
>>> store.dyad_timeseries("RUS", "UKR", interval="month", to="pandas")   # doctest: +SKIP

Each takes the event filters of `dateline.event_filters` as keyword arguments (``since``,
``country``, ``root``, ``q``, ...) and returns an Arrow table, a pandas or a polars DataFrame
(``to=``), as `dateline.access.StoreReader`'s tables do. Each is one read-only query with bound
parameters; `timeseries`, `edges` and `geo` take checked `EventFilters` (the HTTP API calls them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .access import Frame, _convert
from .event_filters import EventFilters, ParameterError, event_from, event_where
from .exports.query import arrow_table

if TYPE_CHECKING:
    from .access import StoreReader

INTERVALS = ("day", "week", "month")
GEO_BY = ("place", "country")
#: The most places `geo` returns (the most frequent first).
MAX_PLACES = 5000

#: The day an event is on. Its date is already its first mention's date, else that mention's
#: article's publication date (`dateline.dataset`): no need to join the articles for it.
_DAY = "try_cast(x.date AS DATE)"


def timeseries(store: StoreReader, filters: EventFilters, interval: str = "week", to: Frame = "arrow") -> Any:
    """Per period (its first day; a week starts on Monday) with an event: the events, their mean
    Goldstein score and their counts per quad class (``quad1`` to ``quad4``), oldest first."""
    if interval not in INTERVALS:
        raise ParameterError("interval", f"{interval!r} is not one of {', '.join(INTERVALS)}")
    where, params = event_where(filters)
    sql = f"""
        WITH rows AS (
            SELECT CAST(date_trunc(?, {_DAY}) AS DATE) AS period, x.goldstein, x.quad
            FROM {event_from(filters)} {_where(where)}
        )
        SELECT CAST(period AS VARCHAR) AS period, count(*) AS count,
            round(avg(goldstein), 3) AS goldstein,
            count(*) FILTER (WHERE quad = 1) AS quad1, count(*) FILTER (WHERE quad = 2) AS quad2,
            count(*) FILTER (WHERE quad = 3) AS quad3, count(*) FILTER (WHERE quad = 4) AS quad4
        FROM rows WHERE period IS NOT NULL GROUP BY period ORDER BY period
    """
    return _run(store, sql, [interval, *params], to)


def edges(
    store: StoreReader,
    filters: EventFilters,
    min_count: int = 1,
    limit: int | None = 200,
    to: Frame = "arrow",
) -> Any:
    """The actor network: one row per (source code, target code) with at least ``min_count``
    events, their count and mean Goldstein score, most frequent first (at most ``limit``)."""
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ParameterError("min_count", "give a whole number, 1 or more")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ParameterError("limit", "give a whole number, 1 or more (or None for all)")
    where, params = event_where(filters)
    where += ["x.source_code IS NOT NULL", "x.target_code IS NOT NULL"]
    sql = f"""
        SELECT x.source_code AS source, mode(x.source_name) AS source_name,
            x.target_code AS target, mode(x.target_name) AS target_name,
            count(*) AS count, round(avg(x.goldstein), 3) AS goldstein
        FROM {event_from(filters)} {_where(where)}
        GROUP BY x.source_code, x.target_code HAVING count(*) >= ?
        ORDER BY count DESC, source, target
    """
    params.append(min_count)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return _run(store, sql, params, to)


def geo(store: StoreReader, filters: EventFilters, by: str = "place", to: Frame = "arrow") -> Any:
    """Events counted by place (``by="place"``: the events with coordinates, by location: name,
    country, lat, lon) or by the location's country (``by="country"``), with their mean Goldstein
    score, most frequent first (at most `MAX_PLACES` places)."""
    if by not in GEO_BY:
        raise ParameterError("by", f"{by!r} is not one of {', '.join(GEO_BY)}")
    where, params = event_where(filters)
    if by == "country":
        where.append("x.location_country IS NOT NULL")
        sql = f"""
            SELECT x.location_country AS country, count(*) AS count,
                round(avg(x.goldstein), 3) AS goldstein
            FROM {event_from(filters)} {_where(where)}
            GROUP BY x.location_country ORDER BY count DESC, country
        """
        return _run(store, sql, params, to)
    where += ["x.location_lat IS NOT NULL", "x.location_lon IS NOT NULL"]
    sql = f"""
        SELECT mode(x.location_name) AS name, x.location_country AS country,
            round(x.location_lat, 4) AS lat, round(x.location_lon, 4) AS lon,
            count(*) AS count, round(avg(x.goldstein), 3) AS goldstein
        FROM {event_from(filters)} {_where(where)}
        GROUP BY x.location_country, round(x.location_lat, 4), round(x.location_lon, 4)
        ORDER BY count DESC, name, lat, lon LIMIT {MAX_PLACES}
    """
    return _run(store, sql, params, to)


def dyad_timeseries(
    store: StoreReader,
    source: str,
    target: str,
    directed: bool = False,
    interval: str = "week",
    to: Frame = "arrow",
    **filters: Any,
) -> Any:
    """The `timeseries` of the events between two actors (code prefixes): ``source`` on
    ``target`` when ``directed``, else in either direction."""
    for name in ("dyad", "source", "target"):
        if name in filters:
            raise ParameterError(name, "the dyad is given by source and target")
    if directed:
        checked = EventFilters.from_kwargs({**filters, "source": source, "target": target})
    else:
        checked = EventFilters.from_kwargs({**filters, "dyad": (source, target)})
    if directed and (checked.source is None or checked.target is None):
        raise ParameterError("source" if checked.source is None else "target", "give an actor code")
    return timeseries(store, checked, interval, to)


def goldstein(
    store: StoreReader, actor: str | None = None, interval: str = "week", to: Frame = "arrow", **filters: Any
) -> Any:
    """The `timeseries` (mean Goldstein score and counts per period) of the events with ``actor``
    (a code prefix) on either side, or of all events."""
    return timeseries(store, EventFilters.from_kwargs({**filters, "actor": actor}), interval, to)


def actor_edges(
    store: StoreReader, min_count: int = 1, limit: int | None = 200, to: Frame = "arrow", **filters: Any
) -> Any:
    """The actor network's `edges` of the filtered events."""
    return edges(store, EventFilters.from_kwargs(filters), min_count, limit, to)


def geo_counts(store: StoreReader, by: str = "place", to: Frame = "arrow", **filters: Any) -> Any:
    """The filtered events counted by place or by country (`geo`)."""
    return geo(store, EventFilters.from_kwargs(filters), by, to)


def _where(conditions: list[str]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def _run(store: StoreReader, sql: str, params: list[Any], to: Frame) -> Any:
    if to not in ("arrow", "pandas", "polars"):
        raise ParameterError("to", f"{to!r} is not one of 'arrow', 'pandas', 'polars'")
    cursor = store.cursor()  # one per call: the HTTP API runs analyses from many threads at once
    try:
        return _convert(arrow_table(cursor, sql, params), to)
    finally:
        cursor.close()
