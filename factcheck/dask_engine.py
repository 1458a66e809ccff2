"""`--engine dask`: the pipeline's two wide steps as Dask tasks.

The pipeline is the same as the local engine's (`pipeline.run`, reading and the store in
this process); only its executors differ. `DaskMap` is an ordered map on a cluster:

- **per-document analysis**: documents the store does not hold are sent to the cluster in
  chunks (`Client.submit`), a bounded number in flight, and the results taken back in
  input order: the same analyses as on this machine;
- **per-block decisions**: the claims stage (`claims.decide`) maps its blocks with the
  same executor.

So the findings are identical to the default engine's (tests/test_dask.py). On a real
cluster, the workers need factcheck installed in the same version as the client:

    dask scheduler                                   # on one machine: tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1   # on each worker machine
    factcheck scan archive/ --engine dask --scheduler tcp://HOST:8786

Without --scheduler a `distributed.LocalCluster` of --jobs worker processes is started
(one per CPU for --jobs 0) and closed at the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO, TypeVar

from factcheck.parallel import CHUNK, chunks, resolve_jobs
from factcheck.pipeline import Engine, ScanResult, run
from factcheck.progress import Progress
from factcheck.ruleset import RuleSet
from factcheck.store import Store

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT = 4  # chunks per worker thread


class DaskUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached; str() says which."""


def client_for(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
    """(client, the local cluster it runs on or None): --scheduler, else a local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--engine dask needs Dask: pip install 'factcheck[dask]' "
                              "(or pip install 'dask[distributed]')") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as ex:
            raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler}: {ex}") from None
    cluster = LocalCluster(n_workers=resolve_jobs(jobs), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def _apply(function: Callable[[Any], Any], part: list[Any]) -> list[Any]:
    return [function(x) for x in part]


class DaskMap:
    """An ordered map on a Dask cluster: items sent in chunks as they come, at most
    `in_flight` chunks per worker thread queued, results yielded in input order. The
    function is sent to the cluster once per map."""

    def __init__(self, client: Any, chunk: int | None = None, in_flight: int = IN_FLIGHT) -> None:
        self.client, self.chunk, self.in_flight = client, chunk, in_flight

    def __call__(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        threads = max(1, sum(self.client.nthreads().values()))
        sent: Any = None
        window: deque[Any] = deque()
        for part in chunks(items, self.chunk or CHUNK):
            if sent is None:
                sent = self.client.scatter(function, broadcast=True, hash=False)
            window.append(self.client.submit(_apply, sent, part, pure=False))
            while len(window) > threads * self.in_flight:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def scan(paths: Sequence[str], ruleset: RuleSet, *, lang: str | None = None, stdin: BinaryIO | None = None,
         scheduler: str | None = None, jobs: int = 0, client: Any = None, store: Store | None = None,
         progress: Progress | None = None) -> ScanResult:
    """`pipeline.scan` with its executors on a Dask cluster: `client`, else --scheduler,
    else a local cluster of `jobs` processes."""
    cluster = None
    own = client is None
    if own:
        client, cluster = client_for(scheduler, jobs)
    try:
        tasks = DaskMap(client)
        return run(paths, ruleset, store=store, engine=Engine(tasks, tasks), lang=lang, stdin=stdin,
                   progress=progress)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
