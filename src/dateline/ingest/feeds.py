"""RSS and Atom files saved to disk (``.rss``, ``.atom``, and ``.xml`` files that are feeds).

Each entry is one document: its id is the entry's link (a relative link: the linked file's path,
as a directory read would name it), else its ``id``/``guid``, else a hash of its title and text.
Its text is, in this order, the entry's full content (``content:encoded``, Atom ``content``),
the local HTML file its link points to (a saved crawl keeps the pages beside the feed), or its
summary; ``origin`` says which (``feed.xml#entry-3 (content)``). Content and summary are parts
of an article, not pages: they come as text (`fragment_text`), a linked page as HTML. The
entry's own date (published, else updated) is its ``published``, the day as the feed wrote it
(not shifted to UTC).

A linked local file is read as part of its entry: `linked_files` names them, so that a directory
read does not code one article twice.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import EmptyArticle, NotText
from ..records import InputFailure, RawDocument, stable_id
from .decode import decode

FEED_SUFFIXES = frozenset({".rss", ".atom"})
#: The root elements of RSS 2.0/0.9x, Atom and RSS 1.0 (RDF) feeds.
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
Input = RawDocument | InputFailure


def is_feed(path: Path) -> bool:
    """Whether a file is a feed: a ``.rss``/``.atom`` file, or an XML file whose root is a feed's."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    return suffix == ".xml" and sniff_feed(path)


def sniff_feed(path: Path) -> bool:
    """Whether an XML file's root element is ``rss``, ``feed`` or ``rdf:RDF`` (by its first 4 KiB)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(head, position):
        position = match.end()
    root = _ROOT.match(head[position:].lstrip())
    return root is not None and root.group(1).decode("ascii").lower() in _FEED_ROOTS


def read_feed(path: Path, file_id: str) -> Iterator[Input]:
    """The entries of a feed file, in feed order; a file with no entries is one failure.

    ``file_id`` is the feed's own id (its path relative to the directory given): it names the ids
    of entries without link or guid (``<file_id>#<hash>``) and places relative links.
    """
    entries = _entries(path)
    if isinstance(entries, InputFailure):
        yield entries
        return
    seen: set[tuple[str, str]] = set()  # an entry repeated word for word is one input
    for number, entry in enumerate(entries, start=1):
        item = _document(entry, path, file_id, number)
        if isinstance(item, RawDocument):
            if (item.id, item.digest()) in seen:
                continue
            seen.add((item.id, item.digest()))
        yield item


def linked_files(path: Path) -> set[Path]:
    """The local files the entries of a feed link to (read as part of the feed, not by themselves)."""
    entries = _entries(path)
    if isinstance(entries, InputFailure):
        return set()
    found = (_local_file(entry.get("link"), path.parent) for entry in entries)
    return {p.resolve() for p in found if p is not None}


def _entries(path: Path) -> list[Any] | InputFailure:
    """The parsed entries of a feed, or the failure of a file that holds none."""
    import feedparser

    data = path.read_bytes()  # bytes: feedparser would take a string for a URL to fetch
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if parsed.entries:
        return list(parsed.entries)
    reason = parsed.get("bozo_exception")
    why = f" ({reason})" if reason else ""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputFailure(path.name, NotText(f"{path} is binary data, not a feed"), str(path))
    return InputFailure(path.name, EmptyArticle(f"{path} holds no feed entries{why}"), str(path))


def _document(entry: Any, path: Path, file_id: str, number: int) -> Input:
    link = (entry.get("link") or "").strip()
    local = _local_file(link, path.parent)
    title = entry.get("title") or None
    doc_id = _entry_id(entry, link, local, file_id)
    url = link if urlsplit(link).scheme in ("http", "https") else None
    where = f"{path}#entry-{number}"
    common: dict[str, Any] = {"title": title, "published": _entry_day(entry), "url": url}
    content = _full_content(entry)
    if content is not None:
        html, kind = content
        return _make(doc_id, html, kind, f"{where} (content)", common)
    if local is not None:
        try:
            page = decode(local.read_bytes(), str(local), html=True)
        except (NotText, OSError) as exc:
            error = exc if isinstance(exc, NotText) else NotText(f"{local} cannot be read ({exc})")
            return InputFailure(doc_id, error, f"{where} ({local})")
        return RawDocument(id=doc_id, html=page, origin=f"{where} ({local})", **common)
    summary = entry.get("summary") or ""
    kind = (entry.get("summary_detail") or {}).get("type") or "text/html"
    return _make(doc_id, summary, kind, f"{where} (summary)", common)


def _make(doc_id: str, value: str, kind: str, origin: str, common: dict[str, Any]) -> RawDocument:
    """A document of an entry's own text: a fragment of an article, not a page.

    An HTML fragment becomes text here, a paragraph a line: page extraction (trafilatura) looks
    for an article inside a page, and finds none in a paragraph or two.
    """
    text = fragment_text(value) if kind in _HTML_TYPES else value
    return RawDocument(id=doc_id, text=text, origin=origin, **common)


#: Elements that end a line of text, and elements whose text is no part of the article's.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"tr", "table", "section", "article", "header", "footer"}
)
_DROPPED = frozenset({"figure", "figcaption", "script", "style", "noscript", "iframe"})


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one line per paragraph (block element or ``<br>``)."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        return unescape(html).strip()
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.strip()
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _DROPPED and element is not root:
            element.drop_tree()
        elif tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _full_content(entry: Any) -> tuple[str, str] | None:
    """(value, type) of an entry's full content: the first HTML one, else the first one."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if not contents:
        return None
    best = next((c for c in contents if c.get("type") in _HTML_TYPES), contents[0])
    return best["value"], best.get("type") or "text/html"


def _entry_id(entry: Any, link: str, local: Path | None, file_id: str) -> str:
    """The entry's link (a relative one as a path beside the feed's id), guid, or content hash."""
    if link and urlsplit(link).scheme:
        return link
    if link and local is not None:
        return posixpath.normpath(posixpath.join(posixpath.dirname(file_id), unquote(link)))
    guid = (entry.get("id") or "").strip()
    if guid:
        return guid
    if link:
        return link
    text = entry.get("summary") or "".join(c.get("value", "") for c in entry.get("content") or [])
    return f"{file_id}#{stable_id(entry.get('title') or '', text, length=12)}"


def _local_file(link: str | None, folder: Path) -> Path | None:
    """The file under ``folder`` a link points to, None when there is none.

    A relative link or a ``file:`` URL is a path from the feed's folder; an http(s) link is looked
    for as ``<host>/<path>`` and ``<path>`` there (as wget and similar tools save pages). Only
    files inside the feed's folder are read.
    """
    if not link:
        return None
    parts = urlsplit(link.strip())
    path = unquote(parts.path)
    root = folder.resolve()
    if parts.scheme == "file":
        candidates = [Path(path)]
    elif not parts.scheme:
        candidates = [root / path.lstrip("/")]
    elif parts.scheme in ("http", "https"):
        names = [f"{parts.netloc}/{path.lstrip('/')}", path.lstrip("/")]
        names += [name + "index.html" for name in names if name.endswith("/")]
        candidates = [root / name for name in names if name.strip("/")]
    else:
        return None
    for candidate in candidates:
        target = candidate.resolve()
        if target.is_relative_to(root) and target.is_file():
            return target
    return None


def _entry_day(entry: Any) -> str | None:
    """The day an entry was published (else updated), as written in the feed."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if raw:
            day = _day(raw)
            if day is not None:
                return day
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _day(raw: str) -> str | None:
    """The day of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, in the writer's own time zone."""
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
