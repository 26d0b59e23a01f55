"""Rule-based extraction of counterparts and events from HSG trip remarks and visit descriptions.

Why rules: the texts are short, formulaic and edited ("Met with President Gul and
Prime Minister Erdogan. Attended the NATO Summit Meeting."), so a readable set of
patterns is precise, deterministic and auditable; its accuracy is measured against
a hand-labelled sample (tests/fixtures/hsg/extraction_gold.json).

Every hit carries its character span [start, end) in the normalised text the
parser stores (whitespace collapsed), so a reviewer can see exactly what matched.

Contacts rules, in order:
1. ``[qualifier] Office Name [of Country]`` where Office comes from ``names.OFFICE``
   ("Russian Foreign Minister Lavrov", "King Hussein of Jordan").
2. U.S. presidents, vice presidents and cabinet secretaries named without a foreign
   qualifier are the U.S. side, not counterparts, and are dropped.
3. People named inside a funeral or memorial event span are the deceased: dropped.
4. Country: the qualifier, else an "of <Country>" tail, else (trips only) the
   country visited; visits leave it unknown since their texts mostly name the U.S. side.

Events rules:
1. Strong heads always make an event: Summit, Conference, Ministerial, General
   Assembly, Security Council, and lower-case "summit".
2. Weak heads (Meeting, Session, Forum, Talks, Dialogue, Council, Commission) only
   count when the name carries an international marker (NATO, G-7, OAS, Foreign
   Ministers, Heads of State ...).
3. The name grows left over capitalised words and connectors and right over
   "Meeting", "of the Americas", "on Security ...", stopping at punctuation and verbs.
4. Funerals, inaugurations and coronations of foreign leaders are events too.
5. The type comes from the name: economic_summit (G-7/8/20, Economic Summit), nato,
   apec, un_general_assembly, un, oas, summit, conference, ministerial, meeting,
   funeral, inauguration.
"""

from __future__ import annotations

import bisect
import csv
import re
import sys
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd
import pycountry

from .countries import TABLE_PATH
from .names import (
    DEMONYMS,
    HONORIFICS,
    MONTHS,
    NAME,
    OFFICE,
    QUALIFIER,
    STOP_WORDS,
    UP,
    Person,
    is_leader,
    is_us_official,
    normalise_office,
    resolve_qualifier,
    split_visitors,
    trim_name,
)

if TYPE_CHECKING:
    from .parse import OfficialRecord

__all__ = ["Contact", "Event", "extract_contacts", "extract_text"]


@dataclass(frozen=True)
class Contact:
    """A named counterpart found in a text."""

    office: str
    name: str
    org: str | None
    country_iso3: str | None
    country_source: str | None  # qualifier | of-phrase | record | None
    is_leader: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    """A multilateral event or summit mention found in a text."""

    name: str
    type: str
    start: int
    end: int


# --- country names ("King Hussein of Jordan") -------------------------------------------------
@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                names[str(val)] = str(c.alpha_3)
    with TABLE_PATH.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["valid_from"] or row["valid_to"]:
                continue
            for label in row["hsg_label"].split(" / "):
                label = label.strip()
                if label and "(" not in label:
                    names[label] = row["iso3"]
    names.update({k: v for k, v in DEMONYMS.items() if " " in k or k[0].isupper()})
    names.update({"Russia": "RUS", "Syria": "SYR", "Iran": "IRN", "South Korea": "KOR", "North Korea": "PRK",
                  "the Soviet Union": "SUN", "Soviet Union": "SUN", "Vietnam": "VNM", "Laos": "LAO",
                  "Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA", "Moldova": "MDA", "Britain": "GBR",
                  "Great Britain": "GBR", "Taiwan": "TWN", "Kosovo": "XKX", "Palestine": "PSE"})
    return names


_OF_COUNTRY = re.compile(
    rf"\s+of\s+((?:the\s+)?[{UP}][\w'\u2019.\-]*(?:\s+(?:and\s+(?:the\s+)?)?[{UP}][\w'\u2019.\-]*){{0,4}})")


