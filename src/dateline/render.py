"""Human-readable output of article records (rich tables), for `dateline code --format table`."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from .records import ActorRef, ArticleRecord


def _actor(actor: ActorRef | None) -> str:
    if actor is None:
        return "-"
    label = actor.name or actor.text
    return f"{label} [{actor.code}]" if actor.code else label


def print_tables(records: Iterable[ArticleRecord], console: Console | None = None) -> None:
    """Print one events table (and a quotes table when there are quotes) per article."""
    console = console or Console()
    for record in records:
        heading = f"[bold]{record.title or record.id}[/bold]  ({record.published or 'no date'}"
        heading += f", {record.dateline})" if record.dateline else ")"
        console.print(heading)
        if record.error:
            console.print(f"  [red]error:[/red] {record.error}")
            continue
        table = Table("date", "source", "event", "target", "CAMEO", "PLOVER", "Goldstein", "where", "conf.")
        for event in record.events:
            flags = " (negated)" if event.negated else " (hypothetical)" if event.hypothetical else ""
            table.add_row(
                event.date or "-",
                _actor(event.source),
                event.trigger + flags,
                _actor(event.target),
                event.cameo,
                event.plover.event or "-",
                f"{event.goldstein:+.1f}",
                event.location.name if event.location else "-",
                f"{event.confidence:.2f}",
            )
        console.print(table)
        if record.quotes:
            quotes = Table("speaker", "cue", "quote", "direct")
            for quote in record.quotes:
                speaker = quote.speaker.name or quote.speaker.text if quote.speaker else "-"
                content = quote.content if len(quote.content) < 90 else quote.content[:87] + "..."
                quotes.add_row(speaker, quote.cue or "-", content, "yes" if quote.direct else "no")
            console.print(quotes)
