"""Date extraction: spans, intervals, granularity and publication-date resolution."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest

from factcheck.extract.dates import find_dates

D = dt.date
PUB = D(2025, 1, 22)  # a Wednesday


def found(text: str, lang: str = "en", pubdate: dt.date | None = None):
    """(surface, date_start, date_end, granularity, resolved) for every date found."""
    return [
        (text[s.start : s.end], s.date_start, s.date_end, s.granularity, s.resolved)
        for s in find_dates(text, lang, pubdate)
    ]


# ----------------------------------------------------------------------------- seed sentences


def test_since_year_is_a_year():
    assert found("Since 2019, Microsoft has invested") == [
        ("2019", D(2019, 1, 1), D(2020, 1, 1), "year", False)
    ]


def test_published_line_gives_the_day_and_no_date_for_the_time():
    assert found("Published: 22 Jan 2025 12:49") == [
        ("22 Jan 2025", D(2025, 1, 22), D(2025, 1, 23), "day", False)
    ]


def test_month_year_has_month_granularity_and_exclusive_end():
    assert found("In March 2023, Musk launched") == [
        ("March 2023", D(2023, 3, 1), D(2023, 4, 1), "month", False)
    ]


def test_december_month_year_ends_in_the_next_year():
    assert found("launched in December 2024") == [
        ("December 2024", D(2024, 12, 1), D(2025, 1, 1), "month", False)
    ]


def test_contract_through_year():
    assert found("contract through 2030") == [("2030", D(2030, 1, 1), D(2031, 1, 1), "year", False)]


def test_bare_month_after_preposition_is_the_latest_such_month_before_publication():
    text = "donations to win the US elections in November is not"
    assert found(text, pubdate=PUB) == [
        ("November", D(2024, 11, 1), D(2024, 12, 1), "month", True)
    ]


def test_bare_month_needs_publication_date():
    assert found("to win the US elections in November is not") == []


def test_german_year_before_participle():
    assert found("Sein 2023 gegründetes KI-Start-up", "de") == [
        ("2023", D(2023, 1, 1), D(2024, 1, 1), "year", False)
    ]


def test_product_number_is_not_a_date():
    assert found("Trainium 2 AI training chips", pubdate=PUB) == []


# ----------------------------------------------------------------------------- full dates


@pytest.mark.parametrize(
    ("text", "lang", "surface", "day"),
    [
        ("on January 22, 2025 the", "en", "January 22, 2025", D(2025, 1, 22)),
        ("on Jan. 22, 2025 the", "en", "Jan. 22, 2025", D(2025, 1, 22)),
        ("at 2025-01-22 the", "en", "2025-01-22", D(2025, 1, 22)),
        ("am 22.01.2025 wurde", "de", "22.01.2025", D(2025, 1, 22)),
        ("am 22. Januar 2025 wurde", "de", "22. Januar 2025", D(2025, 1, 22)),
        ("on the 3rd of March 2024.", "en", "3rd of March 2024", D(2024, 3, 3)),
        ("Monday, March 4, 2024: a", "en", "Monday, March 4, 2024", D(2024, 3, 4)),
        ("i'll go back monday january 12th, 2016", "en", "monday january 12th, 2016",
         D(2016, 1, 12)),
        ("Dienstag den 12. Januar 2016", "de", "Dienstag den 12. Januar 2016", D(2016, 1, 12)),
    ],
)
def test_full_dates_are_days(text, lang, surface, day):
    assert found(text, lang) == [(surface, day, day + dt.timedelta(days=1), "day", False)]


def test_german_day_month_year_with_ordinal_dot():
    assert found("Der Vertrag vom 3. März 2024 gilt", "de") == [
        ("3. März 2024", D(2024, 3, 3), D(2024, 3, 4), "day", False)
    ]


def test_numeric_dates_are_day_first_in_german_and_month_first_in_english():
    assert found("am 01.02.2025", "de")[0][1] == D(2025, 2, 1)
    assert found("on 01/02/2025", "en")[0][1] == D(2025, 1, 2)
    assert found("on 21/04/2016", "en")[0][1] == D(2016, 4, 21)  # 21 can only be the day


def test_weekday_named_with_a_yearless_date_picks_the_year():
    # 18 July is a Friday in 2014, not in 2013
    assert found("Fri, Jul 18", pubdate=D(2013, 2, 12))[0][1] == D(2014, 7, 18)


# ----------------------------------------------------------------------------- month, quarter, half


@pytest.mark.parametrize(
    ("text", "lang", "surface", "start", "end"),
    [
        ("März 2023 war", "de", "März 2023", D(2023, 3, 1), D(2023, 4, 1)),
        ("im Dezember 2024 war", "de", "Dezember 2024", D(2024, 12, 1), D(2025, 1, 1)),
        ("in Jan 2025 we", "en", "Jan 2025", D(2025, 1, 1), D(2025, 2, 1)),
        ("in March of 2023 we", "en", "March of 2023", D(2023, 3, 1), D(2023, 4, 1)),
    ],
)
def test_month_and_year(text, lang, surface, start, end):
    assert found(text, lang) == [(surface, start, end, "month", False)]


@pytest.mark.parametrize(
    ("text", "lang", "start", "gran"),
    [
        ("sales in Q3 2024 rose", "en", D(2024, 7, 1), "quarter"),
        ("in the third quarter of 1986 profit", "en", D(1986, 7, 1), "quarter"),
        ("in the fourth quarter 1986 profit", "en", D(1986, 10, 1), "quarter"),
        ("im dritten Quartal 2024 stieg", "de", D(2024, 7, 1), "quarter"),
        ("in the first half of 2025 the", "en", D(2025, 1, 1), "half"),
        ("im 1. Halbjahr 2024 stieg", "de", D(2024, 1, 1), "half"),
        ("in H1 2025 the", "en", D(2025, 1, 1), "half"),
    ],
)
def test_quarters_and_halves(text, lang, start, gran):
    (_surface, ds, de, g, resolved), = found(text, lang)
    months = 3 if gran == "quarter" else 6
    assert (ds, g, resolved) == (start, gran, False)
    assert (de.year - ds.year) * 12 + de.month - ds.month == months


def test_quarter_without_year_is_the_nearest_to_publication():
    assert found("in the fourth quarter, sales", pubdate=D(1987, 4, 8))[0][1:4] == (
        D(1986, 10, 1), D(1987, 1, 1), "quarter"
    )


def test_english_half_needs_a_year_but_german_halbjahr_does_not():
    assert found("in the second half the team scored", pubdate=PUB) == []
    assert found("im zweiten Halbjahr stieg", "de", PUB)[0][1:4] == (
        D(2024, 7, 1), D(2025, 1, 1), "half"
    )


# ----------------------------------------------------------------------------- years in context


@pytest.mark.parametrize(
    "text",
    [
        "a total of 12,019 cars",
        "the index rose to 2019.5 points",
        "order number 20191",
        "it shipped 2000 tonnes of wheat",
        "it bought 2019 shares",
        "it has 1990 employees",
        "paid $2019 for it",
        "paid €2000 for it",
        "No. 2019 on the list",
        "Boeing 2019 is",
        "a model 2000 engine",
        "up 2019% on the year",
        "rose 2000 percent",
        "at 12:49 local time",
        "call 0800 2019 555",
        "GPT-4 and the 747",
        "version 2.3.1 is out",
        "they won 3-1 at home",
    ],
)
def test_year_followed_by_count_noun_or_inside_a_number_is_not_a_date(text):
    assert found(text, pubdate=PUB) == []


def test_year_after_in_is_a_year_even_before_a_noun():
    assert found("in 2019 workers struck")[0][:4] == ("2019", D(2019, 1, 1), D(2020, 1, 1), "year")


def test_decades_english_and_german():
    assert found("in the 1990s the") == [("1990s", D(1990, 1, 1), D(2000, 1, 1), "decade", False)]
    assert found("in den 90er Jahren war", "de")[0][1:4] == (D(1990, 1, 1), D(2000, 1, 1), "decade")


def test_age_is_not_a_decade():
    assert found("a man in his late 80s said") == []


def test_fiscal_years():
    assert found("in fiscal 1987 the")[0][:4] == ("fiscal 1987", D(1987, 1, 1), D(1988, 1, 1), "year")
    assert found("for fiscal year 1987 the")[0][1:4] == (D(1987, 1, 1), D(1988, 1, 1), "year")
    assert found("im Geschäftsjahr 2023/24 stieg", "de")[0][1:4] == (
        D(2023, 1, 1), D(2025, 1, 1), "year"
    )


# ----------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "lang", "surface", "start", "end", "gran"),
    [
        ("from 2019-2021 the", "en", "2019-2021", D(2019, 1, 1), D(2022, 1, 1), "year"),
        ("between 2019 and 2021 the", "en", "2019 and 2021", D(2019, 1, 1), D(2022, 1, 1), "year"),
        ("von 2020 bis 2023 stieg", "de", "2020 bis 2023", D(2020, 1, 1), D(2024, 1, 1), "year"),
        ("from March to May 2024 the", "en", "March to May 2024", D(2024, 3, 1), D(2024, 6, 1),
         "month"),
        ("from 13 to 15 July 2024 the", "en", "13 to 15 July 2024", D(2024, 7, 13),
         D(2024, 7, 16), "day"),
    ],
)
def test_ranges_are_one_span(text, lang, surface, start, end, gran):
    assert found(text, lang) == [(surface, start, end, gran, False)]


def test_two_years_joined_by_and_without_between_stay_two_dates():
    assert [f[0] for f in found("in 2018, 2019 and 2020 sales rose")] == ["2018", "2019", "2020"]


# ----------------------------------------------------------------------------- publication date


def test_yearless_date_takes_year_from_publication_date():
    assert found("the deal closes April 28, officials said", pubdate=PUB) == [
        ("April 28", D(2025, 4, 28), D(2025, 4, 29), "day", True)
    ]
    # the tense chooses between last year's and this year's 28 December (see test_dates_tense)
    assert found("The plant closed on 28 December.", pubdate=PUB)[0][1] == D(2024, 12, 28)
    assert found("The plant will close on 28 December.", pubdate=PUB)[0][1] == D(2025, 12, 28)
    # without a cue, running text takes the nearest reading
    assert found("The closure on 28 December is a setback for the town.", pubdate=PUB)[0][1] == D(2024, 12, 28)


def test_yearless_date_needs_publication_date():
    assert found("the deal closes April 28, officials said") == []
    assert found("am 3. März", "de") == []


def test_german_yearless_day_month():
    assert found("am 3. März wird", "de", PUB) == [
        ("3. März", D(2025, 3, 3), D(2025, 3, 4), "day", True)
    ]
    assert found("am 3. Mai wurde", "de", PUB)[0][1] == D(2024, 5, 3)  # past tense


def test_relative_year_needs_publication_date():
    assert found("profit fell last year") == []
    assert found("profit fell last year", pubdate=PUB) == [
        ("last year", D(2024, 1, 1), D(2025, 1, 1), "year", True)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "start", "end", "gran"),
    [
        ("sales next month", "en", D(2025, 2, 1), D(2025, 3, 1), "month"),
        ("sales this year", "en", D(2025, 1, 1), D(2026, 1, 1), "year"),
        ("Umsatz im vergangenen Jahr", "de", D(2024, 1, 1), D(2025, 1, 1), "year"),
        ("Umsatz vergangenes Jahr", "de", D(2024, 1, 1), D(2025, 1, 1), "year"),
        ("said yesterday", "en", D(2025, 1, 21), D(2025, 1, 22), "day"),
        ("sagte gestern", "de", D(2025, 1, 21), D(2025, 1, 22), "day"),
        ("said on Wednesday", "en", D(2025, 1, 22), D(2025, 1, 23), "day"),
        ("sagte am Montag", "de", D(2025, 1, 20), D(2025, 1, 21), "day"),
        ("two years ago", "en", D(2023, 1, 1), D(2024, 1, 1), "year"),
        ("vor drei Jahren", "de", D(2022, 1, 1), D(2023, 1, 1), "year"),
    ],
)
def test_relative_dates_resolve_against_publication_date(text, lang, start, end, gran):
    (_, ds, de, g, resolved), = found(text, lang, PUB)
    assert (ds, de, g, resolved) == (start, end, gran, True)


@pytest.mark.parametrize(
    ("text", "lang", "guessed"),
    [
        # a date naming no year is put in the nearest year (or the one the tense asks for)
        ("pay April 28", "en", True),
        ("the rights expire April Nine", "en", True),
        ("sales rose in March", "en", True),
        ("sales at Christmas", "en", True),
        ("am 3. März", "de", True),
        ("in the last week of February", "en", True),
        ("due on the 15th", "en", True),
        ("meets Tuesday 19th", "en", True),
        # words that give the year: read, not guessed
        ("pay April 28, 2025", "en", False),
        ("last March", "en", False),
        ("next June", "en", False),
        ("last Christmas", "en", False),
        ("said yesterday", "en", False),
        ("said on Friday", "en", False),
        ("two weeks ago", "en", False),
        ("the current quarter", "en", False),
        ("im vergangenen Jahr", "de", False),
    ],
)
def test_guessed_marks_a_year_we_chose_not_one_the_words_give(text, lang, guessed):
    (span,) = find_dates(text, lang, PUB)
    assert span.guessed is guessed


def test_a_year_less_end_of_a_range_takes_the_written_year_and_is_not_guessed():
    (span,) = find_dates("from March 3 to April 5, 2024", "en", PUB)
    assert (span.date_start, span.date_end, span.guessed) == (D(2024, 3, 3), D(2024, 4, 6), False)


@pytest.mark.parametrize("days", [-182, -181, -61, -60, -1, 0, 1, 60, 61, 181, 182])
def test_a_yearless_day_takes_its_nearest_year_around_the_publication_date(days):
    day = PUB + dt.timedelta(days=days)
    (span,) = find_dates(f"the meeting on {day:%B} {day.day}", "en", PUB)
    assert span.date_start == day


@pytest.mark.parametrize(("days", "years_back"), [(60, 0), (61, 1), (181, 1), (-60, 0), (-181, 0)])
def test_a_past_verb_moves_a_yearless_day_only_beyond_sixty_days_ahead(days, years_back):
    day = PUB + dt.timedelta(days=days)
    (span,) = find_dates(f"prices fell on {day:%B} {day.day}", "en", PUB)
    assert span.date_start == day.replace(year=day.year - years_back)


def test_an_ordinal_with_a_full_stop_is_no_quarter_in_english():
    assert [s.granularity for s in find_dates("the first. quarter of 2024", "en", PUB)] == ["year"]


def test_black_friday_is_not_on_friday():
    assert found("Black Friday sales", pubdate=PUB)[0][1] == D(2024, 11, 29)


def test_a_weekday_of_a_schedule_is_no_date():
    """"every Friday", "each Tuesday", "jeden (ersten) Freitag" and "the fourth Monday of every
    month" name a recurring day, not one day; "struck a second on Monday" and "the third
    Friday of the month" name one."""
    for text, lang in (("Tenders are held each Tuesday.", "en"), ("The show airs every Friday at nine.", "en"),
                       ("The board meets on the fourth Monday of every month.", "en"),
                       ("Jeden Freitag wird demonstriert.", "de"), ("Jeden ersten Sonntag bleibt sie autofrei.", "de")):
        assert found(text, lang, pubdate=PUB) == [], text
    assert [t for t, *_ in found("It hit one platform and struck a second on Monday.", pubdate=PUB)] == ["Monday"]
    assert [t for t, *_ in found("Options expire on the third Friday of the month.", pubdate=PUB)] == [
        "third Friday of the month"]


