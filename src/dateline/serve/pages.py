"""Keyset pagination: the opaque cursor that names where the next page starts.

A cursor is the last row's sort key and the list it belongs to, signed with the server's key
(HMAC-SHA256), so that a cursor the server did not give (forged, edited, from another list or from
an earlier server) is a 400 rather than a query over values nobody checked. The key lives as long
as the server: a restarted server starts the pages over.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from typing import Any

from .errors import bad_parameter

#: The longest cursor accepted (a key holds an article id, which may be long).
MAX_CURSOR = 2048
_SIGNATURE_BYTES = 16


class Pager:
    """Makes and checks the cursors of one server."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def cursor(self, kind: str, key: list[Any]) -> str:
        """The cursor of the page after the row whose sort key is ``key`` in list ``kind``."""
        payload = json.dumps([kind, *key], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def key(self, kind: str, cursor: str | None, types: tuple[type, ...]) -> list[Any] | None:
        """The sort key a cursor of list ``kind`` holds (None for no cursor: the first page);
        raises a 400 for any cursor this server did not make for that list."""
        if cursor is None or cursor == "":
            return None
        forged = bad_parameter("cursor", "not a cursor this server gave: use the 'next' of a page")
        if len(cursor) > MAX_CURSOR or cursor.count(".") != 1:
            raise forged
        body, signature = cursor.split(".")
        try:
            payload = _unb64(body)
            if not hmac.compare_digest(_unb64(signature), self._sign(payload)):
                raise forged
            values = json.loads(payload.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise forged from None
        if not isinstance(values, list) or len(values) != len(types) + 1 or values[0] != kind:
            raise forged
        key = values[1:]
        if not all(type(value) is kind_ for value, kind_ in zip(key, types, strict=True)):
            raise forged
        return key

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:_SIGNATURE_BYTES]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text or not all(c.isascii() and (c.isalnum() or c in "-_") for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
