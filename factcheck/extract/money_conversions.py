"""Neighbours read together: an amount and the one it changes to or is compared with share a
rate; an amount and its conversion into another currency ("$8bn (£6.3bn)", "50 mln
Canadian dlrs, or 36 mln U.S. dlrs"), a second conversion in the same bracket, and a
range whose lower bound has its conversion between the bounds.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from factcheck.extract.money_figure import Figure, amount_of
from factcheck.extract.money_lexicon import LEX, PER, alternatives, norm_key
from factcheck.extract.money_patterns import NOT_A_RATE_AFTER_RE
from factcheck.extract.money_ranges import RANGE_WIDE, range_from

# an amount and the same kind of amount it changes to or is compared with: "von 1,40 Euro auf 60
# Cent je Aktie", "to 5 dlrs a share from 4 dlrs": the rate of one is the other's
# (or a move and the level it reaches: "seven dlrs firmer at 746 dlrs per tonne", "3 Euro fester bei 212 Euro")
MOVE_AT = r"(?:" + alternatives(LEX["per_share_quote"]["comparatives"], ci=True) + r")\s{1,3}(?:at|bei|auf)"
RATE_PAIR = re.compile(r"\s{1,3}(?:auf|to|from|von|vs\.?|versus|against|compared\s{1,3}with|bis|" + MOVE_AT
                       + r")\s{1,3}")


# Between an amount and the same amount in another currency: "$8bn (£6.3bn)", "50 mln Canadian
# dlrs, or 36 mln U.S. dlrs", "125 naira (about 32 dlrs)", "500 Mio. Dollar (umgerechnet 445
# Mio. Euro)". A qualifier word inside the parentheses qualifies the conversion.
_CONVERSION_QUAL = {"about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
                    "approximately": "approx", "approx.": "approx", "c.": "approx", "ca.": "approx",
                    "circa": "approx", "rund": "approx", "etwa": "approx", "ungefähr": "approx",
                    "knapp": "approx", "nearly": "approx", "almost": "approx", "over": "more_than",
                    "more than": "more_than", "über": "more_than", "mehr als": "more_than"}
_CONVERSION_GAP = re.compile(
    r"[ \t]{0,2}(?:(?P<paren>\([ \t]{0,2})|,?[ \t]{1,2}or[ \t]{1,2}|,[ \t]{1,2}|[ \t][–—-]{1,2}[ \t]{1,2})"
    r"(?:(?:umgerechnet|converted|equivalent[ \t]to|the[ \t]equivalent[ \t]of|or|also)[ \t]{1,2})?"
    r"(?P<qual>" + "|".join(re.escape(k).replace(r"\ ", r"[ \t]")
                            for k in sorted(_CONVERSION_QUAL, key=len, reverse=True)) + r")?[ \t]{0,2}"
)
# the rate of an amount and its conversion written after both: "$5, or four euros, a day"
_RATE_AFTER_PAIR = re.compile(
    r",?[ \t]{1,2}(?:" + alternatives(["a", "an", "per"], ci=True) + r")[ \t]{1,2}(?P<per>"
    + alternatives(PER, ci=True)
    + r")(?![\w-])(?![ \t]{1,3}(?:" + NOT_A_RATE_AFTER_RE + r")(?!\w))")
_CONVERSION_WORD = re.compile(r"umgerechnet|converted|equivalent|\bor\b")
_PAREN_CLOSE = re.compile(r"[ \t]{0,2}[),;]")


def neighbour_pairs(text: str, figs: list[Figure]) -> list[tuple[Figure, Figure, re.Match[str]]]:
    """Neighbours read together. An amount and the one it changes to or is compared with share
    a rate ("von 1,40 Euro auf 60 Cent je Aktie", "to 5 dlrs a share from 4 dlrs"). An amount
    and its conversion ("$8bn (£6.3bn)", "50 mln Canadian dlrs, or 36 mln U.S. dlrs") are
    returned, found by the words between them alone: their currencies are not known yet, and
    the conversion is no evidence for its partner's currency."""
    out = []
    for a, b in itertools.pairwise(figs):
        if b.start - a.end > 40 or not (a.has_currency and b.has_currency):
            continue
        if (a.per is None) != (b.per is None) and not a.magnitude and not b.magnitude \
                and b.start - a.end <= 24 and RATE_PAIR.fullmatch(text, a.end, b.start) and _alike_rate(a, b):
            a.per = b.per = a.per or b.per
        if (a.per is not None and b.per is not None and a.per != b.per) \
                or (a.currency == b.currency and a.family == b.family):
            continue  # "5 mln dlrs vs 4 mln dlrs" is no conversion
        if a.per != b.per and bool(a.magnitude) != bool(b.magnitude):
            continue  # a price per unit and a total: "1.50 dlrs a share, or 3 mln stg"
        m = _CONVERSION_GAP.fullmatch(text, a.end, b.start)
        if m is None:
            continue
        # (one rate, written between the amount and its conversion or after the conversion, is
        # the rate of both once they are linked: "883 stg per tonne, equivalent to 1,417 dlrs")
        if m.group("paren"):
            if not _PAREN_CLOSE.match(text, b.end):
                continue
        elif not _CONVERSION_WORD.search(m.group(0)):
            continue  # "5 mln dlrs, 3 mln stg" is a list; ", or" and ", umgerechnet" convert
        av, bv = amount_of(a), amount_of(b)
        if not av or not bv or not Decimal("0.0001") < av / bv < 10000:
            continue
        out.append((a, b, m))
        a.pair, b.pair = b, a
        if a.per is None and not m.group("paren"):
            rate = _RATE_AFTER_PAIR.match(text, b.end)
            if rate is not None:  # "less than $5, or four euros, a day": both per day
                a.per = b.per = str(PER[norm_key(rate.group("per"))])
    return out


