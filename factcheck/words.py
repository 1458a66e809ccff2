"""Words as the claims stage compares them: lower-cased content words, function words left out,
each reduced to its stem ("indicted", "indictment" → indict) so that two outlets' wordings of one
fact meet. Stems come from the Snowball stemmer (snowballstemmer, the stemmer Sphinx and many
search engines use: pure Python, no data to download).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain, compress, repeat
from operator import is_not

import snowballstemmer

from factcheck.datafiles import load

_WORD = re.compile(r"[^\W\d_]{3,}")
# the same words in lower-cased ASCII text, where a letter is a-z: a plain range matches about
# twice as fast as the Unicode classes (most news text is ASCII)
_ASCII_WORD = re.compile(r"[a-z]{3,}")
_STEMMER = snowballstemmer.stemmer("english")
_GROUP, _MATCH_START = re.Match.group, re.Match.start


class _Stems(dict):
    """Word → its stem, or None for a stop word; a word is looked up once (the vocabulary of
    news is small, stemming is not free), so `content_words` costs a dictionary look-up a word."""

    def __missing__(self, word: str) -> str | None:
        stem = self[word] = None if word in stopwords() else _STEMMER.stemWord(_forms().get(word, word))
        return stem


_STEMS = _Stems()


def _data() -> dict:
    return load("words")


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_data()["stopwords"].split())


@cache
def _forms() -> dict[str, str]:
    return dict(_data().get("abbreviations", {}))


def words_of(text: str) -> list[str]:
    """The lower-cased words of `text` that `content_words` stems, stop words included."""
    text = text.lower()
    return _ASCII_WORD.findall(text) if text.isascii() else _WORD.findall(text)


def stems(words: Iterable[str]) -> list[str | None]:
    """The stem `content_words` gives each word of `words_of`; None for a stop word. The words
    not looked up before are stemmed in one call (a call per word costs more than the stemming)."""
    words = list(words)
    new = set(words).difference(_STEMS.keys())
    if new:
        stop, forms = stopwords(), _forms()
        todo = list(new - stop)
        _STEMS.update(dict.fromkeys(new & stop))
        _STEMS.update(zip(todo, _STEMMER.stemWords([forms.get(w, w) for w in todo]), strict=True))
    return list(map(_STEMS.__getitem__, words))


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content, lower-cased, written out and stemmed, in order
    ("Pelosi has led House Democrats since" → pelosi, led, hous, democrat)."""
    return [s for s in map(_STEMS.__getitem__, words_of(text)) if s is not None]


@lru_cache(maxsize=1 << 17)
def content_word_set(name: str) -> frozenset[str]:
    """The `content_words` of a name as a set, remembered for the process (as the stems are):
    a claimant's or an organisation's name recurs across many rows, articles and pairs (a
    frozenset is safe to share)."""
    return frozenset(content_words(name))


def ascii_content_spans(text: str) -> tuple[list[int], list[str]]:
    """For ASCII `text`: where each content word starts and its stem, in order, as
    `content_words` finds them. A word is a maximal run of letters (three or more), so the
    content words of a slice not cutting a run are those of the runs inside it."""
    found = list(_ASCII_WORD.finditer(text.lower()))
    stems = list(map(_STEMS.__getitem__, map(_GROUP, found)))
    keep = list(map(is_not, stems, repeat(None)))  # (C loops: a Python loop a word costs more)
    return list(compress(map(_MATCH_START, found), keep)), list(compress(stems, keep))


@cache
def generic_names() -> frozenset[str]:
    return frozenset(content_words(_data().get("generic_names", {}).get("words", ""))) | _legal_forms()


@cache
def _legal_words() -> frozenset[str]:
    return frozenset(_data().get("legal_forms", {}).get("words", "").split())  # as written, lower case


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(content_words(_data().get("legal_forms", {}).get("words", "")))  # folded alike


_FAMILY = 0.45  # the most two names of one family share: below "one claimant" (0.5)


