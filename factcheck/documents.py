"""What the read stage hands on: documents, and the inputs it could not read."""

from __future__ import annotations

import datetime as dt
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
