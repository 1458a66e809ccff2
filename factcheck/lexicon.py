"""Load the data files (lexicons) that ship with the package, once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file `factcheck/data/<name>.toml`."""
    with (DATA_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
