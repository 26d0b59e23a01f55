"""The HTML pages: server-rendered, usable without JavaScript; charts are added by app.js.

Each view parses the query string into `explore.Filters`, calls library functions with a
request-local cursor, and renders a template (autoescaped). A bad filter value shows the
page again with the message next to the form, rather than an error page.
"""

from __future__ import annotations

import csv
import io
import logging
import math
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from summitry import query
from summitry.config import MAX_ARTICLE_BYTES, MAX_ARTICLE_TEXT, OFFICIAL_HINT
from summitry.errors import InvalidQuery, NotFound, SummitryError
from summitry.interfaces.export import cite_text
from summitry.interfaces.web import charts, explore
from summitry.interfaces.web.api import checker_error_status, run_check
from summitry.interfaces.web.common import render
from summitry.interfaces.web.integrations import (
    CHECKER_MISSING,
    CONTEXT_MISSING,
    checker_module,
    context_module,
    optional_attr,
    result_dict,
)

log = logging.getLogger("summitry.interfaces.web")
router = APIRouter(include_in_schema=False)

FILTER_KEYS = ("a", "b", "from", "to", "mode", "host", "status", "leader", "q", "counterpart", "succession")
OFFICIAL_PAGE_SIZE = 50


def page_filters(request: Request, default_pair: tuple[str, str] | None = explore.DEFAULT_PAIR) -> explore.Filters:
    """Filters from the page's query string (InvalidQuery for values that cannot be used)."""
    p = request.query_params
    return explore.Filters.from_params(
        between=p.get("between"), a=p.get("a"), b=p.get("b"), default_pair=default_pair,
        start=p.get("from"), end=p.get("to"), mode=p.get("mode"), host=p.get("host"), status=p.get("status"),
        leader=p.get("leader"), q=p.get("q"), counterpart=p.get("counterpart"), succession=p.get("succession", "").lower() not in ("false", "0", "no"),
    )


def form_values(request: Request) -> dict[str, str]:
    """What the user typed, to show back in the form (also when it was invalid)."""
    values = {k: request.query_params.get(k, "") for k in FILTER_KEYS}
    values["a"] = values["a"] or explore.DEFAULT_PAIR[0]
    values["b"] = values["b"] or explore.DEFAULT_PAIR[1]
    return values


def options(cur: Any) -> dict[str, Any]:
    """Choices for the filter form: states that have leaders, and the leaders."""
    leaders = explore.leaders(cur)
    states = sorted({(lead["state"], explore.display_name(lead["state"])) for lead in leaders}, key=lambda s: s[1])
    return {
        "states": states,
        "leaders": sorted(((lead["leader_id"], lead["name"], lead["state"]) for lead in leaders), key=lambda x: x[1]),
        "modes": query.MODES,
        "statuses": query.STATUSES,
        "counterparts": query.COUNTERPARTS,
    }


def _filtered_meetings(request: Request) -> dict[str, Any]:
    """Everything the timeline and map pages share: filters, rows, settings, relations, errors."""
    ctx: dict[str, Any] = {"form": form_values(request), "error": None, "rows": [], "relations": []}
    filters = explore.Filters(*explore.DEFAULT_PAIR)
    with request.app.state.store.cursor() as cur:
        ctx["options"] = options(cur)
        try:
            filters = page_filters(request)
            ctx["rows"] = explore.decorate(explore.meetings(cur, filters), filters)
            ctx["relations"] = explore.relations(cur, filters)
        except (InvalidQuery, NotFound) as exc:
            ctx["error"] = str(exc)
            filters = explore.Filters(*explore.DEFAULT_PAIR)
        ctx["first_meetings"], ctx["first_meetings_note"] = _first_meetings(cur, filters)
    ctx["filters"] = filters
    ctx["settings"] = explore.settings_for(filters)
    ctx["setting_counts"] = Counter(m["setting"] for m in ctx["rows"])
    ctx["query"] = filters.querystring()
    a, b = filters.pair or explore.DEFAULT_PAIR
    ctx["pair_title"] = (f"{explore.display_name(a)} and {explore.display_name(b)}"
                         + (" (with the Soviet Union)" if filters.succession and b == "RUS" else ""))
    return ctx


