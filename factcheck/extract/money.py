"""Money mentions in English and German news text.

Two compiled patterns each make one pass over the text: one finds every numeral, the other
every word that can start an amount (a spelled number before a magnitude, currency or coin;
a fraction before a magnitude; a vague amount such as "wenige Milliarden"; a coin name
standing alone). Each candidate, in text order, is then read with anchored matches over a
bounded window on either side: the currency written before it (a prefix tree matched on
the few reversed characters before the figure), then magnitude, currency, coin, cents and
rate after it, then the qualifier words before it. Word lists are compiled as prefix trees
of their case variants, every quantifier is bounded and each candidate is read once, so the
cost is linear in the text length. The lexicon lives in `factcheck/data/money.toml`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from rapidfuzz.distance import OSA

from factcheck.datafiles import load
from factcheck.extract.currency import CurrencyContext, context_of, locale_country
from factcheck.extract.numbers import NUMERAL, SPACE_GROUPED, parse_numeral
from factcheck.patterns import trie
from factcheck.spans import MoneySpan

_LEX = load("money")
_LEFT_WINDOW = 48  # characters looked at before a figure for its qualifier
_RIGHT_WINDOW = 80  # characters looked at after a figure for magnitude, currency and rate
_PREFIX_WINDOW = 24  # characters looked at before a figure for a currency prefix


# ----------------------------------------------------------------------------- patterns

_GUARD = "\x00"  # tree terminal: the key starts with a letter, so no letter may come before it
_OPT_SPACE = "\x01"  # tree token: an optional space ("hk $ 10" in tokenised copy)


# the project's alternation builder with the two tokens above
_trie = partial(trie, tokens={_GUARD: r"(?![^\W\d_])", _OPT_SPACE: r"\s?"})


def _cased(keys) -> set[str]:
    """Keys as written, in lower case, capitalised, in title case and in capitals (headlines)."""
    out = set()
    for k in keys:
        low = k.lower()
        out |= {k, low, low[:1].upper() + low[1:], k[:1].upper() + k[1:], k.upper(),
                " ".join(w[:1].upper() + w[1:] for w in low.split(" ")),
                " ".join(w[:1].upper() + w[1:] for w in k.split(" "))}
    return out


def _alternation(keys, *, ci: bool = False, guard: bool = True) -> str:
    """Alternation of `keys`, word-bounded where a key starts or ends with a letter or digit.

    A key that starts with a letter may follow a digit ("115USD", "10k") but not a letter
    (unless `guard` is off: codes right after a magnitude letter, "30 MUSD"). With `ci` the
    keys match in their usual case variants (a tree of variants is faster than `(?i)`).
    """
    keys = _cased(keys) if ci else set(keys)
    groups: dict[tuple[bool, bool], list[str]] = {}
    for k in keys:
        groups.setdefault((k[0].isalnum(), k[-1].isalnum()), []).append(k)
    parts = []
    for (alnum_start, alnum_end), ks in sorted(groups.items()):
        p = _trie(ks)
        if alnum_start and guard:
            p = r"(?<![^\W\d_])" + p
        if alnum_end:
            p += r"(?!\w)"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _norm_key(s: str) -> str:
    return " ".join(s.split()).lower()


def _ci_lookup(table: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in table.items():
        out.setdefault(_norm_key(k), v)
    return out


_PREFIX = _LEX["prefix"]
_PREFIX_WORDS = frozenset(w.lower() for w in _LEX["prefix_words"]["words"])
_CODES = list(_LEX["codes"]["iso"])
_CODE_ALIAS = dict(_LEX["codes"]["alias"])
_CODE_ISO = {c: _CODE_ALIAS.get(c, c) for c in _CODES}
_CODES_LOWER = {c.lower(): _CODE_ISO[c] for c in _LEX["codes"]["lowercase"]}
_SUFFIX = _LEX["suffix"]
_SUFFIX_AS_WRITTEN = _LEX["suffix_as_written"]
_SUFFIX_DE = _LEX["suffix_de"]
_SUBUNIT_CI = _LEX["subunit"]
_SUBUNIT_AS_WRITTEN = _LEX["subunit_as_written"]
_SUBUNIT = {**_SUBUNIT_CI, **_SUBUNIT_AS_WRITTEN}
_COIN = {k: (Decimal(e[0]), e[1] or None) for k, e in _LEX["coin"].items()}
# a coin of the story's currency: what it is when nothing in the story says ("penny": GBP)
_COIN_DEFAULT = {k: e[2] for k, e in _LEX["coin"].items() if not e[1] and len(e) > 2}
_COIN_COUNTED = [k for k in _COIN if k != "quarter"]
_MAGNITUDE = _LEX["magnitude"]
_MAG_DE = _LEX["magnitude_de"]
_SHORT_MAGS = set(_LEX["magnitude_short"]["words"])
_LONG_MAGS = [k for k in _MAGNITUDE if k not in _SHORT_MAGS]
_VQ_MAGS = {**_MAGNITUDE, "hundred": 2, "Hundert": 2}  # "a few hundred dollars", "ein paar Hundert Euro"
_WORDS_EN = _LEX["number_words"]
_WORDS = {**_WORDS_EN, **_LEX["number_words_de"]}
_FRACTIONS = _LEX["number_fractions"]
_VAGUE_Q = _LEX["vague_quantifier"]
_VAGUE_P = _LEX["vague_plural"]
_QUALS = _ci_lookup(_LEX["qualifier"])
_PER = _ci_lookup(_LEX["per"])
_FOLLOW = frozenset(_LEX["follow"]["words"])
_APPROX = Decimal(str(_LEX["approx"]["width"]))
_ATTACHED_NOT_MONEY = frozenset(_LEX["attached_not_money"]["words"])


@dataclass(frozen=True, slots=True)
class _Family:
    """Currencies one unit word may stand for ("dlrs": USD, CAD, AUD ...; see [family] in money.toml)."""

    name: str
    members: frozenset[str]
    story_any: bool  # a member read from the context is story evidence too ("45 Dollar" then "50 Cent")
    cues: tuple[re.Pattern[str], list[str]] | None  # the country the text names most


def _families() -> tuple[dict[str, list[_Family]], dict[str, _Family]]:
    by_word: dict[str, list[_Family]] = {}
    by_name: dict[str, _Family] = {}
    for name, entry in _LEX["family"].items():
        cues = None
        if "cues" in entry:
            isos = list(entry["cues"])
            cues = (re.compile("|".join("(" + "|".join(r"\b" + re.escape(w) + r"\b" for w in entry["cues"][iso]) + ")"
                                        for iso in isos)), isos)
        fam = _Family(name, frozenset(entry["members"]), entry.get("story") == "any", cues)
        by_name[name] = fam
        for w in entry["words"]:
            by_word.setdefault(w.lower(), []).append(fam)
    return by_word, by_name


_FAMILY_BY_WORD, _FAMILY = _families()


_FAMILY_MEMO: dict[tuple[str, str | None], str | None] = {}


def _family_of(word: str, iso: str | None) -> str | None:
    """The family of a unit word read as `iso` ("dlrs" USD: dollar), or None when the word names
    its currency ("Australian dlrs", "€", "yen")."""
    key = (word, iso)
    try:
        return _FAMILY_MEMO[key]
    except KeyError:
        pass
    if len(_FAMILY_MEMO) > 4096:
        _FAMILY_MEMO.clear()  # (words as written, incl. line breaks: bounded)
    name = _FAMILY_MEMO[key] = next((fam.name for fam in _FAMILY_BY_WORD.get(_norm_key(word), ())
                                     if iso in fam.members), None)
    return name


_SUFFIX_CI = _ci_lookup(_SUFFIX)
_SUBUNIT_LOOKUP = _ci_lookup(_SUBUNIT_CI)
_WORDS_CI = _ci_lookup(_WORDS)
_FRACTIONS_CI = _ci_lookup(_FRACTIONS)
_VAGUE_Q_CI = _ci_lookup(_VAGUE_Q)
_VAGUE_P_CI = _ci_lookup(_VAGUE_P)
_MAG_CI = _ci_lookup({k: v for k, v in _MAGNITUDE.items() if k not in _SHORT_MAGS})

_CODE_RE = "(?:" + _alternation(_CODES) + "|" + _alternation(_CODES_LOWER) + ")"
_CODE_AFTER_MAG = _alternation(_CODES, guard=False)

# Magnitudes: long words in any usual case; short ones ("m", "B", "T") as written, and only
# where no word goes on, directly before a currency code ("30 MUSD", "100 TEUR"), before a
# range's dash ("$100m-$200m") or, written onto its number, a compound's hyphen ("a $100m-share
# sale", "$2bn-plus"; not "$5 T-shirts").
_LONG_MAG_RE = _alternation(_LONG_MAGS, ci=True)
_MAG_RE = (
    r"(?P<mag>" + _LONG_MAG_RE
    + r"|(?:" + _trie(_SHORT_MAGS) + r")(?:(?![\w-])|(?=" + _CODE_AFTER_MAG + r")|(?=-[ \t]{0,2}[$€£¥\d])"
    + r"|(?:(?<=\d[^\W\d_])|(?<=\d[^\W\d_]{2}))(?=-[^\W\d_])))"
)


def _subunit_re(lang: str) -> str:
    """Subunit words in lower case or capitals ("cts", "CTS"; a capitalised "Cent" after a
    number is German, or in English the name of a rapper)."""
    keys = [v for k in _SUBUNIT_CI if len(k) > 1 for v in (k, k.upper())]
    written = [k for k in _SUBUNIT_AS_WRITTEN if lang == "de" or k != "Cent"]
    return r"(?P<sub>" + _alternation(keys) + "|" + _alternation(written) + ")"


_COIN_RE = r"(?P<coin>" + _alternation(_COIN_COUNTED, ci=True) + ")"
# "47 cts share", "1.06 dlrs shr" (wire style): per share with no word between, unless "share"
# is a noun of its own ("a 50 dlrs share issue")
_PER_BARE = re.compile(r"[ \t]{1,2}(?:shr|share|SHR|SHARE)(?![\w-])(?!\s{1,3}"
                       + _alternation(_LEX["per_bare"]["not_before"]) + ")")
_TIME_UNITS = frozenset(("year", "month", "week", "day", "hour", "night"))
# the words after a time unit that make it a time, not a rate ("a year ago", "a month earlier")
_NOT_A_RATE_AFTER = frozenset(("ago", "earlier", "before", "previously", "prior", "later", "after"))
_NOT_A_RATE_AFTER_RE = "|".join(sorted(_NOT_A_RATE_AFTER))
_PER_TIMES = [k for k, v in _PER.items() if v in _TIME_UNITS]
_PER_RE = (
    r"(?P<per_intro>\s{0,2}(?:" + _alternation(["a", "an", "per", "each", "pro", "je", "im"], ci=True)
    + r"\s{1,3}|/\s?|-(?:a|per)-))(?:(?P<per_n>\d{1,4})\s{1,2})?(?P<per>"
    # not a time: "a year ago", "im Jahr 2015"; only a time unit makes one with "after": "16 dlrs a
    # barrel after March", "1.20 dlrs a share after tax" are rates
    + r"(?:" + _alternation(_PER_TIMES, ci=True) + r")(?!\s{1,3}(?:" + _NOT_A_RATE_AFTER_RE
    + r"|zuvor|davor|früher)(?!\w))|" + _alternation([k for k in _PER if k not in _PER_TIMES], ci=True) + r")"
    r"(?!\s{1,3}\d)"
)


def _right_re(lang: str) -> re.Pattern[str]:
    words = [k for k in _SUFFIX if k[0].isalpha()]
    symbols = [k for k in _SUFFIX if not k[0].isalpha()]
    cur = [_alternation(_SUFFIX_AS_WRITTEN), _alternation(words, ci=True), _CODE_RE,
           r"(?<=[MTk])" + _CODE_AFTER_MAG, _alternation(symbols)]
    if lang == "de":
        cur.insert(0, _alternation(_SUFFIX_DE))
    return re.compile(
        # a closing quote may stand between the number and a long magnitude word: a quote
        # closed one word early ("asking for $5.6” billion")
        r"(?:(?:-[ \t]{0,2}|\s{0,3}|[”\"][ \t](?=" + _LONG_MAG_RE + r"(?!\w)))" + _MAG_RE + r")?"
        r"(?P<of>\s{1,3}of)?"
        # (a subunit first: "22 euro cents" is cents, not "22 euro" and a word after it)
        r"(?:(?:-[ \t]{0,2}|\s{0,3})(?:" + _subunit_re(lang) + "|(?P<cur>" + "|".join(cur) + ")|" + _COIN_RE + r")"
        r"|(?P<att>c|p|\ c)(?![\w-]|\.\w))?"
        r"(?:[ \t]{1,2}(?P<mag2>" + _LONG_MAG_RE + r"))?"
        r"(?:" + _PER_RE + r")?"
        # a range join ahead ("2 to", "2 und"), read only when nothing else followed
        r"(?P<join>(?=\s{0,2}(?:-|–|—|(?:to|and|bis|und|or|oder|TO|AND)(?!\w))\s{0,2}[\w$€£¥]))?"
    )


_RIGHT = {"en": _right_re("en"), "de": _right_re("de")}

# Spelled numbers: a run of number words ("two hundred thousand", "forty-five"), counted as a
# figure only where a magnitude, currency or coin follows. "a"/"an"/"ein" only lead a run.
_LEADERS = ["a", "an", "ein", "eine", "einer", "einen", "einem"]
_NUMBER_WORDS = [k for k in _WORDS if k not in _LEADERS]
_DE_UNITS = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_DE_TENS = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
_DE_COMPOUNDS = [u + "und" + t for u in _DE_UNITS for t in _DE_TENS]
_DE_COMPOUNDS += [u + h for u in _DE_UNITS for h in ("hundert", "tausend")]


def _words(keys, lower: bool = False) -> str:
    """`keys` (lower-cased, or in their case variants) as one prefix tree ending at a word boundary."""
    return "(?:" + _trie({k.lower() for k in keys} if lower else _cased(keys)) + r")(?!\w)"


_GATE_WORDS = [
    *_LONG_MAGS, *[k for k in _SUFFIX if k[0].isalpha()], *_SUFFIX_DE,
    *[k for k in _SUBUNIT_CI if len(k) > 1], *_COIN_COUNTED, "hundred", "thousand",
]
_BRANCH_FIRST = [*_LEADERS, *_NUMBER_WORDS, *_DE_COMPOUNDS, *_FRACTIONS, *_VAGUE_Q, *_VAGUE_P, *_COIN]


def _word_candidate_re(lower: bool) -> re.Pattern[str]:
    """Candidates that start with a word, for one pass over the lower-cased text (`lower`,
    the fast path: a third of the branches) or over the text as written.

    Each attempt starts at a word boundary whose letter can begin one of the words, and the
    branches are prefix trees.
    """
    def words(keys):
        return _words(keys, lower)

    def alternation(keys):
        return _alternation([k.lower() for k in keys] if lower else keys, ci=not lower)

    codes = [c.lower() for c in _CODES] if lower else _CODES
    gate = (
        r"(?=[\s-]{1,3}(?:" + alternation(_GATE_WORDS) + r"|m?" + _alternation(codes, guard=False)
        + "|" + _CODE_RE + "))" if lower else
        r"(?=[\s-]{1,3}(?:" + alternation(_GATE_WORDS) + r"|M" + _CODE_AFTER_MAG + "|" + _CODE_RE + "))"
    )
    number_word = words([*_NUMBER_WORDS, *_DE_COMPOUNDS, "hundred and", "thousand and"])
    leader = words(_LEADERS)
    firsts = {k[0].lower() for k in _BRANCH_FIRST} if lower else {k[0] for k in _cased(_BRANCH_FIRST)}
    coins = "dime|nickel|quarter|penny" if lower else "[Dd]ime|[Nn]ickel|[Qq]uarter|[Pp]enny"
    # every branch starts with one of these words: one tree tried at a word's start fails most
    # words ("the", "said") at once, where the five branches below would each be tried
    first_words = _trie({k.lower() for k in (*_BRANCH_FIRST, "hundred and", "thousand and",
                                             "dime", "nickel", "quarter", "penny")})
    return re.compile(
        r"\b(?=[" + re.escape("".join(sorted(firsts))) + r"])"
        + (r"(?=(?:" + first_words + r")(?!\w))" if lower else "") + "(?:"  # (the as-written pass is rare)
        # a fraction before a magnitude: "half a million", "a quarter million", "eine halbe"
        r"(?P<frac>(?:" + words(["a", "an", "eine"]) + r"\s{1,2})?(?P<fracw>" + words(_FRACTIONS)
        + r")(?:\s{1,2}" + words(["a", "an"]) + r")?(?=\s{1,3}" + alternation(_LONG_MAGS) + "))"
        # a spelled number before a magnitude, currency or coin: "eight mln dlrs", "zwei Euro"
        r"|(?P<word>(?:" + leader + r"[ \t]{1,2})?" + number_word
        + r"(?:(?:[ \t]{1,2}|-|[ \t]{1,2}" + words(["point"]) + r"[ \t]{1,2})" + number_word + r"){0,6}|" + leader + ")"
        + gate
        # a vague amount: "several billion", "wenige Milliarden", "billions of dollars"
        + r"|(?P<vq>" + words(_VAGUE_Q) + r")\s{1,3}(?P<vqmag>"
        + alternation([k for k in _VQ_MAGS if len(k) > 3]) + r")"
        r"|(?P<vp>" + _alternation([k.lower() for k in _VAGUE_P] if lower else _VAGUE_P) + r")"
        # a coin name that is a whole sentence ("Dime.", a one-word caption or answer)
        r"|(?P<bare>" + coins + r")(?=[.!?](?:\s|\Z)|[ \t]*(?:\n[ \t]*\n|\Z))"
        r")"
    )


_WORD_CANDIDATE_LOWER = _word_candidate_re(lower=True)
_WORD_CANDIDATE = _word_candidate_re(lower=False)
_VAGUE_P_AS_WRITTEN = frozenset(_VAGUE_P)
_NUMERAL_CANDIDATE = re.compile(NUMERAL)
_START = re.Match.start
_SENTENCE_BEFORE = re.compile(r"(?:\A|[.!?]\s|\n\n)[ \t]{0,3}\Z")
_WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _prefix_re() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """Currency prefixes as a tree matched on the reversed text before a figure.

    Returns the pattern, the ISO code of each matched key (lower case, spaces removed) and
    the characters a prefix can end with (to skip the match for most figures).
    """
    keys: dict[str, str] = {}  # variant as written -> ISO
    for key, iso in _PREFIX.items():
        one_letter = sum(ch.isalpha() for ch in key) == 1  # "C$", "A$": as written only
        variants = {key} if key.isalpha() or one_letter else _cased([key])
        for v in variants:
            keys.setdefault(v, str(iso))
    for code, iso in _CODE_ISO.items():
        keys.setdefault(code, iso)
    for code, iso in _CODES_LOWER.items():
        keys.setdefault(code, iso)
    rev_keys = []
    for key in keys:
        rev = ""
        r = key[::-1]
        # letters that are a word of their own keep no space before the symbol: "A $5 million
        # deal" is an article ("c $ 300 million", tokenised copy, is Canadian)
        letters = "".join(ch for ch in key if ch.isalpha()).lower()
        joined = letters in _PREFIX_WORDS
        for i, ch in enumerate(r):
            if i > 0 and ch.isalpha() and not r[i - 1].isalpha() and not r[i - 1].isspace() \
                    and r[i - 1] != "." and not joined:
                rev += _OPT_SPACE  # "hk $": letters, then a space, then the symbol
            rev += ch
        if key[0].isalnum():
            rev += _GUARD
        rev_keys.append(rev)
    lookup = {_norm_key(k).replace(" ", ""): iso for k, iso in keys.items()}
    # how a prefix can end: one character ("$", "€") or two ("SD", "rs", "s.")
    ends = frozenset(k[-1] for k in keys if len(k) == 1 or not k[-1].isalpha()) | frozenset(
        k[-2:] for k in keys if len(k) > 1 and k[-1].isalpha())
    return re.compile(r"\s{0,2}(" + _trie(rev_keys) + ")"), lookup, ends


_PREFIX_REV, _PREFIX_ISO, _PREFIX_ENDS = _prefix_re()

# Dollars and cents: "$20 43", "15 dollars and 15", "3 GBP 1 pence", "thirteen dollars
# forty-five cents". Without a subunit word only at the end of a clause or before "and",
# "more", ..., since "$20 43 times" is not a price.
_UNITS_WORDS = [k for k, v in _WORDS_EN.items() if 1 <= v < 10 and len(k) > 2]
_CENTS_NUM = (
    r"(?:\d{1,2}(?![\d.,]\d)|" + _alternation([k for k, v in _WORDS_EN.items() if 1 <= v < 100 and len(k) > 2], ci=True)
    + r"(?:[- \t]" + _alternation(_UNITS_WORDS, ci=True) + r")?)"
)
_CENTS = re.compile(
    r"(?:[ \t]{1,3}(?:and|und)[ \t]{1,3}|[ \t]{1,2})(?P<cents>" + _CENTS_NUM + r")"
    r"(?:(?P<csub>[ \t]{0,2}(?:" + _alternation([k for k in _SUBUNIT_CI if k != "p"], ci=True) + "|"
    + _alternation(_SUBUNIT_AS_WRITTEN) + r"))"
    r"|(?=[ \t]{0,2}(?:[.,;:!?)\"']|\Z|" + _alternation(
        ["and", "or", "more", "less", "only", "each", "apiece", "extra", "und", "oder", "mehr"]) + ")))"
)
_PCT_AFTER = re.compile(r"\s{0,2}(?:%|(?i:pct|prozent)(?!\w))")  # (a part of _NOT_MONEY_AFTER)
_NOT_MONEY_AFTER = re.compile(r"\s{0,2}(?:%|(?i:per\s?cent|pct|prozent)(?!\w))")
_RANGE_JOIN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder))\s{0,2}$")
_VAGUE_CONTEXT = 120  # characters either side of a bare vague amount searched for a money word
_ELLIPSIS_FOLLOW = frozenset(["vs", "versus", "last", "year", "a", "in", "from", "against"])
_ELLIPSIS_BEFORE, _ELLIPSIS_AFTER = 120, 40  # characters between an elliptic amount and its neighbour
_SENTENCE_BREAK = re.compile(r"[.!?;]\s+[A-ZÄÖÜ\d]|\n[ \t]*\n|\n[ \t]{2,}|[()]")
_VS_BETWEEN = re.compile(r"[ \t]{1,3}(?:vs\.?|making|\((?:Vorjahr|Vj\.?):?)[ \t]{1,3}(?:(?:profit|loss)[ \t]{1,3})?")
_ENDS_FIGURE = frozenset(",;:)%'\"]!?")
_VALUE_LINK = re.compile(r"\s{1,3}(?:from|vs\.?|versus|against|compared\s{1,3}with|to|making|von|auf)\s{1,3}")
# a part of the amount before ("120 Milliarden Euro, davon 30"; "300 mln dlrs of debt, of which 30")
_PART_LINK = re.compile(r"(?:\s{1,3}[^\W\d_]{1,20}){0,3},?\s{1,3}(?:davon|darunter|of\s{1,3}which|including)\s{1,3}")
_PART_LAST = (["davon"], ["darunter"], ["which"], ["including"])  # the last word of a _PART_LINK
_LINK_FOLLOW = frozenset(["yesterday", "earlier", "previously", "before", "asked", "bid", "offered",
                          "prior", "last", "a", "at", "on", "in"])
_JOIN_BETWEEN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder))\s{0,2}")
_JOIN_AHEAD = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder)(?!\w))\s{0,2}(?=[\w$€£¥])")
_OF_WEIGHT = re.compile(r"\s{1,3}of\s{1,3}(?!" + _alternation(_LEX["weight"]["money_words"], ci=True) + ")")
_DIGIT_NEXT = re.compile(r"\s{0,2}\d")
_FOLLOW_WORD = re.compile(r"\s{0,3}([^\W\d_]+)|\s{0,3}-\w")
_NOUN_AFTER = re.compile(r"\s{1,3}(?:(?i:of|von)\s|[A-ZÄÖÜ][a-zäöüß])")
_MONEY_CONTEXT = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w) for w in _LEX["money_context"]["words"]) + "))"
)
# An earnings-table line: a row label (one to six label words), the figure right after it, and
# "vs" (German "Vorjahr", "Vj.") on the line, or a short line: "    Net 528,790 vs 286,969",
# "Shr loss two cts vs profit five cts", "Umsatz 412,7 Mio. (Vorjahr: 398,1 Mio.)". A paragraph
# that starts "Net profit surged 70% to ..." is prose. The label's words say what the row holds.
_TABLE = _LEX["table"]
_ROW_CLASSES = [(kind, frozenset(w.lower() for w in _TABLE[kind])) for kind in ("not_money", "per_share", "money")]
_PAYOUT_PERIODS = frozenset(w.lower() for w in _TABLE["payout_periods"])
_LABEL_WORDS = {w.lower() for kind in ("not_money", "per_share", "money", "words", "payout_periods")
                for w in _TABLE[kind]}
_LABEL_WORD = "(?:" + _trie(_cased(_LABEL_WORDS)) + r")(?![\w-])"  # any usual case: "Net", "NET", "net"
_TABLE_ROW = (  # (a dash may part a label's words: "Share - basic 22.2p vs 21.6p")
    r"[ \t]{0,8}(?P<label>" + _LABEL_WORD + r"(?:[ \t]{1,3}(?:[-–][ \t]{1,3})?" + _LABEL_WORD + r"){0,5})[ \t,:]{1,4}"
    r"(?=[\d(]|" + _alternation([k for k, v in _WORDS_EN.items() if 1 <= v < 100 and len(k) > 2] + ["nil"], ci=True)
    + r")(?:(?=[^\n]{0,120}(?:\bvs\b|\bVorjahr\b|\bVj\.))[^\n]{0,160}|[^\n]{0,40}(?=\n|\Z))"
)
# a row starts the text or follows a line break: the search for the break is a fast scan
_TABLE_LINE = re.compile(r"\n" + _TABLE_ROW)
_TABLE_FIRST_LINE = re.compile(_TABLE_ROW)
# The wire's flash headline is a table row in capitals after the company and period:
# "ACME CORP 3RD QTR SHR 55 CTS VS 46 CTS", "ACME YEAR NET 16 MLN DLRS VS 53 MLN DLRS".
_FLASH_LINE = re.compile(r"^[^a-z\n]{0,200}?\bVS\b[^a-z\n]{0,200}$", re.M)
_FLASH_ROW = re.compile(r"(?<=[ \t])" + _TABLE_ROW)
_FLASH_PERIOD = re.compile(r"^(?:(?:QTR|YEAR|YR|NINE|SIX|MTHS|MOS)[ \t]+)+")


_ROW_BREAK = re.compile(r"(?:(?<=[a-z]{4})|(?<=\d))[.;][ \t]{1,3}[A-Z]")  # not "Mio. Euro", "H.K. Cents"


def _row_end(text: str, m: re.Match[str]) -> int:
    """Where a table row ends: its line's end, or a sentence that starts after it on the line
    ("minorities nil vs same. Other income: 72.39 mln from ..." is prose after the row)."""
    brk = _ROW_BREAK.search(text, m.end("label"), m.end())
    return brk.start() + 1 if brk else m.end()


_ROW_KIND_MEMO: dict[str, str | None] = {}
_SHARE_COUNTS = frozenset(w.lower() for w in _TABLE["share_counts"])
_SHARE_RESULTS = frozenset(w.lower() for w in _TABLE["share_results"])
_AVERAGES = frozenset(w.lower() for w in _TABLE["averages"])


_YEAR_NEXT = re.compile(r"[ \t,:]{1,4}(?:19|20)\d\d(?!\d)")


def _period_before_year(m: re.Match[str]) -> bool:
    """A payout's period before a year is prose, no dividend row: "Annual 1987 sales were ..."."""
    return ({w.lower() for w in m.group("label").split()} <= _PAYOUT_PERIODS
            and _YEAR_NEXT.match(m.string, m.end("label")) is not None)


