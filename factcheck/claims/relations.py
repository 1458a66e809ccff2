"""How two figures' values relate, vectorised over pairs: agree, value_conflict,
magnitude_slip, scale_mismatch, currency_mismatch, date_conflict, date_precision, incomparable
(the rules of `kinds`, read column-wise)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns, distinct_pairs, float_column, object_full, per_table
from factcheck.kinds import BOUND_SIDE, coarser, currencies_apart, currencies_incomparable, ranges_differ, unit_days

RELATIONS = ("agree", "value_conflict", "magnitude_slip", "scale_mismatch", "currency_mismatch",
             "date_conflict", "date_precision", "incomparable")


_BARE = re.compile(r"\d[\d.,]*")  # digits alone, as a table prints them

CONFLICTS = frozenset({"value_conflict", "magnitude_slip", "scale_mismatch", "currency_mismatch",
                       "date_conflict"})


@dataclass(frozen=True)
class RelationParams:
    rel_tolerance: float = 0.0  # relative slack on top of the rounding of the stated digits
    slip_orders: float = 2.5  # same digits this far apart: a magnitude slip
    scale_orders: float = 2.0  # this far apart: a scale mismatch
    currency_rel_diff: float = 0.02  # the same number in two stated currencies

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> RelationParams:
        return cls(**{k: float(table[k]) for k in cls.__dataclass_fields__ if k in table})


def units(table: pd.DataFrame) -> np.ndarray:
    """Each money row's unit of its last stated digit, in currency units (`kinds.unit_of`)."""
    number, value = float_column(table, "number"), float_column(table, "value")
    out = np.zeros(len(table))
    ok = ~np.isnan(number) & ~np.isnan(value) & (number != 0)
    if not ok.any():
        return out
    x = number[ok]
    exp = np.full(len(x), -9.0)  # -9: no stated digit found (then the unit is about zero)
    for k in range(12, -9, -1):  # the largest power of ten the stated number is a multiple of
        q = x / 10.0**k
        hit = (exp == -9.0) & (np.round(q) != 0) & (np.abs(q - np.round(q)) <= 1e-9 * np.maximum(1.0, np.abs(q)))
        exp[hit] = k
    small = (np.abs(x) < 1000) & (x == np.round(x))  # "100 dlrs", "10 million": digits, not rounding
    exp[small] = 0
    out[ok] = 10.0**exp * np.abs(value[ok] / x)
    return out


def _interval(lo: np.ndarray, hi: np.ndarray, v: np.ndarray, unit: np.ndarray, truncates: np.ndarray,
              rel_tol: float) -> tuple[np.ndarray, np.ndarray]:
    """`kinds.money_interval`, vectorised."""
    base = np.abs(np.where(np.isnan(v), np.where(np.isnan(lo), hi, lo), v))
    hair = unit * 1e-6
    down = unit / 2 + rel_tol * np.nan_to_num(base) - hair
    up = np.where(truncates, unit, unit / 2) + rel_tol * np.nan_to_num(base) - hair
    return np.where(np.isnan(lo), -np.inf, lo - down), np.where(np.isnan(hi), np.inf, hi + up)