def _first_meetings(cur: Any, filters: explore.Filters) -> tuple[list[dict] | None, str | None]:
    module = context_module()
    if module is None:
        return None, CONTEXT_MISSING
    a, b = filters.pair or explore.DEFAULT_PAIR
    if "USA" not in (a, b):
        return None, "First meetings are counted per U.S. presidential term: choose the United States as one side."
    a, b = "USA", (b if a == "USA" else a)
    try:
        return query.jsonable(module.first_meetings(cur, a=a, b=b)), None
    except Exception:  # an optional section must not take the page down
        log.exception("first_meetings failed for %s-%s", a, b)
        return None, "The first-meetings table could not be computed."


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    """Home: the timeline of all meetings for a pair of states."""
    ctx = _filtered_meetings(request)
    ctx["spec"] = charts.timeline(ctx["rows"], ctx["settings"], ctx["relations"], f"Meetings: {ctx['pair_title']}")
    return render(request, "timeline.html", status=422 if ctx["error"] else 200, page="timeline", **ctx)


@router.get("/timeline")
@router.get("/meetings")
def timeline_aliases(request: Request) -> RedirectResponse:
    """The addresses people guess for the timeline and the list of meetings: both are the home page,
    whose table lists the meetings; the filters in the query string are kept."""
    query_string = request.url.query
    return RedirectResponse("/" + (f"?{query_string}" if query_string else ""), status_code=308)


@router.get("/map", response_class=HTMLResponse)
def venue_map(request: Request) -> HTMLResponse:
    """Where the meetings were held: a map and a table of venues."""
    ctx = _filtered_meetings(request)
    ctx["venues"] = explore.venues(ctx["rows"])
    ctx["spec"] = charts.venue_map(ctx["rows"], ctx["settings"], f"Venues: {ctx['pair_title']}")
    return render(request, "map.html", status=422 if ctx["error"] else 200, page="map", **ctx)


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: str) -> HTMLResponse:
    """One meeting's card and its context report."""
    with request.app.state.store.cursor() as cur:
        m = explore.meeting(cur, meeting_id)  # NotFound -> 404 page
        series = explore.meetings(cur, explore.Filters(a="USA", b=explore.other_side(m)))
        ids = [r["id"] for r in series]
        pos = ids.index(m["id"]) if m["id"] in ids else -1
        neighbours = {
            "previous": series[pos - 1] if pos > 0 else None,
            "next": series[pos + 1] if 0 <= pos < len(series) - 1 else None,
        }
        report, note = _context(cur, meeting_id)
    return render(request, "meeting.html", page="meeting", m=m, report=report, report_note=note,
                  neighbours=neighbours, state_name=explore.display_name)


def _context(cur: Any, meeting_id: str) -> tuple[dict | None, str | None]:
    module = context_module()
    if module is None:
        return None, CONTEXT_MISSING
    try:
        report = query.jsonable(module.context_report(cur, meeting_id))
        if isinstance(report.get("term_timing"), dict):  # the same table for every meeting: on the timeline
            report["term_timing"].pop("first_meetings", None)
        return report, None
    except NotFound:
        raise
    except Exception:
        log.exception("context_report failed for %s", meeting_id)
        return None, "The context report could not be computed for this meeting."


# --- check an article ------------------------------------------------------------------


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    return render(request, "check.html", page="check", text="", result=None, error=None,
                  note=None if checker_module() else CHECKER_MISSING, max_mb=MAX_ARTICLE_TEXT)


