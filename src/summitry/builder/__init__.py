"""Build the embedded DuckDB database from the curated layer (and the official record).

The build writes a temporary file beside the target and renames it over the target only
when everything succeeded, so a failed build leaves the last good database in place.
Rows are inserted in a fixed order and build_info holds no clock time, so the same inputs
give the same content.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from summitry.builder.origins import derive
from summitry.config import VERSION as __version__
from summitry.schema import HISTORICAL_STATES, SCHEMA_VERSION, TABLES, Table, state_name
from summitry.sources.curated import Curated, load_curated

Progress = Callable[[str], None]

#: The denormalised meetings table (`out_meetings`), written once by the build so that
#: queries read one flat table instead of aggregating participants and sources each time.
OUT_MEETINGS_SQL = """
WITH counterpart AS (  -- the principal counterpart's state: the second participant listed
    SELECT meeting_id, state FROM meeting_participants WHERE position = 1
), p AS (
    SELECT mp.meeting_id,
           list({'leader_id': mp.leader_id, 'name': l.name, 'state': mp.state, 'office': mp.office,
                 'office_kind': mp.office_kind} ORDER BY mp.position) AS participants,
           list(mp.state ORDER BY mp.position) AS participant_states,
           list(mp.leader_id ORDER BY mp.position) AS participant_ids,
           CASE WHEN bool_or(mp.state = c.state AND mp.office_kind IN ('head_of_state', 'party_leader'))
                THEN 'head-of-state' ELSE 'head-of-government' END AS counterpart_office
    FROM meeting_participants mp JOIN leaders l USING (leader_id) JOIN counterpart c USING (meeting_id)
    GROUP BY mp.meeting_id
), s AS (
    SELECT meeting_id, list({'title': title, 'url': url} ORDER BY position) AS sources
    FROM meeting_sources GROUP BY meeting_id
)
SELECT m.id, m.start_date, m.end_date, m.date_precision, p.participants, m.city, m.region, m.site,
       m.venue_state, m.latitude, m.longitude, m.mode, m.host_state, m.multilateral_event,
       m.format, m.officials_present, m.status, m.announced_date, m.outcomes,
       m.official_record_ids, m.notes, s.sources, p.participant_states, p.participant_ids, p.counterpart_office,
       NULL AS sides, 'curated' AS origin, NULL AS event_ids, NULL AS n_reports, NULL AS n_stories, NULL AS confidence
FROM meetings m JOIN p ON p.meeting_id = m.id LEFT JOIN s ON s.meeting_id = m.id
ORDER BY m.start_date, m.id
"""


@dataclass
class BuildResult:
    db_path: Path
    counts: dict[str, int]
    official: object | None = None  # summitry.sources.official.OfficialRecord when loaded
    report: list[dict] = field(default_factory=list)  # per source file: read/loaded/rejected


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=table.column_names)


def curated_frames(cur: Curated) -> dict[str, pd.DataFrame]:
    """The curated layer as one DataFrame per table, rows in a fixed order."""
    leaders, terms = [], []
    for lid in sorted(cur.leaders):
        leader = cur.leaders[lid]
        leaders.append({
            "leader_id": lid, "name": leader.name, "state": leader.state,
            "aliases": list(leader.aliases),
            "sources": [s.model_dump() for s in leader.sources],
        })
        for term in sorted(leader.terms, key=lambda t: (t.start_date, t.office)):
            terms.append({"leader_id": lid, **term.model_dump()})

    meetings, participants, sources = [], [], []
    for rel, m in cur.meetings:
        row = m.model_dump(exclude={"participants", "sources"})
        row["source_file"] = rel
        meetings.append(row)
        for pos, pid in enumerate(m.participants):
            leader = cur.leaders[pid]
            term = leader.term_on(m.start_date)
            participants.append({
                "meeting_id": m.id, "position": pos, "leader_id": pid, "state": leader.state,
                "office": term.office if term else None, "office_kind": term.kind if term else None,
            })
        for pos, src in enumerate(m.sources):
            sources.append({"meeting_id": m.id, "position": pos, **src.model_dump()})

    relations = []
    for dyad in sorted(cur.relations):
        for e in sorted(cur.relations[dyad], key=lambda e: (e.start_date or e.date, e.id)):
            row = e.model_dump(exclude={"sources"})
            row["entry_id"] = row.pop("id")
            relations.append({"dyad": dyad, **row, "sources": [s.model_dump() for s in e.sources]})

    codes = {lead.state for lead in cur.leaders.values()}
    codes |= {m.venue_state for _, m in cur.meetings} | {m.host_state for _, m in cur.meetings if m.host_state}
    codes |= set(HISTORICAL_STATES)
    states = [
        {"state": c, "name": state_name(c), "successor": HISTORICAL_STATES.get(c, (None, None))[1]}
        for c in sorted(codes)
    ]
    rows = {
        "states": states, "leaders": leaders, "terms": terms, "meetings": meetings,
        "meeting_participants": participants, "meeting_sources": sources, "relations": relations,
    }
    return {name: _frame(TABLES[name], r) for name, r in rows.items()}


def _as_arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """Arrow inserts are about a quarter faster than pandas scans; a column Arrow cannot
    type (mixed Python objects) falls back to the pandas scan, which casts per value."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def _insert(con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame) -> None:
    if len(frame):
        con.register("_frame", _as_arrow(frame))
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        con.execute(f'INSERT INTO "{table.name}" ({cols}) SELECT {cols} FROM _frame')
        con.unregister("_frame")


