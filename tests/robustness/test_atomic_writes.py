"""Files factcheck writes (report, baseline, --out) are replaced atomically: a write that fails
or is killed midway leaves the previous file whole, and a failed one leaves no temp file."""

from __future__ import annotations

import errno
import io
import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import atomic as atomic_mod
from factcheck import baseline as baseline_mod
from factcheck.pipeline import scan
from factcheck.report import html as report_mod
from tests.robustness.helpers import REPO, assert_clean_stderr

SEEDS = REPO / "seeds"
OLD = "the previous file, which must survive intact\n" * 50
# `factcheck baseline` reads the file it replaces (to keep justifications): it must be valid.
OLD_BASELINE = json.dumps({"version": 1, "generated_by": "factcheck", "findings": [
    {"id": "fc-old", "rule": "FC101", "severity": "error", "message": "old", "justification": OLD}]}) + "\n"


class HalfWriter(io.TextIOWrapper):
    """A file that writes half of what it is given, then fails like a full disk."""

    def write(self, text: str) -> int:
        super().write(text[: len(text) // 2])
        self.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


def _half_fdopen(real):
    def fdopen(fd, mode="r", *args, **kwargs):
        if "w" in mode:
            return HalfWriter(io.FileIO(fd, "w"), encoding=kwargs.get("encoding", "utf-8"))
        return real(fd, mode, *args, **kwargs)
    return fdopen


def _failing_replace(src, dst):
    raise OSError(errno.EIO, "Input/output error")


def _break_writes(monkeypatch, failure: str) -> None:
    """Make the atomic writer fail halfway through writing ("write") or at the rename."""
    if failure == "write":
        monkeypatch.setattr(atomic_mod.os, "fdopen", _half_fdopen(os.fdopen))
    else:
        monkeypatch.setattr(atomic_mod.os, "replace", _failing_replace)


def _leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


@pytest.fixture(scope="module")
def seed_scan(ruleset):
    return scan([str(SEEDS)], ruleset)


# -- in-process: the write itself fails ---------------------------------------------------------


@pytest.mark.parametrize("failure", ["write", "replace"])
def test_baseline_write_that_fails_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch, failure) -> None:
    target = tmp_path / "factcheck-baseline.json"
    target.write_text(OLD, encoding="utf-8")
    _break_writes(monkeypatch, failure)
    with pytest.raises(OSError):
        baseline_mod.write_atomic(target, '{"version": 1, "findings": []}\n' * 1000)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path, target.name) == []


@pytest.mark.parametrize("failure", ["write", "replace"])
def test_report_write_that_fails_keeps_the_old_report_and_no_temp(tmp_path: Path, monkeypatch, failure, seed_scan,
                                                                   ruleset) -> None:
    target = tmp_path / "report.html"
    target.write_text(OLD, encoding="utf-8")
    _break_writes(monkeypatch, failure)
    with pytest.raises(OSError):
        report_mod.write_report(seed_scan, ruleset, target)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path, target.name) == []


def test_a_successful_write_replaces_the_file_whole(tmp_path: Path, seed_scan, ruleset) -> None:
    target = tmp_path / "sub" / "report.html"
    report_mod.write_report(seed_scan, ruleset, target)
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert _leftovers(target.parent, target.name) == []


# -- the real CLI: disk full midway, and killed midway ------------------------------------------


def _limit_file_size(limit: int):
    """preexec_fn: files may grow to `limit` bytes; past it a write fails with EFBIG ("File too
    large"), as on a full disk. (Python ignores SIGXFSZ, so the kernel does not kill it.)"""

    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}


def _run_limited(args: list[str], cwd: Path, limit: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=120, preexec_fn=_limit_file_size(limit))


# The CLI, killed with SIGKILL once it has written half of a file: a crash, an OOM kill or
# a power cut in the middle of writing.
KILL_MIDWAY = """
import io, os, signal, sys
real_fdopen = os.fdopen

class Dying(io.TextIOWrapper):
    def write(self, text):
        super().write(text[: len(text) // 2])
        self.flush()
        os.kill(os.getpid(), signal.SIGKILL)

def fdopen(fd, mode="r", *args, **kwargs):
    if "w" in mode:
        return Dying(io.FileIO(fd, "w"), encoding="utf-8")
    return real_fdopen(fd, mode, *args, **kwargs)

os.fdopen = fdopen
from factcheck.cli import entry
sys.argv[0] = "factcheck"
entry()
"""


def _old_content(name: str) -> str:
    return OLD_BASELINE if name == "baseline" else OLD


COMMANDS = {
    "report": (["scan", str(SEEDS), "--report", "out/report.html", "--format", "json", "--no-cache", "-q"],
               "out/report.html"),
    "baseline": (["baseline", str(SEEDS), "--out", "out/baseline.json", "--no-cache", "-q"], "out/baseline.json"),
    "sarif": (["scan", str(SEEDS), "--no-report", "--format", "sarif", "--out", "out/findings.sarif", "--no-cache",
               "-q"], "out/findings.sarif"),
}


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("name", ["report", "baseline"])
def test_cli_write_failing_midway_keeps_the_old_file_and_says_so_in_one_line(tmp_path: Path, name: str) -> None:
    args, rel = COMMANDS[name]
    target = tmp_path / rel
    target.parent.mkdir()
    target.write_text(_old_content(name), encoding="utf-8")
    proc = _run_limited(args, tmp_path, limit=300)  # every output is longer than 300 bytes
    assert proc.returncode == 2, proc.stderr
    [line] = assert_clean_stderr(proc.stderr)
    assert "File too large" in line, line
    assert target.read_text(encoding="utf-8") == _old_content(name)
    assert _leftovers(target.parent, target.name) == []


def test_cli_write_failure_names_the_file(tmp_path: Path) -> None:
    args, _ = COMMANDS["report"]
    (tmp_path / "out").mkdir()
    proc = _run_limited(args, tmp_path, limit=300)
    [line] = assert_clean_stderr(proc.stderr)
    assert "report.html" in line, line


@pytest.mark.parametrize("name", list(COMMANDS))
def test_cli_killed_midway_through_a_write_leaves_the_old_file_whole(tmp_path: Path, name: str) -> None:
    args, rel = COMMANDS[name]
    target = tmp_path / rel
    target.parent.mkdir()
    target.write_text(_old_content(name), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILL_MIDWAY, *args], cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr)
    assert target.read_text(encoding="utf-8") == _old_content(name)  # never half-written
    # What a kill leaves is only a hidden temp file next to it, never the target half-written.
    assert all(n.startswith(f".{target.name}.") and n.endswith(".tmp") for n in _leftovers(target.parent,
                                                                                           target.name))


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        baseline_mod.write_atomic(tmp_path / "factcheck-baseline.json", "{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "factcheck-baseline.json").stat().st_mode) == 0o644
