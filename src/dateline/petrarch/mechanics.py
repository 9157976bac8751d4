"""The PETRARCH mechanics suite: PETRARCH's own unit-test sentences, coded by our pipeline.

PETR.UnitTest.records.xml holds about 280 ``<Sentence>`` records written to exercise PETRARCH's
coding mechanics (compound actors, agents, date-restricted actors, synsets, patterns, passives)
with toy Middle-earth actors. `run_mechanics` codes each record's ``<Text>`` (never its
``<Parse>``: the parse is our spaCy parse) with PETR.Validate.{actors,agents,verbs,discards}.txt
alone and the record's ``date`` as published date, and counts the expected ``<EventCoding
sourcecode targetcode eventcode>`` our events reproduce: same source code, target code and event
code (and, separately, same root). Two coders can be measured:

* ``coder="petrarch"`` (the default): the PETRARCH-compatible engine (`dateline.petrarch.engine`)
  reads the dictionaries as they are. The file's ``<Config option="require_dyad">`` settings are
  honoured record by record, as PETRARCH's test runner does;
* ``coder="dateline"``: the dictionaries are imported into our formats (`import_files`) and our
  own coder (`dateline.coding`) codes the text.

Actor codes are compared after normalisation: ``---GOV`` (an agent with no country) is ``GOV``;
``---`` (no actor) and ``"SOME TEXT"`` (an actor PETRARCH reports by its words because no
dictionary knows it) match an event side with no code. An ``<EventCoding/>`` without attributes
means "no event": it is reproduced when we code no event for that sentence.

Where we stand (2026-11-29, ``python -m dateline.petrarch mechanics``, md model):

* engine: 351 of 385 (0.912): 329 of 359 event codings, 22 of 26 no-event codings. 71 of the
  reproduced codings carry codes outside CAMEO (WEIS codes such as 223, toy codes such as 903),
  which the engine keeps verbatim; counting only CAMEO codes it is 280 (0.727);
* our coder on the imported dictionaries: 114 of 385 (0.296; it moves with our coder and
  lexicon, 0.239 before this engine was written): it cannot carry codes outside CAMEO,
  takes the direct object or a pattern's preposition as target, and has no ``[A:B]``, ``%``,
  ``$`` or null-code patterns.

What the engine still misses: records whose expectation depends on PETRARCH's parse or on its
own quirks (the same sentence expected with and without an event: ERROR-02/03, AGENT-12/13;
"Arnor former security officials" -> ARNELI), actors PETRARCH invents from unknown noun phrases
(``new_actor_length``: ACTOR-01), actors known only from a commented-out dictionary line (the
Nasgul, COMPOUND-34/35), a few conjunctions spaCy attaches differently from CoreNLP ("Lawmakers in
Fornost and Gondor", "Fornost and the evil awful Gondor"), actor phrases with words between theirs
("Ithilen state-run television" for ITHILEN TELEVISION) and a verb spaCy reads as a noun ("inching
nearer to accord").
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import ArticleRecord, RawDocument
from .importer import import_files

DICTIONARIES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt")
DISCARDS = "PETR.Validate.discards.txt"

Triple = tuple[str | None, str | None, str]


@dataclass(slots=True)
class UnitRecord:
    """One ``<Sentence>``: its id, category, date (ISO), text and expected codings."""

    id: str
    category: str
    validate: bool
    published: str | None
    text: str
    expected: list[Triple]
    no_event: int
    #: The ``<Config option value>`` settings in force (the file changes some between records).
    options: dict[str, str] = field(default_factory=dict)


def parse_records(path: str | Path) -> list[UnitRecord]:
    """The ``<Sentence>`` records of a PETRARCH unit-test file."""
    root = ET.parse(path).getroot()
    records: list[UnitRecord] = []
    options: dict[str, str] = {}
    for sentence in root.iter():
        if sentence.tag == "Config" and sentence.get("option"):
            options[sentence.get("option", "")] = sentence.get("value", "")
            continue
        if sentence.tag != "Sentence":
            continue
        text_node = sentence.find("Text")
        text = " ".join((text_node.text or "").split()) if text_node is not None else ""
        expected: list[Triple] = []
        no_event = 0
        for coding in sentence.findall("EventCoding"):
            event = coding.get("eventcode")
            if event is None:
                no_event += 1
            else:
                expected.append((coding.get("sourcecode"), coding.get("targetcode"), event))
        day = sentence.get("date", "")
        published = f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 and day.isdigit() else None
        records.append(
            UnitRecord(
                id=sentence.get("id", ""),
                category=sentence.get("category", ""),
                validate=sentence.get("sentence", "true") != "false",
                published=published,
                text=text,
                expected=expected,
                no_event=no_event,
                options=dict(options),
            )
        )
    return records


def normalise_actor(code: str | None) -> str | None:
    """A PETRARCH actor code as our events would carry it (see the module docstring)."""
    if not code or code.startswith('"'):
        return None
    code = code.strip().upper()
    if code.startswith("---"):
        return code[3:] or None
    return code


def ours(record: ArticleRecord) -> list[Triple]:
    """(source code, target code, CAMEO code) of each event of a coded record."""
    return [
        (
            event.source.code if event.source is not None else None,
            event.target.code if event.target is not None else None,
            event.cameo,
        )
        for event in record.events
    ]


def score(records: list[UnitRecord], coded: list[ArticleRecord]) -> dict[str, Any]:
    """Counts of expected codings reproduced (exact and root-level), per category and overall."""
    totals: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = {}
    details: list[dict[str, Any]] = []
    for unit, record in zip(records, coded, strict=True):
        got = ours(record)
        exact = set(got)
        roots = {(s, t, c[:2]) for s, t, c in got}
        cat = by_category.setdefault(unit.category, Counter())
        if record.error:
            totals["errors"] += 1
        hits = []
        for source, target, event in unit.expected:
            key = (normalise_actor(source), normalise_actor(target))
            hit = (*key, event) in exact
            root_hit = (*key, event[:2]) in roots
            hits.append(hit)
            for counter in (totals, cat):
                counter["event_codings"] += 1
                counter["matched"] += hit
                counter["matched_root"] += root_hit
        expected_keys = {(normalise_actor(s), normalise_actor(t), e) for s, t, e in unit.expected}
        extra = [g for g in got if g not in expected_keys]
        if unit.no_event:
            for counter in (totals, cat):
                counter["no_event_codings"] += unit.no_event
                counter["no_event_correct"] += unit.no_event if not got else 0
        totals["extra_events"] += len(extra)
        details.append(
            {
                "id": unit.id,
                "category": unit.category,
                "text": unit.text,
                "expected": [list(e) for e in unit.expected] + [["", "", "no event"]] * unit.no_event,
                "got": [list(g) for g in got],
                "matched": hits,
                "error": record.error,
            }
        )
    codings = totals["event_codings"] + totals["no_event_codings"]
    reproduced = totals["matched"] + totals["no_event_correct"]
    return {
        "sentences": len(records),
        "codings": codings,
        "event_codings": totals["event_codings"],
        "no_event_codings": totals["no_event_codings"],
        "matched": totals["matched"],
        "matched_root": totals["matched_root"],
        "no_event_correct": totals["no_event_correct"],
        "reproduced": reproduced,
        "rate": round(reproduced / codings, 4) if codings else 0.0,
        "root_rate": round((totals["matched_root"] + totals["no_event_correct"]) / codings, 4)
        if codings
        else 0.0,
        "extra_events": totals["extra_events"],
        "errors": totals["errors"],
        "by_category": {k: dict(v) for k, v in sorted(by_category.items())},
        "records": details,
    }


def run_mechanics(
    records_xml: str | Path, dict_dir: str | Path, model: str | None = None, coder: str = "petrarch"
) -> dict[str, Any]:
    """Code every record of ``records_xml`` with the validation dictionaries in ``dict_dir`` alone
    and score the result (see `score`).

    ``coder="petrarch"``: the PETRARCH-compatible engine reads the dictionaries as they are
    (``dictionaries`` holds what it read and left out). ``coder="dateline"``: the dictionaries are
    imported into our formats and coded by our coder (``import`` holds the importer's summary).
    """
    from ..pipeline import Pipeline, PipelineConfig

    records = parse_records(records_xml)
    docs = [
        RawDocument(id=f"{i}:{r.id}", text=r.text, title=r.id, published=r.published)
        for i, r in enumerate(records)
    ]
    with tempfile.TemporaryDirectory(prefix="dateline-petrarch-") as tmp:
        if coder == "petrarch":
            for name in (*DICTIONARIES, DISCARDS):
                if (Path(dict_dir) / name).is_file():
                    shutil.copy(Path(dict_dir) / name, Path(tmp) / name)
            config = PipelineConfig(model=model, data_dirs=(tmp,), shipped_data=False, coder="petrarch")
            pipeline = Pipeline(config).setup()
            assert pipeline.petrarch is not None and pipeline.petrarch.dicts is not None
            about: dict[str, Any] = {
                "read": pipeline.petrarch.dicts.sizes(),
                "left_out": dict(sorted(pipeline.petrarch.dicts.skipped.items())),
            }
        elif coder == "dateline":
            summary = import_files([Path(dict_dir) / name for name in DICTIONARIES], tmp)
            pipeline = Pipeline(PipelineConfig(model=model, data_dirs=(tmp,), shipped_data=False)).setup()
            about = summary["files"]
        else:
            raise ValueError(f"coder is 'petrarch' or 'dateline', not {coder!r}")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W036\]")  # an entity ruler without patterns
            if pipeline.petrarch is None:
                coded = list(pipeline.process_many(docs))
            else:  # the engine honours the file's require_dyad setting, as PETRARCH does
                engine = pipeline.petrarch
                by_index: dict[int, ArticleRecord] = {}
                for dyad in (True, False):
                    engine.require_dyad = dyad
                    chosen = [i for i, r in enumerate(records) if _require_dyad(r) == dyad]
                    for i, record in zip(
                        chosen, pipeline.process_many([docs[i] for i in chosen]), strict=True
                    ):
                        by_index[i] = record
                coded = [by_index[i] for i in range(len(records))]
    result = score(records, coded)
    result["coder"] = coder
    result["dictionaries" if coder == "petrarch" else "import"] = about
    return result


def _require_dyad(record: UnitRecord) -> bool:
    """PETRARCH's ``require_dyad`` for a record: the file's setting, true by default."""
    return record.options.get("require_dyad", "true").strip().lower() != "false"
