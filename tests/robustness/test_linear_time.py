"""Linear-time guards: hostile 1 MB strings finish within a generous bound.

A regex that backtracks, or a loop over all mentions inside a loop over all mentions, turns
a 1 MB line into minutes or hours; each bound here is far above the linear cost (well under
a few seconds) and far below the quadratic one. `python benchmarks/fuzz.py --linear` runs
the mention-dense cases at 1 MB too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import attribute as attribute_mod
from factcheck.documents import Document
from factcheck.extract import find_mentions
from factcheck.extract.dates import find_dates
from factcheck.extract.money import find_money
from factcheck.htmltext import parse_html
from factcheck.pipeline import analyse, documents_from_records, scan_documents
from factcheck.read import read_inputs
from factcheck.ruleset import RuleSet

MB = 1_000_000
PUB = dt.date(2024, 5, 1)
BOUND = 20.0  # seconds for 1 MB; the linear cost is ~0.1-2 s, a quadratic one is minutes


def rep(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Strings that match almost nothing but tempt a regex to backtrack: 1 MB each.
SPARSE = {
    "digit-run": "1" * MB,
    "digit-groups": rep("1,000,"),
    "separators": rep(", "),
    "dashes": "-" * MB,
    "magnitude-words": rep("million "),
    "german-magnitudes": rep("Mrd. "),
    "no-spaces-letters": rep("abcdefghij"),
    "no-spaces-digits-letters": rep("a1b2c3"),
    "month-names": rep("January "),
    "months-run-together": rep("JanuaryFebruaryMärz"),
    "qualifiers": rep("up to about more than "),
    # 1 MB made of 64 KB runs of further hostile kinds: a quadratic cost in any one of them
    # is still (64 KB)^2 steps, far beyond the bound.
    "mixed-runs": "".join(rep(u, 64_000) for u in (
        "$" + "9" * 100, "1.000.", ".", "1'", "millionbillion", "é€ß\u00a0", "\n", "1\u202f", "Mio.Mrd.",
        "1-", "1/", "2023-", "FY", "½", "20er", "vor ")),
}

# Strings dense with mentions: the work grows with the mentions found, so 64 KB each here
# (10,000-30,000 mentions; a quadratic step would be 10^8-10^9).
DENSE = {
    "digits-and-spaces": rep("1 ", 64_000),
    "decimals": rep("1.5 ", 64_000),
    "currency-figures": rep("$1bn ", 64_000),
    "ranges": rep("$1 to ", 64_000),
    "milliarden": rep("Milliarden ", 64_000),
    "month-years": rep("March 2023 ", 64_000),
    "german-dates": rep("1. Mai ", 64_000),
    "quarters": rep("Q1 ", 64_000),
    "heute": rep("heute ", 64_000),  # each one weighed for the day or the present at large
    "then-and-now": rep("1990 war es damals, heute ist es anders, ", 64_000),
    "parts-of-periods": rep("the first nine months of 1986 and the six months to March 31, ", 64_000),
    "spaces-before-dates": rep(" " * 500 + "1986", 64_000),
    "month-ranges-and-nouns": rep("January-March/April sales for May, ", 64_000),
    "parts-of-the-year": rep("the first two months of the year, ", 64_000),
}


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", list(SPARSE))
def test_extractors_on_1_mb_hostile_strings(name: str, lang: str) -> None:
    text = SPARSE[name]
    assert timed(lambda: find_money(text, lang)) < BOUND
    assert timed(lambda: find_dates(text, lang, PUB)) < BOUND


@pytest.mark.parametrize("name", list(DENSE))
def test_extractors_on_mention_dense_strings(name: str) -> None:
    text = DENSE[name]
    lang = "de" if name in ("milliarden", "german-dates", "heute", "then-and-now") else "en"
    assert timed(lambda: find_money(text, lang)) < BOUND / 2
    assert timed(lambda: find_dates(text, lang, PUB)) < BOUND / 2


@pytest.mark.parametrize("name", ["digit-run", "no-spaces-letters", "magnitude-words"])
def test_find_mentions_and_attribution_on_1_mb_hostile_strings(name: str, ruleset: RuleSet) -> None:
    doc = Document(id="d", text=SPARSE[name], lang="en", date=PUB)
    assert timed(lambda: analyse(doc, ruleset.lexicon)) < BOUND


@pytest.mark.parametrize("unit", ["includes gain of 1 dlrs and ", "raised by 2 dlrs, or 3 cts a share, vs "])
def test_attribution_of_one_sentence_dense_with_figures(unit: str, ruleset: RuleSet) -> None:
    # 64 KB without a sentence end: clauses, horizons and refinements are found per sentence
    # or by bisection, never by a scan of the sentence for each of its figures
    doc = Document(id="d", text="Net " + rep(unit, 64_000), lang="en", date=PUB)
    assert timed(lambda: analyse(doc, ruleset.lexicon)) < BOUND / 2


def test_sentence_splitting_of_1_mb_of_breaks() -> None:
    text = "".join(rep(unit, 125_000) for unit in ("Mr. ", "U.S.", ". ", "\n• ", "Ab\n", '." A', "A. B", "\n\n"))
    doc = Document(id="d", text=text, lang="en", date=PUB)
    assert timed(lambda: find_mentions(doc)) < BOUND


@pytest.mark.parametrize("suffix, units", [
    (".html", ["<b><i>", "<!-- x -->", "&amp;&#x41;&", "<math>", "</svg>", "<![x[", "<p", " a='"]),
    (".md", ["# " + "#" * 1000 + "\n", "---\n", "# a" + " " * 1000, "title: x\n"]),
    (".txt", ["Published: ", "Stand: 1.1.", "Updated on ", "\u00e4"]),
])
def test_readers_on_1_mb_hostile_files(tmp_path: Path, suffix: str, units: list[str]) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text("Acme paid $5 million.\n" + "".join(rep(u, MB // len(units)) for u in units), encoding="utf-8")
    assert timed(lambda: read_inputs([str(path)])) < BOUND


def test_parse_html_of_1_mb_of_unclosed_hidden_elements() -> None:
    assert timed(lambda: parse_html("<math>" * 100_000 + "</svg>" * 100_000)) < BOUND


# -- quadratic traps in the mentions of one document or claim ----------------------------------


def test_a_mention_sentence_is_bounded_however_long_the_sentence() -> None:
    text = rep("$1bn ", 20_000)  # one 20 KB "sentence", 4,000 mentions
    rows, _ = find_mentions(Document(id="d", text=text, lang="en", date=PUB))
    assert len(rows) == 4_000
    assert max(len(r["sentence"]) for r in rows) <= 5_000


class _CountingList(list):
    """A list that counts the items handed out by iteration."""

    seen = 0

    def __iter__(self):
        for item in super().__iter__():
            _CountingList.seen += 1
            yield item


def test_attribution_looks_only_at_the_entities_of_the_sentence(monkeypatch, ruleset: RuleSet) -> None:
    real = attribute_mod.find_entities
    monkeypatch.setattr(attribute_mod, "find_entities", lambda *a, **k: _CountingList(real(*a, **k)))
    _CountingList.seen = 0
    doc = Document(id="d", text="OpenAI raised $5 billion. " * 2_000, lang="en", date=PUB)
    rows = analyse(doc, ruleset.lexicon)
    assert len(rows) == 2_000
    assert _CountingList.seen <= 50 * len(rows), f"{_CountingList.seen:,} entity visits for {len(rows):,} mentions"


def test_candidate_pairs_stay_linear_when_one_claim_fills_the_archive(ruleset: RuleSet) -> None:
    """600 near-identical articles of one claimant: every article is linked to a few others
    (the story neighbours are bounded) and the claimant block is too big to pair all with all,
    so the pairs grow with the articles, not their square."""
    from factcheck.claims import score_pairs

    docs = documents_from_records([{"id": f"a{i}", "text": f"OpenAI raised ${5 + i % 2} billion in 2023.",
                                    "date": "2024-01-02"} for i in range(600)])
    result = scan_documents(docs, ruleset)
    pairs = score_pairs(result.corpus.mentions, result.corpus.docs, ruleset.decision)
    assert len(pairs) <= 20 * len(docs), f"{len(pairs):,} candidate pairs for {len(docs):,} articles"


@pytest.mark.parametrize("text, lang", [
    ("In 1986 " + rep("profit rose from the previous month and "), "en"),
    ("In 1986 " + rep("up from a year earlier, "), "en"),
    (rep("im Vorjahr "), "de"),
    (rep("In March 1986 sales rose from a year earlier and the previous month. "), "en"),
    ("In March 1986 " + rep("up from the same month last year and the same period of 1985, "), "en"),
    (rep("\n\n\nthe previous year"), "en"),  # a line start to find before every one
    (rep("the fourth quarter ended January 31 and the year-ago quarter "), "en"),
], ids=["previous-month", "a-year-earlier", "im-vorjahr", "mixed-sentences", "same-period", "newlines",
        "ended-quarters"])
def test_dates_that_point_back_stay_linear_in_a_1_mb_sentence(text: str, lang: str) -> None:
    # each looks back only so far within its sentence (a loop over all dates before it
    # took minutes here)
    assert timed(lambda: find_dates(text, lang, PUB)) < BOUND
