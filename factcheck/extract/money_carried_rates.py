"""Rates carried from one amount to others, read after the pairs: a share's move decided,
the items of a list whose rate is written once ("7.000 Euro pro Schüler, an Gymnasien
8.400 Euro"), a price per quantity carried to like prices after it, the same amount
written again later, and a difference of a price per unit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.money_conversions import MOVE_AT, RATE_PAIR, bracketed, past_conversion
from factcheck.extract.money_figure import POW10, Figure
from factcheck.extract.money_lexicon import CARRY_UNITS, LEX, alternatives, norm_key
from factcheck.extract.money_rates import CURRENCY_RATES, RATE_AFTER
from factcheck.extract.money_shares import MOVE_BELOW, WORD_RUN, share_block, share_move, share_quote
from factcheck.extract.money_units import MONTH_BEFORE, YEAR


def later_rates(text: str, figs: list[Figure], title: str | None) -> None:
    """The rates read after the pairs, in one pass over the figures: a share's price or move is
    per share (see [per_share_move] in money.toml); a price per quantity sets the unit of the
    prices after it in the same currency and of a like size, until another rate or amount
    intervenes (see [per_carry]). A figure's share move is decided before it carries a rate or
    takes one: the carry looks only back. The same amount written again later in the story,
    in the same currency and with no magnitude, has the rate it was first written with, whatever
    its unit but a currency ("a reference price of 18 dlrs a barrel", paragraphs later "defend
    the 18 dlrs"; "335 francs per certificate", later "making a total 335 francs")."""
    report: list[bool] = []  # whether the story is a share-market report (read when needed)
    carry: Figure | None = None
    listed: list[Figure] = []  # the figures of a list that share a rate, for its next item
    # the rate of each amount written with a rate (not an exchange rate, "146.20 yen per
    # dollar"): the same amount again in the story has it too
    repeated: dict[tuple[str | None, str | None, Decimal | None, bool], str] = {}
    inferred: set[int] = set()  # the figures whose rate was read from the sense of their sentence
    prev: Figure | None = None  # the figure before
    for fig in figs:
        prev, before = fig, prev
        if bracketed(text, fig):
            continue  # "fell from 97p ($1.87) to 44p": a conversion takes its amount's rate when linked
        if before is not None and _rate_count(text, before, fig):
            continue  # "46 cts per 100 dlrs of assets, but fell two cts": the 100 dlrs ends no list
        if not fig.has_currency or fig.magnitude or fig.vague is not None:
            if (carry is not None or listed) and not fig.has_currency and _date_part(text, fig):
                continue  # a date between prices ("1,450 stg in January 1987 and 1,750 stg")
            if fig.qualifier == "range" and fig.per is not None and not fig.magnitude:
                # a range with its rate sets it for what follows ("one to 1.50 dlrs a barrel")
                carry = fig if fig.per.rsplit(" ", 1)[-1] in CARRY_UNITS else None
                listed = [fig]
            elif fig.has_currency or fig.magnitude or not listed or listed[-1].per != "share":
                carry, listed = None, []
            # (a bare number in a list of share moves is a price: "Glaxo 8p at 1,480 and Beecham 12p")
            continue
        if fig.per is None and fig.label is None and fig.number is not None \
                and fig.number * POW10[fig.exponent] < MOVE_BELOW \
                and (share_move(text, fig.start, title, report) or share_quote(text, fig, title, report)
                     or share_block(text, fig, title, report)):
            fig.per = "share"  # (the amount as `amount_of` reads it: no range or vague amount gets here)
            inferred.add(id(fig))
        if fig.per is None and listed and fig.label is None and _list_rate(text, listed, fig):
            fig.per = listed[-1].per
            if id(listed[-1]) in inferred:
                inferred.add(id(fig))
            listed.append(fig)
        elif fig.per is not None:
            if not (listed and listed[-1].per == fig.per and fig.currency == listed[-1].currency
                    and fig.start - listed[-1].end <= _LIST_REACH
                    and not _LIST_END.search(text, listed[-1].end, fig.start)
                    and (_alike(fig, listed[-1]) or _LEVEL_PAIR.fullmatch(text, listed[-1].end, fig.start))):
                listed = []
            listed.append(fig)  # ("fell 5p to 300p": the move and the price open the list)
        else:
            listed = []
        if fig.per is None and repeated:
            fig.per = repeated.get((fig.currency, fig.family, fig.number, fig.exact_cents)) or None
            # ("18 dlrs" again, far below "18 dlrs a barrel")
        if fig.per is not None:
            unit = fig.per.rsplit(" ", 1)[-1]
            carry = fig if unit in CARRY_UNITS else None
            if norm_key(unit) not in CURRENCY_RATES:
                # (one amount written with two rates in one story carries neither)
                key = (fig.currency, fig.family, fig.number, fig.exact_cents)
                repeated[key] = fig.per if repeated.get(key, fig.per) == fig.per else ""
            continue
        if carry is None or fig.currency != carry.currency or fig.family != carry.family \
                or fig.start - carry.end > _CARRY_REACH or not carry.number or not fig.number:
            carry = None
            continue
        if Decimal("0.2") < fig.number / carry.number < 5 and fig.exact_cents == carry.exact_cents:
            fig.per = carry.per
            carry = fig
    _difference_rates(text, figs)
    # a rate written at a later item of its list: "Bis 20 Kilometer sind es 31 Euro, über 60
    # Kilometer 306 Euro pro Monat" (a written rate, not one read from the sense of a sentence;
    # not an exchange rate, "146.20 yen per dollar")
    nxt: Figure | None = None
    for fig in reversed(figs):
        if bracketed(text, fig):
            continue  # "$60,000 (£30,800) and $150,000 a year": the conversion takes its amount's rate
        if not fig.has_currency or fig.magnitude or fig.vague is not None:
            nxt = None
            continue
        if fig.per is None and nxt is not None and fig.label is None and _list_rate_ahead(text, fig, nxt):
            fig.per = nxt.per
        nxt = fig if fig.per is not None and id(fig) not in inferred \
            and norm_key(fig.per.rsplit(" ", 1)[-1]) not in CURRENCY_RATES else None


_DIFFERENCE = LEX["per_difference"]
_DIFFERENCE_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_DIFFERENCE["before"], ci=True) + r")\s{1,3}\Z")
_DIFFERENCE_REACH = int(_DIFFERENCE["reach"])


