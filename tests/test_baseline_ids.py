"""The CI gate: a baseline of accepted findings, new findings fail, ids survive edits.

Acceptance of issue 6: a clean baseline run exits 0; adding a contradicting draft exits 1
with exactly the new finding marked `new`; editing an unrelated paragraph, moving the
contradicting sentence elsewhere in the article, or changing nothing but whitespace keeps
every id; a corrupt or missing baseline file gives a clear error and exit 2.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.findings import fingerprint

NEWSROOM = Path(__file__).parent / "data" / "newsroom"
SLIP = "Stargate will invest $500 over the next four years, according to a statement."


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository of articles with a reviewed baseline of its current findings."""
    root = tmp_path / "repo"
    shutil.copytree(NEWSROOM / "articles", root / "articles")
    monkeypatch.chdir(root)
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # never the real user cache
    res = run("baseline", "articles", "--out", "factcheck-baseline.json", "--no-config")
    assert res.exit_code == 0, res.stderr
    return root


def scan_json(*extra: str):
    res = run("scan", "articles", "--baseline", "factcheck-baseline.json", "--format", "json", "--no-report",
              "-q", "--no-config", "--fail-on", "warning", *extra)
    return res.exit_code, json.loads(res.stdout)


def ids(out) -> dict[str, str]:
    return {f["id"]: f["rule"] for f in out["findings"]}


def add_draft(repo: Path, text: str | None = None) -> Path:
    p = repo / "articles" / "stargate-update.md"
    p.write_text(text or (NEWSROOM / "drafts" / "stargate-slip.md").read_text(encoding="utf-8"), encoding="utf-8")
    return p


def test_clean_baseline_run_exits_0(repo):
    code, out = scan_json()
    assert code == 0
    assert out["findings"] and {f["status"] for f in out["findings"]} == {"baseline"}
    assert out["fixed"] == []


def test_a_contradicting_draft_exits_1_with_exactly_that_finding_new(repo):
    add_draft(repo)
    code, out = scan_json()
    assert code == 1
    new = [f for f in out["findings"] if f["status"] == "new"]
    assert [(f["rule"], sorted(f["documents"])) for f in new] == [("FC102", ["stargate-update.md", "stargate.md"])]
    assert out["summary"]["by_status"]["new"] == 1


def test_check_of_the_draft_marks_the_same_finding_new(repo):
    add_draft(repo)
    res = run("check", "articles/stargate-update.md", "--against", "articles", "--baseline",
              "factcheck-baseline.json", "--format", "json", "-q", "--no-config", "--no-cache")
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    _, scanned = scan_json()
    assert [(f["id"], f["status"]) for f in out["findings"]] == [
        (f["id"], "new") for f in scanned["findings"] if f["status"] == "new"]
    assert out["fixed"] == []  # archive-only baseline entries are out of a draft check's scope


def _edits(text: str) -> dict[str, str]:
    body_start = text.index("The weather")
    paragraphs = text[body_start:].strip().split("\n\n")
    moved = [p for p in paragraphs if p != SLIP] + [SLIP]
    return {
        "unrelated paragraph edited": text.replace("The weather in Texas was mild this week.",
                                                   "Heavy rain fell across Texas on Monday, flooding roads."),
        "unrelated paragraph added": text.replace("Local officials welcomed the news.",
                                                  "Local officials welcomed the news.\n\nA new paragraph about "
                                                  "schools, traffic and the local football team."),
        "contradicting sentence moved": text[:body_start] + "\n\n".join(moved) + "\n",
        "whitespace only": re.sub(r"(?m)$", "  ", text.replace("\n\n", "\n\n\n")).replace(
            "Stargate will invest $500 over", "Stargate  will invest $500\nover"),
    }


@pytest.mark.parametrize("edit", ["unrelated paragraph edited", "unrelated paragraph added",
                                  "contradicting sentence moved", "whitespace only"])
def test_ids_survive_edits(repo, edit):
    draft = add_draft(repo)
    _, before = scan_json()
    original = draft.read_text(encoding="utf-8")
    changed = _edits(original)[edit]
    assert changed != original
    draft.write_text(changed, encoding="utf-8")
    _, after = scan_json()
    assert ids(after) == ids(before)
    assert [f["status"] for f in after["findings"] if f["rule"] == "FC102"] == ["new"]


def test_ids_survive_edits_to_the_archived_article_too(repo):
    add_draft(repo)
    _, before = scan_json()
    p = repo / "articles" / "stargate.md"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("Analysts said", "Several analysts, speaking on Monday, said")
                 .replace("\n\n", "\n\n\n"), encoding="utf-8")
    _, after = scan_json()
    assert ids(after) == ids(before)


