"""Per-unit amounts a careful reader sees: a share price's move, dividend lines whose label is
only the period, cents written after a currency word, and "each"/"jeweils" before an amount's
clause. Invented sentences (hand check of issue 18, sample 10)."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


# ----------------------------------------------------------------------------- a share price's move

@pytest.mark.parametrize(("text", "spans", "lang"), [
    pytest.param("LONDON, May 4 - Dealers said Harwick's share price rose 5p to 243p after the results.",
                 ["5p", "243p"], "en", id="share-price-rose"),
    pytest.param("NEW YORK, May 4 - The stock price of Orchard Mills fell 12 cents to 4.10 dlrs.",
                 ["12 cents", "4.10 dlrs"], "en", id="stock-price-of-a-company-fell"),
    pytest.param("LONDON, May 4 - Brokers said the rumour helped Dorne's share price to rise 9p.",
                 ["9p"], "en", id="share-price-to-rise"),
    pytest.param("Frankfurt – Der Aktienkurs der Feldbach AG fiel um 2 Euro auf 40 Euro.",
                 ["2 Euro", "40 Euro"], "de", id="aktienkurs-fiel-um"),
])
def test_a_share_price_s_move_and_level_are_per_share(text, spans, lang):
    got = money(text, lang)
    assert [got[s]["per"] for s in spans] == ["share"] * len(spans)


@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("LONDON, May 4 - Oil prices fell 40 cents to 18.10 dlrs.", "40 cents", None,
                 id="oil-prices-fell"),
    pytest.param("NEW YORK, May 4 - Orchard shares rose, but the price of its bonds fell 2 dlrs.", "2 dlrs", None,
                 id="the-price-of-something-else"),
    pytest.param("HONG KONG, May 4 - Harbour shares lost one dlr to end at 53 dlrs each today.", "53 dlrs",
                 "share", id="a-level-after-to-end-at"),
])
def test_a_price_that_is_no_share_s_keeps_its_reading(text, span, per):
    assert money(text)[span]["per"] == per


@pytest.mark.parametrize(("text", "spans", "lang"), [
    pytest.param("NEW YORK, May 4 - Orchard shares plunged 3 dlrs to 12 dlrs.", ["3 dlrs", "12 dlrs"], "en",
                 id="plunged"),
    pytest.param("LONDON, May 4 - Harwick shares soared 40p to 512p.", ["40p", "512p"], "en", id="soared"),
    pytest.param("NEW YORK, May 4 - Shares in Orchard sank 14% - or $1.83 - to close at $10.48.",
                 ["$1.83", "$10.48"], "en", id="sank-with-a-percentage-and-an-aside"),
    pytest.param("LONDON, May 4 - Harwick shares dipped 4p to 242p.", ["4p", "242p"], "en", id="dipped"),
    pytest.param("LONDON, May 4 - Harwick shares slumped to a quoted low of 453p.", ["453p"], "en",
                 id="slumped"),
    pytest.param("Frankfurt – Die Aktien der Feldbach AG kletterten um 2 Euro auf 40 Euro.", ["2 Euro", "40 Euro"],
                 "de", id="kletterten"),
    pytest.param("Frankfurt – Die Aktie der Feldbach AG sackte um 2 Euro auf 38 Euro ab.", ["2 Euro", "38 Euro"],
                 "de", id="sackte-ab"),
])
def test_a_share_s_move_after_any_verb_of_movement_is_per_share(text, spans, lang):
    """The verbs of a share's move are many: "plunged", "soared", "sank", "dipped", "kletterten"."""
    got = money(text, lang)
    assert [got[s]["per"] for s in spans] == ["share"] * len(spans)


def test_a_total_after_a_verb_of_movement_keeps_no_rate():
    got = money("NEW YORK, May 4 - Orchard's profit plunged to 12 dlrs, while its shares soared.")
    assert got["12 dlrs"]["per"] is None


# ----------------------------------------------------------------------------- dividend lines labelled by period

@pytest.mark.parametrize(("line", "spans"), [
    pytest.param("Semi-annual 30 cts vs 25 cts prior", ["30 cts", "25 cts"], id="semi-annual"),
    pytest.param("Qtrly 42 cts vs 40 cts prior", ["42 cts", "40 cts"], id="qtrly"),
    pytest.param("Final 1.20 dlrs vs 1.10 dlrs", ["1.20 dlrs", "1.10 dlrs"], id="final"),
])
def test_a_payout_line_labelled_only_by_its_period_is_per_share(line, spans):
    got = money(f"MAPLE TOOLS SETS PAYOUT\nTORONTO, March 3 -\n    {line}\n    Pay April 30\n    Record April 15\n")
    assert [(got[s]["per"], got[s]["row_label"]) for s in spans] == [("share", line.split()[0])] * len(spans)


