"""Words as the claims stage compares them: lower-cased content words, function words left out."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]{3,}")


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("factcheck").joinpath("data/words.toml").read_text("utf-8"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_data()["stopwords"].split())


@cache
def _forms() -> dict[str, str]:
    return dict(_data().get("abbreviations", {}))


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content, lower-cased and folded, in order ("Pelosi has
    led House Democrats since" → pelosi, led, house, democrat)."""
    stop = stopwords()
    forms = _forms()
    out = []
    for w in _WORD.findall(text.lower()):
        if w in stop:
            continue
        w = forms.get(w, w)
        if len(w) > 4 and w[-1] == "s" and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.append(w)
    return out


@cache
def generic_names() -> frozenset[str]:
    return frozenset(content_words(_data().get("generic_names", {}).get("words", "")))  # folded alike


def name_overlap(a: str, b: str) -> float:
    """How far two names name one thing: the share of the shorter name's distinctive words
    (generic ones such as "bank" or "corp" left out) found in the other; 1 for equal names."""
    if a == b:
        return 1.0
    generic = generic_names()
    wa = {w for w in content_words(a) if w not in generic}
    wb = {w for w in content_words(b) if w not in generic}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(_data().get("not_names", {}).get("words", "").split())


def is_name(name: str) -> bool:
    """Does a claimant string name something? Not when all its words are wire shorthand or
    months ("APR", "QTR SHR") or carry digits ("May8")."""
    words = [w.lower() for w in _NAME_WORD.findall(name)]
    return any(w.isalpha() and w not in _not_names() for w in words)


_NAME_WORD = re.compile(r"[^\W_]+")
