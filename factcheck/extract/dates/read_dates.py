"""Readers of the calendar dates: day, month and year written out or in numbers ("22 Jan
2025", "March 3", "13-15 July", "2025-01-22", "22.04."), months alone and in pairs ("in
November", "January-March"). A reader checks a match in context (case, the words around it)
and returns a candidate (`text.Cand`) or None.
"""

from __future__ import annotations

import re

from factcheck.extract.dates.templates import LETTER, PERCENT, alt, expand
from factcheck.extract.dates.tense import FUNCTION
from factcheck.extract.dates.text import (
    BETWEEN_RE,
    WDPRE_WORDS,
    Cand,
    Ctx,
    day_value,
    is_line_start,
    month_ok,
    next_word,
    orig,
    prev_tok,
    prev_token,
    prev_word,
    valid_ymd,
    wd_prefix,
    year2,
    year_from_tail,
)
from factcheck.extract.dates.words import (
    AMBIGUOUS_MONTHS,
    BARE_MONTH_IN_SPAN,
    BARE_MONTH_THIRDS,
    CARD_WORDS,
    COUNT_AFTER,
    DAY_MONTH_HYPHEN_AFTER,
    DAY_MONTH_NOT_BEFORE,
    DM_CONTEXT,
    IDIOMS,
    MEASURED_AFTER,
    MONTH_FORWARD,
    MONTH_FULL,
    MONTH_MEASURES,
    MONTH_MOD_MODE,
    MONTH_PERSON_BEFORE,
    MONTH_VERBS,
    MONTH_YEAR_NOT_BEFORE,
    MONTHS,
    NAME_BEFORE,
    NAME_MONTHS,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUM_BLOCK_BEFORE,
    NUMBER_GOES_ON,
    ORD_WORDS,
    PERSON_AFTER,
    POSSESSIVE_MONTHS,
    REL_YEAR,
    SPELLED_YEARS,
    WEEKDAY_ABBR,
    WEEKDAYS,
    norm,
    words,
)

# the words around a bare month that choose its year (see `read_bare_month`, `read_month_before_noun`,
# `read_month_pair`)
PERSON_MAY_RX = re.compile(r"(?<![^\W\d_])(?:" + alt(MONTH_PERSON_BEFORE) + r")\.?[\s\u00a0]{1,3}(?:"
                           + alt(words("bare_month.person_names")) + r")(?![^\W\d_])")
# "June/July at 4,400 dlrs": traded (not a rate: "at 4.1 pct")
PRICE_AFTER = re.compile(expand(r"[\s\u00a0]{1,3}<W:price_at>[\s\u00a0]{1,3}\d"
                                r"(?![\d.,/-]*[\s\u00a0]*(?:" + PERCENT + "|%))"))
THE = words("pattern_words.the")
SUFFIX_EN = words("pattern_words.ordinal_suffix", "en")
DAY_RANGE_AND = tuple(sorted(words("pattern_words.day_range_and")))  # "July 13 and 15" only after "between"
POSSESSIVE = words("pattern_words.possessive")
MEASURE_AFTER = re.compile(r"[\s\u00a0]{1,3}(?:" + alt(MONTH_MEASURES) + r")(?![^\W\d_])")  # "the Nov/Feb total"
FORWARD_AFTER = re.compile(r"[\s\u00a0]{1,3}(?:" + alt(MONTH_FORWARD) + r")(?![^\W\d_])")  # "May shipment"


# ----------------------------------------------------------------------------- handlers


def counted(nxt: str) -> bool:
    """Whether a number in words is a count by the word after it: "two thousand people", "two
    thousand five hundred", "five firms"."""
    return (nxt in COUNT_AFTER or nxt in NOT_YEAR_AFTER or nxt.split("-")[0] in NUMBER_GOES_ON
            or (len(nxt) > 3 and nxt.endswith("s") and nxt not in FUNCTION))


def spelled_tail(m: re.Match, ctx: Ctx) -> tuple[int, int | None]:
    """The end of a date and its year in words, where one follows it ("25 January nineteen
    eighty six"); a count in words is left out of the date ("on 3 March two thousand people
    marched", "Nineteen Eighty-Four" as a title)."""
    if not m.group("ysp"):
        return m.end(), None
    if (ctx.cased and not orig(m, ctx, "ysp").islower()) or counted(next_word(ctx, m.end())):
        end = m.start("ysp")
        while ctx.text[end - 1] in " ,\u00a0":
            end -= 1
        return end, None
    return m.end(), SPELLED_YEARS[norm(m.group("ysp"))]


