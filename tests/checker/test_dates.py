"""Time expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.checker import dates, reader
from summitry.checker.errors import CheckerInputError
from summitry.checker.gazetteer import gazetteer_for
from summitry.checker.record import Record

D = dt.date


def times(record: Record, text: str, article: dt.date | None = None) -> list[tuple[str, dt.date, dt.date]]:
    gaz = gazetteer_for(record)
    starts = [s for s, _ in reader.sentences(text)]
    return [(t.text, t.spec.start, t.spec.end) for t in dates.resolve(text, gaz.scan(text), starts, article)]


def test_years_months_ranges(fixture_record: Record) -> None:
    got = times(fixture_record, "In 1990. In mid-2021. November 2001. 11–12 October 1986. Aug. 8, 1991. The 1980s. 1994–95. "
                                "Early 1985. The summer of 1988. 12 May 2010.")
    assert got == [
        ("1990", D(1990, 1, 1), D(1990, 12, 31)),
        ("mid-2021", D(2021, 5, 1), D(2021, 8, 31)),
        ("November 2001", D(2001, 11, 1), D(2001, 11, 30)),
        ("11–12 October 1986", D(1986, 10, 11), D(1986, 10, 12)),
        ("Aug. 8, 1991", D(1991, 8, 8), D(1991, 8, 8)),
        ("1980s", D(1980, 1, 1), D(1989, 12, 31)),
        ("1994–95", D(1994, 1, 1), D(1995, 12, 31)),
        ("Early 1985", D(1985, 1, 1), D(1985, 4, 30)),
        ("The summer of 1988", D(1988, 6, 1), D(1988, 8, 31)),
        ("12 May 2010", D(2010, 5, 12), D(2010, 5, 12)),
    ]


def test_following_year_is_relative_to_the_last_year(fixture_record: Record) -> None:
    got = times(fixture_record, "They met in 2017. He did it again the following year. Two years later, nothing.")
    assert got[1] == ("the following year", D(2018, 1, 1), D(2018, 12, 31))
    assert got[2] == ("Two years later", D(2020, 1, 1), D(2020, 12, 31))


def test_relative_to_article_date(fixture_record: Record) -> None:
    thursday = D(2025, 8, 14)
    got = times(fixture_record, "The summit on Friday is near. They met last Friday. Last year was quiet. In July, he threatened.",
                thursday)
    assert got[0] == ("Friday", D(2025, 8, 15), D(2025, 8, 15))
    assert got[1] == ("last Friday", D(2025, 8, 8), D(2025, 8, 8))
    assert got[2] == ("Last year", D(2024, 1, 1), D(2024, 12, 31))
    assert got[3] == ("July", D(2025, 7, 1), D(2025, 7, 31))
    # past tense: the most recent Friday
    assert times(fixture_record, "They met on Friday.", D(2025, 8, 16))[0][1] == D(2025, 8, 15)
    # without an article date, weekdays and "last year" cannot be placed
    assert times(fixture_record, "The summit on Friday. Last year too.") == []


def test_dateline(fixture_record: Record) -> None:
    text = "# Title\n\nAugust 14, 2025\n\nThe summit on Friday."
    gaz = gazetteer_for(fixture_record)
    starts = [s for s, _ in reader.sentences(text)]
    assert dates.dateline(text, dates.resolve(text, gaz.scan(text), starts, None)) == D(2025, 8, 14)
    assert dates.dateline("Published 2024-03-01. Body.", []) == D(2024, 3, 1)
    assert dates.dateline("No date here.", []) is None


def test_parse_date() -> None:
    assert dates.parse_date("2025-08-14") == D(2025, 8, 14)
    with pytest.raises(CheckerInputError):
        dates.parse_date("14/08/2025")
