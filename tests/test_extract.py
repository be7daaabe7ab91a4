"""Claims per rule and per language: who says it and how, and what event and slot each figure fills.

The cases are data (tests/cases/<lang>/attribution.yaml and events.yaml), one pytest case each; known
extractor bugs are xfail(strict=True) with the reason in the YAML (`xfail` in events.yaml,
`extract_xfail` in the attribution cases that tests/test_lexicon_data.py shares). Property tests check that
extraction never raises, that every quote and figure slices the text back, and that an article
compared with itself contradicts nothing.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.align import align_claims
from claims.clean import find_body
from claims.extract import extract_claims
from claims.judge import judge_alignments
from claims.lexicon import Knowledge, section
from claims.model import Claim, Document
from claims.read import load_corpus
from conftest import EXAMPLES, load_cases

LANGUAGES = ("ar", "fa", "en", "tr", "ru")
STORIES = Path(__file__).resolve().parent / "stories"
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARABIC_SCRIPT = (
    [chr(c) for c in range(0x0621, 0x064B)] + list("پچژگکیۀةىئؤأإآ")
    + [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)]
    + list("0123456789 ،؛؟.!:«»()-–٫٬%\n\u200c\u064b\u064e\u0640")
)


def document(text: str, lang: str, knowledge: Knowledge, *, doc_id: str = "t",
             published: Optional[str] = None) -> Document:
    """A document as the pipeline builds it: body from the cleaner, or the whole text."""
    body = find_body(text, knowledge.language(lang), knowledge)[0] or ((0, len(text)),)
    return Document(id=doc_id, path=doc_id, text=text, language=lang, body=body, published=published)


def claims_in(text: str, lang: str, knowledge: Knowledge, published: Optional[str] = None) -> list[Claim]:
    return extract_claims(document(text, lang, knowledge, published=published), knowledge)


def focus_claims(claims: list[Claim], text: str, focus: Optional[str]) -> list[Claim]:
    """The claims of the focus sentence (all claims when the case has no focus)."""
    if not focus:
        return claims
    start = text.index(focus)
    return [c for c in claims if start <= c.start < start + len(focus)]


# ---- who says it, and how ----

def attribution_cases() -> list:
    """The attribution cases, with xfail(strict) for the extractor bugs each case names.

    The cases are shared with tests/test_lexicon_data.py, whose checks pass on them, so the known
    extractor failures are under `extract_xfail`, not `xfail`.
    """
    out = []
    for param in load_cases("attribution"):
        lang, case = param.values
        marks = list(param.marks)
        if case.get("extract_xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["extract_xfail"]))
        out.append(pytest.param(lang, case, id=param.id, marks=marks))
    return out


@pytest.mark.parametrize("lang, case", attribution_cases())
def test_attribution(lang, case, knowledge):
    text = case["text"]
    picked = focus_claims(claims_in(text, lang, knowledge), text, case.get("focus"))
    expected = (case["expected"]["speaker_text"], case["expected"]["stance"])
    assert picked, f"no claim from {case.get('focus') or text!r}"
    got = [(c.speaker.text if c.speaker else None, c.stance) for c in picked]
    assert got == [expected] * len(picked)


# ---- what each figure measures ----

def observed(claims: list[Claim], want: dict) -> dict:
    """What the extractor made of one expected figure, in the shape of the expectation."""
    found = [(c, f) for c in claims for f in c.figures if f.text == want["figure"]]
    if not found:
        return {"figure": want["figure"], "missing": True} if want.get("slot") else dict(want)
    claim, fig = found[0]
    event = claim.event
    got = {"figure": fig.text, "kind": fig.kind if want.get("kind") is not None else None,
           "slot": str(claim.slot) if claim.slot else None,
           "participants": sorted(event.participants) if event and want.get("participants") is not None else None}
    if "date" in want:
        got["date"] = event.date if event else None
    if "stance" in want:
        got["stance"] = claim.stance
    if "scope" in want:
        got["scope"] = claim.scope
    if len(found) > 1:
        got["in_claims"] = len(found)
    return got


def expectation(want: dict) -> dict:
    out = dict(want)
    if out.get("participants") is not None:
        out["participants"] = sorted(out["participants"])
    return out


@pytest.mark.parametrize("lang, case", load_cases("events"))
def test_events(lang, case, knowledge):
    claims = claims_in(case["text"], lang, knowledge, case.get("published"))
    assert [observed(claims, want) for want in case["expected"]] == \
        [expectation(want) for want in case["expected"]]


def test_a_figure_missing_from_the_claims_is_reported(knowledge):
    claims = claims_in("The call lasted 90 minutes.", "en", knowledge)
    assert observed(claims, {"figure": "95 minutes", "kind": "duration", "slot": "call/duration",
                             "participants": None}) == {"figure": "95 minutes", "missing": True}


# ---- properties ----

def assert_spans(doc: Document, claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.quote == doc.text[claim.start:claim.end]
        for fig in claim.figures:
            assert fig.text == doc.text[fig.start:fig.end]
        if claim.speaker is not None:
            assert claim.speaker.text in doc.text


@PROPERTY
@given(text=st.text(max_size=400), lang=st.sampled_from(LANGUAGES))
def test_any_text_extracts_without_raising(knowledge, text, lang):
    doc = document(text, lang, knowledge)
    assert_spans(doc, extract_claims(doc, knowledge))


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from(ARABIC_SCRIPT), max_size=400), lang=st.sampled_from(("ar", "fa")))
def test_arabic_script_noise_extracts_without_raising(knowledge, text, lang):
    doc = document(text, lang, knowledge)
    assert_spans(doc, extract_claims(doc, knowledge))


def lexicon_words(knowledge: Knowledge, lang: str) -> list[str]:
    """Cue words, event and count nouns, units, hedges and number words of one language, sorted."""
    lex = knowledge.language(lang)
    words: set = set()
    for path in (("attribution",), ("stance",), ("events",), ("count_nouns",), ("units",), ("hedges",),
                 ("hedges_after",), ("measure",), ("participants",), ("offset_markers",), ("locative",),
                 ("numbers", "cardinals"), ("numbers", "multipliers"), ("numbers", "fractions")):
        _collect(section(lex, *path), words)
    return sorted(words)


def _collect(node, words: set) -> None:
    if isinstance(node, str):
        words.add(node)
    elif isinstance(node, list):
        for x in node:
            _collect(x, words)
    elif isinstance(node, dict):
        for key, value in node.items():
            words.add(key) if isinstance(value, str) else _collect(value, words)


@PROPERTY
@given(data=st.data(), lang=st.sampled_from(LANGUAGES))
def test_lexicon_word_salad_extracts_without_raising(knowledge, data, lang):
    words = knowledge.cached(("test_extract", "words", lang), lambda: lexicon_words(knowledge, lang))
    names = knowledge.cached(("test_extract", "names", lang), lambda: entity_names(knowledge, lang))
    token = st.one_of(st.sampled_from(words), st.sampled_from(names),
                      st.integers(0, 10**7).map(str), st.sampled_from([",", ".", "،", ":", "«", "»", "\n"]))
    parts = data.draw(st.lists(token, max_size=40))
    seps = data.draw(st.lists(st.sampled_from([" ", "", " ", "\u200c"]), min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps))
    doc = document(text, lang, knowledge, published="2025-03-19")
    assert_spans(doc, extract_claims(doc, knowledge))


def entity_names(knowledge: Knowledge, lang: str) -> list[str]:
    """A sample of entity aliases in one language, so salads have speakers and participants."""
    names = sorted({a for e in knowledge.entities.values() for a in (e.get("aliases") or {}).get(lang, [])})
    return names[::7] or ["x"]


def article_paths() -> list[Path]:
    """Every example file and story article."""
    paths = sorted(p for p in EXAMPLES.iterdir() if p.name != "README.md") if EXAMPLES.is_dir() else []
    paths += sorted(p for p in STORIES.glob("*/*") if p.suffix in (".txt", ".md", ".html", ".jsonl"))
    return paths


ARTICLES = article_paths()


def contradictions(claims: list[Claim], knowledge: Knowledge) -> set:
    """(slot, event) of every contradiction among these claims."""
    return {(a.slot, a.event) for a in judge_alignments(align_claims(claims, knowledge), knowledge)
            if a.verdict == "contradiction"}


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.name}" for p in ARTICLES])
def test_an_article_compared_with_itself_contradicts_nothing(path, knowledge):
    """Two copies of one article add no contradiction to what the article says against itself.

    An article may report a claim and its denial by someone else (a contradiction inside one
    source); a copy of it may not contradict the original anywhere else.
    """
    corpus = load_corpus([str(path)], knowledge)
    assert corpus.documents, f"{path} was not read: {corpus.skipped}"
    for doc in corpus.documents:
        first, second = replace(doc, id="a"), replace(doc, id="b")
        alone = extract_claims(first, knowledge)
        copied = extract_claims(second, knowledge)
        assert_spans(first, alone)
        assert [(c.quote, c.slot) for c in copied] == [(c.quote, c.slot) for c in alone]
        assert contradictions(alone + copied, knowledge) <= contradictions(alone, knowledge)


def slot_claims(text: str, lang: str, knowledge, slot: str, published=None) -> list:
    """The claims of one sentence that fill `slot`."""
    doc = Document(id="t", path="t", text=text, language=lang, published=published, body=((0, len(text)),))
    return [c for c in extract_claims(doc, knowledge) if str(c.slot) == slot]


def values(claims: list) -> list:
    return [f.value for c in claims for f in c.figures]


def test_a_date_that_bounds_a_span_dates_no_event(knowledge):
    """"since 24 February 2022" and "until Wednesday" bound a span: no event is dated by them."""
    for lang, text in (("en", "Russian forces kept up the attack on the city until Wednesday."),
                       ("ar", "ومنذ 24 فبراير 2022 تشن روسيا هجوما عسكريا على أوكرانيا.")):
        doc = Document(id="t", path="t", text=text, language=lang, body=((0, len(text)),))
        dated = [c for c in extract_claims(doc, knowledge) if c.slot and c.slot.quantity == "date"]
        assert dated == [], (lang, [c.slot for c in dated])


def test_a_dateline_place_is_no_place_of_the_story(knowledge):
    """"BEIRUT -" is where the outlet files from; the strike was in Nabatieh."""
    claims = slot_claims("BEIRUT - An Israeli strike on Nabatieh killed three people on Tuesday, the health "
                         "ministry said.", "en", knowledge, "attack/count:killed")
    assert claims and "beirut" not in claims[0].event.participants


def test_a_count_inside_a_toll_is_no_toll(knowledge):
    """"five people were killed, including a child": the child is among the five, not a toll of one."""
    claims = slot_claims("An Israeli strike on Nabatieh killed five people, including one child, on Tuesday.",
                         "en", knowledge, "attack/count:killed")
    assert values(claims) == [5]


def test_a_comma_leaves_the_day_to_the_event(knowledge):
    """"held a phone call on Monday, his office said": Monday dates the call, not the saying."""
    claims = slot_claims("Erdogan and Pezeshkian held a two-hour phone call on Monday, Erdogan's office said.",
                         "en", knowledge, "call/date", published="2026-05-12")
    assert values(claims) == ["2026-05-11"]


def test_said_on_a_day_dates_the_saying(knowledge):
    assert not slot_claims("The ministry said on Tuesday that the call lasted an hour.", "en", knowledge,
                           "call/date", published="2026-05-13")


def test_a_denial_covers_its_own_clause(knowledge):
    """"The army denied any link to the blast, which killed 8": the toll itself is asserted."""
    claims = slot_claims("نفى الجيش الإسرائيلي، الأحد، أي علاقة له بالانفجار الذي وقع في الميناء، وأسفر عن مقتل 8 أشخاص.",
                         "ar", knowledge, "explosion/count:killed")
    assert claims and claims[0].stance == "asserted"


def test_an_earlier_value_is_no_claim(knowledge):
    """"raise trade to $30 billion, up from $6 billion last year": only the 30 billion is claimed."""
    claims = slot_claims("Turkey and Iran signed an agreement on Tuesday to raise trade to $30 billion, up from "
                         "$6 billion last year.", "en", knowledge, "agreement/money")
    assert values(claims) == [30_000_000_000]


def test_persian_names_the_call_after_its_parties(knowledge):
    """"X on Monday with Y, and on Tuesday with Z had a phone call": the Tuesday call is with Z."""
    claims = slot_claims("سخنگوی دولت افزود که اردوغان روز دوشنبه با ولادیمیر پوتین و روز سه‌شنبه نیز "
                         "با محمد بن سلمان گفت‌وگوی تلفنی داشت.", "fa", knowledge, "call/date",
                         published="2026-05-14")
    assert values(claims) == ["2026-05-12"]
    assert set(claims[0].event.participants) == {"recep-tayyip-erdogan", "mohammed-bin-salman"}


def test_a_headline_count_takes_the_hedge_of_the_body(knowledge):
    """Headlines drop hedges: "two killed" over "killing at least two people" is at least two."""
    text = ("Drone attack on refinery in Tuapse: two killed\n\n"
            "A drone attack set fire to a refinery in Tuapse on Sunday, killing at least two people, officials said.")
    claims = claims_in(text, "en", knowledge, "2026-03-15")
    headline = [f for c in claims for f in c.figures if f.text == "two killed"]
    assert headline and headline[0].hedge == "at_least" and headline[0].high > 2


def test_a_headline_count_the_body_does_not_hedge_stays_exact(knowledge):
    text = ("Drone attack on refinery in Tuapse: two killed\n\n"
            "A drone attack hit a refinery in Tuapse on Sunday, killing at least three people, officials said.")
    headline = [f for c in claims_in(text, "en", knowledge, "2026-03-15") for f in c.figures if f.text == "two killed"]
    assert headline and headline[0].hedge == "exact"
