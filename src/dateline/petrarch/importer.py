"""Import PETRARCH/Phoenix dictionaries into a dateline data directory (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..ontology import default_ontology
from .actors import ActorRows, convert_actors, parse_actors
from .agents import parse_agents
from .reader import Tally, read_lines
from .verbs import parse_verbs, verb_rows

COLUMNS = {
    "actors/countries.tsv": ["iso3", "name", "aliases", "adjectives", "capital", "metonyms"],
    "actors/organisations.tsv": ["code", "name", "aliases", "country", "sectors", "kind"],
    "actors/people.tsv": ["name", "aliases", "country", "role", "title", "start", "end"],
    "actors/roles.tsv": ["phrase", "role", "sectors", "plural", "notes"],
    "verbs.tsv": ["code", "pattern"],
}
_CODE_BLOCK = re.compile(r"\[[^\]]*\]")


def detect_kind(lines: list[str]) -> str:
    """ "verbs", "agents", "actors" or "unknown" (e.g. a discards list), from the file's content."""
    blocks = [b for line in lines for b in _CODE_BLOCK.findall(line)]
    headers = sum(1 for line in lines if line.lstrip().startswith("---") and "[" in line)
    patterns = sum(1 for line in lines if line.lstrip().startswith("-") and "*" in line)
    if headers and patterns:
        return "verbs"
    if not blocks:
        return "unknown"
    if sum("~" in b for b in blocks) * 2 > len(blocks):
        return "agents"
    return "actors"


def import_files(paths: Sequence[str | Path], out: str | Path) -> dict[str, Any]:
    """Read PETRARCH dictionaries (kind detected from content) and write our TSV files into ``out``.

    Returns the summary: the counts imported, skipped and approximated (by reason) per kind of
    dictionary and per input file, and the rows written per output file. Outputs with no rows are
    not written.
    """
    ontology = default_ontology()
    actors = ActorRows()
    roles: dict[str, dict[str, str]] = {}
    verbs: dict[str, dict[str, str]] = {}
    files: dict[str, Any] = {}
    for raw in paths:
        path = Path(raw)
        lines = read_lines(path)
        tally = Tally(detect_kind(lines))
        if tally.kind == "actors":
            convert_actors(parse_actors(lines, tally), actors, tally)
        elif tally.kind == "agents":
            for row in parse_agents(lines, tally):
                if row["phrase"] in roles:
                    tally.skipped["duplicate_phrase"] += 1
                roles.setdefault(row["phrase"], row)
        elif tally.kind == "verbs":
            blocks, synsets = parse_verbs(lines, tally)
            for row in verb_rows(blocks, synsets, ontology, tally):
                if row["pattern"] in verbs:
                    tally.skipped["duplicate_of_earlier_file"] += 1
                verbs.setdefault(row["pattern"], row)
        else:
            tally.skipped["unsupported_file"] += 1
        files[str(raw)] = tally.to_dict()
    tables = {
        "actors/countries.tsv": list(actors.countries.values()),
        "actors/organisations.tsv": list(actors.organisations.values()),
        "actors/people.tsv": actors.people,
        "actors/roles.tsv": list(roles.values()),
        "verbs.tsv": list(verbs.values()),
    }
    sources = ", ".join(Path(p).name for p in paths)
    written: dict[str, int] = {}
    for relpath, rows in tables.items():
        if rows:
            write_tsv(Path(out) / relpath, COLUMNS[relpath], rows, sources)
            written[relpath] = len(rows)
    by_kind: dict[str, dict[str, dict[str, int]]] = {}
    for tally in files.values():
        totals = by_kind.setdefault(tally["kind"], {"imported": {}, "skipped": {}, "approximated": {}})
        for part, counts in totals.items():
            for reason, count in tally[part].items():
                counts[reason] = counts.get(reason, 0) + count
    return {"out": str(out), "by_kind": by_kind, "files": files, "written": written}


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]], sources: str) -> None:
    """One of our TSV files: a comment saying where it came from, the header, the rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Imported by `dateline dictionaries import-petrarch` from: {sources}\n")
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(_cell(row.get(c, "")) for c in columns) + "\n")


def _cell(value: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", value).strip()
