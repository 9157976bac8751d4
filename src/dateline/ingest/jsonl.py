"""JSONL reader: one `{"id", "text"|"html", "title"?, "published"?, "url"?}` object per line.

A bad line never stops the batch: it becomes a `JsonlFailure` carrying its reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadRecord
from ..records import RawDocument


@dataclass(slots=True)
class JsonlFailure:
    """A line that could not be turned into a document."""

    id: str
    error: BadRecord


def read_jsonl(path: Path) -> Iterator[RawDocument | JsonlFailure]:
    """Documents of a JSONL file, in file order."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from read_jsonl_lines(handle, origin=str(path))


def read_jsonl_lines(lines: Iterable[str], origin: str) -> Iterator[RawDocument | JsonlFailure]:
    """Documents of JSONL lines; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fallback_id = f"{Path(origin).stem}:{number}"
        try:
            yield parse_record(json.loads(line), fallback_id, origin)
        except json.JSONDecodeError as exc:
            yield JsonlFailure(fallback_id, BadRecord(f"{origin} line {number} is not JSON ({exc.msg})"))
        except BadRecord as exc:
            yield JsonlFailure(fallback_id, exc)


def parse_record(obj: object, fallback_id: str, origin: str) -> RawDocument:
    """Validate one decoded JSON object and turn it into a `RawDocument`."""
    if not isinstance(obj, dict):
        raise BadRecord(f"{fallback_id}: expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise BadRecord(f"{fallback_id}: neither 'text' nor 'html' is a string")
    raw_id = obj.get("id")
    return RawDocument(
        id=str(raw_id) if raw_id not in (None, "") else fallback_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) else None,
        title=_opt_str(obj.get("title")),
        published=_opt_str(obj.get("published")),
        url=_opt_str(obj.get("url")),
        origin=origin,
        verbatim=isinstance(text, str),
    )


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
