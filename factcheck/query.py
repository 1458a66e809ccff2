"""`factcheck claims WORDS`: the figures an archive holds for a claimant, a metric or words.

The archive store answers (`Store.search`): every money or date figure whose claimant,
metric or sentence holds each word, newest document first, with the findings of the last
scan that quote it. This module picks the archives to search and prints the answer as
text for people, or JSON or CSV for tools.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.documents import ReadError
from factcheck.naming import doc_label
from factcheck.store import Hit, SourceEntry, StaleSource, Store, StoreCorrupt, StoredDoc, StoreUnavailable

if TYPE_CHECKING:
    from factcheck.progress import Progress
    from factcheck.ruleset import RuleSet

QUOTE_CHARS = 240
COLUMNS = ["date", "kind", "text", "value", "low", "high", "currency", "qualifier", "per", "date_start", "date_end",
           "granularity", "claimant", "metric", "title", "document", "source", "url", "line", "col", "start", "end",
           "quote", "story", "archive", "findings"]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Found:
    words: list[str]
    hits: list[Hit]
    total: int  # figures that match (hits holds at most the limit)
    sources: list[SourceEntry]  # the archives searched
    errors: list[ReadError] = field(default_factory=list)
    stories: dict[tuple[int, str], str] = field(default_factory=dict)  # (source id, story doc id) → its label


def search(store: Store, query: Sequence[str], *, archive: Sequence[str] = (), ruleset: RuleSet | None = None,
           lang: str | None = None, kind: str | None = None, limit: int | None = 50, jobs: int = 1,
           progress: Progress | None = None) -> Found:
    """The figures of `archive` (brought up to date in the store first; default: every
    archive the store holds) that match every word of `query`."""
    words = [w for q in query for w in q.split()]
    errors: list[ReadError] = []

    def pick() -> list[SourceEntry]:
        if not archive:
            latest: dict[tuple[str, str], SourceEntry] = {}
            for s in store.sources():  # most recent first: one listing per archive however it was named
                latest.setdefault((s.real, s.lang), s)
            listed = _Listings(store)
            return sorted(_not_contained(listed, _not_superseded(listed, list(latest.values()))), key=lambda s: s.id)
        if ruleset is None:
            raise ValueError("reading an archive needs a rule set (its lexicons)")
        from factcheck.parallel import executor  # (imported here: a query of the store alone needs no pandas)
        from factcheck.pipeline import _source

        out = []
        execute = executor(jobs)
        try:
            for path in archive:
                entry = _source(path, ruleset, store, lang, execute, progress)
                if entry is None:
                    reason = ("no such file or folder" if not Path(path).exists()
                              else "not a file or folder factcheck reads")
                    errors.append(ReadError(path, f"{reason}; {_held(store)}"))
                else:
                    out.append(entry)
                    errors.extend(ReadError(s, r) for s, r in store.errors(entry))
        finally:
            close = getattr(execute, "close", None)
            if close is not None:
                close()
        return out

    def answer() -> Found:
        errors.clear()
        sources = pick()
        hits, total = store.search(words, sources=sources, kind=kind, limit=limit)
        return Found(words, hits, total, sources, list(errors), _story_labels(store, hits))

    try:
        found = answer()
    except StoreCorrupt as ex:
        store.rebuild(ex)
        found = answer()
    except StoreUnavailable as ex:
        store.fall_back(ex)
        found = answer()
    if progress:
        progress.done()
    return found


class _Listings(dict):
    """Each source's stored documents, read from the store once (None: its analyses are gone)."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, source: SourceEntry) -> list[StoredDoc] | None:
        try:
            docs = self[source] = self.store.documents(source)
        except StaleSource:
            docs = self[source] = None
        return docs


def _not_superseded(listed: _Listings, sources: list[SourceEntry]) -> list[SourceEntry]:
    """`sources` without a file or folder read on its own before a folder holding all of its
    files was read again: the folder's newer listing has them as they are now (edited since,
    their old figures would be listed as the archive's). A file the folder's walk skips (a
    hidden one) is the folder's in no listing, and stays."""
    def inside(a: str, b: str) -> bool:
        return a != b and a.startswith(b.rstrip(os.sep) + os.sep)

    def files(src: SourceEntry) -> set[str]:
        # each document's file as the listing read it, from where that run was named
        return {os.path.normpath(os.path.join(src.real, os.path.relpath(d.file, src.path)))
                if d.file != src.path else src.real for d in listed[src] or ()}

    out = []
    for s in sources:
        newer = [t for t in sources if inside(s.real, t.real) and t.built > s.built]
        mine = files(s) if newer else set()
        if mine and any(mine <= files(t) for t in newer):
            continue
        out.append(s)
    return out


def _not_contained(listed: _Listings, sources: list[SourceEntry]) -> list[SourceEntry]:
    """`sources` without those whose every document another one holds too (the same
    archive scanned from another folder, or one file of a folder scanned on its own): each
    document's figures are listed once. Of equal archives the most recently built stays.
    (A source whose analyses are gone is kept: store.search finds none of them.)"""
    keys = {s.id: frozenset(d.key for d in listed[s] or ()) for s in sources}
    kept: list[SourceEntry] = []
    for s in sorted(sources, key=lambda s: -len(keys[s.id])):  # stable: most recent first among equals
        if not keys[s.id] or not any(keys[s.id] <= keys[k.id] for k in kept):
            kept.append(s)
    return kept


