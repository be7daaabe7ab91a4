"""The story stage: which events of different articles are one happening.

Extraction gives every figure the event of its clause, or the article's main event (its headline and
lede) when the clause names none. Here those events meet across articles. Two events are one story
event when their class matches (a blast, a bombing and an attack are one violent incident), they
share a party or a place (a city counts for its country) and their days can overlap; a call needs
the same parties on both sides, so the Trump–Zelensky call never joins the Trump–Putin one.
Within one article, an event that names fewer parties than the article's main event of its class,
and none outside it, is that main event. Merging is a union-find over (class, party) keys, swept
in date order, so its cost grows with the number of events, not their square; a folder holding
several stories keeps them apart because nothing joins their events.
"""
from __future__ import annotations

import datetime as _dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Optional

from .dates import iso_span
from .entities import country_anchor, places_meet
from .extract import event_class
from .lexicon import Knowledge
from .model import Article, Claim, Event, Slot
from .names import UNKNOWN_PERSON

BILATERAL_CLASSES = {"call"}  # the same parties, or another call: no place tells two calls apart
CALL_CANDIDATES = 64  # calls looked at per party: a leader's calls of a month, not of a corpus
FINE_PLACES = {"city", "province", "town", "district", "village"}  # below a country: tells events apart


@dataclass(frozen=True)
class Occurrence:
    """One event as one article tells it: the node the story stage joins."""

    key: tuple  # (source, class, participants, days)
    klass: str
    anchors: frozenset  # countries (or the parties themselves) it involves
    participants: frozenset
    days: Optional[tuple]  # (first, last) day it can have happened on, None when nothing places it
    towns: frozenset = frozenset()  # the places below a country it names: a strike on Kharkiv is not one on Odesa


def tell_stories(articles: list[Article], knowledge: Knowledge) -> list[Claim]:
    """Every claim with its event bound to a story event (`event.id`, `event.klass`) and its slot by class."""
    with _no_cycle_collection():
        return _tell_stories(articles, knowledge)


