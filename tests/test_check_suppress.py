"""Inline suppression comments: where they apply, in Markdown/text and in HTML."""

from __future__ import annotations

import json

from factcheck.documents import Document
from factcheck.htmltext import parse_html
from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.read import _build_document
from factcheck.suppress import hidden_spans, regions


def covered(doc: Document, needle: str, rule: str = "FC101") -> bool:
    at = doc.text.index(needle)
    return any(r.covers(rule, at) for r in regions(doc))


def md(text: str) -> Document:
    return Document("a.md", text)


def test_a_comment_covers_the_next_line_with_text_only():
    doc = md("Intro $1m.\n\n<!-- factcheck-ignore FC101 -->\n\nCovered $2m.\nNot covered $3m.\n")
    assert covered(doc, "$2m") and not covered(doc, "$1m") and not covered(doc, "$3m")


def test_inside_a_line_it_covers_the_rest_of_that_line():
    doc = md("Before $1m <!-- factcheck-ignore --> after $2m.\nNext $3m.\n")
    assert covered(doc, "$2m") and not covered(doc, "$1m") and not covered(doc, "$3m")


def test_rule_ids_limit_the_comment_and_none_means_every_rule():
    doc = md("<!-- factcheck-ignore FC102, FC201 -- desk checked -->\nFigure $2m.\n")
    assert covered(doc, "$2m", "FC102") and covered(doc, "$2m", "FC201") and not covered(doc, "$2m", "FC101")
    (r,) = regions(doc)
    assert r.rules == ("FC102", "FC201") and r.reason == "desk checked" and r.line == 1
    assert covered(md("<!-- factcheck-ignore -->\nFigure $2m.\n"), "$2m", "ANY1")


def test_block_form_and_an_unclosed_block():
    doc = md("A $1m.\n<!-- factcheck-ignore-start FC101 -->\nB $2m.\n\nC $3m.\n<!-- factcheck-ignore-end -->\nD $4m.\n")
    assert [covered(doc, f"${n}m") for n in (1, 2, 3, 4)] == [False, True, True, False]
    doc = md("A $1m.\n<!-- factcheck-ignore-start -->\nB $2m.\n\nC $3m.\n")
    assert [covered(doc, f"${n}m") for n in (1, 2, 3)] == [False, True, True]


def test_other_comments_and_look_alikes_do_nothing():
    doc = md("<!-- a note -->\nA $1m.\n<!-- factcheck-ignored FC101 -->\nB $2m.\n")
    assert regions(doc) == []


def test_html_comments_are_mapped_into_the_visible_text():
    page = ("<html><body><p>Shares rose.</p>\n  <!-- factcheck-ignore FC101 -->\n"
            "<p>Harbour   Bank made 21 million euros.</p><p>Other 5 million euros.</p></body></html>")
    parsed = parse_html(page)
    assert parsed.text == "Shares rose.\n\nHarbour Bank made 21 million euros.\n\nOther 5 million euros."
    ((at, body, line),) = parsed.comments
    assert parsed.text[at:].startswith("Harbour") and "factcheck-ignore" in body and line == 2
    doc = _build_document(page, doc_id="p.html", source="p.html", encoding="utf-8", kind=".html", lang="en")
    assert covered(doc, "21 million") and not covered(doc, "5 million")
    assert hidden_spans(doc) == []  # HTML comments are not in the text at all


def test_visible_text_of_html_is_unchanged_by_comments():
    plain = "<p>A <b>b</b>  c</p><div>d</div>"
    commented = "<p>A <!-- x --><b>b</b>  c</p><!-- y --><div>d<!-- z --></div><!-- end -->"
    assert parse_html(commented).text == parse_html(plain).text
    assert [parse_html(commented).text[at:at + 1] for at, _, _ in parse_html(commented).comments] == ["b", "d", "", ""]


def test_figures_inside_markdown_comments_are_not_mentions(ruleset):
    (doc,) = documents_from_records([{"id": "a.md", "text": "<!-- was $9bn -->\nAcme Corp will invest $5bn.\n"}])
    res = scan_documents([doc], ruleset)
    assert sorted(res.corpus.mentions["text"]) == ["$5bn"]
    assert hidden_spans(doc) == [(0, 17)]


def test_a_quoted_sentence_never_carries_the_comment_before_it(tmp_path):
    """The editor's note in a factcheck-ignore comment is no part of the sentence a finding
    quotes, nor of the words read around the figure."""
    from click.testing import CliRunner

    from factcheck.cli import main

    (tmp_path / "a.md").write_text(
        "# Stargate update\n\n<!-- factcheck-ignore FC102 -- the statement really says $500 -->\n"
        "Stargate will invest $500 over the next four years, according to a statement.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "a.md"), "--format", "jsonl"], catch_exceptions=False)
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    figure = next(row for row in rows if row["text"] == "$500")
    assert figure["sentence"] == "Stargate will invest $500 over the next four years, according to a statement."


def test_a_comment_inside_a_line_leaves_its_sentence_whole(tmp_path):
    """An inline ignore comment must not cut the figure off from its subject: the claim (and
    so the finding and its id) stays what it was without the comment."""
    from click.testing import CliRunner

    from factcheck.cli import main

    def claim(text: str) -> str:
        (tmp_path / "a.md").write_text(text, encoding="utf-8")
        r = CliRunner().invoke(main, ["extract", str(tmp_path / "a.md"), "--format", "jsonl"], catch_exceptions=False)
        return next(json.loads(line) for line in r.stdout.splitlines() if '"$5 billion"' in line)["claim"]

    plain = claim("Acme Corp said revenue rose to $5 billion in 2023.\n")
    inline = claim("Acme Corp said revenue rose to <!-- factcheck-ignore FC101 --> $5 billion in 2023.\n")
    assert plain and inline == plain
