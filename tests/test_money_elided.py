"""Ranges whose lower bound repeats or elides its magnitude and currency, and elided amounts
after a count: invented sentences (hand check of issue 18, samples 2 and 3)."""

from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def spans(text, lang="en"):
    return [(text[s.start:s.end], s.qualifier, s.low, s.high, s.currency) for s in find_money(text, lang)]


@pytest.mark.parametrize(("text", "lang", "written", "low", "high", "currency"), [
    pytest.param("The miner asked its banks for 100 mln to 150 mln dlrs in new credit.", "en",
                 "100 mln to 150 mln dlrs", "1e8", "1.5e8", "USD", id="to-magnitude-repeated-currency-elided"),
    pytest.param("Analysts put the bill at 1.5 billion to 2 billion dlrs.", "en",
                 "1.5 billion to 2 billion dlrs", "1.5e9", "2e9", "USD", id="to-billion-repeated"),
    pytest.param("The bridge will cost 100 mln dlrs to 150 mln dlrs.", "en",
                 "100 mln dlrs to 150 mln dlrs", "1e8", "1.5e8", "USD", id="to-both-bounds-written-in-full"),
    pytest.param("A new stadium would cost $100m to $150m.", "en",
                 "$100m to $150m", "1e8", "1.5e8", "USD", id="to-both-bounds-with-a-sign"),
    pytest.param("The strike will cut its profit by $3.8m to $4.5m.", "en",
                 "$3.8m to $4.5m", "3.8e6", "4.5e6", "USD", id="by-a-narrow-range"),
    pytest.param("Offers ranged from 10 mln to 100 mln dlrs.", "en",
                 "10 mln to 100 mln dlrs", "1e7", "1e8", "USD", id="ranged-from-allows-a-wide-range"),
    pytest.param("The scheme will cost £40m - £50m in all.", "en",
                 "£40m - £50m", "4e7", "5e7", "GBP", id="spaced-hyphen-both-bounds-with-a-sign"),
    pytest.param("The scheme will cost £40m- £50m in all.", "en",
                 "£40m- £50m", "4e7", "5e7", "GBP", id="hyphen-then-space"),
    pytest.param("The scheme will cost £40m-£50m in all.", "en",
                 "£40m-£50m", "4e7", "5e7", "GBP", id="hyphen-after-a-short-magnitude"),
    pytest.param("The scheme will cost £40m - 50m in all.", "en",
                 "£40m - 50m", "4e7", "5e7", "GBP", id="spaced-hyphen-upper-bound-elided-currency"),
    pytest.param("Die Sanierung kostet 100 Millionen bis 150 Millionen Euro.", "de",
                 "100 Millionen bis 150 Millionen Euro", "1e8", "1.5e8", "EUR", id="bis-magnitude-repeated"),
    pytest.param("Die Sanierung kostet 100 Mio. Euro bis 150 Mio. Euro.", "de",
                 "100 Mio. Euro bis 150 Mio. Euro", "1e8", "1.5e8", "EUR", id="bis-both-bounds-in-full"),
    pytest.param("Die Sanierung kostet 100 Mio. - 150 Mio. Euro.", "de",
                 "100 Mio. - 150 Mio. Euro", "1e8", "1.5e8", "EUR", id="spaced-hyphen-magnitude-repeated"),
    pytest.param("Die Sanierung kostet zwischen 100 Mio. Euro und 150 Mio. Euro.", "de",
                 "zwischen 100 Mio. Euro und 150 Mio. Euro", "1e8", "1.5e8", "EUR", id="zwischen-und-in-full"),
])
def test_a_range_with_its_lower_bound_written_out_is_one_range(text, lang, written, low, high, currency):
    assert spans(text, lang) == [(written, "range", Decimal(low), Decimal(high), currency)]


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("Operating profit rose 20 mln to 150 mln dlrs.", "en", id="a-rise-by-then-the-new-level"),
    pytest.param("Group sales grew from 100 mln dlrs to 150 mln dlrs.", "en", id="from-then-to-is-a-change"),
    pytest.param("The deficit was cut by 20 billion to 35 billion dlrs.", "en", id="by-then-to-is-a-change"),
    pytest.param("Reserves rose by 408 mln marks to 594 mln.", "en", id="a-change-in-its-currency-then-the-level"),
    pytest.param("The budget trims defence outlays 120 mln to 640 mln dlrs.", "en",
                 id="far-apart-without-a-range-word"),
    pytest.param("It paid 50 mln Canadian dlrs - 36 mln U.S. dlrs.", "en", id="two-currencies-are-no-range"),
    pytest.param("LONDON, April 3 - 5 mln dlrs were wired to the bank.", "en", id="a-dateline-is-no-range"),
])
def test_a_change_or_a_conversion_joined_by_to_or_a_dash_is_not_a_range(text, lang):
    assert all(q != "range" for _, q, *_ in spans(text, lang))


# ------------------------------------------------------------ sample 14: a currency on both bounds, no magnitude

