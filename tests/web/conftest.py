"""Fixtures for the explorer: one app over the small fixture database, and a test client."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi import FastAPI

from summitry.interfaces.web import create_app

with warnings.catch_warnings():  # starlette's TestClient warns about httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def web_app(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app over the fixture database (no official record); exports go to a temp dir."""
    return create_app(fixture_db, cache_dir=tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="session")
def client(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as c:
        yield c


@pytest.fixture()
def fresh_client(fixture_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A new app (empty cache) that returns 500 responses instead of raising."""
    with TestClient(create_app(fixture_db, cache_dir=tmp_path / "exports"), raise_server_exceptions=False) as c:
        yield c


def need_module(name: str, *functions: str) -> ModuleType:
    """Skip until another part of the project provides `name` with `functions`."""
    module = pytest.importorskip(name)
    missing = [f for f in functions if not callable(getattr(module, f, None))]
    if missing:
        pytest.skip(f"{name} does not provide {', '.join(missing)} yet")
    return importlib.import_module(name)
