"""Output shared by every command: one-line errors, and records as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from summitry.errors import SummitryError

out = Console()
err = Console(stderr=True)


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def friendly(fn: Callable) -> Callable:
    """Turn SummitryError into one line on stderr and exit 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SummitryError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def emit(rows: list[dict], fmt: Fmt, columns: list[str], title: str | None = None) -> None:
    """Print records as a Rich table, JSON or CSV."""
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is Fmt.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, no_wrap=c in ("id", "when", "start_date"))
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        if "url" in value:
            return str(value["url"])
        return json.dumps(value, ensure_ascii=False)
    return str(value)
