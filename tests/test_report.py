"""The HTML report without a browser: escaping, self-containment, determinism, counts."""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import importlib.util
import json
import random
import re
from pathlib import Path

import pytest

from factcheck.pipeline import ScanResult
from factcheck.report.data import (
    TABLE_FIELDS,
    build_report_data,
    claim_label,
    date_strip,
    fmt_amount,
    money_strip,
    reading,
    safe_url,
    split_sentence,
)
from factcheck.report.html import render_html, script_json, write_report
from tests.html_page import Page

_spec = importlib.util.spec_from_file_location(
    "report_sample", Path(__file__).parent / "browser" / "report_sample.py")
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

REPO = Path(__file__).resolve().parents[1]


def render(result: ScanResult | None = None, **kw) -> str:
    kw.setdefault("fixed", sample.SAMPLE_FIXED)
    return render_html(build_report_data(result or sample.sample_result(), sample.sample_rules(), **kw))


def data_block(page: Page) -> dict:
    blocks = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


# ------------------------------------------------------------------ hostile text


def test_hostile_article_text_is_escaped_text_only():
    html = render()
    page = Page(html)
    # Exactly two script elements: the JSON data block and our own script.
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert html.count("<script") == 2
    for needle in ("<script>window.__pwned", "<img", "<b>plant</b>", "<!-- <script>"):
        assert needle not in html
    assert "&lt;script&gt;window.__pwned=4;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html
    # No event-handler attribute and no element that loads or runs anything.
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form")
    # The quote's attribute-breaking text stays inside the blockquote as text.
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)
    assert any('&#34; onmouseover=&#34;window.__pwned=5&#34;' in q for q in quotes)


def test_links_only_to_http_urls():
    page = Page(render())
    hrefs = [a["href"] for t, a in page.tags if t == "a" and "href" in a]
    assert "https://news.example/a" in hrefs
    assert "http://news.example/c?x=1&y=2" in hrefs
    for href in hrefs:
        assert href.startswith(("https://", "http://", "#")), href
    assert all("javascript" not in (v or "").lower() for _, a in page.tags for v in a.values())
    # The unsafe URL is not handed to the script either.
    docs = {d[0]: d for d in data_block(page)["table"]["docs"]}
    assert docs["wire-b"][3] == ""
    assert docs["wire-a"][3] == "https://news.example/a"


