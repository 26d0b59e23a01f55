"""Meetings of every origin in one table, and the rule that decides which origin stands.

The build writes `out_meetings` from three origins and applies `ORIGIN_RULE` once, so every
query, the reading and the exports see the same rows and never fall back from one origin to
another while they run. A derived meeting that the rule leaves out is counted by reason in
`build_info`, so derived = written + superseded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from summitry.schema import successor

ORIGIN_RULE = """\
1. curated: every meeting of the curated record is written.
2. The curated record is complete for the pairs of states it covers (the U.S. president and his
   principal counterpart, the Soviet/Russian leader): no official or event-derived meeting is
   written for such a pair. The official record is reconciled with it instead, and event data
   validated against it. Nor is one written for another pair whose leaders both took part in a
   curated meeting on overlapping days (Roosevelt and Churchill at Tehran, 1943).
3. official: for any other pair with the United States, each Office of the Historian record is a
   meeting: a foreign leader's visit (hsg-visit-N), a presidential trip with the state visited
   (hsg-trip-N), and with each other state whose leader the trip record names as met
   (hsg-trip-N-xxx).
4. events: a candidate found in an events store is written for any pair, unless rule 2 covers
   the pair or an official meeting of the same pair overlaps its days (within SLACK_DAYS either
   side): the official record wins over event data.
"""
SLACK_DAYS = 1


def pair_key(states: Iterable[str]) -> frozenset[str]:
    return frozenset(successor(s) for s in states)


@dataclass
class Derived:
    """What the rule let in and left out, per origin. Official-derived meetings are written by
    `derive` itself, in SQL; `rows` holds the event-derived ones for the build to write."""

    rows: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def overlaps(a: dict, b: dict) -> bool:
    """Whether two meetings' days overlap, within SLACK_DAYS either side."""
    slack = dt.timedelta(days=SLACK_DAYS)
    return a["start_date"] <= b["end_date"] + slack and b["start_date"] <= a["end_date"] + slack


class _Curated:
    """The curated meetings as the rule needs them: principal pairs, and who met when."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        rows = con.execute(
            "SELECT participant_states, start_date, end_date FROM out_meetings WHERE origin = 'curated' "
            "AND status = 'held'").fetchall()
        self.pairs = {pair_key(states[:2]) for states, _, _ in rows if len(pair_key(states[:2])) == 2}
        self.by_pair: dict[frozenset[str], list[dict]] = {}  # every pair of sides at each meeting
        for states, start, end in rows:
            sides = sorted({successor(s) for s in states})
            for i, a in enumerate(sides):
                for b in sides[i + 1:]:
                    self.by_pair.setdefault(frozenset((a, b)), []).append({"start_date": start, "end_date": end})

    def why_not(self, row: dict) -> str | None:
        key = pair_key(row["participant_states"][:2])
        if key in self.pairs:
            return "pair covered by the curated record"
        if any(overlaps(row, m) for m in self.by_pair.get(key, ())):
            return "same leaders and days in a curated meeting"
        return None


def derive(con: duckdb.DuckDBPyConnection, *, official: bool, events_store: Path | None) -> Derived:
    """Write the official-derived meetings that `ORIGIN_RULE` lets into `out_meetings` (which
    already holds the curated ones) and return the event-derived ones it lets in, with counts of
    those it left out."""
    out = Derived()
    curated = _Curated(con)
    by_pair: dict[frozenset[str], list[dict]] = {}
    if official:
        from summitry.builder.official import stage_official_meetings

        staged = stage_official_meetings(con)
        out.count("official: visit: no foreign state", staged["visit: no foreign state"])
        out.count("official: trip: no foreign state", staged["trip: no foreign state"])
        dropped = []
        for mid, states, start, end in con.execute(
                "SELECT id, participant_states, start_date, end_date FROM _official_meetings").fetchall():
            row = {"participant_states": states, "start_date": start, "end_date": end}
            why = curated.why_not(row)
            if why:
                out.count(f"official: {why}")
                dropped.append(mid)
            else:
                by_pair.setdefault(pair_key(states[:2]), []).append(row)
        out.count("official: written", staged["staged"] - len(dropped))
        con.execute("DELETE FROM _official_meetings WHERE list_contains(?::VARCHAR[], id)", [dropped])
        con.execute("INSERT INTO out_meetings BY NAME SELECT * FROM _official_meetings")
        con.execute("DROP TABLE _official_meetings")
    if events_store is not None:
        from summitry.builder.events import event_meeting_rows

        written = 0
        for r in event_meeting_rows(events_store, con=con):
            why = curated.why_not(r)
            if why:
                out.count(f"events: {why}")
            elif any(overlaps(r, o) for o in by_pair.get(pair_key(r["participant_states"][:2]), ())):
                out.count("events: same pair and days in the official record")
            else:
                out.rows.append(r)
                written += 1
        out.count("events: written", written)
    return out
