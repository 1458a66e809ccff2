"""The compiled patterns of the money reader: the two candidate patterns (numerals, and the
words that can start an amount), what may follow a figure (magnitude, currency, coin,
cents, rate), the reversed prefix tree of the currencies written before it, and the small
patterns and word sets the readers share (sentence breaks, range joins, links).
"""

from __future__ import annotations

import re

from factcheck.extract.money_lexicon import (
    CODE_ISO,
    CODES,
    CODES_LOWER,
    COIN,
    COIN_COUNTED,
    FRACTIONS,
    GUARD,
    LEX,
    LONG_MAGS,
    OPT_SPACE,
    PER,
    PREFIX,
    PREFIX_WORDS,
    SHORT_MAGS,
    SUBUNIT_AS_WRITTEN,
    SUBUNIT_CI,
    SUFFIX,
    SUFFIX_AS_WRITTEN,
    SUFFIX_DE,
    SUFFIX_EN,
    SUFFIX_NAME_LIKE,
    VAGUE_P,
    VAGUE_Q,
    VQ_MAGS,
    WORDS,
    WORDS_EN,
    alternatives,
    cased,
    norm_key,
    token_trie,
)
from factcheck.extract.numbers import NUMERAL

_CODE_RE = "(?:" + alternatives(CODES) + "|" + alternatives(CODES_LOWER) + ")"
_CODE_AFTER_MAG = alternatives(CODES, guard=False)

# Magnitudes: long words in any usual case; short ones ("m", "B", "T") as written, and only
# where no word goes on, directly before a currency code ("30 MUSD", "100 TEUR"), before a
# range's dash ("$100m-$200m") or, written onto its number, a compound's hyphen ("a $100m-share
# sale", "$2bn-plus"; not "$5 T-shirts").
LONG_MAG_RE = alternatives(LONG_MAGS, ci=True)
MAG_RE = (
    r"(?P<mag>" + LONG_MAG_RE
    + r"|(?:" + token_trie(SHORT_MAGS) + r")(?:(?![\w-])|(?=" + _CODE_AFTER_MAG + r")|(?=-[ \t]{0,2}[$€£¥\d])"
    + r"|(?:(?<=\d[^\W\d_])|(?<=\d[^\W\d_]{2}))(?=-[^\W\d_])))"
)


def _subunit_re(lang: str) -> str:
    """Subunit words in lower case or capitals ("cts", "CTS"; a capitalised "Cent" after a
    number is German, or in English the name of a rapper)."""
    keys = [v for k in SUBUNIT_CI if len(k) > 1 or not k.isalpha() for v in (k, k.upper())]  # (and "¢")
    written = [k for k in SUBUNIT_AS_WRITTEN if lang == "de" or k != "Cent"]
    return r"(?P<sub>" + alternatives(keys) + "|" + alternatives(written) + ")"


_COIN_RE = r"(?P<coin>" + alternatives(COIN_COUNTED, ci=True) + ")"
# "47 cts share", "1.06 dlrs shr" (wire style): per share with no word between, unless "share"
# is a noun of its own ("a 50 dlrs share issue")
PER_BARE = re.compile(r"[ \t]{1,2}(?:shr|share|SHR|SHARE)(?![\w-])(?!\s{1,3}"
                      + alternatives(LEX["per_bare"]["not_before"]) + ")")
TIME_UNITS = frozenset(("year", "month", "week", "day", "hour", "night"))
# the words after a time unit that make it a time, not a rate ("a year ago", "a month earlier")
NOT_A_RATE_AFTER = frozenset(("ago", "earlier", "before", "previously", "prior", "later", "after"))
NOT_A_RATE_AFTER_RE = "|".join(sorted(NOT_A_RATE_AFTER))
_PER_TIMES = [k for k, v in PER.items() if v in TIME_UNITS]
_PER_RE = (
    r"(?P<per_intro>\s{0,2}(?:" + alternatives(["a", "an", "per", "each", "pro", "je", "im"], ci=True)
    + r"\s{1,3}|/\s?|-(?:a|per)-))(?:(?P<per_n>\d{1,4})\s{1,2})?(?P<per>"
    # not a time: "a year ago", "im Jahr 2015"; only a time unit makes one with "after": "16 dlrs a
    # barrel after March", "1.20 dlrs a share after tax" are rates
    + r"(?:" + alternatives(_PER_TIMES, ci=True) + r")(?!\s{1,3}(?:" + NOT_A_RATE_AFTER_RE
    + r"|zuvor|davor|früher)(?!\w))|" + alternatives([k for k in PER if k not in _PER_TIMES], ci=True) + r")"
    r"(?!\s{1,3}\d)"
)


