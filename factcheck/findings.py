"""Findings: run the rules over the grouped mentions.

For each claim with mentions from at least two places, the mentions are clustered by
agreement (`kinds.clusters`); every pair of clusters is given its one relation, and each
rule whose kind is that relation reports it. A finding's id is a fingerprint of the claim
and the figures (document ids and normalised values), never of offsets, so it survives
edits to unrelated text.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import pandas as pd

from factcheck.kinds import KINDS, Cluster, clusters, date_relation, money_relation
from factcheck.ruleset import Rule, RuleSet
from factcheck.table import records

MENTION_FIELDS = [
    "doc", "kind", "start", "end", "line", "col", "text", "sentence", "value", "low", "high",
    "currency", "qualifier", "per", "date_start", "date_end", "granularity", "actor", "metric",
]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Finding:
    id: str
    rule: str
    name: str
    severity: str
    message: str
    claim: str
    why: str
    mentions: list[dict[str, Any]]
    status: str = "new"
    docs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "rule": self.rule, "name": self.name, "severity": self.severity,
            "message": self.message, "status": self.status, "claim": self.claim,
            "why": self.why, "documents": self.docs, "mentions": self.mentions,
        }


def kind_params(ruleset: RuleSet) -> dict[str, dict[str, Any]]:
    """Each kind's parameters: from its first rule, else the kind's defaults."""
    params = {name: dict(k.params) for name, k in KINDS.items()}
    for rule in reversed(ruleset.rules):
        params[rule.kind] = dict(rule.params)
    return params


def find(mentions: pd.DataFrame, ruleset: RuleSet, titles: dict[str, str] | None = None
         ) -> list[Finding]:
    """Every finding of every rule, sorted by severity, rule and id."""
    titles = titles or {}
    params = kind_params(ruleset)
    by_kind: dict[str, list[Rule]] = {}
    for rule in ruleset.rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    # Vague amounts ("billions of dollars") bound nothing an editor could check.
    claimed = mentions[mentions["claim"].notna() & (mentions["qualifier"] != "vague")]
    if claimed.empty:
        return []
    sizes = claimed.groupby("claim")["claim"].transform("size")
    claimed = claimed[sizes >= 2]
    out: list[Finding] = []
    cols = [c for c in MENTION_FIELDS if c in claimed.columns] + ["precision", "number",
                                                                  "magnitude", "why"]
    for claim, group in claimed.groupby("claim", sort=True):
        rows = records(group, cols)
        cl = clusters(rows, params)
        is_date = rows[0]["kind"] == "date"
        for a, b in combinations(cl, 2):
            rel = date_relation(a.head, b.head) if is_date else money_relation(a.head, b.head, params)
            for rule in by_kind.get(rel or "", []):
                out.append(_finding(rule, str(claim), a, b, titles))
        for c in cl:
            if len(c.docs) >= params["corroboration"]["min_documents"]:
                for rule in by_kind.get("corroboration", []):
                    out.append(_finding(rule, str(claim), c, None, titles))
    out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.claim, f.id))
    return out


def _value_key(r: dict[str, Any]) -> str:
    if r["kind"] == "date":
        return f"{r['date_start']}/{r['date_end']}"
    parts = [r.get(k) for k in ("low", "value", "high")]
    return "/".join("-" if p is None or (isinstance(p, float) and math.isnan(p)) else f"{p:.6g}"
                    for p in parts) + f" {r.get('currency') or ''}"


def fingerprint(rule_id: str, claim: str, groups: list[list[dict[str, Any]]]) -> str:
    """Stable id: the rule, the claim and each side's (document, value) set."""
    sides = sorted(sorted({(r["doc"], _value_key(r)) for r in g}) for g in groups)
    blob = json.dumps([rule_id, claim, sides], ensure_ascii=False, sort_keys=True)
    return "fc-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _quote(r: dict[str, Any], titles: dict[str, str]) -> str:
    return f"“{r['text']}” ({r['doc']})"


def _finding(rule: Rule, claim: str, a: Cluster, b: Cluster | None, titles: dict[str, str]
             ) -> Finding:
    if b is not None and (len(a.docs), len(a.rows)) > (len(b.docs), len(b.rows)):
        a, b = b, a  # the odd one out first
    groups = [a.rows] + ([b.rows] if b is not None else [])
    ha, hb = a.head, b.head if b is not None else None
    mentions = []
    seen = set()
    for g in groups:
        for r in sorted(g, key=lambda r: (r["doc"], r["start"])):
            key = (r["doc"], r["start"], r["end"])
            if key not in seen:
                seen.add(key)
                mentions.append({k: r.get(k) for k in MENTION_FIELDS})
    fields = {
        "a": ha["text"], "a_doc": ha["doc"], "a_quote": _quote(ha, titles),
        "b": hb["text"] if hb else "", "b_doc": hb["doc"] if hb else "",
        "b_quote": _quote(hb, titles) if hb else "",
        "b_all": _join([_quote(r, titles) for r in _one_per_doc(b.rows)]) if b else "",
        "a_all": _join([_quote(r, titles) for r in _one_per_doc(a.rows)]),
        "actor": ha.get("actor") or "", "metric": (ha.get("metric") or "").replace("_", " "),
        "docs": ", ".join(a.docs), "n_docs": len(a.docs),
        "orders": "", "ratio": "",
    }
    if hb and ha["kind"] == "money" and ha.get("value") and hb.get("value"):
        ratio = max(ha["value"], hb["value"]) / max(min(ha["value"], hb["value"]), 1e-9)
        fields["ratio"] = f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.2f}"
        fields["orders"] = f"{math.log10(ratio):.1f}"
    message = rule.message.format_map(_Blank(fields))
    docs = sorted({r["doc"] for g in groups for r in g})
    return Finding(fingerprint(rule.id, claim, groups), rule.id, rule.name, rule.severity,
                   message, claim, ha.get("why") or "", mentions, docs=docs)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _one_per_doc(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in sorted(rows, key=lambda r: (r["doc"], r["start"])):
        if r["doc"] not in seen:
            seen.add(r["doc"])
            out.append(r)
    return out


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
