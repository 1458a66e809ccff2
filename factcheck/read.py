"""Step 1, read: turn paths (folders, files, corpora, stdin) into Documents.

Every input that cannot be read becomes a ReadError with the reason; nothing is skipped
silently except, inside folders, hidden entries and files that are not articles by their
extension. Output order is deterministic: paths as given, files in a folder by relative
POSIX path, corpus records in file order.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from factcheck.documents import Document, ReadError
from factcheck.htmltext import parse_html
from factcheck.lang import normalize_lang, resolve_lang
from factcheck.pubdate import find_dateline, parse_date_value

DOCUMENT_EXTENSIONS = (".txt", ".md", ".html", ".htm")
CORPUS_EXTENSIONS = (".json", ".jsonl", ".csv")
ARTICLE_EXTENSIONS = DOCUMENT_EXTENSIONS + CORPUS_EXTENSIONS
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # one article; archives belong in a streamed corpus
STDIN_ID, STDIN_SOURCE = "-", "<stdin>"

_SNIFF = 8192
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_NO_ARTICLES = "no articles found (looked for " + ", ".join(ARTICLE_EXTENSIONS) + ")"


class _Unreadable(Exception):
    """Raised inside the readers; becomes a ReadError for the input being read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- public API ---------------------------------------------------------------------


def iter_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, lang: str | None = None
) -> Iterator[Document | ReadError]:
    """Documents and read errors for `paths`, in a deterministic order.

    `lang` ("en"/"de") overrides every declared or detected language; anything else is a
    usage error (ValueError). `stdin` is read for a "-" path (default: sys.stdin.buffer).
    """
    if lang is not None and normalize_lang(lang) is None:
        raise ValueError(f"unsupported language {lang!r}: use en or de")
    for path in map(os.fspath, paths):
        if path == "-":
            yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer, lang)
        elif os.path.isdir(path):
            yield from _iter_folder(path, lang)
        else:
            yield from _iter_file(path, doc_id=path, lang=lang)


def read_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, lang: str | None = None
) -> tuple[list[Document], list[ReadError]]:
    """`iter_inputs`, collected: (documents, errors), each in input order."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    for item in iter_inputs(paths, stdin=stdin, lang=lang):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            docs.append(item)
    return docs, errors


# -- folders ------------------------------------------------------------------------


def _iter_folder(root: str, lang: str | None) -> Iterator[Document | ReadError]:
    found = _walk(root)
    if not found:
        yield ReadError(root, _NO_ARTICLES)
    for rel, path, error in sorted(found, key=lambda item: item[0]):
        if error is not None:
            yield error
        else:
            yield from _iter_file(path, doc_id=rel, lang=lang)


def _walk(root: str) -> list[tuple[str, str, ReadError | None]]:
    """(relative POSIX path, path, error) of every article file under `root`.

    Iterative, so deep trees cannot exhaust the stack. Symlinked folders are walked after
    all real ones and each real folder only once: a folder reachable both ways keeps its
    real path as id, and a symlink loop ends at the first repeat.
    """
    found: list[tuple[str, str, ReadError | None]] = []
    folders: list[tuple[str, str]] = [("", root)]
    linked: list[tuple[str, str]] = []
    visited: set[str] = set()
    while folders or linked:
        rel, folder = folders.pop() if folders else linked.pop()
        real = os.path.realpath(folder)
        if real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            found.append((rel, folder, ReadError(folder, _os_reason(exc))))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = f"{rel}/{entry.name}" if rel else entry.name
            if _is_dir(entry):
                (linked if entry.is_symlink() else folders).append((child, entry.path))
            elif _extension(entry.name) in ARTICLE_EXTENSIONS:
                found.append((child, entry.path, None))  # broken links fail when read
    return found


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


# -- files --------------------------------------------------------------------------


def _iter_file(path: str, *, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    """One file: a corpus (many records) by extension, else one document."""
    readers = {".jsonl": _read_jsonl, ".csv": _read_csv, ".json": _read_json}
    reader = readers.get(_extension(path))
    try:
        if reader:
            yield from reader(path, doc_id, lang)
        else:
            yield _read_document_file(path, doc_id, lang)
    except _Unreadable as exc:
        yield ReadError(path, exc.reason)
    except OSError as exc:
        yield ReadError(path, _os_reason(exc))
    except UnicodeError as exc:
        yield ReadError(path, f"cannot decode: {exc}")


def _read_document_file(path: str, doc_id: str, lang: str | None) -> Document:
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_DOCUMENT_BYTES:  # refuse before reading it into memory
            raise _Unreadable(_too_large(size))
        data = _read_limited(f)
    text, encoding = _decode_document(data)
    return _build_document(
        text, doc_id=doc_id, source=path, encoding=encoding, kind=_extension(path), lang=lang
    )


def _read_stdin(stream: BinaryIO, lang: str | None) -> Document | ReadError:
    try:
        text, encoding = _decode_document(_read_limited(stream))
        return _build_document(
            text, doc_id=STDIN_ID, source=STDIN_SOURCE, encoding=encoding, kind="", lang=lang
        )
    except _Unreadable as exc:
        return ReadError(STDIN_SOURCE, exc.reason)
    except OSError as exc:
        return ReadError(STDIN_SOURCE, _os_reason(exc))


def _read_limited(stream: BinaryIO) -> bytes:
    """All of `stream`, unless it is bigger than one article can be (pipes have no size)."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _Unreadable(_too_large(None))
    return data


