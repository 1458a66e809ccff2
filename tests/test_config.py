"""factcheck.toml / [tool.factcheck]: found upward, overridden by options, strict about keys."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.config import ConfigError, discover, load

NEWSROOM = Path(__file__).parent / "data" / "newsroom"


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(NEWSROOM, root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # never the real user cache
    return root


def test_discovered_upward_from_a_subfolder(project, monkeypatch):
    (project / "factcheck.toml").write_text('archive = ["articles"]\nfail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(project / "drafts")
    assert discover() == project / "factcheck.toml"
    cfg = load(discover())
    assert cfg.get("archive") == ["../articles"]  # relative to the config's folder, as reached from here
    res = run("check", "stargate-slip.md", "--format", "json", "--cache-dir", str(project / ".cache"))
    assert res.exit_code == 0  # fail-on never, from the file
    assert [f["rule"] for f in json.loads(res.stdout)["findings"]] == ["FC102"]


def test_pyproject_tool_table(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\narchive = ["articles"]\n'
                                            'format = "json"\n', encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "-q", "--no-cache")
    assert res.exit_code == 1 and json.loads(res.stdout)["findings"][0]["rule"] == "FC102"


def test_a_pyproject_without_the_table_is_passed_over(project, tmp_path):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('format = "github"\n', encoding="utf-8")
    assert discover() == tmp_path / "factcheck.toml"


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json"\n', encoding="utf-8")
    (project / "factcheck.toml").write_text('format = "github"\n', encoding="utf-8")
    assert discover() == project / "factcheck.toml"


def test_command_line_overrides_the_file(project):
    (project / "factcheck.toml").write_text('archive = ["drafts"]\nformat = "json"\nfail-on = "never"\n',
                                            encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "--against", "articles", "--format", "text", "--fail-on",
              "error", "-q", "--no-cache")
    assert res.exit_code == 1
    assert res.stdout.startswith("drafts/stargate-slip.md:9:22: error FC102")


def test_scan_takes_format_fail_on_baseline_and_rules_from_the_file(project):
    rules = project / "newsroom-rules"
    rules.mkdir()
    (rules / "NR1.toml").write_text(
        '[rule]\nid = "NR1"\nname = "founding"\nkind = "date_conflict"\nseverity = "error"\n'
        'message = "{a_quote} vs {b_all}"\n', encoding="utf-8")
    (project / "factcheck.toml").write_text(
        'rules = ["newsroom-rules"]\nformat = "json"\nbaseline = "base.json"\n', encoding="utf-8")
    assert run("baseline", "articles", "-q").exit_code == 0  # writes base.json: the configured baseline
    assert "NR1" in {e["rule"] for e in json.loads((project / "base.json").read_text(encoding="utf-8"))["findings"]}
    res = run("scan", "articles", "--no-report", "-q")
    assert res.exit_code == 0
    assert {f["status"] for f in json.loads(res.stdout)["findings"]} == {"baseline"}
    assert "NR1" in run("rules", "list").stdout


def test_a_check_prints_concise_lines_when_the_file_says_so(project):
    """`format = "concise"`: the check's finding lines alone, then its summary."""
    (project / "factcheck.toml").write_text('archive = ["articles"]\nformat = "concise"\n', encoding="utf-8")
    res = run("check", "drafts/stargate-slip.md", "-q", "--no-cache")
    full = run("check", "drafts/stargate-slip.md", "-q", "--no-cache", "--format", "text")
    assert res.exit_code == full.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith("drafts/stargate-slip.md:9:22: error FC102") and "[evidence:" not in lines[0]
    assert lines[1:] == [full.stdout.splitlines()[-1]]