# the second unit of a rate of two ("per child per year", "pro Kind und Monat"; see [per_second])
_SECOND_RATE = re.compile(
    r"[ \t]{1,2}(?:" + alternatives(LEX["per_second"]["joins"], ci=True) + r")[ \t]{1,3}(?P<per>"
    + alternatives(PER, ci=True) + r")(?![\w-])(?!\s{1,3}(?:" + NOT_A_RATE_AFTER_RE + r"|zuvor|davor|früher)(?!\w))")
_SECOND_CUES = tuple(" " + w + " " for w in LEX["per_second"]["joins"])


def second_rate(text: str, pos: int, first: str) -> tuple[str, int] | None:
    """The rate of two units when a second unit follows the rate `first` ending at `pos` (see
    [per_second] in money.toml): "per child per year" gives ("child per year", its end), "pro
    Monat und Kopf" ("person per month", its end); None when no second unit follows."""
    if not text.startswith(_SECOND_CUES, pos, pos + 6):
        return None
    m = _SECOND_RATE.match(text, pos)
    if m is None:
        return None
    second = str(PER[" ".join(m.group("per").split()).lower()])
    if second == first:
        return None
    if first in TIME_UNITS and second not in TIME_UNITS:
        first, second = second, first
    return f"{first} per {second}", m.end()


def _right_re(lang: str) -> re.Pattern[str]:
    words = [k for k in SUFFIX if k[0].isalpha() and k not in SUFFIX_NAME_LIKE]
    symbols = [k for k in SUFFIX if not k[0].isalpha()]
    as_written = [*SUFFIX_AS_WRITTEN, *(SUFFIX_DE if lang == "de" else SUFFIX_EN)]
    written = [k for k in as_written if k not in SUFFIX_NAME_LIKE]
    # ("In 2010 Lei Jun", "Ft Lauderdale": a name, when a capitalised word follows)
    name_like = ("(?:" + alternatives([k for k in as_written if k in SUFFIX_NAME_LIKE]) + "|"
                 + alternatives([k for k in SUFFIX if k in SUFFIX_NAME_LIKE], ci=True)
                 + r")(?![ \t]{1,3}[A-ZÄÖÜ][a-zäöüß])")
    cur = [alternatives(written), alternatives(words, ci=True), _CODE_RE,
           r"(?<=[MTk])" + _CODE_AFTER_MAG, alternatives(symbols), name_like]
    return re.compile(
        # a closing quote may stand between the number and a long magnitude word: a quote
        # closed one word early ("asking for $5.6” billion")
        r"(?:(?:-[ \t]{0,2}|\s{0,3}|[”\"][ \t](?=" + LONG_MAG_RE + r"(?!\w)))" + MAG_RE + r")?"
        r"(?P<of>\s{1,3}of)?"
        # (a subunit first: "22 euro cents" is cents, not "22 euro" and a word after it)
        r"(?:(?:-[ \t]{0,2}|\s{0,3})(?:" + _subunit_re(lang) + "|(?P<cur>" + "|".join(cur) + ")|" + _COIN_RE + r")"
        r"|(?P<att>c|p|\ c)(?![\w-]|\.\w))?"
        r"(?:[ \t]{1,2}(?P<mag2>" + LONG_MAG_RE + r"))?"
        r"(?:" + _PER_RE + r")?"
        # a range join ahead ("2 to", "2 und"), read only when nothing else followed
        r"(?P<join>(?=\s{0,2}(?:-|–|—|(?:to|and|bis|und|or|oder|TO|AND)(?!\w))\s{0,2}[\w$€£¥]))?"
    )