def _difference_rates(text: str, figs: list[Figure]) -> None:
    """A difference of a price written per unit has its unit (see [per_difference] in
    money.toml): "at 883 stg per tonne ... at a premium of 32 stg"."""
    priced: dict[str | None, Figure] = {}  # currency -> its last price per quantity or share
    for fig in figs:
        if not fig.has_currency or fig.magnitude or fig.vague is not None or fig.label is not None:
            continue
        if fig.per is not None:
            if fig.per.rsplit(" ", 1)[-1] in CARRY_UNITS or fig.per == "share":
                priced[fig.currency] = fig
            continue
        price = priced.get(fig.currency)
        if price is None or fig.start - price.end > _DIFFERENCE_REACH or fig.family != price.family \
                or not price.number or not fig.number or fig.number >= price.number \
                or _DIFFERENCE_BEFORE.search(text, max(0, fig.start - 24), fig.start) is None:
            continue
        fig.per = price.per


_PER_LIST = LEX["per_list"]
_LIST_REACH = int(_PER_LIST["reach"])
_LIST_CLOSE_RATE = Decimal(str(_PER_LIST["close"]))
_LIST_ITEM_SEP = re.compile(r"[,;]|\s(?:" + alternatives(_PER_LIST["joins"], ci=True) + r")\s")
_LIST_END = re.compile(r"[.!?][\"')]?\s+[^\W\d_]|\n[ \t]*\n|\n[ \t]{2,}|[()]")
_LIST_STOP = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_PER_LIST["stops"], ci=True) + r")(?![\w-])")


# a change and the level it reaches: "fell 5p to 300p" (not "8 cts a share vs 5,364,000 dlrs")
_LEVEL_PAIR = re.compile(r"\s{1,3}(?:to|from|auf|von|" + MOVE_AT + r")\s{1,3}")
_LEVEL_TO = (" to ", "\nto ", " auf ", "\nauf ")  # how the text before a share's level ends


def _alike(a: Figure, b: Figure) -> bool:
    """Whether two amounts of a list are alike in size (see `close` in [per_list])."""
    return bool(a.number and b.number and 1 / _LIST_CLOSE_RATE < a.number / b.number < _LIST_CLOSE_RATE)


