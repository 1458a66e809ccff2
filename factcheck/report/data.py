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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from factcheck import __version__
from factcheck.findings import Finding
from factcheck.naming import doc_label, retitle, shorten
from factcheck.pipeline import ScanResult
from factcheck.ruleset import RuleSet

SEVERITIES = ("error", "warning", "info")
PALETTE_SIZE = 6  # colour classes c0..c5 in report.css (one per document of a finding)
CONTEXT_CHARS = 220  # at most this much sentence on each side of a figure
TABLE_SENTENCE_MAX = 600  # longer sentences are cut to a window around each mention
STORY_NAME_MAX = 60  # characters of a story's title in a claim's label
TABLE_FIELDS = (
    "doc", "kind", "text", "value", "low", "high", "currency", "qualifier", "per",
    "date_start", "date_end", "granularity", "claim", "sent", "s0", "s1", "line", "col", "hit",
    "pair", "note",  # pair: the row of the same amount in another currency ("$8bn (£6.3bn)"), or -1
)
DOC_FIELDS = ("id", "title", "date", "url", "lang", "label", "encoding")

# The SVG strip's geometry (viewBox units).
STRIP_WIDTH = 680
STRIP_LABEL = 200  # left column: the document's label
STRIP_CHAR = 6.2  # average width of one character of the strip's 11px text (for placing labels)
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
    label: str = ""  # what a reader sees: the title, else the opening words, else the id

    @property
    def name(self) -> str:
        return self.label or self.title or self.id


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
    count: int = 1  # mentions of this figure, as written and read, in this document
    lines: list[int] = field(default_factory=list)  # their lines
    more: list[tuple[str, str, str, int | None]] = field(default_factory=list)  # other sentences
    note: str = ""  # a stated conversion, a table row's label, where the currency came from


@dataclass(frozen=True)
class StripTick:
    x: float
    label: str


@dataclass(frozen=True)
class StripMark:
    """One lane of the strip: a mention's value (dot) and bounds (segment)."""

    y: float
    label: str  # the document's label, cut to fit the label column
    title: str  # tooltip: the source in full, the figure and its reading
    color: int
    dot: float | None  # x of the value
    x1: float | None  # segment start (bounds or date interval)
    x2: float | None
    open_low: bool = False  # the bound runs off the left edge ("up to")
    open_high: bool = False  # ... off the right edge ("at least")
    text: str = ""  # the figure as written (×n when stated n times), printed beside the mark
    text_x: float = 0.0
    text_anchor: str = "start"  # start | end | middle (middle: above the lane, no room beside)
    text_y: float = 0.0  # the text's baseline


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
    message: str  # as a person reads it: sources named by their titles
    claim: str
    claim_label: str
    why: str
    description: str
    docs: list[DocRef]
    quotes: list[Quote]
    strip: Strip | None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    score: float | None = None
    story: str | None = None
    raw_message: str = ""  # the message as the finding carries it (what a baseline keeps)


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
    min_severity: str = "info"  # the severity filter the page opens with

    @property
    def finding_rules(self) -> list[tuple[str, str]]:
        """(id, name) of the rules that found something, for the rule filter."""
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


def claim_label(claim: str | None, refs: Mapping[str, DocRef] | None = None) -> str:
    """'money|OpenAI|investment|total|' → 'money · OpenAI · investment · total'; a claim kept
    apart by its story ('money|story reut-04008') names the story by its first article as a
    reader sees it (`refs`), its title: 'money · story “ACME SETS PAYOUT”'."""
    if not claim:
        return ""
    parts = [p for p in str(claim).split("|") if p]
    if refs:
        parts = [_story_named(p, refs) for p in parts]
    return " · ".join(parts)


def _story_named(part: str, refs: Mapping[str, DocRef]) -> str:
    ref = refs.get(part[len("story "):]) if part.startswith("story ") else None
    return f"story “{shorten(ref.name, STORY_NAME_MAX)}”" if ref is not None and ref.name != ref.id else part


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


LABEL_FIT = int((STRIP_LABEL - 14) / STRIP_CHAR)  # characters of a lane label that fit its column


