"""From mentions to claims: who met whom, where, when and in what setting.

A sentence is cut into clauses (at ';', a spaced dash, 'while', ', but'); in a clause,
leader mentions close together ("Reagan-Gorbachev", "Biden and Putin", "Bush's hosting
of Putin") form a group, and the places, events and times of the clause are given to
the nearest group. A group is a claim when it pairs a U.S. and a Soviet/Russian leader
and says they met (or gives both a place and a time), or when one leader visits or
hosts. A clause with no names but a pronoun or "the meeting" takes its participants
from the previous claim. Hypothetical and negated clauses ("the idea of hosting Putin",
"never met") make no claim: the checker prefers saying nothing to checking a sentence
that asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

from summitry.checker.dates import TimeMention, TimeSpec
from summitry.checker.gazetteer import Gazetteer, Mention, Place, lower_same_length
from summitry.checker.record import Record, side

_CLAUSE_SPLIT = re.compile(r";|\s[—–]\s|\s--\s|,\s+(?:while|whereas|whilst|but)\s|\s(?:while|whereas|whilst)\s")
_GROUP_GAP_BAD = re.compile(r"[;:()\"“”]|\bwhile\b|\bbut\b")
#: Words in a gap between two leaders' names that say nothing about grouping them: a photo
#: caption's position ("Ford, left, met", "Bush (L) shakes hands with") and the second
#: leader's title ("met with Soviet General Secretary Brezhnev", "met with his Soviet
#: counterpart, Aleksi Kosygin": a given name the record spells otherwise is let through).
_GAP_CAPTION = re.compile(
    r",\s*(?:left|right|center|centre|(?:second|third) from (?:left|right))\s*,|"
    r"\s*\((?:\d(?:st|nd|rd|th)\s+)?(?:L|R|C|left|right|center|centre)\)", re.IGNORECASE)
_GAP_TITLE = re.compile(
    r"(?:(?:Soviet|Russian|American|U\.S\.|Communist)\s+)?(?:Party\s+)?(?:General Secretary|Secretary General|"
    r"President|Premier|Prime Minister|Chairman|Vice President|leader)\s*$"
    r"|(?:his|her|their)\s+(?:(?:Soviet|Russian|American|U\.?S\.?)\s+)?counterpart,?(?:\s+[a-z]+)?\s*$",
    re.IGNORECASE)
_BOUNDARY = re.compile(r",?\s+and\b|,\s*(?:and\s+)?(?:when|then|after|before|later)\b|\bbut\b|,")

MEET_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|summit|summits|summitry|talks|session|sessions|visit|visits|visited|visiting|hosted|"
    r"hosting|hosts|welcomed|welcoming|received|sat down|sit-down|encounter|encounters|conversation|"
    r"face-to-face|tête-à-tête|get-together|rendezvous|conference|horseshoes|dinner|played host|"
    r"shook hands|shakes hands|shaking hands|shake hands|handshake|repeated|signed|signing|greeted|greeting|greets)\b",
)
VISIT_CUE = re.compile(
    r"\b(?:visit|visits|visited|visiting|trip|trips|travell?ed|flew|hosted|hosting|hosts|welcomed|welcoming|"
    r"received|receiving|went to|came to|arrived in)\b",
)
HYPOTHETICAL = re.compile(
    r"\b(?:the idea of|the prospect of|unthinkable|would|could|might|if|whether|never|not|refused to|declined to|"
    r"hopes? to|hoped to|plans? to|planned to|wants? to|wanted to|proposed|invit\w+|rumou?red|reportedly|"
    r"readmit|expected to|preferred to|prefers? to|offered to|suggested|sought to|tried to|insisted on)\b|n['’]t\b",
)
ANAPHORA = re.compile(
    r"\b(?:he|she|they|him|them|the two(?: leaders| men| presidents)?|the pair|both men|both leaders|"
    r"the leaders|something he|something they)\b"
    r"|\b(?:the|that|this)\s+(?:\d{4}\s+)?(?:meeting|summit|visit|talks|encounter)\b",
)
#: A clause that opens on the meeting itself, with one adjective at most: "This important event
#: took place backstage during the G-20 summit in London" is about the meeting just claimed.
_OPENING_ANAPHOR = re.compile(r"\s*(?:the|that|this)\s+(?:[a-z]+\s+){0,2}(?:meeting|summit|event|encounter|talks)\b",
                              re.IGNORECASE)
#: A verb of meeting between two leaders' names: with no place, time or event, a dated article's
#: "Bush met with Putin" is about the days before it was written.
_MET_VERB = re.compile(r"\b(?:met|meets|greeted|greets|greeting|shook hands|shakes hands|held talks|holds talks)\b")
#: A meeting named as such, for a lone leader continuing the last claim's pair.
_MEETING_NOUN = re.compile(r"\b(?:meeting|meetings|summit|summits|talks|meet|meets|met)\b")
#: How many sentences back "the summit" at the head of a clause may still mean the last claim's
#: meeting, when no other leader is named between them; and how far into its clause it may open
#: ("At the summit, ...").
ANAPHORA_REACH = 3
_OPENING_WORDS = 4
REPEAT = re.compile(r"\b(?:repeated|again|did the same|once more|a second time|same thing)\b")
# a superlative about the meeting itself ("first met", "their first official meeting", "the
# last event ... on U.S. soil"), not about something else ("the first president to host")
SUPERLATIVE = re.compile(
    r"\bfor the (?P<a>first|last|final) time\b"
    r"|\b(?P<b>first|last|final|most recent|latest|inaugural)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>met|meeting|meetings|summit|summits|encounter|event|visit|talks|sit-down|sat|time)\b",
)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$")
#: A superlative over every meeting of the two sides, not of the leaders named: it speaks of
#: "a Soviet leader", "any U.S. president", or stands as "the first/last <noun> ..." with no
#: "their" ("Trump met Putin in Anchorage, the first summit held on American soil").
_PAIR_SCOPE = re.compile(r"\b(?:their|his|her|the pair's|the two leaders'|the two men's|the leaders')\s+(?:\w+\s+)?$")
_SIDES_SCOPE = re.compile(r"\bby (?:a|any) (?:soviet|russian|u\.s\.|american|us) (?:leader|president|head)|"
                          r"\b(?:a|any) (?:soviet|russian|u\.s\.|american) (?:leader|president)s?\b")
OUTSIDE_MULTI = re.compile(
    r"outside (?:of )?(?:the )?(?:\w+ )?multilateral|excluding multilateral|not counting multilateral|"
    r"apart from multilateral|\bbilateral\b",
)
OFFICIAL = re.compile(r"\bofficial (?:meeting|summit|visit|talks)\b|\bfirst official\b")
NO_OFFICIALS = re.compile(
    r"without (?:any )?(?:[\w.]+\s+){0,2}(?:officials|aides|advisers|advisors|note-?takers|interpreters?)|"
    r"\bunofficial\b|one-on-one|\bno (?:[\w.]+\s+)?officials|private (?:meeting|conversation|chat|talk)|"
    r"informal (?:chat|conversation|talk)",
)
THIRD_PARTY = re.compile(r"neutral (?:ground|territory|venue|country|soil)|third[- ](?:party|country)|third countries")
MARGINS = re.compile(r"\b(?:margins|sidelines|fringes)\b")
CANCELLED = re.compile(r"\b(?:cancel(?:l)?ed|called off|scrapped|collapsed|postponed)\b")
QUESTION = re.compile(r"\?[\"'”’)]*$")

_LOC_BEFORE = re.compile(
    r"\b(?:in|at|on|to|near|off|outside|inside|into|toward|towards|visit(?:ed|ing|s)?|hosted|held)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:(?:capital|city|town|resort|village|port|ranch|estate)\s+(?:of|in)\s+)?$",
)
#: A place after one of these is what the talks were about, not where they were held: "the
#: crisis in Berlin", "the war in Afghanistan", "the situation in Syria", "troops in Germany".
_TOPIC_BEFORE = re.compile(
    r"\b(?:crisis|crises|war|wars|conflict|conflicts|situation|fighting|tension|tensions|question|issue|"
    r"issues|problem|problems|status|future|blockade|airlift|occupation|invasion|annexation|uprising|unrest|"
    r"violence|ceasefire|cease-fire|truce|peace|settlement|troops|forces|bases|missiles|weapons|policy|"
    r"elections?|referendum|protests|crackdown|events|developments|massacre|bombing|strikes|deployment)\s+"
    r"(?:in|over|of|around|on|for|inside|within|across|near)\s+(?:the\s+)?$",
)
#: A place of another meeting, or a list of them: "the fifth this year, following talks in
#: Moscow; Washington; Bratislava, Slovakia, and Gleneagles".
_OTHER_MEETING = re.compile(
    r"\b(?:following|after|before|since|like|unlike|preceding)\s+(?:the\s+|their\s+|earlier\s+|previous\s+|prior\s+)*"
    r"(?:talks|meetings?|summits?|visits?|encounters?)\s+(?:in|at)\s+"
    r"(?:[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*){0,2}(?:\s*[;,]\s*(?:and\s+)?|\s+and\s+))*$",
)
#: Where a statement was made, not where the leaders met: "a White House spokesman said in California".
_REPORTED_IN = re.compile(r"\b(?:said|says|told reporters|told journalists|announced|reported|spoke|speaking)\s+in\s+$")
#: Inside "before/after the <event> ...": the event's place or time, a point of reference ("their first
#: summit before the G8 meeting set for July in Okinawa"). "After the close of the G-8 summit in
#: Cologne" is no such reference: it puts the leaders there, at its end.
#: "before the G8 meeting set for July": another event, a reference, not where or when they met.
#: "after the close of" or "before the opening of" an event is at it, on its margins.
REFERENCE_EVENT = re.compile(r"\b(?:before|after|ahead of|prior to)"
                             r"(?!\s+the\s+(?:opening|start|close|end|conclusion)\s+of\b)"
                             r"\s+(?:the|their|his|her)\s+[^.;:!?,]{0,50}$")
#: "after his meeting with Putin in Helsinki": the reference event is the pair's own meeting, so
#: its place is the claim's.
_OWN_MEETING = re.compile(r"\b(?:after|before|ahead of|prior to|following)\s+(?:his|her|their)\s+(?:\w+\s+)?"
                          r"(?:meeting|summit|talks|encounter)\s+with\s+[^.;:!?,]{0,40}$")
_LOC_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:summit|summits|meeting|meetings|talks|conference|negotiations|encounter|sit-down|"
    r"tête-à-tête|visit)\b",
)
LOCATION_NOUNS = frozenset(["soil", "territory", "ground", "capital", "city", "town", "resort", "port", "village", "state", "side", "seaside", "countryside"])
FUNCTION_WORDS = frozenset(
    ["for", "and", "or", "to", "in", "on", "at", "with", "by", "from", "as", "since", "after", "before", "during", "when", "where", "while", "is", "was", "were", "but", "that", "this", "last", "next", "which", "who", "whom", "whose", "the", "a", "an", "of", "its", "it"]
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
_HOSTING = re.compile(
    r"^(?:'s|’s)?\s+(?:hosting of|hosted|hosts|host|welcomed|welcoming|welcomes|received|receiving|"
    r"played host to|plays host to|entertained)\b",
)
_HOSTED_BY = re.compile(r"\bhosted by\s+(?:the\s+)?$")
_VISIT_TO = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:visit|visits|visited|trip|travell?ed|flew|went|came)\b",
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:first|last|only)\s+(?!time)(?:[\w-]+\s+){0,2}(?:meeting|summit|visit|trip|encounter)s?\s+(?:in|on)\s+(?:the\s+)?$",
)
_CUE_NOUN_AFTER = re.compile(r"(?:'s|’s)?\s+(?:summit|meeting|meetings|talks|visit|summits|soil|territory)\b")
_NOUN = re.compile(r"\b(summit|meeting|visit|talks)s?\b")


@dataclass
class PlaceClaim:
    place: Place
    start: int
    end: int
    text: str
    qualifier: bool = False  # scopes a superlative ("first meeting in Russia"), not checked itself


@dataclass
class Claim:
    """One statement that leaders met, with everything the article says about it."""

    start: int
    end: int
    sentence: tuple[int, int]
    leaders: list[Mention] = field(default_factory=list)
    options: list[tuple[str, ...]] = field(default_factory=list)  # candidate ids per named leader
    explicit: bool = True  # participants named in this clause (not taken from an earlier claim)
    places: list[PlaceClaim] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    time: TimeSpec | None = None
    each_year: list[int] | None = None  # "in 1994 and 1995": a meeting in each
    event: str | None = None
    host: str | None = None
    host_text: str | None = None
    mode: str | None = None
    officials: bool | None = None
    superlative: str | None = None
    exclude_multilateral: bool = False
    official_only: bool = False
    cancelled: bool = False
    summit_only: bool = False  # "their first summit": meetings in the summit format
    noun: str | None = None  # what the article calls it (summit, meeting, visit, talks)
    visit_days: bool = False  # the stated days are a visit's ("visited Bratislava February 23-24 for talks")
    offices: list[tuple[int, str, str]] = field(default_factory=list)  # (option index, kind, the words) stated
    sides_scope: bool = False  # a superlative over all meetings of the two sides, not the leaders named
    superlative_at: int = -1  # where the superlative starts: places after it scope it, places before name the meeting
    recent: bool = False  # "Bush met ... with Putin" and nothing else: a news report's recent meeting (`verify`)

    @property
    def participants(self) -> list[str]:
        out: list[str] = []
        for opt in self.options:
            for i in opt:
                if i not in out:
                    out.append(i)
        return out

    @property
    def time_text(self) -> str | None:
        return " and ".join(t.text for t in self.times) if self.times else None


@dataclass
class _Group:
    leaders: list[Mention]
    attrs: list[object] = field(default_factory=list)  # Mention (place/event) or TimeMention

    @property
    def start(self) -> int:
        return self.leaders[0].start

    @property
    def end(self) -> int:
        return self.leaders[-1].end


# every clause split holds one of these; most sentences hold none and are one clause
_MAY_SPLIT = re.compile(r";|—|–|--|whil|wherea|,\s+but")  # literal-first alternatives: the fastest form


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not _MAY_SPLIT.search(text, start, end):
        return [(start, end)] if end > start else []
    out = []
    pos = start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        if pos == start and _DATE_HEAD.fullmatch(text, start, m.start()):
            continue  # a timeline's line, "September 1990 -- Bush ...": the date heads the clause
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


#: A line's head that is only a date ("May-June 1990", "Nov. 19, 1985", "1959"), as in timelines.
_DATE_HEAD = re.compile(r"\s*(?:(?:early|mid|late)[-\s]+)?(?:[A-Za-z]{3,9}\.?(?:\s*[-–/]\s*[A-Za-z]{3,9}\.?)?\s+)?"
                        r"(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+)?\d{4}s?\s*:?\s*")


_LOCAL = threading.local()  # the original-case text of the document being read


def is_locative(text: str, m: Mention) -> bool:
    """Whether a place mention says where something happened ("in Geneva", "the Helsinki
    summit", "on U.S. soil"), not an adjective ("U.S. foreign policy"), a subject, or the
    topic of the talks ("dominated by the crisis in Berlin").
    `text` is the lowercased document; the case of the next word comes from the original."""
    place: Place = m.value  # type: ignore[assignment]
    if _TOPIC_BEFORE.search(text, max(0, m.start - 40), m.start):
        return False  # the subject of the talks ("the crisis in Berlin"), not their venue
    if (_OTHER_MEETING.search(text, max(0, m.start - 120), m.start) or _REPORTED_IN.search(text, max(0, m.start - 30), m.start)
            or (REFERENCE_EVENT.search(text, max(0, m.start - 70), m.start)
                and not _OWN_MEETING.search(text, max(0, m.start - 70), m.start))):
        return False  # another meeting's place, where something was said, or a reference event's place
    before = _LOC_BEFORE.search(text, max(0, m.start - 40), m.start)
    original = getattr(_LOCAL, "original", None) or text
    nxt = _NEXT_WORD.match(original, m.end, min(len(original), m.end + 30))
    next_word = nxt.group(1) if nxt and nxt.start(1) in (m.end + 1, m.end) else ""
    if place.level == "country":
        adjectival = place.adjective or (
            next_word[:1].islower() and next_word.lower() not in FUNCTION_WORDS and next_word.lower() not in LOCATION_NOUNS
        )
        if place.adjective or next_word.lower() in LOCATION_NOUNS:
            return bool(before) and next_word.lower() in LOCATION_NOUNS
        if adjectival:
            return False
    if before:
        return True
    return bool(_LOC_AFTER.match(text, m.end))


def _locative(text: str, m: Mention) -> bool:
    """`is_locative`, answered once per place mention of the document being read (a place
    is tested when a group is split by place and time, and again when its places are read)."""
    memo: dict[int, bool] | None = getattr(_LOCAL, "locative", None)
    if memo is None:
        return is_locative(text, m)
    hit = memo.get(m.start)
    if hit is None:
        hit = memo[m.start] = is_locative(text, m)
    return hit


def extract(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    times: list[TimeMention],
    gaz: Gazetteer,
    record: Record,
    lowered: str | None = None,
) -> list[Claim]:
    """Every claim in the document, in order. The cue patterns run on the lowercased text
    (`lowered`, same length as `text`), which is faster than case-insensitive matching."""
    _LOCAL.original = text
    _LOCAL.locative = {}
    try:
        return _extract(lowered if lowered is not None else lower_same_length(text), sentences, mentions, times, record)
    finally:
        _LOCAL.original = None
        _LOCAL.locative = None


def _extract(text: str, sentences: list[tuple[int, int]], mentions: list[Mention], times: list[TimeMention],
             record: Record) -> list[Claim]:
    items: list[object] = sorted(  # a page's time stamps date the page, never a meeting; nor does
        [m for m in mentions if m.kind in ("leader", "place", "event")]  # "since 2010", a point of reference
        + [t for t in times if not t.stamp and not _SINCE.search(text, max(0, t.start - 8), t.start)],
        key=attrgetter("start"),
    )
    starts = [x.start for x in items]  # type: ignore[attr-defined]
    claims: list[Claim] = []
    last: Claim | None = None
    last_sentence = -2
    for si, (s, e) in enumerate(sentences):
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        if lo == hi:
            continue
        if text.find("?", s, e) != -1 and QUESTION.search(text, s, e):
            continue
        sentence_items = items[lo:hi]
        sentence_claims: list[Claim] = []
        for cs, ce in clauses(text, s, e):
            # a sentence of one clause (the common case) needs no filtering
            clause_items = sentence_items if (cs, ce) == (s, e) else [
                x for x in sentence_items if cs <= x.start < ce]  # type: ignore[attr-defined]
            if not clause_items:
                continue
            near = bool(sentence_claims) or last_sentence == si - 1
            prev = sentence_claims[-1] if sentence_claims else (
                last if si - last_sentence <= ANAPHORA_REACH else None)
            for claim in _clause_claims(text, cs, ce, clause_items, (s, e), record, prev, near=near):
                merged = _merge_into(sentence_claims, claim)
                if not merged:
                    sentence_claims.append(claim)
        if sentence_claims:
            claims.extend(sentence_claims)
            last = sentence_claims[-1]
            last_sentence = si
        elif (named := named_pair(sentence_items, record)) is not None:
            # "Presidents Putin and Clinton reached agreement ... At their Moscow summit yesterday,
            # the two leaders signed": a sentence that names the pair but claims no meeting is
            # still who "their" and "the two leaders" mean in the next one
            last = Claim(s, s, (s, e), [], named, explicit=False)
            last_sentence = si
        elif last is not None and any(isinstance(x, Mention) and x.kind == "leader"
                                      and not any(set(x.value) & set(o) for o in last.options)
                                      for x in sentence_items):
            last = None  # another leader named since: "the summit" no longer means the last claim's
    return claims


def named_pair(items: list[object], record: Record) -> list[tuple[str, ...]] | None:
    """The leaders a sentence names, when they are one U.S. and one Soviet/Russian leader, each
    named unambiguously, or made so by the other ("President Bush and ... Putin": only the
    Bush whose presidency overlaps Putin's time in office); else None."""
    named = list(dict.fromkeys(tuple(x.value) for x in items if isinstance(x, Mention) and x.kind == "leader"))
    if len(named) != 2:
        return None
    a, b = named
    if len(a) > 1 and len(b) == 1:
        a = tuple(i for i in a if _in_office_together(record, i, b[0]))
    elif len(b) > 1 and len(a) == 1:
        b = tuple(i for i in b if _in_office_together(record, i, a[0]))
    if len(a) != 1 or len(b) != 1:
        return None
    sides = [record.sides(a), record.sides(b)]
    return [a, b] if {frozenset({"US"}), frozenset({"RU"})} == set(sides) else None


def _in_office_together(record: Record, one: str, other: str) -> bool:
    if one not in record.leaders or other not in record.leaders:
        return False
    far = dt.date.max
    return any(s1 <= (e2 or far) and s2 <= (e1 or far)
               for s1, e1 in record.leaders[one].terms for s2, e2 in record.leaders[other].terms)


def _merge_into(existing: list[Claim], claim: Claim) -> bool:
    """A later mention of the same leaders in a sentence adds to the claim already made."""
    for c in existing:
        if claim.explicit and set(claim.participants) <= set(c.participants) and not claim.times and not claim.superlative:
            if not c.places:
                c.places = claim.places
            c.host = c.host or claim.host
            c.host_text = c.host_text or claim.host_text
            c.mode = c.mode or claim.mode
            return True
    return False


def _mood_end(text: str, items: list[object], ce: int) -> int:
    """Where a clause's mood stops mattering: at the first comma after its last name, place or
    time. "They signed an accord to destroy 34 tons of plutonium, an amount that could make
    thousands of warheads" is no hypothetical meeting; "will meet in Budapest if ..." is."""
    core_end = max(x.end for x in items)  # type: ignore[attr-defined]
    comma = text.find(",", core_end, ce)
    return ce if comma == -1 else comma


def _clause_claims(text: str, cs: int, ce: int, items: list[object], sentence: tuple[int, int],
                   record: Record, prev: Claim | None, near: bool = True) -> list[Claim]:
    leaders = [x for x in items if isinstance(x, Mention) and x.kind == "leader"]
    if not leaders and prev is None:
        return []  # no names and no claim to continue: no need to test the clause's mood
    if HYPOTHETICAL.search(text, cs, _mood_end(text, items, ce)):
        return []
    attrs = [x for x in items if not (isinstance(x, Mention) and x.kind == "leader")]
    if not leaders:
        claim = _anaphoric(text, cs, ce, attrs, sentence, prev, near)
        return [claim] if claim else []
    groups = _groups(text, items, record)
    _assign(text, groups, attrs)
    bounds = [(cs if gi == 0 else _segment_start(text, groups[gi - 1], g),
               ce if gi == len(groups) - 1 else _segment_start(text, g, groups[gi + 1])) for gi, g in enumerate(groups)]
    made: list[tuple[_Group, tuple[int, int], list[Claim]]] = []
    for g, seg in zip(groups, bounds, strict=True):
        found = _claims_of_group(text, g, seg, sentence, record)
        if not found and len(g.leaders) == 1 and made and made[-1][2]:
            # "Gorbachev travelled to Washington, where he and Reagan signed ... in December 1987":
            # a name that makes no claim of its own joins the claim before it
            pg, pseg, _ = made[-1]
            group_sides = set().union(*(_sides_of(m, record) for m in pg.leaders)) - {None}
            if not (_sides_of(g.leaders[0], record) & group_sides):
                merged = _Group(pg.leaders + g.leaders, pg.attrs + g.attrs)
                again = _claims_of_group(text, merged, (pseg[0], seg[1]), sentence, record)
                if again:
                    made[-1] = (merged, (pseg[0], seg[1]), again)
                    continue
        made.append((g, seg, found))
    out = [c for _, _, found in made for c in found]
    if not out and len(groups) == 1 and len(groups[0].leaders) == 1 and prev is not None:
        lone = _lone_leader_of_pair(text, groups[0], (cs, ce), sentence, record, prev)
        if lone is not None:
            out.append(lone)
    return out


def _lone_leader_of_pair(text: str, g: _Group, seg: tuple[int, int], sentence: tuple[int, int], record: Record,
                         prev: Claim) -> Claim | None:
    """'November 1989 -- Bush and Gorbachev meet at Malta. September 1990 -- Bush arranges a
    one-day meeting in Helsinki': one leader of the last claim's pair, a meeting word and no
    other leader named is a meeting of that pair again (a timeline's, a profile's habit)."""
    noun = _MEETING_NOUN.search(text, g.leaders[0].end, seg[1])  # the leader is the one meeting
    if len(prev.options) != 2 or noun is None or ANAPHORA.search(text, seg[0], seg[1]):
        return None  # "the two had met in Moscow, when Biden was vice president": not this rule's
    mine = set(g.leaders[0].value)  # type: ignore[arg-type]
    at = [i for i, o in enumerate(prev.options) if mine & set(o)]
    if len(at) != 1:
        return None
    other = prev.options[1 - at[0]]
    partner = Mention(seg[1], seg[1], "leader", other, "", False)  # named earlier, not here
    claim = _group_claim(text, _Group([g.leaders[0], partner], g.attrs), seg, seg, sentence, record)
    if claim is None:
        return None
    claim.leaders = [g.leaders[0]]
    claim.superlative = None  # "Bush's last meeting in Helsinki": too open with one name
    claim.start, claim.end = _span(text, [g.leaders[0], *claim.places,
                                          *[x for x in g.attrs if isinstance(x, TimeMention)]], sentence)
    claim.explicit = False
    return claim


def _claims_of_group(text: str, g: _Group, seg: tuple[int, int], sentence: tuple[int, int],
                     record: Record) -> list[Claim]:
    out = []
    subs = _split_pairs(text, g)
    for si, sub in enumerate(subs):
        s0 = seg[0] if si == 0 else sub.attrs[0].start  # type: ignore[attr-defined]
        s1 = seg[1] if si == len(subs) - 1 else subs[si + 1].attrs[0].start  # type: ignore[attr-defined]
        claim = _group_claim(text, sub, (s0, s1), seg, sentence, record, lead=si == 0)
        if claim is not None:
            out.append(claim)
    return out


def _split_pairs(text: str, g: _Group) -> list[_Group]:
    """"in Hamburg in July 2017 and in Da Nang that November": one claim per place and time."""
    places = [x for x in g.attrs if isinstance(x, Mention) and x.kind == "place" and _locative(text, x)]
    times = [x for x in g.attrs if isinstance(x, TimeMention)]
    if len(places) < 2 or len(times) != len(places):
        return [g]
    ordered = sorted(places + times, key=lambda x: x.start)  # type: ignore[attr-defined]
    chunks: list[list[object]] = []
    for x in ordered:
        if not chunks or (len(chunks[-1]) == 2) or type(chunks[-1][0]) is type(x):
            chunks.append([x])
        else:
            chunks[-1].append(x)
    if any(len(c) != 2 for c in chunks):
        return [g]
    others = [x for x in g.attrs if x not in places and x not in times]
    out = []
    for i, c in enumerate(chunks):
        lo = chunks[i - 1][-1].end if i else -1  # type: ignore[attr-defined]
        hi = c[-1].end if i + 1 < len(chunks) else 10**12  # type: ignore[attr-defined]
        extra = [x for x in others if lo <= x.start < hi]  # type: ignore[attr-defined]
        out.append(_Group(g.leaders, sorted(c + extra, key=lambda x: x.start)))  # type: ignore[attr-defined]
    return out


def _sides_of(m: Mention, record: Record) -> frozenset[str | None]:
    return record.sides(m.value)


def _groups(text: str, items: list[object], record: Record) -> list[_Group]:
    """Leader mentions close together, with nothing else between, form a group; two leaders
    of the same side join only through "and" ("Roosevelt's death, Truman met" is two)."""
    groups: list[_Group] = []
    prev_leader: Mention | None = None
    between_other = False
    for x in items:
        if isinstance(x, Mention) and x.kind == "leader":
            gap = _GAP_CAPTION.sub("", text[prev_leader.end:x.start]) if prev_leader else ""
            joined = (prev_leader is not None and not between_other and len(_GAP_TITLE.sub("", gap)) <= 40
                      and not _GROUP_GAP_BAD.search(gap))
            if joined:
                group_sides = set().union(*(_sides_of(m, record) for m in groups[-1].leaders)) - {None}
                if _sides_of(x, record) & group_sides and gap.strip() not in ("and", "&", "and then"):
                    joined = False
            if joined:
                groups[-1].leaders.append(x)
            else:
                groups.append(_Group([x]))
            prev_leader = x
            between_other = False
        elif prev_leader is not None and not (
            isinstance(x, Mention) and x.kind == "place" and x.value.level == "country"  # type: ignore[attr-defined]
        ):
            between_other = True  # "Johnson met Soviet Premier Kosygin": an adjective does not split
    return groups


def _segment_start(text: str, a: _Group, b: _Group) -> int:
    """Where group ``b``'s part of a clause begins: after the last 'and'/comma before it."""
    lo = max([a.end] + [x.end for x in a.attrs if x.start < b.start])  # type: ignore[attr-defined]
    best = None
    for m in _BOUNDARY.finditer(text, lo, b.start):
        best = m.start()
    return best if best is not None else b.start


def _assign(text: str, groups: list[_Group], attrs: list[object]) -> None:
    for x in attrs:
        xs = x.start  # type: ignore[attr-defined]
        target = groups[0]
        for gi, g in enumerate(groups):
            if g.start <= xs:
                target = g
                if gi + 1 < len(groups) and xs < groups[gi + 1].start:
                    nxt = groups[gi + 1]
                    between = text[g.end:xs]
                    if _BOUNDARY.search(between) and not _BOUNDARY.search(text[xs:nxt.start]):
                        target = nxt
        target.attrs.append(x)


def _places(text: str, attrs: list[object]) -> list[PlaceClaim]:
    out: list[PlaceClaim] = []
    for x in attrs:
        if not (isinstance(x, Mention) and x.kind == "place"):
            continue
        place: Place = x.value  # type: ignore[assignment]
        if out and place.level == "country" and text[out[-1].end:x.start] in (", ", ",") and out[-1].place.level != "country":
            continue  # "Geneva, Switzerland": the city says it
        if out and out[-1].place.level in ("city", "site") and place.level == "region" and text[out[-1].end:x.start] in (", ", ","):
            continue  # "Crawford, Texas"
        if not _locative(text, x):
            continue
        qualifier = place.level == "country" and bool(_QUALIFIER_BEFORE.search(text, max(0, x.start - 60), x.start))
        out.append(PlaceClaim(place, x.start, x.end, x.text, qualifier))
    return out


def _times(text: str, attrs: list[object]) -> tuple[list[TimeMention], TimeSpec | None, list[int] | None]:
    # a time inside "before the G8 meeting set for July" dates the reference event, not the claim
    ts = [x for x in attrs if isinstance(x, TimeMention) and not (
        REFERENCE_EVENT.search(text, max(0, x.start - 70), x.start)
        and not _OWN_MEETING.search(text, max(0, x.start - 70), x.start))]
    if not ts:
        return ts, None, None
    if len(ts) == 1:
        return ts, ts[0].spec, None
    start = min(t.spec.start for t in ts)
    end = max(t.spec.end for t in ts)
    if all(t.spec.precision == "year" for t in ts):
        between = text[ts[0].end:ts[1].start].strip().lower()
        before = text[max(0, ts[0].start - 9):ts[0].start].lower()
        if between in ("to", "through", "until", "till", "-", "–", "—") or "between" in before or "from" in before:
            return ts, TimeSpec(start, end, "range"), None
        return ts, TimeSpec(start, end, "range"), sorted({t.spec.start.year for t in ts})
    best = min(ts, key=lambda t: (t.spec.end - t.spec.start))
    return ts, best.spec, None


_EVENT_BEFORE = re.compile(
    r"\b(?:at|during|of|for|to|in|attending)\s+(?:the\s+|an?\s+|another\s+|that\s+year's\s+)?"
    r"(?:annual\s+|yearly\s+)?(?:\d{4}\s+)?$",
)
_EVENT_AFTER = re.compile(r"\s+(?:summit|summits|meeting|conference|gathering|session|talks|forum)\b")


def _events(text: str, attrs: list[object], seg_start: int, seg_end: int) -> str | None:
    """The multilateral event where the meeting was ("at the G20", "the APEC summit"), not a
    topic ("differences on NATO enlargement")."""
    outside = OUTSIDE_MULTI.search(text, seg_start, seg_end)
    for x in attrs:
        if isinstance(x, Mention) and x.kind == "event":
            if outside and x.start > outside.start():
                continue
            if _EVENT_BEFORE.search(text, max(0, x.start - 40), x.start) or _EVENT_AFTER.match(text, x.end):
                return str(x.value)
    return None


def _span(text: str, parts: list[object], sentence: tuple[int, int]) -> tuple[int, int]:
    start = min(p.start for p in parts)  # type: ignore[attr-defined]
    end = max(p.end for p in parts)  # type: ignore[attr-defined]
    cue = _CUE_NOUN_AFTER.match(text, end, sentence[1])
    if cue:
        end = cue.end()
    return start, end


def _by_first_letter(words: list[str]) -> str:
    """An alternation of literal words grouped by first character ("c(?:ancel|ollapsed)"):
    it matches where the plain alternation does, and the regex engine skips every position
    whose character starts no word instead of trying each word there."""
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in firsts.items())


# one scan per clause for the rare cues; the precise patterns run only where one occurs
_RARE_WORDS = [
    ["official", "aide", "advis", "note", "interpret", "one-on-one", "private", "informal"], ["lateral"],
    ["first", "last", "final", "recent", "latest", "inaugural"], ["neutral", "third"], ["margins", "sidelines", "fringes"],
    ["cancel", "called off", "scrapped", "collapsed", "postponed"],
]
_RARE = re.compile("|".join("(" + "|".join(words) + ")" for words in _RARE_WORDS))
_ANY_RARE = re.compile(_by_first_letter([w for words in _RARE_WORDS for w in words]))  # most clauses have none
_OFFICIALS, _LATERAL, _SUPER, _NEUTRAL, _MARGINS, _CANCEL = range(1, 7)


def _fill_common(claim: Claim, text: str, seg_start: int, seg_end: int, attrs: list[object]) -> None:
    seg = text[seg_start:seg_end]
    claim.places = _places(text, attrs)
    claim.times, claim.time, claim.each_year = _times(text, attrs)
    events = [x for x in attrs if isinstance(x, Mention) and x.kind == "event"
              and not REFERENCE_EVENT.search(text, max(0, x.start - 70), x.start)]  # "before the G8": a reference
    claim.event = _events(text, [x for x in attrs if not isinstance(x, Mention) or x.kind != "event" or x in events],
                          seg_start, seg_end) if events else None
    rare = {m.lastindex for m in _RARE.finditer(seg)} if _ANY_RARE.search(seg) else set()
    if _OFFICIALS in rare and NO_OFFICIALS.search(seg):
        claim.officials = False
    if _LATERAL in rare:
        claim.exclude_multilateral = bool(OUTSIDE_MULTI.search(seg))
    if _OFFICIALS in rare:
        claim.official_only = bool(OFFICIAL.search(seg))
    sup = SUPERLATIVE.search(seg) if _SUPER in rare else None
    if sup and not re.search(r"\bsince\b", seg[sup.end():]):  # "the first meeting since 2019": not checked
        word = sup.group("a") or sup.group("b")
        claim.superlative = "first" if word in ("first", "inaugural") else "last"
        claim.summit_only = (sup.group("noun") or "").startswith("summit")
        claim.superlative_at = at = seg_start + sup.start()
        claim.sides_scope = bool(_SIDES_SCOPE.search(seg)) or _sides_superlative(text, seg, sup, at, claim, attrs)
    if _NEUTRAL in rare and THIRD_PARTY.search(seg):
        claim.mode = "third-party"
    elif claim.event or (_MARGINS in rare and not claim.exclude_multilateral):
        claim.mode = "multilateral"
    claim.cancelled = _CANCEL in rare and bool(CANCELLED.search(seg))
    claim.visit_days = _dates_a_visit(text, seg_start, claim)
    has_noun = "summit" in seg or "meeting" in seg or "visit" in seg or "talks" in seg  # what _NOUN needs
    noun = _NOUN.search(seg) if has_noun else None
    if noun:
        claim.noun = noun.group(1).lower()


#: A traveller's verb or noun, and a meeting word: which one a claim's stated days follow.
_TRAVEL = re.compile(r"\b(?:visit|visits|visited|visiting|trip|travell?ed|flew|arrived|stay|stayed)\b")
_MEETING_WORD = re.compile(r"\b(?:met|meet|meets|meeting|summit|talks|conference|discussions?)\b")


def _dates_a_visit(text: str, seg_start: int, claim: Claim) -> bool:
    """Whether the claim's first stated day follows a visit ("Bush visited Bratislava February
    23-24, 2005, for discussions with Putin"), with no meeting word in between: a visit's days
    include the days around the meeting, so they may run a little past it."""
    if not claim.times:
        return False
    at = claim.times[0].start
    before = text[seg_start:at]
    travels = list(_TRAVEL.finditer(before))
    return bool(travels) and not _MEETING_WORD.search(before, travels[-1].end())


def _sides_superlative(text: str, seg: str, sup: re.Match, at: int, claim: Claim, attrs: list[object]) -> bool:
    """Whether "the first/last <noun>" ranges over every meeting of the two sides: no "their"
    before it, and a place right after it that scopes it ("the first summit held on American
    soil"), with no leader named in between ("the first summit between Reagan and Gorbachev
    took place in Geneva" is the pair's)."""
    if _PAIR_SCOPE.search(seg, max(0, sup.start() - 30), sup.start()) or not seg[:sup.start()].rstrip().endswith("the"):
        return False
    scope = [p for p in claim.places if p.start > at]
    if not scope:
        return False
    leaders_between = [x for x in attrs if isinstance(x, Mention) and x.kind == "leader" and at < x.start < scope[0].start]
    return not leaders_between


def _group_claim(text: str, g: _Group, part: tuple[int, int], whole: tuple[int, int], sentence: tuple[int, int],
                 record: Record, lead: bool = True) -> Claim | None:
    """The claim of one group (or one place-and-time part of it), if it makes one."""
    seg_start, seg_end = part
    seg = text[whole[0]:whole[1]]
    options = [tuple(m.value) for m in g.leaders]  # type: ignore[arg-type]
    sides = frozenset().union(*(record.sides(opt) for opt in options))
    pair = "US" in sides and "RU" in sides
    if not pair and not (sides & {"US", "RU"} and VISIT_CUE.search(seg)):
        return None  # a lone leader who visits or hosts no one: decided before reading the details
    claim = Claim(0, 0, sentence, list(g.leaders), options)
    _fill_common(claim, text, seg_start, seg_end, g.attrs)
    if not pair:  # a lone leader's travel at home ("flew to his ranch in Texas") is no visit to the other side
        own = {s for s in sides if s in ("US", "RU")}
        claim.places = [p for p in claim.places if p.qualifier or side(p.place.state) not in own]
    has_attr = bool(claim.places or claim.times)
    if pair:
        if not (MEET_CUE.search(seg) or (claim.places and claim.times)):
            return None
        if not (has_attr or claim.event or claim.host or claim.mode or claim.superlative or claim.officials is not None):
            if not _MET_VERB.search(text, g.leaders[0].end, g.leaders[-1].start):
                return None  # "Trump's meetings with Putin": nothing to check
            claim.recent = True  # "Bush met in his hotel with the leaders of ... Russia": when the article was written
    elif not has_attr:
        return None
    if not pair and not claim.sides_scope:
        claim.superlative = None  # "Clinton's first visit to Moscow": too open to check
    _setting(text, claim, g, record, lead)
    used = [x for x in g.attrs if isinstance(x, TimeMention) or (isinstance(x, Mention) and x.kind == "event")]
    used += claim.places
    claim.start, claim.end = _span(text, [*(g.leaders if lead else []), *used] or g.leaders, sentence)
    sup = SUPERLATIVE.search(text, seg_start, claim.start) if claim.superlative and lead else None
    if sup:
        claim.start = sup.start()
    _resolve(claim, record)
    _stated_offices(text, claim, sentence)
    return claim


#: Office words an article puts on a leader at the time of a meeting, and the kind of office.
_OFFICE_KINDS = {"prime minister": "head_of_government", "premier": "head_of_government",
                 "president": "head_of_state"}
_OFFICE_BEFORE = re.compile(r"(?<![\w-])(former |ex-)?(?:then[- ]|russian |soviet |russia's |u\.s\. |american )?"
                            r"(prime minister|premier|president)\s+$")
_OFFICE_AS = re.compile(r"\b(?:as|while) (?:then[- ])?(?:russia's |the )?(prime minister|premier|president)\b")
_OFFICE_AFTER = re.compile(r",? (?:then|at the time|by then) (?:the |russia's )?(prime minister|premier|president)\b")


def _stated_offices(text: str, claim: Claim, sentence: tuple[int, int]) -> None:
    """The office an article gives a leader for the meeting: "Prime Minister Putin", "then-president
    Medvedev", "as prime minister, Putin met..." (the next leader named). "Former" is not an office
    held at the meeting, so it is not read."""
    for i, m in enumerate(claim.leaders):
        if i >= len(claim.options):
            break
        before = _OFFICE_BEFORE.search(text, max(sentence[0], m.start - 40), m.start)
        after = _OFFICE_AFTER.match(text, m.end)
        if before and not before.group(1):
            claim.offices.append((i, _OFFICE_KINDS[before.group(2)], before.group(2)))
        elif after:
            claim.offices.append((i, _OFFICE_KINDS[after.group(1)], after.group(0).strip(", ")))
    if claim.leaders:
        found = list(_OFFICE_AS.finditer(text, sentence[0], claim.leaders[0].start))
        as_office = found[-1] if found else None  # the nearest before the first leader named
        if as_office and not any(i == 0 for i, _, _ in claim.offices):
            claim.offices.append((0, _OFFICE_KINDS[as_office.group(1)], as_office.group(1)))


def _anaphoric(text: str, cs: int, ce: int, attrs: list[object], sentence: tuple[int, int],
               prev: Claim | None, near: bool = True) -> Claim | None:
    """A clause with no names ("the following year he repeated it") continues the last claim:
    one in the sentence before, or (`near` false) up to `ANAPHORA_REACH` sentences back when
    the clause opens on the meeting itself ("The summit took place on June 23, 1967")."""
    if prev is None:
        return None
    seg = text[cs:ce]
    ana = _OPENING_ANAPHOR.match(seg) or ANAPHORA.search(seg)
    if not ana or not (ana.re is _OPENING_ANAPHOR or MEET_CUE.search(seg)):
        return None
    if not near and not (ana.start() <= _OPENING_WORDS and re.match(r"(?:the|that|this)\s", ana.group(), re.I)):
        return None
    claim = Claim(0, 0, sentence, [], list(prev.options), explicit=False)
    _fill_common(claim, text, cs, ce, attrs)
    if not re.match(r"(?:the|that|this)\b", ana.group()):
        # "they/the two had last met ...": the leaders are the subject, and "last" is relative to
        # a moment the record cannot place; only "the 2010 meeting was the last ..." is checked
        claim.superlative = None
    if not (claim.places or claim.times or claim.event or claim.superlative or claim.officials is not None):
        return None
    repeat = bool(REPEAT.search(seg))
    if claim.time is None:
        claim.times, claim.time, claim.each_year = prev.times, prev.time, prev.each_year
        if not claim.places:
            claim.places = prev.places
        claim.event = claim.event or prev.event
    if repeat and claim.officials is None:
        claim.officials = prev.officials
    # the claim is the whole clause: "something he repeated the following year at another G20 summit"
    start = cs + ana.start()
    for x in attrs:
        if isinstance(x, TimeMention) or (isinstance(x, Mention) and x.kind == "event"):
            start = min(start, x.start)
    for p in claim.places:
        if cs <= p.start < ce:
            start = min(start, p.start)
    end = ce
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    claim.start, claim.end = start, end
    return claim


def _setting(text: str, claim: Claim, g: _Group, record: Record, lead: bool = True) -> None:
    """Who hosted: "Bush's hosting of Putin", "hosted by Finland", "Medvedev's visit to Washington"."""
    for a, b in zip(g.leaders if lead else [], g.leaders[1:], strict=False):
        if _HOSTING.match(text[a.end:b.start]):
            states = {record.leaders[i].state for i in a.value if i in record.leaders}  # type: ignore[attr-defined]
            if len(states) == 1:
                claim.host = states.pop()
                claim.host_text = a.text
    for x in g.attrs:
        if (isinstance(x, Mention) and x.kind == "place" and text.find("hosted by", max(0, x.start - 20), x.start) != -1
                and _HOSTED_BY.search(text, max(0, x.start - 20), x.start)):
            claim.host = x.value.state  # type: ignore[attr-defined]
            claim.host_text = x.text
    if claim.host is None and len(g.leaders) == 1 and claim.places:
        p = claim.places[0]
        if _VISIT_TO.match(text[g.leaders[0].end:p.start]) and side(p.place.state) is not None:
            visitor_states = {record.leaders[i].state for i in g.leaders[0].value if i in record.leaders}  # type: ignore[attr-defined]
            if all(side(s) != side(p.place.state) for s in visitor_states):
                claim.host = p.place.state
                claim.host_text = p.text
    if claim.host and claim.mode is None and side(claim.host) is not None:
        claim.mode = "visit"


def _resolve(claim: Claim, record: Record) -> None:
    """Narrow ambiguous names ("Bush") by the claim's time and by who was in office with
    the other participants."""
    if all(len(o) == 1 for o in claim.options):
        return
    new = []
    for i, opt in enumerate(claim.options):
        keep = list(opt)
        if len(opt) > 1:
            if claim.time is not None:
                t = claim.time
                keep = [x for x in keep if x in record.leaders and record.leaders[x].in_office(t.start, t.end)] or keep
            others = [o for j, o in enumerate(claim.options) if j != i and len(o) == 1 and o[0] in record.leaders]
            for (other,) in others:
                ol = record.leaders[other]
                lo = min(s for s, _ in ol.terms)
                hi = dt.date.max if any(e is None for _, e in ol.terms) else max(e for _, e in ol.terms if e)
                narrowed = [x for x in keep if x in record.leaders and record.leaders[x].in_office(lo, hi)]
                keep = narrowed or keep
        new.append(tuple(keep))
    claim.options = new
