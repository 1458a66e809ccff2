"""A file factcheck cannot write is named as the user gave it (never the temporary file it
writes first) with the real reason; the run exits 2 and an existing file stays whole. A
device, a pipe or a symbolic link given as the output is written through, not replaced."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from factcheck import atomic
from factcheck.atomic import WriteError, write_atomic
from tests.robustness.helpers import assert_clean_stderr, run_cli

from .conftest import SEEDS

OLD = "the findings of the last run\n"


def _scan_to(out: str | Path, cwd: Path):
    return run_cli("scan", str(SEEDS), "--no-report", "--format", "json", "-q", "--out", out, cwd=cwd)


def _write_error(run) -> str:
    """The one stderr line of a run that could not write its output (exit 2)."""
    assert run.code == 2 and run.stdout == "", (run.code, run.stderr)
    [line] = assert_clean_stderr(run.stderr)
    assert line.startswith("factcheck: cannot write") and ".tmp" not in line, line
    return line


def test_an_out_path_under_a_file_says_that_file_is_not_a_folder(tmp_path):
    (tmp_path / "afile").write_text("not a folder\n", encoding="utf-8")
    for out in ("afile/o.json", "afile/sub/o.json"):
        line = _write_error(_scan_to(out, tmp_path))
        assert line.endswith(f" {out}: afile is a file, not a folder"), line
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_out_path_in_a_folder_that_takes_no_files_names_that_path_not_a_temp_file(tmp_path):
    line = _write_error(_scan_to("/proc/o.json", tmp_path))
    assert line.endswith(" /proc/o.json: the folder /proc is not writable (it takes no new files)"), line


def _make_read_only(folder: Path) -> bool:
    """Root ignores permissions: it needs the immutable attribute. True when it worked."""
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)],
                                                        capture_output=True).returncode:
            return False
    else:
        folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


def _make_writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_an_out_path_in_a_read_only_folder_names_the_folder_and_keeps_the_old_file(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "o.json").write_text(OLD, encoding="utf-8")
    if not _make_read_only(ro):
        _make_writable(ro)
        pytest.skip("cannot make a read-only folder here (chattr +i or chmod)")
    try:
        outputs = {out: _write_error(_scan_to(out, tmp_path)) for out in ("ro/o.json", "ro/sub/o.json")}
        assert sorted(p.name for p in ro.iterdir()) == ["o.json"]
    finally:
        _make_writable(ro)
    for out, line in outputs.items():
        assert f" {out}: the folder ro is not writable (" in line, line
    assert (ro / "o.json").read_text(encoding="utf-8") == OLD


def test_a_refused_write_names_the_path_given_and_the_folder(tmp_path, monkeypatch):
    target = tmp_path / "out" / "o.json"
    target.parent.mkdir()
    target.write_text(OLD, encoding="utf-8")

    def refuse(prefix, suffix, dir):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir, f"{prefix}x1y2z3{suffix}"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as caught:
        write_atomic(str(target), "new\n")
    assert caught.value.filename == str(target)
    assert caught.value.strerror == f"the folder {target.parent} is not writable (Permission denied)"
    assert caught.value.errno == errno.EACCES
    assert target.read_text(encoding="utf-8") == OLD


def test_a_folder_where_the_file_should_be_is_named_as_a_folder(tmp_path):
    (tmp_path / "o.json").mkdir()
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "o.json", "new\n")
    assert caught.value.filename == str(tmp_path / "o.json")
    assert caught.value.strerror == f"{tmp_path / 'o.json'} is a folder"
    assert list(tmp_path.iterdir()) == [tmp_path / "o.json"]  # no temporary file left behind


def test_a_name_near_the_longest_allowed_is_written(tmp_path):
    target = tmp_path / ("n" * 250 + ".json")  # its temporary file's name would be too long for the system
    write_atomic(target, "whole\n")
    assert target.read_text(encoding="utf-8") == "whole\n"


def test_a_symbolic_link_as_out_writes_the_file_it_points_to_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "o.json").write_text(OLD, encoding="utf-8")
    (tmp_path / "latest.json").symlink_to("real/o.json")
    run = _scan_to("latest.json", tmp_path)
    assert run.code == 1, run.stderr  # the seeds hold an error-level finding
    assert (tmp_path / "latest.json").is_symlink()
    assert '"findings"' in (tmp_path / "real" / "o.json").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_as_out_is_written_into_not_replaced(tmp_path):
    pipe = tmp_path / "findings.pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []

    def read() -> None:
        with open(pipe, "rb") as fh:  # blocks until the scan opens the pipe to write
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        run = _scan_to(pipe, tmp_path)
    finally:
        if reader.is_alive() and pipe.is_fifo():  # the scan never opened it: let the reader go
            with open(pipe, "wb"):
                pass
    reader.join(10)
    assert run.code == 1, run.stderr
    assert pipe.is_fifo()
    assert got and b'"findings"' in got[0]



@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_an_open_file_named_by_its_descriptor_is_written_through(tmp_path):
    """`--out /dev/stdout > findings.json`: the file the shell opened gets the output."""
    target = tmp_path / "findings.json"
    with open(target, "w", encoding="utf-8") as fh:
        write_atomic(f"/proc/self/fd/{fh.fileno()}", "whole\n")
    assert target.read_text(encoding="utf-8") == "whole\n"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_an_open_file_appended_to_keeps_what_it_held(tmp_path):
    """`--out /dev/stdout >> run.log`: the log keeps its earlier lines, the output follows them."""
    target = tmp_path / "run.log"
    target.write_text("earlier\n", encoding="utf-8")
    with open(target, "a", encoding="utf-8") as fh:
        write_atomic(f"/proc/self/fd/{fh.fileno()}", "findings\n")
    assert target.read_text(encoding="utf-8") == "earlier\nfindings\n"


@pytest.mark.skipif(not Path(os.devnull).is_char_device(), reason="the null device is not a device here")
def test_out_to_the_null_device_is_written_in_place_never_renamed_over(monkeypatch):
    """`--out /dev/null` (tests/test_check.py and the benchmarks use it): before, as root, the
    rename replaced /dev/null with a regular file for every program. The rename is barred here,
    so a regression fails this test instead of breaking the machine."""
    def barred(*args, **kwargs):
        raise AssertionError("a temporary file renamed over a device")

    monkeypatch.setattr(os, "replace", barred)
    monkeypatch.setattr(tempfile, "mkstemp", barred)
    write_atomic(os.devnull, "discarded\n")
    assert Path(os.devnull).is_char_device()
