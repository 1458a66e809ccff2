"""Grouping: which mentions, within and across documents, state the same claim.

Blocking keeps the cost near-linear: a mention is only ever compared with mentions that
share its block key (claimant, metric family, stage, rate unit). Claimant names are
unified across the corpus first with rapidfuzz ("Stargate Project" and "Stargate",
"Silver State Mining Corp" and "Silver State Mining"), comparing only names that share a
first word.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz

_NAME_SIMILARITY = 100.0  # token_set_ratio: one name's words all in the other's


def unify_actors(actors: pd.Series) -> pd.Series:
    """Map each claimant name to the shortest name whose words it contains."""
    names = sorted({a for a in actors.dropna().unique() if a})
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_first[n.split()[0].lower()].append(n)
    canon: dict[str, str] = {}
    for block in by_first.values():
        block.sort(key=lambda n: (len(n), n))
        for i, n in enumerate(block):
            canon[n] = n
            for shorter in block[:i]:
                if fuzz.token_set_ratio(n, shorter) >= _NAME_SIMILARITY:
                    canon[n] = canon[shorter]
                    break
    return actors.map(lambda a: canon.get(a, a) if isinstance(a, str) else a)


def assign_claims(m: pd.DataFrame) -> pd.DataFrame:
    """Add `claim` (block key, or null when the mention cannot be attributed) and `why`."""
    m = m.copy()
    if m.empty:
        m["claim"] = pd.Series(dtype="object")
        m["why"] = pd.Series(dtype="object")
        return m
    actor = unify_actors(m["actor"])
    is_money = m["kind"] == "money"
    usable = actor.notna() & m["family"].notna() & (m["family"] != "publication")
    stage = m["stage"].fillna("total")
    per = m["per"].fillna("")
    key = pd.Series(pd.NA, index=m.index, dtype="object")
    money_key = "money|" + actor + "|" + m["family"] + "|" + stage + "|" + per
    date_key = "date|" + actor + "|" + m["family"]
    key = key.mask(usable & is_money, money_key).mask(usable & ~is_money, date_key)
    m["claim"] = key
    m["actor"] = actor
    m = _split_horizons(m)
    m["why"] = _explain(m)
    return m


def _split_horizons(m: pd.DataFrame) -> pd.DataFrame:
    """Different stated horizons ("over four years" vs "by 2030") are different claims."""
    has = m["claim"].notna() & m["horizon"].notna()
    if not has.any():
        return m
    per_claim = m[has].groupby("claim")["horizon"].nunique()
    split = per_claim[per_claim > 1].index
    if len(split):
        sel = m["claim"].isin(split) & m["horizon"].notna()
        m.loc[sel, "claim"] = m.loc[sel, "claim"] + "|" + m.loc[sel, "horizon"]
    return m


def _explain(m: pd.DataFrame) -> pd.Series:
    parts = []
    for claim, actor, metric, family, stage, per, horizon in zip(
        m["claim"], m["actor"], m["metric"], m["family"], m["stage"], m["per"], m["horizon"],
        strict=True,
    ):
        if not isinstance(claim, str):
            parts.append(None)
            continue
        text = f"claimant {actor}; metric {metric} (family {family})"
        if claim.startswith("money"):
            text += f"; stage {stage or 'total'}"
            if isinstance(per, str) and per:
                text += f"; per {per}"
        if isinstance(horizon, str) and horizon:
            text += f"; horizon {horizon}"
        parts.append(text)
    return pd.Series(parts, index=m.index, dtype="object")
