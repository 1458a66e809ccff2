"""The shapes an amount's error takes (a digit run moved, one digit changed, the same round
number in two currencies, a table line's variant), and which amounts are prices of goods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd
from rapidfuzz.distance import Levenshtein

from factcheck.claims.columns import Columns, distinct_pairs, object_full, per_table
from factcheck.claims.wording import headline_words, wide_words
from factcheck.datafiles import load
from factcheck.words import (
    content_words,
    row_sign_words,
    row_variant,
)


@cache
def _goods_bits() -> dict[str, int]:
    """Each good's word stems (factcheck/data/goods.toml) → the good's bit."""
    goods = load("goods")["goods"]
    if len(goods) > 62:
        raise ValueError("goods.toml: at most 62 goods")
    return {stem: 1 << n for n, words in enumerate(goods.values()) for stem in content_words(" ".join(words))}


@cache
def _price_units() -> tuple[frozenset[str], frozenset[str]]:
    units = load("goods")["units"]
    return frozenset(units["quantity"]), frozenset(units["share_prices"])


@per_table
def price_rows(cols: Columns) -> np.ndarray:
    """Per row, whether it is a price (factcheck/data/goods.toml [units]): a rate per a quantity,
    a share's price or a bid per share, or an amount of a named good's sentence (or headline)
    with no rate and no magnitude word ("gold was fixed at 419.80 dlrs"; "1.9 billion dlrs" of
    an oil company is a total)."""
    goods = goods_named(cols)
    quantities, share_prices = _price_units()
    per, pers = cols.codes("per")
    metric, metrics = cols.codes("metric")
    unit = np.append(np.array([p in quantities for p in pers], dtype=bool), False)
    share = np.append(np.array([p == "share" for p in pers], dtype=bool), False)
    priced_metric = np.append(np.array([m in share_prices for m in metrics], dtype=bool), False)
    mag, _ = cols.codes("magnitude")
    return unit[per] | (share[per] & priced_metric[metric]) | ((goods != 0) & (per < 0) & (mag < 0))


@per_table
def goods_named(cols: Columns) -> np.ndarray:
    """Per row, the goods its sentence names (its context words), else its headline's: a bit
    each. Read for the rows `used` only (0 elsewhere)."""
    title, _ = cols.codes("title")
    head_words = headline_words(cols)[0]
    bits = _goods_bits()
    stems = bits.keys()

    def mask(words: Sequence[str]) -> int:
        m = 0
        for w in stems & set(words):  # (a word's bit counts once however often it is written)
            m |= bits[w]
        return m

    ctx, ctxs = cols.codes("context")
    by_ctx = np.zeros(len(ctxs) + 1, dtype=np.int64)
    wanted = np.unique(ctx[cols.used])
    wanted = wanted[wanted >= 0]
    by_ctx[wanted] = [mask(wide_words(c)) for c in ctxs[wanted]]
    by_title = np.append(np.array([mask(w) for w in head_words], dtype=np.int64), 0)
    own = by_ctx[ctx]
    return np.where(own != 0, own, by_title[title])


_SIG_DIGITS = 12  # significant digits compared (a float holds about 15)


def mantissas(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each positive value's significant digits (a row of `_SIG_DIGITS`, zeros after the last),
    how many there are, and its power of ten. Each distinct value is read once: pairs repeat a
    few thousand figures."""
    uniq, inv = np.unique(np.asarray(values, dtype=np.float64), return_inverse=True)
    digits = np.zeros((len(uniq), _SIG_DIGITS), dtype=np.int8)
    length = np.zeros(len(uniq), dtype=np.int64)
    power = np.zeros(len(uniq), dtype=np.int64)
    ok = np.flatnonzero((uniq > 0) & np.isfinite(uniq))
    if len(ok):
        # "4.56800000000e+06": the digits at fixed places before the "e", read for all at once
        text = np.array([f"{v:.{_SIG_DIGITS - 1}e}" for v in uniq[ok].tolist()])
        chars = text.view(np.uint32).reshape(len(text), -1).astype(np.int64) - ord("0")
        run = np.concatenate([chars[:, :1], chars[:, 2:_SIG_DIGITS + 1]], axis=1)
        digits[ok] = run
        length[ok] = _SIG_DIGITS - np.argmax(run[:, ::-1] != 0, axis=1)  # up to the last digit not 0
        power[ok] = [int(t[_SIG_DIGITS + 2:]) for t in text.tolist()]
    inv = inv.ravel()
    return digits[inv], length[inv], power[inv]


NEAR = 0.03  # amounts this close that still differ after rounding: a misreading, not another fact
OFFSET = 0.05  # every figure of a measure this far apart, one way: two ways of counting it


