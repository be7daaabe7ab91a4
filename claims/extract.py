"""Claims from one article: who said what, with every figure tied to the event it measures.

The stage gathers what the finders see in the body (dates and times, numbers, entities, places,
cue words), walks the sentences in order keeping the last speaker, and makes one claim per
sentence and event: its figures, speaker, stance, event, and the exact words that carry it.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Optional

from . import dates, entities, figures
from .entities import PLACE_KINDS, place_ancestors
from .cues import Cue, find_cues, resolve_stand_ins
from .events import NO_MEASURE, event_cue_for, event_for, near_offset_word, participants_for, refers_back, with_groups
from .lexicon import Knowledge, section
from .names import find_names, find_roles
from .model import Article, Claim, Document, Event, Figure, Mention, Slot, Speaker
from .normalize import fold, fold_text
from .segment import split_clauses, split_sentences
from .speakers import Attribution, attribute, stance_of

LOCATIVE_GAP = 3
QUOTE_REACH = 60  # how far before a figure the words that carry it may start (the event noun)
DENIAL_REACH = 3  # sentences back in which a denial finds the report it denies
DATELINE_REACH = 30  # characters from the place that opens a dateline to the dash that closes it
SUBSET_REACH = 12  # characters between "including" and the count it introduces
YEAR_SECONDS = 300 * 86400  # "a year ago" and more: the event's year is all the distance tells
MONTH_SECONDS = 28 * 86400
PARTITIVE_GAP = 2
MEASURE_GAP = 12  # characters between "magnitude"/"depth of" and the figure ("magnitude of 6.8", "6.8 on the")  # characters around "of the" in "nine of the wounded": only the spaces
COUNTED_REACH = 40
TOLL_NOUN_REACH = 90  # "the death toll from the quake that struck the province rose to 45": the noun leads  # characters between a toll and the verb or noun that says what it counts
HUMAN_COUNTS = ("people", "soldiers", "attackers")  # "six soldiers were killed": the verb says what they count
ARRESTS = {"arrested"}  # "two terrorists were arrested": the only verb that says what attackers count
SUM_GAP = 5  # characters between a toll and a second toll word that makes it a sum ("killed and wounded")
TOLL_KINDS = {"killed", "injured", "missing", "displaced", "arrested", "dead", "wounded"}
UNLOCATED_EVENTS = {"call", "statement", "press_conference"}  # no place makes them the same event
RECENT_DAYS = 7  # a day this many days before the report is of the story told now
RECENT_PRECISIONS = ("weekday", "relative", "today", "earlier_today", "yesterday", "day_before_yesterday")  # "on Sunday", "yesterday": the days around publication
HEADLINE_SENTENCES = 3  # the headline and the lead say what an article is about
TIGHT_REACH = 45  # characters between a figure and the event noun it is tightly tied to
STATEMENT_REACH = 20
CLOCK_WINDOW = 40  # characters around a place looked at for the zone phrase it may be part of
CLAUSE_MARKS = (",", "،", ";", "؛")  # characters between a verb of saying and the day it was said
SCOPE_WORDS = 2  # words between a scope word and the event noun it narrows ("a broader 30-day ceasefire")
SCOPED_KINDS = {"duration", "date", "time"}  # what a scope word narrows: how long and when part of an event was
SOLE_EVENT_KINDS = {"money", "percent", "count"}  # a date beside a verb may date the verb, not the event
ALONE_SLACK = 14  # characters besides a date that still leave it alone in its clause ("وأمس الثلاثاء")


@dataclass
class Sentence:
    """One sentence with everything found inside it, all in original offsets."""

    index: int
    span: tuple
    cues: list
    mentions: list
    figures: list


def extract_claims(doc: Document, knowledge: Knowledge) -> list[Claim]:
    """Every claim of one article, in text order."""
    return list(extract_article(doc, knowledge).claims)


def extract_article(doc: Document, knowledge: Knowledge, placed: Optional[str] = None) -> Article:
    """One article's claims and its main event: what its headline and lede are about. `placed` is the
    day the story places a page without a publication date at: its weekdays and yearless dates count from it."""
    sentences = analyse(doc, knowledge, placed)
    main = main_event(doc.text, sentences)
    where = article_location(sentences, knowledge)
    topic = headline_event(sentences, where, knowledge)
    article = _article_event(topic, main, sentences)
    claims: list[Claim] = []
    last: Optional[Speaker] = None
    nearby: Optional[Event] = None
    carried: Optional[str] = None
    told: dict = {}  # ("first"/"last", class) -> the event the article told first and last of it
    for n, sent in enumerate(sentences):
        if n and "\n" in doc.text[sentences[n - 1].span[1]:sent.span[0]]:
            nearby = None  # a new paragraph: the last one's event no longer reaches
        objects = {m.start for g in with_groups(doc.text, sent.cues, sent.mentions)
                   for m in sent.mentions if g.start <= m.start < g.end}
        attribution = attribute(doc.text, sent.span, sent.cues, sent.mentions, objects, last)
        if attribution.speaker is not None:
            last = attribution.speaker
        for claim in _sentence_claims(doc, sent, attribution, main, where, topic, knowledge, len(claims),
                                      article, nearby, doc.published or placed, carried, told):
            claims.append(claim)
            if claim.event is not None:
                told.setdefault(("first", event_class(claim.event.type, knowledge)), claim.event)
                told[("last", event_class(claim.event.type, knowledge))] = claim.event
        nearby = _harm_told(sent, where, knowledge) or nearby
        carried = _scope_told(doc.text, sent)
    claims = _link_denials(claims, sentences, topic, main)
    claims = _headline_hedges(claims, _headline_ends(doc.text, sentences), knowledge)
    return Article(source=doc.id, published=doc.published, main=article, claims=tuple(claims),
                   placed=None if doc.published else placed)


def _headline_ends(text: str, sentences: list[Sentence]) -> int:
    """Where the headline ends: the first lines at the top that end in no full stop (0 when none does)."""
    end = 0
    for sent in sentences[:HEADLINE_SENTENCES]:
        line = text[sent.span[0]:sent.span[1]].rstrip()
        if not line or line[-1] in ".!?؟。" or "\n" in line:
            break
        end = sent.span[1]
    return end


def _headline_hedges(claims: list[Claim], headline_end: int, knowledge: Knowledge) -> list[Claim]:
    """A headline drops the hedge its body gives ("two killed" over "killing at least two people"): a
    headline count takes the hedge of the body's count of the same value and slot."""
    if not headline_end:
        return claims
    hedged: dict = {}
    for claim in claims:
        if claim.start >= headline_end and claim.slot is not None:
            for fig in claim.figures:
                if fig.kind == "count" and fig.hedge != "exact":
                    hedged.setdefault((event_class(claim.slot.event, knowledge), claim.slot.quantity, fig.value), fig)
    if not hedged:
        return claims
    return [_hedged_like(c, hedged, knowledge) if c.end <= headline_end and c.slot is not None else c for c in claims]


