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
from factcheck.report.data import ReportData, build_report_data
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


def page_data(data: ReportData) -> dict[str, Any]:
    """What the script needs: the mentions table, the findings for export, the identity."""
    return {
        "identity": data.identity,
        "title": data.title,
        "findings": data.export,
        "claims": {f.id: f.claim for f in data.findings},
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

    Keyword arguments go to `build_report_data` (fixed, title, max_rows, baseline).
    """
    html = render_html(build_report_data(result, ruleset, **kw))
    p = Path(path)
    write_atomic(p, html)
    return p
