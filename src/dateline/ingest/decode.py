"""Bytes to text: binary input refused, the encoding detected instead of bytes replaced.

A crawl holds pages in UTF-8, in legacy Western encodings (Latin-1, Windows-1252), now and then in
UTF-16 with a byte order mark, and files that are not text at all (images, archives, programs under
a wrong name). Decoding everything as UTF-8 with replacement turns "Genève" into "Gen\ufffdve" and
codes a program's strings as news. Here: a declared charset (byte order mark, HTML meta) is
trusted when it decodes; then strict UTF-8; then charset-normalizer's best guess, preferring
Windows-1252 over the Central European code pages it confuses it with on short texts (the two
share most bytes, and Western news is far more often in 1252). Bytes that look like no text
raise `NotText`.
"""

from __future__ import annotations

import codecs
import re

from ..errors import NotText

#: Byte order marks and the codec that reads each (longest first: UTF-32's starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
#: Code pages charset-normalizer picks for short Western texts that are in fact Windows-1252.
_WESTERN_LOOKALIKES = frozenset(
    {"cp1250", "cp1257", "cp775", "cp850", "cp852", "mac_latin2", "iso8859_2", "iso8859_4", "iso8859_10"}
)
#: Share of control bytes (other than tab, newline, carriage return, form feed) above which
#: undeclared bytes are not text. Random (compressed, encrypted) bytes have about 11%; a text with
#: a few stray escape sequences well under 5%.
_MAX_CONTROL_SHARE = 0.05


def decode(data: bytes, name: str, html: bool = False, charset: str | None = None) -> str:
    """The text of ``data`` (a file called ``name``); raises `NotText` for binary content.

    ``charset`` is one declared outside the bytes (an HTTP Content-Type's): it is trusted after a
    byte order mark and valid UTF-8, before the page's own declaration, when it decodes the bytes.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise NotText(f"{name} is binary data, not text")
    if charset:
        declared = _transport_charset(data, charset)
        if declared is not None:
            return declared
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            return declared
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def looks_binary(data: bytes) -> bool:
    """Whether undeclared bytes are no text: a NUL byte or many control bytes in the first 64 KiB."""
    return b"\x00" in data[:65536] or _control_share(data) > _MAX_CONTROL_SHARE


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13)) + sample.count(0x7F)
    return controls / len(sample)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong or unknown declaration: detect instead


#: Labels that browsers read as Windows-1252 (a superset of Latin-1 and ASCII).
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})


def _transport_charset(data: bytes, charset: str) -> str | None:
    """``data`` decoded as a transport-declared ``charset``, None when that is unknown or wrong.

    Bytes that are valid UTF-8 are UTF-8 whatever the label says (a server's default label is
    often wrong; text in another encoding is almost never valid UTF-8 by chance).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    label = charset.strip().strip("\"'").lower()
    try:
        return data.decode("cp1252" if label in _LATIN1_LABELS else label)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotText(f"{name} is in no text encoding dateline recognises")
    if best.encoding in _WESTERN_LOOKALIKES:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)
