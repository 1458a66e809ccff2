"""Two figures that look like one fact told two ways but are two facts: what each amount
measures, its place in a list both articles give, two listed companies, two snapshots of a
market, a price against a total, a listed part against the whole, a record date against a pay
date, and number shapes that happen by chance. Each test has a control that stays a finding,
so the evidence tells the cases apart rather than silencing the rule."""

from __future__ import annotations

import pytest

from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.ruleset import load_rules

from .claim_pairs import pair_of as _pair_of
from .claim_pairs import scored_pairs as _pairs


def _findings(records: list[dict]) -> list:
    return scan_documents(documents_from_records(records), load_rules()).findings


def _flagged(records: list[dict], *texts: str) -> list:
    """Warnings and errors whose quoted figures include every one of `texts`."""
    return [f for f in _findings(records) if f.severity in ("warning", "error")
            and all(f"“{t}”" in f.message for t in texts)]


def _two(first: str, second: str, *, titles: tuple[str, str] = ("A", "B"), days: tuple[str, str] = ("1987-03-02",
         "1987-03-02")) -> list[dict]:
    return [{"id": "one", "date": days[0], "title": titles[0], "text": first},
            {"id": "two", "date": days[1], "title": titles[1], "text": second}]


def test_amounts_whose_words_name_two_different_things_are_two_facts_whatever_their_digits() -> None:
    """"A 15 mln dlr loan" and "its 150 mln dlr acquisition" share their digits a power of ten
    apart, the shape of a dropped zero; but the words right at each amount say what it is, a debt
    and a purchase to the metric lexicon, two different things. The same thing named twice keeps
    the finding, and so does a word the lexicon does not know ("deficit" for a net loss): no
    evidence either way."""
    def records(second: str) -> list[dict]:
        return [
            {"id": "one", "date": "1987-03-02", "title": "VELSA-KORP <VLKP> TAKES LOAN",
             "text": "VELSA-KORP <VLKP> TAKES LOAN\nSTOCKHOLM, March 2 - Velsa-Korp AB said it took a 15 mln dlr "
                     "loan from a group of Kenton banks.\n"},
            {"id": "two", "date": "1987-03-02", "title": "VELSA-KORP <VLKP> NEWS",
             "text": f"VELSA-KORP <VLKP> NEWS\nSTOCKHOLM, March 2 - Velsa-Korp AB said it {second} from a group "
                     "of Kenton banks.\n"},
        ]
    def serious(records: list[dict]) -> list:
        return [f for f in _findings(records) if f.severity in ("warning", "error")]
    assert not serious(records("completed a 150 mln dlr acquisition of a unit"))
    assert serious(records("took a 150 mln dlr loan"))
    deficit = _two("Velsa Corp said it had a net loss of 5.2 mln dlrs in the year.",
                   "Velsa Corp said it had a deficit of 52 mln dlrs in the year.",
                   titles=("VELSA CORP <VLSA> YEAR LOSS", "VELSA CORP <VLSA> RESULTS"))
    assert _flagged(deficit, "5.2 mln dlrs")


def test_a_total_and_a_bid_sharing_two_digits_under_two_magnitude_words_are_no_slip() -> None:
    """"A total capitalisation of £1.4 trillion" and "a bid of £1.4bn": the same two digits
    under "trillion" and "bn" is the shape of a slipped magnitude word, but they measure two
    things, and two short digits coincide by chance. One amount told "£1.4bn" and "£1.4
    trillion" in sentences alike is still a slip."""
    apart = _two("The Kenton exchange lists stocks with a total capitalisation of £1.4 trillion.",
                 "Velsa is ready to make a bid of £1.4bn for the Kenton exchange.",
                 titles=("Velsa eyes Kenton exchange", "Velsa bid for Kenton exchange"))
    slipped = _two("Velsa is ready to make a cash bid of £1.4bn for the Kenton exchange, sources said.",
                   "Velsa is ready to make a cash bid of £1.4 trillion for the Kenton exchange, sources said.",
                   titles=("Velsa eyes Kenton exchange", "Velsa bid for Kenton exchange"))
    assert not _flagged(apart, "£1.4 trillion")
    assert _flagged(slipped, "£1.4 trillion")


