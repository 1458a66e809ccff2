"""Date mentions in English and German news text.

`find_dates(text, lang, pubdate)` returns `DateSpan`s: the surface span and the interval
[date_start, date_end) it denotes, with its granularity: day, week, month, quarter, half,
season, year or decade (week and season extend the list of INTERFACES.md; a run of days such
as "13-15 July" or "end of next week" is "day", a run of months "month" and so on).
Dates read against the publication date ("April 28", "last year", "am Mittwoch", "next
week", "Christmas") are flagged `resolved=True`; they are not reported without one.

Reading a date without a year (see `_lean`): the tense of its clause decides between the
reading before and after the publication date (past: "sales fell at Christmas"; future:
"will meet on Monday", "wird ... am 3. Mai"); without a cue running text takes the nearest
reading, and a date standing alone (a heading, a list or agenda line, a query) reads
forward like a calendar entry. Cues move a date only out of a window around the
publication date, so "asked for offers on March 24" (six days ahead) stays this year's.
Dates listed together share the year written once ("July 12, 2014. July 13, July 14";
"im April und Mai 2015"). Holidays of other calendars are computed, not looked up: the
Hebrew calendar exactly, Orthodox Easter by the Julian computus, Islamic months and the
Chinese New Year from new moons (Meeus), Hindu festivals approximately from new and full
moons and the Sun's sidereal signs (almanacs differ by a day between regions).

How it works: a fixed set of regular expressions (one per family: "day month year", "next N
units", holidays ...), compiled once at import. Two passes find anchors: one trie of
keywords at a word start (months, weekdays, "year", a holiday's first word, "Q" before a
digit, "the" before a day number ...), one for digits (four-digit numbers, a short number
before a separator, "3Q", "1990s"). Each anchor word has a plan, made at import: the
families that start right at it, tried at once by one pattern (a look-ahead per family),
and the families searched in a short window around it, only when the word before it fits
(a count before "years", a modifier before "March"). So an article pays for the families
it can match, and a common word for little. Every match is checked in Python (valid day and
month, context words that make "2000" a count rather than a year, case of "May"/"march" ...)
and becomes a candidate. Candidates are chosen longest first without overlaps; adjacent
candidates joined by "to", "-", "bis", "between ... and" ... become one range. Last, dates
that point back are read from the period their sentence named last ("from the previous
month", "a year earlier", "the same quarter of 1986"; see `_reanchor`), and a quarter or
fiscal year "ended January 31" becomes the months up to that day. The word
lists live in `factcheck/data/dates.toml`. Quantifiers are bounded or anchored on a
preceding literal, so the run time grows linearly with the text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from factcheck.extract.sentences import SentenceIndex, sentence_bounds
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
_WEEKDAYS_LANG = {"en": {w for w in _WEEKDAYS if w.endswith("day")},
                  "de": {w for w in _WEEKDAYS if not w.endswith("day")}}
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
_PRESENT = _DATA["present_at_large"]
_PRESENT_WORDS = _words("present_at_large", "words")
_PRESENT_DAY_AFTER = _words("present_at_large", "day_after")
_PRESENT_DAY_BEFORE = _words("present_at_large", "day_before")
_MORGEN_IDIOMS = _words("present_at_large", "idioms")
_PRESENT_CUES = {lang: {k: {w.lower() for w in ws} for k, ws in _PRESENT[lang].items()} for lang in ("en", "de")}
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
_HOL_ORTHODOX = _lower_map(_DATA["holidays"]["orthodox"])
_HOL_HEBREW = _lower_map(_DATA["holidays"]["hebrew"])
_HOL_ISLAMIC = _lower_map(_DATA["holidays"]["islamic"])
_HOL_OTHER = _lower_map(_DATA["holidays"]["other"])
_HOLIDAYS = {**_HOL_FIXED, **_HOL_EASTER, **_HOL_NTH, **_HOL_ORTHODOX, **_HOL_HEBREW, **_HOL_ISLAMIC,
             **_HOL_OTHER}
_HOLIDAYS.update({k.replace("'", "\u2019"): v for k, v in _HOLIDAYS.items() if "'" in k})
_HOL_KEY = {re.sub(r"[\s\u00a0-]+", " ", k).replace("\u2019", "'"): k for k in _HOLIDAYS}
_NOT_HOLIDAY_BEFORE = _words("not_a_holiday_before", "words")
_PERIOD_EDGES = _lower_map(_DATA["period_edges"])
_DOM_AFTER = _words("day_of_month_after", "words")
_IDIOMS = set(_DATA["not_a_date"]["idioms"])
_NAME_MONTHS = _words("not_a_date", "name_months")
_OFY_NOT_BEFORE = _words("part_of_period", "not_of_the_year_before")
_MONTH_MEASURES = _words("month_before_noun", "measures")
_MONTH_FORWARD = _words("month_before_noun", "forward")
_MONTH_VERBS = _words("month_before_noun", "verbs")
_MONTH_PERSON_BEFORE = _words("month_before_noun", "person_before")
_MONTH_NOUNS = _MONTH_MEASURES | _MONTH_FORWARD | _words("month_before_noun", "events")
_MEASURED_AFTER = _words("month_before_noun", "measured_after")
_QUARTER_MONTHS = _lower_map(_DATA["quarter_months"])
_ANAPHORIC = _words("anaphoric", "words")
_SHIFT_UNITS = _lower_map(_DATA["shift_units"])
_SHIFT_WORDS = _words("shift_words", "words")
_SHIFT_THEN = _words("shift_words", "then")
_YEAR_AGO_NOUNS = {k: v or None for k, v in _lower_map(_DATA["year_ago"]["nouns"]).items()}
_YEAR_AGO_UNITS = _words("year_ago", "units")
_SAME_WORDS = _words("same_period", "words")
_SAME_NOUNS = {k: v or None for k, v in _lower_map(_DATA["same_period"]["nouns"]).items()}
_ENDED_RE = re.compile(r"[\s\u00a0]{1,3}(?:" + "|".join(sorted(_words("period_ended", "words"))) + r")[\s\u00a0]{1,3}",
                       re.IGNORECASE)
_YEAR_AGO_AFTER = _words("year_ago", "after")
_NAMES_BEFORE_YEAR = set(_DATA["names_before_year"]["words"])  # as written: capitalised
_LAST_AS_VERB = _words("last_as_verb", "before")


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


def _build_spelled_years() -> dict[str, int]:
    """Years written in words: "nineteen twenty-eight", "two thousand (and) ten", "twenty
    nineteen", "nineteen oh five" (1900-2099)."""
    units = {k: v for k, v in _lower_map(_DATA["cardinals_en"]).items() if v < 20}
    tens = _lower_map(_DATA["tens_en"]) | {"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                                           "eighty": 80, "ninety": 90}
    two = dict(units)
    for tw, tv in tens.items():
        two[tw] = tv
        for uw, uv in units.items():
            if uv < 10:
                two[f"{tw} {uw}"] = tv + uv
    out: dict[str, int] = {}
    for w, v in two.items():
        if v >= 10:
            out[f"nineteen {w}"] = 1900 + v
            out[f"twenty {w}"] = 2000 + v
        else:
            out[f"nineteen oh {w}"] = 1900 + v
        out[f"two thousand {w}"] = 2000 + v
        out[f"two thousand and {w}"] = 2000 + v
        out[f"nineteen hundred and {w}"] = 1900 + v
    out["two thousand"] = 2000
    out["nineteen hundred"] = 1900
    return out


_SPELLED_YEARS = _build_spelled_years()


_NORM_RX = re.compile(r"[\s\-\u00a0]+")


def _norm(word: str) -> str:
    word = word.strip().lower()
    return word if word.isalpha() else _NORM_RX.sub(" ", word)  # one word: nothing to join


# ----------------------------------------------------------------------------- patterns

_LETTER = r"[^\W\d_]"


def _alt(words, tails: dict[str, str] | None = None) -> str:
    """Regex alternation of words as a character trie (one branch per first letter, so a
    failed match costs one test per position); spaces and hyphens in a word match either.
    `tails` gives some words a pattern that must follow them (a look-ahead)."""
    trie: dict = {}
    for w in set(words) | set(tails or ()):
        node = trie
        for tok in re.findall(r"[\s-]+|.", w.lower(), flags=re.S):
            node = node.setdefault(" " if tok.strip(" -") == "" else tok, {})
        node[""] = {}
        if tails and w in tails:
            node["\0"] = tails[w]
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    tail = node.get("\0")
    branches = []
    for tok in sorted(k for k in node if k and k != "\0"):
        head = r"[\s\u00a0-]{1,2}" if tok == " " else re.escape(tok)
        branches.append(head + _trie_regex(node[tok]))
    if not branches:
        return tail or ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:  # a word ends here: longer continuations first, then the word itself
        return "(?:" + body + ("|" + tail + ")" if tail else ")?")
    return body


_YEAR4 = r"[12]\d{3}(?!\d)(?![.,]\d)"
_DSUF = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + _LETTER + r")|\.(?![\d]))?"
_DSUF_NODOT = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + _LETTER + r"))?"
_REL_YEAR_ALT = _alt(_REL_YEAR)
_SPELLED_ALT = _alt(_SPELLED_YEARS)

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
_NU_REL = _lower_map(_DATA["next_n"]["direction"])
_NU_COUNT = {**_lower_map(_DATA["next_n"]["counts"]), **{k: v for k, v in _COUNT_WORDS.items() if v}}
_NU_UNITS = _lower_map(_DATA["next_n"]["units"])
_WEEK_REL = {**_REL_YEAR, **_lower_map(_DATA["next_n"]["week_extra"])}
_SEASONS = _lower_map(_DATA["seasons"]["names"])
_THIRD_WORDS = _lower_map(_DATA["period_thirds"]["words"])

# Words written into patterns that also decide whether a window around an anchor is searched
# (see `_need_ok`), kept once here: what precedes a day of the month, a count, a year in
# words; what follows a count of units
_DOM_BEFORE = ("on", "for")
_INN_BEFORE = ("in", "within", "innerhalb<S1>von")
_INN_AFTER = ("from<S1>now", "from<S1>today", "from<S1>tomorrow", "from<S1>yesterday", "after<S1>today",
              "before<S1>yesterday", "before<S1>today", "hence", "back", "ago")
_CDUR_AFTER = ("ago", "from<S1>now", "hence")
_YSP_BEFORE = ("in", "of", "since", "until", "by", "year")

# the words around a bare month that choose its year (see `_h_bm`, `_h_mn`, `_h_mm`)
_PERSON_MAY_RX = re.compile(r"(?<![^\W\d_])(?:" + _alt(_MONTH_PERSON_BEFORE) + r")\.?[\s\u00a0]{1,3}may(?![^\W\d_])")
# "June/July at 4,400 dlrs": traded (not a rate: "at 4.1 pct")
_PRICE_AFTER = re.compile(r"[\s\u00a0]{1,3}at[\s\u00a0]{1,3}\d"
                          r"(?![\d.,/-]*[\s\u00a0]*(?:pct|percent|per[\s\u00a0]cent|%))")
_MEASURE_AFTER = re.compile(r"[\s\u00a0]{1,3}(?:" + _alt(_MONTH_MEASURES) + r")(?![^\W\d_])")  # "the Nov/Feb total"
_FORWARD_AFTER = re.compile(r"[\s\u00a0]{1,3}(?:" + _alt(_MONTH_FORWARD) + r")(?![^\W\d_])")  # "May shipment"

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
    # two months joined by a hyphen or slash, perhaps a year after: "the January-March
    # period", "for Apr/May shipment", "April-Sept 1986" (not a day after: "Feb-March 3")
    (
        "mm",
        r"<MON:mon><S>[-\u2013/]<S>(?P<mon2>" + _alt(_MONTHS) + r")<NA>\.?"
        r"(?:<S>,?<S>(?P<y><YEAR4>)(?![.,/]?\d))?(?!<S>\.?<S>(?:of<S1>)?['\u2019]?\d)"
        r"(?P<q><S1>(?:quarter|qtr)<NA>)?",
    ),
    # bare month before a noun: "weak March employment data" (English; see _h_mn)
    ("mn", r"<MON:mon><S1>(?=(?P<noun>" + _alt(_MONTH_NOUNS) + r")<NA>)"),
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
        r"(?<![\w.])(?P<qo>" + _alt({**_QUARTER_ORD, **_QUARTER_MONTHS}) + r")\.?[\s\u00a0-]{1,3}"
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
        r"(?<![\w.,/-])(?P<n>\d{1,2}|" + _alt(_COUNT_WORDS) + r")<S1>(?P<u>"
        + _alt(k for k in _AGO_UNITS if k.isascii() and k.endswith(("s", "y", "k", "h")))
        + r")<S1>ago<NA>",
    ),
    (
        "vor",
        r"(?<!" + _LETTER + r")vor<S1>(?P<n>\d{1,2}|" + _alt(_COUNT_WORDS) + r")<S1>(?P<u>"
        + _alt(_AGO_UNITS) + r")<NA>",
    ),
    # "the same period last year", "the same month of 1986": see `_reanchor`
    (
        "same",
        r"(?<!" + _LETTER + r")the<S1>(?:" + _alt(_SAME_WORDS) + r")<S1>(?P<w>" + _alt(_SAME_NOUNS) + r")<S1>"
        r"(?:(?:of|in)<S1>(?P<y><YEAR4>)(?![/\u2013-]\d)|(?P<rel>last|(?:the<S1>)?(?:previous|prior)|a<S1>year)<S1>"
        r"(?P<post>year|ago|earlier|before)<NA>)",
    ),
    # "a year earlier", "two months before", "ein Jahr zuvor": see `_reanchor`
    (
        "ear",
        r"(?<![\w.,/-])(?P<n>\d{1,2}|" + _alt(_COUNT_WORDS) + r")<S1>(?P<u>" + _alt(_SHIFT_UNITS) + r")<S1>(?P<post>"
        + _alt(_SHIFT_WORDS) + r")<NA>",
    ),
    ("yago", r"(?<!" + _LETTER + r")(?P<u>" + _alt(_YEAR_AGO_UNITS) + r")[\s\u00a0-]{1,2}(?:" + _alt(_YEAR_AGO_AFTER)
     + r")<S1>(?P<w>" + _alt(_YEAR_AGO_NOUNS) + r")<NA>"),
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
        r"(?<!" + _LETTER + r")(?P<hol>" + _alt(_HOLIDAYS) + r")<NA>(?:<S>,?<S>(?:(?:of|in)<S1>)?(?:(?P<y><YEAR4>)"
        r"|(?P<ys>" + _SPELLED_ALT + r")<NA>)"
        r"|<S1>(?:of<S1>)?(?P<ry>" + _REL_YEAR_ALT + r")<S1>year<NA>)?",
    ),
    # "by the end of the year", "Jahresende", "Ende des Monats"
    ("edge", r"(?<!" + _LETTER + r")(?P<w>" + _alt(_PERIOD_EDGES) + r")<NA>"),
    # a day of the month alone: "on the 15th", "for the 27", "am 15."
    (
        "dom",
        r"(?<!" + _LETTER + r")(?:(?P<pre>" + "|".join(_DOM_BEFORE) + r")<S1>the<S1>|(?P<am>am)<S1>)"
        r"(?:(?P<dn>[0-3]?\d)(?!\d)(?:(?:st|nd|rd|th|te[nrms]?)<NA>|\.(?!\d))?|<ORDW:dw>)(?![.,]\d)",
    ),
    # "next 3 years", "the past two weeks", "in den nächsten drei Monaten"
    (
        "nu",
        r"(?<!" + _LETTER + r")(?:the<S1>)?(?P<rel>" + _alt(_NU_REL) + r")<S1>(?P<n>\d{1,2}|"
        + _alt(_NU_COUNT) + r")<S>(?P<u>" + _alt(_NU_UNITS) + r")<NA>",
    ),
    # "in 3 weeks", "three weeks hence", "2 years from today", "3 fridays from now", "in 2 Wochen"
    (
        "inn",
        r"(?<!" + _LETTER + r")(?:(?P<pin>" + "|".join(_INN_BEFORE) + r")<S1>)?(?P<n>\d{1,2}|"
        + _alt(_NU_COUNT) + r")<S1>(?:(?P<u>" + _alt(_NU_UNITS) + r")|(?P<wd>" + _WD_ALT + r")s)<NA>"
        r"(?:<S1>(?P<post>" + "|".join(_INN_AFTER) + r"))?",
    ),
    # compound durations: "1 month, 21 days ago", "2 years 21 days later"
    (
        "cdur",
        r"(?<!" + _LETTER + r")(?P<n1>\d{1,2}|" + _alt(_NU_COUNT) + r")<S1>(?P<u1>" + _alt(_NU_UNITS)
        + r")<NA>(?:<S>,<S>|<S1>and<S1>|<S1>)(?P<n2>\d{1,2}|" + _alt(_NU_COUNT) + r")<S1>(?P<u2>"
        + _alt(_NU_UNITS) + r")<S1>(?P<post>" + "|".join(_CDUR_AFTER) + r")<NA>",
    ),
    # weeks: "this week", "next week", "the week after next", "end of last week", "letzte Woche"
    (
        "wk",
        r"(?<!" + _LETTER + r")(?:(?:at<S1>)?(?:the<S1>)?(?P<pos>beginning|start|end|middle)<S1>of<S1>"
        r"(?:the<S1>)?(?:around<S1>)?)?(?:(?P<rel>" + _alt(_WEEK_REL) + r")<S1>(?:" + _WEEK_ALT + r")<NA>"
        r"|the<S1>week<S1>(?P<after>after<S1>next|before<S1>last))",
    ),
    # "the first week of October 2014", "letzte Woche im September 2014"
    (
        "wkm",
        r"(?<!" + _LETTER + r")(?:the<S1>)?(?P<o>first|second|third|fourth|last|erste|zweite|dritte"
        r"|vierte|letzte)<S1>(?:" + _WEEK_ALT + r")<S1>(?:of|in|im)<S1><MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?",
    ),
    # seasons: "this summer", "last winter", "the spring of 1978", "Sommer 2019", "diesen Sommer"
    (
        "sea",
        r"(?<!" + _LETTER + r")(?:(?P<rel>" + _REL_YEAR_ALT + r"|the)<S1>)?(?P<s>" + _alt(_SEASONS)
        + r")<NA>(?:<S>,?<S>(?:of<S1>)?(?:(?P<y><YEAR4>)|(?P<ys>" + _SPELLED_ALT + r")<NA>))?",
    ),
    # thirds of a year: "the end of 2012", "mid-2019", "Anfang 2020", "beginning of 2017"
    (
        "ythird",
        r"(?<!" + _LETTER + r")(?:at<S1>)?(?:the<S1>)?(?P<pre>" + _alt(_THIRD_WORDS) + r")(?:<S1>of|<S1>des)?"
        r"(?:<S1>|-)(?:(?:the<S1>)?year<S1>)?(?P<y><YEAR4>)(?![\w'\u2019])",
    ),
    # a day of a relative month: "20 of this month", "the 20th of the previous month"
    (
        "dorel",
        r"(?<!" + _LETTER + r")(?:the<S1>)?(?:<DNUM:dn>|<ORDW:dw>)<S1>of<S1>(?:the<S1>)?(?P<rel>"
        + _REL_YEAR_ALT + r")<S1>month<NA>",
    ),
    # the last day of a month: "last day of October 2015", "fifth last day of May"
    (
        "lastday",
        r"(?<!" + _LETTER + r")(?:the<S1>)?(?:(?P<o>" + _alt(_ORD_WORDS) + r"|\d(?:st|nd|rd|th))<S1>)?"
        r"(?P<last>last<S1>)?day<S1>(?:of|in)<S1><MON:mon>(?:<S>,?<S>(?P<y><YEAR4>))?",
    ),
    # "the year" after a part of it: "the first two months of the year" (see _h_ofy)
    ("ofy", r"(?<!" + _LETTER + r")(?:the|des)<S1>(?:year|jahres)<NA>(?!<S>(?:\d|(?:" + _alt(_OFY_NOT_BEFORE)
     + r")<NA>|to<S1>(?:" + _alt(_MONTHS) + r")<NA>))"),
    # years in words after a preposition: "in nineteen twenty-eight", "the year two thousand ten"
    (
        "ysp",
        r"(?<!" + _LETTER + r")(?:" + "|".join(_YSP_BEFORE) + r")<S1>(?P<ys>" + _SPELLED_ALT + r")<NA>",
    ),
    # weekdays: "on Wednesday", "am Mittwoch", "last Friday", "Mittwochabend"
    (
        "wd",
        r"(?<!" + _LETTER + r")(?P<wd>" + _WD_ALT + r")(?:"
        + _alt(_words("weekday_suffixes", "words")) + r")?<NA>",
    ),
]

