"""The tense of the clause around a date: whether a date without a year ("April 28", "on
Sunday", "Christmas") lies before or after the publication date (see `tense_lean`)."""

from __future__ import annotations

import re

from factcheck.extract.dates.text import Ctx
from factcheck.extract.dates.words import (
    FUNCTION_WORDS,
    FUTURE_CUES,
    NOT_PAST_ED,
    PARTICIPLE,
    PARTICIPLE_LAST,
    PARTICIPLE_MIN,
    PAST_CUES,
    PERFECT,
    REPORTING,
)

# ----------------------------------------------------------------------------- tense

# A date without a year ("April 28", "Christmas", "on Sunday", "in March", "the third quarter")
# has a reading before and one after the publication date. The verbs around it choose: past
# tense ("fell", "was", "hatte") the latest reading not after it, future ("will", "expects",
# "wird", "soll") the first not before it. Without a cue, running text takes the nearest
# reading; a date standing alone (a heading, a list or agenda line, a query: nothing but the
# date and function words) reads forward, like a calendar entry.
CUES = {w: -1 for w in PAST_CUES} | {w: 1 for w in FUTURE_CUES}
FUNCTION = FUNCTION_WORDS
WORD_RX = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
CLAUSE_END = re.compile(r"[.!?;:]\s|\n\s*\n|\n[ \t]{2,}|[\u2022|]")


def cue(words: list[str], i: int, lang: str) -> int:
    w = words[i]
    c = CUES.get(w)
    if c is not None:
        return c
    prefix, endings, shortest = PARTICIPLE[lang]  # "rallied", "gestiegen"
    if not (len(w) >= shortest and w.startswith(prefix) and w.endswith(endings)) or w in NOT_PAST_ED:
        return 0
    if i and words[i - 1] in PERFECT:  # "has called", "to be announced": not a past event
        return 0
    return -1


def tense_lean(ctx: Ctx, start: int, end: int, weekly: bool = False) -> tuple[int, int]:
    """(direction, window): +1 read forward, -1 read back, 0 the nearest reading. A date
    standing alone reads forward (window 0). A tense cue moves a date only when its nearest
    reading lies more than `window` days from the publication date: 14 for a future cue
    before the date, 60 for past cues and cues after it (a past-tense verb often governs a
    date just ahead: "asked for offers on March 24"; "growth in February will help")."""
    low = ctx.low  # words read lower-cased; clause ends are the same in either case
    cut = max(0, start - 120)
    for m in CLAUSE_END.finditer(low, cut, start):
        cut = m.end()
    stop = min(len(low), end + 80)
    m = CLAUSE_END.search(low, end, stop)
    lw = WORD_RX.findall(low, cut, start)
    rw = WORD_RX.findall(low, end, m.start() if m else stop)
    lang = ctx.lang
    cues = CUES
    last, shortest = PARTICIPLE_LAST, PARTICIPLE_MIN  # a quick test before `cue`
    n = len(lw)
    for k in range(n - 1, max(-1, n - 9), -1):
        w = lw[k]
        c = cues.get(w)
        if c is None:  # most words: no cue, and not a participle ("fell", "the")
            if not (len(w) >= shortest and w[-1] in last):
                continue
            c = cue(lw, k, lang)
        if c and (w not in REPORTING or k >= n - 2):  # "announced Nov. 17", "said Monday"
            return c, 0 if weekly else 14 if c > 0 else 60
    fronted = FUNCTION.issuperset(lw)  # the date opens its clause: its verb follows
    for k in range(min(len(rw), 5)):
        w = rw[k]
        c = cues.get(w)
        if c is None:
            if not (len(w) >= shortest and w[-1] in last):
                continue
            c = cue(rw, k, lang)
        if c and (w not in REPORTING or (fronted and k == 0)):
            return c, 0 if weekly else 60
    if fronted and FUNCTION.issuperset(rw):
        return 1, 0
    return 0, 0
