"""How each pair stands among a figure's other candidates in the other article: its closest
match, a twin stating its value, the share of two articles' figures that agree, and whether
the other article states the amount under other words (`stated_there`) or as the value before
its own (`told_before`), or one article states the amount by which the two differ (`gap_stated`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns, per_table, row_stages
from factcheck.claims.shapes import mantissas

_KEY_BOUND = 1 << 62  # `_found`'s row keys stay below this (int64)


def _pair_docs(doc: np.ndarray, i: np.ndarray, j: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The articles of the pairs `at` (both sides), each once (unsorted: a hash, not a sort)."""
    return pd.unique(np.concatenate([doc[i[at]], doc[j[at]]]))


def _frame(where: np.ndarray, values: np.ndarray, keys: list[np.ndarray], rows: np.ndarray) -> list[np.ndarray]:
    """Amounts to match, as columns: each one's article, value and the codes of `keys` (of `rows`)."""
    return [where, values, *(k[rows] for k in keys)]


def _found(stated: list[np.ndarray], asked: list[np.ndarray]) -> np.ndarray:
    """Per row of `asked`, whether `stated` holds a row equal to it in every column (missing alike).
    Each row is one integer, the columns' codes in mixed radix (re-coded densely before it could
    overflow): hashing a few integer arrays, not grouping a frame."""
    n = len(stated[0])
    key, size = np.zeros(n + len(asked[0]), dtype=np.int64), 1
    for mine, theirs in zip(stated, asked, strict=True):
        codes, uniques = pd.factorize(np.concatenate([mine, theirs]), use_na_sentinel=False)
        if size * len(uniques) >= _KEY_BOUND:
            key = pd.factorize(key)[0]
            size = int(key.max()) + 1
        key, size = key * len(uniques) + codes, size * len(uniques)
    return _held(key[n:], key[:n])


def _held(values: np.ndarray, among: np.ndarray) -> np.ndarray:
    """Per value, whether `among` holds it: a hash of the (fewer) keys of `among`, looked up,
    instead of a sort of both (`np.isin`). Unlike `np.isin`, a NaN finds a NaN: pass no NaN."""
    return pd.Index(pd.unique(among)).get_indexer(values) >= 0


def _two_digits(found: np.ndarray, values: np.ndarray) -> np.ndarray:
    """`found`, kept where its value has two significant digits or more (read only there: few
    amounts are found)."""
    hit = np.flatnonzero(found)
    found[hit] = mantissas(values[hit])[1] >= 2
    return found


