"""Spans found by the extractors, before they become table rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple


class MoneySpan(NamedTuple):
    """A money mention. Values are exact (Decimal) in units of `currency`.

    An immutable named tuple rather than a frozen dataclass: one is built for every money
    mention, and a frozen dataclass of fifteen fields costs four times as much to build.
    """

    start: int
    end: int
    value: Decimal | None  # the amount as stated (midpoint-free: the figure itself)
    low: Decimal | None  # bound implied by the wording; None = open
    high: Decimal | None
    currency: str | None  # ISO 4217, None when the text names none
    qualifier: str  # exact, approx, at_least, more_than, at_most, less_than, up_to, range, vague
    per: str | None = None  # share, year, ... for rates
    number: Decimal | None = None  # the figure as written before any magnitude word (500 in "$500bn")
    magnitude: str | None = None  # the magnitude word as written ("bn", "Milliarden"), lower-cased
    precision: Decimal | None = None  # half a unit of the last digit stated: rounding slack
    # where `currency` comes from: stated, story, dateline, exchange, locale, default
    # (factcheck/extract/currency.py); None when there is no currency
    currency_source: str | None = None
    # the family of currencies the unit word allows when it does not name one ("dollar" for
    # "dlrs", "franc"; "any" for a bare table figure); None when stated
    currency_family: str | None = None
    converts: int | None = None  # `start` of the same amount stated in another currency
    row_label: str | None = None  # the earnings-table row label as written ("Net", "Shr")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date mention: the interval [date_start, date_end) it denotes."""

    start: int
    end: int
    date_start: dt.date
    date_end: dt.date  # exclusive
    granularity: str  # day, month, quarter, half, year, decade
    resolved: bool = False  # year (or more) taken from the publication date
    # the year is our reading of a date that names none ("April 28", "at Christmas": the
    # nearest one, or the one the tense asks for), not one its words give ("last March")
    guessed: bool = False
