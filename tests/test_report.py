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

from factcheck.findings import Finding
from factcheck.pipeline import ScanResult
from factcheck.report.data import (
    STRIP_CHAR,
    TABLE_FIELDS,
    build_report_data,
    claim_label,
    date_strip,
    evidence_text,
    fmt_amount,
    money_strip,
    reading,
    safe_url,
    split_sentence,
)
from factcheck.report.html import page_data, render_html, script_json, write_report
from tests.html_page import Page

_spec = importlib.util.spec_from_file_location(
    "report_sample", Path(__file__).parent / "browser" / "report_sample.py")
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

REPO = Path(__file__).resolve().parents[1]
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">Acme "…'  # the hostile title, cut for a label


def render(result: ScanResult | None = None, **kw) -> str:
    kw.setdefault("fixed", sample.SAMPLE_FIXED)
    return render_html(build_report_data(result or sample.sample_result(), sample.sample_rules(), **kw))


def data_block(page: Page) -> dict:
    blocks = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def outside_data(html: str) -> str:
    """The page without its JSON data block: the markup and our own script."""
    return re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)


def card(data, fid: str):
    return next(c for c in data.findings if c.id == fid)


# ------------------------------------------------------------------ hostile text


def test_hostile_article_text_is_escaped_text_only():
    html = render()
    page = Page(html)
    # Exactly two script elements: the JSON data block and our own script.
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    assert html.count("<script") == 2
    for needle in ("<script>window.__pwned", "<img", "<b>plant</b>", "<!-- <script>"):
        assert needle not in html
    # Article text is drawn by the script from the data block, never written as markup.
    assert "__pwned" not in outside_data(html)
    assert "&lt;b&gt;bold&lt;/b&gt;" in html  # a reason of the errors table: escaped markup
    # No event-handler attribute and no element that loads or runs anything.
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form")
    # The quote's attribute-breaking text is data: the script puts it in the page as text.
    a1 = next(f for f in data_block(page)["findings"] if f["id"] == "fc-00000000000000a1")
    quote = next(q for q in a1["quotes"] if q["figure"] == "$500")
    assert quote["before"].startswith("Acme <script>window.__pwned=4;alert(1)</script> chief said")
    assert '" onmouseover="window.__pwned=5"' in quote["before"]


def test_links_only_to_http_urls():
    page = Page(render())
    hrefs = [a["href"] for t, a in page.tags if t == "a" and "href" in a]
    for href in hrefs:
        assert href.startswith(("https://", "http://", "#")), href
    assert all("javascript" not in (v or "").lower() for _, a in page.tags for v in a.values())
    # The script links a source only with a URL kept here: the unsafe one is not handed over.
    docs = {d[0]: d for d in data_block(page)["table"]["docs"]}
    assert docs["wire-b"][3] == ""
    assert docs["wire-a"][3] == "https://news.example/a"
    assert docs["wire-c"][3] == "http://news.example/c?x=1&y=2"


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
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    a1 = card(data, "fc-00000000000000a1")
    parts = {q.figure: (q.before, q.after) for q in a1.quotes}
    assert parts["$500 billion"] == ("Acme will invest ", " in new data centres over four years, the company said.")
    assert parts["about $500 bn"] == ("Acme Corp plans to spend ", " on AI infrastructure.")
    assert parts["$500"][1].startswith(" in the plant </script>")
    b2 = card(data, "fc-00000000000000b2")
    assert (b2.quotes[0].before, b2.quotes[0].figure) == ("The first site opens in ", "May 2025")
    assert [q.reading for q in a1.quotes] == [
        "USD 500", "USD 500 billion", "about USD 500 billion [≥ 475 billion, ≤ 525 billion]"]
    assert a1.why == "claimant Acme; metric investment (family investment)"
    assert [d.name for d in a1.docs] == ["Acme to invest $500 billion", HOSTILE_LABEL, "Acme’s AI spending"]
    assert a1.quotes[2].doc.encoding == "cp1252"


