"""Failure classes seen on real published articles, each reproduced on a sentence of our own
(issue 11): the mechanism is fixed, not the sentence."""

from __future__ import annotations

import pytest

from summitry.checker import check_text
from summitry.checker.record import Record


def _one(text: str, record: Record):
    res = check_text(text, record=record, content_type="text")
    assert len(res.claims) == 1, [c.quote for c in res.claims]
    return res.claims[0]


@pytest.mark.parametrize(("text", "right"), [
    ("The summit between Reagan and Gorbachev took place in Reykjavik on Oct. 11-14, 1986.", "11–12 October 1986"),
    ("Reagan and Gorbachev met in Washington on Dec. 7-9, 1987.", "8–10 December 1987"),
])
def test_stated_days_past_the_meeting_are_wrong(real_record: Record, text: str, right: str) -> None:
    c = _one(text, real_record)
    assert c.verdict == "contradicted" and right in c.correction


@pytest.mark.parametrize("text", [
    "Reagan and Gorbachev met in Reykjavik on Oct. 11, 1986.",  # one day of the two
    "Reagan and Gorbachev met in Reykjavik on Oct. 11-12, 1986.",  # the days exactly
    "Reagan and Gorbachev met in Reykjavik in October 1986.",  # no days stated
])
def test_days_within_the_meeting_are_right(real_record: Record, text: str) -> None:
    assert _one(text, real_record).verdict == "supported"


def test_the_wrong_member_of_a_family(real_record: Record) -> None:
    c = _one("George W. Bush met Gorbachev at Malta in December 1989.", real_record)
    assert c.verdict == "contradicted"
    assert "George H. W. Bush, not George W. Bush" in c.correction and c.evidence == ["1989-12-marsaxlokk"]
    assert _one("George H. W. Bush met Gorbachev at Malta in December 1989.", real_record).verdict == "supported"


def test_a_participant_who_was_not_there(real_record: Record) -> None:
    c = _one("Nixon met Brezhnev and Kosygin in Washington in June 1973.", real_record)
    assert c.verdict == "contradicted" and "Alexei Kosygin did not take part" in c.correction
    # Moscow 1972: Kosygin took part, so naming him is right
    assert _one("Nixon met Brezhnev and Kosygin in Moscow in May 1972.", real_record).verdict == "supported"


@pytest.mark.parametrize(("text", "verdict", "words"), [
    ("As prime minister, Putin met Obama in Northern Ireland in June 2013.", "contradicted", "was President, not prime minister"),
    ("President Putin met Clinton in Auckland in September 1999.", "contradicted", "was Prime Minister, not president"),
    ("Obama met Prime Minister Medvedev in Prague in April 2010.", "contradicted", "was President, not prime minister"),
    ("Prime Minister Putin met Clinton in Auckland in September 1999.", "supported", None),
    ("Obama met Medvedev, then president, in Prague in April 2010.", "supported", None),
    ("Former president Medvedev met Obama in Prague in April 2010.", "supported", None),  # "former": not then
    ("President Gorbachev met Reagan in Reykjavik in October 1986.", "supported", None),  # Soviet titles varied
])
def test_the_office_held_at_the_meeting(real_record: Record, text: str, verdict: str, words: str | None) -> None:
    c = _one(text, real_record)
    assert c.verdict == verdict, (c.verdict, c.correction)
    if words:
        assert words in c.correction


def test_the_same_claim_with_another_office_is_checked_again(real_record: Record) -> None:
    """Claims are checked once per distinct content; the stated office is part of it."""
    res = check_text("Prime Minister Putin met Clinton in Auckland in September 1999. "
                     "President Putin met Clinton in Auckland in September 1999.", record=real_record, content_type="text")
    assert [c.verdict for c in res.claims] == ["supported", "contradicted"]


