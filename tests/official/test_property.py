"""Property tests: corrupted bytes never crash the parser and every record stays accounted for."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.sources.official.parse import Reason, parse_file

from ._paths import MINI

CLEAN = (MINI / "travels/president-travels/obama-barack.xml").read_bytes()
N = 3
REASONS = {v for k, v in vars(Reason).items() if k.isupper()}
ENDS = [m.end() for m in re.finditer(rb"</trip>", CLEAN)]
STARTS = [m.start() for m in re.finditer(rb"<trip[\s>]", CLEAN)]


def _check(res) -> None:
    assert res.read == len(res.records) + res.record_rejects
    assert all(r["reason"] in REASONS for r in res.rejects)
    assert all(r["raw"] for r in res.rejects if r["level"] == "record")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_single_byte_flip(data):
    pos = data.draw(st.integers(0, len(CLEAN) - 1))
    val = data.draw(st.integers(0, 255).filter(lambda b: b != CLEAN[pos]))
    corrupted = CLEAN[:pos] + bytes([val]) + CLEAN[pos + 1 :]
    res = parse_file(corrupted, "x.xml", "president_trip")
    _check(res)
    # one flip damages at most one record, and can at most invent one bogus segment
    assert N <= res.read <= N + 1
    assert len(res.records) >= N - 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(CLEAN) - 1), st.integers(0, 255)), min_size=1, max_size=12))
def test_many_byte_flips(flips):
    buf = bytearray(CLEAN)
    for pos, val in flips:
        buf[pos] = val
    res = parse_file(bytes(buf), "x.xml", "president_trip")
    _check(res)
    assert len(res.records) <= N


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(CLEAN)))
def test_truncation(cut):
    res = parse_file(CLEAN[:cut], "x.xml", "president_trip")
    _check(res)
    complete = sum(1 for e in ENDS if e <= cut)
    partial = any(s + 6 <= cut < e for s, e in zip(STARTS, ENDS, strict=True))
    assert len(res.records) == complete
    assert res.read == complete + int(partial)
    if partial:
        assert [r["reason"] for r in res.rejects if r["level"] == "record"] == [Reason.TRUNCATED]
    if complete == 0 and cut < len(CLEAN):
        assert any(r["level"] == "file" for r in res.rejects)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(blob):
    for kind in ("president_trip", "visit", "president"):
        _check(parse_file(blob, "x.xml", kind))


# --- the extraction's first-character gates change speed, never matches ---------------------
def _phrase_parts() -> dict[str, list[str]]:
    from summitry.sources.official import names

    offices = sorted(set(re.findall(r"[A-Z][a-z]+(?:\\s\+[A-Z][a-z]+)*", names.OFFICE)))
    return {
        "qualifier": sorted(names._QUALIFIERS),
        "modifier": sorted(set(re.findall(r"[A-Za-z]+", names._MODIFIER))),
        "office": [o.replace("\\s+", " ") for o in offices] + ["Minister", "President", "King"],
        "ceremony": ["funeral", "state funeral", "memorial service", "burial", "inauguration", "swearing-in",
                     "coronation", "enthronement", "investiture", "funeral ceremony"],
        "name": ["Gul", "Erdogan", "Kohl", "de Klerk", "Lee Kuan Yew", "Hussein"],
    }


_PARTS = _phrase_parts()


@st.composite
def _meeting_text(draw) -> str:
    """Text built like the remarks: [ceremony of|for] [X's] [qualifier] [modifier] office name, mixed case."""
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        bits = [draw(st.sampled_from(["", "Met with", "and", "the", "Attended the", "(", "pre"]))]
        if draw(st.booleans()):
            bits.append(draw(st.sampled_from(_PARTS["ceremony"])) + " " + draw(st.sampled_from(["of", "for"])))
        if draw(st.booleans()):
            bits.append(draw(st.sampled_from(_PARTS["name"])) + draw(st.sampled_from(["'s", "\u2019s"])))
        for part in ("qualifier", "modifier"):
            if draw(st.booleans()):
                bits.append(draw(st.sampled_from(_PARTS[part])))
        bits += [draw(st.sampled_from(_PARTS["office"])), draw(st.sampled_from(_PARTS["name"]))]
        words = " ".join(b for b in bits if b).split(" ")
        i = draw(st.integers(0, len(words) - 1))  # change the case of one word
        words[i] = draw(st.sampled_from([words[i].lower(), words[i].capitalize(), words[i].upper()]))
        pieces.append(" ".join(words))
    return draw(st.sampled_from([". ", ", ", "; "])).join(pieces)


@settings(max_examples=500, deadline=None)
@given(_meeting_text())
def test_regex_gates_keep_every_match(text):
    from summitry.sources.official import extract as ex

    contact_ungated = re.compile(ex._CONTACT.pattern.replace(ex._CONTACT_GATE, "", 1))
    ceremony_ungated = re.compile(ex._CEREMONY.pattern.replace("(?=[sfmbice])", "", 1))
    for gated, ungated in ((ex._CONTACT, contact_ungated), (ex._CEREMONY, ceremony_ungated)):
        assert gated.pattern != ungated.pattern
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in ungated.finditer(text)]
