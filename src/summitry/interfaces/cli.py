"""The `summitry` command: parses options, calls the library, renders the result.

Errors the user can act on (`SummitryError`) print one line and exit 1; usage errors
exit 2 (Click's convention). No command prints a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from summitry import query
from summitry.config import OFFICIAL_HINT, discover_official, resolve_db_path
from summitry.errors import InvalidQuery, SummitryError
from summitry.interfaces.console import Fmt, emit, err, friendly, out
from summitry.query.access import connect

app = typer.Typer(
    help="Summitry: where, when and how U.S. and Soviet/Russian leaders met.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
DbOpt = Annotated[str | None, typer.Option("--db", help="Database file (default: $SUMMITRY_DB or the user data dir)")]
FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format")]


def _official_arg(value: str | None) -> str | None:
    if value in (None, "auto"):
        found = discover_official()
        return str(found) if found else None
    if value == "none":
        return None
    return value


def _events_arg(value: str | None) -> Path | None:
    from summitry.config import discover_events

    if value in (None, "auto"):
        return discover_events()
    if value == "none":
        return None
    store = Path(value).expanduser()
    if not (store / "manifest.json").exists():
        raise SummitryError(f"{store} is not an events store (make one with `summitry events ingest FILES --out {store}`)")
    return store


@app.command()
@friendly
def build(
    db: DbOpt = None,
    official: Annotated[str | None, typer.Option(
        help="Official record: a local folder, 'upstream' to download it, 'none', or 'auto' (default: ../shared/data/historyatstate when present)",
    )] = "auto",
    report: Annotated[bool, typer.Option("--report", help="Print records read/loaded/rejected per source file")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero if any official record was rejected")] = False,
    events: Annotated[str | None, typer.Option(
        help="Events store whose candidate meetings join the database: a folder made by `summitry events "
             "ingest`, 'none', or 'auto' (default: $SUMMITRY_EVENTS or the default store, once ingested)",
    )] = "auto",
) -> None:
    """Validate the curated record and build the database (atomically)."""
    from summitry.builder import build as run_build

    path = resolve_db_path(db)
    source = _official_arg(official)
    store = _events_arg(events)
    with err.status("building…") as status:
        result = run_build(path, official=source, events=store, progress=lambda m: status.update(m))
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    err.print(f"built {path}: {counts}", highlight=False)
    if source is None:
        err.print(OFFICIAL_HINT, highlight=False)
    rejected = sum(r["rejected"] for r in result.report)
    if report and result.report:
        emit(result.report, Fmt.table, ["file", "kind", "read", "loaded", "rejected"], "official record")
    if rejected:
        err.print(f"{rejected} official record(s) rejected; see `summitry rejects`", highlight=False)
        if strict:
            raise typer.Exit(1)


MEETING_COLUMNS = ["id", "start_date", "end_date", "participants", "city", "venue_state", "mode",
                   "host_state", "multilateral_event", "format", "status", "origin"]
CSV_COLUMNS = ["id", "start_date", "end_date", "participants", "city", "region", "site", "venue_state",
               "mode", "host_state", "multilateral_event", "format", "officials_present", "status",
               "counterpart_office", "announced_date", "outcomes", "sources", "origin", "official_record_ids",
               "n_reports", "n_stories", "confidence"]


@app.command()
@friendly
def meetings(
    between: Annotated[tuple[str, str] | None, typer.Option(help="Two states, e.g. --between USA RUS")] = None,
    mode: Annotated[str | None, typer.Option(help="visit | third-party | multilateral")] = None,
    host: Annotated[str | None, typer.Option(help="Host state code")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="Year or ISO date")] = None,
    to: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    status: Annotated[str | None, typer.Option(help="held | cancelled | collapsed")] = None,
    leader: Annotated[str | None, typer.Option(help="Leader id, e.g. putin-vladimir")] = None,
    search: Annotated[str | None, typer.Option(help="Free text in place, names and notes")] = None,
    no_succession: Annotated[bool, typer.Option("--no-succession", help="RUS does not include the Soviet Union")] = False,
    counterpart: Annotated[str, typer.Option(
        help="Whom the president met: head-of-state (the other state's leader: president or Soviet party "
             "leader), head-of-government (a prime minister only), or any")] = "any",
    origin: Annotated[str | None, typer.Option(
        help="curated | official | events | all (default: all with --between, else curated)")] = None,
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """List meetings, oldest first: the curated record, or with --between any pair in the database
    (official-record and event-derived meetings carry their origin)."""
    with connect(db) as con:
        df = query.find_meetings(
            con, between=between, mode=mode, host=host, start=from_, end=to, status=status,
            leader=leader, text=search, succession=not no_succession, counterpart=counterpart, origin=origin,
        )
    rows = query.records(df)
    if not rows and fmt is Fmt.table:
        err.print(f"no meetings match {_described(between=between, mode=mode, host=host, from_=from_, to=to, status=status, leader=leader, search=search, no_succession=no_succession, counterpart=None if counterpart == 'any' else counterpart, origin=origin)}",
                  highlight=False, soft_wrap=True)
        return
    origins = {o: sum(r["origin"] == o for r in rows) for o in dict.fromkeys(r["origin"] for r in rows)}
    title = f"{len(df)} meetings"
    compact = COMPACT_COLUMNS
    if set(origins) != {"curated"}:  # derived meetings: the title counts each origin, a column tells mixed ones
        title += " (" + ", ".join(f"{n} {o}" for o, n in origins.items()) + ")"
        if len(origins) > 1:
            compact = [*COMPACT_COLUMNS[:3], "origin", *COMPACT_COLUMNS[3:]]
    if fmt is Fmt.table:
        rows = compact_meetings(rows)
    emit(rows, fmt, {Fmt.csv: CSV_COLUMNS, Fmt.table: compact}.get(fmt, MEETING_COLUMNS), title)


COMPACT_COLUMNS = ["id", "when", "who", "where", "setting", "format", "status"]


def compact_meetings(rows: list[dict]) -> list[dict]:
    """Meeting rows that fit a terminal: one date range, short names, one place.

    `who` names the first two participants (the U.S. president and the principal
    counterpart) and counts the rest ("Eisenhower–Bulganin +3"). A surname stands for a
    leader unless two leaders in the rows share it (the two Bushes); then the name loses only
    its first given name ("H. W. Bush", "W. Bush")."""
    holders: dict[str, set[str]] = {}
    for m in rows:
        for p in m["participants"]:
            holders.setdefault(p["name"].split()[-1], set()).add(p["leader_id"])

    def short(p: dict) -> str:
        if p["name"].startswith("leader of "):  # an official record that does not name the leader
            return f"{p['state']} leader"
        parts = p["name"].split()
        return parts[-1] if len(holders[parts[-1]]) == 1 else " ".join(parts[1:]) or parts[-1]

    out_rows = []
    for m in rows:
        s, e = m["start_date"], m["end_date"]
        when = s if s == e else f"{s}…{e[8:] if e[:7] == s[:7] else e[5:]}"
        if m.get("date_precision") == "month":  # called off before a day was set: the month, or
            when = s[:7]
        elif m.get("date_precision") == "period":  # "~" and the window the announcement gave
            when = f"~{when}"
        setting = {"visit": f"hosted by {m['host_state']}", "third-party": f"third country ({m['host_state'] or '?'})",
                   "multilateral": m.get("multilateral_event") or "multilateral"}[m["mode"]]
        who = "–".join(short(p) for p in m["participants"][:2])
        if len(m["participants"]) > 2:
            who += f" +{len(m['participants']) - 2}"
        out_rows.append({**m, "when": when, "who": who,
                         "where": f"{m['city'] or '?'}, {m['venue_state']}", "setting": setting})
    return out_rows


def _described(**filters: object) -> str:
    """The filters a user gave, as they typed them, for a message that explains an empty result."""
    given = [f"--{k.strip('_').replace('_', '-')}" + ("" if v is True else f" {' '.join(v) if isinstance(v, tuple) else v}")
             for k, v in filters.items() if v not in (None, False)]
    return " ".join(given) if given else "(no filters)"


@app.command()
@friendly
def leaders(
    state: Annotated[str | None, typer.Option(help="State code, e.g. RUS (includes SUN unless --no-succession)")] = None,
    no_succession: Annotated[bool, typer.Option("--no-succession")] = False,
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """List leaders with their terms in office."""
    with connect(db) as con:
        df = query.find_leaders(con, state=state, succession=not no_succession)
    rows = query.records(df)
    if fmt is Fmt.table:  # one term a line, by years; -f csv and -f json give the days
        for r in rows:
            r["terms"] = "\n".join(f"{t['start_date'][:4]}–{(t['end_date'] or 'now')[:4]} {t['office']}"
                                   for t in r["terms"])
    elif fmt is Fmt.csv:
        for r in rows:
            r["terms"] = [f"{t['office']} {t['start_date']}–{t['end_date'] or ''}" for t in r["terms"]]
    emit(rows, fmt, ["leader_id", "name", "state", "terms"], f"{len(rows)} leaders")


@app.command()
@friendly
def show(
    meeting_id: Annotated[str, typer.Argument(help="Meeting id, e.g. 1986-10-reykjavik")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    db: DbOpt = None,
) -> None:
    """A readable card for one meeting."""
    with connect(db) as con:
        m = query.get_meeting(con, meeting_id)
    if fmt == "json":
        sys.stdout.write(json.dumps(m, ensure_ascii=False, indent=2) + "\n")
        return
    from summitry.interfaces.render import meeting_card, source_lines

    out.print(meeting_card(m))
    for line in source_lines(m):
        out.print(line, soft_wrap=True)


@app.command()
@friendly
def context(
    meeting_id: Annotated[str | None, typer.Argument(help="Meeting id; omit to read a hypothetical meeting")] = None,
    participants: Annotated[list[str] | None, typer.Option(help="Leader ids (hypothetical meeting)")] = None,
    date: Annotated[str | None, typer.Option(help="ISO date (hypothetical meeting)")] = None,
    city: Annotated[str | None, typer.Option(help="City (hypothetical meeting)")] = None,
    host: Annotated[str | None, typer.Option(help="Host state code (hypothetical meeting)")] = None,
    event: Annotated[str | None, typer.Option(help="Multilateral event (hypothetical meeting)")] = None,
    announced: Annotated[str | None, typer.Option(help="Announcement date (hypothetical meeting)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | md | json | html")] = "text",
    db: DbOpt = None,
) -> None:
    """Place a meeting in the history of all earlier ones (venue, timing, preparation, relations...)."""
    from summitry.analysis import context as ctx
    from summitry.analysis.report import FORMATS, render

    if fmt not in FORMATS:
        raise InvalidQuery(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    with connect(db) as con:
        if meeting_id:
            report = ctx.context_report(con, meeting_id)
        else:
            if not (participants and date and city):
                raise InvalidQuery("give a MEETING_ID, or --participants (twice), --date and --city")
            meeting = ctx.hypothetical(
                con, participants=participants, date=query.parse_bound(date, end=False), city=city, host=host,
                event=event, announced=query.parse_bound(announced, end=False) if announced else None,
            )
            report = ctx.context_report(con, meeting=meeting)
    if fmt == "text":
        from summitry.analysis.report import to_rich

        out.print(to_rich(report))
    else:
        sys.stdout.write(render(report, fmt))


@app.command("first-meetings")
@friendly
def first_meetings(
    between: Annotated[tuple[str, str], typer.Option(help="Two states")] = ("USA", "RUS"),
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """First meeting of every U.S. presidential term with the other side, and days into the term."""
    from summitry.analysis.context import first_meetings as first

    a, b = (query.state_codes(x, succession=False)[0] for x in between)
    with connect(db) as con:
        rows = first(con, a, b)
    emit(rows, fmt, ["president", "term_start", "first_meeting", "date", "days_into_term", "counterpart",
                     "setting", "meetings_in_term"], "first meetings")


@app.command()
@friendly
def precedents(
    meeting_id: Annotated[str, typer.Argument(help="Meeting id")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    db: DbOpt = None,
) -> None:
    """Earlier meetings in the same setting, in the same state, and between the same leaders."""
    from summitry.analysis.context import precedents as prec

    with connect(db) as con:
        result = prec(con, meeting_id)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    for key, title in (("same_setting", "Same setting"), ("same_venue_state", "Same state"),
                       ("same_leaders", "Same leaders")):
        emit(result[key], Fmt.table, ["id", "date", "city", "setting", "participants"], title)


@app.command()
@friendly
def visits(
    from_: Annotated[str | None, typer.Option("--from", help="Visitor's state code, e.g. TUR")] = None,
    since: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    until: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    president: Annotated[str | None, typer.Option(help="President in office, e.g. obama-barack")] = None,
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Foreign leaders' visits to the U.S. (official record)."""
    from summitry.query.official import find_visits

    with connect(db) as con:
        rows = query.records(find_visits(con, state=from_, start=since, end=until, president=president))
    emit(rows, fmt, ["id", "start_date", "end_date", "visitor", "country_iso3", "description", "president_id"],
         f"{len(rows)} visits")


