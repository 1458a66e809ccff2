"""Long fuzzing run over the extractors, the readers and the per-document pipeline.

    python benchmarks/fuzz.py --minutes 10            # the run the README reports
    python benchmarks/fuzz.py --minutes 1 --targets money,dates
    python benchmarks/fuzz.py --linear                # 1 MB hostile strings, timed

The properties are those of tests/robustness (strategies.py): nothing raises, offsets are
valid, `text[start:end]` is the mention, values are finite, bounds are ordered, every read
input is a document or a one-line error. Hypothesis runs them in batches with fresh seeds,
round-robin over the targets, until the time is up. Exit status 1 when anything failed;
each distinct failure is printed with its falsifying example.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factcheck.documents import Document  # noqa: E402
from factcheck.extract import find_mentions  # noqa: E402
from factcheck.extract.dates import find_dates  # noqa: E402
from factcheck.extract.money import find_money  # noqa: E402
from factcheck.htmltext import parse_html  # noqa: E402
from factcheck.pipeline import analyse, scan_documents  # noqa: E402
from factcheck.pubdate import find_dateline, parse_date_value  # noqa: E402
from factcheck.read import ARTICLE_EXTENSIONS, front_matter, read_inputs  # noqa: E402
from factcheck.ruleset import load_rules  # noqa: E402
from tests.robustness.strategies import (  # noqa: E402
    any_text,
    article_text,
    check_dates,
    check_money,
    check_rows,
    corpus_bytes,
    hostile_bytes,
    html_text,
    langs,
    pubdates,
)

RULES = load_rules()
COUNT: dict[str, int] = {}


def _count(name: str) -> None:
    COUNT[name] = COUNT.get(name, 0) + 1


def prop_money(text: str, lang: str) -> None:
    _count("money")
    check_money(text, find_money(text, lang))


def prop_dates(text: str, lang: str, pubdate: dt.date | None) -> None:
    _count("dates")
    check_dates(text, find_dates(text, lang, pubdate))


def prop_mentions(text: str, lang: str, pubdate: dt.date | None) -> None:
    _count("mentions")
    doc = Document(id="d", text=text, lang=lang, date=pubdate)
    rows, _ = find_mentions(doc)
    check_rows(text, rows)


def prop_pipeline(texts: list[str], lang: str, pubdate: dt.date | None) -> None:
    """Attribution, grouping and every rule over a few documents that share words."""
    _count("pipeline")
    docs = [Document(id=f"d{i}", text=t, lang=lang, date=pubdate) for i, t in enumerate(texts)]
    for doc in docs:
        check_rows(doc.text, analyse(doc, RULES.lexicon))
    result = scan_documents(docs, RULES)
    for f in result.findings:
        json.dumps(f.mentions, allow_nan=False, default=str)


def prop_html(source: str) -> None:
    _count("html")
    page = parse_html(source)
    assert page.text == page.text.strip()


def prop_metadata(text: str) -> None:
    _count("metadata")
    front_matter(text)
    find_dateline(text)
    parse_date_value(text[:60])


def prop_readers(content: bytes, ext: str) -> None:
    _count("readers")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(content)
        docs, errors = read_inputs([str(path)])
    for doc in docs:
        rows, _ = find_mentions(doc)
        check_rows(doc.text, rows)
    for e in errors:
        assert e.reason and "\n" not in e.reason and not e.reason.startswith("internal error"), e


pipeline_texts = st.lists(st.one_of(article_text(30), st.sampled_from([
    "OpenAI raised $5 billion in 2023, the company said.", "OpenAI raised $6.5bn in 2023.",
    "Microsoft invested $10 billion in OpenAI in January 2023.", "Microsoft investierte 10 Mrd. Dollar im Januar 2023.",
    "Stargate will invest up to $500 billion by 2029.", "Stargate: mindestens 500 Milliarden Dollar bis 2029."])),
    min_size=1, max_size=4)

TARGETS: dict[str, tuple[Callable[..., None], dict[str, st.SearchStrategy]]] = {
    "money": (prop_money, {"text": any_text, "lang": langs}),
    "dates": (prop_dates, {"text": any_text, "lang": langs, "pubdate": pubdates}),
    "mentions": (prop_mentions, {"text": any_text, "lang": langs, "pubdate": pubdates}),
    "pipeline": (prop_pipeline, {"texts": pipeline_texts, "lang": langs, "pubdate": pubdates}),
    "html": (prop_html, {"source": st.one_of(html_text(), st.text(max_size=400))}),
    "metadata": (prop_metadata, {"text": any_text}),
    "readers": (prop_readers, {"content": st.one_of(hostile_bytes(), corpus_bytes()),
                               "ext": st.sampled_from([*ARTICLE_EXTENSIONS, ".xml"])}),
}
BATCH = {"money": 3000, "dates": 3000, "mentions": 2000, "pipeline": 300, "html": 3000, "metadata": 3000,
         "readers": 500}


def run_batch(name: str, seed: int, examples: int) -> str | None:
    """One hypothesis run; the failure (traceback tail) or None."""
    prop, strategies = TARGETS[name]
    configured = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                          suppress_health_check=list(HealthCheck), print_blob=True,
                          phases=[Phase.explicit, Phase.generate, Phase.shrink])(given(**strategies)(prop))
    configured._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    try:
        configured()
    except Exception:
        return traceback.format_exc()
    return None


def fuzz(minutes: float, targets: list[str], seed: int) -> int:
    rng = random.Random(seed)
    deadline = time.monotonic() + minutes * 60
    failures: dict[str, str] = {}
    batches = 0
    started = time.monotonic()
    while time.monotonic() < deadline:
        for name in targets:
            if time.monotonic() >= deadline:
                break
            batch_seed = rng.randrange(2**32)
            t0 = time.monotonic()
            error = run_batch(name, batch_seed, BATCH[name])
            batches += 1
            took = time.monotonic() - t0
            status = "ok" if error is None else "FAILED"
            print(f"[{time.monotonic() - started:7.1f}s] {name:9} seed={batch_seed:<10} {status} ({took:.1f}s, "
                  f"{COUNT.get(name, 0):,} examples so far)", flush=True)
            if error is not None:
                signature = f"{name}: " + error.strip().splitlines()[-1][:200]
                if signature not in failures:
                    failures[signature] = error
                    print(error, flush=True)
    total = sum(COUNT.values())
    print(f"\n{total:,} examples in {time.monotonic() - started:.0f} s over {batches} batches (seed {seed}):")
    for name in targets:
        print(f"  {name:9} {COUNT.get(name, 0):>10,}")
    if failures:
        print(f"\n{len(failures)} distinct failure(s):")
        for signature in failures:
            print(f"  {signature}")
        return 1
    print("no failures")
    return 0


def linear(bound: float) -> int:
    """Every hostile-string family at 1 MB, both languages, both extractors, timed."""
    mb = 1_000_000

    def rep(unit: str) -> str:
        return (unit * (mb // len(unit) + 1))[:mb]

    units = ["1", "1 ", "1,000,", "1.000.", ", ", "-", ".", "1'", "1.5 ", "million ", "Mrd. ", "Milliarden ", "$1bn ",
             "$1 to ", "millionbillion", "abcdefghij", "a1b2c3", "é€ß\u00a0", "\n", "January ", "JanuaryFebruaryMärz",
             "March 2023 ", "1. Mai ", "Q1 ", "up to about more than ", "between $1 and ", "FY", "20er ", "vor zwei "]
    slow = 0
    pub = dt.date(2024, 5, 1)
    for unit in units:
        text = rep(unit)
        for lang in ("en", "de"):
            for label, fn in (("money", lambda t, la: find_money(t, la)), ("dates", lambda t, la: find_dates(t, la,
                                                                                                            pub))):
                t0 = time.perf_counter()
                found = len(fn(text, lang))
                took = time.perf_counter() - t0
                flag = "" if took < bound else "  <-- over the bound"
                slow += took >= bound
                print(f"{unit!r:28} {lang} {label:5} {took:6.2f}s {found:>8,} mentions{flag}", flush=True)
    print("all within the bound" if not slow else f"{slow} over the bound of {bound} s")
    return 1 if slow else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--targets", default=",".join(TARGETS), help=f"comma-separated, from {', '.join(TARGETS)}")
    parser.add_argument("--seed", type=int, default=None, help="seed of the batch seeds (default: random)")
    parser.add_argument("--linear", action="store_true", help="time 1 MB hostile strings instead of fuzzing")
    parser.add_argument("--bound", type=float, default=30.0, help="seconds allowed per 1 MB string (--linear)")
    args = parser.parse_args()
    if args.linear:
        return linear(args.bound)
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; known: {', '.join(TARGETS)}")
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    return fuzz(args.minutes, targets, seed)


if __name__ == "__main__":
    sys.exit(main())
