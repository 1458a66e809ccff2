"""Share prices after "close of", blocks of shares named by their company, rates "for two
shares", and ranges whose lower bound drops its thousands: invented sentences (hand check of
issue 18, sample 8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


REPORT = ("SYDNEY SHARES CLOSE HIGHER\nSYDNEY, May 4 - Brokers reported several block trades: "
          "3.0 mln Koala Mining at 45 cents, 2.1 mln\nWattle Resources at 18 cents and 600,000 Emu Gold at 1.10 dlrs.")


# ----------------------------------------------------------------------------- share prices

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("LONDON, May 4 - Harwick's shares were unchanged on Monday's close of 318p.", "318p", "en",
                 id="unchanged-on-a-close-of"),
    pytest.param("LONDON, May 4 - Dorne shares were steady near Friday's closing level of 412p.", "412p", "en",
                 id="steady-near-a-closing-level-of"),
    pytest.param("Wien – Die Aktie der Feldbach AG notierte unverändert zum Schlusskurs von 18,40 Euro.",
                 "18,40 Euro", "de", id="zum-schlusskurs-von"),
    pytest.param(REPORT, "45 cents", "en", id="a-block-named-by-its-company"),
    pytest.param(REPORT, "18 cents", "en", id="a-block-after-a-line-break"),
    pytest.param(REPORT, "1.10 dlrs", "en", id="a-block-counted-in-thousands"),
    pytest.param("DENVER, May 4 - Orchard Mills will pay 1.50 dlrs for each share it buys back.", "1.50 dlrs",
                 "en", id="for-each-share"),
])
def test_a_share_s_price_is_per_share(text, span, lang):
    assert money(text, lang)[span]["per"] == "share"


def test_a_rate_for_two_shares_is_per_two_shares():
    text = "NANAIMO, B.C., May 4 - Tarrow offered one of its shares plus one dlr for two shares of Kestrel."
    assert money(text)["one dlr"]["per"] == "2 share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("SYDNEY WHEAT SALES\nSYDNEY, May 4 - The board sold 2.1 mln Hard Red at 118 dlrs.", "118 dlrs",
                 id="a-block-outside-a-share-market-report"),
    pytest.param("SYDNEY SHARES CLOSE HIGHER\nSYDNEY, May 4 - The board sold 3.0 mln tonnes of wheat at 120 dlrs.",
                 "120 dlrs", id="a-block-of-goods-in-a-share-market-report"),
    pytest.param("DENVER, May 4 - Orchard Mills sold 500 shares for 10 dlrs.", "10 dlrs",
                 id="a-total-paid-for-a-count-of-shares"),
    pytest.param("DENVER, May 4 - Orchard Mills paid 40 dlrs for 500 shares.", "40 dlrs",
                 id="a-total-for-many-shares"),
    pytest.param("LONDON, May 4 - Oil prices were unchanged on Monday's close of 18.40 dlrs.", "18.40 dlrs",
                 id="a-close-of-something-else"),
])
def test_an_amount_that_is_no_share_price_keeps_no_share_rate(text, span):
    assert money(text)[span]["per"] is None


# ----------------------------------------------------------------------------- elided thousands

@pytest.mark.parametrize(("text", "span", "low", "high", "lang"), [
    pytest.param("Personal fines of between $40-90,000 were proposed.", "between $40-90,000", 40000, 90000, "en",
                 id="dollars-between"),
    pytest.param("The fine was $5-10,000.", "$5-10,000", 5000, 10000, "en", id="dollars-plain"),
    pytest.param("Die Strafen reichen von 10-25.000 Euro.", "10-25.000 Euro", 10000, 25000, "de", id="euro"),
])
def test_a_range_s_lower_bound_takes_the_thousands_of_its_upper(text, span, low, high, lang):
    row = money(text, lang)[span]
    assert row["qualifier"] == "range"
    assert (row["low"], row["high"]) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(("text", "span", "value"), [
    pytest.param("The quote moved 1.7770-80 marks.", "1.7770-80 marks", None, id="a-quote-is-no-range"),
    pytest.param("The fine was $50-90.", "$50-90", Decimal(70), id="a-range-in-units"),
])
def test_other_ranges_are_read_as_written(text, span, value):
    rows = money(text)
    if value is None:
        assert span not in rows or rows[span]["qualifier"] != "range"
    else:
        assert rows[span]["value"] == value


# ----------------------------------------------------------------------------- a rate after a conversion

@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("Many families live on less than $5, or four euros, a day.", "four euros", "day",
                 id="the-conversion"),
    pytest.param("Many families live on less than $5, or four euros, a day.", "less than $5", "day",
                 id="the-amount-converted"),
    pytest.param("Tickets cost $30, or 25 euros, per person.", "25 euros", "person", id="per-a-noun-of-the-lexicon"),
])
def test_a_rate_after_an_amount_and_its_conversion_is_the_rate_of_both(text, span, per):
    assert money(text)[span]["per"] == per


def test_a_time_after_a_conversion_is_no_rate():
    text = "OTTAWA, May 4 - It paid 50 mln Canadian dlrs, or 36 mln U.S. dlrs, a year earlier."
    assert money(text)["36 mln U.S. dlrs"]["per"] is None
