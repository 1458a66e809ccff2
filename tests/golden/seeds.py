"""What the golden files hold: the seeds' mentions and findings through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert res.exit_code in (0, 1), res.stderr
    return res.stdout


def golden_mentions() -> str:
    return _run("extract", str(ROOT / "seeds"), "--format", "jsonl", "--quiet")


def golden_findings() -> str:
    out = json.loads(_run("scan", str(ROOT / "seeds"), "--format", "json", "--no-report", "--quiet"))
    keep = [{"id": f["id"], "rule": f["rule"], "severity": f["severity"], "message": f["message"],
             "why": f["why"], "mentions": [[m["doc"], m["start"], m["end"], m["text"]] for m in f["mentions"]]}
            for f in out["findings"]]
    return json.dumps({"documents": out["documents"], "mentions": out["mentions"], "findings": keep},
                      ensure_ascii=False, indent=1) + "\n"
