"""Attribution: what each money figure is, read from its sentence (wire-copy cases)."""

from __future__ import annotations

import pytest

from factcheck.pipeline import analyse, documents_from_records
from factcheck.ruleset import load_rules

LEX = load_rules().lexicon


def rows(text: str, title: str | None = None, date: str = "1987-04-01") -> dict[str, dict]:
    [doc] = documents_from_records([{"id": "a", "text": text, "title": title, "date": date, "lang": "en"}])
    return {text[r["start"]:r["end"]]: r for r in analyse(doc, LEX) if r["kind"] == "money"}


def test_an_earlier_bid_named_after_its_unit_is_the_previous_figure():
    r = rows("GAF had offered 46 dlrs per share previously.")
    assert r["46 dlrs per share"]["stage"] == "previous"  # (the rate is part of the mention)


def test_versus_a_loss_of_marks_last_years_figure_and_its_per_share_twin():
    r = rows("Fairchild reported 1986 operating net of 7.6 mln dlrs, versus a loss of 283,000 dlrs, "
             "or 93 cts a share, in 1985.")
    assert r["283,000 dlrs"]["stage"] == "previous"
    assert r["93 cts a share"]["stage"] == "previous"
    assert r["7.6 mln dlrs"]["stage"] == "total"


def test_a_per_share_figure_after_or_is_the_same_item_as_the_figure_before_it():
    r = rows("Fourth qtr earnings exclude loss from discontinued operations of 67.6 mln dlrs, "
             "or 4.72 dlrs a share.")
    assert r["67.6 mln dlrs"]["metric"] == "special_item"
    assert r["4.72 dlrs a share"]["metric"] == "special_item"


def test_a_period_named_after_a_statement_belongs_to_all_its_figures():
    r = rows("NOTE: 1987 earnings exclude gain from utilization of tax loss carryforwards of "
             "125,000 dlrs, or one ct a share in the quarter and 150,000 dlrs, or two cts a share "
             "for the six months.")
    assert [r[k]["period"] for k in ("125,000 dlrs", "one ct a share", "150,000 dlrs", "two cts a share")] == [
        "Q", "Q", "H", "H"]


def test_a_starting_value_or_a_one_off_item_takes_the_period_of_the_figures_it_goes_with():
    """The replaced figure of a correction ("from 528,790 dlrs") is the quarter's, as the new one
    of its metric is; a one-off item a result includes is that result's period's. A figure of
    another metric lends nothing ("cut its debt from 500 mln dlrs" in a sentence that also posts a
    fourth quarter profit), nor does a figure that is neither ("40 mln dlrs of cash")."""
    r = rows("Silver State Mining Corp said it has corrected its 1986 fourth quarter net income to "
             "485,380 dlrs from 528,790 dlrs reported earlier today.")
    assert (r["485,380 dlrs"]["period"], r["528,790 dlrs"]["period"]) == ("Q", "Q")
    part = rows("For the fourth quarter, it reported earnings of 118.8 mln dlrs, including a gain of 28.6 mln dlrs "
                "for discontinued operations.")
    assert part["28.6 mln dlrs"]["period"] == "Q"
    debt = rows("Acme cut its debt from 500 mln dlrs to 400 mln dlrs and posted a fourth quarter profit of "
                "20 mln dlrs.")
    assert debt["500 mln dlrs"]["period"] is None
    assert rows("Its 1986 net was 5.2 mln dlrs; it also holds 40 mln dlrs of cash.")["40 mln dlrs"]["period"] is None


def test_a_sentence_opening_with_previously_states_earlier_values():
    """"Previously, Zico had bought ... for 31 dlrs a share" gives an earlier purchase's price, not
    the offer the story is about; "Earlier, Coleco reported ..." only dates the report."""
    assert rows("Previously, Zico had bought 965,000 Bancroft shares for 31 dlrs a share, giving it about 28 pct "
                "of the company.")["31 dlrs a share"]["stage"] == "previous"
    assert rows("Earlier, Coleco reported a net loss of 111.2 mln dlrs for the year.")["111.2 mln dlrs"]["stage"] == (
        "total")


