"""The read stage: folders, files, corpora, stdin, HTML, decoding, dates and language."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from factcheck.documents import Document, ReadError
from factcheck.htmltext import parse_html
from factcheck.lang import detect_lang, normalize_lang
from factcheck.pubdate import find_dateline, parse_date_text, parse_date_value
from factcheck.read import MAX_DOCUMENT_BYTES, iter_inputs, read_inputs

EN = "The company said on Monday that it would invest in the new plant and that work was on track."
DE = "Das Unternehmen hat am Montag gesagt, dass es in die neue Fabrik investieren wird."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path, **kwargs: object) -> Document:
    docs, errors = read_inputs([str(path)], **kwargs)  # type: ignore[arg-type]
    assert errors == []
    assert len(docs) == 1
    return docs[0]


def read_error(path: Path | str) -> ReadError:
    docs, errors = read_inputs([str(path)])
    assert docs == []
    assert len(errors) == 1
    return errors[0]


# -- folders, order, ids ----------------------------------------------------------


def test_folder_ids_are_relative_posix_paths_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", EN)
    write(tmp_path / "a" / "z.md", EN)
    write(tmp_path / "a" / "c.html", f"<p>{EN}</p>")
    docs, errors = read_inputs([str(tmp_path)])
    assert errors == []
    assert [d.id for d in docs] == ["a/c.html", "a/z.md", "b.txt"]
    assert docs[2].source == str(tmp_path / "b.txt")


def test_paths_keep_the_order_given_and_a_direct_file_keeps_its_path_as_id(
    tmp_path: Path,
) -> None:
    second = write(tmp_path / "a.txt", EN)
    first = write(tmp_path / "z.txt", EN)
    docs, _ = read_inputs([str(first), str(second)])
    assert [d.id for d in docs] == [str(first), str(second)]


def test_hidden_files_and_folders_and_other_extensions_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "keep.txt", EN)
    write(tmp_path / ".hidden.txt", EN)
    write(tmp_path / ".git" / "notes.txt", EN)
    write(tmp_path / "image.py", "print('x')")
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["keep.txt"]
    assert errors == []


def test_single_file_with_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "story.article", EN))
    assert doc.text == EN


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.py", "x = 1")
    error = read_error(tmp_path)
    assert error.source == str(tmp_path)
    assert error.reason.startswith("no articles found (looked for .txt, .md")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    error = read_error(tmp_path / "nope.txt")
    assert error == ReadError(str(tmp_path / "nope.txt"), "no such file or folder")


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "a.txt", EN)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "sub", tmp_path / "again")
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["sub/a.txt"]  # the real path wins, read once
    assert errors == []


def test_broken_symlink_in_a_folder_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", EN)
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["ok.txt"]
    assert errors == [ReadError(str(tmp_path / "dangling.txt"), "no such file or folder")]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_gives_the_os_reason(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", EN)
    path.chmod(0)
    assert read_error(path).reason == "Permission denied"


def test_iter_inputs_is_lazy_and_yields_errors_in_place(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "c.txt", EN)
    items = list(iter_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]


# -- stdin ------------------------------------------------------------------------


def test_stdin_is_one_plain_text_document() -> None:
    docs, errors = read_inputs(["-"], stdin=io.BytesIO(DE.encode("utf-8")))
    assert errors == []
    assert [(d.id, d.source, d.text, d.lang) for d in docs] == [("-", "<stdin>", DE, "de")]


def test_empty_stdin_is_an_error() -> None:
    _, errors = read_inputs(["-"], stdin=io.BytesIO(b"  \n"))
    assert errors == [ReadError("<stdin>", "empty file")]


def test_a_markdown_draft_on_stdin_has_its_heading_as_title_without_the_mark() -> None:
    draft = b"# Musk founding revisited\n\nxAI launched in 2019.\n"
    docs, errors = read_inputs(["-"], stdin=io.BytesIO(draft))
    assert errors == []
    assert [d.title for d in docs] == ["Musk founding revisited"]
    assert docs[0].text == draft.decode()  # offsets still index the text as piped in


def test_a_draft_on_stdin_with_front_matter_is_read_as_markdown() -> None:
    draft = b"---\ntitle: Musk founding revisited\ndate: 2025-01-23\n---\n# Heading\n\nxAI launched in 2019.\n"
    docs, errors = read_inputs(["-"], stdin=io.BytesIO(draft))
    assert errors == []
    assert [(d.title, d.date, d.date_source) for d in docs] == [
        ("Musk founding revisited", dt.date(2025, 1, 23), "front matter")
    ]


# -- decoding and binary files ----------------------------------------------------


def test_cp1252_file_is_decoded_and_says_so(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", "Kosten: 5 € – für Müller".encode("cp1252")))
    assert doc.text == "Kosten: 5 € – für Müller"
    assert doc.encoding == "cp1252"


def test_utf8_bom_is_stripped_and_recorded(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + EN.encode()))
    assert doc.text == EN
    assert doc.encoding == "utf-8-sig"


def test_utf16_with_bom_is_not_mistaken_for_binary(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", DE.encode("utf-16")))
    assert (doc.text, doc.encoding, doc.lang) == (DE, "utf-16", "de")


def test_bytes_invalid_even_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.txt", b"Preis \x81 " + EN.encode()))
    assert doc.encoding == "latin-1"
    assert doc.text.startswith("Preis \x81 ")


def test_pdf_is_reported_as_binary(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "report.txt", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"))
    assert error.reason == "binary file (PDF) — not an article"


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "blob.txt", b"abc\x00def" * 10))
    assert error.reason == "binary file (contains NUL bytes) — not an article"


def test_empty_and_whitespace_only_files_are_errors(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.md", " \n\t\n")
    _, errors = read_inputs([str(tmp_path)])
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("a.txt", "empty file"),
        ("b.md", "empty file"),
    ]


def test_oversized_plain_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: no 50 MiB written to disk
        f.truncate(MAX_DOCUMENT_BYTES + 1)
    error = read_error(path)
    assert "too large" in error.reason
    assert ".jsonl" in error.reason


# -- corpora ----------------------------------------------------------------------


def test_jsonl_bad_line_is_reported_with_its_line_number_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path / "c.jsonl",
        json.dumps({"id": "a", "text": EN})
        + "\n{not json\n\n"
        + json.dumps({"id": 7, "text": DE, "date": "2025-01-22T10:00:00+01:00"})
        + "\n",
    )
    docs, errors = read_inputs([str(path)])
    assert [(d.id, d.lang, d.date, d.date_source) for d in docs] == [
        ("a", "en", None, None),
        ("7", "de", dt.date(2025, 1, 22), "field"),
    ]
    assert [e.source for e in errors] == [f"{path}:2"]
    assert errors[0].reason.startswith("invalid JSON:")


def test_jsonl_line_missing_its_closing_brace_is_reported_at_the_end_of_that_line(
    tmp_path: Path,
) -> None:
    broken = json.dumps({"id": "b", "text": EN})[:-1]  # the closing brace is missing
    path = write(tmp_path / "c.jsonl", json.dumps({"id": "a", "text": EN}) + "\n" + broken + "\r\n")
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs] == ["a"]
    assert errors == [
        ReadError(f"{path}:2", f"invalid JSON: Expecting ',' delimiter (column {len(broken) + 1})")
    ]


def test_corpus_record_fields_and_missing_id(tmp_path: Path) -> None:
    record = {"text": EN, "title": "T", "url": "https://x.test/a", "lang": "de"}
    write(tmp_path / "sub" / "c.jsonl", "\n" + json.dumps(record) + "\n")
    docs, _ = read_inputs([str(tmp_path)])
    assert [(d.id, d.title, d.url, d.lang) for d in docs] == [
        ("sub/c.jsonl:2", "T", "https://x.test/a", "de")
    ]


def test_a_records_declared_outlet_is_the_documents_outlet(tmp_path: Path) -> None:
    records = [{"id": "a", "text": EN, "outlet": "  Harbour Gazette "},
               {"id": "b", "text": EN, "url": "https://x.test/b", "outlet": "x.test"}]
    path = write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [(d.id, d.outlet, d.url) for d in docs] == [("a", "Harbour Gazette", None),
                                                      ("b", "x.test", "https://x.test/b")]


def test_a_json_list_and_a_csv_corpus_carry_the_outlet_too(tmp_path: Path) -> None:
    listed = write(tmp_path / "c.json", json.dumps([{"id": "a", "text": EN, "outlet": "Valley Courier"}]))
    table = write(tmp_path / "c.csv", f"id,text,outlet\nb,{EN},Valley Courier\n")
    docs, errors = read_inputs([str(listed), str(table)])
    assert errors == []
    assert [(d.id, d.outlet) for d in docs] == [("a", "Valley Courier"), ("b", "Valley Courier")]


@pytest.mark.parametrize("value", [5, True, ["Valley Courier"], {"name": "Valley Courier"}, "", "   ", None])
def test_an_outlet_that_is_no_text_is_ignored_like_other_optional_fields(tmp_path: Path, value: object) -> None:
    """A bad `outlet` is treated as a bad `title` or `url` is: left out, and the article read."""
    record = {"id": "a", "text": EN, "title": value, "url": value, "outlet": value}
    doc = read_one(write(tmp_path / "c.jsonl", json.dumps(record) + "\n"))
    assert (doc.id, doc.text, doc.outlet) == ("a", EN, None)
    assert doc.title is None and doc.url is None


def test_record_without_string_text_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", '{"id": "a"}\n{"id": "b", "text": 5}\n[1]\n')
    docs, errors = read_inputs([str(path)])
    assert docs == []
    assert [e.source for e in errors] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert "'text'" in errors[0].reason and "int" in errors[1].reason
    assert "got list" in errors[2].reason


def test_jsonl_with_a_stray_cp1252_line_keeps_the_other_lines_utf8(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "Müller"}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "b", "text": "Müller"}, ensure_ascii=False).encode("cp1252")
    docs, _ = read_inputs([str(write(tmp_path / "c.jsonl", good + b"\n" + bad + b"\n"))])
    assert [(d.text, d.encoding) for d in docs] == [("Müller", "utf-8"), ("Müller", "cp1252")]


def test_csv_corpus_reads_quoted_multiline_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        'id,text,date\n1,"First line.\nSecond, with comma.",22.01.2025\n,"' + EN + '",\n',
    )
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [(d.id, d.text, d.date) for d in docs] == [
        ("1", "First line.\nSecond, with comma.", dt.date(2025, 1, 22)),
        (f"{path}:4", EN, None),
    ]


def test_csv_stray_quote_is_an_error_not_a_record_swallowing_the_next(tmp_path: Path) -> None:
    # the quote opened on line 2 closes on line 3 mid-cell: read leniently, record 1 would hold
    # record 2's text and record 2 would vanish without a word
    path = write(tmp_path / "c.csv",
                 'id,text\n1,"Alpha paid $5 million\n2,"Beta paid $3 million"\n3,Gamma paid $1 million\n')
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs] == ["3"]
    assert [e.source for e in errors] == [f"{path}:2"]
    assert "stray or undoubled quote" in errors[0].reason and "lines 2-3" in errors[0].reason


def test_csv_quote_never_closed_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", 'id,text\n1,Alpha paid $5 million\n2,"Beta paid $3 million\n')
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs] == ["1"]
    assert [e.source for e in errors] == [f"{path}:3"]
    assert "never closed" in errors[0].reason


def test_csv_quotes_inside_cells_stay_text(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", 'id,text\n1,"He said ""yes"" twice"\n2,She said "no" once\n')
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [d.text for d in docs] == ['He said "yes" twice', 'She said "no" once']


def test_csv_without_text_column_is_one_error_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id,body\n1,hello\n2,world\n")
    assert read_error(path) == ReadError(
        str(path), "CSV has no 'text' column (columns: 'id', 'body')"
    )


def test_csv_field_larger_than_the_default_limit_is_read(tmp_path: Path) -> None:
    long_text = "word " * 40_000  # 200 KB > csv's 128 KiB default
    doc = read_one(write(tmp_path / "c.csv", f"id,text\nx,{long_text}\n"))
    assert len(doc.text) == len(long_text)


def test_json_that_is_not_a_list_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.json", json.dumps({"id": "a", "text": EN}))
    assert read_error(path).reason == "expected a JSON list of article objects, got dict"


def test_json_list_is_read_in_order(tmp_path: Path) -> None:
    items = [{"id": "b", "text": EN}, {"id": "a", "text": DE}]
    docs, _ = read_inputs([str(write(tmp_path / "c.json", json.dumps(items)))])
    assert [(d.id, d.lang) for d in docs] == [("b", "en"), ("a", "de")]


# -- HTML -------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="de-DE"><head>
<title>Stargate &amp; Co</title>
<meta property="article:published_time" content="2025-01-22T12:49:00Z">
<style>p { color: red }</style><script>var price = "$999bn";</script>
</head><body><nav>Menü</nav><!-- 1 Mrd. Euro -->
<article><h1>Überschrift</h1><p>Die   Firma   investiert&nbsp;500&nbsp;Mrd. Euro.</p>
<p>Das ist<br>neu.</p><noscript>Bitte JavaScript</noscript><svg><text>$5</text></svg>
<ul><li>eins</li><li>zwei</li></ul></article></body></html>"""


