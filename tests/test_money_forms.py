"""Every money form a newsroom prints, one hand-written case each, named by what it shows.

The texts are written for these tests (wire and web style), not copied from any corpus.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def only(text: str, lang: str = "en"):
    """The one mention in `text`: (its surface text, the MoneySpan)."""
    found = find_money(text, lang)
    assert len(found) == 1, [text[s.start:s.end] for s in found]
    s = found[0]
    return text[s.start:s.end], s


def case(name, text, span, value, currency, lang="en"):
    return pytest.param(text, lang, span, value, currency, id=name)


# (surface, value as a string for an exact Decimal comparison, ISO currency)
CURRENCIES = [
    case("dollar-sign", "paid $5 for it", "$5", "5", "USD"),
    case("US-dollar-sign", "a US$ 75 loan", "US$ 75", "75", "USD"),
    case("USD-before", "pay USD 5 more", "USD 5", "5", "USD"),
    case("USD-after", "costs 5 USD", "5 USD", "5", "USD"),
    case("USD-touching", "USD3.14 and", "USD3.14", "3.14", "USD"),
    case("euro-sign", "only €5 more", "€5", "5", "EUR"),
    case("EUR-before", "for EUR 125.", "EUR 125", "125", "EUR"),
    case("pound-sign", "a £600m deal", "£600m", "600000000", "GBP"),
    case("GBP-before", "for GBP 350.", "GBP 350", "350", "GBP"),
    case("yen-sign", "at ¥2.5 billion", "¥2.5 billion", "2500000000", "JPY"),
    case("CHF-before", "CHF 40 million in fines", "CHF 40 million", "40000000", "CHF"),
    case("dollars-word", "it cost 15 dollars.", "15 dollars", "15", "USD"),
    case("dlrs-wire", "sold for 1.44 billion dlrs", "1.44 billion dlrs", "1440000000", "USD"),
    case("dlr-wire-adjective", "a 100 mln dlr loan", "100 mln dlr", "100000000", "USD"),
    case("cts-wire", "rose 17 cts to", "17 cts", "0.17", "USD"),
    case("cents-word", "up 34 cents", "34 cents", "0.34", "USD"),
    case("stg-wire", "5 mln stg in bills", "5 mln stg", "5000000", "GBP"),
    case("yen-word", "lent 27.17 billion yen to", "27.17 billion yen", "27170000000", "JPY"),
    case("Canadian-dollar-prefix", "a C$5 fee", "C$5", "5", "CAD"),
    case("Australian-dollar-prefix", "Qantas paid A$5 million", "A$5 million", "5000000", "AUD"),
    case("sentence-opening-article-before-a-dollar-sign", "A $2bn funding gap remains.", "$2bn", "2000000000",
         "USD"),
    case("tokenised-one-letter-prefix", "the c $ 300 million charge", "c $ 300 million", "300000000", "CAD"),
    case("dlr-then-country", "a 4.3 billion dlr Canadian (3.22 billion U.S.) bid", "4.3 billion dlr Canadian",
         "4300000000", "CAD"),
    case("dlrs-then-country", "paid 5 mln dlrs Australian for it", "5 mln dlrs Australian", "5000000", "AUD"),
    case("Hong-Kong-dlrs", "a 3.51 billion H.K. Dlr deficit", "3.51 billion H.K. Dlr", "3510000000", "HKD"),
    case("US-Dlrs-title-case", "rose to 4.07 billion U.S. Dlrs from", "4.07 billion U.S. Dlrs", "4070000000",
         "USD"),
    case("rupees-Indian-grouping", "a loan of 12,34,567.89 rupees", "12,34,567.89 rupees", "1234567.89", "INR"),
    case("million-code-MUSD", "losses of 30 MUSD were", "30 MUSD", "30000000", "USD"),
    case("dollars-before-number-BBC-style", "sold for dollars 149 in the US", "dollars 149", "149", "USD"),
    case("pence-attached", "shares fell 4p to", "4p", "0.04", "GBP"),
    case("Dollar-German", "277 Millionen Dollar", "277 Millionen Dollar", "277000000", "USD", "de"),
    case("US-Dollar-German", "kostet 500 US-Dollar", "500 US-Dollar", "500", "USD", "de"),
    case("Euro-German", "für 1.500.000 Euro", "1.500.000 Euro", "1500000", "EUR", "de"),
    case("Pfund-German", "100 Pfund Strafe", "100 Pfund", "100", "GBP", "de"),
    case("Franken-German", "40 Millionen Franken", "40 Millionen Franken", "40000000", "CHF", "de"),
    case("Cent-German", "kostet 3,17 Cent brutto", "3,17 Cent", "0.0317", "EUR", "de"),
    case("Tausend-euro-sign-German", "100T€ Umsatz", "100T€", "100000", "EUR", "de"),
    case("space-grouped-German", "beläuft sich auf 12 500 EUR.", "12 500 EUR", "12500", "EUR", "de"),
]

MAGNITUDES = [
    case("quote-closed-before-magnitude", "“we are asking for $5.6” billion, he said", "$5.6” billion", "5600000000",
         "USD"),
    case("thousand", "5 thousand dollars", "5 thousand dollars", "5000", "USD"),
    case("k", "a $10k bonus", "$10k", "10000", "USD"),
    case("million", "a $10 million initiative", "$10 million", "10000000", "USD"),
    case("mn", "a $5mn fine", "$5mn", "5000000", "USD"),
    case("mln", "5 mln dlrs", "5 mln dlrs", "5000000", "USD"),
    case("m", "£600m of debt", "£600m", "600000000", "GBP"),
    case("billion", "$5 billion in aid", "$5 billion", "5000000000", "USD"),
    case("bn", "invest $500bn over", "$500bn", "500000000000", "USD"),
    case("b", "€10B in savings", "€10B", "10000000000", "EUR"),
    case("trillion", "$7 trillion plan", "$7 trillion", "7000000000000", "USD"),
    case("tn", "a $2tn economy", "$2tn", "2000000000000", "USD"),
    case("T-after-dollar-sign", "GDP is $2.174T.", "$2.174T", "2174000000000", "USD"),
    case("m-before-a-compounds-hyphen", "Harbour plans $100m-share sale", "$100m", "100000000", "USD"),
    case("m-before-plus", "a £30m-plus bid for the striker", "£30m", "30000000", "GBP"),
    case("bn-before-its-currency-word", "a 4bn-euro hole in its accounts", "4bn-euro", "4000000000", "EUR"),
    case("lakh", "5 lakh rupees", "5 lakh rupees", "500000", "INR"),
    case("crore", "4 crores rupees", "4 crores rupees", "40000000", "INR"),
    case("Tausend", "5 Tausend Euro", "5 Tausend Euro", "5000", "EUR", "de"),
    case("Mio-with-period", "2,5 Mio. Euro", "2,5 Mio. Euro", "2500000", "EUR", "de"),
    case("Million", "1 Million Euro", "1 Million Euro", "1000000", "EUR", "de"),
    case("Millionen", "3 Millionen Euro", "3 Millionen Euro", "3000000", "EUR", "de"),
    case("Mrd-with-period", "3 Mrd. Euro", "3 Mrd. Euro", "3000000000", "EUR", "de"),
    case("Milliarde", "1 Milliarde Euro", "1 Milliarde Euro", "1000000000", "EUR", "de"),
    case("Milliarden-decimal-comma", "1,5 Milliarden Euro", "1,5 Milliarden Euro", "1500000000", "EUR", "de"),
    case("German-Billion-is-ten-to-the-twelfth", "1 Billion Euro", "1 Billion Euro", "1000000000000", "EUR", "de"),
    case("German-Billionen", "2 Billionen Euro", "2 Billionen Euro", "2000000000000", "EUR", "de"),
    case("English-billion-is-ten-to-the-ninth", "2 billion euros", "2 billion euros", "2000000000", "EUR"),
]

NUMBERS = [
    case("English-grouping", "1,500,000 dlrs", "1,500,000 dlrs", "1500000", "USD"),
    case("English-decimal-point", "$4.99 each", "$4.99", "4.99", "USD"),
    case("German-grouping", "1.500.000 Euro", "1.500.000 Euro", "1500000", "EUR", "de"),
    case("German-decimal-comma", "2,5 Mio. Euro", "2,5 Mio. Euro", "2500000", "EUR", "de"),
    case("wire-fraction-hyphen", "a dividend of 17-1/2 cts", "17-1/2 cts", "0.175", "USD"),
    case("wire-fraction-41-1/2", "up 41-1/2 cts", "41-1/2 cts", "0.415", "USD"),
    case("fraction-with-space", "at 3 1/4 dlrs", "3 1/4 dlrs", "3.25", "USD"),
    case("spelled-with-wire-magnitude", "eight mln dlrs", "eight mln dlrs", "8000000", "USD"),
    case("spelled-compound", "two hundred thousand dollars", "two hundred thousand dollars", "200000", "USD"),
    case("spelled-article", "a billion dollars", "a billion dollars", "1000000000", "USD"),
    case("spelled-article-before-number", "a two mln dlr loan", "a two mln dlr", "2000000", "USD"),
    case("half-a-million", "half a million dollars", "half a million dollars", "500000", "USD"),
    case("a-quarter-million", "a quarter million us dollars", "a quarter million us dollars", "250000", "USD"),
    case("spelled-German", "zwei Milliarden Euro", "zwei Milliarden Euro", "2000000000", "EUR", "de"),
    case("spelled-German-compound", "fünfundzwanzig Euro", "fünfundzwanzig Euro", "25", "EUR", "de"),
    case("spelled-German-half", "eine halbe Milliarde Dollar", "eine halbe Milliarde Dollar", "500000000", "USD",
         "de"),
    case("dollars-and-cents-digits", "it cost $20 43", "$20 43", "20.43", "USD"),
    case("dollars-and-cents-and", "only 15 dollars and 15.", "15 dollars and 15", "15.15", "USD"),
    case("dollars-and-cents-spelled", "thirteen dollars forty-five cents", "thirteen dollars forty-five cents",
         "13.45", "USD"),
    case("coins-counted", "five nickels", "five nickels", "0.25", "USD"),
    case("coin-with-article", "not worth a dime.", "a dime", "0.10", "USD"),
    case("grand-is-a-thousand-dollars", "earns 10 grand a year", "10 grand a year", "10000", "USD"),
]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), CURRENCIES + MAGNITUDES + NUMBERS)
def test_money_form(text, lang, span, value, currency):
    got, s = only(text, lang)
    assert got == span
    assert s.value == Decimal(value)
    assert s.currency == currency


def test_values_are_exact_decimals():
    _, s = only("1.44 billion dlrs")
    assert isinstance(s.value, Decimal) and s.value == Decimal("1440000000")
    _, s = only("17-1/2 cts")
    assert s.value == Decimal("0.175") and s.precision == 0


@pytest.mark.parametrize(("text", "lang", "qualifier", "low", "high"), [
    pytest.param("up to $7 trillion", "en", "up_to", None, "7000000000000", id="up-to"),
    pytest.param("as much as $5m", "en", "up_to", None, "5000000", id="as-much-as"),
    pytest.param("at least $5m", "en", "at_least", "5000000", None, id="at-least"),
    pytest.param("more than $5m", "en", "more_than", "5000000", None, id="more-than"),
    pytest.param("no more than $5", "en", "at_most", None, "5", id="no-more-than"),
    pytest.param("less than $5m", "en", "less_than", None, "5000000", id="less-than"),
    pytest.param("about $5m", "en", "approx", "4500000", "5500000", id="about"),
    pytest.param("nearly $5m", "en", "approx", "4500000", "5000000", id="nearly"),
    pytest.param("rund 2 Mio. Euro", "de", "approx", "1800000", "2200000", id="rund"),
    pytest.param("knapp 2 Millionen Euro", "de", "approx", "1800000", "2000000", id="knapp"),
    # a little above the figure, as "nearly" is a little below: not an open bound that any larger
    # figure satisfies ("just over $2,000,000" does not agree with "just over $200,000")
    pytest.param("just over $5m", "en", "approx", "5000000", "5500000", id="just-over"),
    pytest.param("slightly more than $5m", "en", "approx", "5000000", "5500000", id="slightly-more-than"),
    pytest.param("knapp über 2 Millionen Euro", "de", "approx", "2000000", "2200000", id="knapp-über"),
    pytest.param("mindestens 500 Milliarden US-Dollar", "de", "at_least", "500000000000", None,
                 id="mindestens"),
    pytest.param("bis zu 3 Mrd. Euro", "de", "up_to", None, "3000000000", id="bis-zu"),
    pytest.param("über 5 Mio. Euro", "de", "more_than", "5000000", None, id="über"),
])
def test_qualifier_words_become_bounds(text, lang, qualifier, low, high):
    got, s = only(text, lang)
    assert got == text
    assert s.qualifier == qualifier
    assert s.low == (None if low is None else Decimal(low))
    assert s.high == (None if high is None else Decimal(high))


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    pytest.param("$2-3 billion", "en", "2000000000", "3000000000", id="hyphen-shares-the-magnitude"),
    pytest.param("between $5m and $7m", "en", "5000000", "7000000", id="between-and"),
    pytest.param("5 to 7 mln dlrs", "en", "5000000", "7000000", id="to"),
    pytest.param("$6.0-$6.5 per share", "en", "6.0", "6.5", id="hyphen-two-currencies-rate"),
    pytest.param("zwischen 2 und 3 Mrd. Euro", "de", "2000000000", "3000000000", id="zwischen-und"),
    pytest.param("3.000 bis 4.000 Euro", "de", "3000", "4000", id="bis"),
])
def test_ranges_are_one_mention_with_both_bounds(text, lang, low, high):
    got, s = only(text, lang)
    assert got == text
    assert (s.qualifier, s.low, s.high) == ("range", Decimal(low), Decimal(high))


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("shares rose one dlr to 51-1/8", "en", id="a-price-move-is-not-a-range"),
    pytest.param("seven cts or 1.2 mln dlrs", "en", id="per-share-or-total-is-not-a-range"),
    pytest.param("at about 1.7770-80 marks", "en", id="a-quote-is-not-a-range"),
])
def test_not_ranges(text, lang):
    assert all(s.qualifier != "range" for s in find_money(text, lang))


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    pytest.param("the billions of dollars being invested", "en", "1e9", "1e12", id="billions-of-dollars"),
    pytest.param("to raise several billion dollars", "en", "2e9", "1e10", id="several-billion"),
    pytest.param("hundreds of millions of dollars", "en", "1e8", "1e9", id="hundreds-of-millions"),
    pytest.param("a few hundred dollars", "en", "200", "1000", id="a-few-hundred"),
    pytest.param("mehrere Milliarden Euro", "de", "2e9", "1e10", id="mehrere-Milliarden"),
    pytest.param("Die Ausgaben beliefen sich nur auf wenige Milliarden.", "de", "1e9", "1e10",
                 id="wenige-Milliarden-in-a-money-sentence"),
])
def test_vague_amounts_get_order_of_magnitude_bounds(text, lang, low, high):
    _, s = only(text, lang)
    assert (s.qualifier, s.value) == ("vague", None)
    assert (s.low, s.high) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(("text", "lang", "per"), [
    pytest.param("100 dlrs a share", "en", "share", id="a-share"),
    pytest.param("a 100-dlr-a-share offer", "en", "share", id="hyphenated-a-share"),
    pytest.param("1.50 dlrs per share", "en", "share", id="per-share"),
    pytest.param("$50,000 a year", "en", "year", id="a-year"),
    pytest.param("$15.4/hour", "en", "hour", id="slash-hour"),
    pytest.param("30 cts a barrel", "en", "barrel", id="a-barrel"),
    pytest.param("2 Euro pro Aktie", "de", "share", id="pro-Aktie"),
    pytest.param("450 Euro pro Jahr", "de", "year", id="pro-Jahr"),
])
def test_rates_keep_their_unit(text, lang, per):
    _, s = only(text, lang)
    assert s.per == per


def test_a_year_ago_is_a_time_not_a_rate():
    got, s = only("down from $133m a year ago")
    assert (got, s.per) == ("$133m", None)


def test_earnings_table_figures_without_a_currency_word_take_the_story_currency():
    text = ("Shr profit 20 cts vs loss two cts\n    Net 528,790 vs 286,969\n"
            "    Revs 12.5 mln vs 10.1 mln\n")
    found = {text[s.start:s.end]: s for s in find_money(text)}
    assert set(found) == {"20 cts", "two cts", "528,790", "286,969", "12.5 mln", "10.1 mln"}
    assert found["528,790"].currency == "USD" and found["528,790"].value == 528790
    assert found["12.5 mln"].currency == "USD" and found["12.5 mln"].value == Decimal("12500000")
    assert {found[k].currency_source for k in ("528,790", "12.5 mln", "20 cts")} == {"default"}
    assert found["two cts"].value == Decimal("0.02") and found["two cts"].currency == "USD"


def test_table_figure_after_vs_takes_the_unit_before_it():
    text = "    Shr seven cts vs 20\n    Net 42.1 mln vs 43.0\n"
    found = {text[s.start:s.end]: s for s in find_money(text)}
    assert found["20"].value == Decimal("0.20")
    assert found["43.0"].value == Decimal("43000000")


def test_a_prose_paragraph_starting_with_net_is_not_a_table():
    text = "Net profit surged 70% to 2.39bn rupees in the last three months of 2004."
    assert [text[s.start:s.end] for s in find_money(text)] == ["2.39bn rupees"]


@pytest.mark.parametrize(("text", "lang", "figure", "currency"), [
    pytest.param("profit of 5.2 mln dlrs vs 4.1 mln in 1986", "en", "4.1 mln", "USD",
                 id="wire-vs-omits-the-currency"),
    pytest.param("27 Millionen Euro, die sich noch um drei Millionen erhöhen könnte", "de", "drei Millionen", "EUR",
                 id="German-ellipsis-after"),
    pytest.param("Sie schrumpften um acht Milliarden auf 127,5 Milliarden Euro.", "de", "acht Milliarden", "EUR",
                 id="German-ellipsis-before"),
])
def test_an_amount_without_currency_takes_its_neighbours(text, lang, figure, currency):
    found = {text[s.start:s.end]: s for s in find_money(text, lang)}
    assert found[figure].currency == currency


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("The bank has 20 million customers and $5 billion in deposits.", "en",
                 id="people-counted-beside-money"),
    pytest.param("23,5 Millionen Menschen sind arbeitslos, davon 17,8 Millionen im Euroraum.", "de",
                 id="no-money-neighbour"),
    pytest.param("£3bn in lost reserves, 250,000 repossessed, one million in negative equity", "en",
                 id="different-magnitude"),
])
def test_an_amount_without_currency_stays_unread_without_a_money_neighbour(text, lang):
    for s in find_money(text, lang):
        assert s.currency is not None, text[s.start:s.end]
        assert "million" not in text[s.start:s.end].lower()


@pytest.mark.parametrize(("text", "currency"), [
    pytest.param("BRUSSELS, March 16 - The Belgian deficit fell by 20.6 billion francs.", "BEF",
                 id="francs-in-a-Belgian-story"),
    pytest.param("PARIS, March 3 - French group bought it for 528 mln francs.", "FRF", id="francs-in-a-French-story"),
    pytest.param("ZURICH - Swiss bank raised 300 mln francs.", "CHF", id="francs-in-a-Swiss-story"),
    pytest.param("The stake was sold for 528 mln francs.", "CHF", id="francs-with-no-country-named"),
    pytest.param("STOCKHOLM - Swedish sales rose to 84.09 billion crowns.", "SEK", id="crowns-in-a-Swedish-story"),
])
def test_a_currency_word_many_countries_use_takes_the_articles_country(text, currency):
    _, s = only(text)
    assert s.currency == currency


def test_the_short_side_of_a_quote_is_not_an_amount():
    assert find_money("The dollar opened at 1.8245/50 marks against 1.8270/80.") == []
    got, s = only("It compares with 143.90/144.00 yen at the close.")
    assert (got, s.value) == ("144.00 yen", Decimal("144.00"))


@pytest.mark.parametrize(("text", "per"), [
    pytest.param("bei 341 Euro im Monat.", "month", id="im-Monat-is-a-rate"),
    pytest.param("kostete 500 Euro im Jahr 2015.", None, id="im-Jahr-before-a-year-is-a-date"),
])
def test_german_im_rates(text, per):
    _, s = only(text, "de")
    assert s.per == per


def test_pounds_of_money_are_money_and_pounds_of_goods_are_weight():
    assert find_money("it will idle 100 mln pounds of polyester") == []
    _, s = only("billions of pounds of taxpayers' money")
    assert (s.currency, s.qualifier) == ("GBP", "vague")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    pytest.param("Parents are expected to spend millions on video games.", "en", ["millions"],
                 id="spend-millions"),
    pytest.param("Reconstruction costs are rising. Millions have been left homeless.", "en", [],
                 id="money-word-in-another-sentence"),
    pytest.param("It sold several million shares in March to raise funds.", "en", [], id="several-million-shares"),
    pytest.param("Das Millionen-Publikum hätte eine Sendung verloren, die Geld kostet.", "de", [],
                 id="German-compound"),
])
def test_bare_vague_amounts_need_a_money_word_in_their_sentence(text, lang, expected):
    assert [text[s.start:s.end] for s in find_money(text, lang)] == expected
