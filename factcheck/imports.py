"""The import graph of factcheck's own modules, read from the source files (nothing is imported).

It serves two purposes: the version of stored analyses is a hash of exactly the files that
per-document analysis runs (the closure of its module), and a test keeps the graph free of
cycles. Every import counts, at module level or inside a function (both run sooner or
later), except those under `if TYPE_CHECKING:`, which never run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = "factcheck"
PACKAGE_DIR = Path(__file__).resolve().parent


def module_file(name: str, root: Path = PACKAGE_DIR) -> Path | None:
    """The file of a module of the package (`factcheck.extract` → extract/__init__.py)."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = root.joinpath(*parts[1:])
    for cand in (base.with_suffix(".py") if parts[1:] else None, base / "__init__.py"):
        if cand is not None and cand.is_file():
            return cand
    return None


def modules(root: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module of the package: dotted name → file."""
    out = {}
    for p in sorted(root.rglob("*.py")):
        rel = p.relative_to(root).with_suffix("")
        parts = [PACKAGE, *rel.parts]
        if parts[-1] == "__init__":
            parts.pop()
        if all(part.isidentifier() for part in parts):
            out[".".join(parts)] = p
    return out


# An import statement at the start of a line (parenthesised names may span lines), and the
# `if TYPE_CHECKING:` lines that open blocks whose imports never run. Reading only these
# lines keeps the version of stored analyses cheap to compute (a full parse of the
# extractors takes a fifth of a second); an import quoted in a docstring at the start of a
# line counts too, which can only make the closure larger, never miss a module.
_STATEMENT = re.compile(r"^([ \t]*)(from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n;#]*)|import[ \t]+[^\n;#]*)",
                        re.M)
_TYPE_CHECKING = re.compile(r"^([ \t]*)if[ \t]+(?:typing\.)?TYPE_CHECKING[ \t]*:[ \t]*(?:#.*)?$", re.M)
_CODE_LINE = re.compile(r"^([ \t]*)[^\s#]", re.M)


def _statements(text: str) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of a module's source that run (not under TYPE_CHECKING)."""
    skipped: list[tuple[int, int]] = []  # character spans of TYPE_CHECKING blocks
    for m in _TYPE_CHECKING.finditer(text):
        indent = len(m[1].expandtabs())
        end = len(text)
        for line in _CODE_LINE.finditer(text, m.end()):
            if len(line[1].expandtabs()) <= indent:
                end = line.start()
                break
        skipped.append((m.end(), end))
    out = []
    for m in _STATEMENT.finditer(text):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        try:
            node = ast.parse(m[2].strip().rstrip("\\ ").rstrip(",")).body[0]  # (a `\\` continuation: its first line)
        except (SyntaxError, IndexError):  # prose that looks like an import, in a docstring
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.append(node)
    return out


def imports_of(source: str | bytes, name: str, *, is_package: bool = False,
               known: Iterable[str] | None = None) -> set[str]:
    """The package's modules that module `name` imports (its source given)."""
    known_set = set(known) if known is not None else set(modules())
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    for node in _statements(text):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            targets = []
            for a in node.names:
                sub = f"{mod}.{a.name}"
                targets.append(sub if sub in known_set else mod)
        for t in targets:
            while t and t not in known_set and "." in t:  # `import factcheck.x.y` of an object: its module
                t = t.rpartition(".")[0]
            if t in known_set and t != name:
                out.add(t)
    return out


@cache
def _known(root: Path) -> dict[str, Path]:
    return modules(root)


@cache
def direct(name: str, root: Path = PACKAGE_DIR) -> frozenset[str]:
    """The package modules that module `name` imports directly (parsed on first use)."""
    mods = _known(root)
    path = mods[name]
    return frozenset(imports_of(path.read_bytes(), name, is_package=path.name == "__init__.py", known=mods))


def graph(root: Path = PACKAGE_DIR) -> dict[str, frozenset[str]]:
    """module → the package modules it imports (directly), for every module."""
    return {name: direct(name, root) for name in _known(root)}


def closure(roots: Iterable[str], root: Path = PACKAGE_DIR) -> set[str]:
    """The roots, every module they import transitively, and the packages those live in
    (a package's `__init__` runs before any of its modules)."""
    mods = _known(root)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        m = todo.pop()
        if m in seen or m not in mods:
            continue
        seen.add(m)
        todo.extend(direct(m, root))
        parent = m.rpartition(".")[0]
        if parent:
            todo.append(parent)
    return seen


def cycles(g: dict[str, frozenset[str]] | dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of a graph: each strongly connected group of two or more modules
    (or a module importing itself), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:  # Tarjan's algorithm; the graph is small enough to recurse
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in g.get(v, ()):
                out.append(sorted(group))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return sorted(out)
