#!/usr/bin/env python3
"""`factcheck extract` with each peer case's locale: for scoring locale-bound suites.

    python ../shared/eval/score_extract.py ../shared/peer/duckling_en_money.jsonl \\
        --cmd "python benchmarks/locale_extract.py ../shared/peer/duckling_en_money.jsonl"

The scorer builds a corpus of one document per case ("<suite>:<line index>") but passes no
locale, so "a grand" cannot be both the US and the Australian dollar. This wrapper takes the
`locale` of each case from the suite file, adds it to the corpus records (the field a newsroom
corpus would carry), and runs `factcheck extract` on that.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    suite, args = argv[0], argv[1:]
    if len(args) < 2 or args[0] != "extract":
        print("usage: locale_extract.py SUITE.jsonl extract CORPUS [options]", file=sys.stderr)
        return 2
    locales = []
    with open(suite, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                locales.append(json.loads(line).get("locale"))
    corpus = Path(args[1])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / corpus.name
        with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
            for line in src:
                rec = json.loads(line)
                index = int(str(rec["id"]).rsplit(":", 1)[-1])
                if 0 <= index < len(locales) and locales[index]:
                    rec["locale"] = locales[index]
                dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return subprocess.call(["factcheck", "extract", str(out), *args[2:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
