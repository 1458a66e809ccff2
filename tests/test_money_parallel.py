"""A per-share amount whose "a share" is written once, for the first of two parallel clauses:
invented sentences (issue 18, the elided per-share rate)."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("DALLAS, May 4 - Corvex Oil said profit rose to 58 mln dlrs, or 2.05 dlrs a share, from a "
                 "loss of 12 mln dlrs, or 44 cts, a year earlier.", "44 cts", "en",
                 id="total-or-cents-after-a-total-or-dollars-a-share"),
    pytest.param("DALLAS, May 4 - Brenner Tool reported earnings of 31 cts a share on net income of 402,000 "
                 "dlrs, up from 17 cts on 226,000 dlrs.", "17 cts", "en",
                 id="up-from-cents-after-cents-a-share-on-a-total"),
    pytest.param("DALLAS, May 4 - Net of 2.1 mln dlrs or 40 cts per share vs 1.5 mln or 30 cts.", "30 cts", "en",
                 id="vs-total-or-cents"),
    pytest.param("DALLAS, May 4 - Net profit was five mln dlrs (50 cts a share), against four mln dlrs "
                 "(40 cts).", "40 cts", "en", id="cents-in-brackets-after-a-total"),
    pytest.param("DALLAS, May 4 - Harlow lost two dlrs a share on five mln dlrs in sales vs 1.50 dlrs on four "
                 "mln dlrs.", "1.50 dlrs", "en", id="vs-after-a-total-and-its-noun"),
    pytest.param("Wien – Der Konzern erzielte einen Gewinn von 1,20 Euro je Aktie nach 0,95 Euro im Vorjahr.",
                 "0,95 Euro", "de", id="euro-je-aktie-nach-euro"),
    pytest.param("Wien – Der Gewinn lag bei 2,1 Mio. Euro oder 40 Cent je Aktie nach 1,5 Mio. Euro oder "
                 "30 Cent.", "30 Cent", "de", id="mio-euro-oder-cent-nach-mio-euro-oder-cent"),
    pytest.param("Wien – Das Ergebnis betrug 2,40 Euro je Aktie bei einem Umsatz von 90 Mio. Euro, gegenüber "
                 "2,10 Euro ein Jahr zuvor.", "2,10 Euro", "de", id="euro-je-aktie-bei-umsatz-gegenueber-euro"),
])
def test_an_amount_in_the_place_of_a_per_share_amount_is_per_share(text, span, lang):
    assert money(text, lang)[span]["per"] == "share"


@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("DALLAS, May 4 - Corvex Oil said profit rose to 58 mln dlrs, or 2.05 dlrs a share, from a "
                 "loss of 12 mln dlrs, or 44 cts, a year earlier.", "12 mln dlrs", "en",
                 id="the-total-in-the-parallel-clause"),
    pytest.param("DALLAS, May 4 - Brenner Tool reported earnings of 31 cts a share on net income of 402,000 "
                 "dlrs, up from 17 cts on 226,000 dlrs.", "226,000 dlrs", "en",
                 id="a-total-without-a-magnitude"),
    pytest.param("Wien – Der Gewinn lag bei 2,1 Mio. Euro oder 40 Cent je Aktie nach 1,5 Mio. Euro oder "
                 "30 Cent.", "1,5 Mio. Euro", "de", id="a-german-total"),
])
def test_the_totals_beside_them_stay_totals(text, span, lang):
    assert money(text, lang)[span]["per"] is None


@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("DALLAS, May 4 - Harlow earned 1.20 dlrs a share, and paid a fee of 50 cts a ton, up from "
                 "45 cts.", "45 cts", "tonne", id="the-rate-of-the-nearer-amount"),
    pytest.param("DALLAS, May 4 - Harlow earned 1.20 dlrs a share; it sold a unit for five mln dlrs, or 10 cts "
                 "a pound.", "10 cts a pound", "pound", id="a-price-with-its-own-rate"),
])
def test_an_amount_with_another_rate_keeps_it(text, span, per):
    assert money(text)[span]["per"] == per


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("DALLAS, May 4 - Harlow earned 1.20 dlrs a share, compared with a gold price of 400 dlrs.",
                 "400 dlrs", id="too-large-to-be-a-share-s-amount"),
    pytest.param("DALLAS, May 4 - Net profit was five mln dlrs, or 50 cts a share. Sales rose to 40 mln dlrs "
                 "from 30 mln dlrs, or three dlrs.", "three dlrs", id="the-next-sentence"),
    pytest.param("DALLAS, May 4 - Harlow earned 1.20 dlrs a share after it mailed coupons worth 90 cts.",
                 "90 cts", id="no-parallel-place"),
    pytest.param("DALLAS, May 4 - Harlow earned 10 mln dlrs, up from eight mln dlrs, or 70 cts.", "70 cts",
                 id="no-per-share-amount-before"),
])
def test_a_small_amount_elsewhere_keeps_no_rate(text, span):
    assert money(text)[span]["per"] is None


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("DALLAS, May 4 - NOTE: Earnings exclude gains of 84,000 dlrs, or one ct a share vs 61,000 dlrs, "
                 "or two cts a share.", "61,000 dlrs", id="a-total-after-vs"),
    pytest.param("DALLAS, May 4 - Net fell to 3,100,000 dlrs or 52 cts a share from 4,020,000 dlrs or 67 cts a "
                 "share.", "4,020,000 dlrs", id="a-total-after-from"),
])
def test_a_total_compared_with_a_per_share_amount_takes_no_rate_from_it(text, span):
    assert money(text)[span]["per"] is None


@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("NEW YORK, May 4 - Tarrant Copper said it cut its cathode price by 0.25 cent to 71.50 cents a "
                 "lb.", "0.25 cent", "pound", id="a-price-s-small-move-before-its-level"),
    pytest.param("NEW YORK, May 4 - Sour crude dropped 10 cts to 17.42 dlrs a barrel.", "10 cts", "barrel",
                 id="a-crude-move-before-its-level"),
    pytest.param("DALLAS, May 4 - Net fell to 3,100,000 dlrs or 52 cts a share from 4,020,000 dlrs or 67 cts a "
                 "share.", "67 cts a share", "share", id="the-per-share-amount-itself"),
])
def test_a_move_much_smaller_than_its_level_still_shares_its_rate(text, span, per):
    assert money(text)[span]["per"] == per


# ----------------------------------------------------------------------------- the rate named before

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("LONDON, May 4 - Harwick said earnings per share rose to 41p from 38.5p.", "41p", "en",
                 id="earnings-per-share-rose-to"),
    pytest.param("LONDON, May 4 - Harwick said earnings per share rose to 41p from 38.5p.", "38.5p", "en",
                 id="and-the-amount-it-is-compared-with"),
    pytest.param("DALLAS, May 4 - Per share earnings were 1.20 dlrs vs 90 cts in the quarter.", "1.20 dlrs", "en",
                 id="per-share-earnings-were"),
    pytest.param("DALLAS, May 4 - The conversion will raise net book value per share to 31 cts from nine cts.",
                 "31 cts", "en", id="book-value-per-share-to"),
    pytest.param("DALLAS, May 4 - Orchard Mills expects EPS of 2.10 dlrs for the year.", "2.10 dlrs", "en",
                 id="eps-of"),
    pytest.param("Wien – Der Gewinn je Aktie stieg auf 1,35 Euro nach 1,10 Euro.", "1,10 Euro", "de",
                 id="gewinn-je-aktie-nach"),
])
def test_an_amount_after_a_per_share_measure_is_per_share(text, span, lang):
    assert money(text, lang)[span]["per"] == "share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("DALLAS, May 4 - Earnings per share rose 20 pct, while crude rose to 18 dlrs.", "18 dlrs",
                 id="another-subject-after-while"),
    pytest.param("DALLAS, May 4 - Earnings per share were not given. Orchard Mills paid 18 dlrs for a permit.",
                 "18 dlrs", id="the-next-sentence"),
    pytest.param("DALLAS, May 4 - Orchard Mills said earnings per share rose and net income reached 4 mln dlrs.",
                 "4 mln dlrs", id="a-total-with-a-magnitude"),
    pytest.param("DALLAS, May 4 - Earnings per share rose as Orchard Mills sold land for 120,000 dlrs.",
                 "120,000 dlrs", id="too-large-for-a-share"),
])
def test_an_amount_elsewhere_after_a_per_share_measure_keeps_no_rate(text, span):
    assert money(text)[span]["per"] is None
