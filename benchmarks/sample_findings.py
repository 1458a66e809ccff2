#!/usr/bin/env python3
"""Draw warning/error findings at random from a scan, for judging by hand.

    factcheck scan ../shared/corpora/reuters21578.jsonl --format json --no-report > scan.json
    python benchmarks/sample_findings.py scan.json --n 40 --seed 41 > sample.md

Prints each drawn finding as Markdown: rule, message, why the figures were grouped, and both
quoted sentences, with an empty "verdict" line to fill in. The draw is fixed by `--seed`, over
the findings sorted by id, so the same scan gives the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scan", help="output of `factcheck scan --format json`")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--severity", default="warning,error", help="comma-separated severities to draw from")
    args = ap.parse_args(argv)
    with open(args.scan, encoding="utf-8") as fh:
        data = json.load(fh)
    wanted = set(args.severity.split(","))
    pool = sorted((f for f in data["findings"] if f["severity"] in wanted), key=lambda f: f["id"])
    drawn = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"# {len(drawn)} of {len(pool)} {'/'.join(sorted(wanted))} findings (seed {args.seed})\n")
    for i, f in enumerate(drawn, 1):
        print(f"## {i}. {f['rule']} {f['id']}\n\n{f['message']}\n\nwhy: {f['why']}\n")
        for m in f["mentions"]:
            sentence = " ".join(m["sentence"].split())
            print(f"- {m['doc']} “{m['text']}”: {sentence}")
        print("\nverdict: \n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
