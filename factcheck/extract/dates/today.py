"""Whether "today"/"heute" is the publication day or the present at large ("bis heute",
"the children of today", a name such as "Heute-Show"): measured cues, see [present_at_large]
in the date data files."""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.extract.dates.templates import alt
from factcheck.extract.dates.text import Ctx
from factcheck.extract.dates.words import PARTICIPLE, PRESENT_CUES, PRESENT_DAY_AFTER, PRESENT_DAY_BEFORE
from factcheck.extract.sentences import SentenceIndex

LETTER_WORDS_RE = re.compile(r"[^\W\d_]+")
NEXT_WORD_COMMA_RE = re.compile(r"[\s,\u00a0]*([^\W\d_]+)")
SENTENCE_OPENERS = frozenset('.!?:;"\u201e\u201c\u201d\u00bb\u00ab\u2013\u2014(\n')
PRESENT_REACH = 300  # characters a sentence is read either side of the word, at most
CLAUSE_MARK_RE = re.compile(r"[.!?;:]")  # where the words read around the word stop


def contrast_re() -> re.Pattern:
    """A then-and-now contrast: a word ("früher", "damals") or "vor zehn Jahren". (A year was
    tried too: "rund 2000 Menschen" is no year, and the cue held only 5 of the 163.)"""
    cues = PRESENT_CUES["de"]
    return re.compile(
        r"(?<![^\W\d_])(?:" + alt(cues["contrast"]) + r")(?![^\W\d_])"
        r"|(?<![^\W\d_])(?:" + alt(cues["ago"]) + r")[\s\u00a0]+\S+[\s\u00a0]+(?:" + alt(cues["ago_units"])
        + r")(?![^\W\d_])"
    )


CONTRAST_RE = contrast_re()


def sentence_marks(ctx: Ctx) -> tuple[SentenceIndex, list[int]]:
    """The sentences of the text (the project's sentence rules) and where then-and-now
    contrasts start in it: one pass each, so that a text full of "heute" costs the same per word."""
    if ctx.present_marks is None:
        ctx.present_marks = SentenceIndex(ctx.text), [m.start() for m in CONTRAST_RE.finditer(ctx.low)]
    return ctx.present_marks


def present_at_large(ctx: Ctx, a: int, e: int) -> bool:
    """Whether "today"/"heute" at [a, e) is a name or the present at large rather than the
    publication day (the cues are listed under [present_at_large] in the date data files)."""
    text, low = ctx.text, ctx.low
    if (text[a - 1 : a] == "-" and text[a - 2 : a - 1].isalnum()) or (
            text[e : e + 1] == "-" and text[e + 1 : e + 2].isalnum()):
        return True  # "Heute-Show", "ZDF-heute journal"; not "through today--everyone"
    j = a - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    opens = j < 0 or text[j] in SENTENCE_OPENERS
    word = text[a:e]
    if ctx.cased and word[0].isupper() and not word.isupper() and not opens:
        return True  # a name in mid-sentence: "told Today", "laut Heute", "Heute konkret"
    # the words around it in its clause (up to three before, two after)
    lo = a if opens else max(0, a - 40)
    cut = CLAUSE_MARK_RE.search(ctx.rlow, len(low) - a, len(low) - lo)
    before = LETTER_WORDS_RE.findall(low, len(low) - cut.start() if cut else lo, a)[-3:]
    pw = before[-1] if before else ""
    m = NEXT_WORD_COMMA_RE.match(low, e, min(len(low), e + 30))
    nw = m.group(1) if m else ""
    if nw in PRESENT_DAY_AFTER or pw in PRESENT_DAY_BEFORE:
        return False  # "heute, Freitag", "heute Abend", "ab heute"
    cues = PRESENT_CUES[ctx.lang]
    if ctx.lang == "en":
        if pw in cues["before"]:
            return True  # "still today"
        # "the children of today"; not "as of today", "of today's auction", "talked of today"
        return (pw in cues["of"] and text[e : e + 1] not in "'\u2019" and len(before) > 1
                and before[-2] not in cues["of_not_after"] and not before[-2].endswith(PARTICIPLE["en"][1]))
    if pw in cues["before"] or nw in cues["after"]:
        return True  # "bis heute", "heute noch"
    nx = text[e : e + 4].lstrip()[:1]
    if pw in cues["determiners"] and (nx.islower() or nx.isdigit()):
        return True  # "der heute 19-jährige Rapper"
    cut = CLAUSE_MARK_RE.search(low, e, min(len(low), e + 30))
    after = LETTER_WORDS_RE.findall(low, e, cut.start() if cut else min(len(low), e + 30))[:2]
    if not cues["conditional"].isdisjoint(before) or not cues["conditional"].isdisjoint(after):
        return True  # "wäre sie heute in einer ähnlichen Lage"
    if opens and nw:
        return True  # "Heute ist es der Kopf, der ...": 15 to 1 in the labelled draw
    # a contrast in the sentence: "früher ..., heute ...", "vor zehn Jahren ..., heute ..."
    sentences, marks = sentence_marks(ctx)
    lo, hi = sentences.around(a, e)
    k = bisect_left(marks, max(lo, a - PRESENT_REACH))
    return k < len(marks) and marks[k] < min(hi, e + PRESENT_REACH)
