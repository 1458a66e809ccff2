"""Ranges: two figures joined into one span ("$2-3 billion", "zwischen 2 und 3 Mrd. Euro",
"two to three billion dlrs"), and when "to" or "-" joins no range (a move and the level
it reaches, a dateline, a quote).
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.money_figure import POW10, ZERO, Figure
from factcheck.extract.money_lexicon import LEX
from factcheck.extract.money_patterns import DE_COMPOUNDS, NUMBER_WORDS, RANGE_JOIN, word_tree
from factcheck.extract.money_reading import read_left
from factcheck.extract.money_units import MONTH_BEFORE, YEAR
from factcheck.extract.money_words import spelled_value


def merge_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    """Join "$2-3 billion", "between $5m and $7m", "zwischen 2 und 3 Mrd. Euro", "5 to 7 mln dlrs".

    "rose one dlr to 51-1/8" and "seven cts or 1.2 mln dlrs" are not ranges: "to" and "or"
    join only a bare first figure; a spaced hyphen is a dateline ("April 3 - A five ...").
    """
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.vague is None
            and fig.vague is None
            and prev.end <= fig.start
            and fig.start - prev.end <= 8
            and (prev.has_currency or fig.has_currency)
        ):
            join = RANGE_JOIN.search(text, prev.end, fig.start)
            if join is not None and join.start() == prev.end:
                if not prev.left_read:
                    read_left(text, prev, out[-2].end if len(out) > 1 else 0)
                word = join.group(0).strip().lower()
                # both bounds with their magnitude ("100 mln to 150 mln dlrs", "£40m - £50m")
                both = prev.magnitude is not None and fig.magnitude is not None and prev.exponent == fig.exponent
                close = RANGE_WIDE
                if word == "-":
                    # a spaced hyphen only after an amount's currency or magnitude: "April 3 - A
                    # five ..." and "April 3 - 5 mln dlrs" are datelines
                    ok = not text[fig.start].isalpha() and (join.group(0) == "-" or prev.has_currency or both)
                elif word in ("–", "—"):
                    ok = not text[fig.start].isalpha()
                elif word in ("and", "und"):
                    ok = prev.between
                elif word in ("to", "bis"):  # "5 to 7 mln dlrs", "$1.3 to $1.5bn"
                    ok = not prev.magnitude and (not prev.has_currency or fig.magnitude is not None)
                    # (a currency on the lower bound alone is a change and the level it reaches:
                    # "rising by 408 mln marks to 594 mln")
                    if not ok and both and fig.has_currency and not prev.between:
                        ok, close = _range_to(text, prev.start)
                    elif not ok and not prev.magnitude and not fig.magnitude and fig.has_currency \
                            and prev.currency == fig.currency and prev.family == fig.family:
                        # both bounds with their currency and no magnitude, only after a word
                        # of range and "from": "ranging from pounds 19 to pounds 29" ("rose
                        # from $19 to $29" is a move and the price it reaches)
                        ok = range_from(text, prev.start)
                else:  # or, oder: "5 or 6 mln dlrs"
                    ok = not prev.has_currency and not prev.magnitude
                ok = ok and prev.qualifier in _RANGE_LOWER_QUALS and not (
                    prev.has_currency and prev.magnitude and fig.has_currency and not prev.between
                    and (word in ("or", "oder") or not both or prev.currency != fig.currency
                         or prev.family != fig.family))
                if ok:
                    exp = prev.exponent if prev.magnitude else fig.exponent
                    low = prev.number * Decimal(10) ** exp
                    high = fig.number * Decimal(10) ** fig.exponent
                    if high < low and word in ("to", "bis") and _reverse_range(text, prev, fig, low, high):
                        low, high = high, low  # "gains of 12 to five stg": across delivery positions
                    elif high >= RANGE_WIDE * low and _elided_thousands(text, prev, fig, low, high):
                        low *= 1000  # "between $40-90,000": 40,000 to 90,000
                    if low < high < RANGE_WIDE * low and high <= close * low:  # "1.7770-80 marks" is a quote
                        unit = prev if prev.currency else fig
                        merged = Figure(
                            prev.start, fig.end, fig.number, fig.exponent, fig.magnitude,
                            unit.currency, True, "range", fig.per or prev.per, family=unit.family,
                            sign=unit.sign,
                        )
                        merged.vague = (low, high)  # bounds of the range
                        merged.src, merged.label = unit.src, prev.label
                        out[-1] = merged
                        continue
        if fig.has_currency and text.endswith(_JOIN_WORD_ENDS, 0, fig.start) and fig.vague is None \
                and fig.number is not None:
            merged = _spelled_range(text, fig, prev.end if prev is not None else 0)
            if merged is not None:
                fig = merged
        out.append(fig)
    return out


_THOUSANDS_END = re.compile(r"\d[,.]000(?![\d,.])")
_GROUPED = re.compile(r"\d[,.]\d{3}")


def _elided_thousands(text: str, prev: Figure, fig: Figure, low: Decimal, high: Decimal) -> bool:
    """Whether a range's lower bound drops the thousands its upper bound writes: "between
    $40-90,000" (40,000 to 90,000), "10-25.000 Euro". Both bounds without a magnitude, the
    upper one written in whole thousands, the lower a whole number with no group of its own,
    and read in thousands a usual range."""
    if prev.magnitude or fig.magnitude or low != low.to_integral_value() or low < 1:
        return False
    if _THOUSANDS_END.search(text, fig.start, fig.end) is None or _GROUPED.search(text, prev.start, prev.end):
        return False
    return low * 1000 < high < RANGE_WIDE * low * 1000


def _reverse_range(text: str, prev: Figure, fig: Figure, low: Decimal, high: Decimal) -> bool:
    """Whether "12 to 5 dlrs" (the larger bound first) is a range written from its upper end, as
    market reports write the moves of several delivery positions ("gains of 12 to five stg per
    tonne", "Abschläge von 8 bis 3 Euro"). Only a bare first figure, not after a word of change
    or movement ("eased 12 to 5 dlrs" is a move and the level it reaches), a month ("April 12 to
    5 dlrs") or a year ("1986 to 5 dlrs", also too far apart), and within the usual bounds."""
    if prev.has_currency or prev.magnitude or prev.qualifier != "exact" or not low < RANGE_WIDE * high \
            or YEAR.fullmatch(text, prev.start, prev.end) or (high == 1 and not fig.magnitude) \
            or (prev.start and (text[prev.start - 1].isalnum() or text[prev.start - 1] == "-")):
        return False  # "pegged at 7.80 to one U.S. dlr" is a rate; "GSM-103 to 75 mln dlrs" a name
    if not _range_to(text, prev.start)[0] or MONTH_BEFORE.search(text, max(0, prev.start - 16), prev.start):
        return False
    words = text[max(0, prev.start - 24):prev.start].split()
    return not words or words[-1].strip(",;:\"'").lower() not in _MOVE_WORDS


_MOVE_WORDS = frozenset(w.lower() for w in LEX["per_share_move"]["verbs"])


# how the text before an upper bound ends when a spelled lower bound may stand before it (a
# test of the few characters, before the pattern below)
_JOIN_WORD_ENDS = tuple(w + " " for w in ("to", "and", "or", "bis", "und", "oder", "TO", "AND", "OR"))
# the spelled lower bound of a range before its upper bound ("between two and three billion
# dlrs", "zwei bis drei Milliarden Euro"): a spelled number alone is no candidate
_SPELLED_LOWER = re.compile(
    r"(?<![^\W\d_])(?P<low>" + word_tree([*NUMBER_WORDS, *DE_COMPOUNDS, "ein", "eine", "einer"])
    + r"(?:(?:[ \t]{1,2}|-)" + word_tree([*NUMBER_WORDS, *DE_COMPOUNDS]) + r"){0,3})"
    r"[ \t]{1,2}(?P<join>to|and|or|bis|und|oder|TO|AND|OR)[ \t]{1,2}\Z")


_SPELLED_LAST = frozenset(k.lower() for k in (*NUMBER_WORDS, *DE_COMPOUNDS, "ein", "eine", "einer"))


def _spelled_range(text: str, fig: Figure, floor: int) -> Figure | None:
    """`fig` as the upper bound of a range whose lower bound is spelled out and takes its
    magnitude and currency ("two to three billion dlrs"), or None. The bound joins as a digit
    bound would: "and" after "between" only, "to" not after a word of change ("rose from")."""
    words = text[max(floor, fig.start - 24):fig.start].rsplit(None, 2)
    if len(words) < 2 or words[-2].rsplit("-", 1)[-1].lower() not in _SPELLED_LAST:
        return None  # (most amounts after "to" or "and": no number word before it)
    m = _SPELLED_LOWER.search(text, max(floor, fig.start - 48), fig.start)
    if m is None:
        return None
    number = spelled_value(m.group("low"))
    if number is None:
        return None
    low_fig = Figure(m.start("low"), m.end("low"), number)
    read_left(text, low_fig, floor)
    word = m.group("join").lower()
    if word in ("and", "und"):
        ok = low_fig.between
    elif word in ("to", "bis"):
        ok = low_fig.between or _range_to(text, low_fig.start)[0]
    else:
        ok = not low_fig.between
    if not ok or low_fig.qualifier not in _RANGE_LOWER_QUALS:
        return None
    if not fig.magnitude and fig.number != fig.number.to_integral_value():
        return None  # "China Entertainment five to 8.60 dlrs": a move (in cents) and a price
    scale = POW10[fig.exponent]
    low, high = number * scale, fig.number * scale
    if not low < high < RANGE_WIDE * low:
        return None
    merged = Figure(low_fig.start, fig.end, fig.number, fig.exponent, fig.magnitude, fig.currency, True,
                    "range", fig.per, family=fig.family, sign=fig.sign)
    merged.vague = (low, high)
    merged.src, merged.label = fig.src, fig.label
    return merged


_RANGE_TO = LEX["range_to"]
_RANGE_CHANGE = frozenset(_RANGE_TO["change"])
_RANGE_FROM = frozenset(_RANGE_TO["from_range"])
_RANGE_BY = frozenset(_RANGE_TO["by"])
_RANGE_CLOSE = Decimal(str(_RANGE_TO["close"]))
_RANGE_BY_CLOSE = Decimal(str(_RANGE_TO["by_close"]))
RANGE_WIDE = Decimal(20)  # no range has an upper bound 20 times its lower
# qualifiers a lower bound may carry: "rund 2 bis 3", "mindestens 90 bis 120 Millionen Euro"
# (the range keeps its bounds; "at least" says no more than that the upper may be reached)
_RANGE_LOWER_QUALS = frozenset(_RANGE_TO["lower_qualifiers"])


def _range_to(text: str, start: int) -> tuple[bool, Decimal]:
    """Whether two amounts of one magnitude joined by "to"/"bis" after `start` may be a range,
    and how many times the lower bound the upper may be (see [range_to] in money.toml)."""
    # the words before it, past a year ("rose from 1985's 110.1 mln stg to 178.1 mln stg")
    words = [w.lower() for w in text[max(0, start - 40):start].split() if not w[0].isdigit()][-2:]
    word = words[-1].strip(",;:\"'") if words else ""
    if word == "from":
        if len(words) > 1 and words[0] in _RANGE_FROM:
            return True, RANGE_WIDE  # "ranged from 10 mln to 100 mln dlrs"
        return False, ZERO
    if word in _RANGE_CHANGE:
        return False, ZERO  # "rose 20 mln to 165 mln dlrs"
    if word in _RANGE_BY:
        return True, _RANGE_BY_CLOSE  # "by 1.24 billion to 12.60 billion" is a change
    return True, _RANGE_CLOSE


def range_from(text: str, start: int) -> bool:
    """Whether the amount at `start` is opened as a range's lower bound by a word of range and
    "from" ("ranging from", "priced from"; `from_range` in [range_to])."""
    return _range_to(text, start)[1] == RANGE_WIDE
