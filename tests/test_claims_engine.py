"""The claims stage: stories, candidate pairs, evidence, the decision and its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.claims import annotate, score_pairs
from factcheck.claims.decision import DecisionFileError, load_decision, parse_decision
from factcheck.claims.stories import StoryParams, link
from factcheck.cli import main
from factcheck.pipeline import DocInfo, documents_from_records, read_corpus, scan_documents

from .claim_pairs import pair_of as _pair_of
from .claim_pairs import scored_pairs as _pairs


def _doc(doc_id: str, title: str, lead: str, date: str | None = "2025-03-04") -> DocInfo:
    return DocInfo(doc_id, "en", date, title, None, "", "utf-8", 0, [], lead)


OUTLETS = [
    _doc("fox", "Harbour Bridge closed after barge strike",
         "The Harbour Bridge in Portmouth was closed on Monday after a barge struck a pier; engineers said repairs "
         "to the span could cost the city millions."),
    _doc("nyt", "Portmouth shuts Harbour Bridge as barge damages pier",
         "Portmouth officials shut the Harbour Bridge after a barge hit one of its piers, and engineers began "
         "inspecting the damaged span."),
    _doc("post", "Barge crash closes Portmouth's Harbour Bridge",
         "A barge crashed into a pier of the Harbour Bridge, closing the Portmouth crossing while engineers "
         "examine the span."),
    _doc("sport", "Portmouth Rovers win the cup final",
         "Portmouth Rovers beat Eastfield 3-1 in the cup final on Saturday in front of a record crowd."),
    _doc("weather", "Snow expected across the north",
         "Forecasters expect heavy snow across the northern hills on Tuesday, with icy roads in the valleys."),
]


def test_outlets_reporting_one_event_share_a_story_and_others_do_not() -> None:
    stories = link(OUTLETS, StoryParams())
    assert stories.story["fox"] == stories.story["nyt"] == stories.story["post"]
    assert stories.story["sport"] != stories.story["fox"]
    assert stories.story["weather"] not in {stories.story["fox"], stories.story["sport"]}
    assert stories.similarity("fox", "nyt") > stories.similarity("fox", "sport")


def test_articles_published_far_apart_are_not_linked() -> None:
    later = [OUTLETS[0], _doc("late", OUTLETS[1].title, OUTLETS[1].lead, "2025-06-30")]
    assert not link(later, StoryParams(window_days=14)).links
    assert link(later, StoryParams(window_days=200)).links


def test_a_chain_of_reports_over_weeks_is_not_one_story() -> None:
    """A daily report printed every five days for a month: each links to the next ones, but a
    story is told within the window, so the month is several stories."""
    days = ["2025-03-01", "2025-03-06", "2025-03-11", "2025-03-16", "2025-03-21", "2025-03-26"]
    chain = [_doc(f"r{k}", "Money market given help", "The central bank gave the money market help "
                  "in the afternoon session, dealers said.", day) for k, day in enumerate(days)]
    stories = link(chain, StoryParams(window_days=14))
    assert stories.similarity("r0", "r1") > 0.5  # linked along the chain ...
    assert stories.story["r0"] != stories.story["r5"]  # ... but not one story from end to end
    assert stories.story["r0"] == stories.story["r1"]


def test_each_article_keeps_a_bounded_number_of_story_partners() -> None:
    many = [_doc(f"d{k}", "Harbour Bridge closed after barge strike", OUTLETS[0].lead) for k in range(40)]
    stories = link(many, StoryParams(max_neighbours=3))
    per_doc: dict[str, int] = {}
    for a, b in stories.links:
        per_doc[a] = per_doc.get(a, 0) + 1
        per_doc[b] = per_doc.get(b, 0) + 1
    assert len(stories.links) <= 3 * len(many)
    assert len(set(stories.story.values())) == 1  # all one story, through the bounded links


def test_the_mentions_table_and_json_name_each_figures_story(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "title": "Acme to build plant in Ohio", "date": "2025-03-04",
         "text": "Acme to build plant in Ohio\nAcme Corp will invest $40 million in a new plant in Ohio."},
        {"id": "b", "title": "Acme plans Ohio plant", "date": "2025-03-04",
         "text": "Acme plans Ohio plant\nAcme Corp will invest $45 million in a new plant in Ohio."},
    ]), encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(corpus), "--format", "jsonl"]).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["story"] for r in rows if r["kind"] == "money"} == {"a"}
    res = CliRunner().invoke(main, ["scan", str(corpus), "--no-report", "--no-cache", "--format", "json", "-q"])
    (f,) = [f for f in json.loads(res.stdout)["findings"] if f["rule"] == "FC101"]
    assert f["story"] == "a"
    assert f["mentions"][0]["story"] == "a"


def test_the_same_sentence_template_scores_higher_than_other_words_around_the_figure() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp will invest $40 million in a new plant in Ohio."},
        {"id": "b", "date": "2025-03-04", "text": "Acme Corp will invest $45 million in a new plant in Ohio. "
                                                 "Acme Corp paid $30 million in dividends last year."},
    ])
    same = _pair_of(table, scored, "$40 million", "$45 million")
    other = _pair_of(table, scored, "$40 million", "$30 million")
    assert same["context_near"] > other["context_near"]
    assert same["score"] > other["score"]


def test_different_periods_count_against_one_fact() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp said its first-quarter revenue was 40 mln dlrs."},
        {"id": "b", "date": "2025-03-04", "text": "Acme Corp said its annual revenue was 45 mln dlrs."},
    ])
    p = _pair_of(table, scored, "40 mln dlrs", "45 mln dlrs")
    assert p["period_differs"] == 1.0


def test_a_figure_restated_by_the_other_article_is_accounted_for() -> None:
    """Two issues of one story list the same two years: 1986 is not a rival of 1987."""
    text = "Acme Corp said sales rose in 1987 after a weak 1986, when the plant was closed."
    table, scored = _pairs([{"id": "a", "date": "2025-03-04", "text": text},
                            {"id": "b", "date": "2025-03-04", "text": text}])
    p = _pair_of(table, scored, "1987", "1986")
    assert p["twin"] == 1.0
    assert p["score"] < 0.5


def test_a_value_an_open_bound_only_allows_does_not_account_for_a_figure() -> None:
    """"Just over $200,000" allows the rival's $5.4 million, but does not state it: the other
    article's $100,000 for the same fact stays a rival, not a figure accounted for."""
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Jane Roe raised just over $200,000 for her campaign."},
        {"id": "b", "date": "2025-03-04", "text": "Her rival outraised Jane Roe $5.4 million to $100,000 "
                                                 "for the campaign."},
    ])
    p = _pair_of(table, scored, "just over $200,000", "$100,000")
    assert p["twin"] == 0.0


def test_a_conversion_in_brackets_is_no_rival_figure_and_no_second_source() -> None:
    """Two outlets convert one fine at different rates: the pounds differ, the fine does not."""
    records = [
        {"id": "a", "date": "2025-03-04", "text": "The regulator fined Acme $550,000 (£293,264) for the broadcast."},
        {"id": "b", "date": "2025-03-05", "text": "The regulator fined Acme $550,000 (£306,814) for the broadcast."},
    ]
    table, scored = _pairs(records)
    texts = set(table["text"])
    assert {"£293,264", "£306,814"} <= texts
    pounds = set(table.index[table["text"].str.startswith("£")])
    assert not (set(scored["i"]) | set(scored["j"])) & pounds
    from factcheck.ruleset import load_rules

    found = scan_documents(documents_from_records(records), load_rules()).findings
    assert not [f for f in found if f.rule in ("FC101", "FC102", "FC103", "FC104")]


def test_a_report_printed_under_one_headline_on_many_days_is_a_series() -> None:
    """The central bank's daily help: the same headline form on three days or more, so a new
    figure on another day is that day's report, not a contradiction."""
    texts = ["The Bank of England said it provided the market with 100 mln stg help.",
             "The Bank of England said it had provided the money market with 200 mln stg help.",
             "The Bank of England said it has given the market further help of 300 mln stg."]
    records = [{"id": f"d{n}", "date": f"2025-03-0{n + 3}", "title": f"MONEY MARKET GIVEN {n + 1}00 MLN STG HELP",
                "text": text} for n, text in enumerate(texts)]
    table, scored = _pairs(records)
    p = _pair_of(table, scored, "100 mln stg", "200 mln stg")
    assert p["series"] == 1.0


def test_each_finding_lists_its_evidence_with_values_and_a_score() -> None:
    result = scan_documents(documents_from_records([
        {"id": "a", "text": "Acme Robotics was founded in 2015 by two engineers."},
        {"id": "b", "text": "Acme Robotics was founded in 2019 by two engineers."},
    ]), __import__("factcheck.ruleset", fromlist=["load_rules"]).load_rules())
    (f,) = [f for f in result.findings if f.rule == "FC201"]
    assert 0.0 <= f.score <= 1.0
    names = [e["name"] for e in f.evidence]
    assert "context_near" in names and all({"name", "value", "text", "weight"} <= set(e) for e in f.evidence)
    assert "claimant Acme Robotics = Acme Robotics" in f.why


DECISION = """[model]
intercept = -2.0
[model.weights]
story = 1.0
context_near = 3.0
[thresholds]
error = 0.99
warning = 0.9
info = 0.5
"""


def test_the_score_is_the_logistic_of_the_weighted_features() -> None:
    import math

    import pandas as pd

    d = parse_decision(__import__("tomllib").loads(DECISION))
    feats = pd.DataFrame({"story": [1.0, 0.0], "context_near": [1.0, 0.0]})
    z = -2.0 + 1.0 + 3.0
    assert d.score(feats)[0] == pytest.approx(1 / (1 + math.exp(-z)))
    assert d.severity(0.95) == "warning" and d.severity(0.995) == "error" and d.severity(0.2) is None


@pytest.mark.parametrize("text, key", [
    (DECISION.replace("error = 0.99", "error = 0.1"), "thresholds"),
    (DECISION.replace("story = 1.0", "stroy = 1.0"), "model.weights.stroy"),
    (DECISION.replace("intercept = -2.0", 'intercept = "low"'), "model.intercept"),
    (DECISION + "[pairs]\nmax_block = true\n", "pairs.max_block"),
    ("[model]\n", "model.intercept"),
    (DECISION + "[check]\nwarning = 1.5\n", "check.warning"),
    (DECISION + "[check]\nnotice = 0.5\n", "check.notice"),
    (DECISION + "[check]\nerror = 0.5\nwarning = 0.6\n", "check"),
], ids=["out-of-order", "unknown-feature", "not-a-number", "boolean-parameter", "missing", "check-range",
        "check-unknown-severity", "check-out-of-order"])
def test_a_broken_decision_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    p = tmp_path / "decision.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionFileError) as ex:
        load_decision(p)
    assert ex.value.key == key and str(p) in str(ex.value)


def test_a_check_warns_from_its_own_threshold_and_a_scan_keeps_the_scans() -> None:
    d = parse_decision(__import__("tomllib").loads(DECISION + "[check]\nwarning = 0.6\n"))
    assert d.severity(0.7) == "info" and d.for_check().severity(0.7) == "warning"
    assert d.for_check().severity(0.995) == "error" and d.for_check().severity(0.55) == "info"
    plain = parse_decision(__import__("tomllib").loads(DECISION))
    assert plain.for_check().severity(0.7) == "info"  # no [check]: the scan's bands


def test_a_rules_folders_decision_file_replaces_the_default(tmp_path: Path) -> None:
    from factcheck.ruleset import load_rules

    (tmp_path / "decision.toml").write_text(DECISION, encoding="utf-8")
    rs = load_rules([str(tmp_path)])
    assert rs.decision.intercept == -2.0 and rs.decision.weights == {"story": 1.0, "context_near": 3.0}
    assert any(r.id == "FC101" for r in rs.rules)  # rule files still come from the defaults


@pytest.mark.parametrize(
    ("first", "second", "mismatch"),
    [
        # the words name currencies that cannot be one: a dollar sign against euros, two stated ones
        ("Acme Corp will invest $500 million in the plant.", "Acme Corp will invest 500 million euros in the plant.",
         True),
        ("Acme Corp will invest 500 mln Canadian dlrs in the plant.",
         "Acme Corp will invest 500 mln U.S. dlrs in the plant.", True),
        # a dollar the dateline chose (Australian) against a stated US dollar: the story's reading, no claim
        ("SYDNEY, March 4 - Acme Corp will invest 500 mln dlrs in the plant.",
         "Acme Corp will invest 500 mln U.S. dlrs in the plant.", False),
    ],
)
def test_a_currency_mismatch_needs_currency_words_that_cannot_name_one_currency(first, second, mismatch) -> None:
    table, scored = _pairs([{"id": "a", "date": "2025-03-04", "text": first},
                            {"id": "b", "date": "2025-03-04", "text": second}])
    money = table.index[table["kind"] == "money"].tolist()
    assert len(money) == 2 and table.loc[money, "currency"].nunique() == 2
    (rel,) = scored.loc[scored["i"].isin(money) & scored["j"].isin(money), "relation"]
    assert (rel == "currency_mismatch") == mismatch


