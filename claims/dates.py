"""Dates and times of day in running text, in any calendar the lexicons name.

Month and weekday names come from CLDR through Babel for every locale of a language, plus the
lexicon's `dates` extras; relative words, calendar marks, year cues, day-month joiners, day suffixes,
o'clock words, half-day words and zone phrases come from the lexicon's `dates` and `times` sections.
Matching runs on the folded view: one lexer pattern per language finds numbers and known words, and
a small grammar over those tokens reads day-month-year, month-year, numeric dates, weekdays, relative days and times of day.
Spans are mapped back to the original text. In lexicon phrases "#" stands for the number.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass, field, replace
from typing import Optional

import jdatetime
from babel import Locale, UnknownLocaleError, localedata
from babel.dates import get_date_format, get_day_names, get_month_names
from babel.numbers import get_decimal_symbol
from hijridate import Gregorian, Hijri

try:  # a dependency (setup.cfg); without it a language has only its lexicon's number words
    from unicode_rbnf import FormatPurpose, RbnfEngine
except ImportError:  # pragma: no cover
    RbnfEngine = None

from .lexicon import Knowledge, section
from .model import Figure
from .normalize import Folded, fold, fold_text
from .patterns import phrase_regex

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
SOLAR_KEYS = ("farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban",
              "azar", "dey", "bahman", "esfand")
HIJRI_KEYS = ("muharram", "safar", "rabi_al_awwal", "rabi_al_thani", "jumada_al_ula", "jumada_al_akhirah",
              "rajab", "shaban", "ramadan", "shawwal", "dhu_al_qadah", "dhu_al_hijjah")
MONTH_SECTIONS = (("gregorian", "months", MONTH_KEYS), ("solar_hijri", "solar_hijri_months", SOLAR_KEYS),
                  ("hijri", "hijri_months", HIJRI_KEYS))
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_OFFSETS = {-2: "day_before_yesterday", -1: "yesterday", 0: "today", 1: "tomorrow", 2: "day_after_tomorrow"}
RELATION_OFFSETS = {-1: "last", 0: "this", 1: "next"}  # CLDR's relative-type of a weekday or a week
WEEK_OFFSETS = {"last": -1, "this": 0, "next": 1}
WEEK_SLACK_DAYS = 3  # a distance back in weeks allows the half week either side of it
DAY_WORDS = 2  # words of a day ("غد الجمعة") between a time's half of the day and its zone
AGO_REACH = 80  # characters before (or after) an "ago" marker where its distance is read
WORDED_YEAR_GAP = re.compile(r"[\s,،]{1,4}(?=[^\W\d_])")
WORD_RUN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
WORDED_YEAR_WORDS = 7
AGO_GAP = re.compile(r"[\s,،]{0,3}")
CLDR_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RELATIVE_DAYS = {"day_before_yesterday": -2, "yesterday": -1, "today": 0, "earlier_today": 0,
                 "tomorrow": 1, "day_after_tomorrow": 2}
# the years a bare number can stand for in each calendar
YEAR_RANGES = {"gregorian": (1000, 2199), "solar_hijri": (1200, 1599), "hijri": (1300, 1599)}
# the years a news text means by a number after a mere preposition ("in 2022", "في 2022"): outside
# them "in 1500 villages" is a count, not a year
NEWS_YEARS = {"gregorian": (1900, 2100), "solar_hijri": (1300, 1500), "hijri": (1350, 1500)}
# a day-month without a year is read as the latest such day up to this many days after publication
AHEAD_DAYS = 7
LETTER = r"[^\W\d_]"
PAIR_GAP = re.compile(r"\s{0,2}[/\\(-]\s{0,2}")
AFTER_PAIR_GAP = re.compile(r"\)?[\s,،]{0,3}")
DAY_MONTH_GAP = re.compile(r"[\s.]{0,3}|\s?[-/]\s?")  # "2 Oct", "2. أكتوبر", "2-Out", "2/ أكتوبر"
MONTH_DAY_GAP = re.compile(r"\s{0,3}|\s?[-/]\s?")  # "Oct 2", "Oct2", "Oct-2", "يناير-1"
CASE_ENDING_BEFORE = re.compile(rf"{LETTER}{{3}}['’]$")  # a word of three letters or more, then an apostrophe (not "d'")
TIED_PART = re.compile(r"[-/]")
TIED = re.compile(r"\s?[-/]\s?|")  # a day tied to an abbreviated month by a dash, a slash or nothing
TIGHT_GAP = re.compile(r"\s{0,3}")
SPACE_GAP = re.compile(r"\s{1,3}")
WEEK_WEEKDAY_GAP = re.compile(rf"\s{{1,3}}(?:{LETTER}{{1,3}}\s{{1,3}})?")  # no comma: "over the past week, Friday's ..."
WEEK_GAP = re.compile(rf"[\s,،]{{1,3}}(?:{LETTER}{{1,3}}\s{{1,3}})?")  # "next week on Friday": a short word between
COMMA_GAP = re.compile(r"[\s,،(]{0,4}")
JOIN_GAP = re.compile(r"[^\S\n]{0,3}[,،()\-–]{0,2}[^\S\n]{0,3}")  # on one line: not a front matter's date and the body's first weekday
YEAR_GAP = re.compile(r"[\s,،]{0,3}")
DOT_GAP = re.compile(r"\.\s{1,3}")  # "Feb. 14": an abbreviated month's dot before its day
DOTTED_YEAR_GAP = re.compile(r"\.?[\s,،]{0,3}")  # "1 sep. 2019": the dot before the year
APOSTROPHE_GAP = re.compile(rf"['’]{LETTER}{{1,4}}\s{{1,3}}")  # "Temmuz'un ": a case ending, then a space
SUFFIX_AFTER = re.compile(rf"['’]{LETTER}")  # a case ending written after digits: "13.00'te"


@dataclass(frozen=True)
class Token:
    kind: str  # numdate, shortdate (day and month), clock, num, word
    start: int  # offsets in the folded view
    end: int
    text: str  # the digits, or the folded lexicon form the word matched
    meanings: tuple = ()  # word: ((role, value), ...)
    clitic: str = ""

    def means(self, role: str):
        """The value this word has in `role`, or None."""
        for r, v in self.meanings:
            if r == role:
                return v if v is not None else True
        return None


@dataclass
class Piece:
    """A date or time read from tokens, before it becomes a Figure."""

    kind: str  # date, time
    start: int
    end: int
    calendar: str = "gregorian"
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[str] = None
    relation: Optional[str] = None  # last, this, next (of a week), past, coming (nearest): a weekday's
    relative: Optional[str] = None  # yesterday, today, ...
    year_only: bool = False
    hour: Optional[int] = None
    minute: Optional[int] = None
    zone: Optional[str] = None
    back: Optional[tuple] = None  # "two days ago": (low, high, value) seconds before publication
    nth: Optional[tuple] = None  # "the second Monday of next month": (2, "offset", 1) or (1, "month", 7)
    month_offset: Optional[int] = None  # "the 20th of next month": months from publication's
    shift: int = 0  # "two days after tomorrow": the distance counts from this many days after publication


@dataclass
class DateIndex:
    """What one language needs to read dates: its words, its lexer and its numeric date order."""

    words: dict  # folded form -> tuple of (role, value)
    lexer: re.Pattern
    order: str  # "dmy", "mdy" or "ymd": how its short numeric dates run
    year_templates: dict = field(default_factory=dict)  # (pre, suf) -> calendars
    oclock_templates: set = field(default_factory=set)  # (pre, suf)
    article: tuple = ()
    bare: dict = field(default_factory=dict)  # a form without its article -> the form as listed
    weak_templates: set = field(default_factory=set)  # (pre, suf) whose words are only a preposition or ending
    counted: Optional[re.Pattern] = None  # a count noun or unit right after a number: "1500 villages"
    compound: Optional[re.Pattern] = None  # an article-led word after a day word: "اليوم التالي"
    relation_words: dict = field(default_factory=dict)  # "last"/"next" -> the forms that carry that relation
    connector: Optional[re.Pattern] = None  # "و", "and" between an hour and its minutes: "السابعة و45 دقيقة"
    dotted_clock: bool = False  # "." is no decimal mark of the language: "13.00" can only be a time
    day_first: bool = False  # CLDR's long date puts the day before the month ("21 mai 2025")
    language: Optional[str] = None  # its spelled-out years are built when a date first needs them
    endings: tuple = ()  # the language's noun endings, longest first: "ilk Cuması" is read after an ordinal
    day_markers: Optional[re.Pattern] = None  # "on", "the", "يوم" right before a day's bare digits ("back on 15.")


# ---------------------------------------------------------------- public API

def find_dates(folded: Folded, language: str | None, knowledge: Knowledge, *,
               published: str | None = None, placed: str | None = None) -> list[Figure]:
    """Dates (kind "date") and times of day (kind "time") in text order, spans in the original text.

    `placed`: for a page without a publication date, the last day its story's dated pages were published.
    Its weekdays and yearless dates count back from the day after (the page may be a day later); its
    "today" and "yesterday" stay unresolved, since no day says when it was written."""
    index = date_index(knowledge, language)
    tokens = _tokens(folded.view, index)
    reader = _Reader(folded, tokens, index, durations=lambda a, b: _durations(folded.view, a, b, language, knowledge),
                     number_reader=lambda words: _number_value(words, language, knowledge))
    pieces = _merge(sorted(reader.pieces(), key=lambda p: (p.start, p.end)), folded.view)
    pieces = _outside_titles(pieces, folded.view, language, knowledge)
    pub = _iso_date(parse_published_value(published)) if published else None
    if pub is None and placed:
        around = _iso_date(parse_published_value(placed))
        placed_day = around + dt.timedelta(days=1) if around else None
    else:
        placed_day = None
    figures = []
    for piece in pieces:
        if placed_day is not None and (not piece.relative or piece.weekday):
            piece = replace(piece, relative=None) if piece.relative else piece  # "الأحد" of "اليوم الأحد"
            figure = _figure(piece, folded, placed_day)
        else:
            figure = _figure(piece, folded, pub)
        if figure is not None:
            figures.append(figure)
    return figures


def _outside_titles(pieces: list, view: str, language: str | None, knowledge: Knowledge) -> list:
    """Drop the dates inside phrases that only hold a date word ("امام جمعه", the Friday prayer leader)."""
    pattern = knowledge.cached(("not-dates", language), lambda: _not_dates_pattern(knowledge, language))
    if pattern is None:
        return pieces
    spans = [(m.start(), m.end()) for m in pattern.finditer(view)]
    if not spans:
        return pieces
    starts = [a for a, _ in spans]
    return [p for p in pieces if not _within_span(spans, starts, p.start, p.end)]


def _within_span(spans: list, starts: list, start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1  # the last phrase that starts at or before the date (phrases do not overlap)
    return i >= 0 and end <= spans[i][1]


def _not_dates_pattern(knowledge: Knowledge, language: str | None) -> Optional[re.Pattern]:
    phrases = [fold(x) for x in section(knowledge.language(language), "dates", "not_dates") or []]
    return re.compile(rf"(?<!\w)(?:{phrase_regex(phrases)})(?!\w)") if phrases else None


def iso_span(value) -> tuple[dt.date, dt.date] | None:
    """The days a date string covers: a day, a month ("2022-02") or a year ("2011"); None otherwise."""
    if not isinstance(value, str) or value.startswith("-"):
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def to_weekday(iso: str) -> str:
    """The English weekday id of an ISO date ("2025-03-18" -> "tuesday")."""
    return WEEKDAY_KEYS[dt.date.fromisoformat(iso[:10]).weekday()]


def date_interval(figure: Figure) -> tuple[str, str] | None:
    """The first and last day a date figure allows, or None when it names no fixed day."""
    if figure.kind != "date" or not isinstance(figure.low, str) or not isinstance(figure.high, str):
        return None
    return figure.low, figure.high


_DEFAULT: list = []


def parse_published_value(value) -> str | None:
    """A front-matter publication value (date, datetime, ISO, dd/mm/yyyy, worded, Solar Hijri) as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()[:200]
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])", text)
    if m:
        return _day_iso("gregorian" if int(m.group(1)) >= 1600 else "solar_hijri", *map(int, m.groups()))
    if not _DEFAULT:
        _DEFAULT.append(Knowledge())
    for fig in find_dates(fold_text(text), None, _DEFAULT[0]):
        if fig.kind == "date" and fig.precision == "day" and isinstance(fig.value, str):
            return fig.value
    return None


