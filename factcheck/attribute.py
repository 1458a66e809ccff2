"""Attribution: what claim each mention belongs to.

For every mention of one document this finds the entities of its sentence, the claimant
(`actor`: who invests, raises, is valued, was founded), the metric, whether the figure is
a first step, the whole, an earlier value or a difference (`stage`), the period it covers
(quarter, year), the horizon ("over the next four years") and the sentence with figures
masked. The lexicons live in `factcheck/data/entities.toml` and `metrics.toml`. Everything
works on one document at a time, so it runs wherever extraction runs.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from factcheck.claimlex import Lexicon, may_match, norm
from factcheck.entities import DATELINE, Entity, demote_possessives, find_entities, title_subjects
from factcheck.extract.money import label_as_meant
from factcheck.extract.sentences import SentenceIndex
from factcheck.words import ascii_content_spans, content_words, measured_spans

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "ein": 1, "einem": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "zwölf": 12, "zwanzig": 20,
}
_PASSIVE = re.compile(r"(?:was|were|been|being|is|are|wurde|wurden|worden)\s{1,3}$")
_OFFER_TARGET = re.compile(r"(?i)\b(?:for|acquire|buy|of)\s+(?:all\s+|the\s+)?(?:\w+\s+){0,4}?$")
_LOWER = re.compile(r"[a-zäöüß]")
_VS = re.compile(r"\b(?i:vs)\b")  # "Shr 55 cts vs 46 cts", the flash "SHR 55 CTS VS 46 CTS"
_OF_OWNER = re.compile(r"\s{1,3}(?:of|in)\s{1,3}(?:[a-zA-Z-]{1,15}\s{1,3}){0,4}?of\s{1,3}(?:the\s{1,3})?")
_POSSESSIVE = re.compile(r"['’]s\s{1,3}")
_OWNED_GAP = re.compile(r"(?:[\w-]+\s{1,3}){0,2}")  # "year's [fourth ]quarter"
_DIGITS = re.compile(r"\d")
_REFINE_REACH = 100  # characters before a figure where "includes ... gain" may stand
_TO = re.compile(r"(?<!\w)(?i:to|auf)\s{1,3}$")  # headlines shout: "RAISES PRICE 0.25 CT TO 65.75 CTS"
_NAME_TAIL = re.compile(r"\s{0,2}(?:\([^()\n]{1,30}\)\s{0,2})?")  # between a name and its "(Europe) SA"
_DATELINE_REACH = 400  # characters from the top where a dateline stands
_MOTION_REACH = 20  # characters: a motion word right before a figure ("up 0.50 dlr")
_LAST_WORD = re.compile(r"\b(\w+)\s{1,3}(?:by\s{1,3})?$")
_TO_FIGURE = re.compile(r"(?i)\s{1,3}(?:to|auf)\s{1,3}(?:[$€£]\s?)?\d")


_FOR = re.compile(r"\s+(?:for|um)\b", re.IGNORECASE)  # "corrected for inflation": adjusted, not put right
# "errors ... were corrected": a passive reports what somebody did to a thing (a clerk to cash
# letters, an engineer to a valve); the paper's own correction is active ("corrects", "has
# corrected its net income") or a note
_PASSIVE = re.compile(r"\b(?:was|were|be|been|being|is|are|get|got)\s+$", re.IGNORECASE)


def _corrects(text: str, title: str | None, rows: list[dict[str, Any]], sidx: SentenceIndex, lex: Lexicon) -> bool:
    """Does an article correct an earlier report? Its headline says so ("CORRECTED -"), or its
    text in an editor's note ("Corrects March 30 item to show ...", "Please read ...") or in a
    sentence that states the corrected figure ("said it has corrected its net income to 485,380
    dlrs from 528,790"). "Shortcomings that could be corrected" corrects no report, nor do "cash
    letter errors ... were corrected"."""
    if lex.title_correction_re.search(title or ""):
        return True
    if not may_match(lex.correction_words, text):  # (most articles: no cue anywhere)
        return False
    figured = {r["sent_start"] for r in rows}
    for m in lex.correction_re.finditer(text):
        start, _ = sidx.around(m.start(), m.end())
        if not text[start:m.start()].strip(" \t\n-–—(\"'"):
            return True  # the note opens its sentence
        if start in figured and not _FOR.match(text, m.end()) and not _PASSIVE.search(text, start, m.start()):
            return True
    return False


def attribute(text: str, lang: str, rows: list[dict[str, Any]], sidx: SentenceIndex,
              lex: Lexicon, title: str | None = None) -> None:
    """Fill the attribution columns of one document's `rows` (sorted by `start`).

    Columns: entities, actor, metric, family, stage, period, horizon, masked, context, correction.
    Each row needs `sent_start`/`sent_end` (from extraction).
    """
    if not rows:  # nothing to fill: the names and cues of a text without figures go unread
        return
    ents = find_entities(text, lang, lex)
    subjects = title_subjects(title, lang, lex)
    doc_correction = _corrects(text, title, rows, sidx, lex)
    # no headline: the first name the text gives (its lede's subject)
    subject = subjects[0] if subjects else (
        None if title else next((e.name for e in ents if e.type != "place"), None))
    ctx = _DocContext(text, lex, ents, subject, title)
    # the wire dateline ("NEW YORK, March 18 -") dates the article, it states no event
    dateline = DATELINE.search(text, 0, min(len(text), _DATELINE_REACH))
    # a headline's date marks the report ("GOLD CLOSING - APR 7", "3RD QTR NET"), not an event
    head_end = _headline_end(text, title)
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_sentence.setdefault(r["sent_start"], []).append(r)
    for s_start, group in by_sentence.items():
        s_end = group[0]["sent_end"]
        masked = _mask(text, s_start, s_end, group)
        numbers = [(m.start(), m.end(), m.group(0).replace(",", "")) for m in _NUMBER.finditer(text, s_start, s_end)]
        change = bool(lex.change_re.search(text, s_start, s_end))
        s_dates = [r for r in group if r["kind"] == "date"]
        money_rows = [r for r in group if r["kind"] == "money"]
        bounds = {"money": _Neighbours(money_rows), "date": _Neighbours(group)}
        # the sentence's content words, read once for all its figures (ASCII text only; a lone
        # figure reads its two windows, no faster from the whole sentence)
        words = None
        if len(group) > 1:
            sentence = text[s_start:s_end]
            words = ascii_content_spans(sentence) if sentence.isascii() else None
        for r in group:
            r["figures"] = len(money_rows)
            r["title"] = title
            a, b = bounds["money" if r["kind"] == "money" else "date"].clause(r, s_start, s_end)
            brk = lex.clause_break_re.search(text, r["end"], b)
            if brk:  # "gain 1,637,000 dlrs vs loss 720,000": "loss" is the next figure's
                b = brk.start()
            r["masked"] = masked
            r["context"] = _context(text, s_start, s_end, r["start"], r["end"], words)
            r["numbers"] = _other_numbers(numbers, r["start"], r["end"])
            r["correction"] = doc_correction
            r["change"] = change
            ctx.fill(r, s_start, s_end, a, b, s_dates)
            if r["kind"] == "date" and (
                    (dateline and dateline.start() <= r["start"] < dateline.end())
                    or (0 <= r["start"] < head_end and (r.get("guessed") or r.get("resolved")))):
                r["metric"] = r["family"] = "publication"
            if r["kind"] == "date" and r.get("granularity") == "day":
                end = _period_end(text, r["start"], lex)
                if end:  # "2ND QTR FEB 7": the quarter's last day, not the report's date
                    r["metric"], r["family"] = end, "period_end"
        _link_statements(text, money_rows, s_end, lex)
        _lend_periods(money_rows)


_RESULTS = frozenset(("net_income", "operating_income", "loss", "revenue", "special_item"))


def _lend_periods(money_rows: list[dict[str, Any]]) -> None:
    """A figure whose clause names no period, the value a change or comparison starts from or a
    one-off item of a result, is of the period of the sentence's figures it goes with: those of
    its metric ("corrected its fourth quarter net income to 485,380 dlrs from 528,790 dlrs"), or
    for a one-off item those of a result ("For the fourth quarter, it reported earnings of 118.8
    mln dlrs, including a gain of 28.6 mln"), when they name one period. A figure of another
    metric lends nothing ("cut its debt from 500 mln dlrs ... and posted a fourth quarter profit")."""
    for r in money_rows:
        metric = r.get("metric")
        if metric is None or r.get("period") or r.get("table") or not (
                r.get("stage") == "previous" or metric == "special_item"):
            continue
        mates = {m["period"] for m in money_rows if m is not r and m.get("period") and (
            m.get("metric") == metric or (metric == "special_item" and m.get("metric") in _RESULTS))}
        if len(mates) == 1:
            r["period"] = mates.pop()


def _period_end(text: str, start: int, lex: Lexicon) -> str | None:
    """The period whose last day a date at `start` names ("second_quarter_end" after "2ND QTR",
    "third quarter ended"; "year_end" after "year ended"), else None."""
    m = lex.period_end_re.search(text, max(0, start - 40), start)
    if not m:
        return None
    if m.group("whole"):
        return f"{lex.period_end_whole[norm(m.group('whole')).lower()]}_end"
    return f"{lex.period_end_ordinals[m.group('ord').lower()]}_{lex.period_end_periods[m.group('per').lower()]}_end"


def _headline_end(text: str, title: str | None) -> int:
    """Where the headline lines at the top of `text` end (-1: none): the first line when it is
    the title, with the lines right after it that repeat it (wire tables print it twice)."""
    if not title or not text.startswith(title.strip()[:20]):
        return -1
    end = text.find("\n")
    first = text[:end].strip() if end >= 0 else ""
    while end >= 0:
        nxt = text.find("\n", end + 1)
        line = text[end + 1: nxt if nxt >= 0 else len(text)]
        if not first or line.strip() != first:
            break
        end = nxt if nxt >= 0 else len(text)
    return end


class _DocContext:
    """Per-document state shared by the mentions of its sentences."""

    def __init__(self, text: str, lex: Lexicon, ents: list[Entity], subject: str | None,
                 title: str | None) -> None:
        self.text, self.lex, self.ents, self.subject = text, lex, ents, subject
        self.counts = Counter(e.name for e in ents)
        # what the story is about besides its claimants: a loan to Portugal is not a loan to China
        self.objects = sorted({e.name for e in ents if e.type not in ("person", "place") and self.strong(e)})
        # the places a story is about (a loan to Turkey is not a loan to Mexico)
        self.places = sorted({e.name for e in ents if e.type == "place"})
        # read only as far as the last sentence with a figure
        self.appositives = _Scan(lex.appositive_re.finditer(text), lambda m: (m.start(), m.end()))
        self.anaphora = _Scan(lex.anaphora_re.finditer(text),
                              lambda m: (m.start(), m.end(), "project" if m.group("project") else "org"))
        # sorted starts, so each sentence looks only at its own entities (bisect, not a scan)
        self.ents = list(ents)
        self._ent_starts = [e.start for e in self.ents]
        self._per_sentence: dict[tuple[int, str], tuple[list, list, list, list]] = {}
        self._memo: dict[tuple[str, int], Any] = {}
        self.title = title
        self._sections: list[tuple[int, str | None]] | None = None  # read when a table row asks

    @property
    def sections(self) -> list[tuple[int, str | None]]:
        """Where each earnings-table section ("Shr", "3rd qtr", "Year") starts, and its period."""
        if self._sections is None:
            lex, periods = self.lex, self.lex.section_periods
            first = lex.title_period_re.search(self.title or "")
            # .get: a case-insensitive match need not lower-case to a key ("ſix mths")
            self._sections = [(0, periods.get(norm(first.group("sec")).lower()) if first else None)]
            self._sections += [(m.start(), periods.get(norm(m.group("sec")).lower()))
                               for m in lex.section_re.finditer(self.text)]
        return self._sections

    def _sentence(self, s_start: int, s_end: int, kind: str) -> tuple[list, list, list, list]:
        """What every mention of one sentence shares: its entities, anaphora, claimant candidates
        and metric cues; worked out once per sentence and kind, not once per mention."""
        key = (s_start, kind)
        if key not in self._per_sentence:
            text, lex = self.text, self.lex
            s_ents = [e for e in self._within(self.ents, self._ent_starts, s_start, s_end) if self.strong(e)]
            apps = self.appositives.within(s_start, s_end)
            anas = self.anaphora.within(s_start, s_end)
            cands = demote_possessives(text, s_ents, lex.cue_re[kind])
            if apps or anas:  # (most sentences have neither)
                cands = [e for e in cands if not any(x <= e.start < y for x, y in apps)
                         and not any(x <= e.start < y for x, y, _ in anas)]
            cue_hits = [(m.start(), m.end(), lex.cue_metric[kind][norm(m.group(0))])
                        for m in lex.cue_re[kind].finditer(text, s_start, s_end)]
            self._per_sentence[key] = (s_ents, anas, cands, cue_hits)
        return self._per_sentence[key]

    @staticmethod
    def _within(items: list, starts: list[int], a: int, b: int) -> list:
        return items[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]

    def strong(self, e: Entity) -> bool:
        """Is this name specific enough to carry a claim? A lone capitalised word ("National",
        "Computer") is, when it is a known alias, recurs in the article, or heads the story."""
        if e.type != "unknown" or " " in e.name or not e.name.isalpha() or not e.name.istitle():
            return True
        if self.counts[e.name] >= 2 or (self.subject and self.subject.split()[0] == e.name):
            return True
        return bool(self.lex.speaker_after_re.match(self.text, e.end))

    def section_period(self, pos: int) -> str | None:
        period = None
        for start, p in self.sections:
            if start > pos:
                break
            period = p
        return period

    def table_label(self, pos: int) -> dict[str, str] | None:
        """The earnings-table label of the line holding `pos` ("Net", "Shr profit", ...)."""
        line = self.text.rfind("\n", 0, pos) + 1
        d = DATELINE.match(self.text, line)
        if d and d.end() <= pos:
            line = d.end()
        m = self.lex.table_re.match(self.text, line)
        return self.lex.table_labels[norm(m.group("label"))] if m and m.end() <= pos else None

    def row_label(self, r: dict[str, Any]) -> dict[str, str] | None:
        """The table label of a money figure: its line's, else the row the amount reader found
        mid-line (the wire's flash headline "ACME 3RD QTR SHR 55 CTS VS 46 CTS")."""
        label = self.table_label(r["start"])
        if label is None and r.get("row_label"):
            # (as the amount reader read it: "Sasles" is the row "Sales")
            label = self.lex.table_labels_any_case.get(norm(label_as_meant(str(r["row_label"]))).lower())
        return label

    def fill(self, r: dict[str, Any], s_start: int, s_end: int, a: int, b: int,
             s_dates: list[dict[str, Any]]) -> None:
        text, lex, kind = self.text, self.lex, r["kind"]
        s_ents, anas, cands, cue_hits = self._sentence(s_start, s_end, kind)
        local = [h for h in cue_hits if a <= h[0] < b]
        metric = _nearest(local or cue_hits, r["start"], r["end"])
        if kind == "date":
            metric = lex.date_named_before(text, s_start, r["start"]) or metric
        label = self.row_label(r) if kind == "money" else None
        if label:
            metric = label.get("metric", metric)
            r["per"] = r.get("per") or label.get("per")
        if kind == "money" and not label:
            metric = self._refine(metric, r, s_start, s_end)
        # a table's label names what its per-share figure is ("Oper shr", "Shr diluted")
        if kind == "money" and not label and r.get("per") == "share" and metric not in (
                "dividend", "offer", "net_income", "loss"):
            metric = "price_per_share"
        r["entities"] = list(self._names(s_start, kind, s_ents))
        r["metric"] = metric
        r["family"] = lex.metric_family.get(metric) if metric else None
        r["horizon"] = self._horizon(a, b) or self._sentence_horizon(s_start, s_end)
        r["period"] = self._period(r, a, b, s_dates, label)
        if kind == "money":
            r["stage"] = self._stage(r, a, b, label, s_start)
            # "raised its bid to 110 dlrs": the new value of a change the sentence states
            r["revised"] = bool(r.get("change")) and _TO.search(text, max(0, r["start"] - 6), r["start"]) is not None
            r["actor"] = self.subject if label else self._money_actor(r, cands, anas, metric)
        else:
            r["stage"] = None
            cue_pos = [h for h in cue_hits if h[2] == metric]
            r["actor"] = _date_actor(text, r, cands, cue_pos, metric)
            if r["actor"] is None and metric and not s_ents:
                r["actor"] = self.subject  # "Pay April 15" in a dividend table
        if r["actor"] and r["actor"] not in lex.types and r["actor"] != self.subject and self._shouts(s_start, s_end):
            # in a sentence in capitals ("MAGMA RAISES COPPER PRICE 0.25 CT TO 65.75 CTS") capitals
            # mark no name: a guessed one ("CT TO") is none; the headline's company stands
            r["actor"] = self.subject
        r["table"] = bool(label)
        # what the words right at an amount say it measures, as a metric family ("a total
        # capitalisation of £1.4 trillion": valuation; "a bid of £1.4bn": offer); English only
        r["item"] = self._item(r, s_start, s_end, cue_hits) if kind == "money" and not label else None
        # a claimant the entity lexicon knows (an alias resolved), not a guessed proper name
        r["actor_known"] = r["actor"] in lex.types if r.get("actor") else False
        r["objects"] = self.objects
        r["places"] = self.places
        r["subject"] = self.subject

    def _item(self, r: dict[str, Any], s_start: int, s_end: int, cue_hits: list) -> str | None:
        if r.get("lang", "en") != "en":
            return None
        spans = measured_spans(self.text, r["start"], r["end"], s_start, s_end)
        if spans and self._shouts(s_start, s_end):
            # a capitals headline ("WINS 15 MLN DLR BUS CONTRACT"): its words read as the lexicon
            # writes them (cues are case-sensitive, so only its lower-case cues can match)
            said = [self.lex.cue_re["money"].match(self.text[a:b].lower()) for a, b in spans]
            metrics = [self.lex.cue_metric["money"].get(norm(m.group(0))) for m in said if m]
        else:
            metrics = [m for h0, h1, m in cue_hits if any(h0 < b and h1 > a for a, b in spans)]
        kinds = {self.lex.metric_family.get(m, m) for m in metrics if m}
        return kinds.pop() if len(kinds) == 1 else None

    def _names(self, s_start: int, kind: str, s_ents: list[Entity]) -> tuple[str, ...]:
        key = ("names", s_start, kind)
        if key not in self._memo:  # once per sentence, not per figure
            self._memo[key] = tuple(dict.fromkeys(e.name for e in s_ents if e.type != "place"))
        return self._memo[key]

    def _horizon(self, a: int, b: int) -> str | None:
        key = ("horizon", a, b)  # a date's span is read again for every figure of its sentence
        if key not in self._memo:
            self._memo[key] = _horizon(self.text, a, b, self.lex)
        return self._memo[key]

    def _sentence_horizon(self, s_start: int, s_end: int) -> str | None:
        key = ("sentence_horizon", s_start)
        if key not in self._memo:  # once per sentence, not per figure: linear on long sentences
            self._memo[key] = _horizon(self.text, s_start, s_end, self.lex)
        return self._memo[key]

    def _shouts(self, s_start: int, s_end: int) -> bool:
        key = ("shouts", s_start)
        if key not in self._memo:
            self._memo[key] = _LOWER.search(self.text, s_start, s_end) is None
        return self._memo[key]

    def _says(self, rx: re.Pattern[str], s_start: int, s_end: int) -> bool:
        key = (rx.pattern, s_start)
        if key not in self._memo:
            self._memo[key] = rx.search(self.text, s_start, s_end) is not None
        return self._memo[key]

    def _refine(self, metric: str | None, r: dict[str, Any], s_start: int, s_end: int) -> str | None:
        """Re-read the metric when the sentence says what kind of figure it is (`[refine]`)."""
        reach = max(s_start, r["start"] - _REFINE_REACH)
        for ref in self.lex.refinements:
            if (metric or "") not in ref.metrics:
                continue
            if ref.sentence_re is not None and self._says(ref.sentence_re, s_start, s_end):
                return ref.metric
            # "includes gain of 40 cts": the words stand shortly before the figure
            if ref.before_re is not None and ref.before_re.search(self.text, reach, r["start"]):
                return ref.metric
            # ... or around it: "excludes 706,000 dlr loss from discontinued operations"
            if (ref.just_before_re is not None and ref.just_after_re is not None
                    and ref.just_before_re.search(self.text, reach, r["start"])
                    and ref.just_after_re.match(self.text, r["end"])):
                return ref.metric
        return metric

    def _stage(self, r: dict[str, Any], a: int, b: int, label: dict[str, str] | None, s_start: int) -> str:
        """`label`: the figure's table label (`row_label`), None in prose."""
        text, lex = self.text, self.lex
        line = text.rfind("\n", 0, r["start"]) + 1
        if label and _VS.search(text, line, r["start"]):
            return "previous"  # "Shr profit 37 cts vs loss 10 cts": last year's column
        if not label and lex.prev_opener_re.match(text, s_start, r["start"]):
            return "previous"  # "Previously, Zico had bought 965,000 shares for 31 dlrs a share"
        if lex.prev_before_re.search(text, max(0, r["start"] - 30), r["start"]) or lex.prev_after_re.match(
                text[r["end"] : r["end"] + 40]):
            return "previous"
        if lex.difference_re.match(text[r["end"] : r["end"] + 30]):
            return "difference"
        # the verb in the same clause: "raised its stake, funded by 50 mln" states no change of 50 mln
        c = max(a, text.rfind(",", a, r["start"]) + 1, text.rfind(";", a, r["start"]) + 1)
        if lex.by_re.search(text, max(0, r["start"] - 8), r["start"]) and (
                lex.change_re.search(text, c, r["start"]) or lex.motion_re.search(text, c, r["start"])):
            return "difference"  # "raising its price by 0.50 cent": the size of a change
        last = _LAST_WORD.search(text, max(c, r["start"] - _MOTION_REACH), r["start"])
        if last and lex.motion_re.fullmatch(last.group(1)):
            return "difference"  # "rose 50 cts", "SEEN UP 0.50 DLR": the size of a move
        if _TO_FIGURE.match(text, r["end"]):
            before = text[c:r["start"]].lower()  # headlines shout: "RAISES PRICE 0.50 CT TO 66 CTS"
            if lex.change_re.search(before) or lex.motion_re.search(before):
                return "difference"  # "raised its price 0.50 cent to 66 cents": the change, then the new value
        hits = [(m.start(), m.end(), "initial" if m.group("initial") else "total")
                for m in lex.stage_re.finditer(text, a, b)]
        return _nearest(hits, r["start"], r["end"]) or "total"

    def _period(self, r: dict[str, Any], a: int, b: int, s_dates: list[dict[str, Any]],
                label: dict[str, str] | None) -> str | None:
        if label:
            return self.section_period(r["start"])
        found = _nearest(self._period_hits(a, b), r["start"], r["end"])
        return found or _nearest(self._dated_periods(r, a, b, s_dates), r["start"], r["end"])

    def _period_hits(self, a: int, b: int) -> list[tuple[int, int, str]]:
        hits = [(m.start(), m.end(), self.lex.period_cues.get(norm(m.group(0)).lower(), "Y"))
                for m in self.lex.period_re.finditer(self.text, a, b)]
        # "last year's fourth quarter": a period that owns the next one (a word or two on) only
        # says which year that one falls in; the period meant is the one it owns
        owned = {n for n in range(len(hits) - 1) if (m := _POSSESSIVE.match(self.text, hits[n][1]))
                 and _OWNED_GAP.fullmatch(self.text, m.end(), hits[n + 1][0])}
        return [h for n, h in enumerate(hits) if n not in owned]

    def _dated_periods(self, r: dict[str, Any], a: int, b: int, s_dates: list[dict[str, Any]]
                       ) -> list[tuple[int, int, str]]:
        """The dates of `a:b` that name a quarter, half or year ("over the next four years" is a
        horizon, not a period)."""
        gran = {"quarter": "Q", "half": "H", "year": "Y"}
        return [(d["start"], d["end"], gran[d["granularity"]]) for d in s_dates
                if d is not r and d.get("granularity") in gran and a <= d["start"] < b
                and not _multi_year(d) and self._horizon(d["start"], d["end"]) is None]

    def _owns_metric(self, e: Entity) -> bool:
        """"OpenAI's valuation": the entity owns the metric word that follows it."""
        m = _POSSESSIVE.match(self.text, e.end)
        return m is not None and self.lex.cue_re["money"].match(self.text, m.end()) is not None

    def _agent(self, e: Entity) -> bool:
        """Is the name a deal's agent ("arranger Mitsubishi Bank", "Nomura, the lead manager")?"""
        return bool(self.lex.agent_before_re.search(self.text, max(0, e.start - 40), e.start)
                    or self.lex.agent_after_re.match(self.text, e.end))

    def _money_actor(self, r, cands, anas, metric) -> str | None:
        """Who the figure is about, in order of evidence: "OpenAI's valuation", a bid's target,
        "the project" pointing back, the speaker ("National Pizza said"), the nearest name."""
        usable = [e for e in cands if not e.demoted and e.type != "place"]
        text = self.text
        parties, agent_end = [], -1
        for e in usable:
            # "arranger Mitsubishi Bank (Europe) SA": the name's tail read apart is the agent too
            if self._agent(e) or (agent_end >= 0 and _NAME_TAIL.fullmatch(text, agent_end, e.start)):
                agent_end = e.end
            else:
                parties.append(e)
        usable = parties  # the arranger or lead manager of a loan is no party to it
        owners = [e for e in usable if e.end <= r["start"] and (
            self._owns_metric(e) or _POSSESSIVE.fullmatch(text, e.end, r["start"]))]
        owners += [e for e in usable if e.start > r["end"] and _OF_OWNER.fullmatch(text, r["end"], e.start)]
        if owners:  # "OpenAI's valuation", "Mack Trucks Inc's 40 mln dlrs", "700 mln dlrs of debt of Dana"
            return owners[-1].name if owners[-1].end <= r["start"] else owners[0].name
        if metric == "offer":
            # a bid is about its target ("tender offer for all shares of GenCorp"), else
            # about the sentence's subject ("GenCorp was placed on creditwatch after ... offer")
            targets = [e for e in usable if _OFFER_TARGET.search(self.text, max(0, e.start - 60), e.start)]
            if targets:
                return targets[0].name
            return usable[0].name if usable else self.subject
        left = [e for e in usable if e.end <= r["start"]]
        nearest = left[-1] if left else None
        ana = [x for x in anas if x[1] <= r["start"]]
        if ana and (nearest is None or ana[-1][0] > nearest.end):
            want = ana[-1][2]
            # the last organisations named before the anaphor (a bounded look back)
            upto = bisect.bisect_left(self._ent_starts, ana[-1][0])
            before = [e for e in self.ents[max(0, upto - 200) : upto]
                      if e.end <= ana[-1][0] and e.type in (want, "org", "project")]
            typed = [e for e in before if e.type == want]
            pick = (typed or before)[-1:]
            return pick[0].name if pick else self.subject
        speakers = [e for e in left if self.lex.speaker_after_re.match(text, e.end)
                    or self.lex.speaker_before_re.search(text, max(0, e.start - 12), e.start)]
        if speakers:  # the nearest: "Moody's noted that First Wisconsin said it would add ..."
            return speakers[-1].name
        if nearest is not None:
            return nearest.name
        right = [e for e in usable if e.start >= r["end"]]
        return right[0].name if right else self.subject


def _date_actor(text, r, cands, cue_hits, metric) -> str | None:
    """The organisation an event date is about; people only when no organisation is named; a
    possessor when the sentence names no one else ("Pryce's lease expires in 2019" dates something
    of Pryce's: without him the date would have no claimant)."""
    usable = [e for e in cands if not e.demoted and e.type != "place"] or [e for e in cands if e.type != "place"]
    pool = [e for e in usable if e.type != "person"] or usable
    if not pool:
        return None
    if not cue_hits:
        return min(pool, key=lambda e: abs(e.start - r["start"])).name
    cue_start, cue_end = cue_hits[0][0], cue_hits[0][1]
    if metric == "launch":
        # "Musk launched a rival called xAI": what was launched, not who launched it;
        # "xAI was launched in 2023": the passive subject.
        if _PASSIVE.search(text, max(0, cue_start - 12), cue_start):
            before = [e for e in pool if e.end <= cue_start]
            return before[-1].name if before else None
        after = [e for e in pool if e.start >= cue_end]
        return after[0].name if after else None
    return min(pool, key=lambda e: abs(e.start - cue_start)).name


# Figures of one statement: "67.6 mln dlrs, or 4.72 dlrs a share" (the same item per share),
# "gain 1,637,000 dlrs vs loss 720,000 dlrs" (this period and the last).
_OR_LINK = re.compile(r"\s{0,3},?\s{0,3}(?:or|oder)\s{1,3}$")
_VS_LINK = re.compile(r"\s{0,3},?\s{0,3}(?:vs\.?|versus|compared\s{1,3}with|against)\b[^\d\n]{0,25}$")
# a period stated after a statement's figures: "... in the quarter", "for the six months"
_TRAILING_PERIOD = re.compile(r"\s{0,3},?\s{0,3}(?:in|for|during|im)\s{1,3}(?:the\s{1,3}|this\s{1,3}|latest\s{1,3})?")


def _link_statements(text: str, money_rows: list[dict[str, Any]], s_end: int, lex: Lexicon) -> None:
    """Let the figures of one statement share what the statement says once.

    A figure after ", or" ("67.6 mln dlrs, or 4.72 dlrs a share") restates the figure before it
    (its metric, stage and period); a period named right after the statement ("in the quarter", "for the six months")
    is the period of all its figures, whatever the sentence says elsewhere.
    """
    rows = money_rows  # in text order, as `attribute` receives them
    units: list[list[dict[str, Any]]] = []
    for i, r in enumerate(rows):
        prev = rows[i - 1] if i else None
        gap = text[prev["end"] : r["start"]] if prev is not None and prev["end"] <= r["start"] else None
        if gap is not None and _OR_LINK.fullmatch(gap):
            for k in ("metric", "family", "stage", "period"):
                r[k] = prev[k]
            units[-1].append(r)
        elif gap is not None and _VS_LINK.fullmatch(gap):
            units[-1].append(r)
        else:
            units.append([r])
    for j, unit in enumerate(units):
        end = units[j + 1][0]["start"] if j + 1 < len(units) else s_end
        m = _TRAILING_PERIOD.match(text, unit[-1]["end"], end)
        if not m:
            continue
        cue = lex.period_re.match(text, m.end(), end)
        if cue:
            period = lex.period_cues.get(norm(cue.group(0)).lower(), "Y")
            for r in unit:
                r["period"] = period


def _multi_year(d: dict[str, Any]) -> bool:
    s, e = d.get("date_start"), d.get("date_end")
    return bool(s and e) and int(e[:4]) - int(s[:4]) > 1


class _Scan:
    """The matches of a pattern over a whole text, taken from its `finditer` only as far as
    asked: the same matches a full scan gives, without reading past the last figure."""

    def __init__(self, matches: Iterator[re.Match[str]], item: Callable[[re.Match[str]], tuple]) -> None:
        self._matches, self._item = matches, item
        self.items: list[tuple] = []
        self.starts: list[int] = []
        self._done = False

    def within(self, a: int, b: int) -> list[tuple]:
        """The items of the matches starting in [a, b)."""
        while not self._done and (not self.starts or self.starts[-1] < b):
            m = next(self._matches, None)
            if m is None:
                self._done = True
            else:
                self.items.append(self._item(m))
                self.starts.append(m.start())
        return self.items[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


class _Neighbours:
    """The mentions of one sentence by position, to find each one's neighbours by bisection."""

    def __init__(self, peers: list[dict[str, Any]]) -> None:
        self.starts = [p["start"] for p in peers]  # in text order, as `attribute` receives them
        self.ends = sorted(p["end"] for p in peers)

    def clause(self, r: dict[str, Any], s_start: int, s_end: int) -> tuple[int, int]:
        """The stretch of the sentence that belongs to this mention and not to its neighbours:
        from the last end before it to the first start after it."""
        i = bisect.bisect_right(self.ends, r["start"])
        a = max(s_start, self.ends[i - 1]) if i else s_start
        j = bisect.bisect_left(self.starts, r["end"])
        b = min(s_end, self.starts[j]) if j < len(self.starts) else s_end
        return a, b


def _horizon(text: str, a: int, b: int, lex: Lexicon) -> str | None:
    for rx in lex.horizon_res:
        m = rx.search(text, a, b)
        if m:
            unit, n = m.group("unit").lower(), m.group("n").lower()
            if unit in ("through", "until", "by", "bis"):
                return f"until {n}"
            count = int(n) if n.isdigit() else _WORD_NUMBERS.get(n, 0)
            return f"P{count}{'M' if unit.startswith(('month', 'monat')) else 'Y'}"
    return None


def _nearest(matches: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best, best_d = None, None
    for a, b, val in matches:
        d = start - b if b <= start else a - end if a >= end else 0
        if best_d is None or d < best_d:
            best, best_d = val, d
    return best


_CONTEXT_WORDS = 15  # content words kept on each side of a figure, within its sentence
_CONTEXT_REACH = 400  # characters read on each side of a figure for them
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _other_numbers(numbers: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The numbers of a figure's sentence besides its own ("1986", "March 4", other sums):
    two sentences alike in words but not in these tell of two periods or two items."""
    return " ".join(sorted({n for a, b, n in numbers if b <= start or a >= end}))


def _context(text: str, s_start: int, s_end: int, start: int, end: int,
             words: tuple[list[int], list[str]] | None = None) -> str:
    """The content words around a figure in its sentence, nearest last before it and first
    after it: "led house democrats | leader pelosi". The claims stage compares figures of
    different articles by these words (the same sentence template, numbers left out).
    `words`: the content words of the whole (ASCII) sentence (`ascii_content_spans`), read once
    for all its figures: the same words as slicing gives when no window edge cuts a word."""
    lo, hi = max(s_start, start - _CONTEXT_REACH), min(s_end, end + _CONTEXT_REACH)
    if words is not None and not any(_cuts_word(text, p, s_start, s_end) for p in (lo, start, end, hi)):
        starts, stems = words
        i, j = bisect.bisect_left(starts, lo - s_start), bisect.bisect_left(starts, start - s_start)
        k, m = bisect.bisect_left(starts, end - s_start), bisect.bisect_left(starts, hi - s_start)
        before, after = stems[max(i, j - _CONTEXT_WORDS):j], stems[k:min(m, k + _CONTEXT_WORDS)]
    else:
        before = content_words(text[lo:start])[-_CONTEXT_WORDS:]
        after = content_words(text[end:hi])[:_CONTEXT_WORDS]
    return " ".join([*before, "|", *after])


def _cuts_word(text: str, pos: int, s_start: int, s_end: int) -> bool:
    """Does `pos` fall inside a run of letters of the sentence?"""
    return s_start < pos < s_end and text[pos - 1].isalpha() and text[pos].isalpha()


def _mask(text: str, s_start: int, s_end: int, group: list[dict[str, Any]]) -> str:
    """The sentence with each figure replaced by its kind: re-issued stories match on it."""
    parts, pos = [], s_start
    for r in sorted(group, key=lambda x: x["start"]):
        if r["start"] < pos:
            continue
        parts.append(text[pos : r["start"]])
        parts.append("<MONEY>" if r["kind"] == "money" else "<DATE>")
        pos = r["end"]
    parts.append(text[pos:s_end])
    # str.split and strip take the white space that \s takes (both test Py_UNICODE_ISSPACE)
    return " ".join(_DIGITS.sub("#", "".join(parts)).split()).lower()
