"""Stories: the articles that report one event (other outlets, re-issues, a draft and its archive).

Two articles are linked when the words of their headlines and leads are alike: cosine
similarity of TF-IDF vectors (sublinear term counts, smoothed inverse document frequency over
the articles compared), at least `min_similarity`, published within
`window_days` of each other (undated articles always qualify). Each article keeps its
`max_neighbours` most similar partners, so the cost grows with the number of articles, not its
square: the similarity products run over sparse rows in chunks, and words found in a large
share of a big archive (which say nothing about a story) are left out of the products.

A story is a group of articles joined by strong links (kept by both articles among their
nearest partners and at least `story_similarity`, or near copies at `same_story`) and told
within `window_days`; its id is the id of its earliest article (the smallest id of a day). Figures are compared along
every link, never across a whole group, so a long chain of loosely linked articles neither
makes one story nor makes all their figures candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, count, repeat
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from factcheck.words import stems, words_of

if TYPE_CHECKING:
    from factcheck.pipeline import DocInfo

_CHUNK = 2000  # rows per sparse product: bounds memory on large archives
_COMMON_FLOOR = 200  # a word is "common" only past this many articles (small archives keep all)


@dataclass(frozen=True)
class StoryParams:
    min_similarity: float = 0.18
    window_days: int = 14
    max_neighbours: int = 5
    common_share: float = 0.02  # words in more than this share of a big archive are not compared
    story_similarity: float = 0.25  # a mutual link this strong puts two articles in one story
    same_story: float = 0.5  # any link this strong does (a re-issue, a near copy)

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> StoryParams:
        known = {k: table[k] for k in cls.__dataclass_fields__ if k in table}
        return cls(**known)


@dataclass
class Stories:
    story: dict[str, str] = field(default_factory=dict)  # doc id → story id
    links: dict[tuple[str, str], float] = field(default_factory=dict)  # (a, b) with a < b → similarity

    def similarity(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        return self.links.get((a, b) if a < b else (b, a), 0.0)

    def ends(self, names: Sequence[str] | pd.Index) -> np.ndarray:
        """Each link's two articles as positions in `names` (one row per link, in the order of
        `links`; -1: an article not among them)."""
        linked = np.fromiter(chain.from_iterable(self.links), dtype=object, count=2 * len(self.links))
        return pd.Index(names).get_indexer(linked).reshape(-1, 2)

    def partners(self) -> dict[str, list[str]]:
        """Each linked article's partners."""
        out: dict[str, list[str]] = {}
        for a, b in self.links:
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
        return out


def story_text(doc: DocInfo) -> str:
    return f"{doc.title or ''} {doc.lead or ''}"


def _ordinal(date: str | None) -> int:
    if not date:
        return -1
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return -1


def vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows of `texts` (sublinear counts, smoothed idf) over their
    `content_words`."""
    n = len(texts)
    # each word as the position of its first appearance (`first`: word → that position, in order
    # of appearance), so the corpus's millions of words are not kept as strings
    first: dict[str, int] = {}
    at = count()
    seen: list[int] = []
    lengths = np.zeros(n, dtype=np.int64)
    for i, text in enumerate(texts):
        ws = words_of(text)
        seen.extend(map(first.setdefault, ws, at))
        lengths[i] = len(ws)
    raw = pd.factorize(np.array(seen, dtype=np.int64))[0]  # numbered as `first` orders them
    # each distinct word is stemmed once; columns are numbered by each stem's first appearance,
    # as factorizing the stemmed words would number them
    stem = pd.factorize(pd.Series(stems(first), dtype="object"), use_na_sentinel=True)[0]
    token = stem[raw] if len(raw) else np.empty(0, np.int64)
    rows = np.repeat(np.arange(n), lengths)
    content = token >= 0  # stop words left out
    codes, vocab = pd.factorize(token[content])
    x = sparse.csr_matrix((np.ones(len(codes)), (rows[content], codes)), shape=(n, len(vocab)))
    x.sum_duplicates()
    if not x.nnz:
        return x
    x.data = 1.0 + np.log(x.data)
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    return _normalised(sparse.csr_matrix(x @ sparse.diags(idf)))


def _normalised(x: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)


def _near_pairs(xs: sparse.csr_matrix, days: np.ndarray,
                params: StoryParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (p, q, similarity), p < q, of the rows of `xs` (articles in order of
    publication, `days`, the undated first) at least `min_similarity` alike and within the
    window. Each pair's product is computed once, by the earlier article's chunk against the
    articles after it that its window can reach (every later one for the undated): a row's
    words are in column order in every row, so both rows would sum the same terms in the same
    order, and the similarity is the one the full product has either way."""
    n = xs.shape[0]
    xs.sort_indices()  # (as built they are: the symmetry above rests on it)
    xt = xs.T.tocsr()
    undated = int(np.searchsorted(days, 0))
    found_p, found_q, found_s = [], [], []
    for lo in range(0, n, _CHUNK):
        hi = min(lo + _CHUNK, n)
        end = n if lo < undated else int(np.searchsorted(days, days[hi - 1] + params.window_days, side="right"))
        prod = xs[lo:hi] @ xt[:, lo:end]
        prod.data[prod.data < params.min_similarity - 1e-12] = 0.0
        prod.eliminate_zeros()
        prod = prod.tocoo()
        p, q, sims = prod.row + lo, prod.col + lo, prod.data
        ok = q > p
        d_p, d_q = days[p], days[q]
        ok &= (d_p < 0) | (d_q < 0) | (np.abs(d_p - d_q) <= params.window_days)
        found_p.append(p[ok])
        found_q.append(q[ok])
        found_s.append(sims[ok])
    return np.concatenate(found_p), np.concatenate(found_q), np.concatenate(found_s)


