"""What the pages and the API show, computed from library queries: filters, settings, venues.

Views stay thin: they parse the request into `Filters`, call these functions with a cursor
and hand the result to a template or to JSON. All SQL lives in `summitry.query` (or, for
the optional official tables, below, parameterised and over introspected column names).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlencode

import duckdb
import pandas as pd

from summitry import query
from summitry.config import OFFICIAL_HINT
from summitry.db import has_table
from summitry.errors import InvalidQuery, NotFound
from summitry.interfaces.render import when
from summitry.query import official as official_query
from summitry.schema import predecessors, state_name, successor

DEFAULT_PAIR = ("USA", "RUS")
#: Shorter names where the ISO name is long-winded for headings and legends.
SHORT_NAMES = {"RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "KOR": "South Korea",
               "PRK": "North Korea", "SYR": "Syria", "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania"}


def display_name(code: str | None) -> str:
    """A state's name for people to read (the code itself when unknown)."""
    if not code:
        return ""
    return SHORT_NAMES.get(code) or state_name(code) or code


@dataclass(frozen=True)
class Filters:
    """Filters shared by the pages and the API; their state lives in the URL query string."""

    a: str | None = None
    b: str | None = None
    start: str | None = None
    end: str | None = None
    mode: str | None = None
    host: str | None = None
    status: str | None = None
    leader: str | None = None
    q: str | None = None
    counterpart: str | None = None
    origin: str | None = None
    succession: bool = True

    @classmethod
    def from_params(
        cls,
        *,
        between: str | None = None,
        a: str | None = None,
        b: str | None = None,
        default_pair: tuple[str, str] | None = None,
        **rest: Any,
    ) -> Filters:
        """Normalise `between=USA,RUS` or `a=USA&b=RUS`; blank strings mean "not given"."""
        clean = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in rest.items() if k != "succession"}
        if between:
            parts = [p.strip() for p in between.split(",") if p.strip()]
            if len(parts) != 2:
                raise InvalidQuery(f"between needs two state codes separated by a comma, e.g. USA,RUS (got {between!r})")
            a, b = parts
        a = (a or "").strip() or None
        b = (b or "").strip() or None
        if (a is None) != (b is None):
            raise InvalidQuery("give both states of the pair (a and b), or neither")
        if a is None and default_pair:
            a, b = default_pair
        return cls(a=a.upper() if a else None, b=b.upper() if b else None,
                   succession=rest.get("succession", True) is not False, **clean)

    @property
    def pair(self) -> tuple[str, str] | None:
        return (self.a, self.b) if self.a and self.b else None

    def query_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `summitry.query.find_meetings`."""
        return {
            "between": self.pair, "mode": self.mode, "host": self.host, "start": self.start, "end": self.end,
            "status": self.status, "leader": self.leader, "text": self.q, "succession": self.succession,
            "counterpart": self.counterpart, "origin": self.origin,
        }

    def params(self, **overrides: Any) -> dict[str, str]:
        """The filters as URL parameters (only those given), for links that keep the state."""
        values = asdict(replace(self, **overrides))
        out = {}
        for key, value in values.items():
            if key == "succession":
                if not value:
                    out["succession"] = "false"
                continue
            if value:
                out["from" if key == "start" else "to" if key == "end" else key] = str(value)
        return out

    def querystring(self, **overrides: Any) -> str:
        return urlencode(self.params(**overrides))

    @property
    def active(self) -> bool:
        """Whether anything beyond the default pair narrows the list."""
        return any((self.start, self.end, self.mode, self.host, self.status, self.leader, self.q,
                    self.counterpart not in (None, "any"), self.origin))


def pair_codes(filters: Filters) -> tuple[list[str], list[str]]:
    """State codes on each side of the pair, with predecessors when succession is on."""
    a, b = filters.pair or DEFAULT_PAIR
    return (query.state_codes(a, succession=filters.succession), query.state_codes(b, succession=filters.succession))


def side_label(code: str, succession: bool = True) -> str:
    """`RUS` -> `RUS/SUN` when succession folds the Soviet Union into Russia."""
    return "/".join([code, *predecessors(code)]) if succession else code


def settings_for(filters: Filters) -> list[str]:
    """The setting categories of the timeline, in legend order."""
    a, b = filters.pair or DEFAULT_PAIR
    return [f"hosted by {side_label(a, filters.succession)}", f"hosted by {side_label(b, filters.succession)}",
            "third country", "multilateral"]


def setting_of(meeting: dict, filters: Filters, codes: tuple[list[str], list[str]]) -> str:
    """Where a meeting stood for the pair: hosted by one side, a third country, or multilateral."""
    labels = settings_for(filters)
    if meeting["mode"] == "multilateral":
        return labels[3]
    host = meeting.get("host_state")
    if meeting["mode"] == "visit" and host in codes[0]:
        return labels[0]
    if meeting["mode"] == "visit" and host in codes[1]:
        return labels[1]
    return labels[2]


def meetings(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    """Meeting records (the `summitry meetings --format json` shape) matching the filters; a pair
    beyond the curated record (USA–TUR, CHN–RUS) lists its official-record or event-derived
    meetings, marked by `origin`."""
    return query.records(query.find_meetings(con, **filters.query_kwargs()))


def decorate(rows: list[dict], filters: Filters) -> list[dict]:
    """Add what pages show but the records do not carry: setting, who, where, year."""
    codes = pair_codes(filters)
    out = []
    for m in rows:
        out.append({
            **m,
            "setting": setting_of(m, filters, codes),
            "who": ", ".join(p["name"] for p in m["participants"]),
            "place": ", ".join(x for x in (m.get("city"), m.get("region"), display_name(m["venue_state"])) if x),
            "year": int(m["start_date"][:4]),
            "when": when(m),
            "url": f"/meetings/{m['id']}",
        })
    return out


def venues(rows: list[dict]) -> list[dict]:
    """Meetings grouped by city: how often each place was chosen."""
    groups: dict[tuple[str, str], dict] = {}
    for m in rows:
        key = (m["city"], m["venue_state"])
        g = groups.setdefault(key, {
            "city": m["city"], "venue_state": m["venue_state"], "state_name": display_name(m["venue_state"]),
            "latitude": m.get("latitude"), "longitude": m.get("longitude"), "meetings": [], "settings": Counter(),
        })
        g["meetings"].append({"id": m["id"], "start_date": m["start_date"]})
        g["settings"][m.get("setting", m["mode"])] += 1
    out = []
    for g in groups.values():
        g["count"] = len(g["meetings"])
        g["settings"] = dict(g["settings"])
        out.append(g)
    return sorted(out, key=lambda g: (-g["count"], g["city"]))


def relations(con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, dyad: str | None = None,
              kind: str | None = None) -> list[dict]:
    """Relations periods and events for a pair (either order), oldest first."""
    sql = "SELECT * FROM relations"
    where, params = [], []
    if filters is not None and filters.pair:
        a, b = filters.pair
        where.append("dyad IN (?, ?)")
        params += [f"{a}-{b}", f"{b}-{a}"]
    if dyad:
        parts = dyad.upper().replace(",", "-").split("-")
        if len(parts) != 2 or not all(parts):
            raise InvalidQuery(f"dyad is two state codes joined by '-', e.g. USA-RUS (got {dyad!r})")
        where.append("dyad IN (?, ?)")
        params += ["-".join(parts), "-".join(reversed(parts))]
    if kind:
        if kind not in ("period", "event"):
            raise InvalidQuery(f"unknown kind {kind!r}; one of period, event")
        where.append("kind = ?")
        params.append(kind)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(start_date, date), entry_id"
    return query.records(con.execute(sql, params).df())


def leaders(con: duckdb.DuckDBPyConnection, state: str | None = None, succession: bool = True) -> list[dict]:
    return query.records(query.find_leaders(con, state=state, succession=succession))


def other_side(m: dict) -> str:
    """The non-U.S. side of a meeting, as its current state (SUN reads as RUS)."""
    others = [p["state"] for p in m["participants"] if p["state"] != "USA"]
    if not others:
        return DEFAULT_PAIR[1]
    return successor(others[0])


def meeting(con: duckdb.DuckDBPyConnection, meeting_id: str) -> dict:
    """One meeting record, decorated as seen from the USA and the other side."""
    m = query.get_meeting(con, meeting_id)
    return decorate([m], Filters(a="USA", b=other_side(m)))[0]


# --- the official record (optional tables) -----------------------------------------

#: Official record kinds: the table that marks them present and the query that lists them.
OFFICIAL_KINDS: dict[str, str] = {"trips": "hsg_president_trips", "secretary-trips": "hsg_secretary_trips",
                                  "visits": "hsg_visits"}


def official_present(con: duckdb.DuckDBPyConnection, kind: str) -> bool:
    return has_table(con, OFFICIAL_KINDS[kind])


def official_records(con: duckdb.DuckDBPyConnection, kind: str, *, state: str | None = None,
                     president: str | None = None, start: str | None = None, end: str | None = None,
                     q: str | None = None) -> pd.DataFrame:
    """Trips abroad (presidents' or secretaries of state's) or visits to the U.S. (`summitry.query.official`), oldest first, optionally
    narrowed to rows containing `q`. NotFound (with the hint) when the record is not loaded."""
    if not official_present(con, kind):
        raise NotFound(OFFICIAL_HINT)
    if kind in ("trips", "secretary-trips"):  # `president` names the traveller: a president or a secretary
        df = official_query.find_trips(con, president=president, state=state, start=start, end=end,
                                       secretary=kind == "secretary-trips")
    else:
        df = official_query.find_visits(con, state=state, president=president, start=start, end=end)
    if q:
        text = df.astype(str).apply(lambda col: col.str.contains(q, case=False, regex=False, na=False))
        df = df[text.any(axis=1)]
    return df


def president_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Office of the Historian president ids to names (empty without the official record)."""
    if not has_table(con, "hsg_presidents"):
        return {}
    return dict(con.execute("SELECT id, name FROM hsg_presidents ORDER BY n").fetchall())


