"""The curated record as the checker needs it: every meeting and leader, in memory.

The record is small (hundreds of meetings), so one read through the shared queries
(`summitry.query.find_meetings` / `find_leaders`) per database file is cheaper than a
query per claim, and keeps verification linear in the number of claims. The snapshot
is cached per database path and modification time.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import duckdb

from summitry import query
from summitry.checker.spelling import event_families, fold
from summitry.query.access import ensure_built

T = TypeVar("T")
US = "USA"
SOVIET_SIDE = frozenset({"SUN", "RUS"})


def side(state: str | None) -> str | None:
    """'US', 'RU' (Soviet Union or Russia) or None for anyone else."""
    if state == US:
        return "US"
    if state in SOVIET_SIDE:
        return "RU"
    return None


def same_state(a: str | None, b: str | None) -> bool:
    """States equal, the Soviet Union and Russia counting as one (succession)."""
    if a is None or b is None:
        return False
    return a == b or (a in SOVIET_SIDE and b in SOVIET_SIDE)


@dataclass(frozen=True)
class Leader:
    id: str
    name: str
    state: str
    aliases: tuple[str, ...]
    terms: tuple[tuple[dt.date, dt.date | None], ...]
    offices: tuple[tuple[dt.date, dt.date | None, str, str], ...] = ()  # (start, end, kind, office title)

    def offices_on(self, day: dt.date) -> list[tuple[str, str]]:
        """(kind, office title) of every office held on `day`."""
        return [(k, o) for s, e, k, o in self.offices if s <= day and (e is None or day <= e)]

    @cached_property
    def surname(self) -> str:
        """The last name (suffixes dropped), worked out once: corrections name the pair."""
        parts = [p for p in self.name.replace(",", " ").split() if p.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
        return parts[-1] if parts else self.name

    def in_office(self, start: dt.date, end: dt.date) -> bool:
        """Whether any term overlaps ``[start, end]``."""
        return any(s <= end and (e is None or e >= start) for s, e in self.terms)

    @property
    def first_day(self) -> dt.date:
        return min(s for s, _ in self.terms)


@dataclass
class Meeting:
    id: str
    start: dt.date
    end: dt.date
    participants: tuple[str, ...]
    city: str
    region: str | None
    site: str | None
    venue_state: str
    lat: float | None
    lon: float | None
    mode: str
    host_state: str | None
    event: str | None
    format: str
    officials_present: bool | None
    status: str
    notes: str | None
    sources: tuple[dict, ...]
    families: frozenset[str] = frozenset()  # multilateral event families (G20, APEC...)

    @cached_property
    def participant_set(self) -> frozenset[str]:
        """The participants as a set, built once: verification tests it for every claim."""
        return frozenset(self.participants)

    def place_names(self, with_notes: bool) -> str:
        """City, region, site and event (and the notes), lowercased and accent-folded, for
        place look-ups; folded once per meeting, not once per claim checked against it."""
        return self._place_names[with_notes]

    @cached_property
    def _place_names(self) -> tuple[str, str]:
        parts = [self.city, self.region, self.site, self.event]
        return (fold(" | ".join(x for x in parts if x).lower()),
                fold(" | ".join(x for x in [*parts, self.notes] if x).lower()))


@dataclass(frozen=True)
class OtherLeader:
    """A leader of a state beyond the record's pair, as a name and a state."""

    name: str
    state: str


@dataclass(frozen=True)
class OfficialMeeting:
    """One official-record meeting of a U.S. president, as a pointer."""

    id: str
    state: str
    start: dt.date
    end: dt.date
    url: str | None