def _hedged_like(claim: Claim, hedged: dict, knowledge: Knowledge) -> Claim:
    klass = event_class(claim.slot.event, knowledge)
    figures = tuple(replace(f, hedge=body.hedge, low=body.low, high=body.high)
                    if f.kind == "count" and f.hedge == "exact" and (body := hedged.get((klass, claim.slot.quantity, f.value)))
                    else f for f in claim.figures)
    return replace(claim, figures=figures)


def _article_event(topic: Optional[Event], main: Optional[Event], sentences: list[Sentence]) -> Optional[Event]:
    """The headline's event, with the parties the lede names for it, dated when the lede dates it."""
    if topic is None:
        return main
    ids = set(topic.participants)
    if main is not None and main.type == topic.type:
        ids |= set(main.participants)
    return Event(type=topic.type, participants=tuple(sorted(ids)))


def analyse(doc: Document, knowledge: Knowledge, placed: Optional[str] = None) -> list[Sentence]:
    """Find dates, figures, entities and cues once, and share them out to the body's sentences."""
    folded = fold_text(doc.text)
    language = doc.language
    found_dates = dates.find_dates(folded, language, knowledge, published=doc.published, placed=placed)
    skip = [(f.start, f.end) for f in found_dates]
    numbers = figures.find_figures(folded, language, knowledge, skip=skip)
    mentions = entities.find_mentions(folded, language, knowledge)
    cues = resolve_stand_ins(sorted(find_cues(folded, language, knowledge), key=lambda c: (c.start, c.end)), knowledge)
    taken = [(f.start, f.end) for f in [*found_dates, *numbers]] + [(c.start, c.end) for c in cues]
    verbs = [(c.start, c.end) for c in cues if c.kind in ("say", "deny", "report", "according_to")]
    figures_taken = [(f.start, f.end) for f in [*found_dates, *numbers]]
    reports = [(c.start, c.end) for c in cues if c.kind in ("reported", "event", "object_marker")]
    roles = find_roles(folded, language, knowledge, figures_taken + verbs + [(m.start, m.end) for m in mentions],
                       reports)
    people, overruled = find_names(folded, language, knowledge, mentions, cues, taken, roles)
    mentions = [m for m in [*mentions, *roles] if m.start not in overruled
                or (m.via not in ("title", "role") and m.kind not in PLACE_KINDS)]
    events = [(c.start, c.end) for c in cues if c.kind == "event"]
    mentions = sorted([m for m in mentions + people if not _in_dateline(doc.text, m)
                       and not (m.kind in PLACE_KINDS and _inside_any(m, events))],  # سيول: floods, not Seoul
                      key=lambda m: (m.start, m.end))
    after = section(knowledge.language(language), "participants").get("event_position") == "after"
    said_reach = int(knowledge.setting("where_said_words", 3))
    zone_words = knowledge.cached(("zone phrases", language), lambda: _zone_phrases(knowledge, language))
    sayings = sorted((c for c in cues if c.kind in ("say", "report")), key=lambda c: c.end)
    said = (sayings, [c.end for c in sayings], [c.start for c in cues if c.kind == "locative"])
    mentions = [m for m in mentions if not _where_said(doc.text, m, said, said_reach)
                and not _names_a_clock(doc.text, m, zone_words)]
    places = _place_figures(mentions, cues)
    spans = split_sentences(doc.text, doc.body)
    # an undated page placed by its story counts back from the story's last day: "will take effect on Friday"
    # there is the Friday the other pages tell, not one after them
    found_dates = [_weekday_ahead(f, cues, spans, after, doc.published) for f in found_dates]
    all_figures = sorted([*found_dates, *numbers, *places], key=lambda f: (f.start, f.end))
    by_start = [(items, [x.start for x in items]) for items in (cues, mentions, all_figures)]
    return [Sentence(i, span, *(_within(items, starts, span) for items, starts in by_start))
            for i, span in enumerate(spans)]


def _zone_phrases(knowledge: Knowledge, language: Optional[str]) -> dict:
    """The language's time-zone phrases of several words (folded), by each of their words: "Moscow time",
    "به وقت تهران", "по московскому времени"."""
    out: dict = {}
    for forms in (section(knowledge.language(language), "times", "zones") or {}).values():
        for form in forms:
            phrase = " ".join(fold(form).split())
            for word in phrase.split() if " " in phrase else ():
                out.setdefault(word, set()).add(phrase)
    return out


def _names_a_clock(text: str, mention: Mention, phrases: dict) -> bool:
    """"Moscow time", "بتوقيت الخرطوم", "به وقت تهران": the place names a clock, not where anything happened."""
    if mention.kind not in PLACE_KINDS or not phrases:
        return False
    name = " ".join(fold(text[mention.start:mention.end]).split())
    before = " ".join(fold(text[max(0, mention.start - CLOCK_WINDOW):mention.start]).split())
    after = " ".join(fold(text[mention.end:mention.end + CLOCK_WINDOW]).split())
    for phrase in sorted(phrases.get(name.split()[-1] if name else "", ())):
        at = phrase.find(name)
        if at < 0:
            continue
        head, tail = phrase[:at].strip(), phrase[at + len(name):].strip()
        if (not head or before.endswith(head)) and (not tail or after.startswith(tail)) and (head or tail):
            return True
    return False


