"""Checking a claim against the curated record.

"contradicted" needs a meeting that fits the rest of the claim (the same leaders and
time, or the same leaders and place) and differs on something the article states (place,
year, host, setting, event), or a superlative ("first", "last") that the record makes
false. Everything else the record cannot confirm is "not in the record": a wrong
"contradicted" does more harm than a missed one, so unknowns never count against a
claim. Place comparison knows levels: a country is compared with the venue's state, a
region with the venue's region, a city or site with the venue's city, site and region,
and a city in the same country within 150 km counts as the same place (Camp David for a
Washington summit).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from summitry.checker.claims import Claim, PlaceClaim
from summitry.checker.dates import TimeSpec
from summitry.checker.record import Meeting, Record, same_state, side
from summitry.checker.spelling import fold
from summitry.schema import state_name

SUPPORTED, CONTRADICTED, NOT_IN_RECORD = "supported", "contradicted", "not_in_record"
NEAR_KM = 150.0
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@dataclass
class Verdict:
    verdict: str
    correction: str | None = None
    evidence: list[str] = field(default_factory=list)
    reason: str = ""


# --- formatting ------------------------------------------------------------------------


def country(code: str | None) -> str:
    if code == "USA":
        return "the United States"
    return state_name(code or "") or (code or "?")


def when(m: Meeting) -> str:
    """'11–12 October 1986', '31 May – 3 June 1990', '16 June 2021'."""
    s, e = m.start, m.end
    if s == e:
        return f"{s.day} {MONTH_NAMES[s.month - 1]} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {MONTH_NAMES[s.month - 1]} {s.year}"
    if s.year == e.year:
        return f"{s.day} {MONTH_NAMES[s.month - 1]} – {e.day} {MONTH_NAMES[e.month - 1]} {s.year}"
    return f"{s.day} {MONTH_NAMES[s.month - 1]} {s.year} – {e.day} {MONTH_NAMES[e.month - 1]} {e.year}"


def where(m: Meeting) -> str:
    """'Reykjavík, Iceland', 'Crawford, Texas'."""
    if m.venue_state == "USA" and m.region and m.region != m.city:
        return f"{m.city}, {m.region}"
    name = state_name(m.venue_state) or m.venue_state
    return f"{m.city}, {name}"


def pair(m: Meeting, record: Record) -> str:
    names = []
    for pid in m.participants:
        leader = record.leaders.get(pid)
        if leader is not None and side(leader.state) is not None:
            names.append(leader.surname)
    return "–".join(names[:2]) if names else "leaders'"


def _noun(claim: Claim, m: Meeting) -> str:
    """The article's word for the meeting, else the record's format."""
    if claim.noun in ("summit", "meeting", "visit"):
        return claim.noun
    return "summit" if m.format == "summit" else "meeting"


def _claimed_place(claim: Claim) -> str:
    return " / ".join(p.text for p in claim.places if not p.qualifier)


# --- attribute checks -------------------------------------------------------------------


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> tuple[str, re.Pattern[str]]:
    """A place name folded, and as a whole-word pattern over folded text: made once per name."""
    folded = fold(name.lower())
    return folded, re.compile(r"(?<![\w])" + re.escape(folded) + r"(?![\w])")


def _mentions(hay: str, name: str) -> bool:
    folded, pattern = _name_pattern(name)
    return folded in hay and pattern.search(hay) is not None  # most meetings lack the name altogether


def place_fits(pc: PlaceClaim, m: Meeting, strict: bool = True) -> bool | None:
    """True, False, or None when the record cannot tell. Without `strict` (a leader's
    "visit to X", which may be a side trip) another city in the same country is unknown,
    not wrong."""
    p = pc.place
    if p.level == "country":
        return same_state(p.state, m.venue_state)
    if _mentions(m.place_names(with_notes=False), p.name):
        return True
    if not same_state(p.state, m.venue_state):
        return False
    if p.level == "region" and m.region:
        return fold(m.region.lower()) == fold(p.name.lower())
    if _mentions(m.place_names(with_notes=True), p.name):
        return True
    far = p.level != "region" and None not in (p.lat, p.lon, m.lat, m.lon) and _km(
        (p.lat, p.lon), (m.lat, m.lon)) > NEAR_KM  # type: ignore[arg-type]
    if far:
        return False if strict else None
    return None  # a nearby place the record does not name: cannot tell


def time_fits(claim: Claim, m: Meeting) -> bool:
    if claim.time is None:
        return True
    if claim.each_year:
        return m.start.year in claim.each_year or m.end.year in claim.each_year
    return claim.time.overlaps(m.start, m.end)


#: How far a visit's stated days may run past the meeting's: arriving the day before, leaving after.
VISIT_PAD_DAYS = 2


def days_fit(claim: Claim, m: Meeting) -> bool:
    """A claim's stated days lie within the meeting's days. Only days given exactly are held
    to this ("Oct. 11-14, 1986" for an 11-12 October summit is wrong; "October 1986" or "on
    11 October", one day of it, is not); relative days ("on Friday") are left alone. Days that
    date a visit ("visited Bratislava February 23-24 for talks") may include travel days."""
    t = claim.time
    if t is None or t.precision != "day" or claim.each_year or any(x.relative for x in claim.times):
        return True
    if claim.visit_days:  # a visit's days: the meeting falls within them, travel days around it
        pad = dt.timedelta(days=VISIT_PAD_DAYS)
        return t.start <= m.end and m.start <= t.end and m.start - pad <= t.start and t.end <= m.end + pad
    return m.start <= t.start and t.end <= m.end


def participants_fit(claim: Claim, m: Meeting) -> bool:
    ps = m.participant_set
    return all(not ps.isdisjoint(opt) for opt in claim.options)


def _event_fits(claim: Claim, m: Meeting) -> bool | None:
    if claim.event is None:
        return None
    if claim.event in m.families:
        return True
    if m.mode != "multilateral" or m.families:
        return False
    return None


def _host_fits(claim: Claim, m: Meeting) -> bool | None:
    if claim.host is None:
        return None
    if m.mode == "visit":
        return same_state(claim.host, m.host_state)
    if m.mode == "multilateral":
        return same_state(claim.host, m.host_state) or same_state(claim.host, m.venue_state) or None
    return same_state(claim.host, m.host_state)


def _mode_fits(claim: Claim, m: Meeting) -> bool | None:
    if claim.mode == "third-party":
        return side(m.venue_state) is None
    if claim.mode == "multilateral" and claim.event is None:
        return m.mode == "multilateral"
    return None


def _officials_fit(claim: Claim, m: Meeting) -> bool | None:
    if claim.officials is None or m.officials_present is None:
        return None
    return claim.officials == m.officials_present


@dataclass
class _Fit:
    meeting: Meeting
    place: list[bool | None]
    host: bool | None
    event: bool | None
    mode: bool | None
    officials: bool | None
    event_stated: bool = False

    @property
    def wrong(self) -> list[str]:
        out = []
        if any(p is False for p in self.place):
            out.append("place")
        if self.host is False:
            out.append("host")
        if self.event is False:
            out.append("event")
        if self.mode is False:
            out.append("mode")
        return out

    @property
    def agrees(self) -> bool:
        """Every stated place (and event) confirmed, nothing contradicted."""
        if self.wrong or self.officials is False:
            return False
        if self.event_stated and self.event is not True:
            return False
        return all(p is True for p in self.place)


def _fit(claim: Claim, m: Meeting) -> _Fit:
    strict = len(claim.options) >= 2
    places = [place_fits(p, m, strict) for p in claim.places if not p.qualifier]
    return _Fit(m, places, _host_fits(claim, m), _event_fits(claim, m), _mode_fits(claim, m), _officials_fit(claim, m),
                claim.event is not None)


def _agrees(claim: Claim, m: Meeting) -> bool:
    """``_fit(claim, m).agrees``, stopping at the first detail that does not agree: most
    meetings of a pair fail on the first place, so the rest is never computed."""
    strict = len(claim.options) >= 2
    for p in claim.places:
        if not p.qualifier and place_fits(p, m, strict) is not True:
            return False
    if claim.event is not None and _event_fits(claim, m) is not True:
        return False
    return _host_fits(claim, m) is not False and _mode_fits(claim, m) is not False and _officials_fit(claim, m) is not False


# --- verdicts ---------------------------------------------------------------------------


_ROLE_TEXT = re.compile(r"^(?:the|his|her|their|its)\s", re.IGNORECASE)


def narrow_roles(claim: Claim, record: Record, article_date: dt.date | None) -> Claim | None:
    """A leader named by office ('the Russian prime minister') is whoever held it on the stated
    days, or on the article's date when none is stated; None when nothing says who."""
    if not any(_ROLE_TEXT.match(m.text) for m in claim.leaders):
        return claim
    lo, hi = (claim.time.start, claim.time.end) if claim.time else (article_date, article_date)
    if lo is None or len(claim.leaders) != len(claim.options):
        return None
    options = []
    for m, opt in zip(claim.leaders, claim.options, strict=True):
        if _ROLE_TEXT.match(m.text):
            opt = tuple(i for i in opt if i in record.leaders and any(
                s <= hi and (e is None or lo <= e) for s, e in record.leaders[i].terms))
            if not opt:
                return None
        options.append(opt)
    return replace(claim, options=options)


def verify(claim: Claim, record: Record, article_date: dt.date | None = None) -> Verdict:
    """The verdict on one claim, with a correction and the meetings that decide it."""
    if claim.recent and claim.time is None:
        return _recent(claim, record, article_date)
    v = _verify(claim, record, article_date)
    if v.verdict == SUPPORTED or claim.time is None:
        return v
    # A bare weekday ("on Saturday") is read against the article's date; when no meeting fits
    # that reading, the same weekday a week away may (a weekly's cover date, a misleading tense).
    # Only a supported verdict is taken from another reading: a weekday alone never contradicts.
    shifts = {s for t in claim.times for s in t.shifts}
    if shifts and all(t.shifts for t in claim.times):
        for shift in sorted(shifts, key=abs):
            delta = dt.timedelta(days=shift)
            other = replace(claim, time=replace(claim.time, start=claim.time.start + delta, end=claim.time.end + delta))
            w = _verify(other, record, article_date)
            if w.verdict == SUPPORTED:
                d = other.time.start  # type: ignore[union-attr]
                return replace(w, reason=f"{w.reason}, reading {claim.time_text} as {d.day} {d:%B %Y}")
    return v


#: How far before its date a news report's undated "Bush met Putin" may look for the meeting.
RECENT_DAYS = 7


def _recent(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict:
    """'Bush met in his hotel with the leaders of Japan, China and Russia', with no date, place
    or event: in a dated report, a meeting in the days before it. Only a supported verdict can
    come of it; there is nothing stated to be wrong."""
    if article_date is None:
        return Verdict(NOT_IN_RECORD, reason="no date, place or event is stated, and the article has no date")
    start = article_date - dt.timedelta(days=RECENT_DAYS)
    window = replace(claim, time=TimeSpec(start, article_date, "range"), recent=False)
    v = _verify(window, record, article_date)
    if v.verdict == SUPPORTED:
        return replace(v, reason=f"{v.reason}, in the {RECENT_DAYS} days before the article's date "
                                 "(the statement gives no date)")
    return Verdict(NOT_IN_RECORD, reason=f"no date, place or event is stated, and the record has no meeting of "
                                         f"these leaders in the {RECENT_DAYS} days before the article's date")


def _verify(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict:
    narrowed = narrow_roles(claim, record, article_date)
    if narrowed is None:
        return Verdict(NOT_IN_RECORD, reason="the article names an office, not a leader, and no date says who held it")
    claim = narrowed
    if claim.superlative in ("first", "last"):
        v = _superlative(claim, record, article_date)
        if v is not None:
            return v
    checked = [p for p in claim.places if not p.qualifier]
    if len(checked) > 1:  # "in Washington and at Camp David": each place on its own
        scoped = [p for p in claim.places if p.qualifier]
        parts = [verify(replace(claim, places=[p, *scoped], superlative=None), record, article_date) for p in checked]
        for v in parts:
            if v.verdict == CONTRADICTED:
                return v
        if all(v.verdict == SUPPORTED for v in parts):
            ids = list(dict.fromkeys(i for v in parts for i in v.evidence))
            return Verdict(SUPPORTED, evidence=ids, reason="each stated place matches a meeting in the record")
        return Verdict(NOT_IN_RECORD, reason="the record cannot confirm every stated place")
    held = [m for m in (_pool(claim, record) if claim.options else record.meetings) if m.status == "held"]
    if claim.options and all(len(o) == 1 for o in claim.options):
        with_them = held  # the pool is the meetings of exactly these leaders
    else:
        with_them = [m for m in held if participants_fit(claim, m)]
    fitting = [m for m in with_them if time_fits(claim, m)]
    if claim.each_year:
        missing = [y for y in claim.each_year if not any(y in (m.start.year, m.end.year) for m in fitting)]
        if missing:
            return Verdict(NOT_IN_RECORD, reason=f"no meeting of these leaders in {', '.join(map(str, missing))}")
    fits = [_fit(claim, m) for m in fitting]
    if claim.time is None and claim.places:  # no time: the stated place picks the meeting
        at_place = [f for f in fits if f.place and all(p is True for p in f.place)]
        if at_place:
            fits = at_place
    agreeing = [f.meeting for f in fits if f.agrees]
    if not agreeing and claim.officials is False:  # "a private meeting" can be one session of a
        agreeing = [f.meeting for f in fits if replace(f, officials=None).agrees]  # summit with delegations
    good = [m.id for m in agreeing if days_fit(claim, m)]
    if good:
        wrong_office = _office_mismatch(claim, record, next(m for m in agreeing if m.id == good[0]))
        if wrong_office is not None:
            return wrong_office
        return Verdict(SUPPORTED, evidence=good, reason="a meeting in the record matches every stated detail")
    if agreeing:  # the right meeting, but the stated days run past its days
        best = agreeing[0]
        return Verdict(CONTRADICTED, _year_correction(claim, best, record, [best]), [best.id],
                       "the leaders met there then, but not on every stated day")
    cancelled = _cancelled(claim, record)
    if cancelled is not None:
        return cancelled
    if not claim.options or claim.cancelled:
        return Verdict(NOT_IN_RECORD, reason="no participants to check")
    # the leaders met at the stated place, but not at the stated time
    if claim.time is not None and claim.places and not any(t.relative for t in claim.times):
        same_place = [m for m in with_them if _agrees(claim, m)]
        if same_place and not any(time_fits(claim, m) for m in same_place):
            best = min(same_place, key=lambda m: abs((m.start - claim.time.start).days))  # type: ignore[union-attr]
            return Verdict(CONTRADICTED, _year_correction(claim, best, record, same_place), [m.id for m in same_place],
                           "the leaders met there, but at another time")
    decided = [f for f in fits if f.wrong]
    if fits and len(decided) == len(fits) and (claim.time is not None or len(fits) == 1):
        best = min(decided, key=lambda f: (len(f.wrong), _distance(claim, f.meeting)))
        return Verdict(CONTRADICTED, _attribute_correction(claim, best, record), [best.meeting.id],
                       f"the meeting at that time differs on {', '.join(best.wrong)}")
    if fitting:
        return Verdict(NOT_IN_RECORD, evidence=[], reason="meetings at that time exist but the record cannot confirm every detail")
    for check in (_wrong_relative, _absent_participant):
        v = check(claim, record, article_date)
        if v is not None:
            return v
    return Verdict(NOT_IN_RECORD, reason="no meeting of these leaders at that time in the record")


def _office_mismatch(claim: Claim, record: Record, m: Meeting) -> Verdict | None:
    """An office the article gives a leader that the leader did not hold at the meeting: prime
    minister for a president ("as prime minister, Putin met Obama" in 2013) or president for a
    prime minister. Soviet party leaders, whose state titles varied, are not held to it."""
    for i, kind, words in claim.offices:
        leader = record.leaders.get(claim.options[i][0]) if len(claim.options[i]) == 1 else None
        held = leader.offices_on(m.start) if leader is not None else []
        kinds = {k for k, _ in held}
        if not held or kind in kinds or "party_leader" in kinds:
            continue
        title = next(o for k, o in held if k != kind)
        return Verdict(CONTRADICTED, f"At the {_noun(claim, m)} in {where(m)}, {when(m)}, {leader.name} was "
                       f"{title}, not {words}.", [m.id], f"{leader.name} held another office then")
    return None


def _named(claim: Claim) -> list[str]:
    """The leaders the claim names unambiguously, in order."""
    return [opt[0] for opt in claim.options if len(opt) == 1]


def _wrong_relative(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict | None:
    """The right meeting with the wrong member of a family: "George W. Bush" at Malta in 1989
    was George H. W. Bush. A named leader who was not in office then is swapped for each
    leader of the same surname; if exactly one swap makes every stated detail match a
    meeting, the claim is contradicted with the right name."""
    t = claim.time
    if t is None:
        return None
    for i, opt in enumerate(claim.options):
        if len(opt) != 1 or opt[0] not in record.leaders or record.leaders[opt[0]].in_office(t.start, t.end):
            continue
        named = record.leaders[opt[0]]
        hits = []
        for other in record.leaders.values():
            if other.id != named.id and other.surname == named.surname and other.in_office(t.start, t.end):
                swapped = replace(claim, options=[*claim.options[:i], (other.id,), *claim.options[i + 1:]])
                v = verify(swapped, record, article_date)
                if v.verdict == SUPPORTED:
                    hits.append((other, v))
        if len(hits) == 1:
            other, v = hits[0]
            m = next(x for x in record.meetings if x.id == v.evidence[0])
            return Verdict(CONTRADICTED, f"The {_noun(claim, m)} in {where(m)}, {when(m)}, was with {other.name}, "
                           f"not {named.name} (who was not in office then).", v.evidence,
                           f"{named.name} was not in office then; {other.name} was, and matches")
    return None


def _absent_participant(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict | None:
    """A Soviet/Russian or U.S. leader named among the participants of a bilateral summit or
    visit who was not there ("Nixon met Brezhnev and Kosygin in Washington in 1973"). Only
    for meetings outside multilateral events, where the record lists both sides whole; at a
    multilateral event a leader may have been there without taking part in the bilateral."""
    named = _named(claim)
    if len(named) < 3 or len(named) != len(claim.options):
        return None
    if claim.time is None or claim.time.precision not in ("day", "month", "year") or claim.each_year:
        return None  # "Gorbachev, Reagan and Bush meetings 1985-1991" lists leaders of several meetings
    for leaving in named:
        if side(record.leaders[leaving].state if leaving in record.leaders else "") is None:
            continue
        rest = [(x,) for x in named if x != leaving]
        v = verify(replace(claim, options=rest), record, article_date)
        if v.verdict != SUPPORTED or len(v.evidence) != 1:
            continue
        m = next(x for x in record.meetings if x.id == v.evidence[0])
        if m.mode == "multilateral" or leaving in m.participant_set:
            continue
        who = ", ".join(record.leaders[x].name for x in m.participants if x in record.leaders)
        return Verdict(CONTRADICTED, f"{record.leaders[leaving].name} did not take part in the {_noun(claim, m)} in "
                       f"{where(m)}, {when(m)}: the record lists {who}.", v.evidence,
                       f"{record.leaders[leaving].name} is not among the meeting's participants")
    return None


def _pool(claim: Claim, record: Record) -> list[Meeting]:
    ids = [opt[0] for opt in claim.options if len(opt) == 1]
    if ids:
        return record.with_all(ids)
    return list(record.meetings)


def _distance(claim: Claim, m: Meeting) -> int:
    if claim.time is None:
        return 0
    return abs((m.start - claim.time.start).days)


def _cancelled(claim: Claim, record: Record) -> Verdict | None:
    """A meeting that was planned but did not happen, when the claim says it did (or was called off)."""
    if not claim.options:
        return None
    planned = [m for m in _pool(claim, record) if m.status != "held" and participants_fit(claim, m)
               and time_fits(claim, m) and _agrees(claim, m)]
    if not planned or claim.time is None:
        return None
    m = planned[0]
    if claim.cancelled:
        return Verdict(SUPPORTED, evidence=[m.id], reason=f"the record has this meeting as {m.status}")
    return Verdict(CONTRADICTED, f"The {pair(m, record)} {_noun(claim, m)} planned in {where(m)} for {when(m)} was {m.status}.",
                   [m.id], f"the meeting was {m.status}")


def _year_correction(claim: Claim, best: Meeting, record: Record, same: list[Meeting]) -> str:
    dates = "; ".join(when(m) for m in same[:4])
    exact = [t.text for t in claim.times if t.spec.precision == "day"]  # the days the article got wrong
    claimed = exact[-1] if exact and not days_fit(claim, best) else claim.time_text or "the stated time"
    p = next((p for p in claim.places if not p.qualifier), None)
    at = f"at {p.text}" if p is not None and p.place.level == "site" else f"in {p.text if p else best.city}"
    return f"The {pair(best, record)} {_noun(claim, best)} {at} was {dates}, not {claimed}."


def _attribute_correction(claim: Claim, f: _Fit, record: Record) -> str:
    m = f.meeting
    head = f"The {m.start.year} {pair(m, record)} {_noun(claim, m)}"
    if "place" in f.wrong:
        return f"{head} was in {where(m)}, {when(m)}, not {_claimed_place(claim)}."
    if "host" in f.wrong:
        if m.mode == "visit":
            return f"{head} in {m.city} was hosted by {country(m.host_state)}, not {country(claim.host)}."
        if m.mode == "multilateral":
            return f"{head} in {m.city} was at a multilateral event ({m.event}), not hosted by {country(claim.host)}."
        return f"{head} in {m.city} was on third-country ground, hosted by {country(m.host_state)}, not by {country(claim.host)}."
    if "event" in f.wrong:
        if m.mode == "multilateral":
            return f"{head} in {m.city} was at the {m.event}, not the {claim.event}."
        return f"{head} in {m.city} was not at the {claim.event}: it was a {m.mode} meeting, {when(m)}."
    if m.mode == "visit":
        return f"{head} in {m.city} was hosted by {country(m.host_state)}, not on neutral ground."
    return f"{head} in {m.city} was a {m.mode} meeting, {when(m)}."


def _scope(claim: Claim, record: Record, article_date: dt.date | None) -> tuple[list[Meeting], str]:
    """The meetings a superlative ranges over, and how to say so: the leaders named, or every
    meeting of the two sides when the article says so (`Claim.sides_scope`)."""
    explicit = claim.explicit and bool(claim.options) and not claim.sides_scope
    pool = [m for m in (_pool(claim, record) if explicit else record.meetings) if m.status == "held"]
    words = []
    if explicit:
        pool = [m for m in pool if participants_fit(claim, m)]
    if claim.official_only:
        pool = [m for m in pool if m.officials_present is not False]
        words.append("official")
    if claim.summit_only:
        pool = [m for m in pool if m.format == "summit"]
    if claim.exclude_multilateral:
        pool = [m for m in pool if m.mode != "multilateral"]
    qualifiers = [p for p in claim.places if p.qualifier or not explicit]
    for p in qualifiers:
        pool = [m for m in pool if place_fits(p, m) is True]
    if claim.superlative == "last":
        cutoff = article_date or dt.date.today()
        pool = [m for m in pool if m.start <= cutoff]
    desc = " ".join(words + ["summit" if claim.summit_only else "meeting"])
    if qualifiers:
        desc += " " + " and ".join(("on " + p.text + " soil") if p.place.level == "country" and p.place.state == "USA"
                                   else "in " + p.text for p in qualifiers)
    if claim.exclude_multilateral:
        desc += " outside multilateral events"
    if claim.superlative == "last" and article_date:
        desc += f" before {article_date.day} {MONTH_NAMES[article_date.month - 1]} {article_date.year}"
    return pool, desc


def _superlative(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict | None:
    """Check "the first/last meeting ..." against the ordered record; None if nothing to check."""
    if claim.sides_scope and claim.options and claim.explicit:  # an anaphoric claim already ranges over all
        return _superlative_of_sides(claim, record, article_date)
    explicit = claim.explicit and bool(claim.options)
    pool, desc = _scope(claim, record, article_date)
    if not pool:
        return None
    target = pool[0] if claim.superlative == "first" else pool[-1]
    label = f"{claim.superlative} {pair(target, record) + ' ' if explicit else ''}{desc}"
    checks: list[tuple[str, bool | None]] = []
    if claim.time is not None:  # a bare weekday has other readings (`verify`): it cannot be wrong here
        fits = time_fits(claim, target)
        checks.append(("time", fits or (None if claim.times and all(t.shifts for t in claim.times) else False)))
    if explicit:
        for p in claim.places:
            if not p.qualifier:
                checks.append(("place", place_fits(p, target)))
        if claim.event:
            checks.append(("event", _event_fits(claim, target)))
    elif claim.options and claim.time is None:
        checks.append(("participants", participants_fit(claim, target)))
    if not checks:
        return None
    if all(ok is True for _, ok in checks):
        return Verdict(SUPPORTED, evidence=[target.id], reason=f"the {label} in the record is {target.id}")
    wrong = [what for what, ok in checks if ok is False]
    if not wrong:
        return None
    where_when = f"in {where(target)}, {when(target)}"
    if "place" in wrong:
        claimed = _claimed_place(claim)
    elif "time" in wrong:
        claimed = claim.time_text or "the stated time"
    elif "event" in wrong:
        claimed = f"at the {claim.event}"
    else:
        claimed = "the meeting named"
    who = "" if explicit else f"{pair(target, record)} "
    text = f"The {label} was {who}{where_when}, not {claimed}."
    return Verdict(CONTRADICTED, text[0].upper() + text[1:], [target.id], f"the {label} differs on {', '.join(wrong)}")


def _superlative_of_sides(claim: Claim, record: Record, article_date: dt.date | None) -> Verdict | None:
    """'Trump and Putin met in Anchorage in 2025, the first summit held on American soil': the
    meeting the claim names (its leaders, and the places before the superlative) must be the
    first (or last) of all meetings of the two sides in the scope the superlative gives (the
    places after it)."""
    before = [p for p in claim.places if p.start < claim.superlative_at and not p.qualifier]
    scope = [replace(p, qualifier=True) for p in claim.places if p not in before]
    named = verify(replace(claim, superlative=None, sides_scope=False, places=before), record, article_date)
    if named.verdict != SUPPORTED or len(named.evidence) != 1:
        return None  # the meeting itself is not confirmed, or not one meeting: say nothing about its rank
    meeting = next(m for m in record.meetings if m.id == named.evidence[0])
    # "summit" across the sides means any meeting of the leaders in its own right, visits
    # included (Khrushchev's 1959 visit was the first summit on U.S. soil), not margin talks
    pool, desc = _scope(replace(claim, options=[], explicit=False, places=scope, summit_only=False), record,
                        article_date)  # "the last": up to the article's date
    if claim.summit_only or claim.noun == "visit":
        pool = [m for m in pool if m.mode != "multilateral"]
        desc = desc.replace("meeting", claim.noun or "summit", 1)
    if not pool:
        return None
    target = pool[0] if claim.superlative == "first" else pool[-1]
    label = f"{claim.superlative} {desc} of the two sides"
    if target.id == meeting.id:
        return Verdict(SUPPORTED, evidence=[meeting.id], reason=f"the {label} in the record is {meeting.id}")
    return Verdict(CONTRADICTED, f"Not the {label}: that was the {pair(target, record)} meeting in {where(target)}, "
                   f"{when(target)}.", [target.id, meeting.id], f"the {label} is another meeting")
