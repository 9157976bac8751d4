"""Human-readable output of article records, for `dateline code --format table`.

Every string taken from an article is untrusted: it goes through `terminal_safe` (no escape
sequences or control characters reach the terminal) and into `rich.text.Text` objects (never
parsed as rich markup). The layout reads at 80 columns: one line per event with the date, CAMEO
code, PLOVER type, actor codes and trigger; an indented line with the long fields, which wraps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from .records import ActorRef, ArticleRecord, Event, Quote, Speaker

#: Escape sequences, 7-bit and 8-bit: OSC/DCS/SOS/PM/APC strings (ended by BEL or ST), CSI, then
#: any other ESC sequence (intermediates and a final byte) and a lone ESC.
_ESCAPES = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]?"
)
#: Line breaks and tabs (one run becomes one space).
_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
#: Everything else dropped: C0 controls, DEL, C1 controls, bidi overrides and isolates, and lone
#: surrogates (which no terminal encoding can write).
_DROP = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_INDENT = 6  # the second line of an event
_ACTOR_MAX = 24  # cells for an unresolved actor's text on the event line
_QUOTE_MIN = 24  # below this many cells left on the speaker's line, a quote gets its own line


def terminal_safe(text: str) -> str:
    """Return `text` fit to print on a terminal, on one line.

    Removes ANSI/VT escape sequences (CSI ``ESC[...X``, OSC ``ESC]...BEL`` or ``ESC]...ESC\\``,
    DCS and the other string sequences, any other ``ESC`` sequence, and their 8-bit C1 forms),
    turns line breaks and tabs into a single space, and drops the remaining C0 controls, DEL, C1
    controls (U+0080-U+009F), the bidi override/isolate characters (U+202A-U+202E, U+2066-U+2069)
    and lone surrogates. Markup characters such as ``[`` are kept: print the result as a
    `rich.text.Text` or through `rich.markup.escape`.
    """
    text = _ESCAPES.sub("", text)
    text = _BREAKS.sub(" ", text)
    return _DROP.sub("", text)


def _safe(value: str | None, default: str = "-") -> str:
    """`terminal_safe(value)`, or `default` when it is missing or empty once cleaned."""
    cleaned = terminal_safe(value).strip() if value else ""
    return cleaned or default


def _heading(record: ArticleRecord) -> Text:
    heading = Text(_safe(record.title, "") or _safe(record.id, "(untitled)"), style="bold")
    details = [_safe(record.published, "no date")]
    if record.dateline and _safe(record.dateline, ""):
        details.append(_safe(record.dateline))
    heading.append(f"  ({', '.join(details)})", style="dim")
    return heading


def _code(actor: ActorRef | None) -> str:
    """The actor's code, or its text when unresolved, for the event line."""
    if actor is None:
        return "-"
    return _safe(actor.code, "") or _safe(actor.text, "?")


def _label(actor: ActorRef | Speaker | None) -> str:
    """The actor's (or speaker's) name, or its text, for the details and quote lines."""
    if actor is None:
        return "-"
    return _safe(actor.name, "") or _safe(actor.text, "?")


def _short(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis."""
    cut = Text(text)
    cut.truncate(width, overflow="ellipsis")
    return cut.plain


def _event_line(event: Event) -> Text:
    """Date, CAMEO code, PLOVER type, actor codes (or texts, shortened) and trigger."""
    line = Text(_safe(event.date, "(no date)").ljust(10))
    line.append("  ")
    line.append(_safe(event.cameo, "?").ljust(4), style="bold")
    line.append(" ")
    line.append(_safe(event.plover.event, "").ljust(10), style="cyan")
    line.append("  ")
    line.append(_short(_code(event.source), _ACTOR_MAX), style="green")
    line.append(" -> ", style="dim")
    line.append(_short(_code(event.target), _ACTOR_MAX), style="green")
    line.append("   ")
    line.append(_safe(event.trigger, "?"), style="italic")
    return line


def _event_details(event: Event, width: int) -> list[Text]:
    """Names, Goldstein, place, confidence and flags, packed field by field into `width` cells."""
    fields = [Text(f"{_label(event.source)} -> {_label(event.target)}")]
    fields.append(Text(f"Goldstein {event.goldstein:+.1f}"))
    if event.location is not None:
        fields.append(Text(_safe(event.location.name)))
    fields.append(Text(f"conf. {event.confidence:.2f}"))
    flags = (("negated", event.negated), ("hypothetical", event.hypothetical))
    fields += [Text(flag, style="bold yellow") for flag, on in flags if on]
    lines = [fields[0]]
    for field in fields[1:]:
        if cell_len(lines[-1].plain) + 3 + field.cell_len <= width:
            lines[-1].append(" · ").append_text(field)
        else:
            lines.append(field)
    return lines


def _quote_lines(quote: Quote, width: int) -> list[Text]:
    """The quote as one line fitted to `width`, or two when the speaker leaves too little room."""
    speaker = Text(_label(quote.speaker) if quote.speaker else "unattributed", style="bold")
    speaker.truncate(30, overflow="ellipsis")
    head = Text("    ")
    head.append_text(speaker)
    cue = _safe(quote.cue, "")
    head.append(f" ({cue + ', ' if cue else ''}{'direct' if quote.direct else 'indirect'}): ")
    content = Text(_safe(quote.content, ""))
    room = width - cell_len(head.plain) - 2
    if room < _QUOTE_MIN:
        content.truncate(max(width - _INDENT - 2, 1), overflow="ellipsis")
        head.rstrip()
        return [head, Text(" " * _INDENT) + Text.assemble('"', content, '"')]
    content.truncate(room, overflow="ellipsis")
    return [Text.assemble(head, '"', content, '"')]


def _print_indented(console: Console, text: Text, indent: int, style: str = "") -> None:
    """Print `text` wrapped at word boundaries, every line indented by `indent` spaces."""
    for line in text.wrap(console, max(console.width - indent, 1)):
        line.rstrip()
        console.print(Text(" " * indent) + line, style=style)


def print_tables(records: Iterable[ArticleRecord], console: Console | None = None) -> None:
    """Print each article: a heading, one or two lines per event, then its quotes.

    The heading is the title (or id), published date and dateline; an article that failed shows
    ``error: <message>`` instead of events. Each event gets a line with date, CAMEO code, PLOVER
    type, source and target codes and trigger, then an indented line (wrapped) with the actors'
    names, Goldstein score, place, confidence and a ``negated``/``hypothetical`` flag. All article
    text passes through `terminal_safe` and is printed as `Text`, never as markup.
    """
    console = console or Console()
    for number, record in enumerate(records):
        if number:
            console.print()
        console.print(_heading(record))
        if record.error:
            _print_indented(console, Text("error: " + _safe(record.error), style="red"), 2)
            continue
        if not record.events:
            console.print(Text("  no events", style="dim"))
        for event in record.events:
            _print_indented(console, _event_line(event), 2)
            for line in _event_details(event, console.width - _INDENT):
                _print_indented(console, line, _INDENT, style="dim")
        if record.quotes:
            console.print(Text("  quotes", style="dim"))
            for quote in record.quotes:
                for line in _quote_lines(quote, console.width):
                    console.print(line)
