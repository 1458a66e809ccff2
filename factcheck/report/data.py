"""What the HTML report shows, as plain dataclasses: built first, rendered second.

Nothing here writes HTML. Every string that comes from an article (titles, quotes, ids,
URLs) is kept as plain text and escaped by the template; the only URLs kept are http(s).
The output is deterministic: the same scan gives the same `ReportData`, field for field
(everything is sorted, nothing depends on the clock).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from factcheck import __version__
from factcheck.findings import Finding
from factcheck.pipeline import ScanResult
from factcheck.ruleset import RuleSet

SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_FINDINGS = 500  # finding cards in one report; about 5 KB each
PALETTE_SIZE = 6  # colour classes c0..c5 in report.css (one per document of a finding)
CONTEXT_CHARS = 220  # at most this much sentence on each side of a figure
TABLE_SENTENCE_MAX = 600  # longer sentences are cut to a window around each mention
TABLE_FIELDS = (
    "doc", "kind", "text", "value", "low", "high", "currency", "qualifier", "per",
    "date_start", "date_end", "granularity", "claim", "sent", "s0", "s1", "line", "col", "hit",
)

# The SVG strip's geometry (viewBox units).
STRIP_WIDTH = 640
STRIP_LABEL = 170  # left column: document id
STRIP_RIGHT = 16
STRIP_LANE = 22
STRIP_TOP = 8
STRIP_AXIS = 30
STRIP_MAX_LANES = 24


# ---------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class DocRef:
    """A document as the report names it."""

    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None  # http(s) only; anything else is dropped
    lang: str | None = None
    mentions: int = 0
    encoding: str | None = None  # how its bytes were decoded; shown when not UTF-8


@dataclass(frozen=True)
class Quote:
    """One mention of a finding: its sentence split around the figure."""

    doc: DocRef
    kind: str
    text: str
    before: str  # sentence text before the figure (cut to CONTEXT_CHARS, "…" added)
    figure: str  # the figure as written, highlighted
    after: str
    reading: str  # what factcheck read: "USD 1.5 billion (at least)", "2023-03-01 – 2023-03-31"
    line: int | None
    col: int | None
    color: int  # palette index, shared with the strip


@dataclass(frozen=True)
class StripTick:
    x: float
    label: str


@dataclass(frozen=True)
class StripMark:
    """One lane of the strip: a mention's value (dot) and bounds (segment)."""

    y: float
    label: str  # document id, shortened
    title: str  # tooltip: the quote
    color: int
    dot: float | None  # x of the value
    x1: float | None  # segment start (bounds or date interval)
    x2: float | None
    open_low: bool = False  # the bound runs off the left edge ("up to")
    open_high: bool = False  # ... off the right edge ("at least")
    text: str = ""  # the figure as written, printed beside the mark
    text_x: float = 0.0
    text_anchor: str = "start"


@dataclass(frozen=True)
class Strip:
    """A small chart placing every figure of a finding on one axis."""

    scale: str  # "log10" (money) or "time" (dates)
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    ticks: list[StripTick]
    marks: list[StripMark]
    caption: str
    unplaced: list[str] = field(default_factory=list)  # figures with no positive value


@dataclass(frozen=True)
class FindingCard:
    id: str
    anchor: str  # a safe HTML id
    rule: str
    name: str
    severity: str
    status: str
    message: str
    claim: str
    claim_label: str
    why: str
    description: str
    docs: list[DocRef]
    quotes: list[Quote]
    strip: Strip | None


@dataclass(frozen=True)
class FixedEntry:
    id: str
    rule: str
    message: str


@dataclass(frozen=True)
class RuleRow:
    id: str
    name: str
    kind: str
    severity: str
    description: str
    findings: int


@dataclass(frozen=True)
class ErrorRow:
    source: str
    reason: str


@dataclass(frozen=True)
class SeverityRow:
    severity: str
    new: int
    baseline: int
    total: int


@dataclass(frozen=True)
class Summary:
    documents: int
    mentions: int
    money: int
    dates: int
    claims: int  # claims with at least one attributed mention
    findings: int
    new: int
    baseline: int
    fixed: int
    by_severity: list[SeverityRow]
    errors: list[ErrorRow]