def test_html_script_content_is_not_part_of_the_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.html", PAGE))
    for hidden in ("999", "color", "1 Mrd", "JavaScript", "$5", "Stargate"):
        assert hidden not in doc.text


def test_html_blocks_become_lines_and_metadata_is_read(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.htm", PAGE))
    assert doc.text == (
        "Menü\n\nÜberschrift\n\nDie Firma investiert 500 Mrd. Euro.\n\nDas ist\nneu.\n\neins\nzwei"
    )
    assert (doc.title, doc.lang) == ("Stargate & Co", "de")
    assert (doc.date, doc.date_source) == (dt.date(2025, 1, 22), "html meta")


def test_html_title_falls_back_to_h1_and_date_to_time_in_header() -> None:
    page = parse_html(
        "<body><header><h1>Big <b>news</b></h1><time datetime='2024-03-05'>5 March</time>"
        "</header><p>Text</p></body>"
    )
    assert page.title == "Big news"
    assert page.dates == ["2024-03-05"]


def test_deeply_nested_and_broken_html_survives() -> None:
    page = parse_html("<div>" * 50_000 + "deep $1bn" + "<p><b><i>unclosed <a href='x")
    assert page.text == "deep $1bn\n\nunclosed"
    assert parse_html("<p>shown</p><!-- never closed <p>hidden").text == "shown"


def test_html_without_body_tag_still_has_text_after_head() -> None:
    page = parse_html("<html><head><title>T</title><p>Hello there</p>")
    assert (page.title, page.text) == ("T", "Hello there")


# -- Markdown ---------------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_text_stays_whole(tmp_path: Path) -> None:
    source = '---\ntitle: "Der Plan"\ndate: 2025-01-23\nlang: de\n---\n# Ignored heading\n' + EN
    doc = read_one(write(tmp_path / "a.md", source))
    assert doc.text == source
    assert (doc.title, doc.date, doc.date_source, doc.lang) == (
        "Der Plan",
        dt.date(2025, 1, 23),
        "front matter",
        "de",
    )


@pytest.mark.parametrize(("written", "title"), [
    ('"Mayor\\u2019s \\"harbour\\" plan"', "Mayor\u2019s \"harbour\" plan"),  # YAML double-quoted escapes
    ("'The mayor''s plan'", "The mayor's plan"),  # single-quoted: '' is one quote
    ("Plain \\u2019 stays", "Plain \\u2019 stays"),  # unquoted: no escapes in YAML
    ('"Fans \\ud83d\\ude00 cheer"', "Fans \U0001F600 cheer"),  # a surrogate pair, as JSON writes an emoji
    ('"A lone \\ud83d half"', "A lone \\ud83d half"),  # no character: left as written
])
def test_a_quoted_front_matter_title_is_read_as_yaml_writes_it(tmp_path: Path, written: str, title: str) -> None:
    doc = read_one(write(tmp_path / "a.md", f"---\ntitle: {written}\n---\n" + EN))
    assert doc.title == title


def test_markdown_front_matter_is_metadata_not_figures_of_the_article(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factcheck.cli import main

    source = (
        "---\ntitle: Stargate plans a data-centre push\ndate: 2025-01-22\n---\n"
        "# Stargate plans a data-centre push\n\n"
        "<!-- factcheck-ignore FC102 -- checked with the desk -->\n"
        "Stargate will invest $500bn over the next four years, the company said on Tuesday.\n"
    )
    article = write(tmp_path / "stargate.md", source)
    out = tmp_path / "mentions.jsonl"
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["$500bn", "the next four years", "Tuesday"]
    assert all("---" not in r["sentence"] and "title:" not in r["sentence"] for r in rows)
    assert all(source[r["start"] : r["end"]] == r["text"] for r in rows)
    assert read_one(article).date == dt.date(2025, 1, 22)  # the date is still the publication date


def test_an_article_opening_with_a_horizontal_rule_keeps_its_figures(tmp_path: Path) -> None:
    """`---`, prose, `---`: a rule around a paragraph, not front matter (no `key:` lines)."""
    from click.testing import CliRunner

    from factcheck.cli import main

    article = write(tmp_path / "ruled.md", "---\nAcme Corp said revenue rose to $5 billion in 2023.\n\n---\n\n"
                                           "Acme Corp expects $6 billion next year.\n")
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "jsonl"])
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines() if line.strip()]
    assert "$5 billion" in texts and "$6 billion" in texts


