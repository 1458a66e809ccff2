"""The mentions table: one row per mention, the columns of INTERFACES.md first."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

CONTRACT_COLUMNS = [
    "doc", "kind", "start", "end", "text", "lang", "sentence", "value", "low", "high",
    "currency", "qualifier", "per", "date_start", "date_end", "granularity",
]
# How a money figure's currency was read and what it is tied to (factcheck/extract/currency.py):
#   currency_source  stated, story, dateline, exchange, locale or default
#   currency_family  the currencies the unit word allows when it names none ("dollar", "franc";
#                    "any" for a bare table figure); null when stated
#   converts         `start` of the same amount stated in another currency ("$8bn (£6.3bn)")
#   row_label        the earnings-table row label as written ("Net", "Oper shr")
MONEY_CONTEXT_COLUMNS = ["currency_source", "currency_family", "converts", "row_label"]
EXTRA_COLUMNS = [
    "line", "col", "number", "magnitude", "exact", "precision", "resolved", "guessed", "actor",
    "entities", "metric", "family", "stage", "period", "horizon", "correction", "change", "table",
    "objects", "places", "subject", "title", "figures", "doc_date", "masked", "context", "numbers", "claim",
    "revised", "story", "actor_known", "item", *MONEY_CONTEXT_COLUMNS,
]
_FLOATS = ["value", "low", "high", "number", "precision"]
_CATEGORIES = ["kind", "lang", "currency", "qualifier", "per", "granularity", "metric",
               "family", "stage", "period", "item", "currency_source", "currency_family"]


def mentions_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts) to the typed table; unknown extra keys are dropped."""
    cols = CONTRACT_COLUMNS + EXTRA_COLUMNS
    df = pd.DataFrame.from_records(rows, columns=[*cols, "sent_start", "sent_end"])
    for c in _FLOATS:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    for c in ("start", "end", "line", "col"):
        df[c] = df[c].astype("int64")
    df["converts"] = df["converts"].astype("Int64")  # an offset, or null
    return df


def categorise(df: pd.DataFrame) -> pd.DataFrame:
    """Categorical dtypes for the repeated strings: a large table shrinks several-fold."""
    out = df.copy()
    for c in _CATEGORIES:
        out[c] = out[c].astype("category")
    return out


def clean(value: Any) -> Any:
    """A JSON-ready scalar: NaN and pandas NA become None, numpy numbers plain Python."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str)):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    return value


def records(df: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows as plain dicts (JSON-ready), in table order."""
    cols = columns or [c for c in CONTRACT_COLUMNS + EXTRA_COLUMNS if c in df.columns]
    if not cols:
        return [{} for _ in range(len(df))]
    # column by column (`tolist` gives the Python scalars `to_dict` gives), then zipped into rows
    values = [_plain(df[c]) for c in cols]
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


def _plain(s: pd.Series) -> list[Any]:
    """A column's values as `clean` makes them (lists kept): typed columns converted whole,
    only object columns value by value."""
    dtype = s.dtype
    if isinstance(dtype, pd.StringDtype | pd.Int64Dtype):  # str or int, missing as None
        return s.to_numpy(dtype=object, na_value=None).tolist()
    if dtype == "float64":
        values = s.to_numpy()
        out = values.astype(object)
        out[np.isnan(values)] = None
        return out.tolist()
    if dtype == "int64" or dtype == "bool":
        return s.tolist()
    return [v if isinstance(v, list) else clean(v) for v in s.tolist()]
