"""Reference tables the pipeline joins against: leaders with aliases and terms, the
multilateral events calendar, and country-code mappings.

Leaders come from the curated record (the `leaders`/`terms` tables of the Summitry DuckDB
database, or the curated YAML when no database is given) plus `data/leaders.csv`, a small
bundled list of heads of state/government of other major states, each row with its source.
A curated leader wins over a bundled row with the same id.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa

from summitry.schema import HISTORICAL_STATES, state_name

FAR_FUTURE = dt.date(9999, 12, 31)


def _data_file(name: str) -> str:
    return resources.files("summitry.sources.events").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_data_file(name).splitlines()))


_NON_LETTERS = re.compile(r"[\W\d_]+")


def normalize_name(name: str | None) -> str:
    """Upper case, letters only, single spaces: the form names are matched in.

    The pipeline applies the same rule in SQL (`upper`, then non-letters to one space), so
    an alias normalised here equals an actor name normalised there.
    """
    if not name:
        return ""
    return _NON_LETTERS.sub(" ", name.upper()).strip()


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class LeaderTerm:
    leader_id: str
    name: str
    state: str
    office: str
    kind: str
    start_date: dt.date
    end_date: dt.date | None
    aliases: tuple[str, ...] = ()
    source_url: str | None = None


@dataclass
class Leaders:
    """Terms of every known leader; `origin` says where each leader came from."""

    terms: list[LeaderTerm]
    origin: dict[str, str] = field(default_factory=dict)

    def ids(self) -> set[str]:
        return {t.leader_id for t in self.terms}

    def by_id(self) -> dict[str, list[LeaderTerm]]:
        out: dict[str, list[LeaderTerm]] = {}
        for t in self.terms:
            out.setdefault(t.leader_id, []).append(t)
        return out

    def on(self, day: dt.date) -> list[LeaderTerm]:
        """One term per leader in office on `day`."""
        seen: dict[str, LeaderTerm] = {}
        for t in self.terms:
            if t.start_date <= day <= (t.end_date or FAR_FUTURE):
                seen.setdefault(t.leader_id, t)
        return sorted(seen.values(), key=lambda t: t.leader_id)


def _date(v: object) -> dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def bundled_leaders() -> list[LeaderTerm]:
    return [
        LeaderTerm(
            leader_id=r["leader_id"], name=r["name"], state=r["state"], office=r["office"], kind=r["kind"],
            start_date=_date(r["start_date"]), end_date=_date(r["end_date"]),  # type: ignore[arg-type]
            aliases=tuple(a.strip() for a in r["aliases"].split(";") if a.strip()), source_url=r["source_url"],
        )
        for r in _rows("leaders.csv")
    ]


def curated_leaders(con: duckdb.DuckDBPyConnection | None = None) -> list[LeaderTerm]:
    """Curated leaders from the database (`leaders`, `terms`), or from the curated YAML."""
    if con is not None:
        rows = con.execute(
            "SELECT l.leader_id, l.name, l.state, l.aliases, t.office, t.kind, t.start_date, t.end_date, "
            "l.sources[1].url FROM leaders l JOIN terms t USING (leader_id) ORDER BY l.leader_id, t.start_date"
        ).fetchall()
        return [
            LeaderTerm(lid, name, state, office, kind, _date(s), _date(e), tuple(aliases or ()), url)  # type: ignore[arg-type]
            for lid, name, state, aliases, office, kind, s, e, url in rows
        ]
    from summitry.sources.curated import load_curated

    out = []
    for lid, leader in sorted(load_curated().leaders.items()):
        for term in leader.terms:
            out.append(LeaderTerm(lid, leader.name, leader.state, term.office, term.kind, term.start_date,
                                  term.end_date, tuple(leader.aliases), leader.sources[0].url))
    return out


def load_leaders(con: duckdb.DuckDBPyConnection | None = None, *, bundled: bool = True) -> Leaders:
    """Curated leaders plus the bundled ones (curated first; a curated id shadows a bundled one)."""
    cur = curated_leaders(con)
    origin = {t.leader_id: "curated" for t in cur}
    terms = list(cur)
    if bundled:
        for t in bundled_leaders():
            if origin.get(t.leader_id, "bundled") == "bundled":
                origin[t.leader_id] = "bundled"
                terms.append(t)
    return Leaders(terms, origin)


def _merged_spans(terms: list[LeaderTerm]) -> list[tuple[dt.date, dt.date]]:
    """A leader's terms as disjoint spans, so one date resolves to one row."""
    spans = sorted((t.start_date, t.end_date or FAR_FUTURE) for t in terms)
    out: list[list[dt.date]] = []
    for s, e in spans:
        if out and (out[-1][1] == FAR_FUTURE or s <= out[-1][1] + dt.timedelta(days=1)):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def alias_table(leaders: Leaders) -> pa.Table:
    """One row per (normalised alias, leader, span in office).

    An alias that names more than one leader (e.g. BUSH) is flagged `ambiguous`; the
    pipeline then also requires the actor's country to be the leader's state.
    """
    by_id = leaders.by_id()
    keys: dict[str, set[str]] = {}
    for lid, terms in by_id.items():
        names = {terms[0].name, *[a for t in terms for a in t.aliases]}
        for n in names:
            for variant in {normalize_name(n), normalize_name(strip_accents(n))}:
                if variant:
                    keys.setdefault(variant, set()).add(lid)
    rows: dict[str, list] = {k: [] for k in
                             ("alias", "leader_id", "name", "state", "start_date", "end_date", "ambiguous", "role")}

    def add(alias: str, lid: str, name: str, state: str, s: dt.date, e: dt.date, ambiguous: bool, role: bool) -> None:
        for k, v in zip(rows, (alias, lid, name, state, s, e, ambiguous, role), strict=True):
            rows[k].append(v)

    for alias in sorted(keys):
        for lid in sorted(keys[alias]):
            terms = by_id[lid]
            for s, e in _merged_spans(terms):
                add(alias, lid, terms[0].name, terms[0].state, s, e, len(keys[alias]) > 1, False)
    for alias, lid, name, state, s, e in role_aliases(leaders):
        if alias not in keys:  # a leader's own name always wins
            add(alias, lid, name, state, s, e, True, True)
    return pa.table(rows, schema=pa.schema([
        ("alias", pa.string()), ("leader_id", pa.string()), ("name", pa.string()), ("state", pa.string()),
        ("start_date", pa.date32()), ("end_date", pa.date32()), ("ambiguous", pa.bool_()), ("role", pa.bool_()),
    ]))


