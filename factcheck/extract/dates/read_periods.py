"""Readers of periods: years and year ranges, quarters, halves, decades, fiscal years,
seasons, thirds of a year ("mid-2019"), weeks of a month and days counted from a month's end.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates.calendars import SEASON_NAMES, season_interval
from factcheck.extract.dates.pointing_back import whole_weeks
from factcheck.extract.dates.reading import add_months, third_of, year_from_pub
from factcheck.extract.dates.templates import LETTER, wordlist
from factcheck.extract.dates.tense import tense_lean
from factcheck.extract.dates.text import (
    Cand,
    Ctx,
    fixed_cand,
    month_ok,
    next_word,
    orig,
    prev_word,
    year2,
    year_from_tail,
)
from factcheck.extract.dates.words import (
    AGE_POSS,
    CAPITALS_ONLY,
    COUNT_AFTER,
    DECADE_ER_BEFORE,
    DECADE_TWO_BEFORE,
    DECADE_TWO_PART,
    DECADE_WORDS,
    HALF_ORD,
    HALF_WITH_YEAR,
    MONTHS,
    NAMES_BEFORE_YEAR,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    ORD_WORDS,
    QUARTER_CODE_NOT_AFTER,
    QUARTER_MONTHS,
    QUARTER_ORD,
    REL_YEAR,
    SEASON_OF_YEAR_NOT,
    SEASONS,
    SPELLED_YEARS,
    THIRD_WORDS,
    WEEK_ORD,
    YEAR_HYPHEN_OK,
    YEAR_OK_BEFORE,
    norm,
    words,
)

PHONE_BEFORE = re.compile(r"\d[\s\u00a0-]$|\d\)[\s\u00a0]?$")
PHONE_AFTER = re.compile(r"[\s\u00a0-]\d{3,}(?![.,]\d)")
SECOND_WORD = re.compile(r"[\s\u00a0]*" + LETTER + r"[\w-]*[\s\u00a0]+(" + LETTER + r"[\w-]*)")


def year_context_ok(ctx: Ctx, start: int, end: int) -> bool:
    """Context checks for a 4-digit number read as a year (or a year range)."""
    text = ctx.text
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i >= 0 and text[i] in "$€£¥#":
        return False
    if start > 0 and text[start - 1] == "-":
        word = prev_word(ctx, start - 1)
        if not word or word not in YEAR_HYPHEN_OK or text[start - 2 : start - 1].isdigit():
            return False
    if PHONE_BEFORE.search(text[max(0, start - 3) : start]) or PHONE_AFTER.match(text[end : end + 8]):
        return False  # phone-number-like digit groups
    prev = prev_word(ctx, start)
    ok_before = prev in YEAR_OK_BEFORE
    if prev in NOT_YEAR_BEFORE and not ok_before:
        return False
    nxt = next_word(ctx, end)
    if nxt == "%" or nxt in NOT_YEAR_AFTER:
        return False
    if not ok_before:
        if nxt in COUNT_AFTER:
            return False
        m2 = SECOND_WORD.match(text[end : end + 50])
        if m2 and m2.group(1).lower() in COUNT_AFTER and nxt not in YEAR_OK_BEFORE:
            return False
    return True


def read_year_range(m: re.Match, ctx: Ctx) -> Cand | None:
    y1, y2s = int(m.group("y1")), m.group("y2")
    sep = m.group("sep").lower()
    if len(y2s) == 2:
        if sep not in ("-", "–", "—", "/"):
            return None
        y2 = y1 // 100 * 100 + int(y2s)
        if y2 <= y1:
            y2 += 100 if y1 % 100 >= 90 and int(y2s) < 10 else 0
    else:
        y2 = int(y2s)
    if not (y1 < y2 <= y1 + 100):
        return None
    if not year_context_ok(ctx, m.start(), m.end()):
        return None
    end = Cand(m.start("y2"), m.end(), "year", y=y2)
    return Cand(m.start(), m.end(), "year", y=y1, until=end)


def year_for_period(m: re.Match, ctx: Ctx) -> tuple[int | None, bool]:
    """(year, resolved) from a period's year tail: explicit, relative ("this year") or none."""
    ry = m.group("ry")  # every family that asks has a relative-year group
    if ry:
        if ctx.pubdate is None:
            return None, False
        return ctx.pubdate.year + REL_YEAR[norm(ry)], True
    return year_from_tail(m), False


def quarter_blocked(ctx: Ctx, start: int) -> bool:
    return prev_word(ctx, start) in NOT_YEAR_BEFORE or prev_word(ctx, start) in QUARTER_CODE_NOT_AFTER


COMPARISON_AFTER = re.compile("-" + wordlist("quarter_comparison") + "-")  # "quarter-on-quarter"


