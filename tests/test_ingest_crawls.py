"""Inputs as crawls produce them: WARC files, RSS/Atom feeds saved to disk, gzip-compressed files
and directories of all of them. Every input is built here, from text written for these tests."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import BadRecord, EmptyArticle, NotText, UnsupportedInput
from dateline.ingest import InputFailure, check_paths, iter_documents, read_path
from dateline.ingest.decode import decode
from dateline.records import RawDocument

Item = RawDocument | InputFailure

BRIDGE = (
    "<html><head><title>Bridge closed</title></head><body><article>"
    "<p>The council of Lakeport voted on Tuesday to close the old river bridge after engineers "
    "found cracks in two of its piers.</p>"
    "<p>Mayor Ana Ruiz said the city would ask the province for money to repair it.</p>"
    "</article></body></html>"
)
FERRY = (
    "<html><body><p>A second ferry will sail between Lakeport and Ostrava Island from May, the "
    "harbour board said on Wednesday, after a winter of long queues at the pier.</p></body></html>"
)
MARKET = (
    "<html><body><p>Stallholders at the Lakeport market asked for a roof over the square.</p></body></html>"
)


def _docs(items: list[Item]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _failures(items: list[Item]) -> list[InputFailure]:
    return [i for i in items if isinstance(i, InputFailure)]


# --- WARC -------------------------------------------------------------------------------------


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    date: str = "2024-03-14T08:15:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def _request(writer: WARCWriter, uri: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers)
    )


def _crawl(path: Path, compress: bool) -> Path:
    """A WARC of a small crawl: warcinfo, requests, two pages, a 404, an image, metadata, a repeat."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test crawler"}))
        _request(writer, "https://news.example/bridge")
        _response(writer, "https://news.example/bridge", BRIDGE.encode())
        _response(
            writer, "https://news.example/missing", b"<html><p>Not found</p></html>", status="404 Not Found"
        )
        _response(
            writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png"
        )
        metadata = writer.create_warc_record(
            "https://news.example/bridge",
            "metadata",
            payload=io.BytesIO(b"outlinks: https://news.example/ferry\r\n"),
            warc_content_type="application/warc-fields",
        )
        writer.write_record(metadata)
        _request(writer, "https://news.example/ferry")
        _response(
            writer,
            "https://news.example/ferry",
            FERRY.encode("cp1252").replace(b"Ostrava", "Øst".encode("cp1252")),
            content_type="text/html; charset=windows-1252",
            date="2024-03-15T23:59:00Z",
        )
        _response(writer, "https://news.example/bridge", BRIDGE.encode())  # the same capture again
        _response(
            writer,
            "https://news.example/notes.txt",
            b"Harbour notes: ferry times.",
            content_type="text/plain",
        )
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_warc_pages_in_record_order_with_url_ids_and_crawl_dates(tmp_path: Path, compress: bool) -> None:
    path = _crawl(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress)
    items = list(read_path(path))
    assert _failures(items) == []
    assert [d.id for d in items] == [
        "https://news.example/bridge",
        "https://news.example/ferry",
        "https://news.example/notes.txt",
    ]
    bridge, ferry, notes = _docs(items)
    assert bridge.url == bridge.id and bridge.html == BRIDGE and bridge.text is None
    assert bridge.fetched == "2024-03-14" and ferry.fetched == "2024-03-15"
    assert ferry.html is not None and "Øst Island" in ferry.html  # decoded as the charset declared
    assert notes.text == "Harbour notes: ferry times." and notes.html is None
    assert bridge.origin == f"{path}#record-3"


def test_warc_ids_are_stable_and_two_captures_of_one_url_keep_apart(tmp_path: Path) -> None:
    path = tmp_path / "recrawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _response(writer, "https://news.example/live", MARKET.encode(), date="2024-04-01T10:00:00Z")
        _response(writer, "https://news.example/live", BRIDGE.encode(), date="2024-04-02T10:00:00Z")
    first, second = list(iter_documents([path])), list(iter_documents([path]))
    ids = [d.id for d in first]
    assert ids == [d.id for d in second]
    assert ids[0] == "https://news.example/live" and ids[1].startswith("https://news.example/live~")
    assert [d.url for d in _docs(first)] == ["https://news.example/live"] * 2


