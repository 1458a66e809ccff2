"""Candidates, the context of one text, and reading around a position in it (the word
before or after, case checks, numbers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.extract.dates.templates import LETTER, WD_ALT, alt, expand, s1_alt, wordlist
from factcheck.extract.dates.words import (
    AMBIGUOUS_MONTHS,
    BETWEEN,
    CARD_WORDS,
    COUNT_WORDS,
    HOLIDAY_MODS,
    MONTH_ABBR,
    MONTH_FULL,
    ORD_WORDS,
    WEEKDAY_ABBR,
    WEEKDAY_MODS,
    WEEKDAYS,
    norm,
    words,
)
from factcheck.extract.sentences import SentenceIndex


def prev_token(low: str, rlow: str, a: int) -> str:
    """The word or number just before position a (over up to five other characters)."""
    return prev_tok(low, rlow, a)[0]


# read backwards on the reversed text: up to five other characters, then up to 20 of a word
PREV_TOK_RX = re.compile(r"[\W_]{0,5}([^\W_]{0,20})")


def prev_tok(low: str, rlow: str, a: int) -> tuple[str, int]:
    """`prev_token` and where it starts; `rlow` is `low` reversed (one match, no loop)."""
    n = len(low)
    s, e = PREV_TOK_RX.match(rlow, n - a).span(1)
    return low[n - e : n - s], n - e


def next_token(low: str, e: int) -> str:
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


def last_token(word: str) -> str:
    return prev_token(word, word[::-1], len(word))


def alpha_tail(token: str) -> str:
    """The letters ending a token: "mid" of "2016mid" (a word may follow digits directly)."""
    i = len(token)
    while i and token[i - 1].isalpha():
        i -= 1
    return token[i:]

# look-backs from the start of a match (run on the lower-cased text, anchored at its end)
WDPRE_RE = re.compile(expand(
    r"(?:(?<!" + LETTER + r")(?P<wd>" + WD_ALT + r")<NA><S>,?<S>"
    r"|(?<!" + LETTER + r")(?P<wda>" + alt(WEEKDAY_ABBR) + r")(?:\.,?|,)<S>)"
    r"(?:<W:before_day_number><S1>)?\Z"
))
WD_MOD_RE = re.compile(expand(r"(?<!" + LETTER + r")(?P<mod>" + s1_alt(WEEKDAY_MODS) + r")<S1>\Z"))
WDPRE_WORDS = {w.lower() for w in (*WEEKDAYS, *WEEKDAY_ABBR)} | words("pattern_words.before_day_number")
HOL_MOD_RE = re.compile(expand(r"(?<!" + LETTER + r")(?P<mod>" + s1_alt(HOLIDAY_MODS) + r")<S1>\Z"))

PREV_WORD_RX = re.compile(r"[\s\u00a0]*\.?(" + LETTER + r"+)")  # on the reversed text
NEXT_WORD_RE = re.compile(r"[\s\u00a0]*(%|" + LETTER + r"[\w-]*)")
BETWEEN_RE = re.compile(
    r"(?<!" + LETTER + r")(?:" + alt(BETWEEN) + r")(?:[\s\u00a0]{1,3}" + wordlist("range_articles") + ")?"
    r"[\s\u00a0]{1,3}$",
    re.IGNORECASE,
)



if TYPE_CHECKING:
    from factcheck.extract.dates.family import Family

# ----------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    gran: str
    y: int | None = None  # None: to be filled (publication date or range partner)
    m: int = 1
    d: int = 1
    n: int = 0  # quarter or half number
    mode: str = "nearest"  # how a missing year is chosen: nearest, recent, next, last, this, latest, soon
    fixed: tuple[dt.date, dt.date] | None = None  # interval already known (relative dates)
    resolved: bool = False
    until: Cand | None = None  # end part of a range
    wd: int | None = None  # weekday named with a year-less date: picks the year
    third: int | None = None  # early/mid/late: the first, middle or last third of the period
    guessed: bool = False  # a fixed interval whose year is the nearest reading ("at Christmas")
    back: int = 0  # "the previous year" (1), "the prior three months" (3): see `reanchor`
    shift: tuple[int, str] | None = None  # "a year earlier": (1, "year"), see `reanchor`
    like: str | None = None  # "the year-ago quarter": a quarter named before is the one moved
    to_year: int | None = None  # "the same month of 1986": the period named before, in 1986
    keep: bool = False  # a moved date keeps its own interval when nothing was named before it
    ends: bool = False  # the day a period ended ("the quarter ended January 31"): not moved itself
    family: Family | None = None  # the family that read it (set by the scan)


@dataclass(slots=True)
class Ctx:
    text: str
    lang: str
    pubdate: dt.date | None
    cased: bool
    low: str = ""  # lower-cased text, same length: the patterns run on it
    rlow: str = ""  # low reversed, to read the word before a position
    # the sentences and the then-and-now contrasts of the text, found once when first asked
    # for (see `present_at_large`)
    present_marks: tuple[SentenceIndex, list[int]] | None = None
    may_is_a_person: bool | None = None  # "Theresa May" in the text (see `read_bare_month`), found once


def orig(m: re.Match, ctx: Ctx, g: str) -> str:
    """Group g of a match on the lower-cased text, as written in the original text (for the
    handlers that check case; digits and word lists read the lower-cased groups)."""
    return ctx.text[m.start(g) : m.end(g)]


def lowered(text: str) -> str:
    """Lower-cased text with the same offsets (characters that lower to two are kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def wd_prefix(ctx: Ctx, start: int) -> tuple[int, int | None]:
    """A weekday written before a date ("Monday, March 4"): (new start, weekday)."""
    pt = prev_token(ctx.low, ctx.rlow, start)
    if pt not in WDPRE_WORDS:
        return start, None
    m = WDPRE_RE.search(ctx.low, max(0, start - 30), start)
    if not m:
        return start, None
    if m.group("wd"):
        return m.start(), WEEKDAYS[m.group("wd")]
    return m.start(), WEEKDAY_ABBR[m.group("wda")]


def prev_word(ctx: Ctx, pos: int) -> str:
    """The word (letters) ending just before pos, over a full stop and spaces, lower-cased;
    read backwards on the reversed text within 40 characters."""
    n = len(ctx.low)
    pos = min(max(pos, 0), n)
    m = PREV_WORD_RX.match(ctx.rlow, n - pos, n - max(0, pos - 40))
    if m is None:
        return ""
    a, b = m.span(1)
    return ctx.low[n - b : n - a]


def next_word(ctx: Ctx, pos: int) -> str:
    """The word (or "%") just after pos, over spaces, lower-cased."""
    m = NEXT_WORD_RE.match(ctx.low, pos, min(len(ctx.low), pos + 40))
    return m.group(1) if m else ""


def month_ok(token: str, ctx: Ctx, bare: bool = False) -> bool:
    """Case check for a month word: in cased text "may"/"march" and abbreviations must be
    capitalised (and bare month names are expected capitalised anyway)."""
    key = token.lower().rstrip(".")
    if not ctx.cased or token.isupper():
        return True
    if key in AMBIGUOUS_MONTHS or key in MONTH_ABBR or (bare and key not in MONTH_FULL):
        return token[0].isupper()
    return True


def year2(yy: str) -> int:
    v = int(yy)
    return 2000 + v if v < 50 else 1900 + v


def day_value(m: re.Match, num: str | None, word: str | None) -> int | None:
    if num is not None and m.group(num):
        v = int(m.group(num))
    else:
        key = norm(m.group(word))
        v = ORD_WORDS.get(key) or CARD_WORDS.get(key)
        if v is None:
            return None
    return v if 1 <= v <= 31 else None


YEAR_GROUPS: dict[re.Pattern, tuple[str, ...]] = {}  # per pattern: which of y, yy, ya it has


def year_from_tail(m: re.Match) -> int | None:
    names = YEAR_GROUPS.get(m.re)
    if names is None:
        names = YEAR_GROUPS[m.re] = tuple(g for g in ("y", "yy", "ya") if g in m.re.groupindex)
    for g in names:
        v = m.group(g)
        if v:
            return int(v) if g == "y" else year2(v)
    return None


def valid_ymd(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


def is_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] == "\n"


def fixed_cand(start: int, end: int, gran: str, ds: dt.date, de: dt.date) -> Cand:
    c = Cand(start, end, gran, y=ds.year, m=ds.month, d=ds.day, fixed=(ds, de))
    c.resolved = True
    return c


def count_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return COUNT_WORDS.get(norm(word)) or None
