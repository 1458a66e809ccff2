"""A currency word that opens the next line, a heading in capitals below a line in lower case,
is the heading of what follows, not the unit of the number that ends the line above: a rates
table whose next section is "CANADIAN DOLLAR SWAPS" lists rates, not amounts in Canadian
dollars. Lines of running text that wrap between an amount and its currency keep it. Invented
text."""

from __future__ import annotations

from factcheck.extract.money import find_money


def read(text: str) -> dict[str, str | None]:
    return {text[s.start:s.end]: s.currency for s in find_money(text, "en")}


def test_a_capitals_heading_below_a_table_line_is_no_unit_of_its_number() -> None:
    text = "OPENING RATES\n BANKERS ACCEPTANCES\n 90 days       7.05\n CANADIAN DOLLAR SWAPS\n 30 days   6.94\n"
    assert read(text) == {}


def test_a_wrapped_line_keeps_the_currency_of_its_amount() -> None:
    assert read("Velsa said it paid 100 mln\ndlrs for the unit.") == {"100 mln\ndlrs": "USD"}
    assert read("It raised 5 mln\nCanadian dollars in the offering.") == {"5 mln\nCanadian dollars": "CAD"}
    # a story all in capitals: its next line is no heading
    assert read("THE BANK GAVE 100 MLN\nSTG IN HELP TODAY.") == {"100 MLN\nSTG": "GBP"}
