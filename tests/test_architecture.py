"""The library stands on its own: no CLI imports, a public API, one module per stage."""
import ast
from pathlib import Path

import claims

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["read", "clean", "normalize", "detect", "segment", "figures", "dates", "entities", "extract",
          "align", "judge", "pipeline", "lexicon"]


def imported_modules(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_library_never_imports_click_rich_or_cli():
    for path in (ROOT / "claims").glob("*.py"):
        assert not imported_modules(path) & {"click", "rich", "cli"}, path.name


def test_every_stage_has_its_module():
    for stage in STAGES:
        assert (ROOT / "claims" / f"{stage}.py").is_file(), stage


def test_public_api_is_listed():
    for name in claims.__all__:
        assert hasattr(claims, name), name


def test_no_sys_exit_in_the_library():
    for path in (ROOT / "claims").glob("*.py"):
        assert "sys.exit" not in path.read_text(encoding="utf-8"), path.name


def test_yaml_is_only_safe_loaded():
    for path in list((ROOT / "claims").glob("*.py")) + list((ROOT / "cli").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "yaml.load(" not in text or "_UniqueKeyLoader" in text, path.name
        assert "yaml.unsafe_load" not in text and "FullLoader" not in text, path.name