@pytest.mark.parametrize("text", [
    "Kennedy and Khrushchev met in Vienna in June 1961, in talks dominated by the crisis in Berlin.",
    "Reagan and Gorbachev met in Geneva in November 1985; their talks on the war in Afghanistan went nowhere.",
    "Bush and Putin met in Bratislava in February 2005 and discussed the situation in Ukraine.",
])
def test_a_place_the_talks_were_about_is_not_the_venue(real_record: Record, text: str) -> None:
    res = check_text(text, record=real_record, content_type="text")
    assert res.claims and all(c.verdict == "supported" for c in res.claims), [(c.quote, c.verdict) for c in res.claims]


def test_a_wrong_venue_is_still_caught_beside_a_topic(real_record: Record) -> None:
    c = _one("Kennedy and Khrushchev met in Berlin in June 1961, in talks dominated by the crisis in Berlin.",
             real_record)
    assert c.verdict == "contradicted" and "Vienna" in c.correction


@pytest.mark.parametrize("text", [
    "Truman and Stalin met at Potsdam\nJuly 12, 2018 at 3:58 PM\n",
    "Truman and Stalin met at Potsdam. Updated July 12, 2018\n",
    "Truman and Stalin met at Potsdam | 10:32 AM ET, Thu July 12, 2018\n",
])
def test_a_page_time_stamp_is_not_the_meeting_date(real_record: Record, text: str) -> None:
    c = _one(text, real_record)
    assert c.verdict == "supported" and c.time is None


def test_an_event_time_of_day_keeps_its_date(real_record: Record) -> None:
    c = _one("Biden and Putin met on 16 June 2021 at 1:30 pm in Geneva.", real_record)
    assert c.verdict == "supported" and c.time["start"] == "2021-06-16"
    wrong = _one("Biden and Putin met on 16 June 2020 at 1:30 pm in Geneva.", real_record)
    assert wrong.verdict == "contradicted"


def test_a_first_on_a_soil_ranges_over_the_two_sides(real_record: Record) -> None:
    c = _one("Trump and Putin met in Anchorage in August 2025, the first summit held on American soil.", real_record)
    assert c.verdict == "contradicted" and "September 1959" in c.correction  # Khrushchev's visit
    first_visit = _one("In September 1959 Khrushchev became the first Soviet leader to visit the United States, "
                       "meeting Eisenhower.", real_record)
    assert first_visit.verdict == "supported"
    wrong = check_text("Gorbachev's trip to Washington in December 1987 was the first visit by a Soviet leader to the "
                       "United States.", record=real_record, content_type="text").claims
    assert [c.verdict for c in wrong] == ["contradicted"] and "September 1959" in wrong[0].correction


def test_a_first_since_is_not_a_meeting_in_that_year(real_record: Record) -> None:
    """'the first summit on American soil since 2010' is true of Anchorage 2025; "since 2010" is
    a point of reference, not a claim that they met in 2010."""
    res = check_text("Trump and Putin met in Anchorage in August 2025, the first summit held on American soil since 2010.",
                     record=real_record, content_type="text")
    assert res.claims and all(c.verdict == "supported" for c in res.claims), [(c.quote, c.correction) for c in res.claims]


def test_the_pair_s_own_first_keeps_its_scope(real_record: Record) -> None:
    assert _one("Trump and Putin held their first summit in Helsinki in July 2018.", real_record).verdict == "supported"
    c = _one("Trump and Putin held their first summit in Anchorage in August 2025.", real_record)
    assert c.verdict == "contradicted" and "Helsinki" in c.correction


def test_leaders_of_several_meetings_are_not_absent_participants(real_record: Record) -> None:
    """A span of years listing leaders of several meetings is no claim that all met at once."""
    res = check_text("The book covers the Gorbachev, Reagan and Bush meetings 1985-1991.", record=real_record,
                     content_type="text")
    assert all(c.verdict != "contradicted" for c in res.claims), [(c.quote, c.correction) for c in res.claims]


def test_a_last_of_an_unnamed_meeting_is_not_judged(real_record: Record) -> None:
    """'the last major event of Clinton's visit to Moscow' names no one meeting of several:
    its rank among the meetings of the two sides is not judged."""
    res = check_text("The speech was the last major event of Clinton's three-day visit to Moscow.",
                     record=real_record, content_type="text", article_date="2000-06-05")
    assert all(c.verdict != "contradicted" for c in res.claims), [(c.quote, c.correction) for c in res.claims]


