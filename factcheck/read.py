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
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from factcheck.documents import HTML_EXTENSIONS, Comment, Document, ReadError
from factcheck.htmltext import parse_html
from factcheck.lang import normalize_lang, resolve_lang
from factcheck.pubdate import find_dateline, parse_date_value, wire_day
from factcheck.suppress import text_comments

DOCUMENT_EXTENSIONS = (".txt", ".md", ".html", ".htm")
CORPUS_EXTENSIONS = (".json", ".jsonl", ".csv")
ARTICLE_EXTENSIONS = DOCUMENT_EXTENSIONS + CORPUS_EXTENSIONS
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # one article; archives belong in a streamed corpus
STDIN_ID, STDIN_SOURCE = "-", "<stdin>"

_SNIFF = 8192
_CHUNK = 1 << 20  # read size once a file turns out longer than it said
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
_LINE_TOO_LONG = "line longer than 50 MiB (one article's limit) — skipped"
_NOT_REGULAR = "not a regular file (a pipe, socket or device) — not read"


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
    Ids are as the inputs give them; two inputs may name different articles alike (a run
    tells them apart: `documents.distinct_ids`).
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
        elif not own_output(path):
            yield from _iter_file(path, doc_id=rel, lang=lang)


# What factcheck writes, by the opening of the file: its HTML report, a baseline, findings as
# JSON or SARIF, an extracted mentions table, the figures `claims` found. Inside a scanned folder (`factcheck scan .`
# beside its report and baseline) these are no articles; given by name, they are read (and
# refused) like any file.
_OWN_OUTPUT = {
    ".html": re.compile(rb'<meta name="generator" content="factcheck[ "]'),
    ".htm": re.compile(rb'<meta name="generator" content="factcheck[ "]'),
    ".json": re.compile(rb'^\s*\{\s*"(?:findings|query|\$schema)"|"generated_by":\s*"factcheck"'),
    ".jsonl": re.compile(rb'^\s*\{"doc":\s*"[^\n]*"kind":\s*"(?:money|date)"'),
    ".csv": re.compile(rb"^(?:\xef\xbb\xbf)?(?:doc,kind,start,end,|date,kind,text,value,low,high,currency,)"),
}
_OWN_OUTPUT_HEAD = 2048  # the markers stand in the first lines


def own_output(path: str) -> bool:
    """Whether the file at `path` is one factcheck wrote (its opening says so)."""
    marker = _OWN_OUTPUT.get(_extension(path))
    if marker is None:
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(_OWN_OUTPUT_HEAD)
    except OSError:
        return False  # reading it for real says why it cannot be read
    return marker.search(head) is not None


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
                error = ReadError(entry.path, _NOT_REGULAR) if _is_special(entry) else None
                found.append((child, entry.path, error))  # broken links fail when read
    return found


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_special(entry: os.DirEntry[str]) -> bool:
    """A pipe, socket or device named like an article: reading it could block forever."""
    try:
        if entry.is_file():  # from the directory listing, no extra system call
            return False
        return not stat.S_ISREG(os.stat(entry.path).st_mode)
    except OSError:  # a broken link: reading it gives the reason
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
    except (MemoryError, RecursionError):
        yield ReadError(path, "too large or too deeply nested to read")
    except Exception as exc:  # a reader bug must cost this input, not the whole run
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        yield ReadError(path, _internal_reason(exc))


def _read_document_file(path: str, doc_id: str, lang: str | None) -> Document:
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_DOCUMENT_BYTES:  # refuse before reading it into memory
            raise _Unreadable(_too_large(size))
        data = _read_limited(f, size)
    text, encoding = _decode_document(data)
    return _build_document(
        text, doc_id=doc_id, source=path, encoding=encoding, kind=_extension(path), lang=lang
    )


def _read_stdin(stream: BinaryIO, lang: str | None) -> Document | ReadError:
    try:
        text, encoding = _decode_document(_read_limited(stream))
        kind = ".md" if _front_matter_match(text) else ""  # a draft piped in: Markdown or plain text
        return _build_document(
            text, doc_id=STDIN_ID, source=STDIN_SOURCE, encoding=encoding, kind=kind, lang=lang
        )
    except _Unreadable as exc:
        return ReadError(STDIN_SOURCE, exc.reason)
    except OSError as exc:
        return ReadError(STDIN_SOURCE, _os_reason(exc))
    except Exception as exc:  # as for files: say what went wrong, in one line
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return ReadError(STDIN_SOURCE, _internal_reason(exc))


