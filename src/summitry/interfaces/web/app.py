"""The explorer: a FastAPI app serving HTML pages and a JSON API over the read-only database.

`create_app` wires the pieces: the shared read-only store, the response cache, the body
limit, one error shape, templates with autoescaping, and the vendored static assets.
"""

from __future__ import annotations

import logging
import os

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from summitry.config import MAX_ARTICLE_TEXT
from summitry.config import VERSION as __version__
from summitry.errors import InvalidQuery, NotFound, SummitryError, UnknownValue
from summitry.interfaces.web.common import HERE, error_payload, json_response, make_templates, render
from summitry.interfaces.web.downloads import Exports
from summitry.interfaces.web.middleware import BodyLimitMiddleware, BodyTooLarge, CacheMiddleware, ResponseCache
from summitry.interfaces.web.store import Store
from summitry.query.access import ensure_built

log = logging.getLogger("summitry.interfaces.web")

API_DESCRIPTION = """\
Read-only JSON API over the Summitry database: curated meetings between U.S. presidents and
Soviet/Russian leaders, leaders and terms, relations periods, the Office of the Historian's
trips and visits (when loaded), each meeting's context report, and an article checker.

Every error has one shape: `{"error": {"status": <int>, "message": <str>}}`.
"""


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str) -> Response:
    """The API's JSON error shape, or an HTML error page for the site."""
    if _is_api(request):
        return json_response(error_payload(status, message), status)
    try:
        return render(request, "error.html", status=status, status_code=status, message=message)
    except Exception:  # the error page must never fail in turn
        log.exception("error page failed")
        return HTMLResponse(f"<h1>Error {status}</h1>", status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        where = {"query": "query parameter", "path": "path parameter", "body": "body"}.get(
            str(err.get("loc", ("",))[0]), "parameter")
        name = ".".join(loc) or "request"
        parts.append(f"{where} {name!r}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Map library errors to statuses; never show a stack trace to the client."""

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(InvalidQuery)
    @app.exception_handler(UnknownValue)  # a filter naming nothing is a bad parameter, like any other
    async def _invalid(request: Request, exc: InvalidQuery) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(SummitryError)
    async def _summitry(request: Request, exc: SummitryError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge) -> Response:
        return error_response(request, 413, f"The request is larger than the {MAX_ARTICLE_TEXT} an article may "
                                            "have; send a shorter text.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = error_response(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "Internal error; it has been logged on the server.")


def create_app(
    db: str | os.PathLike | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
) -> FastAPI:
    """The explorer for database `db` (built first if missing, then opened read-only)."""
    path = ensure_built(db)
    app = FastAPI(
        title="Summitry API",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: not here. /openapi.json stays.
        redoc_url=None,
    )
    store = Store(path)
    app.state.store = store
    app.state.templates = make_templates()
    app.state.exports = Exports(store, cache_dir)
    app.state.cache = ResponseCache()

    install_error_handlers(app)
    from summitry.interfaces.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # Outermost first on the wire: cache (and security headers), then the body limit.
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(CacheMiddleware, store=store, cache=app.state.cache)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` with several workers: the database from SUMMITRY_DB."""
    return create_app(os.environ.get("SUMMITRY_DB"), cache_dir=os.environ.get("SUMMITRY_EXPORT_CACHE") or None)
