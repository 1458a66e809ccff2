"""Reading one candidate: its figure from the number or words, the currency, magnitude,
coin, cents and rate after it, the qualifier words before it; and whether a bare number
is money at all (on a table row, linked to the figure before, a range's or a list's
first half).
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.money_figure import Figure
from factcheck.extract.money_lexicon import (
    ATTACHED_NOT_MONEY,
    COIN,
    COIN_DEFAULT,
    DOT_THOUSANDS,
    FOLLOW,
    FRACTIONS_CI,
    LEFT_WINDOW,
    PER,
    QUALS,
    RIGHT_WINDOW,
    SHORT_MAGS,
    SUBUNIT,
    SUBUNIT_LOOKUP,
    VAGUE_P_CI,
    VAGUE_Q_CI,
    family_of,
    norm_key,
)
from factcheck.extract.money_patterns import (
    CENTS,
    DIGIT_NEXT,
    ELLIPSIS_FOLLOW,
    ENDS_FIGURE,
    FOLLOW_WORD,
    JOIN_AHEAD,
    JOIN_BETWEEN,
    LINK_FOLLOW,
    MONEY_CONTEXT,
    NOT_MONEY_AFTER,
    NOUN_AFTER,
    NUMERAL_CANDIDATE,
    OF_WEIGHT,
    PART_LAST,
    PART_LINK,
    PCT_AFTER,
    PER_BARE,
    RIGHT,
    SENTENCE_BEFORE,
    SENTENCE_BREAK,
    VAGUE_CONTEXT,
    VAGUE_P_AS_WRITTEN,
    VALUE_LINK,
    second_rate,
)
from factcheck.extract.money_words import currency_of_word, magnitude_exponent, read_prefix, spelled_value
from factcheck.extract.numbers import SPACE_GROUPED, parse_numeral

_QUOTES = "„“\"«»"
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
# a price's dash for its decimals, "none" ("49,– Euro", "12,- €", "Fr. 12.–"; German and Swiss)
_ZERO_CENTS = re.compile(r"[.,][-–—](?![\w-])")
_ZERO_CENTS_START = (",-", ",–", ",—", ".-", ".–", ".—")
# last words of the qualifier phrases, to skip the phrase lookup for most figures
_QUAL_LAST = frozenset(k.split()[-1] for k in QUALS) | {"between", "zwischen"}


def _quote_shorthand(text: str, start: int, raw: str) -> bool:
    """Whether `raw`, after "NUMBER/", has fewer digits than that number ("1.8245/50")."""
    k = start - 1
    while k > max(0, start - 16) and (text[k - 1].isdigit() or text[k - 1] in ".,"):
        k -= 1
    before = sum(ch.isdigit() for ch in text[k:start - 1])
    return sum(ch.isdigit() for ch in raw) < before


def _noun_follows(text: str, pos: int) -> bool:
    """Whether a word that is not a function word follows `pos` ("a grand jury", "a dollar bill")."""
    m = FOLLOW_WORD.match(text, pos, pos + 24)
    if not m:
        return False
    return m.group(1) is None or m.group(1).lower() not in FOLLOW


def _start_figure(text: str, m: re.Match[str], lang: str) -> Figure | None:
    """The figure a word candidate stands for, before its right-hand side is read."""
    start, end = m.start(), m.end()
    if m.group("word") is not None:
        number = spelled_value(m.group("word"))
        return None if number is None else Figure(start, end, number)
    if m.group("frac") is not None:
        return Figure(start, end, Decimal(str(FRACTIONS_CI[norm_key(m.group("fracw"))])))
    if m.group("vp") is not None:
        word = text[start:end]
        if not (word in VAGUE_P_AS_WRITTEN or word.isupper()
                or (word[0].isupper() and word.lower() in VAGUE_P_AS_WRITTEN)):
            return None  # "Milliarden" is a noun: capitalised; "billions" is not
        if lang == "de" and word[0].islower():
            return None  # German plural magnitudes are nouns: capitalised
        low, high = VAGUE_P_CI[norm_key(word)]
        fig = Figure(start, end, None, magnitude=word.lower(), qualifier="vague")
        fig.vague = (Decimal(10) ** low, Decimal(10) ** high)
        return fig
    if m.group("vq") is not None:
        q_low, q_high = VAGUE_Q_CI[norm_key(m.group("vq"))]
        exp = magnitude_exponent(m.group("vqmag"), lang)
        scale = Decimal(10) ** exp
        fig = Figure(start, end, None, exponent=exp, magnitude=m.group("vqmag").lower(),
                     qualifier="vague")
        fig.vague = (Decimal(str(q_low)) * scale, Decimal(str(q_high)) * scale)
        return fig
    if text[start:end].isupper() or not SENTENCE_BEFORE.search(text, max(0, start - 8), start):
        return None  # "NICKEL" is a headline; "nickel" inside a sentence is the metal
    value, cur = COIN[m.group("bare").lower()]
    return Figure(start, end, value, currency=cur or COIN_DEFAULT.get(m.group("bare").lower()),
                  has_currency=True, exact_cents=True, family=family_of(m.group("bare"), cur) if cur else "any")


def read_candidate(text: str, m: re.Match[str], lang: str, floor: int, in_table) -> Figure | int | None:
    """Read one candidate: its figure; or None when it is not money; or, when a number with
    its magnitude was read but is not money ("zwei Milliarden Menschen"), where it ends."""
    start, end = m.start(), m.end()
    right_re = RIGHT.get(lang) or RIGHT["en"]
    prefix = None
    numeral = m.re is NUMERAL_CANDIDATE
    if numeral:
        prefix = read_prefix(text, start, floor)
        if prefix is None and start and (text[start - 1].isalpha() or text[start - 1] == "_"):
            return None  # "B747", "Q3"; but "USD3.14"
        raw = m.group(0)
        if start > 1 and text[start - 1] == "/" and text[start - 2].isdigit() and _quote_shorthand(text, start, raw):
            return None  # "1.8245/50 marks": the offer side of a quote, written short
        if len(raw) <= 3 and text[end + 1:end + 2].isdigit() and text.startswith(" ", end):
            sp = SPACE_GROUPED.match(text, start)  # "12 500 EUR", "10 000 dollars"
            if sp and sp.end() > end:
                r = right_re.match(text, sp.end(), sp.end() + RIGHT_WINDOW)
                if prefix or r.group("cur") or r.group("sub"):
                    raw, end = sp.group(0), sp.end()
        num_lang = lang
        if text.startswith(_ZERO_CENTS_START, end):
            z = _ZERO_CENTS.match(text, end)
            if z:  # "49,– Euro", "Fr. 12.–": a dash for no cents, after the decimal mark
                num_lang = "de" if text[end] == "," else "en"
                end = z.end()
        if prefix is None and PCT_AFTER.match(text, end):
            return None  # "5 pct": no unit can follow, and the bare number below would end so
        if prefix is None and (end >= len(text) or text[end] in ENDS_FIGURE):
            right = None  # "1987,", "5%": nothing can follow
        else:
            right = right_re.match(text, end, end + RIGHT_WINDOW)
        if prefix is None and (right is None or right.end() == end):
            # a bare number: money only on an earnings-table line, or as the first half of
            # a range whose second half names the currency ("2 und 3 Mrd. Euro")
            row = in_table(start)
            if row is not None and row[3] == "not_money":
                return None  # "Avg shrs 6,877,360 vs 6,874,970"
            table = row is not None and not _table_noun_after(text, end, lang) and not (
                _HYPHEN_DIGITS.match(text, end) or _HYPHEN_DIGITS_BEFORE.search(text, max(0, start - 2), start))
            ahead = right is not None and right.group("join") is not None
            linked = not table and _linked(text, start, end, floor, lang)
            if not table and not linked and not _in_range(text, start, end, floor, ahead) \
                    and not (text.startswith(",", end) and _in_list(text, end, right_re)):
                return None
            if NOT_MONEY_AFTER.match(text, end):
                return None
            number = parse_numeral(raw, num_lang)
            if number is None:
                return None
            fig = Figure(start, end, number, table=table, linked=linked)
            if table:
                read_left(text, fig, floor)
            return fig
        number = parse_numeral(raw, num_lang)
        if number is None:
            return None
        fig = Figure(start, end, number)
        if prefix is not None:
            fig.start, fig.currency, fig.has_currency = prefix[0], prefix[1], True
            fig.family = family_of(prefix[2], prefix[1])
            fig.sign = True
    else:
        fig = _start_figure(text, m, lang)
        if fig is None or m.group("bare") is not None:
            return fig
        right = right_re.match(text, end, end + RIGHT_WINDOW)

    if fig.vague is None and right.group("mag"):
        mag = right.group("mag")
        fig.exponent = magnitude_exponent(mag, lang)
        fig.magnitude = mag.lower()
        fig.end = right.end("mag")
    cur = right.group("cur")
    if cur and not fig.has_currency:
        cur_end = right.end("cur")
        if right.group("of") and fig.vague is None:
            pass  # "5 million of dollars" is not a form
        elif not cur[-1].islower() and cur_end < len(text) and text[cur_end].isdigit():
            pass  # "1 $10": the symbol belongs to the next figure
        elif norm_key(cur) in ("pounds", "pound") and OF_WEIGHT.match(text, cur_end):
            pass  # "500 pounds of beef" is a weight
        elif _heading_below(text, end, right.start("cur")):
            pass  # "90 days  7.05" over "CANADIAN DOLLAR SWAPS": the next line's heading, not the unit
        elif not numeral and not fig.magnitude and lang == "en" and norm_key(m.group(0)) in ("a", "an") \
                and (_noun_follows(text, cur_end) or DIGIT_NEXT.match(text, cur_end)):
            pass  # "a dollar bill", "a pound coin"; "a dollars 600m loan" (the word is the prefix)
        else:
            fig.currency = currency_of_word(cur, lang)
            fig.has_currency = True
            fig.family = family_of(cur, fig.currency)
            fig.end = cur_end
            if right.group("mag2") and not fig.magnitude and cur.isupper():
                fig.exponent = magnitude_exponent(right.group("mag2"), lang)  # "75 USD million"
                fig.magnitude = right.group("mag2").lower()
                fig.end = right.end("mag2")
    elif fig.vague is None and not fig.magnitude and not fig.has_currency:
        if right.group("sub"):
            sub = right.group("sub")
            fig.currency = str(SUBUNIT.get(sub) or SUBUNIT_LOOKUP[norm_key(sub)])
            fig.family = family_of(sub, fig.currency)
            fig.number = fig.number / 100
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("sub")
        elif right.group("coin") and not _noun_follows(text, right.end("coin")):
            value, fig.currency = COIN[right.group("coin").lower()]
            # "a penny" names no currency: the story's ("ICI fell a penny" in a London report)
            fig.family = family_of(right.group("coin"), fig.currency) if fig.currency else "any"
            fig.currency = fig.currency or COIN_DEFAULT.get(right.group("coin").lower())
            fig.number = fig.number * value
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("coin")
        elif right.group("att") and numeral and lang == "en" \
                and text[start:right.end("att")] not in ATTACHED_NOT_MONEY:  # "43c", "50p"; not "1080p"
            fig.currency = str(SUBUNIT[right.group("att").strip()])
            fig.family = family_of(right.group("att").strip(), fig.currency)
            fig.number = fig.number / 100
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("att")
    if numeral and fig.currency in DOT_THOUSANDS and not fig.exponent and _DOT_GROUPED.fullmatch(raw):
        fig.number = parse_numeral(raw, "de")  # "Rp 235.000", "12.500 ₫": thousands, in any language
    if right.group("per") and right.start("per_intro") == fig.end and (fig.has_currency or not fig.magnitude):
        fig.per = str(PER[norm_key(right.group("per"))])
        if right.group("per_n"):
            fig.per = right.group("per_n") + " " + fig.per  # "Marks per 100 kilos": "100 kilo"
        fig.end = right.end("per")
        two = second_rate(text, fig.end, fig.per)
        if two is not None:
            fig.per, fig.end = two  # "$200 per person per night"
    elif fig.has_currency and not fig.magnitude and text.startswith((" s", " S"), fig.end):
        bare = PER_BARE.match(text, fig.end)  # the wire's "47 cts share", "1.06 dlrs shr"
        if bare:
            fig.per, fig.end = "share", bare.end()

    if not fig.has_currency:
        if not numeral and fig.vague is None and fig.exponent < 6:
            return fig.end  # spelled numbers need a currency ("eight mln dlrs", "zwei Euro")
        if fig.magnitude in SHORT_MAGS and not _in_range(text, start, fig.end, floor, False):
            return fig.end  # "10m", unless the upper bound of a range: "£40m - 50m"
    if NOT_MONEY_AFTER.match(text, fig.end):
        return fig.end
    if fig.has_currency:
        if fig.per is None:
            _read_cents(text, fig)
    elif fig.vague is not None:
        if not _bare_vague_ok(text, fig, lang):
            return fig.end
    else:
        row = in_table(start)
        # on a row of counts ("Shrs 99.36 mln vs 70.94 mln") a figure is read as in prose: money
        # only with its neighbour's currency ("Credit volume 42.0 billion marks vs 43.1 billion")
        fig.table = row is not None and row[3] != "not_money" and not _table_noun_after(text, fig.end, lang)
        if not fig.table:
            # "5.2 mln dlrs vs 4.1 mln": may take its neighbour's currency
            fig.elliptic = fig.exponent >= 6 and not _noun_after(text, fig.end, lang)
            if _in_range(text, fig.start, fig.end, floor):
                return fig  # half of a range: "2 und 3 Mrd. Euro"
            if fig.elliptic:
                read_left(text, fig, floor)
                return fig
            return fig.end  # "5 billion people" names no currency
    read_left(text, fig, floor)
    return fig


# digits hyphenated to the figure: an account or telephone number ("1111-2222-3333"), no table amount
_HYPHEN_DIGITS = re.compile(r"-\d")
_HYPHEN_DIGITS_BEFORE = re.compile(r"\d-\Z")
TABLE_NEXT_WORD = re.compile(r"[ \t]{0,3}([^\W\d_]+)")
_TABLE_FOLLOW = frozenset(["vs", "profit", "loss", "credit", "debit", "gain", "prior", "making", "net",
                           "shr", "vorjahr", "vj"])


def _table_noun_after(text: str, pos: int, lang: str) -> bool:
    """Whether a figure on a table line counts something named next ("Sales 4,000 units vs"),
    rather than being the row's amount ("Net 5 mln vs 4 mln", "Shr loss 5 cts vs profit")."""
    m = TABLE_NEXT_WORD.match(text, pos, pos + 24)  # (on the row's line: not the "REUTER" below)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _TABLE_FOLLOW:
        return False
    if lang == "de":
        return m.group(1)[0].isupper()
    return word not in FOLLOW and word not in ELLIPSIS_FOLLOW


