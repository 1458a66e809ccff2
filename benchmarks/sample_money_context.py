#!/usr/bin/env python3
"""Draw the hand-check sample of money mentions read in their currency context (issue 18).

    python benchmarks/sample_money_context.py --seed 55555 > /tmp/sample.tsv

Reads the corpora of `../shared/corpora/` at run time (research licences: nothing of them is
stored here), runs `find_mentions` on every article (as `factcheck extract` does), and draws,
with a fixed seed, 100 money mentions from four strata:

    30  Reuters-21578 articles with a non-US dateline (prose, not table rows)
    25  Reuters-21578 earnings-table rows (mentions with a row label)
    25  BBC stories with at least one conversion ("$8bn (£6.3bn)")
    20  10kGNAD (German)

Each pool is sorted by (document, offset) before `random.Random(seed).sample`, stratum by stratum
in that order. Prints one tab-separated line per mention: stratum, document, offsets, the span,
and what factcheck read (value, currency, currency_source, qualifier, per, row_label, converts).
The judgements are in benchmarks/handcheck_money_context.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
STRATA = [("reuters-nonus", 30), ("reuters-tables", 25), ("bbc-conversions", 25), ("10kgnad", 20)]


def _rows(name: str):
    """(document, its money rows) for each article of a corpus, read as `factcheck extract` reads it."""
    from factcheck.documents import Document
    from factcheck.extract import find_mentions
    from factcheck.read import iter_inputs

    for doc in iter_inputs([str(CORPORA / f"{name}.jsonl")]):
        if isinstance(doc, Document):
            rows, _ = find_mentions(doc)
            yield doc, [r for r in rows if r["kind"] == "money"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=55555)
    args = ap.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"sample_money_context: corpora not found in {CORPORA} (skipped)")
        return 0
    sys.path.insert(0, str(ROOT))
    from factcheck.extract.currency import dateline_country

    pools: dict[str, list[dict]] = {name: [] for name, _ in STRATA}
    for doc, rows in _rows("reuters21578"):
        nonus = dateline_country(doc.text) not in (None, "US")
        for r in rows:
            if r["row_label"] is not None:
                pools["reuters-tables"].append(r)
            elif nonus:
                pools["reuters-nonus"].append(r)
    for _doc, rows in _rows("bbc"):
        if any(r["converts"] is not None for r in rows):
            pools["bbc-conversions"].extend(rows)
    for _doc, rows in _rows("10kgnad_de"):
        pools["10kgnad"].extend(rows)
    rng = random.Random(args.seed)
    keys = ("value", "currency", "currency_source", "qualifier", "per", "row_label", "converts")
    for name, k in STRATA:
        pool = sorted(pools[name], key=lambda r: (r["doc"], r["start"]))
        for r in rng.sample(pool, k):
            span = " ".join(r["text"].split())
            print("\t".join([name, r["doc"], str(r["start"]), str(r["end"]), span, *(str(r[c]) for c in keys)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
