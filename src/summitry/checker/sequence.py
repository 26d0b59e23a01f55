"""Infobox lines of encyclopedic pages that place a meeting in its series: "Follows Moscow
Summit (1974)", "Precedes Geneva Summit (1985)", "Preceded by ...", "Followed by ...".

The page's meeting is the first one its claims establish (the first supported claim with one
meeting as evidence). The series is the U.S.–Soviet/Russian meetings that are not pull-asides,
held or collapsed (the Paris summit of 1960 broke up, but it is the one a series lists), in
order; a line naming the meeting next to the page's in the series, or next to it counting
pull-asides too, is supported, and one naming another is contradicted with the right one.
"""

from __future__ import annotations

import re

from summitry.checker.dates import TimeMention
from summitry.checker.findings import Finding
from summitry.checker.gazetteer import Mention
from summitry.checker.record import Meeting, Record, side
from summitry.checker.spelling import fold

SUPPORTED, CONTRADICTED = "supported", "contradicted"

#: The reader joins an infobox's lines ("Gerald Ford Follows Moscow Summit (1974) Precedes ..."), so a
#: line is read as the capitalised keyword and a name ending in a summit word or a year.
_LINE = re.compile(r"\b(?P<rel>Follows|Preceded by|Precedes|Followed by)\s+"
                   r"(?P<what>[A-Z][^.;:\n]{0,60}?(?:Summit(?:\s+(?:Conference|Meeting))?(?:\s*\(\d{4}\))?|\(\d{4}\)))")


def _series(record: Record, with_pull_asides: bool) -> list[Meeting]:
    out = []
    for m in record.meetings:
        if m.status not in ("held", "collapsed") or (m.format == "pull-aside" and not with_pull_asides):
            continue
        sides = {side(record.leaders[p].state) for p in m.participants if p in record.leaders}
        if {"US", "RU"} <= sides:
            out.append(m)
    return out


def _neighbour(series: list[Meeting], subject: str, after: bool) -> Meeting | None:
    ids = [m.id for m in series]
    if subject not in ids:
        return None
    i = ids.index(subject) + (1 if after else -1)
    return series[i] if 0 <= i < len(series) else None


def _matches(m: Meeting, places: list[Mention], years: list[int]) -> bool:
    if years and m.start.year not in years and m.end.year not in years:
        return False
    for p in places:
        place = p.value
        if place.level == "country":
            if place.state != m.venue_state:
                return False
        elif fold(place.name).lower() not in m.place_names(True):
            return False
    return bool(places or years)


def find_sequence(text: str, mentions: list[Mention], times: list[TimeMention], subject: Meeting | None,
                  record: Record) -> list[Finding]:
    """Every 'Follows'/'Precedes' line, checked against the page's meeting `subject`."""
    out: list[Finding] = []
    if subject is None or ("Follow" not in text and "Preced" not in text):
        return out
    for line in _LINE.finditer(text):
        a, b = line.start("what"), line.end("what")
        places = [m for m in mentions if m.kind == "place" and a <= m.start < b]
        years = sorted({t.spec.start.year for t in times if a <= t.start < b and t.spec.precision == "year"})
        if not places and not years:
            continue
        after = line.group("rel") in ("Precedes", "Followed by")
        formal = _neighbour(_series(record, False), subject.id, after)
        every = _neighbour(_series(record, True), subject.id, after)
        word = "after" if after else "before"
        participants = sorted({p for x in (formal, every) if x for p in x.participants})
        if any(x is not None and _matches(x, places, years) for x in (formal, every)):
            hit = formal if formal is not None and _matches(formal, places, years) else every
            out.append(Finding(line.start(), line.end(), SUPPORTED,
                                      f"the meeting {word} {subject.id} in the record is {hit.id}",  # type: ignore[union-attr]
                                      evidence=[hit.id], participants=participants))  # type: ignore[union-attr]
        elif formal is not None:
            right = f"{formal.city}, {formal.start.strftime('%B')} {formal.start.year}"
            out.append(Finding(line.start(), line.end(), CONTRADICTED,
                                      f"the meeting {word} {subject.id} in the record is {formal.id}",
                                      f"The meeting {word} this one was in {right} ({formal.id}), not "
                                      f"{line.group('what').strip()}.", [formal.id], participants))
    return out