def _country_at(text: str, pos: int) -> tuple[str | None, int]:
    """Resolve " of <Country>" starting at ``pos``; return (iso3, end) or (None, pos)."""
    m = _OF_COUNTRY.match(text, pos)  # anchored at pos, without copying the rest of the text
    if not m:
        return None, pos
    words = m.group(1).split()
    names = _country_names()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n]).rstrip(".,")
        for key in (cand, cand.removeprefix("the ")):
            if key in names:
                end = m.start(1) + len(" ".join(words[:n]))
                if text[end - 1] == "." and not cand.endswith("."):
                    end -= 1
                return names[key], end
    return None, pos


# --- contacts ---------------------------------------------------------------------------------
_HON = "|".join(re.escape(h) for h in HONORIFICS)
# Every alternative of the pattern starts with a capital letter or "former" (a property
# test checks), so a one-character lookahead rejects most positions before the long
# alternations are tried: the same matches, about 30% less scanning time.
_CONTACT_GATE = rf"(?=[{UP}]|former\s)"
_CONTACT = re.compile(
    rf"(?<![\w\-]){_CONTACT_GATE}(?:(?P<poss>[{UP}][\w.\-]*(?:\s+[{UP}][\w.\-]*)?)['\u2019]s\s+)?"
    rf"(?P<qual>{QUALIFIER})?(?P<office>{OFFICE})\s+(?:(?P<hon>{_HON})\s+)?(?P<name>{NAME})"
)
# Capitalised words that end a name because they start an event or a place phrase.
_NAME_STOPS = frozenset({"Assembly", "Summit", "Conference", "Council", "Meeting", "Session", "Forum",
                         "Ministerial", "Ministers", "Affairs", "Security", "Agreement", "Treaty", "Accord",
                         "Declaration"}) | STOP_WORDS


def _cut_name(name: str) -> str:
    kept: list[str] = []
    for w in name.split(" "):
        if w.rstrip(".,") in _NAME_STOPS:
            break
        kept.append(w)
    return trim_name(" ".join(kept))


@dataclass(frozen=True)
class _Mention:
    """An office-and-name match with what the text alone says about it (no year, no record)."""

    contact: Contact  # country_iso3/country_source from the text; None when the text gives none
    match_start: int
    name_end: int
    bare_name: str  # the name without an honorific, as the U.S.-official rule reads it
    qualified: bool  # a qualifier, possessive or of-phrase names the counterpart's side


def _mentions(text: str) -> list[_Mention]:
    """The contact matches of one text: the part of the rules that depends on the text only, so
    a text that recurs on several records is scanned once."""
    out: list[_Mention] = []
    for m in _CONTACT.finditer(text):
        name = _cut_name(m.group("name"))
        if not name or name.lower() == name:
            continue
        name_end = m.start("name") + len(name)
        office = normalise_office(m.group("office"))
        qual = m.group("qual") or ""
        country, org = resolve_qualifier(qual) if qual else (None, None)
        source = "qualifier" if country else None
        poss = m.group("poss")
        poss_iso = _country_names().get(poss) if poss else None
        if poss_iso and country is None:
            country, source = poss_iso, "qualifier"
        of_iso, of_end = _country_at(text, name_end)
        end = name_end
        if of_iso:
            end = of_end
            if country is None:
                country, source = of_iso, "of-phrase"
        full = f"{m.group('hon')} {name}" if m.group("hon") else name
        start = m.start("poss") if poss_iso else (m.start("qual") if qual else m.start("office"))
        contact = Contact(office, full, org, country, source, is_leader(office), start, end, text[start:end])
        out.append(_Mention(contact, m.start(), name_end, name, bool(qual or of_iso or poss_iso)))
    return out


def _contacts(mentions: list[_Mention], *, year: int | None, record_iso3: str | None,
              blocked: list[tuple[int, int]]) -> list[Contact]:
    """Apply the contact rules that depend on the record (module docstring) to one text's mentions."""
    out: list[Contact] = []
    for mention in mentions:
        c = mention.contact
        if not mention.qualified and is_us_official(c.office, mention.bare_name, year):
            continue
        if any(a <= mention.match_start and mention.name_end <= b for a, b in blocked):
            continue
        if c.country_iso3 is None and c.org is None and record_iso3:
            c = replace(c, country_iso3=record_iso3, country_source="record")
        out.append(c)
    return out


