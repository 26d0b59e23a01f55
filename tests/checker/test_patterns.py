"""Generalisations about the pattern of meetings (issue 11, item 3): the count from the record,
the counterexamples and a verdict by the stated rule, never a bare yes."""

from __future__ import annotations

import pytest

from summitry.checker import check_text
from summitry.checker.record import Record


def _pattern(text: str, record: Record):
    res = check_text(text, record=record, content_type="text", article_date="2026-01-01")
    (c,) = [c for c in res.claims if c.setting.get("pattern")]  # pattern results say which pattern
    return c


@pytest.mark.parametrize(("text", "verdict"), [
    # 9 of the 14 presidents from Truman on met a Soviet or Russian leader within a year
    ("New presidents used to meet their Soviet counterpart early in their terms.", "mostly_supported"),
    ("New presidents always met their Russian counterpart within their first year.", "contradicted"),
    ("Incoming presidents usually held a summit with their Soviet counterpart within their first 100 days.",
     "contradicted"),
])
def test_an_early_first_meeting_pattern(real_record: Record, text: str, verdict: str) -> None:
    c = _pattern(text, real_record)
    assert c.verdict == verdict
    assert " of 14 presidents" in c.reason  # the count, always
    assert "Ronald Reagan (1764 days, 1985-11-geneva)" in c.reason  # and the counterexamples
    if verdict == "contradicted":
        assert c.correction.startswith("Only ")
    else:
        assert "2009-04-london" in c.evidence  # Obama, 71 days in


def test_a_pattern_result_renders(real_record: Record) -> None:
    from summitry.checker.render import render_html, render_text

    res = check_text("New presidents used to meet their Soviet counterpart early in their terms.",
                     record=real_record, content_type="text", article_date="2026-01-01")
    assert res.counts["mostly_supported"] == 1
    assert "mostly supported" in render_html(res)
    assert "mostly supported" in str(render_text(res).renderables[-1])


@pytest.mark.parametrize(("text", "verdict"), [
    # 5 of the 9 summits in the record's periods of tension or confrontation were in a third state
    ("Summits in periods of tension were held on neutral ground.", "contradicted"),
    ("Summits in periods of tension were always held in third countries.", "contradicted"),
])
def test_a_venue_pattern_by_climate(real_record: Record, text: str, verdict: str) -> None:
    c = _pattern(text, real_record)
    assert c.verdict == verdict
    assert "of 9 U.S.–Soviet/Russian summits in periods of tension or confrontation" in c.reason
    assert "2025-08-anchorage (Anchorage)" in c.reason  # a counterexample on one side's soil
    assert c.correction.startswith("Only ")


def test_the_share_sets_the_verdict() -> None:
    from summitry.checker.patterns import MOSTLY_SUPPORTED, SUPPORTED, _by_rule

    assert _by_rule(0.95, True, "usually ") == SUPPORTED
    assert _by_rule(0.7, True, "") == MOSTLY_SUPPORTED
    assert _by_rule(0.5, True, "") == "contradicted"
    assert _by_rule(0.95, True, "always ") == "contradicted"  # "always" admits no exception
    assert _by_rule(1.0, False, "always ") == SUPPORTED
