"""article_html: the article with claims marked, whatever formatting the claims cross."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.checker.render import article_html

VOID = {"br", "hr", "input", "img", "meta", "link"}


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # <hr />, <br />: nothing to close
        pass

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def well_nested(html: str) -> bool:
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    return not parser.errors and not parser.stack


def mark(i: int) -> tuple[str, str]:
    return f'<mark data-i="{i}">', "</mark>"


def marked_text(html: str, i: int) -> str:
    out, pos = [], 0
    opening = f'<mark data-i="{i}">'
    while (start := html.find(opening, pos)) >= 0:
        end = html.index("</mark>", start)
        out.append(html[start + len(opening):end])
        pos = end
    return "".join(out)


def test_a_claim_across_a_link_and_emphasis_nests() -> None:
    text = "The **first** meeting of [Reagan](https://example.org) and Gorbachev was in Geneva."
    start = text.index("first")
    html = article_html(text, "markdown", [(start, len(text) - 1, 0)], mark, lambda i: f"<sup>{i}</sup>")
    assert well_nested(html)
    assert "<strong>" in html and '<a href="https://example.org">' in html
    assert marked_text(html, 0) == "first meeting of Reagan and Gorbachev was in Geneva"
    assert html.count("<sup>0</sup>") == 1 and html.index("<sup>0</sup>") > html.index("Geneva")


def test_a_claim_across_paragraphs_is_marked_in_each() -> None:
    text = "Reagan and Gorbachev\n\nmet in Geneva."
    html = article_html(text, "markdown", [(0, len(text) - 1, 0)], mark)
    assert well_nested(html) and html.count("<mark") == 2


def test_input_html_and_script_links_stay_inert() -> None:
    text = '<script>alert(1)</script> [x](javascript:alert(2)) ![i](https://example.org/i.png) <b onclick="y">b</b>'
    html = article_html(text, "markdown", [], mark)
    assert "<script" not in html and "<b " not in html and "<img" not in html
    assert "javascript:" not in html.split('href="', 1)[-1].split('"')[0]
    assert "&lt;script&gt;" in html


def test_plain_text_keeps_its_line_breaks_and_is_escaped() -> None:
    text = "# not a heading\n<i>x</i> Reagan met Gorbachev."
    html = article_html(text, "text", [(text.index("Reagan"), len(text) - 1, 3)], mark)
    assert html.startswith('<div class="plain"># not a heading\n&lt;i&gt;')
    assert marked_text(html, 3) == "Reagan met Gorbachev"


def test_private_use_characters_in_the_article_cannot_forge_marks() -> None:
    forged = chr(0xF0000 + 2 * 5) + "fake" + chr(0xF0000 + 2 * 5 + 1)
    html = article_html(f"Reagan {forged} met.", "markdown", [(0, 6, 0)], mark)
    assert 'data-i="5"' not in html and marked_text(html, 0) == "Reagan"


def test_overlapping_and_malformed_spans_are_skipped() -> None:
    text = "Reagan met Gorbachev in Reykjavik in 1986."
    html = article_html(text, "text", [(24, 33, 0), (0, 6, 1), (25, 30, 2), (40, 10, 3), (-5, 3, 4)], mark)
    assert marked_text(html, 0) == "Reykjavik" and marked_text(html, 1) == "Reagan"
    assert 'data-i="2"' not in html and 'data-i="3"' not in html


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"ab *_[]()#>-\n`<&.1", "https://x.org", "**", "\n\n"]), max_size=40).map("".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
def test_any_markdown_and_spans_give_well_nested_html(text: str, raw_spans: list[tuple[int, int]]) -> None:
    spans = [(a, b, i) for i, (a, b) in enumerate(raw_spans)]
    html = article_html(text, "markdown", spans, mark, lambda i: "<sup>n</sup>")
    assert well_nested(html), html
