"""The command line: exit codes, formats, errors as one line, nothing modified, byte-identical output."""
import json
import os

import pytest
from click.testing import CliRunner

from cli.main import main

AGREE_A = "The talks in Geneva lasted three hours, the foreign ministry said on Monday.\n"
AGREE_B = "Officials said the talks in Geneva lasted three hours.\n"
DISAGREE_B = "Officials said the talks in Geneva lasted five hours.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def test_version_and_help_have_examples():
    assert run("--version").output.startswith("newsdiff ")
    out = run("--help").output
    assert "Examples:" in out and "compare" in out and "Exit status" in out
    for command in ("compare", "claims", "sources"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "--format" in result.output and "Examples:" in result.output


def test_missing_path_exits_2_with_one_line(tmp_path):
    result = CliRunner().invoke(main, ["sources", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [l for l in result.output.splitlines() if l.strip()]
    assert len(lines) == 1 and "nope.txt" in lines[0]


def test_invalid_config_exits_2(tmp_path):
    art = write(tmp_path, "a.txt", AGREE_A)
    bad = write(tmp_path, "bad.yaml", "languages:\n  en:\n    hedges: {about: [1, 2]}\n")
    result = CliRunner().invoke(main, ["claims", art, "--config", bad])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "hedges" in result.output and "Traceback" not in result.output


def test_broken_yaml_config_exits_2(tmp_path):
    art = write(tmp_path, "a.txt", AGREE_A)
    bad = write(tmp_path, "bad.yaml", "languages: [unclosed\n")
    result = CliRunner().invoke(main, ["claims", art, "--config", bad])
    assert result.exit_code == 2 and "invalid YAML" in result.output


def test_binary_and_empty_files_are_skipped_by_name(tmp_path):
    write(tmp_path, "good.txt", AGREE_A)
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["sources", str(tmp_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sources"]] == ["good"]
    assert "blob.txt" in result.stderr and "empty.txt" in result.stderr


def test_strict_fails_on_a_skipped_file(tmp_path):
    write(tmp_path, "good.txt", AGREE_A)
    (tmp_path / "empty.txt").write_bytes(b"")
    assert CliRunner().invoke(main, ["sources", str(tmp_path), "--strict"]).exit_code == 2


def test_agreement_exits_0(tmp_path):
    a = write(tmp_path, "a.txt", AGREE_A)
    b = write(tmp_path, "b.txt", AGREE_B)
    result = CliRunner().invoke(main, ["compare", a, b, "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["summary"]["contradictions"] == 0


def test_contradiction_exits_1_with_a_claim_from_each(tmp_path):
    a = write(tmp_path, "a.txt", AGREE_A)
    b = write(tmp_path, "b.txt", DISAGREE_B)
    result = CliRunner().invoke(main, ["compare", a, b, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = [x for x in data["alignments"] if x["verdict"] == "contradiction"]
    assert found and {c.split("#")[0] for c in found[0]["claims"]} == {"a", "b"}


def test_stdin_is_a_source():
    result = CliRunner().invoke(main, ["sources", "-", "--json"], input=AGREE_A.encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sources"][0]["language"] == "en"


def test_output_file_is_written_and_inputs_untouched(tmp_path):
    a = write(tmp_path, "a.txt", AGREE_A)
    before = (os.stat(a).st_mtime_ns, open(a, "rb").read())
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["claims", a, "--json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["schema"] == "newsdiff/1"
    assert (os.stat(a).st_mtime_ns, open(a, "rb").read()) == before


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "markdown"])
def test_every_format_is_deterministic(tmp_path, fmt):
    a = write(tmp_path, "a.txt", AGREE_A)
    b = write(tmp_path, "b.txt", DISAGREE_B)
    first = CliRunner().invoke(main, ["compare", a, b, "--all", "--format", fmt, "--no-color"])
    second = CliRunner().invoke(main, ["compare", a, b, "--all", "--format", fmt, "--no-color"])
    assert first.stdout == second.stdout and first.stdout


def test_markup_and_control_sequences_print_literally(tmp_path):
    a = write(tmp_path, "a.txt", "Officials said the talks [bold]in\x1b[31m Geneva[/bold] lasted three hours.\n")
    b = write(tmp_path, "b.txt", DISAGREE_B)
    for fmt in ("table", "markdown"):
        result = CliRunner().invoke(main, ["compare", a, b, "--format", fmt])
        assert result.exit_code == 1
        assert "\x1b" not in result.stdout
        assert "[bold]in Geneva[/bold]" in result.stdout


def test_jsonl_lines_each_carry_the_schema(tmp_path):
    a = write(tmp_path, "a.txt", AGREE_A)
    result = CliRunner().invoke(main, ["claims", a, "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["schema"] == "newsdiff/1" for r in rows)


def test_arabic_against_english_contradiction(tmp_path):
    ar = write(tmp_path, "ar.txt", "قال مسؤولون إن 30 شخصا على الأقل قتلوا في زلزال ضرب شرق تركيا يوم الثلاثاء.\n")
    en = write(tmp_path, "en.txt", "The earthquake that struck eastern Turkey on Tuesday killed 12 people, officials said.\n")
    result = CliRunner().invoke(main, ["compare", ar, en, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = [x for x in data["alignments"] if x["verdict"] == "contradiction"]
    assert found and found[0]["slot"] == "earthquake/count:killed"
    assert {c.split("#")[0] for c in found[0]["claims"]} == {"ar", "en"}


def test_arabic_and_english_that_agree_exit_0(tmp_path):
    ar = write(tmp_path, "ar.txt", "قال مسؤولون إن 12 شخصا قتلوا في زلزال ضرب شرق تركيا.\n")
    en = write(tmp_path, "en.txt", "The earthquake that struck eastern Turkey killed 12 people, officials said.\n")
    result = CliRunner().invoke(main, ["compare", ar, en, "--json", "--all"])
    assert result.exit_code == 0
    verdicts = [x["verdict"] for x in json.loads(result.stdout)["alignments"]]
    assert verdicts == ["agreement"]


def test_unknown_language_code_exits_2(tmp_path):
    a = write(tmp_path, "a.txt", AGREE_A)
    result = CliRunner().invoke(main, ["claims", a, "--lang", "zz"])
    assert result.exit_code == 2 and "zz" in result.output and "Traceback" not in result.output


def test_one_article_the_extractor_fails_on_does_not_stop_the_run(tmp_path, monkeypatch):
    import claims.pipeline as pipeline
    real = pipeline.extract_article

    def flaky(doc, knowledge, placed=None):
        if doc.id == "bad":
            raise RuntimeError("boom")
        return real(doc, knowledge, placed=placed)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    write(tmp_path, "bad.txt", AGREE_A)
    write(tmp_path, "good.txt", AGREE_B)
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert {c["source"] for c in json.loads(result.stdout)["claims"]} == {"good"}
    assert "bad.txt" in result.stderr and "boom" in result.stderr
