"""Text output for people: titles for sources, one line per figure, --min-severity, evidence."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.findings import Finding
from factcheck.output import QUOTED_FINDINGS, scan_json, scan_sarif, scan_text

from .conftest import SEEDS

_spec = importlib.util.spec_from_file_location(
    "report_sample", Path(__file__).parent / "browser" / "report_sample.py")
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)
A1, B2, C3 = "fc-00000000000000a1", "fc-00000000000000b2", "fc-00000000000000c3"


def header_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("    ")][:-1]


def test_min_severity_prints_the_floor_and_up_and_counts_the_rest():
    result = sample.sample_result()
    text = scan_text(result, min_severity="warning")
    heads = header_lines(text)
    assert [h.split(" ")[1:3] for h in heads[:2]] == [["error", "FC101"], ["warning", "FC301"]]
    assert not any("FC900" in line for line in text.splitlines())
    assert text.splitlines()[-1].endswith(
        "3 findings (1 error, 1 warning, 1 info, 1 baseline), 1 unreadable input; 1 info not printed "
        "(--min-severity warning; --format json or sarif, or the report, has them all)")
    # JSON and SARIF stay complete.
    assert {f["id"] for f in json.loads(scan_json(result))["findings"]} == {A1, B2, C3}
    assert {r["partialFingerprints"]["factcheckClaim/v1"]
            for r in json.loads(scan_sarif(result, sample.sample_rules()))["runs"][0]["results"]} == {A1, B2, C3}
    everything = scan_text(result)
    assert "FC900" in everything and "not printed" not in everything


def test_one_finding_is_one_finding():
    result = sample.sample_result()
    result.findings = result.findings[1:2]
    assert ", 1 finding (0 error, 1 warning, 0 info)" in scan_text(result).splitlines()[-1]


def test_sources_are_named_by_title_with_the_id_beside():
    text = scan_text(sample.sample_result())
    b2 = next(line for line in text.splitlines() if " FC301 " in line)
    assert "“May 2025” (Acme to invest $500 billion) and “March 2026” (" in b2
    assert "(wire-a)" not in b2 and "(wire-b)" not in b2
    assert "    Acme to invest $500 billion (wire-a:1): “May 2025” — The first site opens in May 2025 in Texas." in text


def _mention(doc, text, start, line, sentence, value=1e7):
    return {"doc": doc, "kind": "money", "start": start, "end": start + len(text), "line": line, "col": 1,
            "text": text, "sentence": sentence, "value": value, "low": value, "high": value, "currency": "USD",
            "qualifier": "exact"}


def test_a_figure_stated_often_is_one_line_and_a_crowd_of_sources_one_more():
    result = sample.sample_result()
    ms = [_mention("wire-a", "$10 million", 10 * i, i + 1, f"Sentence {i} with $10 million.") for i in range(4)]
    ms += [_mention("wire-b", "$10\nmillion", 5, 2, "Wrapped $10\nmillion here.", 1e7)]
    ms += [_mention(f"other-{k}", "$2 billion", 3, 7, "It is $2 billion.", 2e9) for k in range(6)]
    result.findings = [Finding("fc-1", "FC101", "scale-mismatch", "error", "“$10\nmillion” (wire-b) differs.",
                               "money|Acme|investment|total|", "", ms)]
    lines = scan_text(result).splitlines()
    assert lines[0].endswith("differs.") and "error FC101 “$10 million” (<img src=x" in lines[0]
    assert lines[1] == ("    Acme to invest $500 billion (wire-a, lines 1, 2, 3, 4): “$10 million” ×4 — "
                        "Sentence 0 with $10 million.")
    assert lines[2].endswith("“$10 million” — Wrapped $10 million here.")
    assert lines[3] == "    other-0:7: “$2 billion” — It is $2 billion."
    assert lines[4].startswith("    … and 5 more: “$2 billion” in other-1:7; “$2 billion” in other-2:7;")
    assert lines[6].startswith("3 documents, 6 mentions, 1 finding (1 error, 0 warning, 0 info)")


def test_evidence_is_one_compact_tail_of_the_finding_line_and_is_in_json_and_sarif():
    result = sample.sample_result()
    f = result.findings[1]
    f.evidence = [{"name": "same story", "value": 0.82, "text": "leads share 12 names"},
                  {"name": "context", "value": 0.7412, "text": ""},
                  {"name": "claimant", "value": "Acme ≈ Acme Corp", "text": ""}]
    f.score = 0.91
    f.story = "s-3"
    line = next(x for x in scan_text(result).splitlines() if " FC301 " in x)
    assert line.endswith("do not overlap. [evidence: same story 0.82 · context 0.74 · claimant Acme ≈ Acme Corp "
                         "· score 0.91]")
    others = [x for x in scan_text(result).splitlines() if " FC101 " in x or " FC900 " in x]
    assert others and not any("evidence" in x for x in others)
    js = next(x for x in json.loads(scan_json(result))["findings"] if x["id"] == B2)
    assert (js["score"], js["story"], js["evidence"][0]["name"]) == (0.91, "s-3", "same story")
    res = next(r for r in json.loads(scan_sarif(result, sample.sample_rules()))["runs"][0]["results"]
               if r["partialFingerprints"]["factcheckClaim/v1"] == B2)
    assert res["properties"]["evidence"][2]["value"] == "Acme ≈ Acme Corp" and res["properties"]["score"] == 0.91


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_min_severity_on_the_seeds(tmp_path):
    res = run("scan", str(SEEDS), "--no-report", "--quiet", "--min-severity", "warning")
    assert res.exit_code == 1  # the seeds' error still fails the run
    heads = header_lines(res.stdout)
    assert [h.split(" ")[1] for h in heads] == ["error", "warning"]
    assert res.stdout.splitlines()[-1].startswith("5 documents, 34 mentions, 4 findings (1 error, 1 warning, 2 info); "
                                                  "2 info not printed")
    js = run("scan", str(SEEDS), "--no-report", "--quiet", "--min-severity", "warning", "--format", "json")
    assert len(json.loads(js.stdout)["findings"]) == 4
    gh = run("scan", str(SEEDS), "--no-report", "--quiet", "--min-severity", "error", "--format", "github")
    assert [line.split(" ")[0] for line in gh.stdout.splitlines()] == ["::error"]
    bad = run("scan", str(SEEDS), "--no-report", "--min-severity", "loud")
    assert bad.exit_code == 2 and "loud" in bad.stderr


def test_concise_format_prints_each_finding_on_its_own_line_and_the_summary():
    """`--format concise`: the text format's finding lines alone (no evidence, no quotes), with
    --min-severity still counting what it leaves out; the exit code is the text format's."""
    full = run("scan", str(SEEDS), "--no-report", "--quiet", "--min-severity", "warning")
    res = run("scan", str(SEEDS), "--no-report", "--quiet", "--min-severity", "warning", "--format", "concise")
    assert res.exit_code == full.exit_code == 1
    lines = res.stdout.splitlines()
    assert [line.split(" ")[1] for line in lines[:-1]] == ["error", "warning"]
    assert not any(line.startswith("    ") or "[evidence:" in line for line in lines)
    assert lines[:-1] == [h.split(" [evidence: ")[0] for h in header_lines(full.stdout)]
    assert lines[-1] == full.stdout.splitlines()[-1]
    every = run("scan", str(SEEDS), "--no-report", "--quiet", "--format", "concise").stdout.splitlines()
    found = json.loads(run("scan", str(SEEDS), "--no-report", "--quiet", "--format", "json").stdout)["findings"]
    assert len(every) == len(found) + 1


