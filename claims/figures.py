"""Figures: numbers in digits and words, with their units and hedges, turned into intervals.

Everything is read on the folded view (claims.normalize) as a list of word, number and symbol
tokens; the lexicon's phrases (number words, units, hedges, count nouns) are folded and tokenized
the same way and matched longest first. Unit names for every locale also come from CLDR (Babel),
so a language with no lexicon still reads "90 Minuten". Spans are mapped back to the original.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Iterable, NamedTuple, Optional

from .currency import CURRENCY_SIGNS, cldr_locale, currency_data
from .lexicon import section
from .model import Figure
from .normalize import Folded, fold, fold_text
from .number_words import SpelledNumbers, plain_letters, spelled_numbers
from functools import lru_cache

from babel import Locale, localedata
from babel.numbers import get_decimal_symbol, get_group_symbol
from babel.dates import get_month_names
from babel.units import UnknownUnitError, format_unit

TOKEN = re.compile(
    r"(?P<num>(?<![\w.,])[.,]\d{1,15}(?![.,]?\d)|\d{1,15}(?:[.,]\d{1,15}){0,6})(?P<suffix>['’][^\W\d_]{1,12})?"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[%^" + re.escape(CURRENCY_SIGNS) + r"])"  # every currency sign Unicode has ("₾", "₡", "₭"); "^" a power
)
JOINING_GAP = re.compile(r"[ ]{0,3}(?:-[ ]{0,3})?")  # what may stand between two parts of one figure
NEAR_GAP = re.compile(r"[ ]{0,3}")
SIGN_BEFORE = " \n\t(["  # what may stand before a minus sign written onto digits ("-5%", "(-3%)")
SIGNED_KINDS = ("percent", "money", "count")  # a minus makes sense for these; never for a duration or a toll
ID_DIGITS = 6  # a bare digit run this long with no unit is an id, not a count
YEARS = (1000, 2199)  # a bare four-digit number in this range is a year (Gregorian, Solar and lunar Hijri)
NOT_A_NUMBER_BEFORE = set(":/#@=&+№_\\")
URL_MARKS = ("://", "www.", "http", ".com", ".org", "/", "#", "@", "=")
CLDR_UNITS = {"second": "duration-second", "minute": "duration-minute", "hour": "duration-hour",
              "day": "duration-day", "week": "duration-week", "month": "duration-month",
              "year": "duration-year", "decade": "duration-decade", "percent": "concentr-percent", "km": "length-kilometer",
              "meter": "length-meter", "mile": "length-mile", "kg": "mass-kilogram", "ton": "mass-tonne"}
CLDR_COUNTS = (1, 2, 3, 5, 11, 21, 100, 1.5)
CALENDAR_SPAN = {"month": (28 / 30, 31 / 30), "year": (1.0, 366 / 365)}  # factor spans: months are 28..31 days
RANGE_REACH = 4  # tokens back from a figure to the low end of its range ("two and a half to three hours")
FREQUENCY_REACH = 3  # tokens between a frequency word ("twice", "ikinci kez") and the interval it counts within


class Token(NamedTuple):
    kind: str  # num, word, sym
    text: str  # folded text (a number token without its suffix)
    start: int  # view offsets
    end: int
    joined: bool  # follows the previous token with only spaces or a hyphen between
    near: bool  # follows the previous token with only spaces between (no hyphen)
    glued: bool  # nothing at all between it and the previous token


class Phrases:
    """Folded, tokenized lexicon phrases mapped to values; matched longest first."""

    def __init__(self, entries: Iterable[tuple[str, object]]):
        self.table: dict = {}
        for phrase, value in entries:
            key = tuple(t.group() for t in TOKEN.finditer(fold(phrase)))
            if key and key not in self.table:
                self.table[key] = value
        self.longest = max((len(k) for k in self.table), default=0)
        lengths: dict = {}
        for k in self.table:
            lengths.setdefault(k[0], set()).add(len(k))
        self.lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}  # longest first
        self.first = set(self.lengths)

    def match(self, tokens: list, i: int) -> Optional[tuple[object, int]]:
        """The value and end index of the longest phrase at token i (its words joined), or None."""
        if i >= len(tokens) or tokens[i].text not in self.first:
            return None
        for n in self.lengths[tokens[i].text]:
            if n > len(tokens) - i or any(not tokens[k].joined for k in range(i + 1, i + n)):
                continue
            key = tuple(t.text for t in tokens[i:i + n])
            if key in self.table:
                return self.table[key], i + n
        return None

    def __contains__(self, word: str) -> bool:
        return word in self.first


class Frames:
    """Lexicon phrases written around a number, "#" standing for it: "#-year-old", "البالغ من العمر #"."""

    def __init__(self, phrases: Iterable[str]):
        self.frames = []
        for phrase in phrases:
            pre, mark, post = fold(phrase).partition("#")
            if mark:
                self.frames.append((_words(pre), _words(post)))

    def around(self, tokens: list, start: int, end: int) -> Optional[tuple[int, int]]:
        """The token span of the first frame whose words stand right before `start` and right after `end`."""
        for pre, post in self.frames:
            begin, finish = start - len(pre), end + len(post)
            if _fits(tokens, begin, pre, start) and _fits(tokens, end, post, end):
                return begin, finish
        return None


def _words(text: str) -> tuple:
    """The token texts of a folded phrase."""
    return tuple(t.group() for t in TOKEN.finditer(text))


def _fits(tokens: list, at: int, words: tuple, number_side: int) -> bool:
    """The words stand at token `at`, joined to each other and to the number's token `number_side`."""
    if not words:
        return True
    if at < 0 or at + len(words) > len(tokens) or number_side >= len(tokens):
        return False
    if any(tokens[at + n].text != w for n, w in enumerate(words)):
        return False
    return tokens[number_side].joined and all(tokens[k].joined for k in range(at + 1, at + len(words)))


@dataclass
class Grammar:
    """One language's figure vocabulary, compiled once per run."""

    cardinals: Phrases
    ordinals: Phrases
    multipliers: Phrases
    fractions: Phrases
    half: Phrases
    half_prefixes: tuple
    day_periods: frozenset  # CLDR's noon and midnight as token tuples: "meio-dia", "mediodía" are no half day
    articles: Phrases
    minus: Phrases  # "minus", "سالب", "eksi": the number after them is negative
    one_unit: Phrases  # "all", "whole", "another", "tüm", "طوال": before a duration unit, one of it
    one_unit_after: Phrases  # "كامل": after a duration unit, one whole of it
    vague: Phrases  # "a few", "birkaç", "بضعة": a vague quantity standing for a value, hedged "about"
    definite: tuple  # a definite article glued to a word ("ال"): "طوال الأسبوع" is one week
    connectors: Phrases
    decimal_words: Phrases  # "virgule", "coma", "point": the decimal mark said in words
    over: Phrases  # "sobre", "sur": "1 sobre 3 por ciento" is a third of a percent
    denominators: Phrases  # "quintos", "cinquièmes": the number before them is divided ("tres quintos" is 0.6)
    units_first: bool  # units may be said before tens ("five and twenty"): a connector joins them so
    joiners: Phrases  # "and" between the parts of one compound value: the connectors and CLDR's list "and"
    units: Phrases
    units_before: Phrases  # "percent of", "نسبة": a unit written only before its number
    duals: Phrases
    hedges: Phrases
    hedges_after: Phrases
    count_nouns: Phrases
    markers: Phrases  # duration markers and "lasted" verbs: a bare unit after them means one
    ago_before: Phrases  # CLDR's "ago" written before the distance ("قبل {0} شهر"): a bare unit after it is one
    ago_after: Phrases  # ... and written after it ("{0} months ago", "{0} месяц назад"): a bare unit before it
    blockers: Phrases  # words after which a bare number is a time of day or a date, not a count
    ages: Frames  # "#-year-old", "# yaşında": the number is an age
    intervals: Frames  # "in #", "за #", "# saatte": with a frequency word, the span something happened within
    frequency: Phrases  # "twice", "дважды", "kez" and the ordinals: how often
    rises: Phrases  # verbs of rising ("возросло до"): a hedge right after them means "to"
    locatives: frozenset  # "in", "في", "در", "в": a year-like number after them is a year ("in 2022 killed")
    proclitics: tuple
    starters: frozenset  # first words of every phrase a figure can begin with
    known: frozenset  # first words of every number, unit and hedge phrase: a proclitic may be split off
    singulars: dict  # CLDR's form for one unit -> unit ids: a bare "ساعة" after "لمدة" means one hour
    plural_only: frozenset  # CLDR's forms for many that are never its form for one ("days")
    symbols: frozenset  # one-letter unit symbols CLDR writes after a number ("h", "s"): as written, lower case
    clock_symbols: frozenset  # symbols the language also writes a time of day with ("14 h 30" in French)
    decimal: str
    group: str
    unit_kinds: dict  # unit id -> (kind, factor)
    money: Optional["Money"] = None
    modifier_reach: int = 2  # thresholds.counted_modifier_words: words between a number and the noun it counts
    modifier_letters: int = 4  # thresholds.counted_modifier_letters: the shortest such word
    range_joiners: frozenset = frozenset()  # "-", "to", "تا", "до": between the two ends of a range
    range_openers: tuple = ()  # "between", "بين", "от": before its first end
    range_after_opener: frozenset = frozenset()  # "and", "و", "до": joiners only after an opener
    range_ratio: float = 10.0  # thresholds.range_ratio: the high end at most this many times the low one


def grammar(language: Optional[str], knowledge) -> Grammar:
    """The compiled figure grammar of a language (cached on the knowledge)."""
    return knowledge.cached(("figures", language or "und"), lambda: _build(language, knowledge))


def _pairs(mapping: dict) -> list:
    return [(k, v) for k, vs in sorted(mapping.items()) for v in ([vs] if isinstance(vs, str) else vs)]


def _forms(mapping: dict) -> list:
    """(form, id) pairs from an id -> forms mapping."""
    return [(form, key) for key, forms in sorted(mapping.items()) for form in forms]


