"""Rendering: every character of user input is escaped in the HTML page."""

from __future__ import annotations

import lxml.html
from rich.console import Console

from summitry.checker import check_text, render_html, render_text
from summitry.checker.record import Record

EVIL = ('<p title="x" onmouseover="alert(0)">Reagan and Gorbachev met in Helsinki in 1986 '
        '"><script>alert(1)</script><img src=x onerror=alert(2)> &lt;script&gt;alert(3)&lt;/script&gt;</p>'
        "<script>alert(4)</script><a href=\"javascript:alert(5)\">x</a><style>*{}</style>")


def _assert_inert(page: str) -> None:
    assert "<script" not in page.lower()
    tree = lxml.html.document_fromstring(page)
    assert not tree.xpath("//script|//iframe|//object|//embed|//img")
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src"):
                assert value.startswith(("#", "http://", "https://")), value


def test_html_input_renders_inert(fixture_record: Record) -> None:
    res = check_text(EVIL, record=fixture_record)
    assert res.counts["contradicted"] == 1
    page = render_html(res, EVIL)
    _assert_inert(page)
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # shown as text, escaped
    assert "Content-Security-Policy" in page


def test_markdown_input_with_markup_renders_inert(fixture_record: Record) -> None:
    text = EVIL.replace("<p", "\n<p") + '\n\n[click](javascript:alert(6)) "\' <b onclick=x>Biden and Putin met in Geneva in 2021</b>'
    res = check_text(text, record=fixture_record, content_type="markdown")
    page = render_html(res, text)
    _assert_inert(page)
    tree = lxml.html.document_fromstring(page)
    labels = tree.xpath("//label[contains(@class,'claim')]")
    assert labels and all(lbl.get("title") for lbl in labels)
    assert any("Reykjavík" in lbl.get("title") for lbl in labels)  # the correction on hover
    article_text = tree.xpath("//article")[0].text_content()
    assert "<script>alert(1)</script>" in article_text  # the original, as text


def test_rich_rendering_does_not_read_markup(fixture_record: Record) -> None:
    res = check_text("[bold red]Reagan[/] and Gorbachev met in Helsinki in 1986.", record=fixture_record, content_type="text")
    console = Console(record=True, width=100)
    console.print(render_text(res))
    out = console.export_text()
    assert "Reagan[/] and Gorbachev" in out  # printed literally, not read as markup
    assert "contradicted" in out


def test_markdown_is_shown_formatted(fixture_record: Record) -> None:
    """Headings, emphasis and links are rendered, not shown as # and ** and [](); the claims
    are highlighted over the formatted text."""
    text = ("# Summits\n\n*By a reader.* The **first** meeting of [Reagan](https://example.org/r) and Gorbachev\n"
            "was in Geneva in November 1985.\n\n- Reagan and Gorbachev met in Helsinki in October 1986.\n")
    res = check_text(text, record=fixture_record, content_type="markdown")
    page = render_html(res, text)
    tree = lxml.html.document_fromstring(page)
    article = tree.xpath("//article")[0]
    assert article.xpath(".//h1")[0].text_content() == "Summits"
    assert article.xpath(".//em") and article.xpath(".//strong")
    assert article.xpath(".//a[@href='https://example.org/r']")
    assert "**" not in article.text_content() and "](" not in article.text_content()
    helsinki = next(lbl for lbl in article.xpath(".//label") if "Helsinki" in lbl.text_content())
    assert "contradicted" in helsinki.get("class") and helsinki.getparent().tag == "li"  # inside the list item
    runs = article.xpath(f".//label[@for='{helsinki.get('for')}']")
    assert "".join(lbl.text_content() for lbl in runs) == "Reagan and Gorbachev met in Helsinki in October 1986"
    geneva = [lbl for lbl in article.xpath(".//label") if lbl.get("for") != helsinki.get("for")]
    assert any(lbl.getparent().tag == "strong" for lbl in geneva)  # a claim across **first** is marked inside it
