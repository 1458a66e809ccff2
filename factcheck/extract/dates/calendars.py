"""Holidays and seasons as dates: the computus (Gregorian and Orthodox Easter), the Hebrew
calendar, Islamic months, the Chinese New Year, Hindu festivals and the astronomical seasons.
The holiday names and their rules are language data (`[holidays.*]` in the date data files).
"""

from __future__ import annotations

import datetime as dt
import math

from factcheck.extract.dates.reading import nth_weekday
from factcheck.extract.dates.words import (
    HOL_EASTER,
    HOL_FIXED,
    HOL_HEBREW,
    HOL_ISLAMIC,
    HOL_NTH,
    HOL_ORTHODOX,
    HOL_OTHER,
)

# ----------------------------------------------------------------------------- calendars
# Holidays of other calendars, computed (no tables): the Hebrew calendar (arithmetic, exact),
# Orthodox Easter (Julian computus), and lunar phases after J. Meeus, Astronomical Algorithms
# (2nd ed.), ch. 49, accurate to minutes, for the Islamic months (a month begins the day
# after the conjunction, or the day after that when the conjunction falls late in the day
# at Mecca), the Chinese New Year (the new moon, Beijing time, between 21 January and
# 20 February) and festivals tied to a full or new moon.

RAD = math.pi / 180


def moon_phase_jde(k: float) -> float:
    """Julian ephemeris day of the new moon (k whole) or full moon (k + 0.5), Meeus ch. 49."""
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.00000015 * t ** 3
           + 0.00000000073 * t ** 4)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    m = (2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3) * RAD
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3
          - 0.000000058 * t ** 4) * RAD
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3
         + 0.000000011 * t ** 4) * RAD
    om = (124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3) * RAD
    sin = math.sin
    full = (k % 1) != 0
    c1, c2, c3, c4, c5, c6, c7 = ((-0.40614, 0.17302, 0.01614, 0.01043, 0.00734, -0.00515, 0.00209)
                                  if full else
                                  (-0.40720, 0.17241, 0.01608, 0.01039, 0.00739, -0.00514, 0.00208))
    jde += (c1 * sin(mp) + c2 * e * sin(m) + c3 * sin(2 * mp) + c4 * sin(2 * f)
            + c5 * e * sin(mp - m) + c6 * e * sin(mp + m) + c7 * e * e * sin(2 * m)
            - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
            - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
            - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
            + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
            + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f)
            + 0.00003 * sin(mp - m + 2 * f) - 0.00002 * sin(mp - m - 2 * f)
            - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp))
    return jde


JD_ORDINAL = 1721424.5  # Julian day of 0001-01-01 00:00 minus one day (date.toordinal() == 1)


def phase_local(k: float, utc_hours: float) -> tuple[dt.date, float]:
    """(local date, local hour) of a lunar phase at a UTC offset."""
    jd = moon_phase_jde(k) + utc_hours / 24
    ordinal = math.floor(jd - JD_ORDINAL)
    return dt.date.fromordinal(ordinal), (jd - JD_ORDINAL - ordinal) * 24


def phases_near(day: dt.date, full: bool) -> list[float]:
    k0 = math.floor((day.year + (day.timetuple().tm_yday - 1) / 365.25 - 2000) * 12.3685)
    return [k + (0.5 if full else 0.0) for k in range(k0 - 2, k0 + 3)]


def phase_on_or_after(day: dt.date, full: bool, utc_hours: float) -> tuple[dt.date, float]:
    for k in phases_near(day, full):
        d, h = phase_local(k, utc_hours)
        if d >= day:
            return d, h
    return phase_local(phases_near(day, full)[-1] + 1, utc_hours)


