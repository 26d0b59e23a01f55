"""Reference data and leader resolution: names, terms, ambiguous aliases, codes, calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summitry.builder.events import meetings_table
from summitry.schema import state_name
from summitry.sources.events import reference

from ._helpers import consult, write_store


def test_normalize_name_matches_gdelt_style() -> None:
    assert reference.normalize_name("Recep Tayyip Erdoğan") == "RECEP TAYYIP ERDOĞAN"
    assert reference.normalize_name(reference.strip_accents("Recep Tayyip Erdoğan")) == "RECEP TAYYIP ERDOGAN"
    assert reference.normalize_name("  Donald J. Trump ") == "DONALD J TRUMP"
    assert reference.normalize_name(None) == ""


def test_bundled_leaders_are_sourced_and_consistent() -> None:
    terms = reference.bundled_leaders()
    assert {t.state for t in terms} >= {"CHN", "IND", "TUR", "FRA", "DEU", "GBR", "JPN"}
    for t in terms:
        assert t.source_url and t.source_url.startswith("https://")
        assert state_name(t.state), t.state
        assert t.end_date is None or t.end_date >= t.start_date
        assert t.kind in ("head_of_state", "head_of_government", "party_leader")


def test_calendar_and_code_maps() -> None:
    cal = reference.calendar()
    assert any(e.name == "G20 summit, Hamburg 2017" and e.state == "DEU" for e in cal)
    for e in cal:
        assert e.source_url.startswith("https://") and e.start_date <= e.end_date and state_name(e.state)
    fips = reference.fips_to_iso3()
    assert (fips["RS"], fips["CH"], fips["GM"], fips["UK"], fips["SF"], fips["UP"]) == ("RUS", "CHN", "DEU", "GBR", "ZAF", "UKR")
    assert all(state_name(v) for v in fips.values())
    assert reference.cameo_to_iso3()["ROM"] == "ROU"


def test_curated_leaders_shadow_bundled_and_come_from_the_database(leaders: reference.Leaders) -> None:
    assert leaders.origin["putin-vladimir"] == "curated"
    assert leaders.origin["xi-jinping"] == "bundled"
    on = {t.leader_id for t in leaders.on(dt.date(2018, 7, 16))}
    assert {"trump-donald-j", "putin-vladimir", "xi-jinping", "merkel-angela"} <= on
    assert "obama-barack" not in on


def test_alias_table_merges_terms_and_flags_shared_aliases(leaders: reference.Leaders) -> None:
    rows = reference.alias_table(leaders).to_pylist()
    # Overlapping or adjacent terms become disjoint spans: one row per alias and date.
    spans: dict[tuple[str, str], list] = {}
    for r in rows:
        if not r["role"]:
            spans.setdefault((r["alias"], r["leader_id"]), []).append((r["start_date"], r["end_date"]))
    for s in spans.values():
        s.sort()
        assert all(a[1] < b[0] for a, b in zip(s, s[1:], strict=False))
    merged = reference.alias_table(reference.Leaders([
        reference.LeaderTerm("p", "P Q", "RUS", "PM", "head_of_government", dt.date(1999, 8, 16), dt.date(2000, 5, 7)),
        reference.LeaderTerm("p", "P Q", "RUS", "Acting", "head_of_state", dt.date(1999, 12, 31), dt.date(2000, 5, 7)),
        reference.LeaderTerm("p", "P Q", "RUS", "President", "head_of_state", dt.date(2000, 5, 7), None),
    ])).to_pylist()
    assert [(r["start_date"], r["end_date"]) for r in merged if not r["role"]] == [
        (dt.date(1999, 8, 16), reference.FAR_FUTURE)]
    abe = [r for r in rows if r["alias"] == "SHINZO ABE"]
    assert len(abe) == 2  # two separate premierships
    erdogan = {r["alias"] for r in rows if r["leader_id"] == "erdogan-recep-tayyip"}
    assert {"RECEP TAYYIP ERDOGAN", "RECEP TAYYIP ERDOĞAN", "ERDOGAN"} <= erdogan
    shared = [r for r in rows if r["alias"] == "XI"]
    assert shared and not shared[0]["ambiguous"]
    # a state's name stands for its leading office holder of the day, and always needs the country
    turkey = sorted((r["start_date"], r["leader_id"]) for r in rows if r["alias"] == "TURKEY")
    assert turkey and {lid for _, lid in turkey} == {"erdogan-recep-tayyip"}
    assert all(r["role"] and r["ambiguous"] for r in rows if r["alias"] in ("TURKEY", "PRESIDENT"))


def _meet(store: Path, leaders: reference.Leaders, *rows: dict) -> list[dict]:
    write_store(store, list(rows))
    return meetings_table(store, leaders=leaders).to_pylist()


def test_resolution_needs_both_leaders_in_office(tmp_path: Path, leaders: reference.Leaders) -> None:
    day_in, day_out = dt.date(2018, 7, 16), dt.date(2022, 7, 16)  # Trump out of office in 2022
    rows = [consult("DONALD J TRUMP", "USA", "VLADIMIR PUTIN", "RUS", day=d, place=("Helsinki, Finland", "FI"))
            for d in (day_in, day_out) for _ in range(5)]
    got = _meet(tmp_path, leaders, *rows)
    assert [(m["leader_a"], m["leader_b"], m["start_date"]) for m in got] == [
        ("putin-vladimir", "trump-donald-j", day_in)]


def test_non_leaders_and_untyped_actors_do_not_resolve(tmp_path: Path, leaders: reference.Leaders) -> None:
    d = dt.date(2019, 6, 28)
    rows = [consult("SERGEY LAVROV", "RUS", "XI JINPING", "CHN", day=d) for _ in range(6)]
    rows += [consult("RUSSIA", "RUS", "CHINA", "CHN", day=d) for _ in range(6)]  # two roles: no leader named
    rows += [consult("VLADIMIR PUTIN", "RUS", "XI JINPING", "CHN", day=d, Actor1Type1Code=None) for _ in range(6)]
    rows += [consult("VLADIMIR PUTIN", "RUS", "XI JINPING", "CHN", day=d, code="041") for _ in range(6)]  # phone
    rows += [consult("VLADIMIR PUTIN", "RUS", "DMITRY MEDVEDEV", "RUS", day=d) for _ in range(6)]  # same state
    assert _meet(tmp_path, leaders, *rows) == []


def test_ambiguous_alias_needs_the_actor_country(tmp_path: Path) -> None:
    lead = reference.Leaders([
        reference.LeaderTerm("a-one", "Alex One", "FRA", "President", "head_of_state", dt.date(2010, 1, 1), None, ("Alex",)),
        reference.LeaderTerm("a-two", "Alex Two", "DEU", "Chancellor", "head_of_government", dt.date(2010, 1, 1), None, ("Alex",)),
        reference.LeaderTerm("b-three", "Bo Three", "JPN", "Prime Minister", "head_of_government", dt.date(2010, 1, 1), None),
    ])
    d = dt.date(2019, 3, 1)
    rows = [consult("ALEX", "DEU", "BO THREE", "JPN", day=d) for _ in range(5)]
    rows += [consult("ALEX", "ITA", "BO THREE", "JPN", day=d + dt.timedelta(days=20)) for _ in range(5)]
    got = _meet(tmp_path, lead, *rows)
    assert [(m["leader_a"], m["leader_b"]) for m in got] == [("a-two", "b-three")]


@pytest.mark.parametrize("code,host", [("042", "CHN"), ("043", "RUS")])
def test_visit_codes_give_the_host_when_no_place_is_reported(tmp_path: Path, leaders: reference.Leaders,
                                                             code: str, host: str) -> None:
    d = dt.date(2019, 4, 26)
    # Actor 1 is Putin: 042 = Putin visits Xi (host CHN), 043 = Putin hosts Xi (host RUS).
    rows = [consult("VLADIMIR PUTIN", "RUS", "XI JINPING", "CHN", day=d, code=code) for _ in range(5)]
    (m,) = _meet(tmp_path, leaders, *rows)
    assert (m["mode"], m["host_state"], m["venue_state"]) == ("visit", host, host)


def test_gov_in_a_later_type_slot_counts(tmp_path: Path, leaders: reference.Leaders) -> None:
    """GDELT codes Abe as JPNELIGOV: ELI in the first type slot, GOV in the second."""
    d = dt.date(2019, 1, 22)
    rows = [consult("SHINZO ABE", "JPN", "VLADIMIR PUTIN", "RUS", day=d, place=("Moscow, Moskva, Russia", "RS"),
                    Actor1Code="JPNELIGOV", Actor1Type1Code="ELI", Actor1Type2Code="GOV") for _ in range(5)]
    (m,) = _meet(tmp_path, leaders, *rows)
    assert (m["leader_a"], m["leader_b"], m["venue_state"]) == ("abe-shinzo", "putin-vladimir", "RUS")
    third = [consult("SHINZO ABE", "JPN", "VLADIMIR PUTIN", "RUS", day=d, Actor1Type1Code="ELI", Actor1Type2Code="LEG",
                     Actor1Type3Code="GOV") for _ in range(5)]
    assert len(_meet(tmp_path / "third", leaders, *third)) == 1
    nowhere = [consult("SHINZO ABE", "JPN", "VLADIMIR PUTIN", "RUS", day=d, Actor1Type1Code="ELI") for _ in range(5)]
    assert _meet(tmp_path / "none", leaders, *nowhere) == []


def test_no_two_terms_of_one_office_overlap() -> None:
    """One holder of an office at a time: in the bundled table, a term of an office of a state
    ends (at the latest) on the day the next holder's begins."""
    terms = reference.bundled_leaders()
    by_office: dict[tuple[str, str], list] = {}
    for t in terms:
        by_office.setdefault((t.state, t.kind), []).append(t)
    overlaps = []
    for (state, kind), held in by_office.items():
        held.sort(key=lambda t: t.start_date)
        for a, b in zip(held, held[1:], strict=False):
            if a.leader_id != b.leader_id and (a.end_date is None or a.end_date > b.start_date):
                overlaps.append((state, kind, a.leader_id, str(a.end_date), b.leader_id, str(b.start_date)))
    assert overlaps == []