# --- events -----------------------------------------------------------------------------------
_STRONG = r"Summits?|Conferences?|Ministerial|General\s+Assembly|Security\s+Council"
_WEAK = r"Meetings?|Session|Forum|Talks|Dialogue|Council|Commissions?"
_HEAD = re.compile(rf"(?<![\w\-])(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK})|(?P<low>summit|conference))(?![\w])")
_MARKER = re.compile(
    r"\b(?:NATO|North\s+Atlantic|NACC|EAPC|APEC|OAS|ASEAN|CENTO|SEATO|OSCE|CSCE|ANZUS|OECD|GCC|OAU|SADC|"
    r"E\.?U\.?|U\.?N\.?|United\s+Nations|Arab\s+League|African\s+Union|Quad|Quartet|Six[- ]Party|"
    r"G-?\d{1,2}|Group\s+of|Ministerial|Foreign\s+Ministers|Heads\s+of\s+(?:State|Government)|Leaders|"
    r"International|World|Regional|Economic|Security|Strategic|Commonwealth|Contact\s+Group|Coalition|"
    r"Council\s+of\s+Foreign|Gulf\s+Cooperation|Americas|Pacific|European|Atlantic|Asian|Nations)\b"
)
_DOMESTIC = re.compile(r"Conference\s+of\s+Mayors|Council\s+of\s+the\s+Americas|AIPAC|Business\s+Council|"
                       r"Council\s+on\s+(?:World\s+Affairs|Foreign\s+Relations)|Chiefs?\s+of\s+(?:U\.S\.\s+)?"
                       r"(?:Diplomatic\s+)?Missions?|Chiefs\s+of\s+Mission|Foreign\s+Service|Prayer\s+Breakfast|Governors|[Pp]ress\s+[Cc]onference|"
                       r"[Nn]ews\s+[Cc]onference|Congress|Parliament|Joint\s+(?:Meeting|Session)|National\s+Assembly")
_ROLE_OF = re.compile(r"(?:President|Chairman|Chair|Secretary[- ]General|Head|[Mm]ember|Director)\s+of\s+(?:the\s+)?$")
_OFFICE_NEXT = re.compile(rf"\s+(?:{OFFICE})\b")
_CONNECT = {"of", "on", "and", "for", "the", "in", "de", "&"}
_VERBS = {"Attended", "Addressed", "Co-chaired", "Chaired", "Hosted", "Met", "Participated", "Opened", "Closed",
          "Led", "Joined", "Spoke", "Accompanied", "Signed", "During", "At", "After", "Before", "Also", "Visited",
          "Delivered", "Represented", "Observed", "Discussed", "Briefed", "Presided"}
_TOKEN = re.compile(r"\S+")
_END = sys.maxsize  # sorts after any token end in a bisect key
_OFFICE_WORDS = {"Minister", "President", "Secretary", "Chancellor", "Premier", "King", "Queen", "Representative",
                 "Chairman", "Chairperson", "Envoy"}
_ABBREV = re.compile(r"(?:[A-Z]\.|-)+|St\.")
_CAP_TOKEN = re.compile(rf"^[\"'\u2018\u201c(]?(?:[{UP}0-9]|U\.S\.|[a-z]+-[{UP}])[\w'\u2019.\-/&+]*$")


