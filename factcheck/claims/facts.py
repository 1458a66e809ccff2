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
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.decision import Decision
from factcheck.claims.relations import CONFLICTS
from factcheck.findings import MENTION_FIELDS, SEVERITY_ORDER, Finding, build_finding
from factcheck.kinds import CONFLICT_KINDS, Cluster, clusters, kind_holds
from factcheck.ruleset import Rule
from factcheck.table import records

_MAX_CLUSTERS = 12
# what deciding a fact and wording its findings read of a figure
_ROW_FIELDS = (*MENTION_FIELDS, "number", "magnitude", "precision", "claim", "family", "stage", "correction",
               "revised", "resolved", "guessed", "currency_source", "currency_family", "converts", "title", "table")
_MAX_MEMBERS = 200


@dataclass
class Fact:
    """One fact's figures (row dicts with `_pos`) and the scored pairs that link them."""

    members: list[dict[str, Any]]
    edges: dict[tuple[int, int], dict[str, Any]]


@dataclass
class Judge:
    """What deciding a fact needs besides the fact: picklable, so an executor can ship it."""

    decision: Decision
    rules: Sequence[Rule]
    titles: dict[str, str]
    focus: set[str] | None = None

    def __call__(self, facts: list[Fact]) -> list[Finding]:
        by_kind: dict[str, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            by_kind[rule.kind].append(rule)
        out: list[Finding] = []
        for fact in facts:
            out.extend(_judge(fact, self.decision, by_kind, self.titles, self.focus))
        return out


def facts_of(table: pd.DataFrame, scored: pd.DataFrame, decision: Decision,
             focus: set[str] | None = None) -> list[Fact]:
    """The facts of the pairs in `scored` (positions into `table`) that reach the lowest
    threshold: connected groups of figures, in a stable order."""
    live = scored[(scored["score"] >= decision.floor).to_numpy()]  # (a few of many: the cheap test first)
    live = live[live["relation"] != "incomparable"]
    if live.empty:
        return []
    live = _one_agreement_per_article(live, table)
    used = np.unique(np.concatenate([live["i"].to_numpy(), live["j"].to_numpy()]))
    cols = [c for c in _ROW_FIELDS if c in table.columns]
    rows = {int(p): r for p, r in zip(used, records(table.iloc[used], cols), strict=True)}
    for p, r in rows.items():
        r["_pos"] = p
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
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in used:
        members[find(int(p))].append(rows[int(p)])
    by_fact: dict[int, dict[tuple[int, int], dict[str, Any]]] = defaultdict(dict)
    for key, rec in edges.items():
        by_fact[find(key[0])][key] = rec
    out = []
    for root in sorted(members):
        if focus is None or any(r["doc"] in focus for r in members[root]):
            out.append(Fact(members[root], by_fact[root]))
    return out


def _one_agreement_per_article(live: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Of the pairs that agree, keep each figure's best one per other article: agreement links
    a figure to a fact once, and a figure repeated across a big archive would otherwise bring
    the square of its repetitions."""
    agree = (live["relation"] == "agree").to_numpy()
    if not agree.any():
        return live
    doc = pd.factorize(table["doc"].astype("object"))[0]
    part = live[agree]
    i, j = part["i"].to_numpy(), part["j"].to_numpy()
    frame = pd.DataFrame({"a": np.concatenate([i, j]), "other": np.concatenate([doc[j], doc[i]]),
                          "score": np.concatenate([part["score"].to_numpy()] * 2),
                          "n": np.concatenate([np.arange(len(part))] * 2)})
    frame = frame.sort_values(["a", "other", "score", "n"], ascending=[True, True, False, True], kind="stable")
    best = np.unique(frame.drop_duplicates(["a", "other"])["n"].to_numpy())
    return pd.concat([live[~agree], part.iloc[best]]).sort_index()


def assemble(table: pd.DataFrame, scored: pd.DataFrame, decision: Decision, rules: Sequence[Rule],
             titles: dict[str, str], focus: set[str] | None = None, map_blocks: Any = map,
             block: int = 500) -> list[Finding]:
    """Findings of the pairs in `scored`: facts decided in blocks of `block` facts by the
    ordered map `map_blocks` (the built-in map, or an executor's), merged in a stable order."""
    facts = facts_of(table, scored, decision, focus)
    judge = Judge(decision, list(rules), titles, focus)
    blocks = [facts[k:k + block] for k in range(0, len(facts), block)]
    out = _one_per_id([f for found in map_blocks(judge, blocks) for f in found])
    out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.claim, f.id))
    return out


def _one_per_id(found: list[Finding]) -> list[Finding]:
    """One finding per id. The id names the rule, the claim and each side's (article, value)
    set, so a headline that repeats its article's figures ("478 MLN STG" over "478 mln stg")
    can make a second finding of the same contradiction in another fact: the strongest one is
    kept, with the other's quotes added."""
    def strength(f: Finding) -> tuple[int, float]:
        return -SEVERITY_ORDER[f.severity], f.score or 0.0

    best: dict[str, Finding] = {}
    rest: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        kept = best.get(f.id)
        if kept is not None and strength(kept) >= strength(f):
            rest[f.id].append(f)
            continue
        if kept is not None:
            rest[f.id].append(kept)
        best[f.id] = f
    for fid, others in rest.items():
        f = best[fid]
        seen = {(m["doc"], m["start"]) for m in f.mentions}
        for m in (m for o in others for m in o.mentions):
            if (m["doc"], m["start"]) not in seen:
                seen.add((m["doc"], m["start"]))
                f.mentions.append(m)
    return list(best.values())


def _judge(fact: Fact, decision: Decision, by_kind: dict[str, list[Rule]], titles: dict[str, str],
           focus: set[str] | None) -> list[Finding]:
    """The findings of one fact: between its clusters of agreeing figures, and their support."""
    rows = {r["_pos"]: r for r in fact.members}
    edges = fact.edges
    one_kind = len({r["kind"] for r in fact.members}) == 1
    cl = (clusters(fact.members, decision.relations.rel_tolerance, decision.relations.scale_orders)
          if one_kind and len(fact.members) <= _MAX_MEMBERS else [])
    if not cl or len(cl) > _MAX_CLUSTERS:
        cl = []  # each pair alone
        groups = [(Cluster([rows[a]]), Cluster([rows[b]]), [edges[(a, b)]]) for a, b in edges]
    else:
        where = {r["_pos"]: n for n, c in enumerate(cl) for r in c.rows}
        between: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
        for a, b in edges:
            ca, cb = where[a], where[b]
            if ca != cb:
                between[(min(ca, cb), max(ca, cb))].append(edges[(a, b)])
        groups = [(cl[x], cl[y], es) for (x, y), es in sorted(between.items())]
    out: list[Finding] = []
    for ca, cb, es in groups:
        split = focus is not None and _archive_split(ca, cb, es, rows, edges, focus, decision)
        out.extend(_conflict(ca, cb, es, rows, decision, by_kind, titles, focus, cap="info" if split else None))
    for c in cl:
        inside = {r["_pos"] for r in c.rows}
        support = [e for k, e in edges.items() if k[0] in inside and k[1] in inside]
        out.extend(_corroboration(c, support, decision, by_kind, titles, focus))
    return out


def _differing(es: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in es if e["relation"] in CONFLICTS or e["relation"] == "date_precision"]


def _archive_split(ca: Cluster, cb: Cluster, es: list[dict[str, Any]], rows: dict[int, dict[str, Any]],
                   edges: dict[tuple[int, int], dict[str, Any]], focus: set[str], decision: Decision) -> bool:
    """In a check, whether the archive disagrees with itself on a figure and more of it states
    the drafts' figure than the other: the drafts all on one side, and more distinct archive
    sentences there state their figure that differs (an agreeing pair that reaches info, the
    value the draft's, not a bound that merely allows it) than the other side's sentences
    that differ from it. Sentences, not articles: a copy of the draft, or one outlet's update
    repeating itself, is no second source. Then the contradiction is the archive's own, for
    `scan` and its baseline; a tie blames the drafts (copying one of two outlets that
    disagree passes no check)."""
    in_a, in_b = (any(r["doc"] in focus for r in c.rows) for c in (ca, cb))
    if in_a == in_b:  # no draft, or drafts on both sides: the drafts disagree
        return False
    side, other = (ca, cb) if in_a else (cb, ca)
    at_side, at_other = {r["_pos"] for r in side.rows}, {r["_pos"] for r in other.rows}
    differing = [e for e in _differing(es) if {int(e["i"]), int(e["j"])} & at_side
                 and {int(e["i"]), int(e["j"])} & at_other]
    blamed = {p for e in differing for p in (int(e["i"]), int(e["j"])) if rows[p]["doc"] in focus}
    if not blamed:
        return False

    def said(p: int) -> str:
        return " ".join(str(rows[p].get("sentence") or "").split())

    own = {said(p) for p in blamed}
    against = {said(p) for e in differing for p in (int(e["i"]), int(e["j"]))
               if p in at_other and rows[p]["doc"] not in focus}
    if not against:
        return False
    info = decision.thresholds["info"]
    backing = {said(p) for (x, y), e in edges.items() for p in (x, y)
               if e["relation"] == "agree" and float(e["score"]) >= info and float(e.get("closeness", 0)) >= 0.8
               and ({x, y} & blamed) and p in at_side and rows[p]["doc"] not in focus} - own
    return len(backing) > len(against)


def _conflict(ca: Cluster, cb: Cluster, es: list[dict[str, Any]], rows: dict[int, dict[str, Any]],
              decision: Decision, by_kind: dict[str, list[Rule]], titles: dict[str, str],
              focus: set[str] | None, cap: str | None = None) -> list[Finding]:
    """The findings between two clusters of one fact, from their best-scored differing pair
    (`cap`: the most severe they may be)."""
    differing = _differing(es)
    if focus is not None:
        differing = [e for e in differing if rows[int(e["i"])]["doc"] in focus or rows[int(e["j"])]["doc"] in focus]
    if not differing:
        return []
    best = max(differing, key=lambda e: (e["score"], -int(e["i"]), -int(e["j"])))
    a, b = rows[int(best["i"])], rows[int(best["j"])]
    best = dict(best, _a=a, _b=b)
    band = decision.severity(float(best["score"]))
    if band is None:
        return []
    capped = cap is not None and SEVERITY_ORDER[band] < SEVERITY_ORDER[cap]
    if capped:
        band = cap
    # the most specific kind that holds for the pair decides; every rule of that kind whose own
    # parameters hold reports it (a newsroom's stricter rule beside the default one)
    for kind in CONFLICT_KINDS:
        fired = [rule for rule in by_kind.get(kind, []) if kind_holds(kind, a, b, rule.params, best)]
        if fired:
            found = [build_finding(rule, max(band, rule.severity, key=lambda s: SEVERITY_ORDER[s]), ca, cb, best,
                                   decision, titles, focus) for rule in fired]
            for f in found if capped else ():
                f.message += (" The archive disagrees with itself here: more of its articles state the draft's"
                              " figure than differ from it.")
            return found
    return []


def _corroboration(c: Cluster, support: list[dict[str, Any]], decision: Decision,
                   by_kind: dict[str, list[Rule]], titles: dict[str, str],
                   focus: set[str] | None) -> list[Finding]:
    if not support or len(c.docs) < 2:
        return []
    # in a check, a draft agreeing with the archive: drafts agreeing with each other back nothing
    if focus is not None and not (any(r["doc"] in focus for r in c.rows) and any(d not in focus for d in c.docs)):
        return []
    # two articles that both say "next year" or "the next four years" agree on words, read
    # against their own dates: that corroborates no fact
    support = [e for e in support if not e.get("relative")]
    if not support:
        return []
    if c.head["kind"] == "date" and not any(r.get("metric") for r in c.rows):
        return []  # a year two articles name (the period of a figure) is no event they agree on
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
