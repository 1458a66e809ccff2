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