_FAMILY_RANK = {name: i for i, (name, _) in enumerate(_PATTERNS)}

# ----------------------------------------------------------------------------- anchors
#
# Running every family's pattern over the whole text costs one pass each. Instead two
# passes find *anchors*: one for keywords at a word start (a month, a weekday, "year", a
# holiday's first word, "Q3", "the" before a day number ...), one for digits (a four-digit
# number starting with 1 or 2, a short number before a separator, "3Q", "1990s", "90er").
# Each family then runs only where one of its anchors is: matched right at the anchor
# ("at") or searched in a small window around it ("win": back to where the longest match
# can start, forward to where it can end plus its look-ahead). Every match of a family
# contains one of its anchors, so nothing is lost. A window is searched only when the word
# before the anchor fits the family ("need"), so a common word such as "year" costs little.

# How far past its anchor's end a family's match, with its look-ahead, can reach (the longest
# tail after the anchor word with every space run at its widest, plus eight): a window cut
# shorter would let a look-ahead such as "no letter follows" pass at the cut.
_FWD = {"dmy": 32, "dmyw": 32, "ddm": 32, "bm": 16, "wwd": 8, "nwd": 52, "inn": 36, "ru": 8,
        "edge": 44, "rd": 8, "ago": 8, "ear": 20, "yago": 28, "same": 44, "q": 72, "h": 72, "decw": 8, "nu": 8,
        "cdur": 68, "wk": 32,
        "wkm": 48, "sea": 60, "dorel": 8, "lastday": 44, "ysp": 48, "dom": 36, "ofy": 8}


def _first_word(key: str) -> str:
    """The anchor word of a multi-word key ("st. patrick's day" -> "st.")."""
    return re.split(r"[\s\-\u00a0]+", key.lower())[0]


def _kw_table() -> dict[str, tuple[dict[str, object], dict[str, object]]]:
    """anchor word -> (families run at any word starting with it, families run only when
    the word ends there); each family with its run mode ("at", or ("win", back, need))."""
    table: dict[str, tuple[dict, dict]] = {}

    def add(words, fams: dict[str, object], whole: bool) -> None:
        for w in words:
            w = w.lower()
            pre, wh = table.setdefault(w, ({}, {}))
            (wh if whole else pre).update(fams)

    def first_words(keys) -> set[str]:
        return {_first_word(k) for k in keys}

    # ("win", back, need): search a window reaching `back` characters before the anchor, but
    # only when the word before the anchor fits (see `_need_ok`); None: always
    month_fams = {"dmy": ("win", 30, "digit"), "dmyw": ("win", 45, "ord"), "mdy": "at",
                  "ddm": ("win", 40, "digit"), "mdd": "at", "my": "at", "myrel": "at",
                  "bm": ("win", 45, "mod"), "mn": "at", "mm": "at"}
    add(_MONTHS, month_fams, whole=True)
    add(_WEEKDAYS, {"wdd": "at", "wdw": "at", "wwd": ("win", 30, "wwd"), "nwd": ("win", 20, "ord"),
                    "wd": "at", "inn": ("win", 25, "inn")}, whole=False)
    add(first_words(_HOLIDAYS), {"hol": "at"}, whole=True)
    units = {"year", "yr", "month", "quarter", "qtr", "jahr", "monat", "quartal", "decade",
             "jahrzehnt", "halbjahr"}
    add(units | first_words(_REL_UNITS), {"ru": ("win", 30, "rel")}, whole=False)
    add({"year", "month", "jahr", "monat", "week"} | first_words(_PERIOD_EDGES) - {"the", "end", "beginning",
        "start", "ende", "anfang", "mitte"}, {"edge": ("win", 30, "edge")}, whole=False)
    add(_PREV_PERIOD, {"pp": "at"}, whole=True)
    add({w.split(" ")[-1] for w in _DAYS_REL}, {"rd": ("win", 30, None)}, whole=True)
    add({"ago"}, {"ago": ("win", 30, None)}, whole=True)
    add({"vor"}, {"vor": "at"}, whole=True)
    # anchored on the unit, not on "before"/"earlier" (common words): a count before it and
    # the word after it decide
    add(_SHIFT_UNITS, {"ear": ("win", 30, "ear")}, whole=True)
    add(_YEAR_AGO_UNITS, {"yago": ("win", 2, "yago")}, whole=True)
    add(_SAME_WORDS, {"same": ("win", 6, "the")}, whole=True)
    add({"quart", "qtr"}, {"q": ("win", 30, None)}, whole=False)
    add({"half", "hälfte", "halbjahr", "jahreshälfte"}, {"h": ("win", 25, None)}, whole=False)
    add(_DECADE_WORDS, {"decw": ("win", 25, None)}, whole=True)
    add(first_words(_FISCAL), {"fy": "at"}, whole=False)
    add(first_words(_NU_UNITS), {"nu": ("win", 48, "nu"), "inn": ("win", 40, "inn"),
                                 "cdur": ("win", 40, "cdur")}, whole=True)
    add({"week", "woche"}, {"wk": ("win", 45, "rel"), "wkm": ("win", 25, "ord")}, whole=False)
    add(first_words(_SEASONS), {"sea": ("win", 25, None)}, whole=True)
    add({"month"}, {"dorel": ("win", 40, "rel")}, whole=True)
    add({"day"}, {"lastday": ("win", 30, "ord")}, whole=True)
    add({"year", "jahres"}, {"ofy": ("win", 7, "ofy")}, whole=True)
    add({"nineteen", "two", "twenty"}, {"ysp": ("win", 12, "ysp")}, whole=True)
    # a family of a shorter anchor also runs at every longer anchor word starting with it
    for w, (pre, _wh) in list(table.items()):
        for i in range(1, len(w)):
            if w[:i] in table:
                for fam, mode in table[w[:i]][0].items():
                    pre.setdefault(fam, mode)
    return table


_KW = _kw_table()
assert "the" not in _KW and "am" not in _KW  # they anchor "dom" below, before a day number

# A plan says what an anchor word sets off: its "at" families (as one tuple, matched together,
# see `_at_class`) and its windows grouped by need: ((need, ((family, back, fwd), ...)), ...).
_Plan = tuple[tuple[str, ...], tuple[tuple[object, tuple[tuple[str, int, int], ...]], ...]]


def _plan(fams: dict[str, object]) -> _Plan | None:
    at = tuple(sorted((f for f, mode in fams.items() if mode == "at"), key=_FAMILY_RANK.__getitem__))
    needs: dict[str | None, list[tuple[str, int, int]]] = {}
    for f, mode in fams.items():
        if mode != "at":
            _, back, need = mode  # type: ignore[misc]
            needs.setdefault(need, []).append((f, back, _FWD[f]))
    if not at and not needs:
        return None
    # a need that is just "the word before is one of these" is kept as that set (tested inline)
    return at, tuple((_NEED_SETS.get(need, need), tuple(ws)) for need, ws in needs.items())


# one pass: a non-letter (consumed, so the engine skips to candidate positions fast), then a
# keyword; in the same trie "the"/"am" before a day number ("on the 15th", "am 15.") and the
# "q"/"h" of "Q3", "H1" (the digit is left to start the next word: "Q3FY2024"); the text is
# scanned with a space in front so that position 0 is a word start
_KW_SPECIAL = {
    "the": r"(?=[\s\u00a0]{1,3}(?:\d|(?:" + _alt(_ORD_WORDS) + r")(?![^\W\d_])))",
    "am": r"(?=[\s\u00a0]{1,3}\d)",
    "q": r"(?=[1-4])",
    "h": r"(?=[12])",
}
assert not set(_KW_SPECIAL) & set(_KW)

# one pass over digits: a four-digit number starting with 1 or 2 (group y, with a decade
# suffix "1990s", "1990er" in yd); one or two digits before a full stop and a digit (dp:
# "1.5", "22.04.", with dpy when a year can follow: "22.01.2025", "05.2016") or before
# another date separator and, soon, a number (dn); "3Q" (nq), "1H" (nh), a decade "0s" /
# "0er" (dec)
_DIGIT_RX = re.compile(
    r"\d(?:(?<=[12])(?P<y>\d{3})(?:(?<=0)(?P<yd>['\u2019]?s|er))?"
    r"|(?P<dp>\d?\.(?=\d))(?P<dpy>(?=\d{1,2}[.,](?:[12]\d{3}|\d{2})(?!\d)|(?:19|20)\d\d(?!\d)))?"
    r"|(?P<dn>\d?(?:[./-]|\.?[\s\u00a0]{1,3}(?:[-–—/]|bis))(?=\D{0,12}\d))"
    r"|(?<=[1-4])(?P<nq>q)|(?<=[12])(?P<nh>h)|(?<=0)(?P<dec>['\u2019]?s|er))"
)
_DIGIT_GROUPS = {name: i for name, i in _DIGIT_RX.groupindex.items()}
_Y4_FAMS = ("iso", "yr", "nym", "ym", "dec4", "y", "decde")
_DN_FAMS = ("ddnum", "num", "nmy", "ndm")
# after "1.5" a day range cannot follow; with no year after it only a day and month, and in
# English that only after a weekday (see _h_ndm: "1.5" is a decimal)
_DP_FAMS = ("num", "nmy", "ndm")
_DP_FAMS_EN = ("num", "nmy")

_ANY_DIGIT = re.compile(r"\d")
# the last word of an "in"/"within" shortly before a count: "in 3 weeks", "innerhalb von drei Wochen"
_INN_PIN = re.compile(r"(?<![^\W\d_])(?:" + "|".join(w.split("<S1>")[-1] for w in _INN_BEFORE) + r")[\s\u00a0]")


def _prev_token(low: str, rlow: str, a: int) -> str:
    """The word or number just before position a (over up to five other characters)."""
    return _prev_tok(low, rlow, a)[0]


# read backwards on the reversed text: up to five other characters, then up to 20 of a word
_PREV_TOK_RX = re.compile(r"[\W_]{0,5}([^\W_]{0,20})")


def _prev_tok(low: str, rlow: str, a: int) -> tuple[str, int]:
    """`_prev_token` and where it starts; `rlow` is `low` reversed (one match, no loop)."""
    n = len(low)
    s, e = _PREV_TOK_RX.match(rlow, n - a).span(1)
    return low[n - e : n - s], n - e


def _next_token(low: str, e: int) -> str:
    """The word or number just after position e (over up to five other characters)."""
    n = len(low)
    j = e
    stop = min(n, e + 5)
    while j < stop and not low[j].isalnum():
        j += 1
    k = j
    stop = min(n, j + 20)
    while k < stop and low[k].isalnum():
        k += 1
    return low[j:k]


def _last_token(word: str) -> str:
    return _prev_token(word, word[::-1], len(word))


_COUNT_LAST = {w.split(" ")[-1] for w in _NU_COUNT}
_NEED_WORDS = {
    "rel": {w.split(" ")[-1] for w in (*_REL_YEAR, *_NU_REL, *_WEEK_REL)} | {"the", "of", "rest"},
    "ord": set(_ORD_WORDS) | set(_NTH) | set(_QUARTER_ORD) | {"of", "de", "the"},
    "mod": {w.split(" ")[-1] for w in _MONTH_MOD_MODE} | {w.split(" ")[-1] for w in _THIRD_WORDS},
    "edge": {"the", "of", "des", "this", "rest"},
    "wwd": {"on", "am", "week", "woche", "weeks"},
    "ysp": set(_YSP_BEFORE),
    "dom": set(_DOM_BEFORE),
    "ofy": {"the", "des"},
    "ythird": {_last_token(w) for w in _THIRD_WORDS} | {"of", "des", "year"},
    "the": {"the"},
}
_NEED_SETS = {k: frozenset(_NEED_WORDS[k]) for k in ("rel", "ord", "mod", "wwd", "the", "ofy")}
_COUNT_NEEDS = frozenset(("inn", "nu", "cdur", "ear"))
_EDGE_BEFORE = frozenset(_NEED_WORDS["edge"])
# "the next three years": the word before the count is the direction (or part of a count)
_NU_BEFORE = {w.split(" ")[-1] for w in _NU_REL} | {x for w in _NU_COUNT for x in w.split(" ")[:-1]}
# "2 years from now", "3 weeks ago": the word after the unit (cdur: or the second count)
_INN_POST = tuple({w.split("<S1>")[0] for w in _INN_AFTER})
_CDUR_NEXT = tuple({w.split("<S1>")[0] for w in _CDUR_AFTER} | {"and"} | {w.split(" ")[0] for w in _NU_COUNT})


