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
from rich import box
from rich.cells import cell_len
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
    """Turn SummitryError, and a database the code cannot read, into one line on stderr and exit 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import duckdb

        try:
            return fn(*args, **kwargs)
        except SummitryError as exc:
            message = str(exc)
        except duckdb.Error as exc:  # a database from another version, or damaged: say what to do
            message = (f"the database could not answer ({type(exc).__name__}: {str(exc).splitlines()[0]}); "
                       "rebuild it with `summitry build`")
        err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
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
    out.print(fitted_table(rows, columns, title, out.width))


#: Columns of free text. At a narrow width their cells are cut with an ellipsis; every
#: other column (ids, dates, names, places) is shown whole or, when it does not fit, left out.
PROSE_COLUMNS = frozenset({
    "setting", "remarks", "description", "text", "detail", "reason", "notes", "note", "reasons",
    "multilateral_event", "outcomes", "raw", "locale", "terms",
})
_PROSE_MIN = 12  # a prose column narrower than this says nothing
_GAP = 3  # what a column costs beside its text: one space each side of a one-space rule


def fitted_table(rows: list[dict], columns: list[str], title: str | None, width: int) -> Table:
    """A table no wider than `width`, one line a row. Columns are taken in the order given,
    most useful first, while they fit; names and places are never cut, so a column that does
    not fit whole is left out, and the caption says which."""
    cells = {c: [_cell(row.get(c)) for row in rows] for c in columns}
    natural = {c: max([cell_len(c), *(cell_len(line) for v in cells[c] for line in v.split("\n"))]) for c in columns}
    kept: list[str] = []
    used = -_GAP
    for c in columns:
        need = min(natural[c], _PROSE_MIN) if c in PROSE_COLUMNS else natural[c]
        if used + _GAP + need <= width or not kept:
            kept.append(c)
            used += _GAP + need
    dropped = [c for c in columns if c not in kept]
    spare = width - used
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  caption=f"left out at {width} columns: {', '.join(dropped)} (-f csv or -f json shows every column)"
                  if dropped else None, caption_justify="left")
    for c in kept:
        if c in PROSE_COLUMNS and natural[c] > _PROSE_MIN:
            grow = min(natural[c] - _PROSE_MIN, max(spare, 0))
            spare -= grow
            table.add_column(c, no_wrap=True, overflow="ellipsis", max_width=_PROSE_MIN + grow)
        else:
            table.add_column(c, no_wrap=True, overflow="ignore", min_width=natural[c])
    for i in range(len(rows)):
        table.add_row(*[cells[c][i] for c in kept])
    return table


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