def _read_limited(stream: BinaryIO, size_hint: int = 0, limit: int | None = None) -> bytes:
    """All of `stream`, unless it is bigger than one article can be (pipes have no size).

    Read in chunks sized by what `fstat` said: a single `read(limit + 1)` would allocate
    the whole limit (50 MiB) for every file, which made folders of many small files slow.
    """
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    chunks: list[bytes] = []
    total = 0
    want = min(max(size_hint, 0), limit) + 1  # +1: see the end (or growth) of a regular file
    while total <= limit:
        chunk = stream.read(min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    if total > limit:
        raise _Unreadable(_too_large(None))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _json_too_large(size: int | None) -> str:
    amount = f"{size / 2**20:.1f} MiB" if size is not None else "more than 50 MiB"
    return (
        f"JSON file too large ({amount}, limit 50 MiB): a .json list is read whole; "
        "convert it to a .jsonl corpus (one JSON object per line), which is streamed"
    )


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
    title = declared = date = locale = outlet = url = None
    date_source = None
    comments: tuple[Comment, ...] = ()
    positions: tuple[tuple[int, int, int], ...] = ()
    if kind in HTML_EXTENSIONS:
        page = parse_html(text)
        text = page.text
        if not text:
            raise _Unreadable("no visible text in the HTML page")
        title, declared, outlet, url = page.title, page.lang, page.outlet, page.url
        date = _first_date(page.dates)
        date_source = "html meta" if date else None
        comments = tuple((at, at, data, line) for at, data, line in page.comments)  # line: in the file
        positions = tuple(page.positions)  # a figure is placed in the file, not the visible text
    elif kind == ".md":
        meta = front_matter(text)
        title = meta.get("title") or _markdown_heading(text)
        declared = meta.get("lang") or meta.get("language")
        locale = meta.get("locale") or (f"-{meta['country']}" if meta.get("country") else None)
        date = _first_date(meta.get(key) for key in ("date", "published", "pubdate", "publishdate"))
        date_source = "front matter" if date else None
        outlet = _optional_str(meta.get("outlet")) or _optional_str(meta.get("publisher"))
        url = _optional_str(meta.get("url"))
        comments = _markdown_hidden(text)
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
        comments=comments,
        locale=locale,
        outlet=outlet,
        url=url,
        positions=positions,
    )


def _headline(text: str) -> str | None:
    """A plain-text article's first line, when it is short enough to be its headline. A first
    line of at most three capitalised words (a site or section name: "DayFR Deutsch") gives way
    to the next line when that one reads as a headline: four words or more, no final stop.
    A Markdown heading mark ("# Title", a draft piped in) is not part of the title."""
    lines = [_unmark_heading(line.strip()) for line in text.lstrip().split("\n", 6)[:6]]
    lines = [line for line in lines if line]
    first = lines[0] if lines else ""
    if not 0 < len(first) <= 150:
        return None
    words = first.split()
    if len(words) <= 3 and all(w[0].isupper() for w in words) and len(lines) > 1:
        second = lines[1]
        if len(second.split()) >= 4 and len(second) <= 150 and not second.endswith((".", ":", ",")):
            return second
    return first


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
    comments: tuple[Comment, ...] = (),
    locale: str | None = None,
    outlet: str | None = None,
    line: int | None = None,
    positions: tuple[tuple[int, int, int], ...] = (),
) -> Document:
    """Fill in what the source did not declare: date from a byline, language from words. A
    wire dateline's day ("RIO DE JANEIRO, March 8 -") near the metadata's is the story's own:
    a feed stamps its items in one time zone, and the story's "yesterday" is the dateline's."""
    if date is None:
        date = find_dateline(text)
        date_source = "dateline" if date else None
    elif (local := wire_day(text, date)) is not None and local != date:
        date, date_source = local, "dateline"
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
        comments=comments,
        locale=locale,
        outlet=outlet,
        line=line,
        positions=positions,
    )


