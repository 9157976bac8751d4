"""JSONL reader: one `{"id", "text"|"html", "title"?, "published"?, "url"?}` object per line.

A bad line never stops the batch: it becomes an `InputFailure` carrying its reason and, when the
line has one, its own id. A record without an id is named after its file and line (``wire.jsonl:7``).
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from ..errors import BadRecord, EmptyArticle, NotText
from ..records import InputFailure, RawDocument
from .compressed import GzipReader
from .decode import decode, looks_binary


def read_jsonl(path: Path) -> Iterator[RawDocument | InputFailure]:
    """Documents of a JSONL file (``.jsonl`` or gzip-compressed ``.jsonl.gz``), in file order.

    A binary or empty file is one failure; a compressed file that breaks off keeps the records
    before the break and ends with one failure (``wire.jsonl.gz:<line>``) for the rest.
    """
    seen = [0]  # lines read: the break of a damaged file is on the next one
    if path.name.lower().endswith(".gz"):
        with GzipReader(path) as unzipped:
            found = yield from _read_lines(unzipped, path, seen)
        if unzipped.error is not None:
            broken = f"{path.name}:{seen[0] + 1}" if seen[0] else path.name
            yield InputFailure(broken, unzipped.error, str(path))
            return
    else:
        with path.open("rb") as handle:
            found = yield from _read_lines(handle, path, seen)
    if not found:
        yield InputFailure(path.name, EmptyArticle(f"{path} holds no JSON records"), str(path))


def _read_lines(
    handle: BinaryIO | GzipReader, path: Path, seen: list[int]
) -> Generator[RawDocument | InputFailure, None, bool]:
    """The items of an open JSONL file (binary data is one failure); returns whether there were any."""
    head = handle.read(65536)
    if looks_binary(head):
        yield InputFailure(path.name, NotText(f"{path} is binary data, not JSONL"), str(path))
        return True
    raw = chain((head + handle.readline()).splitlines(keepends=True), handle)

    def lines() -> Iterator[str]:
        for line in raw:
            seen[0] += 1
            yield _line(line, path)

    found = False
    for item in read_jsonl_lines(lines(), origin=str(path), name=path.name):
        found = True
        yield item
    return found


def _line(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode(raw, str(path))
        except NotText:
            return raw.decode("utf-8", errors="replace")  # the JSON parser will say what is wrong


def read_jsonl_lines(lines: Iterable[str], origin: str, name: str) -> Iterator[RawDocument | InputFailure]:
    """Documents of JSONL lines; blank lines are skipped. ``name`` prefixes ids made of line numbers."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(
                fallback_id, BadRecord(f"{origin} line {number} is not JSON ({exc.msg})"), origin
            )
            continue
        try:
            yield parse_record(obj, fallback_id, origin)
        except BadRecord as exc:
            yield InputFailure(_record_id(obj) or fallback_id, exc, origin)


def parse_record(obj: object, fallback_id: str, origin: str) -> RawDocument:
    """Validate one decoded JSON object and turn it into a `RawDocument`."""
    if not isinstance(obj, dict):
        raise BadRecord(f"{fallback_id}: expected a JSON object, got {type(obj).__name__}")
    record_id = _record_id(obj) or fallback_id
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise BadRecord(f"{record_id}: neither 'text' nor 'html' is a string")
    return RawDocument(
        id=record_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) else None,
        title=_opt_str(obj.get("title")),
        published=_opt_str(obj.get("published")),
        url=_opt_str(obj.get("url")),
        origin=origin,
        verbatim=isinstance(text, str),
    )


def _record_id(obj: object) -> str | None:
    """The record's own id (numbers as written), None when it has none."""
    if not isinstance(obj, dict):
        return None
    raw = obj.get("id")
    if raw is None or isinstance(raw, bool | dict | list) or str(raw).strip() == "":
        return None
    return str(raw)


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