def test_a_list_two_articles_give_pairs_its_amounts_place_by_place() -> None:
    """Two rounds of a money market operation, each told "X in band one and Y in band two": the
    first amount of one and the second of the other are two items, though the sentences are
    one template; the same places of the two lists are compared as before."""
    def record(n: str, hour: str, head: str, one: str, two: str) -> dict:
        return {"id": n, "date": f"1987-03-02T{hour}:00:00", "title": head,
                "text": f"{head}\nLONDON, March 2 - The central bank purchased bank bills outright comprising "
                        f"{one} in band one at 10-7/8 pct and {two} in band two at 10-13/16 pct.\n"}
    table, scored = _pairs([record("early", "10", "KENTON MONEY MARKET GIVEN 24 MLN STG ASSISTANCE", "two mln stg",
                                   "22 mln stg"),
                            record("late", "15", "KENTON MONEY MARKET GIVEN FURTHER 437 MLN STG HELP", "120 mln stg",
                                   "315 mln stg")])
    crossed = _pair_of(table, scored, "two mln stg", "315 mln stg")
    same_place = _pair_of(table, scored, "two mln stg", "120 mln stg")
    assert crossed["slot_differs"] == 1.0 and same_place["slot_differs"] == 0.0
    assert crossed["score"] < same_place["score"]


def test_two_listed_companies_announcing_in_one_template_state_two_facts() -> None:
    """Two companies' initial dividends, announced in the same words the same minute, payable
    March 26 and March 19: each article's figure is its own company's (each headline lists it
    under its ticker), however alike the sentences. One company's two runs of the item differ
    and stay a finding."""
    def item(doc: str, head: str, name: str, day: str) -> dict:
        return {"id": doc, "date": "1987-03-02T09:00:00", "title": head,
                "text": f"{head}\nNEW YORK, March 2 - {name} said its board declared an initial annual dividend "
                        f"of 10 cts per share, its first payout, payable {day} to holders of record March 12.\n"}
    two = [item("p", "VELSA TECHNOLOGIES <VLST> SETS INITIAL DIVIDEND", "Velsa Technologies Corp", "March 26"),
           item("m", "KORVIN CONTAINMENT <KRVN> SETS INITIAL PAYOUT", "Korvin Containment Inc", "March 19")]
    one = [item("p", "VELSA TECHNOLOGIES <VLST> SETS INITIAL DIVIDEND", "Velsa Technologies Corp", "March 26"),
           item("m", "VELSA TECHNOLOGIES <VLST> SETS INITIAL DIVIDEND", "Velsa Technologies Corp", "March 19")]
    assert not _flagged(two, "March 26")
    assert _flagged(one, "March 26")
    explained = [f for f in _findings(two) if "“March 26”" in f.message]
    assert not explained or "companies_differ" in {e["name"] for e in explained[0].evidence}


def test_a_price_a_digit_apart_at_the_open_and_at_the_close_is_two_snapshots() -> None:
    """"The dollar closed at 145.25 yen" and "had opened here at 145.95 yen": one digit apart,
    the shape of a slip, but a price moves that much between the open and the close. Two runs
    of the closing report that differ so stay a finding."""
    def records(verb_a: str, verb_b: str, head_a: str, head_b: str) -> list[dict]:
        return [{"id": n, "date": "1987-04-07T0" + h + ":00:00", "title": head,
                 "text": f"{head}\nKENTON, April 7 - The dollar {verb} at 145.{d} yen against 145.85/90 in New York "
                         "and 146.00 at the close here yesterday.\n"}
                for n, h, verb, head, d in (("a", "6", verb_a, head_a, "25"), ("b", "7", verb_b, head_b, "95"))]
    snapshots = records("closed", "had opened here", "DOLLAR CLOSES LOWER IN KENTON", "DOLLAR OPENS IN KENTON")
    reruns = records("closed", "closed", "DOLLAR CLOSES LOWER IN KENTON", "DOLLAR CLOSES LOWER IN KENTON")
    assert not _flagged(snapshots, "145.25 yen")
    assert _flagged(reruns, "145.25 yen")


