"""How the CONSULT rows of an events store are coded: the distributions the synthetic
generator's noise model should match, measured on real files so the two can be compared.

For each store: the share of each consult code (040-046, and 041, a telephone call), of
actors typed GOV in any slot, of actors with a name, of each geography type of the action
(0 none, 1 country, 2 U.S. state, 3 U.S. city, 4 world city, 5 world region), and how many
event rows one story (SOURCEURL) gives. `summitry events profile` prints a store's profile
beside another's; docs/events.md compares the real files with the generator.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb

from summitry.errors import NotFound
from summitry.sources.events.gdelt import CONSULT_CODES
from summitry.sources.events.ingest import parts

CODES = ("040", "041", "042", "043", "044", "045", "046")
GEO_TYPES = (0, 1, 2, 3, 4, 5)


def _share(n: int, total: int) -> float:
    return round(n / total, 3) if total else 0.0


def profile(store: str | os.PathLike) -> dict[str, Any]:
    """The coding profile of a store's GDELT rows (see the module)."""
    files = parts(Path(store), "gdelt")
    if not files:
        raise NotFound(f"no ingested GDELT files in {store}")
    con = duckdb.connect()
    con.read_parquet([str(f) for f in files]).create_view("ev")
    (rows,) = con.execute("SELECT count(*) FROM ev").fetchone()
    codes = dict(con.execute(
        "SELECT EventCode, count(*) FROM ev WHERE EventCode IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL",
        [list(CODES)]).fetchall())
    consult_codes = ", ".join(f"'{c}'" for c in CONSULT_CODES)  # constants of ours, not input
    con.execute(f"CREATE VIEW c AS SELECT * FROM ev WHERE EventCode IN ({consult_codes})")
    (n,) = con.execute("SELECT count(*) FROM c").fetchone()
    gov = "(coalesce({a}Type1Code, '') = 'GOV' OR coalesce({a}Type2Code, '') = 'GOV' OR coalesce({a}Type3Code, '') = 'GOV')"
    both_gov, named, typed_any, geo_rows = con.execute(f"""
        SELECT count(*) FILTER ({gov.format(a='Actor1')} AND {gov.format(a='Actor2')}),
               count(*) FILTER (coalesce(Actor1Name, '') <> '') + count(*) FILTER (coalesce(Actor2Name, '') <> ''),
               count(*) FILTER ({gov.format(a='Actor1')}) + count(*) FILTER ({gov.format(a='Actor2')}),
               count(*)
        FROM c""").fetchone()
    geo = dict(con.execute("SELECT coalesce(ActionGeo_Type, 0), count(*) FROM c GROUP BY ALL").fetchall())
    per_story = con.execute(
        "SELECT avg(k), quantile_cont(k, 0.9), max(k) FROM (SELECT count(*) AS k FROM ev WHERE SOURCEURL IS NOT NULL "
        "GROUP BY SOURCEURL)").fetchone()
    con.close()
    total_codes = sum(codes.values())
    return {
        "rows": int(rows), "consult_rows": int(n),
        "code_mix": {c: _share(codes.get(c, 0), total_codes) for c in CODES},
        "both_actors_gov": _share(both_gov, n),
        "actor_named": _share(named, 2 * n),
        "actor_gov": _share(typed_any, 2 * n),
        "geo_type": {t: _share(geo.get(t, 0), geo_rows) for t in GEO_TYPES},
        "rows_per_story": {"mean": round(float(per_story[0] or 0), 2), "p90": round(float(per_story[1] or 0), 1),
                           "max": int(per_story[2] or 0)},
    }


def flat(p: dict[str, Any]) -> dict[str, Any]:
    """One level of keys (`code_mix.042`), for a table."""
    out: dict[str, Any] = {}
    for k, v in p.items():
        if isinstance(v, dict):
            out.update({f"{k}.{kk}": vv for kk, vv in v.items()})
        else:
            out[k] = v
    return out