def _build(language: Optional[str], knowledge) -> Grammar:
    lex = knowledge.language(language)
    nums = section(lex, "numbers")
    unit_kinds = {u: (spec.get("kind", ""), float(spec.get("factor", "1")))
                  for u, spec in knowledge.common.get("units", {}).items()}
    cldr = cldr_unit_forms(language, tuple(sorted(u for u, (kind, _) in unit_kinds.items() if kind != "money")))
    counted = {fold(form) for form, _ in _forms(section(lex, "count_nouns"))}
    # the lexicon knows the language's own words better than CLDR: Persian "۱۲۰ تن" counts people, not tonnes
    cldr_units = [(f, u) for u, f in cldr["units"] if fold(f) not in counted]
    own_units = _forms(section(lex, "units"))
    units = own_units + cldr_units + [(plain_letters(f), u) for f, u in own_units + cldr_units]  # "dias", "annee"
    money = _money(language, lex, unit_kinds, counted)
    units += money.forms
    duals = _forms(section(lex, "dual_units")) + [(f, u) for u, f in cldr["duals"]]
    number_map = lambda key: [(w, float(v)) for w, v in sorted(section(nums, key).items())]  # noqa: E731
    # a language whose lexicon has no number words gets them from CLDR's rule-based number formats
    spelled = SpelledNumbers(units_first=True) if section(nums, "cardinals") else spelled_numbers(language)
    connectors = list(section(nums, "connectors")) + list(spelled.connectors)
    halves = list(section(nums, "half"))
    decimal, group = cldr_separators(language)
    one_letter = [w for w in list(section(nums, "connectors")) + list(section(lex, "measure", "duration_markers"))
                  if len(fold(w)) == 1 and fold(w).isalpha()]
    proclitics = tuple(sorted({fold(p) for p in list(section(lex, "morphology", "proclitics")) + one_letter}))
    g = Grammar(
        cardinals=Phrases(number_map("cardinals") + list(spelled.cardinals)),
        ordinals=Phrases(number_map("ordinals")),
        multipliers=Phrases(number_map("multipliers") + list(cldr_multipliers(language)) + list(spelled.multipliers)),
        fractions=Phrases(number_map("fractions")),
        half=Phrases((h, 0.5) for h in halves),
        half_prefixes=tuple(sorted({fold(h) for h in halves if " " not in fold(h)}, key=len, reverse=True)),
        day_periods=cldr_day_periods(language) if halves else frozenset(),
        articles=Phrases((a, 1.0) for a in section(nums, "articles")),
        minus=Phrases((m, True) for m in section(nums, "minus") or []),
        one_unit=Phrases((w, True) for w in section(nums, "one_unit") or []),
        one_unit_after=Phrases((w, True) for w in section(nums, "one_unit_after") or []),
        vague=Phrases(number_map("vague")),
        definite=tuple(sorted({fold(a) for a in section(lex, "morphology", "article") or []}, key=len, reverse=True)),
        connectors=Phrases((c, True) for c in connectors),
        decimal_words=Phrases((w, True) for w in list(spelled.decimal_words) + list(section(nums, "decimal_words"))),
        over=Phrases((w, True) for w in section(nums, "over") or []),
        denominators=Phrases(list(spelled.denominators)
                             + _partitives(spelled.cardinals, section(nums, "partitive_words") or [],
                                           section(nums, "partitive_endings") or [])),
        units_first=spelled.units_first,
        joiners=Phrases((c, True) for c in connectors + list(cldr_and_words(language))),
        units=Phrases(units),
        units_before=Phrases(_forms(section(lex, "units_before"))),
        duals=Phrases(duals),
        hedges=Phrases(_forms(section(lex, "hedges"))),
        hedges_after=Phrases(_forms(section(lex, "hedges_after"))),
        count_nouns=Phrases(_forms(section(lex, "count_nouns"))),
        markers=Phrases([(m, True) for m in list(section(lex, "measure", "duration_markers"))
                         + list(section(lex, "measure", "lasted"))]),
        ago_before=Phrases((w, True) for w in cldr_ago_markers(language)[0]),
        ago_after=Phrases((w, True) for w in cldr_ago_markers(language)[1]),
        blockers=Phrases([(w, True) for key in ("oclock", "am", "pm") for w in section(lex, "times", key)]
                         + [(w, True) for w in _month_words(lex) + list(cldr_month_names(language))]),
        ages=Frames(section(lex, "measure", "age_markers") or []),
        intervals=Frames(section(lex, "measure", "interval_markers") or []),
        frequency=Phrases([(w, True) for w in section(lex, "measure", "frequency_words") or []]
                          + number_map("ordinals")),
        rises=Phrases((w, True) for w in section(lex, "revisions", "rise") or []),
        locatives=frozenset(fold(w) for w in section(lex, "locative") or []),
        proclitics=proclitics,
        starters=frozenset(),
        known=frozenset(),
        singulars=cldr["singulars"],
        plural_only=cldr["plural_only"],
        symbols=cldr["symbols"],
        clock_symbols=cldr["symbols"] & cldr_clock_symbols(language) if cldr["symbols"] else frozenset(),
        decimal=fold(nums.get("decimal_separator", "")) or decimal,
        group=nums.get("thousands_separator", "") or group,
        unit_kinds=unit_kinds,
        money=money.grammar,
        modifier_reach=int(knowledge.setting("counted_modifier_words", 2)),
        modifier_letters=int(knowledge.setting("counted_modifier_letters", 4)),
        range_joiners=frozenset(" ".join(fold(w).split()) for w in [*(section(nums, "range", "joiners") or []),
                                                                   *(knowledge.common.get("range_joiners") or [])]),
        range_openers=tuple(" ".join(fold(w).split()) for w in section(nums, "range", "openers") or []),
        range_after_opener=frozenset(" ".join(fold(w).split()) for w in section(nums, "range", "after_opener") or []),
        range_ratio=float(knowledge.setting("range_ratio", 10)),
    )
    g.starters = frozenset().union(*(p.first for p in (g.hedges, g.cardinals, g.half, g.articles, g.units, g.duals,
                                                       g.minus, g.one_unit, g.vague, g.units_before)))
    g.known = frozenset().union(*(p.first for p in (g.hedges, g.cardinals, g.multipliers, g.fractions, g.half,
                                                    g.units, g.duals, g.articles, g.vague, g.units_before)))
    return g


PARTITIVE_RANGE = (3, 999)  # "trinta avos", "veintiunavos": the denominators a cardinal names with a partitive


def _partitives(cardinals: Iterable[tuple[str, float]], words: list, endings: list) -> list:
    """Denominators a cardinal names with a partitive: a word after it (Portuguese "vinte e um avos", 21ths)
    or an ending glued to it (Spanish "veintiunavos", "treintavos": the cardinal's final "a" gives way)."""
    out = []
    words, endings = [fold(w) for w in words if fold(w)], [fold(e) for e in endings if fold(e)]
    for phrase, value in cardinals:
        if not PARTITIVE_RANGE[0] <= value <= PARTITIVE_RANGE[1] or value != int(value):
            continue
        out += [(f"{phrase} {word}", float(value)) for word in words]
        if " " not in phrase:
            for ending in endings:
                out.append((phrase + ending, float(value)))
                if phrase.endswith("a") and ending.startswith("a"):
                    out.append((phrase[:-1] + ending, float(value)))
    return out


def _month_words(lex: dict) -> list:
    months = section(lex, "dates", "months")
    return [w for forms in months.values() for w in forms] if isinstance(months, dict) else []


# ---- tokens -----------------------------------------------------------------------------------

def tokenize(view: str, g: Optional[Grammar] = None) -> list:
    """Tokens of a folded text; a word carrying a one-letter proclitic is split when the rest is known."""
    tokens: list = []
    prev_end = -1
    for m in TOKEN.finditer(view):
        kind = m.lastgroup if m.lastgroup != "suffix" else "num"
        kind = "num" if m.group("num") else kind
        text = m.group("num") or m.group()
        gap = view[prev_end:m.start()] if prev_end >= 0 else "\n"
        joined, near = _gap_kind(gap) if len(gap) < 8 else (False, False)  # longer than any joining gap
        if kind == "word" and g is not None and _split_proclitic(g, text):
            tokens.append(Token("clitic", text[0], m.start(), m.start() + 1, joined, near, gap == ""))
            tokens.append(Token("word", text[1:], m.start() + 1, m.end(), True, True, True))
        else:
            tokens.append(Token(kind, text, m.start(), m.end(), joined, near, gap == ""))
        prev_end = m.end()
    return tokens


@lru_cache(maxsize=1024)
def _gap_kind(gap: str) -> tuple[bool, bool]:
    """(joined, near) for the characters between two tokens."""
    return bool(JOINING_GAP.fullmatch(gap)), bool(NEAR_GAP.fullmatch(gap))


def _split_proclitic(g: Grammar, word: str) -> bool:
    if len(word) < 4 or word[0] not in g.proclitics or word in g.known:
        return False
    return word[1:] in g.known


# ---- numbers ----------------------------------------------------------------------------------

def parse_digits(text: str, decimal: str, group: str) -> Optional[float]:
    """A digit string with separators, read as the language writes them ("1,200", "2,5", "12.000")."""
    seps = [c for c in text if c in ".,"]
    if not seps:
        return float(text)
    if text[0] in ".,":  # ",08", ".5": a decimal with no whole part, where the mark is the language's decimal
        return float("0." + text[1:]) if text[0] == decimal else None
    parts = re.split(r"[.,]", text)
    last_sep = seps[-1]
    groups_of_three = all(len(p) == 3 for p in parts[1:])
    if len(set(seps)) == 2:
        if seps.count(last_sep) != 1 or any(len(p) != 3 for p in parts[1:-1]):
            return None
        whole = "".join(parts[:-1])
        return float(f"{whole}.{parts[-1]}")
    if len(seps) > 1:  # one separator used several times: thousands groups, or a date like 19.03.2025
        return float("".join(parts)) if groups_of_three and len(parts[0]) <= 3 else None
    if groups_of_three and len(parts[0]) <= 3 and last_sep != decimal:
        return float("".join(parts))
    if groups_of_three and len(parts[0]) <= 3 and group.strip() in (".", ","):
        # "1,500" where the language writes "," as its decimal mark: still a decimal
        return float(f"{parts[0]}.{parts[1]}")
    if len(parts[1]) == 3 and last_sep == group.strip():
        return float("".join(parts))
    return float(f"{parts[0]}.{parts[1]}")


