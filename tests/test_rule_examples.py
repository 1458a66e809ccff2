"""Every rule file carries pass and fail examples, and each behaves as its file says."""

from __future__ import annotations

import pytest

from factcheck.pipeline import documents_from_records, scan_documents
from factcheck.ruleset import load_rules

RULES = load_rules().rules
CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.examples, 1)]


def test_there_are_rules_for_every_kind_the_report_promises():
    kinds = {r.kind for r in RULES}
    assert {"value_conflict", "magnitude_slip", "scale_mismatch", "date_conflict",
            "date_precision", "corroboration"} <= kinds


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_firing_and_a_quiet_example(rule):
    expects = {ex.expect for ex in rule.examples}
    assert expects == {"fire", "quiet"}, f"{rule.path} needs both a 'fire' and a 'quiet' example"


@pytest.mark.parametrize(("rule", "n", "example"), CASES,
                         ids=[f"{r.id}-{i}-{ex.expect}" for r, i, ex in CASES])
def test_rule_example_behaves_as_documented(ruleset, rule, n, example):
    result = scan_documents(documents_from_records(example.docs), ruleset)
    fired = [f for f in result.findings if f.rule == rule.id]
    if example.expect == "fire":
        assert fired, f"{rule.id} example {n} should fire ({example.note})"
        assert all(f.message and "{" not in f.message for f in fired)
    else:
        assert not fired, f"{rule.id} example {n} should stay quiet, got: {fired[0].message}"
