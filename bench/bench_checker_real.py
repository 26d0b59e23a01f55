"""The checker on real published texts: precision and recall on the dev and held-out sets.

    python bench/bench_checker_real.py [--db PATH] [--json] [--misses (development set only)]

The texts are third-party and kept out of git: eval/real/manifest.json names each one (title,
URL, the search query that retrieves its excerpt, SHA-256) and holds our labels as offsets.
Put the excerpts in eval/real/texts/<id>.txt; a missing text or one whose checksum differs is
reported and left out, never scored. The held-out row is the one to quote: those texts were
labelled before the first run and never used to tune the checker.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "eval" / "real" / "manifest.json"
TEXTS = ROOT / "eval" / "real" / "texts"


def load(manifest: Path = MANIFEST, texts: Path = TEXTS) -> tuple[dict[str, list], dict[Path, str], list[str]]:
    """Labels per split, article dates, and the problems with texts that cannot be scored."""
    from summitry.checker.evaluate import Label

    data = json.loads(manifest.read_text(encoding="utf-8"))
    splits: dict[str, list] = {"dev": [], "heldout": []}
    dates: dict[Path, str] = {}
    problems = []
    for item in data["texts"]:
        path = texts / f"{item['id']}.txt"
        if not path.is_file():
            problems.append(f"{item['id']}: missing (search the 'pages' corpus for: {item['query']})")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != item["sha256"]:
            problems.append(f"{item['id']}: checksum differs from the manifest; not scored")
            continue
        if item.get("article_date"):
            dates[path] = item["article_date"]
        for lab in item["labels"]:
            splits[item["split"]].append(Label(path, lab["start"], lab["end"], lab["verdict"], lab["note"]))
    return splits, dates, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="Summitry database (default: the user's, built if missing)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true",
                        help="list every development label the checker got wrong (held-out misses are not shown: "
                             "reading them to tune the checker would make the held-out figure a development one)")
    args = parser.parse_args(argv)

    from summitry.checker.evaluate import evaluate
    from summitry.checker.record import get_record

    splits, dates, problems = load()
    for p in problems:
        print(f"skipped {p}", file=sys.stderr)
    record = get_record(args.db)
    rows = {}
    for split, labels in splits.items():
        if not labels:
            continue
        report = evaluate(labels, record=record, article_dates=dates)
        rows[split] = {"texts": len({lab.path for lab in labels}), **report.summary(),
                       "misses": [{"text": o.label.path.stem, "label": o.label.verdict, "predicted": o.predicted,
                                   "note": o.label.quote, "correction": o.correction} for o in report.misses()]}
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'set':8} {'texts':>5} {'labels':>6}  {'contradicted P / R':>19}  {'supported P / R':>16}  "
          f"{'not in record R':>15}  {'false contradicted':>18}")
    for split in ("heldout", "dev"):
        r = rows.get(split)
        if r is None:
            continue
        false_c = sum(1 for m in r["misses"] if m["predicted"] == "contradicted") + r["unlabelled_claims"]["contradicted"]
        print(f"{split:8} {r['texts']:>5} {r['labels']:>6}  {r['contradicted_precision']:>8.2f} / "
              f"{r['contradicted_recall']:<8.2f}  {r['supported_precision']:>6.2f} / {r['supported_recall']:<7.2f}  "
              f"{r['not_in_record_recall']:>15.2f}  {false_c:>18}")
    if args.misses:
        for split, r in rows.items():
            if split != "dev":
                continue
            for m in r["misses"]:
                print(f"[{split}] {m['text']}: labelled {m['label']}, got {m['predicted']} — {m['note']}"
                      + (f" (correction: {m['correction']})" if m["correction"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