@dataclass
class Reading:
    """A number read from tokens: its value, where it ends, and how it was written."""

    value: float
    end: int  # token index after the number
    written: str  # digits, words, article, half, dual, bare
    unit: str = ""
    weak: bool = False  # an article or a bare unit: "one" only when something supports it


def read_number(tokens: list, i: int, g: Grammar) -> Optional[Reading]:
    """A cardinal number at token i: digits or words, with a multiplier and a fraction after it."""
    tok = tokens[i]
    if tok.kind == "num":
        value = _digit_value(tokens, i, g)
        if value is None:
            return None
        value, end = value
        reading = Reading(value, end, "digits")
    else:
        vague = g.vague.match(tokens, i)
        if vague is not None:
            return Reading(float(vague[0]), vague[1], "vague")
        reading = _read_words(tokens, i, g)
        if reading is None:
            return None
        reading = _over_denominator(tokens, reading, g)
    return _with_multiplier(tokens, reading, g)


def _over_denominator(tokens: list, r: Reading, g: Grammar) -> Reading:
    """A fraction in words: the number read, over the ordinal after it ("tres quintos", "un cinquième")."""
    hit = g.denominators.match(tokens, r.end) if r.end < len(tokens) and tokens[r.end].joined else None
    return Reading(r.value / float(hit[0]), hit[1], r.written) if hit else r


def _digit_value(tokens: list, i: int, g: Grammar) -> Optional[tuple[float, int]]:
    value = parse_digits(tokens[i].text, g.decimal, g.group)
    end = i + 1
    if value is None:
        return None
    if g.group.strip() == "" and "." not in tokens[i].text and "," not in tokens[i].text:
        while (end < len(tokens) and tokens[end].kind == "num" and tokens[end].near and not tokens[end].glued
               and len(tokens[end].text) == 3 and tokens[end].text.isdigit() and value < 1e12):
            value = value * 1000 + float(tokens[end].text)  # "12 000": a space groups thousands
            end += 1
    return _power(tokens, value, end)


def _power(tokens: list, value: float, end: int) -> tuple[float, int]:
    """Digits raised to the power written after a caret, all glued ("1,1^23" is 8.954...)."""
    if end + 1 >= len(tokens) or tokens[end].text != "^" or not tokens[end].glued:
        return value, end
    exponent = tokens[end + 1]
    if exponent.kind != "num" or not exponent.glued or not exponent.text.isdigit() or len(exponent.text) > 2:
        return value, end
    try:
        return math.pow(value, int(exponent.text)), end + 2
    except OverflowError:
        return value, end


def _read_words(tokens: list, i: int, g: Grammar) -> Optional[Reading]:
    groups: list = []  # (value, multiplier) of the parts already multiplied: "tres billones", "455 mil"
    current, smallest, k, last_unit = 0.0, math.inf, i, False
    read_any = False
    while k < len(tokens):
        if read_any and not tokens[k].joined:
            break
        step = k
        if read_any and g.connectors.match(tokens, k):
            step = g.connectors.match(tokens, k)[1]
            if step >= len(tokens) or not tokens[step].joined:
                break
        mult = g.multipliers.match(tokens, step) if read_any else None
        card = g.cardinals.match(tokens, step) if mult is None else None
        if card is not None:
            v = float(card[0])
            if read_any and not _combines(current, v, smallest, last_unit and g.units_first, step != k):
                break
            current += v
            smallest = _place(v)
            last_unit = v < 10
            k, read_any = card[1], True
        elif mult is not None:
            f = float(mult[0])
            if f >= 1000:
                current = _grouped(groups, current, f)
                smallest = f
            else:  # "bin dokuz yüz": the hundred multiplies the nine, not the thousand before it
                head = current - current % 1000
                current, smallest = head + max(current - head, 1.0) * f, f
            k, read_any, last_unit = mult[1], True, False
        else:
            break
    if not read_any:
        return None
    return _with_decimal_words(tokens, Reading(sum(v for v, _ in groups) + current, k, "words"), g)


def _grouped(groups: list, current: float, factor: float) -> float:
    """Multiply what was read since the last larger multiplier: "455 mil 228 millones" is 455,228 millions."""
    value = current
    while groups and groups[-1][1] < factor:
        value += groups.pop()[0]
    groups.append(((value or 1.0) * factor, factor))
    return 0.0


def _with_decimal_words(tokens: list, r: Reading, g: Grammar) -> Reading:
    """A decimal mark said in words and the number after it: "dos coma cinco" is 2.5, "coma veintiocho" .28."""
    mark = g.decimal_words.match(tokens, r.end) if r.end < len(tokens) and tokens[r.end].joined else None
    if mark is None or mark[1] >= len(tokens) or not tokens[mark[1]].joined or tokens[mark[1]].kind != "word":
        return r
    after = _read_words(tokens, mark[1], g)
    if after is None or after.value != int(after.value) or after.value >= 1e6:
        return r
    fraction = _over_denominator(tokens, after, g)
    if fraction.end != after.end:  # "ciento treinta con dos quintos": the whole and a fraction, 130.4
        return Reading(r.value + fraction.value, fraction.end, "words")
    digits = len(str(int(after.value)))
    return Reading(r.value + after.value / 10 ** digits, after.end, "words")


def _combines(current: float, v: float, smallest: float, units_first: bool, by_connector: bool) -> bool:
    """Whether a number word continues the one being read ("twenty" + "five"; Arabic "five and twenty")."""
    if v < smallest and v < 1000:
        return True
    return units_first and by_connector and 20 <= v <= 90 and v % 10 == 0 and current % 100 < 10


def _place(v: float) -> float:
    if v <= 0 or v != int(v):
        return 1.0
    p = 1.0
    while v % (p * 10) == 0:
        p *= 10
    return p


def _with_multiplier(tokens: list, r: Reading, g: Grammar) -> Reading:
    """Digits times the multiplier words after them, each larger than the last ("1,5 mil milhões")."""
    if r.written != "digits":
        return r
    last = 1.0
    while r.end < len(tokens) and tokens[r.end].joined:
        mult = g.multipliers.match(tokens, r.end)
        if mult is None or float(mult[0]) <= last:
            break
        last = float(mult[0])
        r = Reading(r.value * last, mult[1], "digits")
    return r


def parse_number(words: str, language: Optional[str], knowledge) -> Optional[float]:
    """The value of a number written in digits or words ("ninety-one", "خمسة وعشرين", "2,5 milyon")."""
    g = grammar(language, knowledge)
    tokens = tokenize(fold_text(words).view, g)
    if not tokens:
        return None
    ordinal = g.ordinals.match(tokens, 0)
    if ordinal is not None and ordinal[1] == len(tokens):
        return float(ordinal[0])
    r = read_number(tokens, 0, g)
    if r is None:
        return None
    value, end = r.value, r.end
    frac = g.fractions.match(tokens, end) if end < len(tokens) else None
    if frac is not None:
        value, end = value + float(frac[0]), frac[1]
    return value if end == len(tokens) else None


# ---- figures ----------------------------------------------------------------------------------

@dataclass
class Quantity:
    """What was read at one place: a value in the written unit, its unit or counted noun, its extent."""

    value: float
    end: int
    unit: str = ""
    counted: Optional[str] = None
    weak: bool = False
    plain: bool = False  # digits with neither unit nor count noun
    hedge: Optional[str] = None
    lead: int = 0  # characters of the figure before its first token (a minus sign written onto the digits)
    vague: bool = False  # "a few", "birkaç": the value is a guess, widened by thresholds.vague_width


def find_figures(folded: Folded, language: Optional[str], knowledge, *,
                 skip: Iterable[tuple[int, int]] = ()) -> list:
    """Every figure in a text: durations, counts, money and percentages, with hedges as intervals."""
    g = grammar(language, knowledge)
    tokens = tokenize(folded.view, g)
    skip = sorted(skip)
    figures: list = []
    supported_at = -1
    i = 0
    while i < len(tokens):
        marker = g.markers.match(tokens, i)
        if marker is not None and g.one_unit.match(tokens, i) is None:  # "طوال" marks a duration and is one too
            supported_at, i = marker[1], marker[1]
            continue
        ago = g.ago_before.match(tokens, i)
        if ago is not None:  # "قبل شهر": a month ago
            supported_at, i = ago[1], ago[1]
            continue
        if not _may_start(tokens[i], g):
            i += 1
            continue
        found = _figure_at(tokens, i, g, folded.view, supported=i == supported_at)
        if found is None:
            i += 1
            continue
        figure, end = found
        figure = _placed(figure, tokens[i], tokens[end - 1], folded, g, knowledge)
        if figure is None or _overlaps(figure, skip) or not _code_case_ok(figure, g) \
                or not _symbols_as_written(tokens, i, end, folded, g):
            i += 1
            continue
        ranged = _with_low_end(figure, tokens, i, folded, g)
        if ranged is not None:
            while figures and figures[-1].end > ranged.start:
                figures.pop()  # the low end read alone ("40" of "40 to 50 people")
            figure = ranged
        figures.append(figure)
        i = end
    return figures


