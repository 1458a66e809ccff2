"""Money extraction: the forms newsrooms print, read exactly, and what is not money."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def one(text: str, lang: str = "en"):
    found = find_money(text, lang)
    assert len(found) == 1, [text[s.start:s.end] for s in found]
    s = found[0]
    return text[s.start:s.end], s


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    ("invest $500bn over", "en", "$500bn", 500e9, "USD"),
    ("a $10 million initiative", "en", "$10 million", 10e6, "USD"),
    ("US$ 75 million", "en", "US$ 75 million", 75e6, "USD"),
    ("1.44 billion dlrs", "en", "1.44 billion dlrs", 1.44e9, "USD"),
    ("124.4 mln\ndlrs", "en", "124.4 mln\ndlrs", 124.4e6, "USD"),
    ("5 mln stg", "en", "5 mln stg", 5e6, "GBP"),
    ("€10M", "en", "€10M", 10e6, "EUR"),
    ("£600m", "en", "£600m", 600e6, "GBP"),
    ("¥2.5 billion", "en", "¥2.5 billion", 2.5e9, "JPY"),
    ("CHF 40 million", "en", "CHF 40 million", 40e6, "CHF"),
    ("$2.174T", "en", "$2.174T", 2.174e12, "USD"),
    ("1,500,000 dlrs", "en", "1,500,000 dlrs", 1.5e6, "USD"),
    ("eight mln dlrs", "en", "eight mln dlrs", 8e6, "USD"),
    ("a billion dollars", "en", "a billion dollars", 1e9, "USD"),
    ("1,5 Milliarden Euro", "de", "1,5 Milliarden Euro", 1.5e9, "EUR"),
    ("1.500.000 Euro", "de", "1.500.000 Euro", 1.5e6, "EUR"),
    ("2,5 Mio. Euro", "de", "2,5 Mio. Euro", 2.5e6, "EUR"),
    ("3 Mrd. Euro", "de", "3 Mrd. Euro", 3e9, "EUR"),
    ("zwei Milliarden Euro", "de", "zwei Milliarden Euro", 2e9, "EUR"),
    ("277 Millionen Dollar", "de", "277 Millionen Dollar", 277e6, "USD"),
    ("500 US-Dollar", "de", "500 US-Dollar", 500, "USD"),
    ("40 Millionen Franken", "de", "40 Millionen Franken", 40e6, "CHF"),
    ("100 Pfund", "de", "100 Pfund", 100, "GBP"),
])
def test_amounts_currencies_and_magnitudes(text, lang, span, value, currency):
    got, s = one(text, lang)
    assert got == span
    assert float(s.value) == pytest.approx(value)
    assert s.currency == currency
    assert s.qualifier == "exact"


def test_german_billion_is_ten_to_the_twelfth():
    _, s = one("Schulden von 2 Billionen Euro", "de")
    assert s.value == Decimal(2) * 10**12


def test_english_billion_is_ten_to_the_ninth():
    _, s = one("debt of 2 billion euros", "en")
    assert s.value == Decimal(2) * 10**9


def test_values_stay_exact_decimals():
    _, s = one("1.44 billion dlrs")
    assert s.value == Decimal("1440000000")


def test_cents_are_read_in_the_main_unit_with_fractions():
    got, s = one("a dividend of 17-1/2 cts")
    assert got == "17-1/2 cts"
    assert s.value == Decimal("0.175")


@pytest.mark.parametrize(("text", "lang", "qualifier", "low", "high"), [
    ("raise up to $7 trillion", "en", "up_to", None, 7e12),
    ("„mindestens 500 Milliarden US-Dollar“", "de", "at_least", 5e11, None),
    ("valuation to over $100 billion", "en", "more_than", 1e11, None),
    ("more than $5 million", "en", "more_than", 5e6, None),
    ("less than $5 million", "en", "less_than", None, 5e6),
    ("bis zu 3 Mrd. Euro", "de", "up_to", None, 3e9),
    ("rund 2 Mio. Euro", "de", "approx", 1.8e6, 2.2e6),
    ("about $100 million", "en", "approx", 90e6, 110e6),
    ("nearly $2.3 billion", "en", "approx", 2.231e9, 2.3e9),  # 3%: more than its last digit's half
    ("knapp 2 Millionen Euro", "de", "approx", 1.8e6, 2e6),
    # a writer rounds to the digits written: "nearly $15 million" is no $13.6 million
    ("nearly $15 million", "en", "approx", 14.5e6, 15e6),
    ("about $3.6 billion", "en", "approx", 3.492e9, 3.708e9),
    ("roughly $200 million", "en", "approx", 180e6, 220e6),  # rounded to the hundred million: 10%
    ("just over $5.25m", "en", "approx", 5.25e6, 5.4075e6),
    ("about $100,000,000,000,000,000,000", "en", "approx", 9e19, 1.1e20),  # rounded to 10**20: 10%
])
def test_qualifiers_become_bounds(text, lang, qualifier, low, high):
    _, s = one(text, lang)
    assert s.qualifier == qualifier
    assert (None if s.low is None else float(s.low)) == pytest.approx(low)
    assert (None if s.high is None else float(s.high)) == pytest.approx(high)


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    ("$2-3 billion", "en", 2e9, 3e9),
    ("between $5m and $7m", "en", 5e6, 7e6),
    ("zwischen 2 und 3 Mrd. Euro", "de", 2e9, 3e9),
    ("5 to 7 mln dlrs", "en", 5e6, 7e6),
])
def test_ranges_are_one_mention_with_both_bounds(text, lang, low, high):
    got, s = one(text, lang)
    assert got == text
    assert s.qualifier == "range"
    assert (float(s.low), float(s.high)) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    ("the billions of dollars being invested", "en", 1e9, 1e12),
    ("to raise several billion dollars", "en", 2e9, 1e10),
    ("Die Ausgaben beliefen sich nur auf wenige Milliarden.", "de", 1e9, 1e10),
    ("mehrere Milliarden Euro", "de", 2e9, 1e10),
])
def test_vague_amounts_get_order_of_magnitude_bounds(text, lang, low, high):
    _, s = one(text, lang)
    assert s.qualifier == "vague"
    assert s.value is None
    assert (float(s.low), float(s.high)) == (pytest.approx(low), pytest.approx(high))


def test_vague_amount_without_currency_needs_a_money_sentence():
    assert find_money("Wenige Milliarden Menschen leben dort.", "de") == []


@pytest.mark.parametrize(("text", "per"), [
    ("100 dlrs a share", "share"),
    ("110 dlrs\nper share", "share"),
    ("a 100-dlr-a-share offer", "share"),
    ("$50,000 a year", "year"),
    ("2 Euro pro Aktie", "share"),
])
def test_rates_keep_their_unit(text, per):
    _, s = one(text, "de" if "Euro" in text else "en")
    assert s.per == per


def test_earnings_table_figures_are_in_the_currency_of_the_story():
    text = "Shr 37 cts vs loss 10 cts\n    Net 528,790 vs 286,969\n    Revs 12.5 mln vs 10.1 mln\n"
    found = {text[s.start:s.end]: s for s in find_money(text)}
    assert found["528,790"].currency == "USD" and found["528,790"].value == 528790
    assert found["528,790"].currency_source == "default"
    assert found["12.5 mln"].value == Decimal("12500000")
    assert found["37 cts"].value == Decimal("0.37")


@pytest.mark.parametrize("text", [
    "2,000 workers were laid off",
    "the Boeing 747 fleet",
    "profit rose 5%",
    "shares rose 12 pct",
    "in 2019, the company",
    "call 555-1234 now",
    "the ticker <AFG> rose",
    "echo $HOME and ${PATH}",
    "Trainium 2 chips",
    "$5 T-shirts",
])
def test_things_that_are_not_money(text):
    assert [text[s.start:s.end] for s in find_money(text) if s.value and s.value > 10] == []


def test_every_span_is_the_surface_text():
    text = "Stargate will invest $500bn; SoftBank puts in „mindestens 500 Milliarden US-Dollar“."
    for s in find_money(text, "en"):
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        assert s.start < s.end


_MB = 1_000_000
_PATTERNS = {
    "digits": "9",
    "dollar-signs": "$",
    "comma-groups": "1,",
    "magnitude-words": "5 billion ",
    "dotted": "$1.1.1.1.1",
    "qualifiers": "up to ",
    "space-groups": "123 ",
    "number-words": "one two three four five six seven eight nine ",
    "articles": "a ",
    "vague-words": "billions of billions of ",
    "short-lines": "5\n",
    "fractions": "1-1/2 ",
    "coin-sentences": "Dime. ",
    "hyphen-chains": "$2-3-4-5-",
    "dense-figures": "$1 ",
}


# a megabyte reads in about a second; catastrophic backtracking would take minutes or hours,
# so a generous bound catches it without failing on a busy machine
_BUDGET = 20.0


@pytest.mark.parametrize("name", ["digits", "dollar-signs", "comma-groups", "magnitude-words"])
def test_one_megabyte_of_hostile_text_is_read_in_linear_time(name):
    unit = _PATTERNS[name]
    hostile = unit * (_MB // len(unit))
    t0 = time.process_time()  # CPU time: a loaded machine slows wall time, not this
    find_money(hostile)
    assert time.process_time() - t0 < _BUDGET


def test_one_megabyte_of_every_hostile_pattern_mixed_is_read_in_linear_time():
    chunk = _MB // len(_PATTERNS)
    hostile = "".join(unit * (chunk // len(unit)) for unit in _PATTERNS.values())
    t0 = time.process_time()
    find_money(hostile)
    assert time.process_time() - t0 < _BUDGET


@pytest.mark.parametrize("name", list(_PATTERNS))
def test_time_grows_linearly_with_hostile_text(name):
    """Four times the text may take at most eight times as long (with slack for timer noise)."""
    unit = _PATTERNS[name]

    def run(n: int) -> float:
        text = unit * (n // len(unit))
        t0 = time.perf_counter()
        find_money(text)
        return time.perf_counter() - t0

    small, large = run(25_000), run(100_000)
    assert large < 8 * small + 0.5
