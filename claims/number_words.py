"""Spelled-out numbers of any locale, read backwards from CLDR's rule-based number formats (RBNF).

`unicode-rbnf` spells a number out the way CLDR's rules for a locale do ("vingt-deux", "ciento treinta y
tres", "dois milhões"). Spelling out 0..999 in every cardinal ruleset (each gender) and the powers of a
thousand gives the reverse table: phrase -> value for the small numbers, the words for thousand, million
... as multipliers, the words that join tens and units ("et", "y", "e") as connectors, and the word for
the decimal mark ("virgule", "coma"). figures.py composes them as it does a lexicon's number words. The
table is built once per language (cached).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .normalize import fold

from babel.units import format_unit

try:  # a dependency (setup.cfg); without it a language simply has no spelled-out numbers
    from unicode_rbnf import FormatPurpose, RbnfEngine
except ImportError:  # pragma: no cover
    RbnfEngine = None

SMALL = range(0, 1000)  # every number below a thousand is spelled out; larger ones compose with multipliers
POWERS = (3, 6, 9, 12)  # thousand, million, billion (milliard), trillion
# ordinals that also name a fraction's denominator ("tres quintos" is 3/5); "second" and "third" are left out:
# most languages have their own words for a half and a third, and their ordinals name other things ("segundos")
DENOMINATORS = (4, 5, 6, 7, 8, 9, 10, 100, 1000, 10 ** 6, 10 ** 9, 10 ** 12)
CARDINAL_RULESETS = ("spellout-numbering", "spellout-cardinal")  # ruleset names start so ("...-feminine")


@dataclass(frozen=True)
class SpelledNumbers:
    """A locale's number words: (phrase, value) pairs, each phrase folded, words separated by spaces."""

    cardinals: tuple = ()
    multipliers: tuple = ()
    connectors: tuple = ()
    decimal_words: tuple = ()
    ordinals: tuple = ()
    denominators: tuple = ()  # ordinals that divide the number before them ("cinquièmes", "quintos")
    units_first: bool = False  # units are said before tens ("fünfundzwanzig" is one word; Arabic "خمسة وعشرون")


@lru_cache(maxsize=None)
def spelled_numbers(language: Optional[str]) -> SpelledNumbers:
    """The reverse RBNF table of a language (empty when CLDR has no rules for it)."""
    engine = _engine(language)
    if engine is None:
        return SpelledNumbers()
    cardinals: dict = {}
    for n in SMALL:
        for text in _spellings(engine, n):
            cardinals.setdefault(text, float(n))
    for n in (m * 10 ** p for p in POWERS for m in range(1, 10)):  # "mil", "zweitausend": one word, no multiplier
        for text in _spellings(engine, n):
            if " " not in text:
                cardinals.setdefault(text, float(n))
    return SpelledNumbers(
        cardinals=tuple(_with_plain_letters(cardinals)),
        multipliers=tuple(_with_plain_letters(_multipliers(engine))),
        connectors=tuple(sorted(_connectors(engine, cardinals))),
        decimal_words=tuple(sorted(w for w, _ in _with_plain_letters(dict.fromkeys(_decimal_words(engine), 1)))),
        ordinals=tuple(_with_plain_letters(_ordinals(engine, range(1, 32)))),
        denominators=tuple(_with_plain_letters(_with_plurals(_without_one(_ordinals(engine, DENOMINATORS), cardinals),
                                                             _plural_ending(language)))),
        units_first=_units_first(engine, cardinals),
    )


def _engine(language: Optional[str]):
    if RbnfEngine is None or not language:
        return None
    code = language.replace("-", "_")
    for candidate in (code, code.split("_")[0]):
        try:
            return RbnfEngine.for_language(candidate)
        except (ValueError, KeyError, OSError):
            continue
    return None


def _spellings(engine, n, purpose=None) -> set:
    """The folded spellings of n in every cardinal (or, with a purpose, every such) ruleset."""
    try:
        result = engine.format_number(n, purpose=purpose) if purpose else engine.format_number(n)
    except Exception:  # noqa: BLE001 -- a ruleset CLDR leaves incomplete for a locale: no spelling
        return set()
    texts = result.text_by_ruleset.items()
    wanted = (lambda name: name.startswith(CARDINAL_RULESETS)) if purpose is None else (lambda name: True)
    return {_words(text) for name, text in texts if wanted(name) and _words(text)}