def _where_said(text: str, mention: Mention, said: tuple, reach: int) -> bool:
    """"told reporters in Addis Ababa", "قال في الدوحة": where a statement was made, which is no place of
    the event it tells. A place before the verb ("officials in Kabul said") says who speaks: it stays.
    `said`: the verbs of saying by end, their ends, and the locatives' starts, looked up, never scanned."""
    if mention.kind not in PLACE_KINDS:
        return False
    sayings, ends, locatives = said
    first, last = bisect_left(ends, mention.start - STATEMENT_REACH * 2), bisect_right(ends, mention.start)
    for c in sayings[first:last]:
        if 0 <= mention.start - c.end <= STATEMENT_REACH * 2:
            between = text[c.end:mention.start]
            has_locative = bisect_left(locatives, c.end) < bisect_left(locatives, mention.start)
            if has_locative and len(between.split()) <= reach and not any(m in between for m in CLAUSE_MARKS):
                return True
    return False


def _weekday_ahead(fig: Figure, cues: list[Cue], spans: list, verb_final: bool, day: Optional[str]) -> Figure:
    """"The truce will take effect on Friday": a bare weekday after a future marker (before it, in a verb-final
    language) is the next such day, not the last one (the convention the README documents)."""
    if fig.kind != "date" or fig.precision != "weekday" or not isinstance(fig.value, str) or len(fig.value) != 10 \
            or not day or fig.value > day[:10]:
        return fig  # "next Friday" is ahead already
    span = next((s for s in spans if s[0] <= fig.start < s[1]), None)
    if span is None or not any(c.kind == "future" and span[0] <= c.start < span[1] and
                               (c.start > fig.end if verb_final else c.end <= fig.start) for c in cues):
        return fig
    day = (_dt.date.fromisoformat(fig.value) + _dt.timedelta(days=7)).isoformat()
    return replace(fig, value=day, low=day, high=day)


def _inside_any(m: Mention, spans: list) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _in_dateline(text: str, mention: Mention) -> bool:
    """"BEIRUT -", "KYIV, May 4 (Reuters) -", "السليمانية - شبكة الرافدين": the place an outlet files
    from opens a line and a dash closes the dateline soon after; it is no place of the story."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if mention.kind != "place" or text[line_start:mention.start].strip():
        return False
    rest = text[mention.end:mention.end + DATELINE_REACH]
    return any(d in rest for d in (" -", " –", " —", "- ", "–", "—"))


def _within(items: list, starts: list[int], span: tuple) -> list:
    lo = bisect_left(starts, span[0])
    hi = bisect_left(starts, span[1])
    return [x for x in items[lo:hi] if x.end <= span[1]]


def _place_figures(mentions: list[Mention], cues: list[Cue]) -> list[Figure]:
    """A place right after "in"/"في"/"در" is where something happens."""
    ends = {c.end for c in cues if c.kind == "locative"}
    out = []
    for m in mentions:
        if m.kind in PLACE_KINDS and any(m.start - gap in ends for gap in range(LOCATIVE_GAP + 1)):
            out.append(Figure(kind="place", value=m.entity, low=m.entity, high=m.entity, hedge="exact",
                              unit=m.kind, text=m.text, start=m.start, end=m.end))
    return out


def main_event(text: str, sentences: list[Sentence]) -> Optional[Event]:
    """The article's first event with two named participants: what "the two leaders" refers to."""
    for sent in sentences:
        for cue in sent.cues:
            if cue.kind != "event" or cue.value in NO_MEASURE:
                continue
            ids = participants_for((cue.start, cue.end), cue.value, text, sent.span, sent.mentions,
                                   sent.cues, None)
            if len(ids) >= 2:
                return Event(type=cue.value, participants=ids)
    return None


def _sentence_claims(doc: Document, sent: Sentence, attribution: Attribution, main: Optional[Event],
                     where: Optional[str], topic: Optional[Event], knowledge: Knowledge,
                     numbered: int, article: Optional[Event] = None, nearby: Optional[Event] = None,
                     day: Optional[str] = None, carried: Optional[str] = None,
                     told: Optional[dict] = None) -> list[Claim]:
    text = doc.text
    harmful = set(knowledge.common.get("toll_events", []))
    places_lead = section(knowledge.language(doc.language), "participants").get("order") == "after"
    attached = _attach_figures(text, sent, harmful, set(knowledge.common.get("consequent_events", [])), places_lead,
                               float(knowledge.setting("magnitude_rounding", 0.05)),
                               section(knowledge.language(doc.language), "participants").get("event_position") == "after")
    groups: dict = {}
    for fig, cue, clause, tight in attached:
        event = None
        if _is_subset(fig, sent.cues):
            continue
        if cue is None and _headline_toll(fig, sent, topic, harmful):
            # "More than 25,000 people have been displaced": the toll of the disaster the article is about
            event = Event(type=topic.type, participants=_toll_parties(sent, topic, knowledge))
            groups.setdefault((event, _slot(event, fig), True), []).append((fig, cue, clause))
            continue
        if cue is not None:
            ids = participants_for((fig.start, fig.end), cue.value, text, sent.span, sent.mentions,
                                   sent.cues, attribution.speaker, cue)
            if cue.value not in UNLOCATED_EVENTS:
                places = sentence_countries(sent, knowledge) or ({where} if where else set())
                ids = tuple(sorted(set(ids) | places))
            event = event_for(fig, cue, ids, main, _event_date(fig, cue, attached)
                              or _date_ago(sent, day))
            back = refers_back(cue, sent.cues)
            earlier = (told or {}).get((back, event_class(cue.value, knowledge)))
            if earlier is not None and not event.date:
                event = earlier  # "this meeting": the one the article told first; "that call": the last one
        elif fig.kind == "place":
            continue  # a place is a figure only as where an event happens
        elif _measures_main_event(fig, sent, article, knowledge, day):
            # "At least 31 were killed", "they spoke for two hours": the clause names no event, the article does
            event, tight = article, True
        elif nearby is not None and _measures_main_event(fig, sent, nearby, knowledge, day):
            # "The dam gave way and the flood swept the villages. Twelve people died.": the paragraph's event
            event, tight = nearby, True
        groups.setdefault((event, _slot(event, fig), tight), []).append((fig, cue, clause))
    speaker_kind = _kind_of(attribution.speaker, knowledge)
    # "не менее", "no fewer than", "ما لا يقل عن": a negation inside a hedge negates nothing
    cues = [c for c in sent.cues if not (c.kind == "negation" and
                                         any(f.start <= c.start < f.end for f in sent.figures))]
    claims = []
    for (event, slot, tight), members in groups.items():
        figs = tuple(f for f, _, _ in members)
        start, end = _quote_span(text, members)
        clause = (min(c[0] for _, _, c in members), max(c[1] for _, _, c in members))
        claim = _claim(doc, numbered + len(claims) + 1, sent, start, end, attribution,
                       stance_of(cues, clause, attribution, speaker_kind, text), figs, event, slot,
                       loose=event is not None and not tight)
        claims.append(replace(claim, revision=_revision(sent.cues, sent.span, figs),
                              scope=_scope(text, sent.cues, clause, figs, tuple(sent.mentions))
                              or _carried_scope(carried, sent, figs)))
    if not claims:
        event = _topic_event(text, sent, attribution, main)
        # who said something, a report or denial, or the outlet telling who did what: a claim without figures
        if attribution.speaker is not None or _reports(sent.cues) or (event is not None and event.participants):
            stance = stance_of(cues, sent.span, attribution, speaker_kind, text)
            claims.append(_claim(doc, numbered + 1, sent, sent.span[0], sent.span[1], attribution, stance,
                                 (), event, None))
    return claims


