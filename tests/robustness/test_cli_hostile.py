"""The real command line over hostile inputs: it finishes, lists every unread input with its
reason (stderr, --format json, the HTML report), exits 2, and never shows a traceback."""

from __future__ import annotations

import codecs
import ctypes
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.robustness.helpers import (
    ARTICLE,
    HOSTILE_FILES,
    assert_clean_stderr,
    cannot_read_lines,
    run_cli,
    run_entry,
    write_hostile_tree,
)


class ErrorRows(HTMLParser):
    """(input, reason) rows of the report's "Inputs that could not be read" table."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, str]] = []
        self._in_errors = False
        self._cells: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self._in_errors = dict(attrs).get("id") == "errors"
        elif self._in_errors and tag == "tr":
            self._cells = []
        elif self._cells is not None and tag == "td":
            self._cells.append("")

    def handle_endtag(self, tag):
        if tag == "tr" and self._cells:
            self.rows.append((self._cells[0], self._cells[1]))
            self._cells = None
        elif tag == "section":
            self._in_errors = False

    def handle_data(self, data):
        if self._cells:
            self._cells[-1] += data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder of every hostile file, plus a symlink loop, a pipe and a corpus with bad lines."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    expected = write_hostile_tree(folder)
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink(folder / "sub", folder / "sub" / "self")
    os.mkfifo(folder / "fifo.txt")
    expected[str(folder / "fifo.txt")] = "not a regular file"
    wire = folder / "wire.jsonl"
    wire.write_text(json.dumps({"id": "w1", "text": ARTICLE}) + "\n{oops\n"
                    + json.dumps({"id": "w3", "text": "Acme said it would invest $50 million in 2025."}) + "\n")
    expected[f"{wire}:2"] = "invalid JSON"
    return root, expected


def _scan(root: Path, *paths: str | Path, extra: tuple[str, ...] = ()) -> tuple:
    report = root / "report.html"
    run = run_cli("scan", *paths, "--format", "json", "-q", "--report", report, "--no-cache", *extra, cwd=root)
    return run, report


def test_scan_of_a_hostile_folder_lists_every_unread_input_everywhere(hostile) -> None:
    root, expected = hostile
    missing = root / "missing.txt"
    expected = {**expected, str(missing): "no such file or folder"}
    run, report = _scan(root, root / "in", missing)
    assert run.code == 2, run.stderr
    assert_clean_stderr(run.stderr)
    out = run.json()
    readable = 1 + sum(reason is None for _, reason in HOSTILE_FILES.values())  # with good.txt
    assert out["documents"] == readable + 2  # and the two good lines of wire.jsonl
    # stdout (--format json)
    listed = {e["source"]: e["reason"] for e in out["errors"]}
    assert set(listed) == set(expected)
    for source, fragment in expected.items():
        assert fragment in listed[source], (source, listed[source])
    # stderr: one line per input, naming it and the reason
    lines = cannot_read_lines(run.stderr)
    assert lines == listed
    # the HTML report
    rows = dict(ErrorRows(report.read_text(encoding="utf-8")).rows)
    assert rows == listed


def test_skip_unreadable_lists_them_but_exits_on_findings(hostile) -> None:
    root, expected = hostile
    run, _ = _scan(root, root / "in", extra=("--skip-unreadable", "--fail-on", "never"))
    assert run.code == 0, run.stderr
    assert set(cannot_read_lines(run.stderr)) == set(expected)
    assert {e["source"] for e in run.json()["errors"]} == set(expected)


@pytest.mark.parametrize("command", [
    ["extract", "--format", "csv"],
    ["scan", "--format", "sarif", "--no-report"],
    ["baseline", "--out", "baseline.json"],
], ids=lambda c: "-".join(c[:3:2]))
def test_every_command_survives_the_hostile_folder(hostile, command: list[str], monkeypatch, capsys) -> None:
    root, expected = hostile
    cache = [] if command[0] == "extract" else ["--no-cache"]
    monkeypatch.chdir(root)
    run = run_entry([*command[:1], root / "in", *command[1:], "-q", *cache], monkeypatch, capsys)
    assert run.code == 2, run.stderr
    assert set(cannot_read_lines(run.stderr)) == set(expected)


def test_check_survives_a_hostile_archive_and_a_hostile_draft(hostile, monkeypatch, capsys) -> None:
    root, expected = hostile
    draft = root / "draft.pdf.md"
    draft.write_bytes(b"%PDF-1.4 not really markdown")
    monkeypatch.chdir(root)
    run = run_entry(["check", draft, "--against", root / "in", "-q", "--no-cache"], monkeypatch, capsys)
    assert run.code == 2, run.stderr
    lines = cannot_read_lines(run.stderr)
    assert set(lines) == {*expected, str(draft)}
    assert "binary file (PDF)" in lines[str(draft)]


STDIN_CASES = {
    "empty": (b"", "empty file"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG)"),
    "bad-utf16": (codecs.BOM_UTF16_LE + "Acme paid $5 million.".encode("utf-16-le") + b"\x00",
                  "cannot decode as UTF-16"),
}


@pytest.mark.parametrize("case", list(STDIN_CASES))
def test_hostile_stdin(tmp_path: Path, case: str, monkeypatch, capsys) -> None:
    data, reason = STDIN_CASES[case]
    monkeypatch.chdir(tmp_path)
    args = ["scan", "-", "--format", "json", "--no-report", "-q"]
    # one in a real process (bytes through a real pipe), the others through the same entry point in-process
    run = run_cli(*args, cwd=tmp_path, stdin=data) if case == "bad-utf16" else run_entry(args, monkeypatch, capsys,
                                                                                           stdin=data)
    assert run.code == 2
    assert reason in cannot_read_lines(run.stderr)["<stdin>"]
    assert [e["source"] for e in run.json()["errors"]] == ["<stdin>"]


@pytest.mark.parametrize("data", ["Caf\u00e9 paid \u20ac5 million.".encode("cp1252"),
                                  codecs.BOM_UTF16_BE + "Caf\u00e9 paid \u20ac5 million.".encode("utf-16-be")],
                         ids=["cp1252", "utf-16"])
def test_stdin_in_cp1252_and_utf16_is_read(tmp_path: Path, data: bytes, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_entry(["extract", "-", "-q"], monkeypatch, capsys, stdin=data)
    assert run.code == 0, run.stderr
    [row] = [json.loads(line) for line in run.stdout.splitlines()]
    assert (row["text"], row["value"], row["currency"]) == ("\u20ac5 million", 5e6, "EUR")


def _drop_dac_override() -> bool:
    """In the child, before exec: give up root's right to read files whatever their mode."""
    if os.geteuid() != 0:
        return True
    libc = ctypes.CDLL(None, use_errno=True)
    PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2
    return all(libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0 for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH))


