"""Verdicts: do the figures that an alignment lines up agree, conflict, or only pull against each other?

Numbers are intervals (a hedge widens one, "more than" opens it); dates are intervals of days
(a month holds its days, a weekday matches the dates that fall on it; a relative word read
against a publication date allows a day's slack, as articles are dated after they are written);
places agree when one contains the other; a report and its denial cannot both hold.
Two values whose intervals cannot overlap contradict, unless one is only said to be possible:
then they are in tension, as are two hedged values that agree only thanks to their hedges.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Optional

from .entities import country_anchor, place_contains, territory_code
from .humanize import describe_figure
from .normalize import fold
from .patterns import phrase_regex
from .lexicon import Knowledge, section
from .model import Alignment, Candidate, Claim, Figure, Slot

VERDICT_ORDER = {"contradiction": 0, "update": 1, "tension": 2, "agreement": 3}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TOLL_QUANTITIES = {"killed", "injured", "missing", "displaced", "arrested", "dead", "wounded"}  # tolls that change
COMPARABLE_STANCES = {"asserted", "reported", "possible"}
RELATIVE_SLACK_DAYS = 1
SOFT_HEDGES = {"about", "nearly"}
DAY_SECONDS = 86400
MAX_PAIRS = 20  # example claim pairs kept per pair of conflicting values
FALLING_COUNTS = {"count:missing"}  # counts that move both ways over time: the missing are found, alive or dead
LATE = "24:00"  # the hour of a report whose page gives none: it counts as late in its day
MAX_MEMBERS = 200  # claims of one value looked at for those examples


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str
    conflicts: tuple = ()  # (claim id, claim id, level): pairs whose values cannot both hold, or that update


@dataclass(frozen=True)
class Finding:
    """One verdict on some of a candidate's claims: the claims it holds, and why."""

    verdict: str
    reason: str
    claims: tuple  # claim ids
    conflicts: tuple = ()  # (claim id, claim id) pairs at this verdict's level


def judge_values(members: list[tuple[Claim, Figure]], knowledge: Knowledge, slot: Optional[Slot] = None) -> Verdict:
    """The verdict on the figures of one slot of one event, claim by claim.

    Figures are compared once per pair of distinct values, not per pair of claims, and each pair of
    values that conflicts keeps at most MAX_PAIRS example claim pairs: a corpus where thousands of
    sources repeat two numbers costs no more than one where two sources do.
    """
    conflicts = _conflicting_pairs(members, knowledge, slot)
    worst = min((level for _, _, level in conflicts), key=VERDICT_ORDER.get, default="agreement")
    return Verdict(worst, _reason(worst, members, conflicts), tuple(conflicts))


def _conflicting_pairs(members: list, knowledge: Knowledge, slot: Optional[Slot], hours: Optional[set] = None,
                       within_a_day: bool = False, clocks: Optional[dict] = None) -> list:
    lasting = slot is not None and slot.quantity == "date" and not within_a_day and _lasting(slot, members, knowledge)
    toll = slot is not None and slot.kind == "count" and slot.quantity.split(":", 1)[-1] in TOLL_QUANTITIES

    night = _harmful(slot, members, knowledge) and slot.quantity == "date" and \
        (_by_night(hours, knowledge) or _told_at_night(members, knowledge))
    revised = _revisions(members)
    revised.update(_value_days(members))
    said = _said_by_voice(members)
    timelines = _timelines(members, int(knowledge.setting("timeline_values", 3))) if toll else set()
    rivals = _rival_counts(members) if toll else set()
    gap = float(knowledge.setting("update_gap_hours", 3))
    falls = slot is not None and slot.quantity in FALLING_COUNTS
    by_value: dict = {}
    for claim, fig in members:
        by_value.setdefault(_signature(fig), []).append((claim, fig))
    if clocks is None:
        clocks = utc_clocks(members, knowledge) if slot is not None and slot.quantity == "time" else {}
    conflicts = []
    for value_a, value_b in combinations(by_value, 2):
        group_a, group_b = by_value[value_a], by_value[value_b]
        relation = compare_figures(clocks.get(value_a, group_a[0][1]), clocks.get(value_b, group_b[0][1]), knowledge)
        if relation == "agree":
            if toll:  # "at least 12" in the morning, 23 by the afternoon: the toll rose, though both hold
                conflicts.extend((ca.id, cb.id, "update") for ca, cb in _bound_updates(group_a, group_b, revised, gap))
            continue
        if night and _days_apart(group_a[0][1], group_b[0][1]) <= knowledge.setting("night_slack_days", 1):
            relation = "tension"  # "Friday night" and "Saturday": a harmful event told from either side of midnight
        for level, ca, cb in _pairs(group_a, group_b, relation, lasting, toll, revised, said, timelines, gap, falls,
                                    frozenset((value_a, value_b)) in rivals):
            conflicts.append((ca.id, cb.id, level))
    return conflicts


