"""Unique ids: two different inputs never share one, the same input keeps its id.

An id identifies an input: a file's path relative to the directory given (a file given by itself:
its name), a JSONL record's own ``id``, ``stdin:<content hash>`` for text piped in. When a
different content arrives under an id already used in this run (or stored by an earlier one), it
is kept under ``<id>~<first 8 hex digits of its content hash>`` and a warning names both; the same
content under the same id is the same input. An id held only by a failure is free: the input that
failed before (fixed since) takes its id back and replaces the failure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace
from enum import Enum

from ..records import InputFailure, RawDocument

log = logging.getLogger("dateline.ingest")
Document = RawDocument | InputFailure

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

    def __init__(self, known: Mapping[str, str | None] | None = None, failed: Iterable[str] = ()) -> None:
        self._digests: dict[str, str | None] = dict(known or {})
        self._failed = set(failed)

    def admit(self, doc: Document) -> tuple[Document, Admission]:
        """The document (renamed when its id is taken by other content) and what happened."""
        digest = doc.digest()
        held = self._digests.get(doc.id, ...)
        if held == digest or (held is None and doc.id not in self._failed):
            return doc, Admission.SAME  # None: stored without its content hash (by dateline 0.1)
        if held is ... or doc.id in self._failed:
            self._digests[doc.id] = digest
            self._failed.discard(doc.id)
            return doc, Admission.NEW
        new_id = disambiguated(doc.id, digest)
        renamed = replace(doc, id=new_id)
        if self._digests.get(new_id) == digest:  # renamed the same way before: the same input
            return renamed, Admission.SAME
        log.warning(
            "id %r is already used by another input; this one (%s) is kept as %r",
            doc.id,
            doc.origin or "?",
            new_id,
        )
        self._digests[new_id] = digest
        return renamed, Admission.RENAMED
