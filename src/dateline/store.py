"""The event store: DuckDB tables for articles, events, quotes and places.

The schema is derived from the record dataclasses: nested records are flattened with a prefix
(``source_code``, ``plover_event``, ``location_lat``), lists of strings become ``VARCHAR[]``.
Ids are stable across runs; writing an article again replaces its rows, so runs are idempotent,
and an article whose text is already stored under another id is skipped as a duplicate.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import StoreError
from .records import ArticleRecord, Event, Place, Quote, stable_id

_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}
_CHILD_TABLES: dict[str, type] = {"events": Event, "quotes": Quote, "places": Place}


def flat_columns(cls: type, prefix: str = "") -> list[tuple[str, str, tuple[str, ...]]]:
    """(column name, DuckDB type, attribute path) for every leaf field of a record dataclass."""
    hints = typing.get_type_hints(cls)
    columns: list[tuple[str, str, tuple[str, ...]]] = []
    for f in dataclasses.fields(cls):
        kind = _unwrap_optional(hints[f.name])
        name = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(kind):
            for sub, sql, path in flat_columns(kind, f"{name}_"):  # type: ignore[arg-type]
                columns.append((sub, sql, (f.name, *path)))
        elif typing.get_origin(kind) is list:
            (item,) = typing.get_args(kind)
            if item is str:
                columns.append((name, "VARCHAR[]", (f.name,)))
        elif kind in _SCALARS:
            columns.append((name, _SCALARS[kind], (f.name,)))
    return columns


def _unwrap_optional(kind: Any) -> Any:
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else kind
    return kind


def _value(obj: Any, path: tuple[str, ...]) -> Any:
    for attr in path:
        if obj is None:
            return None
        obj = getattr(obj, attr)
    return obj


ARTICLE_COLUMNS = [*flat_columns(ArticleRecord), ("content_hash", "VARCHAR", ())]
CHILD_COLUMNS = {table: flat_columns(cls) for table, cls in _CHILD_TABLES.items()}


def content_hash(text: str) -> str:
    """Hash of an article's whitespace-normalised text, for duplicate detection."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


class Store:
    """A DuckDB event store. Use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def _create(self) -> None:
        cols = ", ".join(f'"{n}" {t}' for n, t, _ in ARTICLE_COLUMNS)
        self.con.execute(f"CREATE TABLE IF NOT EXISTS articles ({cols}, PRIMARY KEY (id))")
        for table, columns in CHILD_COLUMNS.items():
            extra = "" if table == "events" else '"id" VARCHAR, '
            cols = ", ".join(f'"{n}" {t}' for n, t, _ in columns)
            self.con.execute(f'CREATE TABLE IF NOT EXISTS {table} ("article_id" VARCHAR, {extra}{cols})')

    def stored_ids(self) -> set[str]:
        """Ids of articles already stored without error (a resumed run skips them)."""
        return {row[0] for row in self.con.execute("SELECT id FROM articles WHERE error IS NULL").fetchall()}

    def write(self, records: Iterable[ArticleRecord]) -> dict[str, int]:
        """Store records (replacing earlier rows of the same ids). Returns counts written/skipped."""
        import pyarrow as pa

        counts = {"articles": 0, "duplicates": 0, "events": 0, "quotes": 0, "places": 0, "failures": 0}
        hashes = dict(self.con.execute("SELECT content_hash, id FROM articles").fetchall())
        rows: dict[str, list[list[Any]]] = {"articles": [], "events": [], "quotes": [], "places": []}
        ids: list[str] = []
        for record in records:
            digest = content_hash(record.text) if record.text else None
            if digest is not None and hashes.get(digest, record.id) != record.id:
                counts["duplicates"] += 1
                continue
            if digest is not None:
                hashes[digest] = record.id
            ids.append(record.id)
            counts["failures" if record.error else "articles"] += 1
            rows["articles"].append([_value(record, p) for _, _, p in ARTICLE_COLUMNS[:-1]] + [digest])
            for table, columns in CHILD_COLUMNS.items():
                for item in getattr(record, table):
                    values = [_value(item, p) for _, _, p in columns]
                    prefix = [record.id] if table == "events" else [record.id, _child_id(record.id, item)]
                    rows[table].append(prefix + values)
                    counts[table] += 1
        if not ids:
            return counts
        self.con.execute("BEGIN TRANSACTION")
        try:
            id_table = pa.table({"id": ids})  # noqa: F841 - read by DuckDB by name
            for table in ("events", "quotes", "places"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM id_table)")
            self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM id_table)")
            for table, table_rows in rows.items():
                if table_rows:
                    placeholders = ", ".join("?" for _ in table_rows[0])
                    self.con.executemany(f"INSERT INTO {table} VALUES ({placeholders})", table_rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return counts

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("articles", "events", "quotes", "places")
        }

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every stored event as a nested dict (the record's event shape plus ``article_id``)."""
        names = ["article_id"] + [n for n, _, _ in CHILD_COLUMNS["events"]]
        paths = [("article_id",)] + [p for _, _, p in CHILD_COLUMNS["events"]]
        cursor = self.con.execute("SELECT * FROM events ORDER BY article_id, start")
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield _nest(names, paths, row)


def _child_id(article_id: str, item: Quote | Place) -> str:
    return stable_id(article_id, type(item).__name__, item.start, item.end)


def _nest(names: list[str], paths: list[tuple[str, ...]], row: tuple[Any, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, value in zip(paths, row, strict=True):
        node = out
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    for key in ("source", "target", "location"):
        sub = out.get(key)
        if isinstance(sub, dict) and all(v is None or v == [] for v in sub.values()):
            out[key] = None
    return out
