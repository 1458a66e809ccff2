"""The attribution lexicons of a rule set (`entities.toml`, `metrics.toml`), compiled once."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from factcheck.patterns import trie as alternation
from factcheck.words import makes_a_noun


def norm(s: str) -> str:
    """A matched phrase with its white space folded, as the lexicon writes it."""
    return " ".join(s.split())


class Refinement(NamedTuple):
    """A `[refine.*]` table of metrics.toml: the metric it reads a figure as, the metrics it
    re-reads, and where its words stand: "before ... then" before the figure ("includes a gain
    of"), anywhere in the sentence, or `before` right before the figure with `then` right after
    it ("excludes 706,000 dlr loss")."""
    metric: str
    metrics: frozenset[str]
    before_re: re.Pattern[str] | None
    sentence_re: re.Pattern[str] | None
    just_before_re: re.Pattern[str] | None
    just_after_re: re.Pattern[str] | None


def _words_re(words: list[str], *, before: str = r"(?<![\w])", after: str = r"(?![\w])",
              flags: str = "") -> re.Pattern[str]:
    return re.compile(flags + before + "(?:" + alternation(words or ["\x00"]) + ")" + after)


_RIGHT_BEFORE = 24  # characters before a date where a word that names only it ("record") may stand
_SHORT_CUE = 4  # a cue this short is a word of its own, not a word's start ("div" is no "division")


def _spaced(phrase: str) -> str:
    """A phrase as a pattern whose words may stand one to three spaces or a line break apart."""
    return r"\s{1,3}".join(re.escape(w) for w in phrase.split())


def _cues_re(cues: list[str]) -> re.Pattern[str]:
    """Metric cues as word starts ("dividend" in "dividends", "invest" in "investment"), but a
    short one as a whole word or its plural: "div" and "Net" start "diverting", "division",
    "Netherlands" and "Network". The match is the cue itself, as the lexicon writes it."""
    long_cues = [c for c in cues if len(c) > _SHORT_CUE]
    short = [c for c in cues if len(c) <= _SHORT_CUE]
    parts = []
    if long_cues:
        parts.append(alternation(long_cues))
    if short:
        parts.append("(?:" + alternation(short) + r")(?=(?:e?s)?(?![\w]))")
    return re.compile(r"(?<![\w])(?:" + ("|".join(parts) or "\x00") + ")")


def _before_then_re(before: list[str], then: list[str]) -> re.Pattern[str]:
    """A `before` word followed, at most three words on, by a `then` word (when given):
    "includes gain", "exclude a loss", "excludes discontinued operations gain"."""
    if not then:
        return _words_re(before)
    return re.compile(r"(?<![\w])(?:" + alternation(before) + r")(?:\s{1,3}[\w-]{1,30}){0,3}?\s{1,3}(?:"
                      + alternation(then) + r")(?![\w])")


def _ascii_words(words: list[str]) -> tuple[str, ...] | None:
    """Each word's first token, lower-cased: one of them is in the lower-cased text wherever a
    case-insensitive pattern of `words` (`_words_re`) matches an ASCII text, so a text without
    any need not be searched (the pattern cannot skip ahead to likely characters). None when a
    word is not ASCII (its case may fold to ASCII letters: "ſ", the Kelvin sign)."""
    if not words or not all(w.isascii() and w.split() for w in words):  # (no words: the pattern is "\x00")
        return None
    return tuple(sorted({w.split()[0].lower() for w in words}))


def may_match(words: tuple[str, ...] | None, text: str) -> bool:
    """False only where a case-insensitive pattern of words (`_ascii_words`) cannot match `text`."""
    if words is None or not text.isascii():
        return True
    low = text.lower()
    return any(w in low for w in words)


class Lexicon:
    """Compiled entity aliases, metric cues, stage, period and revision cues."""

    def __init__(self, entities: dict[str, Any], metrics: dict[str, Any]) -> None:
        self.types: dict[str, str] = {}
        surface: dict[str, str] = {}
        for name, spec in entities.get("entity", {}).items():
            self.types[name] = spec.get("type", "unknown")
            for alias in [name, *spec.get("aliases", [])]:
                surface[alias] = name
        self.surface = surface
        aliases = r"(?P<a>" + alternation(list(surface)) + r")(?:['’]s|s)?(?![\w])"
        self.alias_re = re.compile(r"(?<!\w)" + aliases)
        # the same without its opening look-behind, which keeps the regex engine from skipping to
        # the names' first letters: `entities.find_entities` tests the character before instead
        self.alias_scan = re.compile(aliases)
        self.stop = frozenset(entities.get("not_entities", {}).get("words", []))
        self.lone_stop = frozenset(entities.get("demonyms", {}).get("words", []))
        ana = entities.get("anaphora", {})
        self.anaphora_re = re.compile(
            r"(?i)(?<!\w)(?:(?P<project>" + alternation(ana.get("project", ["the project"]))
            + r")|(?P<org>" + alternation(ana.get("org", ["the company"])) + r"))(?!\w)"
        )
        roles = entities.get("roles", {}).get("words", ["CEO"])
        self.appositive_re = re.compile(r",[^,.;]{0,40}?(?<!\w)(?:" + alternation(roles) + r")(?!\w)[^,;]{0,60},")
        self.org_suffixes = frozenset(entities.get("org_suffixes", {}).get("words", []))

        self.metric_family: dict[str, str] = {}
        self.volatile_families: set[str] = set()
        self.strict_families: set[str] = set()
        self.cue_re: dict[str, re.Pattern[str]] = {}
        self.cue_metric: dict[str, dict[str, str]] = {}
        self.date_before: dict[str, str] = {}  # word → the metric of the date right after it
        for kind in ("money", "date"):
            table: dict[str, str] = {}
            for metric, spec in metrics.get(kind, {}).items():
                self.metric_family[metric] = spec.get("family", metric)
                if spec.get("volatile"):
                    self.volatile_families.add(spec.get("family", metric))
                if spec.get("strict"):
                    self.strict_families.add(spec.get("family", metric))
                for cue in spec.get("cues", []):
                    table.setdefault(cue, metric)
                for word in spec.get("right_before", []):
                    self.date_before.setdefault(" ".join(word.split()), metric)
            self.cue_metric[kind] = table
            self.cue_re[kind] = _cues_re(list(table))
        right = metrics.get("right_before", {})
        joins = "|".join(_spaced(w) for w in right.get("joins", []))
        self._date_before_re = re.compile(
            r"(?<![\w])(" + "|".join(_spaced(w) for w in sorted(self.date_before, key=len, reverse=True))
            + r")(?:\s{1,3}(?:" + (joins or "\x00") + r"))?\s{1,3}\Z") if self.date_before else None
        self._not_after = frozenset(w.lower() for w in right.get("not_after", []))
        stage = metrics.get("stage", {})
        self.stage_re = re.compile(
            r"(?<![\w])(?:(?P<initial>" + alternation(stage.get("initial", ["initial"]))
            + r")|(?P<total>" + alternation(stage.get("total", ["total"])) + r"))(?![\w])"
            r"(?![\s-]{1,3}(?:quarter|half|qtr|Quartal|Halbjahr))"  # "first quarter" is a period
        )
        prev = metrics.get("previous", {})
        fillers = alternation(prev.get("fillers", []) or ["\x00"])
        # the cue, then at most four filler words ("versus a loss of"), then the figure; a bare
        # "from" takes no fillers ("income from a gain of 20 mln" is no earlier figure)
        befores = prev.get("before", [])
        with_fillers = _words_re([w for w in befores if w.lower() != "from"],
                                 after=r"(?:\s{1,3}(?:" + fillers + r")(?!\w)){0,4}\s{1,3}$")
        bare = _words_re([w for w in befores if w.lower() == "from"], after=r"\s{1,3}$")
        self.prev_before_re = re.compile(f"{with_fillers.pattern}|{bare.pattern}")
        self.clause_break_re = _words_re(prev.get("clause_breaks", []))
        self.prev_opener_re = _words_re(prev.get("openers", []), before=r"\s*", after=r"\s{0,2},")
        # after the figure, past its unit ("46 dlrs per share previously")
        self.prev_after_re = _words_re(prev.get("after", []),
                                       before=r"^[\s,]{1,3}(?:(?:per|a)\s{1,3}share[\s,]{1,3})?(?:in\s)?")
        diff = metrics.get("difference", {})
        self.difference_re = _words_re(diff.get("after", []), before=r"^\s{1,3}")
        self.by_re = _words_re(diff.get("by", []), after=r"\s{1,3}$")
        self.motion_re = _words_re(diff.get("motion_verbs", []))
        correction = metrics.get("correction", {})
        self.correction_re = _words_re(correction.get("cues", []), flags="(?i)")
        self.correction_words = _ascii_words(correction.get("cues", []))
        self.title_correction_re = _words_re([*correction.get("cues", []), *correction.get("title_cues", [])],
                                             flags="(?i)")
        self.change_re = _words_re(metrics.get("change", {}).get("verbs", []), flags="(?i)")
        self.refinements: list[Refinement] = []
        for metric, spec in metrics.get("refine", {}).items():
            self.metric_family.setdefault(metric, metric)
            before, then = spec.get("before", []), spec.get("then", [])
            both = bool(before and then)
            self.refinements.append(Refinement(
                metric, frozenset(spec.get("metrics", [])),
                _before_then_re(before, then) if before else None,
                _words_re(spec["sentence"]) if spec.get("sentence") else None,
                _words_re(before, after=r"\s{1,3}(?:(?:a|an|the)\s{1,3})?$") if both else None,
                re.compile(r"\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,2}?(?:" + alternation(then) + r")(?![\w])")
                if both else None,
            ))
        self.speaker_after_re = re.compile(
            r"\s{0,3}(?:,[^,.;]{0,60},\s{0,3})?(?:said|says|told|reported|announced|estimated|sagte|sagt|"
            r"teilte|erklärte)\b")
        self.speaker_before_re = re.compile(r"\b(?:said|says|sagte|sagt)\s{1,3}$")
        self.horizon_res = [re.compile(p) for p in metrics.get("horizon", {}).get("patterns", [])]
        roles = metrics.get("agents", {}).get("roles", [])
        # "arranger Mitsubishi Bank", "lead manager is Daiwa" / "Nomura, the lead manager"
        self.agent_before_re = _words_re(roles, after=r"\s{1,3}(?:(?:is|was|were)\s{1,3})?$", flags="(?i)")
        self.agent_after_re = _words_re(roles, before=r",?\s{1,3}(?:(?:the|as|is|was)\s{1,3}){0,2}(?:co-)?",
                                        flags="(?i)")

        labels = metrics.get("table", {}).get("labels", {})
        self.table_labels: dict[str, dict[str, str]] = labels
        self.table_labels_any_case = {norm(k).lower(): v for k, v in labels.items()}  # headlines shout
        # a label marked `figure_next` names a row only with an amount right after it ("Qtrly 25
        # cts", "Final 5.5p"; not "Qtrly sales rose", nor a year: "Annual 1987 sales")
        plain = [k for k, v in labels.items() if not v.get("figure_next")]
        nexted = [k for k, v in labels.items() if v.get("figure_next")]
        either = alternation(plain or ["\x00"]) + (
            r"|(?:" + alternation(nexted) + r")(?=[ \t]+(?:[$£€]|\d{1,3}(?!\d)))" if nexted else "")
        self.table_re = re.compile(r"[ \t]{0,8}(?P<label>" + either + r")\b")
        pe = metrics.get("period_end", {})
        self.period_end_ordinals = {k.lower(): v for k, v in pe.get("ordinals", {}).items()}
        self.period_end_periods = {k.lower(): v for k, v in pe.get("periods", {}).items()}
        self.period_end_whole = {norm(k).lower(): v for k, v in pe.get("whole", {}).items()}
        ends = alternation(pe.get("ends", []) or ["\x00"])
        # "2ND QTR FEB 7", "the third quarter ended January 31", "YEAR ENDED DEC 31": the words
        # right before a date (matched at the end of the text before it)
        self.period_end_re = re.compile(
            r"(?i)(?<![\w])(?:(?P<ord>" + alternation(list(pe.get("ordinals", {})) or ["\x00"]) + r")[ \t\n-]+"
            r"(?P<per>" + alternation(list(pe.get("periods", {})) or ["\x00"]) + r")(?:[ \t\n]+(?:" + ends + r"))?"
            r"|(?P<whole>" + alternation(list(pe.get("whole", {})) or ["\x00"]) + r")[ \t\n]+(?:" + ends + r"))"
            r"[ \t\n,]*$")
        periods = metrics.get("period", {}).get("cues", {})
        self.period_cues = {k.lower(): v for k, v in periods.items()}
        self.period_re = _words_re(list(periods), flags="(?i)")
        sections = metrics.get("period", {}).get("sections", {})
        self.section_periods = {norm(k).lower(): v for k, v in sections.items()}
        words = alternation(list(sections) or ["\x00"])
        self.section_re = re.compile(r"(?im)^[ \t]{0,8}(?P<sec>" + words + r")\b[^\n]{0,40}$")
        self.title_period_re = re.compile(r"(?i)\b(?P<sec>" + words + r")\b")

    def date_named_before(self, text: str, floor: int, start: int) -> str | None:
        """The metric a `right_before` word names for the date at `start` when it stands right
        before it ("payable May 14, record April One", "shareholders of record on April 20"),
        unless a determiner, a possessive (`words.makes_a_noun`) or one of `[right_before]
        not_after` makes it a noun of its own ("closed at a record Friday", "its record 1986
        sales", "a new record Tuesday"); else None. `floor`: where the sentence starts."""
        if self._date_before_re is None:
            return None
        m = self._date_before_re.search(text, max(floor, start - _RIGHT_BEFORE), start)
        if m is None:
            return None
        before = text[max(floor, m.start() - _RIGHT_BEFORE):m.start()].split()[-2:]
        if any(w.lower() in self._not_after or makes_a_noun(w) for w in before):
            return None
        return self.date_before[" ".join(m.group(1).split())]
