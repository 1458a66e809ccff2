"""Pre-publication check: drafts against the archive, reporting only what involves a draft.

The archive comes from the cache (`cache.Pack`, one per input path, reused while its
bytes are unchanged). Only the archive rows that can share a claim with a draft mention
are loaded: those whose claimant is in the same grouping block (first word of the name)
as a draft claimant. Grouping and the rules then run on that small table, which gives
exactly the findings a full scan would give for claims that a draft touches, because a
claim never spans two blocks and every row of a touched block is present.

A draft that lives inside an archive folder gets the id it has in that folder (its path
relative to the folder), and the archive's copy of it is left out: checking a changed
article of a repository against the repository compares it with the other articles,
with the same finding ids that `factcheck scan FOLDER` gives.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import pandas as pd

from factcheck.cache import Cache, Pack
from factcheck.claims import annotate, archive_needs, decide
from factcheck.documents import Document, ReadError
from factcheck.pipeline import Corpus, DocInfo, ScanResult, gather, suppress_findings
from factcheck.progress import Progress
from factcheck.read import DOCUMENT_EXTENSIONS, iter_inputs
from factcheck.ruleset import RuleSet
from factcheck.table import mentions_frame


@dataclass
class CheckResult(ScanResult):
    """A scan result whose corpus holds the drafts and the archive documents of its findings."""

    drafts: list[str] = field(default_factory=list)  # draft document ids
    archive_documents: int = 0
    archive_mentions: int = 0
    draft_mentions: int = 0

    @property
    def documents(self) -> int:
        return len(self.drafts) + self.archive_documents

    @property
    def mention_count(self) -> int:
        return self.draft_mentions + self.archive_mentions


def _real(path: str) -> str:
    return os.path.realpath(path)


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _draft_id(doc: Document, folders: list[str]) -> str:
    """The id a draft file has in the archive folder that holds it (else its own id)."""
    if not doc.source or os.path.splitext(doc.source)[1].lower() not in DOCUMENT_EXTENSIONS:
        return doc.id
    real = _real(doc.source)
    for folder in folders:
        if _inside(real, folder):
            return os.path.relpath(real, folder).replace(os.sep, "/")
    return doc.id


def read_drafts(drafts: Sequence[str], archive: Sequence[str], *, lang: str | None = None,
                stdin: BinaryIO | None = None) -> list[Document | ReadError]:
    """The drafts as documents, re-identified by their place in an archive folder."""
    folders = [_real(a) for a in archive if os.path.isdir(a)]
    out: list[Document | ReadError] = []
    for item in iter_inputs(drafts, stdin=stdin, lang=lang):
        if isinstance(item, Document):
            new_id = _draft_id(item, folders)
            if new_id != item.id:
                item = dataclasses.replace(item, id=new_id)
        out.append(item)
    return out


def touched_claims(table: pd.DataFrame, draft_ids: set[str]) -> pd.DataFrame:
    """The rows the rules need for the claims a draft touches.

    Those claims' rows, plus the rows that state an earlier figure ("raised to 110 from
    100") for the same claimant, metric family and rate: the rules read them to tell a
    revision from a contradiction.
    """
    claimed = table["claim"].notna()
    touched = set(table.loc[claimed & table["doc"].isin(draft_ids), "claim"])
    keep = table["claim"].isin(touched)
    if not keep.any():
        return table[keep]

    def keys(df: pd.DataFrame) -> pd.Series:
        return (df["actor"].astype("object").fillna("") + "|" + df["family"].astype("object").fillna("")
                + "|" + df["per"].astype("object").fillna(""))

    previous = claimed & (table["stage"].astype("object") == "previous")
    keep |= previous & keys(table).isin(set(keys(table[keep])))
    return table[keep]


def check(drafts: Sequence[str], archive: Sequence[str], ruleset: RuleSet, *, cache: Cache,
          lang: str | None = None, stdin: BinaryIO | None = None,
          progress: Progress | None = None, jobs: int = 1) -> CheckResult:
    """Findings of `drafts` against themselves and `archive` (each finding involves a draft).

    `jobs` processes analyse archive files that are not in the cache yet.
    """
    items = read_drafts(drafts, archive, lang=lang, stdin=stdin)
    memo = cache.doc_memo(ruleset)
    draft_docs, draft_rows, errors = gather(items, ruleset, memo=memo)
    memo.save()
    cache.warnings += memo.warnings
    draft_ids = {d.id for d in draft_docs}
    draft_files = {_real(d.source) for d in draft_docs if d.source and os.path.isfile(d.source)}
    blocks = archive_needs(draft_rows, draft_docs, []).blocks

    archive_docs = archive_mentions = 0
    rows: list[dict[str, Any]] = []
    where: dict[str, tuple[int, int]] = {}  # archive doc id → (pack number, index in the pack)
    packs: list[Pack] = []
    for path in archive:
        pack = cache.pack(path, ruleset, lang=lang, progress=progress, jobs=jobs)
        pack, pack_rows = cache.rows(pack, path, ruleset, lang=lang, blocks=blocks)
        n = len(packs)
        packs.append(pack)
        errors += pack.errors()
        archive_docs += pack.documents
        archive_mentions += pack.mentions
        skip: set[int] = set()
        real = _real(path)
        if any(f == real or _inside(f, real) for f in draft_files):
            for i, d in enumerate(pack.docs()):
                if d.source and _real(d.source) in draft_files:  # the draft itself, as archived
                    skip.add(i)
                    archive_docs -= 1
                    archive_mentions -= d.mentions
        for r in pack_rows:
            i = r["_i"]
            if i in skip:
                continue
            if r["doc"] in draft_ids:  # another file with a draft's id: keep them apart
                r["doc"] = f"{path}#{r['doc']}"
            where.setdefault(r["doc"], (n, i))
            rows.append(r)

    table = touched_claims(annotate(mentions_frame(rows + draft_rows), draft_docs), draft_ids)
    findings = decide(table, draft_docs, ruleset, focus=draft_ids)

    involved = sorted({doc for f in findings for doc in f.docs if doc in where})
    loaded: dict[int, list[DocInfo]] = {}
    docs = list(draft_docs)
    for doc_id in involved:
        n, i = where[doc_id]
        if n not in loaded:
            loaded[n] = packs[n].docs()
        info = loaded[n][i]
        docs.append(info if info.id == doc_id else dataclasses.replace(info, id=doc_id))
    corpus = Corpus(docs, table, errors)
    return CheckResult(corpus, findings, suppress_findings(findings, docs), drafts=[d.id for d in draft_docs],
                       archive_documents=archive_docs, archive_mentions=archive_mentions,
                       draft_mentions=len(draft_rows))


__all__ = ["CheckResult", "check", "read_drafts", "touched_claims"]
