"""The matching view of a text, with a map back to offsets in the original.

Normalization is a list of small named steps (see STEPS). Lexicon entries and article text go
through the same `fold` function, so a lexicon entry written with any letter variant, digit set,
diacritic or ZWNJ matches the article however it spelled the word. Every step is idempotent.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

# step: letters -- Arabic and Persian letter variants onto one form (hazm's table, plus hamza seats)
LETTERS = {
    "ك": "ک", "ڪ": "ک", "ي": "ی", "ى": "ی", "ئ": "ی", "ې": "ی", "ۍ": "ی",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ؤ": "و", "ۆ": "و",
    "ı": "i", "ё": "е", "Ё": "е",
}
# step: digits -- Persian and Arabic-Indic digits onto ASCII; their decimal and group separators too
DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)},
          **{chr(0x06F0 + i): str(i) for i in range(10)},
          "٫": ".", "٬": ",", "٪": "%", "؉": "%"}
# step: spaces and dashes -- every space-like character is a space; hyphen variants are "-"
SPACES = {c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"}
DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"}
# step: apostrophes -- typographic apostrophes are the ASCII one ("didn’t" matches "didn't")
APOSTROPHES = {c: "'" for c in "\u2019\u2018\u02bc\u2032"}

# step: diacritics, tatweel, ZWNJ and invisible marks -- dropped from the view
DROPPED = re.compile(
    "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # Arabic harakat, superscript alef, Quranic marks, tatweel
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff"  # ZWSP, ZWNJ, ZWJ, bidi marks, soft hyphen, BOM
    "\u0300-\u036f]"  # combining Latin marks (the dot of a lower-cased Turkish İ)
)
# characters whose compatibility form is several letters (Arabic presentation forms, ligatures)
EXPANDED = re.compile("[\ufb50-\ufdff\ufe70-\ufefc\ufb00-\ufb06]")

_TABLE = str.maketrans({**LETTERS, **DIGITS, **SPACES, **DASHES, **APOSTROPHES})
_SPECIAL = re.compile(DROPPED.pattern[:-1] + "\ufb50-\ufdff\ufe70-\ufefc\ufb00-\ufb06İ]")


@dataclass(frozen=True)
class Folded:
    """A normalized view of `original`; `index[i]` is the original offset of view character i."""

    original: str
    view: str
    index: array | None  # None when view and original align one to one

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view back onto the original text."""
        if self.index is None:
            return start, end
        if start >= len(self.view):
            return len(self.original), len(self.original)
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1 if end > start else o_start
        # take in any dropped marks (diacritics, ZWNJ) that trail the last character
        while o_end < len(self.original) and DROPPED.match(self.original, o_end):
            o_end += 1
        return o_start, o_end


def _fold_plain(piece: str) -> str:
    return piece.translate(_TABLE).lower().translate(_TABLE)


def _fold_char(ch: str) -> str:
    if DROPPED.match(ch):
        return ""
    if EXPANDED.match(ch):
        ch = unicodedata.normalize("NFKC", ch)
    return DROPPED.sub("", _fold_plain(ch))


def fold_text(text: str) -> Folded:
    """Normalize `text` for matching and keep the way back to its offsets."""
    if not _SPECIAL.search(text):
        view = _fold_plain(text)
        if len(view) == len(text):
            return Folded(text, view, None)
    pieces: list[str] = []
    index = array("l")
    pos = 0
    for m in _SPECIAL.finditer(text):
        _append_plain(text, pos, m.start(), pieces, index)
        out = _fold_char(m.group())
        pieces.append(out)
        index.extend([m.start()] * len(out))
        pos = m.end()
    _append_plain(text, pos, len(text), pieces, index)
    return Folded(text, "".join(pieces), index)


def _append_plain(text: str, start: int, end: int, pieces: list, index: array) -> None:
    if start >= end:
        return
    piece = _fold_plain(text[start:end])
    if len(piece) == end - start:
        pieces.append(piece)
        index.extend(range(start, end))
        return
    for i in range(start, end):  # a letter whose lower case is longer; rare, so char by char
        out = _fold_char(text[i])
        pieces.append(out)
        index.extend([i] * len(out))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The matching form of a short string (a lexicon entry, a name); same steps as fold_text."""
    return " ".join(fold_text(text).view.split())


STEPS = ("letters", "digits", "spaces", "dashes", "apostrophes", "diacritics", "tatweel", "zwnj", "case")
