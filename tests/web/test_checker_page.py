"""The checker through the API and the page (runs once summitry.checker provides check_text)."""

from __future__ import annotations

import pytest

from tests.web.conftest import need_module

ARTICLE = ("Reagan and Gorbachev met in Reykjavik in 1987. <script>window.__pwned=1</script> "
           "<img src=x onerror=\"alert(1)\"> Trump met Putin in Helsinki on 16 July 2018.")


@pytest.fixture(autouse=True)
def _checker() -> None:
    need_module("summitry.checker", "check_text")


def test_api_check_json_and_text(client) -> None:
    for kwargs in ({"json": {"text": ARTICLE}},
                   {"content": ARTICLE.encode(), "headers": {"content-type": "text/plain; charset=utf-8"}}):
        r = client.post("/api/check", **kwargs)
        assert r.status_code == 200, r.text
        body = r.json()
        assert {"claims", "counts"} <= set(body)
        verdicts = {c["quote"]: c["verdict"] for c in body["claims"]}
        assert verdicts.get("Trump met Putin in Helsinki on 16 July 2018") == "supported"
        assert any(v == "contradicted" for v in verdicts.values())
        for claim in body["claims"]:
            assert {"span", "quote", "participants", "place", "time", "setting", "verdict", "correction",
                    "evidence"} <= set(claim)


def test_check_page_highlights_and_escapes(client) -> None:
    r = client.post("/check", data={"text": ARTICLE})
    assert r.status_code == 200
    html = r.text
    article = html[html.index('id="article"'):html.index("</div>", html.index('id="article"'))]
    assert "<script>" not in article and "<img" not in article
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article
    assert 'class="v-ok"' in article and 'class="v-bad"' in article
    assert "1986-10-reykjavik" in html  # evidence links to the meeting


def test_check_page_accepts_an_uploaded_file(client) -> None:
    r = client.post("/check", files={"file": ("article.txt", ARTICLE.encode(), "text/plain")}, data={"text": ""})
    assert r.status_code == 200 and 'id="article"' in r.text
    r = client.post("/check", files={"file": ("article.bin", b"\xff\xfe\x00\x01", "application/octet-stream")})
    assert r.status_code == 422 and "not UTF-8" in r.text
