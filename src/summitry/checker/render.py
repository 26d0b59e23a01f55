"""Showing a check: a Rich rendering for the terminal and a standalone HTML page.

The page shows the article with every claim highlighted by verdict; hovering shows the
verdict and correction (a ``title``), clicking opens the details (a CSS checkbox toggle), so
the page needs no script at all and forbids it with a Content-Security-Policy. Every piece of
user input reaches the page through Jinja2's autoescaping; source links are kept only
when they are http(s) URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import Environment
from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from rich.console import Group
from rich.table import Table
from rich.text import Text

from summitry.checker.api import CheckResult, ClaimResult
from summitry.checker.reader import read

LABEL = {"supported": "supported", "mostly_supported": "mostly supported", "contradicted": "contradicted",
         "not_in_record": "not in the record"}
STYLE = {"supported": "green", "mostly_supported": "green", "contradicted": "bold red", "not_in_record": "yellow"}


def render_text(result: CheckResult) -> Group:
    """A table of claims with verdicts and corrections (user text is never read as markup)."""
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim", ratio=3)
    table.add_column("verdict", no_wrap=True)
    table.add_column("correction / evidence", ratio=3)
    for i, c in enumerate(result.claims, 1):
        detail = Text(c.correction or "")
        if c.evidence:
            if detail:
                detail.append("\n")
            detail.append("evidence: " + ", ".join(c.evidence), style="dim")
        table.add_row(str(i), Text(c.quote), Text(LABEL[c.verdict], style=STYLE[c.verdict]), detail)
    counts = result.counts
    summary = Text.assemble(
        (f"{counts['supported']} supported", STYLE["supported"]), " · ",
        *([(f"{counts['mostly_supported']} mostly supported", STYLE["mostly_supported"]), " · "]
          if counts["mostly_supported"] else []),
        (f"{counts['contradicted']} contradicted", STYLE["contradicted"]), " · ",
        (f"{counts['not_in_record']} not in the record", STYLE["not_in_record"]),
        f"   (article date: {result.article_date or 'unknown'})",
    )
    if result.notice:
        return Group(Text(result.notice, style="bold yellow"), table, summary)
    return Group(table, summary)


# --- the article as a page, claims highlighted over it ------------------------------------

#: Claim boundaries travel through the Markdown renderer as code points from Supplementary
#: Private Use Area-A, which have no meaning in Markdown or HTML: claim i opens at
#: _MARK + 2i and closes at _MARK + 2i + 1. Any such code point in the article itself is
#: replaced first (one code point for one, so offsets stay put).
_MARK = 0xF0000
_MARK_LIMIT = 0xFFFFD
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_BOUNDARY = re.compile(f"([{chr(_MARK)}-{chr(_MARK_LIMIT)}])")
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")  # raw HTML stays text; no remote images


def claim_spans(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Claims as (start, end, index) inside the text, in order. A span outside the text or empty
    is skipped; of two overlapping claims the earlier one is kept."""
    kept: list[tuple[int, int, int]] = []
    pos = 0
    for start, end, i in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or end <= start or end > len(text) or _MARK + 2 * i + 1 > _MARK_LIMIT:
            continue
        kept.append((start, end, i))
        pos = end
    return kept


def article_html(text: str, content_type: str, spans: list[tuple[int, int, int]],
                 mark: Callable[[int], tuple[str, str]], after: Callable[[int], str] | None = None) -> Markup:
    """The article as safe HTML with each claim highlighted: Markdown rendered as formatted
    text (headings, lists, links, emphasis; raw HTML in it shown as text, images not loaded),
    plain text and HTML input as their text with line breaks kept.

    `spans` are (start, end, index) character offsets into `text`. A claim may cross
    formatting (a link, a paragraph break): every run of its text is wrapped in
    ``mark(index)`` = (opening HTML, closing HTML), so the markup always nests; ``after(index)``,
    if given, is placed where the claim ends (the standalone page puts its details card there).
    """
    clean = "".join("\ufffd" if _MARK <= ord(ch) <= _MARK_LIMIT else ch for ch in text)
    pieces, pos = [], 0
    for start, end, i in claim_spans(clean, spans):
        pieces += [clean[pos:start], chr(_MARK + 2 * i), clean[start:end], chr(_MARK + 2 * i + 1)]
        pos = end
    pieces.append(clean[pos:])
    marked = "".join(pieces)
    rendered = _MARKDOWN.render(marked) if content_type == "markdown" else f'<div class="plain">{escape(marked)}</div>'
    out: list[str] = []
    active: int | None = None
    for part in _TAG_OR_TEXT.split(rendered):
        if part.startswith("<"):  # a tag: a boundary that landed in an attribute is dropped
            out.append("".join(ch for ch in part if not _MARK <= ord(ch) <= _MARK_LIMIT))
            continue
        # text between tags: runs of plain characters, cut at the boundaries of claims
        for run in _BOUNDARY.split(part):
            if len(run) == 1 and _MARK <= ord(run) <= _MARK_LIMIT:
                index, closes = divmod(ord(run) - _MARK, 2)
                active = None if closes else index
                if closes and after is not None:
                    out.append(after(index))
            elif active is None or run.isspace():  # white space between blocks is never marked
                out.append(run)
            else:
                opening, closing = mark(active)
                out.append(opening + run + closing)
    return Markup("".join(out))


def _title(c: ClaimResult) -> str:
    parts = [LABEL[c.verdict]]
    if c.correction:
        parts.append(c.correction)
    if c.evidence:
        parts.append("evidence: " + ", ".join(c.evidence))
    return " — ".join(parts)


