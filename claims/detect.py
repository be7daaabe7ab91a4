"""Language of a document or a sentence: letters first, langdetect for what letters cannot tell.

A count of script letters settles Persian against Arabic (letters only one of them uses), Cyrillic
and Turkish; langdetect, seeded and on a bounded prefix, decides among the languages of one script.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0  # langdetect is random unless seeded; output must be deterministic

PREFIX_CHARS = 1000
MIN_LETTERS = 3

PERSIAN_ONLY = set("پچژگکیۀ") | {chr(c) for c in range(0x06F0, 0x06FA)}
ARABIC_ONLY = set("ةيكىأإ") | {chr(c) for c in range(0x0660, 0x066A)}
URDU_ONLY = set("ٹڈڑںےھ")
TURKISH_ONLY = set("ğĞşŞıİ")
UKRAINIAN_ONLY = set("іїєґІЇЄҐ")

# what langdetect may answer for each script; anything else is a misreading of a short text
SCRIPT_LANGUAGES = {
    "latin": None,  # any
    "cyrillic": {"ru", "uk", "bg", "mk", "sr", "be", "kk"},
    "arabic": {"ar", "fa", "ur", "ps", "ku", "sd", "ug"},
}
SCRIPT_DEFAULT = {"cyrillic": "ru", "greek": "el", "hebrew": "he", "armenian": "hy", "georgian": "ka",
                  "thai": "th", "devanagari": "hi", "hangul": "ko", "hiragana": "ja", "katakana": "ja"}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """The script of one letter, from its Unicode name ("ARABIC LETTER ..." -> "arabic")."""
    if not ch.isalpha():
        return None
    try:
        first = unicodedata.name(ch).split()[0].lower()
    except ValueError:
        return None
    if first == "cjk":
        return "han"
    return first


def count_scripts(text: str) -> Counter:
    """How many letters of each script `text` has."""
    scripts: Counter = Counter()
    for ch, n in Counter(text).items():  # in order of first appearance, as most_common breaks ties
        script = script_of(ch)
        if script:
            scripts[script] += n
    return scripts


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the main language of `text`, or None when there is too little to tell."""
    sample = text[:PREFIX_CHARS * 4]
    scripts = count_scripts(sample)
    if sum(scripts.values()) < MIN_LETTERS:
        return None
    script = scripts.most_common(1)[0][0]
    if script == "arabic":
        return _arabic_script_language(sample)
    if script == "cyrillic" and _share(sample, UKRAINIAN_ONLY) > 0.01:
        return "uk"
    if script == "latin" and _share(sample, TURKISH_ONLY) > 0.03:
        return "tr"
    if script in SCRIPT_DEFAULT and script not in SCRIPT_LANGUAGES:
        return SCRIPT_DEFAULT[script]
    if script == "han":
        return "zh" if not _has_kana(sample) else "ja"
    return _langdetect(sample, script)


def detect_sentence_language(sentence: str, default: str | None = None) -> str | None:
    """Language of one sentence where scripts mix; `default` (the document's) when letters cannot tell."""
    scripts = count_scripts(sentence)
    if sum(scripts.values()) < MIN_LETTERS:
        return default
    script = scripts.most_common(1)[0][0]
    if script == "arabic":
        return _arabic_script_language(sentence, default)
    if default and _script_fits(default, script):
        return default
    return detect_language(sentence) or default


def _arabic_script_language(text: str, default: str | None = None) -> str:
    persian = sum(ch in PERSIAN_ONLY for ch in text)
    arabic = sum(ch in ARABIC_ONLY for ch in text)
    urdu = sum(ch in URDU_ONLY for ch in text)
    if urdu > max(persian, arabic) * 0.2 and urdu >= 3:
        return "ur"
    if persian == arabic:
        return default if default in ("fa", "ar", "ur") else "ar" if not persian else "fa"
    return "fa" if persian > arabic else "ar"


def _script_fits(language: str, script: str) -> bool:
    allowed = SCRIPT_LANGUAGES.get(script, set())
    if allowed is None:
        return language not in SCRIPT_LANGUAGES["cyrillic"] | SCRIPT_LANGUAGES["arabic"]
    return language in allowed


def _langdetect(text: str, script: str) -> str | None:
    try:
        code = detect(text[:PREFIX_CHARS])
    except LangDetectException:
        code = None
    code = code.split("-")[0] if code else None
    allowed = SCRIPT_LANGUAGES.get(script)
    if code and allowed is not None and code not in allowed:
        code = None
    if code is None:
        return SCRIPT_DEFAULT.get(script, "en" if script == "latin" else None)
    return code


def _share(text: str, letters: set) -> float:
    hits = sum(ch in letters for ch in text)
    return hits / max(1, sum(ch.isalpha() for ch in text))


def _has_kana(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" for ch in text)