def article_location(sentences: list[Sentence], knowledge: Knowledge) -> Optional[str]:
    """The country an article is mostly about: where its unlocated events happen."""
    counts: dict = {}
    for sent in sentences:
        for m in sent.mentions:
            country = country_of(m, knowledge)
            if country:
                counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    first = {}
    for sent in sentences:
        for m in sent.mentions:
            first.setdefault(country_of(m, knowledge), m.start)
    return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))


def sentence_countries(sent: Sentence, knowledge: Knowledge) -> set:
    """The countries of the places a sentence names."""
    return {c for c in (country_of(m, knowledge) for m in sent.mentions) if c}


def country_of(mention: Mention, knowledge: Knowledge) -> Optional[str]:
    """The country a place mention lies in (itself for a country); None for people and regions."""
    if mention.entity not in knowledge.places:
        return None
    for pid in [mention.entity, *place_ancestors(knowledge, mention.entity)]:
        if knowledge.places.get(pid, {}).get("kind") == "country":
            return pid
    return None


def _refine_measure(fig: Figure, cues: list[Cue], rounding: float, others: tuple = ()) -> Figure:
    """"a magnitude 6.8 quake", "بقوة 6.8", "۵.۹ ریشتر": a magnitude, good to its first decimal;
    "at a depth of 10 km", "на глубине 10 км": a depth, not a distance from a place."""
    kind = "magnitude" if fig.kind == "count" and fig.counted is None else "depth" if fig.kind == "distance" else None
    if kind is None or not any(c.kind == kind and (0 <= fig.start - c.end <= MEASURE_GAP or 0 <= c.start - fig.end <= MEASURE_GAP)
                               and not _figure_between(c, fig, others) for c in cues):
        return fig
    if kind == "depth":
        return replace(fig, counted="depth")
    if not isinstance(fig.value, (int, float)) or not 0 < fig.value < 10:
        return fig
    low, high = fig.value - rounding, fig.value + rounding
    if fig.hedge in ("more_than", "at_least"):
        high = fig.high
    elif fig.hedge in ("less_than", "at_most"):
        low = fig.low
    elif fig.hedge in ("about", "nearly"):
        low, high = fig.value - 2 * rounding, fig.value + 2 * rounding  # "about 6.8": the neighbours too
    return replace(fig, counted="magnitude", low=low, high=high)


def _leads_another(noun: Cue, fig: Figure, others: tuple) -> bool:
    """"26 people and the injured at 412": a noun after a figure that stands closer before the next count
    is that count's."""
    if noun.start < fig.end:
        return False
    return any(o.kind == "count" and o is not fig and o.counted not in TOLL_KINDS  # "tuées et 153 blessées": 153 has its own
               and 0 <= o.start - noun.end < noun.start - fig.end for o in others)


def _figure_between(cue: Cue, fig: Figure, others: tuple) -> bool:
    low, high = (cue.end, fig.start) if cue.end <= fig.start else (fig.end, cue.start)
    return any(o is not fig and low <= o.start and o.end <= high for o in others)


def _refine_counted(fig: Figure, clause: tuple, cues: list[Cue], others: tuple = ()) -> Figure:
    """"40 people were killed", "قتل 40 شخصا": the verb nearby says what the people count, unless
    another count stands between them ("killed 1,700 people and affected 33 million")."""
    if fig.counted not in (None, *HUMAN_COUNTS) or not _whole(fig.value):
        return fig  # 6.2 (a magnitude) counts no people
    if fig.counted is None and fig.unit in TOLL_KINDS | {"people"}:
        fig = replace(fig, counted=fig.unit)  # a dual noun: "قتيلان" is two killed, "شخصان" two people
        if fig.counted not in HUMAN_COUNTS:
            return fig
    kinds = ARRESTS if fig.counted == "attackers" else TOLL_KINDS  # "three gunmen killed 15": the 3 are no toll
    near = [c for c in cues if c.kind == "counted" and c.value in kinds and clause[0] <= c.start < clause[1]
            and (0 <= c.start - fig.end <= COUNTED_REACH or 0 <= fig.start - c.end <= TOLL_NOUN_REACH
                 or c.start < fig.start < c.end)  # "killing at least" holds the figure's hedge
            and not any(o.kind == "count" and o is not fig and min(c.end, fig.end) <= o.start < max(c.start, fig.start)
                        for o in others)
            and not _leads_another(c, fig, others)]
    if not near:
        return fig
    best = min(near, key=lambda c: min(abs(fig.start - c.end), abs(c.start - fig.end)))
    return replace(fig, counted=best.value)


def _summed(fig: Figure, cues: list[Cue], others: tuple) -> Figure:
    """"36 قتيلا وجريحا", "36 killed and wounded", "36 ölü ve yaralı": one number for two tolls, the dead
    and the wounded together, which is neither toll."""
    if fig.counted not in TOLL_KINDS:
        return fig
    for c in cues:
        if c.kind == "counted" and c.value in TOLL_KINDS and c.value != fig.counted \
                and 0 <= c.start - fig.end <= SUM_GAP and not any(  # "killed 36 and wounded 50": two tolls
                    o is not fig and o.kind == "count" and fig.end <= o.start <= c.end + SUM_GAP for o in others):
            return replace(fig, counted="casualties")
    return fig


