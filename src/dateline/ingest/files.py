"""Single-file readers: plain text and HTML."""

from __future__ import annotations

from pathlib import Path

from ..records import RawDocument

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def read_text_file(path: Path) -> RawDocument:
    """A plain-text article (possibly scraped from a page); its id is the file's stem."""
    return RawDocument(id=path.stem, text=_read(path), origin=str(path))


def read_html_file(path: Path) -> RawDocument:
    """An HTML page; its id is the file's stem."""
    return RawDocument(id=path.stem, html=_read(path), origin=str(path))