def _many(result, n: int, severity: str = "warning") -> list[Finding]:
    """`n` findings like the sample's warning, each its own id."""
    like = result.findings[1]
    return [dataclasses.replace(like, id=f"fc-{k:016x}", severity=severity) for k in range(n)]


def test_text_quotes_a_few_findings_and_lists_many_one_line_each():
    """A draft's check reads with its quotes; an archive's hundred findings read as a list, and
    the summary says how to get the quotes back."""
    few = sample.sample_result()
    few.findings = _many(few, QUOTED_FINDINGS)
    text = scan_text(few)
    assert sum(line.startswith("    ") for line in text.splitlines()) >= QUOTED_FINDINGS
    assert "--format full" not in text
    many = sample.sample_result()
    many.findings = _many(many, QUOTED_FINDINGS + 1)
    lines = scan_text(many).splitlines()
    assert len(lines) == QUOTED_FINDINGS + 1 + 2  # the findings, the unreadable input, the summary
    assert not any(line.startswith("    ") or "[evidence:" in line for line in lines)
    assert lines[-1].endswith(f"; more than {QUOTED_FINDINGS} findings printed, so one line each without "
                              "evidence or quotes (--format full prints them)")
    assert lines[:-2] == scan_text(many, quotes="none").splitlines()[:-2]
    full = scan_text(many, quotes="all").splitlines()
    assert sum(line.startswith("    ") for line in full) >= QUOTED_FINDINGS + 1
    assert "--format full" not in full[-1]


