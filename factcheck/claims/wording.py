"""The words around figures and in articles as sparse token matrices, and their similarity
per pair: the context features (`Contexts`), headline words and the names each article gives
(`DocWords`). Rare words weigh more; numbers are left out."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from factcheck.claims.columns import Columns, distinct_pairs, per_table, runs
from factcheck.words import (
    content_word_set,
    content_words,
    event_verb,
    event_words,
    generic_names,
    name_overlap,
)


def _tokens(lists: Sequence[Sequence[str]], weighted: bool = False) -> sparse.csr_matrix:
    """Row-per-list matrix of tokens: binary, or (weighted) L2-normalised TF-IDF rows, with the
    inverse document frequency taken over the lists themselves: a word most contexts share
    ("president", "company") says less about a fact than one few share ("holistic retreat")."""
    lengths, codes, vocab = _token_codes(lists)
    return _matrix(np.repeat(np.arange(len(lists)), lengths), codes, len(lists), len(vocab), weighted)


def _token_codes(lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """Each list's length, the code of each token of the lists in turn (in order of first
    appearance: the columns' order sets the order of the sums over a row) and the vocabulary."""
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    codes, vocab = pd.factorize(pd.Series(list(chain.from_iterable(lists)), dtype="object"))
    return lengths, codes, vocab


def _matrix(rows: np.ndarray, codes: np.ndarray, n_rows: int, n_cols: int, weighted: bool = False
            ) -> sparse.csr_matrix:
    """`_tokens`' matrix of the tokens `codes` of the lists `rows`."""
    m = sparse.csr_matrix((np.ones(len(codes)), (rows, codes)), shape=(n_rows, max(n_cols, 1)))
    m.sum_duplicates()
    m.data[:] = 1.0
    if weighted and m.nnz:
        df = np.bincount(m.indices, minlength=m.shape[1])
        m.data = np.log((1.0 + n_rows) / (1.0 + df[m.indices])) + 1.0
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


