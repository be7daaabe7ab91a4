"""Which lines of a page are article body and which are page furniture, with offsets into the text.

General rules, the same for every outlet and language: a line is furniture by its shape (a scraper
mark, a bare number, a reading-time label, a hashtag list, a "|" menu, a date alone, a photo credit)
or by the phrases web pages use for notices (comments, newsletters, cookies, copyright). Headings
("Related", "Most read", "Tags") take the list under them along. After the last real paragraph,
short unpunctuated lines and runs of headline-like lines are the page's sidebar, not the article.
The phrases live in the lexicons' `furniture` and `metadata` sections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Knowledge, section
from .metadata import outlet_index, parse_date
from .model import Dropped
from .normalize import fold

TOKEN = re.compile(r"\d+|©|[a-z\u00c0-\u024f\u1e00-\u1eff]+|[\u0400-\u052f]+"
                   r"|[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+|[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?؟।。…»\"”)\]'’]\s*$")
SCRAPER_MARK = re.compile(r"^\[/?[a-z][a-z0-9_ =-]{0,30}\]$")
BARE_NUMBER = re.compile(r"^[\d\s.,:/#()+-]{1,30}$")
HASHTAG = re.compile(r"^#[^\W\d_]")
MENU_SEPARATORS = re.compile(r"\s[|•·»]\s|\s\|\s?|\s?\|\s")
PHOTO_MARK = r"(?:^|[/|\-–—(]\s{0,3})(?:{alts})(?:\s|$|:)|(?:{alts})\s{0,3}:"

NOTICES = ("cookies", "copyright", "site", "comments", "newsletter", "subscription", "share")
STRONG = ("cookies", "copyright", "site")  # one word of these is enough ("©", "cookies")
HEADINGS = ("related", "comments", "tags")
NOTICE_TOKENS = 40  # longer lines are paragraphs that happen to use a notice word
SHORT_TOKENS = 12
LABEL_TOKENS = 5
READING_TOKENS = 10
CAPTION_TOKENS = 30
LIST_LINE_CHARS = 300
REPEATED = 3


@dataclass
class Line:
    """One non-blank line: its trimmed span, its folded tokens, and what it was found to be."""

    start: int
    end: int
    text: str
    tokens: list
    blank_before: bool
    reason: str | None = None

    @property
    def joined(self) -> str:
        return " ".join(self.tokens)

    @property
    def punctuated(self) -> bool:
        return bool(SENTENCE_END.search(self.text))


def find_body(text: str, lexicon: dict, knowledge: Knowledge) -> tuple[tuple, tuple]:
    """Split `text` into body spans (start, end) and Dropped furniture, both in text order."""
    lines = split_lines(text)
    phrases = furniture_phrases(lexicon, knowledge)
    language = lexicon.get("language") if isinstance(lexicon, dict) else None
    for line in lines:
        line.reason = classify_line(line, phrases, language, knowledge)
    mark_repeats(lines)
    mark_under_headings(lines, phrases)
    mark_source_lines(lines, phrases)
    mark_tail(lines)
    body = tuple((ln.start, ln.end) for ln in lines if ln.reason is None)
    dropped = tuple(Dropped(ln.start, ln.end, ln.reason) for ln in lines if ln.reason)
    return body, dropped


def split_lines(text: str) -> list[Line]:
    """Every non-blank line, trimmed of surrounding spaces, with its offsets and tokens."""
    lines, pos, blank = [], 0, True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, tokens(stripped), blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def tokens(text: str) -> list[str]:
    """Folded word tokens; a word glued across scripts ("iconدقائق") is two tokens."""
    return TOKEN.findall(fold(text))


def classify_line(line: Line, phrases: dict, language: str | None, knowledge: Knowledge) -> str | None:
    """What one line is by itself, or None when nothing marks it as furniture."""
    view = fold(line.text)
    n = len(line.tokens)
    if SCRAPER_MARK.match(view):
        return "scraper_mark"
    if BARE_NUMBER.match(view) and any(ch.isdigit() for ch in view):
        return "number"
    if HASHTAG.match(view) and n <= LABEL_TOKENS + 1:
        return "tags"
    if is_reading_time(line, phrases):
        return "reading_time"
    if len(MENU_SEPARATORS.findall(line.text)) >= 2 and _short_segments(line.text):
        return "navigation"
    if n <= SHORT_TOKENS and not line.punctuated and parse_date(line.text, language, knowledge, every_locale=False):
        return "dateline"
    if n <= CAPTION_TOKENS and not line.text.endswith((".", "؟", "?", "!")) and phrases["photo"].search(view):
        return "photo"
    if n and line.joined in phrases["section_set"]:
        return "section"
    if n <= LABEL_TOKENS and outlet_index(knowledge).get(fold(line.text.strip(" :|-–—«»\"'()"))):
        return "credit"
    return notice_reason(line, phrases)


def is_reading_time(line: Line, phrases: dict) -> bool:
    """A number, a minute word and a read word, in any order, on a short line ("5 min read")."""
    if not line.tokens or len(line.tokens) > READING_TOKENS or line.text.endswith((".", "!", "?", "؟")):
        return False
    words = set(line.tokens)
    return (any(t.isdigit() for t in words) and bool(words & phrases["minute_words"])
            and bool(words & phrases["read_words"]))


def notice_reason(line: Line, phrases: dict) -> str | None:
    """The notice a line gives (cookies, comments, newsletter...), or a heading it is."""
    n = len(line.tokens)
    joined = f" {line.joined} "
    for reason in HEADINGS + NOTICES + ("navigation",):
        if heading_match(line, phrases["heading"].get(reason)):
            return reason
    for reason in NOTICES:
        pattern = phrases["strong" if reason in STRONG else "multi"].get(reason)
        limit = 2 * NOTICE_TOKENS if reason in STRONG else NOTICE_TOKENS  # cookie notices run long
        if n <= limit and pattern and pattern.search(joined):
            return reason
    if n <= SHORT_TOKENS // 2 and phrases["multi"].get("related") and phrases["multi"]["related"].search(joined):
        return "related"
    return None


def heading_match(line: Line, pattern) -> bool:
    """The line is a heading phrase, perhaps with a word or two after it ("Most read today")."""
    if pattern is None or line.punctuated and not line.text.endswith(":"):
        return False
    m = pattern.match(line.joined)
    if not m:
        return False
    extra = len(line.joined[m.end():].split())
    return extra == 0 or (extra <= 2 and " " in m.group())  # a single word must stand alone


def mark_repeats(lines: list[Line]) -> None:
    """Later copies of a line (a title printed twice), and short labels repeated down the page."""
    seen: dict = {}
    for line in lines:
        key = line.joined
        if not key:
            continue
        seen[key] = seen.get(key, 0) + 1
        if line.reason is None and seen[key] > 1:
            line.reason = "duplicate"
    for line in lines:
        if line.reason is None and len(line.tokens) <= 3 and seen.get(line.joined, 0) >= REPEATED:
            line.reason = "section"


def mark_under_headings(lines: list[Line], phrases: dict) -> None:
    """A "Related"/"Tags"/"Comments" heading takes the block of lines right under it."""
    for i, line in enumerate(lines):
        if line.reason not in HEADINGS or not heading_match(line, phrases["heading"].get(line.reason)):
            continue
        limit = SHORT_TOKENS if line.reason == "tags" else None
        for j in range(i + 1, len(lines)):
            below = lines[j]
            if j > i + 1 and below.blank_before:
                break
            if len(below.text) > LIST_LINE_CHARS or (limit and len(below.tokens) > limit):
                break
            below.reason = below.reason or line.reason


def mark_source_lines(lines: list[Line], phrases: dict) -> None:
    """"Source: X" lines; a bare "Source:" takes the short name on the next line."""
    pattern = phrases["source_label"]
    if pattern is None:
        return
    for i, line in enumerate(lines):
        m = pattern.match(line.joined)
        if not m or line.reason not in (None, "duplicate"):
            continue
        rest = line.joined[m.end():].split()
        labelled = phrases["source_colon"] is not None and phrases["source_colon"].match(fold(line.text))
        if not (labelled and len(rest) <= 2 * LABEL_TOKENS) and not (len(rest) <= 3 and not line.punctuated):
            continue
        line.reason = "source"
        if not rest and i + 1 < len(lines) and len(lines[i + 1].tokens) <= LABEL_TOKENS:
            nxt = lines[i + 1]
            nxt.reason = nxt.reason or "source"


def mark_tail(lines: list[Line]) -> None:
    """After the last real paragraph: short unpunctuated lines and runs of headlines are the sidebar."""
    last = max((i for i, ln in enumerate(lines) if ln.reason is None and _is_paragraph(ln)), default=None)
    if last is None:
        return
    tail = lines[last + 1:]
    for line in tail:
        if line.reason is None and len(line.tokens) <= SHORT_TOKENS and not line.punctuated:
            line.reason = "tail"
    for run in _runs(tail):
        if len(run) >= REPEATED:
            for line in run:
                line.reason = line.reason or "related"


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Blocks of consecutive kept lines with no blank line or dropped line between them."""
    runs: list = []
    previous_kept = False
    for line in lines:
        kept = line.reason is None
        if kept and previous_kept and not line.blank_before:
            runs[-1].append(line)
        elif kept:
            runs.append([line])
        previous_kept = kept
    return runs


