"""Executors: ordered maps, on this process or on a pool of processes (`--jobs N`).

An executor is called as `executor(function, items)` and yields `function(item)` for every
item in input order, like the built-in `map` (the one-process executor). It knows nothing
of documents: the pipeline hands it its per-document step, and the claims stage its
per-block step. `ProcessMap` takes items from the iterable as a stream, in chunks, with a
few chunks per worker in flight, so memory follows the chunk size, not the input; the
function is sent to each worker once; no worker starts until there is an item, and the
workers serve every later map of the same function until `close`. `ForkMap` is for work on
data this process already holds (the claims stage's pairs over the mentions table): its
workers are forked at the call and inherit the function and its data instead of receiving
them pickled.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
OrderedMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]

CHUNK = 48  # items per task: for documents ~0.1 s of work, so the pickling overhead stays small
IN_FLIGHT = 3  # chunks queued per worker
# seconds of work a ProcessMap does in this process before it starts its pool: an input that
# small (a draft, the seeds) is done before the workers would have started
WARMUP = 0.5
ORPHAN_POLL = 0.5  # seconds between a worker's looks at whether its parent still lives


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
_PACK: Callable[[list[Any]], Any] | None = None


def _init(function: Callable[[Any], Any], parent: int, pack: Callable[[list[Any]], Any] | None = None) -> None:
    """A worker's start: its function, how it packs a chunk's results (given apart: a spawned
    worker unpickles a partial without its attributes), and a watch on `parent` (the pid read
    before the fork: read here, it may already be init's if the parent died in between)."""
    global _FUNCTION, _PACK
    _FUNCTION, _PACK = function, pack
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="factcheck-orphan-watch").start()


def _init_forked(function: Callable[[Any], Any], parent: int) -> None:
    """A forked worker's start (`ForkMap`, `Pending`): everything it inherits moved out of its
    garbage collector's sight (`gc.freeze`). It frees none of it, and each collection that
    walked the parent's millions of objects wrote to their headers: a private copy of every
    page they lie on (copy-on-write), made for nothing."""
    gc.freeze()
    _init(function, parent)


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone (killed: a CI job's timeout, a kill -9). The
    pool's pipes have other readers, the sibling workers, so a worker would otherwise wait on
    them for ever."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_POLL)
    os._exit(1)


def _work(part: list[Any]) -> Any:
    """A chunk's results, in the form the function's `pack` gives them for their way back
    (`ProcessMap`), else as a list."""
    assert _FUNCTION is not None
    out = [_FUNCTION(x) for x in part]
    return _PACK(out) if _PACK is not None else out


# -- main side -----------------------------------------------------------------------


def _same(f: Callable[[Any], Any], g: Callable[[Any], Any] | None) -> bool:
    """Whether two functions are one: the same object, or partials of one function with
    equal arguments (the pipeline makes its per-document step anew for every source)."""
    if f is g:
        return True
    return (isinstance(f, partial) and isinstance(g, partial) and f.func is g.func and f.args == g.args
            and f.keywords == g.keywords and getattr(f, "pack", None) is getattr(g, "pack", None))


class ProcessMap:
    """An ordered map on `jobs` worker processes. The first `WARMUP` seconds of items run in
    this process; the pool starts with the next item and serves the following maps of the
    same function (workers keep what they compiled); `close` ends it (so does the end of the
    program). A function may carry `pack` and `unpack` (a chunk's list of results to a form
    cheaper to pickle, and back): a worker packs each chunk's results, this process unpacks them."""

    def __init__(self, jobs: int, chunk: int | None = None, in_flight: int = IN_FLIGHT,
                 context: multiprocessing.context.BaseContext | None = None) -> None:
        # `context`: how workers start (None: the platform's default, fork on Linux, spawn on
        # macOS and Windows)
        self.jobs, self.chunk, self.in_flight, self.context = resolve_jobs(jobs), chunk, in_flight, context
        self._pool: ProcessPoolExecutor | None = None
        self._function: Callable[[Any], Any] | None = None

    def _pool_for(self, function: Callable[[Any], Any]) -> ProcessPoolExecutor:
        if self._pool is None or not _same(function, self._function):
            self.close()
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init,
                                             initargs=(function, os.getpid(), getattr(function, "pack", None)))
            self._function = function
        return self._pool

    def __call__(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        items = iter(items)
        if WARMUP > 0 and (self._pool is None or not _same(function, self._function)):
            deadline = time.perf_counter() + WARMUP
            for item in items:
                yield function(item)
                if time.perf_counter() >= deadline:
                    break
        window: deque[Future[Any]] = deque()
        unpack: Callable[[Any], list[R]] = getattr(function, "unpack", list)
        try:
            for part in chunks(items, self.chunk or CHUNK):
                window.append(self._pool_for(function).submit(_work, part))
                while len(window) > self.jobs * self.in_flight:
                    yield from unpack(window.popleft().result())
            while window:
                yield from unpack(window.popleft().result())
        except BaseException:
            for fut in window:
                fut.cancel()
            self.close()
            raise

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._function = None, None

    def __enter__(self) -> ProcessMap:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def fork_safe() -> bool:
    """Whether forking this process is safe: on Linux (elsewhere libraries may not survive a
    fork), with no other thread alive (a lock it holds would stay held in the child)."""
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class ForkMap:
    """An ordered map that computes the first item in this process and the others in up to
    `jobs - 1` processes forked at the call. The function and whatever it closes over (an
    in-memory table) reach the workers by the fork, not by pickling; only the items and the
    results are pickled. The built-in map where a fork is unsafe (`fork_safe`) or there is
    one item. Meant for a few large items: each is one task."""

    def __init__(self, jobs: int) -> None:
        self.jobs = resolve_jobs(jobs)

    def __call__(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        todo = list(items)
        if self.jobs < 2 or len(todo) < 2 or not fork_safe():
            yield from map(function, todo)
            return
        workers = min(self.jobs - 1, len(todo) - 1)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_init_forked, initargs=(function, os.getpid())) as pool:
            futures = [pool.submit(_work, [item]) for item in todo[1:]]
            try:
                yield function(todo[0])
                for fut in futures:
                    yield from fut.result()
            except BaseException:
                for fut in futures:
                    fut.cancel()
                raise


    def shares(self) -> Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]:
        """This map for many small items: they go in `jobs` runs of about equal length, one
        task each, so that this process computes a share as large as the others'."""
        return partial(_in_runs, self)

    def start(self, function: Callable[[], R]) -> Pending[R]:
        """`function()` begun in a process forked now, while this one goes on (here, on
        `Pending.result`, where a fork is unsafe or there is one job)."""
        return Pending(function, self.jobs >= 2 and fork_safe())


