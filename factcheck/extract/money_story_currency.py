"""Each figure's currency and its source, decided from its story in text order: stated, an
earlier member of its family, the dateline, exchange, cue or locale, else the default;
the headline's amounts, a table's currency note, world and trade prices, and the dollar
of the place of publication.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from factcheck.datafiles import load
from factcheck.extract.currency import CurrencyContext, locale_country
from factcheck.extract.money_figure import Figure, amount_of
from factcheck.extract.money_lexicon import CARRY_UNITS, FAMILY, LEX, SUFFIX, Family, alternatives, family_of, norm_key
from factcheck.extract.money_patterns import SENTENCE_BREAK
from factcheck.extract.money_words import currency_of_word


def _cue_pick(text: str, fam: Family) -> str | None:
    """The member whose country the text names most ("francs" in a story that names France)."""
    cue_re, isos = fam.cues
    counts = [0] * len(isos)
    for m in cue_re.finditer(text):
        counts[m.lastindex - 1] += 1
    best = max(range(len(isos)), key=counts.__getitem__)
    return isos[best] if counts[best] else None


def resolve_currencies(text: str, figs: list[Figure], ctx: CurrencyContext) -> None:
    """Give each figure its currency and `source`, in text order (see currency.py for the order
    of strength). A unit word that does not say whose currency it is ("dlrs", "francs") takes
    the nearest explicit member of its family earlier in the story ("12 Australian dlrs" then
    "4.10 dlrs"), else the dateline's, the exchange's, the cue's, the locale's, else its own
    reading. An explicit currency that is the word's own reading ("U.S. dlrs") outranks the
    dateline or exchange too, unless it was set apart from the local currency (`_set_apart`: an
    exchange rate, a world or commodity price, a conversion, or a story that names the local
    currency, "a 2.2 billion Canadian dlr loss"), when it speaks only for its sentence. A figure that
    takes a neighbour's unit ("Shr 41 cts vs 38", "5.2 mln dlrs vs 4.1 mln") takes its
    currency too; a figure with no unit word (a bare table figure) takes the currency of the
    money before it in the story, else the dateline's, exchange's or locale's, else the
    language's default.
    """
    families = {f.family for f in figs}  # the families whose explicit members are worth keeping
    stated: dict[str, list[Figure]] = {}  # family -> its explicit members so far, in text order
    memo: dict[object, object] = {}  # per family: its (currency, source) from the context; its cue
    last: Figure | None = None  # the last figure with a currency
    kept: dict[str, tuple[tuple[str, bool], ...]] = {}  # currency -> its families among `families`
    for fig in figs:
        if fig.source is None:
            family = fig.family
            if fig.src is None and family is None:
                if fig.currency is None:
                    continue  # a vague amount with no currency word
                fig.source = "stated"
            elif fig.src is None and family == "any" and last is not None:
                # a bare table figure: the money before it (as `_resolve` reads it, without the call)
                fig.currency = last.currency
                fig.source = "story" if last.source == "stated" else last.source
            elif fig.src is None and family != "any" and fig.pair is None and family not in stated:
                # nothing in the story yet: the same word reads the same throughout
                key = (family, fig.sign, fig.currency, fig.per in _WORLD_UNITS, fig.per in _TRADE_UNITS)
                known = memo.get(key)
                if known is None:
                    _resolve(text, fig, ctx, stated, memo, last)
                    memo[key] = (fig.currency, fig.source)
                else:
                    fig.currency, fig.source = known
            else:
                _resolve(text, fig, ctx, stated, memo, last)
        if fig.currency is None:
            continue
        last = fig
        keep = kept.get(fig.currency)
        if keep is None:
            keep = kept[fig.currency] = tuple(f for f in _FAMILIES_OF.get(fig.currency, ()) if f[0] in families)
        for name, any_source in keep:
            if any_source or fig.source == "stated":
                stated.setdefault(name, []).append(fig)


_CONTEXT_SOURCES = frozenset(("dateline", "exchange", "locale", "default"))


def headline_currencies(figs: list[Figure], end: int) -> None:
    """A headline's amount whose currency came from the context takes the currency the body
    states for the same amount: "KOALA SETS 200 MLN DLR ISSUE" over "will raise 200 mln U.S.
    dlrs" is in U.S. dollars, whatever the Sydney dateline says of a bare "dlr". `end` is where
    the headline ends."""
    n = bisect.bisect_left([f.start for f in figs], end)  # the headline's figures: figs[:n]
    heads = [f for f in figs[:n] if f.source in _CONTEXT_SOURCES and f.family in FAMILY and f.vague is None]
    if not heads:
        return
    body: dict[tuple[Decimal | None, str | None], list[str]] = {}  # (amount, rate) -> stated currencies
    for g in figs[n:]:
        if g.source == "stated" and g.vague is None and g.currency:
            body.setdefault((amount_of(g), g.per), []).append(g.currency)
    for fig in heads:
        members = FAMILY[str(fig.family)].members
        same = next((c for c in body.get((amount_of(fig), fig.per), ()) if c in members), None)
        if same is not None and same != fig.currency:
            fig.currency, fig.source = same, "story"


def _resolve(text: str, fig: Figure, ctx: CurrencyContext, stated: dict[str, list[Figure]],
             memo: dict[object, object], last: Figure | None) -> None:
    """One figure's currency and source (see `resolve_currencies`)."""
    if fig.src is not None:
        src = fig.src
        fig.src = None  # (guards a cycle)
        if src.source is None:
            if src.src is None and src.family is None:
                src.source = "stated" if src.currency else None
            else:
                _resolve(text, src, ctx, stated, memo, last)
        fig.currency, fig.family = src.currency, src.family
        fig.source = "story" if src.source == "stated" else src.source
        return
    if fig.family == "any":
        if last is not None:
            fig.currency = last.currency
            fig.source = "story" if last.source == "stated" else last.source
            return
        found = ctx.local(None)
        # (a coin of the story's currency carries its own default: "one penny in the pound")
        fig.currency, fig.source = found if found else (fig.currency or ctx.bare_default(), "default")
        return
    fam = FAMILY[fig.family]
    own = fig.currency
    near = memo.get(fam.name, _UNSET)
    if near is _UNSET:
        near = memo[fam.name] = ctx.local(fam.members)
    if fig.per in _WORLD_UNITS or (near is not None and near[0] != "USD" and "USD" in fam.members
                                   and _trade_price(text, fig, memo)):
        near = None  # "10.50 dlrs/bbl" in a Singapore story: the world's oil price
    if fig.sign:
        # "$5": the writer's own sign, which only the place of publication redefines (an
        # Australian paper's "$"); a British paper writes "A$" for Australian dollars
        if near is not None and near[1] in _SIGN_SOURCES:
            fig.currency, fig.source = near
        else:
            fig.source = "default"
        return
    for prev in reversed(stated.get(fam.name, ())):
        if prev is fig.pair:
            continue  # "7.4bn Australian dollars (5.8bn dlrs)": a conversion is another currency
        if prev.currency == own and near is not None and near[0] != own and near[1] != "locale" \
                and SENTENCE_BREAK.search(text, prev.end, fig.start + 1) \
                and _set_apart(text, prev, fig, near[0], memo):
            continue  # "U.S. dlrs" then "a 2.2 billion Canadian dlr loss" in a Toronto story
        fig.currency, fig.source = prev.currency, "story"
        return
    if near is not None and near[1] != "locale" and (fig.pair is None or fig.pair.currency != near[0]):
        fig.currency, fig.source = near
        return
    if fam.cues is not None:
        key = "cue:" + fam.name
        if key not in memo:
            memo[key] = _cue_pick(text, fam)
        if memo[key] is not None:
            fig.currency, fig.source = memo[key], "story"
            return
    if near is not None:
        fig.currency, fig.source = near
        return
    fig.source = "default"


