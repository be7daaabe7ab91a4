"""Judgement: intervals, dates, places and stances, one rule per case."""
import math
from dataclasses import replace

import pytest

from claims.judge import compare_figures, judge_candidate, judge_values
from claims.model import Candidate, Claim, Event, Figure, Slot, Speaker

MIN = 60


def duration(minutes, hedge="exact", low=None, high=None, unit="minute"):
    v = minutes * MIN
    if low is None:
        low, high = {"exact": (v * 0.98, v * 1.02), "about": (v * 0.9, v * 1.1), "nearly": (v * 0.9, v),
                     "more_than": (v, math.inf), "at_least": (v, math.inf), "less_than": (0, v),
                     "at_most": (0, v)}[hedge]
    return Figure("duration", v, low, high, hedge, unit, f"{minutes} min", 0, 1)


def date(value, low=None, high=None, precision="day", weekday=None):
    return Figure("date", value, low or value, high or value, "exact", "", str(value), 0, 1,
                  precision=precision, weekday=weekday)


def place(pid):
    return Figure("place", pid, pid, pid, "exact", "city", pid, 0, 1)


NUMBERS = [
    ("about-hour-vs-90", duration(60, "about"), duration(90), "conflict", "54..66 min cannot be 90 min"),
    ("more-than-90-vs-about-150", duration(90, "more_than"), duration(150, "about"), "agree", "more than opens upwards"),
    ("90-vs-hour-and-a-half", duration(90), duration(90), "agree", "same value in other words"),
    ("about-2h-vs-about-2.5h", duration(120, "about"), duration(150, "about"), "conflict", "108..132 and 135..165"),
    ("about-60-vs-64", duration(60, "about"), duration(64), "tension", "only the hedge makes them meet"),
    ("nearly-60-vs-59", duration(60, "nearly"), duration(59), "agree", "nearly reaches up to the figure"),
    ("nearly-60-vs-64", duration(60, "nearly"), duration(64), "conflict", "nearly stays below"),
    ("at-most-60-vs-90", duration(60, "at_most"), duration(90), "conflict", "an upper bound below the other"),
    ("30-days-vs-month", Figure("duration", 30 * 86400, 30 * 86400 * .98, 30 * 86400 * 1.02, "exact", "day", "30 days", 0, 1),
     Figure("duration", 30 * 86400, 28 * 86400, 31 * 86400, "exact", "month", "a month", 0, 1), "agree", "a month is 28..31 days"),
]


@pytest.mark.parametrize("a,b,expected", [pytest.param(a, b, e, id=i) for i, a, b, e, _ in NUMBERS])
def test_numbers(a, b, expected, knowledge):
    assert compare_figures(a, b, knowledge) == expected
    assert compare_figures(b, a, knowledge) == expected


DATES = [
    ("same-day", date("2025-03-18"), date("2025-03-18"), "agree"),
    ("day-in-month", date("2022-02-24"), date("2022-02", "2022-02-01", "2022-02-28", "month"), "agree"),
    ("different-days", date("2025-03-18"), date("2025-03-19"), "conflict"),
    ("weekday-matches", date(None, precision="weekday", weekday="tuesday"), date("2025-03-18"), "agree"),
    ("weekday-mismatch", date(None, precision="weekday", weekday="monday"), date("2025-03-18"), "conflict"),
    ("relative-slack", date("2025-03-19", precision="relative"), date("2025-03-18"), "agree"),
]


@pytest.mark.parametrize("a,b,expected", [pytest.param(a, b, e, id=i) for i, a, b, e in DATES])
def test_dates(a, b, expected, knowledge):
    assert compare_figures(a, b, knowledge) == expected
    assert compare_figures(b, a, knowledge) == expected


def claim(cid, source, fig, stance="asserted", speaker=None):
    return Claim(cid, source, "en", "t", "t", 0, 1, speaker, stance, (fig,))


def test_possible_against_assertion_is_tension(knowledge):
    a = claim("a#1", "a", Figure("count", 2, 1.96, 2.04, "exact", "", "two", 0, 1))
    b = claim("b#1", "b", Figure("count", 3, 2.94, 3.06, "exact", "", "three", 0, 1), stance="possible")
    assert judge_values([(a, a.figures[0]), (b, b.figures[0])], knowledge).verdict == "tension"


def test_same_voice_never_contradicts_itself(knowledge):
    a = claim("a#1", "a", duration(60))
    b = claim("a#2", "a", duration(90))
    assert judge_values([(a, a.figures[0]), (b, b.figures[0])], knowledge).verdict == "agreement"


def test_two_speakers_in_one_source_contradict_each_other(knowledge):
    """The ministry's 60 and the governor's 90 in one article: a contradiction between speakers."""
    a = claim("a#1", "a", duration(60), speaker=Speaker("x", "X", "X"))
    b = claim("a#2", "a", duration(90), speaker=Speaker("y", "Y", "Y"))
    assert judge_values([(a, a.figures[0]), (b, b.figures[0])], knowledge).verdict == "contradiction"


