"""Rule files: find, parse and validate `rules/*.toml` (and any folder given with --rules).

A rule file holds one `[rule]` table (id, name, kind, severity, message, params) and its
`[[example]]` cases. `decision.toml` beside them holds the weights and thresholds of the claims
stage (the last folder that has one wins). The attribution lexicons (`entities.toml`,
`metrics.toml`) are language data: they live in `factcheck/data/` and are always loaded,
whatever `--no-default-rules` says; a lexicon file in a --rules folder extends them.
Every problem is a RuleFileError naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.claimlex import Lexicon
from factcheck.kinds import KINDS

if TYPE_CHECKING:
    from factcheck.claims.decision import Decision

LEXICON_FILES = ("entities", "metrics", "fx")
DECISION_STEM = "decision"  # rules/decision.toml: the weights and thresholds of the claims stage
SEVERITIES = ("error", "warning", "info")
_RULE_KEYS = {"id", "name", "kind", "severity", "message", "description", "params"}
_EXAMPLE_KEYS = {"expect", "note", "docs"}
_DOC_KEYS = {"id", "text", "lang", "date", "title"}
# A lexicon in a --rules folder is checked against the shape of the default one: the same
# tables and keys, values of the same types. In these tables the keys are names (an entity,
# a metric, a table label, a period cue) that a newsroom adds; their entries are checked
# against the entries of the default table.
_OPEN_TABLES = {"entities": ("entity",),
                "metrics": ("money", "date", "table.labels", "period.cues", "period.sections", "refine")}
_REGEX_LISTS = {"metrics": ("horizon.patterns",)}
ENTITY_TYPES = ("org", "person", "project", "place")


class RuleFileError(Exception):
    """A rule or lexicon file is broken. str() names the file and the key."""

    def __init__(self, path: Path | str, key: str, reason: str) -> None:
        super().__init__(f"{path}: {key}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


@dataclass(frozen=True)
class Example:
    expect: str  # "fire": the rule reports a finding; "quiet": it does not
    docs: tuple[dict[str, Any], ...]
    note: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    message: str
    params: dict[str, Any]
    description: str = ""
    examples: tuple[Example, ...] = ()
    path: str = ""


@dataclass
class RuleSet:
    rules: list[Rule]
    lexicons: dict[str, dict[str, Any]] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)
    decision: Decision = field(default=None)  # type: ignore[assignment]  # set by load_rules

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The compiled attribution lexicons of these folders."""
        return Lexicon(self.lexicons.get("entities", {}), self.lexicons.get("metrics", {}))


def default_rules_dir() -> Path:
    """The rules that ship with factcheck: `rules/` in a checkout, `factcheck/_rules` installed."""
    here = Path(__file__).resolve().parent
    for cand in (here / "_rules", here.parent / "rules"):
        if cand.is_dir() and any(cand.glob("*.toml")):
            return cand
    raise RuleFileError(here / "_rules", "-", "the default rules folder is missing; reinstall factcheck")


def default_lexicon_dir() -> Path:
    """The lexicons that ship with factcheck (`factcheck/data/`)."""
    return Path(__file__).resolve().parent / "data"


def load_rules(extra: list[str] | tuple[str, ...] = (), *, defaults: bool = True) -> RuleSet:
    """Rules from the default folder (unless `defaults` is off) and `extra`; the default
    lexicons always, extended by any lexicon file in those folders."""
    default_dir = default_rules_dir() if defaults else None
    folders = ([default_dir] if default_dir else []) + [Path(p) for p in extra]
    rules: list[Rule] = []
    decision_path: Path | None = None
    lexicons: dict[str, dict[str, Any]] = {name: {} for name in LEXICON_FILES}
    for name in LEXICON_FILES:
        path = default_lexicon_dir() / f"{name}.toml"
        if path.is_file():
            _merge(lexicons[name], _parse(path))
    seen: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleFileError(folder, "--rules", "not a folder" if folder.exists() else "no such folder")
        for path in sorted(folder.glob("*.toml")):
            if path.stem == DECISION_STEM:
                decision_path = path  # the last folder's decision wins
                continue
            data = _parse(path)
            if path.stem in LEXICON_FILES:
                _check_lexicon(path, path.stem, data)
                _merge(lexicons[path.stem], data)
                continue
            rule = _rule(path, data)
            if rule.id in seen:
                raise RuleFileError(path, "rule.id", f"duplicate id {rule.id!r} (also in {seen[rule.id]})")
            seen[rule.id] = str(path)
            rules.append(rule)
    rules.sort(key=lambda r: r.id)
    if decision_path is None:
        decision_path = default_rules_dir() / f"{DECISION_STEM}.toml"
    return RuleSet(rules, lexicons, [str(f) for f in folders], _decision(decision_path))