def _words_between(text: str, a, b) -> int:
    low, high = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return sum(1 for w in text[low:high].split() if any(ch.isalnum() for ch in w)) if low <= high else 0  # quote marks are no words


def _scope(text: str, cues: list[Cue], clause: tuple, figs: tuple, mentions: tuple = ()) -> Optional[str]:
    """What narrows the figures to part of the event: a scope word of their clause ("the one-on-one
    lasted three hours", "a broader ceasefire of 30 days"), or, for a toll, a running total of a period
    ("311 have died since the monsoon began")."""
    if any(f.kind == "count" for f in figs) and \
            any(c.kind == "running_total" and clause[0] <= c.start < clause[1] for c in cues):
        return "running-total"
    if not any(f.kind in SCOPED_KINDS for f in figs):
        return None  # "a $3 billion fund for energy projects": the scope word describes, it narrows no event
    events = [c for c in cues if c.kind == "event"]
    # "an energy ceasefire", "lasted three hours behind closed doors": the scope word stands by its event
    # noun or its figure; the
    # "Energy" of "the Deputy Energy Minister" does not
    scopes = [c for c in cues if c.kind == "scope" and clause[0] <= c.start < clause[1]
              and not any(m.start <= c.start < m.end for m in mentions)
              and any(_words_between(text, c, e) <= SCOPE_WORDS for e in [*events, *figs])]
    return min(scopes, key=lambda c: min(abs(c.start - f.start) for f in figs)).value if scopes and figs else None


def _scope_told(text: str, sent: Sentence) -> Optional[str]:
    """The scope a sentence gives its event without measuring it ("the one-on-one of the two heads came
    first"): the next sentence's "it lasted 45 minutes" is of that part."""
    if any(f.kind in SCOPED_KINDS for f in sent.figures):
        return None
    events = [c for c in sent.cues if c.kind == "event"]
    scopes = [c for c in sent.cues if c.kind == "scope" and any(_words_between(text, c, e) <= SCOPE_WORDS for e in events)]
    return scopes[0].value if scopes else None


def _carried_scope(carried: Optional[str], sent: Sentence, figs: tuple) -> Optional[str]:
    """The last sentence's scope, for a figure of a sentence that names no event of its own ("она продолжалась")."""
    if carried is None or any(c.kind == "event" for c in sent.cues) or not any(f.kind in SCOPED_KINDS for f in figs):
        return None
    return carried


def _revision(cues: list[Cue], span: tuple, figs: tuple) -> Optional[str]:
    """How a toll stands in time, from the revision word of its sentence nearest its figures ("rose to";
    "killed three, the ministry said in an initial toll")."""
    found = [c for c in cues if c.kind == "revision" and span[0] <= c.start < span[1]]
    if not found or not figs:
        return None
    return min(found, key=lambda c: min(abs(c.start - f.end) for f in figs) if c.start >= figs[0].end
               else min(abs(f.start - c.end) for f in figs)).value


def _harm_told(sent: Sentence, where: Optional[str], knowledge: Knowledge) -> Optional[Event]:
    """The first event that claims victims a sentence names, placed in the sentence's countries: what a
    toll in the next sentences of the paragraph counts when their clause names no event."""
    harmful = set(knowledge.common.get("toll_events", []))
    cue = next((c for c in sent.cues if c.kind == "event" and c.value in harmful), None)
    if cue is None:
        return None
    places = sentence_countries(sent, knowledge) or ({where} if where else set())
    return Event(type=cue.value, participants=tuple(sorted(places)))


def _measures_main_event(fig: Figure, sent: Sentence, article: Optional[Event], knowledge: Knowledge,
                         published: Optional[str] = None) -> bool:
    """A figure whose sentence names no event measures the article's main event, when that event's class
    takes such a quantity (a toll for a bombing, a length for a call) and no other date places it elsewhere."""
    if article is None or any(c.kind == "event" and c.value not in NO_MEASURE for c in sent.cues) \
            or near_offset_word(fig, sent.cues):  # "said in a statement that 12 died": a statement measures nothing
        return False  # "within six months", "after an hour": a distance in time, not a length
    klass = event_class(article.type, knowledge)
    if quantity_of(fig) not in knowledge.common.get("main_event_measures", {}).get(klass, ()):
        return False
    return not any(f.kind == "date" and not _recent(f, published) for f in sent.figures)


def _recent(date: Figure, published: Optional[str]) -> bool:
    """"on Sunday", "yesterday", "earlier in the day", a day of the last week: the days around the report,
    not "in 2022" (another disaster)."""
    if date.precision in RECENT_PRECISIONS:
        return True
    day, report = dates.iso_span(date.value if date.precision == "day" else None), dates.iso_span(published)
    return bool(day and report) and 0 <= (report[0] - day[0]).days <= RECENT_DAYS


def event_class(event_type: str, knowledge: Knowledge) -> str:
    """The class an event type belongs to ("strike" -> "violent-incident"); a type in no class is its own."""
    classes = knowledge.cached(("event_classes",), lambda: {
        t: klass for klass, types in knowledge.common.get("event_classes", {}).items() for t in types})
    return classes.get(event_type, event_type)


def _headline_toll(fig: Figure, sent: Sentence, topic: Optional[Event], harmful: set) -> bool:
    """A toll in a sentence naming no event and no calendar date of its own ("on Sunday" is recent, "in
    2022" is another disaster), in an article about a disaster."""
    return (topic is not None and topic.type in harmful and fig.kind == "count" and fig.counted in TOLL_KINDS
            and not any(c.kind == "event" for c in sent.cues)
            and not any(f.kind == "date" and f.precision not in RECENT_PRECISIONS for f in sent.figures))


