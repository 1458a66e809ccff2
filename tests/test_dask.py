"""--engine dask: the same findings as the default engine, on a local distributed cluster."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.pipeline import scan

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'factcheck[dask]')")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_same_findings_as_default_engine(client, ruleset, tmp_path):
    from factcheck import dask_engine
    from factcheck.output import scan_json
    from factcheck.store import Store

    corpus = tmp_path / "synthetic.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in synthetic.articles(150, seed=8)) + "{broken\n",
                      encoding="utf-8")
    paths = [str(SEEDS), str(corpus)]
    local = scan(paths, ruleset)
    dasked = dask_engine.scan(paths, ruleset, client=client)
    assert len(local.findings) > 10
    assert [f.as_dict() for f in dasked.findings] == [f.as_dict() for f in local.findings]
    assert scan_json(dasked, []) == scan_json(local, [])
    assert dasked.corpus.mentions.equals(local.corpus.mentions)
    # through a store, cold then warm (nothing left to send to the cluster): the same again
    for _ in range(2):
        store = Store(tmp_path / "store")
        stored = dask_engine.scan(paths, ruleset, client=client, store=store)
        assert scan_json(stored, []) == scan_json(local, [])
    assert store.stats.docs_analysed == 0 and store.stats.sources_built == 0


def _triple(x: int) -> int:
    return 3 * x


@pytest.mark.parametrize("chunk", [1, 3, 17])
def test_dask_map_is_an_ordered_map(client, chunk):
    from factcheck.dask_engine import DaskMap

    tasks = DaskMap(client, chunk=chunk, in_flight=1)
    assert list(tasks(_triple, iter(range(50)))) == [3 * i for i in range(50)]
    assert list(tasks(_triple, iter(()))) == []


def test_decisions_on_dask_blocks_are_the_local_ones(client, ruleset):
    """The claims stage maps its blocks with the executor it is handed: on Dask, the same findings."""
    from factcheck.claims import decide
    from factcheck.dask_engine import DaskMap

    local = scan([str(SEEDS)], ruleset)
    expected = [f.as_dict() for f in decide(local.corpus.mentions, local.corpus.docs, ruleset)]
    got = decide(local.corpus.mentions, local.corpus.docs, ruleset, map_blocks=DaskMap(client, chunk=1))
    assert expected and [f.as_dict() for f in got] == expected


def test_the_dask_engine_runs_the_one_composition_with_its_own_executors(client, ruleset, monkeypatch):
    import factcheck.dask_engine
    from factcheck import pipeline

    seen = []
    real = pipeline.run

    def spy(*args, **kwargs):
        seen.append(kwargs["engine"])
        return real(*args, **kwargs)

    monkeypatch.setattr(factcheck.dask_engine, "run", spy)
    factcheck.dask_engine.scan([str(SEEDS)], ruleset, client=client)
    (engine,) = seen
    assert isinstance(engine.documents, factcheck.dask_engine.DaskMap) and engine.blocks is engine.documents


# -- --scheduler: a wrong address, or something else on the port, is a usage error (exit 2) --------


def _one_line(run) -> str:
    from tests.robustness.helpers import assert_clean_stderr

    assert run.code == 2 and run.stdout == "", (run.code, run.stderr)
    [line] = assert_clean_stderr(run.stderr)
    return line


def _scan_on(address: str, tmp_path, timeout: float = 60, **env: str):
    from tests.robustness.helpers import run_cli

    return run_cli("scan", str(SEEDS), "--no-report", "--no-cache", "--engine", "dask", "--scheduler", address,
                   cwd=tmp_path, env=env, timeout=timeout)


@pytest.mark.parametrize("address", ["notaurl", "8786", "tcp://10.0.0.5", "tcp://10.0.0.5:port",
                                     "http://10.0.0.5:8787"])
def test_a_scheduler_address_that_is_not_one_is_a_usage_error_saying_what_one_looks_like(address, tmp_path):
    line = _one_line(_scan_on(address, tmp_path))
    assert line.startswith(f"factcheck: --scheduler {address!r} is not a Dask scheduler address (")
    assert line.endswith("one looks like tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786")


class LocalService:
    """A local service on a free port of 127.0.0.1 (`scheme`://...), each connection it accepts
    handed to `answer`; `close` ends it and its connections."""

    def __init__(self, scheme: str) -> None:
        import socket
        import threading

        self.sock, self.conns = socket.create_server(("127.0.0.1", 0)), []
        self.address = f"{scheme}://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            self.answer(conn)

    def answer(self, conn) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.sock.close()
        for conn in self.conns:
            conn.close()


class Impostor(LocalService):
    """A local TCP service that is not a Dask scheduler: it stays silent, answers like an
    HTTP server (whose "HTTP/1.1" Dask reads as a frame of 3 EiB), sends a few bytes of
    garbage, or hangs up at once. `address` is where it listens."""

    HTTP = b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        super().__init__("tcp")

    def answer(self, conn) -> None:
        if self.behaviour == "silent":
            return  # accepted, never answered
        if self.behaviour != "hangs up":
            conn.recv(4096)
            conn.sendall(self.HTTP if self.behaviour == "http" else b"\x05\x00\x00\x00\x00\x00\x00\x00garbage!")
        conn.close()


@pytest.mark.parametrize("behaviour, reason", [
    ("silent", "does not answer as a Dask scheduler: no answer within 5 s"),
    ("http", "does not answer as a Dask scheduler: its answer is not Dask's protocol"),
    ("garbage", "does not answer as a Dask scheduler: its answer is not Dask's protocol"),
    ("hangs up", "does not answer as a Dask scheduler: it closed the connection"),
])
def test_another_service_on_the_scheduler_port_is_a_usage_error_within_the_time_allowed(behaviour, reason,
                                                                                        tmp_path):
    import time

    impostor = Impostor(behaviour)
    try:
        start = time.monotonic()
        # 5 s: time enough to connect on a loaded machine (at 2 s a busy CI host missed the connect)
        run = _scan_on(impostor.address, tmp_path, FACTCHECK_DASK_TIMEOUT="5")
        took = time.monotonic() - start
    finally:
        impostor.close()
    line = _one_line(run)
    assert line.startswith(f"factcheck: {impostor.address} {reason}"), line
    assert took < 40, took  # 5 s to connect, 5 s for an answer, and the start-up of the process


def test_a_closed_port_gives_up_within_the_time_allowed(tmp_path):
    import socket
    import time

    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]  # free once closed: nothing listens there
    start = time.monotonic()
    run = _scan_on(f"tcp://127.0.0.1:{port}", tmp_path, FACTCHECK_DASK_TIMEOUT="1")
    assert _one_line(run).startswith(f"factcheck: cannot reach the Dask scheduler tcp://127.0.0.1:{port}: ")
    assert time.monotonic() - start < 15  # not Dask's 20 s: the time allowed is the one set


@pytest.fixture(scope="module")
def tcp_cluster():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                           host="127.0.0.1", dashboard_address=":0")
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_a_real_scheduler_at_the_address_runs_the_scan_and_a_worker_address_is_refused(tcp_cluster, tmp_path):
    from tests.robustness.helpers import run_cli

    address = tcp_cluster.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    local = run_cli("scan", str(SEEDS), "--no-report", "--no-cache", "--format", "json", cwd=tmp_path)
    dasked = run_cli("scan", str(SEEDS), "--no-report", "--no-cache", "--format", "json", "--engine", "dask",
                     "--scheduler", address, cwd=tmp_path, env={"FACTCHECK_DASK_TIMEOUT": "5"})
    assert dasked.code == local.code == 1, dasked.stderr
    assert dasked.stdout == local.stdout
    [worker] = tcp_cluster.scheduler_info()["workers"]
    line = _one_line(_scan_on(worker, tmp_path, FACTCHECK_DASK_TIMEOUT="5"))
    assert line == (f"factcheck: {worker} is a Dask Worker, not a scheduler: give the scheduler's address "
                    "(the one its workers were started with)")


# -- a fatal connection error (a TLS certificate refused) is said at once, not retried -------------


def _fatal_error(kind: str):
    """A FatalCommClosedError as Dask raises it: on a certificate the client does not trust
    (from the ssl module's error), on the scheduler's TLS alert, or bare."""
    import ssl

    from distributed.comm.core import FatalCommClosedError

    if kind == "bare":
        return FatalCommClosedError("in <TCP (closed) local=tcp://127.0.0.1:1>: the peer is gone for good")
    if kind == "untrusted":
        failure = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                                                  "self-signed certificate (_ssl.c:1006)")
        failure.verify_message = "self-signed certificate"  # as the ssl module sets them
        message = "TLS certificate does not match. Check your security settings."
    else:
        failure = ssl.SSLError(1, "[SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:2580)")
        failure.reason = "TLSV1_ALERT_UNKNOWN_CA"
        message = "in <TLS (closed) local=tls://127.0.0.1:1>: SSLError: tlsv1 alert unknown ca"
    try:
        raise FatalCommClosedError(message) from failure
    except FatalCommClosedError as ex:
        return ex


@pytest.mark.parametrize("when, kind, reason", [
    ("connecting", "untrusted", "its TLS certificate failed verification: self-signed certificate"),
    ("connecting", "bare", "the peer is gone for good"),
    ("in the handshake", "alert", "the scheduler refused the TLS connection: tlsv1 alert unknown ca"),
])
def test_a_fatal_connection_error_stops_the_probe_at_once(when, kind, reason, monkeypatch):
    """Dask's connect() gives up at once on a FatalCommClosedError (an OSError, a CommClosedError);
    the probe retried it for the whole time allowed and then said "cannot reach", or, in the
    handshake, took it for a service that hangs up."""
    import time

    from distributed.comm.tcp import TCP, TCPConnector

    from factcheck.dask_engine import DaskUnavailable, probe

    calls = []

    async def fail(*args, **kwargs):
        calls.append(args)
        raise _fatal_error(kind)

    monkeypatch.setattr(TCPConnector if when == "connecting" else TCP, "connect" if when == "connecting" else "read",
                        fail)
    impostor = Impostor("silent")  # only reached in the handshake; Dask's read is the one that fails
    try:
        start = time.monotonic()
        with pytest.raises(DaskUnavailable) as caught:
            probe(impostor.address, 20)
        took = time.monotonic() - start
    finally:
        impostor.close()
    assert str(caught.value) == f"cannot connect to the Dask scheduler {impostor.address}: {reason}"
    assert took < 10, took  # not the 20 s allowed (a loaded machine is slow to start the loop)
    assert len(calls) == 1  # not retried


class TLSService(LocalService):
    """A local TLS service with the certificate `cert`. It never answers past the TLS handshake."""

    def __init__(self, cert: str, key: str) -> None:
        import ssl

        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        super().__init__("tls")

    def answer(self, conn) -> None:
        import contextlib

        with contextlib.suppress(OSError):  # the client refuses the certificate, as the test means it to
            self.context.wrap_socket(conn, server_side=True).recv(1)


def _self_signed(folder: Path, name: str) -> tuple[str, str]:
    """A throwaway self-signed certificate and its key, made by the openssl command."""
    import subprocess

    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return str(cert), str(key)


@pytest.mark.skipif(not __import__("shutil").which("openssl"), reason="needs the openssl command for certificates")
def test_a_scheduler_certificate_the_client_does_not_trust_is_said_at_once(tmp_path):
    """Dask's TLS settings trust one self-signed certificate; the service has another. Dask's
    FatalCommClosedError: said at once, not retried for the 20 s allowed and called "cannot reach"."""
    import time

    ours, theirs = _self_signed(tmp_path, "ours"), _self_signed(tmp_path, "theirs")
    service = TLSService(*theirs)
    env = {"DASK_DISTRIBUTED__COMM__TLS__CA_FILE": ours[0], "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT": ours[0],
           "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY": ours[1]}
    try:
        start = time.monotonic()
        run = _scan_on(service.address, tmp_path, FACTCHECK_DASK_TIMEOUT="20", **env)
        took = time.monotonic() - start
    finally:
        service.close()
    assert _one_line(run) == (f"factcheck: cannot connect to the Dask scheduler {service.address}: "
                              "its TLS certificate failed verification: self-signed certificate")
    assert took < 15, took  # not the 20 s allowed to connect
