"""The gold data may not be copied into the repository (licences), and a test that restates a dev
sentence checks memory, not understanding: no run of 8 words of any ../shared/gold text appears in
our sources, tests, benchmarks or scripts (actor dictionaries excepted: a long official name is a
fact, not a copied sentence)."""

from __future__ import annotations

import json
import re

from conftest import ROOT, shared_path

RUN = 8
_WORD = re.compile(r"[A-Za-z0-9']+")
_CHECKED = (".py", ".tsv", ".toml", ".txt", ".json", ".jsonl", ".md", ".csv")


def _runs(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_eight_word_run_of_gold_text_in_the_repository() -> None:
    gold: set[str] = set()
    for path in shared_path("gold").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            record = json.loads(line)
            for key in ("text", "body"):
                if isinstance(record.get(key), str):
                    gold |= _runs(record[key])
    copies = {}
    for folder in ("src", "tests", "benchmarks", "scripts", "examples"):
        for path in (ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix not in _CHECKED:
                continue
            if "actors" in path.parts and path.suffix == ".tsv":
                continue
            found = _runs(path.read_text(encoding="utf-8", errors="replace")) & gold
            if found:
                copies[str(path.relative_to(ROOT))] = sorted(found)[:3]
    assert not copies, f"8-word runs of gold text (rewrite them as sentences of our own): {copies}"
