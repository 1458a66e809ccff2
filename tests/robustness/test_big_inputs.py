"""Big inputs: a 200 MB file is read in bounded memory or refused with a clear message, and
100,000 tiny files are read in seconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.read import iter_inputs
from tests.robustness.helpers import REPO, assert_clean_stderr, cannot_read_lines

MiB = 1 << 20
BIG = 200 * MiB
GOOD = [{"id": "first", "text": "Acme paid $5 million in March 2024."},
        {"id": "last", "text": "Acme paid $6 million in April 2024."}]


def _fill(f, size: int, unit: bytes = b" ") -> None:
    chunk = unit * (MiB // len(unit))
    written = 0
    while written < size:
        written += f.write(chunk)


def make_big(path: Path) -> None:
    """A 200 MB file of its kind: the sparse (fast) way where the bytes do not matter."""
    ext = path.suffix
    with open(path, "wb") as f:
        if ext == ".jsonl":  # one 200 MB line between two good records
            f.write(json.dumps(GOOD[0]).encode() + b"\n" + b'{"id": "huge", "text": "')
            _fill(f, BIG, b"$1 ")
            f.write(b'"}\n' + json.dumps(GOOD[1]).encode() + b"\n")
        elif ext == ".csv":  # a 200 MB row after a good one
            f.write(b'id,text\nfirst,"Acme paid $5 million in March 2024."\nhuge,"')
            _fill(f, BIG, b"$1 ")
            f.write(b'"\nlast,"Acme paid $6 million in April 2024."\n')
        else:  # .txt, .md, .html, .json: refused by their size before reading
            f.write(b"[" if ext == ".json" else b"Acme paid $5 million. ")
            f.truncate(BIG)


MEASURE = """
import json, sys, time, tracemalloc
from factcheck.read import read_inputs
tracemalloc.start()
t = time.perf_counter()
with open(sys.argv[2], "rb") as stdin:
    docs, errors = read_inputs([sys.argv[1]], stdin=stdin)
seconds = time.perf_counter() - t
print(json.dumps({"peak": tracemalloc.get_traced_memory()[1], "seconds": seconds,
                  "docs": [d.id for d in docs], "errors": [e.as_dict() for e in errors]}))
"""


@pytest.fixture(scope="module")
def big_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("big")
    files = {}
    for ext in (".txt", ".md", ".html", ".json", ".jsonl", ".csv"):
        files[ext] = root / f"huge{ext}"
        make_big(files[ext])
        assert files[ext].stat().st_size >= BIG
    return files


@pytest.mark.parametrize("ext, docs, source_suffix, reason", [
    (".txt", [], "", "file too large for one article (200.0 MiB, limit 50 MiB); put many articles in a .jsonl"),
    (".md", [], "", "file too large for one article (200.0 MiB, limit 50 MiB)"),
    (".html", [], "", "file too large for one article (200.0 MiB, limit 50 MiB)"),
    (".json", [], "", "JSON file too large (200.0 MiB, limit 50 MiB): a .json list is read whole; convert it to"),
    (".jsonl", ["first", "last"], ":2", "line longer than 50 MiB (one article's limit) — skipped"),
    (".csv", ["first"], "", "line 3 is longer than 50 MiB; stopped reading there, the records before it were read"),
], ids=lambda v: v if isinstance(v, str) and v.startswith(".") else "")
def test_a_200_mb_file_is_read_in_bounded_memory_or_refused(big_files, ext, docs, source_suffix, reason) -> None:
    path = big_files[ext]
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(path), os.devnull], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["docs"] == docs
    [error] = got["errors"]
    assert error["source"] == f"{path}{source_suffix}"
    assert error["reason"].startswith(reason), error
    assert got["peak"] < 64 * MiB, f"peak {got['peak'] / MiB:.0f} MiB for a {BIG // MiB} MiB file"
    assert got["seconds"] < 20


def test_200_mb_on_stdin_is_refused_after_50_mib(big_files) -> None:
    proc = subprocess.run([sys.executable, "-c", MEASURE, "-", str(big_files[".txt"])], capture_output=True,
                          text=True, cwd=REPO, timeout=120)
    got = json.loads(proc.stdout)
    assert got["docs"] == [] and [e["source"] for e in got["errors"]] == ["<stdin>"]
    assert got["errors"][0]["reason"].startswith("file too large for one article (more than 50 MiB")
    assert got["peak"] < 64 * MiB


# A forked child's peak RSS starts from its parent's size, and pytest grows large over a full
# run: a small launcher process starts the CLI, so the figure is the CLI's own.
_LAUNCHER = """
import os, subprocess, sys
p = subprocess.Popen([sys.executable, "-m", "factcheck", *sys.argv[1:]], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def _cli_max_rss(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """Exit code, stderr and peak resident memory (bytes) of `python -m factcheck ARGS`."""
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    proc = subprocess.run([sys.executable, "-c", _LAUNCHER, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300)
    code, rss_kib = (int(x) for x in proc.stdout.split())
    return code, proc.stderr, rss_kib * 1024  # kilobytes on Linux


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux only")
def test_cli_on_200_mb_inputs_stays_small_and_says_why_in_one_line(big_files, tmp_path: Path) -> None:
    paths = [str(big_files[ext]) for ext in (".txt", ".json", ".jsonl", ".csv")]
    code, stderr, rss = _cli_max_rss(["extract", *paths, "-q"], tmp_path)
    assert code == 2
    lines = cannot_read_lines(stderr)
    assert set(lines) == {paths[0], paths[1], f"{paths[2]}:2", paths[3]}
    assert rss < BIG, f"max RSS {rss / MiB:.0f} MiB for 200 MiB inputs"


# -- many small files ----------------------------------------------------------------------------

N_FILES = 100_000


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many")
    for i in range(N_FILES):
        folder = root / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir()
        fd = os.open(folder / f"f{i:06d}.txt", os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"Note %d.\n" % i)
        os.close(fd)
    return root


def test_100000_tiny_files_are_read_quickly_and_in_order(many_files: Path) -> None:
    started = time.perf_counter()
    ids = []
    for item in iter_inputs([str(many_files)]):
        ids.append(item.id)  # a ReadError has no id: this would fail
    seconds = time.perf_counter() - started
    assert len(ids) == N_FILES
    assert ids[:2] == ["d000/f000000.txt", "d000/f000001.txt"] and ids[-1] == "d099/f099999.txt"
    assert seconds < 30, f"{seconds:.1f} s to read {N_FILES:,} files"


def test_100000_tiny_files_through_the_cli(many_files: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "factcheck", "scan", str(many_files), "--format", "json",
                           "--no-report", "--no-cache", "-q"], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=300)
    seconds = time.perf_counter() - started
    assert_clean_stderr(proc.stderr)
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    assert (out["documents"], out["errors"]) == (N_FILES, [])
    assert seconds < 90, f"{seconds:.1f} s to scan {N_FILES:,} files"