@dataclass(frozen=True)
class TableData:
    """The mentions table, embedded as JSON and drawn by the report's script."""

    payload: dict[str, Any]  # docs, claims, sentences, fields, rows (all JSON-ready)
    total: int
    embedded: int
    max_rows: int | None
    kinds: list[str]
    currencies: list[str]

    @property
    def truncated(self) -> bool:
        return self.embedded < self.total


@dataclass(frozen=True)
class ReportData:
    title: str
    identity: str  # names the report's triage in localStorage: title + document ids
    version: str
    summary: Summary
    findings: list[FindingCard]
    fixed: list[FixedEntry]
    rules: list[RuleRow]
    table: TableData
    export: list[dict[str, Any]]  # per finding: what a baseline entry needs
    max_findings: int | None = None

    @property
    def findings_truncated(self) -> bool:
        return len(self.findings) < self.summary.findings

    @property
    def shown_rules(self) -> list[tuple[str, str]]:
        """(id, name) of the rules of the findings shown, for the rule filter."""
        return sorted({(f.rule, f.name) for f in self.findings})


# ---------------------------------------------------------------------------- helpers


def is_missing(x: Any) -> bool:
    """None, NaN or pandas NA."""
    if x is None or x is pd.NA:
        return True
    try:
        return isinstance(x, float) and math.isnan(x)
    except TypeError:  # pragma: no cover - exotic scalars
        return False


def _s(x: Any) -> str | None:
    return None if is_missing(x) else str(x)


def _f(x: Any) -> float | None:
    if is_missing(x):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) or math.isinf(v) else v


def _i(x: Any) -> int | None:
    v = _f(x)
    return None if v is None else int(v)


_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: Any) -> str | None:
    """The URL if it is a plain http(s) link with a host, else None (no `javascript:`)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u or _CONTROL.search(u) or len(u) > 2048:
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def anchor_id(finding_id: str) -> str:
    """An HTML id for a finding: its id if it is tame, else a hash of it."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", finding_id):
        return "f-" + finding_id
    return "f-" + hashlib.sha256(finding_id.encode("utf-8")).hexdigest()[:16]


def claim_label(claim: str | None) -> str:
    """'money|OpenAI|investment|total|' → 'money · OpenAI · investment · total'."""
    if not claim:
        return ""
    return " · ".join(p for p in str(claim).split("|") if p)


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def fmt_amount(v: float) -> str:
    """1.5e9 → '1.5 billion'; 1234.5 → '1,234.5'; 0.25 → '0.25'."""
    a = abs(v)
    for size, word in _SCALES:
        if a >= size and (size > 1e3 or a >= 1e5):
            return f"{_trim(v / size)} {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def _trim(x: float) -> str:
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def fmt_short(v: float) -> str:
    """Axis labels: 1e9 → '1bn', 1e3 → '1k', 0.01 → '0.01'."""
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if v >= size:
            return f"{_trim(v / size)}{word}"
    return _trim(v) if v >= 0.001 else f"{v:.0e}"


_QUALIFIER = {
    "approx": "about", "at_least": "at least", "more_than": "more than",
    "at_most": "at most", "less_than": "less than", "up_to": "up to", "vague": "vague:",
}


def reading(m: dict[str, Any]) -> str:
    """What factcheck read in a mention, in words an editor checks at a glance."""
    if m.get("kind") == "date":
        ds, de, gran = _s(m.get("date_start")), _s(m.get("date_end")), _s(m.get("granularity"))
        if not ds:
            return ""
        last = ds
        if de:
            try:
                last = (dt.date.fromisoformat(de[:10]) - dt.timedelta(days=1)).isoformat()
            except ValueError:
                last = de
        span = ds if last == ds else f"{ds} – {last}"
        return f"{span} ({gran})" if gran else span
    cur = _s(m.get("currency")) or "no currency"
    v, lo, hi = _f(m.get("value")), _f(m.get("low")), _f(m.get("high"))
    q = _s(m.get("qualifier")) or "exact"
    if q == "range" and lo is not None and hi is not None:
        amount = f"{fmt_amount(lo)} – {fmt_amount(hi)}"
    elif v is not None:
        amount = fmt_amount(v)
    elif hi is not None:
        amount = fmt_amount(hi)
    elif lo is not None:
        amount = fmt_amount(lo)
    else:
        amount = "?"
    words = _QUALIFIER.get(q)
    out = f"{cur} {amount}"
    if words:
        out = f"{words} {out}"
    bounds = []
    if q not in ("exact", "range"):
        if lo is not None and lo != v:
            bounds.append(f"≥ {fmt_amount(lo)}")
        if hi is not None and hi != v:
            bounds.append(f"≤ {fmt_amount(hi)}")
    if bounds:
        out += f" [{', '.join(bounds)}]"
    per = _s(m.get("per"))
    if per:
        out += f" per {per}"
    return out


