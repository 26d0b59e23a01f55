"""The reading: place one meeting in the history of all earlier meetings of the same pair.

Method choices, stated once:
- *Earlier* means held meetings of the same pair of states that started before this one
  (cancelled and collapsed meetings are listed, never counted as precedents).
- *Setting* is the PLOVER CONSULT mode, with visits split by host: "hosted by USA",
  "hosted by RUS", "third-party", "multilateral". Succession applies: the Soviet Union's
  meetings are Russia's history, and "hosted by SUN" counts as hosted by the Russian side.
- *Days into term* counts from the first day of the term covering the meeting. A U.S.
  presidency is cut at every regular inauguration day, so a re-elected president's second
  term is a term of its own (Reagan's starts on 1985-01-20, Trump's second on 2025-01-20);
  other offices count from the day the holder took office (Putin's current presidency
  from 2012-05-07).
- *Lead time* is days from the first public announcement to the first day of the meeting.
- Relations context comes from the curated relations timeline of the pair.
- *Scope*: every count covers meetings with the other side's head of state, party leader
  or head of government (`summitry meetings --counterpart any`); the report says so.

Every function returns plain data (dicts, lists, numbers, ISO dates); `report.py` renders
it and `signals.py` turns it into sentences.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

import duckdb

from summitry import query
from summitry.analysis.signals import SCOPE, ordinal, signals
from summitry.errors import InvalidQuery, NotFound, UnknownValue
from summitry.model import M, from_record
from summitry.schema import predecessors, state_name, successor

# --- pairs of states and their history -------------------------------------------------


def side_of(state: str) -> str:
    """The current state a former one belongs to for history (SUN -> RUS)."""
    return successor(state)


def setting_of(m: M) -> str:
    if m.mode == "visit":
        return f"hosted by {side_of(m.host_state or '')}"
    return m.mode


def pair_of(m: M) -> tuple[str, str]:
    """The pair of states a meeting belongs to: the first participant's side and the principal
    counterpart's (the first participant from another side; Stalin, not Churchill, at Tehran),
    the U.S. first when it takes part, else in alphabetical order."""
    sides: list[str] = []
    for p in m.participants:
        side = side_of(p["state"])
        if side not in sides:
            sides.append(side)
    if len(sides) < 2:
        raise InvalidQuery(f"meeting {m.id} is not between two states")
    a, b = sorted(sides[:2], key=lambda s: (s != "USA", s))
    return a, b


def history(con: duckdb.DuckDBPyConnection, a: str, b: str) -> list[M]:
    """Every meeting of the pair in the database, oldest first: the build has already chosen
    one origin per pair and date (curated, official or events; see `summitry.builder.origins`)."""
    out = [from_record(r) for r in query.meeting_rows(con, between=(a, b))]
    if not out:
        raise NotFound(f"no meetings between {a} and {b} in the database; pairs beyond the curated record come "
                       f"from the official record (`summitry build --official DIR`) and from event data "
                       f"(`summitry build --events STORE`)")
    return out


def load_meeting(con: duckdb.DuckDBPyConnection, meeting_id: str) -> M:
    return from_record(query.get_meeting(con, meeting_id))


def earlier(hist: list[M], m: M) -> list[M]:
    return [h for h in hist if h.status == "held" and h.start < m.start and h.id != m.id]


# --- leaders and terms -------------------------------------------------------------------


def terms_of(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every leader's terms; a U.S. presidency split into its four-year terms, numbered."""
    rows = con.execute(
        "SELECT t.leader_id, l.name, l.state, t.office, t.kind, t.start_date, t.end_date "
        "FROM terms t JOIN leaders l USING (leader_id) ORDER BY t.leader_id, t.start_date"
    ).fetchall()
    out: dict[str, list[dict]] = {}
    for lid, name, state, office, kind, start, end in rows:
        spans = presidential_terms(start, end) if state == "USA" and kind == "head_of_state" else [(start, end)]
        for s, e in spans:
            terms = out.setdefault(lid, [])
            number = 1 + sum(1 for t in terms if t["kind"] == kind)
            terms.append({"name": name, "state": state, "office": office, "kind": kind, "start": s, "end": e,
                          "number": number})
    return out


