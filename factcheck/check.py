"""Pre-publication check: drafts against the archive, reporting only what involves a draft.

The drafts are read here and handed to the pipeline's one composition (`pipeline.run`):
the archive comes from the store (each input path a source, read again only when its
bytes change), and only the archive rows a draft's figures can meet are loaded from it: the
articles of a draft's story and the claimant blocks `claims.archive_needs` names. The claims
stage then reports the findings in which a draft's figure is one of the figures that differ.

A draft that lives inside an archive folder gets the id it has in that folder (its path
relative to the folder), and the archive's copy of it is left out: checking a changed
article of a repository against the repository compares it with the other articles,
with the same finding ids that `factcheck scan FOLDER` gives.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Sequence
from typing import BinaryIO

from factcheck.documents import Document, ReadError, distinct_ids
from factcheck.pipeline import CheckResult, Engine, run
from factcheck.progress import Progress
from factcheck.read import DOCUMENT_EXTENSIONS, iter_inputs
from factcheck.ruleset import RuleSet
from factcheck.store import Store


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _draft_id(doc: Document, folders: list[str]) -> str:
    """The id a draft file has in the archive folder that holds it (else its own id)."""
    if not doc.source or os.path.splitext(doc.source)[1].lower() not in DOCUMENT_EXTENSIONS:
        return doc.id
    real = os.path.realpath(doc.source)
    for folder in folders:
        if _inside(real, folder):
            return os.path.relpath(real, folder).replace(os.sep, "/")
    return doc.id


def read_drafts(drafts: Sequence[str], archive: Sequence[str], *, lang: str | None = None,
                stdin: BinaryIO | None = None) -> list[Document | ReadError]:
    """The drafts as documents, re-identified by their place in an archive folder."""
    folders = [os.path.realpath(a) for a in archive if os.path.isdir(a)]
    out: list[Document | ReadError] = []
    for item in iter_inputs(drafts, stdin=stdin, lang=lang):
        if isinstance(item, Document):
            new_id = _draft_id(item, folders)
            if new_id != item.id:
                item = dataclasses.replace(item, id=new_id)
        out.append(item)
    # two drafts named alike (story.txt of two desks) each go by their place
    names = iter(distinct_ids([(d.id, d.source, d.line) for d in out if isinstance(d, Document)]))
    for k, item in enumerate(out):
        if isinstance(item, Document):
            new_id = next(names)
            if new_id != item.id:
                out[k] = dataclasses.replace(item, id=new_id)
    return out


@dataclasses.dataclass
class DraftCheck(CheckResult):
    """A check's result, with the read errors of the archive apart from those of the drafts."""

    archive_errors: list[ReadError] = dataclasses.field(default_factory=list)

    @property
    def archive_unread(self) -> bool:
        """Nothing of the archive could be read: the drafts were checked against nothing."""
        return self.archive_documents == 0 and bool(self.archive_errors)


def check(drafts: Sequence[str], archive: Sequence[str], ruleset: RuleSet, *, store: Store | None = None,
          lang: str | None = None, stdin: BinaryIO | None = None, progress: Progress | None = None,
          jobs: int = 1, engine: Engine | None = None) -> DraftCheck:
    """Findings of `drafts` against themselves and `archive` (each finding involves a draft).

    `jobs` processes (or `engine`) analyse what the store does not hold yet; without a
    store, the archive is analysed in memory for this check alone.
    """
    items = read_drafts(drafts, archive, lang=lang, stdin=stdin)
    own = Engine.local(jobs) if engine is None else None
    try:
        result = run(archive, ruleset, store=store, engine=engine or own, drafts=items, lang=lang,
                     progress=progress)
    finally:
        if own is not None:
            own.close()
    assert isinstance(result, CheckResult)
    # the corpus lists the drafts' errors and the archive's together: take the drafts' out once each
    draft_errors = Counter(item for item in items if isinstance(item, ReadError))
    archive_errors = []
    for e in result.corpus.errors:
        if draft_errors[e]:
            draft_errors[e] -= 1
        else:
            archive_errors.append(e)
    fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    return DraftCheck(**fields, archive_errors=archive_errors)


__all__ = ["CheckResult", "DraftCheck", "check", "read_drafts"]
