"""fetch_official against a file:// mirror: same files, checked against pinned sha256, no network."""

from __future__ import annotations

import json
import shutil

import pytest

from summitry.sources.official import fetch_official, read_official
from summitry.sources.official.fetch import MANIFEST_PATH, ChecksumError, build_manifest, sha256_file

from ._paths import MINI, shared_root

SOURCES = {"travels": {"repo": "HistoryAtState/travels", "commit": "a" * 40},
           "visits": {"repo": "HistoryAtState/visits", "commit": "b" * 40}}


def test_fetch_from_file_mirror(tmp_path):
    man = build_manifest(MINI, SOURCES)
    dest = fetch_official(tmp_path / "cache", base_url=MINI.as_uri(), manifest=man)
    assert dest == tmp_path / "cache"
    for entry in man["files"]:
        assert sha256_file(dest / entry["path"]) == entry["sha256"]
    assert read_official(dest).file_report.equals(read_official(MINI).file_report)
    # second call finds the cache valid and fetches nothing (a bad mirror would fail otherwise)
    fetch_official(dest, base_url=(tmp_path / "nowhere").as_uri(), manifest=man)


def test_checksum_mismatch_is_an_error_and_leaves_no_file(tmp_path):
    man = build_manifest(MINI, SOURCES)
    man["files"][0]["sha256"] = "0" * 64
    with pytest.raises(ChecksumError):
        fetch_official(tmp_path / "cache", base_url=MINI.as_uri(), manifest=man)
    assert not (tmp_path / "cache" / man["files"][0]["path"]).exists()
    assert not list((tmp_path / "cache").rglob(".part-*"))


def test_overridden_commit_skips_pinned_checksums(tmp_path):
    man = build_manifest(MINI, SOURCES)
    man["files"][0]["sha256"] = "0" * 64
    fetch_official(tmp_path / "c", {"travels": "c" * 40, "visits": "d" * 40}, base_url=MINI.as_uri(), manifest=man)
    assert (tmp_path / "c" / man["files"][0]["path"]).is_file()


def test_raw_url_form():
    from summitry.sources.official.fetch import _url

    man = json.loads(MANIFEST_PATH.read_text())
    entry = next(f for f in man["files"] if f["path"] == "travels/president-travels/reagan-ronald.xml")
    commits = {k: v["commit"] for k, v in man["sources"].items()}
    assert _url(entry, man["sources"], commits, None) == (
        "https://raw.githubusercontent.com/HistoryAtState/travels/"
        "3170c773f22c99dadc8ec93da070f8ff6259d6d8/president-travels/reagan-ronald.xml"
    )


def test_bundled_manifest_matches_shared_data(tmp_path):
    root = shared_root()
    man = json.loads(MANIFEST_PATH.read_text())
    assert {f["path"] for f in man["files"]} == {
        p.relative_to(root).as_posix() for top in ("travels", "visits") for p in (root / top).rglob("*") if p.is_file()
    }
    mirror = tmp_path / "mirror"
    shutil.copytree(root, mirror)
    dest = fetch_official(tmp_path / "cache", base_url=mirror.as_uri())
    assert read_official(dest).counts()["loaded"].sum() == read_official(root).counts()["loaded"].sum()
