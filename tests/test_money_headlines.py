"""A headline's amount takes the currency the body states for the same amount: invented
stories (hand check of issue 18, sample 9)."""

from __future__ import annotations

from factcheck.documents import Document
from factcheck.extract import find_mentions


def money(text: str, title: str | None) -> list[dict]:
    rows, _ = find_mentions(Document(id="d", text=text, lang="en", title=title))
    return [r for r in rows if r["kind"] == "money"]


TITLE = "KOALA GROUP SETS 200 MLN DLR NOTE ISSUE"
STORY = (TITLE + "\nSYDNEY, May 4 - Koala Group, an Australian investor, plans notes worth 200 mln U.S. Dlrs "
         "for buyers in New York.\n")


def test_the_headline_amount_takes_the_currency_the_body_states_for_it():
    head = money(STORY, TITLE)[0]
    assert (head["text"], head["currency"], head["currency_source"]) == ("200 MLN DLR", "USD", "story")


def test_a_headline_amount_the_body_does_not_repeat_keeps_the_dateline_s_currency():
    text = (TITLE + "\nSYDNEY, May 4 - Koala Group will issue notes. It also bought a stake worth 50 mln U.S. Dlrs.\n")
    head = money(text, TITLE)[0]
    assert (head["currency"], head["currency_source"]) == ("AUD", "dateline")


def test_a_headline_amount_the_body_repeats_without_a_currency_keeps_the_dateline_s():
    text = TITLE + "\nSYDNEY, May 4 - Koala Group plans notes worth 200 mln dlrs.\n"
    assert [r["currency"] for r in money(text, TITLE)] == ["AUD", "AUD"]


def test_an_amount_of_another_family_in_the_body_changes_nothing():
    title = "KOALA GROUP SETS 200 MLN DLR NOTE ISSUE"
    text = title + "\nSYDNEY, May 4 - Koala Group will raise 200 mln dlrs and lend 200 mln stg.\n"
    assert money(text, title)[0]["currency"] == "AUD"