def test_their_summit_after_a_sentence_that_only_names_the_pair(real_record: Record) -> None:
    """A sentence that names the two leaders but claims no meeting still tells who "their" and
    "the two leaders" are in the next one."""
    res = check_text("Presidents Vladimir Putin of Russia and Bill Clinton of the United States have reached agreement "
                     "on several measures. At their Moscow summit yesterday, the two leaders signed an accord.",
                     record=real_record, content_type="text", article_date="2000-06-05")
    assert [(c.verdict, c.evidence) for c in res.claims] == [("supported", ["2000-06-moscow"])]
    wrong = check_text("Presidents Vladimir Putin of Russia and Bill Clinton of the United States have reached agreement "
                       "on several measures. At their Helsinki summit yesterday, the two leaders signed an accord.",
                       record=real_record, content_type="text", article_date="2000-06-05")
    assert [c.verdict for c in wrong.claims] == ["contradicted"]


def test_a_weekday_in_a_past_sentence_is_the_one_before(real_record: Record) -> None:
    """'The Clinton-Stepashin session unfolded Saturday' in a Sunday paper is the day before,
    whatever the verb; 'is scheduled to' points ahead, though 'scheduled' ends in -ed."""
    (past,) = check_text("The Clinton-Stepashin session unfolded Saturday on the fringes of the G-8 summit.",
                         record=real_record, content_type="text", article_date="1999-06-20").claims
    assert past.time["start"] == "1999-06-19" and past.verdict == "supported"
    (ahead,) = check_text("Clinton is scheduled to meet Yeltsin in Cologne on Sunday.", record=real_record,
                          content_type="text", article_date="1999-06-19").claims
    assert ahead.time["start"] == "1999-06-20" and ahead.verdict == "supported"


def test_places_of_other_meetings_and_of_statements_are_not_the_venue(real_record: Record) -> None:
    """'following talks in Moscow, Washington and Bratislava' names other meetings; 'said in
    California' where a statement was made; 'before the G8 meeting set for July in Okinawa' a
    reference event. None of them is where the meeting claimed took place."""
    res = check_text("Their Friday meeting in Busan was the fifth between Bush and Putin that year, following talks "
                     "in Moscow; Washington; Bratislava, Slovakia, and Gleneagles.", record=real_record,
                     content_type="text", article_date="2005-11-18")
    assert res.claims and all(c.verdict != "contradicted" for c in res.claims), [(c.quote, c.correction) for c in res.claims]
    res = check_text("Clinton and Putin agreed to hold their first summit before the G8 meeting set for July in Okinawa, "
                     "a White House spokesman said in California.", record=real_record, content_type="text",
                     article_date="2000-04-16")
    assert all(c.verdict != "contradicted" for c in res.claims), [(c.quote, c.correction) for c in res.claims]
    control = _one("Bush and Putin met in Moscow in November 2005.", real_record)
    assert control.verdict == "contradicted"  # a venue stated plainly is still checked


def test_a_lone_leader_travelling_at_home_makes_no_claim(real_record: Record) -> None:
    """'Johnson then flew to Los Angeles ... and to his ranch in Texas' (between the Glassboro
    days) is no visit to the other side: no claim, so no false correction."""
    res = check_text("On June 23, 1967 Johnson met Kosygin at Glassboro. Johnson then flew to Los Angeles to deliver a "
                     "speech, following which he flew to his ranch in Texas.", record=real_record, content_type="text")
    assert [c.verdict for c in res.claims] == ["supported"]
    abroad = check_text("Khrushchev visited the United States in September 1959.", record=real_record,
                        content_type="text").claims
    assert [c.verdict for c in abroad] == ["supported"]


