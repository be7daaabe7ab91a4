"""The annotated stories and the example articles are well-formed data for the quality gate."""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml

from claims.detect import detect_language

TESTS = Path(__file__).resolve().parent
STORIES = TESTS / "stories"
EXAMPLES = TESTS.parent / "examples"
COMMON = TESTS.parent / "claims" / "lexicon" / "common.yaml"

DIMENSIONS = {"duration", "date", "time", "place", "money", "percent", "occurrence"}  # occurrence: a report against its denial
VERDICTS = ("contradictions", "updates", "tensions", "agreements")
LANGUAGES = {"ar", "fa", "en", "tr", "ru"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

PENDING = TESTS / "stories_pending"  # annotated, not yet met: checked as data, not scored by the gate
STORY_DIRS = sorted(p for base in (STORIES, PENDING) if base.is_dir() for p in base.iterdir() if p.is_dir())


def _common() -> dict:
    return yaml.safe_load(COMMON.read_text(encoding="utf-8"))


def _expected(story: Path) -> dict:
    return yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))


def _articles(story: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(story.glob("*.txt"))}


def _body(path: Path) -> str:
    """The article text without its YAML front matter."""
    text = path.read_text(encoding="utf-8")
    return FRONT_MATTER.sub("", text, count=1)


def _entries() -> list:
    params = []
    for story in STORY_DIRS:
        expected = _expected(story)
        for verdict in VERDICTS:
            for i, entry in enumerate(expected.get(verdict) or []):
                params.append(pytest.param(story, entry, id=f"{story.name}-{verdict}-{i}"))
    return params


def _pairs(entries: list, slot: str) -> set[frozenset]:
    """Every pair of sources that the entries of one slot set side by side."""
    pairs = set()
    for entry in entries:
        if entry["slot"] == slot:
            pairs |= {frozenset(p) for p in itertools.combinations(entry["sources"], 2)}
    return pairs


def test_there_are_enough_stories():
    assert len(STORY_DIRS) >= 4


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_expected_yaml_has_the_contract_shape(story):
    expected = _expected(story)
    assert isinstance(expected, dict)
    assert set(expected) <= {"story", *VERDICTS}, f"unknown keys {set(expected) - {'story', *VERDICTS}}"
    assert isinstance(expected.get("story"), str) and expected["story"].strip()
    assert expected.get("contradictions") or expected.get("updates"), "a story needs a contradiction or an update"
    assert expected.get("agreements"), "a story needs at least one agreement"
    assert isinstance(expected.get("tensions") or [], list)


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_story_has_two_to_five_articles(story):
    assert 2 <= len(_articles(story)) <= 5


@pytest.mark.parametrize("story, entry", _entries())
def test_entry_names_a_known_slot(story, entry):
    event_type, _, dimension = entry["slot"].partition("/")
    common = _common()
    known = set(common["event_types"]) | set(common.get("event_classes", {}))
    assert event_type in known, f"{event_type!r} is not in common.yaml event_types or event_classes"
    if dimension.startswith("count:"):
        assert dimension[len("count:"):] in common["count_kinds"], f"{dimension!r}: kind not in count_kinds"
    else:
        assert dimension in DIMENSIONS, f"{dimension!r} is not a dimension"


@pytest.mark.parametrize("story, entry", _entries())
def test_entry_sources_are_files_of_the_story(story, entry):
    sources = entry["sources"]
    assert isinstance(sources, list) and sources
    assert len(set(sources)) == len(sources), "a source is named twice"
    missing = set(sources) - set(_articles(story))
    assert not missing, f"no file for {sorted(missing)} in {story.name}"
    assert isinstance(entry.get("why"), str) and entry["why"].strip()


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_no_pair_is_both_a_contradiction_and_an_agreement(story):
    expected = _expected(story)
    conflicts = (expected.get("contradictions") or []) + (expected.get("tensions") or [])
    for slot in {e["slot"] for e in conflicts}:
        clash = _pairs(conflicts, slot) & _pairs(expected["agreements"], slot)
        assert not clash, f"{slot}: {[sorted(p) for p in clash]} is annotated both ways"


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_articles_are_in_the_language_their_stem_says(story):
    for stem, path in _articles(story).items():
        claimed = stem.rsplit("_", 1)[-1]
        assert claimed in LANGUAGES, f"{stem}: stem should end in a language code"
        assert detect_language(_body(path)) == claimed, f"{stem} does not read as {claimed}"


@pytest.mark.parametrize("story", STORY_DIRS, ids=lambda p: p.name)
def test_story_mixes_languages_and_compares_across_them(story):
    languages = {detect_language(_body(p)) for p in _articles(story).values()}
    assert len(languages) >= 2
    entries = [e for v in VERDICTS for e in _expected(story).get(v) or []]
    cross = [e for e in entries if len({s.rsplit("_", 1)[-1] for s in e["sources"]}) >= 2]
    assert cross, "no annotated comparison across languages"


def test_the_stories_cover_the_five_languages():
    languages = {detect_language(_body(p)) for s in STORY_DIRS for p in _articles(s).values()}
    assert LANGUAGES <= languages


WITH_FRONT_MATTER = [p for p in sorted(STORIES.glob("*/*.txt")) if p.read_text(encoding="utf-8").startswith("---\n")]


def test_some_stories_use_front_matter_and_some_header_lines():
    assert 0 < len(WITH_FRONT_MATTER) < len(list(STORIES.glob("*/*.txt")))


@pytest.mark.parametrize("path", WITH_FRONT_MATTER, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_front_matter_parses(path):
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match, "front matter is not closed by a --- line"
    meta = yaml.safe_load(match.group(1))
    assert {"title", "outlet", "published"} <= set(meta)


def test_examples_markdown_has_front_matter():
    (page,) = [p for p in EXAMPLES.glob("*.md") if p.name != "README.md"]
    meta = yaml.safe_load(FRONT_MATTER.match(page.read_text(encoding="utf-8")).group(1))
    assert {"title", "outlet", "published", "language"} <= set(meta)


def test_examples_jsonl_records_have_scraper_fields():
    (jsonl,) = EXAMPLES.glob("*.jsonl")
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) == 2
    for record in records:
        assert {"title", "outlet", "url", "published", "text"} <= set(record)


def test_examples_html_is_a_saved_page():
    (page,) = EXAMPLES.glob("*.html")
    html = page.read_text(encoding="utf-8")
    for marker in ("<title>", 'property="og:site_name"', 'property="article:published_time"',
                   "<nav>", "<footer>", "<article>"):
        assert marker in html, f"{marker} missing"


def test_examples_cover_the_five_languages():
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")]
    texts += [_body(p) for p in EXAMPLES.glob("*.md") if p.name != "README.md"]
    texts += [json.loads(line)["text"] for p in EXAMPLES.glob("*.jsonl")
              for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [re.sub(r"<[^>]{0,500}>", " ", p.read_text(encoding="utf-8")) for p in EXAMPLES.glob("*.html")]
    assert {detect_language(t) for t in texts} == LANGUAGES
