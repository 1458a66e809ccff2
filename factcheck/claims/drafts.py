"""Evidence only a pre-publication check reads: which rows are the draft's, whether two
articles are of the draft's story, and whether an archive figure one error away from the
draft's is backed elsewhere in its article (`amounts_unbacked`, `dates_unbacked`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns
from factcheck.claims.shapes import NEAR
from factcheck.claims.stories import Stories

TOLD_ALIKE = 0.4  # `context` from which two outlets' sentences tell one event for a date's slip


_DATE_SLIP_YEARS = 3  # a year this many apart, month and day the same, is one slip ("2012", "2015")


_DATE_SLIP_DAYS = 3  # so is a day this many apart in one month ("March 12", "March 14")


def one_date_slip(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two dates of one granularity that one slip tells apart: one end of the two (or both by
    the same step) a few years apart with month and day the same, or a few days apart in one
    month ("from 2009 to 2013" / "from 2008 to 2013", "2012" / "2015", "March 12" / "March 14").
    Narrower than `shapes.dates_shaped` (which also takes one digit or the month alone): this
    one names a draft's date mistyped, that one only keeps two dates from reading as two."""
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


def dates_unbacked(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray, in_draft: np.ndarray,
                   shaped: np.ndarray, guessed: np.ndarray) -> np.ndarray:
    """`amounts_unbacked` for dates: 1 for a pair of a draft's date and an archive date (`shaped`: one
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
    archive article, by article (what `amounts_unbacked` reads the draft's figure against)."""
    at = np.flatnonzero(shaped & (in_draft[i] != in_draft[j]))
    own = np.where(in_draft[i[at]], i[at], j[at])
    paired = np.where(in_draft[i[at]], j[at], i[at])
    there = np.flatnonzero(rows & np.isin(doc, np.unique(doc[paired])))
    return at, own, paired, pd.Series(there).groupby(doc[there]).agg(list).to_dict()


def one_story(stories: Stories, doc_codes: np.ndarray, doc_names: np.ndarray, i: np.ndarray, j: np.ndarray,
              drafts: set[str] | None) -> np.ndarray:
    """1 where a pair's two articles are grouped in one story (read in a check only: all 1 in a scan)."""
    if not drafts:
        return np.ones(len(i), dtype=bool)
    story_of = np.array([stories.story.get(str(d), "") for d in doc_names] + [""], dtype=object)
    return (story_of[doc_codes[i]] == story_of[doc_codes[j]]) & (story_of[doc_codes[i]] != "")


def draft_rows(doc: np.ndarray, doc_names: np.ndarray, drafts: set[str] | None) -> np.ndarray:
    """Whether each row is a draft's figure (a check's article, read against the archive)."""
    if not drafts:
        return np.zeros(len(doc), dtype=bool)
    return np.append(np.isin(doc_names.astype(str), list(drafts)), False)[doc]  # (-1: no article)


def amounts_unbacked(value: np.ndarray, currency: np.ndarray, money: np.ndarray, i: np.ndarray, j: np.ndarray,
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
            states[r, d] = bool((np.abs(value[there] - value[r]) <= NEAR * np.maximum(np.abs(value[there]),
                                                                                     abs(value[r]))).any())
    out[at] = [0.0 if states[r, d] else 1.0 for r, d in zip(own.tolist(), other_doc.tolist(), strict=True)]
    return out