@pytest.mark.parametrize("text", [
    "In March 1990, President George Bush, left, met with Soviet General Secretary Mikhail Gorbachev in Helsinki.",
    "President Jimmy Carter (L) met with Soviet General Secretary Leonid Brezhnev in Geneva in June 1979.",
    "President Johnson met with his Soviet counterpart, Aleksi Kosygin, at a summit meeting in Camp David.",
])
def test_caption_positions_and_titles_do_not_split_a_pair(real_record: Record, text: str) -> None:
    """A photo caption's ", left," or "(L)" and the second leader's title are not what stands
    between two leaders; without them both sentences are short pair claims to check."""
    c = _one(text, real_record)
    assert len(c.participants) == 2
    assert c.verdict == "contradicted"  # Helsinki was September 1990; Vienna 1979; Glassboro 1967


def test_after_the_close_of_a_summit_in_a_city_puts_the_leaders_there(real_record: Record) -> None:
    c = _one("Clinton and Yeltsin met with their advisers after the close of the G-8 summit in Birmingham.", real_record)
    assert c.verdict == "supported"  # Birmingham G8, May 1998
    wrong = _one("Clinton and Yeltsin met with their advisers after the close of the G-8 summit in Genoa.", real_record)
    assert wrong.verdict == "not_in_record" and "Genoa" in str(wrong.place)  # read as the venue, and none there


def test_the_two_leaders_after_a_sentence_with_an_ambiguous_name(real_record: Record) -> None:
    """'President Bush and ... Putin ...' names one pair only: the Bush in office with Putin.
    'The two leaders' in the next sentence are those two."""
    text = "President Bush and Russian President Vladimir Putin disagree on Iran. The two leaders met in {}."
    assert _one(text.format("Bratislava"), real_record).verdict == "supported"  # Bush-Putin, February 2005
    assert _one(text.format("Malta"), real_record).verdict != "supported"  # Malta 1989 was the elder Bush's
    gorbachev = _one("President Bush and Gorbachev disagree on trade. The two leaders met in Malta.", real_record)
    assert gorbachev.verdict == "supported"


def test_a_private_meeting_can_be_one_session_of_a_summit(real_record: Record) -> None:
    """'A private meeting between Johnson and Kosygin' on 23 June 1967 was one of the Glassboro
    sessions, whose delegations met too: it fits that summit. Where the record has a meeting
    without officials, that one is still the evidence."""
    glassboro = _one("On June 23, 1967 there was a private meeting between Johnson and Kosygin.", real_record)
    assert glassboro.verdict == "supported" and glassboro.evidence == ["1967-06-glassboro"]
    hamburg = _one("Trump and Putin had a conversation without officials at the G20 in Hamburg in July 2017.", real_record)
    assert hamburg.verdict == "supported"
    by_id = {m.id: m for m in real_record.meetings}
    assert [by_id[i].officials_present for i in hamburg.evidence] == [False]


def test_a_conditional_after_the_claim_and_a_comma_is_about_something_else(real_record: Record) -> None:
    """'..., an amount that could make thousands of warheads' says nothing of whether the
    leaders met; 'will meet in Budapest if ...' and 'could meet' still make no claim."""
    res = check_text("Clinton and Putin reached agreement. At their Moscow summit yesterday, the two leaders signed an "
                     "accord to destroy 34 tons of plutonium, an amount that could make thousands of warheads.",
                     record=real_record, content_type="text", article_date="2000-06-05")
    assert [c.verdict for c in res.claims] == ["supported"]
    for text in ("Trump and Putin will meet in Budapest if the talks go well.", "Trump and Putin could meet in Budapest.",
                 "Reagan and Gorbachev never met in Moscow in 1986."):
        assert check_text(text, record=real_record, content_type="text").claims == [], text