def test_no_config_ignores_the_file(project):
    (project / "factcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    res = run("scan", "articles", "--no-report", "-q", "--no-config")
    assert not res.stdout.startswith("{")


def test_explicit_config_file(project, tmp_path):
    other = tmp_path / "ci.toml"
    other.write_text('format = "github"\n', encoding="utf-8")
    res = run("scan", "articles", "--no-report", "-q", "--config", str(other))
    assert res.stdout.startswith("::warning file=")


@pytest.mark.parametrize(("text", "key", "says"), [
    ('fail_on = "error"\n', "fail_on", "did you mean 'fail-on'"),
    ('colour = "red"\n', "colour", "unknown key"),
    ('fail-on = "sometimes"\n', "fail-on", "must be one of error, warning, info, never"),
    ("archive = 3\n", "archive", "must be a list of paths"),
    ('no-default-rules = "yes"\n', "no-default-rules", "must be true or false"),
    ("cache-dir = []\n", "cache-dir", "must be a path"),
    ('format = "xml"\n', "format", "must be one of text, full, concise, json, sarif, github"),
])
def test_unknown_keys_and_wrong_types_name_the_file_and_the_key(project, text, key, says):
    (project / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as ex:
        load(project / "factcheck.toml")
    assert ex.value.key == key
    for cmd in (["scan", "articles", "--no-report"], ["check", "drafts/clean.md", "--against", "articles"],
                ["extract", "articles"], ["baseline", "articles"]):
        res = run(*cmd, "-q")
        assert res.exit_code == 2, cmd
        assert "factcheck.toml" in res.stderr and key in res.stderr and says in res.stderr


def test_pyproject_errors_name_the_tool_table_key(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nbaselines = "b.json"\n', encoding="utf-8")
    res = run("scan", "articles", "--no-report", "-q")
    assert res.exit_code == 2
    assert "pyproject.toml: tool.factcheck.baselines: unknown key (did you mean 'baseline'?)" in res.stderr


def test_invalid_toml_is_a_usage_error(project):
    (project / "factcheck.toml").write_text('format = "json\n', encoding="utf-8")
    res = run("scan", "articles", "--no-report", "-q")
    assert res.exit_code == 2 and "factcheck.toml" in res.stderr and "not valid TOML" in res.stderr


def test_cache_dir_from_the_file_and_the_environment(project, monkeypatch, tmp_path):
    (project / "factcheck.toml").write_text('archive = ["articles"]\ncache-dir = ".fc-cache"\n', encoding="utf-8")
    run("check", "drafts/clean.md", "-q")
    assert (project / ".fc-cache" / "archive.sqlite").is_file()
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "env-cache"))
    run("check", "drafts/clean.md", "-q")
    assert (tmp_path / "env-cache" / "archive.sqlite").is_file()  # the environment beats the file
    run("check", "drafts/clean.md", "-q", "--cache-dir", str(tmp_path / "opt-cache"))
    assert (tmp_path / "opt-cache" / "archive.sqlite").is_file()  # the option beats both


def test_scan_and_check_keep_a_store_in_the_user_cache_folder_by_default(project, tmp_path):
    assert run("scan", "articles", "--no-report", "-q").exit_code == 0
    store = tmp_path / "xdg-cache" / "factcheck" / "archive.sqlite"
    assert store.is_file()
    before = store.stat().st_mtime_ns
    assert run("check", "drafts/stargate-slip.md", "--against", "articles", "-q").exit_code == 1
    assert store.stat().st_mtime_ns >= before


def test_no_cache_in_the_config_turns_the_store_off(project, tmp_path):
    (project / "factcheck.toml").write_text('archive = ["articles"]\nno-cache = true\n', encoding="utf-8")
    assert run("check", "drafts/stargate-slip.md", "-q").exit_code == 1
    assert run("scan", "articles", "--no-report", "-q").exit_code == 0
    assert not (tmp_path / "xdg-cache").exists()
    run("scan", "articles", "--no-report", "-q", "--cache-dir", str(tmp_path / "opt"))  # the option wins
    assert (tmp_path / "opt" / "archive.sqlite").is_file()


def test_a_rules_folder_the_config_names_that_is_missing_is_said_with_the_config_file(project):
    (project / "factcheck.toml").write_text('rules = ["house-rules"]\n', encoding="utf-8")
    res = run("rules", "list")
    assert res.exit_code == 2
    assert f"{project / 'factcheck.toml'}: rules: house-rules: no such folder" in res.stderr
