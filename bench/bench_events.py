"""Benchmark: the events pipeline (Ibis) on DuckDB vs hand-written DuckDB SQL, pandas and Spark.

    python bench/bench_events.py                      # 10M synthetic rows (about 30 s to generate)
    python bench/bench_events.py --rows 100000000     # the full run (about 5 min to generate, 4 GB)
    python bench/bench_events.py --store DIR          # reuse a store made by an earlier run

Each contender runs in its own process, so its peak memory (VmHWM from /proc, falling back
to ru_maxrss; for Spark plus the JVM child) is its own. Rows/s counts input rows. The target: Ibis on DuckDB
at least 0.8x the hand-written SQL. "ibis-duckdb" builds, compiles and runs the Ibis
expression on every call (a fixed cost of about 0.3 s); "ibis-warm" compiles it once and
times the runs, which isolates what the generated SQL costs against the hand-written one. Every contender's meetings must be identical to the
Ibis/DuckDB result (compared by digest), or the run says so. Machine: 2 cores, 24 GB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from summitry.builder.events import MEETING_SCHEMA, _canonical, meetings_table
from summitry.sources.events import reference
from summitry.sources.events.gdelt import CONSULT_CODES
from summitry.sources.events.ingest import parts
from summitry.sources.events.pipeline import DEFAULT_PARAMS as P

TARGET_VS_SQL = 0.8


# --- the same query, by hand, in DuckDB SQL ----------------------------------------------

HAND_SQL = f"""
WITH reports AS (
    SELECT DISTINCT 'gdelt:' || CAST(g.GLOBALEVENTID AS VARCHAR) AS event_id, g.SQLDATE AS date, g.EventCode AS code,
           g.Actor1Name AS name1, g.Actor1CountryCode AS country1, g.Actor2Name AS name2,
           g.Actor2CountryCode AS country2, f.fips_iso3 AS venue,
           NULLIF(CASE WHEN g.ActionGeo_Type IN (3, 4) THEN trim(split_part(g.ActionGeo_FullName, ',', 1)) END, '') AS city,
           coalesce(g.NumMentions, 1)::BIGINT AS mentions, coalesce(g.NumSources, 1)::BIGINT AS sources,
           g.SOURCEURL AS url
    FROM read_parquet($files) g LEFT JOIN fips f ON g.ActionGeo_CountryCode = f.fips
    WHERE g.EventCode IN ({", ".join(f"'{c}'" for c in CONSULT_CODES)})
      AND g.Actor1Type1Code = 'GOV' AND g.Actor2Type1Code = 'GOV'
), named AS (
    SELECT *, trim(regexp_replace(upper(name1), '[^\\p{{L}}]+', ' ', 'g')) AS n1,
              trim(regexp_replace(upper(name2), '[^\\p{{L}}]+', ' ', 'g')) AS n2
    FROM reports
), side1 AS (
    SELECT n.*, a.leader_id AS leader1, a.state AS state1
    FROM named n LEFT JOIN cameo c ON n.country1 = c.cameo
    JOIN aliases a ON n.n1 = a.alias AND n.date BETWEEN a.start_date AND a.end_date
                  AND (NOT a.ambiguous OR coalesce(c.cameo_iso3, n.country1) = a.state)
), side2 AS (
    SELECT s.*, a.leader_id AS leader2, a.state AS state2
    FROM side1 s LEFT JOIN cameo c ON s.country2 = c.cameo
    JOIN aliases a ON s.n2 = a.alias AND s.date BETWEEN a.start_date AND a.end_date
                  AND (NOT a.ambiguous OR coalesce(c.cameo_iso3, s.country2) = a.state)
), res AS (
    SELECT least(leader1, leader2) AS leader_a, greatest(leader1, leader2) AS leader_b,
           CASE WHEN leader1 < leader2 THEN state1 ELSE state2 END AS state_a,
           CASE WHEN leader1 < leader2 THEN state2 ELSE state1 END AS state_b,
           date, event_id, venue, city, url, mentions, sources,
           CASE code WHEN '042' THEN state2 WHEN '043' THEN state1 END AS coded_host,
           (code = '044')::BIGINT AS third,
           10 + least(10, 5 * (sources - 1) + (mentions - 1)) AS weight
    FROM side2 WHERE state1 <> state2
), flagged AS (
    SELECT *, CASE WHEN lag(date) OVER w IS NULL OR date - lag(date) OVER w > {P.gap_days} THEN 1 ELSE 0 END AS new
    FROM res WINDOW w AS (PARTITION BY leader_a, leader_b ORDER BY date, event_id)
), cl AS (
    SELECT *, sum(new) OVER (PARTITION BY leader_a, leader_b ORDER BY date, event_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cluster
    FROM flagged
), base AS (
    SELECT leader_a, leader_b, cluster, max(state_a) AS state_a, max(state_b) AS state_b,
           count(DISTINCT event_id) AS n_reports, sum(sources) AS n_sources, sum(mentions) AS n_mentions,
           sum(weight) AS evidence, sum(third * weight) AS third_weight, list(event_id) AS event_ids, list(url) AS urls
    FROM cl GROUP BY leader_a, leader_b, cluster
), days AS (
    SELECT leader_a, leader_b, cluster, date, count(*) AS n,
           max(count(*)) OVER (PARTITION BY leader_a, leader_b, cluster) AS top
    FROM cl GROUP BY leader_a, leader_b, cluster, date
), span AS (
    SELECT leader_a, leader_b, cluster, min(date) AS start_date, max(date) AS end_date
    FROM days WHERE n >= top * {P.day_share} GROUP BY leader_a, leader_b, cluster
), venue AS (
    SELECT leader_a, leader_b, cluster, venue AS venue_vote FROM (
        SELECT leader_a, leader_b, cluster, venue, row_number() OVER (
            PARTITION BY leader_a, leader_b, cluster ORDER BY sum(weight) DESC, venue) AS rn
        FROM cl WHERE venue IS NOT NULL GROUP BY leader_a, leader_b, cluster, venue) WHERE rn = 1
), city AS (
    SELECT leader_a, leader_b, cluster, city AS city_vote FROM (
        SELECT cl.leader_a, cl.leader_b, cl.cluster, cl.city, row_number() OVER (
            PARTITION BY cl.leader_a, cl.leader_b, cl.cluster ORDER BY sum(cl.weight) DESC, cl.city) AS rn
        FROM cl JOIN venue v ON cl.leader_a = v.leader_a AND cl.leader_b = v.leader_b AND cl.cluster = v.cluster
        WHERE cl.venue = v.venue_vote AND cl.city IS NOT NULL
        GROUP BY cl.leader_a, cl.leader_b, cl.cluster, cl.city) WHERE rn = 1
), host AS (
    SELECT leader_a, leader_b, cluster, coded_host AS host_vote FROM (
        SELECT leader_a, leader_b, cluster, coded_host, row_number() OVER (
            PARTITION BY leader_a, leader_b, cluster ORDER BY sum(weight) DESC, coded_host) AS rn
        FROM cl WHERE coded_host IS NOT NULL GROUP BY leader_a, leader_b, cluster, coded_host) WHERE rn = 1
), m AS (
    SELECT b.*, s.start_date, s.end_date, v.venue_vote, c.city_vote, h.host_vote
    FROM base b JOIN span s USING (leader_a, leader_b, cluster)
    LEFT JOIN venue v USING (leader_a, leader_b, cluster) LEFT JOIN city c USING (leader_a, leader_b, cluster)
    LEFT JOIN host h USING (leader_a, leader_b, cluster)
), withcal AS (
    SELECT m.*, cal.cal_event, cal.cal_city, row_number() OVER (
        PARTITION BY m.leader_a, m.leader_b, m.cluster ORDER BY abs(m.start_date - cal.cal_start), cal.cal_event) AS rn
    FROM m LEFT JOIN cal ON m.venue_vote = cal.cal_state
        AND m.start_date <= cal.cal_end + {P.calendar_slack_days} AND m.end_date >= cal.cal_start - {P.calendar_slack_days}
), decided AS (
    SELECT *, CASE
        WHEN cal_event IS NOT NULL THEN 'multilateral'
        WHEN venue_vote IS NOT NULL AND venue_vote <> state_a AND venue_vote <> state_b THEN 'third-party'
        WHEN venue_vote = state_a OR venue_vote = state_b THEN 'visit'
        WHEN host_vote IS NOT NULL THEN 'visit'
        WHEN third_weight > 0 THEN 'third-party' END AS mode,
        round(1 - exp(-(evidence::DOUBLE / {10 * P.evidence_scale})), 4) AS confidence
    FROM withcal WHERE rn = 1
)
SELECT leader_a, leader_b, state_a, state_b, start_date, end_date, coalesce(venue_vote, host_vote) AS venue_state,
       coalesce(city_vote, cal_city) AS city, mode,
       CASE WHEN mode = 'visit' THEN coalesce(venue_vote, host_vote) ELSE venue_vote END AS host_state,
       cal_event AS multilateral_event, n_reports, n_sources, n_mentions, confidence, event_ids, urls
FROM decided WHERE confidence >= {P.min_confidence}
"""


def run_sql(store: Path, leaders: reference.Leaders) -> pa.Table:
    import duckdb

    con = duckdb.connect()
    for name, table in (("aliases", reference.alias_table(leaders)), ("cameo", reference.cameo_table()),
                        ("fips", reference.fips_table()), ("cal", reference.calendar_table())):
        con.register(name, table)
    out = con.sql(HAND_SQL, params={"files": [str(p) for p in parts(store, "gdelt")]}).to_arrow_table()
    return _canonical(out)


# --- the same computation in pandas, reading the Parquet in chunks -----------------------

_COLS = ["GLOBALEVENTID", "SQLDATE", "EventCode", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
         "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "ActionGeo_Type", "ActionGeo_FullName",
         "ActionGeo_CountryCode", "NumMentions", "NumSources", "SOURCEURL"]


def _vote(df: pd.DataFrame, keys: list[str], value: str, out: str) -> pd.DataFrame:
    g = df[df[value].notna()].groupby([*keys, value], as_index=False)["weight"].sum()
    g = g.sort_values([*keys, "weight", value], ascending=[True] * len(keys) + [False, True])
    return g.drop_duplicates(keys)[[*keys, value]].rename(columns={value: out})


def run_pandas(store: Path, leaders: reference.Leaders, batch_rows: int = 1_000_000) -> pa.Table:
    chunks = []
    codes = pa.array(list(CONSULT_CODES))
    for path in parts(store, "gdelt"):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=_COLS):
            keep = pc.and_(pc.is_in(batch.column("EventCode"), value_set=codes),
                           pc.and_(pc.equal(batch.column("Actor1Type1Code"), "GOV"),
                                   pc.equal(batch.column("Actor2Type1Code"), "GOV")))
            small = batch.filter(pc.fill_null(keep, False))
            if small.num_rows:
                chunks.append(small.to_pandas())
    df = pd.concat(chunks, ignore_index=True)
    fips = reference.fips_to_iso3()
    cameo = reference.cameo_to_iso3()
    city = df["ActionGeo_FullName"].str.split(",").str[0].str.strip()
    rep = pd.DataFrame({
        "event_id": "gdelt:" + df["GLOBALEVENTID"].astype(str), "date": df["SQLDATE"], "code": df["EventCode"],
        "name1": df["Actor1Name"], "country1": df["Actor1CountryCode"], "name2": df["Actor2Name"],
        "country2": df["Actor2CountryCode"], "venue": df["ActionGeo_CountryCode"].map(fips),
        "city": city.where(df["ActionGeo_Type"].isin([3, 4]) & (city != "")),
        "mentions": df["NumMentions"].fillna(1).astype("int64"), "sources": df["NumSources"].fillna(1).astype("int64"),
        "url": df["SOURCEURL"],
    }).drop_duplicates()
    aliases = reference.alias_table(leaders).to_pandas()
    for side in ("1", "2"):
        rep[f"n{side}"] = rep[f"name{side}"].str.upper().str.replace(r"[\W\d_]+", " ", regex=True).str.strip()
        iso = rep[f"country{side}"].map(cameo).fillna(rep[f"country{side}"])
        rep[f"iso{side}"] = iso
        j = rep.merge(aliases, left_on=f"n{side}", right_on="alias")
        ok = (j["date"] >= j["start_date"]) & (j["date"] <= j["end_date"]) & (~j["ambiguous"] | (j[f"iso{side}"] == j["state"]))
        rep = j[ok].drop(columns=["alias", "start_date", "end_date", "ambiguous", "name"]).rename(
            columns={"leader_id": f"leader{side}", "state": f"state{side}"})
    rep = rep[rep["state1"] != rep["state2"]]
    first = rep["leader1"] < rep["leader2"]
    r = pd.DataFrame({
        "leader_a": np.where(first, rep["leader1"], rep["leader2"]), "leader_b": np.where(first, rep["leader2"], rep["leader1"]),
        "state_a": np.where(first, rep["state1"], rep["state2"]), "state_b": np.where(first, rep["state2"], rep["state1"]),
        "date": rep["date"], "event_id": rep["event_id"], "venue": rep["venue"], "city": rep["city"], "url": rep["url"],
        "mentions": rep["mentions"], "sources": rep["sources"],
        "coded_host": np.select([rep["code"] == "042", rep["code"] == "043"], [rep["state2"], rep["state1"]], None),
        "third": (rep["code"] == "044").astype("int64"),
    })
    r["weight"] = 10 + np.minimum(10, 5 * (r["sources"] - 1) + (r["mentions"] - 1))
    r = r.sort_values(["leader_a", "leader_b", "date", "event_id"]).reset_index(drop=True)
    days = (pd.to_datetime(r["date"]) - pd.Timestamp("1970-01-01")).dt.days
    same_pair = (r["leader_a"] == r["leader_a"].shift()) & (r["leader_b"] == r["leader_b"].shift())
    new = ~same_pair | (days.diff() > P.gap_days)
    r["cluster"] = new.astype(int).groupby([r["leader_a"], r["leader_b"]]).cumsum()
    keys = ["leader_a", "leader_b", "cluster"]
    r["tw"] = r["third"] * r["weight"]
    base = r.groupby(keys, as_index=False).agg(
        state_a=("state_a", "max"), state_b=("state_b", "max"), n_reports=("event_id", "nunique"),
        n_sources=("sources", "sum"), n_mentions=("mentions", "sum"), evidence=("weight", "sum"),
        third_weight=("tw", "sum"), event_ids=("event_id", list), urls=("url", list))
    d = r.groupby([*keys, "date"], as_index=False).size()
    d["top"] = d.groupby(keys)["size"].transform("max")
    span = d[d["size"] >= d["top"] * P.day_share].groupby(keys, as_index=False).agg(
        start_date=("date", "min"), end_date=("date", "max"))
    venue = _vote(r, keys, "venue", "venue_vote")
    rv = r.merge(venue, on=keys)
    city_v = _vote(rv[rv["venue"] == rv["venue_vote"]], keys, "city", "city_vote")
    host = _vote(r, keys, "coded_host", "host_vote")
    m = base.merge(span, on=keys).merge(venue, on=keys, how="left").merge(city_v, on=keys, how="left").merge(
        host, on=keys, how="left")
    cal = reference.calendar_table().to_pandas()
    slack = pd.Timedelta(days=P.calendar_slack_days)
    mc = m.merge(cal, left_on="venue_vote", right_on="cal_state", how="left")
    hit = (pd.to_datetime(mc["start_date"]) <= pd.to_datetime(mc["cal_end"]) + slack) & (
        pd.to_datetime(mc["end_date"]) >= pd.to_datetime(mc["cal_start"]) - slack)
    mc.loc[~hit, ["cal_event", "cal_city", "cal_start"]] = None
    mc["dist"] = (pd.to_datetime(mc["start_date"]) - pd.to_datetime(mc["cal_start"])).abs()
    mc = mc.sort_values([*keys, "dist", "cal_event"], na_position="last").drop_duplicates(keys)
    in_pair = (mc["venue_vote"] == mc["state_a"]) | (mc["venue_vote"] == mc["state_b"])
    mode = np.select([mc["cal_event"].notna(), mc["venue_vote"].notna() & ~in_pair, in_pair, mc["host_vote"].notna(),
                      mc["third_weight"] > 0], ["multilateral", "third-party", "visit", "visit", "third-party"], None)
    venue_state = mc["venue_vote"].fillna(mc["host_vote"])
    out = pd.DataFrame({
        "leader_a": mc["leader_a"], "leader_b": mc["leader_b"], "state_a": mc["state_a"], "state_b": mc["state_b"],
        "start_date": mc["start_date"], "end_date": mc["end_date"], "venue_state": venue_state,
        "city": mc["city_vote"].fillna(mc["cal_city"]), "mode": mode,
        "host_state": np.where(mode == "visit", venue_state, mc["venue_vote"]),
        "multilateral_event": mc["cal_event"], "n_reports": mc["n_reports"], "n_sources": mc["n_sources"],
        "n_mentions": mc["n_mentions"], "confidence": (1 - np.exp(-(mc["evidence"] / (10 * P.evidence_scale)))).round(4),
        "event_ids": mc["event_ids"], "urls": mc["urls"],
    })
    out = out[out["confidence"] >= P.min_confidence]
    out = out.astype(object).where(out.notna(), None)
    return _canonical(pa.Table.from_pylist(out.to_dict(orient="records"), schema=MEETING_SCHEMA))


# --- one contender per process ------------------------------------------------------------


def digest(table: pa.Table) -> str:
    return hashlib.sha256(json.dumps(table.to_pylist(), default=str, sort_keys=True).encode()).hexdigest()[:16]


def _hwm_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM). Unlike ru_maxrss it is not inherited
    across fork/exec from the parent, which generated the data."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == os.getpid() else 0.0


def _descendants(pid: int) -> list[int]:
    """Child processes (the Spark JVM), from /proc."""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def worker(name: str, store: Path, repeat: int) -> dict[str, Any]:
    leaders = reference.load_leaders(None)
    timings = []
    startup = None
    if name == "spark":
        from summitry.sources.events.engines import spark_session

        t = time.perf_counter()
        spark_session()
        startup = time.perf_counter() - t
    result = None
    if name == "ibis-warm":
        from summitry.sources.events import engines
        from summitry.sources.events.pipeline import gdelt_reports, meetings_expr, reference_tables

        con = engines.connect("duckdb")
        refs = reference_tables(leaders)
        expr = meetings_expr(gdelt_reports(engines.read_parquet(con, parts(store, "gdelt"), "ev_gdelt"), refs["fips"]),
                             refs["aliases"], refs["cameo"], refs["calendar"])
        t = time.perf_counter()
        con.to_pyarrow(expr.limit(0))  # registers the in-memory tables
        sql = con.compile(expr)
        startup = time.perf_counter() - t
    for _ in range(repeat):
        t = time.perf_counter()
        if name == "ibis-duckdb":
            result = meetings_table(store, engine="duckdb", leaders=leaders)
        elif name == "ibis-warm":
            result = _canonical(con.con.sql(sql).to_arrow_table())
        elif name == "sql-duckdb":
            result = run_sql(store, leaders)
        elif name == "pandas":
            result = run_pandas(store, leaders)
        elif name == "spark":
            result = meetings_table(store, engine="spark", leaders=leaders)
        timings.append(time.perf_counter() - t)
    assert result is not None
    own = _hwm_mb(os.getpid())
    kids = sum(_hwm_mb(pid) for pid in _descendants(os.getpid()))
    if name == "spark":
        from summitry.sources.events import engines

        engines.spark_session().stop()
    return {"name": name, "seconds": min(timings), "all_seconds": [round(x, 3) for x in timings], "startup": startup,
            "peak_rss_mb": round(own, 1), "child_peak_rss_mb": round(kids, 1), "meetings": result.num_rows,
            "digest": digest(result)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--store", type=Path, help="an existing store (skips generation)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", nargs="*", default=[], help="contenders to skip: sql-duckdb pandas spark")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.store, args.repeat)))
        return

    tmp = None
    store = args.store
    if store is None:
        from summitry.sources.events.generate import generate

        tmp = tempfile.TemporaryDirectory(prefix="bench-events-")
        store = Path(tmp.name)
        t = time.perf_counter()
        generate(args.rows, store, seed=1, fmt="parquet", rows_per_file=5_000_000)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - t:.1f} s -> {store}", file=sys.stderr)
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parts(store, "gdelt"))
    size = sum(p.stat().st_size for p in parts(store, "gdelt"))
    results = []
    for name in ("ibis-duckdb", "ibis-warm", "sql-duckdb", "pandas", "spark"):
        if name in args.skip:
            continue
        print(f"running {name}…", file=sys.stderr)
        proc = subprocess.run([sys.executable, __file__, "--worker", name, "--store", str(store),
                               "--repeat", str(args.repeat)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
        if proc.returncode:
            print(proc.stderr[-3000:], file=sys.stderr)
            results.append({"name": name, "error": proc.stderr.strip().splitlines()[-1]})
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    ibis_res = next(r for r in results if r["name"] == "ibis-duckdb")
    print(f"\n{rows:,} rows ({size / 1e9:.2f} GB Parquet, {len(parts(store, 'gdelt'))} parts); "
          f"best of {args.repeat}; 2 cores / 24 GB\n")
    print(f"{'contender':<13} {'seconds':>8} {'rows/s':>14} {'vs ibis':>8} {'peak RSS MB':>12} {'meetings':>9} same")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<13} error: {r['error']}")
            continue
        ratio = ibis_res["seconds"] / r["seconds"]
        rss = f"{r['peak_rss_mb']:.0f}" + (f"+{r['child_peak_rss_mb']:.0f} JVM" if r["name"] == "spark" else "")
        extra = ""
        if r.get("startup") is not None:
            what = "session start" if r["name"] == "spark" else "compile once"
            extra = f" ({what} {r['startup']:.2f} s, not counted)"
        print(f"{r['name']:<13} {r['seconds']:>8.2f} {rows / r['seconds']:>14,.0f} {ratio:>7.2f}x {rss:>12} "
              f"{r['meetings']:>9} {'yes' if r['digest'] == ibis_res['digest'] else 'NO'}{extra}")
    sql = next((r for r in results if r["name"] == "sql-duckdb" and "error" not in r), None)
    warm = next((r for r in results if r["name"] == "ibis-warm" and "error" not in r), None)
    if sql:
        for label, r in (("per call (build + compile + run)", ibis_res), ("compiled once (run only)", warm)):
            if r:
                speed = sql["seconds"] / r["seconds"]
                print(f"Ibis/DuckDB vs hand-written SQL, {label}: {speed:.2f}x "
                      f"(target >= {TARGET_VS_SQL}x: {'met' if speed >= TARGET_VS_SQL else 'NOT met'})")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "bytes": size, "results": results}, indent=1))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
