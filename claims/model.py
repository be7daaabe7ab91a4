"""The plain data that flows between the pipeline stages.

read -> Document; clean -> Document.body; extract -> Claim (with Figure, Speaker, Event);
align -> Alignment (judged). Every offset is a character offset into Document.text, the
article exactly as decoded, so `text[start:end]` always gives back the quoted words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Number = Union[int, float]
Value = Union[int, float, str, None]


@dataclass(frozen=True)
class Dropped:
    """A stretch of page furniture that is not article body, and why."""

    start: int
    end: int
    reason: str  # reading_time, related, comments, newsletter, cookies, tags, scraper_mark, navigation, ...


@dataclass
class Document:
    """One source: an article as decoded, its metadata and which of it is body."""

    id: str  # file stem, made unique across the run
    path: str  # what the user gave (a file, or "<stdin>", plus "#N" for a record of a JSON Lines file)
    text: str  # the decoded article text; every offset points here
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # "YYYY-MM-DD"
    published_time: Optional[str] = None  # "HH:MM", when the page gives the hour it was published or updated
    language: Optional[str] = None  # ISO 639-1
    encoding: str = "utf-8"
    format: str = "text"  # text, markdown, html, json, jsonl
    body: tuple = ()  # tuple of (start, end) spans kept as article body, in order
    dropped: tuple = ()  # tuple of Dropped

    @property
    def body_chars(self) -> int:
        return sum(e - s for s, e in self.body)

    @property
    def dropped_chars(self) -> int:
        return sum(d.end - d.start for d in self.dropped)


@dataclass(frozen=True)
class Mention:
    """A known thing named in the text: a person, body, outlet or place."""

    entity: str  # stable id, e.g. "donald-trump", "kremlin", "riyadh"
    name: str  # canonical English name
    kind: str  # person, organization, government, outlet, agency, place, ...
    text: str  # exact surface in Document.text
    start: int
    end: int
    via: str = "alias"  # alias, title, skeleton (cross-script match of an unknown name)


@dataclass(frozen=True)
class Figure:
    """A measured value as the words allow it: a point, and the interval around it."""

    kind: str  # duration, date, time, count, money, percent, place
    value: Value  # duration: seconds; date: "YYYY-MM-DD" (or "YYYY-MM", "YYYY"); time: "HH:MM"; place: id
    low: Value
    high: Value
    hedge: str  # exact, about, more_than, less_than, at_least, at_most, nearly
    unit: str  # second/minute/hour/day/..., usd/eur/..., percent, people, ...
    text: str  # exact substring of Document.text
    start: int
    end: int
    precision: Optional[str] = None  # dates: day, month, year, weekday, relative; times: minute, hour
    counted: Optional[str] = None  # count: what is counted (killed, calls, missiles, ...)
    zone: Optional[str] = None  # time of day: the zone words when given
    weekday: Optional[str] = None  # dates: the weekday named with it, if any


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    text: str  # how the article named them (exact surface)


@dataclass(frozen=True)
class Event:
    type: str  # call, talks, meeting, summit, visit, ceasefire, strike, attack, war, ...
    participants: tuple = ()  # entity ids, sorted
    date: Optional[str] = None  # "YYYY-MM-DD" when known
    id: Optional[str] = None  # the story event it belongs to (story stage): "e1", "e2", ...
    klass: Optional[str] = None  # its class, the same for every word that names it (call, violent-incident, ...)


@dataclass(frozen=True, order=True)
class Slot:
    """What a figure measures: one quantity (duration, count:killed, date) of one class of event."""

    event: str  # the event class ("call", "violent-incident") or, before the story stage, its type
    quantity: str  # "duration", "date", "count:killed", "occurrence"

    @property
    def kind(self) -> str:
        """The figure kind that fills the slot ("count" for "count:killed")."""
        return self.quantity.split(":", 1)[0]

    def __str__(self) -> str:
        return f"{self.event}/{self.quantity}"


@dataclass(frozen=True)
class Article:
    """One source's claims and what the article as a whole is about (its headline and lede's event)."""

    source: str
    published: Optional[str]
    main: Optional[Event]
    claims: tuple  # tuple of Claim, in text order
    placed: Optional[str] = None  # an undated page: the day its story places it at ("on Sunday" counts back from it)


@dataclass(frozen=True)
class Claim:
    id: str  # "<source id>#<n>"
    source: str
    language: str
    text: str  # the sentence as in the article
    quote: str  # the words that carry the claim: Document.text[start:end]
    start: int
    end: int
    speaker: Optional[Speaker]  # None: the outlet itself
    stance: str  # asserted, negated, denied, possible, reported
    figures: tuple = ()  # tuple of Figure
    event: Optional[Event] = None
    slot: Optional[Slot] = None  # what the figures measure, e.g. Slot("call", "duration")
    scope: Optional[str] = None  # a qualifier that keeps like-looking figures apart (energy, broad, ...)
    topic: Optional[str] = None  # the id of the reported claim a denial denies
    published: Optional[str] = None  # the source's publication date: places an undated event in time
    published_time: Optional[str] = None  # "HH:MM": orders two reports of one day
    loose: bool = False  # the figures are tied to the event indirectly: a tension at most, never a contradiction
    names: tuple = ()  # (id, name as written) of the people in no lexicon that the claim names
    revision: Optional[str] = None  # rise, so_far, provisional, earlier, final, correction: how the value stands in time


@dataclass(frozen=True)
class Alignment:
    id: str
    slot: Slot
    event: Event
    claims: tuple  # claim ids, in a stable order
    verdict: str  # contradiction, update, tension, agreement
    reason: str
    score: float
    conflicts: tuple = ()  # (claim id, claim id) pairs whose values cannot both hold, at the verdict's level


@dataclass
class SourceReport:
    """What happened to one input: read fine, or skipped and why."""

    path: str
    ok: bool
    message: str = ""


@dataclass
class Corpus:
    """Everything read in a run: documents, and the inputs that had to be skipped."""

    documents: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # list of SourceReport


@dataclass(frozen=True)
class Candidate:
    """Claims that align: the same slot of the same event, before a verdict is given."""

    slot: Slot
    event: Event
    claims: tuple  # tuple of Claim, in a stable order
    members: tuple  # tuple of (Claim, Figure): every figure that fills the slot
    kind: str = "values"  # values, or denial (a report and its denial)
    score: float = 1.0
