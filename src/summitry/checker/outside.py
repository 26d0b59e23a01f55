"""Statements about leaders the curated record does not cover ("Bush met Hu Jintao in Beijing",
"Putin and Xi Jinping met in Moscow"): found and reported as outside the record, never judged.

The names come from the same database rows as everything else: the counterparts of the
official record's meetings (every foreign leader who visited the U.S. or whom a president
visited), plus the bundled leader table of the event pipeline (heads of state and government
of the states U.S. and Russian leaders meet most). A full name counts anywhere; a surname only
after a title ("Prime Minister Mori") or once the full name has appeared in the text. For a
U.S. president and another state's leader, the official record's meetings of that pair in the
stated years are listed as pointers (record ids a reader can open), not as a verdict.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import ahocorasick

from summitry.checker.gazetteer import Mention, lower_same_length
from summitry.checker.gazetteer_data import OTHER_GIVEN_NAMES
from summitry.checker.record import OtherLeader
from summitry.checker.spelling import fold
from summitry.schema import successor

#: Name order with the family name first, where a surname is the first word.
FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MNG"})  # not Hungary: English writes "Viktor Orban"
_TITLE_BEFORE = re.compile(
    r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Chairman|Sultan|Emir|Amir|Shah|"
    r"General Secretary|Secretary General|Taoiseach)\s+$")
_WORD = re.compile(r"[A-Z][\w'\u2019.-]+")
#: Surnames that are also everyday words: only ever taken with the given name.
_COMMON = frozenset({"King", "Major", "Brown", "May", "Rice", "Young", "Long", "Little", "Bird", "Price", "Hope",
                     "White", "Black", "Green", "Moon", "Best", "Rose", "Park", "Lee", "Kim", "Ho", "Sun"})


@dataclass
class OtherNames:
    """An automaton over other leaders' full names and surnames."""

    automaton: ahocorasick.Automaton | None

    def scan(self, text: str, lowered: str | None = None) -> list[Mention]:
        """Mentions (kind 'other', value: the OtherLeader) of other leaders in ``text``;
        ``lowered`` is the text lowercased with its length kept (`gazetteer.lower_same_length`)."""
        if self.automaton is None:
            return []
        low = lowered if lowered is not None else lower_same_length(text)
        hits: list[Mention] = []
        seen_full: set[str] = set()
        for end, (surface, leader, is_full) in self.automaton.iter(low):
            start = end - len(surface) + 1
            if (start > 0 and low[start - 1].isalnum()) or (end + 1 < len(low) and low[end + 1].isalnum()):
                continue
            if not text[start].isupper():
                continue
            if not is_full and leader.name not in seen_full and not _TITLE_BEFORE.search(text, max(0, start - 40), start):
                continue
            if is_full:
                seen_full.add(leader.name)
            hits.append(Mention(start, end + 1, "other", leader, text[start:end + 1], not is_full))
        hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        for m in hits:  # longest-leftmost, non-overlapping
            if not out or m.start >= out[-1].end:
                out.append(m)
        return out


def surname_of(name: str, state: str) -> str | None:
    words = _WORD.findall(name)
    if len(words) < 2:
        return None
    word = words[0] if state in FAMILY_FIRST else words[-1]
    if len(word) < 4 or word in _COMMON or word.lower() in OTHER_GIVEN_NAMES:
        return None
    return word


def build_other_names(leaders: list[OtherLeader], known_surfaces: set[str]) -> OtherNames:
    """The automaton over ``leaders``; names the record's own leaders go by are left out, and a
    surname two states share is dropped (it could be either)."""
    surnames = {lead: surname_of(lead.name, lead.state) for lead in leaders}
    by_surname: dict[str, set[str]] = {}
    for lead, s in surnames.items():
        if s:
            by_surname.setdefault(s.lower(), set()).add(lead.state)
    A = ahocorasick.Automaton()
    added = 0
    for lead in leaders:
        forms = [(lead.name, True)]
        s = surnames[lead]
        if s and len(by_surname[s.lower()]) == 1:
            forms.append((s, False))
        for form, is_full in forms:
            if fold(form).lower() in known_surfaces or len(form) < 4:
                continue
            for key in {form.lower(), fold(form).lower()}:  # as written, and with accents folded
                if key not in A:
                    A.add_word(key, (key, lead, is_full))
                    added += 1
    if not added:
        return OtherNames(None)
    A.make_automaton()
    return OtherNames(A)


def _state_of(m: Mention, record) -> str | None:
    if m.kind == "other":
        return m.value.state
    states = {record.leaders[i].state for i in m.value if i in record.leaders}
    return states.pop() if len(states) == 1 else None


def _name_of(m: Mention, record) -> str:
    if m.kind == "other":
        return m.value.name
    if len(m.value) == 1 and m.value[0] in record.leaders:
        return record.leaders[m.value[0]].name
    return m.text  # "Bush": either of two


@dataclass(frozen=True)
class OutsideClaim:
    start: int
    end: int
    participants: list[str]
    reason: str
    evidence: list[str]
    sources: list[dict]


