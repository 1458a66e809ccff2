"""Date mentions in English and German news text.

`find_dates(text, lang, pubdate)` returns `DateSpan`s: the surface span and the interval
[date_start, date_end) it denotes, with its granularity (day, month, quarter, half, year,
decade). Dates without a year ("April 28", "im November") and relative dates ("last year",
"am Mittwoch") are resolved against the publication date and flagged `resolved=True`;
without a publication date they are not reported.

How it works: a fixed set of regular expressions, compiled once at import, each run with
one `finditer` pass over the text. Every match is checked in Python (valid day and month,
context words that make "2000" a count rather than a year, case of "May"/"march" ...) and
becomes a candidate. Candidates are chosen longest first without overlaps; adjacent
candidates joined by "to", "-", "bis", "between ... and" ... become one range. The word
lists live in `factcheck/data/dates.toml`. Quantifiers are bounded or anchored on a
preceding literal, so the run time grows linearly with the text.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from factcheck.spans import DateSpan

__all__ = ["find_dates"]

_DATA_PATH = Path(__file__).parent.parent / "data" / "dates.toml"
_DATA = tomllib.loads(_DATA_PATH.read_text(encoding="utf-8"))


def _lower_map(table: dict) -> dict:
    return {str(k).lower(): v for k, v in table.items()}


def _words(*keys: str) -> set[str]:
    """The lower-cased word list under `[keys[0]] keys[1]`."""
    node = _DATA
    for k in keys:
        node = node[k]
    return {w.lower() for w in node}


_MONTH_FULL = _lower_map(_DATA["months"])
_MONTH_ABBR = _lower_map(_DATA["month_abbreviations"])
_MONTHS = {**_MONTH_FULL, **_MONTH_ABBR}
_AMBIGUOUS_MONTHS = _words("ambiguous_months", "words")
_WEEKDAYS = _lower_map(_DATA["weekdays"])
_WEEKDAY_ABBR = _lower_map(_DATA["weekday_abbreviations"])
_NOT_WEEKDAY_BEFORE = _words("not_a_weekday_before", "words")
_COUNT_WORDS = _lower_map(_DATA["count_words"])
_QUARTER_ORD = _lower_map(_DATA["quarter_ordinals"])
_REL_YEAR = _lower_map(_DATA["relative_year_words"])
_REL_UNITS = _lower_map(_DATA["relative_units"])
_PREV_PERIOD = _lower_map(_DATA["previous_period_words"])
_DAYS_REL_LANG = {
    lang: {re.sub(r"\s+", " ", k): v for k, v in _lower_map(table).items()}
    for lang, table in _DATA["days_relative"].items()
}
_DAYS_REL = {k: v for table in _DAYS_REL_LANG.values() for k, v in table.items()}
_AGO_UNITS = _lower_map(_DATA["ago_units"])
_DECADE_WORDS = _lower_map(_DATA["decade_words_en"])
_MONTH_MODS = {
    mode: {w.lower() for w in words} for mode, words in _DATA["month_modifiers"].items()
}
_MONTH_MOD_MODE = {w: mode for mode, ws in _MONTH_MODS.items() for w in ws}
_BETWEEN = _words("range_starters", "between")
_YEAR_HYPHEN_OK = _words("year_prefixes_allowed", "words")
_NOT_YEAR_BEFORE = _words("not_a_year_before", "words")
_YEAR_OK_BEFORE = _words("year_ok_before", "words")
_NOT_YEAR_AFTER = _words("not_a_year_after", "always")
_COUNT_AFTER = _words("not_a_year_after", "count")
_FISCAL = _words("fiscal_words", "words")
_DM_CONTEXT = _words("day_month_context", "words")
_AGE_POSS = _words("age_possessives", "words")
_HALF_WITH_YEAR = _words("half_words", "with_year")
_HALF_CALENDAR = _words("half_words", "calendar")
_QUARTER_WORDS = _words("quarter_words", "words")
_NTH = _lower_map(_DATA["nth_weekday_ordinals"])
_HOL_FIXED = _lower_map(_DATA["holidays"]["fixed"])
_HOL_EASTER = _lower_map(_DATA["holidays"]["easter"])
_HOL_NTH = _lower_map(_DATA["holidays"]["nth_weekday"])
_HOLIDAYS = {**_HOL_FIXED, **_HOL_EASTER, **_HOL_NTH}
_NOT_HOLIDAY_BEFORE = _words("not_a_holiday_before", "words")
_PERIOD_EDGES = _lower_map(_DATA["period_edges"])
_DOM_AFTER = _words("day_of_month_after", "words")


def _build_day_words() -> tuple[dict[str, int], dict[str, int]]:
    """Ordinal and cardinal day words, with compounds ("twenty-first", "einundzwanzigsten")."""
    ords = {k: v for k, v in _lower_map(_DATA["ordinals_en"]).items()}
    cards = {k: v for k, v in _lower_map(_DATA["cardinals_en"]).items()}
    unit_ords = {k: v for k, v in ords.items() if v < 10}
    unit_cards = {k: v for k, v in cards.items() if v < 10}
    for tens_word, tens in _lower_map(_DATA["tens_en"]).items():
        for unit_word, unit in unit_ords.items():
            if tens + unit <= 31:
                ords[f"{tens_word} {unit_word}"] = tens + unit
        for unit_word, unit in unit_cards.items():
            if tens + unit <= 31:
                cards[f"{tens_word} {unit_word}"] = tens + unit
    de = dict(_lower_map(_DATA["ordinal_stems_de"]))
    for unit_word, unit in _lower_map(_DATA["units_de"]).items():
        for tens_word, tens in _lower_map(_DATA["tens_ordinal_stems_de"]).items():
            if tens + unit <= 31:
                de[f"{unit_word}und{tens_word}"] = tens + unit
    for stem, v in de.items():
        for ending in ("e", "er", "en", "em", "es"):
            ords[stem + ending] = v
    return ords, cards


_ORD_WORDS, _CARD_WORDS = _build_day_words()


def _norm(word: str) -> str:
    return re.sub(r"[\s\-\u00a0]+", " ", word.strip().lower())


# ----------------------------------------------------------------------------- patterns

_LETTER = r"[^\W\d_]"


def _alt(words) -> str:
    """Regex alternation of words as a character trie (one branch per first letter, so a
    failed match costs one test per position); spaces and hyphens in a word match either."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for tok in re.findall(r"[\s-]+|.", w.lower(), flags=re.S):
            node = node.setdefault(" " if tok.strip(" -") == "" else tok, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for tok in sorted(k for k in node if k):
        head = r"[\s\u00a0-]{1,2}" if tok == " " else re.escape(tok)
        branches.append(head + _trie_regex(node[tok]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:  # a word ends here: longer continuations first, then the word itself
        return "(?:" + body + ")?"
    return body


_YEAR4 = r"[12]\d{3}(?!\d)(?![.,]\d)"
_DSUF = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + _LETTER + r")|\.(?![\d]))?"
_DSUF_NODOT = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + _LETTER + r"))?"
_REL_YEAR_ALT = _alt(_REL_YEAR)

_MACROS = {
    "S": r"[\s\u00a0]{0,3}",
    "S1": r"[\s\u00a0]{1,3}",
    "NB": r"(?<!" + _LETTER + r")",
    "NA": r"(?!" + _LETTER + r")",
    "YEAR4": _YEAR4,
}


def _mon(group: str) -> str:
    return rf"(?<!{_LETTER})(?P<{group}>{_alt(_MONTHS)})(?!{_LETTER})\.?"


def _dnum(group: str, dot: bool = True) -> str:
    lb = r"(?<!\d.)(?<!\d[.,:/].)"  # no digit (or digit and separator) before the number
    return (rf"(?P<{group}>[0-3]{lb}\d|\d{lb})(?!\d)") + (_DSUF if dot else _DSUF_NODOT)


def _ordw(group: str) -> str:
    return rf"(?<!{_LETTER})(?P<{group}>{_alt(_ORD_WORDS)})(?!{_LETTER})"


def _anyw(group: str) -> str:
    return rf"(?<!{_LETTER})(?P<{group}>{_alt({**_ORD_WORDS, **_CARD_WORDS})})(?!{_LETTER})"


def _p(pattern: str) -> str:
    """Expand <S>, <S1>, <NB>, <NA>, <YEAR4>, <MON:g>, <DNUM:g>, <DNUMX:g>, <ORDW:g>,
    <ANYW:g> in a pattern."""

    def repl(m: re.Match) -> str:
        name, arg = m.group(1), m.group(2)
        if name == "MON":
            return _mon(arg)
        if name == "DNUM":
            return _dnum(arg)
        if name == "DNUMX":
            return _dnum(arg, dot=False)
        if name == "ORDW":
            return _ordw(arg)
        if name == "ANYW":
            return _anyw(arg)
        return _MACROS[name]

    prev = None
    while prev != pattern:
        prev = pattern
        pattern = re.sub(r"(?<!\?P)<([A-Z][A-Z0-9]*)(?::(\w+))?>", repl, pattern)
    return pattern


# year tails after a day and month: ", 2025", " of 2016", "-74", " '25"
_YT = (
    r"(?:<S>[,/-]?<S>(?:of<S1>)?(?P<y><YEAR4>)"
    r"|<S>[-/]<S>(?P<yy>\d{2})(?!\d)(?![.,]\d)"
    r"|<S>['\u2019](?P<ya>\d{2})(?!\d))?"
)
_YT_MDY = (
    r"(?:<S>,?<S>(?:of<S1>)?(?P<y><YEAR4>)"
    r"|<S>,?<S>['\u2019](?P<ya>\d{2})(?!\d))?"
)
# year tails after a quarter, half or bare month name
_PERIOD_YT = (
    r"(?:<S>,?<S>(?:(?:of|in)<S1>(?:the<S1>)?(?:(?:fiscal<S1>)?year<S1>)?"
    r"|des<S1>(?:(?:geschäfts)?jahres<S1>)?)?(?P<y><YEAR4>)"
    r"|<S1>(?:of<S1>|des<S1>)?(?P<ry>" + _REL_YEAR_ALT + r")<S1>(?:year|jahres)<NA>"
    r"|<S>['\u2019/](?P<ya>\d{2})(?!\d)(?![.,]\d))?"
)

_RANGE_SEP = r"(?:-|–|—|to|through|thru|till|until|bis(?:<S1>zum)?|/)"

_WD_ALT = _alt(_WEEKDAYS)
_WEEK_ALT = _alt(_words("week_words", "words"))

# Every pattern starts with a lookbehind and a literal, a character class or a word trie
# (no leading optional group), so the regex engine rejects most positions at once. The
# patterns run on a lower-cased copy of the text; the handlers check case on the original.
_PATTERNS: list[tuple[str, str]] = [
    # day month [year]: "22 Jan 2025", "3rd of March 2024", "22. Januar 2025", "1-jan"
    ("dmy", r"<DNUM:dn>(?:<S>(?:of|de)<S1>|<S>[-/.]?<S>)<MON:mon>" + _YT),
    ("dmyw", r"<ORDW:dw>(?:<S>(?:of|de)<S1>|<S>[-/.]?<S>)<MON:mon>" + _YT),
    # month day [year]: "January 22, 2025", "Jan. 22", "april22", "Oct/2", "jan twenty two"
    (
        "mdy",
        r"<MON:mon>(?:<S>[-/.]?<S>(?:the<S1>)?|<S>,<S>)(?:<DNUMX:dn>|<ANYW:dw>)"
        r"(?![.,]\d{1,3}(?!\d))" + _YT_MDY,
    ),
    # day range in one month: "13-15 July", "15.-19. November", "from 4 to 22 January, 2017"
    (
        "ddm",
        r"<DNUM:d1><S>" + _RANGE_SEP + r"<S>(?:the<S1>|dem<S1>|zum<S1>)?<DNUM:d2><S>"
        r"(?:of<S1>)?<MON:mon>" + _YT,
    ),
    # month day range: "July 13-15", "July 13 to 15, 2024", "November 15th through the 19th"
    (
        "mdd",
        r"<MON:mon><S><DNUMX:d1><S>(?:-|–|to|through|thru|till|until|and|bis)<S>(?:the<S1>)?"
        r"<DNUMX:d2>(?![.,]\d{1,3}(?!\d))" + _YT,
    ),
    # numeric day range: "14./15.10.", "14. - 15.10.2018"
    (
        "ddnum",
        r"(?P<d1>\d(?<![\w.,/:+-].)\d?)\.?<S>(?:-|–|/|bis)<S>(?P<d2>\d{1,2})\.(?P<m>\d{1,2})"
        r"(?:\.(?P<y>\d{4}|\d{2})?)?(?!\d)(?![.,]\d)",
    ),
    # month year: "March 2023", "March of 2023", "Jan, 2001", "Oct. '99"
    (
        "my",
        r"<MON:mon><S>,?<S>(?:of<S1>)?"
        r"(?:(?P<y><YEAR4>)|['\u2019](?P<ya>\d{2})(?!\d)(?![.,]\d))",
    ),
    # month with a relative year: "June next year", "im März letzten Jahres"
    ("myrel", r"<MON:mon><S1>(?:of<S1>)?(?P<ry>" + _REL_YEAR_ALT + r")<S1>(?:year|jahres)<NA>"),
    # year month [day]: "2016 November", "2019/sep/01", "2019-aug-1"
    (
        "ym",
        r"(?P<y>[12](?<![\w.,$€£].)\d{3})(?:[-/.]|<S1>)<MON:mon>"
        r"(?:(?:[-/.]|<S1>)(?P<d>[0-3]?\d)(?!\d)" + _DSUF_NODOT + r")?(?![.,]?\d)",
    ),
    # bare month after a preposition or modifier: "in November", "this Jan", "Ende März"
    (
        "bm",
        r"(?<!" + _LETTER + r")(?P<pre>" + _alt(_MONTH_MOD_MODE) + r")(?:<S1>|-)"
        r"(?:(?:the<S1>)?month<S1>of<S1>)?<MON:mon>(?!<S>[-/.]?<S>\d)(?!['\u2019]s)",
    ),
    # ISO and year-first numeric dates: "2025-01-22", "2015/08/12", "2015.5.13"
    (
        "iso",
        r"(?P<y>[12](?<![\w.,/:+-].)\d{3})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
        r"(?!\d)(?![.,/-]\d)",
    ),
    # numeric dates with a year last: "22.01.2025", "21/04/2016", "9-18-15", "11/12,2016"
    (
        "num",
        r"(?P<a>\d(?<![\w.,/:+-].)\d?)(?P<s>[-/.])(?P<b>\d{1,2})(?:(?P=s)|,)"
        r"(?P<y>[12]\d{3}|\d{2})(?!\d)(?![.,/-]\d)",
    ),
    # numeric month and year: "3/2015", "05.2016", "11 - 2016"
    (
        "nmy",
        r"(?P<m>\d(?<![\w.,/:+-].)\d?)(?:<S>(?P<s>[-/])<S>|(?P<dot>\.))"
        r"(?P<y>(?:19|20)\d{2})(?!\d)(?![.,/-]\d)",
    ),
    # numeric year and month: "2016-11", "2016/11"
    ("nym", r"(?P<y>(?:1(?<![\w.,/:+-].)9|2(?<![\w.,/:+-].)0)\d{2})(?P<s>[-/])(?P<m>\d{1,2})(?!\d)(?![.,/-]\d)"),
    # numeric day and month without year: "22.04.", "am 22.04", "on 4/22", "on 4-22"
    (
        "ndm",
        r"(?P<a>\d(?<![\w.,/:+$€£-].)\d?)(?:(?P<s>[./])|<S>(?P<h>-)<S>)(?P<b>\d{1,2})"
        r"(?P<dot>\.(?![\d]))?(?!\d)(?![-/.,]\d)",
    ),
    # year ranges: "2019-2021", "2019–21", "2015/16", "1990 to 1995"
    (
        "yr",
        r"(?P<y1>(?:1(?<![\w$€£¥#.,/:+-].)9|2(?<![\w$€£¥#.,/:+-].)0)\d{2})<S>(?P<sep>-|–|—|/|to|bis|until|through)<S>"
        r"(?P<y2>(?:19|20)\d{2}|\d{2})(?![\w])(?![.,]\d)",
    ),
    # quarters: "third quarter of 1986", "im dritten Quartal 2024", "4th qtr 2018"
    (
        "q",
        r"(?<![\w.])(?P<qo>" + _alt(_QUARTER_ORD) + r")[\s\u00a0-]{1,3}"
        r"(?:fiscal<S1>)?(?P<qw>" + _alt(_QUARTER_WORDS) + r")<NA>" + _PERIOD_YT,
    ),
    # "Q3 2024", "Q3/24", "Q1"
    (
        "qn",
        r"(?<![\w])q(?P<qn>[1-4])(?![\w])"
        r"(?:<S>[/'\u2019-]?<S>(?P<y><YEAR4>)|<S>[/'\u2019-]<S>(?P<yy>\d{2})(?!\d)(?![.,]\d)"
        r"|<S1>(?:of<S1>)?(?P<ry>" + _REL_YEAR_ALT + r")<S1>year<NA>)?",
    ),
    # "3Q24", "3Q 2024"
    (
        "nq",
        r"(?P<qn>[1-4](?<![\w.].))q<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))",
    ),
    # halves: "first half of 2025", "1. Halbjahr 2024", "zweite Jahreshälfte"
    (
        "h",
        r"(?<![\w.])(?P<ho>first|second|1st|2nd|erste[nrms]?|zweite[nrms]?|[12]\.)"
        r"[\s\u00a0-]{1,3}(?P<hw>" + _alt(_HALF_WITH_YEAR | _HALF_CALENDAR) + r")<NA>"
        + _PERIOD_YT,
    ),
    # "H1 2025", "H2/24"; "1H 2025"
    ("hn", r"(?<![\w])h(?P<hn>[12])<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))"),
    ("nh", r"(?P<hn>[12](?<![\w.].))h<S>[/'\u2019-]?<S>(?:(?P<y><YEAR4>)|(?P<yy>\d{2})(?!\d)(?![.,]\d))"),
    # decades: "1990s", "the 70s", "the '40s", "in den 90er Jahren", "the seventies"
    ("dec4", r"(?P<c>(?:1(?<![\w$€£¥.,].)[89]|2(?<![\w$€£¥.,].)0)\d)0['\u2019]?s(?![\w])"),
    ("dec2", r"(?<![\w$€£¥.,'\u2019])['\u2019]?(?P<dd>\d)0['\u2019]?s(?![\w])"),
    (
        "decde",
        r"(?<![\w$€£¥.,])(?:(?P<c>1[89]|20)(?P<d1>\d)|(?P<d2>\d))0er<NA>"
        r"(?P<j>[\s\u00a0-]{0,2}jahr(?:e|en|es)?<NA>)?",
    ),
    ("decw", r"(?<!" + _LETTER + r")the<S1>(?:nineteen[\s-]?)?(?P<dw>" + _alt(_DECADE_WORDS) + r")<NA>"),
    # fiscal years: "fiscal 1987", "fiscal year 1987", "FY2024", "Geschäftsjahr 2023/24"
    (
        "fy",
        r"(?<!" + _LETTER + r")(?P<f>" + _alt(_FISCAL) + r")<S>['\u2019]?(?P<y>[12]\d{3}|\d{2})(?!\d)"
        r"(?:<S>[/-]<S>(?P<y2>[12]\d{3}|\d{2})(?!\d))?(?![.,]\d)",
    ),
    # bare years: "Since 2019", "in 2015"
    ("y", r"(?P<y>(?:1(?<![\w$€£¥#.,:/+].)9|2(?<![\w$€£¥#.,:/+].)0)\d{2})(?![\w])(?![.,:/]\d)"),
    # days relative to the publication date: "yesterday", "gestern", "day after tomorrow"
    ("rd", r"(?<!" + _LETTER + r")(?P<w>" + _alt(_DAYS_REL) + r")<NA>"),
    # "last year", "next month", "im vergangenen Jahr", "this quarter"
    ("ru", r"(?<!" + _LETTER + r")(?P<rel>" + _REL_YEAR_ALT + r")<S1>(?P<unit>" + _alt(_REL_UNITS) + r")<NA>"),
    ("pp", r"(?<!" + _LETTER + r")(?P<w>" + _alt(_PREV_PERIOD) + r")<NA>"),
    # "three years ago", "vor zwei Jahren"
    (
        "ago",
        r"(?<![\w])(?P<n>\d{1,2}|" + _alt(_COUNT_WORDS) + r")<S1>(?P<u>"
        + _alt(k for k in _AGO_UNITS if k.isascii() and k.endswith(("s", "y", "k", "h")))
        + r")<S1>ago<NA>",
    ),
    (
        "vor",
        r"(?<!" + _LETTER + r")vor<S1>(?P<n>\d{1,2}|" + _alt(_COUNT_WORDS) + r")<S1>(?P<u>"
        + _alt(_AGO_UNITS) + r")<NA>",
    ),
    # weekday with a day of the month: "Tuesday 19th", "Friday the 15th", "Freitag, den 15."
    (
        "wdd",
        r"(?<!" + _LETTER + r")(?P<wd>" + _WD_ALT + r")<NA><S>,?<S>"
        r"(?:(?:the|den|der)<S1>(?:<DNUM:dn>|<ANYW:dw>)|(?P<dn2>[0-3]?\d)(?!\d)"
        r"(?:(?:st|nd|rd|th|te[nrms]?)<NA>|\.(?!\d))|<ORDW:dw2>)(?![.,]?\d)",
    ),
    # weekday of a relative week: "Tuesday next week", "Mittwoch dieser Woche";
    # "next week on Friday", "diese Woche Dienstag"
    (
        "wdw",
        r"(?<!" + _LETTER + r")(?P<wd>" + _WD_ALT + r")<NA><S1>(?:of<S1>|der<S1>)?"
        r"(?P<rel>" + _REL_YEAR_ALT + r")<S1>" + _WEEK_ALT + r"<NA>",
    ),
    (
        "wwd",
        r"(?<!" + _LETTER + r")(?P<rel>" + _REL_YEAR_ALT + r")<S1>" + _WEEK_ALT
        + r"<S1>(?:on<S1>|am<S1>)?(?P<wd>" + _WD_ALT + r")<NA>",
    ),
    # n-th weekday of a month: "the first Monday of March", "letzter Sonntag im März 2014"
    (
        "nwd",
        r"(?<!" + _LETTER + r")(?P<o>" + _alt(_NTH) + r")<S1>(?P<wd>" + _WD_ALT
        + r")<NA><S1>(?:of|in|im)<S1>(?:(?:(?P<rel>" + _REL_YEAR_ALT + r")<S1>|the<S1>)"
        r"(?:month|monat)<NA>|<MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?)",
    ),
    # holidays: "Christmas", "Thanksgiving 2017", "Ostermontag 2018", "last Easter"
    (
        "hol",
        r"(?<!" + _LETTER + r")(?P<hol>" + _alt(_HOLIDAYS) + r")<NA>(?:<S>,?<S>(?:of<S1>)?(?P<y><YEAR4>)"
        r"|<S1>(?:of<S1>)?(?P<ry>" + _REL_YEAR_ALT + r")<S1>year<NA>)?",
    ),
    # "by the end of the year", "Jahresende", "Ende des Monats"
    ("edge", r"(?<!" + _LETTER + r")(?P<w>" + _alt(_PERIOD_EDGES) + r")<NA>"),
    # a day of the month alone: "on the 15th", "for the 27", "am 15."
    (
        "dom",
        r"(?<!" + _LETTER + r")(?:(?P<pre>on|for)<S1>the<S1>|(?P<am>am)<S1>)"
        r"(?:(?P<dn>[0-3]?\d)(?!\d)(?:(?:st|nd|rd|th|te[nrms]?)<NA>|\.(?!\d))?|<ORDW:dw>)(?![.,]\d)",
    ),
    # weekdays: "on Wednesday", "am Mittwoch", "last Friday", "Mittwochabend"
    (
        "wd",
        r"(?<!" + _LETTER + r")(?P<wd>" + _WD_ALT + r")(?:"
        + _alt(_words("weekday_suffixes", "words")) + r")?<NA>",
    ),
]

_FAMILY_RANK = {name: i for i, (name, _) in enumerate(_PATTERNS)}

# Gates: a family's pattern runs only when the text holds something it needs (a month
# name, "quart", ...), so a news article pays for the few patterns it can match.
_MONTH_ANY = re.compile(r"(?<!" + _LETTER + r")" + _alt(_MONTHS) + r"(?!" + _LETTER + r")")
_WEEKDAY_ANY = re.compile(r"(?<!" + _LETTER + r")" + _WD_ALT)
_GATE_REGEX = {
    "month": _MONTH_ANY,
    "weekday": _WEEKDAY_ANY,
    "digit": re.compile(r"\d"),
    "rd": re.compile(_alt(_DAYS_REL)),
    "hol": re.compile(_alt(_HOLIDAYS)),
    "edge": re.compile(_alt(_PERIOD_EDGES)),
    "qn": re.compile(r"q[1-4]"),
    "nq": re.compile(r"[1-4]q"),
    "hn": re.compile(r"h[12]"),
    "nh": re.compile(r"[12]h"),
}
_GATE_WORDS = {
    "q": ("quart", "qtr"),
    "h": ("half", "hälfte", "halbjahr"),
    "dec4": ("0s", "0's", "0\u2019s"),
    "dec2": ("0s", "0's", "0\u2019s"),
    "decde": ("0er",),
    "decw": ("ties",),
    "fy": ("fiscal", "fy", "financial", "geschäftsjahr", "gj", "wirtschaftsjahr"),
    "ru": ("year", "yr", "month", "quarter", "qtr", "jahr", "monat", "quartal", "decade",
           "jahrzehnt", "halbjahr"),
    "pp": ("vorjahr", "vormonat", "vorquartal"),
    "ago": ("ago",),
    "vor": ("vor",),
    "dom": ("on the", "for the", "am "),
}
_FAMILY_GATE = {
    **{f: "month" for f in ("dmy", "dmyw", "mdy", "ddm", "mdd", "my", "myrel", "ym", "bm")},
    **{f: "weekday" for f in ("wdd", "wdw", "wwd", "nwd", "wd")},
    **{f: "digit" for f in ("ddnum", "iso", "num", "nmy", "nym", "ndm", "yr", "y")},
    **{f: f for f in ("rd", "hol", "edge", "qn", "nq", "hn", "nh")},
}


def _family_runs(family: str, low: str, cache: dict[str, bool]) -> bool:
    gate = _FAMILY_GATE.get(family)
    if gate is not None:
        if gate not in cache:
            cache[gate] = _GATE_REGEX[gate].search(low) is not None
        return cache[gate]
    words = _GATE_WORDS.get(family)
    return words is None or any(w in low for w in words)
_COMPILED = [(name, re.compile(_p(pat))) for name, pat in _PATTERNS]

# look-backs from the start of a match (run on the lower-cased text, anchored at its end)
_WDPRE_RE = re.compile(_p(
    r"(?:(?<!" + _LETTER + r")(?P<wd>" + _WD_ALT + r")<NA><S>,?<S>"
    r"|(?<!" + _LETTER + r")(?P<wda>" + _alt(_WEEKDAY_ABBR) + r")(?:\.,?|,)<S>)"
    r"(?:(?:the|den|der)<S1>)?\Z"
))
_WD_MOD_RE = re.compile(_p(
    r"(?<!" + _LETTER + r")(?P<mod>on|last|next|this|coming|this<S1>coming|am|letzten"
    r"|vergangenen|nächsten|kommenden|diesen|den)<S1>\Z"
))
_HOL_MOD_RE = re.compile(_p(r"(?<!" + _LETTER + r")(?P<mod>next|last|this)<S1>\Z"))

_PREV_WORD_RE = re.compile(r"(" + _LETTER + r"+)\.?[\s\u00a0]*$")
_NEXT_WORD_RE = re.compile(r"[\s\u00a0]*(%|" + _LETTER + r"[\w-]*)")
_CONNECTOR_RE = re.compile(
    _p(
        r"<S>(?:-|–|—|to|until|till|through|thru|and|und|bis(?:<S1>(?:zum|zur|einschließlich))?"
        r"|auf<S1>den)<S>(?:(?:the|dem|den)<S1>)?"
    ),
    re.IGNORECASE,
)
_WD_JOINABLE = {"ndm", "num", "iso", "dom"}
_WD_JOIN_RE = re.compile(_p(r"<S>,?<S>(?:(?:the|den|der)<S1>)?"), re.IGNORECASE)
_BETWEEN_RE = re.compile(
    r"(?<!" + _LETTER + r")(?:" + _alt(_BETWEEN) + r")(?:[\s\u00a0]{1,3}(?:the|dem|den))?"
    r"[\s\u00a0]{1,3}$",
    re.IGNORECASE,
)


# ----------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    gran: str
    family: str
    y: int | None = None  # None: to be filled (publication date or range partner)
    m: int = 1
    d: int = 1
    n: int = 0  # quarter or half number
    mode: str = "nearest"  # how a missing year is chosen: nearest, recent, next, last, this
    fixed: tuple[dt.date, dt.date] | None = None  # interval already known (relative dates)
    resolved: bool = False
    until: _Cand | None = None  # end part of a range
    wd: int | None = None  # weekday named with a year-less date: picks the year


@dataclass(slots=True)
class _Ctx:
    text: str
    lang: str
    pubdate: dt.date | None
    cased: bool
    low: str = ""  # lower-cased text, same length: the patterns run on it


class _Match:
    """A match on the lower-cased text whose groups read the original text."""

    __slots__ = ("_m", "_t")

    def __init__(self, m: re.Match, text: str) -> None:
        self._m, self._t = m, text

    def group(self, g: int | str = 0) -> str | None:
        try:
            a, b = self._m.span(g)
        except IndexError:  # a group this family's pattern does not have
            return None
        return None if a < 0 else self._t[a:b]

    def start(self, g: int | str = 0) -> int:
        return self._m.start(g)

    def end(self, g: int | str = 0) -> int:
        return self._m.end(g)

    def groupdict(self) -> dict[str, str | None]:
        return {k: self.group(k) for k in self._m.re.groupindex}


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (characters that lower to two are kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _wd_prefix(ctx: _Ctx, start: int) -> tuple[int, int | None]:
    """A weekday written before a date ("Monday, March 4"): (new start, weekday)."""
    m = _WDPRE_RE.search(ctx.low, max(0, start - 30), start)
    if not m:
        return start, None
    if m.group("wd"):
        return m.start(), _WEEKDAYS[m.group("wd")]
    return m.start(), _WEEKDAY_ABBR[m.group("wda")]


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD_RE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(text, pos, min(len(text), pos + 40))
    return m.group(1).lower() if m else ""


def _month_ok(token: str, ctx: _Ctx, bare: bool = False) -> bool:
    """Case check for a month word: in cased text "may"/"march" and abbreviations must be
    capitalised (and bare month names are expected capitalised anyway)."""
    key = token.lower().rstrip(".")
    if not ctx.cased or token.isupper():
        return True
    if key in _AMBIGUOUS_MONTHS or key in _MONTH_ABBR or (bare and key not in _MONTH_FULL):
        return token[0].isupper()
    return True


def _year2(yy: str) -> int:
    v = int(yy)
    return 2000 + v if v < 50 else 1900 + v


def _day_value(m: re.Match, num: str, word: str) -> int | None:
    if m.group(num):
        v = int(m.group(num))
    else:
        key = _norm(m.group(word))
        v = _ORD_WORDS.get(key) or _CARD_WORDS.get(key)
        if v is None:
            return None
    return v if 1 <= v <= 31 else None


def _year_from_tail(m: re.Match) -> int | None:
    gd = m.groupdict()
    if gd.get("y"):
        return int(gd["y"])
    if gd.get("yy"):
        return _year2(gd["yy"])
    if gd.get("ya"):
        return _year2(gd["ya"])
    return None


def _quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def _add_months(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


def _bounds(gran: str, y: int, m: int, d: int, n: int) -> tuple[dt.date, dt.date]:
    if gran == "day":
        s = dt.date(y, m, d)
        return s, s + dt.timedelta(days=1)
    if gran == "month":
        s = dt.date(y, m, 1)
        return s, _add_months(s, 1)
    if gran == "quarter":
        s = dt.date(y, 3 * n - 2, 1)
        return s, _add_months(s, 3)
    if gran == "half":
        s = dt.date(y, 6 * n - 5, 1)
        return s, _add_months(s, 6)
    if gran == "year":
        return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)  # decade


def _period_index(c: _Cand) -> int:
    return {"month": c.m, "quarter": c.n, "half": c.n}.get(c.gran, c.m)


def _pub_index(gran: str, pub: dt.date) -> int:
    if gran == "quarter":
        return _quarter_of(pub.month)
    if gran == "half":
        return 1 if pub.month <= 6 else 2
    return pub.month


def _year_from_pub(c: _Cand, pub: dt.date) -> int | None:
    """The year a year-less candidate denotes, seen from the publication date."""
    py = pub.year
    if c.gran == "day" and c.mode == "nearest":
        best = None
        years = range(py - 1, py + 2)
        if c.wd is not None:  # "Fri, Jul 18": the nearest year in which it is a Friday
            years = [y for y in range(py - 6, py + 7) if _valid_ymd(y, c.m, c.d)
                     and dt.date(y, c.m, c.d).weekday() == c.wd] or years
        for y in years:
            try:
                diff = abs((dt.date(y, c.m, c.d) - pub).days)
            except ValueError:
                continue
            if best is None or diff < best[0]:
                best = (diff, y)
        if best is None:  # 29 February: the nearest leap year
            for y in sorted(range(py - 4, py + 5), key=lambda v: abs(v - py)):
                try:
                    dt.date(y, c.m, c.d)
                    return y
                except ValueError:
                    continue
            return None
        return best[1]
    idx, pidx = _period_index(c), _pub_index(c.gran, pub)
    if c.mode == "nearest" and c.gran in ("quarter", "half"):
        # the year whose quarter (half) lies nearest the publication date, ties to the past
        def gap(y: int) -> int:
            ds, de = _bounds(c.gran, y, 1, 1, c.n)
            return 0 if ds <= pub < de else min(abs((ds - pub).days), abs((pub - de).days))

        return min((py - 1, py, py + 1), key=lambda y: (gap(y), y != py - 1, y))
    if c.mode == "next":
        return py if idx > pidx else py + 1
    if c.mode == "last":
        return py if idx < pidx else py - 1
    if c.mode == "this":
        return py
    return py if idx <= pidx else py - 1  # recent


def _order_key(c: _Cand) -> tuple[int, int]:
    if c.fixed:
        return c.fixed[0].month, c.fixed[0].day
    if c.gran in ("quarter", "half"):
        return (3 * c.n - 2 if c.gran == "quarter" else 6 * c.n - 5), 1
    if c.gran in ("year", "decade"):
        return 1, 1
    return c.m, (c.d if c.gran == "day" else 1)


def _interval(c: _Cand, y: int | None) -> tuple[dt.date, dt.date] | None:
    if c.fixed:
        return c.fixed
    if y is None or not 1 <= y <= 9999:
        return None
    try:
        return _bounds(c.gran, y, c.m, c.d, c.n)
    except (ValueError, OverflowError):
        return None


# ----------------------------------------------------------------------------- handlers


def _h_dmy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(m.group("mon"), ctx):
        return None
    day = _day_value(m, "dn", "dw")
    if day is None:
        return None
    mon = m.group("mon")
    if m.group("dw") and ctx.cased and mon.lower() in _AMBIGUOUS_MONTHS and not mon[0].isupper():
        return None  # "may first", "march second": verbs, not dates
    y = _year_from_tail(m)
    start, wd = _wd_prefix(ctx, m.start())
    return _Cand(start, m.end(), "day", "dmy", y=y, m=_MONTHS[m.group("mon").lower()], d=day,
                 wd=wd)


def _h_mdy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon = m.group("mon")
    if not _month_ok(mon, ctx):
        return None
    if m.group("dw") and ctx.cased and mon.lower() in _AMBIGUOUS_MONTHS and not mon[0].isupper():
        return None
    day = _day_value(m, "dn", "dw")
    if day is None:
        return None
    if m.group("dn") and m.group("ya") is None and m.group("y") is None:
        # "March 3" must not be a count: "in March 10 people" is rare, "May 5" common;
        # but a following "percent"/unit word means a number
        nxt = _next_word(ctx.text, m.end())
        if nxt in _NOT_YEAR_AFTER or nxt == "%":
            return None
    y = _year_from_tail(m)
    start, wd = _wd_prefix(ctx, m.start())
    return _Cand(start, m.end(), "day", "mdy", y=y, m=_MONTHS[mon.lower()], d=day, wd=wd)


def _h_ddm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(m.group("mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    mon = _MONTHS[m.group("mon").lower()]
    y = _year_from_tail(m)
    end = _Cand(m.start("d2"), m.end(), "day", "ddm", y=y, m=mon, d=d2)
    return _Cand(m.start(), m.end(), "day", "ddm", y=y, m=mon, d=d1, until=end)


def _h_mdd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(m.group("mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    sep = ctx.text[m.end("d1") : m.start("d2")].strip().lower()
    if sep.startswith("and") and not _BETWEEN_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    nxt = _next_word(ctx.text, m.end())
    if nxt in _NOT_YEAR_AFTER or nxt == "%":
        return None
    mon = _MONTHS[m.group("mon").lower()]
    y = _year_from_tail(m)
    end = _Cand(m.start("d2"), m.end(), "day", "mdd", y=y, m=mon, d=d2)
    return _Cand(m.start(), m.end(), "day", "mdd", y=y, m=mon, d=d1, until=end)


def _h_ddnum(m: re.Match, ctx: _Ctx) -> _Cand | None:
    d1, d2, mon = int(m.group("d1")), int(m.group("d2")), int(m.group("m"))
    if not (1 <= d1 < d2 <= 31 and 1 <= mon <= 12):
        return None
    y = None
    if m.group("y"):
        y = int(m.group("y")) if len(m.group("y")) == 4 else _year2(m.group("y"))
    end = _Cand(m.start("d2"), m.end(), "day", "ddnum", y=y, m=mon, d=d2)
    return _Cand(m.start(), m.end(), "day", "ddnum", y=y, m=mon, d=d1, until=end)


def _h_my(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(m.group("mon"), ctx):
        return None
    y = _year_from_tail(m)
    return _Cand(m.start(), m.end(), "month", "my", y=y, m=_MONTHS[m.group("mon").lower()])


def _h_myrel(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None or not _month_ok(m.group("mon"), ctx, bare=True):
        return None
    y = ctx.pubdate.year + _REL_YEAR[_norm(m.group("ry"))]
    c = _Cand(m.start(), m.end(), "month", "myrel", y=y, m=_MONTHS[m.group("mon").lower()])
    c.resolved = True
    return c


def _h_ym(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(m.group("mon"), ctx):
        return None
    y, mon = int(m.group("y")), _MONTHS[m.group("mon").lower()]
    if m.group("d"):
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        return _Cand(m.start(), m.end(), "day", "ym", y=y, m=mon, d=d)
    if _prev_word(ctx.text, m.start()) in _NOT_YEAR_BEFORE:
        return None
    return _Cand(m.start(), m.end(), "month", "ym", y=y, m=mon)


_SPAN_MODS = {"early", "mid", "late", "end of", "the end of", "beginning of", "the beginning of",
              "start of", "the start of", "the month of", "month of", "anfang", "ende", "mitte",
              "im monat"}


def _h_bm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon = m.group("mon")
    if not _month_ok(mon, ctx, bare=True):
        return None
    key = mon.lower().rstrip(".")
    if ctx.cased and not mon[0].isupper():
        return None  # bare month names are written capitalised in news (en and de)
    if key in ("may", "mai", "march") and ctx.text[m.end() : m.end() + 2] in ("'s", "\u2019s"):
        return None
    pre = _norm(m.group("pre"))
    mode = _MONTH_MOD_MODE.get(pre, "recent")
    # "in November": the span is the month; "this Jan", "Ende März": with the modifier
    start = m.start("mon") if mode == "recent" and pre not in _SPAN_MODS else m.start()
    return _Cand(start, m.end(), "month", "bm", m=_MONTHS[key], mode=mode)


def _valid_ymd(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


_NUM_BLOCK_BEFORE = {"version", "v", "release", "build", "ip", "kapitel", "chapter", "section",
                     "abschnitt", "paragraph", "nr", "no", "tel", "phone", "fax", "telefon"}


def _h_iso(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not _valid_ymd(y, mo, d) or _prev_word(ctx.text, m.start()) in _NUM_BLOCK_BEFORE:
        return None
    return _Cand(m.start(), m.end(), "day", "iso", y=y, m=mo, d=d)


def _dm_order(a: int, b: int, sep: str, lang: str) -> tuple[int, int] | None:
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


def _h_num(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a, b = int(m.group("a")), int(m.group("b"))
    ys = m.group("y")
    y = int(ys) if len(ys) == 4 else _year2(ys)
    order = _dm_order(a, b, m.group("s"), ctx.lang)
    if order is None or _prev_word(ctx.text, m.start()) in _NUM_BLOCK_BEFORE:
        return None
    mo, d = order
    if not _valid_ymd(y, mo, d):
        return None
    return _Cand(m.start(), m.end(), "day", "num", y=y, m=mo, d=d)


def _h_nmy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo_s = m.group("m")
    mo = int(mo_s)
    if not 1 <= mo <= 12 or (m.group("dot") and len(mo_s) != 2):
        return None
    if _next_word(ctx.text, m.end()) in {"of", "der", "des"} | _NOT_YEAR_AFTER:
        return None
    if _prev_word(ctx.text, m.start()) in _NUM_BLOCK_BEFORE:
        return None
    return _Cand(m.start(), m.end(), "month", "nmy", y=int(m.group("y")), m=mo)


def _h_nym(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y, mo_s = int(m.group("y")), m.group("m")
    mo = int(mo_s)
    if not 1 <= mo <= 12:
        return None
    if len(mo_s) == 2 and y // 100 * 100 + mo > y:
        return None  # "2010-12" is the years 2010 to 2012
    if _next_word(ctx.text, m.end()) in _NOT_YEAR_AFTER | _COUNT_AFTER:
        return None
    return _Cand(m.start(), m.end(), "month", "nym", y=y, m=mo)


def _is_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] == "\n"


def _h_ndm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a, b = int(m.group("a")), int(m.group("b"))
    text = ctx.text
    prev = _prev_word(text, m.start())
    context = prev in _DM_CONTEXT or prev in _WEEKDAYS or prev in _WEEKDAY_ABBR
    nxt = _next_word(text, m.end())
    if nxt in _NOT_YEAR_AFTER or nxt in ("%", "of", "der", "des", "uhr"):
        return None
    if m.group("h"):
        if prev not in ("on", "am") and prev not in _WEEKDAYS:
            return None
        sep = "-"
    elif m.group("s") == "/":
        if re.search(r"\d[\s\u00a0]$", text[max(0, m.start() - 2) : m.start()]):
            return None  # "6 1/4"
        if not (context or _is_line_start(text, m.start())):
            return None
        sep = "/"
    else:
        sep = "."
        german_dot = m.group("dot") is not None and ctx.lang == "de"
        if not (context or german_dot):
            return None
        if prev in _NUM_BLOCK_BEFORE:
            return None
    order = _dm_order(a, b, sep, ctx.lang)
    if order is None:
        return None
    mo, d = order
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return _Cand(m.start(), m.end(), "day", "ndm", m=mo, d=d)


def _year_context_ok(ctx: _Ctx, start: int, end: int) -> bool:
    """Context checks for a 4-digit number read as a year (or a year range)."""
    text = ctx.text
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i >= 0 and text[i] in "$€£¥#":
        return False
    if start > 0 and text[start - 1] == "-":
        word = _prev_word(text, start - 1)
        if not word or word not in _YEAR_HYPHEN_OK or text[start - 2 : start - 1].isdigit():
            return False
    if re.search(r"\d[\s\u00a0-]$|\d\)[\s\u00a0]?$", text[max(0, start - 3) : start]):
        return False  # phone-number-like digit groups
    if re.match(r"[\s\u00a0-]\d{3,}(?![.,]\d)", text[end : end + 8]):
        return False
    prev = _prev_word(text, start)
    ok_before = prev in _YEAR_OK_BEFORE
    if prev in _NOT_YEAR_BEFORE and not ok_before:
        return False
    nxt = _next_word(text, end)
    if nxt == "%" or nxt in _NOT_YEAR_AFTER:
        return False
    if not ok_before:
        if nxt in _COUNT_AFTER:
            return False
        m2 = re.match(r"[\s\u00a0]*" + _LETTER + r"[\w-]*[\s\u00a0]+(" + _LETTER + r"[\w-]*)",
                      text[end : end + 50])
        if m2 and m2.group(1).lower() in _COUNT_AFTER and nxt not in _YEAR_OK_BEFORE:
            return False
    return True


def _h_yr(m: re.Match, ctx: _Ctx) -> _Cand | None:
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
    if not _year_context_ok(ctx, m.start(), m.end()):
        return None
    end = _Cand(m.start("y2"), m.end(), "year", "yr", y=y2)
    return _Cand(m.start(), m.end(), "year", "yr", y=y1, until=end)


def _year_for_period(m: re.Match, ctx: _Ctx) -> tuple[int | None, bool]:
    """(year, resolved) from a period's year tail: explicit, relative ("this year") or none."""
    gd = m.groupdict()
    if gd.get("ry"):
        if ctx.pubdate is None:
            return None, False
        return ctx.pubdate.year + _REL_YEAR[_norm(gd["ry"])], True
    return _year_from_tail(m), False


def _quarter_blocked(ctx: _Ctx, start: int) -> bool:
    return _prev_word(ctx.text, start) in _NOT_YEAR_BEFORE | {"audi"}


def _h_q(m: re.Match, ctx: _Ctx) -> _Cand | None:
    qo = m.group("qo").lower()
    if qo not in _QUARTER_ORD:
        return None
    y, res = _year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    c = _Cand(m.start(), m.end(), "quarter", "q", y=y, n=_QUARTER_ORD[qo])
    c.resolved = res
    return c


def _h_qn(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.cased and ctx.text[m.start()] == "q":
        return None
    if _quarter_blocked(ctx, m.start()):
        return None
    y, res = _year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    c = _Cand(m.start(), m.end(), "quarter", "qn", y=y, n=int(m.group("qn")))
    c.resolved = res
    return c


def _h_nq(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = _year_from_tail(m)
    return _Cand(m.start(), m.end(), "quarter", "nq", y=y, n=int(m.group("qn")))


def _h_h(m: re.Match, ctx: _Ctx) -> _Cand | None:
    ho = m.group("ho").lower()
    n = 1 if ho in ("first", "1st", "1.") or ho.startswith("erst") else 2
    hw = _norm(m.group("hw"))
    y, res = _year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    if y is None and hw in _HALF_WITH_YEAR:
        return None  # "the second half" of a match
    c = _Cand(m.start(), m.end(), "half", "h", y=y, n=n)
    c.resolved = res
    return c


def _h_hn(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.cased and ctx.text[m.start() : m.end()].islower():
        return None
    n = int(m.group("hn"))
    return _Cand(m.start(), m.end(), "half", "hn", y=_year_from_tail(m), n=n)


def _h_dec4(m: re.Match, ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "decade", "dec4", y=int(m.group("c")) * 10)


def _two_digit_decade(dd: int, ctx: _Ctx) -> int:
    if dd <= 1:
        return 2000 + dd * 10
    if ctx.pubdate is not None and 2000 + dd * 10 <= ctx.pubdate.year and dd <= 2:
        return 2000 + dd * 10
    return 1900 + dd * 10


def _h_dec2(m: re.Match, ctx: _Ctx) -> _Cand | None:
    prev = _prev_word(ctx.text, m.start())
    if prev not in ("the", "early", "late", "mid", "mid-"):
        return None
    if prev in ("early", "late", "mid", "mid-"):
        before = _prev_word(ctx.text, ctx.text.rfind(prev, 0, m.start() + 1))
        if before in _AGE_POSS:
            return None
    return _Cand(m.start(), m.end(), "decade", "dec2",
                 y=_two_digit_decade(int(m.group("dd")), ctx))


def _h_decde(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m.group("c"):
        y = int(m.group("c")) * 100 + int(m.group("d1")) * 10
    else:
        if not m.group("j") and _prev_word(ctx.text, m.start()) not in (
            "den", "der", "die", "späten", "frühen", "anfang", "ende", "mitte"
        ):
            return None
        y = _two_digit_decade(int(m.group("d2")), ctx)
    return _Cand(m.start(), m.end(), "decade", "decde", y=y)


def _h_decw(m: re.Match, ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "decade", "decw", y=_DECADE_WORDS[m.group("dw").lower()])


def _h_fy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    f = _norm(m.group("f"))
    if f in ("fy", "gj") and ctx.cased and not m.group("f").isupper():
        return None
    ys = m.group("y")
    y = int(ys) if len(ys) == 4 else _year2(ys)
    c = _Cand(m.start(), m.end(), "year", "fy", y=y)
    if m.group("y2"):
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if len(y2s) == 2 and y2 <= y:
            y2 += 100
        if y < y2 <= y + 2:
            c.until = _Cand(m.start("y2"), m.end(), "year", "fy", y=y2)
    return c


def _h_y(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _year_context_ok(ctx, m.start(), m.end()):
        return None
    return _Cand(m.start(), m.end(), "year", "y", y=int(m.group("y")))


def _fixed(start: int, end: int, family: str, gran: str, ds: dt.date, de: dt.date) -> _Cand:
    c = _Cand(start, end, gran, family, y=ds.year, m=ds.month, d=ds.day, fixed=(ds, de))
    c.resolved = True
    return c


def _period_at(gran: str, pub: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    if gran == "year":
        y = pub.year + offset
        return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    if gran == "decade":
        y = pub.year // 10 * 10 + 10 * offset
        return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
    size = {"month": 1, "quarter": 3, "half": 6}[gran]
    first = dt.date(pub.year, (pub.month - 1) // size * size + 1, 1)
    s = _add_months(first, offset * size)
    return s, _add_months(s, size)


def _h_rd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    word = m.group("w")
    key = _norm(word)
    if key not in _DAYS_REL_LANG[ctx.lang]:
        return None
    if key == "morgen":
        if ctx.cased and word[0].isupper():
            return None  # "Morgen" is the morning
        if _prev_word(ctx.text, m.start()) in ("heute", "gestern", "jeden", "am", "guten"):
            return None
    ds = ctx.pubdate + dt.timedelta(days=_DAYS_REL[key])
    return _fixed(m.start(), m.end(), "rd", "day", ds, ds + dt.timedelta(days=1))


def _h_ru(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    rel = _norm(m.group("rel"))
    gran = _REL_UNITS[m.group("unit").lower()]
    ds, de = _period_at(gran, ctx.pubdate, _REL_YEAR[rel])
    start = m.start()
    return _fixed(start, m.end(), "ru", gran, ds, de)


def _h_pp(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    gran = _PREV_PERIOD[m.group("w").lower()]
    ds, de = _period_at(gran, ctx.pubdate, -1)
    return _fixed(m.start(), m.end(), "pp", gran, ds, de)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _COUNT_WORDS.get(_norm(word)) or None


def _h_ago(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    n = _count(m.group("n"))
    if not n:
        return None
    unit = _AGO_UNITS[m.group("u").lower()]
    pub = ctx.pubdate
    if unit in ("day", "week"):
        ds = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _fixed(m.start(), m.end(), "ago", "day", ds, ds + dt.timedelta(days=1))
    if unit == "month":  # the same day n months back (the last day of a shorter month)
        first = _add_months(dt.date(pub.year, pub.month, 1), -n)
        last_day = (_add_months(first, 1) - dt.timedelta(days=1)).day
        ds = first.replace(day=min(pub.day, last_day))
        return _fixed(m.start(), m.end(), "ago", "day", ds, ds + dt.timedelta(days=1))
    y = pub.year - n
    if y < 1:
        return None
    return _fixed(m.start(), m.end(), "ago", "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def _h_wd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    mm = _WD_MOD_RE.search(ctx.low, max(0, m.start() - 20), m.start())
    mod = _norm(mm.group("mod")) if mm else ""
    start = mm.start() if mm else m.start()
    if _prev_word(ctx.text, start) in _NOT_WEEKDAY_BEFORE:
        return None
    if _prev_word(ctx.text, m.start()) in _NOT_WEEKDAY_BEFORE:
        return None
    wd = _WEEKDAYS[m.group("wd").lower()]
    pub = ctx.pubdate
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mod in ("last", "letzten", "vergangenen"):
        day = pub - dt.timedelta(days=back or 7)
    elif mod == "next" and ctx.lang == "en":
        monday_next = pub + dt.timedelta(days=7 - pub.weekday())
        day = monday_next + dt.timedelta(days=wd)
    elif mod in ("next", "nächsten", "kommenden", "coming", "this coming"):
        day = pub + dt.timedelta(days=fwd or 7)
    elif mod in ("this", "diesen"):
        day = pub + dt.timedelta(days=wd - pub.weekday())
    else:
        day = pub - dt.timedelta(days=back) if back <= fwd else pub + dt.timedelta(days=fwd)
    span_start = m.start() if mod in ("on", "am", "den", "") else start
    return _fixed(span_start, m.end(), "wd", "day", day, day + dt.timedelta(days=1))


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _h_wdd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    if m.group("dn") or m.group("dn2"):
        day = int(m.group("dn") or m.group("dn2"))
    else:
        day = _ORD_WORDS.get(_norm(m.group("dw") or m.group("dw2"))) or _CARD_WORDS.get(
            _norm(m.group("dw") or m.group("dw2")))
    if not day or not 1 <= day <= 31:
        return None
    wd = _WEEKDAYS[m.group("wd").lower()]
    pub = ctx.pubdate
    options = []
    for k in (-1, 0, 1):
        first = _add_months(dt.date(pub.year, pub.month, 1), k)
        if _valid_ymd(first.year, first.month, day):
            cand = first.replace(day=day)
            options.append((cand.weekday() != wd, abs((cand - pub).days), cand))
    if not options:
        return None
    day_date = min(options)[2]
    return _fixed(m.start(), m.end(), "wdd", "day", day_date, day_date + dt.timedelta(days=1))


def _h_wdw(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    rel = _norm(m.group("rel"))
    wd = _WEEKDAYS[m.group("wd").lower()]
    day = _monday(ctx.pubdate) + dt.timedelta(days=7 * _REL_YEAR[rel] + wd)
    return _fixed(m.start(), m.end(), "wdw", "day", day, day + dt.timedelta(days=1))


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date | None:
    if n > 0:
        first = dt.date(y, month, 1)
        d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        return d if d.month == month else None
    last = _add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _nearest_yearly(pub: dt.date, mode: str, make) -> tuple[dt.date, bool] | None:
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
    if mode == "this":
        same = [d for d in options if d.year == pub.year]
        return (same[0], True) if same else None
    return min(options, key=lambda d: (abs((d - pub).days), d)), True


def _h_nwd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _NTH[m.group("o").lower()]
    wd = _WEEKDAYS[m.group("wd").lower()]
    if m.group("mon"):
        if not _month_ok(m.group("mon"), ctx):
            return None
        month = _MONTHS[m.group("mon").lower()]
        if m.group("y"):
            d = _nth_weekday(int(m.group("y")), month, wd, n)
            if d is None:
                return None
            c = _fixed(m.start(), m.end(), "nwd", "day", d, d + dt.timedelta(days=1))
            c.resolved = False
            return c
        if ctx.pubdate is None:
            return None
        got = _nearest_yearly(ctx.pubdate, "nearest", lambda y: _nth_weekday(y, month, wd, n))
    else:
        if ctx.pubdate is None:
            return None
        off = _REL_YEAR[_norm(m.group("rel"))] if m.group("rel") else 0
        first = _add_months(dt.date(ctx.pubdate.year, ctx.pubdate.month, 1), off)
        d = _nth_weekday(first.year, first.month, wd, n)
        got = (d, True) if d else None
    if got is None:
        return None
    return _fixed(m.start(), m.end(), "nwd", "day", got[0], got[0] + dt.timedelta(days=1))


def _easter(y: int) -> dt.date:
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


def _holiday(name: str, y: int) -> dt.date | None:
    if not 1583 <= y <= 9999:
        return None
    if name in _HOL_FIXED:
        month, day = _HOL_FIXED[name]
        return dt.date(y, month, day)
    if name in _HOL_EASTER:
        return _easter(y) + dt.timedelta(days=_HOL_EASTER[name])
    month, wd, n, extra = _HOL_NTH[name]
    d = _nth_weekday(y, month, wd, n)
    return d + dt.timedelta(days=extra) if d else None


def _h_hol(m: re.Match, ctx: _Ctx) -> _Cand | None:
    word = m.group("hol")
    if ctx.cased and word.islower():
        return None  # "easter egg" style lower-case uses are not the holiday
    name = re.sub(r"[\s\u00a0-]+", " ", word.lower()).replace("\u2019", "'")
    if name not in _HOLIDAYS or _prev_word(ctx.text, m.start()) in _NOT_HOLIDAY_BEFORE:
        return None
    mm = None
    if m.group("y"):
        d = _holiday(name, int(m.group("y")))
        if d is None:
            return None
        c = _fixed(m.start(), m.end(), "hol", "day", d, d + dt.timedelta(days=1))
        c.resolved = False
        return c
    if ctx.pubdate is None:
        return None
    if m.group("ry"):
        d = _holiday(name, ctx.pubdate.year + _REL_YEAR[_norm(m.group("ry"))])
        got = (d, True) if d else None
    else:
        mm = _HOL_MOD_RE.search(ctx.low, max(0, m.start() - 10), m.start())
        mode = mm.group("mod") if mm else "nearest"
        got = _nearest_yearly(ctx.pubdate, mode, lambda y: _holiday(name, y))
    if got is None:
        return None
    start = mm.start() if mm else m.start()
    return _fixed(start, m.end(), "hol", "day", got[0], got[0] + dt.timedelta(days=1))


def _h_edge(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    gran = _PERIOD_EDGES[_norm(m.group("w"))]
    ds, de = _period_at(gran, ctx.pubdate, 0)
    return _fixed(m.start(), m.end(), "edge", gran, ds, de)


def _h_dom(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    text = ctx.text
    dn = m.group("dn")
    if dn:
        day = int(dn)
        if m.group("am") and not text[m.end("dn") : m.end()]:
            return None  # German "am 15" needs the ordinal dot or suffix
    else:
        day = _ORD_WORDS.get(_norm(m.group("dw")), 0)
    if not 1 <= day <= 31:
        return None
    after = text[m.end() : m.end() + 40]
    nm = re.match(r"[\s\u00a0]*(" + _LETTER + r"+)", after)
    if nm:
        word = nm.group(1)
        if word.lower() not in _DOM_AFTER or (ctx.lang == "de" and ctx.cased and word[0].isupper()):
            return None
    elif re.match(r"[\s\u00a0]*[\d%$€£]|[-/\w]", after):
        return None  # "the 10-warhead missile", "for the 27 people"
    pub = ctx.pubdate
    options = []
    for k in (-1, 0, 1):
        first = _add_months(dt.date(pub.year, pub.month, 1), k)
        if _valid_ymd(first.year, first.month, day):
            cand = first.replace(day=day)
            options.append((abs((cand - pub).days), cand))
    if not options:
        return None
    d = min(options)[1]
    start = m.start("dn") if dn else m.start("dw")
    if m.group("pre"):
        start = m.start() + len(m.group("pre")) + 1
        start = text.index("the", start, m.end()) if "the" in text[start : m.end()] else start
    return _fixed(start, m.end(), "dom", "day", d, d + dt.timedelta(days=1))


_HANDLERS = {
    "dmy": _h_dmy, "mdy": _h_mdy, "ddm": _h_ddm, "mdd": _h_mdd, "ddnum": _h_ddnum,
    "my": _h_my, "myrel": _h_myrel, "ym": _h_ym, "bm": _h_bm, "iso": _h_iso, "num": _h_num,
    "nmy": _h_nmy, "nym": _h_nym, "ndm": _h_ndm, "yr": _h_yr, "q": _h_q, "qn": _h_qn,
    "nq": _h_nq, "h": _h_h, "hn": _h_hn, "dec4": _h_dec4, "dec2": _h_dec2, "decde": _h_decde,
    "decw": _h_decw, "fy": _h_fy, "y": _h_y, "rd": _h_rd, "ru": _h_ru, "pp": _h_pp,
    "ago": _h_ago, "vor": _h_ago, "wd": _h_wd, "wdd": _h_wdd, "wdw": _h_wdw, "wwd": _h_wdw,
    "nwd": _h_nwd, "dmyw": _h_dmy, "nh": _h_hn,
    "hol": _h_hol, "edge": _h_edge, "dom": _h_dom,
}


# ----------------------------------------------------------------------------- assembly


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Longest candidates first, no overlaps; ties go to the earlier pattern family."""
    occupied = bytearray(length + 1)
    chosen = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, _FAMILY_RANK[c.family], c.start)):
        if occupied.find(1, c.start, c.end) != -1:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _fill(c: _Cand, ctx: _Ctx) -> tuple[tuple[dt.date, dt.date], bool] | None:
    """Interval of a candidate on its own, taking a missing year from the publication date."""
    if c.fixed:
        return c.fixed, c.resolved
    if c.y is not None:
        iv = _interval(c, c.y)
        return (iv, c.resolved) if iv else None
    if ctx.pubdate is None:
        return None
    y = _year_from_pub(c, ctx.pubdate)
    iv = _interval(c, y)
    return (iv, True) if iv else None


def _fill_pair(a: _Cand, b: _Cand, ctx: _Ctx):
    """Intervals of the two ends of a range, a missing year taken from the other end."""
    if a.y is None and not a.fixed and (b.y is not None or b.fixed):
        by = b.fixed[0].year if b.fixed else b.y
        ya = by - 1 if _order_key(a) > _order_key(b) else by
        ia = _interval(a, ya)
        fb = _fill(b, ctx)
        if ia is None or fb is None:
            return None
        return (ia, b.resolved), fb
    fa = _fill(a, ctx)
    if fa is None:
        return None
    if b.y is None and not b.fixed:
        ay = fa[0][0].year
        yb = ay + 1 if _order_key(b) < (fa[0][0].month, fa[0][0].day) else ay
        ib = _interval(b, yb)
        if ib is None:
            return None
        return fa, (ib, fa[1])
    fb = _fill(b, ctx)
    return (fa, fb) if fb else None


def _span(c: _Cand, ctx: _Ctx) -> DateSpan | None:
    if c.until is not None:
        pair = _fill_pair(c, c.until, ctx)
        if pair is None:
            return None
        (ia, ra), (ib, rb) = pair
        if ib[1] <= ia[0]:
            return None
        return DateSpan(c.start, c.end, ia[0], ib[1], c.gran, ra or rb)
    f = _fill(c, ctx)
    if f is None:
        return None
    (ds, de), res = f
    return DateSpan(c.start, c.end, ds, de, c.gran, res)


def _merge_ranges(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Join neighbours such as "March 2023 to May 2024", "between 2019 and 2021"."""
    text = ctx.text
    out: list[_Cand] = []
    i = 0
    while i < len(chosen):
        a = chosen[i]
        if a.family == "wd" and i + 1 < len(chosen) and chosen[i + 1].family in _WD_JOINABLE:
            b = chosen[i + 1]
            if _WD_JOIN_RE.fullmatch(text, a.end, b.start):  # "Friday 7/6", "Mittwoch, 22.1."
                b.start = a.start
                if b.y is None and not b.fixed:
                    b.wd = _WEEKDAYS.get(_norm(text[a.start : a.end]).split(" ")[-1])
                i += 1
                continue
        if i + 1 < len(chosen) and a.until is None and chosen[i + 1].until is None:
            b = chosen[i + 1]
            gap = text[a.end : b.start]
            m = _CONNECTOR_RE.fullmatch(gap) if len(gap) <= 24 else None
            if m:
                conj = gap.strip().lower()
                needs_between = conj.startswith(("and", "und"))
                if not needs_between or _BETWEEN_RE.search(text, max(0, a.start - 30), a.start):
                    merged = _Cand(a.start, b.end, a.gran, a.family, y=a.y, m=a.m, d=a.d, n=a.n,
                                   mode=a.mode, fixed=a.fixed, resolved=a.resolved, until=b)
                    if _span(merged, ctx) is not None:
                        out.append(merged)
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


_ONES = b"\x01" * 256


def find_dates(text: str, lang: str, pubdate: dt.date | None = None) -> list[DateSpan]:
    """Date mentions in `text` (lang "en" or "de"), sorted by start and non-overlapping.

    Dates without a year and relative dates are resolved against `pubdate` (flagged
    `resolved=True`) and left out when it is None.
    """
    if not text:
        return []
    if isinstance(pubdate, dt.datetime):
        pubdate = pubdate.date()
    ctx = _Ctx(text, "de" if lang == "de" else "en", pubdate,
               cased=not (text.islower() or text.isupper()), low=_lower(text))
    cands: list[_Cand] = []
    covered = bytearray(len(text) + 1)  # spans of the candidates found so far
    gates: dict[str, bool] = {}
    for name, rx in _COMPILED:
        if not _family_runs(name, ctx.low, gates):
            continue
        handler = _HANDLERS[name]
        for raw in rx.finditer(ctx.low):
            if raw.end() <= raw.start() or covered.find(0, raw.start(), raw.end()) == -1:
                continue  # empty, or inside a longer candidate found before: cannot win
            c = handler(_Match(raw, text), ctx)
            if c is not None:
                if (text[c.end - 1] == "." and text[c.end - 2 : c.end - 1].isalpha()
                        and _prev_word(text, c.end).rstrip(".") not in _MONTH_ABBR):
                    c.end -= 1  # a sentence full stop after "3rd of May"
                cands.append(c)
                n = c.end - c.start
                covered[c.start : c.end] = _ONES[:n] if n <= len(_ONES) else b"\x01" * n
    chosen = _merge_ranges(_select(cands, len(text)), ctx)
    spans = []
    for c in chosen:
        s = _span(c, ctx)
        if s is not None:
            spans.append(s)
    return spans
