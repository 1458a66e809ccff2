"""The one-way data flow: read → extract → attribute → table → group → rules → findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

import pandas as pd

from factcheck.claimlex import Lexicon
from factcheck.claims import annotate, decide
from factcheck.documents import Document, ReadError
from factcheck.findings import Finding
from factcheck.progress import Progress
from factcheck.read import iter_inputs
from factcheck.ruleset import RuleSet
from factcheck.suppress import Region, hidden_spans, regions
from factcheck.table import mentions_frame

if TYPE_CHECKING:
    from factcheck.cache import Cache, DocMemo


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
    suppress: list[Region] = field(default_factory=list)  # inline factcheck-ignore regions
    lead: str | None = None  # the opening of the text (title left out): what links stories


LEAD_CHARS = 600


def lead_of(doc: Document) -> str:
    """The opening of a document's text, its title line left out: with the title, what
    tells which story an article reports."""
    text = doc.text
    if doc.title and text.lstrip().startswith(doc.title.strip()):
        text = text.lstrip()[len(doc.title.strip()):]
    return " ".join(text[: LEAD_CHARS * 2].split())[:LEAD_CHARS]


@dataclass
class Corpus:
    docs: list[DocInfo] = field(default_factory=list)
    mentions: pd.DataFrame = field(default_factory=lambda: mentions_frame([]))
    errors: list[ReadError] = field(default_factory=list)


@dataclass
class ScanResult:
    corpus: Corpus
    findings: list[Finding]
    suppressed: dict[str, Region] = field(default_factory=dict)  # finding id → its comment

    @property
    def documents(self) -> int:
        return len(self.corpus.docs)

    @property
    def mention_count(self) -> int:
        return len(self.corpus.mentions)


def analyse(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """One document's mentions with their attribution: the per-document map step."""
    # Imported here: compiling the extractors' patterns costs more than half a second,
    # which a run whose documents all come from the cache never pays.
    from factcheck.attribute import attribute
    from factcheck.extract import find_mentions

    rows, sidx = find_mentions(doc)
    attribute(doc.text, doc.lang, rows, sidx, lex, doc.title)
    return rows


def doc_info(doc: Document, mentions: int) -> DocInfo:
    return DocInfo(doc.id, doc.lang, doc.date.isoformat() if doc.date else None, doc.title, doc.url,
                   doc.source, doc.encoding, mentions, regions(doc), lead_of(doc))


def gather(items: Iterable[Document | ReadError], ruleset: RuleSet, progress: Progress | None = None,
           *, memo: DocMemo | None = None, jobs: int = 1
           ) -> tuple[list[DocInfo], list[dict[str, Any]], list[ReadError]]:
    """The per-document map: documents, their mention rows (in document order), read errors.

    With a `memo` (cache.DocMemo), a document whose content was analysed before is not
    analysed again. `jobs` > 1 analyses on that many processes (0: one per CPU), streaming
    and in input order: the result is the same as with one.
    """
    from factcheck.parallel import analysed

    return collect(analysed(items, ruleset.lexicon, jobs, memo), progress)


def collect(analyses: Iterable[tuple[Document | ReadError, Any]], progress: Progress | None = None
            ) -> tuple[list[DocInfo], list[dict[str, Any]], list[ReadError]]:
    """`gather`'s result from (item, its rows or parallel.Failure) pairs in input order."""
    from factcheck.parallel import Failure

    docs: list[DocInfo] = []
    rows: list[dict[str, Any]] = []
    errors: list[ReadError] = []
    for item, doc_rows in analyses:
        if isinstance(item, ReadError):
            errors.append(item)
            if progress:
                progress.update(errors=1)
            continue
        if isinstance(doc_rows, Failure) or doc_rows is None:
            why = f"{doc_rows.kind}: {doc_rows.message}" if doc_rows is not None else "no result"
            errors.append(ReadError(f"{item.source} ({item.id})" if item.source else item.id,
                                    f"analysis failed ({why}): a factcheck bug; "
                                    "rerun with FACTCHECK_DEBUG=1 and report it"))
            if progress:
                progress.update(errors=1)
            continue
        hidden = hidden_spans(item)
        if hidden:  # a figure inside a Markdown comment is not something the article states
            doc_rows = [r for r in doc_rows if not any(a <= r["start"] < b for a, b in hidden)]
        rows.extend(doc_rows)
        docs.append(doc_info(item, len(doc_rows)))
        if progress:
            progress.update(docs=1, mentions=len(doc_rows))
    if progress:
        progress.done()
    return docs, rows, errors


