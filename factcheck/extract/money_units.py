"""Units a figure takes from its neighbours: a bare number after "vs" or "from" ("192 dlrs
from 190"), an elided currency ("5.2 mln dlrs vs 4.1 mln"), across one sentence, and a
unit written once for a list ("1.5, 2.0 and 2.5 billion dlrs").
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from factcheck.extract.money_figure import Figure
from factcheck.extract.money_lexicon import FOLLOW, LEX, WORDS, alternatives
from factcheck.extract.money_patterns import (
    ELLIPSIS_AFTER,
    ELLIPSIS_BEFORE,
    ELLIPSIS_FOLLOW,
    JOIN_BETWEEN,
    LINK_FOLLOW,
    MAG_RE,
    NOT_MONEY_AFTER,
    PART_LINK,
    SENTENCE_BREAK,
    VS_BETWEEN,
)
from factcheck.extract.money_reading import LIST_SEP
from factcheck.extract.money_tables import TABLE
from factcheck.extract.money_words import magnitude_exponent


def inherit_unit(text: str, figs: list[Figure]) -> None:
    """A bare number linked to the figure before it is in that figure's unit: on an
    earnings-table line after "vs" ("Net 42.1 mln vs 43.0", "Shr seven cts vs 20"); in prose
    after "from", "vs", "against", "compared with" or "to" when the two are alike in size
    ("192 dlrs from 190 yesterday"); a part after "davon", "darunter", "of which" or
    "including" when smaller ("120 Milliarden Euro, davon 30")."""
    for prev, fig in itertools.pairwise(figs):
        if fig.has_currency or fig.magnitude or fig.number is None or prev.vague is not None:
            continue
        if fig.table and VS_BETWEEN.fullmatch(text, prev.end, fig.start):
            pass
        elif fig.linked and prev.has_currency and not prev.table:
            cents = prev.exact_cents and prev.number < 1
            written = prev.number * 100 if cents else prev.number
            part = PART_LINK.fullmatch(text, prev.end, fig.start) is not None
            if not written or not (Decimal(0) < fig.number / written < 1 if part
                                   else Decimal("0.2") < fig.number / written < 5):
                continue
        else:
            continue
        if prev.magnitude and prev.exponent >= 3 and fig.number < 1000:
            fig.exponent, fig.magnitude = prev.exponent, prev.magnitude
            _take_unit(fig, prev)
        elif prev.exact_cents and prev.has_currency and not prev.magnitude and fig.number < 100:
            fig.number = fig.number / 100
            fig.exact_cents = True
            _take_unit(fig, prev)
        elif (fig.linked or fig.table) and prev.has_currency and not prev.magnitude:
            _take_unit(fig, prev)  # "192 dlrs from 190", "Shr 3.25 H.K. dlrs vs 1.40"


def _take_unit(fig: Figure, other: Figure) -> None:
    """`fig` is in `other`'s currency (whatever the context makes of it)."""
    if other.has_currency:
        fig.currency, fig.has_currency, fig.src = other.currency, True, other