# ---------------------------------------------------------------- the index of one language

def date_index(knowledge: Knowledge, language: str | None) -> DateIndex:
    """The compiled index for one language (built once per run)."""
    return knowledge.cached(("dates.index", language), lambda: _build_index(knowledge, language))


def _languages(knowledge: Knowledge, language: str | None) -> list:
    """The document's language, then English (datelines, zone abbreviations); all lexicons if unknown."""
    if language:
        return [language] + ([] if language == "en" else ["en"])
    return list(knowledge.languages) or ["en"]


def _build_index(knowledge: Knowledge, language: str | None) -> DateIndex:
    words: dict = {}
    year_templates: dict = {}
    oclock_templates: set = set()
    weak_templates: set = set()
    codes = _languages(knowledge, language)
    lex_own = knowledge.language(language)
    for code in reversed(codes):  # the document's own language is added last and wins a clash
        _add_cldr(words, code, relative=code == codes[0] or not language)
        _add_lexicon(words, knowledge.language(code), year_templates, oclock_templates)
        weak_templates |= _weak_templates(knowledge.language(code))
    _week_variants(words)
    article = tuple(fold(a) for a in section(knowledge.language(language), "morphology", "article") or [] if fold(a))
    _day_phrases(words, {pair for code in (codes[:1] if language else codes) for pair in _unit_nouns(code)}, article)
    endings = section(knowledge.language(language), "morphology", "suffixes") or []
    _inflected(words, "month_rel", endings)
    _inflected(words, "relative", endings, as_role="relative_inflected")  # "Dünden": only before an offset
    number_words = {**_rbnf_days(language), **_number_words(knowledge.language(language))}
    for form, value in number_words.items():
        words[form] = words.get(form, ()) + (("numword", value),)
    _suffixed_day_words(words, number_words, section(lex_own, "dates", "day_suffixes") or [])
    suffixes = sorted({fold(s) for code in codes
                       for s in section(knowledge.language(code), "dates", "day_suffixes") or [] if fold(s)}
                      | _cldr_day_suffixes(language))
    lex = knowledge.language(language)
    article = tuple(fold(a) for a in section(lex, "morphology", "article") or [] if fold(a))
    bare = {}
    for form in list(words):
        for art in article:
            if form.startswith(art) and len(form) > len(art) + 2 and form[len(art):] not in words:
                words[form[len(art):]] = words[form]
                bare[form[len(art):]] = form
    _day_noun_weekdays(words, bare, {day for code in (codes[:1] if language else codes) for _, day in _unit_nouns(code)})
    _weaken(words, number_words)
    clitics = [fold(p) for p in section(lex, "morphology", "proclitics") or [] if fold(p)]
    own = [knowledge.language(language)] if language else [knowledge.language(c) for c in codes]
    return DateIndex(words=words, lexer=_lexer(words, clitics, article, suffixes), order=_numeric_order(language),
                     year_templates=year_templates, oclock_templates=oclock_templates,
                     article=article, bare=bare, weak_templates=weak_templates & set(year_templates),
                     counted=_counted_pattern(own, _clitic_pattern(clitics, article)),
                     compound=_compound_pattern(article),
                     relation_words={role: tuple(f for f, m in words.items() if (role, True) in m)
                                     for role in ("last", "next")},
                     connector=_connector_pattern(lex), dotted_clock=_decimal_mark(lex, language) != ".",
                     day_first=_long_day_first(language), language=language,
                     day_markers=_marker_pattern(section(lex_own, "dates", "day_markers") or []),
                     endings=tuple(sorted({fold(e) for e in endings if re.fullmatch(rf"{LETTER}+", fold(e))},
                                          key=len, reverse=True)))


def _day_noun_weekdays(words: dict, bare: dict, day_nouns: set) -> None:
    """"أول يوم جمعة": the day's noun before a weekday's name without its article names a weekday only
    after an ordinal ("the first Friday of July"); alone ("في يوم جمعة", on a Friday) it names no day."""
    for form, full in list(bare.items()):
        weekday = dict(words.get(full, ())).get("weekday")
        for noun in day_nouns if weekday else ():
            _add(words, f"{noun} {form}", "weekday", weekday)
            _add(words, f"{noun} {form}", "nth_only", True)


def _inflected(words: dict, role: str, suffixes: list, as_role: Optional[str] = None) -> None:
    """The forms of `role` with a case ending glued on ("gelecek ayın" beside CLDR's "gelecek ay")."""
    endings = {fold(e) for e in suffixes if fold(e) and re.fullmatch(rf"{LETTER}+", fold(e))}
    for form, meanings in list(words.items()):
        value = dict(meanings).get(role)
        for ending in endings if value is not None else ():
            if form + ending not in words:
                _add(words, form + ending, as_role or role, value)


def _suffixed_day_words(words: dict, number_words: dict, suffixes: list) -> None:
    """"yirmi ikisinde", "otuzunda": a day suffix written after an apostrophe on digits ("22'sinde") is
    glued to a spelled-out day; every ending is tried, the language's harmony keeps the ones text uses."""
    glued = {fold(s)[1:] for s in suffixes if fold(s).startswith(("'", "’")) and len(fold(s)) > 3}
    for form, (_, n) in number_words.items():
        for ending in glued:
            _add(words, form + ending, "numword", ("ordinals", n))
            _add(words, form + ending, "suffixed_day", n)


def _week_variants(words: dict) -> None:
    """"الأسبوع المقبل" beside CLDR's "الأسبوع القادم" (and "الشهر المقبل"): a week or month phrase with its
    relation word swapped for another the lexicon lists for that relation."""
    listed = {role: [f for f, m in words.items() if (role, True) in m and " " not in f] for role in ("last", "next")}
    for form, meanings in list(words.items()):
        for role, value in meanings:
            if role not in ("week", "month_rel"):
                continue
            relation = value if role == "week" else RELATION_OFFSETS.get(value)
            parts = form.split()
            for k, part in enumerate(parts if relation in listed else ()):
                if any(r == relation and v in ("before", "after") for r, v in words.get(part, ())):
                    for other in listed[relation]:
                        _add(words, " ".join(parts[:k] + [other] + parts[k + 1:]), role, value)


def _unit_nouns(code: str) -> set:
    """(month noun, day noun) pairs of a language's CLDR locales, from "in {0} month" and "in {0} day"."""
    pairs = set()
    for locale in _locales(code):
        fields = _cldr_fields(locale)
        month, day = _unit_noun(fields, "month"), _unit_noun(fields, "day")
        if month and day:
            pairs.add((month, day))
    return pairs


def _unit_noun(fields: dict, unit: str) -> Optional[str]:
    """The word right after the number in CLDR's "in {0} <unit>" (its form for one, else for many)."""
    patterns = fields.get(unit, {}).get("future") or {}
    for count in ("one", "other"):
        _, sep, after = fold(patterns.get(count) or "").partition("{0}")
        parts = after.split()
        if sep and parts and re.fullmatch(rf"{LETTER}+", parts[0]):
            return parts[0]
    return None


def _day_phrases(words: dict, nouns: set, article: tuple) -> None:
    """"next day", "last day", "this day", "el próximo día", "geçen gün", "اليوم القادم": CLDR's "next month"
    (and its variants) with the day's noun for the month's, read as tomorrow, yesterday and today."""
    for form, meanings in list(words.items()):
        for role, value in meanings:
            if role != "month_rel" or value not in RELATIVE_OFFSETS:
                continue
            parts = form.split()
            for month, day in nouns:
                swapped = [day if p == month else p[:-len(month)] + day
                           if p.endswith(month) and p[:-len(month)] in article else p for p in parts]
                for variant in _word_spellings(" ".join(swapped)) if swapped != parts else ():
                    if any(r == "relative" for r, _ in words.get(variant, ())):
                        continue  # the lexicon's own reading ("önceki gün" is the day before yesterday)
                    _add(words, variant, "relative", RELATIVE_OFFSETS[value])
                    _add(words, variant, "day_phrase", True)
    days = {day for _, day in nouns} | {a + day for _, day in nouns for a in article}
    for form, meanings in list(words.items()):  # the lexicon's own ("آخر يوم", "اليوم التالي") as well
        if " " in form and any(r == "relative" for r, _ in meanings) and days & set(form.split()):
            _add(words, form, "day_phrase", True)  # "آخر يوم من المفاوضات" is the talks' last day


def _marker_pattern(forms: list) -> Optional[re.Pattern]:
    """A word of `forms` ending right before a number (the text before it is searched, up to the number)."""
    folded = sorted({fold(f) for f in forms if fold(f)})
    return re.compile(rf"(?<!\w)(?:{phrase_regex(folded)})\s{{1,2}}$") if folded else None


def _connector_pattern(lex: dict) -> Optional[re.Pattern]:
    """The language's number connectors as what may stand between an hour and its minutes."""
    forms = sorted({fold(c) for c in section(lex, "numbers", "connectors") or [] if fold(c)})
    return re.compile(rf"\s{{0,3}}(?:{phrase_regex(forms)})\s{{0,3}}") if forms else None


def _decimal_mark(lex: dict, language: str | None) -> str:
    """The decimal mark the language writes: its lexicon's, else CLDR's."""
    mark = section(lex, "numbers", "decimal_separator")
    if isinstance(mark, str) and mark:
        return mark
    try:
        return get_decimal_symbol(language or "en")
    except (ValueError, LookupError, TypeError):
        return "."


def _add(words: dict, form: str, role: str, value) -> None:
    if form and (role, value) not in words.get(form, ()):
        words[form] = words.get(form, ()) + ((role, value),)


def _locales(code: str) -> list:
    ids = localedata.locale_identifiers()
    return sorted(i for i in ids if i == code or i.startswith(code + "_"))


def _add_cldr(words: dict, code: str, relative: bool = True) -> None:
    """Month and weekday names of every CLDR locale of a language; its relative fields when `relative`."""
    for locale in _locales(code):
        try:
            wide = set()
            for context in ("format", "stand-alone"):
                for n, name in get_month_names("wide", context, locale=locale).items():
                    for form in _spellings(name):  # "août", "aout"
                        wide.add(form)
                        _add(words, form, "month", ("gregorian", n, False))
                for n, name in get_month_names("abbreviated", context, locale=locale).items():
                    form = fold(name).rstrip(".")
                    if form not in wide:
                        _add(words, form, "month", ("gregorian", n, True))
                        _add(words, form, "abbreviation", True)
                days = get_day_names("wide", context, locale=locale)
                for n, name in days.items():
                    _add(words, fold(name), "weekday", WEEKDAY_KEYS[n])
                _add_short_weekdays(words, {n: fold(name) for n, name in days.items()})
            literals = re.findall(r"'([^']+)'", get_date_format("long", locale=locale).pattern)
            for literal in literals:
                if fold(literal).strip(". ") and len(fold(literal)) <= 4:
                    _add(words, fold(literal), "joiner", True)
        except (ValueError, LookupError, TypeError, AttributeError):
            continue
    for form in [f for f in words if re.search(r"\d", f)]:  # CLDR's placeholder names ("M01")
        del words[form]
    for locale in _locales(code) if relative else ():
        if Locale.parse(locale).script is None:  # "en_Dsrt": another script, no news writes in it
            _add_cldr_relative(words, locale)


def _add_short_weekdays(words: dict, names: dict) -> None:
    """"sexta" of "sexta-feira": where most weekday names share a hyphenated tail, the head alone names
    the day too. It is also an ordinal ("a sexta edição"), so it counts only where a date is sure."""
    tails = [name.rsplit("-", 1)[1] for name in names.values() if "-" in name]
    if len(tails) < 3 or len(set(tails)) != 1:
        return
    for n, name in names.items():
        head = name.rsplit("-", 1)[0] if "-" in name else ""
        for form in _spellings(head) if head else ():
            _add(words, form, "weekday", WEEKDAY_KEYS[n])
            _add(words, form, "short_weekday", True)


def _cldr_fields(locale: str) -> dict:
    try:
        return Locale.parse(locale)._data["date_fields"]
    except (ValueError, LookupError, TypeError, AttributeError, UnknownLocaleError):
        return {}


