"""Entities: who and what a document talks about.

Known names come from the alias table (`factcheck/data/entities.toml`); other proper names are read
from capitalisation, with care for what capitals do not mean: German nouns, the first word
of a sentence, wire datelines ("NEW YORK, March 18 -") and all-capital headlines. A wire
headline's ticker ("SILVER STATE MINING CORP <SSMC> 4TH QTR NET") names the story's
subject, which is what a bare earnings table is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.claimlex import Lexicon, norm
from factcheck.datafiles import load
from factcheck.pubdate import WIRE_DATELINE as DATELINE


@dataclass(frozen=True)
class Entity:
    name: str  # canonical
    type: str  # person, org, project, place, unknown
    start: int
    end: int
    demoted: bool = False  # "OpenAI's o1 models": the sentence is about something of OpenAI's


# A name runs on over a space or a wrapped line, never past a closing quote ("... 'A Miracle'"
# ending a headline, then "Dave Brat" opening the text), and over a middle initial before the
# next name word ("Jesse L. Jackson Jr.", "Robert S. Mueller III").
_PROPER = re.compile(
    r"(?<![\w.])(?:[A-ZÄÖÜ][\w&'’.-]{0,30}|[a-z]{1,4}[A-Z][\w-]{0,30})"
    r"(?:(?<!['’])(?:[ \t]|\n(?![ \t]))(?:[A-Z]\.(?=[ \t][A-Z][a-z])|[A-ZÄÖÜ][\w&'’-]{0,30}|of|de|von|&)){0,3}"
)
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_NAME_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_TITLE_NOISE = re.compile(r"^\W*(?:\(?CORRECTED\)?|CORRECTION|REFILED|UPDATE \d*)\W*", re.I)
_TICKER = re.compile(r"<([A-Z0-9.]{1,8})>")
# a name of several words in angle brackets: the wire's mark for a company without a ticker
# ("<ACME ROBOTICS LTD> 2ND QTR LOSS")
_BRACKETED = re.compile(r"<([A-Za-z][A-Za-z0-9&.,'-]*(?: [A-Za-z0-9&.,'-]+)+)>")
_LEGAL = frozenset(["INC", "CORP", "CO", "LTD", "PLC", "AG", "NV", "SA", "LP", "CORPORATION", "GROUP"])
_TITLE_STOP = frozenset([
    "FOR", "TO", "IN", "ON", "BY", "AT", "SAYS", "SAID", "SEES", "SETS", "RAISES",
    "CUTS", "BUYS", "SELLS", "BID", "BIDS", "UNIT", "STAKE", "TALKS", "WITH", "FROM", "ITS", "HAS", "IS",
])
# A headline in capitals names its company by the legal form, then the period or the verb:
# "ACME CO 3RD QTR SHR 55 CTS VS 46 CTS", "ACME CORP SETS QUARTERLY DIVIDEND"
_FLASH_NAME = re.compile(
    r"([A-Z0-9][^\n<>/:]{0,60}?\b(?:" + "|".join(sorted(_LEGAL)) + r")\.?),?\s+(?=(?:"
    + "|".join(sorted(_TITLE_STOP | {"1ST", "2ND", "3RD", "4TH", "FIRST", "SECOND", "THIRD", "FOURTH", "QTR",
                                     "YEAR", "NINE", "SIX", "FISCAL", "VOTES", "DECLARES", "OMITS", "REPORTS"}))
    + r")\b)")


# a capitalised word right after a place name continues a company's name
_NAME_GOES_ON = re.compile(r"[ \t]{1,2}(?!(?:Inc|Corp|Co|Ltd|The|And|Is|Said|Says)\b)[A-Z][a-z]")


def _company_goes_on(text: str, pos: int, lex: Lexicon) -> bool:
    """Does a capitalised name word follow (not a stop word: "Canada Friday", "Japan In")?"""
    m = _NAME_GOES_ON.match(text, pos)
    if not m:
        return False
    word = re.match(r"[A-Za-z]+", text[m.end() - 2 : m.end() + 30])
    return word is not None and word.group(0) not in lex.stop


def find_entities(text: str, lang: str, lex: Lexicon) -> list[Entity]:
    """Entities of a whole document in order: aliases first, then other proper names."""
    found: list[Entity] = []
    taken = bytearray(len(text) + 1)
    for m in DATELINE.finditer(text):
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _aliases(text, lex):
        if taken[m.start()]:
            continue
        name = lex.surface[norm(m.group("a"))]
        alias = m.group("a")
        if (lang == "en" and lex.types.get(name) == "place" and not alias.isupper() and "." not in alias
                and m.end() == m.end("a") and _company_goes_on(text, m.end(), lex)):
            continue  # "Japan Line", "Canada Packers": a company named after a country ("US President" is not)
        found.append(Entity(name, lex.types.get(name, "unknown"), m.start(), m.end("a")))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _PROPER.finditer(text):
        pos = m.start()
        if taken[pos]:
            continue
        read = _read_name(m.group(0), lang, lex)
        if read is None:
            continue
        name, etype, a, b, lone = read
        if lone and _opens_sentence(text, pos):
            continue
        found.append(Entity(name, etype, pos + a, pos + b))
    found.sort(key=lambda e: e.start)
    return _corefer_short_names(found)


_WORD = re.compile(r"\w")


def _aliases(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The matches of `lex.alias_re` in `text`, found with `lex.alias_scan`: a match that starts
    inside a word is none, and the search goes on one character after its start."""
    search, pos = lex.alias_scan.search, 0
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and _WORD.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)


