"""`summitry events ...`: a Typer sub-app, mounted by the main CLI as

    app.add_typer(events_app, name="events")

Heavy imports (Ibis, pyarrow, Spark) happen inside the commands, so mounting costs nothing
at CLI start-up. Errors the user can act on print one line and exit 1, like the main CLI.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summitry.errors import SummitryError
from summitry.interfaces.console import Fmt, emit, err, friendly, out

if TYPE_CHECKING:  # the event modules (and pyarrow) load when a command runs
    from summitry.sources.events import reference

events_app = typer.Typer(
    help="Leader meetings from political event data (GDELT 2.0, POLECAT), on DuckDB or Spark.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
class EngineOpt(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


StoreOpt = Annotated[Path | None, typer.Option("--store", "--out", help="Events store folder (default: $SUMMITRY_EVENTS or <user data dir>/events)")]
EngineArg = Annotated[EngineOpt, typer.Option("--engine", help="Where the pipeline runs")]
DbOpt = Annotated[str | None, typer.Option("--db", help="Summitry database with the curated leaders (default: $SUMMITRY_DB)")]


def _store(path: Path | None) -> Path:
    from summitry.builder.events import default_store

    return path or default_store()


FromOpt = Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD (UTC, as GDELT stamps its files)")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD (inclusive)")]
SourceOpt = Annotated[str, typer.Option(
    "--source", help="GDELT 2.0 master file list: its URL (default: GDELT's), a mirror's, or a local file")]


def leaders_for(db: Path | None = None) -> reference.Leaders:
    """Curated leaders from the Summitry database (built on first use) plus the bundled ones."""
    from summitry.query.access import connect
    from summitry.sources.events import reference

    with connect(db) as con:
        return reference.load_leaders(con)


def _day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SummitryError(f"{option} needs a date as YYYY-MM-DD (got {value!r})") from None


def _fetch(start: str, end: str, out: Path, source: str, progress: bool) -> list[Path]:
    """Fetch a range, print the report, and return the files that passed their checks."""
    from summitry.sources.events.fetch import fetch as run

    result = run(_day(start, "--from"), _day(end, "--to"), out, source=source, progress=progress)
    emit([vars(f) for f in result.files], Fmt.table, ["name", "status", "size", "detail"], "GDELT exports")
    counts = {s: sum(1 for f in result.files if f.status == s) for s in ("downloaded", "resumed", "skipped", "failed")}
    err.print(", ".join(f"{n} {s}" for s, n in counts.items()) + f" into {out}", highlight=False)
    for line in result.list_rejects:
        err.print(f"unreadable line in the file list, {line}", highlight=False)
    if result.failed:
        err.print(f"{len(result.failed)} file(s) failed their checks and are not used; run again to retry",
                  highlight=False)
    return result.verified


@events_app.command()
@friendly
def fetch(
    from_: FromOpt = None,
    to: ToOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the downloaded exports")] = Path("gdelt"),
    source: SourceOpt = "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt",
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar")] = True,
) -> None:
    """Download the GDELT 2.0 event exports of a range of days, checked against GDELT's size and MD5 list;
    files already present are skipped and an interrupted download resumes."""
    if not (from_ and to):
        raise SummitryError("give the days to fetch: --from YYYY-MM-DD --to YYYY-MM-DD")
    result = _fetch(from_, to, out, source, progress)
    if not result:
        raise typer.Exit(1)


@events_app.command()
@friendly
def ingest(
    files: Annotated[list[Path] | None, typer.Argument(
        help="GDELT 2.0 export files or POLECAT files (plain, .gz, .zip); or --from/--to to fetch them")] = None,
    store: StoreOpt = None,
    engine: EngineArg = EngineOpt.duckdb,
    fmt: Annotated[str, typer.Option("--input-format", help="auto | gdelt | polecat")] = "auto",
    from_: FromOpt = None,
    to: ToOpt = None,
    source: SourceOpt = "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt",
    db: DbOpt = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar")] = True,
) -> None:
    """Load event files into Parquet (resumable), then find the meetings of every pair. With --from and
    --to, the GDELT exports of those days are fetched first (into <store>/downloads) and only the files
    that pass their checks are loaded."""
    from summitry.builder.events import compute
    from summitry.sources.events.ingest import ingest as run
    from summitry.sources.events.ingest import report_rows

    where = _store(store)
    files = list(files or [])
    if from_ or to:
        if not (from_ and to):
            raise SummitryError("give both --from and --to to fetch a range of days")
        files += _fetch(from_, to, where / "downloads", source, progress)
    if not files:
        raise SummitryError("nothing to ingest: name files, or a range of days with --from and --to")
    result = run(files, where, fmt=fmt, progress=progress)
    rows = report_rows(result)
    emit(rows, Fmt.table, ["file", "format", "status", "read", "loaded", "rejected", "reasons", "note"], "files")
    for row in rows:  # the reasons a table at terminal width may leave out, one line a file
        if row["note"] or row["reasons"]:
            err.print(f"{row['file']}: {row['status']}; " + "; ".join(x for x in (row["reasons"], row["note"]) if x),
                      highlight=False, soft_wrap=True)
    t = result.totals
    err.print(f"read {t['read']:,}, loaded {t['loaded']:,}, rejected {t['rejected']:,} "
              f"(rejected rows: {where / 'rejects'}); store {where}", highlight=False)
    with err.status(f"finding meetings on {engine.value}…"):
        table = compute(where, engine=engine.value, leaders=leaders_for(db), refresh=True)
    pairs = {(r["state_a"], r["state_b"]) for r in table.select(["state_a", "state_b"]).to_pylist()}
    err.print(f"{table.num_rows} candidate meetings between {len(pairs)} pairs of states; "
              f"see `summitry events meetings --between A B`; `summitry build --events {where}` adds them to "
              f"the database, where `summitry meetings --between A B` and the reading find them", highlight=False)


@events_app.command()
@friendly
def funnel(
    store: StoreOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Per ingested GDELT file: rows read, loaded, CONSULT, both actors GOV, both resolved to leaders,
    candidate meetings and meetings kept; and the candidates found."""
    from summitry.sources.events.funnel import funnel as run

    rows = run(_store(store), leaders=leaders_for(db))
    emit(rows, fmt, ["file", "read", "loaded", "consult", "both_gov", "both_leaders", "candidates", "meetings",
                     "rejected", "reasons", "found"], "the funnel, per file")


