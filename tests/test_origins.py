"""The one meetings table: curated, official-derived and event-derived rows, and the written
rule (`summitry.builder.origins.ORIGIN_RULE`) that decides which origin stands for a pair and date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from summitry import query
from summitry.builder import build
from summitry.builder.origins import ORIGIN_RULE
from summitry.interfaces.cli import app
from tests.conftest import FIXTURE_CURATED
from tests.events._helpers import consult, write_store

MINI_OFFICIAL = Path(__file__).parent / "fixtures" / "hsg" / "mini"
runner = CliRunner()


def _reports(a: tuple[str, str], b: tuple[str, str], day: dt.date, place: tuple[str, str]) -> list[dict]:
    return [consult(a[0], a[1], b[0], b[1], day=day, code="042", place=place, SOURCEURL=f"https://example.org/{day}/{i}")
            for i in range(6)]


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curated fixture, the small official fixture and three event-derived candidates: one
    only event data has (Xi–Putin), one the official record has (Hu Jintao's 2010 visit), one of
    the curated pair (Helsinki 2018)."""
    tmp = tmp_path_factory.mktemp("origins")
    rows = (_reports(("XI JINPING", "CHN"), ("VLADIMIR PUTIN", "RUS"), dt.date(2019, 6, 5), ("Moscow, Moskva, Russia", "RS"))
            + _reports(("BARACK OBAMA", "USA"), ("HU JINTAO", "CHN"), dt.date(2010, 4, 12),
                       ("Washington, District of Columbia, United States", "US"))
            + _reports(("TRUMP", "USA"), ("PUTIN", "RUS"), dt.date(2018, 7, 16),
                       ("Helsinki, Southern Finland, Finland", "FI")))
    store = write_store(tmp / "store", rows)
    db = tmp / "mixed.duckdb"
    build(db, curated_root=FIXTURE_CURATED, official=MINI_OFFICIAL, events=store)
    return db


