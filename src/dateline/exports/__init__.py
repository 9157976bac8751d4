"""Exports of a store, read-only: GDELT 2.0 events and mentions, PLOVER (POLECAT-shaped) JSONL,
ICEWS TSV, and CSV/JSONL/Parquet of its tables, with the command line's filters.

Each format is a module of pure functions from one row mapping to a line or record (`gdelt`,
`icews`, `plover`, `tables`); `export` runs the query (`query`) and writes them out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import ConfigError
from . import gdelt, icews, plover, tables
from .query import TABLES, Filters, arrow_table, event_query, rows, table_query

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["FORMATS", "TABLES", "Filters", "export"]

#: Formats of one event per line (events only) and of any table.
EVENT_FORMATS = ("gdelt", "gdelt-mentions", "plover", "icews")
TABLE_FORMATS = ("jsonl", "csv", "parquet")
FORMATS = EVENT_FORMATS + TABLE_FORMATS


def check(format: str, table: str | None, out: Path | None) -> str:
    """The table a format/table pair reads; raises `ConfigError` for a pair that makes no sense."""
    if format not in FORMATS:
        raise ConfigError(f"--format {format!r}: one of {', '.join(FORMATS)}")
    if table is not None and table not in TABLES:
        raise ConfigError(f"--table {table!r}: one of {', '.join(TABLES)}")
    if format in EVENT_FORMATS:
        natural = "mentions" if format == "gdelt-mentions" else "events"
        if table not in (None, natural):
            raise ConfigError(f"--format {format} exports {natural}: leave out --table {table}")
        return natural
    if format == "parquet" and out is None:
        raise ConfigError("--format parquet writes a binary file: give it with --out FILE")
    return table or "events"


def _dicts(names: list[str], data: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    for row in data:
        yield dict(zip(names, row, strict=True))


def _nested_events(names: list[str], data: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    """Mention rows in the record's nested shape (as `Store.iter_mentions` gives them)."""
    from ..store import CHILD_COLUMNS, nest_row

    by_name = {name: path for name, _, path in CHILD_COLUMNS["events"]}
    paths = [by_name.get(name, (name,)) for name in names]
    for row in data:
        yield nest_row(paths, row)


def lines(store: Store, format: str, table: str, filters: Filters) -> Iterator[str]:
    """The text lines (each with its newline) of a text format."""
    if format in ("gdelt", "gdelt-mentions", "plover", "icews"):
        sql, params = event_query(filters, mentions=format == "gdelt-mentions")
        names, data = rows(store.con, sql, params)
        events = _dicts(names, data)
        if format == "gdelt":
            yield from (gdelt.event_line(r) + "\n" for r in events)
        elif format == "gdelt-mentions":  # a mention row names its event by the event's id
            yield from (gdelt.mention_line({**r, "id": r.get("event_id") or r["id"]}) + "\n" for r in events)
        elif format == "icews":
            yield icews.header() + "\n"
            yield from (icews.line(r) + "\n" for r in events)
        else:
            yield from (tables.jsonl_line(plover.record(r)) for r in events)
        return
    sql, params = table_query(table, filters)
    names, data = rows(store.con, sql, params)
    if format == "csv":
        yield from tables.csv_lines(names, data)
    elif table == "mentions":
        yield from (tables.jsonl_line(r) for r in _nested_events(names, data))
    else:
        yield from (tables.jsonl_line(r) for r in _dicts(names, data))


def export(
    store: Store,
    format: str = "jsonl",
    table: str | None = None,
    filters: Filters | None = None,
    out: Path | None = None,
    stream: IO[str] | None = None,
) -> int:
    """Write ``store``'s rows in ``format`` to ``out`` (a file) or ``stream`` (default stdout).

    Returns the number of rows written (events, mentions or table rows; not header lines).
    Raises `ConfigError` for a format/table pair that makes no sense or parquet without ``out``.
    """
    filters = filters or Filters()
    table = check(format, table, out)
    if format == "parquet":
        assert out is not None
        arrow = arrow_table(store.con, *table_query(table, filters))
        tables.write_parquet(arrow, out)
        return int(arrow.num_rows)
    headers = 1 if format in ("csv", "icews") else 0
    count = 0
    if out is not None:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            for line in lines(store, format, table, filters):
                handle.write(line)
                count += 1
    else:
        target = stream if stream is not None else sys.stdout
        for line in lines(store, format, table, filters):
            target.write(line)
            count += 1
    return max(count - headers, 0)
