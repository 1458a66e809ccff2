"""Date readings of forms news uses that were wrong or missed, one section per class of form
(each test failed on the code before its fix, but for those that show where a fix stops)."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.dates import find_dates

D = dt.date
PUB = D(2013, 2, 12)  # a Tuesday


def found(text: str, lang: str = "en", pubdate: dt.date | None = PUB):
    return [(text[s.start : s.end], s.date_start, s.date_end, s.granularity, s.resolved)
            for s in find_dates(text, lang, pubdate)]


# ----------------------------------------------------------------------------- weeks of a month


def test_the_fourth_week_of_a_month_is_its_fourth_whole_week_not_its_first():
    # April 2012 has whole weeks from the 2nd, 9th, 16th, 23rd
    assert found("Exports recovered in the fourth week of April.", pubdate=D(2012, 5, 10)) == [
        ("the fourth week of April", D(2012, 4, 23), D(2012, 4, 30), "week", True)]


def test_a_declined_german_week_ordinal_reads_the_week_of_the_month():
    assert found("Der Streik begann in der letzten Woche im August 2011.", "de") == [
        ("letzten Woche im August 2011", D(2011, 8, 22), D(2011, 8, 29), "week", False)]
    assert found("in der zweiten Woche im Mai 2014", "de") == [
        ("zweiten Woche im Mai 2014", D(2014, 5, 12), D(2014, 5, 19), "week", False)]


def test_a_german_week_ordinal_without_a_month_stays_a_relative_week():
    assert found("in der letzten Woche", "de") == [("letzten Woche", D(2013, 2, 4), D(2013, 2, 11), "week", True)]


# ----------------------------------------------------------------------------- holidays


def test_the_declined_second_day_of_christmas_is_the_26th():
    assert found("Das Spiel findet am zweiten Weihnachtsfeiertag 2014 statt.", "de") == [
        ("zweiten Weihnachtsfeiertag 2014", D(2014, 12, 26), D(2014, 12, 27), "day", False)]
    assert found("am ersten Weihnachtstag 2014", "de") == [
        ("ersten Weihnachtstag 2014", D(2014, 12, 25), D(2014, 12, 26), "day", False)]


# ----------------------------------------------------------------------------- a year after the date


def test_a_year_written_after_a_month_with_in_is_that_months_year():
    assert found("The last vote of that kind was held in February in 1974.", pubdate=D(2005, 3, 1)) == [
        ("February in 1974", D(1974, 2, 1), D(1974, 3, 1), "month", False)]


def test_a_year_after_a_range_dates_both_its_ends():
    assert found("The fair ran from 26 June to 28 June in 2009.") == [
        ("26 June to 28 June in 2009", D(2009, 6, 26), D(2009, 6, 29), "day", False)]
    assert found("The fair moved from March in 1986 to April in 1987.", pubdate=D(1987, 4, 2)) == [
        ("March in 1986 to April in 1987", D(1986, 3, 1), D(1987, 5, 1), "month", False)]


def test_a_relative_year_after_a_day_is_that_days_year():
    assert found("The tranche falls due on December 31 this year.", pubdate=D(1987, 4, 2)) == [
        ("December 31 this year", D(1987, 12, 31), D(1988, 1, 1), "day", True)]
    assert found("Output fell from June 30 last year.", pubdate=D(1987, 4, 2)) == [
        ("June 30 last year", D(1986, 6, 30), D(1986, 7, 1), "day", True)]
    assert found("Zuletzt siegte das Team am 21. September letzten Jahres.", "de") == [
        ("21. September letzten Jahres", D(2012, 9, 21), D(2012, 9, 22), "day", True)]


def test_des_vorjahres_after_a_period_is_the_year_before_the_publication_year():
    # not two dates, the second pointing back from the first: "Vorjahres" is the period's year
    assert found("Der Umsatz im vierten Quartal des Vorjahres sank.", "de") == [
        ("vierten Quartal des Vorjahres", D(2012, 10, 1), D(2013, 1, 1), "quarter", True)]
    assert found("Seit Mai des Vorjahres ist er im Amt.", "de") == [
        ("Mai des Vorjahres", D(2012, 5, 1), D(2012, 6, 1), "month", True)]


def test_a_year_after_a_date_is_not_taken_across_punctuation_or_by_a_possessive():
    assert found("Prices rose in March; in 2009 they fell.", pubdate=D(2010, 5, 3)) == [
        ("March", D(2010, 3, 1), D(2010, 4, 1), "month", True), ("2009", D(2009, 1, 1), D(2010, 1, 1), "year", False)]
    assert [f[0] for f in found("On March 3 last year's profit was restated.")] == ["March 3", "last year"]


def test_a_date_with_its_own_year_keeps_it():
    assert found("Talks began on June 3, 2008 in 2008 terms.")[0][:3] == ("June 3, 2008", D(2008, 6, 3), D(2008, 6, 4))


# ----------------------------------------------------------------------------- between ... and


def test_between_two_months_is_the_range_from_the_first_to_the_second():
    assert found("Sales fell between October and December.", pubdate=D(2005, 2, 3)) == [
        ("October and December", D(2004, 10, 1), D(2005, 1, 1), "month", True)]
    assert found("Zwischen Jänner und November 2015 stiegen die Preise.", "de") == [
        ("Jänner und November 2015", D(2015, 1, 1), D(2015, 12, 1), "month", False)]


def test_between_two_months_takes_a_relative_year_written_after_them():
    assert found("Imports rose between June and August last year.", pubdate=D(1987, 4, 2)) == [
        ("June and August last year", D(1986, 6, 1), D(1986, 9, 1), "month", True)]


def test_between_two_days_of_a_month_is_a_range_of_days():
    assert found("The winners are named between 13 and 15 March 2005.") == [
        ("13 and 15 March 2005", D(2005, 3, 13), D(2005, 3, 16), "day", False)]
    assert found("Die Umfrage lief zwischen dem 24. und dem 26. Juni 2015.", "de") == [
        ("24. und dem 26. Juni 2015", D(2015, 6, 24), D(2015, 6, 27), "day", False)]


def test_two_months_or_days_joined_by_and_without_between_stay_a_list():
    assert [f[0] for f in found("Prices rose in March and May.")] == ["March"]
    assert [f[0] for f in found("The board met on 4 and 22 January 2009.")] == ["22 January 2009"]


# ----------------------------------------------------------------------------- the year first in a code


def test_a_quarter_code_after_its_year_is_that_quarter():
    assert found("Its 2019 Q3 results beat forecasts.") == [
        ("2019 Q3", D(2019, 7, 1), D(2019, 10, 1), "quarter", False)]
    assert found("during 2017-q1") == [("2017-q1", D(2017, 1, 1), D(2017, 4, 1), "quarter", False)]


def test_a_half_code_after_its_year_needs_a_hyphen_or_slash():
    assert found("guidance for 2019-H2") == [("2019-H2", D(2019, 7, 1), D(2020, 1, 1), "half", False)]
    assert found("by 2030 H2 output will double") == [("2030", D(2030, 1, 1), D(2031, 1, 1), "year", False)]


# ----------------------------------------------------------------------------- years in words


def test_a_month_before_a_year_in_words_is_that_month():
    assert found("The treaty was signed in October two thousand and five.") == [
        ("October two thousand and five", D(2005, 10, 1), D(2005, 11, 1), "month", False)]
    assert found("on the third of March nineteen ninety") == [
        ("third of March nineteen ninety", D(1990, 3, 3), D(1990, 3, 4), "day", False)]


def test_a_number_in_words_after_a_month_is_a_count_not_a_day_or_a_year():
    assert found("In October two thousand people marched.") == [
        ("October", D(2012, 10, 1), D(2012, 11, 1), "month", True)]
    assert found("on 3 March two thousand people marched") == [("3 March", D(2013, 3, 3), D(2013, 3, 4), "day", True)]


# ----------------------------------------------------------------------------- counts


def test_a_count_after_the_last_belongs_to_that_run_not_to_a_later_ago():
    assert found("They searched for the last 3 months and 2 days ago found it.") == [
        ("the last 3 months", D(2012, 11, 1), D(2013, 2, 1), "month", True),
        ("2 days ago", D(2013, 2, 10), D(2013, 2, 11), "day", True)]


# ----------------------------------------------------------------------------- sentence ends


def test_a_relative_year_after_a_full_stop_is_not_the_months_year():
    assert found("The vote will be held in December. Next year turnout will fall.") == [
        ("December", D(2013, 12, 1), D(2014, 1, 1), "month", True),
        ("Next year", D(2014, 1, 1), D(2015, 1, 1), "year", True)]
    assert found("It fell between March and May. Next year it will rise.")[0][:3] == (
        "March and May", D(2013, 3, 1), D(2013, 6, 1))


def test_an_abbreviated_month_keeps_its_relative_year():
    assert found("It rose in Sept. last year.") == [("Sept. last year", D(2012, 9, 1), D(2012, 10, 1), "month", True)]
