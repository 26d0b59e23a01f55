"""Political event data (GDELT 2.0, POLECAT) as a source: reading, ingesting, the method.

Public API (imported lazily, so `import summitry.sources.events` stays cheap):

- `ingest(files, out)`: stream GDELT/POLECAT files (plain, .gz, .zip) into Parquet parts,
  resumable, every row loaded or rejected with a reason.
- `meetings_expr(...)`, `Params`: the meeting-finding method on Ibis, and its knobs.
- `generate(rows, out)`: synthetic GDELT data with planted meetings (truth.json).
- `GDELT_COLUMNS`, `GDELT_SCHEMA`: the explicit schema; `load_leaders`: the leader table.

Running the method over a store is the build's (`summitry.builder.events`: `event_meetings`,
`compute`); checking it against planted or curated meetings is analysis
(`summitry.analysis.validate_events`).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "ingest": "summitry.sources.events.ingest",
    "IngestResult": "summitry.sources.events.ingest",
    "FileReport": "summitry.sources.events.ingest",
    "generate": "summitry.sources.events.generate",
    "Noise": "summitry.sources.events.generate",
    "Params": "summitry.sources.events.pipeline",
    "meetings_expr": "summitry.sources.events.pipeline",
    "GDELT_COLUMNS": "summitry.sources.events.gdelt",
    "GDELT_SCHEMA": "summitry.sources.events.gdelt",
    "POLECAT_COLUMNS": "summitry.sources.events.gdelt",
    "load_leaders": "summitry.sources.events.reference",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'summitry.sources.events' has no attribute {name!r}")
