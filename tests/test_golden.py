"""The seeds' mentions and findings match the reviewed golden files.

After a deliberate change: `python tests/golden/regenerate.py`, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

from .golden.seeds import golden_findings, golden_mentions

GOLD = Path(__file__).parent / "golden"
HINT = "run `python tests/golden/regenerate.py` and review the diff if the change is intended"


def test_seed_mentions_match_the_golden_file():
    assert golden_mentions() == (GOLD / "seeds_mentions.jsonl").read_text(encoding="utf-8"), HINT


def test_seed_findings_match_the_golden_file():
    assert golden_findings() == (GOLD / "seeds_findings.json").read_text(encoding="utf-8"), HINT