def test_an_amount_a_result_excludes_is_a_special_item_whatever_word_follows_it():
    """"Net excludes 706,000 dlr loss from discontinued operations": the loss the note excludes
    is a one-off item, not the net loss of the table, though "loss" follows the figure. Without
    the word of exclusion, "a loss of 706,000 dlrs" stays a loss."""
    assert rows("NOTE: Current half net excludes 706,000 dlr loss from discontinued oil and natural gas "
                "operations.")["706,000 dlr"]["metric"] == "special_item"
    assert rows("The company said it had a loss of 706,000 dlrs from the sale.")["706,000 dlrs"]["metric"] == "loss"


def test_a_cue_after_vs_belongs_to_the_next_figure():
    r = rows("NOTE: Net excludes discontinued operations gain 1,637,000 dlrs vs loss 720,000 dlrs in quarter.")
    assert r["1,637,000 dlrs"]["metric"] == "special_item"
    assert r["720,000 dlrs"]["stage"] == "previous"


@pytest.mark.parametrize(("text", "figure"), [
    ("Magma Copper Co said it is raising its copper cathode price by 0.50 cent to 66.00 cents a lb.",
     "0.50 cent"),
    ("Analysts said the offer was between 10 and 20 dlrs per share too low.",
     "between 10 and\n20 dlrs per share".replace("\n", " ")),
    ("It was misleading for the bank to split the provision, attributing 425 mln dlrs of it to the sale.",
     "425 mln dlrs"),
])
def test_changes_differences_and_parts_are_not_amounts_of_the_claim(text, figure):
    assert rows(text)[figure]["stage"] == "difference"


def test_splitting_in_half_is_not_a_half_year():
    r = rows("It was misleading for the bank to split the 950 mln dlr loan loss provision in half.")
    assert r["950 mln dlr"]["period"] is None
    assert r["950 mln dlr"]["metric"] == "special_item"


def test_items_a_result_includes_are_one_off_items():
    r = rows("NOTE: 1986 net includes gain of 40 cts from discontinued operations.")
    assert r["40 cts"]["metric"] == "special_item"


def test_a_rating_action_names_the_rated_debt_not_the_debt():
    r = rows("Standard and Poor's Corp said it affirmed Marine Midland Banks Inc's 500 mln dlrs of debt.")
    assert r["500 mln dlrs"]["metric"] == "rated_debt"
    plain = rows("Marine Midland Banks Inc said it repaid 500 mln dlrs of debt.")
    assert plain["500 mln dlrs"]["metric"] == "debt"


def test_a_nationality_is_not_a_claimant():
    r = rows("Cardiac said the agreement requires the Japanese firm to purchase pacemakers worth "
             "about 12 mln dlrs. The Japanese firm will sell them.")
    assert r["about 12 mln dlrs"]["actor"] != "Japanese"


def test_the_new_value_of_a_stated_raise_is_marked_revised():
    r = rows("General Partners said it was prepared to raise its bid to 110 dlrs per share.")
    assert r["110 dlrs per share"]["revised"] is True
    assert rows("It made a tender offer of 110 dlrs per share.")["110 dlrs per share"]["revised"] is False


def test_corrections_of_cash_letter_errors_are_not_a_corrected_story():
    text = ("Borrowings averaged 310 mln dlrs, the Federal Reserve said, after a number of corrections "
            "for cash letter errors.")
    assert rows(text, title="U.S. BANK DISCOUNT BORROWINGS")["310 mln dlrs"]["correction"] is False
    assert rows(text, title="CORRECTION - U.S. BANK DISCOUNT BORROWINGS")["310 mln dlrs"]["correction"] is True


def test_errors_that_were_corrected_are_somebody_elses_act_not_the_papers_correction():
    passive = ("Adjustments ranged from minus 500 mln dlrs on Monday, when cash letter errors at two banks "
               "were corrected, to plus 400 mln dlrs on Thursday.")
    assert rows(passive, title="U.S. BANK DISCOUNT BORROWINGS")["400 mln dlrs"]["correction"] is False
    active = "Silver State Mining said it has corrected its net income to 485,380 dlrs from 528,790 dlrs."
    assert rows(active, title="SILVER STATE MINING NET")["485,380 dlrs"]["correction"] is True


def test_a_country_is_no_claimant_but_a_company_named_after_one_is():
    assert rows("Japan said it will spend 5 billion yen on roads.")["5 billion yen"]["actor"] != "Japan"
    assert rows("Japan Line said it owes 124 billion yen.")["124 billion yen"]["actor"] == "Japan Line"


