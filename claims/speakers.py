"""Who says it, and how: the speaker of a sentence and the stance of a claim.

The speaker is the entity that goes with a verb of saying, denial or reporting ("X said",
"قال X", "X گفت"), the object of "according to", the name before a colon, or, for a pronoun or a
bare verb ("وی", "وأضاف", "she added"), the last speaker of the article. Names inside a quotation
are never its speaker. No speaker means the outlet states it itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .cues import Cue
from .model import Mention, Speaker

SPEAKING_KINDS = {"person", "government", "organization", "agency", "outlet", "military", "party",
                  "company", "institution", "ministry", "body", "role"}
VERB_KINDS = ("say", "deny", "report")
QUOTED = re.compile(r"«[^»\n]{0,3000}»|“[^”\n]{0,3000}”|„[^“”\n]{0,3000}[“”]|\"[^\"\n]{0,3000}\"")
NEAR_AFTER = 45  # how far after a verb its subject may stand ("قال السكرتير الصحفي X")
NEAR_ACCORDING = 60


@dataclass(frozen=True)
class Attribution:
    """The speaker of one sentence and the cue that names them."""

    speaker: Optional[Speaker]
    cue: Optional[Cue]
    continued: bool = False  # taken from an earlier sentence (pronoun or bare verb)


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotations inside a sentence, in every quote style."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text, start, end)]


def _inside(pos: int, spans) -> bool:
    return any(s < pos < e for s, e in spans)


def _speaking(mentions, quotes, objects) -> list[Mention]:
    return [m for m in mentions if m.kind in SPEAKING_KINDS and not _inside(m.start, quotes)
            and m.start not in objects]


def attribute(text: str, span: tuple[int, int], cues: list[Cue], mentions: list[Mention],
              objects: set, last: Optional[Speaker]) -> Attribution:
    """Find the speaker of the sentence at `span`; `objects` are starts of mentions after "with"."""
    quotes = quoted_spans(text, *span)
    marked = {m.start for m in mentions for c in cues if c.kind == "object_marker" and 0 <= c.start - m.end <= 2}
    candidates = _speaking(mentions, quotes, objects | marked)
    for cue in cues:
        if cue.kind == "according_to" and not _inside(cue.start, quotes):
            if cue.value == "after":  # a postposition: "Cumhurbaşkanlığı kaynaklarından edinilen bilgiye göre"
                before = [m for m in candidates if 0 <= cue.start - m.end <= NEAR_ACCORDING and m.start >= span[0]]
                if before:
                    return Attribution(_speaker(before[-1]), cue)
                continue
            after = [m for m in candidates if 0 <= m.start - cue.end <= NEAR_ACCORDING]
            if after:
                return Attribution(_speaker(after[0]), cue)
    for cue in cues:
        if cue.kind in VERB_KINDS and not _inside(cue.start, quotes):
            found = _subject_of(cue, candidates)
            if found:
                return Attribution(_speaker(found), cue)
            if last is not None:
                return Attribution(last, cue, continued=True)
    colon = _colon_speaker(text, span, candidates)
    if colon:
        return Attribution(_speaker(colon), None)
    for cue in cues:
        if cue.kind == "continuation" and last is not None and cue.start - span[0] <= 12:
            return Attribution(last, cue, continued=True)
    return Attribution(None, None)


def _subject_of(verb: Cue, candidates: list[Mention]) -> Optional[Mention]:
    before = [m for m in candidates if m.end <= verb.start]
    if before:
        return before[-1]
    after = [m for m in candidates if 0 <= m.start - verb.end <= NEAR_AFTER]
    return after[0] if after else None


def _colon_speaker(text: str, span, candidates) -> Optional[Mention]:
    """"X: ..." at the start of a sentence (a headline or a quoted statement)."""
    colon = text.find(":", span[0], min(span[1], span[0] + 80))
    if colon < 0:
        return None
    first = [m for m in candidates if m.end <= colon and text[m.end:colon].strip(" ،,") == ""]
    return first[-1] if first else None


def _speaker(m: Mention) -> Speaker:
    return Speaker(id=m.entity, name=m.name, text=m.text)


def stance_of(cues: list[Cue], clause: tuple[int, int], attribution: Attribution,
              speaker_kind: Optional[str], text: str) -> str:
    """asserted, negated, denied, possible or reported, from the cues of the sentence and clause."""
    kinds = {c.kind for c in cues}
    quotes = quoted_spans(text, clause[0], clause[1])
    denials = [c for c in cues if c.kind == "deny" and clause[0] <= c.start < clause[1]]
    if denials and not _negated_verb(denials + [c for c in cues if c.kind == "negation"], "deny"):
        return "denied"  # a denial covers its own clause: "denied any link to the blast, which killed 8"
    if any(c.kind == "possible" and clause[0] <= c.start < clause[1] for c in cues):
        return "possible"
    if "reported" in kinds or (attribution.cue is not None and attribution.cue.kind == "report"
                               and speaker_kind in (None, "outlet", "agency")):
        return "reported"
    if any(c.kind == "negation" and clause[0] <= c.start < clause[1] and not _inside(c.start, quotes)
           for c in cues):
        return "negated"
    return "asserted"


def _negated_verb(cues: list[Cue], kind: str) -> bool:
    """A negation right before the verb ("did not deny", "لم ينف")."""
    verbs = [c for c in cues if c.kind == kind]
    negs = [c for c in cues if c.kind == "negation"]
    return all(any(0 <= v.start - n.end <= 12 for n in negs) for v in verbs)
