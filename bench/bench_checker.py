"""Checker throughput against a bare Aho–Corasick scan of the same gazetteer.

    python bench/bench_checker.py [--mb 2.5] [--db PATH]

Builds a news-like corpus of at least 2 MB (the seed op-ed from ../shared when present,
plus the checker's evaluation texts, repeated), then times, in the same run:

* the whole pipeline: `check_text` (read Markdown, split sentences, scan, resolve dates,
  build claims, verify against the record);
* a bare scan: ``automaton.iter`` over the same lowercased text, counting hits.

Targets: the pipeline within 10x of the bare scan and at least 1 MB/s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article.md"
EVAL = ROOT / "tests" / "fixtures" / "checker" / "eval"


def corpus(min_bytes: int) -> str:
    pieces = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("*.md"))]
    if SEED.is_file():
        pieces.insert(0, SEED.read_text(encoding="utf-8"))
    else:
        print(f"(seed article not found at {SEED}; using the evaluation texts only)", file=sys.stderr)
    unit = "\n\n".join(pieces) + "\n\n"
    reps = min_bytes // len(unit.encode("utf-8")) + 1
    return unit * reps


def best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.5, help="corpus size in MB (the checker reads at most 5)")
    ap.add_argument("--db", help="database to check against (default: build the curated record in a temp dir)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from summitry.builder import build
    from summitry.checker import check_text
    from summitry.checker.gazetteer import gazetteer_for, prepare
    from summitry.checker.record import get_record

    if args.db:
        record = get_record(args.db)
    else:
        tmp = Path(tempfile.mkdtemp()) / "bench.duckdb"
        build(tmp, official=None)
        record = get_record(tmp)
    gaz = gazetteer_for(record)
    text = corpus(int(args.mb * 1_000_000))
    mb = len(text.encode("utf-8")) / 1e6

    def bare() -> int:
        n = 0
        for _ in gaz.automaton.iter(text.lower()):
            n += 1
        return n

    def bare_prepared() -> int:
        n = 0
        for _ in gaz.automaton.iter(prepare(text)):
            n += 1
        return n

    result = check_text(text, record=record, content_type="markdown")  # warm-up, and the counts
    t_bare = best(bare, args.runs)
    t_prep = best(bare_prepared, args.runs)
    pipeline = [best(lambda: check_text(text, record=record, content_type="markdown"), 1) for _ in range(args.runs)]
    t_pipe = min(pipeline)
    print(f"corpus: {mb:.2f} MB, {len(result.claims)} claims {result.counts}, gazetteer keys: {gaz.size}")
    print(f"bare scan (automaton.iter over lowercased text): {t_bare:.3f} s  {mb / t_bare:8.1f} MB/s  ({bare()} hits)")
    print(f"bare scan over the prepared text (word-bounded): {t_prep:.3f} s  {mb / t_prep:8.1f} MB/s  ({bare_prepared()} hits)")
    print(f"checker pipeline (check_text):                   {t_pipe:.3f} s  {mb / t_pipe:8.1f} MB/s  "
          f"(median {statistics.median(pipeline):.3f} s)")
    ratio = t_pipe / t_bare
    print(f"ratio pipeline / bare scan: {ratio:.1f}x  (target <= 10x)   throughput target >= 1 MB/s: "
          f"{'met' if mb / t_pipe >= 1 else 'NOT met'}")
    floors(text, gaz, t_bare, args.runs)


def floors(text: str, gaz, t_bare: float, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Stages every claim check needs before any claim is built, each timed alone.

    Their sum is a floor for the pipeline as designed: reading the Markdown (offsets kept),
    preparing the scan text, the gazetteer scan with its word-boundary and capitalisation
    checks, sentence splitting, and resolving the dates the claims will be anchored on.
    """
    import gc

    from summitry.checker import dates, reader
    from summitry.checker.gazetteer import lower_same_length, prepare

    doc = reader.read(text, "markdown")
    clean = doc.text
    lowered = lower_same_length(clean)
    prepared = prepare(clean, lowered)
    mentions = gaz.scan(clean, prepared)
    starts = [a for a, _ in reader.sentences(clean)]
    stages = {
        "read Markdown, keep offsets": lambda: reader.read(text, "markdown"),
        "lowercase + prepare the scan text": lambda: prepare(clean, lower_same_length(clean)),
        "gazetteer scan with word-boundary checks": lambda: gaz.scan(clean, prepared),
        "sentence splitting": lambda: reader.sentences(clean),
        "date resolution": lambda: dates.resolve(clean, mentions, starts, None),
    }
    print("\nfloors (each stage alone, collector paused as in the pipeline):")
    total = 0.0
    gc.disable()
    try:
        for name, fn in stages.items():
            t = best(fn, runs)
            total += t
            print(f"  {name:<44} {t:.3f} s  {t / t_bare:5.1f}x the bare scan")
    finally:
        gc.enable()
    print(f"  {'sum, before a single claim is grouped':<44} {total:.3f} s  {total / t_bare:5.1f}x the bare scan")


if __name__ == "__main__":
    main()