def name_overlap(a: str, b: str) -> float:
    """How far two names name one thing, by their distinctive words (generic ones such as
    "bank" or "corp" left out): 1 for equal names; when one name's words are all in the other
    ("Acme", "Acme Robotics"), the share of the shorter's found in the other; when each has
    words the other lacks ("First Colonial", "Colonial American"), the share of all their words
    they have in common, so two names of one family are told apart. A generic word of the
    shorter name missing from the longer tells them apart too ("Security Pacific",
    "Louisiana-Pacific")."""
    if a == b:
        return 1.0
    wa, wb = _distinctive(a), _distinctive(b)
    if not wa or not wb:
        return 0.0
    if wa <= wb or wb <= wa:
        fa, fb = _plain(a), _plain(b)
        if fa <= fb or fb <= fa:
            return 1.0
        # each has a word the other lacks ("Security Pacific", "Louisiana-Pacific"; "Franklin
        # Federal Tax-free Income Fund", "Franklin New York Tax-free Income Fund"): two of a family
        return min(len(fa & fb) / len(fa | fb), _FAMILY)
    # each has a distinctive word the other lacks: however many words they share, two of a
    # family ("Franklin California Tax-free Income Fund", "Franklin New York ...")
    return min(len(wa & wb) / len(wa | wb), _FAMILY)


def same_name(a: str, b: str) -> bool:
    """Are two names one name, written alike but for case, legal form and short forms
    ("Federal Paper Board Co", "FEDERAL PAPER BOARD")?"""
    return a == b or _plain(a) == _plain(b)


@lru_cache(maxsize=1 << 16)
def _plain(name: str) -> frozenset[str]:
    """A name's words without its legal form ("Corp", "AG")."""
    return _name_words(name) - _legal_forms()


# a capital standing alone in a name is an initial ("P and C Foods", "H.J. Heinz"): a word of
# the name as much as "Foods" (the stemmer's word list drops single letters)
_INITIAL = re.compile(r"(?<![\w'’])([A-Z])(?![\w'’])")


def _name_words(name: str) -> frozenset[str]:
    """A name's content words, its short forms written out, and its initials."""
    return frozenset(content_words(_written_out(name))) | {f"{c.lower()}." for c in _INITIAL.findall(name)}


_ROW_WORD = re.compile(r"[^\W\d_]+|\d+")


@cache
def _row_variant_words() -> frozenset[str]:
    return frozenset(_data().get("row_variants", {}).get("words", "").split())


@cache
def row_sign_words() -> frozenset[str]:
    """The words of a table row's label that give its sign or its variant, not its line
    (words.toml `row_signs` and `row_variants`), folded as `content_words` folds them."""
    data = _data()
    return frozenset(content_words(" ".join([data.get("row_signs", {}).get("words", ""),
                                             data.get("row_variants", {}).get("words", "")])))


def row_variant(label: str) -> str:
    """The words of a table row's text that set it apart from another row of its label
    (words.toml `row_variants`: "class a", "diluted"), sorted; "" when it has none."""
    words = _ROW_WORD.findall(label.lower())
    variants = _row_variant_words()
    out = set()
    for n, w in enumerate(words):
        if w in variants:
            out.add(w)
            if w in ("class", "klasse") and n + 1 < len(words):
                out.add(f"{w} {words[n + 1]}")
    return " ".join(sorted(out))


@lru_cache(maxsize=1 << 16)
def _distinctive(name: str) -> frozenset[str]:
    """A name's words without the generic ones; names recur across many pairs."""
    return _name_words(name) - generic_names()


@cache
def _name_abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {k.lower(): v for k, v in _data().get("name_abbreviations", {}).items()}
    return re.compile(_alternation(table) + r"(?![\w'])", re.I), table


@cache
def _given_names() -> tuple[re.Pattern[str], dict[str, str]]:
    given = dict(_data().get("given_names", {}))
    table = {**given, **{k.upper(): v for k, v in given.items()}}  # a wire's capitals: "BILL CLINTON"
    # as written (a capital first), before another name or an initial: "Bill Gates", not "bill"
    return re.compile(_alternation(table) + r"(?=\s+[A-Z])"), table


def _alternation(words: dict[str, str]) -> str:
    """Any of `words` as a whole word (not inside one), the longest tried first."""
    keys = sorted(words, key=len, reverse=True) or ["\x00"]
    return r"(?<![\w'])(?:" + "|".join(map(re.escape, keys)) + ")"


