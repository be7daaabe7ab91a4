"""The whole job, stage after stage: read -> extract -> align -> judge.

One function per command of the CLI: `read_sources` (what was read), `extract` (claims) and
`compare` (alignments with verdicts). Extraction runs per document, in parallel with `jobs` > 1;
the result does not depend on the number of jobs.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import partial
from typing import BinaryIO, Optional

from .align import align_claims
from .extract import extract_article
from .judge import judge_alignments
from .errors import NewsdiffError
from .lexicon import Knowledge
from .model import Article, Corpus, Document, SourceReport
from .names import link_names
from .story import place_undated, tell_stories
from .read import expand_paths, load_corpus, read_source, unique_id
from .workers import Workers, worker_knowledge

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


def read_sources(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
                 stdin: Optional[BinaryIO] = None, jobs: int = 1, dask: Optional[str] = None,
                 workers: Optional[Workers] = None) -> Report:
    """Read every input: documents with their metadata and body, and the inputs skipped."""
    check_language(language, knowledge)
    if workers is None:
        with Workers(knowledge, jobs, dask) as own:
            return read_sources(paths, knowledge, language=language, stdin=stdin, workers=own)
    files = list(expand_paths(paths)) if workers.parallel and "-" not in paths else []
    if len(files) < PARALLEL_MIN_DOCUMENTS:
        corpus: Corpus = load_corpus(paths, knowledge, language=language, stdin=stdin)
        return Report(documents=list(corpus.documents), skipped=list(corpus.skipped))
    return _read_in_parallel(files, knowledge, language, workers)


def _read_in_parallel(files: list, knowledge: Knowledge, language: Optional[str], workers: Workers) -> Report:
    """What load_corpus gives (same order, same ids), each file read and cleaned in a worker."""
    paths = [f for f in files if not isinstance(f, SourceReport)]
    read = partial(_read_in_worker, max_bytes=int(knowledge.setting("max_file_bytes", 20e6)), language=language)
    report = Report()
    ids: set = set()
    first = list(read_source(paths[0], knowledge, max_bytes=read.keywords["max_bytes"], language=language))
    # read here before the workers fork: they inherit the language detector and the cleaner's patterns
    results = itertools.chain([first], workers.map(read, paths[1:]))
    for entry in files:
        for item in [entry] if isinstance(entry, SourceReport) else next(results):
            if isinstance(item, Document):
                item.id = unique_id(item.id, ids)  # in file order, as load_corpus numbers them
                report.documents.append(item)
            else:
                report.skipped.append(item)
    return report


def check_language(code: Optional[str], knowledge: Knowledge) -> None:
    """A --lang code must name a language newsdiff has a lexicon for or CLDR knows (ISO 639-1)."""
    if code is None or code in knowledge.languages:
        return
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        raise NewsdiffError(f"unknown language code {code!r}: give an ISO 639-1 code such as ar, fa, en, tr, ru") \
            from None


def extract(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
            stdin: Optional[BinaryIO] = None, jobs: int = 1, dask: Optional[str] = None) -> Report:
    """Read, then extract the claims of every document."""
    with Workers(knowledge, jobs, dask) as workers:
        report = read_sources(paths, knowledge, language=language, stdin=stdin, workers=workers)
        articles = extract_documents(report.documents, knowledge, workers=workers, failures=report.skipped)
        report.claims = tell_stories(link_articles(articles), knowledge)
        placed = place_undated(articles, report.claims)
        if placed:  # pages without a date read again from the day their story gives them
            again = [(doc, placed[doc.id]) for doc, article in zip(report.documents, articles)
                     if article.claims and doc.id in placed]
            redone = {a.source: a for a, error in _extract_all(again, knowledge, workers) if error is None}
            articles = [redone.get(a.source, a) for a in articles]  # one that fails is kept as first read
            report.claims = tell_stories(link_articles(articles), knowledge)
    return report


def compare(paths: list[str], knowledge: Knowledge, *, language: Optional[str] = None,
            stdin: Optional[BinaryIO] = None, jobs: int = 1, dask: Optional[str] = None) -> Report:
    """Read, extract, align and judge: the main job."""
    report = extract(paths, knowledge, language=language, stdin=stdin, jobs=jobs, dask=dask)
    report.alignments = judge_alignments(align_claims(report.claims, knowledge), knowledge)
    return report


def link_articles(articles: list[Article]) -> list[Article]:
    """The articles with one id for every spelling of a person in no lexicon, across the run."""
    linked = iter(link_names([c for a in articles for c in a.claims]))
    return [replace(a, claims=tuple(next(linked) for _ in a.claims)) for a in articles]


def extract_documents(documents: list, knowledge: Knowledge, *, jobs: int = 1,
                      failures: Optional[list] = None, workers: Optional[Workers] = None) -> list[Article]:
    """The extracted article of every document, in document order, in parallel when worth it.

    A document the extractor fails on is reported in `failures` (when given) and the run goes on.
    """
    if workers is None:
        with Workers(knowledge, jobs) as own:
            return extract_documents(documents, knowledge, failures=failures, workers=own)
    results = _extract_all([(doc, None) for doc in documents], knowledge, workers)
    articles = []
    for doc, (article, error) in zip(documents, results):
        if error is not None:
            if failures is None:
                raise NewsdiffError(f"{doc.path}: {error}")
            failures.append(SourceReport(doc.path, ok=False, message=f"{error}; its claims are left out"))
        articles.append(article)
    return articles


def _extract_all(work: list, knowledge: Knowledge, workers: Workers) -> list:
    """What _claims_of gives for every (document, placed day), in order, in parallel when worth it. The
    first document of each language is extracted here before the workers fork, so they inherit that
    language's compiled lexicon instead of each compiling it again."""
    if not workers.parallel or len(work) < PARALLEL_MIN_DOCUMENTS:
        return [_claims_of(doc, knowledge, day) for doc, day in work]
    first_of_language: dict = {}
    for i, (doc, _day) in enumerate(work):
        first_of_language.setdefault(doc.language, i)
    done = {i: _claims_of(work[i][0], knowledge, work[i][1]) for i in sorted(first_of_language.values())}
    extracted = workers.map(_extract_in_worker, [item for i, item in enumerate(work) if i not in done])
    return [done[i] if i in done else next(extracted) for i in range(len(work))]


def _claims_of(doc, knowledge: Knowledge, placed: Optional[str] = None) -> tuple[Article, Optional[str]]:
    try:
        return extract_article(doc, knowledge, placed=placed), None
    except Exception as exc:  # noqa: BLE001 - one article the extractor cannot take must not end the run
        empty = Article(source=doc.id, published=doc.published, main=None, claims=())
        return empty, f"could not be analysed ({exc.__class__.__name__}: {exc})"


def _read_in_worker(path: str, *, max_bytes: int, language: Optional[str]) -> list:
    return list(read_source(path, worker_knowledge(), max_bytes=max_bytes, language=language))


def _extract_in_worker(item: tuple) -> tuple[Article, Optional[str]]:
    doc, placed = item
    return _claims_of(doc, worker_knowledge(), placed)
