"""The quality gate: annotated multi-source stories, with precision and recall floors that only go up.

Each folder under tests/stories/ holds a few articles and expected.yaml: the contradictions a careful
reader finds (must find) and the agreements that must never be flagged. Recall is the share of
expected contradictions found; precision the share of flagged contradictions that are expected
(a flagged contradiction between a pair annotated as agreeing counts against it). The floors live in
tests/quality_baseline.yaml: raise them when the tool gets better, never lower them.
"""
from pathlib import Path

import pytest
import yaml

from claims.lexicon import Knowledge
from claims.pipeline import compare

STORIES = Path(__file__).resolve().parent / "stories"
BASELINE = Path(__file__).resolve().parent / "quality_baseline.yaml"


def story_dirs():
    return sorted(p for p in STORIES.iterdir() if (p / "expected.yaml").is_file())


_KNOWLEDGE = []


def shared_knowledge() -> Knowledge:
    """One Knowledge for every story: patterns compile once, as in one run over many folders."""
    if not _KNOWLEDGE:
        _KNOWLEDGE.append(Knowledge())
    return _KNOWLEDGE[0]


def contradictions_of(story: Path) -> set:
    """(slot, source, source) for every pair of claims newsdiff says cannot both hold."""
    report = compare([str(story)], shared_knowledge())
    sources = {c.id: c.source for c in report.claims}
    return {(a.slot, *sorted((sources[x], sources[y]))) for a in report.alignments
            if a.verdict == "contradiction" for x, y in a.conflicts}


def _pairs(entry: dict) -> set:
    srcs = sorted(entry["sources"])
    if len(srcs) == 1:
        return {(entry["slot"], srcs[0], srcs[0])}
    return {(entry["slot"], a, b) for i, a in enumerate(srcs) for b in srcs[i + 1:]}


def score_story(story: Path) -> dict:
    expected = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
    found = contradictions_of(story)
    wanted = expected.get("contradictions") or []
    hits = [w for w in wanted if _pairs(w) & found]
    expected_pairs = set().union(*(_pairs(w) for w in wanted)) if wanted else set()
    agreeing = set().union(*(_pairs(a) for a in expected.get("agreements") or [])) or set()
    return {"wanted": len(wanted), "hits": len(hits), "flagged": len(found),
            "true": len(found & expected_pairs), "false_agreements": len(found & agreeing),
            "found": sorted(found)}


@pytest.fixture(scope="module")
def scores():
    return {story.name: score_story(story) for story in story_dirs()}


def test_recall_and_precision_meet_the_floors(scores):
    floors = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    wanted = sum(s["wanted"] for s in scores.values())
    hits = sum(s["hits"] for s in scores.values())
    flagged = sum(s["flagged"] for s in scores.values())
    true = sum(s["true"] for s in scores.values())
    recall = hits / wanted if wanted else 1.0
    precision = true / flagged if flagged else 1.0
    detail = {name: s for name, s in scores.items()}
    assert recall >= float(floors["recall"]), f"recall {recall:.2f} < floor {floors['recall']}: {detail}"
    assert precision >= float(floors["precision"]), f"precision {precision:.2f} < floor {floors['precision']}: {detail}"


@pytest.mark.parametrize("story", [p.name for p in story_dirs()])
def test_no_story_flags_an_annotated_agreement(story, scores):
    assert scores[story]["false_agreements"] <= _allowed(story)


def _allowed(story: str) -> int:
    floors = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    return (floors.get("known_false_agreements") or {}).get(story, 0)