def _with_low_end(figure: Figure, tokens: list, i: int, folded: Folded, g: Grammar) -> Optional[Figure]:
    """"between 40 and 50 people", "2-3 hours", "two to three hours", "от 40 до 50 человек", "۴۰ تا ۵۰ نفر":
    a bare number joined to a measured figure by the language's range words makes one figure, an interval
    (hedge "range", value its low end), when the high end is at most `range_ratio` times the low one."""
    if figure.kind not in ("count", "duration", "percent") or (figure.kind == "count" and not figure.counted) \
            or figure.hedge not in ("exact", "at_most") or not isinstance(figure.value, (int, float)):
        return None
    view = folded.view
    for k in range(i - 1, max(-1, i - RANGE_REACH), -1):
        r = read_number(tokens, k, g) if tokens[k].kind == "num" or tokens[k].text in g.cardinals else None
        if r is None or r.end > i or r.written not in ("digits", "words"):
            continue
        between = " ".join(view[tokens[r.end - 1].end:tokens[i].start].split())
        opener = _range_opener(view, tokens[k].start, g)
        if figure.hedge == "at_most":  # "от 40 до 50": the joiner opened the high end's hedge
            head = " ".join(view[tokens[i].start:tokens[i].end + 8].split())
            ok = not between.strip("-–— ") and r.end == i and any(head.startswith(j) for j in g.range_joiners)
        else:
            ok = between in g.range_joiners or (opener is not None and between in g.range_after_opener)
        if not ok:
            return None
        scale = g.unit_kinds.get(figure.unit, ("", 1.0))[1] if figure.kind == "duration" else 1.0
        low, high = _whole_if_whole(r.value * scale), figure.high if figure.hedge == "at_most" else figure.value
        if not isinstance(high, (int, float)) or not 0 < low < high <= low * g.range_ratio:
            return None
        start, _ = folded.to_original(opener if opener is not None else tokens[k].start, tokens[k].end)
        return replace(figure, value=low, low=low, high=high, hedge="range",
                       text=folded.original[start:figure.end], start=start)
    return None


def _whole_if_whole(value: float):
    return int(value) if float(value).is_integer() else value


def _range_opener(view: str, at: int, g: Grammar) -> Optional[int]:
    """Where "between", "from", "بين", "от" stands right before a number starting at `at`, if it does."""
    before = view[max(0, at - RANGE_REACH * 4):at].rstrip()
    for opener in sorted(g.range_openers, key=len, reverse=True):
        start = len(before) - len(opener)
        if opener and before.endswith(opener) and (start == 0 or not before[start - 1].isalnum()):
            return max(0, at - RANGE_REACH * 4) + start
    return None


def _may_start(tok: Token, g: Grammar) -> bool:
    """A cheap test before the readers: digits, a symbol, or a word some figure can begin with."""
    if tok.kind != "word":
        return tok.kind != "clitic"
    return tok.text in g.starters or bool(g.half_prefixes) and tok.text.startswith(g.half_prefixes)


def _figure_at(tokens: list, i: int, g: Grammar, view: str, supported: bool) -> Optional[tuple[Quantity, int]]:
    if tokens[i].kind == "clitic":
        return None
    hedge, j = None, i
    before = g.hedges.match(tokens, i)
    if before is not None and _vague_here(tokens, i, before[1], g):
        before = None  # "unos días": a hedge before a number ("unos 20") is a vague quantity before a unit
    if before is not None and before[0] == "at_most" and _after_rise(tokens, i, before[1], g):
        return None  # "возросло до 23": after a verb of rising "до" is "to"; the number is read on its own
    if before is not None and before[1] < len(tokens) and (tokens[before[1]].joined
                                                           or _elided_before(tokens, before[1], view)):
        hedge, j = str(before[0]), before[1]  # "plus d'une heure": the hedge's last vowel may give way
        j += 1 if j < len(tokens) and tokens[j].kind == "clitic" else 0
    minus = g.minus.match(tokens, j)
    negative = minus is not None and minus[1] < len(tokens) and tokens[minus[1]].joined
    j = minus[1] if negative else j
    q = _quantity(tokens, j, g, view)
    if q is None:
        return None
    q = _money_parts(tokens, _compound(tokens, q, g, view), g, view, j)
    if negative or _minus_sign(tokens, j, view):
        signed = not q.counted and g.unit_kinds.get(q.unit, ("count",))[0] in SIGNED_KINDS
        if negative and not signed:
            return None  # "minus" before a duration or a toll: read again from the next word
        if signed:  # a minus before a duration or a toll written onto it is a dash ("talks -3 days")
            q.value, q.lead = -q.value, 0 if negative or i != j else 1
    after = g.hedges_after.match(tokens, q.end) if q.end < len(tokens) and tokens[q.end].joined else None
    if after is not None and hedge is None and q.hedge is None:
        hedge, q.end = str(after[0]), after[1]
    hedge = hedge or q.hedge
    if _elided_symbol(tokens, j, q, g, view):
        q.unit, q.end, q.plain = "", q.end - 1, True  # "6,8 s'est produit": a word whose vowel gave way
    if _symbol_misread(tokens, j, q, hedge, g):
        return None
    if q.weak and tokens[q.end - 1].text in g.ordinals:
        return None  # "a second time": the unit word is an ordinal here
    supported = supported or q.weak and q.end < len(tokens) and tokens[q.end].near \
        and g.ago_after.match(tokens, q.end) is not None  # "a month ago", "год назад"
    if q.weak and not (hedge and (hedge != "at_most" or tokens[j].text in g.articles) or supported and (q.unit in g.singulars.get(tokens[j].text, ()) or
                                                tokens[j].text in g.articles)):
        return None
    if q.plain and not _plain_count_ok(tokens, j, q, g):
        return None
    if _age_or_interval(tokens, i, j, q, g):
        return None
    if q.unit and _is_duration(g, q.unit) and _year_like(tokens[j].text):
        return None  # "2022 yılında", "2022 года": the year 2022, not 2022 years
    if q.counted and _year_like(tokens[j].text) and j > 0 and tokens[j - 1].text in g.locatives:
        return None  # "floods in 2022 killed 1,700": the year 2022, not 2022 killed
    q.hedge = hedge or "exact"
    return q, q.end


def _vague_here(tokens: list, i: int, end: int, g: Grammar) -> bool:
    """The hedge at token i, ending at `end`, is a vague quantity as well, and no number follows it."""
    vague = g.vague.match(tokens, i)
    if vague is None or vague[1] < end or end >= len(tokens):
        return False
    return tokens[end].kind != "num" and tokens[end].text not in g.cardinals


def _elided_symbol(tokens: list, j: int, q: Quantity, g: Grammar, view: str) -> bool:
    """A one-letter unit symbol with an apostrophe after it is an elided word ("s'est", "d'un"), not the unit."""
    last = tokens[q.end - 1]
    return q.end - j == 2 and tokens[j].kind == "num" and last.text in g.symbols \
        and view[last.end:last.end + 1] in ("'", "\u2019")


def _symbol_misread(tokens: list, j: int, q: Quantity, hedge: Optional[str], g: Grammar) -> bool:
    """A one-letter symbol after digits that is no unit there. "à 14 h", "14h30" where the language writes a
    time of day with the hour's symbol (French): no duration unless a hedge, a fraction of an hour or a longer
    span says so ("environ 3 h", "1,5 h", "48 h"). An "s" glued onto round tens ("los 80s") is a decade."""
    last = tokens[q.end - 1]
    if last.text not in g.symbols or q.end - j != 2 or tokens[j].kind != "num":
        return False
    whole = q.value == int(q.value)
    if last.glued and whole and q.value % 10 == 0 and g.units.table.get((last.text,)) == "second":
        return True
    if last.text not in g.clock_symbols:
        return False
    if q.end < len(tokens) and tokens[q.end].kind == "num" and tokens[q.end].joined:
        return True  # "14 h 30": a clock, or an hour and minutes that no unit names
    return hedge is None and whole and 0 <= q.value <= 24


def _symbols_as_written(tokens: list, i: int, end: int, folded: Folded, g: Grammar) -> bool:
    """A one-letter unit symbol counts only in CLDR's lower case: "3 h", not "3D" or "3H"."""
    for tok in tokens[i:end]:
        if tok.text in g.symbols:
            start, stop = folded.to_original(tok.start, tok.end)
            if folded.original[start:stop] != tok.text:
                return False
    return True


def _minus_sign(tokens: list, j: int, view: str) -> bool:
    """A minus sign written right onto the digits at token j, after a space or the start ("-5%")."""
    start = tokens[j].start
    if tokens[j].kind != "num" or start == 0 or view[start - 1] not in "-\u2212":
        return False
    return start == 1 or view[start - 2] in SIGN_BEFORE


def _compound(tokens: list, q: Quantity, g: Grammar, view: str) -> Quantity:
    """Durations in several units read as one ("1 year 1 month 21 days", "an hour and 15 minutes"): the sum."""
    if not (q.unit and _is_duration(g, q.unit)):
        return q
    used, factor = {q.unit}, g.unit_kinds[q.unit][1]
    last = factor
    while q.end < len(tokens) and (tokens[q.end].joined or _comma_before(tokens, q.end, view)):
        k, comma = q.end, not tokens[q.end].joined
        joiner = g.joiners.match(tokens, k)
        k = joiner[1] if joiner is not None and joiner[1] < len(tokens) and tokens[joiner[1]].joined else k
        nxt = _part(tokens, k, g, view, after_joiner=k != q.end or comma)
        if nxt is None or nxt.unit in used or (q.weak and k == q.end and not comma):
            break
        if comma and g.unit_kinds[nxt.unit][1] >= last:
            break  # after a comma only a smaller unit goes on ("1 year, 1 month and 21 days"); else a list
        last = g.unit_kinds[nxt.unit][1]
        used.add(nxt.unit)
        q.value += nxt.value * g.unit_kinds[nxt.unit][1] / factor
        q.end, q.weak = nxt.end, False
    return q


def _comma_before(tokens: list, k: int, view: str) -> bool:
    """Only a comma (and spaces) between token k and the one before it."""
    return k > 0 and view[tokens[k - 1].end:tokens[k].start].strip() == ","