def _noun_after(text: str, pos: int, lang: str) -> bool:
    """Whether the figure ending at `pos` counts something named next ("4 billion people")."""
    m = FOLLOW_WORD.match(text, pos, pos + 24)
    if not m:
        return False
    word = m.group(1)
    if word is None:
        return True  # "4 billion-dollar"
    if lang == "de":
        return word[0].isupper()
    return word.lower() not in FOLLOW and word.lower() not in ELLIPSIS_FOLLOW


def _linked(text: str, start: int, end: int, floor: int, lang: str) -> bool:
    """Whether a bare number follows the figure before it as a comparison ("192 dlrs from 190
    yesterday", "1.25 dlrs vs 1.10") and counts nothing itself ("from 12 banks")."""
    if floor <= 0 or start - floor > 64:
        return False
    if not ((start - floor <= 24 and VALUE_LINK.fullmatch(text, floor, start))
            or (text[max(floor, start - 14):start].rsplit(None, 1)[-1:] in PART_LAST
                and PART_LINK.fullmatch(text, floor, start))):
        return False
    if start + 4 == end and text[start:start + 2] in ("19", "20"):
        return False  # a year: "from 1986"
    m = FOLLOW_WORD.match(text, end, end + 24)
    if not m or not m.group(1):
        return m is None
    word = m.group(1)
    if lang == "de":
        return not word[0].isupper()
    return word.lower() in FOLLOW or word.lower() in ELLIPSIS_FOLLOW or word.lower() in LINK_FOLLOW


