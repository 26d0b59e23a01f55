"""From event reports to candidate leader meetings, written once in Ibis.

The same expression runs on DuckDB (default, over Parquet) and on Spark. Steps:

1. *Reports*: keep CAMEO consult events (040, 042-046; 041 is a phone call, not a
   meeting) whose two actors are typed GOV in any of their three type slots; GDELT and
   POLECAT rows are put in one shape.
2. *Resolution*: each actor name (upper-cased, letters only) must equal a leader's name or
   alias, on a date inside one of that leader's terms; an alias shared by several leaders
   also needs the actor's country to be the leader's state. An actor coded by role (its
   state's name, "PRESIDENT") is the state's leading office holder that day, but only beside
   a leader named on the other side. Both sides must resolve, to leaders of two different states.
3. *Grouping*: reports of one pair of leaders are sorted by date and cut wherever two
   consecutive reports are more than `gap_days` apart, so one cluster is one meeting.
   Dates are the days carrying at least `day_share` of the busiest day's reports (this
   drops sparse date slips); place, city and host are votes weighted by each report's
   evidence, the place also by its precision (a city counts more than a region, a country
   or a U.S. state; a sea not at all), and a place with less than half the vote is left empty.
4. *Setting* (PLOVER CONSULT mode): a bundled summit at the voted place and date makes it
   `multilateral`; a place in a third state makes it `third-party`; a place in one of the
   two states makes it a `visit` hosted there; with no place, the 042/043 codes (make /
   host a visit) give the host.
5. *Confidence* grows with the evidence: each story (distinct SOURCEURL) counts 1, plus up
   to 1 more for its reach (0.5 per extra source, 0.1 per extra mention), taken from its
   best-sourced event: GDELT codes one article as several events (A meets B and B meets A,
   042 and 040), and those are one story, not several; confidence = 1 - exp(-evidence / 3), and
   candidates under `min_confidence` (0.75, about four well-sourced reports) are dropped.

Every tie is broken by value, and no step depends on row order, so both engines give the
same meetings.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from summitry.sources.events import reference
from summitry.sources.events.gdelt import CONSULT_CODES, PLOVER_MODE_TO_CAMEO


@dataclass(frozen=True)
class Params:
    """Knobs of the method; the defaults are the ones validated in docs/events.md."""

    gap_days: int = 2
    day_share: float = 0.5
    min_confidence: float = 0.75
    evidence_scale: float = 3.0
    calendar_slack_days: int = 1
    echo_days: int = 30


DEFAULT_PARAMS = Params()
#: Bumped whenever the method or its output changes, so a cached result is never reused across it.
METHOD_VERSION = 5

REPORT_COLUMNS = ("event_id", "date", "code", "name1", "country1", "type1", "name2", "country2", "type2",
                  "venue", "city", "place_factor", "mentions", "sources", "url", "tense")

#: How much a report's place counts in the venue vote, by how precise it is: a city names
#: where leaders meet; a region, a country or a U.S. state is often the story's topic
#: (GDELT geocodes the places a story mentions, not only where the talks were); a sea or
#: an ocean never is a venue.
PLACE_CITY, PLACE_WIDE = 10, 3
_SEA = r"(?i)\b(sea|ocean|oceans|gulf|strait)\b"

#: Headline words in a story's URL that say the story is not about talks held on its day: a
#: preview of talks to come, or a look back at talks long past. GDELT dates a report by when it
#: was written, so such stories would put a meeting on the wrong day; they weigh nothing.
#: Words are whole slug words (between /, -, _ or .), matched on the lower-cased URL.
PREVIEW_WORDS = ("to-meet", "to-hold", "to-visit", "to-host", "to-travel", "will-meet", "will-visit", "will-host",
                 "will-hold", "set-to", "plans-to", "plan-to", "expected-to", "ahead-of", "upcoming", "preview",
                 "next-week", "next-month", "invites", "invited", "invitation", "prepares-for", "preparing-for")
RETROSPECTIVE_WORDS = ("anniversary", "years-ago", "years-after", "years-since", "decades-ago", "looking-back",
                       "look-back", "recalls", "recalled", "remembers", "remembering", "flashback", "throwback",
                       "history-of", "on-this-day")
_SLUG_EDGE = r"(^|[/_.-])"
_PREVIEW = _SLUG_EDGE + "(" + "|".join(PREVIEW_WORDS) + r")([/_.-]|$)"
_RETROSPECTIVE = _SLUG_EDGE + "(" + "|".join(RETROSPECTIVE_WORDS) + r")([/_.-]|$)"
#: Codes that describe the meeting itself (make, host a visit; meet at a third place), not talk about talks.
VISIT_CODES = ("042", "043", "044")


def _tense(url: ir.StringValue) -> ir.StringValue:
    """'preview', 'retrospective' or null, from the headline words of a report's URL."""
    u = url.fill_null("").lower()
    return ibis.cases((u.re_search(_PREVIEW), "preview"), (u.re_search(_RETROSPECTIVE), "retrospective"),
                      else_=ibis.null("string"))