def _is_cap(tok: str) -> bool:
    bare = tok.rstrip(".,;:")
    return bool(_CAP_TOKEN.match(tok)) and tok not in _VERBS and bare not in STOP_WORDS - {"The"} and bare not in MONTHS


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _grow(text: str, start: int, end: int, toks: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Grow an event head over neighbouring name words, within one clause (``toks``: `_tokens(text)`)."""
    # tokens holding ``start`` or beginning inside [start, end); the first candidate by bisection
    idx = []
    for i in range(max(bisect.bisect_right(toks, (start, _END, "")) - 1, 0), len(toks)):
        a, b, _t = toks[i]
        if a >= end and a > start:
            break
        if a <= start < b or start <= a < end:
            idx.append(i)
    if not idx:
        return start, end
    lo, hi = idx[0], idx[-1]
    # left
    i = lo - 1
    while i >= 0:
        tok = toks[i][2]
        if tok[-1] in ".,;:)" and not _ABBREV.fullmatch(tok):
            break
        if not (_is_cap(tok) or (tok in _CONNECT and i > 0 and _is_cap(toks[i - 1][2]))):
            break
        if tok in _OFFICE_WORDS:
            break
        i -= 1
    lo = i + 1
    while lo < hi and toks[lo][2] in _CONNECT:
        lo += 1
    # right: only if the head itself does not end the clause
    j = hi
    if not re.search(r"[.,;:)]$", toks[hi][2]):
        j = hi + 1
        while j < len(toks):
            tok = toks[j][2]
            stripped = tok.rstrip(".,;:)")
            if not stripped:
                break
            if re.fullmatch(r"[Mm]eetings?|[Ss]essions?|Summits?|Conferences?|Ministerial|Council|Forum", stripped):
                j += 1
                if stripped != tok:
                    break
                continue
            if tok in {"of", "on", "for"}:
                # "Summit of the Americas", "Conference on Security and Cooperation in Europe"
                k = j + 1
                while k < len(toks) and toks[k][2] in {"the", "a"}:
                    k += 1
                if k >= len(toks) or not _is_cap(toks[k][2]):
                    break
                while k < len(toks) and (_is_cap(toks[k][2]) or toks[k][2] in _CONNECT - {"in"}
                                         or (toks[k][2] == "in" and k + 1 < len(toks)
                                             and toks[k + 1][2].startswith("Europe"))):
                    if re.search(r"[.,;:)]$", toks[k][2]) and not _ABBREV.fullmatch(toks[k][2]):
                        k += 1
                        break
                    k += 1
                j = k
                while toks[j - 1][2] in _CONNECT:
                    j -= 1
                break
            break
        j -= 1
    a = toks[lo][0]
    b = toks[j][1]
    piece = text[a:b]
    trimmed = piece.rstrip(".,;:)\u201d\"'")
    last = trimmed.split(" ")[-1] + "."
    if piece.startswith(trimmed + ".") and re.search(r"(?:^|-)(?:[A-Z]\.)+$", last):
        trimmed += "."
    # keep abbreviation dots ("U.N.") and balanced parentheses ("(OSCE)")
    if piece.endswith(")") and piece.count("(") == piece.count(")"):
        trimmed = piece
    b = a + len(trimmed)
    a += len(piece) - len(piece.lstrip("\"'(\u201c\u2018"))
    return a, b


@lru_cache(maxsize=4096)
def event_type(name: str) -> str:
    """Classify an event name (see module docstring)."""
    if re.search(r"\bG-?(?:7|8|20)\b|Group\s+of\s+(?:Seven|Eight|Twenty)|Economic\s+Summit", name):
        return "ministerial" if re.search(r"Minist", name) else "economic_summit"
    if re.search(r"\bNATO\b|North\s+Atlantic|\bNACC\b|\bEAPC\b", name):
        return "nato"
    if re.search(r"\bAPEC\b|Asia[-\s]Pacific\s+Economic\s+(?:and\s+)?Cooperation", name):
        return "apec"
    if re.search(r"\bOAS\b|Organization\s+of\s+American\s+States", name):
        return "oas"
    if re.search(r"General\s+Assembly", name):
        return "un_general_assembly"
    if re.search(r"\bU\.?N\.?\b|United\s+Nations|Security\s+Council", name):
        return "un"
    if re.search(r"[Ss]ummit", name):
        return "summit"
    if re.search(r"[Cc]onference", name):
        return "conference"
    if re.search(r"Ministerial", name):
        return "ministerial"
    return "meeting"


_CEREMONY = re.compile(  # the lookahead holds the first letters of the alternatives: a cheap gate
    rf"(?=[sfmbice])(?P<kind>(?:state\s+)?funeral(?:\s+services?)?|memorial\s+services?|burial|inauguration|swearing[- ]in|"
    rf"coronation|enthronement|investiture)\s+(?:ceremony\s+)?(?:of|for)\s+"
    rf"(?:the\s+late\s+|former\s+)?(?:(?:{QUALIFIER})?(?:{OFFICE})\s+)?(?P<cname>{NAME})"
)
_STANDALONE = re.compile(r"(?<![\w\-])(?:APEC|UNGA|G-?(?:7|8|20))(?![\w\-])")


def _events(text: str) -> list[Event]:
    """Ceremonies, then headed events, then bare acronyms; overlapping hits keep the longest."""
    found: list[Event] = []
    for m in _CEREMONY.finditer(text):
        kind = m.group("kind").lower()
        typ = "funeral" if re.search(r"funeral|memorial|burial", kind) else "inauguration"
        cut = _cut_name(m.group("cname"))
        b = m.start("cname") + len(cut) if cut else len(text[: m.start("cname")].rstrip())
        iso, of_end = _country_at(text, b)
        if iso:
            b = of_end
        found.append(Event(text[m.start():b], typ, m.start(), b))
    toks: list[tuple[int, int, str]] | None = None
    for m in _HEAD.finditer(text):
        if m.group("low") and re.search(r"(?:pre|post)-$", text[: m.start()]):
            continue
        if toks is None:
            toks = _tokens(text)
        a, b = _grow(text, m.start(), m.end(), toks)
        name = text[a:b]
        if _DOMESTIC.search(name):
            continue
        if m.group("weak") and not _MARKER.search(name):
            continue
        if _ROLE_OF.search(text[:a]) or (m.group("weak") and _OFFICE_NEXT.match(text[b:])):
            continue  # "President of the European Council", "European Commission President X"
        if m.group("low") == "conference" and not re.search(rf"conference\s+(?:on|of|for)\s+[{UP}]", name):
            continue
        found.append(Event(name, event_type(name), a, b))
    for m in _STANDALONE.finditer(text):
        found.append(Event(m.group(), event_type(m.group()), m.start(), m.end()))
    # keep the longest of overlapping hits
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Event] = []
    for ev in found:
        if kept and ev.start < kept[-1].end:
            if ev.end - ev.start > kept[-1].end - kept[-1].start:
                kept[-1] = ev
            continue
        kept.append(ev)
    return kept


def _scan(text: str) -> tuple[list[_Mention], list[Event], list[tuple[int, int]]]:
    """What one text says, before the record's year and country apply: mentions, events and the
    spans (funerals) in which a mention is no meeting."""
    events = _events(text)
    return _mentions(text), events, [(e.start, e.end) for e in events if e.type == "funeral"]


def extract_text(
    text: str | None, *, on: date | None = None, record_iso3: str | None = None,
    scanned: tuple[list[_Mention], list[Event], list[tuple[int, int]]] | None = None,
) -> tuple[list[Contact], list[Event]]:
    """Contacts and events in one normalised text; ``record_iso3`` is the country visited (trips);
    ``scanned`` is `_scan(text)` when the caller already has it."""
    if not isinstance(text, str) or not text:
        return [], []
    mentions, events, blocked = scanned or _scan(text)
    year = on.year if on is not None else None
    return _contacts(mentions, year=year, record_iso3=record_iso3, blocked=blocked), events


# --- tables -----------------------------------------------------------------------------------
CONTACT_COLUMNS = ["record_kind", "record_id", "date", "president_id", "traveller", "source_field",
                   "counterpart_office", "counterpart_name", "counterpart_org", "country_iso3", "country_source",
                   "is_leader", "span_start", "span_end", "text"]
EVENT_COLUMNS = ["record_kind", "record_id", "date", "president_id", "traveller", "source_field", "event_name",
                 "event_type", "span_start", "span_end"]


def _as_date(v: Any) -> date | None:
    if v is None or pd.isna(v):
        return None
    return v.date() if hasattr(v, "date") else v


def _rows(df: pd.DataFrame, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Row dicts over the named columns; column lists are much faster than ``to_dict('records')``."""
    present = [c for c in columns if c in df.columns]
    return [dict(zip(present, vals, strict=True)) for vals in zip(*(df[c].tolist() for c in present), strict=True)]


_ROW_COLUMNS = ("id", "start_date", "president_id", "who", "country_iso3", "remarks", "description", "visitor",
                "visitors")


def extract_contacts(official: OfficialRecord) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(contacts, events) for every trip remark, visit description and visitor field.

    Visitors are contacts too (``source_field == 'visitor'``, span within the
    visitor string): the visitor is the counterpart of the sitting president.
    """
    contacts: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    sources = (
        ("president_trip", official.president_trips, "remarks", True),
        ("secretary_trip", official.secretary_trips, "remarks", True),
        ("visit", official.visits, "description", False),
    )
    # Texts recur (a secretary's "Met with Foreign Minister X" on several trips): extract each
    # (text, year, country visited) once; the result is a pure function of those three.
    seen: dict[tuple[Any, int | None, Any], tuple[list[Contact], list[Event]]] = {}
    scans: dict[str, tuple[list[_Mention], list[Event], list[tuple[int, int]]]] = {}  # one scan per text
    for kind, df, field_name, use_record_country in sources:
        for row in _rows(df, _ROW_COLUMNS):
            on = _as_date(row.get("start_date"))
            base = {
                "record_kind": kind,
                "record_id": row["id"],
                "date": row.get("start_date"),
                "president_id": row.get("president_id"),
                "traveller": row.get("who") if kind != "visit" else None,
            }
            iso = row.get("country_iso3") if use_record_country else None
            text = row.get(field_name)
            key = (text if isinstance(text, str) else None, on.year if on else None, iso)
            if key not in seen:
                if key[0] and key[0] not in scans:
                    scans[key[0]] = _scan(key[0])
                seen[key] = extract_text(key[0], on=on, record_iso3=iso, scanned=scans.get(key[0] or ""))
            found, evs = seen[key]
            for c in found:
                contacts.append(_contact_row(base, field_name, c))
            for e in evs:
                events.append({**base, "source_field": field_name, "event_name": e.name, "event_type": e.type,
                               "span_start": e.start, "span_end": e.end})
            if kind == "visit":
                contacts += _visitor_rows(base, row)
    return (pd.DataFrame(contacts, columns=CONTACT_COLUMNS), pd.DataFrame(events, columns=EVENT_COLUMNS))


def _contact_row(base: dict[str, Any], field_name: str, c: Contact) -> dict[str, Any]:
    return {**base, "source_field": field_name, "counterpart_office": c.office, "counterpart_name": c.name,
            "counterpart_org": c.org, "country_iso3": c.country_iso3, "country_source": c.country_source,
            "is_leader": c.is_leader, "span_start": c.start, "span_end": c.end, "text": c.text}


def _people(row: dict[str, Any]) -> list[Person]:
    """The visitors as the parser split them (``visitors``), or split here for a bare row."""
    parsed = row.get("visitors")
    if isinstance(parsed, list | tuple):
        return [Person(p.get("office"), p.get("name")) for p in parsed]
    return split_visitors(row.get("visitor") or "")


def _visitor_rows(base: dict[str, Any], row: dict[str, Any]) -> list[dict[str, Any]]:
    visitor = row.get("visitor") or ""
    out = []
    cursor = 0
    for p in _people(row):
        if not p.name:
            continue
        i = visitor.find(p.name, cursor)
        start, end = (i, i + len(p.name)) if i >= 0 else (None, None)
        if i >= 0:
            cursor = end or cursor
            if p.office:
                j = visitor.rfind(p.office.split(" ")[0], 0, i)
                start = j if j >= 0 else start
        out.append({**base, "source_field": "visitor", "counterpart_office": p.office, "counterpart_name": p.name,
                    "counterpart_org": None, "country_iso3": row.get("country_iso3"), "country_source": "record",
                    "is_leader": is_leader(p.office), "span_start": start, "span_end": end,
                    "text": visitor[start:end] if start is not None else None})
    return out
