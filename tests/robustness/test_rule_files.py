"""Broken rule, lexicon and config files: one clear line naming the file and the key, exit 2.

Every case runs through the console entry point (`factcheck.cli.entry`, what the installed
`factcheck` script calls) with `--rules DIR`; two of them also in a separate process.
"""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

import pytest

from factcheck.ruleset import default_lexicon_dir
from tests.robustness.helpers import ARTICLE, assert_clean_stderr, run_cli, run_entry

GOOD = """[rule]
id = "NR1"
name = "newsroom-rule"
kind = "value_conflict"
severity = "warning"
message = "{a} and {b} differ"
"""


def rule(**changes: str | None) -> str:
    """GOOD with some `key = value` lines replaced (None: removed)."""
    lines = GOOD.splitlines()
    for key, value in changes.items():
        lines = [ln for ln in lines if not ln.startswith(f"{key} =")]
        if value is not None:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


# name -> (files in the --rules folder, the file the error names, key, fragment of the reason)
DECISION = """[model]
intercept = -7.0
[model.weights]
story = 1.5
[thresholds]
error = 0.99
warning = 0.9
info = 0.5
"""

CASES: dict[str, tuple[dict[str, str | bytes], str, str, str]] = {
    "unknown-top-level-key": ({"r.toml": GOOD + "[extra]\nx = 1\n"}, "r.toml", "extra", "unknown top-level key"),
    "unknown-rule-key": ({"r.toml": rule(severty='"error"')}, "r.toml", "rule.severty", "unknown key"),
    "wrong-type-severity": ({"r.toml": rule(severity="3")}, "r.toml", "rule.severity", "must be a str, got int"),
    "wrong-type-id": ({"r.toml": rule(id="5")}, "r.toml", "rule.id", "must be a str, got int"),
    "empty-id": ({"r.toml": rule(id='""')}, "r.toml", "rule.id", "must not be empty"),
    "wrong-type-description": ({"r.toml": rule(description="[1]")}, "r.toml", "rule.description", "must be a str"),
    "bad-severity": ({"r.toml": rule(severity='"fatal"')}, "r.toml", "rule.severity", "must be one of"),
    "missing-message": ({"r.toml": rule(message=None)}, "r.toml", "rule.message", "missing"),
    "missing-rule-table": ({"r.toml": "title = 'x'\n"}, "r.toml", "title", "unknown top-level key"),
    "rule-not-a-table": ({"r.toml": "rule = 5\n"}, "r.toml", "rule", "missing [rule] table"),
    "unknown-kind": ({"r.toml": rule(kind='"value_conflicts"')}, "r.toml", "rule.kind",
                     "unknown kind 'value_conflicts'; known: corroboration"),
    "unknown-param": ({"r.toml": GOOD + "[rule.params]\nrel_tolerence = 0.1\n"}, "r.toml",
                      "rule.params.rel_tolerence", "unknown parameter for kind 'value_conflict'; known: "),
    "wrong-type-param": ({"r.toml": GOOD + '[rule.params]\nrel_tolerance = "1%"\n'}, "r.toml",
                         "rule.params.rel_tolerance", "must be a float, got str"),
    "params-not-a-table": ({"r.toml": rule(params="5")}, "r.toml", "rule.params", "must be a table"),
    "bad-template": ({"r.toml": rule(message='"{a.nope} and {b"')}, "r.toml", "rule.message", "bad template"),
    "bad-attribute-template": ({"r.toml": rule(message='"{a.nope}"')}, "r.toml", "rule.message", "bad template"),
    "example-not-array": ({"r.toml": GOOD + '[example]\nexpect = "fire"\ndocs = []\n'}, "r.toml", "example",
                          "write [[example]]"),
    "example-unknown-key": ({"r.toml": GOOD + '[[example]]\nexpect = "fire"\ndocs = []\nnotes = "x"\n'}, "r.toml",
                            "example[0].notes", "unknown key"),
    "example-bad-expect": ({"r.toml": GOOD + '[[example]]\nexpect = "fires"\ndocs = []\n'}, "r.toml",
                           "example[0].expect", "must be 'fire' or 'quiet'"),
    "example-doc-wrong-type": ({"r.toml": GOOD + '[[example]]\nexpect = "fire"\ndocs = [{id = "a", text = 5}]\n'},
                               "r.toml", "example[0].docs[0].text", "must be a str, got int"),
    "example-doc-date-type": ({"r.toml": GOOD + '[[example]]\nexpect = "quiet"\n'
                                                'docs = [{id = "a", text = "x", date = 2024-01-02}]\n'},
                              "r.toml", "example[0].docs[0].date", "must be a str, got date"),
    "duplicate-id-in-folder": ({"a.toml": GOOD, "b.toml": GOOD}, "b.toml", "rule.id", "duplicate id 'NR1' (also in"),
    "duplicate-of-a-default-rule": ({"r.toml": rule(id='"FC101"')}, "r.toml", "rule.id",
                                    "duplicate id 'FC101' (also in"),
    "not-toml": ({"r.toml": "[rule\nid = 1\n"}, "r.toml", "-", "not valid TOML"),
    "not-utf8": ({"r.toml": GOOD.encode() + b'description = "caf\xe9"\n'}, "r.toml", "-", "not UTF-8"),
    "lexicon-unknown-table": ({"entities.toml": "[entites.Acme]\ntype = 'org'\n"}, "entities.toml", "entites",
                              "unknown key; known here: anaphora, demonyms, entity"),
    "lexicon-unknown-entity-key": ({"entities.toml": "[entity.Acme]\ntype = 'org'\nalias = ['Acme']\n"},
                                   "entities.toml", "entity.Acme.alias", "unknown key; known here: aliases, type"),
    "lexicon-wrong-type": ({"entities.toml": "[entity.Acme]\ntype = 'org'\naliases = 'Acme Inc'\n"},
                           "entities.toml", "entity.Acme.aliases", "must be an array, got string"),
    "lexicon-wrong-element-type": ({"entities.toml": "[entity.Acme]\naliases = ['Acme', 7]\n"}, "entities.toml",
                                   "entity.Acme.aliases[1]", "must be a string, got number"),
    "lexicon-bad-entity-type": ({"entities.toml": "[entity.Acme]\ntype = 'company'\n"}, "entities.toml",
                                "entity.Acme.type", "must be one of org, person, project, place"),
    "metrics-wrong-flag": ({"metrics.toml": "[money.grants]\nfamily = 'grants'\ncues = ['grant']\nvolatile = 'yes'\n"},
                           "metrics.toml", "money.grants.volatile", "must be a boolean, got string"),
    "decision-threshold-not-a-number": ({"decision.toml": DECISION.replace("warning = 0.9", "warning = 'high'")},
                                        "decision.toml", "thresholds.warning", "must be a number, got str"),
    "decision-unknown-feature": ({"decision.toml": DECISION.replace("[model.weights]", "[model.weights]\nmood = 1.0")},
                                 "decision.toml", "model.weights.mood", "unknown feature"),
    "decision-thresholds-out-of-order": ({"decision.toml": DECISION.replace("error = 0.99", "error = 0.5")},
                                         "decision.toml", "thresholds", "must satisfy error >= warning >= info"),
    "decision-unknown-parameter": ({"decision.toml": DECISION + "[stories]\nwindow = 3\n"}, "decision.toml",
                                   "stories.window", "unknown parameter"),
    "metrics-bad-regex": ({"metrics.toml": "[horizon]\npatterns = ['(by|until 20\\\\d\\\\d']\n"}, "metrics.toml",
                          "horizon.patterns[0]", "not a valid regular expression"),
    "metrics-metric-wrong-type": ({"metrics.toml": "[money.grants]\nfamily = 'grants'\ncues = 'grant'\n"},
                                  "metrics.toml", "money.grants.cues", "must be an array"),
    "rule-file-is-a-folder": ({"r.toml/": ""}, "r.toml", "-", "cannot read"),
}


