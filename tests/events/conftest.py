"""Fixtures for the events tests: leaders from the fixture database, small generated data,
and the engine parameter (Spark runs when pyspark is installed; one session for the run)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import duckdb
import pytest

from summitry.sources.events import reference
from summitry.sources.events.generate import generate

HAVE_SPARK = importlib.util.find_spec("pyspark") is not None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs the pipeline on Spark local mode (needs pyspark and Java 17)")


def _engine_param(name: str) -> object:
    if name == "spark":
        skip = not HAVE_SPARK and not os.environ.get("SUMMITRY_REQUIRE_SPARK")
        return pytest.param("spark", marks=[pytest.mark.spark, *([pytest.mark.skip(
            reason="pyspark not installed (pip install 'summitry[spark]'); set SUMMITRY_REQUIRE_SPARK=1 to fail instead")]
            if skip else [])])
    return name


ENGINES = [_engine_param("duckdb"), _engine_param("spark")]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def leaders(fixture_db: Path) -> reference.Leaders:
    """Curated leaders from the fixture database plus the bundled ones."""
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        return reference.load_leaders(con)
    finally:
        con.close()


@pytest.fixture(scope="session")
def planted_store(tmp_path_factory: pytest.TempPathFactory, leaders: reference.Leaders) -> Path:
    """120,000 generated rows with 60 planted meetings, as a ready Parquet store."""
    out = tmp_path_factory.mktemp("planted")
    generate(120_000, out, seed=11, meetings=60, fmt="parquet", rows_per_file=60_000, leaders=leaders)
    return out