def split_sentence(sentence: str, text: str, rel_start: int | None) -> tuple[str, str, str, bool]:
    """(before, figure, after, found): the sentence cut around the mention.

    `rel_start` is the mention's offset inside the sentence when known; otherwise the
    first occurrence of the text is used. When the text is not in the sentence at all,
    the sentence is shown whole and the figure after it.
    """
    sentence = sentence or ""
    pos = None
    if rel_start is not None and rel_start >= 0 and sentence[rel_start:rel_start + len(text)] == text:
        pos = rel_start
    elif text and text in sentence:
        pos = sentence.index(text)
    if pos is None:
        return _cut_left(sentence), text, "", False
    return (_cut_left(sentence[:pos]), text, _cut_right(sentence[pos + len(text):]), True)


def _cut_left(s: str) -> str:
    return s if len(s) <= CONTEXT_CHARS else "…" + s[-CONTEXT_CHARS:].lstrip()


def _cut_right(s: str) -> str:
    return s if len(s) <= CONTEXT_CHARS else s[:CONTEXT_CHARS].rstrip() + "…"


def _short(s: str, n: int = 22) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _r(x: float) -> float:
    return round(x, 1)


def _num_json(v: float | None) -> float | int | None:
    if v is None:
        return None
    if v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


# ---------------------------------------------------------------------------- strips


def _text_place(dot: float | None, x1: float | None, x2: float | None, left: int, right: int
                ) -> tuple[float, str]:
    """Where the figure's text goes: beside its dot (or its bar), towards the middle."""
    if dot is None:
        known = [x for x in (x1, x2) if x is not None]
        dot = sum(known) / len(known) if known else float(left)
    if dot < (left + right) / 2:
        return _r(dot + 9), "start"
    return _r(dot - 9), "end"


def _lanes(n: int) -> tuple[int, float]:
    height = STRIP_TOP + n * STRIP_LANE + STRIP_AXIS
    return height, STRIP_TOP + n * STRIP_LANE + 4


def money_strip(mentions: list[dict[str, Any]], colors: dict[str, int]) -> Strip | None:
    """Every money figure of a finding on a log10 axis (decades as ticks)."""
    shown = mentions[:STRIP_MAX_LANES]
    positives = [v for m in shown for v in (_f(m.get("value")), _f(m.get("low")), _f(m.get("high")))
                 if v is not None and v > 0]
    if not positives:
        return None
    lo_dec = math.floor(math.log10(min(positives)))
    hi_dec = math.ceil(math.log10(max(positives)))
    while hi_dec - lo_dec < 2:  # at least two decades, so one figure is not a lone dot
        lo_dec -= 1
        if hi_dec - lo_dec < 2:
            hi_dec += 1
    left, right = STRIP_LABEL, STRIP_WIDTH - STRIP_RIGHT
    span = hi_dec - lo_dec

    def x(v: float) -> float:
        return _r(left + (math.log10(v) - lo_dec) / span * (right - left))

    step = max(1, math.ceil(span / 8))
    ticks = [StripTick(x(10.0 ** d), fmt_short(10.0 ** d)) for d in range(lo_dec, hi_dec + 1, step)]
    height, axis_y = _lanes(len(shown))
    marks, unplaced = [], []
    for i, m in enumerate(shown):
        v, lo, hi = _f(m.get("value")), _f(m.get("low")), _f(m.get("high"))
        v = v if v is not None and v > 0 else None
        lo_p = lo if lo is not None and lo > 0 else None
        hi_p = hi if hi is not None and hi > 0 else None
        title = f"{m.get('doc')}: {m.get('text')} = {reading(m)}"
        if v is None and lo_p is None and hi_p is None:
            unplaced.append(f"{m.get('doc')}: {m.get('text')}")
        x1 = x2 = None
        open_low = open_high = False
        if (lo_p is not None or hi_p is not None) and not (lo_p == hi_p == v):
            x1 = x(lo_p) if lo_p is not None else left
            x2 = x(hi_p) if hi_p is not None else right
            open_low, open_high = lo_p is None, hi_p is None
            if x1 == x2:
                x1 = x2 = None
                open_low = open_high = False
        dot = x(v) if v is not None else None
        tx, anchor = _text_place(dot, x1, x2, left, right)
        marks.append(StripMark(
            y=_r(STRIP_TOP + i * STRIP_LANE + STRIP_LANE / 2), label=_short(str(m.get("doc"))),
            title=title, color=colors.get(str(m.get("doc")), 0), dot=dot,
            x1=x1, x2=x2, open_low=open_low, open_high=open_high,
            text=_short(str(m.get("text") or ""), 28), text_x=tx, text_anchor=anchor))
    values = [_f(m.get("value")) for m in shown]
    values = [v for v in values if v is not None and v > 0]
    caption = "Figures on a log scale (each tick is 10× the one before)."
    if len(values) >= 2 and min(values) > 0:
        orders = math.log10(max(values) / min(values))
        ratio = max(values) / min(values)
        caption += (f" They span {orders:.1f} orders of magnitude (×{ratio:,.0f})."
                    if ratio >= 10 else f" The largest is ×{ratio:.2f} the smallest.")
    currencies = sorted({str(c) for c in (m.get("currency") for m in shown) if not is_missing(c)})
    if len(currencies) > 1:
        caption += f" Currencies differ ({', '.join(currencies)}); amounts are placed as stated."
    if len(mentions) > len(shown):
        caption += f" The first {len(shown)} of {len(mentions)} figures are shown."
    return Strip("log10", STRIP_WIDTH, height, left, right, axis_y, ticks, marks, caption, unplaced)


