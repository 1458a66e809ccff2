"""The pattern language of the registry: word alternations as tries, and the macros a
family's pattern may use (`<S>`, `<MON:mon>`, `<YEAR4>` ...; see `expand`), with the pieces
several patterns share (year tails, range separators)."""

from __future__ import annotations

import re

from factcheck.extract.dates.words import (
    CARD_WORDS,
    MONTHS,
    ORD_WORDS,
    REL_YEAR,
    SPELLED_YEARS,
    WEEK_WORDS,
    WEEKDAYS,
    words,
)
from factcheck.patterns import trie

# ----------------------------------------------------------------------------- patterns

LETTER = r"[^\W\d_]"


def alt(words, tails: dict[str, str] | None = None, *, space: str = r"[\s\u00a0-]{1,2}",
        hyphen_is_space: bool = True) -> str:
    """Words as a prefix tree (the project's `patterns.trie`) for the lower-cased text: spaces
    (and hyphens) in a word match `space`; `tails` gives some words a pattern that must follow
    them (a look-ahead)."""
    return trie(words, space=space, separators=r"[\s-]" if hyphen_is_space else r"\s", lower=True, tails=tails)


S1 = r"[\s\u00a0]{1,3}"


def wordlist(name: str, lang: str | None = None) -> str:
    """The words of [pattern_words] `name` (of one language, or of every one) as a group;
    a space in a word matches what <S1> does."""
    ws = words(f"pattern_words.{name}", lang)
    return "(?:" + alt(ws, space=S1, hyphen_is_space=False) + ")" if ws else "(?!)"


YEAR4 = r"[12]\d{3}(?!\d)(?![.,]\d)"
DSUF = r"(?:<W:ordinal_suffix>(?!" + LETTER + r")|\.(?![\d]))?"  # "3rd", "3.", "3ten"
DSUF_NODOT = r"(?:<W:ordinal_suffix>(?!" + LETTER + r"))?"
REL_YEAR_ALT = alt(REL_YEAR)
SPELLED_ALT = alt(SPELLED_YEARS)

MACROS = {
    "S": r"[\s\u00a0]{0,3}",
    "S1": S1,
    "NB": r"(?<!" + LETTER + r")",
    "NA": r"(?!" + LETTER + r")",
    "YEAR4": YEAR4,
}


def month_group(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt(MONTHS)})(?!{LETTER})\.?"


def dnum(group: str, dot: bool = True) -> str:
    lb = r"(?<!\d.)(?<!\d[.,:/].)"  # no digit (or digit and separator) before the number
    return (rf"(?P<{group}>[0-3]{lb}\d|\d{lb})(?!\d)") + (DSUF if dot else DSUF_NODOT)


def ordw(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt(ORD_WORDS)})(?!{LETTER})"


def anyw(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt({**ORD_WORDS, **CARD_WORDS})})(?!{LETTER})"


def expand(pattern: str) -> str:
    """Expand the macros of a pattern: <S> (up to three spaces), <S1> (one to three), <NB> (no
    letter before), <NA> (no letter after), <YEAR4>, <MON:g> (a month word, group g), <DNUM:g>
    and <DNUMX:g> (a day number with or without an ordinal dot), <ORDW:g> (an ordinal word),
    <ANYW:g> (an ordinal or cardinal word), and <W:name> / <W:name:en> (the words of
    [pattern_words] `name` in the date data files, of every language or of one)."""

    def repl(m: re.Match) -> str:
        name, arg, lang = m.group(1), m.group(2), m.group(3)
        if name == "W":
            return wordlist(arg, lang)
        if name == "MON":
            return month_group(arg)
        if name == "DNUM":
            return dnum(arg)
        if name == "DNUMX":
            return dnum(arg, dot=False)
        if name == "ORDW":
            return ordw(arg)
        if name == "ANYW":
            return anyw(arg)
        return MACROS[name]

    prev = None
    while prev != pattern:
        prev = pattern
        pattern = re.sub(r"(?<!\?P)<([A-Z][A-Z0-9]*)(?::(\w+))?(?::(en|de))?>", repl, pattern)
    return pattern


# year tails after a day and month: ", 2025", " of 2016", "-74", " '25"
# and a year in words (see `read_dates.spelled_tail`): "jan twenty one two thousand and eighteen"
YT = (
    r"(?:<S>[,/-]?<S>(?:<W:of><S1>)?(?P<y><YEAR4>)"
    r"|<S>[-/]<S>(?P<yy>\d{2})(?!\d)(?![.,]\d)"
    r"|<S>['\u2019](?P<ya>\d{2})(?!\d)"
    r"|<S>,?<S>(?P<ysp>" + SPELLED_ALT + r")<NA>)?"
)
YT_MDY = (
    r"(?:<S>,?<S>(?:<W:of><S1>)?(?P<y><YEAR4>)"
    r"|<S>,?<S>['\u2019](?P<ya>\d{2})(?!\d)"
    r"|<S>,?<S>(?P<ysp>" + SPELLED_ALT + r")<NA>)?"
)
# year tails after a quarter, half or bare month name
PERIOD_YT = (
    r"(?:<S>,?<S>(?:<W:period_year_before><S1>)?(?P<y><YEAR4>)"
    r"|<S1>(?:<W:relative_year_of><S1>)?(?P<ry>" + REL_YEAR_ALT + r")<S1><W:year_after_relative><NA>"
    r"|<S>['\u2019/](?P<ya>\d{2})(?!\d)(?![.,]\d))?"
)

RANGE_SEP = r"(?:-|–|—|<W:range_to>|/)"

WD_ALT = alt(WEEKDAYS)
WEEK_ALT = alt(WEEK_WORDS)


def s1_alt(ws, space: str = S1) -> str:
    """Words as a group, a space in a word matching what <S1> does ("from now", "innerhalb
    von"), or `space`."""
    return "(?:" + alt(ws, space=space, hyphen_is_space=False) + ")"


# "4.1 pct", "5 per cent": one space inside
PERCENT = s1_alt(words("pattern_words.percent"), r"[\s\u00a0]")
