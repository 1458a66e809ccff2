"""The registry of date families: each family is one entry (see `family.py`).

The order is the order of preference: when two candidates of one length overlap, the
earlier family wins (and families are read in this order). Adding a form means adding an
entry here (a pattern, its anchors, a reader, examples), the words it needs to the language
data (`factcheck/data/dates_*.toml`, see `words.py`) and, when the form is new, its reader
next to the readers of its kind. See docs/adding-a-date-form.md for a worked example.
"""

from __future__ import annotations

import re

from factcheck.extract.dates.family import Family, at, digits, first_words, rest_of, window
from factcheck.extract.dates.pointing_back import read_of_the_year, read_same_period, read_units_earlier, read_year_ago
from factcheck.extract.dates.read_dates import (
    read_bare_month,
    read_day_month_year,
    read_day_range_month,
    read_day_word_month_year,
    read_iso_date,
    read_month_before_noun,
    read_month_day_range,
    read_month_day_year,
    read_month_pair,
    read_month_relative_year,
    read_month_year,
    read_numeric_date,
    read_numeric_day_month,
    read_numeric_day_range,
    read_numeric_month_year,
    read_numeric_year_month,
    read_year_month,
)
from factcheck.extract.dates.read_periods import (
    read_day_from_month_end,
    read_decade_digits,
    read_decade_er,
    read_decade_two_digits,
    read_decade_words,
    read_fiscal_year,
    read_half_code,
    read_half_of_year,
    read_quarter_code,
    read_quarter_code_digit_first,
    read_quarter_of_year,
    read_season,
    read_season_of_year,
    read_spelled_year,
    read_third_of_year,
    read_week_of_month,
    read_year,
    read_year_period_code,
    read_year_range,
)
from factcheck.extract.dates.read_relative import (
    read_compound_duration,
    read_day_of_month,
    read_day_of_relative_month,
    read_holiday,
    read_in_units,
    read_next_units,
    read_nth_weekday,
    read_period_edge,
    read_period_part,
    read_period_part_after,
    read_previous_period,
    read_relative_day,
    read_relative_period,
    read_relative_week,
    read_units_ago,
    read_weekday,
    read_weekday_day,
    read_weekday_of_week,
)
from factcheck.extract.dates.templates import (
    DSUF_NODOT,
    LETTER,
    PERIOD_YT,
    RANGE_SEP,
    REL_YEAR_ALT,
    SPELLED_ALT,
    WD_ALT,
    WEEK_ALT,
    YT,
    YT_MDY,
    alt,
    expand,
    s1_alt,
)
from factcheck.extract.dates.words import (
    AGO_UNITS,
    ANCHOR_HALF,
    ANCHOR_PERIOD_EDGE,
    ANCHOR_QUARTER,
    BEFORE_ANCHOR,
    CDUR_AFTER,
    COUNT_WORDS,
    DAYS_REL,
    DECADE_WORDS,
    FISCAL,
    HALF_CALENDAR,
    HALF_ORD,
    HALF_WITH_YEAR,
    HOLIDAYS,
    IN_UNITS_AFTER,
    IN_UNITS_BEFORE,
    MONTH_MOD_MODE,
    MONTH_NOUNS,
    MONTHS,
    NTH,
    NU_COUNT,
    NU_REL,
    NU_UNITS,
    OFY_NOT_BEFORE,
    ORD_WORDS,
    PERIOD_EDGES,
    PERIOD_PART_UNITS,
    PERIOD_PARTS,
    PERIOD_PARTS_AFTER,
    PREV_PERIOD,
    QUARTER_MONTHS,
    QUARTER_ORD,
    QUARTER_WORDS,
    REL_UNITS,
    SAME_NOUNS,
    SAME_WORDS,
    SEASONS,
    SHIFT_UNITS,
    SHIFT_WORDS,
    SPELLED_YEAR_BEFORE,
    SPELLED_YEARS,
    THIRD_WORDS,
    WEEK_AFTER_NEXT,
    WEEK_EDGES,
    WEEK_ORD,
    WEEK_REL,
    WEEK_WORDS,
    WEEKDAY_SUFFIXES,
    WEEKDAYS,
    YEAR_AGO_AFTER,
    YEAR_AGO_NOUNS,
    YEAR_AGO_UNITS,
    words,
)

# the anchor words of several families
_COUNT_UNITS = first_words(NU_UNITS)  # "3 weeks", "the next two years", "1 month, 21 days ago"


def _same_noun(_word: str) -> str:
    return r"[\s\u00a0]{1,3}(?:" + alt(SAME_NOUNS) + ")(?!" + LETTER + ")"


def _fiscal_rest(word: str) -> str:
    return "(?:" + alt(rest_of(FISCAL, word)) + r")[\s\u00a0]{0,3}['\u2019]?\d"  # "fiscal 1987", "FY2024"


def _day_number_after(_word: str) -> str:
    return r"[\s\u00a0]{1,3}(?:\d|(?:" + alt(ORD_WORDS) + r")(?![^\W\d_]))"  # "on the 15th", "for the third"


def _holiday_rest(word: str) -> str | None:
    return None if word in HOLIDAYS else alt(rest_of(HOLIDAYS, word))  # "new" -> "new year's day"


