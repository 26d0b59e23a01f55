"""`summitry check ARTICLE`: the checker as a Typer command.

Registered by the CLI with ``app.command("check")(check_command)``. Errors the user can
act on (too large, binary, bad date, a broken database) print one line and exit 1, like
every other summitry command.
"""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summitry.errors import CannotWrite, SummitryError


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class ContentType(StrEnum):
    auto = "auto"
    markdown = "markdown"
    text = "text"
    html = "html"


def check_command(
    article: Annotated[str, typer.Argument(help="Article file (Markdown, text or HTML), or - for standard input")],
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text (a table), json, or html (a standalone page)")] = CheckFormat.text,
    date: Annotated[str | None, typer.Option("--date", help="The article's date, YYYY-MM-DD (default: its dateline, if any)")] = None,
    content_type: Annotated[ContentType, typer.Option("--type", help="Input type (default: from the file name or content)")] = ContentType.auto,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database file (default: $SUMMITRY_DB or the user data dir)")] = None,
) -> None:
    """Check an article's statements about U.S.–Soviet/Russian leader meetings against the record."""
    from summitry.checker import api, reader
    from summitry.checker.errors import InputTooLarge
    from summitry.checker.render import render_html, render_text

    err = Console(stderr=True)
    try:
        if article == "-":
            data = sys.stdin.buffer.read(reader.MAX_BYTES + 1)
            text = reader.decode(data)
            result = api.check_text(text, db=db, article_date=date, content_type=content_type.value)
        else:
            path = Path(article)
            if not path.is_file():
                raise SummitryError(f"no such file: {article}")
            if path.stat().st_size > reader.MAX_BYTES:
                raise InputTooLarge(reader._too_large(path.stat().st_size))
            text = reader.decode(path.read_bytes())
            result = api.check_text(text, db=db, article_date=date, content_type=content_type.value, name=path.name)
    except SummitryError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(1) from None
    if fmt is CheckFormat.json:
        rendered = result.to_json() + "\n"
    elif fmt is CheckFormat.html:
        rendered = render_html(result, text, title=None if article == "-" else Path(article).name)
    elif output is None:
        Console().print(render_text(result))
        return
    else:
        buf = Console(file=io.StringIO(), width=120)
        buf.print(render_text(result))
        rendered = buf.file.getvalue()
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] {CannotWrite(output, exc)}", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(1) from None
