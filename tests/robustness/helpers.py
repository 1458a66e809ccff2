"""Shared helpers of the robustness tests: hostile inputs, and running the real CLI."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "Acme said on Monday it will invest $5 million in the plant by March 2025."

# One hostile input per case: file name -> (content, fragment of the reason it is refused,
# or None when the file must be read). Each is also a case of the CLI no-traceback test.
HOSTILE_FILES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \n\t\r\n  \n", "empty file"),
    "empty.jsonl": (b"", "empty file"),
    "blank.jsonl": (b"\n\n  \n", "empty file"),
    "empty.csv": (b"", "empty file"),
    "empty.json": (b"", "empty file"),
    "empty.html": (b"", "empty file"),
    "invisible.html": (b"<html><head><title>t</title><script>var a = '$5 million';</script></head></html>",
                       "no visible text"),
    "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF)"),
    "photo.png.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG)"),
    "scan.jpg.html": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary file (JPEG)"),
    "archive.zip.jsonl": (b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 40, "binary file (ZIP)"),
    "nul.txt": (b"Acme paid $5 million\x00\x00 in 2024.", "NUL bytes"),
    "nul.csv": (b"id,text\na,x\x00y\n", "NUL bytes"),
    "bad_utf16.txt": (codecs.BOM_UTF16_LE + "Acme paid $5 million.".encode("utf-16-le") + b"\x00\xd8",
                      "cannot decode as UTF-16"),
    "no_text_column.csv": (b"id,body,date\n1,Acme paid $5 million.,2024-01-01\n", "no 'text' column"),
    "header_only.csv": (b"id,title\n", "no 'text' column"),
    "object.json": (b'{"id": "a", "text": "Acme paid $5 million."}', "expected a JSON list"),
    "number.json": (b"42", "expected a JSON list"),
    "string.json": (b'"Acme paid $5 million."', "expected a JSON list"),
    "empty_list.json": (b"[]", "holds no articles"),
    "broken.json": (b'[{"id": "a", "text": "Acme', "invalid JSON"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    # Hostile but readable: each must be read (and scanned) without trouble.
    "cp1252.txt": ("Caf\u00e9 \u201cAcme\u201d paid \u20ac5 million \u2013 in M\u00e4rz 2024.".encode("cp1252"), None),
    "latin1.txt": (b"Caf\xe9 \x81\x8d: Acme paid $5 million.", None),
    "utf16.txt": (codecs.BOM_UTF16_LE + "M\u00fcller: Acme paid \u20ac5 million.".encode("utf-16-le"), None),
    "mixed.md": ("# M\u00fcller\n".encode() + b"Caf\xe9 paid \x805 million.\n", None),
    "deep.html": (b"<div>" * 100_000 + b"Acme paid $5 million." + b"</div>" * 100_000, None),
    "hostile.html": (b"<html><head><style>p{}</style><script>var s='$9 billion';</script></head><body>"
                     b"<!-- $7 billion --><p onclick='alert(1)'>Acme paid $5 million.</p><![foo[ x ]]>"
                     b"<svg><text>$2 billion</text></svg><p>More: $6 million.</p>" + b"<math>" * 20_000
                     + b"</svg>" * 20_000 + b"</body></html>", None),
}


def write_hostile_tree(root: Path) -> dict[str, str]:
    """The HOSTILE_FILES under `root` (plus good articles); returns path -> reason fragment."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    expected = {}
    for name, (content, reason) in HOSTILE_FILES.items():
        (root / name).write_bytes(content)
        if reason is not None:
            expected[str(root / name)] = reason
    return expected


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: str | os.PathLike[str], cwd: Path | None = None, stdin: bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """`python -m factcheck ARGS` in a fresh process, as a user runs it (no FACTCHECK_DEBUG)."""
    environ = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    environ.update({"PYTHONIOENCODING": "utf-8", "FACTCHECK_CACHE_DIR": str((cwd or REPO) / ".fc-cache")})
    environ.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], cwd=cwd or REPO, input=stdin,
                          capture_output=True, timeout=timeout, env=environ)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


_PROGRESS = re.compile(r"^factcheck: (report written to|\d+ findings written to) ")


def assert_clean_stderr(stderr: str) -> list[str]:
    """No traceback; every line is one `factcheck: ...` message. Returns the lines."""
    assert "Traceback" not in stderr, stderr
    assert "internal error" not in stderr, stderr
    lines = [line for line in stderr.replace("\r", "\n").split("\n") if line.strip()]
    for line in lines:
        assert line.startswith("factcheck: ") or line.startswith(("Usage:", "Try ", "Error: ")), line
    return lines


def cannot_read_lines(stderr: str) -> dict[str, str]:
    """source -> reason of every `factcheck: cannot read SOURCE: REASON` line."""
    out = {}
    for line in assert_clean_stderr(stderr):
        m = re.match(r"factcheck: cannot read (.+?): (.+)$", line)
        if m:
            out[m[1]] = m[2]
    return out


def run_entry(args: list[str | os.PathLike[str]], monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str], stdin: bytes = b"") -> Run:
    """The console script in-process (`factcheck.cli.entry`, what the installed `factcheck`
    calls): `factcheck ARGS` as typed, without the cost of a new interpreter."""
    from factcheck.cli import entry

    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["factcheck", *map(str, args)])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    with pytest.raises(SystemExit) as exc:
        entry()
    out, err = capsys.readouterr()
    code = exc.value.code
    return Run(code if isinstance(code, int) else (0 if code is None else 1), out, err)