def _row_kind(label: str) -> str | None:
    """What a table row's figures are, by its label's words: not_money, per_share, money or None."""
    if label not in _ROW_KIND_MEMO:
        if len(_ROW_KIND_MEMO) > 4096:
            _ROW_KIND_MEMO.clear()
        words = {w.lower() for w in label.split()}
        kind = next((kind for kind, vocab in _ROW_CLASSES if words & vocab), None)
        if kind is None and words <= _PAYOUT_PERIODS:
            kind = "per_share"  # "Semi-annual 30 cts vs 25 cts prior": a dividend row
        if kind == "not_money" and words & _SHARE_COUNTS and words & _SHARE_RESULTS and not words & _AVERAGES:
            kind = "per_share"  # "Shrs loss 1.70 dlrs": shares counted make no loss
        _ROW_KIND_MEMO[label] = kind
    return _ROW_KIND_MEMO[label]


# A label word the wire misspells ("Sasles 19.1 mln vs 16.6 mln"): see [table_typos] in money.toml
_TYPOS = _LEX["table_typos"]
_TYPO_MIN = int(_TYPOS["min_length"])
_TYPO_REAL = frozenset(w.lower() for w in _TYPOS["real_words"])
_TYPO_TARGETS = tuple(sorted(w for w in _LABEL_WORDS if len(w) >= _TYPO_MIN))
_TYPO_ANY = r"[^\W\d_]{" + str(_TYPO_MIN) + r",20}(?![\w-])"
_TYPO_LABEL_WORD = "(?:" + _LABEL_WORD + "|" + _TYPO_ANY + ")"
_TYPO_LINE = re.compile(
    r"\n[ \t]{0,8}(?P<label>" + _TYPO_LABEL_WORD + r"(?:[ \t]{1,3}" + _TYPO_LABEL_WORD + r"){0,5})[ \t,:]{1,4}"
    r"(?=[\d(])(?=[^\n]{0,120}(?:\bvs\b|\bVorjahr\b|\bVj\.))[^\n]{0,160}")
_TYPO_MEMO: dict[str, str | None] = {}


def _typo_fix(word: str) -> str | None:
    """The label word `word` misspells by one edit, or None (too short, a real word, no such
    label word, or two of them)."""
    low = word.lower()
    if low in _TYPO_MEMO:
        return _TYPO_MEMO[low]
    if len(_TYPO_MEMO) > 4096:
        _TYPO_MEMO.clear()
    found = None
    if len(low) >= _TYPO_MIN and low not in _TYPO_REAL:
        near = {w for w in _TYPO_TARGETS if abs(len(w) - len(low)) <= 1 and OSA.distance(low, w, score_cutoff=1) <= 1}
        found = near.pop() if len(near) == 1 else None
    _TYPO_MEMO[low] = found
    return found


def label_as_meant(label: str) -> str:
    """A table row's label with each misspelt label word read as the word it misspells
    ("Sasles" -> "sales"), the others as written."""
    words = label.split()
    return " ".join(w if w.lower() in _LABEL_WORDS else (_typo_fix(w) or w) for w in words)


def _typo_rows(text: str, tables: list[tuple[int, int, str, str]]) -> None:
    """Add to `tables` (a story's table rows) the rows whose label has a misspelt word."""
    starts = {t[0] for t in tables}
    for m in _TYPO_LINE.finditer(text):
        if m.start("label") in starts:
            continue
        fixed = []
        for word in m.group("label").split():
            fixed.append(word if word.lower() in _LABEL_WORDS else _typo_fix(word))
            if fixed[-1] is None:
                break
        else:
            kind = _row_kind(" ".join(fixed)) if fixed != m.group("label").split() else None
            if kind is not None:
                tables.append((m.start("label"), _row_end(text, m), m.group("label"), kind))


_QUOTES = "„“\"«»"
# last words of the qualifier phrases, to skip the phrase lookup for most figures
_QUAL_LAST = frozenset(k.split()[-1] for k in _QUALS) | {"between", "zwischen"}


# ----------------------------------------------------------------------------- reading

@dataclass(slots=True)
class _Figure:
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
    src: _Figure | None = None  # the figure whose unit it takes ("Shr 41 cts vs 38": the 41 cts)
    source: str | None = None  # currency_source once resolved: stated, story, dateline, ...
    label: str | None = None  # the earnings-table row label as written ("Net", "Oper shr")
    converts: _Figure | None = None  # the same amount stated in another currency ("$8bn (£6.3bn)")
    pair: _Figure | None = None  # its neighbour when the words between them write a conversion
    sign: bool = False  # its unit is written before it ("$5", "dollars 5"): the writer's own sign
    linked: bool = False  # a bare number after "from", "vs", ... a money figure ("from 190")
    left_read: bool = False  # qualifier words before it have been read


def _magnitude_exponent(word: str, lang: str) -> int:
    if word.lower() in ("hundred", "hundert"):
        return 2
    if lang == "de" and word in _MAG_DE:
        return int(_MAG_DE[word])
    if word in _MAGNITUDE:
        return int(_MAGNITUDE[word])
    return int(_MAG_CI[_norm_key(word)])


def _currency_of(word: str, lang: str) -> str:
    if word in _CODE_ISO:
        return _CODE_ISO[word]
    if lang == "de" and word in _SUFFIX_DE:
        return str(_SUFFIX_DE[word])
    if word in _SUFFIX_AS_WRITTEN:
        return str(_SUFFIX_AS_WRITTEN[word])
    if word in _SUFFIX:
        return str(_SUFFIX[word])
    key = _norm_key(word)
    return str(_SUFFIX_CI.get(key) or _CODES_LOWER.get(key) or _SUFFIX_CI[key])


def _spelled_value(words: str) -> Decimal | None:
    """'two hundred thousand' -> 200000; 'forty-five' -> 45; 'fünfundzwanzig' -> 25."""
    total = cur = Decimal(0)
    seen = False
    tokens = _WORD_TOKEN.findall(words.lower())
    if len(tokens) > 1 and tokens[0] in _LEADERS:
        tokens = tokens[1:]  # "a two mln dlr" is two million, "a hundred" one hundred
    if "point" in tokens:  # "one point three" -> 1.3
        i = tokens.index("point")
        whole = _spelled_value(" ".join(tokens[:i])) if i else Decimal(0)
        digits = [_WORDS_CI.get(t) for t in tokens[i + 1:]]
        if whole is None or not digits or any(d is None or not 0 <= d <= 9 for d in digits):
            return None
        return whole + Decimal("0." + "".join(str(int(d)) for d in digits))
    for tok in tokens:
        if tok == "and":
            continue
        v = _WORDS_CI.get(tok)
        if v is None:
            v = _german_compound(tok)
            if v is None:
                return None
        v = Decimal(str(v))
        seen = True
        if v == 100:
            cur = (cur or 1) * 100
        elif v == 1000:
            total += (cur or 1) * 1000
            cur = Decimal(0)
        else:
            cur += v
    return total + cur if seen else None


def _german_compound(tok: str) -> int | None:
    """'fünfundzwanzig' -> 25, 'dreihundert' -> 300 (the compounds the candidate pattern admits)."""
    for h, mult in (("hundert", 100), ("tausend", 1000)):
        if tok.endswith(h) and tok[: -len(h)] in _WORDS:
            return int(_WORDS[tok[: -len(h)]]) * mult
    unit, sep, tens = tok.partition("und")
    if sep and unit in _WORDS and tens in _WORDS:
        return int(_WORDS[unit]) + int(_WORDS[tens])
    return None


def _read_prefix(text: str, start: int, floor: int) -> tuple[int, str, str] | None:
    """The currency written just before `start` ("$", "US$ ", "EUR ", "hk $ "): (its start, ISO,
    the prefix as written)."""
    i = start
    while i > floor and start - i < 2 and text[i - 1] in " \t\n\u00a0":
        i -= 1
    if i <= floor or (text[i - 1] not in _PREFIX_ENDS and text[i - 2:i] not in _PREFIX_ENDS):
        return None
    m = _PREFIX_REV.match(text[max(floor, start - _PREFIX_WINDOW):start][::-1])
    if not m:
        return None
    written = m.group(1)[::-1]
    iso = _PREFIX_ISO.get(_norm_key(written).replace(" ", ""))
    return None if iso is None else (start - m.end(), iso, written)


