"""Time expressions: from the gazetteer's month/weekday/year hits to date ranges.

An article says "in 1990", "mid-2021", "November 2001", "11–12 October 1986", "the
following year" (after the last year it mentioned) or "on Friday" (relative to its own
date). Each becomes a `TimeSpec`, a closed date range with the precision it was given
in, so a claim can be compared with a meeting's dates by overlap. Resolution is one
pass over the hits in document order, carrying the last year mentioned; the regexes here
only look a few characters either side of a hit, so the pass is linear.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from summitry.checker.errors import CheckerInputError
from summitry.checker.gazetteer import Mention

TIME_KINDS = frozenset({"month", "weekday", "year", "decade", "rel"})


@dataclass(frozen=True)
class TimeSpec:
    """A closed range of days, with how precisely the article gave it."""

    start: dt.date
    end: dt.date
    precision: str  # day | month | year | part-year | decade | range | week

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def to_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision}


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    spec: TimeSpec
    text: str
    relative: bool = False  # resolved against an earlier year or the article date
    stamp: bool = False  # a publication time stamp ("July 12, 2018 at 3:58 PM"), never a meeting's date
    #: Other readings of a bare weekday, as shifts in days: a weekly's "Saturday" can be the one
    #: a week before its cover date, and a sentence's tense can mislead ("the summit on Tuesday
    #: is the latest in a tradition of meetings that were...").
    shifts: tuple[int, ...] = ()


def year_span(y: int, m1: int = 1, m2: int = 12) -> tuple[dt.date, dt.date]:
    return dt.date(y, m1, 1), dt.date(y, m2, calendar.monthrange(y, m2)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_AFTER_MONTH = re.compile(
    r"\.?\s*(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:\s*,?\s*(?P<y>\d{4}))?(?!\d)"
    r"|\.?\s*,?\s*(?:of\s+)?(?P<yo>\d{4})(?!\d)"
)
_BEFORE_MONTH = re.compile(r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_PART = re.compile(r"(?P<p>mid|early|late|the end of|the start of|the beginning of|the middle of|the summer of|"
                   r"the spring of|the autumn of|the fall of|the winter of|summer|spring|autumn|fall|winter)"
                   r"[-\s]+(?:in\s+)?$", re.IGNORECASE)
_MAY_CONTEXT = re.compile(r"(?:\b(?:in|of|early|late|mid|since|until|by|from|last|next|this)[-\s]+)$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"\b(?P<w>last|next|this|on|by|since|until|from)\s+$", re.IGNORECASE)
_PAST = re.compile(r"\b(?:met|was|were|had|held|took|hosted|visited|came|went|said|did|ended|began|last|"
                   r"told|spoke|sat|flew|left|saw|gave|made|brought|stood|wrote|[a-z]{3,}ed)\b", re.IGNORECASE)  # "unfolded", "worked"
#: Words that put a sentence's weekday ahead of the article's date even beside a past form
#: ("Putin, who arrived yesterday, is scheduled to meet Bush on Friday").
_FUTURE = re.compile(r"\b(?:will|is to|are to|scheduled|expected|due to|set to|slated|plans? to|upcoming)\b",
                     re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_RANGE_YEAR = re.compile(r"\s*[-–—/]\s*(\d{2}|\d{4})(?!\d)")

PART_MONTHS = {"mid": (5, 8), "early": (1, 4), "late": (9, 12), "the end of": (10, 12), "the start of": (1, 3),
               "the beginning of": (1, 3), "the middle of": (5, 8), "summer": (6, 8), "spring": (3, 5),
               "autumn": (9, 11), "fall": (9, 11), "winter": (1, 2)}


def _part(text: str, start: int) -> tuple[str, int] | None:
    m = _PART.search(text, max(0, start - 20), start)
    if not m:
        return None
    p = m.group("p").lower().removeprefix("the ").removesuffix(" of")
    p = {"end": "the end of", "start": "the start of", "beginning": "the beginning of", "middle": "the middle of"}.get(p, p)
    return p, m.start()


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date given by the user (``--date 2025-08-14``)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CheckerInputError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def dateline(text: str, times: list[TimeMention], within: int = 600) -> dt.date | None:
    """The article's own date: the first full date near the top ("August 14, 2025")."""
    for t in times:
        if t.start > within:
            break
        if t.spec.precision == "day" and not t.relative and t.spec.start == t.spec.end:
            return t.spec.start
    m = _ISO.search(text, 0, within)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def resolve(text: str, mentions: list[Mention], sentence_starts: list[int],
            article_date: dt.date | None) -> list[TimeMention]:
    """Time expressions in document order, each as a `TimeSpec`.

    `article_date` may be None on a first pass (to find the dateline); relative
    expressions that need it are then skipped.
    """
    out: list[TimeMention] = []
    last_year: int | None = None
    last_year_sentence = -10
    consumed_until = -1
    for m in mentions:
        if m.kind not in TIME_KINDS or m.start < consumed_until:
            continue
        sent = bisect_right(sentence_starts, m.start) - 1
        tm: TimeMention | None = None
        if m.kind == "year":
            tm = _year(text, m)
        elif m.kind == "decade":
            y = int(m.value)  # type: ignore[call-overload]
            tm = TimeMention(m.start, m.end, TimeSpec(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"), m.text)
        elif m.kind == "month":
            # a bare month takes the year of its own sentence, else the article's date,
            # else the previous sentence's year ("In 1987 ... In December, ...")
            ctx_year = None
            if last_year is not None and (sent == last_year_sentence or (article_date is None and sent - last_year_sentence == 1)):
                ctx_year = last_year
            tm = _month(text, m, ctx_year, article_date)
        elif m.kind == "weekday":
            tm = _weekday(text, m, sentence_starts, sent, article_date)
        elif m.kind == "rel":
            tm = _relative(m, last_year, article_date)
        if tm is None:
            continue
        if tm.spec.precision == "day" and is_timestamp(text, tm):
            tm = replace(tm, stamp=True)
        consumed_until = tm.end
        if m.kind in ("year", "rel", "month") and tm.spec.precision != "week":
            last_year = tm.spec.end.year if tm.spec.precision == "range" else tm.spec.start.year
            last_year_sentence = sent
        out.append(tm)
    return out


#: What sits beside a date that is a page's time stamp, not an event's date: a clock time
#: ("at 3:58 PM", "| 14:05 GMT", "10:32 AM ET, Mon November 19") or a publishing word.
_CLOCK_AFTER = re.compile(r"\s*(?:,|\||-|–|at|,\s*at)?\s*\d{1,2}[:.]\d{2}\b(?:\s*(?:[ap]\.?\s?m\.?|gmt|utc|[a-z]{1,4}t))?", re.I)
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{1,4}t)?\s*[,|·-]?\s*"
                           r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$", re.I)
_STAMP_WORD = re.compile(r"\b(?:updated|published|posted|last modified|first published|modified)(?:\s+on)?\s*:?\s*$", re.I)


def is_timestamp(text: str, tm: TimeMention) -> bool:
    """Whether a full date is a page's time stamp: a clock time right after or before it,
    or "Updated"/"Published" in front. A photo credit's date is one too."""
    clock = _CLOCK_AFTER.match(text, tm.end, tm.end + 24)
    if clock:  # "... at 3:58 PM" ending its line is a stamp; "at 1:30 pm in Geneva" is an event's time
        line_end = text.find("\n", clock.end())
        rest = text[clock.end():line_end if line_end >= 0 else len(text)]
        if not rest.strip(" .,;|)("):
            return True
    head = text[max(0, tm.start - 40):tm.start]
    return bool(_CLOCK_BEFORE.search(head) or _STAMP_WORD.search(head))


def _year(text: str, m: Mention) -> TimeMention | None:
    y = int(m.value)  # type: ignore[call-overload]
    before = text[max(0, m.start - 2):m.start]
    after = text[m.end:m.end + 2]
    if before.endswith(("$", "#", "No.")) or after.startswith(("%", ",0", ".0")) or text[m.end:m.end + 1] == ":":
        return None  # a sum, a number or a time, not a year
    start, end = m.start, m.end
    r = _RANGE_YEAR.match(text, m.end)
    if r:
        y2 = int(r.group(1))
        if len(r.group(1)) == 2:
            y2 = y - y % 100 + y2
        if y < y2 <= y + 20:
            return TimeMention(start, r.end(), TimeSpec(dt.date(y, 1, 1), dt.date(y2, 12, 31), "range"), text[start:r.end()])
    part = _part(text, m.start)
    if part:
        m1, m2 = PART_MONTHS[part[0]]
        a, b = year_span(y, m1, m2)
        return TimeMention(part[1], end, TimeSpec(a, b, "part-year"), text[part[1]:end])
    a, b = year_span(y)
    return TimeMention(start, end, TimeSpec(a, b, "year"), m.text)


def _month(text: str, m: Mention, ctx_year: int | None, article_date: dt.date | None) -> TimeMention | None:
    month = int(m.value)  # type: ignore[call-overload]
    start, end = m.start, m.end
    d1 = d2 = None
    year = None
    after = _AFTER_MONTH.match(text, m.end)
    if after:
        if after.group("yo"):
            year = int(after.group("yo"))
            end = after.end()
        elif after.group("d1"):
            d1 = int(after.group("d1"))
            d2 = int(after.group("d2")) if after.group("d2") else None
            year = int(after.group("y")) if after.group("y") else None
            end = after.end()
    if d1 is None:
        before = _BEFORE_MONTH.search(text, max(0, m.start - 12), m.start)
        if before:
            d2 = int(before.group("d2"))
            d1 = int(before.group("d1")) if before.group("d1") else None
            if d1 is None:
                d1, d2 = d2, None
            start = before.start()
    if d1 is not None and not 1 <= d1 <= 31:
        d1 = d2 = None
    if month == 5 and m.text == "May" and d1 is None and year is None and not _MAY_CONTEXT.search(text, max(0, m.start - 8), m.start):
        return None  # "May" the verb
    part = _part(text, m.start) if d1 is None else None
    if part:
        start = part[1]
    relative = False
    if year is None:
        relative = True
        if ctx_year is not None:
            year = ctx_year
        elif article_date is not None:
            year = article_date.year if month <= article_date.month else article_date.year - 1
        else:
            return None
    last = calendar.monthrange(year, month)[1]
    if d1 is not None:
        a = _safe_date(year, month, min(d1, last))
        b = _safe_date(year, month, min(d2 if d2 and d2 >= d1 else d1, last))
        if a and b:
            return TimeMention(start, end, TimeSpec(a, b, "day"), text[start:end], relative)
    a, b = dt.date(year, month, 1), dt.date(year, month, last)
    if part:
        third = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part[0])
        if third:
            a, b = dt.date(year, month, third[0]), dt.date(year, month, min(third[1], last))
    return TimeMention(start, end, TimeSpec(a, b, "month"), text[start:end], relative)


