"""Streaming readers: GDELT 2.0 / POLECAT files (plain, .gz, .zip) into Parquet parts.

Why it is built this way:
- *Never the whole archive in memory*: input is read in blocks of whole lines (32 MB by
  default), each block is parsed by Arrow's CSV reader with every field as raw bytes, then
  validated and typed against the explicit schema in `gdelt.py`, and appended to a Parquet
  part. Memory stays at a few blocks, whatever the input size.
- *Every row accounted for*: per file, read = loaded + rejected. A row is rejected with a
  reason (wrong column count, non-UTF-8 bytes, bad date, bad number, missing id); rejected
  rows go to `rejects/part-<sha>.parquet` with file, line, reason and the raw text. Line
  numbers are exact because empty lines are rows too (rejected as one field).
- *Damaged archives*: a truncated .gz stops where the data stops (the cut line is rejected,
  the rows before it load); a .zip without its central directory is read from its local
  header. The file is flagged `truncated` in the report.
- *Resumable without duplicates*: each input file becomes one part named by the SHA-256 of
  its bytes, written to a temporary name and renamed when complete; `manifest.json` lists
  completed files with their checksums. A rerun skips files already in the manifest, and a
  file interrupted midway is simply redone, replacing its part. The same bytes under
  another name are not loaded twice; a new version of a file replaces the old part.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pycountry

from summitry.errors import SummitryError
from summitry.sources.events.gdelt import (
    GDELT_COLUMNS,
    GDELT_REQUIRED,
    GDELT_SCHEMA,
    ICEWS_SCHEMA,
    POLECAT_REQUIRED,
    POLECAT_SCHEMA,
)

MANIFEST = "manifest.json"
FORMATS = ("gdelt", "polecat", "icews")
BLOCK_SIZE = 32 << 20
ROWS_PER_GROUP = 1 << 19

REJECT_SCHEMA = pa.schema([
    ("source_file", pa.string()), ("format", pa.string()), ("line", pa.int64()),
    ("reason", pa.string()), ("detail", pa.string()), ("raw", pa.string()),
])

_INT_RE = r"^[-+]?[0-9]+$"
_FLOAT_RE = r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"


@dataclass
class FileReport:
    """What happened to one input file (one manifest entry)."""

    source_file: str
    format: str
    sha256: str
    size: int
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    status: str = "done"  # done | truncated (loaded up to a cut) | empty (nothing loadable) | unreadable
    note: str | None = None
    part: str | None = None
    rejects_part: str | None = None
    skipped: bool = False  # already in the manifest: not read again


@dataclass
class IngestResult:
    out: Path
    files: list[FileReport]

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(getattr(f, k) for f in self.files if not f.skipped) for k in ("read", "loaded", "rejected")}


# --- the store: parts and manifest ------------------------------------------------------


def load_manifest(out: Path) -> dict[str, Any]:
    path = out / MANIFEST
    if not path.exists():
        return {"version": 1, "files": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_manifest(out: Path, manifest: dict[str, Any]) -> None:
    """Atomic: a crash leaves the previous manifest, never a torn one."""
    tmp = out / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def parts(out: Path, fmt: str) -> list[Path]:
    """Completed Parquet parts of one format, as listed in the manifest."""
    man = load_manifest(Path(out))
    return sorted(Path(out) / f["part"] for f in man["files"].values() if f["format"] == fmt and f.get("part"))


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(8 << 20):
            h.update(chunk)
            if progress:
                progress(len(chunk))
    return h.hexdigest()


# --- opening files: plain, gzip, zip (also truncated) ------------------------------------


class _Guarded(io.RawIOBase):
    """A readable stream that turns a decompression failure into end of data, and says so."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes; on a failure, what was read before it, and b"" from then on."""
        if self.error:
            return b""
        pieces: list[bytes] = []
        got = 0
        try:
            while size < 0 or got < size:
                piece = self.inner.read(size - got if size >= 0 else -1)
                if not piece:
                    break
                pieces.append(piece)
                got += len(piece)
                if size < 0:
                    break
        except (EOFError, zlib.error, zipfile.BadZipFile, OSError) as exc:
            self.error = f"{type(exc).__name__}: {exc}"
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def readinto(self, b: Any) -> int:
        if self.error:
            return 0
        try:
            data = self.inner.read(len(b))
        except (EOFError, zlib.error, zipfile.BadZipFile, OSError) as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            return 0
        n = len(data)
        b[:n] = data
        return n


