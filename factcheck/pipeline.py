"""The one composition point: read → analyse → store → table → claims → findings.

`run` assembles the pipeline of every command that reports findings: `factcheck scan`
(every finding of its inputs), `factcheck check` (drafts against an archive: the findings
that involve a draft) and the Dask engine (either, with its executors on a cluster) differ
only in their inputs, their executors and which findings they report.

- **read and analyse**: each input path is one *source*. Through a store (`store.Store`),
  a source whose bytes and code are unchanged is taken from it as it stands; a new or
  changed one is read again, and only documents whose content the store has not analysed
  go to the executor (`analysis.study` per document, an ordered map: `map`, a process
  pool, Dask). Without a store (and for standard input) everything is read and analysed.
- **table**: the sources' rows become one pandas table (`frame_of`), the same whether
  they come from the store or from this run.
- **claims and findings**: `factcheck.claims` (`annotate`, `decide`, and `archive_needs`
  for a check) is all this module calls of the cross-document stage.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import repeat
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from factcheck import rowblock
from factcheck.analysis import (
    Analysis,
    Failure,
    analyse,  # the per-document step, re-exported for tests and tools
    analysis_version,
    code_hash,
    content_key,
    lead_of,
    read_version,
    study_safely,
)
from factcheck.claims import (
    ArchiveNeeds,
    annotate,
    annotate_known,
    archive_needs,
    block_of,
    decide,
    link_stories,
    score_pairs,
    stories_of_table,
)
from factcheck.claims.calibrate import Calibration, LabelFileError, load_cases
from factcheck.claims.calibrate import run as fit_decision
from factcheck.claims.decision import dumps_decision
from factcheck.documents import Document, ReadError, distinct_ids, place_of
from factcheck.findings import Finding, _value_key, finding_from_dict
from factcheck.parallel import ForkMap, OrderedMap, Pending, executor, resolve_jobs
from factcheck.progress import Progress
from factcheck.read import DOCUMENT_EXTENSIONS, iter_inputs
from factcheck.rowblock import BlockRows
from factcheck.ruleset import RuleSet
from factcheck.store import (
    DocEntry,
    ErrorEntry,
    FindingRecord,
    SourceEntry,
    StaleSource,
    Store,
    StoreCorrupt,
    StoredDoc,
    StoreUnavailable,
)
from factcheck.suppress import Region
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
    suppress: list[Region] = field(default_factory=list)  # inline factcheck-ignore regions
    lead: str | None = None  # the opening of the text (title left out): what links stories
    locale: str | None = None  # where it is published ("en-AU"), when the input says
    outlet: str | None = None  # who published it ("Fox News"), when the input says
    line: int | None = None  # a corpus record's 1-based line in `source` (None: a whole file)


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


@dataclass
class CheckResult(ScanResult):
    """A scan result whose corpus holds the drafts and the archive documents of its findings."""

    drafts: list[str] = field(default_factory=list)  # draft document ids
    archive_documents: int = 0
    archive_mentions: int = 0
    draft_mentions: int = 0

    @property
    def documents(self) -> int:
        return len(self.drafts) + self.archive_documents

    @property
    def mention_count(self) -> int:
        return self.draft_mentions + self.archive_mentions


@dataclass
class Engine:
    """Where the wide steps run: `documents` maps the per-document analysis, `blocks` the
    claims stage's per-block decisions, `pairs` its evidence over parts of the candidate
    pairs (on the table in memory). All are ordered maps (`parallel.OrderedMap`)."""

    documents: OrderedMap = map
    blocks: OrderedMap = map
    pairs: OrderedMap = map

    @classmethod
    def local(cls, jobs: int | None = 1) -> Engine:
        """This machine: one process, or `jobs` processes for the documents, the per-block
        decisions and the pairs' evidence (0: every CPU)."""
        jobs = resolve_jobs(jobs)
        if jobs == 1:
            return cls(map, map, map)
        return cls(executor(jobs), ForkMap(jobs).shares(), ForkMap(jobs))

    def idle(self) -> None:
        """End the document workers between the reading and the claims stage: the pairs'
        workers are forked from this process, which must then run no other thread."""
        close = getattr(self.documents, "close", None)
        if close is not None and self.pairs is not map:
            close()

    def close(self) -> None:
        """End the executors' workers (those that keep any)."""
        for ex in (self.documents, self.blocks):
            close = getattr(ex, "close", None)
            if close is not None:
                close()


@dataclass
class Part:
    """One input's share of a run: documents, read errors and mention rows column by column
    (object arrays, `n` rows); `source` is its stored listing (None: read for this run only)."""

    docs: list[DocInfo]
    errors: list[ReadError]
    columns: dict[str, np.ndarray]
    n: int
    source: SourceEntry | None = None
    read_as: dict[str, str] = field(default_factory=dict)  # a renamed document's id → its id as read


# -- per document --------------------------------------------------------------------

KNOWN = object()  # the store has this document's analysis
_TODO = object()

WHOLE_ARCHIVE = 1000  # a check loads an archive of at most this many articles whole


def _debug() -> bool:
    return bool(os.environ.get("FACTCHECK_DEBUG"))


