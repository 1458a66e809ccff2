"""The nominal value of a share, per-share table rows the wire labels as counts or misspells,
and a table's note that names its currency: invented sentences (hand check of issue 18,
sample 7)."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


# ----------------------------------------------------------------------------- nominal values

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("LYON, June 2 - The insurer will split 8.2 mln shares of 100 francs nominal into 32.8 mln "
                 "shares of 25 francs nominal.", "25 francs", "en", id="shares-of-francs-nominal"),
    pytest.param("LYON, June 2 - The insurer will split 8.2 mln shares of 100 francs nominal into 32.8 mln "
                 "shares of 25 francs nominal.", "100 francs", "en", id="the-old-nominal-value-too"),
    pytest.param("DENVER, June 2 - Orchard Mills will buy back four mln shares of its 2.50 dlr par value "
                 "common stock.", "2.50 dlr", "en", id="dlr-par-value-common"),
    pytest.param("DENVER, June 2 - Orchard Mills will redeem 3,000 shares of 500 dlrs par value preferred.",
                 "500 dlrs", "en", id="dlrs-par-value-preferred"),
    pytest.param("DENVER, June 2 - Orchard Mills will issue two mln shares with a par value of 10 dlrs.",
                 "10 dlrs", "en", id="a-par-value-of-before-the-amount"),
    pytest.param("Linz – Die Brauerei gibt 400.000 neue Aktien im Nennwert von 5 Euro aus.", "5 Euro", "de",
                 id="aktien-im-nennwert-von"),
    pytest.param("Linz – Das Kapital besteht aus zwei Mio. Aktien mit einem Nennwert von je 10 Euro.",
                 "10 Euro", "de", id="aktien-mit-einem-nennwert-von-je"),
])
def test_the_nominal_value_of_a_share_is_per_share(text, span, lang):
    assert money(text, lang)[span]["per"] == "share"


@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param("NEW YORK, June 2 - The bank bought Peruvian debt with a face value of 80 mln dlrs.",
                 "80 mln dlrs", "en", id="a-face-value-with-a-magnitude-is-a-total"),
    pytest.param("NEW YORK, June 2 - The fund bought bonds with a face value of 5,000 dlrs from the bank.",
                 "5,000 dlrs", "en", id="bonds-are-no-shares"),
    pytest.param("Graz – Die Polizei fand Falschgeld im Nennwert von 40.000 Euro.", "40.000 Euro", "de",
                 id="falschgeld-im-nennwert"),
    pytest.param("PARIS, June 2 - The bank sold its shares. The bonds are of 5,000 francs nominal.",
                 "5,000 francs", "en", id="the-share-word-in-the-sentence-before"),
])
def test_a_nominal_value_of_something_other_than_a_share_keeps_no_rate(text, span, lang):
    assert money(text, lang)[span]["per"] is None


# ----------------------------------------------------------------------------- table rows

TABLE = ("HARLOW SAVINGS <HRLW> 4TH QTR NET\n"
         "DAYTON, Ohio, March 3 -\n"
         "Shr profit nine cts vs loss 12 cts\n"
         "    Net profit 212,000 vs loss 340,000\n"
         "    Year\n"
         "    Shrs loss 2.15 dlrs vs loss 31 cts\n"
         "    Net loss 4,100,000 vs loss 610,000\n"
         "    Sasles 21.4 mln vs 18.2 mln\n"
         "    Avg shrs 1,905,000 vs 1,880,000\n"
         "    Assests 120.4 mln vs 118.9 mln\n")


@pytest.mark.parametrize("span", ["2.15 dlrs", "31 cts"])
def test_a_share_row_with_a_result_is_per_share_though_labelled_as_a_count(span):
    row = money(TABLE)[span]
    assert (row["per"], row["row_label"]) == ("share", "Shrs loss")


def test_an_average_share_count_row_stays_no_money():
    assert not any(text.startswith("1,905,000") or text.startswith("1,880,000") for text in money(TABLE))


@pytest.mark.parametrize(("span", "label"), [("21.4 mln", "Sasles"), ("18.2 mln", "Sasles"),
                                             ("120.4 mln", "Assests")])
def test_a_label_one_letter_from_a_money_label_is_that_row(span, label):
    row = money(TABLE)[span]
    assert (row["row_label"], row["value"], row["currency"]) == (label, _value(span), "USD")


def _value(span: str):
    from decimal import Decimal
    return Decimal(span.split()[0]) * 1_000_000


@pytest.mark.parametrize(("line", "span"), [
    pytest.param("    Change 4.1 mln vs 3.9 mln\n", "4.1 mln", id="change-is-a-word-of-its-own"),
    pytest.param("    Loads 4.1 mln vs 3.9 mln\n", "4.1 mln", id="loads-is-a-word-of-its-own"),
    pytest.param("    Nat 4.1 mln vs 3.9 mln\n", "4.1 mln", id="a-short-word-is-never-read-as-a-slip"),
])
def test_a_real_word_or_a_short_word_is_never_read_as_a_misspelt_label(line, span):
    assert span not in money(TABLE + line)


def test_a_misspelt_label_is_no_row_in_a_story_without_a_table():
    assert "21.4 mln" not in money("DAYTON, Ohio, March 3 - The plant ran well.\n    Sasles 21.4 mln vs 18.2 mln\n")


def test_a_misspelt_german_label_is_that_row():
    text = ("Linz – Die Brauerei legte ihre Zahlen vor.\n"
            "    Umsatz 412,7 Mio. Euro (Vorjahr: 398,1 Mio.)\n"
            "    Gewinn 20,1 Mio. Euro (Vorjahr: 18,3 Mio.)\n"
            "    Ergebnsi 25,3 Mio. (Vorjahr: 22,8 Mio.)\n")
    assert money(text, "de")["25,3 Mio."]["row_label"] == "Ergebnsi"


# ----------------------------------------------------------------------------- a table's note

NOTE_TABLE = ("MAPLEWOOD TRUCKS <MWT> 1ST QTR LOSS\n"
              "TORONTO, April 9 -\n"
              "Shr loss 22 cts vs profit four cts\n"
              "    Net loss 11,300,000 vs profit 2,100,000\n"
              "    Revs 210.5 mln vs 198.0 mln\n"
              "    Note: Loss includes a charge of 6.4 mln dlrs.\n")


@pytest.mark.parametrize("note", [
    "    U.S. dlrs.\n",
    "    NOTE: U.S. funds.\n",
    "    Note - All figures in U.S. dollars.\n",
    "    Results in U.S. dollars as the company reports.\n",
])
@pytest.mark.parametrize("span", ["22 cts", "11,300,000", "210.5 mln", "6.4 mln dlrs"])
def test_a_note_naming_the_tables_currency_speaks_for_its_figures(note, span):
    row = money(NOTE_TABLE + note)[span]
    assert (row["currency"], row["currency_source"]) == ("USD", "story")


def test_a_note_speaks_for_the_notes_after_it_in_a_story_that_opens_with_its_table():
    text = NOTE_TABLE + "    NOTE: U.S. funds.\n    Net includes a gain of 3.2 mln dlrs on a sale.\n"
    assert money(text)["3.2 mln dlrs"]["currency"] == "USD"


def test_a_note_speaks_only_up_to_itself_after_a_table_inside_prose():
    text = ("TORONTO, April 9 - Maplewood Trucks reported its results on Tuesday, and its chairman spoke.\n"
            "    The company gave these figures.\n"
            "    Net loss 11,300,000 vs profit 2,100,000\n"
            "    Revs 210.5 mln vs 198.0 mln\n"
            "    U.S. dlrs.\n"
            "    Separately, the Ontario unit will spend 40 mln dlrs on a plant.\n")
    rows = money(text)
    assert (rows["210.5 mln"]["currency"], rows["40 mln dlrs"]["currency"]) == ("USD", "CAD")


def test_a_german_note_naming_the_tables_currency_speaks_for_its_figures():
    text = ("Wien – Die Schweizer Maschinenfabrik legte ihre Zahlen vor.\n"
            "    Umsatz 412,7 Mio. (Vorjahr: 398,1 Mio.)\n"
            "    Gewinn 20,1 Mio. (Vorjahr: 18,3 Mio.)\n"
            "    Alle Angaben in Schweizer Franken.\n")
    assert money(text, "de")["412,7 Mio."]["currency"] == "CHF"


def test_a_table_without_a_note_keeps_the_datelines_currency():
    row = money(NOTE_TABLE)["210.5 mln"]
    assert (row["currency"], row["currency_source"]) == ("CAD", "dateline")


def test_a_currency_opening_a_sentence_of_prose_is_no_note():
    text = NOTE_TABLE + "    U.S. dollars were strong on the day, traders said.\n"
    assert money(text)["210.5 mln"]["currency"] == "CAD"


def test_a_note_with_a_dollar_word_that_names_no_country_changes_nothing():
    assert money(NOTE_TABLE + "    Figures in dollars.\n")["210.5 mln"]["currency"] == "CAD"


# ----------------------------------------------------------------------------- differences of a price

LME = ("LONDON, May 5 - Zinc ended the morning with three months business at 512 stg per tonne, up four "
       "stg from the kerb close, equivalent to 821 dlrs per tonne, a rise of six dlrs.\n"
       "    Cash buying established a backwardation of 18 stg after borrowing at a premium of 14 stg, "
       "traders said.\n")


@pytest.mark.parametrize("span", ["four stg", "six dlrs", "18 stg", "14 stg"])
def test_a_difference_of_a_price_per_tonne_is_per_tonne(span):
    assert money(LME)[span]["per"] == "tonne"


def test_a_premium_over_a_share_price_is_per_share():
    text = ("NEW YORK, May 5 - Ridgeway offered 42 dlrs a share for Calloway. The offer is a premium of "
            "nine dlrs over the last close.")
    assert money(text)["nine dlrs"]["per"] == "share"


def test_a_german_difference_of_a_price_per_tonne_is_per_tonne():
    text = ("Wien – Weizen notierte an der Börse bei 212 Euro je Tonne. Das ist ein Plus von 3 Euro "
            "gegenüber der Vorwoche.")
    assert money(text, "de")["3 Euro"]["per"] == "tonne"


@pytest.mark.parametrize(("text", "span"), [
    pytest.param(LME + "    The smelter's profit was up 900 stg on the year.\n", "900 stg",
                 id="larger-than-the-price-is-no-difference-of-it"),
    pytest.param(LME + "    Its sales were up 40 mln stg.\n", "40 mln stg", id="an-amount-with-a-magnitude"),
    pytest.param("ZURICH, May 5 - Zinc traded at 512 stg per tonne. Fees were up 14 francs.", "14 francs",
                 id="another-currency"),
    pytest.param("LONDON, May 5 - Zinc traded at 512 stg per tonne. The broker charged a premium of 14 stg.\n"
                 + "    " + "Other metals were quiet. " * 30 + "A fee rose by a premium of 12 stg.", "12 stg",
                 id="beyond-the-reach"),
])
def test_an_amount_that_is_no_difference_of_the_price_keeps_no_rate(text, span):
    assert money(text)[span]["per"] is None
