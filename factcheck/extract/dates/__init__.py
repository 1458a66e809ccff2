"""Date mentions in English and German news text.

`find_dates(text, lang, pubdate)` returns `DateSpan`s: the surface span and the interval
[date_start, date_end) it denotes, with its granularity: day, week, month, quarter, half,
season, year or decade (week and season extend the list of INTERFACES.md; a run of days such
as "13-15 July" or "end of next week" is "day", a run of months "month" and so on).
Dates read against the publication date ("April 28", "last year", "am Mittwoch", "next
week", "Christmas") are flagged `resolved=True`; they are not reported without one.

Reading a date without a year (see `tense.tense_lean`): the tense of its clause decides between the
reading before and after the publication date (past: "sales fell at Christmas"; future:
"will meet on Monday", "wird ... am 3. Mai"); without a cue running text takes the nearest
reading, and a date standing alone (a heading, a list or agenda line, a query) reads
forward like a calendar entry. Cues move a date only out of a window around the
publication date, so "asked for offers on March 24" (six days ahead) stays this year's.
Dates listed together share the year written once ("July 12, 2014. July 13, July 14";
"im April und Mai 2015"). Holidays of other calendars are computed, not looked up: the
Hebrew calendar exactly, Orthodox Easter by the Julian computus, Islamic months and the
Chinese New Year from new moons (Meeus), Hindu festivals approximately from new and full
moons and the Sun's sidereal signs (almanacs differ by a day between regions).

How it works: dates come in families of forms ("day_month_year", "quarter_of_year",
"relative_period", "holiday" ...), each one entry of the registry (`registry.py`): a
regular expression, the anchors where it is tried, a reader and examples. Two passes find
anchors (`scan.py`): one trie of keywords at a word start (months, weekdays, "year", a
holiday's first word, "Q" before a digit, "the" before a day number ...), one for digits
(four-digit numbers, a short number before a separator, "3Q", "1990s"). Each anchor word has
a plan, made at import: the families that start right at it, tried at once by one pattern
(a look-ahead per family), and the families searched in a short window around it, only when
the word before it fits (a count before "years", a modifier before "March"). So an article
pays for the families it can match, and a common word for little. Every match is checked by
its family's reader (valid day and month, context words that make "2000" a count rather
than a year, case of "May"/"march" ...) and becomes a candidate. Candidates are chosen
longest first without overlaps; a date without a year takes the year named right after it
("March in 1986", "June 30 last year"); adjacent candidates joined by "to", "-", "bis",
"between ... and" ... become one range (`assembly.py`). Last, dates that point back are read from the
period their sentence named last ("from the previous month", "a year earlier", "the same
quarter of 1986"; see `pointing_back.reanchor`), and a quarter or fiscal year "ended January
31" becomes the months up to that day. The words of each language live in the data files
(see `words.py`). Quantifiers are bounded or anchored on a preceding literal, so the run time
grows linearly with the text.

The modules: `words` (language data), `templates` (the pattern language), `family` and
`registry` (the families), `scan` (anchors), `text` (candidates and context), `tense` (the
tense of a date's clause), `reading` (year choice, granularity), `calendars`, the readers (`read_dates`, `read_periods`,
`read_relative`, `today`), `pointing_back` and `assembly` (`find_dates`).
"""

from __future__ import annotations

from factcheck.extract.dates.assembly import find_dates

__all__ = ["find_dates"]
