"""The gazetteer: every name the checker looks for, matched in one Aho–Corasick pass.

Leaders (names, aliases, surnames), places at every level (site, city, region, country,
demonym), multilateral events, months, weekdays, years and relative time phrases all go
into ONE `ahocorasick.Automaton`. The text is scanned once, lowercased and with every
non-alphanumeric character turned into a space (same length, so offsets do not move);
keys carry a space on both sides, so every hit is already on word boundaries and a short
key like ``us`` never fires inside "because". Case rules (a surname must be capitalised,
"UN"/"US" must be upper case) are checked on the original text of the few hits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick
import pycountry
from rapidfuzz import fuzz, process

from summitry.checker.gazetteer_data import (
    COUNTRY_ALIASES,
    DEMONYMS,
    EVENTS,
    MODIFIER_NOUNS,
    OTHER_GIVEN_NAMES,
    WORLD_PLACES,
)
from summitry.checker.record import Record, side
from summitry.checker.spelling import fold
from summitry.schema import HISTORICAL_STATES, state_name

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Relative time phrases: (unit, delta, anchor) with anchor "prev" (the last year the
#: article mentioned) or "article" (the article's own date).
RELATIVE: dict[str, tuple[str, int, str]] = {
    "the following year": ("year", 1, "prev"), "the next year": ("year", 1, "prev"),
    "a year later": ("year", 1, "prev"), "one year later": ("year", 1, "prev"),
    "the year after": ("year", 1, "prev"), "two years later": ("year", 2, "prev"),
    "three years later": ("year", 3, "prev"), "the previous year": ("year", -1, "prev"),
    "the year before": ("year", -1, "prev"), "a year earlier": ("year", -1, "prev"),
    "a year before": ("year", -1, "prev"), "the preceding year": ("year", -1, "prev"),
    "two years earlier": ("year", -2, "prev"), "that year": ("year", 0, "prev"),
    "the same year": ("year", 0, "prev"), "later that year": ("year", 0, "prev"),
    "earlier that year": ("year", 0, "prev"), "last year": ("year", -1, "article"),
    "this year": ("year", 0, "article"), "earlier this year": ("year", 0, "article"),
    "later this year": ("year", 0, "article"), "next year": ("year", 1, "article"),
    "today": ("day", 0, "article"), "yesterday": ("day", -1, "article"), "tomorrow": ("day", 1, "article"),
    "last week": ("week", -1, "article"), "this week": ("week", 0, "article"), "next week": ("week", 1, "article"),
    "last month": ("month", -1, "article"), "this month": ("month", 0, "article"),
    "next month": ("month", 1, "article"),
}

_NONWORD = re.compile(r"[\W_]")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’-]*)\W*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
YEARS = range(1900, 2100)


def lower_same_length(text: str) -> str:
    """Lowercase without moving offsets (a few characters, like 'İ', grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_ASCII_WORDS = bytes(c if not _NONWORD.match(chr(c)) else 32 for c in range(128)) + b" " * 128
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def prepare(text: str, lowered: str | None = None) -> str:
    """The scan text: lowercased, non-alphanumerics as spaces, one space either side.

    Same as ``_NONWORD.sub(" ", lowered)``, done mostly in C: every character outside
    ASCII is encoded as '?' and every non-alphanumeric byte translated to a space, then
    the letters and digits outside ASCII (é, ñ, ß: rare in English text) are put back.
    """
    low = lowered if lowered is not None else lower_same_length(text)
    out = low.encode("ascii", "replace").translate(_ASCII_WORDS).decode("ascii")
    if not low.isascii():
        pieces = []
        pos = 0
        for m in _NON_ASCII.finditer(low):
            c = m.group()
            if c.isalnum():  # what \w means for a character outside ASCII
                i = m.start()
                pieces += (out[pos:i], c)
                pos = i + 1
        if pieces:
            pieces.append(out[pos:])
            out = "".join(pieces)
    return " " + out + " "


def key_of(surface: str) -> str:
    return " " + _NONWORD.sub(" ", surface.lower()).strip() + " "


@dataclass(frozen=True)
class Place:
    """A place an article may name, at one level, with its state (ISO alpha-3)."""

    name: str
    level: str  # site | city | region | country
    state: str
    lat: float | None = None
    lon: float | None = None
    in_record: bool = False
    region: str | None = None
    adjective: bool = False  # a demonym or an adjectival abbreviation (American, U.S.)

    def label(self) -> str:
        if self.level == "country":
            return state_name(self.state) or self.name
        return self.name


@dataclass(frozen=True)
class Entry:
    kind: str  # leader | place | event | month | weekday | year | decade | rel
    value: object
    case: str = "cap"  # cap: first letter upper case; exact: one of `forms`; any
    forms: frozenset[str] = frozenset()
    surname: bool = False
    abbr: bool = False
    dot: bool = False  # the surface ends with '.', which the key drops

    @property
    def plain(self) -> bool:
        return self.case == "any" and not (self.dot or self.abbr or self.kind == "leader")

    @property
    def cap_only(self) -> bool:
        """Accepted exactly when the surface starts with a capital or a digit (most places, months)."""
        return self.case == "cap" and not (self.dot or self.abbr or self.kind == "leader")


class Mention(NamedTuple):
    """A name found in the text (a tuple: there are many of them)."""

    start: int
    end: int
    kind: str
    value: Any
    text: str
    surname: bool = False


@dataclass
class Gazetteer:
    """One automaton over every name, plus what each name refers to."""

    automaton: ahocorasick.Automaton
    leaders: dict = field(default_factory=dict)  # id -> record.Leader
    places: dict[str, Place] = field(default_factory=dict)  # lowercased name -> Place
    size: int = 0
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surname -> leader ids, for misspellings
    side_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'US'/'RU' -> every leader id of that side
    role_ids: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # (side, office kind) -> holders

    def scan(self, text: str, prepared: str | None = None) -> list[Mention]:
        """Every name in ``text``, longest-leftmost, non-overlapping, in order."""
        s = prepared if prepared is not None else prepare(text)
        n = len(text)
        found: list[Mention] = []
        append = found.append
        new = tuple.__new__  # a Mention without the NamedTuple's Python-level __new__: there are many
        for e, (klen, entries, rule) in self.automaton.iter(s):
            start = e - klen + 1  # in text coordinates: key spans s[start .. e], text = s[1:]
            end = e - 1
            if rule == _PLAIN:  # years, relative phrases: no rule to check
                entry = entries[0]
                append(new(Mention, (start, end, entry.kind, entry.value, text[start:end], False)))
            elif rule == _CAP_ONLY:  # the first entry wins when the name is capitalised, else none does
                first = text[start]
                if first.isupper() or first.isdigit():
                    entry = entries[0]
                    append(new(Mention, (start, end, entry.kind, entry.value, text[start:end], entry.surname)))
            else:
                for entry in entries:
                    m = _accept(entry, text, start, end, n)
                    if m is not None:
                        append(m)
                        break
        found.extend(self._misspelled(text, found))
        pairs = self._pair_adjectives(text) + self._roles(text)
        pairs.sort(key=itemgetter(0))
        if pairs:  # "the Russia-U.S. summit": the two sides' leaders, not the two countries
            starts = [m.start for m in pairs]  # in order, not overlapping

            def covered(m: Mention) -> bool:
                i = bisect_right(starts, m.start) - 1
                return any(0 <= j < len(pairs) and pairs[j].start < m.end and m.start < pairs[j].end for j in (i, i + 1))

            found = [m for m in found if not covered(m)] + pairs
        if not found:
            return found
        # longest-leftmost: by start, and at one start the longer name first. Hits come in
        # order of their end, so reversed they are longest-first at each start, and a stable
        # sort on the start alone keeps that
        found.reverse()
        found.sort(key=itemgetter(0))
        out = [found[0]]
        for m in found[1:]:
            if m.start >= out[-1].end:
                out.append(m)
        return out


    def _misspelled(self, text: str, found: list[Mention]) -> list[Mention]:
        """A leader's surname misspelled after his title ("Premier Krushev", "President Eisenhauer"):
        a capitalised word no name matched, close to exactly one surname of the record (same first
        letter, rapidfuzz ratio at least MISSPELLING_SCORE). Only after a title, where the word
        can only be a person's name."""
        out: list[Mention] = []
        if not self.surnames:
            return out
        taken = {m.start for m in found}
        names = list(self.surnames)
        for m in _TITLED_WORD.finditer(text):
            word = m.group(1)
            if m.start(1) in taken:
                continue
            best = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=MISSPELLING_SCORE)
            if best is not None and best[0][0] == word[0]:
                out.append(Mention(m.start(1), m.end(1), "leader", self.surnames[best[0]], word, True))
        return out


    def _pair_adjectives(self, text: str) -> list[Mention]:
        """'U.S.-Soviet summit', 'the Russia-U.S. summit', 'Soviet-American talks': a meeting named
        by its two sides stands for a meeting of their leaders, one mention per side (every
        leader of that side; the stated time picks who). Only before a meeting word:
        'U.S.-Russian relations' names no meeting."""
        if not self.side_ids or "-" not in text and "–" not in text:
            return []
        out = []
        for m in _PAIR_ADJECTIVE.finditer(text):
            for group in (("a", "b") if m.group("a") else ("a2", "b2")):
                word = m.group(group)
                sd = "US" if _US_WORD.fullmatch(word) else "RU"
                out.append(Mention(m.start(group), m.end(group), "leader", self.side_ids[sd], word, False))
        return out


    def _roles(self, text: str) -> list[Mention]:
        """'the Russian prime minister', 'his Soviet counterpart', 'the American president' with no
        name after them: a leader of that side named by office. The value is every holder of the
        office; verification keeps the one in office on the stated day (`verify.narrow_roles`)."""
        if not self.role_ids:
            return []
        out = []
        for m in _ROLE.finditer(text):
            lead = _ROLE_LEAD.search(text, max(0, m.start() - 32), m.start())
            if lead is None:
                continue
            sd = "US" if _US_WORD.fullmatch(m.group("side")) else "RU"
            office = m.group("office").lower()
            kind = ("head_of_government" if office in ("premier", "prime minister", "head of government")
                    else "head_of_state" if office == "president" else "any")
            ids = self.role_ids.get((sd, kind))
            if ids:
                out.append(Mention(m.start(), m.end(), "leader", ids, text[lead.start():m.end()], False))
        for side_word in _RU_STATE.finditer(text):  # anchored on the rare word, then read back to the office
            m = _ROLE_OF.search(text, max(0, side_word.start() - 120), side_word.end())
            if m is None or m.end() != side_word.end():
                continue
            kind = "head_of_state" if m.group("office").lower().startswith("president") else "any"
            ids = self.role_ids.get(("RU", kind))
            # 'the presidents of the United States and Russia', '... of Russia and the United States':
            # each side its own mention (they may not overlap)
            us = _US_IN_LIST.search(m.group()) or _AND_US.match(text, m.end())
            us_ids = self.role_ids.get(("US", kind)) if m.group("office").lower().endswith("s") else None
            if us and us_ids:
                a, b = (m.start() + us.start(1), m.start() + us.end(1)) if us.re is _US_IN_LIST else us.span(1)
                out.append(Mention(a, b, "leader", us_ids, text[a:b], False))
                if ids and us.re is _US_IN_LIST:
                    out.append(Mention(m.start("side"), m.end(), "leader", ids, m.group("side"), False))
                    continue
            if ids:
                out.append(Mention(m.start(), m.end(), "leader", ids, m.group(), False))
        if " and " in text:
            for m in _ROLE_PAIR.finditer(text):  # 'the Russian and U.S. leaders', 'the American and Soviet presidents'
                sides = ["US" if _US_WORD.fullmatch(m.group(g)) else "RU" for g in ("a", "b")]
                if sides[0] == sides[1]:
                    continue
                kind = "head_of_state" if m.group("office").lower().startswith("president") else "any"
                for g, sd in zip(("a", "b"), sides, strict=True):
                    ids = self.role_ids.get((sd, kind))
                    if ids:
                        out.append(Mention(m.start(g), m.end(g), "leader", ids, m.group(g), False))
        return out