def _add_cldr_relative(words: dict, locale: str) -> None:
    """CLDR's relative fields: "yesterday", "next Sunday", "this week", and the words that make them relative.

    The words left of or right of a weekday's name in its phrases ("next", "prochain", "الماضي") become
    relation words on that side; a word every relation shares ("el" of "el próximo domingo") says nothing."""
    fields = _cldr_fields(locale)
    for offset, name in (fields.get("day", {}).get("relative") or {}).items():
        key = RELATIVE_OFFSETS.get(offset)
        for form in _spellings(name):
            if key:
                _add(words, form, "relative", key)
    sides: dict = {}
    for n, key in enumerate(CLDR_WEEKDAYS):
        try:
            names = {fold(v) for c in ("format", "stand-alone")
                     for v in [get_day_names("wide", c, locale=locale).get(n)] if v}
        except (LookupError, ValueError, TypeError, AttributeError):  # a locale CLDR leaves without names
            names = set()
        for offset, phrase in (fields.get(key, {}).get("relative") or {}).items():
            relation = RELATION_OFFSETS.get(offset)
            for form in _spellings(phrase) if relation else ():
                _add(words, form, "weekday", WEEKDAY_KEYS[n])
                _add(words, form, "relation", relation)
                for name in names:
                    _collect_sides(form, name, relation, sides)
    weeks = {RELATION_OFFSETS[o]: p for o, p in (fields.get("week", {}).get("relative") or {}).items()
             if o in RELATION_OFFSETS}
    shared = set.intersection(*[set(fold(p).split()) for p in weeks.values()]) if len(weeks) == 3 else set()
    for relation, phrase in weeks.items():
        for form in _spellings(phrase):
            _add(words, form, "week", relation)
            for name in shared:  # "cette" of "cette semaine" says "this" before a weekday too
                _collect_sides(form, name, relation, sides)
    for offset, phrase in (fields.get("month", {}).get("relative") or {}).items():
        words_of = fold(phrase).split()
        for form in _spellings(phrase) | (_spellings(" ".join(words_of[1:])) if len(words_of) > 2 else set()):
            if offset in RELATION_OFFSETS:  # "next month", "le mois dernier" and "mois dernier" ("du mois dernier")
                _add(words, form, "month_rel", offset)
    for (side, form), relations in sides.items():
        if len(relations) == 1 and re.fullmatch(rf"{LETTER}+", form):
            _add(words, form, next(iter(relations)), side)
    for form in _ago_markers(fields):
        _add(words, form, "ago", True)


def _collect_sides(phrase: str, name: str, relation: str, sides: dict) -> None:
    """The words before and after a weekday's name in one of its relative phrases."""
    at = phrase.find(name)
    if at < 0:
        return
    for side, part in (("before", phrase[:at].split()), ("after", phrase[at + len(name):].split())):
        for word in part:
            sides.setdefault((side, word), set()).add(relation)


def _ago_markers(fields: dict) -> set:
    """What CLDR writes around "{0} days" for a time past ("ago", "il y a", "hace", "önce", "قبل")."""
    out = set()
    for unit in ("day", "week", "month", "year"):
        for pattern in (fields.get(unit, {}).get("past") or {}).values():
            before, sep, after = fold(pattern).partition("{0}")
            if not sep:
                continue
            before, after = before.split(), after.split()
            marker = " ".join(before) if before else " ".join(after[1:])
            if marker and re.search(LETTER, marker) and not re.search(r"\d", marker):
                out.add(marker)
    return out


def _spellings(text: str) -> set:
    """A CLDR form folded, and without its accents as it is often typed ("proximo", "apres-demain")."""
    form = fold(text).strip()
    plain = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    plain = unicodedata.normalize("NFC", plain)
    mixed = " " in form and plain != form and plain.isascii()  # only a phrase with accents has mixed spellings
    forms = {form, plain if plain.isascii() else form} | (_word_spellings(form) if mixed else set())
    return {f for variant in forms for f in (variant, variant.replace("-", " ")) if f}  # "avant hier"


def _word_spellings(phrase: str) -> set:
    """A phrase of a few words with each word's accents kept or dropped ("el proximo día", "el próximo dia")."""
    parts = phrase.split()
    out = {""}
    for part in parts if len(parts) <= 4 else ():
        plain = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", part)
                                                     if not unicodedata.combining(c)))
        out = {f"{head} {word}".strip() for head in out for word in {part, plain if plain.isascii() else part}}
    return out - {""} or {phrase}


def _add_lexicon(words: dict, lex: dict, year_templates: dict, oclock_templates: set) -> None:
    dates = section(lex, "dates")
    for calendar, key, keys in MONTH_SECTIONS:
        for n, month in enumerate(keys, 1):
            for form in section(dates, key, month) or []:
                _add(words, fold(form).rstrip("."), "month", (calendar, n, False))
                if fold(form).endswith("."):
                    _add(words, fold(form).rstrip("."), "abbreviation", True)  # "Sept."
    for day in WEEKDAY_KEYS:
        for form in section(dates, "weekdays", day) or []:
            _add(words, fold(form).rstrip("."), "weekday", day)
    for form in section(lex, "measure", "ago_markers") or []:
        _add(words, fold(form), "ago", True)
    for form in section(dates, "ahead_markers") or []:
        _add(words, fold(form), "ahead", True)
    for form in [*(section(dates, "bounds") or []), *(section(dates, "start_bounds") or [])]:
        _add(words, fold(form), "bound", True)  # "Yarından itibaren iki gün": the day a distance runs from
    for direction, sign in (("after", 1), ("before", -1)):
        for form in section(dates, "offsets", direction) or []:
            _add(words, fold(form), "offset", sign)
    for rel in RELATIVE_DAYS:
        for form in section(dates, "relative", rel) or []:
            _add(words, fold(form), "relative", rel)
    for role in ("last", "next"):
        for form in section(dates, role) or []:
            _add(words, fold(form), role, True)
    for form in section(dates, "joiners") or []:
        _add(words, fold(form), "joiner", True)
    for form in section(lex, "locative") or []:
        _add(words, fold(form), "month_pre", True)  # "in March": a month alone is a date after "in"
    for calendar, marks in (section(dates, "calendar_markers") or {}).items():
        for mark in marks:
            pre, suf = _template(mark, after=True)
            year_templates.setdefault((pre, suf), [])
            if calendar not in year_templates[(pre, suf)]:
                year_templates[(pre, suf)].append(calendar)
            _add(words, pre, "year_pre", True)
            _add(words, suf, "year_suf", True)
    times = section(lex, "times")
    for phrase in section(times, "oclock") or []:
        pre, suf = _template(phrase, after=False)
        oclock_templates.add((pre, suf))
        _add(words, pre, "oclock_pre", True)
        _add(words, suf, "oclock_suf", True)
    for phrase in section(times, "oclock") or []:
        pre, suf = _template(phrase, after=False)
        if not suf and len(pre.split()) > 1:  # "عند الساعة العاشرة" is also said "عند العاشرة"
            _add(words, " ".join(pre.split()[:-1]), "hour_pre", True)
    for role in ("am", "pm"):
        for form in section(times, role) or []:
            _add(words, fold(form), role, True)
    for form in section(lex, "units", "minute") or []:
        _add(words, fold(form), "minute_unit", True)  # "السابعة و45 دقيقة": the minutes of an hour
    for zone, forms in (section(times, "zones") or {}).items():
        for form in forms:
            _add(words, fold(form), "zone", zone)
    for form, value in (section(lex, "numbers", "fractions") or {}).items():
        try:
            _add(words, fold(form), "fraction", float(value))
        except ValueError:
            continue


def _weak_templates(lex: dict) -> set:
    """Year cues made only of a preposition or a case ending ("in #", "في #", "#'de"): they say "at", not "year"."""
    weak = {fold(w) for key in ("locative", "offset_markers") for w in section(lex, key) or []}
    weak |= {fold(s) for s in section(lex, "morphology", "suffixes") or []}
    out = set()
    for marks in (section(lex, "dates", "calendar_markers") or {}).values():
        for mark in marks:
            pre, suf = _template(mark, after=True)
            if "#" in mark and (pre or suf) and all(not w or w.lstrip("'") in weak for w in (pre, suf)):
                out.add((pre, suf))
    return out


def _clitic_pattern(clitics: list, article: tuple) -> str:
    one = "|".join(re.escape(c) for c in sorted(set(clitics), key=len, reverse=True))
    arts = sorted(set(article) | {a[1:] for a in article if len(a) > 1}, key=len, reverse=True)
    art = "|".join(re.escape(a) for a in arts)
    if not (one or art):
        return ""
    return f"{f'(?:{one}){{0,2}}' if one else ''}{f'(?:{art})?' if art else ''}"


def _counted_pattern(lexicons: list, clitic: str) -> Optional[re.Pattern]:
    """The language's count nouns and units as the word after a number ("1500 villages", "2000 منزل")."""
    forms = set()
    endings = set()
    for lex in lexicons:
        for key in ("count_nouns", "units", "dual_units"):
            for phrases in (section(lex, key) or {}).values():
                forms.update(fold(p) for p in phrases if fold(p))
        endings.update(fold(s) for s in section(lex, "morphology", "suffixes") or [] if fold(s))
    if not forms:
        return None
    ending = f"(?:{phrase_regex(sorted(endings))})?" if endings else ""
    return re.compile(rf"\s{{1,3}}(?:{clitic})?(?:{phrase_regex(sorted(forms))}){ending}(?!{LETTER})")


def _compound_pattern(article: tuple) -> Optional[re.Pattern]:
    """A word with the article right after a day word: "اليوم التالي" is "the next day", not "today".

    Two letters at least after the article, so a short word that merely starts like it ("إلى") is not one.
    """
    if not article:
        return None
    articles = "|".join(re.escape(a) for a in sorted(article, key=len, reverse=True))
    return re.compile(rf"\s{{1,3}}(?=(?:{articles}){LETTER}{{2}})")


def _template(phrase: str, after: bool) -> tuple:
    """("عام #") -> ("عام", ""); a phrase without "#" sits after (or before) the number."""
    folded = fold(phrase)
    if "#" not in folded:
        return ("", folded) if after else (folded, "")
    pre, _, suf = folded.partition("#")
    return pre.strip(), suf.strip()


def _number_words(lex: dict) -> dict:
    """Ordinal and cardinal words up to 31 (days of a month, hours of a day)."""
    out = {}
    for key in ("cardinals", "ordinals"):
        for word, value in (section(lex, "numbers", key) or {}).items():
            try:
                number = float(value)
            except ValueError:
                continue
            if number.is_integer() and 1 <= number <= 31 and fold(word):
                out[fold(word)] = (key, int(number))
    return out


def _rbnf_days(language: str | None) -> dict:
    """Days of a month spelled out by CLDR's rule-based number formats, cardinal and ordinal, every gender
    ("vingt et un", "vigésimo segundo", "yirmi bir", "الثاني والعشرون"), with and without hyphens and accents."""
    engine = _rbnf_engine(language)
    out: dict = {}
    for n in range(1, 32) if engine else ():
        for key, purpose in (("ordinals", FormatPurpose.ORDINAL), ("cardinals", None)):
            try:
                result = engine.format_number(n, purpose=purpose) if purpose else engine.format_number(n)
            except Exception:  # noqa: BLE001 -- a ruleset CLDR leaves incomplete: no spelling
                continue
            for name, text in result.text_by_ruleset.items():
                if not name.startswith("spellout") or "year" in name:
                    continue
                for form in _spellings(" ".join(text.split())):
                    if re.fullmatch(rf"{LETTER}+(?:[ -]{LETTER}+)*", form):
                        out.setdefault(form, (key, n))
    return out


@lru_cache(maxsize=None)
def _rbnf_years(language: str | None) -> dict:
    """Years spelled out the way CLDR's year rules say them, 1800..2100, folded, hyphens as spaces
    (built once per language, the first time a date is followed by words)."""
    engine = _rbnf_engine(language)
    out: dict = {}
    for n in range(1800, 2101) if engine else ():
        try:
            texts = engine.format_number(n, purpose=FormatPurpose.YEAR).text_by_ruleset.values()
        except Exception:  # noqa: BLE001 -- a ruleset CLDR leaves incomplete: no spelling
            continue
        for text in texts:
            for form in _spellings(" ".join(text.split())):
                out.setdefault(" ".join(form.replace("-", " ").split()), n)
    return out


