"""event_meetings: records shaped like curated meetings, marked as from event data; the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summitry.analysis.context import from_record
from summitry.events import event_meetings, reference
from summitry.events.commands import events_app

CURATED_KEYS = {"id", "start_date", "end_date", "participants", "city", "venue_state", "mode", "host_state",
                "multilateral_event", "format", "status", "sources"}


@pytest.fixture()
def store_copy(planted_store: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "store"
    shutil.copytree(planted_store, dst)
    return dst


def test_event_meetings_are_curated_shaped(store_copy: Path, leaders: reference.Leaders) -> None:
    rows = event_meetings(store_copy, leaders=leaders)
    assert rows and (store_copy / "meetings.parquet").exists()
    for m in rows:
        assert set(m) >= CURATED_KEYS
        assert m["origin"] == "events" and m["format"] == "summit" and m["status"] == "held"
        assert 0.75 <= m["confidence"] <= 1 and m["n_reports"] >= 1
        assert [set(p) for p in m["participants"]] == [{"leader_id", "name", "state"}] * 2
        assert all(s["url"].startswith("https://") for s in m["sources"])
        assert from_record(m, origin="events").participants == m["participants"]  # the reading accepts it
    first = rows[0]
    a, b = first["participants"][0]["state"], first["participants"][1]["state"]
    pair = event_meetings(store_copy, b, a, leaders=leaders)
    assert first in pair and all({p["state"] for p in m["participants"]} == {a, b} for m in pair)
    assert [m["start_date"] for m in rows] == sorted(m["start_date"] for m in rows)


def test_succession_applies_to_state_filters(store_copy: Path, leaders: reference.Leaders) -> None:
    rus = event_meetings(store_copy, "RUS", None, leaders=leaders)
    assert all("RUS" in {p["state"] for p in m["participants"]} for m in rus)


def _app() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(events_app, name="events")

    @app.command()
    def other() -> None:  # a second command so "events" stays a group
        pass

    return app


def test_cli_generate_ingest_meetings_validate(tmp_path: Path, fixture_db: Path) -> None:
    run = CliRunner().invoke
    app = _app()
    src, store = tmp_path / "src", tmp_path / "store"
    r = run(app, ["events", "generate", "--rows", "40000", "--out", str(src), "--meetings", "12", "--compress", "gz",
                  "--rows-per-file", "20000", "--seed", "4", "--db", str(fixture_db)])
    assert r.exit_code == 0, r.output
    files = sorted(str(p) for p in src.glob("*.gz"))
    assert len(files) == 2
    r = run(app, ["events", "ingest", *files, "--out", str(store), "--no-progress", "--db", str(fixture_db)])
    assert r.exit_code == 0, r.output
    assert "loaded 40,000" in r.output.replace("\n", " ")
    r = run(app, ["events", "meetings", "--store", str(store), "--db", str(fixture_db), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert len(rows) >= 11 and all(m["origin"] == "events" for m in rows)
    r = run(app, ["events", "meetings", "--between", "USA", "RUS", "--store", str(store), "--db", str(fixture_db),
                  "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.startswith("id,start_date")
    shutil.copy(src / "truth.json", store / "truth.json")
    r = run(app, ["events", "validate", "--store", str(store), "--db", str(fixture_db), "-f", "json", "--strict"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert res["mode"] == "planted" and res["recall"] >= 0.95 and res["precision"] >= 0.9
    r = run(app, ["events", "rejects", "--store", str(store)])
    assert r.exit_code == 0


def test_cli_errors_are_one_line(tmp_path: Path, fixture_db: Path) -> None:
    r = CliRunner().invoke(_app(), ["events", "meetings", "--store", str(tmp_path), "--db", str(fixture_db)])
    assert r.exit_code == 1 and "not an events store" in r.output
    r = CliRunner().invoke(_app(), ["events", "meetings", "--between", "XXX", "RUS", "--store", str(tmp_path),
                                    "--db", str(fixture_db)])
    assert r.exit_code == 1


def test_validate_against_curated_meetings(tmp_path: Path, fixture_db: Path, leaders: reference.Leaders) -> None:
    """Real-data mode: recall of curated U.S.–Russian meetings in the period the files cover."""
    import datetime as dt

    import duckdb

    from summitry.events.validate import validate_curated

    from ._helpers import consult, write_store

    con = duckdb.connect(str(fixture_db), read_only=True)
    curated = con.execute("SELECT id, start_date FROM meetings WHERE status = 'held' AND start_date >= "
                          "'2009-01-01' ORDER BY start_date").fetchall()
    assert curated
    mid, day = curated[-1]
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=day, place=("Anchorage, Alaska, United States", "US"))
            for _ in range(6)]
    rows.append(consult("X", "USA", "Y", "RUS", day=day - dt.timedelta(days=30)))  # widens the period a little
    write_store(tmp_path, rows)
    res = validate_curated(tmp_path, con, leaders=leaders)
    con.close()
    in_period = [m for m, d in curated if day - dt.timedelta(days=30) <= d <= day]
    assert res["curated"] == len(in_period)
    found = {x["curated"] for x in res["matches"]}
    if "trump" in mid or day.year in (2017, 2018, 2019, 2025):
        assert mid in found
