"""Leader meetings from political event data (GDELT 2.0, POLECAT), on DuckDB or Spark.

Public API (imported lazily, so `import summitry.events` stays cheap):

- `ingest(files, out)`: stream GDELT/POLECAT files (plain, .gz, .zip) into Parquet parts,
  resumable, every row loaded or rejected with a reason.
- `event_meetings(store, a, b)`: candidate meetings between states `a` and `b`, as dicts
  shaped like curated meeting records, with `confidence`, `n_reports`, `origin: "events"`.
- `compute(store, engine=...)`: the meetings of every pair as an Arrow table.
- `generate(rows, out)`: synthetic GDELT data with planted meetings (truth.json).
- `validate_planted(store)`, `validate_curated(store, con)`: precision/recall.
- `Params`: the method's knobs; `GDELT_COLUMNS`, `GDELT_SCHEMA`: the explicit schema.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "ingest": "summitry.events.ingest",
    "IngestResult": "summitry.events.ingest",
    "FileReport": "summitry.events.ingest",
    "event_meetings": "summitry.events.store",
    "compute": "summitry.events.store",
    "meetings_table": "summitry.events.store",
    "to_records": "summitry.events.store",
    "generate": "summitry.events.generate",
    "Noise": "summitry.events.generate",
    "validate_planted": "summitry.events.validate",
    "validate_curated": "summitry.events.validate",
    "Params": "summitry.events.pipeline",
    "meetings_expr": "summitry.events.pipeline",
    "GDELT_COLUMNS": "summitry.events.gdelt",
    "GDELT_SCHEMA": "summitry.events.gdelt",
    "POLECAT_COLUMNS": "summitry.events.gdelt",
    "load_leaders": "summitry.events.reference",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'summitry.events' has no attribute {name!r}")