def test_an_earnings_table_section_sets_the_period_of_its_lines():
    text = ("ACME CORP 3RD QTR NET\nShr 10 cts vs five cts\n    Net 1,000,000 vs 500,000\n"
            "    Nine mths\n    Net 3,000,000 vs 1,500,000\n")
    r = rows(text, title="ACME CORP 3RD QTR NET")
    assert (r["1,000,000"]["period"], r["3,000,000"]["period"]) == ("Q", "9M")


def test_a_long_s_in_a_table_section_does_not_stop_the_article():
    r = rows("ACME CORP YEAR NET\n    \u017fix mths\n    Net 1,000,000 vs 500,000\n", title="ACME CORP \u017fIX MTHS")
    assert r["1,000,000"]["metric"] == "net_income"


def test_an_exclusion_far_from_the_figure_does_not_make_it_a_one_off_item():
    r = rows("Acme Corp, excluding its Japan unit, reported a net loss of 25 mln dlrs.")
    assert r["25 mln dlrs"]["metric"] == "loss"


def test_income_from_a_gain_is_not_an_earlier_figure():
    assert rows("It booked income from a gain of 20 mln dlrs.")["20 mln dlrs"]["stage"] == "total"


def test_by_without_a_change_in_its_clause_is_not_a_difference():
    r = rows("Acme raised its stake, funded by 50 mln dlrs of new bank loans.")
    assert r["50 mln dlrs"]["stage"] == "total"


def test_a_country_before_a_weekday_is_still_a_place():
    r = rows("Canada Friday approved spending of 5 billion dlrs.")
    assert r["5 billion dlrs"]["actor"] != "Canada"


def test_a_name_does_not_run_on_past_a_closing_quote_into_the_next_line():
    """A headline ending "... 'A Miracle'" and a text opening "Jane Roe ...": two names, not
    "Miracle Jane Roe"."""
    text = "Challenger Calls Her Win 'A Miracle'\nJane Roe raised $5 million for her campaign."
    assert rows(text)["$5 million"]["actor"] == "Jane Roe"


@pytest.mark.parametrize("name", ["Jane Q. Roe", "John A. Doe Jr."])
def test_a_middle_initial_keeps_a_name_whole(name: str):
    """One newspaper writes "Jane Q. Roe" where another writes "Jane Roe": the initial is part
    of the name, not a full stop that cuts it into "Jane Q" and "Roe"."""
    r = rows(f"{name} spent $750,000 of campaign money on personal items.")
    actor = r["$750,000"]["actor"]
    assert actor.startswith(name.split()[0]) and name.split()[2].rstrip(".") in actor


def test_a_name_with_a_middle_initial_ends_where_its_possessive_begins():
    """"Jane Q. Roe's campaign": the name's span ends at "Roe", so the possessive is read and the
    campaign, not Jane Q. Roe, is what the payer paid; as without the initial."""
    for name in ("Jane Roe", "Jane Q. Roe"):
        r = rows(f"Globex Corp paid {name}'s campaign $750,000 last year.")
        assert r["$750,000"]["actor"] == "Globex Corp", name


def test_a_lone_surname_is_the_full_name_past_its_initial_and_suffix():
    text = ("Jesse L. Jackson Jr. resigned from Congress in November.\n"
            "On Tuesday, Jackson said he spent $750,000 of campaign money on personal items.")
    assert rows(text)["$750,000"]["actor"] == "Jesse L Jackson Jr"


@pytest.mark.parametrize(("sentence", "metric"), [
    ("The division earned $5 million in the quarter.", None),  # "div" is no "division"
    ("Its Netherlands unit paid $5 million in taxes.", None),  # "Net" is no "Netherlands"
    ("Acme Corp declared a quarterly div of 25 cts a share.", "dividend"),
    ("Acme Corp agreed a $5 million buyout of the unit.", "deal_value"),
])
def test_a_short_metric_cue_is_a_word_of_its_own_not_a_longer_words_start(sentence: str, metric: str | None):
    r = next(iter(rows(sentence).values()))
    assert r["metric"] == metric


