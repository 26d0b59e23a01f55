"""The whole pinned data set: every record accounted for, rejects few and explained."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.sources.official import extract_contacts, read_official
from summitry.sources.official.parse import Reason

from ._paths import shared_root

EXPECTED = {"president_trip": 832, "secretary_trip": 3439, "visit": 3264}


@pytest.fixture(scope="module")
def official():
    return read_official(shared_root())


def test_every_record_accounted_for(official):
    counts = official.counts()
    for kind, n in EXPECTED.items():
        assert counts.loc[kind, "read"] == n
        assert counts.loc[kind, "loaded"] + counts.loc[kind, "rejected"] == n
    fr = official.file_report
    assert (fr["read"] == fr["loaded"] + fr["rejected"]).all()
    assert len(fr) == 21 + 34 + 16 + 1
    assert len(official.president_trips) + len(official.secretary_trips) + len(official.visits) + int(
        (official.rejects["level"] == "record").sum()
    ) - int((official.rejects["kind"] == "president").sum()) == sum(EXPECTED.values())


def test_rejects_few_and_explained(official):
    rej = official.rejects
    assert len(rej) <= 0.01 * sum(EXPECTED.values())
    reasons = {v for k, v in vars(Reason).items() if k.isupper()}
    assert rej["reason"].isin(reasons).all()
    assert rej["source_file"].notna().all() and rej["raw"].notna().all()


def test_presidents_and_terms(official):
    assert len(official.presidents) == 47
    assert official.president_on(date(1945, 4, 12)) == "truman-harry-s"
    assert official.president_on(date(1893, 3, 4)) == "cleveland-grover"
    assert official.president_on(date(2025, 6, 1)) == "trump-donald-j"
    assert official.visits["president_id"].notna().all()
    pt = official.president_trips
    # trips made as president-elect are the only ones where the traveller is not the sitting president
    other = pt[pt["who"] != pt["president_id"]]
    assert len(other) < 25


def test_country_codes_everywhere(official):
    for df in (official.president_trips, official.secretary_trips, official.visits):
        assert df["country_iso3"].str.fullmatch(r"[A-Z]{3}").all()
    v = official.visits
    assert set(v[(v["from_id"] == "russia") & (v["start_date"].dt.year < 1991)]["country_iso3"]) == {"SUN"}


def test_visitors_split(official):
    v = official.visits
    assert (v["visitor_name"].notna()).all()
    assert v["visitor_office"].notna().mean() > 0.99
    assert (v["visitor_count"] >= 1).all() and (v["visitor_count"] > 1).sum() >= 5


def test_extraction_runs_on_everything(official):
    contacts, events = extract_contacts(official)
    assert len(contacts) > 6000 and len(events) > 1500
    assert contacts["span_start"].notna().all() and (contacts["span_end"] > contacts["span_start"]).all()
    turkey = contacts[(contacts["country_iso3"] == "TUR") & contacts["is_leader"].astype(bool)]
    assert turkey["counterpart_name"].str.contains("Erdogan").any()
    assert {"nato", "economic_summit", "apec", "un_general_assembly", "summit", "conference"} <= set(events["event_type"])
