"""The official record in the database: load it, reconcile it with the curated record,
and turn its trips and visits into meetings for pairs the curated record does not cover.

Reconciliation rules:
- A curated meeting held in the U.S. matches a visit from the Soviet Union or Russia whose
  dates overlap the meeting's (with `SLACK_DAYS` either side); one held abroad matches a
  trip by a participating president to the venue state with overlapping dates.
- Ids listed in a meeting's `official_record_ids` must exist and must be of that kind.
- An official record that names a Soviet/Russian leader but matches no curated meeting is
  a mismatch unless `data/curated/official-notes.yaml` explains it (e.g. a visit by a
  leader who met only the vice president).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd
import yaml

from summitry.errors import SummitryError
from summitry.schema import TABLES, Record, Slug, state_name, successor
from summitry.sources.curated import Curated, default_curated_dir

SLACK_DAYS = 3
SOVIET_SIDE = ("SUN", "RUS")
LEADER_OFFICES = re.compile(
    r"\b(President|Prime Minister|Premier|General Secretary|Chairman|First Secretary)\b", re.I)


class OfficialNote(Record):
    """Why an official record has no curated meeting (or differs from it)."""

    record_id: str
    reason: str
    meeting_id: Slug | None = None


def _side(code: str | None) -> str | None:
    return successor(code) if code else code


def resolve_source(official: str | Path, progress: Callable[[str], None]) -> Path:
    """A local folder as is; 'upstream' or a URL is downloaded (pinned commits, checksummed)."""
    text = str(official)
    if text == "upstream" or text.startswith(("http://", "https://", "file://")):
        from platformdirs import user_cache_dir

        from summitry.sources.official import fetch_official

        progress("downloading the official record (pinned commits)")
        base = None if text == "upstream" else text
        try:
            return fetch_official(Path(user_cache_dir("summitry", appauthor=False)) / "historyatstate", base_url=base)
        except (OSError, ValueError, RuntimeError) as exc:  # URLError is an OSError; ChecksumError a RuntimeError
            raise SummitryError(f"could not download the official record from {base or 'upstream'}: {exc}. "
                                "Give a local folder with --official PATH instead.") from None
    path = Path(text).expanduser()
    if not (path / "travels").is_dir() or not (path / "visits").is_dir():
        raise SummitryError(f"{path} is not an Office of the Historian data folder (needs travels/ and visits/)")
    return path


def _frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    cols = TABLES[name].column_names
    df = df.copy()
    for c in cols:
        if c not in df.columns:
            df[c] = None
    return df[cols]  # DuckDB casts timestamps to DATE and missing values to NULL on insert


def load_official_frames(official: str | Path, cur: Curated, progress: Callable[[str], None]):
    from summitry.sources.official import extract_contacts, read_official

    root = resolve_source(official, progress)
    progress("parsing the official record")
    rec = read_official(root)
    progress("extracting leaders and events from remarks")
    contacts, events = extract_contacts(rec)
    frames = {
        "hsg_president_trips": _frame("hsg_president_trips", rec.president_trips),
        "hsg_secretary_trips": _frame("hsg_secretary_trips", rec.secretary_trips),
        "hsg_visits": _frame("hsg_visits", rec.visits),
        "hsg_presidents": _frame("hsg_presidents", rec.presidents),
        "hsg_contacts": _frame("hsg_contacts", contacts),
        "hsg_events": _frame("hsg_events", events),
        "hsg_rejects": _frame("hsg_rejects", rec.rejects),
        "hsg_file_report": _frame("hsg_file_report", rec.file_report),
    }
    progress("reconciling the curated record with the official record")
    links = reconcile_links(cur, rec.president_trips, rec.visits)
    frames["meeting_official_links"] = _frame("meeting_official_links", pd.DataFrame(links))
    counts = rec.file_report[["read", "loaded", "rejected"]].sum()
    digest = hashlib.sha256()
    for path in sorted(root.glob("travels/**/*.xml")) + sorted(root.glob("visits/data/*.xml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    info = {
        "official": "Office of the Historian, travels and visits (HistoryAtState)",
        "official_sha256": digest.hexdigest(),
        "official_records_read": str(int(counts["read"])),
        "official_records_loaded": str(int(counts["loaded"])),
        "official_records_rejected": str(int(counts["rejected"])),
    }
    report = rec.file_report[["source_file", "kind", "read", "loaded", "rejected"]].to_dict("records")
    return rec, frames, info, report


# --- reconciliation ---------------------------------------------------------------------------


def _overlaps(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date, slack: int = SLACK_DAYS) -> bool:
    pad = dt.timedelta(days=slack)
    return a0 <= b1 + pad and b0 <= a1 + pad


def _d(v) -> dt.date:
    return v.date() if hasattr(v, "date") and not isinstance(v, dt.date) or isinstance(v, pd.Timestamp) else v


class _Official(NamedTuple):
    """The fields of a trip or visit that reconciliation reads."""

    id: int
    who: str | None
    country_iso3: str | None
    start_date: dt.date
    end_date: dt.date


def _official_rows(df: pd.DataFrame) -> list[_Official]:
    """Rows as plain tuples with `datetime.date`s, built column-wise (itertuples is slow on Arrow strings)."""
    if df.empty:
        return []
    who = df["who"].tolist() if "who" in df.columns else [None] * len(df)
    dates = [[_d(v) for v in df[c].tolist()] for c in ("start_date", "end_date")]
    return [_Official(int(i), w, c, a, b) for i, w, c, a, b in
            zip(df["id"].tolist(), who, df["country_iso3"].tolist(), *dates, strict=True)]


def reconcile_links(cur: Curated, trips: pd.DataFrame, visits: pd.DataFrame) -> list[dict]:
    """Links between curated meetings and official records (listed ids first, then matches)."""
    trip_rows, visit_rows = _official_rows(trips), _official_rows(visits)
    trips_by_id = {r.id: r for r in trip_rows}
    visits_by_id = {r.id: r for r in visit_rows}
    soviet_visits = [r for r in visit_rows if r.country_iso3 in SOVIET_SIDE]
    trips_by_who: dict[str | None, list[_Official]] = {}
    for r in trip_rows:
        trips_by_who.setdefault(r.who, []).append(r)
    links: list[dict] = []
    for _, m in cur.meetings:
        listed = set(m.official_record_ids)
        for rid in sorted(listed):
            kind, num = rid.rsplit("-", 1)
            table = trips_by_id if kind == "hsg-trip" else visits_by_id
            row = table.get(int(num))
            if row is None:
                links.append({"meeting_id": m.id, "record_id": rid, "how": "curated", "dates_agree": None,
                              "note": "listed id not found in the official record"})
                continue
            links.append(_link(m, rid, row, "curated"))
        if m.status != "held" or listed:
            continue  # listed ids are the curator's word; search only for meetings without them
        if m.venue_state == "USA":
            found = [(f"hsg-visit-{r.id}", r) for r in soviet_visits
                     if _overlaps(m.start_date, m.end_date, _d(r.start_date), _d(r.end_date))]
        else:
            found = [(f"hsg-trip-{r.id}", r) for who in m.participants for r in trips_by_who.get(who, [])
                     if _side(r.country_iso3) == _side(m.venue_state)
                     and _overlaps(m.start_date, m.end_date, _d(r.start_date), _d(r.end_date))]
        for rid, row in found:
            if rid not in listed:
                links.append(_link(m, rid, row, "matched"))
    return links


def _link(m, rid: str, row, how: str) -> dict:
    o0, o1 = _d(row.start_date), _d(row.end_date)
    agree = o0 <= m.start_date and m.end_date <= o1
    note = "" if agree else (f"official dates {o0.isoformat()} to {o1.isoformat()}; curated "
                             f"{m.start_date.isoformat()} to {m.end_date.isoformat()} (the curated record follows "
                             "the days the leaders met; see the meeting's notes)")
    return {"meeting_id": m.id, "record_id": rid, "how": how, "dates_agree": agree, "note": note}


def load_notes(root: Path | None = None) -> dict[str, OfficialNote]:
    path = (root or default_curated_dir()) / "official-notes.yaml"
    if not path.exists():
        return {}
    notes = [OfficialNote.model_validate(x) for x in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return {n.record_id: n for n in notes}


@dataclass
class Reconciliation:
    matches: list[dict]
    curated_without_official: list[dict]
    official_without_curated: list[dict]

    @property
    def unexplained(self) -> list[dict]:
        return [r for r in self.curated_without_official + self.official_without_curated if not r["explained"]]


def reconcile(con: duckdb.DuckDBPyConnection, notes: dict[str, OfficialNote] | None = None) -> Reconciliation:
    """Matches, curated meetings with no official record, and official records naming a
    Soviet/Russian leader that match no curated meeting — each with its reason."""
    from summitry.db import has_table

    if not has_table(con, "hsg_visits"):
        from summitry.config import OFFICIAL_HINT

        raise SummitryError(OFFICIAL_HINT)
    notes = load_notes() if notes is None else notes
    matches = con.execute(
        "SELECT meeting_id, record_id, how, dates_agree, note FROM meeting_official_links ORDER BY meeting_id, record_id"
    ).df()
    matches_rows = matches.astype(object).where(matches.notna(), None).to_dict("records")
    coverage_end = con.execute("SELECT max(end_date) FROM hsg_visits").fetchone()[0]
    linked_meetings = {r["meeting_id"] for r in matches_rows if r["note"] != "listed id not found in the official record"}
    missing = []
    for mid, start, venue, mode in con.execute(
        "SELECT id, start_date, venue_state, mode FROM meetings WHERE status = 'held' ORDER BY start_date"
    ).fetchall():
        if mid in linked_meetings:
            continue
        reason, explained = "no official record found", False
        if venue == "USA" and start > coverage_end:
            reason, explained = f"after the official record's last visit ({coverage_end.isoformat()})", True
        note = next((n for n in notes.values() if n.meeting_id == mid), None)
        if note:
            reason, explained = note.reason, True
        missing.append({"meeting_id": mid, "date": start.isoformat(), "venue_state": venue, "mode": mode,
                        "reason": reason, "explained": explained})
    broken = [r for r in matches_rows if r["note"] == "listed id not found in the official record"]
    for r in broken:
        missing.append({"meeting_id": r["meeting_id"], "date": None, "venue_state": None, "mode": None,
                        "reason": f"lists {r['record_id']}, which the official record does not have",
                        "explained": False})
    linked_records = {r["record_id"] for r in matches_rows}
    orphans = []
    rows = con.execute("""
        SELECT 'hsg-visit-' || id AS record_id, start_date, visitor AS who, description AS text
        FROM hsg_visits WHERE country_iso3 IN ('SUN', 'RUS')
        UNION ALL
        SELECT DISTINCT 'hsg-trip-' || t.id, t.start_date, t.name, t.remarks
        FROM hsg_president_trips t JOIN hsg_contacts c ON c.record_kind = 'president_trip' AND c.record_id = t.id
        WHERE c.country_iso3 IN ('SUN', 'RUS') AND c.is_leader
        ORDER BY 2, 1
    """).fetchall()
    for rid, start, who, text in rows:
        if rid in linked_records:
            continue
        if rid.startswith("hsg-visit-") and not LEADER_OFFICES.search(who or ""):
            reason, explained = f"the visitor ({who}) is not a head of state or government", True
        elif rid in notes:
            reason, explained = notes[rid].reason, True
        else:
            reason, explained = "names a Soviet/Russian leader but matches no curated meeting", False
        orphans.append({"record_id": rid, "date": start.isoformat(), "who": who, "text": text,
                        "reason": reason, "explained": explained})
    return Reconciliation(matches_rows, missing, orphans)


# --- official records as meetings, for pairs the curated record does not cover ---------------

VISIT_FORMATS = {"state visit": "state-visit", "official visit": "official-visit",
                 "working visit": "working-visit", "official working visit": "working-visit",
                 "private visit": "informal-visit"}


@functools.cache  # a few hundred distinct values over thousands of records
def _visit_format(text: str | None) -> str:
    low = (text or "").lower()
    for key in sorted(VISIT_FORMATS, key=len, reverse=True):
        if key in low:
            return VISIT_FORMATS[key]
    return "official-visit"


@functools.cache  # a few hundred distinct values over thousands of records
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


_GOVERNMENT = re.compile(r"\b(prime minister|premier|chancellor|taoiseach|president of the council)\b", re.I)
_PARTY = re.compile(r"\b(general|first) secretary\b", re.I)
_STATE = re.compile(r"\b(president|king|queen|emperor|empress|amir|emir|shah|sultan|pope|grand duke|grand duchess|"
                    r"governor-general|chief of state|head of state|regent|prince|chairman)\b", re.I)
_NOT_IN_OFFICE = re.compile(r"-(elect|designate)\b|\bcrown prince\b|\bvice\b", re.I)


@functools.cache  # a few hundred distinct values over thousands of records
def office_kind(office: str | None) -> str | None:
    """What an office named in the official record made its holder, as the curated terms say it
    (head_of_state, head_of_government, party_leader); None when the title does not tell
    (President-elect, Crown Prince, a general's rank)."""
    if not office or _NOT_IN_OFFICE.search(office):
        return None
    if _GOVERNMENT.search(office):
        return "head_of_government"
    if _PARTY.search(office):
        return "party_leader"
    return "head_of_state" if _STATE.search(office) else None


#: The official record as meetings, staged in a temporary table of `out_meetings` columns: a
#: visit is a meeting with the visitor's state; a trip with the state visited, and with each
#: other state whose leader the record names as met. The look-up tables (_ok: office kinds,
#: _vf: visit formats, _sl: name slugs, _sn: state names) come from the Python rules above.
_STAGE_SQL = """
CREATE TEMP TABLE _official_meetings AS
WITH contact AS (
    SELECT record_id, country_iso3 AS state, min(counterpart_name) AS name, min(counterpart_office) AS office
    FROM hsg_contacts WHERE record_kind = 'president_trip' AND is_leader AND country_iso3 IS NOT NULL
      AND country_iso3 <> 'USA' GROUP BY ALL
), event AS (
    SELECT record_id, min(event_name) AS event FROM hsg_events WHERE record_kind = 'president_trip' GROUP BY ALL
), trip_state AS (
    SELECT id AS record_id, country_iso3 AS state FROM hsg_president_trips
    WHERE country_iso3 IS NOT NULL AND country_iso3 <> 'USA'
    UNION SELECT record_id, state FROM contact
), m AS (
    SELECT 'hsg-visit-' || v.id AS id, v.start_date, v.end_date, v.president_id AS pid, v.president_name AS pname,
           v.country_iso3 AS state, v.visitor_name AS cname, v.visitor_office AS coffice,
           'United States (place not recorded)' AS city, 'USA' AS venue_state, 'visit' AS mode, 'USA' AS host_state,
           NULL::VARCHAR AS multilateral_event, coalesce(vf.format, 'official-visit') AS format,
           'hsg-visit-' || v.id AS record,
           'Office of the Historian, visits ' || year(v.start_date) AS source_title,
           'https://history.state.gov/departmenthistory/visits/' || year(v.start_date) AS source_url
    FROM hsg_visits v LEFT JOIN _vf vf ON vf.description = v.description
    WHERE v.country_iso3 IS NOT NULL AND v.country_iso3 <> 'USA' AND v.president_id IS NOT NULL
    UNION ALL
    SELECT CASE WHEN s.state = t.country_iso3 THEN 'hsg-trip-' || t.id ELSE 'hsg-trip-' || t.id || '-' || lower(s.state) END,
           t.start_date, t.end_date, t.who, t.name, s.state, c.name, c.office,
           coalesce(split_part(t.locale, ',', 1), '?'), coalesce(t.country_iso3, '?'),
           CASE WHEN e.event IS NOT NULL THEN 'multilateral' WHEN s.state = t.country_iso3 THEN 'visit'
                ELSE 'third-party' END,
           t.country_iso3, e.event, CASE WHEN s.state = t.country_iso3 THEN 'official-visit' ELSE 'summit' END,
           'hsg-trip-' || t.id, 'Office of the Historian, travels of ' || t.name,
           'https://history.state.gov/departmenthistory/travels/president/' || t.who
    FROM trip_state s JOIN hsg_president_trips t ON t.id = s.record_id
    LEFT JOIN contact c ON c.record_id = s.record_id AND c.state = s.state
    LEFT JOIN event e ON e.record_id = t.id
)
SELECT m.id, m.start_date, m.end_date, 'day' AS date_precision,
       [{'leader_id': m.pid, 'name': m.pname, 'state': 'USA', 'office': 'President', 'office_kind': 'head_of_state'},
        {'leader_id': lower(m.state) || '-' || coalesce(sl.slug, 'leader'),
         'name': coalesce(m.cname, 'leader of ' || coalesce(sn.name, m.state)), 'state': m.state,
         'office': m.coffice, 'office_kind': ok.kind}] AS participants,
       m.city, NULL AS region, NULL AS site, m.venue_state, NULL AS latitude, NULL AS longitude, m.mode,
       m.host_state, m.multilateral_event, m.format, NULL AS officials_present, 'held' AS status,
       NULL AS announced_date, []::VARCHAR[] AS outcomes, [m.record] AS official_record_ids, NULL AS notes,
       [{'title': m.source_title, 'url': m.source_url}] AS sources, ['USA', m.state] AS participant_states,
       [m.pid, lower(m.state) || '-' || coalesce(sl.slug, 'leader')] AS participant_ids,
       CASE ok.kind WHEN 'head_of_government' THEN 'head-of-government' WHEN 'head_of_state' THEN 'head-of-state'
            WHEN 'party_leader' THEN 'head-of-state' END AS counterpart_office,
       NULL AS sides, 'official' AS origin, NULL::VARCHAR[] AS event_ids, NULL::BIGINT AS n_reports,
       NULL::BIGINT AS n_stories, NULL::DOUBLE AS confidence
FROM m LEFT JOIN _ok ok ON ok.office = m.coffice LEFT JOIN _sl sl ON sl.name = m.cname
LEFT JOIN _sn sn ON sn.code = m.state
"""


def _lookup(key: str, value: str, keys: list, rule) -> pd.DataFrame:
    """A two-column table of `rule` applied to each distinct non-empty key (text columns)."""
    keys = [k for k in keys if k]
    return pd.DataFrame({key: pd.Series(keys, dtype=object), value: pd.Series([rule(k) for k in keys], dtype=object)})


def stage_official_meetings(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every visit to the U.S. and every presidential trip abroad as meetings with the foreign
    state's leader, staged in the temporary table `_official_meetings` (the columns of
    `out_meetings`; ids hsg-visit-N, hsg-trip-N, hsg-trip-N-xxx for a state met elsewhere).
    States keep their own code (SUN, DDR); queries apply succession. Returns how many records
    gave no meeting, by reason, and how many meetings were staged."""
    def distinct(sql: str) -> list:
        return [v for (v,) in con.execute(sql).fetchall()]

    offices = distinct("SELECT DISTINCT visitor_office FROM hsg_visits UNION SELECT DISTINCT counterpart_office "
                       "FROM hsg_contacts")
    names = distinct("SELECT DISTINCT visitor_name FROM hsg_visits UNION SELECT DISTINCT counterpart_name "
                     "FROM hsg_contacts")
    codes = distinct("SELECT DISTINCT country_iso3 FROM hsg_visits UNION SELECT DISTINCT country_iso3 "
                     "FROM hsg_president_trips UNION SELECT DISTINCT country_iso3 FROM hsg_contacts")
    descriptions = distinct("SELECT DISTINCT description FROM hsg_visits")
    lookups = {
        "_ok": _lookup("office", "kind", offices, office_kind),
        "_vf": _lookup("description", "format", descriptions, _visit_format),
        "_sl": _lookup("name", "slug", names, _slug),
        "_sn": _lookup("code", "name", codes, state_name),
    }
    for name, frame in lookups.items():
        con.register(name, frame)
    try:
        con.execute("DROP TABLE IF EXISTS _official_meetings")
        con.execute(_STAGE_SQL)
    finally:
        for name in lookups:
            con.unregister(name)
    (no_visit,) = con.execute(
        "SELECT count(*) FROM hsg_visits WHERE country_iso3 IS NULL OR country_iso3 = 'USA' OR president_id IS NULL"
    ).fetchone()
    (no_trip,) = con.execute(
        "SELECT count(*) FROM hsg_president_trips t "
        "WHERE 'hsg-trip-' || t.id NOT IN (SELECT official_record_ids[1] FROM _official_meetings)").fetchone()
    (staged,) = con.execute("SELECT count(*) FROM _official_meetings").fetchone()
    return {"visit: no foreign state": no_visit, "trip: no foreign state": no_trip, "staged": staged}
