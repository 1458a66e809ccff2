"""`factcheck calibrate`: weights and thresholds fitted from labelled cases, written as data."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.claims.decision import load_decision
from factcheck.cli import main

CITIES = ["Portmouth", "Eastfield", "Northbay", "Lakeside", "Hillcrest", "Riverton", "Stonebridge", "Westmere"]


def _corpus_and_labels(tmp_path: Path) -> tuple[Path, Path]:
    """Eight invented stories, each told by two outlets: in half of them the second outlet
    gets the bridge's repair cost wrong, in the others it rounds it."""
    records, cases = [], []
    for k, city in enumerate(CITIES):
        cost, other = 40 + k, (60 + k if k % 2 == 0 else 40 + k)
        other_text = f"{other} million" if k % 2 == 0 else f"about {cost} million"
        day = f"2025-03-{10 + k:02d}"
        for outlet, figure in (("a", f"${cost}.2 million"), ("b", f"${other_text}")):
            records.append({"id": f"{city}-{outlet}", "date": day, "title": f"{city} bridge repairs approved",
                            "text": f"{city} bridge repairs approved\nThe {city} city council approved repairs to "
                                    f"the old harbour bridge, which engineers said will cost {figure}. Work "
                                    f"starts in {city} next spring."})
        label = "conflict" if k % 2 == 0 else "non_conflict"
        cases.append({"id": f"case-{k}", "label": label, "mentions": [
            {"doc": f"{city}-a", "text": f"${cost}.2 million", "group": "a"},
            {"doc": f"{city}-b", "text": f"${other_text}", "group": "b"}]})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps(cases), encoding="utf-8")
    return corpus, labels


