"""The JSON API: shapes, filters, paging, the one error shape, read-only access."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from summitry import query
from summitry.config import OFFICIAL_HINT
from summitry.interfaces.web.middleware import MAX_BODY

MEETING_KEYS = {"id", "start_date", "end_date", "participants", "city", "region", "site", "venue_state", "latitude",
                "longitude", "mode", "host_state", "multilateral_event", "format", "officials_present", "status",
                "announced_date", "outcomes", "official_record_ids", "notes", "sources"}


def assert_error(response, status: int, *words: str) -> None:
    """The one error shape: {"error": {"status", "message"}}, JSON, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert "Traceback" not in body["error"]["message"]
    for word in words:
        assert word in body["error"]["message"]


def test_meetings_shape_matches_the_cli_records(client, fixture_db: Path) -> None:
    body = client.get("/api/meetings").json()
    assert set(body) == {"total", "limit", "offset", "meetings"}
    assert body["total"] == len(body["meetings"]) == 9
    assert (body["limit"], body["offset"]) == (100, 0)
    assert set(body["meetings"][0]) >= MEETING_KEYS
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        expected = query.records(query.find_meetings(con))
    assert body["meetings"] == json.loads(json.dumps(expected))  # what `summitry meetings --format json` prints


@pytest.mark.parametrize(("params", "ids"), [
    ("between=USA,RUS&mode=visit&host=USA", ["1987-12-washington", "2010-06-washington", "2025-08-anchorage"]),
    ("a=USA&b=RUS&from=2017&to=2018", ["2017-07-hamburg", "2018-07-helsinki"]),
    ("status=cancelled", ["2013-09-moscow"]),
    ("leader=biden-joseph-r", ["2021-06-geneva"]),
    ("q=reykjav", ["1986-10-reykjavik"]),
    ("mode=multilateral", ["2017-07-hamburg"]),
    ("between=USA,RUS&succession=false&to=1991", []),
    ("counterpart=head-of-government", []),
    ("counterpart=head-of-state&to=1990", ["1986-10-reykjavik", "1987-12-washington"]),
])
def test_meeting_filters(client, params: str, ids: list[str]) -> None:
    body = client.get(f"/api/meetings?{params}").json()
    assert [m["id"] for m in body["meetings"]] == ids
    assert body["total"] == len(ids)


def test_paging(client) -> None:
    everything = [m["id"] for m in client.get("/api/meetings").json()["meetings"]]
    page = client.get("/api/meetings?limit=3&offset=3").json()
    assert page["total"] == len(everything)
    assert (page["limit"], page["offset"]) == (3, 3)
    assert [m["id"] for m in page["meetings"]] == everything[3:6]
    past_the_end = client.get("/api/meetings?offset=100").json()
    assert past_the_end["meetings"] == [] and past_the_end["total"] == len(everything)


@pytest.mark.parametrize(("params", "words"), [
    ("limit=501", ["limit", "500"]),
    ("limit=0", ["limit"]),
    ("offset=-1", ["offset"]),
    ("from=abc", ["not a year or ISO date"]),
    ("mode=teleport", ["unknown mode"]),
    ("status=maybe", ["unknown status"]),
    ("between=USA", ["two state codes"]),
    ("a=USA", ["both states"]),
    ("succession=perhaps", ["succession"]),
    ("counterpart=emperor", ["counterpart"]),
    ("between=USA,XXX", ["unknown state code", "XXX"]),  # a filter value that names nothing is a bad parameter
    ("leader=nobody", ["unknown leader id"]),
    ("from=2000&to=1990", ["the period is empty"]),
])
def test_invalid_parameters_are_422(client, params: str, words: list[str]) -> None:
    assert_error(client.get(f"/api/meetings?{params}"), 422, *words)


def test_not_found_is_404(client) -> None:
    assert_error(client.get("/api/meetings/1900-01-nowhere"), 404, "1900-01-nowhere")
    assert_error(client.get("/api/meetings/1900-01-nowhere/context"), 404)
    assert_error(client.get("/api/no-such-endpoint"), 404)


def test_one_meeting(client) -> None:
    m = client.get("/api/meetings/1986-10-reykjavik").json()
    assert m["id"] == "1986-10-reykjavik"
    assert [p["leader_id"] for p in m["participants"]] == ["reagan-ronald", "gorbachev-mikhail"]
    assert m["sources"][0]["url"].startswith("https://")


def test_leaders_and_relations(client) -> None:
    leaders = client.get("/api/leaders?state=RUS").json()
    assert {lead["state"] for lead in leaders} <= {"RUS", "SUN"}
    assert any(lead["leader_id"] == "gorbachev-mikhail" for lead in leaders)
    assert all(lead["terms"] for lead in leaders)
    relations = client.get("/api/relations?dyad=RUS-USA").json()
    assert relations and {r["dyad"] for r in relations} == {"USA-RUS"}
    assert {r["kind"] for r in client.get("/api/relations?kind=period").json()} == {"period"}
    assert_error(client.get("/api/relations?dyad=USA"), 422, "dyad")


def test_official_tables_absent_give_404_with_the_hint(client) -> None:
    for path in ("/api/trips", "/api/secretary-trips", "/api/visits"):
        assert_error(client.get(path), 404, OFFICIAL_HINT)
    info = client.get("/api/info").json()
    assert info["official_record"] == {"trips": False, "secretary-trips": False, "visits": False}


