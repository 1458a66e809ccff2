"""Where a figure of an HTML page is placed: at its line and column in the page's source (what
an editor shows), in text, GitHub and SARIF output and in the mention rows, although the
figure is read in the page's visible text (`start`, `end` and `sentence` stay there)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.documents import Document
from factcheck.htmltext import parse_html

# Invented: the archive gives Stargate's plan as $500bn, the draft page drops a zero.
ARCHIVE = ("Stargate plans a data-centre push\n\n"
           "Stargate will invest $500bn over the next four years, the company said.\n")
SLIP = "Stargate will invest $50bn over the next four years"

# A head, a style sheet and a script (one that even names a figure) before the body: none of
# their lines is visible text, all of them count in the file.
PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Stargate html two</title>
  <style>
    p {{ margin: 0 }}
  </style>
  <script>
    var teaser = "<p>Stargate will invest $7bn</p>";
  </script>
</head>
<body>
  <h1>Stargate html two</h1>
  <p>Some intro text here.</p>
  <p>
    {SLIP}, according to a statement.
  </p>
</body>
</html>
"""


def where(source: str, figure: str) -> tuple[int, int]:
    """(line, column), both 1-based, of the first `figure` in `source`, as an editor counts."""
    at = source.index(figure)
    return source.count("\n", 0, at) + 1, at - (source.rfind("\n", 0, at) + 1) + 1


def check(tmp_path: Path, page: str, fmt: str, name: str = "draft.html") -> str:
    (tmp_path / "archive").mkdir(exist_ok=True)
    (tmp_path / "archive" / "stargate.txt").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / name).write_text(page, encoding="utf-8")
    r = CliRunner().invoke(main, ["check", name, "--against", "archive", "--format", fmt, "--no-cache",
                                  "--no-config", "-q"], catch_exceptions=False)
    assert r.exit_code == 1, r.output  # the slip is an error
    return r.stdout


