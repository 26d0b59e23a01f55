"""event_meetings: records shaped like curated meetings, marked as from event data; the CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summitry.analysis.context import from_record
from summitry.builder.events import event_meetings
from summitry.interfaces.events_cli import events_app
from summitry.sources.events import reference

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
    """Real-data mode: recall of curated U.S.–Russian meetings on the days the files cover."""
    import duckdb

    from summitry.analysis.validate_events import validate_curated

    from ._helpers import consult, write_store

    con = duckdb.connect(str(fixture_db), read_only=True)
    curated = con.execute("SELECT id, start_date FROM meetings WHERE status = 'held' AND start_date >= "
                          "'2009-01-01' ORDER BY start_date").fetchall()
    assert curated
    mid, day = curated[-1]
    stamp = int(day.strftime("%Y%m%d") + "120000")  # the files were written on the meeting's day
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=day, DATEADDED=stamp,
                    place=("Anchorage, Alaska, United States", "US")) for _ in range(6)]
    earlier = day - dt.timedelta(days=1)  # one file from its first to its last time stamp: two days
    rows.append(consult("X", "USA", "Y", "RUS", day=earlier, DATEADDED=int(earlier.strftime("%Y%m%d") + "120000")))
    write_store(tmp_path, rows)
    res = validate_curated(tmp_path, con, leaders=leaders)
    con.close()
    assert res["coverage"]["days"] == [earlier.isoformat(), day.isoformat()]
    in_period = [m for m, d in curated if earlier - dt.timedelta(days=1) <= d <= day]
    assert res["curated"] == len(in_period)
    found = {x["curated"] for x in res["matches"]}
    if "trump" in mid or day.year in (2017, 2018, 2019, 2025):
        assert mid in found


def test_validate_takes_coverage_from_the_files_time_stamps(tmp_path: Path, fixture_db: Path) -> None:
    """Five 15-minute slices whose events reach back years cover 75 minutes on two days, not
    six years: only curated meetings on those days (or the day before) are the reference."""
    import duckdb

    from summitry.analysis.validate_events import coverage, validate_curated
    from summitry.sources.events.ingest import ingest

    from ._helpers import consult, tsv_line

    files = []
    for i, stamp in enumerate(["20180716120000", "20180716121500", "20180716123000", "20180717090000",
                               "20180717091500"]):
        old_event = consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=dt.date(2012 + i, 1, 1),
                            DATEADDED=int(stamp))
        today = consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=dt.date(2018, 7, 16),
                        place=("Helsinki, Uusimaa, Finland", "FI"), DATEADDED=int(stamp))
        f = tmp_path / f"{stamp}.export.CSV"
        f.write_text("".join(tsv_line(r) + "\n" for r in [old_event, *[today] * 3]))
        files.append(f)
    store = tmp_path / "store"
    ingest(files, store, progress=False)
    covered = coverage(store)
    assert covered == {"files": 5, "hours": 1.25, "days": ["2018-07-16", "2018-07-17"]}
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        result = validate_curated(store, con)
    assert result["period"] == ["2018-07-15", "2018-07-17"]
    assert result["curated"] == 1 and result["recall"] == 1.0  # Helsinki 2018, not every meeting since 2012
