"""`factcheck claims WORDS`: the figures an archive holds for a claimant, metric or words."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import SEEDS

NEWSROOM = Path(__file__).parent / "data" / "newsroom"
# The Stargate amounts of the seeds, English and German: (document, text as written, value)
STARGATE = {
    ("002_9bcf6e8d9c5eb8cb.txt", "$500bn", 5e11),
    ("002_9bcf6e8d9c5eb8cb.txt", "$100bn", 1e11),
    ("004_bb1226a51bf4e116.txt", "mindestens 500 Milliarden US-Dollar", 5e11),
    ("004_bb1226a51bf4e116.txt", "100 Milliarden US-Dollar", 1e11),
    ("004_bb1226a51bf4e116.txt", "500 US-Dollar", 500.0),
}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def scanned(tmp_path, monkeypatch):
    """The seeds, copied and scanned into a store of their own (the working folder)."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    assert run("scan", "seeds", "--no-report", "-q").exit_code == 1
    return tmp_path


def test_stargate_lists_the_five_amounts_of_both_languages_with_sources(scanned):
    out = json.loads(run("claims", "Stargate", "--format", "json").stdout)
    rows = [r for r in out["rows"] if r["kind"] == "money" and r["claimant"] and "Stargate" in r["claimant"]]
    assert {(r["document"], r["text"], r["value"]) for r in rows} == STARGATE
    assert all(r["source"] == f"seeds/{r['document']}" and r["quote"] and r["title"] for r in rows)
    assert {r["currency"] for r in rows} == {"USD"} and out["archives"] == ["seeds"]
    assert out["figures"] == out["shown"] == len(out["rows"])
    dates = [r["date"] for r in out["rows"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
    slip = {r["text"]: [f["rule"] for f in r["findings"]] for r in rows}
    assert "FC102" in slip["500 US-Dollar"] and "FC102" in slip["$500bn"] and slip["$100bn"] == []


def test_text_output_for_people(scanned):
    res = run("claims", "Stargate", "--kind", "money")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].startswith("6 figures for “Stargate”")
    assert "2025-01-22  $500bn  (500,000,000,000 USD, exact)  Stargate · investment" in lines
    assert any(line.strip().startswith("error FC102 fc-") for line in lines)
    assert any("— seeds/004_bb1226a51bf4e116.txt:" in line for line in lines)
    assert res.stdout.count("undated  ") == 3  # the German article has no date: listed last


def test_csv_output_for_tools(scanned):
    res = run("claims", "Stargate", "investment", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and set(rows[0]) >= {"date", "text", "value", "qualifier", "claimant", "title", "source", "quote",
                                     "findings"}
    assert {(r["document"], r["text"]) for r in rows} >= {(d, t) for d, t, _ in STARGATE if t != "$100bn"}
    assert next(r for r in rows if r["text"] == "mindestens 500 Milliarden US-Dollar")["qualifier"] == "at_least"


def test_every_word_must_match_and_limit_and_kind(scanned):
    none = run("claims", "Stargate", "Zorblax")
    assert none.exit_code == 0 and none.stdout.startswith("0 figures for “Stargate Zorblax”")
    limited = json.loads(run("claims", "Stargate", "--limit", "2", "--format", "json").stdout)
    assert limited["shown"] == 2 < limited["figures"]
    dates = json.loads(run("claims", "Stargate", "--kind", "date", "--format", "json").stdout)["rows"]
    assert dates and {r["kind"] for r in dates} == {"date"}


def test_two_archives_sharing_articles_list_each_figure_once_within_the_limit(tmp_path, monkeypatch):
    """Two folders scanned on their own share the Stargate articles: each figure is listed once,
    the count is of figures, and --limit fills up with figures, not with a second archive's copies."""
    for folder, names in (("desk", ["001", "002", "004"]), ("wire", ["002", "003", "004"])):
        (tmp_path / folder).mkdir()
        for seed in SEEDS.iterdir():
            if seed.name[:3] in names:
                shutil.copy(seed, tmp_path / folder / seed.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    for folder in ("desk", "wire"):
        assert run("scan", folder, "--no-report", "-q").exit_code in (0, 1)
    every = json.loads(run("claims", "Stargate", "--kind", "money", "--format", "json").stdout)
    figures = {(r["document"], r["text"]) for r in every["rows"]}
    assert len(figures) == len(every["rows"]) == every["figures"] and figures >= {(d, t) for d, t, _ in STARGATE}
    limited = json.loads(run("claims", "Stargate", "--kind", "money", "--limit", "5", "--format", "json").stdout)
    assert limited["shown"] == len({(r["document"], r["text"]) for r in limited["rows"]}) == 5
    assert limited["figures"] == every["figures"]


def test_in_names_the_archive_and_reads_it_first(tmp_path, monkeypatch, ruleset):
    shutil.copytree(NEWSROOM, tmp_path / "newsroom")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    res = run("claims", "Acme", "Robotics", "--in", "newsroom/articles", "--format", "json", "-q")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["archives"] == ["newsroom/articles"] and out["rows"]
    assert {r["claimant"] for r in out["rows"]} == {"Acme Robotics"}
    assert all(r["findings"] == [] for r in out["rows"])  # read for the query, never scanned: no findings yet
    missing = run("claims", "Acme", "--in", "newsroom/nope", "--format", "json")
    assert "cannot read newsroom/nope" in missing.stderr


def test_each_documents_story_is_kept_from_the_scan(tmp_path, monkeypatch):
    """The store keeps each document's story as the claims stage linked it, and the query
    shows it: the same story `factcheck extract` gives the document's mentions."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    run("scan", "seeds", "--no-report", "-q")
    extracted = [json.loads(line) for line in run("extract", "seeds").stdout.splitlines()]
    story_of = {r["doc"]: r["story"] for r in extracted}
    rows = json.loads(run("claims", "Stargate", "--format", "json").stdout)["rows"]
    assert rows
    for r in rows:
        doc = next(d for d in story_of if d.endswith(r["document"]) or r["document"].endswith(d))
        assert r["story"] == story_of[doc]


def test_an_empty_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    res = run("claims", "Stargate")
    assert res.exit_code == 2 and "scan one first" in res.stderr


def test_hostile_text_cannot_drive_the_terminal(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "evil.txt").write_text("Acme Corp said it will invest $5 million \x1b[2J\x1b]0;pwned\x07 now.\n",
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    run("scan", "a", "--no-report", "-q")
    text = run("claims", "Acme").stdout
    assert "$5 million" in text and "\x1b" not in text and "\x07" not in text
    raw = json.loads(run("claims", "Acme", "--format", "json").stdout)["rows"][0]["quote"]
    assert "\x1b[2J" in raw  # the data itself is kept as it is


def test_help_has_examples():
    for cmd in (["claims"], ["cache", "info"]):
        res = run(*cmd, "--help")
        assert res.exit_code == 0 and "Example" in res.stdout


def test_a_document_held_by_several_archives_lists_each_figure_once(scanned):
    once = json.loads(run("claims", "Stargate", "--format", "json").stdout)
    shutil.copytree(scanned / "seeds", scanned / "again")  # the same articles, scanned from another folder
    assert run("scan", "again", "--no-report", "-q").exit_code == 1
    assert run("scan", "seeds/002_9bcf6e8d9c5eb8cb.txt", "--no-report", "-q").exit_code in (0, 1)
    out = json.loads(run("claims", "Stargate", "--format", "json").stdout)
    figures = [(r["document"].rsplit("/", 1)[-1], r["start"], r["end"]) for r in out["rows"]]
    assert len(figures) == len(set(figures)) == len(once["rows"])
    assert out["figures"] == once["figures"]


def test_a_story_is_named_by_its_title_not_by_an_id(tmp_path, monkeypatch):
    shutil.copytree(NEWSROOM, tmp_path / "newsroom")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    run("scan", "newsroom/articles", "--no-report", "-q")
    text = run("claims", "Acme", "Robotics").stdout
    assert "(story: Acme Robotics opens a new lab)" in text
    assert "(story robotics" not in text and "(story articles/" not in text


def test_an_archive_not_in_the_store_is_answered_with_the_archives_it_holds(scanned):
    res = run("claims", "Stargate", "--in", "nowhere/")
    assert res.exit_code == 2
    assert "cannot read nowhere/: no such file or folder; the store holds seeds" in res.stderr
    assert "holds no archive yet" not in res.stderr  # it holds one: no hint that contradicts the line above


def test_a_file_read_on_its_own_then_edited_and_read_again_in_its_folder_lists_its_new_figures(tmp_path, monkeypatch):
    """A reporter scans one article, corrects it, then scans its folder: `claims` lists the
    corrected figure, not the old one the store still holds from the first scan."""
    articles = tmp_path / "articles"
    articles.mkdir()
    story = articles / "depot.md"
    story.write_text("# Kestrel buys depot\n\nKestrel Rail paid $48,000 for the Millbrook depot.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    assert run("scan", "articles/depot.md", "--no-report", "-q").exit_code in (0, 1)
    story.write_text(story.read_text(encoding="utf-8").replace("$48,000", "$84,000"), encoding="utf-8")
    assert run("scan", "articles", "--no-report", "-q").exit_code in (0, 1)
    rows = json.loads(run("claims", "Kestrel", "--kind", "money", "--format", "json").stdout)["rows"]
    assert [r["text"] for r in rows] == ["$84,000"]


def test_a_file_the_folder_walk_skips_keeps_its_figures_after_the_folder_is_read(tmp_path, monkeypatch):
    """A hidden file read on its own is in no listing of its folder (the walk skips it): its
    figures stay listed."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / ".note.md").write_text("Kestrel Rail paid $7 million for the Harbour depot.\n", encoding="utf-8")
    (articles / "depot.md").write_text("Kestrel Rail paid $5 million for the Millbrook depot.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "store"))
    assert run("scan", "articles/.note.md", "--no-report", "-q").exit_code in (0, 1)
    assert run("scan", "articles", "--no-report", "-q").exit_code in (0, 1)
    rows = json.loads(run("claims", "Kestrel", "--kind", "money", "--format", "json").stdout)["rows"]
    assert sorted(r["text"] for r in rows) == ["$5 million", "$7 million"]