def _within_a_day(candidates: list[Candidate]) -> set:
    """Events every told length of which is under a day ("the summit lasted about two hours"): however
    long such events can be, this one happened on one day, so two days named for it cannot both hold."""
    lengths: dict = {}
    for cand in candidates:
        if cand.slot is not None and cand.slot.quantity == "duration" and cand.event is not None:
            for _, fig in cand.members:
                if isinstance(fig.high, (int, float)):
                    lengths.setdefault(cand.event.id, []).append(fig.high < DAY_SECONDS)
    return {event for event, short in lengths.items() if all(short)}


def _event_hours(candidates: list[Candidate]) -> dict:
    """event id -> the hours of day (0-23) its sources give for it: whether it happened by night."""
    hours: dict = {}
    for cand in candidates:
        if cand.slot is not None and cand.slot.quantity == "time" and cand.event is not None:
            for _, fig in cand.members:
                if isinstance(fig.value, str) and fig.value[:2].isdigit():
                    hours.setdefault(cand.event.id, set()).add(int(fig.value[:2]))
    return hours


def _event_places(candidates: list[Candidate], knowledge: Knowledge) -> dict:
    """event id -> (source, place) for every place its sources give as where it happened (its place
    figures) and every place its claims name as a party, in claim order."""
    places: dict = {}
    for cand in candidates:
        if cand.event is None:
            continue
        found = places.setdefault(cand.event.id, [])
        for claim, fig in cand.members:
            if fig.kind == "place" and fig.value in knowledge.places:
                found.append((claim.source, fig.value, True))
            found.extend((claim.source, p, False) for p in (claim.event.participants if claim.event else ())
                         if p in knowledge.places)
    return places


def judge_candidate(cand: Candidate, knowledge: Knowledge, labels: Optional[dict] = None,
                    hours: Optional[set] = None, within_a_day: bool = False,
                    places: Optional[list] = None) -> list[Finding]:
    """What a candidate's claims say together: one contradiction per value that others cannot hold
    with, the updates of a changing toll, the tensions, or, when nothing pulls apart, one agreement."""
    if cand.kind == "denial":
        verdict = judge_denial(*cand.claims, labels=labels)
        return [Finding(verdict.verdict, verdict.reason, tuple(c.id for c in cand.claims),
                        tuple((a, b) for a, b, _ in verdict.conflicts))]
    members = list(cand.members)
    clocks = utc_clocks(members, knowledge, places) if cand.slot.quantity == "time" else {}
    conflicts = _conflicting_pairs(members, knowledge, cand.slot, hours, within_a_day, clocks)
    if not conflicts:
        return [Finding("agreement", _reason("agreement", members, [], labels, clocks),
                        tuple(c.id for c in cand.claims))]
    findings = [_finding("contradiction", star, members, cand, labels, clocks) for star in _stars(members, conflicts)]
    for level in ("update", "tension"):
        pairs = [(a, b, lv) for a, b, lv in conflicts if lv == level]
        if pairs:
            findings.append(_finding(level, pairs, members, cand, labels, clocks))
    return findings


def _stars(members: list, conflicts: list) -> list[list]:
    """Contradicting pairs grouped by one value each: the value that conflicts with the most others
    first, with every value it cannot hold with that no earlier group took. An update between two of the values never shares a group."""
    label = {c.id: _signature(f) for c, f in members}
    pairs = [(a, b) for a, b, level in conflicts if level == "contradiction"]
    order, partners = [], {}
    for a, b in pairs:
        for x, y in ((label[a], label[b]), (label[b], label[a])):
            if x not in order:
                order.append(x)
            partners.setdefault(x, set()).add(y)
    first = {x: i for i, x in enumerate(order)}
    order.sort(key=lambda x: (-len(partners[x]), first[x]))  # the value most others cannot hold with leads
    stars, taken = [], set()
    for value in order:
        star = [(a, b, "contradiction") for a, b in pairs
                if (a, b) not in taken and value in (label[a], label[b])]
        if star:
            taken.update((a, b) for a, b, _ in star)
            stars.append(star)
    return stars


