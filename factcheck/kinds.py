"""Rule kinds: the vocabulary of checks that rule files pick from.

A claim's mentions are first gathered into *clusters* of figures that agree with each
other (bounds-aware, with the slack of rounding). Each pair of clusters then stands in
exactly one *relation*, the most specific that holds: a magnitude slip ("500 US-Dollar"
against "500 Milliarden"), a scale mismatch (orders of magnitude apart), a currency
mismatch, a value conflict, a document contradicting itself; dates: a conflict or a
difference of precision. Agreeing clusters from several documents are corroboration.
A kind is the name of one relation; a rule file picks a kind and sets its parameters,
severity and message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Kind:
    name: str
    applies_to: str  # money or date
    params: dict[str, Any]
    doc: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("magnitude_slip", "money", {"min_orders": 2.5},
             "The same digits with a missing or different magnitude word (500 vs 500 billion)."),
        Kind("scale_mismatch", "money", {"min_orders": 2.0, "min_value": 100000.0, "evidence": "strong",
                                         "strong_orders": 3.5},
             "Figures for one claim that are orders of magnitude apart."),
        Kind("currency_mismatch", "money", {"max_rel_diff": 0.02},
             "The same figure for one claim in two different currencies."),
        Kind("value_conflict", "money", {"rel_tolerance": 0.005, "evidence": "strong"},
             "Figures for one claim whose bounds do not overlap, across documents."),
        Kind("self_contradiction", "money", {"rel_tolerance": 0.005},
             "One document gives two incompatible figures for the same claim."),
        Kind("revision", "money", {},
             "A later article states the change from the earlier figure (raised to 110 from 100)."),
        Kind("corroboration", "any", {"min_documents": 2},
             "Several documents agree on a claim (shown as support)."),
        Kind("date_conflict", "date", {"evidence": "strong"},
             "Dates for one event that do not overlap."),
        Kind("date_precision", "date", {},
             "Dates for one event that agree, one more precise than the other."),
    )
}


@dataclass
class Cluster:
    """Mentions (row dicts) of one claim that agree with each other."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({r["doc"] for r in self.rows})

    @property
    def head(self) -> dict[str, Any]:
        """The representative: the most precise figure (exact before bounded before vague)."""
        order = {"exact": 0, "approx": 1, "range": 2}
        return min(self.rows, key=lambda r: (order.get(r.get("qualifier") or "exact", 3),
                                             r["doc"], r["start"]))


def _num(x: Any) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def _bounds(r: dict[str, Any], rel_tol: float) -> tuple[float, float]:
    lo, hi, v = _num(r.get("low")), _num(r.get("high")), _num(r.get("value"))
    slack = (_num(r.get("precision")) or 0.0) + rel_tol * abs(v or lo or hi or 0.0)
    return (-math.inf if lo is None else lo - slack, math.inf if hi is None else hi + slack)


def _vague(r: dict[str, Any]) -> bool:
    return r.get("qualifier") == "vague" or _num(r.get("value")) is None


def money_agree(a: dict[str, Any], b: dict[str, Any], params: dict[str, dict[str, Any]]) -> bool:
    return money_relation(a, b, params) is None


def money_relation(a: dict[str, Any], b: dict[str, Any], params: dict[str, dict[str, Any]]
                   ) -> str | None:
    """The most specific disagreement between two money mentions, or None when they agree.

    `params` maps kind name to that kind's parameters (defaults for kinds with no rule).
    """
    if _vague(a) or _vague(b):
        return None  # "billions of dollars" bounds nothing an editor could check
    va, vb = float(a["value"]), float(b["value"])
    ca, cb = a.get("currency"), b.get("currency")
    if ca and cb and ca != cb:
        rel = abs(va - vb) / max(abs(va), abs(vb), 1e-9)
        if rel <= params["currency_mismatch"]["max_rel_diff"]:
            return "currency_mismatch"
        return "incomparable"  # different currencies: no FX conversion in this version
    if va <= 0 or vb <= 0:
        return None
    orders = abs(math.log10(va / vb))
    same_digits = (
        _num(a.get("number")) is not None
        and _num(a.get("number")) == _num(b.get("number"))
        and (a.get("magnitude") or "") != (b.get("magnitude") or "")
    )
    if same_digits and orders >= params["magnitude_slip"]["min_orders"]:
        return "magnitude_slip"
    if orders >= params["scale_mismatch"]["min_orders"]:
        return "scale_mismatch"
    tol = params["value_conflict"]["rel_tolerance"]
    la, ha = _bounds(a, tol)
    lb, hb = _bounds(b, tol)
    if ha < lb or hb < la:
        return "self_contradiction" if a["doc"] == b["doc"] else "value_conflict"
    return None


def date_relation(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """'date_conflict', 'date_precision' or None (the same interval)."""
    sa, ea, sb, eb = a["date_start"], a["date_end"], b["date_start"], b["date_end"]
    if (sa, ea) == (sb, eb):
        return None
    if bool(a.get("guessed")) != bool(b.get("guessed")) and _same_but_year(a, b):
        return None  # "April Nine" read in the publication year vs "April 9, 1997": the year was our guess
    if ea <= sb or eb <= sa:
        return "date_conflict"
    nested = (sa <= sb and eb <= ea) or (sb <= sa and ea <= eb)
    return "date_precision" if nested else "date_conflict"


def _same_but_year(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same day or month of the year, at the same granularity, in different years."""
    gran = a.get("granularity")
    if gran != b.get("granularity") or gran not in ("day", "month"):
        return False
    cut = 10 if gran == "day" else 7
    return a["date_start"][5:cut] == b["date_start"][5:cut] and a["date_end"][5:cut] == b["date_end"][5:cut]


def clusters(rows: list[dict[str, Any]], params: dict[str, dict[str, Any]]) -> list[Cluster]:
    """Greedy agreement clusters, most precise figures first so they seed the clusters."""
    out: list[Cluster] = []
    is_date = rows and rows[0]["kind"] == "date"
    order = sorted(rows, key=lambda r: (
        _vague(r) if not is_date else False,
        r.get("qualifier") not in (None, "exact"),
        r["doc"], r["start"]))
    # A figure stated again (same value, bounds, currency and wording) joins its twin's cluster
    # without comparisons: a claim repeated across an archive costs its distinct figures only.
    placed: dict[tuple, Cluster] = {}
    distinct: dict[int, list[dict[str, Any]]] = {}
    for r in order:
        key = _figure_key(r)
        if key in placed:
            placed[key].rows.append(r)
            continue
        for c in out:
            reps = distinct[id(c)]
            if is_date:
                ok = all(date_relation(r, x) is None for x in reps)
            else:
                ok = all(money_relation(r, x, params) is None for x in reps)
            if ok:
                c.rows.append(r)
                reps.append(r)
                placed[key] = c
                break
        else:
            c = Cluster([r])
            out.append(c)
            distinct[id(c)] = [r]
            placed[key] = c
    return out


def _figure_key(r: dict[str, Any]) -> tuple:
    fields = ("kind", "value", "low", "high", "currency", "qualifier", "number", "magnitude", "precision",
              "date_start", "date_end", "granularity")
    return tuple(_num(r.get(f)) if isinstance(r.get(f), float) else r.get(f) for f in fields)
