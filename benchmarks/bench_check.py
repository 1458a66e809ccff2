"""Benchmark: `factcheck check` of one seed-sized draft against the three shared corpora.

    python benchmarks/bench_check.py            # cold run, then warm runs; exit 1 if warm >= 2 s (median)
    python -m pytest benchmarks/bench_check.py  # the same as a test (skipped without the corpora)

The corpora (about 25,000 articles) live in ../shared/corpora next to the checkout, or in
$FACTCHECK_CORPORA. Without them the benchmark says so and skips. Each run is the real
command line in a fresh process (interpreter start-up and imports included), with a cache
folder of its own: the first run is cold (reads and analyses the whole archive), the next
ones are warm (hash the archive files, load the blocks the draft's claims need): first
with the same draft (its analysis is cached too), then with the draft edited before each
run (it is analysed again, which costs the extractors' start-up).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("reuters21578.jsonl", "bbc.jsonl", "10kgnad_de.jsonl")
DRAFT = ROOT / "seeds" / "002_9bcf6e8d9c5eb8cb.txt"
WARM_LIMIT_S = 2.0
WARM_RUNS = 5


def corpora_dir() -> Path | None:
    where = Path(os.environ.get("FACTCHECK_CORPORA") or ROOT.parent / "shared" / "corpora")
    return where if all((where / name).is_file() for name in CORPORA) else None


def _command() -> list[str]:
    """The factcheck this interpreter imports (so PYTHONPATH can point at a snapshot)."""
    return [sys.executable, "-m", "factcheck"]


def timed_check(corpora: Path, cache_dir: Path, draft: Path = DRAFT) -> tuple[float, int]:
    """Seconds for one `factcheck check` in a fresh process, and its exit code."""
    cmd = [*_command(), "check", str(draft), *(a for name in CORPORA for a in ("--against", str(corpora / name))),
           "--cache-dir", str(cache_dir), "--format", "json", "--quiet", "--out", os.devnull]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1, 2) or "internal error" in proc.stderr:
        raise RuntimeError(f"factcheck check failed ({proc.returncode}): {proc.stderr.strip()}")
    if proc.returncode == 2:  # an archive article could not be read or analysed: still a full answer
        print(f"bench_check: note: {proc.stderr.strip().splitlines()[0]}", file=sys.stderr)
    return elapsed, proc.returncode


def run() -> dict[str, float] | None:
    """Cold, warm (same draft: nothing to analyse) and warm with the draft edited before each run."""
    corpora = corpora_dir()
    if corpora is None:
        return None
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        cache_dir = Path(tmp) / "cache"
        cold, _ = timed_check(corpora, cache_dir)
        warm = [timed_check(corpora, cache_dir)[0] for _ in range(WARM_RUNS)]
        edited = []
        draft = Path(tmp) / DRAFT.name
        for i in range(WARM_RUNS):  # an editor's next check: the draft changed, the archive did not
            draft.write_text(DRAFT.read_text(encoding="utf-8") + f"\nUpdated at {i} o'clock.\n", encoding="utf-8")
            edited.append(timed_check(corpora, cache_dir, draft)[0])
    return {"cold_s": cold, "warm_median_s": statistics.median(warm), "warm_max_s": max(warm),
            "edited_median_s": statistics.median(edited), "edited_max_s": max(edited)}


def main() -> int:
    result = run()
    if result is None:
        print("bench_check: skipped: the corpora are not in ../shared/corpora (set FACTCHECK_CORPORA)")
        return 0
    print(f"bench_check: one draft ({DRAFT.name}) against {', '.join(CORPORA)}")
    print(f"  cold (empty cache):  {result['cold_s']:.2f} s")
    print(f"  warm, same draft (median of {WARM_RUNS}):   {result['warm_median_s']:.2f} s "
          f"(max {result['warm_max_s']:.2f} s; limit {WARM_LIMIT_S:.1f} s)")
    print(f"  warm, draft edited (median of {WARM_RUNS}): {result['edited_median_s']:.2f} s "
          f"(max {result['edited_max_s']:.2f} s; limit {WARM_LIMIT_S:.1f} s)")
    worst = max(result["warm_median_s"], result["edited_median_s"])
    return 0 if worst < WARM_LIMIT_S else 1


def test_warm_check_answers_in_under_two_seconds():
    import pytest

    result = run()
    if result is None:
        pytest.skip("the corpora are not in ../shared/corpora (set FACTCHECK_CORPORA)")
    print(result)
    assert max(result["warm_median_s"], result["edited_median_s"]) < WARM_LIMIT_S


if __name__ == "__main__":
    sys.exit(main())
