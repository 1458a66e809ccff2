"""Loading rule folders: what a --rules folder that cannot be used is called."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.ruleset import RuleFileError, load_rules


def test_a_missing_rules_folder_is_said_not_to_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nonexist"
    with pytest.raises(RuleFileError) as caught:
        load_rules([str(missing)])
    assert str(caught.value) == f"{missing}: --rules: no such folder"
    assert "not a folder" not in str(caught.value)


def test_a_rules_path_that_is_a_file_is_said_not_to_be_a_folder(tmp_path: Path) -> None:
    plain = tmp_path / "rules.toml"
    plain.write_text("", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules([str(plain)])
    assert str(caught.value) == f"{plain}: --rules: not a folder"


def test_scan_with_a_missing_rules_folder_says_so_and_exits_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Acme said on Monday it would invest $5 million in the plant.", encoding="utf-8")
    missing = tmp_path / "nonexist"
    result = CliRunner().invoke(main, ["scan", str(article), "--rules", str(missing), "--no-report", "-q"])
    assert result.exit_code == 2
    assert f"--rules {missing}: no such folder" in result.output
    assert "broken rule file" not in result.output  # nothing in it is broken: it is not there


def _rule_with_message(folder: Path, message: str) -> Path:
    folder.mkdir()
    (folder / "nr1.toml").write_text(
        '[rule]\nid = "NR1"\nname = "newsroom-magnitude"\nkind = "scale_mismatch"\nseverity = "warning"\n'
        f'message = "{message}"\n', encoding="utf-8")
    return folder / "nr1.toml"


def test_a_message_naming_no_field_is_a_broken_rule_file(tmp_path: Path) -> None:
    """"{nonsense}" would print nothing where the editor expects a figure: the run stops, naming
    the file, the key and the mistyped name."""
    path = _rule_with_message(tmp_path / "rules", "{nonsense} against {b_all}")
    res = CliRunner().invoke(main, ["rules", "list", "--rules", str(tmp_path / "rules")])
    assert res.exit_code == 2
    assert str(path) in res.output and "rule.message" in res.output and "{nonsense} names nothing" in res.output


def test_every_documented_message_field_is_accepted(tmp_path: Path) -> None:
    fields = "{a} {a_doc} {a_quote} {a_all} {b} {b_doc} {b_quote} {b_all} {actor} {metric} {about} {docs} " \
             "{n_docs} {orders} {ratio}"
    _rule_with_message(tmp_path / "rules", fields)
    assert load_rules([str(tmp_path / "rules")]).get("NR1") is not None


def test_rules_list_keeps_its_columns_whatever_the_length_of_an_id(tmp_path: Path) -> None:
    _rule_with_message(tmp_path / "rules", "{a_quote} against {b_all}")
    lines = CliRunner().invoke(main, ["rules", "list", "--rules", str(tmp_path / "rules")]).stdout.splitlines()
    assert len({line.index(line.split()[1]) for line in lines}) == 1  # every severity starts in one column
