"""Ingest: every input format, in input order; bad lines become failures, not crashes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputNotFound, UnsupportedInput
from dateline.ingest import JsonlFailure, iter_documents, read_stdin
from dateline.records import RawDocument


def test_text_html_and_directory(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Body text.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs = list(iter_documents([tmp_path]))
    assert [d.id for d in docs if isinstance(d, RawDocument)] == ["a", "b"]
    assert docs[0].html is not None and docs[1].text == "Body text."  # type: ignore[union-attr]


def test_jsonl_keeps_ids_order_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": "x1", "text": "One.", "title": "T", "published": "2020-01-02", "url": "http://e/1"}
        ),
        "{not json",
        json.dumps({"id": "x3", "html": "<p>Three</p>"}),
        json.dumps({"id": "x4"}),
        "",
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["x1", "in:2", "x3", "in:4", "in:6"]
    assert isinstance(docs[1], JsonlFailure) and "not JSON" in str(docs[1].error)
    assert isinstance(docs[3], JsonlFailure) and isinstance(docs[4], JsonlFailure)
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.published, first.url) == ("T", "2020-01-02", "http://e/1")


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Plain article text."))
    (doc,) = list(read_stdin())
    assert isinstance(doc, RawDocument) and doc.text == "Plain article text."
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s1", "text": "A."}\n{"id": "s2", "text": "B."}\n'))
    assert [d.id for d in read_stdin()] == ["s1", "s2"]


def test_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        list(iter_documents([tmp_path / "missing.txt"]))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UnsupportedInput):
        list(iter_documents([tmp_path / "x.pdf"]))
