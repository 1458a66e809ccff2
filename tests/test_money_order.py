"""The story's stated currency against the dateline, and ranges written from their upper bound:
invented sentences (hand check of issue 18, sample 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


def currency(text: str, span: str, lang: str = "en") -> tuple[str, str]:
    row = money(text, lang)[span]
    return row["currency"], row["currency_source"]


# ----------------------------------------------------------------------------- stated U.S. dollars vs the dateline

def test_a_vancouver_story_that_states_us_dollars_means_them_by_its_bare_dlrs():
    text = ("PINE RIDGE GOLD\nVANCOUVER, May 4 - Pine Ridge Gold plans a U.S. offering of two mln shares "
            "at six to eight U.S. dlrs each. It will use 4,250,000 dlrs of the proceeds to repay debt.")
    assert currency(text, "4,250,000 dlrs") == ("USD", "story")


def test_a_taipei_story_of_trade_in_us_dollars_reads_its_later_dlrs_as_us_dollars():
    text = ("TAIWAN TEXTILE ORDERS\nTAIPEI, May 4 - Textile orders rose to 410 mln U.S. Dlrs in April. "
            "Shoe orders were 120 mln dlrs against 98 mln a year earlier.")
    assert currency(text, "120 mln dlrs") == ("USD", "story")
    assert currency(text, "98 mln") == ("USD", "story")


@pytest.mark.parametrize(("text", "span", "local"), [
    pytest.param("NORTH SHORE MILLS\nTORONTO, May 4 - North Shore Mills posted a 3.1 mln Canadian dlr loss. "
                 "Its U.S. unit earned 800,000 U.S. dlrs. The company said its revenues rose to 41 mln dlrs.",
                 "41 mln dlrs", "CAD", id="the-local-dollar-named-before"),
    pytest.param("OZ RESERVES\nSYDNEY, May 4 - The central bank's holdings were worth 8.1 billion U.S. dlrs. "
                 "In Australian dollar terms, holdings dropped 1.1 billion dlrs.",
                 "1.1 billion dlrs", "AUD", id="in-australian-dollar-terms"),
    pytest.param("OZ CURRENCY\nSYDNEY, May 4 - The currency rose to 0.7125 U.S. dlrs. "
                 "The trade deficit narrowed to 640 mln dlrs.", "640 mln dlrs", "AUD", id="an-exchange-rate-quote"),
    pytest.param("HARBOUR AIR\nHONG KONG, May 4 - The Hong Kong dollar has been linked at 7.80 to one U.S. dlr. "
                 "Harbour Air expects profits of 1.4 billion dlrs.", "1.4 billion dlrs", "HKD",
                 id="pegged-to-one-us-dollar"),
    pytest.param("OZ COAL\nSYDNEY, May 4 - Miners want 31 U.S. dlrs a tonne for coking coal. "
                 "Coal exports were worth 4.9 billion dlrs last year.", "4.9 billion dlrs", "AUD",
                 id="a-commodity-price-per-tonne"),
    pytest.param("OZ OIL\nSYDNEY, May 4 - The deal pays more if oil is above 21 U.S. dlrs a barrel. "
                 "Reef Oil will receive 300 mln dlrs.", "300 mln dlrs", "AUD", id="a-world-price-per-barrel"),
    pytest.param("HIGHLAND WAGES\nHARARE, May 4 - The debt is two billion U.S. dlrs. The lowest paid earn "
                 "about 90 dollars (55 U.S. dlrs) a month.", "about 90 dollars", "ZWL",
                 id="an-amount-converted-to-us-dollars"),
])
def test_us_dollars_set_apart_leave_the_bare_dollar_local(text, span, local):
    assert currency(text, span)[0] == local


def test_a_price_per_tonne_in_us_dollars_speaks_for_the_next_price_per_tonne():
    text = ("MAIZE TENDER\nTAIPEI, May 4 - One supplier won at 96.50 U.S. dlrs a tonne. Another won at "
            "99.25 dlrs a tonne.")
    assert currency(text, "99.25 dlrs a tonne") == ("USD", "story")


# ----------------------------------------------------------------------------- ranges written upper bound first

@pytest.mark.parametrize(("text", "lang", "span", "low", "high", "per"), [
    pytest.param("Arabica contracts showed rises of 14 to six stg per tonne by noon.", "en",
                 "14 to six stg per tonne", "6", "14", "tonne", id="spelled-upper-bound-second"),
    pytest.param("Barley closed with rises of 0.40 to 0.15 stg.", "en", "0.40 to 0.15 stg", "0.15", "0.40", None,
                 id="decimal-bounds"),
    pytest.param("The trust sold its holding in lots priced from 4.50 to 3.125 dlrs a share.", "en",
                 "4.50 to 3.125 dlrs a share", "3.125", "4.50", "share", id="ranging-from"),
    pytest.param("Die Terminkontrakte zeigten Abschläge von 8 bis 3 Euro je Tonne.", "de",
                 "8 bis 3 Euro je Tonne", "3", "8", "tonne", id="abschlaege-von-bis"),
])
def test_a_range_written_from_its_upper_bound_is_one_range(text, lang, span, low, high, per):
    row = money(text, lang)[span]
    assert (row["qualifier"], Decimal(str(row["low"])), Decimal(str(row["high"])), row["per"]) == (
        "range", Decimal(low), Decimal(high), per)


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("Cocoa eased 12 to 5 dlrs.", "5 dlrs", id="a-move-and-its-level"),
    pytest.param("The payout was raised on April 12 to 5 dlrs a share.", "5 dlrs a share", id="a-day-of-a-month"),
    pytest.param("Sales were down in 2004 to 789m euros.", "789m euros", id="a-year"),
    pytest.param("The action lifts the program under GSM-103 to 75 mln dlrs.", "75 mln dlrs", id="a-program-name"),
    pytest.param("The currency is pegged at 7.80 to one dollar.", "one dollar", id="a-rate-to-one"),
    pytest.param("Prices rose from 12 to 5 dlrs.", "5 dlrs", id="from-then-to-is-a-change"),
])
def test_a_larger_number_before_to_that_is_no_upper_bound_leaves_the_amount_alone(text, span):
    got = money(text)
    assert span in got and got[span]["qualifier"] != "range"


# ----------------------------------------------------------------------------- the level a share's move reaches

def test_the_levels_a_share_move_reaches_later_in_its_clause_are_per_share():
    got = money("Maple Air stock lost 40 cents or 12% in early dealing to 3.10 dlrs before climbing back "
                "to 3.35 dlrs.")
    assert [got[s]["per"] for s in ("40 cents", "3.10 dlrs", "3.35 dlrs")] == ["share", "share", "share"]


def test_die_kursziele_einer_aktienbewegung_gelten_je_aktie():
    got = money("Die Aktien der Nordbahn verloren 40 Cent oder 5 Prozent im frühen Handel auf 7,60 Euro.", "de")
    assert got["7,60 Euro"]["per"] == "share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("Maple Air shares rose 40 cents. Analysts expect the fare to rise to 310 dlrs.", "310 dlrs",
                 id="another-sentence"),
    pytest.param("Maple Air shares rose 40 cents and the group raised its total payout to 3.10 dlrs.", "3.10 dlrs",
                 id="a-total-between"),
])
def test_a_later_amount_after_to_outside_the_share_move_keeps_no_rate(text, span):
    assert money(text)[span]["per"] is None


def test_a_share_list_opened_by_a_penny_gives_its_later_items_the_rate():
    got = money("LONDON STOCKS\nLONDON, May 4 - Widget Group fell a penny at 212, Gadget 6p at 310 and Sprocket 4p "
                "to 95.")
    assert got["6p"]["per"] == "share"
    assert got["4p"]["per"] == "share"
