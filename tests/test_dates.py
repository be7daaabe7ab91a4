"""Dates and times of day: per-language cases as data, the seed articles, and properties."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.dates import date_interval, find_dates, parse_published_value, to_weekday
from claims.lexicon import Knowledge, section
from claims.normalize import fold_text
from conftest import load_cases

FIELDS = ("kind", "value", "precision", "weekday", "zone", "unit", "low", "high")


def _find(knowledge, text, lang, published=None):
    return find_dates(fold_text(text), lang, knowledge, published=published)


def _missing_section(knowledge, lang, needs):
    return needs and not section(knowledge.language(lang), *needs.split("."))


@pytest.mark.parametrize("lang,case", load_cases("dates"))
def test_case(knowledge, lang, case):
    if _missing_section(knowledge, lang, case.get("needs")):
        pytest.skip(f"{lang}: {case['needs']} not in the lexicon yet")
    found = _find(knowledge, case["text"], lang, case.get("published"))
    for want in case.get("expected") or []:
        matches = [f for f in found if f.kind == want["kind"] and f.text == want.get("text", f.text)]
        assert matches, f"no {want} in {found}"
        got = matches[0]
        for key in FIELDS:
            if key in want:
                assert getattr(got, key) == want[key], f"{key}: {getattr(got, key)!r} != {want[key]!r} ({got})"
    if case.get("expected") == []:
        assert found == [], found
    for text in case.get("absent") or []:
        assert all(text not in f.text for f in found), found


# ---- the seed articles (published dates from gold.yaml)

def _seed(seeds_dir, stem):
    return next(seeds_dir.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("stem,lang,published,kind,text,value,extra", [
    ("001", "ar", "2025-03-19", "date", "وأمس الثلاثاء", "2025-03-18", {"weekday": "tuesday"}),
    ("001", "ar", "2025-03-19", "date", "24 فبراير/ شباط 2022", "2022-02-24", {"precision": "day"}),
    ("002", "ar", None, "date", "يوم الثلاثاء", None, {"weekday": "tuesday", "precision": "weekday"}),
    ("002", "ar", None, "date", "فبراير 2022", "2022-02", {"precision": "month"}),
    ("002", "ar", None, "time", "10:38 صباحًا بتوقيت شرق الولايات المتحدة", "10:38", {"zone": "us_eastern"}),
    ("004", "fa", "2025-03-23", "date", "03 فروردین 1404", "2025-03-23", {"unit": "solar_hijri"}),
])
def test_seed(knowledge, seeds_dir, stem, lang, published, kind, text, value, extra):
    found = _find(knowledge, _seed(seeds_dir, stem), lang, published)
    hits = [f for f in found if f.kind == kind and text in f.text]
    assert hits, [f.text for f in found]
    assert hits[0].value == value
    for key, want in extra.items():
        assert getattr(hits[0], key) == want


@pytest.mark.parametrize("stem,lang,published,text,value,zone", [
    ("000", "fa", "2025-03-20", "هجدهم مارس", "2025-03-18", None),
    ("000", "fa", "2025-03-20", "نوزدهم مارس", "2025-03-19", None),
    ("003", "ar", None, "الساعة العاشرة صباحاً بتوقيت واشنطن", "10:00", "washington"),
])
def test_seed_number_words(knowledge, seeds_dir, stem, lang, published, text, value, zone):
    if not section(knowledge.language(lang), "numbers", "ordinals"):
        pytest.skip(f"{lang}: numbers.ordinals not in the lexicon yet")
    found = _find(knowledge, _seed(seeds_dir, stem), lang, published)
    hits = [f for f in found if text in f.text]
    assert hits, [f.text for f in found]
    assert hits[0].value == value and hits[0].zone == zone


def test_time_of_day_is_never_a_plain_number(knowledge, seeds_dir):
    found = _find(knowledge, _seed(seeds_dir, "004"), "fa", "2025-03-23")
    assert all("12169998" not in f.text and "۲۶۴" not in f.text for f in found)


# ---- helpers

def test_to_weekday():
    assert to_weekday("2025-03-18") == "tuesday"


def test_date_interval_of_month(knowledge):
    (fig,) = _find(knowledge, "February 2024 was cold", "en")
    assert date_interval(fig) == ("2024-02-01", "2024-02-29")


def test_date_interval_of_time_is_none(knowledge):
    (fig,) = _find(knowledge, "at 10:30", "en")
    assert date_interval(fig) is None


@pytest.mark.parametrize("raw,want", [
    ("2025-03-19", "2025-03-19"),
    ("2025-03-19T17:38:00+03:00", "2025-03-19"),
    (dt.date(2025, 3, 19), "2025-03-19"),
    (dt.datetime(2025, 3, 19, 8, 0), "2025-03-19"),
    ("19/03/2025", "2025-03-19"),
    ("March 19, 2025", "2025-03-19"),
    ("03 فروردین 1404", "2025-03-23"),
    ("1404-01-03", "2025-03-23"),
    ("not a date", None),
    (None, None),
])
def test_parse_published_value(raw, want):
    assert parse_published_value(raw) == want


# ---- properties

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
WORDS = st.sampled_from(["أمس", "الثلاثاء", "مارس", "شباط", "/", " ", "الساعة", "العاشرة", "صباحا", "بتوقيت",
                         "واشنطن", "دیروز", "سه‌شنبه", "فروردین", "هـ", "March", "18th", "of", "Tuesday", "a.m.",
                         "ET", ":", ".", ",", "۱۸", "١٤٤٦", "2025", "10:38", "19/03/2025", "\u200c", "\u064e"])
TEXTS = st.one_of(st.text(max_size=200), st.text(alphabet=ARABIC, max_size=200),
                  st.lists(st.one_of(WORDS, st.integers(0, 3000).map(str)), max_size=40).map(" ".join),
                  st.lists(st.one_of(WORDS, st.integers(0, 3000).map(str)), max_size=40).map("".join))
LANGS = st.sampled_from(["ar", "fa", "en", "tr", "ru", "de", None])
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)).map(dt.date.isoformat))
ISO = re.compile(r"-?-?\d{0,4}-?\d{2}(-\d{2})?|\d{4}")


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, lang=LANGS, published=PUBLISHED)
def test_never_raises_and_spans_slice_back(knowledge, text, lang, published):
    found = find_dates(fold_text(text), lang, knowledge, published=published)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.kind in ("date", "time")
        if f.kind == "time":
            assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", f.value)
        if f.kind == "date":
            for iso in (f.low, f.high):
                if iso is not None:
                    dt.date.fromisoformat(iso)
            if isinstance(f.value, str):
                assert ISO.fullmatch(f.value), f.value


# ---- day suffixes and joiners are lexicon data: a language gets them from its file or a config

def test_day_suffix_comes_from_the_lexicon():
    plain, configured = Knowledge(), Knowledge({"languages": {"de": {"dates": {"day_suffixes": ["te"]}}}})
    assert [f.text for f in _find(plain, "am 1te März 2025", "de")] == ["März 2025"]
    assert [(f.text, f.value) for f in _find(configured, "am 1te März 2025", "de")] == [("1te März 2025", "2025-03-01")]


def test_day_suffix_comes_from_cldr_ordinal_digits():
    """CLDR's digits-ordinal rules write "1er" in French and "1º" (typed "1o") in Portuguese."""
    assert [(f.text, f.value) for f in _find(Knowledge(), "le 1er mars 2025", "fr")] == [("1er mars 2025", "2025-03-01")]
    assert [f.value for f in _find(Knowledge(), "em 1o de março de 2025", "pt")] == ["2025-03-01"]


def test_joiner_comes_from_the_lexicon():
    text = "am 5 im März 2024"  # a made-up joiner: German has none, so the lexicon alone must bring it
    configured = Knowledge({"languages": {"de": {"dates": {"joiners": ["im"]}}}})
    assert [f.value for f in _find(Knowledge(), text, "de")] == ["2024-03"]
    assert [f.value for f in _find(configured, text, "de")] == ["2024-03-05"]