def _too_large(size: int | None) -> str:
    amount = f"{size / 2**20:.1f} MiB" if size is not None else "more than 50 MiB"
    return (
        f"file too large for one article ({amount}, limit 50 MiB); "
        "put many articles in a .jsonl corpus (one JSON object per line), which is streamed"
    )


def _build_document(
    text: str, *, doc_id: str, source: str, encoding: str, kind: str, lang: str | None
) -> Document:
    """A Document from decoded file text, with the metadata its format can carry."""
    title = declared = date = None
    date_source = None
    if kind in (".html", ".htm"):
        page = parse_html(text)
        text = page.text
        if not text:
            raise _Unreadable("no visible text in the HTML page")
        title, declared = page.title, page.lang
        date = _first_date(page.dates)
        date_source = "html meta" if date else None
    elif kind == ".md":
        meta = front_matter(text)
        title = meta.get("title") or _markdown_heading(text)
        declared = meta.get("lang") or meta.get("language")
        date = _first_date(meta.get(key) for key in ("date", "published", "pubdate", "publishdate"))
        date_source = "front matter" if date else None
    else:
        title = _headline(text)
    return _finish(
        text,
        doc_id=doc_id,
        source=source,
        encoding=encoding,
        lang=lang,
        declared=declared,
        title=title,
        date=date,
        date_source=date_source,
    )


def _headline(text: str) -> str | None:
    """A plain-text article's first line, when it is short enough to be its headline."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 150 else None


def _finish(
    text: str,
    *,
    doc_id: str,
    source: str,
    encoding: str,
    lang: str | None,
    declared: object,
    title: str | None,
    date: dt.date | None,
    date_source: str | None,
    url: str | None = None,
) -> Document:
    """Fill in what the source did not declare: date from a byline, language from words."""
    if date is None:
        date = find_dateline(text)
        date_source = "dateline" if date else None
    return Document(
        id=doc_id,
        text=text,
        lang=resolve_lang(text, override=lang, declared=declared),
        date=date,
        title=title,
        url=url,
        source=source,
        encoding=encoding,
        date_source=date_source,
    )


def _first_date(values: Iterable[object]) -> dt.date | None:
    return next((d for d in map(parse_date_value, values) if d is not None), None)


# -- Markdown -----------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_MD_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


def front_matter(text: str) -> dict[str, str]:
    """`key: value` lines of a leading `---` block, keys lower-cased (no YAML: flat only)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    meta: dict[str, str] = {}
    for line in m[1].splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or key[0] in " \t#-":  # nested, comment or list item
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta.setdefault(key.strip().lower(), value)
    return meta


def _markdown_heading(text: str) -> str | None:
    m = _MD_HEADING.search(text[m.end() :] if (m := _FRONT_MATTER.match(text)) else text)
    return m[1] if m else None


# -- corpora ------------------------------------------------------------------------


class _Lines:
    """A corpus file's lines as text, streamed (bounded memory however big the file).

    Each line is decoded on its own with the usual fallbacks, so one stray cp1252 byte
    costs nothing but a note in that record's `encoding`.
    """

    def __init__(self, f: BinaryIO) -> None:
        head = f.read(_SNIFF)
        f.seek(0)
        if not head:
            raise _Unreadable("empty file")
        _check_not_binary(head)
        self._f = f
        self._utf16 = head.startswith(_UTF16_BOMS)
        if self._utf16:
            self.base = "utf-16"
        else:
            self.base = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
        self._fallback: str | None = None

    def __iter__(self) -> Iterator[str]:
        if self._utf16:
            yield from io.TextIOWrapper(self._f, encoding="utf-16", newline="")
            return
        for number, raw in enumerate(self._f):
            if number == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            text, encoding = _decode_8bit(raw)
            if encoding != "utf-8":
                self._fallback = encoding
            yield text

    def take_encoding(self) -> str:
        """How the lines read since the last call were decoded."""
        encoding, self._fallback = self._fallback or self.base, None
        return encoding


