"""Rule files: find, parse and validate `rules/*.toml` (and any folder given with --rules).

A rule file holds one `[rule]` table (id, name, kind, severity, message, params) and its
`[[example]]` cases. Three lexicon files share the folder: `entities.toml`,
`metrics.toml`, `fx.toml`; a lexicon in a user folder extends the default one.
Every problem is a RuleFileError naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from factcheck.claimlex import Lexicon
from factcheck.kinds import KINDS

LEXICON_FILES = ("entities", "metrics", "fx")
SEVERITIES = ("error", "warning", "info")
_RULE_KEYS = {"id", "name", "kind", "severity", "message", "description", "params"}
_EXAMPLE_KEYS = {"expect", "note", "docs"}
_DOC_KEYS = {"id", "text", "lang", "date", "title"}


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


def load_rules(extra: list[str] | tuple[str, ...] = (), *, defaults: bool = True) -> RuleSet:
    """Rules and lexicons from the default folder (unless `defaults` is off) and `extra`."""
    folders = ([default_rules_dir()] if defaults else []) + [Path(p) for p in extra]
    rules: list[Rule] = []
    lexicons: dict[str, dict[str, Any]] = {name: {} for name in LEXICON_FILES}
    seen: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleFileError(folder, "--rules", "not a folder")
        for path in sorted(folder.glob("*.toml")):
            data = _parse(path)
            if path.stem in LEXICON_FILES:
                _merge(lexicons[path.stem], data)
                continue
            rule = _rule(path, data)
            if rule.id in seen:
                raise RuleFileError(path, "rule.id", f"duplicate id {rule.id!r} (also in {seen[rule.id]})")
            seen[rule.id] = str(path)
            rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return RuleSet(rules, lexicons, [str(f) for f in folders])


def _parse(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as ex:
        raise RuleFileError(path, "-", f"not valid TOML ({ex})") from None
    except OSError as ex:
        raise RuleFileError(path, "-", f"cannot read ({ex.strerror})") from None


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
    except (ValueError, IndexError) as ex:
        raise RuleFileError(path, "rule.message", f"bad template ({ex})") from None
    examples = tuple(_example(path, i, e) for i, e in enumerate(data.get("example", [])))
    return Rule(rid, _need(path, r, "name", str, "rule"), kind, severity, message, params,
                r.get("description", ""), examples, str(path))


class _TemplateProbe(dict):
    def __missing__(self, key: str) -> str:
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
    return Example(expect, tuple(docs), e.get("note", ""))
