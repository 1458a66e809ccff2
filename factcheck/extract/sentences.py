"""Sentence boundaries, good enough to quote a mention and read its context.

Wire copy is hard-wrapped (a single newline is not a break); scraped pages often lose the
space after a period ("in the US.Musk has"). Both are handled; abbreviations from
`factcheck/data/sentences.toml` never end a sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re

from factcheck.datafiles import load

_ABBREV = frozenset(load("sentences")["abbreviations"])
# Every branch starts with one of [.!?…\n], written once up front: a pattern that opens with a
# character class lets the regex engine skip to the next candidate character (five times as
# fast as trying each branch at every position); the look-behinds re-state each branch's first
# character.
_BREAK = re.compile(
    r"[.!?…\n](?:"
    # terminal punctuation, closing quotes, then space and a plausible sentence start
    r"(?<=[.!?…])[.!?…]{0,2}[\"'”’»«)\]]{0,2}(?=\s{1,20}[\"'“„‘»«(\[]{0,2}[A-ZÄÖÜ0-9•])"
    # a lost space: "the US.Musk has"
    r"|(?<=[a-z]{2}\.|[A-Z]{2}\.)(?=[A-Z][a-z])"
    # a paragraph break, an indented line (wire paragraphs) or a bullet
    r"|(?<=\n)(?:[ \t]{0,8}\n|(?=[ \t]{2,8}\S)|(?=\s{0,8}[•*·-]\s)))"
)
_SHORT_LINE = re.compile(r"\n(?=[^\n]{0,200})")
# a Markdown/HTML comment on lines of its own (an editor's factcheck-ignore note) is no part of
# the sentences around it; one inside a line stays in its sentence, which it must not cut in two
_COMMENT_LINES = re.compile(r"^[ \t]*(<!--.*?-->)[ \t]*$", re.S | re.M)
_WORD_BEFORE = re.compile(r"([\w.]{1,12})\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, covering the text in order, whitespace trimmed."""
    cuts = [0]
    for m in _BREAK.finditer(text):
        if m.group(0) == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.end())
            if w and w.group(1).lower() in _ABBREV:
                continue
            # one capital letter before the period: an initial ("John F. Kennedy")
            if m.start() >= 2 and text[m.start() - 1].isupper() and not text[m.start() - 2].isalnum():
                continue
        cuts.append(m.end())
    cuts.extend(_short_line_breaks(text))
    if "<!--" in text:
        cuts.extend(x for m in _COMMENT_LINES.finditer(text) for x in m.span(1))
    cuts = sorted(set(cuts))
    cuts.append(len(text))
    out = []
    for a, b in itertools.pairwise(cuts):
        # str.strip drops what str.isspace calls white space, a copy in C instead of a loop
        piece = text[a:b]
        kept = piece.strip()
        if kept:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(kept)))
    return out


_DATELINE_END = re.compile(r"\d{1,2}\s{0,3}-$")  # "NEW YORK, March 18 -"
_SMALL = frozenset(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
                    "von", "der", "die", "das", "und"])


def _short_line_breaks(text: str) -> list[int]:
    """A newline after a headline, heading or dateline ends a sentence.

    Wire copy is hard-wrapped at ~70 characters, so a line break by itself means nothing;
    a short line that ends without a lower-case word, or whose words are all capitalised
    ("Microsoft’s Crucial Role"), or a dateline does end one.
    """
    out = []
    after = 0  # just past the newline that ends the current line
    for raw in text.split("\n")[:-1]:
        after += len(raw) + 1
        line = raw.strip()
        if not line or len(line) >= 60:
            continue
        # the cheapest test first (all three are pure)
        continues = text[after : after + 1].islower()  # "rose 17\ncents": one sentence
        if (line[-1] not in ",;-–(" and not line[-1].islower() and not continues) or _title_case(line) or (
                _DATELINE_END.search(line)):
            out.append(after)
    return out


def _title_case(line: str) -> bool:
    """Are the line's words, small words and those with other than letters aside, all
    capitalised (and is there one)?"""
    seen = False
    for w in line.split():
        if w.isalpha() and w.lower() not in _SMALL:
            if not w[0].isupper():
                return False
            seen = True
    return seen


class SentenceIndex:
    """Find the sentence that holds an offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.bounds = sentence_bounds(text)
        self._starts = [a for a, _ in self.bounds]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence(s) holding [start, end) (a mention may cross a break)."""
        if not self.bounds:
            return start, end
        a = self.bounds[self.index(start)][0]
        b = self.bounds[self.index(max(start, end - 1))][1]
        return min(a, start), max(b, end)
