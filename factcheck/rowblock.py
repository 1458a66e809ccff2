"""A chunk of per-document analyses packed for its way back from a worker process.

A worker returns the rows of all the documents of its chunk column by column (`RowBlock`)
instead of a dict of some fifty keys per row: unpickling those dicts, and building the
table's columns from them again, cost the main process about 3 s of the three corpora's scan,
in the stretch where the workers need both cores. The main process takes the table's columns
from the blocks as they are (`pipeline._ColumnBuilder`); a document's rows are made dicts again
only where they are read one by one (the store, a check's drafts), with the keys each had.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import Any, overload

import numpy as np

from factcheck.analysis import Analysis, Failure


class RowBlock:
    """Rows as columns (object arrays; None where a row lacks the key), with each row's keys
    in its order (`shapes`, one per distinct key tuple) to make it a dict again exactly."""

    __slots__ = ("columns", "shape_of", "shapes")

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        index: dict[tuple[str, ...], int] = {}
        self.shape_of = [index.setdefault(shape, len(index)) for shape in map(tuple, rows)]
        self.shapes = list(index)
        keys = dict.fromkeys(k for shape in self.shapes for k in shape)
        n = len(rows)
        self.columns = {k: np.fromiter(map(dict.get, rows, repeat(k)), dtype=object, count=n) for k in keys}

    def row(self, r: int) -> dict[str, Any]:
        return {k: self.columns[k][r] for k in self.shapes[self.shape_of[r]]}

    def columns_of(self, lo: int, hi: int) -> dict[str, np.ndarray]:
        """The rows lo..hi as columns (`pipeline.columns_of` of them, up to keys none of them has,
        which are all None)."""
        return {k: col[lo:hi] for k, col in self.columns.items()}


class BlockRows(Sequence[dict[str, Any]]):
    """One document's rows: the rows lo..hi of a block, made dicts when read one by one."""

    __slots__ = ("block", "hi", "lo")

    def __init__(self, block: RowBlock, lo: int, hi: int) -> None:
        self.block, self.lo, self.hi = block, lo, hi

    def __len__(self) -> int:
        return self.hi - self.lo

    @overload
    def __getitem__(self, k: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, k: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, k: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(k, slice):
            return [self.block.row(self.lo + r) for r in range(len(self))[k]]
        return self.block.row(self.lo + range(len(self))[k])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self.block.row, range(self.lo, self.hi))

    def __eq__(self, other: object) -> bool:
        """Equal to a list (or other rows) of equal dicts, as the analysis' own list was."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # (as a list's)


Packed = tuple[list[Any], RowBlock]


def pack(results: list[Analysis | Failure]) -> Packed:
    """A chunk's analyses for their way back: each one's row count, lead and regions (a Failure
    as it is), and all their rows in one block."""
    rows = [r for a in results if isinstance(a, Analysis) for r in a.rows]
    heads = [(len(a.rows), a.lead, a.regions) if isinstance(a, Analysis) else a for a in results]
    return heads, RowBlock(rows)


def unpack(packed: Packed) -> list[Analysis | Failure]:
    """The chunk's analyses again, their rows read from the block (`BlockRows`)."""
    heads, block = packed
    out: list[Analysis | Failure] = []
    lo = 0
    for head in heads:
        if isinstance(head, Failure):
            out.append(head)
            continue
        n, lead, regions = head
        out.append(Analysis(BlockRows(block, lo, lo + n), lead, regions))  # type: ignore[arg-type]
        lo += n
    return out
