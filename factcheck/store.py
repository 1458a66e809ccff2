"""The archive store: analysed documents, every figure and the last findings, in one SQLite file.

`<store folder>/archive.sqlite` (SQLite from the standard library, write-ahead log) holds:

- **analyses**: each document's analysis by content key (its lead and ignore regions), and
  **mentions**: every figure it states as one row with typed columns, indexed by content
  key and claimant and, where the SQLite build has FTS5, searchable by words of the
  claimant, metric and sentence;
- **sources**: every input path scanned (a folder or a corpus file), keyed by the path, the
  hash of its bytes and the versions of the code that read and analysed it, with its
  **documents** (id, title, date, language, ...) and read **errors** in input order;
- **images**: a source's rows column by column, for loading a whole archive at once (derived
  data, rebuilt from the mentions whenever it is missing);
- **findings** and **stories**: what the last scan of each source found, with the figures
  each finding quotes, and the story each document was linked to;
- **results**: the claims stage's last few results (findings and stories, compressed JSON),
  keyed by a hash of everything they depend on: the listings of the sources scanned, the
  rules and decision, and the claims code. A second scan of unchanged inputs reads them.

The store runs no analysis and imports no other part of factcheck: `refresh` is handed a
build function that yields a source's documents in order, each with its analysis or, when
`known` says the store has it, without. Every change is one transaction: a killed run
leaves the last complete state (analyses it committed stay, keyed by content, and are
reused), and two runs writing at once wait for each other's short transactions. A file
that is not a SQLite database of this store, or is truncated or corrupt, is reported by
path and rebuilt (`StoreCorrupt`, `rebuild`); it is a cache: deleting it loses nothing.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import secrets
import shutil
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any

import numpy as np

FILE_NAME = "archive.sqlite"
FORMAT = 4  # of the tables below: another number and the file is rebuilt
APPLICATION_ID = 0x46436B31  # "FCk1", in the header of every store file
BUSY_SECONDS = 120.0  # how long a writer waits for another run's transaction
BATCH = 256  # documents' analyses per write transaction
KEEP_RESULTS = 3  # claims-stage results kept (one per set of inputs and rules scanned lately)
KEEP_UNUSED_DAYS = 30  # analyses no source lists (drafts, edited articles' old text)
DOC_FIELDS = ("id", "lang", "date", "title", "url", "file", "encoding", "locale", "outlet", "line")
OLD_CACHE = "v2"  # the folder of the file cache that this store replaces
TAG = b"Signature: 8a477f597d28d172789f06886806bc55\n# factcheck's archive store (a cache: `factcheck cache clear`).\n"
_COLUMN = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_SEARCHED = ("actor", "metric", "sentence")  # the words a figure is found by
_FOLDED_TEXT = "lower(coalesce(m.actor, '') || ' ' || coalesce(m.metric, '') || ' ' || coalesce(m.sentence, ''))"

_SCHEMA = [
    "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE analyses(key TEXT PRIMARY KEY, version TEXT NOT NULL, mentions INTEGER NOT NULL,
       lead TEXT, regions TEXT, used REAL NOT NULL)""",
    "CREATE INDEX analyses_version ON analyses(version)",
    """CREATE TABLE mentions(_id INTEGER PRIMARY KEY, _key TEXT NOT NULL, _i INTEGER NOT NULL,
       actor, metric, sentence)""",
    "CREATE UNIQUE INDEX mentions_key ON mentions(_key, _i)",
    "CREATE INDEX mentions_actor ON mentions(actor)",
    """CREATE TABLE sources(id INTEGER PRIMARY KEY, path TEXT NOT NULL, real TEXT NOT NULL, lang TEXT NOT NULL,
       digest TEXT NOT NULL, version TEXT NOT NULL, stamp TEXT NOT NULL, built REAL NOT NULL,
       documents INTEGER NOT NULL, mentions INTEGER NOT NULL, findings TEXT, UNIQUE(path, real, lang))""",
    f"""CREATE TABLE documents(source INTEGER NOT NULL, pos INTEGER NOT NULL, key TEXT NOT NULL,
       {", ".join(DOC_FIELDS)}, PRIMARY KEY(source, pos)) WITHOUT ROWID""",
    "CREATE INDEX documents_key ON documents(key)",
    "CREATE INDEX documents_id ON documents(id, source)",
    "CREATE TABLE errors(source INTEGER NOT NULL, pos INTEGER NOT NULL, path, reason, PRIMARY KEY(source, pos))",
    """CREATE TABLE images(source INTEGER NOT NULL, stamp TEXT NOT NULL, col TEXT NOT NULL, data BLOB NOT NULL,
       PRIMARY KEY(source, col))""",
    """CREATE TABLE findings(source INTEGER NOT NULL, id TEXT NOT NULL, rule TEXT, severity TEXT, message TEXT,
       PRIMARY KEY(source, id))""",
    """CREATE TABLE finding_mentions(source INTEGER NOT NULL, finding TEXT NOT NULL, doc, start INTEGER,
       "end" INTEGER)""",
    "CREATE INDEX finding_mentions_at ON finding_mentions(source, doc, start)",
    "CREATE TABLE stories(source INTEGER NOT NULL, doc, story TEXT, PRIMARY KEY(source, doc))",
    "CREATE TABLE results(key TEXT PRIMARY KEY, data BLOB NOT NULL, used REAL NOT NULL)",
]
_FTS = ("CREATE VIRTUAL TABLE mentions_fts USING fts5(actor, metric, sentence, content='mentions', "
        "content_rowid='_id', tokenize='porter unicode61 remove_diacritics 2')")