PARALLEL = LEX["per_share_parallel"]
PARALLEL_RATIO = Decimal(str(PARALLEL["ratio"]))
PARALLEL_TOTAL = Decimal(str(PARALLEL["total"]))


def _alike_rate(a: Figure, b: Figure) -> bool:
    """Whether the one of two neighbours without a rate may take the other's: not when it is a
    total beside it ("one ct a share vs 48,300 dlrs"; see `total` in [per_share_parallel]); a
    move may be much smaller than its level ("dropped 10 cts to 17.42 dlrs a barrel")."""
    giver, taker = (a, b) if a.per is not None else (b, a)
    g, t = amount_of(giver), amount_of(taker)
    return g is None or t is None or t < g * PARALLEL_TOTAL


def link_conversions(pairs: list[tuple[Figure, Figure, re.Match[str]]]) -> None:
    """Link an amount to the same amount stated in another currency next to it; the conversion
    takes the amount's qualifier ("about $8bn (£6.3bn)": both about)."""
    for a, b, m in pairs:
        if not a.currency or not b.currency or a.currency == b.currency or a.converts or b.converts:
            continue
        a.converts, b.converts = b, a
        if (a.per is None) != (b.per is None):
            a.per = b.per = a.per or b.per  # one amount, one rate: "44p ($0.85)" a share's price
        if m.group("qual"):
            b.qualifier = _CONVERSION_QUAL[" ".join(m.group("qual").split()).lower()]
        elif b.qualifier == "exact" and a.qualifier not in ("exact", "range", "vague"):
            b.qualifier = a.qualifier


_BOUND_JOIN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und))\s{0,2}")


