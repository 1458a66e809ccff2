"""Inline suppression: comments in a Markdown or HTML article that accept a finding there.

    <!-- factcheck-ignore FC101 -->             the next line of text (the paragraph below)
    <!-- factcheck-ignore FC101, FC102 -- checked with the desk -->   several rules, a reason
    <!-- factcheck-ignore -->                   every rule
    <!-- factcheck-ignore-start FC101 -->       a block, up to the matching end comment
    ...
    <!-- factcheck-ignore-end -->

A one-line comment covers the text after it up to the end of the first line that has any
(so on a line of its own it covers the paragraph below; inside a line, the rest of that
line). A block without its end comment runs to the end of the article. A finding with a
figure inside a region that names its rule (or names none) is reported with status
`suppressed` (still listed, never failing the run), provided every other quote of that
same figure in the finding is inside such a region too (`pipeline.suppress_findings`).

Markdown and plain-text articles keep their comments in the text; HTML articles drop
them from the visible text, and the HTML reader records where they stood
(`Document.comments`), so both give regions in the offsets that mentions use. A region's
`line`, what messages name, is the comment's line in the file: counted in the text of a
Markdown or text article, recorded by the reader for an HTML page (whose visible text has
lines of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.documents import Comment, Document

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"\s*factcheck-ignore(?P<kind>-start|-end)?(?![\w-])(?P<rest>.*)\Z", re.S)
# a word shaped like a rule id, typos included ("FC10l", "FC1O1"): read as one, it names no rule and
# is said (`cli`), where read as the reason it would have made the comment accept every rule
_RULE_ID = re.compile(r"[A-Za-z]+[0-9][0-9A-Za-z]*\Z")
_TEXT_ON_LINE = re.compile(r"[^\n]*?\S[^\n]*")


@dataclass(frozen=True, slots=True)
class Region:
    """Offsets [start, end) of one document where findings of `rules` (all if empty) are accepted."""

    start: int
    end: int
    rules: tuple[str, ...]
    line: int  # 1-based line of the comment in the article's file (a corpus record: in its text), for messages
    reason: str = ""

    def covers(self, rule: str, offset: int) -> bool:
        return self.start <= offset < self.end and (not self.rules or rule in self.rules)

    def as_list(self) -> list[Any]:
        return [self.start, self.end, list(self.rules), self.line, self.reason]

    @classmethod
    def from_list(cls, raw: list[Any]) -> Region:
        start, end, rules, line, reason = raw
        return cls(int(start), int(end), tuple(rules), int(line), str(reason))


def comments(doc: Document) -> list[Comment]:
    """(start, end, text[, line]) of every comment: recorded by the reader (an HTML page's with
    their line in the file), or found in the text."""
    if doc.comments:
        return list(doc.comments)
    return text_comments(doc.text)


def text_comments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every `<!-- ... -->` comment written in `text`."""
    if "<!--" not in text:
        return []
    return [(m.start(), m.end(), m[1]) for m in _COMMENT.finditer(text)]


def hidden_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of `doc.text` that a reader never sees: the comments of a Markdown or text article."""
    return [(c[0], c[1]) for c in comments(doc) if c[1] > c[0]]


def _parse(body: str) -> tuple[str, tuple[str, ...], str] | None:
    """('one'|'start'|'end', rule ids, reason) of a factcheck-ignore comment, else None."""
    m = _DIRECTIVE.match(body)
    if not m:
        return None
    kind = {"-start": "start", "-end": "end"}.get(m["kind"] or "", "one")
    words = m["rest"].replace(",", " ").split()
    ids = []
    while words and _RULE_ID.match(words[0]):
        ids.append(words.pop(0))
    reason = " ".join(words).lstrip("-:— ").strip()
    return kind, tuple(ids), reason


def _line_end_after(text: str, pos: int) -> int:
    """End of the first line at or after `pos` that has text (the rest of pos's line counts)."""
    m = _TEXT_ON_LINE.search(text, pos)
    return m.end() if m else len(text)


def regions(doc: Document) -> list[Region]:
    """The suppression regions of one document, in text order."""
    found = comments(doc)
    if not found:
        return []
    text = doc.text
    out: list[Region] = []
    open_blocks: list[tuple[int, tuple[str, ...], int, str]] = []
    for start, end, body, *recorded in found:
        parsed = _parse(body)
        if parsed is None:
            continue
        kind, ids, reason = parsed
        line = recorded[0] if recorded else text.count("\n", 0, start) + 1  # HTML: the file's line
        if kind == "one":
            out.append(Region(end, _line_end_after(text, end), ids, line, reason))
        elif kind == "start":
            open_blocks.append((end, ids, line, reason))
        elif open_blocks:
            b_start, b_ids, b_line, b_reason = open_blocks.pop()
            out.append(Region(b_start, start, b_ids, b_line, b_reason))
    for b_start, b_ids, b_line, b_reason in open_blocks:  # never closed: to the end
        out.append(Region(b_start, len(text), b_ids, b_line, b_reason))
    out.sort(key=lambda r: (r.start, r.end))
    return out