def _text_width(text: str) -> float:
    return len(text) * STRIP_CHAR


ABOVE = 13  # extra height of a lane whose figure text goes above its mark (no room beside it)


def _text_place(dot: float | None, x1: float | None, x2: float | None, left: int, right: int,
                text: str = "") -> tuple[float, str]:
    """(x, anchor) of a figure's text: beside its mark where the mark leaves room, never
    across its dot or bar (an "up to" bar runs to the edge); "middle" means above the lane."""
    xs = [v for v in (dot, x1, x2) if v is not None]
    lo, hi = (min(xs), max(xs)) if xs else (float(left), float(left))
    pad = 7 if dot is not None else 3
    width = _text_width(text)
    if hi + pad + width <= right:
        return _r(hi + pad), "start"
    if lo - pad - width >= left:
        return _r(lo - pad), "end"
    mid = dot if dot is not None else (lo + hi) / 2
    return _r(min(max(mid, left + width / 2), right - width / 2)), "middle"


def _stack(marks: list[StripMark]) -> tuple[list[StripMark], int, float]:
    """Lay the lanes out top to bottom, a lane with its text above taller by ABOVE:
    (the marks with their y and text baseline, the strip's height, the axis's y)."""
    out, y = [], float(STRIP_TOP)
    for m in marks:
        above = m.text_anchor == "middle"
        mid = y + (ABOVE if above else 0) + STRIP_LANE / 2
        out.append(replace(m, y=_r(mid), text_y=_r(mid - 8 if above else mid + 4)))
        y += STRIP_LANE + (ABOVE if above else 0)
    return out, math.ceil(y) + STRIP_AXIS, _r(y + 4)


def _lane_groups(mentions: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """One lane per figure as written and read in one document, with how often it is stated."""
    groups: dict[tuple[str, str, str], list[Any]] = {}
    for m in mentions:
        key = (str(m.get("doc")), str(m.get("text") or ""), reading(m))
        if key in groups:
            groups[key][1] += 1
        else:
            groups[key] = [m, 1]
    return [(m, n) for m, n in groups.values()]


def _lane_text(m: dict[str, Any], n: int) -> str:
    text = _short(str(m.get("text") or ""), 28)
    return f"{text} ×{n}" if n > 1 else text


def _lane_label(m: dict[str, Any], labels: dict[str, str] | None) -> tuple[str, str]:
    """(the label cut to the column, the label in full) of a lane's document."""
    doc = str(m.get("doc"))
    full = (labels or {}).get(doc) or doc
    return shorten(full, LABEL_FIT), full if full == doc else f"{full} ({doc})"


def money_strip(mentions: list[dict[str, Any]], colors: dict[str, int],
                labels: dict[str, str] | None = None) -> Strip | None:
    """Every money figure of a finding on a log10 axis (decades as ticks), one lane per figure
    and document (the same figure stated four times in one article is one lane, "×4")."""
    lanes = _lane_groups(mentions)
    shown = lanes[:STRIP_MAX_LANES]
    positives = [v for m, _ in shown for v in (_f(m.get("value")), _f(m.get("low")), _f(m.get("high")))
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
    marks, unplaced = [], []
    for m, n in shown:
        label, full = _lane_label(m, labels)
        v, lo, hi = _f(m.get("value")), _f(m.get("low")), _f(m.get("high"))
        v = v if v is not None and v > 0 else None
        lo_p = lo if lo is not None and lo > 0 else None
        hi_p = hi if hi is not None and hi > 0 else None
        title = f"{full}: {m.get('text')} = {reading(m)}"
        if v is None and lo_p is None and hi_p is None:
            unplaced.append(f"{full}: {m.get('text')}")
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
        text = _lane_text(m, n)
        tx, anchor = _text_place(dot, x1, x2, left, right, text)
        marks.append(StripMark(
            y=0.0, label=label, title=title, color=colors.get(str(m.get("doc")), 0), dot=dot,
            x1=x1, x2=x2, open_low=open_low, open_high=open_high,
            text=text, text_x=tx, text_anchor=anchor))
    marks, height, axis_y = _stack(marks)
    values = [_f(m.get("value")) for m, _ in shown]
    values = [v for v in values if v is not None and v > 0]
    caption = "Figures on a log scale (each tick is 10× the one before)."
    if len(values) >= 2 and min(values) > 0:
        orders = math.log10(max(values) / min(values))
        ratio = max(values) / min(values)
        caption += (f" They span {orders:.1f} orders of magnitude (×{ratio:,.0f})."
                    if ratio >= 10 else f" The largest is ×{ratio:.2f} the smallest.")
    currencies = sorted({str(c) for c in (m.get("currency") for m, _ in shown) if not is_missing(c)})
    if len(currencies) > 1:
        caption += f" Currencies differ ({', '.join(currencies)}); amounts are placed as stated."
    if len(lanes) > len(shown):
        caption += f" The first {len(shown)} of {len(lanes)} figures are shown."
    return Strip("log10", STRIP_WIDTH, height, left, right, axis_y, ticks, marks, caption, unplaced)


def _day(s: Any) -> int | None:
    s = _s(s)
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10]).toordinal()
    except ValueError:
        return None


