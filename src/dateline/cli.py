"""The command line: a thin Typer layer over the Python API.

Errors print one line (``error: ...``) on stderr and exit non-zero.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .errors import DatelineError

if TYPE_CHECKING:
    from .pipeline import PipelineConfig

app = typer.Typer(
    name="dateline",
    help="Raw news in, political event data out: who did what to whom, when and where, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class CodeFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"


class InfoFormat(StrEnum):
    json = "json"
    table = "table"


ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline: md (default), sm, or a name/path spacy.load accepts"),
]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes")]


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


def _config(model: str | None, data: list[Path] | None, coder: Coder) -> PipelineConfig:
    from .pipeline import PipelineConfig

    return PipelineConfig(model=model, data_dirs=tuple(str(d) for d in data or ()), coder=coder.value)


def _fail(exc: DatelineError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code=2)


@app.command()
def code(
    paths: Annotated[
        list[str], typer.Argument(help=".txt/.html files, directories, .jsonl files, or - for stdin")
    ],
    format: Annotated[CodeFormat, typer.Option("--format", "-f", help="Output format")] = CodeFormat.table,
    model: ModelOption = None,
    workers: WorkersOption = 1,
    data: DataOption = None,
    coder: CoderOption = Coder.dateline,
) -> None:
    """Code articles and print their records (one per input, in input order)."""
    from .ingest import iter_documents
    from .pipeline import process_documents

    try:
        docs = list(iter_documents(paths))
        records = process_documents(docs, _config(model, data, coder), workers=workers)
        if format is CodeFormat.jsonl:
            for record in records:
                sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        elif format is CodeFormat.json:
            json.dump([r.to_dict() for r in records], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            from .render import print_tables

            print_tables(records)
    except DatelineError as exc:
        raise _fail(exc) from None


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Inputs, as for `dateline code`")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write (created if missing)")],
    model: ModelOption = None,
    workers: WorkersOption = 1,
    data: DataOption = None,
    coder: CoderOption = Coder.dateline,
) -> None:
    """Code a corpus into the store: resumable (stored articles are skipped) and idempotent."""
    from rich.progress import Progress

    from .ingest import iter_documents
    from .pipeline import process_documents
    from .store import Store

    try:
        with Store(db) as store:
            done = store.stored_ids()
            docs = [d for d in iter_documents(paths) if d.id not in done]
            totals: dict[str, int] = {}
            with Progress(transient=True) as progress:
                task = progress.add_task("coding", total=len(docs))
                batch = []
                for record in process_documents(docs, _config(model, data, coder), workers=workers):
                    batch.append(record)
                    progress.advance(task)
                    if len(batch) >= 64:
                        _add(totals, store.write(batch))
                        batch = []
                _add(totals, store.write(batch))
            totals["skipped_already_stored"] = len(done)
            typer.echo(json.dumps({"db": str(db), **totals, "stored": store.counts()}))
    except DatelineError as exc:
        raise _fail(exc) from None


def _add(totals: dict[str, int], counts: dict[str, int]) -> None:
    for key, value in counts.items():
        totals[key] = totals.get(key, 0) + value


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by `dateline run`")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
) -> None:
    """Print the stored events (one JSON object per line, with their article_id)."""
    from .errors import StoreError
    from .store import Store

    if not db.exists():
        raise _fail(StoreError(f"no store at {db}", hint="Create one with `dateline run PATH --db FILE`"))
    try:
        with Store(db) as store:
            for event in store.iter_events():
                sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    except DatelineError as exc:
        raise _fail(exc) from None


@app.command()
def info(
    format: Annotated[InfoFormat, typer.Option("--format", "-f")] = InfoFormat.table,
    model: ModelOption = None,
) -> None:
    """Version, model in use, dictionary and lexicon sizes."""
    from .pipeline import Pipeline, PipelineConfig

    try:
        data: dict[str, Any] = Pipeline(PipelineConfig(model=model)).info()
    except DatelineError as exc:
        raise _fail(exc) from None
    if format is InfoFormat.json:
        typer.echo(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            typer.echo(f"{key}: {value}")


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


@app.command()
def evaluate(
    task: Annotated[str, typer.Argument(help="events, quotes, places or articles")],
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (shapes: ../shared/gold/README.md)")],
    format: Annotated[
        InfoFormat, typer.Option("--format", "-f", help="table (rich) or json (one object)")
    ] = InfoFormat.table,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Also list this many missed records")] = 0,
    workers: WorkersOption = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N gold records")] = None,
    model: ModelOption = None,
    predictions: Annotated[
        Path | None, typer.Option("--predictions", help="Also write the article records to this JSONL file")
    ] = None,
) -> None:
    """Code a gold file's records and score them against the gold (the headline figure last)."""
    from rich.console import Console
    from rich.progress import Progress

    from .evaluation import evaluate as run_evaluation
    from .evaluation.report import print_report

    try:
        with Progress(console=Console(stderr=True), transient=True) as progress:
            bar = progress.add_task(f"coding {gold.name}", total=None)
            result = run_evaluation(
                task,
                gold,
                model=model,
                workers=workers,
                limit=limit,
                on_record=lambda _record: progress.advance(bar),
            )
        if predictions is not None:
            result.write_predictions(predictions)
    except DatelineError as exc:
        raise _fail(exc) from None
    if format is InfoFormat.json:
        typer.echo(json.dumps(result.to_dict(errors=errors), ensure_ascii=False))
    else:
        print_report(result, errors=errors)


dictionaries_app = typer.Typer(
    help="Import other coders' dictionaries into dateline's TSV formats.", no_args_is_help=True
)
app.add_typer(dictionaries_app, name="dictionaries")


@dictionaries_app.command("import-petrarch")
def import_petrarch(
    files: Annotated[
        list[Path],
        typer.Argument(help="PETRARCH/Phoenix actors, agents and verbs files (kind read from content)"),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Directory to write actors/*.tsv and verbs.tsv into")
    ],
) -> None:
    """Convert PETRARCH dictionaries; print a JSON summary of what was imported, approximated, skipped.

    Use the result with `PipelineConfig(data_dirs=(DIR,))` (over ours) or `shipped_data=False` (alone).
    """
    from .errors import InputNotFound
    from .petrarch import import_files

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _fail(InputNotFound(f"no such file: {', '.join(missing)}"))
    typer.echo(json.dumps(import_files(files, out), indent=2))
