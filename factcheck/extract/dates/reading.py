"""The reading of a date: its interval at a granularity and the year of a date written without
one (the nearest reading, or the one the tense of its clause asks for: see `tense.py`).
"""

from __future__ import annotations

import datetime as dt

from factcheck.extract.dates.text import Cand, valid_ymd


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_months(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}


def months_on(d: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier when negative), or the last day of a shorter month."""
    first = add_months(dt.date(d.year, d.month, 1), months)
    return first.replace(day=min(d.day, (add_months(first, 1) - dt.timedelta(days=1)).day))


def period_bounds(gran: str, y: int, m: int, d: int, n: int) -> tuple[dt.date, dt.date]:
    if gran == "day":
        s = dt.date(y, m, d)
        return s, s + dt.timedelta(days=1)
    if gran == "month":
        s = dt.date(y, m, 1)
        return s, add_months(s, 1)
    if gran == "quarter":
        s = dt.date(y, 3 * n - 2, 1)
        return s, add_months(s, 3)
    if gran == "half":
        s = dt.date(y, 6 * n - 5, 1)
        return s, add_months(s, 6)
    if gran == "year":
        return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)  # decade


def period_index(c: Cand) -> int:
    return {"month": c.m, "quarter": c.n, "half": c.n}.get(c.gran, c.m)


def pub_index(gran: str, pub: dt.date) -> int:
    if gran == "quarter":
        return quarter_of(pub.month)
    if gran == "half":
        return 1 if pub.month <= 6 else 2
    return pub.month


def nearest_year(bounds_in, pub: dt.date, lean) -> int:
    """The year (the publication year or one either side) whose period, `bounds_in(year)`,
    lies nearest the publication date (ties to the past), or the current-or-next /
    current-or-last one when the tense says so (see `tense.tense_lean`)."""
    py = pub.year
    ys = (py - 1, py, py + 1)
    bounds = [bounds_in(y) for y in ys]
    po = pub.toordinal()
    gaps = [0 if ds <= pub < de else min(abs(ds.toordinal() - po), abs(po - de.toordinal()))
            for ds, de in bounds]
    i = min(range(3), key=lambda i: (gaps[i], i != 0, i))
    near, gap = ys[i], gaps[i]
    if gap == 0 or (bounds[i][0] > pub and gap <= 60):
        return near
    direction, window = lean()
    if direction == 0 or gap <= window:
        return near
    if direction > 0:
        return next(y for y, (_ds, de) in zip(ys, bounds, strict=True) if de > pub)
    return next(y for y, (ds, _de) in zip(ys[::-1], bounds[::-1], strict=True) if ds <= pub)


def year_from_pub(c: Cand, pub: dt.date, lean=lambda: (0, 0)) -> int | None:
    """The year a year-less candidate denotes, seen from the publication date."""
    py = pub.year
    if c.gran == "day" and c.mode == "nearest":
        years = range(py - 1, py + 2)
        if c.wd is not None:  # "Fri, Jul 18": the nearest year in which it is a Friday
            years = [y for y in range(py - 6, py + 7) if valid_ymd(y, c.m, c.d)
                     and dt.date(y, c.m, c.d).weekday() == c.wd] or years
            lean = lambda: (0, 0)  # noqa: E731
        options = []
        for y in years:
            try:  # noqa: SIM105 (a context manager costs more here, where every date passes)
                options.append(dt.date(y, c.m, c.d))
            except ValueError:
                pass
        if not options:  # 29 February: the nearest leap year
            for y in sorted(range(py - 4, py + 5), key=lambda v: abs(v - py)):
                if valid_ymd(y, c.m, c.d):
                    return y
            return None
        got = pick(options, pub, lean)
        return got.year if got else None
    idx, pidx = period_index(c), pub_index(c.gran, pub)
    if c.mode in ("nearest", "recent") and c.gran in ("month", "quarter", "half"):
        return nearest_year(lambda y: period_bounds(c.gran, y, c.m, 1, c.n), pub, lean)
    if c.mode == "next":
        return py if idx > pidx else py + 1
    if c.mode == "latest":  # "the February figure": the current period or an earlier one
        return py if idx <= pidx else py - 1
    if c.mode == "soon":  # "for December delivery": the current period or a later one
        return py if idx >= pidx else py + 1
    if c.mode == "last":
        return py if idx < pidx else py - 1
    if c.mode == "this":
        return py
    return py if idx <= pidx else py - 1  # recent


def order_key(c: Cand) -> tuple[int, int]:
    if c.fixed:
        return c.fixed[0].month, c.fixed[0].day
    if c.gran in ("quarter", "half"):
        return (3 * c.n - 2 if c.gran == "quarter" else 6 * c.n - 5), 1
    if c.gran in ("year", "decade"):
        return 1, 1
    return c.m, (c.d if c.gran == "day" else 1)


def interval(c: Cand, y: int | None) -> tuple[dt.date, dt.date] | None:
    if c.fixed:
        return c.fixed
    if y is None or not 1 <= y <= 9999:
        return None
    try:
        return period_bounds(c.gran, y, c.m, c.d, c.n)
    except (ValueError, OverflowError):
        return None


def pick(options: list[dt.date], pub: dt.date, lean) -> dt.date | None:
    """The reading of a recurring date that the lean (see `tense.tense_lean`; a callable, asked only
    when it can matter) asks for."""
    if not options:
        return None
    po = pub.toordinal()
    nearest = min(options, key=lambda d: (abs(d.toordinal() - po), d))
    gap = nearest.toordinal() - po
    if gap == 0 or 0 < gap <= 60:
        return nearest  # today, or close ahead: no cue moves it back
    direction, window = lean()
    if direction == 0 or abs(gap) <= window:
        return nearest
    if direction > 0:
        fut = [d for d in options if d >= pub]
        return min(fut) if fut else nearest
    past = [d for d in options if d <= pub]
    return max(past) if past else nearest


def period_at(gran: str, pub: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    if gran == "year":
        y = pub.year + offset
        return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    if gran == "decade":
        y = pub.year // 10 * 10 + 10 * offset
        return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
    size = {"month": 1, "quarter": 3, "half": 6}[gran]
    first = dt.date(pub.year, (pub.month - 1) // size * size + 1, 1)
    s = add_months(first, offset * size)
    return s, add_months(s, size)


def monday_of(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date | None:
    if n > 0:
        first = dt.date(y, month, 1)
        d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        return d if d.month == month else None
    last = add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def nearest_yearly(pub: dt.date, mode: str, make, lean=lambda: (0, 0)) -> tuple[dt.date, bool] | None:
    """A yearly date `make(year)` seen from the publication date: the nearest one, or the
    last one before it / the next one after it / the one in its year."""
    options = [d for d in (make(y) for y in range(pub.year - 1, pub.year + 2)) if d]
    if not options:
        return None
    if mode == "last":
        past = [d for d in options if d < pub]
        return (max(past), True) if past else None
    if mode == "next":
        future = [d for d in options if d > pub]
        return (min(future), True) if future else None
    if mode == "this":  # "this Christmas", "this MLK day": the coming one (or today)
        future = [d for d in options if d >= pub]
        return (min(future), True) if future else None
    return pick(options, pub, lean), True


def part_by_tense(ds: dt.date, de: dt.date, pub: dt.date, direction: int) -> tuple[dt.date, dt.date] | None:
    """The part of [ds, de) that the tense of its clause speaks of when the publication day lies
    inside it: up to that day, the day included (past), or from it (future); None otherwise."""
    if not ds <= pub < de or not direction:
        return None
    return (ds, pub + dt.timedelta(days=1)) if direction < 0 else (pub, de)


def third_of(gran: str, ds: dt.date, de: dt.date, which: int) -> tuple[dt.date, dt.date, str]:
    """The first (0), middle (1) or last (2) third of a month (days 1-10, 11-20, 21-end) or
    of a year (January-April, May-August, September-December)."""
    if gran == "year":
        a = add_months(ds, 4 * which)
        return a, add_months(a, 4), "month"
    if gran == "month":
        a = ds + dt.timedelta(days=10 * which)
        return a, (de if which == 2 else a + dt.timedelta(days=10)), "day"
    # a week: Monday to Wednesday, or Friday to Sunday
    if which == 0:
        return ds, ds + dt.timedelta(days=3), "day"
    if which == 2:
        return ds + dt.timedelta(days=4), de, "day"
    return ds + dt.timedelta(days=2), ds + dt.timedelta(days=5), "day"
