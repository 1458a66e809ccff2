"""Hostile article text through the CLI into the findings index and its cards, in a real chromium:
every card opened, every filter fed the payloads, and nothing runs, loads or becomes markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robustness.helpers import run_cli
from tests.robustness.test_report_injection import HTML_ARTICLE, PAYLOAD, RECORDS

pytestmark = pytest.mark.browser
WATCH_PWN = "window.__alerts = 0; window.alert = function () { window.__alerts += 1; };"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inject")
    (root / "in").mkdir()
    (root / "in" / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    (root / "in" / "page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    run = run_cli("scan", "in", "--report", "report.html", "--format", "json", "-q", "--no-cache", cwd=root)
    assert run.code in (0, 1), run.stderr
    assert run.json()["findings"]
    return root / "report.html"


def test_index_and_cards_show_hostile_text_as_text(watched, hostile_report):
    watched.context.add_init_script(WATCH_PWN)
    page = watched.open(hostile_report)
    page.click("#fp-open-all")
    cards = page.locator("article.finding")
    assert cards.count() >= 1
    shown = page.locator("#findings").inner_text()
    assert "OpenAI <script>alert(1)</script> raised" in shown  # a quote, as text
    assert "<script>alert('title')</script>\" onload=\"alert(6)" in shown  # a title, as text
    # Feed the payload to every filter of the index, sort every column, hover what is drawn.
    for box in ("#ff-q", "#ff-claim", "#ff-source"):
        page.fill(box, PAYLOAD)
        page.fill(box, "<script>alert('title')</script>")
        page.fill(box, "")
    for key in ("severity", "rule", "message", "claim", "sources", "status", "triage"):
        page.click(f"#findings-index th[data-sort={key}] button")
    page.click("#fp-open-all")
    for m in page.locator("article.finding .message").all():
        m.hover()
    assert page.evaluate("window.__alerts") == 0 and watched.dialogs == []
    loaders = "img, iframe, object, embed, style, link"
    assert page.evaluate(f"document.querySelectorAll('{loaders}').length") == 1  # our own style
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("Array.from(document.querySelectorAll('*')).filter(e =>"
                         " Array.from(e.attributes).some(a => a.name.startsWith('on'))).length") == 0
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    assert watched.csp_violations() == [] and watched.errors == []
    assert [u for u in watched.requests if not u.startswith("file:")] == []