def test_a_company_named_in_angle_brackets_in_the_headline_claims_its_table():
    """The wire marks a company without a ticker as "<ACME ROBOTICS LTD>": the table's rows
    belong to it, as they do to a company named before its ticker."""
    title = "<ACME ROBOTICS LTD> 2ND QTR LOSS"
    r = rows(f"{title}\nCALGARY, Alberta -\nShr loss one ct vs profit two cts\nNet loss 52,922 vs profit 220,041\n"
             "Revs 481,832 vs 824,554\n", title=title)
    assert r["481,832"]["actor"] == r["52,922"]["actor"] == "Acme Robotics LTD"
    ticker = rows("ACME ROBOTICS LTD <ACR> 2ND QTR LOSS\nRevs 481,832 vs 824,554\n",
                  title="ACME ROBOTICS LTD <ACR> 2ND QTR LOSS")
    assert ticker["481,832"]["actor"] == r["481,832"]["actor"]


def date_rows(text: str, title: str | None = None, date: str = "1987-04-08") -> dict[str, dict]:
    [doc] = documents_from_records([{"id": "a", "text": text, "title": title, "date": date, "lang": "en"}])
    return {f"{r['start']}:{text[r['start']:r['end']]}": r for r in analyse(doc, LEX) if r["kind"] == "date"}


def test_a_headline_printed_again_on_the_next_line_dates_the_report_there_too():
    title = "GLOBEX RUBBER (YEN PER KILO) - APRIL 08"
    text = f"{title}\n{title}\n   PREV  OPG  CLSG\nMay  120.5  121.0  121.5\n"
    dates = date_rows(text, title)
    assert len(dates) == 2 and all(r["metric"] == "publication" for r in dates.values())


def test_a_dateline_naming_a_two_word_country_dates_the_article_not_an_event():
    text = "MINISTER SEES TRADE ACCORD\nTAUPO, New Zealand, March 23 -\nThe minister said talks would end on June 30.\n"
    dates = date_rows(text, "MINISTER SEES TRADE ACCORD", date="1987-03-23")
    by_text = {k.split(":", 1)[1]: r for k, r in dates.items()}
    assert by_text["March 23"]["metric"] == "publication"
    assert by_text["June 30"]["metric"] != "publication"


def test_table_labels_name_what_their_per_share_figures_are():
    """"Shr diluted" is a measure of its own beside the primary "Shr" (never one fact with it);
    "Oper shr" is operating earnings per share, not a share price."""
    title = "ACME CORP <ACM> 4TH QTR NET"
    r = rows(f"{title}\nShr primary 2.10 dlrs vs 1.72 dlrs\nShr diluted 1.98 dlrs vs 1.65 dlrs\n"
             "Oper shr 2.40 dlrs vs 1.90 dlrs\nNet 4,123,000 vs 3,456,000\n", title=title)
    assert r["2.10 dlrs"]["metric"] == "net_income"
    assert r["1.98 dlrs"]["metric"] == "diluted" and r["1.98 dlrs"]["family"] != r["2.10 dlrs"]["family"]
    assert r["2.40 dlrs"]["metric"] == "operating_income" and r["2.40 dlrs"]["per"] == "share"


@pytest.mark.parametrize("sentence", [
    "Acme Bank, the lead manager, said the 100 mln dlr bond for Globex Credit Corp was priced at par.",
    "Globex Credit Corp is issuing a 100 mln dlr eurobond, said Acme Securities, the lead manager.",
    "Globex Credit Corp signed a 3.1 billion yen loan agreement, arranger Acme Bank (Europe) SA said.",
])
def test_a_deals_arranger_or_lead_manager_is_not_its_claimant(sentence):
    (row,) = rows(sentence, title="GLOBEX SIGNS LOAN").values()
    assert row["actor"] == "Globex Credit Corp"


def test_a_headline_in_capitals_names_no_claimant_by_its_capitals():
    """In "GLOBEX RAISES COPPER PRICE 0.25 CT TO 65.75 CTS" every word is capitalised: a name
    guessed from capitals ("CT TO") is none; the headline's company (a ticker, a legal form
    before the period) stands instead, and a change with "TO" before its figure is a revision."""
    head = "GLOBEX RAISES COPPER PRICE 0.25 CT TO 65.75 CTS"
    r = rows(f"{head}\nGlobex Copper Co said it is raising its price by 0.25 cent to 65.75 cents a lb.\n", title=head)
    assert r["65.75 CTS"]["actor"] is None
    assert r["65.75 CTS"]["revised"] and r["65.75 cents a lb"]["revised"]
    flash = "GLOBEX MINING CORP 3RD QTR SHR 55 CTS VS 46 CTS"
    r = rows(f"{flash}\n{flash}\n", title=flash)
    assert r["55 CTS"]["actor"] == "Globex Mining Corp" and r["55 CTS"]["metric"] == "net_income"


