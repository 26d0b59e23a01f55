"""Counts, ordinals and negatives about a pair's meetings (issue 11, item 3), on sentences of
our own, against the real curated record."""

from __future__ import annotations

import pytest

from summitry.checker import check_text
from summitry.checker.record import Record


def _counts(text: str, record: Record, article_date: str = "2025-09-01") -> list:
    """The count results of a text (they carry no place, time or setting of their own)."""
    res = check_text(text, record=record, content_type="text", article_date=article_date)
    return [c for c in res.claims if c.setting == {} and c.place is None and c.time is None]


@pytest.mark.parametrize(("text", "verdict"), [
    ("Reagan and Gorbachev held five summits.", "supported"),  # Geneva, Reykjavik, Washington, Moscow, New York
    ("Reagan and Gorbachev held seven summits.", "contradicted"),
    ("Trump and Putin met twice in 2017.", "supported"),  # Hamburg and Da Nang
    ("Bush and Putin met 40 times during their presidencies.", "contradicted"),
])
def test_a_count_against_the_record(real_record: Record, text: str, verdict: str) -> None:
    (c,) = _counts(text, real_record)
    assert c.verdict == verdict
    if verdict == "contradicted":
        assert "The record has" in c.correction and "not" in c.correction


def test_a_count_that_depends_on_what_counts_is_not_judged(real_record: Record) -> None:
    """Between the record's summits and all its meetings, or just above (a brief encounter the
    record may count differently), a count depends on the definition."""
    (c,) = _counts("Bush and Putin met 28 times during their presidencies.", real_record)
    assert c.verdict == "not_in_record" and "depends on what counts" in c.reason


def test_meetings_a_day_apart_count_as_one_summit(real_record: Record) -> None:
    """Washington and Crawford, 13-15 November 2001, are one summit: Moscow 2002 is the third."""
    (c,) = _counts("Their third summit took place in Moscow in May 2002, when Bush and Putin signed a treaty.",
                   real_record)
    assert c.verdict == "supported" and c.evidence == ["2002-05-moscow"]
    (c,) = _counts("Bush and Putin met in Moscow in May 2002, their fifth summit.", real_record)
    assert c.verdict == "contradicted" and "number 3" in c.correction


@pytest.mark.parametrize(("text", "article_date", "verdict"), [
    ("Trump and Putin have not met since 2019.", "2024-01-01", "supported"),
    ("Trump and Putin have not met since 2018.", "2024-01-01", "contradicted"),  # Osaka, June 2019
    ("Obama and Putin never met after 2016.", "2020-01-01", "supported"),
    ("Obama and Putin never met after 2014.", "2020-01-01", "contradicted"),
])
def test_a_negative_against_the_record(real_record: Record, text: str, article_date: str, verdict: str) -> None:
    (c,) = _counts(text, real_record, article_date)
    assert c.verdict == verdict
    if verdict == "contradicted":
        assert c.evidence and "They met after" in c.correction


def test_they_after_a_named_pair(real_record: Record) -> None:
    text = "Reagan and Gorbachev met in Geneva in November 1985. In all, they held five summits."
    (c,) = _counts(text, real_record)
    assert c.verdict == "supported" and c.participants == ["gorbachev-mikhail", "reagan-ronald"]
