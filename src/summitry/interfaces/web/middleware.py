"""ASGI middleware: a request-body limit, an in-process response cache and security headers.

Plain ASGI (not Starlette's BaseHTTPMiddleware) so a cache hit costs one dict lookup and
never enters routing, validation or the thread pool: that is what keeps p99 latency low
under load on two cores.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from summitry.config import MAX_ARTICLE_BYTES, MAX_ARTICLE_TEXT
from summitry.interfaces.web.store import Store

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Bytes a POST body may have: the checker's article limit, plus room for the multipart or
#: JSON framing around the text (the article inside is held to MAX_ARTICLE_BYTES by the checker).
MAX_BODY = MAX_ARTICLE_BYTES + 64 * 1024

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     b"connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(Exception):
    """A request body over MAX_BODY; handled as 413 by the app's exception handlers."""

    def __init__(self, limit: int = MAX_BODY) -> None:
        super().__init__(f"request body larger than {limit} bytes (articles: {MAX_ARTICLE_TEXT} at most)")
        self.limit = limit


class BodyLimitMiddleware:
    """Refuse request bodies over `limit` bytes: at once by Content-Length, else while reading."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = 0
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                break
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if declared > self.limit:  # refuse before reading a byte of it
                raise BodyTooLarge(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited, send)


class ResponseCache:
    """GET responses kept in memory, keyed by path and query string.

    The database is read-only, so a response depends only on the URL; the cache is cleared
    when the store reopens a rebuilt file. Bounded in entries and bytes (least recently used
    go first); bodies over `max_body` (downloads) are never kept.
    """

    def __init__(self, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024, max_body: int = 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = max_body
        self._data: OrderedDict[tuple[str, bytes], tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.generation = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[str, bytes]) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return hit

    def put(self, key: tuple[str, bytes], status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > self.max_body:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._data[key] = (status, headers, body)
            self._bytes += len(body)
            while len(self._data) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, _, dropped) = self._data.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self, generation: int) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0
            self.generation = generation

    def __len__(self) -> int:
        return len(self._data)


CACHEABLE_STATUS = {200, 404}
UNCACHED_PREFIXES = ("/downloads/", "/static/")


class CacheMiddleware:
    """Serve repeated GETs from a ResponseCache; add security headers to every response."""

    def __init__(self, app: ASGIApp, store: Store, cache: ResponseCache) -> None:
        self.app = app
        self.store = store
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        generation = self.store.refresh()
        if generation != self.cache.generation:
            self.cache.clear(generation)
        path: str = scope["path"]
        cacheable = scope["method"] == "GET" and not path.startswith(UNCACHED_PREFIXES)
        key = (path, scope.get("query_string", b""))
        if cacheable:
            hit = self.cache.get(key)
            if hit is not None:
                status, headers, body = hit
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return

        captured: dict[str, Any] = {"parts": [], "size": 0, "keep": cacheable}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-frame-options"]
                headers += [h for h in SECURITY_HEADERS if h[0] not in {k.lower() for k, _ in headers}]
                message["headers"] = headers
                captured["status"] = message["status"]
                captured["headers"] = headers
                if message["status"] not in CACHEABLE_STATUS or any(k.lower() == b"set-cookie" for k, _ in headers):
                    captured["keep"] = False
            elif message["type"] == "http.response.body" and captured["keep"]:
                body = message.get("body", b"")
                captured["size"] += len(body)
                if captured["size"] > self.cache.max_body:
                    captured["keep"] = False
                    captured["parts"] = []
                else:
                    captured["parts"].append(body)
                if not message.get("more_body", False) and captured["keep"]:
                    self.cache.put(key, captured["status"], captured["headers"], b"".join(captured["parts"]))
            await send(message)

        await self.app(scope, receive, capture)