def test_a_date_after_a_reporting_period_is_that_periods_end():
    """"2ND QTR FEB 7" in an earnings headline and "the third quarter ended January 31" name a
    quarter's last day, each quarter its own event; "in the year 1986" names no period's end."""
    def dates(text: str, title: str | None = None) -> dict[str, dict]:
        [doc] = documents_from_records([{"id": "a", "text": text, "title": title, "date": "1987-03-24", "lang": "en"}])
        return {text[r["start"]:r["end"]]: r for r in analyse(doc, LEX) if r["kind"] == "date"}

    head = "GLOBEX STORES <GLB> 2ND QTR FEB 7"
    assert dates(f"{head}\nShr 57 cts vs 72 cts\n", head)["FEB 7"]["metric"] == "second_quarter_end"
    r = dates("Globex earned 74.7 mln dlrs for the third quarter ended January 31, against 12 mln dlrs in "
              "the fourth quarter ending April 30.")
    assert r["January 31"]["metric"] == "third_quarter_end" and r["April 30"]["metric"] == "fourth_quarter_end"
    assert dates("Globex was founded in the year 1986, on May 5.")["May 5"]["metric"] != "year_end"


def test_a_misspelt_table_label_is_the_row_it_misspells():
    """"Sasles 19.1 mln vs 16.6 mln" in a table whose other rows are spelt right is the Sales
    row: a revenue figure of the table, last year's after "vs"."""
    head = "GLOBEX INC <GLB> 4TH QTR LOSS"
    r = rows(f"{head}\nShr loss 22 cts vs profit 10 cts\n    Net loss 1,056,000 vs profit 427,000\n"
             "    Sasles 19.1 mln vs 16.6 mln\n", title=head)
    assert r["19.1 mln"]["metric"] == "revenue" and r["19.1 mln"]["table"]
    assert r["16.6 mln"]["stage"] == "previous"


@pytest.mark.parametrize("line", ["Qtrly 25 cts vs 16 cts", "Semi-annual 30 cts vs 25 cts prior",
                                  "Final div 5.5p vs 5.0p", "Qtly cash distribution 12 cts vs 10 cts"])
def test_a_line_labelled_by_a_payouts_period_is_a_dividend_row(line):
    text = f"MAPLE REALTY INC <MPR> DIV\nTORONTO, March 3 -\n{line}\n    Pay March 30\n"
    got = list(rows(text, title=text.split("\n")[0]).values())
    assert [(r["metric"], r["per"], r["table"]) for r in got] == [("dividend", "share", True)] * 2


def test_a_payout_period_word_starting_prose_names_no_row():
    text = "MAPLE REALTY INC <MPR> SALES\nTORONTO, March 3 -\nQtrly sales rose to 4.1 mln dlrs.\n"
    got = list(rows(text, title=text.split("\n")[0]).values())
    assert [(r["metric"], r.get("per"), r["table"]) for r in got] == [("revenue", None, False)]


def test_the_possessor_of_what_a_date_dates_is_its_claimant():
    """"Pryce’s lease expires in 2019" dates Pryce's lease: Pryce is its claimant, as he would be
    of "Pryce said on Tuesday", when the sentence names no one else."""
    text = "Harbour news\n\nAlden Pryce’s lease on the old pier formally expires in 2019."
    r = date_rows(text, date="2016-08-30")
    assert r[f"{text.index('2019')}:2019"]["actor"] == "Alden Pryce"


def test_a_german_number_word_is_no_claimants_first_word():
    """"einer Million Kontoinhabern" (a German noun, capitalised) counts account holders: it
    names no claimant; an English place named with a number word keeps its name."""
    def actor(text: str, figure: str, lang: str) -> str | None:
        [doc] = documents_from_records([{"id": "a", "text": text, "date": "2016-01-10", "lang": lang}])
        return {text[r["start"]:r["end"]]: r for r in analyse(doc, LEX) if r["kind"] == "money"}[figure]["actor"]

    german = ("Ein Fonds mit 6,3 Mrd. Euro sicherte die Einlagen von rund einer Million Kontoinhabern im Wert "
              "von 12 Mrd. Euro.")
    assert not str(actor(german, "12 Mrd. Euro", "de") or "").startswith("Million")
    assert actor("Thousand Oaks will spend $12 million on a new library, the city said.", "$12 million",
                 "en") == "Thousand Oaks"


