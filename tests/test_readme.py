"""The README tells the truth: its examples are the current output, and it gives two set-up commands."""
import json
import re
from pathlib import Path

from click.testing import CliRunner

from cli.main import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_block(command: str) -> str:
    match = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", README, re.S)
    assert match, f"no console block for {command!r} in README.md"
    return match.group(1)


def test_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in setup.splitlines() if line.startswith("    ")]
    assert len(commands) == 2
    assert "newsdiff compare examples/" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].split("&&")[-1].strip() in ci


def test_compare_example_is_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["compare", "examples/", "--no-color"])
    assert result.exit_code == 1
    assert console_block("newsdiff compare examples/") == result.stdout


def test_jq_example_is_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["compare", "examples/", "--json"])
    data = json.loads(result.stdout)
    lines = [f"{a['slot']}: {a['reason']}" for a in data["alignments"] if a["verdict"] == "contradiction"]
    block = [b for b in re.findall(r"```console\n\$ (newsdiff compare examples/ --json \| jq.*?)\n(.*?)```", README, re.S)]
    assert block, "no jq example in README.md"
    assert block[0][1].splitlines() == lines


def test_config_example_is_valid(tmp_path):
    from claims.lexicon import Knowledge, load_config

    block = re.search(r"```yaml\n(.*?)```", README, re.S)
    assert block, "no --config example in README.md"
    path = tmp_path / "config.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    knowledge = Knowledge(load_config(path))
    assert "quipped" in knowledge.language("en")["attribution"]["say"]
    assert "jane-roe" in knowledge.entities
