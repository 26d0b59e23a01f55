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


SOCHI = ("Sochi, Krasnodar, Russia", "RS")


def _stories(day: dt.date, n: int, code: str, slug: str = "talks", place: tuple[str, str] = SOCHI,
             **kw: object) -> list[dict]:
    """`n` stories of Putin and Erdogan on `day`, each a URL of its own with `slug` in it."""
    return [consult("VLADIMIR PUTIN", "RUS", "RECEP TAYYIP ERDOGAN", "TUR", day=day, code=code, place=place,
                    SOURCEURL=f"https://example.org/{day}/{slug}-{day.day}-{code}-{i}", **kw) for i in range(n)]


def test_previews_and_retrospectives_do_not_date_a_meeting(tmp_path: Path, leaders: reference.Leaders,
                                                           engine: str) -> None:
    """GDELT dates a report by when it was written: stories announcing talks to come, or looking
    back at talks long past, say nothing about a meeting on their own day."""
    d = dt.date(2019, 10, 22)
    rows = _stories(d - dt.timedelta(days=5), 6, "040", "putin-to-meet-erdogan-in-sochi")  # announcement
    rows += _stories(d - dt.timedelta(days=1), 6, "046", "erdogan-ahead-of-sochi-talks")  # the eve
    rows += _stories(d, 6, "042", "erdogan-putin-hold-talks")
    rows += _stories(d + dt.timedelta(days=365), 6, "040", "one-year-anniversary-of-sochi-memorandum")
    (m,) = _meet(tmp_path, leaders, rows, engine=engine)
    assert m["start_date"] == m["end_date"] == d
    assert m["n_stories"] == 6 and m["n_reports"] == 12  # previews are counted as reports, not as evidence
    only_previews = _stories(d, 8, "040", "erdogan-will-meet-putin-next-week")
    assert _meet(tmp_path / "previews", leaders, only_previews, engine=engine) == []


def test_reports_of_the_visit_itself_date_the_meeting(tmp_path: Path, leaders: reference.Leaders) -> None:
    """Talk about talks (040) the day before a visit (042) does not stretch the visit back a day."""
    d = dt.date(2019, 10, 22)
    rows = _stories(d - dt.timedelta(days=1), 4, "040") + _stories(d, 5, "042")
    (m,) = _meet(tmp_path, leaders, rows)
    assert (m["start_date"], m["end_date"]) == (d, d)


def test_later_mentions_of_a_meeting_are_not_a_second_meeting(tmp_path: Path, leaders: reference.Leaders,
                                                              engine: str) -> None:
    """Stories that mention a summit days or weeks later (040/046, no visit) echo it; a visit
    made within the same weeks (042) is a meeting of its own."""
    d = dt.date(2019, 10, 22)
    rows = _stories(d, 12, "042") + _stories(d + dt.timedelta(days=10), 5, "040")
    rows += _stories(d + dt.timedelta(days=20), 5, "046")
    assert [m["start_date"] for m in _meet(tmp_path / "echo", leaders, rows, engine=engine)] == [d]
    visit = rows + _stories(d + dt.timedelta(days=25), 5, "043")
    got = _meet(tmp_path / "visit", leaders, visit, engine=engine)
    assert [m["start_date"] for m in got] == [d, d + dt.timedelta(days=25)]


def test_a_third_state_from_wide_geocodes_alone_is_no_venue(tmp_path: Path, leaders: reference.Leaders,
                                                             engine: str) -> None:
    """A story's topic geocoded as a U.S. state or a country in a third state, with no city-level
    report, leaves the venue empty; a leader's own state from a country geocode is kept."""
    d = dt.date(2019, 10, 22)
    utah = {"place": ("Utah, United States", "US"), "ActionGeo_Type": 2}
    (m,) = _meet(tmp_path / "utah", leaders, _stories(d, 6, "040", **utah), engine=engine)
    assert (m["venue_state"], m["city"], m["mode"], m["host_state"]) == (None, None, None, None)
    russia = {"place": ("Russia", "RS"), "ActionGeo_Type": 1}
    (m,) = _meet(tmp_path / "russia", leaders, _stories(d, 6, "040", **russia), engine=engine)
    assert (m["venue_state"], m["mode"], m["host_state"]) == ("RUS", "visit", "RUS")


def test_generated_previews_and_echoes_make_no_meetings(tmp_path: Path, leaders: reference.Leaders) -> None:
    """Stories written days before a planted meeting to announce it, and weeks after to mention
    it (the generator's `previews` and `echoes`), neither add meetings nor move the real ones."""
    import json

    import pyarrow.parquet as pq

    from summitry.analysis.validate_events import score
    from summitry.sources.events.generate import Noise, generate

    noise = Noise(previews=4.0, echoes=4.0, date_slip=0.0, late_mention=0.0, non_leader=0.0, actor_error=0.0,
                  false_trails=0.0, phone_calls=0.0)
    generate(40_000, tmp_path, seed=5, meetings=20, fmt="parquet", leaders=leaders, noise=noise)
    planted = json.loads((tmp_path / "truth.json").read_text())["meetings"]
    urls = [u for part in (tmp_path / "gdelt").glob("*.parquet")
            for u in pq.read_table(part, columns=["SOURCEURL"]).column(0).to_pylist()]
    assert any("leaders-to-meet-next-week" in u for u in urls) and any("talks-recalled" in u for u in urls)
    got = meetings_table(tmp_path, leaders=leaders).to_pylist()
    s = score(got, planted)
    assert s["precision"] == 1.0 and s["recall"] == 1.0, (s["false_positives"], s["missed"])
    starts = {(tuple(sorted(m["leaders"])), m["start_date"]) for m in planted}
    assert {(tuple(sorted((m["leader_a"], m["leader_b"]))), m["start_date"].isoformat()) for m in got} == starts