def test_calibrate_reports_before_and_after_and_writes_a_decision_that_scans_use(tmp_path: Path) -> None:
    corpus, labels = _corpus_and_labels(tmp_path)
    out = tmp_path / "newsroom" / "decision.toml"
    res = CliRunner().invoke(main, ["calibrate", str(labels), "--corpus", str(corpus), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert "4 of 4 conflict cases have a candidate pair" in res.stdout
    assert " in use " in res.stdout and " fitted " in res.stdout
    d = load_decision(out)  # a valid decision file
    assert d.fitted["positives"] >= 4 and d.fitted["labels"] == ["labels.json"]
    assert d.thresholds["error"] >= d.thresholds["warning"] >= d.thresholds["info"]
    scan = CliRunner().invoke(main, ["scan", str(corpus), "--rules", str(out.parent), "--no-report", "--no-cache",
                                     "--format", "json", "-q"])
    assert scan.exit_code in (0, 1), scan.output


def test_a_strength_of_zero_fits_from_the_labels_alone_and_moves_the_weights(tmp_path: Path) -> None:
    corpus, labels = _corpus_and_labels(tmp_path)
    held, free = tmp_path / "held" / "decision.toml", tmp_path / "free" / "decision.toml"
    for out, strength in ((held, "100000"), (free, "0")):
        res = CliRunner().invoke(main, ["calibrate", str(labels), "--corpus", str(corpus), "--out", str(out),
                                        "--strength", strength, "-q"])
        assert res.exit_code == 0, res.output
    from factcheck.ruleset import load_rules

    shipped = load_rules().decision.weights
    moved = lambda d: sum(abs(d.weights[n] - shipped.get(n, 0.0)) for n in d.weights)  # noqa: E731
    assert moved(load_decision(free)) > moved(load_decision(held))


def test_a_triage_export_counts_accepted_findings_as_conflicts(tmp_path: Path) -> None:
    corpus, labels = _corpus_and_labels(tmp_path)
    cases = json.loads(labels.read_text(encoding="utf-8"))
    triage = {"version": 1, "generated_by": "factcheck", "findings": [
        {"id": c["id"], "rule": "FC101", "status": "accepted" if c["label"] == "conflict" else "false_alarm",
         "justification": "", "mentions": [{"doc": m["doc"], "text": m["text"]} for m in c["mentions"]]}
        for c in cases]}
    path = tmp_path / "factcheck-baseline.json"
    path.write_text(json.dumps(triage), encoding="utf-8")
    res = CliRunner().invoke(main, ["calibrate", str(path), "--corpus", str(corpus), "-q"])
    assert res.exit_code == 0, res.output
    assert "4 of 4 conflict cases" in res.stdout


def test_labels_about_other_articles_are_a_clear_error(tmp_path: Path) -> None:
    corpus, _ = _corpus_and_labels(tmp_path)
    labels = tmp_path / "other.json"
    labels.write_text(json.dumps([{"id": "x", "label": "conflict", "mentions": [
        {"doc": "nowhere", "text": "$1 million"}, {"doc": "elsewhere", "text": "$2 million"}]}]), encoding="utf-8")
    res = CliRunner().invoke(main, ["calibrate", str(labels), "--corpus", str(corpus), "-q"])
    assert res.exit_code == 2
    assert "no labelled conflict matches a candidate pair" in res.stderr


def test_a_malformed_labels_file_names_the_file(tmp_path: Path) -> None:
    corpus, _ = _corpus_and_labels(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"cases": ', encoding="utf-8")
    res = CliRunner().invoke(main, ["calibrate", str(bad), "--corpus", str(corpus)])
    assert res.exit_code == 2
    assert str(bad) in res.stderr and "not JSON" in res.stderr


def test_held_out_scores_crowded_near_one_still_get_a_bar_below_one() -> None:
    """A model fitted with weighted positives scores most pairs near 1 (0.9999 for the false
    alarms, 0.99999 for the conflicts). A bar chosen on a grid of four decimals would jump from
    0.9999 to 1.0, "never"; the chosen bar must separate them, and survive being written."""
    import numpy as np
    import pandas as pd

    from factcheck.claims.calibrate import Example, Targets, choose_thresholds
    from factcheck.claims.decision import dumps_decision
    from factcheck.ruleset import load_rules

    scores = np.array([0.999995, 0.999993, 0.99991, 0.99992, 0.3, 0.2])
    ex = Example(x=pd.DataFrame(index=range(6)), y=np.array([1, 1, 0, 0, 0, 0], dtype=np.int8), w=np.ones(6),
                 case=np.array(["s/c1", "s/c2", "s/n1", "s/n2", "", ""], dtype=object),
                 source=np.array(["s", "s", "s", "s", "", ""], dtype=object),
                 positive_cases={"s/c1": "s", "s/c2": "s"}, negative_cases={"s/n1": "s", "s/n2": "s"})
    bars = choose_thresholds(ex, scores, Targets(error_false_rate=0.0, warning_false_rate=0.0,
                                                 error_background=1.0, warning_background=1.0))
    assert 0.99992 < bars["warning"] <= 0.999993
    from dataclasses import replace

    written = dumps_decision(replace(load_rules().decision, thresholds=bars))
    line = next(ln for ln in written.split("[thresholds]")[1].splitlines() if ln.startswith("warning = "))
    assert 0.99992 < float(line.split("=")[1]) <= 0.999993


def test_too_few_labelled_conflicts_are_said_and_never_written_over_a_decision(tmp_path: Path) -> None:
    corpus, labels = _corpus_and_labels(tmp_path)
    one = [c for c in json.loads(labels.read_text(encoding="utf-8")) if c["label"] == "non_conflict"]
    one.append(next(c for c in json.loads(labels.read_text(encoding="utf-8")) if c["label"] == "conflict"))
    labels.write_text(json.dumps(one), encoding="utf-8")
    out = tmp_path / "newsroom" / "decision.toml"
    out.parent.mkdir()
    out.write_text("# the newsroom's decision\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["calibrate", str(labels), "--corpus", str(corpus), "--out", str(out), "-q"])
    assert res.exit_code == 2
    assert "only 1 labelled conflict" in res.stderr and "not written" in res.stderr
    assert out.read_text(encoding="utf-8") == "# the newsroom's decision\n"
    shown = CliRunner().invoke(main, ["calibrate", str(labels), "--corpus", str(corpus), "-q"])
    assert shown.exit_code == 0 and "too few to fit weights from" in shown.stderr
