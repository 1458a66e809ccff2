"""The scan: where in a text each family is tried (its anchors), in two passes over it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from factcheck.extract.dates.registry import BY_NAME, FAMILIES
from factcheck.extract.dates.templates import LETTER, alt, expand, wordlist
from factcheck.extract.dates.text import WDPRE_WORDS, alpha_tail, last_token, next_token, prev_tok, prev_token
from factcheck.extract.dates.words import (
    BEFORE_ANCHOR,
    CDUR_AFTER,
    IN_UNITS_AFTER,
    IN_UNITS_BEFORE,
    MONTH_MOD_MODE,
    MONTHS,
    NTH,
    NU_COUNT,
    NU_REL,
    ORD_WORDS,
    PERIOD_EDGES,
    QUARTER_ORD,
    REL_YEAR,
    SHIFT_WORDS,
    SPELLED_YEAR_BEFORE,
    THIRD_WORDS,
    WEEK_REL,
    YEAR_AGO_AFTER,
    words,
)

# ----------------------------------------------------------------------------- anchors
#
# Running every family's pattern over the whole text costs one pass each. Instead two
# passes find *anchors*: one for keywords at a word start (a month, a weekday, "year", a
# holiday's first word, "Q3", "the" before a day number ...), one for digits (a four-digit
# number starting with 1 or 2, a short number before a separator, "3Q", "1990s", "90er").
# Each family then runs only where one of its anchors is (see `family.Anchor`): matched right
# at the anchor ("at") or searched in a small window around it ("win": back to where the
# longest match can start, forward to where it can end plus its look-ahead). Every match of
# a family contains one of its anchors, so nothing is lost. A window is searched only when
# the word before the anchor fits the family ("need"), so a common word such as "year" costs
# little. The tables below are built from the registry at import.

# what the word before an anchor word must be for a family's window to be searched
NEEDS = {
    "digit": "a number before the month, close by: '3 March', '3rd of March'",
    "ord": "an ordinal (or 'of', 'the'): 'third of March', 'the first Monday'",
    "mod": "a word that goes before a bare month: 'in', 'Ende', 'early'",
    "rel": "a relative word (or 'the', 'of', 'rest'): 'next', 'im vergangenen'",
    "part": "a relative word or the article of a part: 'earlier this year', 'later in the week', 'Ende der Woche'",
    "edge": "'the', 'of', 'des', 'this', 'rest', or a compound: 'Jahresende'",
    "wwd": "'on', 'am' or a week word: 'next week on Friday'",
    "inn": "a count, and 'in'/'within' before it or 'from now', 'ago' ... after the unit",
    "nu": "a count, and a direction before it: 'the next three years'",
    "cdur": "a count, and another count or 'and', 'ago' ... after the unit",
    "ear": "a count, and 'earlier', 'before', 'zuvor' ... after the unit",
    "yago": "'ago' or 'earlier' after the unit: 'the year-ago quarter'",
    "ysp": "a preposition before a year in words: 'in nineteen twenty-eight'",
    "ofy": "'the' or 'des': 'of the year'",
    "the": "'the': 'the same period'",
    "dom": "'on' or 'for': 'on the 15th'",
}
# what a digit anchor is (see `DIGIT_RX`), and the needs of digit anchors
DIGIT_KINDS = {
    "year": "a four-digit number starting with 1 or 2 ('1987'; also the '1990' of '1990s')",
    "decade_s": "the '0s' of a decade ('1990s', 'the 70s'); the anchor is the '0'",
    "decade_er": "the '0er' of a German decade ('90er', '1980er'); the anchor is the '0'",
    "day_separator": "one or two digits before a date separator and, soon, a number ('13-15', '4/22')",
    "decimal": "one or two digits before a full stop and a digit ('22.04', '1.5')",
    "decimal_year": "a 'decimal' that a year may follow ('22.01.2025', '05.2016')",
    "q_after": "a digit 1-4 before 'q' ('3Q24')",
    "h_after": "a digit 1-2 before 'h' ('1H 2025')",
}
DIGIT_NEEDS = {
    "decimal_day": "in German, or after a weekday ('Fri 6.3.'): in English '1.5' is a decimal",
    "ythird": "a word of a part of the year, 'of', 'des' or 'year' before it: 'the end of 2012'",
}
for _f in FAMILIES:
    for _a in _f.anchors:
        if _a.digits is not None:
            assert _a.digits in DIGIT_KINDS and (_a.need is None or _a.need in DIGIT_NEEDS), (_f.name, _a)
            assert _a.back is None or _a.reach is not None, (_f.name, "a digit window needs its reach")
        else:
            assert _a.words and (_a.need is None or _a.need in NEEDS), (_f.name, _a)
            assert _a.back is None or _f.reach, (_f.name, "a window needs the family's reach")

FAMILY_RANK = {f.name: f.rank for f in FAMILIES}
RX = {f.name: f.rx for f in FAMILIES}


def kw_table() -> tuple[dict[str, tuple[dict[str, object], dict[str, object]]], dict]:
    """anchor word -> (families run at any word starting with it, families run only when
    the word ends there); each family with its run mode ("at", or ("win", back, need)). And
    (word, family) -> what must follow the word (see `family.Anchor.follows`)."""
    table: dict[str, tuple[dict, dict]] = {}
    follows = {}
    for f in FAMILIES:
        for anchor in f.anchors:
            if anchor.digits is not None:
                continue
            mode = "at" if anchor.back is None else ("win", anchor.back, anchor.need)
            for w in anchor.words:
                pre, wh = table.setdefault(w, ({}, {}))
                (pre if anchor.prefix else wh)[f.name] = mode
                if anchor.follows is not None:
                    follows[w, f.name] = anchor.follows
    # a family of a shorter anchor also runs at every longer anchor word starting with it
    for w, (pre, _wh) in list(table.items()):
        for i in range(1, len(w)):
            if w[:i] in table:
                for fam, mode in table[w[:i]][0].items():
                    pre.setdefault(fam, mode)
    return table, follows


KW, FOLLOWS = kw_table()

# A plan says what an anchor word sets off: its "at" families (as one tuple, matched together,
# see `at_class`) and its windows grouped by need: ((need, ((family, back, fwd), ...)), ...).
Plan = tuple[tuple[str, ...], tuple[tuple[object, tuple[tuple[str, int, int], ...]], ...]]


def make_plan(fams: dict[str, object]) -> Plan | None:
    at = tuple(sorted((f for f, mode in fams.items() if mode == "at"), key=FAMILY_RANK.__getitem__))
    needs: dict[str | None, list[tuple[str, int, int]]] = {}
    for f, mode in fams.items():
        if mode != "at":
            _, back, need = mode  # type: ignore[misc]
            needs.setdefault(need, []).append((f, back, BY_NAME[f].reach))
    if not at and not needs:
        return None
    # a need that is just "the word before is one of these" is kept as that set (tested inline)
    return at, tuple((NEED_SETS.get(need, need), tuple(ws)) for need, ws in needs.items())


# one pass over digits: a four-digit number starting with 1 or 2 (group y, with a decade
# suffix "1990s", "1990er" in yd); one or two digits before a full stop and a digit (dp:
# "1.5", "22.04.", with dpy when a year can follow: "22.01.2025", "05.2016") or before
# another date separator and, soon, a number (dn); "3Q" (nq), "1H" (nh), a decade "0s" /
# "0er" (dec)
DIGIT_RX = re.compile(
    r"\d(?:(?<=[12])(?P<y>\d{3})(?:(?<=0)(?P<yd>['\u2019]?s|er))?"
    r"|(?P<dp>\d?\.(?=\d))(?P<dpy>(?=\d{1,2}[.,](?:[12]\d{3}|\d{2})(?!\d)|(?:19|20)\d\d(?!\d)))?"
    r"|(?P<dn>\d?(?:[./-]|\.?[\s\u00a0]{1,3}(?:[-–—/]|" + wordlist("numeric_range_to") + r"))(?=\D{0,12}\d))"
    r"|(?<=[1-4])(?P<nq>q)|(?<=[12])(?P<nh>h)|(?<=0)(?P<dec>['\u2019]?s|er))"
)
DIGIT_GROUPS = {name: i for name, i in DIGIT_RX.groupindex.items()}


def _digit_families(kind: str, need: str | None = None, window: bool = False) -> tuple:
    """The families tried at a digit anchor of a kind: names (at), or (name, back, reach) (windows)."""
    out = []
    for f in FAMILIES:
        for a in f.anchors:
            if a.digits == kind and a.need == need and (a.back is not None) == window:
                out.append((f.name, a.back, a.reach) if window else f.name)
    return tuple(out)


YEAR_FAMS = _digit_families("year")
YEAR_WINDOWS = _digit_families("year", "ythird", window=True)
DECADE_S_WINDOWS = _digit_families("decade_s", window=True)
DECADE_ER_WINDOWS = _digit_families("decade_er", window=True)
SEPARATOR_FAMS = _digit_families("day_separator")
Q_AFTER_FAMS = _digit_families("q_after")
H_AFTER_FAMS = _digit_families("h_after")
# after "1.5" a day range cannot follow; with no year after it only a day and month, and in
# English that only after a weekday (see `read_numeric_day_month`: "1.5" is a decimal)
DECIMAL_FAMS = _digit_families("decimal", "decimal_day")
DECIMAL_YEAR_FAMS = _digit_families("decimal_year")
DECIMAL_YEAR_DAY_FAMS = tuple(sorted({*DECIMAL_YEAR_FAMS, *DECIMAL_FAMS}, key=FAMILY_RANK.__getitem__))

ANY_DIGIT = re.compile(r"\d")
# the last word of an "in"/"within" shortly before a count: "in 3 weeks", "innerhalb von drei Wochen"
INN_PIN = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted({w.split()[-1] for w in IN_UNITS_BEFORE})) + r")[\s\u00a0]")


COUNT_LAST = {w.split(" ")[-1] for w in NU_COUNT}
NEED_WORDS = {
    "rel": {w.split(" ")[-1] for w in (*REL_YEAR, *NU_REL, *WEEK_REL)} | BEFORE_ANCHOR["relative"],
    "ord": set(ORD_WORDS) | set(NTH) | set(QUARTER_ORD) | BEFORE_ANCHOR["ordinal"],
    "mod": {w.split(" ")[-1] for w in MONTH_MOD_MODE} | {w.split(" ")[-1] for w in THIRD_WORDS},
    "edge": BEFORE_ANCHOR["period_edge"],
    "wwd": BEFORE_ANCHOR["relative_week_weekday"],
    "ysp": SPELLED_YEAR_BEFORE,
    "dom": BEFORE_ANCHOR["day_of_month"],
    "ofy": words("pattern_words.of_the_year_article"),
    "ythird": {last_token(w) for w in THIRD_WORDS} | BEFORE_ANCHOR["third_of_year"],
    "the": words("pattern_words.the"),
    "part": {w.split(" ")[-1] for w in REL_YEAR} | words("pattern_words.part_article"),
}
NEED_SETS = {k: frozenset(NEED_WORDS[k]) for k in ("rel", "ord", "mod", "wwd", "the", "ofy", "part")}
COUNT_NEEDS = frozenset(("inn", "nu", "cdur", "ear"))
EDGE_BEFORE = frozenset(NEED_WORDS["edge"])
# "the next three years": the word before the count is the direction (or part of a count)
NU_BEFORE = {w.split(" ")[-1] for w in NU_REL} | {x for w in NU_COUNT for x in w.split(" ")[:-1]}
# "2 years from now", "3 weeks ago": the word after the unit (cdur: or the second count)
INN_POST = tuple(sorted({w.split()[0] for w in IN_UNITS_AFTER}))
CDUR_NEXT = tuple(sorted({w.split()[0] for w in CDUR_AFTER} | words("pattern_words.duration_and")
                         | {w.split(" ")[0] for w in NU_COUNT}))


def need_ok(need: str, low: str, rlow: str, a: int, e: int, pw: str) -> bool:
    """Whether the words around an anchor (low[a:e], pw the word before) fit a family; the
    needs that only ask for pw in a set are tested inline (see `NEED_SETS`)."""
    if need == "digit":  # "3 March", "3rd of March"
        return pw[-1:].isdigit() or ANY_DIGIT.search(low, max(0, a - 12), a) is not None
    if need == "edge":  # "end of the year", or a compound: "Jahresende"
        return pw in EDGE_BEFORE or (e < len(low) and low[e].isalpha()) or low[a:e] in PERIOD_EDGES
    if need in COUNT_NEEDS:  # a count before the unit, and more
        if not (pw.isdigit() or pw in COUNT_LAST):
            return False
        if need == "nu":
            return alpha_tail(prev_token(low, rlow, prev_tok(low, rlow, a)[1])) in NU_BEFORE
        k = e
        while k < len(low) and low[k].isalnum():  # past the word: "3 fridays from now"
            k += 1
        nxt = next_token(low, k)
        if need == "ear":  # "a year earlier"
            return nxt in SHIFT_WORDS
        if need == "cdur":
            return nxt.startswith(CDUR_NEXT) or nxt[:1].isdigit()
        return nxt.startswith(INN_POST) or INN_PIN.search(low, max(0, a - 40), a) is not None
    if need == "yago":  # "the year-ago quarter"
        return next_token(low, e) in YEAR_AGO_AFTER
    if need in ("ysp", "dom"):  # "in nineteen twenty-eight", "on the 15th"
        return alpha_tail(pw) in NEED_WORDS[need]
    return pw in NEED_WORDS[need]


# per anchor word: the plan when the word continues (a prefix) and when it ends there
KW_PLANS = {w: (make_plan(pre), make_plan({**pre, **wh})) for w, (pre, wh) in KW.items()}


def kw_tails() -> dict[str, str]:
    """What must follow an anchor word for any of its families to have a chance, as a
    look-ahead the scan tests itself: most anchor words that reach Python would set off
    nothing ("market" for "mar", "new" without "year's day", "die" without "Heiligen Drei
    Könige", "financial" without a year), and each costs a turn of the anchor loop."""
    not_letter = "(?!" + LETTER + ")"
    tails = {}
    for w, (pre, whole) in KW.items():
        fams = set(pre) | set(whole)  # what runs where the word ends; `pre` also at longer words
        follows = FOLLOWS.get((w, next(iter(fams)))) if len(fams) == 1 else None
        rest = follows(w) if follows is not None else None
        if rest is not None:
            tails[w] = "(?=" + rest + ")"
        elif not pre:
            tails[w] = not_letter  # no family runs at a longer word: "market", "decline"
    return tails


# one pass: a non-letter (consumed, so the engine skips to candidate positions fast), then a
# keyword with what must follow it (so "the"/"am" only before a day number, "q"/"h" only
# before the digit of "Q3", "H1"); the text is scanned with a space in front so that position
# 0 is a word start
KW_RX = re.compile(r"[^a-zäöüß](?P<w>" + alt(KW, kw_tails()) + ")")


def merged_windows(windows: list[tuple[int, int, int]]) -> list[list[int]]:
    """Windows (start, end, anchor) joined where they overlap, as [start, end]."""
    windows.sort()
    out = [[windows[0][0], windows[0][1]]]
    for s, e, _ in windows[1:]:
        if s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return out


def at_class(fams: tuple[str, ...]) -> tuple[re.Pattern, tuple[tuple[str, int], ...]]:
    """One pattern that tries each family of an anchor at once: a look-ahead per family
    captures its match (group names prefixed to keep them apart), and it fails when none
    does. So a position costs one call, and only the families that match run again."""
    parts, tests = [], "(?!)"
    raw = [BY_NAME[f].pattern for f in fams]
    if all(r.startswith("<MON:mon>") for r in raw):  # match the month once: "March" + what follows
        parts.append(rf"(?<!{LETTER})(?:{alt(MONTHS)})(?!{LETTER})")
        raw = [r"\.?" + r.removeprefix("<MON:mon>") for r in raw]
    for i, pat in enumerate(raw):
        pat = expand(pat)
        pat = re.sub(r"\(\?P<(\w+)>", rf"(?P<_{i}_\1>", pat)
        pat = re.sub(r"\(\?P=(\w+)\)", rf"(?P=_{i}_\1)", pat)
        parts.append(rf"(?:(?=(?P<_{i}>{pat}))|)")
    for i in reversed(range(len(fams))):
        tests = rf"(?(_{i})|{tests})"
    rx = re.compile("".join(parts) + tests)
    return rx, tuple((f, rx.groupindex[f"_{i}"]) for i, f in enumerate(fams))


AT_CLASSES = {fams: at_class(fams) for fams in {
    *(plan[0] for plans in KW_PLANS.values() for plan in plans if plan and len(plan[0]) > 1),
    SEPARATOR_FAMS, DECIMAL_YEAR_DAY_FAMS, DECIMAL_YEAR_FAMS, DECIMAL_FAMS, YEAR_FAMS, Q_AFTER_FAMS, H_AFTER_FAMS}
    if len(fams) > 1}


def at_raws(low: str, fams: tuple[str, ...], positions: list[int], raws: dict[str, list]) -> None:
    """The matches of families `fams` at `positions`, appended per family to `raws`."""
    if len(fams) == 1:
        match = RX[fams[0]].match
        got = [m for m in map(match, [low] * len(positions), positions) if m is not None]
        if got:
            raws.setdefault(fams[0], []).extend(got)
        return
    match, groups = AT_CLASSES[fams]
    match = match.match
    for a in positions:
        m = match(low, a)
        if m is None:
            continue
        regs = m.regs
        for f, gi in groups:
            if regs[gi][0] >= 0:
                raws.setdefault(f, []).append(RX[f].match(low, a))


def anchor_raws(low: str, rlow: str, lang: str) -> dict[str, list[re.Match]]:
    """Per family: its matches at and around the anchors, in the order they are tried (at
    anchors by position, then window matches). `rlow` is `low` reversed."""
    n = len(low)
    at: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    win: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
    plans = KW_PLANS
    s = " " + low
    for m in KW_RX.finditer(s):
        a, e = m.span(1)
        w = s[a:e]
        a -= 1  # on low
        e -= 1
        plan = plans[w][e >= n or not low[e].isalpha()]
        if plan is None:
            continue
        fams, needs = plan
        if fams:
            at[fams].append(a)
        pw = counted = None
        for need, ws in needs:
            if need is not None:
                if pw is None:
                    pw = prev_token(low, rlow, a)
                # the commonest tests inline (a month or a unit word at every few lines)
                if need.__class__ is frozenset:
                    if pw not in need:  # type: ignore[operator]
                        continue
                elif need in COUNT_NEEDS:  # first of all a count before the unit
                    if counted is None:
                        counted = pw.isdigit() or pw in COUNT_LAST
                    if not counted or not need_ok(need, low, rlow, a, e, pw):  # type: ignore[arg-type]
                        continue
                elif not need_ok(need, low, rlow, a, e, pw):  # type: ignore[arg-type]
                    continue
            for f, back, fwd in ws:
                win[f].append((max(0, a - back), min(n, e + fwd), a))
    gi = DIGIT_GROUPS
    g_y, g_yd, g_dn, g_nq, g_nh = gi["y"], gi["yd"], gi["dn"], gi["nq"], gi["nh"]
    g_dp, g_dpy = gi["dp"], gi["dpy"]
    en = lang == "en"
    for m in DIGIT_RX.finditer(low):
        a = m.start()
        k = m.lastindex
        if k == g_dn:
            at[SEPARATOR_FAMS].append(a)
            continue
        if k in (g_dp, g_dpy):
            if not en or prev_token(low, rlow, a) in WDPRE_WORDS:  # the need "decimal_day"
                fams = DECIMAL_YEAR_DAY_FAMS if k == g_dpy else DECIMAL_FAMS
            else:
                fams = DECIMAL_YEAR_FAMS if k == g_dpy else ()
            if fams:
                at[fams].append(a)
            continue
        if k in (g_y, g_yd):
            if (a == 0 or not low[a - 1].isdigit()) and not low[a + 4 : a + 5].isdigit():
                at[YEAR_FAMS].append(a)
                if alpha_tail(prev_token(low, rlow, a)) in NEED_WORDS["ythird"]:  # the need "ythird"
                    for f, back, reach in YEAR_WINDOWS:
                        win[f].append((max(0, a - back), min(n, a + reach), a))
            if k == g_y:
                continue
            a += 3  # "1990s": the decade's "0"
        elif k == g_nq:
            at[Q_AFTER_FAMS].append(a)
            continue
        elif k == g_nh:
            at[H_AFTER_FAMS].append(a)
            continue
        for f, back, reach in DECADE_ER_WINDOWS if low[m.end() - 1] == "r" else DECADE_S_WINDOWS:  # "90er"; "1990s"
            win[f].append((max(0, a - back), min(n, a + reach), a))
    raws: dict[str, list[re.Match]] = {}
    multi = set()  # families anchored by more than one plan: their matches need sorting
    for fams, positions in at.items():
        for f in fams:
            if f in raws:
                multi.add(f)
        at_raws(low, fams, positions, raws)
    for f in multi:
        raws[f].sort(key=lambda r: r.start())
    for f, windows in win.items():
        # a match must hold one of the family's anchors: a window cut short could otherwise
        # match a word it cuts ("by Mar|vel"), and a match without one ("the past twoweeks")
        # would be found or not depending on what precedes it
        anchors = [w[2] for w in windows]  # ascending: one scan adds a family's windows
        finditer = RX[f].finditer
        got = raws.get(f)
        seen = {r.span() for r in got} if got else ()
        out = got if got is not None else []
        for ws, we in merged_windows(windows):
            for r in finditer(low, ws, we):
                a, e = r.span()
                i = bisect_left(anchors, a)
                if i < len(anchors) and anchors[i] < e and (a, e) not in seen:
                    out.append(r)
        if out and got is None:
            raws[f] = out
    return raws
