"""--jobs: the same output, byte for byte, as one process; executors are ordered maps."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import parallel
from factcheck.cli import main
from factcheck.documents import ReadError
from factcheck.pipeline import documents_from_records

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("syn") / "synthetic.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for rec in synthetic.articles(120, seed=5):
            fh.write(json.dumps(rec) + "\n")
        fh.write("{broken json\n")  # a read error keeps its place in the stream
    return p


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 7)  # many chunks in flight, out of order in the pool
    monkeypatch.setattr(parallel, "WARMUP", 0.0)  # the pool from the first item on


def run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout


@pytest.mark.parametrize("command", [["scan", "--format", "json", "--no-report"], ["extract", "--format", "jsonl"],
                                     ["scan", "--format", "sarif", "--no-report"]])
def test_jobs_2_equals_jobs_1(command, corpus):
    one = run(*command, str(SEEDS), str(corpus), "--jobs", "1", "--skip-unreadable", "-q")
    two = run(*command, str(SEEDS), str(corpus), "--jobs", "2", "--skip-unreadable", "-q")
    assert one[1] and one == two


# Run in a fresh interpreter: the forked workers need a process with no other thread alive,
# which the test process (browser tests, pools) cannot promise.
_IN_PARTS = """
import os, sys
import factcheck.claims as claims
from factcheck.cli import entry
claims.PAIRS_PER_PART = 1  # split however few the pairs
real = claims.features
def features(*a, **k):
    with open(os.environ["PIDS"], "a") as fh:
        fh.write(f"{os.getpid()}\\n")
    return real(*a, **k)
claims.features = features
sys.argv = ["factcheck", *sys.argv[1:]]
entry()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ForkMap forks on Linux only")
@pytest.mark.parametrize("check", [False, True])
def test_evidence_in_parts_on_forked_workers_equals_one_process(check, corpus, tmp_path):
    """With --jobs 2 the claims stage computes the pairs' evidence in parts, each part's
    article pairs whole, the second part in a forked worker: the findings are the same, in a
    scan and in a check."""
    import subprocess

    draft = sorted(SEEDS.iterdir())[1]
    args = (["check", str(draft), "--against", str(SEEDS), "--against", str(corpus)] if check
            else ["scan", str(SEEDS), str(corpus), "--no-report"])
    out, pids = {}, {}
    for jobs in ("1", "2"):
        log = tmp_path / f"pids{jobs}"
        env = {**os.environ, "PIDS": str(log), "PYTHONPATH": str(ROOT)}
        r = subprocess.run([sys.executable, "-c", _IN_PARTS, *args, "--format", "json", "--jobs", jobs,
                            "--skip-unreadable", "-q", "--no-cache"], capture_output=True, text=True, env=env,
                           cwd=tmp_path, check=False)
        out[jobs], pids[jobs] = (r.returncode, r.stdout), log.read_text().split()
    assert len(pids["1"]) == 1 and len(pids["2"]) == 2 and len(set(pids["2"])) == 2  # a part in another process
    assert json.loads(out["1"][1])["findings"] and out["1"] == out["2"]


def test_jobs_with_a_store_equals_without(corpus, tmp_path):
    store = str(tmp_path / "store")
    plain = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable",
                "--no-cache")
    cold = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable",
               "--jobs", "2", "--cache-dir", store)
    warm = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable",
               "--jobs", "2", "--cache-dir", store)
    assert plain == cold == warm


def test_baseline_and_check_take_jobs(corpus, tmp_path):
    out1, out2 = tmp_path / "b1.json", tmp_path / "b2.json"
    run("baseline", str(SEEDS), "--out", str(out1), "--jobs", "1", "-q")
    run("baseline", str(SEEDS), "--out", str(out2), "--jobs", "2", "-q")
    assert out1.read_bytes() == out2.read_bytes()
    draft = next(SEEDS.iterdir())
    args = ["check", str(draft), "--against", str(corpus), "--format", "json", "--no-cache", "-q",
            "--skip-unreadable"]
    assert run(*args, "--jobs", "1") == run(*args, "--jobs", "2")


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("chunk", [1, 7, 100])
def test_process_map_is_an_ordered_streaming_map(chunk):
    pm = parallel.ProcessMap(2, chunk=chunk, in_flight=1)
    taken = []

    def items():
        for i in range(60):
            taken.append(i)
            yield i

    results = pm(_square, items())
    first = next(results)
    assert first == 0
    if chunk < 60:
        assert len(taken) < 60  # items are taken as results are consumed, not all at once
    assert [first, *results] == [i * i for i in range(60)]
    assert list(pm(_square, iter(()))) == []  # no item: no pool, nothing


