"""Evidence: named features of each candidate pair, and how the two figures' values relate.

Every feature is a number in [0, 1] with a name the decision weights (`rules/decision.toml`)
and every finding's explanation use. Computed column-wise over all pairs at once: a pair costs
a few array operations, not a Python loop.

Value relations (the `relation` column) are those of `kinds`: agree, value_conflict,
magnitude_slip, scale_mismatch, currency_mismatch, date_conflict, date_precision, incomparable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, wraps
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from factcheck.claims.pairs import _days
from factcheck.claims.stories import Stories
from factcheck.datafiles import load
from factcheck.entities import headline_subject, title_tickers
from factcheck.kinds import ONE_SIDED, coarser, currencies_apart, currencies_incomparable, ranges_differ, unit_days
from factcheck.patterns import trie
from factcheck.words import (
    content_words,
    event_verb,
    generic_names,
    is_name,
    name_overlap,
    row_sign_words,
    row_variant,
    same_name,
)

RELATIONS = ("agree", "value_conflict", "magnitude_slip", "scale_mismatch", "currency_mismatch",
             "date_conflict", "date_precision", "incomparable")
CONFLICTS = frozenset({"value_conflict", "magnitude_slip", "scale_mismatch", "currency_mismatch",
                       "date_conflict"})

# name → what it means, for explanations and `factcheck calibrate`
FEATURES: dict[str, str] = {
    "story": "articles tell one story (similarity of headlines and leads; 1 within one article)",
    "same_doc": "both figures in one article",
    "linked": "two articles linked as one story (other outlets, a re-issue, a draft and its archive)",
    "outlets": "two amounts in articles linked as one story, from two outlets (as the input declares them, else "
               "the sites of their URLs)",
    "context_near": "same words right around the figures (rare words weigh more, numbers left out)",
    "context": "same words in the figures' sentences (rare words weigh more, numbers left out)",
    "specific": "the words both sentences share are rare ones, not a template's (\"holistic retreat\")",
    "names": "same names in the figures' sentences",
    "parallel": "one article, sentences alike, other numbers differ: a list of periods or items (1987 .., 1986 ..)",
    "names_differ": "the sentences name others besides the claimant, none in common (Moody's, S&P)",
    "numbers": "same other numbers in the figures' sentences (years, dates, other sums)",
    "numbers_differ": "the sentences' other numbers differ (another week, another year)",
    "dates_differ": "two amounts' sentences write out dates, none in common (the weeks ended February 25 and "
                    "March 4): two issues of a recurring report",
    "claimant": "same claimant",
    "claimant_missing": "a figure has no claimant",
    "claimant_known": "the same claimant, one the entity lexicon knows (not a guessed name)",
    "claimant_common": "the same claimant, named across many of the corpus's stories (an agency, a regulator, a "
                       "head of government): log scale, up to five stories 0, fifty or more 1",
    "claimant_differs": "both figures have a claimant, the names differ, and neither article names the other's",
    "metric": "same metric",
    "metric_missing": "a figure has no metric",
    "metric_differs": "both figures have a metric and they differ (not two outlets' sentences: their words differ "
                      "more than their facts)",
    "headline": "same headline words (rare words weigh more)",
    "doc_names": "the two articles name the same organisations",
    "goods_differ": "the figures' sentences (else their headlines) name goods, none in common (copper and nickel)",
    "others_differ": "the articles name places besides the claimants, none in common (Turkey, Mexico)",
    "headline_same": "the same headline (a re-issue or a correction)",
    "correction": "an article says it corrects a report",
    "corrected": "the correcting article's sentence names the other figure's value too (\"36 cts, not 37 cts\")",
    "days_apart": "days between publications, on a log scale (1 day 0.2, a week 0.6, a month 1)",
    "series": "a recurring report's new figure (its sentence on another day, or a shared headline form, on 3+ days, "
              "or one publisher's on two), or a template (a sentence or shared headline form filled three different "
              "ways)",
    "same_day": "published the same day",
    "closeness": "values close (money: 1 when equal, 0 from a factor of three; dates: gap against length)",
    "slip": "same digits, magnitude word missing or different",
    "currency_slip": "the same number in currencies whose words cannot name one (\"4.8 bn dlrs\", \"4.8 bn stg\")",
    "digits": "the same significant digits a power of ten apart (a zero added or dropped, a point moved)",
    "digit_run": "amounts sharing a run of significant digits, a power of ten apart or one digit changed "
                 "($43,885,310 and $438,853,100): a third a digit beyond the first, 1 from four",
    "scale": "orders of magnitude apart",
    "round_same": "one round number in two currencies (10,000 dlrs, 10,000 stg): it repeats across unrelated stories",
    "bound": "a figure is a bound or an estimate",
    "revision": "a sentence states a change (raised to, cut to)",
    "successive": "both figures are the new values of changes their sentences state, published on different "
                  "days: one price or offer moved twice (raised to 66 cts, then lowered to 65.50 cts)",
    "table": "a figure is an earnings-table row",
    "table_slot": "two table rows with the same label, column and period",
    "period_differs": "the figures name different periods (quarter, year)",
    "horizon_differs": "the figures name different horizons",
    "horizon_same": "the figures name the same horizon (\"over four years\")",
    "stage_differs": "a first step, a total or an earlier value against another of these",
    "per_differs": "a rate (a share, a year) against a total, or two rates",
    "relative": "a date read against the publication date (a weekday, 'last year')",
    "deictic": "a date that points from the publication day ('Friday', 'yesterday', 'last year'), not a year guessed",
    "relative_apart": "a date read against the publication date, articles published days apart (log scale)",
    "same_words": "both dates are written alike ('last week' twice): read on two days, not two claims",
    "guessed": "a date's year is our guess",
    "is_date": "dates, not money",
    "counterpart": "each figure is the other's closest match in the other article",
    "twin": "an article states this figure again in matching words (it is accounted for)",
    "stated_there": "the other article states this amount too, in the same unit, column and period, under "
                    "other words or another line (\"Shr diluted 1.01 dlrs\" against a flash's \"SHR 1.01 DLRS\"): "
                    "it is accounted for there (within one publisher; not for corrections, nor in a check)",
    "shared_figures": "share of the two articles' figures that agree (near 1: one article re-issued)",
    "renewed": "one publisher's articles of different days whose figures (three or more) nearly all differ, "
               "no correction: a new issue of a recurring report",
    "one_writer": "both figures in one article, differing with no mark of an error: its writer stated both, "
                  "so they are two facts (Class A and Class B payouts, operating and trading profit)",
    "event_unnamed": "two dates differ and nothing names their event as one: no metric both name, nor two "
                     "outlets' written dates of one story",
    "subjects_differ": "two capitals headlines without tickers name different subjects before their verbs "
                       "(LAND SECURITIES ISSUES ..., TORONTO DOMINION ISSUES ...)",
    "session_differs": "the two headlines name different points of a trading day (a market's opening, "
                       "midsession, close): two snapshots of prices that move between them",
    "stated_apart": "two outlets of one story state an amount exactly, to the same precision, one digit and a "
                    "few per cent apart ($5.7 and $5.6 billion): neither rounding nor a bound reconciles them",
    "event_told": "two outlets' written dates (or dates whose `event_verb` is shared) in sentences alike (the "
                  "share of their words, rare ones weighing more, numbers left out): one event told twice",
    "event_verb": "two outlets' dates, one or both read against a publication day, one claimant, the verb next "
                  "to each date the same (\"on Friday apologized\" / \"had to apologize Saturday\"): one event "
                  "told twice (it lets `event_told` and `specific_date` count for them too)",
    "specific_date": "`specific` for two outlets' written dates: no claimant or metric names a date's event, the "
                     "rare words of its sentence do (so they count more there than for amounts)",
    "unexplained": "two amounts differ with no mark of an error: no correction, shared headline or table slot; "
                   "not one digit, a magnitude word, a currency or orders of magnitude apart, nor within 3% (in one "
                   "article, orders of magnitude or one significant digit a power of ten apart mark nothing)",
    "unbacked": "a check: this archive amount is one error away from the draft's (a power of ten, a magnitude "
                "word, one digit changed), and its article states the draft's amount nowhere; or this archive "
                "date, told in words alike, one slip from the draft's (a year or a day a few apart) and its "
                "article dates nothing else that shares a day with the draft's date",
}


# The direction each feature may push the score when weights are fitted: +1 only towards
# "one fact", -1 only away from it, 0 either way. A fitted model then reads as evidence for
# and against, and a handful of labelled cases cannot turn "same claimant" into a reason to
# doubt that two figures are one fact.
SIGNS: dict[str, int] = {
    "story": 1, "same_doc": 0, "linked": 1, "outlets": 1, "context_near": 1, "context": 1, "specific": 1, "names": 1,
    "names_differ": -1,
    "numbers": 1,
    "numbers_differ": -1, "parallel": -1, "dates_differ": -1,
    "claimant": 1, "claimant_known": 1, "claimant_common": -1, "claimant_missing": -1, "claimant_differs": -1,
    "metric": 1, "metric_missing": 0, "metric_differs": -1, "headline": 1, "doc_names": 1, "others_differ": -1,
    "goods_differ": -1,
    "headline_same": 1, "correction": 1, "corrected": 1,
    "days_apart": -1, "series": -1, "same_day": 1, "closeness": 1, "slip": 1, "currency_slip": 1, "digits": 1,
    "digit_run": 1,
    "scale": 0, "round_same": -1,
    "bound": -1, "revision": -1, "successive": -1,
    "table": 0, "table_slot": 1, "period_differs": -1, "horizon_differs": -1, "horizon_same": 1, "stage_differs": -1,
    "per_differs": -1, "relative": 0, "deictic": -1, "relative_apart": -1,
    "same_words": -1, "guessed": -1, "is_date": 0, "counterpart": 1, "twin": -1, "stated_there": -1,
    "shared_figures": 1, "renewed": -1, "unexplained": -1, "one_writer": -1, "event_unnamed": -1,
    "event_told": 1, "event_verb": 1, "specific_date": 1, "subjects_differ": -1, "session_differs": -1,
    "stated_apart": 1, "unbacked": 1,
}


@dataclass(frozen=True)
class RelationParams:
    rel_tolerance: float = 0.0  # relative slack on top of the rounding of the stated digits
    slip_orders: float = 2.5  # same digits this far apart: a magnitude slip
    scale_orders: float = 2.0  # this far apart: a scale mismatch
    currency_rel_diff: float = 0.02  # the same number in two stated currencies

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> RelationParams:
        return cls(**{k: float(table[k]) for k in cls.__dataclass_fields__ if k in table})


def _f(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table.columns:
        return np.full(len(table), np.nan)
    return pd.to_numeric(table[col], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _o(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table.columns:
        return np.full(len(table), None, dtype=object)
    s = table[col].astype("object")
    return s.where(s.notna(), None).to_numpy()


def _ordinals(table: pd.DataFrame, col: str) -> np.ndarray:
    d = pd.to_datetime(table[col].astype("object"), errors="coerce", format="%Y-%m-%d")
    out = np.full(len(table), -1, dtype=np.int64)
    ok = d.notna().to_numpy()
    if ok.any():
        out[ok] = d[ok].to_numpy().astype("datetime64[D]").astype(np.int64) + 719163
    return out


class Columns:
    """The table's columns as arrays and integer codes, and the pieces of evidence that read
    the table alone (`_per_table`), each converted once for all pairs. `score_pairs` prepares
    one for the pairs it keeps before it splits them into parts, which then share it instead of
    each converting the table again. `used`: the rows the pairs read (the pieces that read
    text do so for these rows only; None: all)."""

    def __init__(self, table: pd.DataFrame, used: np.ndarray | None = None) -> None:
        self.table = table
        self.used = np.arange(len(table)) if used is None else used
        self._codes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._arrays: dict[tuple[str, str], np.ndarray] = {}  # (how read, column) → its array
        self.memo: dict[str, Any] = {}  # the `_per_table` pieces

    def for_rows(self, used: np.ndarray) -> Columns:
        """These columns for pairs that read the rows `used`: the converted columns are shared."""
        out = Columns(self.table, used)
        out._codes, out._arrays = self._codes, self._arrays
        return out

    def prepare(self) -> Columns:
        """Every `_per_table` piece built now, so that the parts of the pairs share them."""
        for piece in _PIECES:
            piece(self)
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
        """A column as floats, missing as NaN (`_f`)."""
        return self._array("num", col, _f)

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


def _per_table(build: Callable[[Columns], Any]) -> Callable[[Columns], Any]:
    """A piece of evidence that reads the table alone, never the pairs (per row, per headline,
    per article): built once per `Columns` (`Columns.prepare`), whatever the part of the pairs."""
    name = build.__qualname__

    @wraps(build)
    def piece(cols: Columns) -> Any:
        got = cols.memo.get(name)
        if got is None:
            got = cols.memo[name] = _frozen(build(cols))
        return got

    _PIECES.append(piece)
    return piece


def units(table: pd.DataFrame) -> np.ndarray:
    """Each money row's unit of its last stated digit, in currency units (`kinds.unit_of`)."""
    number, value = _f(table, "number"), _f(table, "value")
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
    out = np.full(len(i), "agree", dtype=object)
    is_money = row["money"][i]
    # -- money
    value = cols.num("value")
    va, vb = value[i], value[j]
    lo, hi = cols.num("low"), cols.num("high")
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
        width = max(len(readings), 1)
        combo, inverse = np.unique(said[i[at]].astype(np.int64) * width + said[j[at]], return_inverse=True)
        apart = np.array([currencies_apart(*readings[c // width], *readings[c % width]) for c in combo.tolist()],
                         dtype=bool)
        incomparable = np.array([currencies_incomparable(*readings[c // width], *readings[c % width])
                                 for c in combo.tolist()], dtype=bool)
        words_apart[at] = apart[inverse.ravel()]
        diff_cur[at] = incomparable[inverse.ravel()]
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
    rest = live & ~slip & ~scale
    unit = row["unit"]
    ua, ub = unit[i], unit[j]
    # prose may truncate ("$43 million" for $43.9 million); a table rounds, never truncates
    tab = cols.flag("table")
    la, ha = _interval(lo[i], hi[i], va, ua, coarser(ua, ub) & ~tab[i], params.rel_tolerance)
    lb, hb = _interval(lo[j], hi[j], vb, ub, coarser(ub, ua) & ~tab[j], params.rel_tolerance)
    out[rest & ((ha < lb) | (hb < la))] = "value_conflict"
    # two bounds of one direction state the bound itself ("a maximum of 374 mln", "a maximum
    # of 375 mln"): they disagree when the bounds do, though either could hold the truth
    qual, one_sided = row["qualifier"], row["one_sided"]
    same_bound = rest & (qual[i] == qual[j]) & one_sided[qual[i]]
    if same_bound.any():
        upper = np.isnan(lo[i]) & np.isnan(lo[j])
        ba, bb = np.where(upper, hi[i], lo[i]), np.where(upper, hi[j], lo[j])
        la, ha = _interval(ba, ba, ba, ua, np.zeros(len(i), dtype=bool), params.rel_tolerance)
        lb, hb = _interval(bb, bb, bb, ub, np.zeros(len(i), dtype=bool), params.rel_tolerance)
        out[same_bound & ((ha < lb) | (hb < la))] = "value_conflict"
    # -- dates
    is_date = ~is_money
    start, end = cols.ordinals("date_start"), cols.ordinals("date_end")
    sa, ea = start[i], end[i]
    sb, eb = start[j], end[j]
    same = (sa == sb) & (ea == eb)
    # "April Nine" read in the publication year vs "April 9, 1997": the year was our guess
    year_only = np.zeros(len(i), dtype=bool)
    if is_date.any():  # per row once, then compared per pair
        g, gran_code, day_or_month, suffix = row["guessed"], row["granularity"], row["day_or_month"], row["suffix"]
        year_only = ((g[i] != g[j]) & (gran_code[i] == gran_code[j]) & day_or_month[i]
                     & (suffix[i] == suffix[j]))
    disjoint = (ea <= sb) | (eb <= sa)
    nested = ((sa <= sb) & (eb <= ea)) | ((sb <= sa) & (ea <= eb))
    if (nested & is_date).any():  # two stated ranges, one inside the other, disagree
        unit = row["unit_days"]
        with np.errstate(invalid="ignore"):
            differ = ranges_differ(ea - sa, unit[i], eb - sb, unit[j])
        nested &= ~(differ & is_date)
    d = is_date & ~same & ~year_only
    out[d & disjoint] = "date_conflict"
    out[d & ~disjoint & nested] = "date_precision"
    out[d & ~disjoint & ~nested] = "date_conflict"
    return out


@_per_table
def _relation_rows(cols: Columns) -> dict[str, Any]:
    """Per row, what `relations` compares of two figures, each read once for all pairs."""
    cur, src, fam = cols.obj("currency"), cols.obj("currency_source"), cols.obj("currency_family")
    seen: dict[tuple[Any, Any, Any], int] = {}  # (currency, its source, its family) → its number
    said = np.fromiter((seen.setdefault(r, len(seen)) for r in zip(cur, src, fam, strict=True)), dtype=np.int64,
                       count=len(cur))
    qual, quals = pd.factorize(pd.Series([q or "" for q in cols.obj("qualifier")], dtype="object"))
    gran, ds = cols.obj("granularity"), cols.obj("date_start")
    return {
        "money": cols.obj("kind") == "money",
        "has_currency": np.array([c is not None for c in cur], dtype=bool),
        "said": said, "readings": list(seen),
        "magnitude": pd.factorize(pd.Series([m or "" for m in cols.obj("magnitude")], dtype="object"))[0],
        "unit": units(cols.table),
        "qualifier": qual, "one_sided": np.append(np.isin(quals, list(ONE_SIDED)), False),
        "guessed": np.array([bool(x) for x in cols.obj("guessed")], dtype=bool),
        "granularity": pd.factorize(pd.Series([x or "" for x in gran], dtype="object"))[0],
        "day_or_month": np.array([x in ("day", "month") for x in gran], dtype=bool),
        "suffix": pd.factorize(pd.Series([(x or "")[5:] for x in ds], dtype="object"))[0],
        "unit_days": np.array([unit_days(g) for g in gran], dtype=np.float64),
    }


def _tokens(lists: Sequence[Sequence[str]], weighted: bool = False) -> sparse.csr_matrix:
    """Row-per-list matrix of tokens: binary, or (weighted) L2-normalised TF-IDF rows, with the
    inverse document frequency taken over the lists themselves: a word most contexts share
    ("president", "company") says less about a fact than one few share ("holistic retreat")."""
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    codes, vocab = pd.factorize(pd.Series(list(chain.from_iterable(lists)), dtype="object"))
    rows = np.repeat(np.arange(len(lists)), lengths)
    m = sparse.csr_matrix((np.ones(len(codes)), (rows, codes)), shape=(len(lists), max(len(vocab), 1)))
    m.sum_duplicates()
    m.data[:] = 1.0
    if weighted and m.nnz:
        df = np.bincount(m.indices, minlength=m.shape[1])
        m.data = np.log((1.0 + len(lists)) / (1.0 + df[m.indices])) + 1.0
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        m = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
    return m


_PAIR_CHUNK = 1 << 16  # pairs multiplied at once: the rows of a chunk stay small enough to reuse memory


def _row_products(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray, weights: np.ndarray | None = None
                  ) -> np.ndarray:
    """Each pair's rows `i` and `j` of `m` multiplied and summed (their dot product), or with
    `weights` (one per column) the weighted sum, `(m[i].multiply(m[j]) @ weights)`. A chunk of
    pairs at a time: the same sums as over all pairs at once (rows are independent), without
    copying every pair's rows at once (a million pairs of ten-word rows is some 300 MB, and
    its first touch alone cost more than the products)."""
    out = np.empty(len(i))
    for lo in range(0, len(i), _PAIR_CHUNK):
        a, b = i[lo:lo + _PAIR_CHUNK], j[lo:lo + _PAIR_CHUNK]
        both = m[a].multiply(m[b])
        out[lo:lo + len(a)] = np.asarray(both.sum(axis=1) if weights is None else both @ weights).ravel()
    return out


def _jaccard(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if len(i) == 0:
        return np.zeros(0)
    inter = _row_products(m, i, j)
    size = np.asarray(m.sum(axis=1)).ravel()
    union = size[i] + size[j] - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, inter / union, 0.0)


def _cosine(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if len(i) == 0:
        return np.zeros(0)
    return np.minimum(_row_products(m, i, j), 1.0)


def _near(context: str | None, n: int = 5) -> list[str]:
    if not context:
        return []
    before, _, after = context.partition("|")
    return before.split()[-n:] + after.split()[:n]


def _wide(context: str | None) -> list[str]:
    return context.replace("|", " ").split() if context else []


@_per_table
def _claimants(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """(each row's claimant code, -1 for none or a word that names nobody, and the claimants)."""
    actor, actors = cols.codes("actor")
    named = np.append(np.array([is_name(str(a)) for a in actors], dtype=bool), False)
    return np.where(named[actor], actor, -1), actors  # "APR", "QTR SHR": no claimant


@_per_table
def _headlines(cols: Columns) -> dict[str, Any]:
    """Per headline of the rows `used` (each once; index -1: no headline): its tickers, whether
    it lists one, its content words (those that do), its subject before its verb and its point
    of a trading day."""
    title, titles = cols.codes("title")
    wanted = np.unique(title[cols.used])
    wanted = wanted[wanted >= 0].tolist()
    tickers: list[frozenset[str]] = [frozenset()] * (len(titles) + 1)
    words: list[frozenset[str]] = [frozenset()] * (len(titles) + 1)
    subject = np.full(len(titles) + 1, "", dtype=object)
    session = np.zeros(len(titles) + 1, dtype=np.int64)
    for t in wanted:
        text = str(titles[t])
        tickers[t], subject[t], session[t] = title_tickers(text), headline_subject(text), _session_point(text)
        if "<" in text:
            words[t] = frozenset(content_words(text))
    ticked = np.append(np.array(["<" in str(t) for t in titles], dtype=bool), False)
    return {"tickers": tickers, "ticked": ticked, "words": words, "subject": subject, "session": session}


def _listed_apart(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs whose claimants are their headlines' companies, listed under tickers none in common."""
    t = _own_title(cols)  # index -1: the appended empty set (no tickers)
    sets = _headlines(cols)["tickers"]
    has = np.array([bool(x) for x in sets])
    out = has[t[i]] & has[t[j]] & (t[i] != t[j])
    for n in np.flatnonzero(out):
        out[n] = not (sets[t[i[n]]] & sets[t[j[n]]])
    return out


@_per_table
def _own_title(cols: Columns) -> np.ndarray:
    """Per row, its headline's code where its claimant is the headline's company, else -1."""
    actor, _ = _claimants(cols)
    own = (actor >= 0) & (cols.obj("actor") == cols.obj("subject"))
    return np.where(own, cols.codes("title")[0], -1)


def _third_party(cols: Columns, actor: np.ndarray, actors: np.ndarray, i: np.ndarray, j: np.ndarray
                 ) -> np.ndarray:
    """Pairs of two articles whose headlines list companies under tickers none in common and
    whose shared claimant neither headline names: a programme, agency or market both companies
    deal with ("Foreign Military Sales" in IBM's and Westinghouse's contract items). Each
    article's figures are its own company's, so the shared name is no sign of one fact."""
    title, _ = cols.codes("title")
    heads = _headlines(cols)
    ticked = heads["ticked"]  # (-1: no headline)
    live = np.flatnonzero((actor[i] >= 0) & (actor[i] == actor[j]) & (title[i] != title[j])
                          & ticked[title[i]] & ticked[title[j]])
    out = np.zeros(len(i), dtype=bool)
    if not len(live):
        return out
    sets, words = heads["tickers"], heads["words"]
    subject = cols.obj("subject")  # each article's headline company
    seen: dict[tuple[int, int, int], bool] = {}
    for n in live.tolist():
        ta, tb, a = int(title[i[n]]), int(title[j[n]]), int(actor[i[n]])
        key = (min(ta, tb), max(ta, tb), a)
        if key not in seen:
            name = frozenset(content_words(str(actors[a])))
            # one company under two tickers (a share class, a slip) is one company
            sa, sb = subject[i[n]], subject[j[n]]
            seen[key] = (bool(sets[ta]) and bool(sets[tb]) and not (sets[ta] & sets[tb])
                         and isinstance(sa, str) and isinstance(sb, str) and bool(sa) and bool(sb)
                         and not same_name(sa, sb)
                         and bool(name) and not (name & words[ta]) and not (name & words[tb]))
        out[n] = seen[key]
    return out


def _subjects_differ(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two capitals headlines without tickers whose subjects differ ("LAND SECURITIES ISSUES
    ..." and "TORONTO DOMINION ISSUES ..."): each article's figures are its own subject's, even
    where their sentences name nobody ("denominations of 1,000 and 10,000 stg")."""
    title, _ = cols.codes("title")
    subject = _headlines(cols)["subject"]
    sa, sb = subject[title[i]], subject[title[j]]
    out = np.zeros(len(i), dtype=np.float64)
    live = np.flatnonzero((sa != "") & (sb != "") & (sa != sb))
    seen: dict[tuple[str, str], bool] = {}
    for n in live.tolist():
        key = (sa[n], sb[n])
        if key not in seen:
            seen[key] = max(name_overlap(*key), name_overlap(key[1], key[0])) < 0.5
        out[n] = seen[key]
    return out


@cache
def _session_words() -> dict[str, int]:
    """Each word of `[session_points]` (factcheck/data/words.toml) → its point's bit."""
    points = load("words")["session_points"]
    return {w: 1 << n for n, words in enumerate(points.values()) for w in words.split()}


def _session_point(title: str) -> int:
    words = _session_words()
    bits = 0
    for w in re.findall(r"[a-z]+(?:-[a-z]+)?", title.lower()):
        bits |= words.get(w, 0)
    return bits


def _session_differs(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two headlines that name different points of a trading day ("... OPENING - APRIL 7" and
    "... CLOSING - APR 7", "FUTURES HIGHER IN EARLY TRADE" and "FUTURES CLOSE MIXED"): two
    snapshots of one market, whose prices, moves and rates differ because time passed."""
    title, _ = cols.codes("title")
    point = _headlines(cols)["session"]
    pa, pb = point[title[i]], point[title[j]]
    return ((pa != 0) & (pb != 0) & ((pa & pb) == 0)).astype(np.float64)


def _name_similarity(a: Any, b: Any) -> float:
    return name_overlap(str(a), str(b))


_COMMON_IDF = 3.0  # a word in more than 1 in 20 contexts (e^3) adds nothing to `specific`
_SPECIFIC_MASS = 12.0  # rarity mass (sum of idf above the floor) that makes `specific` 1


class Contexts:
    """The words around each figure as token matrices, built once for all pairs, one row per
    distinct context (a re-issued story repeats its sentences: they are tokenised once)."""

    def __init__(self, table: pd.DataFrame, used: np.ndarray, cols: Columns | None = None) -> None:
        cols = cols or Columns(table)
        self.ctx, uniq = _distinct(cols.obj("context")[used], len(table), used)
        self.near_words = _tokens([_near(c) for c in uniq], weighted=True)
        wide = [_wide(c) for c in uniq]
        self.wide = _tokens(wide, weighted=True)
        ents = cols.obj("entities")[used]
        keys = np.array(["\x1f".join(map(str, e)) if isinstance(e, list | tuple | np.ndarray) else "" for e in ents],
                        dtype=object)
        self.ent, uniq_ents = _distinct(keys, len(table), used)
        # `specific` reads the sentence's words other than its claimant's name: a company's name
        # is in every story about it (and is its own evidence, `claimant`), so sharing it says
        # "same company", not "same fact"; another name both sentences share still counts
        self.act, uniq_act = _distinct(cols.obj("actor")[used], len(table), used)
        act_words = [frozenset(content_words(str(a))) if a else frozenset() for a in uniq_act]
        n_act = max(len(uniq_act), 1)
        self.plain, uniq_plain = _distinct(self.ctx[used] * n_act + self.act[used], len(table), used)

        def plain(k: int) -> list[str]:
            ws, drop = wide[k // n_act], act_words[k % n_act]
            return [w for w in ws if w not in drop] if not drop.isdisjoint(ws) else ws

        self.words = _tokens([plain(k) for k in uniq_plain])
        df = np.bincount(self.words.indices, minlength=self.words.shape[1])
        # what a shared word tells: nothing when most contexts have it ("dividend", "said")
        self.rarity = np.maximum(0.0, np.log(max(len(uniq_plain), 1) / np.maximum(df, 1)) - _COMMON_IDF)
        self.names = _tokens([content_words(k.replace("\x1f", " ; ")) for k in uniq_ents])
        # the names of a figure's sentence besides its own claimant's (who said it, about whom)
        # (each distinct pair of names and claimant once: rows repeat them)
        generic = generic_names()
        words = _memo_words()
        combo, first = np.unique(self.ent[used] * n_act + self.act[used], return_inverse=True)
        others = np.array(["\x1f".join(sorted(set(words(uniq_ents[c // n_act].replace("\x1f", " ; ")))
                                              - set(words(uniq_act[c % n_act])) - generic))
                           for c in combo.tolist()], dtype=object)
        self.oth, uniq_oth = _distinct(others[first.ravel()], len(table), used)
        # the others' names and each claimant's in one vocabulary: a name one sentence gives
        # besides its claimant may be the other's claimant ("Jesse L. Jackson Jr., the former
        # representative from Illinois" against "Jesse Jackson Jr. pleaded guilty")
        name_rows = _tokens([k.split("\x1f") if k else [] for k in uniq_oth]
                            + [sorted(set(words(str(a))) - generic) if a else [] for a in uniq_act])
        # rows [0, claim_row): the others' names (`self.oth`); then one per claimant (`self.act`)
        self.name_rows, self.claim_row = name_rows, len(uniq_oth)
        self.name_size = np.asarray(name_rows.sum(axis=1)).ravel()
        self.num, uniq_nums = _distinct(cols.obj("numbers")[used], len(table), used)
        self.tab = cols.flag("table")
        self.doc, _ = cols.codes("doc")
        n_docs = int(self.doc.max()) + 1 if len(self.doc) else 0
        self.doc_tab = np.zeros(n_docs, dtype=bool)  # the articles with a table
        self.doc_tab[self.doc[self.tab]] = True
        in_tab = np.flatnonzero(self.doc_tab[self.doc])
        # a table's article states its figures in its lines and its headline ("3RD QTR JAN 28 NET")
        self.tab_line = self.tab.copy()
        heads = used[self.doc_tab[self.doc[used]] & ~self.tab[used]]
        self.tab_line[heads] = [" ".join(str(a).split()) == " ".join(str(b).split()) and bool(a)
                                for a, b in zip(cols.obj("sentence")[heads], cols.obj("title")[heads], strict=True)]
        # every number of each table's article (all its rows), in the vocabulary of `numbers`
        per_doc: dict[int, set[str]] = {}
        lines = pd.DataFrame({"doc": self.doc[in_tab], "numbers": cols.obj("numbers")[in_tab]}).drop_duplicates()
        for d, n in zip(lines["doc"].to_numpy(), lines["numbers"].to_numpy(), strict=True):
            per_doc.setdefault(int(d), set()).update((n or "").split())
        self.doc_row = np.full(n_docs, -1, dtype=np.int64)
        self.doc_row[list(per_doc)] = np.arange(len(uniq_nums), len(uniq_nums) + len(per_doc))
        both = _tokens([(n or "").split() for n in uniq_nums] + [sorted(v) for v in per_doc.values()])
        self.numbers = both[: len(uniq_nums)]
        self.all_numbers = both
        # each figure's value (an amount, or a date's first day), and the values each table's
        # article states (a story figure whose value its table states is accounted for there);
        # read for the figures paired and the tables' rows only
        need = np.union1d(in_tab, used)
        value = cols.num("value")[need]
        start = cols.obj("date_start")[need]
        keys = [f"{v:.6g}" if v == v else (f"d{d}" if d is not None and d == d else "")
                for v, d in zip(value, start, strict=True)]
        codes, value_keys = pd.factorize(pd.Series(keys, dtype="object"))
        self.value = np.full(len(table), -1, dtype=np.int64)
        self.value[need] = codes
        self.valued = np.zeros(len(table), dtype=bool)
        self.valued[need] = np.asarray(value_keys != "")[codes] if len(keys) else False
        self.n_values = max(len(value_keys), 1)
        self.doc_values = np.unique(self.doc[in_tab].astype(np.int64) * self.n_values + self.value[in_tab])

    def alike(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """`context` and `names` of each pair: what `prune` keeps a pair for."""
        return {"context": _cosine(self.wide, self.ctx[i], self.ctx[j]),
                "names": _jaccard(self.names, self.ent[i], self.ent[j])}

    def near(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """`context_near` of each pair."""
        return _cosine(self.near_words, self.ctx[i], self.ctx[j])

    def overlap(self, i: np.ndarray, j: np.ndarray, alike: Mapping[str, np.ndarray] | None = None
                ) -> dict[str, np.ndarray]:
        """Every context feature of each pair (`alike`: theirs, when computed before)."""
        alike = alike or self.alike(i, j)
        ni, nj = self.num[i], self.num[j]
        size = np.asarray(self.numbers.sum(axis=1)).ravel()
        both = (size[ni] > 0) & (size[nj] > 0)
        inter = _row_products(self.numbers, ni, nj)
        union = size[ni] + size[nj] - inter
        numbers = np.where(both, inter / np.maximum(union, 1), 0.0)
        # a story's sentence against a line or the headline of another article's table ("Shr
        # 1.08 dlrs vs 88 cts", "3RD QTR JAN 28 NET"): it tells that table when it states the
        # line's other columns ("1.09 dlrs a share, up from 88 cts") or restates the table's
        # other lines ("a loss of 67.6 mln dlrs, or 6.28 dlrs per share, on revenues of 641.4 mln
        # dlrs" beside "Net loss 67.6 mln" and "Shr loss 6.28 dlrs"): its other numbers are then
        # no sign of another period. Unless the table states the story figure's own value too:
        # then the story figure is that line's, and another line's figure differing from it is
        # another fact.
        first_in_table = self.doc_tab[self.doc[i]]  # else the second figure is the table's
        one = both & (first_in_table != self.doc_tab[self.doc[j]]) & self.tab_line[np.where(first_in_table, i, j)]
        tabled_all, story_all = np.where(first_in_table, i, j), np.where(first_in_table, j, i)
        told = one & self.tab[tabled_all] & (inter >= size[self.num[tabled_all]])
        story_nums = self.num[story_all]
        table_doc = self.doc_row[self.doc[tabled_all]]
        found, stated = np.zeros(len(i)), np.zeros(len(i), dtype=bool)
        at = np.flatnonzero(one)
        found[at] = _row_products(self.all_numbers, story_nums[at], table_doc[at])
        story, tabled = story_all[at], tabled_all[at]
        stated[at] = self.valued[story] & np.isin(self.doc[tabled].astype(np.int64) * self.n_values
                                                  + self.value[story], self.doc_values)
        restates = one & (found >= 2) & (found >= 0.5 * size[story_nums])
        numbers = np.where((told | restates) & ~stated, 1.0, numbers)
        pi, pj = self.plain[i], self.plain[j]
        shared = _row_products(self.words, pi, pj, self.rarity)
        oi, oj = self.oth[i], self.oth[j]
        size, rows = self.name_size, self.name_rows
        ointer = _row_products(rows, oi, oj)

        def names_whole(others: np.ndarray, claimant: np.ndarray) -> np.ndarray:
            # a name one sentence gives besides its claimant that is the other's claimant: every
            # word of that claimant ("John Smith" is no "John Kerry" for their "john")
            return (size[claimant] > 0) & (_row_products(rows, others, claimant) >= size[claimant])

        via_claimant = (names_whole(oi, self.claim_row + self.act[j])
                        | names_whole(oj, self.claim_row + self.act[i]))
        names_differ = (size[oi] > 0) & (size[oj] > 0) & (ointer == 0)
        return {"context_near": self.near(i, j), "context": alike["context"],
                "specific": np.minimum(1.0, shared / _SPECIFIC_MASS),
                "names": alike["names"], "numbers": numbers,
                "numbers_differ": (both & (numbers < 0.5)).astype(np.float64),
                "names_differ": names_differ.astype(np.float64),
                "names_via_claimant": (names_differ & via_claimant).astype(np.float64)}


def _event_verb_shared(cols: Columns, i: np.ndarray, j: np.ndarray, live: np.ndarray) -> np.ndarray:
    """1 for the `live` pairs whose dates' event verbs (`words.event_verb`) share a stem."""
    out = np.zeros(len(i))
    at = np.flatnonzero(live)
    if not len(at):
        return out
    sent, s0, text = cols.obj("sentence"), cols.num("sent_start"), cols.obj("text")
    start = cols.num("start")
    memo: dict[int, frozenset[str]] = {}

    def verbs(k: int) -> frozenset[str]:
        got = memo.get(k)
        if got is None:
            sentence, span = str(sent[k] or ""), str(text[k] or "")
            a = int(start[k] - s0[k])
            if sentence[a:a + len(span)] != span:  # a long sentence is kept as a window around its figures
                a = sentence.find(span)
            got = memo[k] = event_verb(sentence, a, a + len(span)) if a >= 0 and span else frozenset()
        return got
    out[at] = [1.0 if verbs(int(a)) & verbs(int(b)) else 0.0 for a, b in zip(i[at], j[at], strict=True)]
    return out


def _memo_words() -> Any:
    """`content_words` remembered for the run: names and claimants recur across rows."""
    seen: dict[str, tuple[str, ...]] = {}

    def words(text: str) -> tuple[str, ...]:
        got = seen.get(text)
        if got is None:
            got = seen[text] = tuple(content_words(text))
        return got
    return words


def _distinct(values: np.ndarray, n: int, used: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """(row of each table position in the list of distinct values, the distinct values)."""
    codes, uniq = pd.factorize(pd.Series(values, dtype="object").fillna(""))
    index = np.zeros(n, dtype=np.int64)
    index[used] = codes
    return index, list(uniq)


def prune(table: pd.DataFrame, pairs: pd.DataFrame, max_link_pairs: int,
          kept_rows: np.ndarray | None = None, cols: Columns | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drop the story-link pairs whose sentences share no word: most pairs of two linked
    articles are different facts, and a fact told twice shares at least some words. Of two
    long tables, keep the `max_link_pairs` most alike pairs. Claimant-block pairs all stay, and
    a `kept_rows` figure's pairs with the others' are kept however they word it (per row: a
    check's draft, whose few figures meet its story's), within the same bound per link: past
    it, the least alike go as any link's do (kept, they shift `shared_figures` by their number
    alone). Returns the kept pairs and their context features."""
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    mark = np.zeros(len(table), dtype=bool)  # the rows of any pair, in table order
    mark[i] = True
    mark[j] = True
    cols = cols or Columns(table)
    contexts = Contexts(table, np.flatnonzero(mark), cols)
    alike = contexts.alike(i, j)  # the rest of the context features only for the pairs kept
    by_claim = (pairs["via"].to_numpy() & 2) > 0
    keep = (alike["context"] > 0) | (alike["names"] > 0) | by_claim
    forced = kept_rows[i] != kept_rows[j] if kept_rows is not None else np.zeros(len(i), dtype=bool)
    keep |= forced
    doc = cols.codes("doc")[0]
    link = doc[i] * (int(doc.max()) + 1 if len(doc) else 1) + doc[j]
    # the story links with more than `max_link_pairs` kept pairs: only their pairs are ranked
    # (most alike words around the figures first, then in pair order), and those past the
    # limit dropped
    sel = np.flatnonzero(keep & ~by_claim)
    per_link = pd.factorize(link[sel])[0]
    sel = sel[np.bincount(per_link)[per_link] > max_link_pairs] if len(sel) else sel
    if len(sel):
        order = np.lexsort((sel, -alike["context"][sel], -contexts.near(i[sel], j[sel]), link[sel]))
        ranked, links = sel[order], link[sel][order]
        rank = np.arange(len(ranked)) - np.searchsorted(links, links, side="left")
        keep[ranked[rank >= max_link_pairs]] = False
    at = np.flatnonzero(keep)
    ctx = contexts.overlap(i[at], j[at], {k: v[at] for k, v in alike.items()})
    return pairs.iloc[at].reset_index(drop=True), pd.DataFrame(ctx)


def _pair_similarity(codes: np.ndarray, uniques: np.ndarray, i: np.ndarray, j: np.ndarray,
                     similarity: Any) -> np.ndarray:
    """similarity(a, b) of each pair's two values, computed once per distinct pair of values;
    0 where either is missing, 1 where they are equal."""
    ca, cb = codes[i], codes[j]
    out = np.zeros(len(i))
    both = (ca >= 0) & (cb >= 0)
    out[both & (ca == cb)] = 1.0
    diff = both & (ca != cb)
    if diff.any():
        width = max(len(uniques), 1)
        keys = ca[diff] * width + cb[diff]
        uk, inverse = np.unique(keys, return_inverse=True)
        vals = np.array([similarity(uniques[k // width], uniques[k % width]) for k in uk.tolist()])
        out[diff] = vals[inverse]
    return out


_CORRECTED = re.compile(r"(?i)\(?\b(?:corrected|correction|refiled|repeat)\b\)?")


def _fold_title(title: Any) -> str:
    """A headline without its correction marks, punctuation and case."""
    return " ".join(re.sub(r"\W+", " ", _CORRECTED.sub(" ", str(title))).lower().split())


class DocWords:
    """Per article: the words of the organisations it names (`objects`), and those of the places
    it names besides its claimants (for telling two stories apart: a loan to Turkey is not one
    to Mexico; organisations are left out there, as two outlets name different ones). Read
    for the articles of `wanted` (codes) only: the others' rows are empty."""

    def __init__(self, table: pd.DataFrame, doc_codes: np.ndarray, wanted: np.ndarray | None = None,
                 cols: Columns | None = None) -> None:
        cols = cols or Columns(table)
        # a row per article (its first), articles in code order; plain loops, not a groupby
        # with a Python function per article (hundreds of thousands of articles in an archive)
        keys, first = np.unique(doc_codes, return_index=True)
        slot = np.searchsorted(keys, doc_codes)
        # each article's rows, for the names it gives (read when asked)
        self._by_slot = np.argsort(slot, kind="stable")
        self._bounds = np.searchsorted(slot[self._by_slot], np.arange(len(keys) + 1))
        seen: dict[str, frozenset[str]] = {}  # names recur across articles: their words once

        def name_words(name: str) -> frozenset[str]:
            got = seen.get(name)
            if got is None:
                got = seen[name] = frozenset(content_words(name))
            return got

        def words(names: Any) -> frozenset[str]:
            # the words of a list of names are the union of each name's (no word spans two)
            if not isinstance(names, list | tuple | np.ndarray) or not len(names):
                return frozenset()
            return frozenset().union(*(name_words(str(n)) for n in names))

        self._words = words
        self._actor, self._entities = cols.obj("actor"), cols.obj("entities")
        objs = cols.obj("objects")
        places = cols.obj("places")
        generic = generic_names()
        self._generic = generic
        orgs: list[list[str]] = [[] for _ in range(len(keys))]
        others: list[list[str]] = [[] for _ in range(len(keys))]
        todo = range(len(keys)) if wanted is None else np.unique(np.searchsorted(keys, wanted)).tolist()
        for d in todo:
            r = first[d]
            mine = words(sorted(self._actors(d)))
            orgs[d] = sorted(words(objs[r]))
            others[d] = sorted(words(places[r]) - mine - generic)
        self.orgs = _tokens(orgs)
        self.others = _tokens(others)
        # every name an article gives (its figures' claimants and the names of their sentences),
        # read only for the articles `name_each_other` asks about
        self._n = len(keys)
        self._named: dict[int, frozenset[str]] = {}

    def _rows(self, d: int) -> np.ndarray:
        return self._by_slot[self._bounds[d]:self._bounds[d + 1]]

    def _actors(self, d: int) -> set[str]:
        return {a for a in self._actor[self._rows(d)].tolist() if isinstance(a, str)}

    def named(self, d: int) -> frozenset[str]:
        got = self._named.get(d)
        if got is None:
            if d < self._n:
                ents = {n for e in self._entities[self._rows(d)].tolist() if isinstance(e, list | tuple | np.ndarray)
                        for n in e if isinstance(n, str)}
                got = self._words(sorted(self._actors(d) | ents)) - self._generic
            else:
                got = frozenset()
            self._named[d] = got
        return got

    def name_each_other(self, ai: np.ndarray, aj: np.ndarray, da: np.ndarray, db: np.ndarray,
                        actors: np.ndarray) -> np.ndarray:
        """True where one figure's claimant (`ai` in article `da`, `aj` in `db`: codes into
        `actors`) is named in the other figure's article too: two people of one story ("the
        White House" and "Trump"), not two stories."""
        generic = generic_names()
        cl = [set(content_words(str(a))) - generic for a in actors]
        # each distinct (claimant, other article) once: pairs repeat them many times over
        width = max(self._n, int(max(da.max(initial=-1), db.max(initial=-1))) + 1, 1)
        key = np.concatenate([ai.astype(np.int64) * width + db, aj.astype(np.int64) * width + da])
        uniq, inverse = np.unique(key, return_inverse=True)
        found = np.array([a >= 0 and bool(cl[a]) and cl[a] <= self.named(d)
                          for a, d in zip((uniq // width).tolist(), (uniq % width).tolist(), strict=True)], dtype=bool)
        hit = found[inverse]
        return hit[:len(ai)] | hit[len(ai):]

    def names(self, da: np.ndarray, db: np.ndarray) -> np.ndarray:
        return _jaccard(self.orgs, da, db)

    def others_differ(self, da: np.ndarray, db: np.ndarray) -> np.ndarray:
        """1 where both articles name places besides their claimants and none (by their words)
        in common: the same lender, two borrowers."""
        size = np.asarray(self.others.sum(axis=1)).ravel()
        inter = np.asarray(self.others[da].multiply(self.others[db]).sum(axis=1)).ravel() if len(da) else np.zeros(0)
        return ((size[da] > 0) & (size[db] > 0) & (inter == 0)).astype(np.float64)


def _corrected(cols: Columns, i: np.ndarray, j: np.ndarray, corr: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """1 where a correcting article states, in the sentence of its own figure, the other
    article's value too ("36 cts per share, not the 37 cts it reported"; "eight mln dlrs, not
    3,800,000 dlrs"): it names the figure it replaces. A date replaces one of its own
    granularity ("April 7" for "April 17"); a sentence that says "today" and "1986" names a day
    and a year, not a replaced date."""
    out = np.zeros(len(i))
    live = np.flatnonzero((corr[i] | corr[j]) & (doc[i] != doc[j]))
    if not len(live) or "sent_start" not in cols.table:
        return out
    kind = cols.obj("kind")
    value = cols.num("value")
    start, end = cols.obj("date_start"), cols.obj("date_end")
    sent = cols.num("sent_start")

    def said(r: int) -> tuple[Any, ...]:
        return (kind[r], round(float(value[r]), 6)) if kind[r] == "money" else (kind[r], start[r], end[r])

    stated: set[tuple[Any, ...]] = set()
    docs_needed = set(doc[i[live]].tolist()) | set(doc[j[live]].tolist())
    for r in np.flatnonzero(np.isin(doc, list(docs_needed)) & corr):
        stated.add((int(doc[r]), sent[r], *said(r)))
    gran = cols.obj("granularity")
    for k in live:
        a, b = i[k], j[k]
        if kind[a] == "date" and gran[a] != gran[b]:
            continue
        out[k] = float((corr[b] and (int(doc[b]), sent[b], *said(a)) in stated)
                       or (corr[a] and (int(doc[a]), sent[a], *said(b)) in stated))
    return out


def _sentence_dates_differ(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """1 where two amounts' sentences each write dates out ("in the week ended February 25",
    "in the week ended March 4") and none of them in common: the figures are of two periods or
    days, a recurring report's two issues. Dates read against the publication day ("last
    week") are left out: two outlets' weekdays for one day differ in words."""
    out = np.zeros(len(i))
    if not len(i) or "sent_start" not in cols.table:
        return out
    dated, dates = _written_dates(cols)
    sid = _sentences(cols)
    live = np.flatnonzero((cols.obj("kind")[i] == "money") & dated[sid[i]] & dated[sid[j]])
    if not len(live):
        return out
    # each distinct pair of sentences once: far fewer than the pairs of figures
    width = len(dated)
    combo, first = np.unique(sid[i[live]].astype(np.int64) * width + sid[j[live]], return_inverse=True)
    apart = np.array([not (dates[c // width] & dates[c % width]) for c in combo.tolist()], dtype=bool)
    out[live] = apart[first].astype(np.float64)
    return out


@_per_table
def _sentences(cols: Columns) -> np.ndarray:
    """Per row, the code of its sentence: its article and the sentence's start (one per article
    where the start is unread)."""
    doc, _ = cols.codes("doc")
    start = pd.factorize(cols.num("sent_start"))[0]  # -1: unread
    return pd.factorize(doc * (int(start.max()) + 2 if len(start) else 1) + start + 1)[0]


@_per_table
def _written_dates(cols: Columns) -> tuple[np.ndarray, dict[int, set[Any]]]:
    """Per sentence (`_sentences`), whether it writes dates out, and the dates each that does
    writes (their first days)."""
    sid = _sentences(cols)
    dated = np.zeros(int(sid.max()) + 1 if len(sid) else 0, dtype=bool)
    dates: dict[int, set[Any]] = {}
    kind = cols.obj("kind")
    pointing = cols.flag("resolved") & ~cols.flag("guessed")  # "last week", "Friday"
    # (a dateline or a headline's date is the report's own)
    written = (kind == "date") & ~pointing & (cols.obj("metric") != "publication")
    start = cols.obj("date_start")
    for r in np.flatnonzero(written).tolist():
        dates.setdefault(int(sid[r]), set()).add(start[r])
    dated[list(dates)] = True
    return dated, dates


_SERIES_DAYS = 3  # a sentence form printed on this many days is a recurring report


_DIGITS = re.compile(r"\d+(?:[.,/]\d+)*")


@cache
def _number_form() -> re.Pattern[str]:
    """Digits and spelled numbers ("seven", "sieben"): what a headline form masks, so that
    "SETS SEVEN BILLION FRANC TENDER" and "SETS 9.5 BILLION FRANC TENDER" are one form."""
    money = load("money")
    words = {w for table in ("number_words", "number_words_de") for w in money.get(table, {})
             if len(w) > 2 and w.isalpha() and not w.startswith("ein")}  # articles, not numbers: a, an, ein
    return re.compile(rf"\b(?:{trie(words)})\b|{_DIGITS.pattern}" if words else _DIGITS.pattern)


_ABBREVIATION = re.compile(r"[.'’]")  # "U.K." is "UK"
_PUNCTUATION = re.compile(r"[^\w\s#]+")


def _unpunctuated(text: str) -> str:
    """A headline without its punctuation ("U.K. MONEY MARKET" is "UK MONEY MARKET")."""
    return _PUNCTUATION.sub(" ", _ABBREVIATION.sub("", text))


@_per_table
def _headline_forms(cols: Columns) -> np.ndarray:
    """Per row, the code of its headline's form: lower-cased, numbers masked and punctuation
    dropped ("U.K. MONEY MARKET GIVEN 442 MLN STG HELP" and "UK MONEY MARKET GIVEN TWO MLN
    STG HELP" are "uk money market given # mln stg help"); -1 without a headline."""
    title, titles = cols.codes("title")
    numbers = _number_form()
    forms = [_unpunctuated(numbers.sub("#", str(t).lower())) for t in titles]
    folded = pd.factorize(pd.Series([" ".join(f.split()) for f in forms], dtype="object"))[0]
    return np.where(title >= 0, np.append(folded, -1)[title], -1)


_TEMPLATE_FILLINGS = 3  # a form written with this many different fillings is a template
_TEMPLATE_WORDS = 4  # ... when it has this many words: "Pay <date>" is a label, not a template


def _filled(form: np.ndarray, text: pd.Series, times: int) -> np.ndarray:
    """Per row, whether `times` or more different texts (case and spacing aside) fill its form."""
    ok = form >= 0
    out = np.zeros(len(form), dtype=bool)
    if not ok.any():
        return out
    codes, uniq = pd.factorize(text[ok].astype("object").fillna("").to_numpy())
    per = np.zeros(int(form.max()) + 1)
    # folding only merges texts: a form of fewer texts as written has fewer still folded, so
    # only the texts of the other forms are folded
    raw = pd.Series(codes).groupby(form[ok]).nunique()
    per[raw.index.to_numpy()] = raw.to_numpy()
    live = per[form[ok]] >= times
    if live.any():
        wanted = np.unique(codes[live])
        folded = np.full(len(uniq), -1, dtype=np.int64)
        folded[wanted] = pd.factorize(np.array([" ".join(str(x).lower().split()) for x in uniq[wanted]],
                                               dtype=object))[0]
        n = pd.Series(folded[codes[live]]).groupby(form[ok][live]).nunique()
        per[:] = 0
        per[n.index.to_numpy()] = n.to_numpy()
        out[np.flatnonzero(ok)[live]] = per[form[ok][live]] >= times
    return out


def _templates(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Is either figure's sentence a template, its form (figures and digits masked) written
    with `_TEMPLATE_FILLINGS` or more different fillings across the corpus, whatever the days
    ("The debentures are convertible ... at <money>", "Top <money> per cwt")? And do both
    articles carry one headline form that is filled so many ways ("LONDON SUGAR NO.6 AT #")?
    A re-issue repeats its sentences and headline as they were, and a correction changes a
    figure once: neither makes a third filling."""
    out = np.zeros(len(i), dtype=bool)
    head = np.zeros(len(i), dtype=bool)
    if len(i) == 0:
        return out, head
    many, heads = _template_rows(cols)
    if many is not None:
        out = many[i] | many[j]
    if heads is not None:
        hform, plain, many = heads
        head = (hform[i] >= 0) & (hform[i] == hform[j]) & many[i] & (plain[i] != plain[j])
    return out, head


@_per_table
def _template_rows(cols: Columns) -> tuple[np.ndarray | None, tuple[np.ndarray, np.ndarray, np.ndarray] | None]:
    """Per row, whether its sentence form is a template (None without sentence forms); and per
    row its headline form, its headline as read and whether that form is a template (None
    without headlines)."""
    table = cols.table
    many, heads = None, None
    if "masked" in table and "sentence" in table:
        form, forms = cols.codes("masked")
        long = np.append(np.array([len(str(f).split()) >= _TEMPLATE_WORDS for f in forms], dtype=bool), False)
        many = _filled(form, table["sentence"], _TEMPLATE_FILLINGS) & long[form]
    if "title" in table:
        title, titles = cols.codes("title")
        hform = _headline_forms(cols)
        # headlines counted as their forms are read: "U.K. ... 166" and "UK ... 166" are one filling
        plain = pd.factorize(pd.Series([_unpunctuated(str(t)) for t in titles], dtype="object"))[0]
        plain = np.where(title >= 0, np.append(plain, -1)[title], -1)
        heads = (hform, plain, _filled(hform, pd.Series(plain), _TEMPLATE_FILLINGS))
    return many, heads


def _recurring(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Is either figure's sentence form (the sentence with figures and digits masked), or its
    article's headline form (digits masked: "MONEY MARKET GIVEN # MLN STG HELP", a company's
    "4TH QTR NET"), printed on `_SERIES_DAYS` or more publication days in the corpus? And do
    both articles carry one such recurring headline form? The third array: both carry one
    headline form on two publication days (within one publisher, a re-issue comes out the same
    day, and a headline printed again days later, with no correction, is the report's next
    issue: "PORLA CRUDE PALM OIL TRADE REPORT FOR APRIL 2", then "... 6"; two outlets may print
    one wire headline a day apart)."""
    out = np.zeros(len(i), dtype=bool)
    both_head = np.zeros(len(i), dtype=bool)
    two_day = np.zeros(len(i), dtype=bool)
    if len(i) == 0:
        return out, both_head, two_day
    days = cols.days()
    for form, per_row, headline in _form_days(cols):
        out |= (per_row[i] >= _SERIES_DAYS) | (per_row[j] >= _SERIES_DAYS)
        if headline:
            one_form = (form[i] >= 0) & (form[i] == form[j])
            both_head |= one_form & (per_row[i] >= _SERIES_DAYS)
            two_day |= one_form & (days[i] != days[j]) & (days[i] >= 0) & (days[j] >= 0)
    return out, both_head, two_day


@_per_table
def _form_days(cols: Columns) -> tuple[tuple[np.ndarray, np.ndarray, bool], ...]:
    """The sentence forms, then the headline forms (where the table has them and any is dated):
    per row its form, the publication days that form is printed on, and whether it is a headline's."""
    days = cols.days()
    forms = []
    if "masked" in cols.table:
        forms.append((cols.codes("masked")[0], False))
    if "title" in cols.table:
        forms.append((_headline_forms(cols), True))
    out = []
    for form, headline in forms:
        ok = (form >= 0) & (days >= 0)
        if not ok.any():
            continue
        spread = pd.Series(days[ok]).groupby(form[ok]).nunique()
        n = np.zeros(int(form.max()) + 2)
        n[spread.index.to_numpy()] = spread.to_numpy()
        out.append((form, np.where(form >= 0, n[np.maximum(form, 0)], 0), headline))
    return tuple(out)


_FEW_STORIES = 5  # a company's results, dividend and deal news: a claimant of a few stories is no hub
_COMMON_STORIES = 50  # a claimant named in this many stories is a hub: `claimant_common` 1


def _claimant_spread(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many of the corpus's stories each pair's claimants are named in, on a log scale (up
    to `_FEW_STORIES` 0, `_COMMON_STORIES` or more 1), the larger of the two: an agency, a regulator or a
    head of government recurs across unrelated stories, and as a claimant says little about
    which fact a figure states."""
    if len(i) == 0 or "story" not in cols.table:
        return np.zeros(len(i))
    actor, _ = _claimants(cols)
    spread = _stories_per_claimant(cols)
    k = np.maximum(spread[np.where(actor[i] >= 0, actor[i], -1)], spread[np.where(actor[j] >= 0, actor[j], -1)])
    return np.clip(np.log(np.maximum(k, 1) / _FEW_STORIES) / np.log(_COMMON_STORIES / _FEW_STORIES), 0.0, 1.0)


@_per_table
def _stories_per_claimant(cols: Columns) -> np.ndarray:
    """Per claimant code, the stories it is named in (index -1: none)."""
    actor, _ = _claimants(cols)
    spread = np.zeros(int(actor.max()) + 2 if len(actor) else 1)
    if "story" not in cols.table:
        return spread
    story = pd.factorize(cols.table["story"].astype("object").fillna(""))[0]
    ok = actor >= 0
    if ok.any():
        n = pd.Series(story[ok]).groupby(actor[ok]).nunique()
        spread[n.index.to_numpy()] = n.to_numpy()
    return spread


@_per_table
def _headline_words(cols: Columns) -> tuple[list[list[str]], sparse.csr_matrix | None, np.ndarray]:
    """Each headline's content words, their TF-IDF rows (None without headlines), and per row
    the code of its headline without correction marks (-1: none)."""
    title, titles = cols.codes("title")
    words = [content_words(str(x)) for x in titles]
    folded = pd.Series([_fold_title(x) for x in titles], dtype="object")
    return (words, _tokens(words, weighted=True) if len(titles) else None,
            np.append(pd.factorize(folded)[0], -1)[title])  # -1 (missing) stays missing


@_per_table
def _doc_words(cols: Columns) -> DocWords:
    doc, _ = cols.codes("doc")
    return DocWords(cols.table, doc, doc[cols.used], cols)


def _story_similarity(stories: Stories, doc_codes: np.ndarray, doc_names: np.ndarray,
                      i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not stories.links:
        return np.zeros(len(i))
    width = max(len(doc_names), 1)
    # each link's two articles as codes into `doc_names` (-1: not in the table), both ways round
    ends = pd.Index(doc_names).get_indexer(np.array(list(stories.links), dtype=object).ravel()).reshape(-1, 2)
    sims = np.fromiter(stories.links.values(), dtype=np.float64, count=len(stories.links))
    ok = (ends[:, 0] >= 0) & (ends[:, 1] >= 0)
    if not ok.any():
        return np.zeros(len(i))
    x, y, sim = ends[ok, 0].astype(np.int64), ends[ok, 1].astype(np.int64), sims[ok]
    index = pd.Index(np.concatenate([x * width + y, y * width + x]))
    at = index.get_indexer(doc_codes[i] * width + doc_codes[j])
    return np.where(at >= 0, np.concatenate([sim, sim])[np.maximum(at, 0)], 0.0)


def features(table: pd.DataFrame, pairs: pd.DataFrame, stories: Stories,
             params: RelationParams, context: pd.DataFrame | None = None,
             outlets: Mapping[str, str] | None = None, drafts: set[str] | None = None,
             cols: Columns | None = None) -> pd.DataFrame:
    """The feature columns (FEATURES) and `relation` of each pair, aligned with `pairs`;
    `context`: the context features `prune` already computed for these pairs (`Contexts.overlap`:
    its `names_via_claimant` too); `outlets`: each
    article's outlet where its input says (doc id → "nytimes.com"); `drafts`: in a check, the
    articles read against the others (the reference side `unbacked` reads); `cols`: the
    table's columns, prepared for rows that include these pairs' (`Columns.prepare`)."""
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    used = np.unique(np.concatenate([i, j])) if len(i) else np.zeros(0, np.int64)  # the rows paired
    cols = cols or Columns(table, used)
    out: dict[str, np.ndarray] = {}  # the features, as one frame at the end
    doc_codes, doc_names = cols.codes("doc")
    same_doc = doc_codes[i] == doc_codes[j]
    story = _story_similarity(stories, doc_codes, doc_names, i, j)
    out["story"] = np.where(same_doc, 1.0, story)  # one article is one story
    out["same_doc"] = same_doc.astype(np.float64)
    out["linked"] = ((story > 0) & ~same_doc).astype(np.float64)

    if context is None:
        context = pd.DataFrame(Contexts(table, used, cols).overlap(i, j))
    for name in ("context_near", "context", "specific", "names", "numbers", "numbers_differ", "names_differ"):
        out[name] = context[name].to_numpy()
    out["parallel"] = (same_doc & (out["numbers_differ"] > 0)).astype(np.float64)
    out["dates_differ"] = _sentence_dates_differ(cols, i, j)
    actor, actors = _claimants(cols)
    out["claimant"] = _pair_similarity(actor, actors, i, j, _name_similarity)
    # two headline companies of different names, with tickers none in common, are two
    # companies whatever their names share ("KAY CORP <KAY>", "KAY JEWELERS INC <KJI>"); under
    # one name, a ticker that differs is a slip or a share class ("<FBO>", "<FBT>")
    listed = _listed_apart(cols, i, j)
    at = np.flatnonzero(listed)
    listed[at] = [not same_name(str(actors[a]), str(actors[b]))
                  for a, b in zip(actor[i[at]], actor[j[at]], strict=True)]
    listed |= _third_party(cols, actor, actors, i, j)
    out["claimant"] = np.where(listed, 0.0, out["claimant"])
    out["claimant_missing"] = ((actor[i] < 0) | (actor[j] < 0)).astype(np.float64)
    out["claimant_common"] = np.where(out["claimant"] >= 0.5, _claimant_spread(cols, i, j), 0.0)
    known = cols.flag("actor_known")
    out["claimant_known"] = (known[i] & known[j] & (actor[i] == actor[j]) & (actor[i] >= 0) & ~listed
                             ).astype(np.float64)
    both_named = (actor[i] >= 0) & (actor[j] >= 0)
    differs = both_named & (out["claimant"] < 0.5)
    per_doc = _doc_words(cols)
    if differs.any():  # two claimants an article names both are one story's people
        at = np.flatnonzero(differs & ~same_doc)
        differs[at] &= ~per_doc.name_each_other(actor[i[at]], actor[j[at]], doc_codes[i[at]], doc_codes[j[at]],
                                                actors)
    out["claimant_differs"] = (differs | listed).astype(np.float64)
    metric, _ = cols.codes("metric")
    family, _ = cols.codes("family")
    m_missing = (metric[i] < 0) | (metric[j] < 0)
    out["metric"] = np.where(m_missing, 0.0, np.where(metric[i] == metric[j], 1.0,
                                                      np.where(family[i] == family[j], 0.5, 0.0)))
    out["metric_missing"] = m_missing.astype(np.float64)
    out["metric_differs"] = (~m_missing & (family[i] != family[j])).astype(np.float64)
    title, _ = cols.codes("title")
    _, heads, fcodes = _headline_words(cols)
    has = (title[i] >= 0) & (title[j] >= 0)
    head = np.zeros(len(i))
    if heads is not None and has.any():
        head[has] = _cosine(heads, title[i][has], title[j][has])
    out["headline"] = np.where(same_doc, 0.0, head)
    out["headline_same"] = ((fcodes[i] >= 0) & (fcodes[i] == fcodes[j]) & ~same_doc).astype(np.float64)
    out["subjects_differ"] = np.where(same_doc, 0.0, _subjects_differ(cols, i, j))
    out["session_differs"] = np.where(same_doc, 0.0, _session_differs(cols, i, j))
    out["doc_names"] = np.where(same_doc, 0.0, per_doc.names(doc_codes[i], doc_codes[j]))
    out["others_differ"] = np.where(same_doc, 0.0, per_doc.others_differ(doc_codes[i], doc_codes[j]))
    goods = _goods(cols)
    out["goods_differ"] = ((goods[i] != 0) & (goods[j] != 0) & ((goods[i] & goods[j]) == 0)).astype(np.float64)
    corr = cols.flag("correction")
    out["correction"] = ((corr[i] | corr[j]) & ~same_doc).astype(np.float64)
    out["corrected"] = _corrected(cols, i, j, corr, doc_codes)
    days = cols.days()
    da, db = days[i], days[j]
    apart = np.where((da < 0) | (db < 0), 0, np.abs(da - db))
    out["days_apart"] = np.minimum(np.log2(1.0 + apart) / 5.0, 1.0)
    out["same_day"] = ((da >= 0) & (da == db)).astype(np.float64)
    rel = relations(table, i, j, params, cols)
    out["relation"] = rel
    kind, kinds = cols.codes("kind")
    is_date = kinds[kind[i]] == "date" if len(kinds) else np.zeros(len(i), dtype=bool)
    value = cols.num("value")
    va, vb = value[i], value[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = (va > 0) & (vb > 0)
        orders = np.where(pos, np.abs(np.log10(np.where(pos, va / vb, 1.0))), 0.0)
    first, last = cols.ordinals("date_start"), cols.ordinals("date_end")
    sa, ea = first[i], last[i]
    sb, eb = first[j], last[j]
    gap = np.maximum(0, np.maximum(sb - ea, sa - eb))
    span = np.maximum(np.maximum(ea - sa, eb - sb), 1)
    # money: 1 for equal, 0.9 for 5% apart, 0 from a factor of about three (half an order)
    out["closeness"] = np.where(is_date, 1.0 / (1.0 + gap / span), np.maximum(0.0, 1.0 - 2.0 * orders))
    out["slip"] = (rel == "magnitude_slip").astype(np.float64)
    out["currency_slip"] = (rel == "currency_mismatch").astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        power = np.where(pos, np.log10(np.where(pos, va / vb, 1.0)), 0.0)
    out["digits"] = ((~is_date) & pos & (np.abs(power) > 0.5) & (np.abs(power - np.round(power)) < 1e-6)
                     ).astype(np.float64)
    run, one_digit, one_digit_single = _digit_run(cols, i, j)
    out["digit_run"] = np.where(is_date | (va == vb), 0.0, run)
    out["scale"] = (rel == "scale_mismatch").astype(np.float64)
    # a round number slipped in its magnitude word ("about one mln" / "more than one billion")
    # is as likely a coincidence as one in two currencies
    out["round_same"] = _round_same(cols.num("number"), i, j, (rel == "currency_mismatch") | (rel == "magnitude_slip"))
    qual, quals = cols.codes("qualifier")
    inexact = np.append(quals != "exact", False)  # index -1 (missing) reads as exact
    out["bound"] = ((inexact[qual[i]] | inexact[qual[j]]) & ~is_date).astype(np.float64)
    stage, _ = cols.codes("stage")
    revised = cols.flag("revised")
    out["revision"] = (revised[i] | revised[j]).astype(np.float64)
    out["successive"] = (revised[i] & revised[j] & ~same_doc & (out["same_day"] == 0)
                         & (out["days_apart"] > 0)).astype(np.float64)
    tab = cols.flag("table")
    out["table"] = (tab[i] | tab[j]).astype(np.float64)
    both_tab = tab[i] & tab[j]
    # two table rows: the row label and its neighbours are all their "context"; what makes
    # them one figure is the same company (claimant), label (metric), column and period
    for name in ("context_near", "context", "specific"):
        out[name] = np.where(both_tab, 0.0, out[name])
    # a table's claimant is its headline's company: two tables of companies whose names differ
    # are two companies' results, even when one article names both (a fund family's releases)
    out["claimant_differs"] = np.where(both_tab & (actor[i] >= 0) & (actor[j] >= 0)
                                       & (out["claimant"] < 0.5), 1.0, out["claimant_differs"])
    # a re-issued table (one headline): a row's other numbers are its other columns, which the
    # re-issue may have changed too; the slot, not they, tells two figures apart
    reissued = both_tab & (out["headline_same"] > 0)
    for name in ("numbers", "numbers_differ"):
        out[name] = np.where(reissued, 0.0, out[name])
    period, _ = cols.codes("period")
    variant = _row_variants(cols)
    row = _row_names(cols)
    same_row = (row[i] == row[j]) | (row[i] == "") | (row[j] == "")  # ("": a row the reader did not label)
    # one slot of one company's table: with no claimant the tables may be two companies' (two
    # funds of one family whose headlines name no ticker)
    one_company = both_named & (out["claimant"] >= 0.5)
    out["table_slot"] = (both_tab & one_company & (metric[i] == metric[j]) & (metric[i] >= 0)
                         & (stage[i] == stage[j]) & (period[i] == period[j]) & (variant[i] == variant[j])
                         & same_row).astype(np.float64)
    # one slot of two tables (or a re-issued table): a row's other numbers are its other
    # columns, each a slot of its own that may differ too; the slot, not they, tells figures apart
    slot = out["table_slot"] > 0
    for name in ("numbers", "numbers_differ"):
        out[name] = np.where(slot, 0.0, out[name])
    # two tables' lines of different names measure different things ("Sales", "Revs")
    out["metric_differs"] = np.where(both_tab & ~same_row, 1.0, out["metric_differs"])
    out["period_differs"] = _differs(cols.codes("period")[0], i, j)
    horizon, _ = cols.codes("horizon")
    out["horizon_differs"] = _differs(horizon, i, j)
    out["horizon_same"] = ((horizon[i] >= 0) & (horizon[i] == horizon[j])).astype(np.float64)
    out["stage_differs"] = _differs(stage, i, j)
    per, _ = cols.codes("per")
    out["per_differs"] = ((per[i] != per[j]) & ~is_date).astype(np.float64)
    resolved, guessed = cols.flag("resolved"), cols.flag("guessed")
    out["relative"] = ((resolved[i] | resolved[j]) & is_date).astype(np.float64)
    # two years both guessed from publication days a day apart at most are one guess: the
    # months and days compare whatever the year ("3RD QTR JAN 28" and "ended January 31")
    one_guess = guessed[i] & guessed[j] & (apart <= 1)
    out["guessed"] = ((guessed[i] | guessed[j]) & is_date & ~one_guess).astype(np.float64)
    pointing = resolved & ~guessed
    out["deictic"] = ((pointing[i] | pointing[j]) & is_date).astype(np.float64)
    # "today", "last week" in articles of different days: the reference moved, and with it,
    # most often, the event (a continuing story's news of each day)
    out["relative_apart"] = out["relative"] * out["days_apart"]
    folded = _text_forms(cols)
    same_words = is_date & (folded[i] == folded[j]) & (resolved[i] | resolved[j])
    out["same_words"] = same_words.astype(np.float64)
    # a relative date copied with its sentence (a re-issue filed days later) is one statement
    # read against two publication dates: as written, the two agree. So are the same words read
    # against one publication day, whatever the tense around them made of the year ("should
    # reach ... in the last six months of the year" / "were estimating that in the last six
    # months of the year"): the writers named one time
    one_day = same_doc | ((da >= 0) & (da == db))
    copied = same_words & (one_day | (~same_doc & (out["context_near"] >= 0.8)
                                      & (out["context"] >= 0.8)))
    out["relation"] = np.where(copied, "agree", rel)
    out["closeness"] = np.where(copied, 1.0, out["closeness"])
    out["is_date"] = is_date.astype(np.float64)
    # two outlets telling one story: where they give one amount two values, one of them is
    # wrong (their weekdays and "last year" are read against two publication dates instead)
    outlet = np.append(np.array([(outlets or {}).get(str(d), "") for d in doc_names], dtype=object), "")
    oa, ob = outlet[doc_codes[i]], outlet[doc_codes[j]]
    two_outlets = (story > 0) & ~same_doc & (oa != "") & (ob != "") & (oa != ob)
    out["outlets"] = (two_outlets & ~is_date).astype(np.float64)
    # the metric lexicon reads one outlet's "spent $750,000 in campaign cash" and another's "use
    # of $750,000 in campaign money" as two metrics: across outlets (not table lines) their
    # words differ more than their facts, so a differing metric is no evidence against one fact
    out["metric_differs"] = np.where(two_outlets & ~both_tab, 0.0, out["metric_differs"])
    # so do their names: the person one outlet makes the subject ("Jesse Jackson Jr. pleaded
    # guilty") another names beside a claimant it read elsewhere ("Jesse L. Jackson Jr., the
    # former representative from Illinois"); a name the two share that way is one in common
    out["names_differ"] = np.where(two_outlets & (context["names_via_claimant"].to_numpy() > 0), 0.0,
                                   out["names_differ"])
    # a written date two outlets put in sentences alike (numbers left out) dates one event
    # told twice ("voters approved Amendment 64 in 2012" / "approved by voters in 2015"): what
    # the figure's claimant and metric are for an amount, the sentence's words are for a date
    # a weekday or "last month" two outlets read against their own days dates one event where
    # the same claimant does the same thing by both accounts, the verb next to the date naming
    # it ("Lauten on Friday apologized" / "had to apologize Saturday"): a story's days hold
    # many events, and a shared noun ("interview", "statement") or another person's act is
    # another day's
    deictic = out["deictic"] > 0
    out["event_verb"] = _event_verb_shared(cols, i, j, two_outlets & is_date & deictic
                                           & (out["claimant"] >= 0.5))
    named_event = ~deictic | (out["event_verb"] > 0)
    out["event_told"] = np.where(two_outlets & is_date & named_event, out["context"], 0.0)
    # two amounts of one story share its rare words whether or not they are one fact (another
    # part of the deal, another company in it): their claimant and metric name the fact. A date
    # two outlets write out has neither; the rare words of its sentence name its event
    out["specific_date"] = np.where(out["event_told"] > 0, out["specific"], 0.0)
    stage_names = np.append(cols.codes("stage")[1], None)
    earlier = stage_names[stage] == "previous"
    prec = cols.num("precision")
    unequal = va != vb  # "67 mln" states 67.0 mln; "$3 billion" only allows $3.5 billion
    sentence = _sentences(cols)
    out["counterpart"], out["twin"], out["shared_figures"], compared = _alignment(
        out, i, j, doc_codes, earlier[i] != earlier[j], (unequal & (prec[j] > prec[i]), unequal & (prec[i] > prec[j])),
        sentence)
    # two articles of one publisher and different days whose figures, three or more each with a
    # candidate in the other, nearly all differ (a third or fewer agree), with no correction: a
    # new issue of a recurring report (this week's money supply, line by line against last week's)
    out["renewed"] = (~two_outlets & (apart >= 1) & (compared >= 3) & (out["shared_figures"] <= 1 / 3)
                      & (out["correction"] == 0) & (out["corrected"] == 0)
                      ).astype(np.float64)
    # no correction, and another day with the same template in a sentence form the corpus
    # prints on three days or more, or one headline form both articles share that it prints
    # so often (on any day: a daily report's later round), or that one publisher prints on two
    # days: a recurring report's new figure
    recurring, same_form, two_day = _recurring(cols, i, j)
    same_form |= two_day & ~two_outlets
    template, template_head = _templates(cols, i, j)
    alike = out["context"] >= 0.6
    out["series"] = ((out["correction"] == 0)
                     & (((apart >= 1) & alike & recurring) | same_form | (template & alike & ~both_tab)
                        | template_head)).astype(np.float64)
    # a contradiction is somebody's error, and an amount's errors have shapes: a re-issue or
    # correction, a slipped digit, magnitude or currency, an amount orders of magnitude off, a
    # misread amount a few per cent off. Two amounts that differ in none of these ways are,
    # more often than not, two facts (another item, day or deal) however alike their
    # sentences. (Dates have their own evidence: relative readings, days apart.)
    anchored = ((out["correction"] > 0) | (out["corrected"] > 0)
                | (out["headline_same"] > 0) | (out["table_slot"] > 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        # a balance moves that much from one week to the next: near only within a day; and a
        # price (per tonne, or a named good's amount without a magnitude word) that much between
        # markets, grades and hours of one day (gold's morning and afternoon fix): a few per
        # cent, even one digit, apart is no misreading for prices
        priced = _priced(cols)
        prices = priced[i] | priced[j]
        within = ~is_date & pos & (np.abs(va - vb) <= _NEAR * np.maximum(va, vb))
        near = within & (apart <= 1) & ~prices
    # in one article, two items a few per cent apart are common (operating and trading profit,
    # 1.48 and 1.51 billion): its writer did not misread one of them; two prices one digit and
    # a few per cent apart are two quotes
    # a single significant digit changed is no sign by itself: any two round amounts of one scale
    # differ so ("5 cts" and "4 cts" for two share classes, "80 mln" and "50 mln" of bills). It is
    # one beside the same other numbers ("lost 3p to 821" / "lost 4p to 821"), and in a check,
    # where the archive is the reference and `unbacked` weighs that shape on the draft's behalf
    # ... and only in an article of the draft's own story: two loosely linked articles' round
    # amounts (a campaign's "$8 billion" wall, a budget fight's "$5 billion") differ so by chance
    # (the story as grouped: an article the grouping leaves out of the draft's is read as another's)
    in_draft = _in_draft(doc_codes, doc_names, drafts)
    by_chance = one_digit_single & (out["numbers"] < 0.5)
    chance = by_chance & (~(in_draft[i] | in_draft[j]) | ~_one_story(stories, doc_codes, doc_names, i, j, drafts))
    slipped = (one_digit & ~chance & ~(within & prices)) | (near & ~same_doc)
    # two outlets telling one story write one amount to the same precision, exactly, and a
    # digit apart ("$5.7 billion" / "$5.6 billion"): one of them misread or misheard it. Within
    # one publisher the same shape is as often two quotes of a moving price (no `outlets` there)
    exact = out["bound"] == 0
    out["stated_apart"] = (two_outlets & ~is_date & within & one_digit & (prec[i] == prec[j]) & exact
                           ).astype(np.float64)
    shaped = ((out["slip"] > 0) | (out["digits"] > 0) | (slipped & ~is_date & (va != vb))
              | (out["currency_slip"] > 0) | (rel == "scale_mismatch"))
    # one writer's two amounts orders of magnitude apart, or one significant digit a power of
    # ten apart, are two items of the article ("five Ecus" and "50 Ecus" for two coins, "145
    # dlrs" a share and "125 mln dlrs" of equity): chance shapes, as a single changed digit is
    # across articles. A slip of the writer's hand keeps its shape: the same digits under
    # another magnitude or currency word ("500 Milliarden US-Dollar" and "500 US-Dollar"), a
    # run of digits moved ("245 mln" and "2,450 mln"), a digit changed. In a draft, not yet
    # edited, every shape still counts
    kept = (out["slip"] > 0) | (out["currency_slip"] > 0) | (out["digit_run"] > 0)
    chance_in_one = same_doc & ~in_draft[i] & ~kept & ((rel == "scale_mismatch") | (out["digits"] > 0))
    shaped &= ~chance_in_one
    differing = np.isin(rel, list(CONFLICTS))
    # two dates are one event's when something names the event: the same metric ("pay",
    # "completion"), two outlets' written dates of one story, or one sentence two articles
    # tell with only the date changed ("served from 1996 to 2007" / "from 1997 to 2007")
    retold = (~same_doc & (out["context_near"] >= 0.9) & (out["context"] >= 0.9)
              & (out["numbers_differ"] == 0) & (out["same_words"] == 0))
    event = (out["metric"] >= 1) | (two_outlets & named_event) | retold
    out["unexplained"] = (differing & ~anchored & np.where(is_date, ~event, ~shaped)).astype(np.float64)
    # one writer states both figures: an article giving two values of one fact without a slip's
    # shape is rarer than one listing two alike items (Class A and Class B payouts)
    out["one_writer"] = (same_doc & (out["unexplained"] > 0)).astype(np.float64)
    # a date whose event nothing names is most often another event's date (another period of
    # a report, another step of one story): hand checks found few such date conflicts real
    out["event_unnamed"] = ((out["unexplained"] > 0) & is_date).astype(np.float64)
    money = (kinds[kind] == "money") & (kind >= 0) if len(kinds) else np.zeros(len(table), dtype=bool)
    # the other article states this amount too, in the same unit, column and period (a flash
    # "SHR 1.01 DLRS VS 66 CTS" against the table's "Shr diluted 1.01 dlrs vs 66 cts" beside its
    # "Shr 1.04 dlrs vs 67 cts"): the figure is accounted for there, and the differing one is
    # another line. A correction restates the value it replaces, a draft is read against the
    # archive line by line (`unbacked`), and two outlets each give their own account (one may
    # state the other's figure for another item), so none of these counts
    out["stated_there"] = _stated_there(cols, i, j, doc_codes, money,
                                        differing & ~is_date & ~same_doc & ~(in_draft[i] | in_draft[j])
                                        & ~two_outlets & (out["correction"] == 0)
                                        & (out["corrected"] == 0))
    currency = cols.obj("currency")
    # a check reads the draft against its story as told so far: a draft's amount one error away
    # from an archive amount (ten times it, its digits under another magnitude word, one digit
    # changed), in an archive article that states the draft's amount nowhere, is most likely
    # that amount mistyped, however differently the two sentences are worded
    one_currency = (currency[i] == currency[j]) | pd.isna(currency[i]) | pd.isna(currency[j])
    shaped_as_error = ((out["digits"] > 0) | (out["slip"] > 0) | (one_digit & ~chance)) & one_currency
    out["unbacked"] = _unbacked(value, currency, money, i, j, doc_codes, in_draft,
                                ~is_date & differing & shaped_as_error & (story > 0))
    # so is a draft's written date one slip from an archive date whose sentence tells the same
    # event in words alike (a year or a day a few apart, the rest the same: "approved by voters
    # in 2015" against "voters approved Amendment 64 ... in 2012") and that the archive article
    # dates nothing else on. A story's years are many, and two of them a few apart in sentences
    # sharing a few words are most often two events ("since 2002" for one leader, "since 2003"
    # for two others): only sentences this alike count
    written = ~(resolved | guessed)
    slipped_date = (is_date & differing & written[i] & written[j] & (out["event_told"] >= _TOLD_ALIKE)
                    & (in_draft[i] != in_draft[j]))
    at = np.flatnonzero(slipped_date)
    if len(at):
        slipped_date[at] = _one_date_slip(cols, i[at], j[at])
    if slipped_date.any():
        out["unbacked"] = np.maximum(out["unbacked"],
                                     _unbacked_dates(cols, i, j, doc_codes, in_draft, slipped_date, guessed))
    return pd.DataFrame(out, index=pairs.index)


_TOLD_ALIKE = 0.4  # `context` from which two outlets' sentences tell one event for a date's slip
_DATE_SLIP_YEARS = 3  # a year this many apart, month and day the same, is one slip ("2012", "2015")
_DATE_SLIP_DAYS = 3  # so is a day this many apart in one month ("March 12", "March 14")


def _one_date_slip(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two dates of one granularity that one slip tells apart: one end of the two (or both by
    the same step) a few years apart with month and day the same, or a few days apart in one
    month ("from 2009 to 2013" / "from 2008 to 2013", "2012" / "2015", "March 12" / "March 14")."""
    out = np.zeros(len(i), dtype=bool)
    start, end, gran = cols.obj("date_start"), cols.obj("date_end"), cols.obj("granularity")
    for n in np.flatnonzero((start[i] != start[j]) | (end[i] != end[j])).tolist():
        a, b = int(i[n]), int(j[n])
        if gran[a] != gran[b] or not all(isinstance(x, str) and len(x) == 10
                                         for x in (start[a], start[b], end[a], end[b])):
            continue
        # a day's end is the next day (another month at a month's end): its start says it all
        ends = [(str(start[a]), str(start[b]))] if gran[a] == "day" else \
            [(str(start[a]), str(start[b])), (str(end[a]), str(end[b]))]
        steps = {_slip(x, y) for x, y in ends} - {(None, 0)}
        out[n] = len(steps) == 1 and next(iter(steps))[0] in ("year", "day")
    return out


def _slip(a: str, b: str) -> tuple[str | None, int]:
    """How two ISO dates differ: (None, 0) alike; ("year", step) a few years apart, month and
    day alike; ("day", step) a few days apart in one month; ("other", 0) otherwise. Two ends
    that moved make one slip only by the same step."""
    if a == b:
        return None, 0
    if a[4:] == b[4:] and 0 < abs(int(a[:4]) - int(b[:4])) <= _DATE_SLIP_YEARS:
        return "year", int(a[:4]) - int(b[:4])
    if a[:8] == b[:8] and 0 < abs(int(a[8:]) - int(b[8:])) <= _DATE_SLIP_DAYS:
        return "day", int(a[8:]) - int(b[8:])
    return "other", 0


def _unbacked_dates(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray, in_draft: np.ndarray,
                    shaped: np.ndarray, guessed: np.ndarray) -> np.ndarray:
    """`_unbacked` for dates: 1 for a pair of a draft's date and an archive date (`shaped`: one
    slip apart) whose archive article dates nothing else within the draft's date (a date whose
    year is our guess, `guessed` per row, states no year; the paired date itself, a range
    overlapping the draft's, is what differs)."""
    out = np.zeros(len(i))
    first, last = cols.ordinals("date_start"), cols.ordinals("date_end")
    at, own, paired, rows_of = _draft_sides(i, j, doc, in_draft, shaped, (first >= 0) & ~guessed)
    for n, r, d, p in zip(at.tolist(), own.tolist(), doc[paired].tolist(), paired.tolist(), strict=True):
        there = np.array(rows_of.get(d, ()), dtype=np.int64)
        there = there[there != p]
        inside = (first[there] < last[r]) & (last[there] > first[r])  # any day in common
        out[n] = 0.0 if inside.any() else 1.0
    return out


def _draft_sides(i: np.ndarray, j: np.ndarray, doc: np.ndarray, in_draft: np.ndarray, shaped: np.ndarray,
                 rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, list[int]]]:
    """For the `shaped` pairs of a draft's figure and an archive one: their positions, the
    draft's row and the archive's row of each, and the `rows` (a row mask) of each paired
    archive article, by article (what `_unbacked` reads the draft's figure against)."""
    at = np.flatnonzero(shaped & (in_draft[i] != in_draft[j]))
    own = np.where(in_draft[i[at]], i[at], j[at])
    paired = np.where(in_draft[i[at]], j[at], i[at])
    there = np.flatnonzero(rows & np.isin(doc, np.unique(doc[paired])))
    return at, own, paired, pd.Series(there).groupby(doc[there]).agg(list).to_dict()


def _one_story(stories: Stories, doc_codes: np.ndarray, doc_names: np.ndarray, i: np.ndarray, j: np.ndarray,
               drafts: set[str] | None) -> np.ndarray:
    """1 where a pair's two articles are grouped in one story (read in a check only: all 1 in a scan)."""
    if not drafts:
        return np.ones(len(i), dtype=bool)
    story_of = np.array([stories.story.get(str(d), "") for d in doc_names] + [""], dtype=object)
    return (story_of[doc_codes[i]] == story_of[doc_codes[j]]) & (story_of[doc_codes[i]] != "")


def _in_draft(doc: np.ndarray, doc_names: np.ndarray, drafts: set[str] | None) -> np.ndarray:
    """Whether each row is a draft's figure (a check's article, read against the archive)."""
    if not drafts:
        return np.zeros(len(doc), dtype=bool)
    return np.append(np.isin(doc_names.astype(str), list(drafts)), False)[doc]  # (-1: no article)


def _unbacked(value: np.ndarray, currency: np.ndarray, money: np.ndarray, i: np.ndarray, j: np.ndarray,
              doc: np.ndarray, in_draft: np.ndarray, shaped: np.ndarray) -> np.ndarray:
    """1 for a pair of a draft's amount (`in_draft`: per row) and an archive amount (`shaped`:
    one error apart) whose archive article states the draft's amount nowhere (within 3%, in its
    currency or none). An amount a digit and a few per cent from the draft's backs it as well:
    two such are a misreading (`stated_apart`) or two quotes, no mistyping. Each pair is read on its own two
    articles: an article added to the archive never unmakes a pair's evidence."""
    out = np.zeros(len(i))
    if not in_draft.any() or not shaped.any():
        return out
    at, own, paired, rows_of = _draft_sides(i, j, doc, in_draft, shaped, money)
    if not len(at):
        return out
    other_doc = doc[paired]
    states: dict[tuple[int, int], bool] = {}
    for r, d in zip(own.tolist(), other_doc.tolist(), strict=True):
        if (r, d) not in states:
            there = np.array(rows_of.get(d, ()), dtype=np.int64)
            if len(there) and not pd.isna(currency[r]):
                there = there[(currency[there] == currency[r]) | pd.isna(currency[there])]
            states[r, d] = bool((np.abs(value[there] - value[r]) <= _NEAR * np.maximum(np.abs(value[there]),
                                                                                     abs(value[r]))).any())
    out[at] = [0.0 if states[r, d] else 1.0 for r, d in zip(own.tolist(), other_doc.tolist(), strict=True)]
    return out


def _stated_there(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray,
                  money: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """1 for an `eligible` pair where either amount's article states the other's value exactly,
    in its currency and per-unit, at the same stage and period (all as read, missing alike).
    Only an amount of two significant digits or more counts: a market report's list of moves
    ("lost 3p", "rose 4p") repeats one-digit amounts by chance. (Dates are left out: a story's
    years and decades recur for other events, "the 1980s" of one item and of another.)"""
    out = np.zeros(len(i))
    at = np.flatnonzero(eligible)
    if not len(at):
        return out
    value = np.round(cols.num("value"), 9)
    asked_rows = np.concatenate([i[at], j[at]])  # i's amounts asked in j's article, then j's in i's
    _, length, _ = _mantissas(value[asked_rows])
    wanted = np.unique(np.concatenate([doc[i[at]], doc[j[at]]]))
    rows = np.flatnonzero(money & np.isin(doc, wanted))
    keys = [cols.codes(c)[0] for c in ("currency", "per", "stage", "period")]  # -1 where unread

    def frame(where: np.ndarray, figure: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame({"doc": where, "value": value[figure], **{str(n): k[figure] for n, k in enumerate(keys)}})

    stated = frame(doc[rows], rows)
    asked = frame(np.concatenate([doc[j[at]], doc[i[at]]]), asked_rows)
    codes = pd.concat([stated, asked], ignore_index=True).groupby(list(stated.columns), dropna=False).ngroup()
    codes = codes.to_numpy()
    found = np.isin(codes[len(stated):], codes[:len(stated)]) & (length >= 2)
    out[at] = (found[:len(at)] | found[len(at):]).astype(np.float64)
    return out


def _alignment(out: Mapping[str, np.ndarray], i: np.ndarray, j: np.ndarray, doc: np.ndarray, earlier: np.ndarray,
               coarser: tuple[np.ndarray, np.ndarray] | None = None, sentence: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """How each pair stands among the figure's other candidates in the other article.

    `counterpart`: each figure is the other's most alike candidate there (words around it, or
    the table slot), so the two are what the two articles say at the same place.
    `twin`: the other article also states this figure's own value (close, not only within an
    open bound) in words at least as alike:
    the figure is accounted for there, and a differing figure beside it is another fact
    (a re-issued sentence listing 1986 and 1987 pairs each year with the other too). A rounder
    figure of another value there (`coarser`: per pair, j's figure rounder than i's, and i's
    than j's) only allows the value, it does not state it: "$3 billion" does not account for
    $3.5 billion, while "67 mln" states 67.0 mln. A figure whose value the differing figure's
    own sentence states too (`sentence`: each row's sentence) is accounted for there, however
    alike the words: the differing figure is another item of that sentence's list ("about $200
    million from Homeland Security and another $600 million from the Treasury"). A figure
    the other article gives as the earlier value ("to 110 from 100") is history, not a twin of
    a current one; two earlier values ("from 8.06 billion a year ago" in both) are twins.
    `shared_figures`: the share of the two articles' candidate figures that have an agreeing
    twin in the other: near 1 for a re-issue, where the few figures that differ are the edits.
    The fourth array: how many figures each article has with candidates in the other (the
    fewer of the two), so that a share of one in one is not read as a share of ten in ten.
    """
    if len(i) == 0:
        return np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0)
    sim = (np.asarray(out["context_near"]) + np.asarray(out["context"]) + np.asarray(out["table_slot"])
           + 0.5 * np.asarray(out["claimant"]))
    # an agreeing value, not one an open bound merely allows ("more than $200,000" allows $5.4m)
    agree = (np.asarray(out["relation"]) == "agree") & ~earlier & (np.asarray(out["closeness"]) >= 0.8)
    cross = doc[i] != doc[j]
    k = np.flatnonzero(cross)
    if not len(k):
        return np.zeros(len(i)), np.zeros(len(i)), np.zeros(len(i)), np.zeros(len(i))
    # each cross-article pair seen from both figures: (figure, the other's article) is a group
    n_docs = int(doc.max()) + 1
    fig = np.concatenate([i[k], j[k]]).astype(np.int64)
    own = np.concatenate([doc[i[k]], doc[j[k]]]).astype(np.int64)
    other = np.concatenate([doc[j[k]], doc[i[k]]]).astype(np.int64)
    s, ag, n = np.concatenate([sim[k], sim[k]]), np.concatenate([agree[k], agree[k]]), np.concatenate([k, k])
    # the figure's partner states its value: an agreeing partner no rounder than the figure
    states = ag if coarser is None else ag & ~np.concatenate([coarser[0][k], coarser[1][k]])
    g = pd.factorize(fig * n_docs + other)[0]
    groups = int(g.max()) + 1
    top = np.full(groups, -np.inf)
    np.maximum.at(top, g, s)
    best = s >= top[g] - 1e-9
    twin_top = np.full(groups, -np.inf)  # the most alike pair of the group stating the figure's value
    np.maximum.at(twin_top, g[states], s[states])
    twinned = ~ag & (twin_top[g] >= s - 1e-9)
    if sentence is not None:
        n_sent = int(sentence.max()) + 1
        fig_sentence = fig * n_sent + sentence[np.concatenate([j[k], i[k]])]  # the figure, its partner's sentence
        twinned |= ~ag & np.isin(fig_sentence, fig_sentence[states])
    best_count = np.bincount(n, weights=best.astype(np.float64), minlength=len(i))
    twin_any = np.bincount(n, weights=twinned.astype(np.float64), minlength=len(i))
    # per (figure, other article): has it an agreeing twin there? then the share per article pair
    has_twin = np.zeros(groups, dtype=bool)
    has_twin[g[ag]] = True
    g_own, g_other = np.empty(groups, dtype=np.int64), np.empty(groups, dtype=np.int64)
    g_own[g], g_other[g] = own, other
    per_pair, pair_keys = pd.factorize(g_own * n_docs + g_other)
    figures = np.bincount(per_pair).astype(np.float64)
    ratio = np.bincount(per_pair, weights=has_twin.astype(np.float64)) / figures
    at = pd.Index(pair_keys)
    r_ab = at.get_indexer(doc[i].astype(np.int64) * n_docs + doc[j])
    r_ba = at.get_indexer(doc[j].astype(np.int64) * n_docs + doc[i])

    def fewer(per: np.ndarray) -> np.ndarray:  # the lesser of the two directions' values
        return np.where(cross, np.fmin(np.where(r_ab >= 0, per[r_ab], 0.0), np.where(r_ba >= 0, per[r_ba], 0.0)), 0.0)

    shared, compared = fewer(ratio), fewer(figures)
    return (best_count >= 2).astype(np.float64), (twin_any > 0).astype(np.float64), shared, compared


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


@_per_table
def _priced(cols: Columns) -> np.ndarray:
    """Per row, whether it is a price (factcheck/data/goods.toml [units]): a rate per a quantity,
    a share's price or a bid per share, or an amount of a named good's sentence (or headline)
    with no rate and no magnitude word ("gold was fixed at 419.80 dlrs"; "1.9 billion dlrs" of
    an oil company is a total)."""
    goods = _goods(cols)
    quantities, share_prices = _price_units()
    per, pers = cols.codes("per")
    metric, metrics = cols.codes("metric")
    unit = np.append(np.array([p in quantities for p in pers], dtype=bool), False)
    share = np.append(np.array([p == "share" for p in pers], dtype=bool), False)
    priced_metric = np.append(np.array([m in share_prices for m in metrics], dtype=bool), False)
    mag, _ = cols.codes("magnitude")
    return unit[per] | (share[per] & priced_metric[metric]) | ((goods != 0) & (per < 0) & (mag < 0))


@_per_table
def _goods(cols: Columns) -> np.ndarray:
    """Per row, the goods its sentence names (its context words), else its headline's: a bit
    each. Read for the rows `used` only (0 elsewhere)."""
    title, _ = cols.codes("title")
    head_words = _headline_words(cols)[0]
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
    by_ctx[wanted] = [mask(_wide(c)) for c in ctxs[wanted]]
    by_title = np.append(np.array([mask(w) for w in head_words], dtype=np.int64), 0)
    own = by_ctx[ctx]
    return np.where(own != 0, own, by_title[title])


_SIG_DIGITS = 12  # significant digits compared (a float holds about 15)


def _mantissas(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each positive value's significant digits (a row of `_SIG_DIGITS`, zeros after the last),
    how many there are, and its power of ten. Each distinct value is read once: pairs repeat a
    few thousand figures."""
    uniq, inv = np.unique(np.asarray(values, dtype=np.float64), return_inverse=True)
    digits = np.zeros((len(uniq), _SIG_DIGITS), dtype=np.int8)
    length = np.zeros(len(uniq), dtype=np.int64)
    power = np.zeros(len(uniq), dtype=np.int64)
    for n, v in enumerate(uniq.tolist()):
        if not v > 0 or not np.isfinite(v):
            continue
        mant, exp = f"{v:.{_SIG_DIGITS - 1}e}".split("e")
        run = mant.replace(".", "").rstrip("0")
        digits[n, :len(run)] = [int(c) for c in run]
        length[n], power[n] = len(run), int(exp)
    inv = inv.ravel()
    return digits[inv], length[inv], power[inv]


_NEAR = 0.03  # amounts this close that still differ after rounding: a misreading, not another fact


@_per_table
def _row_variants(cols: Columns) -> np.ndarray:
    """Per table row, the words before its figure that set it apart from other rows of its
    label ("Qtly div Class A 27-1/2 cts": "class class a"); "" for prose and plain rows."""
    table = cols.table
    out = np.full(len(table), "", dtype=object)
    at = np.flatnonzero(cols.flag("table"))
    if len(at) and {"sentence", "start", "sent_start"} <= set(table.columns):
        sent = table["sentence"].to_numpy()
        cut = pd.to_numeric(table["start"], errors="coerce").to_numpy() - pd.to_numeric(
            table["sent_start"], errors="coerce").to_numpy()
        for k in at.tolist():
            text = str(sent[k] or "")
            end = int(cut[k]) if cut[k] == cut[k] and 0 <= cut[k] <= len(text) else len(text)
            out[k] = row_variant(text[:end])
    return out


@_per_table
def _row_names(cols: Columns) -> np.ndarray:
    """Per table row, the line its label names, in content words without the words of its sign
    or variant: "Revs" and "Revenues" are one line, "Sales" another (a company reporting both
    prints both), "Net profit" and "Net loss" one; "" for prose and rows with no label."""
    label, labels = cols.codes("row_label")
    names = np.array([" ".join(sorted(set(content_words(str(x))) - row_sign_words())) for x in labels]
                     + [""], dtype=object)  # each label once; index -1: no label
    return np.where(cols.flag("table"), names[label], "")


def _digit_run(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How improbable it is that two differing amounts share their digits by chance: the
    significant digits they share when one is the other a power of ten apart, or with one digit
    changed at the same scale (a typing slip): a third for each beyond the first, 1 from four.
    Two unrelated amounts rarely share three digits or more; round ones share one often. And
    whether the two differ in one significant digit at one scale ($5.7 / $5.6 billion, $5 / $7
    billion, 4,568,000 / 4,538,000): a mistyped or misread digit, the shape of an error; and
    whether both of those have a single significant digit, where it is no sign at all ($5 / $7
    billion, 80 / 50 mln: any two such amounts of one scale differ in one digit)."""
    if len(i) == 0:
        return np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    digits, length, power = _value_digits(cols)
    len_a, len_b = length[i], length[j]
    same_power = power[i] == power[j]
    differ = (digits[i] != digits[j]).sum(axis=1)
    longest = np.maximum(len_a, len_b)
    shared = np.where(differ == 0, longest, np.where((differ == 1) & same_power, longest - 1, 0))
    stated = (len_a > 0) & (len_b > 0)
    shared = np.where(stated, shared, 0)
    one_digit = stated & (differ == 1) & same_power
    single = one_digit & (longest < 2)
    return np.clip((shared - 1) / 3.0, 0.0, 1.0), one_digit, single


@_per_table
def _value_digits(cols: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's value's significant digits, their number and its power of ten (`_mantissas`)."""
    return _mantissas(cols.num("value"))


@_per_table
def _text_forms(cols: Columns) -> np.ndarray:
    """Per row, the code of its figure's words, case and spacing aside (-1: none)."""
    text, texts = cols.codes("text")
    return np.append(pd.factorize(pd.Series([" ".join(str(t).lower().split()) for t in texts],
                                            dtype="object"))[0], -1)[text]


def _round_same(number: np.ndarray, i: np.ndarray, j: np.ndarray, same: np.ndarray) -> np.ndarray:
    """1 where two amounts of one number in two currencies (`same`) write it with one
    significant digit ("10,000", "100 mln", "5,000"): such numbers coincide by chance across
    unrelated stories, so the currency slip says little."""
    a = number[i]
    with np.errstate(divide="ignore", invalid="ignore"):
        power = np.where(a > 0, 10.0 ** np.floor(np.log10(np.where(a > 0, a, 1.0))), 1.0)
        lead = a / power
    one_digit = (a > 0) & (np.abs(lead - np.round(lead)) < 1e-9)
    return (same & one_digit & (number[i] == number[j])).astype(np.float64)


def _differs(codes: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = codes[i], codes[j]
    return ((a >= 0) & (b >= 0) & (a != b)).astype(np.float64)
