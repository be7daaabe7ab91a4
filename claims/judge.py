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
from dataclasses import dataclass
from itertools import combinations
from typing import Optional

from .humanize import describe_figure
from .lexicon import Knowledge
from .model import Alignment, Candidate, Claim, Figure

VERDICT_ORDER = {"contradiction": 0, "tension": 1, "agreement": 2}
COMPARABLE_STANCES = {"asserted", "reported", "possible"}
RELATIVE_SLACK_DAYS = 1
SOFT_HEDGES = {"about", "nearly"}
MAX_PAIRS = 20  # example claim pairs kept per pair of conflicting values
MAX_MEMBERS = 200  # claims of one value looked at for those examples


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str
    conflicts: tuple = ()  # pairs of claim ids whose values cannot both hold


def judge_values(members: list[tuple[Claim, Figure]], knowledge: Knowledge, slot: str = "") -> Verdict:
    """The verdict on the figures of one slot of one event, claim by claim.

    Figures are compared once per pair of distinct values, not per pair of claims, and each pair of
    values that conflicts keeps at most MAX_PAIRS example claim pairs: a corpus where thousands of
    sources repeat two numbers costs no more than one where two sources do.
    """
    lasting = slot.endswith("/date") and slot.split("/", 1)[0] in knowledge.common.get("lasting_events", [])
    torn = _self_contradicting_voices(members, knowledge)
    by_value: dict = {}
    for claim, fig in members:
        by_value.setdefault(_signature(fig), []).append((claim, fig))
    worst = "agreement"
    conflicts = []
    for value_a, value_b in combinations(by_value, 2):
        group_a, group_b = by_value[value_a], by_value[value_b]
        relation = compare_figures(group_a[0][1], group_b[0][1], knowledge)
        if relation == "agree":
            continue
        for level, ca, cb in _pairs(group_a, group_b, relation, lasting, torn):
            if VERDICT_ORDER[level] < VERDICT_ORDER[worst]:
                worst = level
            conflicts.append((ca.id, cb.id, level))
    return Verdict(worst, _reason(worst, members, conflicts), tuple(conflicts))


def _signature(fig: Figure) -> tuple:
    """What makes two figures the same value for judging."""
    return (fig.kind, str(fig.value), str(fig.low), str(fig.high), fig.hedge, fig.unit, fig.precision,
            fig.weekday, fig.zone)


def _pairs(group_a: list, group_b: list, relation: str, lasting: bool, torn: set):
    """Independent claim pairs across two conflicting values, the firmest first, a few of each level."""
    found = {"contradiction": 0, "tension": 0}
    for ca, _ in group_a[:MAX_MEMBERS]:
        for cb, _ in group_b[:MAX_MEMBERS]:
            if not _independent(ca, cb):
                continue
            soft = relation == "tension" or "possible" in (ca.stance, cb.stance) or ca.loose or cb.loose \
                or lasting or ca.source in torn or cb.source in torn
            level = "tension" if soft else "contradiction"
            if found[level] < MAX_PAIRS:
                found[level] += 1
                yield level, ca, cb
            if found["contradiction"] >= MAX_PAIRS:
                return


def _voice(claim: Claim) -> tuple:
    return claim.source, claim.speaker.id if claim.speaker else None


def _self_contradicting_voices(members: list, knowledge: Knowledge) -> set:
    """Sources that give this slot two values that cannot both hold. An article does not contradict
    itself unawares: it speaks of two events (a call on Sunday and another on Monday, this attack's
    injured and January's) that the alignment took for one, or it reports a dispute. Its values are
    then set against others as a tension, never as a contradiction."""
    by_source: dict = {}
    for claim, fig in members:
        by_source.setdefault(claim.source, {})[_signature(fig)] = fig
    return {source for source, figs in by_source.items()
            if any(compare_figures(a, b, knowledge) == "conflict" for a, b in combinations(figs.values(), 2))}