def _read_jsonl(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    records = 0
    with open(path, "rb") as f:
        lines = _Lines(f)
        for number, line in enumerate(lines, 1):
            encoding = lines.take_encoding()
            if not line.strip():
                continue
            records += 1
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield ReadError(where, _json_reason(exc, with_line=False))
                continue
            yield _record_document(
                record, where, f"{doc_id}:{number}", source=path, encoding=encoding, lang=lang
            )
    if not records:
        raise _Unreadable("empty file")


def _read_csv(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KiB default
    with open(path, "rb") as f:
        lines = _Lines(f)
        reader = csv.reader(lines)
        header = next(reader, None)
        if header is None:
            raise _Unreadable("empty file")
        columns = [name.strip().lstrip("\ufeff").lower() for name in header]
        if "text" not in columns:
            found = ", ".join(repr(c) for c in columns if c) or "none"
            raise _Unreadable(f"CSV has no 'text' column (columns: {found})")
        lines.take_encoding()
        while True:
            first_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield ReadError(f"{path}:{first_line}", f"invalid CSV: {exc}")
                continue
            encoding = lines.take_encoding()
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(columns, row, strict=False))
            yield _record_document(
                record,
                f"{path}:{first_line}",
                f"{doc_id}:{first_line}",
                source=path,
                encoding=encoding,
                lang=lang,
            )


def _read_json(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    """A JSON list of records; record numbers (1-based) stand in for line numbers."""
    with open(path, "rb") as f:
        data = f.read()
    text, encoding = _decode_document(data)
    try:
        items = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _Unreadable(_json_reason(exc, with_line=True)) from None
    if not isinstance(items, list):
        raise _Unreadable(f"expected a JSON list of article objects, got {type(items).__name__}")
    if not items:
        raise _Unreadable("the JSON list holds no articles")
    for number, item in enumerate(items, 1):
        yield _record_document(
            item,
            f"{path}:{number}",
            f"{doc_id}:{number}",
            source=path,
            encoding=encoding,
            lang=lang,
        )


def _json_reason(exc: Exception, *, with_line: bool) -> str:
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        where = f"line {exc.lineno}, column {exc.colno}" if with_line else f"column {exc.colno}"
        return f"invalid JSON: {exc.msg} ({where})"
    return f"invalid JSON: {exc}"


def _record_document(
    record: object, where: str, fallback_id: str, *, source: str, encoding: str, lang: str | None
) -> Document | ReadError:
    """A corpus record (JSON object or CSV row) as a Document, or why it is not one."""
    if not isinstance(record, dict):
        return ReadError(
            where, f"expected a JSON object for an article, got {type(record).__name__}"
        )
    text = record.get("text")
    if text is None:
        return ReadError(where, "record has no 'text' field")
    if not isinstance(text, str):
        return ReadError(where, f"'text' must be a string, got {type(text).__name__}")
    # A record with an empty text is still an article of the corpus (wire BRIEFs often are
    # headline-only): it is counted and simply has no mentions.
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = fallback_id
    elif isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
        doc_id = str(raw_id)
    else:
        return ReadError(where, f"'id' must be a string or integer, got {type(raw_id).__name__}")
    date = parse_date_value(record.get("date"))
    return _finish(
        text,
        doc_id=doc_id,
        source=source,
        encoding=encoding,
        lang=lang,
        declared=record.get("lang"),
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        date=date,
        date_source="field" if date else None,
    )


def _optional_str(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


# -- bytes --------------------------------------------------------------------------


def _check_not_binary(head: bytes) -> None:
    """Refuse PDFs, images, archives and other binary files before decoding them."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise _Unreadable(f"binary file ({kind}) — not an article")
    if b"\x00" in head[:_SNIFF] and not head.startswith(_UTF16_BOMS):
        raise _Unreadable("binary file (contains NUL bytes) — not an article")


def _decode_document(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file; empty and binary files are refused."""
    if not data.strip():
        raise _Unreadable("empty file")
    _check_not_binary(data[:_SNIFF])
    if data.startswith(_UTF16_BOMS):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode_8bit(data[len(codecs.BOM_UTF8) :])
        encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    else:
        text, encoding = _decode_8bit(data)
    if not text.strip():
        raise _Unreadable("empty file")
    return text, encoding


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Strict UTF-8, else cp1252 (what "latin-1" web text usually is), else latin-1."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


# -- small helpers ------------------------------------------------------------------


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return exc.strerror or str(exc)