@per_table
def row_variants(cols: Columns) -> np.ndarray:
    """Per table row, the words before its figure that set it apart from other rows of its
    label ("Qtly div Class A 27-1/2 cts": "class class a"); "" for prose and plain rows."""
    table = cols.table
    out = object_full(len(table), "")
    at = np.flatnonzero(cols.flag("table"))
    if len(at) and {"sentence", "start", "sent_start"} <= set(table.columns):
        sent = table["sentence"].to_numpy()
        cut = pd.to_numeric(table["start"], errors="coerce").to_numpy() - pd.to_numeric(
            table["sent_start"], errors="coerce").to_numpy()
        variants: dict[str, str] = {}  # each label once: a re-issued table repeats its rows
        for k in at.tolist():
            text = str(sent[k] or "")
            end = int(cut[k]) if cut[k] == cut[k] and 0 <= cut[k] <= len(text) else len(text)
            label = text[:end]
            if label not in variants:
                variants[label] = row_variant(label)
            out[k] = variants[label]
    return out


@per_table
def row_names(cols: Columns) -> np.ndarray:
    """Per table row, the line its label names, in content words without the words of its sign
    or variant: "Revs" and "Revenues" are one line, "Sales" another (a company reporting both
    prints both), "Net profit" and "Net loss" one; "" for prose and rows with no label."""
    label, labels = cols.codes("row_label")
    names = np.array([" ".join(sorted(set(content_words(str(x))) - row_sign_words())) for x in labels]
                     + [""], dtype=object)  # each label once; index -1: no label
    return np.where(cols.flag("table"), names[label], "")