def _part(tokens: list, k: int, g: Grammar, view: str, after_joiner: bool) -> Optional[Quantity]:
    """The next part of a compound duration at token k: a number with a duration unit, no hedge; an article
    only after "and" ("8 hours a day" is a rate, "2 years and a month" one span)."""
    if k >= len(tokens) or tokens[k].kind == "clitic":
        return None
    readers = (_dual, _half, _article, _counted_number) if after_joiner else (_dual, _half, _counted_number)
    for reader in readers:
        part = reader(tokens, k, g, view)
        if part is not None:
            ok = part.unit and _is_duration(g, part.unit) and not part.hedge and not _year_like(tokens[k].text)
            return part if ok else None
    return None


def _after_rise(tokens: list, i: int, end: int, g: Grammar) -> bool:
    """A verb of rising ends right before the hedge at token i, or takes it in ("возросло до")."""
    for start in range(max(0, i - g.rises.longest), i):
        hit = g.rises.match(tokens, start)
        if hit is not None and hit[1] in (i, end) and tokens[i].joined:
            return True
    return False


def _age_or_interval(tokens: list, i: int, j: int, q: Quantity, g: Grammar) -> bool:
    """An age ("52-year-old"), or a duration some repeated thing happened within ("twice in a day")."""
    k = _number_end(tokens, j, g)
    if g.ages.around(tokens, i, k) is not None:
        return True
    return bool(q.unit) and _is_duration(g, q.unit) and _counted_within(tokens, i, k, q.end, g)


def _counted_within(tokens: list, i: int, k: int, end: int, g: Grammar) -> bool:
    """An interval marker around the duration with a frequency word on its far side: before a preposition
    ("twice in a day", "второй за день"), after the duration ("24 saatte ikinci kez"). "ilk 24 saatte" (the
    first 24 hours) is no such case: the ordinal there stands on the duration's own side."""
    frame = g.intervals.around(tokens, i, k)
    if frame is None:
        return False
    begin, after = frame[0], max(frame[1], end)
    before = begin < i and any(_frequency_at(tokens, x, range(x + 1, begin + 1), g, by=begin)
                               for x in range(max(0, begin - FREQUENCY_REACH), begin))
    return before or any(_frequency_at(tokens, x, range(after, x + 1), g)
                         for x in range(after, min(len(tokens), after + FREQUENCY_REACH)))


def _number_end(tokens: list, j: int, g: Grammar) -> int:
    """The token after the number at j (after j itself when no number is read there: "a day")."""
    r = read_number(tokens, j, g) if tokens[j].kind == "num" or tokens[j].text in g.cardinals else None
    return r.end if r is not None else j + 1


def _frequency_at(tokens: list, x: int, chain: range, g: Grammar, by: Optional[int] = None) -> bool:
    """A frequency word or ordinal at token x (ending by token `by`), tied to the figure by joined tokens `chain`."""
    hit = g.frequency.match(tokens, x)
    if hit is None or (by is not None and hit[1] > by):
        return False
    return all(tokens[k].joined for k in chain)