def test_record_right_before_a_date_names_it_the_record_date():
    """The wire's dividend line "payable May 14, record April One" and its table line "Record
    March 16": the date right after "record" is the record date, not a second pay date. The
    word anywhere else names no date ("a record dividend on May 14", "Recorded sales fell in
    1986", "closed at a record on Friday")."""
    [doc] = documents_from_records([{"id": "a", "date": "1987-03-20", "lang": "en",
                                     "text": "Velsa Mortgage said it will pay nine cts a unit for the month of March, "
                                             "payable May 14, record April One.\n    Record  March 16\nRecorded sales "
                                             "fell in 1986. It will pay a record dividend on June 4. Shares closed at "
                                             "a record on Friday, March 6."}])
    dates = {doc.text[r["start"]:r["end"]]: r for r in analyse(doc, LEX) if r["kind"] == "date"}
    assert dates["May 14"]["metric"] == "payment"
    assert dates["April One"]["metric"] == "record"
    assert dates["March 16"]["metric"] == "record"
    assert [dates[d]["metric"] for d in ("1986", "June 4")] == [None, None]
    assert not any(r["metric"] == "record" for t, r in dates.items() if "March 6" in t or "Friday" in t)


def test_record_names_a_date_after_a_join_but_not_after_a_determiner():
    """"Shareholders of record on April 20" names the record date; "closed at a record
    Friday" and "its record 1986 sales" use the word as a noun of their own."""
    [doc] = documents_from_records([{"id": "a", "date": "1987-03-20", "lang": "en",
                                     "text": "The dividend is payable May 20 to shareholders of record on April 20. "
                                             "Stocks closed at a record Friday. Its record 1986 sales rose."}])
    dates = {doc.text[r["start"]:r["end"]]: r["metric"] for r in analyse(doc, LEX) if r["kind"] == "date"}
    assert dates["April 20"] == "record"
    assert dates["May 20"] == "payment"
    assert dates["Friday"] is None and dates["1986"] is None


def test_a_rules_folders_right_before_phrase_may_span_a_line_break(tmp_path):
    """A newsroom's own `right_before` phrase ("ex dividend") names the date after it however
    the wire broke its line."""
    (tmp_path / "metrics.toml").write_text('[date.ex_dividend]\nfamily = "ex_dividend"\ncues = []\n'
                                           'right_before = ["ex dividend"]\n', encoding="utf-8")
    lexicon = load_rules([str(tmp_path)]).lexicon
    [doc] = documents_from_records([{"id": "a", "date": "1987-03-20", "lang": "en",
                                     "text": "Velsa shares trade ex\ndividend April 3, the company said."}])
    dates = {doc.text[r["start"]:r["end"]]: r["metric"] for r in analyse(doc, lexicon) if r["kind"] == "date"}
    assert dates["April 3"] == "ex_dividend"


def test_a_period_that_owns_the_next_names_only_which_year_that_one_falls_in() -> None:
    """"last year's fourth quarter" is a quarter, a year earlier; "last year" alone a year."""
    r = rows("Acme earned 286,969 dlrs in last year's fourth quarter.")
    assert (r["286,969 dlrs"]["period"], r["286,969 dlrs"]["stage"]) == ("Q", "previous")
    assert rows("Acme earned 5.2 mln dlrs last year.")["5.2 mln dlrs"]["period"] == "Y"


def test_what_an_amount_in_a_capitals_headline_measures_is_read_from_its_words_as_in_the_text() -> None:
    """"ISSUES 150 MLN DLR EUROBOND": the words after the amount say what it is, read as the
    lexicon writes them (a debt), as the body's "a 150 mln dlr eurobond" is; a headline word
    the lexicon does not know names nothing."""
    r = rows("GLOBEX SAYS IT ISSUES 150 MLN DLR EUROBOND\nLONDON, March 2 - Globex AB is issuing a 150 mln dlr "
             "eurobond due 1992.")
    assert (r["150 MLN DLR"]["item"], r["150 mln dlr"]["item"]) == ("debt", "debt")
    assert rows("GLOBEX TAKES 15 MLN DLR LOAN\n")["15 MLN DLR"]["item"] == "debt"
    assert rows("GLOBEX WINS 15 MLN DLR BUS ORDER\n")["15 MLN DLR"]["item"] is None
