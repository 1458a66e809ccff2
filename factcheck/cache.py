"""The analysis cache: archives read, extracted and attributed once, reused by content hash.

Two levels, both keyed by content, never by file times:

- **documents**: `analyse` (extract + attribute) depends only on a document's text,
  language, publication date and title, on the attribution lexicons of the rule set and
  on factcheck's own code; `doc_key` hashes exactly those, so an unchanged article is
  never analysed twice (`DocMemo`).
- **sources**: each input path (a corpus file or a folder) is stored as one *pack*: its
  documents, read errors and mention rows, keyed by a hash of the path's bytes. A warm
  run hashes the files, finds the pack, and reads from it only the rows it needs: rows
  are stored in blocks by the first word of their claimant, the unit that grouping
  (`group.unify_actors`) compares, so a draft's claims pull in a few blocks of a
  25,000-article archive instead of all of it. When a source changed, it is read again
  and only its new or edited articles are analysed; the rest come from its previous pack.

The cache folder is safe to delete at any time (`factcheck cache clear`). Every file is
written to a temporary name and renamed into place, so two concurrent runs never see a
half-written entry; an entry that fails its checksums is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.claims import block_of
from factcheck.documents import Document, ReadError
from factcheck.ruleset import RuleSet

ENV = "FACTCHECK_CACHE_DIR"
FORMAT = 2
MAGIC = b"FCPACK1\n"
_PACKAGE = Path(__file__).resolve().parent
# Code that runs only on what comes out of the cache (grouping, rules, rendering, the
# command line): changing it leaves cached entries valid. Everything else is hashed.
_AFTER_CACHE = frozenset({
    "report", "claims", "cli.py", "output.py", "baseline.py", "config.py", "check.py", "findings.py", "kinds.py",
    "group.py", "table.py", "ruleset.py", "progress.py", "exitcodes.py", "__main__.py",
    "cache.py",  # its FORMAT number covers the layout of entries
})
_DOC_FIELDS = ("id", "lang", "date", "title", "url", "source", "encoding", "mentions", "lead")


class CacheError(Exception):
    """The cache folder cannot be used; str() names the folder and the reason."""


class CorruptEntry(Exception):
    """A cache entry failed its checks; it is deleted and rebuilt."""


# -- where ---------------------------------------------------------------------------


def user_cache_dir() -> Path:
    """The platform's per-user cache folder for factcheck (XDG on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "factcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "factcheck"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def resolve_cache_dir(option: str | None = None, configured: str | None = None) -> Path:
    """--cache-dir, else $FACTCHECK_CACHE_DIR, else the config file's cache-dir, else the user's."""
    for value in (option, os.environ.get(ENV), configured):
        if value:
            return Path(value).expanduser()
    return user_cache_dir()


# -- keys ----------------------------------------------------------------------------


@cache
def code_version() -> str:
    """factcheck's version and a hash of its code and data files: any change invalidates."""
    h = hashlib.sha256(f"factcheck {__version__} cache {FORMAT}\n".encode())
    for p in sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.glob("data/*.toml")]):
        rel = p.relative_to(_PACKAGE)
        if rel.parts[0] in _AFTER_CACHE or rel.name in _AFTER_CACHE:
            continue
        h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(p.read_bytes() + b"\0")
    return h.hexdigest()[:24]