def _finding(level: str, pairs: list, members: list, cand: Candidate, labels: Optional[dict] = None,
             clocks: Optional[dict] = None) -> Finding:
    involved = {x for a, b, _ in pairs for x in (a, b)}
    claims = tuple(c.id for c in cand.claims if c.id in involved)
    held = [(c, f) for c, f in members if c.id in involved]
    return Finding(level, _reason(level, held, pairs, labels, clocks), claims,
                   tuple(sorted({(a, b) for a, b, _ in pairs})))


def _by_night(hours: Optional[set], knowledge: Knowledge) -> bool:
    """No source gives the hour, or one gives an hour of the night (19:58, 03:12)."""
    if not hours:
        return True
    first, last = (int(knowledge.setting(k, d)) for k, d in (("day_starts_hour", 6), ("day_ends_hour", 19)))
    return any(h < first or h >= last for h in hours)


def _told_at_night(members: list, knowledge: Knowledge) -> bool:
    """Whether a source tells the event as at night, before dawn or late in the evening: then the dates a
    day apart are its two sides of midnight; a late-morning quake dated Wednesday and Thursday is not."""
    for claim, _ in members:
        pattern = knowledge.cached(("night", claim.language), lambda lang=claim.language: _night_pattern(knowledge, lang))
        if pattern is not None and pattern.search(fold(claim.text)):
            return True
    return False


def _night_pattern(knowledge: Knowledge, language: str):
    words = [fold(w) for w in (section(knowledge.language(language), "dates").get("night") or [])] \
        if language in knowledge.languages else []
    return re.compile(rf"(?<!\w)(?:{phrase_regex(words)})(?!\w)") if words else None


def _lasting(slot: Slot, members: list, knowledge: Knowledge) -> bool:
    """An event that lasts (a truce, a war): two days named for it may be its start and its end."""
    lasting = set(knowledge.common.get("lasting_events", []))
    return slot.event in lasting or any(c.event is not None and c.event.type in lasting for c, _ in members)


def _signature(fig: Figure) -> tuple:
    """What makes two figures the same value for judging."""
    return (fig.kind, str(fig.value), str(fig.low), str(fig.high), fig.hedge, fig.unit, fig.precision,
            fig.weekday, fig.zone)


def _harmful(slot: Optional[Slot], members: list, knowledge: Knowledge) -> bool:
    harmful = set(knowledge.common.get("toll_events", []))
    return slot is not None and (slot.event in harmful or any(c.event is not None and c.event.type in harmful
                                                              for c, _ in members))


def _days_apart(a: Figure, b: Figure) -> float:
    """Days between two dates; between two bare weekdays, how far apart they fall in a week."""
    ra, rb = date_range(a), date_range(b)
    if ra and rb:
        return max(0, (rb[0] - ra[1]).days, (ra[0] - rb[1]).days)
    days = [(r[0].weekday() if r and r[0] == r[1] else WEEKDAYS.index(f.weekday) if f.weekday in WEEKDAYS else None)
            for f, r in ((a, ra), (b, rb))]
    if None in days:
        return math.inf
    apart = abs(days[0] - days[1])
    return min(apart, 7 - apart)


def _value_days(members: list) -> dict:
    """("day", value) -> when any source first reported that value, as (day, hour): an undated page
    giving the same count as a dated one reported it no later than the story's window says, and a
    count repeated the next day was told when first told."""
    out: dict = {}
    for claim, fig in members:
        day = iso_day(claim.published)
        key = ("day", fig.kind, str(fig.value), fig.hedge)
        moment = (day.isoformat(), claim.published_time or LATE) if day else None
        if moment and (key not in out or moment < out[key]):
            out[key] = moment
    return out


def _revisions(members: list) -> dict:
    """(source, value) -> how the source tells that value in time: its headline's "4 killed" is the
    same count as its body's "the final toll is four"."""
    out: dict = {}
    for claim, fig in members:
        if claim.revision is not None:
            out.setdefault((claim.source, fig.kind, str(fig.value), fig.hedge), claim.revision)
            if claim.revision in ("final", "earlier"):  # final, or superseded, whoever repeats it
                out.setdefault(("", fig.kind, str(fig.value), fig.hedge), claim.revision)
    return out


def _timelines(members: list, least: int) -> set:
    """Sources that tell a toll's story: three values or more for it ("5 ... dozens ... 296 ... rose to
    820"). Their values follow one another; set against other sources they are a tension at most."""
    values: dict = {}
    for claim, fig in members:
        if claim.revision != "earlier":  # a value the article itself calls earlier is behind it, not beside it
            values.setdefault(claim.source, set()).add(_signature(fig))
    return {source for source, sigs in values.items() if len(sigs) >= least}