def test_a_fixed_finding_is_listed_as_fixed(repo):
    p = repo / "articles" / "robotics-b.md"
    p.write_text(p.read_text(encoding="utf-8").replace("2019", "2015"), encoding="utf-8")
    code, out = scan_json()
    assert code == 0
    assert [e["rule"] for e in out["fixed"]] == ["FC201"]
    text = run("scan", "articles", "--baseline", "factcheck-baseline.json", "--no-report", "-q",
               "--no-config").stdout
    assert "fixed: fc-" in text and "1 fixed" in text


def test_an_accepted_finding_stays_accepted_when_its_article_moves_to_a_subfolder(repo):
    """A move renames the document (its id is its path in the folder), and so the finding's
    id: the contradiction accepted, the same two sentences, is still accepted."""
    (repo / "articles" / "2025").mkdir()
    (repo / "articles" / "robotics-a.md").rename(repo / "articles" / "2025" / "robotics-a.md")
    code, out = scan_json()
    assert code == 0, out
    assert [(f["rule"], f["status"]) for f in out["findings"] if f["severity"] != "info"] == [("FC201", "baseline")]
    assert out["fixed"] == []


def test_an_accepted_finding_stays_accepted_when_its_story_gains_an_agreeing_article(repo):
    """A third article gives the founding year one side gives: it joins that side of the
    finding (a new id), and the contradiction accepted is still the one quoted."""
    (repo / "articles" / "robotics-c.md").write_text(
        "---\ntitle: Acme Robotics expands\ndate: 2025-01-22\n---\n# Acme Robotics expands\n\n"
        "Acme Robotics was founded in 2015 by two engineers, the company said.\n", encoding="utf-8")
    code, out = scan_json()
    assert code == 0, out
    serious = [f for f in out["findings"] if f["severity"] != "info"]
    assert serious and {f["status"] for f in serious} == {"baseline"}
    assert out["fixed"] == []