def read_day_month_year(m: re.Match, ctx: Ctx, word: bool = False) -> Cand | None:
    mon = orig(m, ctx, "mon")
    if not month_ok(mon, ctx):
        return None
    if word:  # "third of March" (family day_word_month_year)
        day = day_value(m, None, "dw")
        if day is None:
            return None
        if ctx.cased and mon.lower() in AMBIGUOUS_MONTHS and not mon[0].isupper():
            return None  # "may first", "march second": verbs, not dates
    else:
        between = ctx.low[m.end("dn") : m.start("mon")]
        if between[:2] in SUFFIX_EN and "." in between:
            return None  # "July 13th. July 14th": a full stop ends the first date
        day = day_value(m, "dn", None)
        if day is None:
            return None
        if mon.isupper() and m.end() == m.end("mon") and ctx.text[m.end() : m.end() + 1].isdigit():
            return None  # "UP  17   JUL7 1467": a price change, then a futures contract month
    end, spelled = spelled_tail(m, ctx)
    y = year_from_tail(m) or spelled
    start, wd = wd_prefix(ctx, m.start())
    return Cand(start, end, "day", y=y, m=MONTHS[m.group("mon")], d=day, wd=wd)


def read_day_word_month_year(m: re.Match, ctx: Ctx) -> Cand | None:
    return read_day_month_year(m, ctx, word=True)


_PAIR_BEFORE = re.compile(r"([^\W\d_]{3,9})\.?/$")


def _second_of_pair(ctx: Ctx, at: int) -> bool:
    """Is the month at `at` the second of a pair written with a slash ("May/Dec")?"""
    m = _PAIR_BEFORE.search(ctx.low, max(0, at - 12), at)
    return m is not None and m.group(1) in MONTHS


def read_month_day_year(m: re.Match, ctx: Ctx) -> Cand | None:
    mon_a, mon_b = m.span("mon")
    mon = ctx.text[mon_a:mon_b]
    if not month_ok(mon, ctx):
        return None
    dn, dw, ys, ya = m.group("dn", "dw", "y", "ya")
    end, spelled = spelled_tail(m, ctx)
    sep = ctx.low[mon_b : m.start("dn" if dn else "dw")]
    if "." in sep and mon.lower() in MONTH_FULL and (dw or m.group("art")):
        return None  # a full stop after a month written out: "in February. The first ...", "May. One"
    if dn:
        day = int(dn)
        if not 1 <= day <= 31:
            return None
        if mon.isupper() and len(dn) == 1 and m.start("dn") == mon_b:
            return None  # "SEP7" in a futures table: the contract month of 1987
        if ya is None and ys is None and _second_of_pair(ctx, mon_a):
            return None  # "Dec/Jul  12-3/4 over": a spread of two contract months, then its price
        if ya is None and ys is None and spelled is None:
            # "March 3" must not be a count: "in March 10 people" is rare, "May 5" common;
            # but a following "percent"/unit word means a number
            nxt = next_word(ctx, end)
            if nxt in NOT_YEAR_AFTER or nxt == "%":
                return None
    else:
        if ctx.cased and mon.lower() in AMBIGUOUS_MONTHS and not mon[0].isupper():
            return None
        key = norm(dw)
        day = ORD_WORDS.get(key) or CARD_WORDS.get(key)
        if day is None or not 1 <= day <= 31:
            return None
        if key in CARD_WORDS and ys is None and spelled is None and counted(next_word(ctx, end)):
            return None  # "in August six people died", "in October two thousand people"
    y = int(ys) if ys else year2(ya) if ya else spelled
    start, wd = wd_prefix(ctx, m.start())
    return Cand(start, end, "day", y=y, m=MONTHS[m.group("mon")], d=day, wd=wd)