def bracketed_ranges(text: str, figs: list[Figure]) -> None:
    """A range whose lower bound has its conversion in brackets between the bounds ("range from
    $2.5m (£1.6m) to $4m (£2.6m)", "between 250 euros (£173) and 600 euros"): the bounds are
    not joined in one span, but each is read as the range (qualifier "range", low and high), as
    are the conversions when both bounds have one; a bound's conversion alone is that bound, a
    floor or a ceiling ("at_least", "at_most"). The pair is a range by the rules of
    `merge_ranges` for bounds written with their currencies: "between ... and", or "to" after
    a word of range and "from" ("rose from $19 ($30) to $29" is a move and its level). A rate
    written at one bound is the rate of both (and of their conversions)."""
    for i in range(len(figs) - 2):
        a, conv, b = figs[i], figs[i + 1], figs[i + 2]
        if a.converts is not conv or not bracketed(text, conv) or not b.has_currency \
                or a.qualifier != "exact" or b.qualifier != "exact" or b.vague is not None or a.vague is not None \
                or b.currency != a.currency or b.family != a.family or bracketed(text, b):
            continue
        close = _PAREN_CLOSE.match(text, conv.end)
        if close is None or close.group(0).strip() != ")":
            continue
        join = _BOUND_JOIN.fullmatch(text, close.end(), b.start)
        if join is None:
            continue
        word = join.group(0).strip().lower()
        if not (a.between if word in ("and", "und", "-", "–", "—") else range_from(text, a.start)):
            continue
        low, high = amount_of(a), amount_of(b)
        if low is None or high is None or not low < high < RANGE_WIDE * low:
            continue
        per = a.per or b.per
        if a.per is not None and b.per is not None and a.per != b.per:
            continue
        hconv = b.converts if b.converts is not None and bracketed(text, b.converts) else None
        a.qualifier = b.qualifier = "range"
        a.vague = b.vague = (low, high)
        lconv, hlow = amount_of(conv), amount_of(hconv) if hconv is not None else None
        if hconv is not None and hconv.currency == conv.currency and lconv is not None and hlow is not None \
                and lconv < hlow and conv.qualifier == hconv.qualifier == "exact":
            conv.qualifier = hconv.qualifier = "range"
            conv.vague = hconv.vague = (lconv, hlow)
        else:
            if conv.qualifier == "exact":
                conv.qualifier = "at_least"
            if hconv is not None and hconv.qualifier == "exact":
                hconv.qualifier = "at_most"
        for f in (a, conv, b, hconv):
            if f is not None and f.per is None:
                f.per = per


# between two conversions in one bracket: "(£140bn; $258bn)", "(£140bn, $258bn)"
_NEXT_CONVERSION = re.compile(r"[ \t]{0,2}[;,][ \t]{1,2}")


def second_conversions(text: str, figs: list[Figure]) -> None:
    """The second conversion in one bracket states the amount once more, in a third currency
    ("more than 200bn euros a year (£140bn; $258bn)"): it converts the amount, not the first
    conversion, and takes the amount's rate and qualifier as the first does."""
    for conv, nxt in itertools.pairwise(figs):
        amount = conv.converts
        if amount is None or amount.converts is not conv or not bracketed(text, conv) or nxt.converts is not None \
                or not nxt.currency or nxt.currency in (amount.currency, conv.currency) \
                or not _NEXT_CONVERSION.fullmatch(text, conv.end, nxt.start):
            continue
        close = _PAREN_CLOSE.match(text, nxt.end)
        if close is None or close.group(0).strip() != ")":
            continue
        av, bv = amount_of(amount), amount_of(nxt)
        if not av or not bv or not Decimal("0.0001") < av / bv < 10000:
            continue
        nxt.converts = amount
        if nxt.per is None:
            nxt.per = amount.per
        if nxt.qualifier == "exact" and amount.qualifier not in ("exact", "range", "vague"):
            nxt.qualifier = amount.qualifier


def bracketed(text: str, fig: Figure) -> bool:
    """Whether `fig` is the conversion in brackets after its amount ("97p ($1.87)")."""
    return fig.pair is not None and fig.pair.end <= fig.start and "(" in text[fig.pair.end:fig.start]


def past_conversion(text: str, fig: Figure) -> int:
    """Where `fig` ends with the conversion in brackets after it, if any ("97p ($1.87)")."""
    conv = fig.pair
    if conv is not None and bracketed(text, conv):
        close = _PAREN_CLOSE.match(text, conv.end)
        if close is not None and close.group(0).strip() == ")":
            return close.end()
    return fig.end
