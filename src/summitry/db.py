"""Opening the database: read-only for queries, built on first use."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from summitry.config import discover_official, resolve_db_path


def ensure_built(db: str | os.PathLike | None = None, *, quiet: bool = False) -> Path:
    """Return the database path, building it first (with a progress line) if it is missing."""
    path = resolve_db_path(db)
    stale = path.exists() and not _current(path)
    if not path.exists() or stale:
        from summitry.builder import build

        why = "the database was built by another version of Summitry, rebuilding" if stale else \
            "first use, building the database"

        def say(msg: str) -> None:
            if not quiet:
                print(f"summitry: {why}: {msg}", file=sys.stderr)

        build(path, official=discover_official(), progress=say)
    return path


def _current(path: Path) -> bool:
    """Whether the database file has this version's tables."""
    from summitry.schema import SCHEMA_VERSION

    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return True  # locked or unreadable: let the query say so rather than rebuild under a writer
    try:
        row = con.execute("SELECT value FROM build_info WHERE key = 'schema_version'").fetchone()
        return row is not None and row[0] == str(SCHEMA_VERSION)
    except duckdb.Error:
        return False
    finally:
        con.close()


@contextmanager
def connect(db: str | os.PathLike | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; the database is never written by queries."""
    path = ensure_built(db)
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0])