def _norm(col: ir.StringValue) -> ir.StringValue:
    """Same rule as reference.normalize_name: upper case, runs of non-letters to one space."""
    return col.upper().re_replace(r"[^\p{L}]+", " ").strip()


def _government(t: ir.Table, actor: str) -> ir.BooleanValue:
    """Whether an actor is coded GOV in any of its three type slots: GDELT puts the role
    where it falls in the code, so Abe as JPNELIGOV has ELI first and GOV second."""
    return (t[f"{actor}Type1Code"] == "GOV") | (t[f"{actor}Type2Code"] == "GOV") | (t[f"{actor}Type3Code"] == "GOV")


def gdelt_reports(t: ir.Table, fips: ir.Table) -> ir.Table:
    """GDELT 2.0 rows -> consult reports in the common shape."""
    gov1, gov2 = _government(t, "Actor1"), _government(t, "Actor2")
    # A side coded as its country alone (Code == CountryCode, no type: "TURKEY") may stand for
    # its leader when the other side is a government actor (resolved_reports decides).
    bare1 = (t.Actor1Code == t.Actor1CountryCode) & t.Actor1Type1Code.isnull()
    bare2 = (t.Actor2Code == t.Actor2CountryCode) & t.Actor2Type1Code.isnull()
    t = t.filter(t.EventCode.isin(CONSULT_CODES), gov1 | bare1, gov2 | bare2, gov1 | gov2)
    t = t.left_join(fips, t.ActionGeo_CountryCode == fips.fips)
    is_city = t.ActionGeo_Type.isin([3, 4])  # GDELT geo types: 1 country, 2 U.S. state, 3 U.S. city, 4 city, 5 region
    sea = t.ActionGeo_FullName.fill_null("").re_search(_SEA) & ~is_city
    city = ibis.ifelse(is_city, t.ActionGeo_FullName.split(",")[0].strip(), ibis.null("string"))
    return t.select(
        event_id="gdelt:" + t.GLOBALEVENTID.cast("string"),
        date=t.SQLDATE,
        code=t.EventCode,
        name1=t.Actor1Name, country1=t.Actor1CountryCode, type1=ibis.literal("GOV"),
        name2=t.Actor2Name, country2=t.Actor2CountryCode, type2=ibis.literal("GOV"),
        venue=ibis.ifelse(sea, ibis.null("string"), t.fips_iso3),
        city=ibis.ifelse(city == "", ibis.null("string"), city),
        place_factor=ibis.ifelse(is_city, PLACE_CITY, PLACE_WIDE).cast("int64"),
        mentions=t.NumMentions.cast("int64").fill_null(1),
        sources=t.NumSources.cast("int64").fill_null(1),
        url=t.SOURCEURL,
        tense=_tense(t.SOURCEURL),
    )


