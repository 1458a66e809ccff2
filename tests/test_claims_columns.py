"""The table's columns as the evidence reads them: missing values as None whatever the
column's type, each distinct pair of codes read once, and the pieces read of the table alone
the same wherever and whenever they are built."""

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from factcheck.claims.columns import Columns, distinct_pairs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_missing_date_reads_as_none_in_a_datetime_column_too():
    table = pd.DataFrame({"date_start": pd.to_datetime(["2023-03-01", None]), "actor": ["Acme", None]})
    cols = Columns(table)
    assert cols.obj("date_start")[1] is None
    assert cols.obj("actor")[1] is None
    assert cols.obj("date_start")[0] == pd.Timestamp("2023-03-01")


def test_distinct_pairs_number_pairs_by_first_appearance_and_point_at_the_first():
    a = np.array([3, 1, 3, -1, 1, 3])
    b = np.array([0, 2, 0, 2, 2, 1])
    first, each = distinct_pairs(a, b)
    assert each.tolist() == [0, 1, 0, 2, 1, 3]  # (3,0) (1,2) (3,0) (-1,2) (1,2) (3,1)
    assert first.tolist() == [0, 1, 3, 5]
    assert all((a[first[e]], b[first[e]]) == (x, y) for e, x, y in zip(each, a, b, strict=True))


def test_distinct_pairs_of_nothing_is_nothing():
    first, each = distinct_pairs(np.zeros(0, np.int64), np.zeros(0, np.int64))
    assert len(first) == 0 and len(each) == 0


@pytest.fixture(scope="module")
def seeds():
    """The seeds' annotated table, its candidate pairs and the table's columns."""
    from factcheck.claims import _stories_of
    from factcheck.claims.pairs import candidates
    from factcheck.pipeline import read_corpus
    from factcheck.read import iter_inputs
    from factcheck.ruleset import load_rules

    decision = load_rules().decision
    corpus = read_corpus(iter_inputs([str(SEEDS)]), load_rules())
    table = corpus.mentions
    pairs = candidates(table, _stories_of(table, corpus.docs, decision), decision.pairs)
    assert len(pairs)
    return table, pairs, decision


def _same(a, b) -> bool:
    return pickle.dumps(a) == pickle.dumps(b)


def test_the_pieces_built_before_the_pairs_are_known_are_those_built_after(seeds):
    """`unpaired_pieces` (built beside the pruning) leaves out the pieces that read which rows
    the kept pairs read; with them adopted, `prepare` gives every piece as it would alone."""
    table, pairs, _ = seeds
    used = np.unique(pairs[["i", "j"]].to_numpy())
    early = Columns(table).unpaired_pieces()
    assert "factcheck.claims.columns.row_stages" in early
    assert "factcheck.claims.wording.doc_words" not in early  # (it reads `used`)
    alone = Columns(table).for_rows(used).prepare()
    adopted = Columns(table).for_rows(used).adopt(pickle.loads(pickle.dumps(early))).prepare()
    assert list(alone.memo) and set(alone.memo) == set(adopted.memo)
    assert all(_same(alone.memo[name], adopted.memo[name]) for name in alone.memo)


def test_a_part_of_the_pairs_reads_the_context_features_of_the_whole(seeds):
    table, pairs, decision = seeds
    from factcheck.claims.evidence import prune

    kept, context = prune(table, pairs, decision.pairs.max_link_pairs)
    whole = context.frame()
    at = np.arange(len(kept))[1::2]
    part = context.frame(at)
    assert len(whole) == len(kept) and list(part.index) == at.tolist()
    pd.testing.assert_frame_equal(part, whole.iloc[at])