@contextmanager
def _no_cycle_collection():
    """The stage makes a few small objects per claim and no reference cycles: the cycle collector,
    which would walk every claim again at each of its passes, only makes the cost grow faster than
    the corpus (14x the time for 10x the articles with it, 10.6x without)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _tell_stories(articles: list[Article], knowledge: Knowledge) -> list[Claim]:
    era = _dt.timedelta(days=knowledge.setting("story_era_days", 7))
    slack = _dt.timedelta(days=knowledge.setting("story_date_slack_days", 2))
    occurrences: dict = {}
    order: list = []
    bound: list = []
    for article in articles:
        own = [(claim, _occurrence(article, claim.event, knowledge, era) if claim.event else None)
               for claim in article.claims]
        main = _dated_main(_occurrence(article, article.main, knowledge, era) if article.main else None, own)
        if main is not None:
            _note(occurrences, order, main)
        for claim, occ in own:
            if occ is not None:
                occ = _as_main(occ, main)
                _note(occurrences, order, occ)
            bound.append((claim, occ))
    parent = {key: key for key in order}
    single = [k for k in order if len(occurrences[k].anchors) <= 1 or occurrences[k].klass in BILATERAL_CLASSES]
    for group in _blocks(occurrences, single).values():
        for part in _by_town(group, knowledge):
            _merge_in_time(part, parent, slack)
    alone = set(single)
    _join_shared(occurrences, [k for k in order if k not in alone], parent, slack)
    _join_calls_by_party(occurrences, order, parent, knowledge)
    _join_unnamed(occurrences, order, parent, slack)
    ids = _story_ids(order, parent)
    return [_rebind(claim, occ, parent, ids) for claim, occ in bound]


def place_undated(articles: list[Article], claims: list[Claim]) -> dict:
    """source -> the day to read an undated page's dates from: the latest publication day of the dated
    pages that tell its main story event (the event most of its claims are bound to). A page that
    shares no event with a dated page stays unplaced."""
    undated = {a.source for a in articles if not a.published and not a.placed}
    if not undated:
        return {}
    latest: dict = {}  # event id -> latest publication day of a dated claim
    counts: dict = {}  # undated source -> event id -> claims
    for claim in claims:
        if claim.event is None or claim.event.id is None:
            continue
        if claim.source in undated:
            per = counts.setdefault(claim.source, {})
            per[claim.event.id] = per.get(claim.event.id, 0) + 1
        elif claim.published and iso_span(claim.published):
            latest[claim.event.id] = max(latest.get(claim.event.id, ""), claim.published[:10])
    placed = {}
    for source, per in sorted(counts.items()):
        dated = sorted((-n, event) for event, n in per.items() if event in latest)
        if dated:
            placed[source] = latest[dated[0][1]]
    return placed


def _note(occurrences: dict, order: list, occ: Occurrence) -> None:
    if occ.key not in occurrences:
        occurrences[occ.key] = occ
        order.append(occ.key)


def _occurrence(article: Article, event: Event, knowledge: Knowledge, era: _dt.timedelta) -> Occurrence:
    klass = event_class(event.type, knowledge)
    ids = frozenset(event.participants)
    days = _days(event.date, article.published or article.placed, era)
    return Occurrence(key=(article.source, klass, tuple(sorted(ids)), days or ()), klass=klass,
                      anchors=frozenset(country_anchor(x, knowledge) for x in ids), participants=ids,
                      days=days,
                      towns=frozenset(x for x in ids if knowledge.places.get(x, {}).get("kind") in FINE_PLACES))


def _dated_main(main: Optional[Occurrence], own: list) -> Optional[Occurrence]:
    """The main event takes the first day the article gives an event of its class and parties, when the
    article has no publication date to place it ("struck Van province on Tuesday 28 April")."""
    if main is None or main.days:
        return main
    for _, occ in own:
        if occ is not None and occ.klass == main.klass and occ.participants <= main.participants \
                and occ.days and occ.days[0] == occ.days[1]:
            return replace(main, days=occ.days)
    return main


def _as_main(occ: Occurrence, main: Optional[Occurrence]) -> Occurrence:
    """An event of the main event's class that names no party outside it is the main event itself."""
    if main is None or occ.klass != main.klass or not occ.participants <= main.participants:
        return occ
    if occ.days and main.days and not _overlap(occ.days, main.days, _dt.timedelta(0)):
        return occ  # "the quake of 2004": another quake in the same place
    if occ.days and not main.days and occ.days[0] != occ.days[1]:
        return occ  # "the floods of 2022", in an article that gives no day of its own
    return main


def _one_day(days: tuple) -> bool:
    return days[0] == days[1]


def _days(date: Optional[str], published: Optional[str], era: _dt.timedelta) -> Optional[tuple]:
    """The days an event can have happened on: its own date, else the days just before its report."""
    own = iso_span(date)
    if own:
        return own
    report = iso_span(published)
    return (report[0] - era, report[1]) if report else None


def _blocks(occurrences: dict, order: list) -> dict:
    """Occurrences that may be one event, by (class, what joins them): for a call its whole set of
    parties; for anything else each country or party it names; an event naming nobody joins the
    others of its class that name nobody."""
    blocks: dict = {}
    for key in order:
        occ = occurrences[key]
        if occ.klass in BILATERAL_CLASSES:
            joins = [tuple(sorted(occ.anchors))] if len(occ.anchors) >= 2 else [("alone", key)]
        else:
            joins = sorted(occ.anchors) or [()]
        for join in joins:
            blocks.setdefault((occ.klass, join), []).append(occ)
    return blocks


def _join_shared(occurrences: dict, keys: list, parent: dict, slack: _dt.timedelta) -> None:
    """An event naming several countries or parties joins the largest event of one of them that its days
    allow, and never bridges two others ("the floods in Pakistan and Afghanistan" does not make the
    Swat flood and the Nangarhar flood one). Those that find none join each other by a shared party.

    Each party keeps a summary of the events it is in (their days and size), not a list of occurrences,
    so that a thousand articles about one country cost a thousand look-ups, not a million."""
    singles = [o for o in occurrences.values() if len(o.anchors) == 1 and o.klass not in BILATERAL_CLASSES]
    sizes = _sizes(occurrences, parent)
    index = _AnchorIndex(parent, sizes)
    for occ in singles:
        index.add(occ)
    leftover = []
    for key in keys:
        occ = occurrences[key]
        root = index.best(occ, slack)
        if root is None:
            leftover.append(occ)
        else:
            _join(parent, sizes, key, root)
    multi = _AnchorIndex(parent, sizes)
    waiting = {occ.key for occ in leftover}
    for key in keys:
        if key not in waiting:
            multi.add(occurrences[key])
    for occ in leftover:  # each joins the largest event met so far that shares a party, one only
        root = multi.best(occ, slack)
        if root is not None:
            _join(parent, sizes, occ.key, root)
        multi.add(occ)


