"""Dates read from other dates: a period that "ended" on a day ("the third quarter ended
January 31"), a part of a period ("the first nine months of 1986"), and dates that point back
to the period their sentence named last ("a year earlier", "the previous month", "the same
quarter of 1986"), with the readers of the families that point back.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates.reading import UNIT_MONTHS, add_months, months_on, nearest_year
from factcheck.extract.dates.templates import PERCENT, s1_alt
from factcheck.extract.dates.tense import tense_lean
from factcheck.extract.dates.text import Cand, Ctx, count_value, fixed_cand, next_word, valid_ymd
from factcheck.extract.dates.words import (
    COUNT_WORDS,
    PART,
    PART_SINGULAR,
    PART_UNITS,
    PERIOD_ENDED,
    REACH,
    SAME_AFTER_AGO,
    SAME_NOT_BEFORE,
    SAME_NOUNS,
    SAME_RELATIVE_AGO,
    SHIFT_THEN,
    SHIFT_UNITS,
    YEAR_AGO_NOUNS,
    words,
)
from factcheck.extract.sentences import sentence_bounds
from factcheck.spans import DateSpan

ENDED_RE = re.compile(r"[\s\u00a0]{1,3}(?:" + "|".join(sorted(PERIOD_ENDED)) + r")[\s\u00a0]{1,3}",
                       re.IGNORECASE)


NO_DATE = (dt.date(1, 1, 1), dt.date(1, 1, 2))  # a shift's interval until `reanchor` moves its anchor


def read_units_earlier(m: re.Match, ctx: Ctx) -> Cand | None:
    n = count_value(m.group("n"))
    if not n:
        return None
    nxt = next_word(ctx, m.end())
    if nxt and nxt not in SHIFT_THEN and ctx.text[m.end() : m.end() + 1] not in ",;:)":
        return None  # "two years before the war", "a day earlier than planned"
    c = fixed_cand(m.start(), m.end(), "day", *NO_DATE)
    c.resolved = False
    c.shift = (n, SHIFT_UNITS[m.group("u").lower()])
    return c


def read_same_period(m: re.Match, ctx: Ctx) -> Cand | None:
    rel, post = (m.group("rel") or "").lower(), (m.group("post") or "").lower()
    if rel and (rel in SAME_RELATIVE_AGO) != (post in SAME_AFTER_AGO):
        return None  # "last ago", "a year year"
    if next_word(ctx, m.end()) in SAME_NOT_BEFORE:
        return None  # "the same month a year earlier than expected"
    if m.group("y"):  # with no period named before it: that year
        y = int(m.group("y"))
        c = Cand(m.start(), m.end(), "year", y=y, to_year=y, keep=True)
    elif ctx.pubdate is not None:  # with no period named before it: last year
        y = ctx.pubdate.year - 1
        c = fixed_cand(m.start(), m.end(), "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
        c.shift, c.keep = (1, "year"), True
    else:
        c = fixed_cand(m.start(), m.end(), "year", *NO_DATE)
        c.shift, c.resolved = (1, "year"), False
    c.like = SAME_NOUNS[m.group("w").lower()]
    return c


def read_year_ago(m: re.Match, ctx: Ctx) -> Cand | None:
    c = fixed_cand(m.start(), m.end(), "day", *NO_DATE)
    c.resolved = False
    c.shift = (1, m.group("u").lower())
    c.like = YEAR_AGO_NOUNS[m.group("w").lower()]
    return c


def read_of_the_year(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the year" of "the first two months of the year": a year to take a part of, chosen in
    `parts_of_periods` (no date on its own: "the person of the year")."""
    p = PART_RX.match(ctx.rlow, len(ctx.low) - m.start())
    if p is None or p.group("part") is None:
        return None
    return Cand(m.start(), m.end(), "year", mode="nearest")  # a guess: see `part_of_the_year`


