"""A rate written after an amount that a price moved to (perhaps past the amount's conversion in
brackets) is the rate of the price it moved from, written after "from"/"von"; and a rate written
after the new price reaches the old one past the old one's own conversion. Invented sentences
(hand check of issue 18, samples 3 and 17)."""

import pytest

from factcheck.extract.money import find_money


def rates(text, lang="en"):
    return {text[s.start:s.end]: s.per for s in find_money(text, lang)}


@pytest.mark.parametrize(("text", "lang", "spans", "unit"), [
    pytest.param("The fare for the ferry has gone to 40 pesos ($0.70) per crossing from 32 pesos.",
                 "en", ("40 pesos", "32 pesos"), "crossing", id="bracket-then-from"),
    pytest.param("The fare for the ferry has gone to 40 pesos per crossing from 32 pesos.",
                 "en", ("40 pesos", "32 pesos"), "crossing", id="no-bracket-then-from"),
    # the old price past its own conversion
    pytest.param("The fare for the ferry went from 32 pesos ($0.56) to 40 pesos per crossing.",
                 "en", ("32 pesos", "$0.56"), "crossing", id="old-price-bracket"),
    pytest.param("Der Fahrpreis stieg von zehn Franken (neun Euro) auf 12 Franken pro Fahrt.",
                 "de", ("zehn Franken", "neun Euro"), "fahrt", id="de-alter-preis-klammer"),
])
def test_a_rate_after_the_new_price_reaches_the_old_price(text, lang, spans, unit):
    read = rates(text, lang)
    assert [read[s] for s in spans] == [unit, unit]


def test_a_total_after_from_takes_no_rate():
    read = rates("Tickets went to 40 pesos per crossing from 32 pesos, and revenue to 9 mln pesos from 7 mln pesos.")
    assert read["32 pesos"] == "crossing"
    assert read["9 mln pesos"] is None and read["7 mln pesos"] is None
