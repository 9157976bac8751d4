"""The command line: a thin Typer layer over the Python API.

Errors print one line (``error: ...``) on stderr and exit non-zero.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .cli_options import (
    AddressOption,
    CodeFormat,
    Coder,
    CoderOption,
    DataOption,
    DocTimeoutOption,
    Executor,
    ExecutorOption,
    ExportFormat,
    IncompleteOption,
    InfoFormat,
    MaxCharsOption,
    MinConfidenceOption,
    ModelOption,
    RecycleOption,
    ShardSizeOption,
    WorkersOption,
)
from .cli_serve import serve
from .errors import DatelineError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from .pipeline import PipelineConfig
    from .runs import Summary

app = typer.Typer(
    name="dateline",
    help="Raw news in, political event data out: who did what to whom, when and where, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit")
    ] = False,
) -> None:
    """Raw news in, political event data out: who did what to whom, when and where, and who said what.

    Exit status: 0 every input coded, 1 some inputs failed, 2 usage or configuration error.
    """


def _config(
    model: str | None,
    data: list[Path] | None,
    coder: Coder,
    max_chars: int | None = None,
    incomplete: bool = False,
    min_confidence: float = 0.0,
) -> PipelineConfig:
    """The pipeline configuration of the options; raises `ConfigError` for a mistake in them."""
    from .errors import ConfigError
    from .pipeline import PipelineConfig

    for directory in data or ():
        if not directory.is_dir():
            raise ConfigError(f"--data {directory}: no such directory")
    if coder is Coder.petrarch and not any(d.glob("*.txt") for d in data or ()):
        raise ConfigError(
            "--coder petrarch needs PETRARCH dictionaries: give the directory of their *.txt files "
            "with --data DIR"
        )
    config = PipelineConfig(model=model, data_dirs=tuple(str(d) for d in data or ()), coder=coder.value)
    if max_chars is not None:
        config.max_chars = max_chars
    if incomplete:
        config.incomplete_events = True
    config.min_confidence = min_confidence
    return config


def _fail(exc: DatelineError) -> typer.Exit:
    from .render import terminal_safe

    typer.echo(f"error: {terminal_safe(str(exc))}", err=True)
    return typer.Exit(code=EXIT_USAGE)


#: Exit statuses: every input coded; some inputs failed; a usage or configuration error; Ctrl-C.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _progress() -> Progress:
    """A progress display on stderr, shown only when stderr is a terminal.

    Records written to stdout go around it: above the display when stdout is the same terminal,
    straight to stdout when it is a file or a pipe (never into the terminal).
    """
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = _stderr()
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )


class _WarningLines(logging.Handler):
    """Warnings of the library (an id taken by two inputs, ...) as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        from .render import terminal_safe

        typer.echo(f"warning: {terminal_safe(record.getMessage())}", err=True)


def _warnings_to_stderr() -> None:
    """Print the library's warnings on stderr (once, however many commands run in a process)."""
    logger = logging.getLogger("dateline")
    if not any(isinstance(h, _WarningLines) for h in logger.handlers):
        logger.addHandler(_WarningLines(logging.WARNING))
        logger.propagate = False


