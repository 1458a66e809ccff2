"""Rates a careful reader carries or reads across a few words: a rate written once for a list of
prices reaches past a date between them, a rate after its amount survives a following "after",
a share price after a pronoun for the shares, a German rate before its amount with small words
between. Invented sentences (hand check of issue 18, sample 11)."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, lang: str = "en") -> dict[str, dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang))
    return {r["text"]: r for r in rows if r["kind"] == "money"}


# A neutral opening longer than the lead read for a share-market report, so that no share word
# stands in the story's lead: only the sentences themselves decide.
_LEAD = ("Harwick said on Monday that the talks had ended. No spokesman was available to say why the "
         "talks had ended or whether a new offer would follow. Both firms said they would not comment "
         "further on the matter until the end of next week, when the board of the company is due to "
         "meet in the city to decide on its future. ")
_LEAD_DE = ("Feldbach teilte am Montag mit, die Gespräche seien beendet. Ein Sprecher wollte sich nicht "
            "dazu äußern, ob ein neues Angebot folgen werde. Beide Unternehmen wollten sich bis zum Ende "
            "der nächsten Woche nicht weiter zu der Sache äußern, wenn der Vorstand des Unternehmens in "
            "der Stadt über die Zukunft entscheiden soll. ")


# ----------------------------------------------------------------------------- a rate past a date

@pytest.mark.parametrize(("text", "spans", "lang"), [
    pytest.param("Copper sold at 1,300 stg per tonne, down from 1,450 stg in March 1986 and 1,750 stg in "
                 "June 1985.", ["1,450 stg", "1,750 stg"], "en", id="month-and-year-between"),
    pytest.param("Copper sold at 1,300 stg per tonne, down from 1,450 stg in 1986 and 1,750 stg in 1985.",
                 ["1,450 stg", "1,750 stg"], "en", id="year-after-in-between"),
    pytest.param("Kupfer kostete 1.300 Euro pro Tonne, nach 1.450 Euro im März 1986 und 1.750 Euro im Juni "
                 "1985.", ["1.450 Euro", "1.750 Euro"], "de", id="monat-und-jahr-dazwischen"),
    pytest.param("Kupfer kostete 1.300 Euro je Tonne, nach 1.450 Euro im Jahr 1986 und 1.750 Euro 1985.",
                 ["1.450 Euro", "1.750 Euro"], "de", id="im-jahr-dazwischen"),
])
def test_a_rate_written_once_reaches_every_price_past_a_date_between_them(text, spans, lang):
    got = money(text, lang)
    assert [got[s]["per"] for s in spans] == ["tonne"] * len(spans)


# ----------------------------------------------------------------------------- a rate before "after"

@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("Crude was sold at 15 to 17 dlrs a barrel after the accord.", "15 to 17 dlrs a barrel",
                 "barrel", id="range-a-barrel-after"),
    pytest.param("Crude sold for 16 dlrs a barrel after March.", "16 dlrs a barrel", "barrel",
                 id="a-barrel-after-a-month"),
    pytest.param("Acme earned 1.20 dlrs a share after tax.", "1.20 dlrs a share", "share",
                 id="a-share-after-tax"),
    pytest.param("Gold fetched 400 dlrs an ounce before the auction.", "400 dlrs an ounce", "ounce",
                 id="an-ounce-before"),
])
def test_a_quantity_rate_is_not_ended_by_a_following_time_word(text, span, per):
    assert money(text)[span]["per"] == per


@pytest.mark.parametrize("text", [
    pytest.param("Acme paid 400 dlrs a year after the merger.", id="a-year-after"),
    pytest.param("The firm paid 40,000 dlrs a year earlier.", id="a-year-earlier"),
])
def test_a_time_word_after_a_time_unit_is_still_a_time_not_a_rate(text):
    (row,) = money(text).values()
    assert row["per"] is None


# ----------------------------------------------------------------------------- a pronoun for the shares

@pytest.mark.parametrize(("text", "span", "lang"), [
    pytest.param(_LEAD + "Last week, Harwick shares rose 30p to 250p ahead of the news. The statement today "
                 "brought them back down to 220p.", "220p", "en", id="brought-them-back-down"),
    pytest.param(_LEAD + "Last week, Harwick shares rose 30 cts to 2.50 dlrs. The statement today sent them "
                 "down to 2.20 dlrs.", "2.20 dlrs", "en", id="sent-them-down"),
    pytest.param(_LEAD_DE + "Die Aktien der Feldbach AG hatten am Morgen um 2 Euro zugelegt. Am Nachmittag "
                 "fielen sie auf 38 Euro.", "38 Euro", "de", id="fielen-sie-auf"),
])
def test_a_price_after_a_pronoun_for_the_shares_is_per_share(text, span, lang):
    assert money(text, lang)[span]["per"] == "share"


def test_a_pronoun_for_something_else_than_shares_gives_no_share_price():
    got = money(_LEAD + "Last week, the firm's bonds rose 30p to 250p. The statement today brought them "
                "back down to 220p.")
    assert got["220p"]["per"] is None


# ----------------------------------------------------------------------------- pro/je, words, amount

@pytest.mark.parametrize(("text", "span", "per"), [
    pytest.param("Seltene Falken werden pro Tier mit bis zu 40.000 Euro gehandelt.", "bis zu 40.000 Euro",
                 "tier", id="pro-noun-mit-bis-zu"),
    pytest.param("Die Kosten werden je Teilnehmer mit rund 300 Euro veranschlagt.", "rund 300 Euro",
                 "teilnehmer", id="je-noun-mit-rund"),
    pytest.param("Die Gemeinde zahlt pro Jahr nur 300 Euro.", "300 Euro", "year", id="pro-jahr-nur"),
])
def test_a_german_rate_before_its_amount_reaches_over_small_words(text, span, per):
    assert money(text, "de")[span]["per"] == per


@pytest.mark.parametrize("text", [
    pytest.param("Die Kosten werden je nach Größe mit 300 Euro veranschlagt.", id="je-nach-is-no-rate"),
    pytest.param("Sie zahlten pro Kopf, mit 300 Euro war es getan.", id="a-comma-ends-the-rate"),
    pytest.param("Die Stadt zahlt pro Kopf der Bevölkerung mit 300 Euro.", id="a-noun-between-ends-it"),
])
def test_a_german_rate_does_not_reach_across_a_clause_or_noun(text):
    (row,) = money(text, "de").values()
    assert row["per"] is None


# ----------------------------------------------------------------------------- a rate, "again", amount
# (hand check of issue 18, sample 18: "pro Flug noch einmal knapp 200 US-Dollar")

@pytest.mark.parametrize(("text", "span", "per", "lang"), [
    pytest.param("Der Ballon kostet pro Flug noch einmal knapp 300 Euro.", "knapp 300 Euro", "flug", "de",
                 id="pro-noun-noch-einmal"),
    pytest.param("Die Stadt zahlt je Kind weitere 40 Euro.", "40 Euro", "kind", "de", id="je-noun-weitere"),
    pytest.param("Die Miete steigt pro Monat erneut um 25 Euro.", "25 Euro", "month", "de", id="pro-monat-erneut-um"),
    pytest.param("The fee per night is another $60.", "$60", "night", "en", id="per-unit-is-another"),
    pytest.param("Parking costs per hour an extra 3 dlrs.", "3 dlrs", "hour", "en", id="per-unit-an-extra"),
    pytest.param("Storage per week will be a further 12 dlrs.", "12 dlrs", "week", "en",
                 id="per-unit-will-be-a-further"),
])
def test_words_of_repetition_or_addition_do_not_part_a_rate_from_its_amount(text, span, per, lang):
    """A careful reader takes "noch einmal", "weitere", "another", "an extra" as saying the amount
    comes again or on top, not as ending the rate written before it."""
    assert money(text, lang)[span]["per"] == per


@pytest.mark.parametrize(("text", "span"), [
    pytest.param("The rise per year slowed, and the fund paid another $60.", "$60", id="a-clause-between"),
    pytest.param("Output per worker rose and costs were another $60.", "$60", id="a-noun-and-verb-between"),
    pytest.param("Prices rose 5 per cent, another $60 in all.", "$60", id="per-cent-is-no-rate"),
])
def test_an_english_rate_reaches_over_small_words_only_when_nothing_else_stands_between(text, span):
    assert money(text)[span]["per"] is None
