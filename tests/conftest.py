"""Shared fixtures: the built-in knowledge, the seed articles, and data-driven cases."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import yaml

from claims.lexicon import Knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CASES = Path(__file__).resolve().parent / "cases"
EXAMPLES = ROOT / "examples"

# the suite keeps its parsed lexicons apart from the user's own cache (the CLI it starts inherits this)
os.environ.setdefault("NEWSDIFF_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"newsdiff-tests-{os.getuid()}"))


def load_cases(feature: str) -> list:
    """Every case of one feature, from tests/cases/<lang>/<feature>.yaml, as pytest params."""
    params = []
    for file in sorted(CASES.glob(f"*/{feature}.yaml")):
        lang = file.parent.name
        for case in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            params.append(pytest.param(lang, case, id=f"{lang}-{case['id']}", marks=marks))
    return params


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return Knowledge()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (CI always has them; .ci/run fails without them)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold(seeds_dir) -> dict:
    return yaml.safe_load((seeds_dir / "gold.yaml").read_text(encoding="utf-8"))