# -- publication dates ------------------------------------------------------------


def test_seed_style_published_line_gives_publication_date(tmp_path: Path) -> None:
    text = "NewsByCliff Saran,Managing EditorPublished: 22 Jan 2025 12:49 Billionaire Elon Musk"
    doc = read_one(write(tmp_path / "a.txt", text))
    assert (doc.date, doc.date_source) == (dt.date(2025, 1, 22), "dateline")


@pytest.mark.parametrize(
    "written",
    [
        "22 Jan 2025",
        "22 January 2025",
        "January 22, 2025",
        "Jan. 22, 2025",
        "2025-01-22",
        "22.01.2025",
        "22. Januar 2025",
        "Wednesday, January 22nd, 2025",
        "Mi., 22. Jan. 2025",
    ],
)
def test_byline_date_formats(written: str) -> None:
    assert parse_date_text(written) == dt.date(2025, 1, 22)


def test_published_wins_over_updated_and_stand_works_in_german() -> None:
    assert find_dateline("Updated: 3 Feb 2025\nPublished on 1 Feb 2025") == dt.date(2025, 2, 1)
    assert find_dateline("Stand: 22.01.2025, 12:49 Uhr") == dt.date(2025, 1, 22)
    assert find_dateline("Veröffentlicht am 3. März 2024") == dt.date(2024, 3, 3)


