"""The event dataset: one row per event however many articles report it, as GDELT's events and
mentions tables are.

Each event an article codes is a *mention* (the ``mentions`` table: its article, sentence,
offsets and coding). Mentions of the same act are one *event* (the ``events`` table) when they
have the same source code, target code (an uncoded side: its phrase), CAMEO code and place (its
GeoNames id, else its country) and their dates lie within `WINDOW_DAYS` of one another (a mention
with no coded side is an event of its own): a chain of mentions a day or less apart
is one event, so a strike told on Monday and retold on Tuesday is one event, while the same
strike a week later is another. A mention's date is its event date, else its article's
publication date. An event's id is a hash of its key and its first date, stable across runs and
machines; each mention points to it (``mentions.event_id``).

An event counts its mentions, the distinct articles that carry them (near-duplicate copies of an
article, kept in ``aliases``, count as articles too), the distinct sources (web domains; an
article without a url is its own source), and the first and last publication dates it was seen.
Its coding (sides, code, place) is that of its surest mention.

`refresh` recomputes the events of the keys a write touched, so a later run that brings a new
copy of a story adds a mention to the existing event instead of adding an event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: Mentions of one key whose dates lie this many days apart or less belong to one event.
WINDOW_DAYS = 1

#: The events table: (column, DuckDB type, SQL over one chain of mentions of `_CHAINS`).
EVENT_COLUMNS: list[tuple[str, str, str]] = [
    ("event_id", "VARCHAR", "any_value(event_id)"),
    ("event_key", "VARCHAR", "key"),
    ("date", "VARCHAR", "cast(min(day) AS VARCHAR)"),
    ("last_date", "VARCHAR", "cast(max(day) AS VARCHAR)"),
    ("cameo", "VARCHAR", "any_value(cameo)"),
    ("root", "VARCHAR", "any_value(root)"),
    ("quad", "BIGINT", "any_value(quad)"),
    ("goldstein", "DOUBLE", "any_value(goldstein)"),
    ("plover_event", "VARCHAR", "arg_max(plover_event, confidence)"),
    ("plover_mode", "VARCHAR", "arg_max(plover_mode, confidence)"),
    ("source_code", "VARCHAR", "any_value(source_code)"),
    ("source_country", "VARCHAR", "arg_max(source_country, confidence)"),
    ("source_name", "VARCHAR", "arg_max(coalesce(source_name, source_text), confidence)"),
    ("target_code", "VARCHAR", "any_value(target_code)"),
    ("target_country", "VARCHAR", "arg_max(target_country, confidence)"),
    ("target_name", "VARCHAR", "arg_max(coalesce(target_name, target_text), confidence)"),
    ("location_name", "VARCHAR", "arg_max(location_name, confidence)"),
    ("location_country", "VARCHAR", "arg_max(location_country, confidence)"),
    ("location_lat", "DOUBLE", "arg_max(location_lat, confidence)"),
    ("location_lon", "DOUBLE", "arg_max(location_lon, confidence)"),
    ("location_geonameid", "BIGINT", "arg_max(location_geonameid, confidence)"),
    ("confidence", "DOUBLE", "max(confidence)"),
    ("num_mentions", "BIGINT", "count(*)"),
    ("num_articles", "BIGINT", "count(DISTINCT article_id) + any_value(chain_copies)"),
    ("num_sources", "BIGINT", "count(DISTINCT source_site)"),
    ("first_seen", "VARCHAR", "min(published)"),
    ("last_seen", "VARCHAR", "max(published)"),
    ("article_id", "VARCHAR", "arg_max(article_id, confidence)"),
    ("mention_id", "VARCHAR", "arg_max(id, confidence)"),
]

#: The key of a mention: same sides, code and place (SQL over the mentions table). A side with no
#: code is its phrase ("protesters"); a mention with no coded side at all is an event of its own,
#: as nothing says two such mentions are of one act.
KEY_SQL = (
    "concat_ws('|', coalesce(source_code, 'text:' || lower(source_text), ''), "
    "coalesce(target_code, 'text:' || lower(target_text), ''), cameo, "
    "coalesce(cast(location_geonameid AS VARCHAR), location_country, ''), "
    "CASE WHEN source_code IS NULL AND target_code IS NULL THEN article_id || '#' || id END)"
)

#: The touched keys' mentions, each with its chain (one event) and that event's id, computed
#: once per refresh into a temporary table.
_CHAINS = """
CREATE OR REPLACE TEMP TABLE event_chains AS
WITH copies AS (
    SELECT article_id, count(*) AS n FROM aliases WHERE article_id IS NOT NULL GROUP BY article_id
), m AS (
    SELECT mn.* EXCLUDE (event_id), mn.event_key AS key, a.published,
        coalesce(try_cast(mn.date AS DATE), try_cast(substr(a.published, 1, 10) AS DATE)) AS day,
        coalesce(nullif(regexp_extract(a.url, '^[a-z]+://(?:www\\.)?([^/:?#]+)', 1), ''), mn.article_id)
            AS source_site,
        coalesce(c.n, 0) AS copies
    FROM mentions mn
    JOIN articles a ON a.id = mn.article_id
    LEFT JOIN copies c ON c.article_id = mn.article_id
    WHERE mn.event_key IN (SELECT key FROM touched_keys)
), chained AS (
    SELECT *, CASE
        WHEN day IS NULL THEN 0  -- undated mentions of a key (no date, no publication date): one event
        WHEN day - lag(day) OVER (PARTITION BY key ORDER BY day NULLS LAST, article_id, id) <= {window} THEN 0
        ELSE 1 END AS starts
    FROM m
), grouped AS (
    SELECT *, sum(starts) OVER (PARTITION BY key ORDER BY day NULLS LAST, article_id, id
        ROWS UNBOUNDED PRECEDING) + CASE WHEN day IS NULL THEN 1000000000 ELSE 0 END AS chain
    FROM chained
), article_copies AS (
    SELECT key, chain, sum(copies) AS chain_copies FROM (
        SELECT DISTINCT key, chain, article_id, copies FROM grouped
    ) GROUP BY key, chain
)
SELECT g.*, ac.chain_copies,
    substr(md5(g.key || '|' || coalesce(cast(min(g.day) OVER (PARTITION BY g.key, g.chain) AS VARCHAR),
        '')), 1, 16) AS event_id
