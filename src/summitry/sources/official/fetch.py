"""Download the pinned HSG files into a cache folder and check them against manifest.json.

Why a manifest: the upstream repositories move; the project is built against the
commits named in shared/data/historyatstate/SOURCE.md, so the file list, the commit
and each file's sha256 are pinned here and a download that differs is an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

MANIFEST_PATH = Path(__file__).with_name("manifest.json")
RAW_TEMPLATE = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


class ChecksumError(RuntimeError):
    """A downloaded file does not match the sha256 pinned in the manifest."""


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def load_manifest(manifest: Path | dict[str, Any] | None = None) -> dict[str, Any]:
    """The bundled manifest, or one given as a dict/path (tests use small ones)."""
    if isinstance(manifest, dict):
        return manifest
    return json.loads(Path(manifest or MANIFEST_PATH).read_text(encoding="utf-8"))


def build_manifest(root: Path, sources: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Manifest of every upstream file under ``root`` (paths + sha256), for regeneration.

    ``sources`` maps a top folder ("travels") to {"repo": "HistoryAtState/travels",
    "commit": "<sha>"}; the folder's files are that repository's files.
    """
    files = []
    for top in sorted(sources):
        for path in sorted((root / top).rglob("*")):
            if path.is_file():
                files.append(
                    {
                        "path": path.relative_to(root).as_posix(),
                        "source": top,
                        "bytes": path.stat().st_size,
                        "sha256": sha256_file(path),
                    }
                )
    return {"sources": sources, "files": files}


def _url(entry: dict[str, Any], sources: dict[str, Any], commits: dict[str, str], base_url: str | None) -> str:
    if base_url is not None:
        return base_url.rstrip("/") + "/" + entry["path"]
    top = entry["source"]
    in_repo = entry["path"][len(top) + 1 :]
    return RAW_TEMPLATE.format(repo=sources[top]["repo"], commit=commits[top], path=in_repo)


def fetch_official(
    dest: Path,
    commit: dict[str, str] | None = None,
    *,
    base_url: str | None = None,
    manifest: Path | dict[str, Any] | None = None,
    timeout: float = 60.0,
) -> Path:
    """Download the manifest's files into ``dest`` (a data root) and return ``dest``.

    ``commit`` overrides the pinned commit per source ({"travels": "<sha>"}); files of
    an overridden source are not checked against the pinned sha256 (they will differ).
    ``base_url`` replaces the GitHub raw URLs with a mirror laid out like the data
    root (e.g. ``file:///.../historyatstate``), which is how the tests run offline.
    Files already present with the right sha256 are not fetched again.
    """
    man = load_manifest(manifest)
    sources: dict[str, Any] = man["sources"]
    commits = {k: v["commit"] for k, v in sources.items()}
    commits.update(commit or {})
    dest = Path(dest)
    for entry in man["files"]:
        target = dest / entry["path"]
        pinned = commits[entry["source"]] == sources[entry["source"]]["commit"]
        if pinned and target.is_file() and sha256_file(target) == entry["sha256"]:
            continue
        url = _url(entry, sources, commits, base_url)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310
                while chunk := resp.read(1 << 16):
                    out.write(chunk)
            got = sha256_file(tmp)
            if pinned and got != entry["sha256"]:
                raise ChecksumError(f"{entry['path']}: sha256 {got} != pinned {entry['sha256']} ({url})")
            tmp.replace(target)
        finally:
            if tmp.exists():
                tmp.unlink()
    return dest
