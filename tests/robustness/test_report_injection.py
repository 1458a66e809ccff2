"""End to end through the CLI: hostile article text, titles, ids and URLs reach the HTML report
only as text, and the page's Content-Security-Policy forbids loading or running anything else."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from tests.html_page import Page
from tests.robustness.helpers import assert_clean_stderr, run_cli

PAYLOAD = ("<script>alert(1)</script> <img src=x onerror=alert(2)> \" onmouseover=\"alert(3) ' onfocus='alert(4) "
           "<a href=\"javascript:alert(5)\">x</a> </script><!-- <style>body{background:url(https://evil.example/x)}"
           "</style> <iframe src=//evil.example> {{ 7*7 }} ${7*7} \u2028\u2029")
RECORDS = [
    {"id": "a<b>\"'", "title": "<script>alert('title')</script>\" onload=\"alert(6)", "url": "javascript:alert(7)",
     "date": "2024-01-10",
     "text": f"OpenAI <script>alert(1)</script> raised $5 billion in 2023, the company said {PAYLOAD}."},
    {"id": "b", "title": "Wire", "url": "https://news.example/b?x=\"><script>alert(8)</script>", "date": "2024-01-11",
     "text": f"OpenAI \" onmouseover=\"alert(3) raised $6 billion in 2023, the company said {PAYLOAD}."},
]
HTML_ARTICLE = ("<html><head><title>&lt;script&gt;alert(9)&lt;/script&gt;</title></head><body>"
                "<p>OpenAI &lt;img src=x onerror=alert(10)&gt; raised $7 billion in 2023, it said.</p>"
                "<p onclick=\"alert(11)\"><a href=\"javascript:alert(12)\">link</a></p></body></html>")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    root = tmp_path_factory.mktemp("injection")
    (root / "in").mkdir()
    (root / "in" / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    (root / "in" / "page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (root / "in" / "<img src=x onerror=alert(13)>.txt").write_bytes(b"%PDF-1.4 unreadable, listed in the report")
    run = run_cli("scan", "in", "--report", "report.html", "--format", "json", "-q", "--no-cache", cwd=root)
    assert run.code == 2, run.stderr  # the PDF is unreadable
    assert_clean_stderr(run.stderr)
    out = run.json()
    assert out["findings"], "the two records must give a finding, so their quotes are in the report"
    return (root / "report.html").read_text(encoding="utf-8"), out


def test_only_our_two_scripts_and_no_handlers_or_dangerous_elements(report) -> None:
    html, _ = report
    page = Page(html)
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert len(re.findall(r"<script", html, re.I)) == 2
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.lower().startswith("on")], (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form", "frame"), tag
        for k, v in attrs.items():
            assert "javascript:" not in (v or "").lower().replace(" ", ""), (tag, k, v)
            assert k not in ("src", "srcset", "poster", "action", "formaction", "xlink:href"), (tag, k)
        if "href" in attrs:
            assert tag == "a" and attrs["href"] and attrs["href"].startswith(("https://", "http://", "#")), attrs


def test_hostile_text_is_shown_as_text(report) -> None:
    html, _ = report
    text = "".join(Page(html).text)
    assert "<img src=x onerror=alert(13)>.txt" in text  # the unreadable file's name, in the errors table
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html and 'onmouseover="' not in html
    # Quotes and titles reach the page only through the data block, drawn with textContent
    # (tests/browser/test_browser_injection.py opens every card and checks what a reader sees).
    outside = re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)
    assert "alert(" not in outside.replace("alert(13)", "")


def test_the_data_block_holds_the_text_verbatim_and_cannot_end_the_script(report) -> None:
    html, _ = report
    [(_, block)] = [(a, b) for a, b in Page(html).scripts if a.get("type") == "application/json"]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\u2028" not in block and "\u2029" not in block
    strings: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            for x in node:
                walk(x)
        elif isinstance(node, str):
            strings.append(node)

    walk(json.loads(block))
    assert any(PAYLOAD in x for x in strings)  # the script puts it in the page with textContent


def test_a_strict_content_security_policy_forbids_remote_loads(report) -> None:
    html, _ = report
    page = Page(html)
    metas = [a for t, a in page.tags
             if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    csp = metas[0]["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert directives.get("connect-src", "'none'") == "'none'"
    assert directives["img-src"] in ("data:", "'none'")
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp and "*" not in csp

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    [script] = [body for attrs, body in page.scripts if "type" not in attrs]
    assert directives["script-src"] == sha(script)
    assert directives["style-src"] == " ".join(sha(s) for s in page.styles)
    # the CSP comes before anything it governs
    assert html.index("Content-Security-Policy") < html.index("<style") < html.index("<script")
    assert not any("url(" in s or "@import" in s for s in page.styles)


def test_unsafe_urls_are_not_links(report) -> None:
    html, out = report
    hrefs = [a["href"] for t, a in Page(html).tags if t == "a" and a.get("href")]
    assert not any("alert" in h and "javascript" in h.lower() for h in hrefs)
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert any(e["source"].endswith("<img src=x onerror=alert(13)>.txt") for e in out["errors"])
