"""`factcheck check`: drafts against the archive, through the archive store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.check import check
from factcheck.cli import main
from factcheck.pipeline import scan
from factcheck.store import Store

from .conftest import SEEDS

NEWSROOM = Path(__file__).parent / "data" / "newsroom"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A copy of the test newsroom, the working folder, with a store folder of its own."""
    root = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return root


def findings_of(res) -> list[dict]:
    return json.loads(res.stdout)["findings"]


# -- what is reported ----------------------------------------------------------------


def test_a_draft_contradicting_the_archive_fails_with_that_finding_only(newsroom):
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--format", "json", "-q")
    assert res.exit_code == 1, res.stderr
    out = json.loads(res.stdout)
    assert [(f["rule"], f["severity"], f["status"]) for f in out["findings"]] == [("FC102", "error", "new")]
    assert {m["text"] for m in out["findings"][0]["mentions"]} == {"$500", "$500bn"}
    # the archive's own contradiction (Acme Robotics 2015 vs 2019) does not involve the draft
    assert out["drafts"] == ["drafts/stargate-slip.md"]
    assert out["documents"] == 5 and out["mentions"] > 5


def test_a_draft_that_agrees_passes(newsroom):
    res = run("check", "drafts/clean.md", "--against", "articles", "--format", "json", "-q")
    assert res.exit_code == 0
    assert {f["severity"] for f in findings_of(res)} <= {"info"}


def test_a_draft_contradicting_itself_is_reported_without_an_archive_partner(newsroom):
    (newsroom / "drafts" / "self.md").write_text(
        "# Acme\n\nAcme Corp said it will invest 40 mln dlrs in a new plant. Later, Acme Corp said it will "
        "invest 45 mln dlrs in the plant.\n", encoding="utf-8")
    res = run("check", "drafts/self.md", "--against", "articles", "--format", "json", "-q", "--fail-on", "warning")
    assert res.exit_code == 1
    assert [f["rule"] for f in findings_of(res)] == ["FC105"]


def test_text_output_points_at_the_draft(newsroom):
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "-q")
    first = res.stdout.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert (path, line, col) == ("drafts/stargate-slip.md", "9", "22")
    assert rest.split()[:2] == ["error", "FC102"]
    assert res.stdout.splitlines()[-1].startswith("1 draft against 4 archive documents")


def test_check_gives_the_findings_of_a_full_scan_that_involve_the_draft(newsroom):
    """Loading only the draft's claim blocks loses nothing: same ids, same messages."""
    shutil.copy(newsroom / "drafts" / "stargate-slip.md", newsroom / "articles" / "stargate-slip.md")
    full = run("scan", "articles", "--format", "json", "--no-report", "-q")
    want = [f for f in findings_of(full) if "stargate-slip.md" in f["documents"]]
    res = run("check", "articles/stargate-slip.md", "--against", "articles", "--format", "json", "-q")
    got = findings_of(res)
    assert want and [(f["id"], f["message"]) for f in got] == [(f["id"], f["message"]) for f in want]
    # the draft has its archive id, and its archived copy is not compared with itself
    assert json.loads(res.stdout)["drafts"] == ["stargate-slip.md"]
    assert json.loads(res.stdout)["documents"] == 5


def _only_supports(finding, draft: str) -> bool:
    """Every figure the draft has in the finding states a value another article's figure in it
    states too: the draft agrees with one side of an archive contradiction, it is not a side."""
    others = {_value(m) for m in finding.mentions if m["doc"] != draft}
    return all(_value(m) in others for m in finding.mentions if m["doc"] == draft)


def _value(m):
    return (m["value"], m["currency"], m["date_start"], m["date_end"])