def test_the_same_digits_four_powers_of_ten_apart_are_no_slip_of_the_hand() -> None:
    """"125,000 dlrs" of provisions and "1.25 billion" of loans share their digits 10,000 times
    apart: no dropped zero or moved point writes that. Ten times apart ("1.4 cts" for "14 cts")
    is still the shape of a slip."""
    def records(a: str, b: str) -> list[dict]:
        return _two(f"KENTON SAVINGS BANK <KSBK> 3RD QTR NET\nKenton Savings Bank said its reserve was {a} "
                    "at the end of the quarter.\n",
                    f"KENTON SAVINGS BANK <KSBK> 3RD QTR\nKenton Savings Bank said its reserve was {b} at the end "
                    "of the quarter.\n",
                    titles=("KENTON SAVINGS BANK <KSBK> 3RD QTR NET", "KENTON SAVINGS BANK <KSBK> 3RD QTR"))
    apart = [f for f in _findings(records("125,000 dlrs", "1.25 billion dlrs")) if "“125,000 dlrs”" in f.message]
    assert not [f for f in apart if "digits" in {e["name"] for e in f.evidence}]
    assert _flagged(records("1.25 mln dlrs", "12.5 mln dlrs"), "1.25 mln dlrs")


def test_what_an_amounts_words_name_is_no_evidence_where_the_metric_or_the_outlets_say_otherwise() -> None:
    """The nouns beside an amount tell two things apart only where nothing reads them as one:
    "net income of" and "net profit of" are one metric to the lexicon; a correction may name
    its item anew; two outlets (told apart by their URLs) name one package "package" and
    "proposal". Each of these keeps its slip of a moved point."""
    same_metric = _two("Velsa Corp said its net income of 5.2 mln dlrs was a record.",
                       "Velsa Corp said its net profit of 52 mln dlrs was a record.",
                       titles=("VELSA CORP <VLSA> YEAR NET", "VELSA CORP <VLSA> RESULTS"))
    corrected = _two("Velsa Corp said it had a net loss of 5.2 mln dlrs in the year.",
                     "Velsa Corp said it has corrected the figure: it had a deficit of 52 mln dlrs in the year.",
                     titles=("VELSA CORP <VLSA> YEAR LOSS", "CORRECTED - VELSA CORP <VLSA> YEAR LOSS"))
    outlets = [{"id": "a", "date": "2011-10-20", "url": "https://first-paper.com/jobs", "title": "Jobs plan fails",
                "text": "The Senate blocked the $447 billion package on Tuesday, aides said."},
               {"id": "b", "date": "2011-10-20", "url": "https://second-site.org/jobs", "title": "Jobs plan blocked",
                "text": "The Senate blocked the $44.7 billion proposal on Tuesday, aides said."}]
    assert _flagged(same_metric, "5.2 mln dlrs")
    assert _flagged(corrected, "5.2 mln dlrs")
    assert _flagged(outlets, "$447 billion")


