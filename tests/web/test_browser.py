"""The explorer in a real browser (Debian's chromium through Playwright): charts render,
filters and links work, pasted HTML stays text, CSV downloads arrive.

Screenshots of the main pages go to artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import csv
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from summitry.interfaces.web import create_app
from summitry.interfaces.web.integrations import checker_module, context_module

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARTICLE = (
    "Moscow, 14 August 2025. Reagan and Gorbachev met in Reykjavik in 1987. "
    "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
    "Trump met Putin in Helsinki on 16 July 2018."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site_url(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The explorer served by uvicorn in a thread on a free loopback port."""
    app = create_app(fixture_db, cache_dir=tmp_path_factory.mktemp("exports"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    """A fresh page that records console errors (a CSP violation shows up there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_for_chart(pg, chart_id: str) -> None:
    pg.wait_for_selector(f"#{chart_id}[data-rendered] svg", timeout=15_000)


def test_timeline_chart_renders(page, site_url: str) -> None:
    page.goto(site_url + "/")
    wait_for_chart(page, "timeline")
    assert page.locator("#timeline svg .mark-symbol.role-mark path").count() == 9  # one mark per meeting
    assert page.locator("#timeline svg .mark-rect.role-mark path").count() >= 1  # relations bands
    assert page.errors == []
    shot(page, "timeline")
    for fmt in ("svg", "png"):  # vega-embed's "…" menu: the chart as SVG or PNG
        page.eval_on_selector("#timeline details", "d => { d.open = true; }")
        with page.expect_download() as info:
            page.click(f"text=Save as {fmt.upper()}")
        assert info.value.suggested_filename == f"timeline.{fmt}"
        head = Path(info.value.path()).read_bytes()[:8]
        assert head == b"\x89PNG\r\n\x1a\n" if fmt == "png" else head.startswith(b"<svg")


def test_keyboard_starts_at_the_skip_link(page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main", timeout=5000)  # following the link is asynchronous: wait, not race
    assert page.url.endswith("#main")


def test_filter_by_years(page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.fill("#f-from", "2017")
    page.fill("#f-to", "2018")
    page.click("button[type=submit]")
    page.wait_for_url("**/?*from=2017*")
    assert "to=2018" in page.url
    wait_for_chart(page, "timeline")
    assert page.locator("table.data tbody tr[class^=status-]").count() == 2
    assert page.locator("#timeline svg .mark-symbol.role-mark path").count() == 2
    assert page.input_value("#f-from") == "2017"


def test_click_a_mark_opens_the_meeting(page, site_url: str) -> None:
    page.goto(site_url + "/?from=2021&to=2021")
    wait_for_chart(page, "timeline")
    page.locator("#timeline svg .mark-symbol.role-mark path").first.click(force=True)
    page.wait_for_url("**/meetings/2021-06-geneva")
    assert page.locator("#context").is_visible()
    heading = page.locator("#context h2").inner_text()
    assert heading == "Context report"
    if context_module() is not None:
        assert page.locator("#context ul.signals li").count() >= 1
    shot(page, "meeting")


def test_map_renders(page, site_url: str) -> None:
    page.goto(site_url + "/map")
    wait_for_chart(page, "venue-map")
    assert page.locator("#venue-map svg .mark-shape.role-mark path").count() > 100  # countries, from the vendored atlas
    assert page.locator("#venue-map svg .mark-symbol.role-mark path").count() == 9
    assert page.errors == []
    shot(page, "map")


def test_checked_article_is_shown_escaped(page, site_url: str) -> None:
    page.goto(site_url + "/check")
    page.fill("#c-text", ARTICLE)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    if checker_module() is None:
        assert "checker is not available" in page.content()
        assert page.input_value("#c-text") == ARTICLE
    else:
        article = page.locator("#article")
        assert "<script>window.__pwned=1</script>" in article.inner_text()  # shown as text
        assert article.locator("script, img").count() == 0
        assert page.locator("#article mark").count() >= 1
        shot(page, "check")
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_download_chart_data_as_csv(page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "/?from=2017")
    with page.expect_download() as info:
        page.click("text=Download the chart's data (CSV)")
    download = info.value
    assert download.suggested_filename == "meetings.csv"
    target = tmp_path / "meetings.csv"
    download.save_as(target)
    with open(target, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows][:2] == ["2017-07-hamburg", "2018-07-helsinki"]


def test_phone_width_has_no_sideways_scroll(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    try:
        for path, name in (("/", "phone-timeline"), ("/meetings/1987-12-washington", "phone-meeting")):
            pg.goto(site_url + path)
            if path == "/":
                wait_for_chart(pg, "timeline")
            assert pg.evaluate("document.documentElement.scrollWidth") <= 391, path
            shot(pg, name)
    finally:
        context.close()


def test_other_pages_screenshots(page, site_url: str) -> None:
    for path, name in (("/downloads", "downloads"), ("/official", "official")):
        page.goto(site_url + path)
        assert page.locator("h1").count() == 1
        shot(page, name)
    assert page.errors == []
