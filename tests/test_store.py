"""The archive store: what it keeps, what invalidates it, and what it answers."""

from __future__ import annotations

import json
import math
import shutil
import sqlite3
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.analysis import analysis_version, content_key
from factcheck.imports import closure
from factcheck.pipeline import documents_from_records, scan
from factcheck.ruleset import load_rules
from factcheck.store import DocEntry, ErrorEntry, FindingRecord, Store

from .conftest import ROOT, SEEDS

NEWSROOM = Path(__file__).parent / "data" / "newsroom"


def _entry(key: str, rows: list[dict], doc_id: str = "a") -> DocEntry:
    return DocEntry(key, {"id": doc_id, "lang": "en", "date": None, "title": "T", "url": None, "file": f"{doc_id}.txt",
                          "encoding": "utf-8"}, {"rows": rows, "lead": "lead", "regions": []})


def _listing(store: Store, entries: list[DocEntry | ErrorEntry], path: str = "src"):
    return store.refresh(path, "/real/" + path, None, "digest", "v", "v", lambda known: iter(entries))


# -- values --------------------------------------------------------------------------

ODD_ROW = {"doc": "a", "start": 0, "end": 3, "kind": "money", "actor": "Acme", "metric": None,
           "sentence": "Acme paid $5.", "flag": True, "off": False, "many": ["x", "y"], "empty": [],
           "nested": {"a": [1, 2]}, "nan": float("nan"), "big": 2**70, "neg": -0.5, "half": 1.0,
           "lone": "bad \udc80 text", "none": None}


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def test_values_read_back_as_the_same_python_values(tmp_path):
    """Booleans stay booleans, lists lists, NaN NaN, text that UTF-8 cannot hold intact:
    through the mention rows, through a source's column image and through a rebuild of it."""
    store = Store(tmp_path)
    other = dict(ODD_ROW, start=5, end=6, flag=False, many=["x", "y"])
    source = _listing(store, [_entry("k1", [ODD_ROW, other])])
    (stored,) = store.analyses(["k1"]).values()
    for got, want in zip(stored["rows"], [ODD_ROW, other], strict=True):
        assert all(_same(got[k], v) for k, v in want.items()), got
    for _ in range(2):  # the first load makes the image, the second reads it
        _, _, columns = Store(tmp_path).load(source)
        for i, want in enumerate([ODD_ROW, other]):
            assert all(_same(columns[k][i], v) for k, v in want.items() if k != "doc")
        assert columns["many"][0] is not columns["many"][1]  # equal lists, two objects
    (row,) = [r for _, _, r in store.rows([source], docs=["a"]) if r["start"] == 0]
    assert all(_same(row[k], v) for k, v in ODD_ROW.items())


def test_a_damaged_column_image_is_made_again_from_the_rows(tmp_path):
    store = Store(tmp_path)
    source = _listing(store, [_entry("k1", [ODD_ROW])])
    store.load(source)
    with sqlite3.connect(tmp_path / "archive.sqlite") as db:
        db.execute("UPDATE images SET data = X'4400'")
    _, _, columns = Store(tmp_path).load(source)
    assert columns["sentence"].tolist() == ["Acme paid $5."]


# -- keys and versions ---------------------------------------------------------------


def test_content_keys_follow_content_not_ids(ruleset):
    a, b, c = documents_from_records([
        {"id": "a", "text": "Acme will invest $5m.", "date": "2025-01-01"},
        {"id": "b", "text": "Acme will invest $5m.", "date": "2025-01-01"},
        {"id": "c", "text": "Acme will invest $5m.", "date": "2025-01-02"},
    ])
    v = analysis_version(ruleset.lexicons)
    assert content_key(a, v) == content_key(b, v) != content_key(c, v)
    assert content_key(a, v) != content_key(a, v + "x")


def test_the_analysis_version_covers_the_code_before_the_store_only():
    before = closure(["factcheck.analysis"])
    assert {"factcheck.extract.money", "factcheck.extract.dates", "factcheck.attribute", "factcheck.suppress"} <= before
    assert not before & {"factcheck.claims", "factcheck.findings", "factcheck.kinds", "factcheck.group",
                         "factcheck.ruleset", "factcheck.pipeline", "factcheck.store", "factcheck.report.html"}


def _rules_folder(tmp_path: Path, name: str, files: dict[str, str]) -> str:
    folder = tmp_path / name
    folder.mkdir()
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")
    return str(folder)


