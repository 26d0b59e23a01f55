"""Benchmark: full database build with the official record vs a bare lxml parse of the same XML.

Run: python bench/bench_build.py [DATA_ROOT]. Prints timings (best of N) and their ratio
to the bare parse; the issue's target is a build within 3x of the bare parse. Times on
shared machines are noisy, so the ratios (measured in the same run) are the numbers to
compare.

It also measures *floors*: steps any build that meets the issue must take, each timed on
its own with nothing else: reading every field of every record into Python, writing the
finished official tables into a new DuckDB file, and running only the extraction's three
regular-expression scans over the remarks (no rules applied). Their sum is a lower bound
for the official part of the build on this stack, whatever the code in between does.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
from lxml import etree

from summitry.builder import _write, build
from summitry.builder.official import load_official_frames
from summitry.schema import TABLES
from summitry.sources.curated import load_curated
from summitry.sources.official import extract as extraction

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/historyatstate"
RUNS = 3


def official_files(root: Path) -> list[Path]:
    return sorted(root.glob("travels/**/*.xml")) + sorted(root.glob("visits/data/*.xml"))


def bare_parse(root: Path) -> int:
    n = 0
    for path in official_files(root):
        n += len(etree.parse(str(path)).getroot())
    return n


def parse_and_read_fields(root: Path) -> int:
    """The least a loader does: parse, and copy each record's child texts into a dict."""
    rows = [{c.tag: c.text for c in el} for path in official_files(root) for el in etree.parse(str(path)).getroot()]
    return len(rows)


def best(fn: Callable[[], object]) -> float:
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

        # floors
        fields_s = best(lambda: parse_and_read_fields(ROOT))
        _rec, frames, _info, _report = load_official_frames(ROOT, load_curated(None), progress=lambda _m: None)
        counter = iter(range(10**6))

        def write_only(in_memory: bool = False) -> None:
            con = duckdb.connect(":memory:" if in_memory else str(Path(tmp) / f"w{next(counter)}.duckdb"))
            con.execute("BEGIN")  # as the builder does: one transaction, Arrow inserts
            for name, frame in frames.items():
                _write(con, TABLES[name], frame)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
            con.close()

        texts = [t for name, col in (("hsg_president_trips", "remarks"), ("hsg_secretary_trips", "remarks"),
                                     ("hsg_visits", "description")) for t in frames[name][col].tolist()
                 if isinstance(t, str)]

        def scans_only() -> int:
            return sum(1 for t in texts for rx in (extraction._CONTACT, extraction._HEAD, extraction._CEREMONY)
                       for _ in rx.finditer(t))

        write_s = best(write_only)
        memory_s = best(lambda: write_only(in_memory=True))
        scan_s = best(scans_only)

    def row(step: str, s: float) -> None:
        print(f"| {step} | {s:.3f} | {s / parse_s:.1f} |")

    print("| step | seconds (best of 3) | ratio to bare parse |")
    print("| --- | --- | --- |")
    row("bare lxml parse of the official XML", parse_s)
    row("build, curated record only", curated_s)
    row("build, curated + official record", full_s)
    row("official part of the build (full - curated)", full_s - curated_s)
    print()
    print("Floors (each step alone; no build can skip them):")
    print()
    print("| floor | seconds (best of 3) | ratio to bare parse |")
    print("| --- | --- | --- |")
    row("parse + read every field into a dict", fields_s)
    row("write the finished official tables to a new DuckDB file", write_s)
    row("the extraction's three regex scans over the remarks, no rules", scan_s)
    row("sum of the floors", fields_s + write_s + scan_s)
    row("the same tables into an in-memory DuckDB (no file: below any real build)", memory_s)
    row("parse + read fields + in-memory write (the barest loader conceivable)", fields_s + memory_s)


if __name__ == "__main__":
    main()