def _story_labels(store: Store, hits: list[Hit]) -> dict[tuple[int, str], str]:
    """The label (title, else opening words) of each story the hits were linked to."""
    wanted = {(h.source.id, h.story) for h in hits if h.story}
    labels: dict[tuple[int, str], str] = {}
    for source in {h.source.id: h.source for h in hits}.values():
        if not any(sid == source.id for sid, _ in wanted):
            continue
        try:
            docs = store.documents(source)
        except StaleSource:
            continue
        for d in docs:
            if (source.id, d.id) in wanted:
                labels[(source.id, d.id)] = doc_label(d.id, d.title, d.lead)
    return labels


def _held(store: Store) -> str:
    """What the store holds, for a message about an archive it could not read."""
    latest: dict[str, str] = {}
    for s in store.sources():  # most recent first: an archive by the name it was last read under
        latest.setdefault(s.real, s.path)
    paths = sorted(latest.values())
    if not paths:
        return "the store holds no archive yet"
    return f"the store holds {', '.join(paths)}: search them without --in, or name one of them"


# -- rendering -----------------------------------------------------------------------


def _where(hit: Hit) -> str:
    d = hit.doc
    return d.file if d.file and Path(d.file).name == Path(d.id).name else f"{d.file}#{d.id}" if d.file else d.id


def _quote(hit: Hit) -> str:
    r = hit.row
    text = " ".join(str(r.get("sentence") or "").split())
    if len(text) <= QUOTE_CHARS:
        return text
    at = max(0, text.find(str(r.get("text") or "")))
    start = max(0, min(at - QUOTE_CHARS // 3, len(text) - QUOTE_CHARS))
    return ("…" if start else "") + text[start:start + QUOTE_CHARS].strip() + ("…" if start + QUOTE_CHARS < len(text)
                                                                             else "")


def _number(v: Any) -> str:
    if not isinstance(v, (int, float)) or v != v:
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.6g}"


def _value(r: dict[str, Any]) -> str:
    """What the figure says, normalised: '500,000,000,000 USD, at least'."""
    if r.get("kind") == "date":
        start, end = r.get("date_start"), r.get("date_end")
        span = f"{start} .. {end}" if start and end else start or end or "?"
        return f"{span}, {r.get('granularity') or '?'}"
    low, value, high = r.get("low"), r.get("value"), r.get("high")
    if r.get("qualifier") == "range" and low is not None and high is not None:
        amount = f"{_number(low)}-{_number(high)}"
    else:
        amount = _number(value) or "?"
    per = f" per {r['per']}" if r.get("per") else ""
    return f"{amount} {r.get('currency') or '(no currency)'}{per}, {r.get('qualifier') or '?'}"


def record(hit: Hit) -> dict[str, Any]:
    """One figure as a flat record (the JSON and CSV row)."""
    r, d = hit.row, hit.doc
    return {
        "date": d.date, "kind": r.get("kind"), "text": r.get("text"), "value": r.get("value"), "low": r.get("low"),
        "high": r.get("high"), "currency": r.get("currency"), "qualifier": r.get("qualifier"), "per": r.get("per"),
        "date_start": r.get("date_start"), "date_end": r.get("date_end"), "granularity": r.get("granularity"),
        "claimant": r.get("actor"), "metric": r.get("metric"), "title": d.title, "document": d.id, "source": d.file,
        "url": d.url, "line": r.get("line"), "col": r.get("col"), "start": r.get("start"), "end": r.get("end"),
        "quote": r.get("sentence"), "story": hit.story, "archive": hit.source.path,
        "findings": [{"id": f.id, "rule": f.rule, "severity": f.severity, "message": f.message}
                     for f in hit.findings],
    }


def _safe(text: str) -> str:
    """Article text for a terminal: control characters (escape sequences) shown as '?'."""
    return _CONTROL.sub("?", text)


def render_text(found: Found) -> str:
    what = " ".join(found.words)
    shown = len(found.hits)
    head = f"{found.total} figure{'s' if found.total != 1 else ''} for “{what}”"
    if shown < found.total:
        head += f" (the newest {shown}; --limit 0 lists all)"
    out = [_safe(head)]
    for h in found.hits:
        r = h.row
        who = " · ".join(str(x) for x in (r.get("actor"), r.get("metric")) if x)
        out.append("")
        out.append(_safe(f"{h.doc.date or 'undated'}  {r.get('text')}  ({_value(r)})" + (f"  {who}" if who else "")))
        out.append(_safe(f"    “{_quote(h)}”"))
        title = h.doc.title or h.doc.id
        story = ""
        if h.story and h.story != h.doc.id:  # linked to another document's story: name it as people do
            story = f" (story: {found.stories.get((h.source.id, h.story)) or Path(h.story).name})"
        out.append(_safe(f"    {' '.join(title.split())} — {_where(h)}:{r.get('line')}{story}"))
        for f in h.findings:
            out.append(_safe(f"    {f.severity} {f.rule} {f.id}: {' '.join(f.message.split())}"))
    return "\n".join(out) + "\n"


def render_json(found: Found) -> str:
    doc = {"query": " ".join(found.words), "figures": found.total, "shown": len(found.hits),
           "archives": [s.path for s in found.sources], "rows": [record(h) for h in found.hits],
           "errors": [e.as_dict() for e in found.errors]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_csv(found: Found) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for h in found.hits:
        rec = record(h)
        rec["findings"] = "; ".join(f"{f['rule']} {f['severity']} {f['id']}" for f in rec["findings"])
        w.writerow({k: "" if v is None else v for k, v in rec.items()})
    return buf.getvalue()


def render(found: Found, fmt: str) -> str:
    return {"text": render_text, "json": render_json, "csv": render_csv}[fmt](found)
