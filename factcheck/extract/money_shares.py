"""Per-share amounts read from the sense of the sentence: an amount in the place of an
earlier per-share amount ("58 mln dlrs, or 2.05 dlrs a share, from ... 44 cts"), a
share's price or move ("shares rose 40 cts to"), a quoted price and a block of shares in a
share-market report.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.money_conversions import PARALLEL, PARALLEL_RATIO, PARALLEL_TOTAL
from factcheck.extract.money_figure import Figure, amount_of
from factcheck.extract.money_lexicon import FAMILY, LEX, alternatives
from factcheck.extract.money_patterns import LONG_MAG_RE, PARALLEL_END, SENTENCE_BREAK
from factcheck.extract.money_rates import SHARES_AT_LEX, last_match

_PARALLEL_REACH = int(PARALLEL["reach"])
# "12 mln dlrs, or 44 cts", "1,5 Mio. oder 30 Cent", "5 mln dlrs (50 cts"
_APPOSITION = re.compile(r"\s{0,2}(?:,?\s{1,3}(?:" + alternatives(PARALLEL["apposition"], ci=True)
                         + r")\s{1,3}|\(\s{0,2})")
# "31 cts a share on net income of 402,000 dlrs"
_ON_TOTAL = re.compile(r"\s{1,3}(?:" + alternatives(PARALLEL["on"], ci=True)
                       + r")(?:\s{1,3}[^\W\d_]{1,20}){0,3}\s{1,3}")
# ", up from a loss of 19 cts", " nach 0,95 Euro", ", vs 30 cts"
_PARALLEL_LINK = re.compile(
    r"(?:\s{1,3}(?:" + alternatives(PARALLEL["before_link"], ci=True) + r"|(?:19|20)\d\d(?!\d))){0,3}"
    r"[,;]?\s{1,3}(?:(?:" + alternatives(PARALLEL["link_adverbs"], ci=True) + r")\s{1,3})?(?:"
    + alternatives(PARALLEL["links"], ci=True) + r")(?:\s{1,3}[^\W\d_]{1,20}){0,"
    + str(int(PARALLEL["link_words"])) + r"}\s{1,3}")


def _total_of(total: Figure, fig: Figure) -> bool:
    """Whether `total` is a total beside the per-share amount `fig` (see [per_share_parallel])."""
    if total.per is not None or (total.vague is not None and total.qualifier != "range"):
        return False
    if total.magnitude:
        return True
    t, a = amount_of(total), amount_of(fig)
    return t is not None and a is not None and t >= a * PARALLEL_TOTAL


def parallel_shares(text: str, figs: list[Figure]) -> None:
    """An amount in the place of an earlier per-share amount of its sentence is per share (see
    [per_share_parallel] in money.toml): "58 mln dlrs, or 2.05 dlrs a share, from a loss of 12
    mln dlrs, or 44 cts", "1,20 Euro je Aktie nach 0,95 Euro"."""
    share: Figure | None = None  # the last per-share amount of the sentence
    paired: Figure | None = None  # the total it was set beside
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
                or PARALLEL_END.search(text, share.end, fig.start):
            share = None
            continue
        if fig.per is not None:
            share = None  # an amount with a rate of its own ends the parallel
            continue
        if not fig.has_currency or fig.magnitude or fig.vague is not None or not fig.number \
                or not (fig.currency == share.currency or (fig.family in FAMILY
                        and share.currency in FAMILY[fig.family].members)):
            continue
        a, s = amount_of(fig), amount_of(share)
        if a is None or s is None or not s / PARALLEL_RATIO <= a <= s * PARALLEL_RATIO:
            continue
        prev = figs[i - 1]
        if (prev is not share and paired is not None and prev is not paired and _total_of(prev, fig)
                and _APPOSITION.fullmatch(text, prev.end, fig.start)) \
                or ((prev is share or prev is paired) and _PARALLEL_LINK.fullmatch(text, prev.end, fig.start)):
            fig.per = "share"
            share, paired = fig, prev if prev is not share and prev is not paired else None


_MOVE = LEX["per_share_move"]
_MOVE_VERBS = [*_MOVE["verbs"], *("to " + w for w in _MOVE["infinitives"])]
_MOVE_VERB = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE_VERBS, ci=True) + r")(?![\w-])")
# the same words with no test of the letter before them: a search that skips fast to their first
# letters, and finds one wherever _MOVE_VERB would
_MOVE_VERB_ANY = re.compile("(?:" + alternatives(_MOVE_VERBS, ci=True, guard=False) + r")(?![\w-])")
_SHARE_WORD = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["share_words"], ci=True) + r")(?![\w-])")
_REPORT_WORD = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["report_words"], ci=True) + r")(?![\w-])")
_NOT_SUBJECT = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["not_subjects"], ci=True) + r")(?![\w-])")
_OWN_PRICE = frozenset(w.lower() for w in _MOVE["own_price"])
_SHARE_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["share_words"], ci=True)
                                + r")[ \t\n]{1,3}\Z")
_NOT_SUBJECT_CLAUSE = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["not_subjects_clause"], ci=True)
                                 + r")(?![\w-])")
_CLAUSE_BREAK = re.compile(r"[.;:!?](?=\s)|,(?=\s)|\n[ \t]*\n|\n[ \t]{2,}|[()]")
_MOVE_REACH = int(_MOVE["reach"])
MOVE_BELOW = Decimal(str(_MOVE["below"]))
_REPORT_LEAD = int(_MOVE["report_lead"])
WORD_RUN = re.compile(r"\S+")


def _is_report(text: str, title: str | None, report: list[bool]) -> bool:
    """Whether the story is a share-market report (its title or lead names the market; read once)."""
    if not report:
        report.append(bool(_REPORT_WORD.search(title or "") or _REPORT_WORD.search(text, 0, _REPORT_LEAD)))
    return report[0]


