"""Write a corpus without what says who published each article, to measure what the
cross-outlet evidence is worth: the same articles read as one publisher's.

    python benchmarks/strip_outlets.py ../shared/corpora/basil.jsonl /tmp/basil_bare.jsonl
    python ../shared/eval/score_conflicts.py ../shared/eval/conflicts_dev_basil.json /tmp/basil_bare.jsonl

Drops every field `factcheck` reads an outlet from (`outlet`, `publisher`, `publication`,
`site_name`, `source`, `url`); the rest of each record is written as it was, in order.
"""

from __future__ import annotations

import json
import sys

OUTLET_FIELDS = ("outlet", "publisher", "publication", "site_name", "source", "url")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, target = argv
    with open(source, encoding="utf-8") as inp, open(target, "w", encoding="utf-8") as out:
        for line in inp:
            if line.strip():
                record = json.loads(line)
                out.write(json.dumps({k: v for k, v in record.items() if k not in OUTLET_FIELDS},
                                     ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
