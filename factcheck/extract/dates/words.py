"""The language data of the date extractor: the word tables read from the data files."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

DATA_PATH = Path(__file__).parent.parent.parent / "data" / "dates.toml"
DATA = tomllib.loads(DATA_PATH.read_text(encoding="utf-8"))


def lower_map(table: dict) -> dict:
    return {str(k).lower(): v for k, v in table.items()}


def word_set(*keys: str) -> set[str]:
    """The lower-cased word list under `[keys[0]] keys[1]`."""
    node = DATA
    for k in keys:
        node = node[k]
    return {w.lower() for w in node}


MONTH_FULL = lower_map(DATA["months"])
MONTH_ABBR = lower_map(DATA["month_abbreviations"])
MONTHS = {**MONTH_FULL, **MONTH_ABBR}
AMBIGUOUS_MONTHS = word_set("ambiguous_months", "words")
WEEKDAYS = lower_map(DATA["weekdays"])
WEEKDAY_ABBR = lower_map(DATA["weekday_abbreviations"])
WEEKDAYS_LANG = {"en": {w for w in WEEKDAYS if w.endswith("day")},
                  "de": {w for w in WEEKDAYS if not w.endswith("day")}}
NOT_WEEKDAY_BEFORE = word_set("not_a_weekday_before", "words")
COUNT_WORDS = lower_map(DATA["count_words"])
QUARTER_ORD = lower_map(DATA["quarter_ordinals"])
REL_YEAR = lower_map(DATA["relative_year_words"])
REL_UNITS = lower_map(DATA["relative_units"])
PREV_PERIOD = lower_map(DATA["previous_period_words"])
DAYS_REL_LANG = {
    lang: {re.sub(r"\s+", " ", k): v for k, v in lower_map(table).items()}
    for lang, table in DATA["days_relative"].items()
}
DAYS_REL = {k: v for table in DAYS_REL_LANG.values() for k, v in table.items()}
PRESENT = DATA["present_at_large"]
PRESENT_WORDS = word_set("present_at_large", "words")
PRESENT_DAY_AFTER = word_set("present_at_large", "day_after")
PRESENT_DAY_BEFORE = word_set("present_at_large", "day_before")
MORGEN_IDIOMS = word_set("present_at_large", "idioms")
PRESENT_CUES = {lang: {k: {w.lower() for w in ws} for k, ws in PRESENT[lang].items()} for lang in ("en", "de")}
AGO_UNITS = lower_map(DATA["ago_units"])
DECADE_WORDS = lower_map(DATA["decade_words_en"])
MONTH_MODS = {
    mode: {w.lower() for w in words} for mode, words in DATA["month_modifiers"].items()
}
MONTH_MOD_MODE = {w: mode for mode, ws in MONTH_MODS.items() for w in ws}
BETWEEN = word_set("range_starters", "between")
YEAR_HYPHEN_OK = word_set("year_prefixes_allowed", "words")
NOT_YEAR_BEFORE = word_set("not_a_year_before", "words")
YEAR_OK_BEFORE = word_set("year_ok_before", "words")
NOT_YEAR_AFTER = word_set("not_a_year_after", "always")
COUNT_AFTER = word_set("not_a_year_after", "count")
FISCAL = word_set("fiscal_words", "words")
DM_CONTEXT = word_set("day_month_context", "words")
AGE_POSS = word_set("age_possessives", "words")
HALF_WITH_YEAR = word_set("half_words", "with_year")
HALF_CALENDAR = word_set("half_words", "calendar")
QUARTER_WORDS = word_set("quarter_words", "words")
NTH = lower_map(DATA["nth_weekday_ordinals"])
HOL_FIXED = lower_map(DATA["holidays"]["fixed"])
HOL_EASTER = lower_map(DATA["holidays"]["easter"])
HOL_NTH = lower_map(DATA["holidays"]["nth_weekday"])
HOL_ORTHODOX = lower_map(DATA["holidays"]["orthodox"])
HOL_HEBREW = lower_map(DATA["holidays"]["hebrew"])
HOL_ISLAMIC = lower_map(DATA["holidays"]["islamic"])
HOL_OTHER = lower_map(DATA["holidays"]["other"])
HOLIDAYS = {**HOL_FIXED, **HOL_EASTER, **HOL_NTH, **HOL_ORTHODOX, **HOL_HEBREW, **HOL_ISLAMIC,
             **HOL_OTHER}
HOLIDAYS.update({k.replace("'", "\u2019"): v for k, v in HOLIDAYS.items() if "'" in k})
HOL_KEY = {re.sub(r"[\s\u00a0-]+", " ", k).replace("\u2019", "'"): k for k in HOLIDAYS}
NOT_HOLIDAY_BEFORE = word_set("not_a_holiday_before", "words")
PERIOD_EDGES = lower_map(DATA["period_edges"])
DOM_AFTER = word_set("day_of_month_after", "words")
IDIOMS = set(DATA["not_a_date"]["idioms"])
NAME_MONTHS = word_set("not_a_date", "name_months")
OFY_NOT_BEFORE = word_set("part_of_period", "not_of_the_year_before")
MONTH_MEASURES = word_set("month_before_noun", "measures")
MONTH_FORWARD = word_set("month_before_noun", "forward")
MONTH_VERBS = word_set("month_before_noun", "verbs")
MONTH_PERSON_BEFORE = word_set("month_before_noun", "person_before")
MONTH_NOUNS = MONTH_MEASURES | MONTH_FORWARD | word_set("month_before_noun", "events")
MEASURED_AFTER = word_set("month_before_noun", "measured_after")
QUARTER_MONTHS = lower_map(DATA["quarter_months"])
ANAPHORIC = word_set("anaphoric", "words")
SHIFT_UNITS = lower_map(DATA["shift_units"])
SHIFT_WORDS = word_set("shift_words", "words")
SHIFT_THEN = word_set("shift_words", "then")
YEAR_AGO_NOUNS = {k: v or None for k, v in lower_map(DATA["year_ago"]["nouns"]).items()}
YEAR_AGO_UNITS = word_set("year_ago", "units")
SAME_WORDS = word_set("same_period", "words")
SAME_NOUNS = {k: v or None for k, v in lower_map(DATA["same_period"]["nouns"]).items()}
YEAR_AGO_AFTER = word_set("year_ago", "after")
NAMES_BEFORE_YEAR = set(DATA["names_before_year"]["words"])  # as written: capitalised
LAST_AS_VERB = word_set("last_as_verb", "before")


def build_day_words() -> tuple[dict[str, int], dict[str, int]]:
    """Ordinal and cardinal day words, with compounds ("twenty-first", "einundzwanzigsten")."""
    ords = {k: v for k, v in lower_map(DATA["ordinals_en"]).items()}
    cards = {k: v for k, v in lower_map(DATA["cardinals_en"]).items()}
    unit_ords = {k: v for k, v in ords.items() if v < 10}
    unit_cards = {k: v for k, v in cards.items() if v < 10}
    for tens_word, tens in lower_map(DATA["tens_en"]).items():
        for unit_word, unit in unit_ords.items():
            if tens + unit <= 31:
                ords[f"{tens_word} {unit_word}"] = tens + unit
        for unit_word, unit in unit_cards.items():
            if tens + unit <= 31:
                cards[f"{tens_word} {unit_word}"] = tens + unit
    de = dict(lower_map(DATA["ordinal_stems_de"]))
    for unit_word, unit in lower_map(DATA["units_de"]).items():
        for tens_word, tens in lower_map(DATA["tens_ordinal_stems_de"]).items():
            if tens + unit <= 31:
                de[f"{unit_word}und{tens_word}"] = tens + unit
    for stem, v in de.items():
        for ending in ("e", "er", "en", "em", "es"):
            ords[stem + ending] = v
    return ords, cards


ORD_WORDS, CARD_WORDS = build_day_words()


def build_spelled_years() -> dict[str, int]:
    """Years written in words: "nineteen twenty-eight", "two thousand (and) ten", "twenty
    nineteen", "nineteen oh five" (1900-2099)."""
    units = {k: v for k, v in lower_map(DATA["cardinals_en"]).items() if v < 20}
    tens = lower_map(DATA["tens_en"]) | {"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                                           "eighty": 80, "ninety": 90}
    two = dict(units)
    for tw, tv in tens.items():
        two[tw] = tv
        for uw, uv in units.items():
            if uv < 10:
                two[f"{tw} {uw}"] = tv + uv
    out: dict[str, int] = {}
    for w, v in two.items():
        if v >= 10:
            out[f"nineteen {w}"] = 1900 + v
            out[f"twenty {w}"] = 2000 + v
        else:
            out[f"nineteen oh {w}"] = 1900 + v
        out[f"two thousand {w}"] = 2000 + v
        out[f"two thousand and {w}"] = 2000 + v
        out[f"nineteen hundred and {w}"] = 1900 + v
    out["two thousand"] = 2000
    out["nineteen hundred"] = 1900
    return out


SPELLED_YEARS = build_spelled_years()


NORM_RX = re.compile(r"[\s\-\u00a0]+")


def norm(word: str) -> str:
    word = word.strip().lower()
    return word if word.isalpha() else NORM_RX.sub(" ", word)  # one word: nothing to join
NU_REL = lower_map(DATA["next_n"]["direction"])
NU_COUNT = {**lower_map(DATA["next_n"]["counts"]), **{k: v for k, v in COUNT_WORDS.items() if v}}
NU_UNITS = lower_map(DATA["next_n"]["units"])
WEEK_REL = {**REL_YEAR, **lower_map(DATA["next_n"]["week_extra"])}
SEASONS = lower_map(DATA["seasons"]["names"])
THIRD_WORDS = lower_map(DATA["period_thirds"]["words"])
