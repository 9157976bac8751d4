"""Readers that turn files, directories, JSONL and stdin into `RawDocument`s, in input order.

Inputs that cannot be read (binary data, a bad JSON line, an empty JSONL file) come out as
`InputFailure`s in their place, so that every input has exactly one outcome.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputNotFound, NotText, UnsupportedInput
from ..records import InputFailure, RawDocument, stable_id
from .decode import decode
from .files import HTML_SUFFIXES, TEXT_SUFFIXES, read_html_file, read_text_file
from .ids import Admission, IdLedger, disambiguated
from .jsonl import read_jsonl, read_jsonl_lines

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
        children = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
        for child in children:
            yield from _read_file(child, child.relative_to(path).as_posix())
        return
    yield from _read_file(path, path.name)


def _read_file(path: Path, doc_id: str) -> Iterator[Input]:
    """The documents of one file of a known format (`_known`)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_file(path, doc_id)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, doc_id)
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
        raise UnsupportedInput(f"don't know how to read {path} (suffix {path.suffix or 'none'!r})")


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
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl"}
