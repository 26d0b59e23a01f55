"""Queries: succession, filters, JSON shape."""

from __future__ import annotations

from pathlib import Path

import pytest

import summitry
from summitry.errors import InvalidQuery, NotFound


def ids(df) -> list[str]:
    return list(df["id"])


def test_between_usa_rus_includes_soviet_meetings(fixture_db: Path) -> None:
    with_succession = ids(summitry.meetings(("USA", "RUS"), db=fixture_db))
    without = ids(summitry.meetings(("USA", "RUS"), succession=False, db=fixture_db))
    assert "1986-10-reykjavik" in with_succession
    assert "1986-10-reykjavik" not in without
    assert set(without) < set(with_succession)
    assert ids(summitry.meetings(("USA", "SUN"), db=fixture_db)) == ["1986-10-reykjavik", "1987-12-washington"]


def test_order_is_chronological(fixture_db: Path) -> None:
    df = summitry.meetings(db=fixture_db)
    assert list(df["start_date"]) == sorted(df["start_date"])


def test_filters(fixture_db: Path) -> None:
    assert ids(summitry.meetings(mode="multilateral", db=fixture_db)) == ["2017-07-hamburg"]
    assert ids(summitry.meetings(host="USA", start=2000, db=fixture_db)) == ["2010-06-washington", "2025-08-anchorage"]
    assert ids(summitry.meetings(status="cancelled", db=fixture_db)) == ["2013-09-moscow"]
    assert ids(summitry.meetings(start="2018", end="2021", db=fixture_db)) == ["2018-07-helsinki", "2021-06-geneva"]
    assert ids(summitry.meetings(leader="medvedev-dmitry", db=fixture_db)) == ["2010-06-washington"]
    assert ids(summitry.meetings(text="höfði", db=fixture_db)) == ["1986-10-reykjavik"]


def test_bad_arguments(fixture_db: Path) -> None:
    with pytest.raises(NotFound, match="unknown state code"):
        summitry.meetings(("USA", "XXX"), db=fixture_db)
    with pytest.raises(InvalidQuery):
        summitry.meetings(mode="summit", db=fixture_db)
    with pytest.raises(InvalidQuery):
        summitry.meetings(start="last year", db=fixture_db)
    with pytest.raises(NotFound):
        summitry.meeting("1986-10-helsinki", db=fixture_db)


def test_meeting_json_shape(fixture_db: Path) -> None:
    m = summitry.meeting("1986-10-reykjavik", db=fixture_db)
    for key in ("id", "start_date", "end_date", "participants", "city", "site", "venue_state", "mode",
                "host_state", "multilateral_event", "format", "status", "announced_date", "sources"):
        assert key in m
    assert m["start_date"] == "1986-10-11" and m["end_date"] == "1986-10-12"
    assert m["participants"][1] == {"leader_id": "gorbachev-mikhail", "name": "Mikhail Gorbachev",
                                    "state": "SUN", "office": "General Secretary", "office_kind": "party_leader"}
    assert m["sources"][0]["url"].startswith("https://history.state.gov/")


def test_arrow_output(fixture_db: Path) -> None:
    table = summitry.meetings(("USA", "RUS"), db=fixture_db, as_arrow=True)
    assert table.num_rows == 9 and "participants" in table.column_names


def test_leaders_with_terms(fixture_db: Path) -> None:
    df = summitry.leaders("RUS", db=fixture_db)
    assert set(df["leader_id"]) == {"gorbachev-mikhail", "putin-vladimir", "medvedev-dmitry"}
    trump = summitry.leaders("USA", db=fixture_db).set_index("leader_id").loc["trump-donald-j"]
    assert len(trump["terms"]) == 2