@dataclass
class Record:
    leaders: dict[str, Leader]
    meetings: list[Meeting]
    path: Path | None = None
    others: list[OtherLeader] = field(default_factory=list)  # leaders beyond the record (checker.outside)
    official: list[OfficialMeeting] = field(default_factory=list)  # the official record's meetings, as pointers
    periods: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)  # U.S.–Soviet/Russian climate periods
    by_leader: dict[str, list[Meeting]] = field(default_factory=dict)
    _with_all: dict[tuple[str, ...], tuple[Meeting, ...]] = field(default_factory=dict, repr=False, compare=False)
    _sides: dict[tuple[str, ...], frozenset[str | None]] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.meetings.sort(key=lambda m: (m.start, m.id))
        for m in self.meetings:
            for pid in m.participants:
                self.by_leader.setdefault(pid, []).append(m)

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """What is built from the record once and kept with it (its gazetteer, the other
        leaders' names): built at first use, never for another record."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]  # type: ignore[return-value]

    def sides(self, ids: tuple[str, ...]) -> frozenset[str | None]:
        """The sides ('US', 'RU' or None) of the leaders ``ids`` the record knows: a name's
        candidates are looked up once per record, not at every mention of the name."""
        hit = self._sides.get(ids)
        if hit is None:
            hit = self._sides[ids] = frozenset(side(self.leaders[i].state) for i in ids if i in self.leaders)
        return hit

    def with_all(self, ids: list[str]) -> list[Meeting]:
        """Meetings in which every one of ``ids`` took part (all meetings for none)."""
        if not ids:
            return list(self.meetings)
        key = tuple(ids)
        hit = self._with_all.get(key)
        if hit is None:  # a handful of leader combinations per record: each filtered once
            need = set(ids)
            pool = min((self.by_leader.get(i, []) for i in ids), key=len)
            hit = self._with_all[key] = tuple(m for m in pool if need <= m.participant_set)
        return list(hit)


def _date(v: object) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def load_record(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> Record:
    """Read every leader and meeting through the shared queries."""
    leaders: dict[str, Leader] = {}
    for row in query.records(query.find_leaders(con)):
        terms = tuple((_date(t["start_date"]), _date(t["end_date"]) if t.get("end_date") else None) for t in row["terms"])
        offices = tuple((s, e, t["kind"], t["office"]) for (s, e), t in zip(terms, row["terms"], strict=True))
        leaders[row["leader_id"]] = Leader(row["leader_id"], row["name"], row["state"], tuple(row.get("aliases") or ()),
                                           terms, offices)
    meetings = []
    for r in query.records(query.find_meetings(con)):
        meetings.append(Meeting(
            id=r["id"], start=_date(r["start_date"]), end=_date(r["end_date"]),
            participants=tuple(p["leader_id"] for p in r["participants"]),
            city=r["city"], region=r.get("region"), site=r.get("site"), venue_state=r["venue_state"],
            lat=r.get("latitude"), lon=r.get("longitude"), mode=r["mode"], host_state=r.get("host_state"),
            event=r.get("multilateral_event"), format=r["format"], officials_present=r.get("officials_present"),
            status=r["status"], notes=r.get("notes"), sources=tuple(r.get("sources") or ()),
            families=event_families(r.get("multilateral_event") or ""),
        ))
    others, official = _beyond_the_record(con)
    return Record(leaders, meetings, path, others, official, query.relation_periods(con, "USA-RUS"))


def _beyond_the_record(con: duckdb.DuckDBPyConnection) -> tuple[list, list]:
    """Leaders of other states (the official record's counterparts, the bundled leader table) and
    the official record's meetings, read from the same meetings table as the record."""
    from summitry.sources.events.reference import bundled_leaders

    others: dict[tuple[str, str], OtherLeader] = {}
    official = []
    for r in query.meeting_rows(con, origin="official"):
        foreign = [p for p in r["participants"] if p["state"] != "USA"]
        if not foreign:
            continue
        p = foreign[0]
        if p["name"] and not p["name"].startswith("leader of "):
            for name in re.split(r"\s+and\s+|;", p["name"]):
                name = re.sub(r"^(?:President|Prime Minister|King|Queen|Chancellor|Premier)\s+", "", name.strip())
                if len(name.split()) >= 2:
                    others.setdefault((name, p["state"]), OtherLeader(name, p["state"]))
        url = (r.get("sources") or [{}])[0].get("url")
        official.append(OfficialMeeting(r["id"], p["state"], _date(r["start_date"]), _date(r["end_date"]), url))
    for t in bundled_leaders():
        if t.state not in ("USA", "RUS", "SUN"):
            others.setdefault((t.name, t.state), OtherLeader(t.name, t.state))
    return sorted(others.values(), key=lambda o: (o.name, o.state)), official


_CACHE: dict[tuple[str, int, int], Record] = {}
_LOCK = threading.Lock()


def get_record(db: str | os.PathLike | None = None) -> Record:
    """The record of database ``db`` (built first if missing), cached while the file is unchanged."""
    path = ensure_built(db, quiet=True)
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    con = duckdb.connect(str(path), read_only=True)
    try:
        rec = load_record(con, path)
    finally:
        con.close()
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = rec
    return rec
