"""Fetch GDELT 2.0 event exports for a range of dates, checked against GDELT's own list.

GDELT 2.0 publishes one export every 15 minutes and lists every file, with its size and
MD5, in ``masterfilelist.txt`` (lines of ``SIZE MD5 URL``). `fetch` reads that list (from
GDELT or from a mirror: any ``http(s)://`` or ``file://`` address), keeps the *export* files
whose time stamp falls in the range, and for each one:

- skips it when the folder already holds it with the listed size and MD5;
- resumes a partial download (``NAME.part``) from where it stopped;
- checks size and MD5 of what arrived; only then renames it into place. A file that fails
  the check is kept as ``NAME.bad`` for inspection, reported with the reason, and never
  handed to `ingest`.

Nothing is lost silently: every listed file in range ends in the report as downloaded,
resumed, skipped or failed, with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from summitry.errors import SummitryError

MASTER_LIST = "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt"
#: An export's name carries its 15-minute time stamp (UTC): 20191024143000.export.CSV.zip.
_EXPORT = re.compile(r"(?:^|/)(\d{14})\.export\.CSV\.zip$")
CHUNK = 1 << 16


class FetchError(SummitryError):
    """The file list could not be read, or the range asks for nothing."""


@dataclass(frozen=True)
class Listed:
    """One line of the master file list."""

    url: str
    size: int
    md5: str
    stamp: dt.datetime

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]


@dataclass
class Fetched:
    name: str
    status: str  # downloaded | resumed | skipped | failed
    size: int
    detail: str = ""


@dataclass
class FetchResult:
    out: Path
    files: list[Fetched] = field(default_factory=list)
    list_rejects: list[str] = field(default_factory=list)  # master-list lines that could not be read

    @property
    def verified(self) -> list[Path]:
        """Files in the folder whose size and MD5 match the list: what `ingest` may read."""
        return [self.out / f.name for f in self.files if f.status != "failed"]

    @property
    def failed(self) -> list[Fetched]:
        return [f for f in self.files if f.status == "failed"]


def _open(url: str, offset: int = 0) -> tuple[object, bool]:
    """A readable stream for `url` from byte `offset`, and whether the offset was honoured."""
    if url.startswith("file://"):
        path = urllib.request.url2pathname(urllib.parse.urlparse(url).path)
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller
        fh.seek(offset)
        return fh, True
    request = urllib.request.Request(url, headers={"Range": f"bytes={offset}-"} if offset else {})
    response = urllib.request.urlopen(request, timeout=60)  # noqa: S310 - http(s) or file only
    return response, offset == 0 or getattr(response, "status", 200) == 206


def read_master_list(source: str) -> tuple[list[Listed], list[str]]:
    """The export files the list names, and the lines it holds that are not a valid entry."""
    if not source.startswith(("http://", "https://", "file://")):
        source = Path(source).resolve().as_uri()
    try:
        stream, _ = _open(source)
        with stream:  # type: ignore[attr-defined]
            text = stream.read().decode("utf-8", "replace")  # type: ignore[attr-defined]
    except (OSError, urllib.error.URLError) as exc:
        raise FetchError(f"cannot read the GDELT file list {source}: {exc}") from None
    listed, bad = [], []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 3 or not parts[0].isdigit() or not re.fullmatch(r"[0-9a-f]{32}", parts[1]):
            bad.append(f"line {number}: {line[:120]!r}")
            continue
        match = _EXPORT.search(parts[2])
        if match is None:
            continue  # mentions, GKG and translation files: not events
        stamp = dt.datetime.strptime(match.group(1), "%Y%m%d%H%M%S")
        url = parts[2] if "://" in parts[2] else urllib.parse.urljoin(source, parts[2])
        listed.append(Listed(url, int(parts[0]), parts[1], stamp))
    return listed, bad


def in_range(listed: list[Listed], start: dt.date, end: dt.date) -> list[Listed]:
    """Exports stamped on the days from `start` to `end`, inclusive, oldest first."""
    if end < start:
        raise FetchError(f"the range is empty: --from {start} is after --to {end}")
    lo, hi = dt.datetime.combine(start, dt.time()), dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    return sorted((x for x in listed if lo <= x.stamp < hi), key=lambda x: x.stamp)


def _md5(path: Path) -> str:
    h = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_one(item: Listed, out: Path, progress: Callable[[int], None] | None = None) -> Fetched:
    """Download (or resume, or skip) one listed file into `out`, checked against the list."""
    final, part, bad = out / item.name, out / f"{item.name}.part", out / f"{item.name}.bad"
    if final.exists() and final.stat().st_size == item.size and _md5(final) == item.md5:
        if progress:
            progress(item.size)
        return Fetched(item.name, "skipped", item.size, "already present, size and MD5 match the list")
    offset = part.stat().st_size if part.exists() else 0
    if offset > item.size:  # a stale partial of another version: start over
        part.unlink()
        offset = 0
    try:
        stream, honoured = _open(item.url, offset)
        if not honoured:  # the server sent the whole file: start over
            offset = 0
        with stream, open(part, "ab" if offset else "wb") as fh:  # type: ignore[attr-defined]
            if progress and offset:
                progress(offset)
            while chunk := stream.read(CHUNK):  # type: ignore[attr-defined]
                fh.write(chunk)
                if progress:
                    progress(len(chunk))
    except (OSError, urllib.error.URLError) as exc:
        return Fetched(item.name, "failed", part.stat().st_size if part.exists() else 0,
                       f"download stopped ({exc}); run again to resume")
    size = part.stat().st_size
    if size != item.size:
        os.replace(part, bad)
        return Fetched(item.name, "failed", size, f"size {size:,} bytes, the list says {item.size:,}; kept as {bad.name}")
    digest = _md5(part)
    if digest != item.md5:
        os.replace(part, bad)
        return Fetched(item.name, "failed", size, f"MD5 {digest} does not match the list's {item.md5}; kept as {bad.name}")
    os.replace(part, final)
    bad.unlink(missing_ok=True)
    return Fetched(item.name, "resumed" if offset else "downloaded", size)


def fetch(start: dt.date, end: dt.date, out: str | os.PathLike, *, source: str = MASTER_LIST,
          progress: bool = True) -> FetchResult:
    """Every GDELT 2.0 export of the days from `start` to `end` into `out`, checked (see the module)."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    listed, bad = read_master_list(source)
    wanted = in_range(listed, start, end)
    result = FetchResult(out, list_rejects=bad)
    if not wanted:
        raise FetchError(f"the GDELT file list names no export between {start} and {end} ({source})")
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, disable=not progress, transient=True) as bar:
        task = bar.add_task("fetch", total=sum(x.size for x in wanted))
        for item in wanted:
            bar.update(task, description=item.name)
            result.files.append(fetch_one(item, out, lambda n: bar.advance(task, n)))
    return result
