"""Side by side: factcheck's extractors against Recognizers-Text on the same Reuters articles.

    pip install -e '.[bench]'
    python benchmarks/bench_peers.py [--articles 200] [--date-articles 30]

Times Recognizers-Text's currency and date-time models and factcheck's `find_money` and
`find_dates` in one process on the first articles of ../shared/corpora/reuters21578.jsonl
(Recognizers' date-time model takes 0.2-1.5 s an article, hence a smaller date sample), and
prints factcheck's speed as a ratio. Skips, saying why, when the corpus or the package is absent.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "reuters21578.jsonl"


def _ms_per_article(fn, texts: list[str]) -> tuple[float, int]:
    started, hits = time.perf_counter(), 0
    for t in texts:
        hits += len(fn(t))
    return (time.perf_counter() - started) * 1000 / len(texts), hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--date-articles", type=int, default=30)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    try:
        from recognizers_suite import Culture, recognize_currency, recognize_datetime
    except ImportError as ex:
        print(f"skipped: Recognizers-Text is not installed ({ex})")
        return 0
    from factcheck.extract.dates import find_dates
    from factcheck.extract.money import find_money

    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, args.articles)]
    dates = texts[: args.date_articles]
    rows = [
        ("money", texts, lambda t: recognize_currency(t, Culture.English), lambda t: find_money(t, "en")),
        ("dates", dates, lambda t: recognize_datetime(t, Culture.English), lambda t: find_dates(t, "en")),
    ]
    print(f"{'what':6} {'articles':>8} {'Recognizers ms/art':>19} {'factcheck ms/art':>17} {'ratio':>7}")
    for what, sample, theirs, ours in rows:
        r_ms, _ = _ms_per_article(theirs, sample)
        f_ms, _ = _ms_per_article(ours, sample)
        print(f"{what:6} {len(sample):8d} {r_ms:19.2f} {f_ms:17.3f} {r_ms / f_ms:6.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