def cosine(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if len(i) == 0:
        return np.zeros(0)
    return np.minimum(_row_products(m, i, j), 1.0)


_NEAR = 5  # the words on each side of a figure that `context_near` compares


def _split_contexts(contexts: Sequence[str | None]) -> tuple[list[list[str]], np.ndarray]:
    """Each context's words (`wide_words`) and how many of them stand before its figure (the
    bar of "led house democrats | leader pelosi"; a further bar, which `attribute` never
    writes, is no word)."""
    words, before = [], []
    for context in contexts:
        head, _, tail = (context or "").partition("|")
        left = head.split()
        words.append(left + tail.replace("|", " ").split())
        before.append(len(left))
    return words, np.array(before, dtype=np.int64)


def _value_keys(value: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Per figure, its amount to six digits, else "d" and its date's first day ("" for none).
    Each distinct amount is written once (by its bits: -0.0 is written apart from 0.0)."""
    bits, at = np.unique(value.view(np.int64), return_inverse=True)
    keys = np.array([f"{v:.6g}" for v in bits.view(np.float64).tolist()], dtype=object)[at.ravel()]
    dated = np.flatnonzero(np.isnan(value))
    keys[dated] = [f"d{d}" if d is not None and d == d else "" for d in start[dated]]
    return keys


def wide_words(context: str | None) -> list[str]:
    return context.replace("|", " ").split() if context else []


def _words_besides(lengths: np.ndarray, codes: np.ndarray, vocab: pd.Index, ctx: np.ndarray, act: np.ndarray,
                   act_words: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """`_tokens` of the words of each context `ctx` but those of its claimant `act`, from the
    contexts' tokens (`_token_codes`): the same matrix, with no word list built or hashed again."""
    rows, tokens = runs(codes, (np.cumsum(lengths) - lengths)[ctx], lengths[ctx])
    code_of = dict(zip(vocab, range(len(vocab)), strict=True))
    dropped = np.array([a * len(vocab) + code_of[w] for a, ws in enumerate(act_words) for w in ws if w in code_of],
                       dtype=np.int64)
    keep = ~np.isin(act[rows] * len(vocab) + tokens, dropped)
    kept, uniq = pd.factorize(tokens[keep])
    return _matrix(rows[keep], kept, len(ctx), len(uniq))


def name_similarity(a: Any, b: Any) -> float:
    return name_overlap(str(a), str(b))


_COMMON_IDF = 3.0  # a word in more than 1 in 20 contexts (e^3) adds nothing to `specific`


_SPECIFIC_MASS = 12.0  # rarity mass (sum of idf above the floor) that makes `specific` 1


class Contexts:
    """The words around each figure as token matrices, built once for all pairs, one row per
    distinct context (a re-issued story repeats its sentences: they are tokenised once)."""

    def __init__(self, table: pd.DataFrame, used: np.ndarray, cols: Columns | None = None) -> None:
        cols = cols or Columns(table)
        self.ctx, uniq = _distinct(cols.obj("context")[used], len(table), used)
        words, before = _split_contexts(uniq)
        lengths, codes, vocab = _token_codes(words)
        self.wide = _matrix(np.repeat(np.arange(len(uniq)), lengths), codes, len(uniq), len(vocab), weighted=True)
        # the words nearest the figure, a run of each context's: the same codes in order of first appearance
        left, right = np.minimum(before, _NEAR), np.minimum(lengths - before, _NEAR)
        rows, near = runs(codes, np.cumsum(lengths) - lengths + before - left, left + right)
        near, near_vocab = pd.factorize(near)
        self.near_words = _matrix(rows, near, len(uniq), len(near_vocab), weighted=True)
        ents = cols.obj("entities")[used]
        keys = np.array(["\x1f".join(map(str, e)) if isinstance(e, list | tuple | np.ndarray) else "" for e in ents],
                        dtype=object)
        self.ent, uniq_ents = _distinct(keys, len(table), used)
        # `specific` reads the sentence's words other than its claimant's name: a company's name
        # is in every story about it (and is its own evidence, `claimant`), so sharing it says
        # "same company", not "same fact"; another name both sentences share still counts
        self.act, uniq_act = _distinct(cols.obj("actor")[used], len(table), used)
        act_words = [content_word_set(str(a)) if a else frozenset() for a in uniq_act]
        n_act = max(len(uniq_act), 1)
        self.plain, uniq_plain = _distinct(self.ctx[used] * n_act + self.act[used], len(table), used)
        plain = np.asarray(uniq_plain, dtype=np.int64)
        self.words = _words_besides(lengths, codes, vocab, plain // n_act, plain % n_act, act_words)
        df = np.bincount(self.words.indices, minlength=self.words.shape[1])
        # what a shared word tells: nothing when most contexts have it ("dividend", "said")
        self.rarity = np.maximum(0.0, np.log(max(len(uniq_plain), 1) / np.maximum(df, 1)) - _COMMON_IDF)
        ent_words = [content_words(k.replace("\x1f", " ; ")) for k in uniq_ents]
        self.names = _tokens(ent_words)
        ent_sets = [frozenset(w) for w in ent_words]
        # the names of a figure's sentence besides its own claimant's (who said it, about whom)
        # (each distinct pair of names and claimant once: rows repeat them)
        generic = generic_names()
        combo, first = np.unique(self.ent[used] * n_act + self.act[used], return_inverse=True)
        others = np.array(["\x1f".join(sorted(ent_sets[c // n_act] - act_words[c % n_act] - generic))
                           for c in combo.tolist()], dtype=object)
        self.oth, uniq_oth = _distinct(others[first.ravel()], len(table), used)
        # the others' names and each claimant's in one vocabulary: a name one sentence gives
        # besides its claimant may be the other's claimant ("Jesse L. Jackson Jr., the former
        # representative from Illinois" against "Jesse Jackson Jr. pleaded guilty")
        name_rows = _tokens([k.split("\x1f") if k else [] for k in uniq_oth]
                            + [sorted(content_word_set(str(a)) - generic) if a else [] for a in uniq_act])
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
        read = np.zeros(len(table), dtype=bool)  # (a mask, not np.union1d: no sort)
        read[in_tab] = read[used] = True
        need = np.flatnonzero(read)
        value = cols.num("value")[need]
        start = cols.obj("date_start")[need]
        keys = _value_keys(value, start)
        codes, value_keys = pd.factorize(keys)
        self.value = np.full(len(table), -1, dtype=np.int64)
        self.value[need] = codes
        self.valued = np.zeros(len(table), dtype=bool)
        self.valued[need] = np.asarray(value_keys != "")[codes] if len(keys) else False
        self.n_values = max(len(value_keys), 1)
        self.doc_values = np.unique(self.doc[in_tab].astype(np.int64) * self.n_values + self.value[in_tab])

    def alike(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """`context` and `names` of each pair: what `prune` keeps a pair for."""
        return {"context": cosine(self.wide, self.ctx[i], self.ctx[j]),
                "names": _jaccard(self.names, self.ent[i], self.ent[j])}

    def near(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """`context_near` of each pair."""
        return cosine(self.near_words, self.ctx[i], self.ctx[j])

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


class PairContexts:
    """The context features (`Contexts.overlap`) of some pairs, computed when asked: for all of
    them, or for a part (each part of the pairs in its own process). `alike`: theirs, already
    computed. A pair's features read its two rows alone, so a part's are the whole's rows."""

    def __init__(self, contexts: Contexts, i: np.ndarray, j: np.ndarray, alike: Mapping[str, np.ndarray]) -> None:
        self.contexts, self.i, self.j, self.alike = contexts, i, j, alike

    def frame(self, at: np.ndarray | None = None) -> pd.DataFrame:
        """The features of every pair, or of the pairs at positions `at` (labelled by them)."""
        if at is None:
            return pd.DataFrame(self.contexts.overlap(self.i, self.j, self.alike))
        alike = {name: v[at] for name, v in self.alike.items()}
        return pd.DataFrame(self.contexts.overlap(self.i[at], self.j[at], alike), index=at)


def event_verb_shared(cols: Columns, i: np.ndarray, j: np.ndarray, live: np.ndarray) -> np.ndarray:
    """1 for the `live` pairs whose dates' event verbs (`words.event_verb`) share a stem."""
    return _shared_next_words(cols, i, j, live, event_verb)


def event_word_shared(cols: Columns, i: np.ndarray, j: np.ndarray, live: np.ndarray) -> np.ndarray:
    """1 for the `live` pairs whose dates' nearest words (`words.event_words`) share a stem."""
    return _shared_next_words(cols, i, j, live, event_words)


def _shared_next_words(cols: Columns, i: np.ndarray, j: np.ndarray, live: np.ndarray,
                       words_of: Callable[[str, int, int], frozenset[str]]) -> np.ndarray:
    out = np.zeros(len(i))
    at = np.flatnonzero(live)
    if not len(at):
        return out
    memo: dict[int, frozenset[str]] = {}

    def next_words(k: int) -> frozenset[str]:
        got = memo.get(k)
        if got is None:
            at = figure_in_sentence(cols, k)
            got = memo[k] = words_of(*at) if at else frozenset()
        return got
    out[at] = [1.0 if next_words(int(a)) & next_words(int(b)) else 0.0 for a, b in zip(i[at], j[at], strict=True)]
    return out


def figure_in_sentence(cols: Columns, k: int) -> tuple[str, int, int] | None:
    """Row `k`'s sentence and where its figure stands in it (None when it cannot be found)."""
    sentence, span = str(cols.obj("sentence")[k] or ""), str(cols.obj("text")[k] or "")
    offset = cols.num("start")[k] - cols.num("sent_start")[k]  # NaN where a table lacks the columns
    a = int(offset) if np.isfinite(offset) else -1
    if a < 0 or sentence[a:a + len(span)] != span:  # a long sentence is kept as a window around its figures
        a = sentence.find(span)
    return (sentence, a, a + len(span)) if a >= 0 and span else None


def _distinct(values: np.ndarray, n: int, used: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """(row of each table position in the list of distinct values, the distinct values)."""
    codes, uniq = pd.factorize(pd.Series(values, dtype="object").fillna(""))
    index = np.zeros(n, dtype=np.int64)
    index[used] = codes
    return index, list(uniq)


def pair_similarity(codes: np.ndarray, uniques: np.ndarray, i: np.ndarray, j: np.ndarray,
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
_NON_WORD = re.compile(r"\W+")


def _fold_title(title: Any) -> str:
    """A headline without its correction marks, punctuation and case."""
    return " ".join(_NON_WORD.sub(" ", _CORRECTED.sub(" ", str(title))).lower().split())


def _names_words(names: Any) -> frozenset[str]:
    """The words of a list of names: the union of each name's (no word spans two). (A module
    function: a `DocWords` built in a forked process comes back pickled.)"""
    if not isinstance(names, list | tuple | np.ndarray) or not len(names):
        return frozenset()
    return frozenset().union(*map(content_word_set, map(str, names)))


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
        by_slot = np.argsort(slot, kind="stable")
        self._starts = np.searchsorted(slot[by_slot], np.arange(len(keys) + 1)).tolist()

        # the claimants and sentences' names in article order, lists sliced per article (a numpy
        # gather per article costs more than the names it reads)
        self._actor = cols.obj("actor")[by_slot].tolist()
        self._entities = cols.obj("entities")[by_slot].tolist()
        objs = cols.obj("objects")
        places = cols.obj("places")
        generic = generic_names()
        self._generic = generic
        orgs: list[list[str]] = [[] for _ in range(len(keys))]
        others: list[list[str]] = [[] for _ in range(len(keys))]
        todo = range(len(keys)) if wanted is None else np.unique(np.searchsorted(keys, wanted)).tolist()
        for d in todo:
            r = first[d]
            mine = _names_words(list(self._actors(d)))
            orgs[d] = sorted(_names_words(objs[r]))
            others[d] = sorted(_names_words(places[r]) - mine - generic)
        self.orgs = _tokens(orgs)
        self.others = _tokens(others)
        # every name an article gives (its figures' claimants and the names of their sentences),
        # read only for the articles `name_each_other` asks about
        self._n = len(keys)
        self._named: dict[int, frozenset[str]] = {}

    def _actors(self, d: int) -> set[str]:
        return {a for a in self._actor[self._starts[d]:self._starts[d + 1]] if isinstance(a, str)}

    def named(self, d: int) -> frozenset[str]:
        got = self._named.get(d)
        if got is None:
            if d < self._n:
                ents = {n for e in self._entities[self._starts[d]:self._starts[d + 1]]
                        if isinstance(e, list | tuple | np.ndarray) for n in e if isinstance(n, str)}
                got = _names_words(list(self._actors(d) | ents)) - self._generic
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
        cl = [content_word_set(str(a)) - generic for a in actors]
        # each distinct (claimant, other article) once: pairs repeat them many times over
        claimant, other = np.concatenate([ai, aj]), np.concatenate([db, da])
        first, pair = distinct_pairs(claimant, other)
        found = np.array([a >= 0 and bool(cl[a]) and cl[a] <= self.named(d)
                          for a, d in zip(claimant[first].tolist(), other[first].tolist(), strict=True)], dtype=bool)
        hit = found[pair]
        return hit[:len(ai)] | hit[len(ai):]

    def names(self, da: np.ndarray, db: np.ndarray) -> np.ndarray:
        return _jaccard(self.orgs, da, db)

    def others_differ(self, da: np.ndarray, db: np.ndarray) -> np.ndarray:
        """1 where both articles name places besides their claimants and none (by their words)
        in common: the same lender, two borrowers."""
        size = np.asarray(self.others.sum(axis=1)).ravel()
        inter = np.asarray(self.others[da].multiply(self.others[db]).sum(axis=1)).ravel() if len(da) else np.zeros(0)
        return ((size[da] > 0) & (size[db] > 0) & (inter == 0)).astype(np.float64)


@per_table
def headline_words(cols: Columns) -> tuple[list[list[str]], sparse.csr_matrix | None, np.ndarray]:
    """Each headline's content words, their TF-IDF rows (None without headlines), and per row
    the code of its headline without correction marks (-1: none)."""
    title, titles = cols.codes("title")
    words = [content_words(str(x)) for x in titles]
    folded = pd.Series([_fold_title(x) for x in titles], dtype="object")
    return (words, _tokens(words, weighted=True) if len(titles) else None,
            np.append(pd.factorize(folded)[0], -1)[title])  # -1 (missing) stays missing


@per_table
def doc_words(cols: Columns) -> DocWords:
    doc, _ = cols.codes("doc")
    return DocWords(cols.table, doc, doc[cols.used], cols)
