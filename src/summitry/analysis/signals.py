"""Rules that turn a context report into short, plain sentences.

Each rule reads the report (plain data from `context.py`), states its threshold or
comparison in its docstring and in the constants below, and returns at most one signal:
``{"dimension", "sentence", "evidence"}``. Disagree with a rule? Change it here.
"""

from __future__ import annotations

from collections.abc import Callable

from summitry.schema import state_name

#: Which meetings every count in the reading covers, in words (`query.COUNTERPARTS`: any).
SCOPE = "heads of government counted with heads of state and party leaders"


def ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth"}.get(n, f"{n}th")


#: Lead time at or below this share of the earlier median reads as "unusually short".
SHORT_LEAD_SHARE = 0.5
#: A first meeting later than this many days into the U.S. president's term reads as "late".
LATE_FIRST_MEETING_DAYS = 365

Signal = dict
Rule = Callable[[dict], Signal | None]


def _name(code: str | None) -> str:
    if code == "USA":
        return "the United States"
    return (state_name(code) or code or "?") if code else "?"


def venue_signal(r: dict) -> Signal | None:
    """Setting and the last meeting in the same setting, with the gap between them."""
    v = r["venue"]
    prev, g = v["previous_same_setting"], v["gap_since_previous_same_setting"]
    setting = v["setting"]
    if setting.startswith("hosted by"):
        what = f"a bilateral meeting hosted by {_name(v['host_state'])} outside a multilateral event"
    elif setting == "third-party":
        what = f"a meeting on third-country ground ({_name(v['host_state'])})"
    else:
        what = f"a meeting at a multilateral event ({v['multilateral_event']})"
    n = v["earlier_by_setting"].get(setting, 0)
    if prev is None:
        sentence = (f"This is the first {what.removeprefix('a ')} between the two sides "
                    f"({v['earlier_total']} earlier meetings, {SCOPE}).")
        return {"dimension": "venue", "sentence": sentence, "evidence": []}
    sentence = (f"It is {what}; the previous one was on {prev['date']} in {prev['city']} "
                f"({', '.join(prev['participants'])}), {g['text']} earlier. "
                f"{n} of {v['earlier_total']} earlier meetings ({SCOPE}) had this setting.")
    return {"dimension": "venue", "sentence": sentence, "evidence": [prev["id"], f"gap {g['days']} days"]}


def climate_signal(r: dict) -> Signal | None:
    """What climate earlier meetings in this setting fell in (the most common one)."""
    v = r["venue"]
    climates = {k: n for k, n in (v["climate_by_setting"].get(v["setting"]) or {}).items() if k != "unknown"}
    if not climates:
        return None
    total = sum(climates.values())
    count = max(climates.values())
    tops = sorted(k for k, n in climates.items() if n == count)
    if len(tops) > 1:
        sentence = (f"Earlier meetings in this setting fell equally often in periods of {' and of '.join(tops)} "
                    f"({count} of {total} each).")
    else:
        sentence = (f"Earlier meetings in this setting {how_often(count, total)} fell in periods of {tops[0]} "
                    f"({count} of {total}).")
    return {"dimension": "venue", "sentence": sentence, "evidence": [f"{k}: {n}" for k, n in climates.items()]}


def how_often(count: int, total: int) -> str:
    """The word for the largest of several shares: "mostly" only for a majority (more than
    half); a largest share that is only a plurality (10 of 21) is "most often"."""
    return "mostly" if 2 * count > total else "most often"


def firsts_signal(r: dict) -> Signal | None:
    """Firsts: the first meeting in this state for a long time, first visits, warrants."""
    firsts = [f for f in r["firsts_and_lasts"] if f["first"] and not f["fact"].startswith("previous meeting in")
              and not f["fact"].startswith("meetings between")]
    if not firsts:
        return None
    sentence = "Firsts: " + "; ".join(f["fact"] for f in firsts) + "."
    return {"dimension": "firsts_and_lasts", "sentence": sentence,
            "evidence": [e for f in firsts for e in f["evidence"]]}


