"""Queries over the curated meetings and leaders, shared by the CLI, the Python API and the web.

All SQL here is parameterised; user input never becomes SQL text.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import duckdb

from summitry.errors import InvalidQuery, NotFound, UnknownValue

if TYPE_CHECKING:
    import pandas as pd
from summitry.schema import HISTORICAL_STATES, ORIGINS
from summitry.schema import state_codes as state_codes  # re-exported: callers use query.state_codes

MODES = ("visit", "third-party", "multilateral")
STATUSES = ("held", "cancelled", "collapsed")
#: Who the U.S. president met on the other side. `head-of-state`: the state's leader (its
#: president, or the Soviet party leader, who led the USSR whatever his state title) took
#: part; `head-of-government`: only a prime minister or chairman of the Council of Ministers
#: did (Glassboro 1967, Chernomyrdin, Putin in 1999, Medvedev 2012-2020); `any`: both.
COUNTERPARTS = ("head-of-state", "head-of-government", "any")

MEETINGS_SQL = """
SELECT m.id, m.start_date, m.end_date, m.date_precision, m.participants, m.city, m.region, m.site,
       m.venue_state, m.latitude, m.longitude, m.mode, m.host_state, m.multilateral_event,
       m.format, m.officials_present, m.status, m.announced_date, m.outcomes,
       m.official_record_ids, m.notes, m.sources, m.counterpart_office, m.origin,
       m.event_ids, m.n_reports, m.n_stories, m.confidence
FROM out_meetings m
"""


def parse_bound(value: str | int | dt.date | None, *, end: bool) -> dt.date | None:
    """A year (1985) or an ISO date; a year as upper bound means its last day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if text.isdigit() and len(text) == 4:
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidQuery(f"not a year or ISO date: {text!r}") from None