def _quote_shorthand(text: str, start: int, raw: str) -> bool:
    """Whether `raw`, after "NUMBER/", has fewer digits than that number ("1.8245/50")."""
    k = start - 1
    while k > max(0, start - 16) and (text[k - 1].isdigit() or text[k - 1] in ".,"):
        k -= 1
    before = sum(ch.isdigit() for ch in text[k:start - 1])
    return sum(ch.isdigit() for ch in raw) < before


def _noun_follows(text: str, pos: int) -> bool:
    """Whether a word that is not a function word follows `pos` ("a grand jury", "a dollar bill")."""
    m = _FOLLOW_WORD.match(text, pos, pos + 24)
    if not m:
        return False
    return m.group(1) is None or m.group(1).lower() not in _FOLLOW


def _start_figure(text: str, m: re.Match[str], lang: str) -> _Figure | None:
    """The figure a word candidate stands for, before its right-hand side is read."""
    start, end = m.start(), m.end()
    if m.group("word") is not None:
        number = _spelled_value(m.group("word"))
        return None if number is None else _Figure(start, end, number)
    if m.group("frac") is not None:
        return _Figure(start, end, Decimal(str(_FRACTIONS_CI[_norm_key(m.group("fracw"))])))
    if m.group("vp") is not None:
        word = text[start:end]
        if not (word in _VAGUE_P_AS_WRITTEN or word.isupper()
                or (word[0].isupper() and word.lower() in _VAGUE_P_AS_WRITTEN)):
            return None  # "Milliarden" is a noun: capitalised; "billions" is not
        if lang == "de" and word[0].islower():
            return None  # German plural magnitudes are nouns: capitalised
        low, high = _VAGUE_P_CI[_norm_key(word)]
        fig = _Figure(start, end, None, magnitude=word.lower(), qualifier="vague")
        fig.vague = (Decimal(10) ** low, Decimal(10) ** high)
        return fig
    if m.group("vq") is not None:
        q_low, q_high = _VAGUE_Q_CI[_norm_key(m.group("vq"))]
        exp = _magnitude_exponent(m.group("vqmag"), lang)
        scale = Decimal(10) ** exp
        fig = _Figure(start, end, None, exponent=exp, magnitude=m.group("vqmag").lower(),
                      qualifier="vague")
        fig.vague = (Decimal(str(q_low)) * scale, Decimal(str(q_high)) * scale)
        return fig
    if text[start:end].isupper() or not _SENTENCE_BEFORE.search(text, max(0, start - 8), start):
        return None  # "NICKEL" is a headline; "nickel" inside a sentence is the metal
    value, cur = _COIN[m.group("bare").lower()]
    return _Figure(start, end, value, currency=cur or _COIN_DEFAULT.get(m.group("bare").lower()),
                   has_currency=True, exact_cents=True, family=_family_of(m.group("bare"), cur) if cur else "any")


def _read_candidate(text: str, m: re.Match[str], lang: str, floor: int, in_table) -> _Figure | int | None:
    """Read one candidate: its figure; or None when it is not money; or, when a number with
    its magnitude was read but is not money ("zwei Milliarden Menschen"), where it ends."""
    start, end = m.start(), m.end()
    right_re = _RIGHT.get(lang) or _RIGHT["en"]
    prefix = None
    numeral = m.re is _NUMERAL_CANDIDATE
    if numeral:
        prefix = _read_prefix(text, start, floor)
        if prefix is None and start and (text[start - 1].isalpha() or text[start - 1] == "_"):
            return None  # "B747", "Q3"; but "USD3.14"
        raw = m.group(0)
        if start > 1 and text[start - 1] == "/" and text[start - 2].isdigit() and _quote_shorthand(text, start, raw):
            return None  # "1.8245/50 marks": the offer side of a quote, written short
        if len(raw) <= 3 and text[end + 1:end + 2].isdigit() and text.startswith(" ", end):
            sp = SPACE_GROUPED.match(text, start)  # "12 500 EUR", "10 000 dollars"
            if sp and sp.end() > end:
                r = right_re.match(text, sp.end(), sp.end() + _RIGHT_WINDOW)
                if prefix or r.group("cur") or r.group("sub"):
                    raw, end = sp.group(0), sp.end()
        if prefix is None and _PCT_AFTER.match(text, end):
            return None  # "5 pct": no unit can follow, and the bare number below would end so
        if prefix is None and (end >= len(text) or text[end] in _ENDS_FIGURE):
            right = None  # "1987,", "5%": nothing can follow
        else:
            right = right_re.match(text, end, end + _RIGHT_WINDOW)
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
            if _NOT_MONEY_AFTER.match(text, end):
                return None
            number = parse_numeral(raw, lang)
            if number is None:
                return None
            fig = _Figure(start, end, number, table=table, linked=linked)
            if table:
                _read_left(text, fig, floor)
            return fig
        number = parse_numeral(raw, lang)
        if number is None:
            return None
        fig = _Figure(start, end, number)
        if prefix is not None:
            fig.start, fig.currency, fig.has_currency = prefix[0], prefix[1], True
            fig.family = _family_of(prefix[2], prefix[1])
            fig.sign = True
    else:
        fig = _start_figure(text, m, lang)
        if fig is None or m.group("bare") is not None:
            return fig
        right = right_re.match(text, end, end + _RIGHT_WINDOW)

    if fig.vague is None and right.group("mag"):
        mag = right.group("mag")
        fig.exponent = _magnitude_exponent(mag, lang)
        fig.magnitude = mag.lower()
        fig.end = right.end("mag")
    cur = right.group("cur")
    if cur and not fig.has_currency:
        cur_end = right.end("cur")
        if right.group("of") and fig.vague is None:
            pass  # "5 million of dollars" is not a form
        elif not cur[-1].islower() and cur_end < len(text) and text[cur_end].isdigit():
            pass  # "1 $10": the symbol belongs to the next figure
        elif _norm_key(cur) in ("pounds", "pound") and _OF_WEIGHT.match(text, cur_end):
            pass  # "500 pounds of beef" is a weight
        elif _heading_below(text, end, right.start("cur")):
            pass  # "90 days  7.05" over "CANADIAN DOLLAR SWAPS": the next line's heading, not the unit
        elif not numeral and not fig.magnitude and lang == "en" and _norm_key(m.group(0)) in ("a", "an") \
                and (_noun_follows(text, cur_end) or _DIGIT_NEXT.match(text, cur_end)):
            pass  # "a dollar bill", "a pound coin"; "a dollars 600m loan" (the word is the prefix)
        else:
            fig.currency = _currency_of(cur, lang)
            fig.has_currency = True
            fig.family = _family_of(cur, fig.currency)
            fig.end = cur_end
            if right.group("mag2") and not fig.magnitude and cur.isupper():
                fig.exponent = _magnitude_exponent(right.group("mag2"), lang)  # "75 USD million"
                fig.magnitude = right.group("mag2").lower()
                fig.end = right.end("mag2")
    elif fig.vague is None and not fig.magnitude and not fig.has_currency:
        if right.group("sub"):
            sub = right.group("sub")
            fig.currency = str(_SUBUNIT.get(sub) or _SUBUNIT_LOOKUP[_norm_key(sub)])
            fig.family = _family_of(sub, fig.currency)
            fig.number = fig.number / 100
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("sub")
        elif right.group("coin") and not _noun_follows(text, right.end("coin")):
            value, fig.currency = _COIN[right.group("coin").lower()]
            # "a penny" names no currency: the story's ("ICI fell a penny" in a London report)
            fig.family = _family_of(right.group("coin"), fig.currency) if fig.currency else "any"
            fig.currency = fig.currency or _COIN_DEFAULT.get(right.group("coin").lower())
            fig.number = fig.number * value
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("coin")
        elif right.group("att") and numeral and lang == "en" \
                and text[start:right.end("att")] not in _ATTACHED_NOT_MONEY:  # "43c", "50p"; not "1080p"
            fig.currency = str(_SUBUNIT[right.group("att").strip()])
            fig.family = _family_of(right.group("att").strip(), fig.currency)
            fig.number = fig.number / 100
            fig.has_currency = fig.exact_cents = True
            fig.end = right.end("att")
    if right.group("per") and right.start("per_intro") == fig.end and (fig.has_currency or not fig.magnitude):
        fig.per = str(_PER[_norm_key(right.group("per"))])
        if right.group("per_n"):
            fig.per = right.group("per_n") + " " + fig.per  # "Marks per 100 kilos": "100 kilo"
        fig.end = right.end("per")
    elif fig.has_currency and not fig.magnitude and text.startswith((" s", " S"), fig.end):
        bare = _PER_BARE.match(text, fig.end)  # the wire's "47 cts share", "1.06 dlrs shr"
        if bare:
            fig.per, fig.end = "share", bare.end()

    if not fig.has_currency:
        if not numeral and fig.vague is None and fig.exponent < 6:
            return fig.end  # spelled numbers need a currency ("eight mln dlrs", "zwei Euro")
        if fig.magnitude in _SHORT_MAGS and not _in_range(text, start, fig.end, floor, False):
            return fig.end  # "10m", unless the upper bound of a range: "£40m - 50m"
    if _NOT_MONEY_AFTER.match(text, fig.end):
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
                _read_left(text, fig, floor)
                return fig
            return fig.end  # "5 billion people" names no currency
    _read_left(text, fig, floor)
    return fig


# digits hyphenated to the figure: an account or telephone number ("1111-2222-3333"), no table amount
_HYPHEN_DIGITS = re.compile(r"-\d")
_HYPHEN_DIGITS_BEFORE = re.compile(r"\d-\Z")
_TABLE_NEXT_WORD = re.compile(r"[ \t]{0,3}([^\W\d_]+)")
_TABLE_FOLLOW = frozenset(["vs", "profit", "loss", "credit", "debit", "gain", "prior", "making", "net",
                           "shr", "vorjahr", "vj"])


def _table_noun_after(text: str, pos: int, lang: str) -> bool:
    """Whether a figure on a table line counts something named next ("Sales 4,000 units vs"),
    rather than being the row's amount ("Net 5 mln vs 4 mln", "Shr loss 5 cts vs profit")."""
    m = _TABLE_NEXT_WORD.match(text, pos, pos + 24)  # (on the row's line: not the "REUTER" below)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _TABLE_FOLLOW:
        return False
    if lang == "de":
        return m.group(1)[0].isupper()
    return word not in _FOLLOW and word not in _ELLIPSIS_FOLLOW


def _noun_after(text: str, pos: int, lang: str) -> bool:
    """Whether the figure ending at `pos` counts something named next ("4 billion people")."""
    m = _FOLLOW_WORD.match(text, pos, pos + 24)
    if not m:
        return False
    word = m.group(1)
    if word is None:
        return True  # "4 billion-dollar"
    if lang == "de":
        return word[0].isupper()
    return word.lower() not in _FOLLOW and word.lower() not in _ELLIPSIS_FOLLOW


def _inherit_unit(text: str, figs: list[_Figure]) -> None:
    """A bare number linked to the figure before it is in that figure's unit: on an
    earnings-table line after "vs" ("Net 42.1 mln vs 43.0", "Shr seven cts vs 20"); in prose
    after "from", "vs", "against", "compared with" or "to" when the two are alike in size
    ("192 dlrs from 190 yesterday"); a part after "davon", "darunter", "of which" or
    "including" when smaller ("120 Milliarden Euro, davon 30")."""
    for prev, fig in itertools.pairwise(figs):
        if fig.has_currency or fig.magnitude or fig.number is None or prev.vague is not None:
            continue
        if fig.table and _VS_BETWEEN.fullmatch(text, prev.end, fig.start):
            pass
        elif fig.linked and prev.has_currency and not prev.table:
            cents = prev.exact_cents and prev.number < 1
            written = prev.number * 100 if cents else prev.number
            part = _PART_LINK.fullmatch(text, prev.end, fig.start) is not None
            if not written or not (Decimal(0) < fig.number / written < 1 if part
                                   else Decimal("0.2") < fig.number / written < 5):
                continue
        else:
            continue
        if prev.magnitude and prev.exponent >= 3 and fig.number < 1000:
            fig.exponent, fig.magnitude = prev.exponent, prev.magnitude
            _take_unit(fig, prev)
        elif prev.exact_cents and prev.has_currency and not prev.magnitude and fig.number < 100:
            fig.number = fig.number / 100
            fig.exact_cents = True
            _take_unit(fig, prev)
        elif (fig.linked or fig.table) and prev.has_currency and not prev.magnitude:
            _take_unit(fig, prev)  # "192 dlrs from 190", "Shr 3.25 H.K. dlrs vs 1.40"


# "pro Monat 1.216 Euro", "per ordinary share 12p", "per nominal 2.50 guilder share 5.79 guilders"
_RATE_BEFORE = re.compile(r"(?<![^\W\d_])(?:pro|je|per)(?:\s{1,3}[^\s,;:()]+){0,3}?\s{1,3}(?P<per>"
                          + _alternation(_PER, ci=True) + r")\s{1,3}\Z")
_RATE_WORDS = frozenset(_norm_key(k) for k in _PER)
# "per share earnings of 3.80 dlrs", "pro Kopf Ausgaben von 500 Euro": the rate, then the
# noun it qualifies, then "of"/"von" before the amount
_RATE_OF_WORDS = frozenset(("of", "von"))
_RATE_OF_BEFORE = re.compile(r"(?<![^\W\d_])(?:pro|je|per)\s{1,3}(?P<per>" + _alternation(_PER, ci=True)
                             + r")(?:\s{1,3}" + _alternation(_LEX["per_before_of"]["modifiers"], ci=True) + r")?\s{1,3}"
                             + _alternation(_LEX["per_before_of"]["nouns"], ci=True) + r"\s{1,3}(?:of|von)\s{1,3}\Z")


# an amount and the same kind of amount it changes to or is compared with: "von 1,40 Euro auf 60
# Cent je Aktie", "to 5 dlrs a share from 4 dlrs": the rate of one is the other's
# (or a move and the level it reaches: "seven dlrs firmer at 746 dlrs per tonne", "3 Euro fester bei 212 Euro")
_MOVE_AT = r"(?:" + _alternation(_LEX["per_share_quote"]["comparatives"], ci=True) + r")\s{1,3}(?:at|bei|auf)"
_RATE_PAIR = re.compile(r"\s{1,3}(?:auf|to|from|von|vs\.?|versus|against|compared\s{1,3}with|bis|" + _MOVE_AT
                        + r")\s{1,3}")


def _take_unit(fig: _Figure, other: _Figure) -> None:
    """`fig` is in `other`'s currency (whatever the context makes of it)."""
    if other.has_currency:
        fig.currency, fig.has_currency, fig.src = other.currency, True, other


def _inherit_currency(text: str, figs: list[_Figure], lang: str) -> bool:
    """An amount with a magnitude but no currency takes the currency of the nearest money
    figure of the same magnitude in its sentence: "5.2 mln dlrs vs 4.1 mln", "448.8 mln pesos
    in 1985 on sales of 10.99 billion pesos against 422.3 mln in 1984", "27 Millionen Euro,
    die sich noch um drei Millionen erhöhen könnte", "um acht Milliarden auf 127,5 Milliarden
    Euro". Returns whether a figure that took a currency follows one without (a range to
    join again: "3 bis 4 Mio.")."""
    rejoin = False
    counts = None  # whether the text has a count anywhere (read when first needed)
    # (the few elliptic figures, found at once; a figure's turn changes only that figure)
    for i in [i for i, f in enumerate(figs) if f.elliptic and not f.has_currency]:
        fig = figs[i]
        counted = False  # a count of its magnitude comes first before it: it counts the same
        for step, gap in ((-1, _ELLIPSIS_BEFORE), (1, _ELLIPSIS_AFTER)):
            j = i + step
            while 0 <= j < len(figs):
                other = figs[j]
                a, b = (other.end, fig.start) if step < 0 else (fig.end, other.start)
                if b - a > gap or _SENTENCE_BREAK.search(text, a, b + 1):
                    break
                if other.has_currency and other.exponent == fig.exponent and (
                        other.vague is None or other.qualifier == "range"):
                    if counts is None:
                        counts = _COUNT.search(text) is not None
                    if step < 0 and counts and _count_between(text, a, b, fig.exponent, lang):
                        counted = True  # "300 mln dlrs ... 300 mln shares, up from 270.1 mln"
                    elif not _unread_range(text, fig.start):
                        _take_unit(fig, other)
                    break
                j += step
            if fig.has_currency or counted:
                break
            if counts is None:
                counts = _COUNT.search(text) is not None
            if step < 0 and counts:
                # no money of its magnitude before it within reach, but perhaps a count ("volume
                # was 479.2 mln shares, up from 270.1 mln in March, and share value was ...")
                lo = max(0, fig.start - gap)
                for brk in _SENTENCE_BREAK.finditer(text, lo, fig.start):
                    lo = brk.start() + 1
                if _count_between(text, lo, fig.start, fig.exponent, lang):
                    counted = True
                    break
        if counted:
            continue
        j = i - 1
        if j > 0 and figs[j].end <= fig.start and _JOIN_BETWEEN.fullmatch(text, figs[j].end, fig.start):
            j -= 1  # the first half of its range: "Im Vorjahr waren es 3 bis 4 Mio."
        if not fig.has_currency and j >= 0 and _across_one_sentence(text, figs[j], fig):
            _take_unit(fig, figs[j])
        rejoin = rejoin or (fig.has_currency and i > 0 and not figs[i - 1].has_currency
                            and figs[i - 1].end <= fig.start <= figs[i - 1].end + 8
                            and _JOIN_BETWEEN.fullmatch(text, figs[i - 1].end, fig.start) is not None)
    return rejoin


# a number with its magnitude: what an elided amount nearby may be counting ("300 mln shares")
# (the digit comes first and the lookbehind after it, so that a search skips to digits fast)
_COUNT = re.compile(r"\d(?<![\w.,]\d)[\d.,]*(?:-[ \t]{0,2}|\s{0,3})" + _MAG_RE + r"(?=[ \t\n]{1,3}[^\W\d_])")