_TOKEN = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_INNER_CAPS = re.compile(r"[a-z][A-Z]")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:\n]\s*$|^\s*$")


# The same capitalised runs recur across a corpus ("Federal Reserve", "The company"): what a
# run's words make of it is read once. Only a lone word's sentence start depends on its place.
@lru_cache(maxsize=1 << 16)
def _read_name(words: str, lang: str, lex: Lexicon) -> tuple[str, str, int, int, bool] | None:
    """A run's name, type, span within `words`, and whether it is a lone word that a sentence
    start disqualifies (see `_opens_sentence`); None when the run names nothing."""
    spans = [t.span() for t in _TOKEN.finditer(words)]  # each token's place in the match
    tokens = [words[a:b] for a, b in spans]
    first = 0
    while first < len(tokens) and (tokens[first] in lex.stop or tokens[first].rstrip(".:") in lex.stop):
        first += 1
    tokens, spans = tokens[first:], spans[first:]
    # a stop word inside ("Pay April", "Record March") ends the name; a middle initial does not
    # ("John A. Boehner")
    for i, t in enumerate(tokens[1:], 1):
        if (t in lex.stop or t.rstrip(".:,") in lex.stop) and not _MIDDLE_INITIAL.fullmatch(t):
            tokens, spans = tokens[:i], spans[:i]
            break
    while tokens and tokens[-1] in ("of", "de", "von", "&"):
        tokens, spans = tokens[:-1], spans[:-1]
    if not tokens:
        return None
    # ALL-CAPS runs of long words are headlines or datelines shouting, not names
    if all(t.isupper() for t in tokens) and any(len(t.strip(".,'’")) > 4 for t in tokens):
        return None
    name = _POSSESSIVE_END.sub("", " ".join(t.rstrip(".,:'’") for t in tokens))
    if len(name) < 2 or name in lex.stop or name in lex.lone_stop:
        return None
    looks, lone = _name_shape(name, lang)
    if not looks:
        return None
    etype = "org" if tokens[-1].rstrip(".") in lex.org_suffixes else "unknown"
    # the span as written, up to the last word without its trailing marks or "'s" ("Jane Q.
    # Roe's" ends after "Roe", where a possessive is read): `name` drops an initial's point
    last = _POSSESSIVE_END.sub("", tokens[-1].rstrip(".,:'’")) or tokens[-1]
    return name, etype, spans[0][0], spans[-1][0] + len(last), lone


def _name_shape(name: str, lang: str) -> tuple[bool, bool]:
    """Does `name` look like a name, and is it a lone plain word (which a sentence start
    disqualifies)?"""
    tokens = name.split()
    inner_caps = any(_INNER_CAPS.search(t) for t in tokens)
    acronym = any(len(t) >= 2 and t.isupper() and t.isalpha() for t in tokens)
    if lang == "de":
        # Every German noun is capitalised: only names that cannot be common nouns count.
        return inner_caps or acronym or (
            len(tokens) >= 2 and not any(t.endswith(("en", "ung", "heit")) for t in tokens)), False
    return True, len(tokens) == 1 and not inner_caps and not acronym


def _opens_sentence(text: str, pos: int) -> bool:
    """A lone capitalised word at a sentence start is usually just the first word."""
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or _SENTENCE_END_BEFORE.search(before) is not None or before.endswith(("“", '"', "•"))


def _corefer_short_names(found: list[Entity]) -> list[Entity]:
    """'Altman' after 'Sam Altman' is Sam Altman; such a pair also marks a person."""
    full_by_last: dict[str, str] = {}
    persons = set()
    for e in found:
        if e.type == "unknown":
            last = _surname(e.name)
            if last is not None:
                full_by_last.setdefault(last, e.name)
    out = []
    for e in found:
        if " " not in e.name and e.name in full_by_last and e.type == "unknown":
            persons.add(full_by_last[e.name])
            e = Entity(full_by_last[e.name], "person", e.start, e.end, e.demoted)
        out.append(e)
    if not persons:
        return out
    return [Entity(e.name, "person", e.start, e.end, e.demoted) if e.name in persons else e for e in out]


