"""The downloads page's files: the export, generated once per database into a cache directory.

The first request after a (re)build writes the export into a temporary directory and
renames it into place, so concurrent requests never see half-written files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

from platformdirs import user_cache_dir

from summitry.config import VERSION as __version__
from summitry.interfaces.export import export
from summitry.interfaces.web.store import Store


def default_cache_dir() -> Path:
    return Path(user_cache_dir("summitry", appauthor=False)) / "exports"


class Exports:
    """Exported files for the store's current database, created on first use."""

    def __init__(self, store: Store, cache_dir: str | os.PathLike | None = None) -> None:
        self.store = store
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self._lock = threading.Lock()

    def _key(self) -> str:
        st = os.stat(self.store.path)
        raw = f"{self.store.path.resolve()}|{st.st_ino}|{st.st_size}|{st.st_mtime_ns}|{__version__}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def directory(self) -> Path:
        """The export directory for the current database, writing it if needed."""
        target = self.cache_dir / f"export-{self._key()}"
        if (target / "datapackage.json").exists():
            return target
        with self._lock:
            if (target / "datapackage.json").exists():
                return target
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".export-", dir=self.cache_dir))
            try:
                with self.store.cursor() as cur:
                    export(cur, tmp)
                os.replace(tmp, target)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            for old in self.cache_dir.glob("export-*"):  # older databases' exports
                if old != target:
                    with contextlib.suppress(OSError):
                        shutil.rmtree(old)
        return target

    def descriptor(self) -> dict:
        return json.loads((self.directory() / "datapackage.json").read_text(encoding="utf-8"))

    def file(self, relative: str) -> Path | None:
        """A file of the export by its relative path, or None (never a path outside it)."""
        base = self.directory().resolve()
        candidate = (base / relative).resolve()
        if candidate == base or base not in candidate.parents or not candidate.is_file():
            return None
        return candidate