def find_meetings(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """Meetings matching every given filter, oldest first (see `meetings_sql` for filters).

    An unknown leader id is an error, not an empty result, so a typo is not read as "never met"."""
    sql, params = meetings_sql(**filters)
    df = con.execute(sql, params).df()
    if df.empty and filters.get("leader"):
        known_leader(con, filters["leader"])
    return df


def known_leader(con: duckdb.DuckDBPyConnection, leader_id: str) -> None:
    if con.execute("SELECT 1 FROM leaders WHERE leader_id = ?", [leader_id]).fetchone() is None:
        raise UnknownValue(f"unknown leader id {leader_id!r} (see `summitry leaders` for ids, e.g. putin-vladimir)")


def meeting_rows(con: duckdb.DuckDBPyConnection, **filters: Any) -> list[dict]:
    """The same as `find_meetings`, as plain dicts with Python dates (no pandas): the
    analysis reads many small histories, where building a DataFrame costs more than the query."""
    ordered = filters.get("limit") is not None  # a page needs SQL's order; else sorting here is cheaper
    sql, params = meetings_sql(**filters, order=ordered)
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    if not ordered:  # DuckDB sorts the wide nested rows before it hands them over, Python only two keys
        rows.sort(key=lambda r: (r["start_date"], r["id"]))
    return rows


def meetings_sql(
    *,
    between: tuple[str, str] | None = None,
    mode: str | None = None,
    host: str | None = None,
    start: str | int | dt.date | None = None,
    end: str | int | dt.date | None = None,
    status: str | None = None,
    leader: str | None = None,
    text: str | None = None,
    succession: bool = True,
    counterpart: str | None = None,
    origin: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: bool = True,
) -> tuple[str, list]:
    """Parameterised SQL for meetings matching every given filter, oldest first.

    `origin` is curated, official, events or all. Left out, it is all when `between` names a
    pair (the build has already chosen one origin per pair and date) and curated otherwise, so an
    unfiltered list is the curated record, not every official visit since 1874."""
    where, params = [], []
    origin = origin or ("all" if between else "curated")
    if origin not in (*ORIGINS, "all"):
        raise InvalidQuery(f"unknown origin {origin!r}; one of {', '.join((*ORIGINS, 'all'))}")
    if origin != "all":
        where.append("m.origin = ?")
        params.append(origin)
    if between:
        for code in between:
            codes = state_codes(code, succession=succession)
            if succession and codes[0] not in HISTORICAL_STATES:  # a current state and its predecessors
                where.append("contains(m.sides, ?)")
                params.append(f"|{codes[0]}|")
            else:
                where.append("list_has_any(m.participant_states, ?::VARCHAR[])")
                params.append(codes)
    if mode:
        if mode not in MODES:
            raise InvalidQuery(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        where.append("m.mode = ?")
        params.append(mode)
    if host:
        where.append("list_contains(?::VARCHAR[], m.host_state)")
        params.append(state_codes(host, succession=succession))
    if status:
        if status not in STATUSES:
            raise InvalidQuery(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        where.append("m.status = ?")
        params.append(status)
    lo, hi = parse_bound(start, end=False), parse_bound(end, end=True)
    if lo and hi and lo > hi:
        raise InvalidQuery(f"the period is empty: it starts {lo.isoformat()}, after it ends {hi.isoformat()}")
    if lo:
        where.append("m.end_date >= ?")
        params.append(lo)
    if hi:
        where.append("m.start_date <= ?")
        params.append(hi)
    if counterpart and counterpart != "any":
        if counterpart not in COUNTERPARTS:
            raise InvalidQuery(f"unknown counterpart {counterpart!r}; one of {', '.join(COUNTERPARTS)}")
        where.append("m.counterpart_office = ?")
        params.append(counterpart)
    if leader:
        where.append("list_contains(m.participant_ids, ?)")
        params.append(leader)
    if text:
        where.append(
            "(m.id || ' ' || coalesce(m.city, '') || ' ' || coalesce(m.region, '') || ' ' || coalesce(m.site, '') || ' '"
            " || coalesce(m.multilateral_event, '') || ' ' || coalesce(m.notes, '') || ' '"
            " || array_to_string(list_transform(m.participants, lambda x: x.name), ' ')) ILIKE ?"
        )
        params.append(f"%{text}%")
    sql = MEETINGS_SQL + (" WHERE " + " AND ".join(where) if where else "")
    if order:
        sql += " ORDER BY m.start_date, m.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return sql, params


def get_meeting(con: duckdb.DuckDBPyConnection, meeting_id: str) -> dict:
    cur = con.execute(MEETINGS_SQL + " WHERE m.id = ?", [meeting_id])
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no meeting with id {meeting_id!r} (see `summitry meetings` for ids)")
    return {d[0]: jsonable(v) for d, v in zip(cur.description, row, strict=True)}


def find_leaders(con: duckdb.DuckDBPyConnection, *, state: str | None = None, succession: bool = True) -> pd.DataFrame:
    sql = """
        SELECT l.leader_id, l.name, l.state, l.aliases,
               list({'office': t.office, 'kind': t.kind, 'start_date': t.start_date, 'end_date': t.end_date}
                    ORDER BY t.start_date) AS terms,
               min(t.start_date) AS first_in_office
        FROM leaders l JOIN terms t USING (leader_id)
    """
    params: list = []
    if state:
        sql += " WHERE list_contains(?::VARCHAR[], l.state)"
        params.append(state_codes(state, succession=succession))
    sql += " GROUP BY ALL ORDER BY l.state, first_in_office, l.leader_id"
    return con.execute(sql, params).df().drop(columns="first_in_office")


def relation_periods(con: duckdb.DuckDBPyConnection, dyad: str = "USA-RUS") -> list[tuple[dt.date, dt.date, str]]:
    """(start, end, climate) of the curated relations periods of a dyad, in order."""
    rows = con.execute("SELECT start_date, end_date, climate FROM relations WHERE dyad = ? AND kind = 'period' "
                       "ORDER BY start_date", [dyad]).fetchall()
    return [(s, e or dt.date.max, c) for s, e, c in rows]


def jsonable(value: Any) -> Any:
    """Plain JSON types from what DuckDB/pandas hand back (dates, numpy, NaN, structs)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # also pandas Timestamp; NaT is the one unequal to itself
        return None if value != value else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return jsonable(value.tolist())
    return value


def records(df: pd.DataFrame) -> list[dict]:
    return [{k: jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


