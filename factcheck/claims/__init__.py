"""The cross-document stage: which figures state one fact, and what their differences mean.

mentions table → claims and stories (`annotate`) → candidate pairs → evidence → decision →
findings (`decide`). The pipeline calls these two functions and nothing else of this package;
`archive_needs` tells a pre-publication check which archive rows to load for its drafts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.findings import Finding, find
from factcheck.group import assign_claims

if TYPE_CHECKING:
    from factcheck.pipeline import DocInfo
    from factcheck.ruleset import RuleSet

NO_ACTOR = "\x00"  # block of rows without a claimant: never part of a claim

# An ordered map (function, items) → results in the same order: the executor the per-block
# decisions run on (the built-in `map`, a process pool, Dask).
OrderedMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]


def block_of(actor: Any) -> str:
    """The claimant block of a name: its first word, lower-cased (as `group.unify_actors`)."""
    if not isinstance(actor, str) or not actor:
        return NO_ACTOR
    words = actor.split()
    return words[0].lower() if words else ""


def annotate(table: pd.DataFrame, docs: Sequence[DocInfo]) -> pd.DataFrame:
    """The mentions table with the claim each figure belongs to (`claim`, `why`)."""
    return assign_claims(table)


def decide(table: pd.DataFrame, docs: Sequence[DocInfo], ruleset: RuleSet, *,
           focus: set[str] | None = None, map_blocks: OrderedMap = map) -> list[Finding]:
    """Every finding of an annotated table; with `focus` (draft ids) only those involving them."""
    titles = {d.id: d.title or d.id for d in docs}
    findings = find(table, ruleset, titles)
    if focus is not None:
        findings = [f for f in findings if focus & set(f.docs)]
    return findings


@dataclass
class ArchiveNeeds:
    """The archive rows a check of some drafts needs: whole documents and claimant blocks."""

    docs: set[str] = field(default_factory=set)
    blocks: set[str] = field(default_factory=set)


def archive_needs(draft_rows: list[dict[str, Any]], draft_docs: Sequence[DocInfo],
                  archive_docs: Sequence[DocInfo]) -> ArchiveNeeds:
    """What to load from the archive so that `decide(..., focus=drafts)` on drafts plus the
    loaded rows gives every finding a full scan would give about the drafts."""
    return ArchiveNeeds(set(), {block_of(r.get("actor")) for r in draft_rows} - {NO_ACTOR})
