"""Pre-publication checks against the seeds: a wrong figure in a draft fails the check, a right
one does not, and a bigger archive never hides a contradiction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Invented wire items about other companies and markets (no third-party text): the kind of
# unrelated articles any archive holds beside a story.
_COMPANIES = ["Northwind Traders", "Contoso Steel", "Fabrikam Foods", "Tailspin Air", "Litware Media",
              "Proseware Mining", "Wingtip Toys", "Adatum Power", "Lucerne Shipping", "Margie Travel"]
_TEMPLATES = [
    "{c} said first-quarter net income rose to {a}.{b} mln dlrs from {b}.{a} mln dlrs a year earlier.",
    "{c} will invest {a}0 mln dlrs in a new plant in Ohio over the next two years, the company said.",
]


def _unrelated(n: int) -> list[dict[str, str]]:
    out = []
    for k in range(n):
        company = _COMPANIES[k % len(_COMPANIES)]
        text = _TEMPLATES[k % 2].format(c=company, a=k % 7 + 2, b=k % 5 + 1)
        out.append({"id": f"wire-{k:02d}", "title": f"{company.upper()} REPORT", "date": "2025-01-1" + str(k % 9),
                    "text": f"{company.upper()} REPORT\n{text}\n"})
    return out


def _check(draft_text: str, tmp_path: Path, *archive: Path) -> tuple[int, list[dict]]:
    draft = tmp_path / "draft.txt"
    draft.write_text(draft_text, encoding="utf-8")
    args = ["check", str(draft)]
    for a in archive or (SEEDS,):
        args += ["--against", str(a)]
    res = CliRunner().invoke(main, [*args, "--no-cache", "--format", "json", "-q"])
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, json.loads(res.stdout)["findings"]


def _serious(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["severity"] in ("error", "warning")]


@pytest.mark.parametrize("draft", [
    "Stargate will invest $50 billion over four years.\n",
    "Stargate will invest $50bn over the next four years",  # a one-liner, no full stop
], ids=["sentence", "one-liner"])
def test_a_tenfold_smaller_stargate_investment_fails_the_check(tmp_path: Path, draft: str) -> None:
    code, findings = _check(draft, tmp_path)
    assert code == 1
    serious = _serious(findings)
    assert serious, findings
    assert any("$500bn" in {m["text"] for m in f["mentions"]} for f in serious)
    assert all(f["evidence"] and f["score"] for f in serious)  # each says why it was decided


def test_a_wrong_founding_year_fails_the_check_with_a_warning(tmp_path: Path) -> None:
    code, findings = _check("OpenAI was founded in 2017.\n", tmp_path)
    assert code == 1
    (f,) = [f for f in _serious(findings) if f["rule"] == "FC201"]
    assert {m["text"] for m in f["mentions"]} >= {"2017", "2015"}


def test_a_draft_that_agrees_with_the_archive_gets_no_warning(tmp_path: Path) -> None:
    """The seeds also hold a slip ("500 US-Dollar"): that is the archive's problem, not the
    draft's, which says what the archive says."""
    code, findings = _check("Stargate will invest at least $500 billion.\n", tmp_path)
    assert code == 0
    assert not _serious(findings)


@pytest.mark.parametrize("draft", [
    "Stargate will invest $50 billion over four years.\n",
    "OpenAI was founded in 2017.\n",
    "Stargate will invest at least $500 billion.\n",
], ids=["stargate", "openai", "agreeing"])
def test_twenty_unrelated_articles_in_the_archive_change_nothing(tmp_path: Path, draft: str) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    (archive / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in _unrelated(20)), encoding="utf-8")
    small = _check(draft, tmp_path, SEEDS)
    big = _check(draft, tmp_path, archive)
    assert big[0] == small[0]
    key = [(f["rule"], f["severity"], sorted(m["text"] for m in f["mentions"])) for f in small[1]]
    assert [(f["rule"], f["severity"], sorted(m["text"] for m in f["mentions"])) for f in big[1]] == key


def test_an_agreeing_article_added_to_the_archive_keeps_the_contradiction(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    draft = "Stargate will invest $50 billion over four years.\n"
    before = _serious(_check(draft, tmp_path, archive)[1])
    (archive / "more.txt").write_text("Stargate Project to spend $500bn on AI\nStargate will invest $500 billion "
                                      "in AI infrastructure over the next four years, the partners said.\n",
                                      encoding="utf-8")
    code, after = _check(draft, tmp_path, archive)
    assert code == 1 and before
    assert {f["rule"] for f in _serious(after)} >= {f["rule"] for f in before}
