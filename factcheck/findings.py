"""Findings: run the rules over the grouped mentions.

For each claim with mentions from at least two places, the mentions are clustered by
agreement (`kinds.clusters`); every pair of clusters is given its one relation, and each
rule whose kind is that relation reports it. A finding's id is a fingerprint of the claim
and the figures (document ids and normalised values), never of offsets, so it survives
edits to unrelated text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from itertools import combinations, islice
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from factcheck.kinds import KINDS, Cluster, clusters, date_relation, money_agree, money_relation
from factcheck.ruleset import Rule, RuleSet
from factcheck.table import records

MENTION_FIELDS = [
    "doc", "kind", "start", "end", "line", "col", "text", "sentence", "value", "low", "high",
    "currency", "qualifier", "per", "date_start", "date_end", "granularity", "actor", "metric",
]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# Article pairs examined for evidence between two figures of one claim. A claim repeated by
# thousands of articles would otherwise cost the square of its size; evidence, when it exists,
# shows up among the first pairs of the sorted sides.
_PAIR_BUDGET = 2000
# A "claim" whose figures fall into more disagreeing groups than this is a grouping failure
# (a common name over many stories); comparing all its groups pairwise would flag noise.
_MAX_CLUSTERS = 40


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
    # ({"name", "value", "text"}), the decision's score (0-1) and the story id, if any.
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
    lex = ruleset.lexicon
    ctx = _Context(kind_params(ruleset), lex.window_days, lex.min_self_similarity, titles)
    ctx.correction_window = lex.correction_window_days
    ctx.min_story = lex.min_story_overlap
    ctx.min_context = lex.min_context_similarity
    ctx.volatile = lex.volatile_families
    ctx.strict = lex.strict_families
    for rule in ruleset.rules:
        ctx.by_kind.setdefault(rule.kind, []).append(rule)
    # Vague amounts ("billions of dollars") bound nothing an editor could check.
    claimed = mentions[mentions["claim"].notna() & (mentions["qualifier"] != "vague")
                       & ((mentions["kind"] == "money") | mentions["date_start"].notna())]
    if claimed.empty:
        return []
    extra = ["precision", "number", "magnitude", "why", "doc_date", "masked", "correction", "change",
             "family", "stage", "claim", "sent_start", "table", "objects", "subject", "title", "figures",
             "resolved", "guessed", "revised"]
    cols = [c for c in [*MENTION_FIELDS, *extra] if c in claimed.columns]
    # One conversion to plain rows, then grouping in Python: per-group DataFrame access
    # costs far more than the checks themselves.
    # Only claims stated at least twice can disagree; earlier-period rows are kept for revisions.
    sizes = claimed["claim"].map(claimed["claim"].value_counts())
    claimed = claimed[(sizes >= 2) | (claimed["stage"] == "previous")]
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for r in records(claimed, cols):
        by_claim.setdefault(r["claim"], []).append(r)
        if r.get("stage") == "previous":
            ctx.previous.setdefault((r.get("actor"), r.get("family"), r.get("per") or ""), []).append(r)
            ctx.previous_by_doc.setdefault(r["doc"], []).append(r)
    for claim in sorted(by_claim):
        if len(by_claim[claim]) >= 2:
            ctx.claim(claim, by_claim[claim])
    ctx.out.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.claim, f.id))
    return ctx.out


class _Context:
    """The rules, parameters and output of one run of `find`."""

    def __init__(self, params: dict[str, dict[str, Any]], window_days: int, min_self: float,
                 titles: dict[str, str]) -> None:
        self.params, self.window, self.min_self, self.titles = params, window_days, min_self, titles
        self.by_kind: dict[str, list[Rule]] = {}
        self.volatile: set[str] = set()
        self.strict: set[str] = set()
        self.correction_window = window_days
        self.series_days = 0
        self.min_story = 0.4
        self.min_context = 60.0
        self.min_strong = 85.0
        self.previous: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        self.previous_by_doc: dict[str, list[dict[str, Any]]] = {}
        self.out: list[Finding] = []

    def emit(self, kind: str, claim: str, a: Cluster, b: Cluster | None, strong: bool = True) -> None:
        """Report through every rule of this kind; rules that ask for `evidence = "strong"`
        take the pairs with strong evidence, `"weak"` ones the others."""
        for rule in self.by_kind.get(kind, []):
            wants = rule.params.get("evidence", "strong")
            if (wants == "strong") == strong or wants == "any":
                self.out.append(_finding(rule, claim, a, b, self.titles))

    def claim(self, claim: str, rows: list[dict[str, Any]]) -> None:
        cl = clusters(rows, self.params)
        self.series_days = len({r.get("doc_date") for r in rows if r.get("doc_date")})
        is_date = rows[0]["kind"] == "date"
        if rows[0].get("stage") == "previous":
            cl = []  # last year's column and "up from" figures only serve to recognise revisions
        elif len(cl) > _MAX_CLUSTERS:
            cl = []  # dozens of disagreeing figures are many claims under one name, not one claim
        for a, b in combinations(cl, 2):
            rel = date_relation(a.head, b.head) if is_date else money_relation(a.head, b.head, self.params)
            if rel is None or rel == "incomparable":
                continue
            if rel == "scale_mismatch" and not self._comparable_scales(a, b):
                continue
            self._pair(claim, a, b, rel)
        for c in cl:
            if len(c.docs) >= self.params["corroboration"]["min_documents"]:
                self.emit("corroboration", claim, c, None)

    def _pair(self, claim: str, a: Cluster, b: Cluster, rel: str) -> None:
        shared = set(a.docs) & set(b.docs)
        if rel == "magnitude_slip":
            # the same digits without their magnitude word: suspicious even beside the right figure
            if self._dated_close(a.rows, b.rows):
                self.emit(rel, claim, a, b)
            return
        for doc in sorted(shared):
            xa = [r for r in a.rows if r["doc"] == doc]
            xb = [r for r in b.rows if r["doc"] == doc]
            pair = self._same_statement(xa, xb)
            if pair and rel in ("value_conflict", "self_contradiction", "scale_mismatch"):
                self.emit("self_contradiction", claim, Cluster([pair[0]]), Cluster([pair[1]]))
        only_a = Cluster([r for r in a.rows if r["doc"] not in shared])
        only_b = Cluster([r for r in b.rows if r["doc"] not in shared])
        if not only_a.rows or not only_b.rows or not self._dated_close(only_a.rows, only_b.rows):
            return  # an article that states both figures knows of the change
        if rel != "date_precision" and not self._same_story(only_a.rows, only_b.rows):
            return
        # a differing value is only a contradiction between two statements of the same claim;
        # a scale slip, a currency slip or a difference of precision speaks for itself
        if rel in ("value_conflict", "self_contradiction", "date_conflict") and not self._same_claim_said(
                only_a.rows, only_b.rows):
            return
        if rel == "self_contradiction":
            rel = "value_conflict"
        if rel == "value_conflict" and a.head.get("family") in self.volatile:
            return  # prices move: different quotes on different days are not contradictions
        pairs = ((x, y) for x in only_a.rows for y in only_b.rows)
        if a.head.get("family") in self.strict and not any(
                _said_alike(x, y, fuzz.ratio) >= self.min_strong for x, y in islice(pairs, _PAIR_BUDGET)):
            return  # one-off items of a report: only a re-issued sentence states the same item twice
        if rel in ("value_conflict", "scale_mismatch") and (
                self._revised(only_b, a.head) or self._revised(only_a, b.head)
                or _later_revision(only_a, only_b) or _later_revision(only_b, only_a)):
            rel = "revision"  # "raised its bid to 110" wherever 110 is said: a new figure, not a rival one
        if rel == "date_conflict" and {_fold(r["text"]) for r in (*only_a.rows, *only_b.rows)} == {
                _fold(only_a.head["text"])}:
            return  # "yesterday" re-issued a day later: our reading differs, the text does not
        if rel == "scale_mismatch":
            strong = self._strong(only_a.rows, only_b.rows) or self._subject_led(only_a, only_b)
        else:
            strong = rel not in ("value_conflict", "date_conflict") or self._strong(only_a.rows, only_b.rows)
        self.emit(rel, claim, only_a, only_b, strong)

    def _revised(self, c: Cluster, old: dict[str, Any]) -> bool:
        """Does an article of `c` state `old` as the earlier value of a change ("raised to 110
        from 100"), in a sentence with a change verb, without being a correction?"""
        if old.get("kind") != "money":
            return False
        docs = set(c.docs)
        r = c.rows[0]
        for p in self.previous.get((r.get("actor"), r.get("family"), r.get("per") or ""), []):
            if (p["doc"] in docs and p.get("change") and not p.get("correction")
                    and money_agree(p, old, self.params)):
                return True
        return False

    def _same_story(self, xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
        """Are the two sides' articles about one story, so that their figures should agree?

        Yes when the claimant heads both stories (the headline's subject), or the articles
        name mostly the same organisations. But figures of a recurring report (the same claim
        published on three or more days: money market operations, weekly balances) differ
        from day to day: there only same-day articles and corrections are compared.
        """
        actor = xs[0].get("actor")
        subjects = {r.get("subject") for r in (*xs, *ys)}
        linked = subjects == {actor} or _story_overlap(xs, ys) >= self.min_story
        if not linked or _different_objects(xs, ys):
            return False
        if self.series_days >= 3 and not any(r.get("correction") for r in (*xs, *ys)):
            dx = {r.get("doc_date") for r in xs}
            dy = {r.get("doc_date") for r in ys}
            return None in dx or None in dy or bool(dx & dy)
        return True

    def _strong(self, xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
        """Strong evidence, for some pair of articles, that two figures are one claim stated
        twice: a correction of the story's subject, a re-issued story (same headline), the same
        sentence, or two prose reports of one day headed by the claimant on the very metric."""
        by_doc_x: dict[str, list[dict[str, Any]]] = {}
        by_doc_y: dict[str, list[dict[str, Any]]] = {}
        for r in xs:
            by_doc_x.setdefault(r["doc"], []).append(r)
        for r in ys:
            by_doc_y.setdefault(r["doc"], []).append(r)
        pairs = ((dx, dy) for dx in by_doc_x.values() for dy in by_doc_y.values())
        return any(self._strong_pair(dx, dy) for dx, dy in islice(pairs, _PAIR_BUDGET))

    def _strong_pair(self, xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
        rows = (*xs, *ys)
        subject_led = {r.get("subject") for r in rows} == {rows[0].get("actor")}
        if subject_led and self._correction_holds(xs, ys):
            return True
        if _said_alike_titles(xs[0], ys[0]) >= 85:
            return True
        if (subject_led and rows[0]["kind"] == "money" and len({r.get("metric") for r in rows}) == 1
                and not any(r.get("table") for r in rows)
                and xs[0].get("doc_date") and xs[0].get("doc_date") == ys[0].get("doc_date")
                and any(_said_alike(x, y) >= self.min_context for x in xs for y in ys)):
            return True
        # the same sentence, word for word but the figure (order-sensitive, unlike token sets)
        return any(_said_alike(x, y, fuzz.ratio) >= self.min_strong for x in xs for y in ys)

    def _subject_led(self, a: Cluster, b: Cluster) -> bool:
        """Both articles are about the claimant (it heads them) and the figures are very far
        apart: "$10 million" against "$7 trillion" for Sam Altman's AI plans."""
        rows = (*a.rows, *b.rows)
        if {r.get("subject") for r in rows} != {a.head.get("actor")}:
            return False
        ratio = max(a.head["value"], b.head["value"]) / max(min(a.head["value"], b.head["value"]), 1e-9)
        return math.log10(ratio) >= self.params["scale_mismatch"].get("strong_orders", 3.5)

    def _comparable_scales(self, a: Cluster, b: Cluster) -> bool:
        """Scale is compared between totals stated in prose: not table rows, not per-share
        figures, not prices ("warrants at 35 dlrs") against totals."""
        low = self.params["scale_mismatch"]["min_value"]
        return all(not r.get("table") and not r.get("per") and (r.get("value") or 0) >= low
                   for r in (a.head, b.head))

    def _same_claim_said(self, xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
        """Do two articles of one story state this figure in the same words (re-issues, parallel
        reports)? A correction about the story's own subject restates what it corrects, so
        its money figures are compared whatever the wording."""
        rows = (*xs, *ys)
        if (rows[0]["kind"] == "money" and {r.get("subject") for r in rows} == {rows[0].get("actor")}
                and self._correction_holds(xs, ys)):
            return True
        if any(r.get("table") for r in rows):
            # earnings tables of two different periods look alike: only re-issued tables count
            titles_alike = all(_said_alike_titles(x, y) >= 85 for x in xs[:1] for y in ys[:1])
            return titles_alike or self._correction_holds(xs, ys)
        pairs = ((x, y) for x in xs for y in ys)
        return any(_said_alike(x, y) >= self.min_context for x, y in islice(pairs, _PAIR_BUDGET))

    def _same_statement(self, xa, xb):
        """Two sentences of one article that say the same thing with different figures."""
        for x in xa:
            for y in xb:
                if x.get("sent_start") == y.get("sent_start") or x.get("table") or y.get("table"):
                    continue  # one sentence's figures, or table rows of two periods, are not one statement
                if x.get("figures", 1) > 1 or y.get("figures", 1) > 1:
                    continue  # sentences listing several figures compare items, not one claim twice
                if _other_numbers(x) != _other_numbers(y):
                    continue  # "1986 net includes ..." and "1985 net includes ...": two years' items
                if _said_alike(x, y) >= self.min_self:
                    return x, y
        return None

    def _dated_close(self, xs, ys) -> bool:
        """True when some pair of the two sides was published within the window (or is undated)."""
        corrected = any(r.get("correction") for r in (*xs, *ys))
        return _close(xs, ys, self.correction_window if corrected else self.window)

    def _correction_holds(self, xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
        """Is one side a correction of the other? A correction near it in time (a re-issue of
        the day), or one that names the other's figure as the one it replaces ("36 cts, not the
        37 cts it reported"). A correction of some other figure weeks later vouches for nothing."""
        if not any(r.get("correction") for r in (*xs, *ys)):
            return False
        if _close(xs, ys, self.window):
            return True
        for fixed, other in ((xs, ys), (ys, xs)):
            for doc in {r["doc"] for r in fixed if r.get("correction")}:
                for p in self.previous_by_doc.get(doc, []):
                    if any(o["kind"] == "money" and money_agree(p, o, self.params) for o in other):
                        return True
        return False


_GENERIC = frozenset(["corp", "corporation", "bank", "group", "company", "holdings", "international",
                      "national", "general", "first", "american", "united", "service", "services"])


def _words(rows: list[dict[str, Any]], actors: set[Any]) -> set[str]:
    """Distinctive words of the organisations an article names, the claimant's words left out."""
    skip = {w.lower() for a in actors if isinstance(a, str) for w in a.split()} | _GENERIC
    names = {o for r in rows for o in (r.get("objects") or [])}
    return {w.lower() for n in names for w in n.split() if len(w) >= 4 and w.lower() not in skip}


def _said_alike(x: dict[str, Any], y: dict[str, Any], scorer=fuzz.token_set_ratio) -> float:
    """rapidfuzz similarity (0-100) of the two sentences with only their own figures masked:
    other numbers, years above all, still tell two statements apart."""
    sx = " ".join((x.get("sentence") or "").replace(x["text"], "<M>").lower().split())
    sy = " ".join((y.get("sentence") or "").replace(y["text"], "<M>").lower().split())
    return scorer(sx, sy)


def _close(xs: list[dict[str, Any]], ys: list[dict[str, Any]], days: int) -> bool:
    """Some pair of the two sides was published within `days` of each other (or is undated)."""
    da = {r.get("doc_date") for r in xs}
    db = {r.get("doc_date") for r in ys}
    if None in da or None in db:
        return True
    return any(abs((_day(x) - _day(y)).days) <= days for x in da for y in db)


def _all_revised(c: Cluster) -> bool:
    return all(r.get("revised") and not r.get("correction") for r in c.rows)


def _later_revision(new: Cluster, old: Cluster) -> bool:
    """Every article of `new` states its figure as a raise or cut ("raised its bid to 110"),
    none of `old` does, and `new` is not older: the old figure was overtaken, not contradicted."""
    if not _all_revised(new) or any(r.get("revised") for r in old.rows):
        return False
    dn = [r.get("doc_date") for r in new.rows]
    do = [r.get("doc_date") for r in old.rows]
    return None in dn or None in do or min(dn) >= max(do)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _other_numbers(r: dict[str, Any]) -> list[str]:
    """The numbers of a mention's sentence besides its own figure (years, counts, other sums)."""
    return _NUMBER.findall((r.get("sentence") or "").replace(r["text"], " "))


def _said_alike_titles(x: dict[str, Any], y: dict[str, Any]) -> float:
    """100 when two headlines are the same story re-issued (corrections marks aside), else 0:
    "3RD QTR NET" and "2ND QTR NET" of one company are two stories."""
    tx, ty = (_fold(_CORRECTED.sub("", r.get("title") or "")) for r in (x, y))
    return 100.0 if tx and tx == ty else 0.0


def _fold(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


_CORRECTED = re.compile(r"(?i)\(?correct(?:ed|ion|s)?\)?\s*-?\s*")


def _different_objects(xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> bool:
    """Both sides' articles name other organisations and places, none in common: a loan to
    Hungary and a loan to Uganda are two loans, whoever made them."""
    actors = {r.get("actor") for r in (*xs, *ys)}
    ox, oy = _words(xs, actors), _words(ys, actors)
    return bool(ox) and bool(oy) and not (ox & oy)


def _story_overlap(xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> float:
    """How much the two sides' articles name the same organisations besides the claimant:
    shared name words over the smaller side's ("Straw Hat" ~ "Straw Hat Piza")."""
    actors = {r.get("actor") for r in (*xs, *ys)}
    ox, oy = _words(xs, actors), _words(ys, actors)
    if not ox or not oy:
        return 0.0
    shared = len(ox & oy)
    return shared / min(len(ox), len(oy)) if shared >= 2 else 0.0


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10])


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