_UNSET = object()
_NOTE = LEX["table_note"]
_NOTE_FUNDS = {norm_key(k): v for k, v in _NOTE["funds"].items()}
_NOTE_LINE = re.compile(
    r"(?:^|\n)[ \t]*\(?(?:(?i:note)\s{0,2}[:-]?\s{0,3})?(?P<lead>(?:(?:" + alternatives(_NOTE["verbs"], ci=True)
    + r")\s{1,3}){0,2}(?:" + alternatives(_NOTE["subjects"], ci=True) + r")(?:\s{1,3}(?:"
    + alternatives(_NOTE["verbs"], ci=True) + r")){0,2}\s{1,3}(?i:in)\s{1,3})?(?P<cur>"
    + alternatives([*SUFFIX, *_NOTE["funds"]], ci=True) + r")(?![\w-])(?P<rest>[ \t.)]*(?=\n|\Z))?")


def table_note(text: str, figs: list[Figure], tables: list[tuple[int, int, str, str]]) -> None:
    """A note naming the currency of a story's table (see [table_note] in money.toml) gives it
    to the figures of the table and its notes whose currency came from no stated word: up to
    the note, or to the end of a story that opens with its table."""
    for m in _NOTE_LINE.finditer(text, tables[0][0]):
        if m.group("lead") is None and m.group("rest") is None:
            continue  # "U.S. dlrs" opening a sentence of prose
        word = m.group("cur")
        iso = _NOTE_FUNDS.get(norm_key(word)) or currency_of_word(word, "en")
        if family_of(word, iso) is not None and norm_key(word) not in _NOTE_FUNDS:
            continue  # "dlrs" names no country
        lo, hi = tables[0][0], max(m.end(), tables[-1][1])
        if text.count("\n", 0, lo) <= 2 and text[:lo].rstrip().endswith(("-", "–")):
            hi = len(text)  # a story that opens with its table (after title and dateline): all notes
        for fig in figs:
            if lo <= fig.start < hi and fig.source not in (None, "stated") and fig.currency != iso \
                    and (fig.family == "any" or (fig.family in FAMILY and iso in FAMILY[fig.family].members)):
                fig.currency, fig.source = iso, "story"
        return