_NOT_COUNT_UNITS = frozenset(w.lower() for w in (
    *_LEX["count_unit"]["not_nouns"], *_TABLE["money"], *_LEX["weight"]["money_words"],
    *_LEX["money_context"]["words"])) | _FOLLOW | _ELLIPSIS_FOLLOW | _LINK_FOLLOW
_COUNT_UNIT = re.compile(r"[ \t\n]{1,3}([^\W\d_][\w-]{1,30})(?![\w-])")


def _count_between(text: str, a: int, b: int, exponent: int, lang: str) -> bool:
    """Whether a count of the given magnitude stands between `a` and `b` (see [count_unit] in
    money.toml): an elided amount after it counts the same things ("300 mln dlrs ... issued
    300 mln shares, up from 270.1 mln")."""
    for m in _COUNT.finditer(text, a, b):
        if _magnitude_exponent(m.group("mag"), lang) != exponent:
            continue
        unit = _COUNT_UNIT.match(text, m.end())
        if unit is None:
            continue
        word = unit.group(1)
        noun = word[0].isupper() if lang == "de" else word.islower() and word.endswith("s")
        if noun and word.lower() not in _NOT_COUNT_UNITS:
            return True
    return False


_ACROSS = 240  # characters an elided amount may stand after the sentence that named its currency
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")


def _across_one_sentence(text: str, prev: _Figure, fig: _Figure) -> bool:
    """"Der Umsatz stieg auf 2,1 Milliarden Euro. Der Gewinn lag bei 1,7 Milliarden.": an
    amount without a currency takes that of the figure just before it, of the same magnitude,
    in the sentence before, within the paragraph."""
    if not prev.has_currency or prev.exponent != fig.exponent or prev.table \
            or (prev.vague is not None and prev.qualifier != "range"):  # (a range names its unit too)
        return False
    if fig.start - prev.end > _ACROSS or _PARAGRAPH_BREAK.search(text, prev.end, fig.start):
        return False
    breaks = _SENTENCE_BREAK.finditer(text, prev.end, fig.start + 1)
    if next(breaks, None) is not None and next(breaks, None) is not None:
        return False
    # a count in between is what the amount may count ("850,000 shares ... a further 1.99 mln")
    for m in _BETWEEN_NUMBER.finditer(text, prev.end, fig.start):
        if not m.group("year") and not _NOT_MONEY_AFTER.match(text, m.end()) \
                and not _JOIN_BETWEEN.fullmatch(text, m.end(), fig.start):  # "3 bis 4 Mio."
            return False
    return not _unread_range(text, fig.start)


_BETWEEN_NUMBER = re.compile(r"(?<![\w.,])(?:(?P<year>(?:19|20)\d\d)(?![\d,.]\d)|\d[\d,.]*)")
# the second half of a range whose first half was not read as a figure: "drei bis vier Millionen"
def _unread_range(text: str, start: int) -> bool:
    """Whether the figure at `start` is the second half of a range whose first half was not read
    as a figure: "drei bis vier Millionen"."""
    return _JOIN_WORD_BEFORE.search(text, max(0, start - 8), start) is not None and \
        _UNREAD_RANGE.search(text, max(0, start - 24), start) is not None


_JOIN_WORD_BEFORE = re.compile(r"(?:bis|to|und|and|or|oder)[ \t]{1,2}\Z", re.I)
_UNREAD_RANGE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted((k for k in _WORDS if len(k) > 2), key=len, reverse=True))
    + r")[ \t]{1,2}(?:bis|to|und|and|or|oder)[ \t]{1,2}\Z", re.I)


def _linked(text: str, start: int, end: int, floor: int, lang: str) -> bool:
    """Whether a bare number follows the figure before it as a comparison ("192 dlrs from 190
    yesterday", "1.25 dlrs vs 1.10") and counts nothing itself ("from 12 banks")."""
    if floor <= 0 or start - floor > 64:
        return False
    if not ((start - floor <= 24 and _VALUE_LINK.fullmatch(text, floor, start))
            or (text[max(floor, start - 14):start].rsplit(None, 1)[-1:] in _PART_LAST
                and _PART_LINK.fullmatch(text, floor, start))):
        return False
    if start + 4 == end and text[start:start + 2] in ("19", "20"):
        return False  # a year: "from 1986"
    m = _FOLLOW_WORD.match(text, end, end + 24)
    if not m or not m.group(1):
        return m is None
    word = m.group(1)
    if lang == "de":
        return not word[0].isupper()
    return word.lower() in _FOLLOW or word.lower() in _ELLIPSIS_FOLLOW or word.lower() in _LINK_FOLLOW


# the rest of a list of figures after its first: ", 2.0 and 2.5", ", 2,0, 2,5 und 3,0"
_LIST_AHEAD = re.compile(r"(?:,[ \t]{1,2}\d(?:[\d.,]*\d)?){0,8},?[ \t]{1,2}(?:and|und)[ \t]{1,2}(?=\d)")
# what stands between two items of such a list
_LIST_NEXT = (",", " and ", " und ", " AND ")  # how an item of such a list ends
_LIST_SEP = re.compile(r",[ \t]{1,2}|,?[ \t]{1,2}(?:and|und)[ \t]{1,2}")


def _in_list(text: str, end: int, right_re: re.Pattern[str]) -> bool:
    """Whether the bare number ending at `end` opens a list of figures whose last one writes
    the currency ("1.5, 2.0 and 2.5 billion dlrs respectively")."""
    m = _LIST_AHEAD.match(text, end)
    if m is None:
        return False
    last = _NUMERAL_CANDIDATE.match(text, m.end())
    if last is None:
        return False
    r = right_re.match(text, last.end(), last.end() + _RIGHT_WINDOW)
    return r is not None and (r.group("cur") is not None or r.group("sub") is not None)


def _list_units(text: str, figs: list[_Figure]) -> None:
    """A unit written once for a list of figures: "1.5, 2.0 and 2.5 billion dlrs respectively",
    "1,5 und 2,0 Milliarden Euro", "5, 6 and 7 cts a share": each bare figure before the last,
    joined to it by commas and "and"/"und", takes its magnitude, currency and rate."""
    for i in range(len(figs) - 1, 0, -1):
        last = figs[i]
        if not last.has_currency or last.vague is not None or last.number is None or last.table:
            continue
        cents = last.exact_cents and not last.magnitude and last.number < 1
        written = last.number * 100 if cents else last.number
        nxt = last
        for j in range(i - 1, -1, -1):
            fig = figs[j]
            if fig.has_currency or fig.magnitude or fig.table or fig.linked or fig.between \
                    or fig.number is None or fig.vague is not None or fig.qualifier != "exact" \
                    or _LIST_SEP.fullmatch(text, fig.end, nxt.start) is None:
                break
            if not written or not _LIST_CLOSE_LOW < fig.number / written < _LIST_CLOSE \
                    or _YEAR.fullmatch(text, fig.start, fig.end) \
                    or _MONTH_BEFORE.search(text, max(0, fig.start - 16), fig.start) \
                    or _PART_OF_NUMBER.search(text, max(0, fig.start - 8), fig.start):
                break  # "due March 1, 1997 and 75 mln dlrs", "on March 30 and 147 mln stg": dates;
                # "1 point 1 and one point three dollars": the decimals of a number before
            if cents:
                fig.number, fig.exact_cents = fig.number / 100, True
            fig.exponent, fig.magnitude, fig.per = last.exponent, last.magnitude, last.per
            _take_unit(fig, last)
            fig.family = last.family
            nxt = fig


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_LEX["list_units"]["months"], ci=True)
                           + r")\.?[ \t]{1,2}(?:\d{1,2},?[ \t]{1,2})?\Z")
_PART_OF_NUMBER = re.compile(r"(?:\d|(?<![^\W\d_])(?i:point|komma))[ \t]{1,2}\Z")
_LIST_CLOSE = Decimal(50)  # the items of a list are alike in size: no year before "3 dlrs"
_LIST_CLOSE_LOW = 1 / _LIST_CLOSE


def _in_range(text: str, start: int, end: int, floor: int, ahead: bool | None = None) -> bool:
    """Whether a figure is joined to the one before or after it ("2-3", "2 und 3")."""
    if ahead if ahead is not None else _JOIN_AHEAD.match(text, end):
        return True
    return floor > 0 and start - floor <= 8 and _JOIN_BETWEEN.fullmatch(text, floor, start) is not None


def _read_cents(text: str, fig: _Figure) -> None:
    """Extend "$20" over " 43", " and 43c", " forty-five cents" (dollars and cents)."""
    if fig.exponent or fig.exact_cents or fig.number is None or fig.number != fig.number.to_integral_value():
        return
    c = _CENTS.match(text, fig.end, fig.end + 40)
    if not c:
        return
    raw = c.group("cents")
    cents = Decimal(raw) if raw.isdigit() else _spelled_value(raw)
    if cents is None or not 0 < cents < 100 or _NOT_MONEY_AFTER.match(text, c.end()):
        return
    fig.number += cents / 100
    fig.exact_cents = True
    fig.end = c.end()


def _bare_vague_ok(text: str, fig: _Figure, lang: str) -> bool:
    """A vague amount with no currency word ("plunged billions into", "wenige Milliarden.")."""
    if fig.vague[0] < Decimal(10) ** 6:
        return False  # "thousands of deals"
    if text.startswith("-", fig.end):
        return False  # "Millionen-Publikum"
    nxt = _NOUN_AFTER.match(text, fig.end)
    if nxt and (lang == "de" or nxt.group(0).strip().lower() in ("of", "von")):
        return False  # "billions of people", "Milliarden Menschen"
    word = _FOLLOW_WORD.match(text, fig.end, fig.end + 24)
    if lang != "de" and word and word.group(1) and word.group(1).endswith("s") \
            and word.group(1).lower() not in _FOLLOW:
        return False  # "several million shares"
    # a money word in the same sentence, close by: "spend millions on", "costs them billions"
    lo = max(0, fig.start - _VAGUE_CONTEXT)
    for brk in _SENTENCE_BREAK.finditer(text, lo, fig.start + 1):
        lo = brk.start() + 1
    hi = min(len(text), fig.end + _VAGUE_CONTEXT)
    brk = _SENTENCE_BREAK.search(text, fig.end, hi)
    if brk:
        hi = brk.start() + 1
    return _MONEY_CONTEXT.search(text, lo, hi) is not None


def _read_left(text: str, fig: _Figure, floor: int) -> None:
    """"between" and qualifier words right before a figure ("up to", "mindestens", "knapp")."""
    fig.left_read = True
    lo = max(0, floor, fig.start - _LEFT_WINDOW)
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
        qual = _QUALS.get(" ".join(w.strip(_QUOTES) for w in words[-n:]).lower())
        if qual:
            first = words[-n]
            fig.qualifier = str(qual)
            fig.start = offsets[-n] + len(first) - len(first.lstrip(_QUOTES))
            return


def _merge_ranges(text: str, figs: list[_Figure]) -> list[_Figure]:
    """Join "$2-3 billion", "between $5m and $7m", "zwischen 2 und 3 Mrd. Euro", "5 to 7 mln dlrs".

    "rose one dlr to 51-1/8" and "seven cts or 1.2 mln dlrs" are not ranges: "to" and "or"
    join only a bare first figure; a spaced hyphen is a dateline ("April 3 - A five ...").
    """
    out: list[_Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.vague is None
            and fig.vague is None
            and prev.end <= fig.start
            and fig.start - prev.end <= 8
            and (prev.has_currency or fig.has_currency)
        ):
            join = _RANGE_JOIN.search(text, prev.end, fig.start)
            if join is not None and join.start() == prev.end:
                if not prev.left_read:
                    _read_left(text, prev, out[-2].end if len(out) > 1 else 0)
                word = join.group(0).strip().lower()
                # both bounds with their magnitude ("100 mln to 150 mln dlrs", "£40m - £50m")
                both = prev.magnitude is not None and fig.magnitude is not None and prev.exponent == fig.exponent
                close = _RANGE_WIDE
                if word == "-":
                    # a spaced hyphen only after an amount's currency or magnitude: "April 3 - A
                    # five ..." and "April 3 - 5 mln dlrs" are datelines
                    ok = not text[fig.start].isalpha() and (join.group(0) == "-" or prev.has_currency or both)
                elif word in ("–", "—"):
                    ok = not text[fig.start].isalpha()
                elif word in ("and", "und"):
                    ok = prev.between
                elif word in ("to", "bis"):  # "5 to 7 mln dlrs", "$1.3 to $1.5bn"
                    ok = not prev.magnitude and (not prev.has_currency or fig.magnitude is not None)
                    # (a currency on the lower bound alone is a change and the level it reaches:
                    # "rising by 408 mln marks to 594 mln")
                    if not ok and both and fig.has_currency and not prev.between:
                        ok, close = _range_to(text, prev.start)
                    elif not ok and not prev.magnitude and not fig.magnitude and fig.has_currency \
                            and prev.currency == fig.currency and prev.family == fig.family:
                        # both bounds with their currency and no magnitude, only after a word
                        # of range and "from": "ranging from pounds 19 to pounds 29" ("rose
                        # from $19 to $29" is a move and the price it reaches)
                        ok = _range_from(text, prev.start)
                else:  # or, oder: "5 or 6 mln dlrs"
                    ok = not prev.has_currency and not prev.magnitude
                ok = ok and prev.qualifier in _RANGE_LOWER_QUALS and not (
                    prev.has_currency and prev.magnitude and fig.has_currency and not prev.between
                    and (word in ("or", "oder") or not both or prev.currency != fig.currency
                         or prev.family != fig.family))
                if ok:
                    exp = prev.exponent if prev.magnitude else fig.exponent
                    low = prev.number * Decimal(10) ** exp
                    high = fig.number * Decimal(10) ** fig.exponent
                    if high < low and word in ("to", "bis") and _reverse_range(text, prev, fig, low, high):
                        low, high = high, low  # "gains of 12 to five stg": across delivery positions
                    elif high >= _RANGE_WIDE * low and _elided_thousands(text, prev, fig, low, high):
                        low *= 1000  # "between $40-90,000": 40,000 to 90,000
                    if low < high < _RANGE_WIDE * low and high <= close * low:  # "1.7770-80 marks" is a quote
                        unit = prev if prev.currency else fig
                        merged = _Figure(
                            prev.start, fig.end, fig.number, fig.exponent, fig.magnitude,
                            unit.currency, True, "range", fig.per or prev.per, family=unit.family,
                            sign=unit.sign,
                        )
                        merged.vague = (low, high)  # bounds of the range
                        merged.src, merged.label = unit.src, prev.label
                        out[-1] = merged
                        continue
        if fig.has_currency and text.endswith(_JOIN_WORD_ENDS, 0, fig.start) and fig.vague is None \
                and fig.number is not None:
            merged = _spelled_range(text, fig, prev.end if prev is not None else 0)
            if merged is not None:
                fig = merged
        out.append(fig)
    return out


_THOUSANDS_END = re.compile(r"\d[,.]000(?![\d,.])")
_GROUPED = re.compile(r"\d[,.]\d{3}")


def _elided_thousands(text: str, prev: _Figure, fig: _Figure, low: Decimal, high: Decimal) -> bool:
    """Whether a range's lower bound drops the thousands its upper bound writes: "between
    $40-90,000" (40,000 to 90,000), "10-25.000 Euro". Both bounds without a magnitude, the
    upper one written in whole thousands, the lower a whole number with no group of its own,
    and read in thousands a usual range."""
    if prev.magnitude or fig.magnitude or low != low.to_integral_value() or low < 1:
        return False
    if _THOUSANDS_END.search(text, fig.start, fig.end) is None or _GROUPED.search(text, prev.start, prev.end):
        return False
    return low * 1000 < high < _RANGE_WIDE * low * 1000


def _reverse_range(text: str, prev: _Figure, fig: _Figure, low: Decimal, high: Decimal) -> bool:
    """Whether "12 to 5 dlrs" (the larger bound first) is a range written from its upper end, as
    market reports write the moves of several delivery positions ("gains of 12 to five stg per
    tonne", "Abschläge von 8 bis 3 Euro"). Only a bare first figure, not after a word of change
    or movement ("eased 12 to 5 dlrs" is a move and the level it reaches), a month ("April 12 to
    5 dlrs") or a year ("1986 to 5 dlrs", also too far apart), and within the usual bounds."""
    if prev.has_currency or prev.magnitude or prev.qualifier != "exact" or not low < _RANGE_WIDE * high \
            or _YEAR.fullmatch(text, prev.start, prev.end) or (high == 1 and not fig.magnitude) \
            or (prev.start and (text[prev.start - 1].isalnum() or text[prev.start - 1] == "-")):
        return False  # "pegged at 7.80 to one U.S. dlr" is a rate; "GSM-103 to 75 mln dlrs" a name
    if not _range_to(text, prev.start)[0] or _MONTH_BEFORE.search(text, max(0, prev.start - 16), prev.start):
        return False
    words = text[max(0, prev.start - 24):prev.start].split()
    return not words or words[-1].strip(",;:\"'").lower() not in _MOVE_WORDS


_MOVE_WORDS = frozenset(w.lower() for w in _LEX["per_share_move"]["verbs"])


# how the text before an upper bound ends when a spelled lower bound may stand before it (a
# test of the few characters, before the pattern below)
_JOIN_WORD_ENDS = tuple(w + " " for w in ("to", "and", "or", "bis", "und", "oder", "TO", "AND", "OR"))
# the spelled lower bound of a range before its upper bound ("between two and three billion
# dlrs", "zwei bis drei Milliarden Euro"): a spelled number alone is no candidate
_SPELLED_LOWER = re.compile(
    r"(?<![^\W\d_])(?P<low>" + _words([*_NUMBER_WORDS, *_DE_COMPOUNDS, "ein", "eine", "einer"])
    + r"(?:(?:[ \t]{1,2}|-)" + _words([*_NUMBER_WORDS, *_DE_COMPOUNDS]) + r"){0,3})"
    r"[ \t]{1,2}(?P<join>to|and|or|bis|und|oder|TO|AND|OR)[ \t]{1,2}\Z")