def test_related_findings_of_one_claim_sit_together():
    # The error and the baseline info finding share the money claim: they come first, together,
    # before the date claim's warning (an order by severity alone would split them).
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    assert [c.id for c in data.findings] == ["fc-00000000000000a1", "fc-00000000000000c3", "fc-00000000000000b2"]
    assert data.findings[0].claim == data.findings[1].claim != data.findings[2].claim


def test_messages_name_sources_by_title_and_keep_the_raw_message_for_the_baseline():
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    a1, b2 = card(data, "fc-00000000000000a1"), card(data, "fc-00000000000000b2")
    assert b2.message == f"“May 2025” (Acme to invest $500 billion) and “March 2026” ({HOSTILE_LABEL}) do not overlap."
    assert b2.raw_message == "“May 2025” (wire-a) and “March 2026” (wire-b) do not overlap."
    assert "(wire-a)" not in a1.message and "(wire-b)" not in a1.message
    export = {e["id"]: e for e in data.export}
    assert export["fc-00000000000000b2"]["message"] == b2.raw_message


def test_every_finding_is_in_the_report_however_many():
    result = sample.many_findings_result(findings=1200, mentions=3000, docs=100)
    data = build_report_data(result, sample.sample_rules())
    block = page_data(data)
    assert len(block["findings"]) == len(data.findings) == 1200
    assert {f["id"] for f in block["findings"]} == {f.id for f in result.findings}
    assert len(data.export) == 1200
    html = render_html(data)
    assert "fix the shown ones" not in html and "Findings (1,200)" in html


def test_the_page_opens_at_the_scan_severity_floor():
    data = build_report_data(sample.sample_result(), sample.sample_rules(), min_severity="warning")
    assert page_data(data)["minSeverity"] == "warning"
    with pytest.raises(ValueError):
        build_report_data(sample.sample_result(), sample.sample_rules(), min_severity="loud")


def _finding(mentions, **kw) -> Finding:
    base = dict(id="fc-0000000000000001", rule="FC101", name="scale-mismatch", severity="error",
                message="m", claim="money|Acme|investment|total|", why="", mentions=mentions, docs=["a", "b"])
    base.update(kw)
    return Finding(**base)


def _row(doc, text, start, sentence, **kw):
    row = {"doc": doc, "kind": "money", "start": start, "end": start + len(text), "text": text, "lang": "en",
           "sentence": sentence, "sent_start": start - sentence.index(text), "line": 1, "col": 1,
           "currency": "USD", "qualifier": "exact"}
    row.update(kw)
    return row


def _scan(rows, findings, titles=None):
    from factcheck.pipeline import Corpus, DocInfo
    from factcheck.table import mentions_frame

    docs = sorted({r["doc"] for r in rows})
    infos = [DocInfo(d, "en", "2025-01-01", (titles or {}).get(d), None, f"{d}.txt", "utf-8",
                     lead=f"Opening words of {d} and more of its first paragraph, enough words to be cut here")
             for d in docs]
    frame = mentions_frame(rows)
    for extra in ("converts", "currency_source", "row_label"):  # the money helper's columns, when there
        if any(extra in r for r in rows):
            frame[extra] = [r.get(extra) for r in rows]
    return ScanResult(Corpus(infos, frame), findings)


def test_a_figure_stated_four_times_in_one_article_is_one_quote_with_a_count():
    s1 = "Altman leads a $10 million initiative."
    s2 = "The $10 million investment is small."
    rows = [_row("a", "$10 million", 15, s1, value=1e7, low=1e7, high=1e7, line=1),
            _row("a", "$10 million", 204, s2, value=1e7, low=1e7, high=1e7, line=13),
            _row("a", "$10 million", 415, s1, value=1e7, low=1e7, high=1e7, line=20),
            _row("a", "$10 million", 615, s1, value=1e7, low=1e7, high=1e7, line=30),
            _row("b", "up to $7 trillion", 0, "up to $7 trillion.", value=7e12, low=None, high=7e12,
                 qualifier="up_to")]
    f = _finding(rows)
    data = build_report_data(_scan(rows, [f], {"a": "Altman's plan", "b": "Chip factories"}), sample.sample_rules())
    quotes = data.findings[0].quotes
    assert [(q.doc.id, q.figure, q.count) for q in quotes] == [("a", "$10 million", 4), ("b", "up to $7 trillion", 1)]
    assert quotes[0].lines == [1, 13, 20, 30]
    assert quotes[0].more == [("The ", "$10 million", " investment is small.", 13)]  # s1 again is not repeated
    strip = data.findings[0].strip
    assert [(m.label, m.text) for m in strip.marks] == [("Altman's plan", "$10 million ×4"),
                                                         ("Chip factories", "up to $7 trillion")]