def _weekday(text: str, m: Mention, sentence_starts: list[int], sent: int, article_date: dt.date | None) -> TimeMention | None:
    if article_date is None:
        return None
    wd = int(m.value)  # type: ignore[call-overload]
    if re.match(r",?\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d", text[m.end:m.end + 20]):
        return None  # "Friday, August 15, 2025": the month carries the date
    before = _WEEKDAY_BEFORE.search(text, max(0, m.start - 8), m.start)
    word = before.group("w").lower() if before else ""
    s_end = sentence_starts[sent + 1] if sent + 1 < len(sentence_starts) else len(text)
    sentence = text[sentence_starts[sent] if sent >= 0 else 0:s_end]
    ahead = (wd - article_date.weekday()) % 7
    behind = (article_date.weekday() - wd) % 7
    if word == "last":
        day = article_date - dt.timedelta(days=behind or 7)
    elif word == "next":
        day = article_date + dt.timedelta(days=ahead or 7)
    elif word == "this" or _FUTURE.search(sentence) or not _PAST.search(sentence):
        day = article_date + dt.timedelta(days=ahead)
        shifts = (-7, -14) if word != "this" else ()  # the past reading, and a weekly's one before it
    else:
        day = article_date - dt.timedelta(days=behind)
        shifts = (-7, 7)
    if word in ("last", "next"):
        shifts = ()
    start = before.start("w") if word in ("last", "next", "this") and before else m.start
    return TimeMention(start, m.end, TimeSpec(day, day, "day"), text[start:m.end], True, shifts=shifts)


def _relative(m: Mention, last_year: int | None, article_date: dt.date | None) -> TimeMention | None:
    unit, delta, anchor = m.value  # type: ignore[misc]
    if anchor == "prev":
        if last_year is None:
            return None
        a, b = year_span(last_year + delta)
        return TimeMention(m.start, m.end, TimeSpec(a, b, "year"), m.text, True)
    if article_date is None:
        return None
    if unit == "year":
        a, b = year_span(article_date.year + delta)
        return TimeMention(m.start, m.end, TimeSpec(a, b, "year"), m.text, True)
    if unit == "day":
        d = article_date + dt.timedelta(days=delta)
        return TimeMention(m.start, m.end, TimeSpec(d, d, "day"), m.text, True)
    if unit == "week":
        monday = article_date - dt.timedelta(days=article_date.weekday()) + dt.timedelta(weeks=delta)
        return TimeMention(m.start, m.end, TimeSpec(monday, monday + dt.timedelta(days=6), "week"), m.text, True)
    y, mo = divmod(article_date.year * 12 + article_date.month - 1 + delta, 12)
    mo += 1
    return TimeMention(m.start, m.end, TimeSpec(dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"), m.text, True)
