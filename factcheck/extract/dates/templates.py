"""The pattern language of the registry: word alternations as tries, and the macros a
family's pattern may use (`<S>`, `<MON:mon>`, `<YEAR4>` ...; see `expand`), with the pieces
several patterns share (year tails, range separators)."""

from __future__ import annotations

import re

from factcheck.extract.dates.words import CARD_WORDS, MONTHS, ORD_WORDS, REL_YEAR, SPELLED_YEARS, WEEKDAYS, word_set

# ----------------------------------------------------------------------------- patterns

LETTER = r"[^\W\d_]"


def alt(words, tails: dict[str, str] | None = None) -> str:
    """Regex alternation of words as a character trie (one branch per first letter, so a
    failed match costs one test per position); spaces and hyphens in a word match either.
    `tails` gives some words a pattern that must follow them (a look-ahead)."""
    trie: dict = {}
    for w in set(words) | set(tails or ()):
        node = trie
        for tok in re.findall(r"[\s-]+|.", w.lower(), flags=re.S):
            node = node.setdefault(" " if tok.strip(" -") == "" else tok, {})
        node[""] = {}
        if tails and w in tails:
            node["\0"] = tails[w]
    return trie_regex(trie)


def trie_regex(node: dict) -> str:
    end = "" in node
    tail = node.get("\0")
    branches = []
    for tok in sorted(k for k in node if k and k != "\0"):
        head = r"[\s\u00a0-]{1,2}" if tok == " " else re.escape(tok)
        branches.append(head + trie_regex(node[tok]))
    if not branches:
        return tail or ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:  # a word ends here: longer continuations first, then the word itself
        return "(?:" + body + ("|" + tail + ")" if tail else ")?")
    return body


YEAR4 = r"[12]\d{3}(?!\d)(?![.,]\d)"
DSUF = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + LETTER + r")|\.(?![\d]))?"
DSUF_NODOT = r"(?:(?:st|nd|rd|th|te[nrms]?)(?!" + LETTER + r"))?"
REL_YEAR_ALT = alt(REL_YEAR)
SPELLED_ALT = alt(SPELLED_YEARS)

MACROS = {
    "S": r"[\s\u00a0]{0,3}",
    "S1": r"[\s\u00a0]{1,3}",
    "NB": r"(?<!" + LETTER + r")",
    "NA": r"(?!" + LETTER + r")",
    "YEAR4": YEAR4,
}


def month_group(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt(MONTHS)})(?!{LETTER})\.?"


def dnum(group: str, dot: bool = True) -> str:
    lb = r"(?<!\d.)(?<!\d[.,:/].)"  # no digit (or digit and separator) before the number
    return (rf"(?P<{group}>[0-3]{lb}\d|\d{lb})(?!\d)") + (DSUF if dot else DSUF_NODOT)


def ordw(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt(ORD_WORDS)})(?!{LETTER})"


def anyw(group: str) -> str:
    return rf"(?<!{LETTER})(?P<{group}>{alt({**ORD_WORDS, **CARD_WORDS})})(?!{LETTER})"


def expand(pattern: str) -> str:
    """Expand <S>, <S1>, <NB>, <NA>, <YEAR4>, <MON:g>, <DNUM:g>, <DNUMX:g>, <ORDW:g>,
    <ANYW:g> in a pattern."""

    def repl(m: re.Match) -> str:
        name, arg = m.group(1), m.group(2)
        if name == "MON":
            return month_group(arg)
        if name == "DNUM":
            return dnum(arg)
        if name == "DNUMX":
            return dnum(arg, dot=False)
        if name == "ORDW":
            return ordw(arg)
        if name == "ANYW":
            return anyw(arg)
        return MACROS[name]

    prev = None
    while prev != pattern:
        prev = pattern
        pattern = re.sub(r"(?<!\?P)<([A-Z][A-Z0-9]*)(?::(\w+))?>", repl, pattern)
    return pattern


# year tails after a day and month: ", 2025", " of 2016", "-74", " '25"
YT = (
    r"(?:<S>[,/-]?<S>(?:of<S1>)?(?P<y><YEAR4>)"
    r"|<S>[-/]<S>(?P<yy>\d{2})(?!\d)(?![.,]\d)"
    r"|<S>['\u2019](?P<ya>\d{2})(?!\d))?"
)
YT_MDY = (
    r"(?:<S>,?<S>(?:of<S1>)?(?P<y><YEAR4>)"
    r"|<S>,?<S>['\u2019](?P<ya>\d{2})(?!\d))?"
)
# year tails after a quarter, half or bare month name
PERIOD_YT = (
    r"(?:<S>,?<S>(?:(?:of|in)<S1>(?:the<S1>)?(?:(?:fiscal<S1>)?year<S1>)?"
    r"|des<S1>(?:(?:geschäfts)?jahres<S1>)?)?(?P<y><YEAR4>)"
    r"|<S1>(?:of<S1>|des<S1>)?(?P<ry>" + REL_YEAR_ALT + r")<S1>(?:year|jahres)<NA>"
    r"|<S>['\u2019/](?P<ya>\d{2})(?!\d)(?![.,]\d))?"
)

RANGE_SEP = r"(?:-|–|—|to|through|thru|till|until|bis(?:<S1>zum)?|/)"

WD_ALT = alt(WEEKDAYS)
WEEK_ALT = alt(word_set("week_words", "words"))

# Words written into patterns that also decide whether a window around an anchor is searched
# (see `need_ok`), kept once here: what precedes a day of the month, a count, a year in
# words; what follows a count of units
DOM_BEFORE = ("on", "for")
INN_BEFORE = ("in", "within", "innerhalb<S1>von")
INN_AFTER = ("from<S1>now", "from<S1>today", "from<S1>tomorrow", "from<S1>yesterday", "after<S1>today",
              "before<S1>yesterday", "before<S1>today", "hence", "back", "ago")
CDUR_AFTER = ("ago", "from<S1>now", "hence")
YSP_BEFORE = ("in", "of", "since", "until", "by", "year")
