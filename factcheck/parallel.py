"""Executors: ordered maps, on this process or on a pool of processes (`--jobs N`).

An executor is called as `executor(function, items)` and yields `function(item)` for every
item in input order, like the built-in `map` (the one-process executor). It knows nothing
of documents: the pipeline hands it its per-document step, and the claims stage its
per-block step. `ProcessMap` takes items from the iterable as a stream, in chunks, with a
few chunks per worker in flight, so memory follows the chunk size, not the input; the
function is sent to each worker once; no worker starts until there is an item.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
OrderedMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]

CHUNK = 48  # items per task: for documents ~0.1 s of work, so the pickling overhead stays small
IN_FLIGHT = 3  # chunks queued per worker


def resolve_jobs(jobs: int | None) -> int:
    """--jobs: 0 (or None) is the number of CPUs this process may use; at least 1."""
    if not jobs:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    return max(1, jobs)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- worker side ---------------------------------------------------------------------

_FUNCTION: Callable[[Any], Any] | None = None


def _init(function: Callable[[Any], Any]) -> None:
    global _FUNCTION
    _FUNCTION = function


def _work(part: list[Any]) -> list[Any]:
    assert _FUNCTION is not None
    return [_FUNCTION(x) for x in part]


# -- main side -----------------------------------------------------------------------


class ProcessMap:
    """An ordered map on `jobs` worker processes (started at the first item, ended with the map)."""

    def __init__(self, jobs: int, chunk: int | None = None, in_flight: int = IN_FLIGHT) -> None:
        self.jobs, self.chunk, self.in_flight = resolve_jobs(jobs), chunk, in_flight

    def __call__(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        pool: ProcessPoolExecutor | None = None
        window: deque[Future[list[R]]] = deque()
        try:
            for part in chunks(items, self.chunk or CHUNK):
                if pool is None:
                    pool = ProcessPoolExecutor(self.jobs, initializer=_init, initargs=(function,))
                window.append(pool.submit(_work, part))
                while len(window) > self.jobs * self.in_flight:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def executor(jobs: int | None = 1) -> OrderedMap:
    """The built-in `map` for one job, else a ProcessMap (0: one process per CPU)."""
    jobs = resolve_jobs(jobs)
    return map if jobs == 1 else ProcessMap(jobs)