def _list_rate(text: str, items: list[Figure], fig: Figure) -> bool:
    """Whether `fig` is the next item of a list whose rate is written once, at its first item
    (`items`, in order; see [per_list] in money.toml): "7.000 Euro pro Schüler, an Gymnasien
    8.400 Euro", "fell 5p to 300p, Widget 8p to 120p", "3.80 dlrs a share for A; 4.30 dlrs for B"."""
    prev = items[-1]
    # (the items of a share list may name their currency apart: "ICI fell a penny, Glaxo 8p")
    if fig.currency != prev.currency or (fig.family != prev.family and prev.per != "share") \
            or fig.start - prev.end > _LIST_REACH or not fig.number:
        return False
    end = past_conversion(text, prev)  # the list reads on past "97p ($1.87)"
    # alike in size to an item before it: a share's move is like the move before, its price
    # like the price ("fell 5p to 300p, Widget 8p"); a total is no item ("72 cts a share, vs
    # 321,000 dlrs")
    if not any(_alike(fig, c) for c in items):
        return False
    if RATE_PAIR.fullmatch(text, end, fig.start):
        return True  # an item's change and its level: "Widget 8p to 120p"
    if _pair_past_rate(text, prev, fig):
        return True  # the price it moved from: "to 200 dinars ($2.77) per canister from 170 dinars"
    if prev.per == "share" and text.endswith(_LEVEL_TO, 0, fig.start) \
            and not _LIST_END.search(text, end, fig.start):
        # the level a share's move reaches, words later in its clause: "lost 65 cents or 25% on
        # the news to 1.90 dlrs before rallying to 2.20 dlrs"
        return _LIST_STOP.search(text, end, fig.start) is None
    if _LIST_ITEM_SEP.search(text, end, fig.start) is None or _LIST_END.search(text, end, fig.start):
        return False
    return _LIST_STOP.search(text, end, fig.start) is None


def _pair_past_rate(text: str, fig: Figure, other: Figure) -> bool:
    """Whether `other` is the amount `fig` moved from or to, written after the rate written after
    `fig` (perhaps past its conversion in brackets): "rose to 200 dinars ($2.77) per canister
    from 170 dinars", "to 3.50 dlrs per common share from four dlrs"."""
    m = RATE_AFTER.match(text, fig.end)
    if m is None or m.group("noun") is None or m.end("noun") > other.start:
        return False
    # (a move's levels only, not a comparison: "85,000 dlrs per suite versus 100,000 dlrs a room")
    if _LEVEL_PAIR.fullmatch(text, m.end("noun"), other.start):
        return True
    # (past the words after the unit: "per troy ounce from", "per common share from")
    base = m.start("next")
    return any(_LEVEL_PAIR.fullmatch(text, base + w.end(), other.start) for w in WORD_RUN.finditer(m.group("next")))


_RATE_COUNT_REACH = 80  # characters between an amount and the count of its rate, a bracket included


def _rate_count(text: str, fig: Figure, other: Figure) -> bool:
    """Whether `other` is the count written in the rate after `fig` ("46 cts per 100 dlrs of
    average assets": the 100 dlrs is part of the rate, no amount of its own for a list)."""
    if fig.per is None or not fig.per[:1].isdigit() or other.start - fig.end > _RATE_COUNT_REACH:
        return False
    m = RATE_AFTER.match(text, fig.end)
    return m is not None and m.group("n") is not None and m.start("n") == other.start


def _list_rate_ahead(text: str, fig: Figure, nxt: Figure) -> bool:
    """Whether `fig` is an item of a list whose rate is written at the next item `nxt`, later
    in the sentence (as `_list_rate` reads a rate written at the first item)."""
    if fig.currency != nxt.currency or fig.family != nxt.family or nxt.start - fig.end > _LIST_REACH \
            or not _alike(fig, nxt):
        return False
    end = past_conversion(text, fig)  # the list reads on past "$60,000 (£30,800)"
    if RATE_PAIR.fullmatch(text, end, nxt.start):
        return True  # the price it moved from, past its conversion: "from 17 pesos ($0.30) to 20 pesos per ride"
    if _LIST_ITEM_SEP.search(text, end, nxt.start) is None or _LIST_END.search(text, end, nxt.start):
        return False
    # (a total or one-off said just before the item itself: "a one-off fee of 80 stg and 40 stg a year")
    lo = max(0, fig.start - _STOP_BEFORE)
    for brk in _LIST_END.finditer(text, lo, fig.start):
        lo = brk.end()
    return _LIST_STOP.search(text, lo, nxt.start) is None


_STOP_BEFORE = 40  # characters before an item read for a total or one-off that qualifies it


_CARRY_REACH = int(LEX["per_carry"]["reach"])
_YEAR_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(LEX["per_carry"]["year_before"], ci=True)
                          + r")[ \t]{1,2}\Z")


def _date_part(text: str, fig: Figure) -> bool:
    """Whether the bare figure `fig` is a day or year of a date (see [per_carry] in money.toml)."""
    if fig.magnitude or fig.vague is not None or fig.qualifier != "exact":
        return False
    if MONTH_BEFORE.search(text, max(0, fig.start - 16), fig.start):
        return True
    return bool(YEAR.fullmatch(text, fig.start, fig.end)
                and _YEAR_BEFORE.search(text, max(0, fig.start - 8), fig.start))