def sun_longitude(jd: float) -> float:
    """Apparent ecliptic longitude of the Sun in degrees (Meeus ch. 25, low accuracy)."""
    t = (jd - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * RAD
    c = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
         + (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000289 * math.sin(3 * m))
    om = (125.04 - 1934.136 * t) * RAD
    return (l0 + c - 0.00569 - 0.00478 * math.sin(om)) % 360


def ayanamsa(jd: float) -> float:
    """Lahiri ayanamsa (degrees): sidereal = tropical - ayanamsa."""
    return 23.853 + (jd - 2451545.0) / 365.25 * 0.013969


def sankranti(y: int, sign: int) -> tuple[dt.date, float]:
    """(date, hour) in India (UTC+5:30) when the Sun enters a sidereal sign (0 = Aries)."""
    target = sign * 30.0
    jd0 = dt.date(y, 1, 1).toordinal() + JD_ORDINAL + 1
    approx = jd0 + ((target + 23.9 - 280.0) % 360) / 0.98565  # days from 1 Jan
    lo, hi = approx - 6, approx + 6
    for _ in range(40):
        mid = (lo + hi) / 2
        diff = (sun_longitude(mid) - ayanamsa(mid) - target + 180) % 360 - 180
        lo, hi = (mid, hi) if diff < 0 else (lo, mid)
    jd = (lo + hi) / 2 + 5.5 / 24
    ordinal = math.floor(jd - JD_ORDINAL)
    return dt.date.fromordinal(ordinal), (jd - JD_ORDINAL - ordinal) * 24


# Hindu lunisolar festivals: the amanta month is named by the sidereal sign the Sun is in at
# its new moon (Pisces -> Chaitra ... Aquarius -> Phalguna; a month without a sign change is
# a leap month and skipped); a tithi is a twelfth of the Moon's elongation, taken here as
# evenly spread between new and full moon; a festival falls on the day (India time) when its
# tithi prevails at the hour its rite is held (sunrise, afternoon, evening or midnight). This
# is an approximation: almanacs differ by a day between regions, and so may we.
DAYS_PER_SYNODIC = 29.530588861


def jd_local(jd: float, utc_hours: float) -> float:
    return jd + utc_hours / 24 - JD_ORDINAL  # days since 0001-01-01 00:00 local, + 1


def hindu(y: int, month: int, tithi: int, hour: float) -> dt.date | None:
    k0 = math.floor((y - 2000) * 12.3685) - 2
    moons = [(k, moon_phase_jde(k)) for k in range(k0, k0 + 17)]
    signs = [math.floor(((sun_longitude(j) - ayanamsa(j)) % 360) / 30) for _, j in moons]
    for i in range(len(moons) - 1):
        if signs[i] == signs[i + 1] or (signs[i] + 1) % 12 + 1 != month:
            continue  # another month, or a leap month
        k, conj = moons[i]
        full, nxt = moon_phase_jde(k + 0.5), moons[i + 1][1]
        if tithi <= 15:
            t0 = conj + (tithi - 1) * (full - conj) / 15
            t1 = conj + tithi * (full - conj) / 15
        else:
            t0 = full + (tithi - 16) * (nxt - full) / 15
            t1 = full + (tithi - 15) * (nxt - full) / 15
        a, b = jd_local(t0, 5.5), jd_local(t1, 5.5)
        day = math.ceil(a - hour / 24)
        if day + hour / 24 >= b:  # the tithi is skipped at that hour: the day it begins
            day = math.floor(a)
        d = dt.date.fromordinal(day)
        if d.year == y:
            return d
    return None


def chinese_new_year(y: int) -> dt.date:
    return phase_on_or_after(dt.date(y, 1, 21), False, 8)[0]


# Islamic months: the tabular calendar gives the month roughly; the new moon before it fixes it
ISLAMIC_EPOCH = 227015  # R.D. of 1 Muharram 1 AH (16 July 622, Julian)


def islamic_tabular(y: int, m: int, d: int) -> int:
    return (d + 29 * (m - 1) + (6 * m - 1) // 11 + (y - 1) * 354 + (3 + 11 * y) // 30
            + ISLAMIC_EPOCH - 1)


def islamic_month_start(y: int, m: int, late_hour: float) -> dt.date:
    approx = dt.date.fromordinal(islamic_tabular(y, m, 1))
    best = None
    for k in phases_near(approx, False):
        d, h = phase_local(k, 3)  # Mecca time
        if best is None or abs((d - approx).days) < abs((best[0] - approx).days):
            best = (d, h)
    d, h = best
    return d + dt.timedelta(days=1 if h < late_hour else 2)


def islamic(y_greg: int, m: int, d: int, late_hour: float = 15.0) -> list[dt.date]:
    """Gregorian dates of Islamic day (m, d) that fall in a Gregorian year (one or two)."""
    out = []
    iy0 = (30 * (dt.date(y_greg, 1, 1).toordinal() - ISLAMIC_EPOCH) + 10646) // 10631
    for iy in (iy0 - 1, iy0, iy0 + 1, iy0 + 2):
        g = islamic_month_start(iy, m, late_hour) + dt.timedelta(days=d - 1)
        if g.year == y_greg:
            out.append(g)
    return sorted(out)


# Hebrew calendar (Reingold & Dershowitz, Calendrical Calculations): months counted from
# Nisan = 1; the year starts at Tishri = 7.
HEBREW_EPOCH = -1373427  # R.D. of 1 Tishri AM 1


def heb_leap(y: int) -> bool:
    return (7 * y + 1) % 19 < 7


def heb_elapsed(y: int) -> int:
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    day = months * 29 + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


def heb_new_year(y: int) -> int:
    ny0, ny1, ny2 = heb_elapsed(y - 1), heb_elapsed(y), heb_elapsed(y + 1)
    corr = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return HEBREW_EPOCH + ny1 + corr


def heb_month_len(y: int, m: int) -> int:
    days = heb_new_year(y + 1) - heb_new_year(y)
    if m in (2, 4, 6, 10, 13) or (m == 12 and not heb_leap(y)):
        return 29
    if m == 8 and days % 10 != 5:
        return 29
    if m == 9 and days % 10 == 3:
        return 29
    return 30


def hebrew_rd(y: int, m: int, d: int) -> int:
    rd = heb_new_year(y) + d - 1
    last = 13 if heb_leap(y) else 12
    if m < 7:
        for mm in range(7, last + 1):
            rd += heb_month_len(y, mm)
        for mm in range(1, m):
            rd += heb_month_len(y, mm)
    else:
        for mm in range(7, m):
            rd += heb_month_len(y, mm)
    return rd


def hebrew(y_greg: int, m: int, d: int) -> dt.date:
    """The Gregorian day of Hebrew (m, d) in the Hebrew year that overlaps y_greg there."""
    hy = y_greg + 3760 + (1 if 7 <= m <= 9 else 0)
    if m == 13 and not heb_leap(hy):
        m = 12  # Adar II only in leap years
    return dt.date.fromordinal(hebrew_rd(hy, m, d))


def orthodox_easter(y: int) -> dt.date:
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month = (d + e + 114) // 31
    day = (d + e + 114) % 31 + 1
    julian = dt.date(y, month, day)
    return julian + dt.timedelta(days=y // 100 - y // 400 - 2)


def easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def holiday_interval(name: str, y: int) -> tuple[dt.date, dt.date] | None:
    """The interval of a holiday in year y (the first one when a lunar holiday falls twice);
    Jewish holidays begin on the evening before, so their interval starts that day."""
    if not 1583 <= y <= 9999:
        return None
    one = dt.timedelta(days=1)
    name = name.replace("\u2019", "'")
    if name in HOL_FIXED:
        month, day = HOL_FIXED[name]
        d = dt.date(y, month, day)
        return d, d + one
    if name in HOL_EASTER:
        d = easter(y) + dt.timedelta(days=HOL_EASTER[name])
        return d, d + one
    if name in HOL_ORTHODOX:
        d = orthodox_easter(y) + dt.timedelta(days=HOL_ORTHODOX[name])
        return d, d + one
    if name in HOL_HEBREW:
        month, day, days, *rule = HOL_HEBREW[name]
        d = hebrew(y, month, day)
        if rule:  # Israeli days moved off the Sabbath: weekday -> shift
            d += dt.timedelta(days=dict(zip(rule[0::2], rule[1::2], strict=True)).get(d.weekday(), 0))
        return d - one, d + dt.timedelta(days=days)
    if name in HOL_ISLAMIC:
        month, day, days = HOL_ISLAMIC[name]
        got = islamic(y, month, day)
        if not got:
            return None
        if days == 0:  # Ramadan: to the end of the month
            return got[0], islamic(got[0].year + (got[0].month > 10), 10, 1)[0]
        if days < 0:  # the last Friday of Ramadan
            end = [d for d in islamic(y, 10, 1) if d > got[0]] or islamic(y + 1, 10, 1)
            d = end[0] - one
            d -= dt.timedelta(days=(d.weekday() - 4) % 7)
            return d, d + one
        return got[0], got[0] + dt.timedelta(days=days)
    if name in HOL_OTHER:
        kind, *arg = HOL_OTHER[name]
        if kind == "chinese":
            d = chinese_new_year(y)
        elif kind == "parsi":  # the Shahenshahi year has 365 days: one day earlier every leap year
            d = dt.date(2018, 8, 17) + dt.timedelta(days=365 * (y - 2018))
            d = d if d.year == y else d + dt.timedelta(days=365 if d.year < y else -365)
        elif kind == "weekday_shift":  # [month, day, weekday, shift, weekday, shift ...]
            d = dt.date(y, arg[0], arg[1])
            d += dt.timedelta(days=dict(zip(arg[2::2], arg[3::2], strict=True)).get(d.weekday(), 0))
        elif kind == "solar":  # [sign, days after]: the day the Sun enters the sign, or the
            # next day when it does so after sunset (about 18:00 in India)
            d, h = sankranti(y, arg[0])
            d += dt.timedelta(days=arg[1] + (h >= 18.0))
        elif kind == "bengali":  # [sign, day]: the month begins the day after the Sun enters
            d, _h = sankranti(y, arg[0])
            d += dt.timedelta(days=arg[1])
        elif kind == "hindu":  # [amanta month, tithi, hour in India, days after]
            d = hindu(y, arg[0], arg[1], arg[2])
            if d is None:
                return None
            d += dt.timedelta(days=arg[3])
        elif kind == "lent":
            return easter(y) - dt.timedelta(days=46), easter(y)
        elif kind == "great_lent":
            e = orthodox_easter(y)
            return e - dt.timedelta(days=48), e - dt.timedelta(days=8)
        else:
            return None
        return d, d + one
    if name in HOL_NTH:
        month, wd, n, extra = HOL_NTH[name]
        d = nth_weekday(y, month, wd, n)
        return (d + dt.timedelta(days=extra), d + dt.timedelta(days=extra + 1)) if d else None
    return None


def holiday_day(name: str, y: int) -> dt.date | None:
    iv = holiday_interval(name, y)
    return iv[0] if iv else None


# the seasons by the names the data files give them ([seasons.names]), with the day each
# begins (the equinox or solstice, to the day)
SEASON_STARTS = {"spring": (3, 20), "summer": (6, 21), "autumn": (9, 23), "winter": (12, 21)}
SEASON_NAMES = tuple(SEASON_STARTS)


def season_interval(name: str, y: int) -> tuple[dt.date, dt.date]:
    """Astronomical seasons (equinoxes and solstices, to the day); winter spans the new year."""
    a = dt.date(y, *SEASON_STARTS[name])
    nxt = SEASON_NAMES[(SEASON_NAMES.index(name) + 1) % 4]
    b = dt.date(y + (nxt == SEASON_NAMES[0]), *SEASON_STARTS[nxt])
    return a, b
