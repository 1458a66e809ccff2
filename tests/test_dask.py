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
    from factcheck.store import Store

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
    # through a store, cold then warm (nothing left to send to the cluster): the same again
    for _ in range(2):
        store = Store(tmp_path / "store")
        stored = dask_engine.scan(paths, ruleset, client=client, store=store)
        assert scan_json(stored, []) == scan_json(local, [])
    assert store.stats.docs_analysed == 0 and store.stats.sources_built == 0


def _triple(x: int) -> int:
    return 3 * x


@pytest.mark.parametrize("chunk", [1, 3, 17])
def test_dask_map_is_an_ordered_map(client, chunk):
    from factcheck.dask_engine import DaskMap

    tasks = DaskMap(client, chunk=chunk, in_flight=1)
    assert list(tasks(_triple, iter(range(50)))) == [3 * i for i in range(50)]
    assert list(tasks(_triple, iter(()))) == []


def test_decisions_on_dask_blocks_are_the_local_ones(client, ruleset):
    """The claims stage maps its blocks with the executor it is handed: on Dask, the same findings."""
    from factcheck.claims import decide
    from factcheck.dask_engine import DaskMap

    local = scan([str(SEEDS)], ruleset)
    expected = [f.as_dict() for f in decide(local.corpus.mentions, local.corpus.docs, ruleset)]
    got = decide(local.corpus.mentions, local.corpus.docs, ruleset, map_blocks=DaskMap(client, chunk=1))
    assert expected and [f.as_dict() for f in got] == expected


def test_the_dask_engine_runs_the_one_composition_with_its_own_executors(client, ruleset, monkeypatch):
    import factcheck.dask_engine
    from factcheck import pipeline

    seen = []
    real = pipeline.run

    def spy(*args, **kwargs):
        seen.append(kwargs["engine"])
        return real(*args, **kwargs)

    monkeypatch.setattr(factcheck.dask_engine, "run", spy)
    factcheck.dask_engine.scan([str(SEEDS)], ruleset, client=client)
    (engine,) = seen
    assert isinstance(engine.documents, factcheck.dask_engine.DaskMap) and engine.blocks is engine.documents
