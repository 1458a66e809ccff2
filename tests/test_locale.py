"""Where an article is published decides what a bare dollar is."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.extract.money import find_money, local_dollar


@pytest.mark.parametrize(("locale", "iso"), [
    ("en-AU", "AUD"), ("EN_AU", "AUD"), ("CA", "CAD"), ("en_NZ", "NZD"), ("en-JM", "JMD"),
    ("en-US", "USD"), ("en-GB", "USD"), (None, "USD"), ("", "USD"),
])
def test_the_locale_names_the_local_dollar(locale, iso):
    assert local_dollar(locale) == iso


def test_an_australian_article_reads_a_bare_dollar_as_australian():
    text = "The council will spend $5 million, a grand for staff, and 20 cents on each ticket."
    found = find_money(text, "en", local_dollar("en-AU"))
    assert [(text[s.start:s.end], s.currency) for s in found] == [
        ("$5 million", "AUD"), ("a grand", "AUD"), ("20 cents", "AUD")]


def test_a_dollar_marked_american_stays_american_in_any_locale():
    text = "It raised US$5 million and 3 mln U.S. dlrs, and 7 euros."
    found = find_money(text, "en", local_dollar("en-CA"))
    assert [s.currency for s in found] == ["USD", "USD", "EUR"]


def test_a_corpus_record_carries_its_locale_into_the_mentions(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "syd", "text": "Qantas will invest $2 billion in new planes.", "locale": "en-AU"}) + "\n"
        + json.dumps({"id": "ny", "text": "Delta will invest $2 billion in new planes."}) + "\n",
        encoding="utf-8")
    out = tmp_path / "m.jsonl"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--format", "jsonl", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(r["doc"], r["currency"]) for r in rows if r["kind"] == "money"} == {("syd", "AUD"), ("ny", "USD")}


def test_a_language_alone_is_no_country():
    assert local_dollar("ca") == "USD"  # Catalan, not Canada
    assert local_dollar("-ca") == "CAD"  # a corpus `country` field
