"""WARC reader (``.warc``, ``.warc.gz``): the HTML pages a crawler fetched, in record order.

Each ``response`` record with HTTP status 200 (or none) and an HTML or plain-text payload is one
document: its id and url are the record's ``WARC-Target-URI``, its ``fetched`` the day of its
``WARC-Date`` (the article's date where the page states none). Requests, metadata, revisits,
warcinfo, redirects, errors and other media are no documents and are skipped without a word; an
exact repeat of a capture (same URI, same payload) is the same input and is skipped too. Two
captures of one URI with different payloads are two documents under one id, which `IdLedger`
tells apart (``<uri>~<hash>``).

A damaged file never raises: its records up to the damage are read, and the rest of the file is
one `InputFailure` (``crawl.warc.gz:<record number>``). Compressed files are decompressed here
(warcio passes a truncated gzip member over in silence), so a break is seen wherever it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import DatelineError, EmptyArticle, NotText, TextTooLong
from ..records import InputFailure, RawDocument
from .compressed import GZIP_MAGIC, MAX_DOCUMENT_BYTES, GzipReader, damaged
from .decode import decode

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
Input = RawDocument | InputFailure


def read_warc(path: Path, file_id: str) -> Iterator[Input]:
    """The documents of a WARC file, in record order (failures in their place, never raising).

    ``file_id`` (the file's own id: its path relative to the directory given) names the failures
    that belong to the file rather than to a page: ``<file_id>`` when it cannot be read at all,
    ``<file_id>:<n>`` for the rest of a file that breaks at its n-th record.

    ``fetched`` is the day of the capture: `Extractor` takes it as the article's date only where
    the page states none.
    """
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
    stream: IO[bytes] | GzipReader = GzipReader(path) if compressed else path.open("rb")
    seen: set[tuple[str, str]] = set()
    failed = False
    at = 1  # the number of the record being read
    broken: DatelineError | None = None
    with stream:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records, None)
                item = _document(record, path, at) if record is not None else None
            except Exception as exc:  # warcio raises all kinds of errors on damaged data
                broken = stream.error if isinstance(stream, GzipReader) else None
                reason = f"{path} is no readable WARC from its record {at} on ({_why(exc)})"
                broken = broken or damaged(reason)
                break
            if record is None:
                broken = stream.error if isinstance(stream, GzipReader) else None
                break
            at += 1
            if isinstance(item, RawDocument):
                if (item.id, item.digest()) in seen:
                    continue
                seen.add((item.id, item.digest()))
            if item is not None:
                failed = failed or isinstance(item, InputFailure)
                yield item
    if broken is not None:
        yield InputFailure(f"{file_id}:{at}" if at > 1 else file_id, broken, str(path))
    elif not seen and not failed:
        yield InputFailure(file_id, EmptyArticle(f"{path} holds no HTML or text pages"), str(path))


def _why(exc: Exception) -> str:
    """What went wrong, in warcio's words (its own errors) or the error's type (a stray one)."""
    from warcio.exceptions import ArchiveLoadFailed

    plain = isinstance(exc, ArchiveLoadFailed | EOFError | ValueError)
    return str(exc) if plain else f"{type(exc).__name__}: {exc}"


def _document(record: Any, path: Path, number: int) -> Input | None:
    """The document of one WARC record, None for a record that holds none (raises on damage)."""
    if record.rec_type is None or record.rec_headers is None or not str(record.format).startswith("warc"):
        raise ValueError("not a WARC record")
    if record.rec_type != "response":
        _drain(record)
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    origin = f"{path}#record-{number}"
    kind, charset = _payload_type(record)
    if kind is None or not uri:
        _drain(record)
        return None
    try:
        data = _payload(record)
        text = decode(data, uri, html=kind == "html", charset=charset)
    except (NotText, TextTooLong) as exc:
        return InputFailure(uri, exc, origin)
    fetched = _day(record.rec_headers.get_header("WARC-Date"))
    if kind == "html":
        return RawDocument(id=uri, html=text, url=uri, fetched=fetched, origin=origin)
    return RawDocument(id=uri, text=text, url=uri, fetched=fetched, origin=origin)


def _payload_type(record: Any) -> tuple[str | None, str | None]:
    """("html" | "text" | None, the declared charset) of a response record's payload."""
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode()
        if status and status != "200":
            return None, None
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
        if content_type and content_type.split(";")[0].strip().lower().startswith("application/http"):
            return None, None  # an HTTP message warcio could not parse
    media, charset = _media_type(content_type or "")
    if media in _HTML_TYPES or (not media and http is not None):
        return "html", charset  # no Content-Type: pages are HTML far more often than not
    if media in _TEXT_TYPES:
        return "text", charset
    return None, None


def _media_type(value: str) -> tuple[str, str | None]:
    """The media type and charset parameter of a Content-Type header."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset


def _payload(record: Any) -> bytes:
    """The payload (de-chunked, decoded from its Content-Encoding); raises on a cut-off record."""
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        _drain(record)
        raise TextTooLong(f"the page is over {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB")
    _drain(record)
    return bytes(data)


def _drain(record: Any) -> None:
    """Read the rest of a record; raise `EOFError` when the file ends before the record does."""
    while record.raw_stream.read(65536):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError("the file ends inside a record")


def _day(value: str | None) -> str | None:
    """The ISO day of a WARC-Date (``2024-03-13T09:30:00Z`` -> ``2024-03-13``)."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    return value[:10]


def is_warc(path: Path) -> bool:
    """Whether a path names a WARC file by its suffix."""
    return path.name.lower().endswith(WARC_SUFFIXES)
