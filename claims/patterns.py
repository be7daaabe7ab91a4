"""Compiling lexicon phrases into fast regular expressions.

A list of phrases becomes one trie-shaped alternation (`phrase_regex`): the engine walks it
character by character instead of trying hundreds of alternatives at every position, it prefers
the longest phrase, and it cannot backtrack further than the longest phrase is long.
"""
from __future__ import annotations

import re


def phrase_regex(phrases) -> str:
    """A regex source matching any of `phrases` (already folded), longest first."""
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node_regex(trie) if trie else r"(?!x)x"


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body