def test_a_correction_that_names_the_figure_it_replaces_is_a_conflict_with_that_figure() -> None:
    from factcheck.ruleset import load_rules

    records = [
        {"id": "first", "date": "1987-03-11", "title": "ACME CRUISES INC <ACME> 4TH QTR NET",
         "text": "ACME CRUISES INC <ACME> 4TH QTR NET\nNEW YORK, March 11 -\nShr profit nine cts vs loss two cts\n"
                 "Net profit 1,419,000 vs loss 314,000\nYear\nShr profit 37 cts vs loss 10 cts\n"
                 "Net profit 5,695,000 vs loss 1,268,000\n"},
        {"id": "fix", "date": "1987-03-30", "title": "ACME CRUISES CORRECTS 1986 PER SHARE EARNINGS",
         "text": "NEW YORK, March 30 - Acme Cruises Inc said its earnings per share for the year 1986 were "
                 "36 cts per share, not the 37 cts it reported on March 11.\nThe company lost 10 cts per share "
                 "in 1985.\n"},
    ]
    table, scored = _pairs(records)
    p = _pair_of(table, scored, "37 cts", "36 cts per share")
    assert p["corrected"] == 1.0
    found = scan_documents(documents_from_records(records), load_rules()).findings
    hit = [f for f in found if f.severity in ("error", "warning")
           and {m["text"] for m in f.mentions} >= {"37 cts", "36 cts per share"}]
    assert hit, [(f.rule, f.severity, [m["text"] for m in f.mentions]) for f in found]


def test_bare_table_figures_are_compared_whatever_currency_each_story_suggests() -> None:
    """A re-issued table: the first under a TORONTO dateline (its bare figures read as Canadian
    dollars), the re-issue without it (US dollars by default). The words allow one currency,
    so the changed figure is still a value conflict."""
    table_text = "Revs {} vs 1,465,153\nNet 12,345 vs 10,111\n"
    table, scored = _pairs([
        {"id": "a", "date": "1987-03-20", "title": "ACME ENERGY <ACE> YEAR NET",
         "text": "ACME ENERGY <ACE> YEAR NET\nTORONTO, March 20 -\n" + table_text.format("934,685")},
        {"id": "b", "date": "1987-03-20", "title": "ACME ENERGY <ACE> YEAR NET",
         "text": "ACME ENERGY <ACE> YEAR NET\n" + table_text.format("937,685")},
    ])
    p = _pair_of(table, scored, "934,685", "937,685")
    assert p["relation"] == "value_conflict"


def test_the_same_number_in_two_currencies_the_words_cannot_share_is_a_currency_slip() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "1987-06-02", "text": "Britain's reserves rose a record 4.8 billion dlrs in May."},
        {"id": "b", "date": "1987-06-02", "text": "Britain's reserves rose a record 4.8 billion stg in May."},
    ])
    p = _pair_of(table, scored, "4.8 billion dlrs", "4.8 billion stg")
    assert p["relation"] == "currency_mismatch" and p["currency_slip"] == 1.0


def _findings(records: list[dict]) -> list:
    from factcheck.ruleset import load_rules

    return scan_documents(documents_from_records(records), load_rules()).findings


def test_a_relative_date_copied_with_its_sentence_into_a_later_reissue_is_no_date_conflict() -> None:
    """The re-issue was filed a day later: read against its own date "yesterday" is another day,
    but the two articles say the same words about the same meeting."""
    sentence = ("Acme Robotics chairman John Doe told reporters yesterday that the merger talks with "
                "Globex Industries had ended without an agreement.\n")
    records = [{"id": "first", "date": "1987-03-21", "title": "ACME ROBOTICS ENDS MERGER TALKS", "text": sentence},
               {"id": "again", "date": "1987-03-22", "title": "ACME ROBOTICS ENDS MERGER TALKS", "text": sentence}]
    table, scored = _pairs(records)
    p = _pair_of(table, scored, "yesterday", "yesterday")
    assert p["relation"] == "agree"
    assert not [f for f in _findings(records) if f.rule == "FC201"]


def test_the_same_relative_words_on_one_publication_day_name_one_time_whatever_the_tense() -> None:
    """One speaker's forecast told by two articles of one day, one in the future tense, one in
    the past: "the last six months of the year" is one half-year in both."""
    records = [{"id": "a", "date": "1987-04-24", "title": "GLOBEX TRADE SURPLUS FALLS",
                "text": "Minister Jane Roe said the trade surplus should reach one billion dlrs in each of the "
                        "last six months of the year.\n"},
               {"id": "b", "date": "1987-04-24", "title": "GLOBEX TRADE SURPLUS FALLS SHARPLY",
                "text": "Minister Jane Roe said they were estimating that in each of the last six months of the "
                        "year the trade surplus would amount one billion dlrs.\n"}]
    table, scored = _pairs(records)
    phrase = "the last six months of the year"
    assert _pair_of(table, scored, phrase, phrase)["relation"] == "agree"
    assert not [f for f in _findings(records) if f.rule == "FC201"]


def test_a_date_that_differs_in_words_is_still_a_conflict_between_reissues() -> None:
    records = [{"id": "first", "date": "1987-03-21", "title": "ACME ROBOTICS SETS RECORD DATE",
                "text": "Acme Robotics said the dividend is payable April 15 to holders of record March 31.\n"},
               {"id": "again", "date": "1987-03-21", "title": "ACME ROBOTICS SETS RECORD DATE",
                "text": "Acme Robotics said the dividend is payable April 25 to holders of record March 31.\n"}]
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "April 15", "April 25")["relation"] == "date_conflict"


def test_relative_dates_of_articles_published_days_apart_weigh_against_one_fact() -> None:
    """"Today" in two articles a week apart: the reference moved, and most often the event did."""
    records = [{"id": "mon", "date": "1987-03-02",
                "text": "The Bank of Japan will sell bills today to absorb a surplus."},
               {"id": "next", "date": "1987-03-09", "text": "The Bank of Japan said it sold bills on Friday to absorb "
                                                           "a surplus."},
               {"id": "same", "date": "1987-03-02", "text": "The Bank of Japan said on Friday it would sell bills."}]
    table, scored = _pairs(records)
    apart = _pair_of(table, scored, "today", "Friday")
    assert apart["relative_apart"] > 0.5
    same_day = scored[(scored["relative"] == 1.0) & (scored["days_apart"] == 0.0)]
    assert len(same_day) and (same_day["relative_apart"] == 0.0).all()


def test_sentences_of_one_article_listing_periods_are_no_self_contradiction() -> None:
    """An earnings note gives this year's item and last year's in two sentences alike: the
    other numbers (the years) tell them apart."""
    records = [{"id": "note", "date": "1987-10-20", "title": "ACME SAVINGS <ACSV> 3RD QTR NET",
                "text": "Acme Savings Bank said its third quarter net rose.\n"
                        "NOTE: 1987 qtr includes gain 2,500,000 dlrs from utilization of tax loss carryforward.\n"
                        "1986 qtr includes gain 2,158,000 dlrs from utilization of tax loss carryforward.\n"}]
    table, scored = _pairs(records)
    p = _pair_of(table, scored, "2,500,000 dlrs", "2,158,000 dlrs")
    assert p["parallel"] == 1.0
    assert not [f for f in _findings(records) if f.severity in ("error", "warning")]


@pytest.mark.parametrize(("a", "b", "run"), [
    ("$43,885,310", "$438,853,100", 1.0),  # eight digits, a point moved
    ("$43,885,310", "$73,885,310", 1.0),  # eight digits, one typed wrong
    ("$2.375 billion", "$1.375 billion", 2 / 3),  # four digits, one changed
    ("$716 billion", "$71.6 billion", 2 / 3),
    ("$250,000", "$750,000", 0.0),  # round amounts share a digit by chance
    ("$8 billion", "$80 billion", 0.0),  # one digit: the plain power-of-ten evidence, no more
    ("$84,000", "$91,000", 0.0),
])
def test_amounts_sharing_a_run_of_digits_are_evidence_of_one_figure_mistyped(a: str, b: str, run: float) -> None:
    table, scored = _pairs([
        {"id": "x", "date": "2025-03-04", "text": f"Tax records show the couple paid {a} in federal taxes."},
        {"id": "y", "date": "2025-03-04", "text": f"Tax records show the couple paid {b} in federal taxes."},
    ])
    assert _pair_of(table, scored, a, b)["digit_run"] == pytest.approx(run)


def test_a_bare_amount_in_the_currency_its_article_wrote_is_not_compared_with_another_currency() -> None:
    """"1,000 and 10,000 stg": the 1,000 is sterling by its own article's words, so it is no
    amount to weigh against "one mln yen" (nor a currency mismatch: the amount wrote no word);
    against "one mln stg" it compares."""
    def bond(doc: str, issuer: str, sentence: str) -> dict:
        return {"id": doc, "date": "1987-03-27", "title": f"{issuer} ISSUES EUROBOND",
                "text": f"{issuer} ISSUES EUROBOND\nThe non-callable bonds will be issued in {sentence}.\n"}

    sterling = bond("a", "ACME", "denominations of 1,000 and 10,000 stg")
    table, scored = _pairs([sterling, bond("b", "GLOBEX", "denominations of one mln yen")])
    assert _pair_of(table, scored, "1,000", "one mln yen")["relation"] == "incomparable"
    table, scored = _pairs([sterling, bond("c", "INITECH", "denominations of one mln stg")])
    assert _pair_of(table, scored, "1,000", "one mln stg")["relation"] == "scale_mismatch"


def test_the_same_round_number_in_two_currencies_is_weaker_evidence_than_a_precise_one() -> None:
    """Bonds in denominations of 10,000 dlrs and of 10,000 stg: round numbers repeat across
    unrelated issues; "4.8 billion" in two currencies is rarer than chance."""
    table, scored = _pairs([
        {"id": "a", "date": "1987-06-02", "text": "The bonds are available in denominations of 10,000 U.S. dlrs."},
        {"id": "b", "date": "1987-06-02", "text": "The bonds are available in denominations of 10,000 stg."},
        {"id": "c", "date": "1987-06-02", "text": "Britain's reserves rose a record 4.8 billion U.S. dlrs in May."},
        {"id": "d", "date": "1987-06-02", "text": "Britain's reserves rose a record 4.8 billion stg in May."},
    ])
    round_pair = _pair_of(table, scored, "10,000 U.S. dlrs", "10,000 stg")
    precise = _pair_of(table, scored, "4.8 billion U.S. dlrs", "4.8 billion stg")
    assert round_pair["relation"] == precise["relation"] == "currency_mismatch"
    assert round_pair["round_same"] == 1.0 and precise["round_same"] == 0.0


def test_a_headline_repeating_its_figures_makes_one_finding_per_id_with_all_quotes() -> None:
    """The id names the rule, the claim and each side's (article, value) set: the headline's
    figure and the body's figure of one article are the same contradiction, reported once."""
    def article(doc: str, amount: str) -> dict:
        head = f"CENTRAL BANK PROVIDES {amount.upper()} HELP"
        return {"id": doc, "date": "1987-03-11", "title": head,
                "text": f"{head}\nLONDON, March 11 - The central bank said it provided the money market "
                        f"with {amount} help this afternoon.\n"}

    found = _findings([article("a", "478 mln stg"), article("b", "468 mln stg")])
    ids = [f.id for f in found]
    assert len(ids) == len(set(ids))
    (conflict,) = [f for f in found if f.rule == "FC101"]
    assert {m["text"] for m in conflict.mentions} == {"478 mln stg", "468 mln stg", "478 MLN STG", "468 MLN STG"}


def _headlined(doc: str, date: str, headline: str, amount: str, sentence: str) -> dict:
    """An article whose headline and one sentence state `amount` (headline: "... {} ...")."""
    head = headline.format(amount.upper())
    return {"id": doc, "date": date, "title": head, "text": f"{head}\n{sentence.format(amount)}\n"}


def test_articles_of_one_recurring_headline_form_on_other_days_are_a_series() -> None:
    """A daily report's headline printed on three days: each day's figure is news of its day,
    even when the sentences are worded differently."""
    table, scored = _pairs([_headlined(doc, date, "GLOBEX MARKET GIVEN {} HELP", amount, sentence)
                            for doc, date, amount, sentence in [
        ("mon", "1987-04-06", "166 mln stg", "The Globex central bank said it gave the market {} of help."),
        ("tue", "1987-04-07", "183 mln stg", "Globex money market dealers were given {} of assistance."),
        ("wed", "1987-04-08", "95 mln stg", "The market received {} from the Globex central bank."),
    ]])
    p = _pair_of(table, scored, "166 mln stg", "183 mln stg")
    assert p["series"] == 1.0


def test_a_headline_form_is_one_whether_its_number_is_spelled_or_in_digits() -> None:
    """A weekly tender's headline: "SEVEN BILLION" one week, "9.5 BILLION" the next."""
    table, scored = _pairs([_headlined(doc, date, "GLOBEX SETS {} FRANC T-BILL TENDER", amount, sentence)
                            for doc, date, amount, sentence in [
        ("w1", "1987-03-30", "seven billion", "The Globex central bank will offer {} francs of treasury bills."),
        ("w2", "1987-04-06", "9.5 billion", "Treasury bills worth {} francs go on sale at the Globex tender."),
        ("w3", "1987-04-13", "four billion", "Dealers expect {} francs of bills at next week's Globex auction."),
    ]])
    assert _pair_of(table, scored, "seven billion francs", "9.5 billion francs")["series"] == 1.0


def test_one_headline_printed_again_days_later_is_the_reports_next_issue_not_a_reissue() -> None:
    """Two issues of a daily report, the only two in the archive, punctuated differently
    ("U.K." / "UK"): days apart and with no correction, each figure is its own day's. The same
    headline re-issued on the same day stays one report, whose changed figure is a conflict."""
    def report(doc: str, date: str, headline: str, amount: str) -> dict:
        head = headline.format(amount.upper())
        return {"id": doc, "date": date, "title": head,
                "text": f"{head}\nThe Globex central bank said it gave the market {amount} of help today.\n"}

    table, scored = _pairs([
        report("thu", "1987-04-02", "U.K. GLOBEX MARKET GIVEN {} HELP", "166 mln stg"),
        report("mon", "1987-04-06", "UK GLOBEX MARKET GIVEN {} HELP", "183 mln stg"),
    ])
    assert _pair_of(table, scored, "166 mln stg", "183 mln stg")["series"] == 1.0
    table, scored = _pairs([
        report("am", "1987-04-06", "U.K. GLOBEX MARKET GIVEN {} HELP", "166 mln stg"),
        report("pm", "1987-04-06", "UK GLOBEX MARKET GIVEN {} HELP", "183 mln stg"),
    ])
    assert _pair_of(table, scored, "166 mln stg", "183 mln stg")["series"] == 0.0


