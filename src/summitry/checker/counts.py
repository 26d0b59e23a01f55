"""Counts, ordinals and negatives about a pair's meetings: "Bush and Putin met 28 times",
"their third summit", "they have not met since 2019", "met four times between 2001 and 2008".

A count depends on what is counted: a journalist's "summits" may leave out the pull-asides at
a G20 that the record lists as meetings. So each statement is read against three tiers of the
record's meetings of the pair, in the stated period: summits (the summit format), formal
meetings (every format but a pull-aside) and all meetings. A number equal to a tier's count is
supported; one between the tiers depends on the definition and is not judged; one outside them
all (beyond a small margin above the largest, since a record can miss a brief encounter) is
contradicted, with the counts as the correction. "Summits" are read against the summit tier and
the formal one; "met", "meetings" and "times" against all three.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from summitry.checker.claims import named_pair
from summitry.checker.dates import TimeMention
from summitry.checker.findings import Finding
from summitry.checker.gazetteer import Mention
from summitry.checker.record import Meeting, Record

SUPPORTED, CONTRADICTED, NOT_IN_RECORD = "supported", "contradicted", "not_in_record"

_CARDINAL_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                   "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                   "twenty")
_ORDINAL_LIST = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")
_NUMBERS = {w: i for i, w in enumerate(_CARDINAL_WORDS)} | {"a dozen": 12, "twice": 2, "once": 1, "thirty": 30,
                                                             "forty": 40}
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_LIST)}
_NUMBER_WORDS = "|".join(sorted((re.escape(w) for w in _NUMBERS if w not in ("twice", "once")), key=len, reverse=True))
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))


def _number_group(name: str) -> str:
    return rf"(?P<{name}>\d{{1,3}}|{_NUMBER_WORDS})"


def _ordinal_group(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"


#: "met 28 times", "have met twice", "held five summits", "their third summit", "for the third time".
_COUNT = re.compile(
    r"\b(?:(?:met|meeting|have\s+met|had\s+met|held\s+talks)\s+(?:each\s+other\s+|in\s+person\s+)?"
    rf"(?:{_number_group('n')}\s+times|(?P<tw>twice|once))"
    rf"|(?:held|had|hold|holding)\s+{_number_group('n2')}\s+(?P<noun>summits|meetings|summit\s+meetings)"
    rf"|{_ordinal_group('ord_noun')}\s+(?:(?:face-to-face|in-person|formal|bilateral|full)\s+)?(?P<onoun>meeting|summit)"
    rf"|for\s+the\s+{_ordinal_group('ord_time')}\s+time)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:have|has|had)\s+(?:not|never)\s+met(?:\s+in\s+person)?\s+(?P<since>since|after)\s+"
    r"|\bnever\s+met\s+(?:again\s+)?(?P<after>after|since)\s+",
    re.IGNORECASE,
)
#: Where a count, an ordinal or a negative can be: found with str.find and a look at the
#: words just before (C-fast over a whole document; a regex alternation scan costs far more).
_HEADS = (" summit", " meeting", " time")  # also finds "summits", "meetings", "times"
_COUNT_WORDS = frozenset([*_NUMBERS, *_ORDINAL_LIST[1:], "dozen"])
_RANK_ADJECTIVES = frozenset(["face-to-face", "in-person", "formal", "bilateral", "full"])


def _counted_before(low: str, i: int) -> bool:
    """Whether the word before `i` (or the one before an adjective) is a number or an ordinal."""
    words = low[max(0, i - 32):i].split()
    if not words:
        return False
    last = words[-1] if words[-1] not in _RANK_ADJECTIVES or len(words) < 2 else words[-2]
    return last in _COUNT_WORDS or last.isdigit() or (last[:-2].isdigit() and last[-2:] in ("st", "nd", "rd", "th"))


def _cue_positions(low: str) -> list[int]:
    out = []
    for word in _HEADS:
        i = low.find(word)
        while i != -1:
            if _counted_before(low, i):
                out.append(i)
            i = low.find(word, i + 1)
    for word in ("twice", "not met", "never met"):
        i = low.find(word)
        while i != -1:
            out.append(i)
            i = low.find(word, i + 1)
    return out


_THEY = re.compile(r"\b(?:they|the two|their|both)\b", re.IGNORECASE)
#: How far above the largest tier a "met N times" may go before it is called wrong: brief
#: encounters are where records differ.
MARGIN = 0.1


def _found(start: int, end: int, participants: list[str], verdict: str, reason: str, correction: str | None = None,
           evidence: list[str] | None = None) -> Finding:
    return Finding(start, end, verdict, reason, correction, evidence or [], participants)


def _number(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if w[:-2].isdigit():
        return int(w[:-2])
    return _ORDINALS.get(w)


def _one_per_visit(pool: list[Meeting]) -> list[Meeting]:
    """Meetings on consecutive days count once: the record keeps Washington on 13 November 2001
    and Crawford on the 14th apart, but a journalist counts one summit."""
    out: list[Meeting] = []
    for m in pool:
        if out and (m.start - out[-1].end).days <= 1:
            continue
        out.append(m)
    return out


def _tiers(pool: list[Meeting]) -> dict[str, list[Meeting]]:
    return {"summits": _one_per_visit([m for m in pool if m.format == "summit"]),
            "formal meetings": _one_per_visit([m for m in pool if m.format != "pull-aside"]),
            "meetings in all": _one_per_visit(pool)}


def _period(text: str, times: list[TimeMention], start: int, end: int) -> tuple[dt.date, dt.date] | None:
    """The period a count covers: "between 2001 and 2008", "in 2019", "since 2019"; None: all time."""
    ts = [t for t in times if start <= t.start < end]
    if not ts:
        return None
    lead = re.search(r"\b(since|after)\s+$", text[max(start, ts[0].start - 8):ts[0].start], re.IGNORECASE)
    if lead:  # "since 2019" counts 2019; "after 2016" does not
        first = ts[0].spec
        return (first.start if lead.group(1).lower() == "since" else first.end + dt.timedelta(days=1)), dt.date.max
    return min(t.spec.start for t in ts), max(t.spec.end for t in ts)


def _pool(record: Record, pair: list[tuple[str, ...]], period: tuple[dt.date, dt.date] | None,
          until: dt.date | None) -> list[Meeting]:
    """The pair's held meetings in `period` and up to `until`, in order (the pair's meetings
    are found once per record: a long article repeats its pairs)."""
    key = tuple(pair)
    held = record.derived("counts-pairs", dict)  # type: ignore[var-annotated]
    if key not in held:
        held[key] = sorted((m for m in record.meetings
                            if m.status == "held" and not any(m.participant_set.isdisjoint(o) for o in pair)),
                           key=lambda m: (m.start, m.id))
    return [m for m in held[key] if (not period or (period[0] <= m.start and m.end <= period[1]))
            and (not until or m.start <= until)]


def _counts_text(tiers: dict[str, list[Meeting]], raw: int | None = None) -> str:
    text = ", ".join(f"{len(ms)} {name}" for name, ms in tiers.items())
    return text if raw is None or raw == len(tiers["meetings in all"]) else f"{text} ({raw} counting each day apart)"


def _judge_count(n: int, tiers: dict[str, list[Meeting]], raw: int, summits_only: bool,
                 where: str) -> tuple[str, str, str | None]:
    """`raw`: every entry of the record, a day or a venue apart counted apart (the most a
    "met N times" can mean)."""
    names = ["summits", "formal meetings"] if summits_only else list(tiers)
    counts = {name: len(tiers[name]) for name in names}
    if not summits_only:
        counts["entries, each day and venue apart"] = raw
    equal = [name for name, c in counts.items() if c == n]
    if equal:
        return SUPPORTED, f"the record has {n} {equal[0]} of this pair{where}", None
    lo, hi = min(counts.values()), max(counts.values())
    said = _counts_text(tiers, None if summits_only else raw)
    if lo <= n <= hi or hi < n <= hi + max(1, round(hi * MARGIN)):
        return NOT_IN_RECORD, f"it depends on what counts as a meeting: the record has {said}{where}", None
    return CONTRADICTED, f"the record has {said}{where}", f"The record has {said} of this pair{where}, not {n}."


def find_counts(text: str, sentences: list[tuple[int, int]], mentions: list[Mention], times: list[TimeMention],
                record: Record, article_date: dt.date | None, lowered: str | None = None) -> list[Finding]:
    """Every count, ordinal and negative about a named U.S.–Soviet/Russian pair (in the sentence,
    or in the one just before for "they" and "the two": a sentence between may name others)."""
    out: list[Finding] = []
    sent_starts = [st for st, _ in sentences]
    low = lowered if lowered is not None else text.lower()
    cued = sorted({bisect_right(sent_starts, i) - 1 for i in _cue_positions(low)} - {-1})
    if not cued:
        return out  # most texts state no count: one scan decides
    leaders = sorted((m for m in mentions if m.kind == "leader"), key=lambda m: m.start)
    starts = [m.start for m in leaders]

    def pair_of(i: int) -> list[tuple[str, ...]] | None:
        s, e = sentences[i]
        in_sentence = leaders[bisect_left(starts, s):bisect_left(starts, e)]
        return named_pair(in_sentence, record) if in_sentence else None

    for i in cued:
        s, e = sentences[i]
        pair = pair_of(i)
        if pair is None and i > 0 and _THEY.search(text, s, e):
            pair = pair_of(i - 1)  # "they", "the two": the pair named just before; a sentence between may name others
        if pair is None:
            continue
        for m in _COUNT.finditer(text, s, e):
            ordinal = m.group("ord_noun") or m.group("ord_time")
            if ordinal and _ordinal(ordinal) == 1:
                continue  # "their first meeting" is a superlative, checked with the claim it belongs to
            out.append(_count_result(text, m, pair, times, record, article_date, s, e))
        for m in _NEGATIVE.finditer(text, s, e):
            r = _negative_result(text, m, pair, times, record, article_date, e)
            if r is not None:
                out.append(r)
    return out


def _count_result(text: str, m: re.Match[str], pair: list[tuple[str, ...]], times: list[TimeMention],
                  record: Record, article_date: dt.date | None, s: int, e: int) -> Finding:
    period = _period(text, times, s, e)
    where = "" if period is None else (f" from {period[0].year}" if period[1] == dt.date.max
                                       else f" in {period[0].year}" if period[0].year == period[1].year
                                       else f" between {period[0].year} and {period[1].year}")
    pool = _pool(record, pair, period, article_date)
    tiers = _tiers(pool)
    participants = sorted({i for opt in pair for i in opt})
    ordinal = m.group("ord_noun") or m.group("ord_time")
    if ordinal:  # ranked among all the pair's meetings, not those of the sentence's dates
        noun = (m.group("onoun") or "meeting").lower()
        all_time = _tiers(_pool(record, pair, None, None))
        return _ordinal_result(m, _ordinal(ordinal) or 0, ordinal.lower(), noun, times, all_time, participants, s, e)
    n = _number(m.group("n") or m.group("n2") or m.group("tw") or "")
    summits_only = bool(m.group("noun")) and m.group("noun").lower().startswith("summit")
    verdict, reason, correction = _judge_count(n or 0, tiers, len(pool), summits_only, where)
    evidence = [x.id for x in (tiers["summits"] if summits_only else pool)] if verdict == SUPPORTED else []
    return _found(m.start(), m.end(), participants, verdict, reason, correction, evidence)


def _ordinal_result(m: re.Match[str], k: int, word: str, noun: str, times: list[TimeMention],
                    tiers: dict[str, list[Meeting]], participants: list[str], s: int, e: int) -> Finding:
    """'their third summit, in Moscow in 2002': the meeting the sentence dates must be the k-th
    of a tier; with no date in the sentence there is nothing to rank."""
    ts = [t for t in times if s <= t.start < e]
    if not ts or k < 1:
        return _found(m.start(), m.end(), participants, NOT_IN_RECORD, "no date to say which meeting is meant")
    lo, hi = min(t.spec.start for t in ts), max(t.spec.end for t in ts)
    names = ["summits", "formal meetings"] if noun == "summit" else list(tiers)
    ranks = {}
    for name in names:
        for i, x in enumerate(tiers[name], 1):
            if x.start <= hi and lo <= x.end:
                ranks[name] = (i, x)
                break
    if not ranks:
        return _found(m.start(), m.end(), participants, NOT_IN_RECORD, "no meeting of the pair then in the record")
    for name, (i, x) in ranks.items():
        if i == k:
            return _found(m.start(), m.end(), participants, SUPPORTED,
                               f"{x.id} is the pair's {word} of the record's {name}", evidence=[x.id])
    lo_rank, hi_rank = min(i for i, _ in ranks.values()), max(i for i, _ in ranks.values())
    if lo_rank <= k <= hi_rank:
        return _found(m.start(), m.end(), participants, NOT_IN_RECORD,
                           "it depends on what counts as a meeting: " + "; ".join(
                               f"number {i} of the {name}" for name, (i, _) in ranks.items()))
    i, x = next(iter(ranks.values()))
    return _found(m.start(), m.end(), participants, CONTRADICTED,
                       "; ".join(f"number {i} of the record's {name}" for name, (i, _) in ranks.items()),
                       f"{x.id} was number {i} of the pair's {next(iter(ranks))} in the record, not {k}.", [x.id])


def _negative_result(text: str, m: re.Match[str], pair: list[tuple[str, ...]], times: list[TimeMention],
                     record: Record, article_date: dt.date | None, e: int) -> Finding | None:
    after = [t for t in times if m.end() <= t.start < min(e, m.end() + 3)]
    if not after:
        return None
    t = after[0]
    since = (m.group("since") or m.group("after") or "").lower() == "since"
    start = t.spec.start if since else t.spec.end + dt.timedelta(days=1)
    if since:  # "not met since 2019": the 2019 meeting itself is allowed, later ones are not
        start = t.spec.end + dt.timedelta(days=1)
    pool = [x for x in _pool(record, pair, None, article_date) if x.start >= start]
    participants = sorted({i for opt in pair for i in opt})
    span_end = t.end
    if pool:
        first = pool[0]
        return _found(m.start(), span_end, participants, CONTRADICTED,
                           f"the record has {len(pool)} meeting(s) of this pair after {t.text}",
                           f"They met after {t.text}: first {first.id} ({first.start.isoformat()}).",
                           [x.id for x in pool])
    return _found(m.start(), span_end, participants, SUPPORTED,
                       f"the record has no meeting of this pair after {t.text}"
                       + (f" up to the article's date ({article_date.isoformat()})" if article_date else ""))
