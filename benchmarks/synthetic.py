"""Synthetic newsroom data with realistic skew, for the scale benchmark and the tests.

- `articles(n)`: short English wire stories; claimants drawn from a Zipf distribution
  over a vocabulary of invented company names (a few companies are in most stories, most
  in one or two, as in a real archive), figures consistent per claim with occasional
  slips (a changed figure, a lost magnitude word, a moved date), so the rules find things.
- `mention_rows(n)`: mention rows (the columns `pipeline.analyse` returns) at any scale, up
  to millions, without extracting: rows of a pool of extracted synthetic articles are
  copied with claimants, documents and publication dates re-drawn (Zipf again), for the
  grouping and rules benchmark.

    python benchmarks/synthetic.py articles 1000 > synthetic.jsonl   # a corpus to scan
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

_PREFIX = ["Alder", "Birch", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iron", "Juniper",
           "Kestrel", "Lumen", "Maple", "Nimbus", "Onyx", "Pioneer", "Quartz", "Raven", "Summit", "Tundra",
           "Umber", "Vantage", "Willow", "Xenon", "Yarrow", "Zephyr"]
_MIDDLE = ["Atlantic", "Northern", "Pacific", "Silver", "Golden", "Eastern", "Western", "Royal", "United",
           "Central", "Coastal", "Highland"]
_KIND = ["Mining", "Energy", "Foods", "Motors", "Airlines", "Steel", "Bancorp", "Pharma", "Telecom", "Retail",
         "Shipping", "Chemicals", "Insurance", "Media", "Software", "Logistics"]
_PLACE = ["", "Texas", "Ohio", "Bavaria", "Ontario", "Yukon", "Nevada", "Oregon", "Hudson", "Baltic", "Andes",
          "Sahara", "Delta", "Alpine", "Cascade", "Prairie", "Bay", "Valley", "River", "Lake"]
_SUFFIX = ["Corp", "Inc", "Ltd", "Plc", "Group", ""]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def companies(n: int, seed: int = 7) -> list[str]:
    """`n` distinct invented company names (at most about 500,000)."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        parts = [rng.choice(_PREFIX), rng.choice(_PLACE), rng.choice(_MIDDLE) if rng.random() < 0.5 else "",
                 rng.choice(_KIND), rng.choice(_SUFFIX)]
        name = " ".join(p for p in parts if p)
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


class Zipf:
    """Ranks 0..n-1 with P(rank k) ~ 1/(k+1)**s (s ~ 1.1: word and entity frequencies in news)."""

    def __init__(self, n: int, s: float = 1.1, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        weights = [1.0 / (k + 1) ** s for k in range(n)]
        total = sum(weights)
        acc, self.cum = 0.0, []
        for w in weights:
            acc += w / total
            self.cum.append(acc)

    def draw(self, k: int = 1) -> list[int]:
        import bisect

        n = len(self.cum) - 1
        return [min(bisect.bisect_left(self.cum, self.rng.random()), n) for _ in range(k)]


def _money(rng: random.Random, base: float, slip: float) -> str:
    value = base
    r = rng.random()
    if r < slip / 2:
        value = round(base * rng.choice([1.1, 0.9, 1.25]), 1)
    elif r < slip:  # a lost magnitude word ("4.5 dlrs" for "4.5 billion dlrs") is rarer
        return f"{base:g} dlrs"
    return f"{value:g} {'billion' if base < 20 else 'mln'} dlrs"


def articles(n: int, *, seed: int = 1, vocabulary: int = 5000, zipf_s: float = 1.1,
             slip: float = 0.08) -> Iterator[dict[str, Any]]:
    """`n` corpus records ({"id", "text", "date", "title", "lang"}), deterministic for a seed."""
    rng = random.Random(seed)
    names = companies(vocabulary, seed)
    zipf = Zipf(vocabulary, zipf_s, seed + 1)
    start = dt.date(2021, 1, 4)
    for i in range(n):
        who = [names[k] for k in dict.fromkeys(zipf.draw(3))]
        day = start + dt.timedelta(days=rng.randrange(720))
        sentences = []
        for j, co in enumerate(who):
            h = random.Random(f"{co}|{seed}")  # the company's true figures: the same in every story
            revenue, invest, profit = round(h.uniform(1, 90), 1), round(h.uniform(100, 900)), round(h.uniform(1, 15), 1)
            month, year = h.choice(_MONTHS), 2021 + h.randrange(3)
            name = co if j == 0 or rng.random() < 0.7 else co.split()[0]
            options = [
                f"{name} said it expects revenue of {_money(rng, revenue, slip)} for {year}.",
                f"{name} will invest {_money(rng, invest, slip)} in new plants, the company said on "
                f"{day.strftime('%A')}.",
                f"{name} reported a net profit of {_money(rng, profit, slip)} for the year.",
                f"The takeover of {name} is expected to close in "
                f"{rng.choice(_MONTHS) if rng.random() < slip else month} {year}, the company said.",
                f"Shares of {name} rose 3 pct in early trading after the announcement.",
            ]
            rng.shuffle(options)
            sentences += options[: rng.randint(2, 4)]
        title = f"{who[0]} outlines plans"
        yield {"id": f"syn-{seed}-{i:07d}", "title": title, "date": day.isoformat(), "lang": "en",
               "text": f"{title}\n\nNEW YORK, {_MONTHS[day.month - 1]} {day.day} - " + " ".join(sentences)}


def mention_rows(n: int, *, seed: int = 3, vocabulary: int = 50_000, zipf_s: float = 1.1,
                 pool: int = 2000, per_doc: int = 6, noise: float = 0.01) -> list[dict[str, Any]]:
    """`n` mention rows: extracted rows of `pool` synthetic articles, re-drawn at scale.

    Each copy keeps a real row's figure, wording and attribution but gets a claimant
    drawn by Zipf from `vocabulary` names (replaced in the sentence too), a document of
    its own (`per_doc` rows each) and that document's publication date. A claimant's
    rows copy one of four template rows of its own (its figures are reported consistently),
    except a `noise` share copying any row (a different or mistaken figure).
    """
    from factcheck.pipeline import analyse, documents_from_records
    from factcheck.ruleset import load_rules

    lex = load_rules().lexicon
    templates = [r for d in documents_from_records(articles(pool, seed=seed))
                 for r in analyse(d, lex) if isinstance(r.get("actor"), str)]
    names = companies(vocabulary, seed + 100)
    zipf = Zipf(vocabulary, zipf_s, seed + 2)
    rng = random.Random(seed)
    start = dt.date(2021, 1, 4)
    out: list[dict[str, Any]] = []
    ranks = zipf.draw(n)
    doc_date = start
    for i in range(n):
        if i % per_doc == 0:
            doc_date = start + dt.timedelta(days=rng.randrange(720))
        k = ranks[i]
        at = rng.randrange(len(templates)) if rng.random() < noise else (k * 7919 + rng.randrange(4) * 104729)
        t = templates[at % len(templates)]
        old, new = t["actor"], names[ranks[i]]
        r = dict(t, doc=f"syn{i // per_doc:07d}", actor=new, sentence=t["sentence"].replace(old, new))
        if isinstance(r.get("subject"), str):
            r["subject"] = r["subject"].replace(old, new)
        if isinstance(r.get("entities"), list):
            r["entities"] = [e.replace(old, new) for e in r["entities"]]
        if "doc_date" in r:
            r["doc_date"] = doc_date.isoformat()
        out.append(r)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("articles",):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    for rec in articles(int(argv[2])):
        sys.stdout.write(json.dumps(rec) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
