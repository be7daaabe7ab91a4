"""Parallel reading and extraction give exactly what one process gives: same documents, ids, order, claims."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claims.pipeline import PARALLEL_MIN_DOCUMENTS, extract_documents, read_sources

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough files to go parallel: the examples three times (the same stems in three folders), a bad file."""
    root = tmp_path_factory.mktemp("parallel")
    for folder in ("a", "b", "c"):
        (root / folder).mkdir()
        for source in sorted(EXAMPLES.glob("0*")):
            shutil.copy(source, root / folder / source.name)
    (root / "a" / "binary.txt").write_bytes(b"\x00\x01\x02" * 400)
    assert sum(1 for _ in root.rglob("*.*")) > PARALLEL_MIN_DOCUMENTS
    return root


@pytest.fixture(scope="module")
def serial(corpus, knowledge):
    return read_sources([str(corpus)], knowledge, jobs=1)


def test_parallel_reading_gives_the_same_documents_in_the_same_order(corpus, knowledge, serial):
    parallel = read_sources([str(corpus)], knowledge, jobs=2)
    assert [d.id for d in parallel.documents] == [d.id for d in serial.documents]
    assert len({d.id for d in serial.documents}) == len(serial.documents)  # duplicate stems made unique
    assert parallel.documents == serial.documents
    assert parallel.skipped == serial.skipped and serial.skipped


def test_parallel_extraction_gives_the_same_claims(knowledge, serial):
    one = extract_documents(serial.documents, knowledge)  # first, so the workers inherit its compiled patterns
    assert extract_documents(serial.documents, knowledge, jobs=2) == one


def test_the_whole_run_with_its_undated_pages_read_again_is_the_same_in_parallel(corpus, knowledge, tmp_path):
    from claims.pipeline import extract

    shutil.copytree(corpus, tmp_path / "run")
    for page in (tmp_path / "run").rglob("*.md"):  # a page with no date, placed by the others of its story
        page.write_text("".join(line for line in page.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("published:")), encoding="utf-8")
    one = extract([str(tmp_path / "run")], knowledge, jobs=1)
    assert any(d.published is None for d in one.documents)
    assert extract([str(tmp_path / "run")], knowledge, jobs=2).claims == one.claims


def test_jobs_0_means_one_process_per_core(monkeypatch):
    from claims.workers import worker_count

    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert worker_count(0) == 6 and worker_count(3) == 3 and worker_count(1) == 1


def test_a_dask_cluster_gives_the_same_bytes_as_one_process_and_a_local_pool(corpus):
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from cli.main import main

    def run(*options):
        result = CliRunner().invoke(main, ["compare", str(corpus), "--format", "json", *options])
        assert result.exit_code in (0, 1), result.output
        return result.stdout

    one = run("--jobs", "1")
    assert run("--dask", "local") == one
    assert run("--jobs", "2") == one


def test_a_dask_address_that_is_no_scheduler_is_one_line_and_exit_2(corpus):
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from cli.main import main

    result = CliRunner().invoke(main, ["compare", str(corpus), "--dask", "nonsense://nowhere"])
    assert result.exit_code == 2
    assert result.stderr.startswith("newsdiff: error: cannot reach the dask scheduler at nonsense://nowhere")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