def _pid(_: int, tag: str = "") -> int:
    return os.getpid()


def test_process_map_keeps_its_workers_for_the_same_function():
    """The pipeline maps its per-document step once per source: one pool serves them all,
    so workers compile the extractors once; another function gets a pool of its own."""
    from functools import partial

    with parallel.ProcessMap(2, chunk=1) as pm:
        first = set(pm(partial(_pid, tag="a"), range(8)))
        again = set(pm(partial(_pid, tag="a"), range(8)))  # an equal partial, made anew
        other = set(pm(partial(_pid, tag="b"), range(8)))
    # Two workers at most over both maps of the same function (a new pool would bring new
    # pids); which of the two served a map is up to the scheduler.
    assert len(first | again) <= 2 and not other & (first | again)
    assert os.getpid() not in first | again | other


def _tagged(x: int) -> int:
    return x + 1


def _pack(results: list[int]) -> tuple[str, list[int]]:
    return "packed", results


def _unpack(packed: tuple[str, list[int]]) -> list[int]:
    tag, results = packed
    assert tag == "packed"
    return results


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_functions_pack_and_unpack_serve_spawned_workers_too(start: str) -> None:
    """The per-document step carries how its chunks travel back (`pack`, `unpack`); a spawned
    worker (macOS, Windows) unpickles the step without those attributes, so the pool hands
    `pack` to each worker itself: the results come back packed and in order either way."""
    import multiprocessing
    from functools import partial

    step = partial(_tagged)
    step.pack, step.unpack = _pack, _unpack  # type: ignore[attr-defined]
    with parallel.ProcessMap(2, chunk=3, context=multiprocessing.get_context(start)) as pm:
        assert list(pm(step, range(20))) == list(range(1, 21))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_of_a_killed_run_end_instead_of_waiting_for_ever():
    """A scan killed mid-way (kill -9, a CI job's timeout) must not leave its pool's workers
    behind: they wait on pipes their siblings also hold, so nothing else would end them."""
    import signal
    import subprocess
    import time

    code = """
import os, time
from factcheck import parallel
parallel.WARMUP = 0
def pid(_):
    return os.getpid()
pm = parallel.ProcessMap(2, chunk=1)
print(" ".join(map(str, sorted(set(pm(pid, range(8)))))), flush=True)
time.sleep(120)
"""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and proc.pid not in workers
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    def alive(pid: int) -> bool:  # a zombie nobody reaps yet has ended
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.monotonic() + 15
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if alive(p)]
    for p in left:  # (so that a failure leaves nothing running either)
        os.kill(p, signal.SIGKILL)
    assert not left


def test_a_small_input_runs_here_and_starts_no_pool(monkeypatch):
    """The default --jobs is every CPU: an input done within the warm-up (a draft, the seeds)
    pays for no pool."""
    monkeypatch.setattr(parallel, "WARMUP", 60.0)
    pm = parallel.ProcessMap(2, chunk=1)
    assert set(pm(_pid, range(20))) == {os.getpid()}
    assert pm._pool is None