def analysis_version(ruleset: RuleSet) -> str:
    """What cached mentions depend on besides the document: code, data and the lexicons."""
    lex = json.dumps(ruleset.lexicons, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{code_version()}\n{lex}".encode()).hexdigest()[:24]


def doc_key(doc: Document, version: str) -> str:
    """Content hash of what `analyse` reads: text, language, date, title, locale (not the id)."""
    parts = [version, doc.lang, doc.date.isoformat() if doc.date else None, doc.title, doc.text]
    if doc.locale:  # (appended only when set: keys of documents without one stay as they were)
        parts.append(doc.locale)
    blob = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class DocMemo:
    """`analyse` results by document content: known ones are reused, new ones recorded."""

    def __init__(self, version: str, known: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.version = version
        self.known = known or {}
        self.keys: list[str] = []  # of every document analysed through this memo, in order
        self.hits = self.misses = 0

    def lookup(self, doc: Document) -> tuple[str, list[dict[str, Any]] | None]:
        """The document's content key and its known rows (None when it must be analysed)."""
        key = doc_key(doc, self.version)
        rows = self.known.get(key)
        if rows is None:
            rows = self._load(key)
        return key, None if rows is None else [dict(r, doc=doc.id) for r in rows]

    def _load(self, key: str) -> list[dict[str, Any]] | None:
        """Rows stored elsewhere (on disk in DiskMemo); None here."""
        return None

    def hit(self, key: str) -> None:
        """A document whose rows came from `lookup` joins the run."""
        self.hits += 1
        self.keys.append(key)

    def record(self, key: str, rows: list[dict[str, Any]]) -> None:
        """A document analysed in this run (here or in a worker process) joins the run."""
        self.misses += 1
        self.known[key] = rows
        self.keys.append(key)

    def analyse(self, doc: Document, lex: Any) -> list[dict[str, Any]]:
        from factcheck.pipeline import analyse

        key, rows = self.lookup(doc)
        if rows is not None:
            self.hit(key)
            return rows
        rows = analyse(doc, lex)  # may raise: then this document is not recorded at all
        self.record(key, rows)
        return rows


class DiskMemo(DocMemo):
    """A DocMemo whose entries are also kept on disk, one small file per document.

    For drafts: a check run again on an unchanged draft (a CI re-run, a second commit
    attempt) analyses nothing. Entries unused for `max_age_days` are pruned.
    """

    def __init__(self, version: str, folder: Path | None, max_age_days: int = 30) -> None:
        super().__init__(version)
        self.folder, self.max_age = folder, max_age_days * 86400
        self.new: dict[str, list[dict[str, Any]]] = {}
        self.warnings: list[str] = []

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json.z"

    def _load(self, key: str) -> list[dict[str, Any]] | None:
        if self.folder is not None:
            try:
                p = self._path(key)
                data = json.loads(zlib.decompress(p.read_bytes()).decode("utf-8"))
                if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("rows"), list):
                    self.known[key] = data["rows"]
                    with contextlib.suppress(OSError):
                        os.utime(p)  # recently used: kept by the pruning
            except FileNotFoundError:
                pass
            except (OSError, zlib.error, ValueError, UnicodeDecodeError):
                with contextlib.suppress(OSError):  # corrupt or unreadable: analysed again below
                    self._path(key).unlink(missing_ok=True)
        return self.known.get(key)

    def record(self, key: str, rows: list[dict[str, Any]]) -> None:
        super().record(key, rows)
        self.new[key] = rows

    def save(self) -> None:
        """Write the documents analysed in this run; prune entries not used for a while."""
        if self.folder is None or not self.new:
            return
        try:
            for key, rows in self.new.items():
                p = self._path(key)
                p.parent.mkdir(parents=True, exist_ok=True)
                _atomic(p, _encode({"key": key, "rows": rows}))
            self.new.clear()
            cutoff = time.time() - self.max_age
            for p in self.folder.glob("*/*.json.z"):
                with contextlib.suppress(OSError):
                    if p.stat().st_mtime < cutoff:
                        p.unlink()
        except OSError as ex:
            self.warnings.append(f"cannot write to the cache {self.folder}: {ex.strerror or ex}")


# -- packs ---------------------------------------------------------------------------


def _encode(obj: Any) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _columns(rows: list[dict[str, Any]]) -> dict[str, Any]:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    names = list(cols)
    return {"cols": names, "rows": [[r.get(c) for c in names] for r in rows]}


def _uncolumn(seg: dict[str, Any]) -> list[dict[str, Any]]:
    names = seg["cols"]
    return [dict(zip(names, values, strict=True)) for values in seg["rows"]]


@dataclass
class Pack:
    """One source, read and analysed: documents, read errors, and mention rows by block.

    Rows carry `_i` (index of their document in `docs()`) and `_n` (order in the source).
    A pack loaded from disk checks and decodes a block only when it is asked for; a block
    that fails its checksum raises CorruptEntry, and the caller rebuilds the pack.
    """

    key: str
    documents: int
    mentions: int
    blocks: dict[str, int]  # block → rows in it
    _raw: dict[str, bytes] = field(default_factory=dict, repr=False)
    _decoded: dict[str, Any] = field(default_factory=dict, repr=False)
    _digests: dict[str, str] = field(default_factory=dict, repr=False)  # checked when a segment is read

    def _segment(self, name: str) -> Any:
        if name not in self._decoded:
            raw = self._raw.get(name)
            if raw is None:
                return None
            if name in self._digests and _digest(raw) != self._digests[name]:
                raise CorruptEntry(f"segment {name!r} fails its checksum")
            try:
                self._decoded[name] = json.loads(zlib.decompress(raw).decode("utf-8"))
            except (zlib.error, UnicodeDecodeError, ValueError) as ex:
                raise CorruptEntry(f"segment {name!r}: {ex}") from None
        return self._decoded[name]

    def docs(self) -> list[Any]:
        """The documents as `pipeline.DocInfo`, in source order."""
        from factcheck.pipeline import DocInfo
        from factcheck.suppress import Region

        seg = self._segment("docs")
        out = []
        for values in seg["rows"]:
            d = dict(zip(seg["cols"], values, strict=True))
            out.append(DocInfo(*(d[k] for k in _DOC_FIELDS if k != "lead"), lead=d["lead"],
                               suppress=[Region.from_list(r) for r in d["suppress"]]))
        return out

    def doc_keys(self) -> list[str]:
        seg = self._segment("docs")
        at = seg["cols"].index("key")
        return [values[at] for values in seg["rows"]]

    def errors(self) -> list[ReadError]:
        return [ReadError(s, r) for s, r in self._segment("errors")]

    def rows(self, blocks: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Rows of the given blocks (all when None), in source order."""
        names = list(self.blocks) if blocks is None else [b for b in set(blocks) if b in self.blocks]
        out: list[dict[str, Any]] = []
        for b in names:
            out.extend(_uncolumn(self._segment("rows:" + b)))
        out.sort(key=lambda r: r["_n"])
        return out

    def memo_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Each document's rows by its content key: what a rebuild may reuse."""
        keys = self.doc_keys()
        by_doc: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
        for r in self.rows():
            i = r.pop("_i")
            r.pop("_n", None)
            by_doc[keys[i]].append(r)
        return by_doc

    # -- bytes ---------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        names = sorted(self._raw)
        offsets, at = {}, 0
        for n in names:
            offsets[n] = [at, len(self._raw[n]), _digest(self._raw[n])]
            at += len(self._raw[n])
        header = {"format": FORMAT, "key": self.key, "documents": self.documents,
                  "mentions": self.mentions, "blocks": self.blocks, "segments": offsets}
        return MAGIC + json.dumps(header, separators=(",", ":")).encode("utf-8") + b"\n" + b"".join(
            self._raw[n] for n in names)

    @classmethod
    def from_bytes(cls, data: bytes, key: str) -> Pack:
        if not data.startswith(MAGIC):
            raise CorruptEntry("not a factcheck cache pack")
        nl = data.find(b"\n", len(MAGIC))
        try:
            header = json.loads(data[len(MAGIC):nl])
            if header["format"] != FORMAT or header["key"] != key:
                raise CorruptEntry("written for another key or format")
            body = memoryview(data)[nl + 1:]
            segments = header["segments"]
            if len(body) != sum(size for _, size, _ in segments.values()):
                raise CorruptEntry("truncated or padded")
            raw = {name: bytes(body[off:off + size]) for name, (off, size, _) in segments.items()}
            digests = {name: str(digest) for name, (_, _, digest) in segments.items()}
            pack = cls(key, int(header["documents"]), int(header["mentions"]), dict(header["blocks"]), raw,
                       _digests=digests)
        except (ValueError, KeyError, TypeError) as ex:
            raise CorruptEntry(f"unreadable header ({ex})") from None
        if "docs" not in raw or "errors" not in raw:
            raise CorruptEntry("segments missing")
        pack._segment("errors")  # small and always read: a broken entry shows at once
        return pack

    @classmethod
    def build(cls, key: str, docs: list[Any], doc_keys: list[str], rows: list[dict[str, Any]],
              errors: list[ReadError]) -> Pack:
        """A pack from what `pipeline.gather` returned (rows of all documents, in order)."""
        by_block: dict[str, list[dict[str, Any]]] = {}
        n = 0
        for i, d in enumerate(docs):  # rows come in document order, d.mentions of each
            for r in rows[n:n + d.mentions]:
                by_block.setdefault(block_of(r.get("actor")), []).append(dict(r, _i=i, _n=n))
                n += 1
        if n != len(rows):
            raise ValueError("rows do not match the documents' mention counts")
        doc_seg = {"cols": [*_DOC_FIELDS, "key", "suppress"],
                   "rows": [[*(getattr(d, k) for k in _DOC_FIELDS), k, [s.as_list() for s in d.suppress]]
                            for d, k in zip(docs, doc_keys, strict=True)]}
        raw = {"docs": _encode(doc_seg), "errors": _encode([[e.source, e.reason] for e in errors])}
        decoded: dict[str, Any] = {"docs": doc_seg, "errors": [[e.source, e.reason] for e in errors]}
        for b, block_rows in by_block.items():
            seg = _columns(block_rows)
            raw["rows:" + b] = _encode(seg)
            decoded["rows:" + b] = seg
        return cls(key, len(docs), len(rows), {b: len(v) for b, v in sorted(by_block.items())}, raw, decoded)


# -- sources -------------------------------------------------------------------------


def _file_digest(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def source_digest(path: str) -> str | None:
    """Hash of everything `read.iter_inputs([path])` would read; None when it is not a path."""
    from factcheck.read import _walk

    if path == "-":
        return None
    try:
        if os.path.isdir(path):
            h = hashlib.sha256(b"folder\n")
            for rel, full, error in sorted(_walk(path), key=lambda item: item[0]):
                try:
                    what = error.reason if error is not None else _file_digest(full)
                except OSError as ex:
                    what = f"unreadable: {ex.strerror or ex}"
                h.update(f"{rel}\0{what}\n".encode("utf-8", "surrogateescape"))
            return h.hexdigest()
        if os.path.isfile(path):
            return "file:" + _file_digest(path)
    except OSError:
        return None
    return None


@dataclass
class Stats:
    packs_loaded: int = 0
    packs_built: int = 0
    packs_rebuilt: int = 0  # corrupt entries found and replaced
    docs_reused: int = 0
    docs_analysed: int = 0


class Cache:
    """Packs on disk under `root` (None: build in memory only, write nothing)."""

    def __init__(self, root: str | os.PathLike[str] | None) -> None:
        self.root = Path(root) if root is not None else None
        self.stats = Stats()
        self.warnings: list[str] = []

    # -- layout --------------------------------------------------------------------
    def _pack_path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / f"v{FORMAT}" / "packs" / key[:2] / f"{key}.pack"

    def _index_path(self, path: str, lang: str | None) -> Path:
        assert self.root is not None
        ident = hashlib.sha256(json.dumps([os.path.realpath(path), lang]).encode()).hexdigest()[:32]
        return self.root / f"v{FORMAT}" / "sources" / f"{ident}.json"

    def _write(self, target: Path, data: bytes) -> None:
        assert self.root is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            _atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                         b"# factcheck's cache (safe to delete: `factcheck cache clear`).\n")
        _atomic(target, data)

    # -- packs ---------------------------------------------------------------------
    def load(self, key: str) -> Pack | None:
        """The pack stored under `key`; None when absent or corrupt (then deleted)."""
        if self.root is None:
            return None
        p = self._pack_path(key)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as ex:
            self.warnings.append(f"cannot read cache entry {p}: {ex.strerror or ex}")
            return None
        try:
            pack = Pack.from_bytes(data, key)
        except CorruptEntry as ex:
            self.discard(key, f"corrupt ({ex})")
            return None
        self.stats.packs_loaded += 1
        return pack

    def discard(self, key: str, why: str) -> None:
        if self.root is None:
            return
        p = self._pack_path(key)
        self.warnings.append(f"cache entry {p} {why}: rebuilt")
        self.stats.packs_rebuilt += 1
        p.unlink(missing_ok=True)

    def pack(self, path: str, ruleset: RuleSet, *, lang: str | None = None, progress: Any = None,
             refresh: bool = False, jobs: int = 1) -> Pack:
        """The pack of one input path: from the cache when its content is unchanged."""
        version = analysis_version(ruleset)
        digest = source_digest(path)
        key = hashlib.sha256(json.dumps([FORMAT, version, path, lang, digest]).encode()).hexdigest()[:40]
        if digest is not None and not refresh:
            found = self.load(key)
            if found is not None:
                return found
        previous = self._previous(path, lang, version) if digest is not None else None
        memo = DocMemo(version, previous.memo_rows() if previous is not None else None)
        pack = self._build(key, path, ruleset, lang, progress, memo, jobs)
        self.stats.packs_built += 1
        self.stats.docs_reused += memo.hits
        self.stats.docs_analysed += memo.misses
        if digest is not None and self.root is not None:
            try:
                self._write(self._pack_path(key), pack.to_bytes())
                index = self._index_path(path, lang)
                self._write(index, json.dumps({"pack": key, "version": version, "path": path}).encode())
                if previous is not None and previous.key != key:
                    self._pack_path(previous.key).unlink(missing_ok=True)
            except OSError as ex:
                self.warnings.append(f"cannot write to the cache {self.root}: {ex.strerror or ex}")
        return pack

    def doc_memo(self, ruleset: RuleSet) -> DiskMemo:
        """Per-document analyses kept on disk (in memory only without a cache folder)."""
        folder = self.root / f"v{FORMAT}" / "docs" if self.root is not None else None
        return DiskMemo(analysis_version(ruleset), folder)

    def rows(self, pack: Pack, path: str, ruleset: RuleSet, *, lang: str | None = None,
             blocks: Iterable[str] | None = None) -> tuple[Pack, list[dict[str, Any]]]:
        """`pack.rows(blocks)`; a block that turns out corrupt gets the pack rebuilt once."""
        try:
            return pack, pack.rows(blocks)
        except CorruptEntry as ex:
            self.discard(pack.key, f"corrupt ({ex})")
            pack = self.pack(path, ruleset, lang=lang, refresh=True)
            return pack, pack.rows(blocks)

    def _previous(self, path: str, lang: str | None, version: str) -> Pack | None:
        """The last pack built for this path with this code, to reuse its unchanged documents."""
        if self.root is None:
            return None
        try:
            entry = json.loads(self._index_path(path, lang).read_text(encoding="utf-8"))
            if entry.get("version") != version:
                return None
            pack = self.load(str(entry["pack"]))
            if pack is not None:
                pack.memo_rows()  # decode now: a corrupt block means no reuse, not a crash
            return pack
        except (OSError, ValueError, KeyError, TypeError, AttributeError, CorruptEntry):
            return None

    def _build(self, key: str, path: str, ruleset: RuleSet, lang: str | None, progress: Any,
               memo: DocMemo, jobs: int = 1) -> Pack:
        from factcheck.pipeline import gather
        from factcheck.read import iter_inputs

        docs, rows, errors = gather(iter_inputs([path], lang=lang), ruleset, progress, memo=memo, jobs=jobs)
        return Pack.build(key, docs, memo.keys, rows, errors)

    def clear(self) -> int:
        """Delete every entry; the number of files removed."""
        if self.root is None or not self.root.exists():
            return 0
        if not (self.root / "CACHEDIR.TAG").exists() and not (self.root / f"v{FORMAT}").exists():
            raise CacheError(f"{self.root}: not a factcheck cache folder (no CACHEDIR.TAG); not deleting it")
        n = 0
        for p in sorted(self.root.rglob("*"), reverse=True):
            if p.is_file() or p.is_symlink():
                p.unlink(missing_ok=True)
                n += 1
            elif p.is_dir():
                with contextlib.suppress(OSError):
                    p.rmdir()
        return n

    def size(self) -> tuple[int, int]:
        """(files, bytes) under the cache folder."""
        if self.root is None or not self.root.exists():
            return 0, 0
        files = [p for p in self.root.rglob("*") if p.is_file()]
        return len(files), sum(p.stat().st_size for p in files)


def _atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename: readers see all or nothing."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
