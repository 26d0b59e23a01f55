"""Queries over the official record (trips abroad, visits to the U.S., extracted contacts)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from summitry.config import OFFICIAL_HINT
from summitry.db import has_table
from summitry.errors import NotFound, UnknownValue
from summitry.query import parse_bound, state_codes


def _need(con: duckdb.DuckDBPyConnection) -> None:
    if not has_table(con, "hsg_visits"):
        raise NotFound(OFFICIAL_HINT)


def _dates(where: list[str], params: list, start, end, col: str = "start_date") -> None:
    lo, hi = parse_bound(start, end=False), parse_bound(end, end=True)
    if lo:
        where.append(f"{col} >= ?")
        params.append(lo)
    if hi:
        where.append(f"{col} <= ?")
        params.append(hi)


def find_visits(con: duckdb.DuckDBPyConnection, *, state: str | None = None,
                start: str | int | dt.date | None = None, end: str | int | dt.date | None = None,
                president: str | None = None) -> pd.DataFrame:
    """Foreign leaders' visits to the U.S., oldest first."""
    _need(con)
    where, params = [], []
    if state:
        where.append("list_contains(?::VARCHAR[], country_iso3)")
        params.append(state_codes(state))
    if president:
        where.append("president_id = ?")
        params.append(president)
    _dates(where, params, start, end)
    sql = ("SELECT id, start_date, end_date, visitor, visitor_office, visitor_name, country_iso3, from_label, "
           "description, president_id FROM hsg_visits")
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY start_date, id"
    return con.execute(sql, params).df()


def find_trips(con: duckdb.DuckDBPyConnection, *, president: str | None = None, state: str | None = None,
               start: str | int | dt.date | None = None, end: str | int | dt.date | None = None,
               secretary: bool = False) -> pd.DataFrame:
    """Presidents' (or secretaries of state's) trips abroad, oldest first."""
    _need(con)
    where, params = [], []
    if president:
        where.append("who = ?")
        params.append(president)
    if state:
        where.append("list_contains(?::VARCHAR[], country_iso3)")
        params.append(state_codes(state))
    _dates(where, params, start, end)
    table = "hsg_secretary_trips" if secretary else "hsg_president_trips"
    sql = f"SELECT id, who, name, start_date, end_date, country_iso3, country_label, locale, remarks FROM {table}"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY start_date, id"
    df = con.execute(sql, params).df()
    if president and df.empty and not con.execute(f"SELECT count(*) FROM {table} WHERE who = ?", [president]).fetchone()[0]:
        raise UnknownValue(f"no trips by {president!r} (ids look like obama-barack)")
    return df


def find_contacts(con: duckdb.DuckDBPyConnection, *, state: str | None = None, leaders_only: bool = True,
                  start: str | int | dt.date | None = None, end: str | int | dt.date | None = None) -> pd.DataFrame:
    """Leaders named in the official record as met by a president, with the text they came from."""
    _need(con)
    where, params = ["record_kind <> 'secretary_trip'"], []
    if state:
        where.append("list_contains(?::VARCHAR[], country_iso3)")
        params.append(state_codes(state))
    if leaders_only:
        where.append("is_leader")
    _dates(where, params, start, end, col="date")
    sql = ("SELECT record_kind, record_id, date, president_id, counterpart_office, counterpart_name, country_iso3, "
           "span_start, span_end, text FROM hsg_contacts WHERE " + " AND ".join(where)
           + " ORDER BY date, record_id, span_start")
    return con.execute(sql, params).df()


def file_report(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    _need(con)
    return con.execute("SELECT source_file, kind, read, loaded, rejected FROM hsg_file_report ORDER BY source_file").df()


def rejects(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    _need(con)
    return con.execute("SELECT source_file, line, record_id, reason, detail FROM hsg_rejects ORDER BY source_file, line").df()
