"""Ranges with a spelled-out or qualified lower bound, and a unit or rate written once for a
list of figures: invented sentences (hand check of issue 18, samples 3 and 4)."""

from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def spans(text, lang="en"):
    return [(text[s.start:s.end], s.qualifier, s.low, s.high, s.currency) for s in find_money(text, lang)]


def values(text, lang="en"):
    return [(text[s.start:s.end], s.value, s.currency, s.per) for s in find_money(text, lang)]


@pytest.mark.parametrize(("text", "lang", "written", "low", "high", "currency"), [
    pytest.param("The new terminal will cost between two and three billion dollars.", "en",
                 "between two and three billion dollars", "2e9", "3e9", "USD", id="between-spelled-and"),
    pytest.param("The refit is put at two to three billion dlrs.", "en",
                 "two to three billion dlrs", "2e9", "3e9", "USD", id="spelled-to"),
    pytest.param("A buyer might pay one or two billion dollars for the unit.", "en",
                 "one or two billion dollars", "1e9", "2e9", "USD", id="spelled-or"),
    pytest.param("The fund hopes to raise forty-five to fifty mln dlrs.", "en",
                 "forty-five to fifty mln dlrs", "4.5e7", "5e7", "USD", id="hyphenated-spelled-to"),
    pytest.param("Der Umbau kostet zwischen zwei und drei Milliarden Euro.", "de",
                 "zwischen zwei und drei Milliarden Euro", "2e9", "3e9", "EUR", id="zwischen-ausgeschrieben-und"),
    pytest.param("Der Umbau kostet zwei bis drei Milliarden Euro.", "de",
                 "zwei bis drei Milliarden Euro", "2e9", "3e9", "EUR", id="ausgeschrieben-bis"),
    pytest.param("Die Karte kostet zwei bis drei Euro.", "de",
                 "zwei bis drei Euro", "2", "3", "EUR", id="ausgeschrieben-bis-ohne-groessenwort"),
])
def test_a_spelled_out_lower_bound_takes_the_magnitude_and_currency_of_the_upper(text, lang, written, low, high,
                                                                                 currency):
    assert spans(text, lang) == [(written, "range", Decimal(low), Decimal(high), currency)]


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("Exports rose from two to three billion dlrs.", "en", id="from-then-to-is-a-change"),
    pytest.param("The two and three billion dlr bonds were sold.", "en", id="and-without-between-is-no-range"),
    pytest.param("It has two offices and three mln dlrs in cash.", "en", id="a-count-before-and-is-no-bound"),
    pytest.param("Die Kosten stiegen von zwei auf drei Milliarden Euro.", "de", id="von-auf-is-a-change"),
])
def test_a_spelled_number_that_is_no_lower_bound_leaves_the_amount_alone(text, lang):
    assert all(q != "range" for _, q, *_ in spans(text, lang))


@pytest.mark.parametrize(("text", "lang", "written", "low", "high", "currency"), [
    pytest.param("Die Gutachter schätzen den Schaden auf mindestens 90 bis 120 Millionen Euro.", "de",
                 "mindestens 90 bis 120 Millionen Euro", "9e7", "1.2e8", "EUR", id="mindestens-bis"),
    pytest.param("Insurers put the damage at at least 90 to 120 million dollars.", "en",
                 "at least 90 to 120 million dollars", "9e7", "1.2e8", "USD", id="at-least-to"),
    pytest.param("The sale should fetch more than 40 to 50 mln dlrs.", "en",
                 "more than 40 to 50 mln dlrs", "4e7", "5e7", "USD", id="more-than-to"),
    pytest.param("Die Sanierung kostet mindestens zwei bis drei Milliarden Euro.", "de",
                 "mindestens zwei bis drei Milliarden Euro", "2e9", "3e9", "EUR", id="mindestens-ausgeschrieben"),
])
def test_a_qualifier_before_a_range_keeps_the_range_whole(text, lang, written, low, high, currency):
    assert spans(text, lang) == [(written, "range", Decimal(low), Decimal(high), currency)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    pytest.param("The three plants will earn 1.5, 2.0 and 2.5 billion dlrs respectively.", "en",
                 [("1.5", "1.5e9"), ("2.0", "2.0e9"), ("2.5 billion dlrs", "2.5e9")], id="three-items-one-unit"),
    pytest.param("Sales were 250 and 300 mln dlrs in the two years.", "en",
                 [("250", "2.5e8"), ("300 mln dlrs", "3e8")], id="two-items-joined-by-and"),
    pytest.param("Die drei Werke verdienen 1,5, 2,0 und 2,5 Milliarden Euro.", "de",
                 [("1,5", "1.5e9"), ("2,0", "2.0e9"), ("2,5 Milliarden Euro", "2.5e9")], id="drei-posten-eine-einheit"),
    pytest.param("Quarterly payouts of 5, 6 and 7 cts were declared.", "en",
                 [("5", "0.05"), ("6", "0.06"), ("7 cts", "0.07")], id="cents-written-once"),
])
def test_a_unit_written_once_for_a_list_belongs_to_every_item(text, lang, expected):
    got = [(w, v, c) for w, v, c, _ in values(text, lang)]
    currency = "EUR" if lang == "de" else "USD"
    assert got == [(w, Decimal(v), currency) for w, v in expected]


