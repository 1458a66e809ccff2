"""From scored pairs to findings: facts, their agreeing figures, and what separates them.

Pairs scored at or above the lowest threshold link figures into *facts* (connected groups).
Within a fact, figures that agree are gathered into clusters (`kinds.clusters`); two clusters
joined by a scored pair whose values differ make one finding. Its rule is the most specific
rule whose kind holds for the best-scored pair under that rule's own parameters, its severity
the band of that pair's score, capped at the rule's severity. Agreeing clusters stated by
several articles are corroboration. A fact of very many clusters (a common figure in an
archive) is not clustered: each of its pairs stands alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.decision import Decision
from factcheck.claims.evidence import CONFLICTS
from factcheck.findings import SEVERITY_ORDER, Finding, build_finding
from factcheck.kinds import CONFLICT_KINDS, Cluster, clusters, kind_holds
from factcheck.ruleset import Rule
from factcheck.table import records

_MAX_CLUSTERS = 12
_MAX_MEMBERS = 200


def assemble(table: pd.DataFrame, scored: pd.DataFrame, decision: Decision, rules: Sequence[Rule],
             titles: dict[str, str], focus: set[str] | None = None) -> list[Finding]:
    """Findings of the pairs in `scored` (positions into `table`)."""
    floor = decision.floor
    live = scored[(scored["score"] >= floor) & (scored["relation"] != "incomparable")]
    if live.empty:
        return []
    used = np.unique(np.concatenate([live["i"].to_numpy(), live["j"].to_numpy()]))
    rows = {int(p): r for p, r in zip(used, records(table.iloc[used]), strict=True)}
    for p, r in rows.items():
        r["_pos"] = p
    by_rule_kind: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        by_rule_kind[rule.kind].append(rule)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for rec in live.to_dict("records"):
        a, b = int(rec["i"]), int(rec["j"])
        edges[(a, b)] = rec
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    facts: dict[int, list[int]] = defaultdict(list)
    for p in used:
        facts[find(int(p))].append(int(p))
    by_fact: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key in edges:
        by_fact[find(key[0])].append(key)

    out: list[Finding] = []
    for root in sorted(facts):
        members = [rows[p] for p in sorted(facts[root])]
        if focus is not None and not any(r["doc"] in focus for r in members):
            continue
        fact_edges = by_fact[root]
        one_kind = len({_kind(r) for r in members}) == 1
        cl = clusters(members, decision.relations.rel_tolerance, decision.relations.scale_orders) if one_kind and len(members) <= _MAX_MEMBERS else []
        if not cl or len(cl) > _MAX_CLUSTERS:
            cl = []  # each pair alone
            groups = [(Cluster([rows[a]]), Cluster([rows[b]]), [edges[(a, b)]]) for a, b in fact_edges]
        else:
            where = {r["_pos"]: n for n, c in enumerate(cl) for r in c.rows}
            between: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
            for a, b in fact_edges:
                ca, cb = where[a], where[b]
                if ca != cb:
                    between[(min(ca, cb), max(ca, cb))].append(edges[(a, b)])
            groups = [(cl[x], cl[y], es) for (x, y), es in sorted(between.items())]
        for ca, cb, es in groups:
            finding = _conflict(ca, cb, es, rows, decision, by_rule_kind, titles, focus)
            if finding is not None:
                out.append(finding)
        for c in cl:
            support = [edges[k] for k in fact_edges if k[0] in {r["_pos"] for r in c.rows}
                       and k[1] in {r["_pos"] for r in c.rows}]
            out.extend(_corroboration(c, support, decision, by_rule_kind, titles, focus))
    out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.claim, f.id))
    return out


def _kind(r: dict[str, Any]) -> str:
    return r["kind"]


def _conflict(ca: Cluster, cb: Cluster, es: list[dict[str, Any]], rows: dict[int, dict[str, Any]],
              decision: Decision, by_kind: dict[str, list[Rule]], titles: dict[str, str],
              focus: set[str] | None) -> Finding | None:
    """The finding between two clusters of one fact, from their best-scored differing pair."""
    differing = [e for e in es if e["relation"] in CONFLICTS or e["relation"] == "date_precision"]
    if focus is not None:
        differing = [e for e in differing if rows[int(e["i"])]["doc"] in focus or rows[int(e["j"])]["doc"] in focus]
    if not differing:
        return None
    best = max(differing, key=lambda e: (e["score"], -int(e["i"]), -int(e["j"])))
    a, b = rows[int(best["i"])], rows[int(best["j"])]
    best = dict(best, _a=a, _b=b)
    band = decision.severity(float(best["score"]))
    if band is None:
        return None
    # each side quotes the figures that were found to differ from the other side, not every
    # figure that agrees with them: a finding is about these pairs
    ends = {int(e[k]) for e in differing for k in ("i", "j")}
    ca = Cluster([r for r in ca.rows if r["_pos"] in ends])
    cb = Cluster([r for r in cb.rows if r["_pos"] in ends])
    for kind in CONFLICT_KINDS:
        for rule in by_kind.get(kind, []):
            if kind_holds(kind, a, b, rule.params, best):
                severity = max(band, rule.severity, key=lambda s: SEVERITY_ORDER[s])
                return build_finding(rule, severity, ca, cb, best, decision, titles)
    return None


def _corroboration(c: Cluster, support: list[dict[str, Any]], decision: Decision,
                   by_kind: dict[str, list[Rule]], titles: dict[str, str],
                   focus: set[str] | None) -> list[Finding]:
    if not support or len(c.docs) < 2:
        return []
    if focus is not None and not any(r["doc"] in focus for r in c.rows):
        return []
    best = max(support, key=lambda e: (e["score"], -int(e["i"]), -int(e["j"])))
    best = dict(best, _a=c.rows[0], _b=None)
    band = decision.severity(float(best["score"]))
    if band is None:
        return []
    out = []
    for rule in by_kind.get("corroboration", []):
        if len(c.docs) >= rule.params.get("min_documents", 2):
            severity = max(band, rule.severity, key=lambda s: SEVERITY_ORDER[s])
            out.append(build_finding(rule, severity, c, None, best, decision, titles))
    return out
