"""Reading: clean text, offsets into the original, sentences, limits."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.checker import reader
from summitry.checker.errors import CheckerInputError, InputTooLarge, NotText
from summitry.errors import SummitryError


def spans_of(doc: reader.Document, needle: str) -> tuple[int, int]:
    i = doc.text.index(needle)
    return doc.orig_span(i, i + len(needle))


def test_markdown_strips_markup_and_maps_back() -> None:
    src = "# Title\n\nWhen **George W. Bush** and Putin met in [Slovenia](https://example.org/x) in 2001.\n"
    doc = reader.read(src, "markdown")
    assert "Slovenia in 2001" in doc.text
    assert "**" not in doc.text and "](" not in doc.text and "#" not in doc.text
    a, b = spans_of(doc, "Slovenia")
    assert src[a:b] == "Slovenia"
    a, b = spans_of(doc, "George W. Bush")
    assert src[a:b] == "George W. Bush"
    a, b = spans_of(doc, "Bush and Putin")  # crosses the removed "**"
    assert src[a:b] == "Bush** and Putin"


def test_markdown_lists_headings_entities() -> None:
    src = "Intro line\n- first item\n- second &amp; third\n\n## Head\nBody text"
    doc = reader.read(src, "markdown")
    assert doc.text.split("\n") == ["Intro line", "first item", "second & third", "Head", "Body text"]
    a, b = spans_of(doc, "&")
    assert src[a:b] == "&amp;"


def test_soft_wrapped_paragraph_break_joins() -> None:
    doc = reader.read("new presidents to\n\nmeet early in their terms.", "markdown")
    assert doc.text == "new presidents to meet early in their terms."


def test_html_maps_back_and_drops_script_and_style() -> None:
    src = ("<html><head><style>p{color:red}</style><script>var Reagan='Gorbachev';</script></head>"
           "<body><p>Reagan &amp; Gorbachev met in <b>Reykjav&iacute;k</b> in 1986.</p>"
           "<!-- Helsinki --><p>Second&nbsp;paragraph.</p></body></html>")
    doc = reader.read(src)
    assert doc.content_type == "html"
    assert doc.text == "Reagan & Gorbachev met in Reykjavík in 1986.\nSecond paragraph."
    assert "var" not in doc.text and "color" not in doc.text and "Helsinki" not in doc.text
    a, b = spans_of(doc, "Reagan")
    assert src[a:b] == "Reagan"
    a, b = spans_of(doc, "Reykjavík")
    assert src[a:b] == "Reykjav&iacute;k"
    a, b = spans_of(doc, "met in Reykjavík in 1986")
    assert src[a:b] == "met in <b>Reykjav&iacute;k</b> in 1986"


def test_html_attributes_with_brackets() -> None:
    src = '<p title="a > b">Biden <a href="/x?a=1&b=2" data-x=\'<\'>and</a> Putin</p>'
    doc = reader.read(src, "html")
    assert doc.text == "Biden and Putin"
    a, b = spans_of(doc, "Putin")
    assert src[a:b] == "Putin"


def test_plain_text_keeps_markup_characters() -> None:
    doc = reader.read("snake_case and *stars* stay", "text")
    assert doc.text == "snake_case and *stars* stay"


def test_detect() -> None:
    assert reader.detect("<!doctype html><p>x</p>") == "html"
    assert reader.detect("# Heading\n\ntext") == "markdown"
    assert reader.detect("just words") == "text"
    assert reader.detect("anything", "a.HTM") == "html"


def test_sentences_survive_abbreviations() -> None:
    text = ("Gen. Smith met Mr. Jones on Aug. 8 in the U.S. capital. George H. W. Bush hosted him. "
            "He said \"It was an honor.\" Then the U.S. team left. Was it? Yes.\nA list item\nAnother")
    got = [text[a:b] for a, b in reader.sentences(text)]
    assert got == [
        "Gen. Smith met Mr. Jones on Aug. 8 in the U.S. capital.",
        "George H. W. Bush hosted him.",
        "He said \"It was an honor.\"",
        "Then the U.S. team left.",
        "Was it?",
        "Yes.",
        "A list item",
        "Another",
    ]


def test_acronym_then_sentence_starter() -> None:
    got = [s for s in reader.sentences("They met in the U.S. The talks went well.")]
    assert len(got) == 2


def test_empty_and_whitespace() -> None:
    for kind in ("auto", "markdown", "text", "html"):
        doc = reader.read("  \n\n ", kind)
        assert doc.text == ""
        assert reader.sentences(doc.text) == []
    assert reader.read("", "html").text == ""
    assert reader.read("<!-- only a comment -->", "html").text.strip() in ("", "<!-- only a comment -->")


def test_binary_and_undecodable() -> None:
    with pytest.raises(NotText, match="NUL"):
        reader.read_bytes(b"\x7fELF\x00\x00\x01")
    with pytest.raises(NotText, match="not UTF-8"):
        reader.read_bytes(b"caf\xe9 au lait")
    with pytest.raises(NotText):
        reader.read("text with a \x00 inside")
    assert reader.read_bytes("Reagan".encode("utf-16")).text == "Reagan"
    assert issubclass(NotText, SummitryError)


def test_size_limit_is_fast() -> None:
    big = "Reagan met Gorbachev in Geneva. " * (20 * 1024 * 1024 // 32 + 1)  # > 20 MB
    t = time.perf_counter()
    with pytest.raises(InputTooLarge, match="at most"):
        reader.read(big)
    with pytest.raises(InputTooLarge):
        reader.read_bytes(big.encode())
    assert time.perf_counter() - t < 1.0
    # just under the limit in characters but over it in UTF-8 bytes
    with pytest.raises(InputTooLarge):
        reader.read("й" * (reader.MAX_BYTES // 2 + 10))


ALPHABET = st.sampled_from(list(
    "abcXYZ 019.,;:!?'\"-–—()[]*_#>`&<>/=\n\t\r" "ÅéíßŁ" "Привет" "مرحبا" "שלום" "中文" "\u200d\u200c\u200b\u200e\u200f\u202e"
    "\ufeff\U0001f600\ud800\x0b\x7f"
))
TEXTS = st.one_of(
    st.text(ALPHABET, max_size=400),
    st.text(max_size=200),
    st.lists(st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<script>", "</script>", "&amp;", "&#x41;", "&bogus;",
                              "<!--", "-->", "[link](x)", "**", "\n\n", "- ", "Reagan", " met ", "Гор", "\u200f"]),
             max_size=60).map("".join),
)


@settings(max_examples=300, deadline=2000)
@given(TEXTS, st.sampled_from(["auto", "markdown", "text", "html"]))
def test_reader_never_raises_and_spans_stay_in_bounds(text: str, kind: str) -> None:
    try:
        doc = reader.read(text, kind)
    except CheckerInputError:
        assert "\x00" in text
        return
    n = len(text)
    last = 0
    for i, ch in enumerate(doc.text):
        a, b = doc.orig_start(i), doc.orig_end(i)
        assert 0 <= a <= b <= n
        assert a >= last or ch.isspace()  # the map is monotonic
        if not ch.isspace():
            last = a
            src = text[a:b]
            assert src == ch or src.startswith("&") or ch == "\ufffd" or (kind != "text" and src[:1] in "&"), (i, ch, src)
        s, e = doc.orig_span(0, i + 1)
        assert 0 <= s <= e <= n
    for s, e in reader.sentences(doc.text):
        assert 0 <= s < e <= len(doc.text)


@settings(max_examples=100, deadline=2000)
@given(st.text(ALPHABET, max_size=300))
def test_plain_text_maps_every_character(text: str) -> None:
    try:
        doc = reader.read(text, "text")
    except CheckerInputError:
        return
    for i, ch in enumerate(doc.text):
        if not ch.isspace() and ch != "\ufffd":
            assert text[doc.orig_start(i)] == ch


def test_odd_whitespace_pattern_matches_its_plain_definition() -> None:
    """`reader._ODD_WS` is written for speed; it must find exactly what r"\\s{2,}|[^\\S ]" finds."""
    plain = re.compile(r"\s{2,}|[^\S ]")
    for n in range(7):
        for chars in itertools.product(" \t\n\xa0a", repeat=n):
            s = "".join(chars)
            assert [m.span() for m in reader._ODD_WS.finditer(s)] == [m.span() for m in plain.finditer(s)], repr(s)