# -- the garbage collector ---------------------------------------------------------------

_SETTLING = False  # inside `_settled`: `_settle` may freeze what is alive
_YOUNG = 50_000  # the collector's first threshold within `_settled`


@contextmanager
def _settled() -> Iterator[None]:
    """A run within which `_settle()` tells the cyclic garbage collector that everything alive
    so far is long-lived (`gc.freeze`): a scan keeps millions of row objects to its end, and
    every full collection walked them all again (a quarter of the main process's time on the
    three corpora). On leaving, they are handed back to the collector (`gc.unfreeze`);
    reference counting frees whatever is dropped in between as usual."""
    global _SETTLING
    if _SETTLING or gc.get_freeze_count():  # nested, or the embedding program freezes itself
        yield
        return
    _SETTLING = True
    threshold = gc.get_threshold()
    # the claims stage makes objects by the million (tokens, pairs, findings): young
    # collections every 700 of them (the default) cost about a second on three corpora
    gc.set_threshold(max(threshold[0], _YOUNG), *threshold[1:])
    huge = _huge_pages(False)
    try:
        yield
    finally:
        _SETTLING = False
        _huge_pages(huge)
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _huge_pages(on: bool) -> bool:
    """Whether numpy asks the kernel for huge pages under its large arrays (`madvise`), set to
    `on`; returns the setting before. A scan allocates and frees arrays of megabytes by the
    thousand, and in forked processes: where the kernel compacts memory for a huge page at the
    fault (its default, `defrag=madvise`), those faults stalled a scan's claims stage for
    seconds of system time, more than the huge pages saved."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # numpy before 1.26
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            return on
    try:  # a private function: a numpy that changed it leaves the setting alone, and the scan runs
        return bool(_set_madvise_hugepage(on))
    except Exception:
        return on


def _settle() -> None:
    if _SETTLING:
        gc.freeze()


_SETTLE_EVERY = 1000  # documents read between two `_settle` calls


def analysed(items: Iterable[Document | ReadError], ruleset: RuleSet, execute: OrderedMap = map, *,
             version: str | None = None, known: Callable[[str], bool] | None = None
             ) -> Iterator[tuple[Document | ReadError, str | None, Any]]:
    """(item, content key, outcome) for every item in input order. The outcome is an
    Analysis or Failure from `execute`, KNOWN for a document whose key `known` accepts
    (never sent to the executor), None for a read error. Keys are computed with a `version`."""
    pending: deque[tuple[Document | ReadError, str | None, Any]] = deque()
    cold = execute is not map  # a pool's workers not yet forked

    def todo() -> Iterator[Document]:
        nonlocal cold
        for item in items:
            if isinstance(item, ReadError):
                pending.append((item, None, None))
                continue
            key = content_key(item, version) if version is not None else None
            if key is not None and known is not None and known(key):
                pending.append((item, key, KNOWN))
                continue
            pending.append((item, key, _TODO))
            if cold:
                _compile_analysis()
                cold = False
            yield item

    for outcome in execute(_study(ruleset), todo()):
        while pending[0][2] is not _TODO:
            yield pending.popleft()
        item, key, _ = pending.popleft()
        yield item, key, outcome
    while pending:
        yield pending.popleft()


def _study(ruleset: RuleSet) -> Callable[[Document], Analysis | Failure]:
    """The per-document step, whose chunks a pool's workers send back packed (`rowblock`)."""
    step = partial(study_safely, lex=ruleset.lexicon, debug=_debug())
    step.pack, step.unpack = rowblock.pack, rowblock.unpack  # type: ignore[attr-defined]
    return step


def _compile_analysis() -> None:
    """Import (and so compile the patterns of) the per-document analysis here, before an
    executor's workers fork from this process: they inherit it instead of each compiling it
    again (some 0.7 s of CPU a process)."""
    import factcheck.attribute
    import factcheck.extract  # noqa: F401


def _failed(doc: Document, failure: Failure) -> ReadError:
    return ReadError(f"{doc.source} ({doc.id})" if doc.source else doc.id,
                     f"analysis failed ({failure.kind}: {failure.message}): a factcheck bug; "
                     "rerun with FACTCHECK_DEBUG=1 and report it")


def doc_info(doc: Document, a: Analysis) -> DocInfo:
    return DocInfo(doc.id, doc.lang, doc.date.isoformat() if doc.date else None, doc.title, doc.url,
                   doc.source, doc.encoding, len(a.rows), list(a.regions), a.lead, doc.locale, doc.outlet, doc.line)


def _stored_info(d: StoredDoc) -> DocInfo:
    return DocInfo(d.id, d.lang, d.date, d.title, d.url, d.file, d.encoding, d.mentions,
                   [Region.from_list(r) for r in d.regions], d.lead, d.locale, d.outlet, d.line)


def _record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "lang": doc.lang, "date": doc.date.isoformat() if doc.date else None,
            "title": doc.title, "url": doc.url, "file": doc.source, "encoding": doc.encoding, "locale": doc.locale,
            "outlet": doc.outlet, "line": doc.line}


