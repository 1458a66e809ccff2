"""What the read stage hands on: documents, and the inputs it could not read."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

# Files read for the text they show, not as they are written: offsets in a Document's text are
# not the file's (its `positions` place the text in the file).
HTML_EXTENSIONS = (".html", ".htm")

# A markup comment of a Document: (start, end, comment text), and for an HTML page the 1-based
# line of the file the comment opens on (a line of its visible text is no line of the file).
Comment = tuple[int, int, str] | tuple[int, int, str, int]


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
    # start == end the visible-text offset where the comment stood, and a fourth item, the
    # comment's 1-based line in the file. Markdown: the spans of `text` a reader never sees
    # (its comments, and its front matter with an empty comment text); no figure is read
    # there, and a comment's line is counted in `text`. Read by suppress.py.
    comments: tuple[Comment, ...] = ()
    # A corpus record's 1-based line in `source` (a .csv record's first line, a .json list
    # item's opening line); None for a document that is a whole file, stdin or in memory.
    line: int | None = None
    # Where `text` stands in the file when it is not the file's own text (HTML: the visible
    # text): (offset in `text`, 1-based line, 1-based column in the file), text order; from
    # each offset on, the text follows the file character for character up to the next entry.
    # Empty when offsets in `text` are the file's own. Read by `file_position`.
    positions: tuple[tuple[int, int, int], ...] = ()

    def file_position(self, offset: int) -> tuple[int, int] | None:
        """(line, column), both 1-based, in the file of the character at `offset` of `text`;
        None when `text` is the file's own text (its line and column are the text's)."""
        if not self.positions:
            return None
        i = max(bisect_right(self.positions, offset, key=_first) - 1, 0)
        at, line, col = self.positions[i]
        return line, col + max(offset - at, 0)


def _first(entry: tuple[int, int, int]) -> int:
    return entry[0]


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read. Never dropped: it is listed in every output."""

    source: str  # file path, with ":LINE" for a corpus record
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason}


def place_of(source: str, line: int | None) -> str | None:
    """Where a document was read: its file, with a corpus record's line ("wire.jsonl:17");
    None for one read from no file (standard input, memory)."""
    if not source or source.startswith("<"):
        return None
    return source if line is None else f"{source}:{line}"


def distinct_ids(docs: Sequence[tuple[str, str, int | None]], reserved: Collection[str] = ()) -> list[str]:
    """The id each of `docs` ((id, source, line), in input order) goes by in one run.

    Inputs may name different articles alike (`story.txt` in two folders, record "1" in two
    exports, one id twice in a corpus), and an archive article may be named like a draft
    (`reserved`, which keep theirs): every holder of such an id goes by the place it was read
    instead (`place_of`), so no article's figures mix with another's and each keeps its id in
    whatever order the inputs come. A place some other id holds, or none, is numbered (`#2`).
    """
    count = Counter(doc_id for doc_id, _, _ in docs)
    shared = {i for i, c in count.items() if c > 1} | (set(reserved) & set(count))
    taken = (set(count) - shared) | set(reserved)
    nth: Counter[str] = Counter()
    out = []
    for doc_id, source, line in docs:
        if doc_id not in shared:
            out.append(doc_id)
            continue
        nth[doc_id] += 1
        new = base = place_of(source, line) or f"{doc_id}#{nth[doc_id]}"
        n = 2
        while new in taken:
            new, n = f"{base}#{n}", n + 1
        taken.add(new)
        out.append(new)
    return out