def date_strip(mentions: list[dict[str, Any]], colors: dict[str, int],
               labels: dict[str, str] | None = None) -> Strip | None:
    """Every date of a finding as an interval on a time axis, one lane per date and document."""
    lanes = _lane_groups(mentions)
    shown = lanes[:STRIP_MAX_LANES]
    spans = []
    for m, _ in shown:
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
    marks, unplaced = [], []
    for (m, n), (a, b) in zip(shown, spans, strict=True):
        label, full = _lane_label(m, labels)
        title = f"{full}: {m.get('text')} = {reading(m)}"
        if a is None:
            unplaced.append(f"{full}: {m.get('text')}")
        x1 = x(a) if a is not None else None
        x2 = x(b) if b is not None else None
        dot = None
        if x1 is not None and x2 is not None and x2 - x1 < 3:
            dot, x1, x2 = _r((x1 + x2) / 2), None, None
        text = _lane_text(m, n)
        tx, anchor = _text_place(dot, x1, x2, left, right, text)
        marks.append(StripMark(
            y=0.0, label=label, title=title, color=colors.get(str(m.get("doc")), 0), dot=dot, x1=x1, x2=x2,
            text=text, text_x=tx, text_anchor=anchor))
    marks, height, axis_y = _stack(marks)
    caption = "Dates on a time axis: each bar is the period the text denotes."
    if len(lanes) > len(shown):
        caption += f" The first {len(shown)} of {len(lanes)} dates are shown."
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
        did, title = str(d.id), _s(d.title)
        refs[did] = DocRef(did, title, _s(d.date), safe_url(d.url), _s(d.lang), int(d.mentions or 0),
                           _s(getattr(d, "encoding", None)),
                           doc_label(did, title, _s(getattr(d, "lead", None))))
    return refs


def _sentence_offsets(mentions: pd.DataFrame) -> dict[tuple[str, int, int], int]:
    """(doc, start, end) → the mention's offset inside its sentence, from the table."""
    if mentions.empty or "sent_start" not in mentions.columns:
        return {}
    df = mentions[["doc", "start", "end", "sent_start"]].dropna()
    rel = (df["start"].astype("int64") - df["sent_start"].astype("int64")).tolist()
    return dict(zip(zip(df["doc"].astype(str).tolist(), df["start"].astype("int64").tolist(),
                        df["end"].astype("int64").tolist(), strict=True), rel, strict=True))


# Columns of a money row that say more about its figure; shown when the table has them.
NOTE_COLUMNS = ("converts", "currency_source", "row_label")
_PLAIN_CURRENCY_SOURCES = frozenset({"text", "symbol", "code", "stated", "explicit", "word"})


@dataclass(frozen=True)
class _Notes:
    """What the table says about mentions beyond the finding's own fields (by doc and offsets)."""

    extra: dict[tuple[str, int, int], dict[str, Any]] = field(default_factory=dict)
    partner: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)  # by (doc, start)

    def of(self, m: dict[str, Any]) -> dict[str, Any]:
        start, end = _i(m.get("start")), _i(m.get("end"))
        found = self.extra.get((str(m.get("doc")), start, end)) if start is not None and end is not None else None
        return {**(found or {}), **{k: m[k] for k in NOTE_COLUMNS if not is_missing(m.get(k))}}


