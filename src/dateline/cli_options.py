"""The command line's option types and choices, shared by its commands (`dateline.cli`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class CodeFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    plover = "plover"
    icews = "icews"


class InfoFormat(StrEnum):
    json = "json"
    table = "table"


ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline: md (default), sm, or a name/path spacy.load accepts"),
]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes")]
ShardSizeOption = Annotated[
    int,
    typer.Option(
        "--shard-size", min=1, help="Inputs per shard: the unit handed to a worker and written to the store"
    ),
]
RecycleOption = Annotated[
    int,
    typer.Option(
        "--recycle-after", min=1, help="Documents a worker process codes before a fresh one replaces it"
    ),
]
DocTimeoutOption = Annotated[
    float,
    typer.Option(
        "--doc-timeout",
        min=0,
        help="Seconds one document may take; a slower one is stored as a failure (0: no limit)",
    ),
]


class Executor(StrEnum):
    local = "local"
    ray = "ray"


ExecutorOption = Annotated[
    Executor,
    typer.Option(
        "--executor",
        help="local (worker processes on this machine) or ray (Ray actors; pip install 'dateline\\[ray]')",
    ),
]
AddressOption = Annotated[
    str | None,
    typer.Option("--address", help="With --executor ray: the Ray cluster to use (default: start one here)"),
]


class Coder(StrEnum):
    dateline = "dateline"
    petrarch = "petrarch"


DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        help="Directory with your dictionaries (actors/*.tsv, verbs.tsv; for --coder petrarch the "
        "PETRARCH *.txt files), read before ours; repeatable",
    ),
]
CoderOption = Annotated[
    Coder, typer.Option("--coder", help="dateline (our rules) or petrarch (PETRARCH dictionaries in --data)")
]


MaxCharsOption = Annotated[
    int | None,
    typer.Option(
        "--max-chars",
        min=1,
        help="Longest article text coded (default 2,000,000); longer ones fail as too long",
    ),
]


MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Emit only events with at least this confidence (README: how often each level is right)",
    ),
]
IncompleteOption = Annotated[
    bool,
    typer.Option(
        "--incomplete",
        help="Keep events whose actor or target was not found (by default a story's events are whole)",
    ),
]
