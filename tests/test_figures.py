"""Figures: numbers, units and hedges as intervals, on real wording in five languages, three with a partial
lexicon of figure words (French, Portuguese, Spanish), and CLDR-only German."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.dates import find_dates
from claims.errors import LexiconError
from claims.figures import figure_interval, find_figures, parse_number
from claims.lexicon import LANGUAGE_SCHEMA, Knowledge, section, validate
from claims.normalize import fold_text
from conftest import load_cases

FIELDS = ("kind", "value", "hedge", "unit", "text")


def _shape(figure) -> dict:
    out = {k: getattr(figure, k) for k in FIELDS}
    if figure.counted is not None:
        out["counted"] = figure.counted
    return out


@pytest.mark.parametrize("lang, case", load_cases("figures"))
def test_figure_case(lang, case, knowledge):
    folded = fold_text(case["text"])
    skip = [(d.start, d.end) for d in find_dates(folded, lang, knowledge, published=case.get("published"))] \
        if case.get("with_dates") else []  # as the extractor reads figures: with dates and times taken out
    found = [_shape(f) for f in find_figures(folded, lang, knowledge, skip=skip)]
    assert found == case["expected"], case["rule"]


@pytest.mark.parametrize("lang, words, value", [
    ("en", "ninety-one", 91), ("en", "three hundred and twenty-five", 325), ("en", "2.5 million", 2_500_000),
    ("ar", "خمسة وعشرين", 25), ("ar", "ثلاثة آلاف", 3000), ("ar", "مائة وخمسة وعشرون", 125),
    ("ar", "ثلاثة عشر", 13), ("fa", "بیست و پنج", 25), ("fa", "۲۰۴", 204), ("tr", "yirmi beş", 25),
    ("tr", "2,5 milyon", 2_500_000), ("tr", "iki bin", 2000), ("ru", "двадцать пять", 25),
    ("ru", "две тысячи", 2000), ("ru", "полтора", 1.5), ("en", "two and a half", 2.5),
    ("fa", "هجدهم", 18), ("ar", "الثامن عشر", 18), ("en", "eighteenth", 18),
])
def test_parse_number(lang, words, value, knowledge):
    assert parse_number(words, lang, knowledge) == value


@pytest.mark.parametrize("words", ["", "hello", "two three", "10:38", "ساعة"])
def test_parse_number_refuses_non_numbers(words, knowledge):
    assert parse_number(words, "en" if words.isascii() else "ar", knowledge) is None


def test_intervals_follow_hedges(knowledge):
    assert figure_interval(100, "about", "", knowledge) == pytest.approx((90, 110))
    assert figure_interval(100, "nearly", "", knowledge) == pytest.approx((90, 100))
    assert figure_interval(100, "more_than", "", knowledge) == (100, math.inf)
    assert figure_interval(100, "at_most", "", knowledge) == (0, 100)
    low, high = figure_interval(100, "exact", "", knowledge)
    assert low < 100 < high


def test_about_an_hour_conflicts_with_ninety_minutes(knowledge):
    hour = find_figures(fold_text("حوالي ساعة"), "ar", knowledge)[0]
    ninety = find_figures(fold_text("90 دقيقة"), "ar", knowledge)[0]
    more = find_figures(fold_text("أكثر من 90 دقيقة"), "ar", knowledge)[0]
    two_half = find_figures(fold_text("حوالي ساعتين ونصف"), "ar", knowledge)[0]
    assert hour.high < ninety.low
    assert more.low <= two_half.high and two_half.low <= more.high


def test_skip_spans_are_never_figures(knowledge):
    text = "بدأت في حوالي الساعة 10:38 صباحًا واستمرت 90 دقيقة"
    start = text.index("الساعة")
    skip = [(start, start + len("الساعة 10:38 صباحًا"))]
    figures = find_figures(fold_text(text), "ar", knowledge, skip=skip)
    assert [f.text for f in figures] == ["90 دقيقة"]
    assert find_figures(fold_text("90 دقيقة"), "ar", knowledge, skip=[(0, 2)]) == []


@pytest.mark.parametrize("code", ["fr", "pt", "es"])
def test_partial_lexicon_adds_figure_words_only(code, knowledge):
    """A partial lexicon's words reach the figures (and the events they measure); everywhere else its
    language stays CLDR-only."""
    lexicon = knowledge.language(code)
    assert lexicon["partial"] == "true" and section(lexicon, "numbers", "half")
    assert code not in knowledge.languages
    assert not any(section(lexicon, key) for key in ("attribution", "stance", "names", "dates"))


def test_partial_flag_is_true_or_false():
    with pytest.raises(LexiconError) as info:
        validate({"partial": "yes"}, LANGUAGE_SCHEMA, "claims/lexicon/xx.yaml")
    assert info.value.key == "partial"
    validate({"partial": "false", "numbers": {"half": ["halb"]}}, LANGUAGE_SCHEMA, "claims/lexicon/xx.yaml")


def test_config_language_may_be_partial():
    knowledge = Knowledge({"languages": {"de": {"partial": "true", "numbers": {"half": ["halb"]}},
                                         "nl": {"numbers": {"half": ["half"]}}}})
    assert "de" not in knowledge.languages and "nl" in knowledge.languages
    assert section(knowledge.language("de"), "numbers", "half") == ["halb"]


SEED_FIGURES = {
    "001_991ebc19782e432f": ("ar", ["حوالي ساعتين ونصف", "30 يوما"]),
    "002_8c144a558d2017de": ("ar", ["90 دقيقة", "حوالي ساعة واحدة"]),
    "003_07b351ad32e3925d": ("ar", ["أكثر من 90 دقيقة", "ساعة ونصف"]),
    "004_6f664b105e441c98": ("fa", ["دو تماس تلفنی", "بیش از دو تماس تلفنی"]),
}


@pytest.mark.parametrize("stem", sorted(SEED_FIGURES))
def test_seed_figures_found(stem, seeds_dir, knowledge):
    lang, quotes = SEED_FIGURES[stem]
    text = (Path(seeds_dir) / f"{stem}.txt").read_text(encoding="utf-8")
    found = {f.text for f in find_figures(fold_text(text), lang, knowledge)}
    assert set(quotes) <= found


def test_seed_times_are_not_durations(seeds_dir, knowledge):
    for stem, quote in [("002_8c144a558d2017de", "10:38"), ("003_07b351ad32e3925d", "الساعة العاشرة")]:
        text = (Path(seeds_dir) / f"{stem}.txt").read_text(encoding="utf-8")
        at = text.index(quote)
        for figure in find_figures(fold_text(text), "ar", knowledge):
            assert not (figure.start < at + len(quote) and at < figure.end), figure


PIECES = (list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءئؤپچژگکی۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789٫٬,.:/%$- \u200c\u064b\u0651\u0640")
          + ["ساعة", "ساعتين", "ونصف", "حوالي", "لأكثر من", "دقيقة", "ساعت", "و نیم", "بیش از", " two", " hours",
             "and a half", " полчаса", " около ", " dakikadan fazla", "1,200", "2,5"])
ARABIC_PERSIAN = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=80), ARABIC_PERSIAN), lang=st.sampled_from(["ar", "fa", "en", "tr", "ru", "de", "fr", "es", None]))
def test_figures_never_raise_and_slice_back(text, lang, knowledge):
    for figure in find_figures(fold_text(text), lang, knowledge):
        assert text[figure.start:figure.end] == figure.text
        assert figure.low <= figure.value <= figure.high


@settings(max_examples=100, deadline=None)
@given(words=st.text(max_size=40), lang=st.sampled_from(["ar", "fa", "en", "tr", "ru", None]))
def test_parse_number_never_raises(words, lang, knowledge):
    value = parse_number(words, lang, knowledge)
    assert value is None or isinstance(value, float)


@pytest.mark.parametrize("lang, text, low, high", [
    ("en", "Between 30 and 35 people were killed.", 30, 35),
    ("en", "The talks lasted two to three hours.", 7200, 10800),
    ("en", "a 10-15% rise", 10, 15),
    ("ru", "Погибли от 40 до 50 человек.", 40, 50),
    ("fa", "بین ۴۰ تا ۵۰ نفر کشته شدند", 40, 50),
    ("de", "Das Gespräch dauerte 2 bis 3 Stunden.", 7200, 10800),
])
def test_a_range_is_one_interval(lang, text, low, high, knowledge):
    """The two ends of a range are the figure's interval; its value is the low end."""
    found = [f for f in find_figures(fold_text(text), lang, knowledge) if f.hedge == "range"]
    assert [(f.value, f.low, f.high) for f in found] == [(low, low, high)]
