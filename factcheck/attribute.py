"""Attribution: what claim each mention belongs to.

For every mention of one document this finds the entities of its sentence (aliases from
`rules/entities.toml`), the claimant (`actor`: who invests, raises, is valued, was
founded), the metric (`rules/metrics.toml`), whether the figure is a first step or the
whole (`stage`), the horizon ("over the next four years") and the sentence with figures
masked. All of it works on one document at a time, so it runs wherever extraction runs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from factcheck.extract.sentences import SentenceIndex

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "ein": 1, "einem": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "zwölf": 12, "zwanzig": 20,
}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Entity:
    name: str  # canonical
    type: str  # person, org, project, place, unknown
    start: int
    end: int
    demoted: bool = False  # "OpenAI's o1 models": the sentence is about something of OpenAI's


class Lexicon:
    """The attribution data of one rules folder set, compiled once."""

    def __init__(self, entities: dict[str, Any], metrics: dict[str, Any]) -> None:
        self.types: dict[str, str] = {}
        surface: dict[str, str] = {}
        for name, spec in entities.get("entity", {}).items():
            self.types[name] = spec.get("type", "unknown")
            for alias in [name, *spec.get("aliases", [])]:
                surface[alias] = name
        self.surface = surface
        self.alias_re = re.compile(
            r"(?<!\w)(?P<a>" + _alternation(list(surface)) + r")(?:['’]s|s)?(?![\w])"
        )
        self.stop = frozenset(entities.get("not_entities", {}).get("words", []))
        ana = entities.get("anaphora", {})
        self.anaphora_re = re.compile(
            r"(?i)(?<!\w)(?:(?P<project>" + _alternation(ana.get("project", ["the project"]))
            + r")|(?P<org>" + _alternation(ana.get("org", ["the company"])) + r"))(?!\w)"
        )
        roles = entities.get("roles", {}).get("words", ["CEO"])
        self.appositive_re = re.compile(
            r",[^,.;]{0,40}?(?<!\w)(?:" + _alternation(roles) + r")(?!\w)[^,;]{0,60},"
        )
        self.org_suffixes = frozenset(entities.get("org_suffixes", {}).get("words", []))

        self.metric_family: dict[str, str] = {}
        self.cue_re: dict[str, re.Pattern[str]] = {}
        self.cue_metric: dict[str, dict[str, str]] = {}
        for kind in ("money", "date"):
            table: dict[str, str] = {}
            for metric, spec in metrics.get(kind, {}).items():
                self.metric_family[metric] = spec.get("family", metric)
                for cue in spec.get("cues", []):
                    table.setdefault(cue, metric)
            self.cue_metric[kind] = table
            self.cue_re[kind] = re.compile(r"(?<![\w])(?:" + _alternation(list(table)) + ")")
        stage = metrics.get("stage", {})
        self.stage_re = re.compile(
            r"(?<![\w])(?:(?P<initial>" + _alternation(stage.get("initial", ["initial"]))
            + r")|(?P<total>" + _alternation(stage.get("total", ["total"])) + r"))(?![\w])"
        )
        prev = metrics.get("previous", {})
        self.prev_before_re = re.compile(
            r"(?<![\w])(?:" + _alternation(prev.get("before", ["from"])) + r")\s{1,3}$")
        self.prev_after_re = re.compile(
            r"^[\s,]{1,3}(?:" + _alternation(prev.get("after", ["a year earlier"])) + r")(?![\w])")
        self.horizon_res = [re.compile(p) for p in metrics.get("horizon", {}).get("patterns", [])]


_PROPER = re.compile(
    r"(?<![\w.])(?:[A-ZÄÖÜ][\w&'’.-]{0,30}|[a-z]{1,4}[A-Z][\w-]{0,30})"
    r"(?:[ \t](?:[A-ZÄÖÜ][\w&'’-]{0,30}|of|de|von|&)){0,3}"
)


def _find_entities(text: str, lang: str, lex: Lexicon) -> list[Entity]:
    """Entities of a whole document in order: aliases first, then other proper names."""
    found: list[Entity] = []
    taken = bytearray(len(text) + 1)
    for m in lex.alias_re.finditer(text):
        name = lex.surface[m.group("a")]
        found.append(Entity(name, lex.types.get(name, "unknown"), m.start(), m.end("a")))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    # Capitalised words seen away from a sentence start: evidence a word is a name.
    for m in _PROPER.finditer(text):
        if taken[m.start()]:
            continue
        tokens = m.group(0).split()
        while tokens and (tokens[0] in lex.stop or tokens[0].rstrip(".") in lex.stop):
            tokens.pop(0)
        while tokens and tokens[-1] in ("of", "de", "von", "&"):
            tokens.pop()
        tokens = [t for t in tokens if not any(taken[m.start() + i] for i in range(1))]
        if not tokens:
            continue
        name = " ".join(t.rstrip(".,'’") for t in tokens)
        name = re.sub(r"['’]s$", "", name)
        if not name or name in lex.stop or len(name) < 2:
            continue
        if not _looks_like_name(name, lang, m.start(), text):
            continue
        etype = "org" if tokens[-1].rstrip(".") in lex.org_suffixes else "unknown"
        start = m.start() + m.group(0).index(tokens[0])
        found.append(Entity(name, etype, start, start + len(name)))
    found.sort(key=lambda e: e.start)
    return _corefer_short_names(found)


def _looks_like_name(name: str, lang: str, pos: int, text: str) -> bool:
    tokens = name.split()
    inner_caps = any(re.search(r"[a-z][A-Z]", t) for t in tokens)
    acronym = any(len(t) >= 2 and t.isupper() and t.isalpha() for t in tokens)
    if lang == "de":
        # Every German noun is capitalised: only names that cannot be common nouns count.
        return inner_caps or acronym or (len(tokens) >= 2 and all(t[0].isupper() for t in tokens)
                                         and not any(t.endswith(("en", "ung", "heit")) for t in tokens))
    if len(tokens) == 1 and not inner_caps and not acronym:
        # A lone capitalised word at a sentence start is usually just the first word.
        before = text[max(0, pos - 3) : pos]
        if pos == 0 or re.search(r"[.!?:\n]\s*$|^\s*$", before) or before.endswith(("“", '"', "•")):
            return False
    return True


def _corefer_short_names(found: list[Entity]) -> list[Entity]:
    """'Altman' after 'Sam Altman' is Sam Altman; such a pair also marks a person."""
    full_by_last: dict[str, str] = {}
    persons = set()
    for e in found:
        parts = e.name.split()
        if len(parts) in (2, 3) and e.type == "unknown":
            full_by_last.setdefault(parts[-1], e.name)
    out = []
    for e in found:
        if " " not in e.name and e.name in full_by_last and e.type == "unknown":
            persons.add(full_by_last[e.name])
            e = Entity(full_by_last[e.name], "person", e.start, e.end, e.demoted)
        out.append(e)
    return [Entity(e.name, "person", e.start, e.end, e.demoted) if e.name in persons else e
            for e in out]


def _demote_possessives(text: str, ents: list[Entity], lex: Lexicon, kind: str) -> list[Entity]:
    cue_re = lex.cue_re[kind]
    out = []
    for e in ents:
        m = re.match(r"(?:['’]s|s)?\s+([a-z][\w-]*)", text[e.end : e.end + 40])
        # "OpenAI's", and scraped text that lost the apostrophe: "OpenAIs"
        poss = text.startswith(("'s", "’s"), e.end) or (
            text[e.end : e.end + 1] == "s" and not text[e.end + 1 : e.end + 2].isalnum()
        )
        if poss and m and not cue_re.match(m.group(1)):
            e = Entity(e.name, e.type, e.start, e.end, True)
        out.append(e)
    return out


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


def attribute(text: str, lang: str, rows: list[dict[str, Any]], sidx: SentenceIndex,
              lex: Lexicon) -> None:
    """Fill `entities`, `actor`, `metric`, `family`, `stage`, `horizon`, `masked` in `rows`.

    `rows` are one document's mentions sorted by `start`, each with `sent_start`/`sent_end`.
    """
    ents = _find_entities(text, lang, lex)
    appositives = [(m.start(), m.end()) for m in lex.appositive_re.finditer(text)]
    anaphora = [(m.start(), m.end(), "project" if m.group("project") else "org")
                for m in lex.anaphora_re.finditer(text)]
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_sentence.setdefault(r["sent_start"], []).append(r)
    counts = Counter(e.name for e in ents)
    for s_start, group in by_sentence.items():
        s_end = group[0]["sent_end"]
        s_ents = [e for e in ents if s_start <= e.start < s_end]
        masked = _mask(text, s_start, s_end, group)
        money_rows = [r for r in group if r["kind"] == "money"]
        for r in group:
            kind = r["kind"]
            a, b = _clause(r, money_rows if kind == "money" else group, s_start, s_end)
            cands = _demote_possessives(text, s_ents, lex, kind)
            cands = [e for e in cands
                     if not any(x <= e.start < y for x, y in appositives)
                     and not any(x <= e.start < y for x, y, _ in anaphora)]
            cue_hits = [(m.start(), m.end(), lex.cue_metric[kind][m.group(0)])
                        for m in lex.cue_re[kind].finditer(text, s_start, s_end)]
            local = [h for h in cue_hits if a <= h[0] < b]
            metric = _nearest(local or cue_hits, r["start"], r["end"])
            if kind == "money" and r.get("per") == "share" and metric not in ("dividend", "offer"):
                metric = "price_per_share"
            stage_hits = [(m.start(), m.end(), "initial" if m.group("initial") else "total")
                          for m in lex.stage_re.finditer(text, a, b)]
            r["entities"] = list(dict.fromkeys(e.name for e in s_ents if e.type != "place"))
            r["metric"] = metric
            r["family"] = lex.metric_family.get(metric) if metric else None
            r["stage"] = _nearest(stage_hits, r["start"], r["end"]) or "total"
            if kind == "money" and (
                lex.prev_before_re.search(text, max(0, r["start"] - 30), r["start"])
                or lex.prev_after_re.match(text[r["end"] : r["end"] + 40])
            ):
                r["stage"] = "previous"
            r["horizon"] = _horizon(text, a, b, lex) or _horizon(text, s_start, s_end, lex)
            r["masked"] = masked
            if kind == "money":
                r["actor"] = _money_actor(r, cands, anaphora, ents, s_start, counts)
            else:
                cue_pos = [h for h in cue_hits if h[2] == metric]
                r["actor"] = _date_actor(text, r, cands, cue_pos, metric)


def _clause(r: dict[str, Any], peers: list[dict[str, Any]], s_start: int, s_end: int
            ) -> tuple[int, int]:
    """The stretch of the sentence that belongs to this mention and not to its neighbours."""
    a, b = s_start, s_end
    for p in peers:
        if p is r:
            continue
        if p["end"] <= r["start"]:
            a = max(a, p["end"])
        elif p["start"] >= r["end"]:
            b = min(b, p["start"])
    return a, b


def _money_actor(r, cands, anaphora, all_ents, s_start, counts) -> str | None:
    left = [e for e in cands if e.end <= r["start"] and not e.demoted and e.type != "place"]
    nearest = left[-1] if left else None
    ana = [x for x in anaphora if s_start <= x[0] and x[1] <= r["start"]]
    if ana and (nearest is None or ana[-1][0] > nearest.end):
        want = ana[-1][2]
        before = [e for e in all_ents if e.end <= ana[-1][0] and e.type in (want, "org", "project")]
        typed = [e for e in before if e.type == want]
        pick = (typed or before)[-1:] if (typed or before) else []
        if pick:
            return pick[0].name
    if nearest is not None:
        return nearest.name
    right = [e for e in cands if e.start >= r["end"] and not e.demoted and e.type != "place"]
    return right[0].name if right else None


_PASSIVE = re.compile(r"(?:was|were|been|being|is|are|wurde|wurden|worden)\s{1,3}$")


def _date_actor(text, r, cands, cue_hits, metric) -> str | None:
    """The organisation an event date is about; people only when no organisation is named."""
    usable = [e for e in cands if not e.demoted and e.type != "place"]
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


_DIGITS = re.compile(r"\d")
_SPACE = re.compile(r"\s+")


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
    return _SPACE.sub(" ", _DIGITS.sub("#", "".join(parts))).strip().lower()
