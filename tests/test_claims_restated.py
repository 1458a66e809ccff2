"""A figure the other article states too, or writes with the same digits: a correction that
repeats an unchanged prior-year figure, a table row whose bare number takes its unit from the
row, a later article that gives the other's amount as the one before its own. Each test has a
control that stays a finding."""

from __future__ import annotations

from typing import Any

from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.ruleset import load_rules

from .claim_pairs import pair_of, scored_pairs


def _serious(records: list[dict], *texts: str) -> list:
    """Warnings and errors whose quoted figures include every one of `texts`."""
    return [f for f in scan_documents(documents_from_records(records), load_rules()).findings
            if f.severity in ("warning", "error") and all(f"“{t}”" in f.message for t in texts)]


_TABLE = {"id": "table", "date": "1987-03-06", "title": "VELSA MINING CORP <VLSM> 4TH QTR NET",
          "text": "VELSA MINING CORP <VLSM> 4TH QTR NET\nDENVER, March 6 -\n    Shr one ct vs one ct\n"
                  "    Net 528,790 vs 286,969\n    Revs 2,537,803 vs 773,729\n"}


def _correction(prior: str) -> dict:
    return {"id": "fix", "date": "1987-03-06", "title": "VELSA MINING <VLSM> CORRECTS NET",
            "text": "VELSA MINING <VLSM> CORRECTS NET\nDENVER, March 6 -\nVelsa Mining Corp said it has corrected "
                    "its 1986 fourth quarter net income to 485,380 dlrs\nfrom 528,790 dlrs reported earlier today.\n"
                    f"    The company earned {prior} dlrs in last year's fourth\nquarter.\n"}


def test_a_correction_that_restates_the_prior_year_figure_accounts_for_it() -> None:
    """A correction changes this year's quarter and repeats last year's (the table's "vs"
    column) in words: the table's prior-year figure is stated in the correction too, so it does
    not contradict the corrected figure. The corrected figure against the one it replaces stays
    an error; where the correction gives last year's quarter another value, nothing accounts for
    the table's figure and it stays a finding."""
    records = [_TABLE, _correction("286,969")]
    assert not _serious(records, "286,969")
    assert _serious(records, "528,790", "485,380 dlrs")
    assert _serious([_TABLE, _correction("268,969")], "286,969")


def test_a_correction_stating_the_replaced_figure_in_a_sentence_of_its_own_still_replaces_it() -> None:
    """The correction may name the figure it replaces apart from the new one ("... to 485,380
    dlrs. The company had reported fourth quarter net income of 528,790 dlrs"): of the same
    stage as the new figure, it is the replaced one, not an unchanged figure stated again."""
    fix = {"id": "fix", "date": "1987-03-06", "title": "VELSA MINING <VLSM> CORRECTS NET",
           "text": "VELSA MINING <VLSM> CORRECTS NET\nDENVER, March 6 -\nVelsa Mining Corp said it has corrected its "
                   "1986 fourth quarter net income to 485,380 dlrs.\n    The company had reported fourth quarter net "
                   "income of 528,790 dlrs earlier today.\n"}
    assert _serious([_TABLE, fix], "528,790", "485,380 dlrs")


def test_a_bare_table_number_with_the_other_articles_digits_is_the_same_number() -> None:
    """"Shr profit 38 cts vs loss 1.95": the bare 1.95 takes the row's cents, though the writer
    meant the dollars the other run prints ("loss 1.95 dlrs"); the two write the same number,
    the hundredfold between them is only our reading. Written units that differ stay a slip
    ("2.20 cts" against "2.20 dlrs"), and so do other digits, or the same digits at another
    scale ("19.5 dlrs"), against a carried unit."""
    def run(row: str, other: str) -> list[dict]:
        return [{"id": f"run-{n}", "date": "1987-03-12", "title": "GLOBEX INDUSTRIAL CORP <GLBX> 2ND QTR NET",
                 "text": f"GLOBEX INDUSTRIAL CORP <GLBX> 2ND QTR NET\nDAYTON, March 12 -\n    Shr profit 10 cts vs "
                         f"loss {line}\n    Net 687,000 vs loss 14.5 mln\n    Sales 68.3 mln vs 54.8 mln\n"}
                for n, line in ((1, row), (2, other))]
    assert not _serious(run("1.95 dlrs", "1.95"), "1.95 dlrs")
    assert _serious(run("2.20 dlrs", "2.20 cts"), "2.20 dlrs", "2.20 cts")
    assert _serious(run("1.95 dlrs", "1.59"), "1.95 dlrs", "1.59")
    # the same digits at another scale are another number, whatever was carried
    assert _serious(run("19.5 dlrs", "1.95"), "19.5 dlrs", "1.95")


