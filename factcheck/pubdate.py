"""Publication dates: from a metadata value, or from a "Published: 22 Jan 2025" line.

A small dedicated parser rather than a general date library: the formats news sites
print in bylines are few, and each must map to exactly one calendar day.
"""

from __future__ import annotations

import datetime as dt
import re

DATELINE_WINDOW = 3000  # bylines sit at the top; further down "Published" is body text
# Years a publication date can have. Exports write placeholders outside it ("0001-01-01",
# Go's zero time; "9999-12-31", "never"): those are no date, and as an anchor for "next
# year" they would run dates past the calendar's end.
PUBLICATION_YEARS = range(1600, 3000)

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan januar jänner jän",
        "february feb februar feber",
        "march mar märz maerz mär mrz",
        "april apr",
        "may mai",
        "june jun juni",
        "july jul juli",
        "august aug",
        "september sep sept",
        "october oct oktober okt",
        "november nov",
        "december dec dezember dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

# Longest first so "January" wins over "Jan"; the look-ahead stops "Mai" matching "Main".
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![a-zäöü])"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"""
    (?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?!\d)                 # 2025-01-22
    | (?P<nd>\d{{1,2}})\.\s?(?P<nm>\d{{1,2}})\.\s?(?P<ny>\d{{4}}|\d{{2}})(?!\d)  # 22.01.2025
    | (?P<dd>\d{{1,2}}){_ORD}\.?\s*(?:of\s+)?(?P<dm>{_MONTH})\.?,?\s*(?P<dy>\d{{4}})(?!\d)
    | (?P<mm>{_MONTH})\.?\s*(?P<md>\d{{1,2}}){_ORD}\.?,?\s*(?P<my>\d{{4}})(?!\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|mo|di|mi|do|fr|sa|so)\.?,?\s+"
)
# No \b before a marker: scraped bylines run words together ("Managing EditorPublished:").
_PUBLISHED = r"(?:published|posted|veröffentlicht|erschienen|publiziert)(?:\s+(?:on|am|at))?"
_UPDATED = r"(?:last\s+updated|updated|aktualisiert|stand|datum|date)(?:\s+(?:on|am))?"
# Matched against the lower-cased head: an IGNORECASE alternation without a literal prefix
# costs about five times as much over the 3,000 characters of every undated article.
_DATELINES = tuple(re.compile(rf"{marker}\s*:?") for marker in (_PUBLISHED, _UPDATED))
_DATELINES_ANY_CASE = tuple(re.compile(m.pattern, re.I) for m in _DATELINES)
_LEAD = re.compile(rf"\s*(?:{_WEEKDAY})?", re.I)
_ISO_PREFIX = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year  # "22.01.25" in a byline is this century


def _day(year: int, month: int, day: int) -> dt.date | None:
    if year not in PUBLICATION_YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February, month 13, ...
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    if m["iy"]:
        return _day(int(m["iy"]), int(m["im"]), int(m["id"]))
    if m["nd"]:
        return _day(_year(m["ny"]), int(m["nm"]), int(m["nd"]))
    if m["dd"]:
        return _day(int(m["dy"]), _MONTHS[m["dm"].lower()], int(m["dd"]))
    return _day(int(m["my"]), _MONTHS[m["mm"].lower()], int(m["md"]))


def parse_date_text(text: str) -> dt.date | None:
    """The date written at the start of `text` (an optional weekday first), or None."""
    lead = _LEAD.match(text)
    m = _DATE.match(text, lead.end() if lead else 0)
    return _from_match(m) if m else None


def parse_date_value(value: object) -> dt.date | None:
    """A metadata date (corpus field, front matter, HTML meta) as a calendar day.

    ISO dates and datetimes keep the date as written (no time-zone shift: the day the
    outlet printed is the publication day); other strings go through the byline parser.
    """
    if isinstance(value, dt.date):  # datetimes too
        return _day(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        return _day(int(m[1]), int(m[2]), int(m[3]))
    return parse_date_text(value)


# Wire datelines: "NEW YORK, March 18 -", "ORLANDO, Fla., March 24 -", "DENVER, March 6 -",
# "TAUPO, New Zealand, March 23 -": the city the story is filed from and its local day
WIRE_DATELINE = re.compile(
    r"(?m)^[ \t]{0,8}[A-Z][A-Za-z.'&/ -]{1,40}(?:,[ \t]{1,3}[A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?\.?){0,2},"
    r"[ \t]{1,3}(?P<month>[A-Z][a-z]{2,8})\.?[ \t]{1,3}(?P<day>\d{1,2})[ \t]{0,3}-"
)
WIRE_DATELINE_REACH = 400  # a wire dateline opens the story, after its headline
_WIRE_DAYS = 3  # a dateline day this far from the metadata day is the story's local day


def wire_day(text: str, near: dt.date) -> dt.date | None:
    """The local day a wire dateline gives ("RIO DE JANEIRO, March 8 -") when it is within a
    few days of `near` (the feed's timestamp, often another time zone's day), else None."""
    m = WIRE_DATELINE.search(text, 0, min(len(text), WIRE_DATELINE_REACH))
    if not m:
        return None
    month = _MONTHS.get(m["month"].lower())
    if month is None:
        return None
    for year in (near.year, near.year - 1, near.year + 1):  # a late-December story filed on January 1
        day = _day(year, month, int(m["day"]))
        if day is not None and abs((day - near).days) <= _WIRE_DAYS:
            return day
    return None


def find_dateline(text: str, window: int = DATELINE_WINDOW) -> dt.date | None:
    """The publication date a byline states near the top of `text`, or None.

    "Published"-type markers win over "Updated"/"Stand"-type ones, which only say when
    the page last changed.
    """
    head = text[:window]
    low = head.lower()
    # a few letters lower-case to two ("İ"): then offsets into `low` are not `head`'s
    markers, searched = (_DATELINES, low) if len(low) == len(head) else (_DATELINES_ANY_CASE, head)
    for marker in markers:
        for m in marker.finditer(searched):
            day = parse_date_text(head[m.end() : m.end() + 80])
            if day:
                return day
    return None
