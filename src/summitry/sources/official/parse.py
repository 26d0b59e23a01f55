"""Read the Office of the Historian travels/visits XML into typed, fully accounted tables.

Why record-by-record: one bad byte or a truncated download must cost only the
records it touches, and every record must end up either loaded or in ``rejects``
with a reason, file and position.  So each file is cut into record segments on
the raw bytes (at ``<trip``/``<visit``/``<president`` start tags and their end
tags), and each segment is decoded and parsed on its own.  lxml's recover mode is
used to salvage the id of a broken segment for the reject report; a recovered
record is never loaded, because recovery silently drops text.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from lxml import etree
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from .countries import known_ids, to_iso3
from .fetch import fetch_official
from .names import split_visitors

__all__ = [
    "KINDS",
    "OfficialRecord",
    "PresidentTerms",
    "Reason",
    "fetch_official",
    "parse_file",
    "president_on",
    "read_official",
]

Kind = Literal["president_trip", "secretary_trip", "visit", "president"]


class Reason:
    """Reject reasons: a closed vocabulary so reports can be grouped and tested."""

    MISSING_ID = "missing id"
    INVALID_ID = "invalid id"
    DUPLICATE_ID = "duplicate id"
    MISSING_DATE = "missing date"
    UNPARSEABLE_DATE = "unparseable date"
    END_BEFORE_START = "end before start"
    MISSING_COUNTRY = "missing country id"
    UNKNOWN_COUNTRY = "unknown country id"
    MALFORMED_XML = "malformed XML"
    TRUNCATED = "truncated record"
    NON_UTF8 = "non-UTF-8 bytes"
    WRONG_ELEMENT = "unexpected element"
    FILE_UNREADABLE = "file unreadable"


@dataclass(frozen=True)
class KindSpec:
    """Where a kind lives and what its record element is called."""

    kind: Kind
    glob: str
    tag: str


KINDS: tuple[KindSpec, ...] = (
    KindSpec("president_trip", "travels/president-travels/*.xml", "trip"),
    KindSpec("secretary_trip", "travels/secretary-travels/*.xml", "trip"),
    KindSpec("visit", "visits/data/*.xml", "visit"),
    KindSpec("president", "travels/presidents/presidents.xml", "president"),
)
_TAG_OF: dict[str, str] = {k.kind: k.tag for k in KINDS}


# --- text ------------------------------------------------------------------------
_LEFTOVER_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});")


def norm_text(text: str | None) -> str | None:
    """NFC, decode double-escaped entities ("&amp;eacute;"), collapse whitespace; '' -> None."""
    if text is None:
        return None
    if text.isascii() and "&" not in text:  # the common case: NFC and entities cannot apply
        return " ".join(text.split()) or None
    t = unicodedata.normalize("NFC", text)
    if "&" in t and _LEFTOVER_ENTITY.search(t):
        t = html.unescape(t)
    t = " ".join(t.split())
    return t or None


# --- typed records ------------------------------------------------------------------
class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source_file: str
    position: int
    line: int


class Trip(_Record):
    """One foreign trip by a president or secretary of state."""

    kind: Literal["president_trip", "secretary_trip"]
    id: int
    who: str | None
    role: str | None
    role_attr: str | None
    name: str | None
    start_date: date
    end_date: date
    country_id: str
    country_label: str | None
    country_iso3: str
    locale: str | None
    remarks: str | None
    created_by: str | None
    created_datetime: str | None
    last_modified_by: str | None
    last_modified_datetime: str | None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Trip:
        if self.end_date < self.start_date:
            raise ValueError(Reason.END_BEFORE_START)
        return self


class Visit(_Record):
    """One visit to the U.S. by a foreign leader."""

    kind: Literal["visit"] = "visit"
    id: int
    start_date: date
    end_date: date
    visitor: str | None
    visitor_office: str | None
    visitor_name: str | None
    visitor_count: int
    visitors: list[dict[str, str | None]]
    from_id: str
    from_label: str | None
    country_iso3: str
    description: str | None
    created_by: str | None
    created_datetime: str | None
    last_modified_by: str | None
    last_modified_datetime: str | None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Visit:
        if self.end_date < self.start_date:
            raise ValueError(Reason.END_BEFORE_START)
        return self


class President(_Record):
    """One term of a U.S. president (Cleveland and Trump have two)."""

    kind: Literal["president"] = "president"
    n: int
    id: str
    name: str | None
    birth_year: int | None
    death_year: int | None
    still_alive: bool
    took_office: date
    left_office: date | None
    still_in_office: bool
    created_by: str | None
    created_date: str | None
    last_modified_by: str | None
    last_modified_date: str | None

    @field_validator("birth_year", "death_year", mode="before")
    @classmethod
    def _lenient_year(cls, v: Any) -> Any:
        return None if v in ("", None) else v

    @model_validator(mode="after")
    def _left_not_before_took(self) -> President:
        if self.left_office is not None and self.left_office < self.took_office:
            raise ValueError(Reason.END_BEFORE_START)
        return self


# --- segmentation of raw bytes ---------------------------------------------------------
@dataclass
class Segment:
    """Raw bytes of one record as found in the file."""

    position: int  # 1-based index among record segments in the file
    offset: int  # byte offset of the segment start
    line: int  # 1-based line of the first non-blank byte
    data: bytes
    has_start: bool
    has_end: bool


_MARKERS = (b"<id>", b"<start-date", b"<took-office-date")


def _segments(data: bytes, tag: str) -> tuple[list[Segment], list[str]]:
    """Cut a file into record segments; also return notes on stray non-record content.

    Boundaries are record start tags and the ends of record end tags, so a corrupted
    start *or* end tag still leaves each damaged record in a segment of its own.
    """
    t = re.escape(tag.encode())
    starts = [m.start() for m in re.finditer(rb"<" + t + rb"[\s>/]", data)]
    ends = [m.end() for m in re.finditer(rb"</" + t + rb"\s*>", data)]
    cuts = sorted({0, len(data), *starts, *ends})
    start_set = set(starts)
    segs: list[Segment] = []
    notes: list[str] = []
    counted_to, lines_before = 0, 0  # newlines counted incrementally: linear, not quadratic
    for a, b in zip(cuts, cuts[1:], strict=False):
        chunk = data[a:b]
        body = chunk.strip()
        if not body:
            continue
        has_start = a in start_set
        has_end = bool(re.search(rb"</" + t + rb"\s*>\s*$", chunk))
        if not (has_start or has_end or any(m in chunk for m in _MARKERS)):
            if not _is_frame(body, tag):
                notes.append(f"stray content at byte {a}: {body[:60]!r}")
            continue
        lead = len(chunk) - len(chunk.lstrip())
        lines_before += data.count(b"\n", counted_to, a + lead)
        counted_to = a + lead
        line = lines_before + 1
        segs.append(Segment(len(segs) + 1, a, line, chunk, has_start, has_end))
    return segs, notes


def _is_frame(body: bytes, tag: str) -> bool:
    """True for the file's own frame: XML declaration, root tags, comments, header elements."""
    rest = re.sub(rb"<\?xml[^>]*\?>|<!--.*?-->|</?" + re.escape(tag.encode()) + rb"s\s*>", b"", body, flags=re.S)
    rest = re.sub(rb"<(source-url|crawl-dateTime)>[^<]*</\1>", b"", rest)
    return not rest.strip()