def _alpha_tail(token: str) -> str:
    """The letters ending a token: "mid" of "2016mid" (a word may follow digits directly)."""
    i = len(token)
    while i and token[i - 1].isalpha():
        i -= 1
    return token[i:]


def _need_ok(need: str, low: str, rlow: str, a: int, e: int, pw: str) -> bool:
    """Whether the words around an anchor (low[a:e], pw the word before) fit a family; the
    needs that only ask for pw in a set are tested inline (see `_NEED_SETS`)."""
    if need == "digit":  # "3 March", "3rd of March"
        return pw[-1:].isdigit() or _ANY_DIGIT.search(low, max(0, a - 12), a) is not None
    if need == "edge":  # "end of the year", or a compound: "Jahresende"
        return pw in _EDGE_BEFORE or (e < len(low) and low[e].isalpha()) or low[a:e] in _PERIOD_EDGES
    if need in _COUNT_NEEDS:  # a count before the unit, and more
        if not (pw.isdigit() or pw in _COUNT_LAST):
            return False
        if need == "nu":
            return _alpha_tail(_prev_token(low, rlow, _prev_tok(low, rlow, a)[1])) in _NU_BEFORE
        k = e
        while k < len(low) and low[k].isalnum():  # past the word: "3 fridays from now"
            k += 1
        nxt = _next_token(low, k)
        if need == "ear":  # "a year earlier"
            return nxt in _SHIFT_WORDS
        if need == "cdur":
            return nxt.startswith(_CDUR_NEXT) or nxt[:1].isdigit()
        return nxt.startswith(_INN_POST) or _INN_PIN.search(low, max(0, a - 40), a) is not None
    if need == "yago":  # "the year-ago quarter"
        return _next_token(low, e) in _YEAR_AGO_AFTER
    if need == "ysp":  # "in nineteen twenty-eight"
        return _alpha_tail(pw) in _NEED_WORDS[need]
    return pw in _NEED_WORDS[need]


# per anchor word: the plan when the word continues (a prefix) and when it ends there
_KW_PLANS = {w: (_plan(pre), _plan({**pre, **wh})) for w, (pre, wh) in _KW.items()}


def _kw_tails() -> dict[str, str]:
    """What must follow an anchor word for any of its families to have a chance, as a
    look-ahead the scan tests itself: most anchor words that reach Python would set off
    nothing ("market" for "mar", "new" without "year's day", "die" without "Heiligen Drei
    Könige", "financial" without a year), and each costs a turn of the anchor loop."""
    not_letter = "(?!" + _LETTER + ")"

    def rests(keys, w: str) -> list[str]:
        return [k.lower()[len(w):] for k in keys if _first_word(k) == w]

    tails = {}
    for w, (pre, whole) in _KW.items():
        fams = set(pre) | set(whole)  # what runs where the word ends; `pre` also at longer words
        if not pre and fams == {"hol"} and w not in _HOLIDAYS:
            tails[w] = "(?=" + _alt(rests(_HOLIDAYS, w)) + ")"  # "new" -> "new year's day"
        elif not pre and fams == {"same"}:  # "the same period", "the corresponding quarter"
            tails[w] = r"(?=[\s\u00a0]{1,3}(?:" + _alt(_SAME_NOUNS) + ")(?!" + _LETTER + "))"
        elif not pre and fams == {"ysp"}:
            tails[w] = "(?=" + _alt(rests(_SPELLED_YEARS, w)) + ")"  # "two" -> "two thousand ten"
        elif fams == {"fy"}:
            # "fiscal 1987", "financial year 1987/88": a number follows
            tails[w] = "(?=(?:" + _alt(rests(_FISCAL, w)) + r")[\s\u00a0]{0,3}['\u2019]?\d)"
        elif not pre:
            tails[w] = not_letter  # no family runs at a longer word: "market", "decline"
    return tails


# the keyword scan (see `_KW_SPECIAL` above), each word with what must follow it
_KW_RX = re.compile(r"[^a-zäöüß](?P<w>" + _alt(_KW, {**_kw_tails(), **_KW_SPECIAL}) + ")")


def _merged(windows: list[tuple[int, int, int]]) -> list[list[int]]:
    """Windows (start, end, anchor) joined where they overlap, as [start, end]."""
    windows.sort()
    out = [[windows[0][0], windows[0][1]]]
    for s, e, _ in windows[1:]:
        if s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return out


_COMPILED = [(name, re.compile(_p(pat))) for name, pat in _PATTERNS]
_RX = dict(_COMPILED)


def _at_class(fams: tuple[str, ...]) -> tuple[re.Pattern, tuple[tuple[str, int], ...]]:
    """One pattern that tries each family of an anchor at once: a look-ahead per family
    captures its match (group names prefixed to keep them apart), and it fails when none
    does. So a position costs one call, and only the families that match run again."""
    parts, tests = [], "(?!)"
    raw = [dict(_PATTERNS)[f] for f in fams]
    if all(r.startswith("<MON:mon>") for r in raw):  # match the month once: "March" + what follows
        parts.append(rf"(?<!{_LETTER})(?:{_alt(_MONTHS)})(?!{_LETTER})")
        raw = [r"\.?" + r.removeprefix("<MON:mon>") for r in raw]
    for i, pat in enumerate(raw):
        pat = _p(pat)
        pat = re.sub(r"\(\?P<(\w+)>", rf"(?P<_{i}_\1>", pat)
        pat = re.sub(r"\(\?P=(\w+)\)", rf"(?P=_{i}_\1)", pat)
        parts.append(rf"(?:(?=(?P<_{i}>{pat}))|)")
    for i in reversed(range(len(fams))):
        tests = rf"(?(_{i})|{tests})"
    rx = re.compile("".join(parts) + tests)
    return rx, tuple((f, rx.groupindex[f"_{i}"]) for i, f in enumerate(fams))


_AT_CLASSES = {fams: _at_class(fams) for fams in {
    *(plan[0] for plans in _KW_PLANS.values() for plan in plans if plan and len(plan[0]) > 1),
    _DN_FAMS, _DP_FAMS, _DP_FAMS_EN, _Y4_FAMS}}


def _at_raws(low: str, fams: tuple[str, ...], positions: list[int], raws: dict[str, list]) -> None:
    """The matches of families `fams` at `positions`, appended per family to `raws`."""
    if len(fams) == 1:
        match = _RX[fams[0]].match
        got = [m for m in map(match, [low] * len(positions), positions) if m is not None]
        if got:
            raws.setdefault(fams[0], []).extend(got)
        return
    match, groups = _AT_CLASSES[fams]
    match = match.match
    for a in positions:
        m = match(low, a)
        if m is None:
            continue
        regs = m.regs
        for f, gi in groups:
            if regs[gi][0] >= 0:
                raws.setdefault(f, []).append(_RX[f].match(low, a))


def _anchor_raws(low: str, rlow: str, lang: str) -> dict[str, list[re.Match]]:
    """Per family: its matches at and around the anchors, in the order they are tried (at
    anchors by position, then window matches). `rlow` is `low` reversed."""
    n = len(low)
    at: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    win: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
    plans = _KW_PLANS
    s = " " + low
    for m in _KW_RX.finditer(s):
        a, e = m.span(1)
        w = s[a:e]
        a -= 1  # on low
        e -= 1
        plan = plans.get(w)
        if plan is None:  # "Q3", "H1"; "the"/"am" before a day number
            if len(w) == 1:
                at[("qn",) if w == "q" else ("hn",)].append(a)
            elif w == "am" or _alpha_tail(_prev_token(low, rlow, a)) in _NEED_WORDS["dom"]:
                win["dom"].append((max(0, a - 6), min(n, e + _FWD["dom"]), a))
            continue
        plan = plan[e >= n or not low[e].isalpha()]
        if plan is None:
            continue
        fams, needs = plan
        if fams:
            at[fams].append(a)
        pw = counted = None
        for need, ws in needs:
            if need is not None:
                if pw is None:
                    pw = _prev_token(low, rlow, a)
                # the commonest tests inline (a month or a unit word at every few lines)
                if need.__class__ is frozenset:
                    if pw not in need:  # type: ignore[operator]
                        continue
                elif need in _COUNT_NEEDS:  # first of all a count before the unit
                    if counted is None:
                        counted = pw.isdigit() or pw in _COUNT_LAST
                    if not counted or not _need_ok(need, low, rlow, a, e, pw):  # type: ignore[arg-type]
                        continue
                elif not _need_ok(need, low, rlow, a, e, pw):  # type: ignore[arg-type]
                    continue
            for f, back, fwd in ws:
                win[f].append((max(0, a - back), min(n, e + fwd), a))
    gi = _DIGIT_GROUPS
    g_y, g_yd, g_dn, g_nq, g_nh = gi["y"], gi["yd"], gi["dn"], gi["nq"], gi["nh"]
    g_dp, g_dpy = gi["dp"], gi["dpy"]
    en = lang == "en"
    for m in _DIGIT_RX.finditer(low):
        a = m.start()
        k = m.lastindex
        if k == g_dn:
            at[_DN_FAMS].append(a)
            continue
        if k in (g_dp, g_dpy):
            if not en or _prev_token(low, rlow, a) in _WDPRE_WORDS:
                at[_DP_FAMS if k == g_dpy else ("ndm",)].append(a)
            elif k == g_dpy:
                at[_DP_FAMS_EN].append(a)
            continue
        if k in (g_y, g_yd):
            if (a == 0 or not low[a - 1].isdigit()) and not low[a + 4 : a + 5].isdigit():
                at[_Y4_FAMS].append(a)
                if _alpha_tail(_prev_token(low, rlow, a)) in _NEED_WORDS["ythird"]:
                    win["ythird"].append((max(0, a - 30), min(n, a + 6), a))
            if k == g_y:
                continue
            a += 3  # "1990s": the decade's "0"
        elif k == g_nq:
            at[("nq",)].append(a)
            continue
        elif k == g_nh:
            at[("nh",)].append(a)
            continue
        if low[m.end() - 1] == "r":  # "90er"
            win["decde"].append((max(0, a - 4), min(n, a + 20), a))
        else:  # "1990s", "the '70s"
            win["dec2"].append((max(0, a - 3), min(n, a + 6), a))
            win["dec4"].append((max(0, a - 4), min(n, a + 6), a))
    raws: dict[str, list[re.Match]] = {}
    multi = set()  # families anchored by more than one plan: their matches need sorting
    for fams, positions in at.items():
        for f in fams:
            if f in raws:
                multi.add(f)
        _at_raws(low, fams, positions, raws)
    for f in multi:
        raws[f].sort(key=lambda r: r.start())
    for f, windows in win.items():
        # a match must hold one of the family's anchors: a window cut short could otherwise
        # match a word it cuts ("by Mar|vel"), and a match without one ("the past twoweeks")
        # would be found or not depending on what precedes it
        anchors = [w[2] for w in windows]  # ascending: one scan adds a family's windows
        finditer = _RX[f].finditer
        got = raws.get(f)
        seen = {r.span() for r in got} if got else ()
        out = got if got is not None else []
        for ws, we in _merged(windows):
            for r in finditer(low, ws, we):
                a, e = r.span()
                i = bisect_left(anchors, a)
                if i < len(anchors) and anchors[i] < e and (a, e) not in seen:
                    out.append(r)
        if out and got is None:
            raws[f] = out
    return raws

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
_WDPRE_WORDS = {w.lower() for w in (*_WEEKDAYS, *_WEEKDAY_ABBR)} | {"the", "den", "der"}
_HOL_MOD_RE = re.compile(_p(r"(?<!" + _LETTER + r")(?P<mod>next|last|this)<S1>\Z"))

_PREV_WORD_RX = re.compile(r"[\s\u00a0]*\.?(" + _LETTER + r"+)")  # on the reversed text
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
    mode: str = "nearest"  # how a missing year is chosen: nearest, recent, next, last, this, latest, soon
    fixed: tuple[dt.date, dt.date] | None = None  # interval already known (relative dates)
    resolved: bool = False
    until: _Cand | None = None  # end part of a range
    wd: int | None = None  # weekday named with a year-less date: picks the year
    third: int | None = None  # early/mid/late: the first, middle or last third of the period
    guessed: bool = False  # a fixed interval whose year is the nearest reading ("at Christmas")
    back: int = 0  # "the previous year" (1), "the prior three months" (3): see `_reanchor`
    shift: tuple[int, str] | None = None  # "a year earlier": (1, "year"), see `_reanchor`
    like: str | None = None  # "the year-ago quarter": a quarter named before is the one moved
    to_year: int | None = None  # "the same month of 1986": the period named before, in 1986
    keep: bool = False  # a moved date keeps its own interval when nothing was named before it
    ends: bool = False  # the day a period ended ("the quarter ended January 31"): not moved itself


@dataclass(slots=True)
class _Ctx:
    text: str
    lang: str
    pubdate: dt.date | None
    cased: bool
    low: str = ""  # lower-cased text, same length: the patterns run on it
    rlow: str = ""  # low reversed, to read the word before a position
    # the sentences and the then-and-now contrasts of the text, found once when first asked
    # for (see `_present_at_large`)
    present_marks: tuple[SentenceIndex, list[int]] | None = None
    may_is_a_person: bool | None = None  # "Theresa May" in the text (see `_h_bm`), found once