def _cldr_day_suffixes(language: str | None) -> set:
    """The endings CLDR's digits-ordinal rules write on a number ("1er", "1º", "21st"), folded."""
    if RbnfEngine is None or not language:
        return set()
    import unicode_rbnf
    path = Path(unicode_rbnf.__file__).parent / "rbnf" / f"{language}.xml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return set()
    out = set()
    for ruleset in re.findall(r'<ruleset type="digits-ordinal[^"]*">(.*?)</ruleset>', text, re.S):
        for rule in re.findall(r'<rbnfrule value="0">=#,##0=([^<]*);</rbnfrule>', ruleset):
            options = re.findall(r"\{([^{}]*)\}", rule) if rule.startswith("$(") else [rule]
            out.update(fold(o).strip() for o in options if fold(o).strip())
    out |= {fold(unicodedata.normalize("NFKC", o)) for o in out}  # "1º" is typed "1o"
    return {o for o in out if re.fullmatch(rf"\.?{LETTER}{{1,3}}", o)}


@lru_cache(maxsize=None)
def _rbnf_engine(language: str | None):
    if RbnfEngine is None or not language:
        return None
    try:
        return RbnfEngine.for_language(language)
    except (ValueError, KeyError, OSError):
        return None


def _weaken(words: dict, number_words: dict) -> None:
    """Mark month names that need a year beside them: abbreviations, two-letter names, number words."""
    for form, meanings in list(words.items()):
        changed = []
        for role, value in meanings:
            if role == "month":
                calendar, n, abbreviated = value
                weak = abbreviated or len(form) <= 2 or form in number_words
                value = (calendar, n, weak)
            changed.append((role, value))
        words[form] = tuple(changed)


def _lexer(words: dict, clitics: list, article: tuple, suffixes: list) -> re.Pattern:
    # one trie-shaped alternation (longest form first): thousands of CLDR and RBNF forms stay cheap
    alternation = phrase_regex(f for f in words if f).replace(r"\ ", r"\s{1,3}")
    clitic = _clitic_pattern(clitics, article)
    clitic = f"(?P<clitic>{clitic})?" if clitic else ""
    day_suffix = f"(?:{phrase_regex(suffixes)})?" if suffixes else ""  # "18th", "18-го"
    return re.compile(
        r"(?P<numdate>(?:(?<!\d)|(?<=\d:\d\d))(?:\d{4}([-/.])\d{1,2}\2\d{1,2}|\d{1,2}([-/.])\d{1,2}\3\d{4}"
        r"|\d{1,2}/\d{1,2},\s?\d{4}|\d{1,2}/\d{1,2},\d\d(?!\d|[.,/:]\d|\s+[^\W\d_])|(?<![\d.,/-])\d{1,2}([-/])\d{1,2}\4\d\d(?![.,/-]?\d))(?!\d))"
        r"|(?P<shortdate>(?<![\d.,/-])\d{1,2}/\d{1,2}(?![\d%]|[/.,:-]\d))"
        r"|(?P<clock>(?<![\d.,:])(?:[01]?\d|2[0-4])[:.][0-5]\d(?::[0-5]\d)?"
        r"(?:(?![\d]|[.,:]\d)|(?=\d{1,2}[/.]\d{1,2}[/.]\d{4}(?!\d))))"
        rf"|(?P<num>(?<![\d.,])\d{{1,4}}(?![\d]|[.,:]\d){day_suffix})"
        rf"|(?<!{LETTER}){clitic}(?P<form>{alternation})(?!{LETTER})"
    )


def _long_day_first(language: str | None) -> bool:
    try:
        pattern = re.sub(r"'[^']*'", "", get_date_format("long", locale=language or "en").pattern)
    except (ValueError, LookupError, TypeError):
        return False
    return "d" in pattern and "M" in pattern and pattern.index("d") < pattern.index("M")


def _numeric_order(language: str | None) -> str:
    """How the language's short numeric dates run, from CLDR's short date pattern."""
    try:
        pattern = get_date_format("short", locale=language or "en").pattern
    except (ValueError, LookupError, TypeError):
        return "dmy"
    letters = [c for c in re.sub(r"'[^']*'", "", pattern) if c in "dMy"]
    order = "".join(dict.fromkeys(c.lower() for c in letters))
    return order if order in ("dmy", "mdy", "ymd") else "dmy"


def _tokens(view: str, index: DateIndex) -> list:
    out = []
    for m in index.lexer.finditer(view):
        kind = m.lastgroup if m.lastgroup in ("numdate", "shortdate", "clock", "num") else "word"
        if kind != "word":
            out.append(Token(kind, m.start(), m.end(), m.group(kind)))
            continue
        if CASE_ENDING_BEFORE.search(view, max(0, m.start() - 4), m.start()):
            continue  # "Haziran'ın": an ending after an apostrophe, not the word "in"
        form = " ".join(m.group("form").split())
        clitic = (m.groupdict().get("clitic") or "")
        if clitic and clitic + form in index.words:  # "الاثنين" is Monday, not "ال" + "اثنين" (two)
            form, clitic = clitic + form, ""
        if form in index.bare:
            # the article glued on, or after ل with its alif dropped ("للثلاثاء")
            if not any(clitic.endswith(a) or clitic.endswith(a[1:] * 2) for a in index.article):
                continue
            form = index.bare[form]
        out.append(Token("word", m.start(), m.end(), form, index.words.get(form, ()), clitic))
    return out


# ---------------------------------------------------------------- reading tokens

