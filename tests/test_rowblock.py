"""A chunk of analyses on its way back from a pool's worker: packed column by column, it
unpacks to the same analyses, and the mentions table built from the blocks is the one built
from the rows themselves."""

from __future__ import annotations

import pickle

from factcheck.analysis import Analysis, Failure
from factcheck.pipeline import _ColumnBuilder, columns_of
from factcheck.rowblock import BlockRows, pack, unpack

MONEY = {"doc": "a", "kind": "money", "value": 5.0, "currency": "USD", "entities": ["Acme"]}
DATE = {"doc": "a", "kind": "date", "date_start": "2024-01-02", "value": None}  # other keys, another order


def _chunk() -> list[Analysis | Failure]:
    return [Analysis([dict(MONEY), dict(DATE)], "lead a", []),
            Failure("ValueError", "broken"),
            Analysis([], "lead b", []),
            Analysis([{**DATE, "doc": "c"}, {**MONEY, "doc": "c", "extra": 1}], "lead c", [])]


def test_a_packed_chunk_unpacks_to_the_same_analyses_row_keys_and_order_included():
    chunk = _chunk()
    back = unpack(pickle.loads(pickle.dumps(pack(chunk))))
    assert back == chunk
    assert isinstance(back[0].rows, BlockRows) and isinstance(back[1], Failure)
    assert [list(r) for r in back[0].rows] == [list(MONEY), list(DATE)]  # each row's keys, in its order
    assert "extra" not in back[3].rows[0] and back[3].rows[-1]["extra"] == 1
    assert [r["doc"] for r in back[3].rows[0:2]] == ["c", "c"] and len(back[2].rows) == 0


def test_the_table_columns_are_the_same_from_blocks_as_from_the_rows():
    """Some documents analysed here (the warm-up) and the rest by workers, in blocks."""
    here = [Analysis([{**MONEY, "doc": "w"}], "", [])]
    chunks = [_chunk(), _chunk()]
    rows = [r for a in here + chunks[0] + chunks[1] if isinstance(a, Analysis) for r in a.rows]
    built = _ColumnBuilder()
    for a in here + [a for c in chunks for a in unpack(pack(c))]:
        if isinstance(a, Analysis):
            built.add(a.rows)
    got, want = built.columns(), columns_of(rows)
    assert list(got) == list(want)
    for key in want:
        assert got[key].dtype == object and got[key].tolist() == want[key].tolist()