def _toll_parties(sent: Sentence, topic: Event, knowledge: Knowledge) -> tuple:
    """Where a toll of the headline's disaster falls: the countries of its sentence that the headline
    names ("in Afghanistan, 20 died" of floods in two countries), else the headline's own; a country
    the headline does not name ("a London-based monitor put the toll at 26") is not the disaster's."""
    here = sentence_countries(sent, knowledge)
    own = set(topic.participants)
    shared = {c for c in here if c in own or c in {entities.country_anchor(x, knowledge) for x in own}}
    return tuple(sorted(shared or own or here))


def _toll_event(fig: Figure, clause: tuple, sent: Sentence, harmful: set,
                consequent: set = frozenset()) -> tuple[Optional[Cue], bool]:
    """A toll counts the victims of the event its clause names before it, else of the sentence's
    first event: "A drone strike hit a depot, killing three and setting off a fire". Only events
    that claim victims count (a quake, a strike), never a meeting that discussed them."""
    events = [c for c in sent.cues if c.kind == "event" and c.value in harmful]
    causes = [c for c in events if c.value not in consequent]
    if causes and len(causes) < len(events):
        events = causes  # "the strike set off a fire that killed two": the strike's toll
    before = [c for c in events if clause[0] <= c.start and c.end <= fig.start]
    if before:
        return before[-1], True
    if not events:
        return None, False
    earlier = [c for c in events if c.end <= fig.start]
    if earlier:  # the nearest harmful event before the toll, with no other between them
        return earlier[-1], True
    return events[0], len({c.value for c in events}) == 1


def _cause_of(cue: Optional[Cue], fig: Figure, sent: Sentence, harmful: set, consequent: set) -> Optional[Cue]:
    """"A drone attack set fire to a refinery in Tuapse on Sunday": when and where the fire was is when and
    where its cause, named before it, was (how long the fire burned stays the fire's)."""
    if cue is None or cue.value not in consequent or fig.kind not in ("date", "place"):
        return cue
    causes = [c for c in sent.cues if c.kind == "event" and c.value in harmful and c.value not in consequent
              and c.end <= cue.start]
    return causes[-1] if causes else cue


def _whole(value) -> bool:
    return isinstance(value, (int, float)) and float(value).is_integer()


def _attach_figures(text: str, sent: Sentence, harmful: set, consequent: set = frozenset(),
                    places_lead: bool = False, rounding: float = 0.05, verb_final: bool = False) -> list[tuple]:
    """Each figure with the event cue it measures (or None), its clause, and whether the tie is loose.

    A figure is tied tightly to an event noun of its own clause, near it, or linked by "lasted"/"for".
    Looser ties, which can make a tension but never a contradiction: a toll and the sentence's event;
    a date alone in its clause and the event of the figure in the clause next to it; a figure and
    the only event a sentence names. A date next to a verb of saying dates the saying, not the event.
    """
    clauses = split_clauses(text, *sent.span) or [sent.span]
    placed = []
    for fig in sent.figures:
        index = next((i for i, c in enumerate(clauses) if c[0] <= fig.start < c[1]), None)
        clause = clauses[index] if index is not None else sent.span
        if fig.kind in ("count", "distance"):
            fig = _refine_measure(fig, sent.cues, rounding, tuple(sent.figures))
        if fig.kind == "count":
            fig = _summed(_refine_counted(fig, clause, sent.cues, tuple(sent.figures)), sent.cues, tuple(sent.figures))
        if fig.kind in ("date", "time") and (_dates_a_statement(fig, sent.cues, text) or _bounds_a_span(fig, sent.cues, places_lead)):
            placed.append([fig, None, clause, index, False])
            continue
        if fig.kind == "count" and fig.counted in TOLL_KINDS:
            cue, tight = _toll_event(fig, clause, sent, harmful, consequent)
        else:
            cue = event_cue_for(fig, sent.span, clause, sent.cues, tuple(sent.figures), places_lead, text)
            tight = cue is not None and _is_tight(fig, cue, clause, sent.cues)
            cue = _cause_of(cue, fig, sent, harmful, consequent)
        placed.append([fig, cue, clause, index, tight])
    for item in placed:
        fig, cue, clause, index, _ = item
        if fig.kind not in ("date", "time") or index is None or not _alone(fig, clause) \
                or _dates_a_statement(fig, sent.cues, text):
            continue
        if index == 0:
            # a date that opens the sentence dates the event its other figures measure
            item[1] = next((o[1] for o in placed if o[1] is not None and o[0] is not fig), cue)
            item[4] = item[1] is not None
        elif cue is None:
            item[1] = next((o[1] for o in placed if o[1] is not None and o[3] is not None
                            and abs(o[3] - index) == 1 and o[0].kind != "place"), None)
    for item in placed:
        if item[1] is None and item[0].kind in SOLE_EVENT_KINDS and _countable(item[0]) \
                and not (item[0].kind == "date" and _dates_a_statement(item[0], sent.cues, text)):
            item[1] = _sole_event(item[0], sent)
            item[4] = item[1] is not None and item[0].kind != "date"  # a loose date may date something else
        elif item[1] is None and verb_final and item[0].kind == "date" and not _dates_a_statement(item[0], sent.cues, text):
            # "روز چهارشنبه در عشق‌آباد ... دیدار کردند": a verb-final sentence's date dates its one event
            cue = _sole_event(item[0], sent)
            dates = tuple(f for f in sent.figures if f.kind == "date")
            if cue is not None and not _figure_between(cue, item[0], dates):  # "on Monday with X, on Tuesday with Y had a call"
                item[1], item[4] = cue, True
    for item in placed:  # "agreed on Thursday to set up a $5 billion fund, at a summit": the day of what its clause measures
        if item[1] is None and item[0].kind == "date" and item[3] is not None \
                and not _dates_a_statement(item[0], sent.cues, text) \
                and sum(1 for o in placed if o[0].kind == "date" and o[3] == item[3]) == 1:
            mate = next((o for o in placed if o[0] is not item[0] and o[3] == item[3] and o[1] is not None
                         and o[0].kind in SOLE_EVENT_KINDS and o[4]), None)
            if mate is not None:
                item[1], item[4] = mate[1], True
    return [(fig, cue, clause, tight) for fig, cue, clause, _, tight in placed]


