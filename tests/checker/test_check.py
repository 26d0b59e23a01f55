"""Claims and verdicts against the small fixture record, and the JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.checker import check_file, check_text
from summitry.checker.errors import InputTooLarge, NotText
from summitry.checker.record import Record


def verdicts(record: Record, text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    return [(c.quote, c.verdict, c.correction) for c in check_text(text, record=record, **kw).claims]


def test_wrong_city_is_contradicted_with_a_correction(fixture_record: Record) -> None:
    got = verdicts(fixture_record, "This was true of the 1986 Reagan-Gorbachev Helsinki summit.")
    assert got == [("1986 Reagan-Gorbachev Helsinki summit", "contradicted",
                     "The 1986 Reagan–Gorbachev summit was in Reykjavík, Iceland, 11–12 October 1986, not Helsinki.")]


def test_true_statements_are_supported(fixture_record: Record) -> None:
    text = ("George W. Bush and Putin met for the first time in Slovenia. Biden and Putin met in Geneva in mid-2021. "
            "Trump and Putin had their first official meeting during the 2017 G20 in Hamburg. "
            "Medvedev's 2010 visit to Washington mattered.")
    got = verdicts(fixture_record, text)
    assert [v for _, v, _ in got] == ["supported"] * 4


def test_wrong_year_wrong_host_and_false_first(fixture_record: Record) -> None:
    got = verdicts(fixture_record, "Biden and Putin met in Geneva in 2022. In July 2018, Trump hosted Putin in Helsinki. "
                                   "Reagan and Gorbachev met for the first time in Washington.")
    assert [v for _, v, _ in got] == ["contradicted"] * 3
    assert got[0][2] == "The Biden–Putin summit in Geneva was 16 June 2021, not 2022."
    assert "hosted by Finland" in got[1][2]
    assert got[2][2].startswith("The first Reagan–Gorbachev meeting was in Reykjavík")


def test_unknown_is_not_in_the_record(fixture_record: Record) -> None:
    got = verdicts(fixture_record, "Reagan and Gorbachev met in 1984. Obama visited Vladivostok in 2012.")
    assert [v for _, v, _ in got] == ["not_in_record", "not_in_record"]


def test_no_claims_from_hypotheticals_and_negations(fixture_record: Record) -> None:
    text = ("The idea of Trump hosting Putin was unthinkable. Biden never met Putin in Moscow. "
            "If Trump meets Putin in Alaska in 2025, it will matter? By inviting Putin to the U.S., Trump made a point.")
    assert verdicts(fixture_record, text) == []


def test_last_on_us_soil_superlative(fixture_record: Record) -> None:
    text = "August 14, 2025\n\nMedvedev's 2010 visit to Washington. The 2010 meeting was the last event, outside multilateral events, to take place on U.S. soil."
    got = verdicts(fixture_record, text)
    assert got[-1][1] == "supported"
    wrong = text.replace("The 2010 meeting", "The 2008 meeting")
    got = verdicts(fixture_record, wrong)
    assert got[-1][1] == "contradicted"
    assert "24 June 2010" in got[-1][2]


def test_friday_relative_to_dateline(fixture_record: Record) -> None:
    text = "August 14, 2025\n\nThe Trump-Putin summit on Friday is close."
    res = check_text(text, record=fixture_record)
    assert res.article_date.isoformat() == "2025-08-14"
    assert [(c.verdict, c.evidence) for c in res.claims] == [("supported", ["2025-08-anchorage"])]
    res = check_text("The Trump-Putin summit on Friday.", record=fixture_record, article_date="2018-07-12")
    assert res.claims[0].verdict == "not_in_record"


def test_json_shape_and_spans_point_into_the_original(fixture_record: Record) -> None:
    text = "<p>In 1986, <b>Reagan</b> and Gorbachev met in <i>Helsinki</i>.</p><script>alert(1)</script>"
    res = check_text(text, record=fixture_record)
    data = json.loads(res.to_json())
    assert set(data) >= {"claims", "counts"}
    assert data["counts"] == {"supported": 0, "mostly_supported": 0, "contradicted": 1, "not_in_record": 0}
    (claim,) = data["claims"]
    assert set(claim) >= {"span", "quote", "participants", "place", "time", "setting", "verdict", "correction", "evidence"}
    a, b = claim["span"]
    assert text[a:b] == "1986, <b>Reagan</b> and Gorbachev met in <i>Helsinki"
    assert claim["participants"] == ["reagan-ronald", "gorbachev-mikhail"]
    assert claim["place"]["level"] == "city" and claim["place"]["state"] == "FIN"
    assert claim["time"]["start"] == "1986-01-01"
    assert claim["evidence"] == ["1986-10-reykjavik"]


def test_bush_is_resolved_by_date(fixture_record: Record) -> None:
    res = check_text("Bush and Putin met in Slovenia in 2001.", record=fixture_record)
    assert res.claims[0].participants == ["bush-george-w", "putin-vladimir"]


def test_empty_input_and_files(fixture_record: Record, tmp_path: Path) -> None:
    assert check_text("", record=fixture_record).claims == []
    big = tmp_path / "big.md"
    big.write_bytes(b"a" * (6 * 1024 * 1024))
    with pytest.raises(InputTooLarge):
        check_file(big, record=fixture_record)
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(NotText):
        check_file(binary, record=fixture_record)
    md = tmp_path / "a.md"
    md.write_text("Biden and Putin met in Geneva in 2021.", encoding="utf-8")
    assert check_file(md, record=fixture_record).counts["supported"] == 1


def test_repeated_text_is_linear(fixture_record: Record) -> None:
    import time

    para = ("Biden and Putin met in Geneva in mid-2021. Trump hosted Putin in Helsinki in 2018. "
            "The U.S. and Russia talked about many things, and then nothing happened for a long while. ") * 20
    t = time.perf_counter()
    check_text(para, record=fixture_record)
    one = time.perf_counter() - t
    t = time.perf_counter()
    res = check_text(para * 10, record=fixture_record)
    ten = time.perf_counter() - t
    assert len(res.claims) == 10 * 40
    assert ten < one * 25 + 0.5


WORDS = ["Reagan", "Gorbachev", "Bush", "Putin", "Trump", "Biden", "met", "hosted", "visited", "in", "at", "Geneva",
         "Helsinki", "Reykjavík", "Alaska", "U.S.", "Russian", "1986", "2021", "the following year", "mid-", "first",
         "last", "summit", "G20", "on Friday", "November", "and", "-", "–", "'s", ",", ";", ".", "?", " — ", "\n\n",
         "never", "they", "the two", "the 2010 meeting", "not", "without officials", "neutral ground", "\u200d", "中"]


@settings(max_examples=200, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join), st.sampled_from(["markdown", "text", "html"]),
       st.sampled_from([None, "2025-08-14"]))
def test_check_never_raises(fixture_record: Record, text: str, kind: str, date: str | None) -> None:
    res = check_text(text, record=fixture_record, content_type=kind, article_date=date)
    for c in res.claims:
        assert 0 <= c.span[0] <= c.span[1] <= len(text)
        assert c.verdict in ("supported", "contradicted", "not_in_record")
        assert (c.correction is not None) == (c.verdict == "contradicted")
    json.loads(res.to_json())
