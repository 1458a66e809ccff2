"""A corrupt cache entry (truncated, a flipped byte, a garbage index) is detected and rebuilt:
the scan gives the same output as with a sound cache, and says so in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.robustness.helpers import REPO, assert_clean_stderr, run_cli


def test_corrupt_cache_entries_are_rebuilt_with_the_same_results(tmp_path: Path) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "archive")
    cache = tmp_path / "cache"
    args = ("scan", "archive", "--cache-dir", cache, "--format", "json", "--no-report", "-q")
    first = run_cli(*args, cwd=tmp_path)
    assert first.code in (0, 1), first.stderr
    assert_clean_stderr(first.stderr)
    [pack] = cache.rglob("*.pack")
    indexes = list(cache.rglob("*.json"))
    assert indexes

    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the middle
    pack.write_bytes(bytes(data))
    for index in indexes:
        index.write_text("garbage{", encoding="utf-8")
    second = run_cli(*args, cwd=tmp_path)
    assert (second.code, second.stdout) == (first.code, first.stdout)
    assert all("cache" in line for line in assert_clean_stderr(second.stderr))

    [pack] = cache.rglob("*.pack")
    pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])  # truncated, as by a crash
    third = run_cli(*args, cwd=tmp_path)
    assert (third.code, third.stdout) == (first.code, first.stdout)
    lines = assert_clean_stderr(third.stderr)
    assert any("corrupt" in line and "rebuilt" in line for line in lines), lines
    assert not list(cache.rglob("*.tmp"))