def inauguration_day(year: int) -> dt.date | None:
    """The regular U.S. inauguration day of `year`, if it has one: 4 March until 1933, then
    20 January (the Twentieth Amendment), in the year after each presidential election."""
    if year % 4 != 1:
        return None
    return dt.date(year, 3, 4) if year <= 1933 else dt.date(year, 1, 20)


def presidential_terms(start: dt.date, end: dt.date | None) -> list[tuple[dt.date, dt.date | None]]:
    """A presidency cut at each regular inauguration day inside it: one span a term. A
    president who succeeded mid-term (Truman, Johnson, Ford) has the rest of that term first."""
    last = end or dt.date.today()  # an open presidency is cut only at days already past
    cuts = [d for y in range(start.year, last.year + 1) if (d := inauguration_day(y)) and start < d < last]
    bounds = [start, *cuts]
    return [(b, (bounds[i + 1] - dt.timedelta(days=1)) if i + 1 < len(bounds) else end)
            for i, b in enumerate(bounds)]


def term_covering(terms: list[dict], day: dt.date) -> dict | None:
    covering = [t for t in terms if t["start"] <= day and (t["end"] is None or day <= t["end"])]
    rank = {"party_leader": 0, "head_of_state": 1, "head_of_government": 2}
    return min(covering, key=lambda t: rank[t["kind"]]) if covering else None


def gap(a: dt.date, b: dt.date) -> dict:
    """Whole years and remaining days from a to b ("15 years 52 days")."""
    years = b.year - a.year
    if (b.month, b.day) < (a.month, a.day):
        years -= 1
    try:
        anniversary = a.replace(year=a.year + years)
    except ValueError:  # 29 February
        anniversary = dt.date(a.year + years, 3, 1)
    days = (b - anniversary).days
    text = f"{years} year{'s' if years != 1 else ''} {days} day{'s' if days != 1 else ''}"
    return {"days": (b - a).days, "years": years, "extra_days": days, "text": text}


# --- the dimensions ----------------------------------------------------------------------


def venue(m: M, hist: list[M], periods: list[dict]) -> dict:
    """Setting of this meeting, how often each setting occurred before, and the last one like it."""
    before = earlier(hist, m)
    counts: dict[str, int] = {}
    climates: dict[str, dict[str, int]] = {}
    for h in before:
        s = setting_of(h)
        counts[s] = counts.get(s, 0) + 1
        period = period_on(periods, h.start)
        climate = period["climate"] if period else "unknown"
        climates.setdefault(s, {}).setdefault(climate, 0)
        climates[s][climate] += 1
    setting = setting_of(m)
    same = [h for h in before if setting_of(h) == setting]
    previous = same[-1] if same else None
    return {
        "mode": m.mode,
        "setting": setting,
        "host_state": m.host_state,
        "host_name": state_name(m.host_state) if m.host_state else None,
        "venue_state": m.venue_state,
        "city": m.city,
        "multilateral_event": m.multilateral_event,
        "earlier_by_setting": dict(sorted(counts.items())),
        "climate_by_setting": {k: dict(sorted(v.items())) for k, v in sorted(climates.items())},
        "earlier_total": len(before),
        "previous_same_setting": _brief(previous) if previous else None,
        "gap_since_previous_same_setting": gap(previous.start, m.start) if previous else None,
    }


def _brief(m: M) -> dict:
    """What a report cites about an earlier meeting."""
    return {"id": m.id, "date": m.start.isoformat(), "city": m.city, "venue_state": m.venue_state,
            "setting": setting_of(m), "participants": [p["name"] for p in m.participants]}