def _finish(summary: Summary) -> None:
    """Print the summary line on stderr and exit with the status it calls for."""
    from .render import terminal_safe

    typer.echo(f"dateline: {terminal_safe(summary.line())}", err=True)
    if summary.inputs == 0 and not summary.skipped:
        typer.echo("error: no inputs: the paths hold no text, HTML, JSONL, WARC or feed documents", err=True)
        raise typer.Exit(code=EXIT_USAGE)
    raise typer.Exit(code=EXIT_FAILED if summary.failures else EXIT_OK)


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
    max_chars: MaxCharsOption = None,
    incomplete: IncompleteOption = False,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Code articles and print their records (one per input, in input order).

    Exit status: 0 every input coded, 1 some failed (the summary on stderr says why), 2 usage error.
    """
    from .render import print_tables
    from .runs import Summary, code_paths

    _warnings_to_stderr()
    summary = Summary()
    collected: list[dict[str, Any]] = []
    try:
        config = _config(model, data, coder, max_chars, incomplete, min_confidence)
        with _progress() as progress:
            task = progress.add_task("loading the model", total=None)
            for record in code_paths(paths, config, workers=workers):
                summary.add(record)
                progress.update(task, description="coding", advance=1)
                if format is CodeFormat.jsonl:
                    sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                elif format is CodeFormat.json:
                    collected.append(record.to_dict())
                else:
                    print_tables([record])
    except DatelineError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo(f"stopped: {summary.inputs} inputs coded", err=True)
        raise typer.Exit(code=EXIT_INTERRUPTED) from None
    except BrokenPipeError:  # `dateline code ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=EXIT_OK) from None
    if format is CodeFormat.json:
        json.dump(collected, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    _finish(summary)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Inputs, as for `dateline code`")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write (created if missing)")],
    model: ModelOption = None,
    workers: WorkersOption = 1,
    data: DataOption = None,
    coder: CoderOption = Coder.dateline,
    max_chars: MaxCharsOption = None,
    incomplete: IncompleteOption = False,
    min_confidence: MinConfidenceOption = 0.0,
    shard_size: ShardSizeOption = 64,
    recycle_after: RecycleOption = 1000,
    doc_timeout: DocTimeoutOption = 300.0,
    executor: ExecutorOption = Executor.local,
    address: AddressOption = None,
) -> None:
    """Code a corpus into the store: resumable (stored inputs are skipped) and idempotent.

    Inputs are coded in shards by --workers processes (--executor ray: Ray actors, on the cluster
    at --address or on this machine), and each finished shard is written to the store in one
    transaction. Failed inputs go to the store's failures table with their reason.
    Ctrl-C (or even kill -9) stops it; the same command continues where it stopped and ends with
    the store an uninterrupted run gives. Exit status as for `dateline code`.
    """
    from .errors import ConfigError
    from .runs import Stopped, run_into_store

    _warnings_to_stderr()
    try:
        if address is not None and executor is not Executor.ray:
            raise ConfigError("--address is the address of a Ray cluster: give --executor ray with it")
        config = _config(model, data, coder, max_chars, incomplete, min_confidence)
        with _progress() as progress:
            task = progress.add_task("loading the model", total=None)
            summary = run_into_store(
                paths,
                db,
                config,
                workers=workers,
                on_record=lambda _record: progress.update(task, description="coding", advance=1),
                shard_size=shard_size,
                recycle_after=recycle_after,
                doc_timeout=doc_timeout or None,
                executor=executor.value,
                address=address,
            )
    except DatelineError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt as stop:
        stored = stop.summary.stored.get("articles", 0) if isinstance(stop, Stopped) else 0
        typer.echo(f"stopped: {stored} articles stored; run the same command again to continue", err=True)
        raise typer.Exit(code=EXIT_INTERRUPTED) from None
    typer.echo(json.dumps({"db": str(db), **summary.to_dict()}))
    _finish(summary)


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by `dateline run`")],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl/csv/parquet (a --table), gdelt, gdelt-mentions (GDELT 2.0 TSV), plover "
            "(POLECAT-shaped JSONL), icews (ICEWS TSV)",
        ),
    ] = ExportFormat.jsonl,
    table: Annotated[
        str | None,
        typer.Option("--table", "-t", help="events (default), mentions, articles, quotes or places"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default stdout; parquet needs one)")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after this ISO date (else the article's)")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before this ISO date")] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="ISO 3166 alpha-3: either side's country or the event location's"),
    ] = None,
    root: Annotated[
        list[str] | None, typer.Option("--root", help="CAMEO root code, e.g. 19; repeatable")
    ] = None,
) -> None:
    """Write the stored events (or a --table) in a standard format. Read-only.

    The default is one JSON object per stored event, with its article_id.
    """
    from .exports import Filters
    from .exports import export as run_export
    from .store import Store

    try:
        filters = Filters.parse(since, until, country, root)
        with Store(db, read_only=True) as store:
            run_export(store, format.value, table, filters, out)
    except DatelineError as exc:
        raise _fail(exc) from None
    except BrokenPipeError:  # `dateline export ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=EXIT_OK) from None


app.command()(serve)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="A sentence (quoted), or a file to take event --event N from")],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (ISO) for relative dates")
    ] = None,
    event: Annotated[
        int | None, typer.Option("--event", min=0, help="With a file: explain the sentence of its Nth event")
    ] = None,
    format: Annotated[
        InfoFormat, typer.Option("--format", "-f", help="table (text) or json")
    ] = InfoFormat.table,
    model: ModelOption = None,
) -> None:
    """Why this code? The parse, actors, patterns tried and the events, with the pattern of each."""
    from . import get_pipeline
    from .explain import explain as run_explain
    from .explain import explain_event, print_explanation
    from .pipeline import PipelineConfig

    try:
        pipeline = get_pipeline(config=PipelineConfig(model=model))
        if event is not None:
            result = explain_event(text, event, published, pipeline)
        else:
            result = run_explain(text, published, pipeline)
    except DatelineError as exc:
        raise _fail(exc) from None
    if format is InfoFormat.json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print_explanation(result)


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