def test_a_short_number_under_two_magnitude_words_needs_a_fact_in_common_to_be_a_slip() -> None:
    """"Valued by analysts at about £1.4 trillion" and "could raise £1.4bn": neither names an
    item its words set apart, but two short digits ("1.4") coincide by chance, and the sentences
    share no word near the figures nor a metric (a valuation, a sum raised). The same short
    number in sentences alike stays a slip."""
    apart = _two("Velsa, the Kenton exchange operator, is valued by analysts at about £1.4 trillion.",
                 "Velsa could raise £1.4bn for the move, bankers said.",
                 titles=("Velsa eyes Kenton exchange", "Velsa funds for Kenton"))
    alike = _two("Velsa could raise £1.4bn for the move, bankers said.",
                 "Velsa could raise £1.4 trillion for the move, bankers said.",
                 titles=("Velsa eyes Kenton exchange", "Velsa funds for Kenton"))
    assert not _flagged(apart, "£1.4 trillion") and not _flagged(apart, "about £1.4 trillion")
    assert _flagged(alike, "£1.4 trillion")


def test_a_price_with_no_magnitude_word_against_a_total_in_billions_is_no_reading_of_it() -> None:
    """"Purchased additional shares ... for 40-1/8 dlrs" is a price, though it names no rate;
    "its 3.2 billion dlr acquisition offer" a total: two facts, not one amount eight orders of
    magnitude off. The same digits with the magnitude word dropped ("a 3.2 dlr acquisition
    offer") are still a slip of the hand."""
    def records(first: str) -> list[dict]:
        return _two(f"GAF <GAF> PLANS NO CHANGES\nNEW YORK, March 20 - {first}\n",
                    "GAF <GAF> DEBT MAY BE DOWNGRADED\nNEW YORK, March 21 - S and P cited GAF's 3.2 billion dlr "
                    "acquisition offer for Borg-Warner Corp <BOR>.\n",
                    titles=("GAF <GAF> PLANS NO CHANGES", "GAF <GAF> DEBT MAY BE DOWNGRADED"),
                    days=("1987-03-20", "1987-03-21"))
    table, scored = _pairs(records("Last week, GAF had purchased additional shares of Borg-Warner for 40-1/8 dlrs, "
                                   "increasing its stake to 19.9 pct."))
    assert _pair_of(table, scored, "40-1/8 dlrs", "3.2 billion dlr")["per_differs"] == 1
    # the values' shape as read counts, though the words set the slip aside ("a bid of", "a loan
    # of": two items): "50 dlrs" and "50 mln dlrs" are two items, not a price against a total
    table, scored = _pairs(_two("VELSA <VLSA> NEWS\nVelsa Corp said it made a bid of 50 dlrs for the unit.",
                                "VELSA <VLSA> LOAN\nVelsa Corp said it took a loan of 50 mln dlrs from banks.",
                                titles=("VELSA <VLSA> NEWS", "VELSA <VLSA> LOAN")))
    items = _pair_of(table, scored, "50 dlrs", "50 mln dlrs")
    assert items["items_differ"] == 1 and items["per_differs"] == 0
    dropped = records("Standard and Poor's cited GAF's 3.2 dlr acquisition offer for Borg-Warner Corp <BOR>.")
    table, scored = _pairs(dropped)
    assert _pair_of(table, scored, "3.2 dlr", "3.2 billion dlr")["per_differs"] == 0
    assert _flagged(dropped, "3.2 dlr")


