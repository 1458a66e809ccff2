"""The currency context of one document: what its unmarked money words mean.

"dlrs" in a wire story datelined SYDNEY are Australian dollars; a Canadian company (a ".TO"
ticker, "Toronto Stock Exchange") reports in Canadian dollars; the bare figures of a Tokyo
earnings table are yen. `context_of` gathers, once per document, the evidence that does not
depend on where a figure stands: the dateline's country, the company's exchange or domicile,
the corpus record's `locale`. The money reader (`money.find_money`) adds the evidence that does
(an explicit currency earlier in the story) and asks `CurrencyContext.local` for the rest, in
this order of strength:

    stated    the span names its currency ("A$", "Canadian dlrs", "€", "yen")
    story     an explicit currency earlier in the story for the same unit word
    dateline  the country of the city the story is filed from
    exchange  the country of the company's exchange or domicile
    locale    the country of the corpus record's `locale`
    default   the unit word's own reading ("dlrs" are US dollars)

Data: `factcheck/data/places.toml` (cities and regions to countries), `currencies.toml`
(countries to currencies, with the euro changeover), `exchanges.toml` (ticker suffixes and
exchange names), and the `[context]` table of `money.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.lexicon import load

SOURCES = ("stated", "story", "dateline", "exchange", "locale", "default")

_PLACES = load("places")
_CURRENCIES = load("currencies")
_EXCHANGES = load("exchanges")
_MONEY = load("money")

_DATELINE_SPAN = 400  # characters at the start of a text where a dateline may stand
_LEAD_SPAN = 600  # characters of the title and lead read for the company's exchange or domicile


def _key(name: str) -> str:
    """A place name as looked up: lower case, periods dropped, spaces single."""
    return " ".join(name.replace(".", " ").split()).lower()


def _compact(name: str) -> str:
    return _key(name).replace(" ", "")


_CITY = {_key(k): v for k, v in _PLACES["city"].items()}
# regions are mostly abbreviations ("N.J.", "W. Va.", "B.C."): looked up without spaces too
_REGION = {_compact(k): v for k, v in _PLACES["region"].items()}
_COUNTRY_CURRENCY: dict[str, str] = dict(_CURRENCIES["country"])
_BEFORE = {c: [(dt.date.fromisoformat(e["until"]), e["currency"]) for e in (v if isinstance(v, list) else [v])]
           for c, v in _CURRENCIES["before"].items()}
_EXCHANGE_NAME = {_key(k): v for k, v in _EXCHANGES["exchange"].items()}
_LOCAL_WORD_LANGS = frozenset(_MONEY["context"]["local_word_languages"])
_DEFAULT_BARE = dict(_MONEY["context"]["bare_default"])


def _suffixes() -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    out: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for suffix, v in _EXCHANGES["suffix"].items():
        readings = v if isinstance(v, list) else [{"country": v}]
        out[suffix] = [(r["country"],
                        dt.date.fromisoformat(r["from"]) if "from" in r else None,
                        dt.date.fromisoformat(r["until"]) if "until" in r else None) for r in readings]
    return out


_SUFFIX = _suffixes()


def _names(keys) -> str:
    """An alternation of place names, longest first, matched case-insensitively, spaces free."""
    parts = sorted({k for k in keys}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


_MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?)"
# "SYDNEY, March 3 -", "TRAIL, British Columbia, June 1 -", "JOHANNESBURG March 13 -"
_WIRE_DATELINE = re.compile(
    r"(?m)^[ \t]{0,8}(?P<city>[^\W\d_][^\W\d_.'&\- ]*(?:[.'&\- ]{1,2}[^\W\d_]+){0,4}\.?)"
    r"(?:,[ \t]{0,3}(?P<region>[^\W\d_](?:[^\W\d_]|[.' ]){0,30}?))?,?"
    r"[ \t]{1,3}" + _MONTH + r"[ \t]{1,3}\d{1,2}[ \t]{0,3}-"
)
# "WASHINGTON -- ", "Wien – ", "Wien/Linz – ", "NEW YORK (Reuters) - ": a known city only
_CITY_NAMES = _names(_PLACES["city"])
_DASH_DATELINE = re.compile(
    r"(?:\A|(?<=[.!?\"“”»«])[ \t]+|\n)[ \t]{0,8}(?i:(?P<city>" + _CITY_NAMES + r"))"
    r"(?:/[^\W\d_][\w\- ]{0,30}?)?(?:,[ \t]{0,3}(?P<region>[^\W\d_](?:[^\W\d_]|[.' ]){0,30}?))?"
    r"[ \t]{0,3}(?:\([^()\n]{1,20}\)[ \t]{0,3})?(?:--|[–—-])[ \t]"
)
# tickers: "<BRKN.S>", "(CANN.T)", "<PHAB ST>", "<XON>" (a US listing)
_TICKER = re.compile(r"<(?P<sym>[A-Z][A-Z0-9&]{0,7})(?:[. ](?P<sfx>[A-Z]{1,4}))?\.?>"
                     r"|\((?P<psym>[A-Z][A-Z0-9&]{0,7})\.(?P<psfx>[A-Z]{1,4})\)")
_EXCHANGE_RE = re.compile(r"(?i:\b(?P<exch>" + _names(_EXCHANGES["exchange"]) + r"))\b")
_BASED = re.compile(r"(?i:\b(?P<place>" + _names([*_PLACES["city"], *_PLACES["region"]]) + r"))-based\b")


@dataclass(frozen=True, slots=True)
class CurrencyContext:
    """What a document's unmarked money words mean, apart from what its own story says."""

    lang: str = "en"
    date: dt.date | None = None  # publication date: a 1987 story from Frankfurt reports in marks
    dateline: str | None = None  # country (ISO 3166-1 alpha-2) of the city it is filed from
    exchange: str | None = None  # country of the company's exchange or domicile
    locale: str | None = None  # country of the corpus record's `locale`

    def currency_of(self, country: str) -> str | None:
        """The currency of `country` at the story's date (today's when undated)."""
        if self.date is not None:
            for until, iso in _BEFORE.get(country, ()):
                if self.date < until:
                    return iso
        return _COUNTRY_CURRENCY.get(country)

    def local(self, members: frozenset[str] | None) -> tuple[str, str] | None:
        """(currency, source) from the dateline, the exchange, then the locale: the first whose
        country's currency is one of `members` (a unit word's family: a bare "dlrs" in a Tokyo
        story is no yen). `members` None is a figure with no unit word at all (a bare table
        figure), which any country's currency fits.

        On the wire a bare "dlrs" is the dollar of the place the story is filed from; the
        German press names a foreign dollar ("australische Dollar"), so in languages outside
        `[context] local_word_languages` only the locale speaks for unit words.
        """
        steps = (("dateline", self.dateline), ("exchange", self.exchange), ("locale", self.locale))
        for source, country in steps:
            if country is None:
                continue
            if members is not None and source != "locale" and self.lang not in _LOCAL_WORD_LANGS:
                continue
            iso = self.currency_of(country)
            if iso is not None and (members is None or iso in members):
                return iso, source
        return None

    def bare_default(self) -> str:
        """What a figure without a unit word is when nothing says otherwise."""
        return _DEFAULT_BARE.get(self.lang, _DEFAULT_BARE["en"])