def test_a_truncated_warc_keeps_its_first_pages_and_fails_for_the_rest(tmp_path: Path) -> None:
    for compress in (False, True):
        whole = _crawl(tmp_path / f"whole{compress}.warc", compress).read_bytes()
        cut = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
        end = whole.index(b"ferry", len(whole) // 2) if not compress else len(whole) - 200
        cut.write_bytes(whole[:end])
        items = list(read_path(cut))
        assert items[0].id == "https://news.example/bridge" and isinstance(items[0], RawDocument)
        failure = items[-1]
        assert isinstance(failure, InputFailure) and isinstance(failure.error, BadRecord)
        assert failure.id.startswith(f"{cut.name}:") and "truncated or damaged" in str(failure.error)
        assert len(_failures(items)) == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "holds no HTML or text pages"),
        (b"<html><body>a page saved under the wrong name</body></html>", "no readable WARC"),
        (b"\x1f\x8b\x08\x00 not really gzip", "breaks off"),
    ],
)
def test_a_warc_that_is_none_is_one_failure(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "odd.warc.gz"
    path.write_bytes(data)
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    assert items[0].id == "odd.warc.gz" and reason in str(items[0].error)


def test_a_warc_page_that_is_binary_is_a_failure_under_its_url(tmp_path: Path) -> None:
    path = tmp_path / "bin.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _response(writer, "https://news.example/fake", bytes(range(256)) * 4)
        _response(writer, "https://news.example/bridge", BRIDGE.encode())
    items = list(read_path(path))
    assert [i.id for i in items] == ["https://news.example/fake", "https://news.example/bridge"]
    assert isinstance(items[0], InputFailure) and isinstance(items[0].error, NotText)


def test_decode_follows_a_transport_charset_but_not_over_valid_utf8() -> None:
    talks = "The talks in Genève ended on Friday; the envoys will meet again in the spring."
    assert decode(talks.encode("cp1252"), "x", charset="windows-1252") == talks
    assert decode(talks.encode("cp1252"), "x", charset="ISO-8859-1") == talks
    assert decode(talks.encode(), "x", charset="iso-8859-1") == talks  # valid UTF-8 stays UTF-8
    assert decode("Привет, мир".encode("koi8_r"), "x", charset='"koi8-r"') == "Привет, мир"
    assert decode(talks.encode("cp1252"), "x", charset="no-such-charset") == talks  # detected instead


# --- RSS and Atom -----------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lakeport Herald</title><link>https://herald.example/</link>
<item><title>Bridge closed after cracks found</title><link>https://herald.example/bridge</link>
  <description>Council closes bridge.</description>
  <content:encoded><![CDATA[<p>The council of Lakeport voted on Tuesday to close the old river bridge.</p>]]></content:encoded>
  <pubDate>Tue, 12 Mar 2024 23:30:00 -0500</pubDate></item>
<item><title>Second ferry from May</title><link>pages/ferry.html</link>
  <description>A short summary only.</description><pubDate>Wed, 13 Mar 2024 09:00:00 +0000</pubDate></item>
<item><title>Market roof</title><guid isPermaLink="false">herald-market-77</guid>
  <description>Stallholders asked for a roof over the square.</description></item>
<item><title>No link, no guid</title><description>Fishermen &lt;b&gt;protested&lt;/b&gt; the new quotas.</description></item>
<item><title>Market roof</title><guid isPermaLink="false">herald-market-77</guid>
  <description>Stallholders asked for a roof over the square.</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- saved by a test crawler -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ostrava Island Post</title><id>urn:post</id>
<updated>2024-03-20T12:00:00Z</updated>
<entry><title>Island school reopens</title><id>urn:post:school</id>
  <link href="https://post.example/school"/><published>2024-03-18T07:00:00+02:00</published>
  <updated>2024-03-19T07:00:00Z</updated>
  <content type="html">&lt;p&gt;The island school reopened on Monday after repairs to its roof.&lt;/p&gt;</content></entry>
<entry><title>Harbour fees</title><id>urn:post:fees</id><updated>2024-03-19T10:00:00Z</updated>
  <summary type="text">The harbour board raised mooring fees by a tenth.</summary></entry>
</feed>
"""


def _feeds(root: Path) -> Path:
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "ferry.html").write_text(FERRY, encoding="utf-8")
    (root / "herald.rss").write_text(RSS, encoding="utf-8")
    (root / "post.xml").write_text(ATOM, encoding="utf-8")
    return root


def test_rss_entries_take_full_content_then_the_local_page_then_the_summary(tmp_path: Path) -> None:
    path = _feeds(tmp_path) / "herald.rss"
    items = list(read_path(path))
    assert _failures(items) == []
    bridge, ferry, market, quotas = _docs(items)
    assert bridge.id == bridge.url == "https://herald.example/bridge"
    assert bridge.title == "Bridge closed after cracks found"
    assert bridge.text == "The council of Lakeport voted on Tuesday to close the old river bridge."
    assert bridge.published == "2024-03-12"  # the day the paper wrote, not the UTC day after
    assert bridge.origin == f"{path}#entry-1 (content)"
    assert ferry.id == "pages/ferry.html" and ferry.url is None and ferry.html == FERRY
    assert (
        ferry.origin is not None
        and ferry.origin.startswith(f"{path}#entry-2 (")
        and "ferry.html" in ferry.origin
    )
    assert ferry.published == "2024-03-13" and ferry.title == "Second ferry from May"
    assert market.id == "herald-market-77" and market.origin == f"{path}#entry-3 (summary)"
    assert market.text == "Stallholders asked for a roof over the square." and market.published is None
    assert quotas.id.startswith("herald.rss#") and quotas.text == "Fishermen protested the new quotas."
    assert all(d.html is None for d in (bridge, market, quotas))  # parts of articles: text, not pages
    assert [d.id for d in read_path(path)] == [d.id for d in items]  # stable across reads


def test_atom_entries_with_content_and_summary(tmp_path: Path) -> None:
    path = _feeds(tmp_path) / "post.xml"
    school, fees = _docs(list(read_path(path)))
    assert (school.id, school.url, school.published) == ("https://post.example/school",) * 2 + ("2024-03-18",)
    assert school.text == "The island school reopened on Monday after repairs to its roof."
    assert (fees.id, fees.published) == ("urn:post:fees", "2024-03-19")
    assert fees.text == "The harbour board raised mooring fees by a tenth." and fees.html is None


def test_xml_files_are_read_only_when_they_are_feeds(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    with pytest.raises(UnsupportedInput, match="no RSS or Atom feed"):
        check_paths([sitemap])
    (tmp_path / "feed.xml").write_text(ATOM, encoding="utf-8")
    assert [d.id for d in iter_documents([tmp_path])] == ["https://post.example/school", "urn:post:fees"]


def test_a_feed_without_entries_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text("<html><body>Service unavailable</body></html>", encoding="utf-8")
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], InputFailure) and isinstance(items[0].error, EmptyArticle)
    assert "holds no feed entries" in str(items[0].error)


def test_a_feed_reads_no_file_outside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.html").write_text(MARKET, encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    feed = tmp_path / "feeds" / "sly.rss"
    feed.write_text(
        '<rss version="2.0"><channel><item><title>Sly</title><link>../secret.html</link>'
        "<description>Only this summary.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (doc,) = _docs(list(read_path(feed)))
    assert doc.text == "Only this summary." and doc.id == "../secret.html"


def test_an_absolute_link_finds_the_page_a_mirror_saved_beside_the_feed(tmp_path: Path) -> None:
    (tmp_path / "herald.example" / "news").mkdir(parents=True)
    (tmp_path / "herald.example" / "news" / "ferry.html").write_text(FERRY, encoding="utf-8")
    feed = tmp_path / "herald.rss"
    feed.write_text(
        '<rss version="2.0"><channel><item><title>Ferry</title>'
        "<link>https://herald.example/news/ferry.html</link><description>Summary.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (doc,) = _docs(list(read_path(feed)))
    assert (doc.id, doc.url, doc.html) == ("https://herald.example/news/ferry.html",) * 2 + (FERRY,)
    assert [d.id for d in iter_documents([tmp_path])] == [doc.id]  # the saved page is not read again


# --- gzip -------------------------------------------------------------------------------------


def test_gzip_compressed_jsonl_html_and_text(tmp_path: Path) -> None:
    lines = [{"id": "wire-1", "text": "The harbour board met on Monday."}, {"id": "wire-2", "html": MARKET}]
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress("\n".join(map(json.dumps, lines)).encode()))
    (tmp_path / "bridge.html.gz").write_bytes(gzip.compress(BRIDGE.encode()))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"Ferry times change in May."))
    items = list(iter_documents([tmp_path]))
    assert [i.id for i in items] == ["bridge.html.gz", "note.txt.gz", "wire-1", "wire-2"]
    assert _failures(items) == []
    bridge, note, wire1, wire2 = _docs(items)
    assert bridge.html == BRIDGE and note.text == "Ferry times change in May."
    assert wire1.text == "The harbour board met on Monday." and wire2.html == MARKET


def test_damaged_gzip_files_are_failures_not_crashes(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"w{n}", "text": f"Story number {n} " * 40}) + "\n" for n in range(400))
    whole = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "junk.html.gz").write_bytes(b"this was never compressed")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"A short note.")[:-6])
    items = list(iter_documents([tmp_path]))
    failures = _failures(items)
    assert [f.id for f in failures][-2:] == ["cut.txt.gz", "junk.html.gz"]
    assert all(isinstance(f.error, BadRecord) and "truncated or damaged" in str(f.error) for f in failures)
    jsonl = [i for i in items if str(i.origin).endswith("cut.jsonl.gz")]
    broken = jsonl[-1]
    assert isinstance(broken, InputFailure) and broken.id.startswith("cut.jsonl.gz:")
    assert len(jsonl) > 10 and all(isinstance(i, RawDocument) for i in jsonl[:-2])


def test_new_suffixes_are_known_and_others_still_refused(tmp_path: Path) -> None:
    for name in ("a.warc", "a.warc.gz", "a.rss", "a.atom", "a.jsonl.gz", "a.html.gz", "a.htm.gz", "a.txt.gz"):
        (tmp_path / name).write_bytes(b"")
        check_paths([tmp_path / name])
    for name in ("a.json.gz", "a.gz", "a.rss.gz"):
        (tmp_path / name).write_bytes(b"")
        with pytest.raises(UnsupportedInput):
            check_paths([tmp_path / name])


# --- directories of everything ----------------------------------------------------------------


def test_a_crawl_directory_yields_each_document_once(tmp_path: Path) -> None:
    root = _feeds(tmp_path / "crawl")
    (root / "warcs").mkdir()
    _crawl(root / "warcs" / "day1.warc.gz", compress=True)
    (root / "wire.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"id": "wire-9", "text": "Quiet day."}).encode())
    )
    (root / "pages" / "market.html.gz").write_bytes(gzip.compress(MARKET.encode()))
    (root / "robots.txt.bak").write_text("ignored")
    first = list(iter_documents([root]))
    ids = [i.id for i in first]
    assert _failures(first) == []
    assert ids == [
        "https://herald.example/bridge",
        "pages/ferry.html",  # the feed's entry: the page itself is not read a second time
        "herald-market-77",
        ids[3],
        "pages/market.html.gz",
        "https://post.example/school",
        "urn:post:fees",
        "https://news.example/bridge",
        "https://news.example/ferry",
        "https://news.example/notes.txt",
        "wire-9",
    ]
    assert ids[3].startswith("herald.rss#")
    assert len(set(ids)) == len(ids)
    assert ids == [i.id for i in iter_documents([root])]


def test_a_page_date_wins_over_the_crawl_date(tmp_path: Path) -> None:
    from dateline.extract import Extractor

    page = BRIDGE.replace("<head>", '<head><meta property="article:published_time" content="2024-03-12">')
    path = tmp_path / "dated.warc"
    with path.open("wb") as handle:
        _response(WARCWriter(handle, gzip=False), "https://news.example/dated", page.encode())
    (doc,) = _docs(list(read_path(path)))
    assert doc.fetched == "2024-03-14" and doc.published is None
    assert Extractor()(doc).published == "2024-03-12"


# --- end to end -------------------------------------------------------------------------------

TALKS = (
    "<html><head><title>Talks in Nairobi</title></head><body><article>"
    "<h1>Talks in Nairobi</h1>"
    "<p>NAIROBI - Kenya's foreign minister met the foreign minister of Ethiopia in Nairobi on "
    "Monday to discuss the shared border, officials said.</p>"
    "<p>The two ministers agreed to meet again next month, and Kenya praised Ethiopia for its "
    "help during the floods last year.</p>"
    "</article></body></html>"
)


@pytest.mark.slow
def test_a_warc_page_is_coded_under_its_url(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "talks.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _request(writer, "https://news.example/talks")
        _response(writer, "https://news.example/talks", TALKS.encode(), date="2024-05-07T06:00:00Z")
    (record,) = list(pipeline.process_many(iter_documents([path])))
    assert record.error is None, record.error
    assert record.id == record.url == "https://news.example/talks"
    assert record.published == "2024-05-07"  # the page has no date of its own: the crawl's
    assert record.events, record.text
    assert any(e.source and e.source.country == "KEN" for e in record.events)