def test_method_not_allowed_keeps_the_error_shape(client) -> None:
    assert_error(client.post("/api/meetings", json={"id": "x"}), 405)
    assert_error(client.delete("/api/meetings/1986-10-reykjavik"), 405)


def test_check_limits_and_validation(client) -> None:
    too_big = "x" * (MAX_BODY + 1)
    assert_error(client.post("/api/check", content=too_big, headers={"content-type": "text/plain"}), 413, "5 MB")

    def chunks():  # no Content-Length: the limit applies while reading
        for _ in range(3):
            yield b"y" * (MAX_BODY // 2)

    assert_error(client.post("/api/check", content=chunks(), headers={"content-type": "text/plain"}), 413)
    assert_error(client.post("/api/check", json={"words": "no text field"}), 422, "text")
    assert_error(client.post("/api/check", content=b"{not json", headers={"content-type": "application/json"}),
                 422, "JSON")
    assert_error(client.post("/api/check", content=b"   ", headers={"content-type": "text/plain"}), 422, "empty")
    assert_error(client.post("/api/check", content=b"\xff\xfe", headers={"content-type": "text/plain"}), 422, "UTF-8")


def test_internal_errors_are_generic(fresh_client, monkeypatch: pytest.MonkeyPatch) -> None:
    from summitry.interfaces.web import explore

    def boom(*_a, **_k):
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr(explore, "meetings", boom)
    response = fresh_client.get("/api/meetings")
    assert_error(response, 500)
    assert "secret" not in response.text and "RuntimeError" not in response.text


def test_the_database_cannot_be_written(client, web_app, fixture_db: Path) -> None:
    before = hashlib.sha256(fixture_db.read_bytes()).hexdigest()
    # SQL-looking input is only ever a parameter
    hostile = "'; DROP TABLE meetings; --"
    assert client.get("/api/meetings", params={"q": hostile}).json()["total"] == 0
    assert client.get("/api/meetings", params={"leader": hostile}).status_code == 422  # an unknown leader id
    assert client.get(f"/api/meetings/{hostile}").status_code == 404
    # no route accepts a write
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)("/api/meetings").status_code == 405
    # and the connection itself refuses one
    with web_app.state.store.cursor() as cur, pytest.raises(duckdb.Error):
        cur.execute("CREATE TABLE pwned (x INTEGER)")
    with web_app.state.store.cursor() as cur, pytest.raises(duckdb.Error):
        cur.execute("DELETE FROM meetings")
    assert client.get("/api/meetings").json()["total"] == 9
    assert hashlib.sha256(fixture_db.read_bytes()).hexdigest() == before


def test_openapi_document(client) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for path in ("/api/meetings", "/api/meetings/{meeting_id}", "/api/meetings/{meeting_id}/context", "/api/leaders",
                 "/api/trips", "/api/visits", "/api/relations", "/api/check"):
        assert path in paths, path
    assert "/" not in paths and "/check" not in paths  # pages are not API operations
    params = {p["name"] for p in paths["/api/meetings"]["get"]["parameters"]}
    assert {"between", "a", "b", "mode", "host", "from", "to", "status", "leader", "q", "limit", "offset"} <= params
    error_schema = paths["/api/meetings"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
    assert error_schema["$ref"].endswith("/ErrorResponse")
    assert set(paths["/api/check"]["post"]["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_security_headers_and_cache(fresh_client) -> None:
    first = fresh_client.get("/api/meetings?limit=2")
    second = fresh_client.get("/api/meetings?limit=2")
    assert first.content == second.content
    for response in (first, second):
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
    cache = fresh_client.app.state.cache
    assert cache.hits >= 1 and len(cache) >= 1


def test_cache_is_bounded() -> None:
    from summitry.interfaces.web.middleware import ResponseCache

    cache = ResponseCache(max_entries=3, max_bytes=100, max_body=60)
    for i in range(5):
        cache.put((f"/{i}", b""), 200, [], b"x" * 10)
    assert len(cache) == 3 and cache.get(("/0", b"")) is None and cache.get(("/4", b"")) is not None
    cache.put(("/big", b""), 200, [], b"x" * 61)
    assert cache.get(("/big", b"")) is None
    for i in range(3):
        cache.put((f"/m{i}", b""), 200, [], b"x" * 50)
    assert cache._bytes <= 100


def test_a_rebuilt_database_is_picked_up(tmp_path: Path) -> None:
    """The cache holds only while the file is the same: a rebuild (atomic replace) is served."""
    import shutil

    from summitry.builder import build
    from summitry.interfaces.web import create_app
    from tests.conftest import FIXTURE_CURATED
    from tests.web.conftest import TestClient

    root = tmp_path / "curated"
    shutil.copytree(FIXTURE_CURATED, root)
    db = tmp_path / "x.duckdb"
    build(db, curated_root=root, official=None)
    app = create_app(db, cache_dir=tmp_path / "exports")
    app.state.store.recheck_seconds = 0
    with TestClient(app) as c:
        assert c.get("/api/meetings").json()["total"] == 9
        sample = root / "meetings" / "sample.yaml"
        text = sample.read_text(encoding="utf-8")
        sample.write_text(text[:text.index("- id: 2025-08-anchorage")], encoding="utf-8")
        build(db, curated_root=root, official=None)
        assert c.get("/api/meetings").json()["total"] == 8
        assert app.state.store.generation == 1
