"""Where a finding in a corpus record is placed for GitHub: the corpus file and the record's
line in it (a record's id names no file; its line and column are positions in its text)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import main

# Invented: two reports agree on the pier's cost, the third (record 3) drops a zero.
PIER = [
    ("pier-1", "Harbour council backs pier", "Harbour Council will spend $40 million on the new pier over the "
                                             "next two years, the council said on Monday."),
    ("pier-2", "Pier plan approved", "Harbour Council will spend $40 million on the new pier over the next two "
                                     "years, a spokeswoman confirmed."),
    ("pier-3", "Council pier vote", "Harbour Council will spend $4 million on the new pier over the next two "
                                    "years, according to a statement."),
]


def record_lines(records=PIER) -> list[str]:
    return [json.dumps({"id": i, "title": t, "date": "2025-03-04", "text": f"{t}\n\n{x}"}) for i, t, x in records]


def write_corpus(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-config"], catch_exceptions=False)


def errors_of(github: str) -> list[str]:
    return [line for line in github.splitlines() if line.startswith("::error file=")]


def test_github_places_a_finding_in_record_3_at_line_3_of_the_corpus_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "pier.jsonl", record_lines())
    (line,) = errors_of(run("scan", "pier.jsonl", "--format", "github", "--no-report", "-q", "--no-cache").stdout)
    place, message = line.split("::")[1:]
    # no column: the figure's column is one of the record's text, not of the corpus line
    assert place == "error file=pier.jsonl,line=3,title=FC101 value-conflict"
    assert message.startswith("record pier-3, text line 3 col 28: “$4 million” (Council pier vote) disagrees")


def test_a_blank_and_a_broken_line_before_a_record_move_its_line_not_its_finding(tmp_path, monkeypatch):
    """Blank and unreadable lines count, as in an editor: record 3 is on line 5. The finding's
    id does not depend on where its record stands."""
    monkeypatch.chdir(tmp_path)
    one, two, three = record_lines()
    write_corpus(tmp_path / "tidy.jsonl", [one, two, three])
    write_corpus(tmp_path / "gaps.jsonl", [one, "", two, '{"id": "pier-x", "text": "unterminated', three])
    tidy = run("scan", "tidy.jsonl", "--format", "github", "--no-report", "-q", "--no-cache")
    gaps = run("scan", "gaps.jsonl", "--format", "github", "--no-report", "-q", "--no-cache", "--skip-unreadable")
    ((tidy_line,), (gaps_line,)) = errors_of(tidy.stdout), errors_of(gaps.stdout)
    assert gaps_line.startswith("::error file=gaps.jsonl,line=5,")
    assert gaps_line.replace("gaps.jsonl,line=5", "tidy.jsonl,line=3") == tidy_line
    assert "::error title=unreadable input::gaps.jsonl:4: invalid JSON" in gaps.stdout


def test_a_cached_second_run_places_records_as_the_first(tmp_path, monkeypatch):
    """The store keeps each record's line: a second scan, which reads the corpus from the
    store and not from the file, prints the same annotations and SARIF."""
    monkeypatch.chdir(tmp_path)
    one, two, three = record_lines()
    write_corpus(tmp_path / "pier.jsonl", [one, "", two, three])

    def outputs() -> list[str]:
        return [run("scan", "pier.jsonl", "--format", fmt, "--no-report", "-q").stdout for fmt in ("github", "sarif")]

    first = outputs()

    def unread(*args, **kwargs):
        raise AssertionError("the second run must take the corpus from the store")

    monkeypatch.setattr(pipeline, "iter_inputs", unread)
    assert outputs() == first
    assert errors_of(first[0])[0].startswith("::error file=pier.jsonl,line=4,")
    (result,) = [r for r in json.loads(first[1])["runs"][0]["results"] if r["ruleId"] == "FC101"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}


def test_check_places_a_draft_record_and_its_archive_records_by_their_lines(tmp_path, monkeypatch):
    """`check`: a draft that is a record of a corpus is annotated at its line; in SARIF the
    archive records it contradicts are related locations at their lines of the archive."""
    monkeypatch.chdir(tmp_path)
    one, two, three = record_lines()
    write_corpus(tmp_path / "archive.jsonl", [one, "", two])
    write_corpus(tmp_path / "drafts.jsonl", ['{"id": "note", "text": "Nothing to check here."}', three])
    (line,) = errors_of(run("check", "drafts.jsonl", "--against", "archive.jsonl", "--format", "github").stdout)
    assert line.startswith("::error file=drafts.jsonl,line=2,title=FC101 value-conflict::record pier-3, text line 3 ")
    sarif = json.loads(run("check", "drafts.jsonl", "--against", "archive.jsonl", "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    related = {r["logicalLocations"][0]["name"]: r["physicalLocation"] for r in result["relatedLocations"]}
    assert related == {"pier-1": {"artifactLocation": {"uri": "archive.jsonl"}, "region": {"startLine": 1}},
                       "pier-2": {"artifactLocation": {"uri": "archive.jsonl"}, "region": {"startLine": 3}}}



def test_json_lists_each_articles_source_and_a_records_line_in_it(tmp_path, monkeypatch):
    """The JSON `docs` say where each article was read: a corpus record by its file and line,
    a whole file by its path and no line."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "pier.jsonl", record_lines())
    (tmp_path / "note.txt").write_text("Harbour Council will spend $40 million on the new pier.\n", encoding="utf-8")
    out = json.loads(run("scan", "pier.jsonl", "note.txt", "--format", "json", "--no-report", "-q",
                         "--no-cache").stdout)
    where = {d["id"]: (d["source"], d["line"]) for d in out["docs"]}
    assert where["pier-1"] == ("pier.jsonl", 1) and where["pier-3"] == ("pier.jsonl", 3)
    assert where["note.txt"] == ("note.txt", None)
