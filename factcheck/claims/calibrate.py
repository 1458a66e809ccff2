"""Fitting the decision's weights and thresholds from labelled cases (`factcheck calibrate`).

Labelled cases come in the format of the evaluation sets (a JSON list of {"id", "label":
"conflict" | "non_conflict", "mentions": [{"doc", "text", "start"?, "end"?, "group"?}]}) or as
the HTML report's triage export (accepted findings are real conflicts, false alarms are not).
The corpora the cases refer to are scanned; every candidate pair whose values differ becomes a
training example:
- a pair joining two mentions of different groups of a conflict case is positive;
- a pair joining two mentions of a non-conflict case is negative;
- every other differing pair of the labelled articles is negative, with a smaller weight
  (`unlabelled_weight`): most figures two articles share are different facts, and the model
  must learn to leave them alone. A real but unlabelled conflict among them is label noise.
The model is an L2-regularised logistic regression (scipy's L-BFGS); thresholds are chosen on
scores of folds the weights were not fitted on: the warning threshold is the lowest that keeps
flagged non-conflicts within `max_false_rate` and pair precision at `warning_precision`,
error and info likewise with their own targets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from factcheck.claims.decision import SEVERITIES, Decision
from factcheck.claims.evidence import FEATURES, SIGNS
from factcheck.claims.relations import CONFLICTS


class LabelFileError(Exception):
    """A labels file is unreadable or malformed; str() names the file and the reason."""


@dataclass(frozen=True)
class LabelledMention:
    doc: str
    text: str
    start: int | None
    end: int | None
    group: str


@dataclass(frozen=True)
class Case:
    id: str
    label: str  # conflict | non_conflict
    mentions: tuple[LabelledMention, ...]
    source: str  # the labels file


def _norm(s: Any) -> str:
    return re.sub(r"\s+", " ", str(s or "")).strip().lower()


def load_cases(path: str | Path) -> list[Case]:
    """Cases from an evaluation set or a triage export (the report's baseline export)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as ex:
        raise LabelFileError(f"{p}: cannot read ({ex})") from None
    except json.JSONDecodeError as ex:
        raise LabelFileError(f"{p}: not JSON (line {ex.lineno}: {ex.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("findings"), list):
        raw = [_from_triage(e, n) for n, e in enumerate(data["findings"])]
    elif isinstance(data, list):
        raw = data
    else:
        raise LabelFileError(f"{p}: expected a list of cases or a triage export with 'findings'")
    out = []
    for n, c in enumerate(raw):
        if c is None:
            continue
        if not isinstance(c, dict) or not isinstance(c.get("mentions"), list):
            raise LabelFileError(f"{p}: case {n}: expected an object with a 'mentions' list")
        label = c.get("label")
        if label not in ("conflict", "non_conflict"):
            continue  # ambiguous or unknown: not scored
        ms = []
        for k, m in enumerate(c["mentions"]):
            if not isinstance(m, dict) or not isinstance(m.get("doc"), str) or not isinstance(m.get("text"), str):
                raise LabelFileError(f"{p}: case {c.get('id', n)} mention {k}: needs string 'doc' and 'text'")
            start, end = m.get("start"), m.get("end")
            ms.append(LabelledMention(m["doc"], m["text"], start if isinstance(start, int) else None,
                                      end if isinstance(end, int) else None, str(m.get("group", f"#{k}"))))
        out.append(Case(str(c.get("id", n)), label, tuple(ms), p.name))
    return out


def _from_triage(entry: Any, n: int) -> dict[str, Any] | None:
    if not isinstance(entry, dict):
        return None
    status = entry.get("status")
    label = {"accepted": "conflict", "false_alarm": "non_conflict"}.get(status)
    if label is None:
        return None
    return {"id": entry.get("id", f"triage-{n}"), "label": label, "mentions": entry.get("mentions", [])}


@dataclass
class Example:
    """Training pairs: features, labels, weights, and which case (if any) each belongs to."""

    x: pd.DataFrame
    y: np.ndarray
    w: np.ndarray
    case: np.ndarray  # "source/case id" or "" for unlabelled pairs
    source: np.ndarray  # the labels file each pair is scored under
    positive_cases: dict[str, str] = field(default_factory=dict)  # case key → source
    negative_cases: dict[str, str] = field(default_factory=dict)
    pairs: pd.DataFrame | None = None  # i, j (table positions) of each example, for reports


def _matches(table: pd.DataFrame, by_doc: dict[str, np.ndarray], m: LabelledMention) -> list[int]:
    rows = by_doc.get(m.doc)
    if rows is None:
        return []
    want = _norm(m.text)
    out = []
    for p in rows.tolist():
        got = _norm(table.at[p, "text"])
        if not want or not got or (want not in got and got not in want):
            continue
        if m.start is not None and m.end is not None:
            s, e = int(table.at[p, "start"]), int(table.at[p, "end"])
            if min(e, m.end) - max(s, m.start) <= 0:
                continue
        out.append(p)
    return out


def examples(cases: Sequence[Case], table: pd.DataFrame, scored: pd.DataFrame, *,
             unlabelled_weight: float = 0.2, background: int = 20000, seed: int = 0) -> Example:
    """Training examples from the scored candidate pairs of the cases' corpus: every differing
    pair that touches a labelled article, and a fixed-seed sample of `background` differing
    pairs elsewhere (the pairs a scan meets everywhere, which the labelled articles, often
    re-issues of one story, do not show)."""
    table = table.reset_index(drop=True)
    by_doc = {d: np.asarray(idx) for d, idx in table.groupby("doc", sort=False).indices.items()}
    differing = scored[scored["relation"].isin(CONFLICTS | {"date_precision"})].reset_index(drop=True)
    pos_of: dict[tuple[int, int], str] = {}
    neg_of: dict[tuple[int, int], str] = {}
    labelled_docs: dict[str, str] = {}
    positive_cases, negative_cases = {}, {}
    figure = _figure_keys(table)
    actor = table["actor"].astype("object").where(table["actor"].notna(), None).to_numpy()
    doc = table["doc"].to_numpy()
    # a labelled conflict stated again elsewhere (a third re-issue, a repeated sentence) is the
    # same conflict: figures with the values of two of its groups, in one of its articles or
    # about one of its claimants, make a positive pair too
    restated: dict[tuple[str, str], tuple[str, int, set[str], set[str]]] = {}
    for c in cases:
        key = f"{c.source}/{c.id}"
        hits = [(m, _matches(table, by_doc, m)) for m in c.mentions]
        for m, _ in hits:
            labelled_docs.setdefault(m.doc, c.source)
        (positive_cases if c.label == "conflict" else negative_cases)[key] = c.source
        if c.label == "conflict":
            docs = {m.doc for m in c.mentions}
            actors = {actor[p] for _, rows in hits for p in rows if actor[p]}
            for n, (m, rows) in enumerate(hits):
                for p in rows:
                    restated.setdefault((figure[p], m.group), (key, n, docs, actors))
        for a in range(len(hits)):
            for b in range(a + 1, len(hits)):
                (ma, ra), (mb, rb) = hits[a], hits[b]
                if c.label == "conflict" and ma.group == mb.group:
                    continue
                for x in ra:
                    for y in rb:
                        if x == y:
                            continue
                        pair = (min(x, y), max(x, y))
                        (pos_of if c.label == "conflict" else neg_of).setdefault(pair, key)
    i, j = differing["i"].to_numpy(), differing["j"].to_numpy()
    keys = list(zip(i.tolist(), j.tolist(), strict=True))
    groups_of: dict[str, list[tuple[str, str, set[str], set[str]]]] = {}
    for (fig, group), (key, _, docs, actors) in restated.items():
        groups_of.setdefault(fig, []).append((key, group, docs, actors))
    for a, b in keys:
        if (a, b) in pos_of or (a, b) in neg_of:
            continue
        for key, ga, docs, actors in groups_of.get(figure[a], []):
            if any(k == key and gb != ga and (doc[a] in docs or doc[b] in docs or {actor[a], actor[b]} & actors)
                   for k, gb, _, _ in groups_of.get(figure[b], [])):
                pos_of[(a, b)] = key
                break
    in_labelled = np.array([doc[a] in labelled_docs or doc[b] in labelled_docs for a, b in keys], dtype=bool)
    y = np.array([1 if k in pos_of else 0 for k in keys], dtype=np.int8)
    case = np.array([pos_of.get(k) or neg_of.get(k) or "" for k in keys], dtype=object)
    keep = in_labelled | (case != "")
    rest = np.flatnonzero(~keep)
    if len(rest) > background:
        rest = np.sort(np.random.default_rng(seed).choice(rest, background, replace=False))
    keep[rest] = True
    w = np.where(case != "", 1.0, unlabelled_weight)
    source = np.array([(labelled_docs.get(doc[a]) or labelled_docs.get(doc[b]) or "") for a, b in keys], dtype=object)
    x = differing.loc[keep, list(FEATURES)].reset_index(drop=True)
    return Example(x, y[keep], w[keep], case[keep], source[keep], positive_cases, negative_cases,
                   differing.loc[keep, ["i", "j", "relation"]].reset_index(drop=True))


def _figure_keys(table: pd.DataFrame) -> np.ndarray:
    """What a figure says, as a string: its value and currency, or its interval."""
    money = table["kind"].to_numpy() == "money"
    value = pd.to_numeric(table["value"], errors="coerce").to_numpy()
    cur = table["currency"].astype("object").fillna("").to_numpy()
    start = table["date_start"].astype("object").fillna("").to_numpy()
    end = table["date_end"].astype("object").fillna("").to_numpy()
    return np.array([f"{v:.6g} {c}" if m else f"{s}/{e}" for m, v, c, s, e in zip(money, value, cur, start, end,
                                                                                   strict=True)], dtype=object)


def fit(x: pd.DataFrame, y: np.ndarray, w: np.ndarray, *, l2: float = 1.0,
        names: Sequence[str] = tuple(FEATURES), prior: dict[str, float] | None = None,
        positive_weight: float = 20.0) -> tuple[float, dict[str, float]]:
    """Weighted L2-regularised logistic regression, each weight kept to its feature's sign
    (`evidence.SIGNS`) and drawn towards `prior` (the weights in use: a few labelled cases
    adjust them, many can overturn them); each positive counts `positive_weight` times."""
    xm = x[list(names)].to_numpy(dtype=np.float64)
    w = w.astype(np.float64).copy()
    w[y == 1] *= positive_weight  # a labelled conflict is rarer, and worth more, than a pair left alone
    w /= w.sum() / len(w)
    lam = l2 / len(w)
    w0 = np.array([(prior or {}).get(n, 0.0) for n in names])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        b, beta = theta[0], theta[1:]
        z = b + xm @ beta
        p = _sigmoid(z)
        d = beta - w0
        ll = np.sum(w * (np.logaddexp(0.0, z) - y * z)) / len(w) + 0.5 * lam * d @ d
        g = w * (p - y) / len(w)
        return ll, np.concatenate([[g.sum()], xm.T @ g + lam * d])

    bounds = [(None, None)] + [{1: (0.0, None), -1: (None, 0.0)}.get(SIGNS.get(n, 0), (None, None))
                               for n in names]
    start = np.concatenate([[0.0], [min(max(v, lo if lo is not None else v), hi if hi is not None else v)
                                     for v, (lo, hi) in zip(w0, bounds[1:], strict=True)]])
    # imported here: scipy.optimize takes a third of a second to import, which every scan paid
    from scipy.optimize import minimize

    res = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    theta = res.x
    return float(theta[0]), {n: float(v) for n, v in zip(names, theta[1:], strict=True)}


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + e^-z), without overflow


def scores_of(intercept: float, weights: dict[str, float], x: pd.DataFrame) -> np.ndarray:
    z = np.full(len(x), intercept)
    for n, v in weights.items():
        z += v * x[n].to_numpy(dtype=np.float64)
    return _sigmoid(z)


@dataclass
class Quality:
    threshold: float
    recall: float  # share of conflict cases with a positive pair at or above the threshold
    false_rate: float  # share of non-conflict cases with a pair at or above it
    precision: float  # labelled-weight precision of pairs at or above it
    caught: int = 0
    conflicts: int = 0
    flagged: int = 0
    non_conflicts: int = 0


def quality(ex: Example, scores: np.ndarray, threshold: float, keep: np.ndarray | None = None) -> Quality:
    keep = np.ones(len(scores), dtype=bool) if keep is None else keep
    hit = (scores >= threshold) & keep
    sources = set(ex.source[keep].tolist())
    pos_cases = {k for k, s in ex.positive_cases.items() if s in sources}
    neg_cases = {k for k, s in ex.negative_cases.items() if s in sources}
    caught = {c for c, y, h in zip(ex.case, ex.y, hit, strict=True) if h and y == 1}
    flagged = {c for c, y, h in zip(ex.case, ex.y, hit, strict=True) if h and y == 0 and c in neg_cases}
    tp = float(((ex.y == 1) & hit).sum())
    fp = float(((ex.y == 0) & hit).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    return Quality(threshold, len(caught & pos_cases) / max(len(pos_cases), 1),
                   len(flagged) / max(len(neg_cases), 1), precision, len(caught & pos_cases), len(pos_cases),
                   len(flagged), len(neg_cases))


@dataclass(frozen=True)
class Targets:
    """What each severity promises, on held-out scores. `max_false_rate`: share of labelled
    non-conflicts a finding may flag; `max_background`: share of the sampled pairs away from
    the labelled articles (nearly all different facts) that may reach the threshold, which
    bounds the false alarms a whole archive would see."""

    error_false_rate: float = 0.0
    error_background: float = 0.0002
    warning_false_rate: float = 0.05
    warning_background: float = 0.001
    info_background: float = 0.01


def choose_thresholds(ex: Example, scores: np.ndarray, targets: Targets) -> dict[str, float]:
    """The lowest thresholds that meet each severity's targets on held-out scores."""
    # unrounded, with a tail towards 1: the scores of a model fitted with weighted positives
    # crowd there, and a grid of four decimals would leave "never" (1.0) as the next bar
    tail = 1.0 - np.logspace(-3, -8, 31)
    grid = np.unique(np.concatenate([scores[ex.y == 1], np.linspace(0.05, 0.999, 96), tail]))
    background = ex.source == ""
    n_bg = max(int(background.sum()), 1)
    wants = {"error": (targets.error_false_rate, targets.error_background),
             "warning": (targets.warning_false_rate, targets.warning_background),
             "info": (1.0, targets.info_background)}
    out: dict[str, float] = {}
    for sev, (false_rate, bg_rate) in wants.items():
        out[sev] = 0.999
        for t in sorted(grid):
            q = quality(ex, scores, float(t))
            if q.false_rate <= false_rate and ((scores >= t) & background).sum() / n_bg <= bg_rate:
                out[sev] = float(t)
                break
    out["warning"] = min(out["warning"], out["error"])
    out["info"] = min(out["info"], out["warning"])
    return out


def folds_of(ex: Example, k: int) -> np.ndarray:
    """A fold number per example: by labels file when there are several, else by case."""
    sources = sorted(set(ex.source.tolist()) - {""})
    if len(sources) >= 2:
        index = {s: n for n, s in enumerate(sources)}
        return np.array([index.get(s, -1) for s in ex.source.tolist()], dtype=np.int64)
    keys = sorted(set(ex.case.tolist()) - {""})
    index = {c: n % k for n, c in enumerate(keys)}
    rng = np.random.default_rng(0)
    return np.array([index.get(c, int(rng.integers(k))) for c in ex.case.tolist()], dtype=np.int64)


def report(ex: Example, scores: np.ndarray, thresholds: dict[str, float], folds: np.ndarray | None = None
           ) -> list[dict[str, Any]]:
    """Recall, flagged non-conflicts and pair precision per severity, overall and per labels file."""
    rows = []
    groups: list[tuple[str, np.ndarray]] = [("all", np.ones(len(scores), dtype=bool))]
    for s in sorted(set(ex.source.tolist()) - {""}):
        groups.append((s, ex.source == s))
    for name, keep in groups:
        for sev in SEVERITIES:
            q = quality(ex, scores, thresholds[sev], keep)
            rows.append({"set": name, "severity": sev, "threshold": float(f"{thresholds[sev]:.8g}"),
                         "recall": round(q.recall, 3), "caught": q.caught, "conflicts": q.conflicts,
                         "false_rate": round(q.false_rate, 3), "flagged": q.flagged,
                         "non_conflicts": q.non_conflicts, "precision": round(q.precision, 3)})
    return rows


# labelled conflicts below which a fit says nothing: its held-out folds (the check of the fit)
# would hold a conflict in one or two of five at most
MIN_CONFLICTS = 3


@dataclass
class Calibration:
    """What `factcheck calibrate` found: the fitted decision, and how the decision in use and
    the fitted one do on held-out folds (rows of `report`)."""

    decision: Decision
    before: list[dict[str, Any]]
    after: list[dict[str, Any]]
    examples: int
    positives: int
    cases: int
    covered: int  # conflict cases with at least one candidate pair: what any weights can reach


def run(cases: Sequence[Case], table: pd.DataFrame, scored: pd.DataFrame, decision: Decision, *,
        strength: float = 300.0, k: int = 5, targets: Targets = Targets()) -> Calibration:
    """Fit on the scored candidate pairs of the cases' corpus and compare with `decision`."""
    ex = examples(cases, table, scored)
    if ex.y.sum() == 0:
        raise LabelFileError("no labelled conflict matches a candidate pair of the corpus: are the labels "
                             "about these articles (same ids, same texts)?")
    before = scores_of(decision.intercept, decision.weights, ex.x)
    folds = folds_of(ex, k)
    held = np.zeros(len(ex.y))
    for f in sorted(set(folds.tolist())):
        train, test = folds != f, folds == f
        if ex.y[train].sum() == 0:
            held[test] = before[test]
            continue
        b, w = fit(ex.x[train], ex.y[train], ex.w[train], l2=strength, prior=decision.weights)
        held[test] = scores_of(b, w, ex.x[test])
    thresholds = choose_thresholds(ex, held, targets)
    b, weights = fit(ex.x, ex.y, ex.w, l2=strength, prior=decision.weights)
    fitted = replace(decision, intercept=round(b, 4), weights={n: round(v, 4) for n, v in weights.items()},
                     thresholds={s: float(f"{thresholds[s]:.8g}") for s in SEVERITIES},
                     fitted={"examples": len(ex.y), "positives": int(ex.y.sum()), "strength": strength,
                             "labels": sorted(set(ex.source.tolist()) - {""})})
    covered = len(set(ex.case[ex.y == 1].tolist()))
    return Calibration(fitted, report(ex, before, decision.thresholds), report(ex, held, fitted.thresholds),
                       len(ex.y), int(ex.y.sum()), len(ex.positive_cases), covered)


__all__ = ["MIN_CONFLICTS", "Calibration", "Case", "Example", "LabelFileError", "Targets", "choose_thresholds",
           "examples", "fit",
           "load_cases", "quality", "report", "run", "scores_of"]


