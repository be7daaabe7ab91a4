"""Published date and outlet from a page's own header lines."""
from __future__ import annotations

import pytest
from conftest import load_cases

from claims.lexicon import Knowledge
from claims.metadata import find_outlet, find_published, header_lines, parse_date

PUBLISHED = load_cases("published")


def test_every_language_has_published_cases():
    assert {p.values[0] for p in PUBLISHED} >= {"ar", "fa", "en", "tr", "ru"}


@pytest.mark.parametrize("lang, case", PUBLISHED)
def test_published(lang, case, knowledge):
    assert find_published(case["text"], (), lang, knowledge) == case["expected"], case["rule"]


@pytest.mark.parametrize("line, expected", [
    ("17:3819/03/2025, الأربعاء", "2025-03-19"),   # time glued to the date
    ("18:14 - 03 فروردین 1404", "2025-03-23"),     # Solar Hijri
    ("۰۳ فروردین ۱۴۰۴", "2025-03-23"),             # Persian digits
    ("1 شوال 1446 هـ", "2025-03-30"),               # Hijri
    ("19 марта 2025", "2025-03-19"),
    ("19 Mart 2025", "2025-03-19"),
    ("19 de marzo de 2025", "2025-03-19"),          # any CLDR locale
    ("2025-02-30", None),                           # no such day
    ("in 2025", None),
])
def test_parse_date(line, expected, knowledge):
    assert parse_date(line, None, knowledge) == expected


def test_seed_dates(seeds_dir, seed_gold, knowledge):
    for source, meta in seed_gold["sources"].items():
        text = (seeds_dir / f"{source}.txt").read_text(encoding="utf-8")
        expected = meta["published"].isoformat() if meta["published"] else None
        assert find_published(text, (), meta["language"], knowledge) == expected, source


def test_header_stops_before_the_body():
    text = "Title\n\n" + "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(6))
    assert len(header_lines(text)) <= 4


@pytest.fixture(scope="module")
def with_outlets() -> Knowledge:
    return Knowledge({"entities": {
        "example-news": {"name": "Example News", "kind": "outlet",
                         "aliases": {"ar": ["أخبار المثال"], "fa": ["خبرگزاری نمونه"], "en": ["Example News"]}},
        "wire-agency": {"name": "Wire Agency", "kind": "agency", "aliases": {"en": ["Wire"], "ru": ["Вайр"]}},
    }})


@pytest.mark.parametrize("text, language, expected", [
    ("أخبار المثال\n\nعنوان الخبر\n", "ar", "Example News"),                       # masthead
    ("عنوان خبر\n\nخبرگزاری نمونه؛ علی رضایی - در حالی که " + "متن " * 40, "fa", "Example News"),  # dateline
    ("Title\n\nLONDON (Wire) - The dam " + "word " * 40, "en", "Wire Agency"),
    ("Title\n\nBody " + "word " * 30 + ".\n\nSource: Example News\n", "en", "Example News"),
    ("Title\n\nBody " + "word " * 30 + ".\n\nSource: Some Paper\n", "en", "Some Paper"),  # as written
    ("عنوان\nالمصدر:\n\nصحيفة محلية\n\nنص " + "كلمة " * 30, "ar", "صحيفة محلية"),      # label, name below
    ("Заголовок\n\nТекст " + "слово " * 30 + ".\n\nИсточник: Вайр\n", "ru", "Wire Agency"),
    ("Başlık\n\nMetin " + "kelime " * 30 + ".\n\nKaynak: Yerel Gazete\n", "tr", "Yerel Gazete"),
    ("Title\n\nNo outlet named here " + "word " * 30 + ".\n", "en", None),
])
def test_outlet(text, language, expected, with_outlets):
    assert find_outlet(text, (), language, with_outlets) == expected


def test_source_word_in_a_sentence_is_not_a_label(knowledge):
    text = "عنوان\n\nمصدر مطلع قال إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين كاملين.\n"
    assert find_outlet(text, (), "ar", knowledge) is None