def _rival_counts(members: list) -> set:
    """Pairs of values that one article gives as two voices' counts of one moment (the ministry's 22, the
    governor's 27 "at the same hour"): neither follows the other, so another page's "rose to 27" is the
    governor's count against the ministry's, not a later one."""
    voices: dict = {}  # source -> value -> voices that give it plainly (no revision word)
    for claim, fig in members:
        if claim.revision is None and claim.stance != "possible" and not claim.loose:
            voices.setdefault(claim.source, {}).setdefault(_signature(fig), set()).add(_voice(claim))
    rivals = set()
    for values in voices.values():
        if len(values) == 2:  # three values or more tell a toll's story (a timeline), not two rivals
            (a, va), (b, vb) = values.items()
            if not va & vb:
                rivals.add(frozenset((a, b)))
    return rivals


def _said_by_voice(members: list) -> dict:
    """voice -> the values it gives: a voice that gives both values of a pair disagrees with no one on them."""
    said: dict = {}
    for claim, fig in members:
        said.setdefault(_voice(claim), set()).add(_signature(fig))
    return said


def _pairs(group_a: list, group_b: list, relation: str, lasting: bool, toll: bool,
           revised: Optional[dict] = None, said: Optional[dict] = None, timelines: frozenset = frozenset(),
           gap: float = math.inf, falls: bool = False, rivals: bool = False):
    """Independent claim pairs across two conflicting values, the firmest first, a few of each level;
    and the updates one voice gives of its own count. Two values an article gives as rival counts of one
    moment stay a contradiction on other pages told the same day, whatever their words of rising."""
    found = {"contradiction": 0, "tension": 0, "update": 0}
    for ca, fa in group_a[:MAX_MEMBERS]:
        for cb, fb in group_b[:MAX_MEMBERS]:
            if not _independent(ca, cb):
                # one voice telling its own count rise ("296 at first ... rose to 820") updates itself
                if toll and relation == "conflict" and found["update"] < MAX_PAIRS and \
                        _in_story_time(ca, fa, cb, fb, revised, gap, falls) == "update":
                    found["update"] += 1
                    yield "update", ca, cb
                continue
            both = said is not None and (_signature(fb) in said.get(_voice(ca), ()) or
                                         _signature(fa) in said.get(_voice(cb), ()))
            soft = relation == "tension" or "possible" in (ca.stance, cb.stance) or ca.loose or cb.loose \
                or lasting or both
            level = "tension" if soft else "contradiction"
            if toll and level == "contradiction":
                timed = _in_story_time(ca, fa, cb, fb, revised, gap, falls)
                level = level if rivals and not _apart_in_time(ca, cb, gap) else timed or level
            if level == "contradiction" and (ca.source in timelines or cb.source in timelines):
                level = "update" if ca.source == cb.source else "tension"
            if found[level] < MAX_PAIRS:
                found[level] += 1
                yield level, ca, cb
            if found["contradiction"] >= MAX_PAIRS:
                return


def _bound_updates(group_a: list, group_b: list, revised: dict, gap: float):
    """Pairs where an earlier toll given as a floor ("at least 12") is followed by a higher count."""
    (low_group, high_group) = sorted((group_a, group_b), key=lambda g: _bounds(g[0][1])[0])
    floor, higher = low_group[0][1], high_group[0][1]
    if floor.hedge not in ("at_least", "more_than") or not _bounds(floor)[0] < _bounds(higher)[0]:
        return
    found = 0
    for ca, fa in low_group[:MAX_MEMBERS]:
        for cb, fb in high_group[:MAX_MEMBERS]:
            if found < MAX_PAIRS and _in_story_time(ca, fa, cb, fb, revised, gap) == "update":
                found += 1
                yield ca, cb


def _in_story_time(ca: Claim, fa: Figure, cb: Claim, fb: Figure, revised: Optional[dict], gap: float,
                   falls: bool = False) -> Optional[str]:
    """_in_time for two claims as the story places them: the higher count counts from when any source
    first told it (a rival count repeated the next day was already there when the lower one was told);
    the lower one stands when its own page tells it, since repeating a count says it still holds."""
    rising = _in_story_order(ca, fa, cb, fb, revised, gap, False)
    if not falls or rising == "update":
        return rising
    return _in_story_order(ca, fa, cb, fb, revised, gap, True)  # the missing may also be found: fewer later


