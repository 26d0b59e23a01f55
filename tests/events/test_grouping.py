"""From reports to meetings: one candidate per meeting, dates, place vote, setting, confidence.

Each test runs on DuckDB and on Spark (the `engine` fixture)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summitry.builder.events import meetings_table
from summitry.sources.events import reference
from summitry.sources.events.pipeline import DEFAULT_PARAMS, Params

from ._helpers import consult, write_store

D = dt.date(2017, 7, 7)
HAMBURG = ("Hamburg, Germany", "GM")


def _meet(store: Path, leaders: reference.Leaders, rows: list[dict], params: Params = DEFAULT_PARAMS,
          engine: str = "duckdb") -> list[dict]:
    write_store(store, rows)
    return meetings_table(store, leaders=leaders, params=params, engine=engine).to_pylist()


def test_many_reports_with_slips_and_noise_make_one_meeting(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=D, place=HAMBURG) for _ in range(12)]
    rows += [consult("VLADIMIR PUTIN", "RUS", "TRUMP", "USA", day=D + dt.timedelta(days=1), place=HAMBURG)
             for _ in range(3)]  # reported next day, actors swapped, alias
    rows += [consult("TRUMP", "USA", "PUTIN", "RUS", day=D - dt.timedelta(days=1)) for _ in range(2)]  # no place
    rows += [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=D, place=("Moscow, Russia", "RS"))]  # wrong
    (m,) = _meet(tmp_path, leaders, rows, engine=engine)
    assert (m["leader_a"], m["leader_b"]) == ("putin-vladimir", "trump-donald-j")
    assert m["start_date"] == m["end_date"] == D  # slips carry less than half of the busiest day
    assert (m["venue_state"], m["city"]) == ("DEU", "Hamburg")
    assert (m["mode"], m["multilateral_event"], m["host_state"]) == ("multilateral", "G20 summit, Hamburg 2017", "DEU")
    assert m["n_reports"] == 18 and len(m["event_ids"]) == 18
    assert m["confidence"] > 0.99


def test_meetings_apart_in_time_stay_apart(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    later = D + dt.timedelta(days=10)
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=d, place=HAMBURG) for d in (D, later)
            for _ in range(6)]
    got = _meet(tmp_path, leaders, rows, engine=engine)
    assert [m["start_date"] for m in got] == [D, later]
    assert got[1]["mode"] == "third-party" and got[1]["host_state"] == "DEU"  # no summit on the later date


def test_two_day_meeting_spans_both_days(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    d = dt.date(2023, 3, 20)
    rows = [consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d + dt.timedelta(days=k),
                    place=("Moscow, Russia", "RS")) for k in (0, 1) for _ in range(6)]
    (m,) = _meet(tmp_path, leaders, rows, engine=engine)
    assert (m["start_date"], m["end_date"]) == (d, d + dt.timedelta(days=1))
    assert (m["mode"], m["host_state"], m["city"]) == ("visit", "RUS", "Moscow")


def test_third_party_by_place(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    d = dt.date(2018, 7, 16)
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=d, code="044",
                    place=("Helsinki, Finland", "FI")) for _ in range(5)]
    (m,) = _meet(tmp_path, leaders, rows, engine=engine)
    assert (m["mode"], m["host_state"], m["venue_state"], m["multilateral_event"]) == ("third-party", "FIN", "FIN", None)


def test_weak_evidence_is_not_a_meeting(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    d = dt.date(2019, 2, 1)
    # One report repeated widely, and three low-reach reports: rumours, not meetings.
    rows = [consult("NARENDRA MODI", "IND", "XI JINPING", "CHN", day=d, mentions=300, sources=80)]
    rows += [consult("SHINZO ABE", "JPN", "EMMANUEL MACRON", "FRA", day=d, mentions=2, sources=1) for _ in range(3)]
    assert _meet(tmp_path, leaders, rows, engine=engine) == []
    low = _meet(tmp_path / "low", leaders, rows, Params(min_confidence=0.0), engine)
    assert len(low) == 2 and all(m["confidence"] < Params().min_confidence for m in low)


def test_confidence_grows_with_reports(tmp_path: Path, leaders: reference.Leaders, engine: str) -> None:
    confs = []
    for n in (3, 5, 10):
        rows = [consult("NARENDRA MODI", "IND", "XI JINPING", "CHN", day=dt.date(2019, 10, 11)) for _ in range(n)]
        (m,) = _meet(tmp_path / str(n), leaders, rows, Params(min_confidence=0.0), engine)
        confs.append(m["confidence"])
    assert confs == sorted(confs) and confs[0] < confs[-1] <= 1.0


def test_evidence_counts_stories_not_events(tmp_path: Path, leaders: reference.Leaders) -> None:
    """GDELT codes one article as several events (A meets B, B meets A, a 042 and a 040): four
    stories coded twice each are four stories of evidence, and two stories coded four times
    each are too little for a meeting, however many events they make."""
    import math

    d = dt.date(2019, 6, 28)
    rows = []
    for i in range(4):
        url = f"https://example.org/story-{i}"
        rows += [consult("VLADIMIR PUTIN", "RUS", "XI JINPING", "CHN", day=d, SOURCEURL=url, place=("Osaka, Japan", "JA")),
                 consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d, SOURCEURL=url, place=("Osaka, Japan", "JA"))]
    write_store(tmp_path / "four", rows)
    (m,) = meetings_table(tmp_path / "four", leaders=leaders).to_pylist()
    assert (m["n_reports"], m["n_stories"]) == (8, 4)
    per_story = 10 + min(10, 5 * (2 - 1) + (5 - 1))  # one well-sourced event, in tenths (see pipeline.py)
    assert m["confidence"] == round(1 - math.exp(-4 * per_story / 30), 4)
    two = []
    for i in range(2):
        url = f"https://example.org/only-{i}"
        for code in ("040", "042"):
            two += [consult("VLADIMIR PUTIN", "RUS", "XI JINPING", "CHN", day=d, code=code, SOURCEURL=url),
                    consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d, code=code, SOURCEURL=url)]
    write_store(tmp_path / "two", two)
    assert meetings_table(tmp_path / "two", leaders=leaders).num_rows == 0


def test_the_venue_is_where_they_met_not_the_story_topic(tmp_path: Path, leaders: reference.Leaders) -> None:
    """GDELT geocodes the places a story mentions: a U.S. state or a sea can outnumber the city
    where the leaders met. City-level places count more, seas not at all, and a vote split
    three ways leaves the venue empty rather than wrong."""
    d = dt.date(2019, 10, 22)
    sochi = ("Sochi, Krasnodar, Russia", "RS")
    rows = [consult("VLADIMIR PUTIN", "RUS", "RECEP TAYYIP ERDOGAN", "TUR", day=d, place=sochi) for _ in range(2)]
    rows += [consult("VLADIMIR PUTIN", "RUS", "RECEP TAYYIP ERDOGAN", "TUR", day=d, place=("Utah, United States", "US"),
                     ActionGeo_Type=2) for _ in range(4)]  # a U.S. state, the topic of a TV recap
    rows += [consult("VLADIMIR PUTIN", "RUS", "RECEP TAYYIP ERDOGAN", "TUR", day=d,
                     place=("Black Sea, Oceans (general), Oceans", "TU"), ActionGeo_Type=1) for _ in range(4)]
    (m,) = _meet(tmp_path / "sochi", leaders, rows)
    assert (m["venue_state"], m["city"], m["host_state"]) == ("RUS", "Sochi", "RUS")
    split = [consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d, place=(name, code), ActionGeo_Type=1)
             for name, code in (("China", "CH"), ("Russia", "RS"), ("Kazakhstan", "KZ")) for _ in range(2)]
    (m,) = _meet(tmp_path / "split", leaders, split)
    assert m["venue_state"] is None and m["city"] is None  # three countries, none with half the vote