_SPELLED_LAST = frozenset(k.lower() for k in (*_NUMBER_WORDS, *_DE_COMPOUNDS, "ein", "eine", "einer"))


def _spelled_range(text: str, fig: _Figure, floor: int) -> _Figure | None:
    """`fig` as the upper bound of a range whose lower bound is spelled out and takes its
    magnitude and currency ("two to three billion dlrs"), or None. The bound joins as a digit
    bound would: "and" after "between" only, "to" not after a word of change ("rose from")."""
    words = text[max(floor, fig.start - 24):fig.start].rsplit(None, 2)
    if len(words) < 2 or words[-2].rsplit("-", 1)[-1].lower() not in _SPELLED_LAST:
        return None  # (most amounts after "to" or "and": no number word before it)
    m = _SPELLED_LOWER.search(text, max(floor, fig.start - 48), fig.start)
    if m is None:
        return None
    number = _spelled_value(m.group("low"))
    if number is None:
        return None
    low_fig = _Figure(m.start("low"), m.end("low"), number)
    _read_left(text, low_fig, floor)
    word = m.group("join").lower()
    if word in ("and", "und"):
        ok = low_fig.between
    elif word in ("to", "bis"):
        ok = low_fig.between or _range_to(text, low_fig.start)[0]
    else:
        ok = not low_fig.between
    if not ok or low_fig.qualifier not in _RANGE_LOWER_QUALS:
        return None
    if not fig.magnitude and fig.number != fig.number.to_integral_value():
        return None  # "China Entertainment five to 8.60 dlrs": a move (in cents) and a price
    scale = _POW10[fig.exponent]
    low, high = number * scale, fig.number * scale
    if not low < high < _RANGE_WIDE * low:
        return None
    merged = _Figure(low_fig.start, fig.end, fig.number, fig.exponent, fig.magnitude, fig.currency, True,
                     "range", fig.per, family=fig.family, sign=fig.sign)
    merged.vague = (low, high)
    merged.src, merged.label = fig.src, fig.label
    return merged


_RANGE_TO = _LEX["range_to"]
_RANGE_CHANGE = frozenset(_RANGE_TO["change"])
_RANGE_FROM = frozenset(_RANGE_TO["from_range"])
_RANGE_BY = frozenset(_RANGE_TO["by"])
_RANGE_CLOSE = Decimal(str(_RANGE_TO["close"]))
_RANGE_BY_CLOSE = Decimal(str(_RANGE_TO["by_close"]))
_RANGE_WIDE = Decimal(20)  # no range has an upper bound 20 times its lower
# qualifiers a lower bound may carry: "rund 2 bis 3", "mindestens 90 bis 120 Millionen Euro"
# (the range keeps its bounds; "at least" says no more than that the upper may be reached)
_RANGE_LOWER_QUALS = frozenset(_RANGE_TO["lower_qualifiers"])


def _range_to(text: str, start: int) -> tuple[bool, Decimal]:
    """Whether two amounts of one magnitude joined by "to"/"bis" after `start` may be a range,
    and how many times the lower bound the upper may be (see [range_to] in money.toml)."""
    # the words before it, past a year ("rose from 1985's 110.1 mln stg to 178.1 mln stg")
    words = [w.lower() for w in text[max(0, start - 40):start].split() if not w[0].isdigit()][-2:]
    word = words[-1].strip(",;:\"'") if words else ""
    if word == "from":
        if len(words) > 1 and words[0] in _RANGE_FROM:
            return True, _RANGE_WIDE  # "ranged from 10 mln to 100 mln dlrs"
        return False, _ZERO
    if word in _RANGE_CHANGE:
        return False, _ZERO  # "rose 20 mln to 165 mln dlrs"
    if word in _RANGE_BY:
        return True, _RANGE_BY_CLOSE  # "by 1.24 billion to 12.60 billion" is a change
    return True, _RANGE_CLOSE


def _range_from(text: str, start: int) -> bool:
    """Whether the amount at `start` is opened as a range's lower bound by a word of range and
    "from" ("ranging from", "priced from"; `from_range` in [range_to])."""
    return _range_to(text, start)[1] == _RANGE_WIDE


_POW10 = {e: Decimal(10) ** e for e in range(-8, 16)}
_HALF_POW10 = {e: Decimal("0.5") * Decimal(10) ** e for e in range(-16, 16)}  # rounding slack
_ZERO = Decimal(0)


# a MoneySpan from the tuple of its fields in order (what its generated __new__ does, without
# the call: one is built for every money mention)
_new_tuple = tuple.__new__


def _to_span(fig: _Figure) -> MoneySpan:
    scale = _POW10[fig.exponent]
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
        precision = _ZERO  # "17-1/2 cts", "five nickels": stated to the cent
    else:
        last = number.as_tuple().exponent
        if last < 0 and fig.exponent == 0 and fig.currency and number != number.to_integral_value():
            precision = _ZERO  # "$4.99"
        else:
            precision = _HALF_POW10[max(-8, min(0, last)) + fig.exponent]
    q = fig.qualifier
    low = high = value
    if q in ("at_least", "more_than"):
        high = None
    elif q in ("at_most", "less_than", "up_to"):
        low = None
    elif q == "approx":
        low, high = value * (1 - _APPROX), value * (1 + _APPROX)
    elif q == "nearly":
        q, low = "approx", value * (1 - _APPROX)
    elif q == "just_over":
        q, high = "approx", value * (1 + _APPROX)
    return _new_tuple(MoneySpan, (fig.start, fig.end, value, low, high, fig.currency, q, fig.per,
                                  fig.number, fig.magnitude, precision, source, family, converts, fig.label))


# ----------------------------------------------------------------------------- currency context

def _cue_pick(text: str, fam: _Family) -> str | None:
    """The member whose country the text names most ("francs" in a story that names France)."""
    cue_re, isos = fam.cues
    counts = [0] * len(isos)
    for m in cue_re.finditer(text):
        counts[m.lastindex - 1] += 1
    best = max(range(len(isos)), key=counts.__getitem__)
    return isos[best] if counts[best] else None


def _resolve_currencies(text: str, figs: list[_Figure], ctx: CurrencyContext) -> None:
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
    stated: dict[str, list[_Figure]] = {}  # family -> its explicit members so far, in text order
    memo: dict[object, object] = {}  # per family: its (currency, source) from the context; its cue
    last: _Figure | None = None  # the last figure with a currency
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


def _headline_currencies(figs: list[_Figure], end: int) -> None:
    """A headline's amount whose currency came from the context takes the currency the body
    states for the same amount: "KOALA SETS 200 MLN DLR ISSUE" over "will raise 200 mln U.S.
    dlrs" is in U.S. dollars, whatever the Sydney dateline says of a bare "dlr". `end` is where
    the headline ends."""
    n = bisect.bisect_left([f.start for f in figs], end)  # the headline's figures: figs[:n]
    heads = [f for f in figs[:n] if f.source in _CONTEXT_SOURCES and f.family in _FAMILY and f.vague is None]
    if not heads:
        return
    body: dict[tuple[Decimal | None, str | None], list[str]] = {}  # (amount, rate) -> stated currencies
    for g in figs[n:]:
        if g.source == "stated" and g.vague is None and g.currency:
            body.setdefault((_amount(g), g.per), []).append(g.currency)
    for fig in heads:
        members = _FAMILY[str(fig.family)].members
        same = next((c for c in body.get((_amount(fig), fig.per), ()) if c in members), None)
        if same is not None and same != fig.currency:
            fig.currency, fig.source = same, "story"


def _resolve(text: str, fig: _Figure, ctx: CurrencyContext, stated: dict[str, list[_Figure]],
             memo: dict[object, object], last: _Figure | None) -> None:
    """One figure's currency and source (see `_resolve_currencies`)."""
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
    fam = _FAMILY[fig.family]
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
                and _SENTENCE_BREAK.search(text, prev.end, fig.start + 1) \
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
_NOTE = _LEX["table_note"]
_NOTE_FUNDS = {_norm_key(k): v for k, v in _NOTE["funds"].items()}
_NOTE_LINE = re.compile(
    r"(?:^|\n)[ \t]*\(?(?:(?i:note)\s{0,2}[:-]?\s{0,3})?(?P<lead>(?:(?:" + _alternation(_NOTE["verbs"], ci=True)
    + r")\s{1,3}){0,2}(?:" + _alternation(_NOTE["subjects"], ci=True) + r")(?:\s{1,3}(?:"
    + _alternation(_NOTE["verbs"], ci=True) + r")){0,2}\s{1,3}(?i:in)\s{1,3})?(?P<cur>"
    + _alternation([*_SUFFIX, *_NOTE["funds"]], ci=True) + r")(?![\w-])(?P<rest>[ \t.)]*(?=\n|\Z))?")


def _table_note(text: str, figs: list[_Figure], tables: list[tuple[int, int, str, str]]) -> None:
    """A note naming the currency of a story's table (see [table_note] in money.toml) gives it
    to the figures of the table and its notes whose currency came from no stated word: up to
    the note, or to the end of a story that opens with its table."""
    for m in _NOTE_LINE.finditer(text, tables[0][0]):
        if m.group("lead") is None and m.group("rest") is None:
            continue  # "U.S. dlrs" opening a sentence of prose
        word = m.group("cur")
        iso = _NOTE_FUNDS.get(_norm_key(word)) or _currency_of(word, "en")
        if _family_of(word, iso) is not None and _norm_key(word) not in _NOTE_FUNDS:
            continue  # "dlrs" names no country
        lo, hi = tables[0][0], max(m.end(), tables[-1][1])
        if text.count("\n", 0, lo) <= 2 and text[:lo].rstrip().endswith(("-", "–")):
            hi = len(text)  # a story that opens with its table (after title and dateline): all notes
        for fig in figs:
            if lo <= fig.start < hi and fig.source not in (None, "stated") and fig.currency != iso \
                    and (fig.family == "any" or (fig.family in _FAMILY and iso in _FAMILY[fig.family].members)):
                fig.currency, fig.source = iso, "story"
        return


def _set_apart(text: str, prev: _Figure, fig: _Figure, local: str, memo: dict[object, object]) -> bool:
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
    if prev.per is not None and prev.per != fig.per and prev.per.rsplit(" ", 1)[-1] in _CARRY_UNITS:
        return True  # "coal at 32 U.S. dlrs a tonne" says nothing of "exports worth 5.2 billion dlrs"
    if prev.number is not None and not prev.magnitude and (
            prev.number == 1 or prev.number.as_tuple().exponent < -2):
        return True  # "pegged at 7.80 to one U.S. dollar", "rose to 0.6858 U.S. dlrs": rates
    key = ("named", local)
    first = memo.get(key)
    if first is None:
        names = [k for k, iso in _SUFFIX.items() if iso == local and " " in k.strip()]
        named = re.compile("|".join(
            r"[ \t\n]+".join(re.escape(w[:-1]) + "s?" if w.endswith("s") else re.escape(w) for w in k.split())
            for k in sorted(names, key=len, reverse=True)) or r"(?!)")
        m = named.search(text)
        first = memo[key] = m.start() if m else len(text)
    return first < fig.start


_SIGN_SOURCES = frozenset(_LEX["context"]["sign_sources"])
_WORLD_UNITS = frozenset(_LEX["context"]["world_price_units"])
_TRADE = _LEX["context"]["trade"]
_TRADE_UNITS = frozenset(_TRADE["units"])
_TRADE_CUE = re.compile(
    r"(?<![\w.&+])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s{1,3}") for t in _TRADE["terms"])
    + r")(?![\w&+])|(?<![\w.])(?:" + "|".join(re.escape(o) for o in _TRADE["origins"]) + r")\s{1,3}(?:"
    + "|".join(re.escape(w) for ws in load("goods")["goods"].values() for w in ws) + r")", re.I)


def _trade_price(text: str, fig: _Figure, memo: dict[object, object]) -> bool:
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
for _fam in _FAMILY.values():
    for _iso in _fam.members:
        _FAMILIES_OF[_iso] = (*_FAMILIES_OF.get(_iso, ()), (_fam.name, _fam.story_any))

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
    r",?[ \t]{1,2}(?:" + _alternation(["a", "an", "per"], ci=True) + r")[ \t]{1,2}(?P<per>"
    + _alternation(_PER, ci=True)
    + r")(?![\w-])(?![ \t]{1,3}(?:" + _NOT_A_RATE_AFTER_RE + r")(?!\w))")
_CONVERSION_WORD = re.compile(r"umgerechnet|converted|equivalent|\bor\b")
_PAREN_CLOSE = re.compile(r"[ \t]{0,2}[),;]")


def _pairs(text: str, figs: list[_Figure]) -> list[tuple[_Figure, _Figure, re.Match[str]]]:
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
                and b.start - a.end <= 24 and _RATE_PAIR.fullmatch(text, a.end, b.start) and _alike_rate(a, b):
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
        av, bv = _amount(a), _amount(b)
        if not av or not bv or not Decimal("0.0001") < av / bv < 10000:
            continue
        out.append((a, b, m))
        a.pair, b.pair = b, a
        if a.per is None and not m.group("paren"):
            rate = _RATE_AFTER_PAIR.match(text, b.end)
            if rate is not None:  # "less than $5, or four euros, a day": both per day
                a.per = b.per = str(_PER[_norm_key(rate.group("per"))])
    return out


_PARALLEL = _LEX["per_share_parallel"]
_PARALLEL_RATIO = Decimal(str(_PARALLEL["ratio"]))
_PARALLEL_TOTAL = Decimal(str(_PARALLEL["total"]))


def _alike_rate(a: _Figure, b: _Figure) -> bool:
    """Whether the one of two neighbours without a rate may take the other's: not when it is a
    total beside it ("one ct a share vs 48,300 dlrs"; see `total` in [per_share_parallel]); a
    move may be much smaller than its level ("dropped 10 cts to 17.42 dlrs a barrel")."""
    giver, taker = (a, b) if a.per is not None else (b, a)
    g, t = _amount(giver), _amount(taker)
    return g is None or t is None or t < g * _PARALLEL_TOTAL


def _link_conversions(pairs: list[tuple[_Figure, _Figure, re.Match[str]]]) -> None:
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


def _bracketed_ranges(text: str, figs: list[_Figure]) -> None:
    """A range whose lower bound has its conversion in brackets between the bounds ("range from
    $2.5m (£1.6m) to $4m (£2.6m)", "between 250 euros (£173) and 600 euros"): the bounds are
    not joined in one span, but each is read as the range (qualifier "range", low and high), as
    are the conversions when both bounds have one; a bound's conversion alone is that bound, a
    floor or a ceiling ("at_least", "at_most"). The pair is a range by the rules of
    `_merge_ranges` for bounds written with their currencies: "between ... and", or "to" after
    a word of range and "from" ("rose from $19 ($30) to $29" is a move and its level). A rate
    written at one bound is the rate of both (and of their conversions)."""
    for i in range(len(figs) - 2):
        a, conv, b = figs[i], figs[i + 1], figs[i + 2]
        if a.converts is not conv or not _bracketed(text, conv) or not b.has_currency \
                or a.qualifier != "exact" or b.qualifier != "exact" or b.vague is not None or a.vague is not None \
                or b.currency != a.currency or b.family != a.family or _bracketed(text, b):
            continue
        close = _PAREN_CLOSE.match(text, conv.end)
        if close is None or close.group(0).strip() != ")":
            continue
        join = _BOUND_JOIN.fullmatch(text, close.end(), b.start)
        if join is None:
            continue
        word = join.group(0).strip().lower()
        if not (a.between if word in ("and", "und", "-", "–", "—") else _range_from(text, a.start)):
            continue
        low, high = _amount(a), _amount(b)
        if low is None or high is None or not low < high < _RANGE_WIDE * low:
            continue
        per = a.per or b.per
        if a.per is not None and b.per is not None and a.per != b.per:
            continue
        hconv = b.converts if b.converts is not None and _bracketed(text, b.converts) else None
        a.qualifier = b.qualifier = "range"
        a.vague = b.vague = (low, high)
        lconv, hlow = _amount(conv), _amount(hconv) if hconv is not None else None
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


def _amount(fig: _Figure) -> Decimal | None:
    if fig.vague is not None and fig.qualifier != "range":
        return None
    if fig.qualifier == "range":
        return (fig.vague[0] + fig.vague[1]) / 2
    return None if fig.number is None else fig.number * _POW10[fig.exponent]


def local_dollar(locale: str | None) -> str:
    """The currency a bare "$" or "dollars" means where an article is published: "en-AU",
    "EN_AU" or "AU" gives AUD; no locale, or a country without a dollar of its own, USD."""
    country = locale_country(locale)
    iso = CurrencyContext().currency_of(country) if country else None
    return iso if iso in _FAMILY["dollar"].members else "USD"


