"""Showing a check: a Rich rendering for the terminal and a standalone HTML page.

The page shows the article with every claim highlighted by verdict; hovering shows the
verdict and correction (a ``title``), clicking opens the details (a CSS checkbox toggle), so
the page needs no script at all and forbids it with a Content-Security-Policy. Every piece of
user input reaches the page through Jinja2's autoescaping; source links are kept only
when they are http(s) URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment
from rich.console import Group
from rich.table import Table
from rich.text import Text

from summitry.checker.api import CheckResult, ClaimResult
from summitry.checker.reader import read

LABEL = {"supported": "supported", "contradicted": "contradicted", "not_in_record": "not in the record"}
STYLE = {"supported": "green", "contradicted": "bold red", "not_in_record": "yellow"}


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
        (f"{counts['contradicted']} contradicted", STYLE["contradicted"]), " · ",
        (f"{counts['not_in_record']} not in the record", STYLE["not_in_record"]),
        f"   (article date: {result.article_date or 'unknown'})",
    )
    return Group(table, summary)


@dataclass
class _Segment:
    text: str
    claim: ClaimResult | None = None
    index: int = 0


def _segments(text: str, spans: list[tuple[int, int, int, ClaimResult]]) -> list[_Segment]:
    """The text cut at claim boundaries; overlapping claims keep the earlier one."""
    out: list[_Segment] = []
    pos = 0
    for start, end, i, claim in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if start < pos or end <= start:
            continue
        if start > pos:
            out.append(_Segment(text[pos:start]))
        out.append(_Segment(text[start:end], claim, i))
        pos = end
    if pos < len(text):
        out.append(_Segment(text[pos:]))
    return out


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
article { white-space: pre-wrap; overflow-wrap: anywhere; }
.toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
.claim > label { cursor: pointer; border-radius: 3px; padding: 0 1px; }
.supported > label { background: #d9f2dc; border-bottom: 2px solid #2e7d32; }
.contradicted > label { background: #fbd9d7; border-bottom: 2px solid #c62828; }
.not_in_record > label { background: #fdf3c4; border-bottom: 2px dotted #a68b00; }
.toggle:focus-visible + label { outline: 2px solid #1565c0; }
.card { display: none; }
.toggle:checked ~ .card { display: block; white-space: normal; margin: .3rem 0 .6rem; padding: .5rem .75rem; font: 14px/1.4 system-ui, sans-serif;
        background: #f6f6f6; border-left: 4px solid #999; }
.contradicted .card { border-color: #c62828; } .supported .card { border-color: #2e7d32; } .not_in_record .card { border-color: #a68b00; }
.verdict { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
ol.claims { font: 14px/1.4 system-ui, sans-serif; }
</style>
</head>
<body>
<header>
<h1>Checked against the Summitry record</h1>
<p>{{ counts.supported }} supported · {{ counts.contradicted }} contradicted · {{ counts.not_in_record }} not in the record
· article date: {{ article_date or "unknown" }} · hover a highlight for the verdict, click it for the evidence</p>
</header>
<article>{% for seg in segments %}{% if seg.claim %}<span class="claim {{ seg.claim.verdict }}" id="claim-{{ seg.index }}"><input type="checkbox" class="toggle" id="toggle-{{ seg.index }}"><label for="toggle-{{ seg.index }}" title="{{ seg.title }}">{{ seg.text }}</label><span class="card"><span class="verdict">{{ seg.label }}</span>{% if seg.claim.correction %}<br>{{ seg.claim.correction }}{% endif %}{% if seg.claim.reason %}<br><small>{{ seg.claim.reason }}</small>{% endif %}{% if seg.claim.evidence %}<br>Evidence: {% for mid in seg.claim.evidence %}<code>{{ mid }}</code>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}{% for s in seg.sources %}<br>{% if s.url %}<a href="{{ s.url }}" rel="noopener noreferrer">{{ s.title }}</a>{% else %}{{ s.title }}{% endif %}{% endfor %}</span></span>{% else %}{{ seg.text }}{% endif %}{% endfor %}</article>
<section>
<h2>Claims</h2>
<ol class="claims">{% for c in claims %}<li><a href="#claim-{{ loop.index }}">#{{ loop.index }}</a> <span class="verdict">{{ labels[c.verdict] }}</span> — “{{ c.quote }}”{% if c.correction %}: {{ c.correction }}{% endif %}</li>{% endfor %}</ol>
</section>
</body>
</html>
"""

_ENV = Environment(autoescape=True, trim_blocks=False, lstrip_blocks=False)
_PAGE = _ENV.from_string(_TEMPLATE)


def render_html(result: CheckResult, original_text: str | None = None, *, title: str | None = None) -> str:
    """A standalone page: the article with each claim highlighted by verdict.

    Markdown and text are shown as written (claims at their original offsets); HTML input
    is shown as its clean text, never as markup.
    """
    doc = result.document
    if doc is None and original_text is not None:
        doc = read(original_text, result.content_type)
    if doc is not None and doc.content_type != "html" and (original_text is None or original_text == doc.original):
        text = doc.original
        spans = [(c.span[0], c.span[1], i, c) for i, c in enumerate(result.claims, 1)]
    elif doc is not None:
        text = doc.text
        spans = [(c.text_span[0], c.text_span[1], i, c) for i, c in enumerate(result.claims, 1)]
    else:
        text = original_text or ""
        spans = [(c.span[0], c.span[1], i, c) for i, c in enumerate(result.claims, 1)]
    segments = []
    for seg in _segments(text, spans):
        item = {"text": seg.text, "claim": seg.claim, "index": seg.index}
        if seg.claim is not None:
            item["title"] = _title(seg.claim)
            item["label"] = LABEL[seg.claim.verdict]
            item["sources"] = [{"title": s.get("title") or s.get("url") or "source", "url": _safe_url(s.get("url"))}
                               for s in seg.claim.sources]
        segments.append(item)
    return _PAGE.render(
        segments=segments, claims=result.claims, counts=result.counts, labels=LABEL,
        article_date=result.article_date.isoformat() if result.article_date else None, title=title,
    )