def firsts_and_lasts(m: M, hist: list[M], events: list[dict]) -> list[dict]:
    """Firsts this meeting sets, and the previous occurrence for the 'since' facts."""
    before = earlier(hist, m)
    facts: list[dict] = []
    ids = set(m.leader_ids)
    pair_before = [h for h in before if ids <= set(h.leader_ids)]
    facts.append({
        "fact": "meetings between these leaders before",
        "value": len(pair_before),
        "first": not pair_before,
        "evidence": [h.id for h in pair_before],
    })
    for p in m.participants:
        if side_of(p["state"]) == side_of(m.venue_state) or p["state"] == "USA" and m.venue_state == "USA":
            continue
        visits = [h for h in before if p["leader_id"] in h.leader_ids and h.venue_state == m.venue_state]
        facts.append({
            "fact": f"first meeting of the two sides in {state_name(m.venue_state)} for {p['name']}",
            "value": not visits,
            "first": not visits,
            "evidence": [h.id for h in visits],
        })
    in_state = [h for h in before if side_of(h.venue_state) == side_of(m.venue_state)]
    facts.append({
        "fact": f"previous meeting in {state_name(m.venue_state)}",
        "value": in_state[-1].start.isoformat() if in_state else None,
        "first": not in_state,
        "evidence": [in_state[-1].id] if in_state else [],
    })
    in_city = [h for h in before if h.city == m.city]
    facts.append({
        "fact": f"previous meeting in {m.city}",
        "value": in_city[-1].start.isoformat() if in_city else None,
        "first": not in_city,
        "evidence": [h.id for h in in_city],
    })
    warrants = [e for e in events if "arrest-warrant" in e.get("tags", []) and e["leader_id"] in ids
                and e["date"] < m.start]
    for w in warrants:
        earlier_under = [h for h in before if w["leader_id"] in h.leader_ids and h.start > w["date"]
                         and side_of(h.venue_state) == side_of(m.venue_state)]
        facts.append({
            "fact": f"first meeting in {state_name(m.venue_state)} with a participant under an arrest warrant "
                    f"({w['label']}, {w['date'].isoformat()})",
            "value": not earlier_under,
            "first": not earlier_under,
            "evidence": [w["entry_id"], *[h.id for h in earlier_under]],
        })
    return facts


def term_timing(m: M, terms: dict[str, list[dict]], hist: list[M]) -> dict:
    """Days since each participant took office; for the U.S. president, whether this is his
    first meeting with the other side in this term."""
    rows = []
    for p in m.participants:
        t = term_covering(terms.get(p["leader_id"], []), m.start)
        if t is None:
            continue
        prior_in_term = [h for h in earlier(hist, m) if p["leader_id"] in h.leader_ids and h.start >= t["start"]]
        rows.append({
            "leader_id": p["leader_id"], "name": p["name"], "state": p["state"], "office": t["office"],
            "term_start": t["start"].isoformat(), "term_number": t["number"],
            "days_into_term": (m.start - t["start"]).days, "first_meeting_of_pair_in_term": not prior_in_term,
        })
    return {"participants": rows}


def first_meetings(con: duckdb.DuckDBPyConnection, a: str = "USA", b: str = "RUS", *,
                   hist: list[M] | None = None, terms: dict[str, list[dict]] | None = None) -> list[dict]:
    """For every U.S. presidential term from Roosevelt on: the first meeting with the other
    side, days into the term and its setting (None where there was none)."""
    hist = history(con, a, b) if hist is None else hist
    held = [(h, set(h.leader_ids)) for h in hist if h.status == "held"]
    terms = terms_of(con) if terms is None else terms
    us_leaders = [(lid, t) for lid, ts in terms.items() for t in ts if t["state"] == "USA"]
    us_leaders.sort(key=lambda lt: lt[1]["start"])
    rows = []
    for lid, t in us_leaders:
        in_term = [h for h, ids in held if lid in ids and t["start"] <= h.start
                   and (t["end"] is None or h.start <= t["end"])]
        first = in_term[0] if in_term else None
        counterpart = None
        if first:
            counterpart = ", ".join(p["name"] for p in first.participants if side_of(p["state"]) == b)
        rows.append({
            "president_id": lid, "president": t["name"], "term_number": t["number"],
            "term": f"{ordinal(t['number'])} term, {t['start'].year}–{t['end'].year if t['end'] else ''}",
            "term_start": t["start"].isoformat(), "term_end": t["end"].isoformat() if t["end"] else None,
            "first_meeting": first.id if first else None,
            "date": first.start.isoformat() if first else None,
            "days_into_term": (first.start - t["start"]).days if first else None,
            "counterpart": counterpart,
            "setting": setting_of(first) if first else None,
            "meetings_in_term": len(in_term),
        })
    return rows


