#!/usr/bin/env python3
"""Compare the date rows (or money rows) that two git revisions extract, byte for byte.

    python benchmarks/compare_dates.py 8c2f7b5 HEAD            # date rows, every corpus and peer suite
    python benchmarks/compare_dates.py 8c2f7b5 .                # against this checkout as it is now
    python benchmarks/compare_dates.py 8c2f7b5 HEAD --kind date --kind money --only reuters21578 --jobs 2

Each revision is unpacked with `git archive` into a temporary folder and runs its own code:
`python -m factcheck extract INPUT --format jsonl` with that folder first on PYTHONPATH (the
installed dependencies of this environment are shared). `.` stands for this checkout with its
uncommitted changes. The inputs are read at run time: the corpora
`../shared/corpora/{reuters21578,bbc,10kgnad_de,basil}.jsonl` and every peer suite
`../shared/peer/*.jsonl`, each suite turned into a corpus the way `../shared/eval/score_extract.py`
does it (one document per case: its text, its language when en/de, the reference date's day
as publication date, its locale). Nothing of them is copied into the project.

For every input it prints the number of rows of the kind in each revision and `same` or
`DIFFERENT` (with the first differing rows); the rows compared are the JSONL lines whose
"kind" is the one asked for, as bytes. Exit status 0 when every input gives identical rows,
1 when any differs, 2 on usage errors (an unknown revision, no inputs). `--keep DIR` keeps
the outputs (DIR/<commit>/<input>.jsonl) and reuses those already there, so that a second
comparison with the same base revision runs one side only.

`--bench N` measures date throughput instead: each revision's own `benchmarks/bench_extract.py
--only dates --repeat 1` (CPU time of `find_dates` over Reuters-21578), old and new
alternating N times each, pinned to one CPU with `taskset -c CPU` (`--cpu`, default 0); it
prints every run, the best and the median of each side, and the new best against the old.
On a shared machine the best of several alternating runs is the figure to compare.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = ("reuters21578", "bbc", "10kgnad_de", "basil")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def _resolve(rev: str) -> str:
    """The full commit id of a revision, or "." for this checkout as it is."""
    if rev == ".":
        return "."
    try:
        return _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    except subprocess.CalledProcessError:
        raise SystemExit(f"compare_dates: unknown revision {rev!r} (try a commit id, a branch or HEAD)") from None


def _unpack(commit: str, into: Path) -> Path:
    """The files of a commit in a fresh folder (git archive: no worktree bookkeeping)."""
    if commit == ".":
        return ROOT
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit],
                          check=True, capture_output=True).stdout
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _peer_corpus(suite: Path, out: Path) -> None:
    """A peer suite as a corpus: one document per case, as score_extract.py builds it."""
    stem = suite.stem
    with suite.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for i, line in enumerate(ln for ln in fh if ln.strip()):
            case = json.loads(line)
            text = case.get("text")
            if not isinstance(text, str):
                continue
            rec = {"id": f"{stem}:{i}", "text": text}
            if case.get("lang") in ("en", "de"):
                rec["lang"] = case["lang"]
            if case.get("reference_date"):
                rec["date"] = str(case["reference_date"])[:10]
            if case.get("locale"):
                rec["locale"] = str(case["locale"])
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _inputs(only: list[str] | None, tmp: Path) -> list[tuple[str, Path]]:
    """(name, corpus file) for every corpus and peer suite (peer suites converted into tmp)."""
    out = []
    for name in CORPORA:
        path = SHARED / "corpora" / f"{name}.jsonl"
        if path.is_file():
            out.append((name, path))
        else:
            print(f"compare_dates: corpus not found, skipped: {path}", file=sys.stderr)
    for suite in sorted((SHARED / "peer").glob("*.jsonl")):
        conv = tmp / "peer" / suite.name
        conv.parent.mkdir(exist_ok=True)
        _peer_corpus(suite, conv)
        out.append((f"peer/{suite.stem}", conv))
    if only:
        out = [(n, p) for n, p in out if any(o == n or o == n.removeprefix("peer/") for o in only)]
    return out


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _extract(checkout: Path, corpus: Path, out: Path, jobs: int) -> float:
    """Run the checkout's own `factcheck extract` on a corpus; seconds taken."""
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "factcheck", "extract", str(corpus), "--format", "jsonl", "--out", str(out),
           "--no-config", "--quiet", "--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=out.parent, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"compare_dates: extract failed in {checkout} on {corpus.name}:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t0