def _flash_and_table(rows: str) -> list[dict]:
    flash = "GLOBEX INC 3RD QTR SHR 1.01 DLRS VS 66 CTS"
    table = "GLOBEX INC <GLBX> 3RD QTR NET"
    return [{"id": "flash", "date": "1987-10-19", "title": flash, "text": f"{flash}\n"},
            {"id": "table", "date": "1987-10-19", "title": table,
             "text": f"{table}\nCLEVELAND, Oct 19 -\n{rows}    Net 63.2 mln vs 40.5 mln\n"}]


def test_a_flash_whose_figures_the_table_states_on_another_line_does_not_contradict_it() -> None:
    """The flash gives the diluted line's figures without saying "diluted": the table states
    them, so its primary line's 1.04 dlrs is another line, not a contradiction. Without the
    diluted line, 1.01 against 1.04 is one figure told two ways."""
    both = "Shr 1.04 dlrs vs 67 cts\n    Shr diluted 1.01 dlrs vs 66 cts\n"
    serious = ("warning", "error")
    assert not [f for f in _findings(_flash_and_table(both)) if f.severity in serious]
    one = "Shr 1.04 dlrs vs 67 cts\n"
    assert [f for f in _findings(_flash_and_table(one)) if f.severity in serious and f.rule == "FC101"]


def test_two_outlets_printing_one_wire_headline_a_day_apart_still_disagree() -> None:
    """Two outlets (their URLs name them) run one wire headline, dated a day apart by their time
    zones: that is no recurring report's next issue, and their two amounts for one measure are
    a contradiction."""
    head = "Republicans block piece of Obama jobs bill"

    def outlet(doc: str, site: str, date: str, amount: str) -> dict:
        return {"id": doc, "url": f"https://{site}/{doc}", "date": date, "title": head,
                "text": f"{head}\nSenate Republicans on Thursday blocked a {amount} measure to pay for teachers "
                        f"and firefighters, the first piece of President Obama's jobs agenda to come to a vote.\n"}

    records = [outlet("a", "times.example", "2011-10-20", "$35 billion"),
               outlet("b", "post.example", "2011-10-21", "$53 billion")]
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "$35 billion", "$53 billion")["series"] == 0.0
    assert [f for f in _findings(records) if f.rule == "FC101" and f.severity in ("warning", "error")]


def test_one_headline_punctuated_two_ways_is_one_filling_of_its_form() -> None:
    """"U.K. ... 166" and "UK ... 166" are one headline re-run: with "UK ... 183" the form is
    filled two ways, not three, so the same day's 183 against 166 is no template's filling."""
    def report(doc: str, headline: str, amount: str) -> dict:
        head = headline.format(amount.upper())
        return {"id": doc, "date": "1987-04-06", "title": head,
                "text": f"{head}\nThe Globex central bank said it gave the market {amount} of help today.\n"}

    table, scored = _pairs([report("a", "U.K. GLOBEX MARKET GIVEN {} HELP", "166 mln stg"),
                            report("b", "UK GLOBEX MARKET GIVEN {} HELP", "166 mln stg"),
                            report("c", "UK GLOBEX MARKET GIVEN {} HELP", "183 mln stg")])
    text = table["text"].to_numpy()
    wanted = {"166 mln stg", "183 mln stg"}
    pairs = [p for _, p in scored.iterrows() if {text[int(p["i"])], text[int(p["j"])]} == wanted]
    assert pairs and all(p["series"] == 0.0 for p in pairs)


@pytest.mark.parametrize(("outlets", "differs"), [(False, 1.0), (True, 0.0)], ids=["one-publisher", "two-outlets"])
def test_two_outlets_wording_one_sum_as_two_metrics_is_no_evidence_against_one_fact(outlets: bool, differs: float
                                                                                   ) -> None:
    """One outlet's "spent $750,000 in campaign cash", another's "repay $350,000 in campaign
    money": the metric lexicon reads spending and a deal's value. Within one publisher the two
    metrics tell two items apart; across outlets the words differ more than the facts."""
    records = [{"id": "a", "date": "2013-02-20", "title": "Roe pleads guilty",
                "text": "Roe pleads guilty\nFormer Rep. Jane Roe pleaded guilty to charges that she spent $750,000 "
                        "in campaign cash on personal items.\n"},
               {"id": "b", "date": "2013-02-20", "title": "Roe pleads guilty in campaign case",
                "text": "Roe pleads guilty in campaign case\nJane Roe agreed to repay $350,000 in campaign money "
                        "under the plea deal.\n"}]
    if outlets:
        records[0]["url"], records[1]["url"] = "https://times.example/a", "https://post.example/b"
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "$750,000", "$350,000")["metric_differs"] == differs


def test_a_later_round_of_a_daily_report_on_the_same_day_is_a_series_and_a_correction_is_not() -> None:
    def report(doc: str, date: str, amount: str, corrected: bool = False) -> dict:
        head = ("CORRECTED - " if corrected else "") + f"GLOBEX MARKET GIVEN {amount.upper()} HELP"
        return {"id": doc, "date": date, "title": head,
                "text": f"{head}\nThe Globex central bank said it gave the market {amount} of help.\n"}

    table, scored = _pairs([
        report("mon", "1987-04-06", "95 mln stg"), report("tue", "1987-04-07", "120 mln stg"),
        report("wed-am", "1987-04-08", "166 mln stg"), report("wed-pm", "1987-04-08", "183 mln stg"),
        report("wed-fix", "1987-04-08", "168 mln stg", corrected=True),
    ])
    assert _pair_of(table, scored, "166 mln stg", "183 mln stg")["series"] == 1.0
    assert _pair_of(table, scored, "166 mln stg", "168 mln stg")["series"] == 0.0


def test_two_funds_of_one_family_are_different_claimants() -> None:
    """"Globex Tax-free Income Fund" and "Globex Government Securities Fund" share the family
    name only: each has words the other lacks, so their dividends are two funds' figures."""
    def release(doc: str, fund: str, ticker: str, amount: str) -> dict:
        head = f"{fund.upper()} <{ticker}> SETS PAYOUT"
        return {"id": doc, "date": "1987-03-02", "title": head,
                "text": f"{head}\nSAN MATEO, Calif., March 2 -\nMthly div {amount} vs {amount} prior\n"
                        "Pay March 31\nRecord March 16\n"}

    table, scored = _pairs([release("a", "Globex Tax-free Income Fund", "GTF", "7.3 cts"),
                            release("b", "Globex Government Securities Fund", "GGS", "six cts")])
    p = _pair_of(table, scored, "7.3 cts", "six cts")
    assert p["claimant_differs"] == 1.0 and p["claimant"] < 0.5


def test_a_reissued_tables_other_columns_do_not_tell_a_changed_row_apart() -> None:
    """The re-issue changed both columns of one row ("Revs 934,685 vs 1,465,153" to "Revs
    937,685 vs 1,460,000"): the row's other numbers differing is no sign of another period."""
    head = "ACME ENERGY <ACE> 2ND QTR LOSS"
    rows = "Six mths\nShr loss one ct vs profit four cts\nRevs {} vs {}\n"
    table, scored = _pairs([
        {"id": "a", "date": "1987-03-23", "title": head, "text": f"{head}\n" + rows.format("934,685", "1,465,153")},
        {"id": "b", "date": "1987-03-23", "title": head, "text": f"{head}\n" + rows.format("937,685", "1,460,000")},
    ])
    p = _pair_of(table, scored, "934,685", "937,685")
    assert p["table_slot"] == 1.0 and p["numbers_differ"] == 0.0


@pytest.mark.parametrize(("a", "b", "relation"), [
    ("$5.7 billion", "$5.6 billion", "value_conflict"),  # one digit apart at one precision
    ("$3.5 billion", "$3.6 billion", "value_conflict"),
    ("$43 million", "$43.9 million", "agree"),  # the coarser figure may truncate
])
def test_figures_of_one_precision_a_digit_apart_disagree(a: str, b: str, relation: str) -> None:
    table, scored = _pairs([{"id": "x", "date": "2019-01-04", "text": f"Acme Corp wants {a} for the plant."},
                            {"id": "y", "date": "2019-01-04", "text": f"Acme Corp wants {b} for the plant."}])
    assert _pair_of(table, scored, a, b)["relation"] == relation


def test_a_date_pointing_from_the_publication_day_is_marked_deictic_and_a_guessed_year_is_not() -> None:
    """"Friday" and "last week" are read from the article's date (the day meant is our
    reading); "Dec 21" only takes its year from it."""
    table, scored = _pairs([
        {"id": "a", "date": "1987-03-11", "text": "Acme Corp said the merger closed on Friday."},
        {"id": "b", "date": "1987-03-11", "text": "Acme Corp said the merger closed last week."},
        {"id": "c", "date": "1987-03-11", "text": "Acme Corp said the dividend is payable Dec 21."},
        {"id": "d", "date": "1987-03-11", "text": "Acme Corp said the dividend is payable Dec 31."},
    ])
    assert _pair_of(table, scored, "Friday", "last week")["deictic"] == 1.0
    assert _pair_of(table, scored, "Dec 21", "Dec 31")["deictic"] == 0.0


def test_two_stated_ranges_one_inside_the_other_disagree_while_a_month_only_refines_its_year() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2015-03-04", "text": "Mr. Hoyer served on the committee from 1996 to 2007, records show."},
        {"id": "b", "date": "2015-03-04", "text": "Mr. Hoyer served on the committee from 1997 to 2007, records show."},
        {"id": "c", "date": "2015-03-04", "text": "Acme Corp was founded in March 2023, the records show."},
        {"id": "d", "date": "2015-03-04", "text": "Acme Corp was founded in 2023, the records show."},
    ])
    assert _pair_of(table, scored, "1996 to 2007", "1997 to 2007")["relation"] == "date_conflict"
    assert _pair_of(table, scored, "March 2023", "2023")["relation"] == "date_precision"
    rules = {f.rule for f in _findings([{"id": "a", "date": "2015-03-04", "text": "Mr. Hoyer served on the committee "
                                          "from 1996 to 2007, records show."},
                                         {"id": "b", "date": "2015-03-04", "text": "Mr. Hoyer served on the committee "
                                          "from 1997 to 2007, records show."}])}
    assert "FC201" in rules


def test_prices_of_different_goods_weigh_against_one_fact_and_a_headline_names_them_for_its_rows() -> None:
    """A metals desk's reports: the copper and the nickel price are two facts, even where the
    figure's sentence names no metal and only the headline does."""
    table, scored = _pairs([
        {"id": "cu", "date": "1987-06-02", "title": "LME COPPER MIDSESSION QUIET",
         "text": "LME COPPER MIDSESSION QUIET\nCash traded at 883 stg per tonne in quiet trading, dealers said."},
        {"id": "ni", "date": "1987-06-02", "title": "LME NICKEL MIDSESSION QUIET",
         "text": "LME NICKEL MIDSESSION QUIET\nCash traded at 2,365 stg per tonne in quiet trading, dealers said."},
        {"id": "cu2", "date": "1987-06-02", "title": "LME METALS CLOSE",
         "text": "LME METALS CLOSE\nCopper cash traded at 890 stg per tonne in quiet trading, dealers said."},
    ])
    assert _pair_of(table, scored, "883 stg per tonne", "2,365 stg per tonne")["goods_differ"] == 1.0
    assert _pair_of(table, scored, "883 stg per tonne", "890 stg per tonne")["goods_differ"] == 0.0


def test_rules_decision_prints_the_decision_in_use_as_a_file_that_loads_back(tmp_path: Path) -> None:
    (tmp_path / "decision.toml").write_text(DECISION + "[check]\nwarning = 0.6\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["rules", "decision", "--rules", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert str(tmp_path / "decision.toml") in res.output.splitlines()[0]
    again = tmp_path / "again.toml"
    again.write_text(res.output, encoding="utf-8")
    d = load_decision(again)
    assert d.intercept == -2.0 and d.weights == {"story": 1.0, "context_near": 3.0}
    assert d.thresholds == {"error": 0.99, "warning": 0.9, "info": 0.5} and d.check == {"warning": 0.6}


def test_amounts_that_differ_without_the_shape_of_an_error_are_unexplained() -> None:
    """An error leaves a shape (a changed digit, a dropped magnitude word, a figure orders of
    magnitude off, an amount misread by a few per cent); two amounts that differ in none of
    these ways are more often two facts."""
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp will invest $46 million in a plant. "
                                                 "Acme Corp will spend $5.7 billion on chips. "
                                                 "Acme Corp raised $10 million from investors."},
        {"id": "b", "date": "2025-03-04", "text": "Acme Corp will invest $53 million in a plant. "
                                                 "Acme Corp will spend $5.6 billion on chips. "
                                                 "Acme Corp raised $7 trillion from investors."},
    ])
    assert _pair_of(table, scored, "$46 million", "$53 million")["unexplained"] == 1.0
    assert _pair_of(table, scored, "$5.7 billion", "$5.6 billion")["unexplained"] == 0.0  # one digit
    assert _pair_of(table, scored, "$10 million", "$7 trillion")["unexplained"] == 0.0  # orders apart


def test_a_correction_explains_a_difference_of_any_shape() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "title": "ACME SETS BUDGET",
         "text": "Acme Corp will invest $46 million in a new plant in Ohio."},
        {"id": "b", "date": "2025-03-04", "title": "CORRECTED - ACME SETS BUDGET",
         "text": "Acme Corp will invest $53 million in a new plant in Ohio."},
    ])
    assert _pair_of(table, scored, "$46 million", "$53 million")["unexplained"] == 0.0


