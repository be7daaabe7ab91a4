"""Alignment: claims about the same slot of the same event, across sources and languages.

Claims are blocked by slot, scope and participants (entity ids, the same in every script), so no
step compares every claim with every other. Within a block, claims of events on different days
part ways; claims whose event names no participants align only within one language and only when
their sentences are alike (rapidfuzz). A denial aligns with the report it denies.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Optional

from rapidfuzz import fuzz

from .dates import iso_span
from .entities import country_anchor, place_contains
from .lexicon import Knowledge
from .model import Candidate, Claim, Event, Slot
from .normalize import fold

COMPARABLE_STANCES = ("asserted", "reported", "possible")
FINE_PLACES = {"city", "province", "town", "district", "village"}  # below a country: tells events apart
BILATERAL_EVENTS = {"call"}  # the same people, or another call: no place tells two calls apart
CROSS_LANGUAGE_SCORE = 0.8  # ids, concepts and values matched; no string to compare
MAX_SCORED_PAIRS = 40
ERA_SLACK_DAYS = 7  # an undated event happened in the days before its report
DATE_SLOT_SLACK_DAYS = 31  # dates further apart name different events, not a disagreement


def align_claims(claims: list[Claim], knowledge: Knowledge) -> list[Candidate]:
    """Candidates for judgement: one per slot of one event holding at least two voices."""
    blocks: dict = defaultdict(list)
    serial = set(knowledge.common.get("serial_events", []))
    for claim in claims:
        if claim.slot and claim.event and claim.stance in COMPARABLE_STANCES and claim.slot.event not in serial:
            blocks[(claim.slot, claim.scope or "")].append(claim)
    candidates = []
    for (slot, _scope), block in sorted(blocks.items()):
        if all(c.event.id for c in block):
            for members in _by_story_event(block):
                for group in (_by_time(members, slot) if slot.quantity == "date" else [members]):
                    candidate = _candidate(slot, group)
                    if candidate is not None:
                        candidates.append(candidate)
            continue
        for participants, members in _by_participants(block, slot, knowledge):
            for group in _split(members, slot, participants, knowledge):
                candidate = _candidate(slot, group)
                if candidate is not None:
                    candidates.append(candidate)
    candidates.extend(_denials(claims, knowledge))
    return candidates


def _by_story_event(block: list[Claim]) -> list[list[Claim]]:
    """Claims of one story event (the story stage joined their events across articles)."""
    groups: dict = {}
    for claim in block:
        groups.setdefault(claim.event.id, []).append(claim)
    return list(groups.values())


def _by_participants(block: list[Claim], slot: Slot, knowledge: Knowledge) -> list[tuple]:
    """Claims of one event: the same parties for a call; for other events (a meeting, a truce, a
    quake), a party or country in common joins them (a ministry stands for its country, a city for
    the country it lies in), and their days keep them apart (see _by_time).

    Joining by a common id is a union-find over the ids, so a block of n claims costs about n steps.
    """
    exact = slot.event in BILATERAL_EVENTS
    parent: dict = {}

    def root(key):
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = []
    for n, claim in enumerate(block):
        ids = set(claim.event.participants)
        if exact or not ids:
            key = ("set", tuple(sorted(ids)))  # the same set of parties, or none at all
            root(key)
        else:
            anchors = sorted({country_anchor(x, knowledge) for x in ids})
            key = ("id", anchors[0])
            for other in anchors[1:]:
                parent[root(("id", other))] = root(key)
        keys.append(key)
    groups: dict = {}
    for claim, key in zip(block, keys):
        groups.setdefault(root(key), []).append(claim)
    out = []
    for members in groups.values():  # in the order of each group's first claim: deterministic
        for part in ([members] if exact else _by_town(members, knowledge)):
            ids = tuple(sorted({p for c in part for p in c.event.participants}))
            out.append((ids, part))
    return out


def _by_town(members: list[Claim], knowledge: Knowledge) -> list[list[Claim]]:
    """One country, two towns: a strike on Kharkiv and one on Odesa are two events. Claims that name a
    town or province go together when one place holds the other; claims that name none join the largest."""
    clusters: list[tuple[set, list]] = []
    unplaced = []
    for claim in members:
        towns = {p for p in claim.event.participants if knowledge.places.get(p, {}).get("kind") in FINE_PLACES}
        if not towns:
            unplaced.append(claim)
            continue
        home = next((c for c in clusters if _same_place(c[0], towns, knowledge)), None)
        if home is None:
            clusters.append((set(towns), [claim]))
        else:
            home[0].update(towns)
            home[1].append(claim)
    if not clusters:
        return [members]
    max(clusters, key=lambda c: len(c[1]))[1].extend(unplaced)
    order = {id(c): i for i, c in enumerate(members)}
    return [sorted(c[1], key=lambda x: order[id(x)]) for c in clusters]


def _same_place(ours: set, theirs: set, knowledge: Knowledge) -> bool:
    return any(place_contains(knowledge, a, b) or place_contains(knowledge, b, a) for a in ours for b in theirs)


def _split(members: list[Claim], slot: Slot, participants: tuple, knowledge: Knowledge) -> list[list[Claim]]:
    groups = _by_time(members, slot)
    if participants:
        return groups
    threshold = knowledge.setting("context_similarity", 55)
    return [cluster for group in groups for cluster in _by_context(group, threshold)]


def _by_time(members: list[Claim], slot: Optional[Slot]) -> list[list[Claim]]:
    """Claims of events far apart in time are about different events of the same kind.

    For a date slot the dates themselves decide, with a month's slack (reports disagree by a day or
    two, not by years); otherwise the event's own date, or, for an undated event, the days just
    before the source was published. Claims placed nowhere in time join the largest group.
    """
    dated, undated = [], []
    for claim in members:
        span = _date_span(claim, slot)
        (dated if span else undated).append((span, claim))
    slack = _dt.timedelta(days=DATE_SLOT_SLACK_DAYS if slot is not None and slot.quantity == "date" else ERA_SLACK_DAYS)
    clusters: list[list[Claim]] = []
    high = None
    for span, claim in sorted(dated, key=lambda x: (x[0], x[1].id)):
        if clusters and span[0] <= high + slack:
            clusters[-1].append(claim)
            high = max(high, span[1])
        else:
            clusters.append([claim])
            high = span[1]
    if not clusters:
        return [members]
    largest = max(clusters, key=len)
    largest.extend(c for _, c in undated)
    order = {id(c): i for i, c in enumerate(members)}
    return [sorted(cluster, key=lambda c: order[id(c)]) for cluster in clusters]


def _date_span(claim: Claim, slot: Optional[Slot]) -> Optional[tuple]:
    if slot is not None and slot.quantity == "date":
        spans = [iso_span(f.value) for f in claim.figures if f.kind == "date"]
        spans = [s for s in spans if s]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    if claim.event and claim.event.date:
        return iso_span(claim.event.date)
    published = iso_span(claim.published) if claim.published else None
    if published:
        return published[0] - _dt.timedelta(days=ERA_SLACK_DAYS), published[1]
    return None


def _by_context(members: list[Claim], threshold: float) -> list[list[Claim]]:
    """Claims with no named participants: same language and alike sentences only."""
    clusters: list[list[Claim]] = []
    for claim in members:
        for cluster in clusters:
            head = cluster[0]
            if head.language == claim.language and _similarity(head, claim) >= threshold:
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    return clusters


def _similarity(a: Claim, b: Claim) -> float:
    return fuzz.token_set_ratio(fold(a.text), fold(b.text))


def _candidate(slot: Slot, group: list[Claim]) -> Optional[Candidate]:
    voices = {(c.source, c.speaker.id if c.speaker else None) for c in group}
    if len(voices) < 2:
        return None
    members = tuple((c, f) for c in group for f in c.figures if f.kind == slot.kind)
    if not members:
        return None
    event = _merged_event(group)
    return Candidate(slot=slot, event=event, claims=tuple(group), members=members, score=_score(group))


def _merged_event(group: list[Claim]) -> Event:
    first = group[0].event
    days = sorted({c.event.date for c in group if c.event.date})
    ids = sorted({p for c in group for p in c.event.participants})
    return Event(type=first.type, participants=tuple(ids), date=days[0] if len(days) == 1 else None,
                 id=first.id, klass=first.klass)


def _score(group: list[Claim]) -> float:
    """How sure the alignment is: sentence likeness within a language, a fixed trust across."""
    scores = []
    pairs = ((a, b) for i, a in enumerate(group) for b in group[i + 1:] if a.source != b.source)
    for a, b in pairs:
        scores.append(_similarity(a, b) / 100 if a.language == b.language else CROSS_LANGUAGE_SCORE)
        if len(scores) >= MAX_SCORED_PAIRS:
            break
    mean = sum(scores) / len(scores) if scores else CROSS_LANGUAGE_SCORE
    return round(0.5 + 0.5 * mean, 2)


def _denials(claims: list[Claim], knowledge: Knowledge) -> list[Candidate]:
    """A denial against the report it answers: the one before it in its own article, or, when it
    answers none there, what other sources assert of the same event (same type, a party or place in
    common, the same days). A source that carries the denial itself reports nothing against it."""
    by_id = {c.id: c for c in claims}
    denying: dict = {}  # (source, event class) -> the source's first unlinked denial
    for c in claims:
        if c.stance == "denied" and c.event is not None and by_id.get(c.topic or "") is None:
            denying.setdefault((c.source, _class(c.event)), c)
    by_type: dict = defaultdict(list)
    for c in claims:
        if c.event and c.stance in ("asserted", "reported") and (c.source, _class(c.event)) not in denying:
            by_type[_class(c.event)].append(c)
    out = []
    for claim in claims:
        report = by_id.get(claim.topic or "")
        if claim.stance == "denied" and report is not None:
            out.append(_denial(claim.event or report.event or Event(type="report"), report, claim))
    for (_source, kind), denial in denying.items():
        for other in _asserted_elsewhere(denial, by_type[kind], knowledge):
            out.append(_denial(denial.event, other, denial))
    return out


def _class(event: Event) -> str:
    """The story's class of an event ("a blast" and "a strike" are one violent incident)."""
    return event.klass or event.type


def _denial(event: Event, report: Claim, denial: Claim) -> Candidate:
    return Candidate(slot=Slot(event.klass or event.type, "occurrence"), event=event, claims=(report, denial),
                     members=(), kind="denial", score=0.9)


def _asserted_elsewhere(denial: Claim, candidates: list[Claim], knowledge: Knowledge) -> list[Claim]:
    """The first claim of each other source about the denied event."""
    exact = denial.event.type in BILATERAL_EVENTS
    mine = {country_anchor(x, knowledge) for x in denial.event.participants}
    firsts: dict = {}
    for c in candidates:
        if c.source == denial.source or c.source in firsts:
            continue
        theirs = {country_anchor(x, knowledge) for x in c.event.participants}
        same = (set(c.event.participants) == set(denial.event.participants)) if exact else bool(mine & theirs)
        same = same or (c.event.id is not None and c.event.id == denial.event.id)  # one story event
        if same and len(_by_time([denial, c], None)) == 1:
            firsts[c.source] = c
    return [firsts[s] for s in sorted(firsts)]