def highlighted_article(text: str, content_type: str | None, claims: list[dict]) -> Markup:
    """The article as the page shows it: Markdown formatted, anything else as plain text, each
    claim (by character span; a malformed or overlapping span is skipped) marked by verdict,
    its number after it linking to its row in the table (a link of its own, never one nested in
    a link of the article's)."""
    from summitry.checker.render import article_html

    spans = []
    for i, claim in enumerate(claims):
        span = claim.get("span")
        if isinstance(span, dict):
            span = (span.get("start"), span.get("end"))
        if isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span):
            spans.append((span[0], span[1], i))
    started: set[int] = set()

    def mark(i: int) -> tuple[str, str]:
        anchor = "" if i in started else f' id="claim-{i + 1}"'
        started.add(i)
        verdict = str(claims[i].get("verdict") or "").replace("_", " ")
        return f'<mark class="v-{escape(claims[i]["css"])}"{anchor} title="{escape(verdict)}">', "</mark>"

    return article_html(text, "markdown" if content_type == "markdown" else "text", spans, mark,
                        lambda i: f'<sup><a href="#row-{i + 1}">{i + 1}</a></sup>')


VERDICT_CLASSES = {"supported": "ok", "mostly_supported": "ok", "contradicted": "bad", "not_in_record": "unsure"}


def verdict_class(verdict: Any) -> str:
    """A CSS class for a verdict: ok (supported), bad (contradicted) or unsure."""
    v = str(verdict or "").lower()
    if v in VERDICT_CLASSES:
        return VERDICT_CLASSES[v]
    if any(w in v for w in ("contradict", "wrong", "incorrect", "false", "mismatch", "error")):
        return "bad"
    if any(w in v for w in ("support", "correct", "consistent", "confirm", "match", "true", "ok")):
        return "ok"
    return "unsure"


async def _article_from_form(request: Request) -> str:
    form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_ARTICLE_BYTES)
    upload = form.get("file")
    text = ""
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidQuery("the uploaded file is not UTF-8 text (save it as plain text and try again)") from None
    if not text.strip():
        pasted = form.get("text")
        text = pasted if isinstance(pasted, str) else ""
    return text


@router.post("/check", response_class=HTMLResponse)
async def check_article(request: Request) -> HTMLResponse:
    """The article with each claim highlighted by verdict, and the claims in a table."""
    max_mb = MAX_ARTICLE_TEXT
    try:
        text = await _article_from_form(request)
    except InvalidQuery as exc:
        return render(request, "check.html", status=422, page="check", text="", result=None, error=str(exc),
                      note=None, max_mb=max_mb)
    if not text.strip():
        return render(request, "check.html", status=422, page="check", text="", result=None,
                      error="Paste an article or choose a text file first.", note=None, max_mb=max_mb)
    module = checker_module()
    if module is None:
        return render(request, "check.html", status=503, page="check", text=text, result=None, error=None,
                      note=CHECKER_MISSING, max_mb=max_mb)
    try:
        result = await run_in_threadpool(run_check, request, text)
    except SummitryError as exc:
        return render(request, "check.html", status=checker_error_status(exc), page="check", text=text,
                      result=None, error=str(exc), note=None, max_mb=max_mb)
    data = query.jsonable(result_dict(result))
    claims = data.get("claims") or []
    for claim in claims:
        claim["css"] = verdict_class(claim.get("verdict"))
    standalone = None
    render_html = optional_attr(module, "render_html")
    if render_html is not None:
        try:
            standalone = await run_in_threadpool(render_html, result, text)
        except Exception:  # the standalone page is extra: the highlighted article is above it
            log.exception("checker render_html failed")
    return render(request, "check.html", page="check", text=text, result=data, claims=claims,
                  article=highlighted_article(text, data.get("content_type"), claims), standalone=standalone, error=None, note=None, max_mb=max_mb)


# --- the official record ---------------------------------------------------------------------

#: The Office of the Historian's collections, by the names it gives them.
OFFICIAL_TITLES = {"trips": "Travels Abroad of the President", "secretary-trips": "Travels Abroad of the Secretary of State",
                   "visits": "Visits by Foreign Leaders"}
