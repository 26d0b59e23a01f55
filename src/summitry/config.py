"""Where the database lives and where the official record is found.

Precedence for the database: an explicit path (``--db``), then ``SUMMITRY_DB``, then
``<user data dir>/summitry/summitry.duckdb``. The official record (Office of the
Historian XML) is taken from an explicit path or URL, then ``SUMMITRY_OFFICIAL``, then a
``shared/data/historyatstate`` folder beside the working directory or the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

#: The package version (`summitry.__version__`), kept here, in the bottom layer, so that the
#: build and the exports can stamp it without importing the package's public API.
VERSION = "0.1.0"

#: The largest article the checker reads, the same for the CLI, the Python API and the web:
#: 5 MB of UTF-8 text (an op-ed is about 10 kB, a book about 1 MB).
MAX_ARTICLE_BYTES = 5_000_000
MAX_ARTICLE_TEXT = f"{MAX_ARTICLE_BYTES / 1e6:g} MB"

OFFICIAL_HINT = (
    "The official record (Office of the Historian) is not in this database. Add it with "
    "`summitry build --official PATH` (a folder laid out like HistoryAtState's travels/ and "
    "visits/ repositories) or `summitry build --official upstream` to download it."
)


def default_db_path() -> Path:
    return Path(user_data_dir("summitry", appauthor=False)) / "summitry.duckdb"


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    if db:
        return Path(db).expanduser()
    env = os.environ.get("SUMMITRY_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


def default_events_store() -> Path:
    """$SUMMITRY_EVENTS, else `events/` beside the default database in the user data directory."""
    env = os.environ.get("SUMMITRY_EVENTS")
    if env and env != "none":
        return Path(env).expanduser()
    return default_db_path().parent / "events"


def discover_events() -> Path | None:
    """The events store a build joins when none is named: the default one, once something has
    been ingested into it (SUMMITRY_EVENTS=none turns it off)."""
    if os.environ.get("SUMMITRY_EVENTS") == "none":
        return None
    store = default_events_store()
    return store if (store / "manifest.json").exists() else None


def discover_official() -> Path | None:
    """A local copy of the official record, if one sits where the project expects it."""
    env = os.environ.get("SUMMITRY_OFFICIAL")
    if env:
        return Path(env).expanduser() if env != "none" else None
    checkout = Path(__file__).resolve().parents[2]  # <repo>/src/summitry -> <repo>
    for base in (Path.cwd(), checkout):
        candidate = base.parent / "shared" / "data" / "historyatstate"
        if (candidate / "visits").is_dir() and (candidate / "travels").is_dir():
            return candidate
    return None
