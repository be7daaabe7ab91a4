"""The lexicon template documents the schema: every key of LANGUAGE_SCHEMA, every key a file uses.

Also pins that every built-in language file loads, keys its mappings by ids that common.yaml or the
date grammar know, and writes "#" only where a key gives it a meaning.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claims.dates import HIJRI_KEYS, MONTH_KEYS, RELATIVE_DAYS, SOLAR_KEYS, WEEKDAY_KEYS
from claims.lexicon import HEDGES, LANGUAGE_SCHEMA, _builtin_text, builtin_languages, parse_yaml, validate

TEMPLATE = Path(__file__).resolve().parent.parent / "claims" / "lexicon" / "TEMPLATE.md"
CALENDARS = ("gregorian", "solar_hijri", "hijri")
PLACEHOLDER_KEYS = ("dates.calendar_markers", "times.oclock", "titles.not_holder", "measure.age_markers",
                    "measure.interval_markers")


def _dotted(schema: dict, prefix: str = "") -> list[str]:
    """Every key of a schema as a dotted path, sections and leaves."""
    keys = []
    for key, shape in schema.items():
        path = f"{prefix}.{key}" if prefix else key
        keys.append(path)
        if isinstance(shape, dict):
            keys += _dotted(shape, path)
    return keys


def _used(data: dict, schema: dict, prefix: str = "") -> list[str]:
    """The dotted keys a lexicon file uses, down to the schema's leaves (not the ids inside a mapping)."""
    keys = []
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        keys.append(path)
        if isinstance(schema.get(key), dict) and isinstance(value, dict):
            keys += _used(value, schema[key], path)
    return keys


def _file(code: str) -> dict:
    file = f"claims/lexicon/{code}.yaml"
    data = parse_yaml(_builtin_text(f"{code}.yaml"), file) or {}
    validate(data, LANGUAGE_SCHEMA, file)
    return data


@pytest.fixture(scope="module")
def template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def _leaf_paths(schema: dict, prefix: str = "") -> list[str]:
    return [p for p in _dotted(schema, prefix) if not isinstance(_node(schema, p), dict)]


def _node(schema: dict, dotted: str):
    node = schema
    for part in dotted.split("."):
        node = node[part]
    return node


@pytest.mark.parametrize("key", _leaf_paths(LANGUAGE_SCHEMA))
def test_schema_key_is_documented(template, key):
    assert f"`{key}`" in template, f"TEMPLATE.md does not document `{key}`"


def test_template_documents_no_key_the_schema_lacks(template):
    table = template[template.index("## Keys"):template.index("### Furniture reasons")]
    rows = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| `")]
    stray = [row for row in rows if row.strip("`") not in _dotted(LANGUAGE_SCHEMA)]
    assert rows and not stray, f"TEMPLATE.md documents keys the schema does not have: {stray}"


@pytest.mark.parametrize("code", builtin_languages())
def test_language_file_uses_only_documented_keys(template, code):
    used = _used(_file(code), LANGUAGE_SCHEMA)
    undocumented = [k for k in used if f"`{k}`" not in template and not isinstance(_node(LANGUAGE_SCHEMA, k), dict)]
    assert not undocumented, f"{code}.yaml uses keys TEMPLATE.md does not document: {undocumented}"


@pytest.mark.parametrize("code", builtin_languages())
def test_furniture_reasons_are_documented(template, code):
    reasons = sorted(_file(code).get("furniture") or {})
    undocumented = [r for r in reasons if f"| `{r}` |" not in template]
    assert not undocumented, f"{code}.yaml furniture reasons TEMPLATE.md does not list: {undocumented}"


@pytest.mark.parametrize("code", builtin_languages())
def test_mapping_ids_are_known(knowledge, code):
    data = _file(code)
    common = knowledge.common
    known = {
        ("units",): set(common["units"]),
        ("dual_units",): set(common["units"]) | set(common["count_kinds"]),
        ("hedges",): set(HEDGES),
        ("hedges_after",): set(HEDGES),
        ("count_nouns",): set(common["count_kinds"]),
        ("times", "zones"): set(common["zones"]),
        ("dates", "months"): set(MONTH_KEYS),
        ("dates", "weekdays"): set(WEEKDAY_KEYS),
        ("dates", "relative"): set(RELATIVE_DAYS),
        ("dates", "solar_hijri_months"): set(SOLAR_KEYS),
        ("dates", "hijri_months"): set(HIJRI_KEYS),
        ("dates", "calendar_markers"): set(CALENDARS),
    }
    unknown = {}
    for path, ids in known.items():
        node = data
        for part in path:
            node = node.get(part) or {}
        stray = sorted(set(node) - ids)
        if stray:
            unknown[".".join(path)] = stray
    assert not unknown, f"{code}.yaml keys its mappings by unknown ids: {unknown}"


@pytest.mark.parametrize("code", builtin_languages())
def test_placeholder_only_where_it_means_something(code):
    data = _file(code)
    wrong = []
    for path in _leaf_paths(LANGUAGE_SCHEMA):
        node = data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            continue
        phrases = [x for v in node.values() for x in (v if isinstance(v, list) else [v])] \
            if isinstance(node, dict) else node if isinstance(node, list) else [node]
        for phrase in phrases:
            if "#" in phrase and (path not in PLACEHOLDER_KEYS or phrase.count("#") > 1):
                wrong.append((path, phrase))
    assert not wrong, f"{code}.yaml uses '#' where it means nothing (or twice): {wrong}"


def test_every_placeholder_key_is_documented_as_such(template):
    section = template[template.index('## The "#" placeholder'):template.index("## Keys")]
    for key in PLACEHOLDER_KEYS:
        assert f"`{key}`" in section
