"""Shared fixtures: a small database built from tests/fixtures/curated, and the real one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summitry.builder import build

HERE = Path(__file__).resolve().parent
FIXTURE_CURATED = HERE / "fixtures" / "curated"
SHARED_OFFICIAL = HERE.parent.parent / "shared" / "data" / "historyatstate"


def need_shared() -> Path:
    """The Office of the Historian data beside the checkout; skip (outside CI) when absent."""
    if (SHARED_OFFICIAL / "visits").is_dir():
        return SHARED_OFFICIAL
    if os.environ.get("CI"):
        pytest.fail(f"CI must have ../shared beside the checkout: {SHARED_OFFICIAL} is missing")
    pytest.skip(f"../shared/data/historyatstate not present at {SHARED_OFFICIAL}; runs in CI")


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database from the small curated fixture, without the official record."""
    path = tmp_path_factory.mktemp("db") / "fixture.duckdb"
    build(path, curated_root=FIXTURE_CURATED, official=None)
    return path


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database from the real curated record, with the official record when present."""
    path = tmp_path_factory.mktemp("db") / "real.duckdb"
    official = SHARED_OFFICIAL if (SHARED_OFFICIAL / "visits").is_dir() else None
    build(path, official=official)
    return path


@pytest.fixture(autouse=True)
def _no_user_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never touch the user's own database or events store."""
    monkeypatch.setenv("SUMMITRY_DB", str(tmp_path / "default.duckdb"))
    monkeypatch.setenv("SUMMITRY_EVENTS", str(tmp_path / "default-events"))