def stated_there(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray,
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
    rows = np.flatnonzero(money & np.isin(doc, _pair_docs(doc, i, j, at)))
    keys = [cols.codes(c)[0] for c in ("currency", "per", "stage", "period")]  # -1 where unread
    asked = _frame(np.concatenate([doc[j[at]], doc[i[at]]]), value[asked_rows], keys, asked_rows)
    found = _two_digits(_found(_frame(doc[rows], value[rows], keys, rows), asked), value[asked_rows])
    out[at] = (found[:len(at)] | found[len(at):]).astype(np.float64)
    return out


def told_before(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray,
                money: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """1 for an `eligible` pair where one article states the other's amount as the value before
    its own ("The bid is higher than the 4.20 dlrs BIL said it would offer when it first
    announced" against the earlier "its offer of 4.20 N.Z. Dlrs per share"): an earlier or first
    value of that article, in its prose (a table's year-ago column is another period), of the
    same family and currency (missing alike), in an article published no earlier than the
    other's, not denied ("not the 4.20 dlrs first reported" corrects it), while neither figure
    of the pair is itself an earlier one. The article tells a change; the two figures are the
    fact before and after it. Only amounts of two significant digits or more count."""
    out = np.zeros(len(i))
    at = np.flatnonzero(eligible)
    if not len(at):
        return out
    stage = row_stages(cols)
    earlier = money & ((stage == "previous") | (stage == "initial"))
    at = at[~earlier[i[at]] & ~earlier[j[at]]]
    if not len(at):
        return out
    value = np.round(cols.num("value"), 9)
    asked_rows = np.concatenate([i[at], j[at]])  # i's amounts asked in j's article, then j's in i's
    rows = np.flatnonzero(_told_rows(cols) & np.isin(doc, _pair_docs(doc, i, j, at)))
    keys = [cols.codes(c)[0] for c in ("currency", "family")]
    asked = _frame(np.concatenate([doc[j[at]], doc[i[at]]]), value[asked_rows], keys, asked_rows)
    day = cols.days()
    # the article telling the earlier value is the later one (a date unread: either may be)
    later = np.concatenate([day[j[at]] >= day[i[at]], day[i[at]] >= day[j[at]]])
    later |= np.concatenate([(day[i[at]] < 0) | (day[j[at]] < 0)] * 2)
    found = _two_digits(_found(_frame(doc[rows], value[rows], keys, rows), asked) & later, value[asked_rows])
    out[at] = (found[:len(at)] | found[len(at):]).astype(np.float64)
    return out


_DENIED = re.compile(r"(?i)(?:\bnot|\binstead\s+of|\brather\s+than)(?:\s+the)?\s*$")


@per_table
def _told_rows(cols: Columns) -> np.ndarray:
    """Per row, an amount an article's prose gives as an earlier or first value (not a table's
    year-ago column) and does not deny: what `told_before` looks for."""
    kind, kinds = cols.codes("kind")
    stage = row_stages(cols)
    money = (kind >= 0) & (np.append(kinds, "")[kind] == "money")
    rows = np.flatnonzero(money & ((stage == "previous") | (stage == "initial")) & ~cols.flag("table"))
    out = np.zeros(len(kind), dtype=bool)
    out[rows[~_denied(cols, rows)]] = True
    return out


def _denied(cols: Columns, rows: np.ndarray) -> np.ndarray:
    """Per row of `rows`, whether the words right before the amount deny it ("not the 4.20 dlrs
    first reported", "instead of 4.20 dlrs")."""
    sentence, start, s0 = cols.obj("sentence")[rows], cols.num("start")[rows], cols.num("sent_start")[rows]
    return np.array([isinstance(t, str) and b == b and a == a and _DENIED.search(t[:max(0, int(a - b))]) is not None
                     for t, a, b in zip(sentence, start, s0, strict=True)], dtype=bool)


def gap_stated(cols: Columns, i: np.ndarray, j: np.ndarray, doc: np.ndarray, money: np.ndarray,
               eligible: np.ndarray) -> np.ndarray:
    """1 for an `eligible` pair whose two amounts differ by exactly an amount that one of the
    two articles states, and the other does not (in the pair's currency and unit, missing
    alike, two significant digits or more): Ambrit's net of 4,568,000 in one run and 3,614,000
    in the other, which states 954,000 dlrs of preferred dividends. One run counts that item
    and the other does not; where both state it, both account for it alike and the gap stays
    unexplained. A gap equal to either amount (10 and 20) names nothing."""
    out = np.zeros(len(i))
    value = np.round(cols.num("value"), 9)
    va, vb = value[i], value[j]
    gap = np.round(np.abs(va - vb), 9)
    at = np.flatnonzero(eligible & (gap > 0) & (gap != va) & (gap != vb))
    if not len(at):
        return out
    # an article's stated change is its own difference, not an item the other leaves out
    change = row_stages(cols) == "difference"
    rows = np.flatnonzero(money & ~change & np.isin(doc, _pair_docs(doc, i, j, at)))
    at = at[_held(gap[at], value[rows])]  # a gap no figure of the two states: nothing more to ask
    if not len(at):
        return out
    keys = [cols.codes(c)[0] for c in ("currency", "per")]
    rows = rows[np.isin(doc[rows], _pair_docs(doc, i, j, at))]
    twice = np.concatenate([at, at])  # each gap asked in i's article, then in j's
    asked = _frame(doc[np.concatenate([i[at], j[at]])], gap[twice], keys, i[twice])
    found = _found(_frame(doc[rows], value[rows], keys, rows), asked)
    in_i, in_j = found[:len(at)], found[len(at):]
    one = np.flatnonzero(in_i != in_j)
    one = one[mantissas(gap[at[one]])[1] >= 2]  # (read last: few gaps are left to read)
    if not len(one):
        return out
    # ... and the other does not write its digits at all, not even as a bare number beside
    # another figure ("excludes loss 475,000, or five cts per share": a note read for its cents)
    silent = np.where(in_i[one], doc[j[at[one]]], doc[i[at[one]]])
    written = _written_numbers(cols, doc, np.unique(silent))
    unsaid = np.array([not (written.get(int(d), set()) & {round(g / 10.0 ** k, 9) for k in (-2, 0, 3, 6, 9)})
                       for d, g in zip(silent.tolist(), gap[at[one]].tolist(), strict=True)], dtype=bool)
    out[at[one[unsaid]]] = 1.0
    return out


def _written_numbers(cols: Columns, doc: np.ndarray, docs: np.ndarray) -> dict[int, set[float]]:
    """Per article of `docs`, every number its read sentences write (the mentions' values and
    the `numbers` beside them), as written, with no magnitude word."""
    out: dict[int, set[float]] = {}
    rows = np.flatnonzero(np.isin(doc, docs))
    for d, said, number in zip(doc[rows].tolist(), cols.obj("numbers")[rows], cols.num("number")[rows], strict=True):
        seen = out.setdefault(int(d), set())
        if number == number:
            seen.add(round(float(number), 9))
        for word in str(said or "").split():
            try:
                seen.add(round(float(word), 9))
            except ValueError:
                continue
    return out


class Alignment(NamedTuple):
    """Per pair, how it stands among its figures' other candidates (`alignment`)."""

    counterpart: np.ndarray
    twin: np.ndarray
    listed: np.ndarray
    shared: np.ndarray
    compared: np.ndarray


def alignment(out: Mapping[str, np.ndarray], i: np.ndarray, j: np.ndarray, doc: np.ndarray, earlier: np.ndarray,
              coarser: tuple[np.ndarray, np.ndarray] | None = None, sentence: np.ndarray | None = None
              ) -> Alignment:
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
    `listed`: only the twins stated in the differing figure's own sentence (the list items
    above), which a check keeps where it sets the others aside (`evidence.features`).
    `shared`: the share of the two articles' candidate figures that have an agreeing
    twin in the other: near 1 for a re-issue, where the few figures that differ are the edits.
    `compared`: how many figures each article has with candidates in the other (the
    fewer of the two), so that a share of one in one is not read as a share of ten in ten.
    """
    if len(i) == 0:
        return Alignment(*(np.zeros(0) for _ in range(5)))
    sim = (np.asarray(out["context_near"]) + np.asarray(out["context"]) + np.asarray(out["table_slot"])
           + 0.5 * np.asarray(out["claimant"]))
    # an agreeing value, not one an open bound merely allows ("more than $200,000" allows $5.4m)
    agree = (np.asarray(out["relation"]) == "agree") & ~earlier & (np.asarray(out["closeness"]) >= 0.8)
    cross = doc[i] != doc[j]
    k = np.flatnonzero(cross)
    if not len(k):
        return Alignment(*(np.zeros(len(i)) for _ in range(5)))
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
    listed = np.zeros(len(s), dtype=bool)
    if sentence is not None:
        n_sent = int(sentence.max()) + 1
        fig_sentence = fig * n_sent + sentence[np.concatenate([j[k], i[k]])]  # the figure, its partner's sentence
        listed = ~ag & _held(fig_sentence, fig_sentence[states])
    best_count = np.bincount(n, weights=best.astype(np.float64), minlength=len(i))
    twin_any = np.bincount(n, weights=(twinned | listed).astype(np.float64), minlength=len(i))
    listed_any = np.bincount(n, weights=listed.astype(np.float64), minlength=len(i))
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
    return Alignment((best_count >= 2).astype(np.float64), (twin_any > 0).astype(np.float64),
                     (listed_any > 0).astype(np.float64), shared, compared)


@per_table
def sentence_slots(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """Per row, its amount's place among the amounts of its sentence (0 for the first; an
    amount inside another's span shares its place) and how many places the sentence holds;
    -1 and 0 for a date."""
    kind, kinds = cols.codes("kind")
    money = (kind >= 0) & (np.append(kinds, "")[kind] == "money")
    slot = np.full(len(kind), -1, dtype=np.int64)
    count = np.zeros(len(kind), dtype=np.int64)
    rows = np.flatnonzero(money)
    if not len(rows):
        return slot, count
    doc = cols.codes("doc")[0][rows]
    sent = np.nan_to_num(cols.num("sent_start")[rows], nan=-1)
    start, end = cols.num("start")[rows], cols.num("end")[rows]
    order = np.lexsort((-end, start, sent, doc))
    doc, sent = doc[order], sent[order]
    opens = np.flatnonzero(np.r_[True, (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])])  # each sentence's first
    fresh = np.zeros(len(order), dtype=bool)
    fresh[opens] = True
    place = _places(fresh.tolist(), start[order].tolist(), end[order].tolist())
    places = np.repeat(np.maximum.reduceat(place, opens) + 1, np.diff(np.append(opens, len(order))))
    slot[rows[order]], count[rows[order]] = place, places
    return slot, count


def _places(fresh: list[bool], start: list[float], end: list[float]) -> np.ndarray:
    """Per amount, in order of sentence and position (`fresh`: a sentence's first), its place
    among its sentence's amounts. (Python lists: a loop over numpy scalars costs several times
    as much.)"""
    out: list[int] = []
    n, reach = -1, -1.0
    for new, lo, hi in zip(fresh, start, end, strict=True):
        if new:
            n, reach = -1, -1.0
        if lo >= reach:  # a new amount, not a part of the one before ("145" in "145.85/90")
            n += 1
        reach = max(reach, hi)
        out.append(n)
    return np.array(out, dtype=np.int64)


@per_table
def sentence_sums(cols: Columns) -> np.ndarray:
    """Per row, the sum of the amounts its sentence states, an amount of no single value at its
    lower bound ("tens of millions": ten million), 0 for a date: what a list's parts add up to
    at the least."""
    kind, kinds = cols.codes("kind")
    money = (kind >= 0) & (np.append(kinds, "")[kind] == "money")
    out = np.zeros(len(kind))
    rows = np.flatnonzero(money)
    if not len(rows):
        return out
    doc = cols.codes("doc")[0][rows]
    sent = np.nan_to_num(cols.num("sent_start")[rows], nan=-1)
    value = cols.num("value")[rows]
    value = np.nan_to_num(np.where(np.isnan(value), cols.num("low")[rows], value), nan=0.0)
    sent = pd.factorize(sent)[0]
    groups = pd.factorize(doc.astype(np.int64) * (int(sent.max()) + 1) + sent)[0]  # (article, sentence)
    out[rows] = np.bincount(groups, weights=value)[groups]
    return out
