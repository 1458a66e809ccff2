"""The HTML report in a real chromium: findings, table, triage, export, hostile text."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from report_sample import SAMPLE_FIXED, big_result, many_findings_result, sample_result, sample_rules

from factcheck.baseline import apply_baseline, load_baseline
from factcheck.report.html import write_report

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
A1, B2, C3 = "fc-00000000000000a1", "fc-00000000000000b2", "fc-00000000000000c3"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    return write_report(sample_result(), sample_rules(), path, fixed=SAMPLE_FIXED)


def visible_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#mentions-body tr", "trs => trs.map(tr => Array.from(tr.cells, td => td.textContent))")


def index_rows(page) -> list[dict[str, str]]:
    """The findings index as shown: one dict a row (its finding's anchor, severity, rule)."""
    return page.eval_on_selector_all("#findings-body tr.frow", """trs => trs.map(tr => ({
        anchor: tr.getAttribute('data-fid'), sev: tr.cells[1].textContent.trim(),
        rule: tr.cells[2].querySelector('.rule-id').textContent, message: tr.cells[3].textContent}))""")


def shown_ids(page) -> list[str]:
    return [r["anchor"][2:] for r in index_rows(page)]


def column(page, name: str) -> list[str]:
    heads = page.eval_on_selector_all("#mentions-table thead th", "ths => ths.map(t => t.textContent)")
    i = next(k for k, h in enumerate(heads) if h.strip() == name)
    return [r[i] for r in visible_rows(page)]


def test_findings_appear(watched, report):
    page = watched.open(report)
    # A report of a few findings opens with every card open, in claim order.
    assert shown_ids(page) == [A1, C3, B2]
    assert page.locator("article.finding").count() == 3
    message = page.locator(f"#f-{A1} .message").inner_text()
    assert message.startswith('“$500” (<img src=x onerror="window.__pwned=1">Acme "…) and “$500 billion” '
                              "(Acme to invest $500 billion)")
    assert page.locator(f"#f-{A1} mark").all_inner_texts() == ["$500", "$500 billion", "about $500 bn"]
    assert page.locator(f"#f-{A1} svg.strip circle").count() == 3
    assert page.locator("#sum-findings").inner_text() == "3"
    assert page.locator("#ff-status-line").inner_text() == "Showing 1–3 of 3 matching findings (3 in this report)."
    assert page.locator("#ff-banner").is_hidden()
    # Finding filters: severity, then triage state; the banner counts what they hide.
    page.select_option("#ff-severity", "warning")
    assert shown_ids(page) == [B2]
    assert page.locator("#ff-banner-text").inner_text() == "2 findings hidden by the filter (1 error, 1 info)."
    page.select_option("#ff-severity", "")
    page.select_option("#ff-triage", "accepted")  # the baseline finding starts accepted
    assert shown_ids(page) == [C3]
    assert page.locator("#ff-banner-text").inner_text() == "2 findings hidden by the filter (1 error, 1 warning)."
    page.click("#ff-show-all")
    assert shown_ids(page) == [A1, C3, B2] and page.locator("#ff-banner").is_hidden()
    # Related findings of one claim: the error's card lists the agreement on the same claim.
    related = page.locator(f"#f-{A1} .related li")
    assert related.count() == 1 and "FC900" in related.inner_text()
    assert watched.errors == [] and watched.dialogs == [] and watched.csp_violations() == []


def test_a_closed_card_opens_on_demand(watched, report):
    page = watched.open(report)
    page.click("#fp-close-all")
    assert page.locator("article.finding").count() == 0
    button = page.locator(f"tr[data-fid='f-{B2}'] button.open-btn")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert page.locator("article.finding").count() == 1
    assert page.locator(f"#f-{B2} mark").all_inner_texts() == ["May 2025", "March 2026"]
    assert page.locator(f"tr[data-fid='f-{B2}'] button.open-btn").get_attribute("aria-expanded") == "true"
    # A related finding's link opens it where it is listed.
    page.click("#fp-close-all")
    page.locator(f"tr[data-fid='f-{A1}'] button.open-btn").click()
    page.locator(f"#f-{A1} .related a").click()
    page.wait_for_selector(f"#f-{C3}")
    assert page.locator(f"#f-{C3} mark").all_inner_texts() == ["$500 billion", "about $500 bn"]
    assert watched.errors == []


def test_filter_and_sort_mentions(watched, report):
    page = watched.open(report)
    assert len(visible_rows(page)) == 6
    assert page.locator("#mf-status-line").inner_text().startswith("Showing 1–6 of 6")
    page.select_option("#mf-kind", "date")
    assert column(page, "Kind") == ["date", "date", "date"]
    page.fill("#mf-doc", "wire-b")
    page.wait_for_function("() => document.querySelectorAll('#mentions-body tr').length === 1")
    assert column(page, "Mention") == ["March 2026"]
    page.click("#mf-reset")
    page.fill("#mf-q", "data centres")
    page.wait_for_function("() => document.querySelectorAll('#mentions-body tr').length === 1")
    assert column(page, "Mention") == ["$500 billion"]
    page.click("#mf-reset")
    page.select_option("#mf-currency", "USD")
    assert len(visible_rows(page)) == 3
    page.click("#mf-reset")
    # Sort by value: ascending, then descending; dates (no value) stay last.
    page.click("#mentions-table th[data-sort=value] button")
    assert page.get_attribute("#mentions-table th[data-sort=value]", "aria-sort") == "ascending"
    assert column(page, "Mention")[:3] == ["$500", "$500 billion", "about $500 bn"]
    page.click("#mentions-table th[data-sort=value] button")
    assert page.get_attribute("#mentions-table th[data-sort=value]", "aria-sort") == "descending"
    assert column(page, "Mention")[2] == "$500"
    assert column(page, "Value")[3:] == ["", "", ""]
    # "Show this claim's mentions" filters the table to the finding's claim.
    page.click(f"#f-{B2} [data-role=show-claim]")
    assert sorted(column(page, "Mention")) == ["March 2026", "May 2025"]
    assert watched.errors == []


def test_pages_through_many_rows(watched, tmp_path):
    path = write_report(big_result(5000, docs=200), sample_rules(), tmp_path / "big.html")
    page = watched.open(path)
    assert len(visible_rows(page)) == 50
    assert page.locator("#pg-label").inner_text() == "Page 1 of 100"
    page.click("#pg-next")
    assert page.locator("#pg-label").inner_text() == "Page 2 of 100"
    assert page.locator("#mf-status-line").inner_text().startswith("Showing 51–100 of 5,000")
    page.click("#pg-last")
    assert page.locator("#pg-label").inner_text() == "Page 100 of 100"
    page.select_option("#pg-size", "500")
    assert len(visible_rows(page)) == 500
    page.check("#mf-hit")
    assert len(visible_rows(page)) == 5
    assert watched.errors == []


def test_triage_survives_reload(watched, report):
    page = watched.open(report)
    card = page.locator(f"#f-{A1}")
    card.get_by_label("to fix").check()
    card.locator("textarea").fill("ask the desk which figure is right")
    card.locator("textarea").blur()
    page.locator(f"#f-{B2}").get_by_label("false alarm").check()
    assert card.locator("[data-role=triage-badge]").inner_text() == "to fix"
    page.reload()
    page.wait_for_selector("#mentions-body tr")
    card = page.locator(f"#f-{A1}")
    assert card.get_by_label("to fix").is_checked()
    assert card.locator("textarea").input_value() == "ask the desk which figure is right"
    assert card.locator("[data-role=triage-badge]").inner_text() == "to fix"
    assert page.locator(f"#f-{B2}").get_by_label("false alarm").is_checked()
    assert page.locator("#triage-summary").inner_text() == (
        "Triage: 1 accepted, 1 false alarm, 1 to fix, 0 not triaged.")
    # Marks belong to this report: another report (other identity) starts clean.
    other = write_report(sample_result(), sample_rules(), report.with_name("other.html"),
                         title="another report")
    page2 = watched.open(other)
    assert page2.locator(f"#f-{A1}").get_by_label("not triaged").is_checked()


def test_export_is_a_valid_baseline(watched, report, tmp_path):
    page = watched.open(report)
    a1 = page.locator(f"#f-{A1}")
    a1.get_by_label("accepted", exact=True).check()
    a1.locator("textarea").fill("the $500 is a typo upstream; \"quoted\" </script>")
    page.locator(f"#f-{B2}").get_by_label("to fix").check()
    # C3 is in the baseline already: it stays accepted unless marked otherwise.
    with page.expect_download() as info:
        page.click("#export-baseline")
    download = info.value
    assert download.suggested_filename == "factcheck-baseline.json"
    target = tmp_path / "baseline.json"
    download.save_as(target)
    doc = json.loads(target.read_text("utf-8"))
    assert doc["version"] == 1 and doc["generated_by"] == "factcheck"
    assert [e["id"] for e in doc["findings"]] == [A1, C3]
    for e in doc["findings"]:
        assert set(e) == {"id", "rule", "message", "status", "justification", "mentions"}
        assert all(set(m) == {"doc", "text"} for m in e["mentions"])
    a1_entry, c3_entry = doc["findings"]
    assert a1_entry["status"] == "accepted" and a1_entry["rule"] == "FC101"
    assert a1_entry["justification"] == "the $500 is a typo upstream; \"quoted\" </script>"
    assert a1_entry["mentions"][0] == {"doc": "wire-b", "text": "$500"}
    assert c3_entry["status"] == "accepted"
    # The lead's --baseline reader takes it: A1 and C3 become baseline, B2 stays new.
    base = load_baseline(target)
    findings = sample_result().findings
    fixed = apply_baseline(findings, base)
    assert {f.id: f.status for f in findings} == {A1: "baseline", B2: "new", C3: "baseline"}
    assert fixed == []


def test_hostile_text_runs_no_script(watched, report):
    page = watched.open(report)
    # Draw every hostile string the table can show.
    page.fill("#mf-doc", "wire-b")
    page.wait_for_function("() => document.querySelectorAll('#mentions-body tr').length === 2")
    page.locator(f"#f-{A1} [data-role=show-claim]").click()
    page.hover(f"#f-{A1} blockquote")
    page.hover(f"#f-{A1} .message")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    quote = page.locator(f"#f-{A1} blockquote").first.inner_text()
    assert "<script>window.__pwned=4;alert(1)</script>" in quote
    assert '" onmouseover="window.__pwned=5"' in quote
    title = page.locator(f"#f-{A1} .quote .doc-title").first
    assert title.inner_text().startswith('<img src=x onerror="window.__pwned=1">')
    assert title.locator("a").count() == 0  # its javascript: URL is not a link
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
    assert not [h for h in hrefs if not h.startswith(("http:", "https:", "file:"))]
    assert watched.csp_violations() == [] and watched.errors == []
    # Nothing was fetched but the report itself.
    assert [u for u in watched.requests if not u.startswith("file:")] == []


def test_keyboard_reaches_controls(watched, report):
    page = watched.open(report)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#export-baseline")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    radio = page.locator(f"#f-{A1} input[type=radio][value='']")
    radio.focus()
    page.keyboard.press("ArrowRight")
    assert page.locator(f"#f-{A1} input[value=accepted]").is_checked()


def test_print_shows_findings_without_controls(watched, report):
    page = watched.open(report)
    page.emulate_media(media="print")
    assert page.locator(f"#f-{B2}").is_visible() and page.locator(f"#f-{A1} blockquote").first.is_visible()
    assert not page.locator("#export-baseline").is_visible()
    assert not page.locator("#ff-severity").is_visible()
    assert not page.locator("#mentions-table").is_visible()


def test_seeds_report_in_browser(watched, tmp_path):
    from factcheck.pipeline import scan
    from factcheck.ruleset import load_rules

    rules = load_rules()
    result = scan([str(REPO / "seeds")], rules)
    path = write_report(result, rules, tmp_path / "seeds.html", title="factcheck report: seeds")
    page = watched.open(path)
    assert page.locator("article.finding").count() == len(result.findings) > 0
    assert sorted(shown_ids(page)) == sorted(f.id for f in result.findings)
    assert page.locator("#mf-status-line").inner_text().startswith(
        f"Showing 1–{min(50, len(result.corpus.mentions))} of {len(result.corpus.mentions)}")
    assert watched.errors == [] and watched.csp_violations() == []


def test_large_report_opens_quickly(watched, tmp_path):
    path = write_report(big_result(50_000, docs=2000), sample_rules(), tmp_path / "50k.html")
    started = time.perf_counter()
    page = watched.open(path)
    page.wait_for_function("() => document.getElementById('pg-label').textContent === 'Page 1 of 1,000'")
    opened = time.perf_counter() - started
    started = time.perf_counter()
    page.fill("#mf-q", "firm 42 ")
    page.wait_for_function("() => document.getElementById('mf-status-line').textContent.indexOf('of 50,000') < 0")
    page.click("#mentions-table th[data-sort=value] button")
    filtered = time.perf_counter() - started
    size = path.stat().st_size
    print(f"50,000 mentions: {size / 1e6:.1f} MB, opened in {opened:.2f} s, "
          f"search+sort in {filtered:.2f} s")
    assert opened < 6 and filtered < 6


# ------------------------------------------------------------------ at archive scale


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """2,000 findings (84% info) over 30,000 mentions, as an archive scan gives them."""
    path = tmp_path_factory.mktemp("archive") / "archive.html"
    return write_report(many_findings_result(2000, 30_000), sample_rules(), path)


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_archive_report_opens_quickly_and_stays_short(watched, archive):
    started = time.perf_counter()
    page = watched.open(archive)
    opened = time.perf_counter() - started
    print(f"2,000 findings, 30,000 mentions: {archive.stat().st_size / 1e6:.1f} MB, opened in {opened:.2f} s, "
          f"{page_height(page):,} px tall")
    assert opened < 2
    page.click("#ff-reset")
    page.click("#mf-reset")
    assert page.locator("#ff-status-line").inner_text() == (
        "Showing 1–50 of 2,000 matching findings (2,000 in this report).")
    assert page.locator("article.finding").count() == 0  # no card until one is opened
    assert page_height(page) < 20_000
    page.locator("tr[data-fid='f-fc-0000000000000003'] button.open-btn").click()
    assert page.locator("article.finding").count() == 1
    assert page.locator("article.finding blockquote").count() >= 2
    # The figure quoted twice from one sentence is one quote with its count.
    assert page.locator("article.finding .quote .count").all_inner_texts() == [
        "×2: 2 times in this article, in the same words"]
    assert page_height(page) > 0
    assert watched.errors == [] and watched.csp_violations() == []


def test_filter_the_archive_by_claim_source_and_status(watched, archive):
    page = watched.open(archive)
    page.fill("#ff-claim", "money · Firm 7 · revenue")
    page.wait_for_function("() => document.getElementById('ff-status-line').textContent.indexOf('of 2,000') < 0")
    claims = page.eval_on_selector_all("#findings-body tr.frow", "trs => trs.map(tr => tr.getAttribute('data-fid'))")
    data = page.evaluate("JSON.parse(document.getElementById('fc-data').textContent).findings"
                         ".filter(f => f.claimLabel.indexOf('money · Firm 7 · revenue') >= 0).map(f => f.anchor)")
    assert claims == data and len(claims) >= 2  # Firm 7, Firm 70-79, ...: every one, none else
    page.click("#ff-reset")
    page.fill("#ff-source", "doc-00026")
    page.wait_for_function("() => document.getElementById('ff-status-line').textContent.indexOf('of 2,000') < 0")
    docs = page.evaluate("""(() => { const d = JSON.parse(document.getElementById('fc-data').textContent);
        const i = d.table.docs.findIndex(x => x[0] === 'doc-00026');
        return d.findings.filter(f => f.docs.indexOf(i) >= 0).map(f => f.anchor); })()""")
    shown = page.eval_on_selector_all("#findings-body tr.frow", "trs => trs.map(tr => tr.getAttribute('data-fid'))")
    assert shown == docs[:50] and docs
    page.click("#ff-reset")
    page.select_option("#ff-status", "baseline")
    assert shown_ids(page) == [C3]
    assert watched.errors == []


def test_every_archive_finding_is_reachable_from_the_index(watched, archive):
    from report_sample import many_findings_result as again

    page = watched.open(archive)
    page.select_option("#fp-size", "200")
    seen: list[str] = []
    while True:
        seen += shown_ids(page)
        if page.locator("#fp-next").is_disabled():
            break
        page.click("#fp-next")
    expected = [f.id for f in again(2000, 30_000).findings]
    assert len(seen) == 2000 and sorted(seen) == sorted(expected)
    # The claim order keeps a claim's findings together: each claim is one run of rows.
    claims = page.evaluate("(() => { const d = JSON.parse(document.getElementById('fc-data').textContent);"
                           " return d.findings.map(f => f.claim); })()")
    runs = [c for i, c in enumerate(claims) if i == 0 or claims[i - 1] != c]
    assert len(runs) == len(set(runs))


def test_filter_the_archive_by_severity_and_rule(watched, archive):
    page = watched.open(archive)
    page.select_option("#ff-severity", "warning")
    page.select_option("#fp-size", "200")
    rows = index_rows(page)
    assert len(rows) == 200 and {r["sev"].lower() for r in rows} == {"warning"}
    assert page.locator("#ff-status-line").inner_text().endswith("of 241 matching findings (2,000 in this report).")
    assert page.locator("#ff-banner-text").inner_text() == (
        "1,759 findings hidden by the filter (81 error, 1,678 info).")
    page.select_option("#ff-severity", "")
    page.select_option("#ff-rule", "FC101")
    rows = index_rows(page)
    assert {r["rule"] for r in rows} == {"FC101"}
    assert page.locator("#ff-status-line").inner_text().endswith("of 81 matching findings (2,000 in this report).")
    # Sorting: by rule, descending, then by severity.
    page.click("#ff-reset")
    page.click("#findings-index th[data-sort=rule] button")
    page.click("#findings-index th[data-sort=rule] button")
    assert index_rows(page)[0]["rule"] == "FC900"
    assert page.get_attribute("#findings-index th[data-sort=rule]", "aria-sort") == "descending"
    page.click("#findings-index th[data-sort=severity] button")
    sevs = [r["sev"].lower() for r in index_rows(page)]
    assert sevs == ["error"] * 81 + ["warning"] * 119  # a page of 200
    assert watched.errors == []


def test_the_archive_opens_at_the_scan_floor_with_an_archive_banner(watched, tmp_path):
    path = write_report(many_findings_result(2000, 30_000), sample_rules(), tmp_path / "w.html",
                        min_severity="warning")
    page = watched.open(path)
    assert page.locator("#ff-severity").input_value() == "error+warning"
    assert page.locator("#ff-banner-text").inner_text() == "1,678 info findings hidden by the filter."
    assert {r["sev"].lower() for r in index_rows(page)} <= {"error", "warning"}
    page.click("#ff-show-all")
    assert page.locator("#ff-banner").is_hidden()
    assert "of 2,000 matching findings" in page.locator("#ff-status-line").inner_text()
    # A link to one finding opens it wherever it is listed, past the filter.
    info = next(f for f in many_findings_result(2000, 30_000).findings[1900:] if f.severity == "info")
    page.goto(path.resolve().as_uri() + f"#f-{info.id}")
    page.wait_for_selector(f"#f-{info.id} blockquote")
    assert page.locator(f"#f-{info.id} .message").inner_text().endswith(f"(finding {int(info.id[3:], 16)}).")


# ------------------------------------------------------------------ names, strips, wording

SEED_FILE = r"\d{3}_[0-9a-f]{16}\.txt"
OVERLAPS = """() => {
  const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const box = e => {  // a line's box is its stroke (4 wide), not its zero height
    const b = e.getBBox();
    return e.tagName === 'line' ? {x: b.x, y: b.y - 2, width: b.width, height: 4} : b;
  };
  const bad = [];
  document.querySelectorAll('svg.strip').forEach(svg => {
    const width = svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll('text.lane')];
    const marks = [...svg.querySelectorAll('g.mark circle, g.mark line, g.mark polygon, g.mark text.fig')];
    labels.forEach(l => {
      const a = l.getBBox();
      if (a.x < 0) { bad.push('label cut at the left: ' + l.textContent); }
      marks.forEach(m => { if (hit(a, box(m))) { bad.push('label ' + l.textContent + ' over ' + m.tagName); } });
    });
    svg.querySelectorAll('g.mark').forEach(g => {
      const t = g.querySelector('text.fig');
      if (!t) { return; }
      const a = t.getBBox();
      if (a.x < 0 || a.x + a.width > width) { bad.push('figure text outside: ' + t.textContent); }
      g.querySelectorAll('circle, line, polygon').forEach(m => {
        if (hit(a, box(m))) { bad.push('figure text ' + t.textContent + ' over its ' + m.tagName); }
      });
    });
  });
  return bad;
}"""


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    from factcheck.pipeline import scan
    from factcheck.ruleset import load_rules

    rules = load_rules()
    path = tmp_path_factory.mktemp("seeds") / "seeds.html"
    return write_report(scan([str(REPO / "seeds")], rules), rules, path)


def test_seed_names_shown_are_titles_with_the_file_beside(watched, seeds_report):
    page = watched.open(seeds_report)
    assert page.locator("article.finding").count() == 4  # all open: a small report
    bad = page.evaluate("""(re) => { re = new RegExp(re); const out = [];
      const walk = document.createTreeWalker(document.getElementById('findings'), NodeFilter.SHOW_TEXT);
      let n;
      while ((n = walk.nextNode())) {
        if (!re.test(n.data)) { continue; }
        const p = n.parentElement;
        if (p.closest('svg title, svg desc')) { continue; }  // tooltips: the title first, the file beside it
        const block = p.closest('figcaption, .doc-ref, tr');
        if (p.tagName !== 'CODE' || !block || block.textContent.replace(re, '').trim().length < 12) {
          out.push(p.tagName + ': ' + n.data);
        }
      }
      return out; }""", SEED_FILE)
    assert bad == []
    messages = page.locator("article.finding .message").all_inner_texts()
    assert len(messages) == 4 and not any(re.search(SEED_FILE, m) for m in messages)
    lanes = page.locator("svg.strip text.lane").all_text_contents()
    assert lanes and not any(re.search(SEED_FILE, x) for x in lanes)
    assert "Sam Altman’s $7 trillion…" in lanes  # cut to its column, in full in the tooltip


def test_strip_labels_and_figures_never_overlap_marks(watched, seeds_report, report):
    for path in (seeds_report, report):
        page = watched.open(path)
        page.click("#fp-open-all")
        assert page.locator("svg.strip").count() >= 3
        assert page.evaluate(OVERLAPS) == []


def test_rule_ids_never_wrap_and_counts_agree_in_number(browser, seeds_report, tmp_path):
    context = browser.new_context(viewport={"width": 560, "height": 900})
    try:
        page = context.new_page()
        page.goto(seeds_report.resolve().as_uri())
        page.wait_for_selector("#mf-status-line:not(:empty)")
        ids = page.eval_on_selector_all(".rule-id", "es => es.map(e => [e.textContent, e.getClientRects().length])")
        assert ids and all(n == 1 for _, n in ids), ids
        one = sample_result()
        one.findings = one.findings[1:2]
        page.goto(write_report(one, sample_rules(), tmp_path / "one.html").resolve().as_uri())
        page.wait_for_selector("#mf-status-line:not(:empty)")
        text = page.locator("body").inner_text()
        assert "Showing 1–1 of 1 matching finding (1 in this report)." in text
        assert not re.search(r"\b1 (findings|mentions|documents)\b", text)
    finally:
        context.close()
