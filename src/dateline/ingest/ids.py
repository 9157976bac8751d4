"""Unique ids: two different inputs never share one, the same input keeps its id.

An id identifies an input: a file's path relative to the directory given (a file given by itself:
its name), a JSONL record's own ``id``, ``stdin:<content hash>`` for text piped in. When a
different content arrives under an id already used in this run (or stored by an earlier one), it
is kept under ``<id>~<first 8 hex digits of its content hash>`` and a warning names both; the same
content under the same id is the same input.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from enum import Enum

from ..records import RawDocument

log = logging.getLogger("dateline.ingest")

#: Characters of the content hash appended to an id taken by another content.
SUFFIX_LENGTH = 8


class Admission(Enum):
    """What the ledger made of a document."""

    NEW = "new"
    SAME = "same"  # this content under this id was seen before
    RENAMED = "renamed"  # the id was taken by another content: the document got a suffixed id


def disambiguated(doc_id: str, digest: str) -> str:
    """The id a content whose ``digest`` takes when ``doc_id`` is held by another content."""
    return f"{doc_id}~{digest[:SUFFIX_LENGTH]}"


class IdLedger:
    """The ids seen so far and the content hash under each (seeded with a store's, for a resume)."""

    def __init__(self, known: Mapping[str, str | None] | None = None) -> None:
        self._digests: dict[str, str | None] = dict(known or {})

    def admit(self, doc: RawDocument) -> tuple[RawDocument, Admission]:
        """The document (renamed when its id is taken by other content) and what happened."""
        digest = doc.digest()
        held = self._digests.get(doc.id, ...)
        if held is ...:
            self._digests[doc.id] = digest
            return doc, Admission.NEW
        if held == digest:
            return doc, Admission.SAME
        new_id = disambiguated(doc.id, digest)
        log.warning(
            "id %r is already used by another input; this one (%s) is kept as %r",
            doc.id,
            doc.origin or "?",
            new_id,
        )
        renamed = replace(doc, id=new_id)
        again, admission = self.admit(renamed)
        return again, Admission.SAME if admission is Admission.SAME else Admission.RENAMED
