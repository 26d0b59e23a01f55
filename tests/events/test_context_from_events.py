"""The reading works for a pair only event data covers (China–Russia), marked as such."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from summitry.analysis.context import context_report
from tests.events._helpers import consult, write_store


def test_context_for_an_event_derived_meeting(tmp_path: Path, fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = []
    for day, place in ((dt.date(2019, 6, 5), ("Moscow, Moskva, Russia", "RS")),
                       (dt.date(2023, 3, 21), ("Moscow, Moskva, Russia", "RS"))):
        for i in range(6):  # several reports of each meeting
            rows.append(consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=day, code="042", place=place,
                                SOURCEURL=f"https://example.org/{day}/{i}"))
    store = write_store(tmp_path / "store", rows)
    monkeypatch.setenv("SUMMITRY_EVENTS", str(store))
    elsewhere = tmp_path / "default.duckdb"  # the reading must use the database it reads, not the default
    monkeypatch.setenv("SUMMITRY_DB", str(elsewhere))
    from summitry.events.store import event_meetings

    con = duckdb.connect(str(fixture_db), read_only=True)
    found = event_meetings(store, "CHN", "RUS", con=con)
    assert len(found) == 2 and all(m["origin"] == "events" for m in found)
    r = context_report(con, found[1]["id"])
    con.close()
    assert not elsewhere.exists()
    assert r["pair"] == ["CHN", "RUS"]
    assert r["meeting"]["origin"] == "events"
    assert r["venue"]["previous_same_setting"]["id"] == found[0]["id"]
    assert r["venue"]["setting"] == "hosted by RUS"
