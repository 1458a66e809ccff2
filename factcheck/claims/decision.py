"""The decision: a transparent score over each pair's evidence, with its weights as data.

score = 1 / (1 + exp(-(intercept + Σ weight × feature))): the probability, on the labelled
cases the weights were fitted on (`factcheck calibrate`), that two figures which differ state
the same fact, so that their difference is a real contradiction. Severity comes from the score
and the thresholds; every weight, threshold and the grouping parameters live in
`rules/decision.toml`, which a newsroom re-fits on its own triage.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.evidence import FEATURES
from factcheck.claims.pairs import PairParams
from factcheck.claims.relations import RelationParams
from factcheck.claims.stories import StoryParams

DECISION_FILE = "decision.toml"
SEVERITIES = ("error", "warning", "info")


class DecisionFileError(Exception):
    """decision.toml is broken; str() names the file and the key."""

    def __init__(self, path: Path | str, key: str, reason: str) -> None:
        super().__init__(f"{path}: {key}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


@dataclass
class Decision:
    intercept: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # severity → lowest score that reaches it
    stories: StoryParams = field(default_factory=StoryParams)
    pairs: PairParams = field(default_factory=PairParams)
    relations: RelationParams = field(default_factory=RelationParams)
    path: str = ""
    fitted: dict[str, Any] = field(default_factory=dict)  # what calibrate recorded
    # a pre-publication check's thresholds (`[check]`): a draft's handful of findings is read
    # one by one before it is published, so a wrong figure is worth a warning at a lower score
    # than in an archive scan, where false alarms pile up by the thousand
    check: dict[str, float] = field(default_factory=dict)

    def for_check(self) -> Decision:
        """The decision a pre-publication check applies to the findings about its drafts."""
        if not self.check:
            return self
        th = {**self.thresholds, **self.check}
        # the scan's own bands stay in order around the check's (a re-fit may move them)
        th["info"] = min(th["info"], th["warning"])
        th["error"] = max(th["error"], th["warning"])
        return replace(self, thresholds=th)

    def logit(self, feats: pd.DataFrame) -> np.ndarray:
        z = np.full(len(feats), self.intercept, dtype=np.float64)
        for name, w in self.weights.items():
            if w and name in feats:
                z += w * feats[name].to_numpy(dtype=np.float64)
        return z

    def score(self, feats: pd.DataFrame) -> np.ndarray:
        return 0.5 * (1.0 + np.tanh(0.5 * self.logit(feats)))  # = 1 / (1 + e^-z), without overflow

    def severity(self, score: float) -> str | None:
        """The severity band a score reaches, or None below the lowest threshold."""
        for sev in SEVERITIES:
            if score >= self.thresholds[sev]:
                return sev
        return None

    @property
    def floor(self) -> float:
        """The lowest score that links two figures into one fact: the pairs' `link_score`,
        never above the info threshold (a finding's pair always links its figures)."""
        return min(self.pairs.link_score, self.thresholds["info"])

    def explain(self, row: pd.Series | dict[str, Any], top: int = 6) -> list[dict[str, Any]]:
        """The features that moved a pair's score most, strongest first: name, value, weight,
        contribution (weight × value) and what the feature means."""
        items = []
        for name, w in self.weights.items():
            x = float(row.get(name, 0.0) or 0.0)
            if x and w:
                items.append({"name": name, "value": round(x, 3), "weight": round(w, 3),
                              "contribution": round(w * x, 3), "text": FEATURES.get(name, name)})
        items.sort(key=lambda e: (-abs(e["contribution"]), e["name"]))
        return items[:top]


def load_decision(path: Path | str) -> Decision:
    """Read and check a decision file (weights, thresholds, grouping parameters)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as ex:
        raise DecisionFileError(path, "-", f"cannot read ({ex.strerror or ex})") from None
    except UnicodeDecodeError as ex:
        raise DecisionFileError(path, "-", f"not UTF-8 (byte {ex.start})") from None
    except tomllib.TOMLDecodeError as ex:
        raise DecisionFileError(path, "-", f"not valid TOML ({ex})") from None
    return parse_decision(data, path)


def parse_decision(data: dict[str, Any], path: Path | str = "<decision>") -> Decision:
    unknown = set(data) - {"model", "thresholds", "check", "stories", "pairs", "relations", "fitted"}
    if unknown:
        raise DecisionFileError(path, sorted(unknown)[0], "unknown table; known: model, thresholds, check, "
                                "stories, pairs, relations, fitted")
    model = _table(path, data, "model")
    intercept = _number(path, model, "intercept", "model")
    weights_raw = _table(path, model, "weights", "model.")
    weights: dict[str, float] = {}
    for name in weights_raw:
        if name not in FEATURES:
            raise DecisionFileError(path, f"model.weights.{name}",
                                    f"unknown feature; known: {', '.join(sorted(FEATURES))}")
        weights[name] = _number(path, weights_raw, name, "model.weights")
    thresholds = _thresholds(path, _table(path, data, "thresholds"), "thresholds", SEVERITIES)
    check: dict[str, float] = {}
    if "check" in data:
        table = _table(path, data, "check")
        check = _thresholds(path, table, "check", tuple(s for s in SEVERITIES if s in table))
    parts: dict[str, Any] = {}
    for name, cls in (("stories", StoryParams), ("pairs", PairParams), ("relations", RelationParams)):
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise DecisionFileError(path, name, "must be a table")
        for k, v in table.items():
            if k not in cls.__dataclass_fields__:
                raise DecisionFileError(path, f"{name}.{k}", f"unknown parameter; known: "
                                        f"{', '.join(cls.__dataclass_fields__)}")
            if isinstance(v, bool) or not isinstance(v, int | float) or (isinstance(v, float) and math.isnan(v)):
                raise DecisionFileError(path, f"{name}.{k}", "must be a number")
        parts[name] = cls.from_table(table)
    fitted = data.get("fitted", {})
    return Decision(intercept, weights, thresholds, parts["stories"], parts["pairs"], parts["relations"],
                    str(path), fitted if isinstance(fitted, dict) else {}, check)


def _thresholds(path: Path | str, table: dict[str, Any], where: str, required: tuple[str, ...]) -> dict[str, float]:
    """Severity thresholds: each a number from 0 to 1, error >= warning >= info."""
    out = {}
    for sev in required:
        out[sev] = _number(path, table, sev, where)
        if not 0.0 <= out[sev] <= 1.0:
            raise DecisionFileError(path, f"{where}.{sev}", "must be between 0 and 1")
    extra = set(table) - set(SEVERITIES)
    if extra:
        raise DecisionFileError(path, f"{where}.{sorted(extra)[0]}", "unknown severity")
    ordered = [out[s] for s in SEVERITIES if s in out]
    if ordered != sorted(ordered, reverse=True):
        raise DecisionFileError(path, where, "must satisfy error >= warning >= info")
    return out


def _table(path: Path | str, data: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    if key not in data:
        raise DecisionFileError(path, where + key, "missing")
    if not isinstance(data[key], dict):
        raise DecisionFileError(path, where + key, "must be a table")
    return data[key]


def _number(path: Path | str, table: dict[str, Any], key: str, where: str) -> float:
    if key not in table:
        raise DecisionFileError(path, f"{where}.{key}", "missing")
    v = table[key]
    if isinstance(v, bool) or not isinstance(v, int | float) or math.isnan(float(v)):
        raise DecisionFileError(path, f"{where}.{key}", f"must be a number, got {type(v).__name__}")
    return float(v)


def dumps_decision(d: Decision, header: str = "") -> str:
    """The decision as TOML (what `factcheck calibrate` writes)."""
    lines = [header.rstrip(), ""] if header else []
    lines += ["[model]", f"intercept = {d.intercept:.4f}", "", "[model.weights]"]
    for name in FEATURES:
        if name in d.weights:
            lines.append(f"{name} = {d.weights[name]:.4f}  # {FEATURES[name]}")
    lines += ["", "[thresholds]"]
    # (to 8 significant digits: a fitted bar may sit at 0.99999, which 4 decimals make 1, "never")
    lines += [f"{sev} = {d.thresholds[sev]:.8g}" for sev in SEVERITIES]
    if d.check:
        lines += ["", "[check]"]
        lines += [f"{sev} = {d.check[sev]:.8g}" for sev in SEVERITIES if sev in d.check]
    for name, params in (("stories", d.stories), ("pairs", d.pairs), ("relations", d.relations)):
        lines += ["", f"[{name}]"]
        for k in params.__dataclass_fields__:
            lines.append(f"{k} = {getattr(params, k)}")
    if d.fitted:
        lines += ["", "[fitted]"]
        for k, v in d.fitted.items():
            lines.append(f"{k} = {_toml_value(v)}")
    return "\n".join(lines) + "\n"


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'
