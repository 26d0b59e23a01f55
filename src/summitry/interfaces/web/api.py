"""The JSON API under /api: thin views over `summitry.query` and the analysis modules.

Records have the same shape as `summitry meetings --format json`. Views return bytes
directly (no response-model re-validation); the pydantic models below document the
responses in /openapi.json.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from summitry import query
from summitry.config import MAX_ARTICLE_TEXT, OFFICIAL_HINT
from summitry.errors import InvalidQuery, SummitryError
from summitry.interfaces.web import explore
from summitry.interfaces.web.common import error_payload, json_response
from summitry.interfaces.web.integrations import (
    CHECKER_MISSING,
    CONTEXT_MISSING,
    checker_module,
    context_module,
    result_dict,
)

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 500


# --- documented shapes ---------------------------------------------------------------


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP status code")
    message: str = Field(description="What went wrong, for a person to read")


class ErrorResponse(BaseModel):
    error: ErrorDetail


class Participant(BaseModel):
    model_config = ConfigDict(extra="allow")
    leader_id: str
    name: str
    state: str
    office: str | None = None
    office_kind: str | None = Field(default=None, description="head_of_state | head_of_government | party_leader")


class Source(BaseModel):
    title: str
    url: str


class Meeting(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(description="Meeting id, e.g. 1986-10-reykjavik")
    start_date: str
    end_date: str
    participants: list[Participant]
    city: str | None = None
    region: str | None = None
    site: str | None = None
    venue_state: str
    latitude: float | None = None
    longitude: float | None = None
    mode: str = Field(description="visit, third-party or multilateral")
    host_state: str | None = None
    multilateral_event: str | None = None
    format: str
    officials_present: bool | None = None
    status: str = Field(description="held, cancelled or collapsed")
    announced_date: str | None = None
    outcomes: list[str] | None = None
    official_record_ids: list[str] | None = None
    notes: str | None = None
    sources: list[Source] | None = None
    origin: Literal["curated", "official", "events"] = Field(
        description="curated (the reviewed record), official (one Office of the Historian record, linked by "
                    "official_record_ids) or events (a candidate from event data, with event_ids, n_reports, "
                    "n_stories and confidence)")
    event_ids: list[str] | None = None
    n_reports: int | None = None
    n_stories: int | None = None
    confidence: float | None = None


class MeetingsPage(BaseModel):
    total: int = Field(description="Meetings matching the filters, before paging")
    limit: int
    offset: int
    meetings: list[Meeting]


class CheckResult(BaseModel):
    model_config = ConfigDict(extra="allow")
    claims: list[dict[str, Any]]
    counts: dict[str, Any]
    notice: str | None = Field(default=None, description="Said when the text is not in English, which the checker reads")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {404: "Not found", 413: f"Body too large (articles: {MAX_ARTICLE_TEXT} at most)", 422: "Invalid parameters",
            503: "Optional module not installed"}
    return {code: {"model": ErrorResponse, "description": text[code]} for code in codes}


# --- shared parameters ---------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Records to skip")]
From = Annotated[str | None, Query(alias="from", max_length=10, description="Year (1985) or ISO date, inclusive")]
To = Annotated[str | None, Query(max_length=10, description="Year (1991) or ISO date, inclusive")]


def _cursor(request: Request) -> Any:
    return request.app.state.store.cursor()


# --- meetings ------------------------------------------------------------------------


@router.get("/meetings", responses={200: {"model": MeetingsPage}, **_errors(404, 422)}, response_model=None,
            summary="Meetings matching filters, oldest first")
def list_meetings(
    request: Request,
    between: Annotated[str | None, Query(max_length=20, description="Two states, e.g. USA,RUS")] = None,
    a: Annotated[str | None, Query(max_length=3, description="First state of the pair (with b)")] = None,
    b: Annotated[str | None, Query(max_length=3, description="Second state of the pair (with a)")] = None,
    mode: Annotated[str | None, Query(max_length=20, description="visit | third-party | multilateral")] = None,
    host: Annotated[str | None, Query(max_length=3, description="Host state code")] = None,
    from_: From = None,
    to: To = None,
    status: Annotated[str | None, Query(max_length=20, description="held | cancelled | collapsed")] = None,
    leader: Annotated[str | None, Query(max_length=80, description="Leader id, e.g. putin-vladimir")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Free text in place, names and notes")] = None,
    counterpart: Annotated[Literal["head-of-state", "head-of-government", "any"], Query(
        description="head-of-state: the other state's leader (president, or the Soviet party leader); "
                    "head-of-government: a prime minister only; any: both")] = "any",
    succession: Annotated[bool, Query(description="RUS includes the Soviet Union (SUN)")] = True,
    origin: Annotated[Literal["curated", "official", "events", "all"] | None, Query(
        description="Where the meetings come from; default: all when a pair is given, else curated")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Filters combine with AND; `total` counts all matches, `meetings` holds one page."""
    filters = explore.Filters.from_params(between=between, a=a, b=b, mode=mode, host=host, start=from_, end=to,
                                          status=status, leader=leader, q=q, counterpart=counterpart,
                                          origin=origin, succession=succession)
    with _cursor(request) as cur:
        rows = explore.meetings(cur, filters)
    return json_response({"total": len(rows), "limit": limit, "offset": offset,
                          "meetings": rows[offset:offset + limit]})


