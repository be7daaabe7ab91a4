"""Sentences and clauses: spans of the article body, split on Arabic, Persian and Latin punctuation.

A full stop between digits (1.5), after a single capital (J. D. Vance) or inside a short
abbreviation (U.S.) does not end a sentence. Quotation marks do not split; lines always do.
"""
from __future__ import annotations

import re

# ., !, ?, the Arabic question mark, the Urdu full stop, the ellipsis; then closing quotes/brackets
_END = re.compile(r"[.!?؟۔…]+[\"'”’»)\]]*(?=\s|$)")
_CLAUSE = re.compile(r"[,،;؛:]\s|\s[-–—]\s")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-ZА-Я]|[A-Z][a-z]{1,3}|[A-Z](?:\.[A-Z])+|[a-z](?:\.[a-z])+)$")  # U.S., p.m.


def split_sentences(text: str, body: tuple) -> list[tuple[int, int]]:
    """Sentence spans inside the body spans of `text`, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in body:
        for line_start, line_end in _lines(text, start, end):
            spans.extend(_split_line(text, line_start, line_end))
    return spans


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _END.finditer(text, start, end):
        if _is_abbreviation(text, pos, m.start()):
            continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    return [t for t in (_trim(text, s, e) for s, e in out) if t[1] > t[0]]


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    before = text[max(start, dot - 12):dot]
    return bool(_ABBREVIATION.search(before))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of one sentence: split on commas, semicolons, colons and dashes."""
    out = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() > pos:
            out.append(_trim(text, pos, m.start()))
        pos = m.end()
    out.append(_trim(text, pos, end))
    return [s for s in out if s[1] > s[0]]