_ID_BYTES = re.compile(rb"<id>\s*([^<\s]{1,64})\s*</id>")


def _salvage_id(seg: Segment) -> str | None:
    """Best-effort id of a broken segment: lxml recover first, then a byte regex."""
    try:
        el = etree.fromstring(seg.data.strip(), etree.XMLParser(recover=True, encoding="utf-8"))
        if el is not None:
            got = el.findtext("id") if el.tag != "id" else el.text
            if got and got.strip():
                return got.strip()
    except Exception:  # noqa: BLE001 - recovery is best effort by design
        pass
    m = _ID_BYTES.search(seg.data)
    return m.group(1).decode("utf-8", "backslashreplace") if m else None


# --- per-file parsing ------------------------------------------------------------------
@dataclass
class FileResult:
    """Outcome of one file: loaded records, rejects and the counts that must balance."""

    source_file: str
    kind: Kind
    records: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    well_formed: bool = True
    utf8_ok: bool = True
    parse_error: str | None = None
    lxml_recovered: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return len(self.records) + self.record_rejects

    @property
    def record_rejects(self) -> int:
        return sum(1 for r in self.rejects if r["level"] == "record")

    def report_row(self) -> dict[str, Any]:
        return {
            "source_file": self.source_file,
            "kind": self.kind,
            "well_formed": self.well_formed,
            "utf8_ok": self.utf8_ok,
            "parse_error": self.parse_error,
            "read": self.read,
            "loaded": len(self.records),
            "rejected": self.record_rejects,
            "lxml_recovered": self.lxml_recovered,
            "note": "; ".join(self.notes) or None,
        }