def _notes(mentions: pd.DataFrame) -> _Notes:
    """Conversions, table rows and currency sources of the mentions, where the table has them."""
    cols = [c for c in NOTE_COLUMNS if c in mentions.columns]
    if mentions.empty or not cols:
        return _Notes()
    fields = ["doc", "kind", "start", "end", "text", "value", "low", "high", "currency", "qualifier", "per"]
    df = mentions[[c for c in fields if c in mentions.columns] + cols]
    noted = df[df[cols].notna().any(axis=1)]
    extra: dict[tuple[str, int, int], dict[str, Any]] = {}
    wanted: set[tuple[str, int]] = set()
    for r in noted.to_dict("records"):
        key = (str(r["doc"]), int(r["start"]), int(r["end"]))
        extra[key] = {c: r[c] for c in cols if not is_missing(r.get(c))}
        if _i(r.get("converts")) is not None:
            wanted.add((key[0], int(r["converts"])))
    partner = {}
    if wanted:
        near = df[df["start"].isin({c for _, c in wanted})]
        for r in near.to_dict("records"):
            k = (str(r["doc"]), int(r["start"]))
            if k in wanted:
                partner[k] = r
    return _Notes(extra, partner)


def _conversion(m: dict[str, Any], extra: dict[str, Any], notes: _Notes) -> dict[str, Any] | None:
    c = _i(extra.get("converts"))
    return notes.partner.get((str(m.get("doc")), c)) if c is not None else None


def _quote_note(m: dict[str, Any], extra: dict[str, Any], partner: dict[str, Any] | None) -> str:
    parts = []
    if partner is not None:
        parts.append(f"one amount in two currencies: {reading(m)} = {reading(partner)}")
    if extra.get("row_label"):
        parts.append(f"table row “{extra['row_label']}”")
    src = _s(extra.get("currency_source"))
    if src and src.lower() not in _PLAIN_CURRENCY_SOURCES:
        parts.append(f"currency from {src.replace('_', ' ')}")
    return "; ".join(parts)


def _with_partner(before: str, figure: str, after: str, partner: dict[str, Any] | None
                  ) -> tuple[str, str, str]:
    """Widen the highlighted figure to its stated conversion: "about $8bn (£6.3bn)"."""
    if partner is None:
        return before, figure, after
    other = str(partner.get("text") or "")
    if not other:
        return before, figure, after
    gap = after[: len(after) - len(after.lstrip(" (–-"))]
    if after[len(gap):].startswith(other):
        k = len(gap) + len(other)
        if after[k:k + 1] == ")" and "(" in gap:
            k += 1
        return before, figure + after[:k], after[k:]
    stripped = before.rstrip(" (–-")
    if stripped.endswith(other):
        k = len(stripped) - len(other)
        return before[:k], before[k:] + figure, after
    return before, figure, after


