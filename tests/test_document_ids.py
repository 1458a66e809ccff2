"""Two inputs may name different articles alike (`story.txt` in two folders, record "1" in two
exports, one id twice in a corpus): each article keeps its own figures, every holder of the
shared id going by the place it was read, whatever order the inputs come in; one article
read twice (a folder given twice) is read once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.ruleset import load_rules


def _folders(tmp_path: Path, *amounts: str) -> list[Path]:
    out = []
    for k, amount in enumerate(amounts):
        folder = tmp_path / f"desk{k + 1}"
        folder.mkdir()
        (folder / "story.txt").write_text(f"Harbour crane order\n\nPortlane ordered cranes worth ${amount} million "
                                          "in March 2024.\n", encoding="utf-8")
        out.append(folder)
    return out


def _json(args: list[str], cache: bool = False) -> dict:
    res = CliRunner().invoke(main, [*args, *([] if cache else ["--no-cache"]), "--format", "json", "-q"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def _money(out: dict) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return sorted((f["id"], f["severity"], sorted((m["doc"], m["text"]) for m in f["mentions"]))
                  for f in out["findings"] if any(m["kind"] == "money" for m in f["mentions"]))


def test_every_holder_of_a_shared_id_goes_by_its_place(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps({"id": "1", "text": t}) + "\n"
                              for t in ("Dunmore paid $2 million.", "Ferris paid $3 million.")), encoding="utf-8")
    (tmp_path / "other.jsonl").write_text(json.dumps({"id": "2", "text": "Galt paid $5 million."}) + "\n",
                                          encoding="utf-8")
    first, second = _folders(tmp_path, "4", "40")
    out = _json(["scan", str(corpus), str(tmp_path / "other.jsonl"), str(first), str(second)])
    assert sorted(d["id"] for d in out["docs"]) == sorted(
        [f"{corpus}:1", f"{corpus}:2", "2", str(first / "story.txt"), str(second / "story.txt")])


def test_a_scan_of_two_folders_holding_one_file_name_compares_their_articles_in_either_order(tmp_path: Path) -> None:
    first, second = _folders(tmp_path, "4", "40")
    one = _money(_json(["scan", str(first), str(second)]))
    assert one == _money(_json(["scan", str(second), str(first)]))  # the same ids, so the same findings
    assert [m for _, _, ms in one for m in ms] == [(str(first / "story.txt"), "$4 million"),
                                                   (str(second / "story.txt"), "$40 million")]


def test_a_folder_given_twice_is_read_once(tmp_path: Path) -> None:
    (first,) = _folders(tmp_path, "4")
    out = _json(["scan", str(first), str(first)])
    assert out["documents"] == 1
    assert out["findings"] == []  # no article agreeing with itself


def test_the_store_keeps_renamed_articles_findings_for_a_rerun_and_for_claims(tmp_path: Path) -> None:
    first, second = _folders(tmp_path, "4", "40")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    fresh = _money(_json(["scan", str(first), str(second), *cache], cache=True))
    assert fresh and _money(_json(["scan", str(first), str(second), *cache], cache=True)) == fresh
    res = CliRunner().invoke(main, ["claims", "Portlane", *cache, "--format", "json"])
    rows = [r for r in json.loads(res.stdout)["rows"] if r["kind"] == "money"]
    assert sorted((r["value"], [f["id"] for f in r["findings"]]) for r in rows) == [
        (4e6, [fresh[0][0]]), (4e7, [fresh[0][0]])]


def test_documents_in_memory_of_one_id_keep_their_own_figures() -> None:
    records = [{"id": "a", "text": "Portlane ordered cranes worth $4 million in March 2024."},
               {"id": "a", "text": "Portlane ordered cranes worth $40 million in March 2024."}]
    result = scan_documents(documents_from_records(records), load_rules())
    assert [d.id for d in result.corpus.docs] == ["a#1", "a#2"]
    assert [(f.rule, sorted(m["doc"] + " " + m["text"] for m in f.mentions)) for f in result.findings
            if f.severity != "info"] == [("FC101", ["a#1 $4 million", "a#2 $40 million"])]


def test_a_check_against_two_archives_holding_one_file_name_keeps_their_figures_apart(tmp_path: Path) -> None:
    first, second = _folders(tmp_path, "4", "4")
    draft = tmp_path / "draft.txt"
    draft.write_text("Harbour crane order\n\nPortlane ordered cranes worth $40 million in March 2024.\n",
                     encoding="utf-8")
    out = _json(["check", str(draft), "--against", str(first), "--against", str(second)])
    serious = [f for f in out["findings"] if f["severity"] in ("error", "warning")]
    archived = {m["doc"] for f in serious for m in f["mentions"] if m["text"] == "$4 million"}
    assert archived == {str(first / "story.txt"), str(second / "story.txt")}


def test_two_drafts_of_one_file_name_are_checked_apart(tmp_path: Path) -> None:
    first, second = _folders(tmp_path, "4", "40")
    out = _json(["check", str(first / "story.txt"), str(second / "story.txt"), "--against", str(first),
                 "--against", str(second)])
    assert sorted(out["drafts"]) == sorted([str(first / "story.txt"), str(second / "story.txt")])
    assert [m for _, _, ms in _money(out) for m in ms] == [(str(first / "story.txt"), "$4 million"),
                                                          (str(second / "story.txt"), "$40 million")]