def _reject(
    res: FileResult, seg: Segment | None, reason: str, detail: str | None = None, record_id: str | None = None
) -> None:
    raw = seg.data.decode("utf-8", "backslashreplace").strip() if seg else None
    res.rejects.append(
        {
            "kind": res.kind,
            "level": "record" if seg else "file",
            "source_file": res.source_file,
            "position": seg.position if seg else None,
            "line": seg.line if seg else None,
            "byte_offset": seg.offset if seg else None,
            "record_id": record_id,
            "reason": reason,
            "detail": detail,
            "raw": raw,
        }
    )


class _Children:
    """A record element's children by tag (the first of each), looked up once.

    ``el.find(tag)`` walks the children on every call; a record reads a dozen fields,
    so one pass into a dict is several times faster on 7,500 records.
    """

    __slots__ = ("kids",)

    def __init__(self, el: etree._Element) -> None:
        kids: dict[Any, etree._Element] = {c.tag: c for c in el}
        if len(kids) != len(el):  # a repeated tag (or a comment): the first of each tag wins, as find() gives
            kids = {}
            for c in el:
                kids.setdefault(c.tag, c)
        self.kids = kids

    def get(self, tag: str) -> etree._Element | None:
        return self.kids.get(tag)

    def text(self, tag: str) -> str | None:
        """The child's text (all descendant text for mixed content), normalised by `norm_text`."""
        found = self.kids.get(tag)
        if found is None:
            return None
        return norm_text("".join(found.itertext()) if len(found) else found.text)

    def date(self, tag: str) -> tuple[date | None, str | None]:
        """(date, reason) for a required date element."""
        raw = self.text(tag)
        if raw is None:
            return None, Reason.MISSING_DATE
        try:
            return date.fromisoformat(raw), None
        except ValueError:
            return None, Reason.UNPARSEABLE_DATE


def _text(el: etree._Element, tag: str) -> str | None:
    return _Children(el).text(tag)


def _fields(el: etree._Element, kind: Kind) -> tuple[dict[str, Any] | None, str | None, str | None]:
    """Extract one record's fields: (fields, reason, detail); reason set means reject."""
    if kind == "president":
        return _president_fields(el)
    f = _Children(el)
    rid = f.text("id")
    if rid is None:
        return None, Reason.MISSING_ID, None
    if not re.fullmatch(r"\d+", rid):
        return None, Reason.INVALID_ID, f"id {rid!r} is not an integer"
    start, why = f.date("start-date")
    if why:
        return None, why, f"start-date {f.text('start-date')!r}"
    end, why = f.date("end-date")
    if why:
        return None, why, f"end-date {f.text('end-date')!r}"
    assert start is not None and end is not None
    if end < start:
        return None, Reason.END_BEFORE_START, f"{start} > {end}"
    ctag = "from" if kind == "visit" else "country"
    cel = f.get(ctag)
    cid = norm_text(cel.get("id")) if cel is not None else None
    if not cid:
        return None, Reason.MISSING_COUNTRY, f"<{ctag}> has no id"
    if cid not in known_ids():
        return None, Reason.UNKNOWN_COUNTRY, f"{cid!r} not in countries.csv"
    iso3 = to_iso3(cid, start)
    label = f.text(ctag)
    common = {
        "id": int(rid),
        "start_date": start,
        "end_date": end,
        "country_iso3": iso3,
        "created_by": f.text("created-by"),
        "created_datetime": f.text("created-datetime"),
        "last_modified_by": f.text("last-modified-by"),
        "last_modified_datetime": f.text("last-modified-datetime"),
    }
    if kind == "visit":
        visitor = f.text("visitor")
        people = split_visitors(visitor or "")
        first = people[0] if people else None
        return (
            {
                **common,
                "visitor": visitor,
                "visitor_office": first.office if first else None,
                "visitor_name": first.name if first else None,
                "visitor_count": len(people),
                "visitors": [{"office": p.office, "name": p.name} for p in people],
                "from_id": cid,
                "from_label": label,
                "description": f.text("description"),
            },
            None,
            None,
        )
    return (
        {
            **common,
            "who": norm_text(el.get("who")),
            "role_attr": norm_text(el.get("role")),
            "role": f.text("role"),
            "name": f.text("name"),
            "country_id": cid,
            "country_label": label,
            "locale": f.text("locale"),
            "remarks": f.text("remarks"),
        },
        None,
        None,
    )


