"""The parsed built-in lexicons are kept between runs, keyed by their text, and a bad cache only costs time."""
from __future__ import annotations

import pytest

from claims import lexicon


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """A cache folder of the test's own, and no lexicon parsed in this process yet."""
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(tmp_path / "cache"))
    lexicon._load_builtin.cache_clear()
    yield tmp_path / "cache"
    lexicon._load_builtin.cache_clear()


def _parse_forbidden(*_args, **_kwargs):
    raise AssertionError("the YAML was parsed although a cache entry exists")


def test_a_second_run_reads_the_cache_instead_of_the_yaml(fresh, monkeypatch):
    first = lexicon._load_builtin("en.yaml", "language")
    assert [p.name for p in fresh.iterdir()][0].startswith("en-")
    lexicon._load_builtin.cache_clear()
    monkeypatch.setattr(lexicon, "parse_yaml", _parse_forbidden)
    assert lexicon._load_builtin("en.yaml", "language") == first


def test_an_edited_lexicon_is_parsed_again_and_its_old_entry_removed(fresh, monkeypatch):
    lexicon._load_builtin("en.yaml", "language")
    old = {p.name for p in fresh.iterdir()}
    original = lexicon._builtin_text
    monkeypatch.setattr(lexicon, "_builtin_text", lambda name: original(name) + "\n# edited\n")
    lexicon._load_builtin.cache_clear()
    lexicon._load_builtin("en.yaml", "language")
    new = {p.name for p in fresh.iterdir()}
    assert len(new) == 1 and new != old


def test_a_corrupt_cache_entry_is_parsed_again(fresh):
    expected = lexicon._load_builtin("tr.yaml", "language")
    (entry,) = fresh.iterdir()
    entry.write_bytes(b"\x00not marshal")
    lexicon._load_builtin.cache_clear()
    assert lexicon._load_builtin("tr.yaml", "language") == expected


def test_an_unwritable_cache_folder_costs_only_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(blocker / "cache"))
    lexicon._load_builtin.cache_clear()
    try:
        assert lexicon._load_builtin("ru.yaml", "language")["language"] == "ru"
    finally:
        lexicon._load_builtin.cache_clear()


def test_an_empty_setting_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", "")
    assert lexicon.cache_dir() is None


def test_the_default_cache_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon.cache_dir() == tmp_path / "newsdiff"
