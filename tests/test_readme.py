"""The README is the user's manual: its two setup commands must be there, once, intact."""

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_sections_each_appear_once():
    # A botched scripted edit once pasted a paragraph between every character (43 MB README).
    text = README.read_text(encoding="utf-8")
    headings = re.findall(r"(?m)^## .+$", text)
    assert headings, "README has no sections"
    assert len(headings) == len(set(headings)), "a README section is duplicated"
    assert len(text) < 200_000, f"README is {len(text)} characters: a paste gone wrong?"


def test_readme_gives_the_scan_and_test_commands():
    text = README.read_text(encoding="utf-8")
    assert "factcheck scan seeds" in text
    assert "python -m pytest" in text


def _readme_rule(tmp_path: Path) -> Path:
    """The README's custom rule, written to a folder exactly as the README shows it."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[rule\]\n.*?)```", text, re.S)
    assert block, "the README shows no rule file"
    folder = tmp_path / "newsroom-rules"
    folder.mkdir()
    (folder / "NR1.toml").write_text(block.group(1), encoding="utf-8")
    return folder


def test_the_readmes_custom_rule_applies_its_own_parameter(tmp_path: Path) -> None:
    """min_orders = 1.5 in the README's rule: a factor of 50 is a scale mismatch for it, while
    the default FC103 (min_orders 2) stays quiet on the same pair."""
    from click.testing import CliRunner

    from factcheck.cli import main

    folder = _readme_rule(tmp_path)
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Acme Corp will invest $10 million in a new plant."}\n'
        '{"id": "b", "text": "Acme Corp will invest $500 million in a new plant."}\n', encoding="utf-8")
    for extra in ([], ["--no-default-rules"]):
        res = CliRunner().invoke(main, ["scan", str(corpus), "--rules", str(folder), *extra, "--no-report",
                                        "--no-cache", "--format", "json", "-q"])
        assert res.exit_code in (0, 1), res.output
        rules = {f["rule"] for f in __import__("json").loads(res.stdout)["findings"]}
        assert "NR1" in rules and "FC103" not in rules, rules


def test_the_readmes_custom_rule_folder_works_alone(tmp_path: Path) -> None:
    """--rules DIR --no-default-rules: the folder's rule is the only one, the lexicons still load."""
    from click.testing import CliRunner

    from factcheck.cli import main

    folder = _readme_rule(tmp_path)
    res = CliRunner().invoke(main, ["rules", "list", "--rules", str(folder), "--no-default-rules"])
    assert res.exit_code == 0, res.output
    assert "NR1" in res.output and "FC101" not in res.output
