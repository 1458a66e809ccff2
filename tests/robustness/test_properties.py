"""Property tests: the extractors and readers never raise, and what they return is sound.

`benchmarks/fuzz.py` runs the same properties for minutes with many more examples.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.documents import Document
from factcheck.extract import find_mentions
from factcheck.extract.dates import find_dates
from factcheck.extract.money import find_money
from factcheck.htmltext import parse_html
from factcheck.lang import detect_lang, normalize_lang
from factcheck.pubdate import find_dateline, parse_date_value
from factcheck.read import ARTICLE_EXTENSIONS, front_matter, read_inputs
from tests.robustness.strategies import (
    any_text,
    check_dates,
    check_money,
    check_rows,
    corpus_bytes,
    hostile_bytes,
    html_text,
    langs,
    pubdates,
)

CI = settings(max_examples=int(os.environ.get("FACTCHECK_PROPERTY_EXAMPLES", "150")), deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@CI
@given(text=any_text, lang=langs)
@example(text="$1.5bn to $2bn", lang="en")
@example(text="zwischen 1,5 und 2 Milliarden Euro", lang="de")
@example(text="up to $7 trillion", lang="en")
@example(text="$" + "9" * 400 + " trillion", lang="en")
@example(text="1e999 dollars", lang="en")
def test_find_money_never_raises_and_spans_are_sound(text: str, lang: str) -> None:
    check_money(text, find_money(text, lang))


@CI
@given(text=any_text, lang=langs, pubdate=pubdates)
@example(text="next year and last decade", lang="en", pubdate=dt.date(2999, 12, 31))
@example(text="in den 90er Jahren, vor zwei Jahren", lang="de", pubdate=dt.date(1600, 1, 1))
@example(text="Q4 9999 and H2 of next year, the 2990s", lang="en", pubdate=dt.date(2999, 6, 1))
@example(text="sommer1000", lang="en", pubdate=None)  # found by fuzzing: granularity "season"
@example(text="in the 100 days ended March 31", lang="en", pubdate=dt.date(1987, 4, 3))  # no count "00"
@example(text="last week ended Friday", lang="en", pubdate=dt.date(1987, 4, 3))  # no overlapping spans
def test_find_dates_never_raises_and_spans_are_sound(text: str, lang: str, pubdate: dt.date | None) -> None:
    check_dates(text, find_dates(text, lang, pubdate))


@pytest.mark.parametrize("value", ["9999-06-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "31.12.9999"])
def test_placeholder_publication_dates_are_no_date(value: str) -> None:
    """Go's zero time and "never" sentinels: as anchors they crashed find_dates for the whole run."""
    assert parse_date_value(value) is None


@pytest.mark.parametrize("text, pubdate", [("Sales will grow next year.", dt.date(9999, 6, 1)),
                                           ("Sales fell last year.", dt.date(1, 6, 1)),
                                           ("profit in the six months to March 31", dt.date(1, 1, 5)),
                                           ("the last 13 months of this year", dt.date(1, 1, 5)),
                                           ("the first 99 days of this month", dt.date(9999, 11, 15))])
def test_find_dates_at_the_ends_of_the_calendar(text: str, pubdate: dt.date) -> None:
    check_dates(text, find_dates(text, "en", pubdate))


@CI
@given(text=any_text, lang=langs, pubdate=pubdates)
def test_find_mentions_rows_point_into_the_text(text: str, lang: str, pubdate: dt.date | None) -> None:
    rows, _ = find_mentions(Document(id="d", text=text, lang=lang, date=pubdate))
    check_rows(text, rows)


@CI
@given(source=st.one_of(html_text(), st.text(max_size=300)))
@example(source="x<![foo[ y")
@example(source="<![ x")
@example(source="<svg><math></svg></math>" * 3)
def test_parse_html_never_raises(source: str) -> None:
    page = parse_html(source)
    assert isinstance(page.text, str) and page.text == page.text.strip()
    assert page.title is None or page.title.strip() == page.title


@CI
@given(text=any_text, value=st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats()))
def test_metadata_helpers_never_raise(text: str, value: object) -> None:
    front_matter(text)
    find_dateline(text)
    detect_lang(text)
    normalize_lang(value)
    day = parse_date_value(value)
    assert day is None or isinstance(day, dt.date)
    day = parse_date_value(text[:40])
    assert day is None or isinstance(day, dt.date)


@settings(CI, max_examples=max(20, CI.max_examples // 3))
@given(content=st.one_of(hostile_bytes(), corpus_bytes()), ext=st.sampled_from([*ARTICLE_EXTENSIONS, ".xml"]))
@example(content=b"\r0", ext=".csv")  # found by benchmarks/fuzz.py: csv raised on a lone CR
@example(content=b"\xff\xfe\x00", ext=".jsonl")
def test_reading_any_bytes_gives_documents_or_errors(content: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(content)
        docs, errors = read_inputs([str(path)])
    for doc in docs:
        assert isinstance(doc.text, str) and doc.lang in ("en", "de")
        rows, _ = find_mentions(doc)
        check_rows(doc.text, rows)
    for error in errors:
        assert error.source.startswith(str(path)) and error.reason and "\n" not in error.reason
        assert not error.reason.startswith("internal error"), error