def outside_claims(text: str, sents: list[tuple[int, int]], mentions: list[Mention], times: list,
                   claimed: list[tuple[int, int]], record, names: OtherNames, meet_cue: re.Pattern,
                   lowered: str | None = None) -> list[OutsideClaim]:
    """Statements in ``text`` that leaders met where one of them is beyond the record: each
    other leader named in a sentence with a meeting word, with the nearest leader of another
    state in that sentence, unless a claim of the record already covers that name."""
    others = names.scan(text, lowered)
    if not others:
        return []
    leaders = [m for m in mentions if m.kind == "leader"]
    starts = [s for s, _ in sents]
    by_sentence: dict[int, list[Mention]] = {}  # only the sentences that name another leader
    for m in others:
        by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append(m)
    out: list[OutsideClaim] = []
    for i, here in sorted(by_sentence.items()):
        s, e = sents[i]
        if i < 0 or not meet_cue.search(text, s, e):
            continue
        people = [(m, successor(_state_of(m, record) or "")) for m in (
            [x for x in leaders if s <= x.start < e] + here) if _state_of(m, record)]
        for o in here:
            if any(a <= o.start < b for a, b in claimed):
                continue
            state = successor(o.value.state)
            partners = [(m, st) for m, st in people if m is not o and st != state]
            if not partners:
                continue
            p, pstate = min(partners, key=lambda x: abs(x[0].start - o.start))
            a, b = sorted((p, o), key=lambda x: x.start)
            reason = (f"{_name_of(p, record)} and {o.value.name}: a meeting of {pstate} and {state}, outside the "
                      "record (it covers U.S.–Soviet/Russian meetings); not judged")
            evidence, sources = [], []
            if pstate == "USA" or state == "USA":
                foreign = state if pstate == "USA" else pstate
                years = {y for t in times if s <= t.start < e and not t.stamp
                         for y in range(t.spec.start.year, t.spec.end.year + 1)}
                found = [m for m in record.official if successor(m.state) == foreign
                         and years and any(m.start.year <= y <= m.end.year for y in years)]
                if found:
                    evidence = [m.id for m in found[:10]]
                    sources = [{"meeting": m.id, "title": "Office of the Historian", "url": m.url} for m in found[:10] if m.url]
                    when = "that year" if len(years) == 1 else "in those years"
                    reason += f"; the official record has {len(found)} meeting(s) of this pair {when}: " + \
                        ", ".join(evidence)
            out.append(OutsideClaim(a.start, b.end, [_name_of(a, record), _name_of(b, record)], reason, evidence, sources))
            claimed = [*claimed, (a.start, b.end)]
    return out


#: Offices below a head of state or government, followed by a name: "Vice President Al Gore",
#: "Deputy Prime Minister Sergei Ivanov", "Secretary of State Hillary Clinton".
OFFICIAL = re.compile(
    r"(?<![\w-])(?P<office>Vice[- ]President|Deputy Prime Minister|First Deputy Prime Minister|Secretary of State|"
    r"Foreign Minister|Defen[cs]e (?:Minister|Secretary)|Secretary of Defense|National Security (?:Adviser|Advisor)|"
    r"Assistant Vice President)\s+(?P<name>(?:[A-Z][\w.'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)")


def officials_claims(text: str, sents: list[tuple[int, int]], claimed: list[tuple[int, int]],
                     meet_cue: re.Pattern) -> list[OutsideClaim]:
    """A meeting of two officials below the leaders ("Vice President Gore and Prime Minister
    Chernomyrdin", "Biden met Deputy Prime Minister Ivanov"): reported as not a leaders' meeting,
    outside the record, never judged, unless a claim of the record already covers it."""
    found = []
    for word in _OFFICE_STARTS:  # str.find, then the pattern at each hit: a scan of the whole text costs 10x
        i = text.find(word)
        while i != -1:
            m = OFFICIAL.match(text, i)
            if m is not None:
                found.append(m)
            i = text.find(word, i + 1)
    if not found:
        return []
    found.sort(key=lambda m: (m.start(), -m.end()))
    found = [m for k, m in enumerate(found) if k == 0 or m.start() >= found[k - 1].end()]  # "First Deputy" once
    out: list[OutsideClaim] = []
    starts = [s for s, _ in sents]
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for m in found:
        by_sentence.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
    for i, here in sorted(by_sentence.items()):
        s, e = sents[i]
        if i < 0 or len(here) < 2 and not _ANOTHER_PERSON.search(text, s, e) or not meet_cue.search(text, s, e):
            continue
        a = here[0]
        other = here[1] if len(here) > 1 else _ANOTHER_PERSON.search(text, a.end(), e)
        end = other.end() if other is not None else a.end()
        if any(x < end and a.start() < y for x, y in claimed):
            continue  # a claim of the record (a leader named by a former office) already covers it
        who = [f"{m.group('office')} {m.group('name')}" for m in (a, other) if m is not None]
        out.append(OutsideClaim(a.start(), end, who, f"{' and '.join(who)}: a {a.group('office').lower()} is not a "
                                "head of state or government, so this is no leaders' meeting; outside the record "
                                "(it covers leaders' meetings), not judged", [], []))
    return out


_OFFICE_STARTS = ("Vice", "Deputy", "First Deputy", "Secretary of", "Foreign Minister", "Defen", "National Security",
                  "Assistant Vice")
#: A second person beside one official: a title and a capitalised name.
_ANOTHER_PERSON = re.compile(r"\b(?P<office>President|Prime Minister|Premier|Chancellor|King|Minister)\s+"
                             r"(?P<name>(?:[A-Z][\w.'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)")


def other_names_for(record) -> OtherNames:
    """The other leaders' automaton of a record, built once per record object; the record's own
    leaders' names, aliases and surnames are left out of it."""
    def build() -> OtherNames:
        known = {fold(form).lower() for lead in record.leaders.values()
                 for form in (lead.name, *lead.aliases, lead.name.split()[-1])}
        return build_other_names(list(record.others), known)

    return record.derived("other names", build)