def _in_story_order(ca: Claim, fa: Figure, cb: Claim, fb: Figure, revised: Optional[dict], gap: float,
                    falls: bool) -> Optional[str]:
    higher = (_bounds(fb)[0] > _bounds(fa)[0]) != falls  # the count a change leads to
    return _in_time(_revised(ca, fa, revised, earliest=not higher), fa,
                    _revised(cb, fb, revised, earliest=higher), fb, gap, falls)


def _revised(claim: Claim, fig: Figure, revised: Optional[dict], earliest: bool = False) -> Claim:
    """The claim as the story places it in time: its value's revision word and, for an undated page (or
    with `earliest`, for any page), the first moment any source reported that value."""
    revised = revised or {}
    found = revised.get((claim.source, fig.kind, str(fig.value), fig.hedge)) or \
        revised.get(("", fig.kind, str(fig.value), fig.hedge))
    if found and claim.revision is None:
        claim = replace(claim, revision=found)
    if revised.get(("", fig.kind, str(fig.value), fig.hedge)) == "earlier" and claim.revision in (None, "rise"):
        claim = replace(claim, revision="earlier")  # "rose to 19" here, "earlier reports said 19" there
    first = revised.get(("day", fig.kind, str(fig.value), fig.hedge))
    own = (claim.published[:10], claim.published_time or LATE) if claim.published else None
    if first and (own is None or (earliest and first < own)):
        day, hour = first
        return replace(claim, published=day, published_time=None if hour == LATE else hour)
    return claim


def _in_time(ca: Claim, fa: Figure, cb: Claim, fb: Figure, gap_hours: float = math.inf,
             falls: bool = False) -> Optional[str]:
    """How two conflicting tolls of one event stand in time: "update", "tension" or None (a contradiction).

    Published on different days: the later higher count is an update, a later lower one a
    contradiction unless it says it corrects the earlier. Without dates, a rise ("rose to", "ارتفع
    إلى") or a provisional lower count ("so far", "an initial toll") updates the article's own earlier
    count; against another source it may be the same story told later, or a rival count: a tension.
    After "the final toll", a higher count always contradicts it."""
    # "low" is the count a toll starts from: the smaller, or for the missing (found as the search goes on) the larger
    (low, lf), (high, hf) = sorted(((ca, fa), (cb, fb)), key=lambda x: _bounds(x[1])[0], reverse=falls)
    day_low, day_high = iso_day(low.published), iso_day(high.published)
    if low.revision == "final":
        return None
    if day_low and day_high and day_low != day_high:
        return "update" if day_low < day_high or low.revision == "correction" else None
    hours = _hours_apart(low, high)
    if hours is not None and abs(hours) >= gap_hours:  # one day's reports, hours apart: 09:40, then 21:10
        return "update" if hours > 0 or low.revision == "correction" else None
    if high.revision == "rise" and low.revision == "earlier":
        return "update"  # "rose to 23; earlier reports said 19": the story itself orders them
    if high.revision == "rise" or low.revision in ("provisional", "so_far", "earlier"):
        # one dated page is enough: an undated page belongs to the days its story gives it
        return "update" if low.source == high.source or day_low or day_high else "tension"
    if low.revision == "rise" and not day_low:
        return "tension"  # an undated page's "rose to 23": a count on its way, at a time no page gives
    if low.revision in ("rise", "provisional", "so_far") and not day_high and low.source != high.source:
        return "tension"  # a count on its way against a higher one no page dates: it may have come after
    return None


def _apart_in_time(a: Claim, b: Claim, gap_hours: float) -> bool:
    """Pages published on different days, or one day's pages hours apart."""
    day_a, day_b = iso_day(a.published), iso_day(b.published)
    if day_a and day_b and day_a != day_b:
        return True
    hours = _hours_apart(a, b)
    return hours is not None and abs(hours) >= gap_hours


def _hours_apart(first: Claim, then: Claim) -> Optional[float]:
    """Hours from one report of a day to another, when both pages give their hour."""
    if not first.published_time or not then.published_time:
        return None
    (h1, m1), (h2, m2) = (map(int, c.published_time.split(":")) for c in (first, then))
    return (h2 * 60 + m2 - h1 * 60 - m1) / 60


def iso_day(value) -> Optional[_dt.date]:
    return _iso(value) if isinstance(value, str) else None


def _voice(claim: Claim) -> tuple:
    return claim.source, claim.speaker.id if claim.speaker else None