def _which_factcheck(checkout: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    return subprocess.run([sys.executable, "-c", "import factcheck; print(factcheck.__file__)"], env=env,
                          cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True).stdout.strip()


def _rows(path: Path, kind: str) -> list[bytes]:
    out = []
    with path.open("rb") as fh:
        for line in fh:
            if json.loads(line).get("kind") == kind:
                out.append(line.rstrip(b"\n"))
    return out


def _bench(checkouts: list[Path], labels: list[str], rounds: int, cpu: int) -> int:
    """Alternate the date benchmark of two checkouts; print runs, best and median MB/s."""
    corpus = SHARED / "corpora" / "reuters21578.jsonl"
    if not corpus.is_file():
        print(f"compare_dates: corpus not found: {corpus}", file=sys.stderr)
        return 2
    pin = ["taskset", "-c", str(cpu)] if shutil.which("taskset") else []
    if not pin:
        print("compare_dates: taskset not found, runs are not pinned", file=sys.stderr)
    runs: list[list[float]] = [[], []]
    for r in range(rounds):
        for side in (0, 1) if r % 2 == 0 else (1, 0):
            script = checkouts[side] / "benchmarks" / "bench_extract.py"
            proc = subprocess.run([*pin, sys.executable, str(script), str(corpus), "--only", "dates", "--repeat", "1"],
                                  env=dict(os.environ, PYTHONPATH=str(checkouts[side])), capture_output=True, text=True)
            m = re.search(r"^dates\s+([\d.]+) MB/s", proc.stdout, re.M)
            if proc.returncode or m is None:
                raise SystemExit(f"compare_dates: the benchmark of {labels[side]} failed:\n{proc.stderr[-2000:]}")
            runs[side].append(float(m.group(1)))
            print(f"  round {r + 1} {labels[side]:12s} {runs[side][-1]:6.2f} MB/s", flush=True)
    for side in (0, 1):
        xs = runs[side]
        print(f"{labels[side]:12s} best {max(xs):.2f} MB/s, median {statistics.median(xs):.2f}, "
              f"range {min(xs):.2f}-{max(xs):.2f} over {len(xs)} runs")
    print(f"new best / old best: {max(runs[1]) / max(runs[0]):.3f}; "
          f"new median / old median: {statistics.median(runs[1]) / statistics.median(runs[0]):.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", help="base revision (a commit, a branch, HEAD~3; '.' for this checkout)")
    ap.add_argument("new", help="revision to compare with it ('.' for this checkout as it is now)")
    ap.add_argument("--kind", choices=["date", "money"], action="append",
                    help="which rows to compare (repeatable; default: date)")
    ap.add_argument("--only", action="append", help="only this input (a corpus name or a peer suite's name)")
    ap.add_argument("--jobs", type=int, default=1, help="extract with N processes (default 1)")
    ap.add_argument("--keep", metavar="DIR", help="keep the outputs in DIR and reuse those of a commit")
    ap.add_argument("--show", type=int, default=5, help="differing rows shown per input (default 5)")
    ap.add_argument("--bench", type=int, metavar="N", help="instead: date throughput, N runs of each side, alternating")
    ap.add_argument("--cpu", type=int, default=0, help="the CPU --bench pins to (default 0)")
    args = ap.parse_args(argv)
    kinds = args.kind or ["date"]

    revs = [_resolve(args.old), _resolve(args.new)]
    with tempfile.TemporaryDirectory(prefix="compare_dates.") as tmpname:
        tmp = Path(tmpname)
        if args.bench:
            checkouts = [_unpack(commit, tmp / f"rev{side}") for side, commit in enumerate(revs)]
            labels = [c[:12] if c != "." else "checkout" for c in revs]
            return _bench(checkouts, labels, args.bench, args.cpu)
        inputs = _inputs(args.only, tmp)
        if not inputs:
            print("compare_dates: no inputs (is ../shared there? does --only name one?)", file=sys.stderr)
            return 2
        keep = Path(args.keep) if args.keep else None
        outs: list[dict[str, Path]] = []
        for side, commit in enumerate(revs):
            checkout = _unpack(commit, tmp / f"rev{side}")
            where = _which_factcheck(checkout)
            if not where.startswith(str(checkout)):
                raise SystemExit(f"compare_dates: {commit} would run the factcheck at {where}, not its own")
            label = commit[:12] if commit != "." else "checkout"
            print(f"{'old' if side == 0 else 'new'}: {label} ({checkout})", flush=True)
            files = {}
            for name, corpus in inputs:
                stem = name.replace("/", "__")
                cached = keep / commit / f"{stem}.{_fingerprint(corpus)}.jsonl" if keep and commit != "." else None
                if cached is not None and cached.is_file():
                    files[name] = cached
                    continue
                out = tmp / f"out{side}" / f"{stem}.jsonl"
                out.parent.mkdir(exist_ok=True)
                secs = _extract(checkout, corpus, out, args.jobs)
                print(f"  extracted {name} in {secs:.1f} s", flush=True)
                if cached is not None:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    cached.write_bytes(out.read_bytes())
                files[name] = out
            outs.append(files)

        differing = 0
        for kind in kinds:
            print(f"\n{kind} rows, {revs[0][:12]} vs {revs[1][:12] if revs[1] != '.' else 'checkout'}:")
            bad = 0
            for name, _ in inputs:
                a, b = _rows(outs[0][name], kind), _rows(outs[1][name], kind)
                same = a == b
                bad += not same
                print(f"  {name:42s} {len(a):7d} {len(b):7d}  {'same' if same else 'DIFFERENT'}")
                if not same:
                    shown = 0
                    for i, (x, y) in enumerate(zip(a, b, strict=False)):
                        if x != y and shown < args.show:
                            print(f"    row {i}:\n      - {x.decode()[:300]}\n      + {y.decode()[:300]}")
                            shown += 1
                    if len(a) != len(b) and shown < args.show:
                        more = "old" if len(a) > len(b) else "new"
                        print(f"    {abs(len(a) - len(b))} more rows in the {more} revision")
            total = len(inputs)
            print(f"\n{total - bad} of {total} inputs give byte-identical {kind} rows"
                  + ("" if not bad else f"; {bad} differ"))
            differing += bad
        return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
