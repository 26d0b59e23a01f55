"""Extraction rules on the examples they were written for, with spans into the text."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from summitry.sources.official import extract_contacts, read_official
from summitry.sources.official.extract import CONTACT_COLUMNS, EVENT_COLUMNS, event_type, extract_text

from ._paths import MINI


def _pairs(text, **kw):
    contacts, events = extract_text(text, **kw)
    for c in contacts:
        assert text[c.start : c.end] == c.text
    for e in events:
        assert text[e.start : e.end] == e.name
    return [(c.office, c.name) for c in contacts], [(e.type, e.name) for e in events]


def test_brief_example_contacts_with_spans():
    text = "Met with President Gul and Prime Minister Erdogan."
    contacts, _ = extract_text(text, record_iso3="TUR")
    assert [(c.office, c.name, c.country_iso3, c.country_source) for c in contacts] == [
        ("President", "Gul", "TUR", "record"),
        ("Prime Minister", "Erdogan", "TUR", "record"),
    ]
    assert (contacts[0].start, contacts[0].end) == (9, 22)
    assert text[contacts[1].start : contacts[1].end] == "Prime Minister Erdogan"


def test_qualifiers_give_country_and_are_not_part_of_office():
    contacts, _ = extract_text(
        "Met with Russian Foreign Minister Lavrov, NATO Secretary General Jens Stoltenberg and "
        "Jordan\u2019s Deputy Prime Minister and Minister of Foreign Affairs Ayman Safadi.",
        record_iso3="BEL",
    )
    got = [(c.office, c.name, c.country_iso3, c.org) for c in contacts]
    assert got == [
        ("Foreign Minister", "Lavrov", "RUS", None),
        ("Secretary-General", "Jens Stoltenberg", None, "NATO"),
        ("Deputy Prime Minister and Minister of Foreign Affairs", "Ayman Safadi", "JOR", None),
    ]


def test_of_country_tail():
    contacts, _ = extract_text("Met with King Hussein of Jordan and President Assad of Syria.", record_iso3="GBR")
    assert [(c.name, c.country_iso3, c.country_source) for c in contacts] == [
        ("Hussein", "JOR", "of-phrase"),
        ("Assad", "SYR", "of-phrase"),
    ]


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Met with President Bush during a private visit.", date(1990, 1, 1)),
        ("Accompanied President Nixon April 3.", date(1972, 4, 1)),
        ("Met with President Clinton at the U.N. General Assembly.", date(1998, 9, 21)),
        ("Met with former President Carter.", date(2002, 5, 1)),
        ("Was joined by Secretary of Homeland Security John Kelly.", date(2017, 2, 22)),
        ("Attended the funeral of King Hussein.", date(1999, 2, 8)),
    ],
)
def test_no_counterpart(text, on):
    assert _pairs(text, on=on)[0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met with Queen Elizabeth II and Prime Minister Brown. Attended the G-20 Economic Summit Meeting.",
         [("economic_summit", "G-20 Economic Summit Meeting")]),
        ("Attended the NATO Summit Meeting.", [("nato", "NATO Summit Meeting")]),
        ("Attended APEC Leaders\u2019 Meeting.", [("apec", "APEC Leaders\u2019 Meeting")]),
        ("Attended Economic Summit Meeting.", [("economic_summit", "Economic Summit Meeting")]),
        ("Attended the Conference on Security and Cooperation in Europe.",
         [("conference", "Conference on Security and Cooperation in Europe")]),
        ("Met with President Bush at the U.N. General Assembly.", [("un_general_assembly", "U.N. General Assembly")]),
        ("Attended the Summit of the Americas in Miami, Florida.", [("summit", "Summit of the Americas")]),
        ("Summit meeting with Russian President Yeltsin.", [("summit", "Summit meeting")]),
        ("Attended the funeral of Prime Minister Rabin.", [("funeral", "funeral of Prime Minister Rabin")]),
        ("Addressed a Joint Session of Congress. Addressed U.S. Conference of Mayors.", []),
        ("Addressed the Northern Ireland Assembly.", []),
        ("Met with European Commission President Barroso.", []),
    ],
)
def test_events(text, expected):
    assert _pairs(text)[1] == expected


def test_event_type_names():
    assert event_type("G7 Foreign Ministers\u2019 Meeting") == "ministerial"
    assert event_type("Asia-Pacific Economic and Cooperation Summit") == "apec"
    assert event_type("OAS General Assembly") == "oas"
    assert event_type("Security Council Summit") == "un"


def test_empty_and_missing_text():
    assert extract_text(None) == ([], []) and extract_text("") == ([], [])
    assert extract_text(float("nan")) == ([], [])  # type: ignore[arg-type]


def test_extract_contacts_tables_on_fixture():
    rec = read_official(MINI)
    contacts, events = extract_contacts(rec)
    assert list(contacts.columns) == CONTACT_COLUMNS and list(events.columns) == EVENT_COLUMNS
    brown = contacts[contacts["counterpart_name"] == "Brown"].iloc[0]
    assert brown["record_kind"] == "president_trip" and brown["record_id"] == 2961
    assert brown["president_id"] == "obama-barack" and brown["traveller"] == "obama-barack"
    assert brown["country_iso3"] == "GBR" and bool(brown["is_leader"])
    g20 = events[events["record_id"] == 2961].iloc[0]
    assert g20["event_type"] == "economic_summit" and g20["date"] == pd.Timestamp("2009-03-31")
    visitors = contacts[contacts["source_field"] == "visitor"]
    barak = visitors[visitors["record_id"] == 1398].iloc[0]
    assert (barak["counterpart_office"], barak["counterpart_name"], barak["country_iso3"]) == (
        "Prime Minister", "Ehud Barak", "ISR")
    assert barak["text"] == "Prime Minister Ehud Barak"
    # the U.S. side of a visit is never a counterpart
    assert not contacts["counterpart_name"].isin(["Clinton", "Obama"]).any()