def test_a_side_coded_by_role_beside_a_named_leader_is_its_leader(tmp_path: Path, leaders: reference.Leaders) -> None:
    """Real coding names one leader and codes the other side as its country ("VLADIMIR PUTIN"
    meets "TURKEY", untyped) or its office ("PRESIDENT" of TUR): the state's leading office
    holder that day. A country name that is not a leader's state, or an office of a state without
    one in office, resolves to nobody."""
    d = dt.date(2019, 10, 22)
    sochi = ("Sochi, Krasnodar, Russia", "RS")
    bare = [consult("VLADIMIR PUTIN", "RUS", "TURKEY", "TUR", day=d, code="042", place=sochi, Actor2Code="TUR",
                    Actor2Type1Code=None) for _ in range(6)]
    (m,) = _meet(tmp_path / "bare", leaders, *bare)
    assert (m["leader_a"], m["leader_b"], m["city"]) == ("erdogan-recep-tayyip", "putin-vladimir", "Sochi")
    office = [consult("VLADIMIR PUTIN", "RUS", "PRESIDENT", "TUR", day=d, code="042", place=sochi) for _ in range(6)]
    (m,) = _meet(tmp_path / "office", leaders, *office)
    assert m["leader_a"] == "erdogan-recep-tayyip"
    before = [consult("SHINZO ABE", "JPN", "TURKEY", "TUR", day=dt.date(2007, 1, 10), code="042",
                      Actor2Code="TUR", Actor2Type1Code=None) for _ in range(6)]
    (m,) = _meet(tmp_path / "before", leaders, *before)  # in 2007 Turkey's leading office holder was PM Erdogan
    assert (m["leader_a"], m["leader_b"]) == ("abe-shinzo", "erdogan-recep-tayyip")
    turkmen = [consult("VLADIMIR PUTIN", "RUS", "TURKMENISTAN", "TKM", day=day, code="042", Actor2Code="TKM",
                       Actor2Type1Code=None) for day in (d, dt.date(2023, 6, 1)) for _ in range(6)]
    father, son = _meet(tmp_path / "turkmen", leaders, *turkmen)  # the presidency passed in March 2022
    assert (father["leader_a"], son["leader_a"]) == ("berdimuhamedov-gurbanguly", "berdimuhamedov-serdar")
    nobody = [consult("VLADIMIR PUTIN", "RUS", "MONGOLIA", "MNG", day=d, code="042", Actor2Code="MNG",
                      Actor2Type1Code=None) for _ in range(6)]
    assert _meet(tmp_path / "nobody", leaders, *nobody) == []  # Mongolia's leaders are not in the table
