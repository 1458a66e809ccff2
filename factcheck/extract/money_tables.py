"""Earnings-table rows in wire copy ("Net 528,790 vs 286,969", the flash headline "ACME
CORP 3RD QTR SHR 55 CTS VS 46 CTS"): what each row's label says it holds, and the labels
the wire misspells.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from factcheck.extract.money_lexicon import LEX, WORDS_EN, alternatives, cased, token_trie

# An earnings-table line: a row label (one to six label words), the figure right after it, and
# "vs" (German "Vorjahr", "Vj.") on the line, or a short line: "    Net 528,790 vs 286,969",
# "Shr loss two cts vs profit five cts", "Umsatz 412,7 Mio. (Vorjahr: 398,1 Mio.)". A paragraph
# that starts "Net profit surged 70% to ..." is prose. The label's words say what the row holds.
TABLE = LEX["table"]
_ROW_CLASSES = [(kind, frozenset(w.lower() for w in TABLE[kind])) for kind in ("not_money", "per_share", "money")]
_PAYOUT_PERIODS = frozenset(w.lower() for w in TABLE["payout_periods"])
_LABEL_WORDS = {w.lower() for kind in ("not_money", "per_share", "money", "words", "payout_periods")
                for w in TABLE[kind]}
_LABEL_WORD = "(?:" + token_trie(cased(_LABEL_WORDS)) + r")(?![\w-])"  # any usual case: "Net", "NET", "net"
_TABLE_ROW = (  # (a dash may part a label's words: "Share - basic 22.2p vs 21.6p")
    r"[ \t]{0,8}(?P<label>" + _LABEL_WORD + r"(?:[ \t]{1,3}(?:[-–][ \t]{1,3})?" + _LABEL_WORD + r"){0,5})[ \t,:]{1,4}"
    r"(?=[\d(]|" + alternatives([k for k, v in WORDS_EN.items() if 1 <= v < 100 and len(k) > 2] + ["nil"], ci=True)
    + r")(?:(?=[^\n]{0,120}(?:\bvs\b|\bVorjahr\b|\bVj\.))[^\n]{0,160}|[^\n]{0,40}(?=\n|\Z))"
)
# a row starts the text or follows a line break: the search for the break is a fast scan
TABLE_LINE = re.compile(r"\n" + _TABLE_ROW)
TABLE_FIRST_LINE = re.compile(_TABLE_ROW)
# The wire's flash headline is a table row in capitals after the company and period:
# "ACME CORP 3RD QTR SHR 55 CTS VS 46 CTS", "ACME YEAR NET 16 MLN DLRS VS 53 MLN DLRS".
FLASH_LINE = re.compile(r"^[^a-z\n]{0,200}?\bVS\b[^a-z\n]{0,200}$", re.M)
FLASH_ROW = re.compile(r"(?<=[ \t])" + _TABLE_ROW)
FLASH_PERIOD = re.compile(r"^(?:(?:QTR|YEAR|YR|NINE|SIX|MTHS|MOS)[ \t]+)+")


_ROW_BREAK = re.compile(r"(?:(?<=[a-z]{4})|(?<=\d))[.;][ \t]{1,3}[A-Z]")  # not "Mio. Euro", "H.K. Cents"


def row_end(text: str, m: re.Match[str]) -> int:
    """Where a table row ends: its line's end, or a sentence that starts after it on the line
    ("minorities nil vs same. Other income: 72.39 mln from ..." is prose after the row)."""
    brk = _ROW_BREAK.search(text, m.end("label"), m.end())
    return brk.start() + 1 if brk else m.end()


_ROW_KIND_MEMO: dict[str, str | None] = {}
_SHARE_COUNTS = frozenset(w.lower() for w in TABLE["share_counts"])
_SHARE_RESULTS = frozenset(w.lower() for w in TABLE["share_results"])
_AVERAGES = frozenset(w.lower() for w in TABLE["averages"])


_YEAR_NEXT = re.compile(r"[ \t,:]{1,4}(?:19|20)\d\d(?!\d)")


def period_before_year(m: re.Match[str]) -> bool:
    """A payout's period before a year is prose, no dividend row: "Annual 1987 sales were ..."."""
    return ({w.lower() for w in m.group("label").split()} <= _PAYOUT_PERIODS
            and _YEAR_NEXT.match(m.string, m.end("label")) is not None)


def row_kind(label: str) -> str | None:
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
_TYPOS = LEX["table_typos"]
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


def typo_rows(text: str, tables: list[tuple[int, int, str, str]]) -> None:
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
            kind = row_kind(" ".join(fixed)) if fixed != m.group("label").split() else None
            if kind is not None:
                tables.append((m.start("label"), row_end(text, m), m.group("label"), kind))