class _Reader:
    """A left-to-right reading of one text's tokens into date and time pieces."""

    def __init__(self, folded: Folded, tokens: list, index: DateIndex, durations=None, number_reader=None):
        self.folded = folded
        self.number_reader = number_reader  # words -> their value, by the language's number grammar
        self.durations = durations  # (start, end) -> [(start, end, low, high, value)] of the durations there
        self.view = folded.view
        self.tokens = tokens
        self.index = index
        self.relation_words = index.relation_words

    def gap(self, a: int, b: int, pattern: re.Pattern) -> bool:
        """Tokens a and b are next to each other with only `pattern` between them."""
        if a < 0 or b >= len(self.tokens):
            return False
        return pattern.fullmatch(self.view, self.tokens[a].end, self.tokens[b].start) is not None

    def tok(self, i: int) -> Optional[Token]:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def pieces(self) -> list:
        out = []
        i = 0
        while i < len(self.tokens):
            found = self.time_at(i) or self.date_at(i)
            if found:
                piece, i = found
                out.append(piece)
            else:
                i += 1
        return out

    # ---- times of day

    def time_at(self, i: int):
        t = self.tokens[i]
        start_i = i
        if t.kind == "word" and t.means("oclock_pre"):
            if self.counted_before(i):
                return None  # "2 saat 15 dakika": after a number the word is its unit, not a clock's cue
            hour = self.hour_at(i + 1, pre=t.text)
            if hour:
                return self.finish_time(start_i, *hour)
            return None
        if t.kind == "word" and (t.means("am") or t.means("pm")) and self.tok(i + 1) \
                and self.tokens[i + 1].means("oclock_pre") and self.gap(i, i + 1, SPACE_GAP):
            hour = self.hour_at(i + 2, pre=self.tokens[i + 1].text)
            if hour:
                h, m, end_i, _ = hour
                h = _half_day(h, "pm" if t.means("pm") else "am")
                return self.finish_time(start_i, h, m, end_i, True)
            return None
        if t.kind == "word" and t.means("numword") and self.hour_word_here(i):
            return self.spelled_hour(i)
        if t.kind == "clock":
            return self.clock_time(i)
        if t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and self.zone_beside(i, before=False):
            h, m = int(t.text[:2]), int(t.text[2:])  # "0650 GMT": hours and minutes run together before a zone
            return self.finish_time(i, h, m, i, False) if h < 24 and m < 60 else None
        if t.kind == "num" and t.text.isdigit() and 0 <= int(t.text) <= 24:
            if self.oclock_suffix_after(i, "") or self.half_day_after(i, strong=True):
                return self.finish_time(i, int(t.text), None, i, False)
        return None

    def hour_word_here(self, i: int) -> bool:
        """A spelled number right after "at", "في", "حتى", "عند" (an o'clock phrase without its hour noun)."""
        prev = self.tok(i - 1)
        return prev is not None and self.gap(i - 1, i, SPACE_GAP) \
            and any(prev.means(role) for role in ("month_pre", "bound", "hour_pre"))

    def spelled_hour(self, i: int):
        """"في السادسة من صباح", "عند العاشرة والنصف صباحا", "at six in the morning": an hour of the
        twelve said in words, told as a time by the half of the day right after it (not "في الثانية" alone)."""
        h = self.tokens[i].means("numword")[1]
        end_i, m = i, None
        f = self.tok(i + 1)
        if f is not None and f.means("fraction") and self.gap(i, i + 1, TIGHT_GAP):
            minutes = round(f.means("fraction") * 60)
            if -60 < minutes < 60:
                h, m, end_i = (h - 1) % 24 if minutes < 0 else h, minutes % 60, i + 1
        if not 1 <= h <= 12 or not self.half_day_after(end_i, strong=True):
            return None
        return self.finish_time(i, h, m, end_i, False)

    def counted_before(self, i: int) -> bool:
        """A number (digits or a number word) stands right before token i."""
        prev = self.tok(i - 1)
        return prev is not None and (prev.kind == "num" or bool(prev.means("numword"))) and self.gap(i - 1, i, SPACE_GAP)

    def clock_time(self, i: int):
        """"10:38", or "13.00" with a half-day word, an o'clock word, a zone or a case ending beside it."""
        t = self.tokens[i]
        h, m = _clock(t.text)
        if h is None:
            return None
        if t.text[-3] == ":" or self.half_day_after(i) or self.oclock_suffix_after(i, "") \
                or self.zone_beside(i) or self.suffixed_clock(i):
            return self.finish_time(i, h, m, i, False)
        return None

    def hour_at(self, i: int, pre: str):
        """The hour after an o'clock word: digits, a clock, or a number word; its template's suffix."""
        t = self.tok(i)
        if t is None or not self.gap(i - 1, i, SPACE_GAP):
            return None
        if t.kind == "clock":
            h, m = _clock(t.text)
        elif t.kind == "num" and t.text.isdigit() and int(t.text) <= 24:
            h, m = int(t.text), None
        elif t.kind == "word" and t.means("numword"):
            h, m = t.means("numword")[1], None
        else:
            return None
        if h is None:
            return None
        end_i = i
        f = self.tok(i + 1)
        minutes = self.minutes_after(i) if m is None else None
        if minutes is not None:
            m, end_i = minutes
        elif m is None and f is not None and f.means("fraction") and self.gap(i, i + 1, TIGHT_GAP):
            minutes = round(f.means("fraction") * 60)
            if -60 < minutes < 60:
                h, m = (h - 1) % 24 if minutes < 0 else h, minutes % 60
                end_i = i + 1
        templates = self.index.oclock_templates
        if (pre, "") not in templates:
            suf = self.tok(end_i + 1)
            if suf is None or (pre, suf.text) not in templates or not self.gap(end_i, end_i + 1, TIGHT_GAP):
                return None
            end_i += 1
        return h, m, end_i, False

    def minutes_after(self, i: int) -> Optional[tuple]:
        """"و45 دقيقة", "و ۳۷ دقیقه" after the hour at token i: (minutes, index of the minute word)."""
        n, unit = self.tok(i + 1), self.tok(i + 2)
        if n is None or unit is None or self.index.connector is None or not unit.means("minute_unit"):
            return None
        if not (self.index.connector.fullmatch(self.view, self.tokens[i].end, n.start + len(n.clitic))
                and self.gap(i + 1, i + 2, SPACE_GAP)):
            return None
        word = n.means("numword")
        value = int(n.text) if n.kind == "num" and n.text.isdigit() else None
        value = word[1] if value is None and word and word[0] == "cardinals" else value
        return (value, i + 2) if value is not None and 0 < value < 60 else None

    def zone_beside(self, i: int, before: bool = True) -> bool:
        """A zone right after token i (or right before it): "0650 GMT", "TSİ 13.00"."""
        after, ahead = self.tok(i + 1), self.tok(i - 1) if before else None
        return any(z is not None and z.means("zone") and self.gap(*pair, COMMA_GAP) and self.zone_ok(z)
                   for z, pair in ((after, (i, i + 1)), (ahead, (i - 1, i))))

    def suffixed_clock(self, i: int) -> bool:
        """"13.00'te": hours and minutes with a case ending, in a language whose decimal mark is no dot."""
        t = self.tokens[i]
        return self.index.dotted_clock and "." in t.text and SUFFIX_AFTER.match(self.view, t.end) is not None

    def oclock_suffix_after(self, i: int, pre: str) -> bool:
        t = self.tok(i + 1)
        return bool(t and t.means("oclock_suf") and (pre, t.text) in self.index.oclock_templates
                    and self.gap(i, i + 1, TIGHT_GAP))

    def half_day_after(self, i: int, strong: bool = False) -> bool:
        t = self.tok(i + 1)
        if not (t and (t.means("am") or t.means("pm")) and self.gap(i, i + 1, TIGHT_GAP)):
            return False
        return not strong or len(t.text) > 1  # a one-letter mark ("م") needs minutes before it

    def finish_time(self, start_i: int, h: int, m: Optional[int], end_i: int, half_done: bool):
        """Take in the o'clock suffix, the half of the day and the zone after an hour."""
        if self.oclock_suffix_after(end_i, ""):
            end_i += 1
        t = self.tok(end_i + 1)
        if t and (t.means("am") or t.means("pm")) and self.gap(end_i, end_i + 1, TIGHT_GAP) \
                and (m is not None or len(t.text) > 1):
            if not half_done:
                h = _half_day(h, "pm" if t.means("pm") else "am")
            end_i += 1
        if not 0 <= h <= 24 or (h == 24 and m):
            return None
        zone = None
        z = self.tok(end_i + 1)
        if z and z.means("zone") and self.gap(end_i, end_i + 1, COMMA_GAP) and self.zone_ok(z):
            zone, end_i = z.means("zone"), end_i + 1
        elif self.tokens[end_i].means("am") or self.tokens[end_i].means("pm"):  # "... صبح جمعه به وقت تهران"
            zone = self.zone_past_day(end_i)
        start = self.tokens[start_i].start
        before = self.tok(start_i - 1)
        if zone is None and before and before.means("zone") and self.gap(start_i - 1, start_i, COMMA_GAP) \
                and self.zone_ok(before):
            zone, start = before.means("zone"), before.start
        piece = Piece("time", start, self.tokens[end_i].end, hour=h % 24, minute=m, zone=zone)
        return piece, end_i + 1

    def zone_past_day(self, i: int) -> Optional[str]:
        """The zone after the day a time's half of the day leads to: "۷:۳۰ صبح جمعه به وقت تهران", "السادسة
        من صباح غد الجمعة بتوقيت الخرطوم". The day stays a date of its own; the time takes the zone."""
        j = i + 1
        while j <= i + DAY_WORDS and self.tok(j) is not None and self.gap(j - 1, j, SPACE_GAP) \
                and (self.tokens[j].means("weekday") or self.tokens[j].means("relative")):
            j += 1
        z = self.tok(j)
        if j > i + 1 and z is not None and z.means("zone") and self.gap(j - 1, j, COMMA_GAP) and self.zone_ok(z):
            return z.means("zone")
        return None

    def zone_ok(self, t: Token) -> bool:
        """A short Latin zone abbreviation ("ET", "PT") counts only in capitals, as written."""
        if len(t.text) > 3 or not t.text.isascii() or self.folded is None:
            return True
        start, end = self.folded.to_original(t.start, t.end)
        return self.folded.original[start:end].isupper()

    # ---- dates

    def date_at(self, i: int):
        t = self.tokens[i]
        if t.kind == "numdate":
            return self.numeric_date(i)
        if t.kind == "shortdate":
            return self.short_date(i)
        if t.kind == "word" and t.means("numword"):
            found = self.nth_weekday(i) or self.day_first(i)
            if found or not t.means("weekday"):  # "sexta" is the sixth and Friday
                return found
        if t.kind == "num":
            return self.day_first(i) or self.year_first(i) or self.year_phrase(i)
        if t.kind == "word" and t.means("month"):
            return self.month_first(i)
        if t.kind == "word" and t.means("year_pre"):
            return self.year_phrase(i + 1, pre_i=i)
        if t.kind == "word" and t.means("year_suf"):
            return self.worded_year_phrase(i)
        if t.kind == "word" and t.means("ago"):
            return self.ago(i)
        if t.kind == "word" and t.means("ahead"):
            return self.ahead(i)
        if t.kind == "word" and t.means("week"):
            return self.week_weekday(i)
        if t.kind == "word" and self.relation_of(t, "before"):
            return self.related_weekday(i)
        if t.kind == "word" and t.means("weekday"):
            if t.means("nth_only") or t.means("short_weekday") and not self.short_weekday_ok(i):
                return None
            return self.weekday(i)
        if t.kind == "word" and (t.means("relative") or t.means("relative_inflected")):
            moved = self.moved_day(i)
            if moved or not t.means("relative"):
                return moved
            if self.in_compound(i) or t.means("day_phrase") and self.joined_after(i):
                return None  # "the last day of the talks" is no yesterday
            return Piece("date", t.start, t.end, relative=t.means("relative")), i + 1
        return None

    def in_compound(self, i: int) -> bool:
        """A day word with an article-led word after it that is no date word: "the next day", "world day"."""
        if self.index.compound is None:
            return False
        m = self.index.compound.match(self.view, self.tokens[i].end)
        nxt = self.tok(i + 1)
        return m is not None and not (nxt is not None and nxt.start == m.end())

    def joined_after(self, i: int) -> bool:
        """A joiner right after token i ("of", "من"): what it names belongs to what follows."""
        nxt = self.tok(i + 1)
        return nxt is not None and bool(nxt.means("joiner")) and self.gap(i, i + 1, SPACE_GAP)

    def day_value(self, t: Token, cardinal: bool = False) -> Optional[int]:
        if t.kind == "num":
            digits = re.match(r"\d+", t.text).group()
            return int(digits) if len(digits) <= 2 and 1 <= int(digits) <= 31 else None
        word = t.means("numword")
        return word[1] if word and (word[0] == "ordinals" or cardinal) else None

    def day_first(self, i: int):
        """"18 March", "the 18th of March", "vinte e um de Maio": a cardinal word is a day before the month
        only in a language whose long dates put the day first."""
        day = self.day_value(self.tokens[i], cardinal=self.index.day_first)
        if day is None:
            return None
        j = i + 1
        t = self.tok(j)
        if t and t.means("joiner") and not t.means("month") and self.gap(i, j, TIGHT_GAP):
            j += 1
        m = self.tok(j)
        if m and m.means("month_rel") is not None and j > i + 1 and self.gap(j - 1, j, SPACE_GAP):
            return Piece("date", self.tokens[i].start, m.end, day=day, month_offset=m.means("month_rel")), j + 1
        if not (m and m.means("month") and self.gap(j - 1, j, DAY_MONTH_GAP)):
            return self.day_alone(i, day)
        return self.after_month(i, j, day)

    def weekday_before(self, i: int) -> bool:
        w = self.tok(i - 1)
        return w is not None and bool(w.means("weekday")) and self.gap(i - 1, i, SPACE_GAP)

    def year_first(self, i: int):
        """"2019-sep-1", "2019/sep/01": year, month name and day tied by dashes or slashes."""
        m, d = self.tok(i + 1), self.tok(i + 2)
        if not (self.is_year(self.tokens[i]) and m and d and m.means("month") and d.kind == "num"
                and TIED_PART.fullmatch(self.view, self.tokens[i].end, m.start)
                and TIED_PART.fullmatch(self.view, m.end, d.start)):
            return None
        calendar, month, _ = m.means("month")
        day, year = self.day_value(d), int(self.tokens[i].text)
        if day is None or not _year_fits(calendar, year) or _day_iso(calendar, year, month, day) is None:
            return None
        return Piece("date", self.tokens[i].start, d.end, calendar=calendar, year=year, month=month, day=day), i + 3

    def day_alone(self, i: int, day: int):
        """A day of the month with no month: digits with a day suffix ("27'sinde", "18-го", "the 27th."). An
        ending of two letters or less ("th") is only an ordinal: it needs a short word before it and the
        sentence's end after it ("finished 27th in the race" is a rank); a longer case ending says "on"."""
        t = self.tokens[i]
        suffix = t.text[len(re.match(r"\d+", t.text).group()):] if t.kind == "num" else ""
        month = self.tok(i - 1)
        if not (month and month.means("month") and APOSTROPHE_GAP.fullmatch(self.view, month.end, t.start)):
            month = None
        if t.kind == "word" and t.means("suffixed_day"):
            suffix = "word"  # "Ağustos'un ikisinde"; alone only from ten on ("ikisinde" is also "in both")
            if month is None and day < 10 and not self.weekday_before(i):
                return None
        elif t.kind == "word" and month is None and not t.means("weekday"):  # "na sexta." is a Friday
            # a spelled ordinal alone reads as "the 27th." does: "for the second.", "للثاني.", "إلى الحادي
            # والعشرين." (with the article, in a language that has one; a glued preposition is a short word)
            # (an ordinal; a cardinal only with the article: "للثلاثين", not "один на один.")
            if self.index.article and not (t.text.startswith(self.index.article) or any(
                    t.clitic.endswith(a) or t.clitic.endswith(a[1:] * 2) for a in self.index.article)):
                return None
            if not self.index.article and t.means("numword")[0] != "ordinals":
                return None
            suffix = "th"
        if not suffix and not (month is None and t.kind == "num" and self.day_marked(i)):
            return None
        if month is not None:
            calendar, n, _ = month.means("month")
            return Piece("date", month.start, t.end, calendar=calendar, month=n, day=day), i + 1
        if len(suffix) <= 2 and suffix:
            before = self.view[max(0, t.start - 5):t.start]
            if not ((t.clitic or re.search(rf"(?:^|[^\w]){LETTER}{{1,3}}\s{{1,2}}$", before))
                    and re.match(r"\s*(?:[.!?;,]|$)", self.view[t.end:t.end + 4])):
                return None
        m = self.tok(i - 1)
        if m is not None and m.means("month_rel") is not None and self.gap(i - 1, i, SPACE_GAP):
            return Piece("date", m.start, t.end, day=day, month_offset=m.means("month_rel")), i + 1
        return Piece("date", t.start, t.end, day=day), i + 1

    def day_marked(self, i: int) -> bool:
        """Bare digits after a day marker ("on", "the", "يوم"), closing the sentence: "back on 15.", "for the 27".
        Not after a joiner ("one of the 27.")."""
        t = self.tokens[i]
        pattern = self.index.day_markers
        m = pattern.search(self.view, max(0, t.start - 24), t.start) if pattern is not None else None
        if m is None or not re.match(r"\s*(?:[.!?;]|$)", self.view[t.end:t.end + 4]):
            return False
        prev = self.tok(i - 1)
        return not (prev is not None and prev.means("joiner") and prev.end <= m.start()
                    and self.view[prev.end:m.start()].isspace())

    def month_first(self, i: int):
        t = self.tok(i + 1)
        if t and t.kind == "num" and (self.gap(i, i + 1, MONTH_DAY_GAP) or self.gap(i, i + 1, DOT_GAP) and (
                self.dotted(i) or self.closes_date(i + 1))):  # "Feb. 14", "October. 2." (not "in May. 2 died")
            day = self.day_value(t)
            if day is not None and not self.is_year(t):
                return self.after_month(i, i, day, day_i=i + 1)
        day = None
        if t and t.kind == "word" and self.gap(i, i + 1, SPACE_GAP):
            day = self.day_value(t) or self.closing_cardinal(i + 1)
        elif t and t.kind == "word" and self.gap(i, i + 1, WEEK_GAP) and self.closes_date(i + 1):
            day = self.day_value(t)  # "September the twenty-first nineteen seventy eight"
        if day is not None:
            return self.after_month(i, i, day, day_i=i + 1)
        return self.after_month(i, i, None)

    def closing_cardinal(self, i: int) -> Optional[int]:
        """A cardinal word as the day after a month only where the sentence or the date ends ("May twenty
        one."): "in May two people died" counts people."""
        word = self.tokens[i].means("numword")
        if not word or word[0] != "cardinals":
            return None
        return word[1] if self.closes_date(i) else None

    def closes_date(self, i: int) -> bool:
        """Token i ends its sentence, or a year (digits or words) follows it."""
        rest = self.view[self.tokens[i].end:self.tokens[i].end + 8]
        nxt = self.tok(i + 1)
        return bool(re.match(r"\s*(?:[.!?;]|$)", rest)
                    or (nxt is not None and self.is_year(nxt) and self.gap(i, i + 1, YEAR_GAP))
                    or self.worded_year(self.tokens[i].end))

    def after_month(self, start_i: int, month_i: int, day: Optional[int], day_i: Optional[int] = None):
        """The rest of a date once its month is found: a paired name, the year, a calendar mark."""
        month = self.tokens[month_i].means("month")
        end_i = day_i if day_i is not None else month_i
        k = month_i + 1
        paired = self.tok(k)
        if day_i is None and paired and paired.means("month") and self.gap(month_i, k, PAIR_GAP) \
                and paired.means("month")[:2] == month[:2]:
            end_i, k = k, k + 1
            month = (month[0], month[1], month[2] and paired.means("month")[2])
        elif day_i is not None:
            k = day_i + 1
        year = None
        y = self.tok(k)
        joined = self.tok(k + 1)
        if y and y.means("joiner") and joined and self.is_year(joined) and self.gap(k - 1, k, SPACE_GAP) \
                and self.gap(k, k + 1, SPACE_GAP) and k - 1 == (day_i if day_i is not None else month_i):
            end_i, k, y = k, k + 1, joined  # "1 de março de 2025": CLDR's literal before the year
        gap = AFTER_PAIR_GAP if end_i > month_i and day_i is None else YEAR_GAP
        if end_i == month_i and (self.dotted(month_i) or day is not None and start_i < month_i
                                 and self.view[self.tokens[start_i].end:self.tokens[start_i].end + 1] == "."):
            gap = DOTTED_YEAR_GAP  # "1 sep. 2019", "Feb. 2024", "16. نوفمبر. 2016" (a dotted day, then its month)
        if y and self.is_year(y) and self.gap(end_i, k, gap):
            year, end_i = int(y.text), k
        calendar, n, weak = month
        worded = self.worded_year(self.tokens[end_i].end) if year is None and day is not None \
            and calendar == "gregorian" else None
        if worded:
            year = worded[0]
        mark = self.calendar_mark(end_i) if year and not worded else None
        if mark:
            calendar = mark[0] if mark[0] != "gregorian" or calendar == "gregorian" else calendar
            end_i = mark[1]
        if year and not _year_fits(calendar, year):
            return None
        if weak and year is None and not (day is not None and self.sure_abbreviation(month_i, start_i, day_i)):
            return None
        if day is None and year is None and not self.month_alone(month_i):
            return None
        end = worded[1] if worded else self.tokens[end_i].end
        piece = Piece("date", self.tokens[start_i].start, end, calendar=calendar, year=year, month=n, day=day)
        return piece, next((k for k in range(end_i + 1, len(self.tokens)) if self.tokens[k].start >= end),
                           len(self.tokens))

    def worded_year(self, offset: int) -> Optional[tuple]:
        """A year spelled out after a day and month ("nineteen seventy-eight", "iki bin on sekiz", "ألفين"):
        CLDR's year spellings, else the language's number grammar; (year, end offset), longest first."""
        gap = WORDED_YEAR_GAP.match(self.view, offset)
        if gap is None:
            return None
        spans = [m.span() for m in WORD_RUN.finditer(self.view, gap.end(), min(len(self.view), gap.end() + 90))]
        spans = [sp for k, sp in enumerate(spans[:WORDED_YEAR_WORDS])
                 if k == 0 and sp[0] == gap.end() or k > 0 and self.view[spans[k - 1][1]:sp[0]].isspace()]
        for k in range(len(spans), 0, -1):
            phrase = " ".join(self.view[a:b] for a, b in spans[:k])
            year = _rbnf_years(self.index.language).get(phrase) or self.spelled_year(phrase)
            if year and not (self.index.counted and self.index.counted.match(self.view, spans[k - 1][1])):
                return year, spans[k - 1][1]  # not "May 5 two thousand people"
        return None

    def worded_year_phrase(self, i: int):
        """A year spelled out before its cue ("iki bin yılı"): CLDR's year spellings, else the number grammar."""
        t = self.tokens[i]
        calendars = self.index.year_templates.get(("", t.text)) or []
        if not calendars or ("", t.text) in self.index.weak_templates:
            return None
        window = max(0, t.start - 90)
        spans = [m.span() for m in WORD_RUN.finditer(self.view, window, t.start)]
        if spans and spans[0][0] == window and window > 0 and re.match(LETTER, self.view[window - 1]):
            spans = spans[1:]  # a word cut by the window
        run: list = []
        for a, b in reversed(spans):
            if not self.view[b:run[0][0] if run else t.start].isspace() or len(run) == WORDED_YEAR_WORDS:
                break
            run.insert(0, (a, b))
        for k in range(len(run), 0, -1):
            phrase = " ".join(self.view[a:b] for a, b in run[-k:])
            year = _rbnf_years(self.index.language).get(phrase) or self.spelled_year(phrase)
            calendar = _pick_calendar(calendars, year, YEAR_RANGES) if year else None
            if calendar:
                return Piece("date", run[-k][0], t.end, calendar=calendar, year=year, year_only=True), i + 1
        return None

    def spelled_year(self, phrase: str) -> Optional[int]:
        if self.number_reader is None or " " not in phrase:
            return None
        value = self.number_reader(phrase)
        return int(value) if value and float(value).is_integer() and 1000 <= value <= 2199 else None

    def sure_abbreviation(self, month_i: int, start_i: int, day_i: Optional[int]) -> bool:
        """An abbreviated month beside its day is one when written with its dot ("Feb. 14"), tied to the day
        ("Oct-2", "2/Out", "Oct2") or capitalized ("Feb 29") in a script with capitals."""
        t = self.tokens[month_i]
        if self.dotted(month_i):
            return True
        day_at = day_i if day_i is not None else start_i
        day = self.tokens[day_at]
        a, b = sorted((month_i, day_at))
        if len(t.text) < 3 or t.means("numword") or a == b:
            return False
        if day.kind == "num" and TIED.fullmatch(self.view, self.tokens[a].end, self.tokens[b].start):
            return True
        start, end = self.folded.to_original(t.start, t.end)
        written = self.folded.original[start:end]
        closes = re.match(r"\s*(?:[.!?;]|$)", self.view[self.tokens[b].end:self.tokens[b].end + 4])
        return written[:1].isupper() and written[1:].islower() and (closes or not day.text.isdigit())

    def dotted(self, i: int) -> bool:
        """An abbreviated month name written with its dot ("Feb.", "фев."): an abbreviation, no other word."""
        t = self.tokens[i]
        return self.view[t.end:t.end + 1] == "." and bool(t.means("abbreviation")) and len(t.text) > 2 \
            and not t.means("numword")

    def month_alone(self, month_i: int) -> bool:
        """"in March", "в январе", "في مارس": a month named alone, after a word that places it in time.
        A bare month word elsewhere is too often something else (a name, a verb) to be a date."""
        prev = self.tok(month_i - 1)
        return prev is not None and prev.means("month_pre") is not None and self.gap(month_i - 1, month_i, SPACE_GAP)

    def is_year(self, t: Token) -> bool:
        return t.kind == "num" and t.text.isdigit() and len(t.text) == 4

    def calendar_mark(self, year_i: int):
        """A calendar's mark right after a year ("هـ", "г.", "AD"): (calendar, index of the mark)."""
        t = self.tok(year_i + 1)
        if t and t.means("year_suf") and self.gap(year_i, year_i + 1, TIGHT_GAP):
            calendars = self.index.year_templates.get(("", t.text))
            if calendars:
                return calendars[0], year_i + 1
        return None

    def day_month(self, a: int, b: int) -> tuple:
        """(day, month) of two numbers in the language's order, unless only the other order is a date."""
        month_first = (self.index.order == "mdy" and a <= 12) or b > 12
        return (b, a) if month_first else (a, b)

    def short_date(self, i: int):
        """"4/22", "22/04": a day and a month with no year. Not two one-digit numbers (a fraction, "1/2"),
        not 24/7 (hours and days: all the time), not before a unit or a count noun ("10/12 patients")."""
        t = self.tokens[i]
        texts = t.text.split("/")
        a, b = int(texts[0]), int(texts[1])
        if max(map(len, texts)) < 2 or (a == 24 and b <= 7):
            return None
        if self.index.counted and self.index.counted.match(self.view, t.end):
            return None
        day, month = self.day_month(a, b)
        if not (1 <= month <= 12 and 1 <= day <= 31) or _day_iso("gregorian", 2000, month, day) is None:
            return None
        return Piece("date", t.start, t.end, month=month, day=day), i + 1

    def numeric_date(self, i: int):
        t = self.tokens[i]
        texts = [p for p in re.split(r"[-/.,\s]+", t.text) if p]
        parts = [int(p) for p in texts]
        if len(texts[0]) == 4:
            year, month, day = parts
        else:
            a, b, year = parts
            if len(texts[2]) == 2:  # "05/05/89", "3-7-07": the century nearest, split at 50
                if "," in t.text and self.index.counted and self.index.counted.match(self.view, t.end):
                    return None  # "08/12, 15 people": a count after the date
                year += 2000 if year < 50 else 1900
            day, month = self.day_month(a, b)
        calendar = "gregorian"
        end_i = i
        mark = self.calendar_mark(i)
        if mark:
            calendar, end_i = mark
        elif year < 1600:
            return None  # a Hijri-range year with no mark: which calendar is not said
        if _day_iso(calendar, year, month, day) is None:
            return None
        return Piece("date", t.start, self.tokens[end_i].end, calendar=calendar, year=year,
                     month=month, day=day), end_i + 1

    def year_phrase(self, i: int, pre_i: Optional[int] = None):
        """A year made a date by its cue: "عام 2022", "in 2022", "2022 yılında", "1446 هـ"."""
        t = self.tok(i)
        if t is None or not self.is_year(t):
            return None
        pre = self.tokens[pre_i].text if pre_i is not None and self.gap(pre_i, i, SPACE_GAP) else ""
        if pre_i is not None and not pre:
            return None
        nxt = self.tok(i + 1)
        suf = nxt.text if nxt is not None and nxt.means("year_suf") and self.gap(i, i + 1, TIGHT_GAP) else ""
        calendars = self.index.year_templates.get((pre, suf)) or []
        if not calendars and suf:
            calendars, suf = self.index.year_templates.get((pre, "")) or [], ""
        weak = (pre, suf) in self.index.weak_templates
        calendar = _pick_calendar(calendars, int(t.text), NEWS_YEARS if weak else YEAR_RANGES)
        if calendar is None:
            return None
        end_i = i + 1 if suf else i
        counted = self.index.counted.match(self.view, self.tokens[end_i].end) if weak and self.index.counted else None
        if counted is not None and not OBJECT_AFTER.match(self.view, counted.end()):
            return None  # "in 2000 homes": a count of something; but "in 2022 killed 1,700": a year, then a verb
        start = self.tokens[pre_i].start if pre else t.start
        return Piece("date", start, self.tokens[end_i].end, calendar=calendar, year=int(t.text),
                     year_only=True), end_i + 1

    def weekday(self, i: int, relation: Optional[str] = None, start_i: Optional[int] = None):
        t = self.tokens[i]
        start_i = i if start_i is None else start_i
        end_i = i
        relation = relation or t.means("relation")  # CLDR's own phrase: "next Sunday", "dimanche prochain"
        for role in ("last", "next"):  # a weekday form may carry the word itself ("прошлую среду")
            if relation is None and any(t.text.startswith(w + " ") for w in self.relation_words[role]):
                relation = role
        after = self.tok(i + 1)
        if relation is None and after and self.relation_of(after, "after") and self.gap(i, i + 1, SPACE_GAP):
            relation, end_i = self.relation_of(after, "after"), i + 1
        if relation is None:
            week = self.week_after(i)
            if week:
                relation, end_i = week
        nth = self.ordinal_after(i) if relation is None else None
        if nth is not None:  # "الأحد الثاني": an ordinal with the article after its weekday
            month, end = self.month_context_after(i + 1)
            return Piece("date", self.tokens[start_i].start, self.tokens[end].end, weekday=t.means("weekday"),
                         nth=(nth,) + month), end + 1
        day = self.tok(i + 1)
        if relation is None and day is not None and (day.kind == "num" or day.means("suffixed_day")) \
                and self.gap(i, i + 1, WEEK_GAP):
            found = self.day_first(i + 1)  # "Friday the 15th", "Perşembe 21'inde"
            if found and found[0].month is None:
                return replace(found[0], start=t.start, weekday=t.means("weekday")), found[1]
        if relation is None and day is not None and day.kind == "word" and self.gap(i, i + 1, WEEK_GAP) \
                and self.day_value(day, cardinal=True) and self.closes_date(i + 1) and not self.worded_year(day.end):
            # "Friday the fifteenth.", "Friday the fifteen.": a spelled day closing the sentence
            return Piece("date", t.start, day.end, day=self.day_value(day, cardinal=True),
                         weekday=t.means("weekday")), i + 2
        piece = Piece("date", self.tokens[start_i].start, self.tokens[end_i].end,
                      weekday=t.means("weekday"), relation=relation)
        return piece, end_i + 1

    def ordinal_after(self, i: int) -> Optional[int]:
        """An ordinal 1..5 right after a weekday that agrees with it by the article ("الأحد الثاني")."""
        t = self.tok(i + 1)
        word = t.means("numword") if t is not None else None
        if word and word[0] == "ordinals" and 1 <= word[1] <= 5 and self.gap(i, i + 1, SPACE_GAP) \
                and any(t.text.startswith(a) for a in self.index.article):
            return word[1]
        return None

    def short_weekday_ok(self, i: int) -> bool:
        """A weekday's short head ("sexta") alone: with a week phrase or a relation after it, or at the
        sentence's end after a short word ("voltarei na sexta.")."""
        t, after = self.tokens[i], self.tok(i + 1)
        if after is not None and (after.means("week") or self.relation_of(after, "after")) \
                and self.gap(i, i + 1, WEEK_GAP):
            return True
        before = self.view[max(0, t.start - 5):t.start]
        return bool(re.search(rf"(?:^|[^\w]){LETTER}{{1,3}}\s{{1,2}}$", before)
                    and re.match(r"\s*(?:[.!?;]|$)", self.view[t.end:t.end + 4]))

    def relation_of(self, t: Token, side: str) -> Optional[str]:
        """The relation a word gives a weekday on its side of it: last, this, next; "this coming" and
        "this past" are the nearest such day (coming, past)."""
        for role, value in t.meanings:
            if role in ("last", "this", "next") and value in (True, side):
                first = self.index.words.get(t.text.split()[0], ()) if " " in t.text else ()
                if role != "this" and any(r == "this" for r, _ in first):
                    return "coming" if role == "next" else "past"
                return role
        return None

    def related_weekday(self, i: int):
        t = self.tok(i + 1)
        if t and t.means("weekday") and not t.means("relation") and self.gap(i, i + 1, SPACE_GAP):
            return self.weekday(i + 1, relation=self.relation_of(self.tokens[i], "before"), start_i=i)
        return None

    def ago(self, i: int):
        """"two days ago", "il y a deux ans", "iki yıl önce", "قبل يومين": the durations right before (or
        after) the marker count back from publication. Not "قبل يومين من الانتخابات" (before another event)."""
        t = self.tokens[i]
        if self.durations is None:
            return None
        before = self.durations(max(0, t.start - AGO_REACH), t.end)  # the marker read too: "a month ago"
        chain = _chain([d for d in before if d[1] <= t.start], self.view, end=t.start)
        if chain:
            return Piece("date", chain[0][0], t.end, back=_sum_back(chain)), i + 1
        after = self.durations(t.start, min(len(self.view), t.end + AGO_REACH))  # "قبل شهر": the marker read too
        chain = _chain([d for d in after if d[0] >= t.end], self.view, start=t.end)
        if chain and not self.anchored(chain[-1][1]):
            end = chain[-1][1]
            return Piece("date", t.start, end, back=_sum_back(chain)), next(
                (k for k in range(i + 1, len(self.tokens)) if self.tokens[k].start >= end), len(self.tokens))
        return None

    def ahead(self, i: int):
        """"two weeks from now", "بعد أسبوعين من الآن": the durations right before the marker count forward."""
        t = self.tokens[i]
        if self.durations is None:
            return None
        chain = _chain(self.durations(max(0, t.start - AGO_REACH), t.start), self.view, end=t.start)
        if not chain:
            return None
        low, high, value = _sum_back(chain)
        return Piece("date", chain[0][0], t.end, back=(-high, -low, -value)), i + 1

    def moved_day(self, i: int):
        """A relative day moved by a duration: "two days after today", "four days from yesterday" (the
        offset word between), "Bugünden iki gün sonra", "Dünden itibaren dört gün" (the day first, in its
        case, then the duration and the offset word)."""
        t = self.tokens[i]
        if self.durations is None:
            return None
        w = self.tok(i - 1)
        if t.means("relative") and w and w.means("offset") and self.gap(i - 1, i, SPACE_GAP):
            chain = _chain(self.durations(max(0, w.start - AGO_REACH), w.start), self.view, end=w.start)
            if chain:
                return self.moved_piece(chain[0][0], t, t.end, chain, w.means("offset")), i + 1
        j = i + 1
        if self.tok(j) and self.tok(j).means("bound") and self.gap(i, j, SPACE_GAP):
            j += 1  # "itibaren"
        after = self.durations(self.tokens[j - 1].end, min(len(self.view), self.tokens[j - 1].end + AGO_REACH))
        chain = _chain(after, self.view, start=self.tokens[j - 1].end)
        if not chain:
            return None
        end = chain[-1][1]
        nxt = next((k for k in range(j, len(self.tokens)) if self.tokens[k].start >= end), None)
        w = self.tok(nxt) if nxt is not None else None
        if w and w.means("offset") and SPACE_GAP.fullmatch(self.view, end, w.start):
            return self.moved_piece(t.start, t, w.end, chain, w.means("offset")), nxt + 1
        return None

    def moved_piece(self, start: int, day: Token, end: int, chain: list, sign: int) -> Piece:
        low, high, value = _sum_back(chain)
        back = (-high, -low, -value) if sign > 0 else (low, high, value)
        key = day.means("relative") or day.means("relative_inflected")
        return Piece("date", start, end, back=back, shift=RELATIVE_DAYS[key])

    def anchored(self, end: int) -> bool:
        """A joiner right after a duration ties it to what follows ("before the vote"): no date of its own."""
        nxt = next((tok for tok in self.tokens if tok.start >= end), None)
        return nxt is not None and bool(nxt.means("joiner")) and SPACE_GAP.fullmatch(self.view, end, nxt.start) is not None

    def nth_weekday(self, i: int):
        """"the second Monday of next month", "premier vendredi de juillet", "ikinci Pazar", "Temmuz'un ilk
        Cuma günü": the nth such weekday of the month named after (or before) it, else of publication's."""
        word = self.tokens[i].means("numword")
        if not (word[0] == "ordinals" and 1 <= word[1] <= 5):
            return None
        w = self.tok(i + 1)
        if not (w and w.means("weekday") and not w.means("relation") and self.gap(i, i + 1, SPACE_GAP)):
            return self.nth_inflected_weekday(i, word[1])
        start_i, end_i, month = i, i + 1, self.month_context_before(i)
        if month is not None:
            start_i = i - 1
        else:
            month, end_i = self.month_context_after(i + 1)
        piece = Piece("date", self.tokens[start_i].start, self.tokens[end_i].end, weekday=w.means("weekday"),
                      nth=(word[1],) + month)
        return piece, end_i + 1

    def nth_inflected_weekday(self, i: int, n: int):
        """"Gelecek ayın ilk Cuması": a weekday with a noun ending after the ordinal, its month before it."""
        month = self.month_context_before(i)
        gap = SPACE_GAP.match(self.view, self.tokens[i].end)
        m = WORD_RUN.match(self.view, gap.end()) if gap and month is not None else None
        text = m.group() if m else ""
        weekday = next((dict(self.index.words.get(text[:-len(e)], ())).get("weekday") for e in self.index.endings
                        if len(text) > len(e) + 2 and text.endswith(e)
                        and dict(self.index.words.get(text[:-len(e)], ())).get("weekday")), None)
        if weekday is None:
            return None
        piece = Piece("date", self.tokens[i - 1].start, m.end(), weekday=weekday, nth=(n,) + month)
        return piece, next((k for k in range(i + 1, len(self.tokens)) if self.tokens[k].start >= m.end()),
                           len(self.tokens))

    def month_context_before(self, i: int) -> Optional[tuple]:
        """A month named with a case ending right before: "Temmuz'un ilk Cuma"."""
        m = self.tok(i - 1)
        if m and m.means("month") and m.means("month")[0] == "gregorian" \
                and APOSTROPHE_GAP.fullmatch(self.view, m.end, self.tokens[i].start):
            return ("month", m.means("month")[1])
        if m and m.means("month_rel") is not None and self.gap(i - 1, i, SPACE_GAP):
            return ("offset", m.means("month_rel"))  # "gelecek ayın ikinci pazartesi"
        return None

    def month_context_after(self, i: int) -> tuple:
        """("month", n) or ("offset", -1..1) and the index of its last token; ("offset", 0) by default."""
        j = i + 1
        t = self.tok(j)
        if t and (t.means("joiner") or t.means("month_pre")) and not t.means("month") and self.gap(i, j, SPACE_GAP):
            j += 1
        m = self.tok(j)
        if m and self.gap(j - 1, j, WEEK_GAP if j == i + 1 else SPACE_GAP):  # "de juillet", "du mois dernier"
            if m.means("month") and m.means("month")[0] == "gregorian" and not m.means("month")[2]:
                return ("month", m.means("month")[1]), j
            if m.means("month_rel") is not None:
                return ("offset", m.means("month_rel")), j
        return ("offset", 0), i

    def week_after(self, i: int) -> Optional[tuple]:
        """"Friday next week", "vendredi cette semaine", "Sunday of next week": (relation, index of the week)."""
        j = i + 1
        t = self.tok(j)
        if t and t.means("joiner") and self.gap(i, j, SPACE_GAP):
            j += 1
        w = self.tok(j)
        if w and w.means("week") and self.gap(j - 1, j, SPACE_GAP):
            return w.means("week"), j
        return None

    def week_weekday(self, i: int):
        """"next week Sunday", "next week on Friday", "Gelecek hafta Pazar", "الأسبوع القادم الأحد"."""
        t = self.tok(i + 1)
        if t and t.means("weekday") and not t.means("relation") and self.gap(i, i + 1, WEEK_WEEKDAY_GAP):
            return self.weekday(i + 1, relation=self.tokens[i].means("week"), start_i=i)
        return None


