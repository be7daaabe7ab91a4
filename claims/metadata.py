"""An article's own metadata read from its page: the published date and the outlet.

Both come from where a page states them: the header lines above the first body paragraph, the
dateline that opens it, and labelled lines ("Published:", "Source:"). A date in running text is a
claim, not the article's date, so the body itself is never searched.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import hijridate
import jdatetime
from babel.dates import get_month_names
from babel.localedata import locale_identifiers

from .lexicon import Knowledge, section
from .normalize import fold, fold_text

HEADER_LINES = 12
HEADER_CHARS = 3000
DATELINE_CHARS = 80
DATELINE_PARAGRAPHS = 3
LONG_PARAGRAPH = 100
MIN_MONTH_CUT = 3
FOOTER_REASONS = ("comments", "share", "newsletter", "subscription", "copyright", "site", "navigation", "credit")
FOOTER_WORDS = 25
YEARS = {"gregorian": (1900, 2100), "solar_hijri": (1300, 1500), "hijri": (1340, 1600)}
MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
SOLAR_KEYS = ("farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar",
              "mehr", "aban", "azar", "dey", "bahman", "esfand")
HIJRI_KEYS = ("muharram", "safar", "rabi_al_awwal", "rabi_al_thani", "jumada_al_ula",
              "jumada_al_akhirah", "rajab", "shaban", "ramadan", "shawwal", "dhu_al_qadah", "dhu_al_hijjah")

# all patterns run on the folded view: ASCII digits, one form per Arabic/Persian letter, lower case
ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# a time glued in front of the date ("17:3819/03/2025") is consumed first, so its digits are not the day
NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2}:\d{2}(?::\d{2})?)?(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
DAY_MONTH_YEAR = re.compile(
    r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th|er|\.|-?ي?ه?م)?[\s,]{1,3}([^\W\d_][^\d\n]{0,30}?)[\s,.]{0,3}(\d{4})(?!\d)")
MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,12})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)")
WORD = re.compile(r"[^\W\d_]+")
CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:]\d)")
ISO_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):([0-5]\d)")
SENTENCE_END = re.compile(r"[.!?؟…][\s\"'»”)]*$")
SEPARATOR = re.compile(r"[؛;]|\s[-–—]\s|:")


def find_published(text: str, body: tuple, language: str | None, knowledge: Knowledge) -> str | None:
    """The date the page says it was published ("YYYY-MM-DD"), from its header lines, or None."""
    every_locale = not _has_cldr_months(language)  # other locales' names only for a language CLDR lacks
    for line in labelled_lines(text, language, knowledge, "published_label"):
        found = parse_date(line, language, knowledge, every_locale=every_locale)
        if found:
            return found
    for line in header_lines(text, body):
        found = parse_date(line, language, knowledge, every_locale=every_locale)
        if found:
            return found
    return None


def find_outlet(text: str, body: tuple, language: str | None, knowledge: Knowledge,
                dropped: tuple = ()) -> str | None:
    """The outlet the page names itself by, or None.

    In this order: a masthead (a header line that is an outlet's name), a dateline or credit in
    the header that names a known outlet, a footer notice that names one ("© 2025 X", "Follow X"),
    then a "Source:" line. A wire credit at the end never overrides the page's own masthead, and an
    outlet quoted in the body ("Reuters reported") is never the page's: only header lines and the
    dropped notices after the last body line (`dropped`, from clean.find_body) are searched.
    """
    outlets = outlet_index(knowledge)
    lines = header_lines(text, body)
    for line in lines:  # a masthead: a line that is an outlet's name and nothing else
        name = outlets.get(fold(line.strip(" \t:|-–—«»\"'")))
        if name:
            return name
    for line in header_lines(text, body, top_only=True):  # a dateline or credit that names a known outlet
        if len(line.split()) <= 8 and not SENTENCE_END.search(line) and not is_photo_credit(line, language, knowledge):
            name = known_outlet_in(line, knowledge)
            if name:
                return name
    for line in footer_notices(text, body, dropped):
        name = known_outlet_in(line, knowledge)
        if name:
            return name
    return _source_line(text, language, knowledge, outlets)


def footer_notices(text: str, body: tuple, dropped: tuple) -> list[str]:
    """The page's own notices after its last body line (copyright, comments, share, newsletter...)."""
    last = max((end for _, end in body), default=0)
    return [text[d.start:d.end] for d in dropped
            if d.start >= last and d.reason in FOOTER_REASONS and len(text[d.start:d.end].split()) <= FOOTER_WORDS]


def known_outlet_in(line: str, knowledge: Knowledge) -> str | None:
    """The known outlet a line names first (the longest name where names overlap: "TRT Global" over "TRT")."""
    pattern = knowledge.cached(("metadata.outlet_pattern",), lambda: _outlet_pattern(knowledge))
    m = pattern.search(_words(line)) if pattern else None
    return outlet_words_index(knowledge).get(m.group()) if m else None


def is_photo_credit(line: str, language: str | None, knowledge: Knowledge) -> bool:
    """A photo credit ("Photo: Reuters", "عکس: رویترز") names the photographer's agency, not the page's."""
    from .clean import furniture_phrases  # clean builds on this module; imported late to avoid a cycle

    return bool(furniture_phrases(knowledge.language(language), knowledge)["photo"].search(fold(line)))


def header_lines(text: str, body: tuple = (), *, top_only: bool = False) -> list[str]:
    """The page's own header: short lines near the top and the datelines of the first paragraphs.

    top_only: no short line after the first paragraph (a short article's last lines are no header).
    """
    lines, paragraphs = [], 0
    for line in text[:HEADER_CHARS].split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) < LONG_PARAGRAPH:
            if not (top_only and paragraphs):
                lines.append(stripped)
        else:
            paragraphs += 1
            lines.append(dateline(stripped))
        if paragraphs >= DATELINE_PARAGRAPHS or len(lines) >= HEADER_LINES:
            break
    return [ln for ln in lines if ln]


