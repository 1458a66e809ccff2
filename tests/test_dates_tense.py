"""The tense of a date's clause, read against the publication date: which weekday, month or
holiday a date without a year names, and which part of a period "earlier this year" means."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.dates import find_dates

D = dt.date
TUE = D(2013, 2, 12)  # a Tuesday: the nearest Friday is the coming one (15th), the last the 8th
SAT = D(2013, 2, 16)  # a Saturday: the nearest Friday is yesterday (15th), the coming one the 22nd


def day_of(text: str, word: str, pub: dt.date, lang: str = "en") -> dt.date:
    """The first day of the date read where `word` stands in `text`."""
    at = text.index(word)
    for s in find_dates(text, lang, pub):
        if s.start <= at < s.end:
            return s.date_start
    raise AssertionError(f"no date read at {word!r} in {text!r}")


# ----------------------------------------------------------------------------- the words of the tense


@pytest.mark.parametrize(
    ("text", "pub", "day"),
    [
        ("The council is to meet again on Friday.", SAT, D(2013, 2, 22)),
        ("The ministers are to sign the treaty on Friday.", SAT, D(2013, 2, 22)),
        ("Production is set to start in October.", D(2013, 3, 23), D(2013, 10, 1)),
        ("He'll testify before the committee on Friday.", SAT, D(2013, 2, 22)),  # straight apostrophe
        ("The board won\u2019t meet on Friday.", SAT, D(2013, 2, 22)),  # not the past "won"
    ],
)
def test_be_to_and_contracted_will_put_a_date_ahead(text, pub, day):
    assert day_of(text, "Friday" if "Friday" in text else "October", pub) == day


def test_the_future_of_a_past_time_takes_the_nearest_reading():
    # "was set to convene": ahead of a past time, not of the publication; "was" is no cue then
    assert day_of("The committee was set to convene on Friday.", "Friday", TUE) == D(2013, 2, 15)
    assert day_of("The franc came under pressure ahead of the realignment on Friday.", "Friday", TUE) == D(2013, 2, 15)


@pytest.mark.parametrize(
    ("text", "lang", "word", "pub", "day"),
    [
        ("Shares have fallen 24 pct since Friday.", "en", "Friday", TUE, D(2013, 2, 8)),
        ("Das Werk steht seit Freitag still.", "de", "Freitag", TUE, D(2013, 2, 8)),
        # the nearest 3 September is the coming one
        ("Output has been halted since September 3.", "en", "September", D(2013, 3, 20), D(2012, 9, 3)),
    ],
)
def test_since_puts_a_date_before_the_publication(text, lang, word, pub, day):
    assert day_of(text, word, pub, lang) == day


def test_tense_words_are_read_in_the_document_language_only():
    # "plant" is a German verb ("plans") and "war" a German "was"; in English they are nouns
    assert day_of("Smoke rose over the plant on Friday.", "Friday", TUE) == D(2013, 2, 8)
    assert day_of("A court will hear the war crimes case on Friday.", "Friday", SAT) == D(2013, 2, 22)
    # German "will" (wants to) is a future in German text
    assert day_of("Die Regierung will am Freitag entscheiden.", "Freitag", SAT, "de") == D(2013, 2, 22)


def test_upcoming_before_a_weekday_is_the_coming_one():
    spans = [(s.date_start, s.end - s.start) for s in find_dates("The vote is on the upcoming Friday.", "en", SAT)]
    assert spans == [(D(2013, 2, 22), len("upcoming Friday"))]


def test_a_time_of_day_keeps_a_weekday_standing_alone():
    # nothing but the date, a time and function words: read forward like a calendar entry
    assert day_of("at 9am on Saturday", "Saturday", TUE) == D(2013, 2, 16)


# ----------------------------------------------------------------------------- the clause of the date


@pytest.mark.parametrize(
    ("text", "lang", "word", "pub", "day"),
    [
        # "were hoping" is the clause before "that"; the elections' own verb is "would offer"
        ("Some lawmakers were hoping that the leadership elections on Thursday would offer a chance.",
         "en", "Thursday", SAT, D(2013, 2, 21)),
        ("Sie waren sicher, dass die Gespräche am Freitag beginnen werden.", "de", "Freitag", SAT, D(2013, 2, 22)),
        # "that" before a noun begins no clause: "will raise" is the date's verb
        ("The chain will raise that price on Friday.", "en", "Friday", SAT, D(2013, 2, 22)),
    ],
)
def test_a_verb_before_a_clause_start_belongs_to_another_clause(text, lang, word, pub, day):
    assert day_of(text, word, pub, lang) == day


@pytest.mark.parametrize(
    ("text", "word", "pub", "day"),
    [
        # the nearest fourth quarter is last year's; the relative clause says it lies ahead
        ("Cash flow should turn positive by the fourth quarter, which will help the buyback.",
         "fourth", D(2013, 3, 20), D(2013, 10, 1)),
        # the nearest January is the coming one; the when-clause says it is past
        ("The row dates back to January, when the governor claimed otherwise.", "January", D(2016, 8, 31),
         D(2016, 1, 1)),
        ("Delors put forward proposals for a final phase of liberalisation in October that would include "
         "safeguards.", "October", D(2013, 4, 5), D(2013, 10, 1)),
    ],
)
def test_a_relative_clause_after_the_date_tells_of_it(text, word, pub, day):
    assert day_of(text, word, pub) == day


@pytest.mark.parametrize(
    ("text", "word", "day"),
    [
        # the date is when it was said; "he would fight" is what was said
        ("The speaker told committee members Wednesday he would fight for a tax rise.", "Wednesday", D(2013, 2, 13)),
        ("The company said in a statement on Friday that it will not comment.", "Friday", D(2013, 2, 15)),
        # without a reporting verb the subject after a fronted date begins the date's own clause
        ("On Thursday he will travel to Paris.", "Thursday", D(2013, 2, 21)),
    ],
)
def test_what_was_said_does_not_date_the_saying(text, word, day):
    assert day_of(text, word, SAT) == day


def test_between_now_and_a_date_puts_it_ahead():
    # the nearest 22 October is last year's
    text = "The price will be kept unless between now and October 22 the average falls."
    assert day_of(text, "October", D(1987, 3, 21)) == D(1987, 10, 22)


# ----------------------------------------------------------------------------- participles


@pytest.mark.parametrize(
    ("text", "word", "pub", "day"),
    [
        ("The vote will be held on Friday.", "Friday", SAT, D(2013, 2, 22)),
        ("The balance would be paid on December 15.", "December", D(2013, 6, 18), D(2013, 12, 15)),
        ("Talks are to be held in Vienna on Friday.", "Friday", SAT, D(2013, 2, 22)),
    ],
)
def test_a_past_participle_after_be_is_no_past_event(text, word, pub, day):
    assert day_of(text, word, pub) == day


def test_followed_by_orders_events_and_is_no_past():
    # published on a Wednesday morning: the House votes tomorrow, not last Thursday
    text = "The override is expected to begin in the Senate on Wednesday, followed by the House on Thursday."
    assert day_of(text, "Thursday", D(2013, 2, 13)) == D(2013, 2, 14)


def test_a_past_participle_after_its_noun_stays_past():
    # a passive without "be": emails released (in the past) on Friday
    assert day_of("Emails released by the State Department on Friday angered him.", "Friday", TUE) == D(2013, 2, 8)


# ----------------------------------------------------------------------------- reporting verbs


@pytest.mark.parametrize(
    ("text", "word", "pub", "day"),
    [
        # function words between the reporting verb and the date: when it was said
        ("The spokeswoman said in a Friday email that she did not want it included.", "Friday", TUE, D(2013, 2, 8)),
        ("He said on the Sunday morning show that talks go on.", "Sunday", D(2013, 2, 14), D(2013, 2, 10)),
        # right after the date: the clause's verb
        ("President Trump on Saturday announced a compromise plan.", "Saturday", D(2013, 2, 15), D(2013, 2, 9)),
    ],
)
def test_a_reporting_verb_next_to_the_date_says_when_it_was_said(text, word, pub, day):
    assert day_of(text, word, pub) == day


@pytest.mark.parametrize(
    ("text", "word", "day"),
    [
        # "that" between: the date belongs to what was said, whose verb is "would meet"
        ("The spokesman said that on Thursday the envoy would meet officials.", "Thursday", D(2013, 2, 21)),
        # a deadline is what was said, not when
        ("The minister said by Friday the deal would close.", "Friday", D(2013, 2, 22)),
    ],
)
def test_a_date_after_said_that_or_said_by_is_the_reported_one(text, word, day):
    assert day_of(text, word, SAT) == day


# ----------------------------------------------------------------------------- pointing back from a part


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        # "the previous year" counts back from the year the fourth quarter of 1986 is of
        ("Profit rose in the fourth quarter of 1986 to 5 mln dlrs from 4 mln dlrs the previous year.",
         "the previous year", D(1985, 1, 1), D(1986, 1, 1)),
        # and "the previous month" from the month of a day named
        ("Stocks on February 28 were 410 mln lbs, up from 351 mln the previous month.",
         "the previous month", D(1987, 1, 1), D(1987, 2, 1)),
    ],
)
def test_the_previous_period_counts_back_from_the_period_a_part_named_before_is_of(text, span, start, end):
    spans = {text[s.start : s.end]: (s.date_start, s.date_end) for s in find_dates(text, "en", D(1987, 3, 3))}
    assert spans[span] == (start, end)


# ----------------------------------------------------------------------------- parts of a period


def read(text: str, pub: dt.date, lang: str = "en") -> list[tuple[str, dt.date, dt.date, str, bool]]:
    return [(text[s.start : s.end], s.date_start, s.date_end, s.granularity, s.resolved)
            for s in find_dates(text, lang, pub)]


@pytest.mark.parametrize(
    ("text", "lang", "pub", "span", "start", "end"),
    [
        # up to the publication day, that day included
        ("The firm closed 25 of its stores earlier this year.", "en", D(2013, 4, 9), "earlier this year",
         D(2013, 1, 1), D(2013, 4, 10)),
        ("The banks agreed earlier this week to wait.", "en", D(2013, 2, 14), "earlier this week",
         D(2013, 2, 11), D(2013, 2, 15)),
        ("So far this year, sales are down 40 pct.", "en", D(2013, 4, 24), "So far this year",
         D(2013, 1, 1), D(2013, 4, 25)),
        ("Sales this year so far are down 40 pct.", "en", D(2013, 4, 24), "this year so far",
         D(2013, 1, 1), D(2013, 4, 25)),
        ("They met earlier in the week.", "en", D(2013, 2, 14), "earlier in the week", D(2013, 2, 11), D(2013, 2, 15)),
        ("Der Umsatz stieg bisher in diesem Jahr um drei Prozent.", "de", D(2013, 5, 15), "bisher in diesem Jahr",
         D(2013, 1, 1), D(2013, 5, 16)),
        # from the publication day to the period's end
        ("Talks resume later this month.", "en", D(2013, 6, 2), "later this month", D(2013, 6, 2), D(2013, 7, 1)),
        ("He will appoint a committee later this week.", "en", TUE, "later this week", TUE, D(2013, 2, 18)),
        ("Die Wahl soll noch in diesem Jahr stattfinden.", "de", D(2013, 5, 15), "noch in diesem Jahr",
         D(2013, 5, 15), D(2014, 1, 1)),
    ],
)
def test_earlier_and_later_in_the_current_period_are_its_parts_before_and_after_the_publication_day(
        text, lang, pub, span, start, end):
    gran = "week" if "week" in span else "month" if "month" in span else "year"  # the period's, as before
    assert read(text, pub, lang) == [(span, start, end, gran, True)]


@pytest.mark.parametrize(
    ("text", "lang", "pub", "span", "start", "end", "gran"),
    [
        ("The plant opens early next year.", "en", TUE, "early next year", D(2014, 1, 1), D(2014, 5, 1), "year"),
        ("Rates rose late last year.", "en", TUE, "late last year", D(2012, 9, 1), D(2013, 1, 1), "year"),
        ("Ende dieses Jahres soll das Werk fertig sein.", "de", TUE, "Ende dieses Jahres", D(2013, 9, 1),
         D(2014, 1, 1), "year"),
        ("Die Preise stiegen Anfang der Woche.", "de", D(2013, 2, 15), "Anfang der Woche", D(2013, 2, 11),
         D(2013, 2, 14), "week"),
        # a third that holds the publication day is cut there by the tense of its clause
        ("Sales rose early this week.", "en", TUE, "early this week", D(2013, 2, 11), D(2013, 2, 13), "week"),
        ("The plant will close late this month.", "en", D(2013, 2, 25), "late this month", D(2013, 2, 25),
         D(2013, 3, 1), "month"),
        # without a cue the whole third
        ("Talks late this month in Tokyo.", "en", D(2013, 2, 25), "late this month", D(2013, 2, 21),
         D(2013, 3, 1), "month"),
    ],
)
def test_a_third_of_a_relative_period_is_read_and_cut_at_the_publication_day_by_the_tense(
        text, lang, pub, span, start, end, gran):
    assert read(text, pub, lang) == [(span, start, end, gran, True)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The plant may open as early as next year.", "next year"),  # it may be any time next year
        ("Construction will start this year.", "this year"),  # "start" is a verb here
        ("Talks will resume earlier next year.", "next year"),  # only the current period has a before
    ],
)
def test_what_is_no_part_of_a_period_leaves_the_period_whole(text, span):
    assert [r[0] for r in read(text, TUE)] == [span]


def test_a_year_earlier_than_so_far_this_year_is_the_same_part_of_last_year():
    text = "Exports so far this year reached 588,720 tonnes against 769,874 a year earlier."
    spans = {r[0]: r[1:3] for r in read(text, D(1987, 3, 26))}
    assert spans["a year earlier"] == (D(1986, 1, 1), D(1986, 3, 27))


@pytest.mark.parametrize(
    ("text", "pub", "span", "start", "end"),
    [
        # the part of the year that holds the publication day, up to it (past) or from it (future)
        ("Rates have been raised nine times since the start of the year.", D(1987, 3, 5), "the start of the year",
         D(1987, 1, 1), D(1987, 3, 6)),
        ("The deal is expected to close by the end of the year.", D(1987, 10, 20), "the end of the year",
         D(1987, 10, 20), D(1988, 1, 1)),
        ("The exchange hopes to begin night trading at the end of the month.", D(1987, 3, 30), "the end of the month",
         D(1987, 3, 30), D(1987, 4, 1)),
        ("The talks will end by the end of this week.", SAT, "the end of this week", SAT, D(2013, 2, 18)),
        # a part that does not hold the publication day stays whole, whatever the tense
        ("Sales rose at the end of the year.", D(1987, 3, 5), "the end of the year", D(1987, 9, 1), D(1988, 1, 1)),
    ],
)
def test_a_period_edge_that_holds_the_publication_day_is_cut_there_by_the_tense(text, pub, span, start, end):
    spans = {r[0]: r[1:3] for r in read(text, pub)}
    assert spans[span] == (start, end)
