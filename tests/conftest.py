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


@pytest.fixture(autouse=True)
def _private_store(tmp_path_factory, monkeypatch):
    """Scans and checks keep an archive store by default: each test gets a folder of its own
    (inherited by the processes it starts), never the user's cache."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("store")))
