"""How a scan holds its rows (in batches, the collector told they are long-lived) changes
nothing it reports."""

from __future__ import annotations

import gc

import pytest

from factcheck import pipeline
from factcheck.pipeline import documents_from_records, scan_documents

DOCS = [
    {"id": "a", "text": "Acme will invest $5m in 2025, up from about 4 million euros.", "date": "2024-05-01"},
    {"id": "b", "text": "Nothing here."},
    {"id": "c", "text": "Acme said on Friday it will invest $6 million in 2025.", "date": "2024-05-02"},
    {"id": "d", "text": "Die Acme AG investiert mindestens 500 Milliarden Euro bis 2030."},
    {"id": "e", "text": "Net shr 1.20 dlrs vs 1.10 dlrs\nRevs 4.5 mln vs 4.1 mln", "title": "ACME CORP 1ST QTR NET"},
]


def test_the_table_is_the_same_whatever_the_batch_of_rows(ruleset, monkeypatch):
    whole = scan_documents(documents_from_records(DOCS), ruleset)
    monkeypatch.setattr(pipeline._ColumnBuilder, "BATCH", 1)  # every document its own batch
    batched = scan_documents(documents_from_records(DOCS), ruleset)
    assert len(whole.corpus.mentions) > 5
    assert batched.corpus.mentions.equals(whole.corpus.mentions)
    assert list(batched.corpus.mentions.dtypes) == list(whole.corpus.mentions.dtypes)
    assert [f.as_dict() for f in batched.findings] == [f.as_dict() for f in whole.findings]


def test_a_scan_hands_every_object_back_to_the_collector(ruleset, monkeypatch):
    monkeypatch.setattr(pipeline, "_SETTLE_EVERY", 1)  # freeze after every document
    assert gc.get_freeze_count() == 0
    threshold = gc.get_threshold()
    scan_documents(documents_from_records(DOCS), ruleset)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == threshold  # the run's own thresholds are undone


def test_a_program_that_freezes_objects_itself_keeps_them_frozen(ruleset):
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        scan_documents(documents_from_records(DOCS), ruleset)
        # neither handed back (0) nor more frozen (some of the program's objects may have died)
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def _huge_pages_now() -> bool:
    before = pipeline._huge_pages(False)
    pipeline._huge_pages(before)
    return before


def _numpy_advises_huge_pages() -> bool:
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:
        try:
            from numpy.core.multiarray import _set_madvise_hugepage  # noqa: F401
        except ImportError:
            return False
    return True


@pytest.mark.skipif(not _numpy_advises_huge_pages(), reason="this numpy has no huge-page advice to turn off")
def test_a_scan_runs_without_numpys_huge_page_advice_and_gives_it_back(ruleset, monkeypatch):
    seen = []
    decide = pipeline.decide

    def watched(*args, **kwargs):
        seen.append(_huge_pages_now())
        return decide(*args, **kwargs)

    monkeypatch.setattr(pipeline, "decide", watched)
    original = _huge_pages_now()
    try:
        for setting in (True, False):
            pipeline._huge_pages(setting)
            scan_documents(documents_from_records(DOCS), ruleset)
            assert _huge_pages_now() is setting  # the program's own setting afterwards
    finally:
        pipeline._huge_pages(original)
    assert seen == [False, False]


@pytest.mark.skipif(not _numpy_advises_huge_pages(), reason="this numpy has no huge-page advice to turn off")
def test_a_numpy_whose_huge_page_switch_fails_leaves_the_scan_as_it_was(ruleset, monkeypatch):
    """The switch is numpy's private function: one that changed or fails must cost the scan
    nothing, and leave the next scan free to settle its rows as usual."""
    expected = [f.message for f in scan_documents(documents_from_records(DOCS), ruleset).findings]
    try:
        import numpy._core.multiarray as multiarray
    except ImportError:
        import numpy.core.multiarray as multiarray

    def broken(on: bool) -> bool:
        raise TypeError("changed in this numpy")

    monkeypatch.setattr(multiarray, "_set_madvise_hugepage", broken)
    assert [f.message for f in scan_documents(documents_from_records(DOCS), ruleset).findings] == expected
    assert pipeline._SETTLING is False and gc.get_threshold()[0] != pipeline._YOUNG
