"""The archive store on the three corpora: a second scan, where its time goes, and queries.

    python benchmarks/bench_store.py                       # cold, then warm scans, no cache flags
    python benchmarks/bench_store.py --old /path/to/checkout   # the old revision's warm scan beside
    python benchmarks/bench_store.py --skip-cold --keep /tmp/xdg   # reuse a store made before

Measures, printing a Markdown table (also written to --out):

1. `factcheck scan` of ../shared/corpora (reuters21578, bbc, 10kgnad_de) with --jobs N,
   --format json and the HTML report, in a fresh process each, with **no cache flag**: the
   store is the user cache folder (XDG_CACHE_HOME points at a temporary folder for the
   run; $FACTCHECK_CACHE_DIR is unset). Cold once, then warm --runs times (best and
   median), and whether every warm run printed the same bytes as the cold one; the same
   warm runs with --no-report. With --old DIR, a checkout of an earlier revision is run
   warm alternately with this one (its cache needs --cache-dir), on the same corpora.
2. Where a warm scan spends its time, in this process: source hashes, store loads, the
   table, the claims stage (`annotate`, `decide`), JSON, the HTML report; and what that
   leaves of a 10-second second run for the claims stage.
3. `factcheck claims WORDS` on the stored corpora, fresh process each (best of --runs).

Acceptance (issue 17): the second run < 10 s and < 40% of the first, same bytes; a query
< 1 s warm. The machine is shared: figures are wall times, best of several runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"
NAMES = ("reuters21578.jsonl", "bbc.jsonl", "10kgnad_de.jsonl")
QUERIES = (["Stargate"], ["OPEC", "oil"], ["Deutsche", "Bank"], ["dividend"])


def _env(xdg: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_CACHE_DIR", "FACTCHECK_DEBUG")}
    env["XDG_CACHE_HOME"] = xdg
    return env


def _timed(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, int]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"bench_store: {' '.join(cmd[:4])} ... exited {proc.returncode}")
    return wall, proc.returncode


def scans(paths: list[str], jobs: int, runs: int, xdg: str, tmp: str, skip_cold: bool,
          old: Path | None) -> tuple[list[tuple[str, str]], float]:
    env = _env(xdg)
    out_of = {}

    def cmd(name: str, *extra: str) -> list[str]:
        out_of[name] = f"{tmp}/{name}.json"
        return [sys.executable, "-m", "factcheck", "scan", *paths, "--jobs", str(jobs), "--format", "json", "-q",
                "--out", out_of[name], "--report", f"{tmp}/{name}.html", *extra]

    rows = []
    cold = None
    if not skip_cold:
        cold, _ = _timed(cmd("cold"), env)
        rows.append((f"cold scan, --jobs {jobs} (fills the store)", f"{cold:.1f} s"))
    warm, bare, before = [], [], []
    old_env = dict(env, FACTCHECK_CACHE_DIR=f"{tmp}/old-cache")
    if old is not None:  # fill the old revision's cache first
        _timed([sys.executable, "-m", "factcheck", "scan", *paths, "--jobs", str(jobs), "--format", "json", "-q",
                "--out", os.devnull, "--report", f"{tmp}/old.html", "--cache-dir", f"{tmp}/old-cache"], old_env, old)
    for i in range(runs):
        warm.append(_timed(cmd(f"warm{i}"), env)[0])
        bare.append(_timed(cmd(f"bare{i}", "--no-report"), env)[0])
        if old is not None:
            before.append(_timed([sys.executable, "-m", "factcheck", "scan", *paths, "--jobs", str(jobs), "--format",
                                  "json", "-q", "--out", os.devnull, "--report", f"{tmp}/old.html", "--cache-dir",
                                  f"{tmp}/old-cache"], old_env, old)[0])
    ref = Path(out_of["cold" if "cold" in out_of else "warm0"]).read_bytes()
    same = all(Path(out_of[k]).read_bytes() == ref for k in out_of)
    rows.append((f"warm scan with the HTML report (best / median of {runs})",
                 f"{min(warm):.2f} s / {statistics.median(warm):.2f} s"
                 + (f" = {min(warm) / cold:.0%} of the cold run" if cold else "")))
    rows.append((f"warm scan, --no-report (best / median of {runs})",
                 f"{min(bare):.2f} s / {statistics.median(bare):.2f} s"))
    if before:
        rows.append((f"old revision ({old}), warm with --cache-dir (best / median)",
                     f"{min(before):.2f} s / {statistics.median(before):.2f} s"))
    rows.append(("JSON output of every run the same bytes", "yes" if same else "NO"))
    size = sum(p.stat().st_size for p in Path(xdg, "factcheck").glob("archive.sqlite*"))
    rows.append(("store file", f"{size / 2**20:.0f} MiB"))
    return rows, min(warm)


def stages(paths: list[str], xdg: str, tmp: str, warm: float, runs: int) -> list[tuple[str, str]]:
    """A warm scan's steps, timed in this process (rows from the store `scans` made), best
    of `runs` for each step."""
    t0 = time.perf_counter()
    from factcheck import pipeline
    from factcheck.claims import annotate, decide
    from factcheck.output import scan_json
    from factcheck.report.html import write_report
    from factcheck.ruleset import load_rules
    from factcheck.store import Store

    rs = load_rules()
    best: dict[str, float] = {"imports and rules": time.perf_counter() - t0}

    def step(name, fn):
        t = time.perf_counter()
        value = fn()
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
        return value

    for _ in range(runs):
        store = Store(Path(xdg) / "factcheck")
        step("hash the inputs, versions", lambda: ([pipeline.source_digest(p) for p in paths], pipeline._versions(rs)))
        parts = step("load the sources from the store",
                     lambda store=store: [pipeline._stored_part(p, rs, store, None, map, None) for p in paths])
        table = step("the mentions table (frame_of)", lambda parts=parts: pipeline.frame_of(parts))
        docs = [d for p in parts for d in p.docs]
        annotated = step("claims stage: annotate", lambda table=table, docs=docs: annotate(table, docs))
        findings = step("claims stage: decide", lambda a=annotated, docs=docs: decide(a, docs, rs))
        suppressed = step("suppressions, findings kept in the store", lambda f=findings, a=annotated, d=docs, p=parts,
                          store=store: (pipeline.suppress_findings(f, d),
                                        store.save_scan(pipeline._scan_by_source(f, a, p))))[0]
        result = pipeline.ScanResult(pipeline.Corpus(docs, annotated, []), findings, suppressed)
        step("JSON output", lambda result=result: scan_json(result, []))
        step("HTML report", lambda result=result: write_report(result, rs, f"{tmp}/stages.html"))
        store.close()
    rows = [(f"warm step: {name} (best of {runs})", f"{secs:.2f} s") for name, secs in best.items()]
    claims = best["claims stage: annotate"] + best["claims stage: decide"]
    rows.append(("claims stage today (annotate + decide)", f"{claims:.2f} s"))
    rows.append(("all the rest of the best warm run (warm run - claims stage)", f"{warm - claims:.2f} s"))
    rows.append(("left for the claims stage within 10 s", f"{10 - warm + claims:.1f} s"))
    return rows


def queries(xdg: str, runs: int) -> list[tuple[str, str]]:
    env = _env(xdg)
    rows = []
    for words in QUERIES:
        walls = [_timed([sys.executable, "-m", "factcheck", "claims", *words, "--format", "json"], env)[0]
                 for _ in range(runs)]
        rows.append((f"factcheck claims {' '.join(words)} (fresh process, best of {runs})", f"{min(walls):.2f} s"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3, help="warm runs (and query runs)")
    ap.add_argument("--old", type=Path, help="a checkout of an earlier revision to run warm beside this one")
    ap.add_argument("--keep", help="XDG_CACHE_HOME to use and keep (default: a temporary folder)")
    ap.add_argument("--skip-cold", action="store_true", help="the store in --keep is filled already")
    ap.add_argument("--out", type=Path, help="also write the table to this file")
    args = ap.parse_args()
    paths = [str(CORPORA / n) for n in NAMES]
    if not all(os.path.exists(p) for p in paths):
        print(f"bench_store: {CORPORA} not found: skipped", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        xdg = args.keep or f"{tmp}/xdg"
        rows, warm = scans(paths, args.jobs, args.runs, xdg, tmp, args.skip_cold, args.old)
        rows += stages(paths, xdg, tmp, warm, args.runs)
        rows += queries(xdg, args.runs)
    table = "| what | measured |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