@pytest.mark.parametrize("draft", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_check_gives_a_full_scans_findings_in_which_the_draft_is_a_side(tmp_path, ruleset, draft):
    full = scan([str(SEEDS)], ruleset)
    got = check([str(SEEDS / draft)], [str(SEEDS)], ruleset, store=Store(tmp_path / "c"))
    want = {f.id for f in full.findings if draft in f.docs}
    assert {f.id for f in got.findings} <= want
    left_out = [f for f in full.findings if f.id in want - {g.id for g in got.findings}]
    assert all(_only_supports(f, draft) for f in left_out), [f.message for f in left_out]
    assert got.documents == len(full.corpus.docs) and got.mention_count == len(full.corpus.mentions)


def test_stdin_draft(newsroom):
    text = (newsroom / "drafts" / "stargate-slip.md").read_bytes()
    res = run("check", "-", "--against", "articles", "--format", "json", "-q", input=text)
    assert res.exit_code == 1
    assert [f["rule"] for f in findings_of(res)] == ["FC102"]


def test_archive_from_the_config_file(newsroom):
    (newsroom / "factcheck.toml").write_text('archive = ["articles"]\n', encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "--format", "json", "-q")
    assert res.exit_code == 1 and [f["rule"] for f in findings_of(res)] == ["FC102"]


def test_no_archive_is_a_usage_error(newsroom):
    res = run("check", "drafts/clean.md", "--no-config")
    assert res.exit_code == 2 and "--against" in res.stderr


def test_unreadable_draft_exits_2_after_the_output(newsroom):
    res = run("check", "drafts/nope.md", "--against", "articles", "--format", "json", "-q")
    assert res.exit_code == 2
    assert json.loads(res.stdout)["errors"][0]["source"] == "drafts/nope.md"


@pytest.mark.parametrize("skip", [[], ["--skip-unreadable"]], ids=["plain", "skip-unreadable"])
def test_an_archive_of_which_nothing_could_be_read_fails_with_or_without_skip_unreadable(newsroom, skip):
    (newsroom / "report.html").write_text("last run", encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "--against", "nowhere/", "--against", "gone.jsonl",
              "--report", "report.html", "--no-config", *skip)
    assert res.exit_code == 2
    assert "cannot read nowhere/: no such file or folder" in res.stderr
    assert "cannot read gone.jsonl: no such file or folder" in res.stderr
    assert "no archive document could be read from nowhere/, gone.jsonl" in res.stderr
    assert "check the --against paths" in res.stderr and "pass --skip-unreadable" not in res.stderr
    assert "0 findings" not in res.stdout
    assert (newsroom / "report.html").read_text(encoding="utf-8") == "last run"  # a failed run overwrites nothing


def test_an_archive_holding_only_the_draft_is_no_error(newsroom):
    (newsroom / "solo").mkdir()
    shutil.copy(newsroom / "drafts" / "clean.md", newsroom / "solo")
    res = run("check", "solo/clean.md", "--against", "solo", "-q", "--no-config")
    assert res.exit_code == 0, res.stderr


def test_a_partly_readable_archive_still_checks(newsroom):
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--against", "nowhere/",
              "--skip-unreadable", "--format", "json", "-q", "--no-config")
    assert res.exit_code == 1, res.stderr  # the findings decide
    assert [f["rule"] for f in findings_of(res)] == ["FC102"]
    plain = run("check", "drafts/clean.md", "--against", "articles", "--against", "nowhere/", "-q", "--no-config")
    assert plain.exit_code == 2
    assert "1 input could not be read; the output lists it. Fix or remove it, or pass --skip-unreadable." in (
        plain.stderr)


def test_check_help_states_warning_as_the_fail_on_default():
    text = " ".join(run("check", "--help").stdout.split())
    assert "[default: fail-on in the config, else warning]" in text and "[default: error]" not in text
    scan_help = " ".join(run("scan", "--help").stdout.split())
    assert "[default: fail-on in the config, else error]" in scan_help


def test_no_cache_reads_everything_and_writes_nothing(newsroom, tmp_path):
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--no-cache", "-q")
    assert res.exit_code == 1
    assert not (tmp_path / "cache").exists()


