"""Article body vs page furniture: must-keep and must-drop fragments, on the seeds and small pages."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.clean import find_body


def _split(text, lang, knowledge):
    body, dropped = find_body(text, knowledge.language(lang), knowledge)
    kept = "\n".join(text[s:e] for s, e in body)
    gone = "\n".join(text[d.start:d.end] for d in dropped)
    return kept, gone, dropped


def _seed(seeds_dir, source):
    return (seeds_dir / f"{source}.txt").read_text(encoding="utf-8")


def test_every_gold_quote_stays_in_the_body(seeds_dir, seed_gold, knowledge):
    for claim in seed_gold["claims"]:
        source = claim["source"]
        lang = seed_gold["sources"][source]["language"]
        kept, _, _ = _split(_seed(seeds_dir, source), lang, knowledge)
        assert claim["quote"] in kept, (source, claim["quote"])


def test_page_labels_and_sidebar_traps_are_dropped(seeds_dir, seed_gold, knowledge):
    for trap in seed_gold["traps"]:
        if trap["trap"] != "not_a_figure":
            continue
        lang = seed_gold["sources"][trap["source"]]["language"]
        kept, gone, _ = _split(_seed(seeds_dir, trap["source"]), lang, knowledge)
        assert trap["quote"] in gone and trap["quote"] not in kept, trap["quote"]


SEED_FRAGMENTS = [
    # (seed, language, must keep, must drop)
    ("000_e9ca7f93f6dc49a5", "fa", ["کارولین لیویت، سخنگوی کاخ سفید، در یک نشست خبری", "ترامپ نیز در گفتگوی دیروز"],
     ["اکسپلور", "2 دقیقه خواندن", "عازم قاهره شد", "Contact us", "نظرات خود را"]),
    ("001_991ebc19782e432f", "ar", ["مستشارا الأمن القومي الأمريكي", "ومنذ 24 فبراير/ شباط 2022"],
     ["#روسيا", "التعليقات", "لا توجد تعليقات", "اشترك هنا", "شروط الاستخدام"]),
    ("002_8c144a558d2017de", "ar", ["يتحدث ترامب وزيلينسكي", "غادر زيلنسكي البيت الأبيض"],
     ["[ad_1]", "[ad_2]", "The Daily Inside Washington Email"]),
    ("003_07b351ad32e3925d", "ar", ["بوتين يوافق على وقف استهداف", "بدوره، قال نائب وزير الخارجية"],
     ["دقائق القراءة - 5", "ملف تعريف الارتباط (كوكيز)", "قصص قد تهمك", "تصنيفات"]),
    ("004_6f664b105e441c98", "fa", ["کرملین تماسهای تلفنی غیرعلنی", "ترامپ روز جمعه اعلام کرد"],
     ["منبع: رویترز", "12169998", "پربازدید ها", "کلیه حقوق محفوظ است", "صفحه اصلی |", "۲۰۴ کشته"]),
]


@pytest.mark.parametrize("source, lang, keep, drop", SEED_FRAGMENTS, ids=[f[0][:3] for f in SEED_FRAGMENTS])
def test_seed_fragments(source, lang, keep, drop, seeds_dir, knowledge):
    kept, gone, _ = _split(_seed(seeds_dir, source), lang, knowledge)
    for fragment in keep:
        assert fragment in kept, fragment
    for fragment in drop:
        assert fragment in gone and fragment not in kept, fragment


def test_every_seed_body_paragraph_is_kept(seeds_dir, seed_gold, knowledge):
    """Each long paragraph above the page's sidebar is body (the sidebar starts at its first heading)."""
    ends = {"000": "اکسپلور", "001": "#", "002": "[ad_2]", "003": "تصنيفات", "004": "منبع:"}
    for source, meta in seed_gold["sources"].items():
        text = _seed(seeds_dir, source)
        kept, _, _ = _split(text, meta["language"], knowledge)
        article = text[:text.index(ends[source[:3]])]
        for paragraph in article.split("\n"):
            notice = "عکس" in paragraph or "Email" in paragraph  # a photo credit, a newsletter sign-up
            if len(paragraph.split()) >= 15 and not notice:
                assert paragraph.strip() in kept, (source, paragraph[:60])


