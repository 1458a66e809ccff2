#!/usr/bin/env python3
"""Date extraction speed against money extraction, on one core.

    python benchmarks/bench_dates.py [CORPUS.jsonl] [--repeat N] [--only dates|money]
    python benchmarks/bench_dates.py --handcheck SEED     # the sample of benchmarks/handcheck_dates.md
    python benchmarks/bench_dates.py --labels             # "today"/"heute" against labels_today.tsv

Reads a corpus JSONL (default: ../shared/corpora/reuters21578.jsonl, from the checkout's root),
then times `find_dates(text, lang, pubdate)` and `find_money(text, lang)` over every article,
in this process only (one core), best of N runs. Reports CPU seconds (process time, which a
busy machine disturbs less than wall time), MB/s of UTF-8 text and dates' share of money's
time: issue 4 asks for dates >= 4 MB/s on Reuters and at most half of money's time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extract.dates import find_dates  # noqa: E402
from factcheck.extract.money import find_money  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def load(path: Path) -> list[tuple[str, str, dt.date | None]]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            date = d.get("date")
            pub = dt.date.fromisoformat(date[:10]) if date else None
            docs.append((d.get("text") or "", d.get("lang") or "en", pub))
    return docs


def best_of(fn, docs, repeat: int) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, mentions) of the fastest run."""
    best = (float("inf"), float("inf"), 0)
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        n = sum(len(fn(text, lang, pub)) for text, lang, pub in docs)
        c, w = time.process_time() - c0, time.perf_counter() - w0
        if c < best[0]:
            best = (c, w, n)
    return best


STAND_IN = dt.date(2000, 7, 1)  # as factcheck/extract/__init__.py reads undated articles
HANDCHECK = (("reuters21578.jsonl", 50), ("bbc.jsonl", 25), ("10kgnad_de.jsonl", 25))


def handcheck(seed: int) -> None:
    """Print a stratified random sample of extracted dates with their sentences."""
    import random

    from factcheck.extract.sentences import SentenceIndex

    rng = random.Random(seed)
    i = 0
    for name, k in HANDCHECK:
        spans = []
        for text, lang, pub in load(DEFAULT.parent / name):
            spans.extend((text, pub, s) for s in find_dates(text, lang, pub or STAND_IN))
        for text, pub, s in rng.sample(spans, k):
            i += 1
            a, b = SentenceIndex(text).around(s.start, s.end)
            iv = "unknown" if s.resolved and pub is None else f"{s.date_start}..{s.date_end}"
            print(f"{i:3d} pub={pub} [{text[s.start:s.end]!r}] {iv} {s.granularity}")
            print("      " + text[a:b].replace("\n", " ")[:300])


LABELS = Path(__file__).resolve().parent / "labels_today.tsv"


def score_labels() -> None:
    """Per corpus: how many labelled "today"/"heute" the date finder still reads as a date,
    by label, the precision of those kept (DAY among them) and the share of DAYs kept."""
    from collections import Counter

    wanted: dict[str, dict[str, dict[int, str]]] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "corpus\t")) or not line.strip():
            continue
        corpus, doc, offset, label = line.split("\t")[:4]
        wanted.setdefault(corpus, {}).setdefault(doc, {})[int(offset)] = label
    for corpus, docs in wanted.items():
        counts: Counter = Counter()
        with (DEFAULT.parent / f"{corpus}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line) if line.strip() else {}
                if d.get("id") not in docs:
                    continue
                pub = dt.date.fromisoformat(d["date"][:10]) if d.get("date") else STAND_IN
                starts = {s.start for s in find_dates(d["text"], d.get("lang") or "en", pub)}
                for offset, label in docs[d["id"]].items():
                    counts[label, offset in starts] += 1
        kept = sum(v for (_, k), v in counts.items() if k)
        day, day_lost = counts["DAY", True], counts["DAY", False]
        print(f"{corpus}: kept DAY {day}, NOW {counts['NOW', True]}, NAME {counts['NAME', True]}; "
              f"dropped DAY {day_lost}, NOW {counts['NOW', False]}, NAME {counts['NAME', False]}; "
              f"precision of kept {day / max(1, kept):.2f}, days kept {day / max(1, day + day_lost):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", choices=["dates", "money"])
    ap.add_argument("--handcheck", type=int, metavar="SEED", help="print a hand-check sample instead")
    ap.add_argument("--labels", action="store_true", help="score today/heute against benchmarks/labels_today.tsv")
    args = ap.parse_args(argv)
    if args.labels:
        score_labels()
        return 0
    if args.handcheck is not None:
        handcheck(args.handcheck)
        return 0
    docs = load(Path(args.corpus))
    mb = sum(len(t.encode("utf-8")) for t, _, _ in docs) / 1e6
    print(f"{Path(args.corpus).name}: {len(docs)} articles, {mb:.2f} MB of text, best of {args.repeat}")
    runs = {
        "dates": lambda text, lang, pub: find_dates(text, lang, pub),
        "money": lambda text, lang, pub: find_money(text, lang),
    }
    got = {}
    for name, fn in runs.items():
        if args.only and name != args.only:
            continue
        cpu, wall, n = best_of(fn, docs, args.repeat)
        got[name] = cpu
        print(f"  {name:6s} {cpu:7.2f} s cpu {wall:7.2f} s wall  {mb / cpu:6.2f} MB/s  {n} mentions")
    if len(got) == 2:
        print(f"  dates take {got['dates'] / got['money']:.0%} of money's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
