"""The API's read-only queries over a store, with bound parameters only.

Each takes a DuckDB cursor (one per request) and gives rows as dicts, or an Arrow table for a page
of a list (one row more than the page, to tell whether another page follows).
"""

from __future__ import annotations

from typing import Any

from ..event_filters import EventFilters, event_from, event_where, evidence_sql
from ..exports.query import arrow_table

#: An event as the API gives it, in this order (evidence: its surest mention's sentence).
EVENT_FIELDS = (
    "event_id",
    "date",
    "cameo",
    "root",
    "quad",
    "goldstein",
    "plover_event",
    "plover_mode",
    "source_code",
    "source_name",
    "source_country",
    "target_code",
    "target_name",
    "target_country",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "article_id",
    "mention_id",
)
#: The most mentions an event's page lists, and the most other articles per event of an article.
MAX_MENTIONS = 1000
MAX_OTHERS = 100
#: The actors /api/meta lists, the most frequent first.
TOP_ACTORS = 50

#: The events' sort key: by date (undated ones last), then id.
_EVENT_KEY = "coalesce(x.date, '~')"


def _dicts(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _event_columns(alias: str) -> str:
    return ", ".join(f"{alias}.{name}" for name in EVENT_FIELDS)


def _with_evidence(page_sql: str) -> str:
    """The events of ``page_sql`` (aliased x in it) with their trigger and evidence sentence."""
    return f"""
        SELECT {_event_columns("x")}, m.trigger, {evidence_sql()} AS evidence
        FROM ({page_sql}) x
        JOIN articles a ON a.id = x.article_id
        LEFT JOIN mentions m ON m.article_id = x.article_id AND m.id = x.mention_id
        ORDER BY {_EVENT_KEY}, x.event_id
    """


def events_page(con: Any, filters: EventFilters, after: list[Any] | None, limit: int) -> Any:
    """Up to ``limit`` + 1 filtered events after the sort key ``after``, as an Arrow table."""
    where, params = event_where(filters)
    if after is not None:
        where.append(f"({_EVENT_KEY} > ? OR ({_EVENT_KEY} = ? AND x.event_id > ?))")
        params += [after[0], after[0], after[1]]
    condition = "WHERE " + " AND ".join(where) if where else ""
    page = f"""
        SELECT {_event_columns("x")} FROM {event_from(filters)} {condition}
        ORDER BY {_EVENT_KEY}, x.event_id LIMIT ?
    """
    return arrow_table(con, _with_evidence(page), [*params, limit + 1])


def event_key(row: dict[str, Any]) -> list[Any]:
    """The sort key of an event row (what its page's cursor holds)."""
    return [row["date"] if row["date"] is not None else "~", row["event_id"]]


def event(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event with its mentions (the first `MAX_MENTIONS`, oldest first), None when unknown."""
    page = f"SELECT {_event_columns('x')} FROM events x WHERE x.event_id = ?"
    found = _dicts(con, _with_evidence(page), [event_id])
    if not found:
        return None
    mentions = _dicts(
        con,
        f"""
        SELECT m.article_id, m.id AS mention_id, a.title, a.url, a.published, m.sentence, m.trigger,
            m.start, m."end", m.confidence, {evidence_sql()} AS evidence
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.event_id = ?
        ORDER BY a.published NULLS LAST, m.article_id, m.start, m.id LIMIT {MAX_MENTIONS}
        """,
        [event_id],
    )
    return {**found[0], "mentions": mentions}


def _side(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    values = {key: row.pop(f"{side}_{key}") for key in ("text", "code", "name", "start", "end")}
    return None if values["text"] is None and values["code"] is None else values


def article(con: Any, article_id: str) -> dict[str, Any] | None:
    """One article with its events (mentions), quotes and places, None when unknown."""
    found = _dicts(con, "SELECT id, title, url, published, text FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    sides = ", ".join(
        f"m.{side}_{key}" for side in ("source", "target") for key in ("text", "code", "name", "start", "end")
    )
    events = _dicts(
        con,
        f"""
        SELECT m.id AS mention_id, m.event_id, m.cameo, m.plover_event, m.quad, m.goldstein,
            m.confidence, m.trigger, m.start, m."end", {sides}
        FROM mentions m WHERE m.article_id = ? ORDER BY m.start, m.id
        """,
        [article_id],
    )
    others: dict[str, list[dict[str, Any]]] = {}
    for row in _dicts(
        con,
        """
        SELECT DISTINCT o.event_id, o.article_id, a.title, a.url, a.published
        FROM mentions o JOIN articles a ON a.id = o.article_id
        WHERE o.event_id IN (SELECT event_id FROM mentions WHERE article_id = ?) AND o.article_id <> ?
        QUALIFY row_number() OVER (PARTITION BY o.event_id ORDER BY a.published NULLS LAST, o.article_id)
            <= ?
        ORDER BY o.event_id, a.published NULLS LAST, o.article_id
        """,
        [article_id, article_id, MAX_OTHERS],
    ):
        others.setdefault(row["event_id"], []).append(
            {"article_id": row["article_id"], "title": row["title"], "url": row["url"]}
        )
    for row in events:
        row["source"] = _side(row, "source")
        row["target"] = _side(row, "target")
        row["others"] = others.get(row["event_id"], [])
    quotes = _dicts(
        con,
        """
        SELECT id, speaker_text, speaker_name, speaker_code, speaker_start, speaker_end, cue, content,
            start, "end", direct
        FROM quotes WHERE article_id = ? ORDER BY start, id
        """,
        [article_id],
    )
    for row in quotes:
        speaker = {key: row.pop(f"speaker_{key}") for key in ("text", "name", "code", "start", "end")}
        row["speaker"] = None if speaker["text"] is None else speaker
    places = _dicts(
        con,
        'SELECT text, start, "end", lat, lon, country FROM places WHERE article_id = ? ORDER BY start, id',
        [article_id],
    )
    return {**found[0], "events": events, "quotes": _quote_order(quotes), "places": places}


def _quote_order(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("id", "speaker", "cue", "content", "start", "end", "direct")
    return [{key: row[key] for key in keys} for row in quotes]


QUOTE_FIELDS = (
    "article_id",
    "id",
    "speaker_text",
    "speaker_name",
    "speaker_code",
    "cue",
    "content",
    "direct",
    "title",
    "published",
)


def quotes_page(
    con: Any,
    speaker: str | None,
    q: str | None,
    article_id: str | None,
    after: list[Any] | None,
    limit: int,
) -> Any:
    """Up to ``limit`` + 1 quotes after the sort key ``after`` (article, offset, id), as Arrow."""
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append(
            "(starts_with(x.speaker_code, upper(?)) OR contains(lower(x.speaker_name), lower(?)) "
            "OR contains(lower(x.speaker_text), lower(?)))"
        )
        params += [speaker, speaker, speaker]
    if q:
        where.append("contains(lower(x.content), lower(?))")
        params.append(q)
    if article_id:
        where.append("x.article_id = ?")
        params.append(article_id)
    if after is not None:
        where.append(
            "(x.article_id > ? OR (x.article_id = ? AND (x.start > ? OR (x.start = ? AND x.id > ?))))"
        )
        params += [after[0], after[0], after[1], after[1], after[2]]
    condition = "WHERE " + " AND ".join(where) if where else ""
    columns = ", ".join(f"a.{c}" if c in ("title", "published") else f"x.{c}" for c in QUOTE_FIELDS)
    sql = f"""
        SELECT {columns}, x.start AS _start FROM quotes x JOIN articles a ON a.id = x.article_id
        {condition} ORDER BY x.article_id, x.start, x.id LIMIT ?
    """
    return arrow_table(con, sql, [*params, limit + 1])


def quote_key(row: dict[str, Any]) -> list[Any]:
    """The sort key of a quote row (what its page's cursor holds)."""
    return [row["article_id"], row["_start"], row["id"]]


def meta(con: Any) -> dict[str, Any]:
    """The store's counts, first and last event dates and most frequent actors."""
    counts = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "events", "mentions", "quotes")
    }
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    actors = _dicts(
        con,
        """
        SELECT code, mode(name) AS name, count(DISTINCT event_id) AS count FROM (
            SELECT event_id, source_code AS code, source_name AS name FROM events
            UNION ALL SELECT event_id, target_code, target_name FROM events
        ) WHERE code IS NOT NULL GROUP BY code ORDER BY count DESC, code LIMIT ?
        """,
        [TOP_ACTORS],
    )
    from ..actors.dictionary import ActorDictionary

    book = ActorDictionary.load()  # once per server: the summary is computed once
    for actor in actors:  # the code's own name ("USAGOV": "United States government"), not a person's
        actor["name"] = book.describe(actor["code"]) or actor["name"]
    return {**counts, "first_date": first, "last_date": last, "actors": actors}