@router.get("/meetings/{meeting_id}", responses={200: {"model": Meeting}, **_errors(404)}, response_model=None,
            summary="One meeting")
def get_meeting(request: Request, meeting_id: Annotated[str, Path(max_length=80)]) -> Response:
    with _cursor(request) as cur:
        return json_response(query.get_meeting(cur, meeting_id))


@router.get("/meetings/{meeting_id}/context", responses={200: {"description": "The context report"},
                                                         **_errors(404, 503)},
            response_model=None, summary="The meeting read against all earlier ones")
def get_context(request: Request, meeting_id: Annotated[str, Path(max_length=80)]) -> Response:
    """Keys: meeting, venue, firsts_and_lasts, term_timing, preparation, relations, format, signals."""
    with _cursor(request) as cur:
        if not meeting_id.startswith(("hsg-", "ev-")):  # official and event-derived ids are read by the report
            query.get_meeting(cur, meeting_id)  # 404 for an unknown id, whoever computes the report
        module = context_module()
        if module is None:
            return json_response(error_payload(503, CONTEXT_MISSING), 503)
        return json_response(query.jsonable(module.context_report(cur, meeting_id)))


@router.get("/first-meetings", responses={200: {"description": "First meetings per president"},
                                          **_errors(404, 422, 503)},
            response_model=None, summary="Each president's first meeting with the other side")
def first_meetings(
    request: Request,
    a: Annotated[str, Query(max_length=3)] = "USA",
    b: Annotated[str, Query(max_length=3)] = "RUS",
) -> Response:
    module = context_module()
    if module is None:
        return json_response(error_payload(503, CONTEXT_MISSING), 503)
    for code in (a, b):
        query.state_codes(code)  # 404 for an unknown state code
    with _cursor(request) as cur:
        return json_response(query.jsonable(module.first_meetings(cur, a=a.upper(), b=b.upper())))


# --- leaders and relations ------------------------------------------------------------


@router.get("/leaders", responses={200: {"description": "Leaders with their terms"}, **_errors(404, 422)},
            response_model=None, summary="Leaders with their terms in office")
def list_leaders(
    request: Request,
    state: Annotated[str | None, Query(max_length=3, description="State code; RUS includes SUN")] = None,
    succession: bool = True,
) -> Response:
    with _cursor(request) as cur:
        return json_response(explore.leaders(cur, state=state or None, succession=succession))


@router.get("/relations", responses={200: {"description": "Relations periods and events"}, **_errors(422)},
            response_model=None, summary="Relations periods and dated events")
def list_relations(
    request: Request,
    dyad: Annotated[str | None, Query(max_length=7, description="Pair of states, e.g. USA-RUS")] = None,
    kind: Annotated[str | None, Query(max_length=10, description="period | event")] = None,
) -> Response:
    with _cursor(request) as cur:
        return json_response(explore.relations(cur, dyad=dyad, kind=kind))


# --- the official record ----------------------------------------------------------------


class OfficialPage(BaseModel):
    model_config = ConfigDict(extra="allow")
    total: int
    limit: int
    offset: int


def _official(request: Request, kind: str, *, limit: int, offset: int, **filters: Any) -> Response:
    with _cursor(request) as cur:
        if not explore.official_present(cur, kind):
            return json_response(error_payload(404, OFFICIAL_HINT), 404)
        df = explore.official_records(cur, kind, **filters)
    rows = query.records(df.iloc[offset:offset + limit])
    return json_response({"total": len(df), "limit": limit, "offset": offset, kind: rows})


State = Annotated[str | None, Query(max_length=3, description="ISO 3166-1 alpha-3 code; RUS includes SUN")]
RecordText = Annotated[str | None, Query(max_length=200, description="Text anywhere in the record")]


