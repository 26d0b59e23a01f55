"""Benchmark: one context report, warm and in-process, against a trivial query on the same
database in the same run (target: at most 20x that floor); and the CLI's cold start for
`summitry context ID` against `python -c pass` and `summitry --help`.

Run: python bench/bench_context.py [MEETING_ID ...]. With the official record present, the
default ids include one official-derived meeting (Erdoğan's July 2024 visit), read from the
same meetings table as the curated ones.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from summitry.analysis.context import context_report
from summitry.builder import build
from summitry.config import discover_official

IDS = sys.argv[1:] or ["2025-08-anchorage", "1986-10-reykjavik", "2021-06-geneva"]
OFFICIAL_ID = "hsg-visit-3312"
RUNS = 30


def timed(fn, runs: int = RUNS) -> float:
    """Median seconds of `runs` calls, after one warm-up call."""
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        official = discover_official()
        build(db, official=official, events=None)
        ids = IDS + ([OFFICIAL_ID] if official and not sys.argv[1:] else [])
        con = duckdb.connect(str(db), read_only=True)
        floor = timed(lambda: con.execute("SELECT count(*) FROM meetings WHERE id = ?", [IDS[0]]).fetchone())
        print("| what | median | ratio to the trivial query |")
        print("| --- | --- | --- |")
        print(f"| trivial query (one row by key) | {floor * 1e3:.2f} ms | 1 |")
        for mid in ids:
            t = timed(lambda mid=mid: context_report(con, mid))
            print(f"| context report {mid} (warm, in-process) | {t * 1e3:.1f} ms | {t / floor:.0f}x |")
        con.close()

        exe = Path(sys.executable).with_name("summitry")
        cmds = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "summitry --help": [str(exe), "--help"],
            f"summitry context {IDS[0]} --format json": [str(exe), "context", IDS[0], "--format", "json", "--db", str(db)],
        }
        base = None
        for label, cmd in cmds.items():
            t = timed(lambda cmd=cmd: subprocess.run(cmd, check=True, capture_output=True), runs=5)
            base = base or t
            print(f"| cold start: {label} | {t * 1e3:.0f} ms | {t / base:.1f}x of python startup |")


if __name__ == "__main__":
    main()