def make_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    folder = root / "newsroom-rules"
    folder.mkdir()
    for name, content in files.items():
        if name.endswith("/"):
            (folder / name.rstrip("/")).mkdir()
        elif isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", [["rules", "list"], ["scan", "article.txt", "--no-report", "--no-cache", "-q"]],
                         ids=["rules-list", "scan"])
def test_broken_rule_or_lexicon_file_is_one_line_naming_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, case: str, command: list[str]
) -> None:
    files, named, key, fragment = CASES[case]
    folder = make_folder(tmp_path, files)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = astuple(run_entry([*command, "--rules", str(folder)], monkeypatch, capsys))
    assert code == 2, (out, err)
    [line] = assert_clean_stderr(err)
    assert line.startswith(f"factcheck: broken rule file: {folder / named}: {key}: "), line
    assert fragment in line, line
    assert out == ""


def test_the_default_lexicons_pass_their_own_check(monkeypatch, capsys, tmp_path: Path) -> None:
    """A --rules folder holding copies of the default lexicons (and no rules) is valid."""
    folder = make_folder(tmp_path, {name: (default_lexicon_dir() / name).read_text(encoding="utf-8")
                                    for name in ("entities.toml", "metrics.toml")})
    code, out, err = astuple(run_entry(["rules", "list", "--rules", str(folder)], monkeypatch, capsys))
    assert (code, err) == (0, "")
    assert "FC101" in out