@pytest.mark.parametrize(("first", "second", "one_writer"), [
    ("five Ecus", "50 Ecus", 1.0),  # one significant digit a power of ten apart: two coins
    ("1.5 mln dlrs", "900 mln dlrs", 1.0),  # orders of magnitude apart: two items
    ("500 billion dlrs", "500 dlrs", 0.0),  # the same digits, the magnitude word lost: a slip
    ("245 mln dlrs", "2,450 mln dlrs", 0.0),  # a run of digits a power of ten apart: a slip
    ("4.5 mln dlrs", "450 mln dlrs", 0.0),  # a run of digits two powers of ten apart: a point dropped
], ids=["tenfold-one-digit", "orders-apart", "magnitude-word", "digits-moved", "point-dropped"])
def test_one_writers_amounts_apart_by_chance_shapes_are_two_items(first: str, second: str, one_writer: float) -> None:
    """Across two articles, amounts a power of ten or orders of magnitude apart have the shape
    of an error; in one article their writer stated both, and one significant digit a power of
    ten apart, or orders of magnitude, is as often two items (two coins) as a slip. The same
    digits under another magnitude word, or a run of digits moved, stay a slip of the one hand."""
    table, scored = _pairs([
        {"id": "a", "date": "1987-03-02", "title": "GLOBEX <GBX> SETS COIN ISSUE",
         "text": f"GLOBEX <GBX> SETS COIN ISSUE\nNEW YORK, March 2 -\nGlobex Inc said it will sell a gold coin "
                 f"valued at {first}.\nGlobex Inc said it will also sell a silver coin valued at {second}.\n"},
    ])
    assert _pair_of(table, scored, first, second)["one_writer"] == one_writer


def test_a_drafts_own_amounts_keep_every_shape_of_an_error() -> None:
    """A draft is not yet edited: its "five billion" beside "50 billion" for one thing is a
    question for its editor, so in a check the shape counts (no `one_writer`)."""
    from factcheck.ruleset import load_rules

    rs = load_rules()
    records = [{"id": "draft", "text": "Globex Inc said it will sell a gold coin valued at five Ecus. Globex Inc "
                                       "said it will also sell a silver coin valued at 50 Ecus."}]
    corpus = read_corpus(documents_from_records(records), rs)
    table = annotate(corpus.mentions, corpus.docs, rs.decision).reset_index(drop=True)
    scan = score_pairs(table, corpus.docs, rs.decision)
    check = score_pairs(table, corpus.docs, rs.decision.for_check(), drafts={"draft"})
    assert _pair_of(table, scan, "five Ecus", "50 Ecus")["one_writer"] == 1.0
    assert _pair_of(table, check, "five Ecus", "50 Ecus")["one_writer"] == 0.0


def test_a_sentence_form_filled_three_ways_is_a_template_not_one_fact() -> None:
    """Three issuers' bonds in one boilerplate sentence: sentences alike, facts apart. Two
    fillings may be a story and its corrected re-issue, so they stay comparable."""
    issuers = [("Alpha", "1,000"), ("Beta", "5,000"), ("Gamma", "10,000")]
    records = [{"id": name.lower(), "date": "2025-03-04", "title": f"{name.upper()} ISSUES EUROBOND",
                "text": f"{name} Finance is issuing eurobonds, its bankers said. The non-callable bonds will be "
                        f"issued in denominations of {amount} dlrs and listed in Luxembourg."}
               for name, amount in issuers]
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "1,000 dlrs", "5,000 dlrs")["series"] == 1.0
    table, scored = _pairs(records[:2])
    assert _pair_of(table, scored, "1,000 dlrs", "5,000 dlrs")["series"] == 0.0


def test_table_rows_of_two_share_classes_are_not_one_slot() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "title": "ACME CORP SETS QUARTERLY",
         "text": "ACME CORP SETS QUARTERLY\nQtly div Class A 27-1/2 cts vs 27-1/2 cts prior\n"
                 "Qtly div Class B 24-1/2 cts vs 24-1/2 cts prior\n"},
        {"id": "b", "date": "2025-03-04", "title": "ACME CORP SETS QUARTERLY",
         "text": "ACME CORP SETS QUARTERLY\nQtly div Class A 26-1/2 cts vs 27-1/2 cts prior\n"},
    ])
    rows = table[table["table"].fillna(False).astype(bool)]
    assert len(rows) >= 4, "the rows are read as a table"
    a_vs_a = _pair_of(table, scored, "27-1/2 cts", "26-1/2 cts")
    assert a_vs_a["table_slot"] == 1.0
    b_vs_a = _pair_of(table, scored, "24-1/2 cts", "26-1/2 cts")
    assert b_vs_a["table_slot"] == 0.0


def test_a_round_number_slipped_in_its_magnitude_word_may_be_chance() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp said damages were about one mln dlrs. "
                                                 "Acme Corp said its loss was 4.72 mln dlrs."},
        {"id": "b", "date": "2025-03-05", "text": "Acme Corp must post a bond of one billion dlrs. "
                                                 "Acme Corp said its loss was 4.72 billion dlrs."},
    ])
    assert _pair_of(table, scored, "about one mln dlrs", "one billion dlrs")["round_same"] == 1.0
    assert _pair_of(table, scored, "4.72 mln dlrs", "4.72 billion dlrs")["round_same"] == 0.0


def test_a_single_significant_digit_changed_is_no_shape_of_an_error_in_a_scan() -> None:
    """Any two round amounts of one scale differ in one digit ("80 mln" and "50 mln" of two bill
    issues, "5 cts" and "4 cts" for two share classes): that is no sign of a slip. With two
    significant digits or more, or beside the same other numbers, one changed digit still is one."""
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp sold $80 million of bills on Tuesday."},
        {"id": "b", "date": "2025-03-04", "text": "Acme Corp sold $50 million of bills on Tuesday."},
        {"id": "c", "date": "2025-03-05", "text": "Bolt Corp sold $85 million of notes on Wednesday."},
        {"id": "d", "date": "2025-03-05", "text": "Bolt Corp sold $55 million of notes on Wednesday."},
    ])
    assert _pair_of(table, scored, "$80 million", "$50 million")["unexplained"] == 1.0
    assert _pair_of(table, scored, "$85 million", "$55 million")["unexplained"] == 0.0
    # beside the same other numbers the changed digit is the shape of a slip again
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": "Acme Corp shares lost 3p to 821p in early trading."},
        {"id": "b", "date": "2025-03-04", "text": "Acme Corp shares lost 4p to 821p in early trading."},
    ])
    assert _pair_of(table, scored, "3p", "4p")["unexplained"] == 0.0


def test_a_claimants_own_name_shared_by_two_sentences_is_not_specific_evidence() -> None:
    """Every story about a company names it: sharing that rare name says "same company" (the
    `claimant` evidence), not "same fact". Another rare name both sentences share still does."""
    words = ["north", "south", "east", "west", "abroad", "online", "again", "overall", "mainly", "partly",
             "largely", "locally", "early", "late", "quietly", "openly", "steadily", "sharply", "slightly",
             "broadly", "mostly", "jointly", "solely", "briefly"]
    fillers = [{"id": f"f{n}", "date": "2025-03-04",
                "text": f"Company{n} spent ${n + 2} million in the quarter, {word} {noun}."}
               for n, (word, noun) in enumerate((w, x) for x in ("trading", "markets", "clients") for w in words)]
    table, scored = _pairs([
        *fillers,
        {"id": "a", "date": "2025-03-04", "text": "Zephyrix Corp spent $40 million in the quarter."},
        {"id": "b", "date": "2025-03-04", "text": "Zephyrix Corp spent $90 million in the quarter."},
        {"id": "c", "date": "2025-03-04", "text": "Zephyrix Corp spent $5,687 at the Vineyard Holistic Retreat."},
        {"id": "d", "date": "2025-03-05", "text": "Zephyrix Corp spent $5,587 at the Vineyard Holistic Retreat."},
    ])
    assert _pair_of(table, scored, "$40 million", "$90 million")["specific"] == 0.0
    assert _pair_of(table, scored, "$5,687", "$5,587")["specific"] > 0.2


def test_rare_shared_words_count_more_for_two_outlets_written_dates_than_for_amounts() -> None:
    """Two amounts of one story share its rare words whether or not they are one fact (another
    part of the deal); their claimant and metric name the fact. A year two outlets write has no
    claimant or metric: the rare words of its sentence name its event, so they count once more."""
    words = ["north", "south", "east", "west", "abroad", "online", "again", "overall", "mainly", "partly",
             "largely", "locally", "early", "late", "quietly", "openly", "steadily", "sharply"]
    fillers = [{"id": f"f{n}", "date": "2025-03-04", "outlet": "Filler",
                "text": f"Company{n} spent ${n + 2} million in the quarter, {word} {noun}."}
               for n, (word, noun) in enumerate((w, x) for x in ("trading", "markets", "clients") for w in words)]
    story = "The Zephyrix lighthouse restoration"
    table, scored = _pairs([
        *fillers,
        {"id": "a", "date": "2025-03-04", "outlet": "Gazette",
         "text": f"{story} began. The Zephyrix lighthouse was first lit in 2011 by the harbour guild. "
                 "The guild paid $5,687 for the Zephyrix lantern glass."},
        {"id": "b", "date": "2025-03-04", "outlet": "Courier",
         "text": f"{story} began. The Zephyrix lighthouse was first lit in 2012 by the harbour guild. "
                 "The guild paid $5,587 for the Zephyrix lantern glass."},
        {"id": "c", "date": "2025-03-04", "outlet": "Courier",
         "text": f"{story} began. The Zephyrix lighthouse was first lit in 2013 by the harbour guild."},
    ])
    dates = _pair_of(table, scored, "2011", "2012")
    assert dates["specific"] > 0.2
    assert dates["specific_date"] == dates["specific"]
    amounts = _pair_of(table, scored, "$5,687", "$5,587")
    assert amounts["specific"] > 0.2 and amounts["specific_date"] == 0.0
    # one outlet's two articles: the rare words count as for any other pair
    assert _pair_of(table, scored, "2012", "2013")["specific_date"] == 0.0


def test_a_table_rounds_its_figures_but_never_truncates_them() -> None:
    """Prose may write "$43 million" for $43.9 million; an earnings table printing 1,460,000
    for 1,465,153 would be wrong (rounded it is 1,470,000), while 1,982,000 for 1,981,681 is
    the same figure in thousands."""
    def table(doc: str, revs: str, net: str) -> dict:
        head = "ACME CORP 1ST QTR NET"
        return {"id": doc, "date": "2025-03-04", "title": head,
                "text": f"{head}\nShr 41 cts vs 38 cts\nNet {net} vs 1,204,000\nRevs {revs} vs 9,120,000\n"}

    tab, scored = _pairs([table("a", "1,465,153", "1,981,681"), table("b", "1,460,000", "1,982,000")])
    assert _pair_of(tab, scored, "1,465,153", "1,460,000")["relation"] == "value_conflict"
    assert _pair_of(tab, scored, "1,981,681", "1,982,000")["relation"] == "agree"


def test_a_claimant_named_across_many_stories_is_a_common_one() -> None:
    """An agency in sixty unrelated stories says little about which fact a figure states; a
    company in one story says much."""
    countries = ["Hungary", "Turkey", "Egypt", "Jordan", "Peru", "Chile", "Kenya", "Ghana", "Nepal", "Oman",
                 "Chad", "Fiji"]
    goods = ["wheat", "corn", "rice", "soybeans", "cotton"]
    records = [{"id": f"g{n}", "date": f"2025-03-{1 + n % 28:02d}",
                "title": f"AGENCY BACKS {goods[n % 5].upper()} SALES TO {countries[n % 12].upper()} {n}",
                "text": f"The Farm Credit Agency authorized {n + 3}.5 mln dlrs in guarantees for {goods[n % 5]} "
                        f"sales to {countries[n % 12]} in case {n}."} for n in range(60)]
    records += [{"id": "x1", "date": "2025-03-04", "text": "Zephyrix Corp will spend 4.5 mln dlrs on a plant."},
                {"id": "x2", "date": "2025-03-04", "text": "Zephyrix Corp will spend 4.6 mln dlrs on a plant."}]
    table, scored = _pairs(records)
    hub = scored[(scored["claimant"] >= 0.5) & (scored["claimant_common"] > 0)]
    assert len(hub) and hub["claimant_common"].min() > 0.3  # the agency spans eleven stories here
    assert _pair_of(table, scored, "4.5 mln dlrs", "4.6 mln dlrs")["claimant_common"] == 0.0


def test_an_article_corrects_a_report_only_in_a_note_or_a_sentence_with_its_figure() -> None:
    def pair(extra: str) -> float:
        table, scored = _pairs([
            {"id": "a", "date": "2025-03-04", "title": "ACME SETS BUDGET",
             "text": "Acme Corp will invest $46 million in a new plant in Ohio."},
            {"id": "b", "date": "2025-03-05", "title": "ACME BUDGET",
             "text": f"Acme Corp will invest $64 million in a new plant in Ohio. {extra}"},
        ])
        return _pair_of(table, scored, "$46 million", "$64 million")["correction"]

    assert pair("--Corrects March 4 item to show the plant's cost.") == 1.0
    assert pair("Acme said it has corrected its budget to $64 million from $46 million.") == 1.0
    assert pair("Analysts said the plant's shortcomings could be corrected.") == 0.0
    assert pair("Costs rose 3 pct, corrected for inflation.") == 0.0


