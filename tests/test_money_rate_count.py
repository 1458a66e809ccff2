"""A rate written with a count ("per 100 dlrs of assets") for a move and its level reaches a
second move of the same measure later in its sentence, after "but" or "aber" in a clause of its
own: the count of the rate is part of the rate, no amount that ends the list. Invented
sentences (hand check of issue 18, sample 16)."""

import pytest

from factcheck.extract.money import find_money


def rates(text, lang="en"):
    return {text[s.start:s.end]: s.per for s in find_money(text, lang)}


@pytest.mark.parametrize(("text", "lang", "level", "second"), [
    pytest.param("The lender's margin rose three cts to 52 cts per 100 dlrs of average loans from a year "
                 "earlier, but fell four cts from the previous quarter.", "en", "52 cts", "four cts", id="but"),
    pytest.param("The lender's margin rose by three cts to 52 cts per 100\ndlrs of average loans from a year "
                 "earlier,\nbut declined four cts from the third quarter.", "en", "52 cts", "four cts",
                 id="wire-lines"),
    pytest.param("Die Marge stieg um drei Cent auf 52 Cent je 100 Euro Kredite gegenüber dem Vorjahr, "
                 "sank aber um vier Cent gegenüber dem Vorquartal.", "de", "52 Cent", "vier Cent", id="aber"),
])
def test_a_rate_with_a_count_reaches_a_second_move_after_but(text, lang, level, second):
    read = rates(text, lang)
    assert read[level] is not None and read[level].startswith("100 ")
    assert read[second] == read[level]
