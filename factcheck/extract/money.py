"""Money mentions in English and German news text.

Two compiled patterns each make one pass over the text: one finds every numeral, the other
every word that can start an amount (a spelled number before a magnitude, currency or coin;
a fraction before a magnitude; a vague amount such as "wenige Milliarden"; a coin name
standing alone). Each candidate, in text order, is then read with anchored matches over a
bounded window on either side: the currency written before it (a prefix tree matched on
the few reversed characters before the figure), then magnitude, currency, coin, cents and
rate after it, then the qualifier words before it. Word lists are compiled as prefix trees
of their case variants, every quantifier is bounded and each candidate is read once, so the
cost is linear in the text length. The lexicon lives in `factcheck/data/money.toml`.
"""

from __future__ import annotations

import bisect
import itertools
import re

from factcheck.extract.currency import CurrencyContext, context_of
from factcheck.extract.money_carried_rates import later_rates
from factcheck.extract.money_conversions import bracketed_ranges, link_conversions, neighbour_pairs, second_conversions
from factcheck.extract.money_figure import Figure, to_span
from factcheck.extract.money_patterns import NUMERAL_CANDIDATE, WORD_CANDIDATE, WORD_CANDIDATE_LOWER
from factcheck.extract.money_ranges import merge_ranges
from factcheck.extract.money_rates import dividend_rates, per_figure
from factcheck.extract.money_reading import LIST_NEXT, read_candidate
from factcheck.extract.money_shares import parallel_shares
from factcheck.extract.money_story_currency import (
    DOLLAR_COUNTRY,
    headline_currencies,
    local_dollar,
    resolve_currencies,
    table_note,
)
from factcheck.extract.money_tables import (
    FLASH_LINE,
    FLASH_PERIOD,
    FLASH_ROW,
    TABLE_FIRST_LINE,
    TABLE_LINE,
    label_as_meant,
    period_before_year,
    row_end,
    row_kind,
    typo_rows,
)
from factcheck.extract.money_units import inherit_currency, inherit_unit, list_units
from factcheck.spans import MoneySpan

__all__ = ["find_money", "label_as_meant", "local_dollar"]  # (the last two are read elsewhere)

_START = re.Match.start


def find_money(text: str, lang: str = "en", context: CurrencyContext | str | None = None) -> list[MoneySpan]:
    """Every money mention in `text`, sorted by position and not overlapping.

    `context` says what the document's unmarked money words mean (`currency.context_of`); by
    default it is read from `text` alone (its dateline and tickers). A currency code (what
    `local_dollar` returns for a locale) is the dollar of the place of publication.

    >>> [(s.value, s.currency, s.qualifier) for s in find_money("raise up to $7 trillion")]
    [(Decimal('7000000000000'), 'USD', 'up_to')]
    """
    tables: list[tuple[int, int, str, str]] = []  # (label start, row end, label, what the row holds)
    first = TABLE_FIRST_LINE.match(text)
    for m in itertools.chain((first,) if first else (), TABLE_LINE.finditer(text)):
        kind = row_kind(m.group("label"))
        if kind is not None and not period_before_year(m):
            tables.append((m.start("label"), row_end(text, m), m.group("label"), kind))
    if " VS " in text:
        for line in FLASH_LINE.finditer(text):
            row = next((m for m in FLASH_ROW.finditer(text, line.start(), line.end())
                        if row_kind(m.group("label")) is not None), None)
            if row is not None and not any(t[0] <= row.start("label") < t[1] for t in tables):
                label = FLASH_PERIOD.sub("", row.group("label"))  # "QTR SHR" is the row "SHR"
                tables.append((row.end("label") - len(label), line.end(), label, str(row_kind(row.group("label")))))
        tables.sort()
    if tables:
        n_rows = len(tables)
        typo_rows(text, tables)
        if len(tables) > n_rows:
            tables.sort()
    t_starts = [t[0] for t in tables]

    def in_table(pos: int) -> tuple[int, int, str, str] | None:
        if not tables:
            return None
        i = bisect.bisect_right(t_starts, pos) - 1
        return tables[i] if i >= 0 and pos < tables[i][1] else None

    figs: list[Figure] = []
    last_end = 0
    bare = False
    candidates = NUMERAL_CANDIDATE.finditer(text)
    low = text.lower()  # when the offsets agree, scan the lower-cased text (faster)
    words = list(WORD_CANDIDATE_LOWER.finditer(low) if len(low) == len(text) else WORD_CANDIDATE.finditer(text))
    if words:  # few: merge them into the numerals by position (two sorted runs: a linear sort)
        candidates = sorted(itertools.chain(candidates, words), key=_START)
    for m in candidates:
        start = m.start()
        if start < last_end:
            continue
        fig = read_candidate(text, m, lang, last_end, in_table)
        if fig is None:
            continue
        if isinstance(fig, int):
            last_end = fig  # a number and its magnitude, not money: not read again as a vague amount
            continue
        if figs and fig.start < figs[-1].end:
            continue
        figs.append(fig)
        last_end = fig.end
        if not fig.has_currency and text.startswith(LIST_NEXT, fig.end) and fig.magnitude is None \
                and not fig.table:
            bare = True  # (a list may give it the unit of the figure after it)
    figs = merge_ranges(text, figs)
    if not figs:
        return []
    if bare:
        list_units(text, figs)
    if not isinstance(context, CurrencyContext):  # (read only for a text with money)
        country = next((c for c, iso in DOLLAR_COUNTRY.items() if iso == context), None) if context else None
        context = context_of(text, lang)
        if country is not None and country != "US":
            context = context.with_locale(country)
    inherit_unit(text, figs)
    if inherit_currency(text, figs, lang):
        figs = merge_ranges(text, figs)  # "3 bis 4 Mio." once the 4 Mio. took the story's euros
    per_figure(text, figs, tables, low if len(low) == len(text) else None)
    pairs = neighbour_pairs(text, figs)
    if "ivid" in text:
        dividend_rates(text, figs)
    if any(f.per == "share" for f in figs):
        parallel_shares(text, figs)
    later_rates(text, figs, context.title)
    resolve_currencies(text, figs, context)
    if context.title and text.startswith(context.title[:40]):
        headline_currencies(figs, len(context.title))
    if tables:
        table_note(text, figs, tables)
    if pairs:
        link_conversions(pairs)
        second_conversions(text, figs)
        bracketed_ranges(text, figs)
    return [to_span(f) for f in figs if f.has_currency or f.table or f.vague is not None]
