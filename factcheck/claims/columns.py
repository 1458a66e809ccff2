"""The mentions table as the claims stage reads it: columns as arrays and integer codes,
converted once (`Columns`), and the pieces of evidence that read the table alone (`per_table`),
built once per table and shared by every part of the pairs."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial, wraps
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from factcheck.claims.pairs import _days

if TYPE_CHECKING:
    from factcheck.parallel import Pending


def float_column(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table.columns:
        return np.full(len(table), np.nan)
    return pd.to_numeric(table[col], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _o(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table.columns:
        return np.full(len(table), None, dtype=object)
    column = table[col]
    if column.dtype.kind in "mM":  # (to_numpy's na_value leaves NaT in a datetime column)
        column = column.astype("object")
        return column.where(column.notna(), None).to_numpy()
    return column.to_numpy(dtype=object, na_value=None)


def object_full(n: int, value: Any) -> np.ndarray:
    """`np.full(n, value, dtype=object)`, filled by one assignment (np.full fills an object
    array ten times slower)."""
    out = np.empty(n, dtype=object)
    out[:] = value
    return out


def runs(values: np.ndarray, start: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The runs `values[start[k]:start[k] + n[k]]` of each k, end to end, and the k of each
    value taken: a slice per row without a loop over rows."""
    rows = np.repeat(np.arange(len(n)), n)
    return rows, values[np.repeat(start - (np.cumsum(n) - n), n) + np.arange(n.sum())]