def test_a_period_label_does_not_make_bare_figures_money():
    got = money("MAPLE TOOLS SETS PAYOUT\nTORONTO, March 3 -\n    Qtrly 42 vs 40 prior\n")
    assert got == {}


# ----------------------------------------------------------------------------- cents after a currency word

@pytest.mark.parametrize(("text", "span", "value", "lang"), [
    pytest.param("The dividend rose to 70 euro cents.", "70 euro cents", 0.70, "en", id="euro-cents"),
    pytest.param("Its stock fell to 31 euros cents on Friday.", "31 euros cents", 0.31, "en", id="garbled-euros-cents"),
    pytest.param("Die Gebühr steigt auf 20 Euro-Cent.", "20 Euro-Cent", 0.20, "de", id="euro-cent-hyphenated"),
    pytest.param("Ein Brief kostet nun 95 Eurocent.", "95 Eurocent", 0.95, "de", id="eurocent"),
])
def test_cents_written_after_the_currency_s_name_are_cents(text, span, value, lang):
    got = money(text, lang)[span]
    assert (got["value"], got["currency"]) == (pytest.approx(value), "EUR")


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("Orchard Mills will sell the new shares priced at 9 euro cents each.", "9 euro cents",
                 id="priced-at-each"),
    pytest.param("The new shares will be placed at 40p each.", "40p", id="placed-at-each"),
])
def test_each_after_the_price_of_a_share_issue_is_per_share(text, span):
    assert money(text)[span]["per"] == "share"


def test_each_after_a_price_with_a_year_before_it_is_per_item_not_per_year():
    got = money("Drivers bought 2.1 mln used cars last year at an average of 5,800 dlrs each.")
    assert got["5,800 dlrs"]["per"] == "unit"


# ----------------------------------------------------------------------------- "jeweils" and "each" before the clause

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("Den drei Gewinnern bleibt jeweils nach Abzug der Gebühren weniger als die Hälfte, "
                 "rund 300.000 Euro, übrig.", "rund 300.000 Euro", "de", id="jeweils-far-with-an-apposition"),
    pytest.param("Die beiden Vereine bekommen jeweils aus dem Fonds des Landes für das kommende Jahr 40.000 Euro.",
                 "40.000 Euro", "de", id="jeweils-far"),
    pytest.param("After tax the three winners each keep less than half, about $300,000.", "about $300,000", "en",
                 id="each-with-an-apposition"),
])
def test_jeweils_or_each_before_the_amount_s_clause_makes_it_per_unit(text, span, lang):
    assert money(text, lang)[span]["per"] == "unit"


@pytest.mark.parametrize(("text", "span", "per", "lang"), [
    pytest.param("Die Spieler erhielten jeweils eine Medaille und der Verein insgesamt 5.000 Euro.", "5.000 Euro",
                 None, "de", id="jeweils-then-and"),
    pytest.param("Analysts said the shares were worth 85 dlrs each, 15 dlrs more than the bid.", "15 dlrs", "share",
                 "en", id="each-of-the-amount-before"),
    pytest.param("Each said the deal was worth 40 mln dlrs.", "40 mln dlrs", None, "en", id="each-as-a-pronoun"),
])
def test_each_that_does_not_govern_the_amount_makes_no_rate(text, span, per, lang):
    assert money(text, lang)[span]["per"] == per


def test_a_payout_period_before_a_year_starts_prose_not_a_dividend_row():
    got = money("MAPLE TOOLS SETS PAYOUT\nTORONTO, March 3 -\nAnnual 1987 sales were 4.1 mln dlrs.\n")
    assert got["4.1 mln dlrs"]["per"] is None


# ----------------------------------------------------------------------------- rates across a conversion (sample 12)

@pytest.mark.parametrize(("text", "spans", "per"), [
    pytest.param("The shares fell to 44p ($0.85) on Monday.", ["44p", "$0.85"], "share",
                 id="a-share-price-and-its-conversion"),
    pytest.param("Shares in Harbour fell from 97p ($1.87) to 44p ($0.85) after the warning.",
                 ["97p", "$1.87", "44p", "$0.85"], "share", id="from-a-converted-price-to-another"),
    pytest.param("Harbour shares fell 53p ($1.02) to 44p ($0.85).", ["53p", "$1.02", "44p", "$0.85"], "share",
                 id="a-converted-move-and-its-level"),
    pytest.param("The service costs users dollars 1 (53p) for an hour's worth of processing.",
                 ["dollars 1", "53p"], "hour", id="an-hours-worth-after-a-conversion"),
    pytest.param("The service costs $1 for each hour of processing.", ["$1"], "hour", id="for-each-hour"),
])
def test_an_amount_and_its_conversion_have_one_rate(text, spans, per):
    got = money(text)
    assert [got[s]["per"] for s in spans] == [per] * len(spans)


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("Profit rose to 5 mln stg ($8 mln) from 4 mln stg.", "$8 mln", id="a-converted-total"),
    pytest.param("He spent $400 for a lifetime's worth of tea.", "$400", id="a-worth-of-no-unit"),
    pytest.param("The deal cost $2 billion for each of the two companies.", "$2 billion", id="for-each-of"),
])
def test_a_conversion_or_a_worth_without_a_rate_makes_none(text, span):
    assert money(text)[span]["per"] is None