def test_one_of_several_amounts_a_sentence_lists_is_a_part_of_the_others_total() -> None:
    """One outlet itemises the expenses ("included $4,272.78 on a cruise, $2,306.08 at Walt
    Disney World and $3,544.00 at a boutique"), another states the whole ("$750,000 in campaign
    money"): each item is a part of the total, not a reading of it. An item of a shorter list,
    one less than ten times smaller than the other figure, one of a list that adds up to more
    than it, or one whose digits slipped against it, is no listed part."""
    listed = "included $4,272.78 on a cruise, $2,306.08 at Walt Disney World and $3,544.00 at a boutique"

    def records(expenses: str, total: str) -> list[dict]:
        return [{"id": "a", "date": "2013-02-20", "url": "https://first-paper.com/a", "title": "Velsa Pleads Guilty",
                 "text": f"Records revealed that expenses charged by Velsa and his wife to his campaign {expenses}."},
                {"id": "b", "date": "2013-02-20", "url": "https://second-site.org/b",
                 "title": "Tom Velsa Pleads Guilty in Campaign Money Case",
                 "text": f"Tom Velsa pleaded guilty on Wednesday over his use of {total} in campaign money."}]
    def part(expenses: str, total: str) -> float:
        table, scored = _pairs(records(expenses, total))
        return _pair_of(table, scored, "$4,272.78", total)["part_listed"]
    assert part(listed, "$750,000") == 1
    assert part("included $4,272.78 on a cruise and $2,306.08 at Walt Disney World", "$750,000") == 0  # two items
    assert part(listed, "$40,000") == 0  # under ten times the item
    assert part(listed.replace("$3,544.00", "$3,544,000"), "$750,000") == 0  # the list adds up to more
    assert part(listed, "$42,727.80") == 0  # the item's digits, a point moved: a slip
    assert part(listed.replace("$3,544.00", "tens of millions of dollars"), "$750,000") == 0  # at least ten million
    assert part("rose to $12,000 from $4,272.78, with $2,306.08 at Walt Disney World", "$750,000") == 0  # earlier
    table, scored = _pairs(records("rose to $12,000 from $4,272.78, with $2,306.08 at Walt Disney World", "$750,000"))
    assert _pair_of(table, scored, "$2,306.08", "$750,000")["part_listed"] == 1


def test_a_record_date_is_no_pay_date_of_another_article() -> None:
    """"Payable May 14, record January 1" against "for the month of March, payable May 14,
    record April 1": January 1 is a record date, March the month paid for, two different
    dates of the payout. The two record dates stay compared."""
    records = _two("VELSA MORTGAGE <VLMZ> CASH DISTRIBUTION RISES\nCHICAGO, March 20 - Velsa Mortgage said the "
                   "distribution will be payable May 14, record January 1.\n",
                   "VELSA MORTGAGE <VLMZ> MONTHLY CASH PAYOUT\nCHICAGO, March 20 - Velsa Mortgage said it declared a "
                   "regular monthly cash distribution of nine cts a unit for the month of March, payable May 14, "
                   "record April 1.\n",
                   titles=("VELSA MORTGAGE <VLMZ> CASH DISTRIBUTION RISES",
                           "VELSA MORTGAGE <VLMZ> MONTHLY CASH PAYOUT"),
                   days=("1987-03-20", "1987-03-20"))
    findings = [f for f in _findings(records) if f.rule == "FC201"]
    assert not [f for f in findings if "“March”" in f.message and f.severity in ("warning", "error")]
    assert [f for f in findings if "“January 1”" in f.message and "“April 1”" in f.message and f.claim
            and f.claim.endswith("record")]


def test_a_short_number_slipped_between_a_company_and_an_official_stays_a_slip() -> None:
    """The company says "a $50 million solar farm", the governor "a $50 billion solar farm":
    two claimants, one fact, and "50" under two magnitude words in sentences alike is the
    shape of a slip however short the number (two claimants are no sign of two facts here)."""
    records = [{"id": "a", "date": "2024-03-02", "url": "https://first-paper.com/a",
                "title": "Velsa plans Reno solar farm",
                "text": "Velsa Energy will build a $50 million solar farm near Reno, the company said on Tuesday."},
               {"id": "b", "date": "2024-03-02", "url": "https://second-site.org/b",
                "title": "Governor backs Reno solar farm",
                "text": "Governor Jane Kenton said on Tuesday that a $50 billion solar farm will be built near Reno."}]
    assert _flagged(records, "$50 million", "$50 billion")


