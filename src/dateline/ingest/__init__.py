"""Readers that turn files, directories, JSONL and stdin into `RawDocument`s, in input order.

Formats: plain text, HTML, JSONL (each also gzip-compressed: ``.txt.gz``, ``.html.gz``,
``.jsonl.gz``), WARC (``.warc``, ``.warc.gz``), RSS/Atom feeds (``.rss``, ``.atom``, and ``.xml``
files that are feeds), directories of them (recursive) and stdin.

Inputs that cannot be read (binary data, a bad JSON line, an empty JSONL file, a damaged gzip or
WARC file) come out as `InputFailure`s in their place, so that every input has exactly one outcome.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputNotFound, NotText, UnsupportedInput
from ..records import InputFailure, RawDocument, stable_id
from .decode import decode
from .feeds import is_feed, linked_files, read_feed
from .files import HTML_SUFFIXES, TEXT_SUFFIXES, read_html_file, read_text_file
from .ids import Admission, IdLedger, disambiguated
from .jsonl import read_jsonl, read_jsonl_lines
from .warc import read_warc

#: The old name of `InputFailure`, kept for callers of version 0.1.
JsonlFailure = InputFailure
Input = RawDocument | InputFailure

__all__ = [
    "Admission",
    "IdLedger",
    "Input",
    "InputFailure",
    "JsonlFailure",
    "RawDocument",
    "admitted",
    "check_paths",
    "disambiguated",
    "iter_documents",
    "read_jsonl",
    "read_path",
    "read_stdin",
]


def read_path(path: Path) -> Iterator[Input]:
    """Documents in one path: a file of a known format or a directory (sorted, recursive).

    Files in a directory are identified by their path relative to it (``site1/index.html``), a
    file given by itself by its name.
    """
    if str(path) == "-":
        yield from read_stdin()
        return
    _check(path)
    if path.is_dir():
        kinds = {p: _kind(p) for p in sorted(path.rglob("*")) if p.is_file()}
        children = [(p, kind) for p, kind in kinds.items() if kind is not None]
        claimed: set[Path] = set()  # pages a feed links to: read as its entries, not again alone
        for child, kind in children:
            if kind == "feed":
                claimed |= linked_files(child)
        for child, kind in children:
            if kind == "feed" or child.resolve() not in claimed:
                yield from _read_file(child, child.relative_to(path).as_posix(), kind)
        return
    yield from _read_file(path, path.name, _kind(path))


#: Formats by (compression-stripped) suffix; ``.xml`` is a feed only when its root says so.
_FORMATS = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    ".jsonl": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
#: Formats read from gzip-compressed files (``.txt.gz``, ``.html.gz``, ``.jsonl.gz``, ``.warc.gz``).
_COMPRESSIBLE = frozenset({"text", "html", "jsonl", "warc"})


def _kind(path: Path) -> str | None:
    """The format of a file by its name (and, for ``.xml``, its root element), None if unknown."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes[-1:] == [".gz"]:
        kind = _FORMATS.get(suffixes[0]) if len(suffixes) == 2 else None
        return kind if kind in _COMPRESSIBLE else None
    kind = _FORMATS.get(path.suffix.lower())
    if kind == "feed" and not is_feed(path):
        return None
    return kind


def _read_file(path: Path, doc_id: str, kind: str | None) -> Iterator[Input]:
    """The documents of one file of a known format (its `_kind`)."""
    if kind == "text":
        yield read_text_file(path, doc_id)
    elif kind == "html":
        yield read_html_file(path, doc_id)
    elif kind == "warc":
        yield from read_warc(path, doc_id)
    elif kind == "feed":
        yield from read_feed(path, doc_id)
    else:
        yield from read_jsonl(path)


def read_stdin() -> Iterator[Input]:
    """Standard input: JSONL when every line is a JSON object, else one article (HTML or text).

    A single article from stdin is identified by its content: ``stdin:<hash>``.
    """
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    try:
        text = decode(data, "standard input")
    except NotText as exc:
        yield InputFailure("stdin:" + stable_id(data.hex(), length=12), exc, "<stdin>")
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from read_jsonl_lines(lines, origin="<stdin>", name="stdin")
        return
    doc_id = "stdin:" + stable_id(text, length=12)
    if text.lstrip()[:1] == "<":
        yield RawDocument(id=doc_id, html=text, origin="<stdin>")
    else:
        yield RawDocument(id=doc_id, text=text, origin="<stdin>")


def check_paths(paths: Iterable[str | Path]) -> None:
    """Raise `InputNotFound`/`UnsupportedInput` for a path that cannot be read, before any work."""
    for raw in paths:
        if str(raw) != "-":
            _check(Path(raw))


def _check(path: Path) -> None:
    """Raise unless ``path`` is a directory or a file of a format dateline reads."""
    if not path.exists():
        raise InputNotFound(f"no such file or directory: {path}")
    if path.is_file() and not _known(path):
        suffix = "".join(path.suffixes[-2:]) if path.suffix.lower() == ".gz" else path.suffix
        reason = f"suffix {suffix or 'none'!r}"
        if path.suffix.lower() == ".xml":
            reason = "XML, but no RSS or Atom feed"
        raise UnsupportedInput(f"don't know how to read {path} ({reason})")


def iter_documents(paths: Iterable[str | Path], ledger: IdLedger | None = None) -> Iterator[Input]:
    """All documents of all paths, in the order given, each under an id no other content has.

    A document whose id another content holds gets a suffixed id (`IdLedger`); pass a ledger to
    share ids across calls (a store's, for a resumed run).
    """
    for item, _ in admitted(paths, ledger if ledger is not None else IdLedger()):
        yield item


def admitted(paths: Iterable[str | Path], ledger: IdLedger) -> Iterator[tuple[Input, Admission]]:
    """Each input with what ``ledger`` made of it (`Admission.SAME`: seen before under its id)."""
    for path in paths:
        for item in read_path(Path(path)):
            yield ledger.admit(item)


def _known(path: Path) -> bool:
    return _kind(path) is not None
