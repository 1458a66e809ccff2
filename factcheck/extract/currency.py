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

from factcheck.datafiles import load

SOURCES = ("stated", "story", "dateline", "exchange", "locale", "default")

_PLACES = load("places")
_CURRENCIES = load("currencies")
_EXCHANGES = load("exchanges")
_MONEY = load("money")

_DATELINE_SPAN = 400  # characters at the start of a text where a dateline may stand
_LEAD_SPAN = 400  # characters of the title and lead read for the company's exchange or domicile


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
_US_DOLLAR_PLACES = frozenset(_MONEY["context"]["us_dollar_places"])
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
# the date that ends a wire dateline; the place is what stands before it on the line
_WIRE_DATE = re.compile(r",?[ \t]{1,3}" + _MONTH + r"[ \t]{1,3}\d{1,2}[ \t]{0,3}-")
_WIRE_PLACE = re.compile(r"[ \t]{0,8}(?P<city>[^\W\d_][^,]{0,40}?)(?:,[ \t]{0,3}(?P<region>[^,]{1,30}?))?,?\Z")
# "WASHINGTON -- ", "Wien – ", "Wien/Linz – ", "NEW YORK (Reuters) - ": the dash is found
# first, then the place before it, which must start the text, a line or a sentence
_DASH = re.compile(r"[ \t](?:--|[–—-])[ \t]")
# what may stand between the place and the dash: "/Linz", ", Calif.", " (Reuters)"
_DASH_TAIL = re.compile(r"(?:/[^\W\d_][\w\- ]{0,30}?)?(?:,[ \t]{0,3}(?P<region>[^\W\d_](?:[^\W\d_]|[.' ]){0,30}?))?"
                        r"[ \t]{0,3}(?:\([^()\n]{1,20}\)[ \t]{0,3})?\Z")
_PLACE_WORDS = re.compile(r"[^\W\d_][\w.'\-]*")
_BOUNDARY = re.compile(r"(?:\A|\n|[.!?\"“”»«])[ \t]*\Z")
# tickers: "<BRKN.S>", "(CANN.T)", "<PHAB ST>", "<XON>" (a US listing)
_TICKER = re.compile(r"<(?P<sym>[A-Z][A-Z0-9&]{0,7})(?:[. ](?P<sfx>[A-Z]{1,4}))?\.?>"
                     r"|\((?P<psym>[A-Z][A-Z0-9&]{0,7})\.(?P<psfx>[A-Z]{1,4})\)")
# exchange names and "<place>-based" are found by their one fixed word, then looked up by the
# words around it: a search for one word is fast where an alternation of every name is not
_EXCHANGE_WORDS = sorted({w for k in _EXCHANGES["exchange"] for w in _key(k).split()
                          if w in ("exchange", "bourse") or w.endswith("börse") or len(_key(k).split()) == 1})
# the words to look for first ("börse" finds "Wertpapierbörse" too)
_EXCHANGE_CHECK = [w for w in _EXCHANGE_WORDS if not any(o != w and o in w for o in _EXCHANGE_WORDS)]
_EXCHANGE_WORD = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, _EXCHANGE_WORDS)) + r")(?![^\W\d_])")
_WORD = re.compile(r"[^\W\d_][^\W\d_.'&]*\.?")
_BRACKET = re.compile(r"[<(]")


_UNREAD = object()


class CurrencyContext:
    """What a document's unmarked money words mean, apart from what its own story says.

    `dateline` is the country (ISO 3166-1 alpha-2) of the city the story is filed from,
    `exchange` that of its company's exchange or domicile, `locale` that of the corpus record's
    `locale`; `date` the publication date (a 1987 story from Frankfurt reports in marks). Given a
    `text`, the dateline and exchange are read from it when first asked for, once: a document
    whose money all names its currency never pays for reading them.
    """

    __slots__ = ("_dateline", "_exchange", "_text", "_title", "date", "lang", "locale")

    def __init__(self, lang: str = "en", date: dt.date | None = None, *, dateline: str | None = None,
                 exchange: str | None = None, locale: str | None = None, text: str | None = None,
                 title: str | None = None) -> None:
        self.lang = lang
        self.date = date
        self.locale = locale
        self._text = text
        self._title = title
        if text is None:
            self._dateline = dateline
            self._exchange = exchange
        else:
            self._dateline = _UNREAD if dateline is None else dateline
            self._exchange = _UNREAD if exchange is None else exchange

    @property
    def dateline(self) -> str | None:
        if self._dateline is _UNREAD:
            self._dateline = dateline_country(self._text)
        return self._dateline

    @property
    def exchange(self) -> str | None:
        if self._exchange is _UNREAD:
            self._exchange = exchange_country(self._text, self._title, self.date)
        return self._exchange

    @property
    def title(self) -> str | None:
        """The document's title, when it was given."""
        return self._title

    def with_locale(self, locale: str | None) -> CurrencyContext:
        """The same context for a document published in another country."""
        out = CurrencyContext(self.lang, self.date, locale=locale, text=self._text, title=self._title)
        out._dateline, out._exchange = self._dateline, self._exchange
        return out

    def __repr__(self) -> str:
        return (f"CurrencyContext(lang={self.lang!r}, date={self.date!r}, dateline={self.dateline!r}, "
                f"exchange={self.exchange!r}, locale={self.locale!r})")

    def currency_of(self, country: str) -> str | None:
        """The currency of `country` at the story's date (today's when undated); the US dollar
        for the offshore centres that report in it (`[context] us_dollar_places`)."""
        if country in _US_DOLLAR_PLACES:
            return "USD"
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
        words_local = members is None or self.lang in _LOCAL_WORD_LANGS
        for source in ("dateline", "exchange", "locale"):
            if source != "locale" and not words_local:
                continue
            country = getattr(self, source)
            if country is None:
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
    nl = head.find("\n")
    if nl >= 0:  # the wire's usual form, read without a search: "SYDNEY, March 3 -" on line two
        end = head.find("\n", nl + 1)
        line = head[nl + 1:end if end >= 0 else len(head)].rstrip()
        comma = line.find(",")
        if comma > 0 and line.endswith("-"):
            if _WIRE_DATE.match(line, comma) is not None:
                country = _CITY.get(line[:comma].strip().lower())
                if country is not None:
                    return country
            else:  # "APPLETON, Wis., March 2 -": the region after the city decides
                second = line.find(",", comma + 1)
                if second > 0 and _WIRE_DATE.match(line, second) is not None:
                    country = _REGION.get(_compact(line[comma + 1:second]))
                    if country is not None:
                        return country
    for a, b in ((0, nl), (nl + 1, head.find("\n", nl + 1))) if nl >= 0 else ((0, len(head)),):
        # the wire's dateline starts the first or the second line: "SYDNEY, March 3 -"
        b = len(head) if b < 0 else b
        date = _WIRE_DATE.search(head, a, b) if head.find(" -", a, b) >= 0 else None
        m = _WIRE_PLACE.match(head, a, date.start()) if date else None
        if m:
            country = _place(m.group("city"), m.group("region"))
            if country:
                return country
    for dash in _DASH.finditer(head):
        country = _dash_place(head, dash.start())
        if country:
            return country
    return None


