"""Terminal renderings (Rich) of library data; no queries here."""

from __future__ import annotations

import datetime as dt

from rich.console import Group
from rich.panel import Panel
from rich.style import Style
from rich.text import Text

SETTING = {
    "visit": "hosted by {host}",
    "third-party": "on third-country ground ({host})",
    "multilateral": "at a multilateral event: {event}",
}


def when(m: dict) -> str:
    """The meeting's days; for a called-off meeting planned without a day, the month or window."""
    s, e = m["start_date"], m["end_date"]
    precision = m.get("date_precision") or "day"
    if precision == "month":
        return f"{dt.date.fromisoformat(s):%B %Y} (planned; no day was set)"
    if precision == "period":
        return f"planned within {s} to {e} (no day was set)"
    return s if s == e else f"{s} to {e}"


def meeting_card(m: dict) -> Panel:
    """Who, where, when, setting, format and outcomes of one meeting (sources: `source_lines`)."""
    who = ", ".join(f"{p['name']} ({p['office']}, {p['state']})" for p in m["participants"])
    place = ", ".join(x for x in (m.get("site"), m["city"], m.get("region"), m["venue_state"]) if x)
    setting = SETTING[m["mode"]].format(host=m.get("host_state"), event=m.get("multilateral_event"))
    lines = [
        Text.assemble(("When   ", "bold"), when(m)),
        Text.assemble(("Where  ", "bold"), place),
        Text.assemble(("Who    ", "bold"), who),
        Text.assemble(("Setting ", "bold"), f"{m['mode']}, {setting}"),
        Text.assemble(("Format ", "bold"), m["format"] + (
            "" if m.get("officials_present") is None else
            (", officials present" if m["officials_present"] else ", no officials present"))),
        Text.assemble(("Status ", "bold"), m["status"]),
    ]
    if m.get("announced_date"):
        lines.append(Text.assemble(("Announced ", "bold"), m["announced_date"]))
    if m.get("outcomes"):
        lines.append(Text.assemble(("Outcomes ", "bold"), "; ".join(m["outcomes"])))
    if m.get("notes"):
        lines.append(Text(m["notes"]))
    if m.get("official_record_ids"):
        lines.append(Text("Official record: " + ", ".join(m["official_record_ids"])))
    return Panel(Group(*lines), title=m["id"], expand=False)


def source_lines(m: dict) -> list[Text]:
    """Each source's title, then its URL on a line of its own as a terminal link. Print them
    with ``soft_wrap=True`` so that a URL wider than the terminal is never broken."""
    lines = [Text("Sources", style="bold")]
    for s in m.get("sources") or []:
        lines.append(Text(f"  {s['title']}"))
        lines.append(Text(f"    {s['url']}", style=Style(link=s["url"]), no_wrap=True, overflow="ignore"))
    return lines
