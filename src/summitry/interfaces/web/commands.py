"""`summitry serve` and `summitry export` as plain functions with Typer-compatible signatures.

The CLI registers them (``app.command("serve")(serve_command)``,
``app.command("export")(export_command)``); they import nothing from `summitry.interfaces.cli`, so
registering them cannot create an import cycle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from summitry.errors import SummitryError

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $SUMMITRY_DB or the user data dir)")
]


def _fail(exc: Exception) -> typer.Exit:
    print(f"error: {exc}", file=sys.stderr)
    return typer.Exit(1)


def serve_command(
    host: Annotated[str, typer.Option(help="Address to bind; the default serves this machine only")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on")] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, max=16, help="Server processes (each opens the file read-only)")] = 1,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log every request")] = False,
) -> None:
    """Serve the explorer (pages and JSON API), building the database first if it is missing."""
    import uvicorn

    from summitry.query.access import ensure_built

    try:
        path = ensure_built(db)
    except SummitryError as exc:
        raise _fail(exc) from None
    print(f"summitry: serving {path} at http://{host}:{port}/ (read-only; Ctrl+C stops)", file=sys.stderr)
    if workers > 1:
        os.environ["SUMMITRY_DB"] = str(path)  # each worker process builds its app from the environment
        uvicorn.run("summitry.interfaces.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    access_log=access_log, log_level="info")
        return
    from summitry.interfaces.web.app import create_app

    uvicorn.run(create_app(path), host=host, port=port, access_log=access_log, log_level="info")


def export_command(
    out: Annotated[Path, typer.Argument(help="Directory to write the files into")] = Path("summitry-export"),
    fmt: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help="csv, parquet or json; repeat for several (default: all three)")] = None,
    db: DbOption = None,
) -> None:
    """Write every table as CSV, Parquet and JSON with a Frictionless datapackage.json."""
    from summitry.interfaces.export import FORMATS, export
    from summitry.query.access import ensure_built

    formats = tuple(fmt) if fmt else FORMATS
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        print(f"error: unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}", file=sys.stderr)
        raise typer.Exit(2)
    try:
        descriptor = export(ensure_built(db), out, formats)
    except SummitryError as exc:
        raise _fail(exc) from None
    print(f"wrote {descriptor.parent} ({', '.join(formats)}) and {descriptor}", file=sys.stderr)