def dateline(paragraph: str) -> str:
    """The opening words of a paragraph up to its separator ("City, date (Agency) -", "Outlet؛ name -")."""
    m = SEPARATOR.search(paragraph[:DATELINE_CHARS])
    return paragraph[:m.start()] if m else ""


def labelled_lines(text: str, language: str | None, knowledge: Knowledge, label: str) -> list[str]:
    """The text after a label ("Published:", "Source:") on every line that starts with one."""
    pattern = _label_pattern(knowledge, language, label)
    out = []
    for line in text.split("\n"):
        view = fold(line)
        m = pattern.match(view) if pattern else None
        if m:
            out.append(view[m.end():])
    return out


def find_published_time(text: str, body: tuple, published: str | None, language: str | None,
                        knowledge: Knowledge) -> str | None:
    """The hour ("HH:MM") on the header line that gives the publication date ("Thursday 16 April 2026 - 14:20",
    "Updated 16 April 2026, 09:40"); None when no such line gives one."""
    if not published:
        return None
    every_locale = not _has_cldr_months(language)
    lines = labelled_lines(text, language, knowledge, "published_label") + header_lines(text, body)
    for line in lines:
        clock = CLOCK.search(fold(line))
        if clock and parse_date(line, language, knowledge, every_locale=every_locale) == published:
            return f"{int(clock.group(1)):02d}:{clock.group(2)}"
    return None


def clock_time(value: str) -> str | None:
    """The hour of an ISO datetime string ("2026-04-16T09:40:00+03:00" -> "09:40")."""
    m = ISO_CLOCK.match(value)
    return f"{m.group(1)}:{m.group(2)}" if m else None


def parse_date(line: str, language: str | None, knowledge: Knowledge, *, every_locale: bool = True) -> str | None:
    """The first full date in one header line, in any calendar the lexicons name; "YYYY-MM-DD".

    every_locale: also try the month names of every CLDR locale (built once, about three seconds).
    """
    view = fold(line)
    for finder in (_iso_date, _numeric_date, _named_date):
        found = finder(view, language, knowledge, every_locale)
        if found:
            return found
    return None


def _iso_date(view: str, language, knowledge, every_locale) -> str | None:
    for m in ISO_DATE.finditer(view):
        year = int(m.group(1))
        calendar = _calendar_of_year(year)
        found = _to_iso(calendar, year, int(m.group(2)), int(m.group(3))) if calendar else None
        if found:
            return found
    return None


