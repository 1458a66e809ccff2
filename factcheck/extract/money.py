"""Money mentions in English and German news text.

One `finditer` pass of a compiled pattern finds every candidate figure (a numeral, a
spelled number, or a vague amount such as "wenige Milliarden"); each candidate is then
read with anchored matches over a bounded window on either side (currency, magnitude,
qualifier, rate). Every quantifier is bounded, so the cost is linear in the text length.
The lexicon lives in `factcheck/data/money.toml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.lexicon import load
from factcheck.spans import MoneySpan

_LEX = load("money")
_LEFT_WINDOW = 48  # characters looked at before a figure for its currency and qualifier
_RIGHT_WINDOW = 64


def _alternation(keys, *, flags_ci: bool = False) -> str:
    """Regex alternation of `keys`, longest first, word-bounded where the key is a word."""
    parts = []
    for key in sorted(set(keys), key=lambda k: (-len(k), k)):
        esc = re.escape(key).replace(r"\ ", r"\s{1,3}")
        if key[0].isalnum():
            esc = r"(?<!\w)" + esc
        if key[-1].isalnum():
            esc += r"(?![\w])"
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


def _ci_lookup(table: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in table.items():
        out.setdefault(k.lower(), v)
    return out


_PREFIX = _LEX["prefix"]
_SUFFIX = _LEX["suffix"]
_SUBUNIT = _LEX["subunit"]
_MAGNITUDE = _LEX["magnitude"]
_MAG_DE = _LEX["magnitude_de"]
_SHORT_MAGS = set(_LEX["magnitude_short"]["words"])
_WORDS = _LEX["number_words"]
_VAGUE_Q = _LEX["vague_quantifier"]
_VAGUE_P = _LEX["vague_plural"]
_QUALS = _ci_lookup(_LEX["qualifier"])
_PER = _ci_lookup(_LEX["per"])
_APPROX = Decimal(str(_LEX["approx"]["width"]))

# Long magnitude words are case-insensitive; the short ones ("m", "B", "T") are not.
_LONG_MAGS = [k for k in _MAGNITUDE if k not in _SHORT_MAGS]
_MAG_RE = (
    r"(?P<mag>(?i:" + _alternation(_LONG_MAGS) + r")"
    r"|(?:" + "|".join(sorted(_SHORT_MAGS, key=len, reverse=True)) + r")(?![\w-]))"
)
_CUR_SUFFIX_RE = (
    r"(?P<cur>(?i:" + _alternation([k for k in _SUFFIX if k[0].isalpha()]) + r")"
    r"|[€$£¥])"
)
_SUBUNIT_RE = r"(?P<sub>" + _alternation(_SUBUNIT) + r")"
_PER_RE = (
    r"(?P<per_intro>\s{0,2}(?:(?i:a|an|per|each|pro|je)\s{1,3}|/\s?|-(?i:a|per)-))"
    r"(?P<per>(?i:" + _alternation(_PER) + r"))"
)

# Candidates: numerals, spelled numbers, vague amounts.
_WORD_NUM = _alternation([k for k in _WORDS if len(k) > 2])
_VAGUE_AMOUNT = (
    r"(?P<vq>(?i:" + _alternation(_VAGUE_Q) + r"))\s{1,3}(?P<vqmag>(?i:"
    + _alternation([k for k in _MAGNITUDE if len(k) > 3]) + r"))"
)
_CANDIDATE = re.compile(
    r"(?P<num>" + NUMERAL + r")"
    r"|" + _VAGUE_AMOUNT
    + r"|(?P<vp>" + _alternation(_VAGUE_P) + r")"
    r"|(?P<word>(?i:" + _WORD_NUM + r"|(?<!\w)an?(?!\w)))"
)
_RIGHT = re.compile(
    r"(?:[\s-]{0,3}" + _MAG_RE + r")?"
    r"(?P<of>\s{1,3}of)?"
    r"(?:[\s-]{0,3}(?:" + _CUR_SUFFIX_RE + "|" + _SUBUNIT_RE + r"))?"
    r"(?:" + _PER_RE + r")?"
)
_NOT_MONEY_AFTER = re.compile(r"\s{0,2}(?:%|(?i:per\s?cent|pct|prozent)(?!\w))")
_RANGE_JOIN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder))\s{0,2}$")
_MONEY_CONTEXT = re.compile(
    "(?i:" + "|".join(re.escape(w) for w in _LEX["money_context"]["words"]) + ")"
)
_TABLE_LINE = re.compile(
    r"(?m)^[ \t]{0,8}(?P<label>" + _alternation(_LEX["table"]["labels"]) + r")\b[^\n]{0,160}"
)
_VS = re.compile(r"(?i)\s{0,3}(?:vs\.?|versus)\s{0,3}")

_PREFIX_CI = _ci_lookup(_PREFIX)
_SUFFIX_CI = _ci_lookup(_SUFFIX)
_SUBUNIT_CI = _ci_lookup(_SUBUNIT)
_WORDS_CI = _ci_lookup(_WORDS)
_VAGUE_Q_CI = _ci_lookup(_VAGUE_Q)
_MAG_CI = _ci_lookup({k: v for k, v in _MAGNITUDE.items() if k not in _SHORT_MAGS})


@dataclass(slots=True)
class _Figure:
    """A candidate figure while it is being read; becomes a MoneySpan if it is money."""

    start: int
    end: int
    number: Decimal | None
    exponent: int = 0
    magnitude: str | None = None
    currency: str | None = None
    has_currency: bool = False
    qualifier: str = "exact"
    per: str | None = None
    vague: tuple[Decimal, Decimal] | None = None  # [low, high) for vague amounts
    between: bool = False
    table: bool = False


def _magnitude_exponent(word: str, lang: str) -> int:
    if lang == "de" and word in _MAG_DE:
        return int(_MAG_DE[word])
    if word in _MAGNITUDE:
        return int(_MAGNITUDE[word])
    return int(_MAG_CI[word.lower()])


def _norm_key(s: str) -> str:
    return re.sub(r"\s+", " ", s).lower()


def _read_candidate(text: str, m: re.Match[str], lang: str) -> _Figure | None:
    kind = m.lastgroup if m.lastgroup in ("num", "vp", "word") else "vague"
    if m.group("num") is not None:
        kind = "num"
    start, end = m.start(), m.end()
    if kind == "num":
        number = parse_numeral(m.group("num"), lang)
        if number is None:
            return None
        fig = _Figure(start, end, number)
    elif kind == "word":
        fig = _Figure(start, end, Decimal(str(_WORDS_CI[m.group("word").lower()])))
    elif kind == "vp":
        low, high = _VAGUE_P.get(m.group("vp")) or _ci_lookup(_VAGUE_P)[m.group("vp").lower()]
        word = m.group("vp")
        if lang == "de" and word[0].islower():
            return None  # German plural magnitudes are nouns: capitalised
        fig = _Figure(start, end, None, magnitude=word.lower())
        fig.vague = (Decimal(10) ** low, Decimal(10) ** high)
        fig.qualifier = "vague"
    else:
        q_low, q_high = _VAGUE_Q_CI[_norm_key(m.group("vq"))]
        exp = _magnitude_exponent(m.group("vqmag"), lang)
        scale = Decimal(10) ** exp
        fig = _Figure(start, end, None, exponent=exp, magnitude=m.group("vqmag").lower())
        fig.vague = (Decimal(str(q_low)) * scale, Decimal(str(q_high)) * scale)
        fig.qualifier = "vague"

    right = _RIGHT.match(text, end, min(len(text), end + _RIGHT_WINDOW))
    if fig.vague is None and right.group("mag"):
        mag = right.group("mag")
        fig.exponent = _magnitude_exponent(mag, lang)
        fig.magnitude = mag.lower()
        fig.end = right.end("mag")
    if right.group("cur"):
        if right.group("of") and fig.vague is None and not fig.magnitude:
            pass  # "5 of dollars" is not a form
        else:
            fig.currency = _SUFFIX.get(right.group("cur")) or _SUFFIX_CI[
                _norm_key(right.group("cur"))
            ]
            fig.has_currency = True
            fig.end = right.end("cur")
    elif right.group("sub") and fig.vague is None and not fig.magnitude:
        sub = right.group("sub")
        fig.currency = _SUBUNIT.get(sub) or _SUBUNIT_CI[sub.lower()]
        fig.has_currency = True
        fig.number = fig.number / 100 if fig.number is not None else None
        fig.end = right.end("sub")
    if right.group("per") and (fig.has_currency or fig.magnitude is None):
        fig.per = str(_PER[right.group("per").lower()])
        fig.end = right.end("per")

    _read_left(text, start, fig)
    # Spelled numbers need a magnitude ("a billion dollars") and a currency ("eight mln dlrs").
    if kind == "word" and not (fig.magnitude and fig.has_currency):
        return None
    if _NOT_MONEY_AFTER.match(text, fig.end):
        return None
    if fig.magnitude in _SHORT_MAGS and not fig.has_currency:
        return None
    return fig


_PREFIX_BY_LAST: dict[str, list[str]] = {}
for _key in sorted(_PREFIX, key=len, reverse=True):
    _PREFIX_BY_LAST.setdefault(_key[-1], []).append(_key)
_WORD = re.compile(r"\S+")
_QUOTES = " \t\n„“\"«»"


def _read_left(text: str, start: int, fig: _Figure) -> None:
    """Currency prefix, "between" and qualifier words before a figure (a few dict lookups)."""
    pos = start
    while pos > 0 and start - pos < 2 and text[pos - 1] in " \t\n":
        pos -= 1
    for key in _PREFIX_BY_LAST.get(text[pos - 1], ()) if pos else ():
        a = pos - len(key)
        if a >= 0 and text.startswith(key, a) and not (
            key[0].isalnum() and a > 0 and text[a - 1].isalnum()
        ):
            fig.currency = str(_PREFIX[key])
            fig.has_currency = True
            fig.start = pos = a
            break
    lo = max(0, pos - _LEFT_WINDOW)
    words = list(_WORD.finditer(text, lo, pos))[-3:]
    if not words or text[words[-1].end():pos].strip(_QUOTES) != "":
        return
    if words[-1].group(0).lower() in ("between", "zwischen"):
        fig.between = True
        fig.start = words[-1].start()
        return
    if fig.vague is not None:
        return
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(w.group(0).strip("„“\"") for w in words[-n:])
        qual = _QUALS.get(phrase.lower()) or _QUALS.get(phrase)
        if qual:
            fig.qualifier = str(qual)
            first = words[-n]
            fig.start = first.start() + len(first.group(0)) - len(first.group(0).lstrip("„“\""))
            return


def _in_table(starts: list[int], ends: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _merge_ranges(text: str, figs: list[_Figure]) -> list[_Figure]:
    """Join "$2-3 billion", "between $5m and $7m", "zwischen 2 und 3 Mrd. Euro"."""
    out: list[_Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.vague is None
            and fig.vague is None
            and prev.qualifier == "exact"
            and prev.end <= fig.start
            and fig.start - prev.end <= 8
            and not (prev.has_currency and prev.magnitude and fig.has_currency and not prev.between)
        ):
            join = _RANGE_JOIN.search(text, prev.end, fig.start)
            word = join.group(0).strip().lower() if join else ""
            ok = join is not None and join.start() == prev.end and (
                word in ("-", "–", "—")
                or (prev.between and word in ("and", "und"))
                or (word in ("to", "bis", "or", "oder") and not prev.magnitude
                    and not (prev.has_currency and fig.has_currency and not fig.magnitude))
            )
            if ok and (prev.has_currency or fig.has_currency):
                exp = prev.exponent if prev.magnitude else fig.exponent
                low = prev.number * Decimal(10) ** exp
                high = fig.number * Decimal(10) ** fig.exponent
                if low < high:
                    merged = _Figure(
                        prev.start, fig.end, fig.number, fig.exponent, fig.magnitude,
                        prev.currency or fig.currency, True, "range", fig.per or prev.per,
                    )
                    merged.vague = (low, high)  # bounds of the range
                    out[-1] = merged
                    continue
        out.append(fig)
    return out


def _to_span(text: str, fig: _Figure) -> MoneySpan:
    scale = Decimal(10) ** fig.exponent
    if fig.qualifier == "range":
        low, high = fig.vague
        return MoneySpan(fig.start, fig.end, (low + high) / 2, low, high, fig.currency, "range",
                         fig.per, fig.number, fig.magnitude)
    if fig.vague is not None:
        low, high = fig.vague
        return MoneySpan(fig.start, fig.end, None, low, high, fig.currency, "vague",
                         fig.per, None, fig.magnitude)
    value = fig.number * scale
    precision = Decimal("0.5") * Decimal(10) ** min(0, fig.number.as_tuple().exponent) * scale
    if fig.currency and fig.number != fig.number.to_integral_value() and fig.exponent == 0:
        precision = Decimal(0)  # "17-1/2 cts", "$4.99": stated to the cent
    q = fig.qualifier
    low = high = value
    if q in ("at_least", "more_than"):
        high = None
    elif q in ("at_most", "less_than", "up_to"):
        low = None
    elif q == "approx":
        low, high = value * (1 - _APPROX), value * (1 + _APPROX)
    elif q == "nearly":
        q, low = "approx", value * (1 - _APPROX)
    return MoneySpan(fig.start, fig.end, value, low, high, fig.currency, q, fig.per,
                     fig.number, fig.magnitude, precision)


def find_money(text: str, lang: str = "en") -> list[MoneySpan]:
    """Every money mention in `text`, sorted by position and not overlapping.

    >>> [(s.value, s.currency, s.qualifier) for s in find_money("raise up to $7 trillion")]
    [(Decimal('7000000000000'), 'USD', 'up_to')]
    """
    tables = [(m.start("label"), m.end()) for m in _TABLE_LINE.finditer(text)]
    t_starts = [a for a, _ in tables]
    t_ends = [b for _, b in tables]
    figs: list[_Figure] = []
    last_end = -1
    for m in _CANDIDATE.finditer(text):
        if m.start() < last_end:
            continue
        fig = _read_candidate(text, m, lang)
        if fig is None:
            continue
        if tables and fig.number is not None and _in_table(t_starts, t_ends, m.start()):
            fig.table = True
        if figs and fig.start < figs[-1].end:
            continue
        figs.append(fig)
        last_end = fig.end
    figs = _merge_ranges(text, figs)
    spans = []
    for fig in figs:
        if fig.has_currency or fig.table:
            spans.append(_to_span(text, fig))
        elif fig.vague is not None and fig.qualifier == "vague":
            # "wenige Milliarden" with no currency word: money only in a money sentence
            lo, hi = max(0, fig.start - 160), min(len(text), fig.end + 80)
            if _MONEY_CONTEXT.search(text, lo, hi):
                spans.append(_to_span(text, fig))
    return spans