def distinct_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of two code arrays (-1: missing), the first position of each distinct pair of codes and,
    per position, its pair's number among those (in order of first appearance): what reads a
    pair of codes alone is read once each. (Codes number rows or values, far below 2**31:
    a pair fits one int64.)"""
    width = int(max(a.max(initial=-1), b.max(initial=-1))) + 2
    each = pd.factorize((a.astype(np.int64) + 1) * width + (b + 1))[0]
    # a pair's number is new where it exceeds every number before it
    first = np.flatnonzero(each > np.maximum.accumulate(np.r_[-1, each[:-1]])) if len(each) else each
    return first, each


def _ordinals(table: pd.DataFrame, col: str) -> np.ndarray:
    d = pd.to_datetime(table[col].astype("object"), errors="coerce", format="%Y-%m-%d")
    out = np.full(len(table), -1, dtype=np.int64)
    ok = d.notna().to_numpy()
    if ok.any():
        out[ok] = d[ok].to_numpy().astype("datetime64[D]").astype(np.int64) + 719163
    return out


class RowsUnknown(BaseException):
    """A piece asked for the rows the pairs read (`Columns.used`) of columns built before the
    pairs were known (`Columns.unpaired_pieces`). A BaseException: no piece's own `except
    Exception` may swallow it."""


class Columns:
    """The table's columns as arrays and integer codes, and the pieces of evidence that read
    the table alone (`per_table`), each converted once for all pairs. `score_pairs` prepares
    one for the pairs it keeps before it splits them into parts, which then share it instead of
    each converting the table again. `used`: the rows the pairs read (the pieces that read
    text do so for these rows only; None: all). `drafted`: in a check, the rows of the drafts
    (None: a scan); what recurs in the archive is read without them."""

    def __init__(self, table: pd.DataFrame, used: np.ndarray | None = None,
                 drafted: np.ndarray | None = None) -> None:
        self.table = table
        self._used: np.ndarray | None = np.arange(len(table)) if used is None else used
        self.drafted = drafted
        self._codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._arrays: dict[tuple[str, str], np.ndarray] = {}  # (how read, column) → its array
        self.memo: dict[str, Any] = {}  # the `per_table` pieces

    def for_rows(self, used: np.ndarray) -> Columns:
        """These columns for pairs that read the rows `used`: the converted columns are shared."""
        out = Columns(self.table, used, self.drafted)
        out._codes, out._arrays = self._codes, self._arrays
        return out

    @property
    def used(self) -> np.ndarray:
        if self._used is None:
            raise RowsUnknown
        return self._used

    def prepare(self, start: Callable[[Callable[[], Any]], Pending[dict[str, Any]]] | None = None) -> Columns:
        """Every `per_table` piece built now, so that the parts of the pairs share them; with
        `start` (`ForkMap.start`), the latter half of those not built yet in a process forked
        beside this one."""
        left = [piece for piece in _PIECES if piece.memo_key not in self.memo]  # type: ignore[attr-defined]
        if start is not None and len(left) >= 2:
            theirs = start(partial(self._built, left[len(left) // 2:]))
            try:
                self._built(left[: len(left) // 2])
                self.adopt(theirs.result())
            finally:
                theirs.close()
        for piece in _PIECES:
            piece(self)
        return self

    def _built(self, pieces: list[Callable[[Columns], Any]]) -> dict[str, Any]:
        """`pieces` built, and what they added to the memo (with the pieces they read)."""
        before = set(self.memo)
        for piece in pieces:
            piece(self)
        return {name: value for name, value in self.memo.items() if name not in before}

    def unpaired_pieces(self) -> dict[str, Any]:
        """The `per_table` pieces that need not know which rows the pairs read, built now (while
        another process prunes the pairs): a piece that asks for `used`, or reads a piece that
        does, is left for `prepare` once the pairs are known. Returns the memo (`adopt`)."""
        cols = self.for_rows(np.empty(0, dtype=np.int64))
        cols._used = None
        for piece in _PIECES:
            with suppress(RowsUnknown):
                piece(cols)
        return cols.memo

    def adopt(self, memo: dict[str, Any]) -> Columns:
        """These columns with `per_table` pieces built elsewhere (`unpaired_pieces`, here or in
        a forked process) of the same table and drafts."""
        for name, value in memo.items():
            self.memo.setdefault(name, _frozen(value))
        return self

    def codes(self, col: str) -> tuple[np.ndarray, np.ndarray]:
        """(codes, uniques) of a column; -1 for a missing value."""
        if col not in self._codes:
            if col in self.table.columns and isinstance(self.table[col].dtype, pd.StringDtype):
                codes, uniques = pd.factorize(self.table[col], use_na_sentinel=True)  # no object copy
            elif col in self.table.columns:
                s = self.table[col].astype("object")
                codes, uniques = pd.factorize(s.where(s.notna(), None), use_na_sentinel=True)
            else:
                codes, uniques = np.full(len(self.table), -1, dtype=np.int64), np.empty(0, dtype=object)
            self._codes[col] = _frozen((np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object)))
        return self._codes[col]

    def _array(self, how: str, col: str, read: Any) -> np.ndarray:
        got = self._arrays.get((how, col))
        if got is None:
            got = self._arrays[how, col] = _frozen(read(self.table, col))
        return got

    def flag(self, col: str) -> np.ndarray:
        """A column as booleans, missing as False (all False without the column)."""
        return self._array("flag", col, _flags)

    def obj(self, col: str) -> np.ndarray:
        """A column as objects, missing as None (`_o`)."""
        return self._array("obj", col, _o)

    def num(self, col: str) -> np.ndarray:
        """A column as floats, missing as NaN (`float_column`)."""
        return self._array("num", col, float_column)

    def ordinals(self, col: str) -> np.ndarray:
        """A column of ISO dates as day ordinals, -1 where missing (`_ordinals`)."""
        return self._array("ordinals", col, _ordinals)

    def days(self) -> np.ndarray:
        """Publication day of each row's article (`pairs._days`)."""
        return self._array("days", "doc_date", lambda table, _: _days(table))


def _flags(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table.columns:
        return np.zeros(len(table), dtype=bool)
    s = table[col]
    return s.where(s.notna(), False).astype(bool).to_numpy()


def _frozen(value: Any) -> Any:
    """`value` with its arrays read-only: a shared piece must not be changed by one reader."""
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif isinstance(value, tuple | dict):
        for v in value.values() if isinstance(value, dict) else value:
            _frozen(v)
    return value


_PIECES: list[Callable[[Columns], Any]] = []


def per_table(build: Callable[[Columns], Any]) -> Callable[[Columns], Any]:
    """A piece of evidence that reads the table alone, never the pairs (per row, per headline,
    per article): built once per `Columns` (`Columns.prepare`), whatever the part of the pairs."""
    name = f"{build.__module__}.{build.__qualname__}"  # pieces of several modules in one memo

    @wraps(build)
    def piece(cols: Columns) -> Any:
        got = cols.memo.get(name)
        if got is None:
            got = cols.memo[name] = _frozen(build(cols))
        return got

    piece.memo_key = name  # type: ignore[attr-defined]
    _PIECES.append(piece)
    return piece


@per_table
def row_stages(cols: Columns) -> np.ndarray:
    """Per row, its stage's name ("total", "previous", "initial", "difference"; None unread)."""
    codes, names = cols.codes("stage")
    return np.append(names, None).astype(object)[codes]
