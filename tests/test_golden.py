"""Golden files: the full records for the bundled examples must not change unnoticed.

After an intended change, regenerate with ``DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff of ``tests/golden/examples.jsonl`` like code.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import EXAMPLES, ROOT
from dateline.ingest import iter_documents

pytestmark = pytest.mark.slow
GOLDEN = ROOT / "tests" / "golden" / "examples.jsonl"


def test_examples_match_golden_records(pipeline) -> None:  # type: ignore[no-untyped-def]
    records = [r.to_dict() for r in pipeline.process_many(iter_documents([EXAMPLES]))]
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    if os.environ.get("DATELINE_UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(expected)
    for got, want in zip(lines, expected, strict=True):
        assert json.loads(got) == json.loads(want)


def test_golden_records_are_well_formed() -> None:
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        for event in record["events"]:
            assert 0 <= event["start"] < event["end"] <= len(text)
            assert text[event["start"] : event["end"]] == event["trigger"]
            assert event["cameo"].startswith(event["root"])
            for side in ("source", "target"):
                actor = event[side]
                if actor:
                    assert text[actor["start"] : actor["end"]] == actor["text"]
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]].strip() == quote["content"]
