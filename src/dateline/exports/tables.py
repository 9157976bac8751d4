"""Plain table exports: CSV, JSON Lines and Parquet of the store's rows.

CSV has a header line and writes a list cell as its items joined with ``|`` (empty for none);
JSON Lines writes one object per row (lists as lists, null for missing); Parquet keeps the
store's column types (Arrow, written with pyarrow).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join("" if v is None else str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def csv_lines(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The header and one CSV line per row (each with its line end)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in row])
        yield buffer.getvalue()


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def jsonl_line(record: Mapping[str, Any]) -> str:
    """One JSON Lines line (with its newline)."""
    return json.dumps(record, ensure_ascii=False, default=_json_default) + "\n"


def write_parquet(table: Any, path: Path) -> None:
    """Write an Arrow table to a Parquet file."""
    import pyarrow.parquet as pq

    pq.write_table(table, str(path))
