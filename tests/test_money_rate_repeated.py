"""The same amount written again later in a story, in the same currency and with no magnitude,
has the rate it was first written with, whatever its unit (not only a quantity or a share): a
price per certificate, a fee per household, a wage per hour. A total (an amount with a
magnitude) takes none. Invented sentences (hand check of issue 18, sample 17)."""

import pytest

from factcheck.extract.money import find_money


def read(text, lang="en"):
    return [(text[s.start:s.end], s.per) for s in find_money(text, lang)]


@pytest.mark.parametrize(("text", "lang", "amount", "unit"), [
    pytest.param("The new certificates will be offered at 240 francs per certificate, the bank said.\n"
                 "    Buyers pay 15 francs for a lot of rights and 225 francs in cash, making a total 240 francs.",
                 "en", "240 francs", "certificate", id="per-certificate"),
    pytest.param("Subscribers will pay 9 dlrs per household for the service from June.\n"
                 "    The company said the 9 dlrs would cover maintenance, and it expects sales of 9 mln dlrs.",
                 "en", "9 dlrs", "household", id="per-household"),
    pytest.param("The minimum wage rises to £6.10 an hour in October.\n"
                 "    Unions said £6.10 was still too little to live on.", "en", "£6.10", "hour", id="per-hour"),
    pytest.param("Die Gebühr beträgt 12 Euro pro Haushalt und Monat.\n"
                 "    Der Verband hält die 12 Euro für angemessen.", "de", "12 Euro", "haushalt per month",
                 id="de-pro-haushalt-und-monat"),
])
def test_an_amount_written_again_keeps_its_first_rate(text, lang, amount, unit):
    spans = read(text, lang)
    again = [per for span, per in spans if span == amount or span.startswith(amount + " ")]
    assert len(again) == 2 and again == [unit, unit]
    assert all(per is None for span, per in spans if "mln" in span)  # a total takes no rate
