"""Check every article of one corpus that states an amount, as a draft, against an archive of
another time and place, and count the drafts that get a warning or error against the archive:
with no story in common, each one is a false alarm an editor would have to read.

    python benchmarks/check_unrelated.py ../shared/corpora/bbc.jsonl ../shared/corpora/reuters21578.jsonl

Prints the drafts checked, those flagged against the archive (and the findings), then one line
per finding. Findings between two drafts are left out: two BBC articles may tell one story.
`factcheck` must be on PATH (or pass `--cmd`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

AMOUNT = re.compile(r"[$£€][0-9]")  # an article stating an amount in a currency sign


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("drafts", help="corpus JSONL whose articles are checked as drafts")
    ap.add_argument("archive", help="corpus JSONL (or folder) to check them against")
    ap.add_argument("--cmd", default="factcheck", help="command that runs factcheck")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = []
        with open(args.drafts, encoding="utf-8") as inp:
            for line in inp:
                record = json.loads(line) if line.strip() else None
                if record and AMOUNT.search(record.get("text") or ""):
                    name = folder / (re.sub(r"[^\w.-]", "_", str(record["id"])) + ".txt")
                    name.write_text(f"{record.get('title') or ''}\n\n{record['text']}", encoding="utf-8")
                    names.append(name)
        out = folder / "findings.json"
        subprocess.run([*args.cmd.split(), "check", *map(str, names), "--against", args.archive, "--quiet",
                        "--no-report", "--format", "json", "--out", str(out)], check=False)
        findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    drafts = {str(n) for n in names} | {n.name for n in names}  # a draft's id: its path as given
    flagged, against = set(), []
    for f in findings:
        docs = {str(m.get("doc")) for m in f["mentions"]}
        if f["severity"] in ("warning", "error") and docs - drafts:
            flagged |= docs & drafts
            against.append(f)
    print(f"{len(names)} drafts checked, {len(flagged)} flagged against the archive ({len(against)} findings)")
    for f in sorted(against, key=lambda f: f["message"]):
        print(f"  {f['severity']} {f['rule']} {f['score']}: {f['message'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
