"""The whole job, stage after stage: read -> extract -> align -> judge.

One function per command of the CLI: `read_sources` (what was read), `extract` (claims) and
`compare` (alignments with verdicts). Extraction runs per document, in parallel with `jobs` > 1;
the result does not depend on the number of jobs.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO, Optional

from .align import align_claims
from .extract import extract_claims
from .judge import judge_alignments
from .lexicon import Knowledge
from .model import Corpus
from .read import load_corpus

PARALLEL_MIN_DOCUMENTS = 8  # below this, starting processes costs more than it saves


@dataclass
class Report:
    """What a run found: the sources read and skipped, the claims, the judged alignments."""

    documents: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    alignments: list = field(default_factory=list)

    @property
    def contradictions(self) -> int:
        return sum(1 for a in self.alignments if a.verdict == "contradiction")

    def claims_of(self, source_id: str) -> int:
        return sum(1 for c in self.claims if c.source == source_id)


def read_sources(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
                 stdin: Optional[BinaryIO] = None) -> Report:
    """Read every input: documents with their metadata and body, and the inputs skipped."""
    corpus: Corpus = load_corpus(paths, knowledge, language=language, stdin=stdin)
    return Report(documents=list(corpus.documents), skipped=list(corpus.skipped))


def extract(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
            stdin: Optional[BinaryIO] = None, jobs: int = 1) -> Report:
    """Read, then extract the claims of every document."""
    report = read_sources(paths, knowledge, language=language, stdin=stdin)
    report.claims = extract_documents(report.documents, knowledge, jobs=jobs)
    return report


def compare(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
            stdin: Optional[BinaryIO] = None, jobs: int = 1) -> Report:
    """Read, extract, align and judge: the main job."""
    report = extract(paths, knowledge, language=language, stdin=stdin, jobs=jobs)
    report.alignments = judge_alignments(align_claims(report.claims, knowledge), knowledge)
    return report


def extract_documents(documents: list, knowledge: Knowledge, *, jobs: int = 1) -> list:
    """Claims of all documents, in document order, in parallel when worth it."""
    if jobs <= 1 or len(documents) < PARALLEL_MIN_DOCUMENTS:
        return [claim for doc in documents for claim in extract_claims(doc, knowledge)]
    chunk = max(1, len(documents) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(knowledge.config,)) as pool:
        results = pool.map(_extract_in_worker, documents, chunksize=chunk)
        return [claim for claims in results for claim in claims]


_WORKER_KNOWLEDGE: Optional[Knowledge] = None


def _start_worker(config: dict) -> None:
    global _WORKER_KNOWLEDGE
    _WORKER_KNOWLEDGE = Knowledge(config)


def _extract_in_worker(doc) -> list:
    return extract_claims(doc, _WORKER_KNOWLEDGE)
