"""The tense of the clause around a date: whether a date without a year ("April 28", "on
Sunday", "Christmas") lies before or after the publication date (see `tense_lean`).

A date without a year has a reading before and one after the publication date. The verbs of
its clause choose: past tense ("fell", "was", "hatte") the latest reading not after it, future
("will", "is to", "is expected to", "wird", "soll") the first not before it; a future of
a past time ("was to meet") says nothing of the publication date. Without a cue,
running text takes the nearest reading; a date standing alone (a heading, a list or agenda
line, a query: nothing but the date and function words) reads forward, like a calendar entry.
The words are the document's language's (`[tense_cues]` in the date data files).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.extract.dates.text import Ctx
from factcheck.extract.dates.words import (
    CLAUSE_CONJUNCTIONS,
    COMPLEMENT_WORDS,
    FUNCTION_WORDS,
    FUTURE_CUES,
    FUTURE_PHRASES,
    LANGS,
    NO_TENSE_PHRASES,
    NOT_PAST_ED,
    PARTICIPLE,
    PARTICIPLE_FORMS,
    PARTICIPLE_LAST,
    PARTICIPLE_MIN,
    PAST_CUES,
    PERFECT,
    RELATIVE_WORDS,
    REPORTING,
    REPORTING_BETWEEN,
    SEQUENCE_PHRASES,
    SUBJECT_STARTS,
    SUBJECTS,
)

NO_TENSE = 2  # what `cue` gives for words that say the clause has no tense of its own
# words where a clause begins (see [tense_cues] in the data files)
CONJUNCTION, RELATIVE, COMPLEMENT, SUBJECT = 1, 2, 3, 4  # "because", "which", "that", "he"


class TenseWords(NamedTuple):
    """The words of the tense of one language (see `[tense_cues]`)."""

    cues: dict[str, int]  # word -> -1 past, +1 future
    # last word -> (the words before it, direction or NO_TENSE): "is to", "was set to"
    phrases: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    reporting: frozenset[str]
    said_when: frozenset[str]  # the words between a reporting verb and the date when it dates the saying
    bounds: dict[str, int]  # word -> CONJUNCTION, RELATIVE, COMPLEMENT or SUBJECT
    subject_starts: frozenset[str]  # "that" before these begins a clause (empty: always)
    not_past_ed: frozenset[str]
    participles: frozenset[str]  # past words that are participles too: "held", "paid"
    sequences: dict[str, frozenset[str]]  # participle -> the words after it that make a sequence
    perfect: frozenset[str]  # a participle after these is no past event: "has called"
    function: frozenset[str]
    participle: tuple[str, tuple[str, ...], int]  # beginning, endings, shortest length


def _sequences(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for phrase in SEQUENCE_PHRASES[lang]:
        first, second = phrase.split()
        out.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in out.items()}


def _words(lang: str) -> TenseWords:
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase_list, direction in ((FUTURE_PHRASES[lang], 1), (NO_TENSE_PHRASES[lang], NO_TENSE)):
        for phrase in phrase_list:
            *before, last = phrase.split()
            phrases.setdefault(last, []).append((tuple(before), direction))
    return TenseWords({w: -1 for w in PAST_CUES[lang]} | {w: 1 for w in FUTURE_CUES[lang]},
                      {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
                      frozenset(REPORTING[lang]), frozenset(REPORTING_BETWEEN[lang]),
                      {w: SUBJECT for w in SUBJECTS[lang]} | {w: COMPLEMENT for w in COMPLEMENT_WORDS[lang]}
                      | {w: RELATIVE for w in RELATIVE_WORDS[lang]}
                      | {w: CONJUNCTION for w in CLAUSE_CONJUNCTIONS[lang]},
                      frozenset(SUBJECT_STARTS[lang]),
                      frozenset(NOT_PAST_ED[lang]), frozenset(PARTICIPLE_FORMS[lang]), _sequences(lang),
                      frozenset(PERFECT[lang]),
                      frozenset(FUNCTION_WORDS[lang]), PARTICIPLE[lang])


TENSE = {lang: _words(lang) for lang in LANGS}
FUNCTION = frozenset().union(*FUNCTION_WORDS.values())  # of either language (see `read_dates`)
# a word, with an apostrophe inside ("won't", "he'll", "he’ll")
WORD_RX = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
NEXT_WORD_RX = re.compile(r"[\s\u00a0]*[^\W\d_]")  # a word right after the date: "on Saturday announced"
CLAUSE_END = re.compile(r"[.!?;:]\s|\n\s*\n|\n[ \t]{2,}|[\u2022|]")


def cue(words: list[str], i: int, t: TenseWords) -> int:
    """The tense `words[i]` marks: -1 past, +1 future, 0 none, NO_TENSE for the last word of a
    phrase that says the clause has none ("was to", "ahead of"). A past participle marks no
    past event after "be" or "has" ("will be held", "has called a meeting for July 23") or in a
    sequence ("begin on Wednesday, followed by the House on Thursday")."""
    w = words[i]
    c = t.cues.get(w)
    if c is None:
        for before, direction in t.phrases.get(w, ()):  # "is to", "was set to", longest first
            if i >= len(before) and tuple(words[i - len(before) : i]) == before:
                return direction
        if "'" in w or "\u2019" in w:  # "won't", "he'll": the word, else what follows the apostrophe
            w = w.replace("\u2019", "'")
            c = t.cues.get(w)
            return c if c is not None else t.cues.get(w.rsplit("'", 1)[1], 0)
        prefix, endings, shortest = t.participle  # "rallied", "gestiegen"
        if not (len(w) >= shortest and w.startswith(prefix) and w.endswith(endings)) or w in t.not_past_ed:
            return 0
        c = -1
    elif c > 0 or w not in t.participles:
        return c  # "was", "rose", "will": a tense whatever stands around it
    if (i and words[i - 1] in t.perfect) or (i + 1 < len(words) and words[i + 1] in t.sequences.get(w, ())):
        return 0
    return c


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
    t = TENSE[ctx.lang]
    cues, phrases, reporting, function, bounds = t.cues, t.phrases, t.reporting, t.function, t.bounds
    participles = t.participles
    last, shortest = PARTICIPLE_LAST, PARTICIPLE_MIN  # a quick test before `cue`
    n = len(lw)
    clause = 0  # where the date's own clause begins among the words before it
    said = False  # a reporting verb in the date's clause: what follows "that" or "he" was said
    reported = False  # a "that" between the date and a reporting verb
    for k in range(n - 1, max(-1, n - 9), -1):
        w = lw[k]
        c = cues.get(w)
        if c is not None:
            if w in participles:  # "held", "paid": a past only where no participle
                c = cue(lw, k, t)
        else:  # most words: no cue, and not a participle ("fell", "the")
            b = bounds.get(w)
            if b is not None:
                if b != COMPLEMENT or not t.subject_starts or (k + 1 < n and lw[k + 1] in t.subject_starts):
                    clause = k if b == SUBJECT else k + 1  # a verb before it is another clause's
                    break
                reported = b == COMPLEMENT  # "said that on June 1 ...": not when it was said
            if not ((len(w) >= shortest and w[-1] in last) or w in phrases or "'" in w or "\u2019" in w):
                continue
            c = cue(lw, k, t)
        if c == NO_TENSE:
            return 0, 0
        if c and w in reporting and (reported or not (t.said_when.issuperset(lw[k + 1 :])
                                                      or (k == n - 2 and lw[k + 1] not in function))):
            said = True  # "told Democrats Wednesday ...", "said that on June 1 it will": what was said
            continue
        if c:  # "announced Nov. 17", "said in a Sept. 14 email", "will meet on Monday"
            return c, 0 if weekly else 14 if c > 0 else 60
    fronted = function.issuperset(lw[clause:])  # the date opens its clause: its verb follows
    for k in range(min(len(rw), 5)):
        w = rw[k]
        c = cues.get(w)
        if c is not None:
            if w in participles:
                c = cue(rw, k, t)
        else:
            b = bounds.get(w)
            if b == CONJUNCTION or (said and b in (COMPLEMENT, SUBJECT)):
                break  # "... Wednesday he would fight": what was said is not when
            if not ((len(w) >= shortest and w[-1] in last) or w in phrases or "'" in w or "\u2019" in w):
                continue
            c = cue(rw, k, t)
        if c == NO_TENSE:
            return 0, 0
        if c and w in reporting and not (k == 0 and (fronted or NEXT_WORD_RX.match(low, end))):
            said = True  # "On Friday, the company said": the verb of another clause
            continue
        if c:
            return c, 0 if weekly else 60
    if fronted and function.issuperset(rw):
        return 1, 0
    return 0, 0
