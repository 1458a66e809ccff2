"""The registry of date families: every family carries examples, and each example is read
by its family as the example says (the examples are data in `factcheck/extract/dates/registry.py`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.extract.dates import find_dates
from factcheck.extract.dates.assembly import find_dates_by_family
from factcheck.extract.dates.family import EXAMPLE_PUBDATE, parse_example
from factcheck.extract.dates.registry import BY_NAME, FAMILIES

EXAMPLES = [parse_example(f.name, line) for f in FAMILIES for line in f.examples]


def test_every_family_has_an_example():
    bare = [f.name for f in FAMILIES if not f.examples]
    assert not bare, f"families without examples: {bare}"


def test_family_names_say_what_they_read():
    for f in FAMILIES:
        assert re.fullmatch(r"[a-z]+(?:_[a-z]+)+|[a-z]{4,}", f.name), f"{f.name}: a name of words, not a code"
    assert len(BY_NAME) == len(FAMILIES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.family}:{e.text[:40]}" for e in EXAMPLES])
def test_family_example_is_read_by_its_family(example):
    got = [(name, example.text[s.start : s.end], s.date_start, s.date_end, s.granularity)
           for name, s in find_dates_by_family(example.text, example.lang, EXAMPLE_PUBDATE)]
    want = (example.family, example.text[example.start : example.end], example.date_start, example.date_end,
            example.granularity)
    assert want in got, f"{example.family} should read {want[1:]!r} in {example.text!r}; read: {got}"


def test_find_dates_by_family_gives_the_spans_of_find_dates():
    text = "Sales rose 5 pct in the third quarter of 1986 from a year earlier, and on Friday, March 6."
    assert [s for _, s in find_dates_by_family(text, "en", EXAMPLE_PUBDATE)] == find_dates(text, "en", EXAMPLE_PUBDATE)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("22 Jan 2025 2025-01-22 day", "not in the form"),
        ("[22 Jan] [2025] => 2025-01-22 day", "part at most"),
        ("summer 2019 => 2019-06-21 season", "needs its end"),
        ("22 Jan 2025 => 2025-01-22 fortnight", "not in the form"),
    ],
)
def test_a_malformed_example_is_refused_with_the_family_named(line, problem):
    with pytest.raises(ValueError, match=problem) as err:
        parse_example("day_month_year", line)
    assert "family day_month_year" in str(err.value)


def test_an_example_marks_the_part_read():
    ex = parse_example("bare_month", "de: Preise stiegen im [März] stark => 2012-03-01 month")
    assert (ex.lang, ex.text[ex.start : ex.end], ex.date_end.isoformat()) == ("de", "März", "2012-04-01")


def test_no_module_of_the_dates_package_is_over_700_lines():
    package = Path(__file__).resolve().parent.parent / "factcheck" / "extract" / "dates"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in package.glob("*.py")}
    assert sizes and max(sizes.values()) <= 700, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