def _set_apart(text: str, prev: Figure, fig: Figure, local: str, memo: dict[object, object]) -> bool:
    """Whether the word's own reading stated in an earlier sentence (`prev`, "U.S. dlrs") was
    set apart from the local currency of a story filed elsewhere, so that it does not speak for
    `fig`: an exchange rate ("rose to 0.6858 U.S. dlrs", "pegged at 7.80 to one U.S. dlr"), a
    world price ("oil above 20 U.S. dlrs a barrel"), a commodity's price per unit for an amount
    that is no such price, one side of a conversion ("50 mln Canadian dlrs, or 36 mln U.S.
    dlrs"; and "100 dollars (60 U.S. dlrs)" is no U.S. dollar), or in a story that names the
    local currency before `fig` ("a 2.2 billion Canadian dlr loss", "In Australian dollar
    terms"). Otherwise a story that states U.S. dollars means them by its bare "dlrs" too, as
    the order of evidence says: an explicit currency earlier in the story outranks the dateline
    (a Vancouver company's U.S. share offering, a Taipei story of trade in U.S. dollars).
    """
    if prev.pair is not None or prev.per in _WORLD_UNITS or (fig.pair is not None and fig.pair.family is None):
        return True
    if prev.per is not None and prev.per != fig.per and prev.per.rsplit(" ", 1)[-1] in CARRY_UNITS:
        return True  # "coal at 32 U.S. dlrs a tonne" says nothing of "exports worth 5.2 billion dlrs"
    if prev.number is not None and not prev.magnitude and (
            prev.number == 1 or prev.number.as_tuple().exponent < -2):
        return True  # "pegged at 7.80 to one U.S. dollar", "rose to 0.6858 U.S. dlrs": rates
    key = ("named", local)
    first = memo.get(key)
    if first is None:
        names = [k for k, iso in SUFFIX.items() if iso == local and " " in k.strip()]
        named = re.compile("|".join(
            r"[ \t\n]+".join(re.escape(w[:-1]) + "s?" if w.endswith("s") else re.escape(w) for w in k.split())
            for k in sorted(names, key=len, reverse=True)) or r"(?!)")
        m = named.search(text)
        first = memo[key] = m.start() if m else len(text)
    return first < fig.start


_SIGN_SOURCES = frozenset(LEX["context"]["sign_sources"])
_WORLD_UNITS = frozenset(LEX["context"]["world_price_units"])
_TRADE = LEX["context"]["trade"]
_TRADE_UNITS = frozenset(_TRADE["units"])
_TRADE_CUE = re.compile(
    r"(?<![\w.&+])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s{1,3}") for t in _TRADE["terms"])
    + r")(?![\w&+])|(?<![\w.])(?:" + "|".join(re.escape(o) for o in _TRADE["origins"]) + r")\s{1,3}(?:"
    + "|".join(re.escape(w) for ws in load("goods")["goods"].values() for w in ws) + r")", re.I)


def _trade_price(text: str, fig: Figure, memo: dict[object, object]) -> bool:
    """Whether `fig` is a price of international trade, quoted in US dollars whatever the
    dateline (see [context.trade] in money.toml): grain per tonne in a story with "c and f
    Taiwan" or "U.S. maize"."""
    if fig.per not in _TRADE_UNITS:
        return False
    key = ("trade",)
    if key not in memo:
        memo[key] = _TRADE_CUE.search(text) is not None
    return bool(memo[key])


# currency -> the families it is a member of, and whether a member read from the context is
# story evidence in that family too
_FAMILIES_OF: dict[str, tuple[tuple[str, bool], ...]] = {}
for _fam in FAMILY.values():
    for _iso in _fam.members:
        _FAMILIES_OF[_iso] = (*_FAMILIES_OF.get(_iso, ()), (_fam.name, _fam.story_any))


def local_dollar(locale: str | None) -> str:
    """The currency a bare "$" or "dollars" means where an article is published: "en-AU",
    "EN_AU" or "AU" gives AUD; no locale, or a country without a dollar of its own, USD."""
    country = locale_country(locale)
    iso = CurrencyContext().currency_of(country) if country else None
    return iso if iso in FAMILY["dollar"].members else "USD"


DOLLAR_COUNTRY = {c: iso for c, iso in load("currencies")["country"].items() if iso in FAMILY["dollar"].members}
