"""The database file: whether it has this version's tables, and what tables it holds.

Opening it (built on first use) is `access.connect`: the build sits above this module."""

from __future__ import annotations

from pathlib import Path

import duckdb

from summitry.schema import SCHEMA_VERSION


def schema_is_current(path: Path) -> bool:
    """Whether the database file has this version's tables."""
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


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0])
