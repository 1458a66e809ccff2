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