def _quantity(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    if j >= len(tokens):
        return None
    for reader in (_digit_fraction, _over_fraction, _dual, _unit_before, _unit_first, _half, _article, _one_unit,
                   _numbered_unit, _counted_number, _bare_unit):
        q = reader(tokens, j, g, view)
        if q is not None:
            return q
    return None


def _digit_fraction(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """Digits over digits right before a percent ("3/4%", "2/3 por ciento"): no date has a percent after it."""
    if j + 2 >= len(tokens) or tokens[j].kind != "num" or tokens[j + 1].kind != "num" or not tokens[j + 2].joined:
        return None
    top, bottom = tokens[j], tokens[j + 1]
    before = view[top.start - 1] if top.start else " "
    if view[top.end:bottom.start] != "/" or not (top.text.isdigit() and bottom.text.isdigit()) or int(bottom.text) == 0:
        return None
    if before.isalnum() or before in "/.,-" or (bottom.end < len(view) and view[bottom.end] == "/"):
        return None  # "1/3/4%", "-3/4%": a date, a range or a sign
    unit = g.units.match(tokens, j + 2)
    if unit is None or g.unit_kinds.get(str(unit[0]), ("",))[0] != "percent":
        return None
    return Quantity(int(top.text) / int(bottom.text), unit[1], str(unit[0]))


def _over_fraction(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """A number over another, said with the language's word for "over", right before a percent ("uno sobre tres
    por ciento", "1 sobre 3 por ciento")."""
    if not g.over.first or (tokens[j].kind == "num" and not _digits_ok(tokens, j, view, g)):
        return None
    if tokens[j].kind != "num" and tokens[j].text not in g.cardinals:
        return None
    top = read_number(tokens, j, g)
    over = g.over.match(tokens, top.end) if top and top.end < len(tokens) and tokens[top.end].joined else None
    if over is None or over[1] >= len(tokens) or not tokens[over[1]].joined:
        return None
    k = over[1]
    if tokens[k].kind != "num" and tokens[k].text not in g.cardinals:
        return None
    bottom = read_number(tokens, k, g)
    if bottom is None or not bottom.value or bottom.end >= len(tokens) or not tokens[bottom.end].joined:
        return None
    unit = g.units.match(tokens, bottom.end)
    if unit is None or g.unit_kinds.get(str(unit[0]), ("",))[0] != "percent":
        return None
    return Quantity(top.value / bottom.value, unit[1], str(unit[0]))


def _numbered_unit(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """A unit whose name holds its number: French "quinze jours" is a fortnight (14 days), not 15 days."""
    if tokens[j].kind != "word" or tokens[j].text not in g.cardinals:
        return None
    unit = g.units.match(tokens, j)
    if unit is None or unit[1] - j < 2 or not _is_duration(g, str(unit[0])):
        return None
    return _with_fraction(tokens, Quantity(1.0, unit[1], str(unit[0])), g)


def _dual(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    dual = g.duals.match(tokens, j)
    if dual is None:
        return None
    return _with_fraction(tokens, Quantity(2.0, dual[1], str(dual[0])), g)


def _unit_first(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """Money and percent may come first: "$5 billion", "yüzde 20", "%20"."""
    unit = g.units.match(tokens, j)
    if unit is None or g.unit_kinds.get(str(unit[0]), ("",))[0] not in ("money", "percent"):
        return None
    k = unit[1]
    if g.money is not None and tuple(t.text for t in tokens[j:k]) in g.money.after_only:
        return None  # a currency name before digits is no amount ("Real 2 Barcelona 1")
    if g.money is not None and tuple(t.text for t in tokens[j:k]) in g.money.glued and not tokens[j + 1].glued:
        return None  # "a $5 billion" is no Australian dollar
    if k >= len(tokens) or not tokens[k].joined:
        return None
    words_ok = g.unit_kinds[str(unit[0])][0] == "percent" and tokens[k].kind == "word"  # "yüzde yirmi"
    if not words_ok and (tokens[k].kind != "num" or not (_digits_ok(tokens, k, view, g) or _code_on_digits(tokens, j, k, g))):
        return None
    r = read_number(tokens, k, g)
    if r is None:
        return None
    sign = -1 if tokens[k].kind == "num" and view[tokens[k].start - 1] in "-\u2212" else 1  # "yüzde -5", "%-5"
    return Quantity(sign * r.value, r.end, str(unit[0]))


def _unit_before(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """A unit written only before its number ("percent of 10", "نسبة ١٠"), when none follows it."""
    unit = g.units_before.match(tokens, j)
    if unit is None or unit[1] >= len(tokens) or not tokens[unit[1]].joined:
        return None
    k = unit[1]
    if tokens[k].kind == "num" and not _digits_ok(tokens, k, view, g):
        return None
    r = read_number(tokens, k, g)
    if r is None or r.written not in ("digits", "words"):
        return None
    again = g.units.match(tokens, r.end) if r.end < len(tokens) and tokens[r.end].joined else None
    if again is not None and again[0] == unit[0]:
        return None  # "بنسبة ٢٠٪": the unit after the number makes the figure
    return Quantity(r.value, r.end, str(unit[0]))


def _half(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    q = _half_unit(tokens, j, g)
    if q is not None and tuple(t.text for t in tokens[j:q.end]) in g.day_periods:
        return None  # "ao meio-dia", "al mediodía": noon, no half day
    return q


def _half_unit(tokens: list, j: int, g: Grammar) -> Optional[Quantity]:
    half = g.half.match(tokens, j)
    k = half[1] if half else j + 1
    if half is None:
        word = tokens[j].text
        rest = next((word[len(p):] for p in g.half_prefixes if word.startswith(p) and len(word) > len(p) + 1), None)
        unit = g.units.table.get((rest,)) if rest else None
        return Quantity(0.5, j + 1, unit) if unit and _is_duration(g, unit) else None
    art = g.articles.match(tokens, k) if k < len(tokens) and tokens[k].joined else None
    k = art[1] if art else k
    unit = g.units.match(tokens, k) if k < len(tokens) and tokens[k].joined else None
    if unit is None and k < len(tokens) and tokens[k].joined and g.definite:
        one = _singular_unit(tokens, k, g)  # "نصف الساعة": half with the definite unit
        unit = (one, k + 1) if one else None
    return Quantity(0.5, unit[1], str(unit[0])) if unit else None


def _article(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    art = g.articles.match(tokens, j)
    if art is None or art[1] >= len(tokens) or not tokens[art[1]].joined:
        return None
    unit = g.units.match(tokens, art[1])
    if unit is None:
        return None
    one = g.cardinals.match(tokens, j)
    weak = not (one is not None and one[1] == art[1] and float(one[0]) == 1)  # "bir saat": the article is "one" too
    whole = g.one_unit_after.match(tokens, unit[1]) if unit[1] < len(tokens) and tokens[unit[1]].near else None
    if whole is not None and _is_duration(g, str(unit[0])):
        return Quantity(1.0, whole[1], str(unit[0]))  # "une journée entière": one whole day
    return _with_fraction(tokens, Quantity(1.0, unit[1], str(unit[0]), weak=weak), g)


def _one_unit(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    """One whole duration unit: "all day", "another hour", "tüm hafta", "طوال الأسبوع", "عام كامل"."""
    word = g.one_unit.match(tokens, j)
    if word is not None:
        k = word[1]
        nxt = k < len(tokens) and (tokens[k].joined or _elided_before(tokens, k, view))  # "toute l'année"
        phrase = _singular_phrase(tokens, k, g) if nxt else None  # "un autre jour ouvré", before "jour"
        if phrase:
            return Quantity(1.0, phrase[1], phrase[0])
        unit = _singular_unit(tokens, k, g) if nxt else None
        return Quantity(1.0, k + 1, unit) if unit else None
    unit = _singular_unit(tokens, j, g)
    k = j + 1
    after = g.one_unit_after.match(tokens, k) if unit and k < len(tokens) and tokens[k].near else None
    return Quantity(1.0, after[1], unit) if after else None


def _elided_before(tokens: list, k: int, view: str) -> bool:
    """Only an apostrophe between token k and the word before it: an article whose vowel gave way ("l'année")."""
    return k > 0 and tokens[k - 1].kind == "word" and view[tokens[k - 1].end:tokens[k].start] == "'"


def _singular_unit(tokens: list, k: int, g: Grammar) -> Optional[str]:
    """A one-word duration unit at token k that is no plural-only form, with or without a definite article."""
    text = tokens[k].text
    forms = [text] + [text[len(a):] for a in g.definite if text.startswith(a) and len(text) > len(a) + 1]
    for form in forms:
        unit = g.units.table.get((form,))
        if unit and _is_duration(g, str(unit)) and form not in g.plural_only:
            return str(unit)
    return None


def _singular_phrase(tokens: list, k: int, g: Grammar) -> Optional[tuple[str, int]]:
    """A duration unit of several words whose last is no plural-only form ("business day", "iş günü")."""
    hit = g.units.match(tokens, k)
    if hit is None or hit[1] - k < 2 or not _is_duration(g, str(hit[0])) or tokens[hit[1] - 1].text in g.plural_only:
        return None
    return str(hit[0]), hit[1]


def _bare_unit(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    unit = g.units.match(tokens, j)
    if unit is None or not _is_duration(g, str(unit[0])):
        return None
    q = _with_fraction(tokens, Quantity(1.0, unit[1], str(unit[0]), weak=True), g)
    one = g.cardinals.match(tokens, q.end) if q.weak and q.end < len(tokens) and tokens[q.end].near else None
    if one is not None and float(one[0]) == 1:
        q.end, q.weak = one[1], False  # a postposed "one": "ساعة واحدة"
    return q


def _counted_number(tokens: list, j: int, g: Grammar, view: str) -> Optional[Quantity]:
    if tokens[j].kind == "num" and not _digits_ok(tokens, j, view, g):
        return None
    r = read_number(tokens, j, g)
    if r is None:
        return None
    if r.written == "vague":
        return _vague_duration(tokens, r, g)
    weak = r.written == "words" and r.end == j + 1 and tokens[j].text in g.articles
    q = Quantity(r.value, r.end, weak=weak)
    frac = g.fractions.match(tokens, q.end) if q.end < len(tokens) and tokens[q.end].joined else None
    if frac is not None:
        q.value, q.end, q.weak = q.value + float(frac[0]), frac[1], False
    mid = g.hedges_after.match(tokens, q.end) if q.end < len(tokens) and tokens[q.end].joined else None
    if mid is not None and mid[1] < len(tokens) and tokens[mid[1]].near and (
            g.units.match(tokens, mid[1]) or g.count_nouns.match(tokens, mid[1])):
        q.hedge, q.end = str(mid[0]), mid[1]  # "20-plus missiles", "twenty-odd soldiers"
    nxt = q.end < len(tokens) and (tokens[q.end].joined or _elided(tokens, q.end, view, r))
    unit = g.units.match(tokens, q.end) if nxt else None
    unit = unit or (_linked_money(tokens, q.end, g, view) if nxt else None)
    if unit is not None:
        q.unit, q.end = str(unit[0]), unit[1]
        whole = g.one_unit_after.match(tokens, q.end) if q.value == 1 and q.end < len(tokens) and tokens[q.end].near \
            else None
        if whole is not None and _is_duration(g, q.unit):
            q.end = whole[1]  # "une journée entière": one whole day
            return q
        return q if frac is not None else _with_fraction(tokens, q, g)
    noun = g.count_nouns.match(tokens, q.end) if nxt else None
    if noun is None and nxt and float(q.value).is_integer():  # 6.2 counts no one
        noun = _noun_past_modifiers(tokens, q.end, g)
    if noun is not None:
        q.counted, q.end = str(noun[0]), noun[1]
        return q
    if frac is not None or (r.written != "digits" and not _after_rise(tokens, j, j, g)):
        return None  # number words with nothing counted are too often pronouns ("one of", "the two"),
        #              but not after a verb of rising ("достигло шести", "rose to nine")
    q.plain = True
    return q


def _noun_past_modifiers(tokens: list, k: int, g: Grammar) -> Optional[tuple[object, int]]:
    """"eight living hostages", "1,000 Palestinian prisoners", "восемь живых заложников": the counted noun
    after one or two plain words (no number, unit or punctuation between)."""
    for gap in range(1, g.modifier_reach + 1):
        at = k + gap
        word = tokens[at - 1]
        if at >= len(tokens) or not tokens[at].near or word.kind != "word" or not word.text.isalpha() \
                or len(word.text) < g.modifier_letters or word.text in g.known:
            return None  # "15 of the victims" is a part of a toll: "of", "the", "من" are too short to be adjectives
        noun = g.count_nouns.match(tokens, at)
        if noun is not None:
            return noun
    return None


def _elided(tokens: list, k: int, view: str, r: Reading) -> bool:
    """A number word whose last vowel gave way to an apostrophe before the next word (Italian "un'ora")."""
    return r.written == "words" and tokens[k].kind == "word" and view[tokens[k - 1].end:tokens[k].start] == "'"


def _vague_duration(tokens: list, r: Reading, g: Grammar) -> Optional[Quantity]:
    """"a few days", "birkaç gün": a vague quantity is a figure before a duration unit only (no toll, no sum)."""
    unit = g.units.match(tokens, r.end) if r.end < len(tokens) and tokens[r.end].joined else None
    if unit is None or not _is_duration(g, str(unit[0])):
        return None
    return Quantity(r.value, unit[1], str(unit[0]), hedge="about", vague=True)


def _with_fraction(tokens: list, q: Quantity, g: Grammar) -> Quantity:
    frac = g.fractions.match(tokens, q.end) if q.end < len(tokens) and tokens[q.end].joined else None
    if frac is not None:
        q.value, q.end, q.weak = q.value + float(frac[0]), frac[1], False
    return q


def _is_duration(g: Grammar, unit: str) -> bool:
    return g.unit_kinds.get(unit, ("",))[0] == "duration"


def _digits_ok(tokens: list, j: int, view: str, g: Grammar) -> bool:
    """Not a time of day, a date, an id glued to letters, or part of a URL or hashtag."""
    tok = tokens[j]
    before = view[tok.start - 1] if tok.start else " "
    after = view[tok.start + len(tok.text):tok.start + len(tok.text) + 2]
    if before in NOT_A_NUMBER_BEFORE or (before in ".," and tok.start > 1 and view[tok.start - 2].isdigit()):
        return False
    if after[:1] in (":", "/", ".", ",") and after[1:2].isdigit():
        return False
    if tok.glued and j > 0 and tokens[j - 1].kind == "word" and not _lone_proclitic(tokens, j - 1, g):
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.glued and nxt.kind == "word" and not (
            g.units.match(tokens, j + 1) or nxt.text in g.multipliers or nxt.text in g.count_nouns):
        return False
    lo = view.rfind(" ", max(0, tok.start - 80), tok.start) + 1
    hi = view.find(" ", tok.end, tok.end + 80)
    chunk = view[lo:hi if hi >= 0 else tok.end + 80]
    return not any(mark in chunk for mark in URL_MARKS)


def _lone_proclitic(tokens: list, k: int, g: Grammar) -> bool:
    """A one-letter proclitic written onto digits ("و1500")."""
    return len(tokens[k].text) == 1 and tokens[k].text in g.proclitics and not tokens[k].glued


def _plain_count_ok(tokens: list, j: int, q: Quantity, g: Grammar) -> bool:
    """A bare number counts something unless it is a year, an id, a time of day or a date."""
    text = tokens[j].text
    if text.isdigit() and (len(text) >= ID_DIGITS or _year_like(text)):
        return False
    if q.end < len(tokens) and tokens[q.end].kind == "num" and tokens[q.end].joined:
        return False  # the first of a range or of a grouped run ("10-15", "24 02 2022")
    if j > 0 and tokens[j].joined and tokens[j - 1].kind == "num":
        return False
    prev_word = _blocked_before(tokens, j, g)
    return not prev_word and not (q.end < len(tokens) and tokens[q.end].near and g.blockers.match(tokens, q.end))


def _year_like(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and YEARS[0] <= int(text) <= YEARS[1]


def _blocked_before(tokens: list, j: int, g: Grammar) -> bool:
    for n in range(1, min(g.blockers.longest, j) + 1):
        hit = g.blockers.match(tokens, j - n)
        if hit is not None and hit[1] == j and tokens[j].near:
            return True
    return False


def _placed(q: Quantity, first: Token, last: Token, folded: Folded, g: Grammar, knowledge) -> Optional[Figure]:
    start, end = folded.to_original(first.start - q.lead, last.end)
    kind, factor = g.unit_kinds.get(q.unit, ("count", 1.0)) if q.unit else ("count", 1.0)
    if kind in ("money", "percent"):
        factor = 1.0
    value = q.value * factor
    low, high = figure_interval(value, q.hedge or "exact", q.unit, knowledge)
    if q.vague:  # "a few days" is 1 to 5 days, "less than a few days" up to 5
        width = knowledge.setting("vague_width", 0.5)
        low, high = min(low, value * (1 - width)), max(high, value * (1 + width))
    return Figure(kind=kind, value=_tidy(value), low=_tidy(low), high=_tidy(high), hedge=q.hedge or "exact",
                  unit=q.unit, text=folded.original[start:end], start=start, end=end, counted=q.counted)


def _overlaps(figure: Figure, skip: list) -> bool:
    return any(s < figure.end and figure.start < e for s, e in skip)


def _tidy(x: float):
    if math.isinf(x):
        return x
    x = float(f"{x:.12g}")  # twelve significant digits: float noise goes, "9,2321312%" stays whole
    return int(x) if x == int(x) else x


def figure_interval(value: float, hedge: str, unit: str, knowledge) -> tuple[float, float]:
    """The interval the words allow: the rounding of a plain figure, widened or opened by its hedge."""
    widths = knowledge.common.get("hedge_widths", {})
    exact = float(widths.get("exact", "0"))
    width = float(widths.get(hedge, exact))
    lo_f, hi_f = CALENDAR_SPAN.get(unit, (1.0, 1.0))
    v = abs(value)
    if hedge in ("exact", "about"):
        low, high = v * lo_f * (1 - width), v * hi_f * (1 + width)
    elif hedge == "nearly":
        low, high = v * lo_f * (1 - width), v * hi_f
    elif hedge in ("more_than", "at_least"):
        low, high = v * lo_f * (1 - width), math.inf
    elif hedge in ("less_than", "at_most"):
        low, high = 0.0, v * hi_f * (1 + width)
    else:
        low, high = v * lo_f * (1 - exact), v * hi_f * (1 + exact)
    return (low, high) if value >= 0 else (-high, -low)


# ---- money: currency names from claims.currency, amounts in two parts -------------------------

@dataclass
class Money:
    """What the money readers need beyond the unit table."""

    after_only: frozenset  # token tuples of currency names (words): never before the number
    capital_codes: frozenset  # ISO codes that count only when written in capitals ("75 USD")
    scaled: dict  # a code with CLDR's short letter for a million on it, in capitals: "musd" -> 1e6
    glued: frozenset  # token tuples of symbols with a one-letter prefix: only written as one ("A$", not "a $")
    minor: frozenset  # unit ids of minor units (cent, penny, kuruş ...)
    precision: dict  # currency unit id -> digits of its minor unit
    separators: Phrases  # "and", "et", "con", "e": between an amount and its minor part
    links: Phrases  # "de": between a multiplier word and the currency ("2 millones de dólares")


class MoneyTables(NamedTuple):
    forms: list
    grammar: Money


def _money(language: Optional[str], lex: dict, unit_kinds: dict, counted: set) -> MoneyTables:
    """Currency forms for the unit table (adding their ids to unit_kinds) and the money grammar."""
    tracked = tuple(sorted(u for u, (kind, _) in unit_kinds.items() if kind == "money" and len(u) == 3))
    data = currency_data(language, tracked)
    for unit, factor in data.kinds.items():
        unit_kinds.setdefault(unit, ("money", factor))
    refused = {fold(w) for w in section(lex, "money", "not_currency") or []} | counted
    refused |= {fold(w) for w in list(section(lex, "numbers", "cardinals")) + list(section(lex, "numbers", "multipliers"))}
    if not section(lex, "numbers", "cardinals"):  # CLDR's number words: French "cent" is a hundred, not a cent
        spelled = spelled_numbers(language)
        refused |= {phrase for phrase, _ in spelled.cardinals + spelled.multipliers}
    written = {fold(f) for forms in section(lex, "units").values() for f in forms}
    forms = _inflected(lex, [(fold(f), u) for u, fs in sorted(section(lex, "units").items())
                             if unit_kinds.get(u, ("",))[0] == "money" for f in fs] + data.forms)
    forms = [(f, u) for f, u in forms if f not in refused]
    forms += [(plain_letters(f), u) for f, u in forms if plain_letters(f) not in refused]  # "dolares", "kurus"
    names = data.after_only | {plain_letters(f) for f in data.after_only}
    forms += [(code, unit) for code, unit in sorted(data.uppercase_codes.items()) if code not in written]
    forms += [(word, unit) for word, (unit, _) in sorted(data.scaled_codes.items()) if word not in written]
    separators = list(section(lex, "money", "separators") or []) + sorted(data.separators)
    links = list(section(lex, "money", "links") or []) + sorted(data.links)
    grammar = Money(
        after_only=frozenset(_words(f) for f in names | (set(data.uppercase_codes) - set(tracked)))
        - {_words(w) for w in written},
        capital_codes=frozenset(c for c in data.uppercase_codes if c not in written),
        scaled={w: f for w, (_, f) in data.scaled_codes.items() if w not in written},
        glued=frozenset(k for k in (_words(f) for f, _ in forms) if len(k) > 1 and len(k[0]) == 1 and k[0].isalpha())
        - {_words(w) for w in written},
        minor=frozenset(data.minor),
        precision=dict(data.precision),
        separators=Phrases((w, True) for w in separators + list(section(lex, "numbers", "connectors"))
                           + list(cldr_and_words(language))),
        links=Phrases((w, True) for w in links),
    )
    return MoneyTables(forms, grammar)


def _inflected(lex: dict, forms: list) -> list:
    """The forms, and each one-word name with the lexicon's case endings ("sterline", "yuanı", "frankta")."""
    suffixes = [fold(s) for s in section(lex, "morphology", "suffixes") or []]
    words = [(f, u) for f, u in forms if f.isalpha()]
    return forms + [(f + s, u) for f, u in words for s in suffixes]


def _is_money(g: Grammar, unit: str) -> bool:
    return g.unit_kinds.get(unit, ("",))[0] == "money"


def _linked_money(tokens: list, k: int, g: Grammar, view: str) -> Optional[tuple]:
    """A currency after a multiplier word and a link: "2 millones de dólares" (not "500 de dólares"), the
    link's vowel elided before a vowel ("323 millions d'euros")."""
    if g.money is None or k < 1 or g.multipliers.match(tokens, k - 1) is None:
        return None
    link = g.money.links.match(tokens, k) or _elided_link(tokens, k, g, view)
    if link is None or link[1] >= len(tokens) or not (tokens[link[1]].joined or link[1] == k + 1):
        return None
    unit = g.units.match(tokens, link[1])
    return unit if unit is not None and _is_money(g, str(unit[0])) else None


def _elided_link(tokens: list, k: int, g: Grammar, view: str) -> Optional[tuple]:
    """A link word whose last vowel gave way to an apostrophe ("d'" of "de"), glued to the next word."""
    if k + 1 >= len(tokens) or view[tokens[k].end:tokens[k + 1].start] not in ("'", "’"):
        return None
    whole = next((w for (w,) in (key for key in g.money.links.table if len(key) == 1)
                  if w[:-1] == tokens[k].text and w[-1] in "aeiou"), None)
    return (True, k + 1) if whole else None


def _money_parts(tokens: list, q: "Quantity", g: Grammar, view: str, start: int) -> "Quantity":
    """An amount's tail: a multiplier after the currency ("75 USD million") or its minor part, as one
    amount: "3 dollars 50 cents", "thirteen dollars and forty-five cents", "50 tl 30 kuruş", "15 dollars 50";
    a code that carries its multiplier ("30 MUSD") scales the amount."""
    if g.money is None or not _is_money(g, q.unit) or q.unit in g.money.minor or q.counted:
        return q
    scale = next((g.money.scaled[t.text] for t in tokens[start:q.end] if t.text in g.money.scaled), None)
    if scale is not None:
        q.value *= scale
        return q
    mult = g.multipliers.match(tokens, q.end) if q.end < len(tokens) and tokens[q.end].joined else None
    if mult is not None and tokens[q.end - 1].kind != "num" and float(mult[0]) >= 1000:
        q.value, q.end = q.value * float(mult[0]), mult[1]
        return q
    if any(g.multipliers.match(tokens, t) for t in range(start, q.end)):
        return q  # "5 million euros and 20 cents a litre": no amount in millions has cents
    part = _minor_part(tokens, q.end, g, view, g.money.precision.get(q.unit, 2))
    if part is not None:
        q.value, q.end = q.value + part[0], part[1]
    return q


def _minor_part(tokens: list, k: int, g: Grammar, view: str, digits: int) -> Optional[tuple[float, int]]:
    """(value in the major unit, end) of the minor part of an amount at token k, or None."""
    if not digits or k >= len(tokens) or not tokens[k].joined:
        return None
    sep = g.money.separators.match(tokens, k)
    start = sep[1] if sep is not None else k
    if start >= len(tokens) or not tokens[start].joined or (tokens[start].kind == "num" and not _digits_ok(tokens, start, view, g)):
        return None
    r = read_number(tokens, start, g) if tokens[start].kind == "num" or tokens[start].text in g.cardinals else None
    if r is None or r.value != int(r.value) or not 0 < r.value < 10 ** digits:
        return None
    unit = g.units.match(tokens, r.end) if r.end < len(tokens) and tokens[r.end].joined else None
    if unit is not None:
        return (r.value * 10.0 ** -digits, unit[1]) if str(unit[0]) in g.money.minor else None
    if tokens[start].kind == "num" and len(tokens[start].text) > digits:
        return None
    if r.end < len(tokens) and tokens[r.end].joined and (sep is not None or _counts_next(tokens, r.end, g)):
        return None  # "15 dollars and 20 people", "$5 and 3 more": not cents
    return r.value * 10.0 ** -digits, r.end


def _counts_next(tokens: list, k: int, g: Grammar) -> bool:
    """Something at token k makes the number before it a figure of its own."""
    return tokens[k].kind != "word" or any(p.match(tokens, k) for p in (g.units, g.count_nouns, g.multipliers,
                                                                          g.hedges_after, g.fractions))


def _code_on_digits(tokens: list, j: int, k: int, g: Grammar) -> bool:
    """An ISO code written onto the digits after it ("USD115"), nothing glued after them."""
    code = tokens[j].text
    if k != j + 1 or not tokens[k].glued or len(code) != 3 or not _is_money(g, code):
        return False
    return not (k + 1 < len(tokens) and tokens[k + 1].glued)


def _code_case_ok(figure: Figure, g: Grammar) -> bool:
    """An ISO code that is also a word ("ALL", "TOP") counts only when the figure writes it in capitals."""
    if g.money is None or figure.kind != "money":
        return True
    if any(w.lower() in g.money.scaled and not w.isupper() for w in re.findall(r"[^\W\d_]+", figure.text)):
        return False  # "MUSD" in capitals only: "musd", "Maud" are words
    if figure.unit not in g.money.capital_codes:
        return True
    signs = re.escape(CURRENCY_SIGNS)
    text = re.sub(rf"(?i){figure.unit} ?[{signs}]|[{signs}] ?{figure.unit}", " ", figure.text)  # "mxn$", "$ cad"
    words = re.findall(r"[^\W\d_]+", text)
    return any(w == figure.unit.upper() for w in words) or not any(w.lower() == figure.unit for w in words)


# ---- CLDR: unit and currency names, separators, for every locale ----------------------------

@lru_cache(maxsize=None)
def cldr_separators(language: Optional[str]) -> tuple[str, str]:
    """The decimal and group marks of a locale, folded ("," and " " in Russian)."""
    loc = cldr_locale(language)
    if loc is None:
        return ".", ","
    return fold(get_decimal_symbol(loc)) or ".", fold_text(get_group_symbol(loc)).view or ","


@lru_cache(maxsize=None)
def cldr_unit_forms(language: Optional[str], unit_ids: tuple) -> dict:
    """Unit and currency names CLDR gives a locale: {"units": [(id, form)], "duals": [(id, form)]}."""
    out: dict = {"units": [], "duals": [], "singulars": {}, "plurals": set(), "ones": set(), "symbols": set()}
    loc = cldr_locale(language)
    for unit in unit_ids:
        if unit in CLDR_UNITS and loc is not None:
            _cldr_measure(loc, unit, out)
    plurals = out.pop("plurals")
    out["plural_only"] = frozenset(plurals - out.pop("ones"))
    out["symbols"] = frozenset(out["symbols"])
    out["singulars"] = {f: tuple(sorted(u for u in us)) for f, us in out["singulars"].items() if f not in plurals}
    return out


def _cldr_measure(loc: Locale, unit: str, out: dict) -> None:
    for n in CLDR_COUNTS:
        for length in ("long", "short"):
            try:
                text = format_unit(n, CLDR_UNITS[unit], length=length, locale=loc)
            except (UnknownUnitError, KeyError, ValueError):
                continue
            symbol = _symbol(text)
            if symbol and length == "short" and root_symbols().get(symbol) == unit:
                out["units"].append((unit, symbol))  # "3 h", "3h", "123,45 s": the unit's international symbol
                out["symbols"].add(symbol)
            _add_form(unit, text, n, out)


def _symbol(text: str) -> str:
    """The one letter a short unit form writes after its number ("3 h" -> "h"), else ""."""
    form = " ".join(re.sub(r"[\d.,'’]+", " ", fold(text)).split())
    return form if len(form) == 1 and form.isalpha() else ""


@lru_cache(maxsize=None)
def root_symbols() -> dict:
    """One-letter unit symbols of CLDR's root locale, the ones no language owns ("h", "s", "d"), that name a
    single unit of CLDR_UNITS ("m" is a metre and a month there: neither). A locale's own one-letter short
    form counts only when it is one of these for the same unit: French "j" (jour) and Spanish "a" (año, also
    "to") are letters of words, not symbols."""
    seen: dict = {}
    for unit, cldr_id in CLDR_UNITS.items():
        try:
            symbol = _symbol(format_unit(3, cldr_id, length="short", locale="root"))
        except (UnknownUnitError, KeyError, ValueError):
            continue
        if symbol:
            seen.setdefault(symbol, set()).add(unit)
    return {symbol: next(iter(units)) for symbol, units in seen.items() if len(units) == 1}


HOUR_LITERAL = re.compile(r"[Hh]{1,2}[ \u00a0\u202f]?'([^']{1,8})'")  # "HH 'h' mm": a word after the hour field


@lru_cache(maxsize=None)
def cldr_clock_symbols(language: Optional[str]) -> frozenset:
    """Words some locale of the language writes right after the hour of a time of day (French Canada's
    "HH 'h' mm": "14 h 30"), from CLDR's time formats: after a number such a symbol may be a clock."""
    if not language:
        return frozenset()
    base = language.replace("-", "_").split("_")[0]
    found = set()
    for ident in localedata.locale_identifiers():
        if ident.split("_")[0] != base:
            continue
        try:
            loc = Locale.parse(ident)
            patterns = [str(loc.time_formats[w].pattern) for w in ("short", "medium")]
            patterns += [str(v) for k, v in loc.datetime_skeletons.items() if k in ("H", "Hm", "h", "hm")]
        except (ValueError, KeyError, AttributeError):
            continue
        found.update(fold(m.group(1)).strip(".") for p in patterns for m in HOUR_LITERAL.finditer(p))
    return frozenset(f for f in found if f)


@lru_cache(maxsize=None)
def cldr_ago_markers(language: Optional[str]) -> tuple[frozenset, frozenset]:
    """The words CLDR writes before and after the number in a locale's patterns for a time past: ("قبل",),
    ("il y a",) before it; ("ago",), ("önce",), ("назад",) after the unit. Only these make a bare unit one
    ("قبل شهر", "a month ago", "год назад"); "the month", "this year" have none."""
    loc = cldr_locale(language)
    fields = loc._data["date_fields"] if loc is not None else {}
    before, after = set(), set()
    for unit in ("second", "minute", "hour", "day", "week", "month", "year"):
        for pattern in ((fields.get(unit) or {}).get("past") or {}).values():
            head, sep, tail = fold(pattern).partition("{0}")
            words = tail.split()[1:]  # the unit's name comes first
            if sep and head.strip() and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", " ".join(head.split())):
                before.add(" ".join(head.split()))
            elif sep and words and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", " ".join(words)):
                after.add(" ".join(words))
    return frozenset(before), frozenset(after)


@lru_cache(maxsize=None)
def cldr_day_periods(language: Optional[str]) -> frozenset:
    """CLDR's words for noon and midnight in a locale, as token tuples (with plain letters too)."""
    loc = cldr_locale(language)
    if loc is None:
        return frozenset()
    out = set()
    for widths in loc.day_periods.values():
        for periods in widths.values():
            for key, text in periods.items():
                if key in ("noon", "midnight"):
                    for form in (fold(text), plain_letters(fold(text))):
                        out.add(_words(form))
    return frozenset(w for w in out if w)


@lru_cache(maxsize=None)
def cldr_multipliers(language: Optional[str]) -> tuple:
    """Words for thousand, million, billion a locale writes after digits, from CLDR's compact number
    formats ("0 mil", "0 milhões", "0 тыс.", "0 میلیون"): (form, factor) pairs. Short forms of fewer than
    three letters ("K", "Mn") are left out: too many words are written so."""
    loc = cldr_locale(language)
    if loc is None:
        return ()
    out = {}
    for width, by_plural in loc.compact_decimal_formats.items():
        for patterns in by_plural.values():
            for magnitude, pattern in patterns.items():
                form = _compact_form(str(getattr(pattern, "pattern", pattern)))
                if form and (width == "long" or len(form.replace(" ", "")) >= 3):
                    out.setdefault(form, float(magnitude))
    return tuple(sorted(out.items()))


def _compact_form(pattern: str) -> str:
    """The word of a compact pattern with one digit ("0 milhões" -> "milhões"), else ""."""
    if pattern.count("0") != 1:
        return ""
    words = fold(pattern.replace("'", "").replace("0", " ").replace(".", " ")).split()
    return " ".join(words) if words and all(w.isalpha() for w in words) else ""


@lru_cache(maxsize=None)
def cldr_and_words(language: Optional[str]) -> tuple:
    """The word for "and" of a locale, from CLDR's list patterns ("{0} y {1}" in Spanish, "{0} و{1}" in Arabic)."""
    loc = cldr_locale(language)
    if loc is None:
        return ()
    words = set()
    for key in ("standard", "unit"):
        for pattern in dict(loc.list_patterns.get(key, {})).values():
            middle = pattern.replace("{0}", " ").replace("{1}", " ")
            words.update(w for w in fold(middle).replace(",", " ").replace("،", " ").split() if w.isalpha())
    return tuple(sorted(words))


@lru_cache(maxsize=None)
def cldr_month_names(language: Optional[str]) -> tuple:
    """Month names a locale writes (wide and abbreviated, in and out of a date): a number by one is a date."""
    loc = cldr_locale(language)
    if loc is None:
        return ()
    names = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names.update(v for v in get_month_names(width, context, loc).values() if len(fold(v).strip(".")) > 2)
    return tuple(sorted(names))


def _add_form(unit: str, text: str, n: float, out: dict) -> None:
    view = fold(text)
    if "-" in view and re.search(r"[a-z]-[a-z]", view):
        return  # CLDR fell back to the unit's id
    form = " ".join(re.sub(r"[\d.,'’]+", " ", view).split())
    if not form or (len(form) < 2 and form.isalpha()):
        return
    if n in (1, 21, 1.5) and " " not in form:
        out["singulars"].setdefault(form, set()).add(unit)
    if n == 1:
        out["ones"].add(form)
    elif n == 5:
        out["plurals"].add(form)
    if re.search(r"\d", view):
        out["units"].append((unit, form))
    elif n == 2:
        out["duals"].append((unit, form))
    elif n == 1:
        out["units"].append((unit, form))

