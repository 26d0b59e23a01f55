"""The funnel: how many of a file's rows survive each step from raw events to meetings.

For each ingested GDELT file: rows read, loaded and rejected (with reasons, from the
manifest); CONSULT rows (040, 042-046); of those, rows whose two actors are coded GOV (in
any type slot); rows whose two actors resolve to leaders in office; and candidate meetings
found in that file alone, before and after the confidence threshold. Read on real files, it
shows where real coding defeats the method, which the synthetic generator cannot.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from summitry.sources.events import engines, reference
from summitry.sources.events.gdelt import CONSULT_CODES
from summitry.sources.events.ingest import load_manifest
from summitry.sources.events.pipeline import (
    DEFAULT_PARAMS,
    Params,
    _government,
    gdelt_reports,
    meetings_expr,
    reference_tables,
    resolved_reports,
)

STEPS = ("read", "loaded", "rejected", "consult", "both_gov", "both_leaders", "candidates", "meetings")


def funnel(store: str | os.PathLike, *, leaders: reference.Leaders | None = None,
           params: Params = DEFAULT_PARAMS) -> list[dict[str, Any]]:
    """One row per ingested GDELT file: the count left after each step (see the module)."""
    store = Path(store)
    leaders = leaders or reference.load_leaders(None)
    refs = reference_tables(leaders)
    con = engines.connect("duckdb")
    rows = []
    for entry in sorted(load_manifest(store)["files"].values(), key=lambda e: e["source_file"]):
        row = {"file": entry["source_file"], "status": entry["status"], "read": entry["read"],
               "loaded": entry["loaded"], "rejected": entry["rejected"],
               "reasons": ", ".join(f"{k} {v}" for k, v in sorted(entry["reasons"].items())),
               **dict.fromkeys(STEPS[3:], 0), "found": ""}
        if entry.get("part") and entry["format"] == "gdelt":
            t = engines.read_parquet(con, [store / entry["part"]], f"funnel_{len(rows)}")
            consult = t.filter(t.EventCode.isin(CONSULT_CODES))
            row["consult"] = int(consult.count().execute())
            row["both_gov"] = int(consult.filter(_government(consult, "Actor1"),
                                                 _government(consult, "Actor2")).count().execute())
            reports = gdelt_reports(t, refs["fips"])
            row["both_leaders"] = int(resolved_reports(reports, refs["aliases"], refs["cameo"]).count().execute())
            every = meetings_expr(reports, refs["aliases"], refs["cameo"], refs["calendar"],
                                  Params(**{**params.__dict__, "min_confidence": 0.0})).to_pyarrow()
            row["candidates"] = every.num_rows
            kept = [r for r in every.to_pylist() if r["confidence"] >= params.min_confidence]
            row["meetings"] = len(kept)
            row["found"] = "; ".join(
                f"{r['leader_a']}–{r['leader_b']} {r['start_date']} ({r['confidence']:.2f}, {r['n_reports']} reports)"
                for r in every.to_pylist())
        rows.append(row)
    return rows