def _first_date(values: Iterable[object]) -> dt.date | None:
    return next((d for d in map(parse_date_value, values) if d is not None), None)


# -- Markdown -----------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
# Greedy to the end of the line, closing hashes stripped in Python: `(.+?)[ \t#]*$` took
# time quadratic in the length of a line of spaces or hashes.
_MD_HEADING = re.compile(r"^#[ \t]+(.*)$", re.M)


_META_LINE = re.compile(r"[ \t]|[-#]|[\w .-]+:")  # indented, a list item, a comment, or `key:`


def _front_matter_match(text: str) -> re.Match[str] | None:
    """A leading `---` block that is front matter: every line of it a `key: value`, an indented
    line, a list item or a comment, and one key at least. A text that opens with a horizontal
    rule (`---`, then prose) has none: its lines are the article's."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    lines = [line for line in m[1].splitlines() if line.strip()]
    keyed = any(":" in line and not line[0].isspace() for line in lines)
    return m if keyed and all(_META_LINE.match(line) for line in lines) else None


def front_matter(text: str) -> dict[str, str]:
    """`key: value` lines of a leading `---` block, keys lower-cased (no YAML: flat only)."""
    m = _front_matter_match(text)
    if not m:
        return {}
    meta: dict[str, str] = {}
    for line in m[1].splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or key[0] in " \t#-":  # nested, comment or list item
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = _YAML_ESCAPE.sub(_yaml_unescape, value[1:-1])  # "Trump\u2019s": YAML's escapes
        elif len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("''", "'")  # 'It''s': YAML's single-quoted form
        meta.setdefault(key.strip().lower(), value)
    return meta


_YAML_ESCAPE = re.compile(r"\\(u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}"
                          r"|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)")
_YAML_CHARS = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "_": "\u00a0", "N": "\u0085", " ": " ", "/": "/",
               '"': '"', "\\": "\\", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "v": "\v"}


def _yaml_unescape(m: re.Match[str]) -> str:
    code = m[1]
    if len(code) == 11:  # a surrogate pair, as JSON writes an emoji: one character
        high, low = int(code[1:5], 16), int(code[7:], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    if len(code) > 1:  # \uXXXX, \UXXXXXXXX, \xXX; a lone surrogate is no character: left as written
        n = int(code[1:], 16)
        return chr(n) if n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF else m[0]
    return _YAML_CHARS.get(code, m[0])


_ATX_MARK = re.compile(r"#{1,6}[ \t]+")


def _unmark_heading(line: str) -> str:
    """A line without its Markdown heading marks ("# Title #" -> "Title")."""
    m = _ATX_MARK.match(line)
    return line[m.end() :].rstrip(" \t#") if m else line


def _markdown_hidden(text: str) -> tuple[tuple[int, int, str], ...]:
    """What a reader of a Markdown article never sees, as `Document.comments`: its front matter
    (metadata: its `date:` is the publication date, not a claim of the text) and its comments."""
    m = _front_matter_match(text)
    if not m:  # its comments alone: suppress.py finds them in the text
        return ()
    return ((0, m.end(), ""), *text_comments(text))


def _markdown_heading(text: str) -> str | None:
    body = text[m.end() :] if (m := _front_matter_match(text)) else text
    for heading in _MD_HEADING.finditer(body):
        title = heading[1].rstrip(" \t#\r")
        if title:
            return title
    return None


# -- corpora ------------------------------------------------------------------------


class _Lines:
    """A corpus file's lines as text, streamed (bounded memory however big the file).

    Each line is decoded on its own with the usual fallbacks, so one stray cp1252 byte
    costs nothing but a note in that record's `encoding`.
    """

    def __init__(self, f: io.BufferedReader) -> None:
        head = f.peek(_SNIFF)[:_SNIFF]  # no seek: a pipe (`<(zcat corpus.jsonl.gz)`) works too
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

    def __iter__(self) -> Iterator[str | None]:
        """Each line, or None for a line longer than one article may be (it is skipped
        in bounded memory: a 200 MB line without a newline is never held whole)."""
        if self._utf16:
            text = io.TextIOWrapper(self._f, encoding="utf-16", newline="")
            limit = MAX_DOCUMENT_BYTES // 2  # characters of two bytes
            while line := text.readline(limit + 1):
                if len(line) > limit:
                    while line and line[-1] not in "\r\n":
                        line = text.readline(_CHUNK)
                    yield None
                else:
                    yield line
            return
        first = True
        while (raw := _readline(self._f, MAX_DOCUMENT_BYTES)) != b"":
            if raw is None:
                yield None
                continue
            if first and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            first = False
            text, encoding = _decode_8bit(raw)
            if encoding != "utf-8":
                self._fallback = encoding
            yield text

    def take_encoding(self) -> str:
        """How the lines read since the last call were decoded."""
        encoding, self._fallback = self._fallback or self.base, None
        return encoding


def _readline(f: BinaryIO, limit: int) -> bytes | None:
    """The next line (b"" at the end), or None for a line over `limit` bytes, which is
    skipped holding at most `limit` bytes of it."""
    chunks: list[bytes] = []
    total = 0
    while chunk := f.readline(_CHUNK):
        total += len(chunk)
        if total > limit:
            chunks.clear()
            while chunk and not chunk.endswith(b"\n"):
                chunk = f.readline(_CHUNK)
            return None
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _read_jsonl(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    records = 0
    with open(path, "rb") as f:
        lines = _Lines(f)
        for number, line in enumerate(lines, 1):
            encoding = lines.take_encoding()
            if line is not None and not line.strip():
                continue
            records += 1
            where = f"{path}:{number}"
            if line is None:
                yield ReadError(where, _LINE_TOO_LONG)
                continue
            try:  # without its line end, so an error at the end of the line is placed there
                record = json.loads(line.rstrip(_JSON_WHITESPACE))
            except (ValueError, RecursionError) as exc:
                yield ReadError(where, _json_reason(exc, with_line=False))
                continue
            yield _record_document(
                record, where, f"{doc_id}:{number}", source=path, encoding=encoding, lang=lang, line=number
            )
    if not records:
        raise _Unreadable("empty file")


_JSON_WHITESPACE = " \t\r\n"  # what JSON itself skips between tokens


def _read_csv(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    csv.field_size_limit(MAX_DOCUMENT_BYTES)  # article bodies exceed the 128 KiB default
    with open(path, "rb") as f:
        lines = _Lines(f)
        # strict: a stray quote would otherwise swallow the records after it into one text
        reader = csv.reader(_csv_lines(lines), strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise _Unreadable(f"invalid CSV header: {exc}") from None
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
                if "field larger than field limit" in str(exc):  # an unclosed quote, usually:
                    raise _Unreadable(  # what follows would be read as garbage rows
                        f"line {first_line}: a field is larger than 50 MiB (an unclosed quote?); "
                        "stopped reading there, the records before it were read"
                    ) from None
                yield ReadError(f"{path}:{first_line}",
                                f"invalid CSV: {_csv_reason(exc, first_line, reader.line_num)}")
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
                line=first_line,
            )


def _csv_reason(exc: csv.Error, first_line: int, last_line: int) -> str:
    """What a CSV error means for the person who exported the file."""
    text = str(exc)
    if text.startswith("',' expected after '\"'"):
        lines = f"lines {first_line}-{last_line}" if last_line > first_line else f"line {first_line}"
        return (f"text after a closing quote, even a space (a stray or undoubled quote?), in {lines}; "
                "this record is skipped, the records after it are read")
    if text == "unexpected end of data":
        return "a quoted field is never closed (an unclosed quote?): every line after it was read into it"
    return text


_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


def _csv_lines(lines: _Lines) -> Iterator[str]:
    """The lines csv.reader expects from a file opened with newline="": a lone "\r" (old Mac
    line ends, or a stray one) also ends a line, or csv raises "new-line character seen in
    unquoted field"."""
    for number, line in enumerate(lines, 1):
        if line is None:
            raise _Unreadable(
                f"line {number} is longer than 50 MiB; stopped reading there, the records before it were read"
            )
        if "\r" in line:
            yield from _LONE_CR.split(line)
        else:
            yield line


