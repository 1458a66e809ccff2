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