def test_past_the_warm_up_the_rest_goes_to_the_pool_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "WARMUP", 1e-9)  # over after the first item
    with parallel.ProcessMap(2, chunk=3) as pm:
        pids = list(pm(_pid, range(12)))
        again = list(pm(_pid, range(4)))  # the pool serves the same function at once
    assert pids[0] == os.getpid() and os.getpid() not in pids[1:] + again
    assert list(pm(_square, range(12))) == [i * i for i in range(12)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ForkMap forks on Linux only")
def test_fork_map_runs_the_first_item_here_and_the_others_in_forked_workers():
    """ForkMap: results in input order; the function and what it closes over reach the
    workers by the fork (a local lambda cannot be pickled); the first item runs here. In a
    fresh interpreter, where no other thread runs."""
    import subprocess

    code = """
import json, os
from factcheck import parallel
offset = (lambda: 10)
got = list(parallel.ForkMap(2)(lambda x: (x + offset(), os.getpid()), [1, 2, 3]))
print(json.dumps([os.getpid(), got]))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    me, got = json.loads(r.stdout)
    assert [v for v, _ in got] == [11, 12, 13]
    assert got[0][1] == me and {p for _, p in got[1:]} and me not in {p for _, p in got[1:]}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ForkMap forks on Linux only")
def test_forked_workers_keep_what_they_inherit_out_of_their_collectors_sight():
    """A forked worker (ForkMap, Pending) freezes what it inherits: its collections never walk
    (and so never copy) the parent's objects; this process's collector is left as it was."""
    import subprocess

    code = """
import gc, json
from factcheck import parallel
inherited = [[i] for i in range(1000)]
frozen = list(parallel.ForkMap(2)(lambda _: gc.get_freeze_count(), range(2)))
pending = parallel.Pending(lambda: gc.get_freeze_count(), fork=True).result()
print(json.dumps([frozen, pending, gc.get_freeze_count()]))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    (here, forked), pending, after = json.loads(r.stdout)
    assert here == 0 and after == 0
    assert forked >= 1000 and pending >= 1000


def test_fork_map_stays_in_this_process_while_another_thread_runs():
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not parallel.fork_safe()
        assert {p for p in parallel.ForkMap(2)(lambda _: os.getpid(), range(3))} == {os.getpid()}
    finally:
        stop.set()
        t.join()


def test_known_documents_never_reach_the_executor_and_order_holds(ruleset, monkeypatch):
    """The pipeline's per-document map: stored documents are answered without the executor,
    a read error and a failing article keep their places, on one process and on two."""
    import factcheck.analysis as analysis
    from factcheck.analysis import Analysis, Failure, content_key
    from factcheck.pipeline import KNOWN, analysed

    docs = documents_from_records(synthetic.articles(30, seed=9))
    items = [*docs[:10], ReadError("x", "unreadable"), *docs[10:]]
    known = {content_key(d, "v") for d in docs[::3]}
    real = analysis.analyse

    def flaky(doc, lex):
        if doc.id == docs[4].id:
            raise KeyError("boom")
        return real(doc, lex)

    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    monkeypatch.setattr(analysis, "analyse", flaky)
    sent: list[str] = []

    def spy(function, todo):
        for d in todo:
            sent.append(d.id)
            yield function(d)

    outcomes = {}
    for name, execute in (("spy", spy), ("pool", parallel.ProcessMap(2, chunk=4))):
        got = list(analysed(iter(items), ruleset, execute, version="v", known=known.__contains__))
        assert [item for item, _, _ in got] == items
        outcomes[name] = [o if not isinstance(o, Analysis) else o.rows for _, _, o in got]
        kinds = [type(o).__name__ if o is not KNOWN else "KNOWN" for _, _, o in got]
        assert kinds[4] == "Failure" and kinds[10] == "NoneType" and kinds.count("KNOWN") == len(known)
    assert sent == [d.id for d in docs if content_key(d, "v") not in known]
    assert outcomes["spy"] == outcomes["pool"]
    assert isinstance(outcomes["spy"][4], Failure) and outcomes["spy"][4].kind == "KeyError"


def test_resolve_jobs():
    assert parallel.resolve_jobs(0) >= 1
    assert parallel.resolve_jobs(3) == 3


def test_jobs_help():
    for cmd in ("scan", "extract", "baseline", "check"):
        assert "--jobs" in run(cmd, "--help")[1]


def test_a_pending_value_that_failed_fails_again_instead_of_reading_none():
    def boom() -> int:
        raise ValueError("boom")

    pending = parallel.Pending(boom, fork=False)
    for _ in range(2):
        with pytest.raises(ValueError, match="boom"):
            pending.result()


def test_closing_a_pending_fork_before_its_result_ends_its_work_and_joins_its_pool():
    """A caller that failed before asking for the result closes the fork: the work it no longer
    wants is ended, not waited for, and no pool thread is left running into the interpreter's
    exit (where a pool still shutting down prints a traceback under the run's message)."""
    import threading
    import time

    started = time.perf_counter()
    pending = parallel.Pending(lambda: time.sleep(30) or 1, fork=True)
    time.sleep(0.3)
    pending.close()
    assert time.perf_counter() - started < 10
    assert not [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread" and t.is_alive()]
