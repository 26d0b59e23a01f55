"""Running the pipeline over an ingested store, and meetings as curated-like records.

A store is a folder made by `ingest` (or by `generate --format parquet`): Parquet parts
under gdelt/ and polecat/, listed in manifest.json. Computed meetings of every pair are
cached in meetings.parquet, keyed by the manifest and the method parameters, so
`summitry events meetings` is instant after an ingest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from summitry.errors import NotFound, SummitryError
from summitry.schema import state_codes
from summitry.sources.events import engines, reference
from summitry.sources.events.ingest import load_manifest, parts
from summitry.sources.events.pipeline import (
    DEFAULT_PARAMS,
    METHOD_VERSION,
    Params,
    gdelt_reports,
    meetings_expr,
    polecat_reports,
    reference_tables,
)

CACHE = "meetings.parquet"
MAX_SOURCES = 20

MEETING_SCHEMA = pa.schema([
    ("leader_a", pa.string()), ("leader_b", pa.string()), ("state_a", pa.string()), ("state_b", pa.string()),
    ("start_date", pa.date32()), ("end_date", pa.date32()), ("venue_state", pa.string()), ("city", pa.string()),
    ("mode", pa.string()), ("host_state", pa.string()), ("multilateral_event", pa.string()),
    ("n_reports", pa.int64()), ("n_stories", pa.int64()), ("n_sources", pa.int64()), ("n_mentions", pa.int64()),
    ("confidence", pa.float64()),
    ("event_ids", pa.list_(pa.string())), ("urls", pa.list_(pa.string())),
])


def default_store() -> Path:
    """$SUMMITRY_EVENTS, else `events/` beside the database in the user data directory."""
    from summitry.config import default_events_store

    return default_events_store()


def _digest(store: Path, params: Params, leaders: reference.Leaders) -> str:
    man = load_manifest(store)
    key = {
        "files": sorted(man["files"]),
        "params": asdict(params),
        "method": METHOD_VERSION,
        "leaders": hashlib.sha256(repr(sorted(
            (t.leader_id, t.start_date, t.end_date, t.aliases) for t in leaders.terms)).encode()).hexdigest(),
        "calendar": hashlib.sha256(repr(reference.calendar()).encode()).hexdigest(),
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def meetings_table(store: str | os.PathLike, *, engine: str = "duckdb", params: Params = DEFAULT_PARAMS,
                   leaders: reference.Leaders | None = None) -> pa.Table:
    """Run the pipeline over the store on `engine`; one row per candidate meeting, sorted."""
    store = Path(store)
    leaders = leaders or reference.load_leaders(None)
    con = engines.connect(engine)
    refs = reference_tables(leaders)
    sources = []
    g = parts(store, "gdelt")
    if g:
        sources.append(gdelt_reports(engines.read_parquet(con, g, "ev_gdelt"), refs["fips"]))
    p = parts(store, "polecat")
    if p:
        sources.append(polecat_reports(engines.read_parquet(con, p, "ev_polecat")))
    if not sources:
        raise NotFound(f"no ingested event files in {store} (run `summitry events ingest FILES --out {store}`)")
    reports = sources[0] if len(sources) == 1 else sources[0].union(sources[1])
    expr = meetings_expr(reports, refs["aliases"], refs["cameo"], refs["calendar"], params)
    table = con.to_pyarrow(expr)
    return _canonical(table)


def _canonical(table: pa.Table) -> pa.Table:
    """Sorted rows, sorted evidence lists, fixed schema: equal results compare equal."""
    rows = table.to_pylist()
    for r in rows:
        r["event_ids"] = sorted(set(r["event_ids"] or []))
        r["urls"] = sorted({u for u in r["urls"] or [] if u})
        for k in ("start_date", "end_date"):
            if isinstance(r[k], dt.datetime):
                r[k] = r[k].date()
    rows.sort(key=lambda r: (r["start_date"], r["leader_a"], r["leader_b"]))
    return pa.Table.from_pylist([{k: r.get(k) for k in MEETING_SCHEMA.names} for r in rows], schema=MEETING_SCHEMA)


def compute(store: str | os.PathLike, *, engine: str = "duckdb", params: Params = DEFAULT_PARAMS,
            leaders: reference.Leaders | None = None, refresh: bool = False) -> pa.Table:
    """Meetings of every pair, from the cache when the store and method are unchanged."""
    store = Path(store)
    leaders = leaders or reference.load_leaders(None)
    digest = _digest(store, params, leaders)
    cache = store / CACHE
    if cache.exists() and not refresh:
        meta = pq.read_schema(cache).metadata or {}
        if meta.get(b"summitry_digest") == digest.encode():
            return pq.read_table(cache)
    table = meetings_table(store, engine=engine, params=params, leaders=leaders)
    table = table.replace_schema_metadata({"summitry_digest": digest, "engine": engine})
    tmp = store / f".{CACHE}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, cache)
    return table


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reference.strip_accents(text or "unknown").lower()).strip("-") or "unknown"


def to_records(table: pa.Table, leaders: reference.Leaders) -> list[dict[str, Any]]:
    """Meetings shaped like curated meeting records, marked `origin: events`."""
    names = {t.leader_id: t.name for t in leaders.terms}
    out = []
    for r in table.to_pylist():
        start: dt.date = r["start_date"]
        participants = [
            {"leader_id": r["leader_a"], "name": names.get(r["leader_a"], r["leader_a"]), "state": r["state_a"]},
            {"leader_id": r["leader_b"], "name": names.get(r["leader_b"], r["leader_b"]), "state": r["state_b"]},
        ]
        out.append({
            "id": f"ev-{start:%Y-%m-%d}-{_slug(r['city'] or r['venue_state'])}-{r['leader_a']}-{r['leader_b']}",
            "start_date": start.isoformat(),
            "end_date": r["end_date"].isoformat(),
            "participants": participants,
            "city": r["city"],
            "venue_state": r["venue_state"],
            "mode": r["mode"],
            "host_state": r["host_state"],
            "multilateral_event": r["multilateral_event"],
            "format": "summit",
            "status": "held",
            "sources": [{"title": "event report", "url": u} for u in r["urls"][:MAX_SOURCES]],
            "confidence": r["confidence"],
            "n_reports": r["n_reports"],
            "n_stories": r["n_stories"],
            "n_sources": r["n_sources"],
            "n_mentions": r["n_mentions"],
            "evidence": {"event_ids": r["event_ids"], "urls": r["urls"]},
            "origin": "events",
        })
    return out


def filter_pair(records: list[dict[str, Any]], a: str | None, b: str | None, *,
                succession: bool = True) -> list[dict[str, Any]]:
    """Meetings between a state of `a` and a state of `b` (RUS includes SUN with succession)."""
    if not a and not b:
        return records
    sa = set(state_codes(a, succession=succession)) if a else set()
    sb = set(state_codes(b, succession=succession)) if b else set()

    def keep(x: str, y: str) -> bool:
        if sa and sb:
            return (x in sa and y in sb) or (x in sb and y in sa)
        return bool({x, y} & (sa or sb))

    return [m for m in records if keep(*(p["state"] for p in m["participants"]))]


def event_meetings(
    store: str | os.PathLike | None,
    a: str | None = None,
    b: str | None = None,
    *,
    engine: str = "duckdb",
    params: Params = DEFAULT_PARAMS,
    leaders: reference.Leaders | None = None,
    con: Any = None,
    succession: bool = True,
) -> list[dict[str, Any]]:
    """Candidate leader meetings between states `a` and `b` found in an ingested store.

    Each is a dict shaped like a curated meeting record (id, start_date, end_date,
    participants [{leader_id, name, state}], city, venue_state, mode, host_state,
    multilateral_event, format 'summit', status 'held', sources) plus confidence,
    n_reports, evidence and origin 'events'. Oldest first. The leaders are `leaders`, else the
    curated ones of the database connection `con` plus the bundled ones.
    """
    store = Path(store) if store else default_store()
    if not (store / "manifest.json").exists():
        raise SummitryError(f"{store} is not an events store (run `summitry events ingest FILES --out {store}`)")
    leaders = leaders or reference.load_leaders(con)
    table = compute(store, engine=engine, params=params, leaders=leaders)
    return filter_pair(to_records(table, leaders), a, b, succession=succession)


def _term_on(leaders: reference.Leaders, leader_id: str, day: dt.date) -> reference.LeaderTerm | None:
    for t in leaders.terms:
        if t.leader_id == leader_id and t.start_date <= day and (t.end_date is None or day <= t.end_date):
            return t
    return None


def event_meeting_rows(store: str | os.PathLike, *, con: Any = None, engine: str = "duckdb",
                       params: Params = DEFAULT_PARAMS) -> list[dict[str, Any]]:
    """Every candidate meeting in the store in the shape of an `out_meetings` row (origin
    events), with the office each leader held on the day; the build writes them."""
    leaders = reference.load_leaders(con)
    out = []
    for r in event_meetings(store, engine=engine, params=params, leaders=leaders):
        start, end = dt.date.fromisoformat(r["start_date"]), dt.date.fromisoformat(r["end_date"])
        participants = []
        for p in r["participants"]:
            term = _term_on(leaders, p["leader_id"], start)
            participants.append({**p, "office": term.office if term else None, "office_kind": term.kind if term else None})
        participants.sort(key=lambda p: p["state"] != "USA")  # the U.S. side first, as in the curated record
        kind = participants[1]["office_kind"]
        out.append({
            **{k: r[k] for k in ("id", "city", "venue_state", "mode", "host_state", "multilateral_event", "format",
                                 "status", "sources", "n_reports", "n_stories", "confidence")},
            "start_date": start, "end_date": end, "date_precision": "day", "participants": participants,
            "region": None, "site": None, "latitude": None, "longitude": None, "officials_present": None,
            "announced_date": None, "outcomes": [], "official_record_ids": [], "notes": None,
            "participant_states": [p["state"] for p in participants],
            "participant_ids": [p["leader_id"] for p in participants],
            "counterpart_office": None if kind is None else
            ("head-of-government" if kind == "head_of_government" else "head-of-state"),
            "sides": None, "origin": "events", "event_ids": r["evidence"]["event_ids"],
        })
    return out