def _is_tight(fig: Figure, cue: Cue, clause: tuple, cues: list[Cue]) -> bool:
    """Near its event noun, linked to it by "lasted"/"for", or alone with it in one clause."""
    linked = any(c.kind in ("lasted", "duration_marker") and cue.end <= c.start and c.end <= fig.start
                 for c in cues) or any(c.kind == "lasted" and cue.end <= fig.start and 0 <= c.start - fig.end <= 3
                                       for c in cues)  # "این دیدار ... کمتر از یک ساعت طول کشید"
    gap = fig.start - cue.end if cue.end <= fig.start else cue.start - fig.end
    in_clause = clause[0] <= cue.start < clause[1]
    only = in_clause and all(c is cue or c.kind != "event" or not clause[0] <= c.start < clause[1] for c in cues)
    return linked or (in_clause and (gap <= TIGHT_REACH or only))


def _one_event_type(sent: Sentence) -> bool:
    return len({c.value for c in sent.cues if c.kind == "event" and c.value not in NO_MEASURE}) == 1


def _dates_a_statement(fig: Figure, cues: list[Cue], text: str = "") -> bool:
    """"said on Wednesday", "قال ... يوم الأربعاء": the day of the saying. A comma between them
    ("held a call on Monday, his office said") leaves the day to the call."""
    for c in cues:
        if c.kind not in ("say", "report", "deny"):
            continue
        if 0 <= fig.start - c.end <= STATEMENT_REACH * 4 and _set_off(text, fig) and not any(
                k.kind in ("event", "complementizer") and c.end <= k.start < fig.start for k in cues):
            return True  # "أعلنت الوزارة، مساء الاثنين، مقتل 12": the day, between commas after the verb's subject
        if 0 <= fig.start - c.end <= STATEMENT_REACH:
            between = text[c.end:fig.start]
        elif 0 <= c.start - fig.end <= STATEMENT_REACH:
            between = text[fig.end:c.start]
        else:
            continue
        if not any(mark in between for mark in CLAUSE_MARKS) and \
                not any(k.kind in ("complementizer", "event") and min(c.end, fig.end) <= k.start < max(c.start, fig.start)
                        for k in cues):
            return True  # "said on Tuesday"; but "added that Trump on 18 March ...", "گفت این آتش‌بس از ساعت ۷:۳۰"
            #              date what was said
    return False


def _set_off(text: str, fig: Figure) -> bool:
    """A figure between two commas, as an aside: ", مساء الاثنين،"."""
    before, after = text[max(0, fig.start - 16):fig.start], text[fig.end:fig.end + 3].lstrip()
    comma = max(before.rfind(","), before.rfind("،"))
    same_line = "\n" not in before[max(comma, 0):]
    # one word may stand between the comma and the day ("، مساء الاثنين،": evening, Monday)
    return same_line and comma >= 0 and len(before[comma + 1:].split()) <= 1 and after[:1] in (",", "،")


def _bounds_a_span(fig: Figure, cues: list[Cue], after: bool = False) -> bool:
    """"since 24 February 2022", "until Wednesday", "Pazartesi'den beri": a bound, not the event's day. The
    bound word stands before the date, or after it in a language of postpositions (Turkish): "05:30 по
    местному времени" is no bound."""
    starts = any(c.kind == "start_verb" for c in cues)  # "takes effect from 06:00": the start, no bound
    return any((c.kind == "bound" or (c.kind == "start_bound" and not starts))
               and (0 <= c.start - fig.end <= 2 if after else 0 <= fig.start - c.end <= 2) for c in cues)


def _countable(fig: Figure) -> bool:
    return fig.kind != "count" or bool(fig.counted)


def _sole_event(fig: Figure, sent: Sentence) -> Optional[Cue]:
    """The sentence's one event, unless an "after"/"before" stands between it and the figure."""
    events = [c for c in sent.cues if c.kind == "event" and c.value not in NO_MEASURE]
    if not _one_event_type(sent):
        return None
    cue = min(events, key=lambda c: abs(c.start - fig.start))
    low, high = sorted((cue.end, fig.start)) if cue.end <= fig.start else sorted((fig.end, cue.start))
    if any(c.kind == "offset" and low <= c.start < high for c in sent.cues):
        return None
    return cue


def _alone(fig: Figure, clause: tuple) -> bool:
    return (clause[1] - clause[0]) - (fig.end - fig.start) <= ALONE_SLACK


def _event_date(fig: Figure, cue: Cue, attached: list) -> Optional[str]:
    """When the event happened: the figure itself for a date, else a date given for the same event,
    else a calendar date in the same sentence ("the truce of 19 January 2025 lasted 42 days": another
    truce than this year's)."""
    for other, other_cue, _, _ in [(fig, cue, None, None)] + attached:
        if other.kind == "date" and other_cue is cue and _is_calendar_date(other.value):
            return _at_precision(other)
    for other, _, _, _ in attached:
        if other.kind == "date" and _is_calendar_date(other.value) and other.precision in ("day", "month", "year"):
            return _at_precision(other)
    return None


def _at_precision(date: Figure) -> str:
    """A date as far as it is known: "two years ago" is a year, "last month" a month."""
    return date.value[:{"year": 4, "month": 7}.get(date.precision, len(date.value))]


def _date_ago(sent: Sentence, published: Optional[str]) -> Optional[str]:
    """"the quake two years ago that killed 86": the day, month or year a duration before "ago" counts back
    to from publication, at the precision the distance allows."""
    day = dates.iso_span(published)
    if day is None:
        return None
    for cue in sent.cues:
        if cue.kind == "last_year":
            return f"{day[0].year - 1:04d}"
        if cue.kind == "last_month":
            return (day[0].replace(day=1) - _dt.timedelta(days=1)).isoformat()[:7]
    for fig in sent.figures:
        if fig.kind == "duration" and isinstance(fig.value, (int, float)) and any(
                c.kind == "ago" and (0 <= fig.start - c.end <= 3 or 0 <= c.start - fig.end <= 3) for c in sent.cues):
            then = day[0] - _dt.timedelta(seconds=float(fig.value))
            if fig.value >= YEAR_SECONDS:
                return f"{then.year:04d}"
            return then.isoformat()[:7] if fig.value >= MONTH_SECONDS else then.isoformat()
    return None


def _is_calendar_date(value) -> bool:
    """A day, a month or a year of the calendar ("2025-03-18", "2022-02", "2011"), not "--03-18"."""
    return isinstance(value, str) and len(value) in (4, 7, 10) and value[:4].isdigit()


