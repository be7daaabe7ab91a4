"""Cue words in an article: verbs of saying and denial, stance markers, event nouns, scopes,
"with"/"between", measuring verbs and offsets. All of them come from the language's lexicon.

A cue is found on the folded view, as a whole word, with the glued prefixes and suffixes the
lexicon's `morphology` section allows (Arabic proclitics and article, Persian plural and ezafe
endings), and with the construct form of a noun before a suffix (Arabic ة -> ت).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Knowledge, section
from .normalize import Folded, fold
from .patterns import phrase_regex

# lexicon path -> cue kind; a mapping section gives (kind, key) for each of its keys
FLAT = {
    ("attribution", "say"): "say",
    ("attribution", "deny"): "deny",
    ("attribution", "according_to"): "according_to",
    ("attribution", "report"): "report",
    ("attribution", "continuation"): "continuation",
    ("attribution", "object_markers"): "object_marker",
    ("attribution", "complementizers"): "complementizer",
    ("stance", "negation"): "negation",
    ("stance", "possible"): "possible",
    ("stance", "reported"): "reported",
    ("participants", "counterpart"): "counterpart",
    ("participants", "between"): "between",
    ("participants", "with"): "with",
    ("participants", "from"): "from",
    ("participants", "demonstratives"): "demonstrative",
    ("participants", "distal_demonstratives"): "distal",
    ("measure", "lasted"): "lasted",
    ("measure", "duration_markers"): "duration_marker",
    ("measure", "subset_markers"): "subset",
    ("measure", "last_year"): "last_year",
    ("measure", "last_month"): "last_month",
    ("measure", "magnitude_markers"): "magnitude",
    ("measure", "depth_markers"): "depth",
    ("measure", "ago_markers"): "ago",
    ("measure", "partitive_markers"): "partitive",
    ("measure", "subset_after"): "subset_after",
    ("measure", "baseline_markers"): "baseline",
    ("measure", "running_total"): "running_total",
    ("offset_markers",): "offset",
    ("locative",): "locative",
    ("dates", "bounds"): "bound",
    ("dates", "start_bounds"): "start_bound",
    ("dates", "start_verbs"): "start_verb",
    ("dates", "future"): "future",
}
KEYED = {("events",): "event", ("scopes",): "scope", ("count_nouns",): "counted",
         ("revisions",): "revision"}  # nouns: take suffixes


@dataclass(frozen=True)
class Cue:
    kind: str  # say, deny, according_to, report, continuation, negation, possible, reported,
    #            event, scope, counterpart, between, with, lasted, duration_marker, offset, locative
    value: str  # the event type or scope id; else the same as kind
    start: int  # offsets in the original text
    end: int


def find_cues(folded: Folded, language: str | None, knowledge: Knowledge) -> list[Cue]:
    """Every cue of the language's lexicon in the text, in text order, longest match first."""
    matcher = knowledge.cached(("cues", language),
                               lambda: _build_matcher(knowledge.language(language), knowledge.common))
    if matcher is None:
        return []
    pattern, table = matcher
    cues = []
    for m in pattern.finditer(folded.view):
        start, end = folded.to_original(m.start(), m.end())
        for kind, value in table.get(m.group("noun") or m.group("word"), ()):
            cues.append(Cue(kind, value, start, end))
    return cues


def resolve_stand_ins(cues: list[Cue], knowledge: Knowledge) -> list[Cue]:
    """Event words that stand for another type ("görüştü", "talked": a conversation) take the first type
    of their list that the article names ("telefonda görüştü" earlier: the call), else the last."""
    stand_ins = knowledge.common.get("event_stand_ins", {})
    if not stand_ins or not any(c.kind == "event" and c.value in stand_ins for c in cues):
        return cues
    chosen = {}
    for kind, options in stand_ins.items():
        named = next((c.value for c in cues if c.kind == "event" and c.value in options), None)
        chosen[kind] = named or options[-1]
    return [Cue(c.kind, chosen[c.value], c.start, c.end) if c.kind == "event" and c.value in chosen else c
            for c in cues]


def _build_matcher(lex: dict, common: dict):
    same = common.get("event_equivalents", {})
    table: dict[str, list] = {}
    nouns: set = set()
    morph = section(lex, "morphology")
    suffixes = [fold(s) for s in morph.get("suffixes", [])]
    construct = {fold(k): fold(v) for k, v in morph.get("construct", {}).items()}
    heads = [fold(s) for s in morph.get("head_endings", []) if fold(s)]
    after = section(lex, "participants").get("order") == "after"
    event_after = section(lex, "participants").get("event_position") == "after"
    for path, kind in FLAT.items():
        value = kind
        if after and kind in ("with", "between"):
            kind = value = f"{kind}_after"  # a postposition: its names stand before it
        if event_after and kind in ("with", "between", "with_after", "between_after"):
            value = "event_after"  # "با پوتین گفتگو کرد": the event noun follows the names
        if after and kind == "according_to":
            value = "after"  # "AFAD'ın açıklamasına göre": the source stands before it
        for phrase in section(lex, *path) or []:
            _add(table, fold(phrase), (kind, value))
    for path, kind in KEYED.items():
        for key, phrases in (section(lex, *path) or {}).items():
            for phrase in phrases:
                value = same.get(key, key) if kind == "event" else key
                for form in _noun_forms(fold(phrase), suffixes, construct, heads):
                    _add(table, form, (kind, value))
                    nouns.add(form)
    if not table:
        return None
    prefix = phrase_regex([fold(p) for p in morph.get("proclitics", [])])
    article = phrase_regex([fold(p) for p in morph.get("article", [])])
    pre = ""
    if morph.get("proclitics") or morph.get("article"):
        parts = []
        if morph.get("proclitics"):
            parts.append(f"(?:{prefix}){{0,2}}")
        if morph.get("article"):
            parts.append(f"(?:{article})?")
        pre = "".join(parts)
    suf = f"(?:{phrase_regex(suffixes)}){{0,2}}" if suffixes else ""  # endings stack: depremin-de
    words = sorted(p for p in table if p not in nouns)
    core = f"(?P<noun>{phrase_regex(sorted(nouns))}){suf}|(?P<word>{phrase_regex(words)})"
    return re.compile(rf"(?<!\w){pre}(?:{core})(?!\w)"), table


def _noun_forms(phrase: str, suffixes: list, construct: dict, heads: list = ()) -> list[str]:
    """A noun and its construct forms before a suffix (مکالمه -> مکالمته, when ه -> ت); in a phrase of
    several words, its first word with each head ending (گفتگویی تلفنی, اتصالا هاتفیا)."""
    forms = [phrase]
    last = phrase[-1:]
    if last in construct and " " not in phrase:
        stem = phrase[:-1] + construct[last]
        forms.extend(stem + s for s in suffixes if s)
    head, space, rest = phrase.partition(" ")
    if space:
        forms.extend(f"{head}{ending} {rest}" for ending in heads)
    return forms


def _add(table: dict, phrase: str, entry: tuple) -> None:
    if phrase and entry not in table.setdefault(phrase, []):
        table[phrase].append(entry)