#: Offices GDELT writes as an actor's name ("PRESIDENT"), by the kind of term that holds them.
ROLE_NAMES = {"head_of_state": ("PRESIDENT",), "head_of_government": ("PRIME MINISTER", "PREMIER", "CHANCELLOR")}
_RANK = {"party_leader": 0, "head_of_state": 1, "head_of_government": 2}
_PARTS_OF_STATES = frozenset({"ENGLAND", "SCOTLAND", "NORTHERN IRELAND", "WEST GERMANY", "SOVIET RUSSIA", "HOLLAND"})


def _state_names(code: str) -> set[str]:
    import pycountry

    from summitry.checker.gazetteer_data import COUNTRY_ALIASES
    from summitry.schema import state_name

    names = {state_name(code) or "", *COUNTRY_ALIASES.get(code, ())}
    c = pycountry.countries.get(alpha_3=code)
    if c is not None:
        names |= {getattr(c, a, "") or "" for a in ("name", "common_name", "official_name")}
    out = set()
    for n in names:
        if n and "," not in n:
            for v in (normalize_name(n), normalize_name(strip_accents(n))):
                if len(v) >= 4 and v not in _PARTS_OF_STATES:
                    out.add(v)
    return out


def role_aliases(leaders: Leaders) -> list[tuple[str, str, str, str, dt.date, dt.date]]:
    """(alias, leader id, name, state, start, end) for actors coded by role, not by name: the
    state's name ("TURKEY") stands for its leading office holder of the day (party leader, else
    head of state, else head of government: Erdogan as prime minister, then as president), and
    an office ("PRESIDENT") for its holder. Every role alias needs the actor's country to be the
    leader's state, and a report whose two actors are both coded by role is no meeting of theirs
    (`pipeline.resolved_reports`)."""
    out = []
    by_state: dict[str, list[LeaderTerm]] = {}
    for t in leaders.terms:
        by_state.setdefault(t.state, []).append(t)
    for state, terms in sorted(by_state.items()):
        days = sorted({t.start_date for t in terms} | {t.end_date for t in terms if t.end_date})
        spans = []  # the leading holder over each stretch between two term boundaries
        for lo, hi in zip(days, [*days[1:], FAR_FUTURE], strict=True):
            holders = [t for t in terms if t.start_date <= lo and (t.end_date is None or lo < t.end_date)]
            if holders:
                top = min(holders, key=lambda t: (_RANK.get(t.kind, 3), t.leader_id))
                if spans and spans[-1][0].leader_id == top.leader_id and spans[-1][2] == lo:
                    spans[-1] = (spans[-1][0], spans[-1][1], hi)
                else:
                    spans.append((top, lo, hi))
        for top, lo, hi in spans:
            for alias in sorted(_state_names(state)):
                out.append((alias, top.leader_id, top.name, state, lo, hi))
        for t in terms:
            for alias in ROLE_NAMES.get(t.kind, ()):
                out.append((alias, t.leader_id, t.name, state, t.start_date, t.end_date or FAR_FUTURE))
    return sorted(set(out))


