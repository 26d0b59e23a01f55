"""Benchmark: full database build with the official record vs a bare lxml parse of the same XML.

Run: python bench/bench_build.py [DATA_ROOT]. Prints both timings (best of N) and the
ratio; the target is a build within 3x of the bare parse. Times on shared machines are
noisy, so the ratio (measured in the same run) is the number to compare.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from summitry.builder import build

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/historyatstate"
RUNS = 3


def bare_parse(root: Path) -> int:
    n = 0
    for path in sorted(root.glob("travels/**/*.xml")) + sorted(root.glob("visits/data/*.xml")):
        n += len(etree.parse(str(path)).getroot())
    return n


def best(fn) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    if not (ROOT / "visits").is_dir():
        sys.exit(f"no data at {ROOT}; pass the historyatstate folder")
    with tempfile.TemporaryDirectory() as tmp:
        parse_s = best(lambda: bare_parse(ROOT))
        curated_s = best(lambda: build(Path(tmp) / "c.duckdb", official=None))
        full_s = best(lambda: build(Path(tmp) / "f.duckdb", official=ROOT))
    print("| step | seconds (best of 3) | ratio to bare parse |")
    print("| --- | --- | --- |")
    print(f"| bare lxml parse of the official XML | {parse_s:.3f} | 1.0 |")
    print(f"| build, curated record only | {curated_s:.3f} | {curated_s / parse_s:.1f} |")
    print(f"| build, curated + official record | {full_s:.3f} | {full_s / parse_s:.1f} |")
    print(f"| official part of the build (full - curated) | {full_s - curated_s:.3f} | {(full_s - curated_s) / parse_s:.1f} |")


if __name__ == "__main__":
    main()
