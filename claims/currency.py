"""Currency names, symbols and minor units for every locale, from CLDR (Babel) and num2words.

Built once per language and cached; claims.figures compiles the forms into its grammar.

- Every currency that was ever legal tender somewhere (CLDR's territory currencies) is a money unit,
  under its ISO code: its display names in every plural form ("dollars australiens", "Fin Markkası"),
  its symbol in the locale and in English ("CA$", "HK$"), the Unicode currency sign named after it
  ("₾" is LARI SIGN, "₡" COLON SIGN), and its code glued to its sign ("mxn$").
- The head word of a name ("francs" of "francs suisses", "doları" of "Kanada doları"), when written
  alone, names the currency if one currency has it; when several currencies of one English family share
  it ("franc": CHF, FRF, BEF ...), it names the family, a money unit of its own (the English head word).
- A code written alone ("75 USD") counts only in capitals and after the number (see uppercase_codes).
- Minor units ("cents", "centavos", "kuruş", "pence") and the word between an amount and its minor
  units ("treize euros et quarante-cinq centimes", "con", "e") come from num2words' currency forms.
- The word that links a multiplier to the currency ("millones de dólares") is the preposition the
  locale's own currency names use before a place ("dólar de Hong Kong"): CLDR writes it, not a hand list.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.languages import get_official_languages
from babel.numbers import get_currency_name, get_currency_precision, get_currency_symbol

from .normalize import fold

CURRENCY_SIGNS = "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Sc")
NAME_COUNTS = (0.5, 1, 2, 3, 5, 11, 100)  # one number of each plural category CLDR may distinguish
LINK_MIN_NAMES = 5  # a preposition must stand before a place in this many currency names to be the link


@dataclass
class CurrencyData:
    """One language's money vocabulary: folded forms -> unit ids, and what the readers need."""

    forms: list = field(default_factory=list)  # (form, unit id), best first
    kinds: dict = field(default_factory=dict)  # unit id -> factor (1 for a currency, 0.01 for a cent)
    after_only: set = field(default_factory=set)  # forms that are words: never before the number
    uppercase_codes: dict = field(default_factory=dict)  # folded code -> unit id: counts only in capitals
    scaled_codes: dict = field(default_factory=dict)  # "musd" -> ("usd", 1e6): CLDR's short "M" on a code
    minor: set = field(default_factory=set)  # unit ids of minor units
    precision: dict = field(default_factory=dict)  # currency unit id -> digits of its minor unit
    separators: set = field(default_factory=set)  # "et", "con", "e": between an amount and its cents
    links: set = field(default_factory=set)  # "de": between a multiplier word and the currency


def cldr_locale(language: Optional[str]) -> Optional[Locale]:
    """The CLDR locale of a language code, or None when CLDR has none."""
    try:
        return Locale.parse(language) if language else None
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=None)
def tender_codes() -> tuple:
    """ISO codes CLDR knows as legal tender of some territory, now or once (no gold, no test codes)."""
    return tuple(sorted({c[0] for cs in get_global("territory_currencies").values() for c in cs if c[3]}))


@lru_cache(maxsize=None)
def current_codes() -> frozenset:
    return frozenset(c[0] for cs in get_global("territory_currencies").values() for c in cs if c[3] and not c[2])


@lru_cache(maxsize=None)
def english_heads() -> dict:
    """code -> the head noun of its English name ("Swiss Franc" -> "franc"): its family."""
    en = Locale.parse("en")
    out = {}
    for code in tender_codes():
        words = re.sub(r"\(.*?\)", " ", get_currency_name(code, locale=en)).lower().split()
        out[code] = words[-1] if words else code.lower()
    return out


@lru_cache(maxsize=None)
def sign_symbols() -> dict:
    """code -> the Unicode currency signs whose name is its English name or its head noun ("LARI SIGN" is
    the Georgian lari, "INDIAN RUPEE SIGN" the Indian rupee); a head several current currencies share
    ("DOLLAR SIGN", "RUPEE SIGN") names none, nor does a qualified name CLDR does not write ("NORDIC MARK")."""
    en = Locale.parse("en")
    names = {c: _plain(re.sub(r"\(.*?\)", " ", get_currency_name(c, locale=en))) for c in tender_codes()}
    heads = english_heads()
    out: dict = defaultdict(set)
    for sign in CURRENCY_SIGNS:
        name = unicodedata.name(sign, "")
        if not name.endswith(" SIGN"):
            continue
        words = _plain(name[: -len(" SIGN")]).split()
        exact = {c for c, n in names.items() if n == " ".join(words)}
        by_head = {c for c, h in heads.items() if _plain(h) == words[-1]} if len(words) == 1 else set()
        code = _one_code(exact or by_head)
        if code:
            out[code].add(sign)
    return dict(out)