def extract(tmp_path: Path, page: str, name: str = "page.html") -> list[dict]:
    (tmp_path / name).write_text(page, encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", name, "--format", "jsonl", "--no-config"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_a_figure_below_head_style_and_script_is_placed_at_its_line_and_column_of_the_html_file(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line, col = where(PAGE, "$50bn")
    assert (line, col) == (17, 26)

    github = [g for g in check(tmp_path, PAGE, "github").splitlines() if g.startswith("::error")]
    assert len(github) == 1 and github[0].startswith(f"::error file=draft.html,line={line},col={col},"), github

    text = check(tmp_path, PAGE, "text")
    assert f"draft.html:{line}:{col}: error FC101 “$50bn”" in text
    assert f"(draft.html:{line}): “$50bn”" in text  # the figure's own line, below the finding

    sarif = json.loads(check(tmp_path, PAGE, "sarif"))
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]
    region = location["physicalLocation"]["region"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "draft.html"
    assert (region["startLine"], region["startColumn"]) == (line, col)
    # offsets in the visible text are no places in the file: they go beside the region
    assert "charOffset" not in region and "charLength" not in region
    visible = parse_html(PAGE).text
    offset = location["properties"]["textOffset"]
    assert visible[offset:offset + location["properties"]["textLength"]] == "$50bn"
    # the archive's plain-text figure keeps its offsets: its text is its file
    related = result["relatedLocations"][0]["physicalLocation"]["region"]
    assert (related["startLine"], related["startColumn"], related["charOffset"]) == (3, 22, ARCHIVE.index("$500bn"))


def test_mention_rows_of_an_html_page_give_the_file_line_and_column_and_visible_text_offsets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (row,) = [r for r in extract(tmp_path, PAGE) if r["kind"] == "money"]
    assert (row["line"], row["col"]) == where(PAGE, "$50bn")
    visible = parse_html(PAGE).text
    assert visible[row["start"]:row["end"]] == "$50bn"
    assert row["sentence"].startswith(SLIP)


def test_an_entity_and_a_paragraph_over_several_lines_before_the_figure_keep_its_column(tmp_path, monkeypatch):
    """`&amp;` is five characters in the file and one in the text, and the paragraph's line
    breaks and indentation are one space each in the text: neither shifts the column."""
    monkeypatch.chdir(tmp_path)
    page = ("<html><head><title>Stargate update</title></head><body>\n"
            "<p>Stargate's backers met on Tuesday\n"
            "        in the capital, and\n"
            "        AT&amp;T &amp; others heard that Stargate will invest $50bn over the next four years.</p>\n"
            "</body></html>\n")
    line, col = where(page, "$50bn")
    assert (line, col) == (4, 63)
    (row,) = [r for r in extract(tmp_path, page) if r["kind"] == "money"]
    assert (row["line"], row["col"]) == (line, col)
    assert "AT&T & others heard that Stargate will invest $50bn" in row["sentence"]
    github = [g for g in check(tmp_path, page, "github").splitlines() if g.startswith("::error")]
    assert github and github[0].startswith(f"::error file=draft.html,line={line},col={col},"), github


def test_a_figure_inside_a_bold_tag_is_placed_at_its_first_character_in_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = ("<!DOCTYPE html>\n<html>\n<head><title>Stargate bold</title></head>\n<body>\n<p>Intro.</p>\n"
            "<p>Stargate will invest <b>$50bn</b> over the next four years, according to a statement.</p>\n"
            "</body>\n</html>\n")
    line, col = where(page, "$50bn")
    assert (line, col) == (6, 28)
    (row,) = [r for r in extract(tmp_path, page) if r["kind"] == "money"]
    assert (row["line"], row["col"]) == (line, col)
    text = check(tmp_path, page, "text")
    assert f"draft.html:{line}:{col}: error FC101 “$50bn”" in text


def test_two_pages_of_one_visible_text_laid_out_apart_keep_their_own_lines_through_the_store(tmp_path, monkeypatch):
    """The archive store keeps analyses by content: two pages that show the same text but hold
    it on different lines must not share their stored mention rows (nor a page stored before
    share them with one analysed now)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "stargate.txt").write_text(ARCHIVE, encoding="utf-8")
    tight = f"<html><body><h1>Stargate html two</h1><p>{SLIP}, according to a statement.</p></body></html>\n"
    loose = tight.replace("<p>", "\n\n\n<p>\n  ")
    assert parse_html(tight).text == parse_html(loose).text
    store = str(tmp_path / "store")
    places = []
    for page in (tight, loose, tight):  # the last one read from the store
        (tmp_path / "draft.html").write_text(page, encoding="utf-8")
        r = CliRunner().invoke(main, ["check", "draft.html", "--against", "archive", "--format", "github",
                                      "--cache-dir", store, "--no-config", "-q"], catch_exceptions=False)
        (error,) = [g for g in r.stdout.splitlines() if g.startswith("::error")]
        places.append(error.split(",title=")[0])
        assert places[-1] == "::error file=draft.html,line={},col={}".format(*where(page, "$50bn"))
    assert places[0] != places[1] == "::error file=draft.html,line=5,col=24"


def test_every_visible_character_maps_to_itself_in_the_source_or_to_its_entity():
    page = ("<html><head><title>T</title><style>b{}</style></head><body>\n"
            "<p>  Price:\t<b>$5bn</b>&nbsp;or &euro;4&#46;5bn &amp;c.</p><!-- a comment -->\n"
            "<table><tr><td>one</td><td>two  three</td></tr></table>\n"
            "<pre>  keep\n    these   lines\n</pre><ul><li>a&lt;b</li><li>x &amp y</li></ul>\n"
            "<p>last\r\n   line</p></body></html>")
    parsed = parse_html(page)
    lines = page.split("\n")
    doc = Document(id="p", text=parsed.text, positions=tuple(parsed.positions))
    checked = 0
    for at, ch in enumerate(parsed.text):
        if ch.isspace():
            continue
        line, col = doc.file_position(at)
        written = lines[line - 1][col - 1:]
        # a character of an entity (`&euro;`, `&amp;`) is placed at the entity
        assert written.startswith((ch, "&")), (at, ch, line, col, written[:10])
        checked += 1
    assert checked == len("".join(parsed.text.split()))
    assert doc.file_position(parsed.text.index("€")) == where(page, "&euro;")
    assert doc.file_position(parsed.text.index("three")) == where(page, "three")
    assert doc.file_position(parsed.text.index("these")) == where(page, "these")


# An ignore comment on a line of its own between a paragraph and the one holding the slip, below
# a head and a style sheet: line 14 of the file, line 5 of the visible text (the slip's line),
# and not the slip's line 16 of the file either.
IGNORED = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Stargate html two</title>
  <style>
    p { margin: 0 }
    h1 { font-size: 2em }
  </style>
</head>
<body>
  <h1>Stargate html two</h1>
  <p>Some intro text here.</p>
  <!-- factcheck-ignore FC101 -->
  <p>
    Stargate will invest $50bn over the next four years, according to a statement.
  </p>
</body>
</html>
"""


def suppressed(tmp_path: Path, page: str, fmt: str, *options: str) -> str:
    """A check of `page` (draft.html) whose one finding is suppressed: the run passes."""
    (tmp_path / "archive").mkdir(exist_ok=True)
    (tmp_path / "archive" / "stargate.txt").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "draft.html").write_text(page, encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "draft.html", "--against", "archive", "--format", fmt, "--no-config",
                                  "-q", *(options or ("--no-cache",))], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_a_suppression_comment_of_an_html_page_is_named_by_its_line_in_the_html_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    comment_line = IGNORED.count("\n", 0, IGNORED.index("<!-- factcheck-ignore")) + 1
    assert comment_line == 14 and where(IGNORED, "$50bn") == (16, 26)
    visible = parse_html(IGNORED).text
    assert visible.count("\n", 0, visible.index("Stargate will")) + 1 == 5  # the line the old messages gave

    text = suppressed(tmp_path, IGNORED, "text")
    assert "draft.html:16:26: error FC101 [suppressed at line 14] “$50bn”" in text, text

    sarif = json.loads(suppressed(tmp_path, IGNORED, "sarif"))
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 16
    assert result["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                       "justification": "factcheck-ignore comment at line 14"}]

    (finding,) = json.loads(suppressed(tmp_path, IGNORED, "json"))["findings"]
    assert finding["status"] == "suppressed" and finding["suppression"]["line"] == 14


def test_a_block_suppression_of_an_html_page_is_named_by_the_line_of_its_start_comment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = IGNORED.replace("  <!-- factcheck-ignore FC101 -->\n",
                           "  <!--\n    factcheck-ignore-start FC101\n  -->\n").replace(
                           "</body>", "<!-- factcheck-ignore-end --></body>")
    assert where(page, "factcheck-ignore-start")[0] == 15  # the comment opens on line 14: it is named, as in Markdown
    assert "draft.html:18:26: error FC101 [suppressed at line 14] “$50bn”" in suppressed(tmp_path, page, "text")


def test_pages_alike_but_for_the_line_of_their_comment_keep_their_own_suppression_line_through_the_store(
        tmp_path, monkeypatch):
    """The store keeps a page's suppression regions with its analysis: two pages that show the
    same text at the same places, one with the ignore comment a line further up, must not share
    them."""
    monkeypatch.chdir(tmp_path)
    up = IGNORED.replace("<p>Some intro text here.</p>\n  <!-- factcheck-ignore FC101 -->\n",
                         "<p>Some intro text here.</p><!-- factcheck-ignore FC101 -->\n\n")
    assert parse_html(up).positions == parse_html(IGNORED).positions
    store = str(tmp_path / "store")
    said = [suppressed(tmp_path, page, "text", "--cache-dir", store) for page in (IGNORED, up, IGNORED)]
    assert ["[suppressed at line 14]" in s for s in said] == [True, False, True]
    assert "draft.html:16:26: error FC101 [suppressed at line 13] “$50bn”" in said[1]
