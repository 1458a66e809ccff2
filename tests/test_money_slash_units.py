"""After a slash only a unit of measure, a period or a counted item makes a rate: a word that is
no unit (a golf course's par after the prize money, a second currency of a programme written
with a magnitude) makes none, and a unit written short is read as its unit. Invented sentences
(hand check of issue 18, sample 17)."""

import pytest

from factcheck.extract.money import find_money


def rates(text, lang="en"):
    return {text[s.start:s.end]: s.per for s in find_money(text, lang)}


@pytest.mark.parametrize(("text", "lang", "span"), [
    pytest.param("Endstand Offene Meisterschaft in Hamburg (1,5 Mio. Euro/Par 71): 1. Max Muster", "de",
                 "1,5 Mio. Euro", id="de-golf-par"),
    pytest.param("Final round of the Coast Classic (1.2 mln dlrs/Par 70): 1. John Doe 270", "en",
                 "1.2 mln dlrs", id="en-golf-par"),
    pytest.param("ACME GROUP ARRANGES 40 MLN DLR/STG NOTE PROGRAM", "en", "40 MLN DLR", id="two-currency-programme"),
])
def test_a_word_after_a_slash_that_is_no_unit_makes_no_rate(text, lang, span):
    assert rates(text, lang)[span] is None


@pytest.mark.parametrize(("text", "lang", "span", "unit"), [
    pytest.param("Brotweizen kostete zuletzt 212 Euro/t an der Börse.", "de", "212 Euro", "tonne", id="de-t"),
    pytest.param("Das Heft gibt es für 4 Euro/Stück am Kiosk.", "de", "4 Euro", "unit", id="de-stueck"),
])
def test_a_unit_written_short_after_a_slash_is_read_as_its_unit(text, lang, span, unit):
    assert rates(text, lang)[span] == unit