def test_the_quoted_few_are_counted_after_min_severity():
    """Many info findings left out by --min-severity do not cost the warnings their quotes."""
    result = sample.sample_result()
    result.findings = _many(result, 2) + _many(result, QUOTED_FINDINGS, severity="info")
    shown = scan_text(result, min_severity="warning").splitlines()
    assert sum(line.startswith("    ") for line in shown) >= 2 and "--format full" not in shown[-1]
    assert "--format full" in scan_text(result).splitlines()[-1]


def test_a_few_warnings_among_many_info_findings_keep_their_quotes():
    """A draft's two warnings among a big archive's corroborations are still read with their
    quotes; the info findings print one line each, and the summary line says so."""
    result = sample.sample_result()
    result.findings = _many(result, 2) + _many(result, QUOTED_FINDINGS, severity="info")
    for k, f in enumerate(result.findings):
        f.id = f"fc-{k:016x}"
    lines = scan_text(result).splitlines()
    heads = [n for n, line in enumerate(lines) if not line.startswith("    ")][:-2]
    quoted = {lines[n].split(" ")[1] for n in heads if n + 1 < len(lines) and lines[n + 1].startswith("    ")}
    assert quoted == {"warning"}
    assert sum(not line.startswith("    ") and " info " in line for line in lines[:-1]) == QUOTED_FINDINGS
    assert lines[-1].endswith(f"; more than {QUOTED_FINDINGS} findings printed, so info findings one line each "
                              "without evidence or quotes (--format full prints them)")


def test_format_full_on_the_command_line_quotes_past_the_cap(monkeypatch):
    """With the cap at one, the seeds' four findings (two of them warnings and errors) print
    one line each in the text format, and with their quotes in the full format."""
    monkeypatch.setattr("factcheck.output.QUOTED_FINDINGS", 1)
    text = run("scan", str(SEEDS), "--no-report", "--quiet").stdout.splitlines()
    full = run("scan", str(SEEDS), "--no-report", "--quiet", "--format", "full").stdout.splitlines()
    assert not any(line.startswith("    ") for line in text) and "--format full" in text[-1]
    assert sum(line.startswith("    ") for line in full) >= 4 and "--format full" not in full[-1]


def test_format_full_and_concise_on_the_command_line():
    text = run("scan", str(SEEDS), "--no-report", "--quiet")
    full = run("scan", str(SEEDS), "--no-report", "--quiet", "--format", "full")
    assert full.stdout == text.stdout and full.exit_code == text.exit_code == 1  # four findings: quoted either way
    assert f"past {QUOTED_FINDINGS} findings one line each" in run("scan", "--help").stdout
