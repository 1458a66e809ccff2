"""The data files that ship with the package (`factcheck/data/<name>.toml`: lexicons, language
data): the project's one loader, each file read once per process.

The rule files and a user's configuration are not data of the package: `ruleset.py` and
`config.py` read those, with the error messages a user needs.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file `factcheck/data/<name>.toml` (shared: do not change it)."""
    with (DATA_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