def test_one_article_against_another_is_compared_claim_by_claim(knowledge):
    """An article giving 60 and 90 (two speakers) against a third saying 90: the 60 contradicts both."""
    a = claim("a#1", "a", duration(60), speaker=Speaker("x", "X", "X"))
    b = claim("a#2", "a", duration(90))
    c = claim("c#1", "c", duration(90))
    verdict = judge_values([(x, x.figures[0]) for x in (a, b, c)], knowledge)
    assert verdict.verdict == "contradiction"
    assert {(p, q) for p, q, _ in verdict.conflicts} == {("a#1", "a#2"), ("a#1", "c#1")}


def toll(cid, source, value, published=None, revision=None, hedge="exact"):
    low, high = (value * 0.98, value * 1.02) if hedge == "exact" else (value, math.inf)
    fig = Figure("count", value, low, high, hedge, "", f"{value} killed", 0, 1, counted="killed")
    return replace(claim(cid, source, fig), published=published, revision=revision)


KILLED = Slot("violent-incident", "count:killed")


def test_a_later_higher_toll_is_an_update_not_a_contradiction(knowledge):
    early, late = toll("a#1", "a", 9, "2026-05-03"), toll("b#1", "b", 26, "2026-05-04")
    verdict = judge_values([(c, c.figures[0]) for c in (early, late)], knowledge, KILLED)
    assert verdict.verdict == "update"
    assert "9 killed (a, 2026-05-03) then 26 killed (b, 2026-05-04)" in verdict.reason


def test_a_later_lower_toll_contradicts_unless_it_corrects(knowledge):
    early, late = toll("a#1", "a", 15, "2026-05-03"), toll("b#1", "b", 13, "2026-05-10")
    assert judge_values([(c, c.figures[0]) for c in (early, late)], knowledge, KILLED).verdict == "contradiction"
    corrected = replace(late, revision="correction")
    assert judge_values([(c, c.figures[0]) for c in (early, corrected)], knowledge, KILLED).verdict == "update"


def test_two_tolls_of_one_day_contradict(knowledge):
    a, b = toll("a#1", "a", 15, "2026-05-03"), toll("b#1", "b", 20, "2026-05-03")
    assert judge_values([(c, c.figures[0]) for c in (a, b)], knowledge, KILLED).verdict == "contradiction"


def test_a_toll_told_as_a_rise_updates_the_articles_own_lower_one(knowledge):
    """"30 dead at first ... the toll rose to 40" in one article, undated: an update."""
    a, b = toll("a#1", "a", 30), replace(toll("a#2", "a", 40, revision="rise"))
    b = replace(b, speaker=None)
    assert judge_values([(c, c.figures[0]) for c in (a, b)], knowledge, KILLED).verdict == "update"


def test_a_rise_against_another_undated_source_is_a_tension(knowledge):
    """"rose to 40" against another outlet's 30, neither dated: a later count or a rival one."""
    a, b = toll("a#1", "a", 30), toll("b#1", "b", 40, revision="rise")
    assert judge_values([(c, c.figures[0]) for c in (a, b)], knowledge, KILLED).verdict == "tension"
    plain = replace(b, revision=None)
    assert judge_values([(c, c.figures[0]) for c in (a, plain)], knowledge, KILLED).verdict == "contradiction"


def test_a_duration_is_never_an_update(knowledge):
    a = replace(claim("a#1", "a", duration(60)), published="2026-05-03")
    b = replace(claim("b#1", "b", duration(150)), published="2026-05-04")
    assert judge_values([(c, c.figures[0]) for c in (a, b)], knowledge, Slot("call", "duration")).verdict \
        == "contradiction"


def test_each_value_others_cannot_hold_with_is_one_contradiction(knowledge):
    """15 against 20 and an update from 21 to 30 a week later: the update never shares a contradiction."""
    a, b = toll("a#1", "a", 15, "2026-05-03"), toll("b#1", "b", 20, "2026-05-03")
    c = toll("c#1", "c", 30, "2026-05-10")
    cand = Candidate(slot=KILLED, event=Event("attack"), claims=(a, b, c),
                     members=tuple((x, x.figures[0]) for x in (a, b, c)))
    findings = judge_candidate(cand, knowledge)
    verdicts = sorted((f.verdict, f.claims) for f in findings)
    assert ("contradiction", ("a#1", "b#1")) in verdicts
    assert ("update", ("a#1", "b#1", "c#1")) in verdicts
    assert all(f.verdict in ("contradiction", "update") for f in findings)


