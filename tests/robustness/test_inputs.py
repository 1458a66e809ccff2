"""Hostile and broken inputs at the read stage: every one is read or listed with its reason."""

from __future__ import annotations

import builtins
import codecs
import io
import json
import os
import threading
import time
from pathlib import Path

import pytest

from factcheck import read as read_mod
from factcheck.documents import ReadError
from factcheck.extract.money import find_money
from factcheck.read import MAX_DOCUMENT_BYTES, iter_inputs, read_inputs
from tests.robustness.helpers import ARTICLE, HOSTILE_FILES, write_hostile_tree


def errors_by_source(errors: list[ReadError]) -> dict[str, str]:
    by_source = {e.source: e.reason for e in errors}
    assert len(by_source) == len(errors), errors  # each input listed once
    return by_source


# -- missing and unreadable paths -------------------------------------------------------


def test_missing_paths_are_errors_and_the_other_inputs_are_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    missing = [tmp_path / "nope.txt", tmp_path / "no" / "folder", tmp_path / "gone.jsonl"]
    docs, errors = read_inputs([str(missing[0]), str(good), str(missing[1]), str(missing[2])])
    assert [d.id for d in docs] == [str(good)]
    assert errors == [ReadError(str(p), "no such file or folder") for p in missing]


def _deny(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """Make open() and os.scandir() of `denied` fail as they do for a file mode 000.

    The tests run as root in CI, which reads any file whatever its mode; the CLI test in
    test_cli_hostile.py checks real permissions without root's override.
    """
    names = {str(p) for p in denied}
    real_open, real_scandir = builtins.open, os.scandir

    def fake_open(file, *args, **kwargs):
        if str(file) in names:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def fake_scandir(path="."):
        if str(path) in names:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)


@pytest.mark.parametrize("name", ["secret.txt", "secret.html", "secret.jsonl", "secret.csv", "secret.json"])
def test_unreadable_file_gives_permission_denied_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    secret = tmp_path / name
    secret.write_text(json.dumps([{"id": "x", "text": ARTICLE}]) if name.endswith(".json") else ARTICLE)
    _deny(monkeypatch, secret)
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["a.txt"]
    assert errors == [ReadError(str(secret), "Permission denied")]


def test_unreadable_subfolder_is_an_error_and_its_siblings_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "b.txt").write_text(ARTICLE, encoding="utf-8")
    _deny(monkeypatch, closed)
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["open/a.txt"]
    assert errors == [ReadError(str(closed), "Permission denied")]


# -- symlinks ---------------------------------------------------------------------------


def test_symlink_loops_end_and_every_real_file_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "top.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "b" / "to_root")  # loop through an ancestor
    os.symlink(".", tmp_path / "a" / "self")  # a folder linking to itself
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    os.symlink(tmp_path / "y", tmp_path / "x" / "to_y")  # x -> y -> x
    os.symlink(tmp_path / "x", tmp_path / "y" / "to_x")
    os.symlink(tmp_path / "loop2.txt", tmp_path / "loop1.txt")  # a file link loop
    os.symlink(tmp_path / "loop1.txt", tmp_path / "loop2.txt")
    started = time.monotonic()
    docs, errors = read_inputs([str(tmp_path)])
    assert time.monotonic() - started < 10
    assert [d.id for d in docs] == ["a/b/deep.txt", "top.txt"]
    assert {e.source for e in errors} == {str(tmp_path / "loop1.txt"), str(tmp_path / "loop2.txt")}
    assert all("symbolic links" in e.reason for e in errors), errors


def test_a_folder_given_through_a_symlink_loop_is_read(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "real" / "again")
    docs, errors = read_inputs([str(tmp_path / "real" / "again" / "again")])
    assert ([d.id for d in docs], errors) == (["a.txt"], [])


def test_a_pipe_named_like_an_article_is_listed_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "wire.jsonl")  # opening it would block until someone writes
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["a.txt"]
    assert errors == [ReadError(str(tmp_path / "wire.jsonl"), read_mod._NOT_REGULAR)]


def test_a_pipe_given_explicitly_is_read_as_a_stream(tmp_path: Path) -> None:
    """`factcheck scan <(zcat wire.jsonl.gz)`: a corpus from a pipe needs no seek."""
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    lines = [json.dumps({"id": f"r{i}", "text": ARTICLE}) for i in range(3)]

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    docs, errors = read_inputs([str(fifo)])
    thread.join(5)
    assert ([d.id for d in docs], errors) == (["r0", "r1", "r2"], [])


# -- empty, binary, undecodable -----------------------------------------------------------


