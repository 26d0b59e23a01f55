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
    monkeypatch.setenv("SUMMITRY_DB", str(fixture_db))
    from summitry.events.store import event_meetings

    found = event_meetings(store, "CHN", "RUS", db=fixture_db)
    assert len(found) == 2 and all(m["origin"] == "events" for m in found)
    con = duckdb.connect(str(fixture_db), read_only=True)
    r = context_report(con, found[1]["id"])
    con.close()
    assert r["pair"] == ["CHN", "RUS"]
    assert r["meeting"]["origin"] == "events"
    assert r["venue"]["previous_same_setting"]["id"] == found[0]["id"]
    assert r["venue"]["setting"] == "hosted by RUS"
