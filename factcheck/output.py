"""Findings and mentions as text, JSON, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pandas as pd

from factcheck import __version__
from factcheck.documents import HTML_EXTENSIONS
from factcheck.findings import Finding
from factcheck.jsontext import dumps_indented
from factcheck.naming import doc_labels, plural, retitle, shorten
from factcheck.pipeline import ScanResult
from factcheck.ruleset import RuleSet
from factcheck.table import CONTRACT_COLUMNS, EXTRA_COLUMNS, MONEY_CONTEXT_COLUMNS, records

if TYPE_CHECKING:
    from factcheck.claims.calibrate import Calibration

EXTRACT_COLUMNS = [
    *CONTRACT_COLUMNS, "line", "col", "number", "magnitude", "exact", "resolved", "guessed", "actor",
    "entities", "metric", "stage", "horizon", "claim", "story", *MONEY_CONTEXT_COLUMNS,
]
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SEVERITIES = ("error", "warning", "info")
QUOTE_LABEL_CHARS = 60  # a source's label at the head of a quote line
QUOTE_LINES = 3  # quote lines a finding prints; the other sources are named on one more line
# The text format quotes each finding's sources while the output is a few findings to read (a
# draft's check); past this many it is a list to work through, one line a finding, like `concise`,
# except the warnings and errors while they are this few (a draft's two warnings among many
# corroborations of an archive keep their quotes).
QUOTED_FINDINGS = 20
QUOTES = ("auto", "all", "none")  # text (quotes up to QUOTED_FINDINGS findings), full, concise


def at_least(severity: str, floor: str) -> bool:
    """Is `severity` at or above `floor` (error > warning > info)? Unknown ones always print."""
    if severity not in SEVERITIES or floor not in SEVERITIES:
        return True
    return SEVERITIES.index(severity) <= SEVERITIES.index(floor)


def evidence_line(f: Finding) -> str:
    """'same story 0.82 · context 0.74 · claimant Acme ≈ Acme Corp · score 0.91', or ''."""
    parts = []
    for e in getattr(f, "evidence", None) or []:
        if not isinstance(e, dict):
            continue
        value = e.get("value")
        shown = f"{value:.2f}" if isinstance(value, float | int) and not isinstance(value, bool) else value
        parts.append(" ".join(str(p) for p in (e.get("name"), shown) if p not in (None, "")))
    score = getattr(f, "score", None)
    if isinstance(score, float | int) and not isinstance(score, bool):
        parts.append(f"score {score:.2f}")
    return " · ".join(p for p in parts if p)


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


def _finding_dict(result: ScanResult, f: Finding) -> dict[str, Any]:
    d = f.as_dict()
    region = result.suppressed.get(f.id) if f.status == "suppressed" else None
    if region is not None:
        d["suppression"] = {"line": region.line, "rules": list(region.rules), "reason": region.reason}
    return d


def scan_json(result: ScanResult, fixed: list[dict[str, Any]] | None = None) -> str:
    c = result.corpus
    doc = {
        "findings": [_finding_dict(result, f) for f in result.findings],
        "documents": result.documents,
        "mentions": result.mention_count,
        "errors": [e.as_dict() for e in c.errors],
        "fixed": fixed or [],
        "summary": summary(result),
        "docs": [{"id": d.id, "lang": d.lang, "date": d.date, "title": d.title, "url": d.url,
                  "mentions": d.mentions, "source": d.source, "line": d.line} for d in c.docs],
    }
    drafts = getattr(result, "drafts", None)
    if drafts is not None:  # factcheck check: `docs` lists the drafts and the archive articles quoted
        doc["drafts"] = drafts
    return dumps_indented(doc) + "\n"


def summary(result: ScanResult) -> dict[str, Any]:
    sev = Counter(f.severity for f in result.findings)
    status = Counter(f.status for f in result.findings)
    return {"by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
            "by_status": {k: status.get(k, 0) for k in ("new", "baseline", "suppressed")}}


def _where(f: Finding, prefer: set[str] | None = None) -> dict[str, Any]:
    """The mention a finding is reported at: the first one in a draft when there are drafts."""
    if prefer:
        for m in f.mentions:
            if m["doc"] in prefer:
                return m
    return f.mentions[0] if f.mentions else {"doc": "-", "line": 1, "col": 1}


def _records(result: ScanResult) -> dict[str, tuple[str, int]]:
    """Document id → (corpus file, the record's line in it) for every corpus record: where
    GitHub and SARIF viewers place a finding (a record's id names no file, and the line and
    column of a mention are positions inside the record's text)."""
    return {d.id: (d.source, d.line) for d in result.corpus.docs if getattr(d, "line", None) is not None}


def _in_text(doc: str, m: dict[str, Any]) -> str:
    """'record r3, text line 2 col 14': a figure's place inside its corpus record."""
    return f"record {doc}, text line {m.get('line', 1)} col {m.get('col', 1)}"


def _drafts(result: ScanResult) -> set[str] | None:
    drafts = getattr(result, "drafts", None)
    return set(drafts) if drafts else None


def _tag(result: ScanResult, f: Finding) -> str:
    if f.status == "new":
        return ""
    region = result.suppressed.get(f.id)
    if f.status == "suppressed" and region is not None:
        why = f": {region.reason}" if region.reason else ""
        return f" [suppressed at line {region.line}{why}]"
    return f" [{f.status}]"


def _figure_key(q: dict[str, Any]) -> tuple[Any, ...]:
    """A quote's figure as read: "$7 trillion" and "up to $7 trillion" in one article are one figure."""
    if q.get("kind") == "date":
        return (q["doc"], "date", q.get("date_start"), q.get("date_end"))
    value = q.get("value")
    if value is None or value != value:  # NaN
        value = q.get("high") if q.get("high") is not None else q.get("low")
    return (q["doc"], "money", value if value is not None else q.get("text"), q.get("currency"), q.get("per"))


def _quote_lines(f: Finding, labels: dict[str, str]) -> list[str]:
    """A finding's quotes: one line per figure of one document, however often and in however
    many wordings the article states it ("×4"), the source named by its label with its id
    and lines; past QUOTE_LINES, the other sources on one line."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for q in f.mentions:
        groups.setdefault(_figure_key(q), []).append(q)
    out, rest = [], []
    for qs in groups.values():
        doc = str(qs[0]["doc"])
        lines = sorted({int(q.get("line") or 1) for q in qs})
        where = f"{doc}:{lines[0]}" if len(lines) == 1 else f"{doc}, lines {', '.join(map(str, lines))}"
        label = shorten(labels.get(doc, doc), QUOTE_LABEL_CHARS)
        source = where if label == doc else f"{label} ({where})"
        texts: dict[str, int] = {}
        for q in qs:
            t = " ".join(str(q["text"]).split())  # a figure may span a line break
            texts[t] = texts.get(t, 0) + 1
        figures = ", ".join(f"“{t}”" + (f" ×{n}" if n > 1 else "") for t, n in texts.items())
        if len(out) < QUOTE_LINES or len(groups) == QUOTE_LINES + 1:
            out.append(f"    {source}: {figures} — {_squash(qs[0]['sentence'])}")
        else:
            rest.append(f"{figures} in {source}")
    if rest:
        out.append("    " + _squash(f"… and {len(rest)} more: " + "; ".join(rest), 240))
    return out


def scan_text(result: ScanResult, *, sources: dict[str, str] | None = None,
              fixed: list[dict[str, Any]] | None = None, min_severity: str = "info", quotes: str = "auto") -> str:
    """`path:line:col: severity rule message [evidence: ...]`, one line a finding, then its quotes.

    Sources are named by their titles (the file name or id beside them). Why the figures
    were grouped is in the message (claimant and metric), in full in JSON and the report.
    Findings below `min_severity` are not printed; the summary line counts them. `quotes`:
    "all" prints every finding's evidence and quotes, "none" the finding's line alone (a list to
    work through or grep), "auto" the quotes while at most QUOTED_FINDINGS findings are printed;
    past that, those of the warnings and errors while they are at most QUOTED_FINDINGS, and the
    summary line says what went without.
    """
    if quotes not in QUOTES:
        raise ValueError(f"quotes must be one of {', '.join(QUOTES)}, not {quotes!r}")
    sources = sources or {}
    prefer = _drafts(result)
    labels = doc_labels(result.corpus.docs)
    shown = [f for f in result.findings if at_least(f.severity, min_severity)]
    every = quotes == "all" or (quotes == "auto" and len(shown) <= QUOTED_FINDINGS)
    serious = quotes == "auto" and sum(f.severity != "info" for f in shown) <= QUOTED_FINDINGS
    out = []
    for f in shown:
        quoted = every or (serious and f.severity != "info")
        m = _where(f, prefer)
        path = sources.get(m["doc"], m["doc"])
        evidence = evidence_line(f) if quoted else ""
        out.append(f"{path}:{m.get('line', 1)}:{m.get('col', 1)}: {f.severity} {f.rule}{_tag(result, f)} "
                   f"{_one_line(retitle(f.message, labels))}" + (f" [evidence: {evidence}]" if evidence else ""))
        if quoted:
            out.extend(_quote_lines(f, labels))
    for e in fixed or []:
        out.append(f"fixed: {e['id']} {e.get('rule') or ''} {e.get('message') or ''}".rstrip())
    c = result.corpus
    for e in c.errors:
        out.append(f"{e.source}: unreadable: {e.reason}")
    line = summary_line(result, fixed, min_severity)
    if quotes == "auto" and not every:
        line += (f"; more than {QUOTED_FINDINGS} findings printed, so "
                 + ("info findings one line each" if serious else "one line each")
                 + " without evidence or quotes (--format full prints them)")
    out.append(line)
    return "\n".join(out) + "\n"


def summary_line(result: ScanResult, fixed: list[dict[str, Any]] | None = None, min_severity: str = "info") -> str:
    """'5 documents, 34 mentions, 4 findings (1 error, 1 warning, 2 info)', and what was not printed."""
    s = summary(result)
    sev, st = s["by_severity"], s["by_status"]
    status = "".join(f", {st[k]:,} {k}" for k in ("baseline", "suppressed") if st[k])
    drafts = getattr(result, "drafts", None)
    c = result.corpus
    what = (f"{_n(len(drafts), 'draft')} against {_n(result.documents - len(drafts), 'archive document')}"
            if drafts is not None else plural(result.documents, "document"))
    line = (f"{what}, {plural(result.mention_count, 'mention')}, {plural(len(result.findings), 'finding')} "
            f"({sev['error']:,} error, {sev['warning']:,} warning, {sev['info']:,} info{status})"
            + (f", {len(fixed):,} fixed" if fixed else "")
            + (f", {plural(len(c.errors), 'unreadable input')}" if c.errors else ""))
    below = [k for k in SEVERITIES if not at_least(k, min_severity) and sev.get(k)]
    if below:
        hidden = sum(sev[k] for k in below)
        line += (f"; {hidden:,} {' and '.join(below)} not printed (--min-severity {min_severity}; "
                 "--format json or sarif, or the report, has them all)")
    return line


def _one_line(s: str) -> str:
    """One line of output per finding: a figure or title that spans a line break is joined."""
    return " ".join(s.split())


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _squash(s: str, limit: int = 220) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def scan_github(result: ScanResult, *, sources: dict[str, str] | None = None,
                fixed: list[dict[str, Any]] | None = None, min_severity: str = "info") -> str:
    """GitHub Actions workflow commands: one annotation per finding at or above `min_severity`.

    New findings are annotated at their severity; baseline and suppressed ones as notices
    tagged with their status, so they stay visible without looking like failures. Sources
    are named by their titles in the message; the annotation's file is the path. A figure
    in a corpus record is annotated at the record's line of the corpus file (no column),
    the message opening with the record's id and the figure's line and column in its text.
    """
    sources = sources or {}
    prefer = _drafts(result)
    labels = doc_labels(result.corpus.docs)
    records = _records(result)
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in result.findings:
        if not at_least(f.severity, min_severity):
            continue
        m = _where(f, prefer)
        record = records.get(m["doc"])
        lvl = level[f.severity] if f.status == "new" else "notice"
        msg = f"{retitle(f.message, labels)} [{f.id}]{_tag(result, f)}"
        if record is not None:
            place = f"file={_gh_escape(record[0], prop=True)},line={record[1]}"
            msg = f"{_in_text(m['doc'], m)}: {msg}"
        else:
            place = (f"file={_gh_escape(sources.get(m['doc'], m['doc']), prop=True)},"
                     f"line={m.get('line', 1)},col={m.get('col', 1)}")
        title = f"{f.rule} {f.name}" + ("" if f.status == "new" else f" ({f.status})")
        out.append(f"::{lvl} {place},title={_gh_escape(title, prop=True)}::{_gh_escape(msg)}")
    for e in fixed or []:
        out.append(f"::notice title=fixed baseline finding::{_gh_escape(str(e['id']) + ' ' + str(e.get('message')))}")
    for e in result.corpus.errors:
        out.append(f"::error title=unreadable input::{_gh_escape(e.source + ': ' + e.reason)}")
    return "\n".join(out) + ("\n" if out else "")


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def _uri(path: str) -> str:
    """A relative URI reference for a path (SARIF artifactLocation.uri)."""
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")


def _location(m: dict[str, Any], sources: dict[str, str], records: dict[str, tuple[str, int]]) -> dict[str, Any]:
    """A mention as a SARIF location. A whole-file document's region is the figure (line,
    column, offset and length in the file's text); an HTML page's is its line and column, its
    offsets (in the visible text, not the file) kept in the location's properties. A corpus
    record's region is its line of the corpus file (offsets in its text are not the file's):
    the record is named by a logical location, and the figure's place in its text kept in the
    location's properties."""
    record = records.get(m["doc"])
    if record is None:
        path = sources.get(m["doc"], m["doc"])
        offsets = {"charOffset": m["start"], "charLength": m["end"] - m["start"]}
        extracted = path.lower().endswith(HTML_EXTENSIONS)
        loc: dict[str, Any] = {"physicalLocation": {
            "artifactLocation": {"uri": _uri(path)},
            "region": {"startLine": max(1, int(m.get("line") or 1)),
                       "startColumn": max(1, int(m.get("col") or 1)),
                       **({} if extracted else offsets),
                       "snippet": {"text": m["text"]}},
        }}
        if extracted:
            loc["properties"] = {"textOffset": m["start"], "textLength": m["end"] - m["start"]}
        return loc
    return {
        "physicalLocation": {"artifactLocation": {"uri": _uri(record[0])}, "region": {"startLine": record[1]}},
        "logicalLocations": [{"name": str(m["doc"]), "kind": "object"}],
        "properties": {"record": str(m["doc"]), "textLine": max(1, int(m.get("line") or 1)),
                       "textColumn": max(1, int(m.get("col") or 1)), "textOffset": m["start"],
                       "textLength": m["end"] - m["start"], "snippet": m["text"]},
    }


def scan_sarif(result: ScanResult, ruleset: RuleSet, *, sources: dict[str, str] | None = None,
               baseline: dict[str, Any] | None = None, fixed: list[dict[str, Any]] | None = None) -> str:
    """SARIF 2.1.0 with partialFingerprints and baselineState for code-scanning dashboards.

    `baselineState` is `unchanged` for a finding the baseline lists, else `new`; findings
    suppressed inline carry a SARIF `suppressions` entry (kind inSource). A figure in a corpus
    record is located at the record's line of the corpus file (`_location`).
    """
    sources = sources or {}
    prefer = _drafts(result)
    records = _records(result)
    known = set(baseline or ()) | {f.id for f in result.findings if f.status == "baseline"}
    rules = [{
        "id": r.id, "name": r.name,
        "shortDescription": {"text": r.description or r.name},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        "properties": {"kind": r.kind},
    } for r in ruleset.rules]
    index = {r.id: i for i, r in enumerate(ruleset.rules)}
    results = []
    for f in result.findings:
        first = _where(f, prefer)
        ordered = [first] + [m for m in f.mentions if m is not first]
        locs = [_location(m, sources, records) for m in ordered]
        res: dict[str, Any] = {
            "ruleId": f.rule, "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": locs[:1], "relatedLocations": [dict(loc, id=i) for i, loc in enumerate(locs[1:], 1)],
            "partialFingerprints": {"factcheckClaim/v1": f.id},
            "baselineState": "unchanged" if f.id in known else "new",
            "properties": {"status": f.status, "claim": f.claim, "score": getattr(f, "score", None),
                           "story": getattr(f, "story", None), "evidence": getattr(f, "evidence", None) or []},
        }
        if "record" in locs[0].get("properties", {}):  # a corpus record: its id and the figure's place in its text
            res["properties"].update({k: locs[0]["properties"][k] for k in ("record", "textLine", "textColumn")})
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        region = result.suppressed.get(f.id)
        if f.status == "suppressed" and region is not None:
            why = region.reason or f"factcheck-ignore comment at line {region.line}"
            res["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": why}]
        results.append(res)
    notes = [{"level": "error", "message": {"text": f"{e.source}: {e.reason}"},
              "descriptor": {"id": "unreadable-input"}} for e in result.corpus.errors]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
        "results": results,
    }
    if fixed:
        run["properties"] = {"fixed": fixed}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