#: Who travels, in each collection's filter and table.
OFFICIAL_TRAVELLER = {"trips": "President", "secretary-trips": "Secretary of State", "visits": "U.S. President in office"}


@router.get("/official", response_class=HTMLResponse)
def official_index(request: Request) -> HTMLResponse:
    """Which official lists are loaded, with their sizes, or how to load them."""
    sections = []
    with request.app.state.store.cursor() as cur:
        for kind, title in OFFICIAL_TITLES.items():
            present = explore.official_present(cur, kind)
            total = len(explore.official_records(cur, kind)) if present else None
            sections.append({"kind": kind, "title": title, "present": present, "total": total})
    return render(request, "official.html", page="official", sections=sections, hint=OFFICIAL_HINT)


#: Columns the records table shows, per kind (all come from summitry.query.official).
OFFICIAL_COLUMNS = {
    "trips": ["start_date", "end_date", "name", "country_label", "locale", "remarks"],
    "secretary-trips": ["start_date", "end_date", "name", "country_label", "locale", "remarks"],
    "visits": ["start_date", "end_date", "visitor", "from_label", "description", "president_id"],
}


@router.get("/official/{kind}", response_class=HTMLResponse)
def official_page(request: Request, kind: str) -> HTMLResponse:
    """Trips or visits: counts per year, by country and by president, and the records."""
    if kind not in OFFICIAL_TITLES:
        raise NotFound(f"no official list {kind!r}; see /official")
    p = request.query_params
    form = {k: p.get(k, "").strip() for k in ("state", "president", "from", "to", "q")}
    filters = {"state": form["state"] or None, "president": form["president"] or None,
               "start": form["from"] or None, "end": form["to"] or None, "q": form["q"] or None}
    try:
        page = max(1, int(p.get("page", "1") or 1))
    except ValueError:
        page = 1
    ctx: dict[str, Any] = {"kind": kind, "title": OFFICIAL_TITLES[kind], "traveller": OFFICIAL_TRAVELLER[kind],
                           "form": form, "hint": OFFICIAL_HINT,
                           "error": None, "rows": [], "total": 0, "groups": {}, "spec": None, "page_no": page,
                           "pages": 1, "columns": OFFICIAL_COLUMNS[kind], "presidents": [], "countries": [],
                           "names": {}}
    with request.app.state.store.cursor() as cur:
        ctx["present"] = explore.official_present(cur, kind)
        if ctx["present"]:
            names = ctx["names"] = explore.president_names(cur)
            everything = explore.official_records(cur, kind)
            ctx["presidents"] = [(r["key"], r["label"]) for r in explore.official_counts(everything, "president", names)]
            ctx["countries"] = sorted((r["key"], r["label"]) for r in explore.official_counts(everything, "country"))
            try:
                df = explore.official_records(cur, kind, **filters)
            except (InvalidQuery, NotFound) as exc:
                ctx["error"] = str(exc)
            else:
                start = (page - 1) * OFFICIAL_PAGE_SIZE
                ctx.update(total=len(df), rows=query.records(df.iloc[start:start + OFFICIAL_PAGE_SIZE]),
                           pages=max(1, math.ceil(len(df) / OFFICIAL_PAGE_SIZE)))
                ctx["groups"] = {"country": explore.official_counts(df, "country", limit=20),
                                 "president": explore.official_counts(df, "president", names, limit=20)}
                per_year = explore.official_counts(df, "year")
                ctx["spec"] = charts.counts_per_year(per_year, f"{OFFICIAL_TITLES[kind]} per year", kind)
    ctx["query"] = urlencode({k: v for k, v in form.items() if v})
    return render(request, "official_kind.html", status=422 if ctx["error"] else 200, page="official", **ctx)


# --- downloads --------------------------------------------------------------------------------


