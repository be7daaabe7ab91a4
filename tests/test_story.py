"""The story stage: one happening is one event across articles, whatever word names it; two are two."""
from pathlib import Path

import pytest

from claims.extract import extract_article
from claims.lexicon import Knowledge
from claims.model import Article, Claim, Document, Event, Figure, Slot
from claims.pipeline import compare
from claims.story import tell_stories

STORIES = Path(__file__).resolve().parent / "stories"


@pytest.fixture(scope="module")
def knowledge():
    return Knowledge()


def toll_claim(cid: str, source: str, event: Event, value: int = 10) -> Claim:
    fig = Figure("count", value, value * 0.98, value * 1.02, "exact", "people", f"{value}", 0, 1, counted="killed")
    return Claim(cid, source, "en", "t", "t", 0, 1, None, "asserted", (fig,), event, Slot(event.type, "count:killed"))


def article(source: str, published, main: Event, *claims: Claim) -> Article:
    return Article(source=source, published=published, main=main, claims=tuple(claims))


def story_ids(claims: list) -> list:
    return [c.event.id for c in claims]


def test_a_blast_and_a_bombing_in_one_city_are_one_event(knowledge):
    blast = Event("explosion", ("pakistan",))
    bombing = Event("attack", ("pakistan",))
    out = tell_stories([article("a", "2026-05-03", blast, toll_claim("a#1", "a", blast)),
                        article("b", "2026-05-03", bombing, toll_claim("b#1", "b", bombing))], knowledge)
    assert len(set(story_ids(out))) == 1
    assert {str(c.slot) for c in out} == {"violent-incident/count:killed"}


def test_two_calls_with_different_parties_stay_apart(knowledge):
    putin = Event("call", ("donald-trump", "vladimir-putin"))
    zelensky = Event("call", ("donald-trump", "volodymyr-zelensky"))
    out = tell_stories([article("a", "2025-03-19", putin, toll_claim("a#1", "a", putin),
                                toll_claim("a#2", "a", zelensky))], knowledge)
    assert out[0].event.id != out[1].event.id


def test_an_old_quake_in_the_same_country_is_another_event(knowledge):
    now = Event("earthquake", ("turkey",))
    then = Event("earthquake", ("turkey",), date="2011")
    out = tell_stories([article("a", "2026-04-28", now, toll_claim("a#1", "a", now, 40),
                                toll_claim("a#2", "a", then, 604)),
                        article("b", "2026-04-28", now, toll_claim("b#1", "b", now, 35))], knowledge)
    assert out[0].event.id == out[2].event.id != out[1].event.id


def test_an_event_naming_two_countries_bridges_no_two_events(knowledge):
    """The Swat flood (Pakistan) and the Nangarhar flood (Afghanistan) stay two, whatever names both."""
    pk, af = Event("flood", ("pakistan",)), Event("flood", ("afghanistan",))
    both = Event("flood", ("afghanistan", "pakistan"))
    out = tell_stories([article("a", "2026-08-15", pk, toll_claim("a#1", "a", pk), toll_claim("a#2", "a", pk)),
                        article("b", "2026-08-15", af, toll_claim("b#1", "b", af)),
                        article("c", "2026-08-15", pk, toll_claim("c#1", "c", both))], knowledge)
    ids = story_ids(out)
    assert ids[0] == ids[1] != ids[2]
    assert ids[3] in (ids[0], ids[2])


def test_story_ids_are_stable_and_follow_first_appearance(knowledge):
    quake = Event("earthquake", ("morocco",))
    arts = [article("a", None, quake, toll_claim("a#1", "a", quake)),
            article("b", None, quake, toll_claim("b#1", "b", quake))]
    assert story_ids(tell_stories(arts, knowledge)) == ["e1", "e1"]
    assert story_ids(tell_stories(arts, knowledge)) == story_ids(tell_stories(arts, knowledge))


def test_a_toll_with_no_event_in_its_clause_measures_the_articles_event(knowledge):
    """"At least 31 were killed": the clause names nothing, the headline names the bombing."""
    text = "Bombing at market in Quetta\nAt least 31 people were killed, police said.\n"
    doc = Document(id="q", path="q", text=text, language="en", body=((0, len(text)),))
    art = extract_article(doc, knowledge)
    tolls = [c for c in art.claims if c.slot and c.slot.quantity == "count:killed"]
    assert art.main is not None and art.main.type == "attack"
    assert any("31" in f.text for c in tolls for f in c.figures)


