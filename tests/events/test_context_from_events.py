"""Event-derived meetings join the database at build (origin events), and the reading works
for a pair only event data covers (China–Russia) from those rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from summitry import query
from summitry.analysis.context import context_report, history
from summitry.builder import build
from summitry.errors import NotFound
from tests.conftest import FIXTURE_CURATED
from tests.events._helpers import consult, write_store


def _china_russia_store(tmp_path: Path) -> Path:
    rows = []
    for day in (dt.date(2019, 6, 5), dt.date(2023, 3, 21)):
        for i in range(6):  # several reports of each meeting
            rows.append(consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=day, code="042",
                                place=("Moscow, Moskva, Russia", "RS"), SOURCEURL=f"https://example.org/{day}/{i}"))
    return write_store(tmp_path / "store", rows)


def test_context_for_an_event_derived_meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _china_russia_store(tmp_path)
    monkeypatch.setenv("SUMMITRY_EVENTS", str(tmp_path / "elsewhere"))  # the build reads the store it is given
    db = tmp_path / "with-events.duckdb"
    result = build(db, curated_root=FIXTURE_CURATED, official=None, events=store)
    con = duckdb.connect(str(db), read_only=True)
    found = query.meeting_rows(con, between=("CHN", "RUS"))
    assert [(m["origin"], m["start_date"]) for m in found] == [
        ("events", dt.date(2019, 6, 5)), ("events", dt.date(2023, 3, 21))]
    assert found[0]["n_reports"] == 6 and found[0]["n_stories"] == 6 and len(found[0]["event_ids"]) == 6
    assert query.meeting_rows(con) and all(m["origin"] == "curated" for m in query.meeting_rows(con))
    r = context_report(con, found[1]["id"])
    info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
    con.close()
    assert r["pair"] == ["CHN", "RUS"]
    assert r["meeting"]["origin"] == "events"
    assert r["venue"]["previous_same_setting"]["id"] == found[0]["id"]
    assert r["venue"]["setting"] == "hosted by RUS"
    assert info["derived events: written"] == "2" and result.counts


def test_without_an_events_store_the_pair_is_not_found(fixture_db: Path) -> None:
    """A database built without event data says how to add it, rather than "never met"."""
    con = duckdb.connect(str(fixture_db), read_only=True)
    assert query.meeting_rows(con, between=("CHN", "RUS")) == []
    with pytest.raises(NotFound, match="--events STORE"):
        history(con, "CHN", "RUS")
