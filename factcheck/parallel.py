"""The per-document map on several processes (`--jobs N`), streaming and in input order.

Documents are read in the main process as a stream and sent to worker processes in
chunks; at most a few chunks per worker are in flight, so memory follows the chunk size,
not the corpus. Results come back in input order, so every output is byte-identical to a
run on one process. Documents the cache already knows (`cache.DocMemo.lookup`) are never
sent: a warm run starts no worker at all.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.documents import Document, ReadError

if TYPE_CHECKING:
    from factcheck.cache import DocMemo
    from factcheck.claimlex import Lexicon

CHUNK = 48  # documents per task: ~0.1 s of work, so the pickling overhead stays small
IN_FLIGHT = 3  # chunks queued per worker


@dataclass(frozen=True)
class Failure:
    """`analyse` raised on a document: the exception's type name and message."""

    kind: str
    message: str


Outcome = list[dict[str, Any]] | Failure | None  # None for a read error


def resolve_jobs(jobs: int | None) -> int:
    """--jobs: 0 (or None) is the number of CPUs this process may use; at least 1."""
    if not jobs:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    return max(1, jobs)


def _debug() -> bool:
    return bool(os.environ.get("FACTCHECK_DEBUG"))


def analyse_one(doc: Document, lex: Lexicon, memo: DocMemo | None = None) -> list[dict[str, Any]] | Failure:
    """`pipeline.analyse` (through `memo`), a bug on one article becoming a Failure."""
    from factcheck.pipeline import analyse

    try:
        return memo.analyse(doc, lex) if memo is not None else analyse(doc, lex)
    except Exception as ex:  # a bug on one article must not sink a 25,000-article run
        if _debug():
            raise
        return Failure(type(ex).__name__, str(ex))


def sequential(items: Iterable[Document | ReadError], lex: Lexicon,
               memo: DocMemo | None = None) -> Iterator[tuple[Document | ReadError, Outcome]]:
    for item in items:
        yield item, None if isinstance(item, ReadError) else analyse_one(item, lex, memo)


# -- worker side ---------------------------------------------------------------------

_LEX: Any = None


def _init(lex: Lexicon) -> None:
    global _LEX
    _LEX = lex


def _work(docs: list[Document]) -> list[list[dict[str, Any]] | Failure]:
    return [analyse_one(d, _LEX) for d in docs]


# -- main side -----------------------------------------------------------------------


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parallel(items: Iterable[Document | ReadError], lex: Lexicon, jobs: int, memo: DocMemo | None = None,
             chunk: int | None = None) -> Iterator[tuple[Document | ReadError, Outcome]]:
    """(item, its rows or Failure) for every item, in input order, analysed on `jobs` processes.

    With a memo, known documents are answered here and new ones recorded in it in input
    order, exactly as `sequential` would (its `keys` line up with the documents).
    """
    pool: ProcessPoolExecutor | None = None
    window: deque[tuple[list[tuple[Any, str | None, Any]], Future[Any] | None]] = deque()

    def drain() -> Iterator[tuple[Document | ReadError, Outcome]]:
        entries, fut = window.popleft()
        results = iter(fut.result()) if fut is not None else iter(())
        for item, key, known in entries:
            if isinstance(item, ReadError):
                yield item, None
                continue
            if known is not None:
                assert memo is not None and key is not None
                memo.hit(key)
                yield item, known
                continue
            outcome = next(results)
            if memo is not None and key is not None and not isinstance(outcome, Failure):
                memo.record(key, outcome)
            yield item, outcome

    try:
        for part in _chunks(items, chunk or CHUNK):
            entries: list[tuple[Any, str | None, Any]] = []
            todo: list[Document] = []
            for item in part:
                if isinstance(item, ReadError):
                    entries.append((item, None, None))
                    continue
                key, known = memo.lookup(item) if memo is not None else (None, None)
                entries.append((item, key, known))
                if known is None:
                    todo.append(item)
            fut = None
            if todo:
                if pool is None:  # started only when there is something to analyse
                    pool = ProcessPoolExecutor(jobs, initializer=_init, initargs=(lex,))
                fut = pool.submit(_work, todo)
            window.append((entries, fut))
            while len(window) > jobs * IN_FLIGHT:
                yield from drain()
        while window:
            yield from drain()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def analysed(items: Iterable[Document | ReadError], lex: Lexicon, jobs: int = 1,
             memo: DocMemo | None = None) -> Iterator[tuple[Document | ReadError, Outcome]]:
    """The per-document map: on this process for jobs == 1, else on `jobs` worker processes."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        return sequential(items, lex, memo)
    return parallel(items, lex, jobs, memo)