def relations(table: pd.DataFrame, i: np.ndarray, j: np.ndarray, params: RelationParams,
              cols: Columns | None = None) -> np.ndarray:
    """The value relation of each pair (names from RELATIONS), vectorised over pairs."""
    cols = cols or Columns(table)
    row = _relation_rows(cols)
    out = object_full(len(i), "agree")
    is_money = row["money"][i]
    # -- money
    value = cols.num("value")
    va, vb = value[i], value[j]
    cur = cols.obj("currency")
    ca, cb = cur[i], cur[j]
    has_cur = row["has_currency"]
    both_cur = has_cur[i] & has_cur[j]
    diff_cur = both_cur & (ca != cb)
    words_apart = np.zeros(len(i), dtype=bool)  # apart by the amounts' own words: only these mismatch
    at = np.flatnonzero(diff_cur & is_money)
    # apart only as the articles' words say (`currencies_incomparable`: a bare amount counts the
    # currency its article wrote earlier), each distinct pair of readings once
    if len(at):
        said, readings = row["said"], row["readings"]
        sa, sb = said[i[at]], said[j[at]]
        first, pair = distinct_pairs(sa, sb)
        both = [(readings[a], readings[b]) for a, b in zip(sa[first].tolist(), sb[first].tolist(), strict=True)]
        apart = np.array([currencies_apart(*x, *y) for x, y in both], dtype=bool)
        incomparable = np.array([currencies_incomparable(*x, *y) for x, y in both], dtype=bool)
        words_apart[at] = apart[pair]
        diff_cur[at] = incomparable[pair]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(va - vb) / np.maximum(np.maximum(np.abs(va), np.abs(vb)), 1e-9)
        pos = (va > 0) & (vb > 0)
        orders = np.where(pos, np.abs(np.log10(np.where(pos, va / vb, 1.0))), 0.0)
    m = is_money & diff_cur
    cm = m & words_apart & (rel <= params.currency_rel_diff)  # the same number in two currencies
    out[cm] = "currency_mismatch"
    out[m & ~cm] = "incomparable"  # no FX conversion; a currency read from context is no claim
    live = is_money & ~diff_cur & pos
    num = cols.num("number")
    mag_code = row["magnitude"]
    same_digits = (num[i] == num[j]) & (mag_code[i] != mag_code[j])
    slip = live & same_digits & (orders >= params.slip_orders)
    out[slip] = "magnitude_slip"
    scale = live & ~slip & (orders >= params.scale_orders)
    out[scale] = "scale_mismatch"
    # a figure written as digits alone to which our reading carried its row's subunit ("Shr
    # profit 38 cts vs loss 1.95" read as 1.95 cts) is, read in the main unit, the other's
    # value ("loss 1.95 dlrs"): the same number written, the hundredfold only that reading's
    subunit, written = row["subunit"], row["written"]
    carried = live & ((subunit[i] & (np.round(written[i], 9) == np.round(vb, 9)))
                      | (subunit[j] & (np.round(written[j], 9) == np.round(va, 9))))
    out[carried] = "agree"
    slip &= ~carried
    scale &= ~carried
    rest = np.flatnonzero(live & ~slip & ~scale & ~carried)
    out[rest[_values_apart(cols, row, i[rest], j[rest], params)]] = "value_conflict"
    dates = np.flatnonzero(~is_money)
    out[dates] = _date_relations(row, i[dates], j[dates], cols)
    return out


def _date_relations(row: dict[str, Any], i: np.ndarray, j: np.ndarray, cols: Columns) -> np.ndarray:
    """The relation of each pair of dates: agree, date_conflict or date_precision."""
    out = object_full(len(i), "agree")
    start, end = cols.ordinals("date_start"), cols.ordinals("date_end")
    sa, ea = start[i], end[i]
    sb, eb = start[j], end[j]
    same = (sa == sb) & (ea == eb)
    # "April Nine" read in the publication year vs "April 9, 1997": the year was our guess
    g, gran_code, day_or_month, suffix = row["guessed"], row["granularity"], row["day_or_month"], row["suffix"]
    year_only = (g[i] != g[j]) & (gran_code[i] == gran_code[j]) & day_or_month[i] & (suffix[i] == suffix[j])
    disjoint = (ea <= sb) | (eb <= sa)
    nested = ((sa <= sb) & (eb <= ea)) | ((sb <= sa) & (ea <= eb))
    if nested.any():  # two stated ranges, one inside the other, disagree
        unit = row["unit_days"]
        with np.errstate(invalid="ignore"):
            nested &= ~ranges_differ(ea - sa, unit[i], eb - sb, unit[j])
    d = ~same & ~year_only
    out[d & disjoint] = "date_conflict"
    out[d & ~disjoint & nested] = "date_precision"
    out[d & ~disjoint & ~nested] = "date_conflict"
    return out


def _values_apart(cols: Columns, row: dict[str, Any], i: np.ndarray, j: np.ndarray, params: RelationParams
                  ) -> np.ndarray:
    """Of pairs of amounts in one currency, those whose values cannot be one (their intervals,
    `kinds.money_interval`, do not meet, or they state differing bounds on one side)."""
    value, lo, hi = cols.num("value"), cols.num("low"), cols.num("high")
    unit = row["unit"]
    ua, ub = unit[i], unit[j]
    # prose may truncate ("$43 million" for $43.9 million); a table rounds, never truncates
    tab = cols.flag("table")
    la, ha = _interval(lo[i], hi[i], value[i], ua, coarser(ua, ub) & ~tab[i], params.rel_tolerance)
    lb, hb = _interval(lo[j], hi[j], value[j], ub, coarser(ub, ua) & ~tab[j], params.rel_tolerance)
    apart = (ha < lb) | (hb < la)
    # two bounds on one side state the bound itself ("a maximum of 374 mln", "a maximum of 375
    # mln"; "at least $10,000", "more than $1,000": the word is the writer's choice): they
    # disagree when the bounds do, though either could hold the truth
    side = row["side"][row["qualifier"]]
    same_bound = (side[i] == side[j]) & (side[i] > 0)
    if same_bound.any():
        upper = np.isnan(lo[i]) & np.isnan(lo[j])
        ba, bb = np.where(upper, hi[i], lo[i]), np.where(upper, hi[j], lo[j])
        la, ha = _interval(ba, ba, ba, ua, np.zeros(len(i), dtype=bool), params.rel_tolerance)
        lb, hb = _interval(bb, bb, bb, ub, np.zeros(len(i), dtype=bool), params.rel_tolerance)
        apart |= same_bound & ((ha < lb) | (hb < la))
    return apart


