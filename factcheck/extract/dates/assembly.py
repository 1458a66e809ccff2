"""From candidates to dates: the one entry point `find_dates`.

The scan (`scan.py`) gives each family's matches; the family's reader turns a match into a
candidate (`text.Cand`) or refuses it. Candidates are chosen longest first without overlaps
(`select`), a date that names no year takes the year named right after it ("March in 1986",
"December 31 this year", "im Mai des Vorjahres": `years_after`), neighbours joined by "to",
"-", "bis", "between ... and" become one range (`merge_ranges`), dates listed together share
the year written once (`inherit_years`), and each candidate becomes an interval (`to_span`: a
missing year from the publication date, see `reading.py`). Last, the periods that "ended" on
a day, the parts of periods and the dates that point back are read (`pointing_back.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from factcheck.extract.dates.pointing_back import parts_of_periods, periods_ended, reanchor
from factcheck.extract.dates.reading import (
    interval,
    nearest_year,
    order_key,
    period_bounds,
    third_of,
    year_from_pub,
)
from factcheck.extract.dates.registry import BY_NAME
from factcheck.extract.dates.scan import FAMILY_RANK, anchor_raws
from factcheck.extract.dates.templates import expand
from factcheck.extract.dates.tense import tense_lean
from factcheck.extract.dates.text import BETWEEN_RE, Cand, Ctx, lowered, prev_word
from factcheck.extract.dates.words import LIST_GAP_WORDS, MONTH_ABBR, MONTHS, WEEKDAYS, norm, words
from factcheck.spans import DateSpan

# between the two ends of a range: "March 2023 to May 2024", "vom 3. bis zum 5. Mai"
CONNECTOR_RE = re.compile(expand(r"<S>(?:-|–|—|<W:range_connectors>)<S>(?:<W:range_articles><S1>)?"), re.IGNORECASE)
RANGE_JOINERS = tuple(sorted(words("pattern_words.range_joiners")))  # "and": only after "between"
WD_JOIN_RE = re.compile(expand(r"<S>,?<S>(?:<W:before_day_number><S1>)?"), re.IGNORECASE)


# ----------------------------------------------------------------------------- assembly


def select(cands: list[Cand], length: int) -> list[Cand]:
    """Longest candidates first, no overlaps; ties go to the earlier pattern family."""
    if len(cands) < 2:
        return list(cands)
    by_start = sorted(cands, key=lambda c: c.start)
    if all(a.end <= b.start and a.start < a.end for a, b in pairwise(by_start)):
        return by_start  # no overlaps: every candidate stays
    occupied = bytearray(length + 1)
    chosen = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.family.rank, c.start)):
        if occupied.find(1, c.start, c.end) != -1:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


# the modes whose year is a reading of the publication date, not one the words name ("last
# March", "next June")
GUESSED_MODES = frozenset(("nearest", "recent", "latest", "soon"))


def fill(c: Cand, ctx: Ctx) -> tuple[tuple[dt.date, dt.date], bool, bool] | None:
    """Interval of a candidate on its own, taking a missing year from the publication date:
    (interval, resolved, guessed); guessed when that year is the nearest reading (or the one
    the tense asks for) rather than one the words name ("last March", "next June")."""
    if c.fixed:
        return c.fixed, c.resolved, c.guessed
    if c.y is not None:
        iv = interval(c, c.y)
        return (iv, c.resolved, False) if iv else None
    if ctx.pubdate is None:
        return None
    y = year_from_pub(c, ctx.pubdate, lambda: tense_lean(ctx, c.start, c.end))
    iv = interval(c, y)
    return (iv, True, c.mode in GUESSED_MODES) if iv else None


def fill_pair(a: Cand, b: Cand, ctx: Ctx):
    """Intervals of the two ends of a range, a missing year taken from the other end; two
    year-less months ("from May to September") take the year that puts the whole range
    nearest the publication date."""
    if (a.y is None and b.y is None and not a.fixed and not b.fixed and a.gran == b.gran == "month"
            and a.mode in ("nearest", "recent", "soon") and b.mode in ("nearest", "recent")
            and a.third is None and b.third is None and ctx.pubdate is not None):
        wrap = int(b.m < a.m)  # "November-March": into the next year
        pub = ctx.pubdate

        def whole(y: int) -> tuple[dt.date, dt.date]:
            return period_bounds("month", y, a.m, 1, 0)[0], period_bounds("month", y + wrap, b.m, 1, 0)[1]

        # "soon" (goods shipped, see `read_month_pair`): the first range not over by then
        y = nearest_year(whole, pub, (lambda: (1, 0)) if a.mode == "soon" else lambda: tense_lean(ctx, a.start, b.end))
        ia, ib = interval(a, y), interval(b, y + wrap)
        if ia is None or ib is None:
            return None
        return (ia, True, True), (ib, True, True)
    if a.y is None and not a.fixed and (b.y is not None or b.fixed):
        by = b.fixed[0].year if b.fixed else b.y
        ya = by - 1 if order_key(a) > order_key(b) else by
        ia = interval(a, ya)
        fb = fill(b, ctx)
        if ia is None or fb is None:
            return None
        return (ia, b.resolved, fb[2]), fb
    fa = fill(a, ctx)
    if fa is None:
        return None
    if b.y is None and not b.fixed:
        ay = fa[0][0].year
        yb = ay + 1 if order_key(b) < (fa[0][0].month, fa[0][0].day) else ay
        ib = interval(b, yb)
        if ib is None:
            return None
        return fa, (ib, fa[1], fa[2])
    fb = fill(b, ctx)
    return (fa, fb) if fb else None


def to_span(c: Cand, ctx: Ctx) -> DateSpan | None:
    if c.until is not None:
        pair = fill_pair(c, c.until, ctx)
        if pair is None:
            return None
        (ia, ra, ga), (ib, rb, gb) = pair
        if ib[1] <= ia[0]:
            return None
        return DateSpan(c.start, c.end, ia[0], ib[1], c.gran, ra or rb, ga or gb)
    f = fill(c, ctx)
    if f is None:
        return None
    (ds, de), res, guessed = f
    gran = c.gran
    if c.third is not None and gran in ("month", "year"):
        ds, de, gran = third_of(gran, ds, de, c.third)
    return DateSpan(c.start, c.end, ds, de, gran, res, guessed)


def merge_ranges(chosen: list[Cand], ctx: Ctx) -> list[Cand]:
    """Join neighbours such as "March 2023 to May 2024", "between 2019 and 2021"."""
    text = ctx.text
    out: list[Cand] = []
    i = 0
    while i < len(chosen):
        a = chosen[i]
        if a.family.joins_next and i + 1 < len(chosen) and chosen[i + 1].family.weekday_joins:
            b = chosen[i + 1]
            if WD_JOIN_RE.fullmatch(text, a.end, b.start):  # "Friday 7/6", "Mittwoch, 22.1."
                b.start = a.start
                if b.y is None and not b.fixed:
                    b.wd = WEEKDAYS.get(norm(text[a.start : a.end]).split(" ")[-1])
                i += 1
                continue
        if (i + 1 < len(chosen) and a.until is None and chosen[i + 1].until is None
                and not (a.shift or a.back or chosen[i + 1].shift or chosen[i + 1].back)
                and not (a.family.year_of_a_part or chosen[i + 1].family.year_of_a_part)):  # "the year" of a part
            b = chosen[i + 1]
            gap = text[a.end : b.start]
            m = CONNECTOR_RE.fullmatch(gap) if len(gap) <= 24 and not ("\n" in gap and "-" in gap) else None
            if m:
                conj = gap.strip().lower()
                needs_between = conj.startswith(RANGE_JOINERS)
                if not needs_between or BETWEEN_RE.search(text, max(0, a.start - 30), a.start):
                    merged = Cand(a.start, b.end, a.gran, family=a.family, y=a.y, m=a.m, d=a.d, n=a.n,
                                   mode=a.mode, fixed=a.fixed, resolved=a.resolved, until=b,
                                   guessed=a.guessed)
                    try:
                        ok = to_span(merged, ctx) is not None
                    except (ValueError, OverflowError):
                        ok = False  # "first quarter to first quarter" read from year 9999
                    if ok:
                        out.append(merged)
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


# between a date that names no year and the year after it: "March in 1986", "im Mai im Jahr
# 2019"; "December 31 this year", "March 3 of last year", "im Mai des Vorjahres"
YEAR_AFTER_RE = re.compile(expand(r"<S1><W:year_after_date><S1>"), re.IGNORECASE)
RELATIVE_YEAR_AFTER_RE = re.compile(expand(r"<S1>(?:<W:relative_year_after_date><S1>)?"), re.IGNORECASE)
POSSESSIVE_RE = re.compile(expand(r"<W:possessive>"), re.IGNORECASE)  # "on March 3 last year's profit"
WRITTEN_YEARS = frozenset(("year", "spelled_year"))  # families of a calendar year written out
RELATIVE_YEARS = frozenset(("relative_period", "previous_period"))  # "last year", "Vorjahres"
TAKES_A_YEAR = frozenset(("day", "month", "quarter", "half"))


def _yearless(c: Cand) -> bool:
    return (c.y is None and not c.fixed and c.until is None and c.gran in TAKES_A_YEAR
            and not (c.shift or c.back or c.to_year))


def years_after(chosen: list[Cand], ctx: Ctx) -> list[Cand]:
    """A date that names no year takes the year named right after it, and its span the year's:
    "from [March in 1986] to April", "[26 June to 28 June in 2020]" (the last end, and so the
    first), "[December 31 this year]", "im [Mai des Vorjahres]". A relative year is read from the
    publication date, as "the fourth quarter of last year" is: the two are one mention, and
    "Vorjahres" no longer points back on its own from the date it belongs to."""
    out: list[Cand] = []
    i = 0
    while i < len(chosen):
        c = chosen[i]
        out.append(c)
        i += 1
        if i == len(chosen):
            break
        y, target = chosen[i], c.until or c
        if y.until is not None or y.gran != "year" or y.shift or y.to_year or not _yearless(target):
            continue
        if c.until is not None and not (c.y is not None or _yearless(c)):
            continue
        name = y.family.name if y.family else ""
        if name in WRITTEN_YEARS and not y.fixed and YEAR_AFTER_RE.fullmatch(ctx.text, c.end, y.start):
            target.y = y.y
        elif (name in RELATIVE_YEARS and y.fixed and RELATIVE_YEAR_AFTER_RE.fullmatch(ctx.text, c.end, y.start)
              and not POSSESSIVE_RE.match(ctx.low, y.end)):
            target.y = y.fixed[0].year
            target.resolved = c.resolved = True
        else:
            continue
        c.end = target.end = y.end
        i += 1  # the year is part of the date now
    return out


LIST_GAP_RE = re.compile(r"(?:[\s\d:.,;/&()\u00a0-]|\b(?:" + "|".join(
    sorted(LIST_GAP_WORDS | set(MONTHS), key=lambda w: (-len(w), w))) + r")\b)*", re.IGNORECASE)


AND_GAP_RE = re.compile(expand(r"[\s\u00a0]*(?:,|<W:list_joiners>|&)[\s\u00a0]*"), re.IGNORECASE)


def inherit_years(chosen: list[Cand], ctx: Ctx) -> list[Cand]:
    """Dates listed together share the year written once: "July 12, 2014. July 13, July 14"
    (the gap holds nothing but punctuation, times and month names)."""
    year = None
    prev_end = 0
    for c in chosen:
        gap_ok = year is not None and LIST_GAP_RE.fullmatch(ctx.text, prev_end, c.start) is not None
        if (c.until is None and not c.fixed and c.y is None and c.gran in ("day", "month") and gap_ok
                and c.family.shares_list_year):  # not "... in January, 1986. January imports were"
            c.y = year
        elif c.until is None and not c.fixed and c.y is not None and not c.resolved:
            year = c.y
        elif not gap_ok:
            year = None
        prev_end = c.end
    # and backwards: "im April und Mai 2015", "March and April 1987"
    for a, b in zip(reversed(chosen[:-1]), reversed(chosen[1:]), strict=True):
        if (a.until is None and not a.fixed and a.y is None and a.gran == b.gran and b.y is not None
                and not b.fixed and not b.resolved and AND_GAP_RE.fullmatch(ctx.text, a.end, b.start)):
            a.y = b.y
    return chosen


ONES = b"\x01" * 256


def find_dates(text: str, lang: str, pubdate: dt.date | None = None) -> list[DateSpan]:
    """Date mentions in `text` (lang "en" or "de"), sorted by start and non-overlapping.

    Dates without a year and relative dates are resolved against `pubdate` (flagged
    `resolved=True`) and left out when it is None.
    """
    return [s for s in _read(text, lang, pubdate)[0] if s is not None]


def find_dates_by_family(text: str, lang: str, pubdate: dt.date | None = None) -> list[tuple[str, DateSpan]]:
    """`find_dates` with the name of the family that read each date (for the family examples
    and for finding out why a date was read as it was)."""
    spans, chosen = _read(text, lang, pubdate)
    return [(c.family.name, s) for s, c in zip(spans, chosen, strict=True) if s is not None]


def _read(text: str, lang: str, pubdate: dt.date | None) -> tuple[list[DateSpan | None], list[Cand]]:
    """The dates of a text (None where one fell out) and the candidates they were read from."""
    if not text:
        return [], []
    if isinstance(pubdate, dt.datetime):
        pubdate = pubdate.date()
    ctx = Ctx(text, "de" if lang == "de" else "en", pubdate,
              cased=not (text.islower() or text.isupper()), low=lowered(text))
    cands: list[Cand] = []
    covered = bytearray(len(text) + 1)  # spans of the candidates found so far
    low = ctx.low
    ctx.rlow = low[::-1]
    raws_by_family = anchor_raws(low, ctx.rlow, ctx.lang)
    for name in sorted(raws_by_family, key=FAMILY_RANK.__getitem__):
        family = BY_NAME[name]
        reader = family.reader
        for raw in raws_by_family[name]:
            a, b = raw.span()
            if b <= a or covered.find(0, a, b) == -1:
                continue  # empty, or inside a longer candidate found before: cannot win
            try:
                c = reader(raw, ctx)
            except (ValueError, OverflowError):
                c = None  # "next year" read from year 9999: no date outside the calendar
            if c is not None:
                c.family = family
                if (text[c.end - 1] == "." and text[c.end - 2 : c.end - 1].isalpha()
                        and prev_word(ctx, c.end).rstrip(".") not in MONTH_ABBR):
                    c.end -= 1  # a sentence full stop after "3rd of May"
                cands.append(c)
                n = c.end - c.start
                covered[c.start : c.end] = ONES[:n] if n <= len(ONES) else b"\x01" * n
    if not cands:
        return [], []
    chosen = inherit_years(merge_ranges(years_after(select(cands, len(text)), ctx), ctx), ctx)
    spans: list[DateSpan | None] = []
    for c in chosen:
        try:
            spans.append(to_span(c, ctx))
        except (ValueError, OverflowError):
            spans.append(None)  # an interval that would leave years 1-9999
    if any(c.family.ended_months for c in chosen):
        spans = periods_ended(spans, chosen, text)
    spans = parts_of_periods(spans, chosen, ctx)
    if any(c.back or c.shift or c.to_year for c in chosen):
        spans = reanchor(spans, chosen, text)
    return spans, chosen