def find_money(text: str, lang: str = "en", context: CurrencyContext | str | None = None) -> list[MoneySpan]:
    """Every money mention in `text`, sorted by position and not overlapping.

    `context` says what the document's unmarked money words mean (`currency.context_of`); by
    default it is read from `text` alone (its dateline and tickers). A currency code (what
    `local_dollar` returns for a locale) is the dollar of the place of publication.

    >>> [(s.value, s.currency, s.qualifier) for s in find_money("raise up to $7 trillion")]
    [(Decimal('7000000000000'), 'USD', 'up_to')]
    """
    tables: list[tuple[int, int, str, str]] = []  # (label start, row end, label, what the row holds)
    first = _TABLE_FIRST_LINE.match(text)
    for m in itertools.chain((first,) if first else (), _TABLE_LINE.finditer(text)):
        kind = _row_kind(m.group("label"))
        if kind is not None and not _period_before_year(m):
            tables.append((m.start("label"), _row_end(text, m), m.group("label"), kind))
    if " VS " in text:
        for line in _FLASH_LINE.finditer(text):
            row = next((m for m in _FLASH_ROW.finditer(text, line.start(), line.end())
                        if _row_kind(m.group("label")) is not None), None)
            if row is not None and not any(t[0] <= row.start("label") < t[1] for t in tables):
                label = _FLASH_PERIOD.sub("", row.group("label"))  # "QTR SHR" is the row "SHR"
                tables.append((row.end("label") - len(label), line.end(), label, str(_row_kind(row.group("label")))))
        tables.sort()
    if tables:
        n_rows = len(tables)
        _typo_rows(text, tables)
        if len(tables) > n_rows:
            tables.sort()
    t_starts = [t[0] for t in tables]

    def in_table(pos: int) -> tuple[int, int, str, str] | None:
        if not tables:
            return None
        i = bisect.bisect_right(t_starts, pos) - 1
        return tables[i] if i >= 0 and pos < tables[i][1] else None

    figs: list[_Figure] = []
    last_end = 0
    bare = False
    candidates = _NUMERAL_CANDIDATE.finditer(text)
    low = text.lower()  # when the offsets agree, scan the lower-cased text (faster)
    words = list(_WORD_CANDIDATE_LOWER.finditer(low) if len(low) == len(text) else _WORD_CANDIDATE.finditer(text))
    if words:  # few: merge them into the numerals by position (two sorted runs: a linear sort)
        candidates = sorted(itertools.chain(candidates, words), key=_START)
    for m in candidates:
        start = m.start()
        if start < last_end:
            continue
        fig = _read_candidate(text, m, lang, last_end, in_table)
        if fig is None:
            continue
        if isinstance(fig, int):
            last_end = fig  # a number and its magnitude, not money: not read again as a vague amount
            continue
        if figs and fig.start < figs[-1].end:
            continue
        figs.append(fig)
        last_end = fig.end
        if not fig.has_currency and text.startswith(_LIST_NEXT, fig.end) and fig.magnitude is None \
                and not fig.table:
            bare = True  # (a list may give it the unit of the figure after it)
    figs = _merge_ranges(text, figs)
    if not figs:
        return []
    if bare:
        _list_units(text, figs)
    if not isinstance(context, CurrencyContext):  # (read only for a text with money)
        country = next((c for c, iso in _DOLLAR_COUNTRY.items() if iso == context), None) if context else None
        context = context_of(text, lang)
        if country is not None and country != "US":
            context = context.with_locale(country)
    _inherit_unit(text, figs)
    if _inherit_currency(text, figs, lang):
        figs = _merge_ranges(text, figs)  # "3 bis 4 Mio." once the 4 Mio. took the story's euros
    _per_figure(text, figs, tables, low if len(low) == len(text) else None)
    pairs = _pairs(text, figs)
    if "ivid" in text:
        _dividend_rates(text, figs)
    if any(f.per == "share" for f in figs):
        _parallel_shares(text, figs)
    _later_rates(text, figs, context.title)
    _resolve_currencies(text, figs, context)
    if context.title and text.startswith(context.title[:40]):
        _headline_currencies(figs, len(context.title))
    if tables:
        _table_note(text, figs, tables)
    if pairs:
        _link_conversions(pairs)
        _second_conversions(text, figs)
        _bracketed_ranges(text, figs)
    return [_to_span(f) for f in figs if f.has_currency or f.table or f.vague is not None]


# between two conversions in one bracket: "(£140bn; $258bn)", "(£140bn, $258bn)"
_NEXT_CONVERSION = re.compile(r"[ \t]{0,2}[;,][ \t]{1,2}")


def _second_conversions(text: str, figs: list[_Figure]) -> None:
    """The second conversion in one bracket states the amount once more, in a third currency
    ("more than 200bn euros a year (£140bn; $258bn)"): it converts the amount, not the first
    conversion, and takes the amount's rate and qualifier as the first does."""
    for conv, nxt in itertools.pairwise(figs):
        amount = conv.converts
        if amount is None or amount.converts is not conv or not _bracketed(text, conv) or nxt.converts is not None \
                or not nxt.currency or nxt.currency in (amount.currency, conv.currency) \
                or not _NEXT_CONVERSION.fullmatch(text, conv.end, nxt.start):
            continue
        close = _PAREN_CLOSE.match(text, nxt.end)
        if close is None or close.group(0).strip() != ")":
            continue
        av, bv = _amount(amount), _amount(nxt)
        if not av or not bv or not Decimal("0.0001") < av / bv < 10000:
            continue
        nxt.converts = amount
        if nxt.per is None:
            nxt.per = amount.per
        if nxt.qualifier == "exact" and amount.qualifier not in ("exact", "range", "vague"):
            nxt.qualifier = amount.qualifier


def _last(rx: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
    """The last match of `rx` in `text[lo:hi]` (the one nearest an amount written after it)."""
    m = None
    for m in rx.finditer(text, lo, len(text) if hi is None else hi):  # noqa: B007 (the last one)
        continue
    return m


def _has_rates(text: str) -> bool:
    """Whether `text` has a word that writes a rate before its amount ("pro Monat 1.216 Euro")."""
    return "pro " in text or "je " in text or "per " in text


def _per_figure(text: str, figs: list[_Figure], tables: list[tuple[int, int, str, str]], low: str | None) -> None:
    """What each figure's line and the words before it say. On an earnings-table line: keep
    the row label; on a per-share row ("Shr", "Qtly div") a figure with a currency is per
    share, a bare one is no money; a bare figure on a money row ("Net", "Revs") is money in
    the story's currency. A rate written before its amount: "pro Monat 1.216 Euro".

    `tables` are the document's table rows in text order; `low` is the text lower-cased with
    the same offsets, or None."""
    j, n = -1, len(tables)  # the last table row that starts at or before the figure
    prev_end = 0  # where the amount before ends
    rates = _has_rates(text)  # whether the text writes a rate before an amount (once, not per amount)
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
                    fig.per = str(_PER[_norm_key(m.group("per"))])
            elif word in _RATE_OF_WORDS and not fig.magnitude and rates:
                m = _RATE_OF_BEFORE.search(text, max(0, fig.start - 60), fig.start)
                if m:
                    fig.per = str(_PER[_norm_key(m.group("per"))])  # "per share earnings of 3.80 dlrs"
            if fig.per is None:
                after = _TABLE_NEXT_WORD.match(text, fig.end)
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
        if fig.has_currency or fig.table:
            prev_end = fig.end


_GAP_LEX = _LEX["per_before_gap"]
_GAP_INTRO = tuple(w.lower() + " " for w in _GAP_LEX["intro"])
_RATE_BEFORE_GAP = re.compile(
    r"(?<![^\W\d_])(?:" + _alternation(_GAP_LEX["intro"], ci=True) + r")\s{1,3}(?P<noun>[A-ZÄÖÜ][\w-]{0,30})"
    r"(?:\s{1,3}(?:" + _alternation(_GAP_LEX["gap"], ci=True) + r")){1," + str(int(_GAP_LEX["reach"])) + r"}\s{1,3}\Z")


def _rate_before_gap(text: str, fig: _Figure) -> str | None:
    """The rate written before `fig` with small words between (see [per_before_gap] in money.toml)."""
    lo = max(0, fig.start - 60)
    window = text[lo:fig.start].lower()
    if not any(w in window for w in _GAP_INTRO):  # (most amounts: no "pro"/"je" before them)
        return None
    m = _RATE_BEFORE_GAP.search(text, lo, fig.start)
    if m is None:
        return None
    noun = _norm_key(m.group("noun"))
    if noun in _RATE_WORDS:
        return str(_PER[noun])
    return None if noun in _NOT_RATE_NOUNS else noun


_NOUN = _LEX["per_share_noun"]
_NOUN_REACH = int(_NOUN["reach"])
_NOUN_BELOW = Decimal(str(_NOUN["below"]))
_NOUN_RATE = re.compile(
    r"(?<![^\W\d_])(?:(?:" + _alternation(_NOUN["nouns"], ci=True) + r")(?:\s{1,3}[^\W\d_]{1,20}){0,2}\s{1,3}(?:"
    + _alternation(_NOUN["rates"], ci=True) + r")|(?:" + _alternation(_NOUN["rates"], ci=True) + r")\s{1,3}(?:"
    + _alternation(_NOUN["nouns"], ci=True) + r")|" + _alternation(_NOUN["alone"]) + r")(?![\w-])")
_NOUN_STOP = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_NOUN["stops"], ci=True) + r")(?![\w-])")
_NOUN_CUES = ("share", "shr", "aktie", "eps")


def _share_noun(text: str, fig: _Figure, prev_end: int, low: str | None) -> bool:
    """Whether `fig` follows the noun of a per-share measure in its clause (see [per_share_noun]):
    "earnings per share rose to 41p", "per share earnings were 1.20 dlrs"."""
    lo = max(prev_end, fig.start - _NOUN_REACH)
    window = (low[lo:fig.start] if low is not None else text[lo:fig.start].lower())
    if not any(c in window for c in _NOUN_CUES):
        return False
    amount = _amount(fig)
    if amount is None or amount >= _NOUN_BELOW:
        return False
    m = _last(_NOUN_RATE, text, lo, fig.start)
    return m is not None and not _PARALLEL_END.search(text, m.end(), fig.start + 1) \
        and not _NOUN_STOP.search(text, m.end(), fig.start)


_FOR = _LEX["per_share_for"]
_FOR_EACH = frozenset(w.lower() for w in _FOR["each"])
_FOR_MOST = int(_FOR["most"])
_FOR_SHARES = re.compile(
    r"\s{1,3}(?:" + _alternation(_FOR["intro"], ci=True) + r")\s{1,3}(?P<n>\d{1,3}(?![\d.,]\d)|"
    + _alternation([*_FOR["each"], *(k for k, v in _WORDS.items() if 2 <= v <= _FOR_MOST)], ci=True)
    + r")\s{1,3}(?:" + _alternation(_FOR["shares"], ci=True) + r")(?![\w-])")


def _for_shares(text: str, fig: _Figure) -> str | None:
    """The rate "for" a number of shares written right after the amount (see [per_share_for]):
    "1.50 dlrs for two shares" is per two shares, "75 cts for each share" per share."""
    m = _FOR_SHARES.match(text, fig.end)
    if m is None:
        return None
    n = m.group("n")
    if n.lower() in _FOR_EACH:
        return "share"
    count = int(n) if n.isdigit() else int(_WORDS_CI.get(_norm_key(n), 0))
    if not 1 <= count <= _FOR_MOST:
        return None
    return "share" if count == 1 else f"{count} share"


_SHARES_AT_LEX = _LEX["per_share_at"]
_SHARES_AT_LAST = frozenset(w.split()[-1].lower() for w in _SHARES_AT_LEX["before"])
_SHARES_AT = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_SHARES_AT_LEX["shares"], ci=True) + r")\s{1,3}(?:"
                        + _alternation(_SHARES_AT_LEX["before"], ci=True) + r")\s{1,3}\Z")
_NOMINAL = _LEX["per_share_nominal"]
_NOMINAL_AFTER = re.compile(r"\s{1,3}(?:" + _alternation(_NOMINAL["after"], ci=True) + r")(?![\w-])")
_NOMINAL_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_NOMINAL["before"], ci=True)
                             + r")\s{1,3}(?:of|von)(?:\s{1,3}(?:je|jeweils))?\s{1,3}\Z")
_NOMINAL_SHARES = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_NOMINAL["shares"], ci=True) + r")(?![\w-])")
_NOMINAL_SHARES_NEXT = re.compile(r"\s{1,3}(?:" + _alternation(_NOMINAL["shares"], ci=True) + r")(?![\w-])")
_NOMINAL_REACH = int(_NOMINAL["reach"])
_NOMINAL_CUE = ("nominal", "par", "face", "Nenn", "Nominal")


def _nominal_share(text: str, fig: _Figure) -> bool:
    """Whether an amount is the nominal (par) value of a share (see [per_share_nominal])."""
    after = _NOMINAL_AFTER.match(text, fig.end)
    if after is None:
        window = text[max(0, fig.start - 40):fig.start]
        if not any(c in window for c in _NOMINAL_CUE) or _NOMINAL_BEFORE.search(window) is None:
            return False
    elif _NOMINAL_SHARES_NEXT.match(text, after.end()):
        return True  # "1.66 dlr par value common"
    lo = max(0, fig.start - _NOMINAL_REACH)
    share = _last(_NOMINAL_SHARES, text, lo, fig.start)  # the last share word before the amount
    return share is not None and not _SENTENCE_BREAK.search(text, share.end(), fig.start + 1)


_OPEN = _LEX["per_open"]
_NOT_RATE_NOUNS = frozenset(w.lower() for w in _OPEN["not_nouns"])
_EACH_THEN = frozenset(_OPEN["each_then"])
_COUNT_WORDS = frozenset(w.lower() for w in _OPEN["count_words"])
# "$17.6m (£9.49m) per plane", "£9.49m) per plane", "20 Dollar pro 1000 Kubikmeter", "$95m each";
# past an apposition that names the amount's currency again: "134.75 European currency units,
# Ecus, per tonne" (a currency word set off by commas, no figure: the rate is still the amount's)
_RATE_AFTER = re.compile(
    r"(?P<close>\))?(?:[ \t]{0,2}(?P<bracket>\([^()]{1,60}\)))?"  # (wire lines wrap inside brackets)
    r"(?P<appos>,\s{1,3}(?:" + _alternation([*_SUFFIX, *_CODES], ci=True) + r"),)?"
    r"(?:(?:\s{1,3}(?P<intro>" + _alternation([*_OPEN["intro"], *_OPEN["unit_intro"], "a", "an"], ci=True)
    + r")\s{1,3}|\s{0,2}/\s?)"
    r"(?:(?P<n>\d{1,4})\s{1,2})?(?P<noun>[^\W\d_][\w-]{0,30})(?![\w-])"
    r"(?P<next>(?:[ \t]{1,2}[^\W\d_][\w-]{0,30}(?![\w-])){0,2})"
    r"|\s{1,3}(?:" + _alternation(_OPEN["each_after"], ci=True) + r")(?![\w-])(?:\s{1,3}(?P<then>[^\W\d_]+))?)")
_A = frozenset(("a", "an"))
_ITEM_AFTER = re.compile(
    r"(?P<gap>(?:\s{1,3}(?!(?:" + _alternation(_OPEN["item_gap_stop"], ci=True) + r")(?![\w-]))[^\W\d_][\w'-]{0,30}){0,"
    + str(int(_OPEN["item_gap"])) + r"})\s{1,3}(?:" + _alternation(_OPEN["item_intro"], ci=True)
    + r")(?P<words>(?:\s{1,3}[^\s,;:.!?()]+){1,5})")
_ITEM_AS = dict(_OPEN["item_as"])
_UNIT_INTRO = frozenset(w.lower() for w in _OPEN["unit_intro"])
_WORTH_AFTER = re.compile(
    r"(?:[ \t]{0,2}(?P<bracket>\([^()]{1,60}\)))?\s{1,3}(?:" + _alternation(_OPEN["worth_intro"], ci=True)
    + r")\s{1,3}(?P<unit>[^\W\d_]+)['’]s\s{1,3}" + re.escape(_OPEN["worth_word"]) + r"(?![\w-])", re.I)
# (the gap may end with a comma: an apposition, "each keep less than half, about $200,000")
_EACH_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_OPEN["each_before"], ci=True)
                          + r")(?P<gap>(?:\s{1,3}[^\s,;:.!?()]+){0," + str(int(_OPEN["each_reach"]))
                          + r"})(?P<comma>,)?\s{1,3}\Z")
_EACH_FAR = _OPEN["each_far"]
_EACH_FAR_WORD = str(_EACH_FAR["word"])
_EACH_FAR_SPAN = int(_EACH_FAR["span"])
_EACH_FAR_BEFORE = re.compile(
    r"(?<![^\W\d_])" + re.escape(_EACH_FAR_WORD) + r"(?P<gap>(?:\s{1,3}(?!(?:"
    + _alternation(_EACH_FAR["gap_stop"], ci=True) + r")(?![\w-]))[^\s,;:.!?()]+){0," + str(int(_EACH_FAR["reach"]))
    + r"})(?P<comma>,)?\s{1,3}\Z")
_EACH_CHECK = tuple(w.lower() for w in _OPEN["each_before"])
_GAP = r"(?P<gap>(?:\s{1,3}[^\s,;:.!?()]+){0," + str(int(_OPEN["each_reach"])) + r"})\s{1,3}\Z"
_EVERY_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_OPEN["every_before"], ci=True)
                           + r")\s{1,3}(?P<noun>[^\W\d_][\w-]{0,30})(?![\w-])" + _GAP)
_EVERY_CHECK = ("every", "jede")
_NOT_EVERY = frozenset(w.lower() for w in _OPEN["not_every_nouns"])
_EVERY_STOP = frozenset(w.lower() for w in _OPEN["every_gap_stop"])
_NUMBER_WORD_SET = frozenset(k.lower() for k in (*_LEX["number_words"], *_LEX["number_words_de"]))
_PRICE_NOUNS = {_norm_key(k): v for k, v in _OPEN["price_nouns"].items()}
_SLASH_UNITS = {_norm_key(k): v for k, v in _OPEN["slash_units"].items()}
_PRICE_BEFORE = re.compile(r"(?<![^\W\d_])(?P<noun>" + _alternation(list(_OPEN["price_nouns"]), ci=True) + r")" + _GAP)
# any of the words the checks below look for in the lower-cased text before an amount
_BEFORE_CUE = re.compile("|".join(map(re.escape, (*_EACH_CHECK, *_EVERY_CHECK, "preis", "price"))))
_BRACKET_AFTER = re.compile(r"[ \t]{0,2}\([^()]{1,60}\)")
_COUNTED = re.compile(r"[^\W\d_]+")
_COUNTED_WORDS = int(_OPEN["counted_words"])
_COUNTED_REACH = int(_OPEN["counted_reach"])
_DIVIDEND = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_LEX["per_dividend"]["words"], ci=True) + r")(?![\w-])")
_DIVIDEND_BELOW = Decimal(str(_LEX["per_dividend"]["below"]))
_DIVIDEND_REACH = int(_LEX["per_dividend"]["reach"])