@lru_cache(maxsize=1 << 14)
def _surname(name: str) -> str | None:
    """The surname of a name of two or three words: the last word but middle initials and
    suffixes ("Jesse L Jackson Jr"); None for other names. Names recur: read once."""
    parts = [p for p in name.split() if not (len(p) == 1 and p.isupper()) and p not in _NAME_SUFFIXES]
    return parts[-1] if len(parts) in (2, 3) else None


_NEXT_WORD = re.compile(r"(?:['’]s|s)?\s+([a-z][\w-]*)")


def demote_possessives(text: str, ents: list[Entity], cue_re: re.Pattern[str]) -> list[Entity]:
    """'OpenAI's o1 models': OpenAI owns the subject; 'OpenAI's valuation' keeps OpenAI."""
    out = []
    for e in ents:
        m = _NEXT_WORD.match(text[e.end : e.end + 40])
        # "OpenAI's", and scraped text that lost the apostrophe: "OpenAIs"
        poss = text.startswith(("'s", "’s"), e.end) or (
            text[e.end : e.end + 1] == "s" and not text[e.end + 1 : e.end + 2].isalnum()
        )
        if poss and m and not cue_re.match(m.group(1)):
            e = replace(e, demoted=True)
        out.append(e)
    return out


def title_tickers(title: str | None) -> frozenset[str]:
    """The ticker symbols a headline gives its companies ("KAY CORP <KAY> 4TH QTR NET"), without
    the exchange's suffix ("<FOOD.O>" is FOOD): one symbol, one company."""
    if not title:
        return frozenset()
    return frozenset(m.group(1).split(".")[0] for m in _TICKER.finditer(title) if m.group(1)[0].isalpha())


def title_subjects(title: str | None, lang: str, lex: Lexicon) -> list[str]:
    """What a headline is about: the companies before its tickers, else its first name."""
    if not title:
        return []
    title = _TITLE_NOISE.sub("", title)
    found: list[tuple[int, str]] = [(m.start(), _canonical_title_name(m.group(1).strip(" ,"), lex))
                                    for m in _BRACKETED.finditer(title)]
    for m in _TICKER.finditer(title):
        # "TALKING POINT/GENCORP <GY>": a slash or colon ends the run before the name
        words = re.split(r"[\s,;]+", re.split(r"[/:]", title[: m.start()])[-1].strip())
        name: list[str] = []
        for w in reversed(words):
            if not w or w.upper() in _TITLE_STOP or not w[0].isalnum():
                break
            name.insert(0, w)
        if name and not all(w.upper().strip(".") in _LEGAL for w in name):
            found.append((m.start(), _canonical_title_name(" ".join(name), lex)))
    out = [name for _, name in sorted(found)]
    if not out and title.isupper():
        # the wire's flash: a company with its legal form, then the period or the verb
        # ("H.J. HEINZ CO 3RD QTR SHR 55 CTS VS 46 CTS", "ACME INC SETS QUARTERLY")
        m = _FLASH_NAME.match(title)
        if m and not all(w.upper().strip(".,") in _LEGAL for w in m.group(1).split()):
            out = [_canonical_title_name(m.group(1).strip(" ,"), lex)]
    if not out and not title.isupper():
        # an all-capital headline without a ticker names its subject too unreliably
        out = [e.name for e in find_entities(title, lang, lex) if e.type != "place"][:1]
    return list(dict.fromkeys(n for n in out if n))


# what ends a capitals headline's subject: its verb, its period or its figure (the words are
# data: `[headline_ends]` in factcheck/data/words.toml)
_HEAD_END = _TITLE_STOP | frozenset(w.upper() for w in load("words")["headline_ends"]["words"].split())


def headline_subject(title: str | None) -> str:
    """The subject of a capitals headline without a ticker: its words before the verb, the
    period or a figure, at most five ("LAND SECURITIES" in "LAND SECURITIES ISSUES 100 MLN STG
    EUROBOND"); "" where it has none (a ticker's headline names its company by `title_subjects`)."""
    if not title or not title.isupper() or _TICKER.search(title) or "<" in title:
        return ""
    # "CORRECTION - PARIS - FRENCH PUBLIC SECTOR ...": a dateline before the headline proper
    words = _TITLE_NOISE.sub("", title).rsplit(" - ", 1)[-1].split()
    name: list[str] = []
    for w in words:
        if w.strip(",.") in _HEAD_END or not w[0].isalpha():
            break
        name.append(w.strip(","))
    return " ".join(name) if 0 < len(name) <= 5 and len(name) < len(words) else ""


def _canonical_title_name(name: str, lex: Lexicon) -> str:
    """'SILVER STATE MINING CORP' -> 'Silver State Mining Corp' (or its alias)."""
    pretty = " ".join(w if len(w) <= 3 and w.isupper() and w not in ("CORP", "INC", "CO") else w.capitalize()
                      for w in name.split())
    for form in (name, pretty):
        if form in lex.surface:
            return lex.surface[form]
    return pretty