def _orig(m: re.Match, ctx: _Ctx, g: str) -> str:
    """Group g of a match on the lower-cased text, as written in the original text (for the
    handlers that check case; digits and word lists read the lower-cased groups)."""
    return ctx.text[m.start(g) : m.end(g)]


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (characters that lower to two are kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _wd_prefix(ctx: _Ctx, start: int) -> tuple[int, int | None]:
    """A weekday written before a date ("Monday, March 4"): (new start, weekday)."""
    pt = _prev_token(ctx.low, ctx.rlow, start)
    if pt not in _WDPRE_WORDS:
        return start, None
    m = _WDPRE_RE.search(ctx.low, max(0, start - 30), start)
    if not m:
        return start, None
    if m.group("wd"):
        return m.start(), _WEEKDAYS[m.group("wd")]
    return m.start(), _WEEKDAY_ABBR[m.group("wda")]


def _prev_word(ctx: _Ctx, pos: int) -> str:
    """The word (letters) ending just before pos, over a full stop and spaces, lower-cased;
    read backwards on the reversed text within 40 characters."""
    n = len(ctx.low)
    pos = min(max(pos, 0), n)
    m = _PREV_WORD_RX.match(ctx.rlow, n - pos, n - max(0, pos - 40))
    if m is None:
        return ""
    a, b = m.span(1)
    return ctx.low[n - b : n - a]


def _next_word(ctx: _Ctx, pos: int) -> str:
    """The word (or "%") just after pos, over spaces, lower-cased."""
    m = _NEXT_WORD_RE.match(ctx.low, pos, min(len(ctx.low), pos + 40))
    return m.group(1) if m else ""


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


def _day_value(m: re.Match, num: str | None, word: str | None) -> int | None:
    if num is not None and m.group(num):
        v = int(m.group(num))
    else:
        key = _norm(m.group(word))
        v = _ORD_WORDS.get(key) or _CARD_WORDS.get(key)
        if v is None:
            return None
    return v if 1 <= v <= 31 else None


_YEAR_GROUPS: dict[re.Pattern, tuple[str, ...]] = {}  # per pattern: which of y, yy, ya it has


def _year_from_tail(m: re.Match) -> int | None:
    names = _YEAR_GROUPS.get(m.re)
    if names is None:
        names = _YEAR_GROUPS[m.re] = tuple(g for g in ("y", "yy", "ya") if g in m.re.groupindex)
    for g in names:
        v = m.group(g)
        if v:
            return int(v) if g == "y" else _year2(v)
    return None


def _quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def _add_months(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}


def _months_on(d: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier when negative), or the last day of a shorter month."""
    first = _add_months(dt.date(d.year, d.month, 1), months)
    return first.replace(day=min(d.day, (_add_months(first, 1) - dt.timedelta(days=1)).day))


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


def _nearest_year(bounds_in, pub: dt.date, lean) -> int:
    """The year (the publication year or one either side) whose period, `bounds_in(year)`,
    lies nearest the publication date (ties to the past), or the current-or-next /
    current-or-last one when the tense says so (see `_lean`)."""
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


def _year_from_pub(c: _Cand, pub: dt.date, lean=lambda: (0, 0)) -> int | None:
    """The year a year-less candidate denotes, seen from the publication date."""
    py = pub.year
    if c.gran == "day" and c.mode == "nearest":
        years = range(py - 1, py + 2)
        if c.wd is not None:  # "Fri, Jul 18": the nearest year in which it is a Friday
            years = [y for y in range(py - 6, py + 7) if _valid_ymd(y, c.m, c.d)
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
                if _valid_ymd(y, c.m, c.d):
                    return y
            return None
        got = _pick(options, pub, lean)
        return got.year if got else None
    idx, pidx = _period_index(c), _pub_index(c.gran, pub)
    if c.mode in ("nearest", "recent") and c.gran in ("month", "quarter", "half"):
        return _nearest_year(lambda y: _bounds(c.gran, y, c.m, 1, c.n), pub, lean)
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


# ----------------------------------------------------------------------------- tense

# A date without a year ("April 28", "Christmas", "on Sunday", "in March", "the third quarter")
# has a reading before and one after the publication date. The verbs around it choose: past
# tense ("fell", "was", "hatte") the latest reading not after it, future ("will", "expects",
# "wird", "soll") the first not before it. Without a cue, running text takes the nearest
# reading; a date standing alone (a heading, a list or agenda line, a query: nothing but the
# date and function words) reads forward, like a calendar entry.
_CUES = {w: -1 for w in _words("tense_cues", "past")} | {w: 1 for w in _words("tense_cues", "future")}
_REPORTING = _words("tense_cues", "reporting")
_NOT_PAST_ED = _words("tense_cues", "not_past_ed")
_FUNCTION = _words("tense_cues", "function_words")
_PERFECT = _words("tense_cues", "not_past_after")
_WORD_RX = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_CLAUSE_END = re.compile(r"[.!?;:]\s|\n\s*\n|\n[ \t]{2,}|[\u2022|]")


def _cue(words: list[str], i: int, lang: str) -> int:
    w = words[i]
    c = _CUES.get(w)
    if c is not None:
        return c
    participle = (lang == "en" and len(w) > 3 and w.endswith("ed")) or (
        lang == "de" and len(w) > 5 and w.startswith("ge") and w.endswith(("t", "en")))
    if not participle or w in _NOT_PAST_ED:
        return 0
    if i and words[i - 1] in _PERFECT:  # "has called", "to be announced": not a past event
        return 0
    return -1


def _lean(ctx: _Ctx, start: int, end: int, weekly: bool = False) -> tuple[int, int]:
    """(direction, window): +1 read forward, -1 read back, 0 the nearest reading. A date
    standing alone reads forward (window 0). A tense cue moves a date only when its nearest
    reading lies more than `window` days from the publication date: 14 for a future cue
    before the date, 60 for past cues and cues after it (a past-tense verb often governs a
    date just ahead: "asked for offers on March 24"; "growth in February will help")."""
    low = ctx.low  # words read lower-cased; clause ends are the same in either case
    cut = max(0, start - 120)
    for m in _CLAUSE_END.finditer(low, cut, start):
        cut = m.end()
    stop = min(len(low), end + 80)
    m = _CLAUSE_END.search(low, end, stop)
    lw = _WORD_RX.findall(low, cut, start)
    rw = _WORD_RX.findall(low, end, m.start() if m else stop)
    lang = ctx.lang
    cues = _CUES
    n = len(lw)
    for k in range(n - 1, max(-1, n - 9), -1):
        w = lw[k]
        c = cues.get(w)
        if c is None:  # most words: no cue, and not a participle ("fell", "the")
            if not (len(w) > 3 and w[-1] in "dtn"):
                continue
            c = _cue(lw, k, lang)
        if c and (w not in _REPORTING or k >= n - 2):  # "announced Nov. 17", "said Monday"
            return c, 0 if weekly else 14 if c > 0 else 60
    fronted = _FUNCTION.issuperset(lw)  # the date opens its clause: its verb follows
    for k in range(min(len(rw), 5)):
        w = rw[k]
        c = cues.get(w)
        if c is None:
            if not (len(w) > 3 and w[-1] in "dtn"):
                continue
            c = _cue(rw, k, lang)
        if c and (w not in _REPORTING or (fronted and k == 0)):
            return c, 0 if weekly else 60
    if fronted and _FUNCTION.issuperset(rw):
        return 1, 0
    return 0, 0


def _pick(options: list[dt.date], pub: dt.date, lean) -> dt.date | None:
    """The reading of a recurring date that the lean (see `_lean`; a callable, asked only
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


# ----------------------------------------------------------------------------- handlers


def _h_dmy(m: re.Match, ctx: _Ctx, word: bool = False) -> _Cand | None:
    mon = _orig(m, ctx, "mon")
    if not _month_ok(mon, ctx):
        return None
    if word:  # "third of March" (family dmyw)
        day = _day_value(m, None, "dw")
        if day is None:
            return None
        if ctx.cased and mon.lower() in _AMBIGUOUS_MONTHS and not mon[0].isupper():
            return None  # "may first", "march second": verbs, not dates
    else:
        between = ctx.low[m.end("dn") : m.start("mon")]
        if between[:2] in ("st", "nd", "rd", "th") and "." in between:
            return None  # "July 13th. July 14th": a full stop ends the first date
        day = _day_value(m, "dn", None)
        if day is None:
            return None
        if mon.isupper() and m.end() == m.end("mon") and ctx.text[m.end() : m.end() + 1].isdigit():
            return None  # "UP  17   JUL7 1467": a price change, then a futures contract month
    y = _year_from_tail(m)
    start, wd = _wd_prefix(ctx, m.start())
    return _Cand(start, m.end(), "day", "dmy", y=y, m=_MONTHS[m.group("mon")], d=day, wd=wd)


def _h_dmyw(m: re.Match, ctx: _Ctx) -> _Cand | None:
    return _h_dmy(m, ctx, word=True)


def _h_mdy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon_a, mon_b = m.span("mon")
    mon = ctx.text[mon_a:mon_b]
    if not _month_ok(mon, ctx):
        return None
    dn, dw, ys, ya = m.group("dn", "dw", "y", "ya")
    sep = ctx.low[mon_b : m.start("dn" if dn else "dw")]
    if "." in sep and mon.lower() in _MONTH_FULL and (dw or "the" in sep):
        return None  # a full stop after a month written out: "in February. The first ...", "May. One"
    if dn:
        day = int(dn)
        if not 1 <= day <= 31:
            return None
        if mon.isupper() and len(dn) == 1 and m.start("dn") == mon_b:
            return None  # "SEP7" in a futures table: the contract month of 1987
        if ya is None and ys is None:
            # "March 3" must not be a count: "in March 10 people" is rare, "May 5" common;
            # but a following "percent"/unit word means a number
            nxt = _next_word(ctx, m.end())
            if nxt in _NOT_YEAR_AFTER or nxt == "%":
                return None
    else:
        if ctx.cased and mon.lower() in _AMBIGUOUS_MONTHS and not mon[0].isupper():
            return None
        key = _norm(dw)
        day = _ORD_WORDS.get(key) or _CARD_WORDS.get(key)
        if day is None or not 1 <= day <= 31:
            return None
        if key in _CARD_WORDS and ys is None:
            nxt = _next_word(ctx, m.end())
            if nxt in _COUNT_AFTER or nxt in _NOT_YEAR_AFTER or (len(nxt) > 3 and nxt.endswith("s")
                                                                and nxt not in _FUNCTION):
                return None  # "in August six people died"
    y = int(ys) if ys else _year2(ya) if ya else None
    start, wd = _wd_prefix(ctx, m.start())
    return _Cand(start, m.end(), "day", "mdy", y=y, m=_MONTHS[m.group("mon")], d=day, wd=wd)


def _h_ddm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    mon = _MONTHS[m.group("mon").lower()]
    y = _year_from_tail(m)
    end = _Cand(m.start("d2"), m.end(), "day", "ddm", y=y, m=mon, d=d2)
    return _Cand(m.start(), m.end(), "day", "ddm", y=y, m=mon, d=d1, until=end)


def _h_mdd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    sep = ctx.text[m.end("d1") : m.start("d2")].strip().lower()
    if sep.startswith("and") and not _BETWEEN_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    nxt = _next_word(ctx, m.end())
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
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    y = _year_from_tail(m)
    return _Cand(m.start(), m.end(), "month", "my", y=y, m=_MONTHS[m.group("mon")])


def _h_myrel(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None or not _month_ok(_orig(m, ctx, "mon"), ctx, bare=True):
        return None
    y = ctx.pubdate.year + _REL_YEAR[_norm(m.group("ry"))]
    c = _Cand(m.start(), m.end(), "month", "myrel", y=y, m=_MONTHS[m.group("mon").lower()])
    c.resolved = True
    return c


def _h_ym(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    y, mon = int(m.group("y")), _MONTHS[m.group("mon")]
    if m.group("d"):
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        return _Cand(m.start(), m.end(), "day", "ym", y=y, m=mon, d=d)
    if _prev_word(ctx, m.start()) in _NOT_YEAR_BEFORE:
        return None
    return _Cand(m.start(), m.end(), "month", "ym", y=y, m=mon)


_SPAN_MODS = {"early", "mid", "late", "end of", "the end of", "beginning of", "the beginning of",
              "start of", "the start of", "the month of", "month of", "anfang", "ende", "mitte",
              "im monat"}


def _h_bm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon = _orig(m, ctx, "mon")
    if not _month_ok(mon, ctx, bare=True):
        return None
    key = mon.lower().rstrip(".")
    if ctx.cased and not mon[0].isupper():
        return None  # bare month names are written capitalised in news (en and de)
    if key in ("may", "mai", "march") and ctx.text[m.end() : m.end() + 2] in ("'s", "\u2019s"):
        return None
    pre = _norm(m.group("pre"))
    if key in _NAME_MONTHS and ctx.cased:
        nm = re.match(r"[ \t\u00a0]+(" + _LETTER + r"+)", ctx.text[m.end() : m.end() + 40])
        nxt = nm.group(1) if nm else ""
        if pre in ("von", "vom", "by", "from", "for") and nxt[:1].isupper() and nxt.lower() not in _MONTHS \
                and nxt.lower() not in _WEEKDAYS:
            return None  # "von August Diehl", "by August Wilson": a first name
        if pre == "for" and key in _MONTH_VERBS:
            if ctx.may_is_a_person is None:
                ctx.may_is_a_person = _PERSON_MAY_RX.search(ctx.low) is not None
            if ctx.may_is_a_person:
                return None  # "pressure mounts for May to quit" in a story of Theresa May
    mode = _MONTH_MOD_MODE.get(pre, "recent")
    if mode == "recent" and _FORWARD_AFTER.match(ctx.low, m.end()):
        mode = "soon"  # "for May shipment"
    # "in November": the span is the month; "this Jan", "Ende März": with the modifier
    start = m.start("mon") if mode in ("recent", "soon") and pre not in _SPAN_MODS else m.start()
    c = _Cand(start, m.end(), "month", "bm", m=_MONTHS[key], mode=mode)
    third = _THIRD_WORDS.get(pre.removeprefix("the ").removesuffix(" of"))
    if third is not None:
        c.third = third
    return c


def _h_mn(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the December meeting": the month alone; its year by the noun (see [month_before_noun]):
    a measure's month has begun, goods ship from now on, an event is read as after "in"."""
    if ctx.lang != "en" or not ctx.cased:
        return None  # in upper- or lower-case text a capital cannot tell "may" from "May"
    mon = _orig(m, ctx, "mon")
    key = mon.lower()
    if key not in _MONTH_FULL or not mon[0].isupper() or mon.isupper():
        return None
    if not ctx.text[m.start("noun")].islower():
        return None  # a title-case headline: "Oil Prices May Rise On OPEC Cut"
    if _prev_token(ctx.low, ctx.rlow, m.start()) in _MONTH_PERSON_BEFORE:
        return None  # "Prime Minister Theresa May talks"
    if key in _MONTH_VERBS:
        k = m.start() - 1
        while k >= 0 and ctx.text[k] in " \t\u00a0\"'(":
            k -= 1
        if k < 0 or ctx.text[k] in ".!?:;\n":
            return None  # "March orders the ...", "May trade ...": a verb opening a sentence
    noun = m.group("noun")
    mode = "latest" if noun in _MONTH_MEASURES else "soon" if noun in _MONTH_FORWARD else "recent"
    return _Cand(m.start("mon"), m.end("mon"), "month", "mn", m=_MONTHS[key], mode=mode)


def _h_mm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"January-March", "Apr/May": the months from the first to the second, the year chosen
    for the two together (see `_fill_pair`)."""
    first, second = _orig(m, ctx, "mon"), _orig(m, ctx, "mon2")
    a, b = _MONTHS[first.lower()], _MONTHS[second.lower()]
    if a == b or (ctx.cased and not (first[0].isupper() and second[0].isupper())):
        return None
    prev = _prev_token(ctx.low, ctx.rlow, m.start())
    if prev[-1:].isdigit():
        return None  # "16 January-March": the day belongs to the first month
    y = int(m.group("y")) if m.group("y") else None
    if m.group("q"):
        if a % 3 == 1 and b == a + 2:  # "the January/March quarter": the calendar quarter
            return _Cand(m.start(), m.end(), "quarter", "mm", y=y, n=(a + 2) // 3, mode="recent")
        end_at = m.start("q")  # a fiscal quarter ("the November-January quarter"): the months
    else:
        end_at = m.end()
    # goods shipped ("for shipment June-September", "Apr/May delivery") and a trader's pair
    # of months ("Oct/Dec at 4,480 dlrs"): a range not over by the publication date; other
    # ranges as a whole nearest it (see `_fill_pair`)
    abbreviated = "/" in ctx.text[m.end("mon") : m.start("mon2")] and not (
        first.lower() in _MONTH_FULL and second.lower() in _MONTH_FULL)
    measured = (prev in _MEASURED_AFTER or _MEASURE_AFTER.match(ctx.low, end_at) is not None
                or ctx.text[m.start() - 1 : m.start()] == "("
                or (prev == "the" and _prev_token(ctx.low, ctx.rlow, _prev_tok(ctx.low, ctx.rlow, m.start())[1])
                    in _MEASURED_AFTER))  # "in the Jan/Feb period"
    forward = (_FORWARD_AFTER.match(ctx.low, end_at) or prev in _MONTH_FORWARD
               or _PRICE_AFTER.match(ctx.low, end_at) or (abbreviated and not measured))
    mode = "soon" if forward else "recent"
    end = _Cand(m.start("mon2"), end_at, "month", "mm", y=y, m=b, mode="recent")
    return _Cand(m.start(), end_at, "month", "mm", m=a, mode=mode, until=end)


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
    if not _valid_ymd(y, mo, d) or _prev_word(ctx, m.start()) in _NUM_BLOCK_BEFORE:
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
    if order is None or _prev_word(ctx, m.start()) in _NUM_BLOCK_BEFORE:
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
    if _next_word(ctx, m.end()) in {"of", "der", "des"} | _NOT_YEAR_AFTER:
        return None
    if _prev_word(ctx, m.start()) in _NUM_BLOCK_BEFORE:
        return None
    return _Cand(m.start(), m.end(), "month", "nmy", y=int(m.group("y")), m=mo)


def _h_nym(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y, mo_s = int(m.group("y")), m.group("m")
    mo = int(mo_s)
    if not 1 <= mo <= 12:
        return None
    if len(mo_s) == 2 and y // 100 * 100 + mo > y:
        return None  # "2010-12" is the years 2010 to 2012
    if _next_word(ctx, m.end()) in _NOT_YEAR_AFTER | _COUNT_AFTER:
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
    if text[m.start() : m.end()] in _IDIOMS or text[m.start() : m.end() + 4] in _IDIOMS:
        return None  # "24/7": around the clock
    if ctx.lang == "en" and m.group("s") == "." and _prev_token(ctx.low, ctx.rlow, m.start()) not in _WDPRE_WORDS:
        return None  # English "1.5" is a decimal (a dotted day-month only after a weekday)
    prev = _prev_word(ctx, m.start())
    context = prev in _DM_CONTEXT or prev in _WEEKDAYS or prev in _WEEKDAY_ABBR
    nxt = _next_word(ctx, m.end())
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
        if not (german_dot or (context and (ctx.lang == "de" or prev in _WEEKDAYS or prev in _WEEKDAY_ABBR))):
            return None  # English "for 1.5" is a decimal
        if prev in _NUM_BLOCK_BEFORE:
            return None
    order = _dm_order(a, b, sep, ctx.lang)
    if order is None:
        return None
    mo, d = order
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return _Cand(m.start(), m.end(), "day", "ndm", m=mo, d=d)


_PHONE_BEFORE = re.compile(r"\d[\s\u00a0-]$|\d\)[\s\u00a0]?$")
_PHONE_AFTER = re.compile(r"[\s\u00a0-]\d{3,}(?![.,]\d)")
_SECOND_WORD = re.compile(r"[\s\u00a0]*" + _LETTER + r"[\w-]*[\s\u00a0]+(" + _LETTER + r"[\w-]*)")


def _year_context_ok(ctx: _Ctx, start: int, end: int) -> bool:
    """Context checks for a 4-digit number read as a year (or a year range)."""
    text = ctx.text
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i >= 0 and text[i] in "$€£¥#":
        return False
    if start > 0 and text[start - 1] == "-":
        word = _prev_word(ctx, start - 1)
        if not word or word not in _YEAR_HYPHEN_OK or text[start - 2 : start - 1].isdigit():
            return False
    if _PHONE_BEFORE.search(text[max(0, start - 3) : start]) or _PHONE_AFTER.match(text[end : end + 8]):
        return False  # phone-number-like digit groups
    prev = _prev_word(ctx, start)
    ok_before = prev in _YEAR_OK_BEFORE
    if prev in _NOT_YEAR_BEFORE and not ok_before:
        return False
    nxt = _next_word(ctx, end)
    if nxt == "%" or nxt in _NOT_YEAR_AFTER:
        return False
    if not ok_before:
        if nxt in _COUNT_AFTER:
            return False
        m2 = _SECOND_WORD.match(text[end : end + 50])
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
    ry = m.group("ry")  # every family that asks has a relative-year group
    if ry:
        if ctx.pubdate is None:
            return None, False
        return ctx.pubdate.year + _REL_YEAR[_norm(ry)], True
    return _year_from_tail(m), False


def _quarter_blocked(ctx: _Ctx, start: int) -> bool:
    return _prev_word(ctx, start) in _NOT_YEAR_BEFORE | {"audi"}


_COMPARISON_AFTER = re.compile(r"-(?:on|over|to)-")  # "quarter-on-quarter"


def _h_q(m: re.Match, ctx: _Ctx) -> _Cand | None:
    qo = m.group("qo").lower()
    n = _QUARTER_ORD.get(qo)
    if n is None:  # "the March quarter": the quarter ending in March
        n = _QUARTER_MONTHS.get(qo)
        if n is None or not _month_ok(_orig(m, ctx, "qo"), ctx, bare=True):
            return None
        if _COMPARISON_AFTER.match(ctx.low, m.end("qw")):
            return None  # "rose in March quarter-on-quarter": a comparison, not a quarter
    elif "." in ctx.text[m.end("qo") : m.end("qo") + 1]:
        return None  # the full stop is for "Dec." only
    y, res = _year_for_period(m, ctx)
    if m.group("ry") and y is None:
        return None
    c = _Cand(m.start(), m.end(), "quarter", "q", y=y, n=n)
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
    prev = _prev_word(ctx, m.start())
    if prev not in ("the", "early", "late", "mid", "mid-"):
        return None
    if prev in ("early", "late", "mid", "mid-"):
        before = _prev_word(ctx, ctx.text.rfind(prev, 0, m.start() + 1))
        if before in _AGE_POSS:
            return None
    return _Cand(m.start(), m.end(), "decade", "dec2",
                 y=_two_digit_decade(int(m.group("dd")), ctx))


def _h_decde(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m.group("c"):
        y = int(m.group("c")) * 100 + int(m.group("d1")) * 10
    else:
        if not m.group("j") and _prev_word(ctx, m.start()) not in (
            "den", "der", "die", "späten", "frühen", "anfang", "ende", "mitte"
        ):
            return None
        y = _two_digit_decade(int(m.group("d2")), ctx)
    return _Cand(m.start(), m.end(), "decade", "decde", y=y)


def _h_decw(m: re.Match, ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "decade", "decw", y=_DECADE_WORDS[m.group("dw").lower()])


def _h_fy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    f = _norm(m.group("f"))
    if f in ("fy", "gj") and ctx.cased and not _orig(m, ctx, "f").isupper():
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


# an upper-case month abbreviation glued to a digit: a futures contract ("JUL7", "SEP87")
_CONTRACT_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3,4})\d{1,2}[ \t\u00a0]{1,6}\Z")


def _h_y(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _year_context_ok(ctx, m.start(), m.end()):
        return None
    cm = _CONTRACT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    if cm and cm.group(1).lower() in _MONTHS:
        return None  # "MAY7  1921": a futures price after its contract month
    if ctx.cased and _prev_word(ctx, m.start()).capitalize() in _NAMES_BEFORE_YEAR:
        pw = ctx.text[max(0, m.start() - 14) : m.start()].split()
        if pw and pw[-1] in _NAMES_BEFORE_YEAR:
            return None  # "the Human Rights Act 1998": part of a name
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


_LETTER_WORDS_RE = re.compile(r"[^\W\d_]+")
_NEXT_WORD_COMMA_RE = re.compile(r"[\s,\u00a0]*([^\W\d_]+)")
_SENTENCE_OPENERS = frozenset('.!?:;"\u201e\u201c\u201d\u00bb\u00ab\u2013\u2014(\n')
_PRESENT_REACH = 300  # characters a sentence is read either side of the word, at most
_CLAUSE_MARK_RE = re.compile(r"[.!?;:]")  # where the words read around the word stop


def _contrast_re() -> re.Pattern:
    """A then-and-now contrast: a word ("früher", "damals") or "vor zehn Jahren". (A year was
    tried too: "rund 2000 Menschen" is no year, and the cue held only 5 of the 163.)"""
    cues = _PRESENT_CUES["de"]
    return re.compile(
        r"(?<![^\W\d_])(?:" + _alt(cues["contrast"]) + r")(?![^\W\d_])"
        r"|(?<![^\W\d_])(?:" + _alt(cues["ago"]) + r")[\s\u00a0]+\S+[\s\u00a0]+(?:" + _alt(cues["ago_units"])
        + r")(?![^\W\d_])"
    )


_CONTRAST_RE = _contrast_re()


def _present_marks(ctx: _Ctx) -> tuple[SentenceIndex, list[int]]:
    """The sentences of the text (the project's sentence rules) and where then-and-now
    contrasts start in it: one pass each, so that a text full of "heute" costs the same per word."""
    if ctx.present_marks is None:
        ctx.present_marks = SentenceIndex(ctx.text), [m.start() for m in _CONTRAST_RE.finditer(ctx.low)]
    return ctx.present_marks


def _present_at_large(ctx: _Ctx, a: int, e: int) -> bool:
    """Whether "today"/"heute" at [a, e) is a name or the present at large rather than the
    publication day (the cues are listed under [present_at_large] in dates.toml)."""
    text, low = ctx.text, ctx.low
    if (text[a - 1 : a] == "-" and text[a - 2 : a - 1].isalnum()) or (
            text[e : e + 1] == "-" and text[e + 1 : e + 2].isalnum()):
        return True  # "Heute-Show", "ZDF-heute journal"; not "through today--everyone"
    j = a - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    opens = j < 0 or text[j] in _SENTENCE_OPENERS
    word = text[a:e]
    if ctx.cased and word[0].isupper() and not word.isupper() and not opens:
        return True  # a name in mid-sentence: "told Today", "laut Heute", "Heute konkret"
    # the words around it in its clause (up to three before, two after)
    lo = a if opens else max(0, a - 40)
    cut = _CLAUSE_MARK_RE.search(ctx.rlow, len(low) - a, len(low) - lo)
    before = _LETTER_WORDS_RE.findall(low, len(low) - cut.start() if cut else lo, a)[-3:]
    pw = before[-1] if before else ""
    m = _NEXT_WORD_COMMA_RE.match(low, e, min(len(low), e + 30))
    nw = m.group(1) if m else ""
    if nw in _PRESENT_DAY_AFTER or pw in _PRESENT_DAY_BEFORE:
        return False  # "heute, Freitag", "heute Abend", "ab heute"
    cues = _PRESENT_CUES[ctx.lang]
    if ctx.lang == "en":
        if pw in cues["before"]:
            return True  # "still today"
        # "the children of today"; not "as of today", "of today's auction", "talked of today"
        return (pw in cues["of"] and text[e : e + 1] not in "'\u2019" and len(before) > 1
                and before[-2] != "as" and not before[-2].endswith("ed"))
    if pw in cues["before"] or nw in cues["after"]:
        return True  # "bis heute", "heute noch"
    nx = text[e : e + 4].lstrip()[:1]
    if pw in cues["determiners"] and (nx.islower() or nx.isdigit()):
        return True  # "der heute 19-jährige Rapper"
    cut = _CLAUSE_MARK_RE.search(low, e, min(len(low), e + 30))
    after = _LETTER_WORDS_RE.findall(low, e, cut.start() if cut else min(len(low), e + 30))[:2]
    if not cues["conditional"].isdisjoint(before) or not cues["conditional"].isdisjoint(after):
        return True  # "wäre sie heute in einer ähnlichen Lage"
    if opens and nw:
        return True  # "Heute ist es der Kopf, der ...": 15 to 1 in the labelled draw
    # a contrast in the sentence: "früher ..., heute ...", "vor zehn Jahren ..., heute ..."
    sentences, marks = _present_marks(ctx)
    lo, hi = sentences.around(a, e)
    k = bisect_left(marks, max(lo, a - _PRESENT_REACH))
    return k < len(marks) and marks[k] < min(hi, e + _PRESENT_REACH)


def _h_rd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    word = _orig(m, ctx, "w")
    key = _norm(word)
    if key not in _DAYS_REL_LANG[ctx.lang]:
        return None
    if key in _PRESENT_WORDS and _present_at_large(ctx, m.start(), m.end()):
        return None
    if ctx.cased and word[0].isupper() and m.start() > 0 and (
            _prev_word(ctx, m.start()) == "the" or _next_word(ctx, m.end()) in ("programme", "program",
                                                                                         "show")):
        return None  # "the Today programme": a title
    if key == "morgen":
        if ctx.cased and word[0].isupper():
            return None  # "Morgen" is the morning
        pw = _prev_word(ctx, m.start())
        if pw in ("heute", "gestern", "jeden", "am", "guten"):
            return None
        low, rlow = ctx.low, ctx.rlow
        if f"{_prev_token(low, rlow, _prev_tok(low, rlow, m.start())[1])} {pw} morgen" in _MORGEN_IDIOMS:
            return None  # "lieber heute als morgen", "von heute auf morgen"
    ds = ctx.pubdate + dt.timedelta(days=_DAYS_REL[key])
    return _fixed(m.start(), m.end(), "rd", "day", ds, ds + dt.timedelta(days=1))


def _h_ru(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    rel = _norm(m.group("rel"))
    gran = _REL_UNITS[m.group("unit").lower()]
    ds, de = _period_at(gran, ctx.pubdate, _REL_YEAR[rel])
    start = m.start()
    c = _fixed(start, m.end(), "ru", gran, ds, de)
    if rel in _ANAPHORIC:
        c.back = 1
    return c


def _h_pp(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    word = m.group("w").lower()
    gran = _PREV_PERIOD[word]
    ds, de = _period_at(gran, ctx.pubdate, 0 if word == "heuer" else -1)  # Austrian "heuer": this year
    c = _fixed(m.start(), m.end(), "pp", gran, ds, de)
    if word != "heuer":
        c.back = 1  # "2015 ... nach 2,8 Milliarden im Vorjahr": 2014
    return c


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
        ds = _months_on(pub, -n)
        return _fixed(m.start(), m.end(), "ago", "day", ds, ds + dt.timedelta(days=1))
    y = pub.year - n
    if y < 1:
        return None
    return _fixed(m.start(), m.end(), "ago", "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


_NO_DATE = (dt.date(1, 1, 1), dt.date(1, 1, 2))  # a shift's interval until `_reanchor` moves its anchor


def _h_ear(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _count(m.group("n"))
    if not n:
        return None
    nxt = _next_word(ctx, m.end())
    if nxt and nxt not in _SHIFT_THEN and ctx.text[m.end() : m.end() + 1] not in ",;:)":
        return None  # "two years before the war", "a day earlier than planned"
    c = _fixed(m.start(), m.end(), "ear", "day", *_NO_DATE)
    c.resolved = False
    c.shift = (n, _SHIFT_UNITS[m.group("u").lower()])
    return c


def _h_same(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel, post = (m.group("rel") or "").lower(), (m.group("post") or "").lower()
    if rel and (rel == "a year") != (post in ("ago", "earlier", "before")):
        return None  # "last ago", "a year year"
    if _next_word(ctx, m.end()) == "than":
        return None  # "the same month a year earlier than expected"
    if m.group("y"):  # with no period named before it: that year
        y = int(m.group("y"))
        c = _Cand(m.start(), m.end(), "year", "same", y=y, to_year=y, keep=True)
    elif ctx.pubdate is not None:  # with no period named before it: last year
        y = ctx.pubdate.year - 1
        c = _fixed(m.start(), m.end(), "same", "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
        c.shift, c.keep = (1, "year"), True
    else:
        c = _fixed(m.start(), m.end(), "same", "year", *_NO_DATE)
        c.shift, c.resolved = (1, "year"), False
    c.like = _SAME_NOUNS[m.group("w").lower()]
    return c


def _h_yago(m: re.Match, ctx: _Ctx) -> _Cand | None:
    c = _fixed(m.start(), m.end(), "yago", "day", *_NO_DATE)
    c.resolved = False
    c.shift = (1, m.group("u").lower())
    c.like = _YEAR_AGO_NOUNS[m.group("w").lower()]
    return c


def _h_wd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    mm = _WD_MOD_RE.search(ctx.low, max(0, m.start() - 20), m.start())
    mod = _norm(mm.group("mod")) if mm else ""
    start = mm.start() if mm else m.start()
    if _prev_word(ctx, start) in _NOT_WEEKDAY_BEFORE:
        return None
    if _prev_word(ctx, m.start()) in _NOT_WEEKDAY_BEFORE:
        return None
    if m.group("wd").lower() not in _WEEKDAYS_LANG[ctx.lang]:
        return None  # "The Independent on Sunday" in a German article
    wd = _WEEKDAYS[m.group("wd").lower()]
    pub = ctx.pubdate
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mod in ("last", "letzten", "vergangenen"):
        day = pub - dt.timedelta(days=back or 7)
    elif mod == "next" and ctx.lang == "en":
        monday_next = pub + dt.timedelta(days=7 - pub.weekday())
        day = monday_next + dt.timedelta(days=wd)
    elif mod in ("next", "nächsten", "kommenden", "coming", "this coming", "this", "diesen"):
        day = pub + dt.timedelta(days=fwd if mod in ("this", "diesen") else fwd or 7)
    else:
        lean = _lean(ctx, start, m.end(), weekly=True)[0]
        forward = lean > 0 or (lean == 0 and fwd < back)
        day = pub + dt.timedelta(days=fwd) if forward else pub - dt.timedelta(days=back)
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
    match_wd = [o[2] for o in options if not o[0]]
    day_date = min(options)[2] if match_wd else _pick([o[2] for o in options], pub,
                                                                  lambda: _lean(ctx, m.start(), m.end(), weekly=True))
    c = _fixed(m.start(), m.end(), "wdd", "day", day_date, day_date + dt.timedelta(days=1))
    c.guessed = True  # "Tuesday 19th": the month and year are ours
    return c


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


def _nearest_yearly(pub: dt.date, mode: str, make, lean=lambda: (0, 0)) -> tuple[dt.date, bool] | None:
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
    return _pick(options, pub, lean), True


def _h_nwd(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _NTH[m.group("o").lower()]
    wd = _WEEKDAYS[m.group("wd").lower()]
    if m.group("mon"):
        if not _month_ok(_orig(m, ctx, "mon"), ctx):
            return None
        month = _MONTHS[m.group("mon")]
        if m.group("y"):
            d = _nth_weekday(int(m.group("y")), month, wd, n)
            if d is None:
                return None
            c = _fixed(m.start(), m.end(), "nwd", "day", d, d + dt.timedelta(days=1))
            c.resolved = False
            return c
        if ctx.pubdate is None:
            return None
        got = _nearest_yearly(ctx.pubdate, "nearest", lambda y: _nth_weekday(y, month, wd, n),
                              lambda: _lean(ctx, m.start(), m.end()))
    else:
        if ctx.pubdate is None:
            return None
        off = _REL_YEAR[_norm(m.group("rel"))] if m.group("rel") else 0
        first = _add_months(dt.date(ctx.pubdate.year, ctx.pubdate.month, 1), off)
        d = _nth_weekday(first.year, first.month, wd, n)
        got = (d, True) if d else None
    if got is None:
        return None
    c = _fixed(m.start(), m.end(), "nwd", "day", got[0], got[0] + dt.timedelta(days=1))
    c.guessed = bool(m.group("mon"))  # "the first Monday of March": the nearest March
    return c


# ----------------------------------------------------------------------------- calendars
# Holidays of other calendars, computed (no tables): the Hebrew calendar (arithmetic, exact),
# Orthodox Easter (Julian computus), and lunar phases after J. Meeus, Astronomical Algorithms
# (2nd ed.), ch. 49, accurate to minutes, for the Islamic months (a month begins the day
# after the conjunction, or the day after that when the conjunction falls late in the day
# at Mecca), the Chinese New Year (the new moon, Beijing time, between 21 January and
# 20 February) and festivals tied to a full or new moon.

_RAD = math.pi / 180


def _moon_phase_jde(k: float) -> float:
    """Julian ephemeris day of the new moon (k whole) or full moon (k + 0.5), Meeus ch. 49."""
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.00000015 * t ** 3
           + 0.00000000073 * t ** 4)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    m = (2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3) * _RAD
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3
          - 0.000000058 * t ** 4) * _RAD
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3
         + 0.000000011 * t ** 4) * _RAD
    om = (124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3) * _RAD
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


_JD_ORDINAL = 1721424.5  # Julian day of 0001-01-01 00:00 minus one day (date.toordinal() == 1)


def _phase_local(k: float, utc_hours: float) -> tuple[dt.date, float]:
    """(local date, local hour) of a lunar phase at a UTC offset."""
    jd = _moon_phase_jde(k) + utc_hours / 24
    ordinal = math.floor(jd - _JD_ORDINAL)
    return dt.date.fromordinal(ordinal), (jd - _JD_ORDINAL - ordinal) * 24


def _phases_near(day: dt.date, full: bool) -> list[float]:
    k0 = math.floor((day.year + (day.timetuple().tm_yday - 1) / 365.25 - 2000) * 12.3685)
    return [k + (0.5 if full else 0.0) for k in range(k0 - 2, k0 + 3)]


def _phase_on_or_after(day: dt.date, full: bool, utc_hours: float) -> tuple[dt.date, float]:
    for k in _phases_near(day, full):
        d, h = _phase_local(k, utc_hours)
        if d >= day:
            return d, h
    return _phase_local(_phases_near(day, full)[-1] + 1, utc_hours)


def _sun_longitude(jd: float) -> float:
    """Apparent ecliptic longitude of the Sun in degrees (Meeus ch. 25, low accuracy)."""
    t = (jd - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * _RAD
    c = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
         + (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000289 * math.sin(3 * m))
    om = (125.04 - 1934.136 * t) * _RAD
    return (l0 + c - 0.00569 - 0.00478 * math.sin(om)) % 360


def _ayanamsa(jd: float) -> float:
    """Lahiri ayanamsa (degrees): sidereal = tropical - ayanamsa."""
    return 23.853 + (jd - 2451545.0) / 365.25 * 0.013969


def _sankranti(y: int, sign: int) -> tuple[dt.date, float]:
    """(date, hour) in India (UTC+5:30) when the Sun enters a sidereal sign (0 = Aries)."""
    target = sign * 30.0
    jd0 = dt.date(y, 1, 1).toordinal() + _JD_ORDINAL + 1
    approx = jd0 + ((target + 23.9 - 280.0) % 360) / 0.98565  # days from 1 Jan
    lo, hi = approx - 6, approx + 6
    for _ in range(40):
        mid = (lo + hi) / 2
        diff = (_sun_longitude(mid) - _ayanamsa(mid) - target + 180) % 360 - 180
        lo, hi = (mid, hi) if diff < 0 else (lo, mid)
    jd = (lo + hi) / 2 + 5.5 / 24
    ordinal = math.floor(jd - _JD_ORDINAL)
    return dt.date.fromordinal(ordinal), (jd - _JD_ORDINAL - ordinal) * 24


# Hindu lunisolar festivals: the amanta month is named by the sidereal sign the Sun is in at
# its new moon (Pisces -> Chaitra ... Aquarius -> Phalguna; a month without a sign change is
# a leap month and skipped); a tithi is a twelfth of the Moon's elongation, taken here as
# evenly spread between new and full moon; a festival falls on the day (India time) when its
# tithi prevails at the hour its rite is held (sunrise, afternoon, evening or midnight). This
# is an approximation: almanacs differ by a day between regions, and so may we.
_DAYS_PER_SYNODIC = 29.530588861


def _jd_local(jd: float, utc_hours: float) -> float:
    return jd + utc_hours / 24 - _JD_ORDINAL  # days since 0001-01-01 00:00 local, + 1


def _hindu(y: int, month: int, tithi: int, hour: float) -> dt.date | None:
    k0 = math.floor((y - 2000) * 12.3685) - 2
    moons = [(k, _moon_phase_jde(k)) for k in range(k0, k0 + 17)]
    signs = [math.floor(((_sun_longitude(j) - _ayanamsa(j)) % 360) / 30) for _, j in moons]
    for i in range(len(moons) - 1):
        if signs[i] == signs[i + 1] or (signs[i] + 1) % 12 + 1 != month:
            continue  # another month, or a leap month
        k, conj = moons[i]
        full, nxt = _moon_phase_jde(k + 0.5), moons[i + 1][1]
        if tithi <= 15:
            t0 = conj + (tithi - 1) * (full - conj) / 15
            t1 = conj + tithi * (full - conj) / 15
        else:
            t0 = full + (tithi - 16) * (nxt - full) / 15
            t1 = full + (tithi - 15) * (nxt - full) / 15
        a, b = _jd_local(t0, 5.5), _jd_local(t1, 5.5)
        day = math.ceil(a - hour / 24)
        if day + hour / 24 >= b:  # the tithi is skipped at that hour: the day it begins
            day = math.floor(a)
        d = dt.date.fromordinal(day)
        if d.year == y:
            return d
    return None


def _chinese_new_year(y: int) -> dt.date:
    return _phase_on_or_after(dt.date(y, 1, 21), False, 8)[0]


# Islamic months: the tabular calendar gives the month roughly; the new moon before it fixes it
_ISLAMIC_EPOCH = 227015  # R.D. of 1 Muharram 1 AH (16 July 622, Julian)


def _islamic_tabular(y: int, m: int, d: int) -> int:
    return (d + 29 * (m - 1) + (6 * m - 1) // 11 + (y - 1) * 354 + (3 + 11 * y) // 30
            + _ISLAMIC_EPOCH - 1)


def _islamic_month_start(y: int, m: int, late_hour: float) -> dt.date:
    approx = dt.date.fromordinal(_islamic_tabular(y, m, 1))
    best = None
    for k in _phases_near(approx, False):
        d, h = _phase_local(k, 3)  # Mecca time
        if best is None or abs((d - approx).days) < abs((best[0] - approx).days):
            best = (d, h)
    d, h = best
    return d + dt.timedelta(days=1 if h < late_hour else 2)


def _islamic(y_greg: int, m: int, d: int, late_hour: float = 15.0) -> list[dt.date]:
    """Gregorian dates of Islamic day (m, d) that fall in a Gregorian year (one or two)."""
    out = []
    iy0 = (30 * (dt.date(y_greg, 1, 1).toordinal() - _ISLAMIC_EPOCH) + 10646) // 10631
    for iy in (iy0 - 1, iy0, iy0 + 1, iy0 + 2):
        g = _islamic_month_start(iy, m, late_hour) + dt.timedelta(days=d - 1)
        if g.year == y_greg:
            out.append(g)
    return sorted(out)


# Hebrew calendar (Reingold & Dershowitz, Calendrical Calculations): months counted from
# Nisan = 1; the year starts at Tishri = 7.
_HEBREW_EPOCH = -1373427  # R.D. of 1 Tishri AM 1


def _heb_leap(y: int) -> bool:
    return (7 * y + 1) % 19 < 7


def _heb_elapsed(y: int) -> int:
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    day = months * 29 + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


def _heb_new_year(y: int) -> int:
    ny0, ny1, ny2 = _heb_elapsed(y - 1), _heb_elapsed(y), _heb_elapsed(y + 1)
    corr = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return _HEBREW_EPOCH + ny1 + corr


def _heb_month_len(y: int, m: int) -> int:
    days = _heb_new_year(y + 1) - _heb_new_year(y)
    if m in (2, 4, 6, 10, 13) or (m == 12 and not _heb_leap(y)):
        return 29
    if m == 8 and days % 10 != 5:
        return 29
    if m == 9 and days % 10 == 3:
        return 29
    return 30


def _hebrew_rd(y: int, m: int, d: int) -> int:
    rd = _heb_new_year(y) + d - 1
    last = 13 if _heb_leap(y) else 12
    if m < 7:
        for mm in range(7, last + 1):
            rd += _heb_month_len(y, mm)
        for mm in range(1, m):
            rd += _heb_month_len(y, mm)
    else:
        for mm in range(7, m):
            rd += _heb_month_len(y, mm)
    return rd


def _hebrew(y_greg: int, m: int, d: int) -> dt.date:
    """The Gregorian day of Hebrew (m, d) in the Hebrew year that overlaps y_greg there."""
    hy = y_greg + 3760 + (1 if 7 <= m <= 9 else 0)
    if m == 13 and not _heb_leap(hy):
        m = 12  # Adar II only in leap years
    return dt.date.fromordinal(_hebrew_rd(hy, m, d))


def _orthodox_easter(y: int) -> dt.date:
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month = (d + e + 114) // 31
    day = (d + e + 114) % 31 + 1
    julian = dt.date(y, month, day)
    return julian + dt.timedelta(days=y // 100 - y // 400 - 2)


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


def _holiday_iv(name: str, y: int) -> tuple[dt.date, dt.date] | None:
    """The interval of a holiday in year y (the first one when a lunar holiday falls twice);
    Jewish holidays begin on the evening before, so their interval starts that day."""
    if not 1583 <= y <= 9999:
        return None
    one = dt.timedelta(days=1)
    name = name.replace("\u2019", "'")
    if name in _HOL_FIXED:
        month, day = _HOL_FIXED[name]
        d = dt.date(y, month, day)
        return d, d + one
    if name in _HOL_EASTER:
        d = _easter(y) + dt.timedelta(days=_HOL_EASTER[name])
        return d, d + one
    if name in _HOL_ORTHODOX:
        d = _orthodox_easter(y) + dt.timedelta(days=_HOL_ORTHODOX[name])
        return d, d + one
    if name in _HOL_HEBREW:
        month, day, days, *rule = _HOL_HEBREW[name]
        d = _hebrew(y, month, day)
        if rule:  # Israeli days moved off the Sabbath: weekday -> shift
            d += dt.timedelta(days=dict(zip(rule[0::2], rule[1::2], strict=True)).get(d.weekday(), 0))
        return d - one, d + dt.timedelta(days=days)
    if name in _HOL_ISLAMIC:
        month, day, days = _HOL_ISLAMIC[name]
        got = _islamic(y, month, day)
        if not got:
            return None
        if days == 0:  # Ramadan: to the end of the month
            return got[0], _islamic(got[0].year + (got[0].month > 10), 10, 1)[0]
        if days < 0:  # the last Friday of Ramadan
            end = [d for d in _islamic(y, 10, 1) if d > got[0]] or _islamic(y + 1, 10, 1)
            d = end[0] - one
            d -= dt.timedelta(days=(d.weekday() - 4) % 7)
            return d, d + one
        return got[0], got[0] + dt.timedelta(days=days)
    if name in _HOL_OTHER:
        kind, *arg = _HOL_OTHER[name]
        if kind == "chinese":
            d = _chinese_new_year(y)
        elif kind == "parsi":  # the Shahenshahi year has 365 days: one day earlier every leap year
            d = dt.date(2018, 8, 17) + dt.timedelta(days=365 * (y - 2018))
            d = d if d.year == y else d + dt.timedelta(days=365 if d.year < y else -365)
        elif kind == "weekday_shift":  # [month, day, weekday, shift, weekday, shift ...]
            d = dt.date(y, arg[0], arg[1])
            d += dt.timedelta(days=dict(zip(arg[2::2], arg[3::2], strict=True)).get(d.weekday(), 0))
        elif kind == "solar":  # [sign, days after]: the day the Sun enters the sign, or the
            # next day when it does so after sunset (about 18:00 in India)
            d, h = _sankranti(y, arg[0])
            d += dt.timedelta(days=arg[1] + (h >= 18.0))
        elif kind == "bengali":  # [sign, day]: the month begins the day after the Sun enters
            d, _h = _sankranti(y, arg[0])
            d += dt.timedelta(days=arg[1])
        elif kind == "hindu":  # [amanta month, tithi, hour in India, days after]
            d = _hindu(y, arg[0], arg[1], arg[2])
            if d is None:
                return None
            d += dt.timedelta(days=arg[3])
        elif kind == "lent":
            return _easter(y) - dt.timedelta(days=46), _easter(y)
        elif kind == "great_lent":
            e = _orthodox_easter(y)
            return e - dt.timedelta(days=48), e - dt.timedelta(days=8)
        else:
            return None
        return d, d + one
    if name in _HOL_NTH:
        month, wd, n, extra = _HOL_NTH[name]
        d = _nth_weekday(y, month, wd, n)
        return (d + dt.timedelta(days=extra), d + dt.timedelta(days=extra + 1)) if d else None
    return None


def _holiday(name: str, y: int) -> dt.date | None:
    iv = _holiday_iv(name, y)
    return iv[0] if iv else None


def _h_hol(m: re.Match, ctx: _Ctx) -> _Cand | None:
    word = _orig(m, ctx, "hol")
    if ctx.cased and word.islower():
        return None  # "easter egg" style lower-case uses are not the holiday
    name = _HOL_KEY.get(re.sub(r"[\s\u00a0-]+", " ", word.lower()).replace("\u2019", "'"))
    if name is None or _prev_word(ctx, m.start()) in _NOT_HOLIDAY_BEFORE:
        return None
    mm = None
    if m.group("y") or m.group("ys"):
        y = int(m.group("y")) if m.group("y") else _SPELLED_YEARS[_norm(m.group("ys"))]
        iv = _holiday_iv(name, y)
        if iv is None:
            return None
        c = _fixed(m.start(), m.end(), "hol", "day", *iv)
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
        got = _nearest_yearly(ctx.pubdate, mode, lambda y: _holiday(name, y), lambda: _lean(ctx, m.start(), m.end()))
    if got is None:
        return None
    start = mm.start() if mm else m.start()
    iv = _holiday_iv(name, got[0].year)
    if iv is None or iv[0] != got[0]:
        iv = (got[0], got[0] + dt.timedelta(days=1))
    c = _fixed(start, m.end(), "hol", "day", *iv)
    c.guessed = mm is None and not m.group("ry")  # "at Christmas"; not "last Christmas"
    return c


def _h_edge(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    w = _norm(m.group("w"))
    gran = _PERIOD_EDGES[w]
    if w.isalpha() and len(w) == 3 and not _orig(m, ctx, "w").isupper():
        return None  # "EOY", "BOM" only as capitals ("boy" is a word)
    if gran == "week":
        ds = _monday(ctx.pubdate)
        de = ds + dt.timedelta(days=7)
    else:
        ds, de = _period_at(gran, ctx.pubdate, 0)
    if w.startswith("rest"):
        return _fixed(m.start(), m.end(), "edge", "day", ctx.pubdate, de)
    which = 2 if ("end" in w or "ende" in w) else 1 if ("mid" in w or "mitte" in w) else 0
    ds, de, g2 = _third(gran, ds, de, which)
    return _fixed(m.start(), m.end(), "edge", g2, ds, de)


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
            options.append(first.replace(day=day))
    d = _pick(options, pub, lambda: _lean(ctx, m.start(), m.end(), weekly=True))
    if d is None:
        return None
    start = m.start("dn") if dn else m.start("dw")
    if m.group("pre"):
        start = m.start() + len(m.group("pre")) + 1
        start = text.index("the", start, m.end()) if "the" in text[start : m.end()] else start
    c = _fixed(start, m.end(), "dom", "day", d, d + dt.timedelta(days=1))
    c.guessed = True  # "on the 15th": the month and year are ours
    return c


def _third(gran: str, ds: dt.date, de: dt.date, which: int) -> tuple[dt.date, dt.date, str]:
    """The first (0), middle (1) or last (2) third of a month (days 1-10, 11-20, 21-end) or
    of a year (January-April, May-August, September-December)."""
    if gran == "year":
        a = _add_months(ds, 4 * which)
        return a, _add_months(a, 4), "month"
    if gran == "month":
        a = ds + dt.timedelta(days=10 * which)
        return a, (de if which == 2 else a + dt.timedelta(days=10)), "day"
    # a week: Monday to Wednesday, or Friday to Sunday
    if which == 0:
        return ds, ds + dt.timedelta(days=3), "day"
    if which == 2:
        return ds + dt.timedelta(days=4), de, "day"
    return ds + dt.timedelta(days=2), ds + dt.timedelta(days=5), "day"


def _h_nu(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    if _norm(m.group("rel")) == "following" and not ctx.low[m.start() : m.start("rel")].strip():
        return None  # "following six years at Anfield": "the following three years" only
    if (_norm(m.group("rel")) == "last" and m.start("rel") == m.start()
            and _prev_word(ctx, m.start()) in _LAST_AS_VERB):
        return None  # "expected to last two months": how long, not which months
    back = _NU_REL[_norm(m.group("rel"))] < 0
    n = _count(m.group("n")) if m.group("n").isdigit() else _NU_COUNT.get(_norm(m.group("n")))
    unit = _NU_UNITS[_norm(m.group("u"))]
    if not n or n > 99:
        return None
    pub = ctx.pubdate
    if unit == "day":
        ds = pub - dt.timedelta(days=n) if back else pub + dt.timedelta(days=1)
        return _fixed(m.start(), m.end(), "nu", "day", ds, ds + dt.timedelta(days=n))
    if unit == "week":
        mon = _monday(pub)
        ds = mon - dt.timedelta(days=7 * n) if back else mon + dt.timedelta(days=7)
        return _fixed(m.start(), m.end(), "nu", "week", ds, ds + dt.timedelta(days=7 * n))
    size = _UNIT_MONTHS[unit]
    gran = {"month": "month", "quarter": "quarter", "year": "year", "decade": "year"}[unit]
    cur = _period_at("decade" if unit == "decade" else unit, pub, 0)[0]
    ds = _add_months(cur, -size * n) if back else _add_months(cur, size)
    c = _fixed(m.start(), m.end(), "nu", gran, ds, _add_months(ds, size * n))
    if _norm(m.group("rel")) in _ANAPHORIC and unit != "decade":
        c.back = n
    return c


def _h_inn(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    pin, post = m.group("pin"), _norm(m.group("post") or "")
    if not pin and not post:
        return None
    if pin and pin.lower().startswith(("within", "innerhalb")):
        return None  # "within 2 weeks" is a span up to then, not a date
    if pin and not post:
        before = _WORD_RX.findall(ctx.low[max(0, m.start() - 40) : m.start()])[-4:]
        if any(w.endswith("est") or w in ("time", "first", "since", "once", "twice", "mal") for w in before):
            return None  # "the biggest slide in a month": a span, not a date
    n = _count(m.group("n")) if m.group("n").isdigit() else _NU_COUNT.get(_norm(m.group("n")))
    if not n:
        return None
    base = ctx.pubdate + dt.timedelta(days={"from tomorrow": 1, "from yesterday": -1,
                                            "before yesterday": -1}.get(post, 0))
    if post == "ago" and not m.group("wd"):
        return None  # "3 weeks ago": the ago family
    sign = -1 if post in ("back", "ago", "before yesterday", "before today") else 1
    if m.group("wd"):  # "3 fridays from now": the third Friday after (before) today
        wd = _WEEKDAYS[m.group("wd").lower()]
        step = (wd - base.weekday()) % 7 or 7 if sign > 0 else (base.weekday() - wd) % 7 or 7
        d = base + dt.timedelta(days=sign * (step + 7 * (n - 1)))
        return _fixed(m.start(), m.end(), "inn", "day", d, d + dt.timedelta(days=1))
    unit = _NU_UNITS[_norm(m.group("u"))]
    if unit in ("day", "week"):
        d = base + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return _fixed(m.start(), m.end(), "inn", "day", d, d + dt.timedelta(days=1))
    months = sign * n * _UNIT_MONTHS[unit]
    first = _add_months(dt.date(base.year, base.month, 1), months)
    if post in ("from today", "from tomorrow", "from yesterday", "after today"):
        d = _months_on(base, months)
        return _fixed(m.start(), m.end(), "inn", "day", d, d + dt.timedelta(days=1))
    if unit == "month":
        return _fixed(m.start(), m.end(), "inn", "month", first, _add_months(first, 1))
    y = first.year
    return _fixed(m.start(), m.end(), "inn", "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def _h_wk(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    if m.group("after"):
        off = 2 if m.group("after").lower().startswith("after") else -2
    else:
        off = _WEEK_REL[_norm(m.group("rel"))]
    ds = _monday(ctx.pubdate) + dt.timedelta(days=7 * off)
    de = ds + dt.timedelta(days=7)
    gran = "week"
    pos = (m.group("pos") or "").lower()
    if pos:
        ds, de, gran = _third("week", ds, de, {"beginning": 0, "start": 0, "middle": 1}.get(pos, 2))
    return _fixed(m.start(), m.end(), "wk", gran, ds, de)


def _h_wkm(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    month = _MONTHS[m.group("mon")]
    if m.group("y"):
        y = int(m.group("y"))
    elif ctx.pubdate is not None:
        y = _year_from_pub(_Cand(0, 0, "month", "wkm", m=month), ctx.pubdate, lambda: _lean(ctx, m.start(), m.end()))
    else:
        return None
    first = dt.date(y, month, 1)
    mondays = _whole_weeks(first, _add_months(first, 1))
    o = m.group("o").lower()
    idx = -1 if o.startswith(("last", "letzt")) else {"f": 0, "s": 1, "t": 2}.get(o[0], 3)
    if o.startswith(("erst", "zweit", "dritt", "viert")):
        idx = {"e": 0, "z": 1, "d": 2, "v": 3}[o[0]]
    if not mondays or idx >= len(mondays):
        return None
    ds = mondays[idx]
    c = _fixed(m.start(), m.end(), "wkm", "week", ds, ds + dt.timedelta(days=7))
    c.resolved = not m.group("y")
    c.guessed = c.resolved  # the nearest such month
    return c


def _season(name: str, y: int) -> tuple[dt.date, dt.date]:
    """Astronomical seasons (equinoxes and solstices, to the day); winter spans the new year."""
    start = {"spring": (3, 20), "summer": (6, 21), "autumn": (9, 23), "winter": (12, 21)}
    nxt = {"spring": "summer", "summer": "autumn", "autumn": "winter", "winter": "spring"}
    a = dt.date(y, *start[name])
    b = dt.date(y + (name == "winter"), *start[nxt[name]])
    return a, b


def _h_sea(m: re.Match, ctx: _Ctx) -> _Cand | None:
    word = _norm(m.group("s"))
    name = _SEASONS[word]
    rel = _norm(m.group("rel") or "")
    if not name and (m.group("y") or m.group("ys") or not rel or rel == "the"):
        return None
    if m.group("y") or m.group("ys"):
        ds, de = _season(name, int(m.group("y")) if m.group("y") else _SPELLED_YEARS[_norm(m.group("ys"))])
        return _Cand(m.start() if rel and rel != "the" else m.start("s"), m.end(), "season", "sea", y=ds.year,
                     fixed=(ds, de))
    if ctx.pubdate is None or not rel or rel == "the":
        return None
    pub = ctx.pubdate
    seasons = sorted(_season(nm, y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)
                      for nm in ("spring", "summer", "autumn", "winter"))
    named = [iv for iv in seasons if iv == _season(name, iv[0].year)] if name else seasons
    cur = [iv for iv in named if iv[0] <= pub < iv[1]]
    off = _REL_YEAR.get(rel, 0)
    if off == 0:
        got = cur[0] if cur else min((iv for iv in named if iv[0] > pub), default=None)
    elif off > 0:
        got = min((iv for iv in named if iv[0] > pub), default=None)
    else:
        got = max((iv for iv in named if iv[1] <= pub), default=None)
    if got is None:
        return None
    return _fixed(m.start(), m.end(), "sea", "season", *got)


def _h_ythird(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = int(m.group("y"))
    which = _THIRD_WORDS[_norm(m.group("pre"))]
    ds, de, gran = _third("year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1), which)
    c = _fixed(m.start(), m.end(), "ythird", gran, ds, de)
    c.resolved = False
    return c


def _h_dorel(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    day = _day_value(m, "dn", "dw")
    if day is None:
        return None
    first = _add_months(dt.date(ctx.pubdate.year, ctx.pubdate.month, 1), _REL_YEAR[_norm(m.group("rel"))])
    if not _valid_ymd(first.year, first.month, day):
        return None
    d = first.replace(day=day)
    return _fixed(m.start(), m.end(), "dorel", "day", d, d + dt.timedelta(days=1))


def _h_lastday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not _month_ok(_orig(m, ctx, "mon"), ctx):
        return None
    month = _MONTHS[m.group("mon")]
    o = m.group("o")
    n = (_ORD_WORDS.get(_norm(o)) or (int(o[0]) if o[0].isdigit() else None)) if o else 1
    if not n or (not m.group("last") and not o):
        return None
    if m.group("y"):
        y = int(m.group("y"))
    elif ctx.pubdate is not None:
        y = _year_from_pub(_Cand(0, 0, "month", "lastday", m=month), ctx.pubdate,
                           lambda: _lean(ctx, m.start(), m.end()))
    else:
        return None
    first = dt.date(y, month, 1)
    d = _add_months(first, 1) - dt.timedelta(days=n) if m.group("last") else first + dt.timedelta(days=n - 1)
    if d.month != month:
        return None
    c = _fixed(m.start(), m.end(), "lastday", "day", d, d + dt.timedelta(days=1))
    c.resolved = not m.group("y")
    c.guessed = c.resolved  # the nearest such month
    return c


def _h_ysp(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.cased and not _orig(m, ctx, "ys").islower():
        return None  # "Nineteen Eighty-Four" is a title
    y = _SPELLED_YEARS[_norm(m.group("ys"))]
    return _Cand(m.start("ys"), m.end(), "year", "ysp", y=y)


def _h_cdur(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.pubdate is None:
        return None
    sign = -1 if m.group("post").lower() == "ago" else 1
    d = ctx.pubdate
    for ng, ug in (("n1", "u1"), ("n2", "u2")):
        n = _count(m.group(ng)) if m.group(ng).isdigit() else _NU_COUNT.get(_norm(m.group(ng)))
        if not n:
            return None
        unit = _NU_UNITS[_norm(m.group(ug))]
        if unit in ("day", "week"):
            d += dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        else:
            d = _months_on(d, sign * n * _UNIT_MONTHS[unit])
    return _fixed(m.start(), m.end(), "cdur", "day", d, d + dt.timedelta(days=1))


def _h_ofy(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the year" of "the first two months of the year": a year to take a part of, chosen in
    `_parts_of_periods` (no date on its own: "the person of the year")."""
    p = _PART_RX.match(ctx.rlow, len(ctx.low) - m.start())
    if p is None or p.group("part") is None:
        return None
    return _Cand(m.start(), m.end(), "year", "ofy", mode="nearest")  # a guess: see _part_of_the_year


_HANDLERS = {
    "dmy": _h_dmy, "mdy": _h_mdy, "ddm": _h_ddm, "mdd": _h_mdd, "ddnum": _h_ddnum,
    "my": _h_my, "myrel": _h_myrel, "ym": _h_ym, "bm": _h_bm, "mn": _h_mn, "mm": _h_mm, "iso": _h_iso, "num": _h_num,
    "nmy": _h_nmy, "nym": _h_nym, "ndm": _h_ndm, "yr": _h_yr, "q": _h_q, "qn": _h_qn,
    "nq": _h_nq, "h": _h_h, "hn": _h_hn, "dec4": _h_dec4, "dec2": _h_dec2, "decde": _h_decde,
    "decw": _h_decw, "fy": _h_fy, "y": _h_y, "rd": _h_rd, "ru": _h_ru, "pp": _h_pp,
    "ago": _h_ago, "vor": _h_ago, "ear": _h_ear, "yago": _h_yago, "same": _h_same,
    "wd": _h_wd, "wdd": _h_wdd, "wdw": _h_wdw, "wwd": _h_wdw,
    "nwd": _h_nwd, "dmyw": _h_dmyw, "nh": _h_hn,
    "hol": _h_hol, "edge": _h_edge, "dom": _h_dom, "nu": _h_nu, "inn": _h_inn, "wk": _h_wk,
    "wkm": _h_wkm, "sea": _h_sea, "ysp": _h_ysp, "cdur": _h_cdur, "ythird": _h_ythird, "dorel": _h_dorel,
    "lastday": _h_lastday, "ofy": _h_ofy,
}


# ----------------------------------------------------------------------------- assembly


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    """Longest candidates first, no overlaps; ties go to the earlier pattern family."""
    if len(cands) < 2:
        return list(cands)
    by_start = sorted(cands, key=lambda c: c.start)
    if all(a.end <= b.start and a.start < a.end for a, b in pairwise(by_start)):
        return by_start  # no overlaps: every candidate stays
    occupied = bytearray(length + 1)
    chosen = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, _FAMILY_RANK[c.family], c.start)):
        if occupied.find(1, c.start, c.end) != -1:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


# the modes whose year is a reading of the publication date, not one the words name ("last
# March", "next June")
_GUESSED_MODES = frozenset(("nearest", "recent", "latest", "soon"))


def _fill(c: _Cand, ctx: _Ctx) -> tuple[tuple[dt.date, dt.date], bool, bool] | None:
    """Interval of a candidate on its own, taking a missing year from the publication date:
    (interval, resolved, guessed); guessed when that year is the nearest reading (or the one
    the tense asks for) rather than one the words name ("last March", "next June")."""
    if c.fixed:
        return c.fixed, c.resolved, c.guessed
    if c.y is not None:
        iv = _interval(c, c.y)
        return (iv, c.resolved, False) if iv else None
    if ctx.pubdate is None:
        return None
    y = _year_from_pub(c, ctx.pubdate, lambda: _lean(ctx, c.start, c.end))
    iv = _interval(c, y)
    return (iv, True, c.mode in _GUESSED_MODES) if iv else None


def _fill_pair(a: _Cand, b: _Cand, ctx: _Ctx):
    """Intervals of the two ends of a range, a missing year taken from the other end; two
    year-less months ("from May to September") take the year that puts the whole range
    nearest the publication date."""
    if (a.y is None and b.y is None and not a.fixed and not b.fixed and a.gran == b.gran == "month"
            and a.mode in ("nearest", "recent", "soon") and b.mode in ("nearest", "recent")
            and a.third is None and b.third is None and ctx.pubdate is not None):
        wrap = int(b.m < a.m)  # "November-March": into the next year
        pub = ctx.pubdate

        def whole(y: int) -> tuple[dt.date, dt.date]:
            return _bounds("month", y, a.m, 1, 0)[0], _bounds("month", y + wrap, b.m, 1, 0)[1]

        # "soon" (goods shipped, see `_h_mm`): the first range not over by then
        y = _nearest_year(whole, pub, (lambda: (1, 0)) if a.mode == "soon" else lambda: _lean(ctx, a.start, b.end))
        ia, ib = _interval(a, y), _interval(b, y + wrap)
        if ia is None or ib is None:
            return None
        return (ia, True, True), (ib, True, True)
    if a.y is None and not a.fixed and (b.y is not None or b.fixed):
        by = b.fixed[0].year if b.fixed else b.y
        ya = by - 1 if _order_key(a) > _order_key(b) else by
        ia = _interval(a, ya)
        fb = _fill(b, ctx)
        if ia is None or fb is None:
            return None
        return (ia, b.resolved, fb[2]), fb
    fa = _fill(a, ctx)
    if fa is None:
        return None
    if b.y is None and not b.fixed:
        ay = fa[0][0].year
        yb = ay + 1 if _order_key(b) < (fa[0][0].month, fa[0][0].day) else ay
        ib = _interval(b, yb)
        if ib is None:
            return None
        return fa, (ib, fa[1], fa[2])
    fb = _fill(b, ctx)
    return (fa, fb) if fb else None


def _span(c: _Cand, ctx: _Ctx) -> DateSpan | None:
    if c.until is not None:
        pair = _fill_pair(c, c.until, ctx)
        if pair is None:
            return None
        (ia, ra, ga), (ib, rb, gb) = pair
        if ib[1] <= ia[0]:
            return None
        return DateSpan(c.start, c.end, ia[0], ib[1], c.gran, ra or rb, ga or gb)
    f = _fill(c, ctx)
    if f is None:
        return None
    (ds, de), res, guessed = f
    gran = c.gran
    if c.third is not None and gran in ("month", "year"):
        ds, de, gran = _third(gran, ds, de, c.third)
    return DateSpan(c.start, c.end, ds, de, gran, res, guessed)


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
        if (i + 1 < len(chosen) and a.until is None and chosen[i + 1].until is None
                and not (a.shift or a.back or chosen[i + 1].shift or chosen[i + 1].back)
                and "ofy" not in (a.family, chosen[i + 1].family)):  # a part of "the year" stays one
            b = chosen[i + 1]
            gap = text[a.end : b.start]
            m = _CONNECTOR_RE.fullmatch(gap) if len(gap) <= 24 and not ("\n" in gap and "-" in gap) else None
            if m:
                conj = gap.strip().lower()
                needs_between = conj.startswith(("and", "und"))
                if not needs_between or _BETWEEN_RE.search(text, max(0, a.start - 30), a.start):
                    merged = _Cand(a.start, b.end, a.gran, a.family, y=a.y, m=a.m, d=a.d, n=a.n,
                                   mode=a.mode, fixed=a.fixed, resolved=a.resolved, until=b,
                                   guessed=a.guessed)
                    try:
                        ok = _span(merged, ctx) is not None
                    except (ValueError, OverflowError):
                        ok = False  # "first quarter to first quarter" read from year 9999
                    if ok:
                        out.append(merged)
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


_LIST_GAP_RE = re.compile(r"(?:[\s\d:.,;/&()\u00a0-]|\b(?:" + "|".join(
    sorted(_words("list_gap_words", "words") | set(_MONTHS), key=len, reverse=True)) + r")\b)*", re.IGNORECASE)


_AND_GAP_RE = re.compile(r"[\s\u00a0]*(?:,|and|und|or|oder|&)[\s\u00a0]*", re.IGNORECASE)


def _inherit_years(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Dates listed together share the year written once: "July 12, 2014. July 13, July 14"
    (the gap holds nothing but punctuation, times and month names)."""
    year = None
    prev_end = 0
    for c in chosen:
        gap_ok = year is not None and _LIST_GAP_RE.fullmatch(ctx.text, prev_end, c.start) is not None
        if (c.until is None and not c.fixed and c.y is None and c.gran in ("day", "month") and gap_ok
                and c.family != "mn"):  # "... in January, 1986. January imports were": prose
            c.y = year
        elif c.until is None and not c.fixed and c.y is not None and not c.resolved:
            year = c.y
        elif not gap_ok:
            year = None
        prev_end = c.end
    # and backwards: "im April und Mai 2015", "March and April 1987"
    for a, b in zip(reversed(chosen[:-1]), reversed(chosen[1:]), strict=True):
        if (a.until is None and not a.fixed and a.y is None and a.gran == b.gran and b.y is not None
                and not b.fixed and not b.resolved and _AND_GAP_RE.fullmatch(ctx.text, a.end, b.start)):
            a.y = b.y
    return chosen


_GRAN_RANK = {g: i for i, g in enumerate(("day", "week", "month", "quarter", "half", "season", "year", "decade"))}
_REACH = int(_DATA["anaphoric"]["reach"])  # characters back to the period a date points to
# a wire dateline, "SÃO PAULO, March 2 -": when the story was filed, not what it measures
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\W\d_](?:[^\W\d_]|[.'&\- ]){0,40},(?:(?:[^\W\d_]|[. ]){0,20},)?[ \t]*\Z")
_DATELINE_AFTER = re.compile(r"[ \t]*[-\u2013\u2014](?:[ \t]|\n|\Z)")


def _moved(a: DateSpan, n: int, unit: str) -> tuple[dt.date, dt.date] | None:
    """The interval of date `a` moved back n units, as long as it was; None when the unit is
    finer than the date ("in 1986 ... a day earlier" names no day)."""
    ds, de = a.date_start, a.date_end
    whole = ds.day == 1 and de.day == 1  # whole months: "February", "the fourth quarter", "1986"
    length = (de.year - ds.year) * 12 + de.month - ds.month
    if _GRAN_RANK[unit] < _GRAN_RANK.get(a.granularity, 0) and not (
            unit in _UNIT_MONTHS and whole and length and n * _UNIT_MONTHS[unit] % length == 0):
        return None  # but "in 1986 ... 12 months earlier" is 1985
    if unit in ("day", "week"):
        delta = dt.timedelta(days=n * (7 if unit == "week" else 1))
        return a.date_start - delta, a.date_end - delta
    months = n * _UNIT_MONTHS[unit]
    if whole:
        start = _add_months(ds, -months)
        return start, _add_months(start, length)
    start = _months_on(ds, -months)  # days: the same day, or the month's last
    return start, start + (de - ds)


_ENDED_FAMILIES = {"q": 3, "qn": 3, "h": 6, "hn": 6, "fy": 12}


def _periods_ended(spans: list[DateSpan | None], cands: list[_Cand], text: str) -> list[DateSpan | None]:
    """A quarter, half or fiscal year followed by the day it ended ("the third quarter ended
    January 31") is the months up to that day, November to January."""
    out = list(spans)
    for i in range(len(cands) - 1):
        months = _ENDED_FAMILIES.get(cands[i].family)
        p, d = out[i], out[i + 1]
        if not (months and p is not None and d is not None and d.granularity == "day" and cands[i].until is None
                and _ENDED_RE.fullmatch(text, p.end, d.start)):
            continue
        end, resolved, guessed = d.date_end, d.resolved, d.guessed
        if d.resolved and not p.resolved:  # "fiscal 1986 ended June 30": the period gives the year
            day = d.date_start
            if cands[i].family == "fy":
                years = [p.date_start.year]  # fiscal 1986 ends in 1986
            else:  # a quarter ends near the calendar quarter of its name
                years = sorted((p.date_end.year - 1, p.date_end.year),
                               key=lambda y: abs((dt.date(y, day.month, min(day.day, 28)) - p.date_end).days))
            if not _valid_ymd(years[0], day.month, day.day):
                continue
            end, resolved, guessed = dt.date(years[0], day.month, day.day) + dt.timedelta(days=1), False, False
            out[i + 1] = DateSpan(d.start, d.end, end - dt.timedelta(days=1), end, "day", False, False)
        out[i] = DateSpan(p.start, p.end, _months_up_to(end, months), end, p.granularity, resolved, guessed)
        cands[i + 1].ends = True
    return out


def _part_rx() -> re.Pattern:
    """The words before a period that make it a part of it, read backwards from the period's
    start on the reversed text (one match per date, nothing searched): group `part` for "the
    first nine months of", group `upto` for "the six months to", "nine months ended"."""
    part = _DATA["part_of_period"]

    def rev(words) -> str:
        return "|".join(sorted((re.escape(w.lower()[::-1]) for w in words), key=len, reverse=True))

    s = r"[\s\u00a0]+"
    # a count of one or two digits that is the whole number ("100 days" is no count of "00")
    count = rf"(?:{s}(?P<{{g}}>\d{{{{1,2}}}}(?![\d.,])|{rev(w for w, v in _COUNT_WORDS.items() if v)}))?"
    units = rev(part["units"])
    return re.compile(
        rf"(?P<part>{s}(?:(?:{rev(part['of'])}){s})?(?P<unit>{units}){count.format(g='n')}{s}"
        rf"(?P<edge>{rev(part['first'] + part['last'])})(?:{s}(?:{rev(part['before'])}))?)(?![^\W\d_])"
        rf"|(?P<upto>{s}(?:(?P<ended>{rev(part['ended'])})|(?P<to>{rev(part['to'])})){s}(?P<unit2>{units})"
        rf"{count.format(g='n2')}(?P<the>{s}(?:{rev(part['before'])}))?)(?![^\W\d_])"
    )


_PART_RX = _part_rx()
_PART_UNITS = _lower_map(_DATA["part_of_period"]["units"])
_PART_LAST = _words("part_of_period", "last")
_PART_SINGULAR = _words("part_of_period", "singular")
_PART_OF_GRANS = ("year", "half", "quarter", "month")


def _months_up_to(end: dt.date, months: int) -> dt.date:
    """The first day of the `months` months that end the day before `end` ("ended May 30":
    from March 1, as there is no February 31st to start on)."""
    first = _add_months(dt.date(end.year, end.month, 1), -months)
    last = (_add_months(first, 1) - dt.timedelta(days=1)).day
    return first.replace(day=end.day) if end.day <= last else _add_months(first, 1)


def _whole_weeks(first: dt.date, end: dt.date) -> list[dt.date]:
    """The Mondays of the weeks wholly inside [first, end), a month at most."""
    mondays = [first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * k) for k in range(5)]
    return [d for d in mondays if d + dt.timedelta(days=7) <= end]


def _week_of(ps: dt.date, pe: dt.date, from_end: bool, gran: str) -> tuple[dt.date, dt.date] | None:
    """"The first/last week of" a period: in a month the first/last week wholly inside it (as
    "the first week of March" is read), in a longer period the calendar week with most of its
    days in it (ISO's week 1 of a year: "the first week of 2015" starts December 29)."""
    if gran == "month":
        mondays = _whole_weeks(ps, pe)
        if not mondays:
            return None
        day = mondays[-1 if from_end else 0]
    else:
        day = pe - dt.timedelta(days=4) if from_end else ps + dt.timedelta(days=3)
        day -= dt.timedelta(days=day.weekday())
    return day, day + dt.timedelta(days=7)


def _part_interval(m: re.Match, s: DateSpan) -> tuple[dt.date, dt.date, str] | None:
    """The interval and granularity a `_PART_RX` match makes of span `s`, or None."""
    if m.group("part") is not None:
        if s.granularity not in _PART_OF_GRANS:
            return None
        word, n = m.group("unit")[::-1], m.group("n")
        from_end = m.group("edge")[::-1] in _PART_LAST
    else:
        if s.granularity not in ("day", "month") or (m.group("to") and not m.group("the")):
            return None  # "postponed by two weeks to March 3": a day
        word, n, from_end = m.group("unit2")[::-1], m.group("n2"), True
    if not n and word not in _PART_SINGULAR:
        return None  # "the last months of 2004": how many is not said
    unit = _PART_UNITS[word]
    k = _count(n[::-1]) if n else 1
    if not k:
        return None
    ps, pe = s.date_start, s.date_end
    if m.group("upto") is not None:  # the period ends with the day (or month) named
        ps = _months_up_to(pe, k) if unit == "month" else pe - dt.timedelta(days=k * (7 if unit == "week" else 1))
        return ps, pe, unit
    if unit == "week" and not n:
        week = _week_of(ps, pe, from_end, s.granularity)
        if week is None or not ps <= week[0] + dt.timedelta(days=3) < pe:
            return None
        return week[0], week[1], unit
    if unit == "month":
        part = (_add_months(pe, -k), pe) if from_end else (ps, _add_months(ps, k))
    else:
        days = dt.timedelta(days=k * (7 if unit == "week" else 1))
        part = (pe - days, pe) if from_end else (ps, ps + days)
    if not (ps <= part[0] and part[1] <= pe):
        return None  # more than the period holds: "the first 14 months of 1986"
    return part[0], part[1], unit


def _part_of_the_year(m: re.Match, s: DateSpan, ctx: _Ctx) -> tuple[dt.date, dt.date, str] | None:
    """A part of "the year" (see `_h_ofy`): in the year that puts the part nearest the
    publication date, or where the tense says ("the final three months of the year" in March:
    last year's)."""
    def part_in(y: int) -> tuple[dt.date, dt.date, str] | None:
        return _part_interval(m, DateSpan(s.start, s.end, dt.date(y, 1, 1), dt.date(y + 1, 1, 1), "year", True, True))

    assert ctx.pubdate is not None  # a year-less candidate has no span without one
    if part_in(ctx.pubdate.year) is None:
        return None
    start = len(ctx.low) - m.end()  # the tense is read around the whole mention
    y = _nearest_year(lambda y: part_in(y)[:2], ctx.pubdate, lambda: _lean(ctx, start, s.end))  # type: ignore[index]
    return part_in(y)


def _parts_of_periods(spans: list[DateSpan | None], cands: list[_Cand], ctx: _Ctx) -> list[DateSpan | None]:
    """"The first nine months of 1986" is January to September, "the last two weeks of March"
    its last fourteen days, "nine months ended Sept 30" and "the six months to March 31" the
    months up to that day: one mention each, in place of the period or day alone."""
    out = list(spans)
    n = len(ctx.low)
    for i, s in enumerate(spans):
        if s is None or cands[i].until is not None:
            continue
        m = _PART_RX.match(ctx.rlow, n - s.start)
        of_the_year = cands[i].family == "ofy"  # matched a part in _h_ofy: m is not None
        if m is None:
            continue
        try:
            got = _part_of_the_year(m, s, ctx) if of_the_year else _part_interval(m, s)
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


def _reanchor(spans: list[DateSpan | None], cands: list[_Cand], text: str) -> list[DateSpan | None]:
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
                out[i] = _reanchored(out, cands, i, text)
            except (ValueError, OverflowError):  # moved back past year 1
                out[i] = out[i] if c.back or c.keep else None
    return out


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos starts, looking back at most about `_REACH` characters
    (the project's sentence rules, run on that stretch only: a text of one endless sentence
    costs the same per date)."""
    lo = max(0, pos - _REACH)
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
_AFTER_A_RX = re.compile(r"\b(?:after|following)[\s\u00a0]+an?[\s\u00a0]+(?:[^\W\d_]+[\s\u00a0]+)?\d[\d.,/-]*"
                         r"[\s\u00a0]*(?:pct|percent|per[\s\u00a0]cent|%)?[^,.;:()\n\d]{0,16}\Z", re.IGNORECASE)


def _reanchored(out: list[DateSpan | None], cands: list[_Cand], i: int, text: str) -> DateSpan | None:
    c, s = cands[i], out[i]
    assert s is not None
    lo = max(_sentence_start(text, s.start), s.start - _REACH)  # in text order: look back this far only
    nearest = None
    for j in range(i - 1, -1, -1):
        if cands[j].end <= lo:
            break
        a = out[j]
        if (a is None or cands[j].back or cands[j].shift or cands[j].to_year or cands[j].ends
                or cands[j].family in ("rd", "wd")):
            continue  # "Today it reported 1986 earnings, down from ... a year before": when it
            # was said, not what was measured
        if a.start < lo or (_DATELINE_AFTER.match(text, a.end)
                            and _DATELINE_BEFORE.search(text, max(0, a.start - 70), a.start)):
            continue
        if _AFTER_A_RX.search(text, max(lo, a.start - 48), a.start):
            continue  # "rose in February, after a 5.0 pct January rise, and ... a year earlier"
        if c.shift or c.to_year:
            if c.like is None or a.granularity == c.like:
                nearest = a
                break
            nearest = nearest or a
            continue
        if a.granularity != s.granularity:
            continue
        if s.granularity == "week":
            ds = a.date_start - dt.timedelta(days=7 * c.back)
        elif s.granularity in _UNIT_MONTHS:
            ds = _add_months(dt.date(a.date_start.year, a.date_start.month, 1), -_UNIT_MONTHS[s.granularity] * c.back)
        else:
            break
        return DateSpan(s.start, s.end, ds, a.date_start, s.granularity, a.resolved, a.guessed)
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
    iv = _moved(nearest, n, unit)
    if iv is None:
        return s if c.keep else None
    resolved = nearest.resolved if c.to_year is None else False  # "of 1986": the year is written
    return DateSpan(s.start, s.end, iv[0], iv[1], nearest.granularity, resolved, nearest.guessed and resolved)


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
    low = ctx.low
    ctx.rlow = low[::-1]
    raws_by_family = _anchor_raws(low, ctx.rlow, ctx.lang)
    for name in sorted(raws_by_family, key=_FAMILY_RANK.__getitem__):
        handler = _HANDLERS[name]
        for raw in raws_by_family[name]:
            a, b = raw.span()
            if b <= a or covered.find(0, a, b) == -1:
                continue  # empty, or inside a longer candidate found before: cannot win
            try:
                c = handler(raw, ctx)
            except (ValueError, OverflowError):
                c = None  # "next year" read from year 9999: no date outside the calendar
            if c is not None:
                if (text[c.end - 1] == "." and text[c.end - 2 : c.end - 1].isalpha()
                        and _prev_word(ctx, c.end).rstrip(".") not in _MONTH_ABBR):
                    c.end -= 1  # a sentence full stop after "3rd of May"
                cands.append(c)
                n = c.end - c.start
                covered[c.start : c.end] = _ONES[:n] if n <= len(_ONES) else b"\x01" * n
    if not cands:
        return []
    chosen = _inherit_years(_merge_ranges(_select(cands, len(text)), ctx), ctx)
    spans: list[DateSpan | None] = []
    for c in chosen:
        try:
            spans.append(_span(c, ctx))
        except (ValueError, OverflowError):
            spans.append(None)  # an interval that would leave years 1-9999
    if any(c.family in _ENDED_FAMILIES for c in chosen):
        spans = _periods_ended(spans, chosen, text)
    spans = _parts_of_periods(spans, chosen, ctx)
    if any(c.back or c.shift or c.to_year for c in chosen):
        spans = _reanchor(spans, chosen, text)
    return [s for s in spans if s is not None]
