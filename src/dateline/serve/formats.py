"""A page of a list in the format asked for: a JSON page object, NDJSON, CSV or Parquet.

JSON is ``{"items": [...], "next": cursor|null}``; the other formats are the rows alone, with the
next page's cursor in the ``X-Next-Cursor`` header (absent on the last page).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..exports.tables import csv_lines

NEXT_HEADER = "X-Next-Cursor"
MEDIA_TYPES = {
    "ndjson": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def page_response(arrow: Any, next_cursor: str | None, format: str, name: str) -> Response:
    """The page (an Arrow table of its rows) as ``format``; ``name`` names a downloaded file."""
    if format == "json":
        return JSONResponse({"items": arrow.to_pylist(), "next": next_cursor})
    headers = {NEXT_HEADER: next_cursor} if next_cursor else {}
    if format == "parquet":
        import pyarrow.parquet as pq

        buffer = io.BytesIO()
        pq.write_table(arrow, buffer)
        headers["Content-Disposition"] = f'attachment; filename="{name}.parquet"'
        return Response(buffer.getvalue(), media_type=MEDIA_TYPES["parquet"], headers=headers)
    rows = arrow.to_pylist()
    if format == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        lines = csv_lines(arrow.column_names, ([row[c] for c in arrow.column_names] for row in rows))
        return StreamingResponse(lines, media_type=MEDIA_TYPES["csv"], headers=headers)
    return StreamingResponse(_ndjson(rows), media_type=MEDIA_TYPES["ndjson"], headers=headers)


def _ndjson(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n"
