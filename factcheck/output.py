"""Findings and mentions as text, JSON, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

import pandas as pd

from factcheck import __version__
from factcheck.findings import Finding
from factcheck.pipeline import ScanResult
from factcheck.ruleset import RuleSet
from factcheck.table import CONTRACT_COLUMNS, EXTRA_COLUMNS, records

EXTRACT_COLUMNS = [
    *CONTRACT_COLUMNS, "line", "col", "number", "magnitude", "exact", "resolved", "actor",
    "entities", "metric", "stage", "horizon", "claim",
]
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def mentions_jsonl(df: pd.DataFrame) -> str:
    cols = [c for c in EXTRACT_COLUMNS if c in df.columns]
    return "".join(dumps(r) + "\n" for r in records(df, cols))


def mentions_csv(df: pd.DataFrame) -> str:
    cols = [c for c in EXTRACT_COLUMNS if c in df.columns]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in records(df, cols):
        w.writerow(["" if v is None else "|".join(v) if isinstance(v, list) else v
                    for v in r.values()])
    return buf.getvalue()


def scan_json(result: ScanResult, fixed: list[dict[str, Any]] | None = None) -> str:
    c = result.corpus
    doc = {
        "findings": [f.as_dict() for f in result.findings],
        "documents": len(c.docs),
        "mentions": len(c.mentions),
        "errors": [e.as_dict() for e in c.errors],
        "fixed": fixed or [],
        "summary": summary(result),
        "docs": [{"id": d.id, "lang": d.lang, "date": d.date, "title": d.title, "url": d.url,
                  "mentions": d.mentions} for d in c.docs],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def summary(result: ScanResult) -> dict[str, Any]:
    sev = Counter(f.severity for f in result.findings)
    status = Counter(f.status for f in result.findings)
    return {"by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
            "by_status": {k: status.get(k, 0) for k in ("new", "baseline")}}


def _where(f: Finding) -> dict[str, Any]:
    return f.mentions[0] if f.mentions else {"doc": "-", "line": 1, "col": 1}


def scan_text(result: ScanResult, *, sources: dict[str, str] | None = None) -> str:
    """`path:line:col: severity rule message`, one line a finding, then the quotes."""
    sources = sources or {}
    out = []
    for f in result.findings:
        m = _where(f)
        path = sources.get(m["doc"], m["doc"])
        tag = "" if f.status == "new" else f" [{f.status}]"
        out.append(f"{path}:{m.get('line', 1)}:{m.get('col', 1)}: {f.severity} {f.rule}{tag} {f.message}")
        for q in f.mentions:
            out.append(f"    {q['doc']}:{q.get('line', 1)}: “{q['text']}” — {_squash(q['sentence'])}")
        if f.why:
            out.append(f"    grouped: {f.why}")
    c = result.corpus
    for e in c.errors:
        out.append(f"{e.source}: unreadable: {e.reason}")
    s = summary(result)["by_severity"]
    out.append(f"{len(c.docs)} documents, {len(c.mentions)} mentions, {len(result.findings)} findings "
               f"({s['error']} error, {s['warning']} warning, {s['info']} info)"
               + (f", {len(c.errors)} unreadable inputs" if c.errors else ""))
    return "\n".join(out) + "\n"


def _squash(s: str, limit: int = 220) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def scan_github(result: ScanResult, *, sources: dict[str, str] | None = None) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    sources = sources or {}
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in result.findings:
        m = _where(f)
        file = _gh_escape(sources.get(m["doc"], m["doc"]), prop=True)
        msg = _gh_escape(f"{f.message} [{f.id}]")
        out.append(f"::{level[f.severity]} file={file},line={m.get('line', 1)},col={m.get('col', 1)},"
                   f"title={_gh_escape(f.rule + ' ' + f.name, prop=True)}::{msg}")
    for e in result.corpus.errors:
        out.append(f"::error title=unreadable input::{_gh_escape(e.source + ': ' + e.reason)}")
    return "\n".join(out) + ("\n" if out else "")


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def scan_sarif(result: ScanResult, ruleset: RuleSet, *, sources: dict[str, str] | None = None) -> str:
    """SARIF 2.1.0 with partialFingerprints and baselineState for code-scanning dashboards."""
    sources = sources or {}
    rules = [{
        "id": r.id, "name": r.name,
        "shortDescription": {"text": r.description or r.name},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        "properties": {"kind": r.kind},
    } for r in ruleset.rules]
    index = {r.id: i for i, r in enumerate(ruleset.rules)}
    results = []
    for f in result.findings:
        locs = []
        for m in f.mentions:
            locs.append({"physicalLocation": {
                "artifactLocation": {"uri": sources.get(m["doc"], m["doc"])},
                "region": {"startLine": m.get("line", 1), "startColumn": m.get("col", 1),
                           "charOffset": m["start"], "charLength": m["end"] - m["start"],
                           "snippet": {"text": m["text"]}},
            }})
        res = {
            "ruleId": f.rule, "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": locs[:1], "relatedLocations": [dict(loc, id=i) for i, loc in enumerate(locs[1:], 1)],
            "partialFingerprints": {"factcheckClaim/v1": f.id},
            "baselineState": "unchanged" if f.status == "baseline" else "new",
        }
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        results.append(res)
    notes = [{"level": "error", "message": {"text": f"{e.source}: {e.reason}"},
              "descriptor": {"id": "unreadable-input"}} for e in result.corpus.errors]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


__all__ = ["EXTRA_COLUMNS", "mentions_csv", "mentions_jsonl", "scan_github", "scan_json",
           "scan_sarif", "scan_text"]
