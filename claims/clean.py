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
# a numeric date closed by a full stop is a sentence ("2/29/2020."), not a number left on the page
NUMERIC_DATE_SENTENCE = re.compile(r"^\d{1,4}([/-])\d{1,2}(?:\1\d{2,4})?\.$")
HASHTAG = re.compile(r"^#[^\W\d_]")
CREDIT_LINE = re.compile(r"^([^\W\d_][^-–—\n]{0,40}?)\s{1,3}[-–—]\s{1,3}([^\W\d_][^:;,،؛\n]{0,60})$")
COUNT_SUFFIX = re.compile(r"\(\s{0,2}\d{1,6}\s{0,2}\)$")  # "Comments (3)"
CRUMB_SEPARATORS = re.compile(r"\s[|•·›»>/]\s|\s?\|\s?")
MENU_SEPARATORS = re.compile(r"\s[|•·»]\s|\s\|\s?|\s?\|\s")
PHOTO_MARK = r"(?:^|[/|\-–—(]\s{0,3})(?:{alts})(?:\s|$|:)|(?:{alts})\s{0,3}:"

NOTICES = ("cookies", "copyright", "site", "comments", "newsletter", "subscription", "share")
STRONG = ("cookies", "copyright", "site")  # one word of these is enough ("©", "cookies")
HEADINGS = ("related", "comments", "tags")
NOTICE_TOKENS = 40  # longer lines are paragraphs that happen to use a notice word
SHORT_TOKENS = 12
LABEL_TOKENS = 5
READING_TOKENS = 10
MAX_READING_MINUTES = 120
CAPTION_TOKENS = 30
CREDIT_TOKENS = 8
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
    mark_mastheads(lines, knowledge)
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
    if BARE_NUMBER.match(view) and any(ch.isdigit() for ch in view) and not NUMERIC_DATE_SENTENCE.match(view):
        return "number"
    if HASHTAG.match(view) and n <= LABEL_TOKENS + 1:
        return "tags"
    if is_reading_time(line.tokens, line.text, phrases):
        return "reading_time"
    if len(MENU_SEPARATORS.findall(line.text)) >= 2 and _short_segments(line.text):
        return "navigation"
    crumbs = breadcrumb_reason(line, phrases, language, knowledge)
    if crumbs:
        return crumbs
    if n <= SHORT_TOKENS and not line.punctuated and parse_date(line.text, language, knowledge, every_locale=False):
        return "dateline"
    if n <= CAPTION_TOKENS and not line.text.endswith((".", "؟", "?", "!")) and phrases["photo"].search(view):
        return "photo"
    if n and (line.joined in phrases["section_set"] or n <= LABEL_TOKENS // 2 and is_section_label(line.tokens, phrases)):
        return "section"
    if n <= LABEL_TOKENS // 2 and not line.punctuated and place_index(knowledge).get(line.joined):
        return "section"  # a place name alone on a line is a section or dateline heading
    if n <= LABEL_TOKENS and outlet_index(knowledge).get(fold(line.text.strip(" :|-–—«»\"'()"))):
        return "credit"
    if credit_name(line, knowledge):
        return "credit"
    return notice_reason(line, phrases)


def is_reading_time(words: list, text: str, phrases: dict, *, read_word: bool = True) -> bool:
    """A number, a minute word and a read word, in any order, on a short line ("5 min read").

    The number may be a digit, a number word ("two-minute read", "خمس دقائق قراءة") or a dual that
    holds it ("دقيقتان للقراءة"). In a breadcrumb (read_word=False) "3 мин" alone is enough.
    """
    if not words or len(words) > READING_TOKENS or text.endswith((".", "!", "?", "؟")):
        return False
    found = set(words)
    dual = bool(found & phrases["dual_minutes"])
    number = dual or any(t.isdigit() for t in found) or bool(found & phrases["number_words"])
    minute = dual or bool(found & phrases["minute_words"])
    if not read_word:
        return number and minute and len(words) <= 3
    return number and minute and bool(found & phrases["read_words"])


def breadcrumb_reason(line: Line, phrases: dict, language: str | None, knowledge: Knowledge) -> str | None:
    """A header line of labels joined by "|", "›", "/" or "·": a section, a date, a reading time, a name.

    "Outlet | World", "الرئيسية / سياسة", "أخبار ليبيا | دقيقتان للقراءة", "Политика · 3 мин": at least
    one part must be a known label; the others may only be short names (the outlet's, the site's).
    """
    parts = [p.strip() for p in CRUMB_SEPARATORS.split(line.text)]
    if len(parts) < 2 or len(parts) > LABEL_TOKENS or not all(parts) or line.punctuated:
        return None
    reasons = [_crumb_reason(p, phrases, language, knowledge) for p in parts]
    known = [r for r in reasons if r]
    if not known or any(r is None and len(tokens(p)) > 3 for r, p in zip(reasons, parts)):
        return None
    return "reading_time" if "reading_time" in known else "navigation"


def _crumb_reason(part: str, phrases: dict, language: str | None, knowledge: Knowledge) -> str | None:
    words = tokens(part)
    if not words or len(words) > LABEL_TOKENS:
        return None
    joined = " ".join(words)
    if is_reading_time(words, part, phrases) or is_reading_time(words, part, phrases, read_word=False):
        return "reading_time"
    if joined in phrases["section_set"] or is_section_label(words, phrases):
        return "section"
    navigation = phrases["heading"].get("navigation")
    if navigation is not None and navigation.fullmatch(joined):
        return "navigation"
    if parse_date(part, language, knowledge, every_locale=False):
        return "dateline"
    return None


def is_section_label(words: list, phrases: dict) -> bool:
    """Every word a section name, perhaps joined by "and" or a glued "و" ("عربي ودولي", "World news")."""
    sections, joins = phrases["section_set"], phrases["section_joins"]
    content = [w for w in words if w not in joins]
    return bool(content) and all(w in sections or _unglued(w, joins) in sections for w in content)


def _unglued(word: str, joins: frozenset) -> str:
    return word[1:] if len(word) > 3 and word[0] in joins else word


def place_index(knowledge: Knowledge) -> dict:
    """Folded token form of every place name and alias -> place id."""
    return knowledge.cached(("clean.places",), lambda: _build_place_index(knowledge))


def _build_place_index(knowledge: Knowledge) -> dict:
    index: dict = {}
    for key, place in sorted(knowledge.places.items()):
        for form in [place.get("name", key)] + [a for forms in (place.get("aliases") or {}).values() for a in forms]:
            joined = " ".join(tokens(form))
            if joined:
                index.setdefault(joined, key)
    return index


def credit_name(line: Line, knowledge: Knowledge) -> str | None:
    """The name in a "City - Name" credit line ("باكو - المدار", "DOHA - Gulf Wire"), as folded tokens."""
    m = CREDIT_LINE.match(line.text)
    if not m or line.punctuated or len(line.tokens) > CREDIT_TOKENS:
        return None
    name = " ".join(tokens(m.group(2)))
    if not name or len(name.split()) > LABEL_TOKENS - 1 or not place_index(knowledge).get(" ".join(tokens(m.group(1)))):
        return None
    return name


def mark_mastheads(lines: list[Line], knowledge: Knowledge) -> None:
    """A short line that is the name a "City - Name" credit line gives is the page's masthead."""
    names = {credit_name(ln, knowledge) for ln in lines if ln.reason == "credit"} - {None}
    for line in lines:
        if line.reason is None and len(line.tokens) < LABEL_TOKENS and line.joined in names:
            line.reason = "credit"


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
    if pattern is None or line.punctuated and not line.text.endswith(":") and not COUNT_SUFFIX.search(line.text):
        return False
    m = pattern.match(line.joined)
    if not m:
        return False
    extra = line.joined[m.end():].split()
    if all(word.isdigit() for word in extra) and len(extra) <= 1:
        return True  # a count after it: "Comments (3)"
    return len(extra) <= 2 and " " in m.group()  # a single word must stand alone


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
        "dual_minutes": frozenset(" ".join(tokens(f)) for lex in lexicons
                                  for f in section(lex, "dual_units", "minute") or () if len(tokens(f)) == 1),
        "number_words": _number_words(lexicon),
        "section_joins": frozenset(w for w in _joins(lexicons) if w),
        "source_label": _alternation(labels, r"^(?:{})(?!\S)"),
        "source_colon": _alternation(folded_labels - {""}, r"^\s*(?:{})\s*[:：]"),
    }


def _number_words(lexicon: dict) -> frozenset:
    """The document language's one-word numbers up to a reading time's size, and its "a"/"an"."""
    words = set()
    for word, value in (section(lexicon, "numbers", "cardinals") or {}).items():
        try:
            small = 0 < float(value) <= MAX_READING_MINUTES
        except ValueError:
            small = False
        if small and len(tokens(word)) == 1:
            words.add(tokens(word)[0])
    words.update(t for a in section(lexicon, "numbers", "articles") or () for t in tokens(a)[:1])
    return frozenset(words)


def _joins(lexicons: list) -> set:
    """Words and glued letters that join two section names: "and", "و"."""
    return {" ".join(tokens(w)) for lex in lexicons for w in section(lex, "numbers", "connectors") or ()}


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