def test_report_option_writes_html(newsroom):
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--report", "out/r.html", "-q")
    assert res.exit_code == 1
    assert "FC102" in (newsroom / "out" / "r.html").read_text(encoding="utf-8")


# -- inline suppression --------------------------------------------------------------


def test_markdown_ignore_comment_suppresses_but_still_reports(newsroom):
    res = run("check", "drafts/stargate-suppressed.md", "--against", "articles", "--format", "json", "-q")
    assert res.exit_code == 0  # an error-level finding, suppressed: never failing
    (f,) = findings_of(res)
    assert (f["rule"], f["status"]) == ("FC102", "suppressed")
    assert f["suppression"]["reason"].startswith("the statement really says $500")
    # the figure inside the comment is not a mention of the article
    assert all(m["line"] != 9 for m in f["mentions"])
    text = run("check", "drafts/stargate-suppressed.md", "--against", "articles", "-q").stdout
    assert "[suppressed at line 9" in text and "1 suppressed" in text


def test_html_ignore_block_suppresses(newsroom):
    res = run("check", "drafts/harbour-suppressed.html", "--against", "articles", "--format", "json", "-q",
              "--fail-on", "warning")
    assert res.exit_code == 0
    (f,) = findings_of(res)
    assert (f["rule"], f["status"]) == ("FC101", "suppressed")


def test_ignore_comment_for_another_rule_does_not_suppress(newsroom):
    p = newsroom / "drafts" / "stargate-suppressed.md"
    p.write_text(p.read_text(encoding="utf-8").replace("factcheck-ignore FC102", "factcheck-ignore FC101"),
                 encoding="utf-8")
    res = run("check", str(p.relative_to(newsroom)), "--against", "articles", "--format", "json", "-q")
    assert res.exit_code == 1 and findings_of(res)[0]["status"] == "new"


def test_scan_honours_ignore_comments_too(newsroom):
    shutil.copy(newsroom / "drafts" / "stargate-suppressed.md", newsroom / "articles")
    res = run("scan", "articles", "--format", "json", "--no-report", "-q")
    assert res.exit_code == 0
    assert [f["status"] for f in findings_of(res) if f["rule"] == "FC102"] == ["suppressed"]


# -- the store -----------------------------------------------------------------------


def test_warm_check_reads_from_the_store_and_analyses_nothing(tmp_path, ruleset):
    archive = [str(NEWSROOM / "articles")]
    draft = [str(NEWSROOM / "drafts" / "stargate-slip.md")]
    cold = Store(tmp_path / "c")
    first = check(draft, archive, ruleset, store=cold)
    assert (cold.stats.sources_built, cold.stats.docs_analysed) == (1, 5)  # four articles and the draft
    warm = Store(tmp_path / "c")
    second = check(draft, archive, ruleset, store=warm)
    assert (warm.stats.sources_built, warm.stats.docs_analysed) == (0, 0)
    assert [f.as_dict() for f in second.findings] == [f.as_dict() for f in first.findings]


def test_an_edited_archive_is_reread_but_only_changed_articles_are_analysed(tmp_path, ruleset):
    archive = tmp_path / "articles"
    shutil.copytree(NEWSROOM / "articles", archive)
    draft = [str(NEWSROOM / "drafts" / "stargate-slip.md")]
    check(draft, [str(archive)], ruleset, store=Store(tmp_path / "c"))
    p = archive / "stargate.md"
    p.write_text(p.read_text(encoding="utf-8").replace("$500bn", "$600bn"), encoding="utf-8")
    s = Store(tmp_path / "c")
    res = check(draft, [str(archive)], ruleset, store=s)
    assert (s.stats.sources_built, s.stats.docs_reused, s.stats.docs_analysed) == (1, 3, 1)
    assert "$600bn" in set(res.corpus.mentions["text"])
    fresh = check(draft, [str(archive)], ruleset)
    assert [f.as_dict() for f in res.findings] == [f.as_dict() for f in fresh.findings]
    assert [(src.path, src.documents) for src in s.sources()] == [(str(archive), 4)]  # one listing per source