def _safe_url(url: object) -> str | None:
    u = str(url or "")
    return u if u.lower().startswith(("https://", "http://")) else None


_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Summitry check{% if title %}: {{ title }}{% endif %}</title>
<style>
body { font: 16px/1.55 Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
header p { font-family: system-ui, sans-serif; font-size: .9rem; color: #555; }
article { overflow-wrap: anywhere; }
article.plain, article .plain { white-space: pre-wrap; }
.toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
label.claim { cursor: pointer; border-radius: 3px; padding: 0 1px; }
label.supported { background: #d9f2dc; border-bottom: 2px solid #2e7d32; }
label.contradicted { background: #fbd9d7; border-bottom: 2px solid #c62828; }
label.not_in_record { background: #fdf3c4; border-bottom: 2px dotted #a68b00; }
label.mostly_supported { background: #e8f5e9; border-bottom: 2px dashed #2e7d32; }
.toggle:focus-visible + .card { outline: 2px solid #1565c0; }
.card { display: none; }
.toggle:checked ~ .card { display: block; white-space: normal; margin: .3rem 0 .6rem; padding: .5rem .75rem; font: 14px/1.4 system-ui, sans-serif;
        background: #f6f6f6; border-left: 4px solid #999; }
.card.contradicted { border-color: #c62828; } .card.supported { border-color: #2e7d32; } .card.not_in_record { border-color: #a68b00; }
.verdict { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
ol.claims { font: 14px/1.4 system-ui, sans-serif; }
</style>
</head>
<body>
<header>
<h1>Checked against the Summitry record</h1>
<p>{{ counts.supported }} supported{% if counts.mostly_supported %} · {{ counts.mostly_supported }} mostly supported{% endif %} · {{ counts.contradicted }} contradicted · {{ counts.not_in_record }} not in the record
· article date: {{ article_date or "unknown" }} · hover a highlight for the verdict, click it for the evidence</p>
{% if notice %}<p class="notice"><strong>{{ notice }}</strong></p>{% endif %}
</header>
<article{% if plain %} class="plain"{% endif %}>{{ article }}</article>
<section>
<h2>Claims</h2>
<ol class="claims">{% for c in claims %}<li><a href="#claim-{{ loop.index }}">#{{ loop.index }}</a> <span class="verdict">{{ labels[c.verdict] }}</span> — “{{ c.quote }}”{% if c.correction %}: {{ c.correction }}{% endif %}</li>{% endfor %}</ol>
</section>
</body>
</html>
"""

_ENV = Environment(autoescape=True, trim_blocks=False, lstrip_blocks=False)
_PAGE = _ENV.from_string(_TEMPLATE)
#: A claim's details, opened by clicking any of its highlighted runs (a CSS checkbox toggle).
_CARD = _ENV.from_string(
    '<input type="checkbox" class="toggle" id="toggle-{{ i }}"><span class="card {{ c.verdict }}">'
    '<span class="verdict">{{ label }}</span>{% if c.correction %}<br>{{ c.correction }}{% endif %}'
    '{% if c.reason %}<br><small>{{ c.reason }}</small>{% endif %}'
    '{% if c.evidence %}<br>Evidence: {% for mid in c.evidence %}<code>{{ mid }}</code>{% if not loop.last %}, '
    '{% endif %}{% endfor %}{% endif %}{% for s in sources %}<br>{% if s.url %}<a href="{{ s.url }}" '
    'rel="noopener noreferrer">{{ s.title }}</a>{% else %}{{ s.title }}{% endif %}{% endfor %}</span>')


def render_html(result: CheckResult, original_text: str | None = None, *, title: str | None = None) -> str:
    """A standalone page: the article with each claim highlighted by verdict.

    Markdown is shown formatted, plain text as written (claims at their original offsets);
    HTML input is shown as its clean text, never as markup.
    """
    doc = result.document
    if doc is None and original_text is not None:
        doc = read(original_text, result.content_type)
    if doc is not None and doc.content_type != "html" and (original_text is None or original_text == doc.original):
        text, kind = doc.original, doc.content_type
        spans = [(c.span[0], c.span[1], i) for i, c in enumerate(result.claims, 1)]
    elif doc is not None:
        text, kind = doc.text, "text"
        spans = [(c.text_span[0], c.text_span[1], i) for i, c in enumerate(result.claims, 1)]
    else:
        text, kind = original_text or "", "text"
        spans = [(c.span[0], c.span[1], i) for i, c in enumerate(result.claims, 1)]
    claims = dict(enumerate(result.claims, 1))
    started: set[int] = set()

    def mark(i: int) -> tuple[str, str]:
        anchor = "" if i in started else f' id="claim-{i}"'
        started.add(i)
        return (f'<label for="toggle-{i}" class="claim {escape(claims[i].verdict)}"{anchor} '
                f'title="{escape(_title(claims[i]))}">', "</label>")

    def card(i: int) -> str:
        return _CARD.render(i=i, c=claims[i], label=LABEL[claims[i].verdict], sources=[
            {"title": s.get("title") or s.get("url") or "source", "url": _safe_url(s.get("url"))}
            for s in claims[i].sources])

    return _PAGE.render(
        article=article_html(text, kind, spans, mark, card), plain=kind != "markdown",
        claims=result.claims, counts=result.counts, labels=LABEL, notice=result.notice,
        article_date=result.article_date.isoformat() if result.article_date else None, title=title,
    )
