"""Sentences: Arabic, Persian and Latin punctuation; decimals and initials do not split."""
import pytest

from claims.segment import split_clauses, split_sentences

CASES = [
    ("arabic", "قال ترامب إن المكالمة جيدة. وأضاف أنها استمرت ساعة؟ نعم.", 3),
    ("persian", "او گفت که تماس مفید بود. وی افزود: ما نزدیک هستیم!", 2),
    ("decimal", "The call lasted 1.5 hours. It ended at noon.", 2),
    ("initials", "J. D. Vance spoke to U.S. officials on Monday. Then he left.", 2),
    ("quote-end", "He said: “We are on track.” Then he left.", 2),
    ("lines", "Headline without stop\nFirst sentence. Second one.", 3),
    ("lower-case-abbreviation", "The call began at 10 a.m. and lasted an hour. It ended well.", 2),
    ("dotted-day", "16. Nov. 2016 was the day. Then he left.", 2),
    ("dotted-day-arabic", "سأعود يوم 2. أكتوبر. ثم غادر.", 2),
    ("dotted-day-month-year", "16. نوفمبر. 2016", 1),
    ("month-dot-day", "I'll go back October. 2.", 1),
    ("number-ends-sentence", "He came 2. Then he left.", 2),
]


@pytest.mark.parametrize("text,count", [pytest.param(t, n, id=i) for i, t, n in CASES])
def test_sentences(text, count):
    spans = split_sentences(text, ((0, len(text)),))
    assert len(spans) == count
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and e > s


def test_body_spans_limit_sentences():
    text = "2 min read\nThe talks lasted three hours. They ended.\nRelated: other news"
    start = text.index("The")
    end = text.index("\nRelated")
    spans = split_sentences(text, ((start, end),))
    assert [text[s:e] for s, e in spans] == ["The talks lasted three hours.", "They ended."]


def test_clauses_split_on_arabic_comma():
    text = "بدأ الزعيمان مكالمة هاتفية، يوم الثلاثاء، لمدة ساعة ونصف."
    clauses = split_clauses(text, 0, len(text))
    assert [text[s:e] for s, e in clauses] == ["بدأ الزعيمان مكالمة هاتفية", "يوم الثلاثاء", "لمدة ساعة ونصف."]