def _wal(db: sqlite3.Connection) -> None:
    """Switch a store file to write-ahead logging. SQLite answers a mode change that meets
    another run's lock with "database is locked" at once, without its busy handler (two runs
    creating one store), so wait here as a writer would."""
    deadline = time.monotonic() + BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as ex:
            if (getattr(ex, "sqlite_errorcode", 5) & 0xFF) != 5 or time.monotonic() > deadline:  # 5: SQLITE_BUSY
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


class StoreError(Exception):
    """The store cannot be used; str() names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


class StoreCorrupt(StoreError):
    """The store file is damaged or not a store: `Store.rebuild` starts a new one."""


class StoreUnavailable(StoreError):
    """The store folder or file cannot be created, written or locked."""


class StaleSource(Exception):
    """A source's listing refers to analyses that are gone: it must be built again."""


@dataclass(frozen=True, slots=True)
class DocEntry:
    """One document of a source as the build function yields it: its content key, its
    fields (DOC_FIELDS) and its analysis ({"rows", "lead", "regions"}), None when known."""

    key: str
    record: dict[str, Any]
    analysis: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """An input of a source that could not be read or analysed."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """A stored source listing: what `refresh` wrote and `source` finds."""

    id: int
    path: str
    real: str
    lang: str
    digest: str
    version: str
    stamp: str  # changes with every listing written: images and findings name it
    built: float
    documents: int
    mentions: int


@dataclass(frozen=True, slots=True)
class StoredDoc:
    """A document of a listing, with what its analysis says of it."""

    id: str
    lang: str
    date: str | None
    title: str | None
    url: str | None
    file: str
    encoding: str
    locale: str | None
    outlet: str | None
    line: int | None  # a corpus record's line in `file` (None: the document is the whole file)
    key: str
    mentions: int
    lead: str
    regions: list[list[Any]]


@dataclass
class Stats:
    sources_loaded: int = 0
    sources_built: int = 0
    docs_reused: int = 0  # documents of built sources whose analysis was stored
    docs_analysed: int = 0  # documents whose analysis this run added
    rebuilt: int = 0  # damaged store files replaced


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """What the store keeps of a finding: enough to show it beside the figures it quotes."""

    id: str
    rule: str
    severity: str
    message: str
    mentions: tuple[tuple[str, int, int], ...] = ()  # (doc, start, end)


@dataclass
class Hit:
    """One figure found by `search`: its mention row, its document and source, the
    findings of the last scan that quote it and the story it linked the document to."""

    row: dict[str, Any]
    doc: StoredDoc
    source: SourceEntry
    findings: list[FindingRecord] = field(default_factory=list)
    story: str | None = None


# -- values --------------------------------------------------------------------------
# Text, whole numbers that fit 64 bits, finite floats and NULL are stored as they are;
# everything else (booleans, lists, NaN, ...) as the bytes of its JSON, so each value
# reads back as the same Python value and type.


_CONSTANTS = {True: b"true", False: b"false"}
_READ_BACK = {b"true": True, b"false": False}
_PLAIN = frozenset({str, int, float, type(None)})  # stored as they are (but NaN, and ints past 64 bits)


def _json(v: Any) -> bytes:
    if type(v) is bool:
        return _CONSTANTS[v]
    return json.dumps(v, separators=(",", ":"), default=str).encode("ascii")


def _enc(v: Any) -> Any:
    t = type(v)
    if v is None or t is str:
        return v
    if t is int:
        return v if -(2**63) <= v < 2**63 else _json(v)
    if t is float:
        return v if v == v else _json(v)
    return _json(v)


def _enc_strict(v: Any) -> Any:
    """`_enc`, with text that UTF-8 cannot hold (lone surrogates) as JSON too."""
    if type(v) is str:
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return _json(v)
        return v
    return _enc(v)


def _dec(v: Any) -> Any:
    if type(v) is not bytes:
        return v
    known = _READ_BACK.get(v)
    return json.loads(v) if known is None else known


def _encode_columns(columns: list[list[Any]]) -> list[list[Any]]:
    """Columns of values as SQLite takes them: a column of plain values as it is (one
    pass over its types, not a call per value), others value by value with `_enc`."""
    out = []
    for col in columns:
        types = set(map(type, col))
        if types <= _PLAIN and not (float in types and any(v != v for v in col if type(v) is float)):
            out.append(col)
        elif types <= {bool, type(None)}:
            out.append([None if v is None else _CONSTANTS[v] for v in col])
        else:
            out.append(list(map(_enc, col)))
    return out


def _decode_column_values(col: tuple[Any, ...] | list[Any]) -> list[Any] | tuple[Any, ...]:
    return list(map(_dec, col)) if bytes in set(map(type, col)) else col


def _regions(text: str | None) -> list[Any]:
    return [] if text is None or text == "[]" else json.loads(text)


_DOC_COLS = ", ".join(f"d.{f}" for f in (*DOC_FIELDS, "key"))
# a row of `SELECT {_DOC_COLS}, a.mentions, a.lead, a.regions`: where each part stands, read
# from DOC_FIELDS so that a new document field moves them all
_MENTIONS = len(DOC_FIELDS) + 1
_REGIONS = _MENTIONS + 2


def _stored_doc(r: Sequence[Any]) -> StoredDoc:
    """A StoredDoc of a row `SELECT {_DOC_COLS}, a.mentions, a.lead, a.regions ...`."""
    if bytes in map(type, r):  # (rare: text that UTF-8 cannot hold)
        r = [_dec(v) for v in r[:_REGIONS]] + [r[_REGIONS]]
    return StoredDoc(*r[:_REGIONS], _regions(r[_REGIONS]))


def _executemany(db: sqlite3.Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """executemany, retried value by value with `_enc_strict` when some text is not UTF-8
    or some whole number does not fit 64 bits."""
    try:
        db.executemany(sql, rows)
    except (UnicodeEncodeError, OverflowError):
        db.executemany(sql, [tuple(_enc_strict(_dec(v)) for v in r) for r in rows])


# -- images: a source's rows column by column -----------------------------------------


def _encode_column(values: list[Any]) -> bytes:
    """A column as compressed bytes: its distinct values (JSON) and a code per row. Lists
    and other unhashable values are told apart by their JSON; they read back as fresh
    objects per row (`M`), never one object shared by rows."""
    types = set(map(type, values))
    numeric = types & {bool, int, float}
    if not types - _PLAIN - {bool} and len(numeric) <= 1:  # no two types whose values compare equal: plain keys
        first = dict.fromkeys(values)
        index = dict(zip(first, range(len(first)), strict=True))
        head = _json(list(first))
        codes = np.fromiter(map(index.__getitem__, values), dtype=np.int32, count=len(values))
        return b"D" + zlib.compress(len(head).to_bytes(4, "big") + head + codes.tobytes(), 1)
    index: dict[tuple[type, Any], int] = {}
    uniques: list[Any] = []
    codes: list[int] = []
    mutable = False
    for v in values:
        try:
            k: tuple[type, Any] = (type(v), v)
            c = index.get(k)
        except TypeError:  # a list
            mutable = True
            k = (type(v), _json(v))
            c = index.get(k)
        if c is None:
            c = index[k] = len(uniques)
            uniques.append(v)
        codes.append(c)
    head = _json(uniques)
    return (b"M" if mutable else b"D") + zlib.compress(
        len(head).to_bytes(4, "big") + head + np.asarray(codes, np.int32).tobytes(), 1)


def _decode_column(data: bytes, n: int) -> np.ndarray:
    body = zlib.decompress(data[1:])
    size = int.from_bytes(body[:4], "big")
    uniques = json.loads(body[4:4 + size])
    table = np.empty(len(uniques), dtype=object)
    if data[:1] == b"M":
        for i, u in enumerate(uniques):  # (a slice assignment would make lists dimensions)
            table[i] = u
    else:
        table[:] = uniques
    codes = np.frombuffer(body[4 + size:], dtype=np.int32)
    if len(codes) != n:
        raise ValueError(f"column of {len(codes)} rows, expected {n}")
    out = table[codes]
    if data[:1] == b"M":
        out = np.fromiter((copy.copy(v) if isinstance(v, (list, dict)) else v for v in out), dtype=object, count=n)
    return out


# -- the file ------------------------------------------------------------------------


def check_file(path: Path) -> tuple[str, bool] | None:
    """Why the file at `path` may not be a sound store, and whether that is certain; None
    when it may be one (or is absent, or empty: a new store).

    Cheap: the SQLite header against the file size, not an integrity check. A short file
    is only a suspicion (another run may be extending it right now): the caller confirms
    it with SQLite's own check. Damage elsewhere shows when it is read, as StoreCorrupt.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return None
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return None
    except OSError as ex:
        return f"unreadable ({ex.strerror or ex})", True
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database", True
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if head[24:28] == head[92:96]:  # the page count in the header is valid
        pages = int.from_bytes(head[28:32], "big")
        if size < pages * page:
            return f"truncated ({size:,} of {pages * page:,} bytes)", False
    return None


