"""Readers that turn files, directories, JSONL and stdin into `RawDocument`s, in input order."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputNotFound, UnsupportedInput
from ..records import RawDocument
from .files import HTML_SUFFIXES, TEXT_SUFFIXES, read_html_file, read_text_file
from .jsonl import JsonlFailure, read_jsonl, read_jsonl_lines

__all__ = ["JsonlFailure", "RawDocument", "iter_documents", "read_jsonl", "read_path", "read_stdin"]


def read_path(path: Path) -> Iterator[RawDocument | JsonlFailure]:
    """Documents in one path: a file of a known format or a directory (sorted, recursive)."""
    if str(path) == "-":
        yield from read_stdin()
        return
    if not path.exists():
        raise InputNotFound(f"no such file or directory: {path}")
    if path.is_dir():
        children = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
        for child in children:
            yield from read_path(child)
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_file(path)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path)
    elif suffix == ".jsonl":
        yield from read_jsonl(path)
    else:
        raise UnsupportedInput(f"don't know how to read {path} (suffix {suffix or 'none'!r})")


def read_stdin() -> Iterator[RawDocument | JsonlFailure]:
    """Standard input: JSONL when every line is a JSON object, else one article (HTML or text)."""
    data = sys.stdin.read()
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from read_jsonl_lines(lines, origin="<stdin>")
        return
    if data.lstrip()[:1] == "<":
        yield RawDocument(id="stdin", html=data, origin="<stdin>")
    else:
        yield RawDocument(id="stdin", text=data, origin="<stdin>")


def iter_documents(paths: Iterable[str | Path]) -> Iterator[RawDocument | JsonlFailure]:
    """All documents of all paths, in the order given."""
    for path in paths:
        yield from read_path(Path(path))


def _known(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl"}