def test_lexicons_invalidate_stored_analyses_and_rule_files_do_not(tmp_path):
    """Issue 16 point 6: a rule's thresholds, severity or message never cost a re-analysis;
    an entity added to the lexicons does (it changes what attribution finds)."""
    default = load_rules()
    rule = (ROOT / "rules" / "FC101_value_conflict.toml").read_text(encoding="utf-8")
    stricter = rule.replace('severity = "error"', 'severity = "warning"').replace('id = "FC101"', 'id = "FC901"')
    assert stricter != rule
    only_rules = load_rules([_rules_folder(tmp_path, "rules", {"FC901.toml": stricter})])
    entity = '[entity."Zorblax Corp"]\ntype = "org"\naliases = ["Zorblax"]\n'
    more_names = load_rules([_rules_folder(tmp_path, "lex", {"entities.toml": entity})])
    assert len(only_rules.rules) == len(default.rules) + 1
    v = analysis_version(default.lexicons)
    assert analysis_version(only_rules.lexicons) == v != analysis_version(more_names.lexicons)

    scan([str(SEEDS)], default, store=Store(tmp_path / "s"))
    again = Store(tmp_path / "s")
    scan([str(SEEDS)], only_rules, store=again)
    assert (again.stats.sources_built, again.stats.docs_analysed) == (0, 0)
    relex = Store(tmp_path / "s")
    scan([str(SEEDS)], more_names, store=relex)
    assert (relex.stats.sources_built, relex.stats.docs_analysed) == (1, 5)


def test_code_version_is_a_hash_of_the_files_analysis_runs(tmp_path):
    """A byte changed in an extractor changes the version (stored analyses are redone);
    one changed in the rules code does not."""
    import factcheck.analysis as analysis

    fake = tmp_path / "factcheck"
    shutil.copytree(Path(analysis.__file__).parent, fake, ignore=shutil.ignore_patterns("__pycache__"))

    def version() -> str:
        return analysis.code_hash(["factcheck.analysis"], "analysis", fake)

    first = version()
    assert first == analysis.code_version()  # a faithful copy
    with (fake / "findings.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# decisions changed\n")
    assert version() == first
    with (fake / "extract" / "money.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# extraction changed\n")
    second = version()
    assert second != first
    with (fake / "data" / "money.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# language data changed\n")
    assert version() != second


# -- sources -------------------------------------------------------------------------


def test_a_source_is_incremental_by_content(tmp_path, ruleset):
    archive = tmp_path / "articles"
    shutil.copytree(NEWSROOM / "articles", archive)
    scan([str(archive)], ruleset, store=Store(tmp_path / "s"))
    (archive / "new.md").write_text("# New\n\nAcme Robotics said it raised $3 million.\n", encoding="utf-8")
    (archive / "stargate.md").unlink()
    s = Store(tmp_path / "s")
    res = scan([str(archive)], ruleset, store=s)
    assert (s.stats.sources_built, s.stats.docs_reused, s.stats.docs_analysed) == (1, 3, 1)
    assert sorted(d.id for d in res.corpus.docs) == sorted(p.name for p in archive.iterdir())
    warm = Store(tmp_path / "s")
    assert [f.as_dict() for f in scan([str(archive)], ruleset, store=warm).findings] == \
        [f.as_dict() for f in res.findings]
    assert (warm.stats.sources_built, warm.stats.sources_loaded) == (0, 1)


def test_a_build_that_fails_leaves_the_previous_listing(tmp_path, monkeypatch):
    """Atomic: a listing is replaced whole at the end of a build, or not at all; analyses
    committed before the failure stay (by content) for the next build."""
    import factcheck.store

    monkeypatch.setattr(factcheck.store, "BATCH", 1)
    store = Store(tmp_path)
    first = _listing(store, [_entry("k1", [dict(ODD_ROW)])])

    def broken(known):
        yield _entry("k2", [dict(ODD_ROW, start=9)], "b")
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        store.refresh("src", "/real/src", None, "digest2", "v", "v", broken)
    again = Store(tmp_path)
    (found,) = again.sources()
    assert (found.stamp, found.digest, found.documents) == (first.stamp, "digest", 1)
    assert [d.id for d in again.documents(found)] == ["a"]
    assert again.known("k2")


