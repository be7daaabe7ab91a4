"""A crude guard that language knowledge stays in the YAML lexicons, not in Python.

Every module under claims/ is parsed with `ast`; its string literals (docstrings aside; comments are
not in the tree) that hold a word of Arabic-script or Cyrillic letters are counted. A module with
more than a handful of them is keeping a word list that belongs in claims/lexicon/. A word here is
two or more such letters in a row: single letters (the folding table of normalize.py, the consonant
classes of the name skeletons) describe a script, not a language's vocabulary, and a regex range such
as `А-Я` is no word either.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
MAX_WORD_LITERALS = 5
SCRIPT_BLOCKS = re.compile("[\u0400-\u052f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _is_script_letter(ch: str) -> bool:
    return bool(SCRIPT_BLOCKS.match(ch)) and unicodedata.category(ch).startswith("L")


RANGE = re.compile(r".-.", re.DOTALL)  # a character range of a regex class: "А-Я"


def has_word(text: str) -> bool:
    """Whether a string holds two or more Arabic-script or Cyrillic letters in a row (ranges aside)."""
    text = RANGE.sub(" ", text) if "[" in text else text
    return any(_is_script_letter(a) and _is_script_letter(b) for a, b in zip(text, text[1:]))


def _docstrings(tree: ast.AST) -> set:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def word_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal outside docstrings that holds a word of those scripts."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in docs and has_word(node.value))


MODULES = sorted(CLAIMS.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(CLAIMS)) for m in MODULES])
def test_module_keeps_no_word_list(module):
    found = word_literals(module.read_text(encoding="utf-8"))
    assert len(found) <= MAX_WORD_LITERALS, (
        f"{module.relative_to(CLAIMS.parent)} holds {len(found)} string literals with Arabic-script or "
        f"Cyrillic words; move them to claims/lexicon/: {found}")


# ---- the guard itself

def test_guard_counts_words_and_ignores_docstrings_comments_letters_and_ranges():
    source = '''"""وحدة: a docstring with words is fine."""
# تعليق: so is a comment
LETTERS = {"ك": "ک", "ي": "ی"}
RANGE = "[А-Яа-я]"
WORDS = ("نائب", "السابق", "бывший")


def f():
    """دالة"""
    return "من"
'''
    assert word_literals(source) == sorted([(5, "نائب"), (5, "السابق"), (5, "бывший"), (10, "من")])


def test_guard_flags_a_module_with_a_word_list(tmp_path):
    words = ", ".join(f'"{w}"' for w in ("نائب", "مساعد", "معاون", "السابق", "заместитель", "бывший"))
    assert len(word_literals(f"NOT_HOLDER = frozenset([{words}])\n")) == 6 > MAX_WORD_LITERALS