def test_reason_names_values_and_sources(knowledge):
    a = claim("001#1", "001_x", duration(150, "about", unit="hour"))
    b = claim("002#1", "002_y", duration(90))
    c = claim("003#1", "003_z", duration(90, "more_than"))
    v = judge_values([(x, x.figures[0]) for x in (a, b, c)], knowledge)
    assert v.verdict == "contradiction"
    assert v.reason == "about 2.5 h (001) and 90 min (002) cannot both hold"


def test_an_article_telling_a_tolls_story_updates_itself_and_pulls_against_others(knowledge):
    """"5 dead at first, then 296, then 820": the article's values follow one another; against
    another outlet's 632 they are a tension at most, never a contradiction."""
    story = [toll(f"a#{n}", "a", v) for n, v in enumerate((5, 296, 820), 1)]
    story = [replace(c, speaker=Speaker(f"s{n}", f"S{n}", f"S{n}")) for n, c in enumerate(story)]
    other = toll("b#1", "b", 632)
    verdicts = {f.verdict for f in judge_candidate(
        Candidate(slot=KILLED, event=Event("earthquake"), claims=(*story, other),
                  members=tuple((c, c.figures[0]) for c in (*story, other))), knowledge)}
    assert verdicts == {"update", "tension"}


MISSING = Slot("flood", "count:missing")


def test_the_missing_may_fall_or_rise_over_days(knowledge):
    """7 missing on Saturday, 4 on Sunday as bodies are found, 5 on Monday: each a later count, no conflict."""
    sat, sun, mon = toll("a#1", "a", 7, "2026-03-07"), toll("b#1", "b", 4, "2026-03-08"), toll("c#1", "c", 5, "2026-03-09")
    for pair in ((sat, sun), (sun, mon)):
        assert judge_values([(c, c.figures[0]) for c in pair], knowledge, MISSING).verdict == "update"
    same_day = toll("d#1", "d", 4, "2026-03-07")
    assert judge_values([(c, c.figures[0]) for c in (sat, same_day)], knowledge, MISSING).verdict == "contradiction"


def test_a_later_fall_of_the_dead_still_contradicts(knowledge):
    sat, sun = toll("a#1", "a", 7, "2026-03-07"), toll("b#1", "b", 4, "2026-03-08")
    assert judge_values([(c, c.figures[0]) for c in (sat, sun)], knowledge, KILLED).verdict == "contradiction"


def test_a_day_hours_apart_orders_two_tolls(knowledge):
    """09:40 then 21:10 of one day: a later, higher count; 10:00 and 11:00 are two counts of one time."""
    morning = replace(toll("a#1", "a", 12, "2026-04-16"), published_time="09:40")
    evening = replace(toll("b#1", "b", 31, "2026-04-16"), published_time="21:10")
    assert judge_values([(c, c.figures[0]) for c in (morning, evening)], knowledge, KILLED).verdict == "update"
    soon = replace(evening, published_time="11:00")
    assert judge_values([(c, c.figures[0]) for c in (morning, soon)], knowledge, KILLED).verdict == "contradiction"


def test_two_days_for_a_summit_told_as_hours_long_cannot_both_hold(knowledge):
    """A summit may last days, so two days named for it are a tension; one that lasted two hours was one day."""
    from claims.judge import judge_alignments
    summit = Event("summit", id="e1")
    days = [replace(claim(cid, src, date(day)), event=summit)
            for cid, src, day in (("a#1", "a", "2026-10-22"), ("b#1", "b", "2026-10-21"))]
    date_slot = Slot("meeting", "date")
    dated = Candidate(slot=date_slot, event=summit, claims=tuple(days), members=tuple((c, c.figures[0]) for c in days))
    assert [a.verdict for a in judge_alignments([dated], knowledge)] == ["tension"]
    length = claim("a#2", "a", duration(120, "about"))
    timed = Candidate(slot=Slot("meeting", "duration"), event=summit, claims=(length,), members=((length, length.figures[0]),))
    verdicts = {str(a.slot): a.verdict for a in judge_alignments([dated, timed], knowledge)}
    assert verdicts["meeting/date"] == "contradiction"


def test_a_value_the_article_calls_earlier_makes_no_timeline_of_it(knowledge):
    """"Earlier in the day the ministry had put the toll at 16": the ministry's 22 and the governor's 27
    are still two counts for one time, not three steps of one story."""
    earlier = toll("b#1", "b", 16, "2026-05-10", revision="earlier")
    ministry = replace(toll("b#2", "b", 22, "2026-05-10"), speaker=Speaker("ministry", "Ministry", "the ministry"))
    governor = replace(toll("b#3", "b", 27, "2026-05-10"), speaker=Speaker("governor", "Governor", "the governor"))
    verdict = judge_values([(c, c.figures[0]) for c in (earlier, ministry, governor)], knowledge, KILLED)
    assert ("b#2", "b#3", "contradiction") in verdict.conflicts


