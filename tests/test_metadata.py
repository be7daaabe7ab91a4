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


def _outlet_of(text: str, language: str, knowledge: Knowledge):
    from claims.clean import find_body

    body, dropped = find_body(text, knowledge.language(language), knowledge)
    return find_outlet(text, body, language, knowledge, dropped)


PARAGRAPH = ("The dam gave way early on Tuesday, flooding three villages, officials said in a statement to reporters."
             "\n\nAbout 400 people were moved to schools nearby, the mayor told reporters on Wednesday evening.")


@pytest.mark.parametrize("text, language, expected", [
    # a footer notice that names the page's own outlet (self-promotion, copyright, comments)
    (f"Title\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nRelated\nStorm hits coast\n\n"
     "Follow Example News on social media. Share your comments!\n", "en", "Example News"),
    (f"Title\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n© 2025 Example News. All rights reserved.\n", "en", "Example News"),
    # an outlet the body quotes is not the page's
    (f"Title\n\n{PARAGRAPH} Example News reported the toll.\n\n{PARAGRAPH}\n", "en", None),
    (f"Title\n\n{PARAGRAPH}\n\nExample News reported the toll was rising.\n\n© 2025 All rights reserved.\n", "en", None),
    # a wire credit at the end does not override the masthead; the masthead beats the footer too
    ("أخبار المثال\n\nعنوان الخبر\n\n" + "نص " * 40 + ".\n\nالمصدر: Wire\n", "ar", "Example News"),
    ("Example News\n\nTitle\n\n" + PARAGRAPH + "\n\nSource: Wire\n", "en", "Example News"),
    ("Wire Agency\n\nTitle\n\n" + PARAGRAPH + "\n\n© 2025 Example News. All rights reserved.\n", "en", "Wire Agency"),
    # the footer beats a source line
    (f"Title\n\n{PARAGRAPH}\n\nSource: Wire\n\n© 2025 Example News. All rights reserved.\n", "en", "Example News"),
    # a photo credit in the header names the photographer's agency
    (f"Title\nPhoto: Wire\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", "en", None),
])
def test_outlet_footer_and_priorities(text, language, expected, with_outlets):
    assert _outlet_of(text, language, with_outlets) == expected


def test_the_longest_outlet_name_wins(knowledge):
    text = f"Title\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nTake a look at TRT Global. Share your comments!\n"
    assert _outlet_of(text, "en", knowledge) == "TRT Global"


@pytest.mark.parametrize("source, outlet", [
    ("000_e9ca7f93f6dc49a5", "TRT Global"),  # its footer: "take a look at TRT Global, share your comments"
    ("001_991ebc19782e432f", "Yeni Şafak"),  # masthead
    ("004_6f664b105e441c98", "Young Journalists Club"),  # masthead, above an end-of-article "منبع: رویترز"
])
def test_seed_outlets(seeds_dir, seed_gold, knowledge, source, outlet):
    text = (seeds_dir / f"{source}.txt").read_text(encoding="utf-8")
    assert _outlet_of(text, seed_gold["sources"][source]["language"], knowledge) == outlet


def test_trt_names_in_every_script(knowledge):
    from claims.metadata import outlet_index
    from claims.normalize import fold

    index = outlet_index(knowledge)
    names = ("TRT", "TRT Global", "TRT Persian", "تی‌آرتی فارسی", "TRT فارسی", "تي آر تي", "تی‌آرتی گلوبال")
    assert {index[fold(a)] for a in names} == {
        "TRT", "TRT Global", "TRT Persian"}


@pytest.mark.parametrize("language, line, expected", [
    ("en", "Sept. 17, 2026", "2026-09-17"),
    ("en", "Published: 17 Sept 2026", "2026-09-17"),
    ("en", "Updated Dec. 2, 2025, 10:14 a.m.", "2025-12-02"),
    ("en", "Feb 3, 2026", "2026-02-03"),
    ("tr", "17 Eyl 2026", "2026-09-17"),
    ("tr", "Yayınlanma: 03 Ara 2025 14:20", "2025-12-03"),
    ("ru", "17 сен 2026", "2026-09-17"),
    ("ru", "17 сент. 2026 г.", "2026-09-17"),
    ("ru", "3 фев 2026, 10:00", "2026-02-03"),
    ("ru", "Опубликовано: 3 ноя 2026", "2026-11-03"),
    ("ar", "20 سبت 2025", None),  # Arabic does not cut month names: سبت is no month
])
def test_abbreviated_months_in_datelines(language, line, expected, knowledge):
    assert find_published(f"Title\n{line}\n\n" + "word " * 30 + ".\n", (), language, knowledge) == expected


def test_a_cut_shared_by_two_months_is_no_month():
    from claims.metadata import _month_abbreviations

    cuts = _month_abbreviations("en")
    assert cuts["sept"] == 9 and cuts["mar"] == 3 and "ju" not in cuts and "jun" in cuts and "ma" not in cuts
    assert _month_abbreviations("ar") == {}
