"""A range whose lower bound carries its conversion in brackets between the bounds ("range from
$2m (£1.1m) to $3m (£1.6m)", "between 200 euros (£140) and 500 euros"): each bound is read as
the range, low and high, not as an exact figure; the conversions too when both bounds have one,
and a lone conversion as the floor it converts. A move from one price to another is no range.
Invented sentences (hand check of issue 18, samples 6, 10, 13 and 16)."""

from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def read(text, lang="en"):
    return {text[s.start:s.end]: (s.qualifier, s.low, s.high, s.currency, s.converts is not None, s.per)
            for s in find_money(text, lang)}


@pytest.mark.parametrize(("text", "lang", "bounds", "low", "high", "convs", "clow", "chigh"), [
    pytest.param("Estimates of the clean-up range from dollars 1.5m (pounds 0.8m) to dollars 3m (pounds 1.6m).",
                 "en", ["dollars 1.5m", "dollars 3m"], "1.5e6", "3e6", ["pounds 0.8m", "pounds 1.6m"], "8e5",
                 "1.6e6", id="range-from-to-each-converted"),
    pytest.param("The paintings were valued at between $20,000 (£11,000) and $40,000 (£22,000).", "en",
                 ["between $20,000", "$40,000"], "2e4", "4e4", ["£11,000", "£22,000"], "1.1e4", "2.2e4",
                 id="between-and-each-converted"),
    pytest.param("Die Sanierung kostet zwischen 2 Millionen Euro (1,7 Millionen Pfund) und 3 Millionen Euro "
                 "(2,6 Millionen Pfund).", "de", ["zwischen 2 Millionen Euro", "3 Millionen Euro"], "2e6", "3e6",
                 ["1,7 Millionen Pfund", "2,6 Millionen Pfund"], "1.7e6", "2.6e6", id="zwischen-und"),
])
def test_each_bound_of_a_range_with_conversions_between_is_read_as_the_range(text, lang, bounds, low, high,
                                                                           convs, clow, chigh):
    got = read(text, lang)
    for b in bounds:
        assert got[b][:3] == ("range", Decimal(low), Decimal(high)) and got[b][4]
    for c in convs:
        assert got[c][:3] == ("range", Decimal(clow), Decimal(chigh)) and got[c][4]


def test_a_lone_conversion_of_a_lower_bound_is_a_floor():
    text = "Passengers may claim between 200 euros (£140) and 500 euros, depending on the delay."
    got = read(text)
    assert got["between 200 euros"][:4] == ("range", Decimal(200), Decimal(500), "EUR")
    assert got["500 euros"][:4] == ("range", Decimal(200), Decimal(500), "EUR")
    assert got["£140"][:4] == ("at_least", Decimal(140), None, "GBP") and got["£140"][4]


def test_a_rate_written_at_the_upper_bound_reaches_the_lower_and_its_conversion():
    text = "Each brand will sell for prices ranging from £3 ($5.40) to £5 ($9) each."
    got = read(text)
    assert {got[w][5] for w in ("£3", "$5.40", "£5", "$9")} == {"unit"}
    assert got["£3"][:3] == ("range", Decimal(3), Decimal(5))


@pytest.mark.parametrize(("move", "range_"), [
    pytest.param("The shares fell from £3 ($5.40) to £2 ($3.60) on Monday.",
                 "Fares range from £2 ($3.60) to £3 ($5.40) a trip.", id="fell-from-to"),
    pytest.param("Its shares rose from dollars 2.5 (pounds 1.35) to dollars 4 (pounds 2.15).",
                 "Its tickets are priced from dollars 2.5 (pounds 1.35) to dollars 4 (pounds 2.15).",
                 id="rose-from-to"),
])
def test_a_word_of_range_makes_converted_bounds_a_range_and_a_move_stays_two_prices(move, range_):
    assert {q for q, *_ in read(move).values()} == {"exact"}
    assert {q for q, *_ in read(range_).values()} == {"range"}