_PLACE_MEMO: dict[tuple[str, str | None], str | None] = {}


def _place(city: str, region: str | None) -> str | None:
    key = (city, region)
    if key not in _PLACE_MEMO:
        if len(_PLACE_MEMO) > 4096:
            _PLACE_MEMO.clear()
        _PLACE_MEMO[key] = _place_of(city, region)
    return _PLACE_MEMO[key]


def _place_of(city: str, region: str | None) -> str | None:
    if region:
        country = _REGION.get(_compact(region))
        if country:
            return country
    return _CITY.get(city.lower()) or _CITY.get(_key(city))  # ("SYDNEY" needs no more than lower case)


def _dash_place(head: str, dash: int) -> str | None:
    """The country of "Wien – ", "WASHINGTON -- ", "Wien/Linz – ": up to four words before a
    dash that start the text, a line or a sentence, and name a known city."""
    lo = max(0, dash - 60)
    tail = _DASH_TAIL.search(head, lo, dash)
    end = tail.start() if tail else dash
    words = list(_PLACE_WORDS.finditer(head, lo, end))
    for n in range(1, min(4, len(words)) + 1):
        first = words[-n]
        if words[-1].end() != end or not _BOUNDARY.search(head, max(0, first.start() - 4), first.start()):
            continue
        country = _place(head[first.start():end], tail.group("region") if tail else None)
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
    # the first cue wins: a ticker, an exchange's name or "<place>-based", whichever comes first
    found: tuple[int, str] | None = None
    for b in _BRACKET.finditer(head):
        m = _TICKER.match(head, b.start())
        country = _ticker_country(m, date) if m else None
        if country:
            found = (b.start(), country)
            break
    limit = found[0] if found else len(head)
    low = head[:limit].lower()
    if len(low) != limit:
        return found[1] if found else None  # (lower-casing moved offsets: a rare script)
    for w in _EXCHANGE_CHECK:
        if w not in low:
            continue
        for m in _EXCHANGE_WORD.finditer(low):
            hit = _exchange_at(head, m)
            if hit:
                found, low = hit, low[:hit[0]]
                break
        break
    at = low.find("-based")
    while at > 0:
        words = _WORD.findall(head, max(0, at - 40), at)
        country = next((c for n in (4, 3, 2, 1) if len(words) >= n
                        for c in [_place_country(" ".join(words[-n:]))] if c), None)
        if country and head[at - 1].isalpha():
            found = (at, country)
            break
        at = low.find("-based", at + 6)
    return found[1] if found else None


def _place_country(name: str) -> str | None:
    key = _key(name)
    return _CITY.get(key) or _REGION.get(key.replace(" ", ""))


def _exchange_at(text: str, m: re.Match[str]) -> tuple[int, str] | None:
    """The exchange named around a word of exchange names ("Toronto Stock Exchange", "Stock
    Exchange of Singapore", "Nasdaq"): its position and country."""
    before = _WORD.findall(text, max(0, m.start() - 40), m.start())
    after = _WORD.findall(text, m.end(), m.end() + 30) if text.startswith(" of ", m.end()) else []
    for b in range(min(4, len(before)), -1, -1):
        for a in range(min(4, len(after)), -1, -1):
            name = " ".join([*before[len(before) - b:], m.group(0), *after[:a]])
            country = _EXCHANGE_NAME.get(_key(name))
            if country:
                return m.start(), country
    return None


def context_of(text: str, lang: str = "en", *, title: str | None = None, date: dt.date | None = None,
               locale: str | None = None) -> CurrencyContext:
    """The currency context of one document (computed once per document)."""
    return CurrencyContext(lang, date, locale=locale_country(locale) if locale else None, text=text, title=title)

