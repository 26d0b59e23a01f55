"""The curated record itself: complete, cited, and right on the facts readers check most."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

import summitry
from summitry.analysis import context as ctx


@pytest.fixture(scope="module")
def record(real_db: Path):
    return summitry.meetings(("USA", "RUS"), db=real_db).set_index("id", drop=False)


def test_full_record_size(record) -> None:
    held = record[record["status"] == "held"]
    assert len(held) > 60
    assert held["start_date"].min().date().isoformat() == "1943-11-28"  # Tehran
    assert (record["status"] != "held").sum() >= 3  # cancelled and collapsed meetings are kept


def test_every_meeting_is_cited(record) -> None:
    for mid, sources in record["sources"].items():
        assert len(sources) >= 1, mid
        assert all(s["url"].startswith("http") for s in sources), mid


# (id, start, end, city, venue_state, mode) checked against the Office of the Historian
# record and the sources cited in the curated file.
KEY_MEETINGS = [
    ("1943-11-tehran", "1943-11-28", "1943-12-01", "Tehran", "IRN", "multilateral"),
    ("1945-02-yalta", "1945-02-04", "1945-02-11", "Yalta", "SUN", "visit"),
    ("1961-06-vienna", "1961-06-03", "1961-06-04", "Vienna", "AUT", "third-party"),
    ("1986-10-reykjavik", "1986-10-11", "1986-10-12", "Reykjavík", "ISL", "third-party"),
    ("1987-12-washington", None, None, "Washington", "USA", "visit"),
    ("2018-07-helsinki", "2018-07-16", "2018-07-16", "Helsinki", "FIN", "third-party"),
    ("2021-06-geneva", "2021-06-16", "2021-06-16", "Geneva", "CHE", "third-party"),
    ("2025-08-anchorage", "2025-08-15", "2025-08-15", "Anchorage", "USA", "visit"),
]


@pytest.mark.parametrize("mid, start, end, city, state, mode", KEY_MEETINGS)
def test_key_meetings(record, mid, start, end, city, state, mode) -> None:
    m = record.loc[mid]
    if start:
        assert m["start_date"].date().isoformat() == start
        assert m["end_date"].date().isoformat() == end
    assert (m["city"], m["venue_state"], m["mode"]) == (city, state, mode)


def test_helsinki_never_hosted_reagan_gorbachev(record) -> None:
    """The op-ed error that started the project: 1986 was Reykjavík."""
    reagan_gorbachev = record[record["participants"].map(
        lambda ps: {"reagan-ronald", "gorbachev-mikhail"} <= {p["leader_id"] for p in ps})]
    assert "Helsinki" not in set(reagan_gorbachev["city"])
    assert reagan_gorbachev[reagan_gorbachev["start_date"].dt.year == 1986]["city"].tolist() == ["Reykjavík"]


def test_participants_in_office(real_db: Path) -> None:
    """Validation guarantees it; this pins that the office is filled for every participant."""
    df = summitry.meetings(db=real_db)
    for mid, ps in zip(df["id"], df["participants"], strict=True):
        assert all(p["office"] for p in ps), mid


# The reading on the six meetings the issue names, against the real record.
def test_context_anchorage(real_db: Path) -> None:
    r = summitry.context("2025-08-anchorage", db=real_db)
    v = r["venue"]
    assert v["setting"] == "hosted by USA"
    assert v["previous_same_setting"]["id"] == "2010-06-washington"
    assert v["gap_since_previous_same_setting"]["text"] == "15 years 52 days"
    prep = r["preparation"]
    assert (prep["lead_days"], prep["rank_shortest"], prep["shorter_earlier"]) == (7, 2, ["1967-06-glassboro"])
    assert r["relations"]["period"]["start_date"] == "2022-02-24"
    trump = next(p for p in r["term_timing"]["participants"] if p["leader_id"] == "trump-donald-j")
    assert trump["days_into_term"] == 207 and trump["first_meeting_of_pair_in_term"]


def test_context_reykjavik(real_db: Path) -> None:
    r = summitry.context("1986-10-reykjavik", db=real_db)
    assert r["venue"]["setting"] == "third-party"
    assert r["venue"]["previous_same_setting"]["id"] == "1985-11-geneva"
    reagan = next(p for p in r["term_timing"]["participants"] if p["leader_id"] == "reagan-ronald")
    assert not reagan["first_meeting_of_pair_in_term"]
    assert r["preparation"]["lead_days"] == 11


def test_context_crawford(real_db: Path) -> None:
    r = summitry.context("2001-11-crawford", db=real_db)
    assert r["venue"]["setting"] == "hosted by USA"
    assert r["venue"]["previous_same_setting"]["id"] == "2001-11-washington"
    assert r["meeting"]["region"] == "Texas"


def test_context_washington_2010(real_db: Path) -> None:
    r = summitry.context("2010-06-washington", db=real_db)
    assert r["venue"]["previous_same_setting"]["id"] == "2007-07-kennebunkport"
    medvedev = next(p for p in r["term_timing"]["participants"] if p["leader_id"] == "medvedev-dmitry")
    assert medvedev["days_into_term"] == (__import__("datetime").date(2010, 6, 24)
                                          - __import__("datetime").date(2008, 5, 7)).days


def test_context_helsinki_2018(real_db: Path) -> None:
    r = summitry.context("2018-07-helsinki", db=real_db)
    assert r["venue"]["previous_same_setting"]["id"] == "2010-04-prague"
    assert r["preparation"]["lead_days"] == 18


def test_context_geneva_2021(real_db: Path) -> None:
    r = summitry.context("2021-06-geneva", db=real_db)
    assert r["venue"]["previous_same_setting"]["id"] == "2018-07-helsinki"
    biden = next(p for p in r["term_timing"]["participants"] if p["leader_id"] == "biden-joseph-r")
    assert biden["days_into_term"] == 147 and biden["first_meeting_of_pair_in_term"]
    assert r["preparation"]["lead_days"] == 22


def test_first_meetings_every_president(real_db: Path) -> None:
    rows = summitry.first_meetings(db=real_db)
    got = {(r.president_id, r.term_start): (r.first_meeting, r.days_into_term) if r.first_meeting else (None, None)
           for r in rows.astype(object).where(rows.notna(), None).itertuples()}
    assert len(rows) == 27  # every four-year term from FDR's first to Trump's second
    assert got[("roosevelt-franklin-d", "1933-03-04")] == (None, None)
    assert got[("roosevelt-franklin-d", "1941-01-20")] == ("1943-11-tehran", 1042)
    assert got[("roosevelt-franklin-d", "1945-01-20")] == ("1945-02-yalta", 15)
    assert got[("truman-harry-s", "1945-04-12")][0] == "1945-07-potsdam"
    # Reagan's first meeting came ten months into his second term, not 1,764 days into "his term"
    assert got[("reagan-ronald", "1981-01-20")] == (None, None)
    assert got[("reagan-ronald", "1985-01-20")] == ("1985-11-geneva", 303)
    assert got[("clinton-william-j", "1997-01-20")] == ("1997-02-washington", 18)
    assert got[("bush-george-w", "2001-01-20")] == ("2001-06-kranj", 147)
    assert got[("trump-donald-j", "2017-01-20")] == ("2017-07-hamburg", 168)
    assert got[("trump-donald-j", "2025-01-20")] == ("2025-08-anchorage", 207)
    assert got[("biden-joseph-r", "2021-01-20")] == ("2021-06-geneva", 147)


def test_events_since_previous_meeting_are_really_since_it(real_db: Path) -> None:
    """Every event listed as "since the previous meeting" falls after that meeting; when none
    does (Amman 1999 came five months after Clinton's Moscow visit), the background events
    are listed under their own name, not as new ones."""
    con = duckdb.connect(str(real_db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM meetings WHERE status = 'held'").fetchall()]
    for mid in ids:
        rel = ctx.context_report(con, mid)["relations"]
        prev = rel["previous_meeting"]
        for e in rel["events_since_previous_meeting"]:
            assert prev is None or e["date"] > prev["date"], (mid, e)
        assert not (rel["events_since_previous_meeting"] and rel["latest_events_before"]), mid
    amman = ctx.context_report(con, "1999-02-amman")
    assert amman["relations"]["events_since_previous_meeting"] == []
    assert amman["relations"]["latest_events_before"]
    sentence = next(s["sentence"] for s in amman["signals"] if s["dimension"] == "relations")
    assert "no curated event since the previous meeting" in sentence
    con.close()


def test_no_meeting_is_its_own_background(real_db: Path) -> None:
    """No event dated on or after a meeting's first day is listed as its background (the
    curated events for Helsinki 2018 and Anchorage 2025 are the meetings themselves), and
    events "since the previous meeting" come after that meeting's last day."""
    con = duckdb.connect(str(real_db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM meetings WHERE status = 'held'").fetchall()]
    for mid in ids:
        r = ctx.context_report(con, mid)
        rel, start = r["relations"], r["meeting"]["start_date"]
        for e in rel["events_since_previous_meeting"] + rel["latest_events_before"]:
            assert e["date"] < start, (mid, e)
        prev = rel["previous_meeting"]
        if prev:
            prev_end = con.execute("SELECT end_date FROM meetings WHERE id = ?", [prev["id"]]).fetchone()[0]
            assert all(e["date"] > prev_end.isoformat() for e in rel["events_since_previous_meeting"]), mid
    for mid, own_event in (("2018-07-helsinki", "helsinki-summit-2018"), ("2025-08-anchorage", "alaska-summit-2025")):
        r = ctx.context_report(con, mid)
        listed = [e["id"] for e in r["relations"]["events_since_previous_meeting"] + r["relations"]["latest_events_before"]]
        assert own_event not in listed, (mid, listed)
        relations_signal = next(s for s in r["signals"] if s["dimension"] == "relations")
        assert own_event not in relations_signal["evidence"]
    con.close()


def test_majority_words_only_for_a_majority(real_db: Path) -> None:
    """Across the real record, "mostly" stands only beside a count above half."""
    con = duckdb.connect(str(real_db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM meetings WHERE status = 'held'").fetchall()]
    seen = set()
    for mid in ids:
        for s in ctx.context_report(con, mid)["signals"]:
            m = re.search(r"(mostly|most often|equally often) fell in periods of .*\((\d+) of (\d+)", s["sentence"])
            if m:
                word, count, total = m.group(1), int(m.group(2)), int(m.group(3))
                seen.add(word)
                assert (word == "mostly") == (2 * count > total) or word == "equally often", (mid, s["sentence"])
    con.close()
    assert "mostly" in seen and "most often" in seen


def test_counterpart_scope(real_db: Path) -> None:
    """`--counterpart` keeps meetings by the office the other side's principal held that day."""
    def ids(**kw):
        return list(summitry.meetings(("USA", "RUS"), db=real_db, **kw)["id"])

    hog = ids(counterpart="head-of-government")
    hos = ids(counterpart="head-of-state")
    assert sorted(hog + hos) == sorted(ids())
    assert "1967-06-glassboro" in hog and "1999-09-auckland" in hog and "1993-09-washington" in hog
    assert "1943-11-tehran" in hos  # Stalin as party leader, whatever Churchill held
    assert "1972-05-moscow" in hos and "2010-06-washington" in hos  # Brezhnev; Medvedev as president
    medvedev_pm = [m for m in ids(leader="medvedev-dmitry", counterpart="head-of-government")]
    assert medvedev_pm and all(m >= "2012-05" for m in medvedev_pm)
    card = summitry.meeting("1999-09-auckland", db=real_db)
    putin = next(p for p in card["participants"] if p["leader_id"] == "putin-vladimir")
    assert putin["office_kind"] == "head_of_government" and card["counterpart_office"] == "head-of-government"


def test_counterpart_scope_against_the_office_of_the_historian_1992_2000(real_db: Path) -> None:
    """The README compares these counts with the Office of the Historian's list "U.S.-Russian
    Summits, 1992-2000" (July 2000): 23 meetings with Russian presidents, and two with
    Prime Minister Putin in 1999."""
    heads = summitry.meetings(("USA", "RUS"), start="1992-01-31", end="2000-07-20", status="held",
                              counterpart="head-of-state", db=real_db)
    assert len(heads) == 24
    assert list(heads.loc[heads["format"] == "private-conversation", "id"]) == ["1999-02-amman"]
    putin_pm = summitry.meetings(("USA", "RUS"), start="1992-01-31", end="2000-07-20", leader="putin-vladimir",
                                 counterpart="head-of-government", db=real_db)
    assert list(putin_pm["id"]) == ["1999-09-auckland", "1999-11-oslo"]


#: Words in `notes` that say a meeting's day is not known (docs/curation.md, "Dates").
DAY_NOT_KNOWN = re.compile(r"do not say which|not say on which|day[^.]*not (?:fixed|known)|not fixed", re.I)


def _names_day(day: int, notes: str) -> bool:
    return re.search(rf"(?<!\d){day}(?:st|nd|rd|th)?(?!\d)", notes) is not None


def test_margin_meetings_span_only_the_days_the_leaders_met(real_db: Path) -> None:
    """The rule behind the Santiago 2004 and Paris 1990 fixes: a meeting's dates are the days
    the two leaders met, not the event's span. A margin meeting on several days says in its
    notes what happened on the first and the last day, or that the day is not known."""
    con = duckdb.connect(str(real_db), read_only=True)
    rows = con.execute("""SELECT id, start_date, end_date, coalesce(notes, '') FROM out_meetings
                          WHERE status = 'held' AND format IN ('pull-aside', 'private-conversation')
                            AND end_date > start_date""").fetchall()
    con.close()
    assert rows, "there are multi-day margin meetings to check"
    unexplained = [mid for mid, s, e, notes in rows
                   if not (_names_day(s.day, notes) and _names_day(e.day, notes)) and not DAY_NOT_KNOWN.search(notes)]
    assert unexplained == []


def test_record_fixes_of_the_1999_to_2015_check(real_db: Path) -> None:
    santiago = summitry.meeting("2004-11-santiago", db=real_db)
    assert (santiago["start_date"], santiago["end_date"]) == ("2004-11-20", "2004-11-20")
    paris = summitry.meeting("1990-11-paris", db=real_db)
    assert paris["end_date"] == "1990-11-19"
    # Moscow 2000 keeps 5 June: the U.S. notes of the one-on-ones cover 3-5 June
    moscow = summitry.meeting("2000-06-moscow", db=real_db)
    assert moscow["end_date"] == "2000-06-05"
    assert any("nsarchive.gwu.edu/media/33391" in s["url"] for s in moscow["sources"])
    cologne = summitry.meeting("1999-06-cologne-2", db=real_db)
    assert cologne["start_date"] == "1999-06-19" and [p["leader_id"] for p in cologne["participants"]] == [
        "clinton-william-j", "stepashin-sergei"] and cologne["counterpart_office"] == "head-of-government"
    manila = summitry.meeting("2015-11-manila", db=real_db)
    assert manila["format"] == "private-conversation" and "hsg-trip-3442" in manila["official_record_ids"]
    assert summitry.meetings(start="2015-11-22", end="2015-11-22", db=real_db).empty  # Kuala Lumpur: a handshake only


def test_called_off_meetings_are_records(real_db: Path) -> None:
    cancelled = summitry.meetings(("USA", "RUS"), status="cancelled", db=real_db).set_index("id")
    assert {"1960-06-moscow", "2018-09-washington", "2025-10-budapest"} <= set(cancelled.index)
    assert cancelled.loc["1960-06-moscow", "date_precision"] == "month"
    assert cancelled.loc["2018-09-washington", "announced_date"].isoformat()[:10] == "2018-07-19"
    assert cancelled.loc["2025-10-budapest", "host_state"] == "HUN"
    assert (cancelled["date_precision"] == "day").sum() >= 4  # the four with planned days
    # a called-off meeting is never a precedent
    r = summitry.context("2021-06-geneva", db=real_db)
    assert r["venue"]["previous_same_setting"]["id"] == "2018-07-helsinki"


#: Hosts whose pages are not in English, and their language (docs/curation.md, "Sources").
NON_ENGLISH_HOSTS = {
    "agi.it": "Italian", "dni.ru": "Russian", "izvestia.ru": "Russian", "interfax.ru": "Russian",
    "lite.mir24.tv": "Russian", "news.mail.ru": "Russian", "svpressa.ru": "Russian", "tvrain.ru": "Russian",
    "universalis.fr": "French", "red.wissen.de": "German", "www.welt.de": "German", "wydarzenia.interia.pl": "Polish",
    "www.newsbeast.gr": "Greek", "hankyung.com": "Korean", "www.majalla.com": "Arabic",
}


def test_sources_cite_the_english_page_or_say_the_language() -> None:
    """A source is the English-language page where there is one (Wikipedia's English edition,
    not Scots or Simple English); a page in another language says so in its title."""
    from urllib.parse import urlparse

    import yaml

    root = Path(summitry.__file__).parent / "data" / "curated"
    problems = []
    for path in sorted(root.rglob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for source in entry.get("sources") or []:
                host = urlparse(source["url"]).hostname or ""
                if host.endswith("wikipedia.org") and host != "en.wikipedia.org":
                    problems.append((path.name, source["url"]))
                language = NON_ENGLISH_HOSTS.get(host)
                if language and f"({language})" not in source["title"]:
                    problems.append((path.name, source["title"]))
    assert problems == []
