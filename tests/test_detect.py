"""Language of documents and sentences: letters first, seeded langdetect for the rest."""
from __future__ import annotations

import pytest

from claims.detect import count_scripts, detect_language, detect_sentence_language


def test_every_seed_language(seeds_dir, seed_gold):
    for source, meta in seed_gold["sources"].items():
        text = (seeds_dir / f"{source}.txt").read_text(encoding="utf-8")
        assert detect_language(text) == meta["language"], source


@pytest.mark.parametrize("text, expected", [
    ("ترامپ گفت که مذاکرات ادامه پیدا می‌کند", "fa"),   # Persian-only letters گ ک ی
    ("قال ترامب إن المحادثات ستستمر", "ar"),             # Arabic-only letters ة ي
    ("وزير الخارجية", "ar"),
    ("رئیس‌جمهور آمریکا", "fa"),
    ("Putin said the talks with Trump were useful and would continue.", "en"),
    ("Erdoğan met Putin in Moscow on Tuesday, officials said.", "en"),  # one Turkish name is not Turkish
    ("Cumhurbaşkanı Erdoğan, Moskova ziyaretinde açıklama yaptı.", "tr"),
    ("Путин заявил журналистам, что переговоры продолжатся.", "ru"),
    ("Трамп і Зеленський провели розмову.", "uk"),
    ("Trump sagte, die Gespräche mit Putin seien sehr gut gewesen.", "de"),
    ("Trump a déclaré que les discussions avec Poutine étaient productives.", "fr"),
    ("گفت Trump that", "en"),  # more Latin letters than Arabic ones
])
def test_short_texts(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "12 345", "..", "ab"])
def test_too_little_to_tell(text):
    assert detect_language(text) is None


def test_deterministic():
    text = "Le président a dit que la réunion aura lieu demain."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_sentence_language_keeps_document_default_for_same_script():
    assert detect_sentence_language("Trump said so.", default="en") == "en"
    assert detect_sentence_language("قال ترامب ذلك", default="en") == "ar"
    assert detect_sentence_language("123", default="fa") == "fa"


def test_count_scripts():
    counts = count_scripts("abc دیگر где")
    assert counts["latin"] == 3 and counts["arabic"] == 4 and counts["cyrillic"] == 3