def share_move(text: str, pos: int, title: str | None, report: list[bool]) -> bool:
    """Whether the small amount at `pos` is a share's price or move ("shares rose 40 cts to")."""
    window = text[max(0, pos - 100):pos]
    if _MOVE_VERB_ANY.search(window) is None:
        return False
    verb = last_match(_MOVE_VERB, window)
    if verb is None:
        return False
    start = 0
    for br in _CLAUSE_BREAK.finditer(window):
        start = br.end()
    if verb.start() < start or len(WORD_RUN.findall(window, verb.end())) >= _MOVE_REACH:
        return False
    sentence = 0
    for br in SENTENCE_BREAK.finditer(window):
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


_PRONOUN = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_MOVE["pronouns"], ci=True) + r")(?![\w-])")
_PRONOUN_REACH = int(_MOVE["pronoun_reach"])


def _shares_before(text: str, clause: int) -> bool:
    """Whether the subject last named before the clause at `clause` is a share (see `pronouns` in
    [per_share_move]): a share word, with no other subject after it (an amount's unit, "rose 30
    cts to 2.50 dlrs", is none)."""
    lo = max(0, clause - _PRONOUN_REACH)
    share = last_match(_SHARE_WORD, text, lo, clause)
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
    r"(?<![\w.,])(?:\d{1,4}(?:\.\d{1,3})?[ \t\n]{1,3}(?:" + alternatives(LEX["per_share_block"]["block_magnitudes"])
    + r")|\d{1,3}(?:,\d{3})+)(?:[ \t\n]{1,3}[A-Z][\w&'-]{0,20}\.?){1,4}[ \t\n]{1,3}(?:"
    + alternatives(SHARES_AT_LEX["before"]) + r")[ \t\n]{1,3}\Z")


def share_block(text: str, fig: Figure, title: str | None, report: list[bool]) -> bool:
    """Whether the small amount `fig` is the price of a block of shares named by its company in a
    share-market report: "3.0 mln Koala Mining at 45 cents" (see [per_share_block])."""
    lo = max(0, fig.start - 80)
    if text.find(" at", lo, fig.start) < 0 and text.find("\nat", lo, fig.start) < 0 \
            and text.find(" zu", lo, fig.start) < 0:
        return False
    return _BLOCK_AT.search(text, lo, fig.start) is not None and _is_report(text, title, report)


_QUOTE = LEX["per_share_quote"]
_QUOTE_LEVELS = [*_QUOTE["level_before"], *_QUOTE["quote_levels"]]
_QUOTE_LEVEL = re.compile(r"(?<![^\W\d_])(?:" + alternatives(_QUOTE_LEVELS, ci=True) + r")[ \t\n]{1,3}\Z")
_QUOTE_BY_ITSELF = re.compile(r"(?:" + alternatives(_QUOTE["quote_levels"], ci=True) + r")[ \t\n]{1,3}\Z")
_QUOTE_COMPARATIVE = re.compile(r"\s{1,3}(?:" + alternatives(_QUOTE["comparatives"], ci=True) + r")(?![\w-])")
_QUOTE_SHARE = re.compile(r"(?<![^\W\d_])(?P<before>[^\W\d_]+\s{1,3})?(?P<share>"
                          + alternatives([*_QUOTE["share_words"], *_QUOTE["report_share_words"]], ci=True)
                          + r")(?![\w-])")  # (any usual case: "Shares in Orchard sank")
_QUOTE_REPORT_ONLY = frozenset(w.lower() for w in _QUOTE["report_share_words"])
_QUOTE_NOT_STOCK = frozenset(w.lower() for w in _QUOTE["not_stock"])
_QUOTE_EVIDENCE = re.compile(
    r"(?<![^\W\d_])(?:" + alternatives([*_QUOTE["comparatives"], *_QUOTE["quote_words"], *_MOVE["verbs"],
                                           *_QUOTE["percent"]], ci=True) + r")(?![\w-])|\d\s?%")
_QUOTE_PERCENT_LEVEL = re.compile(r"(?:(?<![^\W\d_])(?:" + alternatives(_QUOTE["percent"], ci=True)
                                  + r")|%)[ \t\n]{1,3}\(?(?:" + alternatives(_QUOTE_LEVELS, ci=True)
                                  + r")[ \t\n]{1,3}\Z")
_QUOTE_SHARE_PRICE = re.compile(r"\s{1,3}(?:price|prices|Kurs)(?![\w-])")
_QUOTE_REACH = int(_QUOTE["reach"])
# a sentence's end (not a bracket, not "Mio." or "U.S."): the share word must be in the amount's sentence
_QUOTE_SENTENCE = re.compile(r"(?:(?<=[a-zäöüß]{3})|(?<=\d))[.!?][\"')]?\s+(?=[A-ZÄÖÜ\"])|\n[ \t]*\n|\n[ \t]{2,}")
_NOT_SUBJECT_TAIL = re.compile(r"(?<=[a-zäöüß])(?:" + alternatives(_QUOTE["not_subject_tails"], guard=False)
                               + r")(?![\w-])")


def share_quote(text: str, fig: Figure, title: str | None, report: list[bool]) -> bool:
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
    share = last_match(_QUOTE_SHARE, text, sentence, pos)
    guard = 0
    if share is None and by_itself and sentence > lo:
        share = last_match(_QUOTE_SHARE, text, before, sentence)  # the shares named in the sentence before
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


_UNIT_OF_AMOUNT = re.compile(r"\d(?:[ \t\n]{1,3}" + LONG_MAG_RE + r")?[ \t\n]{1,3}\Z")


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
