"""Extraction quality against the hand-labelled gold file (no shared data needed)."""

from __future__ import annotations

import json

import pandas as pd

from summitry.sources.official import evaluate_extraction

from ._paths import GOLD

# Measured on the gold file when it was labelled (241 records): contacts P 1.000 R 0.961,
# events P 0.984 R 0.884.  Floors are those numbers minus a small margin.
FLOORS = {"contacts": {"precision": 0.95, "recall": 0.91}, "events": {"precision": 0.93, "recall": 0.83}}


def test_gold_file_shape():
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    recs = data["records"]
    assert len(recs) >= 100
    assert len({(r["kind"], r["id"]) for r in recs}) == len(recs)
    for r in recs:
        assert {"kind", "id", "text", "contacts", "events"} <= set(r)
        for c in r["contacts"]:
            assert c["name"] and c["office"] is not None
        for e in r["events"]:
            assert e["name"].casefold() in r["text"].casefold(), e


def test_precision_and_recall_above_floor():
    res = evaluate_extraction(GOLD)
    print({k: res[k] for k in ("records", "contacts", "events")})
    for part, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert res[part][metric] >= floor, (part, metric, res[part], res["errors"][:5])


def test_evaluate_counts_on_tiny_gold():
    gold = [
        {"kind": "visit", "id": 1, "text": "t", "contacts": [{"office": "King", "name": "Hussein"}],
         "events": [{"name": "NATO Summit", "type": "nato"}]},
        {"kind": "visit", "id": 2, "text": "t", "contacts": [], "events": []},
    ]
    contacts = pd.DataFrame({"record_kind": ["visit", "visit"], "record_id": [1, 2],
                             "counterpart_office": ["king", "President"], "counterpart_name": ["Hussein", "X"]})
    events = pd.DataFrame({"record_kind": ["visit"], "record_id": [1], "event_name": ["NATO Summit Meeting"],
                           "event_type": ["nato"]})
    res = evaluate_extraction(gold, (contacts, events))
    assert res["contacts"]["tp"] == 1 and res["contacts"]["fp"] == 1 and res["contacts"]["fn"] == 0
    assert res["contacts"]["precision"] == 0.5 and res["contacts"]["recall"] == 1.0
    assert res["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
