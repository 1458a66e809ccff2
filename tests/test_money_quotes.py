"""A share's quoted price or move written without a verb of movement, and the level a market's
move reaches ("seven dlrs firmer at 746 dlrs per tonne"): invented sentences (hand check of
issue 18, samples 5 and 6)."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en", title: str | None = None) -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang, title=title))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


def per(text: str, span: str, lang: str = "en", title: str | None = None) -> str | None:
    return money(text, lang, title)[span]["per"]


# ----------------------------------------------------------------------------- English quotes

@pytest.mark.parametrize(("text", "span"), [
    pytest.param("LONDON, May 4 - Harwick Foods shares were unchanged at 412p.", "412p", id="unchanged-at"),
    pytest.param("LONDON, May 4 - Harwick Foods shares were last quoted at 412p after the results.", "412p",
                 id="last-quoted-at"),
    pytest.param("LONDON, May 4 - Harwick Foods shares at 1000 GMT were quoted nine pence firmer at 412p.",
                 "412p", id="firmer-at-the-level"),
    pytest.param("LONDON, May 4 - Harwick Foods shares at 1000 GMT were quoted nine pence firmer at 412p.",
                 "nine pence", id="firmer-the-move"),
    pytest.param("LONDON, May 4 - Harwick shares were 6p lower at 240p while Dunmore was two pence easier "
                 "at 311p.", "311p", id="a-second-company-in-the-sentence"),
    pytest.param("TORONTO, May 4 - Lakeside Mining stock opened at 14.25 dlrs in Toronto.", "14.25 dlrs",
                 id="stock-opened-at"),
    pytest.param("LONDON, May 4 - Shares in Harwick Foods were unchanged at 412p.", "412p",
                 id="a-capitalised-share-word"),
])
def test_a_share_quoted_at_a_price_without_a_verb_of_movement_is_per_share(text, span):
    assert per(text, span) == "share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("LONDON, May 4 - Harwick Foods shares rose after the bank set its oil price forecast at 21 dlrs.",
                 "21 dlrs", id="a-price-of-something-else-after-the-share-word"),
    pytest.param("LONDON, May 4 - Harwick Foods sold its shares and bought a van at 9,000 stg.", "9,000 stg",
                 id="no-share-named-by-the-level"),
    pytest.param("SYDNEY, May 4 - Buffer stock buying was set at 152 cts.", "152 cts", id="a-buffer-stock"),
    pytest.param("LONDON, May 4 - The shares of Harwick Foods were sold. A van was bought at 9,000 stg.",
                 "9,000 stg", id="the-share-word-in-the-sentence-before"),
])
def test_an_amount_at_a_level_that_is_no_share_quote_keeps_no_rate(text, span):
    assert per(text, span) is None


# ----------------------------------------------------------------------------- German quotes

BOERSE = ("Wien – Die Wiener Börse hat am Dienstag fester geschlossen. Der Leitindex stieg 0,4 Prozent. "
          "Bei den Einzelwerten schlossen die Titel der Nordbahn Holding (NBH) mit einem Plus von 2,10 Prozent "
          "auf 18,35 Euro im Spitzenfeld. Papiere der Alpenstahl (minus 1,20 Prozent auf 41,80 Euro) gaben nach, "
          "während Aktien der Donauwerke mit einem Minus von 0,30 Prozent (auf 22,60 Euro) schlossen. "
          "Am Ende stand ein Minus von 0,70 Prozent auf 27,15 Euro zu Buche. "
          "Unverändert bei 33,10 Euro schlossen die Titel der Feldbach AG.")


@pytest.mark.parametrize("span", [
    pytest.param("18,35 Euro", id="titel-mit-einem-plus-auf"),
    pytest.param("41,80 Euro", id="papiere-in-klammern"),
    pytest.param("22,60 Euro", id="aktien-auf-in-klammern"),
    pytest.param("27,15 Euro", id="prozent-auf-im-boersenbericht"),
    pytest.param("33,10 Euro", id="unveraendert-bei-vor-dem-subjekt"),
])
def test_ein_kurs_im_boersenbericht_gilt_je_aktie(span):
    assert per(BOERSE, span, "de") == "share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("Wien – Der Verlag brachte drei neue Titel heraus. Der Preis stieg um 5 Prozent auf 24,90 Euro.",
                 "24,90 Euro", id="buchtitel-ausserhalb-eines-boersenberichts"),
    pytest.param("Wien – Die Mannschaft verteidigte ihren Titel. Das Preisgeld liegt bei 5000 Euro.",
                 "5000 Euro", id="sporttitel-preisgeld"),
    pytest.param("Wien – Die Wiener Börse schloss fester. Der Goldpreis stieg um 1 Prozent auf 1.180 Dollar.",
                 "1.180 Dollar", id="gold-im-boersenbericht"),
])
def test_ein_betrag_bei_oder_auf_der_kein_aktienkurs_ist_bleibt_ohne_rate(text, span):
    assert per(text, span, "de") is None


# ----------------------------------------------------------------------------- a move and the level it reaches

def test_a_market_move_before_the_level_it_reaches_shares_the_levels_rate():
    text = ("KUALA LUMPUR, May 4 - Palm oil futures closed steady. June and July closed eight ringgit firmer "
            "at 812 and 806 ringgit per tonne respectively, while August was four ringgit higher at 801.")
    rows = money(text)
    assert rows["eight ringgit"]["per"] == "tonne"
    assert rows["four ringgit"]["per"] == "tonne"


def test_eine_bewegung_vor_dem_erreichten_preis_teilt_dessen_rate():
    text = ("Wien – Weizen für Mai schloss 3 Euro fester bei 212 Euro je Tonne, "
            "während Juli um 2 Euro nachgab.")
    rows = money(text, "de")
    assert rows["3 Euro"]["per"] == "tonne"
    assert rows["2 Euro"]["per"] == "tonne"


# ----------------------------------------------------------------------------- a rate written at a later item

@pytest.mark.parametrize(("text", "span", "rate", "lang"), [
    pytest.param("Bis zehn Kilometer sind es 42 Euro, ab 50 Kilometer gibt es eine Pauschale von 280 Euro pro Monat.",
                 "42 Euro", "month", "de", id="pauschale-pro-monat"),
    pytest.param("NEW YORK, May 4 - The plant's costs averaged 2.10 dlrs and 2.35 dlrs per mcf in the two years.",
                 "2.10 dlrs", "mcf", "en", id="costs-per-mcf-respectively"),
    pytest.param("NEW YORK, May 4 - Fuel with one pct sulphur rose to 19.80 dlrs, up 1.30 dlrs, and two pct sulphur "
                 "to 19.10 dlrs a barrel.", "19.80 dlrs", "barrel", "en", id="posted-prices-per-barrel"),
])
def test_a_rate_written_at_a_later_item_of_a_list_is_the_rate_of_the_items_before(text, span, rate, lang):
    assert per(text, span, lang) == rate


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("TOKYO, May 4 - The conversion price was set at 1,140 yen, while the exchange rate was fixed "
                 "at 141.50 yen per dollar.", "1,140 yen", id="an-exchange-rate-is-no-list-rate"),
    pytest.param("NEW YORK, May 4 - The New York Stock Exchange sold two seats for 300 dlrs, and one for 250 dlrs, "
                 "down 50 dlrs.", "300 dlrs", id="a-rate-read-from-the-sense-of-a-sentence-is-not-carried-back"),
    pytest.param("NEW YORK, May 4 - Installation costs 90 dlrs. The service costs 30 dlrs a month.", "90 dlrs",
                 id="another-sentence"),
    pytest.param("LONDON, May 4 - Members pay a one-off fee of 80 stg and 40 stg a year.", "80 stg",
                 id="a-one-off-fee-before-a-yearly-one"),
])
def test_an_amount_before_a_later_rate_that_is_no_item_of_its_list_keeps_no_rate(text, span):
    assert per(text, span) is None


# ----------------------------------------------------------------------------- a market's close or opening

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("LONDON, May 4 - Harwick Foods shares were unchanged at today's closing price of 412p.", "412p",
                 "en", id="a-closing-price-after-the-share-word"),
    pytest.param("TOKYO, May 4 - The exercise price of 810 yen per share compares with the stock's closing price "
                 "of 790 yen.", "790 yen", "en", id="the-stock-s-closing-price"),
    pytest.param("LONDON, May 4 - The new Harwick shares were valued at 77 mln stg at Friday's closing price of "
                 "300p.", "300p", "en", id="a-close-is-a-quote-without-a-verb"),
    pytest.param("LONDON, May 4 - Harwick shares worth 77 mln stg in all were unchanged at 300p.", "300p", "en",
                 id="an-amount-s-currency-word-is-no-currency-moving"),
    pytest.param("FRANKFURT, May 4 - It holds 20 mln marks nominal of Feldbach shares, at today's opening price "
                 "of 494.70 marks.", "494.70 marks", "en", id="an-opening-price"),
    pytest.param("HELSINKI, May 4 - Each warrant is exercisable into one Harwick preferred share at a price of "
                 "169.4 markka. This compares with today's closing price of 178 markka.", "178 markka", "en",
                 id="the-share-named-in-the-sentence-before"),
    pytest.param("NEW YORK, May 4 - Orchard will buy all of Kestrel's shares for its own stock. Based on "
                 "Orchard's closing price of 34 dlrs today, the deal is worth 90 mln dlrs.", "34 dlrs", "en",
                 id="based-on-a-closing-price-after-a-share-deal"),
    pytest.param("LONDON, May 4 - The offer compares with a share price of 178p on Friday.", "178p", "en",
                 id="a-share-price-of"),
    pytest.param("Frankfurt – Das Angebot liegt über dem Aktienkurs von 17,80 Euro.", "17,80 Euro", "de",
                 id="der-aktienkurs-von"),
    pytest.param("Frankfurt – Die Aktien der Feldbach AG kamen am Freitag an die Börse. Gemessen am Schlusskurs "
                 "von 18,35 Euro ist das Unternehmen 900 Millionen Euro wert.", "18,35 Euro", "de",
                 id="schlusskurs-nach-dem-satz-mit-den-aktien"),
])
def test_a_price_at_a_market_s_close_or_opening_is_a_share_quote(text, span, lang):
    """A close, an opening or a share's price names a quote by itself; its own "price" is no other
    subject, and the shares of a close may be named in the sentence before. The currency word of an amount before the
    level is no currency moving against another ("77 mln stg ... at 300p")."""
    assert per(text, span, lang) == "share"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("LONDON, May 4 - Harwick shares rose. Brent crude's closing price of 18 dlrs was steady.",
                 "18 dlrs", id="a-commodity-s-close-after-a-share-sentence"),
    pytest.param("TOKYO, May 4 - Harwick shares rose. The dollar ended below its close of 146 yen.", "146 yen",
                 id="a-currency-s-close-after-a-share-sentence"),
    pytest.param("LONDON, May 4 - Harwick shares rose. The share price of Brent crude was 18 dlrs.", "18 dlrs",
                 id="the-share-price-of-something-else"),
    pytest.param("LONDON, May 4 - Harwick shares rose. Rents were flat. The market's close of 9,000 stg was "
                 "unchanged.", "9,000 stg", id="the-share-word-two-sentences-before"),
    pytest.param("LONDON, May 4 - The shares of Harwick Foods were sold. A van was bought at 9,000 stg.",
                 "9,000 stg", id="a-plain-level-needs-its-share-in-its-sentence"),
])
def test_a_close_that_is_no_share_s_keeps_no_rate(text, span):
    assert per(text, span) is None