def _stored_analysis(a: Analysis) -> dict[str, Any]:
    return {"rows": list(a.rows), "lead": a.lead, "regions": [r.as_list() for r in a.regions]}


def _from_store(doc: Document, stored: dict[str, Any]) -> Analysis:
    return Analysis([dict(r, doc=doc.id) for r in stored["rows"]], stored["lead"],
                    [Region.from_list(r) for r in stored["regions"]])


# -- the table -----------------------------------------------------------------------


def columns_of(rows: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    """Rows as columns (object arrays; a key a row lacks is None there)."""
    keys = dict.fromkeys(k for shape in dict.fromkeys(map(tuple, rows)) for k in shape)
    n = len(rows)
    return {k: np.fromiter(map(dict.get, rows, repeat(k)), dtype=object, count=n) for k in keys}


class _ColumnBuilder:
    """`columns_of` of rows that arrive document by document, built a batch at a time while
    the rows are fresh (in the pool's wait rather than after the last document)."""

    BATCH = 8192  # rows

    def __init__(self) -> None:
        self._pending: list[dict[str, Any]] = []
        self._block: BlockRows | None = None  # a run of documents' rows of one block, in order
        self._done: list[tuple[int, dict[str, np.ndarray]]] = []

    def add(self, rows: Sequence[dict[str, Any]]) -> None:
        if isinstance(rows, BlockRows):  # a worker's: columns already, taken as they are
            self._flush_rows()
            block = self._block
            if block is not None and block.block is rows.block and block.hi == rows.lo:
                block.hi = rows.hi
            else:
                self._flush_block()
                self._block = BlockRows(rows.block, rows.lo, rows.hi)
            return
        self._flush_block()
        self._pending.extend(rows)
        if len(self._pending) >= self.BATCH:
            self._flush_rows()

    def _flush(self) -> None:
        self._flush_rows()
        self._flush_block()

    def _flush_rows(self) -> None:
        if self._pending:
            self._done.append((len(self._pending), columns_of(self._pending)))
            self._pending = []

    def _flush_block(self) -> None:
        if self._block is not None and len(self._block):
            self._done.append((len(self._block), self._block.block.columns_of(self._block.lo, self._block.hi)))
        self._block = None

    def columns(self) -> dict[str, np.ndarray]:
        self._flush()
        done, self._done = self._done, []
        if len(done) == 1:
            return done[0][1]
        keys = dict.fromkeys(k for _, cols in done for k in cols)
        return {k: np.concatenate([cols[k] if k in cols else np.full(n, None, dtype=object) for n, cols in done])
                for k in keys}


@cache
def _template() -> pd.DataFrame:
    return mentions_frame([])


def frame_of(parts: Sequence[Part]) -> pd.DataFrame:
    """The mentions table of some parts: the same table `table.mentions_frame` makes of their
    rows (its columns and types), built column by column."""
    n = sum(p.n for p in parts)
    data: dict[str, Any] = {}
    for c in _template().columns:
        have = [p.columns.get(c) for p in parts]
        if all(v is None for v in have):  # no row has it: as from_records leaves a missing key
            data[c] = np.full(n, np.nan) if n else np.empty(0, dtype=object)
            continue
        values = np.concatenate([v if v is not None else np.full(p.n, None, dtype=object)
                                 for v, p in zip(have, parts, strict=True)]) if parts else np.empty(0, object)
        s = pd.Series(values, copy=False)
        dtype = _template()[c].dtype
        if dtype == "float64":
            s = pd.to_numeric(s, errors="coerce").astype("float64")
        elif dtype == "int64":
            s = s.astype("int64")
        elif str(dtype) == "Int64":  # an offset or null (`converts`)
            s = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            s = s.infer_objects()
        data[c] = s
    return pd.DataFrame(data)


# -- inputs --------------------------------------------------------------------------


def _place_key(source: str, line: int | None, resolved: dict[str, str]) -> tuple[str, int | None] | None:
    """A document's file (resolved) and record line: the same article read twice has one.
    `resolved`: the files resolved so far (a corpus's records share one file: resolving it
    once per record cost 0.3 s on 25,000 records)."""
    if place_of(source, line) is None:
        return None
    path = resolved.get(source)
    if path is None:
        path = resolved[source] = os.path.realpath(source)
    return path, line


def _distinct(parts: Sequence[Part], reserved: Collection[str] = (), read: set[Any] | None = None) -> None:
    """Every article of `parts` once, under an id no other holds (the parts changed in place):
    one read again (a file given twice, a folder and a file in it, or in `read`: the places
    read already) is dropped with its rows; ids several articles share, or `reserved` ones,
    give way to each holder's place (`distinct_ids`)."""
    read = set() if read is None else read
    keeps = []
    resolved: dict[str, str] = {}
    for p in parts:
        keep = []
        for d in p.docs:
            at = _place_key(d.source, d.line, resolved)
            keep.append(at is None or at not in read)
            if at is not None:
                read.add(at)
        keeps.append(keep)
    names = iter(distinct_ids([(d.id, d.source, d.line) for p, keep in zip(parts, keeps, strict=True)
                               for d, k in zip(p.docs, keep, strict=True) if k], reserved))
    for p, keep in zip(parts, keeps, strict=True):
        _rename(p, [next(names) if k else d.id for d, k in zip(p.docs, keep, strict=True)], keep)


def _rename(part: Part, ids: list[str], keep: list[bool]) -> None:
    """`part`'s documents under `ids` (one per document, in order), those not to `keep` dropped
    with their rows. A part's rows follow its documents in order, each document's in a run of
    its `mentions`: rows are told by position (two documents of one id have one name in them)."""
    if all(keep) and all(new == d.id for new, d in zip(ids, part.docs, strict=True)):
        return
    counts = np.array([d.mentions for d in part.docs], dtype=np.int64)
    assert int(counts.sum()) == part.n, "a part's rows follow its documents"
    owner = np.repeat(np.arange(len(part.docs)), counts)
    kept_rows = np.asarray(keep, dtype=bool)[owner] if len(owner) else np.zeros(0, dtype=bool)
    columns = {c: v[kept_rows] for c, v in part.columns.items()} if not all(keep) else dict(part.columns)
    if part.n:
        columns["doc"] = np.array(ids, dtype=object)[owner[kept_rows]]
    part.read_as.update({new: d.id for new, d, k in zip(ids, part.docs, keep, strict=True) if k and new != d.id})
    part.docs = [d if new == d.id else dataclasses.replace(d, id=new)
                 for new, d, k in zip(ids, part.docs, keep, strict=True) if k]
    part.columns, part.n = columns, int(kept_rows.sum())


def _read_part(items: Iterable[Document | ReadError], ruleset: RuleSet, execute: OrderedMap,
               progress: Progress | None, *, keep_rows: bool = False) -> tuple[Part, list[dict[str, Any]]]:
    """Inputs read and analysed for this run only; also their rows when `keep_rows` (else
    each row is dropped once its values are in the columns: held to the end, the row dicts of
    the three corpora added some 180 MB to the peak memory)."""
    docs: list[DocInfo] = []
    errors: list[ReadError] = []
    rows: list[dict[str, Any]] = []
    n = 0
    columns = _ColumnBuilder()
    for item, _, outcome in analysed(items, ruleset, execute):
        if isinstance(item, ReadError) or isinstance(outcome, Failure):
            errors.append(item if isinstance(item, ReadError) else _failed(item, outcome))
            if progress:
                progress.update(errors=1)
            continue
        if keep_rows:
            rows.extend(outcome.rows)
        n += len(outcome.rows)
        columns.add(outcome.rows)
        docs.append(doc_info(item, outcome))
        if progress:
            progress.update(docs=1, mentions=len(outcome.rows))
        if len(docs) % _SETTLE_EVERY == 0:
            _settle()
    return Part(docs, errors, columns.columns(), n), rows


def source_digest(path: str) -> str | None:
    """Hash of everything `read.iter_inputs([path])` would read; None when it is not a path."""
    from factcheck.read import _walk, own_output

    def file_digest(p: str) -> str:
        with open(p, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()

    if path == "-":
        return None
    try:
        if os.path.isdir(path):
            h = hashlib.sha256(b"folder\n")
            for rel, full, error in sorted(_walk(path), key=lambda item: item[0]):
                if error is None and own_output(full):  # (not read: a new report is no new input)
                    continue
                try:
                    what = error.reason if error is not None else file_digest(full)
                except OSError as ex:
                    what = f"unreadable: {ex.strerror or ex}"
                h.update(f"{rel}\0{what}\n".encode("utf-8", "surrogateescape"))
            return h.hexdigest()
        if os.path.isfile(path):
            return "file:" + file_digest(path)
    except OSError:
        return None
    return None


def _versions(ruleset: RuleSet) -> tuple[str, str]:
    """(analysis version, listing version): what keys stored analyses, and what a stored
    listing of a source was made with (the reading code besides)."""
    a = analysis_version(ruleset.lexicons)
    return a, hashlib.sha256(f"{a}\n{read_version()}".encode()).hexdigest()[:24]


def _source(path: str, ruleset: RuleSet, store: Store, lang: str | None, execute: OrderedMap,
            progress: Progress | None, *, rebuild: bool = False) -> SourceEntry | None:
    """The stored listing of one input path, built (or rebuilt) when its bytes or the code
    changed, or when asked; None when the path is not a readable file or folder."""
    digest = source_digest(path)
    if digest is None:
        return None
    aversion, version = _versions(ruleset)
    real = os.path.realpath(path)
    found = None if rebuild else store.source(path, real, lang, digest, version)
    if found is not None:
        return found

    def build(known: Callable[[str], bool]) -> Iterator[DocEntry | ErrorEntry]:
        for item, key, outcome in analysed(iter_inputs([path], lang=lang), ruleset, execute, version=aversion,
                                           known=known):
            if isinstance(item, ReadError) or isinstance(outcome, Failure):
                e = item if isinstance(item, ReadError) else _failed(item, outcome)
                if progress:
                    progress.update(errors=1)
                yield ErrorEntry(e.source, e.reason)
                continue
            assert key is not None
            if progress:
                progress.update(docs=1, mentions=0 if outcome is KNOWN else len(outcome.rows))
            yield DocEntry(key, _record(item), None if outcome is KNOWN else _stored_analysis(outcome))

    return store.refresh(path, real, lang, digest, version, aversion, build)


def _stored_part(path: str, ruleset: RuleSet, store: Store, lang: str | None, execute: OrderedMap,
                 progress: Progress | None) -> Part:
    for attempt in range(3):  # the listing is stale: replaced by another run, or an analysis is gone
        built = store.stats.sources_built
        entry = _source(path, ruleset, store, lang, execute, progress, rebuild=attempt > 0)
        if entry is None:
            return _read_part(iter_inputs([path], lang=lang), ruleset, execute, progress)[0]
        try:
            docs, errors, columns = store.load(entry)
        except StaleSource:
            continue
        if progress and store.stats.sources_built == built:  # (a build counted its documents as it went)
            progress.update(docs=len(docs), mentions=entry.mentions, errors=len(errors))
        return Part([_stored_info(d) for d in docs], [ReadError(s, r) for s, r in errors], columns, entry.mentions,
                     entry)
    raise StoreCorrupt(store.path, f"the listing of {path} keeps changing or refers to missing analyses")


def _with_store(store: Store, step: Callable[[], Any]) -> Any:
    """`step()`; a damaged store file is rebuilt and an unusable one replaced by memory
    (each said in `store.warnings`), then the step runs again."""
    try:
        return step()
    except StoreCorrupt as ex:
        store.rebuild(ex)
    except StoreUnavailable as ex:
        store.fall_back(ex)
    try:
        return step()
    except (StoreCorrupt, StoreUnavailable) as ex:
        store.fall_back(ex)
        return step()


# -- the composition -----------------------------------------------------------------


def run(paths: Sequence[str], ruleset: RuleSet, *, store: Store | None = None, engine: Engine | None = None,
        drafts: Sequence[Document | ReadError] | None = None, documents: Iterable[Document] = (),
        lang: str | None = None, stdin: BinaryIO | None = None, progress: Progress | None = None) -> ScanResult:
    """Read, analyse, tabulate and decide: every finding of `paths` (and of in-memory
    `documents`), or, with `drafts`, the findings that involve a draft when checked against
    the archive `paths`. Through `store` when given (else everything is analysed here),
    the documents on `engine.documents`, the claims stage's blocks on `engine.blocks`."""
    with _settled():
        return _run(paths, ruleset, store=store, engine=engine, drafts=drafts, documents=documents, lang=lang,
                    stdin=stdin, progress=progress)


def _run(paths: Sequence[str], ruleset: RuleSet, *, store: Store | None, engine: Engine | None,
         drafts: Sequence[Document | ReadError] | None, documents: Iterable[Document],
         lang: str | None, stdin: BinaryIO | None, progress: Progress | None) -> ScanResult:
    engine = engine or Engine()
    if drafts is not None:
        return _check(drafts, paths, ruleset, store or Store(None, search=False), engine, lang, progress)

    def gather() -> list[Part]:
        parts = []
        for path in paths:
            if store is None or path == "-":
                parts.append(_read_part(iter_inputs([path], stdin=stdin, lang=lang), ruleset, engine.documents,
                                        progress)[0])
            else:
                parts.append(_stored_part(path, ruleset, store, lang, engine.documents, progress))
        return parts

    parts = _with_store(store, gather) if store is not None else gather()
    if documents:
        parts.append(_read_part(documents, ruleset, engine.documents, progress)[0])
    _distinct(parts)  # (each input is read, or loaded from the store, on its own)
    if progress:
        progress.done()
    docs = [d for p in parts for d in p.docs]
    errors = [e for p in parts for e in p.errors]
    key = _result_key(parts, ruleset) if store is not None and not store.in_memory and not documents else None
    known = _stored_result(store, key) if store is not None and key is not None else None
    linking = None
    if known is None:
        engine.idle()
        # the stories are linked (from the documents alone) in a process of their own while
        # this one builds the table and assigns the claims
        linking = _started(engine, partial(link_stories, docs, ruleset.decision))
    try:
        table = frame_of(parts)
        for p in parts:  # the table holds the rows now
            p.columns = {}
        if known is None:
            assert linking is not None
            corpus = Corpus(docs, annotate(table, docs, ruleset.decision, stories=linking.result), errors)
            del table  # (annotate's copy is the corpus's)
    finally:
        if linking is not None:  # (resolved by annotate, unless something failed before)
            linking.close()
    if known is not None:  # the same inputs, rules and code as a scan before: its result
        corpus = Corpus(docs, annotate_known(table, known["stories"]), errors)
        findings = [finding_from_dict(f) for f in known["findings"]]
    else:
        _settle()
        findings = decide(corpus.mentions, corpus.docs, ruleset, map_blocks=engine.blocks, map_pairs=engine.pairs)
        if store is not None and key is not None:
            _save_result(store, key, {"findings": [f.as_dict() for f in findings],
                                      "stories": stories_of_table(corpus.mentions)})
    result = ScanResult(corpus, findings, suppress_findings(findings, corpus.docs))
    if store is not None and not store.in_memory:
        with_sources = [p for p in parts if p.source is not None]
        if with_sources:
            try:
                store.save_scan(_scan_by_source(findings, corpus.mentions, with_sources))
            except (StoreCorrupt, StoreUnavailable) as ex:
                store.warnings.append(f"cannot keep the findings in the store {ex}")
    return result


def _started(engine: Engine, function: Callable[[], Any]) -> Pending[Any]:
    """`function()` begun beside this process when the engine forks for the claims stage (else
    computed when its result is asked for)."""
    start = getattr(engine.pairs, "start", None)
    return start(function) if start is not None else Pending(function, fork=False)


@cache
def _claims_version() -> str:
    return code_hash(["factcheck.claims"], "claims")


def _result_key(parts: list[Part], ruleset: RuleSet) -> str | None:
    """What a scan's claims stage depends on, hashed: every source's listing (its stamp
    changes whenever the source is read again), the rules, decision and lexicons, and the
    claims code. None when an input is not a stored source (stdin, in-memory documents)."""
    if any(p.source is None for p in parts):
        return None
    rules = [dataclasses.asdict(r) for r in ruleset.rules]
    blob = json.dumps([_claims_version(), [p.source.stamp for p in parts if p.source is not None], rules,
                       dataclasses.asdict(ruleset.decision), ruleset.lexicons],
                      sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _stored_result(store: Store, key: str) -> dict[str, Any] | None:
    try:
        known = store.result(key)
    except (StoreCorrupt, StoreUnavailable):
        return None  # computed again; the store's trouble is met where it is written
    if not isinstance(known, dict) or not isinstance(known.get("findings"), list) \
            or not isinstance(known.get("stories"), dict):
        return None
    return known


def _save_result(store: Store, key: str, value: dict[str, Any]) -> None:
    try:
        store.save_result(key, value)
    except (StoreCorrupt, StoreUnavailable) as ex:
        store.warnings.append(f"cannot keep the findings in the store {ex}")


def _scan_by_source(findings: list[Finding], table: pd.DataFrame, parts: list[Part]
                    ) -> dict[int, tuple[str, list[FindingRecord], dict[str, str]]]:
    """What the store keeps of a scan, per source: the findings that quote its documents
    (with those quotes) and the story of each of its documents (when the claims stage
    gives the table a `story` column)."""
    where: dict[str, list[tuple[SourceEntry, str]]] = {}  # a document's id → (source, its id there)
    for p in parts:
        assert p.source is not None
        for d in p.docs:
            where.setdefault(d.id, []).append((p.source, p.read_as.get(d.id, d.id)))
    out: dict[int, tuple[str, list[FindingRecord], dict[str, str]]] = {
        p.source.id: (p.source.stamp, [], {}) for p in parts if p.source is not None}
    for f in findings:
        by: dict[int, list[tuple[str, int, int]]] = {}
        for m in f.mentions:
            for s, listed in where.get(m["doc"], ()):
                by.setdefault(s.id, []).append((listed, int(m["start"]), int(m["end"])))
        for sid, mentions in by.items():
            out[sid][1].append(FindingRecord(f.id, f.rule, f.severity, f.message, tuple(mentions)))
    for doc, story in sorted(stories_of_table(table).items()):
        for s, listed in where.get(doc, ()):
            out[s.id][2][listed] = story
    return out


def suppress_findings(findings: list[Finding], docs: Iterable[DocInfo]) -> dict[str, Region]:
    """Mark findings that an inline factcheck-ignore comment accepts `suppressed`; return
    finding id → the region.

    A finding is accepted when a region covers one of its figures and every other quote
    of that same figure in the finding is covered too: an ignore comment in one article
    never hides the same slip in another.
    """
    by_doc = {d.id: d.suppress for d in docs if d.suppress}
    hits: dict[str, Region] = {}
    if not by_doc:
        return hits
    for f in findings:
        covered = {}
        for i, m in enumerate(f.mentions):
            region = next((r for r in by_doc.get(m["doc"], ()) if r.covers(f.rule, m["start"])), None)
            if region is not None:
                covered[i] = region
        for i, region in covered.items():
            figure = _value_key(f.mentions[i])
            if all(j in covered for j, m in enumerate(f.mentions) if _value_key(m) == figure):
                f.status = "suppressed"
                hits[f.id] = region
                break
    return hits


# -- a check: drafts against the archive --------------------------------------------


def _draft_part(items: Sequence[Document | ReadError], ruleset: RuleSet, store: Store, engine: Engine,
                ) -> tuple[Part, list[dict[str, Any]]]:
    """The drafts, analysed through the store (a draft checked again is not analysed again)."""
    aversion, _ = _versions(ruleset)
    keys = {content_key(d, aversion): d for d in items if isinstance(d, Document)}
    stored = store.analyses(keys)
    docs: list[DocInfo] = []
    errors: list[ReadError] = []
    rows: list[dict[str, Any]] = []
    new: list[DocEntry] = []
    for item, key, outcome in analysed(items, ruleset, engine.documents, version=aversion,
                                       known=stored.__contains__):
        if isinstance(item, ReadError) or isinstance(outcome, Failure):
            errors.append(item if isinstance(item, ReadError) else _failed(item, outcome))
            continue
        assert key is not None
        if outcome is KNOWN:
            outcome = _from_store(item, stored[key])
        else:
            new.append(DocEntry(key, _record(item), _stored_analysis(outcome)))
        rows.extend(outcome.rows)
        docs.append(doc_info(item, outcome))
    if new:
        store.put(new, aversion)
    return Part(docs, errors, columns_of(rows), len(rows)), rows


def _check(drafts: Sequence[Document | ReadError], archive: Sequence[str], ruleset: RuleSet, store: Store,
           engine: Engine, lang: str | None, progress: Progress | None) -> CheckResult:
    def gather() -> tuple[Part, list[dict[str, Any]], list[tuple[str, SourceEntry, list[StoredDoc]]],
                          list[Part]]:
        draft, draft_rows = _draft_part(drafts, ruleset, store, engine)
        sources: list[tuple[str, SourceEntry, list[StoredDoc]]] = []
        others: list[Part] = []  # inputs that are no file or folder: errors, or standard input
        for path in archive:
            for attempt in range(3):
                entry = _source(path, ruleset, store, lang, engine.documents, progress, rebuild=attempt > 0)
                if entry is None:
                    others.append(_read_part(iter_inputs([path], lang=lang), ruleset, engine.documents, progress)[0])
                    break
                try:
                    sources.append((path, entry, store.documents(entry)))
                    others.append(Part([], [ReadError(s, r) for s, r in store.errors(entry)], {}, 0))
                    break
                except StaleSource:
                    continue
            else:
                raise StoreCorrupt(store.path, f"the listing of {path} refers to missing analyses")
        return draft, draft_rows, sources, others

    draft, draft_rows, sources, others = _with_store(store, gather)
    if progress:
        progress.done()
    draft_ids = {d.id for d in draft.docs}
    # an archive article read already (the draft itself, as archived, or one that two archive
    # paths both hold) is read once; ids several articles share, or a draft's, give way to
    # each archive holder's place
    resolved: dict[str, str] = {}
    read = {k for k in (_place_key(d.source, d.line, resolved) for d in draft.docs) if k is not None}
    archive_mentions = 0
    kept: list[tuple[tuple[int, int], StoredDoc]] = []  # (source id, position), the document
    for _, entry, docs in sources:
        for i, d in enumerate(docs):
            at = _place_key(d.file, d.line, resolved)
            if at is None or at not in read:
                kept.append(((entry.id, i), d))
                archive_mentions += d.mentions
            if at is not None:
                read.add(at)
    names = distinct_ids([(d.id, d.file, d.line) for _, d in kept]
                         + [(d.id, d.source, d.line) for p in others for d in p.docs], draft_ids)
    infos: dict[tuple[int, int], DocInfo] = {}  # (source id, position) → the document
    stored_id: dict[str, str] = {}  # an archive document's id in the run → its id in the store
    for (at, d), new in zip(kept, names, strict=False):
        info = _stored_info(d)
        infos[at] = info if new == d.id else dataclasses.replace(info, id=new)
        stored_id[new] = d.id
    rest = iter(names[len(kept):])
    for p in others:  # (no file or folder: standard input; nothing there was read before)
        _rename(p, [next(rest) for _ in p.docs], [True] * len(p.docs))
    archive_docs = len(kept) + sum(len(p.docs) for p in others)
    archive_mentions += sum(p.n for p in others)

    in_memory = [d for p in others for d in p.docs]
    every = [*infos.values(), *in_memory]
    if len(every) <= WHOLE_ARCHIVE:
        # a small archive is loaded whole, so a draft's evidence is a full scan's: how rare the
        # words around its figures are is read among all candidates, not the few loaded ones
        # (every story and claimant block is in it: nothing to look up)
        needs = ArchiveNeeds({d.id for d in every}, set())
    else:
        needs = archive_needs(draft_rows, draft.docs, every, ruleset.decision)
    actors = [a for a in store.actors() if block_of(a) in needs.blocks] if needs.blocks else []
    rows = []
    where: dict[str, tuple[int, int]] = {}
    wanted, blocks = {stored_id.get(d, d) for d in needs.docs}, set(actors)
    for sid, pos, r in store.rows([e for _, e, _ in sources], docs=wanted, actors=actors):
        info = infos.get((sid, pos))
        # not the draft itself, nor an article read already, nor another of a wanted one's id
        if info is None or (info.id not in needs.docs and r.get("actor") not in blocks):
            continue
        r["doc"] = info.id
        where.setdefault(info.id, (sid, pos))
        rows.append(r)

    loaded = [*in_memory, *(infos[at] for at in where.values())]
    # stories are linked over every archive article, as a full scan links them, so a draft's
    # evidence does not depend on which rows were loaded
    seen = {d.id for d in loaded}
    table_docs = [*draft.docs, *loaded, *(d for d in every if d.id not in seen)]
    parts = [Part([], [], columns_of(rows), len(rows)), *(p for p in others if p.n), draft]
    table = annotate(frame_of(parts), table_docs, ruleset.decision)
    engine.idle()
    findings = decide(table, table_docs, ruleset, focus=draft_ids, map_blocks=engine.blocks, map_pairs=engine.pairs)

    involved = {doc for f in findings for doc in f.docs}
    docs = [*draft.docs, *sorted((d for d in loaded if d.id in involved), key=lambda d: d.id)]
    corpus = Corpus(docs, table, [*draft.errors, *(e for p in others for e in p.errors)])
    return CheckResult(corpus, findings, suppress_findings(findings, docs), drafts=[d.id for d in draft.docs],
                       archive_documents=archive_docs, archive_mentions=archive_mentions,
                       draft_mentions=len(draft_rows))


# -- calibration: the decision fitted on labelled cases ---------------------------------


def calibrate(labels: Sequence[str], corpora: Sequence[str], ruleset: RuleSet, *, strength: float = 300.0,
              lang: str | None = None, jobs: int = 1, progress: Progress | None = None
              ) -> tuple[Calibration, str]:
    """`factcheck calibrate`: the corpora read and scored, the decision fitted on the labelled
    cases; returns the calibration and the decision file's text. Every article must read:
    an unreadable one raises LabelFileError naming it."""
    cases = [c for path in labels for c in load_cases(path)]
    corpus = read_corpus(iter_inputs(corpora, lang=lang), ruleset, progress, jobs=jobs)
    if corpus.errors:
        raise LabelFileError("; ".join(f"{e.source}: {e.reason}" for e in corpus.errors[:3])
                             + " (calibration needs every article of the corpora)")
    scored = score_pairs(corpus.mentions, corpus.docs, ruleset.decision)
    cal = fit_decision(cases, corpus.mentions, scored, ruleset.decision, strength=strength)
    header = (f"# Fitted by `factcheck calibrate` on {', '.join(os.path.basename(p) for p in labels)}"
              f" (strength {strength:g}).")
    return cal, dumps_decision(cal.decision, header)


# -- conveniences --------------------------------------------------------------------


def scan(paths: Sequence[str], ruleset: RuleSet, *, lang: str | None = None, stdin: BinaryIO | None = None,
         progress: Progress | None = None, store: Store | None = None, jobs: int = 1,
         engine: Engine | None = None) -> ScanResult:
    """Every finding of `paths`, analysed on `jobs` processes (or `engine`), through `store`."""
    if engine is not None:
        return run(paths, ruleset, store=store, engine=engine, lang=lang, stdin=stdin, progress=progress)
    own = Engine.local(jobs)
    try:
        return run(paths, ruleset, store=store, engine=own, lang=lang, stdin=stdin, progress=progress)
    finally:
        own.close()


def read_corpus(items: Iterable[Document | ReadError], ruleset: RuleSet, progress: Progress | None = None, *,
                jobs: int = 1) -> Corpus:
    """Documents and errors read and analysed (on `jobs` processes), their table annotated."""
    engine = Engine.local(jobs)
    try:
        part, _ = _read_part(items, ruleset, engine.documents, progress)
    finally:
        engine.close()
    if progress:
        progress.done()
    _distinct([part])
    return Corpus(part.docs, annotate(frame_of([part]), part.docs, ruleset.decision), part.errors)


def gather(items: Iterable[Document | ReadError], ruleset: RuleSet, progress: Progress | None = None, *,
           jobs: int = 1) -> tuple[list[DocInfo], list[dict[str, Any]], list[ReadError]]:
    """The per-document map alone: documents, their mention rows (in document order), errors."""
    engine = Engine.local(jobs)
    try:
        part, rows = _read_part(items, ruleset, engine.documents, progress, keep_rows=True)
    finally:
        engine.close()
    return part.docs, rows, part.errors


def documents_from_records(records: Iterable[dict[str, Any]]) -> list[Document]:
    """In-memory documents ({"id", "text", "lang"?, "date"?, "title"?, "url"?, "locale"?, "outlet"?}): rule
    examples, tests."""
    from factcheck.lang import resolve_lang
    from factcheck.pubdate import parse_date_value

    out = []
    for r in records:
        text = r["text"]
        out.append(Document(r["id"], text, resolve_lang(text, declared=r.get("lang")),
                            parse_date_value(r.get("date")), r.get("title"),
                            url=r["url"] if isinstance(r.get("url"), str) else None, source="<memory>",
                            locale=r["locale"] if isinstance(r.get("locale"), str) else None,
                            outlet=r["outlet"] if isinstance(r.get("outlet"), str) else None))
    return out


def scan_documents(docs: Iterable[Document], ruleset: RuleSet) -> ScanResult:
    """Every finding of some in-memory documents."""
    return run([], ruleset, documents=docs)


__all__ = [
    "DOCUMENT_EXTENSIONS",
    "CheckResult",
    "Corpus",
    "DocInfo",
    "Engine",
    "LabelFileError",
    "Part",
    "ScanResult",
    "analyse",
    "block_of",
    "calibrate",
    "lead_of",
    "read_corpus",
    "run",
    "scan",
    "scan_documents",
]