def _reports(cues: list[Cue]) -> bool:
    return any(c.kind in ("deny", "reported", "report") for c in cues)


def _topic_event(text: str, sent: Sentence, attribution: Attribution, main: Optional[Event]) -> Optional[Event]:
    cue = next((c for c in sent.cues if c.kind == "event" and c.value not in NO_MEASURE), None)
    if cue is None:
        return None
    ids = participants_for((cue.start, cue.end), cue.value, text, sent.span, sent.mentions, sent.cues,
                           attribution.speaker)
    if len(ids) < 2 and main is not None and main.type == cue.value and set(ids) <= set(main.participants):
        ids = main.participants
    return Event(type=cue.value, participants=ids)


def _is_subset(fig: Figure, cues: list[Cue]) -> bool:
    """"including a child", "بينهم طفل": a count inside a larger toll; "up from $6 billion": an earlier
    value the claim is measured against. Neither is the claim."""
    if any(0 <= fig.start - c.end <= SUBSET_REACH and
           (c.kind == "baseline" or (c.kind == "subset" and fig.kind == "count")) for c in cues):
        return True
    return fig.kind == "count" and _part_of_toll(fig, cues)


def _part_of_toll(fig: Figure, cues: list[Cue]) -> bool:
    """"nine of the wounded", "۹ نفر از مجروحان", "15 of the victims": a part of a toll named right after."""
    for c in cues:
        if c.kind == "subset_after" and 0 <= c.start - fig.end <= PARTITIVE_GAP:
            return True
        if c.kind == "partitive" and 0 <= c.start - fig.end <= PARTITIVE_GAP:
            return any(k.kind == "counted" and k.value in TOLL_KINDS and 0 <= k.start - c.end <= PARTITIVE_GAP
                       for k in cues)
    return False


def _slot(event: Optional[Event], fig: Figure) -> Optional[Slot]:
    if event is None or (fig.kind == "count" and fig.counted in (None, "people")):
        return None  # "4 people" of nobody knows what (killed? rescued?) is no figure to compare
    return Slot(event.type, quantity_of(fig))


def quantity_of(fig: Figure) -> str:
    """What a figure measures, whatever event it belongs to: "duration", "count:killed"."""
    if fig.kind == "distance" and fig.counted == "depth":
        return "depth"
    return f"count:{fig.counted or 'n'}" if fig.kind == "count" else fig.kind


def _quote_span(text: str, members: list) -> tuple[int, int]:
    """From the event noun before the first figure (if near) to the end of the last figure."""
    start = min(f.start for f, _, _ in members)
    end = max(f.end for f, _, _ in members)
    for fig, cue, clause in members:
        if cue is not None and cue.end <= fig.start and fig.start - cue.end <= QUOTE_REACH \
                and cue.start >= clause[0]:
            start = min(start, cue.start)
    return start, end


def _kind_of(speaker: Optional[Speaker], knowledge: Knowledge) -> Optional[str]:
    if speaker is None:
        return None
    return knowledge.entities.get(speaker.id, {}).get("kind", "person")


def _claim(doc: Document, n: int, sent: Sentence, start: int, end: int, attribution: Attribution,
           stance: str, figs: tuple, event: Optional[Event], slot: Optional[Slot], loose: bool = False) -> Claim:
    unknown = {m.entity: m.name for m in sent.mentions if m.via in ("skeleton", "role")}
    names = tuple(sorted((i, unknown[i]) for i in {*(event.participants if event else ()),
                                                    *((attribution.speaker.id,) if attribution.speaker else ())}
                         if i in unknown))
    return Claim(id=f"{doc.id}#{n}", source=doc.id, language=doc.language or "und", published=doc.published, published_time=doc.published_time, names=names,
                 text=doc.text[sent.span[0]:sent.span[1]], quote=doc.text[start:end], start=start, end=end,
                 speaker=attribution.speaker, stance=stance, figures=figs, event=event, slot=slot, loose=loose)


def headline_event(sentences: list[Sentence], where: Optional[str], knowledge: Knowledge) -> Optional[Event]:
    """What the headline and lead are about: the most named event type of the first sentences."""
    counts: dict = {}
    for sent in sentences[:HEADLINE_SENTENCES]:
        for cue in sent.cues:
            if cue.kind == "event" and cue.value not in NO_MEASURE:
                counts[cue.value] = counts.get(cue.value, 0) + 1
    if not counts:
        return None
    consequent = set(knowledge.common.get("consequent_events", ()))
    kind = max(counts, key=lambda k: (counts[k], k not in consequent, k))  # an attack that set a fire: the attack
    return Event(type=kind, participants=(where,) if where and kind not in UNLOCATED_EVENTS else ())


def _link_denials(claims: list[Claim], sentences: list[Sentence], topic: Optional[Event],
                  main: Optional[Event] = None) -> list[Claim]:
    """A denial with no figure of its own denies the report just before it ("these reports");
    with none before it, it denies what the article is about."""
    starts = [s.span[0] for s in sentences]
    out = list(claims)
    for i, claim in enumerate(claims):
        if claim.stance != "denied" or claim.figures:
            continue
        here = _sentence_index(claim, starts)
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if here - _sentence_index(prev, starts) > DENIAL_REACH:
                break  # claims come in text order: nothing further back is near enough
            if prev.stance == "reported" \
                    and (prev.speaker is None or claim.speaker is None or prev.speaker.id != claim.speaker.id):
                # the article's main event names the parties when the headline's topic does not
                known = main if main is not None and (topic is None or main.type == topic.type) else topic
                event = claim.event or prev.event or known
                out[i] = replace(claim, topic=prev.id, event=event)
                break
        else:
            if claim.event is None and topic is not None and _headline_denies(sentences):
                out[i] = replace(claim, event=topic)  # "X is not a drone attack": the article's denial
    return out


def _headline_denies(sentences: list[Sentence]) -> bool:
    """The headline itself denies or negates: the article's denials are about its topic."""
    return any(c.kind in ("deny", "negation") for s in sentences[:1] for c in s.cues)


def _sentence_index(claim: Claim, starts: list[int]) -> int:
    return max(0, bisect_left(starts, claim.start + 1) - 1)
