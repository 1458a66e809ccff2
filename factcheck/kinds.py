"""Rule kinds: the vocabulary of checks that rule files pick from.

The claims stage decides which figures state one fact (`factcheck.claims`). Between two
figures of one fact, a kind says what their difference is: a magnitude slip ("500 US-Dollar"
against "500 Milliarden"), a scale mismatch (orders of magnitude apart), a currency mismatch,
a stated revision, a document contradicting itself, a value conflict; for dates a conflict or a
difference of precision; agreeing figures from several documents are corroboration. A rule
file picks a kind and sets its severity, message and the kind's parameters, which apply to that
rule alone: `kind_holds` reads them. Kinds are tried from the most specific to the most general
(CONFLICT_KINDS), so one difference makes one finding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from factcheck.datafiles import load


@dataclass(frozen=True)
class Kind:
    name: str
    applies_to: str  # money, date or any
    params: dict[str, Any]
    doc: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("magnitude_slip", "money", {"min_orders": 2.5},
             "The same digits with a missing or different magnitude word (500 vs 500 billion)."),
        Kind("scale_mismatch", "money", {"min_orders": 2.0, "min_value": 100000.0},
             "Figures for one fact that are orders of magnitude apart (both at least min_value)."),
        Kind("currency_mismatch", "money", {"max_rel_diff": 0.02},
             "The same figure for one fact in two currencies, both stated in the text."),
        Kind("revision", "money", {},
             "A figure changed and an article states the change (raised to 110 from 100)."),
        Kind("self_contradiction", "money", {"rel_tolerance": 0.0},
             "One document gives two incompatible figures for the same fact."),
        Kind("value_conflict", "money", {"rel_tolerance": 0.0},
             "Figures for one fact whose bounds do not overlap, across documents."),
        Kind("date_conflict", "date", {},
             "Dates for one event that do not overlap."),
        Kind("date_precision", "date", {},
             "Dates for one event that agree, one more precise than the other."),
        Kind("corroboration", "any", {"min_documents": 2},
             "Several documents agree on a fact (shown as support)."),
    )
}
# Kinds of a difference between two figures, most specific first.
CONFLICT_KINDS = ("magnitude_slip", "scale_mismatch", "currency_mismatch", "revision", "self_contradiction",
                  "value_conflict", "date_conflict", "date_precision")


@dataclass
class Cluster:
    """Mentions (row dicts) of one fact that agree with each other."""

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


@lru_cache(maxsize=1 << 16)  # (clustering compares each figure with many: its unit is worked out once)
def unit_of(number: float | None, value: float | None) -> float:
    """The unit of the last digit a figure states, in currency units: "3.5 billion" → 0.1
    billion, "43,000" → 1,000, "2,594,474" → 1. Zero when unknown."""
    if number is None or value is None or number == 0 or math.isnan(number) or math.isnan(value):
        return 0.0
    scale = value / number
    if abs(number) < 1000 and number == round(number):
        return abs(scale)  # "100 dlrs", "10 million": zeros of a small number are digits, not rounding
    for k in range(12, -9, -1):  # the largest power of ten the stated number is a multiple of
        q = number / 10.0**k
        if round(q) != 0 and abs(q - round(q)) <= 1e-9 * max(1.0, abs(q)):
            return 10.0**k * abs(scale)
    return 0.0


def money_interval(r: dict[str, Any], unit: float, truncates: bool, rel_tol: float) -> tuple[float, float]:
    """The values a figure allows: its bounds, widened by rounding of its last digit (half a
    unit each way) and, for the coarser of two figures, by truncation (a full unit up: "$43
    million" for $43.9 million). Shrunk by a hair so that 3.5 and 3.6 billion, which only touch
    at 3.55, do not overlap."""
    lo, hi, v = _num(r.get("low")), _num(r.get("high")), _num(r.get("value"))
    base = abs(v or lo or hi or 0.0)
    hair = unit * 1e-6
    down = unit / 2 + rel_tol * base - hair
    up = (unit if truncates else unit / 2) + rel_tol * base - hair
    return (-math.inf if lo is None else lo - down, math.inf if hi is None else hi + up)


# The days one calendar unit of each granularity spans: a date spanning more is a range
# ("2010 to 2013", "the next four years"), one spanning no more is a single year, month or day.
UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "season": 94, "half": 184, "year": 366,
             "decade": 3653}


def unit_days(gran: Any) -> float:
    """The days of a date's granularity ("month": 31), NaN where it has none."""
    return UNIT_DAYS.get(str(gran), math.nan)


def ranges_differ(span_a: Any, unit_a: Any, span_b: Any, unit_b: Any) -> Any:
    """Two dates that are both stated ranges (each spans more than its granularity's unit, in
    days: `unit_days`): one inside the other is no less precise reading of it ("1996 to 2007"
    and "1997 to 2007" disagree; "2023" and "March 2023" do not). Scalars or arrays; a NaN unit
    makes no range."""
    return (span_a > unit_a) & (span_b > unit_b)


def coarser(unit: Any, other: Any) -> Any:
    """Is a figure's unit of its last digit a whole digit larger than the other's (so it may
    truncate)? Not by the float noise of value / number (5.7e9 / 5.7). Floats or arrays."""
    return unit > other * 1.5


# Qualifiers that bound a figure on one side only, and the side ("up to", "at least", "more than").
BOUND_SIDE = {"at_least": "low", "more_than": "low", "up_to": "high", "at_most": "high", "less_than": "high"}


def money_compatible(a: dict[str, Any], b: dict[str, Any], rel_tol: float = 0.0) -> bool:
    """Can one amount be true and both figures be honest roundings (or truncations) of it?
    Two bounds on one side ("a maximum of 374 mln", "a maximum of 375 mln"; "at least $10,000",
    "more than $1,000") state the bound itself, whichever word each writer chose: they are
    compatible only when the bounds are."""
    ua = unit_of(_num(a.get("number")), _num(a.get("value")))
    ub = unit_of(_num(b.get("number")), _num(b.get("value")))
    side = BOUND_SIDE.get(a.get("qualifier") or "")
    if side is not None and side == BOUND_SIDE.get(b.get("qualifier") or ""):
        a, b = _bound_only(a), _bound_only(b)
    # prose may truncate ("$43 million" for $43.9 million); a table rounds, never truncates
    la, ha = money_interval(a, ua, coarser(ua, ub) and not a.get("table"), rel_tol)
    lb, hb = money_interval(b, ub, coarser(ub, ua) and not b.get("table"), rel_tol)
    return la <= hb and lb <= ha


def _bound_only(r: dict[str, Any]) -> dict[str, Any]:
    bound = _num(r.get("high")) if _num(r.get("low")) is None else _num(r.get("low"))
    return {**r, "low": bound, "high": bound}


def _orders(a: dict[str, Any], b: dict[str, Any]) -> float:
    va, vb = _num(a.get("value")), _num(b.get("value"))
    if not va or not vb or va <= 0 or vb <= 0:
        return 0.0
    return abs(math.log10(va / vb))


@cache
def _family_members() -> dict[str, frozenset[str]]:
    return {name: frozenset(e.get("members", ())) for name, e in load("money").get("family", {}).items()}


def written_currencies(currency: Any, source: Any, family: Any) -> frozenset[str] | None:
    """The currencies a figure's own words allow: its currency when the words state it
    ("US-Dollar", "€"), the members of its unit word's family when the story, the dateline
    or a default chose among them ("$", "dlrs": any dollar); None when no currency word was
    written (a bare table figure)."""
    if not isinstance(currency, str) or not currency:
        return None
    if source is None or source == "stated" or (isinstance(source, float) and math.isnan(source)):
        return frozenset([currency])
    if isinstance(family, str) and family:
        return _family_members().get(family)
    return None


def currencies_apart(ca: Any, sa: Any, fa: Any, cb: Any, sb: Any, fb: Any) -> bool:
    """Do two amounts' own words name currencies that cannot be one (currency, its source and
    family for each: `written_currencies`)? "$500bn" against "500 Milliarden Euro" yes; two
    bare table figures, or a "dlrs" the dateline read as Australian against "US$5", no: a
    currency the story, a dateline, an exchange or a default chose never keeps two amounts
    apart, nor makes a mismatch, on its own."""
    wa, wb = written_currencies(ca, sa, fa), written_currencies(cb, sb, fb)
    return wa is not None and wb is not None and not (wa & wb)


def _own_currencies(currency: Any, source: Any, family: Any) -> frozenset[str] | None:
    """`written_currencies`, and for a bare amount the currency its own article wrote earlier
    (source "story": "denominations of 1,000 and 10,000 stg", a table under "in mln stg")."""
    words = written_currencies(currency, source, family)
    if words is None and source == "story" and isinstance(currency, str) and currency:
        return frozenset([currency])
    return words


def currencies_incomparable(ca: Any, sa: Any, fa: Any, cb: Any, sb: Any, fb: Any) -> bool:
    """Are two amounts in currencies that cannot be one, by their own articles' words? As
    `currencies_apart`, and a bare amount whose article wrote its currency earlier counts that
    currency: "1,000" of a sterling bond's denominations is no yen amount to compare with "one
    mln yen". Such a pair is not compared, nor is it a currency mismatch (the story, not the
    amount, named the currency)."""
    wa, wb = _own_currencies(ca, sa, fa), _own_currencies(cb, sb, fb)
    return wa is not None and wb is not None and not (wa & wb)


def _apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return currencies_apart(a.get("currency"), a.get("currency_source"), a.get("currency_family"),
                            b.get("currency"), b.get("currency_source"), b.get("currency_family"))


def _incomparable(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return currencies_incomparable(a.get("currency"), a.get("currency_source"), a.get("currency_family"),
                                   b.get("currency"), b.get("currency_source"), b.get("currency_family"))


def kind_holds(kind: str, a: dict[str, Any], b: dict[str, Any], params: dict[str, Any],
               evidence: dict[str, Any] | None = None) -> bool:
    """Does `kind`, with one rule's `params`, describe the difference between figures a and b?"""
    p = {**KINDS[kind].params, **params}
    if kind in ("date_conflict", "date_precision"):
        if a["kind"] != "date" or b["kind"] != "date":
            return False
        # the evidence stage decided how the two dates relate (nested, disjoint, two ranges)
        return (evidence or {}).get("relation") == kind
    if a["kind"] != "money" or b["kind"] != "money" or kind == "corroboration":
        return False
    if kind == "currency_mismatch":
        va, vb = _num(a.get("value")) or 0.0, _num(b.get("value")) or 0.0
        rel = abs(va - vb) / max(abs(va), abs(vb), 1e-9)
        return _apart(a, b) and rel <= p["max_rel_diff"]
    if _incomparable(a, b):
        return False  # no FX conversion: amounts in two currencies are not compared
    orders = _orders(a, b)
    if kind == "magnitude_slip":
        same_digits = (_num(a.get("number")) is not None and _num(a.get("number")) == _num(b.get("number"))
                       and (a.get("magnitude") or "") != (b.get("magnitude") or ""))
        return same_digits and orders >= p["min_orders"]
    if kind == "scale_mismatch":
        low = p["min_value"]
        return (orders >= p["min_orders"] and not a.get("per") and not b.get("per")
                and min(_num(a.get("value")) or 0.0, _num(b.get("value")) or 0.0) >= low)
    if kind == "revision":
        # one side states the change ("raised its bid to 110"), the other does not; a
        # correction is no revision: the earlier article was wrong
        corrected = bool(a.get("correction")) or bool(b.get("correction"))
        return bool(a.get("revised")) != bool(b.get("revised")) and not corrected and not money_compatible(a, b)
    if kind in ("self_contradiction", "value_conflict"):
        same_doc = a["doc"] == b["doc"]
        if same_doc != (kind == "self_contradiction"):
            return False
        return not money_compatible(a, b, p["rel_tolerance"])
    return False


def agree(a: dict[str, Any], b: dict[str, Any], rel_tol: float, scale_orders: float = 2.0) -> bool:
    """Do two figures agree (the same interval, or money whose bounds overlap and whose
    stated values are not orders of magnitude apart: "up to $7 trillion" is no $10 million)?"""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "date":
        return (a["date_start"], a["date_end"]) == (b["date_start"], b["date_end"])
    if _incomparable(a, b):
        return False
    return _orders(a, b) < scale_orders and money_compatible(a, b, rel_tol)


def clusters(rows: list[dict[str, Any]], rel_tol: float = 0.0, scale_orders: float = 2.0) -> list[Cluster]:
    """Greedy agreement clusters, most precise figures first so they seed the clusters."""
    out: list[Cluster] = []
    order = sorted(rows, key=lambda r: (r.get("qualifier") not in (None, "exact"), r["doc"], r["start"]))
    for r in order:
        for c in out:
            if all(agree(r, x, rel_tol, scale_orders) for x in c.rows):
                c.rows.append(r)
                break
        else:
            out.append(Cluster([r]))
    return out
