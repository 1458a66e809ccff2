"""Baseline files: findings an editor has accepted, keyed by their claim fingerprint."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.atomic import write_atomic  # noqa: F401  (re-exported: the CLI writes through it)

if TYPE_CHECKING:  # (the CLI imports this module: at run time it would pull in pandas for every command)
    from factcheck.findings import Finding

VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing or corrupt; str() names the file and the reason."""


def load_baseline(path: str | Path) -> dict[str, dict[str, Any]]:
    """Entries by finding id. Accepts what `factcheck baseline` and the report export write."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{p}: no such baseline file (create one with `factcheck baseline`)") from None
    except (OSError, UnicodeDecodeError) as ex:
        raise BaselineError(f"{p}: cannot read baseline ({ex})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as ex:
        raise BaselineError(f"{p}: corrupt baseline, not JSON (line {ex.lineno}: {ex.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{p}: corrupt baseline: expected an object with a 'findings' list")
    if data.get("version", VERSION) != VERSION:
        raise BaselineError(f"{p}: baseline version {data.get('version')!r} is not {VERSION}; "
                            "written by another factcheck? Regenerate it with `factcheck baseline`")
    out: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise BaselineError(f"{p}: corrupt baseline: findings[{i}] has no string 'id'")
        if not isinstance(entry.get("justification", ""), str):
            raise BaselineError(f"{p}: corrupt baseline: findings[{i}].justification must be a string")
        out[entry["id"]] = entry
    return out


def _quotes(mentions: Any, with_doc: bool) -> frozenset[tuple[str, str, str]]:
    """A finding's or an entry's quotes: (document or "", figure, sentence with its spaces squeezed)."""
    if not isinstance(mentions, list):
        return frozenset()
    return frozenset((str(m.get("doc")) if with_doc else "", str(m.get("text")), " ".join(str(m.get("sentence") or
                                                                                           "").split()))
                     for m in mentions if isinstance(m, dict))


_RANK = {"error": 0, "warning": 1, "info": 2}


def match_baseline(findings: list[Finding], baseline: dict[str, dict[str, Any]],
                   scope: set[str] | None = None) -> dict[str, str]:
    """Which accepted entry each finding is (finding id → entry id): the one of its id, else
    an entry of its rule whose quotes it all still quotes, in the same articles, else in any
    (a moved or renamed file). An id names the claim and the figures of each side, so it moves
    when a story gains an article that joins a side, when the claimant's name is read from
    another article, or when a file moves: the contradiction accepted is still the one quoted.
    Not when the finding is more severe than the entry accepted, nor, in a check (`scope`: the
    drafts), when it quotes a draft the entry does not: a draft taking a side in a contradiction
    the archive already has is the draft's own finding. Each entry is matched once, the
    closest first (the most of the finding's quotes)."""
    out = {f.id: f.id for f in findings if f.id in baseline}
    free = {k for k in baseline if k not in out}
    scope = scope or set()
    for with_doc in (True, False):
        if not free:
            break
        # entries by rule and each quote of theirs, so a finding is compared with few
        index: dict[tuple[str, tuple[str, str, str]], list[str]] = {}
        quotes_of: dict[str, frozenset] = {}
        for k in sorted(free):
            quotes = quotes_of[k] = _quotes(baseline[k].get("mentions"), with_doc)
            for q in quotes:
                index.setdefault((str(baseline[k].get("rule")), q), []).append(k)
        for f in sorted(findings, key=lambda f: f.id):
            if f.id in out or f.status == "suppressed":
                continue
            drafted = {str(m.get("doc")) for m in f.mentions} & scope
            if drafted and not with_doc:
                continue  # a draft is no moved file
            mine = _quotes(f.mentions, with_doc)
            seen: set[str] = set()
            best = None
            for q in mine:
                for k in index.get((f.rule, q), ()):
                    if k in seen or k not in free:
                        continue
                    seen.add(k)
                    e = baseline[k]
                    if not quotes_of[k] <= mine or _RANK.get(f.severity, 2) < _RANK.get(str(e.get("severity")), 0):
                        continue
                    if drafted - _entry_docs(e):
                        continue
                    if best is None or (len(quotes_of[k]), k) > (len(quotes_of[best]), best):
                        best = k
            if best is not None:
                out[f.id] = best
                free.discard(best)
    return out


def apply_baseline(findings: list[Finding], baseline: dict[str, dict[str, Any]],
                   scope: set[str] | None = None) -> list[dict[str, Any]]:
    """Mark findings `baseline` or `new`; return the baseline entries that no longer occur.

    A finding is accepted by the entry `match_baseline` finds for it; under its own id the
    entry is then in `baseline` too (so its justification is found by the finding's id).
    A finding already `suppressed` by an inline comment stays so (it never fails a run
    either way). `scope`: only entries that quote one of these documents can be fixed
    (a check of some drafts cannot tell whether an archive-only finding still occurs).
    """
    matched = match_baseline(findings, baseline, scope)
    for f in findings:
        if f.id in matched:
            baseline.setdefault(f.id, baseline[matched[f.id]])
            if f.status != "suppressed":
                f.status = "baseline"
        elif f.status != "suppressed":
            f.status = "new"
    present = set(matched.values())
    return [{"id": k, "rule": v.get("rule"), "message": v.get("message")}
            for k, v in sorted(baseline.items())
            if k not in present and k not in matched and (scope is None or scope & _entry_docs(v))]


def _entry_docs(entry: dict[str, Any]) -> set[str]:
    mentions = entry.get("mentions")
    if not isinstance(mentions, list):
        return set()
    return {str(m["doc"]) for m in mentions if isinstance(m, dict) and "doc" in m}


@dataclass
class Refresh:
    """A baseline rewritten from a run: the new file's content and what became of the old entries."""

    document: dict[str, Any]
    kept: list[dict[str, Any]] = field(default_factory=list)  # not re-checked: a document they quote was not read
    dropped: list[dict[str, Any]] = field(default_factory=list)  # their finding is gone from documents that were read

    @property
    def justified_dropped(self) -> list[dict[str, Any]]:
        """Dropped entries an editor had written a justification for (work the caller must mention)."""
        return [e for e in self.dropped if str(e.get("justification") or "").strip()]


def refresh_baseline(findings: list[Finding], previous: dict[str, dict[str, Any]] | None = None,
                     read_docs: set[str] | None = None) -> Refresh:
    """The baseline of `findings`, with what `previous` held carried over or dropped.

    `read_docs`: the ids of the documents this run read, when some input could not be read
    (None: every input was read). An old entry whose finding did not occur is then kept as
    it was if it quotes a document outside `read_docs` (or names none): its finding was not
    checked again, and dropping it would lose the entry and its justification.
    """
    previous = previous or {}
    matched = match_baseline(findings, previous)
    previous = {**previous, **{f: previous[k] for f, k in matched.items()}}  # justifications by the new id
    found = set(matched.values())
    kept, dropped = [], []
    for k, entry in sorted(previous.items()):
        if k in found or k in matched:
            continue
        docs = _entry_docs(entry)
        if read_docs is not None and (not docs or not docs <= read_docs):
            kept.append(entry)
        else:
            dropped.append(entry)
    return Refresh(baseline_document(findings, previous, kept=kept), kept, dropped)


def baseline_document(findings: list[Finding], previous: dict[str, dict[str, Any]] | None = None,
                      kept: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The reviewable baseline: one entry per finding, sorted by id, justifications kept.

    Each entry reads top to bottom as a reviewer needs it: the rule, the message, the
    quotes (document, line, figure, sentence) and the editor's `justification`. `kept`:
    earlier entries to carry over unchanged (see `refresh_baseline`).
    """
    previous = previous or {}
    entries = [dict(e) for e in kept or ()]
    for f in findings:
        entries.append({
            "id": f.id, "rule": f.rule, "severity": f.severity, "message": f.message,
            "mentions": [{"doc": m["doc"], "text": m["text"],
                          "sentence": " ".join(str(m.get("sentence") or "").split())}
                         for m in f.mentions],
            "justification": previous.get(f.id, {}).get("justification", ""),
        })
    entries.sort(key=lambda e: e["id"])
    return {"version": VERSION, "generated_by": "factcheck",
            "note": "Accepted findings: `factcheck scan --baseline FILE` fails only on findings not listed "
                    "here. Ids come from the claim and the figures, not from positions. Write why each "
                    "is accepted in its justification.",
            "findings": entries}


def baseline_text(doc: dict[str, Any]) -> str:
    """The file's bytes: indented JSON, one key order, a final newline (diff-friendly)."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
