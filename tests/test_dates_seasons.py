"""Seasons of a year named relatively or with its year word ("im Herbst letzten Jahres", "in the
autumn of last year", "im Herbst des Jahres 2024"): the family season_of_year."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.dates import find_dates
from factcheck.extract.dates.assembly import find_dates_by_family

D = dt.date
PUB = D(2013, 2, 12)


def found(text: str, lang: str = "de", pubdate: dt.date | None = PUB):
    return [(text[s.start : s.end], s.date_start, s.date_end, s.granularity, s.resolved)
            for s in find_dates(text, lang, pubdate)]


def test_autumn_of_last_year_is_that_autumn_not_the_whole_year():
    assert found("Die Wahl war im Herbst letzten Jahres.") == [
        ("Herbst letzten Jahres", D(2012, 9, 23), D(2012, 12, 21), "season", True)]


def test_a_genitive_relative_year_reads_the_same():
    assert found("Das soll im Frühjahr des kommenden Jahres kommen.") == [
        ("Frühjahr des kommenden Jahres", D(2014, 3, 20), D(2014, 6, 21), "season", True)]


def test_summer_of_this_year_is_the_coming_summer_of_the_publication_year():
    assert found("im Sommer dieses Jahres") == [
        ("Sommer dieses Jahres", D(2013, 6, 21), D(2013, 9, 23), "season", True)]


def test_a_season_of_the_year_written_needs_no_publication_date():
    assert found("im Herbst des Jahres 2024", pubdate=None) == [
        ("Herbst des Jahres 2024", D(2024, 9, 23), D(2024, 12, 21), "season", False)]


def test_a_season_of_a_relative_year_needs_a_publication_date():
    assert found("im Herbst letzten Jahres", pubdate=None) == []


def test_winter_of_a_relative_year_is_left_to_the_year():
    # in March "the warm winter this year" is the winter that is ending, not the one from December
    assert found("im Winter letzten Jahres") == [("letzten Jahres", D(2012, 1, 1), D(2013, 1, 1), "year", True)]
    assert found("because of the warm winter this year", "en", D(1987, 3, 17)) == [
        ("this year", D(1987, 1, 1), D(1988, 1, 1), "year", True)]


def test_english_season_of_a_relative_year():
    assert found("Sales fell in the autumn of last year.", "en") == [
        ("autumn of last year", D(2012, 9, 23), D(2012, 12, 21), "season", True)]
    assert found("The plant opens in the summer of next year.", "en") == [
        ("summer of next year", D(2014, 6, 21), D(2014, 9, 23), "season", True)]


def test_the_fall_of_last_year_stays_a_decline():
    assert found("Prices recovered from the fall of last year.", "en") == [
        ("last year", D(2012, 1, 1), D(2013, 1, 1), "year", True)]


def test_a_season_before_last_years_thing_is_no_season_of_that_year():
    families = [f for f, _ in find_dates_by_family("in the autumn of last year's election", "en", PUB)]
    assert families == ["relative_period"]


def test_a_season_with_its_year_right_after_it_is_still_the_family_season():
    assert [(f, s.date_start) for f, s in find_dates_by_family("im Herbst 2024", "de", PUB)] == [
        ("season", D(2024, 9, 23))]