def read_quarter_of_year(m: re.Match, ctx: Ctx) -> Cand | None:
    qo = m.group("qo").lower()
    n = QUARTER_ORD.get(qo)
    if n is None:  # "the March quarter": the quarter ending in March
        n = QUARTER_MONTHS.get(qo)
        if n is None or not month_ok(orig(m, ctx, "qo"), ctx, bare=True):
            return None
        if COMPARISON_AFTER.match(ctx.low, m.end("qw")):
            return None  # "rose in March quarter-on-quarter": a comparison, not a quarter
    elif "." in ctx.text[m.end("qo") : m.end("qo") + 1]:
        return None  # the full stop is for "Dec." only
    y, res = year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    c = Cand(m.start(), m.end(), "quarter", y=y, n=n)
    c.resolved = res
    return c


def read_quarter_code(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.cased and ctx.text[m.start()] == "q":
        return None
    if quarter_blocked(ctx, m.start()):
        return None
    y, res = year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    c = Cand(m.start(), m.end(), "quarter", y=y, n=int(m.group("qn")))
    c.resolved = res
    return c


def read_quarter_code_digit_first(m: re.Match, ctx: Ctx) -> Cand | None:
    y = year_from_tail(m)
    return Cand(m.start(), m.end(), "quarter", y=y, n=int(m.group("qn")))


def read_year_period_code(m: re.Match, ctx: Ctx) -> Cand | None:
    """"2019 Q1", "2017-q1", "2019-H2": a quarter or half with its year written first."""
    n = int(m.group("n"))
    if m.group("p") == "h":
        if n > 2 or not m.group("sep").strip():
            return None  # "by 2030 H2 output": hydrogen as often, so a half only as "2019-H2"
        return Cand(m.start(), m.end(), "half", y=int(m.group("y")), n=n)
    return Cand(m.start(), m.end(), "quarter", y=int(m.group("y")), n=n)


THE = words("pattern_words.the")


def read_half_of_year(m: re.Match, ctx: Ctx) -> Cand | None:
    ho = m.group("ho").lower()
    n = HALF_ORD[ho]
    hw = norm(m.group("hw"))
    y, res = year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    if y is None and hw in HALF_WITH_YEAR:
        return None  # "the second half" of a match
    c = Cand(m.start(), m.end(), "half", y=y, n=n)
    c.resolved = res
    return c


def read_half_code(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.cased and ctx.text[m.start() : m.end()].islower():
        return None
    n = int(m.group("hn"))
    return Cand(m.start(), m.end(), "half", y=year_from_tail(m), n=n)


def read_decade_digits(m: re.Match, ctx: Ctx) -> Cand | None:
    return Cand(m.start(), m.end(), "decade", y=int(m.group("c")) * 10)


def two_digit_decade(dd: int, ctx: Ctx) -> int:
    if dd <= 1:
        return 2000 + dd * 10
    if ctx.pubdate is not None and 2000 + dd * 10 <= ctx.pubdate.year and dd <= 2:
        return 2000 + dd * 10
    return 1900 + dd * 10


def read_decade_two_digits(m: re.Match, ctx: Ctx) -> Cand | None:
    prev = prev_word(ctx, m.start())
    if prev not in DECADE_TWO_BEFORE:
        return None
    if prev in DECADE_TWO_PART:
        before = prev_word(ctx, ctx.text.rfind(prev, 0, m.start() + 1))
        if before in AGE_POSS:
            return None
    return Cand(m.start(), m.end(), "decade", y=two_digit_decade(int(m.group("dd")), ctx))


def read_decade_er(m: re.Match, ctx: Ctx) -> Cand | None:
    if m.group("c"):
        y = int(m.group("c")) * 100 + int(m.group("d1")) * 10
    else:
        if not m.group("j") and prev_word(ctx, m.start()) not in DECADE_ER_BEFORE:
            return None
        y = two_digit_decade(int(m.group("d2")), ctx)
    return Cand(m.start(), m.end(), "decade", y=y)


def read_decade_words(m: re.Match, ctx: Ctx) -> Cand | None:
    return Cand(m.start(), m.end(), "decade", y=DECADE_WORDS[m.group("dw").lower()])


def read_fiscal_year(m: re.Match, ctx: Ctx) -> Cand | None:
    f = norm(m.group("f"))
    if f in CAPITALS_ONLY and ctx.cased and not orig(m, ctx, "f").isupper():
        return None
    ys = m.group("y")
    y = int(ys) if len(ys) == 4 else year2(ys)
    c = Cand(m.start(), m.end(), "year", y=y)
    if m.group("y2"):
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if len(y2s) == 2 and y2 <= y:
            y2 += 100
        if y < y2 <= y + 2:
            c.until = Cand(m.start("y2"), m.end(), "year", y=y2)
    return c


# an upper-case month abbreviation glued to a digit: a futures contract ("JUL7", "SEP87")
CONTRACT_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3,4})\d{1,2}[ \t\u00a0]{1,6}\Z")


