"""Number formats and currency signs as prices are written in English and German text, and in
the languages whose currencies they quote: each case is named by what it shows.

The texts are written for these tests, not copied from any corpus or test suite.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.extract.money import find_money


def found(text: str, lang: str = "en") -> list[tuple[str, Decimal | None, str | None]]:
    """Every money mention in `text` as (surface, value, currency)."""
    return [(text[s.start:s.end], s.value, s.currency) for s in find_money(text, lang)]


def case(name, text, span, value, currency, lang="en"):
    return pytest.param(text, lang, span, value, currency, id=name)


def check(text: str, lang: str, span: str, value: str, currency: str) -> None:
    assert found(text, lang) == [(span, Decimal(value), currency)]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("dots-then-comma-after-the-number", "The watch sold for 2.130,00 € last week.", "2.130,00 €", "2130",
         "EUR"),
    case("dots-then-comma-after-the-sign", "a fare of € 2.109,00 in first class", "€ 2.109,00", "2109", "EUR"),
    case("dots-then-comma-before-a-code", "the bike lists at 11.499,00 EUR", "11.499,00 EUR", "11499", "EUR"),
    case("two-dot-groups", "a villa for 1.550.000 € in Spain", "1.550.000 €", "1550000", "EUR"),
    case("one-decimal-after-dot-groups", "it costs 3.250,5 EUR", "3.250,5 EUR", "3250.5", "EUR"),
])
def test_continental_grouping_is_read_by_its_shape_in_an_English_document(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


def test_an_English_point_decimal_keeps_its_reading_beside_a_continental_amount():
    text = "It cost 2.130,00 € then; the fund paid 1.234 dlrs, and €1,000.50 in fees."
    assert found(text) == [("2.130,00 €", Decimal("2130.00"), "EUR"), ("1.234 dlrs", Decimal("1.234"), "USD"),
                           ("€1,000.50", Decimal("1000.50"), "EUR")]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("plain-space", "a laptop for 2 999,00 € now", "2 999,00 €", "2999", "EUR"),
    case("no-break-space", "a sofa at 1\u00a0029,00 € only", "1\u00a0029,00 €", "1029", "EUR"),
    case("thin-space", "a bed at 5\u202f833,00 € only", "5\u202f833,00 €", "5833", "EUR"),
    case("space-then-point-in-German", "Die Gebühr beträgt 1 250.50 USD heute.", "1 250.50 USD", "1250.50", "USD",
         "de"),
])
def test_a_space_grouped_amount_keeps_its_thousands(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("apostrophe-then-comma", "a watch for CHF 1'049,95 in Geneva", "CHF 1'049,95", "1049.95", "CHF"),
    case("apostrophe-then-point-in-German", "Die Uhr kostet CHF 1'049.95 im Laden.", "CHF 1'049.95", "1049.95", "CHF",
         "de"),
])
def test_a_Swiss_apostrophe_groups_thousands_whichever_decimal_mark_follows(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


def test_a_German_document_reads_English_grouping_by_its_shape_and_keeps_its_own():
    text = "Das Bild brachte 1,500,000 Dollar, der Rahmen 1,5 Millionen Euro und die Mappe 1,234 Euro."
    assert found(text, "de") == [("1,500,000 Dollar", Decimal("1500000"), "USD"),
                                 ("1,5 Millionen Euro", Decimal("1500000"), "EUR"),
                                 ("1,234 Euro", Decimal("1.234"), "EUR")]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("point-before-a-sign-after", "a sticker for .75 € each", ".75 €", "0.75", "EUR"),
    case("sign-then-point", "it pays $.50 a share", "$.50 a share", "0.50", "USD"),
    case("wire-fraction-of-a-dollar", "warrants at a price of .125 dlrs", ".125 dlrs", "0.125", "USD"),
])
def test_a_decimal_without_its_leading_zero_is_read(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


def test_a_leading_point_after_a_word_or_as_a_calibre_is_no_amount():
    text = "He carried a .45 pistol; Rs.75 is no fraction; the stamp cost $.50."
    assert found(text) == [("$.50", Decimal("0.50"), "USD")]


def test_a_currency_sign_then_a_colon_still_marks_the_amount_but_a_code_then_a_colon_does_not():
    text = "The quote read USD: 1.0850, while the book cost US$:12.99."
    assert found(text) == [("US$:12.99", Decimal("12.99"), "USD")]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("zloty-sign", "a ticket for 104,64 zł online", "104,64 zł", "104.64", "PLN"),
    case("zloty-code-in-lower-case", "a pass for 140,00 pln in Gdansk", "140,00 pln", "140", "PLN"),
    case("koruna-sign", "a beer for 45 Kč in Prague", "45 Kč", "45", "CZK"),
    case("koruna-space-grouped", "a phone for 75 990,00 Kč in Brno", "75 990,00 Kč", "75990", "CZK"),
    case("rouble-abbreviation", "a room for 8 500 руб. a night", "8 500 руб. a night", "8500", "RUB"),
    case("rouble-short-abbreviation", "bread for 36 р. in Omsk", "36 р.", "36", "RUB"),
    case("rouble-capital-letter", "boots for 4 690 Р in Perm", "4 690 Р", "4690", "RUB"),
    case("hryvnia-abbreviation", "a coat for 2 285,81 грн. in Lviv", "2 285,81 грн.", "2285.81", "UAH"),
    case("lev-abbreviation", "a meal for 27.00 лв. in Sofia", "27.00 лв.", "27.00", "BGN"),
    case("leu-plural", "rent of 950 lei in Bucharest", "950 lei", "950", "RON"),
    case("leu-in-capitals", "SALE 133,86 LEI", "133,86 LEI", "133.86", "RON"),
])
def test_currency_abbreviations_of_central_and_eastern_europe_after_the_amount(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("won-after", "a meal for 12,000원 in Seoul", "12,000원", "12000", "KRW"),
    case("yen-character-after", "a bento for 3,500円 in Osaka", "3,500円", "3500", "JPY"),
    case("full-width-yen-before", "a bento for ￥3,500 in Osaka", "￥3,500", "3500", "JPY"),
    case("taka-sign", "rice for ৳500 in Dhaka", "৳500", "500", "BDT"),
    case("dirham-word-in-Arabic", "a phone for 3,439.00 درهم in Dubai", "3,439.00 درهم", "3439.00", "AED"),
    case("nuevo-sol-prefix", "a tour for S/ 25.00 in Cusco", "S/ 25.00", "25.00", "PEN"),
    case("cent-sign", "a 50¢ stamp", "50¢", "0.50", "USD"),
])
def test_currency_signs_of_other_scripts_and_the_cent_sign(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("rupiah-prefix", "a room for Rp 235.000 a night", "Rp 235.000 a night", "235000", "IDR"),
    case("rupiah-code", "the fee rose to IDR 16.250 today", "IDR 16.250", "16250", "IDR"),
    case("dong-sign", "a coffee for 12.500 ₫ in Hanoi", "12.500 ₫", "12500", "VND"),
    case("dong-letter", "a bowl of pho for 45.000 đ in Hue", "45.000 đ", "45000", "VND"),
])
def test_rupiah_and_dong_amounts_group_thousands_with_a_point(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


def test_a_point_and_three_digits_stays_a_decimal_for_other_currencies():
    text = "Each share fetched 12.375 dlrs and the fare was 12.500 ₫."
    assert found(text) == [("12.375 dlrs", Decimal("12.375"), "USD"), ("12.500 ₫", Decimal("12500"), "VND")]


@pytest.mark.parametrize(("text", "lang", "span", "value", "currency"), [
    case("dash-after-a-comma", "Der Eintritt kostet 49,– Euro.", "49,– Euro", "49", "EUR", "de"),
    case("hyphen-after-a-comma", "Der Preis: 12,- € für jeden", "12,- €", "12", "EUR", "de"),
    case("dash-after-grouped-thousands-in-English", "now only 1.299,– € at the shop", "1.299,– €", "1299", "EUR"),
])
def test_a_dash_for_the_decimals_is_read_as_no_cents(text, lang, span, value, currency):
    check(text, lang, span, value, currency)


def test_kr_is_a_crown_only_after_a_number_and_the_story_says_which():
    text = "COPENHAGEN, March 3 - The KR index fell and kr. notes were cut, but a ferry ticket costs 40 kr now."
    assert found(text) == [("40 kr", Decimal("40"), "DKK")]


def test_lei_are_Moldovan_in_a_story_about_Moldova():
    text = "CHISINAU, March 3 - In Moldova a loaf of bread now costs 5 lei, Moldova's statistics office said."
    assert found(text) == [("5 lei", Decimal("5"), "MDL")]


def test_an_abbreviation_that_is_also_a_name_is_no_currency_before_a_capitalised_word():
    text = ("In 2010 Lei Jun founded Xiaomi, by 2012 Ft Lauderdale had grown, in 2015 TL Smith and in 1998 "
            "Fr. Brown retired; a loaf costs 5 lei.")
    assert found(text) == [("5 lei", Decimal("5"), "RON")]


def test_ft_and_fr_after_a_number_are_a_fort_feet_or_a_father_not_money():
    """"Ft." and "Fr." after a number are far more often a fort, feet or a priest in news than
    forints or francs: none is read as money."""
    text = ("The vote was held in March 2012 Ft. Lauderdale officials said; the boat is 40 Ft long; since 2001 "
            "Fr. O'Neill.")
    assert found(text) == []


def test_Br_is_no_currency_and_Rp_only_before_a_number():
    text = "Br. Thomas and the RP said 11,33 Br was too little; the Rp sign came before Rp 50.000."
    assert found(text) == [("Rp 50.000", Decimal("50000"), "IDR")]


def test_a_bare_number_in_a_continental_or_space_grouped_shape_is_no_money():
    text = "The fair had 2.130,00 visitors and 1 550 000 stands, and a ticket cost 2 999,00 €."
    assert found(text) == [("2 999,00 €", Decimal("2999.00"), "EUR")]


def test_TL_is_a_lira_in_English_and_a_teaspoon_in_German():
    assert found("a kebab for 69 TL in Izmir") == [("69 TL", Decimal("69"), "TRY")]
    assert found("Dazu 1 TL gemahlener Zimt und 2 TL Zucker.", "de") == []
