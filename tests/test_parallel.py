"""--jobs: the same output, byte for byte, as one process; the cache still works."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import parallel
from factcheck.cli import main
from factcheck.documents import ReadError
from factcheck.pipeline import documents_from_records, gather

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


def run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout


@pytest.mark.parametrize("command", [["scan", "--format", "json", "--no-report"], ["extract", "--format", "jsonl"],
                                     ["scan", "--format", "sarif", "--no-report"]])
def test_jobs_2_equals_jobs_1(command, corpus):
    one = run(*command, str(SEEDS), str(corpus), "--jobs", "1", "--skip-unreadable", "-q")
    two = run(*command, str(SEEDS), str(corpus), "--jobs", "2", "--skip-unreadable", "-q")
    assert one[1] and one == two


def test_jobs_with_cache_equals_without(corpus, tmp_path):
    cache = str(tmp_path / "cache")
    plain = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable")
    cold = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable",
               "--jobs", "2", "--cache-dir", cache)
    warm = run("scan", str(SEEDS), str(corpus), "--format", "json", "--no-report", "-q", "--skip-unreadable",
               "--jobs", "2", "--cache-dir", cache)
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


def test_memo_order_and_failures(ruleset, monkeypatch):
    """Known documents answered in the main process, new ones recorded in input order."""
    from factcheck.cache import DocMemo, analysis_version

    docs = documents_from_records(synthetic.articles(30, seed=9))
    items = [*docs[:10], ReadError("x", "unreadable"), *docs[10:], docs[0]]
    memo1, memo2 = DocMemo(analysis_version(ruleset)), DocMemo(analysis_version(ruleset))
    memo1.analyse(docs[3], ruleset.lexicon)
    memo2.analyse(docs[3], ruleset.lexicon)
    seq = gather(iter(items), ruleset, memo=memo1, jobs=1)
    par = gather(iter(items), ruleset, memo=memo2, jobs=2)
    assert seq == par
    assert memo1.keys == memo2.keys
    assert memo1.hits == 2 and memo2.hits >= 1  # a repeat still in flight is analysed again


def test_resolve_jobs():
    assert parallel.resolve_jobs(0) >= 1
    assert parallel.resolve_jobs(3) == 3


def test_jobs_help():
    for cmd in ("scan", "extract", "baseline", "check"):
        assert "--jobs" in run(cmd, "--help")[1]