# the rest of a list of figures after its first: ", 2.0 and 2.5", ", 2,0, 2,5 und 3,0"
_LIST_AHEAD = re.compile(r"(?:,[ \t]{1,2}\d(?:[\d.,]*\d)?){0,8},?[ \t]{1,2}(?:and|und)[ \t]{1,2}(?=\d)")
# what stands between two items of such a list
LIST_NEXT = (",", " and ", " und ", " AND ")  # how an item of such a list ends
LIST_SEP = re.compile(r",[ \t]{1,2}|,?[ \t]{1,2}(?:and|und)[ \t]{1,2}")


def _in_list(text: str, end: int, right_re: re.Pattern[str]) -> bool:
    """Whether the bare number ending at `end` opens a list of figures whose last one writes
    the currency ("1.5, 2.0 and 2.5 billion dlrs respectively")."""
    m = _LIST_AHEAD.match(text, end)
    if m is None:
        return False
    last = NUMERAL_CANDIDATE.match(text, m.end())
    if last is None:
        return False
    r = right_re.match(text, last.end(), last.end() + RIGHT_WINDOW)
    return r is not None and (r.group("cur") is not None or r.group("sub") is not None)


def _in_range(text: str, start: int, end: int, floor: int, ahead: bool | None = None) -> bool:
    """Whether a figure is joined to the one before or after it ("2-3", "2 und 3")."""
    if ahead if ahead is not None else JOIN_AHEAD.match(text, end):
        return True
    return floor > 0 and start - floor <= 8 and JOIN_BETWEEN.fullmatch(text, floor, start) is not None