def link(docs: Sequence[DocInfo], params: StoryParams) -> Stories:
    """Link the articles of `docs` that tell one story, by their headlines and leads."""
    n = len(docs)
    if n == 0:
        return Stories()
    ids = [d.id for d in docs]
    x = vectors([story_text(d) for d in docs])
    days = np.array([_ordinal(d.date) for d in docs], dtype=np.int64)
    # words found in a large share of a big archive say nothing about a story and make the
    # products dense: they are left out, and the vectors normalised again without them
    df = np.bincount(x.indices, minlength=x.shape[1])
    common = df > max(_COMMON_FLOOR, params.common_share * n)
    xp = x
    if common.any():
        xp = sparse.csr_matrix(x @ sparse.diags((~common).astype(np.float64)))
        xp.eliminate_zeros()
        xp = _normalised(xp)
    by_day = np.argsort(days, kind="stable")
    p, q, sims = _near_pairs(xp[by_day], days[by_day], params)
    p, q = by_day[p], by_day[q]
    # each pair as both articles' partner: per article, its most similar first, ties by position
    rows, cols, sims = np.concatenate([p, q]), np.concatenate([q, p]), np.concatenate([sims, sims])
    order = np.lexsort((cols, -sims, rows))
    rows, cols, sims = rows[order], cols[order], sims[order]
    first = np.searchsorted(rows, rows, side="left")  # where each row's run starts
    keep = (np.arange(len(rows)) - first) < params.max_neighbours
    a_all, b_all, s_all = np.minimum(rows[keep], cols[keep]), np.maximum(rows[keep], cols[keep]), sims[keep]
    order = np.lexsort((-s_all, b_all, a_all))  # one entry per pair: its highest similarity
    a_all, b_all, s_all = a_all[order], b_all[order], s_all[order]
    uniq = np.ones(len(a_all), dtype=bool)
    uniq[1:] = (a_all[1:] != a_all[:-1]) | (b_all[1:] != b_all[:-1])
    # a story: articles joined by links both kept among their nearest partners, or by links of
    # near copies, within the time window; a chain of one-sided or weak links (a wire's daily
    # market reports) would join a whole archive into one story. Figures are still compared
    # along every link
    twice = np.zeros(len(a_all), dtype=bool)
    twice[:-1] = ~uniq[1:]
    a_u, b_u, s_u = a_all[uniq], b_all[uniq], s_all[uniq]
    # each link keyed by its two ids in order (`Stories.links`), in the order found
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(np.array(ids, dtype=object), kind="stable")] = np.arange(n)
    swap = rank[a_u] > rank[b_u]
    id_of = np.array(ids, dtype=object)
    keys = zip(id_of[np.where(swap, b_u, a_u)].tolist(), id_of[np.where(swap, a_u, b_u)].tolist(), strict=True)
    links = dict(zip(keys, map(round, s_u.tolist(), repeat(4)), strict=True))
    parent = list(range(n))
    # each group's first and last publication day (undated articles stretch nothing)
    span = [(int(d), int(d)) if d >= 0 else (10**9, -(10**9)) for d in days.tolist()]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    strong = (s_u >= params.same_story) | (twice[uniq] & (s_u >= params.story_similarity))
    for a, b in zip(a_u[strong].tolist(), b_u[strong].tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = min(span[ra][0], span[rb][0]), max(span[ra][1], span[rb][1])
            if hi - lo <= params.window_days:  # a story is told within the window, not chained past it
                parent[max(ra, rb)] = min(ra, rb)
                span[min(ra, rb)] = (lo, hi)
    # a story is named after its earliest article (then the smallest id: not the input order,
    # so that the claims, and the findings' ids, are the same whatever order the paths come in)
    root = np.array([find(i) for i in range(n)], dtype=np.int64)
    day = np.where(days >= 0, days, np.iinfo(np.int64).max)
    order = np.lexsort((rank, day, root))
    heads = order[np.r_[True, root[order][1:] != root[order][:-1]]]  # each group's earliest, in root order
    earliest = np.zeros(n, dtype=np.int64)
    earliest[root[heads]] = heads
    story = dict(zip(ids, id_of[earliest[root]].tolist(), strict=True))
    return Stories(story, links)

