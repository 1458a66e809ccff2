"""Candidate pairs: figures that may state one fact, found without comparing all with all.

Two ways in, both bounded:
- **story links**: every pair of comparable figures across two linked articles (see
  `stories`), and within one article the figures of one claimant block;
- **claimant blocks**: figures given the same claim key (claimant, metric family, rate unit,
  stage: `group.assign_claims`) in articles published within the window, whatever their story.
  A block larger than `max_block` figures is a common name over many stories, not one claim.

Comparable means the same kind, and for money the same rate unit (`per`); figures that bound
nothing ("billions of dollars") and differences ("12 mln more than") are never candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.stories import Stories

VIA_STORY, VIA_CLAIM = 1, 2  # bit flags: how a pair became a candidate
_LINK_CHUNK = 5000  # story links whose figure pairs are merged at once (memory)


@dataclass(frozen=True)
class PairParams:
    window_days: int = 14  # claimant-block pairs further apart are not compared
    correction_window_days: int = 60  # ... unless one article corrects a report
    max_block: int = 300  # figures in one claim key; larger keys are not compared at all
    max_link_pairs: int = 2500  # figure pairs kept per story link, the most alike first (big tables)
    link_score: float = 0.5  # pairs scoring this much link their figures into one fact

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> PairParams:
        return cls(**{k: type(getattr(cls, k))(table[k]) for k in cls.__dataclass_fields__ if k in table})


def eligible(table: pd.DataFrame) -> pd.Series:
    """Rows that state a checkable figure: a bounded amount or a dated interval (not a
    conversion of an amount stated before it)."""
    money = (table["kind"] == "money") & table["value"].notna() & (table["qualifier"] != "vague")
    dates = (table["kind"] == "date") & table["date_start"].notna()
    stage = table["stage"].astype("object")
    family = table["family"].astype("object")
    out = (money | dates) & (stage != "difference") & (family != "publication")
    if "converts" in table:
        # "$8bn (£6.3bn)": the amount in brackets restates the one before it in another currency;
        # it is neither a rival figure nor a second source, and two outlets' conversions of one
        # amount differ by their exchange rates, not by what they report
        conv = pd.to_numeric(table["converts"], errors="coerce")
        out &= ~(conv.notna() & (conv < pd.to_numeric(table["start"], errors="coerce"))).to_numpy()
    return out


def candidates(table: pd.DataFrame, stories: Stories, params: PairParams) -> pd.DataFrame:
    """Candidate pairs as positions into `table`: columns i < j and `via` (bit flags)."""
    ok = eligible(table).to_numpy()
    pos = np.flatnonzero(ok)
    if len(pos) < 2:
        return pd.DataFrame({"i": np.empty(0, np.int64), "j": np.empty(0, np.int64), "via": np.empty(0, np.int8)})
    tab = table["table"].to_numpy()[pos] if "table" in table else np.zeros(len(pos), dtype=object)
    m = pd.DataFrame({
        "pos": pos,
        "doc": table["doc"].to_numpy()[pos],
        "kind": table["kind"].astype("object").to_numpy()[pos],
        "per": table["per"].astype("object").fillna("").to_numpy()[pos],
        # an earnings-table row's label says what it is: rows of two labels are two facts
        "row": np.where(pd.Series(tab).fillna(False).astype(bool).to_numpy(),
                        table["metric"].astype("object").fillna("").to_numpy()[pos], None),
    })
    parts = [_story_pairs(m, stories, params), _claim_pairs(table, pos, params)]
    i = np.concatenate([p["i"].to_numpy(dtype=np.int64) for p in parts])
    if not len(i):
        return _empty()
    j = np.concatenate([p["j"].to_numpy(dtype=np.int64) for p in parts])
    via = np.concatenate([p["via"].to_numpy(dtype=np.int8) for p in parts])
    # one row per pair, in (i, j) order; a pair found both ways carries both flags (1 + 2)
    n = np.int64(len(table))
    key, at = np.unique(i * n + j, return_inverse=True)
    flags = np.zeros(len(key), dtype=np.int8)
    np.bitwise_or.at(flags, at.ravel(), via)
    return pd.DataFrame({"i": key // n, "j": key % n, "via": flags})


def _story_pairs(m: pd.DataFrame, stories: Stories, params: PairParams) -> pd.DataFrame:
    if not stories.links:
        return _empty()
    # integer codes, not strings: a rate unit's code 0 is "" (none stated), a table row label's
    # -1 is none
    doc, docs = pd.factorize(m["doc"])
    ends = stories.ends(docs)
    per_code = pd.factorize(np.concatenate([np.array([""], dtype=object), m["per"].to_numpy()]))[0][1:]
    row_code = pd.factorize(m["row"], use_na_sentinel=True)[0]
    pos = m["pos"].to_numpy()
    # the figures grouped by (article, kind): a link pairs each figure of one article's group
    # with each of the other's group of the same kind
    kind = pd.factorize(m["kind"])[0]
    n_kinds = int(kind.max()) + 1
    group = doc.astype(np.int64) * n_kinds + kind
    by_group = np.argsort(group, kind="stable")
    size = np.bincount(group, minlength=len(docs) * n_kinds)
    first = np.cumsum(size) - size
    ends = ends[(ends[:, 0] >= 0) & (ends[:, 1] >= 0)]
    found_i, found_j = [], []
    for lo in range(0, len(ends), _LINK_CHUNK):  # a chunk of links at a time: the pairs stay few
        ga = (ends[lo:lo + _LINK_CHUNK, :1] * n_kinds + np.arange(n_kinds)).ravel()
        gb = (ends[lo:lo + _LINK_CHUNK, 1:] * n_kinds + np.arange(n_kinds)).ravel()
        na, nb = size[ga], size[gb]
        count = na * nb
        block = np.repeat(np.arange(len(ga)), count)
        t = np.arange(len(block)) - np.repeat(np.cumsum(count) - count, count)
        ra = by_group[first[ga][block] + t // nb[block]]
        rb = by_group[first[gb][block] + t % nb[block]]
        # a rate unit stated on both sides must be the same ("a share" against "a share"), and two
        # table rows must carry one label ("Revs" is not "Net")
        pa, pb, wa, wb = per_code[ra], per_code[rb], row_code[ra], row_code[rb]
        ok = ((pa == pb) | (pa == 0) | (pb == 0)) & ((wa < 0) | (wb < 0) | (wa == wb))
        a, b = pos[ra[ok]], pos[rb[ok]]
        found_i.append(np.minimum(a, b))
        found_j.append(np.maximum(a, b))
    i = np.concatenate(found_i) if found_i else np.empty(0, np.int64)
    if not len(i):
        return _empty()
    return pd.DataFrame({"i": i, "j": np.concatenate(found_j), "via": np.int8(1)})


def _claim_pairs(table: pd.DataFrame, pos: np.ndarray, params: PairParams) -> pd.DataFrame:
    claim = table["claim"].astype("object").to_numpy()[pos]
    has = pd.notna(claim)
    if not has.any():
        return _empty()
    # the pairs within a claim (claims share their rate unit) whose articles may be close
    # enough: rows sorted by claim, then publication day, so that each row meets only the
    # later rows of its claim up to the widest window (an undated row, sorted first, meets
    # all); no self-merge of a claim (a block of 300 rows over two years is 45,000 pairs)
    p = pos[has]
    code = pd.factorize(pd.Series(claim[has], dtype="object"))[0]
    counts = np.bincount(code)
    size = counts[code]
    keep = (size >= 2) & (size <= params.max_block)
    if not keep.any():
        return _empty()
    days = _days(table)
    p, code = p[keep], code[keep]
    order = np.lexsort((p, days[p], code))
    p, code = p[order], code[order]
    day = days[p]
    k = np.arange(len(p))
    widest = max(params.window_days, params.correction_window_days)
    span = int(day.max()) - int(day.min()) + widest + 2
    key = code.astype(np.int64) * span + (day - int(day.min()))
    end = np.searchsorted(code, code, side="right")
    stop = np.where(day < 0, end, np.minimum(end, np.searchsorted(key, key + widest, side="right")))
    after = stop - 1 - k  # later rows of the same claim within the widest window
    a_at = np.repeat(k, after)
    b_at = a_at + 1 + (np.arange(len(a_at)) - np.repeat(np.cumsum(after) - after, after))
    a0, b0 = np.minimum(p[a_at], p[b_at]), np.maximum(p[a_at], p[b_at])
    # two figures of one sentence state two things ("2.3 mln and 2.9 mln dlrs of charges")
    sent = table["sent_start"].to_numpy() if "sent_start" in table else np.full(len(table), -1)
    doc = table["doc"].to_numpy()
    two = ~((doc[a0] == doc[b0]) & (sent[a0] == sent[b0]))
    a, b = a0[two], b0[two]
    da, db = days[a], days[b]
    corrected = table["correction"].fillna(False).astype(bool).to_numpy()
    window = np.where(corrected[a] | corrected[b], params.correction_window_days, params.window_days)
    close = (da < 0) | (db < 0) | (np.abs(da - db) <= window)
    return pd.DataFrame({"i": a[close], "j": b[close], "via": np.int8(2)})


def _days(table: pd.DataFrame) -> np.ndarray:
    """Publication day of each row's article as an ordinal (-1: undated)."""
    # each distinct date read once (a table has far fewer articles than rows)
    codes, dates = pd.factorize(table["doc_date"].astype("object"))
    d = pd.to_datetime(pd.Series(dates, dtype="object").str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    day = np.full(len(dates) + 1, -1, dtype=np.int64)  # the last: a missing date (code -1)
    ok = d.notna().to_numpy()
    if ok.any():
        day[:-1][ok] = (d[ok].to_numpy().astype("datetime64[D]").astype(np.int64) + 719163)
    return day[codes]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"i": np.empty(0, np.int64), "j": np.empty(0, np.int64), "via": np.empty(0, np.int8)})
