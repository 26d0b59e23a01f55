"""The official record in the database: every record accounted for, reconciled, queryable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import summitry
from summitry.builder.official import reconcile
from summitry.interfaces.cli import app
from tests.conftest import FIXTURE_CURATED, need_shared

runner = CliRunner()


@pytest.fixture(scope="module")
def official_db(real_db: Path) -> Path:
    need_shared()
    return real_db


def test_every_official_record_is_accounted_for(official_db: Path) -> None:
    con = duckdb.connect(str(official_db), read_only=True)
    counts = dict(con.execute("SELECT kind, sum(read) FROM hsg_file_report GROUP BY kind").fetchall())
    loaded = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("hsg_president_trips", "hsg_secretary_trips", "hsg_visits")}
    rejected = con.execute("SELECT count(*) FROM hsg_rejects WHERE level = 'record'").fetchone()[0]
    con.close()
    assert counts["president_trip"] == 832 and counts["secretary_trip"] == 3439 and counts["visit"] == 3264
    assert sum(loaded.values()) + rejected == 832 + 3439 + 3264


def test_reconciliation_has_no_unexplained_mismatch(official_db: Path) -> None:
    con = duckdb.connect(str(official_db), read_only=True)
    r = reconcile(con)
    con.close()
    assert r.unexplained == []
    linked = {m["meeting_id"] for m in r.matches}
    for mid in ("1986-10-reykjavik", "1987-12-washington", "2001-11-crawford", "2010-06-washington",
                "2018-07-helsinki", "2021-06-geneva"):
        assert mid in linked
    reykjavik = next(m for m in r.matches if m["meeting_id"] == "1986-10-reykjavik")
    assert reykjavik["dates_agree"] is True  # the trip (9-12 Oct) covers the meeting days
    assert [m["meeting_id"] for m in r.curated_without_official] == ["2025-08-anchorage"]


def test_reconcile_cli(official_db: Path) -> None:
    res = runner.invoke(app, ["reconcile", "--format", "json", "--strict", "--db", str(official_db)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["unexplained"] == 0


def test_official_queries(official_db: Path) -> None:
    res = runner.invoke(app, ["visits", "--from", "TUR", "--format", "json", "--db", str(official_db)])
    visits = json.loads(res.stdout)
    assert visits and all(v["country_iso3"] == "TUR" for v in visits)
    res = runner.invoke(app, ["trips", "--president", "obama-barack", "--format", "json", "--db", str(official_db)])
    trips = json.loads(res.stdout)
    assert len(trips) > 40 and all(t["who"] == "obama-barack" for t in trips)
    res = runner.invoke(app, ["contacts", "--with", "TUR", "--format", "json", "--db", str(official_db)])
    assert any("Erdo" in (c["counterpart_name"] or "") for c in json.loads(res.stdout))


def test_context_for_a_pair_from_the_official_record(official_db: Path) -> None:
    r = summitry.context("hsg-visit-1678", db=official_db)  # Erdogan's January 2004 visit
    assert r["pair"] == ["USA", "TUR"]
    assert r["venue"]["setting"] == "hosted by USA"
    assert r["venue"]["previous_same_setting"]["id"] == "hsg-visit-1518"
    assert r["relations"]["period"] is not None


def test_damaged_official_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    src = need_shared()
    root = tmp_path / "hsg"
    shutil.copytree(src, root)
    visits = root / "visits" / "data" / "1990.xml"
    data = visits.read_bytes()
    visits.write_bytes(data[: len(data) // 2])  # truncated mid-file
    db = tmp_path / "s.duckdb"
    res = runner.invoke(app, ["build", "--db", str(db), "--official", str(root), "--report"])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    read, loaded, rejected = con.execute(
        "SELECT read, loaded, rejected FROM hsg_file_report WHERE source_file = 'visits/data/1990.xml'").fetchone()
    con.close()
    assert read == loaded + rejected and rejected >= 1 and loaded > 0
    strict = runner.invoke(app, ["build", "--db", str(db), "--official", str(root), "--strict"])
    assert strict.exit_code == 1


def test_missing_official_record_says_how_to_add_it(fixture_db: Path) -> None:
    res = runner.invoke(app, ["visits", "--from", "TUR", "--db", str(fixture_db)])
    assert res.exit_code == 1 and "summitry build --official" in res.output


def test_not_a_data_folder(tmp_path: Path) -> None:
    res = runner.invoke(app, ["build", "--db", str(tmp_path / "x.duckdb"), "--official", str(tmp_path)])
    assert res.exit_code == 1 and "not an Office of the Historian data folder" in res.output


def test_curated_fixture_with_official(tmp_path: Path) -> None:
    """Listed ids that the official record lacks are reconciliation errors, not silent."""
    src = need_shared()
    cur = tmp_path / "cur"
    shutil.copytree(FIXTURE_CURATED, cur)
    path = cur / "meetings" / "sample.yaml"
    path.write_text(path.read_text().replace("hsg-trip-2387", "hsg-trip-999999"))
    db = tmp_path / "x.duckdb"
    summitry.build(db, official=src, curated_root=cur)
    con = duckdb.connect(str(db), read_only=True)
    r = reconcile(con, notes={})
    con.close()
    assert any("hsg-trip-999999" in x["reason"] for x in r.unexplained)


def test_failed_download_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    url = (tmp_path / "no-such-mirror").as_uri()
    res = runner.invoke(app, ["build", "--db", str(tmp_path / "x.duckdb"), "--official", url])
    assert res.exit_code == 1 and "could not download the official record" in res.output
    assert "Traceback" not in res.output and not (tmp_path / "x.duckdb").exists()
