"""The gazetteer and its one-pass matcher."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.checker.gazetteer import Gazetteer, Mention, gazetteer_for, lower_same_length, prepare
from summitry.checker.record import Record


def found(gaz: Gazetteer, text: str, kind: str | None = None) -> list[tuple[str, object]]:
    return [(m.text, m.value) for m in gaz.scan(text) if kind is None or m.kind == kind]


def test_leaders_pairs_and_possessives(fixture_record: Record) -> None:
    gaz = gazetteer_for(fixture_record)
    got = found(gaz, "The Reagan-Gorbachev summit; Biden–Putin talks; Medvedev's visit; Presidents Trump and Putin.", "leader")
    assert got == [
        ("Reagan", ("reagan-ronald",)), ("Gorbachev", ("gorbachev-mikhail",)), ("Biden", ("biden-joseph-r",)),
        ("Putin", ("putin-vladimir",)), ("Medvedev", ("medvedev-dmitry",)), ("Trump", ("trump-donald-j",)),
        ("Putin", ("putin-vladimir",)),
    ]


def test_longest_match_and_case_rules(fixture_record: Record) -> None:
    gaz = gazetteer_for(fixture_record)
    assert found(gaz, "George W. Bush met them.", "leader") == [("George W. Bush", ("bush-george-w",))]
    assert found(gaz, "a trump card and a bush fire", "leader") == []  # surnames must be capitalised
    assert found(gaz, "Hillary Clinton and Laura Bush", "leader") == []  # someone else's surname
    assert found(gaz, "the Trump administration said", "leader") == []  # a modifier, not the person
    assert found(gaz, "TRUMP MEETS PUTIN", "leader") == [("TRUMP", ("trump-donald-j",)), ("PUTIN", ("putin-vladimir",))]


def test_places_at_every_level(fixture_record: Record) -> None:
    gaz = gazetteer_for(fixture_record)
    got = {m.text: (m.value.level, m.value.state) for m in gaz.scan(
        "Höfði House in Reykjavik, Iceland; the Icelandic capital; Anchorage, Alaska; Camp David; "
        "Geneva and the Swiss; Crawford, Texas; Vienna; Paris; the U.S. and the US, not us; the UK") if m.kind == "place"}
    assert got["Höfði House"] == ("site", "ISL")
    assert got["Reykjavik"] == ("city", "ISL")  # accents folded
    assert got["Iceland"] == ("country", "ISL")
    assert got["Icelandic"] == ("country", "ISL")
    assert got["Anchorage"] == ("city", "USA")
    assert got["Alaska"] == ("region", "USA")
    assert got["Camp David"] == ("site", "USA")
    assert got["Swiss"] == ("country", "CHE")
    assert got["Texas"] == ("region", "USA")
    assert got["Vienna"] == ("city", "AUT")
    assert got["Paris"] == ("city", "FRA")
    assert got["U.S."] == ("country", "USA")
    assert got["US"] == ("country", "USA")
    assert "us" not in got
    assert got["UK"] == ("country", "GBR")


def test_events_months_years(fixture_record: Record) -> None:
    gaz = gazetteer_for(fixture_record)
    assert found(gaz, "at the G20 and the G-8, the UN and APEC; un-like", "event") == [
        ("G20", "G20"), ("G-8", "G8"), ("UN", "UN"), ("APEC", "APEC")]
    kinds = [(m.kind, m.text) for m in gaz.scan("mid-2021, Aug. 8, in May 1990, you may go, the following year, 12345, the 1980s")]
    assert ("year", "2021") in kinds and ("month", "Aug.") in kinds and ("month", "May") in kinds
    assert ("rel", "the following year") in kinds and ("decade", "1980s") in kinds
    assert ("month", "may") not in kinds and not any(t == "2345" for _, t in kinds)


def test_scan_is_linear(fixture_record: Record) -> None:
    gaz = gazetteer_for(fixture_record)
    chunk = "Reagan and Gorbachev met in Reykjavík in 1986, not Helsinki; the U.S. said so. " * 10
    t = time.perf_counter()
    gaz.scan(chunk * 100)
    small = time.perf_counter() - t
    t = time.perf_counter()
    gaz.scan(chunk * 1000)
    big = time.perf_counter() - t
    assert big < small * 30 + 0.5  # ten times the text, not a hundred times the work


TEXTS = st.text(st.sampled_from(list("ReaganPutinBush GenvHlsk.-–'’\u200d\u200f\u202eИЖ中 \n19862021G20U.S.")), max_size=300)


@settings(max_examples=300, deadline=2000)
@given(st.one_of(TEXTS, st.text(max_size=300)))
def test_matcher_never_raises_and_spans_are_sane(fixture_record: Record, text: str) -> None:
    gaz = gazetteer_for(fixture_record)
    ms: list[Mention] = gaz.scan(text)
    last = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last
        assert text[m.start:m.end] == m.text
        last = m.end
    assert len(prepare(text)) == len(text) + 2


def test_prepare_is_the_word_character_rule_for_every_code_point() -> None:
    """`prepare` works through bytes for speed; it must equal the regex definition everywhere."""
    every = "".join(chr(i) for i in range(0x110000))
    assert prepare(every) == " " + re.sub(r"[\W_]", " ", lower_same_length(every)) + " "