# Every pattern starts with a lookbehind and a literal, a character class or a word trie
# (no leading optional group), so the regex engine rejects most positions at once. The
# patterns run on a lower-cased copy of the text; the readers check case on the original.
FAMILIES: tuple[Family, ...] = (
    Family(
        "day_month_year",  # "22 Jan 2025", "3rd of March 2024", "22. Januar 2025", "1-jan"
        r"<DNUM:dn>(?:<S><W:day_of><S1>|<S>[-/.]?<S>)<MON:mon>" + YT,
        (window(MONTHS, 30, "digit"),), read_day_month_year, reach=32,
        examples=("Published: [22 Jan 2025] 12:49 => 2025-01-22 day", "[3rd of March 2024] => 2024-03-03 day",
                  "de: am [22. Januar 2025] => 2025-01-22 day", "due on [4 March] => 2013-03-04 day"),
    ),
    Family(
        "day_word_month_year",  # "third of March", "the twenty-first of June 2019"
        r"<ORDW:dw>(?:<S><W:day_of><S1>|<S>[-/.]?<S>)<MON:mon>" + YT,
        (window(MONTHS, 45, "ord"),), read_day_word_month_year, reach=32,
        examples=("the [twenty-first of June 2019] => 2019-06-21 day",),
    ),
    Family(
        "month_day_year",  # "January 22, 2025", "Jan. 22", "april22", "Oct/2", "jan twenty two"
        r"<MON:mon>(?:<S>[-/.]?<S>(?:(?P<art><W:the>)<S1>)?|<S>,<S>)(?:<DNUMX:dn>|<ANYW:dw>)"
        r"(?![.,]\d{1,3}(?!\d))" + YT_MDY,
        (at(MONTHS),), read_month_day_year,
        examples=("[January 22, 2025] => 2025-01-22 day", "closed on [Jan. 22] => 2013-01-22 day",
                  "[March twenty-first, 2019] => 2019-03-21 day"),
    ),
    Family(
        "day_range_month",  # "13-15 July", "15.-19. November", "from 4 to 22 January, 2017", "between 24 and 26 June"
        r"<DNUM:d1><S>(?:" + RANGE_SEP + r"|(?P<and><W:day_range_and>))<S>(?:<W:article_in_range><S1>)?<DNUM:d2><S>"
        r"(?:<W:of><S1>)?<MON:mon>" + YT,
        (window(MONTHS, 40, "digit"),), read_day_range_month, reach=32,
        examples=("[13-15 July 2024] => 2024-07-13..2024-07-16 day",
                  "de: vom [15.-19. November 2021] => 2021-11-15..2021-11-20 day",
                  "de: zwischen dem [4. und dem 22. Januar 1995] => 1995-01-04..1995-01-23 day"),
    ),
    Family(
        "month_day_range",  # "July 13-15", "July 13 to 15, 2024", "November 15th through the 19th"
        r"<MON:mon><S><DNUMX:d1><S>(?:-|–|<W:day_range_to>)<S>(?:<W:the><S1>)?"
        r"<DNUMX:d2>(?![.,]\d{1,3}(?!\d))" + YT,
        (at(MONTHS),), read_month_day_range,
        examples=("[July 13 to 15, 2024] => 2024-07-13..2024-07-16 day",),
    ),
    Family(
        "numeric_day_range",  # "14./15.10.", "14. - 15.10.2018"
        r"(?P<d1>\d(?<![\w.,/:+-].)\d?)\.?<S>(?:-|–|/|<W:numeric_range_to>)<S>(?P<d2>\d{1,2})\.(?P<m>\d{1,2})"
        r"(?:\.(?P<y>\d{4}|\d{2})?)?(?!\d)(?![.,]\d)",
        (digits("day_separator"),), read_numeric_day_range,
        examples=("de: am [14. - 15.10.2018] => 2018-10-14..2018-10-16 day",),
    ),
    Family(
        "month_year",  # "March 2023", "March of 2023", "Jan, 2001", "Oct. '99", "October two thousand and five"
        r"<MON:mon><S>,?<S>(?:<W:of><S1>)?(?:(?P<y><YEAR4>)|['\u2019](?P<ya>\d{2})(?!\d)(?![.,]\d)"
        r"|(?P<ys>" + SPELLED_ALT + r")<NA>)",
        (at(MONTHS),), read_month_year,
        examples=("In [March 2023], Musk launched => 2023-03-01 month", "[Oct. '99] => 1999-10-01 month",
                  "held in [October two thousand and five] => 2005-10-01 month"),
    ),
    Family(
        "month_relative_year",  # "June next year", "im März letzten Jahres"
        r"<MON:mon><S1>(?:<W:of><S1>)?(?P<ry>" + REL_YEAR_ALT + r")<S1><W:year_after_relative><NA>",
        (at(MONTHS),), read_month_relative_year,
        examples=("talks in [June next year] => 2014-06-01 month", "de: im [März letzten Jahres] => 2012-03-01 month"),
    ),
    Family(
        "year_month",  # "2016 November", "2019/sep/01", "2019-aug-1"
        r"(?P<y>[12](?<![\w.,$€£].)\d{3})(?:[-/.]|<S1>)<MON:mon>"
        r"(?:(?:[-/.]|<S1>)(?P<d>[0-3]?\d)(?!\d)" + DSUF_NODOT + r")?(?![.,]?\d)",
        (digits("year"),), read_year_month,
        examples=("[2016 November] => 2016-11-01 month", "[2019/sep/01] => 2019-09-01 day"),
    ),
    Family(
        "bare_month",  # a month after a preposition or modifier: "in November", "this Jan", "Ende März"
        r"(?<!" + LETTER + r")(?P<pre>" + alt(MONTH_MOD_MODE) + r")(?:<S1>|-)"
        r"(?:<W:month_of><S1>)?<MON:mon>(?!<S>[-/.]?<S>\d)(?!<W:possessive>)",
        (window(MONTHS, 45, "mod"),), read_bare_month, reach=16,
        examples=("elections in [November] were => 2012-11-01 month", "de: [Ende März] => 2013-03-21..2013-04-01 day"),
    ),
    Family(
        "month_pair",  # "the January-March period", "for Apr/May shipment", "April-Sept 1986" (not "Feb-March 3"),
        # "between March and May last year"
        r"<MON:mon>(?:<S>[-\u2013/]<S>|<S1>(?P<and><W:range_joiners>)<S1>)(?P<mon2>" + alt(MONTHS) + r")<NA>\.?"
        r"(?:<S>,?<S>(?P<y><YEAR4>)(?![.,/]?\d)|<S1>(?P<ry>" + REL_YEAR_ALT + r")<S1><W:year_after_relative><NA>)?"
        r"(?!<S>\.?<S>(?:<W:of><S1>)?['\u2019]?\d)(?P<q><S1><W:month_pair_quarter><NA>)?",
        (at(MONTHS),), read_month_pair,
        examples=("in [April-Sept 1986] => 1986-04-01..1986-10-01 month",
                  "in the [January/March quarter] => 2013-01-01 quarter",
                  "de: zwischen [März und Mai] => 2013-03-01..2013-06-01 month",
                  "between [June and August last year] => 2012-06-01..2012-09-01 month"),
    ),
    Family(
        "month_before_noun",  # "weak March employment data" (English)
        r"<MON:mon><S1>(?=(?P<noun>" + alt(MONTH_NOUNS) + r")<NA>)",
        (at(MONTHS),), read_month_before_noun, shares_list_year=False,
        examples=("weak [December] employment data => 2012-12-01 month",),
    ),
    Family(
        "iso_date",  # "2025-01-22", "2015/08/12", "2015.5.13"
        r"(?P<y>[12](?<![\w.,/:+-].)\d{3})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)(?![.,/-]\d)",
        (digits("year"),), read_iso_date, weekday_joins=True,
        examples=("[2025-01-22] => 2025-01-22 day", "[2015.5.13] => 2015-05-13 day"),
    ),
    Family(
        "numeric_date",  # a year last: "22.01.2025", "21/04/2016", "9-18-15", "11/12,2016"
        r"(?P<a>\d(?<![\w.,/:+-].)\d?)(?P<s>[-/.])(?P<b>\d{1,2})(?:(?P=s)|,)"
        r"(?P<y>[12]\d{3}|\d{2})(?!\d)(?![.,/-]\d)",
        (digits("day_separator"), digits("decimal_year")), read_numeric_date, weekday_joins=True,
        examples=("de: am [22.01.2025] => 2025-01-22 day", "[9-18-15] => 2015-09-18 day"),
    ),
    Family(
        "numeric_month_year",  # "3/2015", "05.2016", "11 - 2016"
        r"(?P<m>\d(?<![\w.,/:+-].)\d?)(?:<S>(?P<s>[-/])<S>|(?P<dot>\.))(?P<y>(?:19|20)\d{2})(?!\d)(?![.,/-]\d)",
        (digits("day_separator"), digits("decimal_year")), read_numeric_month_year,
        examples=("[3/2015] => 2015-03-01 month", "de: [05.2016] => 2016-05-01 month"),
    ),
    Family(
        "numeric_year_month",  # "2016-11", "2016/11"
        r"(?P<y>(?:1(?<![\w.,/:+-].)9|2(?<![\w.,/:+-].)0)\d{2})(?P<s>[-/])(?P<m>\d{1,2})(?!\d)(?![.,/-]\d)",
        (digits("year"),), read_numeric_year_month,
        examples=("[2016-11] => 2016-11-01 month",),
    ),
    Family(
        "numeric_day_month",  # no year: "22.04.", "am 22.04", "on 4/22", "on 4-22"
        r"(?P<a>\d(?<![\w.,/:+$€£-].)\d?)(?:(?P<s>[./])|<S>(?P<h>-)<S>)(?P<b>\d{1,2})"
        r"(?P<dot>\.(?![\d]))?(?!\d)(?![-/.,]\d)",
        (digits("day_separator"), digits("decimal", need="decimal_day")), read_numeric_day_month,
        weekday_joins=True,
        examples=("de: am [22.04.] => 2013-04-22 day", "due on [4/22] => 2013-04-22 day"),
    ),
    Family(
        "year_range",  # "2019-2021", "2019–21", "2015/16", "1990 to 1995"
        r"(?P<y1>(?:1(?<![\w$€£¥#.,/:+-].)9|2(?<![\w$€£¥#.,/:+-].)0)\d{2})<S>(?P<sep>-|–|—|/|<W:year_range_to>)<S>"
        r"(?P<y2>(?:19|20)\d{2}|\d{2})(?![\w])(?![.,]\d)",
        (digits("year"),), read_year_range,
        examples=("from [2019-2021] => 2019-01-01..2022-01-01 year", "[2015/16] => 2015-01-01..2017-01-01 year"),
    ),
    Family(
        "quarter_of_year",  # "third quarter of 1986", "im dritten Quartal 2024", "4th qtr 2018"
        r"(?<![\w.])(?P<qo>" + alt({**QUARTER_ORD, **QUARTER_MONTHS}) + r")\.?[\s\u00a0-]{1,3}"
        r"(?:<W:fiscal><S1>)?(?P<qw>" + alt(QUARTER_WORDS) + r")<NA>" + PERIOD_YT,
        (window(ANCHOR_QUARTER, 30, prefix=True),), read_quarter_of_year, reach=72, ended_months=3,
        examples=("in the [third quarter of 1986] => 1986-07-01 quarter",
                  "de: im [dritten Quartal 2024] => 2024-07-01 quarter",
                  "in the [March quarter] => 2013-01-01 quarter"),
    ),
    Family(
        "quarter_code",  # "Q3 2024", "Q3/24", "Q1"
        r"(?<![\w])q(?P<qn>[1-4])(?![\w])"
        r"(?:<S>[/'\u2019-]?<S>(?P<y><YEAR4>)|<S>[/'\u2019-]<S>(?P<yy>\d{2})(?!\d)(?![.,]\d)"
        r"|<S1>(?:<W:of><S1>)?(?P<ry>" + REL_YEAR_ALT + r")<S1><W:year_after_code><NA>)?",
        (at(("q",), follows=lambda _w: "[1-4]"),), read_quarter_code, ended_months=3,
        examples=("[Q3 2024] => 2024-07-01 quarter", "[Q3/24] => 2024-07-01 quarter"),
    ),
    Family(
        "quarter_code_digit_first",  # "3Q24", "3Q 2024"
        r"(?P<qn>[1-4](?<![\w.].))q<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))",
        (digits("q_after"),), read_quarter_code_digit_first,
        examples=("[3Q24] => 2024-07-01 quarter",),
    ),
    Family(
        "year_period_code",  # the year first: "2019 Q1", "2017-q1", "2019-H2"
        r"(?P<y>[12](?<![\w$€£¥#.,/:+-].)\d{3})(?P<sep><S>[-/]?<S>)(?P<p>[qh])(?P<n>[1-4])(?![\w])(?![.,]\d)",
        (digits("year"),), read_year_period_code, ended_months=3,
        examples=("the [2019 Q1] results => 2019-01-01 quarter", "[2019-H2] => 2019-07-01 half"),
    ),
    Family(
        "half_of_year",  # "first half of 2025", "1. Halbjahr 2024", "zweite Jahreshälfte"
        r"(?<![\w.])(?P<ho>" + alt(HALF_ORD) + ")"
        r"[\s\u00a0-]{1,3}(?P<hw>" + alt(HALF_WITH_YEAR | HALF_CALENDAR) + r")<NA>" + PERIOD_YT,
        (window(ANCHOR_HALF, 25, prefix=True),), read_half_of_year, reach=72,
        ended_months=6,
        examples=("the [first half of 2025] => 2025-01-01 half", "de: im [1. Halbjahr 2024] => 2024-01-01 half"),
    ),
    Family(
        "half_code",  # "H1 2025", "H2/24"
        r"(?<![\w])h(?P<hn>[12])<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))",
        (at(("h",), follows=lambda _w: "[12]"),), read_half_code, ended_months=6,
        examples=("[H1 2025] => 2025-01-01 half", "[H2/24] => 2024-07-01 half"),
    ),
    Family(
        "half_code_digit_first",  # "1H 2025"
        r"(?P<hn>[12](?<![\w.].))h<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))",
        (digits("h_after"),), read_half_code, ended_months=6,
        examples=("[1H 2025] => 2025-01-01 half",),
    ),
    Family(
        "decade_digits",  # "1990s", "the 1920's"
        r"(?P<c>(?:1(?<![\w$€£¥.,].)[89]|2(?<![\w$€£¥.,].)0)\d)0['\u2019]?s(?![\w])",
        (digits("year"), digits("decade_s", back=4, reach=6)), read_decade_digits,
        examples=("in the [1990s] => 1990-01-01 decade",),
    ),
    Family(
        "decade_two_digits",  # "the 70s", "the '40s"
        r"(?<![\w$€£¥.,'\u2019])['\u2019]?(?P<dd>\d)0['\u2019]?s(?![\w])",
        (digits("decade_s", back=3, reach=6),), read_decade_two_digits,
        examples=("in the [70s] => 1970-01-01 decade",),
    ),
    Family(
        "decade_er",  # "in den 90er Jahren", "die 1980er"
        r"(?<![\w$€£¥.,])(?:(?P<c>1[89]|20)(?P<d1>\d)|(?P<d2>\d))0er<NA>(?P<j>[\s\u00a0-]{0,2}<W:decade_years><NA>)?",
        (digits("year"), digits("decade_er", back=4, reach=20)), read_decade_er,
        examples=("de: in den [90er Jahren] => 1990-01-01 decade", "de: die [1980er] => 1980-01-01 decade"),
    ),
    Family(
        "decade_words",  # "the seventies"
        r"(?<!" + LETTER + r")<W:the><S1>(?:<W:decade_century>[\s-]?)?(?P<dw>" + alt(DECADE_WORDS) + r")<NA>",
        (window(DECADE_WORDS, 25),), read_decade_words, reach=8,
        examples=("in [the seventies] => 1970-01-01 decade",),
    ),
    Family(
        "fiscal_year",  # "fiscal 1987", "fiscal year 1987", "FY2024", "Geschäftsjahr 2023/24"
        r"(?<!" + LETTER + r")(?P<f>" + alt(FISCAL) + r")<S>['\u2019]?(?P<y>[12]\d{3}|\d{2})(?!\d)"
        r"(?:<S>[/-]<S>(?P<y2>[12]\d{3}|\d{2})(?!\d))?(?![.,]\d)",
        (at(first_words(FISCAL), prefix=True, follows=_fiscal_rest),), read_fiscal_year, ended_months=12,
        examples=("in [fiscal 1987] => 1987-01-01 year",
                  "de: im [Geschäftsjahr 2023/24] => 2023-01-01..2025-01-01 year"),
    ),
    Family(
        "year",  # "Since 2019", "in 2015"
        r"(?P<y>(?:1(?<![\w$€£¥#.,:/+].)9|2(?<![\w$€£¥#.,:/+].)0)\d{2})(?![\w])(?![.,:/]\d)",
        (digits("year"),), read_year,
        examples=("Since [2019], Microsoft has invested => 2019-01-01 year",),
    ),
    Family(
        "relative_day",  # the publication day and its neighbours: "yesterday", "gestern", "day after tomorrow"
        r"(?<!" + LETTER + r")(?P<w>" + alt(DAYS_REL) + r")<NA>",
        (window({w.split(" ")[-1] for w in DAYS_REL}, 30),), read_relative_day, reach=8, named_period=False,
        examples=("said [yesterday] => 2013-02-11 day", "de: [übermorgen] => 2013-02-14 day"),
    ),
    Family(
        "relative_period",  # "last year", "next month", "im vergangenen Jahr", "this quarter"
        r"(?<!" + LETTER + r")(?P<rel>" + REL_YEAR_ALT + r")<S1>(?P<unit>" + alt(REL_UNITS) + r")<NA>",
        (window(first_words(REL_UNITS), 30, "rel", prefix=True),), read_relative_period, reach=8,
        examples=("sales rose [last year] => 2012-01-01 year", "de: im [vergangenen Jahr] => 2012-01-01 year",
                  "[next quarter] => 2013-04-01 quarter"),
    ),
    Family(
        "previous_period",  # "im Vorjahr", "Vormonat", Austrian "heuer"
        r"(?<!" + LETTER + r")(?P<w>" + alt(PREV_PERIOD) + r")<NA>",
        (at(PREV_PERIOD),), read_previous_period,
        examples=("de: im [Vorjahr] => 2012-01-01 year",),
    ),
    Family(
        "units_ago",  # "three years ago", "2 weeks ago"
        r"(?<![\w.,/-])(?P<n>\d{1,2}|" + alt(COUNT_WORDS) + r")<S1>(?P<u>"
        + alt(words("pattern_words.units_before_ago")) + r")<S1><W:ago><NA>",
        (window(words("pattern_words.ago"), 30),), read_units_ago, reach=8,
        examples=("[three years ago] => 2010-01-01 year", "[2 weeks ago] => 2013-01-29 day"),
    ),
    Family(
        "vor_units",  # "vor zwei Jahren", "vor drei Wochen"
        r"(?<!" + LETTER + r")<W:ago_before><S1>(?P<n>\d{1,2}|" + alt(COUNT_WORDS) + r")<S1>(?P<u>"
        + alt(AGO_UNITS) + r")<NA>",
        (at(words("pattern_words.ago_before")),), read_units_ago,
        examples=("de: [vor zwei Jahren] => 2011-01-01 year",),
    ),
    Family(
        "same_period",  # "the same period last year", "the same month of 1986": see `pointing_back.reanchor`
        r"(?<!" + LETTER + r")<W:the><S1>(?:" + alt(SAME_WORDS) + r")<S1>(?P<w>" + alt(SAME_NOUNS) + r")<S1>"
        r"(?:<W:same_of><S1>(?P<y><YEAR4>)(?![/\u2013-]\d)|(?P<rel><W:same_relative>)<S1>"
        r"(?P<post><W:same_after>)<NA>)",
        (window(SAME_WORDS, 6, "the", follows=_same_noun),), read_same_period, reach=44,
        examples=("Sales in February 1987 rose from [the same month last year] => 1986-02-01 month",),
    ),
    Family(
        "units_earlier",  # "a year earlier", "two months before", "ein Jahr zuvor": see `pointing_back.reanchor`
        r"(?<![\w.,/-])(?P<n>\d{1,2}|" + alt(COUNT_WORDS) + r")<S1>(?P<u>" + alt(SHIFT_UNITS) + r")<S1>(?P<post>"
        + alt(SHIFT_WORDS) + r")<NA>",
        (window(SHIFT_UNITS, 30, "ear"),), read_units_earlier, reach=20,
        examples=("Profit in 1986 rose from 10 mln [a year earlier]. => 1985-01-01 year",),
    ),
    Family(
        "year_ago",  # "the year-ago quarter", "the year-earlier period"
        r"(?<!" + LETTER + r")(?P<u>" + alt(YEAR_AGO_UNITS) + r")[\s\u00a0-]{1,2}(?:" + alt(YEAR_AGO_AFTER)
        + r")<S1>(?P<w>" + alt(YEAR_AGO_NOUNS) + r")<NA>",
        (window(YEAR_AGO_UNITS, 2, "yago"),), read_year_ago, reach=28,
        examples=("Profit in the fourth quarter of 1986 rose from the [year-ago quarter] => 1985-10-01 quarter",),
    ),
    Family(
        "weekday_day",  # "Tuesday 19th", "Friday the 15th", "Freitag, den 15."
        r"(?<!" + LETTER + r")(?P<wd>" + WD_ALT + r")<NA><S>,?<S>"
        r"(?:<W:before_day_number><S1>(?:<DNUM:dn>|<ANYW:dw>)|(?P<dn2>[0-3]?\d)(?!\d)"
        r"(?:<W:ordinal_suffix><NA>|\.(?!\d))|<ORDW:dw2>)(?![.,]?\d)",
        (at(WEEKDAYS, prefix=True),), read_weekday_day,
        examples=("on [Friday the 15th] => 2013-02-15 day", "de: am [Freitag, den 15.] => 2013-02-15 day"),
    ),
    Family(
        "weekday_relative_week",  # "Tuesday next week", "Mittwoch dieser Woche"
        r"(?<!" + LETTER + r")(?P<wd>" + WD_ALT + r")<NA><S1>(?:<W:weekday_of_week><S1>)?"
        r"(?P<rel>" + REL_YEAR_ALT + r")<S1>" + WEEK_ALT + r"<NA>",
        (at(WEEKDAYS, prefix=True),), read_weekday_of_week,
        examples=("on [Tuesday next week] => 2013-02-19 day", "de: am [Mittwoch dieser Woche] => 2013-02-13 day"),
    ),
    Family(
        "relative_week_weekday",  # "next week on Friday", "diese Woche Dienstag"
        r"(?<!" + LETTER + r")(?P<rel>" + REL_YEAR_ALT + r")<S1>" + WEEK_ALT
        + r"<S1>(?:<W:on_weekday><S1>)?(?P<wd>" + WD_ALT + r")<NA>",
        (window(WEEKDAYS, 30, "wwd", prefix=True),), read_weekday_of_week, reach=8,
        examples=("[next week on Friday] => 2013-02-22 day",),
    ),
    Family(
        "nth_weekday",  # "the first Monday of March", "letzter Sonntag im März 2014"
        r"(?<!" + LETTER + r")(?P<o>" + alt(NTH) + r")<S1>(?P<wd>" + WD_ALT
        + r")<NA><S1><W:of_month><S1>(?:(?:(?P<rel>" + REL_YEAR_ALT + r")<S1>|<W:the><S1>)"
        r"<W:month_word><NA>|<MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?)",
        (window(WEEKDAYS, 20, "ord", prefix=True),), read_nth_weekday, reach=52,
        examples=("the [first Monday of March] => 2013-03-04 day",
                  "de: [letzter Sonntag im März 2014] => 2014-03-30 day"),
    ),
    Family(
        "holiday",  # "Christmas", "Thanksgiving 2017", "Ostermontag 2018", "last Easter"
        r"(?<!" + LETTER + r")(?P<hol>" + alt(HOLIDAYS) + r")<NA>(?:<S>,?<S>(?:<W:holiday_of><S1>)?(?:(?P<y><YEAR4>)"
        r"|(?P<ys>" + SPELLED_ALT + r")<NA>)"
        r"|<S1>(?:<W:of><S1>)?(?P<ry>" + REL_YEAR_ALT + r")<S1><W:year_after_code><NA>)?",
        (at(first_words(HOLIDAYS), follows=_holiday_rest),), read_holiday,
        examples=("[Thanksgiving 2017] => 2017-11-23 day", "de: [Ostermontag 2018] => 2018-04-02 day",
                  "sales fell [last Easter] => 2012-04-08 day"),
    ),
    Family(
        "period_edge",  # "by the end of the year", "Jahresende", "Ende des Monats"
        r"(?<!" + LETTER + r")(?P<w>" + alt(PERIOD_EDGES) + r")<NA>",
        (window(ANCHOR_PERIOD_EDGE, 30, "edge", prefix=True),), read_period_edge, reach=44,
        examples=("by [the end of the year] => 2013-09-01..2014-01-01 month", "de: zum [Jahresende] => "
                  "2013-09-01..2014-01-01 month"),
    ),
    Family(
        "day_of_month",  # a day of the month alone: "on the 15th", "for the 27", "am 15."
        r"(?<!" + LETTER + r")(?:(?P<pre>" + s1_alt(BEFORE_ANCHOR["day_of_month"]) + r")<S1><W:the><S1>"
        r"|(?P<am><W:day_of_month_am>)<S1>)"
        r"(?:(?P<dn>[0-3]?\d)(?!\d)(?:<W:ordinal_suffix><NA>|\.(?!\d))?|<ORDW:dw>)(?![.,]\d)",
        (window(words("pattern_words.the"), 6, "dom", follows=_day_number_after),
         window(words("pattern_words.day_of_month_am"), 6, follows=lambda _w: r"[\s\u00a0]{1,3}\d")),
        read_day_of_month, reach=36, weekday_joins=True,
        examples=("due on [the 15th] => 2013-02-15 day", "de: Die Zahlung folgt am [15.] => 2013-02-15 day"),
    ),
    Family(
        "next_units",  # "next 3 years", "the past two weeks", "in den nächsten drei Monaten"
        r"(?<!" + LETTER + r")(?:<W:the><S1>)?(?P<rel>" + alt(NU_REL) + r")<S1>(?P<n>\d{1,2}|"
        + alt(NU_COUNT) + r")<S>(?P<u>" + alt(NU_UNITS) + r")<NA>",
        (window(_COUNT_UNITS, 48, "nu"),), read_next_units, reach=8,
        examples=("over [the next 3 years] => 2014-01-01..2017-01-01 year",
                  "de: in den [nächsten drei Monaten] => 2013-03-01..2013-06-01 month"),
    ),
    Family(
        "in_units",  # "in 3 weeks", "three weeks hence", "2 years from today", "3 fridays from now", "in 2 Wochen"
        r"(?<!" + LETTER + r")(?:(?P<pin>" + s1_alt(IN_UNITS_BEFORE) + r")<S1>)?(?P<n>\d{1,2}|"
        + alt(NU_COUNT) + r")<S1>(?:(?P<u>" + alt(NU_UNITS) + r")|(?P<wd>" + WD_ALT + r")s)<NA>"
        r"(?:<S1>(?P<post>" + s1_alt(IN_UNITS_AFTER) + r"))?",
        (window(WEEKDAYS, 25, "inn", prefix=True), window(_COUNT_UNITS, 40, "inn")), read_in_units, reach=36,
        examples=("[in 3 weeks] => 2013-03-05 day", "[2 years from today] => 2015-02-12 day"),
    ),
    Family(
        "compound_duration",  # "1 month, 21 days ago", "2 years 21 days later"
        r"(?<!" + LETTER + r")(?P<n1>\d{1,2}|" + alt(NU_COUNT) + r")<S1>(?P<u1>" + alt(NU_UNITS)
        + r")<NA>(?:<S>,<S>|<S1><W:duration_and><S1>|<S1>)(?P<n2>\d{1,2}|" + alt(NU_COUNT) + r")<S1>(?P<u2>"
        + alt(NU_UNITS) + r")<S1>(?P<post>" + s1_alt(CDUR_AFTER) + r")<NA>",
        (window(_COUNT_UNITS, 40, "cdur"),), read_compound_duration, reach=68,
        examples=("[1 month, 21 days ago] => 2012-12-22 day",),
    ),
    Family(
        "relative_week",  # "this week", "next week", "the week after next", "end of last week", "letzte Woche"
        r"(?<!" + LETTER + r")(?:(?:<W:at><S1>)?(?:<W:the><S1>)?(?P<pos>" + alt(WEEK_EDGES) + r")<S1><W:of><S1>"
        r"(?:<W:the><S1>)?(?:<W:around><S1>)?)?(?:(?P<rel>" + alt(WEEK_REL) + r")<S1>(?:" + WEEK_ALT + r")<NA>"
        r"|(?P<after>" + s1_alt(WEEK_AFTER_NEXT) + r"))",
        (window(WEEK_WORDS, 45, "rel", prefix=True),), read_relative_week, reach=32,
        examples=("[next week] => 2013-02-18 week", "de: [letzte Woche] => 2013-02-04 week"),
    ),
    Family(
        "period_part",  # "earlier this year", "later in the week", "early next year", "noch in diesem Jahr"
        r"(?<!" + LETTER + r")(?:<W:the><S1>)?(?P<part>" + alt(PERIOD_PARTS) + r")(?P<of><S1><W:third_of>)?<S1>"
        r"(?:<W:part_in><S1>)?(?:(?P<rel>" + REL_YEAR_ALT + r")|<W:part_article>)<S1>"
        r"(?P<unit>" + alt(PERIOD_PART_UNITS) + r")<NA>",
        (window(first_words(PERIOD_PART_UNITS), 45, "part", prefix=True),), read_period_part, reach=8,
        examples=("sales fell [earlier this year] => 2013-01-01..2013-02-13 year",
                  "it will rise [later this month] => 2013-02-12..2013-03-01 month",
                  "they met [earlier in the week] => 2013-02-11..2013-02-13 week",
                  "sales rose [early this week] => 2013-02-11..2013-02-13 week",
                  "prices rose [early this month] => 2013-02-01..2013-02-11 month",
                  "the plant opens [early next year] => 2014-01-01..2014-05-01 year",
                  "de: [Ende dieses Jahres] => 2013-09-01..2014-01-01 year",
                  "de: die Wahl soll [noch in diesem Jahr] stattfinden => 2013-02-12..2014-01-01 year"),
    ),
    Family(
        "period_part_after",  # "this year so far", "this month to date", "in diesem Jahr bisher"
        r"(?<!" + LETTER + r")(?P<rel>" + REL_YEAR_ALT + r")<S1>(?P<unit>" + alt(PERIOD_PART_UNITS) + r")<S1>(?P<part>"
        + alt(PERIOD_PARTS_AFTER) + r")<NA>",
        (window(first_words(PERIOD_PART_UNITS), 30, "rel", prefix=True),), read_period_part_after, reach=24,
        examples=("sales [this year so far] rose => 2013-01-01..2013-02-13 year",
                  "de: der Umsatz stieg in [diesem Jahr bisher] um 3 Prozent => 2013-01-01..2013-02-13 year"),
    ),
    Family(
        "week_of_month",  # "the first week of October 2014", "letzte Woche im September 2014"
        r"(?<!" + LETTER + r")(?:<W:the><S1>)?(?P<o>" + alt(WEEK_ORD) + r")<S1>(?:" + WEEK_ALT
        + r")<S1><W:of_month><S1><MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?",
        (window(WEEK_WORDS, 25, "ord", prefix=True),), read_week_of_month, reach=48,
        examples=("[the first week of October 2014] => 2014-10-06 week",),
    ),
    Family(
        "season_of_year",  # "im Herbst letzten Jahres", "in the autumn of last year", "im Herbst des Jahres 2024"
        r"(?<!" + LETTER + r")(?P<s>" + alt(SEASONS) + r")<NA><S1>"
        r"(?:(?:<W:season_of><S1>)?(?P<rel>" + REL_YEAR_ALT + r")<S1><W:year_after_relative>"
        r"|<W:season_of><S1><W:season_year><S1>(?P<y><YEAR4>))<NA>(?!<W:possessive>)",
        (at(first_words(SEASONS)),), read_season_of_year,
        examples=("de: Die Wahl war im [Herbst letzten Jahres] => 2012-09-23..2012-12-21 season",
                  "de: im [Sommer dieses Jahres] => 2013-06-21..2013-09-23 season",
                  "de: im [Frühjahr des kommenden Jahres] => 2014-03-20..2014-06-21 season",
                  "de: im [Herbst des Jahres 2024] => 2024-09-23..2024-12-21 season",
                  "sales fell in the [autumn of last year] => 2012-09-23..2012-12-21 season"),
    ),
    Family(
        "season",  # "this summer", "last winter", "the spring of 1978", "Sommer 2019", "diesen Sommer"
        r"(?<!" + LETTER + r")(?:(?P<rel>" + REL_YEAR_ALT + r"|<W:the>)<S1>)?(?P<s>" + alt(SEASONS)
        + r")<NA>(?:<S>,?<S>(?:<W:of><S1>)?(?:(?P<y><YEAR4>)|(?P<ys>" + SPELLED_ALT + r")<NA>))?",
        (window(first_words(SEASONS), 25),), read_season, reach=60,
        examples=("in the [spring of 1978] => 1978-03-20..1978-06-21 season",
                  "de: im [Herbst 2024] => 2024-09-23..2024-12-21 season",
                  "[last winter] => 2011-12-21..2012-03-20 season"),
    ),
    Family(
        "third_of_year",  # "the end of 2012", "mid-2019", "Anfang 2020", "beginning of 2017"
        r"(?<!" + LETTER + r")(?:<W:at><S1>)?(?:<W:the><S1>)?(?P<pre>" + alt(THIRD_WORDS) + r")(?:<S1><W:third_of>)?"
        r"(?:<S1>|-)(?:(?:<W:the><S1>)?<W:third_year><S1>)?(?P<y><YEAR4>)(?![\w'\u2019])",
        (digits("year", back=30, reach=6, need="ythird"),), read_third_of_year,
        examples=("by [the end of 2012] => 2012-09-01..2013-01-01 month",
                  "de: [Anfang 2020] => 2020-01-01..2020-05-01 month"),
    ),
    Family(
        "day_of_relative_month",  # "20 of this month", "the 20th of the previous month"
        r"(?<!" + LETTER + r")(?:<W:the><S1>)?(?:<DNUM:dn>|<ORDW:dw>)<S1><W:of><S1>(?:<W:the><S1>)?(?P<rel>"
        + REL_YEAR_ALT + r")<S1><W:month_unit><NA>",
        (window(words("pattern_words.month_unit"), 40, "rel"),), read_day_of_relative_month, reach=8,
        examples=("[the 20th of the previous month] => 2013-01-20 day",),
    ),
    Family(
        "day_from_month_end",  # "last day of October 2015", "fifth last day of May"
        r"(?<!" + LETTER + r")(?:<W:the><S1>)?(?:(?P<o>" + alt(ORD_WORDS) + r"|\d<W:ordinal_suffix:en>)<S1>)?"
        r"(?P<last><W:last><S1>)?<W:day_word><S1><W:of_month:en><S1><MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?",
        (window(words("pattern_words.day_word"), 30, "ord"),), read_day_from_month_end, reach=44,
        examples=("[the last day of October 2015] => 2015-10-31 day",),
    ),
    Family(
        "of_the_year",  # "the year" after a part of it: "the first two months of the year"
        r"(?<!" + LETTER + r")<W:of_the_year_article><S1><W:year_after_relative><NA>(?!<S>(?:\d|(?:"
        + alt(OFY_NOT_BEFORE) + r")<NA>|<W:of_the_year_to><S1>(?:" + alt(MONTHS) + r")<NA>))",
        (window(words("pattern_words.year_after_relative"), 7, "ofy"),), read_of_the_year, reach=8, year_of_a_part=True,
        examples=("sales in [the first two months of the year] => 2013-01-01..2013-03-01 month",),
    ),
    Family(
        "spelled_year",  # after a preposition: "in nineteen twenty-eight", "the year two thousand ten"
        r"(?<!" + LETTER + r")" + s1_alt(SPELLED_YEAR_BEFORE) + r"<S1>(?P<ys>" + SPELLED_ALT + r")<NA>",
        (window(first_words(SPELLED_YEARS), 12, "ysp", follows=lambda w: alt(rest_of(SPELLED_YEARS, w))),),
        read_spelled_year, reach=48,
        examples=("born in [nineteen twenty-eight] => 1928-01-01 year",),
    ),
    Family(
        "weekday",  # "on Wednesday", "am Mittwoch", "last Friday", "Mittwochabend"
        r"(?<!" + LETTER + r")(?P<wd>" + WD_ALT + r")(?:" + alt(WEEKDAY_SUFFIXES) + r")?<NA>",
        (at(WEEKDAYS, prefix=True),), read_weekday, joins_next=True, named_period=False,
        examples=("will meet on [Wednesday] => 2013-02-13 day", "de: am [Mittwochabend] => 2013-02-13 day",
                  "[last Friday] => 2013-02-08 day"),
    ),
)

for _rank, _family in enumerate(FAMILIES):
    _family.rank = _rank
    _family.rx = re.compile(expand(_family.pattern))
BY_NAME = {f.name: f for f in FAMILIES}
assert len(BY_NAME) == len(FAMILIES), "two families of one name"