def _quotes(f: Finding, refs: dict[str, DocRef], rel: dict[tuple[str, int, int], int], notes: _Notes,
            colors: dict[str, int]) -> list[Quote]:
    """The finding's mentions as quotes: a figure stated several times in one article, as
    written and read alike, is one quote with a count (its other sentences kept apart)."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for m in f.mentions:
        doc = str(m.get("doc"))
        text = str(m.get("text") or "")
        read = reading(m)
        start, end = _i(m.get("start")), _i(m.get("end"))
        r = rel.get((doc, start, end)) if start is not None and end is not None else None
        before, figure, after, _ = split_sentence(str(m.get("sentence") or ""), text, r)
        extra = notes.of(m)
        partner = _conversion(m, extra, notes)
        before, figure, after = _with_partner(before, figure, after, partner)
        line = _i(m.get("line"))
        g = groups.get((doc, text, read))
        if g is None:
            groups[(doc, text, read)] = {"m": m, "read": read, "parts": (before, figure, after), "line": line,
                                          "count": 1, "lines": [line] if line is not None else [], "more": [],
                                          "note": _quote_note(m, extra, partner)}
            continue
        g["count"] += 1
        if line is not None:
            g["lines"].append(line)
        if (before, figure, after) != g["parts"] and (before, figure, after) not in [x[:3] for x in g["more"]]:
            g["more"].append((before, figure, after, line))
    out = []
    for (doc, text, read), g in groups.items():
        before, figure, after = g["parts"]
        m = g["m"]
        out.append(Quote(refs.get(doc, DocRef(doc)), str(m.get("kind") or ""), text, before, figure, after, read,
                         g["line"], _i(m.get("col")), colors[doc], g["count"], sorted(set(g["lines"])),
                         g["more"], g["note"]))
    return out


def _card(f: Finding, refs: dict[str, DocRef], rel: dict[tuple[str, int, int], int],
          descriptions: dict[str, str], notes: _Notes | None = None) -> FindingCard:
    colors: dict[str, int] = {}
    for m in f.mentions:
        doc = str(m.get("doc"))
        if doc not in colors:
            colors[doc] = len(colors) % PALETTE_SIZE
    quotes = _quotes(f, refs, rel, notes or _Notes(), colors)
    labels = {d: refs[d].name for d in colors if d in refs}  # this card's sources only
    is_date = bool(f.mentions) and all(m.get("kind") == "date" for m in f.mentions)
    strip = (date_strip if is_date else money_strip)(f.mentions, colors, labels) if f.mentions else None
    doc_ids = sorted({str(d) for d in f.docs} | set(colors))
    return FindingCard(
        id=str(f.id), anchor=anchor_id(str(f.id)), rule=str(f.rule), name=str(f.name),
        severity=str(f.severity), status=str(f.status or "new"),
        message=retitle(str(f.message), {d: refs[d].name for d in doc_ids if d in refs}),
        claim=str(f.claim or ""), claim_label=claim_label(f.claim, refs), why=str(f.why or ""),
        description=descriptions.get(str(f.rule), ""),
        docs=[refs.get(d, DocRef(d)) for d in doc_ids], quotes=quotes, strip=strip,
        evidence=[_evidence_item(e) for e in (getattr(f, "evidence", None) or []) if isinstance(e, dict)],
        score=_f(getattr(f, "score", None)), story=_s(getattr(f, "story", None)), raw_message=str(f.message))


def _evidence_item(e: dict[str, Any]) -> dict[str, Any]:
    value = e.get("value")
    if not isinstance(value, str):
        value = _f(value)
    return {"name": str(e.get("name") or ""), "value": value, "text": str(e.get("text") or "")}


def evidence_text(evidence: list[dict[str, Any]]) -> str:
    """'same story 0.82 · context 0.74 · claimant Acme ≈ Acme Corp': one line for a person."""
    parts = []
    for e in evidence:
        value = e.get("value")
        shown = f"{value:.2f}" if isinstance(value, float | int) and not isinstance(value, bool) else _s(value)
        parts.append(" ".join(p for p in (str(e.get("name") or ""), shown or "") if p))
    return " · ".join(p for p in parts if p)


def _rank(f: Finding) -> tuple[int, int]:
    sev = SEVERITIES.index(f.severity) if f.severity in SEVERITIES else len(SEVERITIES)
    return sev, 0 if (f.status or "new") == "new" else 1


def report_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by claim: the claims with the worst findings first, each claim's findings
    together (worst first), so related findings of one claim sit side by side."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(str(f.claim) if f.claim else "\x00" + str(f.id), []).append(f)
    for g in groups.values():
        g.sort(key=lambda f: (*_rank(f), str(f.rule), str(f.id)))
    ordered = sorted(groups.items(), key=lambda kv: (_rank(kv[1][0]), kv[0]))
    return [f for _, g in ordered for f in g]


def build_table(mentions: pd.DataFrame, refs: dict[str, DocRef], hits: set[Any],
                max_rows: int | None = None, *, priority: set[Any] | None = None,
                docs: list[str] | None = None) -> TableData:
    """The mentions table as compact JSON: documents, claims and sentences by index.

    `hits`: (doc, start, end) of mentions in findings, flagged in the table. With
    `max_rows`, the mentions in `priority` (default: `hits`) are kept first. `docs`: ids
    that must be in the document list (the findings' documents) besides the table's own.
    """
    total = len(mentions)
    df = _kept_rows(mentions, hits if priority is None else priority, max_rows)

    def col(name: str) -> list[Any]:
        if name not in df.columns:
            return [None] * len(df)
        return df[name].astype(object).tolist()

    docs_used = sorted({str(d) for d in col("doc")} | set(refs) | set(docs or ()))
    doc_index = {d: i for i, d in enumerate(docs_used)}
    claims_raw = [_s(c) for c in col("claim")]
    claims = sorted({c for c in claims_raw if c})
    claim_index = {c: i for i, c in enumerate(claims)}
    sentences: list[str] = []
    sent_index: dict[Any, int] = {}
    rows = []
    at: dict[tuple[int, int], int] = {}  # (doc index, start) → row, for conversion pairs
    converts = [_i(c) for c in col("converts")]
    for (doc, kind, text, value, low, high, cur, qual, per, ds, de, gran, claim, sentence,
         s_start, start, end, line, c, row_label, cur_source) in zip(
            col("doc"), col("kind"), col("text"), col("value"), col("low"), col("high"),
            col("currency"), col("qualifier"), col("per"), col("date_start"), col("date_end"),
            col("granularity"), claims_raw, col("sentence"), col("sent_start"), col("start"),
            col("end"), col("line"), col("col"), col("row_label"), col("currency_source"), strict=True):
        doc = str(doc)
        text = "" if is_missing(text) else str(text)
        start_i, end_i = int(start), int(end)
        shown, rel, skey = _shown_sentence("" if is_missing(sentence) else str(sentence), text, start_i,
                                           _i(s_start), (doc, start_i, end_i))
        si = sent_index.get(skey)
        if si is None:
            si = sent_index[skey] = len(sentences)
            sentences.append(shown)
        note = _quote_note({}, {"row_label": _s(row_label), "currency_source": _s(cur_source)}, None)
        at[(doc_index[doc], start_i)] = len(rows)
        rows.append([
            doc_index[doc], _s(kind), text, _num_json(_f(value)), _num_json(_f(low)),
            _num_json(_f(high)), _s(cur), _s(qual), _s(per), _s(ds), _s(de), _s(gran),
            claim_index[claim] if claim else -1, si,
            rel if rel is not None else -1, rel + len(text) if rel is not None else -1,
            _i(line), _i(c), 1 if (doc, start_i, end_i) in hits else 0, -1, note or None,
        ])
    pair = TABLE_FIELDS.index("pair")
    for i, row in enumerate(rows):
        c = converts[i]
        if c is not None:
            row[pair] = at.get((row[0], c), -1)
    docs_payload = []
    for d in docs_used:
        ref = refs.get(d, DocRef(d))
        docs_payload.append([ref.id, ref.title or "", ref.date or "", ref.url or "", ref.lang or "", ref.name,
                             ref.encoding or ""])
    payload = {"fields": list(TABLE_FIELDS), "docFields": list(DOC_FIELDS), "docs": docs_payload,
               "claims": claims, "claimLabels": [claim_label(c, refs) for c in claims], "sentences": sentences,
               "rows": rows, "total": total}
    kinds = sorted({str(k) for k in col("kind") if not is_missing(k)})
    currencies = sorted({str(k) for k in col("currency") if not is_missing(k)})
    return TableData(payload, total, len(rows), max_rows, kinds, currencies)


def _kept_rows(mentions: pd.DataFrame, first: set[Any], max_rows: int | None) -> pd.DataFrame:
    """The mentions the table embeds, in (document, start, end) order: all of them, or at most
    `max_rows` with those in `first` ((doc, start, end) keys) kept first."""
    df = mentions
    if len(df):
        df = df.assign(_doc=df["doc"].astype(str)).sort_values(["_doc", "start", "end"],
                                                                kind="mergesort")
    if max_rows is not None and len(df) > max_rows:
        key = list(zip(df["_doc"].tolist(), df["start"].astype("int64").tolist(),
                       df["end"].astype("int64").tolist(), strict=True))
        is_hit = pd.Series([k in first for k in key], index=df.index)
        keep_hits = df[is_hit].head(max_rows)
        rest = df[~is_hit].head(max(0, max_rows - len(keep_hits)))
        df = pd.concat([keep_hits, rest]).sort_values(["_doc", "start", "end"], kind="mergesort")
    return df


def _shown_sentence(sentence: str, text: str, start: int, sent_start: int | None,
                    key: tuple[str, int, int]) -> tuple[str, int | None, Any]:
    """(the sentence as the table shows it, the mention's offset in it or None, the key under
    which the table stores it once). A long sentence is cut to a window around its mention,
    stored under the mention's own key; a short one is stored once for all its mentions."""
    rel = start - sent_start if sent_start is not None else None
    if rel is None or sentence[rel:rel + len(text)] != text:
        rel = sentence.find(text) if text else -1
        rel = None if rel < 0 else rel
    if len(sentence) > TABLE_SENTENCE_MAX and rel is not None:
        a = max(0, rel - CONTEXT_CHARS)
        b = min(len(sentence), rel + len(text) + CONTEXT_CHARS)
        shown = ("…" if a else "") + sentence[a:b] + ("…" if b < len(sentence) else "")
        return shown, rel - a + (1 if a else 0), key
    if len(sentence) > TABLE_SENTENCE_MAX:
        return sentence[:TABLE_SENTENCE_MAX] + "…", rel, key
    return sentence, rel, sentence


def report_identity(title: str, doc_ids: Iterable[str]) -> str:
    """Stable across re-scans of the same articles, so triage marks carry over."""
    blob = title + "\n" + "\n".join(sorted(set(doc_ids)))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def build_report_data(result: ScanResult, ruleset: RuleSet, *, fixed: list[dict] | None = None,
                      title: str = "factcheck report", max_rows: int | None = None,
                      baseline: dict[str, dict[str, Any]] | None = None,
                      min_severity: str = "info") -> ReportData:
    """Everything the report shows, from a scan. No HTML here.

    Every finding is in the report, whatever their number: the page lists them in a compact
    index and draws a finding's card when it is opened.
    `fixed`: baseline entries that no longer occur (id, rule, message).
    `max_rows`: embed at most this many mentions in the table (mentions of findings
    first); the report says how many were left out. None: all of them.
    `baseline`: the loaded baseline by id, to pre-fill justifications in the export.
    `min_severity`: the severity filter the page opens with (lower findings are counted in
    its banner, one click away).
    """
    if max_rows is not None and max_rows < 0:
        raise ValueError("max_rows must be >= 0")
    if min_severity not in SEVERITIES:
        raise ValueError(f"min_severity must be one of {', '.join(SEVERITIES)}")
    corpus = result.corpus
    refs = _doc_refs(result)
    mentions = corpus.mentions if corpus.mentions is not None else pd.DataFrame()
    for doc in sorted({str(d) for d in mentions["doc"].tolist()} if "doc" in mentions else set()):
        refs.setdefault(doc, DocRef(doc))
    descriptions = {r.id: r.description or "" for r in ruleset.rules}
    rel = _sentence_offsets(mentions)
    notes = _notes(mentions)
    findings = report_order(result.findings)
    cards = [_card(f, refs, rel, descriptions, notes) for f in findings]
    hits = {(str(m.get("doc")), _i(m.get("start")), _i(m.get("end"))) for f in findings for m in f.mentions}
    table = build_table(mentions, refs, hits, max_rows,
                        docs=[str(d) for f in findings for d in (*f.docs, *(m.get("doc") for m in f.mentions))])

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
    export = [{
        "id": str(f.id), "rule": str(f.rule), "message": str(f.message),
        "status": str(f.status or "new"),
        "justification": str(baseline.get(str(f.id), {}).get("justification") or ""),
        "mentions": [{"doc": str(m.get("doc")), "text": str(m.get("text") or "")}
                     for m in f.mentions],
    } for f in sorted(findings, key=lambda f: str(f.id))]
    identity = report_identity(title, [d.id for d in corpus.docs])
    return ReportData(title, identity, __version__, summary, cards, fixed_rows, rules, table,
                      export, min_severity)
