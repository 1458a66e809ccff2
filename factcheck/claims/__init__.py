"""The cross-document stage: which figures state one fact, and what their differences mean.

mentions table → claims and stories (`annotate`) → candidate pairs (`pairs`) → evidence
(`evidence`) → decision (`decision`, weights in rules/decision.toml) → findings (`facts`).
The pipeline calls `annotate` and `decide` (or, for inputs it has the result of, `annotate_known`); `archive_needs`
tells a pre-publication check which archive rows to load for its drafts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from factcheck.claims.columns import Columns
from factcheck.claims.decision import Decision
from factcheck.claims.evidence import features, prune
from factcheck.claims.facts import assemble
from factcheck.claims.pairs import candidates
from factcheck.claims.stories import Stories, link
from factcheck.findings import Finding
from factcheck.group import assign_claims
from factcheck.naming import doc_labels

if TYPE_CHECKING:
    from factcheck.pipeline import DocInfo
    from factcheck.ruleset import RuleSet

NO_ACTOR = "\x00"  # block of rows without a claimant: never part of a claim
# The links `annotate` found, for `decide` to reuse: the table's attrs carry a token, not the
# links themselves (pandas deep-copies attrs on every operation).
_STORIES = "factcheck.stories"
_LAST: dict[str, Stories] = {}

# An ordered map (function, items) → results in the same order: the executor the per-block
# decisions run on (the built-in `map`, a process pool, Dask).
OrderedMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
# Candidate pairs per part below which the evidence is computed in one part: a fork and the
# results' way back cost about what this many pairs' evidence does.
PAIRS_PER_PART = 100_000


def block_of(actor: Any) -> str:
    """The claimant block of a name: its first word, lower-cased (as `group.unify_actors`)."""
    if not isinstance(actor, str) or not actor:
        return NO_ACTOR
    words = actor.split()
    return words[0].lower() if words else ""


def _default_decision() -> Decision:
    from factcheck.ruleset import load_rules

    return load_rules().decision


def annotate(table: pd.DataFrame, docs: Sequence[DocInfo], decision: Decision | None = None,
             stories: Callable[[], Stories] | None = None) -> pd.DataFrame:
    """The mentions table with each figure's claim (`claim`) and story (`story`); `stories`:
    the story links of `docs` (`link_stories`) when they come from elsewhere (a process that
    links them while this one assigns the claims)."""
    decision = decision or _default_decision()
    out = assign_claims(table)  # (first: the claims need not wait for the links)
    linked = stories() if stories is not None else link_stories(docs, decision)
    out = _with_stories(out, linked.story)
    token = f"{id(linked):x}"
    _LAST.clear()
    _LAST[token] = linked
    out.attrs[_STORIES] = token
    return out


def link_stories(docs: Sequence[DocInfo], decision: Decision | None = None) -> Stories:
    """The articles of `docs` that tell one story (`stories.link`), as `annotate` links them."""
    return link(docs, (decision or _default_decision()).stories)


def annotate_known(table: pd.DataFrame, story: Mapping[str, str]) -> pd.DataFrame:
    """The mentions table with each figure's claim and the story of its article, from known
    stories (doc id → story id: `annotate`'s links, or a stored result of the same inputs)."""
    return _with_stories(assign_claims(table), story)


def _with_stories(out: pd.DataFrame, story: Mapping[str, str]) -> pd.DataFrame:
    out["story"] = out["doc"].map(story).astype("object") if len(out) else pd.Series(dtype="object")
    return out


def stories_of_table(table: pd.DataFrame) -> dict[str, str]:
    """Each document's story, as `annotate` wrote it into the table."""
    if "story" not in table.columns or table.empty:
        return {}
    linked = table.loc[table["story"].notna(), ["doc", "story"]].drop_duplicates("doc")
    return dict(zip(linked["doc"].astype(str), linked["story"].astype(str), strict=True))


def _stories_of(table: pd.DataFrame, docs: Sequence[DocInfo], decision: Decision) -> Stories:
    stories = _LAST.get(table.attrs.get(_STORIES, ""))
    if stories is not None and all(d.id in stories.story for d in docs):
        return stories
    return link(docs, decision.stories)


def outlets_of(docs: Sequence[DocInfo], drafts: set[str] | None = None) -> dict[str, str]:
    """Each article's outlet where its input says: the `outlet` it declares ("Fox News"),
    case and surrounding spaces folded, else the host of its URL without "www."
    ("https://www.nytimes.com/..." → "nytimes.com"), read as the outlet that the other
    articles of that host declare when two or more do and all declare the same one (a page
    with a site name and a page with only its address are one outlet's; one republished
    article on a host that carries many outlets names none). In a check (`drafts`), a draft
    and the archive are two tellings of a story: the drafts are one outlet, every archive
    article without an outlet or a URL another."""
    declared = {d.id: (d.outlet or "").strip().casefold() for d in docs}
    hosts = {d.id: _host(d.url) for d in docs}
    named: dict[str, list[str]] = {}  # host → the outlets its articles declare
    for d in docs:
        if declared[d.id] and hosts[d.id]:
            named.setdefault(hosts[d.id], []).append(declared[d.id])
    out = {}
    for d in docs:
        of_host = named.get(hosts[d.id], [])
        agreed = of_host[0] if len(of_host) >= 2 and len(set(of_host)) == 1 else ""
        site = declared[d.id] or agreed or hosts[d.id]
        if drafts is not None:
            site = "<draft>" if d.id in drafts else site or "<archive>"
        if site:
            out[d.id] = site
    return out


def _host(url: str | None) -> str:
    """The host of a URL without "www.", port or user ("" for none, or for a malformed one)."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    except ValueError:
        return ""


def score_pairs(table: pd.DataFrame, docs: Sequence[DocInfo], decision: Decision,
                drafts: set[str] | None = None, map_pairs: OrderedMap = map) -> pd.DataFrame:
    """Every candidate pair of an annotated table with its features, relation and score;
    `drafts`: the articles a check reads against the others (`outlets_of`); `map_pairs`: the
    ordered map the evidence of parts of the pairs runs on (its `jobs` parts, when it has
    them and the pairs are many; `parallel.ForkMap`)."""
    stories = _stories_of(table, docs, decision)
    pairs = candidates(table, stories, decision.pairs)
    if pairs.empty:
        return pairs.assign(relation=pd.Series(dtype="object"), score=pd.Series(dtype="float64"))
    drafted = table["doc"].isin(drafts).to_numpy() if drafts else None
    cols = Columns(table, drafted=drafted)
    # what the evidence reads of the table alone is read once, shared by the parts of the pairs:
    # the pieces that need not know the kept pairs in a process beside the pruning, when there is one
    start = getattr(map_pairs, "start", None)
    unpaired = start(cols.unpaired_pieces) if start is not None else None
    try:
        pairs, context = prune(table, pairs, decision.pairs.max_link_pairs, drafted, cols)
        cols = cols.for_rows(np.unique(pairs[["i", "j"]].to_numpy()))
        if unpaired is not None:
            cols.adopt(unpaired.result())
    finally:
        if unpaired is not None:
            unpaired.close()
    cols.prepare(start)
    outlets = outlets_of(docs, drafts)
    parts = _parts(cols, pairs, min(int(getattr(map_pairs, "jobs", 1)), len(pairs) // PAIRS_PER_PART))
    if len(parts) < 2:
        feats = features(table, pairs, stories, decision.relations, context.frame(), outlets, drafts, cols)
    else:
        def part_features(at: np.ndarray) -> dict[str, np.ndarray]:
            # (the context features too: each part computes its own)
            return _packed(features(table, pairs.iloc[at], stories, decision.relations, context.frame(at), outlets,
                                    drafts, cols))

        feats = _joined(list(map_pairs(part_features, parts)), pairs.index)
    scored = pd.concat([pairs, feats], axis=1)
    scored["score"] = decision.score(feats)
    return scored


def _packed(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """A part's features for their way back from a worker: the columns of only 0 and 1 (most
    features) as booleans, an eighth of the bytes to pickle; `_joined` restores them exactly."""
    out = {"_index": frame.index.to_numpy()}
    for name in frame.columns:
        v = frame[name].to_numpy()
        if v.dtype == np.float64 and not np.signbit(v).any() and ((v == 0.0) | (v == 1.0)).all():
            v = v.astype(bool)
        out[name] = v
    return out


def _joined(packed: list[dict[str, np.ndarray]], index: pd.Index) -> pd.DataFrame:
    """The parts' features (`_packed`, booleans as floats again) as one frame in the order of
    `index`, whose labels the parts' rows carry: their `pd.concat(...).loc[index]`, each column
    put in place once instead of concatenated, reordered and copied into blocks again."""
    where = index.get_indexer(np.concatenate([p["_index"] for p in packed]))
    out: dict[str, np.ndarray] = {}
    for name in packed[0]:
        if name != "_index":
            values = np.concatenate([p[name].astype(np.float64) if p[name].dtype == bool else p[name] for p in packed])
            out[name] = np.empty_like(values)
            out[name][where] = values
    return pd.DataFrame(out, index=index, copy=False)


def _parts(cols: Columns, pairs: pd.DataFrame, n: int) -> list[np.ndarray]:
    """The positions of `pairs` in `n` parts of about equal size, each article pair whole: a
    pair's evidence reads the other pairs of its two articles (`alignment.alignment`), never
    those of other articles, so the parts' evidence is the whole's."""
    if n < 2:
        return [np.arange(len(pairs))]
    doc = cols.codes("doc")[0]
    a, b = doc[pairs["i"].to_numpy()], doc[pairs["j"].to_numpy()]
    width = int(doc.max()) + 1
    group = pd.factorize(np.minimum(a, b) * width + np.maximum(a, b))[0]
    # whole article pairs, in order of first appearance, cut where the running count passes
    # each n-th of the pairs
    ends = np.cumsum(np.bincount(group))
    cut = np.searchsorted(ends, np.arange(1, n) * len(pairs) / n)
    part_of_group = np.searchsorted(cut, np.arange(len(ends)), side="right")
    part = part_of_group[group]
    return [p for p in (np.flatnonzero(part == k) for k in range(n)) if len(p)]


def decide(table: pd.DataFrame, docs: Sequence[DocInfo], ruleset: RuleSet, *,
           focus: set[str] | None = None, map_blocks: OrderedMap = map, map_pairs: OrderedMap = map
           ) -> list[Finding]:
    """Every finding of an annotated table; with `focus` (draft ids) only those involving them;
    the evidence of the candidate pairs runs on `map_pairs` (`score_pairs`), the per-block
    decisions on `map_blocks`."""
    table = table.reset_index(drop=True) if not isinstance(table.index, pd.RangeIndex) else table
    decision = ruleset.decision if focus is None else ruleset.decision.for_check()
    titles = doc_labels(docs)
    scored = score_pairs(table, docs, decision, focus, map_pairs)
    if scored.empty:
        return []
    if focus is not None:
        doc = table["doc"].to_numpy()
        touch = pd.Series(doc[scored["i"].to_numpy()]).isin(focus).to_numpy() | pd.Series(
            doc[scored["j"].to_numpy()]).isin(focus).to_numpy()
        # the facts a draft figure belongs to, with every pair that links their figures
        live = touch & (scored["score"] >= decision.floor).to_numpy()
        keep_pos = set(scored.loc[live, ["i", "j"]].to_numpy().ravel())
        scored = scored[scored["i"].isin(keep_pos) | scored["j"].isin(keep_pos)]
    return assemble(table, scored, decision, ruleset.rules, titles, focus, map_blocks)


@dataclass
class ArchiveNeeds:
    """The archive rows a check of some drafts needs: whole documents and claimant blocks."""

    docs: set[str] = field(default_factory=set)
    blocks: set[str] = field(default_factory=set)


def archive_needs(draft_rows: list[dict[str, Any]], draft_docs: Sequence[DocInfo],
                  archive_docs: Sequence[DocInfo], decision: Decision | None = None) -> ArchiveNeeds:
    """What to load from the archive so that `decide(..., focus=drafts)` on drafts plus the
    loaded rows sees every pair a full scan would see for the drafts' figures: the archive
    articles linked to a draft's story, and the rows of the drafts' claimant blocks."""
    blocks = {block_of(r.get("actor")) for r in draft_rows} - {NO_ACTOR}
    drafts = {d.id for d in draft_docs}
    docs: set[str] = set()
    if drafts and archive_docs:
        stories = link([*draft_docs, *(d for d in archive_docs if d.id not in drafts)],
                       (decision or _default_decision()).stories)
        docs = {b if a in drafts else a for a, b in stories.links if (a in drafts) != (b in drafts)}
    return ArchiveNeeds(docs, blocks)
