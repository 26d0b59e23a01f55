"""Terminal renderings (Rich) of library data; no queries here."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

SETTING = {
    "visit": "hosted by {host}",
    "third-party": "on third-country ground ({host})",
    "multilateral": "at a multilateral event: {event}",
}


def when(m: dict) -> str:
    s, e = m["start_date"], m["end_date"]
    return s if s == e else f"{s} to {e}"


def meeting_card(m: dict) -> Panel:
    """Who, where, when, setting, format, outcomes and sources of one meeting."""
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
    lines.append(Text("Sources", style="bold"))
    for s in m.get("sources") or []:
        lines.append(Text(f"  {s['title']} <{s['url']}>"))
    if m.get("official_record_ids"):
        lines.append(Text("Official record: " + ", ".join(m["official_record_ids"])))
    return Panel(Group(*lines), title=m["id"], expand=False)
