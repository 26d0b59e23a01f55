"""The `check` command, registered on a throwaway Typer app as the CLI will register it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from summitry.checker.record import Record
from summitry.interfaces.check_cli import check_command

app = typer.Typer(pretty_exceptions_enable=False)
app.command("check")(check_command)


@app.callback()
def _root() -> None:
    """Keep `check` a subcommand."""


def test_check_json_html_text(fixture_record: Record, tmp_path: Path) -> None:
    db = str(fixture_record.path)
    article = tmp_path / "a.md"
    article.write_text("August 14, 2025\n\nThe 1986 Reagan-Gorbachev Helsinki summit. The Trump-Putin summit on Friday.",
                       encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["check", str(article), "--db", db, "-f", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["counts"] == {"supported": 1, "mostly_supported": 0, "contradicted": 1, "not_in_record": 0}
    out = tmp_path / "page.html"
    r = runner.invoke(app, ["check", str(article), "--db", db, "-f", "html", "-o", str(out)])
    assert r.exit_code == 0 and "Reykjavík" in out.read_text(encoding="utf-8")
    r = runner.invoke(app, ["check", str(article), "--db", db])
    assert r.exit_code == 0 and "contradicted" in r.stdout
    r = runner.invoke(app, ["check", "-", "--db", db, "--date", "2025-08-14", "-f", "json"],
                      input="The Trump-Putin summit on Friday.")
    assert json.loads(r.stdout)["claims"][0]["evidence"] == ["2025-08-anchorage"]


def test_check_errors_are_one_line(fixture_record: Record, tmp_path: Path) -> None:
    db = str(fixture_record.path)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    runner = CliRunner()
    for args in (["check", str(binary)], ["check", str(tmp_path / "missing.md")],
                 ["check", "-", "--date", "14/08/2025"]):
        r = runner.invoke(app, [*args, "--db", db], input="x")
        assert r.exit_code == 1, (args, r.output)
        assert "Traceback" not in r.output and "error:" in r.output
