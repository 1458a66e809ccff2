"""The one-way data flow: read → extract → attribute → table → group → rules → findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import pandas as pd

from factcheck.attribute import attribute
from factcheck.claimlex import Lexicon
from factcheck.documents import Document, ReadError
from factcheck.extract import find_mentions
from factcheck.findings import Finding, find
from factcheck.group import assign_claims
from factcheck.progress import Progress
from factcheck.read import iter_inputs
from factcheck.ruleset import RuleSet
from factcheck.table import mentions_frame


@dataclass
class DocInfo:
    """What the outputs say about a document (its text stays behind)."""

    id: str
    lang: str
    date: str | None
    title: str | None
    url: str | None
    source: str
    encoding: str
    mentions: int = 0


@dataclass
class Corpus:
    docs: list[DocInfo] = field(default_factory=list)
    mentions: pd.DataFrame = field(default_factory=lambda: mentions_frame([]))
    errors: list[ReadError] = field(default_factory=list)


@dataclass
class ScanResult:
    corpus: Corpus
    findings: list[Finding]


def analyse(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """One document's mentions with their attribution: the per-document map step."""
    rows, sidx = find_mentions(doc)
    attribute(doc.text, doc.lang, rows, sidx, lex, doc.title)
    return rows


def read_corpus(items: Iterable[Document | ReadError], ruleset: RuleSet,
                progress: Progress | None = None) -> Corpus:
    lex = ruleset.lexicon
    corpus = Corpus()
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, ReadError):
            corpus.errors.append(item)
            if progress:
                progress.update(errors=1)
            continue
        doc_rows = analyse(item, lex)
        rows.extend(doc_rows)
        corpus.docs.append(DocInfo(item.id, item.lang, item.date.isoformat() if item.date else None,
                                   item.title, item.url, item.source, item.encoding, len(doc_rows)))
        if progress:
            progress.update(docs=1, mentions=len(doc_rows))
    if progress:
        progress.done()
    corpus.mentions = assign_claims(mentions_frame(rows))
    return corpus


def scan(paths: Sequence[str], ruleset: RuleSet, *, lang: str | None = None,
         stdin: BinaryIO | None = None, progress: Progress | None = None) -> ScanResult:
    corpus = read_corpus(iter_inputs(paths, stdin=stdin, lang=lang), ruleset, progress)
    titles = {d.id: d.title or d.id for d in corpus.docs}
    return ScanResult(corpus, find(corpus.mentions, ruleset, titles))


def documents_from_records(records: Iterable[dict[str, Any]]) -> list[Document]:
    """In-memory documents ({"id", "text", "lang"?, "date"?, "title"?}): rule examples, tests."""
    from factcheck.lang import resolve_lang
    from factcheck.pubdate import parse_date_value

    out = []
    for r in records:
        text = r["text"]
        out.append(Document(r["id"], text, resolve_lang(text, declared=r.get("lang")),
                            parse_date_value(r.get("date")), r.get("title"), source="<memory>"))
    return out


def scan_documents(docs: Iterable[Document], ruleset: RuleSet) -> ScanResult:
    corpus = read_corpus(docs, ruleset)
    return ScanResult(corpus, find(corpus.mentions, ruleset))
