"""`summitry events fetch`: GDELT 2.0 exports by date from a local file:// mirror the tests build."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.interfaces.cli import app
from summitry.sources.events.fetch import FetchError, fetch, in_range, read_master_list
from tests.events._helpers import consult, tsv_line

runner = CliRunner()
DAY = dt.date(2019, 10, 24)


def _zipped(name: str, rows: list[dict]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name.removesuffix(".zip"), "".join(tsv_line(r) + "\n" for r in rows))
    return buf.getvalue()


@pytest.fixture()
def mirror(tmp_path: Path) -> Path:
    """A GDELT-like mirror: exports on 23, 24 and 25 October, other file kinds, one bad line."""
    root = tmp_path / "mirror"
    (root / "gdeltv2").mkdir(parents=True)
    lines = []
    stamps = ["20191023234500", "20191024000000", "20191024143000", "20191025120000", "20191026000000"]
    for i, stamp in enumerate(stamps):
        name = f"{stamp}.export.CSV.zip"
        rows = [consult("VLADIMIR PUTIN", "RUS", "SHINZO ABE", "JPN", day=DAY, SOURCEURL=f"https://example.org/{i}")]
        data = _zipped(name, rows * (i + 1))
        (root / "gdeltv2" / name).write_bytes(data)
        lines.append(f"{len(data)} {hashlib.md5(data).hexdigest()} http://data.example.org/gdeltv2/{name}")
        lines.append(f"123 {'0' * 32} http://data.example.org/gdeltv2/{stamp}.mentions.CSV.zip")
        lines.append(f"456 {'1' * 32} http://data.example.org/gdeltv2/{stamp}.gkg.csv.zip")
    lines.insert(3, "this line is not an entry")
    # the mirror keeps upstream's URLs in its list; the test rewrites them to the local copy
    text = "\n".join(lines).replace("http://data.example.org/", root.as_uri() + "/")
    (root / "masterfilelist.txt").write_text(text + "\n", encoding="utf-8")
    return root


def test_the_list_gives_exports_only_and_reports_bad_lines(mirror: Path) -> None:
    listed, bad = read_master_list(str(mirror / "masterfilelist.txt"))
    assert len(listed) == 5 and all(x.name.endswith(".export.CSV.zip") for x in listed)
    assert bad == ["line 4: 'this line is not an entry'"]
    days = [x.stamp.date() for x in in_range(listed, dt.date(2019, 10, 24), dt.date(2019, 10, 25))]
    assert days == [dt.date(2019, 10, 24), dt.date(2019, 10, 24), dt.date(2019, 10, 25)]
    with pytest.raises(FetchError, match="range is empty"):
        in_range(listed, dt.date(2019, 10, 25), dt.date(2019, 10, 24))


def test_fetch_checks_skips_and_resumes(mirror: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = (mirror / "masterfilelist.txt").as_uri()
    first = fetch(dt.date(2019, 10, 24), dt.date(2019, 10, 25), out, source=source, progress=False)
    assert [(f.name[:14], f.status) for f in first.files] == [
        ("20191024000000", "downloaded"), ("20191024143000", "downloaded"), ("20191025120000", "downloaded")]
    for f in first.verified:
        assert f.read_bytes() == (mirror / "gdeltv2" / f.name).read_bytes()
    again = fetch(dt.date(2019, 10, 24), dt.date(2019, 10, 25), out, source=source, progress=False)
    assert {f.status for f in again.files} == {"skipped"}
    # an interrupted download: half the file under .part
    name = "20191024143000.export.CSV.zip"
    whole = (mirror / "gdeltv2" / name).read_bytes()
    (out / name).unlink()
    (out / f"{name}.part").write_bytes(whole[: len(whole) // 2])
    resumed = fetch(DAY, DAY, out, source=source, progress=False)
    assert [f.status for f in resumed.files] == ["skipped", "resumed"]
    assert (out / name).read_bytes() == whole and not (out / f"{name}.part").exists()


def test_a_corrupted_download_is_reported_and_never_ingested(mirror: Path, tmp_path: Path, fixture_db: Path) -> None:
    name = "20191024143000.export.CSV.zip"
    served = mirror / "gdeltv2" / name
    served.write_bytes(served.read_bytes()[:-10] + b"0123456789")  # same size, other bytes
    store = tmp_path / "store"
    res = runner.invoke(app, ["events", "ingest", "--from", "2019-10-24", "--to", "2019-10-24", "--out", str(store),
                              "--source", (mirror / "masterfilelist.txt").as_uri(), "--no-progress",
                              "--db", str(fixture_db)])
    assert res.exit_code == 0, res.output
    assert "MD5" in res.output and "1 file(s) failed their checks" in res.output
    assert (store / "downloads" / f"{name}.bad").exists() and not (store / "downloads" / name).exists()
    manifest = json.loads((store / "manifest.json").read_text())
    assert [e["source_file"] for e in manifest["files"].values()] == ["20191024000000.export.CSV.zip"]


def test_fetch_command_and_its_errors(mirror: Path, tmp_path: Path) -> None:
    source = (mirror / "masterfilelist.txt").as_uri()
    res = runner.invoke(app, ["events", "fetch", "--from", "2019-10-23", "--to", "2019-10-23", "--out",
                              str(tmp_path / "g"), "--source", source, "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "1 downloaded" in res.output and (tmp_path / "g" / "20191023234500.export.CSV.zip").exists()
    res = runner.invoke(app, ["events", "fetch", "--from", "2020-01-01", "--to", "2020-01-02", "--out",
                              str(tmp_path / "g"), "--source", source, "--no-progress"])
    assert res.exit_code == 1 and "names no export between" in res.output
    res = runner.invoke(app, ["events", "fetch", "--from", "24/10/2019", "--to", "2019-10-24", "--source", source])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["events", "fetch", "--from", "2019-10-24", "--to", "2019-10-24",
                              "--source", (tmp_path / "nowhere.txt").as_uri()])
    assert res.exit_code == 1 and "cannot read the GDELT file list" in res.output
    assert "Traceback" not in res.output


def test_over_http_a_server_that_ignores_ranges_gets_a_fresh_download(mirror: Path, tmp_path: Path) -> None:
    """Python's own file server answers a Range request with the whole file (200): the partial
    download is then started over, not appended to, and the result still passes its MD5."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(mirror))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        listing = (mirror / "masterfilelist.txt").read_text().replace(mirror.as_uri(), base)
        (mirror / "http-list.txt").write_text(listing)
        out = tmp_path / "http"
        out.mkdir()
        name = "20191024143000.export.CSV.zip"
        whole = (mirror / "gdeltv2" / name).read_bytes()
        (out / f"{name}.part").write_bytes(whole[:50])
        res = fetch(DAY, DAY, out, source=f"{base}/http-list.txt", progress=False)
        assert [f.status for f in res.files] == ["downloaded", "downloaded"]
        assert (out / name).read_bytes() == whole
    finally:
        server.shutdown()
