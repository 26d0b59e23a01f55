"""ICEWS files (Dataverse events.YYYY.tab) are detected by their header and read into the
POLECAT shape (issue 14): before, their "Event ID" header made them POLECAT, which they lack
the columns of, and the batch stopped."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from summitry.builder.events import event_meetings
from summitry.sources.events.ingest import detect_format, icews_to_polecat, ingest
from summitry.sources.events.reference import load_leaders

HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
          "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
          "Province\tCountry\tLatitude\tLongitude")


def _row(eid: int, date: str, code: str, story: int, city: str = "Osaka", country: str = "Japan") -> str:
    return "\t".join([str(eid), date, "Vladimir Putin", "Executive,Government", "Russian Federation", "Consult", code,
                      "1.0", "Donald Trump", "Executive,Government", "United States", str(story), "1",
                      "Agence France-Presse", city, "", city, country, "34.69", "135.50"])


def _icews(path: Path) -> Path:
    rows = [_row(1000 + i, "2019-06-28", "042" if i % 2 else "040", 500 + i) for i in range(6)]
    rows.append(_row(2000, "2019-06-28", "041", 600))  # a phone call: no meeting
    rows.append(_row(2001, "28/06/2019", "040", 601))  # a bad date: rejected with its reason
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_header_tells_icews_from_polecat() -> None:
    assert detect_format(HEADER.encode()) == "icews"
    assert detect_format(b"Event ID\tEvent Date\tEvent Type\tEvent Mode\tActor Name") == "polecat"


def test_an_icews_file_is_read_and_its_meeting_found(tmp_path: Path) -> None:
    src = _icews(tmp_path / "events.2019.tab")
    (tmp_path / "broken.export.CSV").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    store = tmp_path / "store"
    ingest([tmp_path / "broken.export.CSV", src], store, progress=False)
    files = json.loads((store / "manifest.json").read_text())["files"]
    rep = next(f for f in files.values() if f["source_file"] == "events.2019.tab")
    assert (rep["read"], rep["loaded"], rep["rejected"], rep["status"]) == (8, 7, 1, "done")
    assert rep["reasons"] == {"bad date": 1} and "ICEWS layout" in rep["note"]
    part = pq.read_table(store / rep["part"])
    assert set(part.column("Actor Country").to_pylist()) == {"RUS"}
    assert set(part.column("Event Mode").to_pylist()) == {"", "visit", "phone"}
    (m,) = event_meetings(store, "USA", "RUS", leaders=load_leaders(None))
    assert (m["start_date"], m["city"], m["venue_state"]) == ("2019-06-28", "Osaka", "JPN")
    assert m["n_stories"] == 6  # one story id each; the phone call is not among them


def test_country_names_map_to_codes_and_unknown_ones_stay_empty(tmp_path: Path) -> None:
    import pyarrow as pa

    from summitry.sources.events.gdelt import ICEWS_SCHEMA

    names = ["Russian Federation", "South Korea", "Atlantis"]
    table = pa.Table.from_pylist([{f.name: None for f in ICEWS_SCHEMA} | {"Event ID": str(i), "Source Country": n,
                                                                           "CAMEO Code": "43"}
                                  for i, n in enumerate(names)], schema=ICEWS_SCHEMA)
    out = icews_to_polecat(table)
    assert out.column("Actor Country").to_pylist() == ["RUS", "KOR", None]
    assert set(out.column("Event Mode").to_pylist()) == {"host"}  # "43" is CAMEO 043
