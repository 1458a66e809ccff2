"""The money lexicon (`factcheck/data/money.toml`) as tables: currency prefixes, codes,
suffixes, subunits and coins, magnitudes, number words, qualifiers and rates; the
currency families a unit word may stand for ("dlrs": USD, CAD, AUD ...); and the builders
of the prefix-tree alternations every pattern is made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from factcheck.datafiles import load
from factcheck.patterns import trie

LEX = load("money")
LEFT_WINDOW = 48  # characters looked at before a figure for its qualifier
RIGHT_WINDOW = 80  # characters looked at after a figure for magnitude, currency and rate
PREFIX_WINDOW = 24  # characters looked at before a figure for a currency prefix


GUARD = "\x00"  # tree terminal: the key starts with a letter, so no letter may come before it
OPT_SPACE = "\x01"  # tree token: an optional space ("hk $ 10" in tokenised copy)


# the project's alternation builder with the two tokens above
token_trie = partial(trie, tokens={GUARD: r"(?![^\W\d_])", OPT_SPACE: r"\s?"})


def cased(keys) -> set[str]:
    """Keys as written, in lower case, capitalised, in title case and in capitals (headlines)."""
    out = set()
    for k in keys:
        low = k.lower()
        out |= {k, low, low[:1].upper() + low[1:], k[:1].upper() + k[1:], k.upper(),
                " ".join(w[:1].upper() + w[1:] for w in low.split(" ")),
                " ".join(w[:1].upper() + w[1:] for w in k.split(" "))}
    return out


def alternatives(keys, *, ci: bool = False, guard: bool = True) -> str:
    """Alternation of `keys`, word-bounded where a key starts or ends with a letter or digit.

    A key that starts with a letter may follow a digit ("115USD", "10k") but not a letter
    (unless `guard` is off: codes right after a magnitude letter, "30 MUSD"). With `ci` the
    keys match in their usual case variants (a tree of variants is faster than `(?i)`).
    """
    keys = cased(keys) if ci else set(keys)
    if not keys:
        return "(?!)"  # no key: matches nothing (an empty group would match everywhere)
    groups: dict[tuple[bool, bool], list[str]] = {}
    for k in keys:
        groups.setdefault((k[0].isalnum(), k[-1].isalnum()), []).append(k)
    parts = []
    for (alnum_start, alnum_end), ks in sorted(groups.items()):
        p = token_trie(ks)
        if alnum_start and guard:
            p = r"(?<![^\W\d_])" + p
        if alnum_end:
            p += r"(?!\w)"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def norm_key(s: str) -> str:
    return " ".join(s.split()).lower()


def _ci_lookup(table: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in table.items():
        out.setdefault(norm_key(k), v)
    return out


PREFIX = LEX["prefix"]
PREFIX_WORDS = frozenset(w.lower() for w in LEX["prefix_words"]["words"])
CODES = list(LEX["codes"]["iso"])
_CODE_ALIAS = dict(LEX["codes"]["alias"])
CODE_ISO = {c: _CODE_ALIAS.get(c, c) for c in CODES}
CODES_LOWER = {c.lower(): CODE_ISO[c] for c in LEX["codes"]["lowercase"]}
SUFFIX = LEX["suffix"]
SUFFIX_AS_WRITTEN = LEX["suffix_as_written"]
SUFFIX_NAME_LIKE = frozenset(LEX["suffix_name_like"]["words"])
SUFFIX_DE = LEX["suffix_de"]
SUFFIX_EN = LEX["suffix_en"]
SUBUNIT_CI = LEX["subunit"]
SUBUNIT_AS_WRITTEN = LEX["subunit_as_written"]
SUBUNIT = {**SUBUNIT_CI, **SUBUNIT_AS_WRITTEN}
COIN = {k: (Decimal(e[0]), e[1] or None) for k, e in LEX["coin"].items()}
# a coin of the story's currency: what it is when nothing in the story says ("penny": GBP)
COIN_DEFAULT = {k: e[2] for k, e in LEX["coin"].items() if not e[1] and len(e) > 2}
COIN_COUNTED = [k for k in COIN if k != "quarter"]
MAGNITUDE = LEX["magnitude"]
MAG_DE = LEX["magnitude_de"]
SHORT_MAGS = set(LEX["magnitude_short"]["words"])
LONG_MAGS = [k for k in MAGNITUDE if k not in SHORT_MAGS]
VQ_MAGS = {**MAGNITUDE, "hundred": 2, "Hundert": 2}  # "a few hundred dollars", "ein paar Hundert Euro"
WORDS_EN = LEX["number_words"]
WORDS = {**WORDS_EN, **LEX["number_words_de"]}
FRACTIONS = LEX["number_fractions"]
VAGUE_Q = LEX["vague_quantifier"]
VAGUE_P = LEX["vague_plural"]
QUALS = _ci_lookup(LEX["qualifier"])
PER = _ci_lookup(LEX["per"])
FOLLOW = frozenset(LEX["follow"]["words"])
APPROX = Decimal(str(LEX["approx"]["width"]))
APPROX_LEAST = Decimal(str(LEX["approx"]["least"]))
ATTACHED_NOT_MONEY = frozenset(LEX["attached_not_money"]["words"])
DOT_THOUSANDS = frozenset(LEX["dot_thousands"]["currencies"])  # "Rp 235.000" is 235,000


@dataclass(frozen=True, slots=True)
class Family:
    """Currencies one unit word may stand for ("dlrs": USD, CAD, AUD ...; see [family] in money.toml)."""

    name: str
    members: frozenset[str]
    story_any: bool  # a member read from the context is story evidence too ("45 Dollar" then "50 Cent")
    cues: tuple[re.Pattern[str], list[str]] | None  # the country the text names most


def _families() -> tuple[dict[str, list[Family]], dict[str, Family]]:
    by_word: dict[str, list[Family]] = {}
    by_name: dict[str, Family] = {}
    for name, entry in LEX["family"].items():
        cues = None
        if "cues" in entry:
            isos = list(entry["cues"])
            cues = (re.compile("|".join("(" + "|".join(r"\b" + re.escape(w) + r"\b" for w in entry["cues"][iso]) + ")"
                                        for iso in isos)), isos)
        fam = Family(name, frozenset(entry["members"]), entry.get("story") == "any", cues)
        by_name[name] = fam
        for w in entry["words"]:
            by_word.setdefault(w.lower(), []).append(fam)
    return by_word, by_name


_FAMILY_BY_WORD, FAMILY = _families()


_FAMILY_MEMO: dict[tuple[str, str | None], str | None] = {}


def family_of(word: str, iso: str | None) -> str | None:
    """The family of a unit word read as `iso` ("dlrs" USD: dollar), or None when the word names
    its currency ("Australian dlrs", "€", "yen")."""
    key = (word, iso)
    try:
        return _FAMILY_MEMO[key]
    except KeyError:
        pass
    if len(_FAMILY_MEMO) > 4096:
        _FAMILY_MEMO.clear()  # (words as written, incl. line breaks: bounded)
    name = _FAMILY_MEMO[key] = next((fam.name for fam in _FAMILY_BY_WORD.get(norm_key(word), ())
                                     if iso in fam.members), None)
    return name


SUFFIX_CI = _ci_lookup(SUFFIX)
SUBUNIT_LOOKUP = _ci_lookup(SUBUNIT_CI)
WORDS_CI = _ci_lookup(WORDS)
FRACTIONS_CI = _ci_lookup(FRACTIONS)
VAGUE_Q_CI = _ci_lookup(VAGUE_Q)
VAGUE_P_CI = _ci_lookup(VAGUE_P)
MAG_CI = _ci_lookup({k: v for k, v in MAGNITUDE.items() if k not in SHORT_MAGS})


CARRY_UNITS = frozenset(LEX["per_carry"]["units"])