def inherit_currency(text: str, figs: list[Figure], lang: str) -> bool:
    """An amount with a magnitude but no currency takes the currency of the nearest money
    figure of the same magnitude in its sentence: "5.2 mln dlrs vs 4.1 mln", "448.8 mln pesos
    in 1985 on sales of 10.99 billion pesos against 422.3 mln in 1984", "27 Millionen Euro,
    die sich noch um drei Millionen erhöhen könnte", "um acht Milliarden auf 127,5 Milliarden
    Euro". Returns whether a figure that took a currency follows one without (a range to
    join again: "3 bis 4 Mio.")."""
    rejoin = False
    counts = None  # whether the text has a count anywhere (read when first needed)
    # (the few elliptic figures, found at once; a figure's turn changes only that figure)
    for i in [i for i, f in enumerate(figs) if f.elliptic and not f.has_currency]:
        fig = figs[i]
        counted = False  # a count of its magnitude comes first before it: it counts the same
        for step, gap in ((-1, ELLIPSIS_BEFORE), (1, ELLIPSIS_AFTER)):
            j = i + step
            while 0 <= j < len(figs):
                other = figs[j]
                a, b = (other.end, fig.start) if step < 0 else (fig.end, other.start)
                if b - a > gap or SENTENCE_BREAK.search(text, a, b + 1):
                    break
                if other.has_currency and other.exponent == fig.exponent and (
                        other.vague is None or other.qualifier == "range"):
                    if counts is None:
                        counts = _COUNT.search(text) is not None
                    if step < 0 and counts and _count_between(text, a, b, fig.exponent, lang):
                        counted = True  # "300 mln dlrs ... 300 mln shares, up from 270.1 mln"
                    elif not _unread_range(text, fig.start):
                        _take_unit(fig, other)
                    break
                j += step
            if fig.has_currency or counted:
                break
            if counts is None:
                counts = _COUNT.search(text) is not None
            if step < 0 and counts:
                # no money of its magnitude before it within reach, but perhaps a count ("volume
                # was 479.2 mln shares, up from 270.1 mln in March, and share value was ...")
                lo = max(0, fig.start - gap)
                for brk in SENTENCE_BREAK.finditer(text, lo, fig.start):
                    lo = brk.start() + 1
                if _count_between(text, lo, fig.start, fig.exponent, lang):
                    counted = True
                    break
        if counted:
            continue
        j = i - 1
        if j > 0 and figs[j].end <= fig.start and JOIN_BETWEEN.fullmatch(text, figs[j].end, fig.start):
            j -= 1  # the first half of its range: "Im Vorjahr waren es 3 bis 4 Mio."
        if not fig.has_currency and j >= 0 and _across_one_sentence(text, figs[j], fig):
            _take_unit(fig, figs[j])
        rejoin = rejoin or (fig.has_currency and i > 0 and not figs[i - 1].has_currency
                            and figs[i - 1].end <= fig.start <= figs[i - 1].end + 8
                            and JOIN_BETWEEN.fullmatch(text, figs[i - 1].end, fig.start) is not None)
    return rejoin


# a number with its magnitude: what an elided amount nearby may be counting ("300 mln shares")
# (the digit comes first and the lookbehind after it, so that a search skips to digits fast)
_COUNT = re.compile(r"\d(?<![\w.,]\d)[\d.,]*(?:-[ \t]{0,2}|\s{0,3})" + MAG_RE + r"(?=[ \t\n]{1,3}[^\W\d_])")


_NOT_COUNT_UNITS = frozenset(w.lower() for w in (
    *LEX["count_unit"]["not_nouns"], *TABLE["money"], *LEX["weight"]["money_words"],
    *LEX["money_context"]["words"])) | FOLLOW | ELLIPSIS_FOLLOW | LINK_FOLLOW
_COUNT_UNIT = re.compile(r"[ \t\n]{1,3}([^\W\d_][\w-]{1,30})(?![\w-])")


def _count_between(text: str, a: int, b: int, exponent: int, lang: str) -> bool:
    """Whether a count of the given magnitude stands between `a` and `b` (see [count_unit] in
    money.toml): an elided amount after it counts the same things ("300 mln dlrs ... issued
    300 mln shares, up from 270.1 mln")."""
    for m in _COUNT.finditer(text, a, b):
        if magnitude_exponent(m.group("mag"), lang) != exponent:
            continue
        unit = _COUNT_UNIT.match(text, m.end())
        if unit is None:
            continue
        word = unit.group(1)
        noun = word[0].isupper() if lang == "de" else word.islower() and word.endswith("s")
        if noun and word.lower() not in _NOT_COUNT_UNITS:
            return True
    return False


_ACROSS = 240  # characters an elided amount may stand after the sentence that named its currency
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")