def test_every_hostile_file_is_listed_with_its_reason_and_good_files_are_read(tmp_path: Path) -> None:
    expected = write_hostile_tree(tmp_path)
    docs, errors = read_inputs([str(tmp_path)])
    got = errors_by_source(errors)
    assert set(got) == set(expected)
    for source, fragment in expected.items():
        assert fragment in got[source], (source, got[source])
    readable = sorted(["good.txt", *(name for name, (_, reason) in HOSTILE_FILES.items() if reason is None)])
    assert sorted(d.id for d in docs) == readable
    assert all("million" in d.text for d in docs)


@pytest.mark.parametrize("name", sorted(n for n, (_, r) in HOSTILE_FILES.items() if r))
def test_each_hostile_file_alone(tmp_path: Path, name: str) -> None:
    content, fragment = HOSTILE_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    docs, errors = read_inputs([str(path)])
    assert docs == []
    assert len(errors) == 1 and errors[0].source == str(path)
    assert fragment and fragment in errors[0].reason


@pytest.mark.parametrize("ext", [".txt", ".md", ".html", ".jsonl", ".csv", ".json"])
def test_zero_byte_files_of_every_kind_are_empty(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"zero{ext}"
    path.touch()
    assert read_inputs([str(path)]) == ([], [ReadError(str(path), "empty file")])


def test_empty_and_binary_stdin(tmp_path: Path) -> None:
    for data, fragment in [(b"", "empty file"), (b"%PDF-1.4\n...", "binary file (PDF)"),
                           (b"a\x00b", "NUL bytes"), (codecs.BOM_UTF16_BE + b"\x00a\xdc", "UTF-16")]:
        docs, errors = read_inputs(["-"], stdin=io.BytesIO(data))
        assert docs == [] and len(errors) == 1 and errors[0].source == "<stdin>"
        assert fragment in errors[0].reason


@pytest.mark.parametrize("codec, bom, expect", [
    ("cp1252", b"", "cp1252"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
])
def test_non_utf8_text_is_decoded_and_its_figures_found(tmp_path: Path, codec: str, bom: bytes, expect: str) -> None:
    text = "\u201cAcme\u201d paid \u20ac5 million for the caf\u00e9 \u2013 said M\u00fcller."
    path = tmp_path / "story.txt"
    path.write_bytes(bom + text.encode(codec))
    [doc] = read_inputs([str(path)])[0]
    assert (doc.text, doc.encoding) == (text, expect)
    assert [m.value for m in find_money(doc.text, "en")] == [5_000_000]


def test_latin1_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"Caf\xe9 \x81\x8d paid $5 million.")
    [doc] = read_inputs([str(path)])[0]
    assert (doc.text, doc.encoding) == ("Caf\u00e9 \x81\x8d paid $5 million.", "latin-1")


def test_mixed_encodings_in_one_file_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("M\u00fcller: ".encode() + b"Caf\xe9 paid \x805 million.")  # utf-8 then cp1252
    [doc] = read_inputs([str(path)])[0]
    assert doc.encoding == "cp1252"
    assert doc.text == "M\u00c3\u00bcller: Caf\u00e9 paid \u20ac5 million."  # mojibake, but every byte kept
    assert [m.value for m in find_money(doc.text, "en")] == [5_000_000]


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
@pytest.mark.parametrize("ext", [".jsonl", ".csv"])
def test_utf16_corpora_are_read(tmp_path: Path, codec: str, bom: bytes, ext: str) -> None:
    if ext == ".jsonl":
        body = "\n".join(json.dumps({"id": f"r{i}", "text": "M\u00fcller: \u20ac5 Mio."}, ensure_ascii=False)
                         for i in range(2)) + "\n"
    else:
        body = "id,text\r\nr0,M\u00fcller: \u20ac5 Mio.\r\nr1,M\u00fcller: \u20ac5 Mio.\r\n"
    path = tmp_path / f"corpus{ext}"
    path.write_bytes(bom + body.encode(codec))
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [(d.id, d.text, d.encoding) for d in docs] == [(f"r{i}", "M\u00fcller: \u20ac5 Mio.", "utf-16")
                                                          for i in range(2)]


def test_corpus_line_in_cp1252_among_utf8_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_bytes(b'{"id": "a", "text": "M\xc3\xbcller paid $5m."}\n{"id": "b", "text": "Caf\xe9 paid $6m."}\n')
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [(d.text, d.encoding) for d in docs] == [("M\u00fcller paid $5m.", "utf-8"),
                                                    ("Caf\u00e9 paid $6m.", "cp1252")]


# -- corpora ------------------------------------------------------------------------------


def test_malformed_jsonl_lines_are_reported_by_number_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "one", "text": ARTICLE}),
        '{"id": "two", "text": "unterminated',  # 2
        "",  # blank lines are not records
        json.dumps({"id": "four", "text": ARTICLE}),
        "[1, 2]",  # 5: not an object
        json.dumps({"id": "six"}),  # 6: no text
        json.dumps({"id": "seven", "text": 7}),  # 7: text not a string
        json.dumps({"id": ["x"], "text": "x"}),  # 8: bad id
        "[" * 50_000 + "]" * 50_000,  # 9: nested too deeply
        "\x00\x01garbage",  # 10
        json.dumps({"id": "eleven", "text": ARTICLE}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")  # no final newline
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs] == ["one", "four", "eleven"]
    reasons = errors_by_source(errors)
    assert list(reasons) == [f"{path}:{n}" for n in (2, 5, 6, 7, 8, 9, 10)]
    assert reasons[f"{path}:2"] == "invalid JSON: Unterminated string starting (column 23)"  # the line, not its newline
    assert "got list" in reasons[f"{path}:5"]
    assert "no 'text' field" in reasons[f"{path}:6"]
    assert "'text' must be a string" in reasons[f"{path}:7"]
    assert "'id' must be a string or integer" in reasons[f"{path}:8"]
    assert "nested too deeply" in reasons[f"{path}:9"]
    assert reasons[f"{path}:10"].startswith("invalid JSON")


