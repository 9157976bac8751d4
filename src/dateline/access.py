"""Reading a store from Python: ``dateline.open_store(path)``.

>>> store = dateline.open_store("events.duckdb")               # doctest: +SKIP
>>> store.events(country="PAK", since="2024-01-01", to="pandas")  # doctest: +SKIP

Every table comes as an Arrow table (the default), a pandas DataFrame or a polars DataFrame
(``to=``), filtered as `dateline export` filters (``since``, ``until``, ``country``, ``root``), with
bound parameters only. The store is opened read-only: nothing here can change it.

The built-in analyses (`dateline.analyses`) are methods too, with the event filters of
`dateline.event_filters` as keyword arguments:

>>> store.dyad_timeseries("RUS", "UKR", interval="month")      # doctest: +SKIP
>>> store.actor_edges(min_count=2, since="2024-01-01")          # doctest: +SKIP
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError
from .exports.query import Filters, arrow_table, table_query
from .store import Store

Frame = Literal["arrow", "pandas", "polars"]


class StoreReader:
    """A read-only view of a store's tables. Use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self._store = Store(path, read_only=True)
        self._lock = threading.Lock()

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self._store.close()

    def events(self, to: Frame = "arrow", **filters: Any) -> Any:
        """The deduplicated events, one row each, with their mention, article and source counts."""
        return self._table("events", to, filters)

    def mentions(self, to: Frame = "arrow", **filters: Any) -> Any:
        """Each event as one article reports it: article, sentence, offsets and coding."""
        return self._table("mentions", to, filters)

    def articles(self, to: Frame = "arrow", **filters: Any) -> Any:
        """The coded articles (``country``/``root`` keep those with such an event)."""
        return self._table("articles", to, filters)

    def quotes(self, to: Frame = "arrow", **filters: Any) -> Any:
        """The quotes with their speakers."""
        return self._table("quotes", to, filters)

    def places(self, to: Frame = "arrow", **filters: Any) -> Any:
        """The places the articles name, resolved."""
        return self._table("places", to, filters)

    def cursor(self) -> Any:
        """A new DuckDB cursor on the store (read-only), for one thread's queries."""
        with self._lock:  # the connection itself is not thread-safe: only its cursors are
            return self._store.con.cursor()

    def dyad_timeseries(
        self,
        source: str,
        target: str,
        directed: bool = False,
        interval: str = "week",
        to: Frame = "arrow",
        **filters: Any,
    ) -> Any:
        """Events between two actors per day, week or month (`dateline.analyses.dyad_timeseries`)."""
        from .analyses import dyad_timeseries

        return dyad_timeseries(self, source, target, directed, interval, to, **filters)

    def goldstein(
        self, actor: str | None = None, interval: str = "week", to: Frame = "arrow", **filters: Any
    ) -> Any:
        """Mean Goldstein score and counts per period of an actor's events (`dateline.analyses.goldstein`)."""
        from .analyses import goldstein

        return goldstein(self, actor, interval, to, **filters)

    def actor_edges(
        self, min_count: int = 1, limit: int | None = 200, to: Frame = "arrow", **filters: Any
    ) -> Any:
        """The actor network's edges, most frequent first (`dateline.analyses.actor_edges`)."""
        from .analyses import actor_edges

        return actor_edges(self, min_count, limit, to, **filters)

    def geo_counts(self, by: str = "place", to: Frame = "arrow", **filters: Any) -> Any:
        """Events counted by place or by country (`dateline.analyses.geo_counts`)."""
        from .analyses import geo_counts

        return geo_counts(self, by, to, **filters)

    def _table(self, table: str, to: Frame, filters: dict[str, Any]) -> Any:
        unknown = set(filters) - {"since", "until", "country", "root"}
        if unknown:
            raise ConfigError(f"unknown filter {sorted(unknown)[0]!r}: use since, until, country or root")
        root = filters.get("root")
        roots = [root] if isinstance(root, str) else list(root) if root is not None else None
        checked = Filters.parse(filters.get("since"), filters.get("until"), filters.get("country"), roots)
        return _convert(arrow_table(self._store.con, *table_query(table, checked)), to)


def open_store(path: str | Path) -> StoreReader:
    """Open the store at ``path`` read-only (`StoreReader`); raises `StoreError` when there is none."""
    return StoreReader(path)


def _convert(arrow: Any, to: Frame) -> Any:
    """``arrow`` as ``to`` asks; a frame library that is not installed is a `ConfigError`."""
    if to == "arrow":
        return arrow
    if to == "pandas":
        try:
            return arrow.to_pandas()
        except ImportError:
            raise ConfigError("to='pandas' needs pandas: pip install pandas") from None
    if to == "polars":
        try:
            import polars
        except ImportError:
            raise ConfigError("to='polars' needs polars: pip install polars") from None
        return polars.from_arrow(arrow)
    raise ConfigError(f"to={to!r}: one of 'arrow', 'pandas', 'polars'")
