"""Shared fixtures. Tests are self-contained: they never read ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ruleset import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_rules()