def test_a_misspelled_surname_after_a_title_is_the_leader(real_record: Record) -> None:
    """'Premier Krushev' (a local paper's spelling) is Khrushchev: a capitalised word after a
    title, close to one surname of the record. A wrong detail is still caught; a word close to
    no surname, or one with no title before it, stays unread."""
    text = "President Eisenhower and Premier Krushev spent Friday, Sept. 25, 1959, and Saturday at Camp David."
    c = _one(text, real_record)
    assert c.verdict == "supported" and c.evidence == ["1959-09-washington"]  # its Camp David part
    assert _one("President Eisenhower and Premier Krushev met at Camp David in 1961.", real_record).verdict == "contradicted"
    for other in ("President Kuchma met President Karimov in Tashkent.", "Eisenhower met Krushev at Camp David."):
        assert check_text(other, record=real_record, content_type="text").claims == [], other


@pytest.mark.parametrize("text", [
    "Putin held a brief conversation with his US counterpart Barack Obama at the APEC summit in Lima in 2016.",
    "Putin held a brief conversation with his counterpart Barack Obama at the APEC summit in Lima in 2016.",
])
def test_an_unnamed_nation_counterpart_joins_the_pair(real_record: Record, text: str) -> None:
    """'his US counterpart Barack Obama' (no dots) and 'his counterpart' title the second leader,
    as 'his Soviet counterpart' does."""
    assert _one(text, real_record).verdict == "supported"


def test_a_visits_days_may_include_travel_days(real_record: Record) -> None:
    """'Bush visited Bratislava February 23-24, 2005, for discussions with Putin' dates the visit,
    which began the evening before the 24 February meeting: true. The same days given as the
    summit's, or a visit that misses the meeting, are still wrong."""
    visit = "President George W. Bush visited Bratislava February 23-24, 2005, for discussions with Russian President Vladimir Putin."
    assert _one(visit, real_record).verdict == "supported"
    summit = _one("The summit between Bush and Putin took place in Bratislava on February 23-24, 2005.", real_record)
    assert summit.verdict == "contradicted" and "24 February 2005" in summit.correction
    assert _one("Bush visited Bratislava February 20-21, 2005, for discussions with Putin.", real_record).verdict == "contradicted"


def test_before_the_opening_of_an_event_is_at_it(real_record: Record) -> None:
    """'met before the opening of the APEC forum in Busan' places the meeting at the forum, as
    'after the close of' does; 'before the G8 meeting set for July' is still another event."""
    busan = _one("Bush and Putin met before the opening of the APEC forum in Busan in November 2005.", real_record)
    assert busan.verdict == "supported" and busan.evidence == ["2005-11-busan"]
    okinawa = check_text("Clinton and Putin agreed to hold their first summit before the G8 meeting set for July in "
                         "Okinawa.", record=real_record, content_type="text", article_date="2000-04-16")
    assert all(c.verdict != "contradicted" for c in okinawa.claims)


@pytest.mark.parametrize(("text", "verdict"), [
    ("A U.S.-Soviet summit took place in Helsinki in October 1986.", "contradicted"),
    ("The U.S.-Soviet summit in Reykjavik in October 1986 ended without agreement.", "supported"),
    ("Soviet-American talks in Geneva in November 1985 broke the ice.", "supported"),
])
def test_a_meeting_named_by_its_two_sides_is_their_leaders(real_record: Record, text: str, verdict: str) -> None:
    """'A U.S.-Soviet summit' names no leader, but says the two sides' leaders met: the stated
    time picks who, and a wrong place is caught as for named leaders."""
    c = _one(text, real_record)
    assert c.verdict == verdict
    if verdict == "contradicted":
        assert "Reykjav" in c.correction


def test_two_sides_named_without_a_meeting_word_are_no_claim(real_record: Record) -> None:
    assert check_text("U.S.-Russian relations improved in 1990 in Washington.", record=real_record,
                      content_type="text").claims == []