def _read_json(path: str, doc_id: str, lang: str | None) -> Iterator[Document | ReadError]:
    """A JSON list of records; record numbers (1-based) stand in for line numbers in ids
    and errors, and each record's `line` is the line its object opens on.

    json.loads needs the whole file (and several times its size in memory), so a .json
    corpus has the same size limit as one article; big corpora belong in .jsonl.
    """
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_DOCUMENT_BYTES:
            raise _Unreadable(_json_too_large(size))
        try:
            data = _read_limited(f, size)
        except _Unreadable:
            raise _Unreadable(_json_too_large(None)) from None
    text, encoding = _decode_document(data)
    try:
        items, lines = _json_list(text)
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
            line=lines[number - 1] if lines else None,
        )


_JSON_DECODER = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\n\r]*")  # what JSON skips between tokens


def _skip_space(text: str, at: int) -> int:
    m = _JSON_SPACE.match(text, at)
    return m.end() if m else at


def _json_list(text: str) -> tuple[Any, list[int] | None]:
    """`json.loads(text)` and, when it is a list, the 1-based line each item opens on (None
    when the text is not a list). The list is walked item by item with the same decoder; any
    surprise leaves it to `json.loads`, whose error (or value) is then the answer."""
    try:
        return _json_items(text)
    except (ValueError, IndexError):
        return json.loads(text), None


