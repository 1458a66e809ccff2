"""Two inputs may name different articles alike (`x.txt` in two folders, record "1" in two
exports, one id twice in a corpus): each article keeps its own figures, under an id unique in
the run (the later one goes by the place it was read)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.read import read_inputs


def _folders(tmp_path: Path, *amounts: str) -> list[Path]:
    out = []
    for k, amount in enumerate(amounts):
        folder = tmp_path / f"desk{k + 1}"
        folder.mkdir()
        (folder / "story.txt").write_text(f"Harbour crane order\n\nPortlane ordered cranes worth ${amount} million "
                                          "in March 2024.\n", encoding="utf-8")
        out.append(folder)
    return out


def _json(args: list[str]) -> dict:
    res = CliRunner().invoke(main, [*args, "--no-cache", "--format", "json", "-q"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def test_one_id_twice_in_a_corpus_and_across_folders_reads_every_article_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps({"id": "1", "text": t}) + "\n" for t in ("First item.", "Second item.")),
                      encoding="utf-8")
    first, second = _folders(tmp_path, "4", "5")
    docs, errors = read_inputs([str(corpus), str(first), str(second)])
    assert errors == []
    assert [(d.id, d.text.split("\n")[0]) for d in docs] == [
        ("1", "First item."), (f"{corpus}:2", "Second item."),
        ("story.txt", "Harbour crane order"), (str(second / "story.txt"), "Harbour crane order")]


def test_a_scan_of_two_folders_holding_one_file_name_compares_their_articles(tmp_path: Path) -> None:
    out = _json(["scan", *map(str, _folders(tmp_path, "4", "40"))])
    assert sorted(d["id"] for d in out["docs"]) == sorted(["story.txt", str(tmp_path / "desk2" / "story.txt")])
    money = [f for f in out["findings"] if any(m["kind"] == "money" for m in f["mentions"])]
    assert money, out["findings"]
    # each figure quoted from its own article
    for f in money:
        for m in f["mentions"]:
            want = "$4 million" if m["doc"] == "story.txt" else "$40 million"
            assert m["text"] == want


def test_a_check_against_two_archives_holding_one_file_name_keeps_their_figures_apart(tmp_path: Path) -> None:
    first, second = _folders(tmp_path, "4", "4")
    draft = tmp_path / "draft.txt"
    draft.write_text("Harbour crane order\n\nPortlane ordered cranes worth $40 million in March 2024.\n",
                     encoding="utf-8")
    out = _json(["check", str(draft), "--against", str(first), "--against", str(second)])
    serious = [f for f in out["findings"] if f["severity"] in ("error", "warning")]
    archived = {m["doc"] for f in serious for m in f["mentions"] if m["text"] == "$4 million"}
    assert archived == {"story.txt", str(second / "story.txt")}
    assert all(m["text"] in ("$4 million", "$40 million") for f in serious for m in f["mentions"])
