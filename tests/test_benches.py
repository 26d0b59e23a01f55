"""Each benchmark still runs, on small inputs: a renamed column or function must not break one
unseen (bench_context.py queried a key renamed a schema version earlier). The figures they
print are not checked here; benchmarks are read by people, not asserted on."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import need_shared

BENCH = Path(__file__).resolve().parents[1] / "bench"


def run_bench(name: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCH / name), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{name} failed:\n{done.stderr[-3000:]}"
    assert re.search(r"\bratio\b|\d(?:\.\d+)?x\b", done.stdout), f"{name} printed no ratio:\n{done.stdout[-2000:]}"
    return done.stdout


def test_bench_checker_runs() -> None:
    run_bench("bench_checker.py", "--mb", "0.05", "--runs", "1")


def test_bench_events_runs() -> None:
    run_bench("bench_events.py", "--rows", "20000", "--repeat", "1", "--skip", "spark", "pandas")


def test_bench_context_runs() -> None:
    run_bench("bench_context.py")


def test_bench_build_runs() -> None:
    run_bench("bench_build.py", str(need_shared()))


def test_bench_web_runs_or_says_what_it_needs() -> None:
    if importlib.util.find_spec("datasette") is not None:
        run_bench("bench_web.py", "--requests", "40", "--concurrency", "4")
        return
    done = subprocess.run([sys.executable, str(BENCH / "bench_web.py")], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "pip install datasette" in done.stderr


def test_bench_checker_real_compiles() -> None:
    """It needs the downloaded texts (eval/real/texts, git-ignored), so it is not run here."""
    compile((BENCH / "bench_checker_real.py").read_text(encoding="utf-8"), "bench_checker_real.py", "exec")