def test_csv_without_a_text_column_names_the_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("id,headline,body\n1,Acme,Acme paid $5 million.\n", encoding="utf-8")
    assert read_inputs([str(path)]) == (
        [], [ReadError(str(path), "CSV has no 'text' column (columns: 'id', 'headline', 'body')")])


def test_csv_bad_rows_are_reported_by_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text('id,text\na,"Acme paid $5 million."\nb,"x"y"z\nc,Acme paid $6 million.\n', encoding="utf-8")
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs][:1] == ["a"] and "c" in [d.id for d in docs]
    assert all(e.source.startswith(f"{path}:") for e in errors)


@pytest.mark.parametrize("content", [
    b"id,text\r1,Acme paid $5 million.\r2,\"two\rlines\"\r",  # old Mac line ends (found by fuzzing:
    b"id,text\r\n1,Acme paid $5 million.\r\n2,\"two\rlines\"\r\n",  # csv raised, an internal error)
    b"id,text\n1,Acme paid $5 million.\n2,\"two\rlines\"\n",
])
def test_csv_with_any_line_ends_is_read(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "wire.csv"
    path.write_bytes(content)
    docs, errors = read_inputs([str(path)])
    assert errors == []
    assert [(d.id, d.text) for d in docs] == [("1", "Acme paid $5 million."), ("2", "two\rlines")]


def test_csv_that_is_only_a_carriage_return_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"\r0")
    assert read_inputs([str(path)]) == ([], [ReadError(str(path), "CSV has no 'text' column (columns: none)")])


@pytest.mark.parametrize("content, got", [
    ('{"id": "a", "text": "x"}', "dict"), ("42", "int"), ('"text"', "str"), ("null", "NoneType"),
    ("true", "bool"), ("1.5", "float")])
def test_json_that_is_not_a_list_says_what_it_is(tmp_path: Path, content: str, got: str) -> None:
    path = tmp_path / "corpus.json"
    path.write_text(content, encoding="utf-8")
    assert read_inputs([str(path)]) == (
        [], [ReadError(str(path), f"expected a JSON list of article objects, got {got}")])


def test_json_list_with_bad_items_reports_them_by_number(tmp_path: Path) -> None:
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps([{"id": "a", "text": ARTICLE}, "nope", {"text": None}, {"id": "d", "text": ARTICLE}]))
    docs, errors = read_inputs([str(path)])
    assert [d.id for d in docs] == ["a", "d"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]