def _is_paragraph(line: Line) -> bool:
    n = len(line.tokens)
    return (n >= SHORT_TOKENS and line.punctuated) or n >= 2 * SHORT_TOKENS


def _short_segments(text: str) -> bool:
    parts = [p for p in re.split(r"[|•·»]", text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= LABEL_TOKENS for p in parts)


def furniture_phrases(lexicon: dict, knowledge: Knowledge) -> dict:
    """The furniture phrases of every language, compiled once per run."""
    key = ("clean.phrases", lexicon.get("language") if isinstance(lexicon, dict) else None)
    return knowledge.cached(key, lambda: _compile_phrases(lexicon, knowledge))


def _compile_phrases(lexicon: dict, knowledge: Knowledge) -> dict:
    lexicons = [lexicon] + [knowledge.language(code) for code in knowledge.languages]
    by_reason: dict = {}
    for lex in lexicons:
        for reason, forms in (section(lex, "furniture") or {}).items():
            by_reason.setdefault(reason, set()).update(" ".join(tokens(f)) for f in forms)
    for reason in by_reason:
        by_reason[reason].discard("")
    labels = {" ".join(tokens(f)) for lex in lexicons for f in section(lex, "metadata", "source_label")} - {""}
    folded_labels = {fold(f).rstrip(":").strip() for lex in lexicons for f in section(lex, "metadata", "source_label")}
    return {
        "heading": {r: _alternation(by_reason.get(r), r"^(?:{})(?!\S)") for r in HEADINGS + NOTICES + ("navigation",)},
        "strong": {r: _alternation(by_reason.get(r), r"(?<!\S)(?:{})(?!\S)") for r in STRONG},
        "multi": {r: _alternation({p for p in by_reason.get(r, ()) if " " in p}, r"(?<!\S)(?:{})(?!\S)")
                  for r in NOTICES + ("related",)},
        "photo": _photo_pattern(by_reason.get("photo", set())),
        "section_set": frozenset(by_reason.get("section", ())),
        "read_words": frozenset(p for p in by_reason.get("reading_time", ()) if " " not in p),
        "minute_words": frozenset(p for p in by_reason.get("reading_minutes", ()) if " " not in p),
        "source_label": _alternation(labels, r"^(?:{})(?!\S)"),
        "source_colon": _alternation(folded_labels - {""}, r"^\s*(?:{})\s*[:：]"),
    }


def _alternation(phrases, template: str):
    if not phrases:
        return None
    ordered = sorted(phrases, key=lambda p: (-len(p), p))  # longest first: "read more" before "read"
    return re.compile(template.format("|".join(re.escape(p) for p in ordered)))


def _photo_pattern(phrases: set):
    if not phrases:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
    return re.compile(PHOTO_MARK.replace("{alts}", rf"(?<!\w)(?:{alts})(?!\w)"))
