"""Archive scale: extraction speed, --jobs speed-up, grouping and rules at a million mentions.

    python benchmarks/bench_scale.py                    # everything (~6 min on 2 cores)
    python benchmarks/bench_scale.py --mentions 100000  # a smaller synthetic run
    python benchmarks/bench_scale.py --skip-corpora --skip-mentions   # synthetic extraction only

Measures, printing a Markdown table (also written to --out):

1. synthetic articles (benchmarks/synthetic.py, Zipf-skewed claimants): extraction (read
   + extract + attribute) MB/s and ms/article with --jobs 1 and --jobs N, and the speed-up;
2. the three corpora of ../shared/corpora (skipped, saying so, when absent): a full
   `factcheck scan` (extract, group, rules, findings, HTML report) in a fresh process,
   cold with --jobs 1 and --jobs N, then warm (store) with --jobs N; wall time and the
   peak memory of the process tree; then grouping, rules and report time in-process;
3. N synthetic mention rows (default 1,000,000) through the claims stage in a fresh process:
   claims and stories (`claims.annotate`), candidate pairs, evidence and decisions
   (`claims.decide`): times and peak resident memory (ru_maxrss; tracemalloc would slow the
   run several-fold and misses pandas' buffers).

Acceptance (issue 16): a million mentions through the claims stage < 120 s and < 8 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"
NAMES = ("reuters21578.jsonl", "bbc.jsonl", "10kgnad_de.jsonl")
sys.path.insert(0, str(HERE))


def _child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak MB of the process and its waited-for children, exit code)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode(errors="replace") if proc.stderr else "")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def synthetic_extraction(n: int, jobs: int) -> list[tuple[str, str]]:
    import synthetic

    from factcheck.pipeline import documents_from_records, gather
    from factcheck.ruleset import load_rules

    rs = load_rules()
    docs = documents_from_records(synthetic.articles(n))
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    out = []
    times = {}
    for j in (1, jobs):
        if j in times:
            continue
        t = time.perf_counter()
        _, rows, _ = gather(iter(docs), rs, jobs=j)
        times[j] = time.perf_counter() - t
        out.append((f"synthetic extraction, {n:,} articles ({mb:.1f} MB, {len(rows):,} mentions), --jobs {j}",
                    f"{mb / times[j]:.2f} MB/s, {1000 * times[j] / n:.3f} ms/article (wall)"))
    if jobs != 1:
        out.append((f"speed-up of --jobs {jobs} (synthetic extraction)", f"{times[1] / times[jobs]:.2f}x"))
    return out


def corpora(jobs: int, skip_jobs1: bool) -> list[tuple[str, str]]:
    paths = [str(CORPORA / n) for n in NAMES]
    if not all(os.path.exists(p) for p in paths):
        print(f"bench_scale: {CORPORA} not found: corpora runs skipped", file=sys.stderr)
        return [("three corpora", "skipped (../shared/corpora absent)")]
    mb = sum(os.path.getsize(p) for p in paths) / 1e6
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        base = [sys.executable, "-m", "factcheck", "scan", *paths, "-q", "--format", "json", "--out",
                f"{tmp}/findings.json", "--report", f"{tmp}/report.html"]
        cold = {}
        for j in ((jobs,) if skip_jobs1 else (1, jobs)):
            if j in cold:
                continue
            wall, peak, _ = _child([*base, "--jobs", str(j), "--no-cache"])
            cold[j] = wall
            out.append((f"three corpora ({mb:.1f} MB), full scan cold, --jobs {j}",
                        f"{wall:.1f} s, peak {peak:,.0f} MB (largest process)"))
        if 1 in cold and jobs != 1:
            out.append((f"speed-up of --jobs {jobs} (full cold scan)", f"{cold[1] / cold[jobs]:.2f}x"))
        cache = f"{tmp}/cache"
        _child([*base, "--jobs", str(jobs), "--cache-dir", cache])  # fills the store
        wall, peak, _ = _child([*base, "--jobs", str(jobs), "--cache-dir", cache])
        out.append(("three corpora, full scan warm (store)", f"{wall:.1f} s, peak {peak:,.0f} MB"))
        out += _stages(paths, cache, tmp)
    return out


def _stages(paths: list[str], cache_dir: str, tmp: str) -> list[tuple[str, str]]:
    """The claims stage and the report of the corpora, timed in this process (rows from the store)."""
    from factcheck.claims import annotate, decide
    from factcheck.pipeline import ScanResult, scan, suppress_findings
    from factcheck.report.html import write_report
    from factcheck.ruleset import load_rules
    from factcheck.store import Store
    from factcheck.table import mentions_frame

    rs = load_rules()
    corpus = scan(paths, rs, store=Store(cache_dir)).corpus
    raw = corpus.mentions.drop(columns=["claim", "why", "story"], errors="ignore")
    t = time.perf_counter()
    table = annotate(mentions_frame(raw.to_dict("records")), corpus.docs, rs.decision)
    t_group = time.perf_counter() - t
    t = time.perf_counter()
    findings = decide(table, corpus.docs, rs)
    t_rules = time.perf_counter() - t
    result = ScanResult(corpus, findings, suppress_findings(findings, corpus.docs))
    t = time.perf_counter()
    write_report(result, rs, f"{tmp}/stage-report.html")
    t_report = time.perf_counter() - t
    return [(f"three corpora: claims and stories ({len(table):,} mentions)", f"{t_group:.1f} s"),
            (f"three corpora: pairs, evidence, decisions ({len(findings):,} findings)", f"{t_rules:.1f} s"),
            ("three corpora: HTML report", f"{t_report:.1f} s")]


def synthetic_docs(rows: list[dict]) -> list:
    """A `DocInfo` per synthetic document: its first row's headline and sentence as the lead."""
    from factcheck.pipeline import DocInfo

    out, seen = [], set()
    for r in rows:
        if r["doc"] not in seen:
            seen.add(r["doc"])
            out.append(DocInfo(r["doc"], "en", r.get("doc_date"), r.get("title"), None, "", "utf-8", 0, [],
                               r.get("sentence")))
    return out