def test_a_byline_after_a_letter_that_lower_cases_to_two_still_gives_its_date() -> None:
    # "İ" lower-cases to two characters: the marker's offsets must still fall on the date
    assert find_dateline("İSTANBUL İŞ\nPUBLISHED: 22 Jan 2025") == dt.date(2025, 1, 22)
    assert find_dateline("İzmir\nveröffentlicht am 3. März 2024") == dt.date(2024, 3, 3)


def test_dateline_is_only_looked_for_near_the_top() -> None:
    assert find_dateline("x" * 4000 + " Published: 22 Jan 2025") is None


def test_impossible_dates_and_non_dates_give_none() -> None:
    assert parse_date_text("31 Feb 2025") is None
    assert parse_date_text("22 Mainz 2025") is None
    assert parse_date_value("soon") is None
    assert parse_date_value(20250122) is None


# -- language ---------------------------------------------------------------------


def test_language_detected_per_document(tmp_path: Path) -> None:
    write(tmp_path / "en.txt", EN)
    write(tmp_path / "de.txt", DE)
    docs, _ = read_inputs([str(tmp_path)])
    assert [(d.id, d.lang) for d in docs] == [("de.txt", "de"), ("en.txt", "en")]


def test_explicit_language_overrides_declared_and_detected(tmp_path: Path) -> None:
    write(tmp_path / "c.jsonl", json.dumps({"id": "a", "text": EN, "lang": "en"}) + "\n")
    docs, _ = read_inputs([str(tmp_path)], lang="de")
    assert [d.lang for d in docs] == ["de"]
    with pytest.raises(ValueError, match="unsupported language"):
        read_inputs([str(tmp_path)], lang="fr")