RIGHT = {"en": _right_re("en"), "de": _right_re("de")}

# Spelled numbers: a run of number words ("two hundred thousand", "forty-five"), counted as a
# figure only where a magnitude, currency or coin follows. "a"/"an"/"ein" only lead a run.
LEADERS = ["a", "an", "ein", "eine", "einer", "einen", "einem"]
NUMBER_WORDS = [k for k in WORDS if k not in LEADERS]
_DE_UNITS = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_DE_TENS = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
DE_COMPOUNDS = [u + "und" + t for u in _DE_UNITS for t in _DE_TENS]
DE_COMPOUNDS += [u + h for u in _DE_UNITS for h in ("hundert", "tausend")]


def word_tree(keys, lower: bool = False) -> str:
    """`keys` (lower-cased, or in their case variants) as one prefix tree ending at a word boundary."""
    return "(?:" + token_trie({k.lower() for k in keys} if lower else cased(keys)) + r")(?!\w)"


_GATE_WORDS = [
    *LONG_MAGS, *[k for k in SUFFIX if k[0].isalpha()], *SUFFIX_DE,
    *[k for k in SUBUNIT_CI if len(k) > 1], *COIN_COUNTED, "hundred", "thousand",
]
_BRANCH_FIRST = [*LEADERS, *NUMBER_WORDS, *DE_COMPOUNDS, *FRACTIONS, *VAGUE_Q, *VAGUE_P, *COIN]


def _word_candidate_re(lower: bool) -> re.Pattern[str]:
    """Candidates that start with a word, for one pass over the lower-cased text (`lower`,
    the fast path: a third of the branches) or over the text as written.

    Each attempt starts at a word boundary whose letter can begin one of the words, and the
    branches are prefix trees.
    """
    def words(keys):
        return word_tree(keys, lower)

    def alternation(keys):
        return alternatives([k.lower() for k in keys] if lower else keys, ci=not lower)

    codes = [c.lower() for c in CODES] if lower else CODES
    gate = (
        r"(?=[\s-]{1,3}(?:" + alternation(_GATE_WORDS) + r"|m?" + alternatives(codes, guard=False)
        + "|" + _CODE_RE + "))" if lower else
        r"(?=[\s-]{1,3}(?:" + alternation(_GATE_WORDS) + r"|M" + _CODE_AFTER_MAG + "|" + _CODE_RE + "))"
    )
    number_word = words([*NUMBER_WORDS, *DE_COMPOUNDS, "hundred and", "thousand and"])
    leader = words(LEADERS)
    firsts = {k[0].lower() for k in _BRANCH_FIRST} if lower else {k[0] for k in cased(_BRANCH_FIRST)}
    coins = "dime|nickel|quarter|penny" if lower else "[Dd]ime|[Nn]ickel|[Qq]uarter|[Pp]enny"
    # every branch starts with one of these words: one tree tried at a word's start fails most
    # words ("the", "said") at once, where the five branches below would each be tried
    first_words = token_trie({k.lower() for k in (*_BRANCH_FIRST, "hundred and", "thousand and",
                                                  "dime", "nickel", "quarter", "penny")})
    return re.compile(
        r"\b(?=[" + re.escape("".join(sorted(firsts))) + r"])"
        + (r"(?=(?:" + first_words + r")(?!\w))" if lower else "") + "(?:"  # (the as-written pass is rare)
        # a fraction before a magnitude: "half a million", "a quarter million", "eine halbe"
        r"(?P<frac>(?:" + words(["a", "an", "eine"]) + r"\s{1,2})?(?P<fracw>" + words(FRACTIONS)
        + r")(?:\s{1,2}" + words(["a", "an"]) + r")?(?=\s{1,3}" + alternation(LONG_MAGS) + "))"
        # a spelled number before a magnitude, currency or coin: "eight mln dlrs", "zwei Euro"
        r"|(?P<word>(?:" + leader + r"[ \t]{1,2})?" + number_word
        + r"(?:(?:[ \t]{1,2}|-|[ \t]{1,2}" + words(["point"]) + r"[ \t]{1,2})" + number_word + r"){0,6}|" + leader + ")"
        + gate
        # a vague amount: "several billion", "wenige Milliarden", "billions of dollars"
        + r"|(?P<vq>" + words(VAGUE_Q) + r")\s{1,3}(?P<vqmag>"
        + alternation([k for k in VQ_MAGS if len(k) > 3]) + r")"
        r"|(?P<vp>" + alternatives([k.lower() for k in VAGUE_P] if lower else VAGUE_P) + r")"
        # a coin name that is a whole sentence ("Dime.", a one-word caption or answer)
        r"|(?P<bare>" + coins + r")(?=[.!?](?:\s|\Z)|[ \t]*(?:\n[ \t]*\n|\Z))"
        r")"
    )