# ----------------------------------------------------------------------------- sample 13's rate types

def test_a_table_label_parted_by_a_dash_is_still_its_row():
    """A London results table writes "Share - basic 22.2p vs 21.6p": the per-share row."""
    got = money("ACME PLC YEAR\nLONDON, June 2 -\n    Share - basic 22.2p vs 21.6p\n"
                "    Pretax - group 40.1 mln vs 35.2 mln\n")
    assert got["22.2p"]["per"] == got["21.6p"]["per"] == "share"
    assert got["40.1 mln"]["per"] is None and got["40.1 mln"]["value"] == 40_100_000


@pytest.mark.parametrize(("text", "spans", "per"), [
    pytest.param("Their children were paid between $60,000 (£30,800) and $150,000 a year.",
                 ["between $60,000", "£30,800", "$150,000 a year"], "year", id="a-range-split-by-a-conversion"),
    pytest.param("Fares rose to $60 (£31) and $90 a month.", ["$60", "£31", "$90 a month"], "month",
                 id="a-list-item-with-its-conversion"),
])
def test_a_rate_written_at_the_last_item_reaches_past_a_conversion(text, spans, per):
    got = money(text)
    assert [got[s]["per"] for s in spans] == [per] * len(spans)


def test_a_total_and_its_conversion_before_a_rate_keep_no_rate():
    got = money("He paid $5 million (£3 million) and then $90 a month.")
    assert got["$5 million"]["per"] is None and got["£3 million"]["per"] is None


# ------------------------------------------------------ sample 14: a rate between an amount and its conversion

@pytest.mark.parametrize(("text", "spans", "per"), [
    pytest.param("LONDON, May 4 - Copper touched 883 stg per tonne, equivalent to 1,417 dlrs, on Monday.",
                 ["883 stg per tonne", "1,417 dlrs"], "tonne", id="equivalent-to-after-the-rate"),
    pytest.param("LONDON, May 4 - Copper touched 883 stg per tonne (1,417 dlrs) on Monday.",
                 ["883 stg per tonne", "1,417 dlrs"], "tonne", id="in-brackets-after-the-rate"),
    pytest.param("TOKYO, May 4 - Rice sold at 300 yen a kilo, or about two dlrs, in the city.",
                 ["300 yen a kilo", "about two dlrs"], "kilo", id="or-about-after-the-rate"),
    pytest.param("LONDON, May 4 - Copper touched 883 stg, equivalent to 1,417 dlrs per tonne, on Monday.",
                 ["883 stg", "1,417 dlrs per tonne"], "tonne", id="the-rate-after-the-conversion"),
])
def test_a_rate_written_between_an_amount_and_its_conversion_is_the_rate_of_both(text, spans, per):
    got = money(text)
    assert [got[s]["per"] for s in spans] == [per] * len(spans)
    assert got[spans[0]]["converts"] is not None and got[spans[1]]["converts"] is not None


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("LONDON, May 4 - Harwick earned 15p a share, or 3 mln dlrs.", "3 mln dlrs",
                 id="a-price-per-share-then-a-total"),
    pytest.param("LONDON, May 4 - Copper touched 883 stg per tonne and 1,417 dlrs in New York.", "1,417 dlrs",
                 id="no-conversion-word"),
    pytest.param("LONDON, May 4 - Copper touched 883 stg per tonne, 1,417 dlrs less than lead.", "1,417 dlrs",
                 id="a-comma-alone"),
])
def test_an_amount_after_a_rate_that_is_no_conversion_takes_no_rate(text, span):
    assert money(text)[span]["per"] is None


# ----------------------------------------------------- sample 15: a rate past an apposed currency, "on each"

def test_a_rate_after_an_apposition_naming_the_currency_is_the_amount_s_rate():
    def per(text: str) -> str | None:
        return money(text)[next(k for k in money(text) if "European currency units" in k)]["per"]

    assert per("BRUSSELS, May 4 - The EC set a refund of 98.40 European currency units, Ecus, per tonne for oats.") \
        == "tonne"
    assert per("BRUSSELS, May 4 - The EC set a refund of 98.40 European currency units, ECU, a tonne for oats.") \
        == "tonne"
    # an apposition followed by no rate makes none
    assert per("BRUSSELS, May 4 - The EC set aside 20 mln European currency units, Ecus, for the scheme.") is None


