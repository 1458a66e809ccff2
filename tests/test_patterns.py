"""The project's alternation builder (factcheck/patterns.py): a word list as a prefix tree."""

from __future__ import annotations

import re

from factcheck.patterns import trie


def match(pattern: str, text: str) -> str | None:
    m = re.compile("(?:" + pattern + ")").match(text)
    return m.group(0) if m else None


def test_the_longest_word_matches_where_one_goes_on_past_another():
    p = trie(["in", "innerhalb", "innerhalb von"])
    assert match(p, "innerhalb von drei") == "innerhalb von"
    assert match(p, "innerhalb der Frist") == "innerhalb"
    assert match(p, "in drei Wochen") == "in"


def test_the_shorter_word_is_tried_when_what_follows_fails_after_the_longer():
    p = "(?:" + trie(["ab", "abc"]) + ")c"
    assert match(p, "abc") == "abc"  # "abc" then "c" fails: "ab" then "c"
    assert match(p, "abcc") == "abcc"


def test_a_space_in_a_word_matches_one_to_three_spaces_by_default():
    p = trie(["from now"])
    assert match(p, "from   now") == "from   now"
    assert match(p, "from    now") is None
    assert match(trie(["per cent"], space=r"[ ]"), "per cent") == "per cent"


def test_separators_fold_runs_of_spaces_and_hyphens_into_one_space():
    p = trie(["mid-year"], space=r"[\s-]{1,2}", separators=r"[\s-]")
    assert match(p, "mid year") == "mid year"
    assert match(p, "mid-year") == "mid-year"
    assert match(trie(["mid-year"]), "mid year") is None  # without separators a hyphen is a hyphen


def test_lower_folds_the_words_not_the_text():
    p = trie(["March"], lower=True)
    assert match(p, "march") == "march"
    assert match(p, "March") is None


def test_tokens_stand_for_patterns_of_their_own():
    p = trie(["\x00usd"], tokens={"\x00": r"(?<![^\W\d_])"})
    assert match(p, "usd") == "usd"
    assert re.search("(?:" + p + ")", "xusd") is None


def test_characters_of_regular_expressions_are_literal():
    p = trie(["a.m", "(x)", "3+"])
    assert match(p, "a.m") == "a.m"
    assert match(p, "abm") is None
    assert match(p, "(x)") == "(x)"
    assert match(p, "3+") == "3+"


def test_tails_must_follow_their_word():
    p = trie(["new"], tails={"new": r"(?=\s+year's day)"})
    assert match(p, "new year's day") == "new"
    assert match(p, "new deal") is None


def test_no_words_match_nothing():
    assert trie([]) == ""
    assert re.compile("(?:" + trie(["\x00"]) + ")").search("any text") is None  # a NUL never occurs
