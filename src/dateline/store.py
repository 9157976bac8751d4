"""The event store: DuckDB tables for articles, failures, mentions, events, quotes and places.

Each event an article codes is a row of ``mentions``; mentions of one act across articles are
one row of ``events``, with their counts (`dateline.dataset`).

The schema is derived from the record dataclasses: nested records are flattened with a prefix
(``source_code``, ``plover_event``, ``location_lat``), lists of strings become ``VARCHAR[]``.
Ids are stable across runs; writing an article again replaces its rows, so runs are idempotent,
and an article whose text is already stored under another id, or nearly (a wire copy with another
headline: `dateline.dedup`), is kept as a copy of it (its id, url and similarity in ``aliases``).
An input that could not be coded is a row of ``failures`` with its reason, never an article.
Every input's content hash is kept, so that a resumed run skips what it stored before and tells a
new content under a known id from the same one (`ledger`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

from . import dataset, dedup
from .errors import StoreError, error_code, error_label
from .ingest.ids import IdLedger
from .records import ArticleRecord, Event, InputFailure, Place, Quote, RawDocument, stable_id

_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}
_CHILD_TABLES: dict[str, type] = {"events": Event, "quotes": Quote, "places": Place}
#: The table that holds each list of an article record: its events are mentions of events.
TABLE_OF = {"events": "mentions", "quotes": "quotes", "places": "places"}


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
            elif dataclasses.is_dataclass(item):  # a list of records: one list column per field
                for leaf in dataclasses.fields(item):
                    columns.append((f"{name}_{leaf.name}", "VARCHAR[]", (f.name, LIST_ITEMS, leaf.name)))
        elif kind in _SCALARS:
            columns.append((name, _SCALARS[kind], (f.name,)))
    return columns


def _unwrap_optional(kind: Any) -> Any:
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else kind
    return kind


#: In an attribute path, the items of a list of records (``("rules", LIST_ITEMS, "rule")``).
LIST_ITEMS = "*"


def _value(obj: Any, path: tuple[str, ...]) -> Any:
    for position, attr in enumerate(path):
        if obj is None:
            return None
        if attr == LIST_ITEMS:
            return [_value(item, path[position + 1 :]) for item in obj]
        obj = getattr(obj, attr)
    return obj


ARTICLE_COLUMNS = [
    *[c for c in flat_columns(ArticleRecord) if c[0] != "error" and c[2][0] not in _CHILD_TABLES],
    ("content_hash", "VARCHAR", ()),
    ("input_hash", "VARCHAR", ()),
]
CHILD_COLUMNS = {table: flat_columns(cls) for table, cls in _CHILD_TABLES.items()}
FAILURE_COLUMNS = [
    ("id", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("url", "VARCHAR"),
    ("code", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("message", "VARCHAR"),
    ("language", "VARCHAR"),
    ("input_hash", "VARCHAR"),
    ("failed_at", "TIMESTAMP"),
]
#: An article's MinHash signature (`dateline.dedup`).
SIGNATURE_COLUMNS = [("article_id", "VARCHAR"), ("minhash", "UBIGINT[]")]
#: Per store file, the near-duplicate index of its articles and the signature count it holds.
_INDEXES: dict[str, tuple[int, dedup.NearDuplicates]] = {}
#: Seconds to wait for a store another process is writing to.
LOCK_WAIT = 30.0
_ARROW_TYPES = {"VARCHAR": "string", "BIGINT": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_"}
#: The input a record was made from: a document (its content hash is kept) or a read failure.
Input = RawDocument | InputFailure


def content_hash(text: str) -> str:
    """Hash of an article's whitespace-normalised text, for duplicate detection."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


