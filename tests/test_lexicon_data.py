"""The lexicon data the claim extractor stands on: attribution, stance, events, scopes, participants.

Pins three things: every case in tests/cases/<lang>/attribution.yaml relies only on words the
lexicon has (after folding, as the matcher sees them); the claim sections are complete, keyed by
ids common.yaml knows, and free of entries that fold to the same string; and the loader refuses a
broken lexicon or --config with the file, the key and the reason.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claims.errors import ConfigError, LexiconError
from claims.lexicon import LANGUAGE_SCHEMA, Knowledge, load_config, section, validate
from claims.normalize import fold

from conftest import load_cases

LANGUAGES = ("ar", "fa", "en", "tr", "ru")
STANCES = {"asserted", "negated", "denied", "possible", "reported"}
# rule -> the lexicon section it rests on, and the stance it gives (None: any)
RULES = {
    "say": ("attribution.say", None),
    "say_after_quote": ("attribution.say", None),
    "according_to": ("attribution.according_to", None),
    "deny": ("attribution.deny", "denied"),
    "report": ("attribution.report", "reported"),
    "reported_marker": ("stance.reported", "reported"),
    "negation": ("stance.negation", "negated"),
    "possible": ("stance.possible", "possible"),
    "continuation": ("attribution.continuation", None),
    "narrator": ("events", "asserted"),
}
FLAT_LISTS = (("attribution", "say"), ("attribution", "deny"), ("attribution", "according_to"),
              ("attribution", "report"), ("attribution", "continuation"),
              ("stance", "negation"), ("stance", "possible"), ("stance", "reported"),
              ("participants", "counterpart"), ("participants", "between"), ("participants", "with"))
CASES = load_cases("attribution")


def _claim_lists(lex: dict) -> list[tuple[str, list]]:
    """Every list of the claim sections as (dotted path, entries)."""
    lists = [(".".join(path), section(lex, *path)) for path in FLAT_LISTS]
    for keyed in ("events", "scopes"):
        lists += [(f"{keyed}.{key}", nouns) for key, nouns in sorted(section(lex, keyed).items())]
    return lists


def _folded_section(lex: dict, dotted: str) -> set:
    node = section(lex, *dotted.split("."))
    if isinstance(node, dict):  # "events": every noun of every type
        return {fold(x) for nouns in node.values() for x in nouns}
    return {fold(x) for x in node}


# ---- the cases and the lexicon agree ----

def test_every_language_has_attribution_cases():
    assert {case.values[0] for case in CASES} == set(LANGUAGES)
    for lang in LANGUAGES:
        assert sum(case.values[0] == lang for case in CASES) >= 10, lang


@pytest.mark.parametrize("lang,case", CASES)
def test_case_is_well_formed(lang, case):
    expected = case["expected"]
    assert expected["stance"] in STANCES
    assert case["rule"] in RULES, f"unknown rule {case['rule']!r}; known: {sorted(RULES)}"
    speaker = expected["speaker_text"]
    assert speaker is None or speaker in case["text"], "speaker_text must be words of the text"
    assert case.get("focus", case["text"]) in case["text"]
    base, stance = RULES[case["rule"]]
    assert stance is None or expected["stance"] == stance
    if case["rule"] == "narrator":
        assert speaker is None
    assert any(path == base or path.startswith(base + ".") for path in case["lexicon"]), \
        f"a {case['rule']} case must name its {base} entry under lexicon"


@pytest.mark.parametrize("lang,case", CASES)
def test_case_cues_are_in_lexicon_and_text(lang, case, knowledge):
    lex = knowledge.language(lang)
    text = fold(case["text"])
    for path, entries in case["lexicon"].items():
        known = _folded_section(lex, path)
        for entry in entries:
            assert fold(entry) in known, f"{entry!r} is not in {lang}.yaml {path}"
            assert fold(entry) in text, f"{entry!r} is not in the case text"


# ---- the claim sections themselves ----

@pytest.mark.parametrize("lang", LANGUAGES)
def test_flat_lists_are_filled(lang, knowledge):
    lex = knowledge.language(lang)
    empty = [".".join(p) for p in FLAT_LISTS if not section(lex, *p)]
    assert not empty, f"{lang}.yaml has nothing under {empty}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_are_known_types_and_all_covered(lang, knowledge):
    types = set(knowledge.common["event_types"])
    events = set(section(knowledge.language(lang), "events"))
    assert events <= types, f"{lang}.yaml events not in common.yaml event_types: {sorted(events - types)}"
    assert types <= events, f"{lang}.yaml has no nouns for {sorted(types - events)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scopes_are_known_and_all_covered(lang, knowledge):
    scopes = set(knowledge.common["scopes"])
    mine = set(section(knowledge.language(lang), "scopes"))
    assert mine <= scopes, f"{lang}.yaml scopes not in common.yaml scopes: {sorted(mine - scopes)}"
    assert scopes <= mine, f"{lang}.yaml has no words for {sorted(scopes - mine)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_repeats_after_folding(lang, knowledge):
    repeats = []
    for path, entries in _claim_lists(knowledge.language(lang)):
        seen: dict = {}
        for entry in entries:
            if fold(entry) in seen:
                repeats.append(f"{path}: {seen[fold(entry)]!r} / {entry!r}")
            seen[fold(entry)] = entry
    assert not repeats, f"{lang}.yaml entries that fold to the same string: {repeats}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entries_are_trimmed_words(lang, knowledge):
    bad = [(path, e) for path, entries in _claim_lists(knowledge.language(lang)) for e in entries
           if not fold(e) or e != e.strip() or "  " in e]
    assert not bad


def test_arabic_refusal_is_not_denial(knowledge):
    """رفض means "refused" as often as "rejected": a refusal must not read as a denial."""
    assert fold("رفض") not in _folded_section(knowledge.language("ar"), "attribution.deny")


def test_arabic_bare_qad_is_not_a_hedge(knowledge):
    """قد before a past verb means "has" (وقد أكد), so only قد + present is listed."""
    possible = _folded_section(knowledge.language("ar"), "stance.possible")
    assert fold("قد") not in possible and fold("قد يكون") in possible


def test_russian_not_ruled_out_is_a_hedge(knowledge):
    assert fold("не исключено") in _folded_section(knowledge.language("ru"), "stance.possible")


# ---- the loader refuses broken files, naming the file and the key ----

def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsdiff.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message and info.value.file == str(path)
    return message


def test_config_duplicate_key_is_refused(tmp_path):
    path = _config(tmp_path, 'languages:\n  en:\n    attribution:\n'
                             '      say: ["said"]\n      say: ["stated"]\n')
    message = _refusal(path)
    assert "duplicate key 'say'" in message and "line 5" in message


def test_config_unknown_key_is_refused(tmp_path):
    path = _config(tmp_path, 'languages:\n  en:\n    attribution:\n      speak: ["said"]\n')
    message = _refusal(path)
    assert "languages.en.attribution.speak" in message and "unknown key" in message


@pytest.mark.parametrize("leaf", ["yes", "5", "null", "{said: x}"])
def test_config_non_string_leaf_is_refused(tmp_path, leaf):
    path = _config(tmp_path, f'languages:\n  tr:\n    stance:\n      negation: ["değil", {leaf}]\n')
    message = _refusal(path)
    assert "languages.tr.stance.negation" in message and "list of strings" in message


def test_config_non_string_event_noun_is_refused(tmp_path):
    path = _config(tmp_path, 'languages:\n  ru:\n    events:\n      call: ["звонок", 3]\n')
    assert "languages.ru.events.call" in _refusal(path)


def test_config_invalid_yaml_is_refused(tmp_path):
    path = _config(tmp_path, 'languages:\n  en:\n    attribution: {say: ["said"\n')
    message = _refusal(path)
    assert "invalid YAML" in message


def test_config_missing_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.yaml")


def test_builtin_lexicon_shape_errors_name_file_and_key():
    bad = {"attribution": {"say": ["said", True]}}
    with pytest.raises(LexiconError) as info:
        validate(bad, LANGUAGE_SCHEMA, "claims/lexicon/xx.yaml")
    assert info.value.file == "claims/lexicon/xx.yaml" and info.value.key == "attribution.say"


def test_config_merges_over_the_builtin_lexicon(tmp_path):
    path = _config(tmp_path, '\ufefflanguages:\n  en:\n    attribution:\n      say: ["opined"]\n'
                             '  de:\n    attribution:\n      say: ["sagte"]\n')
    knowledge = Knowledge(load_config(path))
    say = section(knowledge.language("en"), "attribution", "say")
    assert "opined" in say and "said" in say
    assert "de" in knowledge.languages
    assert section(knowledge.language("de"), "attribution", "say") == ["sagte"]
    assert "opined" not in section(Knowledge().language("en"), "attribution", "say")