#: An office named instead of a leader, with no name after it.
_ROLE = re.compile(  # searched from the side's word, which is rarer than "the"
    r"(?P<side>Soviet|Russian|Kremlin|U\.S\.|American)\s+"
    r"(?P<office>leader|president|premier|prime minister|counterpart|head of state|head of government)\b"
    r"(?!,?\s+[A-Z])(?!'s? [A-Z])")
#: 'the leaders of Japan, China and Russia', 'the president of Russia': Russia's leader among
#: the leaders of a list of states (the others are outside the record).
_ROLE_OF = re.compile(
    r"\b(?P<office>leaders?|presidents?|heads?\s+of\s+state)\s+of\s+"  # from the office word: the fast form
    r"(?:(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?\s+(?:and\s+)?){0,6}?"
    r"(?P<side>Russia|the\s+Soviet\s+Union|the\s+USSR)\b(?!['\u2019]s)")
_US_IN_LIST = re.compile(r"\bof\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?\s+(?:and\s+)?)*?(the\s+United\s+States|the\s+U\.S\.|America)\b")
_AND_US = re.compile(r"\s+and\s+(the\s+United\s+States|the\s+U\.S\.|America)\b")
_ROLE_PAIR = re.compile(r"(?P<a>Soviet|Russian|U\.S\.|American)\s+and\s+(?P<b>Soviet|Russian|U\.S\.|American)\s+"
                        r"(?P<office>leaders|presidents|heads\s+of\s+state)\b")
