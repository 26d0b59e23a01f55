"""How good are the candidates? Precision/recall against planted or curated meetings.

- *Planted*: on generated data (`generate` writes truth.json), every candidate is matched
  to at most one planted meeting of the same pair of leaders whose dates it touches
  (± `tolerance_days`); precision = matched candidates / candidates, recall = matched
  planted / planted. Among matches, the place, setting and host are scored too.
- *Curated*: on real files, the curated U.S.–Soviet/Russian meetings held on the days the
  files cover, by their own time stamps (read with `summitry.query.find_meetings`), are the reference;
  recall = curated meetings found / curated meetings in the period. Event data also
  reports meetings the curated record leaves out by design, so no precision is claimed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import duckdb

from summitry.builder.events import compute, meetings_table
from summitry.sources.events import reference
from summitry.sources.events.ingest import parts
from summitry.sources.events.pipeline import DEFAULT_PARAMS, Params

RECALL_TARGET = 0.95
PRECISION_TARGET = 0.90


def _d(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def match(candidates: list[dict[str, Any]], reference_meetings: list[dict[str, Any]],
          tolerance_days: int = 2) -> list[tuple[int, int]]:
    """One-to-one (candidate index, reference index) pairs: same leaders, dates touching.

    A candidate's two leaders must both be among the reference meeting's participants.
    Closest start dates are paired first.
    """
    tol = dt.timedelta(days=tolerance_days)
    options = []
    for i, c in enumerate(candidates):
        pair = {c["leader_a"], c["leader_b"]}
        for j, r in enumerate(reference_meetings):
            if pair <= set(r["leaders"]) and _d(c["start_date"]) <= _d(r["end_date"]) + tol \
                    and _d(c["end_date"]) >= _d(r["start_date"]) - tol:
                options.append((abs((_d(c["start_date"]) - _d(r["start_date"])).days), i, j))
    used_c: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for _, i, j in sorted(options):
        if i not in used_c and j not in used_r:
            used_c.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return pairs


def score(candidates: list[dict[str, Any]], planted: list[dict[str, Any]], tolerance_days: int = 2) -> dict[str, Any]:
    """Precision, recall and attribute accuracy of candidates against planted meetings."""
    pairs = match(candidates, planted, tolerance_days)
    tp = len(pairs)
    precision = tp / len(candidates) if candidates else 1.0
    recall = tp / len(planted) if planted else 1.0

    def share(attr: str, only_mode: str | None = None) -> float | None:
        sel = [(candidates[i], planted[j]) for i, j in pairs if only_mode is None or planted[j]["mode"] == only_mode]
        return round(sum(c[attr] == p[attr] for c, p in sel) / len(sel), 4) if sel else None

    matched_c = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    return {
        "candidates": len(candidates), "planted": len(planted), "matched": tp,
        "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "venue_accuracy": share("venue_state"), "mode_accuracy": share("mode"),
        "host_accuracy_visits": share("host_state", "visit"),
        "missed": [planted[j] for j in range(len(planted)) if j not in matched_p][:20],
        "false_positives": [_brief(candidates[i]) for i in range(len(candidates)) if i not in matched_c][:20],
        "targets": {"recall": RECALL_TARGET, "precision": PRECISION_TARGET},
        "meets_targets": recall >= RECALL_TARGET and precision >= PRECISION_TARGET,
    }


def _brief(c: dict[str, Any]) -> dict[str, Any]:
    keep = ("leader_a", "leader_b", "start_date", "end_date", "venue_state", "mode", "n_reports", "confidence")
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in c.items() if k in keep}


def validate_planted(store: str | os.PathLike, *, engine: str = "duckdb", params: Params = DEFAULT_PARAMS,
                     leaders: reference.Leaders | None = None, truth: str | os.PathLike | None = None) -> dict[str, Any]:
    """Score the pipeline on a generated store (truth.json beside the data)."""
    store = Path(store)
    truth_path = Path(truth) if truth else store / "truth.json"
    planted = json.loads(truth_path.read_text(encoding="utf-8"))["meetings"]
    table = meetings_table(store, engine=engine, params=params, leaders=leaders)
    result = score(table.to_pylist(), planted)
    result["engine"] = engine
    return result


def period(store: str | os.PathLike) -> tuple[dt.date, dt.date] | None:
    """First and last event date in a store's GDELT and POLECAT parts (what the events are
    about, which can reach years back: not what the files cover; see `coverage`)."""
    lo_hi = []
    con = duckdb.connect()
    for fmt, col in (("gdelt", "SQLDATE"), ("polecat", "Event Date")):
        files = [str(p) for p in parts(Path(store), fmt)]
        if files:
            lo_hi.append(con.execute(f'SELECT min("{col}"), max("{col}") FROM read_parquet(?)', [files]).fetchone())
    lo_hi = [x for x in lo_hi if x[0] is not None]
    if not lo_hi:
        return None
    return min(x[0] for x in lo_hi), max(x[1] for x in lo_hi)


def _stamp(value: int) -> dt.datetime | None:
    """GDELT's DATEADDED: YYYYMMDDHHMMSS (2.0) or YYYYMMDD (1.0)."""
    text = str(value)
    for fmt in ("%Y%m%d%H%M%S", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def coverage(store: str | os.PathLike) -> dict[str, Any]:
    """What the store's files cover in time, from their own time stamps: the span of
    DATEADDED of each GDELT file (when GDELT wrote its rows), or of the event dates of a
    POLECAT file (a weekly file of that week's events). A 15-minute export covers 15 minutes
    of reporting, whatever the dates of the events it mentions."""
    con = duckdb.connect()
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for part in parts(Path(store), "gdelt"):
        lo, hi = con.execute('SELECT min("DATEADDED"), max("DATEADDED") FROM read_parquet(?)', [str(part)]).fetchone()
        lo, hi = (_stamp(lo), _stamp(hi)) if lo is not None else (None, None)
        if lo and hi:
            if hi.time() == dt.time() and len(str(hi)) <= 10:  # a 1.0 date: the whole day
                hi += dt.timedelta(days=1)
            spans.append((lo, max(hi, lo + dt.timedelta(minutes=15))))
    for part in parts(Path(store), "polecat"):
        lo, hi = con.execute('SELECT min("Event Date"), max("Event Date") FROM read_parquet(?)', [str(part)]).fetchone()
        if lo is not None:
            spans.append((dt.datetime.combine(lo, dt.time()), dt.datetime.combine(hi, dt.time()) + dt.timedelta(days=1)))
    days: set[dt.date] = set()
    for lo, hi in spans:  # every calendar day a span touches (its end is exclusive)
        day, last = lo.date(), (hi - dt.timedelta(microseconds=1)).date()
        while day <= last:
            days.add(day)
            day += dt.timedelta(days=1)
    hours = sum((hi - lo).total_seconds() for lo, hi in spans) / 3600
    return {"files": len(spans), "hours": round(hours, 2), "days": [d.isoformat() for d in sorted(days)]}


def validate_curated(store: str | os.PathLike, con: duckdb.DuckDBPyConnection, *, engine: str = "duckdb",
                     params: Params = DEFAULT_PARAMS, leaders: reference.Leaders | None = None,
                     between: tuple[str, str] = ("USA", "RUS")) -> dict[str, Any]:
    """Recall of the curated meetings of `between` held on the days the store's files cover
    (`coverage`), or on the day before, which a day's reports still describe."""
    from summitry import query

    covered = coverage(store)
    if not covered["days"]:
        return {"period": None, "coverage": covered, "curated": 0, "found": 0, "recall": None, "missed": []}
    days = {dt.date.fromisoformat(d) for d in covered["days"]}
    reach = days | {d - dt.timedelta(days=1) for d in days}
    span = (min(reach), max(days))
    curated = query.records(query.find_meetings(con, between=between, start=span[0], end=span[1], status="held"))
    curated = [m for m in curated if any(_d(m["start_date"]) <= d <= _d(m["end_date"]) for d in reach)]
    ref = [{"id": m["id"], "leaders": [p["leader_id"] for p in m["participants"]], "start_date": m["start_date"],
            "end_date": m["end_date"], "city": m["city"]} for m in curated]
    table = compute(store, engine=engine, params=params, leaders=leaders or reference.load_leaders(con))
    pairs = match(table.to_pylist(), ref)
    found = {j for _, j in pairs}
    return {
        "period": [span[0].isoformat(), span[1].isoformat()], "coverage": covered, "between": list(between),
        "engine": engine,
        "curated": len(ref), "found": len(found), "recall": round(len(found) / len(ref), 4) if ref else None,
        "missed": [ref[j] for j in range(len(ref)) if j not in found],
        "matches": [{"curated": ref[j]["id"], "candidate": _brief(table.slice(i, 1).to_pylist()[0])} for i, j in pairs],
    }


__all__ = ["coverage", "match", "period", "score", "validate_curated", "validate_planted"]