class _Inflate(io.RawIOBase):
    """zlib streaming decompression that keeps every byte it could decompress.

    Used for gzip (all members) and for a zip member read from its local header. Unlike
    `gzip.GzipFile`, a cut stream loses nothing before the cut: the data ends there and
    `EOFError` says so.
    """

    def __init__(self, raw: BinaryIO, wbits: int, stored: bool = False) -> None:
        self.raw, self.wbits, self.stored = raw, wbits, stored
        self.z = None if stored else zlib.decompressobj(wbits)
        self.pending = b""
        self.done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (at least one unless the data ended)."""
        while not self.pending and not self.done:
            self._fill()
        n = len(self.pending) if size < 0 else min(size, len(self.pending))
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def _fill(self) -> None:
        if self.z is not None and self.z.unconsumed_tail:
            self.pending = self.z.decompress(self.z.unconsumed_tail, 1 << 22)
            return
        chunk = self.raw.read(1 << 20)
        if not chunk:
            self.done = True
            if self.z is not None and not self.z.eof:
                raise EOFError("compressed data ends before its end-of-stream marker")
            return
        if self.z is None:
            self.pending = chunk
            return
        if self.z.eof:  # a further gzip member, or trailing bytes after a zip member
            if self.wbits != 31:
                self.done = True
                return
            self.z = zlib.decompressobj(self.wbits)
        self.pending = self.z.decompress(chunk, 1 << 22)
        if self.z.eof and self.z.unused_data and self.wbits == 31:
            rest = self.z.unused_data
            self.z = zlib.decompressobj(self.wbits)
            self.pending += self.z.decompress(rest, 1 << 22)


def _zip_local_member(raw: BinaryIO) -> _Inflate:
    """The first member of a zip read from its local header: works without the central directory."""
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("no local file header")
    method, = struct.unpack("<H", header[8:10])
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    raw.read(name_len + extra_len)
    if method not in (0, 8):
        raise zipfile.BadZipFile(f"unsupported compression method {method}")
    return _Inflate(raw, -15, stored=method == 0)


def not_event_data(head: bytes) -> str | None:
    """Why the first bytes of a file cannot be event data, if they show it: an HTML page
    (a server's error page saved under the file's name), or an ICEWS file, which is read by
    its own reader, not this one."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "the file is an HTML or XML page, not event data (a server's error page saved under this name?)"
    return None


@contextlib.contextmanager
def open_input(path: Path) -> Iterator[tuple[_Guarded, BinaryIO, str | None]]:
    """(decompressed stream, raw file for progress, note) for a plain, .gz or .zip file.
    A file that is plainly not event data (an HTML page) is a SummitryError naming why."""
    with open(path, "rb") as raw:
        why = not_event_data(raw.read(512))
        if why:
            raise SummitryError(f"{path.name}: {why}")
        raw.seek(0)
        note = None
        name = path.name.lower()
        if name.endswith(".gz"):
            inner: BinaryIO = _Inflate(raw, 31)  # type: ignore[assignment]
        elif name.endswith(".zip"):
            try:
                zf = zipfile.ZipFile(raw)
                members = [i for i in zf.infolist() if not i.is_dir()]
                if not members:
                    raise zipfile.BadZipFile("empty zip archive")
                inner = zf.open(members[0])  # type: ignore[assignment]
            except zipfile.BadZipFile as exc:
                raw.seek(0)
                note = f"damaged zip ({exc}); read from the local header"
                inner = _zip_local_member(raw)  # type: ignore[assignment]
        else:
            inner = raw
        yield _Guarded(inner), raw, note


def _blocks(stream: _Guarded, block_size: int) -> Iterator[bytes]:
    """Blocks of whole lines; the last may lack its newline (a cut file), so one is added."""
    rest = b""
    while True:
        chunk = stream.read(block_size)
        if not chunk:
            break
        cut = chunk.rfind(b"\n")
        if cut < 0:
            rest += chunk
            continue
        yield rest + chunk[: cut + 1] if rest else chunk[: cut + 1]
        rest = chunk[cut + 1:]
    if rest:
        yield rest + b"\n"


# --- parsing and validation ------------------------------------------------------------


@dataclass
class _Format:
    name: str  # the store folder and format of the parts it gives
    schema: pa.Schema  # the fields a file of this layout has, in order (headerless) or by name
    required: tuple[str, ...]
    date_format: str
    header: bool
    note: str | None = None  # said of every file read in this layout
    transform: Callable[[pa.Table], pa.Table] | None = None  # into the store's shape (ICEWS -> POLECAT)

    def conform(self, table: pa.Table) -> pa.Table:
        """Rows in the store's schema: fields this layout lacks are added, empty."""
        if self.transform is not None:
            return self.transform(table)
        target = GDELT_SCHEMA if self.name == "gdelt" else self.schema
        if table.schema.equals(target):
            return table
        return pa.Table.from_arrays(
            [table.column(f.name) if f.name in table.schema.names else pa.nulls(table.num_rows, f.type)
             for f in target], schema=target)


def _gdelt1(n_fields: int) -> _Format:
    """GDELT 1.0's daily layout: 2.0's fields without the three ADM2 codes, and without
    SOURCEURL before April 2013 (57 fields), with it after (58)."""
    names = [c for c in GDELT_COLUMNS if not c.endswith("_ADM2Code")][:n_fields]
    return _Format("gdelt", pa.schema([GDELT_SCHEMA.field(c) for c in names]), GDELT_REQUIRED, "%Y%m%d", header=False,
                   note=f"GDELT 1.0 layout ({n_fields} fields): read as 2.0 with the ADM2 codes"
                        f"{'' if n_fields == 58 else ' and SOURCEURL'} empty")


#: ICEWS writes CAMEO codes; the store keeps POLECAT's PLOVER mode, as POLECAT would code it.
_CAMEO_TO_MODE = {"040": "", "041": "phone", "042": "visit", "043": "host", "044": "third-party", "045": "mediate",
                  "046": "negotiate"}


def _iso3(name: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for a country ICEWS writes out ("Russian Federation", "South Korea")."""
    if not name:
        return None
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return found[0].alpha_3 if len(found) == 1 else None


def icews_to_polecat(table: pa.Table) -> pa.Table:
    """ICEWS rows in the POLECAT shape: CAMEO 04x is CONSULT with its mode, countries by code,
    the story as the source (ICEWS has no URL; a story id counts one story)."""
    codes = [str(c or "").strip().zfill(3) if c else "" for c in table.column("CAMEO Code").to_pylist()]
    names = sorted({n for col in ("Source Country", "Target Country", "Country") for n in table.column(col).to_pylist() if n})
    iso = {n: _iso3(n) for n in names}

    def countries(col: str) -> pa.Array:
        return pa.array([iso.get(n) if n else None for n in table.column(col).to_pylist()], pa.string())

    story = [f"icews:story:{x}" if x else None for x in table.column("Story ID").to_pylist()]
    cols = {
        "Event ID": table.column("Event ID"),
        "Event Date": table.column("Event Date"),
        "Event Type": pa.array(["CONSULT" if c[:2] == "04" else (f"CAMEO {c}" if c else None) for c in codes], pa.string()),
        "Event Mode": pa.array([_CAMEO_TO_MODE.get(c, "") if c[:2] == "04" else None for c in codes], pa.string()),
        "Actor Name": table.column("Source Name"),
        "Actor Country": countries("Source Country"),
        "Actor Title": table.column("Source Sectors"),
        "Recipient Name": table.column("Target Name"),
        "Recipient Country": countries("Target Country"),
        "Recipient Title": table.column("Target Sectors"),
        "City": table.column("City"),
        "Country": countries("Country"),
        "Latitude": table.column("Latitude"),
        "Longitude": table.column("Longitude"),
        "Source": pa.array(story, pa.string()),
    }
    return pa.Table.from_arrays([cols[f.name].cast(f.type) for f in POLECAT_SCHEMA], schema=POLECAT_SCHEMA)


_FORMATS = {
    "gdelt": _Format("gdelt", GDELT_SCHEMA, GDELT_REQUIRED, "%Y%m%d", header=False),
    "gdelt1": _gdelt1(58),
    "gdelt1-57": _gdelt1(57),
    "polecat": _Format("polecat", POLECAT_SCHEMA, POLECAT_REQUIRED, "%Y-%m-%d", header=True),
    "icews": _Format("polecat", ICEWS_SCHEMA, POLECAT_REQUIRED, "%Y-%m-%d", header=True,
                     note="ICEWS layout: read into the POLECAT shape (CAMEO 04x as CONSULT and its mode, countries "
                          "by ISO code, the story id as the source)", transform=icews_to_polecat),
}


def detect_format(first_line: bytes) -> str:
    """ICEWS and POLECAT by their headers (both begin "Event ID"; ICEWS names "Source Name" and
    "CAMEO Code"); a headerless GDELT file by its field count (61: 2.0; 58 or 57: 1.0)."""
    if first_line.lstrip(b"\xef\xbb\xbf").startswith(b"Event ID"):
        fields = first_line.rstrip(b"\r").split(b"\t")
        return "icews" if b"Source Name" in fields and b"CAMEO Code" in fields else "polecat"
    fields = first_line.count(b"\t") + 1
    return {58: "gdelt1", 57: "gdelt1-57"}.get(fields, "gdelt")


def separator_hint(first_line: bytes) -> str | None:
    """Why every line of a file may have the wrong number of fields: a spreadsheet re-save."""
    tabs = first_line.count(b"\t")
    for sep, name in ((b";", "semicolons"), (b",", "commas")):
        if first_line.count(sep) >= 20 and tabs < 20:
            return (f"its lines are separated by {name}, not tabs: the file looks re-saved by a spreadsheet "
                    "program; use the file as GDELT published it")
    return None


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="backslashreplace")


class _Rejects:
    """Rejected rows of one file (written in row groups), and what the reader found out:
    the detected format, rows read, a note on the archive, why the data ended early."""

    def __init__(self, path: Path, source: str, fmt: str) -> None:
        self.path, self.source, self.fmt = path, source, fmt
        self.read = 0
        self.note: str | None = None
        self.hint: str | None = None  # a likely cause when every line is rejected
        self.truncated: str | None = None
        self.rows: dict[str, list] = {n: [] for n in REJECT_SCHEMA.names}
        self.writer: pq.ParquetWriter | None = None
        self.reasons: Counter[str] = Counter()
        self.count = 0

    def add(self, line: int | None, reason: str, detail: str, raw: str) -> None:
        for k, v in zip(REJECT_SCHEMA.names, (self.source, self.fmt, line, reason, detail, raw), strict=True):
            self.rows[k].append(v)
        self.reasons[reason] += 1
        self.count += 1
        if len(self.rows["line"]) >= 50_000:
            self.flush()

    def flush(self) -> None:
        if not self.rows["line"]:
            return
        table = pa.table(self.rows, schema=REJECT_SCHEMA)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, REJECT_SCHEMA)
        self.writer.write_table(table)
        self.rows = {n: [] for n in REJECT_SCHEMA.names}

    def close(self) -> bool:
        self.flush()
        if self.writer is not None:
            self.writer.close()
            return True
        return False


def _bad_lines(block: bytes, n_fields: int) -> np.ndarray:
    """Indices of lines in `block` that do not have `n_fields` tab-separated fields."""
    b = np.frombuffer(block, np.uint8)
    nl = np.flatnonzero(b == 10)
    tabs = np.flatnonzero(b == 9)
    counts = np.bincount(np.searchsorted(nl, tabs), minlength=len(nl))[: len(nl)]
    starts = np.concatenate(([0], nl[:-1] + 1))
    empty = nl == starts  # Arrow reads an empty line as a row of nulls, not as a short row
    return np.flatnonzero((counts != n_fields - 1) & ~empty)


def _valid_utf8(v: bytes) -> bool:
    try:
        v.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


Checks = list[tuple[pa.Array, str]]


def _dates(text: pa.Array, fmt: _Format) -> tuple[pa.Array, pa.Array]:
    """(date32 values, bad mask). A date must read back as written: Arrow's parser would
    otherwise roll 20190231 over to 3 March. Years outside 1900-2100 are bad too."""
    parsed = pc.strptime(text, format=fmt.date_format, unit="s", error_is_null=True)
    same = pc.equal(pc.strftime(parsed, format=fmt.date_format), text)
    years = pc.year(parsed)
    bad = pc.or_kleene(pc.invert(same), pc.or_kleene(pc.less(years, 1900), pc.greater(years, 2100)))
    bad = pc.and_kleene(pc.is_valid(text), pc.fill_null(bad, True))
    bad = pc.fill_null(bad, False)
    return pc.if_else(bad, None, parsed.cast(pa.date32())), bad


def _convert(col: pa.Array, typ: pa.DataType, fmt: _Format) -> tuple[pa.Array, Checks]:
    """The typed column and its failed checks: (bad-row mask, reason) pairs, first wins."""
    checks: Checks = []
    try:
        text = col.cast(pa.string())
    except pa.ArrowInvalid:  # rare: find the rows with invalid bytes one by one
        values = col.to_pylist()
        checks.append((pa.array([v is not None and not _valid_utf8(v) for v in values]), "non-UTF-8 bytes"))
        text = pa.array([None if v is None else _decode(v) for v in values], pa.string())
    nulled = pc.if_else(pc.equal(pc.utf8_length(text), 0), None, text)
    if pa.types.is_string(typ):
        return nulled, checks
    if pa.types.is_date32(typ):
        values, bad = _dates(nulled, fmt)
        checks.append((bad, "bad date"))
        return values, checks
    pattern = _INT_RE if pa.types.is_integer(typ) else _FLOAT_RE
    bad = pc.invert(pc.match_substring_regex(pc.fill_null(nulled, "0"), pattern))
    clean = pc.if_else(bad, None, nulled)
    if pa.types.is_integer(typ):
        wide = clean.cast(pa.int64())
        info = np.iinfo(typ.to_pandas_dtype())
        out_of_range = pc.fill_null(pc.or_(pc.less(wide, info.min), pc.greater(wide, info.max)), False)
        bad = pc.or_(bad, out_of_range)
        values = pc.if_else(bad, None, wide).cast(typ)
    else:
        values = clean.cast(typ)
    checks.append((bad, "bad number"))
    return values, checks


def _typed(batch: pa.Table, fmt: _Format) -> tuple[pa.Table, pa.Array, list[str | None]]:
    """Typed table, bad-row mask and per-row reason ("bad date in SQLDATE"; None if good)."""
    n = batch.num_rows
    arrays = []
    bad = pa.array(np.zeros(n, dtype=bool))
    reasons: list[str | None] = [None] * n
    for f in fmt.schema:
        values, checks = _convert(batch.column(f.name).combine_chunks(), f.type, fmt)
        if f.name in fmt.required:
            checks.append((pc.is_null(values), "missing value"))
        for mask, reason in checks:
            if pc.any(mask).as_py():
                for i in np.flatnonzero(mask.to_numpy(zero_copy_only=False)):
                    if reasons[i] is None:
                        reasons[i] = reason if reason == "non-UTF-8 bytes" else f"{reason} in {f.name}"
                bad = pc.or_(bad, mask)
        arrays.append(values)
    return pa.Table.from_arrays(arrays, schema=fmt.schema), bad, reasons


def _read_options(names: list[str], block: bytes, block_size: int) -> pcsv.ReadOptions:
    return pcsv.ReadOptions(column_names=names, block_size=max(block_size, len(block) + 1))


_PARSE = {"delimiter": "\t", "quote_char": False, "double_quote": False, "ignore_empty_lines": False}


def _parse_block(block: bytes, names: list[str], fmt: _Format,
                 block_size: int) -> tuple[list, pa.Table, pa.Array, list[str | None]]:
    """(invalid rows, typed good-or-bad rows, bad mask, reasons) for one block of lines.

    Fast path: Arrow parses straight into the schema's types. If any value does not
    convert (bad date, bad number, bad bytes), the block is parsed again with every field
    as raw bytes and checked column by column, to say which rows fail and why.
    """
    invalid: list[tuple[int, str]] = []

    def handler(row: Any) -> str:
        invalid.append((row.actual_columns, row.text))
        return "skip"

    types = {f.name: pa.string() if pa.types.is_date32(f.type) else f.type for f in fmt.schema}
    try:
        table = pcsv.read_csv(
            pa.BufferReader(block), read_options=_read_options(names, block, block_size),
            parse_options=pcsv.ParseOptions(**_PARSE, invalid_row_handler=handler),
            convert_options=pcsv.ConvertOptions(
                column_types=types, include_columns=list(fmt.schema.names), null_values=[""],
                strings_can_be_null=True, check_utf8=True,
            ),
        )
    except pa.ArrowInvalid:
        invalid.clear()
    else:
        n = table.num_rows
        reasons: list[str | None] = [None] * n
        arrays = []
        bad = pa.array(np.zeros(n, dtype=bool))
        for f in fmt.schema:
            col = table.column(f.name)
            checks: Checks = []
            if pa.types.is_date32(f.type):
                col, date_bad = _dates(col.combine_chunks(), fmt)
                checks.append((date_bad, "bad date"))
            if f.name in fmt.required:
                checks.append((pc.is_null(col), "missing value"))
            for mask, reason in checks:
                if pc.any(mask).as_py():
                    for i in np.flatnonzero(mask.to_numpy(zero_copy_only=False)):
                        reasons[i] = reasons[i] or f"{reason} in {f.name}"
                    bad = pc.or_(bad, mask)
            arrays.append(col)
        return invalid, pa.Table.from_arrays(arrays, schema=fmt.schema), bad, reasons
    raw = pcsv.read_csv(
        pa.BufferReader(block), read_options=_read_options(names, block, block_size),
        parse_options=pcsv.ParseOptions(**_PARSE, invalid_row_handler=handler),
        convert_options=pcsv.ConvertOptions(column_types={c: pa.binary() for c in names},
                                            include_columns=list(fmt.schema.names), strings_can_be_null=False),
    )
    typed, bad, reasons = _typed(raw, fmt)
    return invalid, typed, bad, reasons


def read_file(
    path: Path,
    fmt_name: str,
    rejects: _Rejects,
    *,
    block_size: int = BLOCK_SIZE,
    on_block: Callable[[int, int], None] | None = None,
) -> Iterator[pa.Table]:
    """Typed tables of good rows from one file; rejected rows go to `rejects`.

    `on_block(raw_bytes_position, rows_read)` is called after each block (for progress).
    Sets `rejects.truncated` to a message when the data stopped early.
    """
    with open_input(path) as (stream, raw, note):
        rejects.note = note
        line_no = 0
        columns: list[str] | None = None
        fmt: _Format | None = _FORMATS[fmt_name] if fmt_name != "auto" else None
        for block in _blocks(stream, block_size):
            if b"\r" in block:
                block = block.replace(b"\r\n", b"\n").replace(b"\r", b" ")
            if fmt is None:
                first_line = block[: block.find(b"\n")]
                fmt = _FORMATS[detect_format(first_line)]
                rejects.fmt = fmt.name
                rejects.hint = separator_hint(first_line)
                if fmt.note:
                    rejects.note = "; ".join(x for x in (rejects.note, fmt.note) if x)
            if fmt.header and columns is None:
                head, block = block.split(b"\n", 1)
                line_no += 1
                columns = _decode(head.lstrip(b"\xef\xbb\xbf")).split("\t")
                missing = [c for c in fmt.schema.names if c not in columns]
                if missing:
                    raise SummitryError(f"{path}: header lacks column(s) {', '.join(missing)}")
                if not block:
                    continue
            names = columns if fmt.header else fmt.schema.names
            assert names is not None
            n_lines = block.count(b"\n")
            invalid, table, bad, reasons = _parse_block(block, names, fmt, block_size)
            # Physical line of each parsed row: all lines minus the rejected ones, in order.
            if invalid:
                bad_idx = _bad_lines(block, len(names))
                lines = block.split(b"\n")
                for idx in bad_idx:
                    n_f = lines[idx].count(b"\t") + 1
                    rejects.add(line_no + idx + 1, "wrong column count",
                                f"{n_f} fields, expected {len(names)}", _decode(lines[idx]))
                good_idx = np.setdiff1d(np.arange(n_lines), bad_idx, assume_unique=True)
            else:
                good_idx = None
            if table.num_rows:
                typed = table
                if pc.any(bad).as_py():
                    lines = block.split(b"\n")
                    for i in np.flatnonzero(bad.to_numpy(zero_copy_only=False)):
                        phys = int(good_idx[i]) if good_idx is not None else int(i)
                        reason = reasons[i] or "bad value"
                        if not lines[phys]:
                            reason = "empty line"
                        rejects.add(line_no + phys + 1, reason.split(" in ")[0], reason, _decode(lines[phys]))
                    typed = typed.filter(pc.invert(bad))
                if typed.num_rows:
                    yield fmt.conform(typed)
            line_no += n_lines
            rejects.read = line_no - (1 if fmt.header else 0)
            if on_block:
                on_block(raw.tell(), n_lines)
        if stream.error:
            rejects.truncated = stream.error
        if fmt is None:
            rejects.fmt = fmt_name if fmt_name != "auto" else "gdelt"


# --- the ingest --------------------------------------------------------------------------


def _progress(show: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
        TextColumn("{task.fields[rows]:,} rows"), TimeRemainingColumn(),
        console=Console(stderr=True), disable=not show, transient=False,
    )


def ingest(
    files: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    fmt: str = "auto",
    progress: bool = True,
    block_size: int = BLOCK_SIZE,
    stop_after: int | None = None,
) -> IngestResult:
    """Load event files into Parquet parts under `out`, resuming where a previous run stopped.

    `stop_after` (for tests) raises KeyboardInterrupt after that many rows of a file have
    been written, to simulate an interrupted run.
    """
    if fmt not in ("auto", *FORMATS):
        raise SummitryError(f"unknown format {fmt!r}; one of auto, {', '.join(FORMATS)}")
    out = Path(out)
    for sub in ("gdelt", "polecat", "rejects"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*/.*.tmp"):
        stale.unlink()
    manifest = load_manifest(out)
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.is_file():
            raise SummitryError(f"no such file: {p}")
    reports: list[FileReport] = []
    total = sum(p.stat().st_size for p in paths)
    with _progress(progress) as bar:
        task = bar.add_task("ingest", total=total, rows=0)
        done_bytes = 0
        rows_total = 0
        for p in paths:
            size = p.stat().st_size
            bar.update(task, description=f"checksum {p.name}")
            digest = sha256_file(p)
            entry = manifest["files"].get(digest)
            if entry and entry.get("status") in ("done", "truncated"):
                rep = FileReport(**{k: v for k, v in entry.items() if k in FileReport.__dataclass_fields__})
                rep.skipped = True
                reports.append(rep)
                done_bytes += size
                bar.update(task, completed=done_bytes)
                continue
            def on_block(pos: int, n: int, base: int = done_bytes, before: int = rows_total, name: str = p.name) -> None:
                bar.update(task, completed=base + pos, rows=before + n, description=f"read {name}")

            try:
                rep = _ingest_one(p, digest, size, out, fmt, block_size, stop_after, on_block)
            except SummitryError as exc:  # one file that cannot be read never stops the others
                rep = FileReport(source_file=p.name, format=fmt if fmt != "auto" else "?", sha256=digest, size=size,
                                 status="unreadable", note=str(exc))
            rows_total += rep.read
            # A new version of a file replaces the parts of the old one.
            for old_digest, old in list(manifest["files"].items()):
                if old["source_file"] == rep.source_file and old_digest != digest:
                    for key in ("part", "rejects_part"):
                        if old.get(key):
                            with contextlib.suppress(FileNotFoundError):
                                (out / old[key]).unlink()
                    del manifest["files"][old_digest]
            manifest["files"][digest] = {k: v for k, v in asdict(rep).items() if k != "skipped"}
            save_manifest(out, manifest)
            reports.append(rep)
            done_bytes += size
            bar.update(task, completed=done_bytes, rows=rows_total)
    return IngestResult(out, reports)


def _ingest_one(path: Path, digest: str, size: int, out: Path, fmt: str, block_size: int,
                stop_after: int | None, on_block: Callable[[int, int], None]) -> FileReport:
    stem = f"part-{digest[:20]}"
    rej_tmp = out / "rejects" / f".{stem}.tmp"
    rejects = _Rejects(rej_tmp, str(path.name), fmt if fmt != "auto" else "gdelt")
    writer: pq.ParquetWriter | None = None
    tmp: Path | None = None
    loaded = 0
    buffered: list[pa.Table] = []
    n_buffered = 0
    rows_seen = 0

    def progress(pos: int, n: int) -> None:
        nonlocal rows_seen
        rows_seen += n
        on_block(pos, rows_seen)

    # Parquet encoding runs in a background thread while the next blocks are parsed.
    pool = ThreadPoolExecutor(max_workers=1)
    pending: list[Future] = []

    def flush() -> None:
        nonlocal writer, tmp, buffered, n_buffered
        if not buffered:
            return
        table = pa.concat_tables(buffered)
        if writer is None:
            tmp = out / rejects.fmt / f".{stem}.tmp"
            writer = pq.ParquetWriter(tmp, table.schema, compression="zstd")
        while pending:
            pending.pop(0).result()
        pending.append(pool.submit(writer.write_table, table, row_group_size=ROWS_PER_GROUP))
        buffered, n_buffered = [], 0

    def finish() -> None:
        while pending:
            pending.pop(0).result()
        pool.shutdown()

    try:
        try:
            for table in read_file(path, fmt, rejects, block_size=block_size, on_block=progress):
                buffered.append(table)
                n_buffered += table.num_rows
                loaded += table.num_rows
                if n_buffered >= ROWS_PER_GROUP:
                    flush()
                if stop_after is not None and loaded >= stop_after:
                    flush()
                    finish()
                    raise KeyboardInterrupt(f"stopped after {loaded} rows (test)")
            flush()
            finish()
        except SummitryError:
            raise
        except (OSError, zipfile.BadZipFile, pa.ArrowException) as exc:
            rejects.truncated = f"{type(exc).__name__}: {exc}"
            rejects.fmt = rejects.fmt or "gdelt"
    except BaseException:
        with contextlib.suppress(Exception):
            finish()
        if writer is not None:
            writer.close()
        for t in (tmp, rej_tmp):
            if t is not None:
                with contextlib.suppress(FileNotFoundError):
                    t.unlink()
        rejects.close()
        with contextlib.suppress(FileNotFoundError):
            rej_tmp.unlink()
        raise
    if writer is not None:
        writer.close()
    read = rejects.read
    rep = FileReport(source_file=path.name, format=rejects.fmt, sha256=digest, size=size, read=read,
                     loaded=loaded, rejected=rejects.count, reasons=dict(sorted(rejects.reasons.items())))
    notes = [rejects.note] if rejects.note else []
    if rejects.truncated:
        rep.status = "truncated" if read else "unreadable"
        notes.append(f"data ends early: {rejects.truncated}")
    if loaded == 0 and rep.status == "done":  # nothing usable: never "done", so a rerun tries it again
        rep.status = "empty"
        notes.append("no row could be loaded" + (f": {rejects.hint}" if rejects.hint else ""))
    rep.note = "; ".join(notes) or None
    if tmp is not None:
        final = out / rejects.fmt / f"{stem}.parquet"
        os.replace(tmp, final)
        rep.part = str(final.relative_to(out))
    if rejects.close():
        final = out / "rejects" / f"{stem}.parquet"
        os.replace(rej_tmp, final)
        rep.rejects_part = str(final.relative_to(out))
    if rep.read != rep.loaded + rep.rejected:  # the accounting invariant
        raise AssertionError(f"{path}: read {rep.read} != loaded {rep.loaded} + rejected {rep.rejected}")
    return rep


def report_rows(result: IngestResult) -> list[dict[str, Any]]:
    """Per file: read, loaded, rejected and the reasons, for display."""
    return [
        {"file": f.source_file, "format": f.format, "status": "skipped (already loaded)" if f.skipped else f.status,
         "read": f.read, "loaded": f.loaded, "rejected": f.rejected,
         "reasons": ", ".join(f"{k} {v}" for k, v in f.reasons.items()), "note": f.note or ""}
        for f in result.files
    ]