def _read_cents(text: str, fig: Figure) -> None:
    """Extend "$20" over " 43", " and 43c", " forty-five cents" (dollars and cents)."""
    if fig.exponent or fig.exact_cents or fig.number is None or fig.number != fig.number.to_integral_value():
        return
    c = CENTS.match(text, fig.end, fig.end + 40)
    if not c:
        return
    raw = c.group("cents")
    cents = Decimal(raw) if raw.isdigit() else spelled_value(raw)
    if cents is None or not 0 < cents < 100 or NOT_MONEY_AFTER.match(text, c.end()):
        return
    fig.number += cents / 100
    fig.exact_cents = True
    fig.end = c.end()


def _bare_vague_ok(text: str, fig: Figure, lang: str) -> bool:
    """A vague amount with no currency word ("plunged billions into", "wenige Milliarden.")."""
    if fig.vague[0] < Decimal(10) ** 6:
        return False  # "thousands of deals"
    if text.startswith("-", fig.end):
        return False  # "Millionen-Publikum"
    nxt = NOUN_AFTER.match(text, fig.end)
    if nxt and (lang == "de" or nxt.group(0).strip().lower() in ("of", "von")):
        return False  # "billions of people", "Milliarden Menschen"
    word = FOLLOW_WORD.match(text, fig.end, fig.end + 24)
    if lang != "de" and word and word.group(1) and word.group(1).endswith("s") \
            and word.group(1).lower() not in FOLLOW:
        return False  # "several million shares"
    # a money word in the same sentence, close by: "spend millions on", "costs them billions"
    lo = max(0, fig.start - VAGUE_CONTEXT)
    for brk in SENTENCE_BREAK.finditer(text, lo, fig.start + 1):
        lo = brk.start() + 1
    hi = min(len(text), fig.end + VAGUE_CONTEXT)
    brk = SENTENCE_BREAK.search(text, fig.end, hi)
    if brk:
        hi = brk.start() + 1
    return MONEY_CONTEXT.search(text, lo, hi) is not None


