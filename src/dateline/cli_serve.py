"""`dateline serve`: the command that serves a store over HTTP (`dateline.serve`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

#: Exit status of a usage or configuration error (as the other commands exit).
EXIT_USAGE = 2


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by `dateline run`")],
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only)")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: a free one)")
    ] = 0,
) -> None:
    """Serve a store read-only over HTTP: a JSON API (/api), a web view (/) and the API's docs (/docs).

    Prints the URL ("dateline: serving FILE at http://HOST:PORT/") and runs until interrupted.
    """
    from .errors import DatelineError
    from .render import terminal_safe
    from .serve import serve as run_server

    try:
        run_server(db, host, port)
    except DatelineError as exc:
        typer.echo(f"error: {terminal_safe(str(exc))}", err=True)
        raise typer.Exit(code=EXIT_USAGE) from None
    except OSError as exc:  # the address is taken or not this machine's
        typer.echo(f"error: cannot listen on {terminal_safe(host)}:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=EXIT_USAGE) from None
