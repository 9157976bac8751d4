"""Reading a store from Python: ``dateline.open_store(path)``.

>>> store = dateline.open_store("events.duckdb")               # doctest: +SKIP
>>> store.events(country="PAK", since="2024-01-01", to="pandas")  # doctest: +SKIP

Every table comes as an Arrow table (the default), a pandas DataFrame or a polars DataFrame
(``to=``), filtered as `dateline export` filters (``since``, ``until``, ``country``, ``root``), with
bound parameters only. The store is opened read-only: nothing here can change it.
"""

from __future__ import annotations

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
