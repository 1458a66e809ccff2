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

import asyncio
import os
import re
import ssl
import threading
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
    """Dask is not installed, or --scheduler is not a Dask scheduler's address, cannot be
    reached or does not answer as one; str() says which (the CLI's exit 2)."""


TIMEOUT = 20.0
"""Seconds to reach a --scheduler, then as many again for it to answer as a Dask scheduler.
The environment variable FACTCHECK_DASK_TIMEOUT overrides it (the tests use 1 or 2)."""

EXAMPLE = "tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"
GARBLED = "its answer is not Dask's protocol (is another service, or a proxy, answering on that port?)"


def _timeout() -> float:
    try:
        seconds = float(os.environ.get("FACTCHECK_DASK_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT
    return seconds if 0 < seconds < float("inf") else TIMEOUT


def check_address(address: str) -> str:
    """`address` as Dask reads it ("HOST:PORT" is tcp://HOST:PORT), or DaskUnavailable
    saying what is wrong with it and what a scheduler's address looks like."""
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    address = address.strip()
    scheme, loc = parse_address(address)
    if scheme in ("http", "https"):
        why = (f"{scheme}:// is the dashboard's; the scheduler's own address is tcp://, on port 8786 unless "
               "it was started with another")
    else:
        try:
            get_backend(scheme)
            why = None if scheme != "inproc" else "inproc:// is only seen inside one process"
        except ValueError:
            why = f"unknown scheme {scheme}://"
    if why is None:
        try:
            host, port = parse_host_port(loc)
            if not host:
                why = "no host"
            elif not 0 < port < 65536:
                why = f"port {port} is not between 1 and 65535"
        except ValueError:
            why = ("a port without a host" if loc.isdigit() else
                   "no port" if ":" not in loc.strip("[]") or loc.endswith("]") else "the port is not a number")
    if why:
        raise DaskUnavailable(f"--scheduler {address!r} is not a Dask scheduler address ({why}); "
                              f"one looks like {EXAMPLE}")
    return address


def client_for(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
    """(client, the local cluster it runs on or None): --scheduler, else a local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--engine dask needs Dask: pip install 'factcheck[dask]' "
                              "(or pip install 'dask[distributed]')") from None
    if scheduler:
        address = check_address(scheduler)
        timeout = _timeout()
        # Dask's Client waits for the scheduler's first answer without a time limit, and reads
        # whatever comes back as a frame length ("HTTP/1.1" is 3 EiB): it hangs on a silent
        # service and fails with a MemoryError on an HTTP one. So ask first, within a limit.
        probe(address, timeout)
        try:
            return Client(address, timeout=f"{timeout:g}s"), None
        except Exception as ex:  # the probe's scheduler went away or changed in between
            raise DaskUnavailable(f"cannot connect to the Dask scheduler {address}: {_said(ex)}") from None
    cluster = LocalCluster(n_workers=resolve_jobs(jobs), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def probe(address: str, timeout: float) -> dict[str, Any]:
    """The identity of the Dask scheduler at `address`, or DaskUnavailable: no connection
    within `timeout` seconds ("cannot reach"), no answer within `timeout` more, an answer
    that is not Dask's protocol, or a Dask server that is not a scheduler (a worker)."""
    from distributed.security import Security

    connection_args = Security().get_connection_args("client")  # tls:// as the Client would
    outcome: list[Any] = []
    # Its own event loop on a thread of its own: safe when the caller runs a loop, and
    # never keeps the process alive (a daemon) if the user interrupts the wait.
    thread = threading.Thread(target=lambda: outcome.append(_run(_probe(address, timeout, connection_args))),
                              name="factcheck-dask-probe", daemon=True)
    thread.start()
    thread.join(2 * timeout + 10)  # the probe keeps its own time; this is a backstop
    if not outcome:
        raise DaskUnavailable(f"{address} does not answer as a Dask scheduler: no answer within "
                              f"{2 * timeout + 10:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _run(coroutine: Any) -> Any:
    try:
        return asyncio.run(coroutine)
    except BaseException as ex:  # handed to the waiting thread
        return ex


async def _probe(address: str, timeout: float, connection_args: dict[str, Any]) -> dict[str, Any]:
    from distributed.comm.addressing import parse_address
    from distributed.comm.core import CommClosedError, FatalCommClosedError
    from distributed.comm.registry import get_backend

    scheme, loc = parse_address(address)
    loop = asyncio.get_running_loop()
    deadline, pause = loop.time() + timeout, 0.05
    while True:  # retried until the time is up, as Dask does: a scheduler may be starting
        try:
            connector = get_backend(scheme).get_connector()
            comm = await asyncio.wait_for(connector.connect(loc, deserialize=True, **connection_args),
                                          max(0.01, deadline - loop.time()))
            break
        except FatalCommClosedError as ex:  # a TLS certificate refused: Dask's own connect does not retry it either
            raise DaskUnavailable(f"cannot connect to the Dask scheduler {address}: {_fatal(ex)}") from None
        except OSError as ex:  # refused, unreachable, a name that does not resolve; TimeoutError too
            if loop.time() + pause >= deadline:
                why = _said(ex) if str(ex) else "no connection"
                raise DaskUnavailable(f"cannot reach the Dask scheduler {address}: {why} "
                                      f"(tried for {timeout:g} s)") from None
            await asyncio.sleep(pause)
            pause = min(1.0, 2 * pause)
        except Exception as ex:  # tls:// without a certificate in Dask's configuration, ucx:// without ucx...
            raise DaskUnavailable(f"cannot connect to the Dask scheduler {address}: {_said(ex)}") from None
    not_dask = f"{address} does not answer as a Dask scheduler"
    try:
        who = await asyncio.wait_for(_hello(comm), timeout)
    except TimeoutError:
        raise DaskUnavailable(f"{not_dask}: no answer within {timeout:g} s (is another service listening on "
                              "that port?)") from None
    except FatalCommClosedError as ex:  # TLS 1.3: the scheduler refuses our certificate after the handshake
        raise DaskUnavailable(f"cannot connect to the Dask scheduler {address}: {_fatal(ex)}") from None
    except CommClosedError:
        raise DaskUnavailable(f"{not_dask}: it closed the connection (is another service listening on "
                              "that port?)") from None
    except Exception:  # garbage read as Dask frames: MemoryError ("HTTP/1.1" is 3 EiB), msgpack's errors...
        raise DaskUnavailable(f"{not_dask}: {GARBLED}") from None
    finally:
        comm.abort()
    kind = who.get("type") if isinstance(who, dict) else None
    if not isinstance(kind, str):
        raise DaskUnavailable(f"{not_dask}: {GARBLED}")
    if "Scheduler" not in kind:
        raise DaskUnavailable(f"{address} is a Dask {kind}, not a scheduler: give the scheduler's address "
                              "(the one its workers were started with)")
    return who


async def _hello(comm: Any) -> Any:
    """Dask's handshake (each side sends its settings), then the identity request."""
    await comm.write(comm.handshake_info())
    settings = await comm.read()
    if not isinstance(settings, dict):
        raise ValueError("the handshake is not a mapping")
    await comm.write({"op": "identity", "reply": True})
    return await comm.read()


def _said(ex: BaseException) -> str:
    """The reason in the system's words: "Connection refused", not Dask's wrapping of it."""
    cause: BaseException | None = ex
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return str(ex) or type(ex).__name__


def _fatal(ex: BaseException) -> str:
    """Why a connection failed for good (Dask's FatalCommClosedError, a TLS failure), in the
    TLS library's words without its codes: "its TLS certificate failed verification:
    self-signed certificate", "the scheduler refused the TLS connection: tlsv1 alert unknown ca"."""
    cause: BaseException | None = ex
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            why = getattr(cause, "verify_message", None) or _ssl_said(cause)
            return f"its TLS certificate failed verification: {why}"
        if isinstance(cause, ssl.SSLError):
            if "ALERT" in (getattr(cause, "reason", None) or ""):  # the scheduler's alert, e.g. our certificate unknown
                return f"the scheduler refused the TLS connection: {_ssl_said(cause)}"
            return f"the TLS handshake failed: {_ssl_said(cause)}"
        # Dask raises it from tornado's StreamClosedError, which keeps the SSLError as real_error
        cause = cause.__cause__ or cause.__context__ or getattr(cause, "real_error", None)
    return re.sub(r"^in <[^>]*>: ", "", _said(ex))  # Dask names its comm object first


def _ssl_said(ex: ssl.SSLError) -> str:
    """ "[SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:2580)" as "tlsv1 alert unknown ca"."""
    said = str(ex.strerror or ex)
    return re.sub(r"^\[[^\]]*\] *| *\(_ssl\.c:\d+\)$", "", said) or said


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
