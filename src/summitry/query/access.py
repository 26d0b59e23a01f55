"""Opening the database for the interfaces: read-only, built on first use.

This sits above the build and loads it only when a build is needed, so a command that finds
its database in place starts without importing pandas and pyarrow.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb

from summitry.config import discover_events, discover_official, resolve_db_path
from summitry.db import schema_is_current


def ensure_built(db: str | os.PathLike | None = None, *, quiet: bool = False) -> Path:
    """Return the database path, building it first (with a progress line) if it is missing."""
    path = resolve_db_path(db)
    stale = path.exists() and not schema_is_current(path)
    if not path.exists() or stale:
        from summitry.builder import build

        why = "the database was built by another version of Summitry, rebuilding" if stale else \
            "first use, building the database"

        def say(msg: str) -> None:
            if not quiet:
                print(f"summitry: {why}: {msg}", file=sys.stderr)

        build(path, official=discover_official(), events=discover_events(), progress=say)
    return path


@contextlib.contextmanager
def connect(db: str | os.PathLike | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; the database is never written by queries."""
    path = ensure_built(db)
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()
