"""An article's generalisations about the pattern of meetings, checked against the whole record:
"new presidents used to meet their Soviet counterpart early in their terms", "summits in periods
of tension were held on neutral ground".

A pattern is never answered with a bare yes. The result gives the count from the record (how
many presidents met a Soviet/Russian leader within the stated time of taking office), the
counterexamples, and a verdict by the rule the sentence states: "always" must hold for every
president; "usually", "used to" and a bare claim hold when at least `MOSTLY` of them fit
(supported when at least `NEARLY_ALL` do, mostly supported in between); fewer is contradicted.
"""

from __future__ import annotations

import datetime as dt
import re

from summitry.checker.findings import Finding
from summitry.checker.record import Record, side

SUPPORTED, MOSTLY_SUPPORTED, CONTRADICTED = "supported", "mostly_supported", "contradicted"
NEARLY_ALL = 0.9
MOSTLY = 0.6
#: "Early in the term", when the sentence gives no span: the first year.
EARLY_DAYS = 365

_SPAN = r"(?P<span>early\s+in\s+(?:their|his)\s+(?:first\s+)?(?:terms?|presidenc(?:y|ies)|tenures?|administrations?)" \
        r"|soon\s+after\s+(?:taking|entering)\s+office" \
        r"|(?:within|in)\s+(?:their|his)\s+first\s+(?P<n>year|six\s+months|(?:two|three|four|six|\d{1,2})\s+months|" \
        r"hundred\s+days|100\s+days))"
#: "new presidents (used to / usually / always) met their Soviet counterpart early in their terms"
_EARLY_MEETING = re.compile(
    r"\b(?:new|newly[- ]elected|newly[- ]inaugurated|incoming)\s+(?:u\.s\.\s+|american\s+)?presidents?\s+"
    r"(?P<q>(?:(?:have\s+)?(?:used\s+to|traditionally|usually|typically|generally|always|often|tended\s+to|would|"
    r"have|had|all|mostly)\s+)*)"
    r"(?:met|meet|meets|held\s+(?:a\s+)?summits?\s+with|sat\s+down\s+with)\s+(?:with\s+)?"
    r"(?:their|his|the)\s+(?:soviet|russian|kremlin)\s+(?:counterparts?|leaders?|opposite\s+numbers?)\s+"
    + _SPAN)
_MONTHS = {"two": 2, "three": 3, "four": 4, "six": 6}
_EARLY_KEYS = ("new president", "new u.s. president", "new american president", "incoming ", "newly")


def _days(m: re.Match[str]) -> tuple[int, str]:
    n = (m.group("n") or "").lower()
    if not n or n == "year":
        return EARLY_DAYS, "a year"
    if "hundred" in n or n.startswith("100"):
        return 100, "100 days"
    count = n.split()[0]
    months = int(count) if count.isdigit() else _MONTHS.get(count, 6)
    return round(months * 30.5), f"{months} months"


def _first_meetings(record: Record, within: int, until: dt.date) -> tuple[list[tuple[str, str, int]], list[str]]:
    """Per U.S. president whose presidency began after the record's first meeting and at least
    `within` days before `until`: (president, first meeting id, days into the presidency); and
    the presidents who met no Soviet/Russian leader in the record at all."""
    first_day = min(m.start for m in record.meetings)
    met, never = [], []
    for lead in record.leaders.values():
        if side(lead.state) != "US" or not lead.terms:
            continue
        took = min(s for s, _ in lead.terms)
        if took < first_day or (until - took).days < within:
            continue
        theirs = sorted((m for m in record.meetings if m.status == "held" and lead.id in m.participant_set
                         and any(side(record.leaders[p].state) == "RU" for p in m.participants if p in record.leaders)
                         and m.start >= took), key=lambda m: m.start)
        if theirs:
            met.append((lead.name, theirs[0].id, (theirs[0].start - took).days))
        else:
            never.append(lead.name)
    return sorted(met, key=lambda x: x[2]), sorted(never)


#: "summits in periods of tension were (usually) held on neutral ground / in third countries"
_CLIMATE_VENUE = re.compile(
    r"\b(?P<noun>summits|meetings|summit\s+meetings)\s+(?:held\s+)?(?:in|during)\s+(?:periods?|times?|years?|eras?)\s+"
    r"of\s+(?P<climate>tension|confrontation|crisis|hostility|d[ée]tente|thaw|cooperation)\s+"
    r"(?P<q>(?:(?:were|was|have\s+been|had\s+been|tended\s+to\s+be|usually|mostly|always|typically|generally|"
    r"took\s+place|held)\s+)*)"
    r"(?:on|in|at)\s+(?P<venue>neutral\s+(?:ground|territory|soil|venues?|countries)|third\s+countries|"
    r"a\s+third\s+country)")
