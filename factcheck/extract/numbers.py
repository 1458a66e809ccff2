"""Numerals as newsrooms write them, read exactly (Decimal) per language convention."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Grouped thousands ("1,500,000", "1.500.000", "1 500 000" with a no-break space), Indian
# lakh grouping ("12,34,567.89") or a plain run, then an optional decimal part and a
# wire-style fraction ("17-1/2", "3 1/4"). Every repetition is bounded and the start may not
# sit inside another number, so a hostile run of digits or separators costs linear time.
# A letter right before the numeral is allowed here ("USD3.14"): the caller decides.
NUMERAL = (
    r"[\d.]"  # a digit or a point first, so the scan skips text without either quickly
    r"(?:(?<=\d)(?<![\d.,]\d)"
    r"(?:\d{0,2}(?:[,.\u00a0\u202f']\d{3}){1,6}(?:[.,]\d{1,6})?"
    r"|\d?(?:,\d\d){1,4},\d{3}(?:\.\d{1,6})?"
    r"|\d{0,14}(?:[.,]\d{1,6})?)"
    r"(?:(?:-|\s)\d{1,2}/\d{1,2})?"
    # a decimal with no leading zero (".75 €", "$.50", wire ".125 dlrs"), after no word,
    # number or point ("Rs.75" is 75 rupees, "Vs.....733.5" a table's dots)
    r"|(?<=\.)(?<![\w.,]\.)\d{1,6}(?![.,]\d))"
    r"(?!\d|/\d)"
)

# Thousands grouped with a plain space ("12 500 EUR", "10 000 dollars"): read only where a
# currency follows or precedes, since "in 2019 500 people" is two numbers.
SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3}){1,4}(?:[.,]\d{1,6})?(?![\d/])")

_FRACTION = re.compile(r"(?:-|\s)(\d{1,2})/(\d{1,2})$")
_GROUPED = {
    "en": re.compile(r"\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"),
    "de": re.compile(r"\d{1,3}(?:[.\u00a0\u202f' ]\d{3})+(?:,\d+)?"),
}

# Shapes that only one convention writes, read so whatever the document's language: dots
# between groups of three, then a comma and one or two decimals ("2.130,00 €"), or two dots or
# more ("1.550.000"); commas the other way round ("1,234.56", "1,500,000"); and groups set
# apart by a space or an apostrophe (no convention's decimal mark), then either mark with one or
# two decimals ("2 999,00 €", "CHF 1'049,95", "1'049.95"). "1.234" and "1,234" stay the
# document's own ("1.234" is a decimal in English).
_ONLY = {
    "de": re.compile(r"\d{1,3}(?:(?:\.\d{3})+,\d{1,2}|(?:\.\d{3}){2,}|(?:[\u00a0\u202f' ]\d{3})+,\d{1,2})"),
    "en": re.compile(r"\d{1,3}(?:(?:,\d{3})+\.\d{1,2}|(?:,\d{3}){2,}|(?:[\u00a0\u202f' ]\d{3})+\.\d{1,2})"),
}
_OTHER = {"en": "de", "de": "en"}

_NOT_DIGIT_OR_MARK = {"en": re.compile(r"[^\d.]"), "de": re.compile(r"[^\d,]")}


def parse_numeral(raw: str, lang: str) -> Decimal | None:
    """Read a numeral as written in `lang` ("en": 1,500.5; "de": 1.500,5).

    >>> parse_numeral("1,500,000", "en"), parse_numeral("1,5", "de"), parse_numeral("17-1/2", "en")
    (Decimal('1500000'), Decimal('1.5'), Decimal('17.5'))
    >>> parse_numeral("12,34,567.89", "en"), parse_numeral("12 500", "de")
    (Decimal('1234567.89'), Decimal('12500'))
    >>> parse_numeral("2.130,00", "en"), parse_numeral("2 999,00", "en"), parse_numeral("1,500,000", "de")
    (Decimal('2130.00'), Decimal('2999.00'), Decimal('1500000'))
    >>> parse_numeral("1.234", "en"), parse_numeral(".75", "de")
    (Decimal('1.234'), Decimal('0.75'))
    """
    frac = Decimal(0)
    if "/" in raw:
        m = _FRACTION.search(raw)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
            if den == 0 or num >= den:
                return None
            frac = Decimal(num) / Decimal(den)
            raw = raw[: m.start()]
    if raw.isdigit():
        return Decimal(raw) + frac
    lang = lang if lang in _GROUPED else "en"
    if not _GROUPED[lang].fullmatch(raw) and _ONLY[_OTHER[lang]].fullmatch(raw):
        lang = _OTHER[lang]
    if _GROUPED[lang].fullmatch(raw):
        cleaned = _NOT_DIGIT_OR_MARK[lang].sub("", raw).replace(",", ".")
    else:
        # Ungrouped: a lone separator is the decimal mark in either language ("2,5", "2.5").
        cleaned = raw.replace(",", ".")
        if cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
            return None
    try:
        return Decimal(cleaned) + frac
    except InvalidOperation:
        return None
