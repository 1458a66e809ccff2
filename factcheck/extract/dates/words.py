"""The language data of the date extractor: the words of each language, read from one data file
per language with the same keys (`factcheck/data/dates_en.toml`, `dates_de.toml`), and what is
the same in every language (`dates.toml`: symbols, units, settings).

The patterns read the words of both languages in every document: a German article quotes
"Black Friday", an English one "Oktoberfest", and wire copy mixes them. Where a reading depends
on the document's language, the table of that language is asked for (`lang=`): the days
relative to the publication day ("USA Today" in a German article is a newspaper), the weekday
names, "today" at large and the form of a past participle. The tables below are built once, at
import; their names say what the readers use them for.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from factcheck.datafiles import load

LANGS = ("en", "de")
_DATA = {lang: load(f"dates_{lang}") for lang in LANGS}
_COMMON = load("dates")
WORD_TABLES: set[str] = set()  # the tables whose keys are words, not names (for the data tests)


def _node(data: dict, path: str) -> Any:
    node: Any = data
    for key in path.split("."):
        node = node[key]
    return node


def _sources(path: str, lang: str | None) -> list[Any]:
    """The values at `path` in the common data (if there) and in each language (or one)."""
    out = []
    with contextlib.suppress(KeyError):
        out.append(_node(_COMMON, path))
    for x in (lang,) if lang else LANGS:
        try:
            out.append(_node(_DATA[x], path))
        except KeyError:
            if not out:  # a key of the languages is in each of them (one only in dates.toml is not)
                raise
    return out


def table(path: str, lang: str | None = None) -> dict[str, Any]:
    """The word table at `path` ("holidays.fixed"): lower-cased word -> value, of every
    language (the later language wins a word both have) or of `lang` alone."""
    WORD_TABLES.add(path)
    out: dict[str, Any] = {}
    for t in _sources(path, lang):
        out.update({str(k).lower(): v for k, v in t.items()})
    return out


def words(path: str, lang: str | None = None) -> set[str]:
    """The lower-cased word list at `path` ("ambiguous_months.words"), of every language or one."""
    return {w.lower() for ws in _sources(path, lang) for w in ws}


def setting(path: str) -> Any:
    """A setting of `dates.toml` (the same in every language)."""
    return _node(_COMMON, path)


def by_lang(path: str) -> dict[str, set[str]]:
    """The word list at `path` per language."""
    return {lang: words(path, lang) for lang in LANGS}


# ----------------------------------------------------------------------------- calendar words

MONTH_FULL = table("months")
MONTH_ABBR = table("month_abbreviations")
MONTHS = {**MONTH_FULL, **MONTH_ABBR}
AMBIGUOUS_MONTHS = words("ambiguous_months.words")
WEEKDAYS = table("weekdays")
WEEKDAY_ABBR = table("weekday_abbreviations")
WEEKDAYS_LANG = {lang: set(table("weekdays", lang)) for lang in LANGS}
WEEKDAY_SUFFIXES = words("weekday_suffixes.words")
NOT_WEEKDAY_BEFORE = words("not_a_weekday_before.words")
COUNT_WORDS = table("count_words")
QUARTER_ORD = table("quarter_ordinals")
QUARTER_WORDS = words("quarter_words.words")
QUARTER_MONTHS = table("quarter_months")
HALF_ORD = table("half_ordinals")
HALF_WITH_YEAR = words("half_words.with_year")
HALF_CALENDAR = words("half_words.calendar")
DECADE_WORDS = table("decade_words")
SEASONS = table("seasons.names")
SEASON_OF_YEAR_NOT = words("season_of_year.not_words")
THIRD_WORDS = table("period_thirds.words")
NTH = table("nth_weekday_ordinals")
SCHEDULE_BEFORE = words("weekday_schedules.before")
SCHEDULE_AFTER = words("weekday_schedules.after")
WEEK_WORDS = words("week_words.words")
WEEK_ORD = table("week_ordinals")
WEEK_EDGES = table("week_edges")
WEEK_AFTER_NEXT = {re.sub(r"\s+", " ", k): v for k, v in table("week_after_next").items()}
FISCAL = words("fiscal_words.words")
CAPITALS_ONLY = words("capitals_only.words")  # "EOY", "FY2024": not "boy", "fy"

# ----------------------------------------------------------------------------- relative words

REL_YEAR = table("relative_year_words")
REL_UNITS = table("relative_units")
PREV_PERIOD = table("previous_period_words")  # word -> [granularity, offset]
DAYS_REL_LANG = {lang: {re.sub(r"\s+", " ", k): v for k, v in table("days_relative", lang).items()}
                 for lang in LANGS}
DAYS_REL = {k: v for t in DAYS_REL_LANG.values() for k, v in t.items()}
RELATIVE_DAY_TITLE_AFTER = words("relative_day.title_after")
RELATIVE_DAY_NOUNS = words("relative_day.noun_when_capitalised")
RELATIVE_DAY_NOUN_AFTER = words("relative_day.noun_after")
AGO_UNITS = table("ago_units")
NU_REL = table("next_n.direction")
NU_COUNT = {**table("next_n.counts"), **{k: v for k, v in COUNT_WORDS.items() if v}}
NU_UNITS = table("next_n.units")
NU_NEEDS_THE = words("next_units.needs_the")
NU_MAY_BE_VERB = words("next_units.may_be_verb")
WEEK_REL = {**REL_YEAR, **table("next_n.week_extra")}
IN_UNITS_BEFORE = words("in_units.before")
IN_UNITS_SPAN_BEFORE = tuple(sorted(words("in_units.span_before")))
IN_UNITS_AFTER = {re.sub(r"\s+", " ", k): v for k, v in table("in_units.after").items()}
IN_UNITS_NOT_AFTER = words("in_units.not_after")
IN_UNITS_NOT_AFTER_ENDINGS = tuple(sorted(words("in_units.not_after_endings")))
IN_UNITS_LEFT_TO_AGO = words("in_units.left_to_ago")
CDUR_AFTER = {re.sub(r"\s+", " ", k): v for k, v in table("compound_duration.after").items()}
PERIOD_EDGES = table("period_edges")  # word -> [granularity, part: 0, 1, 2 or "rest"]
# a part of a period written before it: "before" or "after" the publication day, or a third
PERIOD_PARTS: dict[str, str | int] = {**THIRD_WORDS, **table("period_parts")}
PERIOD_PARTS_AFTER = table("period_parts_after")  # "this year so far"
PART_NOT_AFTER = words("period_part_context.not_after")
PART_NEEDS_OF = words("period_part_context.needs_of")
PERIOD_PART_UNITS = {**REL_UNITS, **dict.fromkeys(WEEK_WORDS, "week")}  # "earlier this week" too
WEEKDAY_MODS = table("weekday_modifiers")
HOLIDAY_MODS = table("holiday_modifiers")

# ----------------------------------------------------------------------------- holidays

HOL_FIXED = table("holidays.fixed")
HOL_EASTER = table("holidays.easter")
HOL_NTH = table("holidays.nth_weekday")
HOL_ORTHODOX = table("holidays.orthodox")
HOL_HEBREW = table("holidays.hebrew")
HOL_ISLAMIC = table("holidays.islamic")
HOL_OTHER = table("holidays.other")
HOLIDAYS = {**HOL_FIXED, **HOL_EASTER, **HOL_NTH, **HOL_ORTHODOX, **HOL_HEBREW, **HOL_ISLAMIC, **HOL_OTHER}
HOLIDAYS.update({k.replace("'", "\u2019"): v for k, v in HOLIDAYS.items() if "'" in k})
HOL_KEY = {re.sub(r"[\s\u00a0-]+", " ", k).replace("\u2019", "'"): k for k in HOLIDAYS}
NOT_HOLIDAY_BEFORE = words("not_a_holiday_before.words")

# ----------------------------------------------------------------------------- context words

MONTH_MODS = {mode: words(f"month_modifiers.{mode}") for mode in _DATA["en"]["month_modifiers"]}
MONTH_MOD_MODE = {w: mode for mode, ws in MONTH_MODS.items() for w in ws}
BARE_MONTH_IN_SPAN = words("bare_month.in_span")
BARE_MONTH_THIRDS = table("bare_month.thirds")
POSSESSIVE_MONTHS = words("bare_month.possessive")
NAME_BEFORE = words("bare_month.name_before")
PERSON_AFTER = words("bare_month.person_after")
BETWEEN = words("range_starters.between")
YEAR_HYPHEN_OK = words("year_prefixes_allowed.words")
NOT_YEAR_BEFORE = words("not_a_year_before.words")
YEAR_OK_BEFORE = words("year_ok_before.words")
NOT_YEAR_AFTER = words("not_a_year_after.always")
COUNT_AFTER = words("not_a_year_after.count")
DM_CONTEXT = words("day_month_context.words")
AGE_POSS = words("age_possessives.words")
DECADE_TWO_BEFORE = words("decades.two_digits_before")
DECADE_TWO_PART = words("decades.two_digits_part")
DECADE_ER_BEFORE = words("decades.er_before")
DOM_AFTER = words("day_of_month_after.words")
IDIOMS = set(setting("not_a_date.idioms"))
NAME_MONTHS = words("not_a_date.name_months")
NUM_BLOCK_BEFORE = words("numbers_not_dates.before")
DAY_MONTH_NOT_BEFORE = words("numbers_not_dates.day_month_not_before")
MONTH_YEAR_NOT_BEFORE = words("numbers_not_dates.month_year_not_before")
DAY_MONTH_HYPHEN_AFTER = words("numbers_not_dates.day_month_hyphen_after")
QUARTER_CODE_NOT_AFTER = words("quarter_code.not_after")
OFY_NOT_BEFORE = words("part_of_period.not_of_the_year_before")
MONTH_MEASURES = words("month_before_noun.measures")
MONTH_FORWARD = words("month_before_noun.forward")
MONTH_VERBS = words("month_before_noun.verbs")
MONTH_PERSON_BEFORE = words("month_before_noun.person_before")
MONTH_NOUNS = MONTH_MEASURES | MONTH_FORWARD | words("month_before_noun.events")
MEASURED_AFTER = words("month_before_noun.measured_after")
NAMES_BEFORE_YEAR = set(_DATA["en"]["names_before_year"]["words"]) | set(_DATA["de"]["names_before_year"]["words"])
LAST_AS_VERB = words("last_as_verb.before")
LIST_GAP_WORDS = words("list_gap_words.words")

# ----------------------------------------------------------------------------- dates that point back

ANAPHORIC = words("anaphoric.words")
REACH = int(setting("anaphoric.reach"))  # characters back to the period a date points to
SHIFT_UNITS = table("shift_units")
SHIFT_WORDS = words("shift_words.words")
SHIFT_THEN = words("shift_words.then")
YEAR_AGO_NOUNS = {k: v or None for k, v in table("year_ago.nouns").items()}
YEAR_AGO_UNITS = words("year_ago.units")
YEAR_AGO_AFTER = words("year_ago.after")
SAME_WORDS = words("same_period.words")
SAME_NOUNS = {k: v or None for k, v in table("same_period.nouns").items()}
SAME_NOT_BEFORE = words("same_period.not_before")
SAME_RELATIVE_AGO = words("same_period.relative_ago")
SAME_AFTER_AGO = words("same_period.after_ago")
PERIOD_ENDED = words("period_ended.words")
PART = {key: words(f"part_of_period.{key}") for key in ("first", "last", "of", "before", "ended", "to")}
PART_UNITS = table("part_of_period.units")
PART_SINGULAR = words("part_of_period.singular")

# ----------------------------------------------------------------------------- "today" at large

PRESENT_WORDS = words("present_at_large.words")
PRESENT_DAY_AFTER = words("present_at_large.day_after")
PRESENT_DAY_BEFORE = words("present_at_large.day_before")
MORGEN_IDIOMS = words("present_at_large.idioms")
PRESENT_CUES = {lang: {k: {w.lower() for w in ws} for k, ws in _DATA[lang]["present_at_large"].items()
                       if k not in ("words", "idioms", "day_after", "day_before")} for lang in LANGS}

# ----------------------------------------------------------------------------- tense

# the words of the tense, per language: a clause is read in the document's language ("war" is
# German for "was" and English for war, "plant" German for "plans", "will" German for "wants")
PAST_CUES = by_lang("tense_cues.past")
FUTURE_CUES = by_lang("tense_cues.future")
FUTURE_PHRASES = by_lang("tense_cues.future_phrases")  # "is to", "is set to"
NO_TENSE_PHRASES = by_lang("tense_cues.no_tense_phrases")  # "was to", "ahead of"
REPORTING = by_lang("tense_cues.reporting")
REPORTING_BETWEEN = by_lang("tense_cues.reporting_between")  # "said in his Friday briefing"
# where a clause begins: "because", "which", "that", "he" (see [tense_cues] in the data files)
CLAUSE_CONJUNCTIONS = by_lang("tense_cues.clause_conjunctions")
RELATIVE_WORDS = by_lang("tense_cues.relative_words")
COMPLEMENT_WORDS = by_lang("tense_cues.complement_words")
SUBJECTS = by_lang("tense_cues.subject_pronouns")
SUBJECT_STARTS = by_lang("tense_cues.subject_starts")
PARTICIPLE_FORMS = by_lang("tense_cues.participle_forms")  # past words that are participles too
SEQUENCE_PHRASES = by_lang("tense_cues.sequence_phrases")  # "followed by": an order, no event
NOT_PAST_ED = by_lang("tense_cues.not_past_ed")
FUNCTION_WORDS = by_lang("tense_cues.function_words")
PERFECT = by_lang("tense_cues.not_past_after")
# a past participle, per language: (beginning, endings, shortest length)
PARTICIPLE = {lang: (p["prefix"], tuple(p["endings"]), p["min_length"])
              for lang, p in ((lang, _DATA[lang]["tense_cues"]["participle"]) for lang in LANGS)}
PARTICIPLE_LAST = "".join(sorted({e[-1] for _, ends, _ in PARTICIPLE.values() for e in ends}))  # "dnt"
PARTICIPLE_MIN = min(n for _, _, n in PARTICIPLE.values())

# ----------------------------------------------------------------------------- the scan

ANCHOR_QUARTER = words("anchor_words.quarter")
ANCHOR_HALF = words("anchor_words.half")
ANCHOR_PERIOD_EDGE = words("anchor_words.period_edge")
BEFORE_ANCHOR = {key: words(f"before_anchor.{key}") for key in _DATA["en"]["before_anchor"]}


# ----------------------------------------------------------------------------- numbers in words


def build_day_words() -> tuple[dict[str, int], dict[str, int]]:
    """Ordinal and cardinal day words, with compounds: "twenty-first" (the tens, then the unit)
    and "einundzwanzigsten" (the unit, a joiner, the tens), and German ordinal endings."""
    ords: dict[str, int] = {}
    cards: dict[str, int] = {}
    for lang in LANGS:
        lang_ords, lang_cards = table("ordinals", lang), table("cardinals", lang)
        unit_ords = {k: v for k, v in lang_ords.items() if v < 10}
        unit_cards = {k: v for k, v in lang_cards.items() if v < 10}
        for tens_word, tens in table("tens", lang).items():
            for unit_word, unit in unit_ords.items():
                if tens + unit <= 31:
                    lang_ords[f"{tens_word} {unit_word}"] = tens + unit
            for unit_word, unit in unit_cards.items():
                if tens + unit <= 31:
                    lang_cards[f"{tens_word} {unit_word}"] = tens + unit
        stems = table("ordinal_stems", lang)
        joiner = _DATA[lang]["compound_joiner"]["word"]
        for unit_word, unit in table("compound_units", lang).items():
            for tens_word, tens in table("compound_tens_stems", lang).items():
                if tens + unit <= 31:
                    stems[f"{unit_word}{joiner}{tens_word}"] = tens + unit
        for stem, v in stems.items():
            for ending in words("ordinal_endings.words", lang):
                lang_ords[stem + ending] = v
        ords.update(lang_ords)
        cards.update(lang_cards)
    return ords, cards


ORD_WORDS, CARD_WORDS = build_day_words()


def build_spelled_years() -> dict[str, int]:
    """Years written in words (see [spelled_years]): "nineteen twenty-eight", "two thousand (and)
    ten", "twenty nineteen", "nineteen oh five" (1900-2099)."""
    out: dict[str, int] = {}
    for lang in LANGS:
        units = {k: v for k, v in table("cardinals", lang).items() if v < 20}
        tens = table("tens", lang) | table("spelled_years.tens", lang)
        two = dict(units)
        for tw, tv in tens.items():
            two[tw] = tv
            for uw, uv in units.items():
                if uv < 10:
                    two[f"{tw} {uw}"] = tv + uv
        for w, v in two.items():
            for prefix, base in table("spelled_years.centuries", lang).items():
                if v >= 10:
                    out[f"{prefix} {w}"] = base + v
            for prefix, base in table("spelled_years.century_oh", lang).items():
                if v < 10:
                    out[f"{prefix} {w}"] = base + v
            for prefix, base in table("spelled_years.hundreds", lang).items():
                out[f"{prefix} {w}"] = base + v
        out.update(table("spelled_years.whole", lang))
    return out


SPELLED_YEARS = build_spelled_years()
SPELLED_YEAR_BEFORE = words("spelled_years.before")
# the words that go on with a number in words: "two [thousand]", "nineteen [eighty]"
NUMBER_GOES_ON = (words("spelled_years.number_goes_on") | set(table("cardinals")) | set(table("tens"))
                  | set(table("spelled_years.tens")))

NORM_RX = re.compile(r"[\s\-\u00a0]+")


def norm(word: str) -> str:
    word = word.strip().lower()
    return word if word.isalpha() else NORM_RX.sub(" ", word)  # one word: nothing to join
