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
        block.sort(key=lambda n: (len(n), n))
        # each name's core, its lower case and its processed words, once (not once per pair)
        cores = [_core(n) for n in block]
        lowers = [c.lower() for c in cores]
        words = [default_process(c).split() for c in cores]
        sets = [set(w) for w in words]
        for i, n in enumerate(block):
            canon[n] = n
            # the same name: all the shorter name's words are in the longer one ("Silver State
            # Mining" ~ "Silver State Mining Corp"), or the two differ by a typo ("Regency
            # Cruists" ~ "Regency Cruises"); a first word alone is not enough ("Washington Post"
            # is not "Washington Gas")
            for k in range(i):
                # a lone first word ("National") names nothing: it only absorbs its own
                # suffixed forms ("National Inc"); longer names also absorb typos and
                # extensions ("Regency Cruists" ~ "Regency Cruises", "Silver State Mining Corp")
                if " " not in cores[k] and lowers[k] != lowers[i]:
                    continue
                if sets[k] <= sets[i] or (len(words[i]) == len(words[k]) and fuzz.ratio(
                        " ".join(words[i]), " ".join(words[k])) >= _NAME_SIMILARITY):
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
    is_money = m["kind"] == "money"
    stage = m["stage"].astype("object").fillna("total")
    usable = actor.notna() & m["family"].notna() & (m["family"] != "publication") & (stage != "difference")
    per = m["per"].astype("object").fillna("")
    family = m["family"].astype("object")
    key = pd.Series(pd.NA, index=m.index, dtype="object")
    money_key = "money|" + actor + "|" + family + "|" + per + "|" + stage
    date_key = "date|" + actor + "|" + family
    key = key.mask(usable & is_money, money_key).mask(usable & ~is_money, date_key)
    m["claim"] = key
    m["actor"] = actor
    m = _split_on(m, "period")
    m = _split_on(m, "horizon")
    return m


def _split_on(m: pd.DataFrame, column: str) -> pd.DataFrame:
    """Different stated periods or horizons within a claim make different claims."""
    has = m["claim"].notna() & m[column].notna()
    if not has.any():
        return m
    per_claim = m[has].groupby("claim")[column].nunique()
    split = per_claim[per_claim > 1].index
    if len(split):
        sel = m["claim"].isin(split) & m[column].notna()
        m.loc[sel, "claim"] = m.loc[sel, "claim"] + "|" + m.loc[sel, column].astype(str)
    return m