_RU_STATE = re.compile(r"Russia|Soviet\s+Union|USSR")  # no \b: literal-first is 2x faster; the role regex checks
_ROLE_LEAD = re.compile(r"(?<![\w])(?:the|his|her|their|its)\s+(?:(?:new|newly\s+elected|recently\s+appointed|"
                        r"incoming|then)\s+)?$")
_US_WORD = re.compile(r"U\.S\.|US|American|America|United States|Washington")
_SIDE_US = r"U\.S\.|US|American|America|United States|Washington"
_SIDE_RU = r"Soviet|Russian|Russia|Moscow|Kremlin"
_PAIR_ADJECTIVE = re.compile(
    rf"(?<![\w.])(?:(?P<a>{_SIDE_US})[-–](?P<b>{_SIDE_RU})|(?P<a2>{_SIDE_RU})[-–](?P<b2>{_SIDE_US}))"
    r"(?=\s+(?:summit|summits|summitry|meeting|meetings|talks|encounter|conference)\b)")

#: A capitalised word after a leader's title: where a misspelled surname is looked for.
_TITLED_WORD = re.compile(r"\b(?:President|Premier|Chairman|Secretary|Minister|Marshal)\s+([A-Z][a-z]{4,})\b")
MISSPELLING_SCORE = 80

