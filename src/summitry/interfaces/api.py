"""The Python API: plain functions returning pandas DataFrames or dicts.

The CLI and the web app call these (or the `query` functions under them); nothing
here prints.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from summitry import query
from summitry.builder import BuildResult, Progress
from summitry.builder import build as _build
from summitry.config import discover_events, discover_official, resolve_db_path
from summitry.query.access import connect

DB = str | os.PathLike | None


def build(
    db: DB = None,
    *,
    official: str | Path | None | bool = True,
    curated_root: Path | None = None,
    events: str | Path | None | bool = True,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the database. `official=True` uses a local copy of the official record if found;
    `events=True` the default events store once something is ingested into it, or give a store."""
    if official is True:
        official = discover_official()
    elif official is False:
        official = None
    if events is True:
        events = discover_events()
    elif events is False:
        events = None
    return _build(resolve_db_path(db), curated_root=curated_root, official=official, events=events,
                  progress=progress)


def meetings(
    between: tuple[str, str] | None = None,
    *,
    mode: str | None = None,
    host: str | None = None,
    start: str | int | dt.date | None = None,
    end: str | int | dt.date | None = None,
    status: str | None = None,
    leader: str | None = None,
    text: str | None = None,
    succession: bool = True,
    counterpart: str = "any",
    origin: str | None = None,
    db: DB = None,
    as_arrow: bool = False,
) -> pd.DataFrame | pa.Table:
    """Meetings, oldest first: the curated record, or with ``between`` any pair in the database
    (``origin`` says where each row comes from; ``origin="all"`` lists every origin).
    ``between=("USA", "RUS")`` includes Soviet meetings unless ``succession=False``;
    ``counterpart="head-of-state"`` keeps the meetings with the other state's leader, as most
    published lists count them (see `query.COUNTERPARTS`)."""
    with connect(db) as con:
        df = query.find_meetings(
            con, between=between, mode=mode, host=host, start=start, end=end, status=status,
            leader=leader, text=text, succession=succession, counterpart=counterpart, origin=origin,
        )
    return pa.Table.from_pandas(df, preserve_index=False) if as_arrow else df


def meeting(meeting_id: str, *, db: DB = None) -> dict:
    """One meeting as a dict (the JSON shape of `summitry show`)."""
    with connect(db) as con:
        return query.get_meeting(con, meeting_id)


def leaders(state: str | None = None, *, succession: bool = True, db: DB = None) -> pd.DataFrame:
    """Leaders with their terms in office."""
    with connect(db) as con:
        return query.find_leaders(con, state=state, succession=succession)


def context(meeting_id: str, *, db: DB = None) -> dict:
    """The reading of one meeting: venue, firsts, term timing, preparation, relations, format, signals."""
    from summitry.analysis.context import context_report

    with connect(db) as con:
        return context_report(con, meeting_id)


def first_meetings(between: tuple[str, str] = ("USA", "RUS"), *, db: DB = None) -> pd.DataFrame:
    """First meeting of every U.S. presidential term with the other side, days into the term."""
    from summitry.analysis.context import first_meetings as _first

    with connect(db) as con:
        return pd.DataFrame(_first(con, *between))


def precedents(meeting_id: str, *, db: DB = None) -> dict:
    """Earlier meetings in the same setting, state, and between the same leaders."""
    from summitry.analysis.context import precedents as _precedents

    with connect(db) as con:
        return _precedents(con, meeting_id)