def polecat_reports(t: ir.Table) -> ir.Table:
    """POLECAT (PLOVER) rows -> consult reports; POLECAT has no counts, so each row weighs 1."""
    mode = t["Event Mode"].fill_null("").lower().strip()
    t = t.filter(t["Event Type"].upper() == "CONSULT", mode != "phone")
    code = mode.cases(*PLOVER_MODE_TO_CAMEO.items(), else_="040")
    city = t["City"].strip()
    return t.select(
        event_id="polecat:" + t["Event ID"],
        date=t["Event Date"],
        code=code,
        name1=t["Actor Name"], country1=t["Actor Country"], type1=ibis.literal("GOV"),
        name2=t["Recipient Name"], country2=t["Recipient Country"], type2=ibis.literal("GOV"),
        venue=t["Country"],
        city=ibis.ifelse(city == "", ibis.null("string"), city),
        place_factor=ibis.ifelse(city.fill_null("") == "", PLACE_WIDE, PLACE_CITY).cast("int64"),
        mentions=ibis.literal(1, "int64"),
        sources=ibis.literal(1, "int64"),
        url=t["Source"],
        tense=_tense(t["Source"]),
    )


def _resolve_side(r: ir.Table, aliases: ir.Table, cameo: ir.Table, side: str) -> ir.Table:
    a = aliases.rename({f"{k}{side}": k for k in ("alias", "leader_id", "name", "state", "start_date",
                                                   "end_date", "ambiguous", "role")})
    c = cameo.rename({f"cameo{side}": "cameo", f"cameo_iso3{side}": "cameo_iso3"})
    r = r.left_join(c, r[f"country{side}"] == c[f"cameo{side}"])
    r = r.mutate(**{f"iso{side}": r[f"cameo_iso3{side}"].fill_null(r[f"country{side}"])})
    r = r.drop(f"cameo{side}", f"cameo_iso3{side}")
    r = r.join(a, [
        r[f"n{side}"] == a[f"alias{side}"],
        r.date >= a[f"start_date{side}"],
        r.date <= a[f"end_date{side}"],
        (~a[f"ambiguous{side}"]) | (r[f"iso{side}"] == a[f"state{side}"]),
    ])
    return r.drop(f"alias{side}", f"start_date{side}", f"end_date{side}", f"ambiguous{side}")


def resolved_reports(reports: ir.Table, aliases: ir.Table, cameo: ir.Table) -> ir.Table:
    """Reports whose two actors resolve to leaders of two different states, pair put in order."""
    r = reports.distinct()
    r = r.mutate(n1=_norm(r.name1), n2=_norm(r.name2))
    r = _resolve_side(r, aliases, cameo, "1")
    r = _resolve_side(r, aliases, cameo, "2")
    # One side may be coded by role ("TURKEY", "PRESIDENT") when the other is a leader named;
    # two roles ("TURKEY" meets "RUSSIA") name no leader at all.
    r = r.filter(r.state1 != r.state2, ~(r.role1 & r.role2))
    first = r.leader_id1 < r.leader_id2
    # 042: actor 1 visits actor 2 (host: actor 2's state); 043: actor 1 hosts actor 2.
    coded_host = r.code.cases(("042", r.state2), ("043", r.state1), else_=ibis.null("string"))
    return r.select(
        leader_a=ibis.ifelse(first, r.leader_id1, r.leader_id2),
        state_a=ibis.ifelse(first, r.state1, r.state2),
        leader_b=ibis.ifelse(first, r.leader_id2, r.leader_id1),
        state_b=ibis.ifelse(first, r.state2, r.state1),
        date=r.date, event_id=r.event_id, code=r.code, venue=r.venue, city=r.city,
        coded_host=coded_host, third=(r.code == "044").cast("int64"),
        mentions=r.mentions, sources=r.sources, url=r.url, place_factor=r.place_factor, tense=r.tense,
        # 1 when the report may date the meeting: not a preview or a retrospective
        support=r.tense.isnull().cast("int64"), visit_code=r.code.isin(VISIT_CODES).cast("int64"),
        # Evidence in tenths, as an integer: sums are exact, so votes tie (and break ties)
        # the same way whatever order an engine adds them in.
        weight=10 + ibis.least(10, 5 * (r.sources - 1) + (r.mentions - 1)),
    )


