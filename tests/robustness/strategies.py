"""Hypothesis strategies for hostile article text and bytes, and the invariants every
extractor and reader result must satisfy. Shared by the property tests and benchmarks/fuzz.py."""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from decimal import Decimal
from importlib import resources
from typing import Any

from hypothesis import strategies as st

from factcheck.spans import DateSpan, MoneySpan


def _strings(node: Any) -> set[str]:
    """Every key and string value of a lexicon file, recursively."""
    out: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            out |= _strings(v)
    elif isinstance(node, list):
        for v in node:
            out |= _strings(v)
    elif isinstance(node, str):
        out.add(node)
    return out


def _lexicon_words() -> list[str]:
    words: set[str] = set()
    for name in ("money", "dates", "sentences"):
        data = tomllib.loads(resources.files("factcheck").joinpath(f"data/{name}.toml").read_text("utf-8"))
        words |= {w for w in _strings(data) if 0 < len(w) <= 24}
    return sorted(words)


# Pieces the extractors react to: every word of their lexicons, digits in every grouping,
# separators, and the characters that break naive regexes.
LEXICON = _lexicon_words()
PIECES = sorted(set(LEXICON) | {
    "$", "€", "£", "¥", "US$", "EUR", "USD", "Mio.", "Mrd.", "bn", "m", "k", "million", "billion", "trillion",
    "Milliarden", "Millionen", "up to", "at least", "more than", "about", "between", "and", "to", "bis", "-", "–",
    "—", "/", ".", ",", "'", "’", "%", "(", ")", "\u00a0", "\u202f", "\u2009", "\n", "\n\n", "\t", " ", "  ",
    "0", "1", "5", "9", "10", "12", "31", "99", "100", "1,000", "1.000", "1,5", "1.5", "2023", "2024", "1999",
    "0.0", "00", "007", "1e9", "½", "¼", "²", "٣", "𝟓", "Q1", "Q4", "H1", "FY2024", "FY", "1990s", "'90s", "20er",
    "Jahren", "last year", "next year", "this year", "ago", "vor", "Monday", "Montag", "March", "März", "May",
    "Mai", "Jan.", "Dec", "1st", "2nd", "3.", "22.", "the", "der", "die", "said", "sagte", "A", "Z", "\u200b",
    "\ufeff", "\x00", "é", "ß", "İ", "ﬁ",
})

_piece = st.sampled_from(PIECES)
_noise = st.text(max_size=4)
_number = st.integers(min_value=0, max_value=10**30).map(str)


def article_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Text built from extractor-relevant pieces, numbers and random characters."""
    part = st.one_of(_piece, _piece, _piece, _number, _noise)
    sep = st.sampled_from(["", " ", " ", " ", "\n", ", ", ". "])
    return st.lists(st.tuples(part, sep).map("".join), max_size=max_pieces).map("".join)


any_text = st.one_of(article_text(), st.text(max_size=300))
langs = st.sampled_from(["en", "de"])
# Publication dates as the reader gives them (factcheck.pubdate.PUBLICATION_YEARS).
pubdates = st.one_of(st.none(), st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2999, 12, 31)),
                     st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """File contents: encoded article text in several encodings, raw bytes, magic prefixes."""
    encoded = st.tuples(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])).map(
        lambda t: t[0].encode(t[1], "replace"))
    prefix = st.sampled_from([b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-", b"\x89PNG\r\n\x1a\n",
                              b"<html>", b"---\n", b"[", b"{", b"id,text\n"])
    return st.tuples(prefix, st.one_of(encoded, st.binary(max_size=300))).map(b"".join)


def html_text() -> st.SearchStrategy[str]:
    tags = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "</style>",
                            "<!--", "-->", "<![CDATA[", "]]>", "<![foo[", "<!DOCTYPE html>", "<br>", "<svg>", "</svg>",
                            "<math>", "<title>", "</title>", "<pre>", "</pre>", "<head>", "<body>", "</body>",
                            "<td>", "<h1>", "</h1>", '<meta name="date" content="2024-01-02">', "<a href='", "\"",
                            "<time datetime=2024-01-02>", "&amp;", "&#", "&#x41;", "&", "<", ">", "</", "<!", "<?"])
    return st.lists(st.one_of(tags, article_text(6)), max_size=40).map("".join)


def corpus_bytes() -> st.SearchStrategy[bytes]:
    """JSONL/CSV-ish content: good records, broken lines, odd values."""
    value = st.one_of(any_text, st.none(), st.integers(), st.floats(), st.booleans(), st.lists(st.integers(),
                                                                                                 max_size=2))
    record = st.fixed_dictionaries({}, optional={"id": value, "text": value, "date": value, "lang": value,
                                                 "title": value, "url": value})
    line = st.one_of(record.map(lambda r: json.dumps(r, allow_nan=True)), st.text(max_size=40),
                     st.just(""), st.just("[1]"), st.just("{"))
    return st.lists(line, max_size=8).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


# -- invariants ----------------------------------------------------------------------------


def _finite(x: Decimal | None) -> bool:
    return x is None or x.is_finite()


def check_money(text: str, spans: list[MoneySpan]) -> None:
    last_end = 0
    for s in spans:
        assert isinstance(s, MoneySpan)
        assert 0 <= s.start < s.end <= len(text), (s, len(text))
        assert s.start >= last_end, f"overlap or out of order: {s}"
        last_end = s.end
        assert text[s.start:s.end].strip(), s
        for x in (s.value, s.low, s.high, s.number, s.precision):
            assert _finite(x), s
            assert x is None or math.isfinite(float(x)), s  # fits the float columns
        if s.low is not None and s.high is not None:
            assert s.low <= s.high, s
        if s.value is not None:
            assert s.low is None or s.low <= s.value, s
            assert s.high is None or s.value <= s.high, s
        assert s.qualifier in {"exact", "approx", "at_least", "more_than", "at_most", "less_than", "up_to", "range",
                               "vague"}, s
        assert s.currency is None or (len(s.currency) == 3 and s.currency.isupper()), s


def check_dates(text: str, spans: list[DateSpan]) -> None:
    last_end = 0
    for s in spans:
        assert isinstance(s, DateSpan)
        assert 0 <= s.start < s.end <= len(text), (s, len(text))
        assert s.start >= last_end, f"overlap or out of order: {s}"
        last_end = s.end
        assert text[s.start:s.end].strip(), s
        assert s.date_start < s.date_end, s
        # INTERFACES.md lists day, month, quarter, half, year, decade; dates.py adds week and season.
        assert s.granularity in {"day", "week", "month", "season", "quarter", "half", "year", "decade"}, s


def check_rows(text: str, rows: list[dict[str, Any]]) -> None:
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(text), r
        assert text[r["start"]:r["end"]] == r["text"], r
        assert r["kind"] in ("money", "date")
        a, b = r["sent_start"], r["sent_end"]
        assert 0 <= a <= r["start"] and r["end"] <= b <= len(text), r
        assert text[a:b] == r["sentence"], r
        for k in ("value", "low", "high", "number", "precision"):
            v = r.get(k)
            assert v is None or (isinstance(v, float) and math.isfinite(v)), (k, r)
        if r["low"] is not None and r["high"] is not None:
            assert r["low"] <= r["high"], r
        if r["value"] is not None:
            assert r["low"] is None or r["low"] <= r["value"] <= (r["high"] if r["high"] is not None else math.inf)
        if r["date_start"] is not None:
            assert r["date_start"] < r["date_end"], r
        json.dumps(r, allow_nan=False)  # every row is valid JSON output