def test_an_article_that_states_the_others_amount_as_the_one_before_its_own_tells_a_change() -> None:
    """"The bid is higher than the 4.20 dlrs it said it would offer when it first announced":
    the later article gives the earlier one's offer as the first value of its own, so the two
    are the offer before and after a change (`told_before`), and the pair scores lower. Not
    without that sentence, nor where the article stating the old value is a correction."""
    def pair(told: str, head: str = "") -> Any:
        records = [{"id": "first", "date": "1987-03-25", "title": "VELSA OFFER FOR GLOBEX STILL VALID",
                    "text": "VELSA OFFER FOR GLOBEX STILL VALID\nWELLINGTON, March 25 -\n<Velsa Investments Ltd> "
                            "said its offer of 4.20 N.Z. Dlrs per share for supermarket group <Globex Enterprises "
                            "Ltd> still stands.\n"},
                   {"id": "later", "date": "1987-03-27", "title": f"{head}VELSA BIDS 4.35 DOLLARS/SHARE FOR GLOBEX",
                    "text": f"{head}VELSA BIDS 4.35 DOLLARS/SHARE FOR GLOBEX\nWELLINGTON, March 27 -\n<Velsa "
                            "Investments Ltd> launched a full takeover bid for the supermarket group <Globex "
                            f"Enterprises Ltd> at 4.35 dlrs a share.\n    {told}\n"}]
        return pair_of(*scored_pairs(records), "4.20 N.Z. Dlrs per share", "4.35 dlrs a share")
    told = ("The bid is higher than the 4.20 dlrs Velsa said it would offer when it first announced on Monday "
            "it would make a full bid for Globex.")
    untold = pair("The bid follows much public debate between Velsa and Rainbow.")
    assert (pair(told)["told_before"], untold["told_before"]) == (1.0, 0.0)
    assert pair(told)["score"] < untold["score"]
    assert pair(told, "CORRECTED - ")["told_before"] == 0.0
    # a value the article denies is one it corrects, whatever its headline says
    assert pair("The bid is 4.35 dlrs a share, not the 4.20 dlrs first reported.")["told_before"] == 0.0


def test_an_earlier_value_is_told_in_prose_by_the_later_article() -> None:
    """A table's year-ago column is another period, not the value before this one: a re-run
    printing last year's net as this year's stays an error. And an article published before
    the other tells no change the other made: a stale item's "4.20" against a later one that
    says the bid was raised from it is read as any other pair."""
    def runs(second: str) -> list[dict]:
        return [{"id": f"run-{n}", "date": "1987-03-23", "title": "GLOBEX INC <GLBX> 4TH QTR NET",
                 "text": f"GLOBEX INC <GLBX> 4TH QTR NET\nDAYTON, March 23 -\n    Shr 28 cts vs 24 cts\n    Net {net}\n"
                         "    Revs 37.5 mln vs 31.2 mln\n"} for n, net in ((1, "1,410,000 vs 1,200,000"), (2, second))]
    assert _serious(runs("1,200,000 vs 1,100,000"), "1,410,000", "1,200,000")
    raised = ("VELSA RAISES GLOBEX BID\nWELLINGTON, March 25 -\n<Velsa Investments Ltd> raised its bid for "
              "<Globex Enterprises Ltd> to 4.35 dlrs a share, higher than the 4.20 dlrs it first announced.\n")
    stale = ("VELSA OFFER FOR GLOBEX STILL VALID\nWELLINGTON, March 30 -\n<Velsa Investments Ltd> said its "
             "offer of 4.20 N.Z. Dlrs per share for <Globex Enterprises Ltd> still stands.\n")
    def pair(stale_day: str) -> Any:
        return pair_of(*scored_pairs([{"id": "raised", "date": "1987-03-25", "title": "VELSA RAISES GLOBEX BID",
                                       "text": raised},
                                      {"id": "stale", "date": stale_day, "title": "VELSA OFFER FOR GLOBEX STILL VALID",
                                       "text": stale}]), "4.20 N.Z. Dlrs per share", "4.35 dlrs a share")
    assert (pair("1987-03-24")["told_before"], pair("1987-03-30")["told_before"]) == (1.0, 0.0)


def test_two_runs_apart_by_an_amount_only_one_of_them_states_count_that_item_differently() -> None:
    """One run of a table gives net 3,614,000, the other 4,568,000 and notes 954,000 dlrs of
    preferred dividends: the gap is that item, which one run deducts and the other does not.
    Where both runs note it (one perhaps as a bare number the reading took for no amount), both
    account for it alike and the gap is unexplained again; a gap neither states stays a finding."""
    def runs(first_note: str, second_note: str) -> list[dict]:
        def table(net: str, note: str) -> str:
            return ("GLOBEX INC <GLBX> 4TH QTR JAN 31 NET\nCLEARWATER, Fla., March 23 -\nShr 28 cts vs nil\n"
                    f"    Net {net} vs 7,000\n    Revs 37.5 mln vs 7,835,000\n{note}")
        return [{"id": "run-1", "date": "1987-03-23", "title": "GLOBEX INC <GLBX> 4TH QTR JAN 31 NET",
                 "text": table("3,614,000", first_note)},
                {"id": "run-2", "date": "1987-03-23", "title": "GLOBEX INC <GLBX> 4TH QTR JAN 31 NET",
                 "text": table("4,568,000", second_note)}]
    note = "    Note: Shr results after preferred dividend payments of\n954,000 dlrs for current qtr.\n"
    assert not _serious(runs("", note), "3,614,000", "4,568,000")
    assert _serious(runs(note, note), "3,614,000", "4,568,000")
    bare = "    NOTE: qtr excludes loss 954,000, or five cts per share, for discontinued operations.\n"
    assert _serious(runs(bare, note), "3,614,000", "4,568,000")  # its digits, though read for its cents
    assert _serious(runs("", note.replace("954,000", "945,000")), "3,614,000", "4,568,000")
    # a change the run states is its own difference, not an item the other leaves out
    assert _serious(runs("", "    Note: net rose 954,000 dlrs from the third quarter.\n"), "3,614,000", "4,568,000")