def digit_run(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How improbable it is that two differing amounts share their digits by chance: the
    significant digits they share when one is the other a power of ten apart, or with one digit
    changed, or two neighbouring ones swapped, at the same scale (a typing slip): a third for each
    beyond the first, 1 from four.
    Two unrelated amounts rarely share three digits or more; round ones share one often. And
    whether the two differ in one significant digit at one scale ($5.7 / $5.6 billion, $5 / $7
    billion, 4,568,000 / 4,538,000; or two neighbours swapped, $84,000 / $48,000): a mistyped or
    misread digit, the shape of an error; and
    whether both of those have a single significant digit, where it is no sign at all ($5 / $7
    billion, 80 / 50 mln: any two such amounts of one scale differ in one digit)."""
    if len(i) == 0:
        return np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    digits, length, power = _value_digits(cols)
    len_a, len_b = length[i], length[j]
    same_power = power[i] == power[j]
    da, db = digits[i], digits[j]
    unequal = da != db
    differ = unequal.sum(axis=1)
    # two neighbouring digits swapped ($84,000 / $48,000, 1.23 / 1.32, 84,000 / 80,400): a typing
    # slip as common as one digit changed, and read as one (the digit rows are padded with zeros,
    # so a swapped trailing zero compares in place)
    at = np.flatnonzero((differ == 2) & same_power)
    if len(at):
        k = unequal[at].argmax(axis=1)
        nxt = np.minimum(k + 1, unequal.shape[1] - 1)
        swap = (unequal[at, nxt] & (da[at, k] == db[at, nxt]) & (da[at, nxt] == db[at, k]))
        differ = differ.copy()
        differ[at[swap]] = 1
    longest = np.maximum(len_a, len_b)
    shared = np.where(differ == 0, longest, np.where((differ == 1) & same_power, longest - 1, 0))
    stated = (len_a > 0) & (len_b > 0)
    shared = np.where(stated, shared, 0)
    one_digit = stated & (differ == 1) & same_power
    single = one_digit & (longest < 2)
    return np.clip((shared - 1) / 3.0, 0.0, 1.0), one_digit, single


@per_table
def _value_digits(cols: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's value's significant digits, their number and its power of ten (`mantissas`)."""
    return mantissas(cols.num("value"))


def significant_digits(cols: Columns) -> np.ndarray:
    """Per row, how many significant digits its value has (0 for none or a date's)."""
    return _value_digits(cols)[1]


@per_table
def text_forms(cols: Columns) -> np.ndarray:
    """Per row, the code of its figure's words, case and spacing aside (-1: none)."""
    text, texts = cols.codes("text")
    return np.append(pd.factorize(pd.Series([" ".join(str(t).lower().split()) for t in texts],
                                            dtype="object"))[0], -1)[text]


def round_same(number: np.ndarray, i: np.ndarray, j: np.ndarray, same: np.ndarray) -> np.ndarray:
    """1 where two amounts of one number in two currencies (`same`) write it with one
    significant digit ("10,000", "100 mln", "5,000"): such numbers coincide by chance across
    unrelated stories, so the currency slip says little."""
    a = number[i]
    with np.errstate(divide="ignore", invalid="ignore"):
        power = np.where(a > 0, 10.0 ** np.floor(np.log10(np.where(a > 0, a, 1.0))), 1.0)
        lead = a / power
    one_digit = (a > 0) & (np.abs(lead - np.round(lead)) < 1e-9)
    return (same & one_digit & (number[i] == number[j])).astype(np.float64)


_DATE_SLIP_UNITS = 3  # a date this many of its units off is one slip ("2012" / "2015", "May 12" / "May 14")
_MONTHS = {"month": 1, "quarter": 3, "half": 6}  # the grains counted in months
_CALENDAR_GRAINS = frozenset({"day", *_MONTHS, "year", "decade"})  # judged by their fields


def dates_shaped(cols: Columns, i: np.ndarray, j: np.ndarray, live: np.ndarray) -> np.ndarray:
    """Per `live` pair of dates, whether one slip tells them apart, as a changed digit or a few
    units tell two amounts apart: one field of the date moved (the year a few years or one
    digit off, the month alone, the day a few days off or one digit changed, added or dropped)
    or the date a few of its units off across a month's or year's end ("December 2007" /
    "January 2008"); a span's first and last units each so; two grains compared by their
    years. True also where the dates are read, not written (a weekday, "last year": our
    reading carries a guess) or there is nothing to compare. A year we guessed is left out.
    1977 against 2007, or March 3 against May 18, is no slip of one date but two dates."""
    out = np.ones(len(i), dtype=bool)
    at = np.flatnonzero(live)
    if not len(at):
        return out
    start, end, gran = cols.obj("date_start"), cols.obj("date_end"), cols.obj("granularity")
    read, guessed = cols.flag("resolved"), cols.flag("guessed")
    # each distinct pair of (start, end, granularity, read or guessed) read once
    rows = np.unique(np.concatenate([i[at], j[at]]))
    key = np.full(len(start), -1, dtype=np.int64)
    key[rows] = pd.factorize(pd.Series(list(zip(start[rows], end[rows], gran[rows], read[rows] | guessed[rows] * 2,
                                                strict=True)), dtype="object"))[0]
    first, each = distinct_pairs(key[i[at]], key[j[at]])
    verdict = np.array([_one_slip(int(a), int(b), start, end, gran, read, guessed)
                        for a, b in zip(i[at][first], j[at][first], strict=True)], dtype=bool)
    out[at] = verdict[each]
    return out


def _one_slip(a: int, b: int, start: np.ndarray, end: np.ndarray, gran: np.ndarray, read: np.ndarray,
              guessed: np.ndarray) -> bool:
    """`dates_shaped` for rows `a` and `b`: their first units, and their last ones (a span)."""
    if read[a] or read[b] or gran[a] not in _CALENDAR_GRAINS or gran[b] not in _CALENDAR_GRAINS:
        return True
    try:
        sa, sb = dt.date.fromisoformat(start[a]), dt.date.fromisoformat(start[b])
        la, lb = _last_unit(dt.date.fromisoformat(end[a]), gran[a]), _last_unit(dt.date.fromisoformat(end[b]), gran[b])
    except (TypeError, ValueError):
        return True
    years = not (guessed[a] or guessed[b])
    if gran[a] != gran[b]:  # "since 2007" / "in March 1977": compared by their years
        return not years or "decade" in (gran[a], gran[b]) or _slip_of(sa.replace(month=1, day=1),
                                                                        sb.replace(month=1, day=1), True, "year")
    return _slip_of(sa, sb, years, gran[a]) and _slip_of(la, lb, years, gran[a])


def _last_unit(end: dt.date, gran: str) -> dt.date:
    """The first day of a date's last unit, from its (exclusive) end."""
    if gran == "day":
        return end - dt.timedelta(days=1)
    if gran in _MONTHS:
        months = end.year * 12 + end.month - 1 - _MONTHS[gran]
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(end.year - (10 if gran == "decade" else 1), 1, 1)


def _slip_of(x: dt.date, y: dt.date, years: bool, gran: str) -> bool:
    """Whether two dates (the first days of units of `gran`) differ by one slip's shape."""
    if not years:
        y = y.replace(year=x.year) if not (y.month == 2 and y.day == 29) else y.replace(year=x.year, day=28)
    moved = [name for name, p, q in (("year", x.year, y.year), ("month", x.month, y.month), ("day", x.day, y.day))
             if p != q]
    if not moved:
        return True
    if moved == ["month"]:
        return True  # another month's word, the rest the same
    if moved == ["year"]:
        if gran == "decade":
            return abs(x.year - y.year) <= 10
        return abs(x.year - y.year) <= _DATE_SLIP_UNITS or Levenshtein.distance(str(x.year), str(y.year)) == 1
    if moved == ["day"] and Levenshtein.distance(str(x.day), str(y.day)) == 1:
        return True  # one digit changed, added or dropped: "May 3" / "May 30", "Dec 21" / "Dec 31"
    # a few units apart, across a month's or a year's end as well ("March 31" / "April 1")
    if gran == "day":
        units = abs((x - y).days)
    elif gran in _MONTHS:
        units = abs((x.year * 12 + x.month) - (y.year * 12 + y.month)) // _MONTHS[gran]
    else:
        units = abs(x.year - y.year) // (10 if gran == "decade" else 1)
    return units <= _DATE_SLIP_UNITS