def _top(t: ir.Table, keys: list[str], value: str, weight: str, out: str, majority: bool = False) -> ir.Table:
    """Per group, the value with the largest total weight (ties: smallest value). With
    `majority`, only a value holding at least half of the group's weight: a vote split three
    or more ways gives no value, since an empty field is better than a wrong one."""
    g = t.filter(t[value].notnull()).group_by([*keys, value]).aggregate(w=lambda x: x[weight].sum())
    w = ibis.window(group_by=keys, order_by=[ibis.desc("w"), value])
    g = g.mutate(rn=ibis.row_number().over(w), total=g.w.sum().over(ibis.window(group_by=keys)))
    top = g.filter(g.rn == 0)
    if majority:
        top = top.filter(2 * top.w >= top.total)
    return top.select(*keys, **{out: top[value]})


def meetings_expr(reports: ir.Table, aliases: ir.Table, cameo: ir.Table, cal: ir.Table,
                  params: Params = DEFAULT_PARAMS) -> ir.Table:
    """Candidate meetings of every pair of leaders, one row each."""
    r = resolved_reports(reports, aliases, cameo)
    pair = ["leader_a", "leader_b"]
    w = ibis.window(group_by=pair, order_by=["date", "event_id"])
    r = r.mutate(prev=r.date.lag().over(w))
    r = r.mutate(new=ibis.ifelse(r.prev.isnull() | (r.date.delta(r.prev, unit="day") > params.gap_days), 1, 0))
    r = r.mutate(cluster=r.new.sum().over(ibis.window(group_by=pair, order_by=["date", "event_id"], rows=(None, 0))))
    keys = [*pair, "cluster"]

    # A preview or a retrospective (`_tense`) is kept in the counts but weighs nothing: it does not
    # say that the leaders met on its day.
    r = r.mutate(supported=r.weight * r.support)
    base = r.group_by(keys).aggregate(
        state_a=r.state_a.max(), state_b=r.state_b.max(),
        n_reports=r.event_id.nunique(), n_sources=r.sources.sum(), n_mentions=r.mentions.sum(),
        third_weight=(r.third * r.supported).sum(), visit_weight=(r.visit_code * r.supported).sum(),
        event_ids=r.event_id.collect(), urls=r.url.collect(),
    )
    # Evidence counts stories, not events: GDELT codes one article as several events (A meets
    # B, B meets A, a 042 and a 040...), so each story (SOURCEURL; a report without one stands
    # alone) weighs as its best-sourced event, once.
    r = r.mutate(story=r.url.fill_null(r.event_id))
    stories = r.group_by([*keys, "story"]).aggregate(story_weight=r.supported.max())
    stories = stories.filter(stories.story_weight > 0)
    evidence = stories.group_by(keys).aggregate(evidence=stories.story_weight.sum(), n_stories=stories.story.count())
    base = base.join(evidence, keys)
    # The meeting's days are the days its reports support most: a report of a visit made, hosted
    # or held at a third place (042/043/044) counts twice a report of talks in general.
    r = r.mutate(day_weight=r.supported * (1 + r.visit_code))
    days = r.group_by([*keys, "date"]).aggregate(n=r.day_weight.sum())
    days = days.mutate(top=days.n.max().over(ibis.window(group_by=keys)))
    days = days.filter(days.n >= days.top * params.day_share, days.n > 0)
    span = days.group_by(keys).aggregate(start_date=days.date.min(), end_date=days.date.max())

    r = r.mutate(place_weight=r.weight * r.place_factor)
    venue = _top(r, keys, "venue", "place_weight", "venue_vote", majority=True)
    # A venue needs a city-level report, unless it is one of the two leaders' own states: a
    # region, a country or a U.S. state in a third state alone is a story's topic (a TV recap of
    # Sochi talks geocoded to Utah), and an empty venue is better than a wrong one.
    trusted = r.filter((r.place_factor == PLACE_CITY) | (r.venue == r.state_a) | (r.venue == r.state_b))
    venue = venue.semi_join(trusted.select(*keys, venue_vote=trusted.venue).distinct(), [*keys, "venue_vote"])
    rv = r.join(venue, keys).filter(lambda t: t.venue == t.venue_vote)
    city = _top(rv, keys, "city", "weight", "city_vote")
    host = _top(r, keys, "coded_host", "weight", "host_vote")

    m = base.join(span, keys).left_join(venue, keys).left_join(city, keys).left_join(host, keys)
    m = m.select(*keys, "state_a", "state_b", "n_reports", "n_stories", "n_sources", "n_mentions", "evidence",
                 "third_weight", "visit_weight",
                 "event_ids", "urls", "start_date", "end_date", "venue_vote", "city_vote", "host_vote")

    # A known multilateral event at the voted place and dates (the nearest if several).
    cal_j = m.left_join(cal, [
        m.venue_vote == cal.cal_state,
        m.start_date <= cal.cal_end + ibis.interval(days=params.calendar_slack_days),
        m.end_date >= cal.cal_start - ibis.interval(days=params.calendar_slack_days),
    ])
    cal_j = cal_j.mutate(rn=ibis.row_number().over(ibis.window(
        group_by=keys, order_by=[cal_j.start_date.delta(cal_j.cal_start, unit="day").abs(), cal_j.cal_event])))
    m = cal_j.filter(cal_j.rn == 0)

    m = m.anti_join(_echoes(m, params), keys)

    in_pair = (m.venue_vote == m.state_a) | (m.venue_vote == m.state_b)
    mode = ibis.cases(
        (m.cal_event.notnull(), "multilateral"),
        (m.venue_vote.notnull() & ~in_pair, "third-party"),
        (in_pair, "visit"),
        (m.host_vote.notnull(), "visit"),
        (m.third_weight > 0, "third-party"),
        else_=ibis.null("string"),
    )
    venue_state = m.venue_vote.fill_null(m.host_vote)
    confidence = (1 - (-(m.evidence.cast("float64") / (10 * params.evidence_scale))).exp()).round(4)
    out = m.select(
        "leader_a", "leader_b", "state_a", "state_b", "start_date", "end_date",
        venue_state=venue_state,
        city=m.city_vote.fill_null(m.cal_city),
        mode=mode,
        host_state=ibis.ifelse(mode == "visit", venue_state, m.venue_vote),
        multilateral_event=m.cal_event,
        n_reports=m.n_reports, n_stories=m.n_stories, n_sources=m.n_sources, n_mentions=m.n_mentions,
        confidence=confidence, event_ids=m.event_ids, urls=m.urls,
    )
    return out.filter(out.confidence >= params.min_confidence)