_PLAIN, _CAP_ONLY, _GENERAL = range(3)  # how a key's hits are checked (stored with the key)


def _accept(entry: Entry, text: str, start: int, end: int, n: int) -> Mention | None:
    """The mention if the original text obeys the entry's case and context rules."""
    surface = text[start:end]
    if entry.case == "cap":
        if not (surface[:1].isupper() or surface[:1].isdigit()):
            return None
    elif entry.case == "exact" and surface not in entry.forms:
        return None
    if entry.dot and end < n and text[end] == ".":
        end += 1
        surface = text[start:end]
    if entry.abbr:  # "Aug." or "Aug 8", never a bare "aug"/"mar"
        nxt = text[end:end + 3]
        if not (nxt.startswith(".") or (len(nxt) > 1 and nxt[0] == " " and nxt[1].isdigit())):
            return None
    if entry.kind == "leader":
        nxt = _NEXT_WORD.match(text, end, min(n, end + 30))
        if nxt and nxt.start(1) == end + 1 and nxt.group(1).lower() in MODIFIER_NOUNS:
            return None  # "the Trump administration"
        if entry.surname:
            prev = _PREV_WORD.search(text, max(0, start - 24), start)
            if prev and prev.group(1)[:1].isupper() and prev.group(1).lower() in OTHER_GIVEN_NAMES:
                return None  # "Hillary Clinton"
    return Mention(start, end, entry.kind, entry.value, surface, entry.surname)


