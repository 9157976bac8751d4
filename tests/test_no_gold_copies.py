"""The gold data may not be copied into the repository (licences), and a test that restates a dev
sentence checks memory, not understanding: no run of 8 words of any ../shared/gold text appears in
our sources, tests, benchmarks or scripts (actor dictionaries excepted: a long official name is a
fact, not a copied sentence).

Close paraphrases (a gold sentence with its names kept and a few words swapped) share shorter
runs, so everything we write (comments and docstrings too) is held to 7 words.
Six is too tight: wire formulae such as "declined to comment on the report" or "in the north of
the country" are six words long, and a sentence of our own may use them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, shared_path

RUN = 8
#: The shorter run the folders of hand-written sentences are held to (close paraphrases).
NEAR_RUN = 7
_WORD = re.compile(r"[A-Za-z0-9']+")
_CHECKED = (".py", ".tsv", ".toml", ".txt", ".json", ".jsonl", ".md", ".csv")


class Gold:
    """Every gold text as lower-case words: hashes of its `NEAR_RUN`-word runs (a fast filter) and
    the texts themselves, one per line (to confirm a candidate run of any length)."""

    def __init__(self, texts: list[list[str]]) -> None:
        self.near = {
            hash(" ".join(words[i : i + NEAR_RUN]))
            for words in texts
            for i in range(len(words) - NEAR_RUN + 1)
        }
        self.lines = [" ".join(words) for words in texts]
        self.text = " " + " \n ".join(self.lines) + " "

    def runs_in(self, text: str, length: int) -> set[str]:
        """The runs of ``length`` (at least `NEAR_RUN`) words of ``text`` that gold text contains."""
        words = _words(text)
        found = set()
        for i in range(len(words) - length + 1):
            run = words[i : i + length]
            if (
                all(hash(" ".join(run[k : k + NEAR_RUN])) in self.near for k in range(length - NEAR_RUN + 1))
                and f" {' '.join(run)} " in self.text
            ):
                found.add(" ".join(run))
        return found


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@pytest.fixture(scope="module")
def gold() -> Gold:
    texts = []
    for path in sorted(shared_path("gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            record = json.loads(line)
            for key in ("text", "body"):
                if isinstance(record.get(key), str):
                    texts.append(_words(record[key]))
    return Gold(texts)


def _copies(gold: Gold, folders: tuple[str, ...], length: int) -> dict[str, list[str]]:
    copies = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix not in _CHECKED or _is_actor_dictionary(path):
                continue
            found = gold.runs_in(path.read_text(encoding="utf-8", errors="replace"), length)
            if found:
                copies[str(path.relative_to(ROOT))] = sorted(found)[:3]
    return copies


def _is_actor_dictionary(path: Path) -> bool:
    return "actors" in path.parts and path.suffix == ".tsv"


def test_no_eight_word_run_of_gold_text_in_the_repository(gold: Gold) -> None:
    copies = _copies(gold, ("src", "tests", "benchmarks", "scripts", "examples"), RUN)
    assert not copies, f"8-word runs of gold text (rewrite them as sentences of our own): {copies}"


def test_no_seven_word_run_of_gold_text_in_what_we_write(gold: Gold) -> None:
    copies = _copies(gold, ("src", "tests", "benchmarks", "scripts", "examples"), NEAR_RUN)
    assert not copies, (
        f"7-word runs of gold text (a close paraphrase: write a sentence of your own with other names, "
        f"numbers and wording that shows the same construction): {copies}"
    )


def test_the_run_check_finds_a_paraphrase_that_keeps_seven_words(gold: Gold) -> None:
    """The check is not vacuous: a gold sentence with its ends changed still shows its run, and
    one word changed in the middle of the run hides it."""
    words = next(line.split(" ") for line in gold.lines if len(line.split(" ")) >= NEAR_RUN + 4)
    kept = words[2 : 2 + NEAR_RUN]
    assert " ".join(kept) in gold.runs_in(f"Officials said that {' '.join(kept)} late on Tuesday.", NEAR_RUN)
    changed = [*kept[:3], "zqxwv", *kept[4:]]
    assert not gold.runs_in(" ".join(changed), NEAR_RUN)
