"""`--engine dask`: the same pipeline with its two wide steps as Dask tasks.

- **per-document map**: documents are read here as a stream and sent in chunks to the
  cluster as tasks (`Client.submit`), a bounded number in flight, results taken in input
  order: the same rows as `pipeline.gather`.
- **claims and evidence** (`claims.annotate`, the scored pairs) run here: story links and
  claimant names need every article of the corpus, and the scoring is column-wise.
- **per-fact decisions**: the facts (figures linked by scored pairs) are decided in blocks as
  Dask tasks through `claims.decide`'s ordered map; the findings are merged in a stable order.

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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from factcheck.claims import annotate, decide
from factcheck.documents import Document, ReadError
from factcheck.parallel import CHUNK, Outcome, analyse_one, resolve_jobs
from factcheck.pipeline import Corpus, ScanResult, collect, suppress_findings
from factcheck.read import iter_inputs
from factcheck.ruleset import RuleSet
from factcheck.table import mentions_frame

IN_FLIGHT = 4  # chunks per worker thread


class DaskUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached; str() says which."""


def _client(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
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


def _analyse_chunk(docs: list[Document], lex: Any) -> list[Any]:
    return [analyse_one(d, lex) for d in docs]


def map_documents(client: Any, items: Iterable[Document | ReadError], lex: Any,
                  chunk: int = CHUNK) -> Iterator[tuple[Document | ReadError, Outcome]]:
    """(item, its rows or Failure) in input order, the analysis done by the cluster."""
    threads = max(1, sum(client.nthreads().values()))
    lex_future = client.scatter(lex, broadcast=True, hash=False)
    window: deque[tuple[list[Document | ReadError], Any]] = deque()

    def drain() -> Iterator[tuple[Document | ReadError, Outcome]]:
        part, fut = window.popleft()
        results = iter(fut.result() if fut is not None else ())
        for item in part:
            yield item, None if isinstance(item, ReadError) else next(results)

    part: list[Document | ReadError] = []

    def send() -> None:
        docs = [d for d in part if isinstance(d, Document)]
        window.append((list(part), client.submit(_analyse_chunk, docs, lex_future, pure=False) if docs else None))
        part.clear()

    for item in items:
        part.append(item)
        if len(part) >= chunk:
            send()
            while len(window) > threads * IN_FLIGHT:
                yield from drain()
    if part:
        send()
    while window:
        yield from drain()


def client_map(client: Any) -> Any:
    """An ordered map (function, items) → results on the Dask cluster: one task per item."""
    def ordered(func: Any, items: Any) -> list[Any]:
        items = list(items)
        if not items:
            return []
        return client.gather(client.map(func, items, pure=False))
    return ordered


def scan(paths: Sequence[str], ruleset: RuleSet, *, lang: str | None = None, stdin: BinaryIO | None = None,
         scheduler: str | None = None, jobs: int = 0, client: Any = None) -> ScanResult:
    """`pipeline.scan` on a Dask cluster: `client`, else --scheduler, else a local cluster."""
    cluster = None
    if client is None:
        client, cluster = _client(scheduler, jobs)
        own = True
    else:
        own = False
    try:
        docs, rows, errors = collect(map_documents(client, iter_inputs(paths, stdin=stdin, lang=lang),
                                                   ruleset.lexicon))
        corpus = Corpus(docs, annotate(mentions_frame(rows), docs, ruleset.decision), errors)
        findings = decide(corpus.mentions, corpus.docs, ruleset, map_blocks=client_map(client))
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    return ScanResult(corpus, findings, suppress_findings(findings, corpus.docs))