@per_table
def grain_days(cols: Columns) -> np.ndarray:
    """Per row, the days of its date's granularity (`kinds.unit_days`; NaN for amounts)."""
    gran, grans = cols.codes("granularity")
    return np.array([unit_days(g) for g in grans] + [unit_days(None)], dtype=np.float64)[gran]


def _subunit_carried(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """Per row, whether an amount is written as digits alone ("1.95") and read as a hundredth of
    that (0.0195 dlrs: its row's cents carried to it), and the number as written (NaN for
    another form; German digits read with German separators). Each distinct text is read once."""
    code, texts = cols.codes("text")
    text = pd.Series(texts, dtype="object").str.strip()
    bare = text.str.fullmatch(_BARE).fillna(False).to_numpy(dtype=bool)
    as_de, as_en = np.full(len(texts) + 1, np.nan), np.full(len(texts) + 1, np.nan)  # index -1: no text
    at = np.flatnonzero(bare)
    if len(at):
        digits = text.iloc[at]
        as_de[at] = pd.to_numeric(digits.str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
                                  errors="coerce").to_numpy(float)
        as_en[at] = pd.to_numeric(digits.str.replace(",", "", regex=False), errors="coerce").to_numpy(float)
    written = np.where(cols.obj("lang") == "de", as_de[code], as_en[code])
    with np.errstate(invalid="ignore"):
        subunit = ~np.isnan(written) & (np.round(cols.num("value"), 9) == np.round(written / 100, 9))
    return subunit, written


def _blank_codes(cols: Columns, col: str) -> tuple[np.ndarray, np.ndarray]:
    """`Columns.codes` of a column with its empty values ("") read as missing too (-1)."""
    code, uniques = cols.codes(col)
    blank = np.append(np.array([not u for u in uniques], dtype=bool), True)
    return np.where(blank[code], -1, code), uniques


def _readings(cols: Columns) -> tuple[np.ndarray, list[tuple[Any, Any, Any]]]:
    """Per row, the number of its (currency, its source, its family), numbered in the order they
    first occur; and those readings."""
    names = ("currency", "currency_source", "currency_family")
    key = np.zeros(len(cols.table), dtype=np.int64)
    for name in names:  # one number per combination of the three codes (-1 each: missing)
        code, uniques = cols.codes(name)
        key = key * (len(uniques) + 1) + code + 1
    said = pd.factorize(key)[0].astype(np.int64)
    first = np.unique(said, return_index=True)[1]  # the row where each reading first occurs
    readings = list(zip(*(cols.obj(name)[first] for name in names), strict=True))
    return said, readings


@per_table
def _relation_rows(cols: Columns) -> dict[str, Any]:
    """Per row, what `relations` compares of two figures, each read once for all pairs (the text
    columns from their codes: each distinct value once)."""
    said, readings = _readings(cols)
    qual, quals = _blank_codes(cols, "qualifier")
    gran, grans = _blank_codes(cols, "granularity")
    start, starts = cols.codes("date_start")
    suffix = pd.factorize(pd.Series([(d or "")[5:] for d in starts] + [""], dtype="object"))[0]
    return {
        "money": cols.obj("kind") == "money",
        **dict(zip(("subunit", "written"), _subunit_carried(cols), strict=True)),
        "has_currency": cols.codes("currency")[0] >= 0,
        "said": said, "readings": readings,
        "magnitude": _blank_codes(cols, "magnitude")[0],
        "unit": units(cols.table),
        # per qualifier code, the side it bounds: 0 none, 1 low, 2 high (-1, no qualifier: none)
        "qualifier": qual, "side": np.append([{"low": 1, "high": 2}.get(BOUND_SIDE.get(q, ""), 0) for q in quals],
                                             0).astype(np.int64),
        "guessed": cols.flag("guessed"),
        "granularity": gran,
        "day_or_month": np.append(np.array([g in ("day", "month") for g in grans], dtype=bool), False)[gran],
        "suffix": suffix[start],
        "unit_days": grain_days(cols),
    }