def _number_value(words: str, language: str | None, knowledge: Knowledge) -> Optional[float]:
    from .figures import parse_number  # figures does not import dates; the import waits for a date
    return parse_number(words, language, knowledge)


def _durations(view: str, start: int, end: int, language: str | None, knowledge: Knowledge) -> list:
    """The durations figures.py reads in view[start:end], as (start, end, low, high, value) in view offsets.
    The window starts at a word's beginning."""
    from .figures import find_figures  # figures does not import dates; the import waits for a marker
    while start > 0 and not view[start - 1].isspace() and start < end:
        start += 1
    window = view[start:end]
    out = []
    for fig in find_figures(fold_text(window), language, knowledge):
        if fig.kind == "duration" and isinstance(fig.value, (int, float)) and fig.value > 0:
            low = fig.low if isinstance(fig.low, (int, float)) else fig.value
            high = fig.high if isinstance(fig.high, (int, float)) else fig.value
            out.append((start + fig.start, start + fig.end, low, high, fig.value))
    return out


def _chain(durations: list, view: str, *, start: Optional[int] = None, end: Optional[int] = None) -> list:
    """The durations that run into `end` (or out of `start`) with only spaces and commas between them:
    "1 month, 21 days ago" is one distance."""
    items = sorted(durations)
    chain: list = []
    if end is not None:
        for d in reversed(items):
            edge = chain[0][0] if chain else end
            if d[1] <= edge and AGO_GAP.fullmatch(view, d[1], edge):
                chain.insert(0, d)
            elif chain or d[1] <= edge:
                break
        return chain
    for d in items:
        edge = chain[-1][1] if chain else start
        if d[0] >= edge and AGO_GAP.fullmatch(view, edge, d[0]):
            chain.append(d)
        elif chain or d[0] >= edge:
            break
    return chain


