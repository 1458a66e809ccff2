"""Render `ReportData` as one self-contained HTML file (jinja2, autoescape on).

The page loads nothing from anywhere: its CSS and its one script are inline, and a
Content-Security-Policy allows exactly those two (by sha256) and nothing else. Article
text only reaches the page as escaped text: in the markup through autoescape, and in the
script through a JSON data block whose `<`, `>` and `&` are \\u-escaped, read with
JSON.parse and put in the DOM with textContent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from factcheck.atomic import write_atomic
from factcheck.pipeline import ScanResult
from factcheck.report.data import (
    SEVERITIES,
    FindingCard,
    ReportData,
    Strip,
    build_report_data,
    evidence_text,
)
from factcheck.ruleset import RuleSet

TEMPLATE = "report.html.j2"
ASSETS = ("report.css", "report.js")


def _environment() -> jinja2.Environment:
    try:
        loader: jinja2.BaseLoader = jinja2.PackageLoader("factcheck.report", "templates")
    except ValueError:  # pragma: no cover - not importable as a package (zipapp, odd installs)
        loader = jinja2.FileSystemLoader(str(Path(__file__).with_name("templates")))
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    return env


_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def _asset(env: jinja2.Environment, name: str) -> str:
    source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    return source.replace("\r\n", "\n")


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    return "; ".join([
        "default-src 'none'",
        f"style-src {csp_hash(css)}",
        f"script-src {csp_hash(js)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def script_json(obj: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no `</script>`, no `<!--`."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(text)


def _strip_json(st: Strip | None) -> dict[str, Any] | None:
    if st is None:
        return None
    return {
        "scale": st.scale, "w": st.width, "h": st.height, "left": st.plot_left, "right": st.plot_right,
        "axisY": st.axis_y, "ticks": [[t.x, t.label] for t in st.ticks], "caption": st.caption,
        "unplaced": st.unplaced,
        "marks": [{"y": m.y, "label": m.label, "title": m.title, "c": m.color, "dot": m.dot, "x1": m.x1,
                   "x2": m.x2, "ol": m.open_low, "oh": m.open_high, "text": m.text, "tx": m.text_x,
                   "ty": m.text_y, "anchor": m.text_anchor} for m in st.marks],
    }


def _finding_json(card: FindingCard, doc_index: dict[str, int], export: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": card.id, "anchor": card.anchor, "rule": card.rule, "name": card.name, "sev": card.severity,
        "status": card.status, "message": card.message, "raw": card.raw_message, "claim": card.claim,
        "claimLabel": card.claim_label, "why": card.why, "story": card.story, "score": card.score,
        "evidence": card.evidence, "evidenceText": evidence_text(card.evidence),
        "docs": [doc_index[d.id] for d in card.docs],
        "quotes": [{"d": doc_index[q.doc.id], "kind": q.kind, "before": q.before, "figure": q.figure,
                    "after": q.after, "reading": q.reading, "line": q.line, "n": q.count, "lines": q.lines,
                    "more": [list(x) for x in q.more], "note": q.note, "c": q.color} for q in card.quotes],
        "strip": _strip_json(card.strip),
        "justification": export.get("justification", ""),
        "m": [[doc_index[m["doc"]], m["text"]] for m in export.get("mentions", [])],
    }


def page_data(data: ReportData) -> dict[str, Any]:
    """What the script needs: every finding (drawn on demand), the mentions table, the identity."""
    docs = data.table.payload["docs"]
    doc_index = {d[0]: i for i, d in enumerate(docs)}
    export = {e["id"]: e for e in data.export}
    return {
        "identity": data.identity,
        "title": data.title,
        "minSeverity": data.min_severity,
        "severities": list(SEVERITIES),
        "rules": {r.id: [r.name, r.description] for r in data.rules},
        "findings": [_finding_json(c, doc_index, export.get(c.id, {})) for c in data.findings],
        "table": data.table.payload,
    }


def render_html(data: ReportData) -> str:
    """The report as one HTML string (same data, same bytes)."""
    env = environment()
    css, js = (_asset(env, name) for name in ASSETS)
    template = env.get_template(TEMPLATE)
    html = template.render(
        d=data, s=data.summary, css=Markup(css), js=Markup(js),
        csp=content_security_policy(css, js), payload=script_json(page_data(data)),
    )
    return html


def write_report(result: ScanResult, ruleset: RuleSet, path: str | os.PathLike[str],
                 **kw: Any) -> Path:
    """Build and render the report, then write it atomically (temp file + rename).

    Keyword arguments go to `build_report_data` (fixed, title, max_rows, baseline, min_severity).
    """
    html = render_html(build_report_data(result, ruleset, **kw))
    p = Path(path)
    write_atomic(p, html)
    return p