@pytest.mark.parametrize(("text", "verdict", "evidence"), [
    ("Bush met the Soviet leader in Malta in December 1989.", "supported", ["1989-12-marsaxlokk"]),
    ("Reagan met the Soviet leader for the first time in Geneva in November 1985.", "supported", None),
    ("Bush met the Soviet leader in Helsinki in December 1989.", "contradicted", None),
])
def test_a_leader_named_by_office_is_the_holder_on_the_day(real_record: Record, text: str, verdict: str,
                                                          evidence: list[str] | None) -> None:
    """'the Soviet leader' with no name after it is whoever led on the stated day: Gorbachev in
    1985 and 1989; Helsinki was their meeting of September 1990, not December 1989."""
    c = _one(text, real_record)
    assert c.verdict == verdict
    if evidence:
        assert c.evidence == evidence


def test_an_office_with_no_date_says_nobody(real_record: Record) -> None:
    """Without a stated or article date the office holder is unknown: not in the record, never
    a verdict; a name after the office is the name ('his Soviet counterpart, Aleksi Kosygin')."""
    c = _one("Obama met the Russian president in Washington.", real_record)
    assert c.verdict == "not_in_record" and "names an office" in c.reason
    glassboro = _one("President Johnson met with his Soviet counterpart, Aleksi Kosygin, at a summit meeting in "
                     "Glassboro, New Jersey.", real_record)
    assert glassboro.verdict == "supported"


def test_an_annual_event_before_whose_opening_they_met(real_record: Record) -> None:
    """'before the opening of the annual APEC forum': the event is where they met, with its
    adjective; on the article's date, the annual forum is that year's."""
    res = check_text("Bush and Putin were to meet in a hotel suite before the opening of the annual Asia Pacific "
                     "Economic Cooperation forum.", record=real_record, content_type="text", article_date="2005-11-18")
    (c,) = res.claims
    assert c.verdict == "supported" and "2005-11-busan" in c.evidence


@pytest.mark.parametrize(("text", "article_date", "meeting"), [
    # a weekly dated the Monday after next: its "Saturday" is the one nine days before
    ("Clinton and Yeltsin took their seats for Saturday's opening session in Vancouver.", "1993-04-12",
     "1993-04-vancouver"),
    # a present-tense sentence about a summit two days ahead, beside a past form
    ("The Clinton-Yeltsin summit on Tuesday is the latest of meetings that were once about arms.", "1998-08-30",
     "1998-09-moscow"),
])
def test_a_bare_weekday_may_be_a_week_from_its_first_reading(real_record: Record, text: str, article_date: str,
                                                               meeting: str) -> None:
    (c,) = check_text(text, record=real_record, content_type="text", article_date=article_date).claims
    assert c.verdict == "supported" and meeting in c.evidence
    assert "reading" in c.reason


def test_a_weekday_with_no_meeting_near_it_is_not_judged(real_record: Record) -> None:
    """No meeting of the pair on that weekday in the three weeks around the article: the
    weekday alone contradicts nothing."""
    (c,) = check_text("Clinton and Yeltsin met on Saturday in Vancouver.", record=real_record, content_type="text",
                      article_date="1993-05-20").claims
    assert c.verdict == "not_in_record"


def test_greeting_a_leader_is_meeting_him(real_record: Record) -> None:
    for text in ("Putin is greeting Bush at Moscow's Vnukovo airport.", "Putin greeted Bush at Moscow's Vnukovo airport."):
        (c,) = check_text(text, record=real_record, content_type="text", article_date="2006-11-15").claims
        assert c.verdict == "supported" and c.evidence


@pytest.mark.parametrize(("text", "verdict"), [
    ("Clinton met the president of Russia in Vancouver in April 1993.", "supported"),
    ("Clinton met the leaders of Japan, Germany and Russia in Geneva in April 1993.", "contradicted"),
])
def test_the_leader_of_russia_in_an_of_phrase(real_record: Record, text: str, verdict: str) -> None:
    """'the president of Russia', 'the leaders of Japan, Germany and Russia': Russia's leader on
    the stated day, as 'the Russian president' is."""
    assert _one(text, real_record).verdict == verdict


