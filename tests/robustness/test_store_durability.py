"""The archive store survives what happens to files and processes: a garbage, truncated,
foreign or damaged store file is reported by path and rebuilt; a scan killed with SIGKILL
leaves a store the next scan uses; two scans writing one store at once both succeed. In
every case the output is the one a scan without a store gives."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.robustness.helpers import REPO, assert_clean_stderr, run_cli

sys.path.insert(0, str(REPO / "benchmarks"))
import synthetic

SCAN = ("scan", "archive", "--format", "json", "--no-report", "-q")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for p in sorted((REPO / "seeds").iterdir()):
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def _scan(cwd: Path, store: Path, *extra: str):
    return run_cli(*SCAN, *extra, "--cache-dir", store, cwd=cwd)


def _clean(cwd: Path) -> str:
    run = run_cli(*SCAN, "--no-cache", cwd=cwd)
    assert run.code in (0, 1), run.stderr
    return run.stdout


def _reported_and_rebuilt(stderr: str, store_file: Path, why: str) -> None:
    lines = assert_clean_stderr(stderr)
    assert len(lines) == 1, lines  # said once
    assert str(store_file) in lines[0] and why in lines[0] and "rebuilt" in lines[0], lines


@pytest.mark.parametrize(("damage", "why"), [
    (lambda p: p.write_bytes(b"this is not a database, just bytes\n" * 100), "not an SQLite database"),
    (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "truncated"),
    (lambda p: p.write_bytes(b""), None),  # empty: a new store, nothing to report
], ids=["garbage", "truncated", "empty"])
def test_a_broken_store_file_is_reported_and_rebuilt(archive, tmp_path, damage, why):
    want = _clean(tmp_path)
    store = tmp_path / "store"
    assert _scan(tmp_path, store).stdout == want
    damage(store / "archive.sqlite")
    second = _scan(tmp_path, store)
    assert second.stdout == want
    if why is None:
        assert assert_clean_stderr(second.stderr) == []
    else:
        _reported_and_rebuilt(second.stderr, store / "archive.sqlite", why)
    third = _scan(tmp_path, store)  # the rebuilt store serves the next scan, silently
    assert (third.stdout, assert_clean_stderr(third.stderr)) == (want, [])


def test_another_applications_database_is_not_trusted(archive, tmp_path):
    want = _clean(tmp_path)
    store = tmp_path / "store"
    store.mkdir()
    with sqlite3.connect(store / "archive.sqlite") as db:
        db.execute("CREATE TABLE sources(id, path)")
        db.execute("INSERT INTO sources VALUES (1, 'archive')")
    run = _scan(tmp_path, store)
    assert run.stdout == want
    _reported_and_rebuilt(run.stderr, store / "archive.sqlite", "not a factcheck store")


def test_damage_inside_the_file_never_changes_the_output(archive, tmp_path):
    """Pages overwritten in the middle: the scan reports the store and rebuilds it when
    SQLite notices, and its output is the clean one either way."""
    want = _clean(tmp_path)
    store = tmp_path / "store"
    _scan(tmp_path, store)
    path = store / "archive.sqlite"
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for at in range(2 * page, len(data) - page, 3 * page):  # every third page after the header's
        data[at + 8: at + page] = os.urandom(page - 8)
    path.write_bytes(bytes(data))
    for _ in range(2):
        run = _scan(tmp_path, store)
        assert run.stdout == want
        lines = assert_clean_stderr(run.stderr)
        assert all(str(path) in line and "rebuilt" in line for line in lines), lines


def test_a_scan_killed_mid_way_leaves_a_store_the_next_scan_uses(archive, tmp_path):
    corpus = archive / "wire.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in synthetic.articles(900, seed=4)), encoding="utf-8")
    want = _clean(tmp_path)
    store = tmp_path / "store"
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *SCAN, "--cache-dir", str(store)], cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:  # kill once some analyses are committed
        try:
            with sqlite3.connect(f"file:{store / 'archive.sqlite'}?mode=ro", uri=True, timeout=1) as db:
                stored = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    assert proc.wait(timeout=60) == -signal.SIGKILL, "the scan ended before it could be killed"
    with sqlite3.connect(store / "archive.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM sources").fetchone() == (0,)  # no half listing
        kept = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert 0 < kept < 905
    after = _scan(tmp_path, store)
    assert (after.stdout, assert_clean_stderr(after.stderr)) == (want, [])


def test_two_scans_into_one_store_at_once_both_succeed(archive, tmp_path):
    corpus = archive / "wire.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in synthetic.articles(300, seed=5)), encoding="utf-8")
    want = _clean(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    cmd = [sys.executable, "-m", "factcheck", *SCAN, "--cache-dir", str(tmp_path / "store")]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode in (0, 1), err.decode()
        assert out.decode() == want and err == b""
    warm = _scan(tmp_path, tmp_path / "store")
    assert (warm.stdout, assert_clean_stderr(warm.stderr)) == (want, [])