def _president_fields(el: etree._Element) -> tuple[dict[str, Any] | None, str | None, str | None]:
    n = norm_text(el.get("n"))
    f = _Children(el)
    pid = f.text("id")
    if pid is None:
        return None, Reason.MISSING_ID, None
    if n is None or not n.isdigit():
        return None, Reason.INVALID_ID, f"n={n!r} is not an integer"
    took, why = f.date("took-office-date")
    if why:
        return None, why, f"took-office-date {f.text('took-office-date')!r}"
    left_el = f.get("left-office-date")
    in_office = left_el is not None and left_el.get("still-in-office") == "true"
    left: date | None = None
    if not in_office:
        left, why = f.date("left-office-date")
        if why:
            return None, why, f"left-office-date {f.text('left-office-date')!r}"
    death_el = f.get("death-year")
    alive = death_el is not None and death_el.get("still-alive") == "true"
    return (
        {
            "n": int(n),
            "id": pid,
            "name": f.text("name"),
            "birth_year": f.text("birth-year"),
            "death_year": None if alive else f.text("death-year"),
            "still_alive": alive,
            "took_office": took,
            "left_office": left,
            "still_in_office": in_office,
            "created_by": f.text("created-by"),
            "created_date": f.text("created-date"),
            "last_modified_by": f.text("last-modified-by"),
            "last_modified_date": f.text("last-modified-date"),
        },
        None,
        None,
    )


_MODEL: dict[str, type[BaseModel]] = {
    "president_trip": Trip,
    "secretary_trip": Trip,
    "visit": Visit,
    "president": President,
}


def parse_file(data: bytes, source_file: str, kind: Kind) -> FileResult:
    """Parse one file's bytes; never raises, and read == loaded + rejected always holds.

    Duplicate ids are not checked here (they are a property of the whole kind); see
    ``read_official``.
    """
    res = FileResult(source_file=source_file, kind=kind)
    tag = _TAG_OF[kind]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        res.utf8_ok = False
        res.notes.append(f"invalid UTF-8 at byte {exc.start}")
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
        n_elements = sum(1 for _ in root.iter(tag))
    except (etree.XMLSyntaxError, ValueError) as exc:
        res.well_formed = False
        res.parse_error = str(exc)[:300]
        n_elements = None
    if not res.well_formed:
        try:
            rec = etree.fromstring(data, etree.XMLParser(recover=True, encoding="utf-8", no_network=True))
            res.lxml_recovered = 0 if rec is None else sum(1 for _ in rec.iter(tag))
        except Exception:  # noqa: BLE001 - recover mode can still give up on garbage
            res.lxml_recovered = 0
    else:
        res.lxml_recovered = n_elements

    segments, stray = _segments(data, tag)
    res.notes += stray
    # Fast path for a clean file: reuse the elements of the whole-file parse instead of
    # parsing every segment again; any doubt (counts differ, bad bytes) takes the slow path.
    elements = list(root.iter(tag)) if res.well_formed and res.utf8_ok else []
    clean = len(elements) == len(segments) and all(s.has_start and s.has_end for s in segments)
    for i, seg in enumerate(segments):
        if clean:
            _load_element(res, seg, elements[i], seg.data.decode("utf-8").strip())
        else:
            _parse_segment(res, seg, tag, is_last=seg is segments[-1])

    if n_elements is not None and n_elements != res.read:
        res.notes.append(f"lxml sees {n_elements} <{tag}> elements but {res.read} record segments")
    if not res.records and (not res.well_formed or not res.utf8_ok):
        _reject(res, None, Reason.FILE_UNREADABLE, res.parse_error or "; ".join(res.notes) or "no records")
    assert res.read == len(res.records) + res.record_rejects
    return res