def test_two_outlets_telling_one_story_are_told_apart_by_their_sites() -> None:
    def record(doc: str, url: str, amount: str) -> dict:
        return {"id": doc, "date": "2025-03-04", "url": url, "title": "Senate passes border wall funding bill",
                "text": f"The Senate passed a bill that gives {amount} for the border wall, officials said."}

    table, scored = _pairs([record("a", "https://www.example-news.com/a", "$5.7 billion"),
                            record("b", "https://other-paper.org/b", "$5.6 billion"),
                            record("c", "https://www.example-news.com/c", "$5.8 billion")])
    assert _pair_of(table, scored, "$5.7 billion", "$5.6 billion")["outlets"] == 1.0
    assert _pair_of(table, scored, "$5.7 billion", "$5.8 billion")["outlets"] == 0.0


def test_two_dates_are_one_events_only_when_something_names_the_event() -> None:
    """"Founded in March 2018" and "founded in March 2019" are one event told twice; the day
    talks ended and the day they resumed are two."""
    table, scored = _pairs([
        {"id": "a", "date": "2024-05-02", "text": "Acme Robotics was founded in March 2018 by two engineers. "
                                                 "Acme Robotics said talks with Beta ended on April 3."},
        {"id": "b", "date": "2024-05-03", "text": "Acme Robotics was founded in March 2019 by two engineers. "
                                                 "Acme Robotics said talks with Beta resumed on April 10."},
    ])
    founded, talks = _pair_of(table, scored, "March 2018", "March 2019"), _pair_of(table, scored, "April 3", "April 10")
    assert founded["unexplained"] == founded["event_unnamed"] == 0.0
    assert talks["unexplained"] == talks["event_unnamed"] == 1.0
    from factcheck.ruleset import load_rules

    assert load_rules().decision.weights["event_unnamed"] < 0  # a date of no named event weighs against one fact


def test_a_check_reads_the_draft_and_the_archive_as_two_tellings(tmp_path: Path) -> None:
    """A draft that gives the archive's amount another value is checked as another outlet's
    telling of the story would be: the `outlets` evidence counts for it."""
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Senate passes border bill\n\nThe Senate passed a bill that gives $5.7 billion "
                                   "for the border wall, officials said on Tuesday.\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Senate passes border bill\n\nThe Senate passed a bill that gives $5.6 billion for the "
                     "border wall, officials said on Tuesday.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(draft), "--against", str(archive), "--format", "json",
                                    "--no-cache", "-q"])
    (f,) = [f for f in json.loads(res.stdout)["findings"] if f["rule"] == "FC101"]
    # both hold for two tellings only (`stated_apart`: two outlets, one digit apart)
    assert {"outlets", "stated_apart"} & {e["name"] for e in f["evidence"]}
    assert res.exit_code == 1


def test_a_flash_headline_is_a_table_row_of_its_company() -> None:
    """The wire's flash "GLOBEX CO 3RD QTR SHR 55 CTS VS 46 CTS" states the table's "Shr" row:
    per share, the company of its headline, the same slot as the full table's row, so the
    flash's 55 cts against the table's 53 cts is one figure told two ways."""
    flash = "GLOBEX CO 3RD QTR SHR 55 CTS VS 46 CTS"
    table_head = "GLOBEX CO <GBX> 3RD QTR NET"
    table, scored = _pairs([
        {"id": "flash", "date": "1987-03-02", "title": flash, "text": f"{flash}\n{flash}\n"},
        {"id": "table", "date": "1987-03-02", "title": table_head,
         "text": f"{table_head}\n{table_head}\n    PITTSBURGH, March 2 -\n    Shr 53 cts vs 46 cts\n"
                 "    Net 74.7 mln vs 63.2 mln\n"},
    ])
    rows = table.drop_duplicates("text").set_index("text")  # (the wire prints its flash twice)
    assert rows.at["55 CTS", "per"] == "share" and rows.at["55 CTS", "metric"] == rows.at["53 cts", "metric"]
    assert rows.at["55 CTS", "actor"] == "Globex Co"
    assert rows.at["46 CTS", "stage"] == "previous"
    p = _pair_of(table, scored, "55 CTS", "53 cts")
    assert p["table_slot"] == 1.0 and p["claimant"] == 1.0 and p["per_differs"] == 0.0


def test_a_shorter_name_missing_a_generic_word_of_its_own_is_another_company() -> None:
    """"Security Pacific" is not "Louisiana-Pacific": both share "Pacific", but "Security" (a
    word many names have) is missing from the other; "Heinz" is "H.J. Heinz Co"."""
    from factcheck.words import name_overlap

    assert name_overlap("Security Pacific", "Louisiana-Pacific") < 0.5
    assert name_overlap("Federal Reserve", "Reserve Bank") < 0.5
    # two funds of one family share most words, and each has one the other lacks
    assert name_overlap("Globex Federal Tax-free Income Fund", "Globex New York Tax-free Income Fund") < 0.5
    assert name_overlap("Heinz", "H.J. Heinz Co") == 1.0
    assert name_overlap("Deutsche Bank", "Deutsche Bank AG") == 1.0
    assert name_overlap("Int'l Hydron Corp", "International Hydron Corp") == 1.0  # the wire's short form


def test_a_familiar_and_a_formal_given_name_are_one_person() -> None:
    """Outlets differ in the given name they print ("Dave Brat", "David Brat"; "Chuck Schumer",
    "Charles E. Schumer"): one claimant. Two people of one family stay two, and a familiar form
    is read as a given name only before a surname ("a spending bill" is no William)."""
    from factcheck.words import name_overlap

    assert name_overlap("Dave Brat", "David Brat") == 1.0
    assert name_overlap("Chuck Schumer", "Charles E. Schumer") == 1.0
    assert name_overlap("Dick Cheney", "Liz Cheney") < 0.5
    assert name_overlap("Bill", "William") == 0.0
    assert name_overlap("BILL CLINTON", "William J. Clinton") == 1.0  # a wire headline's capitals
    assert name_overlap("Steve Bannon", "Stephen K. Bannon") < 0.5  # Steven or Stephen: not read


def test_two_outlets_naming_one_person_by_two_forms_of_his_name_are_one_claimant() -> None:
    table, scored = _pairs([
        {"id": "a", "date": "2014-06-11", "title": "Brat defeats Cantor",
         "text": "Dave Brat spent just over $200,000 on his primary campaign against Eric Cantor."},
        {"id": "b", "date": "2014-06-11", "title": "Cantor loses primary to Brat",
         "text": "David Brat spent about $100,000 on his primary campaign against Eric Cantor."},
    ])
    pair = _pair_of(table, scored, "just over $200,000", "about $100,000")
    assert pair["claimant"] == 1.0 and pair["claimant_differs"] == 0.0


def test_a_legal_form_or_a_measure_alone_names_no_claimant() -> None:
    from factcheck.words import is_name

    assert not is_name("Co") and not is_name("Company") and not is_name("GNP")
    assert is_name("Acme Co") and is_name("Bank of Globex")


def test_tables_whose_headlines_name_no_company_are_no_one_slot() -> None:
    """Two funds of one family, their headlines without a ticker: the rows may be two
    companies' and share no slot; with their tickers named they are told apart anyway."""
    def release(doc: str, head: str, amount: str) -> dict:
        return {"id": doc, "date": "1987-04-01", "title": head,
                "text": f"{head}\nMthly div {amount} vs {amount} prior\nPay April 30\n"}

    table, scored = _pairs([release("a", "GLOBEX HIGH YIELD SETS HIGHER PAYOUT", "eight cts"),
                            release("b", "GLOBEX INSURED SETS MONTHLY PAYOUT", "7.1 cts")])
    assert _pair_of(table, scored, "eight cts", "7.1 cts")["table_slot"] == 0.0


def test_a_monthly_and_a_quarterly_payout_are_not_one_table_slot() -> None:
    def release(doc: str, head: str, row: str) -> dict:
        return {"id": doc, "date": "1987-04-01", "title": head, "text": f"{head}\n{row}\nPay May 15\n"}

    table, scored = _pairs([release("a", "GLOBEX MORTGAGE INVESTORS LP <GMI> PAYOUT", "Mthly div nine cts vs nine cts"),
                            release("b", "GLOBEX MORTGAGE INVESTORS LP <GMI> PAYOUT", "Qtly div 21 cts vs 21 cts"),
                            release("c", "GLOBEX MORTGAGE INVESTORS LP <GMI> PAYOUT", "Qtly div 22 cts vs 21 cts")])
    assert _pair_of(table, scored, "nine cts", "21 cts")["table_slot"] == 0.0
    assert _pair_of(table, scored, "21 cts", "22 cts")["table_slot"] == 1.0


def test_a_price_raised_then_lowered_on_another_day_is_successive_not_contradictory() -> None:
    """Each article states the new value of a change ("raising its price by 0.50 cent to 66.00
    cents"): two of them on different days are one price moving twice. The same words on
    the same day, or a figure no change explains, are still one fact told two ways."""
    def notice(doc: str, date: str, verb: str, to: str) -> dict:
        head = f"GLOBEX {verb.upper()} COPPER PRICE TO {to.upper()}"
        return {"id": doc, "date": date, "title": head,
                "text": f"{head}\nGlobex Copper Co said it is {verb} its copper cathode price by 0.50 cent to "
                        f"{to} a lb, effective immediately.\n"}

    table, scored = _pairs([notice("up", "1987-04-07", "raising", "66.00 cents"),
                            notice("down", "1987-04-09", "lowering", "65.50 cents"),
                            notice("same", "1987-04-09", "lowering", "65.75 cents")])
    moved = _pair_of(table, scored, "66.00 cents a lb", "65.50 cents a lb")
    assert moved["revision"] == 1.0 and moved["successive"] == 1.0
    assert _pair_of(table, scored, "65.50 cents a lb", "65.75 cents a lb")["successive"] == 0.0
    assert not [f for f in _findings([notice("up", "1987-04-07", "raising", "66.00 cents"),
                                      notice("down", "1987-04-09", "lowering", "65.50 cents")])
                if f.rule == "FC101" and f.severity in ("warning", "error")]


@pytest.mark.parametrize(("a", "b", "relation"), [
    ("a maximum of $374 million", "a maximum of $375 million", "value_conflict"),  # two caps
    ("at least $500 billion", "at least $500 billion", "agree"),
    ("a maximum of $374 million", "$370 million", "agree"),  # a figure within the cap
    ("at least $500 billion", "$520 billion", "agree"),
    # one side, two writers' words: the floor itself is what they state
    ("at least $10,000", "more than $1,000", "value_conflict"),
    ("at least $10,000", "more than $10,000", "agree"),
    ("up to $5 million", "less than $3 million", "value_conflict"),
    ("up to $5 million", "at least $3 million", "agree"),  # a ceiling and a floor: both can hold
])
def test_two_bounds_of_one_kind_state_the_bound_itself(a: str, b: str, relation: str) -> None:
    table, scored = _pairs([{"id": "x", "date": "2019-01-04", "text": f"The Acme Corp bond will be issued to {a}."},
                            {"id": "y", "date": "2019-01-05", "text": f"The Acme Corp bond will be issued to {b}."}])
    assert _pair_of(table, scored, a, b)["relation"] == relation


def test_a_reissued_sentence_pairs_each_earlier_value_with_its_twin_not_with_the_other_period() -> None:
    """Both articles say "rose to 7.38 billion dlrs from 3.89 billion a year ago and from 4.95
    billion in January": each earlier value has its twin in the other, so 3.89 against 4.95 is
    two periods, not a contradiction."""
    sentence = ("Globex's current account surplus rose to 7.38 billion dlrs in February from 3.89 billion a "
                "year ago and from 4.95 billion in January, the ministry said.\n")
    head = "GLOBEX FEBRUARY CURRENT ACCOUNT SURPLUS JUMPS"
    table, scored = _pairs([{"id": "a", "date": "1987-03-10", "title": head, "text": f"{head}\n{sentence}"},
                            {"id": "b", "date": "1987-03-10", "title": head, "text": f"{head}\n{sentence}"}])
    assert _pair_of(table, scored, "3.89 billion", "4.95 billion")["twin"] == 1.0


def test_two_tables_lines_of_different_names_are_different_measures() -> None:
    """A re-run of one table that prints "Revs" where the first printed "Sales" gives another
    line (total revenues, not sales): no slot, a different metric; "Net profit" and "Net income"
    are one line."""
    head = "GLOBEX STORES INC <GLB> 4TH QTR NET"
    table, scored = _pairs([
        {"id": "a", "date": "1987-03-17", "title": head,
         "text": f"{head}\nShr 43 cts vs 37 cts\nNet profit 2,276,000 vs loss 1,674,000\nSales 31.9 mln vs 23.9 mln\n"},
        {"id": "b", "date": "1987-03-18", "title": head,
         "text": f"{head}\nShr 43 cts vs 37 cts\nNet income 2,270,000 vs loss 1,674,000\nRevs 32.6 mln vs 24.4 mln\n"},
    ])
    p = _pair_of(table, scored, "31.9 mln", "32.6 mln")
    assert p["table_slot"] == 0.0 and p["metric_differs"] == 1.0
    assert _pair_of(table, scored, "2,276,000", "2,270,000")["table_slot"] == 1.0


def test_two_tables_giving_one_quarter_two_ends_disagree_and_another_quarter_is_another_event() -> None:
    def table(doc: str, head: str) -> dict:
        return {"id": doc, "date": "1987-03-24", "title": head,
                "text": f"{head}\nNEW YORK, March 24 -\nShr 57 cts vs 72 cts\nNet 2.7 mln vs 3.3 mln\n"}

    findings = _findings([table("a", "GLOBEX STORES <GLB> 2ND QTR FEB 7"),
                          table("b", "GLOBEX STORES <GLB> 2ND QTR ENDS FEB 27 NET")])
    assert any(f.rule == "FC201" and f.severity in ("warning", "error") for f in findings)
    table_, scored = _pairs([table("a", "GLOBEX STORES <GLB> 2ND QTR FEB 7"),
                             table("c", "GLOBEX STORES <GLB> 3RD QTR MAY 9")])
    assert _pair_of(table_, scored, "FEB 7", "MAY 9")["event_unnamed"] == 1.0