def test_a_valid_newsroom_folder_extends_the_defaults(monkeypatch, capsys, tmp_path: Path) -> None:
    folder = make_folder(tmp_path, {
        "NR1.toml": GOOD + '[rule.params]\nrel_tolerance = 1\n[[example]]\nexpect = "quiet"\ndocs = []\n',
        "entities.toml": "[entity.Acme]\ntype = 'org'\naliases = ['Acme', 'Acme Corp']\n",
        "metrics.toml": "[money.grants]\nfamily = 'grants'\ncues = ['grant']\nvolatile = true\n"
                        "[table.labels.'Net grant']\nmetric = 'grants'\n[period.cues]\nsemester = 'H'\n",
    })
    code, out, err = astuple(run_entry(["rules", "show", "NR1", "--rules", str(folder)], monkeypatch, capsys))
    assert (code, err) == (0, ""), err
    assert "rel_tolerance = 1.0" in out


@pytest.mark.parametrize("args, fragment", [
    (["--rules", "missing-folder"], "--rules missing-folder: no such folder"),
    (["--rules", "article.txt"], "'article.txt' is a file"),
    (["--no-default-rules"], "--no-default-rules needs at least one --rules DIR"),
])
def test_bad_rules_options(tmp_path: Path, monkeypatch, capsys, args: list[str], fragment: str) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = astuple(run_entry(["rules", "list", *args], monkeypatch, capsys))
    assert code == 2
    assert fragment in err and "Traceback" not in err


CONFIG_CASES = {
    "unknown-key": ("fail_on = 'warning'\n", "fail_on"),
    "wrong-type": ("rules = 5\n", "rules"),
    "bad-choice": ("format = 'xml'\n", "format"),
    "wrong-type-bool": ("no-default-rules = 'yes'\n", "no-default-rules"),
    "not-toml": ("format = \n", "factcheck.toml"),
    "not-utf8": (b"format = 'j\xe9son'\n", "factcheck.toml"),
}


@pytest.mark.parametrize("case", list(CONFIG_CASES))
def test_broken_config_file_is_one_line_naming_file_and_key(tmp_path: Path, monkeypatch, capsys, case) -> None:
    content, key = CONFIG_CASES[case]
    config = tmp_path / "factcheck.toml"
    (config.write_bytes if isinstance(content, bytes) else config.write_text)(content)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = astuple(run_entry(["scan", "article.txt", "--no-report", "--no-cache", "-q"], monkeypatch,
                                       capsys))
    assert code == 2, (out, err)
    [line] = assert_clean_stderr(err)
    assert str(config) in line and key in line, line


@pytest.mark.parametrize("case", ["unknown-kind", "lexicon-wrong-type"])
def test_broken_rule_files_in_a_real_process(tmp_path: Path, case: str) -> None:
    files, named, key, fragment = CASES[case]
    folder = make_folder(tmp_path, files)
    run = run_cli("rules", "list", "--rules", folder, cwd=tmp_path)
    assert run.code == 2
    [line] = assert_clean_stderr(run.stderr)
    assert line.startswith(f"factcheck: broken rule file: {folder / named}: {key}: ") and fragment in line