def _json_items(text: str) -> tuple[list[Any], list[int]]:
    at = _skip_space(text, 0)
    if text[at] != "[":
        raise ValueError("not a list")
    items: list[Any] = []
    lines: list[int] = []
    line, counted = 1, 0
    at = _skip_space(text, at + 1)
    if text[at] != "]":
        while True:
            line += text.count("\n", counted, at)
            counted = at
            item, at = _JSON_DECODER.raw_decode(text, at)
            items.append(item)
            lines.append(line)
            at = _skip_space(text, at)
            if text[at] == ",":
                at = _skip_space(text, at + 1)
            elif text[at] == "]":
                break
            else:
                raise ValueError("expected , or ]")
    if _skip_space(text, at + 1) != len(text):
        raise ValueError("extra data")
    return items, lines


def _json_reason(exc: Exception, *, with_line: bool) -> str:
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        where = f"line {exc.lineno}, column {exc.colno}" if with_line else f"column {exc.colno}"
        msg = exc.msg.removesuffix(" at")  # "Invalid control character at"
        return f"invalid JSON: {msg} ({where})"
    return f"invalid JSON: {exc}"


def _record_document(
    record: object,
    where: str,
    fallback_id: str,
    *,
    source: str,
    encoding: str,
    lang: str | None,
    line: int | None = None,
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
        locale=_locale(record),
        outlet=_record_outlet(record),
        line=line,
    )


def _record_outlet(record: Mapping[str, Any]) -> str | None:
    """Who published a record: its `outlet`, else its `publisher`, `publication` or
    `site_name`, a name or an object's `name` (the form news APIs give: {"id": ..., "name":
    "Fox News"}), else the `name` of a `source` object (a bare `source` says where the record
    came from, a file or a feed, not who published it)."""
    for key in ("outlet", "publisher", "publication", "site_name"):
        value = record.get(key)
        if name := _optional_str(value.get("name") if isinstance(value, dict) and key != "outlet" else value):
            return name
    source = record.get("source")
    return _optional_str(source.get("name")) if isinstance(source, dict) else None


def _locale(record: dict) -> str | None:
    """A record's `locale` ("en-AU"), else its `country` ("AU", "au") as a region."""
    locale, country = _optional_str(record.get("locale")), _optional_str(record.get("country"))
    return locale or (f"-{country}" if country else None)


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
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _Unreadable(
                f"cannot decode as UTF-16 (the file starts with its byte-order mark): {exc.reason}"
            ) from None
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


def _internal_reason(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:200]
    return (
        f"internal error while reading ({type(exc).__name__}: {detail}); "
        "rerun with FACTCHECK_DEBUG=1 and report it"
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return exc.strerror or str(exc)