@dataclass(frozen=True)
class CalendarEvent:
    event_id: str
    name: str
    kind: str
    city: str
    state: str
    start_date: dt.date
    end_date: dt.date
    source_url: str


@cache
def calendar() -> tuple[CalendarEvent, ...]:
    """Bundled multilateral events (summits) with dates, city and state, each sourced."""
    return tuple(
        CalendarEvent(r["event_id"], r["name"], r["kind"], r["city"], r["state"], _date(r["start_date"]),  # type: ignore[arg-type]
                      _date(r["end_date"]), r["source_url"])  # type: ignore[arg-type]
        for r in _rows("calendar.csv")
    )


def calendar_table() -> pa.Table:
    evs = calendar()
    return pa.table({
        "cal_event": [e.name for e in evs], "cal_city": [e.city for e in evs], "cal_state": [e.state for e in evs],
        "cal_start": pa.array([e.start_date for e in evs], pa.date32()),
        "cal_end": pa.array([e.end_date for e in evs], pa.date32()),
    })


@cache
def fips_to_iso3() -> dict[str, str]:
    """FIPS 10-4 country codes (GDELT geography fields) to ISO 3166-1 alpha-3."""
    return {r["fips"]: r["iso3"] for r in _rows("fips_iso3.csv")}


def fips_table() -> pa.Table:
    m = fips_to_iso3()
    return pa.table({"fips": list(m), "fips_iso3": list(m.values())})


@cache
def cameo_to_iso3() -> dict[str, str]:
    """CAMEO country codes that are not today's ISO alpha-3 code; all others map to themselves."""
    return {r["cameo"]: r["iso3"] for r in _rows("cameo_iso3.csv")}


def cameo_table() -> pa.Table:
    m = cameo_to_iso3()
    return pa.table({"cameo": list(m), "cameo_iso3": list(m.values())})


def known_state(code: str | None) -> bool:
    return bool(code) and (code in HISTORICAL_STATES or state_name(code) is not None)
