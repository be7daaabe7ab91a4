"""The five real seed articles: the seed scorecard passes at every stage, and runs are byte-identical."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "seedscore.py"


@pytest.fixture(scope="module")
def compare_output(seeds_dir):
    result = CliRunner().invoke(main, ["compare", str(seeds_dir), "--format", "json"])
    return result


def score(output: str, stage: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCORER), "--stage", stage, "-"], input=output,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("stage", ["read", "extract", "compare"])
def test_seedscore_passes(compare_output, stage):
    result = score(compare_output.stdout, stage)
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert result.returncode == 0, "\n".join(failures)


def test_sources_command_passes_read_stage(seeds_dir):
    result = CliRunner().invoke(main, ["sources", str(seeds_dir), "--format", "json"])
    assert score(result.stdout, "read").returncode == 0


def test_compare_exits_1_on_the_seeds(compare_output):
    assert compare_output.exit_code == 1


def test_two_runs_are_byte_identical(seeds_dir, compare_output):
    again = CliRunner().invoke(main, ["compare", str(seeds_dir), "--format", "json"])
    assert again.stdout == compare_output.stdout


def test_parallel_run_gives_the_same_bytes(seeds_dir, compare_output):
    again = CliRunner().invoke(main, ["compare", str(seeds_dir), "--format", "json", "--jobs", "2"])
    assert again.stdout == compare_output.stdout


def test_gold_languages_and_dates(seeds_dir, seed_gold, compare_output):
    sources = {s["id"]: s for s in json.loads(compare_output.stdout)["sources"]}
    for sid, meta in seed_gold["sources"].items():
        assert sources[sid]["language"] == meta["language"]
        assert sources[sid]["published"] == (str(meta["published"]) if meta.get("published") else None)