def _plain(text: str) -> str:
    """Lower case without accents: "Costa Rican Colón" and "COLON" meet."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=None)
def spoken_codes(language: Optional[str]) -> frozenset:
    """Codes that were ever tender in a territory where the language is official."""
    if not language:
        return frozenset()
    base = language.split("_")[0].split("-")[0]
    return frozenset(c[0] for territory, cs in get_global("territory_currencies").items()
                     if base in get_official_languages(territory, de_facto=True) for c in cs if c[3])


@lru_cache(maxsize=None)
def currency_data(language: Optional[str], tracked: tuple = ()) -> CurrencyData:
    """The money vocabulary of a language (cached: built once per run). A name of one word (a head
    noun written alone, a minor unit) is taken only for a currency the language's own territories used
    or one of the `tracked` codes newsdiff follows everywhere: "som" is a Kyrgyz currency, and a sound
    in Portuguese."""
    data = CurrencyData()
    loc = cldr_locale(language)
    codes = tender_codes()
    for code in codes:
        data.kinds[code.lower()] = 1.0
        data.precision[code.lower()] = get_currency_precision(code)
    near = spoken_codes(language) | {c.upper() for c in tracked}
    names = _names(loc, codes) if loc is not None else {}
    _add_names(data, names)
    _add_heads(data, names, near)
    _add_symbols(data, loc, codes)
    for code in codes:
        if code in current_codes():
            data.uppercase_codes[code.lower()] = code.lower()
    for letter, factor in _compact_letters(loc).items():
        for code in data.uppercase_codes:
            data.scaled_codes[letter + code] = (code, factor)
    _add_minor_units(data, language, near)
    data.links = _link_words(loc, codes) if loc is not None else set()
    return data


def _compact_letters(loc: Optional[Locale]) -> dict:
    """The capital letter CLDR's short number format writes for a thousand, a million, a billion ("0M"):
    written onto a code it scales the amount ("30 MUSD", "MAUD 60")."""
    out: dict = {}
    if loc is None:
        return out
    for patterns in loc.compact_decimal_formats.get("short", {}).values():
        for magnitude, pattern in patterns.items():
            text = str(getattr(pattern, "pattern", pattern))
            letters = re.sub(r"[0\s.'\u00a0\u202f]", "", text)
            if text.count("0") == 1 and len(letters) == 1 and letters.isupper() and letters.isascii():
                out.setdefault(letters.lower(), float(magnitude))
    return out


def _names(loc: Locale, codes: tuple) -> dict:
    """code -> CLDR display names in the locale, every plural form, as written (not folded)."""
    out = {}
    for code in codes:
        forms = {get_currency_name(code, count=n, locale=loc) for n in NAME_COUNTS}
        forms.add(get_currency_name(code, locale=loc))
        out[code] = {f for f in forms if f and f != code and not re.search(r"[\d()]", f)}
    return out


def _add_names(data: CurrencyData, names: dict) -> None:
    owners: dict = defaultdict(set)
    for code, forms in names.items():
        for form in forms:
            owners[fold(form)].add(code)
    for form, found in sorted(owners.items()):
        code = _one_code(found)
        if code:
            data.forms.append((form, code.lower()))
            data.after_only.add(form)


def _one_code(codes: set) -> Optional[str]:
    """The code a name stands for: the only one, or the only current one among historic namesakes."""
    if len(codes) == 1:
        return next(iter(codes))
    current = [c for c in codes if c in current_codes()]
    return current[0] if len(current) == 1 else None


def _add_heads(data: CurrencyData, names: dict, near: frozenset) -> None:
    """Head words written alone: one currency's ("yenes" -> jpy) or a family's ("francs" -> franc)."""
    heads = english_heads()
    position = _head_position(names)
    if position is None:
        return
    owners: dict = defaultdict(set)
    for code, forms in names.items():
        for form in forms:
            words = fold(form).split()
            if len(words) > 1 and words[position].isalpha() and len(words[position]) > 2:
                owners[words[position]].add(code)
    known = {f for f, _ in data.forms}
    for word, codes in sorted(owners.items()):
        families = {heads[c] for c in codes}
        if word in known or len(families) != 1 or not codes & near:
            continue
        family = next(iter(families))
        unit = codes.pop().lower() if len(codes) == 1 else family
        if unit == family:
            if family in data.kinds and data.kinds[family] != 1.0:
                continue
            data.kinds[family] = 1.0
            data.precision[family] = 2
        data.forms.append((word, unit))
        data.after_only.add(word)


def _head_position(names: dict) -> Optional[int]:
    """Where the head noun stands in the locale's currency names: first (0) or last (-1)."""
    heads = english_heads()
    votes: Counter = Counter()
    by_word: dict = defaultdict(set)
    for code, forms in names.items():
        for form in forms:
            words = fold(form).split()
            if len(words) > 1:
                by_word[(words[0], 0)].add(code)
                by_word[(words[-1], -1)].add(code)
    for (word, pos), codes in by_word.items():
        if len(codes) > 2 and len({heads[c] for c in codes}) == 1:
            votes[pos] += len(codes)
    return votes.most_common(1)[0][0] if votes else None