PAGES = {
    "en": ("World\n3 min read\nDam bursts after days of rain\n"
           "Photo: Local Agency\n\n"
           "The dam gave way early on Tuesday, flooding three villages, officials said in a statement.\n\n"
           "About 400 people were moved to schools, the mayor told reporters on Wednesday.\n\n"
           "[embed]\n\nTags\nflood\ndam\n\nRelated articles\nStorm hits the coast\nMarkets fall again\n\n"
           "Subscribe to our newsletter for the latest news\n"
           "We use cookies to improve your experience on our website.\n"
           "Home | About us | Contact | Privacy\n© 2025 Example Media. All rights reserved.\n",
           ["Dam bursts after days of rain", "The dam gave way early on Tuesday", "About 400 people were moved"],
           ["3 min read", "Photo: Local Agency", "[embed]", "Related articles", "Storm hits the coast",
            "We use cookies", "All rights reserved", "Home | About us", "newsletter"]),
    "ar": ("سياسة\nدقائق القراءة - 4\nانهيار سد بعد أيام من الأمطار\n\n"
           "انهار السد فجر الثلاثاء وغمرت المياه ثلاث قرى، بحسب ما قال مسؤولون في بيان رسمي.\n\n"
           "وقال رئيس البلدية إن نحو 400 شخص نقلوا إلى المدارس القريبة من المنطقة المنكوبة.\n\n"
           "اقرأ أيضا\nعاصفة تضرب الساحل\nهبوط الأسواق مجددا\n\n"
           "اشترك في النشرة البريدية لتلقي آخر الأخبار\n"
           "جميع الحقوق محفوظة لموقع المثال 2025\n",
           ["انهيار سد بعد أيام من الأمطار", "انهار السد فجر الثلاثاء", "نحو 400 شخص"],
           ["دقائق القراءة - 4", "اقرأ أيضا", "عاصفة تضرب الساحل", "النشرة البريدية", "جميع الحقوق محفوظة"]),
    "fa": ("اجتماعی\n۳ دقیقه مطالعه\nشکستن سد پس از چند روز بارندگی\nعکس: خبرگزاری محلی\n\n"
           "سد بامداد سه‌شنبه شکست و آب سه روستا را فرا گرفت، مسئولان در بیانیه‌ای این را اعلام کردند.\n\n"
           "به گفته فرماندار، حدود ۴۰۰ نفر به مدارس منطقه منتقل شدند و امدادرسانی ادامه دارد.\n\n"
           "۵۴۳۲۱۰\nاخبار مرتبط\nطوفان در سواحل جنوبی\nکاهش شاخص بورس\n\n"
           "برچسب ها\n#سیل\n\nکلیه حقوق این سایت محفوظ است\n",
           ["شکستن سد پس از چند روز بارندگی", "سد بامداد سه‌شنبه شکست", "حدود ۴۰۰ نفر"],
           ["۳ دقیقه مطالعه", "عکس: خبرگزاری محلی", "۵۴۳۲۱۰", "اخبار مرتبط", "طوفان در سواحل جنوبی",
            "#سیل", "کلیه حقوق"]),
    "tr": ("Gündem\n3 dk okuma\nBaraj çöktü, üç köy sular altında\nFotoğraf: Yerel Ajans\n\n"
           "Baraj salı sabahı çöktü ve üç köyü sular bastı, yetkililer yaptıkları açıklamada bildirdi.\n\n"
           "Valiye göre yaklaşık 400 kişi yakındaki okullara taşındı ve çalışmalar sürüyor.\n\n"
           "İlgili Haberler\nFırtına sahili vurdu\nBorsa yine düştü\n\n"
           "Etiketler\nsel, baraj\n\nSitemizde çerezler kullanılmaktadır.\nTüm hakları saklıdır.\n",
           ["Baraj çöktü, üç köy sular altında", "Baraj salı sabahı çöktü", "yaklaşık 400 kişi"],
           ["3 dk okuma", "Fotoğraf: Yerel Ajans", "İlgili Haberler", "Fırtına sahili vurdu", "sel, baraj",
            "çerezler", "Tüm hakları saklıdır"]),
    "ru": ("Общество\n5 мин чтения\nПрорыв плотины затопил три деревни\nФото: Местное агентство\n\n"
           "Плотина прорвалась во вторник утром, три деревни затоплены, сообщили власти в заявлении.\n\n"
           "По словам мэра, около 400 человек перевезли в ближайшие школы, работы продолжаются.\n\n"
           "Читайте также\nШторм обрушился на побережье\nРынки снова упали\n\n"
           "Подпишитесь на рассылку новостей\nМы используем файлы cookie.\n© 2025 Все права защищены\n",
           ["Прорыв плотины затопил три деревни", "Плотина прорвалась во вторник", "около 400 человек"],
           ["5 мин чтения", "Фото: Местное агентство", "Читайте также", "Шторм обрушился", "Подпишитесь",
            "cookie", "Все права защищены"]),
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_synthetic_page(lang, knowledge):
    text, keep, drop = PAGES[lang]
    kept, gone, _ = _split(text, lang, knowledge)
    for fragment in keep:
        assert fragment in kept, fragment
    for fragment in drop:
        assert fragment in gone and fragment not in kept, fragment


@pytest.mark.parametrize("line", [
    "2 min read", "Reading time: 4 minutes", "5 دقائق القراءة", "دقائق القراءة - 5", "2 دقیقه خواندن",
    "3 dk okuma", "Okuma süresi: 3 dakika", "5 мин чтения", "Время чтения: 7 минут",
])
def test_reading_time_labels(line, knowledge):
    text = f"Title of the story\n{line}\n\nThe first paragraph of the story is long enough to be a paragraph.\n"
    _, _, dropped = _split(text, "en", knowledge)
    assert any(d.reason == "reading_time" and text[d.start:d.end] == line for d in dropped)


@pytest.mark.parametrize("lang, line", [
    ("ar", "دقيقتان للقراءة"), ("ar", "دقيقة واحدة للقراءة"), ("ar", "خمس دقائق قراءة"), ("ar", "٣ دقائق للقراءة"),
    ("en", "two-minute read"), ("en", "A one-minute read"), ("en", "Five minutes to read"),
    ("tr", "bir dakikalık okuma"), ("tr", "Okuma süresi: iki dakika"),
    ("ru", "две минуты чтения"), ("ru", "Время чтения: пять минут"), ("fa", "دو دقیقه مطالعه"),
])
def test_reading_time_in_number_words_and_duals(lang, line, knowledge):
    text = f"Title of the story\n{line}\n\nThe first paragraph of the story is long enough to be a paragraph.\n"
    _, _, dropped = _split(text, lang, knowledge)
    assert any(d.reason == "reading_time" and text[d.start:d.end] == line for d in dropped)


@pytest.mark.parametrize("lang, line, reason", [
    ("ar", "أخبار ليبيا | دقيقتان للقراءة", "reading_time"),
    ("ru", "Политика · 3 мин", "reading_time"),
    ("en", "April 27, 2026 | 2 min read", "reading_time"),
    ("ar", "الرئيسية / سياسة", "navigation"),
    ("en", "Example Ledger > Politics", "navigation"),
    ("tr", "Örnek Gazete › Gündem", "navigation"),
    ("ar", "المثال | عربي ودولي", "navigation"),
    ("en", "Some Wire | World", "navigation"),
    ("ar", "أخبار العالم", "section"),
    ("fa", "سیاست خارجی", "section"),
    ("ar", "العراق", "section"),
    ("ar", "باكو - المثال اليوم", "credit"),
    ("en", "DOHA - Example Wire", "credit"),
    ("ar", "التعليقات (0)", "comments"),
    ("en", "Comments (12)", "comments"),
])
def test_header_labels(lang, line, reason, knowledge):
    text = f"Title of the story here\n{line}\n\nThe first paragraph of the story is long enough to be a paragraph.\n"
    _, _, dropped = _split(text, lang, knowledge)
    assert [d.reason for d in dropped if text[d.start:d.end] == line] == [reason]


def test_a_masthead_named_by_the_credit_line_is_dropped(knowledge):
    text = ("المثال\n\nعنوان الخبر عن السد في المنطقة\nباكو - المثال\n\n"
            "أعلنت الوزارة مساء الاثنين مقتل 12 شخصا وفقدان آخرين إثر انهيار سد على النهر في جنوب البلاد.\n")
    kept, gone, _ = _split(text, "ar", knowledge)
    assert "عنوان الخبر عن السد في المنطقة" in kept and "باكو - المثال" in gone
    assert text.split("\n")[0] in gone.split("\n")


@pytest.mark.parametrize("lang, line", [
    ("en", "Read on: minute by minute"),
    ("en", "Economy | Inflation falls to 31% in March"),
    ("en", "Trump | Putin"),
    ("en", "Two minutes later the minister read the statement."),
    ("ar", "بغداد - قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."),
    ("ru", "Москва - Вашингтон: новые переговоры"),
])
def test_lines_that_only_look_like_labels_are_kept(lang, line, knowledge):
    text = f"Title\n\n{line}\n\nAnother paragraph of the article follows here, long enough to count as one.\n"
    kept, _, _ = _split(text, lang, knowledge)
    assert line in kept


@pytest.mark.parametrize("line", [
    "He declined to comment on the report.",
    "A source close to the talks said they would resume.",
    "مصدر مطلع قال إن المحادثات ستستأنف الأسبوع المقبل.",
    "The minister read the 5 minute statement aloud.",  # reading words in a sentence
])
def test_sentences_with_furniture_words_are_kept(line, knowledge):
    text = f"Title\n\n{line}\n\nAnother paragraph of the article follows here, long enough to count as one.\n"
    kept, _, _ = _split(text, "en", knowledge)
    assert line in kept


def test_offsets_point_into_the_text(seeds_dir, knowledge):
    text = _seed(seeds_dir, "003_07b351ad32e3925d")
    body, dropped = find_body(text, knowledge.language("ar"), knowledge)
    for s, e in body:
        assert text[s:e] == text[s:e].strip() and text[s:e]
    assert any(text[d.start:d.end] == "time reading iconدقائق القراءة - 5" for d in dropped)


PIECES = st.sampled_from(["2 min read", "Related", "اکسپلور", "منبع:", "دقائق القراءة - 5", "[ad_1]", "#tag",
                          "a | b | c", "12345", "©", "Title", "word " * 20 + ".", "\n", "\n\n", "\r\n", " ", "\t"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join))
def test_never_raises_and_spans_are_ordered(knowledge, text):
    body, dropped = find_body(text, knowledge.language("ar"), knowledge)
    spans = sorted([(s, e) for s, e in body] + [(d.start, d.end) for d in dropped])
    for s, e in spans:
        assert 0 <= s < e <= len(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert list(body) == sorted(body)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(knowledge, text):
    body, dropped = find_body(text, knowledge.language("fa"), knowledge)
    assert all(0 <= s < e <= len(text) for s, e in body)


@pytest.mark.parametrize("line, kept", [("2/29/2020.", True), ("2/29.", True), ("12.", False), ("3.5.", False),
                                        ("12169998", False)])
def test_numeric_date_sentence_is_body(line, kept, knowledge):
    """A numeric date closed by a full stop is a sentence; a bare number (a list mark, a counter) is not."""
    body, dropped = find_body(line, knowledge.language("en"), knowledge)
    assert bool(body) == kept and (kept or dropped[0].reason == "number")