def judge_denial(report: Claim, denial: Claim) -> Verdict:
    """A report and a denial of it by another speaker cannot both hold."""
    who = _who(report)
    denier = _who(denial)
    return Verdict("contradiction", f"reported by {who}; denied by {denier}",
                   ((report.id, denial.id, "contradiction"),))


def _who(claim: Claim) -> str:
    return claim.speaker.name if claim.speaker else f"the outlet ({_short(claim.source)})"


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
    """The interval of the bare figure, as if it carried no hedge."""
    width = float(knowledge.common.get("hedge_widths", {}).get("exact", "0.02"))
    v = float(f.value)
    return v - abs(v) * width, v + abs(v) * width


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _compare_places(a: Figure, b: Figure, knowledge: Knowledge) -> str:
    from .entities import place_contains
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


def _minutes(f: Figure) -> Optional[int]:
    try:
        h, m = str(f.value).split(":")
        return int(h) * 60 + int(m)
    except ValueError:
        return None


def _short(source_id: str) -> str:
    """"001_991ebc19782e432f" -> "001"; a record of a JSON Lines file keeps its number: "04-2"."""
    if "_" not in source_id:
        return source_id
    head = source_id.split("_")[0]
    tail = source_id.rsplit("-", 1)[-1] if "-" in source_id else ""
    return f"{head}-{tail}" if tail.isdigit() else head


def _hub(members: list, conflicts: list, verdict: str):
    """The one value every conflict involves, when there is one ("35 killed" against all the others)."""
    label_of = {claim.id: describe_figure(fig) for claim, fig in members}
    pairs = [{label_of.get(a), label_of.get(b)} for a, b, level in conflicts if level == verdict]
    common = set.intersection(*pairs) if pairs else set()
    return sorted(x for x in common if x)[0] if len(common) == 1 else None


def _reason(verdict: str, members: list, conflicts: list) -> str:
    """"about 2.5 h (001) and 90 min (002, 003) cannot both hold"."""
    if verdict != "agreement":
        involved = {x for a, b, level in conflicts if level == verdict for x in (a, b)}
        members = [(c, f) for c, f in members if c.id in involved]
    by_value: dict[str, list[str]] = {}
    for claim, fig in members:
        label = describe_figure(fig)
        if _short(claim.source) not in by_value.setdefault(label, []):
            by_value[label].append(_short(claim.source))
    parts = [f"{label} ({', '.join(srcs)})" for label, srcs in by_value.items()]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    hub = _hub(members, conflicts, verdict)
    if verdict != "agreement" and hub is not None and len(parts) > 2:
        others = [p for label, p in zip(by_value, parts) if label != hub]
        verb = "cannot hold with" if verdict == "contradiction" else "pulls against"
        return f"{parts[list(by_value).index(hub)]} {verb} {', '.join(others[:-1])} or {others[-1]}"
    if verdict == "contradiction":
        return f"{listed} cannot {'both' if len(parts) == 2 else 'all'} hold"
    if verdict == "tension":
        return f"{listed} pull apart, but only through a hedge or a possibility"
    return f"{listed} agree"


def judge_alignments(candidates: list[Candidate], knowledge: Knowledge) -> list[Alignment]:
    """A verdict for every candidate; contradictions first, then tensions, then agreements."""
    judged = []
    for cand in candidates:
        if cand.kind == "denial":
            verdict = judge_denial(*cand.claims)
        else:
            verdict = judge_values(list(cand.members), knowledge, cand.slot)
        judged.append((cand, verdict))
    judged.sort(key=lambda cv: (VERDICT_ORDER[cv[1].verdict], cv[0].slot, cv[0].claims[0].id))
    return [Alignment(id=f"a{i}", slot=cand.slot, event=cand.event, claims=tuple(c.id for c in cand.claims),
                      verdict=verdict.verdict, reason=verdict.reason, score=cand.score,
                      conflicts=tuple(sorted({(a, b) for a, b, level in verdict.conflicts
                                              if level == verdict.verdict})))
            for i, (cand, verdict) in enumerate(judged, 1)]
