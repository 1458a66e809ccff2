"""The user documentation: the CLI reference is the commands' own help, the README is short and
every link in it and in docs/ stays inside the repository."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _generator():
    spec = importlib.util.spec_from_file_location("make_cli_reference", REPO / "docs" / "make_cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current():
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == _generator().reference(), (
        "docs/cli.md is out of date: run `python docs/make_cli_reference.py` and commit it")


def test_cli_reference_covers_every_command_and_option():
    from factcheck.cli import main

    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert f"## `factcheck {name}`" in text
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in text, (name, opt)
    assert "--min-severity" in text


def test_readme_is_short():
    assert len(README.read_bytes()) < 15_000


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks are not links
    return LINK.findall(text)


def test_links_stay_inside_the_repository():
    pages = [README, *sorted((REPO / "docs").glob("*.md"))]
    seen = 0
    for page in pages:
        for target in _links(page):
            seen += 1
            assert not re.match(r"[a-z][a-z0-9+.-]*:", target, re.I), f"{page.name} links outside: {target}"
            path = target.split("#", 1)[0]
            if not path:
                continue
            resolved = (page.parent / path).resolve()
            assert resolved.is_relative_to(REPO), f"{page.name} points outside the repository: {target}"
            assert resolved.exists(), f"{page.name} links to a missing file: {target}"
    assert seen >= 3
    for page in pages:  # the contract lives in docs/interfaces.md now
        assert "shared/INTERFACES" not in page.read_text(encoding="utf-8"), page.name
