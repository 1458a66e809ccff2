"""Pre-publication check: drafts against the archive, reporting only what involves a draft.

The archive comes from the cache (`cache.Pack`, one per input path, reused while its
bytes are unchanged). Only the archive rows a draft's figures can meet in a candidate pair
are loaded (`claims.archive_needs`): the articles linked to a draft's story (by headline and
lead, against every archive article's) and the rows of the drafts' claimant blocks. The
claims stage then runs on that small table and keeps the findings that involve a draft.

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

from factcheck.cache import Cache, Pack
from factcheck.claims import annotate, archive_needs, block_of, decide
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

    archive_docs = archive_mentions = 0
    packs: list[tuple[str, Pack, list[DocInfo], set[int]]] = []
    for path in archive:
        pack = cache.pack(path, ruleset, lang=lang, progress=progress, jobs=jobs)
        infos = pack.docs()
        errors += pack.errors()
        archive_docs += pack.documents
        archive_mentions += pack.mentions
        skip: set[int] = set()
        real = _real(path)
        if any(f == real or _inside(f, real) for f in draft_files):
            for i, d in enumerate(infos):
                if d.source and _real(d.source) in draft_files:  # the draft itself, as archived
                    skip.add(i)
                    archive_docs -= 1
                    archive_mentions -= d.mentions
        packs.append((path, pack, infos, skip))
    # what the drafts need: their stories' articles and their claimants' blocks
    candidates = [d for _, _, infos, skip in packs for i, d in enumerate(infos) if i not in skip]
    needs = archive_needs(draft_rows, draft_docs, candidates, ruleset.decision)

    rows: list[dict[str, Any]] = []
    docs = list(draft_docs)
    seen: set[str] = set(draft_ids)
    for path, pack, infos, skip in packs:
        wanted = {i for i, d in enumerate(infos) if d.id in needs.docs and i not in skip}
        pack, pack_rows = cache.rows(pack, path, ruleset, lang=lang, blocks=None if wanted else needs.blocks)
        for r in pack_rows:
            i = r["_i"]
            if i in skip or (wanted and i not in wanted and block_of(r.get("actor")) not in needs.blocks):
                continue
            info = infos[i]
            if r["doc"] in draft_ids:  # another file with a draft's id: keep them apart
                r["doc"] = f"{path}#{r['doc']}"
                info = dataclasses.replace(info, id=r["doc"])
            if r["doc"] not in seen:
                seen.add(r["doc"])
                docs.append(info)
            rows.append(r)

    # stories are linked over every archive article, as a full scan links them, so a draft's
    # evidence does not depend on which rows were loaded
    every = docs + [d for d in candidates if d.id not in seen]
    table = annotate(mentions_frame(rows + draft_rows), every, ruleset.decision)
    findings = decide(table, every, ruleset, focus=draft_ids)
    involved = {doc for f in findings for doc in f.docs}
    docs = [d for d in docs if d.id in draft_ids or d.id in involved]
    corpus = Corpus(docs, table, errors)
    return CheckResult(corpus, findings, suppress_findings(findings, docs), drafts=[d.id for d in draft_docs],
                       archive_documents=archive_docs, archive_mentions=archive_mentions,
                       draft_mentions=len(draft_rows))


__all__ = ["CheckResult", "check", "read_drafts"]
