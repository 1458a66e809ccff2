"""Grouping: which mentions, within and across documents, state the same claim.

Blocking keeps the cost near-linear: a mention is only ever compared with mentions that
share its block key (claimant, metric family, stage, rate unit). Claimant names are
unified across the corpus first with rapidfuzz ("Stargate Project" and "Stargate",
"Silver State Mining Corp" and "Silver State Mining"), comparing only names that share a
first word.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

# token_set_ratio between claimant names that start with the same word: one name's words
# all in the other's ("Stargate Project" ~ "Stargate") or a one-letter slip ("Regency Cruists").
_NAME_SIMILARITY = 90.0


_SUFFIX = re.compile(r"(?:[\s,]+(?:Inc|Corp|Corporation|Co|Ltd|Plc|PLC|AG|GmbH|SE|LLC|Group|Holdings)\.?)+$")


def _core(name: str) -> str:
    return _SUFFIX.sub("", name) or name


def unify_actors(*columns: pd.Series) -> list[pd.Series]:
    """Map each claimant name to the shortest name whose words it contains, across columns.

    Legal suffixes do not count ("Regency Cruises Inc" ~ "Regency Cruises").
    """
    names = sorted({a for col in columns for a in col.dropna().unique() if a})
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_first[n.split()[0].lower()].append(n)
    canon: dict[str, str] = {}
    for block in by_first.values():
        if len(block) == 1:
            canon[block[0]] = block[0]
            continue
        block.sort(key=lambda n: (len(n), n))
        # each name's core, its lower case and its processed words, once (not once per pair)
        cores = [_core(n) for n in block]
        lowers = [c.lower() for c in cores]
        words = [default_process(c).split() for c in cores]
        joined = [" ".join(w) for w in words]
        sizes = [len(w) for w in words]
        sets = [set(w) for w in words]
        lone = [" " not in c for c in cores]
        for i, n in enumerate(block):
            canon[n] = n
            # the same name: all the shorter name's words are in the longer one ("Silver State
            # Mining" ~ "Silver State Mining Corp"), or the two differ by a typo ("Regency
            # Cruists" ~ "Regency Cruises"); a first word alone is not enough ("Washington Post"
            # is not "Washington Gas")
            mine, low, size, text = sets[i], lowers[i], sizes[i], joined[i]
            for k in range(i):
                # a lone first word ("National") names nothing: it only absorbs its own
                # suffixed forms ("National Inc"); longer names also absorb typos and
                # extensions ("Regency Cruists" ~ "Regency Cruises", "Silver State Mining Corp")
                if lone[k] and lowers[k] != low:
                    continue
                if sets[k] <= mine or (size == sizes[k] and fuzz.ratio(text, joined[k]) >= _NAME_SIMILARITY):
                    canon[n] = canon[block[k]]
                    break
    out = []
    for col in columns:
        mapped = col.map(canon)  # names not in `canon` (empty, missing, not text) stay as they are
        out.append(mapped.where(mapped.notna(), col))
    return out


def assign_claims(m: pd.DataFrame) -> pd.DataFrame:
    """Add `claim` (block key, or null when the mention cannot be attributed).

    The key is kind, claimant, metric family, rate unit and stage; a claim whose mentions
    name different periods (quarter vs year) or horizons is split by them.
    """
    m = m.copy()
    if m.empty:
        m["claim"] = pd.Series(dtype="object")
        return m
    actor, m["subject"] = unify_actors(m["actor"], m["subject"])
    # plain object arrays: comparing and joining pandas string columns element by element
    # costs several times more
    kind = m["kind"].to_numpy(dtype=object)
    family = m["family"].astype("object").to_numpy()
    stage = m["stage"].astype("object").fillna("total").to_numpy()
    per = m["per"].astype("object").fillna("").to_numpy()
    name = actor.to_numpy(dtype=object)
    usable = (actor.notna().to_numpy() & m["family"].notna().to_numpy() & (family != "publication")
              & (stage != "difference"))
    is_money = kind == "money"
    key = np.full(len(m), pd.NA, dtype=object)
    at = np.flatnonzero(usable & is_money)
    key[at] = [f"money|{a}|{f}|{p}|{s}" for a, f, p, s in zip(name[at], family[at], per[at], stage[at], strict=True)]
    at = np.flatnonzero(usable & ~is_money)
    key[at] = [f"date|{a}|{f}" for a, f in zip(name[at], family[at], strict=True)]
    m["claim"] = pd.Series(key, index=m.index, dtype="object")
    m["actor"] = actor
    m = _split_on(m, "period")
    m = _split_on(m, "horizon")
    return m


def _split_on(m: pd.DataFrame, column: str) -> pd.DataFrame:
    """Different stated periods or horizons within a claim make different claims."""
    has = (m["claim"].notna() & m[column].notna()).to_numpy()
    if not has.any():
        return m
    # the claims whose figures name more than one distinct value of `column`
    claim, _ = pd.factorize(m["claim"].to_numpy(dtype=object)[has])
    value, values = pd.factorize(m[column].to_numpy(dtype=object)[has])
    distinct = np.unique(claim.astype(np.int64) * max(len(values), 1) + value) // max(len(values), 1)
    split = np.bincount(distinct) > 1
    if split.any():
        sel = np.zeros(len(m), dtype=bool)
        sel[np.flatnonzero(has)[split[claim]]] = True
        m.loc[sel, "claim"] = m.loc[sel, "claim"] + "|" + m.loc[sel, column].astype(str)
    return m