FROM grouped g JOIN article_copies ac USING (key, chain)
"""


def event_columns() -> list[tuple[str, str]]:
    """(name, DuckDB type) of the events table's columns."""
    return [(name, kind) for name, kind, _ in EVENT_COLUMNS]


def create(con: Any) -> None:
    """Create the events table if it is missing."""
    cols = ", ".join(f'"{name}" {kind}' for name, kind in event_columns())
    con.execute(f"CREATE TABLE IF NOT EXISTS events ({cols}, PRIMARY KEY (event_id))")


def refresh(con: Any, keys: Iterable[str] | None = None) -> None:
    """Recompute the events of ``keys`` (every key when None) from their mentions (keyed by
    `assign_keys`), and point each of those mentions to its event. Runs inside the caller's
    transaction."""
    import pyarrow as pa

    if keys is None:
        con.execute("DELETE FROM events")
        keys = [row[0] for row in con.execute("SELECT DISTINCT event_key FROM mentions").fetchall()]
    con.register("touched_keys", pa.table({"key": pa.array(sorted(set(keys)), pa.string())}))
    try:
        con.execute("DELETE FROM events WHERE event_key IN (SELECT key FROM touched_keys)")
        con.execute(_CHAINS.format(window=WINDOW_DAYS))
        selects = ", ".join(sql for _, _, sql in EVENT_COLUMNS)
        names = ", ".join(f'"{name}"' for name, _ in event_columns())
        con.execute(f"INSERT INTO events ({names}) SELECT {selects} FROM event_chains GROUP BY key, chain")
        con.execute(
            """UPDATE mentions SET event_id = ids.event_id
            FROM (SELECT DISTINCT article_id, id, event_id FROM event_chains) ids
            WHERE mentions.article_id = ids.article_id AND mentions.id = ids.id"""
        )
        con.execute("DROP TABLE event_chains")
    finally:
        con.unregister("touched_keys")


def assign_keys(con: Any) -> None:
    """Give the mentions stored without an event key theirs (`KEY_SQL`)."""
    con.execute(f"UPDATE mentions SET event_key = {KEY_SQL} WHERE event_key IS NULL")


def keys_of(con: Any, article_ids: list[str]) -> list[str]:
    """The event keys of the stored mentions of ``article_ids``."""
    if not article_ids:
        return []
    rows = con.execute(
        "SELECT DISTINCT event_key FROM mentions WHERE article_id IN (SELECT unnest(?))", [article_ids]
    ).fetchall()
    return [row[0] for row in rows if row[0] is not None]
