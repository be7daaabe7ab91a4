"""People no lexicon knows: found by their title, role or verb, one id across scripts."""
import pytest

from claims.extract import analyse
from claims.model import Claim, Document, Event, Speaker
from claims.names import coarse_skeleton, link_names, unknown_id

FOUND = [
    # (id, lang, text, the name's surface, why)
    ("en-title-then-name", "en", "Iranian Foreign Minister Mehdi Tavakoli said the talks were useful.", "Mehdi Tavakoli",
     "a title followed by another person's name names that person"),
    ("en-role-then-name", "en", "Provincial governor Ahmet Korkmaz told reporters the road was closed.", "Ahmet Korkmaz",
     "a capitalised run after a role word"),
    ("en-name-comma-role", "en", "Hemin Rashid, the ministry spokesman, said no drone was seen.", "Hemin Rashid",
     "a name that opens the sentence before a comma and its role"),
    ("en-surname-later", "en", "Governor Ahmet Korkmaz spoke first. Korkmaz said the road was closed.", "Korkmaz",
     "a later mention by surname is the same person"),
    ("tr-role-then-name", "tr", "AFAD Rize İl Müdürü Serkan Demirci açıklama yaptı.", "Serkan Demirci",
     "title words are no part of the name"),
    ("ru-after-role", "ru", "Глава МИД Омана Саид аль-Харти провёл переговоры.", "Саид аль-Харти",
     "a particle inside a Cyrillic name"),
    ("ar-after-role-body", "ar", "وقال المتحدث باسم وزارة الخارجية القطرية خالد المنصوري إن القمة نجحت.", "خالد المنصوري",
     "an Arabic-script name after a role and the body it serves, before its verb's complement"),
    ("fa-name-comma-role", "fa", "هیمن رشید، سخنگوی این وزارتخانه، گفت که حمله‌ای رخ نداده است.", "هیمن رشید",
     "a Persian name before a comma and its role"),
]

FOUND += [
    ("en-title-then-name-holding-a-place", "en", "Defence Minister Jordan Hale said the border was calm.", "Jordan Hale",
     "a name right after a title, holding a word that is also a country, is a person"),
    ("tr-title-then-name-holding-a-place", "tr", "Cumhurbaşkanı Kemal Aydın açıklama yaptı. Aydın sonra ayrıldı.", "Aydın",
     "a surname that is also a province names the person found in full"),
    ("ru-coordinated-after-plural-title", "ru", "Президенты России и Турции Олег Самара и Кемаль Айдын поговорили.",
     "Кемаль Айдын", "a capitalised name right after a found one and 'и' is a name too"),
]

NOT_NAMES = [
    ("fa-object-after-title", "fa", "سخنگوی دولت خبر استعفای وزیر نفت را تکذیب کرد.", "خبر استعفای",
     "words after a title that run on into an object are no name"),
    ("ar-descriptor-after-role", "ar", "بحث مستشار الأمن القومي الأمريكي مايك والتز الوضع.", "الأمن القومي",
     "an idafa after a role word is the role's description, not a name"),
    ("en-sentence-start", "en", "Officials said the bridge collapsed.", "Officials",
     "one capitalised word opening a sentence is no name"),
    ("en-places-after-with", "en", "Talks with Jordan and Egypt resumed in Cairo.", "Jordan",
     "places with no given name and no title before them stay places"),
]


def people(text, lang, knowledge):
    doc = Document(id="t", path="t", text=text, language=lang, body=((0, len(text)),))
    return [m for s in analyse(doc, knowledge) for m in s.mentions if m.via == "skeleton"]


@pytest.mark.parametrize("lang,text,surface", [pytest.param(l, t, s, id=i) for i, l, t, s, _ in FOUND])
def test_found(lang, text, surface, knowledge):
    """The name is found; a title before it may be part of the mention ("Iranian Foreign Minister Mehdi Tavakoli")."""
    found = people(text, lang, knowledge)
    assert surface in [m.text for m in found] + [m.name for m in found]


@pytest.mark.parametrize("lang,text,surface", [pytest.param(l, t, s, id=i) for i, l, t, s, _ in NOT_NAMES])
def test_not_a_name(lang, text, surface, knowledge):
    assert all(surface not in m.text for m in people(text, lang, knowledge))


SAME_PERSON = [
    ("Hemin Rashid", "هیمن رشید"), ("Hemin Reşid", "Hemin Rashid"), ("Mehdi Tavakoli", "Мехди Таваколи"),
    ("Mehdi Tavakoli", "مهدی توکلی"), ("Khalid Al-Mansouri", "خالد المنصوري"), ("Serkan Demirci", "Серкан Демирджи"),
]
OTHER_PEOPLE = [("Hemin Rashid", "Karwan Aziz"), ("Mehdi Tavakoli", "Mahmoud Abbas"), ("Serkan Demirci", "Serkan Kaya")]


def claim(cid, source, name):
    return Claim(cid, source, "xx", "t", "t", 0, 1, Speaker(unknown_id(name), name, name), "asserted",
                 event=Event("call", (unknown_id(name),)))


@pytest.mark.parametrize("a,b", SAME_PERSON)
def test_one_person_across_scripts(a, b):
    linked = link_names([claim("x#1", "x", a), claim("y#1", "y", b)])
    assert linked[0].speaker.id == linked[1].speaker.id
    assert linked[0].event.participants == linked[1].event.participants


@pytest.mark.parametrize("a,b", OTHER_PEOPLE)
def test_different_people_stay_apart(a, b):
    linked = link_names([claim("x#1", "x", a), claim("y#1", "y", b)])
    assert linked[0].speaker.id != linked[1].speaker.id


def test_latin_spelling_gives_the_id():
    linked = link_names([claim("x#1", "x", "هیمن رشید"), claim("y#1", "y", "Hemin Rashid")])
    assert linked[0].speaker.id == "unknown-hemin-rashid"


def test_coarse_skeleton_is_script_blind():
    assert coarse_skeleton("Demirci") and coarse_skeleton("Tavakoli") == coarse_skeleton("Tavakoli")
