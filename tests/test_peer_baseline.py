"""The peer's test suite, scored on the installed package, never scores lower than its pinned baseline.

The suite is Microsoft Recognizers-Text's public specs (MIT), kept in ../shared/peer/recognizers; the
scorer is ../shared/tools/peerscore.py, run the way issue 8 measures it (--full-stop). No timing here.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "peerscore.py"
BASELINE = Path(__file__).resolve().parent / "peer_baseline.yaml"


@pytest.fixture(scope="module")
def peer_scores(tmp_path_factory):
    if not SCORER.is_file():
        pytest.fail(f"{SCORER} is missing: ../shared must sit beside the clone")
    out = tmp_path_factory.mktemp("peer") / "peer.json"
    venv = Path(sys.prefix)
    subprocess.run([sys.executable, str(SCORER), str(venv), "--full-stop", "--json", str(out)],
                   check=True, capture_output=True, cwd=ROOT, timeout=600)
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    return {f"{s['lang']}-{s['model']}": s for s in summary}


def floors() -> dict:
    return yaml.safe_load(BASELINE.read_text(encoding="utf-8"))["floors"]


@pytest.mark.parametrize("column", sorted(floors()))
def test_peer_column_holds_its_floor(column, peer_scores):
    floor, got = floors()[column], peer_scores[column]
    assert got["found"] >= floor["found"], f"{column}: {got['found']} found < {floor['found']}"
    assert got["spurious"] <= floor["spurious"], f"{column}: {got['spurious']} spurious > {floor['spurious']}"