def _words(text: str) -> str:
    """A spelling folded, its hyphens made spaces ("vingt-et-un" -> "vingt et un"), letters only."""
    words = fold(text).replace("-", " ").split()
    return " ".join(words) if words and all(w.isalpha() for w in words) else ""


def _multipliers(engine) -> dict:
    """The words a power of a thousand adds after a small number ("deux mille", "dos millones")."""
    out: dict = {}
    for power in POWERS:
        for n in (2, 3, 1):
            for small in _spellings(engine, n):
                for big in _spellings(engine, n * 10 ** power):
                    if big.startswith(small + " ") and big[len(small) + 1:]:
                        out.setdefault(big[len(small) + 1:], float(10 ** power))
    return out


def _connectors(engine, cardinals: dict) -> set:
    """Words between two number words that are no number themselves ("et" of "vingt et un", "y", "e")."""
    numbers = {phrase for phrase in cardinals if " " not in phrase}
    found = set()
    for n in range(21, 100):
        for text in _spellings(engine, n):
            words = text.split()
            found.update(w for w in words[1:-1] if w not in numbers)
    return found


def _units_first(engine, cardinals: dict) -> bool:
    """Whether 25 is said "five (and) twenty": its first word is worth less than its last."""
    for text in _spellings(engine, 25):
        words = text.split()
        if len(words) > 1 and cardinals.get(words[0], 0) < cardinals.get(words[-1], 0):
            return True
    return False


def _decimal_words(engine) -> set:
    """The word spoken for the decimal mark: what stands between "one" and "five" in 1.5."""
    ones, fives = _spellings(engine, 1), _spellings(engine, 5)
    found = set()
    for text in _spellings(engine, 1.5):
        words = text.split()
        if len(words) == 3 and words[0] in ones and words[2] in fives:
            found.add(words[1])
    return found


def _ordinals(engine, numbers) -> dict:
    """Ordinal words of every gender and number ("cinquième", "quintos")."""
    out: dict = {}
    if RbnfEngine is None:
        return out
    for n in numbers:
        for text in _spellings(engine, n, purpose=FormatPurpose.ORDINAL):
            out.setdefault(text, float(n))
    return out


def _without_one(table: dict, cardinals: dict) -> dict:
    """Ordinals without a leading "one" ("um bilionésimo" -> "bilionésimo"): the numerator says how many."""
    ones = {phrase for phrase, value in cardinals.items() if value == 1 and " " not in phrase}
    out: dict = {}
    for phrase, value in table.items():
        first, _, rest = phrase.partition(" ")
        out.setdefault(rest if first in ones and rest else phrase, value)
    return out


PLURAL_PROBES = ("duration-hour", "duration-day", "duration-week", "duration-minute", "duration-second")


def _plural_ending(language: Optional[str]) -> str:
    """The ending CLDR's unit names add for many, when it is one and the same for every probe ("hora" ->
    "horas": "s"); "" when plurals change otherwise (Italian "ora" -> "ore", German "Stunde" -> "Stunden")."""
    endings = set()
    for unit in PLURAL_PROBES:
        try:
            one, many = (_unit_word(format_unit(n, unit, length="long", locale=language)) for n in (1, 5))
        except Exception:  # noqa: BLE001 -- a locale CLDR has no unit names for: no plural ending
            return ""
        if not one or not many.startswith(one) or many == one:
            return ""
        endings.add(many[len(one):])
    return endings.pop() if len(endings) == 1 else ""


def _unit_word(text: str) -> str:
    words = [w for w in fold(text).split() if w.isalpha()]
    return words[0] if len(words) == 1 else ""


def _with_plurals(table: dict, ending: str) -> dict:
    """Ordinals that name a denominator, and their plurals where RBNF gives none ("tres quintos" in
    Portuguese): a numerator above one counts many of them."""
    out = dict(table)
    if ending:
        for phrase, value in table.items():
            if not phrase.endswith(ending):
                out.setdefault(phrase + ending, value)
    return out


def _with_plain_letters(table: dict) -> list:
    """The table's (phrase, value) pairs, and each Latin phrase again without its accents ("tres" for "três"):
    text is often written without them. A plain form that is already another phrase is left out."""
    pairs = sorted(table.items())
    out = list(pairs)
    for phrase, value in pairs:
        plain = plain_letters(phrase)
        if plain != phrase and plain not in table:
            out.append((plain, value))
    return out


def plain_letters(text: str) -> str:
    """Latin letters without their accents; any other script as it is."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return stripped if stripped.isascii() else text