def test_sentences_writing_out_different_dates_are_two_issues_of_a_report() -> None:
    """"M-1 rose to 32.80 billion dlrs in week ended February 25" and "... to 33.36 billion dlrs
    in week ended March 4" are two weeks' figures; the same sentence re-issued with its date,
    or with a date read from the publication day ("last week"), is no sign of two issues."""
    def report(doc: str, day: str, amount: str, week: str) -> dict:
        head = "GLOBEX MONEY SUPPLY RISES IN WEEK"
        return {"id": doc, "date": day, "title": head,
                "text": f"{head}\nGlobex money supply M-1 rose to {amount} in {week}, the central bank said.\n"}

    table, scored = _pairs([report("a", "1987-03-06", "32.80 billion dlrs", "week ended February 25"),
                            report("b", "1987-03-13", "33.36 billion dlrs", "week ended March 4"),
                            report("c", "1987-03-06", "32.90 billion dlrs", "week ended February 25"),
                            report("d", "1987-03-13", "33.46 billion dlrs", "the week before last")])
    assert _pair_of(table, scored, "32.80 billion dlrs", "33.36 billion dlrs")["dates_differ"] == 1.0
    assert _pair_of(table, scored, "32.80 billion dlrs", "32.90 billion dlrs")["dates_differ"] == 0.0
    assert _pair_of(table, scored, "32.80 billion dlrs", "33.46 billion dlrs")["dates_differ"] == 0.0


def test_one_slot_of_two_tables_is_compared_whatever_the_rows_other_columns_say() -> None:
    """A year table and the year section of a fourth-quarter table, both of one company: the
    revenue line differs in both columns. Each column is a slot of its own; the other column
    differing too is no sign of another period."""
    quarter = "GLOBEX PETROLEUM CO <GPC> 4TH QTR NET"
    year = "GLOBEX PETROLEUM CO <GPC> YEAR LOSS"
    table, scored = _pairs([
        {"id": "q", "date": "1987-03-06", "title": quarter,
         "text": f"{quarter}\nShr loss 12 cts vs loss 40 cts\nRevs 2,921,629 vs 2,500,100\n"
                 "Year\nRevs 3,070,327 vs 3,195,710\n"},
        {"id": "y", "date": "1987-03-06", "title": year, "text": f"{year}\nRevs 7,981,198 vs 10.3 mln\n"},
    ])
    p = _pair_of(table, scored, "3,070,327", "7,981,198")
    assert p["table_slot"] == 1.0 and p["numbers_differ"] == 0.0


def test_a_story_sentence_stating_a_table_rows_other_column_tells_that_row() -> None:
    """The table says "Shr 1.08 dlrs vs 88 cts"; the story, "1.09 dlrs a share, up from 88 cts a
    share": the year-ago figure, stated in both, is evidence for one row, not against it,
    though the story's sentence has more numbers than the row."""
    head = "GLOBEX STORES INC <GLB> 3RD QTR NET"
    table, scored = _pairs([
        {"id": "t", "date": "1987-10-20", "title": head,
         "text": f"{head}\nShr 1.08 dlrs vs 88 cts\n"},
        {"id": "s", "date": "1987-10-20", "title": "GLOBEX <GLB> SEES STRONG FOURTH QUARTER",
         "text": "GLOBEX <GLB> SEES STRONG FOURTH QUARTER\nFor the third quarter, Globex Stores earned 409.0 mln "
                 "dlrs, or 1.09 dlrs a share, up from 328.1 mln dlrs, or 88 cts a share.\n"},
    ])
    p = _pair_of(table, scored, "1.08 dlrs", "1.09 dlrs a share")
    assert p["numbers"] == 1.0 and p["numbers_differ"] == 0.0


def test_two_companies_listed_under_different_tickers_are_two_claimants() -> None:
    """"KESTREL CORP <KES>" and "KESTREL JEWELERS INC <KJW>": the shorter name is all in the
    longer one, but their tickers tell two companies; one name under two tickers ("<GPB>" and
    a mistyped "<GPD>") stays one company."""
    def table(doc: str, head: str, revs: str) -> dict:
        return {"id": doc, "date": "1987-03-03", "title": head, "text": f"{head}\nRevs {revs} vs 90.1 mln\n"}

    rows, scored = _pairs([table("a", "KESTREL CORP <KES> 4TH QTR NET", "107.1 mln"),
                           table("b", "KESTREL JEWELERS INC <KJW> 4TH QTR NET", "95.7 mln"),
                           table("c", "GLOBEX PAPER BOARD CO <GPB> 4TH QTR NET", "61.2 mln"),
                           table("d", "GLOBEX PAPER BOARD CO <GPD> 4TH QTR NET", "61.7 mln")])
    apart = _pair_of(rows, scored, "107.1 mln", "95.7 mln")
    assert apart["claimant"] == 0.0 and apart["claimant_differs"] == 1.0 and apart["table_slot"] == 0.0
    one = _pair_of(rows, scored, "61.2 mln", "61.7 mln")
    assert one["claimant"] == 1.0 and one["claimant_differs"] == 0.0


def test_a_names_initials_are_words_of_it() -> None:
    """"P and C Foods" is not "Frozen Food Express" (its initials are its distinctive words);
    "H.J. Heinz" is still "Heinz"; two funds differing in one word of many are two funds."""
    from factcheck.words import name_overlap

    assert name_overlap("P and C Foods Inc", "Frozen Food Express") < 0.5
    assert name_overlap("H.J. Heinz Co", "Heinz") == 1.0
    assert name_overlap("Globex California Tax-free Income Fund", "Globex New York Tax-free Income Fund") < 0.5


def test_a_story_sentence_restating_a_tables_other_lines_tells_that_table() -> None:
    """The story's "a loss of 67.6 mln dlrs, or 6.28 dlrs per share, on revenues of 641.4 mln
    dlrs" restates the table's net and per-share lines: its revenue is the table's revenue line
    (638.9 mln), its other numbers no sign of another period. A story figure whose value the
    table states itself ("up from 245.4 mln") is that table's line, not a rival of another."""
    head = "GLOBEX CONTAINERS LTD <GCL> 4TH QTR LOSS"
    table, scored = _pairs([
        {"id": "t", "date": "1987-03-19", "title": head,
         "text": f"{head}\nShr loss 6.28 dlrs vs profit 2.48 dlrs\nNet loss 67.6 mln vs profit 25.7 mln\n"
                 "Revs 638.9 mln vs 573.1 mln\n"},
        {"id": "s", "date": "1987-03-19", "title": "GLOBEX CONTAINERS <GCL> EXPECTS BETTER FIRST QTR",
         "text": "GLOBEX CONTAINERS <GCL> EXPECTS BETTER FIRST QTR\nThe company said 1987 began better than "
                 "fiscal 1986, in which Globex Containers recorded a loss of 67.6 mln dlrs, or 6.28 dlrs per "
                 "share, on revenues of 641.4 mln dlrs.\nIn 1985 it earned 25.7 mln dlrs on revenues of "
                 "573.1 mln dlrs, the company said.\n"},
    ])
    p = _pair_of(table, scored, "638.9 mln", "641.4 mln dlrs")
    assert p["numbers"] == 1.0 and p["numbers_differ"] == 0.0
    accounted = _pair_of(table, scored, "638.9 mln", "573.1 mln dlrs")
    assert accounted["numbers"] < 1.0


def test_a_story_restating_a_table_is_read_against_the_tables_headline_too() -> None:
    """The table's headline gives the quarter's end ("3RD QTR JAN 28 NET"); the story restates
    the table's lines ("earned 74.7 mln dlrs, or 55 cts a share, up from 63.2 mln dlrs, or 46
    cts") for "the third quarter ended January 31": one quarter end, told twice."""
    head = "GLOBEX FOODS CO <GFC> 3RD QTR JAN 28 NET"
    table, scored = _pairs([
        {"id": "t", "date": "1987-03-02", "title": head,
         "text": f"{head}\nPITTSBURGH, March 2 -\nShr 55 cts vs 46 cts\nNet 74.7 mln vs 63.2 mln\n"},
        {"id": "s", "date": "1987-03-02", "title": "GLOBEX FOODS <GFC> SEES RECORD YEAR",
         "text": "GLOBEX FOODS <GFC> SEES RECORD YEAR\nPITTSBURGH, March 2 -\nFor the third quarter ended January "
                 "31, Globex Foods earned 74.7 mln dlrs, or 55 cts a share, up from 63.2 mln dlrs, or 46 cts a "
                 "share, a year earlier.\n"},
    ])
    p = _pair_of(table, scored, "JAN 28", "January 31")
    assert p["numbers"] == 1.0 and p["numbers_differ"] == 0.0


def test_a_weekly_report_whose_figures_nearly_all_changed_is_a_new_issue_not_an_error() -> None:
    """Two issues of one weekly release a week apart: every line moved, so the two are this
    week's and last week's figures. A re-run a day later that changes one line of four is not
    a new issue: its changed line stays a candidate error."""
    head = "GLOBEX MONEY SUPPLY RISES IN WEEK"
    week = ("M-1 rose {} mln dlrs to {} billion dlrs, the central bank said.\n"
            "M-2 rose {} mln dlrs to {} billion dlrs.\nLoans outstanding fell {} mln dlrs to {} billion dlrs.\n"
            "Notes in circulation totalled {} billion dlrs.\n")
    first = week.format(217, "32.80", 651, "176.87", 481, "124.99", "16.24")
    table, scored = _pairs([
        {"id": "w1", "date": "1987-03-06", "title": head, "text": f"{head}\n{first}"},
        {"id": "w2", "date": "1987-03-13", "title": head,
         "text": f"{head}\n" + week.format(592, "33.36", 1090, "177.95", 500, "125.54", "16.28")},
        {"id": "w1b", "date": "1987-03-07", "title": head, "text": f"{head}\n" + first.replace("124.99", "124.89")},
    ])
    assert _pair_of(table, scored, "32.80 billion dlrs", "33.36 billion dlrs")["renewed"] == 1.0
    assert _pair_of(table, scored, "124.99 billion dlrs", "124.89 billion dlrs")["renewed"] == 0.0


def test_a_correction_names_a_replaced_date_only_of_its_own_granularity() -> None:
    """"April 7, not April 17 as reported" names the date April 7 replaces; "said today it
    corrected its 1986 net" names a year beside a day, which replaces nothing."""
    table, scored = _pairs([
        {"id": "a", "date": "1987-04-01", "title": "GLOBEX STATE ISSUES 1.2 BILLION MARK BOND",
         "text": "GLOBEX STATE ISSUES 1.2 BILLION MARK BOND\nPayment date is April 17, and the bond matures "
                 "in 1997.\n"},
        {"id": "b", "date": "1987-04-02", "title": "CORRECTION - GLOBEX STATE ISSUES 1.2 BILLION MARK BOND",
         "text": "CORRECTION - GLOBEX STATE ISSUES 1.2 BILLION MARK BOND\nPayment date is April 7, not April 17 "
                 "as reported, and the bond matures in 1997.\n"},
        {"id": "c", "date": "1987-03-06", "title": "GLOBEX MINING <GMN> CORRECTS NET",
         "text": "GLOBEX MINING <GMN> CORRECTS NET\nGlobex Mining Corp said today it has corrected its 1986 net "
                 "income to 485,380 dlrs from 528,790 dlrs reported earlier.\n"},
        {"id": "d", "date": "1987-03-05", "title": "GLOBEX MINING <GMN> SEES PRODUCTION RISE",
         "text": "GLOBEX MINING <GMN> SEES PRODUCTION RISE\nGlobex Mining Corp said it expects gold output this "
                 "year to be more than double 1986's 17,458 ounces.\n"},
    ])
    assert _pair_of(table, scored, "April 7", "April 17")["corrected"] == 1.0
    assert _pair_of(table, scored, "today", "1986")["corrected"] == 0.0


def test_one_articles_items_a_few_per_cent_apart_are_no_misreading() -> None:
    """Across articles, an amount a few per cent off another is a misreading's shape; one
    writer stating two such amounts (two divisions' profit) lists two items."""
    one = [{"id": "a", "date": "2025-03-04", "title": "ACME PLC YEAR PROFIT",
            "text": "Acme Plc said its profit from chemicals rose to 1.48 billion stg in the year. "
                    "Acme Plc said its profit from paints rose to 1.51 billion stg in the year."}]
    table, scored = _pairs(one)
    assert _pair_of(table, scored, "1.48 billion stg", "1.51 billion stg")["unexplained"] == 1.0
    two = [{"id": "a", "date": "2025-03-04", "text": "Acme Plc said its profit rose to 1.48 billion stg in the year."},
           {"id": "b", "date": "2025-03-04", "text": "Acme Plc said its profit rose to 1.51 billion stg in the year."}]
    table, scored = _pairs(two)
    assert _pair_of(table, scored, "1.48 billion stg", "1.51 billion stg")["unexplained"] == 0.0


def test_one_article_stating_two_amounts_without_an_errors_shape_tells_two_facts() -> None:
    """Two divisions' profit in one article's alike sentences: its writer stated both, so
    nothing marks one of them as a slip; a slipped digit still does."""
    items = [{"id": "a", "date": "2025-03-04", "title": "ACME PLC YEAR PROFIT",
              "text": "Acme Plc said its profit from chemicals rose to 245 mln stg in the year. "
                      "Acme Plc said its profit from paints rose to 650 mln stg in the year."}]
    table, scored = _pairs(items)
    assert _pair_of(table, scored, "245 mln stg", "650 mln stg")["one_writer"] == 1.0
    assert not [f for f in _findings(items) if f.severity in ("error", "warning")]
    slip = [{"id": "a", "date": "2025-03-04", "title": "ACME PLC YEAR PROFIT",
             "text": "Acme Plc said its profit rose to 245 mln stg in the year. "
                     "Acme Plc said its profit rose to 2,450 mln stg in the year."}]
    table, scored = _pairs(slip)
    assert _pair_of(table, scored, "245 mln stg", "2,450 mln stg")["one_writer"] == 0.0