def _parse_segment(res: FileResult, seg: Segment, tag: str, *, is_last: bool) -> None:
    try:
        text = seg.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _reject(res, seg, Reason.NON_UTF8, f"byte {seg.offset + exc.start}: {seg.data[exc.start:exc.end]!r}",
                _salvage_id(seg))
        return
    try:
        el = etree.fromstring(text.strip(), etree.XMLParser(resolve_entities=False, no_network=True))
    except (etree.XMLSyntaxError, ValueError) as exc:
        truncated = seg.has_start and not seg.has_end and is_last and not res.well_formed
        _reject(res, seg, Reason.TRUNCATED if truncated else Reason.MALFORMED_XML, str(exc)[:200], _salvage_id(seg))
        return
    if el.tag != tag:
        _reject(res, seg, Reason.WRONG_ELEMENT, f"<{el.tag}> where <{tag}> was expected", _salvage_id(seg))
        return
    _load_element(res, seg, el, text.strip())


def _load_element(res: FileResult, seg: Segment, el: etree._Element, raw: str) -> None:
    """Validate one record element and load it, or reject it with the reason."""
    fields, reason, detail = _fields(el, res.kind)
    if reason or fields is None:
        _reject(res, seg, reason or Reason.MALFORMED_XML, detail, _text(el, "id"))
        return
    model = _MODEL[res.kind]
    try:
        rec = model(source_file=res.source_file, position=seg.position, line=seg.line, kind=res.kind, **fields)
    except ValidationError as exc:
        msgs = "; ".join(str(e.get("msg")) for e in exc.errors())
        why = Reason.END_BEFORE_START if Reason.END_BEFORE_START in msgs else Reason.MALFORMED_XML
        _reject(res, seg, why, msgs[:200], _text(el, "id"))
        return
    row = rec.model_dump()
    row["_raw"] = raw
    res.records.append(row)


# --- presidents' terms -------------------------------------------------------------------
class PresidentTerms:
    """Who was U.S. president on a date, from presidents.xml terms.

    Terms are half-open [took, left): on an inauguration day the incoming president
    counts, since foreign leaders who arrive that day meet the new administration.
    """

    def __init__(self, presidents: pd.DataFrame) -> None:
        df = presidents.sort_values("took_office")
        self._terms = [
            (
                r.took_office.date() if hasattr(r.took_office, "date") else r.took_office,
                None if pd.isna(r.left_office) else (r.left_office.date() if hasattr(r.left_office, "date")
                                                     else r.left_office),
                str(r.id),
                r.name,
            )
            for r in df.itertuples()
        ]
        self._took = [t[0] for t in self._terms]
        self._names: dict[str, str] = {}
        for _took, _left, pid, name in self._terms:
            self._names.setdefault(pid, str(name))

    def on(self, d: date | pd.Timestamp | None) -> str | None:
        """President id in office on ``d``; None before 1789, for missing dates or gaps."""
        if d is None or pd.isna(d):
            return None
        if isinstance(d, pd.Timestamp):
            d = d.date()
        # Terms do not overlap, so only the last term that began by ``d`` can hold it.
        i = bisect.bisect_right(self._took, d) - 1
        if i < 0:
            return None
        _took, left, pid, _name = self._terms[i]
        return pid if left is None or d < left else None

    def name_on(self, d: date | pd.Timestamp | None) -> str | None:
        """President's display name on ``d``."""
        pid = self.on(d)
        return self._names.get(pid) if pid else None


def president_on(d: date | pd.Timestamp | None, presidents: pd.DataFrame | PresidentTerms) -> str | None:
    """The U.S. president in office on ``d`` (id like 'obama-barack')."""
    terms = presidents if isinstance(presidents, PresidentTerms) else PresidentTerms(presidents)
    return terms.on(d)


# --- whole data set ------------------------------------------------------------------------
_DATE_COLS = ("start_date", "end_date", "took_office", "left_office")
_REJECT_COLS = ["kind", "level", "source_file", "position", "line", "byte_offset", "record_id", "reason", "detail",
                "raw"]
