"""Regenerate the seeds' golden files after a deliberate change; review the diff.

    python tests/golden/regenerate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.golden.seeds import golden_findings, golden_mentions  # noqa: E402

if __name__ == "__main__":
    (HERE / "seeds_mentions.jsonl").write_text(golden_mentions(), encoding="utf-8")
    (HERE / "seeds_findings.json").write_text(golden_findings(), encoding="utf-8")
    print(f"wrote {HERE / 'seeds_mentions.jsonl'} and {HERE / 'seeds_findings.json'}")
