"""A messy crawl, end to end through the real CLI: every input coded or recorded as failed.

The corpus is generated in a temporary folder: the 45 Voice of America stories of
``../shared/corpora/voa.jsonl`` and 5 Reuters stories (50 good stories, spread over JSONL, text
and HTML files, two of them under colliding names and two under one JSONL id), a 1.1M-character
record between good ones, and every kind of bad input a crawl produces.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path
from dateline.store import Store, content_hash

pytestmark = pytest.mark.slow

LOGIN_PAGE = """<html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form><input name="user"><input name="password" type="password"><button>Log in</button></form>
<footer>&copy; 2024 Example Media Group</footer></body></html>"""

COPYRIGHT_PAGE = """<html><head><title>{title}</title></head><body>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright &copy; 2024 Example Media Group. All rights reserved.</footer></body></html>"""

FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue à Dakar. Les deux pays "
    "ont signé un accord de coopération économique et promis de renforcer leurs échanges. Selon "
    "un communiqué, les discussions ont aussi porté sur la sécurité dans la région du Sahel."
)
ZERO_WIDTH = (
    "The Prime Minister of Is\u200brael met the President of the U\u200dS\u200bA in Washington on "
    "Monday.\u200e The two leaders discussed security cooperation and regional trade."
)
ESCAPES = (
    "Pirate radio \x1b]0;pwned\x07 broadcast\x1b[2J reached Tallinn\n"
    "Estonian police arrested two men in Tallinn on Sunday after an unlicensed station jammed "
    "emergency frequencies, officials said."
)
MARKUP_TITLE = "Talks collapse [/b] as envoys walk out [updated]"
HARBOUR = (
    "Dock workers in the port of Valparaiso ended a four-day strike on Thursday after the port "
    "authority agreed to raise night-shift pay, union leaders said.\n"
    "Chile's transport ministry said cargo traffic would return to normal by the weekend."
)


def _html(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return COPYRIGHT_PAGE.format(title=title, paragraphs=paragraphs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    """The corpus folder and, per input id in reading order, the failure reason expected (None: coded)."""
    voa = [json.loads(line) for line in shared_path("corpora", "voa.jsonl").read_text("utf-8").splitlines()]
    with shared_path("corpora", "reuters21578.jsonl").open(encoding="utf-8") as lines:
        reuters = [json.loads(line) for line in itertools.islice(lines, 200)]
    distinct = {content_hash(r["text"]): r for r in reversed(reuters) if len(r["text"].split()) > 150}
    reuters = sorted(distinct.values(), key=lambda r: reuters.index(r))[:5]  # the wire repeats itself
    assert len(voa) == 45 and len(reuters) == 5
    root = tmp_path_factory.mktemp("crawl")
    for site, story in (("site1", voa[0]), ("site2", voa[1])):  # one file name in two folders
        (root / site).mkdir()
        (root / site / "index.html").write_text(_html(story["title"], story["text"]), encoding="utf-8")
    (root / "story.txt").write_text(f"{voa[2]['title']}\n\n{voa[2]['text']}", encoding="utf-8")
    (root / "latin1.txt").write_bytes(f"{voa[3]['title']}\n\n{voa[3]['text']}".encode("cp1252", "replace"))
    huge = ("\n".join(r["text"] for r in voa) + "\n") * 7
    good = [
        {"id": r["id"], "title": r["title"], "text": r["text"], "published": r["published"]}
        for r in voa[4:40]
    ]
    good.insert(18, {"id": "huge", "text": huge[:1_100_000], "published": "2024-03-12"})
    (root / "good.jsonl").write_text("\n".join(json.dumps(r) for r in good) + "\n", encoding="utf-8")
    mixed = [
        {"id": "wire-1", "text": voa[40]["text"], "published": voa[40]["published"]},
        {"id": "wire-1", "text": voa[41]["text"], "published": voa[41]["published"]},  # same id, other text
        {"id": "notext"},
        {"id": "zw", "text": ZERO_WIDTH, "published": "2024-03-12"},
        *({"id": f"reuters-{r['id']}", "text": r["text"]} for r in reuters),
        {"id": "voa-42", "text": voa[42]["text"], "published": voa[42]["published"]},
        {"id": "voa-43", "text": voa[43]["text"], "published": voa[43]["published"]},
        {"id": "voa-44", "text": voa[44]["text"], "published": voa[44]["published"]},
    ]
    lines = [json.dumps(r) for r in mixed]
    lines.insert(3, "{this line is not JSON")
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "program.txt").write_bytes(Path(sys.executable).resolve().read_bytes()[:300_000])
    (root / "empty.txt").write_bytes(b"")
    (root / "whitespace.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (root / "francais.txt").write_text(FRENCH, encoding="utf-8")
    (root / "login.html").write_text(LOGIN_PAGE, encoding="utf-8")
    (root / "zz-copyright.html").write_text(_html("Port strike ends", HARBOUR), encoding="utf-8")
    (root / "zz-escapes.txt").write_text(f"{MARKUP_TITLE}\n\n{ESCAPES}", encoding="utf-8")
    expected: dict[str, str | None] = {
        "empty.txt": "empty",
        "francais.txt": "unsupported language",
        **{r["id"]: None for r in good},
        "latin1.txt": None,
        "login.html": "no article found",
        "wire-1": None,
        "wire-1~": None,  # the second text under the same id, kept under a suffixed id
        "notext": "bad record",
        "mixed.jsonl:4": "bad record",
        "zw": None,
        **{f"reuters-{r['id']}": None for r in reuters},
        "voa-42": None,
        "voa-43": None,
        "voa-44": None,
        "program.txt": "not text",
        "site1/index.html": None,
        "site2/index.html": None,
        "story.txt": None,
        "whitespace.txt": "empty",
        "zz-copyright.html": None,
        "zz-escapes.txt": None,
    }
    return root, expected


def _dateline(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args], capture_output=True, text=True, env=env, timeout=1200
    )


def _same_id(got: str, want: str) -> bool:
    return got.startswith(want) and len(got) == len(want) + 8 if want.endswith("~") else got == want


def test_run_stores_every_good_story_once_and_every_failure_with_its_reason(
    corpus: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    root, expected = corpus
    db = tmp_path / "crawl.duckdb"
    first = _dateline("run", str(root), "--db", str(db))
    assert "Traceback" not in first.stderr and "\x1b" not in first.stderr + first.stdout
    assert first.returncode == 1, first.stderr  # some inputs failed
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    failing = {k: v for k, v in expected.items() if v is not None}
    assert summary["failed"] == len(failing)
    assert summary["coded"] == len(expected) - len(failing)
    assert first.stderr.strip().splitlines()[-1].startswith(f"dateline: {len(expected)} inputs")
    with Store(db, read_only=True) as store:
        ids = sorted(store.stored_ids())
        failures = {row["id"]: row for row in store.failures()}
        texts = [row[0] for row in store.con.execute("SELECT text FROM articles").fetchall()]
        languages = dict(store.con.execute("SELECT id, language FROM failures").fetchall())
        counts = store.counts()
    coded = [k for k, v in expected.items() if v is None]
    assert len(ids) == len(coded) == 50 + 4  # 50 stories, the huge record, zero-width, two pages of ours
    for want in coded:
        assert any(_same_id(got, want) for got in ids), want
    assert len({content_hash(t) for t in texts}) == len(texts)  # each story stored once
    assert {k: row["reason"] for k, row in failures.items()} == failing
    assert all(row["message"] and row["code"] for row in failures.values())
    assert languages["francais.txt"] == "fr"

    again = _dateline("run", str(root), "--db", str(db))
    assert again.returncode == 0, again.stderr  # nothing new failed: nothing was coded at all
    assert json.loads(again.stdout.strip().splitlines()[-1])["skipped_already_stored"] == len(expected)
    with Store(db, read_only=True) as store:
        assert store.counts() == counts


def test_code_gives_one_record_per_input_in_order(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, expected = corpus
    result = _dateline("code", str(root), "--format", "jsonl", "--max-chars", "1000000")
    assert "Traceback" not in result.stderr and result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(expected)
    for record, (want, reason) in zip(records, expected.items(), strict=True):
        assert _same_id(record["id"], want), (record["id"], want)
        if want == "huge":
            assert "too long" in record["error"] or "[E008]" in record["error"]
        elif reason is None:
            assert "error" not in record, record["error"]
        else:
            assert record["error"], want
    by_id = {r["id"]: r for r in records}
    assert "\ufffd" not in by_id["latin1.txt"]["text"] and len(by_id["latin1.txt"]["text"]) > 1000
    zero_width = by_id["zw"]
    meeting = [e for e in zero_width["events"] if e["cameo"].startswith("04")]
    assert meeting and {meeting[0]["source"]["code"][:3], meeting[0]["target"]["code"][:3]} == {"ISR", "USA"}
    assert zero_width["text"] == ZERO_WIDTH  # the caller's text, offsets into it
    for event in zero_width["events"]:
        assert ZERO_WIDTH[event["start"] : event["end"]] == event["trigger"]
    assert by_id["zz-copyright.html"].get("published") is None
    assert "\x1b" not in by_id["zz-escapes.txt"]["text"] and "\x07" not in by_id["zz-escapes.txt"]["text"]


def test_the_table_survives_markup_and_escape_sequences(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, _ = corpus
    result = _dateline("code", str(root / "zz-escapes.txt"), str(root / "login.html"))
    assert "Traceback" not in result.stderr
    assert "[/b]" in result.stdout and "[updated]" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert result.returncode == 1 and "no article found: 1" in result.stderr


def test_ctrl_c_stores_what_was_coded_and_a_rerun_completes_the_store(tmp_path: Path) -> None:
    import signal
    import time

    stories = shared_path("corpora", "voa.jsonl").read_text("utf-8").splitlines()[:40]
    corpus = tmp_path / "voa.jsonl"
    corpus.write_text("\n".join(stories) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "dateline", "run", str(corpus), "--db"]
    stopped_db, whole_db = tmp_path / "stopped.duckdb", tmp_path / "whole.duckdb"
    proc = subprocess.Popen(
        [*command, str(stopped_db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(12)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=300)
    if proc.returncode == 0:  # on a slow machine the signal can land after the last record
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130 and "Traceback" not in stderr
    assert "articles stored; run the same command again to continue" in stderr.splitlines()[-1]
    resumed = subprocess.run([*command, str(stopped_db)], capture_output=True, text=True, timeout=600)
    whole = subprocess.run([*command, str(whole_db)], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == whole.returncode == 0, resumed.stderr + whole.stderr

    def contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        with Store(db, read_only=True) as store:
            articles = store.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
            events = store.con.execute("SELECT article_id, id, cameo FROM mentions ORDER BY 1, 2").fetchall()
        return articles, events

    assert contents(stopped_db) == contents(whole_db)
    assert len(contents(whole_db)[0]) == len(stories)
