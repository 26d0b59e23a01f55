"""Precision/recall of the extraction rules against hand-labelled gold records.

Why a tolerant match for events: event boundaries are a matter of taste ("G-20
Economic Summit" vs "G-20 Economic Summit Meeting"), so an event counts as found
when the type agrees and one name contains the other.  Contacts must agree on
office and name (case- and whitespace-insensitive), since those are the columns
downstream code joins on.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .extract import extract_text

__all__ = ["evaluate_extraction", "extract_gold_texts", "load_gold"]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Records of a gold file (see tests/fixtures/hsg/extraction_gold.json)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["records"] if isinstance(data, dict) else data)


def _key(*parts: Any) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", str(p or "")).strip().casefold() for p in parts)


def extract_gold_texts(gold: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the extractor on each gold record's own text (no data files needed)."""
    contacts: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for rec in gold:
        on = date.fromisoformat(rec["date"]) if rec.get("date") else None
        found, evs = extract_text(rec["text"], on=on, record_iso3=rec.get("country_iso3"))
        base = {"record_kind": rec["kind"], "record_id": rec["id"]}
        contacts += [{**base, "counterpart_office": c.office, "counterpart_name": c.name,
                      "span_start": c.start, "span_end": c.end} for c in found]
        events += [{**base, "event_name": e.name, "event_type": e.type, "span_start": e.start, "span_end": e.end}
                   for e in evs]
    return (pd.DataFrame(contacts, columns=["record_kind", "record_id", "counterpart_office", "counterpart_name",
                                            "span_start", "span_end"]),
            pd.DataFrame(events, columns=["record_kind", "record_id", "event_name", "event_type", "span_start",
                                          "span_end"]))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _event_match(gold: tuple[str, str], got: tuple[str, str]) -> bool:
    (gname, gtype), (name, typ) = gold, got
    return gtype == typ and (gname in name or name in gname)


def evaluate_extraction(
    gold: list[dict[str, Any]] | Path,
    extracted: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> dict[str, Any]:
    """Micro precision/recall/F1 of contacts and events over the gold records.

    ``extracted`` is (contacts, events) as from ``extract_contacts`` (only rows of
    gold records are scored); when omitted the extractor runs on the gold texts.
    Returns {"contacts": {...}, "events": {...}, "records": n, "errors": [...]}.
    """
    recs = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    contacts, events = extracted if extracted is not None else extract_gold_texts(recs)
    if "source_field" in contacts.columns:
        contacts = contacts[contacts["source_field"] != "visitor"]
    c_tp = c_fp = c_fn = e_tp = e_fp = e_fn = 0
    errors: list[dict[str, Any]] = []
    for rec in recs:
        rid = (rec["kind"], int(rec["id"]))
        sel_c = contacts[(contacts["record_kind"] == rid[0]) & (contacts["record_id"].astype(int) == rid[1])]
        sel_e = events[(events["record_kind"] == rid[0]) & (events["record_id"].astype(int) == rid[1])]
        want = Counter(_key(c["office"], c["name"]) for c in rec.get("contacts", []))
        got = Counter(_key(o, n) for o, n in zip(sel_c["counterpart_office"], sel_c["counterpart_name"], strict=True))
        tp = sum((want & got).values())
        c_tp += tp
        c_fp += sum(got.values()) - tp
        c_fn += sum(want.values()) - tp
        g_events = [_key(e["name"], e["type"]) for e in rec.get("events", [])]
        x_events = [_key(n, t) for n, t in zip(sel_e["event_name"], sel_e["event_type"], strict=True)]
        used: set[int] = set()
        matched = 0
        for g in g_events:
            for i, x in enumerate(x_events):
                if i not in used and _event_match(g, x):  # type: ignore[arg-type]
                    used.add(i)
                    matched += 1
                    break
        e_tp += matched
        e_fp += len(x_events) - matched
        e_fn += len(g_events) - matched
        if got != want or matched != len(g_events) or matched != len(x_events):
            errors.append({"kind": rid[0], "id": rid[1], "text": rec["text"],
                           "missed_contacts": sorted((want - got).elements()),
                           "extra_contacts": sorted((got - want).elements()),
                           "gold_events": g_events, "got_events": x_events})
    return {"records": len(recs), "contacts": _prf(c_tp, c_fp, c_fn), "events": _prf(e_tp, e_fp, e_fn),
            "errors": errors}
