"""Gzip-compressed inputs (``.jsonl.gz``, ``.html.gz``, ``.txt.gz``): decompressed as they are read.

A damaged file (not gzip at all, truncated by an interrupted download, a bad checksum) is a
failure of that input, never a crash: `damaged` makes its error. A stream that breaks after some
of its data was read keeps what came before (`GzipReader` ends there and keeps the error).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import BadRecord, TextTooLong

#: The exceptions a damaged gzip stream raises while it is read.
GZIP_ERRORS: tuple[type[Exception], ...] = (EOFError, zlib.error, OSError)  # BadGzipFile: OSError
#: The most bytes one compressed document may decompress to (a guard against decompression bombs;
#: the pipeline codes at most a few million characters of an article anyway).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
#: What to do about a damaged file.
DAMAGED_HINT = "The file is truncated or damaged: download, copy or compress it again"
GZIP_MAGIC = b"\x1f\x8b"


def damaged(message: str) -> BadRecord:
    """The error of an input whose container (gzip stream, WARC file) is damaged."""
    return BadRecord(message, hint=DAMAGED_HINT)


def is_gzip(path: Path) -> bool:
    """Whether the file starts like gzip data (by its content, whatever its name)."""
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def read_gzip(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The decompressed bytes of a gzip file holding one document.

    Raises `BadRecord` (see `damaged`) for a damaged file and `TextTooLong` past ``limit`` bytes.
    """
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except GZIP_ERRORS as exc:
        raise damaged(f"{path} is not a readable gzip file ({_reason(exc)})") from None
    if len(data) > limit:
        raise TextTooLong(f"{path} decompresses to more than {limit // (1024 * 1024)} MiB")
    return data


class GzipReader:
    """A gzip file read as a binary file whose data ends where the stream breaks (``error`` set)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: Why the data ended before the file did, None while it has not.
        self.error: BadRecord | None = None
        self._handle = gzip.open(path, "rb")  # noqa: SIM115 (closed by close() / the with block)

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (b"" at the end or at a break).

        Reads in steps, so that the data before a break is returned before the break is seen.
        """
        if size < 0:
            return b"".join(iter(lambda: self.read(65536), b""))
        return self._guard(lambda: self._handle.read1(size))

    def readline(self) -> bytes:
        """The next decompressed line (b"" at the end or at a break)."""
        return self._guard(self._handle.readline)

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def _guard(self, read: Callable[[], bytes]) -> bytes:
        if self.error is not None:
            return b""
        try:
            return read()
        except GZIP_ERRORS as exc:
            self.error = damaged(f"{self.path} breaks off: {_reason(exc)}")
            return b""

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> GzipReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _reason(exc: Exception) -> str:
    """A short reason for a gzip error (EOFError's message is the useful one)."""
    if isinstance(exc, EOFError):
        return "it ends before its end-of-stream marker"
    return str(exc) or type(exc).__name__