def _variants(name: str) -> set[str]:
    """Spellings of a name: accents folded, initials with and without spaces."""
    out = {name, fold(name)}
    for v in list(out):
        out.add(re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", v))  # George H. W. -> H.W.
        out.add(re.sub(r"\b([A-Z])\.(?=[A-Z]\.)", r"\1. ", v))  # H.W. -> H. W.
        out.add(re.sub(r"\b([A-Z])\.", r"\1", v))  # H W
    return {v for v in out if v.strip()}


def _country_names(code: str) -> set[str]:
    names: set[str] = set(COUNTRY_ALIASES.get(code, ()))
    if code in HISTORICAL_STATES:
        names.add(HISTORICAL_STATES[code][0])
    else:
        c = pycountry.countries.get(alpha_3=code)
        if c is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(c, attr, None)
                if v and "," not in v and "(" not in v:
                    names.add(v)
    return names


def build_gazetteer(record: Record) -> Gazetteer:
    """The gazetteer of a record: its leaders and places plus the curated lists."""
    table: dict[str, list[tuple[int, Entry]]] = {}
    places: dict[str, Place] = {}

    def add(surface: str, entry: Entry, priority: int) -> None:
        variants = _variants(surface) if entry.kind == "leader" else {surface, fold(surface)}
        for v in variants:
            k = key_of(v)
            if not k.strip():
                continue
            e = replace(entry, dot=True) if v.endswith(".") else entry
            table.setdefault(k, []).append((priority, e))

    def add_place(surface: str, place: Place, priority: int) -> None:
        low = surface.lower()
        if low in places and places[low].in_record and not place.in_record:
            return
        places.setdefault(low, place)
        exact = surface.isupper() and len(surface) <= 3  # US, UK, USA: never "us"
        add(surface, Entry("place", place, "exact" if exact else "cap", frozenset({surface}) if exact else frozenset()), priority)

    # leaders: full names and aliases, then surnames (shared surnames keep every id)
    by_key: dict[str, tuple[set[str], bool]] = {}
    for leader in record.leaders.values():
        forms = {leader.name, *leader.aliases}
        parts = leader.name.split()
        if len(parts) >= 3:
            forms.add(f"{parts[0]} {parts[-1]}")  # George Bush, Joseph Biden
        for f in forms:
            ids, _ = by_key.setdefault(f, (set(), False))
            ids.add(leader.id)
        ids, _ = by_key.get(leader.surname, (set(), True))
        ids.add(leader.id)
        by_key[leader.surname] = (ids, True)
    for surface, (ids, is_surname) in by_key.items():
        add(surface, Entry("leader", tuple(sorted(ids)), "cap", surname=is_surname), 0)

    # places in the record: sites, cities, regions, venue and host countries
    prio = {"site": 10, "city": 11, "region": 12}
    world = {name.lower(): (lat, lon) for name, _, lat, lon, _ in WORLD_PLACES}
    for m in reversed(record.meetings):  # the latest state first: Moscow is RUS, Yalta SUN
        coords = (m.lat, m.lon) if m.lat is not None else world.get(m.city.lower(), (None, None))
        if m.site:
            for site in re.split(r"\s*[;/]\s*|\s+and\s+", m.site):
                if len(site) > 2:
                    wc = world.get(site.lower(), coords)
                    add_place(site, Place(site, "site", m.venue_state, wc[0], wc[1], True, m.region), prio["site"])
        add_place(m.city, Place(m.city, "city", m.venue_state, coords[0], coords[1], True, m.region), prio["city"])
        if m.region:
            add_place(m.region, Place(m.region, "region", m.venue_state, None, None, True), prio["region"])
    for name, code, lat, lon, level in WORLD_PLACES:
        add_place(name, Place(name, level, code, lat, lon, False), 20)
    skip_states = {"georgia", "washington", "new york"}
    for sub in pycountry.subdivisions.get(country_code="US") or ():
        if sub.type == "State" and sub.name.lower() not in skip_states or sub.name == "District of Columbia":
            add_place(sub.name, Place(sub.name, "region", "USA", None, None, False), 25)
    codes = {c.alpha_3 for c in pycountry.countries} | set(HISTORICAL_STATES)
    for code in sorted(codes):
        for name in _country_names(code):
            add_place(name, Place(name, "country", code, None, None, False), 30)
    for code, words in DEMONYMS.items():
        for w in words:
            add_place(w, Place(w, "country", code, None, None, False, adjective=True), 35)

    for family, words in EVENTS.items():
        for w in words:
            acronym = w.replace("-", "").replace(".", "").isupper() or any(ch.isdigit() for ch in w)
            add(w, Entry("event", family, "exact" if acronym else "any", frozenset({w}) if acronym else frozenset()), 5)

    for i, name in enumerate(MONTHS, 1):
        add(name.capitalize(), Entry("month", i), 6)
    for abbr, i in MONTH_ABBR.items():
        add(abbr.capitalize() + ".", Entry("month", i, abbr=True), 7)
    for i, name in enumerate(WEEKDAYS):
        add(name.capitalize(), Entry("weekday", i), 6)
    for y in YEARS:
        add(str(y), Entry("year", y, "any"), 6)
    for decade in range(1900, 2100, 10):
        add(f"{decade}s", Entry("decade", decade, "any"), 6)
    for phrase, val in RELATIVE.items():
        add(phrase, Entry("rel", val, "any"), 6)

    A = ahocorasick.Automaton()
    for k, items in table.items():
        items.sort(key=lambda pe: pe[0])
        entries = tuple(dict.fromkeys(e for _, e in items))
        rule = (_PLAIN if len(entries) == 1 and entries[0].plain
                else _CAP_ONLY if all(e.cap_only for e in entries) else _GENERAL)
        A.add_word(k, (len(k), entries, rule))
    A.make_automaton()
    for low, p in list(places.items()):
        places.setdefault(fold(low), p)
    surnames = {surface: tuple(sorted(ids)) for surface, (ids, is_surname) in by_key.items()
                if is_surname and len(surface) >= 5}
    side_ids = {sd: tuple(sorted(i for i, lead in record.leaders.items() if side(lead.state) == sd)) for sd in ("US", "RU")}
    role_ids: dict[tuple[str, str], tuple[str, ...]] = {}
    for sd in ("US", "RU"):
        role_ids[(sd, "any")] = side_ids[sd]
        for kind in ("head_of_state", "head_of_government"):
            role_ids[(sd, kind)] = tuple(sorted(i for i, lead in record.leaders.items() if side(lead.state) == sd
                                                and any(o[2] == kind for o in lead.offices)))
    return Gazetteer(A, dict(record.leaders), places, len(table), surnames, side_ids, role_ids)


def gazetteer_for(record: Record) -> Gazetteer:
    """The gazetteer of a record, built once per record object."""
    return record.derived("gazetteer", lambda: build_gazetteer(record))