def _written_out(name: str) -> str:
    """A name with the wire's short forms written out ("Int'l Hydron": "international Hydron")
    and a given name's familiar form as its formal one ("Dave Brat": "David Brat")."""
    rx, table = _name_abbreviations()
    given, formal = _given_names()
    return given.sub(lambda m: formal[m.group(0)], rx.sub(lambda m: table[m.group(0).lower()], name))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(_data().get("not_names", {}).get("words", "").split())


def is_name(name: str) -> bool:
    """Does a claimant string name something? Not when all its words are wire shorthand,
    months or legal forms ("APR", "QTR SHR", "Co") or carry digits ("May8")."""
    words = [w.lower() for w in _NAME_WORD.findall(name)]
    legal = _legal_words()
    # a legal form alone ("Co", "Company") names no one company
    return any(w.isalpha() and w not in _not_names() and w not in legal for w in words)


_NAME_WORD = re.compile(r"[^\W_]+")


@cache
def _event_verb_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    d = _data().get("event_verbs", {})
    return (frozenset(d.get("skip", "").split()), frozenset(d.get("clause_ends", "").split()),
            tuple(d.get("past_endings", ())), frozenset(d.get("infinitive_marks", ())))


@cache
def running_total_pattern() -> re.Pattern[str]:
    """The `[running_totals]` phrases of words.toml as one pattern."""
    d = _data().get("running_totals", {})
    alts = "|".join(r"\s+".join(map(re.escape, w.split()))
                    for w in sorted(d.get("phrases", []), key=len, reverse=True))
    # "so far as", "up to date": no total so far
    behind = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in d.get("not_before", []))  # each of fixed width
    ahead = "|".join(r"\s+".join(map(re.escape, w.split())) for w in d.get("not_after", [])) or "(?!x)x"
    if not alts:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-]){behind}(?:{alts})(?!\s+(?:{ahead})\b)(?![\w-])", re.I)


def running_total(sentence: str, start: int, end: int) -> bool:
    """Does the figure at `start:end` of `sentence` give a total so far: a phrase of
    `[running_totals]` in words.toml in its clause, at most `reach` characters from it
    ("3.9 mln dlrs has been tendered to date", "so far, holders have tendered 2.1 mln dlrs")?
    Such a total moves from one day's report to the next."""
    reach = int(_data().get("running_totals", {}).get("reach", 60))
    rx = running_total_pattern()
    for m in rx.finditer(sentence, max(0, start - reach), min(len(sentence), end + reach)):
        between = sentence[m.end():start] if m.end() <= start else sentence[end:m.start()]
        # a comma parts them, unless right after an opening phrase ("To date, 3.9 mln dlrs")
        if m.end() <= start and between.lstrip().startswith(","):
            between = between.lstrip()[1:]
        if not _CLAUSE_BREAK.search(between):
            return True
    return False


@cache
def share_of_whole_pattern() -> re.Pattern[str]:
    """The `[shares_of_whole]` phrases of words.toml as one pattern."""
    phrases = _data().get("shares_of_whole", {}).get("phrases", [])
    if not phrases:
        return re.compile(r"(?!x)x")
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


def tells_a_share(sentence: str) -> bool:
    """Does `sentence` tell an amount as a share of a whole ("Of that, $44.7 billion is for tax
    cuts", "$3.5 billion of the money"): a phrase of `[shares_of_whole]` in words.toml?"""
    return share_of_whole_pattern().search(sentence) is not None


_CLAUSE_BREAK = re.compile(r"[,;:!?()]|\.\s|\b(?:but|while|whereas|although|which|who|that)\b", re.I)


@cache
def _ly_nouns() -> frozenset[str]:
    return frozenset(_data().get("event_verbs", {}).get("ly_nouns", "").split())


_CLAUSE_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[^\w\s]")


def event_verb(sentence: str, start: int, end: int) -> frozenset[str]:
    """The stems of the verbs that date the event of a date at `start:end` of `sentence`: on
    each side, the nearest content word of its clause when it is written as a verb ("had to
    apologize Saturday", "on Friday apologized" → apolog); empty when it is a noun or a name
    ([event_verbs] in words.toml)."""
    return frozenset(chain.from_iterable(stem for stem, verb in _nearest_words(sentence, start, end) if verb))


