"""The reading, on the small fixture record (the real record is tested in test_real_record.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from summitry.analysis import context as ctx
from summitry.analysis.context import gap
from summitry.analysis.report import render
from summitry.errors import InvalidQuery, NotFound
from summitry.interfaces.cli import app


@pytest.fixture
def con(fixture_db: Path):
    c = duckdb.connect(str(fixture_db), read_only=True)
    yield c
    c.close()


def test_gap_in_years_and_days() -> None:
    assert gap(dt.date(2010, 6, 24), dt.date(2025, 8, 15))["text"] == "15 years 52 days"
    assert gap(dt.date(2020, 2, 29), dt.date(2021, 3, 1))["text"] == "1 year 0 days"
    assert gap(dt.date(2021, 6, 16), dt.date(2021, 6, 17))["text"] == "0 years 1 day"


def test_anchorage_report(con) -> None:
    r = ctx.context_report(con, "2025-08-anchorage")
    assert set(r) >= {"meeting", "venue", "firsts_and_lasts", "term_timing", "preparation", "relations",
                      "format", "signals"}
    v = r["venue"]
    assert v["setting"] == "hosted by USA"
    assert v["previous_same_setting"]["id"] == "2010-06-washington"
    assert v["gap_since_previous_same_setting"]["text"] == "15 years 52 days"
    assert v["earlier_by_setting"] == {"hosted by USA": 2, "multilateral": 1, "third-party": 4}
    timing = {p["leader_id"]: p for p in r["term_timing"]["participants"]}
    assert timing["trump-donald-j"]["days_into_term"] == 207  # from 2025-01-20, the second term
    assert timing["putin-vladimir"]["days_into_term"] == (dt.date(2025, 8, 15) - dt.date(2012, 5, 7)).days
    prep = r["preparation"]
    assert (prep["lead_days"], prep["rank_shortest"], prep["compared_with"]) == (7, 1, 3)
    assert r["relations"]["period"]["id"] == "full-scale-war"
    warrant = [f for f in r["firsts_and_lasts"] if "arrest warrant" in f["fact"]]
    assert warrant and warrant[0]["first"] is True
    dims = [s["dimension"] for s in r["signals"]]
    assert {"venue", "term_timing", "preparation", "relations", "format"} <= set(dims)
    venue_sentence = next(s for s in r["signals"] if s["dimension"] == "venue")
    assert "2010-06-24" in venue_sentence["sentence"] and "2010-06-washington" in venue_sentence["evidence"]


def test_cancelled_meetings_are_not_precedents(con) -> None:
    r = ctx.context_report(con, "2018-07-helsinki")
    assert r["venue"]["earlier_total"] == 5  # 2013-09-moscow was cancelled
    assert "2013-09-moscow" not in json.dumps(r["venue"])


def test_unknown_announcement_is_said_not_guessed(con) -> None:
    r = ctx.context_report(con, "2001-06-kranj")
    assert r["preparation"]["known"] is False and r["preparation"]["lead_days"] is None
    sentence = next(s for s in r["signals"] if s["dimension"] == "preparation")["sentence"]
    assert "No announcement date" in sentence


def test_first_meetings_table(con) -> None:
    rows = {r["president_id"] + r["term_start"]: r for r in ctx.first_meetings(con)}
    assert rows["bush-george-w2001-01-20"]["days_into_term"] == 147
    assert rows["trump-donald-j2017-01-20"]["first_meeting"] == "2017-07-hamburg"
    assert rows["trump-donald-j2025-01-20"]["first_meeting"] == "2025-08-anchorage"
    assert rows["biden-joseph-r2021-01-20"]["setting"] == "third-party"


def test_hypothetical_meeting(con) -> None:
    m = ctx.hypothetical(con, participants=["trump-donald-j", "putin-vladimir"], date=dt.date(2025, 8, 15),
                         city="Anchorage", host="USA", announced=dt.date(2025, 8, 8), today=dt.date(2025, 9, 1))
    r = ctx.context_report(con, meeting=m)
    assert r["venue"]["previous_same_setting"]["id"] == "2010-06-washington"
    assert r["preparation"]["lead_days"] == 7


@pytest.mark.parametrize("kwargs, error", [
    ({"participants": ["trump-donald-j", "putin-vladimir"], "date": dt.date(2030, 1, 1)}, "in the future"),
    ({"participants": ["obama-barack", "putin-vladimir"], "date": dt.date(2020, 1, 1)}, "not in office"),
    ({"participants": ["nobody-x", "putin-vladimir"], "date": dt.date(2020, 1, 1)}, "no leader"),
    ({"participants": ["trump-donald-j", "putin-vladimir"], "date": dt.date(2025, 8, 1),
      "announced": dt.date(2025, 8, 2)}, "after the meeting"),
])
def test_hypothetical_bad_input(con, kwargs, error) -> None:
    with pytest.raises((InvalidQuery, NotFound), match=error):
        ctx.hypothetical(con, city="X", host="USA", today=dt.date(2025, 9, 1), **kwargs)


def test_unknown_meeting(con) -> None:
    with pytest.raises(NotFound):
        ctx.context_report(con, "1999-01-nowhere")


@pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
def test_renderings(con, fmt) -> None:
    out = render(ctx.context_report(con, "2021-06-geneva"), fmt)
    assert "Geneva" in out
    if fmt == "json":
        assert json.loads(out)["meeting"]["id"] == "2021-06-geneva"


def test_html_escapes() -> None:
    report = {"meeting": {"id": "x", "participants": [{"name": "<script>alert(1)</script>"}], "city": "<b>",
                          "start_date": "2020-01-01", "format": "summit", "status": "held", "sources": []},
              "venue": {"setting": "third-party"}, "signals": [], "term_timing": {}}
    html = render(report, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_cli_context_json_and_errors(fixture_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["context", "2018-07-helsinki", "--format", "json", "--db", str(fixture_db)])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["venue"]["setting"] == "third-party"
    res = runner.invoke(app, ["context", "nope-nope", "--db", str(fixture_db)])
    assert res.exit_code == 1 and "no meeting" in res.output
    res = runner.invoke(app, ["first-meetings", "--db", str(fixture_db), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)
    res = runner.invoke(app, ["precedents", "2025-08-anchorage", "--format", "json", "--db", str(fixture_db)])
    assert [m["id"] for m in json.loads(res.stdout)["same_setting"]] == ["1987-12-washington", "2010-06-washington"]


def test_presidential_terms_cut_at_inauguration_days() -> None:
    d = dt.date
    # FDR: four terms, the first from 4 March (before the Twentieth Amendment took effect)
    assert ctx.presidential_terms(d(1933, 3, 4), d(1945, 4, 12)) == [
        (d(1933, 3, 4), d(1937, 1, 19)), (d(1937, 1, 20), d(1941, 1, 19)),
        (d(1941, 1, 20), d(1945, 1, 19)), (d(1945, 1, 20), d(1945, 4, 12))]
    # Ford succeeded mid-term and was not re-elected: one span
    assert ctx.presidential_terms(d(1974, 8, 9), d(1977, 1, 20)) == [(d(1974, 8, 9), d(1977, 1, 20))]
    # Truman: the rest of FDR's term, then his own
    assert ctx.presidential_terms(d(1945, 4, 12), d(1953, 1, 20)) == [
        (d(1945, 4, 12), d(1949, 1, 19)), (d(1949, 1, 20), d(1953, 1, 20))]
    # an open presidency is cut only at days already past
    assert ctx.presidential_terms(d(2025, 1, 20), None) == [(d(2025, 1, 20), None)]


def test_majority_word() -> None:
    from summitry.analysis.signals import climate_signal, how_often

    assert how_often(11, 21) == "mostly" and how_often(10, 21) == "most often" and how_often(1, 2) == "most often"
    report = {"venue": {"setting": "multilateral", "climate_by_setting": {
        "multilateral": {"confrontation": 10, "thaw": 6, "cooperation": 5, "unknown": 3}}}}
    sentence = climate_signal(report)["sentence"]
    assert "most often fell in periods of confrontation (10 of 21)" in sentence and "mostly" not in sentence
    report["venue"]["climate_by_setting"]["multilateral"] = {"confrontation": 2, "thaw": 2}
    assert "equally often in periods of confrontation and of thaw (2 of 4 each)" in climate_signal(report)["sentence"]


def test_second_term_timing_is_named(con) -> None:
    timing = {p["leader_id"]: p for p in ctx.context_report(con, "2025-08-anchorage")["term_timing"]["participants"]}
    assert timing["trump-donald-j"]["term_number"] == 2
    sentence = next(s["sentence"] for s in ctx.context_report(con, "2025-08-anchorage")["signals"]
                    if s["dimension"] == "term_timing")
    assert "207 days into his second term, begun 2025-01-20" in sentence


def test_counts_say_their_scope(con) -> None:
    r = ctx.context_report(con, "2021-06-geneva")
    assert r["scope"]["counterpart"] == "any"
    venue = next(s["sentence"] for s in r["signals"] if s["dimension"] == "venue")
    assert "heads of government counted with heads of state" in venue
