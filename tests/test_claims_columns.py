"""The table's columns as the evidence reads them: missing values as None whatever the
column's type, and each distinct pair of codes read once."""

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns, distinct_pairs


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
