"""The figure being read (`Figure`), its amount, and the `MoneySpan` it becomes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract.money_lexicon import APPROX, APPROX_LEAST
from factcheck.spans import MoneySpan


@dataclass(slots=True)
class Figure:
    """A candidate figure while it is being read; becomes a MoneySpan if it is money."""

    start: int
    end: int
    number: Decimal | None
    exponent: int = 0
    magnitude: str | None = None
    currency: str | None = None
    has_currency: bool = False
    qualifier: str = "exact"
    per: str | None = None
    vague: tuple[Decimal, Decimal] | None = None  # [low, high) for vague amounts and ranges
    between: bool = False
    table: bool = False
    exact_cents: bool = False  # stated to the cent ("$20 43", "five nickels")
    elliptic: bool = False  # "4.1 mln" after "5.2 mln dlrs": the currency is the neighbour's
    # the family of its unit word when the word does not say whose currency it is ("dlrs",
    # "francs", "cts"); "any" for a figure with no unit word at all (a bare table figure)
    family: str | None = None
    src: Figure | None = None  # the figure whose unit it takes ("Shr 41 cts vs 38": the 41 cts)
    source: str | None = None  # currency_source once resolved: stated, story, dateline, ...
    label: str | None = None  # the earnings-table row label as written ("Net", "Oper shr")
    converts: Figure | None = None  # the same amount stated in another currency ("$8bn (£6.3bn)")
    pair: Figure | None = None  # its neighbour when the words between them write a conversion
    sign: bool = False  # its unit is written before it ("$5", "dollars 5"): the writer's own sign
    linked: bool = False  # a bare number after "from", "vs", ... a money figure ("from 190")
    left_read: bool = False  # qualifier words before it have been read


POW10 = {e: Decimal(10) ** e for e in range(-8, 16)}
_HALF_POW10 = {e: Decimal("0.5") * Decimal(10) ** e for e in range(-16, 16)}  # rounding slack
ZERO = Decimal(0)


# a MoneySpan from the tuple of its fields in order (what its generated __new__ does, without
# the call: one is built for every money mention)
_new_tuple = tuple.__new__


def to_span(fig: Figure) -> MoneySpan:
    scale = POW10[fig.exponent]
    source = fig.source
    family = None if source == "stated" else fig.family
    converts = fig.converts.start if fig.converts is not None else None
    if fig.qualifier == "range":
        low, high = fig.vague
        return _new_tuple(MoneySpan, (fig.start, fig.end, (low + high) / 2, low, high, fig.currency, "range",
                                      fig.per, fig.number, fig.magnitude, None, source, family, converts, fig.label))
    if fig.vague is not None:
        low, high = fig.vague
        return _new_tuple(MoneySpan, (fig.start, fig.end, None, low, high, fig.currency, "vague",
                                      fig.per, None, fig.magnitude, None, source, family, converts, fig.label))
    number = fig.number
    value = number * scale
    if fig.exact_cents:
        precision = ZERO  # "17-1/2 cts", "five nickels": stated to the cent
    else:
        last = number.as_tuple().exponent
        if last < 0 and fig.exponent == 0 and fig.currency and number != number.to_integral_value():
            precision = ZERO  # "$4.99"
        else:
            precision = _HALF_POW10[max(-8, min(0, last)) + fig.exponent]
    q = fig.qualifier
    low = high = value
    if q in ("at_least", "more_than"):
        high = None
    elif q in ("at_most", "less_than", "up_to"):
        low = None
    elif q in ("approx", "nearly", "just_over"):
        slack = _approx_slack(number, scale, value)
        if q != "just_over":
            low = value - slack
        if q != "nearly":
            high = value + slack
        q = "approx"
    return _new_tuple(MoneySpan, (fig.start, fig.end, value, low, high, fig.currency, q, fig.per,
                                  fig.number, fig.magnitude, precision, source, family, converts, fig.label))


def _approx_slack(number: Decimal, scale: Decimal, value: Decimal) -> Decimal:
    """How far a word of approximation lets a figure stray: half a unit of its last digit that
    is not 0 (a writer rounds to the digits written), at least APPROX_LEAST and at most APPROX
    of it. "nearly $15 million" is 14.5 to 15 million, not 13.6; "roughly $141 million" allows
    $139 million; "about $200 million", rounded to the hundred million, spans 180 to 220."""
    last = number.normalize().as_tuple().exponent
    if not isinstance(last, int):  # not a finite number (never read so): nothing to stretch
        return ZERO
    size = abs(value)
    return min(size * APPROX, max(size * APPROX_LEAST, Decimal(5).scaleb(last - 1) * scale))


def amount_of(fig: Figure) -> Decimal | None:
    if fig.vague is not None and fig.qualifier != "range":
        return None
    if fig.qualifier == "range":
        return (fig.vague[0] + fig.vague[1]) / 2
    return None if fig.number is None else fig.number * POW10[fig.exponent]