def test_a_baseline_rewritten_after_a_move_keeps_the_justification(repo):
    base = json.loads(Path("factcheck-baseline.json").read_text(encoding="utf-8"))
    base["findings"][0]["justification"] = "Checked with the company: 2015."
    Path("factcheck-baseline.json").write_text(json.dumps(base), encoding="utf-8")
    (repo / "articles" / "2025").mkdir()
    (repo / "articles" / "robotics-a.md").rename(repo / "articles" / "2025" / "robotics-a.md")
    res = run("baseline", "articles", "--out", "factcheck-baseline.json", "--no-config", "-q")
    assert res.exit_code == 0, res.stderr
    (entry,) = json.loads(Path("factcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert entry["justification"] == "Checked with the company: 2015."
    assert any(m["doc"] == "2025/robotics-a.md" for m in entry["mentions"])


@pytest.mark.parametrize(("content", "says"), [
    (None, "no such baseline file"),
    ("{not json", "corrupt baseline, not JSON"),
    ('{"findings": {}}', "expected an object with a 'findings' list"),
    ('{"findings": [{"rule": "FC101"}]}', "findings[0] has no string 'id'"),
    ('{"version": 99, "findings": []}', "baseline version 99"),
])
def test_a_missing_or_corrupt_baseline_is_a_clear_usage_error(repo, content, says):
    target = repo / "broken-baseline.json"
    if content is not None:
        target.write_text(content, encoding="utf-8")
    for cmd in (["scan", "articles", "--no-report"], ["check", "articles/stargate.md", "--against", "articles"]):
        res = run(*cmd, "--baseline", str(target), "-q", "--no-config")
        assert res.exit_code == 2, cmd
        assert "broken-baseline.json" in res.stderr and says in res.stderr
        assert "Traceback" not in res.stderr


def test_the_baseline_file_is_reviewable_and_keeps_justifications(repo):
    path = repo / "factcheck-baseline.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == 1 and doc["findings"] == sorted(doc["findings"], key=lambda e: e["id"])
    entry = doc["findings"][0]
    assert list(entry) == ["id", "rule", "severity", "message", "mentions", "justification"]
    assert entry["justification"] == ""
    assert all({"doc", "text", "sentence"} <= set(m) for m in entry["mentions"])
    assert path.read_text(encoding="utf-8").endswith("}\n")
    entry["justification"] = "Both dates appear in the company's own filings; the desk knows."
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    add_draft(repo)
    assert run("baseline", "articles", "--out", str(path), "-q", "--no-config").exit_code == 0
    again = json.loads(path.read_text(encoding="utf-8"))
    kept = {e["id"]: e["justification"] for e in again["findings"]}
    assert kept[entry["id"]] == entry["justification"] and len(kept) == 2
    # same input, same bytes
    before = path.read_bytes()
    run("baseline", "articles", "--out", str(path), "-q", "--no-config")
    assert path.read_bytes() == before


def test_suppressed_findings_stay_out_of_the_baseline_and_never_fail(repo):
    shutil.copy(NEWSROOM / "drafts" / "stargate-suppressed.md", repo / "articles")
    code, out = scan_json()
    assert code == 0
    assert [f["status"] for f in out["findings"] if f["rule"] == "FC102"] == ["suppressed"]
    run("baseline", "articles", "--out", "factcheck-baseline.json", "-q", "--no-config")
    doc = json.loads((repo / "factcheck-baseline.json").read_text(encoding="utf-8"))
    assert "FC102" not in {e["rule"] for e in doc["findings"]}


def test_fingerprint_ignores_offsets_and_order():
    a = [{"doc": "x", "kind": "money", "low": 5e11, "value": 5e11, "high": 5e11, "currency": "USD", "start": 10}]
    b = [{"doc": "y", "kind": "money", "low": 500.0, "value": 500.0, "high": 500.0, "currency": "USD", "start": 3}]
    moved = [dict(a[0], start=900)]
    assert fingerprint("FC102", "c", [a, b]) == fingerprint("FC102", "c", [b, moved])
    assert fingerprint("FC102", "c", [a, b]) != fingerprint("FC101", "c", [a, b])
    assert fingerprint("FC102", "c", [a, b]) != fingerprint("FC102", "c", [a, [dict(b[0], value=600.0)]])


# -- a failed or partial refresh loses nothing ------------------------------------------


def justify_all(path: Path) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for e in doc["findings"]:
        e["justification"] = "Checked with the desk."
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return doc


def test_a_baseline_run_with_an_unreadable_file_writes_nothing_and_exits_2(repo):
    path = repo / "factcheck-baseline.json"
    justify_all(path)
    before = path.read_bytes()
    (repo / "articles" / "robotics-b.md").write_bytes(b"\x00\x01\x02")  # the finding's second article
    res = run("baseline", "articles", "--out", str(path), "--no-config")
    assert res.exit_code == 2
    assert path.read_bytes() == before
    assert "cannot read articles/robotics-b.md: binary file" in res.stderr
    assert "no baseline was written" in res.stderr and "left as it was" in res.stderr
    assert "findings written" not in res.stderr and "finding written" not in res.stderr


def test_skip_unreadable_writes_the_baseline_keeping_the_entries_of_unread_documents(repo):
    path = repo / "factcheck-baseline.json"
    old = justify_all(path)["findings"]
    (repo / "articles" / "robotics-b.md").write_bytes(b"\x00\x01\x02")
    (repo / "articles" / "robotics-c.md").write_text(SLIP, encoding="utf-8")  # a readable change is written
    res = run("baseline", "articles", "--out", str(path), "--no-config", "--skip-unreadable")
    assert res.exit_code == 0, res.stderr
    assert "cannot read articles/robotics-b.md" in res.stderr
    assert "1 earlier entry kept unchecked" in res.stderr and "dropped" not in res.stderr
    entries = {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))["findings"]}
    assert all(entries[e["id"]] == e for e in old)  # kept whole, justification and all


def test_dropping_justified_entries_is_said_even_with_quiet(repo):
    path = repo / "factcheck-baseline.json"
    [entry] = justify_all(path)["findings"]
    (repo / "articles" / "robotics-b.md").unlink()  # the finding is really gone
    res = run("baseline", "articles", "--out", str(path), "--no-config", "-q")
    assert res.exit_code == 0, res.stderr
    assert json.loads(path.read_text(encoding="utf-8"))["findings"] == []
    assert f"1 dropped entry had a justification ({entry['id']})" in res.stderr
    loud = run("baseline", "articles", "--out", str(path), "--no-config")
    assert "0 findings written" in loud.stderr and "justification (" not in loud.stderr  # nothing left to drop


def test_one_finding_is_written_in_the_singular(repo):
    res = run("baseline", "articles", "--out", "factcheck-baseline.json", "--no-config")
    assert "factcheck: 1 finding written to factcheck-baseline.json;" in res.stderr


def test_ids_do_not_depend_on_the_order_of_the_paths(tmp_path):
    # two undated articles of one story: the story (and so the claim and the id) is named after
    # the smaller id of the two, not the one given first
    for name, amount in (("east", "4"), ("west", "40")):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(
            f"Harbour crane order\n\nPortlane ordered cranes worth ${amount} million in March 2024.\n",
            encoding="utf-8")

    def ids(*folders: str) -> list[str]:
        res = run("scan", *(str(tmp_path / f) for f in folders), "--no-cache", "--no-config", "--format", "json")
        return sorted(f["id"] for f in json.loads(res.stdout)["findings"])

    assert ids("east", "west") and ids("east", "west") == ids("west", "east")