# -- HTML -----------------------------------------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html><html lang="en"><head><title>Acme</title>
<style>p::before { content: "$9 billion"; }</style>
<script>document.write("$8 billion in 2019"); </script></head>
<body><!-- <p>$7 billion hidden in a comment</p> -->
<p>Acme paid <b>$5 million</b> in March 2024.</p>
<script type="text/javascript">var s = "</p><p>$6 billion</p>";</script>
<noscript>$4 billion</noscript><template><p>$3 billion</p></template>
<svg><text>$2 billion</text></svg><iframe srcdoc="<p>$1 billion</p>"></iframe>
<p onclick="alert(1)">It was <a href="javascript:alert(1)">approved</a>.</p>
<![foo[ an unknown marked section, which html.parser asserts on ]]>
<p>The rest is still read: $10 million.</p>
</body></html>"""


def test_html_scripts_styles_comments_and_hidden_elements_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    [doc] = read_inputs([str(path)])[0]
    assert doc.text == ("Acme paid $5 million in March 2024.\n\nIt was approved.\n\nThe rest is still read: "
                        "$10 million.")
    assert [m.value for m in find_money(doc.text, "en")] == [5_000_000, 10_000_000]


def test_html_nested_100000_deep_is_read_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 100_000 + "Acme paid $5 million." + "</div>" * 100_000, encoding="utf-8")
    started = time.monotonic()
    [doc] = read_inputs([str(path)])[0]
    assert time.monotonic() - started < 10
    assert doc.text == "Acme paid $5 million."


HOSTILE_MARKUP = {
    "unclosed-hidden-elements": "<math>" * 50_000 + "</svg>" * 50_000,  # was quadratic: 14 s
    "unclosed-inline-elements": "<span><b><i>" * 30_000,
    "empty-comments": "<!-->" * 100_000,
    "open-attribute-quotes": "<a b='" * 100_000,
    "lone-angle-brackets": "< " * 200_000,
    "broken-references": "&#" * 200_000 + "&amp" * 100_000,
    "nested-pre": "<pre>" * 100_000,
    "header-times": "<header><time datetime=2020-01-01>" * 30_000,
}


@pytest.mark.parametrize("name", list(HOSTILE_MARKUP))
def test_hostile_markup_is_read_in_bounded_time(tmp_path: Path, name: str) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Acme paid $5 million.</p>" + HOSTILE_MARKUP[name], encoding="utf-8")
    started = time.monotonic()
    docs, errors = read_inputs([str(path)])
    assert time.monotonic() - started < 10
    assert errors == []
    assert docs[0].text.startswith("Acme paid $5 million.")


@pytest.mark.parametrize("section", ["<![foo[ x ]]>", "<![ x ]>", "<![ [", "<![if !IE]>x<![endif]>"])
def test_unknown_marked_sections_do_not_crash_the_reader(tmp_path: Path, section: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<p>Acme paid $5 million.</p>{section}<p>More.</p>", encoding="utf-8")
    docs, errors = read_inputs([str(path)])
    assert errors == [] and docs[0].text.startswith("Acme paid $5 million.")


def test_markdown_heading_of_a_long_line_of_spaces_is_linear(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Acme" + " " * 300_000 + "x\n" + "# " + "#" * 300_000 + "\nAcme paid $5 million.\n")
    started = time.monotonic()
    [doc] = read_inputs([str(path)])[0]
    assert time.monotonic() - started < 5  # was quadratic: hours for a 1 MB line
    assert doc.title == "Acme" + " " * 300_000 + "x"


# -- reader internals ---------------------------------------------------------------------------


def test_small_files_are_read_without_allocating_the_size_limit(tmp_path: Path, monkeypatch) -> None:
    """A read(MAX_DOCUMENT_BYTES + 1) per file allocated 50 MiB each: 100,000 files took minutes."""
    sizes: list[int] = []
    real = read_mod._read_limited

    class Spy(io.BufferedReader):
        def read(self, size=-1):
            sizes.append(size)
            return super().read(size)

    def spy(stream, *args, **kwargs):
        if isinstance(stream, io.BufferedReader):
            stream = Spy(io.FileIO(stream.fileno(), closefd=False))
        return real(stream, *args, **kwargs)

    monkeypatch.setattr(read_mod, "_read_limited", spy)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert read_inputs([str(tmp_path / "a.txt")])[1] == []
    assert sizes and max(sizes) <= 1 << 20, sizes


def test_a_reader_bug_costs_one_input_not_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str):
        raise ValueError("boom\nwith a second line")

    monkeypatch.setattr(read_mod, "parse_html", boom)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = read_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["b.txt"]
    [error] = errors
    assert error.source == str(tmp_path / "a.html")
    assert error.reason.startswith("internal error while reading (ValueError: boom with a second line)")
    assert "\n" not in error.reason
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    with pytest.raises(ValueError):
        read_inputs([str(tmp_path)])


def test_iter_inputs_streams_errors_in_place_in_path_order(tmp_path: Path) -> None:
    expected = write_hostile_tree(tmp_path)
    names = [Path(item.source).name if isinstance(item, ReadError) else item.id
             for item in iter_inputs([str(tmp_path)])]
    assert names == sorted(["good.txt", *HOSTILE_FILES])
    assert sum(isinstance(i, ReadError) for i in iter_inputs([str(tmp_path)])) == len(expected)


def test_size_limit_constant_is_what_messages_say() -> None:
    assert MAX_DOCUMENT_BYTES == 50 * 2**20  # "limit 50 MiB" in the reasons
