"""Places: containment across first-level divisions, names in every script with their suffixes and case forms."""
from __future__ import annotations

import pytest

from claims.entities import find_mentions, place_contains
from claims.normalize import fold_text

KINDS = {"city", "province", "region", "country", "sea"}


@pytest.mark.parametrize("outer,inner", [
    ("van", "ercis"), ("turkey", "ercis"), ("middle-east", "ercis"), ("turkey", "kahramanmaras"), ("hatay", "antakya"),
    ("ukraine", "kharkiv"), ("europe", "kharkiv"), ("kharkiv-oblast", "kupiansk"), ("donbas", "avdiivka"),
    ("kurdistan-region", "sulaymaniyah"), ("iraq", "sulaymaniyah"), ("iraq", "halabja"), ("nineveh", "mosul"),
    ("iran", "ahvaz"), ("khuzestan", "abadan"), ("fars-province", "shiraz"), ("russia", "makhachkala"),
    ("kursk-oblast", "kursk"), ("gaza-strip", "jabalia"), ("palestine", "gaza-city"), ("sudan", "nyala"),
    ("darfur", "el-fasher"), ("saudi-arabia", "dhahran"), ("yemen", "mukalla"), ("afghanistan", "mazar-i-sharif"),
    ("pakistan", "quetta"), ("azerbaijan", "shusha"), ("georgia", "sukhumi"), ("syria", "qamishli"),
])
def test_division_contains(knowledge, outer, inner):
    assert place_contains(knowledge, outer, inner)


@pytest.mark.parametrize("outer,inner", [
    ("ukraine", "kursk"), ("russia", "kharkiv"), ("iran", "sulaymaniyah"), ("van", "hatay"), ("kurdistan-region", "kirkuk"),
    ("saudi-arabia", "sanaa"), ("kharkiv", "ukraine"),
])
def test_division_does_not_contain(knowledge, outer, inner):
    assert not place_contains(knowledge, outer, inner)


@pytest.mark.parametrize("lang,text,expected", [
    ("tr", "Van'da 5,2 büyüklüğünde deprem", [("van", "Van")]),
    ("tr", "Kahramanmaraş’ta ve Hatay'da yıkım; Erciş'te hasar", [("kahramanmaras", "Kahramanmaraş"), ("hatay", "Hatay"), ("ercis", "Erciş")]),
    ("tr", "Rize'de sel, Türkiye'de alarm", [("rize", "Rize"), ("turkey", "Türkiye")]),
    ("tr", "Süleymaniye'de patlama", [("sulaymaniyah", "Süleymaniye")]),
    ("en", "An earthquake struck Kahramanmaras and Sanliurfa", [("kahramanmaras", "Kahramanmaras"), ("sanliurfa", "Sanliurfa")]),
    ("en", "A drone hit the Kharkiv region overnight", [("kharkiv-oblast", "Kharkiv region")]),
    ("en", "Fighting near Kupiansk and Avdiivka", [("kupiansk", "Kupiansk"), ("avdiivka", "Avdiivka")]),
    ("en", "Protests in Sulaimaniyah and Duhok", [("sulaymaniyah", "Sulaimaniyah"), ("duhok", "Duhok")]),
    ("ar", "انفجار في السليمانية وقصف على دهوك", [("sulaymaniyah", "السليمانية"), ("duhok", "دهوك")]),
    ("ar", "غارات على خان يونس وجباليا ودير البلح", [("khan-younis", "خان يونس"), ("jabalia", "جباليا"), ("deir-al-balah", "دير البلح")]),
    ("ar", "وصل الوفد بالفاشر قادما من نيالا", [("el-fasher", "الفاشر"), ("nyala", "نيالا")]),
    ("fa", "زلزله در کرمانشاه و سلیمانیه", [("kermanshah", "کرمانشاه"), ("sulaymaniyah", "سلیمانیه")]),
    ("fa", "سیل در استان خوزستان و اهواز", [("khuzestan", "استان خوزستان"), ("ahvaz", "اهواز")]),
    ("ru", "Удар по Харькову: в Харькове и Харьковской области", [("kharkiv", "Харькову"), ("kharkiv", "Харькове"), ("kharkiv-oblast", "Харьковской области")]),
    ("ru", "в Махачкале и Дагестане", [("makhachkala", "Махачкале"), ("dagestan", "Дагестане")]),
])
def test_place_names_in_every_script(knowledge, lang, text, expected):
    found = [(m.entity, m.text) for m in find_mentions(fold_text(text), lang, knowledge) if m.entity in knowledge.places]
    assert found == expected


@pytest.mark.parametrize("lang,text,name", [
    ("tr", "Van'da", "Van"), ("tr", "Türkiye'de", "Türkiye"), ("tr", "Türkiye’de", "Türkiye"), ("tr", "Putin'in", "Putin"),
    ("tr", "Erdoğan'ın", "Erdoğan"), ("tr", "Rize'de", "Rize"), ("fa", "تهران\u200cها", "تهران"),
    ("fa", "ایران\u200cمان", "ایران"), ("ar", "وبغداد", "بغداد"), ("ar", "بالرياض", "الرياض"),
])
def test_suffixes_and_proclitics_leave_the_name(knowledge, lang, text, name):
    mentions = find_mentions(fold_text(text), lang, knowledge)
    assert [m.text for m in mentions] == [name]
    assert all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize("lang,text", [
    ("en", "He drove a van to the market"), ("en", "the bursa of the knee"), ("fa", "تهرانی\u200cها"), ("fa", "تهرانی"),
    ("ar", "وأن الرئيس قال"), ("tr", "ordu ve polis"), ("ru", "ровно в полночь"), ("ru", "министр Ван И"),
])
def test_common_words_are_not_places(knowledge, lang, text):
    places = [m for m in find_mentions(fold_text(text), lang, knowledge) if m.entity in knowledge.places]
    assert not places


def test_every_place_has_a_known_kind_and_a_container(knowledge):
    for pid, place in knowledge.places.items():
        assert place["kind"] in KINDS, pid
        assert place["kind"] in ("region", "country") or place.get("in"), pid


def test_divisions_are_spelled_in_every_full_depth_language(knowledge):
    missing = [pid for pid, p in knowledge.places.items() if p["kind"] == "province"
               and not all(p["aliases"].get(lang) for lang in ("en", "ar", "fa", "tr", "ru"))]
    assert not missing


@pytest.mark.parametrize("country,least", [("turkey", 77), ("iran", 25), ("iraq", 10), ("ukraine", 20), ("afghanistan", 30)])
def test_countries_have_their_divisions(knowledge, country, least):
    provinces = [pid for pid, p in knowledge.places.items() if p["kind"] == "province"
                 and place_contains(knowledge, country, pid)]
    assert len(provinces) >= least
