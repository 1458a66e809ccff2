"""What the read stage hands on: documents, and the inputs it could not read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """One article. `text` is what offsets refer to (visible text for HTML)."""

    id: str
    text: str
    lang: str = "en"
    date: dt.date | None = None  # publication date
    title: str | None = None
    url: str | None = None
    source: str = ""  # the file (or "<stdin>") it was read from
    encoding: str = "utf-8"  # how the bytes were decoded
    date_source: str | None = None  # where `date` came from: field, front matter, meta, dateline
    locale: str | None = None  # where it is published ("en-AU"): what a bare "$" means
    outlet: str | None = None  # who published it ("Fox News"), when the input declares it
    # Markup comments: (start, end, comment text). HTML: those `text` no longer holds, with
    # start == end the visible-text offset where the comment stood. Markdown: the spans of
    # `text` a reader never sees (its comments, and its front matter with an empty comment
    # text); no figure is read there. Read by suppress.py.
    comments: tuple[tuple[int, int, str], ...] = ()
    # A corpus record's 1-based line in `source` (a .csv record's first line, a .json list
    # item's opening line); None for a document that is a whole file, stdin or in memory.
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read. Never dropped: it is listed in every output."""

    source: str  # file path, with ":LINE" for a corpus record
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason}


def place_of(source: str, line: int | None) -> str:
    """Where a document was read: its file, with a corpus record's line ("wire.jsonl:17")."""
    return source if line is None else f"{source}:{line}"


class UniqueIds:
    """Document ids kept unique within one run. Two inputs may name different articles alike
    (`x.txt` in two folders, record "1" in two exports, one id twice in one corpus): a later
    document whose id is taken is named by the place it was read instead (`place_of`, numbered
    when even that is taken), so its figures are never mixed with another article's."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)

    def __call__(self, doc_id: str, source: str, line: int | None) -> str:
        """The id this document goes by: its own, unless an earlier one holds it."""
        new = doc_id
        if new in self._taken:
            new = place = place_of(source, line)
            n = 2
            while new in self._taken:
                new, n = f"{place}#{n}", n + 1
        self._taken.add(new)
        return new
