"""`check_text` / `check_file`: read an article, find its meeting claims, check each one.

The pipeline is linear in the article's length: one reading pass, one sentence pass, one
Aho–Corasick scan, one pass over the time expressions and one over the sentences that
hold names; verification runs against an in-memory snapshot of the record, and identical
claims (a repeated paragraph) are verified once.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from summitry.checker import claims as claims_mod
from summitry.checker import dates, reader
from summitry.checker.claims import Claim
from summitry.checker.counts import find_counts
from summitry.checker.errors import InputTooLarge, NotText
from summitry.checker.gazetteer import gazetteer_for, lower_same_length, prepare
from summitry.checker.language import language_notice
from summitry.checker.outside import officials_claims, other_names_for, outside_claims
from summitry.checker.patterns import find_patterns
from summitry.checker.record import Record, get_record
from summitry.checker.sequence import find_sequence
from summitry.checker.verify import CONTRADICTED, NOT_IN_RECORD, SUPPORTED, Verdict, verify

VERDICTS = (SUPPORTED, "mostly_supported", CONTRADICTED, NOT_IN_RECORD)  # mostly: a pattern (checker.patterns)


@dataclass
class ClaimResult:
    """One checked claim; `span` points into the original input, `text_span` into the clean text."""

    span: tuple[int, int]
    text_span: tuple[int, int]
    quote: str
    participants: list[str]
    place: dict | None
    time: dict | None
    setting: dict
    verdict: str
    correction: str | None
    evidence: list[str]
    sources: list[dict] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict:
        return {
            "span": list(self.span), "quote": self.quote, "participants": self.participants,
            "place": self.place, "time": self.time, "setting": self.setting, "verdict": self.verdict,
            "correction": self.correction, "evidence": self.evidence, "sources": self.sources,
            "reason": self.reason,
        }


@dataclass
class CheckResult:
    claims: list[ClaimResult]
    article_date: dt.date | None
    content_type: str
    document: reader.Document | None = field(default=None, repr=False)
    notice: str | None = None  # e.g. the text is not in English (checker.language)

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for c in self.claims:
            out[c.verdict] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "claims": [c.to_dict() for c in self.claims],
            "counts": self.counts,
            "article_date": self.article_date.isoformat() if self.article_date else None,
            "content_type": self.content_type,
            "notice": self.notice,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _place_json(claim: Claim) -> dict | None:
    checked = [p for p in claim.places if not p.qualifier] or claim.places
    if not checked:
        return None
    p = checked[0]
    out = {"text": p.text, "name": p.place.label(), "level": p.place.level, "state": p.place.state}
    if len(checked) > 1:
        out["also"] = [q.text for q in checked[1:]]
    if p.qualifier:
        out["qualifier"] = True
    return out


def _time_json(claim: Claim) -> dict | None:
    if claim.time is None:
        return None
    out = {"text": claim.time_text, **claim.time.to_json()}
    if claim.each_year:
        out["each_year"] = claim.each_year
    return out


def _setting_json(claim: Claim) -> dict:
    return {
        "mode": claim.mode, "host": claim.host, "event": claim.event,
        "officials_present": claim.officials, "superlative": claim.superlative,
    }


def _key(c: Claim) -> tuple:
    return (
        tuple(c.options), c.explicit, c.time, tuple(c.each_year or ()), c.time_text,
        tuple(t.relative for t in c.times),
        tuple((p.place, p.text, p.qualifier) for p in c.places), c.event, c.host, c.mode, c.officials,
        c.superlative, c.exclude_multilateral, c.official_only, c.cancelled, c.noun, tuple(c.offices),
    )


_gc_lock = threading.Lock()
_gc_depth = 0  # checks running now, across threads
_gc_was_enabled = False  # the collector's state when the first of them began


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an article is checked.

    The pipeline allocates ~10^5 small objects per megabyte (mentions, time expressions,
    claims) and makes no reference cycles, so reference counting frees all of it; but the
    allocations trigger full collections that walk the whole heap, which cost ~20% of a
    large article's time. Checks can overlap on a web server's threads, so a counter under
    a lock decides: the first check in pauses, the last one out restores the state found.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


def check_document(doc: reader.Document, record: Record, article_date: dt.date | None = None) -> CheckResult:
    """Check an already-read document against a record."""
    with _collector_paused():
        return _check_document(doc, record, article_date)


def _check_document(doc: reader.Document, record: Record, article_date: dt.date | None) -> CheckResult:
    gaz = gazetteer_for(record)
    text = doc.text
    lowered = lower_same_length(text)
    mentions = gaz.scan(text, prepare(text, lowered))
    sents = reader.sentences(text)
    starts = [s for s, _ in sents]
    if article_date is None:
        head = [m for m in mentions if m.start < 700]
        article_date = dates.dateline(text, dates.resolve(text, head, starts, None))
    times = dates.resolve(text, mentions, starts, article_date)
    found = claims_mod.extract(text, sents, mentions, times, gaz, record, lowered)
    if article_date is None:  # "Bush met Putin" and nothing else needs the article's date to mean anything
        found = [c for c in found if not c.recent]
    cache: dict[tuple, Verdict] = {}
    by_id = {m.id: m for m in record.meetings}
    results = []
    for c in found:
        k = _key(c)
        v = cache.get(k)
        if v is None:
            v = cache[k] = verify(c, record, article_date)
        sources = [{"meeting": mid, **s} for mid in v.evidence for s in (by_id[mid].sources if mid in by_id else ())]
        results.append(ClaimResult(
            span=doc.orig_span(c.start, c.end), text_span=(c.start, c.end), quote=text[c.start:c.end],
            participants=c.participants, place=_place_json(c), time=_time_json(c), setting=_setting_json(c),
            verdict=v.verdict, correction=v.correction, evidence=list(v.evidence), sources=sources, reason=v.reason,
        ))
    # the page's meeting: the first its claims establish ("Follows Moscow Summit (1974)" is about it)
    subject = next((by_id[r.evidence[0]] for r in results if r.verdict == SUPPORTED and len(r.evidence) == 1
                    and r.evidence[0] in by_id), None)
    def beside(start: int, end: int, participants: list[str], verdict: str, reason: str, *, setting: dict,
               correction: str | None = None, evidence: list[str] | None = None,
               sources: list[dict] | None = None) -> None:
        """A result of a check beside the claims (series, outside, counts, patterns, officials)."""
        results.append(ClaimResult(
            span=doc.orig_span(start, end), text_span=(start, end), quote=text[start:end], participants=participants,
            place=None, time=None, setting=setting, verdict=verdict, correction=correction,
            evidence=evidence or [], sources=sources or [], reason=reason,
        ))

    for q in find_sequence(text, mentions, times, subject, record):
        beside(q.start, q.end, q.participants, q.verdict, q.reason, setting={"sequence": True},
               correction=q.correction, evidence=q.evidence)
    names = other_names_for(record)
    for o in outside_claims(text, sents, mentions, times, [(c.start, c.end) for c in found], record, names,
                            claims_mod.MEET_CUE, lowered):
        beside(o.start, o.end, o.participants, NOT_IN_RECORD, o.reason, setting={}, evidence=o.evidence,
               sources=o.sources)
    for n in find_counts(text, sents, mentions, times, record, article_date, lowered):
        sources = [{"meeting": mid, **s} for mid in n.evidence[:20] for s in (by_id[mid].sources if mid in by_id else ())]
        beside(n.start, n.end, n.participants, n.verdict, n.reason, setting={}, correction=n.correction,
               evidence=n.evidence, sources=sources)
    for p in find_patterns(lowered, record, article_date):
        beside(p.start, p.end, p.participants, p.verdict, p.reason, setting={"pattern": p.kind},
               correction=p.correction, evidence=p.evidence)
    taken = [r.text_span for r in results]
    for o in officials_claims(text, sents, taken, claims_mod.MEET_CUE):
        beside(o.start, o.end, o.participants, NOT_IN_RECORD, o.reason, setting={})
    results.sort(key=lambda r: r.text_span)
    return CheckResult(results, article_date, doc.content_type, doc, notice=language_notice(text))


def check_text(
    text: str,
    *,
    db: str | os.PathLike | None = None,
    article_date: str | dt.date | None = None,
    content_type: str = "auto",
    name: str | None = None,
    record: Record | None = None,
) -> CheckResult:
    """Check every meeting claim in an article (Markdown, text or HTML; "auto" guesses).

    ``article_date`` anchors "on Friday" and "last year"; without it the dateline near
    the top of the article is used when there is one.
    """
    with _collector_paused():
        doc = reader.read(text, content_type, name=name)
    rec = record if record is not None else get_record(db)
    return check_document(doc, rec, dates.parse_date(article_date))


def check_file(
    path: str | os.PathLike,
    *,
    db: str | os.PathLike | None = None,
    article_date: str | dt.date | None = None,
    content_type: str = "auto",
    record: Record | None = None,
) -> CheckResult:
    """Like `check_text`, for a file (its size is checked before it is read)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise NotText(f"cannot read {p}: {exc.strerror or exc}") from None
    if size > reader.MAX_BYTES:
        raise InputTooLarge(reader._too_large(size))
    text = reader.decode(p.read_bytes())
    return check_text(text, db=db, article_date=article_date, content_type=content_type, name=p.name, record=record)