def _sum_back(chain: list) -> tuple:
    """(low, high, value) seconds back, summed over a chain of durations."""
    return tuple(sum(d[k] for d in chain) for k in (2, 3, 4))


def _calendar_back(day: dt.date, seconds: float) -> dt.date:
    """`day` less a duration read as whole years (365 days), months (30) and days, on the calendar:
    "2 years 1 month 21 days" before 2017-11-23 is 2015-10-02."""
    sign = -1 if seconds < 0 else 1  # a negative distance back is one ahead ("from now")
    rest = int(round(abs(seconds) / 86400))
    years, rest = divmod(rest, 365)
    months, days = divmod(rest, 30)
    years, months, days = sign * years, sign * months, sign * days
    month_index = day.year * 12 + day.month - 1 - years * 12 - months
    year, month = divmod(month_index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    try:
        return dt.date(year, month, min(day.day, last)) - dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return day


OBJECT_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}\d")  # a number soon after the counted word: it was a verb


def _clock(text: str) -> tuple:
    h, m = int(text[:-3].split(":")[0].split(".")[0]), int(text.replace(".", ":").split(":")[1][:2])
    if h > 24 or m > 59 or (h == 24 and m):
        return None, None
    return h, m


def _half_day(h: int, half: str) -> int:
    if half == "pm" and 1 <= h < 12:
        return h + 12
    if half == "am" and h == 12:
        return 0
    return h


