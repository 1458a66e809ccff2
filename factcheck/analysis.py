"""Per-document analysis: one document in, its mentions and what the outputs say of it out.

A pure function of the document's content (text, language, publication date, title, locale,
markup comments and where an HTML page's text stands in its file) and of the attribution
lexicons: the unit that executors map over and that the archive store keeps by content hash
(`content_key`). The version of stored analyses hashes this module's import closure
(`factcheck.imports`), the language data in `factcheck/data/` and the lexicons, so whatever
this module imports is "before the store" and nothing after it (grouping, rules, rendering)
invalidates a stored analysis.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.documents import Document
from factcheck.imports import PACKAGE_DIR, closure, module_file
from factcheck.suppress import Region, hidden_spans, regions

if TYPE_CHECKING:
    from factcheck.claimlex import Lexicon

LEAD_CHARS = 600
FORMAT = 1  # of what an analysis holds (rows, lead, regions)


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document's mentions (text order; figures inside hidden comments left out), its
    lead and its inline factcheck-ignore regions."""

    rows: list[dict[str, Any]]
    lead: str
    regions: list[Region] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Failure:
    """`analyse` raised on a document: the exception's type name and message."""

    kind: str
    message: str


def analyse(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """One document's mentions with their attribution."""
    # Imported here: compiling the extractors' patterns costs more than half a second,
    # which a run whose documents all come from the store never pays.
    from factcheck.attribute import attribute
    from factcheck.extract import find_mentions

    rows, sidx = find_mentions(doc)
    attribute(doc.text, doc.lang, rows, sidx, lex, doc.title)
    return rows


def lead_of(doc: Document) -> str:
    """The opening of a document's text, its title line left out: with the title, what
    tells which story an article reports."""
    text = doc.text
    if doc.title and text.lstrip().startswith(doc.title.strip()):
        text = text.lstrip()[len(doc.title.strip()):]
    return " ".join(text[: LEAD_CHARS * 2].split())[:LEAD_CHARS]


def study(doc: Document, lex: Lexicon) -> Analysis:
    """Everything the pipeline keeps of one document."""
    rows = analyse(doc, lex)
    hidden = hidden_spans(doc)
    if hidden:  # a figure inside a Markdown comment is not something the article states
        rows = [r for r in rows if not any(a <= r["start"] < b for a, b in hidden)]
    if doc.positions:  # text extracted from a file (HTML): a figure's line and column are the file's
        for r in rows:
            r["line"], r["col"] = doc.file_position(r["start"])
    return Analysis(rows, lead_of(doc), regions(doc))


def study_safely(doc: Document, lex: Lexicon, debug: bool = False) -> Analysis | Failure:
    """`study`, a bug on one article becoming a Failure (with `debug`, it raises)."""
    try:
        return study(doc, lex)
    except Exception as ex:  # a bug on one article must not sink a 25,000-article run
        if debug:
            raise
        return Failure(type(ex).__name__, str(ex))


# -- versions and keys ---------------------------------------------------------------


def code_hash(roots: list[str], label: str, package_dir: Path = PACKAGE_DIR) -> str:
    """A hash of the files of the roots' import closure and of the package's data folder."""
    h = hashlib.sha256(f"factcheck {label} {FORMAT}\n".encode())
    files = {module_file(m, package_dir) for m in closure(roots, package_dir)} | set((package_dir / "data").glob("*"))
    for p in sorted(f for f in files if f is not None and f.is_file()):
        h.update(p.relative_to(package_dir).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def code_version() -> str:
    """A hash of the code analysis runs (this module's import closure) and factcheck/data."""
    return code_hash([__name__], "analysis")


@cache
def read_version() -> str:
    """A hash of the code that turns inputs into documents (ids, titles, dates, text)."""
    return code_hash(["factcheck.read"], "read")


def analysis_version(lexicons: dict[str, Any]) -> str:
    """What a stored analysis depends on besides the document: analysis code, language
    data and the lexicons' content (wherever they were loaded from). Rule files,
    thresholds and decision weights are not part of it."""
    lex = json.dumps(lexicons, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{code_version()}\n{lex}".encode()).hexdigest()[:24]


def content_key(doc: Document, version: str) -> str:
    """Hash of what `study` reads: text, language, date, title, locale, comments and where the
    text stands in its file (not the id)."""
    parts: list[Any] = [version, doc.lang, doc.date.isoformat() if doc.date else None, doc.title, doc.text]
    if doc.locale or doc.comments:  # appended only when set
        parts += [doc.locale, [list(c) for c in doc.comments]]
    if doc.positions:  # two pages of one visible text, laid out apart, place their figures apart
        parts.append(doc.positions)
    blob = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]