_REPORT_COLS = ["source_file", "kind", "well_formed", "utf8_ok", "parse_error", "read", "loaded", "rejected",
                "lxml_recovered", "note"]


@dataclass
class OfficialRecord:
    """Everything read from one data root; every record is in exactly one table or in rejects."""

    root: Path
    president_trips: pd.DataFrame
    secretary_trips: pd.DataFrame
    visits: pd.DataFrame
    presidents: pd.DataFrame
    rejects: pd.DataFrame
    file_report: pd.DataFrame

    @cached_property
    def terms(self) -> PresidentTerms:
        """Presidents' terms, built once per record set."""
        return PresidentTerms(self.presidents)

    def president_on(self, d: date | pd.Timestamp | None) -> str | None:
        """U.S. president in office on ``d``, from this root's presidents.xml."""
        return self.terms.on(d)

    def counts(self) -> pd.DataFrame:
        """read/loaded/rejected per kind (record-level rejects only)."""
        return self.file_report.groupby("kind")[["read", "loaded", "rejected"]].sum()


def _iter_files(root: Path) -> Iterator[tuple[KindSpec, Path]]:
    for spec in KINDS:
        for path in sorted(root.glob(spec.glob)):
            yield spec, path


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in _DATE_COLS:
        if col in df.columns:
            df[col] = pd.to_datetime(df[col])
    return df.drop(columns=["_raw"], errors="ignore")


def read_official(root: Path) -> OfficialRecord:
    """Parse every travels/visits/presidents file under ``root`` (a data root as in SOURCE.md).

    Duplicate ids are checked per kind across files: the first occurrence (files in
    sorted order) is kept and later ones are rejected, naming the first location.
    """
    root = Path(root)
    by_kind: dict[str, list[dict[str, Any]]] = {k.kind: [] for k in KINDS}
    seen_by_kind: dict[str, dict[Any, dict[str, Any]]] = {k.kind: {} for k in KINDS}
    rejects: list[dict[str, Any]] = []
    report: list[dict[str, Any]] = []
    for spec, path in _iter_files(root):
        rel = path.relative_to(root).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            res = FileResult(rel, spec.kind)
            _reject(res, None, Reason.FILE_UNREADABLE, str(exc))
        else:
            res = parse_file(data, rel, spec.kind)
        key = "n" if spec.kind == "president" else "id"
        seen = seen_by_kind[spec.kind]
        kept: list[dict[str, Any]] = []
        for rec in res.records:
            first = seen.get(rec[key])
            if first is not None:
                seg = Segment(rec["position"], -1, rec["line"], rec["_raw"].encode(), True, True)
                _reject(res, seg, Reason.DUPLICATE_ID,
                        f"{key} {rec[key]} first seen in {first['source_file']} line {first['line']}", str(rec[key]))
                res.rejects[-1]["byte_offset"] = None
                continue
            seen[rec[key]] = rec
            kept.append(rec)
        res.records = kept
        row = res.report_row()
        if row["read"] != row["loaded"] + row["rejected"]:
            raise AssertionError(f"{rel}: read {row['read']} != loaded {row['loaded']} + rejected {row['rejected']}")
        report.append(row)
        rejects += res.rejects
        by_kind[spec.kind] += res.records

    presidents = _frame(by_kind["president"])
    if presidents.empty:
        presidents = pd.DataFrame(columns=list(President.model_fields))
    terms = PresidentTerms(presidents)
    tables: dict[str, pd.DataFrame] = {}
    for kind in ("president_trip", "secretary_trip", "visit"):
        df = _frame(by_kind[kind])
        if df.empty:
            df = pd.DataFrame(columns=list(_MODEL[kind].model_fields))
        df["president_id"] = [terms.on(d) for d in df["start_date"]]
        df["president_name"] = [terms.name_on(d) for d in df["start_date"]]
        tables[kind] = df.reset_index(drop=True)
    return OfficialRecord(
        root=root,
        president_trips=tables["president_trip"],
        secretary_trips=tables["secretary_trip"],
        visits=tables["visit"],
        presidents=presidents,
        rejects=pd.DataFrame(rejects, columns=_REJECT_COLS).astype(
            {"position": "Int64", "line": "Int64", "byte_offset": "Int64"}
        ),
        file_report=pd.DataFrame(report, columns=_REPORT_COLS),
    )
