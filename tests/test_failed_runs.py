"""A run that could not read its inputs loses nothing: the last report, findings file and
baseline stay byte for byte, it exits 2, and each message is said once, on stderr."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.robustness.helpers import assert_clean_stderr, run_cli

from .conftest import SEEDS


@pytest.fixture
def newsroom(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    first = run_cli("scan", "seeds", "-q", "--out", "findings.txt", cwd=tmp_path)
    assert first.code == 1, first.stderr
    assert (tmp_path / "reports" / "factcheck-report.html").is_file()
    return tmp_path


def _files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".fc-cache" not in p.parts}


def test_a_misspelled_path_leaves_the_report_and_says_so_once(newsroom):
    before = _files(newsroom)
    run = run_cli("scan", "seedz/", cwd=newsroom)
    assert run.code == 2
    assert run.stdout == ""
    lines = assert_clean_stderr(run.stderr)
    assert lines[0] == "factcheck: cannot read seedz/: no such file or folder"
    assert len(lines) == 2 and "seedz" not in lines[1] and "reports/factcheck-report.html left as it was" in lines[1]
    assert _files(newsroom) == before


def test_an_out_file_and_a_baseline_are_left_too(newsroom):
    (newsroom / "base.json").write_text('{"findings": []}\n', encoding="utf-8")
    before = _files(newsroom)
    scan = run_cli("scan", "typo", "--format", "sarif", "--out", "findings.txt", cwd=newsroom)
    base = run_cli("baseline", "typo", "--out", "base.json", cwd=newsroom)
    check = run_cli("check", "nodraft.md", "--against", "typo", "--report", "reports/factcheck-report.html",
                    cwd=newsroom)
    for run in (scan, base, check):
        assert run.code == 2 and run.stdout == ""
        assert "left as it was" in assert_clean_stderr(run.stderr)[-1]
    assert _files(newsroom) == before
    draftless = run_cli("check", "nodraft.md", "--against", "seeds", cwd=newsroom)  # the archive reads, no draft
    assert draftless.code == 2 and draftless.stdout == ""
    lines = assert_clean_stderr(draftless.stderr)
    assert lines[0] == "factcheck: cannot read nodraft.md: no such file or folder"
    assert lines[-1].startswith("factcheck: no draft could be read, so nothing was written")


def test_machine_readable_output_on_stdout_still_lists_the_errors(newsroom):
    before = _files(newsroom)
    run = run_cli("scan", "seedz/", "--format", "json", cwd=newsroom)
    assert run.code == 2
    assert json.loads(run.stdout)["errors"] == [{"source": "seedz/", "reason": "no such file or folder"}]
    assert _files(newsroom) == before


def test_a_partly_readable_scan_still_reports(newsroom):
    run = run_cli("scan", "seeds", "seedz/", "--format", "json", "-q", cwd=newsroom)
    assert run.code == 2 and json.loads(run.stdout)["documents"] == 5
    assert "seedz/" in (newsroom / "reports" / "factcheck-report.html").read_text(encoding="utf-8")