#: The record's climates a word names ("crisis" is a confrontation; "détente" a thaw).
CLIMATES = {"tension": ("tension", "confrontation"), "confrontation": ("confrontation",), "crisis": ("confrontation",),
            "hostility": ("tension", "confrontation"), "detente": ("thaw",), "détente": ("thaw",), "thaw": ("thaw",),
            "cooperation": ("cooperation",)}


def _climate_on(record: Record, day: dt.date) -> str | None:
    for start, end, climate in record.periods:
        if start <= day < end:
            return climate
    return None


def _climate_venue(m: re.Match[str], record: Record, until: dt.date) -> Finding | None:
    """Of the U.S.–Soviet/Russian summits (or meetings) held in the named climate, how many were
    in a third state."""
    climates = CLIMATES[m.group("climate")]
    summits_only = m.group("noun").startswith("summit")
    pool = [x for x in record.meetings if x.status == "held" and x.start <= until
            and (x.format == "summit" or not summits_only)
            and {side(record.leaders[p].state) for p in x.participants if p in record.leaders} >= {"US", "RU"}
            and _climate_on(record, x.start) in climates]
    if not pool:
        return None
    neutral = [x for x in pool if side(x.venue_state) is None]
    on_a_side = [x for x in pool if side(x.venue_state) is not None]
    what = "summits" if summits_only else "meetings"
    said = f"{len(neutral)} of {len(pool)} U.S.–Soviet/Russian {what} in periods of {' or '.join(climates)} were in a third state"
    examples = [f"{x.id} ({x.city})" for x in on_a_side]
    verdict = _by_rule(len(neutral) / len(pool), bool(examples), m.group("q"))
    reason = said + (f"; not: {', '.join(examples)}" if examples else "")
    correction = f"Only {said}." if verdict == CONTRADICTED else None
    return Finding(m.start(), m.end(), verdict, reason, correction, [x.id for x in neutral], kind="venue by climate")


def _by_rule(share: float, exceptions: bool, quantifiers: str) -> str:
    """The verdict by the sentence's own rule: "always" admits no exception."""
    if "always" in quantifiers or " all " in f" {quantifiers} ":
        return CONTRADICTED if exceptions else SUPPORTED
    return SUPPORTED if share >= NEARLY_ALL else MOSTLY_SUPPORTED if share >= MOSTLY else CONTRADICTED


def find_patterns(lowered: str, record: Record, article_date: dt.date | None) -> list[Finding]:
    """Every generalisation the module knows, checked: when new presidents first met their
    counterpart; where summits were held in a climate of relations."""
    out = []
    until = article_date or dt.date.today()
    seen: set[int] = set()
    for word in CLIMATES:  # anchored on the rare climate word, then the pattern read around it
        i = lowered.find(f" of {word}")
        while i != -1:
            m = _CLIMATE_VENUE.search(lowered, max(0, i - 60), min(len(lowered), i + 200))
            if m is not None and m.start() not in seen and m.start() <= i:
                seen.add(m.start())
                r = _climate_venue(m, record, until)
                if r is not None:
                    out.append(r)
            i = lowered.find(f" of {word}", i + 1)
    if not any(w in lowered for w in _EARLY_KEYS):
        return out  # substring tests are C-fast; the pattern runs only where one can match
    for m in _EARLY_MEETING.finditer(lowered):
        within, said = _days(m)
        met, never = _first_meetings(record, within, article_date or dt.date.today())
        n = len(met) + len(never)
        if n == 0:
            continue
        fit = [x for x in met if x[2] <= within]
        late = [x for x in met if x[2] > within]
        share = len(fit) / n
        examples = [f"{name} ({days} days, {mid})" for name, mid, days in late]
        examples += [f"{name} (never)" for name in never]
        counted = (f"{len(fit)} of {n} presidents since the record begins met a Soviet or Russian leader within "
                   f"{said} of taking office")
        verdict = _by_rule(share, bool(examples), m.group("q"))
        reason = counted + (f"; not: {', '.join(examples)}" if examples else "")
        correction = None
        if verdict == CONTRADICTED:
            correction = f"Only {len(fit)} of {n} presidents met a Soviet or Russian leader within {said} of taking office."
        out.append(Finding(m.start(), m.end(), verdict, reason, correction, [mid for _, mid, days in fit],
                           kind="first meeting in the term"))
    return out