def _year_fits(calendar: str, year: int, ranges: dict = YEAR_RANGES) -> bool:
    low, high = ranges[calendar]
    return low <= year <= high


def _pick_calendar(calendars: list, year: int, ranges: dict) -> Optional[str]:
    """The calendar a cue's year belongs to: the first listed whose years it fits, Hijri-range first."""
    fitting = [c for c in calendars if _year_fits(c, year, ranges)]
    if year < 1600:
        fitting = [c for c in fitting if c != "gregorian"] or fitting
    return fitting[0] if fitting else None


# ---------------------------------------------------------------- merging and resolving

def _merge(pieces: list, view: str) -> list:
    """Join a relative day or a full date with the weekday named beside it into one piece."""
    out: list = []
    for i, piece in enumerate(pieces):
        prev = out[-1] if out else None
        if prev and prev.kind == piece.kind == "date" and JOIN_GAP.fullmatch(view, prev.end, piece.start):
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            # "Tuesday, March 18": a weekday goes with the date after it before the one before it
            claimed = nxt is not None and nxt.kind == "date" and JOIN_GAP.fullmatch(view, piece.end, nxt.start) \
                and _join(piece, nxt) is not None
            joined = None if claimed else _join(prev, piece)
            if joined:
                out[-1] = joined
                continue
        out.append(piece)
    return out


def _join(a: Piece, b: Piece) -> Optional[Piece]:
    first, second = (a, b)
    if a.year_only and b.day is not None and b.month and b.year is None and not (b.relative or b.back or b.nth) \
            and b.calendar == a.calendar:  # "2000 yılı Eylül'ün 10'unda": the year told first
        return replace(b, start=a.start, year=a.year)
    weekday, other = (first, second) if first.weekday and not first.relative and first.day is None \
        else (second, first)
    if not weekday.weekday or weekday.day is not None or weekday.relative or weekday.relation \
            or weekday.nth or weekday.back:
        return None
    if other.weekday or not (other.relative or (other.day is not None and other.month)):
        return None
    return replace(other, start=first.start, end=second.end, weekday=weekday.weekday)


def _figure(piece: Piece, folded: Folded, pub: Optional[dt.date]) -> Optional[Figure]:
    start, end = folded.to_original(piece.start, piece.end)
    text = folded.original[start:end]
    if piece.kind == "time":
        value = f"{piece.hour:02d}:{piece.minute or 0:02d}"
        return Figure("time", value, value, value, "exact", "clock", text, start, end,
                      precision="minute" if piece.minute is not None else "hour", zone=piece.zone)
    value, low, high, precision = _resolve(piece, pub)
    if precision is None:
        return None
    unit = piece.relative or piece.calendar
    return Figure("date", value, low, high, "exact", unit, text, start, end, precision=precision,
                  weekday=piece.weekday)


def _resolve(p: Piece, pub: Optional[dt.date]) -> tuple:
    """(value, low, high, precision) of a date piece; precision None when it names no real date."""
    if p.back:
        return _resolve_back(p.back, pub + dt.timedelta(days=p.shift) if pub else None)
    if p.nth:
        return _resolve_nth(p, pub)
    if p.relative:
        if pub is None:
            return None, None, None, "relative"
        iso = (pub + dt.timedelta(days=RELATIVE_DAYS[p.relative])).isoformat()
        return iso, iso, iso, "day"
    if p.day is not None and p.month_offset is not None:
        if pub is None:
            return None, None, None, "day-no-year"
        index = pub.year * 12 + pub.month - 1 + p.month_offset
        iso = _day_iso("gregorian", index // 12, index % 12 + 1, p.day)
        return (iso, iso, iso, "day") if iso else (None, None, None, None)
    if p.day is not None and not p.month and not p.year:
        return _resolve_day_alone(p, pub)
    if p.day is not None and p.month:
        year = p.year if p.year is not None else _nearest_year(p, pub)
        if year is None:
            if p.calendar != "gregorian":
                return None, None, None, "day-no-year"
            return f"--{p.month:02d}-{p.day:02d}", None, None, "day-no-year"
        iso = _day_iso(p.calendar, year, p.month, p.day)
        return (iso, iso, iso, "day") if iso else (None, None, None, None)
    if p.month and p.year is None and p.day is None:
        year = _nearest_year(replace(p, day=1), pub)
        if year is None:
            return None, None, None, "month-no-year"
        p = replace(p, year=year)
    if p.month and p.year is not None:
        low = _day_iso(p.calendar, p.year, p.month, 1)
        high = _month_end(p.calendar, p.year, p.month)
        if not low or not high:
            return None, None, None, None
        middle = _iso_date(low) + (_iso_date(high) - _iso_date(low)) / 2
        return middle.isoformat()[:7], low, high, "month"
    if p.year_only and p.year is not None:
        low = _day_iso(p.calendar, p.year, 1, 1)
        high = _day_iso(p.calendar, p.year + 1, 1, 1)
        if not low or not high:
            return None, None, None, None
        high = (_iso_date(high) - dt.timedelta(days=1)).isoformat()
        middle = _iso_date(low) + (_iso_date(high) - _iso_date(low)) / 2
        return middle.isoformat()[:4], low, high, "year"
    if p.weekday:
        if pub is None:
            return None, None, None, "weekday"
        day = _weekday_day(pub, WEEKDAY_KEYS.index(p.weekday), p.relation)
        return day.isoformat(), day.isoformat(), day.isoformat(), "weekday"
    return None, None, None, None


def _resolve_back(back: tuple, pub: Optional[dt.date]) -> tuple:
    """The day a distance before publication names, with the days its vagueness allows: a distance in
    years allows the whole year, in months the whole month ("two years ago" is 2014, told on 2016-11-07)."""
    if pub is None:
        return None, None, None, "relative"
    low_s, high_s, value_s = back
    day = _calendar_back(pub, value_s)
    first, last = _calendar_back(pub, high_s), _calendar_back(pub, low_s)
    value_s = abs(value_s)
    if value_s >= 365 * 86400:
        first, last, precision = min(first, dt.date(first.year, 1, 1)), max(last, dt.date(last.year, 12, 31)), "year"
    elif value_s >= 28 * 86400:
        end = _iso_date(_month_end("gregorian", last.year, last.month))
        first, last, precision = min(first, first.replace(day=1)), max(last, end), "month"
    else:
        if value_s >= 7 * 86400:  # "two weeks ago" is told to the week, not the day: the days around it
            first, last = first - dt.timedelta(days=WEEK_SLACK_DAYS), last + dt.timedelta(days=WEEK_SLACK_DAYS)
        precision = "day"
    return day.isoformat(), first.isoformat(), last.isoformat(), precision


def _resolve_day_alone(p: Piece, pub: Optional[dt.date]) -> tuple:
    """A day of the month alone: of publication's month when that day is not more than a week ahead,
    else of the month before; with a weekday ("Friday the 15th"), the latest month where they agree."""
    if pub is None:
        return None, None, None, "day-no-year"
    index = pub.year * 12 + pub.month - 1
    for back in range(0, 14):
        year, month = divmod(index - back, 12)
        iso = _day_iso("gregorian", year, month + 1, p.day)
        if iso is None or _iso_date(iso) > pub + dt.timedelta(days=AHEAD_DAYS):
            continue
        if p.weekday is None or to_weekday(iso) == p.weekday:
            return iso, iso, iso, "day"
    return None, None, None, None


def _resolve_nth(p: Piece, pub: Optional[dt.date]) -> tuple:
    """The nth weekday of a month: the month named (its latest on or before publication, a week ahead
    allowed), or the month a relative month names; None when the month has no such day ("fifth Monday")."""
    if pub is None:
        return None, None, None, "weekday"
    n, how, which = p.nth
    if how == "month":
        year = _nearest_year(replace(p, month=which, day=1), pub) or pub.year
        first = dt.date(year, which, 1)
    else:
        index = pub.year * 12 + pub.month - 1 + which
        first = dt.date(index // 12, index % 12 + 1, 1)
    day = first + dt.timedelta(days=(WEEKDAY_KEYS.index(p.weekday) - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != first.month:
        return None, None, None, None
    return day.isoformat(), day.isoformat(), day.isoformat(), "day"


def _weekday_day(pub: dt.date, target: int, relation: Optional[str]) -> dt.date:
    """The day a weekday names: "last", "this" and "next" pick it in the week (Monday first) before,
    of and after publication, as CLDR's relative fields and the peer suite read them; "this coming" /
    "this past" the nearest one ahead or behind; a bare weekday the latest on or before publication."""
    if relation in WEEK_OFFSETS:
        monday = pub - dt.timedelta(days=pub.weekday())
        return monday + dt.timedelta(days=7 * WEEK_OFFSETS[relation] + target)
    if relation == "coming":
        return pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - target) % 7
    return pub - dt.timedelta(days=back or (7 if relation == "past" else 0))


def _nearest_year(p: Piece, pub: Optional[dt.date]) -> Optional[int]:
    """The year of the latest such day on or before publication (a few days ahead allowed)."""
    if pub is None:
        return None
    year = _calendar_year(p.calendar, pub)
    if year is None:
        return None
    for candidate in (year, year - 1):
        iso = _day_iso(p.calendar, candidate, p.month, p.day)
        if iso and _iso_date(iso) <= pub + dt.timedelta(days=AHEAD_DAYS):
            return candidate
    return None


def _calendar_year(calendar: str, day: dt.date) -> Optional[int]:
    try:
        if calendar == "solar_hijri":
            return jdatetime.date.fromgregorian(date=day).year
        if calendar == "hijri":
            return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    return day.year


def _day_iso(calendar: str, year: int, month: int, day: int) -> Optional[str]:
    """One day of a calendar as a Gregorian ISO date, or None when there is no such day."""
    try:
        if calendar == "solar_hijri":
            return jdatetime.date(year, month, day).togregorian().isoformat()
        if calendar == "hijri":
            return Hijri(year, month, day).to_gregorian().isoformat()
        return dt.date(year, month, day).isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def _month_end(calendar: str, year: int, month: int) -> Optional[str]:
    nxt = _day_iso(calendar, year + (month == 12), month % 12 + 1, 1)
    return (_iso_date(nxt) - dt.timedelta(days=1)).isoformat() if nxt else None


def _iso_date(iso: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None
