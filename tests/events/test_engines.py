"""One computation, two engines: the same meetings on DuckDB and Spark, and the
precision/recall floors on generated data with planted meetings (both engines)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from summitry.analysis.validate_events import score
from summitry.builder.events import meetings_table
from summitry.sources.events import reference

from ._helpers import consult, write_store


@pytest.fixture(scope="module")
def duckdb_result(planted_store: Path, leaders: reference.Leaders) -> pa.Table:
    return meetings_table(planted_store, engine="duckdb", leaders=leaders)


def test_engines_give_identical_meetings(engine: str, planted_store: Path, leaders: reference.Leaders,
                                         duckdb_result: pa.Table) -> None:
    got = meetings_table(planted_store, engine=engine, leaders=leaders)
    assert got.num_rows > 50
    assert got.to_pylist() == duckdb_result.to_pylist()


def test_precision_recall_floors(engine: str, planted_store: Path, leaders: reference.Leaders) -> None:
    import json

    planted = json.loads((planted_store / "truth.json").read_text())["meetings"]
    got = meetings_table(planted_store, engine=engine, leaders=leaders).to_pylist()
    s = score(got, planted)
    assert s["recall"] >= 0.95, s["missed"]
    assert s["precision"] >= 0.90, s["false_positives"]
    assert s["venue_accuracy"] >= 0.9 and s["mode_accuracy"] >= 0.9


def test_engines_agree_on_hand_made_edge_cases(engine: str, tmp_path: Path, leaders: reference.Leaders) -> None:
    """Ties in the votes (two places with equal weight) are broken the same way."""
    import datetime as dt

    d = dt.date(2019, 11, 13)
    rows = [consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d, place=("Brasília, Brazil", "BR")) for _ in range(3)]
    rows += [consult("XI JINPING", "CHN", "VLADIMIR PUTIN", "RUS", day=d, place=("Moscow, Russia", "RS")) for _ in range(3)]
    write_store(tmp_path, rows)
    got = meetings_table(tmp_path, engine=engine, leaders=leaders).to_pylist()
    assert [(m["venue_state"], m["mode"], m["multilateral_event"]) for m in got] == [
        ("BRA", "multilateral", "BRICS summit, Brasília 2019")]