def judge_denial(report: Claim, denial: Claim, labels: Optional[dict] = None) -> Verdict:
    """A report and a denial of it by another speaker cannot both hold."""
    who = _who(report, labels)
    denier = _who(denial, labels)
    return Verdict("contradiction", f"reported by {who}; denied by {denier}",
                   ((report.id, denial.id, "contradiction"),))


def _who(claim: Claim, labels: Optional[dict] = None) -> str:
    return claim.speaker.name if claim.speaker else f"the outlet ({_label(claim.source, labels)})"


def _independent(a: Claim, b: Claim) -> bool:
    """Two claims can disagree when they come from different sources or different speakers."""
    if a.source != b.source:
        return True
    return (a.speaker.id if a.speaker else None) != (b.speaker.id if b.speaker else None)


def compare_figures(a: Figure, b: Figure, knowledge: Knowledge) -> str:
    """agree, tension or conflict, for two figures of the same kind."""
    if a.kind == "place":
        return _compare_places(a, b, knowledge)
    if a.kind == "date":
        return _compare_dates(a, b)
    if a.kind == "time":
        return _compare_times(a, b)
    return _compare_numbers(a, b, knowledge)


def _compare_numbers(a: Figure, b: Figure, knowledge: Knowledge) -> str:
    if not all(isinstance(x, (int, float)) for x in (a.value, b.value)):
        return "agree"
    if _overlap(_bounds(a), _bounds(b)):
        points = {a.hedge, b.hedge} <= SOFT_HEDGES | {"exact"}
        if points and (a.hedge in SOFT_HEDGES or b.hedge in SOFT_HEDGES):
            if not _overlap(_core(a, knowledge), _core(b, knowledge)):
                return "tension"
        return "agree"
    return "conflict"


def _bounds(f: Figure) -> tuple[float, float]:
    low = f.low if isinstance(f.low, (int, float)) else -math.inf
    high = f.high if isinstance(f.high, (int, float)) else math.inf
    return float(low), float(high)


def _core(f: Figure, knowledge: Knowledge) -> tuple[float, float]:
    """The interval of the bare figure, as if it carried no hedge (a range is its two ends)."""
    if f.hedge == "range":
        return _bounds(f)
    width = float(knowledge.common.get("hedge_widths", {}).get("exact", "0.02"))
    v = float(f.value)
    return v - abs(v) * width, v + abs(v) * width


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _compare_places(a: Figure, b: Figure, knowledge: Knowledge) -> str:
    if place_contains(knowledge, a.value, b.value) or place_contains(knowledge, b.value, a.value):
        return "agree"
    return "conflict"


def _compare_dates(a: Figure, b: Figure) -> str:
    ra, rb = date_range(a), date_range(b)
    if ra and rb:
        return "agree" if _overlap(ra, rb) else "conflict"
    wa, wb = _weekday_only(a), _weekday_only(b)
    if wa and wb:
        return "agree" if wa == wb else "conflict"
    if wa and rb:
        return "agree" if _range_has_weekday(rb, wa) else "conflict"
    if wb and ra:
        return "agree" if _range_has_weekday(ra, wb) else "conflict"
    return "agree"


def date_range(f: Figure) -> Optional[tuple[_dt.date, _dt.date]]:
    """The days a date figure allows; None when it names no calendar day (a bare weekday)."""
    low, high = _iso(f.low) or _iso(f.value), _iso(f.high) or _iso(f.value)
    if not low or not high:
        return None
    if f.precision == "relative":
        low -= _dt.timedelta(days=RELATIVE_SLACK_DAYS)
        high += _dt.timedelta(days=RELATIVE_SLACK_DAYS)
    return low, high


def _iso(value) -> Optional[_dt.date]:
    if not isinstance(value, str) or len(value) != 10 or value.startswith("-"):
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def _weekday_only(f: Figure) -> Optional[str]:
    return f.weekday if f.weekday and date_range(f) is None else None


def _range_has_weekday(days: tuple, weekday: str) -> bool:
    if (days[1] - days[0]).days >= 6:
        return True
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    day = days[0]
    while day <= days[1]:
        if names[day.weekday()] == weekday:
            return True
        day += _dt.timedelta(days=1)
    return False


def _compare_times(a: Figure, b: Figure) -> str:
    if a.zone != b.zone or not isinstance(a.value, str) or not isinstance(b.value, str):
        return "agree"  # different clocks: no honest comparison without the day's offset
    ma, mb = _minutes(a), _minutes(b)
    if ma is None or mb is None:
        return "agree"
    slack = 15 if "about" in (a.hedge, b.hedge) else (59 if "hour" in (a.precision, b.precision) else 0)
    return "agree" if abs(ma - mb) <= slack else "conflict"