@pytest.mark.parametrize(("sentence", "a", "b"), [
    ("Traders said the cargo was sold at {} to Acme Mills.", "227 dlrs a tonne", "230 dlrs a tonne"),  # a rate
    ("Traders said gold was quoted at {} in London.", "419.80 dlrs", "418.50 dlrs"),  # a good's price, no unit
])
def test_prices_a_few_per_cent_apart_on_one_day_are_no_misreading(sentence: str, a: str, b: str) -> None:
    """A price moves a few per cent between markets, grades and hours of one day (gold's
    morning and afternoon fix), so for prices that is no mark of a misread figure, as it is
    for a total ($1.48 and $1.51 billion)."""
    table, scored = _pairs([
        {"id": "a", "date": "2025-03-04", "text": sentence.format(a)},
        {"id": "b", "date": "2025-03-04", "text": sentence.format(b)},
    ])
    assert _pair_of(table, scored, a, b)["unexplained"] == 1.0


def test_a_bid_per_share_is_a_price_and_earnings_per_share_one_fact() -> None:
    """Two bids a few per cent apart are two bidders' or two rounds' prices; a quarter's
    earnings per share told as 1.08 and 1.09 dlrs is one figure misread."""
    def pair(sentence: str, a: str, b: str):
        table, scored = _pairs([{"id": "a", "date": "2025-03-04", "text": sentence.format(a)},
                                {"id": "b", "date": "2025-03-04", "text": sentence.format(b)}])
        return _pair_of(table, scored, a, b)

    bid = pair("Acme Corp said it received an offer of {} for its stock.", "69 dlrs a share", "71 dlrs a share")
    eps = pair("Acme Corp said its third quarter net profit was {}.", "1.08 dlrs a share", "1.09 dlrs a share")
    assert bid["unexplained"] == 1.0
    assert eps["unexplained"] == 0.0


def test_two_years_guessed_from_one_day_are_one_guess() -> None:
    """A year guessed for both dates from publication days a day apart at most is one guess:
    their months and days compare whatever the year. A year guessed against one stated, or
    guesses from days far apart, still carry the doubt."""
    def pair(date_b: str, said: str):
        table, scored = _pairs([
            {"id": "a", "date": "1987-03-02", "text": "Acme Corp said its third quarter ended January 28."},
            {"id": "b", "date": date_b, "text": f"Acme Corp said its third quarter ended {said}."},
        ])
        return _pair_of(table, scored, "January 28", said)

    assert pair("1987-03-02", "January 31")["guessed"] == 0.0
    assert pair("1987-03-02", "January 31, 1987")["guessed"] == 1.0
    assert pair("1987-03-06", "January 31")["guessed"] == 1.0


def test_a_draft_dating_the_archives_event_otherwise_in_its_words_is_a_contradiction(tmp_path: Path) -> None:
    """A year has no claimant or metric to name its event; the words of its sentence do. A
    draft that dates the vote the archive dates, told in the same words, contradicts it; a
    year of another event in the same draft does not."""
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(
        "Portmouth trucks face double toll on Harbour Bridge\n\nPortmouth voters approved the Harbour Bridge "
        "toll plan in 2012, which doubles the fare for heavy trucks crossing the river. The city council said "
        "the money pays for repairs to the span.\n", encoding="utf-8")

    def check(sentence: str) -> tuple[int, list[dict]]:
        draft = tmp_path / "draft.txt"
        draft.write_text("Harbour Bridge toll doubles for heavy trucks\n\nThe city council said the Harbour "
                         f"Bridge toll pays for repairs to the span. {sentence}\n", encoding="utf-8")
        res = CliRunner().invoke(main, ["check", str(draft), "--against", str(archive), "--format", "json",
                                        "--no-cache", "-q"])
        return res.exit_code, [f for f in json.loads(res.stdout)["findings"]
                               if f["severity"] in ("warning", "error")]

    code, found = check("The toll plan, approved by Portmouth voters in 2015, doubles the fare for heavy trucks.")
    assert code == 1 and [f["rule"] for f in found] == ["FC201"]
    assert "event_told" in {e["name"] for e in found[0]["evidence"]}
    code, found = check("The bridge first opened to traffic in 2015, after a decade of delays.")
    assert code == 0 and found == []


def test_a_rounder_figure_in_the_other_article_does_not_account_for_a_finer_one() -> None:
    """An article that states "$3.6 billion" and, elsewhere, "$3 billion" does not state $3.5
    billion: the round figure only allows it. So its $3.6 billion against another outlet's
    $3.5 billion is no twin's neighbour; an article that states $3.5 billion itself is."""
    def pair(other_figure: str):
        table, scored = _pairs([
            {"id": "a", "date": "2019-02-15", "url": "https://example-news.com/a",
             "title": "Pentagon shifts funds to wall",
             "text": "The Pentagon will move $3.5 billion from military construction projects to the border wall."},
            {"id": "b", "date": "2019-02-15", "url": "https://other-paper.org/b",
             "title": "Wall money from the Pentagon",
             "text": f"The Pentagon will move {other_figure} from military construction projects to the border "
                     "wall. In all, $3.6 billion of military construction money goes to the wall, officials said."},
        ])
        return _pair_of(table, scored, "$3.5 billion", "$3.6 billion")

    assert pair("$3 billion")["twin"] == 0.0
    assert pair("$3.5 billion")["twin"] == 1.0


def test_a_figure_the_other_sentence_states_beside_a_differing_one_is_accounted_for() -> None:
    """One outlet writes "$600 million from the Treasury"; another's sentence lists "about
    $200 million from Homeland Security and another $600 million from the Treasury". The
    $200 million is another item of that list, not a rival value of the $600 million, however
    the claimants were read."""
    table, scored = _pairs([
        {"id": "a", "date": "2019-02-15", "url": "https://example-news.com/a", "title": "Trump declares emergency",
         "text": "The money includes about $600 million from the Treasury Department's forfeiture fund."},
        {"id": "b", "date": "2019-02-15", "url": "https://other-paper.org/b", "title": "Trump declares emergency",
         "text": "Trump plans to move about $200 million from the Department of Homeland Security and another "
                 "$600 million from the Treasury Department's asset forfeiture account."},
    ])
    p = _pair_of(table, scored, "about $600 million", "about $200 million")
    assert p["twin"] == 1.0 and p["score"] < 0.5


def test_capitals_headlines_of_two_issuers_make_their_unnamed_figures_two_issuers_facts() -> None:
    """"LAND SECURITIES ISSUES ..." and "TORONTO DOMINION ISSUES ...": the bonds' terms, in
    sentences that name nobody, are two issuers' (a figure is its headline subject's); a
    correction datelined in its headline ("CORRECTION - DUESSELDORF - NORTH-RHINE ...") keeps
    its subject."""
    def subjects_differ(title_a: str, title_b: str) -> float:
        table, scored = _pairs([
            {"id": "a", "date": "1987-03-02", "title": title_a,
             "text": f"{title_a}\nThe bonds will be issued in denominations of 5,000 stg and listed in London.\n"},
            {"id": "b", "date": "1987-03-02", "title": title_b,
             "text": f"{title_b}\nThe bonds will be issued in denominations of 1,000 stg and listed in London.\n"},
        ])
        return _pair_of(table, scored, "5,000 stg", "1,000 stg")["subjects_differ"]

    assert subjects_differ("LAND SECURITIES ISSUES 100 MLN STG EUROBOND",
                           "TORONTO DOMINION ISSUES 50 MLN STG EUROBOND") == 1.0
    assert subjects_differ("CORRECTION - DUESSELDORF - NORTH-RHINE WESTPHALIA ISSUES STG BOND",
                           "NORTH-RHINE WESTPHALIA ISSUES 100 MLN STG BOND") == 0.0


def test_a_programme_two_listed_companies_deal_with_is_no_shared_claimant() -> None:
    """Two companies' contract items name one programme as the buyer ("under the Coastal Defence
    Sales programme"): their completion dates are each company's. Under headlines with tickers
    none in common, the shared name neither headline gives is a third party, not one claimant;
    the same programme named in a headline, or two items of one company, still share it."""
    def pair(head_a: str, head_b: str):
        item = ("{head}\nWASHINGTON, March 19 -\nThe work for Coastal Defence Sales is to be completed by "
                "{when}.\n")
        table, scored = _pairs([
            {"id": "a", "date": "1987-03-19", "title": head_a, "text": item.format(head=head_a, when="July 1989")},
            {"id": "b", "date": "1987-03-19", "title": head_b, "text": item.format(head=head_b, when="December 1988")},
        ])
        return _pair_of(table, scored, "July 1989", "December 1988")

    apart = pair("GLOBEX <GBX> GETS 120.3 MLN DLR CONTRACT", "INITECH <ITC> GETS 114 MLN DLRS IN CONTRACTS")
    assert apart["claimant"] == 0.0 and apart["claimant_differs"] == 1.0 and apart["claimant_known"] == 0.0
    # one company under two tickers (a share class or a slip) is one company
    classes = pair("GLOBEX <GBX> GETS 120.3 MLN DLR CONTRACT", "GLOBEX <GBXB> GETS 114 MLN DLRS IN CONTRACTS")
    assert classes["claimant_differs"] == 0.0
    one = pair("GLOBEX <GBX> GETS 120.3 MLN DLR CONTRACT", "GLOBEX <GBX> GETS 114 MLN DLRS IN CONTRACTS")
    named = pair("COASTAL DEFENCE SALES BUYS GLOBEX <GBX> RADARS", "INITECH <ITC> GETS 114 MLN DLRS IN CONTRACTS")
    assert one["claimant_differs"] == 0.0 and named["claimant_differs"] == 0.0
    assert apart["score"] < min(one["score"], named["score"])


def test_two_outlets_stating_one_amount_a_digit_apart_at_the_same_precision_contradict() -> None:
    """Two outlets tell one story: one writes that the mayor wants "$5.7 billion" for the
    tunnel, the other quotes her asking for "$5.6 billion". Both are exact and written to the
    same precision, so no rounding reconciles them: a warning at least. "about $5.6 billion"
    (a bound), "$5.2 billion" (too far apart to be one misread digit) or the same two articles
    from one publisher (a figure that moved between two of its reports) are not this evidence."""
    def pair(other: str, site_b: str = "https://other-paper.org/b"):
        table, scored = _pairs([
            {"id": "a", "date": "2019-01-03", "url": "https://example-news.com/a",
             "title": "Mayor digs in over harbour tunnel money",
             "text": "Mayor Jane Ortiz is now insisting that the council appropriate $5.7 billion for the "
                     "harbour tunnel, while the council wants a smaller repair plan."},
            {"id": "b", "date": "2019-01-03", "url": site_b,
             "title": "Mayor and council dig in over the harbour tunnel",
             "text": f"“We are asking for {other} for the tunnel,” Mayor Ortiz said at a cabinet meeting, "
                     "hours before the council voted on its repair plan."},
        ])
        return _pair_of(table, scored, "$5.7 billion", other)

    told = pair("$5.6 billion")
    assert told["stated_apart"] == 1.0 and told["score"] >= 0.9
    assert pair("about $5.6 billion")["stated_apart"] == 0.0
    assert pair("$5.2 billion")["stated_apart"] == 0.0
    assert pair("$5.6 billion", site_b="https://example-news.com/b")["stated_apart"] == 0.0


def test_two_neighbouring_digits_swapped_are_the_shape_of_a_typing_slip() -> None:
    """One outlet says the settlement was $84,000, another $48,000: the same digits, two of
    them swapped, is as much a slip's shape as one digit changed (no `unexplained`), and
    the two outlets' pair is reported. $49,000 is no such shape."""
    def records(other: str) -> list[dict]:
        return [
            {"id": "a", "date": "2018-04-06", "url": "https://example-news.com/a",
             "title": "Congressman Dale Ruiz resigns over settlement",
             "text": "Congressman Dale Ruiz resigns over settlement\nRuiz used $84,000 in public money to "
                     "settle a harassment claim brought by a former aide in 2015, and has promised to repay it."},
            {"id": "b", "date": "2018-04-06", "url": "https://other-paper.org/b",
             "title": "Ruiz quits the House after settlement",
             "text": f"Ruiz quits the House after settlement\nThe former aide received {other} from a public fund "
                     "to settle her harassment claim in 2015; Ruiz had pledged to pay the money back."},
        ]

    table, scored = _pairs(records("$48,000"))
    swapped = _pair_of(table, scored, "$84,000", "$48,000")
    assert swapped["unexplained"] == 0.0
    assert [f.rule for f in _findings(records("$48,000")) if f.rule != "FC301"] == ["FC101"]
    table, scored = _pairs(records("$49,000"))
    other = _pair_of(table, scored, "$84,000", "$49,000")
    assert other["unexplained"] == 1.0 and other["score"] < swapped["score"]
    table, scored = _pairs(records("$80,400"))  # a zero swapped in: the same slip
    assert _pair_of(table, scored, "$84,000", "$80,400")["unexplained"] == 0.0