def test_unreadable_file_and_folder_with_real_permissions(tmp_path: Path) -> None:
    """chmod 000, then the CLI in a process that cannot override file modes.

    As a normal user that is any process; as root (CI containers) the child drops
    CAP_DAC_OVERRIDE from its bounding set before exec. Where even that is not allowed the
    read is made to fail the way it does for a mode-000 file, so the case is never skipped.
    """
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0)
    locked.chmod(0)
    probe = subprocess.run(["cat", str(secret)], capture_output=True, preexec_fn=_drop_dac_override)
    try:
        if probe.returncode != 0:  # the kernel really refuses: run the real CLI that way
            proc = subprocess.run([sys.executable, "-m", "factcheck", "scan", str(folder), "--format", "json",
                                   "--no-report", "-q", "--no-cache"], capture_output=True, text=True,
                                  cwd=tmp_path, preexec_fn=_drop_dac_override, timeout=120)
        else:  # no way to drop the override here: fail the same reads by hand
            shim = ("import builtins, os, sys\n"
                    "deny = set(sys.argv[1:3]); del sys.argv[1:3]\n"
                    "real_open, real_scandir = builtins.open, os.scandir\n"
                    "def fake_open(f, *a, **k):\n"
                    "    if str(f) in deny: raise PermissionError(13, 'Permission denied', str(f))\n"
                    "    return real_open(f, *a, **k)\n"
                    "def fake_scandir(p='.'):\n"
                    "    if str(p) in deny: raise PermissionError(13, 'Permission denied', str(p))\n"
                    "    return real_scandir(p)\n"
                    "builtins.open, os.scandir = fake_open, fake_scandir\n"
                    "from factcheck.cli import entry\n"
                    "sys.argv[0] = 'factcheck'; entry()\n")
            proc = subprocess.run([sys.executable, "-c", shim, str(secret), str(locked), "scan", str(folder),
                                   "--format", "json", "--no-report", "-q", "--no-cache"],
                                  capture_output=True, text=True, cwd=tmp_path, timeout=120)
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)
    assert proc.returncode == 2, proc.stderr
    assert cannot_read_lines(proc.stderr) == {str(secret): "Permission denied", str(locked): "Permission denied"}
    assert json.loads(proc.stdout)["documents"] == 1


def test_output_and_report_paths_that_cannot_be_written_are_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file").write_text("x")
    monkeypatch.chdir(tmp_path)
    for args in (["--report", tmp_path / "file" / "report.html"], ["--no-report", "--out", tmp_path / "file" / "o"]):
        run = run_entry(["scan", tmp_path / "a.txt", "-q", "--no-cache", *args], monkeypatch, capsys)
        assert run.code == 2
        [line] = assert_clean_stderr(run.stderr)
        assert str(tmp_path / "file") in line


def test_no_traceback_even_for_a_broken_baseline_or_config(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cases = {
        "baseline.json": (b"\x00\xff{", ["--baseline", "baseline.json"]),
        "trunc.json": (b'{"version": 1, "findings": [{"id": "x"', ["--baseline", "trunc.json"]),
        "factcheck.toml": (b"format = [1, 2\n", ["--config", "factcheck.toml"]),
        "bad.toml": (b"\xff\xfe not toml", ["--config", "bad.toml"]),
    }
    for name, (content, args) in cases.items():
        (tmp_path / name).write_bytes(content)
        monkeypatch.chdir(tmp_path)
        run = run_entry(["scan", "a.txt", "--no-report", "-q", "--no-cache", *args], monkeypatch, capsys)
        assert run.code == 2, (name, run.stderr)
        [line] = assert_clean_stderr(run.stderr)
        assert name in line, line