def preparation(m: M, hist: list[M]) -> dict:
    """Lead time from announcement, ranked among earlier meetings with a known announcement."""
    known = [h for h in earlier(hist, m) if h.announced]
    leads = sorted((h.start - h.announced).days for h in known)
    out: dict[str, Any] = {
        "announced_date": m.announced.isoformat() if m.announced else None,
        "lead_days": None, "rank_shortest": None, "compared_with": len(known),
        "median_lead_days": statistics.median(leads) if leads else None,
        "shorter_earlier": [], "known": m.announced is not None,
    }
    if m.announced:
        lead = (m.start - m.announced).days
        out["lead_days"] = lead
        out["rank_shortest"] = 1 + sum(1 for x in leads if x < lead)
        out["shorter_earlier"] = [h.id for h in known if (h.start - h.announced).days < lead]
    return out


def period_on(periods: list[dict], day: dt.date) -> dict | None:
    for p in periods:
        if p["start_date"] <= day and (p["end_date"] is None or day < p["end_date"]):
            return p
    return None


def relations_rows(con: duckdb.DuckDBPyConnection, a: str, b: str) -> tuple[list[dict], list[dict]]:
    names = [f"{x}-{y}" for x in [a, *predecessors(a)] for y in [b, *predecessors(b)]]
    names += [f"{y}-{x}" for x in [a, *predecessors(a)] for y in [b, *predecessors(b)]]
    cur = con.execute(
        "SELECT * FROM relations WHERE list_contains(?::VARCHAR[], dyad) ORDER BY coalesce(start_date, date), entry_id",
        [names],
    )
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    periods = [r for r in rows if r["kind"] == "period"]
    events = [r for r in rows if r["kind"] == "event"]
    return periods, events


def relations(m: M, hist: list[M], periods: list[dict], events: list[dict]) -> dict:
    """The relations period of the meeting and the dated events since the previous meeting."""
    period = period_on(periods, m.start)
    before = earlier(hist, m)
    since = before[-1].end if before else None  # after its last day: Vienna 1979 signed SALT II on day four
    # Events strictly before the meeting's first day: the meeting itself (often a curated event
    # of its own, as Helsinki 2018 and Anchorage 2025 are) is never its own background.
    recent = [e for e in events if e["date"] < m.start and (since is None or e["date"] > since)]
    # With nothing new since the previous meeting, the latest events before it still give the
    # background, but under their own name: they are not "since the previous meeting".
    latest = [] if recent else [e for e in events if e["date"] < m.start][-3:]
    return {
        "period": _period_out(period) if period else None,
        "previous_meeting": _brief(before[-1]) if before else None,
        "events_since_previous_meeting": [_event_out(e) for e in recent],
        "latest_events_before": [_event_out(e) for e in latest],
        "known": bool(periods),
    }


def _event_out(e: dict) -> dict:
    return {"id": e["entry_id"], "date": e["date"].isoformat(), "label": e["label"]}


def _period_out(p: dict) -> dict:
    return {"id": p["entry_id"], "label": p["label"], "climate": p["climate"],
            "start_date": p["start_date"].isoformat(), "end_date": p["end_date"].isoformat() if p["end_date"] else None}


def format_and_outcomes(m: M, hist: list[M]) -> dict:
    before = earlier(hist, m)
    same_format = [h for h in before if h.format == m.format]
    with_outcomes = [h for h in same_format if h.outcomes]
    return {
        "format": m.format,
        "officials_present": m.officials_present,
        "outcomes": m.outcomes,
        "earlier_same_format": len(same_format),
        "earlier_same_format_with_outcomes": len(with_outcomes),
        "earlier_without_officials": [h.id for h in before if h.officials_present is False],
    }


# --- the report ----------------------------------------------------------------------------


