"""`serve` and `export` as the CLI will register them (`app.command("serve")(serve_command)`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summitry.interfaces.web import commands


@pytest.fixture()
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("serve")(commands.serve_command)
    app.command("export")(commands.export_command)
    return app


def test_serve_binds_loopback_and_opens_the_database(cli, fixture_db: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(cli, ["serve", "--db", str(fixture_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    app, kw = calls[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8123)
    assert app.state.store.path == fixture_db


def test_serve_builds_a_missing_database(cli, tmp_path: Path, monkeypatch) -> None:
    built = []
    monkeypatch.setattr("summitry.query.access.ensure_built", lambda db: built.append(db) or Path(db))
    monkeypatch.setattr("summitry.interfaces.web.app.create_app", lambda path: path)
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: None)
    target = tmp_path / "new.duckdb"
    assert CliRunner().invoke(cli, ["serve", "--db", str(target)]).exit_code == 0
    assert built == [str(target)]


def test_export_command(cli, fixture_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(out), "--db", str(fixture_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    descriptor = json.loads((out / "datapackage.json").read_text())
    assert {r["format"] for r in descriptor["resources"]} == {"csv"}
    assert (out / "csv" / "meetings.csv").exists() and not (out / "parquet").exists()
    bad = CliRunner().invoke(cli, ["export", str(out), "--db", str(fixture_db), "--format", "xlsx"])
    assert bad.exit_code == 2
