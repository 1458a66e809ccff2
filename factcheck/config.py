"""Project configuration: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`.

Found by walking up from the working folder: in each folder a `factcheck.toml` wins,
then a `pyproject.toml` that has a `[tool.factcheck]` table; the first found is used.
Paths in it are relative to the file's folder. Command-line options override it.

    # factcheck.toml (in pyproject.toml: the same keys under [tool.factcheck])
    archive = ["archive/", "wire/reuters.jsonl"]   # what `factcheck check` compares drafts with
    rules = ["newsroom-rules/"]                    # extra rule folders
    no-default-rules = false
    baseline = "factcheck-baseline.json"
    fail-on = "error"                              # error | warning | info | never
    format = "text"                                # text | full | concise | json | sarif | github
    cache-dir = ".factcheck-cache"                 # where the archive store lives
    no-cache = false                               # true: scan and check use no store
    lang = "en"                                    # en | de: read every article in this language

An unknown key or a value of the wrong type is an error naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "factcheck.toml"
CACHE_ENV = "FACTCHECK_CACHE_DIR"
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "full", "concise", "json", "sarif", "github")
LANGS = ("en", "de")
# key → (kind, allowed values); kinds: path, paths, bool, choice
KEYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "archive": ("paths", ()),
    "rules": ("paths", ()),
    "no-default-rules": ("bool", ()),
    "baseline": ("path", ()),
    "fail-on": ("choice", FAIL_ON),
    "format": ("choice", FORMATS),
    "cache-dir": ("path", ()),
    "no-cache": ("bool", ()),
    "lang": ("choice", LANGS),
}


class ConfigError(Exception):
    """A broken configuration file; str() names the file and the key."""

    def __init__(self, path: Path | str, key: str, reason: str) -> None:
        super().__init__(f"{path}: {key}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


@dataclass
class Config:
    """The settings of one configuration file (empty when there is none)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def discover(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The configuration file that applies to `start` (default: the working folder)."""
    folder = Path(start or os.getcwd()).resolve()
    for d in (folder, *folder.parents):
        own = d / CONFIG_NAME
        if own.is_file():
            return own
        py = d / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "[tool.factcheck]" in _safe_text(path)  # broken but meant for us: load() says why
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def _safe_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def load(path: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None) -> Config:
    """Parse and validate one configuration file; paths become relative to `cwd`."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(p, "-", "no such configuration file") from None
    except (OSError, UnicodeDecodeError) as ex:
        raise ConfigError(p, "-", f"cannot read ({ex})") from None
    except tomllib.TOMLDecodeError as ex:
        raise ConfigError(p, "-", f"not valid TOML ({ex})") from None
    prefix = ""
    if p.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
        prefix = "tool.factcheck."
        if not isinstance(table, dict):
            raise ConfigError(p, "tool.factcheck", "must be a table")
        data = table
    base = Path(os.path.abspath(p)).parent
    here = Path(os.path.abspath(cwd or os.getcwd()))
    values = {k: _check(p, prefix + k, k, v, base, here) for k, v in data.items()}
    return Config(p, values)


def _check(path: Path, where: str, key: str, value: Any, base: Path, cwd: Path) -> Any:
    if key not in KEYS:
        near = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else f"; known keys: {', '.join(sorted(KEYS))}"
        raise ConfigError(path, where, f"unknown key{hint}")
    kind, allowed = KEYS[key]
    if kind == "bool":
        if not isinstance(value, bool):
            raise ConfigError(path, where, f"must be true or false, got {_type(value)}")
        return value
    if kind == "choice":
        if not isinstance(value, str) or value not in allowed:
            raise ConfigError(path, where, f"must be one of {', '.join(allowed)}, got {value!r}")
        return value
    if kind == "path":
        if not isinstance(value, str) or not value:
            raise ConfigError(path, where, f"must be a path (a string), got {_type(value)}")
        return _relative(base, value, cwd)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(path, where, f"must be a list of paths (strings), got {_type(value)}")
    return [_relative(base, v, cwd) for v in value]


def _type(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _relative(base: Path, value: str, cwd: Path) -> str:
    """The path as the working folder reaches it: relative when the file gives it relative.

    Relative paths keep document ids the same on every machine (a file's id is its path as
    given), whichever folder the configuration file is found from.
    """
    p = Path(value).expanduser()
    if p.is_absolute():
        return str(p)
    try:
        return os.path.relpath(base / p, cwd).replace(os.sep, "/")
    except ValueError:  # another drive (Windows)
        return str(base / p)


def find_config(explicit: str | None = None, *, disabled: bool = False) -> Config:
    """The configuration in force: `explicit` (--config), else the discovered one, else empty."""
    if disabled:
        return Config()
    path = Path(explicit) if explicit else discover()
    return load(path) if path is not None else Config()


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
    """The store's folder: --cache-dir, else $FACTCHECK_CACHE_DIR, else the config file's
    cache-dir, else the user's cache folder."""
    for value in (option, os.environ.get(CACHE_ENV), configured):
        if value:
            return Path(value).expanduser()
    return user_cache_dir()