def _in_runs(fork: ForkMap, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    todo = list(items)
    n = min(fork.jobs, len(todo))
    runs = [todo[k * len(todo) // n:(k + 1) * len(todo) // n] for k in range(n)]
    for out in fork(partial(_each, function), runs):
        yield from out


def _each(function: Callable[[T], R], items: list[T]) -> list[R]:
    return [function(x) for x in items]


class Pending(Generic[R]):
    """A value being computed in a forked process (`ForkMap.start`): `result` waits for it and
    ends the process, whose value comes back pickled. Until then this process runs threads
    (the pool's), so it must not fork again: call `result` first."""

    def __init__(self, function: Callable[[], R], fork: bool) -> None:
        self._function = function
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[list[R]] | None = None
        self._outcome: tuple[R | None, Exception | None] | None = None  # (value, error) once known
        if fork:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                             initializer=_init_forked, initargs=(lambda _: function(), os.getpid()))
            self._future = self._pool.submit(_work, [None])

    def result(self) -> R:
        """The value, or the error computing it raised (again on every call)."""
        if self._outcome is None:
            try:
                self._outcome = (self._function() if self._future is None else self._future.result()[0], None)
            except Exception as ex:  # kept and raised to every caller
                self._outcome = (None, ex)
            finally:
                self.close()
        value, error = self._outcome
        if error is not None:
            raise error
        return value  # type: ignore[return-value]

    def close(self) -> None:
        """End the forked process: a caller that failed before asking for the result wants its
        work no more and must not keep a pool, and its threads, alive. The pool is shut down
        whole, its manager thread joined: one left shutting down races the interpreter's exit,
        which then prints a traceback under the run's own message."""
        pool, future = self._pool, self._future
        self._pool = self._future = None
        if pool is None:
            return
        if future is not None and not future.done():
            # no public way to stop a task under way: end its process (the pool then breaks and
            # its manager thread ends), rather than wait for work nobody will read
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def executor(jobs: int | None = 1) -> OrderedMap:
    """The built-in `map` for one job, else a ProcessMap (0: one process per CPU)."""
    jobs = resolve_jobs(jobs)
    return map if jobs == 1 else ProcessMap(jobs)