def test_holiday_with_year():
    assert found("Ostermontag 2018", "de") == [
        ("Ostermontag 2018", D(2018, 4, 2), D(2018, 4, 3), "day", False)
    ]


def test_morning_is_not_tomorrow():
    assert found("heute Morgen sagte er", "de", PUB) == [
        ("heute", D(2025, 1, 22), D(2025, 1, 23), "day", True)
    ]


# ----------------------------------------------------------------------------- words that are also verbs


def test_may_and_march_as_verbs_are_not_months():
    assert found("Prices may fall. Workers march to the office. You may first try.", pubdate=PUB) == []


def test_capitalised_may_after_preposition_is_a_month():
    assert found("The vote in May was close.", pubdate=PUB) == [
        ("May", D(2024, 5, 1), D(2024, 6, 1), "month", True)
    ]


def test_lowercase_peer_style_text_still_reads_months():
    # all lower case: case says nothing, so "april 22" is read (the nearer April 22: 2017)
    assert found("i'll go back april 22", pubdate=D(2016, 11, 7)) == [
        ("april 22", D(2017, 4, 22), D(2017, 4, 23), "day", True)
    ]


def test_sentence_full_stop_is_not_part_of_the_span():
    assert found("It closed on the 3rd of May.", pubdate=PUB)[0][0] == "3rd of May"


