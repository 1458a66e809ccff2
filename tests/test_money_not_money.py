"""Things that look like money and are not: each case is named by the trap it sets."""

from __future__ import annotations

import pytest

from factcheck.extract.money import find_money


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("in 2019, the company", "en", id="year"),
    pytest.param("profit rose 5%", "en", id="percent-sign"),
    pytest.param("shares rose 12 pct", "en", id="pct"),
    pytest.param("rose 2.5 per cent", "en", id="per-cent"),
    pytest.param("stieg um 2,5 Prozent", "de", id="Prozent"),
    pytest.param("call 555-1234 now", "en", id="phone-number"),
    pytest.param("call +1 (212) 555-0100", "en", id="phone-number-international"),
    pytest.param("2,000 workers were laid off", "en", id="count-of-people"),
    pytest.param("the Boeing 747 fleet", "en", id="aircraft-model"),
    pytest.param("the B747 and the A320", "en", id="model-codes-touching-letters"),
    pytest.param("the ticker <AFG> rose", "en", id="ticker"),
    pytest.param("echo $HOME and ${PATH}", "en", id="dollar-in-code"),
    pytest.param("$$$$ and $ $ $", "en", id="bare-dollar-signs"),
    pytest.param("it will idle 100 mln pounds of older polyester", "en", id="pounds-of-a-weight"),
    pytest.param("a federal grand jury indicted", "en", id="grand-jury"),
    pytest.param("nickel prices rose on the LME", "en", id="nickel-the-metal"),
    pytest.param("a nickel mine in Canada", "en", id="nickel-before-a-noun"),
    pytest.param("in the first quarter of 1987", "en", id="quarter-the-period"),
    pytest.param("QUARTER\n\nNICKEL", "en", id="coin-words-in-capitals"),
    pytest.param("he passed the 1,000 mark", "en", id="mark-a-level-in-English"),
    pytest.param("the rapper 50 Cent said", "en", id="Cent-capitalised-in-English"),
    pytest.param("records video in 1080p.", "en", id="video-resolution-not-pence"),
    pytest.param("LONDON, April 9 - Swiss franc notes issued", "en", id="dateline-then-currency"),
    pytest.param("ZURICH, April 8 - Yen bond futures", "en", id="dateline-then-currency-word"),
    pytest.param("will shed thousands of jobs", "en", id="thousands-of-people"),
    pytest.param("millions of people who suffer", "en", id="millions-of-people"),
    pytest.param("20 million users pay for it", "en", id="magnitude-before-a-noun"),
    pytest.param("a dollar bill in a frame", "en", id="a-dollar-as-adjective"),
    pytest.param("Wenige Milliarden Menschen leben dort.", "de", id="Milliarden-before-a-noun"),
    pytest.param("In der Türkei hofften drei Millionen Menschen", "de", id="Millionen-Menschen"),
    pytest.param("die Nummer 17 im Ranking", "de", id="German-number"),
    pytest.param("Trainium 2 chips", "en", id="product-version"),
])
def test_not_money(text, lang):
    assert [text[s.start:s.end] for s in find_money(text, lang)] == []


def test_five_dollar_t_shirts_are_five_dollars_not_trillions():
    [s] = find_money("$5 T-shirts")
    assert s.value == 5


def test_a_dollar_sign_belongs_to_the_figure_it_touches():
    text = "1 $10 dollars bill"
    assert [(text[s.start:s.end], s.value) for s in find_money(text)] == [("$10", 10)]


def test_a_code_before_a_figure_is_not_the_previous_figures_currency():
    text = "rmb 10 usd 20"
    assert [(text[s.start:s.end], s.currency) for s in find_money(text)] == [("rmb 10", "CNY"), ("usd 20", "USD")]


def test_a_single_letter_before_a_dollar_sign_is_a_word():
    # "a $48.2 million army contract": not Australian dollars
    [s] = find_money("won a $48.2 million army contract")
    assert s.currency == "USD"