def read_year(m: re.Match, ctx: Ctx) -> Cand | None:
    if not year_context_ok(ctx, m.start(), m.end()):
        return None
    cm = CONTRACT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    if cm and cm.group(1).lower() in MONTHS:
        return None  # "MAY7  1921": a futures price after its contract month
    if ctx.cased and prev_word(ctx, m.start()).capitalize() in NAMES_BEFORE_YEAR:
        pw = ctx.text[max(0, m.start() - 14) : m.start()].split()
        if pw and pw[-1] in NAMES_BEFORE_YEAR:
            return None  # "the Human Rights Act 1998": part of a name
    return Cand(m.start(), m.end(), "year", y=int(m.group("y")))


def read_week_of_month(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    month = MONTHS[m.group("mon")]
    if m.group("y"):
        y = int(m.group("y"))
    elif ctx.pubdate is not None:
        y = year_from_pub(Cand(0, 0, "month", m=month), ctx.pubdate, lambda: tense_lean(ctx, m.start(), m.end()))
    else:
        return None
    first = dt.date(y, month, 1)
    mondays = whole_weeks(first, add_months(first, 1))
    o = m.group("o").lower()
    idx = WEEK_ORD[o]
    if not mondays or idx >= len(mondays):
        return None
    ds = mondays[idx]
    c = fixed_cand(m.start(), m.end(), "week", ds, ds + dt.timedelta(days=7))
    c.resolved = not m.group("y")
    c.guessed = c.resolved  # the nearest such month
    return c


def read_season(m: re.Match, ctx: Ctx) -> Cand | None:
    word = norm(m.group("s"))
    name = SEASONS[word]
    rel = norm(m.group("rel") or "")
    if not name and (m.group("y") or m.group("ys") or not rel or rel in THE):
        return None
    if m.group("y") or m.group("ys"):
        ds, de = season_interval(name, int(m.group("y")) if m.group("y") else SPELLED_YEARS[norm(m.group("ys"))])
        return Cand(m.start() if rel and rel not in THE else m.start("s"), m.end(), "season", y=ds.year,
                     fixed=(ds, de))
    if ctx.pubdate is None or not rel or rel in THE:
        return None
    pub = ctx.pubdate
    seasons = sorted(season_interval(nm, y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)
                      for nm in SEASON_NAMES)
    named = [iv for iv in seasons if iv == season_interval(name, iv[0].year)] if name else seasons
    cur = [iv for iv in named if iv[0] <= pub < iv[1]]
    off = REL_YEAR.get(rel, 0)
    if off == 0:
        got = cur[0] if cur else min((iv for iv in named if iv[0] > pub), default=None)
    elif off > 0:
        got = min((iv for iv in named if iv[0] > pub), default=None)
    else:
        got = max((iv for iv in named if iv[1] <= pub), default=None)
    if got is None:
        return None
    return fixed_cand(m.start(), m.end(), "season", *got)


def read_season_of_year(m: re.Match, ctx: Ctx) -> Cand | None:
    """A season of a year named relatively or written with its year word: "im Herbst letzten
    Jahres", "in the autumn of last year", "im Herbst des Jahres 2024" (a season with a year
    written right after it, "Herbst 2024", is the family season)."""
    word = norm(m.group("s"))
    if word in SEASON_OF_YEAR_NOT:
        return None  # "the fall of last year": a decline as often
    if m.group("y"):
        y, resolved = int(m.group("y")), False
    elif ctx.pubdate is None:
        return None
    else:
        y, resolved = ctx.pubdate.year + REL_YEAR[norm(m.group("rel"))], True
    c = fixed_cand(m.start(), m.end(), "season", *season_interval(SEASONS[word], y))
    c.resolved = resolved
    return c


def read_third_of_year(m: re.Match, ctx: Ctx) -> Cand | None:
    y = int(m.group("y"))
    which = THIRD_WORDS[norm(m.group("pre"))]
    ds, de, gran = third_of("year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1), which)
    c = fixed_cand(m.start(), m.end(), gran, ds, de)
    c.resolved = False
    return c


def read_day_from_month_end(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    month = MONTHS[m.group("mon")]
    o = m.group("o")
    n = (ORD_WORDS.get(norm(o)) or (int(o[0]) if o[0].isdigit() else None)) if o else 1
    if not n or (not m.group("last") and not o):
        return None
    if m.group("y"):
        y = int(m.group("y"))
    elif ctx.pubdate is not None:
        y = year_from_pub(Cand(0, 0, "month", m=month), ctx.pubdate,
                           lambda: tense_lean(ctx, m.start(), m.end()))
    else:
        return None
    first = dt.date(y, month, 1)
    d = add_months(first, 1) - dt.timedelta(days=n) if m.group("last") else first + dt.timedelta(days=n - 1)
    if d.month != month:
        return None
    c = fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
    c.resolved = not m.group("y")
    c.guessed = c.resolved  # the nearest such month
    return c


def read_spelled_year(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.cased and not orig(m, ctx, "ys").islower():
        return None  # "Nineteen Eighty-Four" is a title
    y = SPELLED_YEARS[norm(m.group("ys"))]
    return Cand(m.start("ys"), m.end(), "year", y=y)
