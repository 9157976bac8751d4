"""Single-file readers: plain text and HTML, decoded by `decode` (binary input is a failure).

Either may be gzip-compressed (``story.html.gz``): a damaged file is a failure too.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BadRecord, NotText, TextTooLong
from ..records import InputFailure, RawDocument
from .compressed import read_gzip
from .decode import decode

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']"""
    r"""|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""",
    re.IGNORECASE,
)


def read_text_file(path: Path, id: str) -> RawDocument | InputFailure:
    """A plain-text article (possibly scraped from a page)."""
    try:
        return RawDocument(id=id, text=decode(_read(path), str(path)), origin=str(path))
    except (NotText, BadRecord, TextTooLong) as exc:
        return InputFailure(id, exc, str(path))


def read_html_file(path: Path, id: str) -> RawDocument | InputFailure:
    """An HTML page; its canonical URL, where it declares one, becomes the document's url."""
    try:
        html = decode(_read(path), str(path), html=True)
    except (NotText, BadRecord, TextTooLong) as exc:
        return InputFailure(id, exc, str(path))
    match = _CANONICAL.search(html[:20000])
    url = (match.group(1) or match.group(2)) if match else None
    return RawDocument(id=id, html=html, url=url, origin=str(path))


def _read(path: Path) -> bytes:
    """The file's bytes, decompressed when its name ends in ``.gz``."""
    return read_gzip(path) if path.name.lower().endswith(".gz") else path.read_bytes()