def utc_clocks(members: list, knowledge: Knowledge, places: Optional[list] = None) -> dict:
    """signature -> the time of day in UTC, for every time whose zone the lexicon knows ("06:00 Moscow
    time" is 03:00 UTC) or that is "local time" where the event happened, in a country of one zone.
    The offset is the one of the day the claim's event (or its page) gives: summer time counts."""
    zones = knowledge.common.get("zones", {})
    out: dict = {}
    for claim, fig in members:
        name = _event_zone(claim, knowledge, places) if fig.zone == "local" else zones.get(fig.zone or "")
        minutes = _minutes(fig) if name and name != "local" else None
        day = iso_day((claim.event.date if claim.event else None) or claim.published)
        offset = _utc_offset(name, day) if minutes is not None else None
        if offset is not None:
            at = (minutes - offset) % (24 * 60)
            out.setdefault(_signature(fig), replace(fig, value=f"{at // 60:02d}:{at % 60:02d}", zone="utc"))
    return out


def _event_zone(claim: Claim, knowledge: Knowledge, places: Optional[list] = None) -> Optional[str]:
    """The clock of the place a claim's "local time" is of: the country of the town its own page most
    often gives as where the event happened (else its parties' places, else those of every page),
    when that country keeps one clock (Sudan, Iran, Turkmenistan; not Russia or the United States)."""
    own = [(place, told) for source, place, told in places or () if source == claim.source]
    rest = [(place, told) for _, place, told in places or ()]
    parties = [(p, False) for p in (claim.event.participants if claim.event else ()) if p in knowledge.places]
    for pool in (own, parties, rest):
        country = _likeliest_country(pool, knowledge)
        if country is not None:
            return knowledge.cached(("zone of", country), lambda: _country_zone(knowledge, country))
    return None


def _likeliest_country(pool: list, knowledge: Knowledge) -> Optional[str]:
    """The country of the town named most often (places told as the event's own first), or of the one
    country named, or None when two tie."""
    for told_only in (True, False):
        towns = [p for p, told in pool if (told or not told_only)
                 and knowledge.places[p].get("kind") not in ("country", "region")]
        if towns:
            counts = {t: towns.count(t) for t in sorted(set(towns))}
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                countries = {country_anchor(t, knowledge) for t, n in ranked if n == ranked[0][1]}
                if len(countries) > 1:
                    return None
            return country_anchor(ranked[0][0], knowledge)
    countries = {country_anchor(p, knowledge) for p, _ in pool}
    countries = {c for c in countries if knowledge.places.get(c, {}).get("kind") == "country"}
    return countries.pop() if len(countries) == 1 else None


def _country_zone(knowledge: Knowledge, country: str) -> Optional[str]:
    """The IANA zone of a country that keeps one clock (CLDR's zones of its territory)."""
    from babel.core import get_global

    code = territory_code(knowledge, country)
    zones = get_global("territory_zones").get(code, []) if code else []
    return zones[0] if len(zones) == 1 else None