def _open_rate(text: str, fig: _Figure, low: str | None = None) -> tuple[str | None, int]:
    """A rate [per] does not name (see [per_open] and [per_dividend] in money.toml): any noun
    after "per", "pro" or "je", "each" after the amount or shortly before it, a dividend. With
    the end of a bracket of conversions the rate stands after (else 0)."""
    m = _RATE_AFTER.match(text, fig.end)
    if m is not None:
        inside = m.end("bracket") if m.group("bracket") else 0
        noun = m.group("noun")
        intro = (m.group("intro") or "").lower()
        if noun is not None and intro in _A:
            # "pounds 15 (dollars 28) a month": only past a bracket, only a [per] unit, no time
            words = [_norm_key(w) for w in (noun, *m.group("next").split())]
            if (m.group("bracket") or m.group("close") or m.group("appos")) and words[0] in _RATE_WORDS \
                    and (len(words) < 2 or words[1] not in _NOT_A_RATE_AFTER):
                return str(_PER[words[0]]), inside
            noun = None
        elif noun is not None and " ".join(intro.split()) in _UNIT_INTRO:
            # "for each" and a unit ("for each hour of processing"); any other noun phrase is read
            # as before ("for each IC Gas ordinary", "for each H.K. Telephone share")
            words = [_norm_key(w) for w in (noun, *m.group("next").split())]
            known = next((w for w in words if w in _RATE_WORDS), None)
            if known is not None:
                return str(_PER[known]), inside
        elif noun is not None and m.group("intro") is None:
            # after a slash only a unit: "2,09 Cent/kWh", "yen 154.65/dlr", not "(2 Mio. Euro/Par 72)"
            unit = _slash_unit([_norm_key(w) for w in (noun, *m.group("next").split())], fig)
            if unit is not None:
                return ((m.group("n") + " " + unit) if m.group("n") else unit), inside
        elif noun is not None:
            words = [_norm_key(w) for w in (noun, *m.group("next").split())]
            # a unit after modifiers ("per common share", "per troy ounce"), but a time word there
            # starts a phrase of its own ("per mcf last year")
            known = words[0] if words[0] in _RATE_WORDS else next(
                (w for w in words[1:] if w in _RATE_WORDS and _PER[w] not in _TIME_UNITS), None)
            if known is not None:
                unit: str | None = str(_PER[known])  # "per common share", "per troy ounce"
            elif words[0] in _NOT_RATE_NOUNS:
                unit = None
            elif words[0] in _COUNT_WORDS and len(words) > 1 and words[1] not in _NOT_RATE_NOUNS:
                unit = words[0] + " " + words[1]  # "per mln Btu"
            else:
                unit = words[0]
            if unit is not None:
                return ((m.group("n") + " " + unit) if m.group("n") else unit), inside
        elif noun is None and (m.group("then") is None or m.group("then").lower() in _EACH_THEN):
            return _counted(text, fig.start), inside
    w = _WORTH_AFTER.match(text, fig.end)
    if w is not None and _norm_key(w.group("unit")) in _RATE_WORDS:
        return str(_PER[_norm_key(w.group("unit"))]), (w.end("bracket") if w.group("bracket") else 0)
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
                not b.group("gap") or _norm_key(b.group("gap").split()[0]) in _NOT_EVERY):
            b = None  # "85 dlrs each, 15 dlrs more": the "each" of the amount before; "In each case, ..."
        if b is not None and (b.group("gap") or not low.rstrip().endswith("each")):
            # ("for each 1,000 dlrs debenture" counts in units of the amount itself)
            first = _COUNTED.match(b.group("gap").strip())
            if first is not None and _norm_key(first.group(0)) in _RATE_WORDS:
                return str(_PER[_norm_key(first.group(0))]), 0  # "each year 40 mln dlrs"
            return "unit", 0
    if any(w in low for w in _EVERY_CHECK):
        e = _EVERY_BEFORE.search(window)
        if e is not None:
            noun = _norm_key(e.group("noun"))
            words = [noun, *(_norm_key(w) for w in e.group("gap").split())]
            known = next((w for w in words if w in _RATE_WORDS), None)
            if not _EVERY_STOP.isdisjoint(words):
                pass  # "cut every year since 1984's 3.6 billion dlrs"
            elif known is not None:
                return str(_PER[known]), 0  # "jeden Monat 58 Euro", "every ordinary share of par value"
            elif noun not in _NOT_EVERY and noun not in _NUMBER_WORD_SET:
                return noun, 0  # "kostet jeden Steuerzahler rund 150 Euro"
    if "preis" in low or "price" in low:
        p = _PRICE_BEFORE.search(window)
        if p is not None:
            return _PRICE_NOUNS[_norm_key(p.group("noun"))], 0
    return None, 0


def _slash_unit(words: list[str], fig: _Figure) -> str | None:
    """The unit the words after a slash make of `fig` (see `slash_units` in money.toml): a [per]
    word or a unit of `slash_units`, perhaps after modifiers ("/common shr", "/short ton"; no
    time word there); a currency, an exchange rate, only for an amount with no magnitude ("1.60
    stg/dlr", not "50 mln dlr/stg"); any other word none ("(2 Mio. Euro/Par 72)")."""
    word = words[0]
    if word in _RATE_WORDS:
        return str(_PER[word])
    if word in _SLASH_UNITS:
        return str(_SLASH_UNITS[word])
    if word in _CURRENCY_RATES and not fig.magnitude:
        return word
    known = next((w for w in words[1:] if w in _RATE_WORDS and _PER[w] not in _TIME_UNITS), None)
    return str(_PER[known]) if known is not None else None


def _item_rate(text: str, fig: _Figure) -> str | None:
    """The noun after "on each"/"for each" past the amount (see `item_intro` in money.toml):
    "a 50,000 dlr fine on each count" is per count."""
    m = _ITEM_AFTER.match(text, fig.end)
    if m is None:
        return None
    words = m.group("words").split()
    if words[0].lower() == "of":  # "for each of their shares": only a [per] word
        known = next((w for w in words[1:] if _norm_key(w) in _RATE_WORDS), None)
        return str(_PER[_norm_key(known)]) if known is not None else None
    known = next((w for w in words[:3] if _norm_key(w) in _RATE_WORDS), None)
    if known is not None:
        return str(_PER[_norm_key(known)])  # "for each AMC common share"
    noun = words[0]
    if not noun.isalpha() or not noun.islower() or noun in _NOT_RATE_NOUNS:
        return None
    if len(words) > 1 and words[1] not in _EACH_THEN and not words[1].endswith("ed"):
        return None  # "for each personal computer", "for each series A": the noun may be further on
    return _ITEM_AS.get(noun, noun)


def _dividend_rates(text: str, figs: list[_Figure]) -> None:
    """A dividend in prose without a magnitude is per share (see [per_dividend] in money.toml);
    read after the rates an amount shares with its pair ("to 78 cts a year from 76 cts")."""
    for fig in figs:
        if fig.per is not None or not fig.has_currency or fig.magnitude or fig.label is not None \
                or text.find("ivid", max(0, fig.start - _DIVIDEND_REACH), fig.start) < 0:
            continue
        amount = _amount(fig)
        if amount is None or amount >= _DIVIDEND_BELOW:
            continue
        d = _last(_DIVIDEND, text, max(0, fig.start - _DIVIDEND_REACH), fig.start)  # the last dividend word
        if d is not None and not _SENTENCE_BREAK.search(text, d.end(), fig.start + 1):
            fig.per = "share"


_PARALLEL_REACH = int(_PARALLEL["reach"])
# "12 mln dlrs, or 44 cts", "1,5 Mio. oder 30 Cent", "5 mln dlrs (50 cts"
_APPOSITION = re.compile(r"\s{0,2}(?:,?\s{1,3}(?:" + _alternation(_PARALLEL["apposition"], ci=True)
                         + r")\s{1,3}|\(\s{0,2})")
# "31 cts a share on net income of 402,000 dlrs"
_ON_TOTAL = re.compile(r"\s{1,3}(?:" + _alternation(_PARALLEL["on"], ci=True)
                       + r")(?:\s{1,3}[^\W\d_]{1,20}){0,3}\s{1,3}")
# ", up from a loss of 19 cts", " nach 0,95 Euro", ", vs 30 cts"
_PARALLEL_LINK = re.compile(
    r"(?:\s{1,3}(?:" + _alternation(_PARALLEL["before_link"], ci=True) + r"|(?:19|20)\d\d(?!\d))){0,3}"
    r"[,;]?\s{1,3}(?:(?:" + _alternation(_PARALLEL["link_adverbs"], ci=True) + r")\s{1,3})?(?:"
    + _alternation(_PARALLEL["links"], ci=True) + r")(?:\s{1,3}[^\W\d_]{1,20}){0,"
    + str(int(_PARALLEL["link_words"])) + r"}\s{1,3}")
# a sentence's end, as for a share quote, or a semicolon (not "vs.", "Mio.", "U.S.")
_PARALLEL_END = re.compile(r"(?:(?<=[a-zäöüß]{3})|(?<=\d))[.!?][\"')]?\s+(?=[A-ZÄÖÜ\"])|\n[ \t]*\n|\n[ \t]{2,}")


def _total_of(total: _Figure, fig: _Figure) -> bool:
    """Whether `total` is a total beside the per-share amount `fig` (see [per_share_parallel])."""
    if total.per is not None or (total.vague is not None and total.qualifier != "range"):
        return False
    if total.magnitude:
        return True
    t, a = _amount(total), _amount(fig)
    return t is not None and a is not None and t >= a * _PARALLEL_TOTAL


def _parallel_shares(text: str, figs: list[_Figure]) -> None:
    """An amount in the place of an earlier per-share amount of its sentence is per share (see
    [per_share_parallel] in money.toml): "58 mln dlrs, or 2.05 dlrs a share, from a loss of 12
    mln dlrs, or 44 cts", "1,20 Euro je Aktie nach 0,95 Euro"."""
    share: _Figure | None = None  # the last per-share amount of the sentence
    paired: _Figure | None = None  # the total it was set beside
    for i, fig in enumerate(figs):
        if fig.per == "share" and not fig.magnitude and fig.label is None and fig.number:
            share, paired = fig, None
            before = figs[i - 1] if i else None
            if before is not None and _total_of(before, fig) and _APPOSITION.fullmatch(text, before.end, fig.start):
                paired = before  # "58 mln dlrs, or 2.05 dlrs a share"
            elif i + 1 < len(figs) and _total_of(figs[i + 1], fig) \
                    and _ON_TOTAL.fullmatch(text, fig.end, figs[i + 1].start):
                paired = figs[i + 1]  # "31 cts a share on net income of 402,000 dlrs"
            continue
        if share is None:
            continue
        if fig.start - share.end > _PARALLEL_REACH or fig.label is not None \
                or _PARALLEL_END.search(text, share.end, fig.start):
            share = None
            continue
        if fig.per is not None:
            share = None  # an amount with a rate of its own ends the parallel
            continue
        if not fig.has_currency or fig.magnitude or fig.vague is not None or not fig.number \
                or not (fig.currency == share.currency or (fig.family in _FAMILY
                        and share.currency in _FAMILY[fig.family].members)):
            continue
        a, s = _amount(fig), _amount(share)
        if a is None or s is None or not s / _PARALLEL_RATIO <= a <= s * _PARALLEL_RATIO:
            continue
        prev = figs[i - 1]
        if (prev is not share and paired is not None and prev is not paired and _total_of(prev, fig)
                and _APPOSITION.fullmatch(text, prev.end, fig.start)) \
                or ((prev is share or prev is paired) and _PARALLEL_LINK.fullmatch(text, prev.end, fig.start)):
            fig.per = "share"
            share, paired = fig, prev if prev is not share and prev is not paired else None


_MOVE = _LEX["per_share_move"]
_MOVE_VERBS = [*_MOVE["verbs"], *("to " + w for w in _MOVE["infinitives"])]
_MOVE_VERB = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE_VERBS, ci=True) + r")(?![\w-])")
# the same words with no test of the letter before them: a search that skips fast to their first
# letters, and finds one wherever _MOVE_VERB would
_MOVE_VERB_ANY = re.compile("(?:" + _alternation(_MOVE_VERBS, ci=True, guard=False) + r")(?![\w-])")
_SHARE_WORD = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["share_words"], ci=True) + r")(?![\w-])")
_REPORT_WORD = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["report_words"], ci=True) + r")(?![\w-])")
_NOT_SUBJECT = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["not_subjects"], ci=True) + r")(?![\w-])")
_OWN_PRICE = frozenset(w.lower() for w in _MOVE["own_price"])
_SHARE_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["share_words"], ci=True)
                                + r")[ \t\n]{1,3}\Z")
_NOT_SUBJECT_CLAUSE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["not_subjects_clause"], ci=True)
                                 + r")(?![\w-])")
_CLAUSE_BREAK = re.compile(r"[.;:!?](?=\s)|,(?=\s)|\n[ \t]*\n|\n[ \t]{2,}|[()]")
_MOVE_REACH = int(_MOVE["reach"])
_MOVE_BELOW = Decimal(str(_MOVE["below"]))
_REPORT_LEAD = int(_MOVE["report_lead"])
_WORD_RUN = re.compile(r"\S+")


def _later_rates(text: str, figs: list[_Figure], title: str | None) -> None:
    """The rates read after the pairs, in one pass over the figures: a share's price or move is
    per share (see [per_share_move] in money.toml); a price per quantity sets the unit of the
    prices after it in the same currency and of a like size, until another rate or amount
    intervenes (see [per_carry]). A figure's share move is decided before it carries a rate or
    takes one: the carry looks only back. The same amount written again later in the story,
    in the same currency and with no magnitude, has the rate it was first written with, whatever
    its unit but a currency ("a reference price of 18 dlrs a barrel", paragraphs later "defend
    the 18 dlrs"; "335 francs per certificate", later "making a total 335 francs")."""
    report: list[bool] = []  # whether the story is a share-market report (read when needed)
    carry: _Figure | None = None
    listed: list[_Figure] = []  # the figures of a list that share a rate, for its next item
    # the rate of each amount written with a rate (not an exchange rate, "146.20 yen per
    # dollar"): the same amount again in the story has it too
    repeated: dict[tuple[str | None, str | None, Decimal | None, bool], str] = {}
    inferred: set[int] = set()  # the figures whose rate was read from the sense of their sentence
    prev: _Figure | None = None  # the figure before
    for fig in figs:
        prev, before = fig, prev
        if _bracketed(text, fig):
            continue  # "fell from 97p ($1.87) to 44p": a conversion takes its amount's rate when linked
        if before is not None and _rate_count(text, before, fig):
            continue  # "46 cts per 100 dlrs of assets, but fell two cts": the 100 dlrs ends no list
        if not fig.has_currency or fig.magnitude or fig.vague is not None:
            if (carry is not None or listed) and not fig.has_currency and _date_part(text, fig):
                continue  # a date between prices ("1,450 stg in January 1987 and 1,750 stg")
            if fig.qualifier == "range" and fig.per is not None and not fig.magnitude:
                # a range with its rate sets it for what follows ("one to 1.50 dlrs a barrel")
                carry = fig if fig.per.rsplit(" ", 1)[-1] in _CARRY_UNITS else None
                listed = [fig]
            elif fig.has_currency or fig.magnitude or not listed or listed[-1].per != "share":
                carry, listed = None, []
            # (a bare number in a list of share moves is a price: "Glaxo 8p at 1,480 and Beecham 12p")
            continue
        if fig.per is None and fig.label is None and fig.number is not None \
                and fig.number * _POW10[fig.exponent] < _MOVE_BELOW \
                and (_share_move(text, fig.start, title, report) or _share_quote(text, fig, title, report)
                     or _share_block(text, fig, title, report)):
            fig.per = "share"  # (the amount as `_amount` reads it: no range or vague amount gets here)
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
            carry = fig if unit in _CARRY_UNITS else None
            if _norm_key(unit) not in _CURRENCY_RATES:
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
    nxt: _Figure | None = None
    for fig in reversed(figs):
        if _bracketed(text, fig):
            continue  # "$60,000 (£30,800) and $150,000 a year": the conversion takes its amount's rate
        if not fig.has_currency or fig.magnitude or fig.vague is not None:
            nxt = None
            continue
        if fig.per is None and nxt is not None and fig.label is None and _list_rate_ahead(text, fig, nxt):
            fig.per = nxt.per
        nxt = fig if fig.per is not None and id(fig) not in inferred \
            and _norm_key(fig.per.rsplit(" ", 1)[-1]) not in _CURRENCY_RATES else None


_DIFFERENCE = _LEX["per_difference"]
_DIFFERENCE_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_DIFFERENCE["before"], ci=True) + r")\s{1,3}\Z")
_DIFFERENCE_REACH = int(_DIFFERENCE["reach"])


def _difference_rates(text: str, figs: list[_Figure]) -> None:
    """A difference of a price written per unit has its unit (see [per_difference] in
    money.toml): "at 883 stg per tonne ... at a premium of 32 stg"."""
    priced: dict[str | None, _Figure] = {}  # currency -> its last price per quantity or share
    for fig in figs:
        if not fig.has_currency or fig.magnitude or fig.vague is not None or fig.label is not None:
            continue
        if fig.per is not None:
            if fig.per.rsplit(" ", 1)[-1] in _CARRY_UNITS or fig.per == "share":
                priced[fig.currency] = fig
            continue
        price = priced.get(fig.currency)
        if price is None or fig.start - price.end > _DIFFERENCE_REACH or fig.family != price.family \
                or not price.number or not fig.number or fig.number >= price.number \
                or _DIFFERENCE_BEFORE.search(text, max(0, fig.start - 24), fig.start) is None:
            continue
        fig.per = price.per


# rates per a currency unit: exchange rates, not the rate of a list ("146.20 yen per dollar")
# (but a rate per pound is per lb: the weight)
_CURRENCY_RATES = (frozenset(_SUFFIX_CI) | frozenset(_SUBUNIT_LOOKUP) | frozenset(c.lower() for c in _CODE_ISO)
                   | frozenset(("dlr", "d-mark"))) - frozenset(("pound",))
