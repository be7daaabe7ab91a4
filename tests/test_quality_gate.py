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


def pairs_of(story: Path, verdict: str = "contradiction") -> set:
    """(slot, source, source) for every pair of claims newsdiff gives this verdict (cannot both hold; updates)."""
    report = compare([str(story)], shared_knowledge())
    sources = {c.id: c.source for c in report.claims}
    return {(str(a.slot), *sorted((sources[x], sources[y]))) for a in report.alignments
            if a.verdict == verdict for x, y in a.conflicts}


def contradictions_of(story: Path) -> set:
    return pairs_of(story, "contradiction")


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
    updates = expected.get("updates") or []
    updated = pairs_of(story, "update") if updates else set()
    return {"wanted": len(wanted), "hits": len(hits), "flagged": len(found),
            "true": len(found & expected_pairs), "false_agreements": len(found & agreeing),
            "updates": len(updates), "updates_found": sum(1 for u in updates if _pairs(u) & updated),
            "found": sorted(found)}


@pytest.fixture(scope="module")
def scores():
    return {story.name: score_story(story) for story in story_dirs()}


def floors() -> dict:
    return yaml.safe_load(BASELINE.read_text(encoding="utf-8"))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@pytest.mark.parametrize("story", [p.name for p in story_dirs()])
def test_story_meets_its_floors(story, scores):
    floor = (floors().get("stories") or {}).get(story)
    assert floor is not None, f"{story} has no floor in {BASELINE.name}: add its current recall and precision"
    s = scores[story]
    recall, precision = _ratio(s["hits"], s["wanted"]), _ratio(s["true"], s["flagged"])
    assert recall >= float(floor["recall"]), f"recall {recall:.2f} < {floor['recall']}: {s}"
    assert precision >= float(floor["precision"]), f"precision {precision:.2f} < {floor['precision']}: {s}"


def test_all_stories_meet_the_overall_floors(scores):
    """Recall over everything a reader marks as changing between sources: contradictions found as
    contradictions, and tolls revised over time found as updates."""
    total = {k: sum(s[k] for s in scores.values())
             for k in ("wanted", "hits", "flagged", "true", "updates", "updates_found")}
    recall = _ratio(total["hits"] + total["updates_found"], total["wanted"] + total["updates"])
    precision = _ratio(total["true"], total["flagged"])
    overall = floors()["overall"]
    assert recall >= float(overall["recall"]), f"recall {recall:.2f} < {overall['recall']}"
    assert precision >= float(overall["precision"]), f"precision {precision:.2f} < {overall['precision']}"


@pytest.mark.parametrize("story", [p.name for p in story_dirs()])
def test_every_annotated_update_is_an_update(story, scores):
    """A toll that rose over time (a later report, "rose to", after an initial toll) is an update."""
    s = scores[story]
    assert s["updates_found"] == s["updates"], s


@pytest.mark.parametrize("story", [p.name for p in story_dirs()])
def test_no_story_flags_an_annotated_agreement(story, scores):
    assert scores[story]["false_agreements"] == 0, scores[story]