def test_the_summit_a_few_sentences_on_is_the_last_claims_meeting(real_record: Record) -> None:
    """'The summit took place on June 23, 1967', two sentences after the meeting was named, with
    a sentence naming one of its leaders between: it dates that meeting. A sentence naming
    another leader in between breaks the chain."""
    text = ("Johnson met Kosygin at a summit meeting in Glassboro, New Jersey. It achieved little. "
            "Kosygin would not discuss missile defence. The summit took place on June 23, {year}.")
    claims = check_text(text.format(year=1967), record=real_record, content_type="text").claims
    assert [c.verdict for c in claims] == ["supported", "supported"]
    assert claims[1].quote.startswith("The summit took place")
    wrong = check_text(text.format(year=1968), record=real_record, content_type="text").claims
    assert wrong[1].verdict != "supported"
    broken = text.replace("Kosygin would not", "De Gaulle would not").format(year=1967)
    assert len(check_text(broken, record=real_record, content_type="text").claims) == 1


def test_a_timeline_line_is_dated_by_its_head(real_record: Record) -> None:
    """'September 1990 -- Bush arranges a one-day meeting in Vienna': the line's date is the
    meeting's, and one leader of the line before is that pair again."""
    text = ("December 1989 -- Bush and Gorbachev meet on a ship off Malta.\n"
            "September 1990 -- Bush hastily arranges a one-day meeting in {place}, to show unity.")
    right = check_text(text.format(place="Helsinki"), record=real_record, content_type="text").claims
    assert [c.verdict for c in right] == ["supported", "supported"]
    assert right[1].evidence == ["1990-09-helsinki"]
    (_, wrong) = check_text(text.format(place="Vienna"), record=real_record, content_type="text").claims
    assert wrong.verdict == "contradicted" and "Helsinki" in wrong.correction


def test_one_leader_after_a_pair_is_no_claim_where_the_two_are_the_subject(real_record: Record) -> None:
    """'the two had last met in Moscow in 2011, when Biden was vice president': Biden named in a
    side clause does not make a meeting of the last claim's pair."""
    text = ("President Joe Biden and Vladimir Putin met in Geneva on 16 June 2021. It was their first summit; "
            "the two had last met in person in Moscow in 2011, when Biden was vice president.")
    claims = check_text(text, record=real_record, content_type="text").claims
    assert all(c.verdict != "contradicted" for c in claims)


def test_a_preference_for_a_venue_is_no_meeting(real_record: Record) -> None:
    text = ("Johnson and Kosygin met at Glassboro in June 1967. Kosygin wanted to meet in New York. "
            "Johnson preferred to meet in Washington.")
    claims = check_text(text, record=real_record, content_type="text").claims
    assert [c.verdict for c in claims] == ["supported"]


@pytest.mark.parametrize(("place", "verdict"), [("London", "supported"), ("Pittsburgh", "contradicted")])
def test_a_clause_opening_on_the_event_is_about_the_last_meeting(real_record: Record, place: str,
                                                                  verdict: str) -> None:
    """'This important event took place backstage during the G-20 summit in London': the
    meeting just claimed, placed."""
    text = (f"On April 1, 2009, Obama and Medvedev met for the first time. This important event took place "
            f"backstage during the G-20 summit in {place}.")
    claims = check_text(text, record=real_record, content_type="text").claims
    assert len(claims) == 2 and claims[1].verdict == verdict


def test_a_caption_handshake_is_a_meeting(real_record: Record) -> None:
    """'Bush (L) shakes hands with ...': a photo caption's meeting, judged or outside the record."""
    (ours,) = check_text("President Bush (L) shakes hands with Russian President Vladimir Putin in Busan, South "
                         "Korea, November 18, 2005.", record=real_record, content_type="text").claims
    assert ours.verdict == "supported" and ours.evidence == ["2005-11-busan"]


