"""What a figure's words are worth: a magnitude's exponent, a currency word's ISO code,
spelled numbers ("two hundred thousand", "fünfundzwanzig"), the currency prefix written
before a figure.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.extract.money_lexicon import (
    CODE_ISO,
    CODES_LOWER,
    MAG_CI,
    MAG_DE,
    MAGNITUDE,
    PREFIX_WINDOW,
    SUFFIX,
    SUFFIX_AS_WRITTEN,
    SUFFIX_CI,
    SUFFIX_DE,
    SUFFIX_EN,
    WORDS,
    WORDS_CI,
    norm_key,
)
from factcheck.extract.money_patterns import LEADERS, PREFIX_ENDS, PREFIX_ISO, PREFIX_REV, WORD_TOKEN


def magnitude_exponent(word: str, lang: str) -> int:
    if word.lower() in ("hundred", "hundert"):
        return 2
    if lang == "de" and word in MAG_DE:
        return int(MAG_DE[word])
    if word in MAGNITUDE:
        return int(MAGNITUDE[word])
    return int(MAG_CI[norm_key(word)])


def currency_of_word(word: str, lang: str) -> str:
    if word in CODE_ISO:
        return CODE_ISO[word]
    if lang == "de" and word in SUFFIX_DE:
        return str(SUFFIX_DE[word])
    if lang != "de" and word in SUFFIX_EN:
        return str(SUFFIX_EN[word])
    if word in SUFFIX_AS_WRITTEN:
        return str(SUFFIX_AS_WRITTEN[word])
    if word in SUFFIX:
        return str(SUFFIX[word])
    key = norm_key(word)
    return str(SUFFIX_CI.get(key) or CODES_LOWER.get(key) or SUFFIX_CI[key])


def spelled_value(words: str) -> Decimal | None:
    """'two hundred thousand' -> 200000; 'forty-five' -> 45; 'fünfundzwanzig' -> 25."""
    total = cur = Decimal(0)
    seen = False
    tokens = WORD_TOKEN.findall(words.lower())
    if len(tokens) > 1 and tokens[0] in LEADERS:
        tokens = tokens[1:]  # "a two mln dlr" is two million, "a hundred" one hundred
    if "point" in tokens:  # "one point three" -> 1.3
        i = tokens.index("point")
        whole = spelled_value(" ".join(tokens[:i])) if i else Decimal(0)
        digits = [WORDS_CI.get(t) for t in tokens[i + 1:]]
        if whole is None or not digits or any(d is None or not 0 <= d <= 9 for d in digits):
            return None
        return whole + Decimal("0." + "".join(str(int(d)) for d in digits))
    for tok in tokens:
        if tok == "and":
            continue
        v = WORDS_CI.get(tok)
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
        if tok.endswith(h) and tok[: -len(h)] in WORDS:
            return int(WORDS[tok[: -len(h)]]) * mult
    unit, sep, tens = tok.partition("und")
    if sep and unit in WORDS and tens in WORDS:
        return int(WORDS[unit]) + int(WORDS[tens])
    return None


def read_prefix(text: str, start: int, floor: int) -> tuple[int, str, str] | None:
    """The currency written just before `start` ("$", "US$ ", "EUR ", "hk $ ", "US$:"): (its start,
    ISO, the prefix as written)."""
    i = end = start
    while i > floor and start - i < 2 and text[i - 1] in " \t\n\u00a0":
        i -= 1
    if i - 1 > floor and text[i - 1] == ":" and not (text[i - 2].isalnum() or text[i - 2] in " \t\n."):
        i = end = i - 1  # "US$: 12.99": a sign, then a colon (after a code, "USD: 1.0850" is a quote's label)
    if i <= floor or (text[i - 1] not in PREFIX_ENDS and text[i - 2:i] not in PREFIX_ENDS):
        return None
    m = PREFIX_REV.match(text[max(floor, end - PREFIX_WINDOW):end][::-1])
    if not m:
        return None
    written = m.group(1)[::-1]
    iso = PREFIX_ISO.get(norm_key(written).replace(" ", ""))
    return None if iso is None else (end - m.end(), iso, written)