def test_declared_language_other_than_en_de_falls_back_to_detection() -> None:
    assert normalize_lang("de-AT") == "de"
    assert normalize_lang("fr") is None
    assert detect_lang("12345 $ 678") == "en"
    assert detect_lang("Größe Übermaß Fußball") == "de"


@pytest.mark.parametrize(("text", "title"), [
    ("Sam Altman's $7 trillion quest for chips\n\n" + EN, "Sam Altman's $7 trillion quest for chips"),
    # a site's name above the headline gives way to the headline
    ("DayFR Deutsch\n\nDie Romanze zwischen Trump und Musk brodelt bereits\n\n" + DE,
     "Die Romanze zwischen Trump und Musk brodelt bereits"),
    # a short headline stays when what follows is body text
    ("Stocks slump\n\n" + EN, "Stocks slump"),
    ("Markets Rally\n\nThe company said it would invest.\n", "Markets Rally"),
    # a first line that is a paragraph is no title
    (EN + " " + EN + "\n\nMore text.", None),
])
def test_a_text_article_title_is_its_headline_line(tmp_path: Path, text: str, title: str | None) -> None:
    assert read_one(write(tmp_path / "a.txt", text)).title == title


def test_a_wire_datelines_day_is_the_storys_own_when_the_feed_stamps_another(tmp_path: Path) -> None:
    """A feed stamps its items in one time zone: a story filed at 23:54 on March 7 (UTC) under
    "RIO DE JANEIRO, March 8 -" is the 8th's, so its "yesterday" is March 7. A dateline far from
    the stamp (a feature re-run weeks later) leaves the stamp alone."""
    from factcheck.extract.dates import find_dates

    corpus = tmp_path / "wire.jsonl"
    records = [
        {"id": "late", "date": "1987-03-07T23:54:07", "title": "SEAMEN STAY ON STRIKE",
         "text": "SEAMEN STAY ON STRIKE\nRIO DE JANEIRO, March 8 -\nThe labour court yesterday ruled the strike "
                 "illegal, union leaders said.\n"},
        {"id": "far", "date": "1987-04-20T10:00:00", "title": "A LOOK BACK",
         "text": "A LOOK BACK\nRIO DE JANEIRO, March 8 -\nThe court ruled on the strike, union leaders said.\n"},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    docs = {d.id: d for d in read_inputs([str(corpus)])[0]}
    assert docs["late"].date == dt.date(1987, 3, 8)
    assert docs["far"].date == dt.date(1987, 4, 20)
    text = docs["late"].text
    yesterday = [d for d in find_dates(text, "en", docs["late"].date) if text[d.start:d.end] == "yesterday"]
    assert yesterday and yesterday[0].date_start == dt.date(1987, 3, 7)


def _page(head: str, body: str = f"<p>{EN}</p>") -> str:
    return f"<!doctype html><html lang='en'><head><title>Plant news</title>{head}</head><body>{body}</body></html>"


def test_a_web_pages_site_name_and_canonical_link_are_its_outlet_and_address(tmp_path: Path) -> None:
    head = ('<meta property="og:site_name" content=" Harbour  Gazette ">'
            '<meta property="og:url" content="https://m.harbour.example/amp/a">'
            '<link rel="canonical" href="https://www.harbour.example/a">')
    doc = read_one(write(tmp_path / "a.html", _page(head)))
    assert (doc.outlet, doc.url, doc.text) == ("Harbour Gazette", "https://www.harbour.example/a", EN)


def test_a_web_page_without_a_site_name_is_its_json_ld_publishers(tmp_path: Path) -> None:
    """The publisher an article's structured data names, at any depth (`@graph`, an object
    with its logo before its name); a relative canonical link gives way to og:url."""
    ld = json.dumps({"@graph": [{"@type": "NewsArticle", "headline": "Plant news",
                                 "publisher": {"@type": "Organization", "logo": {"url": "/logo.png"},
                                               "name": "Valley Courier"}}]})
    head = (f'<script type="application/ld+json">{ld}</script><link rel="canonical" href="/news/a">'
            '<meta property="og:url" content="https://valley.example/news/a">')
    doc = read_one(write(tmp_path / "a.html", _page(head)))
    assert (doc.outlet, doc.url) == ("Valley Courier", "https://valley.example/news/a")
    doc = read_one(write(tmp_path / "b.html", _page('<meta name="dc.publisher" content="Valley Courier">')))
    assert (doc.outlet, doc.url) == ("Valley Courier", None)


@pytest.mark.parametrize("ld", ['{"publisher": {"name": ', "[" * 50_000 + '"publisher"' + "]" * 50_000,
                                '{"publisher": [{"name": 7}, {"name": "  "}]}'])
def test_a_broken_or_hostile_json_ld_block_names_no_publisher_and_the_page_is_read(tmp_path: Path, ld: str) -> None:
    doc = read_one(write(tmp_path / "a.html", _page(f'<script type="application/ld+json">{ld}</script>'
                                                    '<link rel="canonical" href="http://[::1">')))
    assert (doc.outlet, doc.url, doc.text) == (None, None, EN)


def test_markdown_front_matter_may_name_the_outlet_and_address(tmp_path: Path) -> None:
    text = f"---\ntitle: Plant news\npublisher: Harbour Gazette\nurl: https://harbour.example/a\n---\n\n{EN}\n"
    doc = read_one(write(tmp_path / "a.md", text))
    assert (doc.outlet, doc.url) == ("Harbour Gazette", "https://harbour.example/a")


@pytest.mark.parametrize(("fields", "outlet"), [
    ({"publisher": "Harbour Gazette"}, "Harbour Gazette"),
    ({"site_name": "Harbour Gazette"}, "Harbour Gazette"),
    ({"publication": "Harbour Gazette"}, "Harbour Gazette"),
    ({"publisher": {"@type": "Organization", "name": "Harbour Gazette"}}, "Harbour Gazette"),
    ({"source": {"id": "hg", "name": "Harbour Gazette"}}, "Harbour Gazette"),  # a news API's form
    ({"outlet": "Valley Courier", "publisher": "Harbour Gazette"}, "Valley Courier"),  # `outlet` wins
    ({"source": "reut2-000.sgm"}, None),  # a bare `source` says where the record came from, not who published it
])
def test_a_records_publisher_names_its_outlet_when_it_declares_none(tmp_path: Path, fields: dict,
                                                                    outlet: str | None) -> None:
    doc = read_one(write(tmp_path / "c.jsonl", json.dumps({"id": "a", "text": EN, **fields}) + "\n"))
    assert doc.outlet == outlet


@pytest.mark.parametrize(("title", "headline"), [
    ("Council backs tunnel plan | Harbour Gazette", "Council backs tunnel plan"),
    ("HARBOUR GAZETTE - Council backs tunnel plan", "Council backs tunnel plan"),
    ("Harbour Gazette: Council backs tunnel plan", "Council backs tunnel plan"),
    ("Council backs tunnel plan|Harbour Gazette", "Council backs tunnel plan"),
    ("Council backs Harbour Gazette tunnel plan", "Council backs Harbour Gazette tunnel plan"),
    ("Harbour Gazette", "Tunnel plan backed"),  # nothing but the site name: the page's <h1>
])
def test_a_web_pages_title_loses_the_site_name_its_outlet_adds(tmp_path: Path, title: str, headline: str) -> None:
    page = (f"<html><head><title>{title}</title><meta property='og:site_name' content='Harbour Gazette'>"
            f"</head><body><h1>Tunnel plan backed</h1><p>{EN}</p></body></html>")
    assert read_one(write(tmp_path / "a.html", page)).title == headline


def test_a_very_long_title_and_site_name_are_read_in_linear_time(tmp_path: Path) -> None:
    page = _page(f"<meta property='og:site_name' content='{'a' * 160_000}'>").replace(
        "<title>Plant news</title>", f"<title>{'a' * 320_000}</title>")
    assert read_one(write(tmp_path / "a.html", page)).title == "a" * 320_000


def test_a_pages_outlet_is_its_site_name_then_its_json_ld_publisher_then_its_publisher_meta(tmp_path: Path) -> None:
    ld = '<script type="application/ld+json">{"publisher": {"name": "LD Gazette"}}</script>'
    meta = '<meta name="citation_publisher" content="Meta Gazette">'
    site = '<meta property="og:site_name" content="Site Gazette">'
    outlets = [read_one(write(tmp_path / f"{n}.html", _page(head))).outlet
               for n, head in enumerate([meta + ld + site, meta + ld, meta])]
    assert outlets == ["Site Gazette", "LD Gazette", "Meta Gazette"]


def test_json_ld_names_the_pages_own_publisher_not_that_of_a_work_it_cites(tmp_path: Path) -> None:
    """A fact-check's ClaimReview names the checked article's publisher inside the item it
    reviews; a WordPress graph points at its organisation by `@id`."""
    review = {"@type": "ClaimReview", "itemReviewed": {"@type": "Claim", "publisher": {"name": "Other Gazette"}},
              "publisher": {"@type": "Organization", "name": "Valley Checkers"}}
    graph = {"@graph": [{"@type": "WebPage", "publisher": {"@id": "https://valley.example/#org"}},
                        {"@type": "Organization", "@id": "https://valley.example/#org", "name": "Valley Courier"}]}
    cited = {"@type": "NewsArticle", "citation": {"publisher": {"name": "Other Gazette"}}}
    def outlet(n: int, ld: dict) -> str | None:
        script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        return read_one(write(tmp_path / f"{n}.html", _page(script))).outlet

    found = [outlet(n, ld) for n, ld in enumerate([review, graph, cited])]
    assert found == ["Valley Checkers", "Valley Courier", None]
    huge = json.dumps({"publisher": {"name": "Valley Courier"}, "body": "x" * (1 << 20)})
    assert read_one(write(tmp_path / "huge.html", _page(f'<script type="application/ld+json">{huge}</script>'))
                    ).outlet is None  # a block over 1 MiB is not read for its publisher


def test_read_keeps_each_records_line_in_its_corpus_file(tmp_path):
    """JSONL: the record's line; CSV: the line a record starts on (a quoted field may span
    lines); a .json list: the line its object opens on. Whole files and stdin have none."""
    jsonl = write(tmp_path / "a.jsonl", '{"id": "j1", "text": "one"}\n\n{broken\n{"id": "j2", "text": "two"}\n')
    rows = io.StringIO()
    w = csv.writer(rows, lineterminator="\n")
    w.writerows([["id", "text"], ["c1", "first line\nsecond line"], ["c2", "two"]])
    (tmp_path / "b.csv").write_text(rows.getvalue(), encoding="utf-8")
    (tmp_path / "c.json").write_text('[\n  {"id": "n1",\n   "text": "one"},\n\n  {"id": "n2", "text": "two"}\n]\n',
                                     encoding="utf-8")
    (tmp_path / "d.txt").write_text("A whole file.\n", encoding="utf-8")
    docs, errors = read_inputs([str(jsonl), str(tmp_path / "b.csv"), str(tmp_path / "c.json"),
                                str(tmp_path / "d.txt"), "-"], stdin=io.BytesIO(b"From stdin.\n"))
    assert [(d.id, d.line) for d in docs] == [("j1", 1), ("j2", 4), ("c1", 2), ("c2", 4), ("n1", 2), ("n2", 5),
                                              (str(tmp_path / "d.txt"), None), ("-", None)]
    assert [e.source for e in errors] == [f"{jsonl}:3"]