def _decision(path: Path) -> Decision:
    from factcheck.claims.decision import DecisionFileError, load_decision

    try:
        return load_decision(path)
    except DecisionFileError as ex:
        raise RuleFileError(ex.path, ex.key, ex.reason) from None


def _parse(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as ex:
        raise RuleFileError(path, "-", f"not valid TOML ({ex})") from None
    except UnicodeDecodeError as ex:  # tomllib decodes UTF-8 strictly and does not wrap this
        raise RuleFileError(path, "-", f"not valid TOML: not UTF-8 (byte {ex.start})") from None
    except OSError as ex:
        raise RuleFileError(path, "-", f"cannot read ({ex.strerror})") from None


@cache
def _default_lexicon(name: str) -> dict[str, Any] | None:
    try:
        path = default_lexicon_dir() / f"{name}.toml"
        return _parse(path) if path.is_file() else None
    except RuleFileError:
        return None


def _check_lexicon(path: Path, name: str, data: dict[str, Any]) -> None:
    """A user lexicon has the tables, keys and value types of the default one."""
    schema = _default_lexicon(name)
    if schema is None:  # no default to compare with (fx.toml): nothing reads it yet
        return
    _check_like(path, "", data, schema, _OPEN_TABLES.get(name, ()))
    for dotted in _REGEX_LISTS.get(name, ()):
        node: Any = data
        for part in dotted.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        for i, pattern in enumerate(node if isinstance(node, list) else []):
            try:
                re.compile(pattern)
            except re.error as ex:
                raise RuleFileError(path, f"{dotted}[{i}]", f"not a valid regular expression ({ex})") from None
    if name == "entities":
        for entity, spec in data.get("entity", {}).items():
            if "type" in spec and spec["type"] not in ENTITY_TYPES:
                raise RuleFileError(path, f"entity.{entity}.type", f"must be one of {', '.join(ENTITY_TYPES)}")


def _template(entries: list[Any]) -> Any:
    """One example entry standing for all entries of an open table (keys merged)."""
    if entries and all(isinstance(e, dict) for e in entries):
        merged: dict[str, Any] = {}
        for e in entries:
            for k, v in e.items():
                merged.setdefault(k, v)
        return merged
    return entries[0] if entries else None


def _kind(example: Any) -> str:
    if isinstance(example, dict):
        return "table"
    if isinstance(example, list):
        return "array"
    if isinstance(example, bool):
        return "boolean"
    if isinstance(example, int | float):
        return "number"
    return "string"


def _check_like(path: Path, where: str, value: Any, example: Any, open_tables: tuple[str, ...]) -> None:
    if example is None:
        return
    kind = _kind(example)
    if _kind(value) != kind:
        article = "an" if kind[0] in "aeiou" else "a"
        raise RuleFileError(path, where or "-", f"must be {article} {kind}, got {_kind(value)}")
    if isinstance(example, dict):
        if where in open_tables:
            entry = _template(list(example.values()))
            for k, v in value.items():
                _check_like(path, f"{where}.{k}", v, entry, open_tables)
            return
        for k, v in value.items():
            key = f"{where}.{k}" if where else k
            if k not in example:
                raise RuleFileError(path, key, f"unknown key; known here: {', '.join(sorted(example))}")
            _check_like(path, key, v, example[k], open_tables)
    elif isinstance(example, list) and example:
        for i, v in enumerate(value):
            _check_like(path, f"{where}[{i}]", v, example[0], open_tables)


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for k, v in data.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        elif isinstance(v, list) and isinstance(into.get(k), list):
            into[k] = into[k] + [x for x in v if x not in into[k]]
        else:
            into[k] = v


def _need(path: Path, table: dict[str, Any], key: str, typ: type, where: str) -> Any:
    if key not in table:
        raise RuleFileError(path, f"{where}.{key}", "missing")
    val = table[key]
    if not isinstance(val, typ) or (isinstance(val, bool) and typ is not bool):
        raise RuleFileError(path, f"{where}.{key}", f"must be a {typ.__name__}, got {type(val).__name__}")
    return val


def _rule(path: Path, data: dict[str, Any]) -> Rule:
    unknown = set(data) - {"rule", "example"}
    if unknown:
        raise RuleFileError(path, sorted(unknown)[0], "unknown top-level key (expected [rule] and [[example]])")
    if "rule" not in data or not isinstance(data["rule"], dict):
        raise RuleFileError(path, "rule", "missing [rule] table")
    r = data["rule"]
    extra = set(r) - _RULE_KEYS
    if extra:
        raise RuleFileError(path, f"rule.{sorted(extra)[0]}", "unknown key")
    rid = _need(path, r, "id", str, "rule")
    kind = _need(path, r, "kind", str, "rule")
    if kind not in KINDS:
        raise RuleFileError(path, "rule.kind", f"unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}")
    severity = _need(path, r, "severity", str, "rule")
    if severity not in SEVERITIES:
        raise RuleFileError(path, "rule.severity", f"must be one of {', '.join(SEVERITIES)}")
    message = _need(path, r, "message", str, "rule")
    defaults = KINDS[kind].params
    params = dict(defaults)
    given = r.get("params", {})
    if not isinstance(given, dict):
        raise RuleFileError(path, "rule.params", "must be a table")
    for k, v in given.items():
        if k not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise RuleFileError(path, f"rule.params.{k}", f"unknown parameter for kind {kind!r}; known: {known}")
        want = type(defaults[k])
        if want is float and isinstance(v, int) and not isinstance(v, bool):
            v = float(v)
        if not isinstance(v, want) or (isinstance(v, bool) and want is not bool):
            raise RuleFileError(path, f"rule.params.{k}", f"must be a {want.__name__}, got {type(v).__name__}")
        params[k] = v
    try:
        message.format_map(_TemplateProbe())
    except KeyError as ex:
        raise RuleFileError(path, "rule.message", str(ex.args[0])) from None
    except (ValueError, IndexError, AttributeError, TypeError) as ex:
        raise RuleFileError(path, "rule.message", f"bad template ({ex})") from None
    if not rid.strip():
        raise RuleFileError(path, "rule.id", "must not be empty")
    description = r.get("description", "")
    if not isinstance(description, str):
        raise RuleFileError(path, "rule.description", f"must be a str, got {type(description).__name__}")
    raw_examples = data.get("example", [])
    if not isinstance(raw_examples, list):
        raise RuleFileError(path, "example", "must be an array of tables: write [[example]], not [example]")
    examples = tuple(_example(path, i, e) for i, e in enumerate(raw_examples))
    return Rule(rid, _need(path, r, "name", str, "rule"), kind, severity, message, params,
                description, examples, str(path))


# What a rule's message may name (findings fill them): a name outside these is a typo that
# would print nothing where the editor expects a figure or an article
MESSAGE_FIELDS = ("a", "a_doc", "a_quote", "a_all", "b", "b_doc", "b_quote", "b_all", "actor", "metric", "about",
                  "docs", "n_docs", "orders", "ratio")


class _TemplateProbe(dict):
    def __missing__(self, key: str) -> str:
        if key not in MESSAGE_FIELDS:
            known = ", ".join(f"{{{f}}}" for f in MESSAGE_FIELDS)
            raise KeyError(f"{{{key}}} names nothing; a message may use {known}")
        return ""


def _example(path: Path, i: int, e: Any) -> Example:
    where = f"example[{i}]"
    if not isinstance(e, dict):
        raise RuleFileError(path, where, "must be a table")
    extra = set(e) - _EXAMPLE_KEYS
    if extra:
        raise RuleFileError(path, f"{where}.{sorted(extra)[0]}", "unknown key")
    expect = _need(path, e, "expect", str, where)
    if expect not in ("fire", "quiet"):
        raise RuleFileError(path, f"{where}.expect", "must be 'fire' or 'quiet'")
    docs = _need(path, e, "docs", list, where)
    for j, d in enumerate(docs):
        if not isinstance(d, dict):
            raise RuleFileError(path, f"{where}.docs[{j}]", "must be a table")
        bad = set(d) - _DOC_KEYS
        if bad:
            raise RuleFileError(path, f"{where}.docs[{j}].{sorted(bad)[0]}", "unknown key")
        _need(path, d, "id", str, f"{where}.docs[{j}]")
        _need(path, d, "text", str, f"{where}.docs[{j}]")
        for key in ("lang", "date", "title"):
            if key in d and not isinstance(d[key], str):
                raise RuleFileError(path, f"{where}.docs[{j}].{key}", f"must be a str, got {type(d[key]).__name__}")
    note = e.get("note", "")
    if not isinstance(note, str):
        raise RuleFileError(path, f"{where}.note", f"must be a str, got {type(note).__name__}")
    return Example(expect, tuple(docs), note)