def test_archive_documents_and_the_rows_a_check_asks_for(tmp_path, ruleset):
    """What the claims stage's archive_needs reads: every document's title, date, language,
    source and lead; then the rows of named documents and of named claimants."""
    s = Store(tmp_path)
    scan([str(NEWSROOM / "articles")], ruleset, store=s)
    (source,) = s.sources()
    docs = s.documents(source)
    stargate = next(d for d in docs if d.id == "stargate.md")
    assert stargate.title and stargate.date == "2025-01-22" and stargate.lang == "en"
    assert stargate.file.endswith("stargate.md") and "Stargate will invest" in stargate.lead
    rows = s.rows([source], docs=["robotics-a.md"])
    assert rows and {r["doc"] for _, _, r in rows} == {"robotics-a.md"}
    by_actor = s.rows([source], actors=["Stargate"])
    assert by_actor and {r["actor"] for _, _, r in by_actor} == {"Stargate"}
    assert "Stargate" in s.actors()
    positions = [(sid, pos, r["start"]) for sid, pos, r in s.rows([source], docs=[d.id for d in docs])]
    assert positions == sorted(positions)  # listing order


def test_analyses_no_listing_refers_to_are_pruned_by_version(tmp_path):
    store = Store(tmp_path)
    store.put([_entry("old", [dict(ODD_ROW)])], "old-version")
    store.put([_entry("draft", [dict(ODD_ROW)])], "v")
    _listing(store, [_entry("k1", [dict(ODD_ROW)])])
    assert not store.known("old") and store.known("draft") and store.known("k1")
    hits, _ = store.search(["paid"], sources=store.sources(), fts=False)
    assert [h.row["start"] for h in hits] == [0]  # the pruned analyses' rows are gone too


def test_in_memory_store_writes_nothing(tmp_path, ruleset, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Store(None)
    res = scan([str(SEEDS)], ruleset, store=s)
    assert res.findings and s.in_memory and list(tmp_path.iterdir()) == []


# -- findings and search -------------------------------------------------------------


def test_each_scan_keeps_its_findings_per_source_and_search_shows_them(tmp_path, ruleset):
    s = Store(tmp_path)
    res = scan([str(SEEDS)], ruleset, store=s)
    slip = next(f for f in res.findings if f.rule == "FC102")
    hits, total = s.search(["Stargate"], sources=s.sources(), kind="money")
    assert total == len(hits) >= 5
    quoted = {(m["doc"], m["start"]) for m in slip.mentions}
    for h in hits:
        ids = {f.id for f in h.findings}
        assert (slip.id in ids) == ((h.doc.id, h.row["start"]) in quoted)
    assert all(isinstance(f, FindingRecord) and f.message for h in hits for f in h.findings)


def test_search_matches_every_word_by_stem_with_fts_and_by_substring_without(tmp_path, ruleset):
    s = Store(tmp_path)
    scan([str(SEEDS)], ruleset, store=s)
    sources = s.sources()
    if not s.fts:
        pytest.skip("this SQLite has no FTS5")

    def found(words, **kw):
        hits, total = s.search(words, sources=sources, **kw)
        assert total == len(hits)
        return sorted((h.doc.id, h.row["start"]) for h in hits)

    both = found(["stargate", "OPENAI"])
    assert both and both == found(["Stargate", "OpenAI"], fts=False)
    assert set(both) <= set(found(["Stargate"]))
    # "invests" finds "invest" and "investment" by their stem with FTS5; as a substring, nothing
    assert found(["Stargate", "invests"]) and not found(["Stargate", "invests"], fts=False)
    assert found(["Zorblax"]) == [] == found(['"quoted"', "*"])
    limited, total = s.search(["Stargate"], sources=sources, limit=2)
    assert len(limited) == 2 and total > 2
    dates = [h.doc.date for h in s.search(["Stargate"], sources=sources)[0]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated  # newest first, undated last


def test_a_store_without_fts_searches_by_substring(tmp_path, ruleset):
    s = Store(tmp_path, search=False)
    scan([str(SEEDS)], ruleset, store=s)
    assert not s.fts
    hits, _ = s.search(["stargate", "invest"], sources=s.sources())
    assert hits and all("stargate" in (h.row["sentence"] + str(h.row["actor"])).lower() for h in hits)


def test_info_reports_the_store(tmp_path, ruleset):
    s = Store(tmp_path)
    scan([str(SEEDS)], ruleset, store=s)
    info = s.info()
    assert info["path"] == str(tmp_path / "archive.sqlite") and info["bytes"] > 0
    assert info["analyses"] == 5 and info["mentions"] == sum(src.mentions for src in info["sources"])
    assert json.loads(json.dumps([src.path for src in info["sources"]])) == [str(SEEDS)]


def test_run_keeps_pipeline_rows_and_store_rows_identical(tmp_path, ruleset):
    """The table and the documents are the same whether they come from this run or from the store."""
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "au1", "text": "Acme Corp will invest $5 million in Perth.", "locale": "en-AU",
                                "date": "2024-03-01", "url": "https://example.com/au1",
                                "outlet": "Perth Ledger"}) + "\n", encoding="utf-8")
    inputs = [str(SEEDS), str(NEWSROOM / "articles"), str(wire)]
    plain = scan(inputs, ruleset)
    assert (plain.corpus.docs[-1].locale, plain.corpus.docs[-1].outlet) == ("en-AU", "Perth Ledger")
    for _ in range(2):
        stored = scan(inputs, ruleset, store=Store(tmp_path / "s"))
        assert stored.corpus.mentions.equals(plain.corpus.mentions)
        assert list(stored.corpus.mentions.dtypes) == list(plain.corpus.mentions.dtypes)
        assert [vars(d) for d in stored.corpus.docs] == [vars(d) for d in plain.corpus.docs]


