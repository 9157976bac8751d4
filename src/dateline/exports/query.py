"""Read-only SQL over the store for the exports: event rows with their article, other tables, and
the command line's filters, always as bound parameters.

An event row is a deduplicated event (the ``events`` table: its counts and id) with the coding
and article of its surest mention; a mention row is one event in one article (``mentions``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError

TABLES = ("events", "mentions", "articles", "quotes", "places")


@dataclass(frozen=True, slots=True)
class Filters:
    """--since/--until (inclusive ISO dates), --country (ISO 3166 alpha-3), --root (CAMEO roots)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    roots: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def parse(
        cls,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        roots: list[str] | tuple[str, ...] | None = None,
    ) -> Filters:
        """Check the values the command line gave; raises `ConfigError` for a bad one."""
        checked_roots: list[str] = []
        for root in roots or ():
            text = root.strip()
            if not re.fullmatch(r"\d{2}", text) or not 1 <= int(text) <= 20:
                raise ConfigError(f"--root {root!r}: a CAMEO root is two digits, 01 to 20 (e.g. 19)")
            checked_roots.append(text)
        code = None
        if country is not None:
            code = country.strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ConfigError(f"--country {country!r}: give an ISO 3166 alpha-3 code (e.g. PAK)")
        return cls(_date(since, "--since"), _date(until, "--until"), code, tuple(checked_roots))


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"{option} {value!r}: give an ISO date, YYYY-MM-DD") from None


#: Mention rows: the stored mention with its article's url/published/title, its length, whether it
#: is the article's root event and the place the event is at as the places table found it.
MENTION_SQL = """
WITH by_id AS (
    SELECT article_id, geonameid, any_value(feature) AS feature, any_value(admin1) AS admin1
    FROM places WHERE geonameid IS NOT NULL GROUP BY article_id, geonameid
), by_name AS (
    SELECT article_id, lower(text) AS name, any_value(feature) AS feature, any_value(admin1) AS admin1
    FROM places WHERE geonameid IS NULL GROUP BY article_id, lower(text)
), ev AS (
    SELECT e.*, a.url, a.published, a.title, length(a.text) AS doc_len,
        (e.sentence = 0 OR e.sentence = min(e.sentence) OVER (PARTITION BY e.article_id)) AS is_root,
        coalesce(i.feature, n.feature) AS location_feature,
        coalesce(i.admin1, n.admin1) AS location_admin1
    FROM mentions e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN by_id i ON i.article_id = e.article_id AND i.geonameid = e.location_geonameid
    LEFT JOIN by_name n ON n.article_id = e.article_id AND e.location_geonameid IS NULL
        AND n.name = lower(e.location_name)
)
SELECT * FROM ev
"""

#: Event rows: each event once, its id and counts, with the coding of its surest mention.
EVENT_SQL = f"""
SELECT m.* EXCLUDE (id, event_id), x.event_id AS id, x.num_mentions, x.num_sources, x.num_articles,
    x.first_seen, x.last_seen
FROM events x JOIN ({MENTION_SQL}) m ON m.article_id = x.article_id AND m.id = x.mention_id
"""


def _event_where(filters: Filters, alias: str = "") -> tuple[list[str], list[Any]]:
    """Conditions on an event row (columns of `EVENT_SQL`, or events ``alias`` joined to articles ``a``)."""
    p = f"{alias}." if alias else ""
    published = "a.published" if alias else "published"
    day = f"substr(coalesce({p}date, {published}), 1, 10)"
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append(f"{day} >= ?")
        params.append(filters.since)
    if filters.until:
        where.append(f"{day} <= ?")
        params.append(filters.until)
    if filters.country:
        where.append(f"(? IN ({p}source_country, {p}target_country, {p}location_country))")
        params.append(filters.country)
    if filters.roots:
        where.append(f"{p}root IN ({', '.join('?' for _ in filters.roots)})")
        params.extend(filters.roots)
    return where, params


def event_query(
    filters: Filters, columns: tuple[str, ...] | None = None, mentions: bool = False
) -> tuple[str, list[Any]]:
    """SQL and parameters of the filtered event rows (``mentions``: mention rows), in article and
    text order."""
    where, params = _event_where(filters)
    select = "*" if columns is None else ", ".join(f'"{c}"' for c in columns)
    sql = f"SELECT {select} FROM ({MENTION_SQL if mentions else EVENT_SQL}) AS rows"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY article_id, start, id", params


def table_query(table: str, filters: Filters) -> tuple[str, list[Any]]:
    """SQL and parameters of a stored table's filtered rows.

    ``events`` and ``mentions`` take every filter on the event; ``articles``, ``quotes`` and
    ``places`` take --since/--until on the article's publication date and keep the articles with an
    event that passes --country and --root (for ``places``, --country is the place's country).
    """
    if table in ("events", "mentions"):
        alias = "x" if table == "events" else "e"
        conditions, values = _event_where(filters, alias)
        sql = f"SELECT {alias}.* FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id"
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        order = "x.date, x.event_id" if table == "events" else "e.article_id, e.start, e.id"
        return sql + " ORDER BY " + order, values
    if table not in ("articles", "quotes", "places"):
        raise ConfigError(f"--table {table!r}: one of {', '.join(TABLES)}")
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(filters.until)
    country = filters.country
    if table == "places" and country:
        where.append("x.country = ?")
        params.append(country)
        country = None
    event_where, event_params = _event_where(Filters(country=country, roots=filters.roots), "e")
    if event_where:
        where.append(
            "EXISTS (SELECT 1 FROM mentions e WHERE e.article_id = a.id AND "
            + " AND ".join(event_where)
            + ")"
        )
        params.extend(event_params)
    if table == "articles":
        sql = "SELECT a.* FROM articles a"
        order = " ORDER BY a.id"
    else:
        sql = f"SELECT x.* FROM {table} x JOIN articles a ON a.id = x.article_id"
        order = " ORDER BY x.article_id, x.start, x.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + order, params


def arrow_table(con: Any, sql: str, params: list[Any]) -> Any:
    """The rows of a query as one Arrow table."""
    relation = con.sql(sql, params=params)
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow  # duckdb 2 / 1.x
    return fetch()


def rows(con: Any, sql: str, params: list[Any]) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and the rows of a query, fetched in batches."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]

    def fetch() -> Iterator[tuple[Any, ...]]:
        while batch := cursor.fetchmany(1000):
            yield from batch

    return names, fetch()