@pytest.mark.parametrize("url, ok", [
    ("https://example.com/a?b=1", True),
    ("http://example.com", True),
    ("  HTTPS://example.com/x  ", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:x", False),
    ("//example.com/a", False),
    ("https:///nohost", False),
    ("https://exa mple.com", False),
    ("https://example.com/\x00", False),
    (None, False),
    (42, False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_json_block_cannot_close_the_script():
    html = render()
    block = re.search(r'<script type="application/json" id="fc-data">(.*?)</script>', html, re.S)
    assert block
    raw = block.group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert sample.HOSTILE_TEXT.split(". ")[0] in "\n".join(data["table"]["sentences"])
    assert script_json({"a": "</script><!--\u2028"}) == '{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}'


def test_script_never_uses_html_sinks():
    js = (importlib.resources.files("factcheck.report") / "templates" / "report.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"on"):
        assert sink not in js


# ------------------------------------------------------------------ self-contained


def test_no_remote_resources_and_a_strict_csp():
    html = render()
    page = Page(html)
    metas = [a for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower()
             == "content-security-policy"]
    assert len(metas) == 1
    csp = metas[0]["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "data:"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    # The hashes allow exactly our inline style and script.
    [style] = page.styles
    [script] = [body for attrs, body in page.scripts if "type" not in attrs]

    def h(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert directives["style-src"] == h(style)
    assert directives["script-src"] == h(script)
    # Nothing is loaded: no src/srcset/poster/data attributes, no CSS url() or @import,
    # and http(s) appears only in <a href> (and in the JSON data, as text).
    for tag, attrs in page.tags:
        for k in ("src", "srcset", "poster", "data", "action", "formaction", "xlink:href"):
            assert k not in attrs, (tag, attrs)
        if tag != "a":
            assert "href" not in attrs, (tag, attrs)
    assert "url(" not in style and "@import" not in style
    outside = re.sub(r'<a href="https?://[^"]*"', "", html)
    outside = re.sub(r'<script type="application/json".*?</script>', "", outside, flags=re.S)
    assert not re.search(r"https?://", outside)


def test_templates_are_package_data():
    root = importlib.resources.files("factcheck.report") / "templates"
    for name in ("report.html.j2", "report.css", "report.js"):
        assert (root / name).is_file()
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert '"factcheck.report" = ["templates/*"]' in pyproject


# ------------------------------------------------------------------ determinism


def test_same_input_same_bytes(tmp_path):
    a = render()
    b = render()
    assert a == b
    # Input order does not matter: findings reversed, mentions shuffled.
    shuffled = sample.sample_result()
    shuffled.findings.reverse()
    m = shuffled.corpus.mentions
    idx = list(m.index)
    random.Random(7).shuffle(idx)
    shuffled.corpus.mentions = m.loc[idx].reset_index(drop=True)
    shuffled.corpus.docs.reverse()
    assert render(shuffled) == a
    p1 = write_report(sample.sample_result(), sample.sample_rules(), tmp_path / "a.html",
                      fixed=sample.SAMPLE_FIXED)
    p2 = write_report(sample.sample_result(), sample.sample_rules(), tmp_path / "b.html",
                      fixed=sample.SAMPLE_FIXED)
    assert p1.read_bytes() == p2.read_bytes() == a.encode("utf-8")


def test_write_report_is_atomic_and_makes_folders(tmp_path):
    target = tmp_path / "deep" / "er" / "report.html"
    target.parent.mkdir(parents=True)
    target.write_text("old", encoding="utf-8")
    out = write_report(sample.sample_result(), sample.sample_rules(), target)
    assert out == target
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]
    fresh = write_report(sample.sample_result(), sample.sample_rules(), tmp_path / "new" / "r.html")
    assert fresh.is_file()


def test_identity_follows_title_and_documents():
    d1 = build_report_data(sample.sample_result(), sample.sample_rules())
    d2 = build_report_data(sample.sample_result(), sample.sample_rules(), title="other")
    r = sample.sample_result()
    r.findings = r.findings[:1]  # a re-scan with fewer findings keeps the identity
    d3 = build_report_data(r, sample.sample_rules())
    assert d1.identity != d2.identity
    assert d1.identity == d3.identity
    assert re.fullmatch(r"[0-9a-f]{16}", d1.identity)


# ------------------------------------------------------------------ content


def test_summary_counts_match():
    page = Page(render())
    t = {k: v.strip() for k, v in page.text_by_id.items()}
    assert t["sum-documents"] == "3"
    assert t["sum-mentions"] == "6"
    assert t["sum-claims"] == "2"
    assert t["sum-findings"] == "3"
    assert t["sum-new"] == "2"
    assert t["sum-baseline"] == "1"
    assert t["sum-fixed"] == "1"
    assert t["sum-errors"] == "1"
    assert (t["sum-error-new"], t["sum-error-baseline"], t["sum-error-total"]) == ("1", "0", "1")
    assert (t["sum-warning-new"], t["sum-warning-total"]) == ("1", "1")
    assert (t["sum-info-new"], t["sum-info-baseline"]) == ("0", "1")
    assert "inbox/broken.txt" in t["errors"]
    assert "not valid UTF-8 at byte 12 <b>bold</b>" in t["errors"]
    assert "fc-00000000000000f4" in t["fixed"] and "An old slip, now fixed." in t["fixed"]


def test_findings_show_quotes_with_the_figure_highlighted():
    html = render()
    assert "Acme will invest <mark>$500 billion</mark> in new data centres" in html
    assert "Acme Corp plans to spend <mark>about $500 bn</mark> on AI infrastructure." in html
    assert "the group will invest <mark>$500</mark> in the plant &lt;/script&gt;" in html
    assert "The first site opens in <mark>May 2025</mark> in Texas." in html
    # Error first, then warning, then the baseline info finding.
    order = [m.group(1) for m in re.finditer(r'<article class="finding[^"]*" id="f-([^"]+)"', html)]
    assert order == ["fc-00000000000000a1", "fc-00000000000000b2", "fc-00000000000000c3"]
    page = Page(html)
    card = page.text_by_id["f-fc-00000000000000a1"]
    for text in ("FC101", "scale-mismatch", "Why grouped", "claimant Acme; metric investment",
                 "Acme to invest $500 billion", "2025-01-22", "Acme’s AI spending",
                 "read as", "USD 500 billion"):
        assert text in card, text
    assert card.count("Triage") == 1
    assert "decoded as cp1252" in page.text_by_id["f-fc-00000000000000a1"]


def test_strip_places_figures_on_a_log_scale():
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    strip = data.findings[0].strip
    assert strip is not None and strip.scale == "log10"
    dots = {m.label: m.dot for m in strip.marks}
    ticks = {t.label: t.x for t in strip.ticks}
    per_decade = (ticks["1tn"] - ticks["100"]) / 10
    # $500 and $500 billion are nine decades apart on the strip.
    assert dots["wire-a"] - dots["wire-b"] == pytest.approx(9 * per_decade, abs=0.2)
    assert "9.0 orders of magnitude" in strip.caption
    approx = next(m for m in strip.marks if m.label == "wire-c")
    assert approx.x1 < approx.dot < approx.x2  # the bounds of "about"
    html = render_html(data)
    assert html.count('<svg class="strip"') == 3
    date = data.findings[1].strip
    assert date is not None and date.scale == "time"
    a, b = date.marks
    assert a.x2 < b.x1  # May 2025 ends before March 2026 starts


def test_open_bounds_run_to_the_edge():
    rows = [
        {"doc": "a", "text": "up to $7 trillion", "kind": "money", "value": 7e12, "low": None,
         "high": 7e12, "qualifier": "up_to", "currency": "USD"},
        {"doc": "b", "text": "at least 500 billion", "kind": "money", "value": 5e11, "low": 5e11,
         "high": float("nan"), "qualifier": "at_least", "currency": "EUR"},
        {"doc": "c", "text": "billions", "kind": "money", "value": None, "low": None,
         "high": None, "qualifier": "vague", "currency": None},
    ]
    strip = money_strip(rows, {"a": 0, "b": 1, "c": 2})
    assert strip is not None
    up_to, at_least, vague = strip.marks
    assert up_to.open_low and up_to.x1 == strip.plot_left and not up_to.open_high
    assert at_least.open_high and at_least.x2 == strip.plot_right
    assert vague.dot is None and strip.unplaced == ["c: billions"]
    assert "Currencies differ (EUR, USD)" in strip.caption
    assert money_strip([rows[2]], {}) is None
    assert date_strip([{"doc": "a", "text": "x", "date_start": None}], {}) is None


def test_many_findings_and_dates_strip_ticks():
    rows = [{"doc": f"d{i}", "text": str(y), "kind": "date", "date_start": f"{y}-01-01",
             "date_end": f"{y + 1}-01-01"} for i, y in enumerate((1990, 2020))]
    strip = date_strip(rows, {})
    assert strip is not None
    labels = [t.label for t in strip.ticks]
    assert labels and all(re.fullmatch(r"\d{4}", x) for x in labels) and len(labels) <= 9


@pytest.mark.parametrize("sentence, text, rel, expect", [
    ("He paid $5 and $5.", "$5", 15, ("He paid $5 and ", "$5", ".")),
    ("He paid $5 and $5.", "$5", None, ("He paid ", "$5", " and $5.")),
    ("He paid $5 and $5.", "$5", 3, ("He paid ", "$5", " and $5.")),  # stale offset
    ("No figure here.", "$9", None, ("No figure here.", "$9", "")),
    ("", "$9", 0, ("", "$9", "")),
])
def test_split_sentence(sentence, text, rel, expect):
    assert split_sentence(sentence, text, rel)[:3] == expect


def test_split_sentence_cuts_long_context():
    before, fig, after, found = split_sentence("x" * 1000 + " $5 " + "y" * 1000, "$5", 1001)
    assert found and fig == "$5"
    assert before.startswith("…") and after.endswith("…")
    assert len(before) < 300 and len(after) < 300


@pytest.mark.parametrize("row, expect", [
    ({"kind": "money", "value": 1.5e9, "low": 1.5e9, "high": 1.5e9, "currency": "USD",
      "qualifier": "exact"}, "USD 1.5 billion"),
    ({"kind": "money", "value": 7e12, "low": None, "high": 7e12, "currency": "USD",
      "qualifier": "up_to"}, "up to USD 7 trillion"),
    ({"kind": "money", "value": 5e11, "low": 5e11, "high": None, "currency": "EUR",
      "qualifier": "at_least"}, "at least EUR 500 billion"),
    ({"kind": "money", "value": None, "low": 1e9, "high": 2e9, "currency": "GBP",
      "qualifier": "range"}, "GBP 1 billion – 2 billion"),
    ({"kind": "money", "value": 0.175, "low": 0.175, "high": 0.175, "currency": "USD",
      "qualifier": "exact", "per": "share"}, "USD 0.175 per share"),
    ({"kind": "money", "value": 500.0, "currency": None, "qualifier": "exact"},
     "no currency 500"),
    ({"kind": "date", "date_start": "2023-03-01", "date_end": "2023-04-01",
      "granularity": "month"}, "2023-03-01 – 2023-03-31 (month)"),
    ({"kind": "date", "date_start": "2025-01-22", "date_end": "2025-01-23",
      "granularity": "day"}, "2025-01-22 (day)"),
])
def test_reading(row, expect):
    assert reading(row) == expect


def test_small_helpers():
    assert fmt_amount(1234.5) == "1,234.5"
    assert fmt_amount(250000) == "250 thousand"
    assert fmt_amount(-2e6) == "-2 million"
    assert claim_label("money|Acme|investment|total|") == "money · Acme · investment · total"
    assert claim_label(None) == ""


# ------------------------------------------------------------------ the table


def test_table_payload_is_compact_and_complete():
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    t = data.table.payload
    assert t["fields"] == list(TABLE_FIELDS)
    f = {name: i for i, name in enumerate(t["fields"])}
    assert [d[0] for d in t["docs"]] == ["wire-a", "wire-b", "wire-c"]
    assert len(t["rows"]) == 6 == data.table.total == data.table.embedded
    docs_in_order = [t["docs"][r[f["doc"]]][0] for r in t["rows"]]
    assert docs_in_order == sorted(docs_in_order)
    for r in t["rows"]:
        s = t["sentences"][r[f["sent"]]]
        assert s[r[f["s0"]]:r[f["s1"]]] == r[f["text"]]
    hits = {r[f["text"]] for r in t["rows"] if r[f["hit"]]}
    assert hits == {"$500 billion", "$500", "about $500 bn", "May 2025", "March 2026"}
    assert data.table.kinds == ["date", "money"] and data.table.currencies == ["USD"]


def test_max_rows_keeps_finding_mentions_and_says_so():
    big = sample.big_result(2000, docs=50)
    data = build_report_data(big, sample.sample_rules(), max_rows=100)
    t = data.table.payload
    f = {name: i for i, name in enumerate(t["fields"])}
    assert data.table.total == 2000 and data.table.embedded == 100 and data.table.truncated
    assert sum(r[f["hit"]] for r in t["rows"]) == 5
    html = render_html(data)
    assert "The report embeds 100 of 2,000 mentions (limit 100)" in html
    full = build_report_data(big, sample.sample_rules())
    assert not full.table.truncated and "The report embeds" not in render_html(full)


def test_empty_scan_renders():
    from factcheck.pipeline import Corpus
    from factcheck.ruleset import RuleSet

    html = render_html(build_report_data(ScanResult(Corpus(), []), RuleSet([])))
    page = Page(html)
    assert page.text_by_id["sum-findings"].strip() == "0"
    assert "No findings" in html
    assert data_block(page)["table"]["rows"] == []


def test_baseline_justification_prefills_export():
    data = build_report_data(sample.sample_result(), sample.sample_rules(),
                             baseline={"fc-00000000000000c3": {"justification": "known, fine"}})
    entry = next(e for e in data.export if e["id"] == "fc-00000000000000c3")
    assert entry["justification"] == "known, fine" and entry["status"] == "baseline"
    assert [e["id"] for e in data.export] == sorted(e["id"] for e in data.export)
    assert entry["mentions"] == [{"doc": "wire-a", "text": "$500 billion"},
                                 {"doc": "wire-c", "text": "about $500 bn"}]


def test_seeds_report():
    """The report of the repository's seed articles names every finding."""
    from factcheck.pipeline import scan
    from factcheck.ruleset import load_rules

    rules = load_rules()
    result = scan([str(REPO / "seeds")], rules)
    html = render_html(build_report_data(result, rules))
    page = Page(html)
    assert page.text_by_id["sum-documents"].strip() == str(len(result.corpus.docs))
    assert page.text_by_id["sum-findings"].strip() == str(len(result.findings))
    for f in result.findings:
        assert f'data-fid="{f.id}"' in html
    assert len(data_block(page)["table"]["rows"]) == len(result.corpus.mentions)


def test_max_findings_caps_cards_but_keeps_the_baseline_exportable():
    data = build_report_data(sample.sample_result(), sample.sample_rules(), max_findings=1)
    assert [c.id for c in data.findings] == ["fc-00000000000000a1"]
    assert data.findings_truncated and data.summary.findings == 3
    # The baseline finding is not shown but stays in the export (it is accepted already).
    assert [e["id"] for e in data.export] == ["fc-00000000000000a1", "fc-00000000000000c3"]
    html = render_html(data)
    assert "Findings (1 of 3)" in html
    assert "This report shows the first 1 of 3 findings (limit 1)" in html
    assert html.count('<article class="finding') == 1
    with pytest.raises(ValueError):
        build_report_data(sample.sample_result(), sample.sample_rules(), max_findings=-1)