def _info(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT key, value FROM build_info WHERE key LIKE 'derived %'").fetchall())


def test_each_pair_and_date_has_one_origin(mixed_db: Path) -> None:
    con = duckdb.connect(str(mixed_db), read_only=True)
    chn_rus = query.meeting_rows(con, between=("CHN", "RUS"))
    usa_chn = query.meeting_rows(con, between=("USA", "CHN"))
    usa_rus = query.meeting_rows(con, between=("USA", "RUS"))
    info = _info(con)
    con.close()
    assert [(m["origin"], m["start_date"]) for m in chn_rus] == [("events", dt.date(2019, 6, 5))]
    # the official record wins over event data for the same pair and days
    assert [(m["id"], m["origin"], m["official_record_ids"]) for m in usa_chn] == [
        ("hsg-visit-2089", "official", ["hsg-visit-2089"])]
    # the curated pair takes nothing from the other origins
    assert {m["origin"] for m in usa_rus} == {"curated"}
    assert info == {
        "derived events: pair covered by the curated record": "1",
        "derived events: same pair and days in the official record": "1",
        "derived events: written": "1",
        "derived official: trip: no foreign state": "0",
        "derived official: visit: no foreign state": "0",
        "derived official: written": "7",
    }


def test_derived_rows_carry_their_evidence(mixed_db: Path) -> None:
    con = duckdb.connect(str(mixed_db), read_only=True)
    rows = query.meeting_rows(con, origin="all")
    con.close()
    assert len({m["id"] for m in rows}) == len(rows)
    for m in rows:
        assert m["sources"], m["id"]
        if m["origin"] == "official":
            assert m["official_record_ids"] and m["event_ids"] is None
        if m["origin"] == "events":
            assert len(m["event_ids"]) == 6 and m["n_reports"] == 6 and m["n_stories"] == 6
            assert 0 < m["confidence"] <= 1
            assert {p["state"] for p in m["participants"]} == {"CHN", "RUS"}


def test_unfiltered_lists_are_the_curated_record(mixed_db: Path) -> None:
    con = duckdb.connect(str(mixed_db), read_only=True)
    assert {m["origin"] for m in query.meeting_rows(con)} == {"curated"}
    assert {m["origin"] for m in query.meeting_rows(con, origin="official")} == {"official"}
    with pytest.raises(query.InvalidQuery, match="unknown origin"):
        query.meeting_rows(con, origin="rumour")
    con.close()


def test_cli_lists_a_pair_from_events_with_its_origin(mixed_db: Path) -> None:
    res = runner.invoke(app, ["meetings", "--between", "CHN", "RUS", "--format", "json", "--db", str(mixed_db)])
    assert res.exit_code == 0, res.output
    (m,) = json.loads(res.stdout)
    assert m["origin"] == "events" and m["id"].startswith("ev-2019-06-05-moscow")
    table = runner.invoke(app, ["meetings", "--between", "CHN", "RUS", "--db", str(mixed_db)])
    assert "1 meetings (1 events)" in table.stdout
    ctx = runner.invoke(app, ["context", m["id"], "--format", "json", "--db", str(mixed_db)])
    assert ctx.exit_code == 0, ctx.output
    assert json.loads(ctx.stdout)["meeting"]["origin"] == "events"


def test_build_rejects_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    res = runner.invoke(app, ["build", "--db", str(tmp_path / "x.duckdb"), "--official", "none",
                              "--events", str(tmp_path)])
    assert res.exit_code == 1 and "is not an events store" in res.output


def test_the_rule_is_written_where_users_read_it() -> None:
    docs = (Path(__file__).parents[1] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert ORIGIN_RULE.splitlines()[0] in docs


def test_official_rows_on_the_real_record(real_db: Path) -> None:
    """On the full official record: every derived row is written or superseded (counted), the
    curated pair takes none, and a 1943 conference does not reappear as a U.S.–U.K. trip."""
    from tests.conftest import need_shared

    need_shared()
    con = duckdb.connect(str(real_db), read_only=True)
    (visits,) = con.execute("SELECT count(*) FROM hsg_visits WHERE country_iso3 <> 'USA'").fetchone()
    (trip_states,) = con.execute("""SELECT count(*) FROM (
        SELECT id, country_iso3 FROM hsg_president_trips WHERE country_iso3 <> 'USA'
        UNION SELECT record_id, country_iso3 FROM hsg_contacts WHERE record_kind = 'president_trip' AND is_leader
          AND country_iso3 <> 'USA')""").fetchone()
    info = _info(con)
    written = query.meeting_rows(con, origin="official")
    usa_gbr = {m["id"] for m in query.meeting_rows(con, between=("USA", "GBR"))}
    usa_tur = query.meeting_rows(con, between=("USA", "TUR"))
    con.close()
    official = {k: int(v) for k, v in info.items() if k.startswith("derived official:") and "no foreign" not in k}
    assert sum(official.values()) == visits + trip_states and int(info["derived official: written"]) == len(written)
    assert official["derived official: pair covered by the curated record"] > 50
    assert "1943-11-tehran" in usa_gbr and not any(i.startswith("hsg-trip-2722") for i in usa_gbr)
    assert len(usa_tur) > 20 and {m["origin"] for m in usa_tur} == {"official"}
    assert any(m["id"] == "hsg-visit-3312" for m in usa_tur)  # Erdoğan, July 2024


def test_api_lists_and_filters_by_origin(mixed_db: Path, tmp_path: Path) -> None:
    from summitry.interfaces.web import create_app
    from tests.web.conftest import TestClient

    with TestClient(create_app(mixed_db, cache_dir=tmp_path / "exports")) as client:
        pair = client.get("/api/meetings", params={"between": "CHN,RUS"}).json()
        default = client.get("/api/meetings").json()
        official = client.get("/api/meetings", params={"origin": "official"}).json()
        bad = client.get("/api/meetings", params={"origin": "rumour"})
        one = client.get(f"/api/meetings/{pair['meetings'][0]['id']}").json()
        page = client.get(f"/meetings/{pair['meetings'][0]['id']}")
    assert [m["origin"] for m in pair["meetings"]] == ["events"]
    assert {m["origin"] for m in default["meetings"]} == {"curated"}
    assert official["total"] == 7 and {m["origin"] for m in official["meetings"]} == {"official"}
    assert bad.status_code == 422
    assert one["origin"] == "events" and one["n_reports"] == 6
    assert page.status_code == 200 and "Moscow" in page.text


def test_python_api_takes_the_store_and_the_origin(tmp_path: Path) -> None:
    import summitry

    store = write_store(tmp_path / "store", _reports(("XI JINPING", "CHN"), ("VLADIMIR PUTIN", "RUS"),
                                                    dt.date(2019, 6, 5), ("Moscow, Moskva, Russia", "RS")))
    db = tmp_path / "api.duckdb"
    summitry.build(db, official=False, curated_root=FIXTURE_CURATED, events=store)
    df = summitry.meetings(("CHN", "RUS"), db=db)
    assert list(df["origin"]) == ["events"]
    assert set(summitry.meetings(db=db, origin="all")["origin"]) == {"curated", "events"}


def test_the_configured_store_joins_unless_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_store(tmp_path / "store", _reports(("XI JINPING", "CHN"), ("VLADIMIR PUTIN", "RUS"),
                                                    dt.date(2019, 6, 5), ("Moscow, Moskva, Russia", "RS")))
    monkeypatch.setenv("SUMMITRY_EVENTS", str(store))
    db = tmp_path / "cli.duckdb"
    for events, expected in ((None, 1), ("none", 0)):
        args = ["build", "--db", str(db), "--official", "none"] + (["--events", events] if events else [])
        assert runner.invoke(app, args).exit_code == 0
        con = duckdb.connect(str(db), read_only=True)
        assert len(query.meeting_rows(con, between=("CHN", "RUS"))) == expected
        con.close()