def test_within_a_span_is_no_length_of_the_articles_event(knowledge):
    text = "Leaders hold summit in Doha\nThe first projects would be announced within six months.\n"
    doc = Document(id="s", path="s", text=text, language="en", body=((0, len(text)),))
    assert not [c for c in extract_article(doc, knowledge).claims if c.slot and c.slot.quantity == "duration"]


def _alignments(paths: list, knowledge) -> set:
    report = compare([str(p) for p in paths], knowledge)
    return {(str(a.slot), a.verdict, a.reason) for a in report.alignments}


def test_two_unrelated_stories_in_one_folder_align_as_apart(knowledge, tmp_path):
    """A day of news: the flood and the summit run together give what each gives alone."""
    folders = {}
    for name in ("flood-rize-missing", "summit-doha"):
        folders[name] = tmp_path / name
        folders[name].mkdir()
        for path in sorted((STORIES / name).glob("*.txt")):
            (folders[name] / f"{name.split('-')[0]}_{path.name}").write_bytes(path.read_bytes())
    every = sorted(p for f in folders.values() for p in f.iterdir())
    apart = set().union(*(_alignments(sorted(f.iterdir()), knowledge) for f in folders.values()))
    assert _alignments(every, knowledge) == apart
    assert any(slot.startswith("flood/") for slot, _, _ in apart) and any(s.startswith("meeting/") for s, _, _ in apart)


@pytest.mark.parametrize("lang, text, scope", [
    ("en", "The two leaders' one-on-one talks lasted nearly three hours.", "one_on_one"),
    ("en", "The negotiations lasted almost three hours behind closed doors.", "one_on_one"),
    ("en", "At least 311 people have died since the monsoon began on June 26.", "running-total"),
    ("tr", "Ülkede haziran sonundan bu yana 300'den fazla kişi yaşamını yitirdi.", "running-total"),
    ("en", "Iran's Deputy Energy Minister said the meeting lasted 90 minutes.", None),
])
def test_scope_words_set_part_of_an_event_apart(knowledge, lang, text, scope):
    doc = Document(id="t", path="t", text=text, language=lang, published="2026-06-10", body=((0, len(text)),))
    scoped = {c.scope for c in extract_article(doc, knowledge).claims if c.figures}
    assert scoped == {scope}, scoped


def test_two_calls_of_one_leader_with_two_named_strangers_stay_apart(knowledge):
    """One day, one president, two calls: with a named person no lexicon knows on the other side of each,
    they are two calls, even when a third page names only the president."""
    a_call = Event("call", ("unknown-kemal-aydin", "unknown-oleg-samara"), date="2026-03-09")
    b_call = Event("call", ("unknown-kemal-aydin", "unknown-pavlo-hrytsenko"), date="2026-03-09")
    out = tell_stories([article("a", "2026-03-09", a_call, toll_claim("a#1", "a", a_call)),
                        article("b", "2026-03-09", b_call, toll_claim("b#1", "b", b_call))], knowledge)
    assert out[0].event.id != out[1].event.id


def test_a_known_minister_and_a_stranger_may_be_one_call(knowledge):
    """The lexicon's Omani foreign minister and a name no lexicon knows: the same call of that day."""
    a_call = Event("call", ("abbas-araghchi", "badr-albusaidi"), date="2026-04-26")
    b_call = Event("call", ("abbas-araghchi", "unknown-said-al-harthy"), date="2026-04-26")
    out = tell_stories([article("a", "2026-04-27", a_call, toll_claim("a#1", "a", a_call)),
                        article("b", "2026-04-26", b_call, toll_claim("b#1", "b", b_call))], knowledge)
    assert out[0].event.id == out[1].event.id


def test_a_city_and_the_province_named_after_it_are_one_place(knowledge):
    """"Moscow" in one outlet, "Moscow Oblast" (Moskova bölgesi) in another: one attack."""
    city = Event("attack", ("moscow", "russia"), date="2024-03-22")
    region = Event("attack", ("moscow-oblast", "russia"), date="2024-03-22")
    other = Event("attack", ("bryansk-oblast", "russia"), date="2024-03-22")
    out = tell_stories([article("a", "2024-03-23", city, toll_claim("a#1", "a", city)),
                        article("b", "2024-03-23", region, toll_claim("b#1", "b", region)),
                        article("c", "2024-03-23", other, toll_claim("c#1", "c", other))], knowledge)
    assert out[0].event.id == out[1].event.id != out[2].event.id
