"""Regular expressions built from word lists: the project's one alternation builder.

`trie(words)` is the alternation of literal words as a prefix tree. Python's regex engine
tries an alternation's branches one by one; a tree of shared prefixes makes a failed attempt
cost one character test per level instead of one per word, and it tries the longer word first
wherever one word goes on past another (so the longest word matches, as in a list sorted
longest first). The money and date extractors and the attribution lexicons build their word
patterns with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["trie"]

_END = object()  # a word ends at this node
_TAIL = object()  # what must follow the word that ends here (a look-ahead)


def trie(words: Iterable[str], *, space: str = r"\s{1,3}", separators: str | None = None, lower: bool = False,
         tokens: Mapping[str, str] | None = None, tails: Mapping[str, str] | None = None) -> str:
    """A regex alternation of `words` as a prefix tree, no boundaries added.

    `space`: what a space in a word matches. `separators`: a character class whose runs in a
    word stand for one space (r"[\\s-]": "mid-year" matches "mid year" too); without it every
    character is its own token and a space is one. `lower`: the words lower-cased (for text
    matched lower-cased). `tokens`: characters that stand for a pattern of their own (the
    money extractor's "no letter here"). `tails`: for some words, a pattern that must follow
    them (written after the word, inside the alternation).
    """
    split = re.compile(rf"{separators}+|." if separators else ".", re.S)
    run = re.compile(rf"{separators}+") if separators else None
    root: dict = {}
    for word in set(words) | set(tails or ()):
        node = root
        for tok in split.findall(word.lower() if lower else word):
            if run is not None and run.fullmatch(tok):
                tok = " "
            node = node.setdefault(tok, {})
        node[_END] = True
        if tails and word in tails:
            node[_TAIL] = tails[word]
    return _emit(root, space, tokens or {})


def _emit(node: dict, space: str, tokens: Mapping[str, str]) -> str:
    branches = []
    for tok in sorted(k for k in node if isinstance(k, str)):
        head = space if tok == " " else tokens[tok] if tok in tokens else re.escape(tok)
        branches.append(head + _emit(node[tok], space, tokens))
    tail = node.get(_TAIL)
    if not branches:
        return tail or ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a word ends here: the longer words first, then this one
        return "(?:" + body + ("|" + tail + ")" if tail else ")?")
    return body
