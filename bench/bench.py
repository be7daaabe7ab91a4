#!/usr/bin/env python3
"""Throughput and memory of newsdiff on a corpus it generates (not a test; run it by hand).

    .venv/bin/python bench/bench.py --documents 2000 --jobs 2

The corpus is made from the articles in examples/: each copy gets its figures changed (durations,
tolls, dates) with a fixed random seed, so alignment has real work to do and runs are repeatable.
Reports documents per second, MB per second and the peak resident memory, per stage.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.align import align_claims  # noqa: E402
from claims.judge import judge_alignments  # noqa: E402
from claims.lexicon import Knowledge  # noqa: E402
from claims.pipeline import extract_documents, link_articles, read_sources  # noqa: E402
from claims.story import tell_stories  # noqa: E402
from dataclasses import replace  # noqa: E402

DIGITS = re.compile(r"\d+")


def make_corpus(folder: Path, documents: int, seed: int) -> int:
    """Write `documents` article files into `folder`; return their total size in bytes."""
    rng = random.Random(seed)
    templates = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in (".txt", ".md", ".html")]
    texts = [p.read_text(encoding="utf-8") for p in templates]
    total = 0
    for i in range(documents):
        k = i % len(texts)
        text = DIGITS.sub(lambda m: str(max(1, int(m.group()) + rng.choice((-1, 0, 0, 1)))) if len(m.group()) < 4
                          else m.group(), texts[k])
        path = folder / f"doc{i:06d}{templates[k].suffix}"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--story-scaling", type=int, default=10, metavar="FACTOR",
                        help="also time the story stage on FACTOR times the articles (0: skip)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsdiff-bench-"))
    try:
        size = make_corpus(folder, args.documents, args.seed)
        knowledge = Knowledge()
        t0 = time.perf_counter()
        report = read_sources([str(folder)], knowledge, jobs=args.jobs)
        t1 = time.perf_counter()
        articles = link_articles(extract_documents(report.documents, knowledge, jobs=args.jobs))
        t2 = time.perf_counter()
        claims = tell_stories(articles, knowledge)
        t3 = time.perf_counter()
        alignments = judge_alignments(align_claims(claims, knowledge), knowledge)
        t4 = time.perf_counter()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mb = size / 1e6
    print(f"corpus: {args.documents} documents, {mb:.1f} MB, jobs={args.jobs}")
    for name, seconds in (("read", t1 - t0), ("extract", t2 - t1), ("story", t3 - t2), ("align+judge", t4 - t3),
                          ("total", t4 - t0)):
        print(f"{name:12s} {seconds:8.2f} s  {args.documents / seconds:9.1f} docs/s  {mb / seconds:7.2f} MB/s")
    print(f"claims: {len(claims)}  alignments: {len(alignments)}  "
          f"contradictions: {sum(a.verdict == 'contradiction' for a in alignments)}")
    print(f"peak memory: {peak_mb():.0f} MB")
    if args.story_scaling > 1:
        once, scaled = story_scaling(articles, knowledge, args.story_scaling)
        print(f"story stage: {len(articles)} articles {once:.3f} s, {args.story_scaling}x {scaled:.3f} s, "
              f"ratio {scaled / once:.1f}x (linear is {args.story_scaling}x)")


def story_scaling(articles: list, knowledge: Knowledge, factor: int) -> tuple[float, float]:
    """Seconds of the story stage on the articles and on `factor` copies of them under new source names
    (best of three): copies of one story are the hardest case for merging, every event joins its twins."""
    def copies(k: int) -> list:
        return [replace(a, source=f"{a.source}~{k}",
                        claims=tuple(replace(c, source=f"{c.source}~{k}", id=f"{c.id}~{k}") for c in a.claims))
                for a in articles]
    many = [a for k in range(factor) for a in copies(k)]

    def best(items: list) -> float:
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            tell_stories(items, knowledge)
            runs.append(time.perf_counter() - t)
        return min(runs)
    return best(articles), best(many)


if __name__ == "__main__":
    main()
