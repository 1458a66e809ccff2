"""--engine dask: the same findings as the default engine, on a local distributed cluster."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.pipeline import scan

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'factcheck[dask]')")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_same_findings_as_default_engine(client, ruleset, tmp_path):
    from factcheck import dask_engine
    from factcheck.output import scan_json

    corpus = tmp_path / "synthetic.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in synthetic.articles(150, seed=8)) + "{broken\n",
                      encoding="utf-8")
    paths = [str(SEEDS), str(corpus)]
    local = scan(paths, ruleset)
    dasked = dask_engine.scan(paths, ruleset, client=client)
    assert len(local.findings) > 10
    assert [f.as_dict() for f in dasked.findings] == [f.as_dict() for f in local.findings]
    assert scan_json(dasked, []) == scan_json(local, [])
    assert dasked.corpus.mentions.equals(local.corpus.mentions)


def test_decisions_in_any_number_of_blocks_give_the_same_findings(client, ruleset):
    """However the facts are split into Dask tasks, the findings are the same."""
    from factcheck import dask_engine

    local = scan([str(SEEDS)], ruleset)
    expected = [f.as_dict() for f in local.findings]
    assert len(expected) >= 4
    for block in (1, 3, 17):
        found = decide_in_blocks(local, ruleset, dask_engine.client_map(client), block)
        assert [f.as_dict() for f in found] == expected


def decide_in_blocks(result, ruleset, map_blocks, block):
    from factcheck.claims import score_pairs
    from factcheck.claims.facts import assemble
    from factcheck.naming import doc_labels

    table = result.corpus.mentions.reset_index(drop=True)
    scored = score_pairs(table, result.corpus.docs, ruleset.decision)
    return assemble(table, scored, ruleset.decision, ruleset.rules, doc_labels(result.corpus.docs),
                    map_blocks=map_blocks, block=block)