def _guard(method: Callable[..., Any]) -> Callable[..., Any]:
    """SQLite errors out of a public method become StoreCorrupt or StoreUnavailable."""

    @wraps(method)
    def inner(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as ex:
            raise self._failure(ex) from None
        except (ValueError, zlib.error, json.JSONDecodeError) as ex:
            if isinstance(ex, ValueError) and "closed" in str(ex):
                raise
            raise StoreCorrupt(self.path, f"unreadable entry ({ex})") from None

    return inner


class Store:
    """The store in `folder` (created on first use), or in memory when `folder` is None."""

    def __init__(self, folder: str | os.PathLike[str] | None, *, search: bool = True) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.path: Path | str = self.folder / FILE_NAME if self.folder is not None else ":memory:"
        self.stats = Stats()
        self.warnings: list[str] = []
        self._search = search
        self._db: sqlite3.Connection | None = None
        self._cols: list[str] = []
        self.fts = False

    @property
    def in_memory(self) -> bool:
        return self.folder is None

    # -- connection ----------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._connect()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        suspect = None
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tag = self.folder / "CACHEDIR.TAG"
                if not tag.exists():
                    tag.write_bytes(TAG)
                elif (self.folder / OLD_CACHE).is_dir() and not Path(self.path).exists():
                    shutil.rmtree(self.folder / OLD_CACHE, ignore_errors=True)  # the file cache of earlier versions
            except OSError as ex:
                raise StoreUnavailable(self.folder, ex.strerror or str(ex)) from None
            suspect = check_file(Path(self.path))
            if suspect is not None and suspect[1]:
                raise StoreCorrupt(self.path, suspect[0])
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as ex:
            raise self._failure(ex) from None
        try:
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
            if suspect is not None:  # short: SQLite's own check decides
                try:
                    sound = db.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
                except sqlite3.DatabaseError:
                    sound = False
                if not sound:
                    raise StoreCorrupt(self.path, suspect[0])
            if self.folder is not None:
                _wal(db)
                db.execute("PRAGMA synchronous = NORMAL")
            self._prepare(db)
        except sqlite3.Error as ex:
            db.close()
            raise self._failure(ex) from None
        except StoreError:
            db.close()
            raise
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Create the tables in a new file; empty a store of another format first; refuse
        another application's database."""
        def state() -> tuple[int, int]:
            return (db.execute("PRAGMA user_version").fetchone()[0], db.execute("PRAGMA application_id").fetchone()[0])

        if state() != (FORMAT, APPLICATION_ID):
            db.execute("BEGIN IMMEDIATE")  # the state again, under the lock: another run may be creating it
            try:
                version, app = state()
                names = [r[0] for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")]
                if app not in (0, APPLICATION_ID) or (app == 0 and names):
                    raise StoreCorrupt(self.path, "not a factcheck store (another application's SQLite database)")
                if (version, app) != (FORMAT, APPLICATION_ID):
                    for name in names:
                        if not name.startswith("mentions_fts_"):  # (dropped with their table)
                            db.execute(f'DROP TABLE IF EXISTS "{name}"')
                    for stmt in _SCHEMA:
                        db.execute(stmt)
                    if self._search:
                        with contextlib.suppress(sqlite3.OperationalError):  # a build without FTS5
                            db.execute(_FTS)
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {FORMAT}")
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        self.fts = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions_fts'").fetchone() is not None
        self._cols = self._read_columns(db)

    @staticmethod
    def _read_columns(db: sqlite3.Connection) -> list[str]:
        return [r[1] for r in db.execute("PRAGMA table_info(mentions)") if not r[1].startswith("_")]

    def _failure(self, ex: sqlite3.Error) -> StoreError:
        code = getattr(ex, "sqlite_errorcode", None)
        corrupt = (code is not None and code & 0xFF in (11, 26)) or (
            isinstance(ex, sqlite3.DatabaseError) and not isinstance(ex, sqlite3.OperationalError))
        return (StoreCorrupt if corrupt else StoreUnavailable)(self.path, str(ex))

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def rebuild(self, why: StoreError | str) -> None:
        """Replace a damaged store file with an empty store (and say so in `warnings`)."""
        reason = why.reason if isinstance(why, StoreError) else why
        self.close()
        if self.folder is not None:
            self.warnings.append(f"the store {self.path} was unusable ({reason}); rebuilt it")
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")
        self.stats.rebuilt += 1

    def fall_back(self, why: StoreError) -> None:
        """Go on in memory when the store file cannot be used (and say so in `warnings`)."""
        if self.folder is not None:
            self.warnings.append(f"cannot write to the cache {self.folder}: {why.reason}; "
                                 "this run keeps its analyses in memory")
        self.close()
        self.folder, self.path = None, ":memory:"

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One snapshot for several statements: a run writing meanwhile is not half seen."""
        db = self.db
        db.execute("BEGIN")
        try:
            yield db
        finally:
            if db.in_transaction:
                db.execute("COMMIT")

    # -- analyses ------------------------------------------------------------------
    @_guard
    def known(self, key: str) -> bool:
        """Whether the analysis of this content key is stored."""
        return self.db.execute("SELECT 1 FROM analyses WHERE key = ?", (key,)).fetchone() is not None

    @_guard
    def put(self, entries: Sequence[DocEntry], version: str) -> int:
        """Store the analyses of `entries` (those another run stored meanwhile are skipped);
        how many were new."""
        todo = [e for e in entries if e.analysis is not None]
        if not todo:
            return 0
        now = time.time()
        with self._write() as db:
            self._ensure_columns(db, {k for e in todo for r in e.analysis["rows"] for k in r})  # type: ignore[index]
            cols = self._cols
            first = db.execute("SELECT coalesce(max(_id), 0) FROM mentions").fetchone()[0]
            new_rows: list[dict[str, Any]] = []
            keys: list[tuple[str, int]] = []
            added = 0
            for e in todo:
                a = e.analysis
                assert a is not None
                head = (e.key, version, len(a["rows"]), a["lead"], json.dumps(a["regions"]), now)
                try:
                    cur = db.execute("INSERT OR IGNORE INTO analyses VALUES (?, ?, ?, ?, ?, ?)", head)
                except UnicodeEncodeError:
                    cur = db.execute("INSERT OR IGNORE INTO analyses VALUES (?, ?, ?, ?, ?, ?)",
                                     tuple(_enc_strict(v) for v in head))
                if cur.rowcount != 1:
                    continue
                added += 1
                new_rows.extend(a["rows"])
                keys.extend((e.key, i) for i in range(len(a["rows"])))
            columns = _encode_columns([[k for k, _ in keys], [i for _, i in keys],
                                       *([r.get(c) for r in new_rows] for c in cols)])
            rows = list(zip(*columns, strict=True)) if new_rows else []
            names = ", ".join(f'"{c}"' for c in cols)
            _executemany(db, f"INSERT INTO mentions(_key, _i, {names}) VALUES ({', '.join('?' * (len(cols) + 2))})",
                         rows)
            if self.fts:
                db.execute("INSERT INTO mentions_fts(rowid, actor, metric, sentence) "
                           "SELECT _id, actor, metric, sentence FROM mentions WHERE _id > ?", (first,))
        self.stats.docs_analysed += added
        return added

    def _ensure_columns(self, db: sqlite3.Connection, names: Iterable[str]) -> None:
        self._cols = self._read_columns(db)  # another run may have added some
        have = set(self._cols)
        for name in sorted(set(names) - have):
            if _COLUMN.match(name):  # (keys starting with "_" are private to the pipeline)
                db.execute(f'ALTER TABLE mentions ADD COLUMN "{name}"')
                self._cols.append(name)

    @_guard
    def analyses(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored analyses ({"rows", "lead", "regions"}) of those keys that are stored."""
        out: dict[str, dict[str, Any]] = {}
        keys = list(dict.fromkeys(keys))
        if not keys:
            return out
        now = time.time()
        with self._read() as db:
            cols = self._read_columns(db)
            names = ", ".join(f'"{c}"' for c in cols)
            for key in keys:
                head = db.execute("SELECT lead, regions FROM analyses WHERE key = ?", (key,)).fetchone()
                if head is None:
                    continue
                rows = []
                for values in db.execute(f"SELECT {names} FROM mentions WHERE _key = ? ORDER BY _i", (key,)):
                    rows.append({c: _dec(v) for c, v in zip(cols, values, strict=True)})
                out[key] = {"rows": rows, "lead": _dec(head[0]), "regions": _regions(head[1])}
        if out and not self.in_memory:
            with contextlib.suppress(sqlite3.OperationalError), self._write() as db:  # kept by the pruning
                db.executemany("UPDATE analyses SET used = ? WHERE key = ?", [(now, k) for k in out])
        return out

    # -- sources -------------------------------------------------------------------
    def _entry(self, row: Sequence[Any]) -> SourceEntry:
        return SourceEntry(*row)

    _SOURCE_COLS = "id, path, real, lang, digest, version, stamp, built, documents, mentions"

    @_guard
    def source(self, path: str, real: str, lang: str | None, digest: str, version: str) -> SourceEntry | None:
        """The stored listing of a source, if it was built from these bytes by this code."""
        row = self.db.execute(f"SELECT {self._SOURCE_COLS} FROM sources WHERE path = ? AND real = ? AND lang = ?"
                              " AND digest = ? AND version = ?", (path, real, lang or "", digest, version)).fetchone()
        return self._entry(row) if row else None

    @_guard
    def sources(self) -> list[SourceEntry]:
        """Every stored source, most recently built first."""
        rows = self.db.execute(f"SELECT {self._SOURCE_COLS} FROM sources ORDER BY built DESC, id").fetchall()
        return [self._entry(r) for r in rows]

    @_guard
    def refresh(self, path: str, real: str, lang: str | None, digest: str, version: str, analysis_version: str,
                build: Callable[[Callable[[str], bool]], Iterable[DocEntry | ErrorEntry]]) -> SourceEntry:
        """Build a source's listing anew: `build(known)` yields its documents and errors in
        order; new analyses are stored in batches as they come, the listing in one
        transaction at the end (replacing the previous one)."""
        docs: list[DocEntry] = []
        errors: list[ErrorEntry] = []
        batch: list[DocEntry] = []
        for e in build(self.known):
            if isinstance(e, ErrorEntry):
                errors.append(e)
                continue
            docs.append(e)
            if e.analysis is not None:
                batch.append(e)
                if len(batch) >= BATCH:
                    self.put(batch, analysis_version)
                    batch = []
            else:
                self.stats.docs_reused += 1
        self.put(batch, analysis_version)
        stamp = secrets.token_hex(8)
        now = time.time()
        with self._write() as db:
            lang = lang or ""
            row = db.execute("SELECT id FROM sources WHERE path = ? AND real = ? AND lang = ?",
                             (path, real, lang)).fetchone()
            if row is None:
                sid = db.execute("INSERT INTO sources(path, real, lang, digest, version, stamp, built, documents,"
                                 " mentions) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)",
                                 (path, real, lang, digest, version, stamp, now)).lastrowid
            else:
                sid = row[0]
                for table in ("documents", "errors", "images", "findings", "finding_mentions", "stories"):
                    db.execute(f"DELETE FROM {table} WHERE source = ?", (sid,))
            _executemany(db, f"INSERT INTO documents(source, pos, key, {', '.join(DOC_FIELDS)})"
                         f" VALUES ({', '.join('?' * (len(DOC_FIELDS) + 3))})",
                         [(sid, i, d.key, *(_enc(d.record.get(f)) for f in DOC_FIELDS)) for i, d in enumerate(docs)])
            _executemany(db, "INSERT INTO errors VALUES (?, ?, ?, ?)",
                         [(sid, i, e.source, e.reason) for i, e in enumerate(errors)])
            mentions = db.execute("SELECT coalesce(sum(a.mentions), 0) FROM documents d JOIN analyses a"
                                  " ON a.key = d.key WHERE d.source = ?", (sid,)).fetchone()[0]
            db.execute("UPDATE sources SET digest = ?, version = ?, stamp = ?, built = ?, documents = ?, mentions = ?,"
                       " findings = NULL WHERE id = ?", (digest, version, stamp, now, len(docs), mentions, sid))
            self._prune(db, analysis_version)
        self.stats.sources_built += 1
        return SourceEntry(sid, path, real, lang, digest, version, stamp, now, len(docs), mentions)

    def _prune(self, db: sqlite3.Connection, version: str) -> None:
        """Drop analyses no source lists: at once when made by other code, else when unused
        for KEEP_UNUSED_DAYS (a draft checked again next week is not analysed again)."""
        cutoff = time.time() - KEEP_UNUSED_DAYS * 86400
        db.execute("CREATE TEMP TABLE IF NOT EXISTS gone(key TEXT PRIMARY KEY)")
        db.execute("DELETE FROM gone")
        db.execute("INSERT INTO gone SELECT key FROM analyses a WHERE (a.version != ? OR a.used < ?)"
                   " AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.key = a.key)", (version, cutoff))
        if db.execute("SELECT 1 FROM gone LIMIT 1").fetchone() is None:
            return
        if self.fts:
            db.execute("INSERT INTO mentions_fts(mentions_fts, rowid, actor, metric, sentence) SELECT 'delete',"
                       " _id, actor, metric, sentence FROM mentions WHERE _key IN (SELECT key FROM gone)")
        db.execute("DELETE FROM mentions WHERE _key IN (SELECT key FROM gone)")
        db.execute("DELETE FROM analyses WHERE key IN (SELECT key FROM gone)")

    @_guard
    def documents(self, source: SourceEntry) -> list[StoredDoc]:
        """The documents of a listing, in input order. StaleSource when an analysis is gone."""
        with self._read() as db:
            return self._documents(db, source)

    def _documents(self, db: sqlite3.Connection, source: SourceEntry) -> list[StoredDoc]:
        rows = db.execute(f"SELECT {_DOC_COLS}, a.mentions, a.lead, a.regions FROM documents d LEFT JOIN analyses a"
                          " ON a.key = d.key WHERE d.source = ? ORDER BY d.pos", (source.id,)).fetchall()
        if len(rows) != source.documents or any(r[_MENTIONS] is None for r in rows):
            raise StaleSource(source.path)
        return [_stored_doc(r) for r in rows]

    @_guard
    def errors(self, source: SourceEntry) -> list[tuple[str, str]]:
        return [(_dec(p), _dec(r)) for p, r in self.db.execute(
            "SELECT path, reason FROM errors WHERE source = ? ORDER BY pos", (source.id,))]

    @_guard
    def load(self, source: SourceEntry) -> tuple[list[StoredDoc], list[tuple[str, str]], dict[str, np.ndarray]]:
        """A whole listing: its documents, read errors and every mention row, column by
        column (object arrays; the `doc` column holds the listing's document ids)."""
        with self._read() as db:
            if db.execute("SELECT stamp FROM sources WHERE id = ?", (source.id,)).fetchone() != (source.stamp,):
                raise StaleSource(source.path)  # rebuilt by another run since `source` was read
            docs = self._documents(db, source)
            errors = [(_dec(p), _dec(r)) for p, r in db.execute(
                "SELECT path, reason FROM errors WHERE source = ? ORDER BY pos", (source.id,))]
            image = db.execute("SELECT col, data FROM images WHERE source = ? AND stamp = ?",
                               (source.id, source.stamp)).fetchall()
            columns = None
            if image:
                try:
                    columns = {col: _decode_column(data, source.mentions) for col, data in image}
                except (ValueError, zlib.error):  # derived data: made again from the mentions
                    columns = None
            fresh = columns is None
            if columns is None:
                columns = self._columns_from_rows(db, source)
        if fresh and not self.in_memory:
            self._save_image(source, columns)
        self.stats.sources_loaded += 1
        return docs, errors, columns

    def _columns_from_rows(self, db: sqlite3.Connection, source: SourceEntry) -> dict[str, np.ndarray]:
        cols = self._read_columns(db)
        names = ", ".join(f'm."{c}"' for c in cols)
        got = db.execute(f"SELECT d.id, {names} FROM documents d JOIN mentions m ON m._key = d.key"
                         " WHERE d.source = ? ORDER BY d.pos, m._i", (source.id,)).fetchall()
        if len(got) != source.mentions:
            raise StaleSource(source.path)
        out: dict[str, np.ndarray] = {}
        n = len(got)
        for c, col in zip(["doc", *cols], zip(*got, strict=True) if got else [() for _ in range(len(cols) + 1)],
                          strict=True):
            if c in out:  # (the rows' own doc column: the listing's ids come first)
                continue
            out[c] = np.fromiter(_decode_column_values(col), dtype=object, count=n)
        return out

    def _save_image(self, source: SourceEntry, columns: dict[str, np.ndarray]) -> None:
        encoded = [(c, _encode_column(list(v))) for c, v in columns.items()]
        with contextlib.suppress(sqlite3.OperationalError), self._write() as db:
            if db.execute("SELECT stamp FROM sources WHERE id = ?", (source.id,)).fetchone() == (source.stamp,):
                db.execute("DELETE FROM images WHERE source = ?", (source.id,))
                db.executemany("INSERT INTO images VALUES (?, ?, ?, ?)",
                               [(source.id, source.stamp, c, data) for c, data in encoded])

    @_guard
    def rows(self, sources: Sequence[SourceEntry], *, docs: Iterable[str] = (), actors: Iterable[str] = ()
             ) -> list[tuple[int, int, dict[str, Any]]]:
        """(source id, document position, row) of the mentions of the given document ids
        and of the given claimants, in listing order."""
        ids = json.dumps(sorted(set(docs)))
        names_in = json.dumps(sorted(a for a in set(actors) if isinstance(a, str)))
        order = {s.id: i for i, s in enumerate(sources)}
        with self._read() as db:
            cols = self._read_columns(db)
            names = ", ".join(f'm."{c}"' for c in cols)
            head = f"SELECT d.source, d.pos, m._i, d.id, {names}"
            where = f"d.source IN ({', '.join(str(int(s.id)) for s in sources) or 'NULL'})"
            # CROSS JOIN fixes the order of the loops: from the few named documents or
            # claimants through their indexes, never through every document of a source
            got = db.execute(f"{head} FROM documents d CROSS JOIN mentions m ON m._key = d.key WHERE {where}"
                             " AND d.id IN (SELECT value FROM json_each(?)) UNION "
                             f"{head} FROM mentions m CROSS JOIN documents d ON d.key = m._key WHERE {where}"
                             " AND m.actor IN (SELECT value FROM json_each(?))", (ids, names_in)).fetchall()
        got.sort(key=lambda r: (order[r[0]], r[1], r[2]))
        out = []
        for r in got:
            row = {c: _dec(v) for c, v in zip(cols, r[4:], strict=True)}
            row["doc"] = _dec(r[3])
            out.append((r[0], r[1], row))
        return out

    @_guard
    def actors(self) -> list[str]:
        """Every claimant name the store's mentions carry."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT actor FROM mentions WHERE actor IS NOT NULL")
                if isinstance(r[0], str)]

    # -- findings ------------------------------------------------------------------
    @_guard
    def save_scan(self, by_source: dict[int, tuple[str, list[FindingRecord], dict[str, str]]]) -> None:
        """Keep what a scan found of each source ({source id: (its listing stamp, findings,
        story of each document)}), replacing the last scan's; a source rebuilt meanwhile by
        another run is left alone, and an unchanged answer is not written again."""
        todo = {}
        for sid, (stamp, found, stories) in by_source.items():
            blob = _json([[[f.id, f.rule, f.severity, f.message, [list(m) for m in f.mentions]] for f in found],
                          sorted(stories.items())])
            digest = f"{stamp}:{zlib.crc32(blob):08x}:{len(blob)}"
            todo[sid] = (stamp, digest, found, stories)
        current = dict(self.db.execute("SELECT id, findings FROM sources"))
        todo = {sid: t for sid, t in todo.items() if current.get(sid, "") != t[1]}
        if not todo:
            return
        with self._write() as db:
            for sid, (stamp, digest, found, stories) in todo.items():
                if db.execute("SELECT stamp FROM sources WHERE id = ?", (sid,)).fetchone() != (stamp,):
                    continue
                for table in ("findings", "finding_mentions", "stories"):
                    db.execute(f"DELETE FROM {table} WHERE source = ?", (sid,))
                _executemany(db, "INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?, ?)",
                             [(sid, f.id, f.rule, f.severity, f.message) for f in found])
                _executemany(db, "INSERT INTO finding_mentions VALUES (?, ?, ?, ?, ?)",
                             [(sid, f.id, _enc(d), s, e) for f in found for d, s, e in f.mentions])
                _executemany(db, "INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
                             [(sid, _enc(d), story) for d, story in stories.items()])
                db.execute("UPDATE sources SET findings = ? WHERE id = ?", (digest, sid))

    # -- results of the claims stage -------------------------------------------------
    @_guard
    def result(self, key: str) -> Any:
        """The claims-stage result stored under `key` (JSON), None when there is none or it
        cannot be read (then it is computed again)."""
        row = self.db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(zlib.decompress(row[0]))
        except (zlib.error, ValueError, TypeError):
            return None

    @_guard
    def save_result(self, key: str, value: Any) -> None:
        """Keep a claims-stage result under `key` (a hash of everything it depends on); only
        the KEEP_RESULTS most recent stay."""
        blob = zlib.compress(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 1)
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, blob, time.time()))
            db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM results ORDER BY used DESC LIMIT ?)",
                       (KEEP_RESULTS,))

    # -- search --------------------------------------------------------------------
    @_guard
    def search(self, words: Sequence[str], *, sources: Sequence[SourceEntry], kind: str | None = None,
               limit: int | None = None, fts: bool | None = None) -> tuple[list[Hit], int]:
        """The figures of `sources` whose claimant, metric or sentence holds every word,
        newest document first, with the findings that quote each; and how many there are. A
        document several of the sources hold (by its content) is listed once.

        With FTS5, words match by their English stem ("investment" finds "invest"); without
        it (or with fts=False), by case-insensitive substring."""
        words = [w for w in words if w]
        if not words or not sources:
            return [], 0
        use_fts = self.fts if fts is None else (fts and self.fts)
        by_id = {s.id: s for s in sources}
        among = ", ".join(str(int(s)) for s in by_id)
        # each figure once however many of the archives hold its document (two folders sharing
        # some articles): in its first archive, so that the limit and the count are of figures
        where = [f"d.source IN ({among})",
                 "(d.source, d.pos) = (SELECT d2.source, d2.pos FROM documents d2 WHERE d2.key = d.key"
                 f" AND d2.source IN ({among}) ORDER BY d2.source, d2.pos LIMIT 1)"]
        params: list[Any] = []
        if use_fts:
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            where.append("m._id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)")
            params.append(match)
        else:
            for w in words:
                where.append(f"instr({_FOLDED_TEXT}, ?) > 0")
                params.append(w.lower())
        if kind:
            where.append("m.kind = ?")
            params.append(kind)
        with self._read() as db:
            cols = self._read_columns(db)
            names = ", ".join(f'm."{c}"' for c in cols)
            base = (f"FROM mentions m JOIN documents d ON d.key = m._key JOIN analyses a ON a.key = d.key"
                    f" WHERE {' AND '.join(where)}")
            total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            sql = (f"SELECT d.source, {_DOC_COLS}, a.mentions, a.lead, a.regions, {names} {base}"
                   " ORDER BY d.date IS NULL, d.date DESC, d.source, d.pos, m._i")
            if limit:
                sql += f" LIMIT {int(limit)}"
            got = db.execute(sql, params).fetchall()
            hits = []
            for r in got:
                doc = _stored_doc(r[1:_REGIONS + 2])
                row = {c: _dec(v) for c, v in zip(cols, r[_REGIONS + 2:], strict=True)}
                row["doc"] = doc.id
                hits.append(Hit(row, doc, by_id[r[0]]))
            for h in hits:
                found = db.execute(
                    "SELECT f.id, f.rule, f.severity, f.message FROM finding_mentions fm JOIN findings f"
                    " ON f.source = fm.source AND f.id = fm.finding WHERE fm.source = ? AND fm.doc = ?"
                    ' AND fm.start = ? AND fm."end" = ? ORDER BY f.id',
                    (h.source.id, _enc(h.doc.id), h.row.get("start"), h.row.get("end"))).fetchall()
                h.findings = [FindingRecord(*f) for f in found]
                story = db.execute("SELECT story FROM stories WHERE source = ? AND doc = ?",
                                   (h.source.id, _enc(h.doc.id))).fetchone()
                h.story = story[0] if story else None
        return hits, total

    # -- the whole store -----------------------------------------------------------
    @_guard
    def info(self) -> dict[str, Any]:
        """Where the store is, its size and what it holds."""
        files = [Path(f"{self.path}{s}") for s in ("", "-wal", "-shm")] if self.folder is not None else []
        size = sum(p.stat().st_size for p in files if p.exists())
        exists = self.folder is not None and Path(self.path).exists()
        out: dict[str, Any] = {"path": str(self.path), "bytes": size, "sources": [], "analyses": 0, "mentions": 0,
                               "search": "fts5" if self.fts else "substring"}
        if not exists and self.folder is not None:
            return out
        db = self.db
        out["analyses"] = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
        out["mentions"] = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        out["search"] = "fts5" if self.fts else "substring"
        out["sources"] = self.sources()
        return out

    def clear(self) -> int:
        """Delete the store; the number of files removed."""
        self.close()
        if self.folder is None:
            return 0
        n = 0
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
                n += 1
            except FileNotFoundError:
                pass
        return n