def read_left(text: str, fig: Figure, floor: int) -> None:
    """"between" and qualifier words right before a figure ("up to", "mindestens", "knapp")."""
    fig.left_read = True
    lo = max(0, floor, fig.start - LEFT_WINDOW)
    before = text[lo:fig.start]
    last = before.rsplit(None, 1)[-1:]  # (the last word alone first: most figures have no qualifier)
    if not last or last[0].strip(_QUOTES).lower() not in _QUAL_LAST:
        return
    words = before.rsplit(None, 3)[-3:]
    offsets = []
    pos = len(before)
    for w in reversed(words):
        pos = before.rfind(w, 0, pos)
        offsets.append(lo + pos)
    offsets.reverse()
    if words[-1].lower() in ("between", "zwischen"):
        fig.between = True
        fig.start = offsets[-1]
        return
    if fig.vague is not None:
        return
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        qual = QUALS.get(" ".join(w.strip(_QUOTES) for w in words[-n:]).lower())
        if qual:
            first = words[-n]
            fig.qualifier = str(qual)
            fig.start = offsets[-n] + len(first) - len(first.lstrip(_QUOTES))
            return


def _heading_below(text: str, number_end: int, cur_start: int) -> bool:
    """Whether the currency word after a number opens the next line, a heading in capitals of
    two words or more below a line in lower case ("90 days  7.05" over "CANADIAN DOLLAR SWAPS"):
    the heading of what follows, not the number's unit. A wrapped line of running text goes on
    in lower case, and a story all in capitals is no heading below lower case."""
    gap = text[number_end:cur_start]
    if "\n" not in gap or gap.strip():
        return False
    below_end = text.find("\n", cur_start)
    below = text[text.rfind("\n", 0, cur_start) + 1:below_end if below_end >= 0 else len(text)]
    line = text[text.rfind("\n", 0, number_end) + 1:number_end]
    return (len(below.split()) >= 2 and not any(c.islower() for c in below) and any(c.isalpha() for c in below)
            and any(c.islower() for c in line))