@app.command()
@friendly
def trips(
    president: Annotated[str | None, typer.Option(help="President id, e.g. obama-barack")] = None,
    to: Annotated[str | None, typer.Option(help="Destination state code")] = None,
    since: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    until: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    secretary: Annotated[bool, typer.Option("--secretary", help="Secretaries of state instead of presidents")] = False,
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Presidents' trips abroad (official record)."""
    from summitry.query.official import find_trips

    with connect(db) as con:
        rows = query.records(find_trips(con, president=president, state=to, start=since, end=until,
                                        secretary=secretary))
    emit(rows, fmt, ["id", "who", "start_date", "end_date", "country_iso3", "locale", "remarks"], f"{len(rows)} trips")


@app.command()
@friendly
def contacts(
    with_: Annotated[str | None, typer.Option("--with", help="Counterpart's state code, e.g. TUR")] = None,
    since: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    until: Annotated[str | None, typer.Option(help="Year or ISO date")] = None,
    fmt: FmtOpt = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Leaders a president met, extracted from the official record's remarks (with the text span)."""
    from summitry.query.official import find_contacts

    with connect(db) as con:
        rows = query.records(find_contacts(con, state=with_, start=since, end=until))
    emit(rows, fmt, ["date", "record_kind", "record_id", "president_id", "counterpart_office", "counterpart_name",
                     "country_iso3", "text"], f"{len(rows)} contacts")


@app.command()
@friendly
def reconcile(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any mismatch is unexplained")] = False,
    db: DbOpt = None,
) -> None:
    """Match curated meetings to the official record and list what does not match, with reasons."""
    from summitry.builder.official import reconcile as run

    with connect(db) as con:
        r = run(con)
    if fmt == "json":
        sys.stdout.write(json.dumps({"matches": r.matches, "curated_without_official": r.curated_without_official,
                                     "official_without_curated": r.official_without_curated,
                                     "unexplained": len(r.unexplained)}, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        emit(r.matches, Fmt.table, ["meeting_id", "record_id", "how", "dates_agree"], f"{len(r.matches)} matches")
        emit(r.curated_without_official, Fmt.table, ["meeting_id", "date", "reason"], "curated, no official record")
        emit(r.official_without_curated, Fmt.table, ["record_id", "date", "who", "reason"], "official, no curated meeting")
        out.print(f"{len(r.unexplained)} unexplained mismatch(es)")
    if strict and r.unexplained:
        raise typer.Exit(1)


@app.command()
@friendly
def rejects(db: DbOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Official records the build could not load, with file, line and reason."""
    from summitry.query.official import rejects as find

    with connect(db) as con:
        rows = query.records(find(con))
    emit(rows, fmt, ["source_file", "line", "record_id", "reason", "detail"], f"{len(rows)} rejected records")


@app.command()
@friendly
def version(db: DbOpt = None) -> None:
    """Summitry's version and what the current database was built from."""
    from summitry.config import VERSION as __version__

    out.print(f"summitry {__version__}")
    path = resolve_db_path(db)
    if not path.exists():
        out.print(f"no database yet at {path} (run `summitry build`)")
        return
    from summitry.db import has_table

    with connect(db) as con:
        for key, value in con.execute("SELECT key, value FROM build_info ORDER BY key").fetchall():
            if not key.startswith("official_records_"):  # counted by collection below, as the README does
                out.print(f"{key}: {value}", highlight=False)
        for line in record_counts(con, has_table):
            out.print(line, highlight=False)


#: What `summitry version` counts, in the README's words: (table, label).
COUNTED = [("meetings", "curated meetings"), ("leaders", "leaders"), ("relations", "relations periods and events"),
           ("hsg_president_trips", "presidential trips abroad"),
           ("hsg_secretary_trips", "secretary-of-state trips"), ("hsg_visits", "foreign leaders' visits")]


def record_counts(con: object, has_table: object) -> list[str]:
    """The record's size as the README states it; the three official collections add up to
    the official records (presidents' terms, also loaded, are reference data, not records)."""
    lines, official = [], 0
    for table, label in COUNTED:
        if not has_table(con, table):
            continue
        (n,) = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # names from COUNTED only
        lines.append(f"{label}: {n:,}")
        official += n if table.startswith("hsg_") else 0
    if official:
        (rejected,) = con.execute("SELECT count(*) FROM hsg_rejects").fetchone() if has_table(con, "hsg_rejects") \
            else (0,)
        lines.append(f"official records: {official:,} loaded (the trips and visits above), {rejected:,} rejected "
                     "(`summitry rejects`)")
    else:
        lines.append(OFFICIAL_HINT)
    return lines


from summitry.interfaces.check_cli import check_command  # noqa: E402
from summitry.interfaces.events_cli import events_app  # noqa: E402
from summitry.interfaces.web.commands import export_command, serve_command  # noqa: E402

app.command("check")(check_command)
app.command("serve")(serve_command)
app.command("export")(export_command)
app.add_typer(events_app, name="events", help="Leader meetings from political event data (GDELT, POLECAT).")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
