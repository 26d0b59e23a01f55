"""Small helpers every view uses: JSON bytes, the one error shape, page rendering."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from summitry.config import VERSION as __version__

HERE = Path(__file__).resolve().parent


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON without pydantic re-validation: records are already plain JSON types."""
    return Response(json_bytes(data), status_code=status, media_type="application/json", headers=headers)


def error_payload(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


_MEETING_ID = re.compile(r"^\d{4}-\d{2}-[a-z][a-z0-9-]*$")


def is_meeting_id(value: Any) -> bool:
    """Jinja test: a string that looks like a meeting id (1986-10-reykjavik), to link it."""
    return isinstance(value, str) and bool(_MEETING_ID.match(value))


def record_columns(value: Any) -> list[str]:
    """Jinja filter: the columns of a list of records (dicts), or [] to render it as a list."""
    if not isinstance(value, list | tuple) or not value or not all(isinstance(v, dict) for v in value):
        return []
    columns: dict[str, None] = {}
    for row in value:
        columns.update(dict.fromkeys(row))
    return list(columns)


def make_templates() -> Environment:
    """Jinja2 with autoescaping on for every template: user strings are always escaped."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["record_columns"] = record_columns
    env.tests["meeting_id"] = is_meeting_id
    env.globals["version"] = __version__
    env.globals["page"] = ""  # which nav item is current; pages override it
    return env


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template with the request and the app's globals."""
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