def _numeric_date(view: str, language, knowledge, every_locale) -> str | None:
    for m in NUMERIC_DATE.finditer(view):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        calendar = _calendar_of_year(year)
        day, month = (second, first) if first <= 12 < second else (first, second)
        found = _to_iso(calendar, year, month, day) if calendar else None
        if found:
            return found
    return None


def _named_date(view: str, language, knowledge, every_locale) -> str | None:
    for m in DAY_MONTH_YEAR.finditer(view):
        found = _named(m.group(2), int(m.group(1)), int(m.group(3)), language, knowledge, every_locale)
        if found:
            return found
    for m in MONTH_DAY_YEAR.finditer(view):
        found = _named(m.group(1), int(m.group(2)), int(m.group(3)), language, knowledge, every_locale)
        if found:
            return found
    return None


def _named(words: str, day: int, year: int, language: str | None, knowledge: Knowledge,
           every_locale: bool) -> str | None:
    """A date from a month written as words: the language's own names first, then every CLDR locale's."""
    indexes = [month_index(knowledge, language)]
    if every_locale:
        indexes.append(all_locales_month_index())
    for index in indexes:
        month = _month_in(words, index)
        if month:
            calendar, number = month
            found = _to_iso(calendar, year, number, day)
            if found:
                return found
    return None


def _month_in(words: str, index: dict) -> tuple | None:
    """The month named by the words between a day and a year ("مارس/آذار", "de marzo", "марта")."""
    tokens = WORD.findall(words)
    if not tokens or len(tokens) > 4:
        return None
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            hit = index.get(" ".join(tokens[i:i + size]))
            if hit:
                return hit
    return None