def _echoes(m: ir.Table, params: Params) -> ir.Table:
    """Clusters that only echo an earlier, better-reported meeting of the same pair: within
    `echo_days` after it, with no report of a visit or a third-place meeting (042/043/044) and no
    known summit on their days. Stories that mention a summit days or weeks later are dated by
    when they were written, and would otherwise become a second meeting on the wrong day."""
    later = m.filter(m.visit_weight == 0, m.cal_event.isnull()).select("leader_a", "leader_b", "cluster",
                                                                         "start_date", "evidence")
    earlier = m.select(e_a=m.leader_a, e_b=m.leader_b, e_end=m.end_date, e_evidence=m.evidence)
    j = later.join(earlier, [
        later.leader_a == earlier.e_a, later.leader_b == earlier.e_b,
        earlier.e_end < later.start_date,
        later.start_date <= earlier.e_end + ibis.interval(days=params.echo_days),
        earlier.e_evidence > later.evidence,
    ])
    return j.select("leader_a", "leader_b", "cluster").distinct()


def reference_tables(leaders: reference.Leaders) -> dict[str, ir.Table]:
    """The small reference tables as in-memory Ibis tables (each engine ships them itself)."""
    return {
        "aliases": ibis.memtable(reference.alias_table(leaders)),
        "cameo": ibis.memtable(reference.cameo_table()),
        "fips": ibis.memtable(reference.fips_table()),
        "calendar": ibis.memtable(reference.calendar_table()),
    }
