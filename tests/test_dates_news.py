"""Dates in news: tense-aware resolution, weeks, spans of units, seasons, holidays of other
calendars, spelled numbers, date lists, false friends, and linear time on hostile input."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from factcheck.extract.dates import find_dates

D = dt.date
PUB = D(2013, 2, 12)  # a Tuesday


def found(text: str, lang: str = "en", pubdate: dt.date | None = PUB):
    return [(text[s.start : s.end], s.date_start, s.date_end, s.granularity, s.resolved)
            for s in find_dates(text, lang, pubdate)]


def first(text: str, lang: str = "en", pubdate: dt.date | None = PUB):
    spans = found(text, lang, pubdate)
    assert spans, f"no date in {text!r}"
    return spans[0]


# ----------------------------------------------------------------------------- tense


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sales rose sharply at Christmas.", D(2012, 12, 25)),  # past tense: the last one
        ("The shop will open before Christmas.", D(2013, 12, 25)),  # future: the next one
        ("Christmas", D(2013, 12, 25)),  # standing alone, like a calendar entry: the next one
        ("The firm said it expects to close the deal by October 1.", D(2013, 10, 1)),
        ("The plant closed on October 1 after a fire.", D(2012, 10, 1)),
        ("The closure on October 1 is a blow to the town.", D(2012, 10, 1)),  # no cue: nearest
    ],
)
def test_tense_chooses_the_reading_of_a_yearless_date(text, day):
    assert first(text)[1] == day


def test_a_past_verb_does_not_push_a_date_just_ahead_into_last_year():
    # "asked for offers on March 24" in an article of 18 March: this year's 24 March
    assert first("It asked for offers on March 24.", pubdate=D(1987, 3, 18))[1] == D(1987, 3, 24)


def test_present_perfect_is_not_a_past_cue():
    assert first("It has called a special meeting for July 23.", pubdate=D(1987, 6, 18))[1] == D(1987, 7, 23)


def test_weekday_follows_the_tense():
    assert first("The minister said on Monday that")[1] == D(2013, 2, 11)
    assert first("The minister will travel on Monday.")[1] == D(2013, 2, 18)
    assert first("sunday")[1] == D(2013, 2, 17)  # alone: the coming one


def test_this_weekday_and_this_holiday_are_the_coming_ones():
    assert first("this monday")[1] == D(2013, 2, 18)
    assert first("this MLK day")[1] == D(2014, 1, 20)


def test_dateline_is_not_joined_to_the_next_line():
    text = "REGAN DEPARTURE\nWASHINGTON, March 3 -\nLast week's shake-up has"
    assert [f[0] for f in found(text, pubdate=D(1987, 3, 3))] == ["March 3", "Last week"]


# ----------------------------------------------------------------------------- weeks and spans


@pytest.mark.parametrize(
    ("text", "lang", "start", "end", "gran"),
    [
        ("this week", "en", D(2013, 2, 11), D(2013, 2, 18), "week"),
        ("prices fell last week", "en", D(2013, 2, 4), D(2013, 2, 11), "week"),
        ("the week after next", "en", D(2013, 2, 25), D(2013, 3, 4), "week"),
        ("at the end of next week", "en", D(2013, 2, 22), D(2013, 2, 25), "day"),
        ("nächste Woche", "de", D(2013, 2, 18), D(2013, 2, 25), "week"),
        ("the first week of October 2014", "en", D(2014, 10, 6), D(2014, 10, 13), "week"),
        ("over the next three years", "en", D(2014, 1, 1), D(2017, 1, 1), "year"),
        ("in the past two weeks", "en", D(2013, 1, 28), D(2013, 2, 11), "week"),
        ("in den nächsten drei Monaten", "de", D(2013, 3, 1), D(2013, 6, 1), "month"),
        ("in den letzten zwei Tagen", "de", D(2013, 2, 10), D(2013, 2, 12), "day"),
    ],
)
def test_weeks_and_runs_of_units(text, lang, start, end, gran):
    _s, ds, de, g, resolved = first(text, lang)
    assert (ds, de, g, resolved) == (start, end, gran, "2014" not in text)


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("in 3 weeks", "en", D(2013, 3, 5)),
        ("three weeks hence", "en", D(2013, 3, 5)),
        ("3 years from today", "en", D(2016, 2, 12)),
        ("4 tuesdays from now", "en", D(2013, 3, 12)),
        ("2 thursdays ago", "en", D(2013, 1, 31)),
        ("1 month, 21 days ago", "en", D(2012, 12, 22)),
        ("in einer Woche", "de", D(2013, 2, 19)),
    ],
)
def test_points_counted_from_the_publication_date(text, lang, day):
    assert first(text, lang)[1:4] == (day, day + dt.timedelta(days=1), "day")


def test_later_counts_from_the_story_not_the_publication_date():
    assert found("Three months later the plant closed.") == []


def test_thirds_of_months_and_years():
    assert first("prices peaked in mid-March")[1:4] == (D(2013, 3, 11), D(2013, 3, 21), "day")
    assert first("by the end of 2012 it had")[1:4] == (D(2012, 9, 1), D(2013, 1, 1), "month")
    assert first("Anfang 2015 wurde", "de")[1:4] == (D(2015, 1, 1), D(2015, 5, 1), "month")
    assert first("bis Jahresende", "de", D(2016, 3, 1))[1:4] == (D(2016, 9, 1), D(2017, 1, 1), "month")


def test_seasons_need_a_modifier_or_a_year():
    assert first("Prices rose last summer.")[1:4] == (D(2012, 6, 21), D(2012, 9, 23), "season")
    assert first("im Herbst 2015", "de")[1:4] == (D(2015, 9, 23), D(2015, 12, 21), "season")
    assert found("Prices fall in winter.") == []


# ----------------------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Hebrew calendar; the Jewish day begins at nightfall, so the evening before counts
        ("Rosh Hashanah 2023", D(2023, 9, 15), D(2023, 9, 18)),
        ("Yom Kippur 2023", D(2023, 9, 24), D(2023, 9, 26)),
        ("Passover 2024", D(2024, 4, 22), D(2024, 5, 1)),
        ("Hanukkah 2024", D(2024, 12, 25), D(2025, 1, 3)),
        # Orthodox Easter (Julian computus)
        ("Orthodox Easter 2018", D(2018, 4, 8), D(2018, 4, 9)),
        ("Orthodox Easter 2024", D(2024, 5, 5), D(2024, 5, 6)),
        # new moons
        ("Chinese New Year 2014", D(2014, 1, 31), D(2014, 2, 1)),
        ("Chinese New Year 2024", D(2024, 2, 10), D(2024, 2, 11)),
        ("Eid al-Adha 2018", D(2018, 8, 21), D(2018, 8, 22)),
        ("Eid al-Fitr 2018", D(2018, 6, 15), D(2018, 6, 16)),
        ("Diwali 2019", D(2019, 10, 27), D(2019, 10, 28)),
        ("Holi 2019", D(2019, 3, 21), D(2019, 3, 22)),
        # the Sun's sidereal signs
        ("Vaisakhi 2018", D(2018, 4, 14), D(2018, 4, 15)),
        ("Makar Sankranti 2019", D(2019, 1, 15), D(2019, 1, 16)),
        # fixed days moved off weekends
        ("King's Day 2014", D(2014, 4, 26), D(2014, 4, 27)),
    ],
)
def test_holidays_of_other_calendars(text, start, end):
    assert found(text, pubdate=None) == [(text, start, end, "day", False)]


def test_ramadan_lasts_to_the_end_of_the_month():
    _s, ds, de, _g, _r = first("Ramadan 2018", pubdate=None)
    assert (ds, de) == (D(2018, 5, 16), D(2018, 6, 15))


def test_yearless_holiday_with_a_modifier():
    assert first("last chinese new year")[1] == D(2013, 2, 10)
    assert first("Zuckerfest", "de", D(2018, 1, 1))[1] == D(2018, 6, 15)


# ----------------------------------------------------------------------------- words and numbers


def test_spelled_day_after_a_month_reuters_style():
    text = "the new tariffs, starting August six, will be lifted"
    assert first(text, pubdate=D(1987, 3, 20))[:4] == ("August six", D(1987, 8, 6), D(1987, 8, 7), "day")
    assert first("effective March first", pubdate=D(1987, 2, 20))[:2] == ("March first", D(1987, 3, 1))
    assert [f[0] for f in found("in August six people died", pubdate=D(1987, 3, 20))] == ["August"]


def test_spelled_years():
    assert first("founded in nineteen twenty-eight", pubdate=None)[:4] == (
        "nineteen twenty-eight", D(1928, 1, 1), D(1929, 1, 1), "year")
    assert first("Easter Sunday two thousand ten", pubdate=None)[1] == D(2010, 4, 4)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Film von August Diehl wurde gezeigt.", "de"),
        ("a new book by April Ryan", "en"),
        ("The hotline is open on 24/7 basis.", "en"),
        ("shares for 1.5 to 1.9 common shares each", "en"),
        ("Nineteen Eighty-Four is a novel.", "en"),
        ("a visit from Father Christmas", "en"),
        ("Die Zeitung The Independent on Sunday wird eingestellt.", "de"),
        ("She told BBC Radio 4's Today programme that", "en"),
        ("SEP7  6830 UP  100", "en"),
        ("JUL7 1595  UP  17   JUL7 1467  UP  16", "en"),  # a price change, then a contract month
        ("MAY7  1921 OFF 13", "en"),  # a futures price after its contract month
        ("Dec/Jul  12-3/4  over 13      over", "en"),  # a spread of two contract months, then its price
        ("May/Dec  16     under 16-1/2 under", "en"),
        ("paved the way for the Human Rights Act 1998.", "en"),
        ("The trial is expected to last two months.", "en"),
        ("the first current account surplus in 20 years", "en"),
        ("after leaving the club following six years there", "en"),
    ],
)
def test_false_friends_are_not_dates(text, lang):
    assert found(text, lang) == []


def test_a_month_quarter_is_the_quarter_ending_in_that_month():
    pub = D(1987, 4, 27)
    assert [f[:4] for f in found("deficit in the March quarter 1985 and the December quarter", pubdate=pub)] == [
        ("March quarter 1985", D(1985, 1, 1), D(1985, 4, 1), "quarter"),
        ("December quarter", D(1986, 10, 1), D(1987, 1, 1), "quarter"),
    ]
    assert first("the Dec. quarter", pubdate=pub)[:2] == ("Dec. quarter", D(1987, 10, 1))
    # a month that ends no quarter names none
    assert [f[3] for f in found("sales in the May quarter", pubdate=pub)] == []


def test_last_is_a_date_after_the_not_a_verb():
    assert first("sales in the last two months rose", pubdate=D(1987, 4, 27))[:3] == (
        "the last two months", D(1987, 2, 1), D(1987, 4, 1))


@pytest.mark.parametrize(
    ("text", "pub", "span", "start", "end", "resolved"),
    [
        # counted back from the period the sentence named last, not from the publication date
        ("Its net earnings fell to 200,000 dlrs in 1986 from 52.2 mln dlrs the previous year.",
         D(1987, 3, 11), "the previous year", D(1985, 1, 1), D(1986, 1, 1), False),
        ("Production rose 0.3 pct in February from the previous month, the ministry said.",
         D(1987, 3, 27), "the previous month", D(1987, 1, 1), D(1987, 2, 1), True),
        ("In the fourth quarter the surplus rose to 14.1 billion francs from 6.6 billion the prior quarter.",
         D(1987, 3, 12), "the prior quarter", D(1986, 7, 1), D(1986, 10, 1), True),
        ("Purchases grew in December from around 500 mln in each of the previous five months.",
         D(1987, 2, 26), "the previous five months", D(1986, 7, 1), D(1986, 12, 1), True),
        # with no period named before it in the sentence: from the publication date
        ("Qtly div 25 cts vs 23 cts prior qtr", D(1987, 4, 8), "prior qtr", D(1987, 1, 1), D(1987, 4, 1), True),
        # a headline or a new table line is not the same sentence
        ("MORRISON INC 3RD QTR FEB 28 NET\nMOBILE, Ala., March 30 -\nQtly div 12 cts vs 12 cts prior qtr\n",
         D(1987, 3, 30), "prior qtr", D(1986, 10, 1), D(1987, 1, 1), True),
        ("MORRISON INC 3RD QTR FEB 28 NET\nMOBILE, Ala., March 30 -\nShr 35 cts vs 29 cts\n"
         "    Qtly div 12 cts vs 12 cts prior qtr\n", D(1987, 3, 30), "prior qtr", D(1986, 10, 1), D(1987, 1, 1), True),
    ],
)
def test_the_previous_period_counts_back_from_the_one_just_named(text, pub, span, start, end, resolved):
    got = [f for f in found(text, pubdate=pub) if f[0] == span]
    assert [(f[1], f[2], f[4]) for f in got] == [(start, end, resolved)]


@pytest.mark.parametrize(
    ("text", "lang", "pub", "span", "start", "end", "gran"),
    [
        # the period the sentence named last, moved back
        ("The invisible deficit fell to 617 mln dlrs in February from 693 mln a year earlier.", "en",
         D(1987, 3, 27), "a year earlier", D(1986, 2, 1), D(1986, 3, 1), "month"),
        ("Fourth quarter exports fell to 622,000 tonnes from 909,000 tonnes a year earlier, they said.", "en",
         D(1987, 3, 13), "a year earlier", D(1985, 10, 1), D(1986, 1, 1), "quarter"),
        ("Currency in circulation in February fell to 7.43 billion from 8.32 billion a month earlier.", "en",
         D(1987, 3, 16), "a month earlier", D(1987, 1, 1), D(1987, 2, 1), "month"),
        ("The value reached 3.3 trillion in 2004 - triple the value 10 years earlier, a report said.", "en",
         None, "10 years earlier", D(1994, 1, 1), D(1995, 1, 1), "year"),
        ("Der Umsatz stieg 2015 auf 3 Mrd, ein Jahr zuvor waren es 2 Mrd.", "de",
         None, "ein Jahr zuvor", D(2014, 1, 1), D(2015, 1, 1), "year"),
        ("First quarter net rose to 5 mln dlrs from 4 mln dlrs in the year-ago quarter.", "en",
         D(1987, 4, 20), "year-ago quarter", D(1986, 1, 1), D(1986, 4, 1), "quarter"),
        # the noun picks the date: the quarter, not the day it ended (and that quarter is the
        # three months up to that day)
        ("The provision for the first quarter ended January 31 rose to 223 mln dlrs from 187 mln dlrs "
         "in the year-ago quarter.", "en", D(1987, 3, 3), "year-ago quarter", D(1985, 11, 1), D(1986, 2, 1),
         "quarter"),
        # moved back as long as it was: February 29 is a day a year earlier too
        ("On Feb 29, 1988 sales rose from a year earlier.", "en", None, "a year earlier",
         D(1987, 2, 28), D(1987, 3, 1), "day"),
        # "the same month last year": the period named before, a year back; "of 2003": in 2003
        ("Sales in February rose 5 pct from the same month last year.", "en", D(1987, 3, 27),
         "the same month last year", D(1986, 2, 1), D(1986, 3, 1), "month"),
        ("In the fourth quarter profit was 50m, up from 38m in the same period of 2003.", "en", D(2005, 2, 1),
         "the same period of 2003", D(2003, 10, 1), D(2004, 1, 1), "quarter"),
        ("Exports in the first quarter rose from the corresponding quarter a year ago.", "en", D(1987, 4, 27),
         "the corresponding quarter a year ago", D(1986, 1, 1), D(1986, 4, 1), "quarter"),
        # after a quarter "ended" on a day: that quarter, not the day, and of the year it ended in
        ("Net for the first quarter ended January 31, 1987 rose to 5 mln from 4 mln in the year-earlier period.",
         "en", D(1987, 3, 3), "year-earlier period", D(1985, 11, 1), D(1986, 2, 1), "quarter"),
        ("Profit in the fourth quarter ended January 31, 1987 rose from the same quarter of 1986.", "en",
         D(1987, 3, 3), "the same quarter of 1986", D(1985, 11, 1), D(1986, 2, 1), "quarter"),
        # a whole number of the date's own length moves it: "12 months earlier" than 1986
        ("In 1986 sales rose to 5 mln from 4 mln 12 months earlier.", "en", None, "12 months earlier",
         D(1985, 1, 1), D(1986, 1, 1), "year"),
        # read from a date before it (the stand-in of an undated article): moved ahead
        ("In the fourth quarter profit was 50m, up from 38m in the same period of 2003.", "en", D(2000, 7, 1),
         "the same period of 2003", D(2003, 10, 1), D(2004, 1, 1), "quarter"),
        # with no period named before it: the year it names
        ("Sales were up from the same period of 2003.", "en", None, "the same period of 2003",
         D(2003, 1, 1), D(2004, 1, 1), "year"),
        # German "im Vorjahr" counts back from the year named before it
        ("Der Umsatz stieg 2015 auf 3 Mrd nach 2,8 Mrd im Vorjahr.", "de",
         D(2016, 3, 1), "Vorjahr", D(2014, 1, 1), D(2015, 1, 1), "year"),
    ],
)
def test_a_year_earlier_moves_the_period_just_named(text, lang, pub, span, start, end, gran):
    got = [f for f in found(text, lang, pub) if f[0] == span]
    assert [f[1:4] for f in got] == [(start, end, gran)]


@pytest.mark.parametrize(
    "text",
    [
        "A year earlier the plant had closed.",  # no period named before it: nothing to move
        "The board meeting looks set to end today, a day earlier than planned.",
        "In 1990, two years before the war began, the plant closed.",
        "Today it said sales were down from a year before.",  # when it was said, not measured
        # a wire dateline is when the story was filed, not the period it measures
        "NOLAND FEBRUARY SALES\nNEWPORT NEWS, Va., March 2 -\nNoland said sales were off 2.3 pct from a year\nearlier.",
        "S\u00c3O PAULO, March 2 - Sales were up from a year earlier.",
        "LONDON, March 2 \u2013 Sales were up from a year earlier.",
        # a unit finer than the date names no date
        "In 1986 sales rose to 5 mln from 4 mln a day earlier.",
        "Sales in February rose from 3 mln two weeks earlier.",
        "Sales in February were above the same month a year earlier than expected.",
        # a count is not the end of a decimal or a range
        "In 1986 it was up from 2 mln 3.5 years earlier, it said.",
    ],
)
def test_a_year_earlier_is_no_date_without_a_period_of_its_own_sentence_to_move(text):
    assert [f for f in found(text, pubdate=D(1987, 4, 1)) if "earlier" in f[0] or "before" in f[0]] == []


def test_a_year_range_after_the_same_period_stays_a_year_range():
    got = found("exports were 3,000 tonnes in the corresponding period of 1985/86.", pubdate=D(1987, 3, 2))
    assert [f[:4] for f in got] == [("1985/86", D(1985, 1, 1), D(1987, 1, 1), "year")]


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "resolved"),
    [
        ("The provision for the third quarter ended January 31 rose.", "third quarter",
         D(1986, 11, 1), D(1987, 2, 1), True),
        ("Profit for the fourth quarter ended May 30, 1987 rose.", "fourth quarter",
         D(1987, 3, 1), D(1987, 5, 31), False),
        # the fiscal year gives the year, to the day it ended as well
        ("Sales in fiscal 1987 ended September 30 rose.", "fiscal 1987", D(1986, 10, 1), D(1987, 10, 1), False),
        ("Sales in fiscal 1987 ended September 30 rose.", "September 30", D(1987, 9, 30), D(1987, 10, 1), False),
    ],
)
def test_a_period_ended_on_a_day_is_the_months_up_to_it(text, span, start, end, resolved):
    got = [f for f in found(text, pubdate=D(1987, 3, 3)) if f[0] == span]
    assert [(f[1], f[2], f[4]) for f in got] == [(start, end, resolved)]


def test_a_written_year_moves_a_period_and_is_not_read_from_the_publication_date():
    got = [f for f in found("In the fourth quarter profit was up from the same period of 2003.",
                            pubdate=D(2005, 2, 1)) if f[0] == "the same period of 2003"]
    assert [(f[1], f[4]) for f in got] == [(D(2003, 10, 1), False)]


def test_quarter_on_quarter_names_no_quarter():
    assert [f[3] for f in found("Sales rose 2 pct in the March quarter-on-quarter.", pubdate=D(1987, 4, 1))
            if f[3] == "quarter"] == []


def test_a_date_pointing_back_is_not_the_end_of_a_range():
    got = found("Profit rose between 1985 and the previous year.", pubdate=D(1987, 4, 1))
    assert [(f[0], f[1]) for f in got] == [("1985", D(1985, 1, 1)), ("the previous year", D(1984, 1, 1))]


def test_dates_listed_together_share_the_year_written_once():
    text = "July 12th, 2014. July 13th, July 14th"
    assert [(f[0], f[1], f[4]) for f in found(text)] == [
        ("July 12th, 2014", D(2014, 7, 12), False),
        ("July 13th", D(2014, 7, 13), False),
        ("July 14th", D(2014, 7, 14), False),
    ]
    # words between them end the list: the publication date decides
    assert first("In 2014 sales rose. The board meets on July 13.", pubdate=D(2013, 2, 12))[1] == D(2014, 1, 1)
    assert found("In 2014 sales rose. The board meets on July 13.")[1][1] == D(2013, 7, 13)


def test_a_year_written_after_a_list_applies_to_all():
    assert [(f[0], f[1]) for f in found("im April und Mai 2015 durchgeführt", "de")] == [
        ("April", D(2015, 4, 1)), ("Mai 2015", D(2015, 5, 1))]


def test_austrian_heuer_and_times_of_today():
    assert first("Die Ausgaben steigen heuer", "de")[1:4] == (D(2013, 1, 1), D(2014, 1, 1), "year")
    assert first("prices jumped this morning")[1:4] == (D(2013, 2, 12), D(2013, 2, 13), "day")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Darunter leiden wir in Österreich noch heute.", "de"),
        ("Die Verwechslung ist bis heute Thema.", "de"),
        ("Diese Themen besitzen auch heute noch große Aktualität.", "de"),
        ("die Familie in der Welt von heute", "de"),
        ("Der heute 19-jährige Rapper war schon in Haft.", "de"),
        ("die heute wieder regierende Partei", "de"),
        ("Ohne die Grenze wäre sie heute in einer ähnlichen Lage.", "de"),
        ("Er wurde mehrmals gerügt. Heute ist das Thema so dominant, dass es alle betrifft.", "de"),
        ("Früher war das anders, die Politiker haben diese Bereitschaft heute verloren.", "de"),
        ("Vor zehn Jahren war das anders, heute ist alles gut.", "de"),
        ("nach einem Heute-Artikel über Muslime", "de"),
        ("sagte er im ZDF-heute journal.", "de"),
        ("so zeigt es die Sendung Heute konkret.", "de"),
        ("traders said the story, which appeared in USA Today, added speculation", "en"),
        ("asked on a television interview (on NBC-Today) about taxes", "en"),
        ("a poll in tomorrow's Today newspaper", "en"),
        ("the democratic institutions of today, Shultz said", "en"),
        ("The tradition is still today a draw for tourists.", "en"),
    ],
)
def test_today_as_a_name_or_the_present_at_large_is_no_day(text, lang):
    assert [f for f in found(text, lang) if "heute" in f[0].lower() or "today" in f[0].lower()] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("heute", "de"),  # standing alone: the day
        ("heute um 20:00", "de"),
        ("In Wien demonstrierten heute rund 2000 Menschen.", "de"),  # a number is no then-and-now
        ("Die Entscheidung fällt heute. Würde sie negativ ausfallen, gibt es Streik.", "de"),
        ("teilte das Ministerium heute, Freitag, in Berlin mit.", "de"),
        ("Heute, Montag, fährt er nach Wien.", "de"),  # opens its sentence, but a weekday goes with it
        ("Der Film läuft ab heute in den Kinos.", "de"),
        ("Die Pensionskommission überbringe heute gute Nachrichten fürs Budget.", "de"),
        ("The rule takes effect as of today, the agency said.", "en"),
        ("The victor of today's auction has bought itself a headache.", "en"),
        ("some dealers said easier fixtures talked of today involved older tonnage", "en"),
        ("Even today it pressured the market.", "en"),
        ("quarter of 1987.\n    Today the company reported first quarter profit", "en"),
    ],
)
def test_today_stays_the_day_where_the_day_is_meant(text, lang):
    got = [f for f in found(text, lang) if f[0].lower() in ("heute", "today")]
    assert got and got[0][1:4] == (PUB, PUB + dt.timedelta(days=1), "day")


def test_today_in_a_range_is_the_day_it_starts_or_ends_on():
    assert first("Ich bin von heute bis morgen weg.", "de")[:4] == (
        "heute bis morgen", PUB, PUB + dt.timedelta(days=2), "day")
    # a dash of two hyphens after it is no name ("Heute-Show")
    assert first("148 failures this year through today--everyone was paid.")[:3] == (
        "this year through today", D(2013, 1, 1), PUB + dt.timedelta(days=1))


def test_idioms_of_today_and_tomorrow_are_no_dates():
    assert found("Er soll lieber heute als morgen gehen.", "de") == []
    assert found("Das ging von heute auf morgen.", "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "pub", "span", "start", "end", "gran"),
    [
        ("Net profit rose in the first nine months of 1986.", "en", D(1987, 4, 3),
         "the first nine months of 1986", D(1986, 1, 1), D(1986, 10, 1), "month"),
        ("inflation for the first five months of this year", "en", D(1987, 6, 1),
         "the first five months of this year", D(1987, 1, 1), D(1987, 6, 1), "month"),
        ("sales in the last two weeks of 1986", "en", D(1987, 4, 3),
         "the last two weeks of 1986", D(1986, 12, 18), D(1987, 1, 1), "week"),
        # a week without a count is the calendar week with most of its days in the period
        ("first week of 2015", "en", D(2017, 11, 20), "first week of 2015", D(2014, 12, 29), D(2015, 1, 5), "week"),
        ("last week of 2016", "en", D(2018, 11, 29), "last week of 2016", D(2016, 12, 26), D(2017, 1, 2), "week"),
        ("Net income for the nine months ended Sept 30 rose.", "en", D(1987, 4, 3),
         "the nine months ended Sept 30", D(1986, 1, 1), D(1986, 10, 1), "month"),
        ("profit in the six months to March 31, 1987", "en", D(1987, 5, 3),
         "the six months to March 31, 1987", D(1986, 10, 1), D(1987, 4, 1), "month"),
        ("sales for the four weeks ended February 28 rose", "en", D(1987, 3, 5),
         "the four weeks ended February 28", D(1987, 2, 1), D(1987, 3, 1), "week"),
        ("Der Umsatz stieg in den ersten neun Monaten 2015 um fünf Prozent.", "de", D(2015, 11, 5),
         "den ersten neun Monaten 2015", D(2015, 1, 1), D(2015, 10, 1), "month"),
    ],
)
def test_a_part_of_a_period_is_that_part(text, lang, pub, span, start, end, gran):
    assert first(text, lang, pub)[:4] == (span, start, end, gran)


@pytest.mark.parametrize(
    ("text", "span", "gran"),
    [
        ("The vote was postponed by two weeks to March 3.", "March 3", "day"),  # "to" needs "the"
        ("in the 100 days ended March 31", "March 31", "day"),  # "100" is no count of "00"
        ("in the first 0 months of 1986", "1986", "year"),
        ("in the first 14 months of 1986", "1986", "year"),  # more than the year holds
        ("in the last months of 2004", "2004", "year"),  # how many is not said
        ("shares rose on their opening day in May 2004", "May 2004", "month"),  # an event's day
    ],
)
def test_what_is_no_part_of_the_period_leaves_it_whole(text, span, gran):
    got = first(text, pubdate=D(2005, 1, 10))
    assert (got[0], got[3]) == (span, gran)


@pytest.mark.parametrize(
    ("text", "lang", "pub", "span", "start", "end"),
    [
        # the year whose part lies nearest the publication date: a part that has begun...
        ("In the first two months of the year, inflation was 3.8 pct.", "en", D(1987, 3, 10),
         "the first two months of the year", D(1987, 1, 1), D(1987, 3, 1)),
        # ... or has ended lately: in March the last quarter is last year's
        ("demand rose 0.6 pct in the final three months of the year", "en", D(1987, 3, 10),
         "the final three months of the year", D(1986, 10, 1), D(1987, 1, 1)),
        # the tense is read around the whole mention, "had" being nine words before "the year"
        ("The company, which had posted a net loss of 626 mln dlrs in the first six months of "
         "the year, today reported earnings", "en", D(1987, 10, 20),
         "the first six months of the year", D(1987, 1, 1), D(1987, 7, 1)),
        ("In den ersten zehn Monaten des Jahres kamen 600.000 Menschen.", "de", D(2015, 11, 20),
         "den ersten zehn Monaten des Jahres", D(2015, 1, 1), D(2015, 11, 1)),
    ],
)
def test_a_part_of_the_year_is_read_in_the_year_nearest_the_publication_date(text, lang, pub, span, start, end):
    assert first(text, lang, pub)[:4] == (span, start, end, "month")


def test_a_part_of_the_year_is_marked_a_guess_like_any_year_chosen_from_the_publication_date():
    spans = find_dates("Sales in the first two months of the year rose 5 pct.", "en", D(1987, 3, 10))
    assert [(s.date_start, s.guessed) for s in spans] == [(D(1987, 1, 1), True)]


@pytest.mark.parametrize(
    ("text", "lang", "pub", "spans"),
    [
        # a year written after "the year" is the year: no guess beside it
        ("In den ersten zehn Monaten des Jahres 2014 kamen viele.", "de", D(2015, 11, 20), ["2014"]),
        # a fiscal year's end: the day read, not this calendar year's first nine months
        ("Net profit for the first nine months of the year ended March 31, 1987 rose", "en", D(1987, 5, 10),
         ["March 31, 1987"]),
        ("Sales in the first six months of the year to June 1986 rose.", "en", D(1987, 3, 10), ["June 1986"]),
    ],
)
def test_the_year_followed_by_a_year_or_its_end_is_left_to_them(text, lang, pub, spans):
    assert [g[0] for g in found(text, lang, pub)] == spans


def test_the_year_without_a_part_or_a_publication_date_is_no_date():
    assert found("He was named person of the year.", pubdate=D(1987, 3, 10)) == []
    assert found("Sales in the first two months of the year rose.", pubdate=None) == []


@pytest.mark.parametrize(
    ("text", "pub", "span", "start", "end"),
    [
        ("Sales rose in the January-March period.", D(1987, 4, 10), "January-March", D(1987, 1, 1), D(1987, 4, 1)),
        ("white sugar for Mar/Apr shipment", D(1987, 3, 4), "Mar/Apr", D(1987, 3, 1), D(1987, 5, 1)),
        # across the new year, and the range as a whole nearest: not January 1988 in October
        ("consumption in October-February rose", D(1987, 4, 1), "October-February", D(1986, 10, 1), D(1987, 3, 1)),
        ("the January-September surplus widened", D(1987, 10, 19), "January-September", D(1987, 1, 1), D(1987, 10, 1)),
        # a year after the second month is the range's: not "Sept 1986" alone
        ("420,000 tonnes for April-Sept 1986", D(1987, 4, 6), "April-Sept 1986", D(1986, 4, 1), D(1986, 10, 1)),
        ("exports during Jan/Feb 1987 totalled", D(1987, 3, 11), "Jan/Feb 1987", D(1987, 1, 1), D(1987, 3, 1)),
    ],
)
def test_two_months_joined_by_a_hyphen_or_slash_are_a_range(text, pub, span, start, end):
    assert first(text, pubdate=pub)[:4] == (span, start, end, "month")


def test_a_range_of_three_months_before_quarter_is_that_quarter():
    assert first("GNP rose in the January/March quarter.", pubdate=D(1987, 6, 10))[:4] == (
        "January/March quarter", D(1987, 1, 1), D(1987, 4, 1), "quarter")
    # a fiscal quarter is no calendar quarter: the months
    assert first("sales in the November-January quarter", pubdate=D(1987, 3, 13))[:4] == (
        "November-January", D(1986, 11, 1), D(1987, 2, 1), "month")


def test_two_months_before_a_figure_or_a_day_are_no_range():
    assert found("cocoa Jan-Mar 2,000 tonnes", pubdate=D(1987, 3, 1)) == []
    assert first("on 16 January-March", pubdate=D(1987, 3, 1))[0] == "16 January"


@pytest.mark.parametrize(
    ("text", "pub", "span", "start"),
    [
        ("The dollar fell after weak March employment data.", D(1987, 4, 10), "March", D(1987, 3, 1)),
        ("The December meeting was tense.", D(1987, 4, 10), "December", D(1986, 12, 1)),
        # a measure is of a month that has begun, whatever the tense
        ("officials said the February figure will be a final one", D(1987, 4, 20), "February", D(1987, 2, 1)),
        ("revenue was below a December forecast of 2.91 billion", D(1987, 3, 20), "December", D(1986, 12, 1)),
        # an event is read as after "in": the tense decides
        ("OPEC may be forced to meet before a scheduled June session", D(1987, 2, 26), "June", D(1987, 6, 1)),
        # "for" is a preposition before a month like "in"
        ("For March, the bank said sales rose.", D(1987, 4, 10), "March", D(1987, 3, 1)),
        ("Closing of the acquisition is scheduled for April.", D(1987, 2, 10), "April", D(1987, 4, 1)),
    ],
)
def test_a_bare_month_before_a_noun_or_after_for_is_that_month(text, pub, span, start):
    assert first(text, pubdate=pub)[:3] == (span, start, _next_month(start))


def _next_month(d: dt.date) -> dt.date:
    return D(d.year + d.month // 12, d.month % 12 + 1, 1)


@pytest.mark.parametrize(
    ("text", "pub", "span", "start", "end"),
    [
        # goods shipped or delivered: the current month or a later one, whatever the tense
        ("Cotton for December delivery was 1.35 cents higher.", D(1987, 6, 18),
         "December", D(1987, 12, 1), D(1988, 1, 1)),
        ("For September shipment, the Board bought 25,000 tonnes.", D(1987, 6, 20),
         "September", D(1987, 9, 1), D(1987, 10, 1)),
        ("The poultry is for shipment June-September and the bonus was 719.80 dlrs.", D(1987, 6, 5),
         "June-September", D(1987, 6, 1), D(1987, 10, 1)),
        # a trader's pair of abbreviated months: a range not over by the publication date
        ("Aug/Sept at 4,351 dlrs and Oct/Dec at 4,480 dlrs", D(1987, 2, 26), "Aug/Sept", D(1987, 8, 1), D(1987, 10, 1)),
        ("1,460 stg a tonne cif for Dec/Feb, dealers said", D(1987, 4, 7), "Dec/Feb", D(1987, 12, 1), D(1988, 3, 1)),
        ("Jan/May is forecast to fall", D(1987, 4, 7), "Jan/May", D(1987, 1, 1), D(1987, 6, 1)),
        # a pair of months priced is traded, whatever the tense; a price after a comma is no year
        ("Butter went at 2.27 times New York May, June/July at 4,400 dlrs", D(1987, 2, 26),
         "June/July", D(1987, 6, 1), D(1987, 8, 1)),
        ("sales were registered at 785 dlrs for\nMarch/April, 785 dlrs for May", D(1987, 2, 26),
         "March/April", D(1987, 3, 1), D(1987, 5, 1)),
        # ... but a period measured, after "in", before a measure or in brackets, is nearest
        ("growth registered in Oct/Dec may have been inflated", D(1987, 3, 17),
         "Oct/Dec", D(1986, 10, 1), D(1987, 1, 1)),
        ("and took the Nov/Feb total to 2.25 mln tonnes", D(1987, 3, 20), "Nov/Feb", D(1986, 11, 1), D(1987, 3, 1)),
        ("GNP up 0.8 pct (July/Sept revised 0.7 rise)", D(1987, 3, 17), "July/Sept", D(1986, 7, 1), D(1986, 10, 1)),
        ("Exports rose 5 pct in the Jan/Feb period, officials said.", D(1987, 3, 10), "Jan/Feb", D(1987, 1, 1),
         D(1987, 3, 1)),
        # a rate is no price
        ("Inflation in January-March at 4.1 pct was the highest since 1982.", D(1987, 5, 10), "January-March",
         D(1987, 1, 1), D(1987, 4, 1)),
    ],
)
def test_months_of_goods_shipped_lie_ahead_and_periods_measured_nearest(text, pub, span, start, end):
    assert first(text, pubdate=pub)[:3] == (span, start, end)


def test_a_period_in_an_aside_after_a_figure_is_not_what_a_year_earlier_points_back_from():
    got = found("Prices rose 0.8 pct in February, after a 5.0 pct January rise, and were 41.0 pct "
                "below prices a year earlier.", pubdate=D(1987, 3, 20))
    assert got[-1][:3] == ("a year earlier", D(1986, 2, 1), D(1986, 3, 1))
    # an aside opens with a figure: "after a report that ..." is no aside
    got = found("Shares rose after a report that profit in 1986 was up from the previous year.",
                pubdate=D(1988, 3, 10))
    assert got[-1][:3] == ("the previous year", D(1985, 1, 1), D(1986, 1, 1))
    # without the aside the last month named is the one
    got = found("Prices rose 0.8 pct in February and 0.5 pct in January, below a year earlier.",
                pubdate=D(1987, 3, 20))
    assert got[-1][:3] == ("a year earlier", D(1986, 1, 1), D(1986, 2, 1))


@pytest.mark.parametrize(
    "text",
    [
        "May trade figures were weak.",  # "May" opening a sentence may be the verb
        "Traders said May soybeans rose.",  # a futures contract: not in the nouns
        "a tribute for August Wilson",  # "for" and a first name
        "the march sales were low",  # lower case in cased text
        "Der März-Umsatz stieg.",  # English only
        "Oil Prices May Rise On OPEC Cut",  # a title-case headline
        "Prime Minister Theresa May talks with EU leaders.",  # a name before it
        "Theresa May faces a vote. Pressure mounts for May to quit.",  # the story's May is a person
    ],
)
def test_what_is_no_bare_month_before_a_noun(text):
    assert found(text, "de" if "März" in text else "en", D(1987, 4, 10)) == []


def test_a_month_that_is_no_verb_is_read_before_a_noun_at_a_sentence_start():
    assert first("August retail sales rose 0.5 pct.", pubdate=D(1987, 9, 20))[:2] == ("August", D(1987, 8, 1))


def test_a_month_before_a_noun_takes_no_year_from_a_list_before_it():
    got = found("against 10.89 billion in January, 1986.     January imports were 9.19 billion dlrs",
                pubdate=D(1987, 3, 11))
    assert [g[:2] for g in got] == [("January, 1986", D(1986, 1, 1)), ("January", D(1987, 1, 1))]


def test_a_date_read_in_the_words_of_a_part_gives_way_to_it():
    got = found("18.2 pct in 12 months ended December 1986", pubdate=D(1987, 4, 3))
    assert [g[:3] for g in got] == [("12 months ended December 1986", D(1986, 1, 1), D(1987, 1, 1))]
    got = found("sales rose last week ended Friday", pubdate=D(1987, 4, 3))  # not two dates on "week"
    assert [g[:3] for g in got] == [("week ended Friday", D(1987, 3, 28), D(1987, 4, 4))]


def test_the_first_week_of_a_month_is_read_alike_however_the_month_is_named():
    named = first("in the first week of March 1988", pubdate=D(1988, 3, 10))
    this = first("in the first week of this month", pubdate=D(1988, 3, 10))
    assert named[1:4] == this[1:4] == (D(1988, 3, 7), D(1988, 3, 14), "week")  # the first whole week


def test_the_same_period_a_year_earlier_moves_the_part():
    got = found("profit rose in the first nine months of 1986, up from the same period a year earlier",
                pubdate=D(1987, 4, 3))
    assert [g[1:3] for g in got] == [(D(1986, 1, 1), D(1986, 10, 1)), (D(1985, 1, 1), D(1985, 10, 1))]


def test_a_full_stop_after_a_month_written_out_ends_the_date():
    text = "now its current month of February. The first ceremony was held in 1929."
    got = found(text, pubdate=D(2005, 1, 10))
    assert [(f[0], f[3]) for f in got] == [("month of February", "month"), ("1929", "year")]
    assert first("on Feb. 3 the board met", pubdate=D(2005, 1, 10))[:2] == ("Feb. 3", D(2005, 2, 3))


def test_ordinal_full_stop_ends_a_date():
    assert [f[0] for f in found("July 13th.\r\n July 14th", pubdate=D(2000, 1, 1))] == ["July 13th", "July 14th"]


# ----------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "next " * 200_000,
        "the end of the " * 60_000,
        "2 thursdays " * 80_000,
        "nineteen twenty " * 60_000,
        "week " * 200_000,
        "Eid al " * 100_000,
        "1 month, 21 days " * 50_000,
    ],
    ids=["next", "end-of", "n-weekdays", "spelled-years", "week", "holiday-prefix", "compound-duration"],
)
def test_new_families_stay_linear_on_hostile_input(text):
    t0 = time.process_time()
    find_dates(text, "en", PUB)
    assert time.process_time() - t0 < 10.0