def _to_iso(calendar: str, year: int, month: int, day: int) -> str | None:
    low, high = YEARS[calendar]
    if not (low <= year <= high and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        if calendar == "solar_hijri":
            return jdatetime.date(year, month, day).togregorian().isoformat()
        if calendar == "hijri":
            return hijridate.Hijri(year, month, day).to_gregorian().isoformat()
        return date(year, month, day).isoformat()
    except (ValueError, OverflowError):
        return None


def _calendar_of_year(year: int) -> str | None:
    for calendar in ("gregorian", "solar_hijri"):  # a bare numeric Hijri date reads as Solar Hijri in Iran
        low, high = YEARS[calendar]
        if low <= year <= high:
            return calendar
    return None


def month_index(knowledge: Knowledge, language: str | None) -> dict:
    """Folded month name -> (calendar, number) for one language: CLDR names, English, its lexicon."""
    return knowledge.cached(("metadata.months", language), lambda: _build_month_index(knowledge, language))


def _build_month_index(knowledge: Knowledge, language: str | None) -> dict:
    index: dict = {}
    for locale in ("en", language) if language else ("en",):
        index.update({name: ("gregorian", n) for name, n in _month_abbreviations(locale).items()})
        index.update({name: ("gregorian", n) for name, n in _cldr_months(locale).items()})
    lexicons = [knowledge.language(language)] if language else []
    lexicons += [knowledge.language(code) for code in knowledge.languages if code != language]
    for lexicon in reversed(lexicons):  # the document's own language is written last and wins
        dates = section(lexicon, "dates")
        for calendar, key, names in (("gregorian", "months", MONTH_KEYS),
                                     ("solar_hijri", "solar_hijri_months", SOLAR_KEYS),
                                     ("hijri", "hijri_months", HIJRI_KEYS)):
            for n, month in enumerate(names, 1):
                for form in section(dates, key, month) or []:
                    index[fold(form)] = (calendar, n)
    return index


@lru_cache(maxsize=None)
def _cldr_months(locale: str) -> dict:
    names: dict = {}
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for n, name in get_month_names(width, context, locale=locale).items():
                    key = fold(name.strip("."))
                    if len(key) >= 3:
                        names[key] = n
    except (ValueError, LookupError, TypeError):
        return {}
    return names


@lru_cache(maxsize=None)
def _month_abbreviations(locale: str) -> dict:
    """Other cuts of the month names in a locale whose CLDR names are cut ("Sept", "сен", "фев").

    Newsrooms shorten month names by cutting them, not always where CLDR does ("Sep" but "Sept.",
    "сент." but "сен"). Where CLDR shows that a locale abbreviates this way, every cut of three
    letters or more that belongs to one month only is that month.
    """
    try:
        wide = {fold(name): n for context in ("format", "stand-alone")
                for n, name in get_month_names("wide", context, locale=locale).items()}
        short = {fold(name.strip(".")) for context in ("format", "stand-alone")
                 for name in get_month_names("abbreviated", context, locale=locale).values()}
    except (ValueError, LookupError, TypeError):
        return {}
    if not any(any(name.startswith(cut) and cut != name for name in wide) for cut in short):
        return {}  # this locale does not abbreviate by cutting (Arabic, Persian)
    cuts: dict = {}
    for name, n in wide.items():
        for end in range(MIN_MONTH_CUT, len(name)):
            cuts.setdefault(name[:end], set()).add(n)
    return {cut: next(iter(ns)) for cut, ns in cuts.items() if len(ns) == 1 and cut.isalpha()}


def _has_cldr_months(language: str | None) -> bool:
    return bool(language) and bool(_cldr_months(language))


_ALL_LOCALES: dict = {}


def all_locales_month_index() -> dict:
    """Month names of every CLDR base locale, kept only where all locales agree on the month."""
    if not _ALL_LOCALES:
        seen: dict = {}
        for locale in sorted(loc for loc in locale_identifiers() if "_" not in loc):
            for name, n in _cldr_months(locale).items():
                seen.setdefault(name, set()).add(n)
        _ALL_LOCALES.update({name: ("gregorian", next(iter(ns))) for name, ns in seen.items() if len(ns) == 1})
    return _ALL_LOCALES


def outlet_index(knowledge: Knowledge) -> dict:
    """Folded alias -> name of every outlet and news agency in the entities lexicon."""
    return knowledge.cached(("metadata.outlets",), lambda: _build_outlet_index(knowledge))


def _build_outlet_index(knowledge: Knowledge) -> dict:
    index = {}
    for key, entity in sorted(knowledge.entities.items()):
        if entity.get("kind") not in ("outlet", "agency"):
            continue
        name = entity.get("name", key)
        for form in [name] + [a for forms in (entity.get("aliases") or {}).values() for a in forms]:
            if fold(form):
                index.setdefault(fold(form), name)
    return index


def _words(text: str) -> str:
    return " ".join(WORD.findall(fold(text)))


def outlet_words_index(knowledge: Knowledge) -> dict:
    """Outlet aliases as bare folded words ("al monitor") -> name."""
    return knowledge.cached(("metadata.outlet_words",), lambda: {
        _words(alias): name for alias, name in sorted(outlet_index(knowledge).items()) if len(_words(alias)) >= 3})


def _outlet_pattern(knowledge: Knowledge):
    """One alternation of every outlet alias, longest first, compiled once per run."""
    aliases = sorted(outlet_words_index(knowledge), key=lambda a: (-len(a), a))
    if not aliases:
        return None
    return re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(re.escape(a) for a in aliases)))


def _source_line(text: str, language, knowledge: Knowledge, outlets: dict) -> str | None:
    """The name after a "Source:" label, on the same line or the next non-empty one."""
    pattern = _label_pattern(knowledge, language, "source_label")
    if pattern is None:
        return None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        folded = fold_text(line)
        m = pattern.match(folded.view)
        if not m:
            continue
        rest = line[folded.to_original(m.end(), len(folded.view))[0]:] if m.end() < len(folded.view) else ""
        candidates = [rest] + [ln for ln in lines[i + 1:i + 4] if ln.strip()][:1]
        for candidate in candidates:
            name = candidate.strip(" \t:|-–—«»\"'()")
            if name and len(name.split()) <= 6 and not name.endswith((".", "؟", "?", "!")):
                return outlets.get(fold(name), name)
    return None


def _label_pattern(knowledge: Knowledge, language: str | None, label: str):
    def build():
        labels = set()
        for code in ([language] if language else []) + list(knowledge.languages):
            labels.update(fold(x).rstrip(":").strip() for x in section(knowledge.language(code), "metadata", label))
        labels.discard("")
        if not labels:
            return None
        alternation = "|".join(re.escape(x) for x in sorted(labels, key=lambda x: (-len(x), x)))
        return re.compile(rf"\s*(?:{alternation})\s*[:：]?\s*(?=\W|$)")
    return knowledge.cached(("metadata.label", label, language), build)
