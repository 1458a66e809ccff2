"""Extraction: one document in, its money and date mentions out (as table rows)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from factcheck.documents import Document
from factcheck.extract.currency import context_of
from factcheck.extract.dates import find_dates
from factcheck.extract.money import find_money
from factcheck.extract.sentences import SentenceIndex
from factcheck.spans import DateSpan, MoneySpan

_STAND_IN = dt.date(2000, 7, 1)  # a leap year, so "Feb. 29" still reads


_NEWLINE = re.compile("\n")
_QUOTE_SPAN = 1000  # a "sentence" longer than twice this (a table dump) is quoted around the mention


def _quote(text: str, a: int, b: int, start: int, end: int) -> str:
    """The sentence holding a mention, cut to a window when it is very long: every row copies
    it, so an unbounded sentence would make time and memory grow with its square."""
    if b - a > 2 * _QUOTE_SPAN:
        a, b = max(a, start - _QUOTE_SPAN), min(b, end + _QUOTE_SPAN)
    return text[a:b]


def _f(x) -> float | None:
    return None if x is None else float(x)


def find_mentions(doc: Document) -> tuple[list[dict[str, Any]], SentenceIndex]:
    """The document's mentions as rows of the INTERFACES.md columns, sorted by offset.

    A date inside a money span ("$2019") is dropped: the money reading wins.
    """
    text, lang = doc.text, doc.lang
    # what the document's unmarked "dlrs", "francs" and bare table figures mean: decided once
    context = context_of(text, lang, title=doc.title, date=doc.date, locale=doc.locale)
    money = find_money(text, lang, context)
    # Without a publication date, "April 28" or "last year" are still mentions: they are read
    # against a fixed stand-in date and listed with their interval left unknown.
    dates = find_dates(text, lang, doc.date or _STAND_IN)
    taken = [(m.start, m.end) for m in money]
    dates = [d for d in dates if not any(a < d.end and d.start < b for a, b in taken)]
    sidx = SentenceIndex(text)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    doc_date = doc.date.isoformat() if doc.date else None
    rows = [_row(doc, s, sidx, newlines, doc_date) for s in (*money, *dates)]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows, sidx


def _row(doc: Document, s: MoneySpan | DateSpan, sidx: SentenceIndex, newlines: list[int],
         doc_date: str | None) -> dict[str, Any]:
    """One mention's row, its columns in one order whatever the kind. `doc_date`: the
    document's date as written in every row (read once per document by `find_mentions`)."""
    a, b = sidx.around(s.start, s.end)
    line = bisect.bisect_left(newlines, s.start)  # newlines before the mention
    col = s.start - (newlines[line - 1] + 1 if line else 0)
    row: dict[str, Any] = {
        "doc": doc.id, "doc_date": doc_date,
        "kind": "money" if isinstance(s, MoneySpan) else "date",
        "start": s.start, "end": s.end, "text": doc.text[s.start : s.end], "lang": doc.lang,
        "sentence": _quote(doc.text, a, b, s.start, s.end), "sent_start": a, "sent_end": b, "line": line + 1,
        "col": col + 1,
        "value": None, "low": None, "high": None, "currency": None, "qualifier": None,
        "per": None, "number": None, "magnitude": None,
        "exact": None, "precision": None, "date_start": None, "date_end": None, "granularity": None,
        "resolved": None, "guessed": None,
        "currency_source": None, "currency_family": None, "converts": None, "row_label": None,
    }
    if isinstance(s, MoneySpan):
        row.update(value=_f(s.value), low=_f(s.low), high=_f(s.high), currency=s.currency,
                   qualifier=s.qualifier, per=s.per, number=_f(s.number), magnitude=s.magnitude,
                   precision=_f(s.precision),
                   exact=None if s.value is None else format(s.value.normalize(), "f"),
                   currency_source=s.currency_source, currency_family=s.currency_family,
                   converts=s.converts, row_label=s.row_label)
    elif s.resolved and doc.date is None:
        row.update(granularity=s.granularity, resolved=False)  # no anchor: interval unknown
    else:
        row.update(date_start=s.date_start.isoformat(), date_end=s.date_end.isoformat(),
                   granularity=s.granularity, resolved=s.resolved, guessed=s.guessed)
    return row