WORD_CANDIDATE_LOWER = _word_candidate_re(lower=True)
WORD_CANDIDATE = _word_candidate_re(lower=False)
VAGUE_P_AS_WRITTEN = frozenset(VAGUE_P)
NUMERAL_CANDIDATE = re.compile(NUMERAL)


SENTENCE_BEFORE = re.compile(r"(?:\A|[.!?]\s|\n\n)[ \t]{0,3}\Z")
WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _prefix_re() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """Currency prefixes as a tree matched on the reversed text before a figure.

    Returns the pattern, the ISO code of each matched key (lower case, spaces removed) and
    the characters a prefix can end with (to skip the match for most figures).
    """
    keys: dict[str, str] = {}  # variant as written -> ISO
    for key, iso in PREFIX.items():
        one_letter = sum(ch.isalpha() for ch in key) == 1  # "C$", "A$": as written only
        variants = {key} if key.isalpha() or one_letter else cased([key])
        for v in variants:
            keys.setdefault(v, str(iso))
    for code, iso in CODE_ISO.items():
        keys.setdefault(code, iso)
    for code, iso in CODES_LOWER.items():
        keys.setdefault(code, iso)
    rev_keys = []
    for key in keys:
        rev = ""
        r = key[::-1]
        # letters that are a word of their own keep no space before the symbol: "A $5 million
        # deal" is an article ("c $ 300 million", tokenised copy, is Canadian)
        letters = "".join(ch for ch in key if ch.isalpha()).lower()
        joined = letters in PREFIX_WORDS
        for i, ch in enumerate(r):
            if i > 0 and ch.isalpha() and not r[i - 1].isalpha() and not r[i - 1].isspace() \
                    and r[i - 1] != "." and not joined:
                rev += OPT_SPACE  # "hk $": letters, then a space, then the symbol
            rev += ch
        if key[0].isalnum():
            rev += GUARD
        rev_keys.append(rev)
    lookup = {norm_key(k).replace(" ", ""): iso for k, iso in keys.items()}
    # how a prefix can end: one character ("$", "€") or two ("SD", "rs", "s.")
    ends = frozenset(k[-1] for k in keys if len(k) == 1 or not k[-1].isalpha()) | frozenset(
        k[-2:] for k in keys if len(k) > 1 and k[-1].isalpha())
    return re.compile(r"\s{0,2}(" + token_trie(rev_keys) + ")"), lookup, ends


PREFIX_REV, PREFIX_ISO, PREFIX_ENDS = _prefix_re()