def _day(s: Any) -> int | None:
    s = _s(s)
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10]).toordinal()
    except ValueError:
        return None


def date_strip(mentions: list[dict[str, Any]], colors: dict[str, int]) -> Strip | None:
    """Every date of a finding as an interval on a time axis."""
    shown = mentions[:STRIP_MAX_LANES]
    spans = []
    for m in shown:
        a, b = _day(m.get("date_start")), _day(m.get("date_end"))
        if a is not None and (b is None or b <= a):
            b = a + 1
        spans.append((a, b))
    known = [s for s in spans if s[0] is not None]
    if not known:
        return None
    lo = min(a for a, _ in known)
    hi = max(b for _, b in known)
    pad = max(1, (hi - lo) // 20)
    lo, hi = lo - pad, hi + pad
    left, right = STRIP_LABEL, STRIP_WIDTH - STRIP_RIGHT

    def x(d: float) -> float:
        return _r(left + (d - lo) / (hi - lo) * (right - left))

    ticks = _date_ticks(lo, hi, x)
    height, axis_y = _lanes(len(shown))
    marks, unplaced = [], []
    for i, (m, (a, b)) in enumerate(zip(shown, spans, strict=True)):
        title = f"{m.get('doc')}: {m.get('text')} = {reading(m)}"
        if a is None:
            unplaced.append(f"{m.get('doc')}: {m.get('text')}")
        x1 = x(a) if a is not None else None
        x2 = x(b) if b is not None else None
        dot = None
        if x1 is not None and x2 is not None and x2 - x1 < 3:
            dot, x1, x2 = _r((x1 + x2) / 2), None, None
        tx, anchor = _text_place(dot, x1, x2, left, right)
        marks.append(StripMark(
            y=_r(STRIP_TOP + i * STRIP_LANE + STRIP_LANE / 2), label=_short(str(m.get("doc"))),
            title=title, color=colors.get(str(m.get("doc")), 0), dot=dot, x1=x1, x2=x2,
            text=_short(str(m.get("text") or ""), 28), text_x=tx, text_anchor=anchor))
    caption = "Dates on a time axis: each bar is the period the text denotes."
    if len(mentions) > len(shown):
        caption += f" The first {len(shown)} of {len(mentions)} dates are shown."
    return Strip("time", STRIP_WIDTH, height, left, right, axis_y, ticks, marks, caption, unplaced)


def _date_ticks(lo: int, hi: int, x: Any) -> list[StripTick]:
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    days = hi - lo
    ticks: list[StripTick] = []
    if days > 2 * 366:
        years = last.year - first.year + 1
        step = max(1, math.ceil(years / 8))
        for y in range(first.year + 1, last.year + 1, step):
            ticks.append(StripTick(x(dt.date(y, 1, 1).toordinal()), str(y)))
    elif days > 62:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = max(1, math.ceil(months / 8))
        y, mo = first.year, first.month
        k = 0
        while (y, mo) <= (last.year, last.month):
            d = dt.date(y, mo, 1).toordinal()
            if lo <= d <= hi and k % step == 0:
                ticks.append(StripTick(x(d), f"{y}-{mo:02d}"))
            k += 1
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    else:
        step = max(1, math.ceil(days / 8))
        for d in range(lo + 1, hi, step):
            ticks.append(StripTick(x(d), dt.date.fromordinal(d).isoformat()))
    return ticks


# ---------------------------------------------------------------------------- building


def _doc_refs(result: ScanResult) -> dict[str, DocRef]:
    refs = {}
    for d in result.corpus.docs:
        refs[str(d.id)] = DocRef(str(d.id), _s(d.title), _s(d.date), safe_url(d.url), _s(d.lang),
                                 int(d.mentions or 0), _s(getattr(d, "encoding", None)))
    return refs


def _sentence_offsets(mentions: pd.DataFrame) -> dict[tuple[str, int, int], int]:
    """(doc, start, end) → the mention's offset inside its sentence, from the table."""
    if mentions.empty or "sent_start" not in mentions.columns:
        return {}
    df = mentions[["doc", "start", "end", "sent_start"]].dropna()
    rel = (df["start"].astype("int64") - df["sent_start"].astype("int64")).tolist()
    return dict(zip(zip(df["doc"].astype(str).tolist(), df["start"].astype("int64").tolist(),
                        df["end"].astype("int64").tolist(), strict=True), rel, strict=True))


def _card(f: Finding, refs: dict[str, DocRef], rel: dict[tuple[str, int, int], int],
          descriptions: dict[str, str]) -> FindingCard:
    colors: dict[str, int] = {}
    for m in f.mentions:
        doc = str(m.get("doc"))
        if doc not in colors:
            colors[doc] = len(colors) % PALETTE_SIZE
    quotes = []
    for m in f.mentions:
        doc = str(m.get("doc"))
        text = str(m.get("text") or "")
        start, end = _i(m.get("start")), _i(m.get("end"))
        r = rel.get((doc, start, end)) if start is not None and end is not None else None
        before, figure, after, _ = split_sentence(str(m.get("sentence") or ""), text, r)
        quotes.append(Quote(refs.get(doc, DocRef(doc)), str(m.get("kind") or ""), text, before,
                            figure, after, reading(m), _i(m.get("line")), _i(m.get("col")),
                            colors[doc]))
    is_date = bool(f.mentions) and all(m.get("kind") == "date" for m in f.mentions)
    strip = (date_strip if is_date else money_strip)(f.mentions, colors) if f.mentions else None
    doc_ids = sorted({str(d) for d in f.docs} | set(colors))
    return FindingCard(
        id=str(f.id), anchor=anchor_id(str(f.id)), rule=str(f.rule), name=str(f.name),
        severity=str(f.severity), status=str(f.status or "new"), message=str(f.message),
        claim=str(f.claim or ""), claim_label=claim_label(f.claim), why=str(f.why or ""),
        description=descriptions.get(str(f.rule), ""),
        docs=[refs.get(d, DocRef(d)) for d in doc_ids], quotes=quotes, strip=strip)


def _finding_order(f: Finding) -> tuple[Any, ...]:
    sev = SEVERITIES.index(f.severity) if f.severity in SEVERITIES else len(SEVERITIES)
    return (sev, 0 if f.status == "new" else 1, str(f.rule), str(f.claim or ""), str(f.id))


def build_table(mentions: pd.DataFrame, refs: dict[str, DocRef], hits: set[Any],
                max_rows: int | None = None, *, priority: set[Any] | None = None) -> TableData:
    """The mentions table as compact JSON: documents, claims and sentences by index.

    `hits`: (doc, start, end) of mentions in findings, flagged in the table. With
    `max_rows`, the mentions in `priority` (default: `hits`) are kept first.
    """
    total = len(mentions)
    df = mentions
    if total:
        df = df.assign(_doc=df["doc"].astype(str)).sort_values(["_doc", "start", "end"],
                                                                kind="mergesort")
    if max_rows is not None and total > max_rows:
        key = list(zip(df["_doc"].tolist(), df["start"].astype("int64").tolist(),
                       df["end"].astype("int64").tolist(), strict=True))
        first = hits if priority is None else priority
        is_hit = pd.Series([k in first for k in key], index=df.index)
        keep_hits = df[is_hit].head(max_rows)
        rest = df[~is_hit].head(max(0, max_rows - len(keep_hits)))
        df = pd.concat([keep_hits, rest]).sort_values(["_doc", "start", "end"], kind="mergesort")

    def col(name: str) -> list[Any]:
        if name not in df.columns:
            return [None] * len(df)
        return df[name].astype(object).tolist()

    docs_used = sorted({str(d) for d in col("doc")} | set(refs))
    doc_index = {d: i for i, d in enumerate(docs_used)}
    claims_raw = [_s(c) for c in col("claim")]
    claims = sorted({c for c in claims_raw if c})
    claim_index = {c: i for i, c in enumerate(claims)}
    sentences: list[str] = []
    sent_index: dict[Any, int] = {}
    rows = []
    for (doc, kind, text, value, low, high, cur, qual, per, ds, de, gran, claim, sentence,
         s_start, start, end, line, c) in zip(
            col("doc"), col("kind"), col("text"), col("value"), col("low"), col("high"),
            col("currency"), col("qualifier"), col("per"), col("date_start"), col("date_end"),
            col("granularity"), claims_raw, col("sentence"), col("sent_start"), col("start"),
            col("end"), col("line"), col("col"), strict=True):
        doc = str(doc)
        text = "" if is_missing(text) else str(text)
        sentence = "" if is_missing(sentence) else str(sentence)
        start_i, end_i = int(start), int(end)
        r = _i(s_start)
        rel = start_i - r if r is not None else None
        if rel is None or sentence[rel:rel + len(text)] != text:
            rel = sentence.find(text) if text else -1
            rel = None if rel < 0 else rel
        if len(sentence) > TABLE_SENTENCE_MAX and rel is not None:
            a = max(0, rel - CONTEXT_CHARS)
            b = min(len(sentence), rel + len(text) + CONTEXT_CHARS)
            shown = ("…" if a else "") + sentence[a:b] + ("…" if b < len(sentence) else "")
            rel = rel - a + (1 if a else 0)
            skey: Any = (doc, start_i, end_i)
        elif len(sentence) > TABLE_SENTENCE_MAX:
            shown = sentence[:TABLE_SENTENCE_MAX] + "…"
            skey = (doc, start_i, end_i)
        else:
            shown = sentence
            skey = shown
        si = sent_index.get(skey)
        if si is None:
            si = sent_index[skey] = len(sentences)
            sentences.append(shown)
        rows.append([
            doc_index[doc], _s(kind), text, _num_json(_f(value)), _num_json(_f(low)),
            _num_json(_f(high)), _s(cur), _s(qual), _s(per), _s(ds), _s(de), _s(gran),
            claim_index[claim] if claim else -1, si,
            rel if rel is not None else -1, rel + len(text) if rel is not None else -1,
            _i(line), _i(c), 1 if (doc, start_i, end_i) in hits else 0,
        ])
    docs_payload = []
    for d in docs_used:
        ref = refs.get(d, DocRef(d))
        docs_payload.append([ref.id, ref.title or "", ref.date or "", ref.url or "", ref.lang or ""])
    payload = {"fields": list(TABLE_FIELDS), "docs": docs_payload, "claims": claims,
               "claimLabels": [claim_label(c) for c in claims], "sentences": sentences,
               "rows": rows, "total": total}
    kinds = sorted({str(k) for k in col("kind") if not is_missing(k)})
    currencies = sorted({str(k) for k in col("currency") if not is_missing(k)})
    return TableData(payload, total, len(rows), max_rows, kinds, currencies)


def report_identity(title: str, doc_ids: Iterable[str]) -> str:
    """Stable across re-scans of the same articles, so triage marks carry over."""
    blob = title + "\n" + "\n".join(sorted(set(doc_ids)))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def build_report_data(result: ScanResult, ruleset: RuleSet, *, fixed: list[dict] | None = None,
                      title: str = "factcheck report", max_rows: int | None = None,
                      max_findings: int | None = DEFAULT_MAX_FINDINGS,
                      baseline: dict[str, dict[str, Any]] | None = None) -> ReportData:
    """Everything the report shows, from a scan. No HTML here.

    `fixed`: baseline entries that no longer occur (id, rule, message).
    `max_rows`: embed at most this many mentions in the table (mentions of the findings
    shown first); the report says how many were left out. None: all of them.
    `max_findings`: show at most this many findings as cards, in report order (errors
    first, new before baseline); the report says how many were left out. None: all.
    Findings already in the baseline are exported with the baseline even when not shown.
    `baseline`: the loaded baseline by id, to pre-fill justifications in the export.
    """
    if max_rows is not None and max_rows < 0:
        raise ValueError("max_rows must be >= 0")
    if max_findings is not None and max_findings < 0:
        raise ValueError("max_findings must be >= 0")
    corpus = result.corpus
    refs = _doc_refs(result)
    mentions = corpus.mentions if corpus.mentions is not None else pd.DataFrame()
    for doc in sorted({str(d) for d in mentions["doc"].tolist()} if "doc" in mentions else set()):
        refs.setdefault(doc, DocRef(doc))
    descriptions = {r.id: r.description or "" for r in ruleset.rules}
    rel = _sentence_offsets(mentions)
    findings = sorted(result.findings, key=_finding_order)
    shown = findings if max_findings is None else findings[:max_findings]
    cards = [_card(f, refs, rel, descriptions) for f in shown]

    def keys(fs: list[Finding]) -> set[tuple[str, int | None, int | None]]:
        return {(str(m.get("doc")), _i(m.get("start")), _i(m.get("end")))
                for f in fs for m in f.mentions}

    table = build_table(mentions, refs, keys(findings), max_rows, priority=keys(shown))

    counts = Counter((f.severity, f.status or "new") for f in findings)
    by_sev = [SeverityRow(s, counts[(s, "new")], counts[(s, "baseline")],
                          counts[(s, "new")] + counts[(s, "baseline")]) for s in SEVERITIES]
    others = sorted({s for s, _ in counts} - set(SEVERITIES))
    by_sev += [SeverityRow(s, counts[(s, "new")], counts[(s, "baseline")],
                           counts[(s, "new")] + counts[(s, "baseline")]) for s in others]
    fixed_rows = sorted((FixedEntry(str(e.get("id", "")), str(e.get("rule") or ""),
                                    str(e.get("message") or "")) for e in (fixed or [])),
                        key=lambda e: e.id)
    errors = sorted((ErrorRow(str(e.source), str(e.reason)) for e in corpus.errors),
                    key=lambda e: (e.source, e.reason))
    kinds = mentions["kind"].astype(str).tolist() if "kind" in mentions else []
    claims = mentions["claim"].dropna().nunique() if "claim" in mentions else 0
    summary = Summary(
        documents=len(corpus.docs), mentions=len(mentions), money=kinds.count("money"),
        dates=kinds.count("date"), claims=int(claims), findings=len(findings),
        new=sum(1 for f in findings if (f.status or "new") == "new"),
        baseline=sum(1 for f in findings if f.status == "baseline"), fixed=len(fixed_rows),
        by_severity=by_sev, errors=errors)
    per_rule = Counter(f.rule for f in findings)
    rules = [RuleRow(r.id, r.name, r.kind, r.severity, r.description or "", per_rule[r.id])
             for r in sorted(ruleset.rules, key=lambda r: r.id)]
    baseline = baseline or {}
    shown_ids = {str(f.id) for f in shown}
    export = [{
        "id": str(f.id), "rule": str(f.rule), "message": str(f.message),
        "status": str(f.status or "new"),
        "justification": str(baseline.get(str(f.id), {}).get("justification") or ""),
        "mentions": [{"doc": str(m.get("doc")), "text": str(m.get("text") or "")}
                     for m in f.mentions],
    } for f in sorted(findings, key=lambda f: str(f.id))
        if str(f.id) in shown_ids or f.status == "baseline"]
    identity = report_identity(title, [d.id for d in corpus.docs])
    return ReportData(title, identity, __version__, summary, cards, fixed_rows, rules, table,
                      export, max_findings)