def read_corpus(items: Iterable[Document | ReadError], ruleset: RuleSet,
                progress: Progress | None = None, *, memo: DocMemo | None = None, jobs: int = 1) -> Corpus:
    docs, rows, errors = gather(items, ruleset, progress, memo=memo, jobs=jobs)
    return Corpus(docs, annotate(mentions_frame(rows), docs, ruleset.decision), errors)


def cached_corpus(paths: Sequence[str], ruleset: RuleSet, cache: Cache, *, lang: str | None = None,
                  stdin: BinaryIO | None = None, progress: Progress | None = None, jobs: int = 1) -> Corpus:
    """`read_corpus` of `paths` through the cache: each path's pack is reused while unchanged."""
    docs: list[DocInfo] = []
    rows: list[dict[str, Any]] = []
    errors: list[ReadError] = []
    for path in paths:
        if path == "-":
            d, r, e = gather(iter_inputs([path], stdin=stdin, lang=lang), ruleset, jobs=jobs)
        else:
            pack = cache.pack(path, ruleset, lang=lang, progress=progress, jobs=jobs)
            pack, r = cache.rows(pack, path, ruleset, lang=lang)
            d, e = pack.docs(), pack.errors()
        docs += d
        rows += r
        errors += e
    return Corpus(docs, annotate(mentions_frame(rows), docs, ruleset.decision), errors)


def suppress_findings(findings: list[Finding], docs: Iterable[DocInfo]) -> dict[str, Region]:
    """Mark findings that an inline factcheck-ignore comment covers `suppressed`."""
    from factcheck.suppress import apply

    return apply(findings, {d.id: d.suppress for d in docs if d.suppress})


def scan(paths: Sequence[str], ruleset: RuleSet, *, lang: str | None = None,
         stdin: BinaryIO | None = None, progress: Progress | None = None,
         cache: Cache | None = None, jobs: int = 1) -> ScanResult:
    """Read, analyse (on `jobs` processes), group and check `paths`."""
    if cache is not None:
        corpus = cached_corpus(paths, ruleset, cache, lang=lang, stdin=stdin, progress=progress, jobs=jobs)
    else:
        corpus = read_corpus(iter_inputs(paths, stdin=stdin, lang=lang), ruleset, progress, jobs=jobs)
    findings = decide(corpus.mentions, corpus.docs, ruleset)
    return ScanResult(corpus, findings, suppress_findings(findings, corpus.docs))


def documents_from_records(records: Iterable[dict[str, Any]]) -> list[Document]:
    """In-memory documents ({"id", "text", "lang"?, "date"?, "title"?}): rule examples, tests."""
    from factcheck.lang import resolve_lang
    from factcheck.pubdate import parse_date_value

    out = []
    for r in records:
        text = r["text"]
        out.append(Document(r["id"], text, resolve_lang(text, declared=r.get("lang")),
                            parse_date_value(r.get("date")), r.get("title"), source="<memory>",
                            locale=r["locale"] if isinstance(r.get("locale"), str) else None))
    return out


def scan_documents(docs: Iterable[Document], ruleset: RuleSet) -> ScanResult:
    corpus = read_corpus(docs, ruleset)
    findings = decide(corpus.mentions, corpus.docs, ruleset)
    return ScanResult(corpus, findings, suppress_findings(findings, corpus.docs))