# Dollars and cents: "$20 43", "15 dollars and 15", "3 GBP 1 pence", "thirteen dollars
# forty-five cents". Without a subunit word only at the end of a clause or before "and",
# "more", ..., since "$20 43 times" is not a price.
_UNITS_WORDS = [k for k, v in WORDS_EN.items() if 1 <= v < 10 and len(k) > 2]
_CENTS_NUM = (
    r"(?:\d{1,2}(?![\d.,]\d)|" + alternatives([k for k, v in WORDS_EN.items() if 1 <= v < 100 and len(k) > 2], ci=True)
    + r"(?:[- \t]" + alternatives(_UNITS_WORDS, ci=True) + r")?)"
)
CENTS = re.compile(
    r"(?:[ \t]{1,3}(?:and|und)[ \t]{1,3}|[ \t]{1,2})(?P<cents>" + _CENTS_NUM + r")"
    r"(?:(?P<csub>[ \t]{0,2}(?:" + alternatives([k for k in SUBUNIT_CI if k != "p"], ci=True) + "|"
    + alternatives(SUBUNIT_AS_WRITTEN) + r"))"
    r"|(?=[ \t]{0,2}(?:[.,;:!?)\"']|\Z|" + alternatives(
        ["and", "or", "more", "less", "only", "each", "apiece", "extra", "und", "oder", "mehr"]) + ")))"
)
PCT_AFTER = re.compile(r"\s{0,2}(?:%|(?i:pct|prozent)(?!\w))")  # (a part of NOT_MONEY_AFTER)
NOT_MONEY_AFTER = re.compile(r"\s{0,2}(?:%|(?i:per\s?cent|pct|prozent)(?!\w))")
RANGE_JOIN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder))\s{0,2}$")
VAGUE_CONTEXT = 120  # characters either side of a bare vague amount searched for a money word
ELLIPSIS_FOLLOW = frozenset(["vs", "versus", "last", "year", "a", "in", "from", "against"])
ELLIPSIS_BEFORE, ELLIPSIS_AFTER = 120, 40  # characters between an elliptic amount and its neighbour
SENTENCE_BREAK = re.compile(r"[.!?;]\s+[A-ZÄÖÜ\d]|\n[ \t]*\n|\n[ \t]{2,}|[()]")
VS_BETWEEN = re.compile(r"[ \t]{1,3}(?:vs\.?|making|\((?:Vorjahr|Vj\.?):?)[ \t]{1,3}(?:(?:profit|loss)[ \t]{1,3})?")
ENDS_FIGURE = frozenset(",;:)%'\"]!?")
VALUE_LINK = re.compile(r"\s{1,3}(?:from|vs\.?|versus|against|compared\s{1,3}with|to|making|von|auf)\s{1,3}")
# a part of the amount before ("120 Milliarden Euro, davon 30"; "300 mln dlrs of debt, of which 30")
PART_LINK = re.compile(r"(?:\s{1,3}[^\W\d_]{1,20}){0,3},?\s{1,3}(?:davon|darunter|of\s{1,3}which|including)\s{1,3}")
PART_LAST = (["davon"], ["darunter"], ["which"], ["including"])  # the last word of a PART_LINK
LINK_FOLLOW = frozenset(["yesterday", "earlier", "previously", "before", "asked", "bid", "offered",
                         "prior", "last", "a", "at", "on", "in"])
JOIN_BETWEEN = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder))\s{0,2}")
JOIN_AHEAD = re.compile(r"\s{0,2}(?:-|–|—|(?i:to|and|bis|und|or|oder)(?!\w))\s{0,2}(?=[\w$€£¥])")
OF_WEIGHT = re.compile(r"\s{1,3}of\s{1,3}(?!" + alternatives(LEX["weight"]["money_words"], ci=True) + ")")
DIGIT_NEXT = re.compile(r"\s{0,2}\d")
FOLLOW_WORD = re.compile(r"\s{0,3}([^\W\d_]+)|\s{0,3}-\w")
NOUN_AFTER = re.compile(r"\s{1,3}(?:(?i:of|von)\s|[A-ZÄÖÜ][a-zäöüß])")
MONEY_CONTEXT = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w) for w in LEX["money_context"]["words"]) + "))"
)


# a sentence's end, as for a share quote, or a semicolon (not "vs.", "Mio.", "U.S.")
PARALLEL_END = re.compile(r"(?:(?<=[a-zäöüß]{3})|(?<=\d))[.!?][\"')]?\s+(?=[A-ZÄÖÜ\"])|\n[ \t]*\n|\n[ \t]{2,}")
