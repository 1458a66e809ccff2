"""Findings: what a rule reports about two groups of figures, worded for an editor.

A finding's id is a fingerprint of its rule, its claim and each side's (document, value)
set, never of offsets, so it survives edits to unrelated text. Its evidence lists the features
that decided it (`claims.evidence`), with their values and weights, strongest first.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.kinds import Cluster
from factcheck.ruleset import Rule

if TYPE_CHECKING:
    from factcheck.claims.decision import Decision

MENTION_FIELDS = [
    "doc", "kind", "start", "end", "line", "col", "text", "sentence", "value", "low", "high",
    "currency", "qualifier", "per", "date_start", "date_end", "granularity", "actor", "metric", "story",
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
    # Why the figures were judged to state one fact: named features with their values
    # ({"name", "value", "text"}, and the weight and contribution that moved the score),
    # the decision's score (0-1) and the story id, if any.
    evidence: list[dict[str, Any]] = field(default_factory=list)
    score: float | None = None
    story: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "rule": self.rule, "name": self.name, "severity": self.severity,
            "message": self.message, "status": self.status, "claim": self.claim,
            "why": self.why, "score": self.score, "story": self.story, "evidence": self.evidence,
            "documents": self.docs, "mentions": self.mentions,
        }


def finding_from_dict(d: dict[str, Any]) -> Finding:
    """The Finding `Finding.as_dict` gave (a stored result read back)."""
    return Finding(id=d["id"], rule=d["rule"], name=d["name"], severity=d["severity"], message=d["message"],
                   claim=d["claim"], why=d["why"], mentions=d["mentions"], status=d["status"],
                   docs=d["documents"], evidence=d["evidence"], score=d["score"], story=d["story"])


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


def source_name(doc: str, titles: dict[str, str]) -> str:
    """How a message names an article: its label (`naming.doc_labels`: title, else opening
    words), else its id."""
    return titles.get(doc) or doc


def _quote(r: dict[str, Any], titles: dict[str, str]) -> str:
    return f"“{' '.join(r['text'].split())}” ({source_name(r['doc'], titles)})"


def claim_of(rows: list[dict[str, Any]]) -> str:
    """The claim a finding is about: the commonest claim key of its figures, else the kind
    and story of its first figure."""
    keys = Counter(r.get("claim") for r in rows if r.get("claim"))
    if keys:
        return sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    first = min(rows, key=lambda r: (r["doc"], r["start"]))
    return f"{first['kind']}|story {first.get('story') or first['doc']}"


def _about(rows: list[dict[str, Any]]) -> tuple[str, str]:
    """(claimant, metric) most of the figures name, '' where they name none."""
    def common(key: str) -> str:
        vals = Counter(r.get(key) for r in rows if r.get(key))
        return sorted(vals.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if vals else ""
    return common("actor"), common("metric").replace("_", " ")


def _subject(actor: str, metric: str) -> str:
    """" on Stargate's investment", " on Stargate", " on the investment", or nothing."""
    if actor and metric:
        # "Alexander's", not "Alexander's's"; a name ending in s takes the apostrophe alone
        # ("House Democrats' date", "Acme Robotics' founding"), as news style writes it
        owner = (actor if actor.endswith(("'s", "’s", "s'")) else f"{actor}'" if actor.endswith("s")
                 else f"{actor}'s")
        return f" on {owner} {metric}"
    if actor:
        return f" on {actor}"
    if metric:
        return f" on the {metric}"
    return ""


def evidence_text(evidence: list[dict[str, Any]], a: dict[str, Any], b: dict[str, Any] | None) -> str:
    """One line an editor reads: "same story 0.82 · context 0.74 · claimant Acme ≈ Acme Corp"."""
    parts = []
    for e in evidence:
        name, value = e["name"], e["value"]
        label = name.replace("_", " ")
        if name == "claimant" and b is not None and a.get("actor") and b.get("actor"):
            sign = "=" if a["actor"] == b["actor"] else "≈"
            parts.append(f"claimant {a['actor']} {sign} {b['actor']}")
        elif e.get("weight", 0) < 0:
            parts.append(f"against: {label} {value:g}")
        else:
            parts.append(f"{label} {value:g}")
    return " · ".join(parts)


def build_finding(rule: Rule, severity: str, a: Cluster, b: Cluster | None, edge: dict[str, Any],
                  decision: Decision, titles: dict[str, str], drafts: set[str] | None = None) -> Finding:
    """A finding of `rule` between clusters a and b (b None: corroboration), decided by `edge`.
    The odd one out comes first (the side fewer articles state), and the finding is reported at
    its first figure in a draft; in a check (`drafts`), the side fewer *archive* articles state:
    drafts agreeing with each other are no support, and a draft that agrees with the archive
    is never the one blamed."""
    def support(c: Cluster) -> tuple[int, int, int]:
        backed = len(set(c.docs) - drafts) if drafts else 0
        return backed, len(c.docs), len(c.rows)

    if b is not None and support(a) > support(b):
        a, b = b, a
    groups = [a.rows] + ([b.rows] if b is not None else [])
    all_rows = [r for g in groups for r in g]
    ha, hb = a.head, b.head if b is not None else None
    mentions, seen = [], set()
    for g in groups:
        for r in sorted(g, key=lambda r: (r["doc"], r["start"])):
            key = (r["doc"], r["start"], r["end"])
            if key not in seen:
                seen.add(key)
                mentions.append({k: r.get(k) for k in MENTION_FIELDS})
    x, y = edge.get("_a"), edge.get("_b")
    if b is not None and x is not None and y is not None:
        # quote the pair that decided the finding, each side's own figure: a cluster's most
        # precise figure may be one that agrees with the other side ("about $3.6 billion")
        if _has(a.rows, y) and _has(b.rows, x):
            x, y = y, x
        if _has(a.rows, x) and _has(b.rows, y):
            ha, hb = x, y
    # a finding is reported at its first mention: the figure its message quotes first, so the
    # location and the title beside the quote name one article
    first = next((k for k, m in enumerate(mentions) if (m["doc"], m["start"]) == (ha["doc"], ha["start"])), 0)
    mentions.insert(0, mentions.pop(first))
    actor, metric = _about(all_rows)
    fields = {
        "a": ha["text"], "a_doc": source_name(ha["doc"], titles), "a_quote": _quote(ha, titles),
        "b": hb["text"] if hb else "", "b_doc": source_name(hb["doc"], titles) if hb else "",
        "b_quote": _quote(hb, titles) if hb else "",
        "b_all": _join([_quote(r, titles) for r in _one_per_doc(b.rows, hb, ha)]) if b and hb else "",
        "a_all": _join([_quote(r, titles) for r in (_one_per_doc(a.rows, ha, hb) if b else _one_per_doc(a.rows))]),
        "actor": actor or "the subject", "metric": metric or "figure",
        # a date no metric names is still a date: "on House Democrats' date", not "on a date on ..."
        "about": _subject(actor, metric or ("date" if ha["kind"] == "date" else "")),
        "docs": ", ".join(source_name(d, titles) for d in a.docs), "n_docs": len(a.docs),
        "orders": "", "ratio": "",
    }
    if hb and ha["kind"] == "money" and ha.get("value") and hb.get("value"):
        ratio = max(ha["value"], hb["value"]) / max(min(ha["value"], hb["value"]), 1e-9)
        fields["ratio"] = f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.2f}"
        fields["orders"] = f"{math.log10(ratio):.1f}"
    message = " ".join(rule.message.format_map(_Blank(fields)).split())
    evidence = decision.explain(edge)
    why = evidence_text(evidence, x or ha, y or hb)
    claim = claim_of(all_rows)
    docs = sorted({r["doc"] for r in all_rows})
    story = next((r.get("story") for r in all_rows if r.get("story")), None)
    return Finding(fingerprint(rule.id, claim, groups), rule.id, rule.name, severity, message, claim, why,
                   mentions, docs=docs, evidence=evidence, score=round(float(edge["score"]), 4), story=story)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _has(rows: list[dict[str, Any]], row: dict[str, Any]) -> bool:
    return any(r is row for r in rows)


def _one_per_doc(rows: list[dict[str, Any]], head: dict[str, Any] | None = None,
                 other: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One figure per article to quote: `head` in its own article; elsewhere the first figure
    whose value differs from `other`'s (the side it is quoted against). An article whose
    figures all state `other`'s value is left out: quoting it as a rival would contradict
    the message ("$3.6 billion" disagrees with "about $3.6 billion")."""
    against = _plain_value(other) if other is not None else None
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(rows, key=lambda r: (r["doc"], r["start"])):
        by_doc.setdefault(r["doc"], []).append(r)
    out = []
    for doc, rs in by_doc.items():
        if head is not None and head["doc"] == doc:
            out.append(head)
            continue
        differ = [r for r in rs if against is None or _plain_value(r) != against]
        if differ or head is None:
            out.append((differ or rs)[0])
    return out


def _plain_value(r: dict[str, Any]) -> str:
    """A figure's value as stated, without its bounds: "about $3.6 billion" states 3.6 billion."""
    if r["kind"] == "date":
        return f"{r.get('date_start')}/{r.get('date_end')}"
    v = r.get("value")
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.6g} {r.get('currency') or ''}"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