def test_a_finding_quotes_the_two_figures_that_differ_not_one_that_agrees() -> None:
    """Three outlets: "$3.5 billion", "about $3.6 billion" in the same words, and "$3.6 billion".
    The bound agrees with both and joins the side it is told alike with; the message must quote
    the figures that differ, never "$3.6 billion" against "about $3.6 billion"."""
    found = [f for f in _findings([
        {"id": "fox", "date": "2019-02-15", "url": "https://example-news.com/a", "title": "Pentagon shifts wall funds",
         "text": "The Pentagon will move $3.5 billion from military construction projects to the border wall."},
        {"id": "huff", "date": "2019-02-15", "url": "https://third-site.net/c", "title": "Pentagon wall funds",
         "text": "The Pentagon will move about $3.6 billion from military construction projects to the border "
                 "wall, officials said."},
        {"id": "nyt", "date": "2019-02-15", "url": "https://other-paper.org/b", "title": "Wall money from the Pentagon",
         "text": "Aides said the plan diverts $3.6 billion of Pentagon money to the wall."},
    ]) if f.rule == "FC101"]
    assert found and found[0].severity in ("warning", "error")
    message = found[0].message
    assert "“$3.5 billion”" in message and "“$3.6 billion”" in message
    assert "“about $3.6 billion”" not in message


def test_reports_of_one_market_at_different_points_of_the_day_are_snapshots_not_a_conflict() -> None:
    """An early report and a closing report of one market give its prices at two times
    ("HIGHER IN EARLY TRADE" against "CLOSE MIXED", "OPENING" against "CLOSING"): the prices
    moved in between (May 15.60 then 15.59), so a move of 0.16 then 0.15 cent is no error,
    while two runs of one closing report that differ so remain one."""
    def finding(title_a: str, title_b: str):
        records = [
            {"id": "a", "date": "1987-04-07T10:00:00", "title": title_a,
             "text": f"{title_a}\nCHICAGO, April 7 - Velsa oats futures were 0.16 cent per lb higher on the Kenton "
                     "Board of Trade, with May at 15.60 cents, on buying by commercial houses.\n"},
            {"id": "b", "date": "1987-04-07T15:00:00", "title": title_b,
             "text": f"{title_b}\nCHICAGO, April 7 - Velsa oats futures closed 0.15 cent per lb higher on the "
                     "Kenton Board of Trade, with May at 15.59 cents, on buying by commercial houses.\n"},
        ]
        return next(f for f in _findings(records) if f.rule == "FC101")

    early = finding("KENTON OATS FUTURES HIGHER IN EARLY TRADE", "KENTON OATS FUTURES CLOSE MIXED")
    opening = finding("KENTON OATS EXCHANGE OPENING - APRIL 7", "KENTON OATS EXCHANGE CLOSING - APRIL 7")
    rerun = finding("KENTON OATS FUTURES CLOSE MIXED", "KENTON OATS FUTURES CLOSE MIXED")
    assert early.severity == "info" and opening.severity != "error" and rerun.severity == "error"
    assert "session_differs" in {e["name"] for e in early.evidence}
    assert "session_differs" not in {e["name"] for e in rerun.evidence}


def _apology(first: str, second: str) -> list[dict]:
    """One invented apology told by two outlets a day apart, each dating it by a weekday."""
    return [
        {"id": "a", "date": "2014-11-29", "outlet": "Gazette", "title": "Councillor apologises for post on mayor's son",
         "text": "Councillor apologises for post on mayor's son\nCouncillor Dana Whitfield " + first
                 + " a social media post that mocked the mayor's son at the harvest fair."},
        {"id": "b", "date": "2014-11-30", "outlet": "Courier", "title": "Whitfield sorry for social media post",
         "text": "Whitfield sorry for social media post\nCouncillor Dana Whitfield " + second
                 + " a social media post about the mayor's son, after a day of criticism."},
    ]


def _date_findings(records: list[dict]) -> list:
    return [f for f in _findings(records) if f.rule == "FC201" and f.severity in ("warning", "error")]


def test_two_outlets_giving_one_persons_act_two_weekdays_contradict() -> None:
    """By one outlet she apologized on Friday (November 28), by the other, a day later, on
    Saturday (November 29): one person, one act, the verb beside each weekday the same. Read
    against each article's own date the two days differ: a warning at least."""
    records = _apology("on Friday apologized for", "had to apologize Saturday for")
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "Friday", "Saturday")["event_verb"] == 1.0
    assert _date_findings(records)


@pytest.mark.parametrize("second", [
    "resigned Saturday over",  # another act of hers: another day's event
    "gave an interview Saturday about",  # a noun beside the weekday names no act
], ids=["another-verb", "a-noun"])
def test_two_outlets_weekdays_beside_other_words_are_two_events(second: str) -> None:
    records = _apology("on Friday apologized for", second)
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "Friday", "Saturday")["event_verb"] == 0.0
    assert not _date_findings(records)


def test_two_outlets_weekdays_of_one_verb_by_two_people_are_two_events() -> None:
    """The same verb beside each weekday, but two people apologized: two acts."""
    records = _apology("on Friday apologized for", "had to apologize Saturday for")
    records[1]["text"] = records[1]["text"].replace("Councillor Dana Whitfield", "Her colleague Rob Tandy")
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "Friday", "Saturday")["event_verb"] == 0.0


def _lease(first: str, second: str) -> list[dict]:
    """One story told by two outlets a day apart, each dating something in a sentence of its own."""
    return [
        {"id": "a", "date": "2016-08-30", "outlet": "Gazette", "title": "Harbor Park team weighs leaving Millbrook",
         "text": "Harbor Park team weighs leaving Millbrook\nThe Millbrook Otters said they are weighing a move "
                 "away from Harbor Park after a week of talks with the Millbrook council failed. " + first + "\n"},
        {"id": "b", "date": "2016-08-31", "outlet": "Courier", "title": "Otters weigh leaving Harbor Park",
         "text": "Otters weigh leaving Harbor Park\nThe Millbrook Otters hinted that they may leave Harbor Park "
                 "after their talks with the Millbrook council failed this week. " + second + "\n"},
    ]


def _date_warnings(records: list[dict]) -> list:
    return [f for f in _findings(records) if f.rule == "FC201" and f.severity in ("warning", "error")]


def test_two_outlets_dating_one_event_a_year_apart_beside_the_same_word_disagree(tmp_path, monkeypatch) -> None:
    """"The lease formally expires in 2019" against "before the lease expires in 2018": the word
    beside each year is the same and the years neighbour: one event given two dates. Checked as
    a draft against the other outlet's article, a warning or an error, and exit 1."""
    records = _lease("The lease at the park formally expires in 2019.",
                     "The club could leave before the lease expires in 2018, officials said.")
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "2019", "2018")["event_word"] == 1.0
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.jsonl").write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    (tmp_path / "draft.jsonl").write_text(json.dumps(records[1]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(tmp_path / "draft.jsonl"), "--against", str(tmp_path / "archive"),
                                    "--format", "json", "-q"], catch_exceptions=False)
    assert res.exit_code == 1, res.stdout
    found = json.loads(res.stdout)["findings"]
    assert [f["rule"] for f in found] == ["FC201"] and found[0]["severity"] in ("warning", "error")
    assert {m["text"] for m in found[0]["mentions"]} == {"2019", "2018"}


def test_two_outlets_dating_one_event_beside_one_word_disagree_though_neither_names_who() -> None:
    """"Put to a council vote in mid May" against "clash in a council vote in April": a date's
    event is named by the word beside it; that neither sentence has a claimant (a date's
    sentence often has none) is no sign of two events."""
    records = _lease("Both sides will put the lease to a council vote in mid May.",
                     "It promises to be a bruising fight, with two factions likely to clash in a council vote "
                     "in April.")
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "mid May", "April")["event_word"] == 1.0
    assert [{m["text"] for m in f.mentions} for f in _date_warnings(records)] == [{"mid May", "April"}]


@pytest.mark.parametrize("first, second, a, b", [
    # spans of several years each, side by side: two terms, not one slipped date
    ("Alden Pryce's father was governor from 2000 to 2006.", "His uncle was governor from 2006 to 2012.",
     "2000 to 2006", "2006 to 2012"),
    # two years apart: two openings, not a slip
    ("The old stadium opened in 2014.", "The new arena opened in 2016.", "2014", "2016"),
    # the nearest word is an adverb: two trends, not one event
    ("Ticket revenue at the park rose sharply in 2018.", "Attendance at the arena fell sharply in 2019.",
     "2018", "2019"),
], ids=["two-spans", "two-years-apart", "an-adverb"])
def test_two_outlets_dates_beside_one_word_but_not_one_slipped_event_disagree_on_nothing(first, second, a, b):
    records = _lease(first, second)
    table, scored = _pairs(records)
    assert _pair_of(table, scored, a, b)["event_word"] == 0.0
    assert not _date_warnings(records)


def _tender(first_day: str, second_day: str, first: str, second: str, outlets: bool = False) -> list[dict]:
    """One exchange offer reported twice, each report giving an amount of notes."""
    head = "Holders tender notes to Kestrel Homes"
    return [
        {"id": "a", "date": first_day, "title": head, **({"outlet": "Gazette"} if outlets else {}),
         "text": f"{head}\nKestrel Homes Inc said it extended its offer to swap its 12 pct subordinated notes for "
                 f"new shares. {first}\n"},
        {"id": "b", "date": second_day, "title": head + " again", **({"outlet": "Courier"} if outlets else {}),
         "text": f"{head} again\nKestrel Homes Inc said it extended again its offer to swap its 12 pct "
                 f"subordinated notes for new shares. {second}\n"},
    ]


def test_two_days_running_totals_that_differ_are_a_count_that_moved() -> None:
    """"So far, holders have tendered 2.1 mln dlrs" and, two weeks later, "holders have tendered
    5.6 mln dlrs so far": the total moved between the reports, no slip; told the same day, it
    did not."""
    first, second = ("So far, holders have tendered 2.1 mln dlrs of the notes, it said.",
                     "Holders have tendered 5.6 mln dlrs of the notes so far, it said.")
    moved = _tender("1987-03-02", "1987-03-16", first, second)
    table, scored = _pairs(moved)
    assert _pair_of(table, scored, "2.1 mln dlrs", "5.6 mln dlrs")["successive"] == 1.0
    assert not [f for f in _findings(moved) if f.rule == "FC101" and f.severity != "info"]
    table, scored = _pairs(_tender("1987-03-02", "1987-03-02", first, second))
    assert _pair_of(table, scored, "2.1 mln dlrs", "5.6 mln dlrs")["successive"] == 0.0


@pytest.mark.parametrize("words", [
    "The company, which has so far declined to comment, paid {} for the notes.",  # "so far" of another verb
    "Its list of holders is up to date and shows {} of the notes.",
    "So far as it knows, holders have tendered {} of the notes.",
], ids=["another-verbs-so-far", "up-to-date", "so-far-as"])
def test_so_far_or_to_date_of_something_else_makes_no_running_total(words: str) -> None:
    records = _tender("1987-03-02", "1987-03-16", words.format("2.1 mln dlrs"), words.format("5.6 mln dlrs"),
                      outlets=True)
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "2.1 mln dlrs", "5.6 mln dlrs")["successive"] == 0.0


def test_one_articles_two_pay_dates_of_one_company_are_two_payments() -> None:
    """One article gives the stock distribution's pay date and the cash dividend's: its writer
    stated both, so they are two payments, not one payment dated twice (as for amounts)."""
    records = [{"id": "a", "date": "1987-03-24", "title": "ACME TOOL SPLITS 3-FOR-2, RAISES DIVIDEND",
                "text": "ACME TOOL SPLITS 3-FOR-2, RAISES DIVIDEND\nBRIDGEPORT, Conn., March 24 - Acme Tool Co said "
                        "its board approved a stock split and raised its quarterly dividend.\nAcme Tool Co said the "
                        "stock distribution for the split is payable April 30 to holders of record on April 3.\n"
                        "Acme Tool Co said the quarterly cash dividend is payable April 15 to holders of record on "
                        "April 3.\n"}]
    table, scored = _pairs(records)
    assert _pair_of(table, scored, "April 30", "April 15")["one_writer"] == 1.0
    assert not [f for f in _findings(records) if f.rule == "FC201"]


def _patent_sale(second_url: str, buyer: str = "Initech Systems", other_buyer: str = "Initech Systems") -> list[dict]:
    """One sale told twice: one account makes the analysts the claimant and names the buyer
    beside them, the other makes the buyer the claimant and names the seller beside it."""
    return [
        {"id": "a", "date": "2013-02-20", "url": "https://times.example/1", "title": "Patents sold",
         "text": f"Patents sold\nHooli Research said on Monday that {buyer} paid $750,000 for the patents.\n"},
        {"id": "b", "date": "2013-02-20", "url": second_url, "title": "Globex sells patents",
         "text": f"Globex sells patents\n{other_buyer} paid $350,000 for the patents, Globex Corp said.\n"},
    ]


def test_a_name_one_outlet_gives_beside_its_claimant_is_the_other_outlets_claimant_in_common() -> None:
    """Across two outlets, "Initech Systems" beside one sentence's claimant and as the other's
    claimant is a name both sentences give: their names do not differ. Within one publisher,
    whose sentences word one fact alike, the names besides the claimants still decide."""
    table, scored = _pairs(_patent_sale("https://post.example/2"))
    assert _pair_of(table, scored, "$750,000", "$350,000")["names_differ"] == 0
    table, scored = _pairs(_patent_sale("https://times.example/2"))
    assert _pair_of(table, scored, "$750,000", "$350,000")["names_differ"] == 1


def test_a_name_sharing_only_a_first_name_with_the_other_outlets_claimant_is_not_in_common() -> None:
    """"John Smith" beside one sentence's claimant is not the other's claimant "John Kerry": the
    whole claimant must be named, not one of its words."""
    table, scored = _pairs(_patent_sale("https://post.example/2", "John Smith", "John Kerry"))
    assert _pair_of(table, scored, "$750,000", "$350,000")["names_differ"] == 1