def context_report(con: duckdb.DuckDBPyConnection, meeting_id: str | None = None, *, meeting: M | None = None,
                   today: dt.date | None = None) -> dict:
    """The full reading of one meeting (from the database, or a hypothetical one)."""
    m = meeting if meeting is not None else load_meeting(con, meeting_id or "")
    a, b = pair_of(m)
    hist = [h for h in history(con, a, b) if h.id != m.id]
    hist.append(m)
    hist.sort(key=lambda h: (h.start, h.id))
    periods, events = relations_rows(con, a, b)
    terms = terms_of(con)
    report = {
        "meeting": meeting_record(m),
        "pair": [a, b],
        "scope": {"counterpart": "any", "text": SCOPE},
        "venue": venue(m, hist, periods),
        "firsts_and_lasts": firsts_and_lasts(m, hist, events),
        "term_timing": term_timing(m, terms, hist),
        "preparation": preparation(m, hist),
        "relations": relations(m, hist, periods, events),
        "format": format_and_outcomes(m, hist),
    }
    recorded = [h for h in hist if h.origin != "hypothetical"]
    report["term_timing"]["first_meetings"] = (
        first_meetings(con, a, b, hist=recorded, terms=terms) if (a, b) == ("USA", "RUS") else [])
    report["signals"] = signals(report)
    return report


def meeting_record(m: M) -> dict:
    """A meeting as `summitry meetings --format json` shows it: its database row, or for a
    hypothetical meeting the same fields."""
    if m.record is not None:
        return query.jsonable(m.record)
    return {
        "id": m.id, "start_date": m.start.isoformat(), "end_date": m.end.isoformat(), "date_precision": m.date_precision,
        "participants": m.participants, "city": m.city, "region": m.region, "site": m.site,
        "venue_state": m.venue_state, "mode": m.mode, "host_state": m.host_state,
        "multilateral_event": m.multilateral_event, "format": m.format, "status": m.status,
        "announced_date": m.announced.isoformat() if m.announced else None,
        "officials_present": m.officials_present, "outcomes": m.outcomes, "sources": m.sources,
        "official_record_ids": [], "notes": None, "latitude": None, "longitude": None, "origin": m.origin,
    }


def precedents(con: duckdb.DuckDBPyConnection, meeting_id: str) -> dict:
    """Earlier meetings in the same setting, in the same state and between the same leaders."""
    m = load_meeting(con, meeting_id)
    a, b = pair_of(m)
    before = earlier(history(con, a, b), m)
    return {
        "meeting": meeting_record(m),
        "same_setting": [_brief(h) for h in before if setting_of(h) == setting_of(m)],
        "same_venue_state": [_brief(h) for h in before if side_of(h.venue_state) == side_of(m.venue_state)],
        "same_leaders": [_brief(h) for h in before if set(m.leader_ids) <= set(h.leader_ids)],
    }


def hypothetical(
    con: duckdb.DuckDBPyConnection, *, participants: list[str], date: dt.date, city: str, host: str | None,
    announced: dt.date | None = None, event: str | None = None, venue_state: str | None = None,
    meeting_format: str = "summit", today: dt.date | None = None,
) -> M:
    """A meeting not (yet) in the database, checked like a curated one."""
    today = today or dt.date.today()
    if date > today:
        raise InvalidQuery(f"{date.isoformat()} is in the future; the reading needs a meeting that has a date "
                           "on or before today")
    if announced and announced > date:
        raise InvalidQuery(f"announcement {announced.isoformat()} is after the meeting {date.isoformat()}")
    terms = terms_of(con)
    people = []
    for lid in participants:
        if lid not in terms:
            raise UnknownValue(f"no leader with id {lid!r} (see `summitry leaders`)")
        t = term_covering(terms[lid], date)
        if t is None:
            raise InvalidQuery(f"{lid} was not in office on {date.isoformat()}")
        people.append({"leader_id": lid, "name": t["name"], "state": t["state"], "office": t["office"]})
    states = {side_of(p["state"]) for p in people}
    if host and state_name(host.upper()) is None:
        raise UnknownValue(f"unknown state code {host!r}")
    host = host.upper() if host else None
    if event:
        mode = "multilateral"
    elif host and side_of(host) in states:
        mode = "visit"
    else:
        mode = "third-party"
    if mode != "multilateral" and host is None:
        raise InvalidQuery("give --host (the state that hosts) or --event (a multilateral event)")
    return M(
        id=f"hypothetical-{date.isoformat()}-{city.lower().replace(' ', '-')}", start=date, end=date,
        participants=people, city=city, venue_state=(venue_state or host or "").upper(), mode=mode,
        host_state=host, format=meeting_format, status="held", multilateral_event=event, announced=announced,
        origin="hypothetical",
    )