def test_a_corpus_file_archive_is_stored_too(tmp_path, ruleset):
    corpus = tmp_path / "wire.jsonl"
    texts = ["Stargate will invest $500bn over the next four years.",
             "Acme Robotics was founded in 2015 by two engineers."]
    corpus.write_text("".join(json.dumps({"id": f"w{i}", "text": t, "date": "2025-01-22"}) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    draft = [str(NEWSROOM / "drafts" / "stargate-slip.md")]
    check(draft, [str(corpus)], ruleset, store=Store(tmp_path / "c"))
    s = Store(tmp_path / "c")
    res = check(draft, [str(corpus)], ruleset, store=s)
    assert s.stats.sources_built == 0 and [f.rule for f in res.findings] == ["FC102"]
    assert {"w0"} <= {d.id for d in res.corpus.docs}


def test_the_store_folder_is_safe_to_delete(newsroom, tmp_path):
    assert run("check", "drafts/stargate-slip.md", "--against", "articles", "-q").exit_code == 1
    shutil.rmtree(tmp_path / "cache")
    assert run("check", "drafts/stargate-slip.md", "--against", "articles", "-q").exit_code == 1
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file() and (tmp_path / "cache" / "archive.sqlite").is_file()


def test_cache_commands(newsroom, tmp_path):
    run("check", "drafts/clean.md", "--against", "articles", "-q")
    info = run("cache", "info").stdout
    lines = info.splitlines()
    assert lines[0] == str(tmp_path / "cache" / "archive.sqlite")
    assert "1 archive source, 5 documents analysed (texts alike across sources once)" in lines[1]
    assert lines[2].startswith("  articles: 4 documents,")
    assert run("cache", "clear").exit_code == 0
    assert not (tmp_path / "cache" / "archive.sqlite").exists()
    assert "0 archive sources" in run("cache", "info").stdout
    stray = tmp_path / "not-a-cache"
    stray.mkdir()
    (stray / "keep.txt").write_text("x", encoding="utf-8")
    assert run("cache", "clear", "--cache-dir", str(stray)).exit_code == 2
    assert (stray / "keep.txt").exists()


def test_an_unwritable_store_folder_only_warns(newsroom, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--cache-dir", str(blocker / "sub"))
    assert res.exit_code == 1 and "cannot write to the cache" in res.stderr
    assert res.stderr.count("cannot write to the cache") == 1


def test_two_concurrent_checks_share_one_store(tmp_path):
    """Two processes building the same sources at once: both answer, the store stays sound."""
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "c"))
    cmd = [sys.executable, "-m", "factcheck", "check", str(NEWSROOM / "drafts" / "stargate-slip.md"),
           "--against", str(NEWSROOM / "articles"), "--against", str(SEEDS), "--format", "json", "-q"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [1, 1], [o[1] for o in outs]
    assert outs[0][0] == outs[1][0] and outs[0][1] == outs[1][1] == b""
    s = Store(tmp_path / "c")
    assert sorted((src.path, src.documents) for src in s.sources()) == sorted([(str(NEWSROOM / "articles"), 4),
                                                                                (str(SEEDS), 5)])
    third = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert third.stdout == outs[0][0]


def test_stored_scan_gives_the_same_bytes(tmp_path):
    plain = run("scan", str(SEEDS), "--format", "json", "--no-report", "-q", "--no-cache").stdout
    cold = run("scan", str(SEEDS), "--format", "json", "--no-report", "-q", "--cache-dir", str(tmp_path)).stdout
    warm = run("scan", str(SEEDS), "--format", "json", "--no-report", "-q", "--cache-dir", str(tmp_path)).stdout
    assert plain == cold == warm
    assert Store(tmp_path).stats.sources_loaded == 0 and [s.documents for s in Store(tmp_path).sources()] == [5]


def test_check_help_has_an_example():
    for cmd in (["check"], ["cache"], ["cache", "info"], ["cache", "clear"]):
        res = run(*cmd, "--help")
        assert res.exit_code == 0 and "Example" in res.stdout


def _example_cases():
    from factcheck.ruleset import load_rules

    for rule in load_rules().rules:
        for n, ex in enumerate(rule.examples):
            if len(ex.docs) >= 2:
                yield pytest.param(ex.docs, id=f"{rule.id}-{n}")


@pytest.mark.parametrize("docs", list(_example_cases()))
def test_check_matches_scan_on_every_rule_example(tmp_path, ruleset, docs):
    """Each rule example's last article as the draft: check finds what a scan finds for it."""
    def write(name, records):
        p = tmp_path / name
        p.write_text("".join(json.dumps(dict(r)) + "\n" for r in records), encoding="utf-8")
        return str(p)

    archive, draft = write("archive.jsonl", docs[:-1]), write("draft.jsonl", docs[-1:])
    full = scan([archive, draft], ruleset)
    want = sorted((f.id, f.rule) for f in full.findings if docs[-1]["id"] in f.docs)
    got = check([draft], [archive], ruleset, store=Store(tmp_path / "c"))
    assert sorted((f.id, f.rule) for f in got.findings) == want


def test_a_failing_article_becomes_an_error_not_a_crash(tmp_path, monkeypatch, ruleset):
    import factcheck.analysis as analysis

    real = analysis.analyse

    def flaky(doc, lex):
        if "Acme Robotics" in doc.text and "2019" in doc.text:
            raise KeyError("boom")
        return real(doc, lex)

    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    monkeypatch.setattr(analysis, "analyse", flaky)
    s = Store(tmp_path / "c")
    res = check([str(NEWSROOM / "drafts" / "stargate-slip.md")], [str(NEWSROOM / "articles")], ruleset, store=s)
    assert [f.rule for f in res.findings] == ["FC102"]
    (err,) = res.corpus.errors
    assert "robotics-b.md" in err.source and "analysis failed (KeyError" in err.reason
    assert res.archive_documents == 3
    monkeypatch.setattr(analysis, "analyse", real)  # same bytes, same code: the stored listing, error and all
    again = check([str(NEWSROOM / "drafts" / "stargate-slip.md")], [str(NEWSROOM / "articles")], ruleset,
                  store=Store(tmp_path / "c"))
    assert [(e.source, e.reason) for e in again.corpus.errors] == [(err.source, err.reason)]


def test_a_warm_check_of_an_unchanged_draft_loads_no_extractor(tmp_path):
    """Everything from the cache: the extractors' patterns are never compiled."""
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "c"))
    args = [str(NEWSROOM / "drafts" / "stargate-slip.md"), "--against", str(NEWSROOM / "articles")]
    subprocess.run([sys.executable, "-m", "factcheck", "check", *args, "-q"], env=env, capture_output=True,
                   check=False, timeout=300)
    probe = ("import sys\nfrom factcheck.cli import main\ntry:\n"
             f"    main.main({['check', *args, '-q', '--out', os.devnull]!r}, standalone_mode=False)\n"
             "except SystemExit:\n    pass\nprint('factcheck.extract' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300)
    assert res.stdout.strip().splitlines()[-1] == "False", res.stdout + res.stderr


def test_check_accepts_scans_no_report_and_refuses_it_beside_a_report(tmp_path):
    """Scripts pass scan's options to check: --no-report is check's default; with --report too,
    the two contradict each other."""
    draft = tmp_path / "draft.md"
    draft.write_text("Stargate will invest $500 billion over the next four years.\n", encoding="utf-8")
    base = ["check", str(draft), "--against", str(SEEDS), "--no-cache", "-q"]
    assert CliRunner().invoke(main, [*base, "--no-report"]).exit_code in (0, 1)
    both = CliRunner().invoke(main, [*base, "--no-report", "--report", str(tmp_path / "r.html")])
    assert both.exit_code == 2 and "contradict" in both.output
    assert not (tmp_path / "r.html").exists()