def official_counts(df: pd.DataFrame, by: str, names: dict[str, str] | None = None, limit: int | None = None
                    ) -> list[dict]:
    """Records per year (in order) or per country / president (most first)."""
    if df.empty:
        return []
    if by == "year":
        counts = pd.to_datetime(df["start_date"]).dt.year.value_counts().sort_index()
        return [{"key": int(k), "label": str(k), "count": int(n)} for k, n in counts.items()]
    if by == "country":
        label_col = "country_label" if "country_label" in df else "from_label"
        labels = dict(zip(df["country_iso3"], df[label_col], strict=False))
        counts = df["country_iso3"].fillna("?").value_counts()
        rows = [{"key": k, "label": SHORT_NAMES.get(k) or state_name(k) or labels.get(k) or k, "count": int(n)} for k, n in counts.items()]
    elif by == "president":
        col = "who" if "who" in df else "president_id"
        counts = df[col].fillna("?").value_counts()
        rows = [{"key": k, "label": (names or {}).get(k, k), "count": int(n)} for k, n in counts.items()]
    else:
        raise InvalidQuery(f"by must be year, country or president (got {by!r})")
    rows.sort(key=lambda r: (-r["count"], r["label"]))
    return rows[:limit] if limit else rows


def today() -> str:
    return dt.date.today().isoformat()