def test_two_runs_of_a_table_whose_every_revenue_differs_alike_count_revenue_two_ways() -> None:
    """Two runs of one quarter's table, every revenue figure of the second about 2 per cent
    lower (its quarter, the year-ago quarter, both half years): one run counts something the
    other leaves out, as a slip changes one figure. One revenue figure changed alone stays a
    finding, and so do figures moved each its own way (columns swapped in one of them, or a few
    per cent up and down), one moved far more than the others, and a correction's."""
    def runs(second: tuple[str, str, str, str]) -> list[dict]:
        def table(revs: tuple[str, str, str, str]) -> str:
            return ("GLOBEX-TEL INC <GLTL> 2ND QTR MAY 31 NET\nPHOENIX, June 22 -\n    Shr 12 cts vs ten cts\n"
                    f"    Net 1,150,000 vs 960,000\n    Revs {revs[0]} vs {revs[1]}\n    Six mths\n"
                    f"    Shr 23 cts vs 19 cts\n    Net 2,210,000 vs 1,830,000\n    Revs {revs[2]} vs {revs[3]}\n")
        first = ("10,252,000", "8,929,000", "20.3 mln", "17.1 mln")
        return [{"id": "run-1", "date": "1987-06-22", "title": "GLOBEX-TEL INC <GLTL> 2ND QTR MAY 31 NET",
                 "text": table(first)},
                {"id": "run-2", "date": "1987-06-22", "title": "GLOBEX-TEL INC <GLTL> 2ND QTR MAY 31 NET",
                 "text": table(second)}]
    assert not _flagged(runs(("10.1 mln", "8.7 mln", "19.9 mln", "16.8 mln")), "10,252,000")
    assert _flagged(runs(("10,252,000", "8,929,000", "19.9 mln", "17.1 mln")), "20.3 mln", "19.9 mln")
    assert _flagged(runs(("8,929,000", "10,252,000", "20.3 mln", "17.1 mln")), "10,252,000")
    # a few per cent each, but not one way, or one far beyond the others: no way of counting
    assert _flagged(runs(("10.1 mln", "9.1 mln", "19.9 mln", "16.8 mln")), "8,929,000")
    assert _flagged(runs(("10.1 mln", "8.7 mln", "19.9 mln", "16.3 mln")), "17.1 mln", "16.3 mln")
    # and a correction may move every figure of a measure alike
    corrected = runs(("10.1 mln", "8.7 mln", "19.9 mln", "16.8 mln"))
    corrected[1]["title"] = "CORRECTED - " + corrected[1]["title"]
    assert float(_pair_of(*_pairs(corrected), "10,252,000", "10.1 mln")["measure_offset"]) == 0.0
    assert float(_pair_of(*_pairs(runs(("10.1 mln", "8.7 mln", "19.9 mln", "16.8 mln"))), "10,252,000",
                          "10.1 mln")["measure_offset"]) == 1.0


def test_a_measure_counted_two_ways_is_read_apart_from_its_per_share_rows() -> None:
    """Every net figure of the second run about 2 per cent lower while the per-share rows,
    which the lexicon also reads as net income, stay the same: the net rows alone are the
    measure counted two ways."""
    def table(nets: tuple[str, str, str, str]) -> str:
        return ("GLOBEX-TEL INC <GLTL> 2ND QTR MAY 31 NET\nPHOENIX, June 22 -\n    Shr 12 cts vs ten cts\n"
                f"    Net {nets[0]} vs {nets[1]}\n    Revs 10.3 mln vs 8.9 mln\n    Six mths\n"
                f"    Shr 23 cts vs 19 cts\n    Net {nets[2]} vs {nets[3]}\n    Revs 20.3 mln vs 17.1 mln\n")
    records = [{"id": f"run-{n}", "date": "1987-06-22", "title": "GLOBEX-TEL INC <GLTL> 2ND QTR MAY 31 NET",
                "text": table(nets)}
               for n, nets in ((1, ("1,150,000", "960,000", "2,210,000", "1,830,000")),
                               (2, ("1,127,000", "941,000", "2,166,000", "1,794,000")))]
    assert float(_pair_of(*_pairs(records), "1,150,000", "1,127,000")["measure_offset"]) == 1.0