@pytest.mark.parametrize(("article_date", "verdict"), [("2004-11-21", "supported"), ("2004-10-21", "not_in_record")])
def test_an_undated_meeting_in_a_dated_report_is_a_recent_one(real_record: Record, article_date: str,
                                                               verdict: str) -> None:
    """'Bush met with the leaders of Japan, China and Russia', nothing else stated: in a report
    dated 21 November 2004, the APEC meeting in Santiago the day before; a month earlier, no
    meeting to confirm, and nothing stated that could be wrong."""
    (c,) = check_text("Bush met with the leaders of Japan, China and Russia, his partners in the talks.",
                      record=real_record, content_type="text", article_date=article_date).claims
    assert c.verdict == verdict
    if verdict == "supported":
        assert c.evidence == ["2004-11-santiago"]
    undated = check_text("Bush met with the leaders of Japan, China and Russia.", record=real_record,
                         content_type="text").claims
    assert undated == []  # with no article date it says nothing checkable


@pytest.mark.parametrize(("month", "verdict"), [("March 1997", "supported"), ("May 1998", "contradicted")])
def test_the_last_formal_summit_after_the_pair_is_named(real_record: Record, month: str, verdict: str) -> None:
    """'Yeltsin and Clinton now meet regularly ... The last formal summit was in March 1997': the
    pair named in the sentence before, the last summit before the article's date."""
    text = ("Russian President Boris Yeltsin and U.S. President Bill Clinton now meet regularly, although many of "
            f"their meetings have not been considered full summits. The last formal summit was in {month}.")
    (c,) = check_text(text, record=real_record, content_type="text", article_date="1998-08-30").claims
    assert c.verdict == verdict and "1997-03-helsinki" in c.evidence


@pytest.mark.parametrize(("text", "verdict"), [
    ("The presidents of Russia and the United States met in Helsinki in July 2018.", "supported"),
    ("The presidents of the United States and Russia met in Vienna in July 2018.", "contradicted"),
    ("The Russian and U.S. leaders met in Helsinki in July 2018.", "supported"),
    ("The American and Soviet leaders met in Geneva in October 1986.", "contradicted"),
])
def test_both_sides_named_by_office(real_record: Record, text: str, verdict: str) -> None:
    """'The presidents of Russia and the United States', 'the Russian and U.S. leaders': the two
    holders on the stated day, as if named."""
    assert _one(text, real_record).verdict == verdict


def test_after_their_own_meeting_its_place_is_the_claims(real_record: Record) -> None:
    """'after his meeting with Putin in Helsinki' names the pair's meeting and its place; 'before
    the G8 meeting set for July in Okinawa' is still another event."""
    (c,) = check_text("Trump, speaking after his meeting with Putin in Helsinki in July 2018, praised the talks.",
                      record=real_record, content_type="text").claims
    assert c.verdict == "supported" and c.place and c.evidence == ["2018-07-helsinki"]
    (c,) = check_text("Trump, speaking after his meeting with Putin in Vienna in July 2018, praised the talks.",
                      record=real_record, content_type="text").claims
    assert c.verdict == "contradicted"


def test_an_infobox_places_the_meeting_in_its_series(real_record: Record) -> None:
    """'Follows ... Precedes ...' lines of an encyclopedic page: the meetings next to the page's
    one (the first its claims establish) in the series of U.S.-Soviet meetings, pull-asides
    left out and the collapsed Paris summit of 1960 counted."""
    page = ("Vienna summit\nDate June 4, 1961\nCities Vienna\nFollows Four Power Paris Summit\n"
            "Precedes {next}\n\nThe Vienna summit was a meeting held on June 4, 1961, in Vienna, Austria, between "
            "President John F. Kennedy and Premier Nikita Khrushchev.\n")
    claims = check_text(page.format(next="Glassboro Summit Conference"), record=real_record,
                        content_type="text").claims
    series = [c for c in claims if c.setting.get("sequence")]
    assert [(c.quote, c.verdict) for c in series] == [("Follows Four Power Paris Summit", "supported"),
                                                       ("Precedes Glassboro Summit Conference", "supported")]
    wrong = check_text(page.format(next="Geneva Summit (1985)"), record=real_record, content_type="text").claims
    (bad,) = [c for c in wrong if c.setting.get("sequence") and c.verdict == "contradicted"]
    assert "Glassboro" in bad.correction and bad.evidence == ["1967-06-glassboro"]
