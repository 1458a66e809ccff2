"""Helpers for tests that read the claims engine's candidate pairs and their features."""

from __future__ import annotations

from typing import Any

import pandas as pd

from factcheck.claims import annotate, score_pairs
from factcheck.pipeline import documents_from_records, read_corpus
from factcheck.ruleset import load_rules


def scored_pairs(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions table of `records` and every candidate pair of it, scored with its features."""
    rules = load_rules()
    corpus = read_corpus(documents_from_records(records), rules)
    table = annotate(corpus.mentions, corpus.docs, rules.decision).reset_index(drop=True)
    return table, score_pairs(table, corpus.docs, rules.decision)


def pair_of(table: pd.DataFrame, scored: pd.DataFrame, a: str, b: str) -> Any:
    """The scored pair of the figures written `a` and `b`."""
    text = table["text"].to_numpy()
    for _, p in scored.iterrows():
        if {text[int(p["i"])], text[int(p["j"])]} == {a, b}:
            return p
    raise AssertionError(f"no candidate pair {a} / {b}")
