"""Language of a document: English or German, from what it declares or from its words.

Only `en` and `de` exist downstream (the extractors know those two), so anything else
a source declares is treated as "not declared" and the text decides.
"""

from __future__ import annotations

import re

from factcheck.datafiles import load

LANGS = ("en", "de")
DEFAULT_LANG = "en"


def _load_stopwords() -> dict[str, frozenset[str]]:
    data = load("lang")
    return {lang: frozenset(data[lang]["stopwords"].split()) for lang in LANGS}


_STOPWORDS = _load_stopwords()
_EN_WORDS = _STOPWORDS["en"]
_DE_WORDS = _STOPWORDS["de"]
_ALIASES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "englisch": "en",
    "de": "de",
    "deu": "de",
    "ger": "de",
    "german": "de",
    "deutsch": "de",
}
_WORD = re.compile(r"[a-zäöüß]+")
_UMLAUT_WEIGHT = 0.5  # a word with ä/ö/ü/ß is weak evidence of German (names: Müller)
_SAMPLE = 20_000  # characters; plenty to tell two languages apart, and keeps it fast


def normalize_lang(value: object) -> str | None:
    """Map a declared language ("de-DE", "English", "deu") to `en`/`de`, else None."""
    if not isinstance(value, str):
        return None
    primary = value.strip().lower().replace("_", "-").split("-")[0]
    return _ALIASES.get(primary)


def detect_lang(text: str) -> str:
    """Guess `en` or `de` from stopword counts; ties and word-less text give `en`."""
    en = de = 0.0
    for word in _WORD.findall(text[:_SAMPLE].lower()):
        if word in _EN_WORDS:
            en += 1
        elif word in _DE_WORDS:
            de += 1
        elif any(ch in word for ch in "äöüß"):
            de += _UMLAUT_WEIGHT
    return "de" if de > en else DEFAULT_LANG


def resolve_lang(text: str, *, override: str | None = None, declared: object = None) -> str:
    """The document's language: the caller's override, else what the source declares,
    else detection from the text."""
    return normalize_lang(override) or normalize_lang(declared) or detect_lang(text)