def test_a_rising_count_against_a_higher_one_no_page_dates_is_a_tension(knowledge):
    """"rose to 115" (told first on 23 March) against an undated page's 137: it may have come after."""
    rising = toll("a#1", "a", 115, "2024-03-23", revision="rise")
    undated = toll("b#1", "b", 137)
    assert judge_values([(c, c.figures[0]) for c in (rising, undated)], knowledge, KILLED).verdict == "tension"
    plain = toll("a#1", "a", 115, "2024-03-23")
    assert judge_values([(c, c.figures[0]) for c in (plain, undated)], knowledge, KILLED).verdict == "contradiction"


def test_rival_counts_of_one_article_stay_rivals_on_another_page(knowledge):
    """The ministry's 22 and the governor's 27 "at the same hour" in one article: another page's "rose to
    27" the same day is the governor's count against the ministry's, not a later one."""
    ministry = replace(toll("a#1", "a", 22, "2026-05-10"), speaker=Speaker("ministry", "Ministry", "the ministry"))
    governor = replace(toll("a#2", "a", 27, "2026-05-10"), speaker=Speaker("governor", "Governor", "the governor"))
    rose = toll("b#1", "b", 27, revision="rise")
    members = [(c, c.figures[0]) for c in (ministry, governor, rose)]
    verdict = judge_values(members, knowledge, KILLED)
    assert ("a#1", "b#1", "contradiction") in verdict.conflicts
    alone = judge_values([(c, c.figures[0]) for c in (ministry, rose)], knowledge, KILLED)
    assert alone.verdict == "update"  # without the rival in the article, "rose to 27" follows the 22
    later = replace(rose, published="2026-05-11")
    apart = judge_values([(c, c.figures[0]) for c in (ministry, governor, later)], knowledge, KILLED)
    assert ("a#1", "b#1", "update") in apart.conflicts  # the next day's 27 may be the ministry's own later count


def clock(value, zone):
    return Figure("time", value, value, value, "exact", "clock", value, 0, 5, precision="minute", zone=zone)


TIME = Slot("ceasefire", "time")


def timed(cid, source, value, zone, participants=("sudan",), published="2026-10-16"):
    c = claim(cid, source, clock(value, zone))
    return replace(c, published=published, event=Event("ceasefire", participants))


def test_clocks_of_two_zones_are_compared_in_utc(knowledge):
    """06:00 Moscow time (03:00 UTC) is not 06:00 local time in Sudan (04:00 UTC); 07:00 Moscow time is."""
    local, moscow = timed("a#1", "a", "06:00", "local"), timed("b#1", "b", "06:00", "moscow")
    verdict = judge_values([(c, c.figures[0]) for c in (local, moscow)], knowledge, TIME)
    assert verdict.verdict == "contradiction"
    same = timed("b#1", "b", "07:00", "moscow")
    assert judge_values([(c, c.figures[0]) for c in (local, same)], knowledge, TIME).verdict == "agreement"


def test_local_time_of_a_country_of_many_zones_is_left_alone(knowledge):
    """Local time in Russia could be any of its eleven clocks: no comparison with Moscow time."""
    local = timed("a#1", "a", "06:00", "local", participants=("russia",))
    moscow = timed("b#1", "b", "09:00", "moscow", participants=("russia",))
    assert judge_values([(c, c.figures[0]) for c in (local, moscow)], knowledge, TIME).verdict == "agreement"


def test_summer_time_counts_on_the_events_day(knowledge):
    """14:00 London time is 13:00 UTC in July and 14:00 UTC in January."""
    summer = [timed("a#1", "a", "14:00", "london", ("united-kingdom",), "2026-07-10"),
              timed("b#1", "b", "13:00", "utc", ("united-kingdom",), "2026-07-10")]
    assert judge_values([(c, c.figures[0]) for c in summer], knowledge, TIME).verdict == "agreement"
    winter = [replace(c, published="2026-01-10") for c in summer]
    assert judge_values([(c, c.figures[0]) for c in winter], knowledge, TIME).verdict == "contradiction"


def test_a_range_agrees_with_what_lies_inside_it(knowledge):
    """"between 30 and 35 killed" holds 32 and cannot hold with 40."""
    ranged = replace(toll("a#1", "a", 30, "2026-05-03"), figures=(Figure("count", 30, 30, 35, "range", "",
                                                                             "30 to 35 killed", 0, 1, counted="killed"),))
    inside, outside = toll("b#1", "b", 32, "2026-05-03"), toll("c#1", "c", 40, "2026-05-03")
    assert judge_values([(c, c.figures[0]) for c in (ranged, inside)], knowledge, KILLED).verdict == "agreement"
    verdict = judge_values([(c, c.figures[0]) for c in (ranged, outside)], knowledge, KILLED)
    assert verdict.verdict == "contradiction" and "30-35 killed" in verdict.reason
