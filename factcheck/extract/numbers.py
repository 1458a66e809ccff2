"""Numerals as newsrooms write them, read exactly (Decimal) per language convention."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Grouped thousands ("1,500,000", "1.500.000", "1 500 000" with a no-break space) or a
# plain run, then an optional decimal part and wire-style fraction ("17-1/2", "3 1/4").
# Every repetition is bounded and the start may not sit inside another number, so a
# hostile run of digits or separators costs linear time.
NUMERAL = (
    r"(?<![\w.,])"
    r"(?:\d{1,3}(?:[,.\u00a0\u202f']\d{3}){1,6}(?:[.,]\d{1,6})?|\d{1,15}(?:[.,]\d{1,6})?)"
    r"(?:(?:-|\s)\d{1,2}/\d{1,2})?"
    r"(?![\d/])"
)

_FRACTION = re.compile(r"(?:-|\s)(\d{1,2})/(\d{1,2})$")
_GROUPED = {
    "en": re.compile(r"\d{1,3}(?:[,\u00a0\u202f']\d{3})+(?:\.\d+)?"),
    "de": re.compile(r"\d{1,3}(?:[.\u00a0\u202f']\d{3})+(?:,\d+)?"),
}


def parse_numeral(raw: str, lang: str) -> Decimal | None:
    """Read a numeral as written in `lang` ("en": 1,500.5; "de": 1.500,5).

    >>> parse_numeral("1,500,000", "en"), parse_numeral("1,5", "de"), parse_numeral("17-1/2", "en")
    (Decimal('1500000'), Decimal('1.5'), Decimal('17.5'))
    """
    frac = Decimal(0)
    m = _FRACTION.search(raw)
    if m:
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0 or num >= den:
            return None
        frac = Decimal(num) / Decimal(den)
        raw = raw[: m.start()]
    lang = lang if lang in _GROUPED else "en"
    if _GROUPED[lang].fullmatch(raw):
        dec = "." if lang == "en" else ","
        cleaned = re.sub(r"[^\d" + re.escape(dec) + "]", "", raw).replace(",", ".")
    else:
        # Ungrouped: a lone separator is the decimal mark in either language ("2,5", "2.5").
        cleaned = raw.replace(",", ".")
        if cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
            return None
    try:
        return Decimal(cleaned) + frac
    except InvalidOperation:
        return None
