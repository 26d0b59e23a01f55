"""Benchmark: the explorer's JSON API vs Datasette serving the same meetings table.

Run: python bench/bench_web.py [--requests 2000] [--concurrency 100] [--workers 1]

Starts `summitry serve` (or `python -m summitry.interfaces.web` before the CLI registers it) and
`datasette` on free loopback ports in the same run, over the same curated meetings (ours
from DuckDB, Datasette's exported to SQLite and served immutable), then sends a fixed
number of requests at a fixed concurrency with httpx.AsyncClient (loopback only; it stops
by itself) and prints p50/p99 latency and requests/s side by side as a Markdown table.
Each load runs twice: with httpx (one client and keep-alive connection per concurrent
worker) and, as a cross-check, with a minimal asyncio-streams client whose own cost is
near zero, so the server's latency can be told apart from the load generator's.
Targets: throughput at least Datasette's on the list query; p99 < 50 ms at 100 concurrent
on 2 cores. The load generator shares the machine's cores with both servers, so compare
the rows of one run rather than numbers across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from summitry import query
from summitry.builder import build
from summitry.query.access import connect

MAX_REQUESTS = 20_000  # hard caps: the load is bounded whatever the arguments
MAX_CONCURRENCY = 200
PHASE_TIMEOUT = 180.0  # seconds per measured phase
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def export_sqlite(db: Path, target: Path) -> list[str]:
    """The meetings (the API's records, nested values as JSON text) as a SQLite table."""
    with connect(db) as con:
        rows = query.records(query.find_meetings(con, between=("USA", "RUS")))
    columns = list(rows[0])
    with sqlite3.connect(target) as lite:
        lite.execute(f"CREATE TABLE meetings ({', '.join(columns)}, PRIMARY KEY (id))")
        lite.executemany(
            f"INSERT INTO meetings VALUES ({', '.join('?' * len(columns))})",
            [[json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for v in r.values()]
             for r in rows],
        )
    return [r["id"] for r in rows]


def summitry_command(db: Path, port: int, workers: int) -> list[str]:
    """`summitry serve` when the CLI has it, else the same function via `python -m summitry.interfaces.web`."""
    exe = Path(sys.executable).with_name("summitry")
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout if exe.exists() else ""
    base = [str(exe), "serve"] if " serve " in help_text or "│ serve" in help_text else [sys.executable, "-m",
                                                                                       "summitry.interfaces.web"]
    return [*base, "--db", str(db), "--host", HOST, "--port", str(port), "--workers", str(workers)]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early ({proc.returncode}): {url}")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server not ready in {timeout:.0f}s: {url}")


@dataclass
class Result:
    name: str
    client: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def pct(self, p: float) -> float:
        """The p-th percentile latency in milliseconds."""
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] * 1000 if xs else float("nan")


async def load_httpx(urls: list[str], total: int, concurrency: int) -> tuple[list[float], int, float]:
    """`total` GETs cycling over `urls`, `concurrency` at a time, with httpx.AsyncClient.

    Each worker has its own client and keep-alive connection, opened before the clock
    starts: one shared pool of 100 connections spends most of its time in pool bookkeeping
    (and connection set-up would count as latency), which measures httpx, not the server.
    """
    latencies: list[float] = []
    errors = 0
    next_index = 0
    clients = [httpx.AsyncClient(limits=httpx.Limits(max_connections=1, max_keepalive_connections=1), timeout=30.0)
               for _ in range(concurrency)]
    try:
        await asyncio.gather(*(c.get(urls[i % len(urls)]) for i, c in enumerate(clients)))  # connect

        async def worker(client: httpx.AsyncClient) -> None:
            nonlocal next_index, errors
            while next_index < total:
                url = urls[next_index % len(urls)]
                next_index += 1
                t = time.perf_counter()
                try:
                    ok = (await client.get(url)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t)
                errors += not ok

        start = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(worker(c) for c in clients)), PHASE_TIMEOUT)
        return latencies, errors, time.perf_counter() - start
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked); return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(b":") for line in lines[1:] if line)}
    if b"content-length" in headers:
        await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding") == b"chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def load_raw(urls: list[str], total: int, concurrency: int) -> tuple[list[float], int, float]:
    """The same load from a minimal asyncio-streams client: how fast the server itself answers
    when the client costs almost nothing (a cross-check of the httpx figures)."""
    latencies: list[float] = []
    errors = 0
    next_index = 0
    parts = [urlsplit(u) for u in urls]
    requests = [f"GET {p.path}{'?' + p.query if p.query else ''} HTTP/1.1\r\nHost: {p.netloc}\r\n\r\n".encode()
                for p in parts]
    conns = [await asyncio.open_connection(parts[0].hostname, parts[0].port) for _ in range(concurrency)]

    async def worker(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal next_index, errors
        while next_index < total:
            request = requests[next_index % len(requests)]
            next_index += 1
            t = time.perf_counter()
            writer.write(request)
            ok = await _read_response(reader) == 200
            latencies.append(time.perf_counter() - t)
            errors += not ok

    start = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(worker(r, w) for r, w in conns)), PHASE_TIMEOUT)
        return latencies, errors, time.perf_counter() - start
    finally:
        for _, w in conns:
            w.close()