@pytest.mark.parametrize(("text", "written", "low", "high", "currency"), [
    pytest.param("The new games will sell at prices ranging from pounds 19 to pounds 29.",
                 "pounds 19 to pounds 29", "19", "29", "GBP", id="ranging-from-a-currency-word-before-each-bound"),
    pytest.param("The new games are priced from £19 to £29.", "£19 to £29", "19", "29", "GBP",
                 id="priced-from-a-sign-on-each-bound"),
    pytest.param("Hotel rooms ranged from 90 dlrs to 140 dlrs.", "90 dlrs to 140 dlrs", "90", "140", "USD",
                 id="ranged-from-a-currency-after-each-bound"),
    pytest.param("Tickets range from 97p to £1.20.", "97p to £1.20", "0.97", "1.20", "GBP",
                 id="pence-to-pounds"),
])
def test_a_range_with_its_currency_on_both_bounds_and_no_magnitude_is_one_range(text, written, low, high, currency):
    assert spans(text) == [(written, "range", Decimal(low), Decimal(high), currency)]


def test_a_range_with_its_currency_on_both_bounds_keeps_its_rate():
    got = find_money("LONDON, May 4 - Offers ranged from 140 stg to 170 stg a tonne.")
    assert [(s.qualifier, s.low, s.high, s.per) for s in got] == [("range", Decimal(140), Decimal(170), "tonne")]


@pytest.mark.parametrize("text", [
    pytest.param("The price of the game rose from pounds 19 to pounds 29.", id="rose-from-is-a-move"),
    pytest.param("Harbour shares fell from $29 to $19 in a week.", id="fell-from-is-a-move"),
    pytest.param("They cut the fee from £19 to £29 for members.", id="from-after-a-noun-is-no-range-word"),
    pytest.param("Fees ranging from £19 to $29 apply.", id="two-currencies-are-no-range"),
    pytest.param("Prices ranging from £2 to £290 apply.", id="bounds-too-far-apart"),
])
def test_bounds_with_their_currency_but_no_range_word_stay_two_amounts(text):
    assert [q for _, q, *_ in spans(text)] == ["exact", "exact"]


@pytest.mark.parametrize(("text", "lang", "money"), [
    pytest.param("The group paid 300 mln dlrs for the plant and issued 300 mln shares, up from 270.1 mln "
                 "a year earlier.", "en", ["300 mln dlrs"], id="shares-then-an-elided-count"),
    pytest.param("Der Konzern zahlte 300 Millionen Euro und gab 300 Millionen Aktien aus, nach 270 Millionen "
                 "im Vorjahr.", "de", ["300 Millionen Euro"], id="Aktien-then-an-elided-count"),
    pytest.param("March volume was 479.2 mln shares, up from 270.1 mln a year ago, and turnover was 680 mln "
                 "dlrs.", "en", ["680 mln dlrs"], id="shares-then-an-elided-count-before-money"),
    pytest.param("Im März wurden 479 Millionen Aktien gehandelt, nach 270 Millionen im Vorjahr, und der Umsatz "
                 "lag bei 680 Millionen Euro.", "de", ["680 Millionen Euro"],
                 id="Aktien-then-an-elided-count-before-money"),
    pytest.param("The mill sold 40 mln dlrs of paper, or 2.1 mln tonnes against 1.8 mln.", "en",
                 ["40 mln dlrs"], id="tonnes-then-an-elided-count"),
])
def test_an_elided_amount_after_a_count_takes_the_counts_unit_not_money(text, lang, money):
    assert [w for w, *_ in spans(text, lang)] == money


@pytest.mark.parametrize(("text", "lang", "money"), [
    pytest.param("Net profit was 5.2 mln dlrs vs 4.1 mln.", "en", ["5.2 mln dlrs", "4.1 mln"],
                 id="nothing-between-takes-the-money"),
    pytest.param("The unit earned 5.2 mln dlrs, on 1.2 billion shares, against 4.1 mln.", "en",
                 ["5.2 mln dlrs", "4.1 mln"],
                 id="a-count-of-another-magnitude-does-not-stand-between"),
    pytest.param("Der Umsatz stieg auf 2,1 Milliarden Euro, der Gewinn auf 1,7 Milliarden.", "de",
                 ["2,1 Milliarden Euro", "1,7 Milliarden"], id="German-elided-after-money"),
])
def test_an_elided_amount_after_money_with_no_count_between_stays_money(text, lang, money):
    assert [w for w, *_ in spans(text, lang)] == money


def test_every_money_span_has_all_its_fields_in_order():
    # (spans are built from a plain tuple of fields, for speed: a field added to MoneySpan
    # and not to that tuple must fail here)
    from factcheck.spans import MoneySpan

    text = "It paid about $8bn (£6.3bn), or 5 to 7 mln dlrs a year, on Net 4,000 vs 3,000."
    spans = find_money(text)
    assert spans and all(type(s) is MoneySpan and len(s) == len(MoneySpan._fields) for s in spans)
    first = spans[0]
    assert first == MoneySpan(*first)
    assert (first.qualifier, first.currency, first.currency_source, first.row_label) == \
        ("approx", "USD", "default", None)