def _outlet_wire(tmp_path: Path) -> Path:
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "w1", "text": "Harbour Works will spend $40 million on the pier.", "outlet": "Harbour Gazette"},
        {"id": "w2", "text": "Harbour Works will spend $42 million on the pier.", "url": "https://valley.example/w2"},
    ]), encoding="utf-8")
    return wire


def test_a_stored_document_keeps_its_declared_outlet(tmp_path, ruleset):
    s = Store(tmp_path / "s")
    scan([str(_outlet_wire(tmp_path))], ruleset, store=s)
    (source,) = s.sources()
    assert [(d.id, d.outlet, d.url) for d in s.documents(source)] == [
        ("w1", "Harbour Gazette", None), ("w2", None, "https://valley.example/w2")]
    hits, _ = s.search(["pier"], sources=[source], fts=False)
    assert sorted((h.doc.id, h.doc.outlet, h.row["text"]) for h in hits) == [
        ("w1", "Harbour Gazette", "$40 million"), ("w2", None, "$42 million")]



def test_a_stored_corpus_keeps_each_records_line_in_its_file(tmp_path, ruleset):
    """A second scan takes the corpus from the store, not the file: its records keep the
    file and their lines in it (where GitHub and SARIF place their findings)."""
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"id": "w1", "text": "Harbour Works will spend $40 million on the pier."}\n\n'
                    '{"id": "w2", "text": "Harbour Works will spend $42 million on the pier."}\n', encoding="utf-8")
    first = scan([str(wire)], ruleset, store=Store(tmp_path / "s"))
    again_store = Store(tmp_path / "s")
    again = scan([str(wire)], ruleset, store=again_store)
    assert (again_store.stats.sources_built, again_store.stats.sources_loaded) == (0, 1)
    assert [(d.id, d.source, d.line) for d in again.corpus.docs] == [
        (d.id, d.source, d.line) for d in first.corpus.docs] == [("w1", str(wire), 1), ("w2", str(wire), 3)]

def test_a_store_file_of_the_format_before_outlets_is_rebuilt(tmp_path, ruleset):
    """A store written before documents kept their outlet (no such column, an older format
    number) is emptied and built again: its documents read back with their outlet."""
    wire = _outlet_wire(tmp_path)
    scan([str(wire)], ruleset, store=Store(tmp_path / "s"))
    with sqlite3.connect(tmp_path / "s" / "archive.sqlite") as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("ALTER TABLE documents DROP COLUMN outlet")
        db.execute(f"PRAGMA user_version = {version - 1}")
    again = scan([str(wire)], ruleset, store=Store(tmp_path / "s"))
    assert [d.outlet for d in again.corpus.docs] == ["Harbour Gazette", None]


def test_frame_of_is_mentions_frame(ruleset):
    """pipeline.frame_of builds, column by column, the table table.mentions_frame makes."""
    from factcheck.table import mentions_frame

    _, rows, _ = pipeline.gather(documents_from_records([
        {"id": "a", "text": "Acme will invest $5m in 2025, up from about 4 million euros.", "date": "2024-05-01"},
        {"id": "b", "text": "Nothing here."},
        {"id": "c", "text": "Die Acme AG investiert mindestens 500 Milliarden Euro bis 2030."}]), ruleset)
    full = [{k: r.get(k) for k in dict.fromkeys(k for row in rows for k in row)} for r in rows]
    built = pipeline.frame_of([pipeline.Part([], [], pipeline.columns_of(rows), len(rows))])
    assert built.equals(mentions_frame(full)) and list(built.dtypes) == list(mentions_frame(full).dtypes)
    empty = pipeline.frame_of([])
    assert list(empty.columns) == list(mentions_frame([]).columns) and len(empty) == 0


