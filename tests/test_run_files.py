"""A run's own files: factcheck's outputs in a scanned folder are no articles, one run never
writes one of its files over another, and a failure the output leaves out is said."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ARTICLE = "Harbour crane order\n\nPortlane ordered cranes worth $4 million in March 2024.\n"


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-config"], catch_exceptions=False)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    root = tmp_path / "desk"
    root.mkdir()
    (root / "crane.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return root


def test_a_folder_scanned_beside_its_baseline_report_and_outputs_reads_only_its_articles(desk):
    assert run("baseline", ".").exit_code == 0
    assert run("baseline", ".").exit_code == 0  # the first baseline is no article of the second
    assert run("extract", ".", "--out", "mentions.jsonl", "-q").exit_code == 0
    assert run("extract", ".", "--format", "csv", "--out", "mentions.csv", "-q").exit_code == 0
    assert run("scan", ".", "--format", "sarif", "--out", "findings.json", "-q").exit_code == 0
    assert run("claims", "Portlane", "--format", "csv", "--out", "found.csv").exit_code == 0
    assert run("claims", "Portlane", "--format", "json", "--out", "found.json").exit_code == 0
    res = run("scan", ".", "--baseline", "factcheck-baseline.json", "--format", "json", "-q")
    assert (desk / "reports" / "factcheck-report.html").exists()
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["documents"] == 1 and out["errors"] == []


@pytest.mark.parametrize("first, second", [("--baseline", "--out"), ("--report", "--out")])
def test_one_file_for_two_of_a_runs_files_is_a_usage_error_that_writes_nothing(desk, first, second):
    run("baseline", ".", "--out", "kept.json")
    before = (desk / "kept.json").read_text(encoding="utf-8")
    res = run("scan", ".", first, "kept.json", second, "kept.json", "--format", "json")
    assert res.exit_code == 2
    assert "are one file (kept.json)" in res.stderr
    assert (desk / "kept.json").read_text(encoding="utf-8") == before


def test_a_check_writing_its_output_over_the_draft_is_a_usage_error(desk):
    (desk / "archive").mkdir()
    (desk / "archive" / "old.txt").write_text(ARTICLE.replace("$4 million", "$40 million"), encoding="utf-8")
    res = run("check", "crane.txt", "--against", "archive", "--out", "crane.txt")
    assert res.exit_code == 2 and "a draft and --out are one file (crane.txt)" in res.stderr
    assert (desk / "crane.txt").read_text(encoding="utf-8") == ARTICLE


def test_findings_that_fail_the_run_unprinted_are_said(desk):
    (desk / "slip.txt").write_text(ARTICLE.replace("$4 million", "$400 million"), encoding="utf-8")
    res = run("scan", ".", "--no-report", "--format", "github", "--min-severity", "error", "--fail-on", "info")
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "below --min-severity error" in res.stderr and "--fail-on info" in res.stderr


def test_corpora_that_merely_look_like_tables_are_still_read(desk):
    (desk / "wire.jsonl").write_text('{"id": "w1", "text": "Portlane paid $5 million in 2024."}\n', encoding="utf-8")
    (desk / "list.json").write_text('[{"id": "j1", "text": "Portlane paid $6 million in 2024."}]', encoding="utf-8")
    (desk / "sheet.csv").write_text('id,text\nc1,Portlane paid $7 million in 2024.\n', encoding="utf-8")
    out = json.loads(run("scan", ".", "--format", "json", "--no-report", "-q").stdout)
    assert sorted(d["id"] for d in out["docs"]) == ["c1", "crane.txt", "j1", "w1"]


def test_an_unwritable_output_is_named_as_given_with_its_reason(desk):
    (desk / "afile").write_text("", encoding="utf-8")
    res = run("scan", ".", "--no-report", "--format", "json", "--out", "afile/o.json")
    assert res.exit_code == 2
    assert res.stderr.startswith("factcheck: cannot write afile/o.json: ")


def test_an_ignore_comment_naming_no_rule_is_said_with_its_place(desk):
    (desk / "note.md").write_text("Harbour cranes\n\n<!-- factcheck-ignore FC991 -->\nPortlane paid $9 million.\n",
                                  encoding="utf-8")
    res = run("scan", ".", "--no-report", "-q")
    assert "note.md:3: factcheck-ignore names FC991, which no rule has" in res.stderr
    assert "FC101" in res.stderr  # the names it could have meant


def test_the_progress_line_counts_in_the_singular_too():
    import io

    from factcheck.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(True, stream, label="scanning")
    progress.update(docs=1, mentions=1)
    progress.done()
    assert "scanning: 1 document, 1 mention (" in stream.getvalue()


def test_a_mistyped_rule_id_accepts_nothing_instead_of_every_rule(desk):
    # "FC1O1" (a letter O): read as the comment's reason, it made the comment accept every rule
    (desk / "slip.md").write_text("Harbour crane order\n\n<!-- factcheck-ignore FC1O1 -->\n"
                                  "Portlane ordered cranes worth $400 million in March 2024.\n", encoding="utf-8")
    res = run("scan", ".", "--no-report", "--format", "json", "-q", "--fail-on", "warning")
    assert "factcheck-ignore names FC1O1, which no rule has" in res.stderr
    findings = [f for f in json.loads(res.stdout)["findings"] if f["severity"] != "info"]
    assert findings and all(f["status"] == "new" for f in findings)
    assert res.exit_code == 1