def _join(parent: dict, sizes: dict, key, root) -> None:
    """Union that keeps the size of every story root up to date."""
    a, b = _find(parent, key), _find(parent, root)
    if a != b:
        total = sizes.pop(a, 1) + sizes.pop(b, 1)
        _union(parent, a, b)
        sizes[_find(parent, a)] = total


def _join_calls_by_party(occurrences: dict, order: list, parent: dict,
                         knowledge: Knowledge) -> None:
    """A call that one outlet tells with a party the others name otherwise ("Tavakoli and Oman's
    minister", "Tavakoli and al-Harthy"): it joins the one call of its day that shares a party with it
    and whose other party may be the same, a person no lexicon places against a country. Two known
    countries on the other side (Russia, Ukraine) are two calls; candidates that cannot be one call
    between themselves leave it alone."""
    calls = [occurrences[k] for k in order if occurrences[k].klass in BILATERAL_CLASSES and occurrences[k].anchors]
    by_anchor: dict = {}
    for occ in calls:
        for anchor in occ.anchors:
            by_anchor.setdefault(anchor, []).append(occ)
    for occ in calls:
        options = {}
        for anchor in sorted(occ.anchors):
            for other in by_anchor[anchor][:CALL_CANDIDATES]:
                root = _find(parent, other.key)
                if root != _find(parent, occ.key) and _same_call(occ, other, knowledge):
                    options[root] = other
        found = list(options.values())
        if all(_same_call(x, y, knowledge) for i, x in enumerate(found) for y in found[i + 1:]):
            for root in options:  # "Tavakoli spoke on Sunday": the one call of that day, however told
                _union(parent, occ.key, root)


def _same_call(a: Occurrence, b: Occurrence, knowledge: Knowledge) -> bool:
    """Calls with a party in common, on the same day, whose other parties do not name two different
    countries or known people."""
    if not a.days or not b.days or a.days != b.days or not _one_day(a.days) or not a.anchors & b.anchors:
        return False  # a call told only as "this week" could be either of the week's calls
    rest_a, rest_b = a.anchors - b.anchors, b.anchors - a.anchors
    known = lambda anchors: {x for x in anchors if x in knowledge.places or x in knowledge.entities}
    unknown = lambda anchors: {x for x in anchors if x.startswith(UNKNOWN_PERSON)}
    # a minister the lexicon knows may be the one an outlet names otherwise; two named strangers are two people
    return not (known(rest_a) and known(rest_b)) and not (unknown(rest_a) and unknown(rest_b))


def _join_unnamed(occurrences: dict, order: list, parent: dict, slack: _dt.timedelta) -> None:
    """"The talks lasted six hours", in an article that names no party: the talks of its days that
    other articles name. They join the largest such event; for a call, only the one call of those days."""
    sizes = _sizes(occurrences, parent)
    spans: dict = {}  # (class, root) -> (first day, last day, undated)
    for key in order:
        occ = occurrences[key]
        if occ.anchors:
            root = _find(parent, key)
            lo, hi, undated = spans.get((occ.klass, root), (None, None, False))
            if occ.days:
                lo = occ.days[0] if lo is None else min(lo, occ.days[0])
                hi = occ.days[1] if hi is None else max(hi, occ.days[1])
            spans[(occ.klass, root)] = (lo, hi, undated or not occ.days)
    by_class: dict = {}
    for (klass, root), span in spans.items():
        by_class.setdefault(klass, []).append((root, span))
    for key in order:
        occ = occurrences[key]
        if occ.anchors or _find(parent, key) != key:
            continue
        options = [root for root, (lo, hi, undated) in by_class.get(occ.klass, ())
                   if not occ.days or undated or lo is None or _overlap((lo, hi), occ.days, slack)]
        options = sorted({_find(parent, r) for r in options} - {key}, key=lambda r: (-sizes.get(r, 0), r))
        if options and (occ.klass not in BILATERAL_CLASSES or len(options) == 1):
            _union(parent, key, options[0])