def test_the_file_cache_of_earlier_versions_gives_way_to_the_store(tmp_path, ruleset):
    folder = tmp_path / "cache"
    (folder / "v2" / "packs" / "ab").mkdir(parents=True)
    (folder / "v2" / "packs" / "ab" / "abc.pack").write_bytes(b"FCPACK1\n{}")
    (folder / "CACHEDIR.TAG").write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    scan([str(SEEDS)], ruleset, store=Store(folder))
    assert {p.name for p in folder.iterdir()} - {"archive.sqlite-wal", "archive.sqlite-shm"} == {"CACHEDIR.TAG",
                                                                                               "archive.sqlite"}
    stranger = tmp_path / "elsewhere"  # a folder that is not ours keeps its v2/
    (stranger / "v2").mkdir(parents=True)
    scan([str(SEEDS)], ruleset, store=Store(stranger))
    assert (stranger / "v2").is_dir()


def _decide_calls(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = pipeline.decide

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "decide", counted)
    return calls


def _as_json(findings) -> str:
    return json.dumps([f.as_dict() for f in findings], sort_keys=True)


def test_a_second_scan_of_unchanged_inputs_reads_the_claims_result_back(tmp_path, ruleset, monkeypatch):
    calls = _decide_calls(monkeypatch)
    first = scan([str(SEEDS)], ruleset, store=Store(tmp_path / "s"))
    second = scan([str(SEEDS)], ruleset, store=Store(tmp_path / "s"))
    assert len(calls) == 1
    assert _as_json(second.findings) == _as_json(first.findings) and first.findings
    assert second.corpus.mentions["story"].tolist() == first.corpus.mentions["story"].tolist()
    assert second.corpus.mentions["claim"].tolist() == first.corpus.mentions["claim"].tolist()


def test_a_changed_article_or_decision_computes_the_claims_again(tmp_path, ruleset, monkeypatch):
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    calls = _decide_calls(monkeypatch)
    scan([str(archive)], ruleset, store=Store(tmp_path / "s"))
    # a stricter warning threshold (a decision file of one's own) is another result
    decision = (ROOT / "rules" / "decision.toml").read_text(encoding="utf-8").replace("warning = 0.9", "warning = 0.95")
    assert "warning = 0.95" in decision
    custom = load_rules([_rules_folder(tmp_path, "mine", {"decision.toml": decision})])
    assert custom.decision.thresholds["warning"] == 0.95
    scan([str(archive)], custom, store=Store(tmp_path / "s"))
    assert len(calls) == 2
    draft = next(archive.glob("001_*"))
    draft.write_text(draft.read_text(encoding="utf-8").replace("$10 million", "$12 million"), encoding="utf-8")
    edited = scan([str(archive)], ruleset, store=Store(tmp_path / "s"))
    assert len(calls) == 3
    assert any(m["text"] == "$12 million" for f in edited.findings for m in f.mentions)


def test_an_unreadable_stored_result_is_computed_again(tmp_path, ruleset, monkeypatch):
    first = scan([str(SEEDS)], ruleset, store=Store(tmp_path / "s"))
    with sqlite3.connect(tmp_path / "s" / "archive.sqlite") as db:
        assert db.execute("UPDATE results SET data = x'00ff'").rowcount == 1
    calls = _decide_calls(monkeypatch)
    again = scan([str(SEEDS)], ruleset, store=Store(tmp_path / "s"))
    assert len(calls) == 1 and _as_json(again.findings) == _as_json(first.findings)



def _open_store_together(folder: Path, start, errors: list[str]) -> None:
    start.wait()
    try:
        store = Store(folder)
        store.sources()
        errors.extend(store.warnings)
        if store.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            errors.append("not in write-ahead logging")
    except Exception as ex:
        errors.append(repr(ex))


def test_runs_creating_one_store_at_once_all_open_it(tmp_path):
    """SQLite answers a switch to write-ahead logging that meets another connection's switch
    with "database is locked" at once, without waiting: runs creating one store together must
    wait for each other, not fall back to memory."""
    import threading

    errors: list[str] = []
    for attempt in range(40):
        start = threading.Barrier(4)
        threads = [threading.Thread(target=_open_store_together, args=(tmp_path / f"c{attempt}", start, errors))
                   for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
