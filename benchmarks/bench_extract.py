#!/usr/bin/env python3
"""Extraction throughput: money and dates on a news corpus, one core.

    python benchmarks/bench_extract.py                      # ../shared/corpora/reuters21578.jsonl
    python benchmarks/bench_extract.py CORPUS.jsonl --repeat 3 --profile money

Reads the corpus once, then times, per article and on one CPU (best of `--repeat` runs):
`find_money`, `find_dates`, both together (the extraction the acceptance figure is about),
and `find_mentions` (both plus sentences and table rows, what `factcheck extract` does per
document). Prints MB/s (UTF-8 bytes of article text per CPU second of this process) and ms
per article; CPU time rather than wall time, so that other work on a shared machine does not
count.
`--profile money|dates|both` prints the cProfile top 25 of that run instead of timing it.
`--floor` also times a minimal date finder (one compiled pattern for "March 3, 1987" and
four-digit years, nothing else: no context checks, no year resolution), a yardstick for what
any regular-expression date reader costs on the corpus.
`--min-mbps X` exits 1 when money+dates is below X MB/s (for CI). Without the corpus the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; Python {platform.python_version()} ({platform.python_implementation()}); {platform.system()}"


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def _load(path: Path, limit: int):
    from factcheck.documents import Document

    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            date = None
            if rec.get("date"):
                try:
                    date = dt.date.fromisoformat(str(rec["date"])[:10])
                except ValueError:
                    date = None
            docs.append(Document(id=str(rec["id"]), text=rec["text"], lang=rec.get("lang") or "en", date=date))
            if limit and len(docs) >= limit:
                break
    return docs


def _runs(docs):
    from factcheck.extract import find_mentions
    from factcheck.extract.dates import find_dates
    from factcheck.extract.money import find_money

    stand_in = dt.date(2000, 1, 1)

    def money():
        for d in docs:
            find_money(d.text, d.lang)

    def dates():
        for d in docs:
            find_dates(d.text, d.lang, d.date or stand_in)

    def both():
        for d in docs:
            find_money(d.text, d.lang)
            find_dates(d.text, d.lang, d.date or stand_in)

    def mentions():
        for d in docs:
            find_mentions(d)

    return {"money": money, "dates": dates, "money+dates": both, "find_mentions": mentions}


# the yardstick of --floor: the two commonest date forms of the wire, read as cheaply as a
# compiled pattern allows (the lower-cased text scanned once, a non-letter consumed first so
# the engine skips to word starts)
_FLOOR_RX = re.compile(
    r"[^a-z0-9](?:(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d>\d{1,2})(?:,\s*(?P<y>\d{4}))?"
    r"|(?P<yr>(?:19|20)\d\d))(?![a-z0-9])"
)
_FLOOR_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _floor(docs):
    """Date spans of the two forms, as (start, end, first day, day after, granularity)."""
    def run():
        for d in docs:
            out = []
            year = (d.date or dt.date(2000, 1, 1)).year
            for m in _FLOOR_RX.finditer(" " + d.text.lower()):
                if m.group("yr"):
                    y = int(m.group("yr"))
                    out.append((m.start(), m.end(), dt.date(y, 1, 1), dt.date(y + 1, 1, 1), "year"))
                    continue
                try:
                    day = dt.date(int(m.group("y") or year), _FLOOR_MONTHS[m.group("mon")[:3]], int(m.group("d")))
                except ValueError:
                    continue
                out.append((m.start(), m.end(), day, day + dt.timedelta(days=1), "day"))
    return run


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="corpus JSONL (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--only", action="append", help="time only these (repeatable; floor implies --floor)",
                    choices=["money", "dates", "money+dates", "find_mentions", "floor"])
    ap.add_argument("--profile", choices=["money", "dates", "both"], help="print a cProfile of one run")
    ap.add_argument("--floor", action="store_true", help="also time a minimal two-form date finder (a yardstick)")
    ap.add_argument("--min-mbps", type=float, default=0.0, help="exit 1 when money+dates is slower")
    args = ap.parse_args(argv)

    path = Path(args.corpus)
    if not path.is_file():
        print(f"bench_extract: corpus not found: {path} (skipped)")
        return 0
    sys.path.insert(0, str(ROOT))
    pinned = _pin_one_core()
    docs = _load(path, args.limit)
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    runs = _runs(docs)
    if args.floor or "floor" in (args.only or ()):
        runs["floor"] = _floor(docs)
    print(f"corpus: {path.name}, {len(docs)} articles, {nbytes / 1e6:.2f} MB of text")
    print(f"machine: {_machine()}; {pinned}")
    if args.profile:
        name = "money+dates" if args.profile == "both" else args.profile
        prof = cProfile.Profile()
        prof.runcall(runs[name])
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return 0
    results = {}
    for name, fn in runs.items():
        if args.only and name not in args.only:
            continue
        best = min(_timed(fn) for _ in range(max(1, args.repeat)))
        results[name] = best
        print(f"{name:14s} {nbytes / best / 1e6:7.2f} MB/s  {best * 1000 / len(docs):7.3f} ms/article  "
              f"({best:.2f} s)")
    if args.min_mbps and "money+dates" in results:
        mbps = nbytes / results["money+dates"] / 1e6
        if mbps < args.min_mbps:
            print(f"money+dates {mbps:.2f} MB/s is below --min-mbps {args.min_mbps}")
            return 1
    return 0


def _timed(fn) -> float:
    """CPU seconds of one run: unlike wall time, not inflated by other processes on a shared machine."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


if __name__ == "__main__":
    sys.exit(main())
