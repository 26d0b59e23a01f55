"""The HTML pages: rendered on the server, escaped, with filter state in the URL."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from summitry.config import OFFICIAL_HINT
from summitry.interfaces.web.middleware import MAX_BODY

XSS = "<script>alert(1)</script>"


def spec_of(html: str, chart_id: str) -> dict:
    """The Vega-Lite spec a page embeds for one chart."""
    match = re.search(rf'<script type="application/json" id="{chart_id}-spec">(.*?)</script>', html, re.S)
    assert match, f"no spec for {chart_id}"
    return json.loads(match.group(1))


def test_timeline_works_without_javascript(client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<table" in html and "/meetings/1986-10-reykjavik" in html  # the core table, no JS needed
    assert html.count('class="status-') == 9
    for label in ('for="f-from"', 'for="f-to"', 'for="f-mode"', 'for="f-leader"', 'for="f-q"', 'for="f-a"'):
        assert label in html  # every control is labelled
    assert 'href="#main"' in html  # skip link
    assert "cdn" not in html.lower() and "https://cdn" not in html
    assert '/static/vendor/vega.min.js' in html and '/static/vendor/vega-embed.min.js' in html


def test_timeline_chart_spec(client) -> None:
    spec = spec_of(client.get("/").text, "timeline")
    meetings_layer = spec["layer"][-1]
    points = meetings_layer["data"]["values"]
    assert len(points) == 9
    settings = meetings_layer["encoding"]["color"]["scale"]["domain"]
    assert settings == ["hosted by USA", "hosted by RUS/SUN", "third country", "multilateral"]
    by_id = {p["id"]: p for p in points}
    assert by_id["1987-12-washington"]["setting"] == "hosted by USA"
    assert by_id["2013-09-moscow"]["setting"] == "hosted by RUS/SUN"
    assert by_id["2021-06-geneva"]["setting"] == "third country"
    assert by_id["2017-07-hamburg"]["setting"] == "multilateral"
    assert by_id["2021-06-geneva"]["url"] == "/meetings/2021-06-geneva"
    assert spec["layer"][0]["mark"]["type"] == "rect"  # relations periods behind


def test_filters_live_in_the_query_string(client) -> None:
    html = client.get("/?from=2017&to=2018&mode=third-party").text
    assert html.count('class="status-') == 1 and "2018-07-helsinki" in html
    assert 'value="2017"' in html and 'value="2018"' in html
    assert '<option value="third-party" selected>' in html
    assert 'href="/csv/meetings?a=USA&amp;b=RUS&amp;from=2017&amp;to=2018&amp;mode=third-party"' in html
    assert 'href="/map?a=USA&amp;b=RUS&amp;from=2017' in html


def test_a_bad_filter_is_shown_next_to_the_form(client) -> None:
    r = client.get("/?from=soon")
    assert r.status_code == 422
    assert 'role="alert"' in r.text and "not a year or ISO date" in r.text
    assert 'value="soon"' in r.text


@pytest.mark.parametrize("path", ["/", "/map", "/official/trips", "/nowhere"])
def test_query_strings_are_escaped(client, path: str) -> None:
    r = client.get(path, params={"q": XSS, "from": XSS, "a": '"><img src=x onerror=alert(1)>'})
    assert XSS not in r.text
    assert "<img src=x" not in r.text
    if path in ("/", "/map"):  # the form shows what was typed, escaped
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_unknown_meeting_page_is_an_escaped_404(client) -> None:
    r = client.get("/meetings/<script>alert(1)</script>")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert XSS not in r.text


def test_map_page(client) -> None:
    html = client.get("/map").text
    spec = spec_of(html, "venue-map")
    assert spec["layer"][0]["data"]["url"] == "/static/vendor/countries-110m.json"
    assert spec["layer"][0]["mark"]["type"] == "geoshape"
    assert len(spec["layer"][1]["data"]["values"]) == 9
    assert "Washington" in html and "Reykjavík" in html
    assert client.get("/static/vendor/countries-110m.json").status_code == 200


def test_meeting_page(client) -> None:
    html = client.get("/meetings/1987-12-washington").text
    assert "INF Treaty signed" in html and "Ronald Reagan" in html and "Mikhail Gorbachev" in html
    assert 'id="context"' in html
    assert 'rel="prev" href="/meetings/1986-10-reykjavik"' in html
    assert 'rel="next" href="/meetings/2001-06-kranj"' in html
    assert 'href="https://history.state.gov/departmenthistory/visits/1987"' in html


def test_meeting_page_shows_the_context_report(client) -> None:
    from tests.web.conftest import need_module

    need_module("summitry.analysis.context", "context_report")
    html = client.get("/meetings/2018-07-helsinki").text
    section = html[html.index('id="context"'):]
    assert "What the setting signals" in section
    assert "not available" not in section


def test_meeting_page_degrades_without_the_context_module(fresh_client, monkeypatch: pytest.MonkeyPatch) -> None:
    from summitry.interfaces.web import pages

    monkeypatch.setattr(pages, "context_module", lambda: None)
    html = fresh_client.get("/meetings/2018-07-helsinki").text
    assert "context report is not available" in html


def test_csv_endpoints(client) -> None:
    r = client.get("/csv/meetings?from=2017")
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == ["2017-07-hamburg", "2018-07-helsinki", "2021-06-geneva",
                                           "2025-08-anchorage"]
    assert rows[0]["setting"] == "multilateral" and "Donald" in rows[0]["participants"]
    venues = list(csv.DictReader(io.StringIO(client.get("/csv/venues").text)))
    assert {"Washington", "Reykjavík"} <= {v["city"] for v in venues}
    assert next(v for v in venues if v["city"] == "Washington")["count"] == "2"
    relations = list(csv.DictReader(io.StringIO(client.get("/csv/relations").text)))
    assert relations and {r["dyad"] for r in relations} == {"USA-RUS"}


def test_official_pages_without_the_official_record(client) -> None:
    for path in ("/official", "/official/trips", "/official/visits"):
        r = client.get(path)
        assert r.status_code == 200
        assert OFFICIAL_HINT.split("`")[0].strip() in r.text
    assert client.get("/official/nothing").status_code == 404
    assert client.get("/csv/official/trips").status_code == 404


def test_downloads_page_and_files(client) -> None:
    html = client.get("/downloads").text
    assert "Cite this" in html and "CC-BY-4.0" in html
    for fmt in ("csv", "parquet", "json"):
        assert f'href="/downloads/{fmt}/meetings.{fmt}"' in html
    r = client.get("/downloads/csv/meetings.csv")
    assert r.status_code == 200 and r.text.startswith("id,")
    descriptor = client.get("/downloads/datapackage.json").json()
    assert descriptor["name"] == "summitry"
    assert client.get("/downloads/../../etc/passwd").status_code == 404
    assert client.get("/downloads/%2e%2e/%2e%2e/pyproject.toml").status_code == 404


def test_check_page_form_and_limits(client) -> None:
    html = client.get("/check").text
    assert 'for="c-text"' in html and 'for="c-file"' in html and 'enctype="multipart/form-data"' in html
    r = client.post("/check", data={"text": "x" * (MAX_BODY + 10)})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "larger than the 5 MB an article may have" in r.text
    r = client.post("/check", data={"text": "   "})
    assert r.status_code == 422 and "Paste an article" in r.text


def test_check_page_degrades_without_the_checker(fresh_client, monkeypatch: pytest.MonkeyPatch) -> None:
    from summitry.interfaces.web import api, pages

    monkeypatch.setattr(pages, "checker_module", lambda: None)
    monkeypatch.setattr(api, "checker_module", lambda: None)
    r = fresh_client.post("/check", data={"text": f"Reagan met Gorbachev in Reykjavik. {XSS}"})
    assert r.status_code == 503 and "checker is not available" in r.text
    assert XSS not in r.text and "&lt;script&gt;" in r.text  # the text goes back into the form, escaped
    r = fresh_client.post("/api/check", json={"text": "Reagan met Gorbachev."})
    assert r.status_code == 503 and r.json()["error"]["status"] == 503


def test_highlighted_article() -> None:
    from summitry.interfaces.web.pages import highlighted_article, verdict_class

    text = "# Notes\n\nReagan met **Gorbachev** in Reykjavik in 1986. <script>x</script>"
    claims = [{"span": [text.index("Reykjavik"), text.index("Reykjavik") + 9], "verdict": "supported", "css": "ok"},
              {"span": {"start": text.index("Reagan"), "end": text.index("Reagan") + 6}, "verdict": "contradicted",
               "css": "bad"},
              {"span": [text.index("Reykjavik") + 1, text.index("Reykjavik") + 5], "css": "ok"}, {"span": "bad", "css": "ok"}]
    html = str(highlighted_article(text, "markdown", claims))
    assert "<h1>Notes</h1>" in html and "<strong>Gorbachev</strong>" in html and "&lt;script&gt;" in html
    assert '<mark class="v-bad" id="claim-2" title="contradicted">Reagan</mark><sup><a href="#row-2">2</a></sup>' in html
    assert '<mark class="v-ok" id="claim-1" title="supported">Reykjavik</mark>' in html
    assert 'id="claim-3"' not in html and 'id="claim-4"' not in html  # overlapping, malformed
    plain = str(highlighted_article("# kept\nReagan", "text", [{"span": [7, 13], "verdict": "x", "css": "unsure"}]))
    assert plain.startswith('<div class="plain"># kept')
    assert verdict_class("contradicted") == "bad" and verdict_class("supported") == "ok"
    assert verdict_class("unverified") == "unsure"


def test_every_meeting_page_renders(client) -> None:
    for m in client.get("/api/meetings").json()["meetings"]:
        r = client.get(f"/meetings/{m['id']}")
        assert r.status_code == 200, m["id"]
        assert m["city"] in r.text


def test_data_strings_are_escaped_everywhere(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Curated text is data too: a note or outcome holding markup is shown as text, also in chart specs."""
    import shutil

    from summitry.builder import build
    from summitry.interfaces.web import create_app
    from tests.conftest import FIXTURE_CURATED
    from tests.web.conftest import TestClient

    root = tmp_path / "curated"
    shutil.copytree(FIXTURE_CURATED, root)
    sample = root / "meetings" / "sample.yaml"
    text = sample.read_text(encoding="utf-8")
    text = text.replace("  outcomes: [INF Treaty signed]",
                        f"  outcomes: ['{XSS}']\n  notes: '</script><img src=x onerror=alert(2)>'")
    sample.write_text(text, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    build(db, curated_root=root, official=None)
    with TestClient(create_app(db, cache_dir=tmp_path / "exports")) as c:
        for path in ("/meetings/1987-12-washington", "/?q=washington", "/map"):
            html = c.get(path).text
            assert XSS not in html and "<img src=x" not in html, path
        page = c.get("/meetings/1987-12-washington").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_guessed_addresses_of_the_list_work(client) -> None:
    for path in ("/meetings", "/timeline"):
        r = client.get(f"{path}?from=2017&to=2018", follow_redirects=False)
        assert r.status_code == 308 and r.headers["location"] == "/?from=2017&to=2018"
        page = client.get(f"{path}?from=2017&to=2018")
        assert page.status_code == 200 and "2018-07-helsinki" in page.text
