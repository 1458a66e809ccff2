"""The command line as users and CI see it: the contract of INTERFACES.md on the seeds."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import SEEDS


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_mentions():
    res = run("extract", str(SEEDS), "--format", "jsonl", "--quiet")
    assert res.exit_code == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


@pytest.fixture(scope="module")
def seed_scan():
    res = run("scan", str(SEEDS), "--format", "json", "--no-report", "--quiet")
    return res.exit_code, json.loads(res.stdout)


def money(rows, doc_prefix, text):
    return [r for r in rows if r["kind"] == "money" and r["doc"].startswith(doc_prefix) and r["text"] == text]


def test_extract_finds_every_money_figure_of_the_seeds(seed_mentions):
    m = seed_mentions
    assert len(money(m, "001", "$10 million")) == 5
    assert money(m, "001", "$13 billion")[0]["value"] == 13e9
    over = money(m, "001", "over $100 billion")[0]
    assert (over["low"], over["high"], over["qualifier"]) == (1e11, None, "more_than")
    assert money(m, "002", "$500bn")[0]["value"] == 5e11
    assert money(m, "002", "$100bn")[0]["value"] == 1e11
    seven = [r for r in m if r["doc"].startswith("003") and r["value"] == 7e12]
    assert len(seven) == 3 and sum(r["qualifier"] == "up_to" for r in seven) == 2
    assert all(r["high"] == 7e12 for r in seven)
    at_least = money(m, "004", "mindestens 500 Milliarden US-Dollar")[0]
    assert (at_least["low"], at_least["high"], at_least["currency"]) == (5e11, None, "USD")
    assert money(m, "004", "100 Milliarden US-Dollar")[0]["value"] == 1e11
    assert money(m, "004", "500 US-Dollar")[0]["value"] == 500
    assert money(m, "004", "277 Millionen Dollar")[0]["value"] == 277e6


@pytest.mark.parametrize(("doc", "text", "low", "high"), [
    ("001", "billions of dollars", 1e9, 1e12),
    ("003", "billions of dollars", 1e9, 1e12),
    ("003", "several billion dollars", 2e9, 1e10),
    ("004", "wenige Milliarden", 1e9, 1e10),
])
def test_vague_seed_amounts_have_order_of_magnitude_bounds(seed_mentions, doc, text, low, high):
    row = money(seed_mentions, doc, text)[0]
    assert (row["qualifier"], row["low"], row["high"], row["value"]) == ("vague", low, high, None)


@pytest.mark.parametrize(("doc", "text", "start", "end", "gran"), [
    ("001", "2019", "2019-01-01", "2020-01-01", "year"),
    ("002", "22 Jan 2025", "2025-01-22", "2025-01-23", "day"),
    ("002", "2015", "2015-01-01", "2016-01-01", "year"),
    ("002", "March 2023", "2023-03-01", "2023-04-01", "month"),
    ("002", "December 2024", "2024-12-01", "2025-01-01", "month"),
    ("002", "2030", "2030-01-01", "2031-01-01", "year"),
    ("002", "November", "2024-11-01", "2024-12-01", "month"),
    ("004", "2023", "2023-01-01", "2024-01-01", "year"),
])
def test_extract_finds_the_seed_dates_with_granularity(seed_mentions, doc, text, start, end, gran):
    rows = [r for r in seed_mentions if r["kind"] == "date" and r["doc"].startswith(doc) and r["text"] == text]
    assert rows, f"{text!r} not found in {doc}"
    assert (rows[0]["date_start"], rows[0]["date_end"], rows[0]["granularity"]) == (start, end, gran)


def test_every_mention_quotes_its_own_text(seed_mentions):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in seed_mentions:
        assert texts[r["doc"]][r["start"]:r["end"]] == r["text"]
        assert r["text"] in r["sentence"]


def test_money_and_date_columns_are_exclusive(seed_mentions):
    for r in seed_mentions:
        if r["kind"] == "money":
            assert r["date_start"] is None and r["granularity"] is None
        else:
            assert r["value"] is None and r["currency"] is None


def finding(out, rule, *texts):
    for f in out["findings"]:
        got = {m["text"] for m in f["mentions"]}
        if f["rule"] == rule and set(texts) <= got:
            return f
    return None


def test_scan_reports_the_missing_magnitude_of_stargates_total_as_an_error(seed_scan):
    _, out = seed_scan
    f = finding(out, "FC102", "500 US-Dollar", "mindestens 500 Milliarden US-Dollar", "$500bn")
    assert f is not None and f["severity"] == "error"
    assert "500 US-Dollar" in f["message"] and f["status"] == "new"
    assert f["why"]  # the reason the figures were grouped is shown


def test_scan_reports_the_scale_mismatch_of_altmans_infrastructure_money(seed_scan):
    _, out = seed_scan
    f = finding(out, "FC103", "$10 million", "$7 trillion")
    assert f is not None and f["severity"] == "warning"
    assert {m["doc"][:3] for m in f["mentions"]} >= {"001", "003"}


def test_scan_notes_that_xais_launch_dates_agree_with_one_less_precise(seed_scan):
    _, out = seed_scan
    f = finding(out, "FC202", "March 2023", "2023")
    assert f is not None and f["severity"] == "info"


@pytest.mark.parametrize(("a", "b"), [("$13 billion", "over $100 billion"), ("$100bn", "$500bn")])
def test_scan_does_not_flag_different_claims_as_conflicts(seed_scan, a, b):
    _, out = seed_scan
    for f in out["findings"]:
        if f["severity"] in ("error", "warning"):
            assert not {a, b} <= {m["text"] for m in f["mentions"]}, f["message"]


def test_scan_json_has_the_contract_shape(seed_scan):
    code, out = seed_scan
    assert code == 1  # an error-level finding with the default --fail-on error
    assert out["documents"] == 5 and out["mentions"] > 20 and out["errors"] == []
    for f in out["findings"]:
        assert {"id", "rule", "severity", "message", "mentions", "status"} <= set(f)
        for m in f["mentions"]:
            assert {"doc", "start", "end", "text", "sentence", "value"} <= set(m)


def test_fail_on_sets_the_exit_code():
    assert run("scan", str(SEEDS), "--no-report", "-q", "--fail-on", "never").exit_code == 0
    assert run("scan", str(SEEDS), "--no-report", "-q", "--fail-on", "warning").exit_code == 1


def test_scan_output_is_deterministic():
    a = run("scan", str(SEEDS), "--format", "json", "--no-report", "-q").stdout
    b = run("scan", str(SEEDS), "--format", "json", "--no-report", "-q").stdout
    assert a == b


def test_text_format_is_path_line_col_severity_rule_message():
    out = run("scan", str(SEEDS), "--no-report", "-q").stdout
    first = out.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path.endswith(".txt") and line.isdigit() and col.isdigit()
    assert rest.split()[0] in ("error", "warning", "info") and rest.split()[1].startswith("FC")


def test_unreadable_input_is_listed_and_exits_2_after_full_output(tmp_path):
    shutil.copy(SEEDS / "004_bb1226a51bf4e116.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4\x00\x00binary")
    res = run("scan", str(tmp_path), "--format", "json", "--no-report", "-q")
    assert res.exit_code == 2
    out = json.loads(res.stdout)
    assert out["documents"] == 1
    assert [e["source"].endswith("b.txt") for e in out["errors"]] == [True]
    assert "b.txt" in res.stderr


def test_skip_unreadable_lets_the_findings_decide(tmp_path):
    (tmp_path / "ok.txt").write_text("Acme Corp will invest $5 million.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    res = run("scan", str(tmp_path), "--no-report", "-q", "--skip-unreadable")
    assert res.exit_code == 0
    assert "bad.txt" in res.stdout  # still listed


def test_stdin_is_one_document():
    res = run("extract", "-", input=b"Stargate will invest $500bn over four years.")
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(r["doc"], r["text"], r["value"]) for r in rows] == [("-", "$500bn", 5e11)]


def test_extract_csv_has_the_contract_columns():
    res = run("extract", str(SEEDS / "002_9bcf6e8d9c5eb8cb.txt"), "--format", "csv", "-q")
    header = res.stdout.splitlines()[0].split(",")
    assert header[:16] == ["doc", "kind", "start", "end", "text", "lang", "sentence", "value", "low",
                           "high", "currency", "qualifier", "per", "date_start", "date_end", "granularity"]


def test_broken_rule_file_names_the_file_and_key(tmp_path):
    (tmp_path / "X1.toml").write_text('[rule]\nid = "X1"\nname = "x"\nkind = "value_conflict"\n'
                                      'severity = "fatal"\nmessage = "m"\n', encoding="utf-8")
    res = run("scan", str(SEEDS), "--rules", str(tmp_path), "--no-report")
    assert res.exit_code == 2
    assert "X1.toml" in res.stderr and "rule.severity" in res.stderr


def test_a_newsroom_rule_folder_adds_a_rule(tmp_path):
    (tmp_path / "NR1.toml").write_text(
        '[rule]\nid = "NR1"\nname = "strict-scale"\nkind = "scale_mismatch"\nseverity = "error"\n'
        'message = "{a_quote} vs {b_all}"\n[rule.params]\nmin_orders = 2.0\n', encoding="utf-8")
    assert "NR1" in run("rules", "list", "--rules", str(tmp_path)).stdout
    res = run("scan", str(SEEDS), "--rules", str(tmp_path), "--format", "json", "--no-report", "-q")
    assert any(f["rule"] == "NR1" for f in json.loads(res.stdout)["findings"])


def test_rules_show_prints_kind_params_and_examples():
    out = run("rules", "show", "FC102").stdout
    assert "magnitude_slip" in out and "min_orders" in out and "example 1 (fire)" in out
    assert run("rules", "show", "NOPE").exit_code == 2


@pytest.mark.parametrize("cmd", [[], ["extract"], ["scan"], ["baseline"], ["rules"], ["rules", "list"],
                                 ["rules", "show"]])
def test_every_command_has_help_with_an_example(cmd):
    res = run(*cmd, "--help")
    assert res.exit_code == 0
    assert "Example" in res.stdout


def test_baseline_marks_known_findings_and_passes(tmp_path):
    base = tmp_path / "baseline.json"
    assert run("baseline", str(SEEDS), "--out", str(base), "-q").exit_code == 0
    doc = json.loads(base.read_text(encoding="utf-8"))
    assert doc["findings"] == sorted(doc["findings"], key=lambda e: e["id"])
    res = run("scan", str(SEEDS), "--baseline", str(base), "--format", "json", "--no-report", "-q")
    assert res.exit_code == 0
    assert {f["status"] for f in json.loads(res.stdout)["findings"]} == {"baseline"}


def test_corrupt_baseline_is_a_usage_error(tmp_path):
    base = tmp_path / "baseline.json"
    base.write_text("{not json", encoding="utf-8")
    res = run("scan", str(SEEDS), "--baseline", str(base), "--no-report")
    assert res.exit_code == 2 and "baseline.json" in res.stderr


def test_sarif_output_has_fingerprints_and_baseline_state():
    log = json.loads(run("scan", str(SEEDS), "--format", "sarif", "--no-report", "-q").stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert results and all(r["partialFingerprints"] and r["baselineState"] == "new" for r in results)


def test_github_format_is_workflow_commands():
    out = run("scan", str(SEEDS), "--format", "github", "--no-report", "-q").stdout
    assert out.startswith("::error file=") and "::warning file=" in out


def test_rules_show_takes_an_id_in_any_case():
    res = run("rules", "show", "fc101")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("FC101: ")


def test_extract_and_claims_help_describe_what_they_write():
    extract_help = " ".join(run("extract", "--help").stdout.split())
    assert "let the exit code follow the findings" not in extract_help
    assert "--skip-unreadable Exit 0 with the mentions of the inputs that could be read" in extract_help
    claims_help = " ".join(run("claims", "--help").stdout.split())
    assert "--out FILE Write the figures to FILE" in claims_help and "Write findings" not in claims_help


def test_cache_clear_counts_one_file_in_the_singular(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n", encoding="utf-8")
    (cache / "archive.sqlite").write_bytes(b"")  # the store's one file
    res = run("cache", "clear", "--cache-dir", str(cache), "--no-config")
    assert res.exit_code == 0, res.stderr
    assert f"factcheck: removed 1 file from {cache}" in res.stderr


def test_extract_of_nothing_readable_fails_and_keeps_the_out_file(tmp_path):
    out = tmp_path / "mentions.jsonl"
    out.write_text("last run\n", encoding="utf-8")
    res = run("extract", str(tmp_path / "nowhere"), "--out", str(out), "--skip-unreadable", "-q")
    assert res.exit_code == 2
    assert "nothing could be read" in res.stderr and "check the paths" in res.stderr
    assert "--skip-unreadable" not in res.stderr
    assert out.read_text(encoding="utf-8") == "last run\n"
