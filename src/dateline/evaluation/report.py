"""Rich tables of an evaluation, for ``dateline evaluate --format table``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .events import NONE_LABEL
from .runner import EvaluationResult

#: Longest text shown in a table cell before it is cut.
CELL_CHARS = 110


def _cut(value: Any, limit: int = CELL_CHARS) -> str:
    text = "-" if value is None or value == "" else str(value)
    return escape(text if len(text) <= limit else text[: limit - 3] + "...")


def _figure(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def scores_table(result: EvaluationResult) -> Table:
    """Metric and value, the headline last and in bold."""
    table = Table("metric", "value", title=f"{result.task}: {result.gold_path.name}")
    for key, value in result.scores.items():
        if key != "headline":
            table.add_row(key, _figure(value))
    table.add_row("failed_records", str(result.failed))
    table.add_row("seconds", f"{result.seconds:.1f}")
    table.add_row("[bold]headline[/bold]", f"[bold]{_figure(result.scores['headline'])}[/bold]")
    return table


def confusion_table(name: str, matrix: Mapping[str, Mapping[str, int]]) -> Table:
    """Gold labels down, predicted labels across (``-``: no event), diagonal in bold."""
    columns = [*sorted({label for row in matrix.values() for label in row} - {NONE_LABEL}), NONE_LABEL]
    table = Table("gold \\ ours", *columns, title=f"confusion: {name}")
    for gold_label, row in matrix.items():
        cells = []
        for label in columns:
            count = row.get(label, 0)
            cell = str(count) if count else "."
            cells.append(f"[bold]{cell}[/bold]" if label == gold_label and count else cell)
        table.add_row(gold_label, *cells)
    return table


def _gold_event(gold: Mapping[str, Any]) -> str:
    if gold.get("plover"):
        kind = "/".join(gold["plover"])
    elif gold.get("cameo"):
        kind = f"CAMEO {gold['cameo']}"
    else:
        kind = f"pentaclass {gold.get('pentaclass')}"
    parts = [kind]
    for role in ("source", "target"):
        actors = gold.get(role) or []
        if actors:
            names = ", ".join(str(a.get("country") or a.get("text")) for a in actors)
            parts.append(f"{role}: {names}")
    return "\n".join(parts)


def _our_event(event: Mapping[str, Any]) -> str:
    return (
        f"{event.get('source') or '-'} {event.get('trigger')} {event.get('target') or '-'}"
        f" ({event.get('cameo')} {event.get('plover') or '-'}, {event.get('confidence')})"
    )


def errors_table(task: str, errors: Sequence[Mapping[str, Any]]) -> Table:
    """The missed items; events get the sentence, the gold and our top events."""
    if task == "events":
        table = Table("id", "text", "gold", "wrong", "our top events", title="missed records")
        for error in errors:
            table.add_row(
                escape(error["id"]),
                _cut(error["text"], 200),
                escape(_gold_event(error["gold"])),
                ", ".join(error["wrong"]),
                escape("\n".join(_our_event(e) for e in error["events"])) or "(no event)",
            )
        return table
    columns = list(errors[0]) if errors else ["id"]
    table = Table(*columns, title="missed")
    for error in errors:
        table.add_row(*(_cut(error.get(c)) for c in columns))
    return table


def print_report(result: EvaluationResult, errors: int = 0, console: Console | None = None) -> None:
    """Print the scores, the confusion matrices (events) and up to ``errors`` misses."""
    console = console or Console()
    console.print(scores_table(result))
    for name, matrix in result.confusion.items():
        console.print(confusion_table(name, matrix))
    missed = result.errors(errors)
    if missed:
        console.print(errors_table(result.task, missed))


__all__ = ["confusion_table", "errors_table", "print_report", "scores_table"]