def read_day_range_month(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    if m.group("and") and not BETWEEN_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "on 4 and 22 January": two days, a range only after "between"
    mon = MONTHS[m.group("mon").lower()]
    stop, spelled = spelled_tail(m, ctx)
    y = year_from_tail(m) or spelled
    end = Cand(m.start("d2"), stop, "day", y=y, m=mon, d=d2)
    return Cand(m.start(), stop, "day", y=y, m=mon, d=d1, until=end)


def read_month_day_range(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    sep = ctx.text[m.end("d1") : m.start("d2")].strip().lower()
    if sep.startswith(DAY_RANGE_AND) and not BETWEEN_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    stop, spelled = spelled_tail(m, ctx)
    nxt = next_word(ctx, stop)
    if nxt in NOT_YEAR_AFTER or nxt == "%":
        return None
    mon = MONTHS[m.group("mon").lower()]
    y = year_from_tail(m) or spelled
    end = Cand(m.start("d2"), stop, "day", y=y, m=mon, d=d2)
    return Cand(m.start(), stop, "day", y=y, m=mon, d=d1, until=end)


def read_numeric_day_range(m: re.Match, ctx: Ctx) -> Cand | None:
    d1, d2, mon = int(m.group("d1")), int(m.group("d2")), int(m.group("m"))
    if not (1 <= d1 < d2 <= 31 and 1 <= mon <= 12):
        return None
    y = None
    if m.group("y"):
        y = int(m.group("y")) if len(m.group("y")) == 4 else year2(m.group("y"))
    end = Cand(m.start("d2"), m.end(), "day", y=y, m=mon, d=d2)
    return Cand(m.start(), m.end(), "day", y=y, m=mon, d=d1, until=end)


def read_month_year(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    if m.group("ys"):  # "October two thousand and five"
        if ctx.cased and not orig(m, ctx, "ys").islower():
            return None  # "Nineteen Eighty-Four" is a title
        if counted(next_word(ctx, m.end())):
            return None  # "in October two thousand people marched": a count
        return Cand(m.start(), m.end(), "month", y=SPELLED_YEARS[norm(m.group("ys"))], m=MONTHS[m.group("mon")])
    y = year_from_tail(m)
    return Cand(m.start(), m.end(), "month", y=y, m=MONTHS[m.group("mon")])


def read_month_relative_year(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None or not month_ok(orig(m, ctx, "mon"), ctx, bare=True):
        return None
    day = prev_token(ctx.low, ctx.rlow, m.start())
    if day.isdigit() or day in ORD_WORDS:
        return None  # "am 31. Dezember letzten Jahres": the day's year (see `assembly.years_after`)
    if m.group("mon").lower() in MONTH_FULL and "." in ctx.low[m.end("mon") : m.start("ry")]:
        return None  # "held in December. Next year ...": a full stop after a month written out
    y = ctx.pubdate.year + REL_YEAR[norm(m.group("ry"))]
    c = Cand(m.start(), m.end(), "month", y=y, m=MONTHS[m.group("mon").lower()])
    c.resolved = True
    return c


def read_year_month(m: re.Match, ctx: Ctx) -> Cand | None:
    if not month_ok(orig(m, ctx, "mon"), ctx):
        return None
    y, mon = int(m.group("y")), MONTHS[m.group("mon")]
    if m.group("d"):
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        return Cand(m.start(), m.end(), "day", y=y, m=mon, d=d)
    if prev_word(ctx, m.start()) in NOT_YEAR_BEFORE:
        return None
    return Cand(m.start(), m.end(), "month", y=y, m=mon)


def read_bare_month(m: re.Match, ctx: Ctx) -> Cand | None:
    mon = orig(m, ctx, "mon")
    if not month_ok(mon, ctx, bare=True):
        return None
    key = mon.lower().rstrip(".")
    if ctx.cased and not mon[0].isupper():
        return None  # bare month names are written capitalised in news (en and de)
    if key in POSSESSIVE_MONTHS and ctx.text[m.end() : m.end() + 2] in POSSESSIVE:
        return None
    pre = norm(m.group("pre"))
    if key in NAME_MONTHS and ctx.cased:
        nm = re.match(r"[ \t\u00a0]+(" + LETTER + r"+)", ctx.text[m.end() : m.end() + 40])
        nxt = nm.group(1) if nm else ""
        if pre in NAME_BEFORE and nxt[:1].isupper() and nxt.lower() not in MONTHS \
                and nxt.lower() not in WEEKDAYS:
            return None  # "von August Diehl", "by August Wilson": a first name
        if pre in PERSON_AFTER and key in MONTH_VERBS:
            if ctx.may_is_a_person is None:
                ctx.may_is_a_person = PERSON_MAY_RX.search(ctx.low) is not None
            if ctx.may_is_a_person:
                return None  # "pressure mounts for May to quit" in a story of Theresa May
    mode = MONTH_MOD_MODE.get(pre, "recent")
    if mode == "recent" and FORWARD_AFTER.match(ctx.low, m.end()):
        mode = "soon"  # "for May shipment"
    # "in November": the span is the month; "this Jan", "Ende März": with the modifier
    start = m.start("mon") if mode in ("recent", "soon") and pre not in BARE_MONTH_IN_SPAN else m.start()
    c = Cand(start, m.end(), "month", m=MONTHS[key], mode=mode)
    third = BARE_MONTH_THIRDS.get(pre)
    if third is not None:
        c.third = third
    return c


def read_month_before_noun(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the December meeting": the month alone; its year by the noun (see [month_before_noun]):
    a measure's month has begun, goods ship from now on, an event is read as after "in"."""
    if ctx.lang != "en" or not ctx.cased:
        return None  # in upper- or lower-case text a capital cannot tell "may" from "May"
    mon = orig(m, ctx, "mon")
    key = mon.lower()
    if key not in MONTH_FULL or not mon[0].isupper() or mon.isupper():
        return None
    if not ctx.text[m.start("noun")].islower():
        return None  # a title-case headline: "Oil Prices May Rise On OPEC Cut"
    if prev_token(ctx.low, ctx.rlow, m.start()) in MONTH_PERSON_BEFORE:
        return None  # "Prime Minister Theresa May talks"
    if key in MONTH_VERBS:
        k = m.start() - 1
        while k >= 0 and ctx.text[k] in " \t\u00a0\"'(":
            k -= 1
        if k < 0 or ctx.text[k] in ".!?:;\n":
            return None  # "March orders the ...", "May trade ...": a verb opening a sentence
    noun = m.group("noun")
    mode = "latest" if noun in MONTH_MEASURES else "soon" if noun in MONTH_FORWARD else "recent"
    return Cand(m.start("mon"), m.end("mon"), "month", m=MONTHS[key], mode=mode)


def read_month_pair(m: re.Match, ctx: Ctx) -> Cand | None:
    """"January-March", "Apr/May": the months from the first to the second, the year chosen
    for the two together (see `fill_pair`)."""
    first, second = orig(m, ctx, "mon"), orig(m, ctx, "mon2")
    a, b = MONTHS[first.lower()], MONTHS[second.lower()]
    if a == b or (ctx.cased and not (first[0].isupper() and second[0].isupper())):
        return None
    prev = prev_token(ctx.low, ctx.rlow, m.start())
    if prev[-1:].isdigit():
        return None  # "16 January-March": the day belongs to the first month
    if m.group("and") and not BETWEEN_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "in March and May": two months, a range only after "between"
    y = int(m.group("y")) if m.group("y") else None
    resolved = False
    if m.group("ry"):  # "between June and August last year"
        if ctx.pubdate is None:
            return None
        y, resolved = ctx.pubdate.year + REL_YEAR[norm(m.group("ry"))], True
    # a full stop after a month written out ends the sentence: "between March and May. Next
    # year ..." is no May of next year
    crossed = bool(y and second.lower() in MONTH_FULL and ctx.text[m.end("mon2") : m.end("mon2") + 1] == ".")
    if crossed:
        y, resolved = None, False
    if m.group("q") and not crossed:
        if a % 3 == 1 and b == a + 2:  # "the January/March quarter": the calendar quarter
            return Cand(m.start(), m.end(), "quarter", y=y, n=(a + 2) // 3, mode="recent")
        end_at = m.start("q")  # a fiscal quarter ("the November-January quarter"): the months
    else:
        end_at = m.end("mon2") if crossed else m.end()
    # goods shipped ("for shipment June-September", "Apr/May delivery") and a trader's pair
    # of months ("Oct/Dec at 4,480 dlrs"): a range not over by the publication date; other
    # ranges as a whole nearest it (see `fill_pair`)
    abbreviated = "/" in ctx.text[m.end("mon") : m.start("mon2")] and not (
        first.lower() in MONTH_FULL and second.lower() in MONTH_FULL)
    measured = (prev in MEASURED_AFTER or MEASURE_AFTER.match(ctx.low, end_at) is not None
                or ctx.text[m.start() - 1 : m.start()] == "("
                or (prev in THE and prev_token(ctx.low, ctx.rlow, prev_tok(ctx.low, ctx.rlow, m.start())[1])
                    in MEASURED_AFTER))  # "in the Jan/Feb period"
    forward = (FORWARD_AFTER.match(ctx.low, end_at) or prev in MONTH_FORWARD
               or PRICE_AFTER.match(ctx.low, end_at) or (abbreviated and not measured))
    mode = "soon" if forward else "recent"
    end = Cand(m.start("mon2"), end_at, "month", y=y, m=b, mode="recent", resolved=resolved)
    return Cand(m.start(), end_at, "month", m=a, mode=mode, until=end, resolved=resolved)



def read_iso_date(m: re.Match, ctx: Ctx) -> Cand | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not valid_ymd(y, mo, d) or prev_word(ctx, m.start()) in NUM_BLOCK_BEFORE:
        return None
    return Cand(m.start(), m.end(), "day", y=y, m=mo, d=d)


def dm_order(a: int, b: int, sep: str, lang: str) -> tuple[int, int] | None:
    """(month, day) for two numbers: the one above 12 is the day; otherwise German and
    dotted dates are day-first, English slash/hyphen dates month-first."""
    if a > 12 and b > 12:
        return None
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    if lang == "de" or sep == ".":
        return b, a
    return a, b


def read_numeric_date(m: re.Match, ctx: Ctx) -> Cand | None:
    a, b = int(m.group("a")), int(m.group("b"))
    ys = m.group("y")
    y = int(ys) if len(ys) == 4 else year2(ys)
    order = dm_order(a, b, m.group("s"), ctx.lang)
    if order is None or prev_word(ctx, m.start()) in NUM_BLOCK_BEFORE:
        return None
    mo, d = order
    if not valid_ymd(y, mo, d):
        return None
    return Cand(m.start(), m.end(), "day", y=y, m=mo, d=d)


def read_numeric_month_year(m: re.Match, ctx: Ctx) -> Cand | None:
    mo_s = m.group("m")
    mo = int(mo_s)
    if not 1 <= mo <= 12 or (m.group("dot") and len(mo_s) != 2):
        return None
    if next_word(ctx, m.end()) in MONTH_YEAR_NOT_BEFORE or next_word(ctx, m.end()) in NOT_YEAR_AFTER:
        return None
    if prev_word(ctx, m.start()) in NUM_BLOCK_BEFORE:
        return None
    return Cand(m.start(), m.end(), "month", y=int(m.group("y")), m=mo)


def read_numeric_year_month(m: re.Match, ctx: Ctx) -> Cand | None:
    y, mo_s = int(m.group("y")), m.group("m")
    mo = int(mo_s)
    if not 1 <= mo <= 12:
        return None
    if len(mo_s) == 2 and y // 100 * 100 + mo > y:
        return None  # "2010-12" is the years 2010 to 2012
    if next_word(ctx, m.end()) in NOT_YEAR_AFTER | COUNT_AFTER:
        return None
    return Cand(m.start(), m.end(), "month", y=y, m=mo)


def read_numeric_day_month(m: re.Match, ctx: Ctx) -> Cand | None:
    a, b = int(m.group("a")), int(m.group("b"))
    text = ctx.text
    if text[m.start() : m.end()] in IDIOMS or text[m.start() : m.end() + 4] in IDIOMS:
        return None  # "24/7": around the clock
    if ctx.lang == "en" and m.group("s") == "." and prev_token(ctx.low, ctx.rlow, m.start()) not in WDPRE_WORDS:
        return None  # English "1.5" is a decimal (a dotted day-month only after a weekday)
    prev = prev_word(ctx, m.start())
    context = prev in DM_CONTEXT or prev in WEEKDAYS or prev in WEEKDAY_ABBR
    nxt = next_word(ctx, m.end())
    if nxt in NOT_YEAR_AFTER or nxt in DAY_MONTH_NOT_BEFORE:
        return None
    if m.group("h"):
        if prev not in DAY_MONTH_HYPHEN_AFTER and prev not in WEEKDAYS:
            return None
        sep = "-"
    elif m.group("s") == "/":
        if re.search(r"\d[\s\u00a0]$", text[max(0, m.start() - 2) : m.start()]):
            return None  # "6 1/4"
        if not (context or is_line_start(text, m.start())):
            return None
        sep = "/"
    else:
        sep = "."
        german_dot = m.group("dot") is not None and ctx.lang == "de"
        if not (german_dot or (context and (ctx.lang == "de" or prev in WEEKDAYS or prev in WEEKDAY_ABBR))):
            return None  # English "for 1.5" is a decimal
        if prev in NUM_BLOCK_BEFORE:
            return None
    order = dm_order(a, b, sep, ctx.lang)
    if order is None:
        return None
    mo, d = order
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Cand(m.start(), m.end(), "day", m=mo, d=d)
