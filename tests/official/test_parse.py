"""Parser on hand-made broken fixtures: every record is loaded or rejected with reason and location."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from summitry.sources.official import read_official
from summitry.sources.official.parse import Reason, norm_text, parse_file, president_on

from ._paths import MINI


@pytest.fixture(scope="module")
def mini():
    return read_official(MINI)


def _rej(mini, file: str) -> pd.DataFrame:
    return mini.rejects[mini.rejects["source_file"] == file]


def test_counts_balance_per_file(mini):
    fr = mini.file_report
    assert (fr["read"] == fr["loaded"] + fr["rejected"]).all()
    got = {r.source_file: (r.read, r.loaded, r.rejected) for r in fr.itertuples()}
    assert got == {
        "travels/president-travels/bush-george-w.xml": (3, 1, 2),
        "travels/president-travels/obama-barack.xml": (3, 3, 0),
        "travels/secretary-travels/clinton-hillary-rodham.xml": (3, 2, 1),
        "travels/secretary-travels/rice-condoleezza.xml": (3, 1, 2),
        "visits/data/2000.xml": (4, 2, 2),
        "visits/data/2010.xml": (2, 1, 1),
        "visits/data/2020.xml": (0, 0, 0),
        "travels/presidents/presidents.xml": (5, 5, 0),
    }
    assert len(mini.president_trips) == 4 and len(mini.secretary_trips) == 3 and len(mini.visits) == 3


def test_well_formed_file_loads_everything(mini):
    df = mini.president_trips[mini.president_trips["source_file"].str.endswith("obama-barack.xml")]
    assert list(df["id"]) == [2960, 2961, 2962]
    row = df[df["id"] == 2961].iloc[0]
    # multi-line remark collapsed into one line
    assert row["remarks"] == "Met with Queen Elizabeth II and Prime Minister Brown. Attended the G-20 Economic Summit Meeting."
    assert row["country_id"] == "united-kingdom" and row["country_label"] == "United Kingdom"
    assert row["country_iso3"] == "GBR" and row["locale"] == "London"
    assert row["start_date"] == pd.Timestamp("2009-03-31") and row["end_date"] == pd.Timestamp("2009-04-03")
    assert row["who"] == "obama-barack" and row["role"] == "president" and row["president_id"] == "obama-barack"
    assert row["created_by"] == "wicentowskijc" and row["line"] == 17 and row["position"] == 2


@pytest.mark.parametrize(
    ("file", "record_id", "position", "line", "reason"),
    [
        ("travels/president-travels/bush-george-w.xml", "2401", 2, 18, Reason.UNPARSEABLE_DATE),
        ("travels/president-travels/bush-george-w.xml", "2402", 3, 33, Reason.END_BEFORE_START),
        ("travels/secretary-travels/rice-condoleezza.xml", "1447", 3, 31, Reason.UNKNOWN_COUNTRY),
        ("travels/secretary-travels/rice-condoleezza.xml", "1446", 2, 17, Reason.DUPLICATE_ID),
        ("travels/secretary-travels/clinton-hillary-rodham.xml", "2988", 3, 31, Reason.TRUNCATED),
        ("visits/data/2000.xml", None, 3, 29, Reason.MISSING_ID),
        ("visits/data/2000.xml", "1401", 4, 40, Reason.MISSING_DATE),
        ("visits/data/2010.xml", "2552", 2, 15, Reason.NON_UTF8),
    ],
)
def test_rejects_by_reason_and_location(mini, file, record_id, position, line, reason):
    rows = _rej(mini, file)
    hit = rows[(rows["reason"] == reason) & (rows["position"] == position)]
    assert len(hit) == 1, rows[["position", "reason"]]
    r = hit.iloc[0]
    assert r["line"] == line and r["level"] == "record"
    assert (r["record_id"] if pd.notna(r["record_id"]) else None) == record_id
    assert isinstance(r["raw"], str) and r["raw"].lstrip().startswith("<")


def test_duplicate_names_first_location(mini):
    r = _rej(mini, "travels/secretary-travels/rice-condoleezza.xml")
    detail = r[r["reason"] == Reason.DUPLICATE_ID]["detail"].iloc[0]
    assert "clinton-hillary-rodham.xml" in detail
    # the first occurrence stays loaded
    assert (mini.secretary_trips["id"] == 1446).sum() == 1


def test_truncated_file_reports_parse_error_and_keeps_complete_records(mini):
    fr = mini.file_report.set_index("source_file").loc["travels/secretary-travels/clinton-hillary-rodham.xml"]
    assert not fr["well_formed"] and fr["parse_error"]
    assert sorted(mini.secretary_trips.query("source_file.str.contains('clinton')", engine="python")["id"]) == [1446, 3000]


def test_non_utf8_record_rejected_neighbour_loaded(mini):
    fr = mini.file_report.set_index("source_file").loc["visits/data/2010.xml"]
    assert not fr["utf8_ok"]
    raw = _rej(mini, "visits/data/2010.xml")["raw"].iloc[0]
    assert "\\xe9" in raw  # bad byte shown, not silently replaced
    assert list(mini.visits[mini.visits["source_file"] == "visits/data/2010.xml"]["id"]) == [2089]


def test_nothing_readable_gives_file_level_reject(mini):
    r = _rej(mini, "visits/data/2020.xml")
    assert list(r["reason"]) == [Reason.FILE_UNREADABLE] and list(r["level"]) == ["file"]
    assert pd.isna(r["position"].iloc[0])


def test_visit_columns_and_president_on(mini):
    v = mini.visits.set_index("id")
    assert v.loc[1398, "visitor_office"] == "Prime Minister" and v.loc[1398, "visitor_name"] == "Ehud Barak"
    assert v.loc[1398, "visitor_count"] == 1 and v.loc[1398, "from_id"] == "israel"
    assert v.loc[1398, "president_id"] == "clinton-william-j"
    assert v.loc[2089, "president_id"] == "obama-barack" and v.loc[2089, "president_name"] == "Barack Obama"
    assert "peace negotiations" in v.loc[1398, "description"] and "\n" not in v.loc[1398, "description"]


def test_president_on_terms_are_half_open(mini):
    assert mini.president_on(date(2009, 1, 19)) == "bush-george-w"
    assert mini.president_on(date(2009, 1, 20)) == "obama-barack"  # inauguration day: the new president
    assert mini.president_on(pd.Timestamp("1990-06-01")) == "bush-george-h-w"
    assert mini.president_on(date(1970, 1, 1)) is None  # not in the trimmed fixture
    assert president_on(date(1995, 5, 5), mini.presidents) == "clinton-william-j"
    assert mini.president_on(None) is None


def test_norm_text_decodes_entities_and_collapses_space():
    assert norm_text("  Muscat &amp; Oman\n\t x ") == "Muscat & Oman x"
    assert norm_text("Caf\u0065\u0301 \u00a0 bar") == "Caf\u00e9 bar"
    assert norm_text(" \n ") is None


def _one_trip(extra: str = "", start: str = "1985-11-19", end: str = "1985-11-21", cid: str = "russia") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n'
        '    <trip role="secretary" who="x">\n        <id>7</id>\n'
        f"        <start-date>{start}</start-date>\n        <end-date>{end}</end-date>\n"
        f'        <country id="{cid}">Russia</country>\n'
        f"        <remarks>Met with General Secretary Gorbachev &amp; Foreign Minister Shevardnadze.{extra}</remarks>\n"
        "    </trip>\n</trips>\n"
    ).encode()


def test_parse_file_dates_map_historical_codes():
    res = parse_file(_one_trip(), "t.xml", "secretary_trip")
    assert res.read == 1 and res.records[0]["country_iso3"] == "SUN"
    res = parse_file(_one_trip(start="1995-01-01", end="1995-01-02"), "t.xml", "secretary_trip")
    assert res.records[0]["country_iso3"] == "RUS"
    assert "&" in res.records[0]["remarks"] and "&amp;" not in res.records[0]["remarks"]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"start": ""}, Reason.MISSING_DATE),
        ({"end": "1985-02-30"}, Reason.UNPARSEABLE_DATE),
        ({"cid": ""}, Reason.MISSING_COUNTRY),
        ({"extra": "<b>unclosed"}, Reason.MALFORMED_XML),
    ],
)
def test_parse_file_single_record_reasons(kwargs, reason):
    res = parse_file(_one_trip(**kwargs), "t.xml", "secretary_trip")
    assert res.read == 1 and not res.records
    assert [r["reason"] for r in res.rejects if r["level"] == "record"] == [reason]


def test_fields_first_child_wins_comments_and_mixed_content():
    """A repeated field keeps its first value (as ElementPath's find did); comments and nested
    markup inside a field do not hide its text."""
    xml = (b"<trips><trip who='x' role='president'><!-- note --><id>7</id><name>A</name>"
           b"<start-date>2001-01-02</start-date><end-date>2001-01-03</end-date>"
           b"<country id='france'>France</country><locale>Paris</locale>"
           b"<remarks>Met <i>President</i>  Chirac&amp;eacute;.</remarks><remarks>second</remarks></trip></trips>")
    res = parse_file(xml, "travels/president-travels/x.xml", "president_trip")
    assert res.read == 1 and not res.rejects
    rec = res.records[0]
    assert rec["id"] == 7 and rec["remarks"] == "Met President Chirac\u00e9."