def timing_signal(r: dict) -> Signal | None:
    """Days into the U.S. president's term, against the median of every president's first meeting."""
    us = next((p for p in r["term_timing"]["participants"] if p["state"] == "USA"), None)
    if us is None:
        return None
    day = r["meeting"]["start_date"]
    firsts = [row["days_into_term"] for row in r["term_timing"].get("first_meetings", [])
              if row["days_into_term"] is not None and row["date"] < day]
    first = "his first meeting with the other side in this term" if us["first_meeting_of_pair_in_term"] \
        else "not his first meeting with the other side in this term"
    term = f"his {ordinal(us['term_number'])} term" if us.get("term_number") else "his term"
    sentence = f"{us['name']} met {us['days_into_term']} days into {term}, begun {us['term_start']} ({first})."
    evidence = [f"{us['days_into_term']} days"]
    if firsts and us["first_meeting_of_pair_in_term"]:
        firsts.sort()
        median = firsts[len(firsts) // 2] if len(firsts) % 2 else (firsts[len(firsts) // 2 - 1] + firsts[len(firsts) // 2]) / 2
        earlier_than = sum(1 for d in firsts if d > us["days_into_term"])
        sentence += (f" The median first meeting of earlier presidential terms came {median:g} days in; "
                     f"{earlier_than} of {len(firsts)} came later than this one.")
        evidence.append(f"median {median:g} days")
        if us["days_into_term"] > LATE_FIRST_MEETING_DAYS:
            sentence += f" That is more than {LATE_FIRST_MEETING_DAYS} days: late by historical standards."
    return {"dimension": "term_timing", "sentence": sentence, "evidence": evidence}


def preparation_signal(r: dict) -> Signal | None:
    """Lead time from announcement, ranked against earlier meetings with a known announcement."""
    p = r["preparation"]
    if not p["known"]:
        return {"dimension": "preparation", "sentence": "No announcement date is recorded, so the lead time "
                "cannot be compared.", "evidence": []}
    sentence = (f"Announced {p['lead_days']} days ahead (on {p['announced_date']}); "
                f"rank {p['rank_shortest']} (1 = shortest) among {p['compared_with'] + 1} meetings with a known "
                f"announcement date")
    if p["median_lead_days"] is not None:
        sentence += f", where the earlier median is {p['median_lead_days']:g} days"
        if p["lead_days"] <= SHORT_LEAD_SHARE * p["median_lead_days"]:
            sentence += f"; at most {SHORT_LEAD_SHARE:.0%} of that median, an unusually short preparation"
    return {"dimension": "preparation", "sentence": sentence + ".",
            "evidence": [f"{p['lead_days']} days", *p["shorter_earlier"]]}


def relations_signal(r: dict) -> Signal | None:
    """The relations period and the events since the previous meeting."""
    rel = r["relations"]
    if not rel["known"]:
        return {"dimension": "relations", "sentence": "No relations timeline is curated for this pair.",
                "evidence": []}
    period = rel["period"]
    parts = []
    if period:
        parts.append(f"Held during '{period['label']}' (climate: {period['climate']}, since {period['start_date']})")
    events = rel["events_since_previous_meeting"]
    if events:
        labels = "; ".join(f"{e['label']} ({e['date']})" for e in events)
        parts.append(f"events since the previous meeting: {labels}")
    elif rel.get("latest_events_before"):
        events = rel["latest_events_before"]
        labels = "; ".join(f"{e['label']} ({e['date']})" for e in events)
        prefix = "no curated event since the previous meeting; " if rel["previous_meeting"] else ""
        parts.append(f"{prefix}the latest before it: {labels}")
    if not parts:
        return None
    return {"dimension": "relations", "sentence": ", ".join(parts) + ".",
            "evidence": ([period["id"]] if period else []) + [e["id"] for e in events]}


def format_signal(r: dict) -> Signal | None:
    """Format, officials and outcomes against earlier meetings of the same format."""
    f = r["format"]
    outcome = "; ".join(f["outcomes"]) if f["outcomes"] else "no agreement or joint statement recorded"
    sentence = f"Format: {f['format']}"
    if f["officials_present"] is False:
        sentence += ", without officials present"
    sentence += f"; {outcome}."
    if f["earlier_same_format"]:
        sentence += (f" {f['earlier_same_format_with_outcomes']} of {f['earlier_same_format']} earlier meetings "
                     f"of this format recorded an agreement or joint statement.")
    return {"dimension": "format", "sentence": sentence, "evidence": []}


RULES: list[Rule] = [venue_signal, climate_signal, firsts_signal, timing_signal, preparation_signal,
                     relations_signal, format_signal]


def signals(report: dict) -> list[Signal]:
    return [s for rule in RULES if (s := rule(report)) is not None]