def _across_one_sentence(text: str, prev: Figure, fig: Figure) -> bool:
    """"Der Umsatz stieg auf 2,1 Milliarden Euro. Der Gewinn lag bei 1,7 Milliarden.": an
    amount without a currency takes that of the figure just before it, of the same magnitude,
    in the sentence before, within the paragraph."""
    if not prev.has_currency or prev.exponent != fig.exponent or prev.table \
            or (prev.vague is not None and prev.qualifier != "range"):  # (a range names its unit too)
        return False
    if fig.start - prev.end > _ACROSS or _PARAGRAPH_BREAK.search(text, prev.end, fig.start):
        return False
    breaks = SENTENCE_BREAK.finditer(text, prev.end, fig.start + 1)
    if next(breaks, None) is not None and next(breaks, None) is not None:
        return False
    # a count in between is what the amount may count ("850,000 shares ... a further 1.99 mln")
    for m in _BETWEEN_NUMBER.finditer(text, prev.end, fig.start):
        if not m.group("year") and not NOT_MONEY_AFTER.match(text, m.end()) \
                and not JOIN_BETWEEN.fullmatch(text, m.end(), fig.start):  # "3 bis 4 Mio."
            return False
    return not _unread_range(text, fig.start)


_BETWEEN_NUMBER = re.compile(r"(?<![\w.,])(?:(?P<year>(?:19|20)\d\d)(?![\d,.]\d)|\d[\d,.]*)")
# the second half of a range whose first half was not read as a figure: "drei bis vier Millionen"
def _unread_range(text: str, start: int) -> bool:
    """Whether the figure at `start` is the second half of a range whose first half was not read
    as a figure: "drei bis vier Millionen"."""
    return _JOIN_WORD_BEFORE.search(text, max(0, start - 8), start) is not None and \
        _UNREAD_RANGE.search(text, max(0, start - 24), start) is not None


_JOIN_WORD_BEFORE = re.compile(r"(?:bis|to|und|and|or|oder)[ \t]{1,2}\Z", re.I)
_UNREAD_RANGE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted((k for k in WORDS if len(k) > 2), key=len, reverse=True))
    + r")[ \t]{1,2}(?:bis|to|und|and|or|oder)[ \t]{1,2}\Z", re.I)


def list_units(text: str, figs: list[Figure]) -> None:
    """A unit written once for a list of figures: "1.5, 2.0 and 2.5 billion dlrs respectively",
    "1,5 und 2,0 Milliarden Euro", "5, 6 and 7 cts a share": each bare figure before the last,
    joined to it by commas and "and"/"und", takes its magnitude, currency and rate."""
    for i in range(len(figs) - 1, 0, -1):
        last = figs[i]
        if not last.has_currency or last.vague is not None or last.number is None or last.table:
            continue
        cents = last.exact_cents and not last.magnitude and last.number < 1
        written = last.number * 100 if cents else last.number
        nxt = last
        for j in range(i - 1, -1, -1):
            fig = figs[j]
            if fig.has_currency or fig.magnitude or fig.table or fig.linked or fig.between \
                    or fig.number is None or fig.vague is not None or fig.qualifier != "exact" \
                    or LIST_SEP.fullmatch(text, fig.end, nxt.start) is None:
                break
            if not written or not _LIST_CLOSE_LOW < fig.number / written < _LIST_CLOSE \
                    or YEAR.fullmatch(text, fig.start, fig.end) \
                    or MONTH_BEFORE.search(text, max(0, fig.start - 16), fig.start) \
                    or _PART_OF_NUMBER.search(text, max(0, fig.start - 8), fig.start):
                break  # "due March 1, 1997 and 75 mln dlrs", "on March 30 and 147 mln stg": dates;
                # "1 point 1 and one point three dollars": the decimals of a number before
            if cents:
                fig.number, fig.exact_cents = fig.number / 100, True
            fig.exponent, fig.magnitude, fig.per = last.exponent, last.magnitude, last.per
            _take_unit(fig, last)
            fig.family = last.family
            nxt = fig


YEAR = re.compile(r"(?:1[89]|20)\d\d")
MONTH_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(LEX["list_units"]["months"], ci=True)
                          + r")\.?[ \t]{1,2}(?:\d{1,2},?[ \t]{1,2})?\Z")
_PART_OF_NUMBER = re.compile(r"(?:\d|(?<![^\W\d_])(?i:point|komma))[ \t]{1,2}\Z")
_LIST_CLOSE = Decimal(50)  # the items of a list are alike in size: no year before "3 dlrs"
_LIST_CLOSE_LOW = 1 / _LIST_CLOSE