def locale_country(locale: str | None) -> str | None:
    """The country of a locale: "en-AU", "EN_AU", "AU" and "-au" (a corpus `country` field) give
    "AU"; a lone lower-case part is a language ("ca" is Catalan), not a country."""
    if not locale:
        return None
    parts = re.split(r"[-_\s]+", locale.strip())
    if len(parts) < 2 and not parts[0].isupper():
        return None
    country = parts[-1].upper()
    return country if country in _COUNTRY_CURRENCY else None


def dateline_country(text: str) -> str | None:
    """The country of the dateline near the start of `text`, if it names a known place."""
    head = text[:_DATELINE_SPAN]
    for rx in (_WIRE_DATELINE, _DASH_DATELINE):
        m = rx.search(head)
        if m is None:
            continue
        region = m.group("region")
        if region:
            country = _REGION.get(_compact(region))
            if country:
                return country
        city = m.group("city").strip()
        country = _CITY.get(_key(city))
        if country:
            return country
    return None


def _ticker_country(m: re.Match[str], date: dt.date | None) -> str | None:
    sym, sfx = (m.group("sym"), m.group("sfx")) if m.group("sym") else (m.group("psym"), m.group("psfx"))
    if sfx is None:
        return "US" if len(sym) <= 5 and sym.isalpha() else None
    for country, start, until in _SUFFIX.get(sfx, ()):
        if (start is None or (date is not None and date >= start)) and (
                until is None or (date is not None and date < until)):
            return country
    return None


def exchange_country(text: str, title: str | None = None, date: dt.date | None = None) -> str | None:
    """The country of the company the story is about, from the first ticker, exchange name or
    "<place>-based" in its title and lead ("BHP <BRKN.S>", "listed on the Toronto Stock
    Exchange", "Calgary-based")."""
    head = text[:_LEAD_SPAN]
    if title and not text.startswith(title[:40]):
        head = title + "\n" + head
    hits: list[tuple[int, str]] = []
    for m in _TICKER.finditer(head):
        country = _ticker_country(m, date)
        if country:
            hits.append((m.start(), country))
            break
    m = _EXCHANGE_RE.search(head)
    if m:
        hits.append((m.start(), _EXCHANGE_NAME[_key(m.group("exch"))]))
    m = _BASED.search(head)
    if m:
        key = _key(m.group("place"))
        country = _CITY.get(key) or _REGION.get(key.replace(" ", ""))
        if country:
            hits.append((m.start(), country))
    return min(hits)[1] if hits else None


def context_of(text: str, lang: str = "en", *, title: str | None = None, date: dt.date | None = None,
               locale: str | None = None) -> CurrencyContext:
    """The currency context of one document (computed once per document)."""
    return CurrencyContext(lang=lang, date=date, dateline=dateline_country(text),
                           exchange=exchange_country(text, title, date), locale=locale_country(locale))

