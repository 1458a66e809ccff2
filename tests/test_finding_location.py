"""Where a finding is reported: at the figure its message quotes first, and in a check at
the draft whose figure the archive does not state, never one that agrees with the archive,
however many other drafts share the wrong figure."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main

ARCHIVE = """---
title: Acme plans a data-centre push
date: 2025-01-21
---
Acme will invest $500bn over the next four years in data centres, the company said on Tuesday.
"""
CLEAN = """---
title: Acme, again
date: 2025-01-22
---
Acme will invest $500bn over the next four years in data centres, a spokeswoman confirmed.
"""
SLIP = """---
title: Acme update {n}
date: 2025-01-22
---
Acme will invest $500 over the next four years in data centres, according to statement {n}.
"""


def _github(tmp_path: Path, *drafts: str) -> list[str]:
    r = CliRunner().invoke(main, ["check", *drafts, "--against", str(tmp_path / "archive"), "--format", "github",
                                  "--no-cache"], catch_exceptions=False)
    return [line for line in r.stdout.splitlines() if line.startswith("::error") or line.startswith("::warning")]


def test_two_drafts_sharing_a_slip_do_not_outvote_the_archive_against_a_clean_draft(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "acme.md").write_text(ARCHIVE, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a-clean.md").write_text(CLEAN, encoding="utf-8")
    for n in (1, 2):
        (drafts / f"b-slip{n}.md").write_text(SLIP.format(n=n), encoding="utf-8")
    flagged = _github(tmp_path, str(drafts))
    assert flagged, "the slipped drafts contradict the archive"
    assert all("a-clean.md" not in line.split("::")[1] for line in flagged)
    assert any("b-slip1.md" in line.split("::")[1] for line in flagged)
    # the clean draft alone: nothing to blame
    assert _github(tmp_path, str(drafts / "a-clean.md")) == []


def test_a_finding_is_reported_at_the_article_its_message_quotes_first(tmp_path):
    """Two articles give the odd figure; the one whose sentence decided the finding is quoted
    first, and the location (path:line:col) names that article, not the other one."""
    records = [
        ("a1", "Stargate update", "Stargate will invest $500 over the next four years, according to a statement."),
        ("a2", "Stargate, checked", "Stargate will invest $500 over the next four years in data centres, the company "
                                    "said on Tuesday."),
        ("b1", "Stargate plans a data-centre push", "Stargate will invest $500bn over the next four years in data "
                                                    "centres, the company said on Tuesday."),
        ("b2", "Stargate, again", "Stargate will invest $500bn over the next four years, a spokeswoman confirmed."),
        ("b3", "Stargate's giant plan", "Stargate will invest $500bn over the next four years, its backers said."),
    ]
    corpus = tmp_path / "stargate.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "title": t, "date": "2025-01-22", "text": f"{t}\n\n{x}"}) + "\n"
                              for i, t, x in records), encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(corpus), "--no-report", "--no-cache", "--min-severity", "warning"],
                           catch_exceptions=False)
    titles = {i: t for i, t, _ in records}
    lines = [line for line in r.stdout.splitlines() if ": error " in line or ": warning " in line]
    assert lines, r.stdout
    for line in lines:
        doc = line.split(":", 1)[0]
        first_title = line.split("” (", 1)[1].split(")", 1)[0]
        assert first_title == titles[doc], line


def test_a_date_conflict_names_its_subject_once_in_news_style(tmp_path):
    """No "disagree on a date on House Democrats", no "Democrats's": the subject's date."""
    records = [
        ("p1", "Pelosi wins another term", "Pelosi has led House Democrats since 2002, the party said."),
        ("p2", "Pelosi re-elected as leader", "Pelosi has led House Democrats since 2003, and that is the problem."),
    ]
    corpus = tmp_path / "pelosi.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "title": t, "date": "2016-11-30", "outlet": i,
                                          "text": f"{t}\n\n{x}"}) + "\n" for i, t, x in records), encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(corpus), "--no-report", "--no-cache", "--format", "json"],
                           catch_exceptions=False)
    messages = [f["message"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "FC201"]
    assert messages, r.stdout
    assert all("on a date on" not in m and "s's" not in m for m in messages)
    assert any("Democrats' date" in m for m in messages)