def test_two_spans_sharing_no_end_and_of_other_lengths_are_two_periods() -> None:
    """Two outlets' "from 2007 to 2014" (a census) and "between January 2016 and December
    2018" (a rule's years) share neither end and differ by years in length: two periods. A
    term told a year off ("1967 to 1979" / "1966 to 1978") moves both ends alike, and a slip
    moves one ("1996 to 2007" / "1997 to 2007"): those are one span told twice."""
    def spans(first: str, second: str) -> float:
        records = [{"id": f"{outlet}-1", "outlet": outlet, "date": "2018-11-17",
                    "text": f"Elephant trophies ruling. Zambezi elephant herds were counted {span}, the survey said."}
                   for outlet, span in (("Gazette", first), ("Courier", second))]
        return float(_pair_of(*_pairs(records), *(t.split(" ", 1)[1] for t in (first, second)))["spans_differ"])
    assert spans("from 2007 to 2014", "between January 2016 and December 2018") == 1.0
    assert spans("from 1967 to 1979", "from 1966 to 1978") == 0.0
    assert spans("from 1996 to 2007", "from 1997 to 2007") == 0.0




def _returns(stated: str, sentence: str) -> list[dict]:
    """Two outlets on one release of tax returns: the first dates the taxes paid `stated`, the
    second's `sentence` dates something."""
    return [
        {"id": "courier-1", "url": "https://courier.example/1", "date": "2022-04-08",
         "title": "Vales release eight years of tax returns",
         "text": "Vales release eight years of tax returns\nSenator Ada Vale and her husband released eight years "
                 f"of tax returns on Friday. The documents show the Vales have paid $43 million in federal taxes "
                 f"since {stated}.\n"},
        {"id": "gazette-2", "url": "https://gazette.example/2", "date": "2022-04-08",
         "title": "Vale tax returns released",
         "text": f"Vale tax returns released\nSenator Ada Vale and her husband made their tax returns public on "
                 f"Friday. {sentence}\n"},
    ]


_FIRST = "The Vales first made their federal tax returns public in {}, when she ran for the state senate."


@pytest.mark.parametrize(("stated", "other", "two_dates"), [
    ("2007", "1977", True),  # no slip: neither a few years nor one digit
    ("2007", "2006", False),  # a year off
    ("2007", "2017", False),  # one digit
    ("March 3, 2007", "May 18, 2007", True),
    ("May 3, 2007", "May 30, 2007", False),  # a digit added
    ("December 2007", "January 2008", False),  # neighbouring months across a year's end
    ("the third quarter of 2007", "the fourth quarter of 2007", False),
    ("2007", "March 1977", True),  # two grains: compared by their years
    ("the 1980s", "the 1990s", False),
    ("the 1970s", "the 2000s", True),
], ids=lambda v: str(v))
def test_two_dates_no_slip_tells_apart_in_sentences_not_alike_are_two_dates(
        stated: str, other: str, two_dates: bool) -> None:
    """1977 against 2007 is no slip of one year (not a few years, not one digit): in sentences
    that tell different things of the same couple it is two dates, as two amounts with no
    error's shape are two amounts. A year, a month or a day a little off, or one digit of it,
    is a slip's shape, across a year's end too."""
    table, scored = _pairs(_returns(stated, _FIRST.format(other)))
    pair = _pair_of(table, scored, stated.removeprefix("the "), other.removeprefix("the "))
    assert (pair["unexplained"] > 0) == two_dates


def test_one_sentence_told_twice_with_another_year_is_one_event_misdated() -> None:
    """The outlets' sentence told again with 1977 for 2007: one event, whatever the gap."""
    table, scored = _pairs(_returns("2007", "The documents show the Vales have paid $43 million in federal taxes "
                                            "since 1977."))
    assert _pair_of(table, scored, "2007", "1977")["unexplained"] == 0
