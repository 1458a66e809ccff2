"""Readers of dates relative to the publication date: days ("yesterday", "heute"), periods
("last year", "im Vorjahr"), counts of units ("three years ago", "in 3 weeks", "the next two
months"), weekdays, weeks, holidays, the edges of a period ("Jahresende") and days of the
month alone ("on the 15th").
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates.calendars import holiday_day, holiday_interval
from factcheck.extract.dates.reading import (
    UNIT_MONTHS,
    add_months,
    monday_of,
    months_on,
    nearest_yearly,
    nth_weekday,
    part_by_tense,
    period_at,
    pick,
    third_of,
)
from factcheck.extract.dates.templates import LETTER, S1, s1_alt
from factcheck.extract.dates.tense import WORD_RX, tense_lean
from factcheck.extract.dates.text import (
    HOL_MOD_RE,
    WD_MOD_RE,
    Cand,
    Ctx,
    count_value,
    day_value,
    fixed_cand,
    month_ok,
    next_word,
    orig,
    prev_tok,
    prev_token,
    prev_word,
    valid_ymd,
)
from factcheck.extract.dates.today import present_at_large
from factcheck.extract.dates.words import (
    AGO_UNITS,
    ANAPHORIC,
    CAPITALS_ONLY,
    CARD_WORDS,
    CDUR_AFTER,
    DAYS_REL,
    DAYS_REL_LANG,
    DOM_AFTER,
    HOL_KEY,
    HOLIDAY_MODS,
    IN_UNITS_AFTER,
    IN_UNITS_LEFT_TO_AGO,
    IN_UNITS_NOT_AFTER,
    IN_UNITS_NOT_AFTER_ENDINGS,
    IN_UNITS_SPAN_BEFORE,
    LAST_AS_VERB,
    MONTHS,
    MORGEN_IDIOMS,
    NOT_HOLIDAY_BEFORE,
    NOT_WEEKDAY_BEFORE,
    NTH,
    NU_COUNT,
    NU_MAY_BE_VERB,
    NU_NEEDS_THE,
    NU_REL,
    NU_UNITS,
    ORD_WORDS,
    PART_NEEDS_OF,
    PART_NOT_AFTER,
    PERIOD_EDGES,
    PERIOD_PART_UNITS,
    PERIOD_PARTS,
    PERIOD_PARTS_AFTER,
    PRESENT_WORDS,
    PREV_PERIOD,
    REL_UNITS,
    REL_YEAR,
    RELATIVE_DAY_NOUN_AFTER,
    RELATIVE_DAY_NOUNS,
    RELATIVE_DAY_TITLE_AFTER,
    SCHEDULE_AFTER,
    SCHEDULE_BEFORE,
    SPELLED_YEARS,
    WEEK_AFTER_NEXT,
    WEEK_EDGES,
    WEEK_REL,
    WEEKDAY_MODS,
    WEEKDAYS,
    WEEKDAYS_LANG,
    norm,
    words,
)

THE = words("pattern_words.the")


def read_relative_day(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    word = orig(m, ctx, "w")
    key = norm(word)
    if key not in DAYS_REL_LANG[ctx.lang]:
        return None
    if key in PRESENT_WORDS and present_at_large(ctx, m.start(), m.end()):
        return None
    if ctx.cased and word[0].isupper() and m.start() > 0 and (
            prev_word(ctx, m.start()) in THE or next_word(ctx, m.end()) in RELATIVE_DAY_TITLE_AFTER):
        return None  # "the Today programme": a title
    if key in RELATIVE_DAY_NOUNS:
        if ctx.cased and word[0].isupper():
            return None  # "Morgen" is the morning
        pw = prev_word(ctx, m.start())
        if pw in RELATIVE_DAY_NOUN_AFTER:
            return None  # "heute Morgen", "guten Morgen"
        low, rlow = ctx.low, ctx.rlow
        if f"{prev_token(low, rlow, prev_tok(low, rlow, m.start())[1])} {pw} {key}" in MORGEN_IDIOMS:
            return None  # "lieber heute als morgen", "von heute auf morgen"
    ds = ctx.pubdate + dt.timedelta(days=DAYS_REL[key])
    return fixed_cand(m.start(), m.end(), "day", ds, ds + dt.timedelta(days=1))


def read_relative_period(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    rel = norm(m.group("rel"))
    gran = REL_UNITS[m.group("unit").lower()]
    ds, de = period_at(gran, ctx.pubdate, REL_YEAR[rel])
    start = m.start()
    c = fixed_cand(start, m.end(), gran, ds, de)
    if rel in ANAPHORIC:
        c.back = 1
    return c


def read_previous_period(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    word = m.group("w").lower()
    gran, offset = PREV_PERIOD[word]  # Austrian "heuer": this year
    ds, de = period_at(gran, ctx.pubdate, offset)
    c = fixed_cand(m.start(), m.end(), gran, ds, de)
    if offset < 0:
        c.back = 1  # "2015 ... nach 2,8 Milliarden im Vorjahr": 2014
    return c


def read_units_ago(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    n = count_value(m.group("n"))
    if not n:
        return None
    unit = AGO_UNITS[m.group("u").lower()]
    pub = ctx.pubdate
    if unit in ("day", "week"):
        ds = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return fixed_cand(m.start(), m.end(), "day", ds, ds + dt.timedelta(days=1))
    if unit == "month":  # the same day n months back (the last day of a shorter month)
        ds = months_on(pub, -n)
        return fixed_cand(m.start(), m.end(), "day", ds, ds + dt.timedelta(days=1))
    y = pub.year - n
    if y < 1:
        return None
    return fixed_cand(m.start(), m.end(), "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


# a weekday of a schedule (see [weekday_schedules]): "every Friday", "jeden ersten Sonntag",
# "the third Friday of every month"
_ORDINALS = s1_alt(w for w, n in NTH.items() if n > 0)
SCHEDULE_BEFORE_RE = re.compile(rf"(?<!{LETTER}){s1_alt(SCHEDULE_BEFORE)}{S1}(?:{_ORDINALS}{S1})?\Z")
SCHEDULE_AFTER_RE = re.compile(rf"{S1}{s1_alt(SCHEDULE_AFTER)}(?!{LETTER})") if SCHEDULE_AFTER else None


def read_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    mm = WD_MOD_RE.search(ctx.low, max(0, m.start() - 20), m.start())
    mod = WEEKDAY_MODS[norm(mm.group("mod"))] if mm else ""  # see [weekday_modifiers]
    start = mm.start() if mm else m.start()
    if prev_word(ctx, start) in NOT_WEEKDAY_BEFORE:
        return None
    if prev_word(ctx, m.start()) in NOT_WEEKDAY_BEFORE:
        return None
    if SCHEDULE_BEFORE_RE.search(ctx.low, max(0, m.start() - 40), m.start()) or (
            SCHEDULE_AFTER_RE is not None and SCHEDULE_AFTER_RE.match(ctx.low, m.end())):
        return None  # a schedule names no one day
    if m.group("wd").lower() not in WEEKDAYS_LANG[ctx.lang]:
        return None  # "The Independent on Sunday" in a German article
    wd = WEEKDAYS[m.group("wd").lower()]
    pub = ctx.pubdate
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mod == "last":
        day = pub - dt.timedelta(days=back or 7)
    elif mod == "next_week" and ctx.lang == "en":  # in an English article
        monday_next = pub + dt.timedelta(days=7 - pub.weekday())
        day = monday_next + dt.timedelta(days=wd)
    elif mod in ("next_week", "coming", "this"):
        day = pub + dt.timedelta(days=fwd if mod == "this" else fwd or 7)
    else:
        lean = tense_lean(ctx, start, m.end(), weekly=True)[0]
        forward = lean > 0 or (lean == 0 and fwd < back)
        day = pub + dt.timedelta(days=fwd) if forward else pub - dt.timedelta(days=back)
    span_start = m.start() if mod in ("at", "") else start
    return fixed_cand(span_start, m.end(), "day", day, day + dt.timedelta(days=1))


def read_weekday_day(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    if m.group("dn") or m.group("dn2"):
        day = int(m.group("dn") or m.group("dn2"))
    else:
        day = ORD_WORDS.get(norm(m.group("dw") or m.group("dw2"))) or CARD_WORDS.get(
            norm(m.group("dw") or m.group("dw2")))
    if not day or not 1 <= day <= 31:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    pub = ctx.pubdate
    options = []
    for k in (-1, 0, 1):
        first = add_months(dt.date(pub.year, pub.month, 1), k)
        if valid_ymd(first.year, first.month, day):
            cand = first.replace(day=day)
            options.append((cand.weekday() != wd, abs((cand - pub).days), cand))
    if not options:
        return None
    match_wd = [o[2] for o in options if not o[0]]
    day_date = min(options)[2] if match_wd else pick([o[2] for o in options], pub,
                                                     lambda: tense_lean(ctx, m.start(), m.end(), weekly=True))
    c = fixed_cand(m.start(), m.end(), "day", day_date, day_date + dt.timedelta(days=1))
    c.guessed = True  # "Tuesday 19th": the month and year are ours
    return c


def read_weekday_of_week(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    rel = norm(m.group("rel"))
    wd = WEEKDAYS[m.group("wd").lower()]
    day = monday_of(ctx.pubdate) + dt.timedelta(days=7 * REL_YEAR[rel] + wd)
    return fixed_cand(m.start(), m.end(), "day", day, day + dt.timedelta(days=1))


def read_nth_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    n = NTH[m.group("o").lower()]
    wd = WEEKDAYS[m.group("wd").lower()]
    if m.group("mon"):
        if not month_ok(orig(m, ctx, "mon"), ctx):
            return None
        month = MONTHS[m.group("mon")]
        if m.group("y"):
            d = nth_weekday(int(m.group("y")), month, wd, n)
            if d is None:
                return None
            c = fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
            c.resolved = False
            return c
        if ctx.pubdate is None:
            return None
        got = nearest_yearly(ctx.pubdate, "nearest", lambda y: nth_weekday(y, month, wd, n),
                              lambda: tense_lean(ctx, m.start(), m.end()))
    else:
        if ctx.pubdate is None:
            return None
        off = REL_YEAR[norm(m.group("rel"))] if m.group("rel") else 0
        first = add_months(dt.date(ctx.pubdate.year, ctx.pubdate.month, 1), off)
        d = nth_weekday(first.year, first.month, wd, n)
        got = (d, True) if d else None
    if got is None:
        return None
    c = fixed_cand(m.start(), m.end(), "day", got[0], got[0] + dt.timedelta(days=1))
    c.guessed = bool(m.group("mon"))  # "the first Monday of March": the nearest March
    return c


def read_holiday(m: re.Match, ctx: Ctx) -> Cand | None:
    word = orig(m, ctx, "hol")
    if ctx.cased and word.islower():
        return None  # "easter egg" style lower-case uses are not the holiday
    name = HOL_KEY.get(re.sub(r"[\s\u00a0-]+", " ", word.lower()).replace("\u2019", "'"))
    if name is None or prev_word(ctx, m.start()) in NOT_HOLIDAY_BEFORE:
        return None
    mm = None
    if m.group("y") or m.group("ys"):
        y = int(m.group("y")) if m.group("y") else SPELLED_YEARS[norm(m.group("ys"))]
        iv = holiday_interval(name, y)
        if iv is None:
            return None
        c = fixed_cand(m.start(), m.end(), "day", *iv)
        c.resolved = False
        return c
    if ctx.pubdate is None:
        return None
    if m.group("ry"):
        d = holiday_day(name, ctx.pubdate.year + REL_YEAR[norm(m.group("ry"))])
        got = (d, True) if d else None
    else:
        mm = HOL_MOD_RE.search(ctx.low, max(0, m.start() - 10), m.start())
        mode = HOLIDAY_MODS[norm(mm.group("mod"))] if mm else "nearest"
        got = nearest_yearly(ctx.pubdate, mode, lambda y: holiday_day(name, y),
                             lambda: tense_lean(ctx, m.start(), m.end()))
    if got is None:
        return None
    start = mm.start() if mm else m.start()
    iv = holiday_interval(name, got[0].year)
    if iv is None or iv[0] != got[0]:
        iv = (got[0], got[0] + dt.timedelta(days=1))
    c = fixed_cand(start, m.end(), "day", *iv)
    c.guessed = mm is None and not m.group("ry")  # "at Christmas"; not "last Christmas"
    return c


def verb_tense(ctx: Ctx, start: int, end: int) -> int:
    """The direction a verb of the date's clause gives (see `tense_lean`), or 0: not the forward
    reading of a date standing alone ("beginning of year" as a query is the whole first third)."""
    direction, window = tense_lean(ctx, start, end)
    return direction if window else 0


def period_of(gran: str, pub: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """The period of a granularity `offset` periods from the publication date's ("this week")."""
    if gran == "week":
        ds = monday_of(pub) + dt.timedelta(days=7 * offset)
        return ds, ds + dt.timedelta(days=7)
    return period_at(gran, pub, offset)