__all__ = ["EXTRA_COLUMNS", "QUOTED_FINDINGS", "at_least", "evidence_line", "mentions_csv", "mentions_jsonl",
           "scan_github", "scan_json", "scan_sarif", "scan_text", "summary_line"]


def calibration_report(cal: Calibration) -> str:
    """The before/after table `factcheck calibrate` prints."""
    lines = [f"{cal.examples} candidate pairs, {cal.positives} of them labelled conflicts; "
             f"{cal.covered} of {cal.cases} conflict cases have a candidate pair (the most any weights can catch)",
             "", f"{'set':34} {'severity':8} {'':6} {'threshold':>9} {'recall':>14} {'non-conflicts flagged':>22}"]
    for label, rows in (("in use", cal.before), ("fitted", cal.after)):
        for r in rows:
            lines.append(f"{r['set'][:34]:34} {r['severity']:8} {label:6} {r['threshold']:>9.6g} "
                         f"{r['recall']:>6.2f} ({r['caught']:>2}/{r['conflicts']:<2}) "
                         f"{r['false_rate']:>12.2f} ({r['flagged']:>2}/{r['non_conflicts']:<2})")
    lines.append("")
    lines.append("Scores of held-out folds: by labels file when there are several (fitted on the others), "
                 "else five folds of cases.")
    return "\n".join(lines) + "\n"