@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("HALIFAX, Nova Scotia, May 4 - Orchard Mills faces a maximum 25,000 dlr fine on each count.",
                 "25,000 dlr", "count", id="a-fine-on-each-count-after-its-noun"),
    pytest.param("The court fined the dealer 2,000 dlrs on each charge, court papers showed.", "2,000 dlrs",
                 "charge", id="on-each-after-the-amount"),
    pytest.param("The agency will pay 40 cents for each bottle returned.", "40 cents", "bottle",
                 id="for-each-and-a-participle"),
    pytest.param("Kestrel will pay 18 dlrs in cash for each Orchard common share.", "18 dlrs", "share",
                 id="a-per-word-after-for-each-past-in-cash"),
    pytest.param("Holders may take 7.20 dlrs cash for each common, or new notes.", "7.20 dlrs", "share",
                 id="for-each-common"),
])
def test_on_each_or_for_each_and_a_noun_make_a_price_per_item(text, span, per):
    assert money(text)[span]["per"] == per


def test_on_each_or_for_each_makes_a_rate_only_of_an_item_the_amount_is_paid_for():
    got = money("Orchard paid 4 mln dlrs, and then a fee of 300 dlrs on each count. Kestrel sells 500 dlrs software "
                "for each personal computer maker and offered 700p for each Orchard Mills ordinary.")
    assert got["300 dlrs"]["per"] == "count"
    assert got["4 mln dlrs"]["per"] is None  # a comma and a clause in between
    assert got["500 dlrs"]["per"] is None  # the noun runs on: which word is the item is not known
    assert got["700p"]["per"] in (None, "unit")  # a name after "for each": read as before


# ----------------------------------------------------------------------------- a rate of two units
# (hand check of issue 18, samples 17 and 19: "dollars 17 per child per year")

@pytest.mark.parametrize(("text", "span", "per", "lang"), [
    pytest.param("The state spends dollars 12 per pupil per year on maps.", "dollars 12", "pupil per year", "en",
                 id="unknown-noun-then-per-year"),
    pytest.param("Rooms cost $90 per person per night.", "$90 per person per night", "person per night", "en",
                 id="known-unit-then-per-night"),
    pytest.param("The rent will be 2 dlrs a tonne per week.", "2 dlrs a tonne per week", "tonne per week", "en",
                 id="a-unit-then-per-week"),
    pytest.param("Die Schule erhält 45 Cent pro Schüler und Monat.", "45 Cent", "schüler per month", "de",
                 id="pro-noun-und-monat"),
    pytest.param("Der Eintritt kostet 9 Euro pro Tag und Kopf.", "9 Euro pro Tag und Kopf", "person per day", "de",
                 id="time-written-first-reads-last"),
])
def test_a_rate_of_two_units_written_one_after_the_other_is_one_rate_of_both(text, span, per, lang):
    """A careful reader takes "per child per year" as one rate of both units, not per child only;
    the time unit last, whichever way round it is written."""
    assert money(text, lang)[span]["per"] == per


@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("It earned 2 dlrs per share a year ago.", "2 dlrs per share", "share", id="a-year-ago-is-a-time"),
    pytest.param("Net was 5 dlrs per share per year ago.", "5 dlrs per share", "share", id="per-year-ago-is-a-time"),
    pytest.param("It paid 3 dlrs per share and 2 dlrs in cash.", "3 dlrs per share", "share", id="and-an-amount"),
])
def test_a_word_after_a_rate_that_names_no_second_unit_leaves_the_rate_alone(text, span, per):
    assert money(text)[span]["per"] == per


@pytest.mark.parametrize(("text", "span", "per", "lang"), [
    pytest.param("Pro Patient stehen nur 40 Cent pro Tag zur Verfügung.", "40 Cent pro Tag", "patient per day", "de",
                 id="pro-noun-verb-amount-pro-tag"),
    pytest.param("Pro Kopf sind es 300 Euro im Jahr.", "300 Euro im Jahr", "person per year", "de",
                 id="sentence-opening-pro-kopf-im-jahr"),
    pytest.param("Die Stadt zahlt pro Kopf 300 Euro im Jahr.", "300 Euro im Jahr", "person per year", "de",
                 id="pro-kopf-right-before-im-jahr"),
    pytest.param("The allowance per person is $14 a year.", "$14 a year", "person per year", "en",
                 id="per-person-is-amount-a-year"),
])
def test_a_rate_before_the_amount_and_a_time_unit_after_it_are_one_rate_of_both(text, span, per, lang):
    """"Pro Kind ... 38 Cent pro Monat": a careful reader takes both units, not the month only."""
    assert money(text, lang)[span]["per"] == per


def test_two_time_units_on_either_side_of_an_amount_make_no_rate_of_both():
    assert money("Pro Jahr sind es 300 Euro im Monat.", "de")["300 Euro im Monat"]["per"] == "month"
