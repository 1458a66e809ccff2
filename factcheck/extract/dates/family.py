"""What a family of date forms is: one entry of the registry (see `registry.py`).

A family is a name, a pattern (see `templates.expand` for its macros), the anchors at which
the scan tries it (see `scan.py`), a reader that turns a match into a candidate date (or
refuses it), and examples. The examples are data that the tests run: each one is a text, the
part of it the family reads (in brackets; the whole text when there are none) and what that
part denotes, read against `EXAMPLE_PUBDATE`:

    "Published: [22 Jan 2025] 12:49 => 2025-01-22 day"
    "de: im [dritten Quartal 2024] => 2024-07-01 quarter"
    "[13-15 July 2024] => 2024-07-13..2024-07-16 day"

The interval is the first day and the granularity (its end follows from them), or the first
day and the day after the last (`START..END`) where the granularity does not give the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.extract.dates.text import Cand, Ctx

EXAMPLE_PUBDATE = dt.date(2013, 2, 12)  # a Tuesday: what the examples' relative dates are read from

Reader = Callable[[re.Match, Ctx], "Cand | None"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where the scan tries a family: at anchor words (a month, "ago", a holiday's first
    word ...) or at digit anchors (see `scan.DIGIT_KINDS`); matched right at the anchor, or
    searched in a window reaching `back` characters before it (and the family's `reach` past
    the word), and then only when the word before the anchor fits `need` (see `scan.NEEDS`).
    `prefix`: also at longer words starting with an anchor word ("Mittwochabend").
    `follows(word)`: what must follow an anchor word when only this family runs at it (a
    regular expression, or None for "no letter"): so that "new" reaches the family only
    before "year's day"."""

    words: frozenset[str] = frozenset()
    digits: str | None = None
    prefix: bool = False
    back: int | None = None
    need: str | None = None
    reach: int | None = None  # digit windows: how far past the anchor's start
    follows: Callable[[str], str | None] | None = None


def at(words, *, prefix: bool = False, follows: Callable[[str], str | None] | None = None) -> Anchor:
    """The family is matched right at each anchor word."""
    return Anchor(frozenset(w.lower() for w in words), prefix=prefix, follows=follows)


def window(words, back: int, need: str | None = None, *, prefix: bool = False,
           follows: Callable[[str], str | None] | None = None) -> Anchor:
    """The family is searched from `back` characters before an anchor word (when `need` fits)."""
    return Anchor(frozenset(w.lower() for w in words), prefix=prefix, back=back, need=need, follows=follows)


def digits(kind: str, *, back: int | None = None, reach: int | None = None, need: str | None = None) -> Anchor:
    """The family is tried at a digit anchor of this kind (see `scan.DIGIT_KINDS`)."""
    return Anchor(digits=kind, back=back, reach=reach, need=need)


@dataclass(slots=True, eq=False)
class Family:
    """One family of date forms (see the module docstring). The flags say how its dates
    take part in assembly (see `assembly.py` and `pointing_back.py`)."""

    name: str
    pattern: str
    anchors: tuple[Anchor, ...]
    reader: Reader
    examples: tuple[str, ...]
    # how far past its anchor word's end a match, with its look-ahead, can reach (the longest
    # tail after the anchor word with every space run at its widest, plus eight): a window
    # cut shorter would let a look-ahead such as "no letter follows" pass at the cut
    reach: int = 0
    # a period that "ended January 31" is the months up to that day ("the third quarter
    # ended January 31": November to January); the number of months it spans
    ended_months: int = 0
    weekday_joins: bool = False  # a weekday written just before it joins it ("Friday 7/6")
    joins_next: bool = False  # it is a weekday that joins a date after it (see weekday_joins)
    shares_list_year: bool = True  # takes the year of the dates listed with it
    named_period: bool = True  # a date that points back may point to it (not: "yesterday")
    year_of_a_part: bool = False  # only "the year" a part of it is taken of ("of the year")
    rank: int = field(default=-1)  # its place in the registry: earlier wins ties
    rx: re.Pattern | None = None  # the compiled pattern


@dataclass(frozen=True, slots=True)
class Example:
    family: str
    lang: str
    text: str
    start: int
    end: int
    date_start: dt.date
    date_end: dt.date
    granularity: str


_EXAMPLE_RX = re.compile(r"(?:(?P<lang>en|de): )?(?P<text>.+?) => (?P<ds>\d{4}-\d\d-\d\d)"
                         r"(?:\.\.(?P<de>\d{4}-\d\d-\d\d))? (?P<gran>day|week|month|quarter|half|season|year|decade)")


def _end_of(ds: dt.date, gran: str) -> dt.date:
    if gran == "day":
        return ds + dt.timedelta(days=1)
    if gran == "week":
        return ds + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}.get(gran)
    if months is None:
        raise ValueError(f"a {gran} example needs its end written: START..END")
    idx = ds.year * 12 + ds.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, ds.day)


def parse_example(family: str, line: str) -> Example:
    """An example line (see the module docstring) as an `Example`; ValueError when malformed."""
    m = _EXAMPLE_RX.fullmatch(line)
    if m is None:
        raise ValueError(f"family {family}: example not in the form 'TEXT => START[..END] GRANULARITY': {line!r}")
    text, gran = m.group("text"), m.group("gran")
    if text.count("[") > 1 or text.count("[") != text.count("]"):
        raise ValueError(f"family {family}: one [bracketed] part at most: {line!r}")
    start, end = text.find("["), text.find("]") - 1
    if start < 0:
        start, end = 0, len(text)
    text = text.replace("[", "").replace("]", "")
    ds = dt.date.fromisoformat(m.group("ds"))
    try:
        de = dt.date.fromisoformat(m.group("de")) if m.group("de") else _end_of(ds, gran)
    except ValueError as ex:
        raise ValueError(f"family {family}: {ex}: {line!r}") from None
    return Example(family, m.group("lang") or "en", text, start, end, ds, de, gran)


def first_word(key: str) -> str:
    """The anchor word of a multi-word key ("st. patrick's day" -> "st.")."""
    return re.split(r"[\s\-\u00a0]+", key.lower())[0]


def first_words(keys) -> set[str]:
    return {first_word(k) for k in keys}


def rest_of(keys, word: str) -> list[str]:
    """What follows `word` in the keys that start with it ("new" -> " year's day", ...)."""
    return [k.lower()[len(word):] for k in keys if first_word(k) == word]