def read_period_edge(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    w = norm(m.group("w"))
    gran, part = PERIOD_EDGES[w]
    if w in CAPITALS_ONLY and not orig(m, ctx, "w").isupper():
        return None  # "EOY", "BOM" only as capitals ("boy" is a word)
    pub = ctx.pubdate
    ds, de = period_of(gran, pub, 0)
    if part == "rest":  # "the rest of the year"
        return fixed_cand(m.start(), m.end(), "day", pub, de)
    ds, de, g2 = third_of(gran, ds, de, part)
    if ds <= pub < de:  # "the end of the month" on the 25th: from then or up to then, as the tense says
        ds, de = part_by_tense(ds, de, pub, verb_tense(ctx, m.start(), m.end())) or (ds, de)
    return fixed_cand(m.start(), m.end(), g2, ds, de)


def part_of_period(ctx: Ctx, start: int, end: int, gran: str, offset: int, part: str | int) -> Cand | None:
    """A part of a period named relative to the publication date: before or after the
    publication day in the current period ("earlier this year", "this month so far"), or a
    third of any ("early next year", "Ende dieses Jahres"), cut at the publication day by the
    tense of its clause when it holds that day (see [period_parts]). The part keeps the
    granularity of its period, as "this year" had it: only the interval narrows."""
    pub = ctx.pubdate
    if pub is None:
        return None
    ds, de = period_of(gran, pub, offset)
    if part in ("before", "after"):
        if offset:
            return None  # "earlier next year": left to "next year"
        return fixed_cand(start, end, gran, *((ds, pub + dt.timedelta(days=1)) if part == "before" else (pub, de)))
    if gran not in ("year", "month", "week"):
        return None  # thirds of a quarter are not read
    ds, de, _ = third_of(gran, ds, de, int(part))
    cut = part_by_tense(ds, de, pub, verb_tense(ctx, start, end)) if ds <= pub < de else None
    return fixed_cand(start, end, gran, *(cut or (ds, de)))


def read_period_part(m: re.Match, ctx: Ctx) -> Cand | None:
    if prev_word(ctx, m.start()) in PART_NOT_AFTER:
        return None  # "as early as next year"
    if norm(m.group("part")) in PART_NEEDS_OF and not m.group("of"):
        return None  # "will start this year", "the end next year": a verb, or no part
    rel = norm(m.group("rel")) if m.group("rel") else ""
    if rel in ANAPHORIC:
        return None  # "the end of the previous year": left to "the previous year"
    unit, part = PERIOD_PART_UNITS[norm(m.group("unit"))], PERIOD_PARTS[norm(m.group("part"))]
    return part_of_period(ctx, m.start(), m.end(), unit, REL_YEAR[rel] if rel else 0, part)


def read_period_part_after(m: re.Match, ctx: Ctx) -> Cand | None:
    rel = norm(m.group("rel"))
    if rel in ANAPHORIC:
        return None
    return part_of_period(ctx, m.start(), m.end(), PERIOD_PART_UNITS[norm(m.group("unit"))], REL_YEAR[rel],
                          PERIOD_PARTS_AFTER[norm(m.group("part"))])


def read_day_of_month(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    text = ctx.text
    dn = m.group("dn")
    if dn:
        day = int(dn)
        if m.group("am") and not text[m.end("dn") : m.end()]:
            return None  # German "am 15" needs the ordinal dot or suffix
    else:
        day = ORD_WORDS.get(norm(m.group("dw")), 0)
    if not 1 <= day <= 31:
        return None
    after = text[m.end() : m.end() + 40]
    nm = re.match(r"[\s\u00a0]*(" + LETTER + r"+)", after)
    if nm:
        word = nm.group(1)
        if word.lower() not in DOM_AFTER or (ctx.lang == "de" and ctx.cased and word[0].isupper()):
            return None
    elif re.match(r"[\s\u00a0]*[\d%$€£]|[-/\w]", after):
        return None  # "the 10-warhead missile", "for the 27 people"
    pub = ctx.pubdate
    options = []
    for k in (-1, 0, 1):
        first = add_months(dt.date(pub.year, pub.month, 1), k)
        if valid_ymd(first.year, first.month, day):
            options.append(first.replace(day=day))
    d = pick(options, pub, lambda: tense_lean(ctx, m.start(), m.end(), weekly=True))
    if d is None:
        return None
    start = m.start("dn") if dn else m.start("dw")
    if m.group("pre"):
        start = m.start() + len(m.group("pre")) + 1
        for article in THE:  # from the article on: "on [the 15th]"
            if article in text[start : m.end()]:
                start = text.index(article, start, m.end())
                break
    c = fixed_cand(start, m.end(), "day", d, d + dt.timedelta(days=1))
    c.guessed = True  # "on the 15th": the month and year are ours
    return c


def read_next_units(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    if norm(m.group("rel")) in NU_NEEDS_THE and not ctx.low[m.start() : m.start("rel")].strip():
        return None  # "following six years at Anfield": "the following three years" only
    if (norm(m.group("rel")) in NU_MAY_BE_VERB and m.start("rel") == m.start()
            and prev_word(ctx, m.start()) in LAST_AS_VERB):
        return None  # "expected to last two months": how long, not which months
    back = NU_REL[norm(m.group("rel"))] < 0
    n = count_value(m.group("n")) if m.group("n").isdigit() else NU_COUNT.get(norm(m.group("n")))
    unit = NU_UNITS[norm(m.group("u"))]
    if not n or n > 99:
        return None
    pub = ctx.pubdate
    if unit == "day":
        ds = pub - dt.timedelta(days=n) if back else pub + dt.timedelta(days=1)
        return fixed_cand(m.start(), m.end(), "day", ds, ds + dt.timedelta(days=n))
    if unit == "week":
        mon = monday_of(pub)
        ds = mon - dt.timedelta(days=7 * n) if back else mon + dt.timedelta(days=7)
        return fixed_cand(m.start(), m.end(), "week", ds, ds + dt.timedelta(days=7 * n))
    size = UNIT_MONTHS[unit]
    gran = {"month": "month", "quarter": "quarter", "year": "year", "decade": "year"}[unit]
    cur = period_at("decade" if unit == "decade" else unit, pub, 0)[0]
    ds = add_months(cur, -size * n) if back else add_months(cur, size)
    c = fixed_cand(m.start(), m.end(), gran, ds, add_months(ds, size * n))
    if norm(m.group("rel")) in ANAPHORIC and unit != "decade":
        c.back = n
    return c


def read_in_units(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    pin, post = m.group("pin"), norm(m.group("post") or "")
    if not pin and not post:
        return None
    if pin and pin.lower().startswith(IN_UNITS_SPAN_BEFORE):
        return None  # "within 2 weeks" is a span up to then, not a date
    if pin and not post:
        before = WORD_RX.findall(ctx.low[max(0, m.start() - 40) : m.start()])[-4:]
        if any(w.endswith(IN_UNITS_NOT_AFTER_ENDINGS) or w in IN_UNITS_NOT_AFTER for w in before):
            return None  # "the biggest slide in a month": a span, not a date
    n = count_value(m.group("n")) if m.group("n").isdigit() else NU_COUNT.get(norm(m.group("n")))
    if not n:
        return None
    shift, sign, to_the_day = IN_UNITS_AFTER.get(post, (0, 1, False))  # see [in_units.after]
    base = ctx.pubdate + dt.timedelta(days=shift)
    if post in IN_UNITS_LEFT_TO_AGO and not m.group("wd"):
        return None  # "3 weeks ago": the family units_ago
    if m.group("wd"):  # "3 fridays from now": the third Friday after (before) today
        wd = WEEKDAYS[m.group("wd").lower()]
        step = (wd - base.weekday()) % 7 or 7 if sign > 0 else (base.weekday() - wd) % 7 or 7
        d = base + dt.timedelta(days=sign * (step + 7 * (n - 1)))
        return fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
    unit = NU_UNITS[norm(m.group("u"))]
    if unit in ("day", "week"):
        d = base + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
    months = sign * n * UNIT_MONTHS[unit]
    first = add_months(dt.date(base.year, base.month, 1), months)
    if to_the_day:  # "2 years from today"
        d = months_on(base, months)
        return fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
    if unit == "month":
        return fixed_cand(m.start(), m.end(), "month", first, add_months(first, 1))
    y = first.year
    return fixed_cand(m.start(), m.end(), "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def read_relative_week(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    off = WEEK_AFTER_NEXT[norm(m.group("after"))] if m.group("after") else WEEK_REL[norm(m.group("rel"))]
    ds = monday_of(ctx.pubdate) + dt.timedelta(days=7 * off)
    de = ds + dt.timedelta(days=7)
    gran = "week"
    pos = (m.group("pos") or "").lower()
    if pos:
        ds, de, gran = third_of("week", ds, de, WEEK_EDGES[pos])
        cut = part_by_tense(ds, de, ctx.pubdate, verb_tense(ctx, m.start(), m.end()))
        if cut is not None:  # "by the end of this week", published on a Friday: from that day
            ds, de = cut
    return fixed_cand(m.start(), m.end(), gran, ds, de)


def read_day_of_relative_month(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    day = day_value(m, "dn", "dw")
    if day is None:
        return None
    first = add_months(dt.date(ctx.pubdate.year, ctx.pubdate.month, 1), REL_YEAR[norm(m.group("rel"))])
    if not valid_ymd(first.year, first.month, day):
        return None
    d = first.replace(day=day)
    return fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))


def read_compound_duration(m: re.Match, ctx: Ctx) -> Cand | None:
    if ctx.pubdate is None:
        return None
    if prev_word(ctx, m.start()) in NU_REL:
        return None  # "the last 3 months and 2 days ago": the first count is the next_units'
    sign = CDUR_AFTER[norm(m.group("post"))]
    d = ctx.pubdate
    for ng, ug in (("n1", "u1"), ("n2", "u2")):
        n = count_value(m.group(ng)) if m.group(ng).isdigit() else NU_COUNT.get(norm(m.group(ng)))
        if not n:
            return None
        unit = NU_UNITS[norm(m.group(ug))]
        if unit in ("day", "week"):
            d += dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        else:
            d = months_on(d, sign * n * UNIT_MONTHS[unit])
    return fixed_cand(m.start(), m.end(), "day", d, d + dt.timedelta(days=1))