def measure(name: str, urls: list[str], total: int, concurrency: int) -> list[Result]:
    """Warm the server's cache (every URL once), then the httpx run and the raw cross-check."""
    asyncio.run(load_httpx(urls, max(len(urls), concurrency), concurrency))
    out = []
    for client, fn in (("httpx", load_httpx), ("raw", load_raw)):
        latencies, errors, seconds = asyncio.run(fn(urls, total, concurrency))
        out.append(Result(name, client, total, errors, seconds, latencies))
    return out


def table(results: list[Result], concurrency: int) -> str:
    lines = [f"| target (concurrency {concurrency}) | client | requests | errors | p50 ms | p99 ms | req/s |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.name} | {r.client} | {r.requests} | {r.errors} | {r.pct(50):.1f} | {r.pct(99):.1f} "
                     f"| {r.rps:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1, help="summitry serve worker processes")
    args = parser.parse_args()
    if importlib.util.find_spec("datasette") is None:
        sys.exit("bench_web.py measures against datasette, which is not installed: pip install datasette")
    total = max(1, min(args.requests, MAX_REQUESTS))
    concurrency = max(1, min(args.concurrency, MAX_CONCURRENCY))

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "summitry.duckdb"
        build(db, official=None)
        lite = tmp_path / "summitry.db"
        ids = export_sqlite(db, lite)
        ours_port, theirs_port = free_port(), free_port()
        env = {**os.environ, "SUMMITRY_EXPORT_CACHE": str(tmp_path / "exports")}
        procs = [
            subprocess.Popen(summitry_command(db, ours_port, args.workers), env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
            subprocess.Popen([sys.executable, "-m", "datasette", "serve", "-i", str(lite), "--host", HOST,
                              "--port", str(theirs_port), "--setting", "default_page_size", "100"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]
        try:
            ours, theirs = f"http://{HOST}:{ours_port}", f"http://{HOST}:{theirs_port}"
            wait_ready(ours + "/api/info", procs[0])
            wait_ready(theirs + "/summitry/meetings.json?_size=1", procs[1])
            results = [
                *measure("summitry `/api/meetings?between=USA,RUS&limit=100`",
                         [ours + "/api/meetings?between=USA,RUS&limit=100"], total, concurrency),
                # Datasette at its fastest: no facets, count or suggestions (ours does compute the total)
                *measure("datasette `/summitry/meetings.json?_size=100&_nofacet=1&_nocount=1&_nosuggest=1`",
                         [theirs + "/summitry/meetings.json?_size=100&_nofacet=1&_nocount=1&_nosuggest=1"],
                         total, concurrency),
                *measure("summitry `/api/meetings/{id}/context`",
                         [f"{ours}/api/meetings/{i}/context" for i in ids], total, concurrency),
                *measure("datasette `/summitry/meetings/{id}.json` (row)",
                         [f"{theirs}/summitry/meetings/{i}.json" for i in ids], total, concurrency),
            ]
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()

    print(table(results, concurrency))
    print()
    for client in ("httpx", "raw"):
        ours_list, theirs_list = [r for r in results if r.client == client][:2]
        worst = max(r.pct(99) for r in results if r.name.startswith("summitry") and r.client == client)
        print(f"{client}: list throughput summitry {ours_list.rps:,.0f} req/s vs datasette {theirs_list.rps:,.0f} "
              f"({'meets' if ours_list.rps >= theirs_list.rps else 'MISSES'} the target: at least Datasette's); "
              f"summitry p99 {worst:.1f} ms ({'meets' if worst < 50 else 'MISSES'} the target: < 50 ms)")
    print(f"cores: {os.cpu_count()} (the load generator shares them with both servers; httpx spends about a core "
          "on its own, so its latencies include client time; the raw client shows the servers' own)")

if __name__ == "__main__":
    main()
