"""The language data of the date extractor: one file per language with the same keys, and the
words of each language read where a reading depends on the document's language."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from factcheck.extract.dates import find_dates
from factcheck.extract.dates import words as date_words

DATA = Path(date_words.__file__).resolve().parents[2] / "data"
PUB = dt.date(2013, 2, 12)


def _load(name: str) -> dict:
    return tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))


def _paths(node: dict, prefix: str = "") -> set[str]:
    """The key paths of a data file; a table of words (months, holidays ...) counts as one key."""
    out = set()
    for key, value in node.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and path not in date_words.WORD_TABLES:
            out |= _paths(value, path + ".") or {path}
        else:
            out.add(path)
    return out


def test_the_language_files_have_the_same_keys():
    en, de = _paths(_load("dates_en")), _paths(_load("dates_de"))
    assert en == de, f"only English: {sorted(en - de)}; only German: {sorted(de - en)}"


def test_every_word_table_the_extractor_reads_is_in_both_language_files():
    for lang in ("en", "de"):
        data = _load(f"dates_{lang}")
        for path in date_words.WORD_TABLES:
            node = data
            for key in path.split("."):
                assert key in node, f"dates_{lang}.toml has no [{path}]"
                node = node[key]
            assert isinstance(node, dict)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_word_table_holds_no_word_twice_in_different_case(lang):
    for path in date_words.WORD_TABLES:
        table = date_words.table(path, lang)
        raw = _load(f"dates_{lang}")
        for key in path.split("."):
            raw = raw[key]
        assert len(table) == len(raw), f"dates_{lang}.toml [{path}] has a word twice"


def test_a_weekday_is_read_in_the_language_it_belongs_to():
    # the weekday names come from the language's own file (not from how a word ends)
    assert [(s.start, s.end) for s in find_dates("Das stand am Sonntag in der Zeitung.", "de", PUB)] == [(13, 20)]
    assert find_dates("Das stand in der Independent on Sunday.", "de", PUB) == []
    assert [(s.start, s.end) for s in find_dates("It ran on Sunday.", "en", PUB)] == [(10, 16)]


def test_the_days_relative_to_today_are_read_in_their_language_only():
    assert find_dates("Das meldete USA Today.", "de", PUB) == []
    today = find_dates("He said today that sales rose.", "en", PUB)
    assert [(s.date_start, s.granularity) for s in today] == [(PUB, "day")]