def _sizes(occurrences: dict, parent: dict) -> dict:
    sizes: dict = {}
    for key in occurrences:
        root = _find(parent, key)
        sizes[root] = sizes.get(root, 0) + 1
    return sizes


class _AnchorIndex:
    """(class, party) -> {story root: (first day, last day, undated, size)} of the events it is in."""

    def __init__(self, parent: dict, sizes: Optional[dict] = None):
        self.parent = parent
        self.sizes = sizes if sizes is not None else {}
        self.events: dict = {}

    def add(self, occ: Occurrence) -> None:
        root = _find(self.parent, occ.key)
        for anchor in occ.anchors:
            events = self.events.setdefault((occ.klass, anchor), {})
            lo, hi, undated, size = events.pop(root, (None, None, False, 0))
            if occ.days:
                lo = occ.days[0] if lo is None else min(lo, occ.days[0])
                hi = occ.days[1] if hi is None else max(hi, occ.days[1])
            events[root] = (lo, hi, undated or not occ.days, size + 1)

    def best(self, occ: Occurrence, slack: _dt.timedelta):
        """The largest event sharing a party with `occ` whose days allow it, or None."""
        options: dict = {}
        for anchor in sorted(occ.anchors):
            for root, (lo, hi, undated, size) in self.events.get((occ.klass, anchor), {}).items():
                if occ.days and not undated and not _overlap((lo, hi), occ.days, slack):
                    continue
                current = _find(self.parent, root)
                options[current] = self.sizes.get(current, size)
        return min(options, key=lambda r: (-options[r], r)) if options else None


def _by_town(group: list, knowledge: Knowledge) -> list:
    """One country, two towns: two events. Occurrences naming a town go together when one town holds
    the other; those naming none join the largest cluster."""
    clusters: list = []
    unplaced = []
    for occ in group:
        if not occ.towns:
            unplaced.append(occ)
            continue
        home = next((c for c in clusters if _same_place(c[0], occ.towns, knowledge)), None)
        if home is None:
            clusters.append((set(occ.towns), [occ]))
        else:
            home[0].update(occ.towns)
            home[1].append(occ)
    if not clusters:
        return [group]
    max(clusters, key=lambda c: len(c[1]))[1].extend(unplaced)
    return [c[1] for c in clusters]


def _same_place(ours: set, theirs: frozenset, knowledge: Knowledge) -> bool:
    return any(places_meet(knowledge, a, b) for a in ours for b in theirs)


def _merge_in_time(group: list, parent: dict, slack: _dt.timedelta) -> None:
    """Join the occurrences of one block whose days overlap; those placed nowhere in time join the
    largest run of dated ones (or each other, when none is dated)."""
    dated = sorted((o for o in group if o.days), key=lambda o: (o.days, o.key))
    undated = [o for o in group if not o.days]
    runs: list = []
    high = None
    for occ in dated:
        if runs and occ.days[0] <= high + slack:
            runs[-1].append(occ)
            high = max(high, occ.days[1])
        else:
            runs.append([occ])
            high = occ.days[1]
    if runs:
        max(runs, key=len).extend(undated)
    elif undated:
        runs.append(undated)
    for run in runs:
        for occ in run[1:]:
            _union(parent, run[0].key, occ.key)


def _find(parent: dict, key):
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict, a, b) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # the smaller key leads: the result does not depend on order


def _overlap(a: tuple, b: tuple, slack: _dt.timedelta) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _story_ids(order: list, parent: dict) -> dict:
    """"e1", "e2", ... in the order each story event is first met: stable for the same input."""
    ids: dict = {}
    for key in order:
        root = _find(parent, key)
        if root not in ids:
            ids[root] = f"e{len(ids) + 1}"
    return ids


def _rebind(claim: Claim, occ: Optional[Occurrence], parent: dict, ids: dict) -> Claim:
    if occ is None:
        return claim
    event = replace(claim.event, id=ids[_find(parent, occ.key)], klass=occ.klass)
    slot = Slot(occ.klass, claim.slot.quantity) if claim.slot else None
    return replace(claim, event=event, slot=slot)