def _write(con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame) -> None:
    con.execute(table.ddl())
    _insert(con, table, frame)


def build(
    db_path: Path,
    *,
    curated_root: Path | None = None,
    official: str | Path | None = None,
    events: str | Path | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Validate the inputs and (re)build the database at `db_path` atomically.

    `official` is the Office of the Historian's data root; `events` an ingested events store
    (`summitry events ingest`). Meetings derived from either join `out_meetings` by
    `summitry.builder.origins.ORIGIN_RULE`."""
    say = progress or (lambda _msg: None)
    say("validating the curated record")
    cur = load_curated(curated_root)
    frames = curated_frames(cur)

    info = {
        "summitry_version": __version__,
        "schema_version": str(SCHEMA_VERSION),
        "curated_sha256": cur.digest,
        "official": "absent",
    }
    official_record, report = None, []
    if official is not None:
        from summitry.builder.official import load_official_frames

        say(f"reading the official record from {official}")
        official_record, official_frames, official_info, report = load_official_frames(official, cur, progress=say)
        frames.update(official_frames)
        info.update(official_info)
    events_store = None
    if events is not None:
        from summitry.sources.events.ingest import load_manifest

        events_store = Path(events)
        info["events_store_files"] = str(len(load_manifest(events_store)["files"]))

    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    say(f"writing {db_path}")
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("BEGIN")  # one commit for the whole build, not one per statement
            for name, frame in frames.items():
                _write(con, TABLES[name], frame)
            out = TABLES["out_meetings"]
            con.execute(out.ddl())
            con.execute(f'INSERT INTO out_meetings SELECT * FROM ({OUT_MEETINGS_SQL})')
            if official_record is not None or events_store is not None:
                say("deriving meetings from the official record and event data")
                derived = derive(con, official=official_record is not None, events_store=events_store)
                _insert(con, out, _frame(out, sorted(derived.rows, key=lambda r: (r["start_date"], r["id"]))))
                info.update({f"derived {k}": str(v) for k, v in sorted(derived.counts.items())})
            old, new = map(list, zip(*((k, v or k) for k, (_, v) in sorted(HISTORICAL_STATES.items())), strict=True))
            con.execute("""UPDATE out_meetings SET sides = '|' || array_to_string(list_sort(list_distinct(
                list_transform(participant_states, lambda x: coalesce(list_extract(?::VARCHAR[],
                list_position(?::VARCHAR[], x)), x)))), '|') || '|'""", [new, old])
            info_frame = pd.DataFrame(sorted(info.items()), columns=["key", "value"])
            _write(con, TABLES["build_info"], info_frame)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    counts = {name: len(frame) for name, frame in frames.items()}
    return BuildResult(db_path, counts, official_record, report)

