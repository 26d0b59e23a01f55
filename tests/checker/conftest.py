"""Checker fixtures: records from the small curated fixture and from the real curated record."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summitry.builder import build
from summitry.checker.record import Record, get_record
from summitry.sources.curated import CurationError

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "checker"
REPO = HERE.parent.parent
SEED = REPO.parent / "shared" / "seed" / "article.md"


@pytest.fixture(scope="session")
def fixture_record(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """The record of tests/fixtures/curated: nine meetings, enough for unit tests."""
    path = tmp_path_factory.mktemp("checker") / "fixture.duckdb"
    build(path, curated_root=REPO / "tests" / "fixtures" / "curated", official=None)
    return get_record(path)


@pytest.fixture(scope="session")
def real_record(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """The real curated record (without the official layer, which the checker does not read)."""
    path = tmp_path_factory.mktemp("checker") / "real.duckdb"
    try:
        build(path, official=None)
    except CurationError as exc:  # the record is edited by others while the checker is developed
        if os.environ.get("CI"):
            raise
        pytest.skip(f"the curated record does not validate right now: {str(exc)[:300]}")
    return get_record(path)


def need_seed() -> Path:
    """The seed op-ed beside the checkout; skip with a clear message when ../shared is absent."""
    if SEED.is_file():
        return SEED
    if os.environ.get("CI"):
        pytest.fail(f"CI must have ../shared beside the checkout: {SEED} is missing")
    pytest.skip(f"the seed article is not present at {SEED} (it lives in ../shared, beside the repository)")