GRAN_RANK = {g: i for i, g in enumerate(("day", "week", "month", "quarter", "half", "season", "year", "decade"))}
# a wire dateline, "SÃO PAULO, March 2 -": when the story was filed, not what it measures
DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\W\d_](?:[^\W\d_]|[.'&\- ]){0,40},(?:(?:[^\W\d_]|[. ]){0,20},)?[ \t]*\Z")
DATELINE_AFTER = re.compile(r"[ \t]*[-\u2013\u2014](?:[ \t]|\n|\Z)")


def moved(a: DateSpan, n: int, unit: str) -> tuple[dt.date, dt.date] | None:
    """The interval of date `a` moved back n units, as long as it was; None when the unit is
    finer than the date ("in 1986 ... a day earlier" names no day)."""
    ds, de = a.date_start, a.date_end
    whole = ds.day == 1 and de.day == 1  # whole months: "February", "the fourth quarter", "1986"
    length = (de.year - ds.year) * 12 + de.month - ds.month
    if GRAN_RANK[unit] < GRAN_RANK.get(a.granularity, 0) and not (
            unit in UNIT_MONTHS and whole and length and n * UNIT_MONTHS[unit] % length == 0):
        return None  # but "in 1986 ... 12 months earlier" is 1985
    if unit in ("day", "week"):
        delta = dt.timedelta(days=n * (7 if unit == "week" else 1))
        return a.date_start - delta, a.date_end - delta
    months = n * UNIT_MONTHS[unit]
    if whole:
        start = add_months(ds, -months)
        return start, add_months(start, length)
    start = months_on(ds, -months)  # days: the same day, or the month's last
    return start, start + (de - ds)




def periods_ended(spans: list[DateSpan | None], cands: list[Cand], text: str) -> list[DateSpan | None]:
    """A quarter, half or fiscal year followed by the day it ended ("the third quarter ended
    January 31") is the months up to that day, November to January."""
    out = list(spans)
    for i in range(len(cands) - 1):
        months = cands[i].family.ended_months
        p, d = out[i], out[i + 1]
        if not (months and p is not None and d is not None and d.granularity == "day" and cands[i].until is None
                and ENDED_RE.fullmatch(text, p.end, d.start)):
            continue
        end, resolved, guessed = d.date_end, d.resolved, d.guessed
        if d.resolved and not p.resolved:  # "fiscal 1986 ended June 30": the period gives the year
            day = d.date_start
            if months == 12:
                years = [p.date_start.year]  # fiscal 1986 ends in 1986
            else:  # a quarter ends near the calendar quarter of its name
                years = sorted((p.date_end.year - 1, p.date_end.year),
                               key=lambda y: abs((dt.date(y, day.month, min(day.day, 28)) - p.date_end).days))
            if not valid_ymd(years[0], day.month, day.day):
                continue
            end, resolved, guessed = dt.date(years[0], day.month, day.day) + dt.timedelta(days=1), False, False
            out[i + 1] = DateSpan(d.start, d.end, end - dt.timedelta(days=1), end, "day", False, False)
        out[i] = DateSpan(p.start, p.end, months_up_to(end, months), end, p.granularity, resolved, guessed)
        cands[i + 1].ends = True
    return out


def part_rx() -> re.Pattern:
    """The words before a period that make it a part of it, read backwards from the period's
    start on the reversed text (one match per date, nothing searched): group `part` for "the
    first nine months of", group `upto` for "the six months to", "nine months ended"."""
    part = PART

    def rev(words) -> str:
        return "|".join(sorted((re.escape(w.lower()[::-1]) for w in words), key=lambda w: (-len(w), w)))

    s = r"[\s\u00a0]+"
    # a count of one or two digits that is the whole number ("100 days" is no count of "00")
    count = rf"(?:{s}(?P<{{g}}>\d{{{{1,2}}}}(?![\d.,])|{rev(w for w, v in COUNT_WORDS.items() if v)}))?"
    units = rev(PART_UNITS)
    return re.compile(
        rf"(?P<part>{s}(?:(?:{rev(part['of'])}){s})?(?P<unit>{units}){count.format(g='n')}{s}"
        rf"(?P<edge>{rev(part['first'] | part['last'])})(?:{s}(?:{rev(part['before'])}))?)(?![^\W\d_])"
        rf"|(?P<upto>{s}(?:(?P<ended>{rev(part['ended'])})|(?P<to>{rev(part['to'])})){s}(?P<unit2>{units})"
        rf"{count.format(g='n2')}(?P<the>{s}(?:{rev(part['before'])}))?)(?![^\W\d_])"
    )


PART_RX = part_rx()
PART_LAST = PART["last"]
PART_OF_GRANS = ("year", "half", "quarter", "month")


def months_up_to(end: dt.date, months: int) -> dt.date:
    """The first day of the `months` months that end the day before `end` ("ended May 30":
    from March 1, as there is no February 31st to start on)."""
    first = add_months(dt.date(end.year, end.month, 1), -months)
    last = (add_months(first, 1) - dt.timedelta(days=1)).day
    return first.replace(day=end.day) if end.day <= last else add_months(first, 1)


def whole_weeks(first: dt.date, end: dt.date) -> list[dt.date]:
    """The Mondays of the weeks wholly inside [first, end), a month at most."""
    mondays = [first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * k) for k in range(5)]
    return [d for d in mondays if d + dt.timedelta(days=7) <= end]


def week_of(ps: dt.date, pe: dt.date, from_end: bool, gran: str) -> tuple[dt.date, dt.date] | None:
    """"The first/last week of" a period: in a month the first/last week wholly inside it (as
    "the first week of March" is read), in a longer period the calendar week with most of its
    days in it (ISO's week 1 of a year: "the first week of 2015" starts December 29)."""
    if gran == "month":
        mondays = whole_weeks(ps, pe)
        if not mondays:
            return None
        day = mondays[-1 if from_end else 0]
    else:
        day = pe - dt.timedelta(days=4) if from_end else ps + dt.timedelta(days=3)
        day -= dt.timedelta(days=day.weekday())
    return day, day + dt.timedelta(days=7)


def part_interval(m: re.Match, s: DateSpan) -> tuple[dt.date, dt.date, str] | None:
    """The interval and granularity a `PART_RX` match makes of span `s`, or None."""
    if m.group("part") is not None:
        if s.granularity not in PART_OF_GRANS:
            return None
        word, n = m.group("unit")[::-1], m.group("n")
        from_end = m.group("edge")[::-1] in PART_LAST
    else:
        if s.granularity not in ("day", "month") or (m.group("to") and not m.group("the")):
            return None  # "postponed by two weeks to March 3": a day
        word, n, from_end = m.group("unit2")[::-1], m.group("n2"), True
    if not n and word not in PART_SINGULAR:
        return None  # "the last months of 2004": how many is not said
    unit = PART_UNITS[word]
    k = count_value(n[::-1]) if n else 1
    if not k:
        return None
    ps, pe = s.date_start, s.date_end
    if m.group("upto") is not None:  # the period ends with the day (or month) named
        ps = months_up_to(pe, k) if unit == "month" else pe - dt.timedelta(days=k * (7 if unit == "week" else 1))
        return ps, pe, unit
    if unit == "week" and not n:
        week = week_of(ps, pe, from_end, s.granularity)
        if week is None or not ps <= week[0] + dt.timedelta(days=3) < pe:
            return None
        return week[0], week[1], unit
    if unit == "month":
        part = (add_months(pe, -k), pe) if from_end else (ps, add_months(ps, k))
    else:
        days = dt.timedelta(days=k * (7 if unit == "week" else 1))
        part = (pe - days, pe) if from_end else (ps, ps + days)
    if not (ps <= part[0] and part[1] <= pe):
        return None  # more than the period holds: "the first 14 months of 1986"
    return part[0], part[1], unit


def part_of_the_year(m: re.Match, s: DateSpan, ctx: Ctx) -> tuple[dt.date, dt.date, str] | None:
    """A part of "the year" (see `read_of_the_year`): in the year that puts the part nearest the
    publication date, or where the tense says ("the final three months of the year" in March:
    last year's)."""
    def part_in(y: int) -> tuple[dt.date, dt.date, str] | None:
        return part_interval(m, DateSpan(s.start, s.end, dt.date(y, 1, 1), dt.date(y + 1, 1, 1), "year", True, True))

    assert ctx.pubdate is not None  # a year-less candidate has no span without one
    if part_in(ctx.pubdate.year) is None:
        return None
    start = len(ctx.low) - m.end()  # the tense is read around the whole mention
    y = nearest_year(lambda y: part_in(y)[:2], ctx.pubdate, lambda: tense_lean(ctx, start, s.end))  # type: ignore[index]
    return part_in(y)


def parts_of_periods(spans: list[DateSpan | None], cands: list[Cand], ctx: Ctx) -> list[DateSpan | None]:
    """"The first nine months of 1986" is January to September, "the last two weeks of March"
    its last fourteen days, "nine months ended Sept 30" and "the six months to March 31" the
    months up to that day: one mention each, in place of the period or day alone."""
    out = list(spans)
    n = len(ctx.low)
    for i, s in enumerate(spans):
        if s is None or cands[i].until is not None:
            continue
        m = PART_RX.match(ctx.rlow, n - s.start)
        of_the_year = cands[i].family.year_of_a_part  # matched a part in `read_of_the_year`: m is not None
        if m is None:
            continue
        try:
            got = part_of_the_year(m, s, ctx) if of_the_year else part_interval(m, s)
        except (ValueError, OverflowError):  # a part that would leave years 1-9999
            got = None
        if got is None:
            if of_the_year:
                out[i] = None
            continue
        start = n - m.end()
        # the dates read in the part's words give way to it: "the last two weeks" of "the
        # last two weeks of 1986", "in 12 months" of "in 12 months ended December 1986"
        # (spans are sorted and apart, so none of them reaches into the period itself)
        inside = []
        for j in range(i - 1, -1, -1):
            o = out[j]
            if o is None:
                continue
            if o.end <= start:
                break
            inside.append(j)
        for j in inside:
            out[j] = None
        out[i] = DateSpan(start, s.end, got[0], got[1], got[2], s.resolved, s.guessed)
    return out


def reanchor(spans: list[DateSpan | None], cands: list[Cand], text: str) -> list[DateSpan | None]:
    """Dates read from the period their sentence named last: "the previous year", "the prior
    three months" count back from it at their granularity ("1986 profit rose ... from 35.1
    mln the previous year": 1985) and from the publication date only when there is none;
    "a year earlier" is that period moved back ("in February ... a year earlier": February
    1986), and no date when the sentence names none ("a year earlier" in a story of 1987
    need not be 1986); "the same period of 2003" is that period in 2003, or 2003 alone."""
    out = list(spans)
    for i, c in enumerate(cands):
        if (c.back or c.shift or c.to_year) and out[i] is not None:
            try:
                out[i] = reanchored(out, cands, i, text)
            except (ValueError, OverflowError):  # moved back past year 1
                out[i] = out[i] if c.back or c.keep else None
    return out


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos starts, looking back at most about `REACH` characters
    (the project's sentence rules, run on that stretch only: a text of one endless sentence
    costs the same per date)."""
    lo = max(0, pos - REACH)
    nl = text.rfind("\n", max(0, lo - 120), lo)
    pad = ""
    if nl != -1 or lo == 0:
        lo = nl + 1  # from a line start: the rules read whole lines (headlines, datelines)
    else:
        pad = "x" * 60  # the rest of a long line is no short line
    rel = len(pad) + pos - lo
    starts = [a for a, _ in sentence_bounds(pad + text[lo : pos + 40]) if a <= rel]  # a break needs
    return lo + max(0, starts[-1] - len(pad)) if starts else pos  # what follows it: a capital, a word


# a period named in an aside on the one before it, which the sentence does not go on about
AFTER_A_RX = re.compile(r"\b" + s1_alt(words("pattern_words.aside")) + r"[\s\u00a0]+"
                        + s1_alt(words("pattern_words.aside_article"))
                        + r"[\s\u00a0]+(?:[^\W\d_]+[\s\u00a0]+)?\d[\d.,/-]*"
                        r"[\s\u00a0]*(?:" + PERCENT + r"|%)?[^,.;:()\n\d]{0,16}\Z", re.IGNORECASE)


def enclosing(a: DateSpan, gran: str) -> dt.date | None:
    """The first day of the one period of granularity `gran` that holds a shorter period `a`
    ("the end of last year" is of 1986: "from ... the previous year" is 1985), or None."""
    if gran == "week":
        start = a.date_start - dt.timedelta(days=a.date_start.weekday())
        end = start + dt.timedelta(days=7)
    elif gran in UNIT_MONTHS:
        size = UNIT_MONTHS[gran]
        idx = (a.date_start.year * 12 + a.date_start.month - 1) // size * size
        start = dt.date(idx // 12, idx % 12 + 1, 1)
        end = add_months(start, size)
    else:
        return None
    return start if a.date_end <= end and (a.date_start, a.date_end) != (start, end) else None


def reanchored(out: list[DateSpan | None], cands: list[Cand], i: int, text: str) -> DateSpan | None:
    c, s = cands[i], out[i]
    assert s is not None
    lo = max(sentence_start(text, s.start), s.start - REACH)  # in text order: look back this far only
    nearest = None
    for j in range(i - 1, -1, -1):
        if cands[j].end <= lo:
            break
        a = out[j]
        if (a is None or cands[j].back or cands[j].shift or cands[j].to_year or cands[j].ends
                or not cands[j].family.named_period):
            continue  # "Today it reported 1986 earnings, down from ... a year before": when it
            # was said, not what was measured
        if a.start < lo or (DATELINE_AFTER.match(text, a.end)
                            and DATELINE_BEFORE.search(text, max(0, a.start - 70), a.start)):
            continue
        if AFTER_A_RX.search(text, max(lo, a.start - 48), a.start):
            continue  # "rose in February, after a 5.0 pct January rise, and ... a year earlier"
        if c.shift or c.to_year:
            if c.like is None or a.granularity == c.like:
                nearest = a
                break
            nearest = nearest or a
            continue
        base = a.date_start if a.granularity == s.granularity else enclosing(a, s.granularity)
        if base is None:
            continue
        if s.granularity == "week":
            ds = base - dt.timedelta(days=7 * c.back)
        elif s.granularity in UNIT_MONTHS:
            ds = add_months(dt.date(base.year, base.month, 1), -UNIT_MONTHS[s.granularity] * c.back)
        else:
            break
        return DateSpan(s.start, s.end, ds, base, s.granularity, a.resolved, a.guessed)
    if c.back:
        return s
    if nearest is None:
        return s if c.keep else None
    # "of 2003" moves the period named to 2003, back or (read from a stand-in date) ahead
    # the year a period of a year or less is named by is the one it ends in (a fiscal quarter
    # "ended January 31, 1987" is of 1987); a run of years goes by its first
    short = (nearest.date_end - nearest.date_start).days <= 366
    ref = (nearest.date_end - dt.timedelta(days=1)).year if short else nearest.date_start.year
    n, unit = c.shift or (ref - (c.to_year or 0), "year")
    iv = moved(nearest, n, unit)
    if iv is None:
        return s if c.keep else None
    resolved = nearest.resolved if c.to_year is None else False  # "of 1986": the year is written
    return DateSpan(s.start, s.end, iv[0], iv[1], nearest.granularity, resolved, nearest.guessed and resolved)
