"""The build: atomic, deterministic, and the first query builds a missing database."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import duckdb
import pytest

from summitry.builder import build
from summitry.schema import TABLES
from summitry.sources.curated import CurationError
from tests.conftest import FIXTURE_CURATED

build_module = importlib.import_module("summitry.builder")  # the module, not summitry.build()


def dump(path: Path) -> dict[str, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY ALL').fetchall() for n in names}
    finally:
        con.close()


def test_tables_match_schema(fixture_db: Path) -> None:
    con = duckdb.connect(str(fixture_db), read_only=True)
    for name, table in TABLES.items():
        if table.layer == "official":
            continue  # built only with the official record; see test_official_build.py
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [name]).fetchall()]
        assert cols == table.column_names, name
    con.close()


def test_every_column_is_described() -> None:
    for table in TABLES.values():
        assert table.description
        for col in table.columns:
            assert col.description, f"{table.name}.{col.name} has no description"


def test_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build(a, curated_root=FIXTURE_CURATED, official=None)
    build(b, curated_root=FIXTURE_CURATED, official=None)
    assert dump(a) == dump(b)


def test_failed_validation_keeps_last_good_database(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    build(db, curated_root=FIXTURE_CURATED, official=None)
    before = dump(db)
    broken = tmp_path / "curated"
    shutil.copytree(FIXTURE_CURATED, broken)
    (broken / "meetings" / "bad.yaml").write_text("- id: 1999-01-nowhere\n  status: held\n")
    with pytest.raises(CurationError):
        build(db, curated_root=broken, official=None)
    assert dump(db) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_crash_while_writing_keeps_last_good_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    build(db, curated_root=FIXTURE_CURATED, official=None)
    before = dump(db)
    calls = {"n": 0}
    real_write = build_module._write

    def failing_write(con, table, frame):  # fail on the fourth table, mid-build
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full (simulated)")
        real_write(con, table, frame)

    monkeypatch.setattr(build_module, "_write", failing_write)
    with pytest.raises(OSError, match="simulated"):
        build(db, curated_root=FIXTURE_CURATED, official=None)
    assert dump(db) == before
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_first_query_builds_missing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import summitry

    db = tmp_path / "new" / "fresh.duckdb"
    monkeypatch.setenv("SUMMITRY_OFFICIAL", "none")
    df = summitry.meetings(("USA", "RUS"), db=db)
    assert db.exists() and len(df) > 0
    assert "building the database" in capsys.readouterr().err


def test_database_of_another_version_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import summitry

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE build_info (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO build_info VALUES ('schema_version', '1')")
    con.close()
    monkeypatch.setenv("SUMMITRY_OFFICIAL", "none")
    assert len(summitry.meetings(("USA", "RUS"), db=db)) > 60
    assert "another version" in capsys.readouterr().err
