"""SARIF output validates against the official SARIF 2.1.0 schema (vendored in tests/data)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import SEEDS

DATA = Path(__file__).parent / "data"
NEWSROOM = DATA / "newsroom"
jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def assert_valid(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_the_vendored_schema_is_the_official_one():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert (DATA / "sarif-schema-2.1.0.LICENSE.md").is_file()


def test_scan_sarif_validates(validator):
    log = json.loads(run("scan", str(SEEDS), "--format", "sarif", "--no-report", "-q", "--no-config").stdout)
    assert_valid(validator, log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["results"]
    for r in run_["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] and loc["region"]["startLine"] >= 1
        assert r["partialFingerprints"]["factcheckClaim/v1"].startswith("fc-")
        assert r["baselineState"] == "new"


def test_check_sarif_with_baseline_suppression_and_errors_validates(validator, tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(NEWSROOM, root)
    monkeypatch.chdir(root)
    assert run("baseline", "articles", "--out", "base.json", "-q", "--no-config").exit_code == 0
    shutil.copy(root / "drafts" / "stargate-suppressed.md", root / "articles")
    (root / "articles" / "broken.txt").write_bytes(b"")
    res = run("scan", "articles", "--format", "sarif", "--baseline", "base.json", "--no-report", "-q",
              "--no-config")
    assert res.exit_code == 2  # an unreadable input
    log = json.loads(res.stdout)
    assert_valid(validator, log)
    results = log["runs"][0]["results"]
    states = {(r["ruleId"], r["baselineState"], r["properties"]["status"]) for r in results}
    assert {("FC201", "unchanged", "baseline"), ("FC102", "new", "suppressed")} <= states
    suppressed = [r for r in results if r["properties"]["status"] == "suppressed"]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    assert "confirmed with the desk" in suppressed[0]["suppressions"][0]["justification"]
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("broken.txt" in n["message"]["text"] for n in notes)

    (root / "articles" / "my draft.md").write_text(
        (root / "drafts" / "stargate-slip.md").read_text(encoding="utf-8"), encoding="utf-8")
    res = run("check", "articles/my draft.md", "--against", "articles", "--format", "sarif", "--baseline",
              "base.json", "-q", "--no-config", "--no-cache", "--skip-unreadable")
    assert res.exit_code == 1
    log = json.loads(res.stdout)
    assert_valid(validator, log)
    (only,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "FC102"]
    assert (only["baselineState"], only["properties"]["status"]) == ("new", "new")
    # the suppressed article's comment does not hide the same slip in another article
    assert "suppressions" not in only
    assert only["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/my%20draft.md"


def test_fixed_baseline_entries_travel_in_run_properties(validator, tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(NEWSROOM / "articles", root / "articles")
    monkeypatch.chdir(root)
    run("baseline", "articles", "--out", "base.json", "-q", "--no-config")
    p = root / "articles" / "robotics-b.md"
    p.write_text(p.read_text(encoding="utf-8").replace("2019", "2015"), encoding="utf-8")
    log = json.loads(run("scan", "articles", "--format", "sarif", "--baseline", "base.json", "--no-report", "-q",
                         "--no-config").stdout)
    assert_valid(validator, log)
    assert [e["rule"] for e in log["runs"][0]["properties"]["fixed"]] == ["FC201"]


def test_an_invalid_log_is_caught(validator):
    """The validator really validates: a result without a message fails."""
    log = json.loads(run("scan", str(SEEDS), "--format", "sarif", "--no-report", "-q", "--no-config").stdout)
    del log["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(log))


@pytest.mark.parametrize("gaps", [False, True], ids=["three-lines", "blank-and-broken-lines-before"])
def test_sarif_places_a_finding_in_record_3_at_its_line_of_the_corpus_file(validator, tmp_path, monkeypatch, gaps):
    """The location is the corpus file at the record's line (no column, offset or snippet:
    those of the figure are positions in the record's text); the record is named by a
    logical location, and the figure's place in its text is kept in properties."""
    from .test_record_location import record_lines, write_corpus

    monkeypatch.chdir(tmp_path)
    one, two, three = record_lines()
    write_corpus(tmp_path / "pier.jsonl", [one, "", two, "{broken", three] if gaps else [one, two, three])
    log = json.loads(run("scan", "pier.jsonl", "--format", "sarif", "--no-report", "-q", "--no-config",
                         "--no-cache", "--skip-unreadable").stdout)
    assert_valid(validator, log)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "FC101"]
    line = 5 if gaps else 3
    where = result["locations"][0]
    assert where["physicalLocation"] == {"artifactLocation": {"uri": "pier.jsonl"}, "region": {"startLine": line}}
    assert where["logicalLocations"] == [{"name": "pier-3", "kind": "object"}]
    assert where["properties"] == {"record": "pier-3", "textLine": 3, "textColumn": 28, "textOffset": 46,
                                   "textLength": 10, "snippet": "$4 million"}
    assert {k: result["properties"][k] for k in ("record", "textLine", "textColumn")} == {
        "record": "pier-3", "textLine": 3, "textColumn": 28}
    related = {r["properties"]["record"]: r["physicalLocation"]["region"] for r in result["relatedLocations"]}
    assert related == {"pier-1": {"startLine": 1}, "pier-2": {"startLine": 3 if gaps else 2}}
