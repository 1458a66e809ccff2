"""Whom each figure is about: its claimant as a code, how widely a claimant is named across
the corpus, and what wire headlines say of their subjects (tickers, the subject before the
verb, the point of a trading day)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns, distinct_pairs, per_table
from factcheck.datafiles import load
from factcheck.entities import headline_subject, title_tickers
from factcheck.words import (
    content_word_set,
    content_words,
    is_name,
    name_overlap,
    same_name,
)


@per_table
def claimant_codes(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """(each row's claimant code, -1 for none or a word that names nobody, and the claimants)."""
    actor, actors = cols.codes("actor")
    named = np.append(np.array([is_name(str(a)) for a in actors], dtype=bool), False)
    return np.where(named[actor], actor, -1), actors  # "APR", "QTR SHR": no claimant


@per_table
def _headlines(cols: Columns) -> dict[str, Any]:
    """Per headline of the rows `used` (each once; index -1: no headline): its tickers, whether
    it lists one, its content words (those that do), its subject before its verb (and that
    subject's code into the distinct `subjects`) and its point of a trading day."""
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
    code, subjects = pd.factorize(subject)
    return {"tickers": tickers, "ticked": ticked, "words": words, "subject": subject,
            "subject_code": code, "subjects": subjects, "session": session}


def listed_apart(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs whose claimants are their headlines' companies, listed under tickers none in common."""
    t = _own_title(cols)  # index -1: the appended empty set (no tickers)
    sets = _headlines(cols)["tickers"]
    has = np.array([bool(x) for x in sets])
    out = has[t[i]] & has[t[j]] & (t[i] != t[j])
    live = np.flatnonzero(out)
    # each pair of headlines once: many figure pairs share their two articles
    ta, tb = t[i[live]], t[j[live]]
    first, inverse = distinct_pairs(ta, tb)
    apart = np.array([not (sets[a] & sets[b]) for a, b in zip(ta[first].tolist(), tb[first].tolist(), strict=True)],
                     dtype=bool)
    out[live] = apart[inverse]
    return out


@per_table
def _own_title(cols: Columns) -> np.ndarray:
    """Per row, its headline's code where its claimant is the headline's company, else -1."""
    actor, _ = claimant_codes(cols)
    own = (actor >= 0) & (cols.obj("actor") == cols.obj("subject"))
    return np.where(own, cols.codes("title")[0], -1)


def third_party(cols: Columns, actor: np.ndarray, actors: np.ndarray, i: np.ndarray, j: np.ndarray
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
    ta, tb, a = title[i[live]], title[j[live]], actor[i[live]]
    # each (pair of headlines, claimant) once, read from its first pair of figures
    _, headlines = distinct_pairs(np.minimum(ta, tb), np.maximum(ta, tb))
    first, inverse = distinct_pairs(headlines, a)
    apart = np.zeros(len(first), dtype=bool)
    for k, n in enumerate(live[first].tolist()):
        ha, hb, name = int(title[i[n]]), int(title[j[n]]), content_word_set(str(actors[actor[i[n]]]))
        # one company under two tickers (a share class, a slip) is one company
        sa, sb = subject[i[n]], subject[j[n]]
        apart[k] = (bool(sets[ha]) and bool(sets[hb]) and not (sets[ha] & sets[hb])
                    and isinstance(sa, str) and isinstance(sb, str) and bool(sa) and bool(sb)
                    and not same_name(sa, sb)
                    and bool(name) and not (name & words[ha]) and not (name & words[hb]))
    out[live] = apart[inverse]
    return out


def subjects_differ(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two capitals headlines without tickers whose subjects differ ("LAND SECURITIES ISSUES
    ..." and "TORONTO DOMINION ISSUES ..."): each article's figures are its own subject's, even
    where their sentences name nobody ("denominations of 1,000 and 10,000 stg")."""
    title, _ = cols.codes("title")
    heads = _headlines(cols)
    subject, code, subjects = heads["subject"], heads["subject_code"], heads["subjects"]
    ca, cb = code[title[i]], code[title[j]]
    out = np.zeros(len(i), dtype=np.float64)
    live = np.flatnonzero((subject[title[i]] != "") & (subject[title[j]] != "") & (ca != cb))
    # each pair of subjects once: many figure pairs share their two headlines
    a_live, b_live = ca[live], cb[live]
    first, inverse = distinct_pairs(a_live, b_live)
    apart = np.array([max(name_overlap(subjects[a], subjects[b]), name_overlap(subjects[b], subjects[a])) < 0.5
                      for a, b in zip(a_live[first].tolist(), b_live[first].tolist(), strict=True)], dtype=np.float64)
    out[live] = apart[inverse]
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


def session_differs(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two headlines that name different points of a trading day ("... OPENING - APRIL 7" and
    "... CLOSING - APR 7", "FUTURES HIGHER IN EARLY TRADE" and "FUTURES CLOSE MIXED"): two
    snapshots of one market, whose prices, moves and rates differ because time passed."""
    title, _ = cols.codes("title")
    point = _headlines(cols)["session"]
    pa, pb = point[title[i]], point[title[j]]
    return ((pa != 0) & (pb != 0) & ((pa & pb) == 0)).astype(np.float64)


_FEW_STORIES = 5  # a company's results, dividend and deal news: a claimant of a few stories is no hub


_COMMON_STORIES = 50  # a claimant named in this many stories is a hub: `claimant_common` 1


def claimant_spread(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many of the corpus's stories each pair's claimants are named in, on a log scale (up
    to `_FEW_STORIES` 0, `_COMMON_STORIES` or more 1), the larger of the two: an agency, a regulator or a
    head of government recurs across unrelated stories, and as a claimant says little about
    which fact a figure states."""
    if len(i) == 0 or "story" not in cols.table:
        return np.zeros(len(i))
    actor, _ = claimant_codes(cols)
    spread = _stories_per_claimant(cols)
    k = np.maximum(spread[np.where(actor[i] >= 0, actor[i], -1)], spread[np.where(actor[j] >= 0, actor[j], -1)])
    return np.clip(np.log(np.maximum(k, 1) / _FEW_STORIES) / np.log(_COMMON_STORIES / _FEW_STORIES), 0.0, 1.0)


@per_table
def _stories_per_claimant(cols: Columns) -> np.ndarray:
    """Per claimant code, the stories it is named in (index -1: none)."""
    actor, _ = claimant_codes(cols)
    spread = np.zeros(int(actor.max()) + 2 if len(actor) else 1)
    if "story" not in cols.table:
        return spread
    story = pd.factorize(cols.table["story"].astype("object").fillna(""))[0]
    ok = actor >= 0
    if ok.any():
        n = pd.Series(story[ok]).groupby(actor[ok]).nunique()
        spread[n.index.to_numpy()] = n.to_numpy()
    return spread
