"""The official record in the explorer, when the database has it (built from ../shared)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from summitry.builder import build
from summitry.interfaces.web import create_app
from tests.conftest import FIXTURE_CURATED, need_shared
from tests.web.conftest import TestClient


@pytest.fixture(scope="module")
def official_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    official = need_shared()
    path = tmp_path_factory.mktemp("official") / "official.duckdb"
    build(path, curated_root=FIXTURE_CURATED, official=official)
    with TestClient(create_app(path, cache_dir=path.parent / "exports")) as client:
        yield client


def test_trips_and_visits_api(official_client) -> None:
    trips = official_client.get("/api/trips?limit=5").json()
    assert set(trips) == {"total", "limit", "offset", "trips"}
    assert trips["total"] == 832 and len(trips["trips"]) == 5
    assert {"id", "who", "start_date", "country_iso3"} <= set(trips["trips"][0])
    reagan = official_client.get("/api/trips?president=reagan-ronald&state=ISL").json()
    assert reagan["total"] >= 1 and all(t["who"] == "reagan-ronald" for t in reagan["trips"])
    visits = official_client.get("/api/visits?state=RUS&from=1987&to=1987").json()
    assert visits["total"] >= 1 and all(v["start_date"].startswith("1987") for v in visits["visits"])
    assert official_client.get("/api/trips?president=nobody-at-all").status_code == 422  # a filter naming nobody
    assert official_client.get("/api/info").json()["official_record"] == {"trips": True, "secretary-trips": True,
                                                                           "visits": True}
    secretary = official_client.get("/api/secretary-trips?secretary=rice-condoleezza&limit=3").json()
    assert secretary["total"] > 3 and {t["who"] for t in secretary["secretary-trips"]} == {"rice-condoleezza"}
    assert official_client.get("/api/secretary-trips?limit=1").json()["total"] == 3439


def test_official_pages(official_client) -> None:
    index = official_client.get("/official").text
    assert "832" in index and "/official/trips" in index
    # every collection the README describes, by the name the Office of the Historian gives it
    for name, path, total in (("Travels Abroad of the President", "/official/trips", "832"),
                              ("Travels Abroad of the Secretary of State", "/official/secretary-trips", "3,439"),
                              ("Visits by Foreign Leaders", "/official/visits", "3,264")):
        assert name in index and f'href="{path}"' in index and total in index
    secretary = official_client.get("/official/secretary-trips?president=rice-condoleezza").text
    assert "Secretary of State" in secretary and "Condoleezza Rice" in secretary
    page = official_client.get("/official/trips?president=reagan-ronald").text
    assert "per-year-spec" in page and "By country" in page and "Ronald Reagan" in page
    assert official_client.get("/official/visits?from=soon").status_code == 422


def test_official_counts_csv(official_client) -> None:
    rows = list(csv.DictReader(io.StringIO(official_client.get("/csv/official/trips").text)))
    assert sum(int(r["count"]) for r in rows) == 832
    assert [int(r["year"]) for r in rows] == sorted(int(r["year"]) for r in rows)
    by_country = list(csv.DictReader(io.StringIO(official_client.get("/csv/official/visits?by=country").text)))
    assert sum(int(r["count"]) for r in by_country) == 3264


def test_export_includes_the_official_tables(official_client, tmp_path: Path) -> None:
    descriptor = official_client.get("/downloads/datapackage.json").json()
    by_name = {r["name"]: r for r in descriptor["resources"]}
    assert by_name["hsg_visits"]["licenses"][0]["name"] == "CC0-1.0"
    assert by_name["meetings"]["licenses"][0]["name"] == "CC-BY-4.0"
    assert {lic["name"] for lic in descriptor["licenses"]} == {"CC-BY-4.0", "CC0-1.0"}


def test_context_api_for_an_official_record(official_client) -> None:
    res = official_client.get("/api/meetings/hsg-visit-1678/context")
    assert res.status_code == 200
    assert res.json()["pair"] == ["USA", "TUR"]
    assert official_client.get("/api/meetings/hsg-visit-999999999/context").status_code == 404


def test_timeline_and_meeting_page_for_a_pair_from_the_official_record(official_client) -> None:
    page = official_client.get("/", params={"a": "USA", "b": "TUR"})
    assert page.status_code == 200 and "hsg-visit-1678" in page.text
    card = official_client.get("/meetings/hsg-visit-1678")
    assert card.status_code == 200 and "Erdogan" in card.text
    assert official_client.get("/meetings/hsg-visit-999999999").status_code == 404