@router.get("/trips", responses={200: {"model": OfficialPage, "description": "{total, limit, offset, trips}"},
                                 **_errors(404, 422)},
            response_model=None, summary="Presidential trips abroad (Office of the Historian)")
def list_trips(
    request: Request,
    state: State = None,
    president: Annotated[str | None, Query(max_length=80, description="President id, e.g. obama-barack")] = None,
    from_: From = None,
    to: To = None,
    q: RecordText = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """404 with a hint when the official record was not loaded into this database."""
    return _official(request, "trips", limit=limit, offset=offset, state=state, president=president,
                     start=from_, end=to, q=q)


@router.get("/secretary-trips", responses={200: {"model": OfficialPage,
                                                   "description": "{total, limit, offset, secretary-trips}"},
                                           **_errors(404, 422)},
            response_model=None, summary="Secretaries of state's trips abroad (Office of the Historian)")
def list_secretary_trips(
    request: Request,
    state: State = None,
    secretary: Annotated[str | None, Query(max_length=80, description="Secretary id, e.g. rice-condoleezza")] = None,
    from_: From = None,
    to: To = None,
    q: RecordText = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """404 with a hint when the official record was not loaded into this database."""
    return _official(request, "secretary-trips", limit=limit, offset=offset, state=state, president=secretary,
                     start=from_, end=to, q=q)


@router.get("/visits", responses={200: {"model": OfficialPage, "description": "{total, limit, offset, visits}"},
                                  **_errors(404, 422)},
            response_model=None, summary="Foreign leaders' visits to the U.S. (Office of the Historian)")
def list_visits(
    request: Request,
    state: State = None,
    president: Annotated[str | None, Query(max_length=80, description="U.S. president in office, by id")] = None,
    from_: From = None,
    to: To = None,
    q: RecordText = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """404 with a hint when the official record was not loaded into this database."""
    return _official(request, "visits", limit=limit, offset=offset, state=state, president=president,
                     start=from_, end=to, q=q)


# --- the checker ------------------------------------------------------------------------

CHECK_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "object", "required": ["text"],
                                        "properties": {"text": {"type": "string", "minLength": 1}}}},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
    },
}


async def read_text(request: Request) -> str:
    """The article from a text/plain body or JSON {"text": ...}; 422 for anything else."""
    body = await request.body()  # BodyLimitMiddleware raises BodyTooLarge past MAX_BODY
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidQuery("the body is not UTF-8 text") from None
    if ctype == "application/json":
        try:
            data = json.loads(raw)
        except ValueError:
            raise InvalidQuery("the body is not valid JSON; send {\"text\": \"...\"} or text/plain") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise InvalidQuery('the JSON body needs a string field "text"')
        raw = data["text"]
    if not raw.strip():
        raise InvalidQuery("the text is empty")
    return raw


def run_check(request: Request, text: str) -> Any:
    """The checker's result object for `text`, against the app's database."""
    module = checker_module()
    if module is None:
        return None
    return module.check_text(text, db=str(request.app.state.store.path))


def checker_error_status(exc: SummitryError) -> int:
    """413 for the checker's size guard, 422 for other input it cannot read."""
    return 413 if type(exc).__name__ == "InputTooLarge" else 422


@router.post("/check", responses={200: {"model": CheckResult}, **_errors(413, 422, 503)}, response_model=None,
             summary="Check an article's claims about meetings", openapi_extra={"requestBody": CHECK_BODY})
async def check(request: Request) -> Response:
    """Body: the article as text/plain, or JSON {"text": ...}; at most 5 MB of text (MAX_ARTICLE_BYTES)."""
    text = await read_text(request)
    try:
        result = await run_in_threadpool(run_check, request, text)
    except SummitryError as exc:  # the checker's own input errors (not text, too large)
        status = checker_error_status(exc)
        return json_response(error_payload(status, str(exc)), status)
    if result is None:
        return json_response(error_payload(503, CHECKER_MISSING), 503)
    return json_response(query.jsonable(result_dict(result)))


@router.get("/info", responses={200: {"description": "What the database was built from"}}, response_model=None,
            summary="Build information and optional parts present")
def info(request: Request) -> Response:
    with _cursor(request) as cur:
        built = dict(cur.execute("SELECT key, value FROM build_info ORDER BY key").fetchall())
        official = {kind: explore.official_present(cur, kind) for kind in explore.OFFICIAL_KINDS}
    return json_response({
        "build": built, "official_record": official,
        "context_report": context_module() is not None, "checker": checker_module() is not None,
    })