def mentions_child(n: int) -> None:
    """Run in a fresh process: print JSON timings of the claims stage on n synthetic rows."""
    import synthetic

    from factcheck.claims import annotate, decide
    from factcheck.ruleset import load_rules
    from factcheck.table import mentions_frame

    rs = load_rules()
    t = time.perf_counter()
    rows = synthetic.mention_rows(n)
    docs = synthetic_docs(rows)
    frame = mentions_frame(rows)
    del rows
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    table = annotate(frame, docs, rs.decision)
    t_group = time.perf_counter() - t
    t = time.perf_counter()
    findings = decide(table, docs, rs)
    t_rules = time.perf_counter() - t
    top = int(table["claim"].value_counts().iloc[0])
    print(json.dumps({"generate": t_gen, "group": t_group, "rules": t_rules, "findings": len(findings),
                      "claims": int(table["claim"].nunique()), "largest_claim": top,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def mentions(n: int) -> list[tuple[str, str]]:
    proc = subprocess.run([sys.executable, __file__, "--mentions-child", str(n)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return [(f"{n:,} synthetic mentions: generated (setup, not counted)", f"{r['generate']:.1f} s"),
            (f"{n:,} synthetic mentions: claims and stories ({r['claims']:,} claims, largest "
             f"{r['largest_claim']:,} rows)", f"{r['group']:.1f} s"),
            (f"{n:,} synthetic mentions: pairs, evidence, decisions ({r['findings']:,} findings)",
             f"{r['rules']:.1f} s"),
            (f"{n:,} synthetic mentions: the claims stage in all", f"{r['group'] + r['rules']:.1f} s"),
            (f"{n:,} synthetic mentions: peak memory (whole process)", f"{r['peak_mb']:,.0f} MB")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs [2]")
    ap.add_argument("--articles", type=int, default=3000, help="synthetic articles to extract [3000]")
    ap.add_argument("--mentions", type=int, default=1_000_000, help="synthetic mentions to group and check [1e6]")
    ap.add_argument("--skip-corpora", action="store_true", help="do not scan ../shared/corpora")
    ap.add_argument("--skip-mentions", action="store_true", help="no grouping/rules run on synthetic mentions")
    ap.add_argument("--no-jobs1-scan", action="store_true", help="skip the cold --jobs 1 corpora scan (~70 s)")
    ap.add_argument("--out", default=None, help="also write the Markdown table to this file")
    ap.add_argument("--mentions-child", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.mentions_child:
        mentions_child(a.mentions_child)
        return 0
    rows: list[tuple[str, str]] = []
    rows += synthetic_extraction(a.articles, a.jobs)
    if not a.skip_corpora:
        rows += corpora(a.jobs, a.no_jobs1_scan)
    if not a.skip_mentions:
        rows += mentions(a.mentions)
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    head = (f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()}; load average {os.getloadavg()[0]:.1f} at the end.\n\n")
    table = head + "| measure | result |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in rows)
    print(table)
    if a.out:
        Path(a.out).write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
