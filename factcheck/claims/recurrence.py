"""Recurring reports and templates: a sentence or headline form printed on several days, or
filled several ways, is a series whose figures differ because the facts moved."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns, per_table
from factcheck.datafiles import load
from factcheck.patterns import trie

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


@per_table
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


def _filled(form: np.ndarray, text: np.ndarray, texts: np.ndarray | None, times: int,
            counted: np.ndarray | None = None) -> np.ndarray:
    """Per row, whether `times` or more different texts fill its form: `text` per row its text's
    code into `texts`, read case and spacing aside (None: the codes counted as they are). Only
    the `counted` rows' texts count (None: all), and every row of a form so filled is told."""
    ok = form >= 0
    out = np.zeros(len(form), dtype=bool)
    if counted is not None:
        ok &= counted
    if not ok.any():
        return out
    codes = text[ok]
    per = np.zeros(int(form.max()) + 1)
    raw = pd.Series(codes).groupby(form[ok]).nunique()
    per[raw.index.to_numpy()] = raw.to_numpy()
    live = per[form[ok]] >= times
    if texts is not None and live.any():
        # folding only merges texts: a form of fewer texts as written has fewer still folded, so
        # only the texts of the other forms are folded
        wanted = np.unique(codes[live])
        folded = np.full(len(texts), -1, dtype=np.int64)
        folded[wanted] = pd.factorize(np.array([" ".join(str(x).lower().split()) for x in texts[wanted]],
                                               dtype=object))[0]
        n = pd.Series(folded[codes[live]]).groupby(form[ok][live]).nunique()
        per[:] = 0
        per[n.index.to_numpy()] = n.to_numpy()
    has = form >= 0
    out[has] = per[form[has]] >= times
    return out


def templates(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


@per_table
def _template_rows(cols: Columns) -> tuple[np.ndarray | None, tuple[np.ndarray, np.ndarray, np.ndarray] | None]:
    """Per row, whether its sentence form is a template (None without sentence forms); and per
    row its headline form, its headline as read and whether that form is a template (None
    without headlines)."""
    table = cols.table
    many, heads = None, None
    # in a check the drafts fill no form: three fillings of the archive make a template, and a
    # draft's own figure is no third one that would hide its conflict with two differing articles
    counted = None if cols.drafted is None else ~cols.drafted
    if "masked" in table and "sentence" in table:
        form, forms = cols.codes("masked")
        sentence, sentences = cols.codes("sentence")
        # a missing sentence is an empty one: the code after the last
        sentence = np.where(sentence >= 0, sentence, len(sentences))
        many = _filled(form, sentence, np.append(sentences, ""), _TEMPLATE_FILLINGS, counted)
        # words counted for the forms so filled only: most forms are filled once
        filled = np.unique(form[many])
        long = np.zeros(len(forms) + 1, dtype=bool)
        long[filled] = [len(str(f).split()) >= _TEMPLATE_WORDS for f in forms[filled]]
        many &= long[form]
    if "title" in table:
        title, titles = cols.codes("title")
        hform = _headline_forms(cols)
        # headlines counted as their forms are read: "U.K. ... 166" and "UK ... 166" are one filling
        plain = pd.factorize(pd.Series([_unpunctuated(str(t)) for t in titles], dtype="object"))[0]
        plain = np.where(title >= 0, np.append(plain, -1)[title], -1)
        heads = (hform, plain, _filled(hform, plain, None, _TEMPLATE_FILLINGS, counted))
    return many, heads


def recurring_forms(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


@per_table
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
        if cols.drafted is not None:  # a draft's day is no printing of the archive's forms
            ok &= ~cols.drafted
        if not ok.any():
            continue
        spread = pd.Series(days[ok]).groupby(form[ok]).nunique()
        n = np.zeros(int(form.max()) + 2)
        n[spread.index.to_numpy()] = spread.to_numpy()
        out.append((form, np.where(form >= 0, n[np.maximum(form, 0)], 0), headline))
    return tuple(out)