@router.get("/downloads", response_class=HTMLResponse)
async def downloads(request: Request) -> HTMLResponse:
    """The database as CSV, Parquet and JSON with a data package descriptor, and how to cite it."""
    descriptor = await run_in_threadpool(request.app.state.exports.descriptor)
    tables: dict[str, dict[str, Any]] = {}
    for res in descriptor["resources"]:
        table = res["path"].split("/")[-1].rsplit(".", 1)[0]
        entry = tables.setdefault(table, {"name": table, "description": res.get("description", ""),
                                          "licence": res["licenses"][0]["name"], "files": []})
        entry["files"].append({"format": res["format"], "path": res["path"], "bytes": res.get("bytes")})
    return render(request, "downloads.html", page="downloads", tables=list(tables.values()),
                  descriptor=descriptor, cite=cite_text())


@router.get("/downloads/{path:path}")
async def download_file(request: Request, path: str) -> Response:
    file = await run_in_threadpool(request.app.state.exports.file, path)
    if file is None:
        raise NotFound(f"no download {path!r}; see /downloads")
    media = {"csv": "text/csv; charset=utf-8", "json": "application/json", "parquet": "application/vnd.apache.parquet"}
    return FileResponse(file, media_type=media.get(file.suffix.lstrip("."), "application/octet-stream"),
                        filename=file.name)


# --- chart data as CSV ------------------------------------------------------------------------


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(_csv_cell(v)) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("url") or value.get("title") or ""
    return value


def csv_response(rows: list[dict], columns: list[str], filename: str) -> Response:
    """Rows as a CSV attachment (nested values joined with '; ')."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _csv_cell(row.get(c)) for c in columns})
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


MEETING_CSV = ["id", "start_date", "end_date", "participants", "city", "region", "site", "venue_state", "latitude",
               "longitude", "mode", "host_state", "multilateral_event", "format", "officials_present", "status",
               "setting", "announced_date", "outcomes", "sources"]


@router.get("/csv/meetings")
def csv_meetings(request: Request) -> Response:
    """The timeline's data: the filtered meetings with their setting."""
    filters = page_filters(request)
    with request.app.state.store.cursor() as cur:
        rows = explore.decorate(explore.meetings(cur, filters), filters)
    return csv_response(rows, MEETING_CSV, "meetings.csv")


@router.get("/csv/venues")
def csv_venues(request: Request) -> Response:
    """The map's data: one row per venue city with its meetings."""
    filters = page_filters(request)
    with request.app.state.store.cursor() as cur:
        rows = explore.venues(explore.decorate(explore.meetings(cur, filters), filters))
    for r in rows:
        r["meeting_ids"] = [m["id"] for m in r["meetings"]]
    return csv_response(rows, ["city", "venue_state", "state_name", "latitude", "longitude", "count", "meeting_ids"],
                        "venues.csv")


@router.get("/csv/relations")
def csv_relations(request: Request) -> Response:
    """The timeline's bands: relations periods and events of the pair."""
    filters = page_filters(request)
    with request.app.state.store.cursor() as cur:
        rows = explore.relations(cur, filters)
    return csv_response(rows, ["dyad", "entry_id", "kind", "label", "climate", "start_date", "end_date", "date"],
                        "relations.csv")


@router.get("/csv/official/{kind}")
def csv_official(request: Request, kind: str) -> Response:
    """Counts per year (or `by=country|president`) of official trips or visits."""
    if kind not in OFFICIAL_TITLES:
        raise NotFound(f"no official list {kind!r}")
    p = request.query_params
    by = p.get("by", "year")
    with request.app.state.store.cursor() as cur:
        df = explore.official_records(cur, kind, state=p.get("state") or None, president=p.get("president") or None,
                                      start=p.get("from") or None, end=p.get("to") or None, q=p.get("q") or None)
        rows = explore.official_counts(df, by, explore.president_names(cur))
    return csv_response([{by: r["key"], "label": r["label"], "count": r["count"]} for r in rows],
                        [by, "label", "count"], f"{kind}-per-{by}.csv")