def _utc_offset(name: str, day: Optional[_dt.date]) -> Optional[int]:
    """Minutes east of UTC of an IANA zone on a day (the first of January when no day is known and the
    zone keeps one offset all year)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    at = lambda d: _dt.datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset()  # noqa: E731
    if day is None:
        winter, summer = at(_dt.date(2026, 1, 1)), at(_dt.date(2026, 7, 1))
        if winter != summer:
            return None
        offset = winter
    else:
        offset = at(day)
    return int(offset.total_seconds() // 60) if offset is not None else None


def _minutes(f: Figure) -> Optional[int]:
    try:
        h, m = str(f.value).split(":")
        return int(h) * 60 + int(m)
    except ValueError:
        return None


def source_labels(source_ids) -> dict:
    """A short label per source, unique in one report: "001" for "001_991ebc19782e432f", the record
    number for a JSON Lines file ("04-2"), the whole id where short labels would collide."""
    ids = sorted(set(source_ids))
    short = {i: _short(i) for i in ids}
    taken: dict = {}
    for i in ids:
        taken.setdefault(short[i], []).append(i)
    return {i: short[i] if len(taken[short[i]]) == 1 else i for i in ids}


def _label(source_id: str, labels: Optional[dict]) -> str:
    return (labels or {}).get(source_id) or _short(source_id)


def _short(source_id: str) -> str:
    """"001_991ebc19782e432f" -> "001"; a record of a JSON Lines file keeps its number: "04-2"."""
    if "_" not in source_id:
        return source_id
    head = source_id.split("_")[0]
    tail = source_id.rsplit("-", 1)[-1] if "-" in source_id else ""
    return f"{head}-{tail}" if tail.isdigit() else head


def _described(fig: Figure, clocks: Optional[dict] = None) -> str:
    """The figure as a reason names it; a time of another clock with its UTC ("06:00 (moscow time) = 03:00 UTC")."""
    utc = (clocks or {}).get(_signature(fig))
    label = describe_figure(fig)
    return label + f" = {utc.value} UTC" if utc is not None and fig.zone != "utc" else label


def _hub(members: list, conflicts: list, verdict: str, clocks: Optional[dict] = None):
    """The one value every conflict involves, when there is one ("35 killed" against all the others)."""
    label_of = {claim.id: _described(fig, clocks) for claim, fig in members}
    pairs = [{label_of.get(a), label_of.get(b)} for a, b, level in conflicts if level == verdict]
    common = set.intersection(*pairs) if pairs else set()
    return sorted(x for x in common if x)[0] if len(common) == 1 else None


def _update_reason(members: list, labels: Optional[dict] = None) -> str:
    """"9 killed (01, 2026-05-03) then 26 killed (02, 2026-05-04): the toll was revised"."""
    steps: dict = {}
    for claim, fig in sorted(members, key=lambda m: (_bounds(m[1])[0], m[0].published or "", m[0].id)):
        label = describe_figure(fig)
        when = claim.published or ""
        mark = f"{_label(claim.source, labels)}, {when}" if when else _label(claim.source, labels)
        if mark not in steps.setdefault(label, []):
            steps[label].append(mark)
    parts = [f"{label} ({'; '.join(marks)})" for label, marks in steps.items()]
    return " then ".join(parts) + ": the toll was revised over time, not contradicted"


def _reason(verdict: str, members: list, conflicts: list, labels: Optional[dict] = None,
            clocks: Optional[dict] = None) -> str:
    """"about 2.5 h (001) and 90 min (002, 003) cannot both hold"; a time of another zone with its UTC."""
    if verdict == "update":
        return _update_reason(members, labels)
    if verdict != "agreement":
        involved = {x for a, b, level in conflicts if level == verdict for x in (a, b)}
        members = [(c, f) for c, f in members if c.id in involved]
    by_value: dict[str, list[str]] = {}
    for claim, fig in members:
        label = _described(fig, clocks)
        if _label(claim.source, labels) not in by_value.setdefault(label, []):
            by_value[label].append(_label(claim.source, labels))
    parts = [f"{label} ({', '.join(srcs)})" for label, srcs in by_value.items()]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    hub = _hub(members, conflicts, verdict, clocks)
    if verdict != "agreement" and hub is not None and len(parts) > 2:
        others = [p for label, p in zip(by_value, parts) if label != hub]
        verb = "cannot hold with" if verdict == "contradiction" else "pulls against"
        return f"{parts[list(by_value).index(hub)]} {verb} {', '.join(others[:-1])} or {others[-1]}"
    if verdict == "contradiction":
        return f"{listed} cannot {'both' if len(parts) == 2 else 'all'} hold"
    if verdict == "tension":
        return f"{listed} pull apart, but only through a hedge, a possibility or a count told as a rise"
    return f"{listed} agree"


def judge_alignments(candidates: list[Candidate], knowledge: Knowledge) -> list[Alignment]:
    """Verdicts for every candidate; contradictions first, then updates, tensions and agreements."""
    labels = source_labels(c.source for cand in candidates for c in cand.claims)
    hours = _event_hours(candidates)
    short = _within_a_day(candidates)
    places = _event_places(candidates, knowledge)
    judged = [(cand, finding) for cand in candidates
              for finding in judge_candidate(cand, knowledge, labels, hours.get(cand.event.id) if cand.event else None,
                                             cand.event is not None and cand.event.id in short,
                                             places.get(cand.event.id) if cand.event else None)]
    judged.sort(key=lambda cf: (VERDICT_ORDER[cf[1].verdict], str(cf[0].slot), cf[1].claims[0]))
    return [Alignment(id=f"a{i}", slot=cand.slot, event=cand.event, claims=finding.claims,
                      verdict=finding.verdict, reason=finding.reason, score=cand.score,
                      conflicts=finding.conflicts)
            for i, (cand, finding) in enumerate(judged, 1)]