MEETING_COLUMNS = ["id", "start_date", "end_date", "participants", "city", "venue_state", "mode", "host_state",
                   "multilateral_event", "n_reports", "confidence"]
CSV_COLUMNS = [*MEETING_COLUMNS, "format", "status", "n_sources", "n_mentions", "origin", "sources"]


@events_app.command()
@friendly
def meetings(
    between: Annotated[tuple[str, str] | None, typer.Option(help="Two states, e.g. --between CHN RUS")] = None,
    store: StoreOpt = None,
    engine: EngineArg = EngineOpt.duckdb,
    min_confidence: Annotated[float | None, typer.Option(help="Only candidates at least this confident")] = None,
    no_succession: Annotated[bool, typer.Option("--no-succession", help="RUS does not include the Soviet Union")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Candidate leader meetings found in the ingested event data, oldest first."""
    from summitry.builder.events import event_meetings

    a, b = between if between else (None, None)
    rows = event_meetings(_store(store), a, b, engine=engine.value, leaders=leaders_for(db),
                          succession=not no_succession)
    if min_confidence is not None:
        rows = [r for r in rows if r["confidence"] >= min_confidence]
    if fmt is Fmt.json:
        emit(rows, fmt, [])
    else:
        emit(rows, fmt, CSV_COLUMNS if fmt is Fmt.csv else MEETING_COLUMNS, f"{len(rows)} candidate meetings (event data)")


@events_app.command()
@friendly
def generate(
    rows: Annotated[int, typer.Option("--rows", help="Rows to write, e.g. 10000000")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write")],
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same files)")] = 7,
    n_meetings: Annotated[int | None, typer.Option("--meetings", help="Planted meetings (default rows/20000)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="tsv (GDELT export files) | parquet (a ready store)")] = "tsv",
    compress: Annotated[str, typer.Option(help="none | gz | zip (tsv only)")] = "none",
    rows_per_file: Annotated[int, typer.Option(help="Rows per file")] = 1_000_000,
    db: Annotated[str | None, typer.Option("--db", help="Take the curated leaders from this database (default: the curated record)")] = None,
    profile_from: Annotated[Path | None, typer.Option(
        "--profile-from", help="An ingested store of real files whose coding the background follows "
                               "(consult share and code mix, geography types, rows per story)")] = None,
    previews: Annotated[float, typer.Option(help="Stories announcing each planted meeting days before (mean)")] = 0.0,
    echoes: Annotated[float, typer.Option(help="Stories mentioning each planted meeting weeks after (mean)")] = 0.0,
) -> None:
    """Write synthetic GDELT 2.0 data with planted meetings (truth.json) in realistic noise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from summitry.sources.events.generate import Noise
    from summitry.sources.events.generate import generate as run
    from summitry.sources.events.profile import profile as measure

    leaders = leaders_for(db) if db else None
    profile = measure(profile_from) if profile_from else None
    if fmt not in ("tsv", "parquet") or compress not in ("none", "gz", "zip"):
        raise SummitryError("--format is tsv or parquet; --compress is none, gz or zip")
    with Progress(TextColumn("generate"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err) as bar:
        task = bar.add_task("rows", total=rows)
        result = run(rows, out_dir, seed=seed, meetings=n_meetings, fmt=fmt, compress=compress,
                     rows_per_file=rows_per_file, leaders=leaders, progress=lambda n: bar.advance(task, n),
                     profile=profile, noise=Noise(previews=previews, echoes=echoes))
    err.print(f"wrote {rows:,} rows in {len(result.files)} file(s) to {out_dir}, "
              f"{len(result.planted)} planted meetings in {out_dir / 'truth.json'}", highlight=False)


@events_app.command()
@friendly
def profile(
    store: StoreOpt = None,
    compare: Annotated[Path | None, typer.Option(help="A second store to show beside it (e.g. a synthetic one)")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format")] = Fmt.table,
) -> None:
    """How a store's CONSULT rows are coded: code mix, actor typing and naming, geography types,
    rows per story; beside a second store's with --compare."""
    from summitry.sources.events.profile import flat
    from summitry.sources.events.profile import profile as measure

    stores = {"store": _store(store), **({"compare": compare} if compare else {})}
    measured = {k: flat(measure(v)) for k, v in stores.items()}
    rows = [{"measure": key, **{k: m[key] for k, m in measured.items()}} for key in measured["store"]]
    emit(rows, fmt, ["measure", *stores], "coding profile")


@events_app.command()
@friendly
def validate(
    store: StoreOpt = None,
    rows: Annotated[int, typer.Option(help="Rows to generate when no store is given")] = 500_000,
    seed: Annotated[int, typer.Option(help="Seed for generated data")] = 7,
    engine: EngineArg = EngineOpt.duckdb,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when a target is not met")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    db: DbOpt = None,
) -> None:
    """Precision/recall on planted meetings (generated data), or recall of curated U.S.–Russian meetings (real files).

    With no --store, generates ROWS rows with planted meetings in a temporary folder and
    scores them. A store with truth.json is scored against it; any other store against the
    curated U.S.–Soviet/Russian meetings in the period its files cover.
    """
    import tempfile

    from summitry.analysis import validate_events as v

    leaders = leaders_for(db)
    if store is None:
        from summitry.sources.events.generate import generate as gen

        with tempfile.TemporaryDirectory(prefix="summitry-events-") as tmp:
            with err.status(f"generating {rows:,} rows with planted meetings…"):
                gen(rows, tmp, seed=seed, fmt="parquet", leaders=leaders)
            result = v.validate_planted(tmp, engine=engine.value, leaders=leaders)
        mode = "planted"
    elif (store / "truth.json").exists():
        result = v.validate_planted(store, engine=engine.value, leaders=leaders)
        mode = "planted"
    else:
        from summitry.query.access import connect

        with connect(db) as con:
            result = v.validate_curated(store, con, engine=engine.value, leaders=leaders)
        mode = "curated"
    result["mode"] = mode
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    elif mode == "planted":
        out.print(f"planted meetings: {result['planted']}, candidates: {result['candidates']}, "
                  f"matched: {result['matched']}")
        out.print(f"precision {result['precision']:.4f} (target ≥ {v.PRECISION_TARGET}), "
                  f"recall {result['recall']:.4f} (target ≥ {v.RECALL_TARGET}); "
                  f"place {result['venue_accuracy']}, setting {result['mode_accuracy']}, "
                  f"host {result['host_accuracy_visits']}")
        if result["missed"]:
            emit(result["missed"], Fmt.table, ["id", "leaders", "start_date", "venue_state", "mode", "n_reports"], "missed")
        if result["false_positives"]:
            emit(result["false_positives"], Fmt.table, ["leader_a", "leader_b", "start_date", "venue_state",
                                                        "n_reports", "confidence"], "false positives")
    else:
        covered = result["coverage"]
        days = covered["days"]
        out.print(f"the files cover {covered['hours']:g} hours of reporting in {covered['files']} file(s), on "
                  f"{len(days)} day(s): {', '.join(days[:10])}{' …' if len(days) > 10 else ''}" if days else
                  "the store's files carry no time stamps")
        if days:
            out.print(f"curated U.S.–Soviet/Russian meetings held on those days (or the day before): "
                      f"{result['curated']}, found in event data: {result['found']} (recall {result['recall']})")
        if result.get("missed"):
            emit(result["missed"], Fmt.table, ["id", "start_date", "city", "leaders"], "curated meetings not found")
    if strict:
        ok = result.get("meets_targets") if mode == "planted" else (result.get("recall") or 0) >= v.RECALL_TARGET
        if not ok:
            raise typer.Exit(1)


@events_app.command()
@friendly
def rejects(
    store: StoreOpt = None,
    limit: Annotated[int, typer.Option(help="Rows to show")] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
) -> None:
    """Rejected rows of the ingested files: file, line, reason and the raw text."""
    import duckdb

    where = _store(store)
    files = sorted((where / "rejects").glob("part-*.parquet"))
    if not files:
        out.print("no rejected rows")
        return
    con = duckdb.connect()
    df = con.execute("SELECT source_file, line, reason, detail, left(raw, 120) AS raw FROM read_parquet(?) "
                     "ORDER BY source_file, line LIMIT ?", [[str(f) for f in files], limit]).df()
    emit(df.to_dict(orient="records"), fmt, ["source_file", "line", "reason", "detail", "raw"], "rejected rows")
