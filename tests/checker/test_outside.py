"""Statements about leaders beyond the record are reported as outside it, never judged (issue 11,
item 4); for a U.S. president, the official record's meetings of that pair are pointers."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.builder import build
from summitry.checker import check_text
from summitry.checker.record import Record, get_record

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def official_record(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """The curated fixture with the small official fixture (Hu Jintao's April 2010 visit)."""
    path = tmp_path_factory.mktemp("outside") / "mini.duckdb"
    build(path, curated_root=REPO / "tests" / "fixtures" / "curated", official=REPO / "tests" / "fixtures" / "hsg" / "mini")
    return get_record(path)


def _claims(text: str, record: Record):
    return check_text(text, record=record, content_type="text").claims


def test_a_pair_beyond_the_record_is_reported_not_judged(real_record: Record) -> None:
    (c,) = _claims("Putin and Xi Jinping met in Moscow in March 2023.", real_record)
    assert c.verdict == "not_in_record" and c.evidence == [] and c.correction is None
    assert "outside the record" in c.reason and "RUS and CHN" in c.reason


def test_a_us_pair_points_to_the_official_record(official_record: Record) -> None:
    (c,) = _claims("Obama met Chinese President Hu Jintao in Washington in April 2010.", official_record)
    assert c.verdict == "not_in_record" and "not judged" in c.reason
    assert c.evidence == ["hsg-visit-2089"]
    assert c.sources and c.sources[0]["url"].startswith("https://history.state.gov/")
    (other_year,) = _claims("Obama met Chinese President Hu Jintao in Washington in 2014.", official_record)
    assert other_year.evidence == []


@pytest.mark.parametrize("text", [
    "Xi Jinping spoke in Beijing about trade.",  # one leader
    "Hu Jintao and Xi Jinping met in Beijing in 2012.",  # one state
    "Obama met Hu in Washington in April 2010.",  # a two-letter surname without its given name
    "Obama praised Hu Jintao in a speech in 2010.",  # no meeting word
])
def test_no_claim_without_two_states_and_a_meeting(official_record: Record, text: str) -> None:
    assert _claims(text, official_record) == []


def test_a_name_inside_a_record_claim_adds_nothing(real_record: Record) -> None:
    claims = _claims("Bush met Tony Blair and Putin at Camp David in September 2003.", real_record)
    assert [c.verdict for c in claims] == ["supported"]


def test_a_hungarian_given_name_is_no_surname() -> None:
    """English writes 'Viktor Orban', given name first, so 'Prime Minister Viktor Chernomyrdin'
    must not read as Orban; Chinese and Korean names keep the family name first."""
    from summitry.checker.outside import surname_of

    assert surname_of("Viktor Orban", "HUN") == "Orban"
    assert surname_of("Wen Jiabao", "CHN") is None  # family name first, and too short to stand alone


@pytest.mark.parametrize("text", [
    "In February, Vice President Biden met with Deputy Prime Minister Sergei Ivanov at the Munich conference.",
    "Vice President Al Gore and Prime Minister Viktor Chernomyrdin met in Moscow in 1995.",
    "Secretary of State Rubio met Foreign Minister Lavrov in Riyadh.",
])
def test_a_meeting_of_officials_is_no_leaders_meeting(real_record: Record, text: str) -> None:
    (c,) = _claims(text, real_record)
    assert c.verdict == "not_in_record" and "no leaders' meeting" in c.reason and c.evidence == []


def test_a_leader_named_by_a_former_office_is_still_judged(real_record: Record) -> None:
    """'Vice President Biden met Putin in Moscow in March 2011' is a claim of the record's
    leaders (Biden was not president then), not a second, officials' one."""
    claims = _claims("Vice President Biden met Putin in Moscow in March 2011.", real_record)
    assert len(claims) == 1 and "officials" not in claims[0].reason and "no leaders' meeting" not in claims[0].reason