def test_an_untitled_source_is_named_by_its_opening_words():
    rows = [_row("a", "$10 million", 15, "Altman leads a $10 million initiative.", value=1e7, low=1e7, high=1e7),
            _row("b", "$7 billion", 4, "Raw $7 billion.", value=7e9, low=7e9, high=7e9)]
    f = _finding(rows, message="“$10 million” (a) and “$7 billion” (b) differ.")
    data = build_report_data(_scan(rows, [f], {"b": "Chip factories"}), sample.sample_rules())
    c = data.findings[0]
    assert c.message == ("“$10 million” (Opening words of a and more of its first paragraph, enough words…) "
                         "and “$7 billion” (Chip factories) differ.")


def _text_box(m) -> tuple[float, float]:
    w = len(m.text) * STRIP_CHAR
    return {"start": (m.text_x, m.text_x + w), "end": (m.text_x - w, m.text_x),
            "middle": (m.text_x - w / 2, m.text_x + w / 2)}[m.text_anchor]


def test_a_figure_text_never_runs_through_its_own_mark():
    # "up to $7 trillion": the dashed bound runs from the left edge to the dot at the right.
    rows = [{"doc": "a", "text": "up to $7 trillion", "kind": "money", "value": 7e12, "low": None,
             "high": 7e12, "qualifier": "up_to", "currency": "USD"},
            {"doc": "b", "text": "$10 million", "kind": "money", "value": 1e7, "low": 1e7, "high": 1e7,
             "qualifier": "exact", "currency": "USD"},
            {"doc": "c", "text": "at least 500 billion dollars", "kind": "money", "value": 5e11, "low": 5e11,
             "high": None, "qualifier": "at_least", "currency": "USD"}]
    strip = money_strip(rows, {"a": 0, "b": 1, "c": 2}, {"a": "A title far too long for the label column"})
    assert strip is not None
    for m in strip.marks:
        lo, hi = _text_box(m)
        xs = [v for v in (m.dot, m.x1, m.x2) if v is not None]
        if m.text_y == m.y + 4:  # on the lane's line: clear of the dot and the bar
            assert hi <= min(xs) - 2 or lo >= max(xs) + 2, (m.text, lo, hi, xs)
        else:  # above the lane
            assert m.text_y <= m.y - 6
        assert strip.plot_left <= lo and hi <= strip.plot_right
        assert len(m.label) * STRIP_CHAR <= strip.plot_left - 10  # the label fits its column
    assert strip.marks[0].label.endswith("…") and "A title far too long" in strip.marks[0].title


def test_a_stated_conversion_is_one_figure_with_its_conversion():
    sentence = "The deal is worth about $8bn (£6.3bn), it said."
    usd = _row("a", "about $8bn", 118, sentence, value=8e9, low=7.6e9, high=8.4e9, qualifier="approx",
               converts=130)
    gbp = _row("a", "£6.3bn", 130, sentence, currency="GBP", value=6.3e9, low=6.3e9, high=6.3e9, converts=118,
               currency_source="symbol")
    other = _row("b", "$9bn", 10, "It is worth $9bn.", value=9e9, low=9e9, high=9e9, row_label="Total deal value",
                 currency_source="document_locale")
    f = _finding([{k: v for k, v in usd.items() if k != "converts"}, other])
    data = build_report_data(_scan([usd, gbp, other], [f]), sample.sample_rules())
    q = data.findings[0].quotes
    assert (q[0].before, q[0].figure, q[0].after) == ("The deal is worth ", "about $8bn (£6.3bn)", ", it said.")
    assert q[0].note == ("one amount in two currencies: about USD 8 billion [≥ 7.6 billion, ≤ 8.4 billion] "
                         "= GBP 6.3 billion")
    assert q[1].note == "table row “Total deal value”; currency from document locale"
    t = data.table.payload
    f_ = {name: i for i, name in enumerate(t["fields"])}
    rows = {r[f_["text"]]: r for r in t["rows"]}
    assert t["rows"][rows["about $8bn"][f_["pair"]]] is rows["£6.3bn"]
    assert t["rows"][rows["£6.3bn"][f_["pair"]]] is rows["about $8bn"]
    assert rows["$9bn"][f_["pair"]] == -1 and rows["$9bn"][f_["note"]].startswith("table row")