def test_spans_are_sorted_and_do_not_overlap():
    text = "On 22 Jan 2025, after March 2023 and Q3 2024, in 2019-2021 and 1990s, since 2015."
    spans = find_dates(text, "en", PUB)
    assert [text[s.start : s.end] for s in spans] == [
        "22 Jan 2025", "March 2023", "Q3 2024", "2019-2021", "1990s", "2015"
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


# ----------------------------------------------------------------------------- anchors and windows
# The patterns run only at or around anchors (see the module docstring): these pin down what
# the shortcuts must still find, and what a window cut short must not invent.


def test_a_window_cut_inside_a_word_does_not_make_a_month():
    assert found("profits since November 1998 by Marvel.", pubdate=PUB) == [
        ("November 1998", D(1998, 11, 1), D(1998, 12, 1), "month", False)
    ]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Sales rose in the first quarter of the fiscal year 1987.", "first quarter of the fiscal year 1987"),
        ("It was built in the spring of two thousand and twenty-one.", "spring of two thousand and twenty-one"),
        ("It happened a couple of months and a couple of weeks ago.", "a couple of months and a couple of weeks ago"),
        ("It will happen three fridays from tomorrow.", "three fridays from tomorrow"),
    ],
)
def test_long_tails_after_the_anchor_word_are_read_whole(text, surface):
    assert [f[0] for f in found(text, pubdate=PUB)] == [surface]


def test_a_dotted_day_and_month_in_english_only_after_a_weekday():
    assert found("Output rose 1.5 pct; the board meets on Friday 7.2.", pubdate=PUB) == [
        ("Friday 7.2.", D(2025, 2, 7), D(2025, 2, 8), "day", True)
    ]
    assert [f[0] for f in found("Der Umsatz stieg um 1.5 Prozent, am 7.2. tagt der Rat.", "de", PUB)] == ["7.2."]


def test_anchors_next_to_digits_and_suffixes():
    assert [f[0] for f in found("Results for Q3FY2024 and 3Q24; the 1990's, die 1990er Jahre.", pubdate=PUB)] == [
        "FY2024", "3Q24", "1990's", "1990er Jahre"
    ]


# ----------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "1234567890" * 100_000,
        "January " * 125_000,
        "1." * 500_000,
        "January" + " " * 1_000_000 + "5",
        "Q3 2019-2020 12/12/12 " * 2_000,
    ],
)
def test_hostile_digit_run_finishes_quickly(text):
    t0 = time.process_time()
    find_dates(text, "en", PUB)
    assert time.process_time() - t0 < 5.0
