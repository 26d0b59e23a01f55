"""Readers: explicit schema, plain/.gz/.zip, bad rows counted with reasons, damaged archives,
resume without duplicates, POLECAT subset."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from summitry.sources.events.gdelt import GDELT_COLUMNS, GDELT_SCHEMA, POLECAT_COLUMNS
from summitry.sources.events.generate import generate
from summitry.sources.events.ingest import ingest, load_manifest, parts

from ._helpers import consult, gdelt_row, tsv_line


def test_schema_is_the_codebook_v2_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[5:15] == [
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code"]
    assert GDELT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_COLUMNS[35:43] == ["Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
                                    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
                                    "Actor1Geo_FeatureID"]
    assert GDELT_COLUMNS[51:59] == [c.replace("Actor1Geo", "ActionGeo") for c in GDELT_COLUMNS[35:43]]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    assert GDELT_SCHEMA.field("EventCode").type == pa.string()  # "042" keeps its zero
    assert GDELT_SCHEMA.field("SQLDATE").type == pa.date32()


@pytest.fixture(scope="module")
def small_tsv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tsv")
    generate(30_000, out, seed=3, meetings=5, rows_per_file=30_000)
    return next(out.glob("*.export.CSV"))


def _table(store: Path) -> pa.Table:
    return pa.concat_tables([pq.read_table(p) for p in parts(store, "gdelt")]).sort_by("GLOBALEVENTID")


def test_plain_gz_zip_load_the_same_rows(small_tsv: Path, tmp_path: Path) -> None:
    data = small_tsv.read_bytes()
    gz = tmp_path / (small_tsv.name + ".gz")
    gz.write_bytes(gzip.compress(data))
    zp = tmp_path / (small_tsv.name + ".zip")
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(small_tsv.name, data)
    tables = []
    for i, f in enumerate((small_tsv, gz, zp)):
        res = ingest([f], tmp_path / f"s{i}", progress=False)
        (rep,) = res.files
        assert (rep.read, rep.loaded, rep.rejected, rep.status) == (30_000, 30_000, 0, "done")
        tables.append(_table(tmp_path / f"s{i}"))
    assert tables[0].schema == GDELT_SCHEMA
    assert tables[0].equals(tables[1]) and tables[0].equals(tables[2])


def _bad_file(path: Path) -> dict[int, str]:
    """A file with good rows and one bad row of each kind; returns line -> reason."""
    good = [tsv_line(consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=dt.date(2019, 6, 5))) for _ in range(6)]
    short = "\t".join(good[0].split("\t")[:40])
    bad_date = good[0].replace("\t20190605\t", "\t20190231\t", 1)
    bad_num = good[0].split("\t")
    bad_num[31] = "many"  # NumMentions
    no_id = good[0].split("\t")
    no_id[0] = ""
    lines = [good[0], short, good[1], bad_date, good[2], "\t".join(bad_num), "", good[3], "\t".join(no_id), good[4]]
    body = "\n".join(lines).encode() + b"\n"
    utf8 = good[5].replace("XI JINPING", "XI JINP\udcffING").encode("utf-8", "surrogateescape")
    path.write_bytes(body + utf8 + b"\n")
    return {2: "wrong column count", 4: "bad date", 6: "bad number", 7: "empty line",
            9: "missing value", 11: "non-UTF-8 bytes"}


def test_bad_rows_counted_with_reasons_and_kept(tmp_path: Path) -> None:
    f = tmp_path / "bad.export.CSV"
    expected = _bad_file(f)
    res = ingest([f], tmp_path / "s", progress=False)
    (rep,) = res.files
    assert rep.read == 11 and rep.rejected == 6 and rep.loaded == 5
    assert rep.read == rep.loaded + rep.rejected
    assert rep.reasons == {"bad date": 1, "bad number": 1, "empty line": 1, "missing value": 1,
                           "non-UTF-8 bytes": 1, "wrong column count": 1}
    rejects = pq.read_table(tmp_path / "s" / rep.rejects_part).to_pylist()
    assert {r["line"]: r["reason"] for r in rejects} == expected
    by_line = {r["line"]: r for r in rejects}
    assert by_line[4]["detail"] == "bad date in SQLDATE"
    assert by_line[6]["detail"] == "bad number in NumMentions"
    assert by_line[2]["detail"] == "40 fields, expected 61"
    assert "\\xff" in by_line[11]["raw"]  # raw bytes kept, escaped
    assert len(_table(tmp_path / "s")) == 5


def test_bad_rows_in_the_fast_and_slow_paths_agree(tmp_path: Path) -> None:
    """A block with only a short row stays on the fast path; line numbers still exact."""
    rows = [tsv_line(gdelt_row()) for _ in range(3)]
    f = tmp_path / "a.CSV"
    f.write_text(rows[0] + "\n" + "x\ty\n" + rows[1] + "\n" + rows[2] + "\n")
    res = ingest([f], tmp_path / "s", progress=False, block_size=1 << 16)
    rej = pq.read_table(tmp_path / "s" / res.files[0].rejects_part).to_pylist()
    assert [(r["line"], r["reason"]) for r in rej] == [(2, "wrong column count")]


def test_truncated_gzip_keeps_rows_before_the_cut(small_tsv: Path, tmp_path: Path) -> None:
    data = gzip.compress(small_tsv.read_bytes())
    f = tmp_path / "cut.export.CSV.gz"
    f.write_bytes(data[: len(data) // 2])
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert rep.status == "truncated" and "ends early" in (rep.note or "")
    assert 5_000 < rep.loaded < 30_000
    assert rep.read == rep.loaded + rep.rejected
    assert rep.rejected <= 1 and set(rep.reasons) <= {"wrong column count"}


def test_zip_without_central_directory_is_read_from_its_local_header(small_tsv: Path, tmp_path: Path) -> None:
    zp = tmp_path / "whole.zip"
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(small_tsv.name, small_tsv.read_bytes())
    data = zp.read_bytes()
    f = tmp_path / "cut.export.CSV.zip"
    f.write_bytes(data[: int(len(data) * 0.6)])
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert rep.status == "truncated" and "local header" in (rep.note or "")
    assert 10_000 < rep.loaded < 30_000 and rep.read == rep.loaded + rep.rejected


def test_interrupted_ingest_resumes_without_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "in"
    generate(40_000, src, seed=5, meetings=5, rows_per_file=10_000)
    files = sorted(src.glob("*.export.CSV"))
    store = tmp_path / "store"
    # First run stops inside the second file (after the first file completed).
    ingest(files[:1], store, progress=False)
    with pytest.raises(KeyboardInterrupt):
        ingest(files, store, progress=False, stop_after=2_000, block_size=1 << 16)
    man = load_manifest(store)
    assert len(man["files"]) == 1  # only the completed file is recorded
    assert not list(store.glob("gdelt/.*.tmp"))
    res = ingest(files, store, progress=False)
    assert [f.skipped for f in res.files] == [True, False, False, False]
    table = _table(store)
    assert len(table) == 40_000
    assert len(set(table.column("GLOBALEVENTID").to_pylist())) == 40_000
    # A rerun reads nothing; the same bytes under another name are not loaded twice.
    again = ingest(files, store, progress=False)
    assert all(f.skipped for f in again.files)
    copy = tmp_path / "copy.export.CSV"
    copy.write_bytes(files[0].read_bytes())
    assert ingest([copy], store, progress=False).files[0].skipped
    assert len(_table(store)) == 40_000


def test_a_new_version_of_a_file_replaces_the_old_part(tmp_path: Path) -> None:
    f = tmp_path / "x.export.CSV"
    f.write_text("\n".join(tsv_line(gdelt_row()) for _ in range(3)) + "\n")
    ingest([f], tmp_path / "s", progress=False)
    f.write_text("\n".join(tsv_line(gdelt_row()) for _ in range(5)) + "\n")
    ingest([f], tmp_path / "s", progress=False)
    assert len(load_manifest(tmp_path / "s")["files"]) == 1
    assert len(_table(tmp_path / "s")) == 5


def test_polecat_subset_by_header(tmp_path: Path) -> None:
    header = ["Event ID", "Extra", *[c for c in POLECAT_COLUMNS if c != "Event ID"]]
    rows = [
        {"Event ID": "e1", "Event Date": "2023-03-21", "Event Type": "CONSULT", "Event Mode": "visit",
         "Actor Name": "Xi Jinping", "Actor Country": "CHN", "Recipient Name": "Vladimir Putin",
         "Recipient Country": "RUS", "City": "Moscow", "Country": "RUS", "Latitude": "55.7", "Longitude": "37.6"},
        {"Event ID": "e2", "Event Date": "2023-02-30", "Event Type": "CONSULT"},
        {"Event ID": "e3", "Event Date": "2023-03-21", "Event Type": "CONSULT", "Latitude": "north"},
    ]
    text = "\t".join(header) + "\n" + "\n".join("\t".join(r.get(c, "") for c in header) for r in rows) + "\n"
    f = tmp_path / "ngec_2023-03-20.txt"
    f.write_text(text)
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert rep.format == "polecat" and (rep.read, rep.loaded, rep.rejected) == (3, 1, 2)
    assert rep.reasons == {"bad date": 1, "bad number": 1}
    rej = pq.read_table(tmp_path / "s" / rep.rejects_part).to_pylist()
    assert sorted(r["line"] for r in rej) == [3, 4]  # the header is line 1
    t = pq.read_table(tmp_path / "s" / rep.part)
    assert t.column("Event Date").to_pylist() == [dt.date(2023, 3, 21)]
    assert "Extra" not in t.column_names


def test_polecat_without_required_columns_is_reported_and_the_others_load(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("Event ID\tEvent Date\ne1\t2023-01-01\n")
    g = tmp_path / "g.export.CSV"
    g.write_text(tsv_line(gdelt_row()) + "\n")
    result = ingest([f, g], tmp_path / "s", progress=False)
    bad, good = result.files
    assert (bad.status, good.status, good.loaded) == ("unreadable", "done", 1)
    assert "header lacks" in bad.note
    assert sorted(e["status"] for e in load_manifest(tmp_path / "s")["files"].values()) == ["done", "unreadable"]


def test_manifest_lists_checksums(tmp_path: Path) -> None:
    f = tmp_path / "x.export.CSV"
    f.write_text(tsv_line(gdelt_row()) + "\n")
    ingest([f], tmp_path / "s", progress=False)
    man = json.loads((tmp_path / "s" / "manifest.json").read_text())
    (digest, entry), = man["files"].items()
    import hashlib

    assert digest == hashlib.sha256(f.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["part"].startswith("gdelt/part-")


# --- files as they arrive from the real world -------------------------------------------------

ADM2 = [i for i, c in enumerate(GDELT_COLUMNS) if c.endswith("_ADM2Code")]


def _v1_line(row: dict, with_url: bool) -> str:
    fields = [f for i, f in enumerate(tsv_line(row).split("\t")) if i not in ADM2]
    return "\t".join(fields if with_url else fields[:-1])


@pytest.mark.parametrize(("with_url", "n_fields"), [(True, 58), (False, 57)])
def test_gdelt_1_files_are_mapped_not_rejected(tmp_path: Path, with_url: bool, n_fields: int) -> None:
    rows = [consult("VLADIMIR PUTIN", "RUS", "SHINZO ABE", "JPN", day=dt.date(2013, 1, 22), place=("Moscow, Russia", "RS"),
                    ActionGeo_ADM2Code="dropped in 1.0") for _ in range(3)]
    f = tmp_path / "20130122.export.CSV"
    f.write_text("".join(_v1_line(r, with_url) + "\n" for r in rows))
    assert f.read_text().splitlines()[0].count("\t") + 1 == n_fields
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert (rep.status, rep.read, rep.loaded, rep.rejected) == ("done", 3, 3, 0)
    assert f"GDELT 1.0 layout ({n_fields} fields)" in rep.note
    table = _table(tmp_path / "s")
    assert table.schema.equals(GDELT_SCHEMA)
    assert table.column("Actor2Name").to_pylist() == ["SHINZO ABE"] * 3
    assert table.column("ActionGeo_FullName").to_pylist() == ["Moscow, Russia"] * 3  # fields after the gap line up
    assert table.column("ActionGeo_ADM2Code").null_count == 3
    urls = table.column("SOURCEURL").to_pylist()
    assert (urls[0] is not None) is with_url


def test_an_html_page_saved_as_a_zip_is_named_as_such(tmp_path: Path) -> None:
    page = tmp_path / "20191024143000.export.CSV.zip"
    page.write_bytes(b"<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n")
    good = tmp_path / "ok.export.CSV"
    good.write_text(tsv_line(gdelt_row()) + "\n")
    bad, ok = ingest([page, good], tmp_path / "s", progress=False).files
    assert bad.status == "unreadable" and "HTML or XML page, not event data" in bad.note
    assert ok.status == "done"


def test_a_spreadsheet_resave_loads_nothing_says_why_and_is_tried_again(tmp_path: Path) -> None:
    f = tmp_path / "resaved.export.CSV"
    f.write_text("".join(tsv_line(gdelt_row()).replace("\t", ";") + "\n" for _ in range(4)))
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert (rep.status, rep.read, rep.loaded, rep.rejected) == ("empty", 4, 0, 4)
    assert "separated by semicolons, not tabs" in rep.note
    (again,) = ingest([f], tmp_path / "s", progress=False).files
    assert not again.skipped  # a file with nothing loaded is never "done"


def test_crlf_lines_and_bad_bytes(tmp_path: Path) -> None:
    rows = [tsv_line(gdelt_row(Actor1Name=f"NAME {i}")) for i in range(5)]
    rows[2] = rows[2].replace("NAME 2", "NAME \udcff2")
    f = tmp_path / "crlf.export.CSV"
    f.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8", "surrogateescape"))
    (rep,) = ingest([f], tmp_path / "s", progress=False).files
    assert (rep.read, rep.loaded, rep.rejected) == (5, 4, 1) and rep.reasons == {"non-UTF-8 bytes": 1}
    assert _table(tmp_path / "s").column("Actor1Name").to_pylist() == ["NAME 0", "NAME 1", "NAME 3", "NAME 4"]