def test_without_the_conversion_columns_nothing_is_paired():
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    t = data.table.payload
    f_ = {name: i for i, name in enumerate(t["fields"])}
    assert {r[f_["pair"]] for r in t["rows"]} == {-1} and {r[f_["note"]] for r in t["rows"]} == {None}
    assert all(q.note == "" for c in data.findings for q in c.quotes)


def test_evidence_is_carried_to_the_card():
    result = sample.sample_result()
    result.findings[0].evidence = [{"name": "same story", "value": 0.82, "text": "leads share 12 names"},
                                   {"name": "context", "value": 0.7412, "text": ""},
                                   {"name": "claimant", "value": "Acme ≈ Acme Corp", "text": ""}]
    result.findings[0].score = 0.9
    result.findings[0].story = "story-7"
    data = build_report_data(result, sample.sample_rules())
    a1 = card(data, "fc-00000000000000a1")
    assert evidence_text(a1.evidence) == "same story 0.82 · context 0.74 · claimant Acme ≈ Acme Corp"
    block = next(f for f in page_data(data)["findings"] if f["id"] == a1.id)
    assert (block["score"], block["story"], block["evidence"][0]["text"]) == (0.9, "story-7", "leads share 12 names")
    assert card(data, "fc-00000000000000b2").evidence == []
    assert next(f for f in page_data(data)["findings"] if f["id"] == "fc-00000000000000b2")["evidenceText"] == ""


def test_strip_places_figures_on_a_log_scale():
    data = build_report_data(sample.sample_result(), sample.sample_rules())
    strip = card(data, "fc-00000000000000a1").strip
    assert strip is not None and strip.scale == "log10"
    dots = {m.text: m.dot for m in strip.marks}
    ticks = {t.label: t.x for t in strip.ticks}
    per_decade = (ticks["1tn"] - ticks["100"]) / 10
    # $500 and $500 billion are nine decades apart on the strip.
    assert dots["$500 billion"] - dots["$500"] == pytest.approx(9 * per_decade, abs=0.2)
    assert "9.0 orders of magnitude" in strip.caption
    approx = next(m for m in strip.marks if m.text == "about $500 bn")
    assert approx.x1 < approx.dot < approx.x2  # the bounds of "about"
    assert approx.label == "Acme’s AI spending"  # lanes are named by title
    assert sum(1 for f in page_data(data)["findings"] if f["strip"]) == 3
    date = card(data, "fc-00000000000000b2").strip
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


def test_a_claim_kept_apart_by_its_story_is_named_by_the_story_title_not_its_id():
    from factcheck.report.data import DocRef

    refs = {"reut-04008": DocRef("reut-04008", title="ACME SETS QUARTERLY PAYOUT", label="ACME SETS QUARTERLY PAYOUT"),
            "x-1": DocRef("x-1")}
    assert claim_label("money|story reut-04008", refs) == "money · story “ACME SETS QUARTERLY PAYOUT”"
    assert claim_label("money|story x-1", refs) == "money · story x-1"  # no title: the id
    assert claim_label("money|story gone", refs) == "money · story gone"


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
    block = data_block(page)
    assert sorted(f["id"] for f in block["findings"]) == sorted(f.id for f in result.findings)
    assert len(block["table"]["rows"]) == len(result.corpus.mentions)
