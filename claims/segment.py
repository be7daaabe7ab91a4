"""Sentences and clauses: spans of the article body, split on Arabic, Persian and Latin punctuation.

A full stop between digits (1.5), after a single capital (J. D. Vance) or inside a short
abbreviation (U.S.) does not end a sentence, nor does the dot of a dotted day before its month
("16. Nov. 2016", "2. أكتوبر", "16. نوفمبر. 2016"). Quotation marks do not split; lines always do.
"""
from __future__ import annotations

import re

# ., !, ?, the Arabic question mark, the Urdu full stop, the ellipsis; then closing quotes/brackets
_END = re.compile(r"[.!?؟۔…]+[\"'”’»)\]]*(?=\s|$)")
_CLAUSE = re.compile(r"[,،;؛:]\s|\s[-–—]\s")
# a dotted day: one or two digits, its dot, then one word and a year or the end of the line
_DAY_BEFORE = re.compile(r"(?:^|[\s(])\d{1,2}$")
_MONTH_AFTER = re.compile(r"\s{1,3}[^\W\d_]{2,}(?:\.?\s{1,3}\d{4}(?!\d)|[.!?؟…]+(?=\s|$)|\s*$)")
# the dot after the month of a dotted day, before its year ("16. نوفمبر. 2016")
_DAY_MONTH_BEFORE = re.compile(r"(?:^|[\s(])\d{1,2}\.\s{1,3}[^\W\d_]{2,}$")
_YEAR_AFTER = re.compile(r"\s{1,3}\d{4}(?!\d)")
# nothing but a day's number after the dot, to the end of the line: no sentence of its own ("October. 2.")
_DAY_REST = re.compile(r"\s{1,3}\d{1,2}(?!\d)[.!?؟…]*\s*$")
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
        if _is_abbreviation(text, pos, m.start()) or _in_dotted_date(text, pos, m.start(), end):
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


def _in_dotted_date(text: str, start: int, dot: int, end: int) -> bool:
    """The dot of "16. Nov. 2016", "2. أكتوبر" or "October. 2.": a day's dot, its month's dot before the
    year, or a dot with only a day's number after it on the line."""
    if text[dot] != ".":
        return False
    before = text[max(start, dot - 40):dot]
    if _DAY_BEFORE.search(before):
        return _MONTH_AFTER.match(text, dot + 1, end) is not None
    if _DAY_REST.match(text, dot + 1, end):
        return True
    return bool(_DAY_MONTH_BEFORE.search(before)) and _YEAR_AFTER.match(text, dot + 1, end) is not None


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
