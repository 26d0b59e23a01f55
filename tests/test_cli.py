"""The CLI: output formats and one-line errors with non-zero exits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from summitry.interfaces.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_meetings_json(fixture_db: Path) -> None:
    res = run("meetings", "--between", "USA", "RUS", "--format", "json", "--db", str(fixture_db))
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 9
    assert {"id", "participants", "sources", "mode", "host_state"} <= set(rows[0])


def test_meetings_csv(fixture_db: Path) -> None:
    res = run("meetings", "--mode", "visit", "--format", "csv", "--db", str(fixture_db))
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["id"] for r in rows] == ["1987-12-washington", "2010-06-washington", "2013-09-moscow", "2025-08-anchorage"]
    assert rows[0]["participants"] == "Ronald Reagan; Mikhail Gorbachev"


def test_show_card(fixture_db: Path) -> None:
    res = run("show", "2021-06-geneva", "--db", str(fixture_db))
    assert res.exit_code == 0
    assert "Villa La Grange" in res.stdout and "Biden" in res.stdout


def test_unknown_meeting_is_one_line_error(fixture_db: Path) -> None:
    res = run("show", "1986-10-helsinki", "--db", str(fixture_db))
    assert res.exit_code == 1
    assert "no meeting with id '1986-10-helsinki'" in res.output
    assert "Traceback" not in res.output


def test_unknown_state_and_option(fixture_db: Path) -> None:
    res = run("meetings", "--between", "USA", "ZZZ", "--db", str(fixture_db))
    assert res.exit_code == 1 and "unknown state code" in res.output
    res = run("meetings", "--bogus", "--db", str(fixture_db))
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_leaders_table(fixture_db: Path) -> None:
    res = run("leaders", "--state", "SUN", "--db", str(fixture_db))
    assert res.exit_code == 0 and "Gorbachev" in res.stdout
