"""Ingest: every input format, in input order, under ids that identify it; unreadable inputs are
failures in their place, never crashes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.errors import BadRecord, EmptyArticle, InputNotFound, NotText, UnsupportedInput
from dateline.ingest import Admission, IdLedger, InputFailure, iter_documents, read_stdin
from dateline.ingest.decode import decode
from dateline.records import RawDocument


def _ids(docs: list[RawDocument | InputFailure]) -> list[str]:
    return [d.id for d in docs]


def test_text_html_and_directory(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Body text.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs = list(iter_documents([tmp_path]))
    assert _ids(docs) == ["a.html", "b.txt"]
    assert docs[0].html is not None and docs[1].text == "Body text."  # type: ignore[union-attr]


def test_files_in_two_folders_with_one_name_keep_apart(tmp_path: Path) -> None:
    for site, body in (("site1", "First story."), ("site2", "Second story.")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.html").write_text(f"<p>{body}</p>", encoding="utf-8")
        (tmp_path / site / "article.txt").write_text(body, encoding="utf-8")
    assert _ids(list(iter_documents([tmp_path]))) == [
        "site1/article.txt",
        "site1/index.html",
        "site2/article.txt",
        "site2/index.html",
    ]


def test_two_files_given_by_name_with_one_name_get_distinct_ids(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    for path, text in ((first, "One thing happened."), (second, "Another thing happened.")):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    ids = _ids(list(iter_documents([first, second])))
    assert ids[0] == "story.txt" and ids[1].startswith("story.txt~") and len(ids[1]) == len("story.txt~") + 8


def test_ledger_keeps_same_content_and_renames_other_content() -> None:
    ledger = IdLedger({"x": RawDocument(id="x", text="stored").digest()})
    same, admission = ledger.admit(RawDocument(id="x", text="stored"))
    assert (same.id, admission) == ("x", Admission.SAME)
    other, admission = ledger.admit(RawDocument(id="x", text="changed"))
    assert admission is Admission.RENAMED and other.id.startswith("x~")
    again, admission = ledger.admit(RawDocument(id="x", text="changed"))
    assert (again.id, admission) == (other.id, Admission.SAME)


def test_jsonl_keeps_ids_order_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": "x1", "text": "One.", "title": "T", "published": "2020-01-02", "url": "http://e/1"}
        ),
        "{not json",
        json.dumps({"id": "x3", "html": "<p>Three</p>"}),
        json.dumps({"id": "notext"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"text": "No id of its own."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = list(iter_documents([path]))
    assert _ids(docs) == ["x1", "in.jsonl:2", "x3", "notext", "in.jsonl:6", "in.jsonl:7"]
    assert isinstance(docs[1], InputFailure) and "not JSON" in str(docs[1].error)
    assert isinstance(docs[3], InputFailure) and isinstance(docs[3].error, BadRecord)
    assert isinstance(docs[4], InputFailure)
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.published, first.url) == ("T", "2020-01-02", "http://e/1")


def test_jsonl_duplicate_ids_keep_both_texts(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    rows = [{"id": "same", "text": "Text one."}, {"id": "same", "text": "Text two."}]
    rows.append({"id": "same", "text": "Text one."})
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    ids = _ids(list(iter_documents([path])))
    assert ids[0] == "same" and ids[1].startswith("same~") and ids[2] == "same"


def test_empty_and_binary_jsonl_files_are_one_failure_each(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "blob.jsonl").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    docs = list(iter_documents([tmp_path]))
    assert _ids(docs) == ["blob.jsonl", "empty.jsonl"]
    assert isinstance(docs[0], InputFailure) and isinstance(docs[0].error, NotText)
    assert isinstance(docs[1], InputFailure) and isinstance(docs[1].error, EmptyArticle)


def test_binary_file_is_a_failure_not_text(tmp_path: Path) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (doc,) = list(iter_documents([path]))
    assert isinstance(doc, InputFailure) and isinstance(doc.error, NotText) and doc.id == "program.txt"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le ministre est arrivé à Genève mercredi.", "latin-1"),
        ("The envoy said \u201cno deal\u201d \u2014 talks in Z\u00fcrich go on.", "cp1252"),
        ("Die Gespr\u00e4che in M\u00fcnchen wurden vertagt.", "utf-16"),
        ("Plain ASCII wire copy.", "utf-8"),
        ("Caf\u00e9 talks resumed.", "utf-8-sig"),
    ],
)
def test_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x") == text


def test_html_declared_charset_is_used() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>S\u00e3o Paulo</p></body></html>'
    assert "S\u00e3o Paulo" in decode(page.encode("latin-1"), "x", html=True)


def test_stdin_text_gets_a_content_id_and_jsonl_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Plain article text."))
    (doc,) = list(read_stdin())
    assert isinstance(doc, RawDocument) and doc.text == "Plain article text."
    monkeypatch.setattr("sys.stdin", io.StringIO("Another article."))
    (other,) = list(read_stdin())
    assert doc.id.startswith("stdin:") and other.id.startswith("stdin:") and doc.id != other.id
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s1", "text": "A."}\n{"id": "s2", "text": "B."}\n'))
    assert [d.id for d in read_stdin()] == ["s1", "s2"]


def test_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        list(iter_documents([tmp_path / "missing.txt"]))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UnsupportedInput):
        list(iter_documents([tmp_path / "x.pdf"]))


def test_text_with_a_few_escape_sequences_is_still_text() -> None:
    data = b"Headline\n\nThe council \x1b[1mmet\x1b[0m on Friday and voted to close the mine.\n"
    assert "council" in decode(data, "x")
    with pytest.raises(NotText):
        decode(bytes((b * 37 + 11) % 256 for b in range(4000)).replace(b"\x00", b"\x01"), "x")


def test_an_id_held_by_a_failure_is_taken_back_by_the_fixed_input() -> None:
    failure = InputFailure("feed.jsonl:3", BadRecord("feed.jsonl line 3 is not JSON"))
    ledger = IdLedger({failure.id: failure.digest()}, failed=[failure.id])
    assert ledger.admit(failure)[1] is Admission.SAME  # the same failure again: skipped
    fixed, admission = ledger.admit(RawDocument(id="feed.jsonl:3", text="Now a proper story."))
    assert (fixed.id, admission) == ("feed.jsonl:3", Admission.NEW)


def test_a_rename_made_by_an_earlier_run_is_silent(caplog: pytest.LogCaptureFixture) -> None:
    first = IdLedger()
    first.admit(RawDocument(id="a", text="one"))
    renamed, _ = first.admit(RawDocument(id="a", text="two"))
    assert "already used" in caplog.text
    caplog.clear()
    later = IdLedger(
        {"a": RawDocument(id="a", text="one").digest(), renamed.id: RawDocument(id="a", text="two").digest()}
    )
    again, admission = later.admit(RawDocument(id="a", text="two"))
    assert (again.id, admission) == (renamed.id, Admission.SAME) and caplog.text == ""


def test_an_id_stored_without_a_content_hash_is_taken_as_the_same_input() -> None:
    ledger = IdLedger({"old-article": None})  # a store written by dateline 0.1
    assert ledger.admit(RawDocument(id="old-article", text="whatever"))[1] is Admission.SAME