@pytest.mark.parametrize(("text", "lang", "amount"), [
    pytest.param("In 1985, 1986 and 1987 the group paid 3 dlrs.", "en", "3 dlrs", id="years-before-an-amount"),
    pytest.param("It holds 12, 14 and 16 pct of three firms worth 5 mln dlrs.", "en", "5 mln dlrs",
                 id="a-list-of-percentages"),
    pytest.param("Die Linien 3, 4 und 5 kosten 2 Euro.", "de", "2 Euro", id="eine-aufzaehlung-vor-dem-betrag"),
])
def test_numbers_listed_before_an_unrelated_amount_are_not_money(text, lang, amount):
    assert [w for w, *_ in values(text, lang)] == [amount]


def test_a_rate_written_once_for_a_list_of_figures_reaches_every_item():
    text = ("Das Land zahlt 7.000 Euro pro Schüler an Grundschulen, an Gymnasien 8.400 Euro und an"
            " Berufsschulen rund 11.400 Euro.")
    assert [per for *_, per in values(text, "de")] == ["schüler", "schüler", "schüler"]


def test_a_rate_beside_the_first_of_two_parallel_amounts_belongs_to_the_second():
    text = "Pendler erhalten 306 Euro pro Monat, Studenten 31 Euro."
    assert [per for *_, per in values(text, "de")] == ["month", "month"]


def test_share_moves_listed_after_one_verb_are_all_per_share():
    text = "Shares in Acme fell 5p to 300p, Widget 8p to 120p and Gadget 3p to 617p."
    assert [per for *_, per in values(text)] == ["share"] * 6


def test_a_per_share_figure_named_before_the_amount_reaches_the_whole_list():
    text = "He expects per share earnings of 3.80 dlrs for Acme; 4.30 dlrs for Widget and 2.10 dlrs for Gadget."
    assert [per for *_, per in values(text)] == ["share", "share", "share"]


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("Tickets cost 12 dlrs a day, and the firm spent 2,000 dlrs in total on the fair.", "en",
                 id="a-total-ends-the-list"),
    pytest.param("Pendler erhalten 306 Euro pro Monat. Studenten zahlen 31 Euro.", "de",
                 id="a-new-sentence-ends-the-list"),
    pytest.param("Tickets cost 12 dlrs a day, and the fine is 5,000 dlrs.", "en", id="far-larger-is-no-item"),
    pytest.param("Tickets cost 12 dlrs a day, and 40 pounds sterling for the week.", "en",
                 id="another-currency-is-no-item"),
])
def test_a_rate_does_not_reach_an_amount_outside_its_list(text, lang):
    assert [per for *_, per in values(text, lang)][1:] == [None]


@pytest.mark.parametrize(("text", "amounts"), [
    pytest.param("It sold notes due March 1, 1997 and 75 mln dlrs of bonds.", ["75 mln dlrs"], id="a-date-before-and"),
    pytest.param("The bank bought bills on March 30 and 147 mln stg on April 8.", ["147 mln stg"],
                 id="a-day-of-a-month-before-and"),
    pytest.param("Prices fell from January 1987 and 1,750 stg a year ago.", ["1,750 stg"], id="a-year-before-and"),
    pytest.param("Fares went from 2 point 5 and three point two dollars.", ["three point two dollars"],
                 id="the-decimals-of-a-spelled-number-before-and"),
])
def test_a_date_before_a_listed_amount_is_no_item_of_the_list(text, amounts):
    assert [w for w, *_ in values(text)] == amounts


def test_an_amount_written_again_far_below_keeps_the_rate_it_was_first_written_with():
    filler = "The ministers talked about quotas and output for many long hours. " * 10
    text = ("The group fixed a reference price of 18 dlrs a barrel. " + filler
            + "It set up a 5 mln dlrs fund for studies. " + filler
            + "Members vowed to defend the 18 dlrs at any cost.")
    assert [per for *_, per in values(text)] == ["barrel", None, "barrel"]


def test_an_amount_written_with_two_rates_in_a_story_gives_neither_to_a_bare_repeat():
    filler = "Traders watched the screens all day long. " * 16
    text = ("Crude sold at 18 dlrs a barrel. " + filler + "Shares of the refiner rose to 18 dlrs per share. "
            + filler + "A 5 mln dlrs loan was signed. " + filler + "Nobody expected 18 dlrs.")
    assert [per for *_, per in values(text)][-1] is None


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("The company sold 1.5 mln shares at 23 cents to a group of investors.", "en", id="shares-at"),
    pytest.param("It bought 200,000 shares at an average price of 12.50 dlrs.", "en", id="shares-at-an-average-price"),
    pytest.param("Die Bank verkaufte zwei Mio. Aktien zu je 14 Euro.", "de", id="aktien-zu-je"),
])
def test_the_price_after_a_count_of_shares_is_per_share(text, lang):
    assert [per for *_, per in values(text, lang)] == ["share"]


def test_a_total_paid_for_shares_is_not_per_share():
    assert [per for *_, per in values("It sold its shares at 23 mln dlrs to a rival.")] == [None]