_PER_LIST = _LEX["per_list"]
_LIST_REACH = int(_PER_LIST["reach"])
_LIST_CLOSE_RATE = Decimal(str(_PER_LIST["close"]))
_LIST_ITEM_SEP = re.compile(r"[,;]|\s(?:" + _alternation(_PER_LIST["joins"], ci=True) + r")\s")
_LIST_END = re.compile(r"[.!?][\"')]?\s+[^\W\d_]|\n[ \t]*\n|\n[ \t]{2,}|[()]")
_LIST_STOP = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_PER_LIST["stops"], ci=True) + r")(?![\w-])")


# a change and the level it reaches: "fell 5p to 300p" (not "8 cts a share vs 5,364,000 dlrs")
_LEVEL_PAIR = re.compile(r"\s{1,3}(?:to|from|auf|von|" + _MOVE_AT + r")\s{1,3}")
_LEVEL_TO = (" to ", "\nto ", " auf ", "\nauf ")  # how the text before a share's level ends


def _alike(a: _Figure, b: _Figure) -> bool:
    """Whether two amounts of a list are alike in size (see `close` in [per_list])."""
    return bool(a.number and b.number and 1 / _LIST_CLOSE_RATE < a.number / b.number < _LIST_CLOSE_RATE)


def _list_rate(text: str, items: list[_Figure], fig: _Figure) -> bool:
    """Whether `fig` is the next item of a list whose rate is written once, at its first item
    (`items`, in order; see [per_list] in money.toml): "7.000 Euro pro Schüler, an Gymnasien
    8.400 Euro", "fell 5p to 300p, Widget 8p to 120p", "3.80 dlrs a share for A; 4.30 dlrs for B"."""
    prev = items[-1]
    # (the items of a share list may name their currency apart: "ICI fell a penny, Glaxo 8p")
    if fig.currency != prev.currency or (fig.family != prev.family and prev.per != "share") \
            or fig.start - prev.end > _LIST_REACH or not fig.number:
        return False
    end = _past_conversion(text, prev)  # the list reads on past "97p ($1.87)"
    # alike in size to an item before it: a share's move is like the move before, its price
    # like the price ("fell 5p to 300p, Widget 8p"); a total is no item ("72 cts a share, vs
    # 321,000 dlrs")
    if not any(_alike(fig, c) for c in items):
        return False
    if _RATE_PAIR.fullmatch(text, end, fig.start):
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


def _pair_past_rate(text: str, fig: _Figure, other: _Figure) -> bool:
    """Whether `other` is the amount `fig` moved from or to, written after the rate written after
    `fig` (perhaps past its conversion in brackets): "rose to 200 dinars ($2.77) per canister
    from 170 dinars", "to 3.50 dlrs per common share from four dlrs"."""
    m = _RATE_AFTER.match(text, fig.end)
    if m is None or m.group("noun") is None or m.end("noun") > other.start:
        return False
    # (a move's levels only, not a comparison: "85,000 dlrs per suite versus 100,000 dlrs a room")
    if _LEVEL_PAIR.fullmatch(text, m.end("noun"), other.start):
        return True
    # (past the words after the unit: "per troy ounce from", "per common share from")
    base = m.start("next")
    return any(_LEVEL_PAIR.fullmatch(text, base + w.end(), other.start) for w in _WORD_RUN.finditer(m.group("next")))


_RATE_COUNT_REACH = 80  # characters between an amount and the count of its rate, a bracket included


def _rate_count(text: str, fig: _Figure, other: _Figure) -> bool:
    """Whether `other` is the count written in the rate after `fig` ("46 cts per 100 dlrs of
    average assets": the 100 dlrs is part of the rate, no amount of its own for a list)."""
    if fig.per is None or not fig.per[:1].isdigit() or other.start - fig.end > _RATE_COUNT_REACH:
        return False
    m = _RATE_AFTER.match(text, fig.end)
    return m is not None and m.group("n") is not None and m.start("n") == other.start


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


def _bracketed(text: str, fig: _Figure) -> bool:
    """Whether `fig` is the conversion in brackets after its amount ("97p ($1.87)")."""
    return fig.pair is not None and fig.pair.end <= fig.start and "(" in text[fig.pair.end:fig.start]


def _past_conversion(text: str, fig: _Figure) -> int:
    """Where `fig` ends with the conversion in brackets after it, if any ("97p ($1.87)")."""
    conv = fig.pair
    if conv is not None and _bracketed(text, conv):
        close = _PAREN_CLOSE.match(text, conv.end)
        if close is not None and close.group(0).strip() == ")":
            return close.end()
    return fig.end


def _is_report(text: str, title: str | None, report: list[bool]) -> bool:
    """Whether the story is a share-market report (its title or lead names the market; read once)."""
    if not report:
        report.append(bool(_REPORT_WORD.search(title or "") or _REPORT_WORD.search(text, 0, _REPORT_LEAD)))
    return report[0]


def _list_rate_ahead(text: str, fig: _Figure, nxt: _Figure) -> bool:
    """Whether `fig` is an item of a list whose rate is written at the next item `nxt`, later
    in the sentence (as `_list_rate` reads a rate written at the first item)."""
    if fig.currency != nxt.currency or fig.family != nxt.family or nxt.start - fig.end > _LIST_REACH \
            or not _alike(fig, nxt):
        return False
    end = _past_conversion(text, fig)  # the list reads on past "$60,000 (£30,800)"
    if _RATE_PAIR.fullmatch(text, end, nxt.start):
        return True  # the price it moved from, past its conversion: "from 17 pesos ($0.30) to 20 pesos per ride"
    if _LIST_ITEM_SEP.search(text, end, nxt.start) is None or _LIST_END.search(text, end, nxt.start):
        return False
    # (a total or one-off said just before the item itself: "a one-off fee of 80 stg and 40 stg a year")
    lo = max(0, fig.start - _STOP_BEFORE)
    for brk in _LIST_END.finditer(text, lo, fig.start):
        lo = brk.end()
    return _LIST_STOP.search(text, lo, nxt.start) is None


_STOP_BEFORE = 40  # characters before an item read for a total or one-off that qualifies it


def _share_move(text: str, pos: int, title: str | None, report: list[bool]) -> bool:
    """Whether the small amount at `pos` is a share's price or move ("shares rose 40 cts to")."""
    window = text[max(0, pos - 100):pos]
    if _MOVE_VERB_ANY.search(window) is None:
        return False
    verb = _last(_MOVE_VERB, window)
    if verb is None:
        return False
    start = 0
    for br in _CLAUSE_BREAK.finditer(window):
        start = br.end()
    if verb.start() < start or len(_WORD_RUN.findall(window, verb.end())) >= _MOVE_REACH:
        return False
    sentence = 0
    for br in _SENTENCE_BREAK.finditer(window):
        sentence = br.end() - 1 if br.group(0)[-1:].isalnum() else br.end()
    if _other_subject(window, min(sentence, start), verb.start()) \
            or _NOT_SUBJECT_TAIL.search(window, min(sentence, start), verb.start()) \
            or _NOT_SUBJECT_CLAUSE.search(window, start, verb.start()):
        return False  # "Oil prices fell 40 cents", "net income of 690,000 dlrs, up from", "sterling rose"
    if not _SHARE_WORD.search(window, start):
        if _PRONOUN.search(window, start) and _shares_before(text, pos - len(window) + start):
            return True  # "Harwick shares rose 30p. The news brought them back down to 220p"
        # (an infinitive speaks for a share only with its share word: "expect the fare to rise")
        return not verb.group(0).startswith(("to ", "To ", "TO ")) and _is_report(text, title, report)
    return True


_PRONOUN = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_MOVE["pronouns"], ci=True) + r")(?![\w-])")
_PRONOUN_REACH = int(_MOVE["pronoun_reach"])


def _shares_before(text: str, clause: int) -> bool:
    """Whether the subject last named before the clause at `clause` is a share (see `pronouns` in
    [per_share_move]): a share word, with no other subject after it (an amount's unit, "rose 30
    cts to 2.50 dlrs", is none)."""
    lo = max(0, clause - _PRONOUN_REACH)
    share = _last(_SHARE_WORD, text, lo, clause)
    if share is None:
        return False
    return _NOT_SUBJECT.search(text, share.end(), clause) is None


def _other_subject(window: str, lo: int, hi: int) -> bool:
    """Whether something other than a share moves between `lo` and `hi` ([per_share_move]
    `not_subjects`: "Oil prices fell"); a share's own price is the share ("its share price rose")."""
    for m in _NOT_SUBJECT.finditer(window, lo, hi):
        if m.group(0).lower() not in _OWN_PRICE \
                or _SHARE_WORD_BEFORE.search(window, max(0, m.start() - 12), m.start()) is None:
            return True
    return False


_BLOCK_AT = re.compile(
    r"(?<![\w.,])(?:\d{1,4}(?:\.\d{1,3})?[ \t\n]{1,3}(?:" + _alternation(_LEX["per_share_block"]["block_magnitudes"])
    + r")|\d{1,3}(?:,\d{3})+)(?:[ \t\n]{1,3}[A-Z][\w&'-]{0,20}\.?){1,4}[ \t\n]{1,3}(?:"
    + _alternation(_SHARES_AT_LEX["before"]) + r")[ \t\n]{1,3}\Z")


def _share_block(text: str, fig: _Figure, title: str | None, report: list[bool]) -> bool:
    """Whether the small amount `fig` is the price of a block of shares named by its company in a
    share-market report: "3.0 mln Koala Mining at 45 cents" (see [per_share_block])."""
    lo = max(0, fig.start - 80)
    if text.find(" at", lo, fig.start) < 0 and text.find("\nat", lo, fig.start) < 0 \
            and text.find(" zu", lo, fig.start) < 0:
        return False
    return _BLOCK_AT.search(text, lo, fig.start) is not None and _is_report(text, title, report)


_QUOTE = _LEX["per_share_quote"]
_QUOTE_LEVELS = [*_QUOTE["level_before"], *_QUOTE["quote_levels"]]
_QUOTE_LEVEL = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_QUOTE_LEVELS, ci=True) + r")[ \t\n]{1,3}\Z")
_QUOTE_BY_ITSELF = re.compile(r"(?:" + _alternation(_QUOTE["quote_levels"], ci=True) + r")[ \t\n]{1,3}\Z")
_QUOTE_COMPARATIVE = re.compile(r"\s{1,3}(?:" + _alternation(_QUOTE["comparatives"], ci=True) + r")(?![\w-])")
_QUOTE_SHARE = re.compile(r"(?<![^\W\d_])(?P<before>[^\W\d_]+\s{1,3})?(?P<share>"
                          + _alternation([*_QUOTE["share_words"], *_QUOTE["report_share_words"]], ci=True)
                          + r")(?![\w-])")  # (any usual case: "Shares in Orchard sank")
_QUOTE_REPORT_ONLY = frozenset(w.lower() for w in _QUOTE["report_share_words"])
_QUOTE_NOT_STOCK = frozenset(w.lower() for w in _QUOTE["not_stock"])
_QUOTE_EVIDENCE = re.compile(
    r"(?<![^\W\d_])(?:" + _alternation([*_QUOTE["comparatives"], *_QUOTE["quote_words"], *_MOVE["verbs"],
                                           *_QUOTE["percent"]], ci=True) + r")(?![\w-])|\d\s?%")
_QUOTE_PERCENT_LEVEL = re.compile(r"(?:(?<![^\W\d_])(?:" + _alternation(_QUOTE["percent"], ci=True)
                                  + r")|%)[ \t\n]{1,3}\(?(?:" + _alternation(_QUOTE_LEVELS, ci=True)
                                  + r")[ \t\n]{1,3}\Z")
_QUOTE_SHARE_PRICE = re.compile(r"\s{1,3}(?:price|prices|Kurs)(?![\w-])")
_QUOTE_REACH = int(_QUOTE["reach"])
# a sentence's end (not a bracket, not "Mio." or "U.S."): the share word must be in the amount's sentence
_QUOTE_SENTENCE = re.compile(r"(?:(?<=[a-zäöüß]{3})|(?<=\d))[.!?][\"')]?\s+(?=[A-ZÄÖÜ\"])|\n[ \t]*\n|\n[ \t]{2,}")
_NOT_SUBJECT_TAIL = re.compile(r"(?<=[a-zäöüß])(?:" + _alternation(_QUOTE["not_subject_tails"], guard=False)
                               + r")(?![\w-])")


def _share_quote(text: str, fig: _Figure, title: str | None, report: list[bool]) -> bool:
    """Whether the small amount `fig` is a share's quoted price or move written without a verb
    of movement before it (see [per_share_quote] in money.toml): "Harwick shares were unchanged
    at 412p", "were quoted nine pence firmer at 412p", "Titel der NBH (plus 2,10 Prozent auf
    18,35 Euro)", "Unverändert bei 33,10 Euro schlossen die Titel der Feldbach AG"; a close or
    opening, whose shares may be named in the sentence before: "into one preferred share at 169.4
    markka. This compares with today's closing price of 178 markka"."""
    pos = fig.start
    lm = _QUOTE_LEVEL.search(text, max(0, pos - 24), pos)
    if lm is None and _QUOTE_COMPARATIVE.match(text, fig.end) is None:
        return False
    level = lm is not None
    by_itself = level and _QUOTE_BY_ITSELF.match(text, lm.start(), pos) is not None  # a quote by itself
    stop = lm.start() if level else pos  # (a level's own words are no other subject: "closing price of")
    lo = max(0, pos - _QUOTE_REACH)
    sentence = before = lo
    for br in _QUOTE_SENTENCE.finditer(text, lo, pos):
        before, sentence = sentence, br.end()
    share = _last(_QUOTE_SHARE, text, sentence, pos)
    guard = 0
    if share is None and by_itself and sentence > lo:
        share = _last(_QUOTE_SHARE, text, before, sentence)  # the shares named in the sentence before
        guard = sentence  # (what else moves is looked for in the amount's sentence only)
    if share is not None:
        if not _quote_share(text, share, title, report):
            return False
        if not guard:
            guard = share.end()
            price = _QUOTE_SHARE_PRICE.match(text, guard)
            if price is not None:
                guard = price.end()  # "the stock price closed at 35.125 dlrs"
        if _NOT_SUBJECT.search(text, guard, stop) or _NOT_SUBJECT_TAIL.search(text, guard, stop):
            return False  # "shares rose after the bank set its oil price at 21 dlrs"
        clause = sentence
        for br in _CLAUSE_BREAK.finditer(text, sentence, pos):
            clause = br.end()
        if _currency_subject(text, max(clause, guard), pos):
            return False
        return not level or by_itself or _QUOTE_EVIDENCE.search(text, sentence, pos) is not None
    if not level or _NOT_SUBJECT.search(text, sentence, stop) or _NOT_SUBJECT_TAIL.search(text, sentence, stop):
        return False
    # a level fronted before its verb and subject: "Unverändert bei 33,10 Euro schlossen die Titel"
    end = min(len(text), fig.end + 60)
    brk = _CLAUSE_BREAK.search(text, fig.end, end)
    end = brk.start() if brk else end
    after = _QUOTE_SHARE.search(text, fig.end, end)
    if after is not None and _quote_share(text, after, title, report):
        return _QUOTE_EVIDENCE.search(text, sentence, end) is not None
    # in a share-market report, a level after a percentage change: "ein Minus von 0,70 Prozent auf"
    return _QUOTE_PERCENT_LEVEL.search(text, max(0, pos - 16), pos) is not None and _is_report(text, title, report)


_UNIT_OF_AMOUNT = re.compile(r"\d(?:[ \t\n]{1,3}" + _LONG_MAG_RE + r")?[ \t\n]{1,3}\Z")


def _currency_subject(text: str, lo: int, hi: int) -> bool:
    """Whether a currency that moves against another stands in `text[lo:hi]` ("sterling rose
    to 1.62 dlrs"): a currency word that is no amount's unit ("valued at 77.3 mln stg at")."""
    for m in _NOT_SUBJECT_CLAUSE.finditer(text, lo, hi):
        if _UNIT_OF_AMOUNT.search(text, max(0, m.start() - 24), m.start()) is None:
            return True
    return False


def _quote_share(text: str, share: re.Match[str], title: str | None, report: list[bool]) -> bool:
    """Whether a share word names shares: "Titel", "Papiere" only in a share-market report;
    "stock" not after a word that makes it goods in store ("buffer stock")."""
    word = share.group("share")
    if word.lower() in _QUOTE_REPORT_ONLY:
        return _is_report(text, title, report)
    before = share.group("before")
    return not (before and word.lower().startswith("stock") and before.strip().lower() in _QUOTE_NOT_STOCK)


def _counted(text: str, start: int) -> str:
    """The unit of a price per item ("shares at 3.40 dlrs each", "the new shares will be sold
    at 9 euro cents each"): a [per] word among the few words before the amount in its sentence
    (see `counted_words` in [per_open]), else "unit"; not a time ("cars last year at 5,833
    dlrs each" are counted, the year is when)."""
    lo = max(0, start - _COUNTED_REACH)
    for br in _SENTENCE_BREAK.finditer(text, lo, start):
        lo = br.start() + 1
    for w in reversed(_COUNTED.findall(text, lo, start)[-_COUNTED_WORDS:]):
        key = _norm_key(w)
        if key in _RATE_WORDS and _PER[key] not in _TIME_UNITS:
            return str(_PER[key])
    return "unit"


_PER_ADVERB = {k.lower(): v for k, v in _LEX["per_adverb"].items()}
_CARRY_UNITS = frozenset(_LEX["per_carry"]["units"])
_CARRY_REACH = int(_LEX["per_carry"]["reach"])
_YEAR_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_LEX["per_carry"]["year_before"], ci=True)
                          + r")[ \t]{1,2}\Z")


def _date_part(text: str, fig: _Figure) -> bool:
    """Whether the bare figure `fig` is a day or year of a date (see [per_carry] in money.toml)."""
    if fig.magnitude or fig.vague is not None or fig.qualifier != "exact":
        return False
    if _MONTH_BEFORE.search(text, max(0, fig.start - 16), fig.start):
        return True
    return bool(_YEAR.fullmatch(text, fig.start, fig.end)
                and _YEAR_BEFORE.search(text, max(0, fig.start - 8), fig.start))


_DOLLAR_COUNTRY = {c: iso for c, iso in load("currencies")["country"].items() if iso in _FAMILY["dollar"].members}
