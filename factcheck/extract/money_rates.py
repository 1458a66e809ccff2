"""Rates written at an amount: on a per-share table row, before it ("pro Monat 1.216 Euro",
"per share earnings of 3.80 dlrs"), after it ("per tonne", "each", "/kWh", "for two
shares"), a nominal value, a dividend.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.money_figure import Figure, amount_of
from factcheck.extract.money_lexicon import (
    CODE_ISO,
    CODES,
    LEX,
    PER,
    SUBUNIT_LOOKUP,
    SUFFIX,
    SUFFIX_CI,
    WORDS,
    WORDS_CI,
    alternatives,
    norm_key,
)
from factcheck.extract.money_patterns import (
    NOT_A_RATE_AFTER,
    PARALLEL_END,
    SENTENCE_BREAK,
    TIME_UNITS,
    second_rate,
)
from factcheck.extract.money_reading import TABLE_NEXT_WORD

# "pro Monat 1.216 Euro", "per ordinary share 12p", "per nominal 2.50 guilder share 5.79 guilders"
_RATE_BEFORE = re.compile(r"(?<![^\W\d_])(?:pro|je|per)(?:\s{1,3}[^\s,;:()]+){0,3}?\s{1,3}(?P<per>"
                          + alternatives(PER, ci=True) + r")\s{1,3}\Z")
_RATE_WORDS = frozenset(norm_key(k) for k in PER)
# "per share earnings of 3.80 dlrs", "pro Kopf Ausgaben von 500 Euro": the rate, then the
# noun it qualifies, then "of"/"von" before the amount
_RATE_OF_WORDS = frozenset(("of", "von"))
_RATE_OF_BEFORE = re.compile(r"(?<![^\W\d_])(?:pro|je|per)\s{1,3}(?P<per>" + alternatives(PER, ci=True)
                             + r")(?:\s{1,3}" + alternatives(LEX["per_before_of"]["modifiers"], ci=True) + r")?\s{1,3}"
                             + alternatives(LEX["per_before_of"]["nouns"], ci=True) + r"\s{1,3}(?:of|von)\s{1,3}\Z")


def last_match(rx: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
    """The last match of `rx` in `text[lo:hi]` (the one nearest an amount written after it)."""
    m = None
    for m in rx.finditer(text, lo, len(text) if hi is None else hi):  # noqa: B007 (the last one)
        continue
    return m


def _has_rates(text: str, low: str | None) -> bool:
    """Whether `text` (`low`: lower-cased, or None) has a word that writes a rate before its
    amount ("pro Monat 1.216 Euro"), perhaps opening a sentence ("Pro Kopf sind es 500 Euro")."""
    if low is not None:
        return "pro " in low or "je " in low or "per " in low
    return "pro " in text or "je " in text or "per " in text or "Pro " in text or "Je " in text or "Per " in text


def per_figure(text: str, figs: list[Figure], tables: list[tuple[int, int, str, str]], low: str | None) -> None:
    """What each figure's line and the words before it say. On an earnings-table line: keep
    the row label; on a per-share row ("Shr", "Qtly div") a figure with a currency is per
    share, a bare one is no money; a bare figure on a money row ("Net", "Revs") is money in
    the story's currency. A rate written before its amount: "pro Monat 1.216 Euro".

    `tables` are the document's table rows in text order; `low` is the text lower-cased with
    the same offsets, or None."""
    j, n = -1, len(tables)  # the last table row that starts at or before the figure
    prev_end = 0  # where the amount before ends
    rates = _has_rates(text, low)  # whether the text writes a rate before an amount (once, not per amount)
    for fig in figs:
        row = None
        if n:
            pos = fig.start
            if j >= 0 and pos < tables[j][0]:
                j = -1  # (figures come in text order; this only guards it)
            while j + 1 < n and tables[j + 1][0] <= pos:
                j += 1
            if j >= 0 and pos < tables[j][1]:
                row = tables[j]
        if row is not None:
            _, _, label, kind = row
            fig.label = label
            if kind == "per_share":
                if fig.has_currency and fig.per is None:
                    fig.per = "share"
                if not fig.has_currency:
                    fig.table = False
            elif kind == "money" and fig.table and not fig.has_currency:
                fig.family = "any"
        if fig.per is None and fig.has_currency:
            if low is None:
                before = text[max(0, fig.start - 24):fig.start].rsplit(None, 1)[-1:]
                word = before[0].lower() if before else ""  # (one token: no spaces to normalise)
            else:
                before = low[max(0, fig.start - 24):fig.start].rsplit(None, 1)[-1:]
                word = before[0] if before else ""
            if word in _PER_ADVERB:
                fig.per = _PER_ADVERB[word]  # "monatlich 58 Euro"
            elif word in _RATE_WORDS and not fig.magnitude and rates:
                m = _RATE_BEFORE.search(text, max(0, fig.start - 60), fig.start)
                if m:
                    fig.per = str(PER[norm_key(m.group("per"))])
            elif word in _RATE_OF_WORDS and not fig.magnitude and rates:
                m = _RATE_OF_BEFORE.search(text, max(0, fig.start - 60), fig.start)
                if m:
                    fig.per = str(PER[norm_key(m.group("per"))])  # "per share earnings of 3.80 dlrs"
            if fig.per is None:
                after = TABLE_NEXT_WORD.match(text, fig.end)
                if after and after.group(1).lower() in _PER_ADVERB:
                    fig.per = _PER_ADVERB[after.group(1).lower()]  # "5 mln dlrs annually"
            if fig.per is None:
                fig.per, inside = _open_rate(text, fig, low)
                if fig.per is not None and not inside:
                    br = _BRACKET_AFTER.match(text, fig.end)  # "each fined 1m euros ($1.3m; £690,000)"
                    inside = br.end() if br else 0
                if inside:  # "900 rupees ($20.40; £10.50) per tonne": the conversions too
                    for other in figs:
                        if fig.end < other.start < inside and other.per is None:
                            other.per = fig.per
            if fig.per is None and not fig.magnitude and rates:
                fig.per = _rate_before_gap(text, fig)  # "pro Exemplar mit bis zu 50.000 Euro"
            if fig.per is None and word in _SHARES_AT_LAST and not fig.magnitude \
                    and _SHARES_AT.search(text, max(0, fig.start - 48), fig.start):
                fig.per = "share"  # "sold 1.5 mln shares at 23 cents", "2 Mio. Aktien zu 14 Euro"
            if fig.per is None and not fig.magnitude and _nominal_share(text, fig):
                fig.per = "share"  # "41 mln shares of 25 francs nominal", "Aktien im Nennwert von 5 Euro"
            if fig.per is None and not fig.magnitude:
                fig.per = _for_shares(text, fig)  # "1.50 dlrs for two shares"
            if fig.per is None and not fig.magnitude and fig.label is None \
                    and _share_noun(text, fig, prev_end, low):
                fig.per = "share"  # "earnings per share rose to 41p"
        elif fig.per in TIME_UNITS and rates and not fig.magnitude and fig.has_currency:
            before = _rate_written_before(text, fig)  # "Pro Kind stehen nur 38 Cent pro Monat"
            if before is not None and before not in TIME_UNITS:
                fig.per = f"{before} per {fig.per}"  # (see [per_second]: the time unit last)
        if fig.has_currency or fig.table:
            prev_end = fig.end


def _rate_written_before(text: str, fig: Figure) -> str | None:
    """The rate written before `fig`, right before it ("pro Kopf 500 Euro") or with small words
    between ("Pro Kind stehen nur 38 Cent"), for an amount whose time unit follows it: one rate
    of two units written on either side of the amount ("... 38 Cent pro Monat")."""
    m = _RATE_BEFORE.search(text, max(0, fig.start - 60), fig.start)
    if m is not None:
        return str(PER[norm_key(m.group("per"))])
    return _rate_before_gap(text, fig)


_GAP_LEX = LEX["per_before_gap"]
_GAP_INTRO = tuple(w.lower() + " " for w in _GAP_LEX["intro"])
_GAP_REACH = str(int(_GAP_LEX["reach"]))
_RATE_BEFORE_GAP = re.compile(
    r"(?<![^\W\d_])(?:" + alternatives(_GAP_LEX["intro"], ci=True) + r")\s{1,3}(?P<noun>[A-ZÄÖÜ][\w-]{0,30})"
    r"(?:\s{1,3}(?:" + alternatives([*_GAP_LEX["gap"], *_GAP_LEX["again"]], ci=True) + r")){1," + _GAP_REACH
    + r"}\s{1,3}\Z")
# English: only a unit of [per] after "per" ("the fee per night is another $50")
_RATE_BEFORE_GAP_EN = re.compile(
    r"(?<![^\W\d_])per\s{1,3}(?P<noun>" + alternatives(PER, ci=True) + r")(?:\s{1,3}(?:"
    + alternatives(_GAP_LEX["gap_en"], ci=True) + r")){1," + _GAP_REACH + r"}\s{1,3}\Z")


def _rate_before_gap(text: str, fig: Figure) -> str | None:
    """The rate written before `fig` with small words between (see [per_before_gap] in money.toml)."""
    lo = max(0, fig.start - 60)
    window = text[lo:fig.start].lower()
    if "per " in window:
        m = _RATE_BEFORE_GAP_EN.search(text, lo, fig.start)
        if m is not None:
            return str(PER[norm_key(m.group("noun"))])
    if not any(w in window for w in _GAP_INTRO):  # (most amounts: no "pro"/"je" before them)
        return None
    m = _RATE_BEFORE_GAP.search(text, lo, fig.start)
    if m is None:
        return None
    noun = norm_key(m.group("noun"))
    if noun in _RATE_WORDS:
        return str(PER[noun])
    return None if noun in _NOT_RATE_NOUNS else noun


_NOUN = LEX["per_share_noun"]
_NOUN_REACH = int(_NOUN["reach"])
_NOUN_BELOW = Decimal(str(_NOUN["below"]))
_NOUN_RATE = re.compile(
    r"(?<![^\W\d_])(?:(?:" + alternatives(_NOUN["nouns"], ci=True) + r")(?:\s{1,3}[^\W\d_]{1,20}){0,2}\s{1,3}(?:"
    + alternatives(_NOUN["rates"], ci=True) + r")|(?:" + alternatives(_NOUN["rates"], ci=True) + r")\s{1,3}(?:"
    + alternatives(_NOUN["nouns"], ci=True) + r")|" + alternatives(_NOUN["alone"]) + r")(?![\w-])")
_NOUN_STOP = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_NOUN["stops"], ci=True) + r")(?![\w-])")
_NOUN_CUES = ("share", "shr", "aktie", "eps")


def _share_noun(text: str, fig: Figure, prev_end: int, low: str | None) -> bool:
    """Whether `fig` follows the noun of a per-share measure in its clause (see [per_share_noun]):
    "earnings per share rose to 41p", "per share earnings were 1.20 dlrs"."""
    lo = max(prev_end, fig.start - _NOUN_REACH)
    window = (low[lo:fig.start] if low is not None else text[lo:fig.start].lower())
    if not any(c in window for c in _NOUN_CUES):
        return False
    amount = amount_of(fig)
    if amount is None or amount >= _NOUN_BELOW:
        return False
    m = last_match(_NOUN_RATE, text, lo, fig.start)
    return m is not None and not PARALLEL_END.search(text, m.end(), fig.start + 1) \
        and not _NOUN_STOP.search(text, m.end(), fig.start)


_FOR = LEX["per_share_for"]
_FOR_EACH = frozenset(w.lower() for w in _FOR["each"])
_FOR_MOST = int(_FOR["most"])
_FOR_SHARES = re.compile(
    r"\s{1,3}(?:" + alternatives(_FOR["intro"], ci=True) + r")\s{1,3}(?P<n>\d{1,3}(?![\d.,]\d)|"
    + alternatives([*_FOR["each"], *(k for k, v in WORDS.items() if 2 <= v <= _FOR_MOST)], ci=True)
    + r")\s{1,3}(?:" + alternatives(_FOR["shares"], ci=True) + r")(?![\w-])")


def _for_shares(text: str, fig: Figure) -> str | None:
    """The rate "for" a number of shares written right after the amount (see [per_share_for]):
    "1.50 dlrs for two shares" is per two shares, "75 cts for each share" per share."""
    m = _FOR_SHARES.match(text, fig.end)
    if m is None:
        return None
    n = m.group("n")
    if n.lower() in _FOR_EACH:
        return "share"
    count = int(n) if n.isdigit() else int(WORDS_CI.get(norm_key(n), 0))
    if not 1 <= count <= _FOR_MOST:
        return None
    return "share" if count == 1 else f"{count} share"


SHARES_AT_LEX = LEX["per_share_at"]
_SHARES_AT_LAST = frozenset(w.split()[-1].lower() for w in SHARES_AT_LEX["before"])
_SHARES_AT = re.compile(r"(?<![^\W\d_])(?:" + alternatives(SHARES_AT_LEX["shares"], ci=True) + r")\s{1,3}(?:"
                        + alternatives(SHARES_AT_LEX["before"], ci=True) + r")\s{1,3}\Z")
_NOMINAL = LEX["per_share_nominal"]
_NOMINAL_AFTER = re.compile(r"\s{1,3}(?:" + alternatives(_NOMINAL["after"], ci=True) + r")(?![\w-])")
_NOMINAL_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_NOMINAL["before"], ci=True)
                             + r")\s{1,3}(?:of|von)(?:\s{1,3}(?:je|jeweils))?\s{1,3}\Z")
_NOMINAL_SHARES = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_NOMINAL["shares"], ci=True) + r")(?![\w-])")
_NOMINAL_SHARES_NEXT = re.compile(r"\s{1,3}(?:" + alternatives(_NOMINAL["shares"], ci=True) + r")(?![\w-])")
_NOMINAL_REACH = int(_NOMINAL["reach"])
_NOMINAL_CUE = ("nominal", "par", "face", "Nenn", "Nominal")


def _nominal_share(text: str, fig: Figure) -> bool:
    """Whether an amount is the nominal (par) value of a share (see [per_share_nominal])."""
    after = _NOMINAL_AFTER.match(text, fig.end)
    if after is None:
        window = text[max(0, fig.start - 40):fig.start]
        if not any(c in window for c in _NOMINAL_CUE) or _NOMINAL_BEFORE.search(window) is None:
            return False
    elif _NOMINAL_SHARES_NEXT.match(text, after.end()):
        return True  # "1.66 dlr par value common"
    lo = max(0, fig.start - _NOMINAL_REACH)
    share = last_match(_NOMINAL_SHARES, text, lo, fig.start)  # the last share word before the amount
    return share is not None and not SENTENCE_BREAK.search(text, share.end(), fig.start + 1)


_OPEN = LEX["per_open"]
_NOT_RATE_NOUNS = frozenset(w.lower() for w in _OPEN["not_nouns"])
_EACH_THEN = frozenset(_OPEN["each_then"])
_COUNT_WORDS = frozenset(w.lower() for w in _OPEN["count_words"])
# "$17.6m (£9.49m) per plane", "£9.49m) per plane", "20 Dollar pro 1000 Kubikmeter", "$95m each";
# past an apposition that names the amount's currency again: "134.75 European currency units,
# Ecus, per tonne" (a currency word set off by commas, no figure: the rate is still the amount's)
RATE_AFTER = re.compile(
    r"(?P<close>\))?(?:[ \t]{0,2}(?P<bracket>\([^()]{1,60}\)))?"  # (wire lines wrap inside brackets)
    r"(?P<appos>,\s{1,3}(?:" + alternatives([*SUFFIX, *CODES], ci=True) + r"),)?"
    r"(?:(?:\s{1,3}(?P<intro>" + alternatives([*_OPEN["intro"], *_OPEN["unit_intro"], "a", "an"], ci=True)
    + r")\s{1,3}|\s{0,2}/\s?)"
    r"(?:(?P<n>\d{1,4})\s{1,2})?(?P<noun>[^\W\d_][\w-]{0,30})(?![\w-])"
    r"(?P<next>(?:[ \t]{1,2}[^\W\d_][\w-]{0,30}(?![\w-])){0,2})"
    r"|\s{1,3}(?:" + alternatives(_OPEN["each_after"], ci=True) + r")(?![\w-])(?:\s{1,3}(?P<then>[^\W\d_]+))?)")
_A = frozenset(("a", "an"))
_ITEM_AFTER = re.compile(
    r"(?P<gap>(?:\s{1,3}(?!(?:" + alternatives(_OPEN["item_gap_stop"], ci=True) + r")(?![\w-]))[^\W\d_][\w'-]{0,30}){0,"
    + str(int(_OPEN["item_gap"])) + r"})\s{1,3}(?:" + alternatives(_OPEN["item_intro"], ci=True)
    + r")(?P<words>(?:\s{1,3}[^\s,;:.!?()]+){1,5})")
_ITEM_AS = dict(_OPEN["item_as"])
_UNIT_INTRO = frozenset(w.lower() for w in _OPEN["unit_intro"])
_WORTH_AFTER = re.compile(
    r"(?:[ \t]{0,2}(?P<bracket>\([^()]{1,60}\)))?\s{1,3}(?:" + alternatives(_OPEN["worth_intro"], ci=True)
    + r")\s{1,3}(?P<unit>[^\W\d_]+)['’]s\s{1,3}" + re.escape(_OPEN["worth_word"]) + r"(?![\w-])", re.I)
# (the gap may end with a comma: an apposition, "each keep less than half, about $200,000")
_EACH_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_OPEN["each_before"], ci=True)
                          + r")(?P<gap>(?:\s{1,3}[^\s,;:.!?()]+){0," + str(int(_OPEN["each_reach"]))
                          + r"})(?P<comma>,)?\s{1,3}\Z")
_EACH_FAR = _OPEN["each_far"]
_EACH_FAR_WORD = str(_EACH_FAR["word"])
_EACH_FAR_SPAN = int(_EACH_FAR["span"])
_EACH_FAR_BEFORE = re.compile(
    r"(?<![^\W\d_])" + re.escape(_EACH_FAR_WORD) + r"(?P<gap>(?:\s{1,3}(?!(?:"
    + alternatives(_EACH_FAR["gap_stop"], ci=True) + r")(?![\w-]))[^\s,;:.!?()]+){0," + str(int(_EACH_FAR["reach"]))
    + r"})(?P<comma>,)?\s{1,3}\Z")
_EACH_CHECK = tuple(w.lower() for w in _OPEN["each_before"])
_GAP = r"(?P<gap>(?:\s{1,3}[^\s,;:.!?()]+){0," + str(int(_OPEN["each_reach"])) + r"})\s{1,3}\Z"
_EVERY_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_OPEN["every_before"], ci=True)
                           + r")\s{1,3}(?P<noun>[^\W\d_][\w-]{0,30})(?![\w-])" + _GAP)
_EVERY_CHECK = ("every", "jede")
_NOT_EVERY = frozenset(w.lower() for w in _OPEN["not_every_nouns"])
_EVERY_STOP = frozenset(w.lower() for w in _OPEN["every_gap_stop"])
_NUMBER_WORD_SET = frozenset(k.lower() for k in (*LEX["number_words"], *LEX["number_words_de"]))
_PRICE_NOUNS = {norm_key(k): v for k, v in _OPEN["price_nouns"].items()}
_SLASH_UNITS = {norm_key(k): v for k, v in _OPEN["slash_units"].items()}
_PRICE_BEFORE = re.compile(r"(?<![^\W\d_])(?P<noun>" + alternatives(list(_OPEN["price_nouns"]), ci=True) + r")" + _GAP)
# any of the words the checks below look for in the lower-cased text before an amount
_BEFORE_CUE = re.compile("|".join(map(re.escape, (*_EACH_CHECK, *_EVERY_CHECK, "preis", "price"))))
_BRACKET_AFTER = re.compile(r"[ \t]{0,2}\([^()]{1,60}\)")
_COUNTED = re.compile(r"[^\W\d_]+")
_COUNTED_WORDS = int(_OPEN["counted_words"])
_COUNTED_REACH = int(_OPEN["counted_reach"])
_DIVIDEND = re.compile(r"(?<![^\W\d_])(?:" + alternatives(LEX["per_dividend"]["words"], ci=True) + r")(?![\w-])")
_DIVIDEND_BELOW = Decimal(str(LEX["per_dividend"]["below"]))
_DIVIDEND_REACH = int(LEX["per_dividend"]["reach"])


def _open_rate(text: str, fig: Figure, low: str | None = None) -> tuple[str | None, int]:
    """A rate [per] does not name (see [per_open] and [per_dividend] in money.toml): any noun
    after "per", "pro" or "je", "each" after the amount or shortly before it, a dividend. With
    the end of a bracket of conversions the rate stands after (else 0)."""
    m = RATE_AFTER.match(text, fig.end)
    if m is not None:
        inside = m.end("bracket") if m.group("bracket") else 0
        noun = m.group("noun")
        intro = (m.group("intro") or "").lower()
        if noun is not None and intro in _A:
            # "pounds 15 (dollars 28) a month": only past a bracket, only a [per] unit, no time
            words = [norm_key(w) for w in (noun, *m.group("next").split())]
            if (m.group("bracket") or m.group("close") or m.group("appos")) and words[0] in _RATE_WORDS \
                    and (len(words) < 2 or words[1] not in NOT_A_RATE_AFTER):
                return str(PER[words[0]]), inside
            noun = None
        elif noun is not None and " ".join(intro.split()) in _UNIT_INTRO:
            # "for each" and a unit ("for each hour of processing"); any other noun phrase is read
            # as before ("for each IC Gas ordinary", "for each H.K. Telephone share")
            words = [norm_key(w) for w in (noun, *m.group("next").split())]
            known = next((w for w in words if w in _RATE_WORDS), None)
            if known is not None:
                return str(PER[known]), inside
        elif noun is not None and m.group("intro") is None:
            # after a slash only a unit: "2,09 Cent/kWh", "yen 154.65/dlr", not "(2 Mio. Euro/Par 72)"
            unit = _slash_unit([norm_key(w) for w in (noun, *m.group("next").split())], fig)
            if unit is not None:
                return ((m.group("n") + " " + unit) if m.group("n") else unit), inside
        elif noun is not None:
            words = [norm_key(w) for w in (noun, *m.group("next").split())]
            # a unit after modifiers ("per common share", "per troy ounce"), but a time word there
            # starts a phrase of its own ("per mcf last year")
            known = words[0] if words[0] in _RATE_WORDS else next(
                (w for w in words[1:] if w in _RATE_WORDS and PER[w] not in TIME_UNITS), None)
            if known is not None:
                unit: str | None = str(PER[known])  # "per common share", "per troy ounce"
            elif words[0] in _NOT_RATE_NOUNS:
                unit = None
            elif words[0] in _COUNT_WORDS and len(words) > 1 and words[1] not in _NOT_RATE_NOUNS:
                unit = words[0] + " " + words[1]  # "per mln Btu"
            else:
                unit = words[0]
            if unit is not None:
                unit = (m.group("n") + " " + unit) if m.group("n") else unit
                if unit == words[0] or known == words[0]:
                    two = second_rate(text, m.end("noun"), unit)  # "dollars 17 per child per year"
                    if two is not None:
                        unit = two[0]
                return unit, inside
        elif noun is None and (m.group("then") is None or m.group("then").lower() in _EACH_THEN):
            return _counted(text, fig.start), inside
    w = _WORTH_AFTER.match(text, fig.end)
    if w is not None and norm_key(w.group("unit")) in _RATE_WORDS:
        return str(PER[norm_key(w.group("unit"))]), (w.end("bracket") if w.group("bracket") else 0)
    item = _item_rate(text, fig)
    if item is not None:
        return item, 0
    lo = max(0, fig.start - 60)
    far = text.find(_EACH_FAR_WORD, max(0, fig.start - _EACH_FAR_SPAN), fig.start)
    if far >= 0:
        lo = min(lo, far)  # "bleibt jeweils nach Abzug der Steuern weniger als die Hälfte, rund 200.000 Dollar"
    # (most amounts: none of the words below, then done; `low` is the text lower-cased with
    # its offsets, or None)
    if low is None:
        low = text[lo:fig.start].lower()
        if _BEFORE_CUE.search(low) is None:
            return None, 0
    else:
        if _BEFORE_CUE.search(low, lo, fig.start) is None:
            return None, 0
        low = low[lo:fig.start]
    window = text[lo:fig.start]
    if any(w in low for w in _EACH_CHECK):
        b = _EACH_BEFORE.search(window)
        if b is None and far >= 0:
            b = _EACH_FAR_BEFORE.search(window)
        if b is not None and b.group("comma") and (
                not b.group("gap") or norm_key(b.group("gap").split()[0]) in _NOT_EVERY):
            b = None  # "85 dlrs each, 15 dlrs more": the "each" of the amount before; "In each case, ..."
        if b is not None and (b.group("gap") or not low.rstrip().endswith("each")):
            # ("for each 1,000 dlrs debenture" counts in units of the amount itself)
            first = _COUNTED.match(b.group("gap").strip())
            if first is not None and norm_key(first.group(0)) in _RATE_WORDS:
                return str(PER[norm_key(first.group(0))]), 0  # "each year 40 mln dlrs"
            return "unit", 0
    if any(w in low for w in _EVERY_CHECK):
        e = _EVERY_BEFORE.search(window)
        if e is not None:
            noun = norm_key(e.group("noun"))
            words = [noun, *(norm_key(w) for w in e.group("gap").split())]
            known = next((w for w in words if w in _RATE_WORDS), None)
            if not _EVERY_STOP.isdisjoint(words):
                pass  # "cut every year since 1984's 3.6 billion dlrs"
            elif known is not None:
                return str(PER[known]), 0  # "jeden Monat 58 Euro", "every ordinary share of par value"
            elif noun not in _NOT_EVERY and noun not in _NUMBER_WORD_SET:
                return noun, 0  # "kostet jeden Steuerzahler rund 150 Euro"
    if "preis" in low or "price" in low:
        p = _PRICE_BEFORE.search(window)
        if p is not None:
            return _PRICE_NOUNS[norm_key(p.group("noun"))], 0
    return None, 0


def _slash_unit(words: list[str], fig: Figure) -> str | None:
    """The unit the words after a slash make of `fig` (see `slash_units` in money.toml): a [per]
    word or a unit of `slash_units`, perhaps after modifiers ("/common shr", "/short ton"; no
    time word there); a currency, an exchange rate, only for an amount with no magnitude ("1.60
    stg/dlr", not "50 mln dlr/stg"); any other word none ("(2 Mio. Euro/Par 72)")."""
    word = words[0]
    if word in _RATE_WORDS:
        return str(PER[word])
    if word in _SLASH_UNITS:
        return str(_SLASH_UNITS[word])
    if word in CURRENCY_RATES and not fig.magnitude:
        return word
    known = next((w for w in words[1:] if w in _RATE_WORDS and PER[w] not in TIME_UNITS), None)
    return str(PER[known]) if known is not None else None


def _item_rate(text: str, fig: Figure) -> str | None:
    """The noun after "on each"/"for each" past the amount (see `item_intro` in money.toml):
    "a 50,000 dlr fine on each count" is per count."""
    m = _ITEM_AFTER.match(text, fig.end)
    if m is None:
        return None
    words = m.group("words").split()
    if words[0].lower() == "of":  # "for each of their shares": only a [per] word
        known = next((w for w in words[1:] if norm_key(w) in _RATE_WORDS), None)
        return str(PER[norm_key(known)]) if known is not None else None
    known = next((w for w in words[:3] if norm_key(w) in _RATE_WORDS), None)
    if known is not None:
        return str(PER[norm_key(known)])  # "for each AMC common share"
    noun = words[0]
    if not noun.isalpha() or not noun.islower() or noun in _NOT_RATE_NOUNS:
        return None
    if len(words) > 1 and words[1] not in _EACH_THEN and not words[1].endswith("ed"):
        return None  # "for each personal computer", "for each series A": the noun may be further on
    return _ITEM_AS.get(noun, noun)


def dividend_rates(text: str, figs: list[Figure]) -> None:
    """A dividend in prose without a magnitude is per share (see [per_dividend] in money.toml);
    read after the rates an amount shares with its pair ("to 78 cts a year from 76 cts")."""
    for fig in figs:
        if fig.per is not None or not fig.has_currency or fig.magnitude or fig.label is not None \
                or text.find("ivid", max(0, fig.start - _DIVIDEND_REACH), fig.start) < 0:
            continue
        amount = amount_of(fig)
        if amount is None or amount >= _DIVIDEND_BELOW:
            continue
        d = last_match(_DIVIDEND, text, max(0, fig.start - _DIVIDEND_REACH), fig.start)  # the last dividend word
        if d is not None and not SENTENCE_BREAK.search(text, d.end(), fig.start + 1):
            fig.per = "share"


# rates per a currency unit: exchange rates, not the rate of a list ("146.20 yen per dollar")
# (but a rate per pound is per lb: the weight)
CURRENCY_RATES = (frozenset(SUFFIX_CI) | frozenset(SUBUNIT_LOOKUP) | frozenset(c.lower() for c in CODE_ISO)
                  | frozenset(("dlr", "d-mark"))) - frozenset(("pound",))


def _counted(text: str, start: int) -> str:
    """The unit of a price per item ("shares at 3.40 dlrs each", "the new shares will be sold
    at 9 euro cents each"): a [per] word among the few words before the amount in its sentence
    (see `counted_words` in [per_open]), else "unit"; not a time ("cars last year at 5,833
    dlrs each" are counted, the year is when)."""
    lo = max(0, start - _COUNTED_REACH)
    for br in SENTENCE_BREAK.finditer(text, lo, start):
        lo = br.start() + 1
    for w in reversed(_COUNTED.findall(text, lo, start)[-_COUNTED_WORDS:]):
        key = norm_key(w)
        if key in _RATE_WORDS and PER[key] not in TIME_UNITS:
            return str(PER[key])
    return "unit"


_PER_ADVERB = {k.lower(): v for k, v in LEX["per_adverb"].items()}
