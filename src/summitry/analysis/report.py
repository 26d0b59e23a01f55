"""Render a context report (plain data from `context.py`) as text, Markdown, JSON or HTML."""

from __future__ import annotations

import io
import json

from jinja2 import Environment, select_autoescape
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

FORMATS = ("text", "md", "json", "html")


def _who(report: dict) -> str:
    return " – ".join(p["name"] for p in report["meeting"]["participants"])


def _title(report: dict) -> str:
    m = report["meeting"]
    return f"{_who(report)}, {m['city']}, {m['start_date']}"


def to_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def to_markdown(report: dict) -> str:
    m = report["meeting"]
    lines = [f"# {_title(report)}", "", f"Meeting `{m['id']}` — setting: **{report['venue']['setting']}**, "
             f"format: {m['format']}, status: {m['status']}.", "", "## Signals", ""]
    lines += [f"- **{s['dimension']}**: {s['sentence']}" for s in report["signals"]]
    timing = report["term_timing"].get("first_meetings") or []
    if timing:
        lines += ["", "## First meetings of each U.S. presidential term", "",
                  "| President | Term | First meeting | Days into this term | Setting |", "| --- | --- | --- | --- | --- |"]
        for row in timing:
            lines.append(f"| {row['president']} | {row['term']} | {row['first_meeting'] or 'none'} "
                         f"| {'' if row['days_into_term'] is None else row['days_into_term']} | {row['setting'] or ''} |")
    lines += ["", "## Sources", ""] + [f"- [{s['title']}]({s['url']})" for s in m.get("sources") or []]
    return "\n".join(lines) + "\n"


def to_rich(report: dict) -> Group:
    items: list = [Text(_title(report), style="bold")]
    for s in report["signals"]:
        items.append(Text.assemble((f"{s['dimension']}: ", "bold cyan"), s["sentence"]))
    timing = report["term_timing"].get("first_meetings") or []
    if timing:
        table = Table(title="First meeting in each U.S. presidential term")
        for col in ("President", "Term", "First meeting", "Days into this term", "Setting"):
            table.add_column(col)
        for row in timing:
            table.add_row(row["president"], row["term"], row["first_meeting"] or "none",
                          "" if row["days_into_term"] is None else str(row["days_into_term"]), row["setting"] or "")
        items.append(table)
    return Group(Panel(Group(*items[:-1] if timing else items), title=report["meeting"]["id"]),
                 *([items[-1]] if timing else []))


def to_text(report: dict) -> str:
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(to_rich(report))
    return console.export_text()


_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_HTML = _env.from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} — Summitry context</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem}dt{font-weight:bold}</style>
</head><body>
<h1>{{ title }}</h1>
<p>Meeting <code>{{ m.id }}</code>: setting <strong>{{ r.venue.setting }}</strong>, format {{ m.format }},
status {{ m.status }}.</p>
<h2>Signals</h2>
<dl>{% for s in r.signals %}<dt>{{ s.dimension }}</dt><dd>{{ s.sentence }}
{% if s.evidence %}<br><small>Evidence: {{ s.evidence | join(", ") }}</small>{% endif %}</dd>{% endfor %}</dl>
{% if r.term_timing.first_meetings %}
<h2>First meeting in each U.S. presidential term</h2>
<table><thead><tr><th>President</th><th>Term</th><th>First meeting</th><th>Days into this term</th><th>Setting</th></tr></thead>
<tbody>{% for row in r.term_timing.first_meetings %}<tr><td>{{ row.president }}</td><td>{{ row.term }}</td>
<td>{{ row.first_meeting or "none" }}</td><td>{{ row.days_into_term if row.days_into_term is not none else "" }}</td>
<td>{{ row.setting or "" }}</td></tr>{% endfor %}</tbody></table>{% endif %}
<h2>Sources</h2><ul>{% for s in m.sources %}<li><a href="{{ s.url }}">{{ s.title }}</a></li>{% endfor %}</ul>
</body></html>
""")


def to_html(report: dict) -> str:
    return _HTML.render(r=report, m=report["meeting"], title=_title(report))


def render(report: dict, fmt: str) -> str:
    if fmt == "json":
        return to_json(report) + "\n"
    if fmt == "md":
        return to_markdown(report)
    if fmt == "html":
        return to_html(report)
    if fmt == "text":
        return to_text(report)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
