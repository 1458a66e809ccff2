"""A figure the other article states too, or writes with the same digits: a correction that
repeats an unchanged prior-year figure, and a table row whose bare number takes its unit from
the row. Each test has a control that stays a finding."""

from __future__ import annotations

from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.ruleset import load_rules


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


def test_a_bare_table_number_with_the_other_articles_digits_is_the_same_number() -> None:
    """"Shr profit 38 cts vs loss 1.95": the bare 1.95 takes the row's cents, though the writer
    meant the dollars the other run prints ("loss 1.95 dlrs"); the two write the same number,
    the power of ten between them is only our reading. Written units that differ stay a slip
    ("2.20 cts" against "2.20 dlrs"), and so do other digits under a carried unit."""
    def run(row: str, other: str) -> list[dict]:
        return [{"id": f"run-{n}", "date": "1987-03-12", "title": "GLOBEX INDUSTRIAL CORP <GLBX> 2ND QTR NET",
                 "text": f"GLOBEX INDUSTRIAL CORP <GLBX> 2ND QTR NET\nDAYTON, March 12 -\n    Shr profit 10 cts vs "
                         f"loss {line}\n    Net 687,000 vs loss 14.5 mln\n    Sales 68.3 mln vs 54.8 mln\n"}
                for n, line in ((1, row), (2, other))]
    assert not _serious(run("1.95 dlrs", "1.95"), "1.95 dlrs")
    assert _serious(run("2.20 dlrs", "2.20 cts"), "2.20 dlrs", "2.20 cts")
    assert _serious(run("1.95 dlrs", "1.59"), "1.95 dlrs", "1.59")