def event_words(sentence: str, start: int, end: int) -> frozenset[str]:
    """The stems of the words a date at `start:end` of `sentence` dates: on each side, the
    nearest content word of its clause, passing over adverbs and modifiers in -ly ("rose
    sharply in 2018" → rose; "a quarterly payout" → payout), never a name ("the lease
    expires in 2018" → expir; "a runoff in mid May" → runoff)."""
    return frozenset(chain.from_iterable(stem for stem, _ in _nearest_words(sentence, start, end, modifiers=False)))


def _nearest_words(sentence: str, start: int, end: int, *, modifiers: bool = True
                   ) -> list[tuple[tuple[str, ...], bool]]:
    """Per side of `start:end`, the stems of the nearest content word of its clause and whether
    it is written as a verb (a past form, or after an infinitive mark); `modifiers=False`
    passes over words in -ly that are no nouns ("sharply", "officially", "quarterly")."""
    skip, ends, past, marks = _event_verb_words()
    ly_nouns = _ly_nouns()
    out: list[tuple[tuple[str, ...], bool]] = []
    for side in (-1, 1):
        tokens = _CLAUSE_TOKEN.findall(sentence[:max(start, 0)] if side < 0 else sentence[end:])
        if side < 0:
            tokens.reverse()
        clause: list[str] = []
        for tok in tokens:
            if not tok[0].isalpha() or tok.lower() in ends:
                break
            clause.append(tok)
        for k, tok in enumerate(clause):
            low = tok.lower()
            if low in skip or tok[0].isupper() or (not modifiers and low.endswith("ly") and low not in ly_nouns):
                continue
            stem = content_words(low)
            if stem:
                before = clause[k + 1] if side < 0 and k + 1 < len(clause) else clause[k - 1] if side > 0 and k else ""
                out.append((tuple(stem), low.endswith(past) or before.lower() in marks))
                break
    return out


@cache
def _measure_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    d = _data().get("measured_items", {})
    return (frozenset(d.get("generic", "").split()), frozenset(d.get("determiners", "").split()),
            frozenset(d.get("links", "").split()))


def makes_a_noun(word: str) -> bool:
    """Whether `word` makes the word after it a noun: a determiner (`[measured_items]
    determiners`: "a", "its") or a possessive ("Velsa's")."""
    return word.lower() in _measure_words()[1] or word.endswith(("'s", "’s"))


_MEASURE_REACH = 60  # characters before an amount that may name what it measures ("capitalisation of")


def measured_spans(text: str, start: int, end: int, s_start: int, s_end: int) -> list[tuple[int, int]]:
    """Where the words stand (offsets in `text`) that say what an amount at `start:end` of the
    English sentence `s_start:s_end` measures: the noun it is "of" ("a total capitalisation of
    £1.4 trillion", "a bid of £1.4bn"), or the nouns it modifies after a determiner or in a
    capitals headline ("a 15 mln dlr bus contract", "ISSUES 150 MLN DLR EUROBOND"). None where
    they name nothing, or only a quantity (`generic`: "a total of", "to the tune of"); a verb
    ending in one of the `[event_verbs]` past endings ends them ("the 5 mln dlrs paid")."""
    generic, _, links = _measure_words()
    out: list[tuple[int, int]] = []
    before = list(_CLAUSE_TOKEN.finditer(text, max(start - _MEASURE_REACH, s_start), start))
    if len(before) >= 2 and before[-1].group().lower() in links:
        noun = before[-2].group()
        if noun[0].isalpha() and noun.islower() and noun not in generic:
            out.append(before[-2].span())
    last = before[-1].group() if before else ""
    headline = text[s_start:s_end].isupper()
    if headline or makes_a_noun(last):
        past = _event_verb_words()[2]
        for tok in list(_CLAUSE_TOKEN.finditer(text, end, min(end + _MEASURE_REACH, s_end)))[:3]:
            word = tok.group()
            low = word.lower()
            if (not word[0].isalpha() or low in stopwords() or low in generic or (word[0].isupper() and not headline)
                    or low.endswith(past)):
                break
            out.append(tok.span())
    return out
