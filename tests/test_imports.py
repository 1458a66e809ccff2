"""The import graph of factcheck/ has no cycle, and every command runs one composition."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from factcheck import imports

PACKAGE = Path(imports.__file__).resolve().parent


def test_no_import_cycle_in_factcheck():
    assert imports.cycles(imports.graph()) == []


def _ast_imports(node: ast.AST, package: str, mods: dict[str, Path], found: set[str]) -> None:
    for child in ast.iter_child_nodes(node):
        test = getattr(child, "test", None)
        if isinstance(child, ast.If) and getattr(test, "id", getattr(test, "attr", "")) == "TYPE_CHECKING":
            for c in child.orelse:
                _ast_imports(ast.Module(body=[c], type_ignores=[]), package, mods, found)
            continue
        if isinstance(child, ast.Import):
            found.update(a.name for a in child.names)
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                parts = package.split(".")[: len(package.split(".")) - child.level + 1]
                base = ".".join([*parts, *([child.module] if child.module else [])])
            for a in child.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base)
        _ast_imports(child, package, mods, found)


def _ast_graph() -> dict[str, set[str]]:
    """The same graph by a full parse of every file: each import node, wherever it is,
    except inside `if TYPE_CHECKING:` (an independent reading of what imports.graph reads)."""
    mods = imports.modules()
    out: dict[str, set[str]] = {}
    for name, path in mods.items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        _ast_imports(ast.parse(path.read_bytes()), package, mods, found)
        out[name] = {m for m in found if m in mods and m != name}
    return out


def test_the_fast_reading_of_imports_is_the_full_parse():
    assert {k: set(v) for k, v in imports.graph().items()} == _ast_graph()


@pytest.mark.parametrize(("source", "expected"), [
    ("from factcheck.store import Store\n", {"factcheck.store"}),
    ("import factcheck.extract.money as m\n", {"factcheck.extract.money"}),
    ("from factcheck import analysis, parallel\n", {"factcheck.analysis", "factcheck.parallel"}),
    ("def f():\n    from factcheck.findings import Finding\n", {"factcheck.findings"}),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from factcheck.pipeline import DocInfo\n"
     "    import factcheck.cli\nimport factcheck.table\n", {"factcheck.table"}),
    ("from .money import find_money\nfrom ..documents import Document\n",
     {"factcheck.extract.money", "factcheck.documents"}),
    ("from factcheck.read import (\n    iter_inputs,\n    read_inputs,\n)\n", {"factcheck.read"}),
    ("import json, factcheck.spans\n", {"factcheck.spans"}),
    ('"""\nfrom here on, nothing imports\n"""\n', set()),
], ids=["from", "dotted", "package-names", "in-a-function", "type-checking", "relative", "parenthesised",
        "several", "prose"])
def test_imports_of_reads_what_runs(source, expected):
    assert imports.imports_of(source, "factcheck.extract.dates") == expected


def test_cycles_finds_every_cycle():
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}, "f": set()}
    assert imports.cycles(g) == [["a", "b", "c"], ["d"]]


def test_scan_and_check_run_one_composition(monkeypatch, ruleset):
    """scan, check and a custom engine reach the claims stage through pipeline.run, once
    each (the Dask engine: tests/test_dask.py)."""
    import factcheck.check
    from factcheck import pipeline
    from factcheck.check import check
    from factcheck.pipeline import Engine, scan

    from .conftest import SEEDS

    calls = []
    real_run, real_decide = pipeline.run, pipeline.decide

    def run_spy(*args, **kwargs):
        calls.append("run")
        return real_run(*args, **kwargs)

    def decide_spy(table, docs, ruleset, **kwargs):
        calls.append(("decide", kwargs.get("map_blocks")))
        return real_decide(table, docs, ruleset, **kwargs)

    monkeypatch.setattr(pipeline, "run", run_spy)
    monkeypatch.setattr(factcheck.check, "run", run_spy)
    monkeypatch.setattr(pipeline, "decide", decide_spy)
    scan([str(SEEDS)], ruleset)
    check([str(SEEDS / "002_9bcf6e8d9c5eb8cb.txt")], [str(SEEDS)], ruleset)

    def blocks(function, items):  # an executor of our own: the claims stage is handed it
        return map(function, items)

    pipeline.run([str(SEEDS)], ruleset, engine=Engine(map, blocks))
    assert calls == ["run", ("decide", map), "run", ("decide", map), "run", ("decide", blocks)]
    g = imports.graph()
    for module in ("factcheck.check", "factcheck.dask_engine", "factcheck.cli", "factcheck.store"):
        assert not g[module] & {"factcheck.claims", "factcheck.analysis", "factcheck.findings"}, module
    assert g["factcheck.store"] == frozenset()  # the store imports nothing of factcheck
