"""What a figure measures: the event it stands with, and that event's participants.

A figure belongs to the event noun of its own clause ("a call that lasted 90 minutes"), or, for a
duration introduced by "for"/"lasted", to the event before it in the sentence; a date that opens a
sentence ("Yesterday, Tuesday, ...") dates the sentence's event. Participants are the sentence's
subject and the names after "with"/"between" nearest the figure; when the sentence names too few
("the two leaders began a call"), the article's main event of that type lends its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .cues import Cue
from .model import Event, Figure, Mention, Speaker

PARTY_KINDS = {"person", "government", "military", "party", "organization", "institution", "ministry", "body"}
STATE_EVENTS = {"ceasefire", "truce", "war", "attack", "strike", "talks", "agreement", "sanctions", "deal"}
GROUP_REACH = 45  # chars from "with" to the first name of its group ("مع نظيره الروسي فلاديمير بوتين")
COORDINATION_GAP = 7  # chars between two coordinated names ("X و Y", "X and Y", "X, Y")
OPENING_DATE_SLACK = 14  # words besides the date allowed in an opening clause ("وأمس الثلاثاء")
MARKER_REACH = 16  # chars between a "for"/"lasted"/"after" cue and its figure
WITH_KINDS = ("with", "between")
FROM_GAP = 3  # chars between an event noun and the "from" that names its other side ("اتصالا هاتفيا من")
POSTPOSITIONS = ("with_after", "between_after")
LASTED_AFTER = 3  # characters between a duration and a "lasted" verb after it ("یک ساعت طول کشید")
DEMONSTRATIVE_GAP = 2  # characters between "this" and its noun: a space, or none when glued
PLACE_EVENT_WORDS = 1  # words between a place and an event noun after it that still let it locate the event
NO_MEASURE = {"statement", "press_conference"}  # events that state things, not events things measure


@dataclass(frozen=True)
class Group:
    """Names that follow one "with" or "between"."""

    start: int
    end: int
    ids: tuple
    event_after: bool = False  # the language names the event after the group (Persian)


def party_mentions(mentions: list[Mention], event_type: Optional[str]) -> list[Mention]:
    """Mentions that can take part in an event: people and bodies; countries for state events."""
    return [m for m in mentions if m.kind in PARTY_KINDS or
            (m.kind == "place" and event_type in STATE_EVENTS)]


def with_groups(text: str, cues: list[Cue], mentions: list[Mention]) -> list[Group]:
    """The names after each "with"/"between" in a sentence, coordinated names included."""
    groups = []
    for cue in cues:
        if cue.kind in POSTPOSITIONS:
            preceding = [m for m in mentions if 0 <= cue.start - m.end <= GROUP_REACH]
            if preceding:
                chain = _coordinated_before(text, preceding[-1], mentions)
                groups.append(Group(chain[0].start, cue.end, tuple(m.entity for m in chain),
                                    cue.value == "event_after"))
            continue
        if cue.kind == "from" and not _follows_event(cue, cues):
            continue
        if cue.kind not in WITH_KINDS and cue.kind != "from":
            continue
        following = [m for m in mentions if 0 <= m.start - cue.end <= GROUP_REACH
                     and _plain_gap(text, cue.end, m.start, cues)]
        if not following:
            continue
        chain = _coordinated(text, following[0], mentions)
        groups.append(Group(cue.start, chain[-1].end, tuple(m.entity for m in chain), cue.value == "event_after"))
    return groups


def _follows_event(cue: Cue, cues: list[Cue]) -> bool:
    """"received a call from X": a "from" right after an event noun names a party of that event."""
    return any(c.kind == "event" and 0 <= cue.start - c.end <= FROM_GAP for c in cues)


def _plain_gap(text: str, start: int, end: int, cues: list[Cue]) -> bool:
    """Between "with" and its first name: title words only, no verb, event or punctuation
    ("میان روسیه و اوکراین پرداخت و افزود که ترامپ": Trump is no one's "between")."""
    if any(mark in text[start:end] for mark in ".,،;؛:"):
        return False
    return not any(start <= c.start < end and c.kind not in ("counterpart", "scope") for c in cues)


def _coordinated_before(text: str, last: Mention, mentions: list[Mention]) -> list[Mention]:
    """"Guliyev ile", "Kyiv ve Moskova arasında": the names before a postposition, first to last."""
    chain = [last]
    for m in reversed(mentions):
        if m.end <= chain[0].start and chain[0].start - m.end <= COORDINATION_GAP:
            if not any(ch.isdigit() for ch in text[m.end:chain[0].start]):
                chain.insert(0, m)
    return chain


def _coordinated(text: str, first: Mention, mentions: list[Mention]) -> list[Mention]:
    chain = [first]
    for m in mentions:
        if m.start >= chain[-1].end and m.start - chain[-1].end <= COORDINATION_GAP:
            gap = text[chain[-1].end:m.start]
            if not any(ch.isdigit() for ch in gap):
                chain.append(m)
    return chain


def subject_ids(text: str, span: tuple[int, int], mentions: list[Mention], groups: list[Group],
                speaker: Optional[Speaker], before: int) -> tuple:
    """The first party named in the sentence before `before` that is not an object or the speaker."""
    grouped = {(g.start, g.end) for g in groups}
    for m in mentions:
        if m.start >= before:
            break
        if speaker is not None and m.entity == speaker.id:
            continue
        if any(s <= m.start < e for s, e in grouped):
            continue
        return tuple(x.entity for x in _coordinated(text, m, mentions))
    return ()


def event_cue_for(fig: Figure, sentence: tuple[int, int], clause: tuple[int, int],
                  cues: list[Cue], others: tuple = (), places_lead: bool = False,
                  text: Optional[str] = None) -> Optional[Cue]:
    """The event noun a figure measures, or None when the sentence ties it to none.

    A figure of the same kind standing between a figure and an event noun claims that noun first
    ("bir haftadır çatışan ... iki haftalık ateşkes": the two weeks are the truce's, not the week).
    A place locates the event noun before it ("talks in Riyadh") or right after it ("در ابوظبی دیداری",
    "провели в Абу-Даби встречу"), anywhere in a language that puts places first (Turkish); in
    "peace in Ukraine requires talks" Ukraine is peace's.
    """
    events = [c for c in cues if c.kind == "event" and sentence[0] <= c.start < sentence[1]
              and not _blocked(fig, c, others)]
    if fig.kind == "place":  # "در تهران این حمله را محکوم کرد": Tehran condemned it, the attack was elsewhere
        events = [c for c in events if not refers_back(c, cues)]
    if fig.kind == "place" and not places_lead and text is not None:
        events = [c for c in events if c.end <= fig.start or
                  (c.start >= fig.end and len(text[fig.end:c.start].split()) <= PLACE_EVENT_WORDS)]
    if fig.kind == "duration":
        events = [c for c in events if c.value not in NO_MEASURE]
    if not events or is_offset(fig, cues):
        return None
    in_clause = [c for c in events if clause[0] <= c.start < clause[1]]
    if in_clause:
        return min(in_clause, key=lambda c: _distance(c, fig))
    if fig.kind == "duration" and _marked(fig, cues):
        before = [c for c in events if c.end <= fig.start]
        return before[-1] if before else None
    if fig.kind in ("date", "time") and clause[0] == sentence[0] and \
            (clause[1] - clause[0]) - (fig.end - fig.start) <= OPENING_DATE_SLACK:
        return events[0]
    return None


def refers_back(cue: Cue, cues: list[Cue]) -> Optional[str]:
    """An event noun right after "this"/"این"/"هذا" is the event the article told first ("first");
    after "that"/"آن"/"ذلك"/"o", the one it told last ("last"); else None."""
    for c in cues:
        if c.kind in ("demonstrative", "distal") and 0 <= cue.start - c.end <= DEMONSTRATIVE_GAP:
            return "last" if c.kind == "distal" else "first"
    return None


def _blocked(fig: Figure, cue: Cue, others: tuple) -> bool:
    low, high = (fig.end, cue.start) if cue.start >= fig.end else (cue.end, fig.start)
    return any(o is not fig and o.kind == fig.kind and low <= o.start and o.end <= high for o in others)


def _distance(cue: Cue, fig: Figure) -> float:
    if cue.end <= fig.start:
        return fig.start - cue.end
    if cue.start >= fig.end:
        return 1.5 * (cue.start - fig.end)
    return 0.0  # the figure names the event itself ("two phone calls")


def _marked(fig: Figure, cues: list[Cue]) -> bool:
    """"lasted three hours", "for an hour", and in verb-final languages "یک ساعت طول کشید", "3 saat sürdü"."""
    return any(c.kind in ("duration_marker", "lasted") and 0 <= fig.start - c.end <= MARKER_REACH
               or c.kind == "duration_marker" and c.start >= fig.start and c.end <= fig.end
               or c.kind == "lasted" and 0 <= c.start - fig.end <= LASTED_AFTER
               for c in cues)


def near_offset_word(fig: Figure, cues: list[Cue]) -> bool:
    """An offset word ("within", "after", "ago") stands by the figure, whether or not it may also measure."""
    return any(c.kind == "offset" and (0 <= fig.start - c.end <= MARKER_REACH or 0 <= c.start - fig.end <= 3
                                       or c.start < fig.start < c.end) for c in cues)


def is_offset(fig: Figure, cues: list[Cue]) -> bool:
    """"after about an hour", "two weeks ago": a distance in time, not how long an event lasted.

    A word that is both ("в течение": during, within) measures when a "for"/"lasted" reading exists.
    """
    measuring = {(c.start, c.end) for c in cues if c.kind in ("duration_marker", "lasted")}
    return fig.kind == "duration" and any(
        c.kind == "offset" and (c.start, c.end) not in measuring and
        (0 <= fig.start - c.end <= MARKER_REACH or 0 <= c.start - fig.end <= 3
         or c.start < fig.start < c.end)  # "بعد حوالي ساعة": the marker takes the hedge with it
        for c in cues)


def participants_for(fig_span: tuple[int, int], event_type: str, text: str, sentence: tuple[int, int],
                     mentions: list[Mention], cues: list[Cue], speaker: Optional[Speaker],
                     event_cue: Optional[Cue] = None) -> tuple:
    """Entity ids taking part in the event a figure measures, sorted.

    A "with" group belongs to the event named last before it ("the call ... with Zelensky ... the
    call yesterday with Putin"): a group owned by another event noun is no participant of this one.
    """
    parties = party_mentions(mentions, event_type)
    every_group = with_groups(text, cues, parties)
    groups = [g for g in every_group if event_cue is None or _owner(g, cues, sentence) in (None, event_cue)]
    ids = set()
    if groups:
        later = [g for g in groups if g.event_after and g.start >= fig_span[1]]
        # "X روز دوشنبه با Y ... روز سه‌شنبه با Z گفتگو کرد": in Persian the names follow the date
        nearest = later[0] if later else min(groups, key=lambda g: _gap(g, fig_span))
        ids.update(nearest.ids)
    # the subject stands before the next event noun: "The summit drew 12 countries, and a call between ..."
    later = [c.start for c in cues if c.kind == "event" and c.start >= fig_span[1] and c is not event_cue]
    ids.update(subject_ids(text, sentence, parties, every_group, speaker, min(later, default=sentence[1])))
    if groups and len(ids) < 2 and speaker is not None and \
            any(m.entity == speaker.id and m.kind == "person" for m in mentions):
        ids.add(speaker.id)  # "Trump said the call with Zelensky lasted an hour": his own call
    return tuple(sorted(ids))


def _owner(group: Group, cues: list[Cue], sentence: tuple[int, int]) -> Optional[Cue]:
    """The event a "with" group belongs to: named before it ("a call with Putin"), or, in a language
    that names it after (Persian "با پوتین گفتگوی تلفنی داشت"), the first one after it."""
    if group.event_after:
        after = [c for c in cues if c.kind == "event" and group.end <= c.start < sentence[1]]
        if after:
            return after[0]
    before = [c for c in cues if c.kind == "event" and sentence[0] <= c.start and c.end <= group.start]
    return before[-1] if before else None


def _gap(group: Group, span: tuple[int, int]) -> int:
    if group.end <= span[0]:
        return span[0] - group.end
    if group.start >= span[1]:
        return group.start - span[1]
    return 0


def event_for(fig: Figure, cue: Cue, participants: tuple, main: Optional[Event],
              date: Optional[str]) -> Event:
    """The event a figure measures, lending the main event's participants when too few are named."""
    if len(participants) < 2 and main is not None and main.type == cue.value \
            and set(participants) <= set(main.participants):
        participants = main.participants
    return Event(type=cue.value, participants=participants, date=date)