class Store:
    """A DuckDB event store. Use as a context manager or call `close()`.

    ``read_only=True`` opens an existing store without taking the write lock, for exports (and
    works on read-only media).
    """

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = LOCK_WAIT) -> None:
        import duckdb

        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", hint="Create one with `dateline run PATH --db FILE`")
        deadline = time.monotonic() + wait
        while True:
            try:
                self.con = duckdb.connect(self.path, read_only=read_only)
                break
            except duckdb.Error as exc:
                # A running `dateline run` holds the file only while it writes a batch: wait for it.
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"cannot open store {self.path}: {exc}") from None
                time.sleep(0.1)
        if not read_only:
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
        tables = {row[0] for row in self.con.execute("SHOW TABLES").fetchall()}
        if "events" in tables and "mentions" not in tables:  # a store of 0.2 or before
            self.con.execute("ALTER TABLE events RENAME TO mentions")
        for field_name in CHILD_COLUMNS:
            table = TABLE_OF[field_name]
            cols = ", ".join(f'"{n}" {t}' for n, t in self._columns(table))
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        dataset.create(self.con)
        cols = ", ".join(f'"{n}" {t}' for n, t in FAILURE_COLUMNS)
        self.con.execute(f"CREATE TABLE IF NOT EXISTS failures ({cols}, PRIMARY KEY (id))")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS aliases "
            "(id VARCHAR PRIMARY KEY, input_hash VARCHAR, article_id VARCHAR, url VARCHAR, similarity DOUBLE)"
        )
        cols = ", ".join(f'"{n}" {t}' for n, t in SIGNATURE_COLUMNS)
        self.con.execute(f"CREATE TABLE IF NOT EXISTS signatures ({cols}, PRIMARY KEY (article_id))")
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a store written by an earlier version to this schema: the record fields added
        since become columns (empty for old rows); failures, once article rows, move to their table."""
        for table in ("articles", "mentions", "quotes", "places"):
            present = {row[0] for row in self.con.execute(f"DESCRIBE {table}").fetchall()}
            for name, kind in self._columns(table):
                if name not in present:
                    self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')
        present = {row[0] for row in self.con.execute("DESCRIBE aliases").fetchall()}
        for name, kind in (("url", "VARCHAR"), ("similarity", "DOUBLE")):
            if name not in present:
                self.con.execute(f'ALTER TABLE aliases ADD COLUMN "{name}" {kind}')
        columns = {row[0] for row in self.con.execute("DESCRIBE articles").fetchall()}
        if "error" in columns:
            self.con.execute(
                "INSERT OR REPLACE INTO failures (id, url, code, reason, message, language, failed_at) "
                "SELECT id, url, regexp_extract(error, '^\\[(E\\d+)\\]', 1), 'error', error, language, "
                "now() FROM articles WHERE error IS NOT NULL"
            )
            self.con.execute("DELETE FROM articles WHERE error IS NOT NULL")
            self.con.execute("ALTER TABLE articles DROP COLUMN error")
        if self.con.execute("SELECT count(*) FROM events").fetchone() == (0,):
            self.con.execute("BEGIN TRANSACTION")
            dataset.assign_keys(self.con)
            dataset.refresh(self.con)  # a store from before the events table: build it once
            self.con.execute("COMMIT")

    def stored_ids(self) -> set[str]:
        """Ids of the articles stored (coded without error)."""
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def ledger(self) -> IdLedger:
        """The ids this store holds (articles, failures, duplicates' aliases) with their content hashes."""
        known: dict[str, str | None] = {}
        for table in ("failures", "aliases", "articles"):
            known.update(self.con.execute(f"SELECT id, input_hash FROM {table}").fetchall())
        failed = [row[0] for row in self.con.execute("SELECT id FROM failures").fetchall()]
        return IdLedger(known, failed)

    def write(
        self, records: Iterable[ArticleRecord], inputs: Iterable[Input] | None = None
    ) -> dict[str, int]:
        """Store records, replacing earlier rows of the same ids. Returns counts written/skipped.

        ``inputs``, in the same order as ``records``, are the documents they were coded from: their
        content hashes and origins are kept (for `ledger` and the failures table).
        """
        counts = {"articles": 0, "duplicates": 0, "mentions": 0, "quotes": 0, "places": 0, "failures": 0}
        pairs = (
            list(zip(records, inputs, strict=True)) if inputs is not None else [(r, None) for r in records]
        )
        hashes = dict(self.con.execute("SELECT content_hash, id FROM articles").fetchall())
        rows: dict[str, list[list[Any]]] = {t: [] for t in ("articles", "mentions", "quotes", "places")}
        failures: list[list[Any]] = []
        aliases: list[list[Any]] = []
        signatures: list[list[Any]] = []
        near = self._near_duplicates()
        ids: dict[str, None] = {}
        for record, source in pairs:
            if record.id in ids:
                counts["duplicates"] += 1  # one id twice in a batch: the first stands
                continue
            input_hash = source.digest() if source is not None else None
            if record.error:
                ids[record.id] = None
                counts["failures"] += 1
                failures.append(_failure_row(record, source, input_hash))
                continue
            digest = content_hash(record.text)
            if hashes.get(digest, record.id) != record.id:
                counts["duplicates"] += 1
                aliases.append([record.id, input_hash, hashes[digest], record.url, 1.0])
                continue
            values = dedup.signature(record.text)
            copied = near.find(values, exclude=record.id)
            if copied is not None:  # a wire copy: another headline, a line more or less
                counts["duplicates"] += 1
                aliases.append([record.id, input_hash, copied[0], record.url, round(copied[1], 3)])
                continue
            near.add(record.id, values)
            signatures.append([record.id, values])
            hashes[digest] = record.id
            ids[record.id] = None
            counts["articles"] += 1
            values = [_value(record, p) for _, _, p in ARTICLE_COLUMNS[:-2]]
            rows["articles"].append([*values, digest, input_hash])
            for field_name, columns in CHILD_COLUMNS.items():
                table = TABLE_OF[field_name]
                for item in getattr(record, field_name):
                    values = [_value(item, p) for _, _, p in columns]
                    if table == "mentions":
                        rows[table].append([record.id, *values, None, None])  # event key and id: refresh
                    else:
                        rows[table].append([record.id, _child_id(record.id, item), *values])
                    counts[table] += 1
        if ids or aliases:
            try:
                self._commit(list(ids), rows, failures, aliases, signatures)
            except StoreError:
                _INDEXES.pop(self._index_key(), None)  # the index holds what was not stored
                raise
            _INDEXES[self._index_key()] = (self._signature_count(), near)
        return counts

    def _index_key(self) -> str:
        return str(Path(self.path).resolve())

    def _signature_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM signatures").fetchone()[0])  # type: ignore[index]

    def _near_duplicates(self) -> dedup.NearDuplicates:
        """The LSH index of the stored articles (kept for the process while no one else writes:
        a run writes one batch at a time, each through a new `Store`)."""
        count = self._signature_count()
        cached = _INDEXES.get(self._index_key())
        if cached is not None and cached[0] == count:
            return cached[1]
        missing = self.con.execute(
            "SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM signatures)"
        ).fetchall()
        if missing:  # a store from before signatures were kept
            rows = [[article_id, dedup.signature(text or "")] for article_id, text in missing]
            self._insert("signatures", SIGNATURE_COLUMNS, rows)
        index = dedup.NearDuplicates()
        for article_id, values in self.con.execute("SELECT article_id, minhash FROM signatures").fetchall():
            index.add(article_id, list(values))
        _INDEXES[self._index_key()] = (self._signature_count(), index)
        return index

    def _commit(
        self,
        ids: list[str],
        rows: dict[str, list[list[Any]]],
        failures: list[list[Any]],
        aliases: list[list[Any]],
        signatures: list[list[Any]] | None = None,
    ) -> None:
        """Replace the rows of ``ids`` and insert the new ones, in one transaction, in bulk."""
        import duckdb

        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("batch_ids", _arrow([("id", "VARCHAR")], [[i] for i in ids]))
            touched = dataset.keys_of(self.con, ids)  # events that lose the mentions replaced here
            for table in ("mentions", "quotes", "places"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM batch_ids)")
            for table in ("articles", "failures", "aliases"):
                self.con.execute(f"DELETE FROM {table} WHERE id IN (SELECT id FROM batch_ids)")
            self.con.execute("DELETE FROM signatures WHERE article_id IN (SELECT id FROM batch_ids)")
            self.con.unregister("batch_ids")
            for table, table_rows in rows.items():
                self._insert(table, self._columns(table), table_rows)
            self._insert("failures", FAILURE_COLUMNS, failures)
            alias_columns = [
                ("id", "VARCHAR"),
                ("input_hash", "VARCHAR"),
                ("article_id", "VARCHAR"),
                ("url", "VARCHAR"),
                ("similarity", "DOUBLE"),
            ]
            self.con.execute("DELETE FROM aliases WHERE id IN (SELECT unnest(?))", [[a[0] for a in aliases]])
            self._insert("aliases", alias_columns, aliases)
            self._insert("signatures", SIGNATURE_COLUMNS, signatures or [])
            dataset.assign_keys(self.con)
            copied = [a[2] for a in aliases]  # a new copy of a stored article counts for its events
            dataset.refresh(self.con, touched + dataset.keys_of(self.con, ids + copied))
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not write to {self.path}: {exc}") from None

    def _columns(self, table: str) -> list[tuple[str, str]]:
        if table == "articles":
            return [(n, t) for n, t, _ in ARTICLE_COLUMNS]
        if table == "events":
            return dataset.event_columns()
        if table == "mentions":  # the event's own id is a column of the record
            own = [(n, t) for n, t, _ in CHILD_COLUMNS["events"]]
            return [("article_id", "VARCHAR"), *own, ("event_key", "VARCHAR"), ("event_id", "VARCHAR")]
        return [("article_id", "VARCHAR"), ("id", "VARCHAR")] + [(n, t) for n, t, _ in CHILD_COLUMNS[table]]

    def _insert(self, table: str, columns: list[tuple[str, str]], rows: list[list[Any]]) -> None:
        if not rows:
            return
        self.con.register("batch_rows", _arrow(columns, rows))
        names = ", ".join(f'"{name}"' for name, _ in columns)
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM batch_rows")
        self.con.unregister("batch_rows")

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("articles", "events", "mentions", "quotes", "places", "failures")
        }

    def failures(self) -> list[dict[str, Any]]:
        """The stored failures (input id, origin, url, code, reason, message, when), oldest first."""
        cursor = self.con.execute("SELECT * FROM failures ORDER BY failed_at, id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def iter_mentions(self) -> Iterator[dict[str, Any]]:
        """Every stored mention as a nested dict (the record's event shape plus ``article_id``)."""
        names = ["article_id"] + [n for n, _, _ in CHILD_COLUMNS["events"]]
        paths = [("article_id",)] + [p for _, _, p in CHILD_COLUMNS["events"]]
        columns = ", ".join(f'"{name}"' for name in names)  # by name: an upgraded store's order differs
        cursor = self.con.execute(f"SELECT {columns} FROM mentions ORDER BY article_id, start")
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield nest_row(paths, row)


def _failure_row(record: ArticleRecord, source: Input | None, input_hash: str | None) -> list[Any]:
    from datetime import datetime

    origin = source.origin if source is not None else None
    url = record.url or (source.url if isinstance(source, RawDocument) else None)
    when = datetime.now(UTC).replace(tzinfo=None)
    code = error_code(record.error)
    return [
        record.id,
        origin,
        url,
        code,
        error_label(record.error),
        record.error,
        record.language,
        input_hash,
        when,
    ]


def _arrow(columns: list[tuple[str, str]], rows: list[list[Any]]) -> Any:
    """An Arrow table of ``rows``, one column typed from its DuckDB type per (name, type)."""
    import pyarrow as pa

    arrays = {}
    for position, (name, kind) in enumerate(columns):
        if kind == "VARCHAR[]":
            arrow_type = pa.list_(pa.string())
        elif kind == "UBIGINT[]":
            arrow_type = pa.list_(pa.uint64())
        elif kind == "TIMESTAMP":
            arrow_type = pa.timestamp("us")
        else:
            arrow_type = getattr(pa, _ARROW_TYPES[kind])()
        arrays[name] = pa.array([row[position] for row in rows], type=arrow_type)
    return pa.table(arrays)


def _child_id(article_id: str, item: Quote | Place) -> str:
    return stable_id(article_id, type(item).__name__, item.start, item.end)


def nest_row(paths: list[tuple[str, ...]], row: tuple[Any, ...]) -> dict[str, Any]:
    """A flat row of record columns back in the record's nested shape (each value at its
    attribute path; parallel list columns become one list of records)."""
    out: dict[str, Any] = {}
    for path, value in zip(paths, row, strict=True):
        if LIST_ITEMS in path:  # parallel lists of one field each -> one list of records
            items = out.setdefault(path[0], [{} for _ in value or []])
            for item, field_value in zip(items, value or [], strict=True):
                item[path[-1]] = field_value
            continue
        node = out
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    for key in ("source", "target", "location", "pattern"):
        sub = out.get(key)
        if isinstance(sub, dict) and all(v is None or v == [] for v in sub.values()):
            out[key] = None
    return out