def _add_symbols(data: CurrencyData, loc: Optional[Locale], codes: tuple) -> None:
    """Symbols: the locale's own first, then English, then signs the currency's territories write."""
    en = Locale.parse("en")
    owners: dict = defaultdict(set)
    for source in ([loc] if loc is not None else []) + [en]:
        taken = defaultdict(set)
        for code in codes:
            sym = get_currency_symbol(code, locale=source)
            if sym and sym != code and not (len(sym) < 2 and sym.isalpha()):
                taken[fold(sym)].add(code)
        for sym, found in taken.items():
            owners.setdefault(sym, found)
    extra: dict = defaultdict(set)
    for code, syms in sign_symbols().items():
        extra_syms = {fold(s) for s in syms} - set(owners)
        for sym in extra_syms:
            extra[sym].add(code)
    owners.update(extra)
    for sym, found in sorted(owners.items()):
        code = _one_code(found)
        if code:
            data.forms.append((sym, code.lower()))
            signs = [c for c in sym if c in CURRENCY_SIGNS]
            if signs and sym != signs[0]:
                data.forms += [(code.lower() + signs[0], code.lower()), (signs[0] + code.lower(), code.lower())]


def _add_minor_units(data: CurrencyData, language: Optional[str], near: frozenset) -> None:
    """Minor units and the word between an amount and them, from num2words' currency forms."""
    for name, converter in _converters(language):
        for code, (_, minor) in sorted(getattr(converter, "CURRENCY_FORMS", {}).items()):
            if code in near:
                _add_minor(data, code, minor)
        for text, n in _spelled(name):
            sep, minor = _split_spelled(text, name, n)
            if sep:
                data.separators.add(sep)
            if minor:
                _add_minor(data, "", (minor, minor))


def _converters(language: Optional[str]) -> list:
    try:
        from num2words import CONVERTER_CLASSES
    except ImportError:  # pragma: no cover - num2words is a dependency
        return []
    if not language:
        return []
    return [(n, c) for n, c in sorted(CONVERTER_CLASSES.items()) if n == language or n.startswith(language + "_")]


def _spelled(name: str) -> list:
    """(text, n): the language's way of writing n.0n of its default currency, for one and for two
    ("um real e um centavo", "dois reais e dois centavos")."""
    from num2words import num2words
    try:
        return [(num2words(n + n / 100, lang=name, to="currency"), n) for n in (1, 2)]
    except (NotImplementedError, TypeError, ValueError, KeyError, AttributeError, OverflowError):
        return []


def _split_spelled(text: str, name: str, n: int) -> tuple:
    """(separator, minor unit) of a spelled amount "two <major> [sep] two <minor>"."""
    from num2words import num2words
    parts = fold(text).split(fold(num2words(n, lang=name)))
    if len(parts) != 3:
        return "", ""
    middle, minor = parts[1].split(), parts[2].strip()
    sep = middle[-1] if len(middle) >= 2 and middle[-1].isalpha() and len(middle[-1]) <= 4 else ""
    return sep, minor if minor.replace(" ", "").isalpha() else ""


@lru_cache(maxsize=None)
def _english_minor() -> dict:
    """code -> the English singular of its minor unit (num2words): the minor unit's id."""
    out = {}
    for _, converter in _converters("en"):
        for code, (_, minor) in getattr(converter, "CURRENCY_FORMS", {}).items():
            out.setdefault(code, fold(minor[0]))
    return out


def _add_minor(data: CurrencyData, code: str, minor: tuple) -> None:
    unit = _english_minor().get(code, "cent")
    if unit in data.kinds and unit not in data.minor:
        return
    digits = get_currency_precision(code) if code else 2
    data.kinds[unit] = 10.0 ** -digits if digits else 1.0
    data.minor.add(unit)
    for form in minor:
        if fold(form).replace(" ", "").isalpha():
            data.forms.append((fold(form), unit))
            data.after_only.add(fold(form))


def _link_words(loc: Locale, codes: tuple) -> set:
    """Short lower-case words standing before a capitalised place in the locale's currency names."""
    counts: Counter = Counter()
    for code in codes:
        words = get_currency_name(code, locale=loc).split()
        for word, nxt in zip(words[1:-1], words[2:]):
            if word.isalpha() and word.islower() and len(word) <= 3 and nxt[:1].isupper():
                counts[fold(word)] += 1
    return {w for w, n in counts.items() if n >= LINK_MIN_NAMES}
