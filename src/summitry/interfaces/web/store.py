"""The web app's view of the database: one shared read-only connection, a cursor per request.

DuckDB connections are not safe to share between threads, but cursors of one connection
are independent connections to the same database, so every request takes its own. The
file is attached ``READ_ONLY`` (DuckDB's read-only mode, as ``read_only=True``): no
endpoint can write to it, whatever it sends.

A rebuild (``summitry build``) replaces the file atomically; the store notices the new file
(checked at most once a second) and reopens it, bumping ``generation`` so that the response
cache, which relies on the data being immutable, starts afresh. It attaches the file to a
fresh in-memory instance rather than `duckdb.connect(path)`, because DuckDB keeps one
instance per path in a process: while any cursor is open, connecting again would hand
back the replaced file.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from summitry.db import has_table

ALIAS = "summitry"


def _quote(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")


class Store:
    """A read-only DuckDB database shared by all requests of one app."""

    def __init__(self, path: str | os.PathLike, *, recheck_seconds: float = 1.0) -> None:
        self.path = Path(path)
        self.recheck_seconds = recheck_seconds
        self.generation = 0
        self._lock = threading.Lock()
        self._tables: dict[str, bool] = {}
        self._checked = time.monotonic()
        self._con, self._stamp = self._open()

    def _open(self) -> tuple[duckdb.DuckDBPyConnection, tuple[int, int, int]]:
        stamp = self._file_stamp()
        con = duckdb.connect(":memory:")
        con.execute(f"ATTACH '{_quote(self.path)}' AS {ALIAS} (READ_ONLY)")
        con.execute(f"USE {ALIAS}")
        return con, stamp

    def _file_stamp(self) -> tuple[int, int, int]:
        st = os.stat(self.path)
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def refresh(self) -> int:
        """Reopen the database if its file was replaced; return the current generation."""
        now = time.monotonic()
        if now - self._checked < self.recheck_seconds:
            return self.generation
        with self._lock:
            self._checked = now
            try:
                stamp = self._file_stamp()
            except FileNotFoundError:  # mid-replace: keep serving the open file
                return self.generation
            if stamp != self._stamp:
                # Cursors still in use keep the old database alive until they close.
                self._con, self._stamp = self._open()
                self._tables = {}
                self.generation += 1
        return self.generation

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A private cursor for one request (closed afterwards)."""
        with self._lock:
            cur = self._con.cursor()
        try:
            cur.execute(f"USE {ALIAS}")  # a cursor starts in the in-memory catalog
            yield cur
        finally:
            cur.close()

    def has_table(self, name: str) -> bool:
        """Whether the database has `name` (the official tables are optional)."""
        if name not in self._tables:
            with self.cursor() as cur:
                self._tables[name] = has_table(cur, name)
        return self._tables[name]

    def close(self) -> None:
        with self._lock:
            self._con.close()
